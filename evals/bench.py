"""Benchmarks that print figures (no timed tests). Rerun: python evals/bench.py [--runs 5]

- replay ingest of the bundled corpus into an empty store (cassettes, no model)
- re-ingest of the same corpus (everything already done: 0 model calls)
- `litagent eval --replay` of the dev suite, warm eval store
- retrieval latency of `search` over the dev questions
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {out.stderr[-500:]}")
    return time.perf_counter() - t, out.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    cli = [sys.executable, "-m", "agent.cli"]
    fresh, reingest, evals = [], [], []
    for _ in range(args.runs):
        home = tempfile.mkdtemp(prefix="litagent-bench-")
        env = {**os.environ, "LITAGENT_HOME": home, "LITAGENT_CASSETTE_MODE": "replay"}
        s, out = timed(cli + ["ingest", "--json"], env)
        fresh.append(s)
        summary = json.loads(out)
        s, out = timed(cli + ["ingest", "--json"], env)
        reingest.append(s)
        assert json.loads(out)["usage"]["calls"] == 0
        timed(cli + ["eval", "--json"], env)  # builds the eval store once
        s, _ = timed(cli + ["eval", "--json"], env)
        evals.append(s)
    print(f"papers {summary['papers']}, results {summary['numeric_results']}, claims {summary['claims']}")
    for name, xs in (("replay ingest, empty store", fresh), ("re-ingest, all done", reingest),
                     ("eval --replay (all suites, warm store)", evals)):
        print(f"{name:<42} median {statistics.median(xs):6.2f} s  (runs: {', '.join(f'{x:.2f}' for x in xs)})")

    sys.path.insert(0, str(ROOT))
    os.environ["LITAGENT_HOME"] = home
    from agent.retrieve import Retriever
    from agent.settings import Settings
    from agent.store import Store

    r = Retriever(Store(Settings()))
    qs = [json.loads(line)["question"] for line in (ROOT / "evals/dev/qa.jsonl").read_text().splitlines()
          if line.strip()]
    r.search(qs[0])
    lat = []
    for q in qs * 3:
        r.search(q, k=10)
        lat.append(r.last_ms)
    lat.sort()
    print(f"retrieval latency over {len(lat)} queries: p50 {statistics.median(lat):.1f} ms, "
          f"p95 {lat[int(0.95 * (len(lat) - 1))]:.1f} ms")


if __name__ == "__main__":
    main()
