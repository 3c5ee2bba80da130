"""`litagent` command line. Data goes to stdout, progress and logs to stderr; every AgentError is one line."""

from __future__ import annotations

import csv
import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import corpus
from .errors import AgentError, UsageError
from .fields import insert_tags
from .settings import Settings

if TYPE_CHECKING:
    from .schemas import Paper

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Grounded claims, numeric results and cited answers from paper abstracts.")
err = Console(stderr=True)


def _setup(verbose: bool) -> Settings:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s",
                        handlers=[RichHandler(console=err, show_path=False, show_time=False)], force=True)
    for noisy in ("httpx", "httpx2", "chromadb", "openai", "vcr", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # instructor logs every failed attempt at ERROR; our own retry layer reports them once, as warnings.
    logging.getLogger("instructor").setLevel(logging.CRITICAL)
    settings = Settings()
    if settings.home.exists() and not settings.home.is_dir():
        raise AgentError(f"LITAGENT_HOME {settings.home} is a file; it must be a folder (or not exist yet)")
    return settings


def _errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AgentError as e:
            print(f"Error: {e}", file=sys.stderr)
            raise typer.Exit(e.exit_code) from None
    return wrapper


VerboseOpt = typer.Option(False, "--verbose", "-v", help="log every model call and decision to stderr")


def _store(settings: Settings) -> Any:
    from .store import Store  # chromadb import is slow; keep --help fast
    return Store(settings)


def _llm(settings: Settings) -> Any:
    from .llm import LLM
    from .local import LocalServer

    server = LocalServer(settings) if settings.embedded else None
    return LLM(settings, server.ensure if server else None)


@app.command()
@_errors
def ingest(
    paths: list[Path] | None = typer.Argument(None, help="listing-page .txt, .jsonl or .csv files or folders; "
                                                 "none: the bundled sample corpus"),
    record: bool = typer.Option(False, "--record", help="record model calls as cassettes (cassettes/extract/)"),
    replay: bool = typer.Option(False, "--replay", help="use recordings only; never call a model"),
    index_only: bool = typer.Option(False, "--index-only", help="store and index only (searchable and askable at "
                                    "once, no model call); a later ingest without it extracts"),
    concurrency: int | None = typer.Option(None, "--concurrency", min=1, help="model calls in flight at once "
                                           "against a served model (default LITAGENT_CONCURRENCY=8; the embedded "
                                           "model takes one at a time)"),
    batch: bool = typer.Option(False, "--batch", help="extract through the endpoint's Batch API (OpenAI's, or a "
                               "server that speaks it): submit every call at once, wait, collect; a stopped run "
                               "resumes the same batch"),
    no_wait: bool = typer.Option(False, "--no-wait", help="with --batch: submit (or check) the batch and return; "
                                 "rerun to collect"),
    batch_requests: Path | None = typer.Option(None, "--batch-requests", help="write the batch input file (for "
                                               "vLLM's run_batch or a manual upload) and stop"),
    batch_results: Path | None = typer.Option(None, "--batch-results", help="read a batch output file (from "
                                              "--batch-requests' file) and store what it answers"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    verbose: bool = VerboseOpt,
) -> None:
    """Extract claims and numeric results from every abstract into the store (resumable; reruns cost nothing).

    Example: litagent ingest corpus/ --json; litagent ingest refs.bib --concurrency 16; litagent ingest refs.bib --batch
    """
    from .library import Library
    from .locks import store_writer

    settings = _setup(verbose)
    if record and replay:
        raise UsageError("--record and --replay exclude each other")
    if sum(map(bool, (batch, batch_requests, batch_results))) > 1 or (no_wait and not batch):
        raise UsageError("use one of --batch (with --no-wait), --batch-requests, --batch-results")
    if index_only and (batch or batch_requests or batch_results):
        raise UsageError("--index-only makes no model call; it takes no batch option")
    if record or replay:
        settings.cassette_mode = "record" if record else "replay"
    papers = corpus.load(paths or None)  # a malformed file fails here, before the store is opened
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))
    # one writer at a time for an embedded store (locks.store_writer); a second ingest waits, then finds the work done
    with store_writer(settings):
        batch_failed: list[tuple[str, str]] = []
        if batch or batch_requests or batch_results:
            with Library(settings=settings) as lib:
                report = _batch(lib, papers, batch_requests, batch_results, wait=not no_wait)
            if report is None:
                return  # requests written, or a batch still running: nothing to store yet
            batch_failed = report.failed
            failed_ids = {pid for pid, _ in batch_failed}
            papers = [p for p in papers if p.id not in failed_ids]  # stored from the memo; no model call
        with Library(settings=settings) as lib, Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                TextColumn("eta"), TimeRemainingColumn(), console=err, transient=not err.is_terminal) as bar:
            task = bar.add_task("indexing" if index_only else "extracting", total=len(papers))
            summary = lib.add(progress=lambda p: bar.advance(task), index_only=index_only, concurrency=concurrency,
                              papers=papers)
    if batch_failed:
        summary.failed += batch_failed
        summary.papers += len(batch_failed)
    data = summary.as_dict()
    if as_json:
        print(json.dumps(data, indent=2))
        _fail_if_failed(summary)
        return
    u = summary.usage
    print(f"papers {summary.papers} (extracted {summary.extracted}, indexed only {summary.indexed}, "
          f"already done {summary.skipped}, failed {len(summary.failed)})")
    print(f"claims {summary.claims}, numeric results {summary.results}, dropped {summary.dropped}")
    cost = f", ${u.cost_usd:.4f}" if u.cost_usd else ""
    print(f"model calls {u.calls} (memo hits {u.cached_calls}, retries {u.retries}, re-asks {u.reasks}), "
          f"tokens {u.prompt_tokens} in / {u.completion_tokens} out{cost}, {summary.seconds:.1f} s")
    for pid, e in summary.failed:
        print(f"failed {pid}: {e}")
    _fail_if_failed(summary)


