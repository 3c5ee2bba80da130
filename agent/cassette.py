"""Recorded HTTP interactions (vcrpy), shared by the CLI, the eval harness and the tests.

Matching includes the body, so a changed prompt or schema never silently replays an old answer. Keys and
identifying headers are scrubbed before anything is written. Every recorded response carries the sha256 of its body
(header DIGEST_HEADER); a recording that does not parse, or whose body no longer matches its digest, is refused
with a message naming the file, before vcr reads it.
"""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path
from typing import Any

import vcr
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.persisters.filesystem import FilesystemPersister

from .errors import LLMError, exception_chain, first_line

MATCH_ON = ("method", "scheme", "host", "port", "path", "query", "body")
REQUEST_HEADERS_SCRUBBED = ["authorization", "api-key", "openai-organization", "openai-project", "cookie",
                            "x-api-key", "x-stainless-arch", "x-stainless-os", "x-stainless-runtime-version",
                            "x-stainless-package-version", "user-agent"]
RESPONSE_HEADERS_SCRUBBED = {"set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray"}
KEY_PATTERN = re.compile(r"(sk-[A-Za-z0-9_-]{16,}|Bearer\s+[A-Za-z0-9._-]{16,})")


DIGEST_HEADER = "x-litagent-sha256"


class DamagedRecording(LLMError):
    """A cassette that does not parse, or whose response was changed after it was recorded."""


def body_digest(body: Any) -> str:
    text = body.get("string", "") if isinstance(body, dict) else body
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else bytes(text or b"")).hexdigest()


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.setdefault("headers", {})
    for name in list(headers):
        if name.lower() in RESPONSE_HEADERS_SCRUBBED:
            del headers[name]
    headers[DIGEST_HEADER] = [body_digest(response.get("body"))]
    return response


_checked: dict[str, tuple[int, int]] = {}


def verify(path: Path) -> int:
    """Parse a recording and check every response against its digest; the number of interactions. Checked once
    per file version (mtime and size) in a process."""
    st = path.stat()
    if _checked.get(str(path)) == (st.st_mtime_ns, st.st_size):
        return -1
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        interactions = data["interactions"]
        for i, it in enumerate(interactions):
            headers = it["response"].get("headers") or {}
            digest = (headers.get(DIGEST_HEADER) or [None])[0]
            if digest is None:
                raise DamagedRecording(f"{path}: response {i + 1} has no digest; re-record it with --record")
            if digest != body_digest(it["response"]["body"]):
                raise DamagedRecording(f"{path}: response {i + 1} does not match its digest (changed after it was "
                                       "recorded); re-record it with --record")
    except DamagedRecording:
        raise
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, IndexError) as e:
        raise DamagedRecording(f"{path}: damaged recording ({first_line(e)}); delete it or re-record with "
                               "--record") from e
    _checked[str(path)] = (st.st_mtime_ns, st.st_size)
    return len(interactions)


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

class _ParsedOnce(FilesystemPersister):
    """vcr's file persister, parsing each file version once per process: a question's recording is opened once per
    model call (5-9 calls), and YAML parsing was ~1.6 of the 10 s a fresh `litagent eval` takes. Each use gets its
    own copy, since vcr keeps what it loads."""

    _parsed: dict[str, tuple[tuple[int, int], Any]] = {}

    @classmethod
    def load_cassette(cls, cassette_path: Any, serializer: Any) -> Any:
        path = Path(cassette_path)
        try:
            st = path.stat()
        except FileNotFoundError:
            return super().load_cassette(cassette_path, serializer)  # vcr's own "not found"
        version = (st.st_mtime_ns, st.st_size)
        hit = cls._parsed.get(str(path))
        if hit is None or hit[0] != version:
            hit = (version, super().load_cassette(cassette_path, serializer))
            cls._parsed[str(path)] = hit
        return copy.deepcopy(hit[1])


_VCR = vcr.VCR(**VCR_CONFIG)
_VCR.register_persister(_ParsedOnce)


def use(path: Path, record: bool) -> Any:
    """Replay from `path`; with `record`, also call out for what is missing and append it (vcr new_episodes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        verify(path)
    return _VCR.use_cassette(str(path), record_mode="new_episodes" if record else "none")


def is_miss(exc: BaseException) -> bool:
    """Whether `exc` (however deeply the HTTP clients wrapped it) is vcr refusing an unrecorded request."""
    return any(isinstance(e, CannotOverwriteExistingCassetteException) for e in exception_chain(exc))
