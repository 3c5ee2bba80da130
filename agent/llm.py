"""The one place that talks to models: openai client + instructor, retries, memo, ledger, cassettes.

Layers, each with one job:
- network retries (tenacity) for 429 / 5xx / timeouts / connection errors; the SDK's own retries are off;
- validation re-asks (instructor's `max_retries`), bounded and counted separately;
- a diskcache memo keyed on model + endpoint + prompt version + schema + input: a hit costs no request;
- cassettes: a recorded interaction is replayed instead of calling out (see `cassette.py`).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import diskcache
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from . import cassette
from .errors import CassetteMiss, LLMError, StateDamaged, exception_chain, first_line
from .locks import file_lock
from .prompts import Prompt
from .schemas import Usage
from .settings import Settings

log = logging.getLogger("litagent.llm")
T = TypeVar("T", bound=BaseModel)
# USD per million (prompt, completion) tokens, for the cost line of the ledger; unknown models count 0.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60), "gpt-4o": (2.50, 10.00), "gpt-4.1-mini": (0.40, 1.60), "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-nano": (0.10, 0.40),
}
CHARS_PER_TOKEN = 3.0  # conservative for English + LaTeX leftovers with Qwen/GPT tokenizers


class InputTooLong(LLMError):
    pass


def _retryable(exc: BaseException) -> bool:
    """Transient transport failures, however instructor wrapped them; never a cassette miss or a 4xx."""
    chain = exception_chain(exc)
    if cassette.is_miss(exc):
        return False
    for e in chain:
        if isinstance(e, (openai.RateLimitError, openai.APITimeoutError, openai.InternalServerError,
                          openai.APIConnectionError)):
            return True
        if isinstance(e, openai.APIStatusError):
            return e.status_code >= 500
    return False


MAX_RETRY_AFTER_S = 120.0  # a server asking for a longer pause is better reported than waited on silently


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds a 429/503 response asks us to wait (`retry-after-ms`, `retry-after` in seconds or as an HTTP
    date), capped at MAX_RETRY_AFTER_S; None when the response says nothing."""
    for e in exception_chain(exc) if exc else []:
        headers = getattr(getattr(e, "response", None), "headers", None)
        if not headers:
            continue
        try:
            if headers.get("retry-after-ms"):
                return min(float(headers["retry-after-ms"]) / 1000, MAX_RETRY_AFTER_S)
            value = headers.get("retry-after")
            if value:
                try:
                    secs = float(value)
                except ValueError:
                    when = email.utils.parsedate_to_datetime(value)
                    secs = when.timestamp() - time.time()
                return min(max(secs, 0.0), MAX_RETRY_AFTER_S)
        except (TypeError, ValueError):
            return None
    return None


def schema_hash(model: type[BaseModel]) -> str:
    return hashlib.sha1(json.dumps(model.model_json_schema(), sort_keys=True).encode()).hexdigest()[:12]


