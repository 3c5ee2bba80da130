"""show.py POS [POS...]: abstract of the paper at each order position, and every existing question/answer that cites it
(or names it as distractor / also-acceptable)."""
import os, json, glob, sys, textwrap
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse(); order = json.load(open(os.path.join(WORK, 'paper_order.json')))
recs = []
for f in sorted(glob.glob('/work/main/evals/*/qa.jsonl')):
    if '/probe13/' in f: continue
    for l in open(f): r = json.loads(l); r['_f'] = f.split('/')[-2]; recs.append(r)
for a in sys.argv[1:]:
    i = order[int(a)]['id'] if not a.startswith('p-') else a
    p = P[i]; print('=' * 100); print(a, i, p['title']); print(textwrap.fill(p['abstract'], 160)); print('--- existing:')
    for r in recs:
        roles = [k for k in ('cited_paper_ids', 'also_acceptable_ids', 'distractor_ids') if i in (r.get(k) or [])]
        if roles:
            print(f"  [{r['_f']} {r['qid']} {r['type']} {roles[0][:4]}] Q: {r['question']}")
            if roles[0] == 'cited_paper_ids': print(f"      A: {r['answer'][:700]}")
