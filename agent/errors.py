"""One exception base; the CLI turns any AgentError into `Error: <message>` and its exit code."""

from __future__ import annotations


def exception_chain(exc: BaseException) -> list[BaseException]:
    """`exc` and every exception it was raised from, outermost first (clients wrap each other's errors)."""
    out: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in out:
        out.append(e)
        e = e.__cause__ or e.__context__
    return out


class AgentError(Exception):
    exit_code = 1


class UsageError(AgentError):
    exit_code = 2


class CorpusError(AgentError):
    """A corpus file that cannot be read; the message names the file and line."""


class LLMError(AgentError):
    """The model call failed after every retry, or its output never validated."""


class CassetteMiss(LLMError):
    """Replay-only mode met a request that has no recording."""


class BackendError(AgentError):
    """The embedded model server could not be installed, assembled or started."""


class NotFound(AgentError):
    pass


class StoreUnavailable(AgentError):
    """The Chroma server named by LITAGENT_CHROMA_URL does not answer."""


class StateDamaged(AgentError):
    """The store or the memo on disk cannot be read; `litagent doctor` says what, `--repair` sets it right."""


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
