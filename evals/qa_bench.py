"""Seconds per question of `litagent ask`, and where they go. Rerun:

    python evals/qa_bench.py --dataset evals/own [--limit N] [--mode live|record|replay]

`live` calls the model (the embedded llama-server is started on demand; idle machine for honest figures) with a
fresh memo and writes nothing; `replay` reads the recordings, so its prompt/generation split is the one measured when
they were recorded. Prints per question: wall seconds, model calls, prompt and generated tokens, the server's prompt
and generation time, and our own overhead (wall minus the server's time), then medians and the answer scores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.evaluate import eval_store, load_dataset, qa_metrics, score_answer  # noqa: E402
from agent.llm import LLM  # noqa: E402
from agent.local import LocalServer  # noqa: E402
from agent.qa import ask  # noqa: E402
from agent.retrieve import Retriever  # noqa: E402
from agent.settings import Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", type=Path, default=ROOT / "evals" / "own")
    ap.add_argument("--mode", choices=["live", "record", "replay"], default="live")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--qids", default="")
    args = ap.parse_args()
    base = Settings()
    server = LocalServer(base) if base.embedded and args.mode != "replay" else None
    replay = base.model_copy()
    replay.cassette_mode = "replay"
    store = eval_store(replay)  # the corpus's extractions come from their recordings in every mode
    retriever = Retriever(store)
    run = base.model_copy()
    run.cassette_mode = {"live": "off", "record": "record", "replay": "replay"}[args.mode]  # type: ignore[assignment]
    run.home = Path(tempfile.mkdtemp(prefix="litagent-qabench-"))  # fresh memo: every call is real
    llm = LLM(run, server.ensure if server else None)
    qs = load_dataset(args.dataset).qa
    if args.qids:
        qs = [q for q in qs if q["qid"] in set(args.qids.split(","))]
    if args.limit:
        qs = qs[:args.limit]
    abstracts = {pid: p.abstract for pid, p in retriever.papers.items()}
    rows, items = [], []
    print(f"{'qid':8} {'kind':8} {'wall s':>7} {'calls':>5} {'p.tok':>6} {'g.tok':>6} {'prompt s':>8} {'gen s':>6} "
          f"{'ours s':>6}  ok  answer", flush=True)
    for q in qs:
        t = time.perf_counter()
        ans = ask(q["question"], store, llm, cassette_dir=run.recordings("qa"), retriever=retriever)
        wall = time.perf_counter() - t
        u = ans.usage
        server_s = (u.prompt_ms + u.generation_ms) / 1000
        sc = score_answer(q, ans.model_dump(), abstracts)
        rows.append((wall, u.prompt_ms / 1000, u.generation_ms / 1000, wall - server_s if args.mode != "replay"
                     else u.seconds - server_s, u.prompt_tokens, u.completion_tokens))
        cited = list(dict.fromkeys(c.paper_id for c in ans.citations))
        gold = set(q.get("cited_paper_ids", []))
        okset = gold | set(q.get("also_acceptable_ids", []) or [])
        items.append({"qid": q["qid"], "type": q["type"], "abstained": ans.abstained, "cited": cited,
                      "correct": sc["correct"], "wrong": sc["wrong"], "cited_ok": sum(c in okset for c in cited),
                      "gold_cited": len(gold & set(cited)), "n_gold": len(gold), "recall@5": None,
                      "recall@10": None, "key_facts": None, "calls": u.calls, "prompt_tokens": u.prompt_tokens,
                      "completion_tokens": u.completion_tokens})
        mark = "ok" if sc["correct"] else ("WR" if sc["wrong"] else "--")
        print(f"{q['qid']:8} {ans.kind:8} {wall:7.1f} {u.calls:5d} {u.prompt_tokens:6d} {u.completion_tokens:6d} "
              f"{u.prompt_ms / 1000:8.1f} {u.generation_ms / 1000:6.1f} {rows[-1][3]:6.1f}  {mark}  "
              f"{ans.answer[:90]!r}", flush=True)
    llm.close()
    if rows:
        med = [statistics.median(c) for c in zip(*rows, strict=True)]
        print(f"\nmedian per question: wall {med[0]:.1f} s = prompt {med[1]:.1f} s + generation {med[2]:.1f} s + "
              f"ours {med[3]:.1f} s; prompt tokens {med[4]:.0f}, generated tokens {med[5]:.0f}")
        for k, v in qa_metrics(items).items():
            if v is not None and not k.startswith("recall@") and k != "key_fact_overlap":
                print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
