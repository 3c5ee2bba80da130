"""Process-level locks: an OS file lock, unlike a lock kept in a cache or a database, dies with its process, so a
`kill -9` never leaves a rerun waiting."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from .settings import Settings


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing) while the block runs; others wait."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def store_writer(settings: Settings) -> AbstractContextManager[None]:
    """One process at a time opens an embedded store to write it. Chroma's local store is not safe for writers in
    several processes: three `litagent eval` building the eval store at once (measured) left one failing with Chroma's
    "Error finding id" and, another time, one waiting forever. The lock is taken before the store is opened, so the
    next writer opens it with the first one's writes in place (and finds its papers done). A Chroma server orders
    writes itself: no lock."""
    return nullcontext() if settings.chroma_url else file_lock(settings.home / "locks" / "store-writer.lock")
