"""The store, search and ask against embedded Chroma and against a real Chroma server (`chroma run` on 127.0.0.1).
The model is a SYNTHETIC stub on 127.0.0.1 (plumbing, not quality)."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from stub_server import StubServer, auto_label
from test_qa import Scripted

from agent import corpus
from agent.errors import StoreUnavailable, UsageError
from agent.ingest import ingest
from agent.llm import LLM
from agent.qa import ask
from agent.retrieve import Retriever
from agent.settings import Settings
from agent.store import Store


def _papers(path: Path, first: int, n: int) -> Path:
    with path.open("w") as out:
        for i in range(first, first + n):
            out.write(json.dumps({"title": f"Sketching method {i} for topic {i}",
                                  "abstract": f"We study sketching for topic {i}. It is {i + 2}.5x faster "
                                  f"on {i + 10},000 images."}) + "\n")
    return path


@pytest.fixture(params=["embedded", "server"])
def backend(request, settings: Settings) -> Settings:  # type: ignore[no-untyped-def]
    if request.param == "server":
        settings.chroma_url = request.getfixturevalue("chroma_server")
    return settings


def _fresh(store: Store) -> None:
    """The server outlives each test: start from empty collections."""
    for name in ("papers", "sentences"):
        store.client.delete_collection(name)


def test_ingest_search_and_rerun_on_either_backend(backend: Settings, tmp_path: Path) -> None:
    papers = corpus.load([_papers(tmp_path / "a.jsonl", 0, 6)])
    with StubServer([], default=auto_label) as srv:
        backend.openai_base_url = srv.url
        _fresh(Store(backend))
        first = ingest(papers, backend, Store(backend), LLM(backend))
        again = ingest(papers, backend, Store(backend), LLM(backend))
    assert first.extracted == 6 and again.extracted == 0 and again.skipped == 6 and len(srv.requests) == 6
    store = Store(backend)
    assert store.count() == 6 and [p.id for p, _ in store.records()] == sorted(
        (p.id for p in papers), key=lambda pid: next(p.title.lower() for p in papers if p.id == pid))
    hits = Retriever(store).search("sketching for topic 3", k=3)
    assert hits[0].paper.title == "Sketching method 3 for topic 3"
    model = Scripted("one", picks={"method 3 ": ("5.5x", "5.5x faster")})
    with StubServer([], default=model) as srv:
        backend.openai_base_url = srv.url
        ans = ask("How much faster is sketching method 3?", store, LLM(backend))
    assert not ans.abstained and ans.citations[0].title == "Sketching method 3 for topic 3"
    assert "It is 5.5x faster on 13,000 images." in [c.quote for c in ans.citations]
    # server mode writes no local store
    assert (backend.store_dir.exists()) is (backend.chroma_url is None)


def test_reads_are_paged(backend: Settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("agent.store.PAGE_ROWS", 4)  # 5 papers, 10 sentences: several pages each
    papers = corpus.load([_papers(tmp_path / "a.jsonl", 0, 5)])
    with StubServer([], default=auto_label) as srv:
        backend.openai_base_url = srv.url
        _fresh(Store(backend))
        ingest(papers, backend, Store(backend), LLM(backend))
    store = Store(backend)
    assert len(list(store.records())) == 5
    ix = Retriever(store).index
    keys = [ix.key(i) for i in range(len(ix.sent_paper))]
    assert sorted(ix.paper_ids) == sorted(p.id for p in papers) and ix.paper_vecs.shape[0] == 5
    assert len(keys) == len(set(keys)) == 10 and ix.sent_vecs.shape == (10, ix.paper_vecs.shape[1])


def test_two_ingest_processes_share_one_server(chroma_server: str, tmp_path: Path) -> None:
    a, b = _papers(tmp_path / "a.jsonl", 0, 8), _papers(tmp_path / "b.jsonl", 4, 8)  # papers 4-7 in both
    env = {**os.environ, "LITAGENT_STRUCTURED_MODE": "json_schema", "LITAGENT_CASSETTE_MODE": "off",
           "OPENAI_API_KEY": "test-key-not-secret", "LITAGENT_CHROMA_URL": chroma_server}
    _fresh(Store(Settings(home=tmp_path / "x", chroma_url=chroma_server)))
    with StubServer([], default=auto_label, delay_s=0.05) as srv:
        env["OPENAI_BASE_URL"] = srv.url
        procs = [subprocess.Popen([sys.executable, "-m", "agent.cli", "ingest", str(f), "--json"],
                                  env={**env, "LITAGENT_HOME": str(tmp_path / name)}, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for name, f in (("h1", a), ("h2", b))]
        outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    store = Store(Settings(home=tmp_path / "x", chroma_url=chroma_server))
    records = list(store.records())
    assert len(records) == store.count() == 12 and all(ex is not None for _, ex in records)  # each paper once
    sids = [i for page in [store.sentences.get()] for i in page["ids"]]
    assert len(sids) == len(set(sids)) == 24  # two sentences a paper, none twice


def test_a_server_that_does_not_answer_is_a_clear_error(settings: Settings) -> None:
    with socket.socket() as s:  # a port on 127.0.0.1 that nothing listens on
        s.bind(("127.0.0.1", 0))
        settings.chroma_url = f"http://127.0.0.1:{s.getsockname()[1]}"
        with pytest.raises(StoreUnavailable, match="no Chroma server answers"):
            Store(settings)
    settings.chroma_url = "localhost:8000"
    with pytest.raises(UsageError, match="http://HOST:PORT"):
        Store(settings)


def test_the_search_index_is_kept_until_the_store_changes(settings: Settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from agent.index import SearchIndex
    builds = []
    real = SearchIndex.build.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(SearchIndex, "build", classmethod(lambda cls, *a: builds.append(1) or real(cls, *a)))
    papers = corpus.load([_papers(tmp_path / "a.jsonl", 0, 5)])
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        ingest(papers, settings, Store(settings), LLM(settings))
        first = [h.paper.id for h in Retriever(Store(settings)).search("sketching for topic 2", k=5)]
        again = [h.paper.id for h in Retriever(Store(settings)).search("sketching for topic 2", k=5)]
        assert len(builds) == 1 and first == again  # the second process maps the saved index, same ranking
        assert len(list(settings.home.joinpath("index").iterdir())) == 1
        ingest(corpus.load([_papers(tmp_path / "b.jsonl", 5, 1)]), settings, Store(settings), LLM(settings))
        hits = Retriever(Store(settings)).search("sketching for topic 5", k=1)
    assert len(builds) == 2 and hits[0].paper.title == "Sketching method 5 for topic 5"  # a write: a new index
    assert len(list(settings.home.joinpath("index").iterdir())) == 1  # the old one is gone
    # an index that cannot be read is rebuilt, not an error
    folder = next(settings.home.joinpath("index").iterdir())
    (folder / "meta.json").write_text("{not json")
    assert Retriever(Store(settings)).search("sketching for topic 5", k=1)[0].paper.id == hits[0].paper.id
    assert len(builds) == 3


def test_a_search_reads_only_the_papers_it_returns(settings: Settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    papers = corpus.load([_papers(tmp_path / "a.jsonl", 0, 6)])
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        ingest(papers, settings, Store(settings), LLM(settings))
    Retriever(Store(settings))  # builds and saves the index
    store = Store(settings)
    read: list[str] = []
    real = store.papers_by_id
    monkeypatch.setattr(store, "records", lambda: (_ for _ in ()).throw(AssertionError("every record read")))
    monkeypatch.setattr(store, "papers_by_id", lambda ids: read.extend(ids) or real(ids))
    r = Retriever(store)
    assert len(r.ids) == 6 and not r.unextracted and read == []
    hits = r.search("sketching for topic 4", k=2)
    assert hits[0].paper.title == "Sketching method 4 for topic 4" and sorted(read) == sorted(h.paper.id for h in hits)
    assert [p.id for p in r.papers.values()] == r.ids  # the whole corpus on demand, a page at a time
