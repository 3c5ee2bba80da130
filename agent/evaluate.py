"""The eval harness: scores extraction and QA against a gold directory (`numeric.jsonl`, `claims.jsonl`,
`qa.jsonl`), offline from recorded real model responses by default.

Modes: replay (recordings only; an unrecorded request is an error naming it), record (call the model, write
recordings), live (call the model, write nothing). The memo is a fresh temporary cache in every mode, so each call
really goes through the recordings or the model. Outputs hold no timings, so replays are byte-identical.
"""

from __future__ import annotations

import hashlib
import re
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from . import corpus, prompts
from .corpus import json_lines
from .errors import UsageError
from .extract import GroundingError, check_claim, check_result, extract, extractor_version
from .ingest import extraction_cassettes, ingest
from .llm import LLM
from .locks import store_writer
from .metrics import labels_agree, numeric_prf, unit_class
from .numbers import find_candidates
from .qa import Answer, ask, mentions, names
from .retrieve import Retriever
from .settings import Settings
from .store import Store

Mode = Literal["replay", "record", "live"]
SUITES = ("extraction", "qa")


@dataclass
class Dataset:
    numeric: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    qa: list[dict[str, Any]]


def load_dataset(path: Path) -> Dataset:
    def read(name: str) -> list[dict[str, Any]]:
        f = path / name
        return [obj for _, obj in json_lines(f, UsageError)] if f.exists() else []

    if not path.is_dir():
        raise UsageError(f"dataset directory not found: {path}")
    ds = Dataset(read("numeric.jsonl"), read("claims.jsonl"), read("qa.jsonl"))
    if not (ds.numeric or ds.claims or ds.qa):
        raise UsageError(f"{path} holds none of numeric.jsonl, claims.jsonl, qa.jsonl")
    return ds


def eval_settings(base: Settings, mode: Mode) -> Settings:
    s = base.model_copy()
    s.cassette_mode = {"replay": "replay", "record": "record", "live": "off"}[mode]  # type: ignore[assignment]
    return s


def _llm(settings: Settings, ensure: Any) -> LLM:
    s = settings.model_copy()
    s.home = Path(tempfile.mkdtemp(prefix="litagent-eval-"))  # fresh memo: every call hits a recording or the model
    return LLM(s, ensure)


@dataclass
class SuiteResult:
    metrics: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# -- extraction ------------------------------------------------------------------------------------------------------
def run_extraction(ds: Dataset, settings: Settings, ensure: Any = None) -> SuiteResult:
    """Numeric P/R/F1 over (paper, value, unit class); the same with labels agreeing (metrics.labels_agree);
    grounding rate; claim recall by span overlap; tokens and calls per paper."""
    papers = {p.id: p for p in corpus.load()}
    wanted = sorted({g["paper_id"] for g in ds.numeric} | {g["paper_id"] for g in ds.claims})
    missing = [pid for pid in wanted if pid not in papers]
    if missing:
        raise UsageError(f"gold papers not in the bundled corpus: {', '.join(missing[:5])}")
    llm = _llm(settings, ensure)
    preds: list[dict[str, Any]] = []
    items, grounded, dropped, claim_spans = [], 0, 0, {}
    for pid in wanted:
        paper = papers[pid]
        ex = extract(paper, llm, extraction_cassettes(settings))
        dropped += ex.dropped  # items the extractor's own check refused count against the rate, not out of it
        for r in ex.results:
            try:
                check_result(paper.abstract, r)
                grounded += 1
            except GroundingError:
                pass
            preds.append({"paper_id": pid, **r.model_dump()})
        for c in ex.claims:
            check_claim(paper.abstract, c)
        claim_spans[pid] = [(c.start, c.end) for c in ex.claims]
        items.append({"paper_id": pid, "results": len(ex.results), "claims": len(ex.claims),
                      "completion_tokens": ex.usage.completion_tokens, "prompt_tokens": ex.usage.prompt_tokens,
                      "calls": ex.usage.calls})
    strict = numeric_prf(preds, ds.numeric)
    soft = numeric_prf(preds, ds.numeric, agree=labels_agree)
    recalled = 0
    for g in ds.claims:
        text = papers[g["paper_id"]].abstract
        at = text.find(g["quote"])
        hit = at >= 0 and any(s < at + len(g["quote"]) and at < e for s, e in claim_spans.get(g["paper_id"], []))
        recalled += hit
    llm.close()
    n = len(items) or 1
    metrics = {
        "papers": len(items),
        "numeric_precision": _r(strict.precision), "numeric_recall": _r(strict.recall), "numeric_f1": _r(strict.f1),
        "numeric_labelled_precision": _r(soft.precision), "numeric_labelled_recall": _r(soft.recall),
        "numeric_labelled_f1": _r(soft.f1),
        "grounding_rate": _r(grounded / (len(preds) + dropped)) if preds or dropped else None,
        "claim_recall": _r(recalled / len(ds.claims)) if ds.claims else None,
        "calls_per_paper": _r(sum(i["calls"] for i in items) / n),
        "completion_tokens_per_paper": _r(sum(i["completion_tokens"] for i in items) / n),
        "median_completion_tokens": statistics.median(i["completion_tokens"] for i in items) if items else None,
    }
    return SuiteResult(metrics, items)


