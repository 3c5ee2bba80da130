"""Every field a span of the abstract: words mapped onto the abstract (a span with offsets, or nothing), units in a
canonical form, the metric's family, numbers that only organise the text, and the sentences that state a paper's main
claims. What a number measures is read by `phrases`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import Candidate, Sentence, find_candidates
from .schemas import ClaimType
from .words import FUNCTION_WORDS

# Words that carry no meaning of their own in a label ("number of patients" is about patients).
_STOP = FUNCTION_WORDS | {"vs", "our", "number", "up", "compared", "relative", "using", "via", "per", "each", "all",
                          "new", "best", "previous", "total"}
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9@.+/-]*[A-Za-z0-9@+]|[A-Za-z0-9]")
MAX_SPAN_WORDS = 8  # a field longer than this is a clause, not a name for what is measured


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


def _stem(word: str) -> str:
    """Plural to singular, the only inflection labels vary by ("accuracies" / "accuracy", "problems" / "problem")."""
    w = word.lower().strip(".-/")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _forms(word: str) -> set[str]:
    """A word and, when hyphenated, its parts ("cancer-prevalent" matches "cancer"); never a bare number, which
    names nothing ("top-1" does not match a "1" elsewhere)."""
    parts = [p for p in word.split("-") if p and p.lower() not in _STOP] if "-" in word else []
    return {_stem(w) for w in [word, *parts] if not re.fullmatch(r"[\d.,]+", w)}


def content_words(text: str) -> set[str]:
    return {f for w in _WORD.findall(text) if w.lower() not in _STOP for f in _forms(w)}


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def ground(label: str, abstract: str, sentence: Sentence, anywhere: bool = True) -> Span | None:
    """The model's words for a field, as a span of the abstract: where they stand verbatim (the number's sentence
    first), else the shortest run of the number's sentence (then of any sentence) holding most of the label's content
    words, at most MAX_SPAN_WORDS words. None when the abstract shares no content word with the label: the field is
    then empty, never invented."""
    label = label.strip().strip(".,;:")
    want = content_words(label)
    if not label or not want:
        return None
    whole = re.compile(r"(?<![A-Za-z0-9])" + re.escape(label) + r"(?![A-Za-z0-9])", re.I)  # "Elo" not in "develop"
    scopes = [(sentence.start, sentence.end)] + ([(0, len(abstract))] if anywhere else [])
    for lo, hi in scopes:
        m = whole.search(abstract, lo, hi)
        if m:
            return Span(m.group(0), m.start(), m.end())
    best: tuple[int, int, int, int] | None = None  # (-hits, length, start, end)
    for lo, hi in scopes:
        toks = _tokens(abstract, lo, hi)
        found = {i: _forms(w) & want for i, (w, _, _) in enumerate(toks) if w.lower() not in _STOP}
        hits = [i for i, f in found.items() if f]
        for a in hits:
            for b in hits:
                if b < a or b - a + 1 > MAX_SPAN_WORDS:
                    continue
                n = len(set().union(*(found[i] for i in hits if a <= i <= b)))
                cand = (-n, b - a, toks[a][1], toks[b][2])
                if best is None or cand < best:
                    best = cand
        if best is not None:
            break  # the number's own sentence holds some of the words: the span stays there
    if best is None:
        return None
    _, _, s, e = best
    return Span(abstract[s:e], s, e)


# -- "respectively" -----------------------------------------------------------------------------------------------
# "The AUC, sensitivity and F1 are 95.4%, 99.3% and 95.2%, respectively": the i-th number goes with the i-th item of
# the sentence's other list of the same length. Code reads this reliably; a small model labels all three "AUC".
_ITEM_WORD = (r"(?<![\w@/+-])(?!(?:and|or|on|in|of|to|for|at|by|with|from|compared|than|the|are|is|were|was"
              r"|respectively)\b)[A-Za-z0-9][\w@/+-]*")
_ITEM = rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}"
_LIST = re.compile(rf"({_ITEM})((?:\s*,\s*{_ITEM})*)\s*,?\s+(?:and|or)\s+({_ITEM})")
_NUM_GAP = re.compile(r"\s*(?:%|x)?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


def listed_together(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether number `b` follows number `a` in one list ("2.4%, 1.4% and 1.3%")."""
    return _NUM_GAP.fullmatch(text[a.end:b.start]) is not None

_LEAD = re.compile(r"^(?:the|a|an|our|its|their|both)\s+", re.I)


