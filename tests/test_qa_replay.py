"""Replay the recorded answers to the 76 dev and own questions (embedded model) through the real QA path."""

import json
from pathlib import Path

import pytest

from agent.evaluate import eval_store
from agent.llm import LLM
from agent.qa import ask
from agent.retrieve import Retriever
from agent.settings import REPO_DIR, Settings

QUESTIONS = [json.loads(line) for d in ("dev", "own") for line in (REPO_DIR / "evals" / d / "qa.jsonl").read_text()
             .splitlines() if line.strip()]


@pytest.fixture(scope="module")
def env(replay_home: Path):  # type: ignore[no-untyped-def]
    settings = Settings(home=replay_home, cassette_mode="replay")
    store = eval_store(settings)
    return settings, store, Retriever(store)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["qid"] for q in QUESTIONS])
def test_recorded_answer_replays_with_verified_citations(env, q, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, store, retriever = env
    s = settings.model_copy()
    s.home = tmp_path  # fresh memo: the answer must come from the recording
    ans = ask(q["question"], store, LLM(s), cassette_dir=REPO_DIR / "cassettes" / "qa", retriever=retriever)
    assert ans.steps, "every answer rests on papers judged one by one"
    if ans.abstained:
        assert ans.citations == [] and ans.closest and "does not answer" in ans.answer
        assert not any(st.verdict == "used" for st in ans.steps)
        return
    assert ans.sentences and ans.citations
    used = {st.paper_id for st in ans.steps if st.verdict == "used"}
    for c in ans.citations:
        paper, _ = store.get(c.paper_id)
        assert paper.abstract[c.start:c.end] == c.quote and c.title == paper.title
        assert c.paper_id in used  # cited only what the loop judged and verified
    for sent in ans.sentences:
        assert sent.citations and all(1 <= i <= len(ans.citations) for i in sent.citations)
        cs = [ans.citations[i - 1] for i in sent.citations]
        assert all(f"[{i}]" in ans.answer for i in sent.citations)
        # the answer names one paper by its title and states its cited quotes; the words picked are part of one
        assert len({c.paper_id for c in cs}) == 1
        assert sent.text == f"{cs[0].title}: " + " ".join(c.quote for c in cs)
        assert any(sent.words in c.quote for c in cs)