def _batch(lib: Any, papers: list[Paper], requests_file: Path | None, results_file: Path | None,
           wait: bool) -> Any:
    """The batch half of `ingest` (`Library.batch`), reported; None when there is nothing to store yet."""
    from .batch import waiting

    def show(status: str, counts: dict[str, Any]) -> None:
        err.print(f"batch: {status} ({counts.get('completed', 0)} of {counts.get('total', 0)} done, "
                  f"{counts.get('failed', 0)} failed)")

    report = lib.batch(papers, requests_file, results_file, wait=wait, progress=show)
    if requests_file is not None:
        print(f"{report.written} requests written to {requests_file} ({report.already} answers already in the memo, "
              f"{len(papers) - report.todo} papers already extracted); then: litagent ingest ... --batch-results FILE")
        return None
    if waiting(report):
        print(f"batch {report.batch_id} is {report.status} ({report.requests} requests); rerun the same command to "
              "collect it")
        return None
    err.print(f"batch: {report.answered} answers collected ({report.prompt_tokens} prompt / "
              f"{report.completion_tokens} completion tokens), {report.already} already in the memo, "
              f"{len(report.failed)} failed")
    return report


def _fail_if_failed(summary: Any) -> None:
    """A run where papers failed is not a success: the summary is printed, then exit 1 (a rerun retries them)."""
    if summary.failed:
        raise AgentError(f"{len(summary.failed)} of {summary.papers} papers failed; rerun `litagent ingest` to "
                         "retry them (the others are stored)")


@app.command()
@_errors
def results(
    metric: str | None = typer.Option(None, help="keep results whose metric contains this text"),
    dataset: str | None = typer.Option(None, help="keep results whose dataset/task contains this text"),
    paper: str | None = typer.Option(None, help="a paper id or words of its title"),
    unit: str | None = typer.Option(None, help="keep results with this unit (%, x, K, M, B, ...)"),
    sort: str | None = typer.Option(None, help="sort by 'value' (descending) or 'paper'"),
    as_json: bool = typer.Option(False, "--json", help="print a JSON list"),
    as_csv: bool = typer.Option(False, "--csv", help="print CSV"),
    verbose: bool = VerboseOpt,
) -> None:
    """List extracted numeric results as data; every quote is verbatim from its abstract.

    Example: litagent results --metric accuracy --sort value --json
    """
    from .library import Library

    settings = _setup(verbose)
    if as_json and as_csv:
        raise UsageError("--json and --csv exclude each other")
    if sort not in (None, "value", "paper"):
        raise UsageError("--sort takes 'value' or 'paper'")
    rows = Library(settings=settings).results(metric=metric, dataset=dataset, unit=unit, paper=paper, sort=sort)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif as_csv:
        from .library import RESULT_FIELDS
        from .review import csv_safe

        w = csv.DictWriter(sys.stdout, fieldnames=RESULT_FIELDS, extrasaction="ignore")
        w.writeheader()
        w.writerows({k: csv_safe(v) for k, v in r.items()} for r in rows)
    else:
        for r in rows:
            print(f"{r['paper_id']}  {r['value_text']:>10}  {r['unit']:<8} {r['metric'][:40]:<40}  "
                  f"{r['dataset_or_task'][:30]}")
        err.print(f"{len(rows)} results")


