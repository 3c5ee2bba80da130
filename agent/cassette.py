"""Recorded HTTP interactions (vcrpy), shared by the CLI, the eval harness and the tests.

Matching includes the body, so a changed prompt or schema never silently replays an old answer. Keys and
identifying headers are scrubbed before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vcr
from vcr.errors import CannotOverwriteExistingCassetteException

from .errors import exception_chain

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "body")
REQUEST_HEADERS_SCRUBBED = ["authorization", "api-key", "openai-organization", "openai-project", "cookie",
                            "x-api-key", "x-stainless-arch", "x-stainless-os", "x-stainless-runtime-version",
                            "x-stainless-package-version", "user-agent"]
RESPONSE_HEADERS_SCRUBBED = {"set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray"}
KEY_PATTERN = re.compile(r"(sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._-]{16,})")


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in RESPONSE_HEADERS_SCRUBBED:
            del headers[name]
    return response


def _scrub_request(request: Any) -> Any:
    if request.body and KEY_PATTERN.search(request.body.decode("utf-8", "replace")
                                          if isinstance(request.body, bytes) else request.body):
        raise ValueError("refusing to record a request body that contains a key-like string")
    return request


VCR_CONFIG: dict[str, Any] = {
    "match_on": MATCH_ON,
    "filter_headers": REQUEST_HEADERS_SCRUBBED,
    "decode_compressed_response": True,
    "before_record_response": _scrub_response,
    "before_record_request": _scrub_request,
}

_VCR = vcr.VCR(**VCR_CONFIG)


def use(path: Path, record: bool) -> Any:
    """Replay from `path`; with `record`, also call out for what is missing and append it (vcr new_episodes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return _VCR.use_cassette(str(path), record_mode="new_episodes" if record else "none")


def is_miss(exc: BaseException) -> bool:
    """Whether `exc` (however deeply the HTTP clients wrapped it) is vcr refusing an unrecorded request."""
    return any(isinstance(e, CannotOverwriteExistingCassetteException) for e in exception_chain(exc))
