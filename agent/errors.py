"""One exception base; the CLI turns any AgentError into `Error: <message>` and its exit code."""

from __future__ import annotations


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
