"""grep.py REGEX [REGEX...]: case-insensitive regex search over all 160 titles+abstracts; prints id, title and each hit in context."""
import os, re, sys
WORK = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, WORK); from parse import parse
P, _ = parse()
pats = [re.compile(a, re.I) for a in sys.argv[1:]]
n = 0
for i, p in sorted(P.items(), key=lambda x: x[1]['title']):
    text = p['title'] + ' || ' + p['abstract']
    hits = []
    for pat in pats:
        for m in pat.finditer(text):
            hits.append(text[max(0, m.start()-70): m.end()+70].replace('\n', ' '))
    if hits:
        n += 1; print(f"## {i} {p['title'][:100]}")
        for h in hits[:4]: print('    ...' + h + '...')
print('papers matched:', n)
