"""Fields as spans: label grounding, canonical units, metric families, claim choice, the paper page. Texts are
SYNTHETIC or from the bundled corpus; nothing here measures model quality."""

from html.parser import HTMLParser

import pytest

from agent import corpus
from agent.fields import canonical_unit, choose_claims, ground, insert_tags, metric_family, own_name, respectively
from agent.numbers import find_candidates, sentences
from agent.schemas import Extraction, NumericResult, Paper
from agent.view import paper_html

TEXT = ("We propose SketchKM, a faster k-means variant. On ImageNet features it runs 12x faster than Lloyd's "
        "algorithm, with top-1 accuracies within 0.5% of it. It was trained on 1.5 billion tokens and has 175B "
        "parameters across three major cancer-prevalent organs.")


def _sentence_of(text: str, needle: str):  # type: ignore[no-untyped-def]
    at = text.index(needle)
    return next(s for s in sentences(text) if s.start <= at < s.end)


@pytest.mark.parametrize(("label", "want"), [
    ("speed-up over Lloyd's algorithm", "Lloyd's algorithm"),          # the words that stand in the text
    ("top-1 accuracy", "top-1 accuracies"),                             # plural in the text, singular in the label
    ("ImageNet", "ImageNet"),                                           # verbatim
    ("number of cancer types", "cancer-prevalent"),                     # a hyphenated word's part
    ("CIFAR-10 error", None),                                           # no word of it in the abstract: empty
    ("1", None),                                                        # a bare number names nothing
])
def test_a_label_becomes_a_span_of_the_abstract_or_nothing(label: str, want: str | None) -> None:
    s = _sentence_of(TEXT, "12x")
    span = ground(label, TEXT, s)
    if want is None:
        assert span is None
    else:
        assert span is not None and TEXT[span.start:span.end] == span.text and want in span.text


def test_a_label_is_looked_for_in_its_own_sentence_first() -> None:
    text = "Accuracy matters. Our model reaches 91% accuracy on CIFAR."
    span = ground("accuracy", text, _sentence_of(text, "91%"))
    assert span is not None and span.start > text.index("reaches")


@pytest.mark.parametrize(("value", "unit"), [
    ("12x", "x"), ("0.5%", "%"), ("1.5 billion", "B tokens"), ("175B", "B parameters"), ("three", "organs"),
])
def test_units_have_one_spelling(value: str, unit: str) -> None:
    c = next(c for c in find_candidates(TEXT) if c.value_text == value)
    assert canonical_unit(c, TEXT) == unit


def test_a_count_before_an_adjective_counts_the_noun() -> None:
    text = "We evaluate on 12 real-world datasets and 3 common tasks."
    assert [canonical_unit(c, text) for c in find_candidates(text)] == ["datasets", "tasks"]


@pytest.mark.parametrize(("metric", "family"), [
    ("top-1 accuracies", "top-k accuracy"), ("pass@1 score", "pass@k"), ("Pass@k", "pass@k"),
    ("text-to-video R@1", "recall@k"),
    ("validation accuracy", "accuracy"), ("wall-clock time", "latency"), ("Elo rating", "Elo"), ("novelty", ""),
])
def test_metric_families(metric: str, family: str) -> None:
    assert metric_family(metric) == family


def test_claims_are_the_sentences_stating_a_contribution_or_a_finding() -> None:
    text = ("Clustering is a classic problem. Many methods exist. SketchKM: we propose a sketch-based k-means. "
            "It is simple. SketchKM outperforms Lloyd's algorithm by 12x.")
    chosen = [s.text for s in choose_claims(sentences(text), 2, "SketchKM: Fast Clustering")]
    assert chosen == ["SketchKM: we propose a sketch-based k-means.", "SketchKM outperforms Lloyd's algorithm by 12x."]
    assert own_name("SketchKM: Fast Clustering") == "SketchKM" and own_name("A Study of Many Things") == ""


def test_tags_are_inserted_at_their_offsets() -> None:
    assert insert_tags("abcdef", [(4, 1, "<"), (2, 0, "["), (4, -1, ">")]) == "ab[cd><ef"


