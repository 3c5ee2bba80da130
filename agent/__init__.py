"""litagent: grounded claims, numeric results and cited answers from scientific paper abstracts.

Start with `Library` (the same settings, store, model and recordings as the `litagent` command):

    import agent
    lib = agent.Library()
    lib.add()                                   # the bundled corpus (resumable)
    print(lib.ask("How much faster is K-Sort Arena than ELO?").answer)
"""

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

__all__ = ["LLM", "RESULT_FIELDS", "AgentError", "Answer", "Claim", "Column", "Extraction", "Library", "NumericResult",
           "Paper", "QASettings", "ReviewTable", "Settings", "Store", "Summary", "ask", "extract", "extract_text",
           "filter_results", "ingest", "load_corpus", "review_table"]