def respectively(text: str, sentence: Sentence, cands: list[Candidate]) -> dict[int, tuple[str, Span]]:
    """Candidate id -> ('metric' | 'dataset' | 'baseline', the item's span) for the numbers of a "respectively"
    sentence whose count matches another list in it: items after "on", "in", "for", "across", "over" name datasets
    or tasks, after "than", "to", "against" baselines, others metrics."""
    body = text[sentence.start:sentence.end]
    if "respectively" not in body.lower():
        return {}
    # the numbers listed together ("2%, 1.4% and 1.3%"), the group nearest the word "respectively"
    inside = [c for c in cands if sentence.start <= c.start < sentence.end]
    groups: list[list[Candidate]] = []
    for c in inside:
        if groups and listed_together(text, groups[-1][-1], c):
            groups[-1].append(c)
        else:
            groups.append([c])
    at = sentence.start + body.lower().rindex("respectively")
    nums = min((g for g in groups if len(g) >= 2), key=lambda g: abs(at - g[-1].end), default=[])
    if not nums:
        return {}
    for m in _LIST.finditer(body):
        pieces = [m.group(1)] + [p for p in re.split(r"\s*,\s*", m.group(2)) if p] + [m.group(3)]
        if len(pieces) != len(nums) or any(find_candidates(p) for p in pieces):
            continue
        spans, at = [], m.start()
        for p in pieces:
            p = _LEAD.sub("", p.strip())
            k = body.index(p, at)
            spans.append(Span(p, sentence.start + k, sentence.start + k + len(p)))
            at = k + len(p)
        before = body[:m.start()].rstrip().lower()
        kind = ("baseline" if re.search(r"\b(?:than|to|against|versus|vs\.?)$", before) else
                "dataset" if re.search(r"\b(?:on|in|for|across|over)$", before) else "metric")
        return {c.id: (kind, sp) for c, sp in zip(nums, spans, strict=True)}
    return {}


# -- units ----------------------------------------------------------------------------------------------------------
# Unit words, one vocabulary for the canonical forms here and the unit classes the scorer compares (metrics.py).
PERCENT = {"%", "percent", "percentage", "per cent"}
POINTS = {"pp", "percentage point", "percentage points", "points", "point", "pts"}
TIMES = {"x", "×", "times", "fold", "-fold"}
MAGNITUDE = {"k": "K", "thousand": "K", "m": "M", "million": "M", "b": "B", "billion": "B", "t": "T",
              "trillion": "T"}
# Words after a count that describe rather than name what is counted ("three major cancers", "12 real-world
# datasets"): the unit is the noun after them.
_ADJ_SUFFIX = ("al", "ic", "ive", "ous", "ful", "able", "ible", "ary", "ent", "ant", "ian", "less", "est", "er")
_ADJ = {"major", "new", "common", "real-world", "different", "existing", "popular", "large", "small", "open-source",
        "state-of-the-art", "diverse", "distinct", "key", "main", "novel", "challenging", "standard", "public",
        "widely", "widely-used", "well-known", "other", "more", "additional", "separate", "representative", "benchmark"}
_NOUN_ENDINGS = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ship")
# what a magnitude counts when the word after it says so ("175B parameters", "1.5 billion tokens")
_COUNTED = {"parameter", "param", "token", "image", "hour", "sample", "example", "word", "flop", "gpu"}


def is_adjective(word: str) -> bool:
    w = word.lower()
    if w in _ADJ or w.endswith(("-based", "-scale", "-level", "-world", "-source", "-art")):
        return True
    if _stem(w) in _COUNTED or w.endswith(_NOUN_ENDINGS) or w.endswith("s"):
        return False
    return len(w) > 4 and w.endswith(_ADJ_SUFFIX)


_FUNCTION = {"of", "in", "on", "for", "to", "and", "or", "with", "by", "from", "at", "that", "which", "are", "is",
             "were", "was", "per", "than", "as", "while", "each", "across", "into", "over", "under"}


def _counted_noun(words: list[str]) -> str:
    """The noun a count counts: after the adjectives, the last word of the noun run that follows ("ten
    state-of-the-art code language models" -> models), which ends at a function word or a verb form."""
    run: list[str] = []
    for w in words:
        low = w.lower()
        if low in _FUNCTION or (run and low.endswith(("ing", "ed"))):
            break
        if not run and is_adjective(w):
            continue
        run.append(w)
        if len(run) == 3:
            break
    return run[-1] if run else ""


_OUT_OF = re.compile(r"(?:\s*,?\s*(?:and\s+)?\d+(?:\.\d+)?)*\s+out of (\d+(?:\.\d+)?)")


