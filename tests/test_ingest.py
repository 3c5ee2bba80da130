"""Idempotent, resumable, crash-safe ingest; the model is a SYNTHETIC stub on 127.0.0.1 (plumbing, not quality)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from stub_server import StubServer, auto_label, synthetic_papers

from agent import corpus
from agent.ingest import ingest
from agent.llm import LLM
from agent.store import Store


def _papers(tmp_path: Path, n: int) -> Path:
    return synthetic_papers(tmp_path / "c.jsonl", n, "Paper")


def test_second_ingest_changes_nothing_and_costs_no_call(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    papers = corpus.load([_papers(tmp_path, 4)])
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        store = Store(settings)
        first = ingest(papers, settings, store, LLM(settings))
        n_requests = len(srv.requests)
        second = ingest(papers, settings, Store(settings), LLM(settings))
    # two sentences each, both chosen as claims (up to MAX_CLAIMS a paper); two numbers each
    assert first.extracted == 4 and first.results == 8 and first.claims == 8
    assert second.extracted == 0 and second.skipped == 4 and second.usage.calls == 0
    assert len(srv.requests) == n_requests == 4
    assert (second.results, second.claims) == (first.results, first.claims)
    stored = [ex for _, ex in store.records()]
    assert store.count() == 4 and sum(len(ex.results) for ex in stored if ex) == 8
    assert sum(len(ex.claims) for ex in stored if ex) == 8


def test_extraction_against_a_served_model_runs_bounded_calls_at_once(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    papers = corpus.load([_papers(tmp_path, 8)])
    settings.cassette_mode = "off"
    for concurrency, home in ((1, "a"), (4, "b")):
        settings.home = tmp_path / home
        with StubServer([], default=auto_label, delay_s=0.2) as srv:
            settings.openai_base_url = srv.url
            store = Store(settings)
            s = ingest(papers, settings, store, LLM(settings), concurrency=concurrency)
        assert srv.max_in_flight == concurrency  # as many as asked for, never more
        assert s.extracted == 8 and len(srv.requests) == 8 and store.count() == 8  # one call and one record each
        assert sorted(p.id for p, ex in store.records() if ex) == sorted(p.id for p in papers)


def test_one_bad_paper_does_not_abort_the_run_and_is_retried_later(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    papers = corpus.load([_papers(tmp_path, 3)])
    settings.max_retries = 1

    def fail_paper_1(body):  # type: ignore[no-untyped-def]
        return "500" if "Paper 1" in body["messages"][1]["content"] else auto_label(body)

    with StubServer([], default=fail_paper_1) as srv:
        settings.openai_base_url = srv.url
        s = ingest(papers, settings, Store(settings), LLM(settings))
    assert s.extracted == 2 and [p for p, _ in s.failed] == [papers[1].id]
    assert "500" in s.failed[0][1]
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        again = ingest(papers, settings, Store(settings), LLM(settings))
    assert again.extracted == 1 and again.skipped == 2 and not again.failed


def test_kill_9_mid_run_then_rerun_leaves_every_paper_exactly_once(tmp_path: Path) -> None:
    path = _papers(tmp_path, 8)
    home = tmp_path / "home"
    env = {**os.environ, "LITAGENT_HOME": str(home), "LITAGENT_STRUCTURED_MODE": "json_schema",
           "LITAGENT_CASSETTE_MODE": "off", "OPENAI_API_KEY": "test-key-not-secret", "LITAGENT_CONCURRENCY": "1"}
    cmd = [sys.executable, "-m", "agent.cli", "ingest", str(path), "--json"]
    with StubServer([], default=auto_label, delay_s=0.3) as srv:
        env["OPENAI_BASE_URL"] = srv.url
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while len(srv.requests) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        done_before = len(srv.requests)
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        asked_again = len(srv.requests) - done_before
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["extracted"] + summary["already_done"] == 8
    # a paper whose model call had finished is not asked again (stored, or answered by the memo); only the call in
    # flight at the kill is
    assert asked_again <= 8 - done_before + 1
    from agent.settings import Settings
    store = Store(Settings(home=home))
    assert store.count() == 8
    assert all(ex is not None and len(ex.results) == 2 for _, ex in store.records())  # every paper extracted, once
    sids = store.sentences.get()["ids"]
    assert len(sids) == len(set(sids)) == 16  # two sentences a paper, none written twice


def test_abstract_too_long_for_the_context_fails_alone_and_clearly(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"title": "Huge", "abstract": "We measure things. " * 800}) + "\n" +
                 json.dumps({"title": "Small", "abstract": "It is 3x faster."}) + "\n")
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        store = Store(settings)
        s = ingest(corpus.load([f]), settings, store, LLM(settings))
    assert s.extracted == 1 and len(s.failed) == 1
    assert "too long for the model's context" in s.failed[0][1]
    assert len(srv.requests) == 1  # the long one never reached the model
    huge = store.find("Huge")
    assert huge[1] is None  # stored as unfinished (searchable), retried on the next run


def test_an_oversized_abstract_is_refused_before_embedding_and_the_run_goes_on(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "big.jsonl"
    f.write_text(json.dumps({"title": "Giant", "abstract": "We measure things. " * 110_000}) + "\n" +  # ~2 MB
                 json.dumps({"title": "Small", "abstract": "It is 3x faster."}) + "\n")
    started = time.monotonic()
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        store = Store(settings)
        s = ingest(corpus.load([f]), settings, store, LLM(settings))
    assert time.monotonic() - started < 60  # embedding its 110,000 sentences would take many minutes
    assert s.extracted == 1 and [e for _, e in s.failed] == [
        "abstract too long (2,090,000 characters > LITAGENT_MAX_ABSTRACT_CHARS=20,000); not stored"]
    assert [p.title for p, _ in store.records()] == ["Small"]


def test_a_failed_reextraction_keeps_the_previous_extraction(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"title": "Fast", "abstract": "It is 3x faster. It uses 2 GPUs."}) + "\n")
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        ingest(corpus.load([f]), settings, Store(settings), LLM(settings))
    before = Store(settings).find("Fast")
    assert before[1] is not None and before[1].results
    f.write_text(json.dumps({"title": "Fast", "abstract": "It is 4x faster. It uses 2 GPUs."}) + "\n")  # revised
    settings.max_retries = 0
    with StubServer([], default="500") as srv:  # the model is down
        settings.openai_base_url = srv.url
        s = ingest(corpus.load([f]), settings, Store(settings), LLM(settings))
    assert len(s.failed) == 1
    after = Store(settings).find("Fast")
    assert after == before  # the old text with its extraction, untouched, until a new extraction succeeds
    with StubServer([], default=auto_label) as srv:  # the model is back: the rerun extracts the revision
        settings.openai_base_url = srv.url
        s = ingest(corpus.load([f]), settings, Store(settings), LLM(settings))
    assert s.extracted == 1 and "4x" in Store(settings).find("Fast")[0].abstract


def test_index_only_makes_papers_searchable_without_a_model_then_a_rerun_extracts(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from agent.library import Library

    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"title": "Sketch clustering", "abstract": "SketchKM runs 12x faster than Lloyd."}) + "\n"
                 + json.dumps({"title": "Protein folding", "abstract": "We fold proteins with diffusion."}) + "\n")
    with StubServer([]) as srv:  # taken for a free port, then closed: no model anywhere
        settings.openai_base_url = srv.url
    lib = Library(settings=settings)
    s = lib.add([f], index_only=True)
    assert (s.indexed, s.extracted, s.failed) == (2, 0, [])
    assert lib.search("k-means speed", k=1)[0].paper.title == "Sketch clustering"  # searchable at once
    assert lib.results() == []  # nothing extracted yet
    assert lib.add([f], index_only=True).skipped == 2  # a second index-only run does nothing
    table = lib.review("title,results", papers=sorted(p.paper.id for p in lib.search("paper", k=5)))
    assert len(table.unextracted) == 2  # the review says why its results cells are empty
    from agent.retrieve import Retriever
    assert len(Retriever(lib.store).unextracted) == 2  # and `ask` reports how many (Answer.unextracted)
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        lib = Library(settings=settings)
        s = lib.add([f])
    assert s.extracted == 2 and [r["value_text"] for r in lib.results()] == ["12x"]


def test_a_second_writer_waits_for_the_first_then_finds_the_work_done(tmp_path: Path) -> None:
    """An embedded store takes one writer at a time (locks.store_writer): while another process holds the store's
    lock, an ingest makes no model call; once it is free, the ingest runs, and a third finds everything done."""
    from agent.locks import store_writer
    from agent.settings import Settings

    path = _papers(tmp_path, 3)
    home = tmp_path / "home"
    env = {**os.environ, "LITAGENT_HOME": str(home), "LITAGENT_STRUCTURED_MODE": "json_schema",
           "LITAGENT_CASSETTE_MODE": "off", "OPENAI_API_KEY": "test-key-not-secret"}
    cmd = [sys.executable, "-m", "agent.cli", "ingest", str(path), "--json"]
    with StubServer([], default=auto_label) as srv:
        env["OPENAI_BASE_URL"] = srv.url
        with store_writer(Settings(home=home)):
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                proc.wait(timeout=20)  # unlocked, this ingest takes a few seconds
            except subprocess.TimeoutExpired:
                pass
            assert proc.poll() is None and srv.requests == []  # still waiting, nothing asked
        out, errs = proc.communicate(timeout=120)
        assert proc.returncode == 0, errs
        assert json.loads(out)["extracted"] == 3 and len(srv.requests) == 3
        again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and json.loads(again.stdout)["already_done"] == 3
