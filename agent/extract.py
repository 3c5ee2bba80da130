"""Abstract -> Extraction. Code finds numbers and sentences; the model only labels them; code checks grounding."""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from . import fields as fields_module
from . import numbers as numbers_module
from . import phrases as phrases_module
from . import prompts
from .errors import AgentError
from .fields import (
    Span,
    canonical_unit,
    choose_claims,
    claim_type,
    ground,
    insert_tags,
    metric_family,
    metric_near,
    organises_text,
    respectively,
)
from .llm import LLM
from .metrics import unit_class
from .numbers import Candidate, Sentence, find_candidates, sentences
from .phrases import paper_task, propose
from .schemas import Claim, ClaimType, Extraction, NumericResult, Paper

log = logging.getLogger("litagent.extract")
MAX_CANDIDATES = 40  # bounds the output; abstracts with more numbers are labelled in their first 40
MAX_CLAIMS = 4


NumberKind = Literal["result", "scale", "baseline", "incidental"]


class Label(BaseModel):
    metric: str = Field(max_length=80)
    kind: NumberKind
    dataset: str = Field(max_length=80)
    baseline: str = Field(max_length=80)


class LabelledAbstract(BaseModel):
    """What the model returns: choices and short labels only, never numbers or quotes."""

    claims: list[Any]
    results: Any


