"""The QA loop: plan -> retrieve -> judge each paper -> verify -> (retrieve again) -> answer or abstain.

A 1.5B model is reliable when its job is a small choice, so every model step here is one:
- plan: does the question want facts one paper states, a list of papers, or a comparison of two things (then one
  sub-question per side, each retrieved on its own)?
- judge, once per retrieved paper: which shown sentence states the answer (or none), and which words of it?
- choose, when several papers offer evidence for one answer: which candidate answers best (or none)?
- fit, for a paper a list would hold that retrieval ranked low: is its own work on the topic, or does it only
  mention it?
Code does the rest: a paper that shares too little of the question's vocabulary is not judged; every pick is
verified against the text (the words are a verbatim part of the sentence; a quantity asked for is in it; a
rare name the question asks about is in the paper; a numeric bound in the question holds); another retrieval round
when a round finds nothing verified; for a comparison, one paper per side; verbatim quotes and offsets for every
citation; the abstention when the corpus does not answer. Every cut-off is a named field of `QASettings`.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints, create_model

from . import prompts
from .errors import AgentError, CassetteMiss, LLMError
from .fields import listed_together
from .injection import looks_like_instruction
from .llm import LLM
from .metrics import unit_class
from .numbers import Candidate, Sentence, find_candidates, sentences
from .retrieve import Hit, Retriever, tokens
from .schemas import Usage
from .settings import QASettings
from .store import PAGE_ROWS, Store
from .topics import Topic, asks_for_papers, spelled_out
from .words import FUNCTION_WORDS

log = logging.getLogger("litagent.qa")
Kind = Literal["one", "list", "compare"]


class Citation(BaseModel):
    paper_id: str
    title: str
    quote: str
    start: int
    end: int


class AnswerSentence(BaseModel):
    text: str
    citations: list[int] = Field(description="1-based indices into the answer's citation list")
    words: str = Field("", description="the words of the cited quote that answer (verbatim)")


class Step(BaseModel):
    """One judged paper, kept so a user (and the eval) can see why a paper was or was not used."""

    query: str
    paper_id: str
    round: int
    sentence: int | None = Field(None, description="sentence index in the abstract the judge picked, or none")
    phrase: str = ""
    verbatim: bool = Field(False, description="the judge's words were a verbatim part of its sentence")
    verdict: str = Field(description="used, rejected: <why>, or none")


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    kind: Kind = "one"
    citations: list[Citation] = Field(default_factory=list)
    sentences: list[AnswerSentence] = Field(default_factory=list)
    closest: list[dict[str, Any]] = Field(default_factory=list, description="nearest papers, shown on abstention")
    steps: list[Step] = Field(default_factory=list)
    rounds: int = 0
    usage: Usage = Field(default_factory=Usage)
    retrieval_ms: float = 0.0
    unextracted: int = Field(0, description="papers in the store indexed but not yet extracted: searched and judged "
                             "on their text like the others, but their numeric results are not known yet")


class Plan(BaseModel):
    kind: Kind
    number: bool
    parts: list[str] = Field(default_factory=list)
    subjects: list[str] = Field(default_factory=list, description="a comparison's two things as the question names "
                                "them (`subjects`), one per part; empty when only the planner's parts say")


@dataclass
class Pick:
    """A verified piece of evidence: one sentence of one paper, and the words of it that answer."""

    hit: Hit
    sentence: Sentence
    phrase: str
    query: str
    also: list[Sentence] = field(default_factory=list)  # more it quotes: a comparison's side, a question's clauses


# -- words and numbers in questions (the same number finder as for abstracts) ------------------------------------
_NAME = re.compile(r"\b(?=[\w-]*[A-Z][\w-]*[A-Z0-9])[A-Za-z][\w-]*\b|\b[A-Za-z]+\d[\w-]*\b|\b\d+[A-Za-z]+\b")
_OPS = {"above": ">", "over": ">", "more than": ">", "greater than": ">", "exceeding": ">", "higher than": ">",
        "at least": ">=", "below": "<", "under": "<", "less than": "<", "lower than": "<", "at most": "<="}
_OP_RE = re.compile(r"\b(" + "|".join(sorted(_OPS, key=len, reverse=True)) + r")\s*$", re.I)


def names(text: str) -> list[str]:
    """Identifying names: acronyms and mixed-case or letter-digit tokens (BLEU, CodeElo, GPT-4o, CASP15); a token
    the number finder reads as a quantity (10x, 14B) is a number, not a name."""
    def is_number(tok: str) -> bool:
        c = find_candidates(tok)
        return len(c) == 1 and c[0].value_text == tok
    found = {_head(t) for m in _NAME.finditer(text) if len(t := m.group(0)) > 1 and not is_number(t)}
    return sorted(found - {""})


# An acronym joined to plain words is a compound adjective ("LLM-written code", "API-only models", "PPO-style RLHF"):
# it says what kind of thing is asked about, and a paper on it may say so in other words ("code generated by LLMs",
# "black-box models"), so it is no name to require. "o1-mini", "Go-Explore" and "GPT-4o" are names whole.
_COMPOUND = re.compile(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:-[a-z]+)+")


# A name made an adjective ("Bures-Wasserstein-based", "Navier-Stokes-style") names the thing it is built on: a paper
# on it names that thing, seldom the adjective.
_ADJ_SUFFIX = re.compile(r"(?:-(?:based|style|like|type|driven|guided|inspired|powered|aware|oriented|centric"
                         r"|specific|agnostic|free|only))+$")


_TITLE_NAME = re.compile(r"^\s*([^:]{1,60}?)\s*(?::|\s-{1,2}\s|\s—\s)")


def _title_name(title: str) -> str:
    """The name a title gives its work before a colon or dash ("M-FAC: Efficient Matrix-Free ..."), or ""."""
    m = _TITLE_NAME.match(title)
    return m.group(1) if m else ""


def _head(name: str) -> str:
    return "" if _COMPOUND.fullmatch(name) else _ADJ_SUFFIX.sub("", name)


# TeX accents as arXiv listings keep them (T\"ulu, Schr\"odinger, {\'e}), and letters with diacritics, are read as
# the plain letter a user types ("Tulu"); `mentions` compares both sides folded.
_TEX_ACCENT = re.compile(r"""\{\\[`'^"~=.]\s*([A-Za-z])\}|\\[`'^"~=.]\s*\{?([A-Za-z])\}?|\\[uvHckrbd]\{([A-Za-z])\}""")


def fold(text: str) -> str:
    if text.isascii() and "\\" not in text:  # nearly every text: `mentions` folds each abstract it reads
        return text
    text = _TEX_ACCENT.sub(lambda m: next(g for g in m.groups() if g), text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# "A, B or C": a list of alternatives (its last word ends the list; "A or B" is the shortest)
_OR_LIST = re.compile(r"(?:[\w@&-]+,\s+)*[\w@&-]+,?\s+or\s+[\w@&-]+", re.I)


def mentions(name: str, text: str) -> bool:
    """Whole-word, case-insensitive, accents folded (`fold`), with a hyphen read as a hyphen, a space or nothing
    (GPT-4o, "Go Explore", PFPPO); a plural name is mentioned by its singular. Words never run together: "ReNO" is
    not in "are not"."""
    def forms(s: str) -> set[str]:
        s = fold(s).lower()
        # a subscript may be written with "_" or not at all ("L_2" is "L2")
        out = set()
        for t in (s.replace("_", " "), s.replace("_", "")):
            out |= {t, t.replace("-", " "), t.replace("-", "")}
        return out

    n = name.strip().rstrip(".,;:")
    if not n:
        return False
    for body in forms(text):
        for form in forms(n):
            stem = form[:-1] if form.endswith("s") and len(form) > 3 else form
            if re.search(r"(?<![a-z0-9])" + re.escape(stem) + r"(?:s|es)?(?![a-z0-9])", body):
                return True
    return False


_QUANTITY = re.compile(
    r"\bhow\s+(?:many|much|large|big|small|far|fast|slow|long|high|low|often)\b"
    # "what fraction", "what rate", and so with one word naming which one ("what pruning rate", "what batch size",
    # "what win rate"; not an auxiliary or "kind": "what does the ratio ...", "what kind of factor")
    r"|\b(?:what|which|by\s+what)\s+(?:is\s+|was\s+|are\s+)?(?:the\s+)?(?:(?!(?:is|was|are|were|does|do|did|has"
    r"|have|had|can|could|will|would|should|kind|type|sort)\b)[\w-]+\s+)?(?:percentage|fraction|share|proportion"
    r"|number|amount|rate|ratio|factor|speed-?up|margin|size|count)\b"
    # "what average gains", "what FID", "what Elo rating", "what absolute R@1", "what J&F score": a measure named within
    # a few words (a measure's name may hold @, & or -)
    r"|\bwhat\s+(?:[\w@&-]+\s+){0,3}?(?:gains?|improvements?|scores?|ratings?|accuracy|accuracies|error|errors|ranking"
    r"|rank|FID|BLEU|ROUGE|F1|AUC|perplexity|R@\d+|pass@\d+|top-?[15]|throughput|latency|budget|cost|speed-?ups?"
    r"|coefficients?|correlations?)(?![\w@-])"
    # "what absolute AP-Pool does the detector score", "what win rate does X reach", "what correlation with human
    # ratings does X reach": a measure a model is said to reach, named in up to six words
    r"|\bwhat\s+(?:[\w@&-]+\s+){1,6}(?:does|do|did)\b[^?]*?\b(?:reach|scor|get|achiev|obtain|report|attain)\w*", re.I)


def asks_quantity(question: str) -> bool:
    """Whether the question asks for a quantity, by the English interrogatives for one ("how many", "how much
    faster", "what fraction"). The 1.5B model's own yes/no for this was wrong on 2 of 2 non-numeric questions."""
    return bool(_QUANTITY.search(question))


def asks_only_quantities(question: str) -> bool:
    """Whether every clause of the question asks for a quantity: then the sentence answering it must state a number.
    "What does X do, and how much faster is it?" is answered in part by a sentence without one."""
    return all(asks_quantity(p) for p in question_parts(question))


# A question about a change ("how much faster", "what gain over X") may be answered by a number stated as one; a
# question about a value ("what FID", "how many GPU hours") is not answered by a sentence whose every number is a
# change ("2.4% improvements in R@1", "improves accuracy by 3%"): that is the value's difference, not the value.
_CHANGE_ASKED = re.compile(r"\bby\s+how\s+much\b|\b(?:gains?|improv\w*|faster|slower|speed-?ups?|increas\w*|decreas\w*"
                           r"|reduc\w*|boost\w*|rais\w*|lift\w*|drop\w*|cut\w*|shrink\w*|better|worse|outperform\w*"
                           r"|fewer|sav(?:e|es|ed|ing|ings)|higher|lower|margin|gap|differen\w*|compared|relative|over"
                           r"|than|fraction)\b", re.I)
_CHANGE_AFTER = re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:improvements?|gains?|higher|better|faster|slower|increases?"
                           r"|boosts?|lower|reductions?|fewer|more|less|speed-?ups?|relative)\b", re.I)
_CHANGE_BEFORE = re.compile(r"\bby\s*(?:up\s+to\s+|over\s+|about\s+|nearly\s+|around\s+|an?\s+average\s+of\s+)?$", re.I)


# What a quantity question asks to be measured: the words after "how many"/"how much"/"what" up to the verb or the
# first preposition ("GPU hours" in "how many GPU hours were used to train X"). Words every measure shares (score,
# average, gain) or that only say it is a quantity name nothing to look for.
_MEASURE_AT = re.compile(r"\bhow\s+(?:many|much)\s+|\bwhat\s+", re.I)
_MEASURE_END = set("""is are was were be does do did has have had can could will would should went go goes take took
of in on for at with against over than from to by when that which who whose under after before per across if while
and or""".split())
_MEASURE_GENERIC = FUNCTION_WORDS | set("""score scores rating ratings number numbers amount amounts value values
performance result results gain gains improvement improvements increase average mean absolute relative total overall
final level factor times time fraction share proportion percentage rate ratio size count kind type""".split())
_COMPARATIVE = {"more", "less", "fewer", "faster", "slower", "larger", "smaller", "higher", "lower", "better",
                "worse", "bigger", "longer", "shorter", "cheaper"}


def measure_words(question: str) -> list[str]:
    """The words naming what each quantity clause asks to be measured; empty when a clause names nothing to look
    for ("how much faster", "what fraction", "how much does it improve"): the sentence answering that clause need name
    none of them."""
    out: list[str] = []
    for part in question_parts(question):
        if not asks_quantity(part):
            continue
        before = len(out)
        for m in _MEASURE_AT.finditer(part):
            if not _QUANTITY.match(part, m.start()):
                continue  # a "what" that asks for no quantity ("separates what models share")
            run: list[str] = []
            for w in re.findall(r"[\w@'’-]+", part[m.end():]):
                w = w.strip("'’")
                if w.lower() == "in" and run and all(x.lower() in _MEASURE_GENERIC for x in run):
                    continue  # "what average gain in normalized score": the measure follows the gain
                if not run and w.lower() in ("more", "less", "fewer"):
                    continue  # "how much more optimizer memory": the measure follows the comparative of amount
                if w.lower() in _MEASURE_END or w.lower() in _COMPARATIVE:
                    break
                run.append(w)
            if m.group(0).lower().startswith("what") and len([w for w in run if w.lower() not in _MEASURE_GENERIC]) > 4:
                continue  # "what ..." naming no measure before its verb is not a quantity clause of this shape
            out += [w for w in run if w.lower() not in _MEASURE_GENERIC and w.lower() not in out]
        if len(out) == before:
            # a clause that names no measure ("and how much faster is it?") is answered by a sentence naming none
            # of the other clauses' measures: no word is required of every answer
            return []
    return list(dict.fromkeys(out))


# A capitalised word inside a sentence is a proper noun ("the 14B Wan model", "in simulated Codeforces contests");
# its ending "-style"/"-based", a participle ("Tabu-search-tuned": the paper says "Tabu search") or a possessive is not
# part of the name.
_PROPER = re.compile(r"(?<=[A-Za-z0-9,;:)] )([A-Z][a-z]+(?:-[A-Za-z]+)*)(?:['’]s)?(?=[\s,;:?.!)]|$)")
_NAME_SUFFIX = re.compile(r"(?<=[A-Za-z]{3})-(?:style|based|like|type|driven|[a-z]{2,}ed)$", re.I)


def proper_nouns(question: str) -> list[str]:
    """Capitalised words the question uses as names, besides the names `names` finds."""
    found = [_NAME_SUFFIX.sub("", m.group(1)) for m in _PROPER.finditer(question)]
    return [n for n in dict.fromkeys(found) if n not in names(question)]


_ON_NAME = re.compile(r"\bon\s+(?:the\s+)?(\S+)", re.I)


def benchmarks(question: str) -> list[str]:
    """The names a quantity is asked on ("pass@1 on HumanEval", "on the SemanticKITTI benchmark"): a number measured
    on another benchmark does not answer, however common the benchmark's name is in the corpus."""
    found = {m.group(1).strip(".,;:?!") for m in _ON_NAME.finditer(question)}
    return [n for n in names(question) if n in found]


_COUNT_ASKED = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.I)


def quantities(text: str, question: str) -> list[Candidate]:
    """The numbers of a text that can answer the question's quantity. A count ("how many tasks") may be written as a
    word ("three tasks"); a measure (an error rate, a score, a speed-up) is reported in digits, so a number word
    ("three main advantages") states none."""
    found = find_candidates(text)
    if _COUNT_ASKED.search(question):
        return found
    return [c for c in found if any(ch.isdigit() for ch in c.value_text)]


# How far after a number the thing it counts is written: "50 gradient-ascent iterations", "3% of the negative
# samples", "23 LLMs, including ..."
_COUNTED_WITHIN = 40


def counts_of(text: str, measure: list[str], abstract: str) -> bool:
    """Whether some number of the text counts what a "how many X" question asks: X is named right after it, or an
    acronym the abstract defines by it ("3,700 LLMs" counts language models). A sentence that names X elsewhere
    ("fewer gradient steps", beside "3% of the negative samples") counts something else."""
    for c in find_candidates(text):
        after = text[c.end:c.end + _COUNTED_WITHIN]
        if any(mentions(w, t) for w in measure for t in (after, spelled_out(after, abstract))):
            return True
    return False


def asks_change(question: str) -> bool:
    return bool(_CHANGE_ASKED.search(question))


def states_value(text: str) -> bool:
    """Whether some number of the text is a value rather than a change; numbers listed together ("2.4%, 1.4% and
    1.3% improvements") share the word after the last one."""
    cands = find_candidates(text)
    change = [False] * len(cands)
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        listed = i + 1 < len(cands) and listed_together(text, c, cands[i + 1])
        change[i] = (bool(_CHANGE_AFTER.match(text[c.end:c.end + 40])) or bool(_CHANGE_BEFORE.search(text[:c.start]))
                     or (listed and change[i + 1]))
    return not all(change)


# A new interrogative clause after "?", ", and" or "and" starts another question: "what goes wrong with ROAST, and
# what is the fixed version called?" asks two things, usually answered by two sentences of one paper. It may open with
# an auxiliary ("..., and can it run without a nested loop?") or, after a comma, a preposition ("..., and up to what
# batch size?"; without one, "On which dataset and with which model ...?" is one clause).
_PART_BREAK = re.compile(r"(?:\?\s+|[,;]\s+and\s+|\s+and\s+)(?=(?:what|which|how|why|where|when|who|is|are|was|were"
                         r"|does|do|did|has|have|had|can|could|will|would|should|if)\b)"
                         r"|(?:\?\s+|[,;]\s+and\s+)"
                         r"(?=(?:up\s+to|for|in|on|at|by|with|from|under|over|across|against|to)"
                         r"\s+(?:what|which|how|whom)\b)", re.I)


def question_parts(question: str) -> list[str]:
    """The questions a question asks, in order: one, or several for a question of several clauses."""
    return [p.strip() for p in _PART_BREAK.split(question.strip()) if p.strip()]


# "A and B both V ..." (or "each V ...") opening a question: a statement naming two things, then what it asks of each
# ("CodeScore and B4 both try to tell which programs are correct. What inputs does each work from?"). 25 of the 45
# comparisons of evals/ open this way (and no other kind of question does); of the first 23, the 1.5B planner split 7
# by clause instead of by thing ("What does each one build on?", "Is reinforcement learning used?"), and called 3 a
# single answer.
_FIRST_STATEMENT = re.compile(r"\s*(.+?[^.\s])\.\s+(?=[A-Z])(.+)$", re.S)
_BOTH = re.compile(r"\s+(?:(?:are|were|do|did)\s+)?(both|each)\s+(?=[a-z])")
_ASKING = re.compile(r"^\W*(?:how|what|which|why|where|when|who|whose|is|are|does|do|did|can|could)\b", re.I)
_EACH = re.compile(r"\beach(?:\s+one)?(?:\s+of\s+them)?\b", re.I)
# A thing named in more words than this is a clause, not a noun phrase (the longest subject of evals/ has 10)
_MAX_SUBJECT_WORDS = 16


def subjects(question: str) -> list[tuple[str, str]]:
    """The two things a question compares when it opens with a statement "A and B both ..." (`_FIRST_STATEMENT`),
    each as the statement names it, with the question asked of it alone: what the question asks, with "each" put as
    the thing ("What does ReNO optimize?"; the statement is left out: what both things do is not what is asked, and
    with it the judge picked the sentence restating it). [] for any other question. The "and" that joins the two
    is the first outside parentheses ("NBPO (negative sampling from implicit feedback) and PF-PPO (RLHF for code)
    both ...")."""
    m = _FIRST_STATEMENT.match(question)
    if not m:
        return []
    statement, asked = m.group(1), m.group(2).strip()
    both = _BOTH.search(statement)
    if not both or _ASKING.match(statement) or not asked:
        return []
    if both.group(1) == "each" and not _EACH.search(asked):
        # "A and B each V ..." says both as well, but "each" is also a determiner ("X spreads each update"): it
        # names two things only when the question then asks something of each
        return []
    head, depth = statement[:both.start()], 0
    for i, ch in enumerate(head):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and head.startswith(" and ", i):
            two = [re.sub(r"^The\b", "the", x.strip()) for x in (head[:i], head[i + 5:])]
            if all(two) and max(len(x.split()) for x in two) <= _MAX_SUBJECT_WORDS:
                return [(x, side_question(asked, x)) for x in two]
            break
    return []


def by_thing(parts: list[str], two: list[tuple[str, str]]) -> list[str]:
    """The sub-questions of a comparison of two things (`subjects`): the planner's, in the things' order, when each
    is about one of the two (it uses most of that thing's words and fewer of the other's: the model words them as
    full questions, "How does FunCoder split its problem into smaller subproblems?"); else the question asked of each
    (the planner split 7 of the 23 such comparisons of evals/ by clause, "Is reinforcement learning used?")."""
    words = [set(tokens(x)) for x, _ in two]

    def about(part: str, i: int) -> bool:
        used = set(tokens(part))
        return bool(words[i]) and 2 * len(words[i] & used) >= len(words[i]) and (
            len(words[i] & used) / len(words[i]) > len(words[1 - i] & used) / max(1, len(words[1 - i])))

    def whole(part: str) -> bool:
        # the 1.5B planner drops clauses ("How does each judge X, and which measure does each report?" became "How
        # does AIO-P judge X?" in 5 of the 11 such comparisons of evals/): a part asking fewer is not used
        return len(question_parts(part)) >= len(question_parts(two[0][1]))

    for order in ((0, 1), (1, 0)):
        if len(parts) == 2 and all(about(parts[at], i) and whole(parts[at])
                                   for at, i in zip(order, (0, 1), strict=True)):
            return [parts[order[0]], parts[order[1]]]
    return [q for _, q in two]


def side_question(asked: str, subject: str) -> str:
    """What a question asks of each of two things, asked of one: "What does each one optimize?" -> "What does ReNO
    optimize?"; a question that does not say "each" is asked about the thing as it stands."""
    return _EACH.sub(lambda _: subject, asked) if _EACH.search(asked) else f"{subject}: {asked}"


# The examples a question gives of what it asks about: "for instance labels that might be flipped, reward scores that
# may be wrong, or test cases that are unreliable", "e.g. self-reflection or self-correction", "(cleaning,
# deduplication, or mixing sources)". A paper on one of them is far, in embedding space, from the whole question.
_EXAMPLES = re.compile(r"\b(?:e\.g\.|i\.e\.|for\s+(?:instance|example)|such\s+as)\s*,?\s*([^?()]+?)(?=\.\s|[?()]|$)"
                       r"|\(([^()]*(?:,|\bor\b)[^()]*)\)", re.I)
_EXAMPLE_SEP = re.compile(r"\s*,\s*(?:(?:or|and)\s+)?|\s+or\s+|\s+and\s+", re.I)


def examples(question: str) -> list[str]:
    """The phrases of the examples a question lists (`_EXAMPLES`), in order; [] when it gives none."""
    out: list[str] = []
    for m in _EXAMPLES.finditer(question):
        for part in _EXAMPLE_SEP.split((m.group(1) or m.group(2)).strip(" .")):
            if tokens(part := part.strip()) and part not in out:
                out.append(part)
    return out


def numeric_bound(question: str) -> tuple[str, Candidate] | None:
    """ "above 10x", "at least 90%": a comparison word right before a number found by the abstract number finder."""
    for c in find_candidates(question):
        m = _OP_RE.search(question[:c.start])
        if m:
            return _OPS[m.group(1).lower()], c
    return None


def meets(value: float, unit: str, bound: tuple[str, Candidate]) -> bool:
    op, b = bound
    if unit_class(unit) != unit_class(b.unit):
        return False
    return {">": value > b.value, ">=": value >= b.value, "<": value < b.value, "<=": value <= b.value}[op]


def satisfies(text: str, bound: tuple[str, Candidate]) -> bool:
    return any(meets(c.value, c.unit, bound) for c in find_candidates(text))


def _clean_phrase(phrase: str, sentence: str, max_words: int) -> str | None:
    """The judge's phrase when it is a verbatim part of the sentence (ignoring case, spacing and end punctuation),
    returned as the sentence writes it; None otherwise."""
    p = re.sub(r"\s+", " ", phrase.strip().strip(".,;:\"'“”"))
    if not p or len(p.split()) > max_words:
        return None
    at = sentence.lower().find(p.lower())
    return sentence[at:at + len(p)] if at >= 0 else None


_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s\(|\)\s|\s-{1,2}\s|\s—\s")


def clause(sentence: str, words: str) -> str:
    """The clause of `sentence` around `words` (a verbatim part of it): a number cut out of its clause loses what
    it is compared with or measured on ("94.98%" vs "from 87.79% to 94.98%")."""
    at = sentence.find(words)
    if at < 0:
        return words
    cuts = [m for m in _CLAUSE_BREAK.finditer(sentence)]
    start = max((m.end() for m in cuts if m.end() <= at), default=0)
    end = min((m.start() for m in cuts if m.start() >= at + len(words)), default=len(sentence))
    return sentence[start:end].strip().rstrip(".")


# A sentence that opens by pointing back — a pronoun or demonstrative ("This finding shows", "It"), a definite
# subject ("The framework is plug-and-play", "The AUC ... of the best model"), an elaboration ("Specifically", "In
# particular") — or that uses "this"/"these"/"such" for something said before ("Lion achieves this through ...")
# states half a claim: what it refers to is in the sentence before. ("this paper/work" is the paper itself; "such as"
# gives examples, it points nowhere.)
_BACK_OPENER = re.compile(r"^(?:this|these|those|that|it|its|they|their|such|the|specifically|in particular|as a "
                          r"result|thus|hence|therefore|consequently|to this end|in doing so)\b", re.I)
_BACK_WORD = re.compile(r"\b(?:this|these)\b(?!\s+(?:paper|work|study|article|survey|report|letter|thesis)\b)"
                        r"|\bsuch\b(?!\s+as\b)", re.I)


def leans_back(sentence: str) -> bool:
    """Whether the sentence refers to something only the sentence before it says (see `_BACK_OPENER`)."""
    return bool(_BACK_OPENER.match(sentence.strip()) or _BACK_WORD.search(sentence))


# A sentence that announces what the next ones say ("CEMs suffer from two significant drawbacks.", "This work features
# three key contributions.", "... as follows:") states none of it: quoted alone, it promises an answer it does not
# give. 5 of the 160 bundled abstracts have one (the items follow as "1. ...", "First, ...", or in one sentence).
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "several": 3}
_FORWARD = re.compile(r"(?::|\bas\s+follows|\bthe\s+following|\b(" + "|".join(_COUNTS) + r")\s+"
                      r"(?:(?!of\b|these\b|those\b)[\w-]+\s+){0,2}?(?:drawbacks|limitations|shortcomings|weaknesses"
                      r"|challenges|problems|issues|contributions|observations|findings|insights|lessons|advantages"
                      r"|benefits|steps|stages|phases"
                      r"|components|aspects|ways|questions|reasons|properties|parts))\W*$", re.I)
