"""What the two-stage sentence scan of a large index (`SearchIndex.nearest_sentences`) costs and loses. Rerun:

    python evals/bench_sentence_scan.py --rows 800000 --family noise mix

No store is built: N synthetic sentence vectors are made from the shipped vectors of the bundled corpus, either each
a shipped vector plus Gaussian noise (near-duplicates: the hard case for a reduced copy) or a random mix of three
(spread across the space). The queries are the real questions of evals/dev, probe5 and probe6, embedded with the
model litagent uses. For each candidate factor it prints, over the questions, the share of the exact top-k that the
two-stage scan also returns (median, 10th percentile, minimum) and the median milliseconds of each scan. Figures, not
a timed test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.embed import MiniLMOnnx  # noqa: E402
from agent.index import REDUCED_DIMS, reduce, top  # noqa: E402

SETS = ("dev", "probe5", "probe6")
NOISE = 0.05  # per dimension: near-duplicates of a unit vector (384 dims: the noise's norm is ~1)


def rows(base: np.ndarray, n: int, family: str, rng: np.random.Generator) -> np.ndarray:
    if family == "noise":
        x = base[rng.integers(0, len(base), n)] + rng.normal(0, NOISE, (n, base.shape[1])).astype(np.float32)
    else:
        w = rng.dirichlet([1, 1, 1], n).astype(np.float32)
        x = sum(w[:, j:j + 1] * base[rng.integers(0, len(base), n)] for j in range(3))
    return np.asarray(x / np.linalg.norm(x, axis=1, keepdims=True), dtype=np.float32)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=800_000)
    ap.add_argument("--family", nargs="+", default=["noise", "mix"], choices=["noise", "mix"])
    ap.add_argument("--k", type=int, default=90, help="sentences wanted: retrieval asks for depth x 3 (30 x 3)")
    ap.add_argument("--factors", type=int, nargs="+", default=[20, 50, 100])
    args = ap.parse_args()
    base = np.load(ROOT / "corpus" / "vectors.npz")["vecs"].astype(np.float32)
    questions = [json.loads(line)["question"] for s in SETS
                 for line in (ROOT / "evals" / s / "qa.jsonl").read_text().splitlines() if line.strip()]
    queries = np.array(MiniLMOnnx()(questions), dtype=np.float32)
    print(f"{'family':6} {'rows':>8} {'factor':>6} {'kept med':>8} {'p10':>6} {'min':>6} {'exact ms':>8} "
          f"{'two ms':>6}  (reduce: {REDUCED_DIMS} dims)")
    for family in args.family:
        x = rows(base, args.rows, family, np.random.default_rng(0))
        t = time.perf_counter()
        basis, low = reduce(x)
        print(f"{family}: reduced copy built in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        for f in args.factors:
            kept, exact_ms, two_ms = [], [], []
            for q in queries:
                t = time.perf_counter()
                exact = top(x @ q, args.k)
                exact_ms.append(1000 * (time.perf_counter() - t))
                t = time.perf_counter()
                cand = np.sort(np.array(top(low @ (q @ basis), args.k * f), dtype=np.int64))
                two = [int(cand[i]) for i in top(x[cand] @ q, args.k)]
                two_ms.append(1000 * (time.perf_counter() - t))
                kept.append(len(set(exact) & set(two)) / args.k)
            print(f"{family:6} {args.rows:8} {f:6} {statistics.median(kept):8.3f} "
                  f"{float(np.percentile(kept, 10)):6.3f} {min(kept):6.3f} {statistics.median(exact_ms):8.1f} "
                  f"{statistics.median(two_ms):6.1f}")


if __name__ == "__main__":
    main()