class LLM:
    """Structured calls with memo, retries and a usage ledger. The backend starts only when a call needs it."""

    def __init__(self, settings: Settings, ensure_backend: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.ensure_backend = ensure_backend or (lambda: None)
        self.ledger = Usage()
        self._ledger_lock = threading.Lock()
        self._client: instructor.Instructor | None = None
        self._mode: instructor.Mode | None = None
        settings.cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.cache = diskcache.Cache(str(settings.cache_dir))
        except Exception as e:  # sqlite3.DatabaseError and friends: a damaged memo, not a model problem
            raise StateDamaged(f"memo {settings.cache_dir} is damaged ({first_line(e)}); run `litagent doctor "
                               "--repair` (the memo only saves repeated calls)") from e

    # -- public -------------------------------------------------------------------------------------------
    def structured(self, prompt: Prompt, values: dict[str, str], response_model: type[T], *,
                   cassette_path: Path | None = None, max_tokens: int | None = None) -> tuple[T, Usage]:
        messages = prompt.messages(**values)
        max_tokens = max_tokens or self.settings.max_tokens
        est = sum(len(m["content"]) for m in messages) / CHARS_PER_TOKEN
        if est + max_tokens > self.settings.context_tokens:
            raise InputTooLong(f"input too long for the model's context (~{int(est)} prompt tokens + {max_tokens} "
                               f"output > {self.settings.context_tokens}); raise LITAGENT_CONTEXT_TOKENS")
        key = self._key(prompt, messages, response_model, max_tokens)
        # beside the memo, not in it: diskcache's own consistency check counts foreign files as damage
        with file_lock(self.settings.home / "locks" / (key[-16:] + ".lock")):
            obj = self._memo(key, response_model)
            if obj is not None:
                usage = Usage(cached_calls=1)
            else:
                obj, usage = self._call_with_cassette(messages, response_model, cassette_path, max_tokens)
                self.cache.set(key, obj.model_dump_json(by_alias=True))
        with self._ledger_lock:  # ingest may call from several threads
            self.ledger.add(usage)
        return obj, usage

    def request(self, prompt: Prompt, values: dict[str, str], response_model: type[BaseModel],
                max_tokens: int | None = None) -> tuple[str, dict[str, Any]]:
        """The memo key of a structured call and the body an OpenAI-compatible endpoint would be sent for it in
        json_schema mode (instructor's own form of it), for a call made another way (a provider's Batch API): its
        answer, validated, goes into the memo under that key (`remember`) and the ordinary call then finds it."""
        messages = prompt.messages(**values)
        max_tokens = max_tokens or self.settings.max_tokens
        body = {"model": self.settings.model_name, "messages": messages, "max_tokens": max_tokens,
                "temperature": self.settings.temperature,
                "response_format": {"type": "json_schema", "json_schema": {
                    "name": response_model.__name__, "schema": response_model.model_json_schema()}}}
        return self._key(prompt, messages, response_model, max_tokens), body

    def recall(self, key: str, response_model: type[T]) -> T | None:
        """The memo's answer for `key` (from `request`), or None."""
        return self._memo(key, response_model)

    def remember(self, key: str, obj: BaseModel) -> None:
        """Store an answer obtained outside `structured` (validated against its response model by the caller)."""
        self.cache.set(key, obj.model_dump_json(by_alias=True))

    def _memo(self, key: str, response_model: type[T]) -> T | None:
        hit = self.cache.get(key)
        if hit is None:
            return None
        try:
            return response_model.model_validate_json(hit)
        except ValidationError:  # written by an older version: recompute
            return None

    def close(self) -> None:
        self.cache.close()

    # -- internals ----------------------------------------------------------------------------------------
    def _key(self, prompt: Prompt, messages: list[dict[str, str]], response_model: type[BaseModel],
             max_tokens: int) -> str:
        s = self.settings
        raw = json.dumps([s.model_name, s.base_url, prompt.name, prompt.version, schema_hash(response_model),
                          messages, max_tokens, s.temperature], sort_keys=True)
        return "llm:" + hashlib.sha256(raw.encode()).hexdigest()

    def _call_with_cassette(self, messages: list[dict[str, str]], response_model: type[T], path: Path | None,
                            max_tokens: int) -> tuple[T, Usage]:
        mode = self.settings.cassette_mode

        def call() -> tuple[T, Usage]:
            return self._call(messages, response_model, max_tokens)

        if path is not None and mode != "off" and (mode == "replay" or path.exists()):
            try:
                with cassette.use(path, record=False):
                    return call()
            except LLMError as e:
                if not cassette.is_miss(e):
                    raise
                if mode == "replay":
                    raise CassetteMiss(f"no recording in {path} matches this request "
                                       f"(prompt, schema or input changed?); re-record with --record") from e
                log.info("recording %s does not match; calling the model", path)
        self.ensure_backend()
        if path is not None and mode == "record":
            if cassette.KEY_PATTERN.search(json.dumps(messages)):
                # vcr would refuse deep inside the HTTP client, surfacing as a "connection error"; say why here
                raise LLMError(f"refusing to record {path.name}: the request text contains a key-like string "
                               "(sk-..., Bearer ...); recordings must never hold one")
            with cassette.use(path, record=True):
                return call()
        return call()

    def _call(self, messages: list[dict[str, str]], response_model: type[T], max_tokens: int) -> tuple[T, Usage]:
        usage = Usage()
        started = time.monotonic()

        def on_response(response: Any) -> None:
            usage.calls += 1
            u = getattr(response, "usage", None)
            if u is not None:
                usage.prompt_tokens += u.prompt_tokens or 0
                usage.completion_tokens += u.completion_tokens or 0
                p_in, p_out = PRICES.get(self.settings.model_name, (0.0, 0.0))
                usage.cost_usd += ((u.prompt_tokens or 0) * p_in + (u.completion_tokens or 0) * p_out) / 1e6
            timings = (getattr(response, "model_extra", None) or {}).get("timings") or {}
            if isinstance(timings, dict):  # llama-server says where the time went: prompt vs generation
                usage.prompt_ms += float(timings.get("prompt_ms") or 0)
                usage.generation_ms += float(timings.get("predicted_ms") or 0)

        def before_sleep(state: Any) -> None:
            usage.retries += 1
            log.warning("model call failed (%s); retry %d", state.outcome.exception(), state.attempt_number)

        def on_parse_error(error: Any) -> None:
            usage.reasks += 1

        client = self.client()
        client.on("completion:response", on_response)
        client.on("parse:error", on_parse_error)
        try:
            retrying = Retrying(
                retry=retry_if_exception(_retryable),
                stop=stop_after_attempt(self.settings.max_retries + 1),
                wait=self._wait,
                before_sleep=before_sleep,
                reraise=True,
            )
            for attempt in retrying:
                with attempt:
                    obj, _ = client.create_with_completion(
                        messages=cast(Any, messages), response_model=response_model,
                        max_retries=self.settings.max_reasks,
                        model=self.settings.model_name, temperature=self.settings.temperature,
                        max_tokens=max_tokens,
                    )
        except Exception as e:  # instructor wraps transport and parse errors in its own types
            raise _as_llm_error(e, self.settings) from e
        finally:
            client.off("completion:response", on_response)
            client.off("parse:error", on_parse_error)
            usage.seconds = time.monotonic() - started
        return obj, usage

    def _wait(self, state: Any) -> float:
        """What the server asked for (Retry-After on a 429), else exponential backoff."""
        asked = retry_after(state.outcome.exception() if state.outcome else None)
        if asked is not None:
            return asked
        return float(wait_exponential(multiplier=self.settings.retry_wait_s, max=60)(state))

    def client(self) -> instructor.Instructor:
        if self._client is None:
            # network retries are ours (tenacity, Retry-After), so the SDK's own are off
            self._client = instructor.from_openai(self._openai(self.settings.timeout_s, 0), mode=self.mode())
        return self._client

    def _openai(self, timeout: float, retries: int) -> openai.OpenAI:
        s = self.settings
        return openai.OpenAI(api_key=s.openai_api_key or "no-key-needed", base_url=s.base_url, timeout=timeout,
                             max_retries=retries)

    def mode(self) -> instructor.Mode:
        """json_schema where the endpoint enforces it (llama-server and OpenAI do); otherwise probe, then fall back."""
        if self._mode is None:
            choice: str = self.settings.structured_mode
            if choice == "auto":
                choice = "json_schema" if self.settings.embedded else self._probe()
            self._mode = {"json_schema": instructor.Mode.JSON_SCHEMA, "tools": instructor.Mode.TOOLS,
                          "json": instructor.Mode.JSON}[choice]
        return self._mode

    def _probe(self) -> str:
        """Ask for an impossible-by-chance value under a json_schema; only an enforcing server returns it."""
        s = self.settings
        key = f"probe:{s.base_url}:{s.model_name}"
        cached = self.cache.get(key)
        if cached:
            return str(cached)
        raw = self._openai(min(s.timeout_s, 120), 2)
        schema = {"type": "object", "properties": {"color": {"type": "string", "enum": ["teal-7"]}},
                  "required": ["color"], "additionalProperties": False}
        try:
            r = raw.chat.completions.create(
                model=s.model_name, max_tokens=20, temperature=0,
                messages=[{"role": "user", "content": "Answer with the single word purple."}],
                response_format={"type": "json_schema",
                                 "json_schema": {"name": "probe", "schema": schema, "strict": True}},
            )
            ok = json.loads(r.choices[0].message.content or "{}").get("color") == "teal-7"
        except (openai.APIConnectionError, openai.APITimeoutError, openai.InternalServerError,
                openai.RateLimitError) as e:
            # the endpoint did not answer: no verdict on what it enforces, so nothing is remembered
            log.info("json_schema probe got no answer (%s); using tools mode for this run only", e)
            return "tools"
        except (openai.APIError, ValueError) as e:
            log.info("json_schema probe failed: %s", e)
            ok = False
        result = "json_schema" if ok else "tools"
        self.cache.set(key, result)
        log.info("endpoint %s: structured output mode %s", s.base_url, result)
        return result


def _as_llm_error(e: Exception, s: Settings) -> LLMError:
    chain = exception_chain(e)
    if cassette.is_miss(e):
        return LLMError("no recording for this request")
    api = next((x for x in chain if isinstance(x, openai.APIError)), None)
    if api is not None:
        return LLMError(f"model call failed after {s.max_retries} retries: {_short(api)}")
    if any(isinstance(x, IncompleteOutputException) for x in chain):
        return LLMError(f"model output was cut off at max_tokens ({s.max_tokens})")
    if isinstance(e, InstructorRetryException):
        return LLMError(f"model output failed validation after {s.max_reasks} re-asks: {_short(e)}")
    return LLMError(f"model call failed: {type(e).__name__}: {_short(e)}")


def _short(e: BaseException) -> str:
    return str(e).strip().splitlines()[0][:300] if str(e).strip() else type(e).__name__
