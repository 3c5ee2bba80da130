"""Corpus -> store, one paper at a time, resumable. One bad paper never aborts the run."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import AgentError
from .extract import extract, extractor_version
from .llm import LLM
from .schemas import Paper, Usage
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


def ingest(papers: list[Paper], settings: Settings, store: Store, llm: LLM,
           progress: Callable[[Paper], None] | None = None, index_only: bool = False) -> Summary:
    """Every paper extracted and stored, resumable. `index_only`: stored and searchable at once, no model call;
    a later run without it extracts them. A stored extraction is never replaced by an index-only record."""
    started = time.monotonic()
    version = extractor_version()
    summary = Summary(papers=len(papers))
    cassettes = extraction_cassettes(settings)
    for paper in papers:
        try:
            m = store.stored(paper.id)
            extracted, same_text = bool(m.get("extracted")), m.get("text_hash") == paper.text_hash
            done = extracted and same_text and m.get("prompt_version") == version
            if done or (index_only and (extracted or same_text)):
                summary.skipped += 1
                continue
            if len(paper.abstract) > settings.max_abstract_chars:
                # refused before anything is embedded or sent: a 2 MB "abstract" would embed for minutes
                msg = (f"abstract too long ({len(paper.abstract):,} characters > LITAGENT_MAX_ABSTRACT_CHARS="
                       f"{settings.max_abstract_chars:,}); not stored")
                log.error("%s (%s): %s", paper.id, paper.title[:60], msg)
                summary.failed.append((paper.id, msg))
                continue
            if index_only:
                store.put(paper, None)
                summary.indexed += 1
                continue
            try:
                ex = extract(paper, llm, cassettes)
            except AgentError as e:
                log.error("%s (%s): %s", paper.id, paper.title[:60], e)
                summary.failed.append((paper.id, str(e)))
                if not extracted:
                    store.put(paper, None, error=str(e))  # searchable now, extracted on a rerun
                # else: the previous extraction (and the text it indexes) stays until a new one succeeds
                continue
            store.put(paper, ex)
            summary.extracted += 1
            summary.usage.add(ex.usage)
        finally:
            if progress:
                progress(paper)
    wanted = {p.id for p in papers}
    for p, stored in store.records():
        if stored is not None and p.id in wanted:
            summary.claims += len(stored.claims)
            summary.results += len(stored.results)
            summary.dropped += stored.dropped
    summary.seconds = time.monotonic() - started
    return summary
