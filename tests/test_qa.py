"""QA logic: retrieval, citation building and checking, abstention. The model is a SYNTHETIC stub (scripted
answers, to test what code does with good and bad model output); real answers are replayed in test_qa_replay."""

import json
from pathlib import Path

import pytest

from agent import corpus
from agent.ingest import ingest
from agent.llm import LLM
from agent.qa import ask, entities, is_multi
from agent.retrieve import Retriever
from agent.store import Store
from stub_server import StubServer, auto_label

PAPERS = [
    ("Merging Fine-Tuned Models by Weight Averaging", "We propose WAvg, a method to merge several fine-tuned "
     "models into one. WAvg improves accuracy by 3.2% on GLUE. It needs no extra training."),
    ("Fast Clustering with Sketches", "We present SketchKM, a faster k-means variant. It runs 12x faster than "
     "Lloyd's algorithm on ImageNet features. Quality drops by 0.5%."),
    ("Protein Folding with Diffusion", "We fold proteins with a diffusion model. It reaches 0.9 TM-score on CAMEO."),
]


@pytest.fixture
def store(settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    f = tmp_path / "p.jsonl"
    f.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in PAPERS))
    with StubServer([], default=auto_label) as srv:
        settings.openai_base_url = srv.url
        s = Store(settings)
        ingest(corpus.load([f]), settings, s, LLM(settings))
    return s


def _ask(settings, store, question: str, reply: dict, k: int = 3):  # type: ignore[no-untyped-def]
    with StubServer([reply]) as srv:
        settings.openai_base_url = srv.url
        ans = ask(question, store, LLM(settings), k=k)
        prompt = srv.requests[0]["messages"][1]["content"] if srv.requests else ""
    return ans, prompt


def test_dense_retrieval_finds_a_paper_sharing_no_title_words(store) -> None:  # type: ignore[no-untyped-def]
    hits = Retriever(store).search("combining the weights of several finetuned networks", k=3)
    assert hits[0].paper.title.startswith("Merging")


def test_answer_citations_are_built_from_chosen_sentence_ids(settings, store) -> None:  # type: ignore[no-untyped-def]
    q = "How much does weight averaging of fine-tuned models improve accuracy on GLUE?"
    ans, prompt = _ask(settings, store, q, lambda body: {
        "papers": {"P1": True, "P2": False, "P3": False},
        "answer": [{"text": "It improves accuracy by 3.2% on GLUE.", "evidence": ["P1.S1"]}]})
    assert "P1.S1: WAvg improves accuracy by 3.2% on GLUE." in prompt
    assert not ans.abstained
    assert ans.answer == "It improves accuracy by 3.2% on GLUE. [1]"
    [c] = ans.citations
    abstract = PAPERS[0][1]
    assert c.quote == "WAvg improves accuracy by 3.2% on GLUE." and abstract[c.start:c.end] == c.quote


def test_sentence_with_a_number_not_in_its_evidence_is_dropped(settings, store) -> None:  # type: ignore[no-untyped-def]
    q = "How much does weight averaging of fine-tuned models improve accuracy on GLUE?"
    ans, _ = _ask(settings, store, q, lambda body: {
        "papers": {"P1": True, "P2": False, "P3": False},
        "answer": [{"text": "It improves accuracy by 12.5%.", "evidence": ["P1.S1"]},
                   {"text": "It needs no extra training.", "evidence": ["P1.S2"]}]})
    assert ans.answer == "It needs no extra training. [1]"
    assert any("12.5%" in d for d in ans.dropped)


def test_no_supported_sentence_means_abstention_with_closest_papers(settings, store) -> None:  # type: ignore[no-untyped-def]
    ans, _ = _ask(settings, store, "What is the boiling point of water on Mars?",
                  lambda body: {"papers": {"P1": False, "P2": False, "P3": False}, "answer": []})
    assert ans.abstained and "does not answer" in ans.answer
    assert ans.citations == [] and len(ans.closest) == 3


def test_a_name_absent_from_every_cited_paper_forces_abstention(settings, store) -> None:  # type: ignore[no-untyped-def]
    q = "What BLEU score does WAvg reach on WMT14?"
    ans, _ = _ask(settings, store, q, lambda body: {
        "papers": {"P1": True, "P2": False, "P3": False},
        "answer": [{"text": "WAvg improves accuracy.", "evidence": ["P1.S1"]}]})
    assert ans.abstained and "BLEU" in ans.answer and "WMT14" in ans.answer


def test_multi_paper_answer_lists_each_relevant_paper_with_a_quote(settings, store) -> None:  # type: ignore[no-untyped-def]
    def reply(body):  # type: ignore[no-untyped-def]
        props = body["response_format"]["json_schema"]["schema"]["$defs"]["Papers"]["properties"]
        content = body["messages"][1]["content"]
        marks = {}
        for key in props:
            line = next(l for l in content.splitlines() if l.startswith(f"[{key}]"))
            marks[key] = "Clustering" in line or "Merging" in line
        return {"papers": marks, "answer": []}

    ans, _ = _ask(settings, store, "Which papers propose faster or new algorithms for models or clustering?", reply)
    assert not ans.abstained
    assert {c.title for c in ans.citations} == {PAPERS[0][0], PAPERS[1][0]}
    for c in ans.citations:
        assert c.quote in dict(PAPERS)[c.title]


def test_numeric_question_is_answered_from_results_without_a_model_call(settings, store) -> None:  # type: ignore[no-untyped-def]
    with StubServer([]) as srv:
        settings.openai_base_url = srv.url
        ans = ask("Which papers report a speedup above 10x?", store, LLM(settings))
    assert srv.requests == []
    assert not ans.abstained and [c.paper_id for c in ans.citations] == [store.find("Clustering")[0].id]
    assert "12x" in ans.answer


def test_question_shape_helpers() -> None:
    assert is_multi("Which papers involve mixture-of-experts models?")
    assert not is_multi("Which algorithm extends Berlekamp-Massey?")
    assert entities("What BLEU score does STEER get on GYAFC with GPT-4o and 14B models?") == \
        ["14B", "BLEU", "GPT-4o", "GYAFC", "STEER"]


def test_search_filter_restricts_to_given_papers(store) -> None:  # type: ignore[no-untyped-def]
    r = Retriever(store)
    target = store.find("Protein")[0].id
    hits = r.search("merging fine-tuned models", k=3, only={target})
    assert [h.paper.id for h in hits] == [target]


def test_dense_ranking_is_exact_and_stable() -> None:
    import numpy as np

    from agent.retrieve import _top

    scores = np.array([0.5, 0.9, 0.5, 0.1, 0.9])
    assert _top(scores, 3) == [1, 4, 0]  # ties broken by position, the same on every run
    assert _top(np.array([]), 3) == []
