"""Shared fixtures. No test touches the network: sockets are blocked except to 127.0.0.1 (see pyproject addopts),
model traffic is replayed from cassettes or served by a labelled stub on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", cassette_mode="off", structured_mode="json_schema", retry_wait_s=0.01,
                    timeout_s=30, openai_api_key=None, openai_base_url=None, model=None)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LITAGENT_HOME", "LITAGENT_MODEL", "LITAGENT_CASSETTE_MODE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def replay_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data home for the tests that replay the whole recorded corpus (its eval store is built once)."""
    return tmp_path_factory.mktemp("replay-home")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server (`chroma run`, installed with chromadb) on 127.0.0.1, for the store in server mode."""
    exe = Path(sys.executable).parent / "chroma"
    assert exe.exists(), f"chromadb's `chroma` command is missing beside {sys.executable}"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("chroma") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(exe), "run", "--path", str(log.parent / "data"), "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
