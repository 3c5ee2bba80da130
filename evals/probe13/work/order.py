"""Fixed-seed paper order: sorted ids, random.Random(20261211).shuffle, then stable sort by how often
existing evals/*/qa.jsonl cite them (cited_paper_ids)."""
import os, json, glob, random, collections, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
cnt = collections.Counter()
for f in sorted(glob.glob('/work/main/evals/*/qa.jsonl')):
    if '/probe13/' in f: continue
    for l in open(f):
        for i in json.loads(l)['cited_paper_ids']: cnt[i] += 1
ids = sorted(P); random.Random(20261211).shuffle(ids)
ids.sort(key=lambda i: cnt[i])
print('cite-count histogram', sorted(collections.Counter(cnt[i] for i in ids).items()))
out = [{'pos': k, 'id': i, 'cites': cnt[i], 'title': P[i]['title']} for k, i in enumerate(ids)]
json.dump(out, open(os.path.join(WORK, 'paper_order.json'), 'w'), indent=1)
for o in out: print(o['pos'], o['id'], o['cites'], o['title'][:90])
