"""Extraction through a provider's Batch API: write every request at once, submit, poll, collect, resume.

OpenAI's Batch API (and any server that speaks it) answers a file of requests within a day at half the price; vLLM's
`run_batch` answers the same file offline. Each request is the exact call `extract` would make (`LLM.request`); each
answer is validated against that call's schema and put into the memo under that call's key, so the ordinary
`ingest` that follows finds every answer there and makes no model call. Nothing here stores a paper: a paper whose
answer failed is reported and submitted again by the next run.

A submitted batch is remembered in `$LITAGENT_HOME/batches/` (its id and which request is which paper), so a run
that is stopped while waiting resumes polling the same batch instead of paying for a second one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import openai
from pydantic import BaseModel, ValidationError

from .errors import AgentError, LLMError, first_line
from .extract import LabelledAbstract, request
from .llm import LLM
from .schemas import Paper
from .settings import Settings

log = logging.getLogger("litagent.batch")
ENDPOINT: Literal["/v1/chat/completions"] = "/v1/chat/completions"
WINDOW: Literal["24h"] = "24h"  # the one completion window OpenAI's Batch API accepts
DONE = {"completed"}
ENDED = {"failed", "expired", "cancelled"}  # terminal without (all) answers: collect what there is, then forget it


@dataclass
class Request:
    custom_id: str
    paper: Paper
    key: str
    schema: type[LabelledAbstract]
    body: dict[str, Any]

    def line(self) -> str:
        return json.dumps({"custom_id": self.custom_id, "method": "POST", "url": ENDPOINT, "body": self.body})


@dataclass
class Report:
    todo: int = 0  # papers not yet extracted
    written: int = 0  # requests written to a file
    requests: int = 0
    answered: int = 0
    already: int = 0  # answers the memo held before this run
    batch_id: str = ""
    status: str = ""
    failed: list[tuple[str, str]] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0


def requests(papers: Iterable[Paper], llm: LLM, report: Report | None = None) -> list[Request]:
    """The extraction call of each paper whose answer the memo does not hold yet."""
    out = []
    for paper in papers:
        prompt, values, schema = request(paper)
        key, body = llm.request(prompt, values, schema)
        if llm.recall(key, schema) is not None:
            if report:
                report.already += 1
            continue
        out.append(Request(f"{paper.id}-{key[-12:]}", paper, key, schema, body))
    return out


def write_requests(reqs: list[Request], path: Path) -> None:
    """The batch input file (OpenAI's format, which vLLM's run_batch reads too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(r.line() + "\n" for r in reqs), encoding="utf-8")


def collect(lines: Iterable[str], reqs: list[Request], llm: LLM, report: Report) -> None:
    """Answers from a batch output (or error) file into the memo: a line per request, in any order. A line that
    failed, or whose answer does not validate, fails its paper alone."""
    by_id = {r.custom_id: r for r in reqs}
    seen: set[str] = set()
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
            req = by_id.get(line.get("custom_id", ""))
        except (json.JSONDecodeError, AttributeError):
            log.warning("batch output line %d is not JSON; skipped", n)
            continue
        if req is None or req.custom_id in seen:
            continue  # another run's request, or a repeat
        seen.add(req.custom_id)
        response = line.get("response") or {}
        body = response.get("body") or {}
        if line.get("error") or response.get("status_code") != 200:
            err = line.get("error") or body.get("error") or {}
            msg = err.get("message") if isinstance(err, dict) else str(err)
            report.failed.append((req.paper.id, f"batch request failed: {msg or response.get('status_code')}"))
            continue
        usage = body.get("usage") or {}
        report.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        report.completion_tokens += int(usage.get("completion_tokens") or 0)
        try:
            choice = body["choices"][0]
            if choice.get("finish_reason") == "length":
                raise ValueError(f"output cut off at max_tokens ({req.body['max_tokens']})")
            obj: BaseModel = req.schema.model_validate_json(choice["message"]["content"] or "")
        except (KeyError, IndexError, TypeError, ValueError, ValidationError) as e:
            report.failed.append((req.paper.id, f"batch answer did not validate: {first_line(e)}"))
            continue
        llm.remember(req.key, obj)
        report.answered += 1
    for req in reqs:
        if req.custom_id not in seen:
            report.failed.append((req.paper.id, "batch returned no answer for this request"))


