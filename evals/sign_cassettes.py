"""Add the body digest (`x-litagent-sha256`) to recordings made before litagent wrote one itself.

A one-time migration, run on 2026-11-26 over the recordings as they stood in git: it adds a response header and
changes no request or response body (vcr's own loader and writer do the round trip). Recordings made since carry
the digest from the moment they are recorded (`agent/cassette.py`). Rerun:

    python evals/sign_cassettes.py cassettes/extract cassettes/review
"""

from __future__ import annotations

import sys
from pathlib import Path

from vcr.persisters.filesystem import FilesystemPersister
from vcr.serializers import yamlserializer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.cassette import DIGEST_HEADER, body_digest  # noqa: E402


def sign(path: Path) -> int:
    requests, responses = FilesystemPersister.load_cassette(str(path), serializer=yamlserializer)
    added = 0
    for r in responses:
        headers = r.setdefault("headers", {})
        if DIGEST_HEADER not in headers:
            headers[DIGEST_HEADER] = [body_digest(r["body"])]
            added += 1
    if added:
        FilesystemPersister.save_cassette(str(path), {"requests": requests, "responses": responses},
                                          serializer=yamlserializer)
    return added


def main() -> None:
    files = [f for d in sys.argv[1:] for f in sorted(Path(d).glob("*.yaml"))]
    added = sum(sign(f) for f in files)
    print(f"{len(files)} recordings, {added} responses signed")


if __name__ == "__main__":
    main()
