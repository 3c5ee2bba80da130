"""`ingest --batch`: submit, poll, collect and resume against a SYNTHETIC Batch API server on 127.0.0.1
(tests/batch_stub.py; plumbing, not model quality)."""

import json
from pathlib import Path

import pytest
from batch_stub import BatchStub
from stub_server import auto_label, synthetic_papers
from typer.testing import CliRunner

from agent import batch, corpus
from agent.cli import app
from agent.llm import LLM
from agent.settings import Settings
from agent.store import Store


def _corpus(tmp_path: Path, n: int) -> Path:
    return synthetic_papers(tmp_path / "c.jsonl", n, "Batch paper")


def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str) -> None:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-batch-0123456789abcdef")
    monkeypatch.setenv("LITAGENT_CASSETTE_MODE", "off")
    monkeypatch.setenv("LITAGENT_STRUCTURED_MODE", "json_schema")
    monkeypatch.setenv("LITAGENT_BATCH_POLL_S", "0.01")


def _stored(home: Path) -> dict[str, int]:
    store = Store(Settings(home=home))
    return {p.title: len(ex.results) for p, ex in store.records() if ex is not None}


def test_batch_ingest_submits_once_polls_collects_and_stores_without_a_live_call(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with BatchStub(polls_before_done=2) as stub:
        _env(monkeypatch, tmp_path, stub.url)
        r = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 3)), "--batch", "--json"])
        assert r.exit_code == 0, r.output
        # one upload, one batch, polled until done, two files read; the stub has no chat endpoint, so any live
        # call would have failed the run
        assert [p for p in stub.paths if p.startswith("POST")] == ["POST /v1/files", "POST /v1/batches"]
        assert stub.polls["batch_0"] == 3
        lines = [json.loads(x) for x in stub.files["file-0"].splitlines()]
        assert len(lines) == 3 and {x["url"] for x in lines} == {"/v1/chat/completions"}
        assert all(x["body"]["response_format"]["type"] == "json_schema" for x in lines)
        summary = json.loads(r.stdout)
        assert summary["extracted"] == 3 and summary["failed"] == [] and summary["usage"]["calls"] == 0
        assert _stored(tmp_path / "home") == {"Batch paper 0": 2, "Batch paper 1": 2, "Batch paper 2": 2}
        assert not list((tmp_path / "home" / "batches").glob("*.json"))  # collected: nothing left to resume
        again = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 3)), "--batch", "--json"])
        assert again.exit_code == 0 and len(stub.batches) == 1  # all extracted: no second batch
        assert json.loads(again.stdout)["already_done"] == 3


def test_a_stopped_batch_run_resumes_the_same_batch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with BatchStub(polls_before_done=1) as stub:
        _env(monkeypatch, tmp_path, stub.url)
        first = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 2)), "--batch", "--no-wait"])
        assert first.exit_code == 0, first.output
        assert "batch_0 is in_progress" in first.stdout and _stored(tmp_path / "home") == {}
        second = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 2)), "--batch", "--json"])
        assert second.exit_code == 0, second.output
        assert len(stub.batches) == 1 and len(stub.files) == 2  # no second submission: input and output files only
        assert json.loads(second.stdout)["extracted"] == 2


def test_one_bad_answer_fails_its_paper_alone_and_the_rerun_submits_only_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = {"Batch paper 1": "garbage", "Batch paper 2": "error", "Batch paper 3": "cut"}

    def answer(body):  # type: ignore[no-untyped-def]
        title = body["messages"][1]["content"].splitlines()[0].removeprefix("Title: ")
        return bad.get(title) or auto_label(body)

    with BatchStub(answer=answer) as stub:
        _env(monkeypatch, tmp_path, stub.url)
        r = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 4)), "--batch", "--json"])
        assert r.exit_code == 1
        failed = {f["paper_id"]: f["error"] for f in json.loads(r.stdout)["failed"]}
        assert len(failed) == 3 and sorted(_stored(tmp_path / "home")) == ["Batch paper 0"]
        assert any("did not validate" in e for e in failed.values())
        assert any("batch request failed: stub error" in e for e in failed.values())
        assert any("cut off" in e for e in failed.values())
        bad.clear()
        r = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 4)), "--batch", "--json"])
        assert r.exit_code == 0, r.output
        resubmitted = [json.loads(x) for x in stub.files[stub.batches["batch_1"]["input_file_id"]].splitlines()]
        assert len(resubmitted) == 3  # only the three that failed
        assert len(_stored(tmp_path / "home")) == 4


def test_an_expired_batch_keeps_what_it_answered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with BatchStub(end_status="expired") as stub:
        _env(monkeypatch, tmp_path, stub.url)
        r = CliRunner().invoke(app, ["ingest", str(_corpus(tmp_path, 3)), "--batch", "--json"])
        assert r.exit_code == 1
        summary = json.loads(r.stdout)
        assert summary["extracted"] == 1 and len(summary["failed"]) == 2
        assert all("no answer" in f["error"] for f in summary["failed"])


def test_requests_file_and_results_file_round_trip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The file halves (vLLM's run_batch reads and writes the same format): requests out, answers in."""
    with BatchStub() as stub:
        _env(monkeypatch, tmp_path, stub.url)
        src = _corpus(tmp_path, 2)
        req_file = tmp_path / "requests.jsonl"
        r = CliRunner().invoke(app, ["ingest", str(src), "--batch-requests", str(req_file)])
        assert r.exit_code == 0, r.output
        assert "2 requests written" in r.stdout
        text = req_file.read_text()
        assert "sk-test-batch" not in text  # the key travels in a header, never in the file
        # answer the file the way a batch runner would (here: the stub's synthetic labels)
        out = tmp_path / "results.jsonl"
        with out.open("w") as f:
            for line in map(json.loads, text.splitlines()):
                body = {"choices": [{"message": {"content": json.dumps(auto_label(line["body"]))},
                                     "finish_reason": "stop"}], "usage": {"prompt_tokens": 5, "completion_tokens": 7}}
                f.write(json.dumps({"custom_id": line["custom_id"], "response": {"status_code": 200, "body": body},
                                    "error": None}) + "\n")
        r = CliRunner().invoke(app, ["ingest", str(src), "--batch-results", str(out), "--json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["extracted"] == 2 and not stub.paths  # the server was never called
        assert "2 answers collected (10 prompt / 14 completion tokens)" in r.stderr


def test_batch_needs_a_served_model_and_one_mode(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    src = str(_corpus(tmp_path, 1))
    r = CliRunner().invoke(app, ["ingest", src, "--batch"])
    assert r.exit_code == 1 and "needs a served model" in r.output
    r = CliRunner().invoke(app, ["ingest", src, "--no-wait"])
    assert r.exit_code == 2
    r = CliRunner().invoke(app, ["ingest", src, "--batch", "--index-only"])
    assert r.exit_code == 2


def test_requests_skip_answers_already_in_the_memo(settings: Settings, tmp_path: Path) -> None:
    papers = corpus.load([_corpus(tmp_path, 2)])
    llm = LLM(settings)
    reqs = batch.requests(papers, llm)
    assert len(reqs) == 2 and len({r.custom_id for r in reqs}) == 2
    obj = reqs[0].schema.model_validate(auto_label(reqs[0].body))
    llm.remember(reqs[0].key, obj)
    report = batch.Report()
    assert [r.paper.id for r in batch.requests(papers, llm, report)] == [papers[1].id] and report.already == 1
