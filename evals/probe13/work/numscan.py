"""numscan.py: for each paper in order, numbers in its abstract (digits / number words) and whether any existing
question/answer/key_fact that cites it already contains that number."""
import os, json, glob, re, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse(); order = json.load(open(os.path.join(WORK, 'paper_order.json')))
used = {}
for f in sorted(glob.glob('/work/main/evals/*/qa.jsonl')):
    if '/probe13/' in f: continue
    for l in open(f):
        r = json.loads(l)
        txt = r['question'] + ' ' + r['answer'] + ' ' + ' '.join(r.get('key_facts', []))
        for i in r['cited_paper_ids'] + r.get('distractor_ids', []): used[i] = used.get(i, '') + ' ' + txt
NUM = re.compile(r'(?<![\w.])(\d[\d,.]*\s?(%|x|times|B|M|K|k)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty[- ]\w+|thirty|hundred|thousand|twice|half)(?![\w])', re.I)
for o in order[:int(sys.argv[1]) if len(sys.argv) > 1 else 160]:
    a = P[o['id']]['abstract']; u = used.get(o['id'], '')
    items = []
    for m in NUM.finditer(a):
        s = m.group(0).strip()
        core = re.match(r'[\d,.]+', s)
        key = core.group(0).rstrip('.,') if core else s.lower()
        items.append(('' if re.search(r'(?<![\w.])' + re.escape(key.lower()) + r'(?![\w])', u.lower()) else '*') + s)
    fresh = [x for x in items if x.startswith('*')]
    if fresh: print(o['pos'], o['id'], o['title'][:60], '|', ', '.join(items))
