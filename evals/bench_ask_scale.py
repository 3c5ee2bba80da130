"""What `ask` itself costs on a large store, the model taken out: a synthetic store of N papers (as
`bench_scale.py` builds it: bundled sentences recombined, with their real vectors) and a SYNTHETIC stub model on
127.0.0.1 that answers at once (plan as given, the judge picks the first sentence shown, the choice the first
candidate). Prints wall seconds and model calls per question kind: retrieval, the checks, store reads and the HTTP
round trips, nothing of a model's time; then `review --topic` with built-in columns (no model call). Rerun:

    python evals/bench_ask_scale.py --papers 10000 [--keep DIR]

`--keep DIR` uses (or builds and keeps) `bench_scale.py --keep DIR`'s store of N papers.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))
sys.path.insert(0, str(ROOT / "tests"))

import bench_scale  # noqa: E402
from stub_server import StubServer  # noqa: E402

from agent.library import Library  # noqa: E402
from agent.llm import LLM  # noqa: E402
from agent.qa import ask  # noqa: E402
from agent.retrieve import Retriever  # noqa: E402
from agent.settings import Settings  # noqa: E402
from agent.store import Store  # noqa: E402

QUESTIONS = [("one", "What accuracy does the merged model reach on GLUE?"),
             ("list", "Which papers use graph neural networks?"),
             ("list", "Which papers report a speedup above 10x?"),
             ("compare", "How does HumanEval Pro differ from CodeElo?")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, default=10000)
    ap.add_argument("--keep", type=Path, help="the store of `bench_scale.py --keep DIR` (built there if missing)")
    args = ap.parse_args()
    home = bench_scale.home_for(args.keep, args.papers)
    try:
        settings = Settings(home=home, cassette_mode="off", structured_mode="json_schema", openai_api_key=None,
                            model=None)
        bench_scale.ensure_built(settings, args.papers, bench_scale.pool(), args.keep)
        store = Store(settings)
        retriever = Retriever(store)
        kind = "one"

        def model(body: dict[str, Any]) -> dict[str, Any]:
            system = body["messages"][0]["content"]
            if "what kind of answer" in system:
                return {"kind": kind, "parts": []}
            if "pick the evidence" in system:
                return {"best": "C1"}
            if "sort papers" in system:  # the list's fit check
                return {"fits": "yes"}
            return {"sentence": "S1", "answer": ""}

        for kind, question in QUESTIONS:
            with StubServer([], default=model) as srv:
                settings.openai_base_url = srv.url
                t = time.perf_counter()
                ask(question, store, LLM(settings), retriever=retriever)
                wall = time.perf_counter() - t
            print(f"{args.papers} {kind:8} {wall:6.2f} s {len(srv.requests):3d} calls  {question}", flush=True)
        t = time.perf_counter()
        table = Library(settings=settings).review("title,claims,results", topic="graph neural networks", k=10)
        print(f"{args.papers} review   {time.perf_counter() - t:6.2f} s   0 calls  --topic 'graph neural networks', "
              f"{len(table.rows)} papers x 3 built-in columns", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
