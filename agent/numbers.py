"""Deterministic number candidates and sentence spans in raw abstract text.

The LLM never writes a number: code finds every candidate in the raw text (with offsets), the model
only says which candidates are results and what they measure. A hallucinated number is impossible by
construction and candidate recall is measurable without a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "twice": 2, "thrice": 3, "half": 0.5,
}
MAGNITUDES = {"k": "K", "m": "M", "b": "B", "t": "T", "thousand": "thousand", "million": "million",
              "billion": "billion", "trillion": "trillion"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# Suffix order matters: percent and ratio markers before magnitude letters.
_SUFFIX = (
    r"(?P<pct>\s?\\?%|\s?percent\b|\s?pp\b|\s?percentage points?\b)"
    r"|(?P<ratio>\s?(?:x|×|X)(?![A-Za-z0-9])|\s?times\b|-?fold\b|times(?![A-Za-z]))"
    r"|(?P<mag>\s?(?:thousand|million|billion|trillion)\b|[KMBTkmbt](?![A-Za-z0-9]))"
)
_NUMBER_RE = re.compile(rf"(?P<num>{_NUM})(?:{_SUFFIX})?")
_WORD_RE = re.compile(
    r"\b(?P<word>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\b"
    r"(?P<wmag>\s(?:thousand|million|billion|trillion)\b)?(?P<wpct>\s?percent\b)?",
    re.IGNORECASE,
)
# "one of", "one another", "the two" as pronoun-ish uses are left to the model; these are never numbers.
_WORD_STOP_AFTER = re.compile(r"\s*(?:of\b|another\b|-(?:shot|to|step|stage|hot|sided|way|dimensional))", re.I)
_ANAPHOR = re.compile(r"\b(?:these|those|both|the|each|every|its|their|our)\s+$", re.I)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Candidate:
    """A number found in the raw text: `text[start:end] == value_text`."""

    id: int
    value: float
    value_text: str
    unit: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class Sentence:
    id: int
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split into sentences with offsets; a period inside a number ("3.5") or before lowercase is not a break."""
    out: list[Sentence] = []
    pos = 0
    # Break after . ! ? followed by whitespace and an uppercase/opening char, or an item number of a list ("two
    # drawbacks. 1. They ..."); never inside "e.g." or numbers, nor right after an item number.
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(\[\"']|\d{1,2}\.\s+[A-Z])", text):
        end = m.start()
        chunk = text[pos:end]
        if (chunk.strip() and not re.search(r"\b(?:e\.g|i\.e|et al|vs|cf|Fig|Eq)\.$", chunk)
                and not re.fullmatch(r"\s*\d{1,2}\.", chunk)):
            out.append(_sentence(text, len(out), pos, end))
            pos = m.end()
    if text[pos:].strip():
        out.append(_sentence(text, len(out), pos, len(text)))
    return out


def _sentence(text: str, idx: int, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(idx, start, end, text[start:end])


def _sentence_of(sents: list[Sentence], pos: int) -> int:
    for s in sents:
        if s.start <= pos < s.end:
            return s.id
    return sents[-1].id if sents else 0


def _unit(kind: str | None, suffix: str) -> str:
    s = suffix.strip().lower().lstrip("\\")
    if kind == "pct":
        return "pp" if s.startswith("p") and s != "percent" else "%"
    if kind == "ratio":
        return "x"
    if kind == "mag":
        return MAGNITUDES.get(s, s.upper())
    return ""


def _noun_unit(text: str, end: int) -> str:
    """The word right after a bare count ("10,042 patients" -> "patients"), when it looks like a noun."""
    m = re.match(r"\s([A-Za-z][A-Za-z-]{2,})", text[end:end + 40])
    if not m:
        return ""
    word = m.group(1)
    if word.lower() in _NOT_NOUNS:
        return ""
    return word


_NOT_NOUNS = {
    "and", "or", "the", "of", "in", "on", "to", "for", "with", "from", "by", "at", "as", "is", "are", "was",
    "were", "than", "over", "which", "that", "while", "when", "respectively", "compared", "across", "using",
    "higher", "lower", "better", "more", "less", "fewer", "faster", "smaller", "larger", "out", "per", "points",
}


def find_candidates(text: str) -> list[Candidate]:
    """Every number-like token that could be a result, with value, unit and exact offsets.

    Excluded deterministically: digits glued into names or citation keys (GPT-4, CIFAR-10, Belkin2018, pass@200),
    bare years, list enumerators like "(1)", the scale of a score ("out of 5"), the pronoun "one" and word numbers
    that refer back ("these two tasks"). Everything else is left for the model to label.
    """
    sents = sentences(text)
    found: list[tuple[int, int, float, str]] = []
    for m in _NUMBER_RE.finditer(text):
        start, end = m.span()
        prev = text[start - 1] if start else " "
        kind = "pct" if m.group("pct") else "ratio" if m.group("ratio") else "mag" if m.group("mag") else None
        glued_ok = kind in ("pct", "ratio") and re.search(r"(?:^|\s)(?:by|to|of|at|achieves?|reaches?)$",
                                                          text[max(0, start - 12):start])
        listed = prev == "/" and kind in ("pct", "ratio") and re.search(r"\d(?:%|x|×)$",
                                                                       text[max(0, start - 12):start - 1])
        if ((prev.isalpha() and not glued_ok) or prev in "-_@/=^$\\" and not (prev == "-" and _is_range(text, start))
                and not listed):
            continue  # ("31.31%/12.88%": results listed with a slash, each with its unit, are each a number)
        if prev.isdigit() or prev == ".":
            continue
        after = text[end:end + 1]
        if after and (after.isalnum() or after == "_") and kind is None:
            continue  # "3D", "4K-video" style tokens glued to letters
        num = m.group("num")
        if kind is None and _YEAR_RE.match(num):
            continue
        if kind is None and re.search(r"\bout of\s$", text[max(0, start - 8):start]):
            continue  # the scale of a score ("4.5 out of 5"), not a result
        if kind is None and start and text[start - 1] == "(" and text[end:end + 1] == ")" and len(num) <= 2:
            continue  # enumerator "(1)"
        if (kind is None and text[end:end + 2] == ". " and start >= 2 and text[start - 2:start] in (". ", ": ")
                and len(num) == 1):
            continue  # enumerator "1. "
        value = float(num.replace(",", ""))
        unit = _unit(kind, text[m.end("num"):end]) if kind else _noun_unit(text, end)
        found.append((start, end, value, unit))
    for m in _WORD_RE.finditer(text):
        start, end = m.span()
        if _WORD_STOP_AFTER.match(text, end) or text[end:end + 1] == "-":
            continue
        word = m.group("word").lower()
        if _ANAPHOR.search(text, max(0, start - 12), start):
            continue  # "these two tasks", "among the three groups": a reference back, not a new count
        value = WORD_NUMBERS[word]
        if m.group("wpct"):
            unit = "%"
        elif m.group("wmag"):
            unit = MAGNITUDES[m.group("wmag").strip().lower()]
        elif word in ("twice", "thrice"):
            unit = "x"
        else:
            unit = _noun_unit(text, end)
            if word == "one" and not unit:
                continue  # the pronoun: "the largest one", "each one"
        found.append((start, end, value, unit))
    found.sort()
    kept: list[tuple[int, int, float, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    # A range "17.6-42%" or "from 3 to 5x" writes the unit once: the first number takes the second's.
    for i in range(len(kept) - 1):
        (s1, e1, v1, u1), (s2, _, _, u2) = kept[i], kept[i + 1]
        joined = re.fullmatch(r"\s*(?:-|–|to)\s*", text[e1:s2])
        if joined and u2 in ("%", "x", "pp") and u1 not in ("%", "x", "pp"):
            kept[i] = (s1, e1, v1, u2)
    return [Candidate(i, v, text[s:e], u, s, e, _sentence_of(sents, s)) for i, (s, e, v, u) in enumerate(kept)]


def _is_range(text: str, start: int) -> bool:
    """The "-" before a number joins a range ("17.6-42%") rather than a name ("GPT-4")."""
    return re.search(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?\s?[-–]$", text[max(0, start - 20):start]) is not None
