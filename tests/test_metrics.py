"""Metric definitions on hand-made cases."""

import pytest

from agent.errors import UsageError
from agent.evaluate import check_thresholds, key_fact_overlap
from agent.metrics import labels_agree, numeric_prf, same_value, unit_class


@pytest.mark.parametrize("unit,cls", [("%", "%"), ("percent", "%"), ("\\%", "%"), ("pp", "%"), ("x", "x"),
                                      ("times", "x"), ("B params", "B"), ("billion", "B"), ("M", "M"),
                                      ("million H800 GPU hours", "M"), ("patients", "count"), ("", "count")])
def test_unit_classes(unit: str, cls: str) -> None:
    assert unit_class(unit) == cls


def test_value_equal_within_written_precision() -> None:
    assert same_value(2.4, 2.4, "2.4%")
    assert same_value(2.44, 2.4, "2.4%")
    assert not same_value(2.46, 2.4, "2.4%")
    assert same_value(1000.0, 1000.0, "1,000") and not same_value(1001.0, 1000.0, "1,000")


def test_numeric_prf_is_one_to_one_and_scores_only_gold_papers() -> None:
    gold = [{"paper_id": "a", "value": 2.0, "value_text": "2%", "unit": "%"},
            {"paper_id": "a", "value": 2.0, "value_text": "2%", "unit": "%"},
            {"paper_id": "a", "value": 5.0, "value_text": "5x", "unit": "x"}]
    preds = [{"paper_id": "a", "value": 2.0, "unit": "%"},   # matches one of the two 2% items
             {"paper_id": "a", "value": 5.0, "unit": "%"},   # wrong unit class
             {"paper_id": "a", "value": 7.0, "unit": ""},    # not in gold
             {"paper_id": "z", "value": 1.0, "unit": ""}]    # paper without gold: not scored
    r = numeric_prf(preds, gold)
    assert (r.tp, r.n_pred, r.n_gold) == (1, 3, 3)
    assert r.precision == pytest.approx(1 / 3) and r.recall == pytest.approx(1 / 3)
    assert r.f1 == pytest.approx(1 / 3)


def test_labels_agree_needs_a_shared_metric_word_and_dataset_word() -> None:
    g = {"metric": "text-to-video retrieval R@1 improvement", "dataset_or_task": "MSR-VTT"}
    assert labels_agree({"metric": "R@1 improvement", "dataset_or_task": "MSR-VTT"}, g)
    assert not labels_agree({"metric": "top-1 accuracy", "dataset_or_task": "MSR-VTT"}, g)
    assert not labels_agree({"metric": "R@1 improvement", "dataset_or_task": "DiDeMo"}, g)
    assert labels_agree({"metric": "number of patients", "dataset_or_task": ""},
                        {"metric": "test set size (patients)", "dataset_or_task": ""})


def test_key_fact_overlap() -> None:
    ref = "LifeGPT reaches 99.5% accuracy on GoL."
    assert key_fact_overlap(ref, "It is LifeGPT, with 99.5% accuracy.") == pytest.approx(2 / 3)
    assert key_fact_overlap(ref, "No idea.") == 0.0
    assert key_fact_overlap("yes, it works", "anything") is None


def test_thresholds() -> None:
    report = {"extraction": {"numeric_f1": 0.8, "claim_recall": 0.5}, "qa": {"recall@5": 0.9}}
    assert check_thresholds(report, ["numeric_f1=0.75", "qa.recall@5=0.9"]) == []
    assert check_thresholds(report, ["extraction.numeric_f1=0.85"]) == ["extraction.numeric_f1 = 0.8 < 0.85"]
    with pytest.raises(UsageError):
        check_thresholds(report, ["nope=1"])
    with pytest.raises(UsageError):
        check_thresholds(report, ["numeric_f1"])


# -- QA scoring without a model judge (SYNTHETIC question and answers, hand-made to exercise each rule) -------------
from agent.evaluate import has_fact, score_answer  # noqa: E402

