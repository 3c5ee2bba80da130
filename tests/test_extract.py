import pytest
from stub_server import StubServer, auto_label

from agent.extract import GroundingError, check_result, extract, mark, output_model
from agent.llm import LLM
from agent.numbers import find_candidates, sentences
from agent.schemas import NumericResult, Paper

ABSTRACT = "We propose X. It is 16.3x faster than ELO and reaches 88.3% on ImageNet in 2023."
S1, V = ABSTRACT.index("It is"), ABSTRACT.index("16.3x")


def test_mark_tags_sentences_and_numbers_without_touching_text() -> None:
    ss, cs = sentences(ABSTRACT), find_candidates(ABSTRACT)
    marked = mark(ABSTRACT, ss, cs)
    assert marked == ("[S0] We propose X. [S1] It is [#0 16.3x] faster than ELO and reaches [#1 88.3%] on ImageNet "
                      "in 2023.")


def test_output_schema_names_every_candidate_and_only_real_sentences() -> None:
    ss, cs = sentences(ABSTRACT), find_candidates(ABSTRACT)
    schema = output_model(ss, cs).model_json_schema()
    results = schema["$defs"]["Results"]
    assert results["required"] == ["#0 16.3x", "#1 88.3%"]
    assert schema["$defs"]["ClaimPick"]["properties"]["s"]["enum"] == [0, 1]
    assert schema["properties"]["claims"]["maxItems"] == 4


def _result(**kw: object) -> NumericResult:
    base = dict(value=16.3, value_text="16.3x", unit="x", metric="", dataset_or_task="", baseline_or_comparison="",
                quote=ABSTRACT[S1:], start=S1, end=len(ABSTRACT), value_start=V, value_end=V + 5)
    base.update(kw)
    return NumericResult(**base)  # type: ignore[arg-type]


def test_grounding_check_accepts_exact_offsets() -> None:
    check_result(ABSTRACT, _result())
    at = ABSTRACT.index("faster")
    check_result(ABSTRACT, _result(metric="faster", metric_span=(at, at + 6)))


@pytest.mark.parametrize("bad", [
    {"quote": "It is 16.3x faster than Elo"},          # not verbatim
    {"start": S1 - 1},                                  # offsets shifted
    {"value_start": V + 1, "value_end": V + 6},         # value offsets wrong
    {"value_text": "16.4x"},                            # number not in the text there
    {"start": V + 6, "quote": ABSTRACT[V + 6:]},        # number outside the quote
    {"metric": "faster"},                               # a label without its span
    {"metric": "faster", "metric_span": (V, V + 6)},    # a span that is not the label's text
    {"dataset_span": (0, 2)},                           # a span without its label
])
def test_grounding_check_rejects(bad: dict[str, object]) -> None:
    with pytest.raises(GroundingError):
        check_result(ABSTRACT, _result(**bad))


def test_extract_maps_labels_back_onto_raw_offsets(settings) -> None:  # type: ignore[no-untyped-def]
    paper = Paper.make("T", ABSTRACT, "x:1")
    def labels(body):  # type: ignore[no-untyped-def]
        out = auto_label(body)
        out["results"]["#0 16.3x"].update(metric="times faster", dataset="ImageNet benchmark", baseline="ELO rating")
        out["results"]["#1 88.3%"].update(metric="top-1 accuracy", dataset="", baseline="")
        return out

    with StubServer([], default=labels) as srv:
        settings.openai_base_url = srv.url
        ex = extract(paper, LLM(settings))
    assert [r.value_text for r in ex.results] == ["16.3x", "88.3%"]
    assert [(r.value, r.unit) for r in ex.results] == [(16.3, "x"), (88.3, "%")]
    first, second = ex.results
    # each label is the abstract's own words for it, at their offsets; words the abstract lacks leave it empty
    assert (first.metric, first.dataset_or_task, first.baseline_or_comparison) == ("faster", "ImageNet", "ELO")
    assert first.metric_span == (ABSTRACT.index("faster"), ABSTRACT.index("faster") + 6)
    assert (second.metric, second.metric_span, second.metric_family) == ("", None, "")
    assert first.metric_family == "speed-up"
    assert ex.claims[0].quote == "We propose X." and ex.claims[0].start == 0
    assert ex.dropped == 0 and ex.candidates == 2
    assert ex.usage.calls == 1 and ex.usage.completion_tokens == 20


def test_incidental_numbers_are_not_results(settings) -> None:  # type: ignore[no-untyped-def]
    paper = Paper.make("T", ABSTRACT, "x:1")

    def drop_first(body):  # type: ignore[no-untyped-def]
        out = auto_label(body)
        out["results"]["#0 16.3x"]["kind"] = "incidental"
        return out

    with StubServer([drop_first]) as srv:
        settings.openai_base_url = srv.url
        ex = extract(paper, LLM(settings))
    assert [r.value_text for r in ex.results] == ["88.3%"]
