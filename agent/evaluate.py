"""The eval harness: scores extraction and QA against a gold directory (`numeric.jsonl`, `claims.jsonl`,
`qa.jsonl`), offline from recorded real model responses by default.

Modes: replay (recordings only; an unrecorded request is an error naming it), record (call the model, write
recordings), live (call the model, write nothing). The memo is a fresh temporary cache in every mode, so each call
really goes through the recordings or the model. Outputs hold no timings, so replays are byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from . import corpus, prompts
from .errors import UsageError
from .extract import check_claim, check_result, extract, extractor_version
from .ingest import extraction_cassettes, ingest
from .llm import LLM
from .metrics import labels_agree, numeric_prf
from .numbers import find_candidates
from .qa import Answer, ask, entities
from .retrieve import Retriever, tokens
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
        if not f.exists():
            return []
        rows = []
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise UsageError(f"{f}:{n}: invalid JSON: {e.msg}") from e
        return rows

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
    items, grounded, claim_spans = [], 0, {}
    for pid in wanted:
        paper = papers[pid]
        ex = extract(paper, llm, extraction_cassettes(settings))
        for r in ex.results:
            try:
                check_result(paper.abstract, r)
                grounded += 1
            except Exception:
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
        "grounding_rate": _r(grounded / len(preds)) if preds else None,
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
    names = {t.lower() for t in entities(reference)}
    if not nums and not names:
        return None
    got_nums = {c.value for c in find_candidates(answer)}
    low = answer.lower()
    hit = sum(1 for v in nums if v in got_nums) + sum(1 for t in names if t in low)
    return hit / (len(nums) + len(names))


def run_qa(ds: Dataset, settings: Settings, ensure: Any = None, judge: bool = True) -> SuiteResult:
    """recall@5/@10 of gold cited papers (retrieval alone); citation precision (cited papers that are gold or also
    acceptable, micro over answered questions) and recall (gold papers cited, micro over answerable questions);
    abstention accuracy on unanswerable questions; false abstention on the rest; judge verdicts with a fixed rubric
    (prompts/judge.md; on unanswerable questions declining is CORRECT without a judge call); key-fact overlap with the reference answer; tokens per question."""
    store = eval_store(settings, ensure)
    retriever = Retriever(store)
    llm = _llm(settings, ensure)
    qa_dir = settings.cassette_dir / "qa"
    judge_dir = settings.cassette_dir / "judge"
    items = []
    for q in ds.qa:
        gold = set(q.get("cited_paper_ids", []))
        ok = gold | set(q.get("also_acceptable_ids", []) or [])
        ranked = [h.paper.id for h in retriever.search(q["question"], k=10)]
        ans: Answer = ask(q["question"], store, llm, cassette_dir=qa_dir, retriever=retriever)
        cited = list(dict.fromkeys(c.paper_id for c in ans.citations))
        item: dict[str, Any] = {
            "qid": q["qid"], "type": q["type"], "abstained": ans.abstained, "cited": cited,
            "recall@5": len(gold & set(ranked[:5])) / len(gold) if gold else None,
            "recall@10": len(gold & set(ranked[:10])) / len(gold) if gold else None,
            "cited_ok": sum(1 for c in cited if c in ok), "gold_cited": len(gold & set(cited)), "n_gold": len(gold),
            "key_facts": _r(key_fact_overlap(q["answer"], ans.answer)) if gold else None,
            "completion_tokens": ans.usage.completion_tokens, "prompt_tokens": ans.usage.prompt_tokens,
            "answer": ans.answer,
        }
        if judge and not gold:
            # "Not in the corpus" needs no judge: declining is the only correct answer.
            item["verdict"] = "CORRECT" if ans.abstained else "INCORRECT"
        elif judge:
            v, _ = llm.structured(prompts.load("judge"), {"question": q["question"], "reference": q["answer"],
                                                          "answer": ans.answer}, Verdict, max_tokens=50,
                                  cassette_path=judge_dir / (hashlib.sha1((q["question"] + "\0" + ans.answer)
                                                                          .encode()).hexdigest()[:12] + ".yaml"))
            item["verdict"] = v.verdict
        items.append(item)
    llm.close()
    answerable = [i for i in items if i["type"] != "unanswerable"]
    unanswerable = [i for i in items if i["type"] == "unanswerable"]
    answered = [i for i in items if not i["abstained"]]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in answerable:
        by_type[i["type"]].append(i)
    mean = lambda xs: _r(sum(xs) / len(xs)) if xs else None  # noqa: E731
    metrics: dict[str, Any] = {
        "questions": len(items),
        "recall@5": mean([i["recall@5"] for i in answerable]),
        "recall@10": mean([i["recall@10"] for i in answerable]),
        **{f"recall@5_{t}": mean([i["recall@5"] for i in xs]) for t, xs in sorted(by_type.items())},
        **{f"recall@10_{t}": mean([i["recall@10"] for i in xs]) for t, xs in sorted(by_type.items())},
        "citation_precision": _r(sum(i["cited_ok"] for i in answered) / n_cited)
        if (n_cited := sum(len(i["cited"]) for i in answered)) else None,
        "citation_recall": _r(sum(i["gold_cited"] for i in answerable) / n_gold)
        if (n_gold := sum(i["n_gold"] for i in answerable)) else None,
        "abstention_accuracy": mean([1.0 if i["abstained"] else 0.0 for i in unanswerable]),
        "false_abstention": mean([1.0 if i["abstained"] else 0.0 for i in answerable]),
        "key_fact_overlap": mean([i["key_facts"] for i in answerable if i["key_facts"] is not None]),
        "completion_tokens_per_question": mean([i["completion_tokens"] for i in items]),
    }
    if judge:
        for v in ("CORRECT", "INCORRECT", "NOT_ATTEMPTED"):
            metrics[f"judge_{v.lower()}"] = mean([1.0 if i["verdict"] == v else 0.0 for i in items])
    return SuiteResult(metrics, items)


def run(dataset: Path, settings: Settings, mode: Mode, suites: list[str], ensure: Any = None) -> dict[str, Any]:
    ds = load_dataset(dataset)
    s = eval_settings(settings, mode)
    out: dict[str, Any] = {}
    for suite in suites:
        if suite == "extraction" and (ds.numeric or ds.claims):
            r = run_extraction(ds, s, ensure)
        elif suite == "qa" and ds.qa:
            r = run_qa(ds, s, ensure)
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