_ABS = {"p-a": "We present FooNet. FooNet is 3.5x faster than BarNet on ImageNet.",
        "p-b": "BarNet reaches 71.2% accuracy. It uses no labels."}


def _ans(answer: str, cites: list[tuple[str, int, int]], abstained: bool = False) -> dict:  # type: ignore[type-arg]
    return {"answer": answer, "abstained": abstained,
            "citations": [{"paper_id": p, "start": s, "end": e} for p, s, e in cites]}


def _q(kind: str, gold: list[str], facts: list[str], evidence: list[tuple[str, str]]) -> dict:  # type: ignore[type-arg]
    return {"type": kind, "cited_paper_ids": gold, "key_facts": facts, "answer": "ref",
            "evidence": [{"paper_id": p, "quote": q} for p, q in evidence]}


def test_numeric_answer_needs_the_evidence_sentence_and_the_number() -> None:
    q = _q("numeric", ["p-a"], ["3.5x"], [("p-a", "FooNet is 3.5x faster than BarNet")])
    s = _ABS["p-a"].index("FooNet is")
    good = score_answer(q, _ans("3.5x faster [1]", [("p-a", s, len(_ABS["p-a"]))]), _ABS)
    assert good["correct"] and not good["wrong"]
    wrong_num = score_answer(q, _ans("2.5x faster [1]", [("p-a", s, len(_ABS["p-a"]))]), _ABS)
    assert not wrong_num["correct"] and wrong_num["wrong"]
    other_sentence = score_answer(q, _ans("3.5x [1]", [("p-a", 0, 18)]), _ABS)
    assert not other_sentence["correct"] and not other_sentence["wrong"]
    wrong_paper = score_answer(q, _ans("3.5x [1] [2]", [("p-a", s, 60), ("p-b", 0, 10)]), _ABS)
    assert not wrong_paper["correct"] and wrong_paper["wrong"]


def test_unanswerable_is_correct_only_when_declined() -> None:
    q = _q("unanswerable", [], [], [])
    assert score_answer(q, _ans("The corpus does not answer this.", [], abstained=True), _ABS)["correct"]
    r = score_answer(q, _ans("FooNet [1]", [("p-a", 0, 18)]), _ABS)
    assert not r["correct"] and r["wrong"]


def test_comparison_needs_both_sides_and_lists_need_half_right_both_ways() -> None:
    q = _q("comparison", ["p-a", "p-b"], ["3.5x", "71.2%"], [("p-a", "3.5x faster"), ("p-b", "71.2% accuracy")])
    a_at, b_at = _ABS["p-a"].index("FooNet is"), 0
    one_side = score_answer(q, _ans("3.5x [1]", [("p-a", a_at, 60)]), _ABS)
    assert not one_side["correct"] and not one_side["wrong"]
    both = score_answer(q, _ans("3.5x [1] 71.2% [2]", [("p-a", a_at, 60), ("p-b", b_at, 31)]), _ABS)
    assert both["correct"]
    lst = _q("multi-paper", ["p-a", "p-b"], [], [])
    assert score_answer(lst, _ans("x", [("p-a", 0, 5)]), _ABS)["correct"]  # recall 0.5, precision 1
    assert not score_answer(lst, _ans("x", [("p-c", 0, 5), ("p-d", 0, 5), ("p-a", 0, 5)]), _ABS)["correct"]


def test_has_fact_compares_numbers_by_value_and_names_loosely() -> None:
    assert has_fact("3.5x", "about 3.50x faster") and not has_fact("3.5x", "3.5% faster")
    assert has_fact("Foo-Net", "we use FooNet") and not has_fact("FooNet", "BarNet")
    # a bare number takes its unit from the gold abstract it was copied from ("63" from "up to 63\\% fewer")
    assert has_fact("63", "needs 63% fewer samples", "requires up to 63\\% fewer samples")
    assert not has_fact("63", "needs 63% fewer samples", "we use 63 seeds")
    assert not has_fact("63", "needs 63% fewer samples")
