"""Score the extraction in the store against gold numeric results and claims.

    LITAGENT_HOME=... python evals/numeric_eval.py [--gold evals/dev] [--json]

A numeric result matches when paper, value (within the precision written) and unit class agree (agent.metrics).
Only papers that have gold items are scored. Claims: a gold claim is recalled when an extracted claim's span
overlaps the gold quote's span in the abstract.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from agent.extract import check_claim, check_result
from agent.metrics import numeric_prf
from agent.settings import Settings
from agent.store import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=Path(__file__).parent / "dev")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    gold_num = [json.loads(l) for l in (args.gold / "numeric.jsonl").read_text().splitlines() if l.strip()]
    gold_claims = [json.loads(l) for l in (args.gold / "claims.jsonl").read_text().splitlines() if l.strip()]
    store = Store(Settings())
    preds, grounded, n_results, missing = [], 0, 0, []
    spans: dict[str, list[tuple[int, int]]] = {}
    abstracts: dict[str, str] = {}
    wanted = {g["paper_id"] for g in gold_num} | {g["paper_id"] for g in gold_claims}
    for pid in sorted(wanted):
        try:
            paper, ex = store.get(pid)
        except Exception:
            ex = None
        if ex is None:
            missing.append(pid)
            continue
        abstracts[pid] = paper.abstract
        for r in ex.results:
            n_results += 1
            try:
                check_result(paper.abstract, r)
                grounded += 1
            except Exception:
                pass
            preds.append({"paper_id": pid, **r.model_dump()})
        spans[pid] = []
        for c in ex.claims:
            check_claim(paper.abstract, c)
            spans[pid].append((c.start, c.end))
    prf = numeric_prf(preds, [g for g in gold_num if g["paper_id"] not in missing])
    recalled = 0
    scored_claims = [g for g in gold_claims if g["paper_id"] in abstracts]
    for g in scored_claims:
        at = abstracts[g["paper_id"]].find(g["quote"])
        gs, ge = at, at + len(g["quote"])
        if at >= 0 and any(s < ge and gs < e for s, e in spans[g["paper_id"]]):
            recalled += 1
    report = {
        "papers_scored": len(abstracts), "papers_missing": missing,
        "numeric_precision": round(prf.precision, 4), "numeric_recall": round(prf.recall, 4),
        "numeric_f1": round(prf.f1, 4), "numeric_tp": prf.tp, "numeric_pred": prf.n_pred, "numeric_gold": prf.n_gold,
        "grounding_rate": round(grounded / n_results, 4) if n_results else None,
        "claim_recall": round(recalled / len(scored_claims), 4) if scored_claims else None,
    }
    print(json.dumps(report, indent=2) if args.json else "\n".join(f"{k}: {v}" for k, v in report.items()))


if __name__ == "__main__":
    main()