_ITEM = re.compile(r"^\W*(?:\d+[.)]|\(?[ivx]+\)|\(?[a-e]\)|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?"
                   r"|finally|lastly)(?=\W)", re.I)


def announced(sentence: Sentence, whole: list[Sentence]) -> list[Sentence]:
    """The sentences a sentence announces (`_FORWARD`): the next one, and the items after it that continue its
    enumeration ("2. ...", "Second, ..."), up to the count it announces. [] for a sentence that announces nothing."""
    m = _FORWARD.search(sentence.text.strip())
    if not m or sentence.id + 1 >= len(whole):
        return []
    out = [whole[sentence.id + 1]]
    count = _COUNTS.get((m.group(1) or "").lower(), 1)
    while (len(out) < count and _ITEM.match(out[0].text) and out[-1].id + 1 < len(whole)
           and _ITEM.match(whole[out[-1].id + 1].text)):
        out.append(whole[out[-1].id + 1])
    return out


# A sentence that turns on the one before it ("However, such output is not suitable for code generation", after "recent
# works articulate natural-language reasoning steps") states the paper's view of what that one describes: the one
# before, quoted alone, states the view the paper argues against. 30 of the 160 bundled abstracts have one. So does a
# sentence that opens by conceding it ("Despite several successful discoveries, exhaustive search remains limited by
# ...", after "Recent efforts ... relied on exhaustive search."): the concession is the sentence before, the rest is
# what the paper holds against it; 14 of the 160 have one.
_TURN = re.compile(r"^\W*(?:however|but|yet|unfortunately|nevertheless|nonetheless|still)\b,?\s*", re.I)
_CONCEDE = re.compile(r"^\W*(?:despite|in\s+spite\s+of|although|though|even\s+though|notwithstanding)\b", re.I)


