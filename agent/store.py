"""Embedded Chroma store: a record per paper (its text and its whole extraction, claims and numeric results as JSON)
and the vectors of its sentences.

Every reader (results, review, show, export, retrieval, the QA loop) reads the paper records; claims and results are
not kept in collections of their own any more: nothing queried them, and each doubled the cost of a write.

Crash safety: a paper's sentence vectors are written first and its paper record last; the record is the commit
marker, and readers trust only it. A rerun rewrites any paper whose record is missing, stale (other text or prompt
version) or unfinished, deleting its old sentences first, so a `kill -9` at any point ends, after a rerun, with every
paper exactly once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from .embed import SHIPPED, MiniLMOnnx, VectorCache
from .errors import AgentError, NotFound, StateDamaged, StoreUnavailable, UsageError, first_line
from .numbers import sentences
from .schemas import Extraction, Paper
from .settings import Settings, resource_dir

log = logging.getLogger("litagent.store")


MAX_WRITE = 5000  # rows per Chroma write: it refuses more than 5,461 in one call
# rows per Chroma read: an unpaged `get` of 40k sentence rows failed with "too many SQL variables" (SQLite's limit on
# one statement's parameters); 1,000 stays far below it: 80 calls read the 80k sentences of 10^4 synthetic papers
PAGE_ROWS = 1000
MAX_PAPERS_A_WRITE = 256  # papers per write: their ids make one SQL "IN" list; ~15 sentences each stay < MAX_WRITE
DAMAGED_HINT = "run `litagent doctor` to see what, `litagent doctor --repair` to rebuild"


def _client(settings: Settings) -> Any:
    """Chroma's HTTP client for a server (LITAGENT_CHROMA_URL), else its embedded client over home/chroma."""
    chroma = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not settings.chroma_url:
        settings.store_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma)
    url = urlparse(settings.chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise UsageError(f"LITAGENT_CHROMA_URL must look like http://HOST:PORT, not {settings.chroma_url!r}")
    try:
        return chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                                   ssl=url.scheme == "https", settings=chroma)
    except Exception as e:  # the client checks the server at once
        raise StoreUnavailable(f"no Chroma server answers at {settings.chroma_url} ({first_line(e)}); start one "
                               "with `chroma run --path DIR --port PORT` or unset LITAGENT_CHROMA_URL") from e