class BatchRun:
    """Submit (or resume) one batch for a set of requests against the configured endpoint, wait, collect."""

    def __init__(self, settings: Settings, llm: LLM, client: openai.OpenAI | None = None) -> None:
        self.settings, self.llm = settings, llm
        self.client = client or openai.OpenAI(api_key=settings.openai_api_key or "no-key-needed",
                                              base_url=settings.base_url, timeout=settings.timeout_s, max_retries=3)
        self.dir = settings.home / "batches"

    def _state_path(self, reqs: list[Request]) -> Path:
        # the same requests (same papers, prompt, schema, model) resume the same batch
        digest = hashlib.sha1("\n".join(sorted(r.custom_id for r in reqs)).encode()).hexdigest()[:16]
        return self.dir / f"{digest}.json"

    def run(self, reqs: list[Request], report: Report, wait: bool = True,
            progress: Callable[[str, dict[str, Any]], None] | None = None) -> Report:
        report.requests = len(reqs)
        if not reqs:
            return report
        state_path = self._state_path(reqs)
        try:
            if state_path.exists():
                state = json.loads(state_path.read_text(encoding="utf-8"))
                log.info("resuming batch %s", state["batch_id"])
            else:
                state = self._submit(reqs, state_path)
            report.batch_id = state["batch_id"]
            while True:
                batch = self.client.batches.retrieve(state["batch_id"])
                report.status = batch.status
                counts = batch.request_counts.model_dump() if batch.request_counts else {}
                if progress:
                    progress(batch.status, counts)
                if batch.status in DONE | ENDED or not wait:
                    break
                time.sleep(self.settings.batch_poll_s)
            if batch.status not in DONE | ENDED:
                return report  # submitted and still running: a later run resumes it
            lines = [line for file_id in (batch.output_file_id, batch.error_file_id) if file_id
                     for line in self.client.files.content(file_id).text.splitlines()]
            collect(lines, reqs, self.llm, report)
            state_path.unlink(missing_ok=True)  # answered (or ended): the next run submits what is still missing
        except openai.APIError as e:
            raise LLMError(f"batch API at {self.settings.base_url}: {first_line(e)}") from e
        except openai.OpenAIError as e:  # connection errors and friends
            raise LLMError(f"batch API at {self.settings.base_url} did not answer: {first_line(e)}") from e
        if batch.status in ENDED:
            log.error("batch %s ended %s", batch.id, batch.status)
        return report

    def _submit(self, reqs: list[Request], state_path: Path) -> dict[str, Any]:
        data = "".join(r.line() + "\n" for r in reqs).encode()
        upload = self.client.files.create(file=("litagent-batch.jsonl", data), purpose="batch")
        batch = self.client.batches.create(input_file_id=upload.id, endpoint=ENDPOINT,
                                           completion_window=WINDOW,
                                           metadata={"tool": "litagent"})
        state = {"batch_id": batch.id, "input_file_id": upload.id, "submitted": time.time(),
                 "papers": {r.custom_id: r.paper.id for r in reqs}}
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state), encoding="utf-8")
        tmp.replace(state_path)  # whole or absent: a crash here never leaves a half state
        log.info("submitted batch %s (%d requests)", batch.id, len(reqs))
        return state


def waiting(report: Report) -> bool:
    """Submitted and not ended: a later run collects it."""
    return bool(report.status) and report.status not in DONE | ENDED


def check_batch_settings(settings: Settings) -> None:
    if settings.embedded:
        raise AgentError("--batch needs a served model with a Batch API (set OPENAI_BASE_URL and OPENAI_API_KEY); "
                         "the embedded model answers one call at a time")