def turned(sentence: Sentence, whole: list[Sentence]) -> Sentence | None:
    """The next sentence when it opens with a turn (`_TURN`) and the rest of it points back (`leans_back`), or opens
    with a concession (`_CONCEDE`)."""
    if sentence.id + 1 >= len(whole):
        return None
    after = whole[sentence.id + 1]
    if _CONCEDE.match(after.text):
        return after
    m = _TURN.match(after.text)
    return after if m and leans_back(after.text[m.end():]) else None


# -- model steps -------------------------------------------------------------------------------------------------
# Things papers both make and use, each with the other words a paper may call it by: a question asking which paper
# makes one ("which papers introduce new benchmarks", "papers that release a software library") is not answered by a
# paper that evaluates on one or builds on one (in dev's benchmark list, 4 of the 8 papers the judge accepted
# evaluate on benchmarks and make none).
_MADE_THINGS = (("benchmark", "dataset", "data set", "corpus", "corpora", "test set", "suite", "leaderboard", "arena",
                 "testbed"),
                ("library", "libraries", "toolkit", "toolbox", "package", "software", "codebase", "platform"))
# The verbs by which a paper says it made something, in the question and in the abstract alike.
_MAKING = re.compile(r"\b(?:introduc|propos|present|releas|construct|buil[dt]|creat|develop|curat|contribut|establish"
                     r"|design|offer|publish|provid|open-?sourc|launch)\w*", re.I)


