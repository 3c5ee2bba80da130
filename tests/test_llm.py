"""Retry, re-ask, memo and ledger logic against a SYNTHETIC stub server on 127.0.0.1 (no model quality here)."""

import time

import pytest
from pydantic import BaseModel, Field
from stub_server import StubServer

from agent.errors import LLMError
from agent.llm import LLM, InputTooLong
from agent.prompts import Prompt

PROMPT = Prompt("t", "Answer in JSON.", "Question: {q}")


class Answer(BaseModel):
    word: str = Field(max_length=20)


def _llm(settings, url: str) -> LLM:  # type: ignore[no-untyped-def]
    settings.openai_base_url = url
    return LLM(settings)


def test_429_and_500_are_retried_then_succeed(settings) -> None:  # type: ignore[no-untyped-def]
    with StubServer(["429", "500", {"word": "ok"}]) as srv:
        llm = _llm(settings, srv.url)
        out, usage = llm.structured(PROMPT, {"q": "a"}, Answer)
    assert out.word == "ok"
    assert len(srv.requests) == 3
    assert usage.retries == 2 and usage.calls == 1 and usage.prompt_tokens == 100
    assert llm.ledger.retries == 2


def test_retry_after_on_429_is_honoured(settings) -> None:  # type: ignore[no-untyped-def]
    # the backoff alone would wait ~0.01 s (retry_wait_s in the test settings); the server asks for 1 s
    with StubServer(["429:1", {"word": "ok"}]) as srv:
        out, usage = _llm(settings, srv.url).structured(PROMPT, {"q": "a"}, Answer)
    assert out.word == "ok" and usage.retries == 1
    assert srv.times[1] - srv.times[0] >= 0.9


def test_retry_after_is_read_in_seconds_or_as_a_date_and_capped() -> None:
    import email.utils

    import httpx
    import openai

    from agent.llm import MAX_RETRY_AFTER_S, retry_after

    def err(headers: dict[str, str]) -> openai.RateLimitError:
        r = httpx.Response(429, headers=headers, request=httpx.Request("POST", "http://127.0.0.1/v1"))
        return openai.RateLimitError("rate limited", response=r, body=None)

    assert retry_after(err({"retry-after": "7"})) == 7.0
    assert retry_after(err({"retry-after-ms": "250"})) == 0.25
    assert retry_after(err({"retry-after": "100000"})) == MAX_RETRY_AFTER_S
    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= (retry_after(err({"retry-after": soon})) or 0) <= 31
    assert retry_after(err({})) is None and retry_after(ValueError("x")) is None


def test_retries_are_bounded_and_end_in_a_clear_error(settings) -> None:  # type: ignore[no-untyped-def]
    settings.max_retries = 2
    with StubServer([], default="500") as srv:
        llm = _llm(settings, srv.url)
        with pytest.raises(LLMError, match="model call failed"):
            llm.structured(PROMPT, {"q": "a"}, Answer)
    assert len(srv.requests) == 3  # first try + 2 retries


def test_invalid_json_is_reasked_not_retried(settings) -> None:  # type: ignore[no-untyped-def]
    with StubServer(["garbage", {"word": "fine"}]) as srv:
        llm = _llm(settings, srv.url)
        out, usage = llm.structured(PROMPT, {"q": "a"}, Answer)
    assert out.word == "fine"
    assert usage.reasks == 1 and usage.retries == 0 and usage.calls == 2


def test_output_that_never_validates_fails_after_bounded_reasks(settings) -> None:  # type: ignore[no-untyped-def]
    settings.max_reasks = 2
    with StubServer([], default={"word": "x" * 50}) as srv:
        llm = _llm(settings, srv.url)
        with pytest.raises(LLMError, match="failed validation"):
            llm.structured(PROMPT, {"q": "a"}, Answer)
    assert 1 < len(srv.requests) <= 3


def test_a_hanging_server_times_out_and_is_retried(settings) -> None:  # type: ignore[no-untyped-def]
    settings.timeout_s = 1.0
    with StubServer(["hang", {"word": "late"}]) as srv:
        llm = _llm(settings, srv.url)
        started = time.monotonic()
        out, usage = llm.structured(PROMPT, {"q": "a"}, Answer)
    assert out.word == "late" and usage.retries == 1
    assert time.monotonic() - started < 4.5  # did not wait for the 5 s hang


def test_memo_hit_costs_no_request(settings) -> None:  # type: ignore[no-untyped-def]
    with StubServer([{"word": "one"}]) as srv:
        llm = _llm(settings, srv.url)
        llm.structured(PROMPT, {"q": "a"}, Answer)
        out, usage = llm.structured(PROMPT, {"q": "a"}, Answer)
        llm2 = _llm(settings, srv.url)  # a new process-level object shares the disk cache
        out2, _ = llm2.structured(PROMPT, {"q": "a"}, Answer)
    assert out.word == out2.word == "one"
    assert usage.cached_calls == 1 and usage.calls == 0
    assert len(srv.requests) == 1


def test_cache_key_covers_model_endpoint_prompt_schema_and_input(settings) -> None:  # type: ignore[no-untyped-def]
    llm = LLM(settings)
    msgs = PROMPT.messages(q="a")
    base = llm._key(PROMPT, msgs, Answer, 100)

    class Other(BaseModel):
        word: str

    assert llm._key(PROMPT, PROMPT.messages(q="b"), Answer, 100) != base
    assert llm._key(Prompt("t", "Answer in JSON!", "Question: {q}"), msgs, Answer, 100) != base
    assert llm._key(PROMPT, msgs, Other, 100) != base
    settings.model = "other-model"
    assert llm._key(PROMPT, msgs, Answer, 100) != base
    settings.model = None
    settings.openai_base_url = "http://127.0.0.1:1/v1"
    assert llm._key(PROMPT, msgs, Answer, 100) != base


def test_input_too_long_fails_before_any_request(settings) -> None:  # type: ignore[no-untyped-def]
    settings.context_tokens = 1000
    with StubServer([{"word": "never"}]) as srv:
        llm = _llm(settings, srv.url)
        with pytest.raises(InputTooLong, match="too long"):
            llm.structured(PROMPT, {"q": "word " * 2000}, Answer)
    assert srv.requests == []


def test_probe_falls_back_when_json_schema_is_not_enforced(settings) -> None:  # type: ignore[no-untyped-def]
    settings.structured_mode = "auto"
    settings.openai_api_key = "test-key-not-secret"
    with StubServer([{"color": "purple"}]) as srv:
        settings.openai_base_url = srv.url
        assert LLM(settings).mode().value == "tool_call"
    with StubServer([{"color": "teal-7"}]) as srv:
        settings.openai_base_url = srv.url
        assert LLM(settings).mode().value == "json_schema_mode"


def test_a_probe_that_got_no_answer_is_not_remembered(settings) -> None:  # type: ignore[no-untyped-def]
    settings.structured_mode = "auto"
    settings.openai_api_key = "test-key-not-secret"
    settings.max_retries = 0
    with StubServer([]) as srv:  # started only to take a free port, then closed: nothing listens there
        url = srv.url
    settings.openai_base_url = url
    assert LLM(settings).mode().value == "tool_call"  # this run falls back
    assert not any(str(k).startswith("probe:") for k in LLM(settings).cache.iterkeys())  # nothing remembered
