"""What indexing your own papers costs: N synthetic abstracts of new text through `litagent ingest FILE --index-only`
(no model call), in a fresh data home. Rerun:

    python evals/bench_index.py --papers 1000 10000

Each synthetic abstract has as many sentences as a bundled abstract drawn at random, each sentence drawn from the
bundled corpus with every number in it drawn anew and one of its words swapped for a word of another sentence, so
no text is in the shipped vectors or the vector cache: every sentence is embedded, as for a real export. Prints
papers, sentences, wall seconds of the ingest (a fresh CLI process), papers per second, and the store's size.
Figures, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent import corpus  # noqa: E402
from agent.numbers import sentences  # noqa: E402

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def synthetic(n: int, seed: int, path: Path) -> int:
    """Write n abstracts of new text to `path` (JSONL); returns the number of sentences."""
    rng = random.Random(seed)
    papers = corpus.load()
    counts = [len(sentences(p.abstract)) for p in papers]
    pool = [s.text for p in papers for s in sentences(p.abstract)]

    vocabulary = sorted({w for s in pool for w in s.split() if w.isalpha()})

    def renew(text: str) -> str:
        words = _NUMBER.sub(lambda m: f"{rng.uniform(0, 100):.{2 if '.' in m.group() else 0}f}", text).split()
        words[rng.randrange(max(1, len(words) - 1))] = rng.choice(vocabulary)  # not the last: it ends the sentence
        return " ".join(words)

    total = 0
    with path.open("w") as f:
        for i in range(n):
            picked = [renew(s) for s in rng.sample(pool, rng.choice(counts))]
            total += len(picked)
            title = f"Synthetic study {i} of " + " ".join(picked[0].split()[:6])
            f.write(json.dumps({"id": f"syn-{seed}-{i}", "title": title, "abstract": " ".join(picked)}) + "\n")
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, nargs="+", default=[1000])
    ap.add_argument("--keep", action="store_true", help="leave the data homes in place (their paths are printed)")
    args = ap.parse_args()
    print(f"{'papers':>7} {'sentences':>9} {'ingest s':>8} {'papers/s':>8} {'store MB':>8}", flush=True)
    for n in args.papers:
        home = Path(tempfile.mkdtemp(prefix="litagent-index-"))
        data = home / "papers.jsonl"
        sents = synthetic(n, n, data)
        env = {**os.environ, "LITAGENT_HOME": str(home / "home")}
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "agent.cli", "ingest", str(data), "--index-only"], env=env,
                             capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - t
        if out.returncode != 0:
            sys.exit(out.stderr[-800:])
        disk = sum(f.stat().st_size for f in (home / "home").rglob("*") if f.is_file()) / 2**20
        print(f"{n:7d} {sents:9d} {wall:8.1f} {n / wall:8.1f} {disk:8.0f}" + (f"  {home}" if args.keep else ""),
              flush=True)
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
