"""The vector cache and the vectors shipped with the bundled corpus (real embedder, no model server)."""

from pathlib import Path

import numpy as np

from agent import corpus
from agent.embed import SHIPPED, MiniLMOnnx, VectorCache, ship
from agent.numbers import sentences
from agent.settings import resource_dir


class Refuses(MiniLMOnnx):
    """Fails the test if anything is embedded."""

    def __call__(self, input):  # type: ignore[no-untyped-def, override]
        raise AssertionError(f"embedded {len(input)} texts")


def test_a_text_is_embedded_once(tmp_path: Path) -> None:
    cache = VectorCache(tmp_path / "v", [])
    texts = ["Sparse retrieval with learned weights.", "A second, different sentence."]
    first = cache.embed(MiniLMOnnx(), texts)
    assert (cache.hits, cache.misses) == (0, 2)
    again = VectorCache(tmp_path / "v", []).embed(Refuses(), texts)  # another process: from the data home
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))


def test_shipped_vectors_answer_without_embedding(tmp_path: Path) -> None:
    texts = ["Sparse retrieval with learned weights."]
    ship(texts, tmp_path / SHIPPED)
    got = VectorCache(tmp_path / "v", [tmp_path / SHIPPED]).embed(Refuses(), texts)
    assert np.allclose(got[0], MiniLMOnnx()(texts)[0], atol=1e-6)


def test_the_bundled_corpus_ships_every_vector_it_needs(tmp_path: Path) -> None:
    # fails when the corpus (or the embedder) changes without rerunning evals/ship_vectors.py
    texts = [t for p in corpus.load() for t in [p.title, *(s.text for s in sentences(p.abstract))]]
    cache = VectorCache(tmp_path / "v", [resource_dir("corpus") / SHIPPED])
    vecs = cache.embed(Refuses(), texts)
    assert cache.misses == 0 and len(vecs) == len(texts)
    assert np.allclose(vecs[0], MiniLMOnnx()(texts[:1])[0], atol=1e-5)  # the same embedder made them
