"""All settings in one object, read from the environment (`OPENAI_*` as the SDK names them, ours as `LITAGENT_*`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DIR = Path(__file__).resolve().parent.parent
LOCAL_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"

CassetteMode = Literal["auto", "replay", "record", "off"]
StructuredMode = Literal["auto", "json_schema", "tools", "json"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LITAGENT_", extra="ignore")

    openai_api_key: str | None = Field(None, validation_alias=AliasChoices("OPENAI_API_KEY", "LITAGENT_OPENAI_API_KEY"))
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("OPENAI_BASE_URL", "LITAGENT_OPENAI_BASE_URL"),
        description="any OpenAI-compatible endpoint; unset (and no key) means the embedded local model",
    )
    model: str | None = Field(None, description="model name; default: the embedded model, or gpt-4o-mini with a key")

    home: Path = Field(Path.home() / ".litagent", description="data home: store, cache, logs, assembled model")
    cassette_dir: Path = REPO_DIR / "cassettes"
    cassette_mode: CassetteMode = Field(
        "auto", description="auto: replay a recording when one matches, else call the model; "
        "replay: recordings only (a miss is an error); record: replay, and record what is missing; off: ignore them",
    )
    structured_mode: StructuredMode = "auto"

    timeout_s: float = Field(600.0, description="per request; a CPU model needs minutes for long outputs")
    max_retries: int = Field(4, description="network retries (429/5xx/timeouts/connection), exponential backoff")
    retry_wait_s: float = Field(1.0, description="base of the exponential backoff between network retries")
    max_reasks: int = Field(2, description="re-asks when the output fails validation")
    max_tokens: int = 1200
    temperature: float = 0.0
    context_tokens: int = Field(4096, description="context window of the model (the local server is started with it)")

    local_port: int = 8765
    local_threads: int = 2
    model_file: Path | None = Field(None, description="a GGUF file to serve instead of the packaged model")
    llama_server: Path | None = Field(None, description="path to a llama-server binary")

    @property
    def embedded(self) -> bool:
        return not self.openai_base_url and not self.openai_api_key

    @property
    def base_url(self) -> str:
        if self.openai_base_url:
            return self.openai_base_url.rstrip("/")
        if self.openai_api_key:
            return "https://api.openai.com/v1"
        return f"http://127.0.0.1:{self.local_port}/v1"

    @property
    def model_name(self) -> str:
        if self.model:
            return self.model
        return LOCAL_MODEL_NAME if self.embedded else "gpt-4o-mini"

    @property
    def store_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"
