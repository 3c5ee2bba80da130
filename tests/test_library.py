"""The Python API: `agent.Library` over the recorded corpus, and the README's example run as written."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import agent
from agent.evaluate import eval_store
from agent.settings import REPO_DIR, Settings


@pytest.fixture(scope="module")
def home(replay_home: Path) -> Path:
    """The data home of the recorded bundled corpus (built once, shared with the eval tests)."""
    return eval_store(Settings(home=replay_home, cassette_mode="replay")).dir.parent


def test_public_api_is_what_all_says() -> None:
    assert len(set(agent.__all__)) == len(agent.__all__)
    ns: dict = {}  # type: ignore[type-arg]
    exec("from agent import *", ns)
    assert set(ns) - {"__builtins__"} == set(agent.__all__)
    assert {"Library", "extract_text", "Settings", "Answer"} <= set(agent.__all__)


def test_search_and_the_package_start_without_the_model_client() -> None:
    # `litagent search`, `results` and `show` call no model: importing the package and the Library must not pull in
    # openai/instructor (~1 s of a fresh command); the names of __all__ still resolve, each to its module's object
    code = ("import sys, agent; lib = agent.Library; import agent.retrieve; "
            "assert not {'openai', 'instructor'} & set(sys.modules), sorted(m for m in sys.modules if 'openai' in m); "
            "from agent.qa import ask; assert agent.ask is ask and 'openai' in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-600:]
    assert all(getattr(agent, name) is not None for name in agent.__all__)
    with pytest.raises(AttributeError):
        agent.no_such_name  # noqa: B018


def test_readme_example_runs_as_written(home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code = re.search(r"## Python\n.*?```python\n(.*?)```", (REPO_DIR / "README.md").read_text(), re.S).group(1)  # type: ignore[union-attr]
    monkeypatch.setenv("LITAGENT_HOME", str(home))
    monkeypatch.setenv("LITAGENT_CASSETTE_MODE", "replay")  # recordings only: a miss would be an error
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("160 papers, 0 failed\n")
    assert "[1]" in out and "does not answer" not in out
    assert re.search(r"^\d+ accuracy results; \d+ papers in the table$", out, re.M)


def test_library_answers_cite_verbatim_and_results_filter(home: Path) -> None:
    lib = agent.Library(settings=Settings(home=home, cassette_mode="replay"))
    ans = lib.ask("Is there work on neural decoders for quantum error-correcting surface codes?")
    assert ans.abstained and ans.closest  # an unanswerable question from evals/own, recorded
    pct = lib.results(unit="%", sort="value")
    assert pct and all(r["unit"] == "%" for r in pct) and [r["value"] for r in pct] == sorted(
        (r["value"] for r in pct), reverse=True)
    papers = {p.id: p for p, _ in lib.store.records()}
    assert all(papers[r["paper_id"]].abstract[r["start"]:r["end"]] == r["quote"] for r in pct)
    assert [h.paper.id for h in lib.search("model merging", k=3)] == \
        [h.paper.id for h in lib.search("model merging", k=5)][:3]
    with pytest.raises(agent.AgentError, match="exclude each other"):
        lib.review("title", topic="x", papers=["p-1"])
    lib.close()
