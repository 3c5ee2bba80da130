"""The `litagent` command line, on replayed real recordings (no model, no network)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agent import corpus
from agent.cli import app
from agent.library import RESULT_FIELDS

RECORDED = ["p-4cc280a809", "p-a37b32e76d", "p-2d174b4937"]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LITAGENT_CASSETTE_MODE", "replay")
    papers = {p.id: p for p in corpus.load()}
    f = tmp_path / "some.jsonl"
    f.write_text("".join(json.dumps({"title": papers[i].title, "abstract": papers[i].abstract}) + "\n"
                         for i in RECORDED))
    return f


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_ingest_results_export_show(env: Path) -> None:
    r = run("ingest", str(env), "--json")
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["extracted"] == 3 and summary["failed"] == [] and summary["numeric_results"] > 0

    again = json.loads(run("ingest", str(env), "--json").stdout)
    assert again["already_done"] == 3 and again["usage"]["calls"] == 0 and again["usage"]["cached_calls"] == 0

    rows = json.loads(run("results", "--json").stdout)
    assert len(rows) == summary["numeric_results"]
    papers = {p.id: p for p in corpus.load()}
    for row in rows:
        assert set(RESULT_FIELDS) <= set(row)
        abstract = papers[row["paper_id"]].abstract
        assert abstract[row["start"]:row["end"]] == row["quote"]
        assert row["value_text"] in row["quote"]

    pct = json.loads(run("results", "--json", "--unit", "%", "--sort", "value").stdout)
    assert pct and all(r["unit"] == "%" for r in pct)
    assert [r["value"] for r in pct] == sorted((r["value"] for r in pct), reverse=True)
    one = json.loads(run("results", "--json", "--paper", "p-4cc280a809").stdout)
    assert one and {r["paper_id"] for r in one} == {"p-4cc280a809"}

    csv_out = run("results", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("paper_id,title,value") and len(csv_out) == len(rows) + 1

    lines = run("export").stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["extracted"] for line in lines)

    shown = run("show", "Coarse-to-Fine", "Video-Text")
    assert shown.exit_code == 0 and "p-4cc280a809" in shown.stdout and "«2.4%»" in shown.stdout


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "T", "abstract": "A"}\n{broken\n')
    r = run("ingest", str(bad))
    assert r.exit_code == 1
    assert r.stderr.strip() == f"Error: {bad}:2: invalid JSON: Expecting property name enclosed in double quotes"


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    assert run("ingest", "--record", "--replay").exit_code == 2
    assert run("results", "--sort", "nonsense").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_show_unknown_id_is_a_clear_error(env: Path) -> None:
    r = run("show", "p-0000000000")
    assert r.exit_code == 1 and r.stderr.strip() == "Error: no paper with id p-0000000000"


def test_ingest_an_ris_export_from_the_recordings_then_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITAGENT_HOME", str(tmp_path / "home"))
    ris = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "refs.ris"
    r = run("ingest", str(ris), "--replay", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["extracted"] == 3
    hits = json.loads(run("search", "video-text retrieval alignment", "--json", "-k", "1").stdout)
    assert hits[0]["paper_id"] == "p-4cc280a809"
