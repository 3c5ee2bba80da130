"""Scoring functions for extraction against gold data (the eval harness builds on these)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .fields import MAGNITUDE as _MAG
from .fields import PERCENT, POINTS
from .fields import TIMES as _RATIO
from .words import FUNCTION_WORDS

# percentage points count as %: annotators write "pp" and "%" for the same gain
_PCT = PERCENT | POINTS | {"\\%"}


def unit_class(unit: str) -> str:
    """Normalise a unit to a class: '%', 'x', a magnitude ('K','M','B','T') or 'count' (a plain or noun-labelled
    number: '10,042 patients', 'CLIP-I 0.833').

    Only the class must agree for a match: '%' vs 'x' vs a magnitude changes what a value means, while the noun
    after a count ('patients', 'LLMs') is a description that annotators word differently.
    """
    u = unit.strip().lower()
    if u in _PCT or u.startswith("%") or u.startswith("percent"):
        return "%"
    if u in _RATIO:
        return "x"
    first = u.split()[0] if u.split() else ""
    if first in _MAG:
        return _MAG[first]
    return "count"


def decimals(value_text: str) -> int:
    m = re.search(r"\d+(?:\.(\d+))?", value_text.replace(",", ""))
    return len(m.group(1)) if m and m.group(1) else 0


def same_value(pred: float, gold: float, gold_text: str = "") -> bool:
    """Equal within the precision written in the gold text ('2.4%' tolerates 0.05, '1,000' tolerates 0.5)."""
    tol = 0.5 * 10 ** -decimals(gold_text) if gold_text else 1e-9
    return abs(pred - gold) <= max(tol * 0.999, 1e-9)


@dataclass
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# label words compared without grammar or the words every measure shares ("success rate" ~ "success")
_STOP = FUNCTION_WORDS | {"vs", "number", "rate", "score", "up"}


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower().replace("-", "")) if w not in _STOP}


def labels_agree(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Soft label match: the metrics share a content word, and when gold names a dataset/task the datasets share
    one too. Labels are free text ("R@1 improvement" vs "text-to-video retrieval R@1"), so exact equality would
    score wording, not meaning; one shared content word is the least that shows the same quantity is meant."""
    if not _words(str(pred.get("metric", ""))) & _words(str(gold.get("metric", ""))):
        return False
    g_ds = _words(str(gold.get("dataset_or_task", "")))
    return not g_ds or bool(_words(str(pred.get("dataset_or_task", ""))) & g_ds)


def numeric_prf(preds: Iterable[Mapping[str, Any]], golds: Iterable[Mapping[str, Any]],
                agree: Callable[[Mapping[str, Any], Mapping[str, Any]], bool] | None = None) -> PRF:
    """Precision/recall over (paper_id, value, unit class), one-to-one: each gold item matches one prediction.
    With `agree`, a match must also satisfy it (e.g. `labels_agree`).

    Only papers that have gold items are scored (the gold covers a subset of the corpus).
    """
    golds = list(golds)
    papers = {g["paper_id"] for g in golds}
    preds = [p for p in preds if p["paper_id"] in papers]
    used: set[int] = set()
    tp = 0
    for g in golds:
        for i, p in enumerate(preds):
            if i in used or p["paper_id"] != g["paper_id"]:
                continue
            if same_value(float(p["value"]), float(g["value"]), str(g.get("value_text", ""))) \
                    and unit_class(p.get("unit", "")) == unit_class(g.get("unit", "")) \
                    and (agree is None or agree(p, g)):
                used.add(i)
                tp += 1
                break
    return PRF(tp, len(preds), len(golds))
