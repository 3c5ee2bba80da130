"""Where the gold evidence sentence ranks among its paper's sentences, per sentence ranker. Rerun:

    python evals/sentence_rank.py [evals/SET/qa.jsonl ...]

For every gold paper of the single-fact, numeric and comparison questions (all sets by default), the paper's
sentences are ranked against the whole question and against each of its clauses (`agent.qa.question_parts`) by each
ranker; `top1_any` is the share of gold papers whose top sentence for some query is a gold evidence sentence, `covN`
the share of their gold evidence sentences among the N top sentences of any query. `cur` is the ranker the QA loop
uses (`Retriever.best_sentences`: cosine + 0.5 x shared-word share); the others are alternatives measured beside it.
This is what `QASettings.nearest_quoted` rests on. Figures, not a test; no model call.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.evaluate import eval_store  # noqa: E402
from agent.numbers import Sentence, sentences  # noqa: E402
from agent.qa import question_parts  # noqa: E402
from agent.retrieve import Retriever, tokens  # noqa: E402
from agent.settings import Settings  # noqa: E402

_SUFFIX = re.compile(r"(ing|ed|es|s|ly|ion|ions|al)$")


def stem(t: str) -> str:
    return _SUFFIX.sub("", t) if len(t) > 4 else t


def scores(r: Retriever, query: str, ss: list[Sentence], vecs: list[np.ndarray], qvec: np.ndarray
           ) -> dict[str, list[float]]:
    qt = set(tokens(query))
    qs = {stem(t) for t in qt}
    idf = {t: r.idf(t) for t in qt}
    total = sum(idf.values()) or 1.0
    dense = [float(v @ qvec) for v in vecs]
    share = [len(qt & set(tokens(x.text))) / (len(qt) or 1) for x in ss]
    rare = [sum(idf[t] for t in qt & set(tokens(x.text))) / total for x in ss]
    stems = [len(qs & {stem(t) for t in tokens(x.text)}) / (len(qs) or 1) for x in ss]
    return {"dense": dense, "cur": [d + 0.5 * o for d, o in zip(dense, share, strict=True)],
            "dense+0.5idf": [d + 0.5 * o for d, o in zip(dense, rare, strict=True)],
            "dense+1.0idf": [d + 1.0 * o for d, o in zip(dense, rare, strict=True)],
            "dense+0.5stem": [d + 0.5 * o for d, o in zip(dense, stems, strict=True)], "idf": rare}


def main() -> None:
    store = eval_store(Settings())
    r = Retriever(store)
    files = sys.argv[1:] or sorted(glob.glob(str(ROOT / "evals" / "*" / "qa.jsonl")))
    stats: dict[str, dict[str, float]] = {}
    n = 0
    for f in files:
        for line in open(f, encoding="utf-8"):
            q = json.loads(line)
            if q["type"] not in ("single-fact", "numeric", "comparison"):
                continue
            parts = question_parts(q["question"])
            queries = [q["question"]] + (parts if len(parts) > 1 else [])
            qvecs = [np.asarray(v) for v in store.ef(queries)]
            for pid in q["cited_paper_ids"]:
                if pid not in r.papers:
                    continue
                ss = sentences(r.papers[pid].abstract)
                quotes = [e["quote"][:60] for e in q["evidence"] if e["paper_id"] == pid]
                gold = {x.id for x in ss if any(qu in x.text for qu in quotes)}
                if not gold:
                    continue
                rows = r.index.rows(pid)
                vecs = [r.index.sent_vecs[rows[x.id]] for x in ss]
                orders: dict[str, list[list[int]]] = {}
                for query, qvec in zip(queries, qvecs, strict=True):
                    for name, sc in scores(r, query, ss, vecs, qvec).items():
                        orders.setdefault(name, []).append([ss[i].id for i in sorted(range(len(ss)),
                                                                                     key=lambda i: -sc[i])])
                n += 1
                for name, per in orders.items():
                    st = stats.setdefault(name, {"top1_any": 0.0, "cov1": 0.0, "cov2": 0.0, "cov3": 0.0})
                    st["top1_any"] += bool({o[0] for o in per} & gold)
                    for m in (1, 2, 3):
                        st[f"cov{m}"] += len({x for o in per for x in o[:m]} & gold) / len(gold)
    print(f"gold papers: {n}")
    for name, st in stats.items():
        print(f"{name:14s} " + " ".join(f"{k}={v / n:.3f}" for k, v in st.items()))


if __name__ == "__main__":
    main()
