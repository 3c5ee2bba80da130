"""Validate evals/probe13/qa.jsonl. Prints every problem found and a summary; exit code 1 on errors."""
import os, json, re, glob, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
F = '/work/main/evals/probe13/qa.jsonl'
errs = []
def err(*a): errs.append(' '.join(str(x) for x in a))
lines = open(F, encoding='utf-8').read().splitlines()
recs = [json.loads(l) for l in lines]
print('lines', len(lines))
if len(recs) != 30: err('expected 30 records, got', len(recs))
expect = ['single-fact'] * 8 + ['numeric'] * 6 + ['comparison'] * 4 + ['multi-paper'] * 7 + ['unanswerable'] * 5
for k, r in enumerate(recs):
    if r['qid'] != f'q-g{k+1:02d}': err('qid order', r['qid'])
    if r['type'] != expect[k]: err(r['qid'], 'type', r['type'], 'expected', expect[k])
if len({r['qid'] for r in recs}) != len(recs): err('duplicate qids')
# key sets vs probe12 record of same kind
ref = {}
for l in open('/work/main/evals/probe12/qa.jsonl'):
    r = json.loads(l); kind = (r['type'], 'distractor_ids' in r); ref.setdefault(kind, list(r.keys()))
for r in recs:
    kind = (r['type'], 'distractor_ids' in r)
    if kind not in ref: err(r['qid'], 'no probe12 record of kind', kind)
    elif list(r.keys()) != ref[kind]: err(r['qid'], 'keys', list(r.keys()), '!=', ref[kind])
NUMW = r'\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|twice)\b'
def toks(s): return re.findall(r'[a-z0-9]+', s.lower())
def grams(s, n=5):
    t = toks(s); return {tuple(t[i:i+n]) for i in range(len(t) - n + 1)}
for r in recs:
    q = r['qid']; cited = r['cited_paper_ids']
    for ik, tk in [('cited_paper_ids', 'cited_titles'), ('also_acceptable_ids', 'also_acceptable_titles'), ('distractor_ids', 'distractor_titles')]:
        if ik in r:
            if len(r[ik]) != len(r[tk]): err(q, ik, 'length mismatch with titles')
            for i, t in zip(r[ik], r[tk]):
                if i not in P: err(q, 'unknown id', i)
                elif P[i]['title'] != t: err(q, 'title mismatch', i)
            if len(set(r[ik])) != len(r[ik]): err(q, ik, 'duplicates')
    for e in r['evidence']:
        if e['paper_id'] not in cited: err(q, 'evidence paper not cited', e['paper_id'])
        elif e['quote'] not in P[e['paper_id']]['abstract']: err(q, 'quote not verbatim:', e['paper_id'], e['quote'][:80])
    for c in cited:
        if not any(e['paper_id'] == c for e in r['evidence']): err(q, 'cited paper without quote', c)
    gold_text = ' '.join(P[c]['abstract'] for c in cited)
    for kf in r['key_facts']:
        if kf not in gold_text: err(q, 'key fact not in gold abstract:', kf)
        if kf not in r['answer']: err(q, 'key fact not in answer:', kf)
        if r['type'] == 'numeric' and not (re.search(r'\d', kf) or re.search(NUMW, kf, re.I)): err(q, 'numeric key fact without number', kf)
    t = r['type']; n = len(cited)
    if t in ('single-fact', 'numeric') and n != 1: err(q, 'needs 1 cited, has', n)
    if t in ('single-fact', 'numeric', 'comparison') and not r['key_facts']: err(q, 'no key facts')
    if t == 'comparison' and n != 2: err(q, 'comparison needs 2 cited')
    if t == 'multi-paper':
        if not 2 <= n <= 5: err(q, 'list gold size', n)
        if set(cited) & set(r.get('also_acceptable_ids', [])): err(q, 'gold/also overlap')
    if t == 'unanswerable':
        if n or r['evidence'] or r['key_facts']: err(q, 'unanswerable has cited/evidence/key facts')
        if r['answer'] != 'not in corpus': err(q, 'unanswerable answer must be "not in corpus"')
    # 5-word overlap with gold / distractor title+abstract
    qg = grams(r['question'])
    for pid in cited + r.get('distractor_ids', []):
        ov = qg & (grams(P[pid]['title']) | grams(P[pid]['abstract']))
        if ov: err(q, '5-word overlap with', pid, [' '.join(x) for x in ov])
# Jaccard vs existing questions (probe12 included) and within probe13
ex = []
for f in sorted(glob.glob('/work/main/evals/*/qa.jsonl')):
    if '/probe13/' in f: continue
    for l in open(f):
        x = json.loads(l); ex.append((f.split('/')[-2] + ' ' + x['qid'], x['question']))
def jac(a, b):
    a, b = set(toks(a)), set(toks(b)); return len(a & b) / len(a | b) if a | b else 0
best = (0, None, None)
for r in recs:
    for name, qq in ex + [('probe13 ' + o['qid'], o['question']) for o in recs if o['qid'] != r['qid']]:
        j = jac(r['question'], qq)
        if j > 0.5: err(r['qid'], 'Jaccard', round(j, 3), 'with', name)
        if j > best[0]: best = (j, r['qid'], name)
from collections import Counter
print('types', dict(Counter(r['type'] for r in recs)))
print('list gold sizes', [len(r['cited_paper_ids']) for r in recs if r['type'] == 'multi-paper'])
print('highest question Jaccard: %.3f (%s vs %s)' % best)
print('quotes checked', sum(len(r['evidence']) for r in recs), 'key facts checked', sum(len(r['key_facts']) for r in recs))
for e in errs: print('ERROR', e)
print('errors:', len(errs))
sys.exit(1 if errs else 0)
