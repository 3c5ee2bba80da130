import os, json, glob, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
def check(files):
  occ = 0; pairs = set(); bad = []; unknown = []
  for f in files:
    for l in open(f):
        r = json.loads(l)
        for ik, tk in [('cited_paper_ids','cited_titles'),('also_acceptable_ids','also_acceptable_titles'),('distractor_ids','distractor_titles')]:
            ids = r.get(ik) or []; ts = r.get(tk)
            for i in ids:
                if i not in P: unknown.append((f, r['qid'], i))
            if ts is None: continue
            for i, t in zip(ids, ts):
                occ += 1; pairs.add((i, t))
                if i not in P or P[i]['title'] != t: bad.append((f, r['qid'], i, t))
  print('occurrences', occ, 'distinct pairs', len(pairs), 'mismatches', len(bad), 'unknown ids', len(unknown))
  for b in bad[:10]: print(b)
  for u in unknown[:10]: print(u)
allf = sorted(glob.glob('/work/main/evals/*/qa.jsonl'))
print('parser:', _, 'entries,', len(P), 'unique papers')
print('existing sets (probe13 excluded):'); check([f for f in allf if '/probe13/' not in f])
print('probe13 only:'); check([f for f in allf if '/probe13/' in f])
