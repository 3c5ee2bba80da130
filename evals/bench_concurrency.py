"""Extraction throughput against a served model vs concurrency: a stub OpenAI-compatible server on 127.0.0.1 that
answers every call after a fixed latency (1 s: a hosted model's typical time for one abstract), ingesting synthetic
papers (new text each run, so the memo never answers). Prints papers per second and its share of linear scaling.

    python evals/bench_concurrency.py [--latency 1.0] [--levels 1,2,4,8,16,32] [--per-worker 4] [--extraction-only]

`--extraction-only` measures the model calls alone: texts are not embedded (every vector is one constant), so the
store's indexing, which competes for the same CPU cores, is left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from stub_server import StubServer, auto_label  # noqa: E402

from agent import corpus  # noqa: E402
from agent.ingest import ingest  # noqa: E402
from agent.llm import LLM  # noqa: E402
from agent.settings import Settings  # noqa: E402
from agent.store import Store  # noqa: E402


def papers(n: int, tmp: Path) -> Path:
    f = tmp / f"{uuid.uuid4().hex}.jsonl"
    tag = uuid.uuid4().hex[:8]
    with f.open("w") as out:
        for i in range(n):
            out.write(json.dumps({"title": f"Synthetic paper {tag} {i}", "abstract": (
                f"We propose method {tag}-{i} for sparse retrieval. It is {i % 9 + 2}.5x faster than BM25 on "
                f"{i + 10},000 queries. Accuracy improves by {i % 7 + 1}.2% on MS MARCO.")}) + "\n")
    return f


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--latency", type=float, default=1.0)
    ap.add_argument("--levels", default="1,2,4,8,16,32")
    ap.add_argument("--per-worker", type=int, default=4, help="papers per concurrent call slot at each level")
    ap.add_argument("--extraction-only", action="store_true", help="no embedding: the calls alone")
    args = ap.parse_args()
    if args.extraction_only:
        import numpy as np

        from agent.embed import VectorCache

        constant = np.full(384, 384 ** -0.5, dtype=np.float32)
        VectorCache.embed = lambda self, ef, texts: [constant for _ in texts]  # type: ignore[method-assign]
    base: float | None = None
    print(f"stub latency {args.latency:.1f} s; papers = {args.per_worker} x concurrency"
          + ("; extraction only (no embedding)" if args.extraction_only else "; extraction and indexing"))
    print(f"{'concurrency':>11} {'papers':>6} {'wall s':>7} {'papers/s':>8} {'of linear':>9} {'max in flight':>13}")
    for c in (int(x) for x in args.levels.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            s = Settings(home=Path(tmp) / "home", cassette_mode="off", structured_mode="json_schema",
                         openai_api_key=None, model=None)
            n = args.per_worker * c
            ps = corpus.load([papers(n, Path(tmp))])
            with StubServer([], default=auto_label, delay_s=args.latency) as srv:
                s.openai_base_url = srv.url
                store = Store(s)
                started = time.perf_counter()
                summary = ingest(ps, s, store, LLM(s), concurrency=c)
                wall = time.perf_counter() - started
            assert summary.extracted == n and store.count() == n, summary.as_dict()
            rate = n / wall
            base = base or rate / c
            print(f"{c:>11} {n:>6} {wall:>7.2f} {rate:>8.2f} {rate / (c * base):>9.2f} {srv.max_in_flight:>13}",
                  flush=True)


if __name__ == "__main__":
    main()