def canonical_unit(c: Candidate, text: str) -> str:
    """One spelling per unit: '%', 'pp', 'x', a magnitude with what it counts ('B parameters', 'M hours'), or the
    noun a count counts ('three major cancer-prevalent organs' -> organs); '' for a bare number."""
    u = c.unit.strip().lower()
    if u in POINTS or u.startswith("percentage point"):
        return "pp"
    if u in PERCENT or u.startswith(("%", "percent")):
        return "%"
    if u in TIMES or re.search(r"\d\s*[x×]$", c.value_text.lower()):
        return "x"
    clause = re.split(r"[,.;:()\[\]]", text[c.end:c.end + 100], maxsplit=1)[0]
    words = re.findall(r"[A-Za-z][\w-]*", clause)[:6]
    # 175B, 360m, "one million", or a magnitude word after the number ("1.5 billion tokens")
    mag = re.search(r"(?:(?<=\d)\s*([KkMmBbTt])|\s(thousand|million|billion|trillion))$", c.value_text, re.I)
    if mag or (words and words[0].lower() in MAGNITUDE):
        m = MAGNITUDE[(mag.group(1) or mag.group(2) if mag else words.pop(0)).lower()]
        noun = next((w for w in words[:3] if _stem(w) in _COUNTED), "")
        return f"{m} {noun}" if noun else m
    if not u:
        # "scores of 4.5, 4.0 and 4.1 out of 5": a rating's scale; "204 AI4SE benchmarks": a whole number right
        # before a noun counts it
        scale = _OUT_OF.match(text, c.end)
        if scale:
            return f"out of {scale.group(1)}"
        whole = re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+", c.value_text) and not re.match(r"[.,]?\d", text[c.end:])
        return _counted_noun(words) if whole and re.match(r" [A-Za-z]", text[c.end:]) else ""
    return _counted_noun(words) or c.unit.strip()


# -- numbers that only organise the text --------------------------------------------------------------------------
# "two main challenges", "three key contributions", "on one hand": a small count of the parts of an argument is not a
# result nor a scale of the work (the gold data's rule); the 1.5B model keeps a third of them, so code drops them.
_DISCOURSE = {"contribution", "challenge", "observation", "approach", "idea", "component", "mechanism", "aspect",
              "stage", "step", "way", "part", "question", "issue", "limitation", "finding", "insight", "workflow",
              "hand", "perspective", "direction", "principle", "property", "reason", "factor", "goal", "phase",
              "lesson", "module", "strategy", "category", "kind", "type", "level", "view", "pillar"}
MAX_DISCOURSE_COUNT = 5  # "two challenges" organises an argument; "30 categories" describes data


def organises_text(c: Candidate, unit: str, text: str) -> bool:
    """Whether number `c` (with its canonical unit) only structures the prose or a formula: a small count of the parts
    of an argument, "the best one", or a digit of big-O or power notation ("O(1/T)", "10^{19}")."""
    before = text[max(0, c.start - 12):c.start]
    if re.search(r"O\([^)]*$|\^\{?$", before) or re.match(r"\s*\^", text[c.end:]):
        return True
    if c.value_text.lower() == "one" and re.search(r"\b(?:best|new|first|last|this|that|each|the)\s+$", before, re.I):
        return True  # a pronoun: "selects the best one"
    nxt = re.match(r"\s+([A-Za-z]+)", text[c.end:])
    nouns = {_stem(w) for w in (unit, nxt.group(1) if nxt else "")}
    return c.value <= MAX_DISCOURSE_COUNT and any(n in _DISCOURSE or n.rstrip("e") in _DISCOURSE for n in nouns)


# -- metric families --------------------------------------------------------------------------------------------------
# A family groups the names one quantity goes by, so `results --metric accuracy` and review columns find it however
# a paper words it. Checked in order: the first family whose pattern the metric (or its sentence) matches.
FAMILIES: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p, re.I)) for name, p in [
    ("pass@k", r"\bpass@\s*(?:\d+|k)\b|\bpass rate"),
    ("recall@k", r"\bR@\d+|\brecall@\d+"),
    ("top-k accuracy", r"\btop-?\s*[15]\b"),
    ("F1", r"\bF1\b|\bF-?score"),
    ("BLEU", r"\bBLEU\b"),
    ("ROUGE", r"\bROUGE"),
    ("FID", r"\bFID\b|Fr[ée]chet"),
    ("Elo", r"\bElo\b"),
    ("AUC", r"\bAUC\b|\bAUROC\b"),
    ("win rate", r"\bwin[- ]?rate|\bWR\b"),
    ("perplexity", r"perplexity"),
    ("loss", r"\bloss\b"),
    ("error", r"\berror"),
    ("accuracy", r"accura"),
    ("precision", r"\bprecision"),
    ("recall", r"\brecall\b"),
    ("speed-up", r"speed-?ups?|\bfaster\b|\btimes? (?:as )?fast"),
    ("throughput", r"throughput|\bFPS\b|per second"),
    ("latency", r"latency|wall[- ]clock|runtime|run time"),
    ("memory", r"\bmemory\b"),
    ("compute", r"\bcompute\b|\bFLOPs?\b|GPU[- ]hours?|\bMACs\b"),
    ("model size", r"\bparameters?\b|\bparams\b|model size"),
    ("data size", r"\btokens?\b|\bsamples\b|\bexamples\b|\bimages\b|dataset size"),
    ("score", r"\bscore"),
]]


