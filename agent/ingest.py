"""Corpus -> store, one paper at a time, resumable. One bad paper never aborts the run."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AgentError
from .extract import extract, extractor_version
from .llm import LLM
from .schemas import Extraction, Paper, Usage
from .settings import Settings
from .store import Store

log = logging.getLogger("litagent.ingest")


@dataclass
class Summary:
    papers: int = 0
    extracted: int = 0
    indexed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    claims: int = 0
    results: int = 0
    dropped: int = 0
    usage: Usage = field(default_factory=Usage)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {"papers": self.papers, "extracted": self.extracted, "indexed_only": self.indexed,
                "already_done": self.skipped,
                "failed": [{"paper_id": p, "error": e} for p, e in self.failed], "claims": self.claims,
                "numeric_results": self.results, "dropped": self.dropped, "usage": self.usage.model_dump(),
                "seconds": round(self.seconds, 2)}


def extraction_cassettes(settings: Settings) -> Path:
    return settings.recordings("extract")


WRITE_BATCH = 32  # papers a store write holds at most: one Chroma write costs ~13 ms however few its rows
WRITE_SECONDS = 2.0  # and at least this often, so a slow model's finished papers are stored as they finish


def _recorded(settings: Settings, paper: Paper) -> bool:
    """Whether this paper's extraction will replay or record a recording (cassettes patch the HTTP client for the
    whole process, so those calls run one at a time)."""
    mode = settings.cassette_mode
    return mode in ("replay", "record") or (mode == "auto" and (extraction_cassettes(settings) /
                                                                f"{paper.id}.yaml").exists())


def up_to_date(stored: dict[str, object], paper: Paper, version: str) -> bool:
    """Whether the store's record of this paper (`Store.stored`) is an extraction of its text by this version."""
    return (bool(stored.get("extracted")) and stored.get("text_hash") == paper.text_hash
            and stored.get("prompt_version") == version)


def workers(settings: Settings, concurrency: int | None = None) -> int:
    """Concurrent model calls: the setting (or --concurrency) against a served model; one for the embedded model,
    whose server decodes one request at a time."""
    return 1 if settings.embedded else max(1, concurrency or settings.concurrency)


def ingest(papers: list[Paper], settings: Settings, store: Store, llm: LLM,
           progress: Callable[[Paper], None] | None = None, index_only: bool = False,
           concurrency: int | None = None) -> Summary:
    """Every paper extracted and stored, resumable. `index_only`: stored and searchable at once, no model call;
    a later run without it extracts them. A stored extraction is never replaced by an index-only record.

    Papers are written in batches (WRITE_BATCH, WRITE_SECONDS); a paper extracted but not yet written when the
    process dies is extracted again by the next run from the memo, without a model call. Extraction against a
    served model runs `workers()` calls at a time."""
    started = time.monotonic()
    version = extractor_version()
    summary = Summary(papers=len(papers))
    cassettes = extraction_cassettes(settings)
    pending: list[tuple[Paper, Extraction | None, str]] = []
    last_write = time.monotonic()

    def write(force: bool = False) -> None:
        nonlocal last_write
        if pending and (force or len(pending) >= WRITE_BATCH or time.monotonic() - last_write >= WRITE_SECONDS):
            store.put_many(pending)
            pending.clear()
            last_write = time.monotonic()

    todo: list[tuple[Paper, bool]] = []
    for paper in papers:
        m = store.stored(paper.id)
        extracted, same_text = bool(m.get("extracted")), m.get("text_hash") == paper.text_hash
        done = up_to_date(m, paper, version)
        if done or (index_only and (extracted or same_text)):
            summary.skipped += 1
        elif len(paper.abstract) > settings.max_abstract_chars:
            # refused before anything is embedded or sent: a 2 MB "abstract" would embed for minutes
            msg = (f"abstract too long ({len(paper.abstract):,} characters > LITAGENT_MAX_ABSTRACT_CHARS="
                   f"{settings.max_abstract_chars:,}); not stored")
            log.error("%s (%s): %s", paper.id, paper.title[:60], msg)
            summary.failed.append((paper.id, msg))
        elif index_only:
            pending.append((paper, None, ""))
            summary.indexed += 1
            write()
        else:
            todo.append((paper, extracted))
            continue
        if progress:
            progress(paper)
    write(force=True)

    def extract_one(paper: Paper) -> Extraction | AgentError:
        try:
            ex = extract(paper, llm, cassettes)
        except AgentError as e:
            return e
        store.prepare(paper)  # embedded here, beside the calls still in flight, not in the writing thread
        return ex

    # recorded calls one at a time, first; live calls `workers()` at a time, stored in the order they finish
    recorded = [t for t in todo if _recorded(settings, t[0])]
    live = [t for t in todo if not _recorded(settings, t[0])]
    done_iter: list[Iterable[tuple[tuple[Paper, bool], Extraction | AgentError]]] = [
        ((t, extract_one(t[0])) for t in recorded)]
    pool = ThreadPoolExecutor(max_workers=workers(settings, concurrency)) if live else None
    if pool:
        futures = {pool.submit(extract_one, t[0]): t for t in live}
        done_iter.append((futures[f], f.result()) for f in as_completed(futures))
    try:
        for (paper, extracted), out in (x for it in done_iter for x in it):
            if isinstance(out, AgentError):
                log.error("%s (%s): %s", paper.id, paper.title[:60], out)
                summary.failed.append((paper.id, str(out)))
                if not extracted:
                    pending.append((paper, None, str(out)))  # searchable now, extracted on a rerun
                # else: the previous extraction (and the text it indexes) stays until a new one succeeds
            else:
                pending.append((paper, out, ""))
                summary.extracted += 1
                summary.usage.add(out.usage)
            write()
            if progress:
                progress(paper)
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
        write(force=True)
    wanted = {p.id for p in papers}
    for p, stored in store.records():
        if stored is not None and p.id in wanted:
            summary.claims += len(stored.claims)
            summary.results += len(stored.results)
            summary.dropped += stored.dropped
    summary.seconds = time.monotonic() - started
    return summary