_OBJECT_END = re.compile(r"\s(?:of|for|to|on|in|with|that|which|where|who|as|by|from|over|than|and|or|via|using)\s"
                         r"|[,;:?.!(]", re.I)


def made_asked(question: str, rare: list[str]) -> list[str]:
    """What the question asks a paper to have made: after a verb of making ("which paper introduces the Mamba
    model", "papers that release a library"), the rare names it uses, or else the words for things papers both make
    and use (with the other words of their kind); [] when it asks nothing of the kind ("what dataset does X
    introduce?" names the thing before the verb: a question about X's dataset, not about who made one)."""
    m = _MAKING.search(question)
    if not m:
        return []
    # the verb's object: up to the first preposition, conjunction or clause mark ("propose modifications | of the Adam
    # optimizer" asks for modifications, not for Adam)
    after = _OBJECT_END.split(question[m.end():], maxsplit=1)[0]
    named = [n for n in rare if mentions(n, after)]
    # a name says which thing; the words for a kind of thing only what kind
    return named or [w for kind in _MADE_THINGS if any(re.search(rf"\b{re.escape(x)}", after, re.I) for x in kind)
                     for w in kind]


def states_making(title: str, abstract: str, things: list[str]) -> bool:
    """Whether a paper says it made one of `things`: its title names one, or a sentence of its abstract names one
    after a verb of making ("we introduce CodeElo, a ... benchmark", "we release an open-source dataset")."""
    def named(text: str) -> bool:
        return any(re.search(rf"\b{re.escape(t)}", text, re.I) if t.islower() else mentions(t, text) for t in things)

    if named(title):
        return True
    for s in sentences(abstract):
        m = _MAKING.search(s.text)
        if m and named(s.text[m.end():]):
            return True
    return False


class _Ctx:
    """What every step of one question shares: the model, its recording, the running usage."""

    def __init__(self, question: str, llm: LLM, cassette: Path | None, cfg: QASettings) -> None:
        self.question, self.llm, self.cassette, self.cfg = question, llm, cassette, cfg
        self.usage = Usage()

    def call(self, prompt: str, values: dict[str, str], model: type[BaseModel], max_tokens: int) -> Any:
        out, usage = self.llm.structured(prompts.load(prompt), values, model, cassette_path=self.cassette,
                                         max_tokens=max_tokens)
        self.usage.add(usage)
        return out


class _PlanOut(BaseModel):
    kind: Kind
    # bounded so a looping model hits the schema, not max_tokens
    parts: list[Annotated[str, StringConstraints(max_length=160)]] = Field(max_length=2)


# The words by which English asks to compare two things. A question with none of them ("what metric did X add, and
# what was it meant to stop?", "what gains does X report, and how much faster is it than Y?") asks about one thing,
# whatever the planner says: the 1.5B planner called 8 such questions of the 98 of dev, own and fresh comparisons,
# and a comparison cites a second paper the question is not about (answered as one question: 6 of the 8 right, none
# wrong; as comparisons: 5 right, 1 wrong). Words that only look like them do not count: "both" joining two objects
# ("handles both search and generation"), "two" ("which two kinds of models"), and "compare" as a noun or participle
# ("for the comparison to be fair", "compared to DreamBooth, what fraction ..."): each of those asks about one paper's
# work. Of the 36 comparisons of evals/ (written 2026-12-04, probe4 included), none is asked by them alone.
_COMPARISON_CUE = re.compile(r"\b(?:vs\.?|versus|compar(?:e|es|ing)|differ\w*|each|either|whereas|between)\b"
                             r"|\bboth\b(?!(?:\s+[\w-]+){1,5}\s+and\b)|\bwhich\b[^?]*\bor\b", re.I)

# The words by which English asks for papers ("which papers", "any work", "find recent studies", "is there"). A list
# answer names papers, so a question without them ("Which LiDAR challenges did the network that fuses images with
# point clouds win?", "What does the extractor for scientific articles pull out?") asks for facts, whatever the
# planner says: it called 5 of the 161 questions of evals/ lists without such words (none of them a list: four single
# facts and a comparison), and every one of their 41 lists has them.
_PAPERS_CUE = re.compile(r"\b(?:which|what|any|find|list|show)\s+(?:[\w-]+\s+){0,2}?(?:papers?|works?|stud(?:y|ies)"
                         r"|articles?|research|publications?)\b|\b(?:is|are)\s+there\b|\banything\b", re.I)

# A question that opens by asking for papers in the plural ("Which papers ...", "Are there papers that ...", "Any work
# on ...", "Find studies ...") asks for a list, whatever the planner says: the 1.5B planner called 4 of the 48 such
# questions of evals/ a single answer or a comparison ("Which papers argue that the usual way methods are evaluated
# or compared is flawed?"), and every answerable one of them is a list. So does one asking for "anything on X" (whatever
# exists on it) or saying "I'm looking for papers ...", "I need papers on ...", or opening with the plural itself, as a
# search box is typed ("Papers about calibration?"). A singular ("Is there a paper on X?") may ask for one paper,
# and stays the planner's call.
_LIST_FORM = re.compile(
    r"^\W*(?:(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:papers|works|studies|articles|publications)\b"
    r"|(?:are\s+there|do\s+you\s+have|does\s+the\s+corpus\s+have)\s+(?:any\s+|some\s+|other\s+)?(?:[\w-]+\s+)?"
    r"(?:papers|works|studies|articles|publications)\b"
    r"|any\s+(?:[\w-]+\s+)?(?:papers|works?|studies|articles|publications|research)\b"
    r"|(?:find|list|show)(?:\s+me)?\s+(?:all\s+|any\s+|some\s+)?(?:[\w-]+\s+)?(?:papers|works?|studies|articles"
    r"|publications|research)\b"
    r"|(?:is\s+there\s+|does\s+|do\s+you\s+have\s+)?anything\s+(?:on|about|in|that|regarding|dealing)\b"
    r"|(?:i\s*'?\s*m|i\s+am)\s+(?:looking|searching)\s+for\s+(?:any\s+|some\s+)?(?:papers|studies|articles"
    r"|publications)\b"
    r"|i\s+(?:need|want|would\s+like)\s+(?:any\s+|some\s+)?(?:[\w-]+\s+)?(?:papers|studies|articles|publications)\b"
    r"|(?:papers|studies|articles|publications)\s+(?:about|on|that|which|using|dealing|with|in|for|where|regarding)\b)",
    re.I)


# How much more of a description's vocabulary (Retriever.support) a paper below the nearest must use to stand for it
# instead: "the evolutionary approach to model merging" 0.50 for the evolutionary-merging paper against 0.16 for the
# nearest (another merging paper); "What pretraining task helps Geoformer?" 0.54 for a pretraining-theory paper
# against 0.52 for the nearest, Geoformer's own paper
_DESCRIBED_MARGIN = 2.0
# A sub-question asked of both things of a comparison ("Does either of them need extra training?"), not of one
_BOTH_SIDES = re.compile(r"\b(?:either|each|both|they|them|their)\b", re.I)