class _Spans(HTMLParser):
    """Collects (classes, data-s, data-e, text) of the abstract's spans."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[str, int, int, str]] = []
        self._open: tuple[str, int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "span" and "data-s" in a:
            self._open = (a.get("class") or "", int(a["data-s"] or 0), int(a["data-e"] or 0))

    def handle_data(self, data: str) -> None:
        if self._open:
            self.spans.append((*self._open, data))
            self._open = None


def test_the_paper_page_highlights_every_field_where_it_stands() -> None:
    paper = next(p for p in corpus.load() if p.id == "p-4cc280a809")  # a bundled paper with overlapping fields
    text = paper.abstract
    s = _sentence_of(text, "2.4%")
    c = next(c for c in find_candidates(text) if c.value_text == "2.4%")
    metric, dataset = ground("text-to-video retrieval R@1", text, s), ground("MSR-VTT", text, s)
    assert metric and dataset
    r = NumericResult(value=c.value, value_text=c.value_text, unit="%", metric=metric.text,
                      dataset_or_task=dataset.text, baseline_or_comparison="", quote=s.text, start=s.start, end=s.end,
                      value_start=c.start, value_end=c.end, metric_span=(metric.start, metric.end),
                      dataset_span=(dataset.start, dataset.end))
    ex = Extraction(paper_id=paper.id, results=[r])
    page = paper_html(Paper(id=paper.id, title=paper.title, abstract=text), ex)
    parser = _Spans()
    parser.feed(page)
    assert parser.spans
    for _classes, start, end, shown in parser.spans:
        assert shown == text[start:end]  # the page shows the abstract's own characters at their offsets
    kinds = {k: "".join(t for cl, _, _, t in parser.spans if k in cl.split()) for k in ("value", "metric", "dataset")}
    assert kinds == {"value": "2.4%", "metric": metric.text, "dataset": "MSR-VTT"}


@pytest.mark.parametrize(("kind", "value", "sentence", "want"), [
    # a value whose words stand elsewhere is refused: the page would highlight a sentence that does not hold it
    ("text", "up to 15 percentage points", "Our code is open-sourced at https://github.com/x/y.", None),
    ("text", "sketch-based k-means", "We propose a sketch-based variant of k-means.",
     "sketch-based variant of k-means"),
    ("number", "12x", "It runs 12x faster than Lloyd's algorithm.", "12x"),
    ("number", "15x", "It runs 12x faster than Lloyd's algorithm.", None),
    ("text", "12x speed-up", "It runs much faster than Lloyd's algorithm.", None),  # words there, number not
    ("yes-no", "Yes", "The code is released.", "yes"),
])
def test_a_review_cell_is_a_span_of_its_quote(kind: str, value: str, sentence: str, want: str | None) -> None:
    from agent.review import Column, _accept

    text = "Clustering is old. " + sentence
    cell = _accept(Column(name="c", type=kind), value, text, sentences(text)[1])  # type: ignore[arg-type]
    assert (cell.value if cell else None) == want
    if cell is not None and cell.value_start is not None:
        assert text[cell.value_start:cell.value_end] == cell.value and cell.quote == sentence


@pytest.mark.parametrize(("sentence", "want"), [
    ("The AUC, sensitivity and F1 of the best model are 95.4%, 99.3% and 95.2%, respectively.",
     {"95.4%": ("metric", "AUC"), "99.3%": ("metric", "sensitivity"), "95.2%": ("metric", "F1")}),
    ("It gains 2.4%, 1.4% and 1.3% in R@1 on MSR-VTT, Activity-Net, and DiDeMo, respectively.",
     {"2.4%": ("dataset", "MSR-VTT"), "1.4%": ("dataset", "Activity-Net"), "1.3%": ("dataset", "DiDeMo")}),
    ("Scores drop by 31.22% and 19.94% compared to HumanEval and HumanEvalPlus, respectively.",
     {"31.22%": ("baseline", "HumanEval"), "19.94%": ("baseline", "HumanEvalPlus")}),
    ("It reaches 88.3% and 91.1% on ImageNet.", {}),                      # no "respectively": nothing paired
    ("It reaches 88.3% and 91.1% on A, B and C, respectively.", {}),      # counts differ: nothing paired
])
def test_respectively_pairs_the_ith_number_with_the_ith_item(sentence: str, want: dict[str, tuple[str, str]]) -> None:
    cands = find_candidates(sentence)
    got = respectively(sentence, sentences(sentence)[0], cands)
    by_text = {c.value_text: (kind, span.text) for c in cands for cid, (kind, span) in got.items() if cid == c.id}
    assert by_text == want
    assert all(sentence[span.start:span.end] == span.text for _, span in got.values())


def test_a_verbatim_label_is_a_whole_word() -> None:
    text = "We develop a rating system. It reaches an Elo of 1578."
    span = ground("Elo", text, _sentence_of(text, "1578"))
    assert span is not None and span.text == "Elo" and span.start == text.index("Elo")
    assert ground("Elo", "We develop models. It reaches 3.", sentences("We develop models. It reaches 3.")[1]) is None