class Store:
    def __init__(self, settings: Settings) -> None:
        self.dir = settings.store_dir
        ef: Any = MiniLMOnnx()  # a Chroma embedding function; its generic type is narrower than what it accepts
        meta: Any = {"hnsw:space": "cosine"}
        try:
            self.client = _client(settings)
            self.papers = self.client.get_or_create_collection("papers", embedding_function=ef, metadata=meta)
            self.sentences = self.client.get_or_create_collection("sentences", embedding_function=ef, metadata=meta)
            # one record whose token every write renews: what a search index built from this store is keyed on
            self.state = self.client.get_or_create_collection("state", embedding_function=ef)
        except BaseException as e:  # Chroma's Rust core reports a malformed database as a panic (a BaseException)
            if isinstance(e, (KeyboardInterrupt, SystemExit, AgentError)):
                raise
            if settings.chroma_url:
                raise StoreUnavailable(f"the Chroma server at {settings.chroma_url} failed ({first_line(e)})") from e
            raise StateDamaged(f"store {settings.store_dir} is damaged ({first_line(e)}); {DAMAGED_HINT}") from e
        self.ef = ef
        self.index_dir = settings.home / "index"  # the search index built from this store (agent/index.py)
        self.vectors = VectorCache(settings.home / "vectors", [resource_dir("corpus") / SHIPPED])

    # -- writing ----------------------------------------------------------------------------------------
    def stored(self, pid: str) -> dict[str, Any]:
        """The stored record's metadata (text_hash, extracted, prompt_version, ...), or {} when there is none: one
        read that tells whether a paper is indexed, extracted, and by which version."""
        got = self.papers.get(ids=[pid], include=["metadatas"])
        return dict(_metas(got)[0] or {}) if got["ids"] else {}

    def prepare(self, paper: Paper) -> None:
        """Embed a paper's texts ahead of its write (into the vector cache), e.g. in a worker thread while other
        model calls are in flight, so the write itself is only Chroma's."""
        self.vectors.embed(self.ef, [paper.title] + [x.text for x in sentences(paper.abstract)])

    def put(self, paper: Paper, ex: Extraction | None, error: str = "") -> None:
        """Write one paper with its extraction (or only the paper, marked unfinished, when extraction failed)."""
        self.put_many([(paper, ex, error)])

    def put_many(self, items: list[tuple[Paper, Extraction | None, str]]) -> None:
        """Write papers with their extractions in one write per collection (each Chroma write costs ~13 ms however
        few its rows: one paper at a time was 7.8 of 14 s of ingesting the bundled corpus). Every paper's sentences
        first, the paper records last: they are the commit markers.

        Only the title and the sentences are embedded: a paper's vector is the normalised mean of those (so the
        whole abstract counts, not the model's first 256 tokens). One embedding pass per paper, none for a text
        embedded before (VectorCache).
        """
        if len(items) > MAX_PAPERS_A_WRITE:  # a rebuild of the whole store comes here in one list
            for at in range(0, len(items), MAX_PAPERS_A_WRITE):
                self.put_many(items[at:at + MAX_PAPERS_A_WRITE])
            return
        if not items:
            return
        self._renew()  # before the first change: a crash half-way leaves no index claiming to be current
        where: Any = {"paper_id": {"$in": [p.id for p, _, _ in items]}}
        self.sentences.delete(where=where)
        rows: dict[str, dict[str, list[Any]]] = {name: {"ids": [], "documents": [], "embeddings": [], "metadatas": []}
                                                 for name in ("sentences", "papers")}

        def add(name: str, rid: str, doc: str, vec: Any, meta: dict[str, Any]) -> None:
            for key, value in (("ids", rid), ("documents", doc), ("embeddings", vec), ("metadatas", meta)):
                rows[name][key].append(value)

        split = [sentences(paper.abstract) for paper, _, _ in items]
        texts = [[paper.title] + [x.text for x in sents] for (paper, _, _), sents in zip(items, split, strict=True)]
        flat = self.vectors.embed(self.ef, [t for ts in texts for t in ts])  # one call: it keeps every core busy
        at = 0
        for (paper, ex, error), sents, ts in zip(items, split, texts, strict=True):
            vecs, at = flat[at:at + len(ts)], at + len(ts)
            for x, v in zip(sents, vecs[1:], strict=True):
                add("sentences", f"{paper.id}:s{x.id}", x.text, v,
                    {"paper_id": paper.id, "sid": x.id, "start": x.start, "end": x.end})
            mean = np.mean(np.array(vecs), axis=0)
            add("papers", paper.id, paper.title + "\n\n" + paper.abstract, mean / (np.linalg.norm(mean) or 1.0), {
                "title": paper.title, "abstract": paper.abstract, "sources": "\n".join(paper.sources),
                "doi": paper.doi, "arxiv": paper.arxiv,
                "text_hash": paper.text_hash, "extracted": ex is not None, "error": error,
                "prompt_version": ex.prompt_version if ex else "",
                "extraction": ex.model_dump_json() if ex else "",
            })
        for name in ("sentences", "papers"):  # the paper records last
            batch = rows[name]
            for at in range(0, len(batch["ids"]), MAX_WRITE):  # Chroma refuses more than 5,461 rows a call
                getattr(self, name).upsert(**{k: v[at:at + MAX_WRITE] for k, v in batch.items()})
        self._renew()

    def _renew(self) -> str:
        token = uuid.uuid4().hex
        self.state.upsert(ids=["generation"], embeddings=[[1.0]], metadatas=[{"token": token}])
        return token

    def generation(self) -> str:
        """A token that changes with every write to the store (a store written before tokens existed gets one)."""
        got = self.state.get(ids=["generation"], include=["metadatas"])
        return str(_metas(got)[0]["token"]) if got["ids"] else self._renew()

    # -- reading ----------------------------------------------------------------------------------------
    def count(self) -> int:
        return self.papers.count()

    def records(self) -> Iterator[tuple[Paper, Extraction | None]]:
        """Every stored paper with its committed extraction (None when unfinished), in title order."""
        rows = [(pid, m) for page in scan(self.papers, ["metadatas"]) for pid, m in zip(page["ids"], _metas(page),
                                                                                         strict=True)]
        rows.sort(key=lambda r: (str(r[1]["title"]).lower(), r[0]))
        for pid, m in rows:
            yield _record(pid, m)

    def papers_by_id(self, ids: list[str]) -> dict[str, Paper]:
        """The papers of these ids (their text, without parsing their extractions), read PAGE_ROWS at a time."""
        out: dict[str, Paper] = {}
        for at in range(0, len(ids), PAGE_ROWS):
            got = self.papers.get(ids=ids[at:at + PAGE_ROWS], include=["metadatas"])
            out.update((pid, _paper(pid, m)) for pid, m in zip(got["ids"], _metas(got), strict=True))
        return out

    def get(self, pid: str) -> tuple[Paper, Extraction | None]:
        got = self.papers.get(ids=[pid], include=["metadatas"])
        if not got["ids"]:
            raise NotFound(f"no paper with id {pid}")
        return _record(pid, _metas(got)[0])

    def find(self, query: str) -> tuple[Paper, Extraction | None]:
        """By id, else by title words (all must appear), else the nearest title/abstract."""
        if query.startswith("p-"):
            return self.get(query)
        words = query.lower().split()
        matches = [(p, e) for p, e in self.records() if all(w in p.title.lower() for w in words)]
        if matches:
            return min(matches, key=lambda r: len(r[0].title))
        if self.count() == 0:
            raise NotFound("the store is empty; run `litagent ingest` first")
        got = self.papers.query(query_texts=[query], n_results=1, include=["metadatas"])
        return _record(got["ids"][0][0], (got["metadatas"] or [[{}]])[0][0])


def scan(collection: Any, include: list[str]) -> Iterator[Any]:
    """A whole collection, read PAGE_ROWS rows at a time (in the order Chroma stores them)."""
    at = 0
    while True:
        page = collection.get(include=include, limit=PAGE_ROWS, offset=at)
        if not page["ids"]:
            return
        yield page
        at += len(page["ids"])


def _metas(got: Any) -> list[Any]:
    """The metadatas of a Chroma `get` that asked for them (typed optional by Chroma)."""
    return list(got["metadatas"] or [])


def _paper(pid: str, m: Any) -> Paper:
    return Paper(id=pid, title=m["title"], abstract=m["abstract"], sources=str(m.get("sources", "")).split("\n"),
                 doi=str(m.get("doi", "")), arxiv=str(m.get("arxiv", "")))


def _record(pid: str, m: Any) -> tuple[Paper, Extraction | None]:
    paper = _paper(pid, m)
    ex = Extraction.model_validate_json(m["extraction"]) if m.get("extracted") and m.get("extraction") else None
    return paper, ex
