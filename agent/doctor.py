"""Checks of the state on disk (store, memo, recordings) and the repairs that are safe to make.

The paper records are the source of truth: each holds its text and its whole extraction, so every index (sentence
vectors, the vector index) can be rebuilt from them. A store whose records cannot be read is moved
aside, never deleted; `litagent ingest` then rebuilds it (from the memo and the recordings, at no model cost for
what was extracted before). The memo only saves repeated calls: a damaged one is moved aside.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import diskcache
import numpy as np

from . import cassette
from .errors import AgentError, first_line
from .numbers import sentences
from .settings import Settings

SELF_QUERY_SAMPLE = 20  # papers whose vectors are recomputed and looked up: catches a damaged index in ~3 s
SAME_VECTOR = 0.99  # cosine of a stored vector to its recomputation; the int8 embedder reproduces itself exactly


@dataclass
class Finding:
    what: str
    ok: bool
    detail: str
    fix: str = ""  # "memo", "store", "indexes", "" (nothing litagent can repair)


def _aside(path: Path) -> Path:
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    shutil.move(str(path), str(target))
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # Chroma keeps one client per path per process: forget the moved one
    return target


def check_memo(settings: Settings) -> Finding:
    if not settings.cache_dir.exists():
        return Finding("memo", True, "none yet")
    try:
        with diskcache.Cache(str(settings.cache_dir)) as c:
            # lock files that older versions kept inside the memo folder are not damage
            problems = [w for w in c.check() if "/locks/" not in str(w.message)]
            n = len(c)
    except Exception as e:
        return Finding("memo", False, f"cannot be read ({first_line(e)})", "memo")
    if problems:
        return Finding("memo", False, f"{len(problems)} problems ({first_line(problems[0].message)})", "memo")
    return Finding("memo", True, f"{n} entries")


def check_store(settings: Settings) -> Finding:
    """Run in a child process: a damaged vector index can crash its reader outright (a segfault in Chroma's native
    code), and the check must survive that to report it."""
    if not settings.chroma_url and not settings.store_dir.exists():
        return Finding("store", True, "none yet")
    r = subprocess.run([sys.executable, "-c", "import sys; from agent.doctor import _store_child; _store_child()",
                        str(settings.home)], capture_output=True, text=True, cwd=str(Path(__file__).parent.parent))
    if r.returncode < 0 or not r.stdout.strip():
        how = f"signal {-r.returncode}" if r.returncode < 0 else first_line(RuntimeError(r.stderr or "no output"))
        return Finding("store", False, f"reading the vector index crashed ({how})", "indexes")
    found = Finding(**json.loads(r.stdout.strip().splitlines()[-1]))
    if settings.chroma_url:  # a shared server is not ours to move aside or rebuild: report only
        found.detail, found.fix = f"{found.detail} (Chroma server {settings.chroma_url})", ""
    return found


def _store_child() -> None:
    settings = Settings(home=Path(sys.argv[1]))
    print(json.dumps(asdict(_check_store(settings))))


def _check_store(settings: Settings) -> Finding:
    from .store import Store  # chromadb import is slow

    try:
        store = Store(settings)
        records = list(store.records())
    except BaseException as e:  # a malformed database surfaces as a Rust panic (a BaseException)
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        return Finding("store", False, f"records cannot be read ({first_line(e.__cause__ or e)})", "store")
    try:
        want = sum(len(sentences(p.abstract)) for p, _ in records)
        have = store.sentences.count()
        if have != want:
            return Finding("store", False, f"{len(records)} papers, but {have} sentence vectors for {want} "
                           "sentences", "indexes")
        sample = records[:SELF_QUERY_SAMPLE]
        got = store.papers.get(ids=[p.id for p, _ in sample], include=["embeddings"])
        stored = dict(zip(got["ids"], list(got["embeddings"] if got["embeddings"] is not None else []),
                          strict=True))
        for paper, _ in sample:
            # the stored vector must be the paper's (recomputed as `Store.put` makes it) and must find the paper
            vecs = np.asarray(store.ef([paper.title] + [x.text for x in sentences(paper.abstract)]))
            mean = vecs.mean(axis=0)
            if float(np.dot(mean / (np.linalg.norm(mean) or 1.0), stored[paper.id])) < SAME_VECTOR:
                return Finding("store", False, f"the stored vector of {paper.id} is not its text's", "indexes")
            top = store.papers.query(query_embeddings=[stored[paper.id]], n_results=1)["ids"][0]
            if top != [paper.id]:
                return Finding("store", False, f"the vector index does not find {paper.id} by its own vector",
                               "indexes")
    except BaseException as e:
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        return Finding("store", False, f"an index cannot be read ({first_line(e)})", "indexes")
    done = sum(1 for _, ex in records if ex is not None)
    return Finding("store", True, f"{len(records)} papers ({done} extracted), {have} sentence vectors")


def check_recordings(settings: Settings) -> Finding:
    files = sorted(settings.cassette_dir.rglob("*.yaml")) if settings.cassette_dir.exists() else []
    bad = []
    for f in files:
        try:
            cassette.verify(f)
        except AgentError as e:
            bad.append(str(e))
    if bad:
        return Finding("recordings", False, f"{len(bad)} of {len(files)} refused; first: {bad[0]}")
    return Finding("recordings", True, f"{len(files)} files, every response matches its digest")


def check(settings: Settings) -> list[Finding]:
    return [check_memo(settings), check_store(settings), check_recordings(settings)]


def repair(settings: Settings, findings: list[Finding]) -> list[str]:
    """Make the safe repairs for what `check` found; what was done, one line each."""
    done = []
    for f in findings:
        if f.ok or not f.fix:
            continue
        if f.fix == "memo":
            done.append(f"memo moved aside to {_aside(settings.cache_dir)}; it refills as calls are made")
        elif f.fix == "store":
            done.append(f"store moved aside to {_aside(settings.store_dir)}; run `litagent ingest` to rebuild it "
                        "(what was extracted before replays from the memo and the recordings)")
        elif f.fix == "indexes":
            done.append(rebuild_indexes(settings))
    return done


def rebuild_indexes(settings: Settings) -> str:
    """Every index rebuilt from the paper records: records are read first, the old store is moved aside only
    once they are all in memory, and every paper is written back (re-embedded)."""
    from .store import Store

    records = list(Store(settings).records())
    old = _aside(settings.store_dir)
    store = Store(settings)
    store.put_many([(paper, ex, "") for paper, ex in records])
    return f"indexes rebuilt from {len(records)} paper records (old store kept at {old})"