@app.command()
@_errors
def export(verbose: bool = VerboseOpt) -> None:
    """Every paper with its claims and numeric results, as JSON lines (one paper a line).

    Example: litagent export > papers.jsonl
    """
    store = _store(_setup(verbose))
    for p, ex in store.records():
        obj = {"paper_id": p.id, "title": p.title, "abstract": p.abstract, "sources": p.sources,
               "extracted": ex is not None, "claims": [c.model_dump() for c in ex.claims] if ex else [],
               "results": [r.model_dump() for r in ex.results] if ex else []}
        print(json.dumps(obj, ensure_ascii=False))


@app.command()
@_errors
def show(
    query: list[str] = typer.Argument(..., help="a paper id or words of its title"),
    as_json: bool = typer.Option(False, "--json"),
    as_html: bool = typer.Option(False, "--html", help="a self-contained page with every field highlighted in "
                                 "the abstract (write it to a file: > paper.html)"),
    verbose: bool = VerboseOpt,
) -> None:
    """One paper and its extraction, with the grounded spans marked in the abstract.

    In the abstract, «…» marks a reported number and [[…]] a claim sentence.
    Example: litagent show double descent; litagent show double descent --html > paper.html
    """
    store = _store(_setup(verbose))
    paper, ex = store.find(" ".join(query))
    if as_html:
        if ex is None:
            raise UsageError(f"{paper.id} is not extracted yet: run litagent ingest")
        from .view import paper_html
        print(paper_html(paper, ex))
        return
    if as_json:
        print(json.dumps({"paper": paper.model_dump(), "extraction": ex.model_dump() if ex else None},
                         indent=2, ensure_ascii=False))
        return
    print(f"{paper.title}\n{paper.id}  ({', '.join(paper.sources)})\n")
    if ex is None:
        print(paper.abstract)
        print("\n(not extracted yet)")
        return
    print(_marked(paper.abstract, ex))
    print("\nClaims:")
    for c in ex.claims:
        print(f"  [{c.type}] {c.text}  @{c.start}:{c.end}")
    print("\nNumeric results:")
    for r in ex.results:
        extra = f" vs {r.baseline_or_comparison}" if r.baseline_or_comparison else ""
        family = f" [{r.metric_family}]" if r.metric_family else ""
        print(f"  {r.value_text} ({r.value:g} {r.unit}) {r.metric or '-'}{family} | {r.dataset_or_task or '-'}{extra}"
              f"  @{r.value_start}:{r.value_end}")


def _marked(text: str, ex: Any) -> str:
    tags: list[tuple[int, int, str]] = []
    for c in ex.claims:
        tags += [(c.start, 0, "[["), (c.end, 2, "]]")]
    for r in ex.results:
        tags += [(r.value_start, 1, "«"), (r.value_end, 1, "»")]
    return insert_tags(text, tags)


def _ids(papers: str | None) -> set[str] | None:
    return {p.strip() for p in papers.split(",") if p.strip()} if papers else None


@app.command()
@_errors
def ask(
    question: str = typer.Argument(..., help="a question in plain language"),
    k: int | None = typer.Option(None, "-k", help="papers judged per round (default LITAGENT_QA__EVIDENCE_K, 3)"),
    papers: str | None = typer.Option(None, "--papers", help="only these paper ids, comma-separated"),
    as_json: bool = typer.Option(False, "--json", help="print the answer as JSON"),
    explain: bool = typer.Option(False, "--explain", help="also show every paper judged and why it was used or not"),
    verbose: bool = VerboseOpt,
) -> None:
    """Answer from the corpus with verified citations, or say that the corpus does not answer.

    Example: litagent ask "How much faster is K-Sort Arena than ELO?"
    """
    from .library import Library

    settings = _setup(verbose)
    if k is not None and k < 1:
        raise UsageError("-k must be at least 1")
    with Library(settings=settings) as lib:
        ans = lib.ask(question, k=k, papers=_ids(papers))
    if as_json:
        print(json.dumps(ans.model_dump(), indent=2, ensure_ascii=False))
        return
    print(ans.answer)
    if ans.citations:
        print("\nReferences:")
        for i, c in enumerate(ans.citations, 1):
            print(f"[{i}] {c.title} ({c.paper_id})\n    \"{c.quote}\"")
    if ans.abstained and ans.closest:
        print("\nClosest papers:")
        for near in ans.closest:
            print(f"  {near['paper_id']}  {near['title']}")
    if ans.unextracted:
        err.print(f"note: {ans.unextracted} paper(s) are indexed but not extracted yet (searched on their text; their "
                  "numeric results are not known): run `litagent ingest` to extract them", markup=False)
    if explain:
        err.print(f"kind {ans.kind}, {ans.rounds} round(s), {len(ans.steps)} papers judged, "
                  f"{ans.usage.calls} model calls", markup=False)
        for st in ans.steps:
            err.print(f"  r{st.round} {st.paper_id} S{st.sentence if st.sentence is not None else '-'}: {st.verdict}"
                      f"  | {st.query[:60]}", markup=False, highlight=False)


