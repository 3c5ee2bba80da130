"""The search index, persisted beside the store and memory-mapped: every paper and sentence vector, the BM25 index and
the corpus's word frequencies, so a process reads it in milliseconds instead of reading every vector from Chroma and
re-tokenising every abstract (at 10^4 papers: 4.7 s and 2.2 s of a fresh `search`, evals/bench_scale.py).

It is a cache keyed on the store's generation (a token each write renews, `Store.generation`): a store written since
gets a new index on first use; two processes that build the same one at once each write their own folder and rename
it into place. Ranking is exactly that of the vectors and tokens it holds, so replays stay deterministic.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import bm25s
import numpy as np

log = logging.getLogger("litagent.index")

VERSION = "4"  # the layout below; a new layout makes every old index stale
# Past this many sentence vectors a search scans a reduced copy first (`nearest_sentences`): an exact scan reads
# every vector (at 800k, 1.2 GB and 50-110 ms a query, by machine); below it the scan is exact, as every replayed
# recording saw it.
TWO_STAGE_MIN = 200_000
REDUCED_DIMS = 96  # the reduced copy: a quarter of MiniLM's 384 dimensions, a quarter of the bytes a scan reads
# candidates the reduced scan passes to the exact one, per sentence wanted: the exact scores then decide, so a
# sentence is lost only if its reduced score falls this far down the list. evals/bench_sentence_scan.py, 800k
# synthetic rows, 90 real questions, top 90: 20 lost up to 18 % of a question's list, 100 lost none; rescoring the
# 9,000 candidates exactly costs ~4 ms of the ~20 ms (the exact scan: ~53 ms)
CANDIDATES_PER_WANTED = 100


@dataclass
class SearchIndex:
    paper_ids: list[str]  # in the store's order: rows of paper_vecs
    paper_vecs: np.ndarray
    sent_papers: list[str]  # the papers that have sentences; sent_paper indexes it
    sent_paper: np.ndarray  # per row of sent_vecs: its paper (int32, into sent_papers)
    sent_sid: np.ndarray  # per row of sent_vecs: its sentence id in the paper (int32)
    sent_vecs: np.ndarray
    doc_ids: list[str]  # rows of the BM25 index: every paper, in title order
    bm25: bm25s.BM25
    df: dict[str, int]  # papers each word occurs in
    unextracted: list[str]  # papers indexed but not extracted yet
    results: list[tuple[str, float, str]]  # every stored numeric result: (paper id, value, unit)
    basis: np.ndarray | None = None  # (dims, REDUCED_DIMS): the top principal directions of sent_vecs, or None
    sent_low: np.ndarray | None = None  # sent_vecs projected on basis (a large index only)
    _by_paper: tuple[dict[str, int], np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False)
    _compounds: dict[str, list[str]] | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(cls, paper_ids: list[str], paper_vecs: np.ndarray, sent_keys: list[tuple[str, int]],
              sent_vecs: np.ndarray, doc_ids: list[str], docs: list[list[str]], unextracted: list[str],
              results: list[tuple[str, float, str]]) -> SearchIndex:
        bm25 = bm25s.BM25()
        if docs:
            bm25.index(docs, show_progress=False)
        df: dict[str, int] = defaultdict(int)
        for doc in docs:
            for w in set(doc):
                df[w] += 1
        papers = list(dict.fromkeys(p for p, _ in sent_keys))
        code = {p: i for i, p in enumerate(papers)}
        basis, low = reduce(sent_vecs) if len(sent_vecs) >= TWO_STAGE_MIN else (None, None)
        return cls(paper_ids, paper_vecs, papers, np.array([code[p] for p, _ in sent_keys], dtype=np.int32),
                   np.array([s for _, s in sent_keys], dtype=np.int32), sent_vecs, doc_ids, bm25, dict(df),
                   unextracted, results, basis, low)

    def nearest_sentences(self, qvec: np.ndarray, k: int) -> list[int]:
        """Rows of the k sentence vectors nearest the query (highest dot product, ties by row). A large index scans
        its reduced copy for CANDIDATES_PER_WANTED x k candidates and ranks those by their exact scores: the same
        order as the exact scan unless a top sentence's reduced score ranks below every candidate."""
        if self.sent_low is None or self.basis is None:
            return top(self.sent_vecs @ qvec, k)
        cand = np.array(top(self.sent_low @ (qvec @ self.basis), k * CANDIDATES_PER_WANTED), dtype=np.int64)
        if cand.size == 0:
            return []
        cand.sort()  # rows in order: the exact scores' ties break by row, as in the exact scan
        exact = np.asarray(self.sent_vecs[cand]) @ qvec
        return [int(cand[i]) for i in top(exact, k)]

    def key(self, row: int) -> tuple[str, int]:
        """(paper id, sentence id) of a row of sent_vecs."""
        return self.sent_papers[int(self.sent_paper[row])], int(self.sent_sid[row])

    def rows(self, paper_id: str) -> dict[int, int]:
        """A paper's sentence ids and their rows in sent_vecs (one sort of the row-to-paper array, on first use)."""
        if self._by_paper is None:
            order = np.argsort(self.sent_paper, kind="stable")
            bounds = np.searchsorted(self.sent_paper[order], np.arange(len(self.sent_papers) + 1))
            self._by_paper = ({p: i for i, p in enumerate(self.sent_papers)}, order, bounds)
        code, order, bounds = self._by_paper
        c = code.get(paper_id)
        if c is None:
            return {}
        at = order[bounds[c]:bounds[c + 1]]
        return {int(self.sent_sid[r]): int(r) for r in at}

    def papers_with(self, words: Iterable[str]) -> set[str]:
        """The papers whose title or abstract has one of these words (as `retrieve.tokens` makes them) or a compound
        of one ("lion-kappa" and "codeelo's" for "lion" and "codeelo"): read off the BM25 index's postings, so no
        paper is read. The compounds are mapped once, on first use."""
        if self._compounds is None:
            compounds: dict[str, list[str]] = defaultdict(list)
            for tok in self.bm25.vocab_dict:
                for part in re.split(r"[-']", tok):
                    if part != tok:
                        compounds[part].append(tok)
            self._compounds = dict(compounds)
        vocab, ptr, docs = self.bm25.vocab_dict, self.bm25.scores["indptr"], self.bm25.scores["indices"]
        out: set[str] = set()
        for w in words:
            for tok in (w, *self._compounds.get(w, [])):
                if (t := vocab.get(tok)) is not None:
                    out.update(self.doc_ids[int(i)] for i in docs[ptr[t]:ptr[t + 1]])
        return out

    def save(self, target: Path) -> None:
        """Write to a fresh folder beside `target`, then rename it into place (a reader never sees half of it)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
        try:
            np.save(tmp / "paper_vecs.npy", np.ascontiguousarray(self.paper_vecs))
            np.save(tmp / "sent_vecs.npy", np.ascontiguousarray(self.sent_vecs))
            np.save(tmp / "sent_paper.npy", self.sent_paper)
            np.save(tmp / "sent_sid.npy", self.sent_sid)
            if self.basis is not None and self.sent_low is not None:
                np.save(tmp / "basis.npy", self.basis)
                np.save(tmp / "sent_low.npy", np.ascontiguousarray(self.sent_low))
            (tmp / "meta.json").write_text(json.dumps({
                "version": VERSION, "paper_ids": self.paper_ids, "doc_ids": self.doc_ids,
                "sent_papers": self.sent_papers, "df": self.df, "unextracted": self.unextracted,
                "results": self.results, "has_bm25": bool(self.doc_ids)}))
            if self.doc_ids:
                self.bm25.save(str(tmp / "bm25"), show_progress=False)
            os.replace(tmp, target)
        except OSError as e:  # another process renamed the same index into place first, or the disk is full
            log.info("search index not saved (%s)", e)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> SearchIndex | None:
        """The index in `folder`, memory-mapped; None when there is none or it cannot be read (it is rebuilt)."""
        try:
            meta = json.loads((folder / "meta.json").read_text())
            if meta.get("version") != VERSION:
                return None
            bm25 = (bm25s.BM25.load(str(folder / "bm25"), mmap=True, show_progress=False) if meta["has_bm25"]
                    else bm25s.BM25())
            reduced = (folder / "basis.npy").exists()
            return cls(list(meta["paper_ids"]), np.load(folder / "paper_vecs.npy", mmap_mode="r"),
                       list(meta["sent_papers"]), np.load(folder / "sent_paper.npy", mmap_mode="r"),
                       np.load(folder / "sent_sid.npy", mmap_mode="r"), np.load(folder / "sent_vecs.npy",
                                                                                mmap_mode="r"),
                       list(meta["doc_ids"]), bm25, dict(meta["df"]), list(meta["unextracted"]),
                       [(str(p), float(v), str(u)) for p, v, u in meta["results"]],
                       np.load(folder / "basis.npy") if reduced else None,
                       np.load(folder / "sent_low.npy", mmap_mode="r") if reduced else None)
        except (OSError, ValueError, KeyError) as e:
            if folder.exists():
                log.warning("search index %s unreadable (%s); rebuilding it", folder, e)
            return None


def top(scores: np.ndarray, k: int) -> list[int]:
    """Indices of the k highest scores, ties broken by index (stable, reproducible). Only the scores at or above the
    k-th highest are sorted: a full sort of 800k sentence scores took ~100 ms of every search."""
    if scores.size == 0:
        return []
    cand = np.arange(scores.size)
    if k < scores.size:
        kth = np.partition(scores, scores.size - k)[scores.size - k]
        cand = np.flatnonzero(scores >= kth)  # every tie at the k-th score is kept, so the order below is exact
    order = cand[np.lexsort((cand, -scores[cand]))]
    return [int(i) for i in order[:k]]


REDUCE_ROWS = 65_536  # rows a pass of the covariance sums at once: ~100 MB of float32 at 384 dimensions


def reduce(vecs: np.ndarray, dims: int = REDUCED_DIMS) -> tuple[np.ndarray, np.ndarray]:
    """The top `dims` eigenvectors of the vectors' second-moment matrix (uncentred: what is kept is the part of a dot
    product they carry) and the vectors projected on them. Deterministic: the same vectors give the same basis."""
    gram = np.zeros((vecs.shape[1], vecs.shape[1]), dtype=np.float64)
    for at in range(0, len(vecs), REDUCE_ROWS):
        block = np.asarray(vecs[at:at + REDUCE_ROWS], dtype=np.float32)
        gram += (block.T @ block).astype(np.float64)
    _, eig = np.linalg.eigh(gram)  # ascending eigenvalues
    basis = np.ascontiguousarray(eig[:, ::-1][:, :dims], dtype=np.float32)
    low = np.empty((len(vecs), basis.shape[1]), dtype=np.float32)
    for at in range(0, len(vecs), REDUCE_ROWS):
        low[at:at + REDUCE_ROWS] = np.asarray(vecs[at:at + REDUCE_ROWS], dtype=np.float32) @ basis
    return basis, low


def prune(root: Path, keep: str) -> None:
    """Remove the indexes of older generations (a reader that still maps one keeps its open files)."""
    if root.is_dir():
        for old in root.iterdir():
            if old.name != keep and not old.name.startswith(".building-"):
                shutil.rmtree(old, ignore_errors=True)