# prompts/qa_plan.md's example of sides ("Is A faster than B?" -> "How fast is A?"). A side in its form, for a question
# that never says "fast", copies the example: "Is ST-ProtoPNet faster than LiMA?" for a question about what each
# explains; 6 of the 90 sides the planner wrote for the 45 comparisons of evals/ (and every side that used a word of
# the prompt the question does not).
_PLAN_EXAMPLE = re.compile(r"^\W*(?:is\s.+\sfaster\s+than\s|how\s+fast\s+is\s)", re.I)


def plan(ctx: _Ctx) -> Plan:
    """What kind of answer the question needs. A plan that fails (the model looped past max_tokens, output that never
    validated) falls back to answering it as one question: planning is an aid, never a reason to give no answer."""
    try:
        out: _PlanOut = ctx.call("qa_plan", {"question": ctx.question}, _PlanOut, max_tokens=120)
    except CassetteMiss:
        raise
    except LLMError as e:
        log.warning("planning failed (%s); answering as one question", e)
        return Plan(kind="one", number=asks_only_quantities(ctx.question))
    parts: list[str] = []
    qwords = set(tokens(ctx.question))
    copied = not {"fast", "faster"} & qwords
    for p in out.parts:
        p = p.strip()[:200]
        # a side must be about the question: it shares a content word with it, is not the whole question, and
        # asks what the question asks, not what the prompt's example does
        if (p and set(tokens(p)) & qwords and not (copied and _PLAN_EXAMPLE.match(p))
                and p.lower() != ctx.question.strip().lower() and p not in parts):
            parts.append(p)
    kind: Kind = out.kind
    if _LIST_FORM.search(ctx.question):
        kind = "list"
    elif (kind == "compare" and not _COMPARISON_CUE.search(ctx.question)
            or kind == "list" and not _PAPERS_CUE.search(ctx.question)):
        kind = "one"
    # a comparison without two usable sides is still a comparison: its two papers come from the whole question
    return Plan(kind=kind, number=asks_only_quantities(ctx.question),
                parts=parts[:2] if kind == "compare" and len(parts) >= 2 else [])


def judge(ctx: _Ctx, query: str, hit: Hit, max_words: int) -> tuple[Sentence | None, str]:
    """One paper, one small choice: which shown sentence states the answer (or none), and the words of it that
    answer. Asking for the words as well is what makes the 1.5B model commit: with the sentence id alone it said
    none for the right paper on 3 of 5 dev single-fact questions it had answered when asked for both. The words are
    the answer: when they are not in the sentence picked but in exactly one other sentence shown, that one is cited."""
    shown = hit.best
    lines = "\n".join(f"S{i}: {s.text}" for i, s in enumerate(shown, 1))
    ids = tuple(["none"] + [f"S{i}" for i in range(1, len(shown) + 1)])
    model = create_model("Judgement", sentence=(Literal[ids], ...),  # type: ignore[arg-type]
                         answer=(str, Field(max_length=8 * max_words)))
    out = ctx.call("qa_judge", {"question": query, "title": hit.paper.title, "sentences": lines}, model,
                   max_tokens=120)
    if out.sentence == "none":
        return None, ""
    picked = shown[int(out.sentence[1:]) - 1]
    if _clean_phrase(out.answer, picked.text, max_words) is None:
        holding = [s for s in shown if _clean_phrase(out.answer, s.text, max_words) is not None]
        if len(holding) == 1:
            picked = holding[0]
    return picked, out.answer


# How an abstract says what its own work is ("we propose", "this paper studies", "in this work, we present").
_CONTRIBUTION = re.compile(r"\b(we|this paper|this work|in this (paper|work))\b.{0,40}\b(propose|introduce|present"
                           r"|develop|study|show|investigate|address|design|build|create|construct)", re.I)


def contribution(abstract: str) -> str:
    """The abstract's first sentence saying what the paper itself does; its first sentence when none does."""
    ss = sentences(abstract)
    return next((s.text for s in ss if _CONTRIBUTION.search(s.text)), ss[0].text if ss else "")


class _FitsOut(BaseModel):
    fits: Literal["yes", "no"]


def fits(ctx: _Ctx, hit: Hit, sentence: Sentence) -> bool:
    """One paper, one yes/no: is its own work on the topic a list asks for, or does it only mention it?"""
    out: _FitsOut = ctx.call("qa_fits", {"question": ctx.question, "title": hit.paper.title,
                                         "contribution": contribution(hit.paper.abstract),
                                         "sentence": sentence.text}, _FitsOut, max_tokens=20)
    return out.fits == "yes"


def choose(ctx: _Ctx, query: str, picks: list[Pick]) -> Pick | None:
    """The candidates side by side: which states the answer most directly, or none."""
    ids = tuple(["none"] + [f"C{i}" for i in range(1, len(picks) + 1)])
    model = create_model("Choice", best=(Literal[ids], ...))  # type: ignore[arg-type]
    block = "\n".join(f"C{i} ({p.hit.paper.title}): {p.sentence.text}" for i, p in enumerate(picks, 1))
    out = ctx.call("qa_choose", {"question": query, "candidates": block}, model, max_tokens=30)
    return None if out.best == "none" else picks[int(out.best[1:]) - 1]


# -- the loop ------------------------------------------------------------------------------------------------------
def cassette_name(question: str) -> str:
    return hashlib.sha1(question.strip().encode()).hexdigest()[:12] + ".yaml"


