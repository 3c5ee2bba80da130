"""Fields read off the grammar of a number's sentence. The sentences are synthetic (written for these tests, in the
constructions abstracts use); they check the reading, not the model."""

from __future__ import annotations

import pytest

from agent.extract import is_counted
from agent.fields import canonical_unit, organises_text
from agent.numbers import find_candidates, sentences
from agent.phrases import paper_task, propose


def fields(text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    """value_text -> (metric, dataset, baseline) for every number of a one-sentence text."""
    cands = find_candidates(text)
    sent = sentences(text)[0]
    out = propose(text, sent, cands, {c.id: is_counted(canonical_unit(c, text)) for c in cands})
    for p in out.values():  # every proposed field is the text at its offsets
        for f in (p.metric, p.dataset, p.baseline):
            assert f is None or text[f.start:f.end] == f.text
    return {c.value_text: (p.metric and p.metric.text, p.dataset and p.dataset.text, p.baseline and p.baseline.text)
            for c in cands for p in [out[c.id]]}


@pytest.mark.parametrize(("text", "value", "want"), [
    ("Our model achieves an average pass@1 accuracy of 16.15% on LiveBench.", "16.15%",
     ("average pass@1 accuracy", "LiveBench", None)),
    ("It reduces the number of iterations by over 40% compared to AdamW.", "40%",
     ("number of iterations", None, "AdamW")),
    ("The method improves the pass@1 performance on HumanEval from 67% to 85%.", "85%",
     ("pass@1 performance", "HumanEval", "67%")),
    ("The method improves the pass@1 performance on HumanEval from 67% to 85%.", "67%",
     ("pass@1 performance", "HumanEval", None)),
    ("We evaluate on 13 common NLP tasks.", "13", ("common NLP tasks", None, None)),
    ("It obtains 4.0% ImageNet top-1 accuracy improvement over MobileNetV3.", "4.0%",
     ("ImageNet top-1 accuracy improvement", "ImageNet", "MobileNetV3")),
    ("It outperforms NGS with 5.6% and 3.2% accuracies on calculation problems.", "5.6%",
     ("accuracies", None, "NGS")),
    ("LLMs solve up to 18% of 397 test problems with a single try.", "18%", ("test problems", None, None)),
    ("It yields pass rates over 75% higher than prior results.", "75%", ("pass rates", None, "prior results")),
    # a measure is not repeated for a second number of the same unit
    ("It achieves 96.2% pass@1 on HumanEval but only 76.2% on HumanEval Pro.", "76.2%",
     ("pass@1", "HumanEval Pro", None)),
    ("The benchmark holds 4,998 calculation problems and 9,543 proving problems.", "9,543",
     ("proving problems", None, None)),
    ("We observed a 458x respectively 1191x speedup over PAM.", "458x", ("speedup", None, "PAM")),
    # a model's name, or the thing compared against, is not what is measured; a bare adjective names nothing
    ("On LiveBench, it improves Qwen2.5-7B from 17.4% to an impressive 57.3%, surpassing o3-mini.", "57.3%",
     (None, "LiveBench", "17.4%")),
    ("On LiveBench, it improves Qwen2.5-7B from 17.4% to an impressive 57.3%, surpassing o3-mini.", "17.4%",
     (None, "LiveBench", None)),
    ("In terms of Pass@1, it outperforms the strongest baseline by up to 56.4% in MBPP.", "56.4%",
     ("Pass@1", "MBPP", "strongest baseline")),
    ("o1-mini achieves 96.2% pass@1 on HumanEval.", "96.2%", ("pass@1", "HumanEval", None)),
    # the comparison after the number is its own; one before it belongs to an earlier number
    ("It cuts time by 35% compared to AdamW, with 20% gains compared to Shampoo.", "20%", ("gains", None, "Shampoo")),
    ("It cuts time by 35% compared to AdamW, with 20% gains compared to Shampoo.", "35%", ("time", None, "AdamW")),
])
def test_the_construction_around_a_number_names_its_fields(text: str, value: str,
                                                           want: tuple[str | None, ...]) -> None:
    assert fields(text)[value] == want


def test_each_number_of_a_list_takes_its_own_benchmark() -> None:
    got = fields("It outperforms the baseline by up to 56.4% in MBPP, 70.7% in MBJP, and 88.4% in MBJSP.")
    assert [got[v][1] for v in ("56.4%", "70.7%", "88.4%")] == ["MBPP", "MBJP", "MBJSP"]
    assert all(got[v][2] == "baseline" for v in ("56.4%", "70.7%", "88.4%"))


def test_no_construction_no_field() -> None:
    """A number in no construction the reader knows gets nothing rather than a guess."""
    assert fields("Results: 42.")["42"] == (None, None, None)


@pytest.mark.parametrize(("text", "value", "organises"), [
    ("Code generation meets two unique challenges.", "two", True),
    ("This work features three key contributions.", "three", True),
    ("We establish sample complexity bounds of order O(1/T).", "1", True),
    ("It selects the best one based on reward signals.", "one", True),
    ("The dataset covers 30 categories of objects.", "30", False),
    ("We evaluate ten state-of-the-art models.", "ten", False),
])
def test_numbers_that_only_organise_the_text(text: str, value: str, organises: bool) -> None:
    c = next(c for c in find_candidates(text) if c.value_text == value)
    assert organises_text(c, canonical_unit(c, text), text) is organises


def test_the_papers_task_is_a_noun_phrase_of_its_abstract_named_by_the_title() -> None:
    abstract = ("Retrieval is hard. We study video-text retrieval with coarse and fine alignment. "
                "Our method wins on three benchmarks.")
    task = paper_task("UCoFiA: Unified Coarse-to-Fine Alignment for Video-Text Retrieval", abstract)
    assert task is not None and task.text == "video-text retrieval"
    assert abstract[task.start:task.end] == task.text
    assert paper_task("Nothing Shared", "Completely different words here.") is None


@pytest.mark.parametrize(("text", "units"), [
    ("Users gave average scores of 4.5, 4.0, and 4.1 out of 5.", ["out of 5"] * 3),
    ("We identify 204 AI4SE benchmarks.", ["benchmarks"]),
    ("Elo ratings of 1578 and 1261, respectively.", ["", ""]),
])
def test_a_rating_scale_and_a_bare_count_have_units(text: str, units: list[str]) -> None:
    assert [canonical_unit(c, text) for c in find_candidates(text)] == units
