"""What a number measures, on what, against what: read off the grammar of the number's own sentence.

Abstracts state results in a handful of constructions ("X of N", "improves X by N", "N% X on D", "N faster than B",
"from A to B", "in terms of X"); code that reads them proposes each field as a span of the sentence, so a field is
chosen from the text, never written. Noun phrases are found without a tagger: a phrase is a run of words between
punctuation, function words, verbs and numbers, which in the terse prose of abstracts is close enough to a noun
phrase (a verb list stands in for part-of-speech tags; it names the verbs results are stated with).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .fields import Span, content_words, is_adjective, metric_family, own_name
from .numbers import WORD_NUMBERS, Candidate, Sentence, sentences

MAX_PHRASE_WORDS = 6  # longer runs are clauses the splitter failed to cut, not names

_TOKEN = re.compile(r"[A-Za-z0-9][\w@.+/'-]*[\w@+]|[A-Za-z0-9]|\S")
_DET = {"a", "an", "the", "our", "its", "their", "this", "these", "those", "both", "all", "each", "every", "his",
        "her", "such", "any", "some", "much", "many", "more", "most", "other"}
_PREP = {"of", "in", "on", "for", "to", "with", "by", "from", "at", "over", "under", "across", "than", "into", "via",
         "per", "among", "between", "against", "as", "vs", "vs.", "versus", "within", "without", "through", "after",
         "before", "during", "up", "about", "around", "like", "compared", "relative", "w.r.t", "beyond", "despite",
         "along", "alongside", "including", "towards", "toward"}
_CONJ = {"and", "or", "but", "while", "whereas", "which", "that", "who", "where", "when", "respectively", "if",
         "so", "thus", "hence", "yet", "nor", "because", "since", "then", "also", "only", "merely", "even", "still",
         "not", "no", "there", "it", "they", "we", "one", "same", "just"}
# verbs results are stated with; words that are as often nouns ("test", "result", "design", "gain") are left out
_VERB_STEMS = ("achiev improv outperform reduc increas surpass solv plac show demonstrat obtain reach exceed beat "
               "yield attain boost lower rais requir evaluat perform lead provid produc enabl allow consum utiliz us "
               "find prove establish introduc propos present releas construct contain cover includ compar decreas "
               "accelerat sav remain stay deliver lag fall fail trail offer keep mak tak giv hav appl develop outpac "
               "narrow widen halv doubl tripl leverag conduct discover necessitat employ adopt exploit investigat "
               "explor analyz analys examin address tackl aim seek focus").split()
# "-ing" words that describe rather than act ("30 existing popular LLMs", "the leading method")
_ING_ADJ = {"existing", "leading", "competing", "challenging", "emerging", "promising", "remaining", "following",
            "increasing", "growing", "missing", "underlying", "corresponding", "varying", "surprising", "interesting",
            "outstanding", "pioneering", "long-standing", "ongoing", "preceding", "prevailing", "evolving"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "can", "could", "may", "might",
       "will", "would", "should", "must", "does", "do", "did"}
# "-ing" words that name a thing in this field rather than an action ("language model pre-training", "planning")
_ING_NOUNS = {"training", "learning", "reasoning", "planning", "setting", "settings", "editing", "sampling",
              "computing", "programming", "embedding", "embeddings", "modeling", "modelling", "understanding",
              "answering", "tuning", "fine-tuning", "pre-training", "pretraining", "processing", "ranking",
              "retrieval", "clustering", "forecasting", "parsing", "tracking", "matching", "captioning", "coding",
              "rendering", "scaling", "pruning", "finetuning", "labeling", "labelling", "reranking"}
_QUALIFIER = {"up", "to", "over", "more", "than", "less", "nearly", "approximately", "about", "around", "almost",
              "merely", "only", "roughly", "at", "least", "most", "some", "just", "top", "an", "a",
              "average", "on", "as", "much", "many", "under", "below", "above", "<", ">", "~", "≈"}
# words that say a number is a change, a gap or a comparison: the metric is what changes
_CHANGE = {"improvement", "improvements", "gain", "gains", "increase", "increases", "reduction", "reductions",
           "decrease", "decreases", "boost", "drop", "speedup", "speed-up", "speedups", "margin", "lift", "higher",
           "lower", "better", "faster", "slower", "smaller", "larger", "fewer", "less", "more", "cheaper"}
# words after which the thing compared against stands ("than X", "outperforms X", "compared to X")
_COMPARE = {"than", "over", "versus", "vs", "vs.", "against", "outperform", "outperforms", "outperformed",
            "outperforming", "surpass", "surpasses", "surpassed", "surpassing", "beat", "beats", "beating", "exceeds",
            "exceeding", "exceeded"}
_BASELINE_WORDS = re.compile(r"baseline|prior|previous|state-of-the-art|sota|existing|method|model|approach", re.I)
_DATASET_CUE = {"on", "in", "across", "for"}
_NAMELIKE = re.compile(r"[A-Z0-9]|.*[A-Z].*")  # a capital or a digit anywhere: a benchmark, model or dataset name


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    number: bool  # a candidate number (or inside one) or a bare numeral
    low: str  # the text lowercased, read many times per token


@dataclass(frozen=True)
class Proposal:
    """The spans the grammar proposes for one number, each None when no construction names it."""

    metric: Span | None
    dataset: Span | None
    baseline: Span | None


def tokens(text: str, sentence: Sentence, cands: list[Candidate]) -> list[Tok]:
    inside = {i for c in cands if sentence.start <= c.start < sentence.end for i in range(c.start, c.end)}
    out = []
    for m in _TOKEN.finditer(text, sentence.start, sentence.end):
        word, low = m.group(0), m.group(0).lower()
        num = m.start() in inside or low in WORD_NUMBERS or (word[0].isdigit() and _NUMERAL.fullmatch(word) is not None)
        out.append(Tok(word, m.start(), m.end(), num, low))
    return out


_NUMERAL = re.compile(r"\d[\d.,]*")
_VERB_FORM = re.compile("(?:" + "|".join(_VERB_STEMS) + ")(?:e|es|s|ed|d|ing|ies|ied|y|t)?")


def _is_verb(t: Tok) -> bool:
    return _verb_word(t.low)


@lru_cache(maxsize=65536)  # called for every word of every sentence read
def _verb_word(w: str) -> bool:
    if w in _BE:
        return True
    if w in _ING_NOUNS or w in _ING_ADJ or not w.isalpha():
        return False
    return bool(_VERB_FORM.fullmatch(w)) or (w.endswith("ing") and len(w) > 5) or w.endswith("ly")


def _content(t: Tok) -> bool:
    """Whether a token may stand inside a noun phrase."""
    w = t.low
    if t.number or not (t.text[0].isalnum()) or w in _PREP or w in _CONJ or w in _DET:
        return False
    return not _is_verb(t)


def _after_subject(toks: list[Tok], i: int) -> bool:
    """The word after "we" or "it" is its verb ("we study X"), whatever the verb list says."""
    return i > 0 and toks[i - 1].low in {"we", "they", "it", "which"} and _content(toks[i])


def phrase_after(text: str, toks: list[Tok], i: int, with_of: bool = False) -> Span | None:
    """The noun phrase starting at token i (determiners skipped); with `with_of`, "X of Y" is one phrase ("number of
    iterations")."""
    while i < len(toks) and (toks[i].low in _DET or toks[i].low.endswith("ly") or _after_subject(toks, i)):
        i += 1
    j = i
    if 0 < i + 1 < len(toks) and toks[i - 1].number and toks[i].low.endswith("ing") and _content(toks[i + 1]):
        j += 1  # "9,543 proving problems": an -ing word between a count and its noun describes the noun
    while j < len(toks) and j - i < MAX_PHRASE_WORDS and _content(toks[j]):
        j += 1
    if j == i:
        return None
    if with_of and j + 1 < len(toks) and toks[j].low == "of":
        more = phrase_after(text, toks, j + 1)
        if more is not None:
            return Span(text[toks[i].start:more.end], toks[i].start, more.end)
    return Span(text[toks[i].start:toks[j - 1].end], toks[i].start, toks[j - 1].end)


def phrase_before(text: str, toks: list[Tok], j: int, with_of: bool = True) -> Span | None:
    """The noun phrase ending at token j; with `with_of`, "X of Y" standing before is taken whole."""
    i = j
    while i >= 0 and j - i < MAX_PHRASE_WORDS and _content(toks[i]) and not _after_subject(toks, i):
        i -= 1
    if i == j:
        return None
    k = i
    while k >= 1 and toks[k].low in _DET:
        k -= 1  # "effectiveness of the best method"
    if with_of and k >= 1 and toks[k].low == "of":
        i = k
        head = phrase_before(text, toks, i - 1, with_of=False)
        if head is not None:
            return Span(text[head.start:toks[j].end], head.start, toks[j].end)
    return Span(text[toks[i + 1].start:toks[j].end], toks[i + 1].start, toks[j].end)


def _only_names(phrase: str) -> bool:
    """Every word a name (a capital or a digit in it) and none a metric's: "Qwen2.5-7B", "GPT-4", not "F1 score"."""
    return all(re.search(r"[A-Z0-9]", w) for w in phrase.split()) and not metric_family(phrase)


def _token_at(toks: list[Tok], offset: int) -> int:
    return next(k for k, t in enumerate(toks) if t.start == offset)


def _number_at(toks: list[Tok], c: Candidate) -> tuple[int, int]:
    """First and last token index of the candidate (its unit included)."""
    idx = [k for k, t in enumerate(toks) if t.start < c.end and t.end > c.start]
    return idx[0], idx[-1]


def _skip_left(toks: list[Tok], k: int) -> int:
    """Step left over the qualifiers between a keyword and its number ("by up to", "of over", "of top")."""
    while k >= 0 and toks[k].low in _QUALIFIER:
        k -= 1
    return k


def _named_after(text: str, toks: list[Tok], k: int, cues: set[str]) -> Span | None:
    """"on/in/across X" at token k, X holding a name (a capital or a digit): where a number was measured."""
    if k < len(toks) and toks[k].low in cues:
        p = phrase_after(text, toks, k + 1)
        if p is not None and _NAMELIKE.match(p.text):
            return p
    return None


_JOINED = re.compile(r"\s*(?:\\?%)?\s*(?:to|and|or|,|respectively)\s+(?:(?:an?|the)\s+)?(?:[A-Za-z-]+\s+)?")


def propose(text: str, sentence: Sentence, cands: list[Candidate], counted: dict[int, bool]) -> dict[int, Proposal]:
    """Metric, dataset and baseline for every number of the sentence; `counted` says which numbers count things
    (their unit is a noun), whose phrase is then what they measure. Numbers joined in one construction ("from A to
    B", "6B to 13B", "5.6% and 3.2% accuracies") share what only one of them names."""
    toks = tokens(text, sentence, cands)
    inside = [c for c in cands if sentence.start <= c.start < sentence.end]
    out = {c.id: _own(text, sentence, toks, c, counted.get(c.id, False)) for c in inside}
    joined = [(a, b) for a, b in zip(inside, inside[1:], strict=False) if _JOINED.fullmatch(text[a.end:b.start])]
    for a, b in joined:  # forwards, then backwards: the first of a list names the rest, the last names the others
        out[b.id] = _fill(out[b.id], out[a.id])
    for a, b in reversed(joined):
        out[a.id] = _fill(out[a.id], out[b.id])
    for a, b in zip(inside, inside[1:], strict=False):
        if re.search(r"\bfrom\s+$", text[sentence.start:a.start]) and re.match(r"\s*(?:\\?%)?\s*to\b",
                                                                           text[a.end:b.start]):
            # "from 17.4% to 57.3%": the value it started from is what the second is compared against
            out[b.id] = Proposal(out[b.id].metric, out[b.id].dataset, Span(a.value_text, a.start, a.end))
            out[a.id] = Proposal(out[a.id].metric, out[a.id].dataset, None)
    # "96.2% pass@1 on HumanEval but only 76.2% on HumanEval Pro": a measure is not repeated for a second number of
    # the same unit; it takes the nearest earlier one's
    for k, b in enumerate(inside):
        if out[b.id].metric is None and b.unit and not counted.get(b.id, False):
            earlier = next((a for a in reversed(inside[:k]) if a.unit == b.unit and out[a.id].metric), None)
            if earlier is not None:
                out[b.id] = Proposal(out[earlier.id].metric, out[b.id].dataset, out[b.id].baseline)
    return out


def _fill(p: Proposal, other: Proposal) -> Proposal:
    """`p` with what it lacks taken from `other`."""
    return Proposal(p.metric or other.metric, p.dataset or other.dataset, p.baseline or other.baseline)


def _own(text: str, sentence: Sentence, toks: list[Tok], c: Candidate, counted: bool) -> Proposal:
    """What number `c`'s own constructions name."""
    first, last = _number_at(toks, c)
    metric = dataset = baseline = None
    after = last + 1
    while after < len(toks) and toks[after].low in {"%", "\\", "x", "×", "times", "percent", "points", "pp",
                                                     "percentage", "fold", "-fold"}:
        after += 1
    left = _skip_left(toks, first - 1)
    # -- metric --
    if counted:
        metric = phrase_after(text, toks, after)
    else:
        # "N% of X" (X after any number: "18% of 397 test problems")
        if after < len(toks) and toks[after].low == "of":
            k = after + 1
            while k < len(toks) and (toks[k].number or toks[k].low in _DET):
                k += 1
            metric = phrase_after(text, toks, k)
        # "X of N", "X by N" (the verb's object), "X from A to B", "X is N"
        # ("X achieves N": X is who achieves it, not what is measured, so verbs are not among these)
        if metric is None and left >= 0 and toks[left].low in {"of", "by", "from", "at", "is", "are", "was", "were"}:
            metric = phrase_before(text, toks, left - 1)
            at = _token_at(toks, metric.start) if metric is not None else 0
            if metric is not None and _NAMELIKE.match(metric.text) and at >= 2 and toks[at - 1].low in {"on", "in"}:
                # "pass@1 performance on HumanEval from 67% to 85%": the name is where, the phrase before is what
                dataset, metric = metric, phrase_before(text, toks, at - 2)
            verb = at - 1
            while verb > 0 and toks[verb].low in _DET:
                verb -= 1
            if metric is not None and (_only_names(metric.text) or (
                    toks[left].low == "by" and verb >= 0 and toks[verb].low in _COMPARE)):
                # "improves Qwen2.5-7B from 17.4%", "outperforms the baseline by 5%": a model or the thing compared
                # against, not the measure
                metric = None
        # "N% ImageNet top-1 accuracy improvement", "16.3x faster convergence", "N% improvements in X"
        if metric is None:
            p = phrase_after(text, toks, after)
            if p is not None:
                end_tok = next(k for k in range(after, len(toks)) if toks[k].end == p.end)
                if p.text.lower().split()[-1] in _CHANGE and end_tok + 2 < len(toks) \
                        and toks[end_tok + 1].low in {"in", "of"}:
                    q = phrase_after(text, toks, end_tok + 2)
                    if q is not None:
                        p = Span(text[p.start:q.end], p.start, q.end)
                metric = p
            # "pass rates over 75% higher", "improvements up to 7.5%": the quantity standing just before the number
            if (p is None or p.text.lower() in _CHANGE) and left >= 0 and _content(toks[left]) \
                    and not is_adjective(toks[left].text):  # "an impressive 57.3%" names nothing
                metric = phrase_before(text, toks, left) or metric
        # "in terms of X" anywhere in the sentence names the measure of every number in it
        if metric is None or metric.text.lower().split()[-1] in _CHANGE:
            m = re.search(r"\bin terms of\s+", text[sentence.start:sentence.end], re.I)
            if m:
                k = next((k for k, t in enumerate(toks) if t.start >= sentence.start + m.end()), len(toks))
                metric = phrase_after(text, toks, k, with_of=True) or metric
    # -- dataset: "N on/in X" right after the number, else the nearest "on/in/across X" naming a benchmark --
    k = after
    if metric is not None and after < len(toks) and metric.start >= toks[after].start:
        k = next((k for k in range(after, len(toks)) if toks[k].start >= metric.end), len(toks))
    dataset = dataset or _named_after(text, toks, k, _DATASET_CUE)
    if dataset is None:
        found = [(abs(toks[k].start - c.start), p) for k in range(len(toks))
                 if (p := _named_after(text, toks, k, {"on", "across"})) is not None]
        dataset = min(found, key=lambda f: f[0])[1] if found else None
    if dataset is None and metric is not None and len(metric.text.split()) >= 2:
        # "80.0% ImageNet top-1 accuracy": a name leading the metric is the benchmark it was measured on
        head = metric.text.split()[0]
        if _NAMELIKE.match(head) and not metric_family(head) and metric_family(metric.text):
            dataset = Span(head, metric.start, metric.start + len(head))
    # -- baseline: the phrase after a comparison cue: the first after the number before any other number ("N% …
    # compared to X", "N× faster than X"), else the nearest before it ("outperforms X by N%") --
    after_cues, before_cues = [], []
    for k, t in enumerate(toks):
        cue = t.low in _COMPARE or (t.low in {"to", "with"} and k > 0 and toks[k - 1].low in {"compared", "relative"})
        if t.low == "over" and k + 1 < len(toks) and toks[k + 1].number:
            cue = False  # "over 40%" qualifies a number
        p = phrase_after(text, toks, k + 1) if cue else None
        if p is None or not (t.low != "over" or _NAMELIKE.match(p.text) or _BASELINE_WORDS.search(p.text)):
            continue
        if t.start > c.end and not any(x.number and c.end <= x.start < t.start for x in toks[last + 1:k]):
            after_cues.append(p)
        elif t.start < c.start:
            before_cues.append(p)
    baseline = after_cues[0] if after_cues else (before_cues[-1] if before_cues else None)
    return Proposal(metric, dataset, baseline)


def paper_task(title: str, abstract: str) -> Span | None:
    """The task the paper works on, in the abstract's words: of the abstract's noun phrases, the one sharing most
    words with the title (the paper's own name left out; words of what the title says the work is for, "... for
    Video-Text Retrieval", count double; ties go to the shorter, then the earlier). A number whose sentence names
    no dataset or task was measured on this one."""
    name = own_name(title)
    rest = title[len(name) + 1:] if name else title
    parts = re.split(r"\sfor\s", rest)
    purpose = content_words(parts[-1]) if len(parts) > 1 else set()
    want = content_words(rest)
    best: tuple[float, int, int, Span] | None = None
    for s in sentences(abstract):
        toks = tokens(abstract, s, [])
        k = 0
        while k < len(toks):
            p = phrase_after(abstract, toks, k) if _content(toks[k]) else None
            if p is None:
                k += 1
                continue
            k = _token_at(toks, p.start) + len(_TOKEN.findall(p.text))
            options = [p]
            if k + 1 < len(toks) and toks[k].low in {"of", "in", "for", "on"}:
                q = phrase_after(abstract, toks, k + 1)  # "policy alignment in reinforcement learning"
                options += [Span(abstract[p.start:q.end], p.start, q.end)] if q else []
            for o in options:
                # counted by the phrase's words, so "large-scale" (three forms) counts once
                hits = [content_words(w) for w in o.text.split()]
                score = sum(bool(f & want) + bool(f & purpose) for f in hits)
                if score and "/" not in o.text and not (name and name.lower() in o.text.lower()):
                    key = (-score, len(o.text.split()), o.start, o)
                    if best is None or key[:3] < best[:3]:
                        best = key
    return best[3] if best else None