def metric_family(metric: str, unit: str = "") -> str:
    for name, pattern in FAMILIES:
        if pattern.search(metric) or (unit and pattern.search(unit)):
            return name
    return ""


_AFTER_VALUE = re.compile(r"\s*(?:%|x|×|times)?\s*((?:[A-Za-z][\w@-]*\s+){0,2}[A-Za-z][\w@-]*)")


def metric_near(text: str, c: Candidate, sentence: Sentence) -> Span | None:
    """What a number measures, when the abstract says it right after the number in a metric's own words ("16.3x
    faster convergence", "88.3% zero-shot accuracy"): the span of up to three words there that names a metric
    family, cut after the word that names it. For a number whose model label maps onto nothing in the text."""
    m = _AFTER_VALUE.match(text, c.end, sentence.end)
    if not m:
        return None
    words = list(re.finditer(r"[A-Za-z][\w@-]*", m.group(1)))
    for k in range(len(words), 0, -1):
        phrase = m.group(1)[:words[k - 1].end()]
        if metric_family(words[k - 1].group(0)):
            start = m.start(1)
            return Span(text[start:start + len(phrase)], start, start + len(phrase))
    return None


# -- claims -----------------------------------------------------------------------------------------------------------
# A claim states what the paper does or finds. Its subject is the authors or their method (the paper's own name for
# it, taken from the title: "KnowCoder: ..." -> KnowCoder), with a verb of contribution; or the sentence reports a
# result with a result verb.
_OURS = (r"(?:we|this (?:paper|work|study)|our (?:\w+ ){0,2}?(?:method|approach|work|model|framework|algorithm"
         r"|results?|analysis))")
_DOES = (r"(?:propose|introduce|present|develop|design|show|find|demonstrate|prove|establish|achieve|outperform"
         r"|formulate|reveal|identify|derive|construct|build|apply|leverage|employ|use|adopt|fine-tune|train|combine"
         r"|extend|cast|involve|contain|consist|offer|enable|reduce|improve|provide|analy[sz]e|conduct)\w*")
_FINDING = re.compile(r"\b(?:outperform\w*|achiev\w*|improv\w*|surpass\w*|state-of-the-art|significantly|faster"
                      r"|better|reduc\w*|enabl\w*|results? (?:show|demonstrate|indicate))\b", re.I)


def own_name(title: str) -> str:
    """The paper's name for its work: the title's part before a colon, when it is a name (at most 4 words)."""
    head, sep, _ = title.partition(":")
    return head.strip() if sep and 0 < len(head.split()) <= 4 else ""


def _contribution(title: str) -> re.Pattern[str]:
    name = own_name(title)
    subject = _OURS + (r"|" + re.escape(name) if name else "")
    return re.compile(r"(?:^|\b)(?:" + subject + r")\b[^.;]{0,60}?\b" + _DOES + r"\b", re.I)


def claim_score(s: Sentence, n_sentences: int, contribution: re.Pattern[str]) -> float:
    """How much a sentence reads as a main claim: a contribution stated by the authors or of their method (2), a
    result verb (1), a reported number (0.5); the opening sentence usually sets the scene (-1); ties go to the earlier
    sentence."""
    score = 2.0 * bool(contribution.search(s.text)) + bool(_FINDING.search(s.text)) + 0.5 * bool(
        find_candidates(s.text))
    return score - (1.0 if s.id == 0 and n_sentences > 2 else 0.0) - 0.01 * s.id


def claim_type(s: Sentence) -> ClaimType:
    return "result" if find_candidates(s.text) else ("finding" if _FINDING.search(s.text) else "method")


def choose_claims(sents: list[Sentence], k: int, title: str = "") -> list[Sentence]:
    """The k sentences that read most as main claims, in text order."""
    contribution = _contribution(title)
    ranked = sorted(sents, key=lambda s: -claim_score(s, len(sents), contribution))[:k]
    return sorted(ranked, key=lambda s: s.start)


def insert_tags(text: str, tags: list[tuple[int, int, str]]) -> str:
    """`text` with each (offset, order, tag) inserted at its offset; at one offset, lower order first (closing tags
    before opening ones keeps adjacent spans apart)."""
    out, pos = [], 0
    for at, _, tag in sorted(tags, key=lambda t: (t[0], t[1])):
        out += [text[pos:at], tag]
        pos = at
    return "".join(out) + text[pos:]
