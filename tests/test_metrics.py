"""Metric definitions on hand-made cases."""

import pytest

from agent.evaluate import check_thresholds, key_fact_overlap
from agent.errors import UsageError
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
