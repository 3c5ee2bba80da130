"""litagent: grounded claims, numeric results and cited answers from scientific paper abstracts.

Start with `Library` (the same settings, store, model and recordings as the `litagent` command):

    import agent
    lib = agent.Library()
    lib.add()                                   # the bundled corpus (resumable)
    print(lib.ask("How much faster is K-Sort Arena than ELO?").answer)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import load as load_corpus
    from .errors import AgentError
    from .extract import extract
    from .ingest import Summary, ingest
    from .library import RESULT_FIELDS, Library, extract_text, filter_results
    from .llm import LLM
    from .qa import Answer, ask
    from .review import Column, ReviewTable
    from .review import build as review_table
    from .schemas import Claim, Extraction, NumericResult, Paper
    from .settings import QASettings, Settings
    from .store import Store

# Each public name is imported from its module on first use (PEP 562): importing every module up front pulled in the
# model client (openai, instructor), ~0.9 s of the ~3 s a fresh `litagent search` took on a 10^5-paper store, for
# commands that never call a model.
_WHERE = {
    "load_corpus": ("corpus", "load"), "AgentError": ("errors", "AgentError"), "extract": ("extract", "extract"),
    "Summary": ("ingest", "Summary"), "ingest": ("ingest", "ingest"), "RESULT_FIELDS": ("library", "RESULT_FIELDS"),
    "Library": ("library", "Library"), "extract_text": ("library", "extract_text"),
    "filter_results": ("library", "filter_results"), "LLM": ("llm", "LLM"), "Answer": ("qa", "Answer"),
    "ask": ("qa", "ask"), "Column": ("review", "Column"), "ReviewTable": ("review", "ReviewTable"),
    "review_table": ("review", "build"), "Claim": ("schemas", "Claim"), "Extraction": ("schemas", "Extraction"),
    "NumericResult": ("schemas", "NumericResult"), "Paper": ("schemas", "Paper"),
    "QASettings": ("settings", "QASettings"), "Settings": ("settings", "Settings"), "Store": ("store", "Store"),
}

__all__ = ["LLM", "RESULT_FIELDS", "AgentError", "Answer", "Claim", "Column", "Extraction", "Library", "NumericResult",
           "Paper", "QASettings", "ReviewTable", "Settings", "Store", "Summary", "ask", "extract", "extract_text",
           "filter_results", "ingest", "load_corpus", "review_table"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'agent' has no attribute {name!r}")
    module, attr = _WHERE[name]
    value = getattr(import_module(f".{module}", __name__), attr)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
