"""Replay real recordings (embedded Qwen2.5-Coder-1.5B on llama-server) through the real code path."""

import re
from pathlib import Path

import pytest
from stub_server import StubServer

from agent import corpus
from agent.cassette import KEY_PATTERN, use
from agent.errors import CassetteMiss
from agent.extract import extract
from agent.llm import LLM
from agent.prompts import Prompt
from agent.schemas import Paper
from agent.settings import REPO_DIR

CASSETTES = REPO_DIR / "cassettes"
RECORDED = ["p-4cc280a809", "p-a37b32e76d", "p-2d174b4937", "p-0acf895ec2"]


@pytest.fixture
def replay(settings):  # type: ignore[no-untyped-def]
    settings.cassette_mode = "replay"
    settings.cassette_dir = CASSETTES
    return settings


@pytest.mark.parametrize("pid", RECORDED)
def test_replayed_extraction_is_grounded(replay, pid: str) -> None:  # type: ignore[no-untyped-def]
    paper = {p.id: p for p in corpus.load()}[pid]
    llm = LLM(replay)
    ex = extract(paper, llm, CASSETTES / "extract")
    assert ex.usage.calls >= 1 and ex.usage.completion_tokens > 0  # it really went through the HTTP path
    assert ex.results and ex.claims and ex.dropped == 0  # nothing assembled from the recording failed its check
    # the recorded labels map onto the text: most results keep a metric span (an unmappable label is left empty)
    assert sum(bool(r.metric) for r in ex.results) * 2 >= len(ex.results)
    again = extract(paper, LLM(replay), CASSETTES / "extract")  # memo hit: same answer, no request
    assert again.results == ex.results and again.usage.cached_calls == 1


def test_replay_finds_the_reported_numbers(replay) -> None:  # type: ignore[no-untyped-def]
    paper = {p.id: p for p in corpus.load()}["p-4cc280a809"]
    ex = extract(paper, LLM(replay), CASSETTES / "extract")
    assert {(r.value, r.unit) for r in ex.results} >= {(2.4, "%"), (1.4, "%"), (1.3, "%")}


def test_changed_input_is_a_named_miss_in_replay_mode(replay) -> None:  # type: ignore[no-untyped-def]
    real = {p.id: p for p in corpus.load()}["p-4cc280a809"]
    changed = Paper(id=real.id, title=real.title, abstract=real.abstract + " Extra.", sources=[])
    with pytest.raises(CassetteMiss, match=r"p-4cc280a809\.yaml"):
        extract(changed, LLM(replay), CASSETTES / "extract")


def test_no_cassette_holds_a_secret() -> None:
    files = list(CASSETTES.rglob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text()
        assert not KEY_PATTERN.search(text), f
        assert not re.search(r"(?im)^\s*(authorization|openai-organization|openai-project|cookie|set-cookie):", text), f


def test_recording_scrubs_keys_and_identifying_headers(settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pydantic import BaseModel

    class Word(BaseModel):
        word: str

    secret = "sk-" + "A" * 40
    settings.openai_api_key = secret
    settings.cassette_mode = "record"
    path = tmp_path / "c.yaml"
    with StubServer([{"word": "hi"}]) as srv:
        settings.openai_base_url = srv.url
        LLM(settings).structured(Prompt("p", "sys", "say {x}"), {"x": "hi"}, Word, cassette_path=path)
        assert srv.headers[0]["authorization"] == f"Bearer {secret}"  # the key was really sent...
    text = path.read_text()
    assert secret not in text and "authorization" not in text.lower()  # ...and never written
    assert "x-stainless-os" not in text.lower()


def test_cassette_config_refuses_to_record_a_key_in_a_body(tmp_path: Path) -> None:
    import httpx2 as httpx

    with StubServer([{"word": "x"}]) as srv:
        with pytest.raises(ValueError, match="key-like"):
            with use(tmp_path / "k.yaml", record=True):
                httpx.post(srv.url + "/chat/completions", content=b'{"k": "sk-' + b"B" * 30 + b'"}')
