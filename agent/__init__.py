"""litagent: grounded claims, numeric results and cited answers from scientific paper abstracts."""

from .corpus import load as load_corpus
from .errors import AgentError
from .extract import extract
from .schemas import Claim, Extraction, NumericResult, Paper
from .settings import Settings

__all__ = ["AgentError", "Claim", "Extraction", "NumericResult", "Paper", "Settings", "extract", "load_corpus"]
