"""`Library`: what the command line does, from Python, wired once: settings, store, model (the embedded one started
on demand), and the same recording policy as the CLI.

    import agent
    lib = agent.Library()              # ~/.litagent, or Library(home="...")
    lib.add()                          # the bundled corpus; or lib.add(["refs.jsonl"])
    print(lib.ask("How much faster is K-Sort Arena than ELO?").answer)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import corpus
from .errors import UsageError
from .injection import looks_like_instruction
from .retrieve import Hit, Retriever
from .schemas import Extraction, Paper
from .settings import Settings
from .store import Store

if TYPE_CHECKING:
    from . import batch
    from .ingest import Summary
    from .llm import LLM
    from .qa import Answer
    from .review import Column, ReviewTable

# The model side (the openai client, instructor: ~1 s to import) is imported by the methods that call a model, so
# `search`, `results` and `show` start without it.

RESULT_FIELDS = ["paper_id", "title", "value", "value_text", "unit", "metric", "metric_family", "dataset_or_task",
                 "baseline_or_comparison", "quote", "start", "end", "value_start", "value_end", "metric_span",
                 "dataset_span", "baseline_span", "flagged"]


def filter_results(records: Iterable[tuple[Paper, Extraction | None]], metric: str | None = None,
                   dataset: str | None = None, unit: str | None = None, paper_id: str | None = None,
                   sort: str | None = None) -> list[dict[str, Any]]:
    """Numeric results as rows (RESULT_FIELDS): metric matches its family (fields.FAMILIES: "accuracy" finds "top-1
    acc." worded as accuracy, "pass@k" any pass@1/pass@10) or as contained text, dataset as contained text, unit
    exactly (its canonical form: %, pp, x, B parameters, ...), all ignoring case; `sort="value"` puts the largest
    first; `flagged` marks a quote that reads as an instruction."""
    if sort not in (None, "value", "paper"):
        raise UsageError("sort takes 'value' or 'paper'")
    rows = []
    for p, ex in records:
        if ex is None or (paper_id and p.id != paper_id):
            continue
        for r in ex.results:
            if metric and metric.lower() not in r.metric.lower() and metric.lower() != r.metric_family.lower():
                continue
            if dataset and dataset.lower() not in r.dataset_or_task.lower():
                continue
            if unit and unit.lower() != r.unit.lower():
                continue
            # a number quoted from a sentence that reads as an instruction to a model is data, but marked
            row = {"paper_id": p.id, "title": p.title, **r.model_dump(), "flagged": looks_like_instruction(r.quote)}
            rows.append({k: row[k] for k in RESULT_FIELDS})
    if sort == "value":
        rows.sort(key=lambda r: -r["value"])
    return rows


class Library:
    """One store and one model. Nothing starts until it is needed: `results` and `search` never touch the model,
    and the embedded model server is started by the first call that needs it."""

    def __init__(self, home: str | Path | None = None, settings: Settings | None = None) -> None:
        self.settings = settings.model_copy() if settings else Settings()
        if home is not None:
            self.settings.home = Path(home)
        self._store: Store | None = None
        self._llm: LLM | None = None
        self._retriever: Retriever | None = None

    # -- parts, made on first use -----------------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings)
        return self._store

    @property
    def llm(self) -> LLM:
        if self._llm is None:
            from .llm import LLM
            from .local import LocalServer

            server = LocalServer(self.settings) if self.settings.embedded else None
            self._llm = LLM(self.settings, server.ensure if server else None)
        return self._llm

    def _index(self) -> Retriever:
        if self._retriever is None:
            self._retriever = Retriever(self.store)
        return self._retriever

    # -- what users do ----------------------------------------------------------------------------------------------
    def add(self, paths: Iterable[str | Path] | None = None, progress: Callable[[Paper], None] | None = None,
            index_only: bool = False, concurrency: int | None = None, papers: list[Paper] | None = None) -> Summary:
        """Read and extract papers (listing pages, JSONL, CSV, BibTeX, RIS, arXiv XML, OpenAlex, Semantic Scholar;
        none: the bundled corpus), or `papers` already read. Resumable: papers already extracted cost nothing. A paper
        that fails is in the summary's `failed`; the others are stored. `index_only`: searchable and askable at once,
        no model call; a later `add` extracts them. `concurrency`: calls in flight against a served model (default:
        settings.concurrency)."""
        from .ingest import ingest

        if papers is None:
            papers = corpus.load([Path(p) for p in paths] if paths else None)
        summary = ingest(papers, self.settings, self.store, self.llm, progress=progress, index_only=index_only,
                         concurrency=concurrency)
        self._retriever = None  # the index now holds more papers
        return summary

    def batch(self, papers: list[Paper], requests_file: Path | None = None, results_file: Path | None = None,
              wait: bool = True, progress: Callable[[str, dict[str, Any]], None] | None = None) -> batch.Report:
        """Extraction calls through a batch, into the memo: the calls of the papers not yet extracted are written to
        `requests_file` (then nothing else), or answered from `results_file` (a batch runner's output), or submitted
        to the endpoint's Batch API (a stopped run resumes the same batch; `wait=False` returns once submitted).
        `add` then stores the answered papers without a model call; `Report.failed` names the others."""
        from . import batch
        from .extract import extractor_version
        from .ingest import up_to_date

        version = extractor_version()
        todo = [p for p in papers if not up_to_date(self.store.stored(p.id), p, version)]
        report = batch.Report(todo=len(todo))
        reqs = batch.requests(todo, self.llm, report)
        if requests_file is not None:
            batch.write_requests(reqs, requests_file)
            report.written = len(reqs)
        elif results_file is not None:
            try:
                with open(results_file, encoding="utf-8") as f:
                    batch.collect(f, reqs, self.llm, report)
            except OSError as e:
                raise UsageError(f"cannot read {results_file}: {e.strerror}") from e
        else:
            batch.check_batch_settings(self.settings)
            batch.BatchRun(self.settings, self.llm).run(reqs, report, wait=wait, progress=progress)
        return report

    def ask(self, question: str, k: int | None = None, papers: Iterable[str] | None = None) -> Answer:
        """An answer with verified citations, or an abstention (`Answer.abstained`) naming the closest papers."""
        from .qa import ask as run_ask

        return run_ask(question, self.store, self.llm, k=k, cassette_dir=self.settings.recordings("qa"),
                       retriever=self._index(), only=set(papers) if papers else None)

    def search(self, query: str, k: int = 10, papers: Iterable[str] | None = None) -> list[Hit]:
        """Retrieval only (dense + BM25, fused); no model call. `last_search_ms` says how long it took."""
        return self._index().search(query, k=k, only=set(papers) if papers else None)

    @property
    def last_search_ms(self) -> float:
        return self._index().last_ms

    def results(self, metric: str | None = None, dataset: str | None = None, unit: str | None = None,
                paper: str | None = None, sort: str | None = None) -> list[dict[str, Any]]:
        """Numeric results as rows; `paper` is an id or words of its title."""
        pid = self.store.find(paper)[0].id if paper else None
        return filter_results(self.store.records(), metric, dataset, unit, pid, sort)

    def review(self, columns: str | list[Column], topic: str | None = None, papers: list[str] | None = None,
               k: int = 10) -> ReviewTable:
        """Papers x columns, a verbatim quote behind every filled cell. `columns` is "method,datasets,best result"
        or a list of `Column`; built-in columns (title, claims, results, results:METRIC) need no model call."""
        from .review import build as build_review
        from .review import parse_columns, select_papers

        if topic and papers:
            raise UsageError("topic and papers exclude each other")
        cols = parse_columns(columns, None) if isinstance(columns, str) else columns
        rows = select_papers(self.store, topic, sorted(papers) if papers else None, k=k)
        # the model server starts only at the first call, which built-in columns never make
        return build_review(self.store, self.llm, rows, cols, cassette_dir=self.settings.recordings("review"))

    def close(self) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def extract_text(title: str, abstract: str, settings: Settings | None = None) -> Extraction:
    """One abstract's claims and numeric results, without a store (the embedded model started on demand)."""
    from .extract import extract
    from .ingest import extraction_cassettes

    lib = Library(settings=settings)
    try:
        return extract(Paper.make(title, abstract, "python"), lib.llm, extraction_cassettes(lib.settings))
    finally:
        lib.close()


__all__ = ["RESULT_FIELDS", "Library", "extract_text", "filter_results"]
