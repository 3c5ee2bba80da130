"""Review tables: replayed real recordings (3 tables, embedded model) and the code that builds and renders them."""

import csv
import io
import json
from pathlib import Path

import pytest

from agent.errors import UsageError
from agent.evaluate import eval_store
from agent.llm import LLM
from agent.review import build, parse_columns, select_papers, to_csv, to_html, to_json, to_markdown
from agent.settings import REPO_DIR, Settings

TABLES = [
    ("merging fine-tuned models", None, "method,datasets,best result", None),
    ("benchmarks for evaluating code generation of LLMs", None, None, REPO_DIR / "evals/review/code_benchmarks.yaml"),
    (None, "p-0acf895ec2,p-5ae47bb5a6,p-a2c62b02c7", "title,results,key idea,open source", None),
]


@pytest.fixture(scope="module")
def env(replay_home: Path):  # type: ignore[no-untyped-def]
    settings = Settings(home=replay_home, cassette_mode="replay")
    return settings, eval_store(settings)


def _table(env, spec, home: Path):  # type: ignore[no-untyped-def]
    settings, store = env
    topic, ids, cols, cols_file = spec
    s = settings.model_copy()
    s.home = home
    llm = LLM(s)
    papers = select_papers(store, topic, sorted(ids.split(",")) if ids else None)
    table = build(store, llm, papers, parse_columns(cols, cols_file), cassette_dir=REPO_DIR / "cassettes/review")
    return table, llm, {p.id: p.abstract for p in papers}


@pytest.mark.parametrize("spec", TABLES, ids=["merging", "code-benchmarks", "explicit-papers"])
def test_recorded_table_replays_with_every_quote_verbatim(env, spec, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table, llm, abstracts = _table(env, spec, tmp_path)
    assert table.rows and table.usage.calls == len(table.rows)  # one call per paper, from the recordings
    filled = 0
    for row in table.rows:
        for cell in row.cells.values():
            if cell is not None and cell.start >= 0:
                filled += 1
                assert abstracts[row.paper_id][cell.start:cell.end] == cell.quote
    assert filled > 0
    again, _, _ = _table(env, spec, tmp_path)  # same table twice: the memo answers, no model call
    assert again.usage.calls == 0 and again.usage.cached_calls == len(table.rows)
    assert to_json(again) == to_json(table)


def test_builtin_columns_need_no_model(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spec = (None, "p-5ae47bb5a6", "title,claims,results:speed", None)
    table, _, abstracts = _table(env, spec, tmp_path)
    assert table.usage.calls == 0 and table.usage.cached_calls == 0
    cells = table.rows[0].cells
    assert cells["title"].value.startswith("K-Sort Arena")  # type: ignore[union-attr]
    assert "16.3x" in cells["results:speed"].value  # type: ignore[union-attr]


def test_renderers(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    table, _, abstracts = _table(env, TABLES[0], tmp_path)
    data = json.loads(to_json(table))
    assert data["columns"] == ["method", "datasets", "best result"]
    assert set(data["rows"][0]) == {"paper_id", "title", "cells"}
    assert set(next(c for c in data["rows"][0]["cells"].values() if c)) == {"value", "quote", "start", "end",
                                                                            "value_start", "value_end"}
    md = to_markdown(table).splitlines()
    assert md[0] == "| paper | method | datasets | best result |" and len(md) == len(table.rows) + 2
    rows = list(csv.reader(io.StringIO(to_csv(table))))
    assert rows[0][:6] == ["paper_id", "title", "method", "method quote", "method start", "method end"]
    page = to_html(table, abstracts)
    assert page.count('class="q"') == sum(1 for r in table.rows for c in r.cells.values() if c)
    assert "</script>" in page and page.count("<script>") == 1


def test_column_specs(tmp_path: Path) -> None:
    f = tmp_path / "cols.yaml"
    f.write_text("- name: n\n  type: number\n- plain\n")
    cols = parse_columns("extra", f)
    assert [(c.name, c.type) for c in cols] == [("n", "number"), ("plain", "text"), ("extra", "text")]
    with pytest.raises(UsageError, match="unique"):
        parse_columns("a,a", None)
    with pytest.raises(UsageError, match="give columns"):
        parse_columns(None, None)
    f.write_text("- name: n\n  type: colour\n")
    with pytest.raises(UsageError, match="bad column"):
        parse_columns(None, f)
