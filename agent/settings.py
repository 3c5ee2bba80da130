"""All settings in one object, read from the environment (`OPENAI_*` as the SDK names them, ours as `LITAGENT_*`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DIR = Path(__file__).resolve().parent.parent
LOCAL_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"

CassetteMode = Literal["auto", "replay", "record", "off"]
StructuredMode = Literal["auto", "json_schema", "tools", "json"]


class QASettings(BaseModel):
    """Every number the QA loop decides with, one line each on why (env: `LITAGENT_QA__EVIDENCE_K=6`, ...)."""

    evidence_k: int = Field(3, ge=1, description="papers judged per round for one answer (or one part of a "
                            "question): the gold paper ranked in the top 2 for all 36 single-fact and numeric "
                            "questions of evals/dev and evals/own; 3 leaves a margin, and each judged paper costs "
                            "~5-7 s on the embedded model")
    list_k: int = Field(8, ge=1, description="papers judged for a 'which papers' question: the dev and own sets "
                        "have 2-6 gold papers each, and recall@10 flattens after ~8")
    max_rounds: int = Field(2, ge=1, description="retrieval rounds: a round that finds no verified evidence looks "
                            "at the next evidence_k papers once more before abstaining")
    sentences_shown: int = Field(8, ge=1, description="sentences of each abstract shown to the judge, those nearest "
                                 "the question, in text order: with 5 the gold evidence sentence was in view for 0.79 "
                                 "(dev) and 0.77 (own) of the gold papers, with 8 for 0.97 and 0.92 (median abstract: "
                                 "9 sentences); ~350 prompt tokens a paper")
    list_sentences_shown: int = Field(4, ge=1, description="the same for 'which papers' questions: whether a paper "
                                      "does what is asked shows in its nearest sentences, and 4 keeps a list_k "
                                      "round near 30 s")
    max_parts: int = Field(2, ge=1, le=4, description="parts of a question (the sides of a comparison, the facts of a "
                           "two-part question) retrieved on their own; more than two is rare and each costs a round")
    verify_single: bool = Field(True, description="run the side-by-side choice (which may say none) even when "
                                "one paper offers evidence: the per-paper judge alone says yes too readily")
    generic_name_share: float = Field(0.05, ge=0, le=1, description="a name the question uses (BLEU, CASP15) must "
                                      "be in the cited paper unless more than this share of the corpus names it: "
                                      "then it is vocabulary (LLM, RL) an answering paper may spell out")
    answer_words: int = Field(25, ge=3, description="longest answer phrase the judge may copy from a sentence")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LITAGENT_", env_nested_delimiter="__", extra="ignore")

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

    qa: QASettings = Field(default_factory=QASettings)

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
