"""How search scales with the store: synthetic stores of N papers, embedded Chroma or a Chroma server. Rerun:

    python evals/bench_scale.py --papers 1000 10000 [--server] [--queries 20]

Each synthetic paper is 8 sentences drawn at random from the bundled corpus, with the sentence vectors shipped beside
it (corpus/vectors.npz), written straight into the store's collections (no embedding, no model): the vectors are
real, the papers are recombinations. Prints, per size: write time, store size on disk (before the index), the
first `litagent search` (it builds the search index) and later ones as fresh CLI calls (wall, peak memory of that
process), and in one warm process the first search (it maps the index) and then search p50/p95 over the dev
questions. Figures, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent import corpus  # noqa: E402
from agent.embed import SHIPPED, MiniLMOnnx, vector_key  # noqa: E402
from agent.numbers import sentences  # noqa: E402
from agent.retrieve import Retriever  # noqa: E402
from agent.settings import Settings  # noqa: E402
from agent.store import MAX_WRITE, Store  # noqa: E402

SENTENCES_A_PAPER = 8


def pool() -> list[tuple[str, np.ndarray]]:
    """The bundled corpus's sentences with their shipped vectors."""
    with np.load(ROOT / "corpus" / SHIPPED) as z:
        vecs = dict(zip((k.decode() for k in z["keys"]), z["vecs"], strict=True))
    out = []
    for p in corpus.load():
        for s in sentences(p.abstract):
            key = vector_key(MiniLMOnnx.name(), s.text)
            if key in vecs and s.text.endswith("."):
                out.append((s.text, vecs[key]))
    return out


def build(settings: Settings, n: int, sents: list[tuple[str, np.ndarray]]) -> float:
    store = Store(settings)
    rng = random.Random(n)
    t = time.perf_counter()
    rows: dict[str, dict[str, list]] = {c: {"ids": [], "documents": [], "embeddings": [], "metadatas": []}
                                        for c in ("sentences", "papers")}

    def flush() -> None:
        for c in ("sentences", "papers"):
            b = rows[c]
            for at in range(0, len(b["ids"]), MAX_WRITE):
                getattr(store, c).upsert(**{k: v[at:at + MAX_WRITE] for k, v in b.items()})
            for v in b.values():
                v.clear()

    for i in range(n):
        picked = rng.sample(sents, SENTENCES_A_PAPER)
        title = f"Synthetic paper {i}: " + " ".join(picked[0][0].split()[:6])
        abstract = " ".join(t for t, _ in picked)
        pid = f"p-syn{i:07d}"
        for s, (_, v) in zip(sentences(abstract), picked, strict=False):
            for k, val in (("ids", f"{pid}:s{s.id}"), ("documents", s.text), ("embeddings", v),
                           ("metadatas", {"paper_id": pid, "sid": s.id, "start": s.start, "end": s.end})):
                rows["sentences"][k].append(val)
        mean = np.mean([v for _, v in picked], axis=0)
        unit = mean / np.linalg.norm(mean)
        for k, val in (("ids", pid), ("documents", title + "\n\n" + abstract), ("embeddings", unit),
                       ("metadatas", {"title": title, "abstract": abstract, "sources": "", "doi": "", "arxiv": "",
                                      "text_hash": "", "extracted": False, "error": "synthetic", "prompt_version": "",
                                      "extraction": ""})):
            rows["papers"][k].append(val)
        if len(rows["sentences"]["ids"]) >= MAX_WRITE:
            flush()
    flush()
    return time.perf_counter() - t


def home_for(keep: Path | None, n: int) -> Path:
    """The store's folder: `keep/N` (kept between runs) or a fresh temporary one."""
    home = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix="litagent-scale-"))
    home.mkdir(parents=True, exist_ok=True)
    return home


def ensure_built(settings: Settings, n: int, sents: list[tuple[str, np.ndarray]], keep: Path | None) -> float:
    """Write the synthetic store of n papers into settings.home, unless a kept one is already there (its marker
    file); the seconds the write took, 0 when nothing was written."""
    marker = settings.home / "built"
    if keep is not None and marker.exists():
        return 0.0
    seconds = build(settings, n, sents)
    if keep is not None:
        marker.touch()
    return seconds


def fresh_cli(env: dict[str, str], query: str) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one `litagent search` process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            f"r = subprocess.run([sys.executable, '-m', 'agent.cli', 'search', {query!r}, '--json'], "
            "capture_output=True); w = time.perf_counter() - t; "
            "assert r.returncode == 0, r.stderr.decode()[-400:]; "
            "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(out.stderr[-800:])
    wall, mb = out.stdout.split()
    return float(wall), float(mb)


def start_server(path: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path", str(path), "--host",
                             "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)
    return proc, f"http://127.0.0.1:{port}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--server", action="store_true", help="a Chroma server (`chroma run`) instead of embedded")
    ap.add_argument("--queries", type=int, default=20)
    ap.add_argument("--keep", type=Path, help="build the store in this folder (N papers under it) and keep it; a "
                    "store already there is measured again without being rebuilt (a 10^5 build takes ~15 min; its "
                    "'write' is then 0 and its 'build' a fresh call on the index already built)")
    args = ap.parse_args()
    sents = pool()
    questions = [json.loads(x)["question"] for x in (ROOT / "evals" / "dev" / "qa.jsonl").open()][:args.queries]
    print(f"{'papers':>7} {'sentences':>9} {'mode':8} {'write s':>7} {'store MB':>8} {'build s':>7} {'build MB':>8} "
          f"{'cli s':>6} {'cli MB':>7} {'first s':>7} {'p50 ms':>7} {'p95 ms':>7}", flush=True)
    for n in args.papers:
        home = home_for(args.keep, n)
        settings = Settings(home=home)
        env = {**os.environ, "LITAGENT_HOME": str(home)}
        proc = None
        if args.server:
            proc, url = start_server(home / "server")
            settings.chroma_url = env["LITAGENT_CHROMA_URL"] = url
        try:
            write_s = ensure_built(settings, n, sents, args.keep)
            disk = sum(f.stat().st_size for f in home.rglob("*") if f.is_file()) / 2**20
            build_s, build_mb = fresh_cli(env, questions[0])  # the first search builds the index
            runs = [fresh_cli(env, q) for q in questions[1:4]]
            cli_s, cli_mb = statistics.median(w for w, _ in runs), max(m for _, m in runs)
            store = Store(settings)
            t = time.perf_counter()
            r = Retriever(store)
            r.search(questions[0], k=10)
            first = time.perf_counter() - t
            times = []
            for q in questions:
                t = time.perf_counter()
                r.search(q, k=10)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"{n:7d} {n * SENTENCES_A_PAPER:9d} {'server' if args.server else 'embedded':8} {write_s:7.1f} "
                  f"{disk:8.0f} {build_s:7.1f} {build_mb:8.0f} {cli_s:6.1f} {cli_mb:7.0f} {first:7.2f} "
                  f"{statistics.median(times):7.1f} {p95:7.1f}",
                  flush=True)
        finally:
            if proc:
                proc.terminate()
                proc.wait()
            if not args.keep:
                shutil.rmtree(home, ignore_errors=True)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
