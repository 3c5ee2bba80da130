"""Shared fixtures. No test touches the network: sockets are blocked except to 127.0.0.1 (see pyproject addopts),
model traffic is replayed from cassettes or served by a labelled stub on 127.0.0.1."""

from __future__ import annotations

import sys
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