# -- QA ---------------------------------------------------------------------------------------------------------------
class Verdict(BaseModel):
    verdict: Literal["CORRECT", "INCORRECT", "NOT_ATTEMPTED"]


def eval_store(settings: Settings, ensure: Any = None) -> Store:
    """The bundled corpus, ingested once per extraction version into the data home and reused (replays stay fast)."""
    papers = corpus.load()
    key = hashlib.sha1((extractor_version() + "".join(p.text_hash for p in papers)).encode())
    s = settings.model_copy()
    s.home = settings.home / "eval" / key.hexdigest()[:12]
    if s.cassette_mode == "off":
        s.cassette_mode = "auto"  # a live QA run still reads the corpus's recorded extractions: 160 papers, not hours
    with store_writer(s):  # several evals may start at once on a fresh home: one builds, the others then read
        store = Store(s)
        if store.count() < len(papers):
            summary = ingest(papers, s, store, _llm(settings, ensure))
            if summary.failed:
                raise UsageError(f"could not build the eval store: {summary.failed[0][1]}")
    return store


def key_fact_overlap(reference: str, answer: str) -> float | None:
    """Share of the reference's key facts (its numbers, by value, and its names: acronyms, mixed-case and
    letter-digit terms) that the answer contains. None when the reference has no such fact."""
    nums = {c.value for c in find_candidates(reference)}
    ref_names = {t.lower() for t in names(reference)}
    if not nums and not ref_names:
        return None
    got_nums = {c.value for c in find_candidates(answer)}
    low = answer.lower()
    hit = sum(1 for v in nums if v in got_nums) + sum(1 for t in ref_names if t in low)
    return hit / (len(nums) + len(ref_names))


def key_facts(q: dict[str, Any], abstracts: dict[str, str]) -> list[str]:
    """The facts a correct answer must state: the gold `key_facts`, or (older gold without them) the numbers and
    names of the reference answer that its gold papers state verbatim."""
    if "key_facts" in q:
        return list(q["key_facts"])
    text = " ".join(abstracts.get(p, "") for p in q.get("cited_paper_ids", []))
    facts = [c.value_text for c in find_candidates(q["answer"]) if any(
        abs(c.value - d.value) < 1e-9 for d in find_candidates(text))]
    return facts + [n for n in names(q["answer"]) if mentions(n, text)]


def has_fact(fact: str, answer: str, source: str = "") -> bool:
    """A number is stated when the answer has the same value (and the same unit class); a name or phrase when it
    appears, ignoring case, spaces and hyphens. A bare number's unit is the one it has in `source` (the gold
    abstracts, of which key facts are substrings): annotators write "63" for an abstract's "63\\%", which an answer
    quoting the abstract states as 63%."""
    nums = find_candidates(fact)
    if len(nums) == 1 and nums[0].value_text == fact.strip():
        n = nums[0]
        units = {unit_class(n.unit)}
        if not n.unit:
            units |= {unit_class(c.unit) for c in find_candidates(source)
                      if abs(c.value - n.value) < 1e-9 and c.value_text.startswith(fact.strip())}
        return any(abs(c.value - n.value) < 1e-9 and unit_class(c.unit) in units for c in find_candidates(answer))
    return mentions(fact, answer)


def _overlaps(cites: list[dict[str, Any]], paper_id: str, quotes: list[str], abstract: str) -> bool:
    spans = [(a, a + len(qt)) for qt in quotes if (a := abstract.find(qt)) >= 0]
    return any(c["paper_id"] == paper_id and any(c["start"] < e and s < c["end"] for s, e in spans) for c in cites)


# Which-papers answers are sets: one counts as correct when it finds at least half of the gold papers and at least
# half of what it lists is gold (or acceptable); "mostly right" in both directions, the way a reader would judge it.
LIST_RECALL_OK = 0.5
LIST_PRECISION_OK = 0.5


