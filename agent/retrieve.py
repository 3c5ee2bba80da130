"""Hybrid retrieval: exact dense search (paper vectors and single-sentence vectors from the Chroma store) + BM25
(bm25s), reciprocal-rank fusion, one
hit per paper. Dense finds papers phrased in other words; BM25 finds rare names and numbers exactly.
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .index import SearchIndex, prune, top
from .numbers import Sentence, sentences
from .schemas import Paper
from .store import PAGE_ROWS, Store, scan
from .words import FUNCTION_WORDS

RRF_K = 60
CHANNELS = 3  # dense over abstracts, dense over sentences, BM25
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")
# a query's question words and research boilerplate match every abstract: BM25 would rank on them
_STOP = FUNCTION_WORDS | set("""been being those which what who whom whose how why when where does do did can could
should would will may might it our we they there here any some many much more most such then also not no yes into
under about across between paper papers work works approach method methods propose proposed show shown use used
using""".split())


def tokens(text: str) -> list[str]:
    return [t for t in (w.lower() for w in _TOKEN.findall(text)) if t not in _STOP]


@dataclass
class Hit:
    paper: Paper
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    best: list[Sentence] = field(default_factory=list)
    nearest: list[Sentence] = field(default_factory=list)  # the same sentences, nearest the question first
    similarity: dict[int, float] = field(default_factory=dict)  # sentence id -> cosine with the question


class Papers(Mapping[str, Paper]):
    """Every indexed paper by id, read from the store when first asked for (a search reads its hits' papers in one
    call), so a process reads no paper it does not use."""

    def __init__(self, store: Store, ids: list[str]) -> None:
        self.store, self.ids, self._known = store, ids, set(ids)
        self._cache: dict[str, Paper] = {}

    def load(self, ids: Iterable[str]) -> None:
        todo = [i for i in dict.fromkeys(ids) if i in self._known and i not in self._cache]
        if todo:
            self._cache.update(self.store.papers_by_id(todo))

    def __getitem__(self, pid: str) -> Paper:
        self.load([pid])
        return self._cache[pid]

    def __contains__(self, pid: object) -> bool:
        return pid in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def values(self) -> Iterator[Paper]:  # type: ignore[override]  # a generator: read a page at a time
        for at in range(0, len(self.ids), PAGE_ROWS):
            page = self.ids[at:at + PAGE_ROWS]
            self.load(page)
            yield from (self._cache[i] for i in page)

    def items(self) -> Iterator[tuple[str, Paper]]:  # type: ignore[override]
        return zip(self.ids, self.values(), strict=True)


class _Rows:
    """Vectors read page by page into one array sized by the collection's count (no second copy to stack pages);
    grows should the collection have grown meanwhile."""

    def __init__(self, expected: int) -> None:
        self.expected, self.n = expected, 0
        self.data: np.ndarray | None = None

    def add(self, page: Any) -> None:
        block = np.asarray(page, dtype=np.float32)
        if block.size == 0:
            return
        block = block.reshape(len(block), -1)
        if self.data is None:
            self.data = np.empty((max(self.expected, len(block)), block.shape[1]), dtype=np.float32)
        if self.n + len(block) > len(self.data):
            self.data = np.concatenate([self.data, np.empty((self.n + len(block) - len(self.data), block.shape[1]),
                                                            dtype=np.float32)])
        self.data[self.n:self.n + len(block)] = block
        self.n += len(block)

    def array(self) -> np.ndarray:
        return self.data[:self.n] if self.data is not None else np.zeros((0, 0), dtype=np.float32)


class Retriever:
    """Per process: the search index (agent/index.py: vectors, BM25 over title + abstract + claims, word frequencies,
    every paper's id) memory-mapped from its folder, or built from the store on first use; papers read as needed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: SearchIndex | None = None
        self._words: dict[str, set[str]] = {}
        self._qvec: tuple[str, np.ndarray] | None = None
        self._vec_cache: dict[str, np.ndarray] = {}
        self.last_ms = 0.0
        self.ids = self.index.doc_ids  # in title order
        self.papers = Papers(store, self.ids)
        self.unextracted = set(self.index.unextracted)  # indexed (searchable) but not yet extracted

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            token = self.store.generation()
            folder = self.store.index_dir / token
            self._index = SearchIndex.load(folder)
            if self._index is None:
                self._index = self._build()
                if self.store.generation() == token:  # nothing was written while it was built
                    self._index.save(folder)
                    prune(self.store.index_dir, token)
        return self._index

    def _build(self) -> SearchIndex:
        """Every vector read from the store in pages, every paper tokenised."""
        doc_ids, docs, unextracted = [], [], []
        results: list[tuple[str, float, str]] = []
        for paper, ex in self.store.records():
            claims = " ".join(c.text for c in ex.claims) if ex else ""
            results += [(paper.id, r.value, r.unit) for r in ex.results] if ex else []
            doc_ids.append(paper.id)
            # one string object per distinct word: 10^5 abstracts' tokens as fresh strings took gigabytes
            docs.append([sys.intern(t) for t in tokens(f"{paper.title} {paper.title} {paper.abstract} {claims}")])
            if ex is None:
                unextracted.append(paper.id)
        pids: list[str] = []
        keys: list[tuple[str, int]] = []
        pvecs = _Rows(self.store.papers.count())
        for page in scan(self.store.papers, ["embeddings"]):
            pids += page["ids"]
            pvecs.add(page["embeddings"])
        svecs = _Rows(self.store.sentences.count())
        for page in scan(self.store.sentences, ["embeddings", "metadatas"]):
            keys += [(str(m["paper_id"]), int(str(m["sid"]))) for m in page["metadatas"] or []]
            svecs.add(page["embeddings"])
        return SearchIndex.build(pids, pvecs.array(), keys, svecs.array(), doc_ids, docs, unextracted, results)

    def search(self, query: str, k: int = 5, depth: int = 30, only: set[str] | None = None) -> list[Hit]:
        """Top-k papers; `only` restricts the result to those paper ids (a metadata filter)."""
        started = time.perf_counter()
        n = len(self.ids)
        if n == 0:
            return []
        depth = n if only else min(depth, n)
        ranked: dict[str, dict[str, int]] = defaultdict(dict)
        qvec = self._query_vector(query)
        # exact: unlike an approximate index, a matrix product ranks the same on every build of the store, which
        # replayed recordings depend on
        index = self.index
        paper_ids, paper_vecs = index.paper_ids, index.paper_vecs
        for rank, i in enumerate(top(paper_vecs @ qvec, depth)):
            ranked[paper_ids[i]]["dense"] = rank
        rank = 0
        for i in index.nearest_sentences(qvec, depth * 3):
            # a paper whose single sentence matches well ranks here even if its abstract is diffuse
            pid = index.key(i)[0]
            if "sentence" not in ranked[pid]:
                ranked[pid]["sentence"] = rank
                rank += 1
        q = tokens(query)
        if q:
            docs, scores = index.bm25.retrieve([q], k=min(depth, len(index.doc_ids)), show_progress=False)
            for rank, (i, s) in enumerate(zip(docs[0], scores[0], strict=True)):
                if s > 0:
                    ranked[index.doc_ids[int(i)]]["bm25"] = rank
        scored = sorted(((sum(1.0 / (RRF_K + r) for r in ranks.values()), pid) for pid, ranks in ranked.items()
                         if pid in self.papers and (not only or pid in only)), key=lambda t: (-t[0], t[1]))[:k]
        self.papers.load(pid for _, pid in scored)  # one read for the papers returned
        hits = [Hit(self.papers[pid], score, ranked[pid].get("dense"), ranked[pid].get("bm25"))
                for score, pid in scored]
        self.last_ms = (time.perf_counter() - started) * 1000
        return hits

    def idf(self, word: str) -> float:
        return math.log((len(self.ids) + 1) / (self.index.df.get(word, 0) + 0.5))

    def words(self, paper_id: str) -> set[str]:
        """A paper's BM25 words, computed when first asked for: its title's and abstract's (its claims are sentences
        of its abstract)."""
        if paper_id not in self._words:
            p = self.papers.get(paper_id)
            self._words[paper_id] = set(tokens(f"{p.title} {p.abstract}")) if p else set()
        return self._words[paper_id]

    def support(self, query: str, paper_id: str) -> float:
        """How much of the question's vocabulary the paper uses: the share of the question's content words, each
        weighted by its rarity in the corpus (idf), that occur in the paper's title or abstract. Rare words carry the
        topic ("Ethereum", "triage"), common ones ("model", "results") almost nothing."""
        q = set(tokens(query))
        total = sum(self.idf(w) for w in q)
        return sum(self.idf(w) for w in q & self.words(paper_id)) / total if total else 0.0

    def _query_vector(self, query: str) -> np.ndarray:
        """`search` and `best_sentences` ask about the same question: embed it once."""
        if self._qvec is None or self._qvec[0] != query:
            self._qvec = (query, np.asarray(self.store.ef([query])[0]))
        return self._qvec[1]

    def similarity(self, paper_id: str, sentence: Sentence, queries: list[str]) -> float:
        """The highest cosine between one stored sentence and any of `queries` (embedded once each)."""
        if not queries:
            return -1.0
        want = [q for q in queries if q not in self._vec_cache]
        if want:
            self._vec_cache.update(zip(want, (np.asarray(v) for v in self.store.ef(want)), strict=True))
        r = self.index.rows(paper_id).get(sentence.id)
        vec = self.index.sent_vecs[r] if r is not None else np.asarray(self.store.ef([sentence.text])[0])
        return max(float(vec @ self._vec_cache[q]) for q in queries)

    def best_sentences(self, query: str, hits: list[Hit], per_paper: int = 3) -> None:
        """Fill each hit's `best` with the sentences nearest the question (dense + shared rare words), in text order."""
        all_sents = [(h, s) for h in hits for s in sentences(h.paper.abstract)]
        if not all_sents:
            return
        qvec = self._query_vector(query)
        vecs = self.index.sent_vecs
        row = {(h.paper.id, sid): r for h in hits for sid, r in self.index.rows(h.paper.id).items()}
        stored = {(h.paper.id, s.id): vecs[row[(h.paper.id, s.id)]] for h, s in all_sents
                  if (h.paper.id, s.id) in row}
        missing = [(h, s) for h, s in all_sents if (h.paper.id, s.id) not in stored]
        if missing:  # written by an older version: embed on the fly
            for (h, s), v in zip(missing, self.store.ef([s.text for _, s in missing]), strict=True):
                stored[(h.paper.id, s.id)] = np.asarray(v)
        qset = set(tokens(query))
        by_hit: dict[int, list[tuple[float, Sentence]]] = defaultdict(list)
        for h, s in all_sents:
            sim = float(stored[(h.paper.id, s.id)] @ qvec)
            h.similarity[s.id] = sim
            overlap = len(qset & set(tokens(s.text))) / (len(qset) or 1)
            by_hit[id(h)].append((sim + 0.5 * overlap, s))
        for h in hits:
            top = sorted(by_hit[id(h)], key=lambda t: -t[0])[:per_paper]
            h.nearest = [s for _, s in top]
            h.best = sorted(h.nearest, key=lambda s: s.start)