@app.command()
@_errors
def search(
    query: str = typer.Argument(..., help="what to look for"),
    k: int = typer.Option(10, "-k", help="how many papers"),
    papers: str | None = typer.Option(None, "--papers", help="only these paper ids, comma-separated"),
    as_json: bool = typer.Option(False, "--json"),
    verbose: bool = VerboseOpt,
) -> None:
    """Retrieval only: papers ranked by hybrid dense + BM25 search (no model call).

    Example: litagent search "merging fine-tuned models" -k 5
    """
    from .library import Library

    settings = _setup(verbose)
    lib = Library(settings=settings)
    hits = lib.search(query, k=k, papers=_ids(papers))
    rows = [{"rank": i, "paper_id": h.paper.id, "title": h.paper.title, "score": round(h.score, 5),
             "dense_rank": h.dense_rank, "bm25_rank": h.bm25_rank} for i, h in enumerate(hits, 1)]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        print(f"{r['rank']:>3}  {r['score']:.4f}  {r['paper_id']}  {r['title']}")
    err.print(f"retrieval {lib.last_search_ms:.1f} ms")


@app.command()
@_errors
def review(
    topic: str | None = typer.Option(None, "--topic", help="papers on this topic (retrieval)"),
    papers: str | None = typer.Option(None, "--papers", help="these paper ids, comma-separated"),
    columns: str | None = typer.Option(None, "--columns", help="comma-separated column names; built-ins: "
                                          "title, claims, results, results:METRIC"),
    columns_file: Path | None = typer.Option(None, "--columns-file",
                                                help="YAML/JSON list of {name, instruction, type}"),
    fmt: str = typer.Option("md", "--format", help="md | csv | json | html"),
    output: Path | None = typer.Option(None, "-o", help="write to this file instead of stdout"),
    k: int = typer.Option(10, "-k", help="how many papers a topic may bring"),
    verbose: bool = VerboseOpt,
) -> None:
    """A literature-review table: papers x columns, a verbatim quote behind every filled cell.

    Example: litagent review --topic "model merging" --columns "method,datasets,best result" --format html -o t.html
    """
    from .library import Library
    from .review import parse_columns, to_csv, to_html, to_json, to_markdown

    settings = _setup(verbose)
    if topic and papers:
        raise UsageError("--topic and --papers exclude each other")
    if fmt not in ("md", "csv", "json", "html"):
        raise UsageError("--format takes md, csv, json or html")
    if output and not output.parent.is_dir():  # found out before the table is built, not after
        raise UsageError(f"-o {output}: folder {output.parent} does not exist")
    cols = parse_columns(columns, columns_file)
    with Library(settings=settings) as lib:
        table = lib.review(cols, topic=topic, papers=sorted(_ids(papers) or []) or None, k=k)
        abstracts = {r.paper_id: lib.store.get(r.paper_id)[0].abstract for r in table.rows}
    if fmt == "html":
        text = to_html(table, abstracts)
    else:
        text = {"md": to_markdown, "csv": to_csv, "json": to_json}[fmt](table)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise AgentError(f"-o {output}: cannot write: {e.strerror}") from e
    else:
        sys.stdout.write(text)
    u = table.usage
    err.print(f"{len(table.rows)} papers x {len(cols)} columns; model calls {u.calls} (memo hits {u.cached_calls}),"
              f" cells rejected by the grounding check {table.dropped}")
    if table.unextracted:
        err.print(f"note: {len(table.unextracted)} paper(s) not extracted yet ({', '.join(table.unextracted[:5])}"
                  f"{', ...' if len(table.unextracted) > 5 else ''}): their claims/results cells stay empty until "
                  "`litagent ingest` extracts them", markup=False)


