"""Write corpus/vectors.npz: the embeddings of the bundled corpus's titles and sentences, so a fresh clone's first
ingest and eval embed nothing (store.VectorCache reads it). Rerun after changing the corpus or the embedder; a text
whose vector is not in the file is simply embedded at ingest.

    python evals/ship_vectors.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent import corpus  # noqa: E402
from agent.embed import SHIPPED, ship  # noqa: E402
from agent.numbers import sentences  # noqa: E402


def main() -> None:
    texts = [t for p in corpus.load() for t in [p.title, *(s.text for s in sentences(p.abstract))]]
    started = time.perf_counter()
    path = ROOT / "corpus" / SHIPPED
    n = ship(texts, path)
    print(f"{n} vectors -> {path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
