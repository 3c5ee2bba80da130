"""litagent: grounded claims, numeric results and cited answers from scientific paper abstracts."""

from .corpus import load as load_corpus
from .errors import AgentError
from .extract import extract
from .ingest import ingest
from .llm import LLM
from .qa import Answer, ask
from .review import Column, ReviewTable
from .review import build as review_table
from .schemas import Claim, Extraction, NumericResult, Paper
from .settings import Settings
from .store import Store

__all__ = ["LLM", "AgentError", "Answer", "Claim", "Column", "Extraction", "NumericResult", "Paper", "ReviewTable",
           "Settings", "Store", "ask", "extract", "ingest", "load_corpus", "review_table"]