def score_answer(q: dict[str, Any], ans: dict[str, Any], abstracts: dict[str, str]) -> dict[str, Any]:
    """Correctness without a model judge. Single fact / numeric: a gold paper is cited by a sentence that overlaps
    its gold evidence, nothing unacceptable is cited, and every key fact is in the answer text (quotes excluded).
    Comparison: the same for every gold paper (both sides). Which papers: LIST_RECALL_OK / LIST_PRECISION_OK.
    Unanswerable: abstained. `wrong` marks a confident error: an answer where there is none, a paper cited that is
    not acceptable (for lists: under LIST_PRECISION_OK), or a key number missing while another number is stated."""
    gold = list(q.get("cited_paper_ids", []))
    ok = set(gold) | set(q.get("also_acceptable_ids", []) or [])
    cites = ans["citations"]
    cited = list(dict.fromkeys(c["paper_id"] for c in cites))
    facts = key_facts(q, abstracts)
    text = re.sub(r"\[\d+\]", " ", ans["answer"])  # citation markers are not numbers the answer states
    source = " ".join(abstracts.get(p, "") for p in gold)
    facts_ok = all(has_fact(f, text, source) for f in facts)
    ev = {pid: [e["quote"] for e in q.get("evidence", []) if e["paper_id"] == pid] for pid in gold}
    grounded = {pid: _overlaps(cites, pid, ev[pid], abstracts.get(pid, "")) if ev[pid] else pid in cited
                for pid in gold}
    precision = sum(1 for c in cited if c in ok) / len(cited) if cited else None
    recall = sum(1 for g in gold if g in cited) / len(gold) if gold else None
    kind, answered = q["type"], not ans["abstained"]
    if kind == "unanswerable":
        correct, wrong = not answered, answered
    elif kind == "multi-paper":
        correct = answered and (recall or 0) >= LIST_RECALL_OK and (precision or 0) >= LIST_PRECISION_OK
        wrong = answered and (precision or 0) < LIST_PRECISION_OK
    else:
        need = gold if kind == "comparison" else [g for g in gold if grounded[g]][:1] or gold[:1]
        correct = answered and all(grounded[g] for g in need) and all(c in ok for c in cited) and facts_ok
        fact_nums = [c.value for f in facts for c in find_candidates(f)]
        stated = [c.value for c in find_candidates(text)]
        wrong_number = bool(fact_nums) and not facts_ok and bool(stated) and not set(fact_nums) & set(stated)
        wrong = answered and (any(c not in ok for c in cited) or wrong_number)
    return {"correct": bool(correct), "wrong": bool(wrong), "precision": precision, "recall": recall,
            "facts": facts, "facts_ok": facts_ok, "evidence_ok": all(grounded.values()) if gold else None}


def run_qa(ds: Dataset, settings: Settings, ensure: Any = None, judge: bool = False) -> SuiteResult:
    """Scored by `score_answer` (no model judging itself): answer correctness, confident errors, citation
    precision (cited papers that are gold or also acceptable, micro over answered questions) and recall (gold
    papers cited, micro over answerable questions), abstention accuracy and false abstention; recall@5/@10 of the
    gold papers (retrieval alone); seconds-free token counts. The LLM judge (prompts/judge.md) is a second opinion."""
    store = eval_store(settings, ensure)
    retriever = Retriever(store)
    abstracts = {pid: p.abstract for pid, p in retriever.papers.items()}
    llm = _llm(settings, ensure)
    qa_dir = settings.recordings("qa")
    judge_dir = settings.recordings("judge")
    items = []
    for q in ds.qa:
        gold = set(q.get("cited_paper_ids", []))
        ranked = [h.paper.id for h in retriever.search(q["question"], k=10)]
        ans: Answer = ask(q["question"], store, llm, cassette_dir=qa_dir, retriever=retriever)
        score = score_answer(q, ans.model_dump(), abstracts)
        cited = list(dict.fromkeys(c.paper_id for c in ans.citations))
        ok = gold | set(q.get("also_acceptable_ids", []) or [])
        item: dict[str, Any] = {
            "qid": q["qid"], "type": q["type"], "kind": ans.kind, "abstained": ans.abstained, "cited": cited,
            "correct": score["correct"], "wrong": score["wrong"], "facts_ok": score["facts_ok"],
            "evidence_ok": score["evidence_ok"],
            "recall@5": len(gold & set(ranked[:5])) / len(gold) if gold else None,
            "recall@10": len(gold & set(ranked[:10])) / len(gold) if gold else None,
            "cited_ok": sum(1 for c in cited if c in ok), "gold_cited": len(gold & set(cited)), "n_gold": len(gold),
            "key_facts": _r(key_fact_overlap(q["answer"], ans.answer)) if gold else None,
            "calls": ans.usage.calls, "completion_tokens": ans.usage.completion_tokens,
            "prompt_tokens": ans.usage.prompt_tokens, "answer": ans.answer,
        }
        if judge and not gold:
            item["verdict"] = "CORRECT" if ans.abstained else "INCORRECT"  # declining is the only right answer
        elif judge:
            v, _ = llm.structured(prompts.load("judge"), {"question": q["question"], "reference": q["answer"],
                                                          "answer": ans.answer}, Verdict, max_tokens=50,
                                  cassette_path=judge_dir / (hashlib.sha1((q["question"] + "\0" + ans.answer)
                                                                          .encode()).hexdigest()[:12] + ".yaml"))
            item["verdict"] = v.verdict
        items.append(item)
    llm.close()
    return SuiteResult(qa_metrics(items, judge), items)