class Loop:
    def __init__(self, question: str, store: Store, llm: LLM, retriever: Retriever, cfg: QASettings,
                 cassette: Path | None, only: set[str] | None) -> None:
        self.ctx = _Ctx(question, llm, cassette, cfg)
        self.question, self.store, self.retriever, self.cfg, self.only = question, store, retriever, cfg, only
        self.steps: list[Step] = []
        self.rounds = 0
        self.retrieval_ms = 0.0
        self.seen: set[tuple[str, str]] = set()
        self.described: set[str] = set()  # papers that stand for a comparison's side named only by a description
        # Names are checked only when rare in the corpus: a rare name identifies what is asked about, a common
        # acronym (LLM, RL) is vocabulary that an answering paper may spell out instead.
        self._df_limit = max(1, int(cfg.generic_name_share * max(1, len(retriever.ids))))
        self._common: dict[str, bool] = {}
        self.topic = Topic(question, retriever.idf, cfg.topic_max_words)
        self.examples = examples(question)
        self._or_lists = [re.findall(r"[\w@&-]+", m.group(0).replace(" or ", " ")) for m in _OR_LIST.finditer(question)]

    def _by_topic(self, plan: Plan) -> bool:
        """A question about which papers exist on a topic named in a few words (not a condition on numbers: "a
        speed-up above 10x")."""
        return (self.topic.checkable and numeric_bound(self.question) is None
                and (plan.kind == "list" or asks_for_papers(self.question)))

    def _search(self, query: str, k: int, shown: int) -> list[Hit]:
        hits = self.retriever.search(query, k=k, only=self.only)
        self.retrieval_ms += self.retriever.last_ms
        self.retriever.best_sentences(query, hits, per_paper=shown)
        return hits

    def _rare_names(self, text: str) -> list[str]:
        out = []
        for n in names(text):
            if not mentions(n, self.question) or (len(n) < 3 and n.isalpha()):
                continue  # only names the user wrote; two letters (KG, QA) are abbreviations users coin freely (a
                # letter and a digit, B4 or T5, name a model)
            if not self._common_name(n):  # decided once per question (parts and rounds reuse it)
                out.append(n)
        return out

    def _is_common(self, name: str) -> bool:
        """Whether more than `generic_name_share` of the papers mention the name (`mentions`). Only the papers the
        search index says hold one of its word forms are read — itself, unhyphenated, plural or possessive, and its
        rarest hyphen part (which "Go Explore" holds for "Go-Explore") —, none when they are too few to make it
        common, and no more once it is. A text that hyphenates a name the question writes whole ("PF-PPO" for
        "PFPPO") is not counted: such a name may count as rarer than it is, and is then checked."""
        ids = self._candidates(name)
        if len(ids) <= self._df_limit:
            return False
        count = 0
        for at in range(0, len(ids), PAGE_ROWS):
            page = ids[at:at + PAGE_ROWS]
            self.retriever.papers.load(page)
            count += sum(1 for pid in page if mentions(name, self.retriever.papers[pid].title + " "
                                                       + self.retriever.papers[pid].abstract))
            if count > self._df_limit:
                return True
        return False

    def _candidates(self, name: str) -> list[str]:
        """The papers the search index says hold a word form of the name (a superset of those that name it)."""
        t = name.lower()
        forms = {t, t.replace("-", "")}
        forms |= {f + end for f in forms for end in ("s", "es", "'s")} | {f[:-1] for f in forms if f.endswith("s")}
        parts = [p for p in t.split("-") if p]
        if len(parts) > 1:
            forms.add(min(parts, key=lambda p: (self.retriever.index.df.get(p, 0), p)))
        return sorted(self.retriever.index.papers_with(forms))

    def two_things(self) -> list[str]:
        """The names of the things the question compares, when it names two or more that no paper names together
        ("ReCode and ENAMEL both evaluate code: what does each one measure?"): then each is another paper's,
        whatever the planner said, when the question compares (`_COMPARISON_CUE`) or names two of them side by side
        ("Do UniCoder and PLANSEARCH agree on ...?"; a question naming a model and a benchmark apart, "What Elo
        rating does GPT-4o achieve on CodeElo?", asks one paper, or none, and is not read as two). Rare names only,
        read from the few papers that hold them; a paper naming them all (a study of ROME and MEMIT) answers it as
        one, and gives [], as does a name no paper holds."""
        rare = self._rare_names(self.question)
        joined = any(re.search(re.escape(a) + r"\W*\s+(?:and|or|&)\s+" + re.escape(b), self.question)
                     for a in rare for b in rare if a != b)
        if len(rare) < 2 or not (joined or _COMPARISON_CUE.search(self.question)):
            return []
        together: set[str] | None = None
        for n in rare:
            ids = self._candidates(n)
            self.retriever.papers.load(ids)
            named = {pid for pid in ids if mentions(n, self.retriever.papers[pid].title + " "
                                                    + self.retriever.papers[pid].abstract)}
            if not named:
                return []  # a name no paper holds: nothing to compare it by
            together = named if together is None else together & named
        return [] if together else rare

    def _side_names(self, plan: Plan) -> list[list[str]]:
        """For a comparison planned as two sides: the names only one side uses, per side — rare names and the
        capitalised words a side names its subject by ("How much gain does Lion report over AdamW?"), when the
        question uses them. A name both sides use (the baseline both are measured against) or neither side uses
        (a gloss: "the Shampoo-Adam hybrid (SOAP)") describes the comparison, not one of its two things."""
        if plan.kind != "compare" or len(plan.parts) != 2:
            return []
        raw = [set(self._rare_names(part)) | {n for n in proper_nouns(part) if mentions(n, self.question)
                                               and len(n) > 2 and not self._common_name(n)}
               for part in plan.subjects or plan.parts]
        return [sorted(raw[0] - raw[1]), sorted(raw[1] - raw[0])]

    def _common_name(self, name: str) -> bool:
        if name not in self._common:
            self._common[name] = self._is_common(name)
        return self._common[name]

    def _unnamed(self, required: list[str], plan: Plan, text: str) -> list[str]:
        """The rare names asked about that a paper fails to name, when that disqualifies it. One answer must come
        from a paper that names every one, or it is about something else. A comparison whose two sides each have
        names of their own (`_side_names`) asks about two things, each paper about its own: a paper must name all
        the names of one side. Otherwise (a list, a side named only by a description, sides that lost their names)
        at least half: a side without a name gives no check."""
        if plan.kind == "one":
            return self._excused([n for n in required if not mentions(n, text)], text)
        sides = self._side_names(plan)
        if len(sides) == 2 and all(sides):
            short = [[n for n in side if not mentions(n, text)] for side in sides]
            return [] if any(not m for m in short) else min(short, key=len)
        missing = [n for n in required if not mentions(n, text)]
        if plan.kind == "list":
            missing = self._excused(missing, text)
        return missing if 2 * len(missing) > len(required) else []

    def _excused(self, missing: list[str], text: str) -> list[str]:
        """Names given as alternatives ("molecules, proteins or DNA", "SGD or Adam") are not each required: a
        missing one is excused when the paper names another name of its list, or when the list also holds plain
        words (the paper may be on "molecules"; the judge decides). Not for a comparison: its "A or B" are its two
        sides."""
        out = []
        for n in missing:
            lists = [words for words in self._or_lists if n in words]
            if not any(any(not _NAME.fullmatch(w) or mentions(w, text) for w in words if w != n) for words in lists):
                out.append(n)
        return out

    def _topicality(self, hit: Hit, sentence: Sentence) -> float:
        """How near a list's sentence is to what is asked: its cosine with the question, or with one of the examples
        the question lists (`examples`), whichever is higher: a paper on one example of several is far from all of
        them together."""
        sim = hit.similarity.get(sentence.id, -1.0)
        if sim < self.cfg.list_min_similarity and self.examples:
            sim = max(sim, self.retriever.similarity(hit.paper.id, sentence, self.examples))
        return sim

    def _sure(self, plan: Plan, rank: int, hit: Hit) -> bool:
        """Whether retrieval alone says a paper belongs in a list: ranked among the first `list_sure_rank` and holding
        a sentence at least `list_sure_similarity` from the request. Such a paper is listed whether or not the judge
        agrees (a single-answer prompt, which says none for a paper "on a related topic"), cited by its sentence
        nearest the request; every check by words (the topic's words, names, things made, numeric conditions) and the
        fit check of a question asking whether such papers exist still apply."""
        return (plan.kind == "list" and rank <= self.cfg.list_sure_rank
                and max(hit.similarity.values(), default=-1.0) >= self.cfg.list_sure_similarity)

    def evidence(self, query: str, hits: list[Hit], rnd: int, plan: Plan,
                 bound: tuple[str, Candidate] | None) -> list[Pick]:
        """Judge each paper on its own; keep the picks that pass every check, say why the others did not."""
        picks = []
        required = self._rare_names(query)
        min_support = self.cfg.list_min_support if plan.kind == "list" else self.cfg.min_support
        # One quantity asked of one paper: its measure, its benchmark and the things it names must be the paper's.
        # (A comparison's or a list's measures differ from side to side, so these checks are for single answers.)
        one_quantity = plan.number and plan.kind == "one"
        measure = measure_words(query)
        asked_on, things = (benchmarks(query), proper_nouns(query)) if one_quantity else ([], [])
        # A question about which papers exist, on a topic named in a few words: a paper must name the topic.
        topic, by_topic = self.topic, self._by_topic(plan)
        # "Is there a paper on X?" answered by one paper: the answer is the paper itself, so the paper the judge
        # accepts must also be judged to work on X (prompts/qa_fits.md), whatever its rank; a paper that names a topic
        # checked by its words needs no such call. A list asked that way ("Are there papers that ...", "Papers about
        # X?") is a list like any other: its first list_trusted_rank papers stand on the judge's word. Asked of them
        # too, the fit check rejected 5 gold papers and 5 others of the 97 lists of evals/ (a coin toss, at a model
        # call a paper); replayed without it on the 15 sets: 2 more right lists, none lost, one false abstention
        # became a wrong list, and citation precision fell 0.01-0.03 on four sets (more papers listed).
        existence = asks_for_papers(self.question) and plan.kind == "one"
        # (how common the question's proper nouns are is looked up only when a verb of making asks for a thing)
        made = made_asked(query, required + [n for n in proper_nouns(query) if len(n) > 2 and not self._common_name(n)]
                          ) if plan.kind in ("one", "list") and _MAKING.search(query) else []
        for rank, h in enumerate(hits, 1):
            if (query, h.paper.id) in self.seen or not h.best:
                continue
            self.seen.add((query, h.paper.id))
            # (a comparison's paper answers one of its sides: the vocabulary of that side is enough)
            support = max([self.retriever.support(q, h.paper.id)
                           for q in [query] + (plan.subjects if plan.kind == "compare" else [])])
            if support < min_support and not any(mentions(n, h.paper.title) for n in required):
                # (a paper whose title names a rare name the question uses is what it asks about, however few of the
                # question's other words it uses)
                self.steps.append(Step(query=query, paper_id=h.paper.id, round=rnd, verdict=f"skipped: the paper uses "
                                       f"{support:.2f} of the question's vocabulary (< {min_support})"))
                continue
            text = h.paper.title + " " + h.paper.abstract
            named = by_topic and topic.named_by(text)
            if by_topic and not named and not topic.titled_by(h.paper.title):
                # decided by the words alone, before any model call
                self.steps.append(Step(query=query, paper_id=h.paper.id, round=rnd,
                                       verdict=f"rejected: the paper never names the topic ({' '.join(topic.words)})"))
                continue
            if made and not states_making(h.paper.title, h.paper.abstract, made):
                # decided by the words alone, before any model call
                self.steps.append(Step(query=query, paper_id=h.paper.id, round=rnd, verdict="rejected: the paper "
                                       f"never says it made what was asked ({', '.join(made[:3])})"))
                continue
            sent, words = judge(self.ctx, query, h, self.cfg.answer_words)
            step = Step(query=query, paper_id=h.paper.id, round=rnd, sentence=sent.id if sent else None,
                        phrase=words, verdict="none")
            self.steps.append(step)
            if named and plan.kind == "list":
                # The paper names the topic: it belongs in the list whatever sentence the judge picked (on the four
                # short-topic lists of dev, own and fresh the judge said none or picked an off-topic sentence for 3
                # of their 10 gold papers). The sentence cited is the judge's when it names the topic, else the one
                # that names most of it.
                if sent is None or topic.share(sent.text) == 0.0:
                    sent = max(sentences(h.paper.abstract), key=lambda x: (topic.share(x.text),
                                                                           h.similarity.get(x.id, -1.0)))
                    step.sentence = sent.id
                if looks_like_instruction(sent.text):
                    step.verdict = "rejected: the sentence reads as an instruction to a model, not a finding"
                else:
                    step.verdict, step.phrase = "used", ""
                    picks.append(Pick(h, sent, "", query))
                continue
            if sent is None and one_quantity and measure and required and not self._unnamed(required, plan, text):
                # The judge said none for the paper the question names, asked for a quantity of a named measure
                # ("how many competition-level problems are in rStar-Coder's dataset?"): its shown sentence nearest
                # the question that states a number and names every measure word stands in, if there is one.
                sent = next((s for s in h.nearest if quantities(s.text, query)
                             and all(mentions(w, s.text) for w in measure)), None)
                step.sentence = sent.id if sent else None
            if self._sure(plan, rank, h) and (sent is None
                                              or h.similarity.get(sent.id, -1.0) < self.cfg.list_min_similarity):
                # the judge said none, or picked a sentence off the request's topic, for a paper retrieval is sure of
                sent = h.nearest[0]
                step.sentence = sent.id
            if sent is None:
                continue
            if h.paper.abstract[sent.start:sent.end] != sent.text:  # verbatim by construction; checked all the same
                raise AgentError(f"citation check failed: quote not at {h.paper.id}:{sent.start}:{sent.end}")
            missing = [] if h.paper.id in self.described else self._unnamed(required, plan, text)
            if plan.number and not quantities(sent.text, query) and not missing:
                # A quantity was asked and the judge's sentence states none, in a paper that names what the question
                # names or, when the question names nothing rare, in the paper retrieval ranks first for the
                # description (a paper further down has only the judge's word for being the one described, unless
                # its sentence also names the measure asked: "28.34% in absolute normalized score"): its shown
                # sentence nearest the question that states one stands in, and is checked like a pick.
                trusted = bool(required) or (rnd, rank) == (1, 1)
                stand_in = next((s for s in h.nearest if quantities(s.text, query) and (trusted or measure and all(
                    mentions(w, s.text) for w in measure))), None)
                if stand_in is not None:
                    sent = stand_in
                    step.sentence = sent.id
            clean = _clean_phrase(words, sent.text, self.cfg.answer_words)
            step.verbatim = clean is not None
            if looks_like_instruction(sent.text):
                step.verdict = "rejected: the sentence reads as an instruction to a model, not a finding"
            elif missing:
                step.verdict = f"rejected: the paper never names {', '.join(missing)}"
            elif absent := [b for b in asked_on if not mentions(b, text)]:
                step.verdict = f"rejected: a quantity on {', '.join(absent)} was asked and the paper never names it"
            elif absent := [n for n in things if not mentions(n, text)]:
                # a number of a thing the paper never names is a number of something else
                step.verdict = f"rejected: a quantity of {', '.join(absent)} was asked and the paper never names it"
            elif plan.kind == "list" and (near := self._topicality(h, sent)) < self.cfg.list_min_similarity:
                step.verdict = (f"rejected: the sentence is off the question's topic (similarity "
                                f"{near:.2f} < {self.cfg.list_min_similarity})")
            elif plan.number and not quantities(sent.text, query):
                step.verdict = "rejected: a quantity was asked for and the sentence states none"
            elif one_quantity and measure and not any(
                    mentions(w, named) for w in measure
                    for named in (sent.text, spelled_out(sent.text, h.paper.abstract))):
                # (an acronym counts for the words the abstract defines it by: "3,700 LLMs" names "language models")
                step.verdict = f"rejected: the sentence never names what was asked to be measured ({' '.join(measure)})"
            elif one_quantity and measure and _COUNT_ASKED.search(query) and not counts_of(sent.text, measure,
                                                                                            h.paper.abstract):
                step.verdict = (f"rejected: a count of {' '.join(measure)} was asked and no number in the sentence "
                                "counts it")
            elif plan.number and not asks_change(query) and not states_value(sent.text):
                step.verdict = "rejected: a value was asked for and the sentence states only changes (gains, speed-ups)"
            elif bound and not satisfies(sent.text, bound):
                step.verdict = f"rejected: no number {bound[0]} {bound[1].value_text} in the sentence"
            elif plan.kind == "list" and rank > self.cfg.list_trusted_rank and not fits(self.ctx, h, sent):
                step.verdict = (f"rejected: ranked {rank} (> {self.cfg.list_trusted_rank}) and judged to work on "
                                "another topic (prompts/qa_fits.md)")
            elif existence and not named and not fits(self.ctx, h, sent):
                step.verdict = "rejected: asked whether a paper on the topic exists, and judged to work on another one"
            else:
                if clean is None or (plan.number and not quantities(clean, query)):
                    clean = ""  # the judge's words are not verbatim (or miss the number): the sentence stands alone
                elif find_candidates(clean):
                    clean = clause(sent.text, clean)
                step.verdict, step.phrase = "used", clean
                picks.append(Pick(h, sent, clean, query))
        return picks

    def _rounds(self, query: str, k: int, plan: Plan, extra: list[Hit] | None = None) -> list[Pick]:
        """Judge the top k papers (and `extra` ones); if none holds, the next k (up to max_rounds)."""
        hits = self._search(query, k * self.cfg.max_rounds, self.cfg.sentences_shown)
        first = hits[:k] + [h for h in extra or [] if h.paper.id not in {x.paper.id for x in hits[:k]}]
        batches = [first] + [hits[r * k:(r + 1) * k] for r in range(1, self.cfg.max_rounds)]
        for rnd, batch in enumerate(batches, 1):
            if not batch:
                break
            self.rounds = max(self.rounds, rnd)
            picks = self.evidence(query, batch, rnd, plan, None)
            if picks:
                return picks
        return []

    def one(self, plan: Plan) -> Pick | None:
        """One answer: judge the top papers (a bounded second round if none holds); when several papers offer
        evidence, a side-by-side choice among them."""
        picks = self._rounds(self.question, self.cfg.evidence_k, plan)
        if not picks:
            return self.by_clause(plan)
        # The side-by-side choice picks among papers; it does not veto them: its "none" fell on 2 of the ~400
        # questions of evals/, each a single verified gold paper (a false abstention), and on no question where it
        # kept a wrong paper out. So one verified paper needs no choice, and "none" among several keeps the first.
        best = picks[0] if len(picks) == 1 else choose(self.ctx, self.question, picks) or picks[0]
        for s in self.steps:
            if s.verdict == "used" and s.paper_id != best.hit.paper.id:
                s.verdict = "rejected: another paper answers better"
        parts = question_parts(self.question)
        if self.cfg.second_pick and len(parts) == 1:
            best.also += self.ask_paper(best, self.question, nearest=False, withhold=True)
        if self.cfg.part_judge and len(parts) > 1:
            # a question of several clauses: the paper that answers it is asked each clause on its own
            for part in parts[:self.cfg.max_parts]:
                best.also += self.ask_paper(best, part, nearest=self.cfg.nearest_too)
        if not plan.number:  # a quantity asked: the sentence stating it is the answer, a claim is not
            best.also += self.near_claims(best)
        return best

    def by_clause(self, plan: Plan) -> Pick | None:
        """A question of several clauses that no paper answers in one sentence, asked clause by clause of the paper
        whose title opens with a name the question uses (the "AIGCBench: ..." paper for "how did AIGCBench make its
        input images, and what was wrong with older benchmarks?"): the judge is asked for one sentence answering the
        whole question, and a paper may answer each clause in a sentence of its own. Every pick passes the same
        checks; None when no clause is answered."""
        parts = question_parts(self.question)
        if not self.cfg.part_judge or len(parts) < 2:
            return None
        rare = self._rare_names(self.question)
        titled = [h for h in self._search(self.question, self.cfg.evidence_k, self.cfg.sentences_shown)
                  if any(mentions(n, _title_name(h.paper.title)) for n in rare)]
        if not titled:
            return None
        found: list[Pick] = []
        for part in parts[:self.cfg.max_parts]:
            hit = Hit(paper=titled[0].paper, score=titled[0].score)
            self.retriever.best_sentences(part, [hit], per_paper=self.cfg.sentences_shown)
            found += self.evidence(part, [hit], self.rounds, plan, None)
        if not found:
            return None
        best = found[0]
        best.also += [x.sentence for x in found[1:] if x.sentence.id != best.sentence.id]
        return best

    def compare(self, plan: Plan) -> list[Pick]:
        """Two things compared: the papers nearest the whole question and those nearest each side are judged on the
        whole question (a paper answering one side answers it in part), and two verified papers are cited. When the
        sides tell papers apart (each side's words are used most by a different verified paper, Retriever.support)
        those two; otherwise the first two in retrieval order. One verified paper is cited alone."""
        extra: list[Hit] = []
        asked = set(self._rare_names(self.question))
        # what names each side: the thing itself where the question names it ("B4": its paper ranked 34th for the
        # planner's "What inputs does B4 process?", 1st for "B4"), else the planner's sub-question
        sides = plan.subjects or plan.parts
        named = {n for side in sides for n in self._rare_names(side)}
        for side in sides:
            described = bool(asked and asked <= named and not self._rare_names(side) and not _BOTH_SIDES.search(side))
            more = self.retriever.search(side, k=max(self.cfg.side_k, self.cfg.described_k if described else 0),
                                         only=self.only)
            self.retrieval_ms += self.retriever.last_ms
            if more and described:
                # The other side holds every name asked about, this one is named only by a description ("the
                # train-once supernet", "the evolutionary approach to model merging"): there is no name to check its
                # paper by, and the paper nearest that description stands for it, unless one a little further down
                # uses far more of its words (a description names its thing by distinctive words: "evolutionary").
                # Sides that hold none of the names are sub-questions, not sides, and so is a side asked of both
                # things ("Does either of them ...?").
                most = max(more, key=lambda h: (self.retriever.support(side, h.paper.id), -more.index(h)))
                stand = most if (self.retriever.support(side, most.paper.id)
                                 >= _DESCRIBED_MARGIN * self.retriever.support(side, more[0].paper.id)) else more[0]
                self.described.add(stand.paper.id)
                more = [stand] + [h for h in more[:self.cfg.side_k] if h is not stand][:max(0, self.cfg.side_k - 1)]
            extra += [h for h in more[:max(1, self.cfg.side_k)] if h.paper.id not in {x.paper.id for x in extra}]
        # a paper whose title opens with a name the question compares (the "M-FAC: ..." paper for "M-FAC and Global
        # MP") is the work of that name, wherever retrieval ranks it: it is judged too (a title naming it further on,
        # "Refined Regret for Adversarial MDPs", works on the thing, and is left to retrieval)
        holders = {n: [pid for pid in self._candidates(n) if pid in self.retriever.papers] for n in asked}
        self.retriever.papers.load(pid for ids in holders.values() for pid in ids)  # one read, not one per paper
        titled = {pid for n, ids in holders.items() for pid in ids
                  if mentions(n, _title_name(self.retriever.papers[pid].title))}
        titled -= {h.paper.id for h in extra}
        if titled and (self.only is None or titled & self.only):
            extra += self.retriever.search(self.question, k=len(titled), only=titled & self.only if self.only
                                           else titled)
        self.retriever.best_sentences(self.question, extra, per_paper=self.cfg.sentences_shown)
        picks = self._rounds(self.question, self.cfg.compare_k, plan, extra)
        chosen = picks[:2]
        if len(plan.parts) == 2 and len(picks) >= 2:
            by_side = [max(picks, key=lambda p: (self.retriever.support(side, p.hit.paper.id), -picks.index(p)))
                       for side in sides]
            if by_side[0] is not by_side[1]:
                chosen = by_side
        if len(plan.parts) == 2 and self.cfg.side_judge:
            for pk in chosen:
                at = max(range(2), key=lambda i: self.retriever.support(sides[i], pk.hit.paper.id))
                clauses = question_parts(plan.parts[at])
                if self.cfg.part_judge and len(clauses) > 1:
                    # a side asked in several clauses ("what inputs does X use, and how does it judge?"): one
                    # judgement picks one sentence, so each clause is asked on its own, as for one paper's answer
                    pk.also = []
                    for clause in clauses[:self.cfg.max_parts]:
                        pk.also += [x for x in self.ask_paper(pk, clause, nearest=False)
                                    if x.id not in {y.id for y in pk.also}]
                else:
                    pk.also = self.ask_paper(pk, plan.parts[at], nearest=True)
        for pk in chosen:
            pk.also += self.near_claims(pk)
        for s in self.steps:
            if s.verdict == "used" and s.paper_id not in {p.hit.paper.id for p in chosen}:
                s.verdict = "rejected: two other papers answer the two sides"
        return chosen

    def near_claims(self, pk: Pick) -> list[Sentence]:
        """The paper's main claims (the sentences its extraction chose as what it proposes and finds) among the
        `claims_near` sentences nearest the question, not yet quoted: the 1.5B judge picks one sentence where a
        question asks what a paper does and how, and a main claim near the question states part of that. No model
        call: the claims are stored."""
        if not self.cfg.claims_near:
            return []
        _, ex = self.store.get(pk.hit.paper.id)
        starts = {c.start for c in ex.claims} if ex else set()
        have = {pk.sentence.id} | {x.id for x in pk.also}
        return [x for x in pk.hit.nearest[:self.cfg.claims_near] if x.start in starts and x.id not in have]

    def ask_paper(self, pk: Pick, query: str, nearest: bool, withhold: bool = False) -> list[Sentence]:
        """The paper of an answer asked one more question (a comparison's side, one part of a question of several):
        the sentence the judge picks for it, and with `nearest` the sentence nearest it as well (alone when the
        judge picks none). With `withhold` (the paper judged again on the same question) the sentences the answer
        already quotes are not shown and nothing stands in for a pick of none. A question that asks for a quantity
        keeps only sentences that state one."""
        probe = Hit(paper=pk.hit.paper, score=pk.hit.score)
        self.retriever.best_sentences(query, [probe], per_paper=self.cfg.sentences_shown)
        if withhold:
            quoted = {pk.sentence.id} | {x.id for x in pk.also}
            probe.best = [s for s in probe.best if s.id not in quoted]
            if not probe.best:
                return []
        sent, words = judge(self.ctx, query, probe, self.cfg.answer_words)
        asked = "asked again" if withhold else "asked"
        self.steps.append(Step(query=query, paper_id=pk.hit.paper.id, round=self.rounds,
                               sentence=sent.id if sent else None, phrase=words,
                               verdict=f"{asked}: used" if sent else f"{asked}: none"))

        def fits(s: Sentence) -> bool:
            return not asks_quantity(query) or bool(quantities(s.text, query))

        out = [sent] if sent and fits(sent) else []
        if not withhold and (nearest or not out):
            out += [s for s in probe.nearest if fits(s) and s.id not in {x.id for x in out}][:self.cfg.nearest_quoted]
        return out

    def many(self, plan: Plan) -> list[Pick]:
        bound = numeric_bound(self.question)
        # a topic checked by its words is checked deeper: words cost no model call, only papers naming it are judged
        k = self.cfg.topic_list_k if self._by_topic(plan) else self.cfg.list_k
        hits = self._search(self.question, k, self.cfg.list_sentences_shown)
        if bound:
            # the stored results are data: papers with a result that meets the bound join the candidates (the
            # search index holds every result, so no record is read)
            extra = {pid for pid, value, unit in self.retriever.index.results
                     if meets(value, unit, bound)} - {h.paper.id for h in hits}
            if extra:
                more = self.retriever.search(self.question, k=self.cfg.list_k,
                                             only=extra & self.only if self.only else extra)
                self.retriever.best_sentences(self.question, more, per_paper=self.cfg.list_sentences_shown)
                hits += more[:self.cfg.evidence_k]
        self.rounds = 1
        return self.evidence(self.question, hits, 1, plan, bound)


