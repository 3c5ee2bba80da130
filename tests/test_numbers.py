from agent.numbers import find_candidates, sentences


def cands(text: str) -> list[tuple[str, float, str]]:
    out = []
    for c in find_candidates(text):
        assert text[c.start:c.end] == c.value_text  # offsets always index the raw text
        out.append((c.value_text, c.value, c.unit))
    return out


def test_percent_ratio_magnitude_and_counts() -> None:
    got = cands("We improve R@1 by 2.4%, run 16.3x faster, train a 175B model on 10,042 patients.")
    assert got == [("2.4%", 2.4, "%"), ("16.3x", 16.3, "x"), ("175B", 175.0, "B"), ("10,042", 10042.0, "patients")]


def test_names_years_citation_keys_and_enumerators_are_not_numbers() -> None:
    text = ("GPT-4 and LLaMA3-8B on CIFAR-10 with pass@200 in 2023 (Belkin2018ReconcilingMM); "
            "we study (1) speed and (2) 3D shapes.")
    assert cands(text) == []


def test_glued_tokens_and_escaped_percent() -> None:
    assert cands("accuracy rises by3.1% and is 40times faster, a gap of 0.07\\%.") == [
        ("3.1%", 3.1, "%"), ("40times", 40.0, "x"), ("0.07\\%", 0.07, "%")]


def test_word_numbers_and_magnitudes() -> None:
    got = cands("We train eight models on one million GPU hours, and twice as fast; one of them wins.")
    assert got == [("eight", 8.0, "models"), ("one million", 1.0, "million"), ("twice", 2.0, "x")]


def test_range_shares_its_unit() -> None:
    assert cands("memory drops by 17.6-42% overall.") == [("17.6", 17.6, "%"), ("42%", 42.0, "%")]


def test_results_listed_with_a_slash_are_each_a_number() -> None:
    assert cands("31.31%/12.88% and 9.69% gains; 10x/12x faster") == [
        ("31.31%", 31.31, "%"), ("12.88%", 12.88, "%"), ("9.69%", 9.69, "%"), ("10x", 10.0, "x"), ("12x", 12.0, "x")]
    assert cands("a ratio of 3/4") == [("3", 3.0, "")]  # a fraction's denominator is no result


def test_sentences_do_not_break_inside_numbers_or_abbreviations() -> None:
    text = "We reach 3.5 points, e.g. on MMLU. Then we stop."
    ss = sentences(text)
    assert [s.text for s in ss] == ["We reach 3.5 points, e.g. on MMLU.", "Then we stop."]
    assert all(text[s.start:s.end] == s.text for s in ss)


def test_an_item_number_opens_its_sentence() -> None:
    # "two drawbacks. 1. They ..." put "1." at the end of the sentence before, and the item lost its number
    text = "It has two drawbacks. 1. They ignore meaning. 2. They need references. Table 2. It holds."
    ss = sentences(text)
    assert [s.text for s in ss] == ["It has two drawbacks.", "1. They ignore meaning.", "2. They need references.",
                                    "Table 2.", "It holds."]
    assert all(text[s.start:s.end] == s.text for s in ss)
