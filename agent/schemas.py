"""Data types shared by every stage. Offsets always index the raw abstract text."""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, Field

ClaimType = Literal["finding", "method", "result", "limitation", "resource", "problem"]


def paper_id(title: str) -> str:
    """`p-` + first 10 hex of sha1(stripped title): the id the gold data uses."""
    return "p-" + hashlib.sha1(title.strip().encode("utf-8")).hexdigest()[:10]


class Paper(BaseModel):
    id: str
    title: str
    abstract: str
    sources: list[str] = Field(default_factory=list, description="file:line of every place the paper was read")
    doi: str = Field("", description="lower case, without https://doi.org/, when the source gives one")
    arxiv: str = Field("", description="arXiv id without its version (2101.00001), when the source gives one")

    @classmethod
    def make(cls, title: str, abstract: str, source: str, doi: str = "", arxiv: str = "") -> Paper:
        return cls(id=paper_id(title), title=title.strip(), abstract=abstract, sources=[source],
                   doi=normal_doi(doi), arxiv=normal_arxiv(arxiv))

    @property
    def text_hash(self) -> str:
        return hashlib.sha1((self.title + "\n" + self.abstract).encode("utf-8")).hexdigest()[:16]


def normal_doi(doi: str) -> str:
    d = doi.strip().lower()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", d)


def normal_arxiv(arxiv: str) -> str:
    """'http://arxiv.org/abs/2101.00001v2' -> '2101.00001'; old-style ids ('hep-th/9901001') kept whole."""
    a = arxiv.strip()
    a = re.sub(r"^(?:https?://arxiv\.org/(?:abs|pdf)/|arxiv:)", "", a, flags=re.I)
    return re.sub(r"v\d+$", "", a.removesuffix(".pdf"))


def normal_title(title: str) -> str:
    """Titles that differ only in case, spacing or punctuation name one paper."""
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


class Claim(BaseModel):
    text: str
    type: ClaimType
    quote: str
    start: int
    end: int


class NumericResult(BaseModel):
    value: float
    value_text: str
    unit: str = Field(description="canonical unit: %, pp, x, a magnitude and what it counts, or the counted noun")
    metric: str
    dataset_or_task: str
    baseline_or_comparison: str
    quote: str
    start: int = Field(description="offset of the quote in the abstract")
    end: int
    value_start: int = Field(description="offset of value_text in the abstract")
    value_end: int
    metric_family: str = Field("", description="the metric's family (accuracy, F1, pass@k, speed-up, ...) or ''")
    # Each label is a span of the abstract (the number's sentence first) or empty: `field` = abstract[start:end].
    metric_span: tuple[int, int] | None = None
    dataset_span: tuple[int, int] | None = None
    baseline_span: tuple[int, int] | None = None


class Usage(BaseModel):
    calls: int = 0
    cached_calls: int = 0
    retries: int = Field(0, description="network retries (429/5xx/timeout/connection)")
    reasks: int = Field(0, description="validation re-asks (output did not parse or validate)")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = Field(0.0, description="where the model's price is known; the embedded model costs nothing")
    seconds: float = 0.0
    prompt_ms: float = Field(0.0, description="server-reported prompt processing time (llama-server `timings`)")
    generation_ms: float = Field(0.0, description="server-reported generation time (llama-server `timings`)")

    def add(self, other: Usage) -> None:
        for name in Usage.model_fields:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Extraction(BaseModel):
    paper_id: str
    claims: list[Claim] = Field(default_factory=list)
    results: list[NumericResult] = Field(default_factory=list)
    dropped: int = Field(0, description="model outputs that failed grounding and were discarded")
    candidates: int = Field(0, description="number candidates found in the abstract")
    prompt_version: str = Field("", description="extractor version: prompt + number finding + assembly code")
    model: str = ""
    usage: Usage = Field(default_factory=Usage)
