"""Parse the two corpus listings into unique papers.
Layout: 5 header lines (new / Get trending... / Subscribe / byAK... / date), then alternating title and abstract lines.
Paper id = 'p-' + sha1(title.strip())[:10]."""
import glob, hashlib, json, os, sys
CORPUS = '/work/main/corpus'
def pid(title): return 'p-' + hashlib.sha1(title.strip().encode('utf-8')).hexdigest()[:10]
def parse(corpus=CORPUS):
    papers = {}; entries = 0
    for f in sorted(glob.glob(os.path.join(corpus, '00[04]_*.txt'))):
        lines = [l.strip() for l in open(f, encoding='utf-8') if l.strip()]
        assert lines[0] == 'new' and lines[2] == 'Subscribe', f
        body = lines[5:]
        assert len(body) % 2 == 0, (f, len(body))
        for i in range(0, len(body), 2):
            t, a = body[i], body[i+1]
            assert len(t) < 250 and len(a) > 250, (f, i, t[:80], len(a))
            entries += 1
            k = pid(t)
            if k in papers: assert papers[k]['abstract'] == a and papers[k]['title'] == t
            papers[k] = {'id': k, 'title': t, 'abstract': a}
    return papers, entries
if __name__ == '__main__':
    p, n = parse(); print(n, 'entries', len(p), 'unique papers')