def qa_metrics(items: list[dict[str, Any]], judge: bool = False) -> dict[str, Any]:
    answerable = [i for i in items if i["type"] != "unanswerable"]
    unanswerable = [i for i in items if i["type"] == "unanswerable"]
    answered = [i for i in items if not i["abstained"]]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in answerable:
        by_type[i["type"]].append(i)
    mean = lambda xs: _r(sum(x for x in xs if x is not None) / n) if (n := sum(x is not None for x in xs)) else None  # noqa: E731
    n_cited = sum(len(i["cited"]) for i in answered)
    n_gold = sum(i["n_gold"] for i in answerable)
    comparisons = by_type.get("comparison", [])
    metrics: dict[str, Any] = {
        "questions": len(items),
        "answer_correct": mean([1.0 if i["correct"] else 0.0 for i in answerable]),
        **{f"answer_correct_{t}": mean([1.0 if i["correct"] else 0.0 for i in xs])
           for t, xs in sorted(by_type.items())},
        "confidently_wrong": mean([1.0 if i["wrong"] else 0.0 for i in items]),
        "citation_precision": _r(sum(i["cited_ok"] for i in answered) / n_cited) if n_cited else None,
        "citation_recall": _r(sum(i["gold_cited"] for i in answerable) / n_gold) if n_gold else None,
        "comparison_both_sides_cited": mean([1.0 if i["gold_cited"] == i["n_gold"] else 0.0 for i in comparisons]),
        "abstention_accuracy": mean([1.0 if i["abstained"] else 0.0 for i in unanswerable]),
        "false_abstention": mean([1.0 if i["abstained"] else 0.0 for i in answerable]),
        "recall@5": mean([i["recall@5"] for i in answerable]),
        "recall@10": mean([i["recall@10"] for i in answerable]),
        **{f"recall@5_{t}": mean([i["recall@5"] for i in xs]) for t, xs in sorted(by_type.items())},
        "key_fact_overlap": mean([i["key_facts"] for i in answerable if i["key_facts"] is not None]),
        "calls_per_question": mean([i["calls"] for i in items]),
        "prompt_tokens_per_question": mean([i["prompt_tokens"] for i in items]),
        "completion_tokens_per_question": mean([i["completion_tokens"] for i in items]),
    }
    if judge and all("verdict" in i for i in items):
        for v in ("CORRECT", "INCORRECT", "NOT_ATTEMPTED"):
            metrics[f"judge_{v.lower()}"] = mean([1.0 if i["verdict"] == v else 0.0 for i in items])
    return metrics


def run(dataset: Path, settings: Settings, mode: Mode, suites: list[str], ensure: Any = None,
        judge: bool = False) -> dict[str, Any]:
    ds = load_dataset(dataset)
    s = eval_settings(settings, mode)
    out: dict[str, Any] = {}
    for suite in suites:
        if suite == "extraction" and (ds.numeric or ds.claims):
            r = run_extraction(ds, s, ensure)
        elif suite == "qa" and ds.qa:
            r = run_qa(ds, s, ensure, judge=judge)
        else:
            continue
        out[suite] = {**r.metrics, "items": r.items}
    return out


def markdown(report: dict[str, Any], dataset: Path, mode: str) -> str:
    lines = [f"# litagent eval — {dataset.name} ({mode})", ""]
    for suite, res in report.items():
        lines += [f"## {suite}", "", "| metric | value |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in res.items() if k != "items"]
        lines.append("")
    return "\n".join(lines)


def check_thresholds(report: dict[str, Any], rules: list[str]) -> list[str]:
    """`METRIC=VALUE` or `SUITE.METRIC=VALUE`; returns the misses as readable lines."""
    misses = []
    for rule in rules:
        name, sep, value = rule.partition("=")
        if not sep:
            raise UsageError(f"--fail-under takes METRIC=VALUE, got {rule!r}")
        try:
            bound = float(value)
        except ValueError:
            raise UsageError(f"--fail-under {rule!r}: {value!r} is not a number") from None
        suite, _, metric = name.rpartition(".")
        found = [(s, r[metric]) for s, r in report.items() if (not suite or s == suite) and metric in r]
        if not found:
            raise UsageError(f"--fail-under: no metric named {name!r} in this run")
        for s, v in found:
            if v is None or v < bound:
                misses.append(f"{s}.{metric} = {v} < {bound}")
    return misses