@app.command("eval")
@_errors
def eval_cmd(
    suite: str = typer.Option("all", help="extraction | qa | all"),
    dataset: Path = typer.Option(Path(__file__).resolve().parent.parent / "evals" / "dev",
                                 help="a directory with numeric.jsonl / claims.jsonl / qa.jsonl"),
    replay: bool = typer.Option(False, "--replay", help="recordings only, no model (the default)"),
    record: bool = typer.Option(False, "--record", help="call the model and write recordings"),
    live: bool = typer.Option(False, "--live", help="call the model, write nothing"),
    as_json: bool = typer.Option(False, "--json", help="metrics and per-item results as JSON"),
    fail_under: list[str] | None = typer.Option(None, "--fail-under", help="METRIC=VALUE; exit 3 when missed"),
    judge: bool = typer.Option(False, "--judge", help="also ask the LLM judge (prompts/judge.md): a second opinion "
                               "beside the code-scored answer_correct"),
    verbose: bool = VerboseOpt,
) -> None:
    """Score extraction and QA against gold data, offline from recordings by default; same commit, same numbers.

    Example: litagent eval --suite extraction --fail-under numeric_f1=0.85
    """
    from .evaluate import SUITES, check_thresholds, markdown, run

    settings = _setup(verbose)
    if replay + record + live > 1:
        raise UsageError("choose one of --replay, --record, --live")
    mode = "record" if record else "live" if live else "replay"
    if suite not in (*SUITES, "all"):
        raise UsageError(f"--suite takes one of {', '.join(SUITES)}, all")
    suites = list(SUITES) if suite == "all" else [suite]
    ensure = _llm(settings).ensure_backend if mode != "replay" else None
    started = time.monotonic()
    report = run(dataset, settings, mode, suites, ensure, judge=judge)  # type: ignore[arg-type]
    elapsed = time.monotonic() - started
    settings.home.mkdir(parents=True, exist_ok=True)
    md = settings.home / "eval-report.md"
    md.write_text(markdown(report, dataset, mode), encoding="utf-8")
    if as_json:
        print(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        for name, res in report.items():
            print(f"{name}")
            for k, v in res.items():
                if k != "items":
                    print(f"  {k:<34} {v}")
    err.print(f"report: {md}  ({elapsed:.1f} s)")
    misses = check_thresholds(report, fail_under or [])
    if misses:
        for m in misses:
            print(f"below threshold: {m}", file=sys.stderr)
        raise typer.Exit(3)


@app.command()
@_errors
def doctor(
    repair: bool = typer.Option(False, "--repair", help="make the safe repairs: rebuild indexes from the paper "
                                "records, move a damaged store or memo aside"),
    verbose: bool = VerboseOpt,
) -> None:
    """Check the store, the memo and the recordings; exit 1 while anything is wrong.

    Example: litagent doctor --repair
    """
    from . import doctor as doc

    settings = _setup(verbose)
    def report(findings: list[Any]) -> None:
        for f in findings:
            print(f"{'ok  ' if f.ok else 'FAIL'} {f.what}: {f.detail}")

    findings = doc.check(settings)
    report(findings)
    if repair and any(not f.ok for f in findings):
        for line in doc.repair(settings, findings):
            print(f"repaired: {line}")
        findings = doc.check(settings)
        report(findings)
    bad = [f for f in findings if not f.ok]
    if bad:
        hint = "" if repair else "; `litagent doctor --repair` fixes what it can"
        raise AgentError(f"{', '.join(f.what for f in bad)} not in order{hint}")


@app.command("serve-model")
@_errors
def serve_model(verbose: bool = VerboseOpt) -> None:
    """Run the embedded model server (llama.cpp, 127.0.0.1) in the foreground until Ctrl-C.

    Example: litagent serve-model   # then, in another shell: litagent ingest
    """
    from .local import LocalServer

    settings = _setup(True)
    server = LocalServer(settings)
    signal.signal(signal.SIGTERM, _interrupt)  # a plain SIGTERM would orphan the child server
    try:
        server.start()
        err.print(f"serving {settings.model_name} at {settings.base_url} (Ctrl-C stops)")
        while server.proc is not None and server.proc.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def _interrupt(*_: Any) -> None:
    raise KeyboardInterrupt


def main() -> None:
    app()


if __name__ == "__main__":
    main()