def output_model(sents: list[Sentence], cands: list[Candidate]) -> type[LabelledAbstract]:
    """The response schema for one abstract: a claim may only name an existing sentence, and `results` has exactly
    one required key per candidate (named by its id and text), so a constrained decoder can neither skip nor invent
    a number nor loop past the last one."""
    # built at run time from the abstract, so typed Any: no static type describes them
    sentence_id: Any = Literal[tuple(range(len(sents)))] if sents else int
    pick: Any = create_model("ClaimPick", s=(sentence_id, Field(description="sentence number")), type=(ClaimType, ...))
    fields: dict[str, Any] = {f"c{c.id}": (Label, Field(alias=f"#{c.id} {c.value_text}")) for c in cands}
    labels: Any = create_model("Results", __config__=ConfigDict(populate_by_name=True), **fields)
    return create_model("LabelledAbstract", __base__=LabelledAbstract,
                        claims=(list[pick], Field(max_length=MAX_CLAIMS)), results=(labels, ...))


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Prompt version plus the code that finds numbers and assembles results: a stored extraction made by any other
    version is redone on the next ingest."""
    h = hashlib.sha1(prompts.load("extract").version.encode())
    for src in (Path(numbers_module.__file__), Path(fields_module.__file__), Path(phrases_module.__file__),
                Path(__file__)):
        h.update(src.read_bytes())
    return h.hexdigest()[:12]


class GroundingError(AgentError):
    pass


def mark(text: str, sents: list[Sentence], cands: list[Candidate]) -> str:
    """The abstract with [S#] before each sentence and [#k value] around each candidate, for the prompt only."""
    tags = [(s.start, 0, f"[S{s.id}] ") for s in sents]
    for c in cands:
        tags += [(c.start, 1, f"[#{c.id} "), (c.end, -1, "]")]
    return insert_tags(text, tags)


def check_result(abstract: str, r: NumericResult) -> None:
    """Grounding: quote verbatim at its offsets, value_text at its offsets and inside the quote, each field at its
    span."""
    if abstract[r.start:r.end] != r.quote:
        raise GroundingError(f"quote is not the abstract text at {r.start}:{r.end}")
    if abstract[r.value_start:r.value_end] != r.value_text:
        raise GroundingError(f"value_text {r.value_text!r} is not at {r.value_start}:{r.value_end}")
    if not (r.start <= r.value_start and r.value_end <= r.end):
        raise GroundingError(f"value {r.value_text!r} lies outside its quote")
    for name, text, span in (("metric", r.metric, r.metric_span), ("dataset", r.dataset_or_task, r.dataset_span),
                             ("baseline", r.baseline_or_comparison, r.baseline_span)):
        if (span is None) != (not text) or (span is not None and abstract[span[0]:span[1]] != text):
            raise GroundingError(f"{name} {text!r} is not the abstract text at {span}")


def check_claim(abstract: str, c: Claim) -> None:
    if abstract[c.start:c.end] != c.quote or not c.quote.strip():
        raise GroundingError(f"claim quote is not the abstract text at {c.start}:{c.end}")


def request(paper: Paper) -> tuple[prompts.Prompt, dict[str, str], type[LabelledAbstract]]:
    """The one model call an abstract needs: its prompt, the prompt's values and the response schema."""
    sents = sentences(paper.abstract)
    cands = find_candidates(paper.abstract)[:MAX_CANDIDATES]
    return (prompts.load("extract"), {"title": paper.title, "marked": mark(paper.abstract, sents, cands)},
            output_model(sents, cands))


def extract(paper: Paper, llm: LLM, cassette_dir: Path | None = None) -> Extraction:
    """One schema-constrained call per abstract; everything the model says is mapped back onto the raw text."""
    text = paper.abstract
    sents = sentences(text)
    cands = find_candidates(text)[:MAX_CANDIDATES]
    prompt, values, schema = request(paper)
    out, usage = llm.structured(prompt, values, schema,
                                cassette_path=(cassette_dir / f"{paper.id}.yaml") if cassette_dir else None)
    ex = Extraction(paper_id=paper.id, candidates=len(cands), prompt_version=extractor_version(),
                    model=llm.settings.model_name, usage=usage)
    # Claims are chosen by code (fields.choose_claims: the sentences that state a contribution or a finding); the
    # model's own picks reached claim recall 0.47 on evals/dev, the cues 0.67. Its type labels a sentence it picked.
    typed = {pick.s: pick.type for pick in out.claims}
    for s in choose_claims(sents, MAX_CLAIMS, paper.title):
        claim = Claim(text=s.text, type=typed.get(s.id, claim_type(s)), quote=s.text, start=s.start, end=s.end)
        if _grounded(text, claim, check_claim, ex):
            ex.claims.append(claim)
    task = paper_task(paper.title, text)
    units = {c.id: canonical_unit(c, text) for c in cands}
    proposals = {k: v for s in sents
                 for k, v in propose(text, s, cands, {i: is_counted(u) for i, u in units.items()}).items()}
    paired = {k: v for s in sents for k, v in respectively(text, s, cands).items()}
    for c in cands:
        label = getattr(out.results, f"c{c.id}")
        if label.kind == "incidental" or organises_text(c, units[c.id], text):
            continue
        s = sents[c.sentence]
        unit = units[c.id]
        prop = proposals[c.id]
        if is_counted(unit) and unit_class(unit) == "count" and prop.metric:
            unit = prop.metric.text.split()[-1]  # the head of the counted phrase: "two public datasets" -> datasets
        # what the grammar of the sentence names comes first; the model's words fill what it does not, a metric or
        # a baseline only from the number's own sentence (a label found elsewhere describes another number)
        metric = prop.metric or ground(_label(label.metric), text, s, anywhere=False)
        baseline = prop.baseline or ground(_label(label.baseline), text, s, anywhere=False)
        dataset = prop.dataset or _dataset_label(_label(label.dataset), text, s, metric, baseline)
        dataset = dataset or task
        if c.id in paired:  # a number of a "respectively" list takes its item
            kind, item = paired[c.id]
            metric, dataset, baseline = (item if kind == "metric" else metric, item if kind == "dataset" else dataset,
                                         item if kind == "baseline" else baseline)
        metric = metric or metric_near(text, c, s)
        result = NumericResult(
            value=c.value, value_text=c.value_text, unit=unit,
            metric=metric.text if metric else "", dataset_or_task=dataset.text if dataset else "",
            baseline_or_comparison=baseline.text if baseline else "",
            quote=s.text, start=s.start, end=s.end, value_start=c.start, value_end=c.end,
            metric_family=metric_family(metric.text if metric else "", unit),
            metric_span=(metric.start, metric.end) if metric else None,
            dataset_span=(dataset.start, dataset.end) if dataset else None,
            baseline_span=(baseline.start, baseline.end) if baseline else None,
        )
        if _grounded(text, result, check_result, ex):
            ex.results.append(result)
    return ex


def is_counted(unit: str) -> bool:
    """A number with a noun for its unit counts things ("418K problems", "ten models"); %, x and a rating's scale
    ("4.5 out of 5") do not."""
    return bool(unit) and unit_class(unit) not in {"%", "x"} and not unit.startswith("out of")


def _dataset_label(label: str, text: str, s: Sentence, *fields: Span | None) -> Span | None:
    """The model's dataset where the abstract says it verbatim (its sentence first), unless those words already say
    what is measured or against what, or name a measure ("Pass@k"): the 1.5B model often repeats the metric or the
    baseline there. A paraphrase is not taken: mapped word by word onto the text it gave fragments ("achieves up",
    "data"), and the paper's task, the fallback, is the better answer then."""
    span = ground(label, text, s)
    if span is not None and (span.text.lower() != label.lower().strip(" .,;:") or metric_family(span.text)):
        return None
    return None if span is None or any(f and f.start < span.end and span.start < f.end for f in fields) else span


def _label(text: str) -> str:
    """Small models write "none" or "N/A" for an empty label; an empty string is what the schema means."""
    t = text.strip()
    return "" if t.lower().strip(".") in {"none", "n/a", "na", "null", "-", "unknown", "not specified"} else t


def _grounded(text: str, item: Any, check: Any, ex: Extraction) -> bool:
    """Assembled items are grounded by construction; the check guards that construction and counts failures."""
    try:
        check(text, item)
    except GroundingError as e:
        log.warning("%s: dropped ungrounded item: %s", ex.paper_id, e)
        ex.dropped += 1
        return False
    return True