def ask(question: str, store: Store, llm: LLM, k: int | None = None, cassette_dir: Path | None = None,
        retriever: Retriever | None = None, only: set[str] | None = None, cfg: QASettings | None = None) -> Answer:
    """Answer `question` from the store with verified citations, or abstain. `k` overrides `cfg.evidence_k`."""
    cfg = (cfg or llm.settings.qa).model_copy()
    if k is not None:
        cfg.evidence_k = k
    retriever = retriever or Retriever(store)
    if not retriever.ids:
        return Answer(question=question, answer="The corpus is empty.", abstained=True)
    loop = Loop(question, store, llm, retriever, cfg, (cassette_dir / cassette_name(question)) if cassette_dir
                else None, only)
    p = plan(loop.ctx)
    if two := subjects(question):
        # "A and B both ... . What does each ...?": a comparison of the two things it names, whatever the planner said
        p = Plan(kind="compare", number=p.number, parts=by_thing(p.parts, two), subjects=[x for x, _ in two])
    elif p.kind == "one" and (things := loop.two_things()):
        # one side per name, asked what it is (a comparison of two named things rests on what each one is); more
        # names than two: its two papers come from the whole question
        p = Plan(kind="compare", number=p.number, parts=[f"What is {n}?" for n in things] if len(things) == 2 else [])
    closest_hits = retriever.search(question, k=5, only=only)
    closest = [{"paper_id": h.paper.id, "title": h.paper.title, "score": round(h.score, 4)} for h in closest_hits]
    ans = Answer(question=question, answer="", abstained=False, kind=p.kind, closest=closest,
                 unextracted=len(retriever.unextracted))
    if p.kind == "list":
        found = loop.many(p)
    elif p.kind == "compare":
        found = loop.compare(p)
    else:
        found = [pk] if (pk := loop.one(p)) else []
    ans.steps, ans.rounds, ans.usage, ans.retrieval_ms = loop.steps, loop.rounds, loop.ctx.usage, loop.retrieval_ms
    if not found:
        ans.abstained = True
        ans.answer = "The corpus does not answer this."
        return ans
    for pk in found:
        shown = [pk.sentence]
        picked = {pk.sentence.id} | {x.id for x in pk.also}  # the judge's picks (the nearest sentence is context)
        if p.kind != "list" and cfg.nearest_too:
            shown += [s for s in pk.hit.nearest if s.id != pk.sentence.id][:cfg.nearest_quoted]
        for extra in pk.also:
            if extra.id not in {x.id for x in shown}:
                shown.append(extra)
        whole = sentences(pk.hit.paper.abstract)
        if p.kind != "list" and cfg.antecedents:
            shown += [whole[x.id - 1] for x in list(shown) if x.id in picked and x.id > 0 and leans_back(x.text)
                      and x.id - 1 not in {y.id for y in shown}]
        if p.kind != "list" and cfg.turned:
            shown += [t for x in list(shown) if (t := turned(x, whole))
                      and t.id not in {y.id for y in shown}]
        if p.kind != "list" and cfg.consequents:
            shown += [whole[x.id + 1] for x in list(shown) if x.id in picked and x.id + 1 < len(whole)
                      and leans_back(whole[x.id + 1].text) and x.id + 1 not in {y.id for y in shown}]
        if p.kind != "list" and cfg.announced:
            for x in list(shown):
                shown += [y for y in announced(x, whole) if y.id not in {z.id for z in shown}]
        shown.sort(key=lambda s: s.start)
        marks = []
        for x in shown:
            ans.citations.append(Citation(paper_id=pk.hit.paper.id, title=pk.hit.paper.title, quote=x.text,
                                          start=x.start, end=x.end))
            marks.append(len(ans.citations))
        # each paper speaks in its own words: the title names the work, its sentences state the answer
        ans.sentences.append(AnswerSentence(text=f"{pk.hit.paper.title}: " + " ".join(x.text for x in shown),
                                            citations=marks, words=pk.phrase))
    sep = "\n" if len(ans.sentences) > 1 else " "
    ans.answer = sep.join(s.text + "".join(f" [{c}]" for c in s.citations) for s in ans.sentences)
    return ans
