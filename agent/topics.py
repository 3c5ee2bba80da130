"""The topic of a "which papers / any papers / is there a paper" question, and whether a paper names it.

A topic a user names in a few words ("recommender systems", "graph neural networks", "RLHF") is a term of the field:
a paper about it uses the term, or its acronym. A topic described at length ("code-generation methods where the LLM
breaks the program into functions") is the user's own wording, which an answering paper need not share, so only
short topics are checked by their words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .retrieve import tokens
from .words import FUNCTION_WORDS

# The frame of a question about which papers exist: it says what is asked, not what about; and qualifiers ("new",
# "faster") that describe the papers wanted rather than name their topic.
_FRAME = set("""deal deals dealing study studies studying address addresses addressing tackle tackles tackling
involve involves involving report reports reporting apply applies applying describe describes describing discuss
discusses discussing mention mentions cover covers present presents introduce introduces investigate investigates
examine examines consider considers anything something research list find show me there is are on know looking look
related relate relating concern concerns concerning focus focuses focusing explore explores exploring variants
variant modifications modification extensions extension improvements improvement applications application kind kinds
type types sort topic topics area field one ones classic classical standard traditional popular common new novel
recent faster better improved improve improves improving try tries trying existing different specific particular
certain good best""".split())
# Words every field uses for its artefacts: a topic of these alone ("new algorithms") names no field.
_GENERIC = set("""algorithm algorithms method methods model models approach approaches technique techniques system
systems framework frameworks tool tools task tasks problem problems data""".split())
# "Is there a paper / any work / anything on …", "Any papers about …": the asking words, then a word for papers
_ASKS_PAPERS = re.compile(r"^\s*(?:(?:is|are)\s+there\s+|do\s+you\s+have\s+|does\s+the\s+corpus\s+have\s+)?(?:an?\s+"
                          r"|any\s+|some\s+)?(?:papers?|work|works|stud(?:y|ies)|research|articles?|anything|something)"
                          r"\s+(?:on|about|in|that|which|dealing|using|with|for|regarding)\b", re.I)
_ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")  # two capitals or more: GNN, LoRA, MoE, RLHF
_WORD = re.compile(r"[A-Za-z0-9]+")
# a clause inside the question: a wh-word after its first word, or a modal verb in the passive ("should be chosen")
_CLAUSE = re.compile(r"(?<=\S)\s+(?:how|why|whether|when|where)\b|\b(?:should|can|could|would|might|must|may)\s+be\b",
                     re.I)
_OR = re.compile(r"\s+or\s+|\s*/\s*", re.I)


def asks_for_papers(question: str) -> bool:
    """"Is there a paper on X?", "Any work on X?": a question about which papers exist, however the planner reads
    it."""
    return bool(_ASKS_PAPERS.search(question))


# "Which papers rely on / prove / benchmark …", "List the papers that use or analyse …": the verb the papers are
# asked about is the frame, whatever verb it is, and so is a second verb joined to it ("analyse" had become a word of
# the topic "Gaussian mixture models", which no paper then named), and so is a verb of trying before it ("Which papers
# try to reduce or prevent LLM hallucinations?": "reduce" and "prevent" had become the topic's two alternatives)
_PREDICATE = re.compile(r"^(\s*(?:(?:which|what)\s+|(?:list|find|show)(?:\s+me)?\s+"
                        r"(?:the\s+|all\s+(?:the\s+)?|any\s+)?)(?:papers?|works|stud(?:y|ies)|articles?)\s+"
                        r"(?:that\s+|which\s+)?)(?:(?:try|tries|aim|aims|seek|seeks|attempt|attempts)\s+to\s+)?"
                        r"[A-Za-z]+(?:\s+(?:or|and)\s+[A-Za-z]+(?=\s))?\b", re.I)


def _unframed(question: str) -> str:
    return _PREDICATE.sub(r"\1", question, count=1)


def topic_words(question: str) -> list[str]:
    """The question's content words without the frame of asking for papers, in question order."""
    return [w for w in tokens(_unframed(question)) if w not in _FRAME and not w[0].isdigit()]


def _stem(word: str) -> str:
    """A light stem, enough to match "recommender" and "recommendation", "forecasting" and "forecasts", "robotic" and
    "robot" (a topic's words vary by derivation, where `fields._stem` undoes plurals only: a label's words vary by
    number)."""
    w = word.lower()
    for suffix in ("ations", "ation", "ings", "ing", "ics", "ers", "er", "es", "s", "ed", "ic"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[:-len(suffix)]
    return w


def _pieces(text: str) -> list[str]:
    """A text's words as stems, hyphenated words split, function words left out ("Mixture-of-Experts" -> mixture,
    expert)."""
    return [_stem(p) for p in _WORD.findall(text) if p.lower() not in FUNCTION_WORDS]


def _segments(acronym: str) -> list[str]:
    """An acronym's letters, each capital with the small letters after it ("LoRA" -> lo, r, a); a plural's "s"
    dropped ("GNNs" -> g, n, n)."""
    body = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper() else acronym
    return [m.group(0).lower() for m in re.finditer(r"[A-Z][a-z]*", body)]


def _spell_at(acronym: str, words: list[str]) -> tuple[int, int] | None:
    """Where consecutive words spell the acronym (start, end), or None: each capital starts a word, with its small
    letters ("Lo" of LoRA: "low-rank adaptation", not "learning retrieval-augmented") or the function words after it
    ("o" of MoE: "mixture of experts"); function words between are skipped ("reinforcement learning from human
    feedback" spells RLHF)."""
    segs = _segments(acronym)
    if len(segs) < 2:
        return None
    for start in range(len(words)):
        at, ok = start, True
        for seg in segs:
            while at < len(words) and at > start and words[at] in FUNCTION_WORDS:
                at += 1
            if at >= len(words) or words[at][0] != seg[0]:
                ok = False
                break
            tail = seg[1:]
            if tail and not words[at].startswith(seg):
                small = words[at + 1:at + 1 + len(tail)]
                if "".join(w[0] for w in small) != tail or not all(w in FUNCTION_WORDS for w in small):
                    ok = False
                    break
                at += len(tail)
            at += 1
        if ok:
            return start, at
    return None


def _spelled(acronym: str, words: list[str]) -> bool:
    return _spell_at(acronym, words) is not None


def spelled_out(sentence: str, abstract: str) -> str:
    """The words the abstract defines the sentence's acronyms by: "3,700 LLMs" in an abstract that writes "large
    language models (LLMs)" gives "large language models"; "" when it defines none."""
    out = []
    for acronym in dict.fromkeys(m.group(0) for m in _ACRONYM.finditer(sentence)):
        singular = acronym[:-1] if acronym.endswith("s") and acronym[-2:-1].isupper() else acronym
        if words := _definition(singular, abstract):
            out.append(words)
    return " ".join(out)


def _definition(acronym: str, text: str) -> str | None:
    """The words right before the acronym (or its plural) in brackets that spell it, where the text first has them."""
    for m in re.finditer(rf"\({re.escape(acronym)}s?\)", text):
        before = _WORD.findall(text[max(0, m.start() - 200):m.start()])[-(2 * len(acronym) + 2):]
        words = [w.lower() for w in before]
        for start in range(len(words)):
            if _spell_at(acronym, words[start:]) == (0, len(words) - start):
                return " ".join(before[start:])
    return None


def _runs(question: str) -> list[list[str]]:
    """The topic's terms: runs of topic words that stand next to each other in the question ("graph neural networks",
    "recommender systems"); a function word, a frame word or punctuation ends a term ("music | diffusion models")."""
    runs: list[list[str]] = [[]]
    for m in re.finditer(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]", question):
        word = m.group(0).lower()
        if word in tokens(word) and word not in _FRAME and not word[0].isdigit():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


_OF = {"in", "of", "for", "on", "by", "from"}  # the prepositions that turn a compound round ("X of Y" for "Y X")


def _inverted(term: list[str], words: list[str]) -> bool:
    """Whether a two-word term stands in the text the other way round, joined by a preposition ("hallucinations in
    LLMs" for "LLM hallucinations"): the same compound, as English puts it as often. Longer terms are not read so:
    turned round, their words say something else ("networks of neural graphs")."""
    if len(term) != 2:
        return False
    want = [_bare(term[1]), _bare(term[0])]
    for i in range(len(words) - 2):
        if _bare(words[i]) == want[0] and words[i + 1] in _OF:
            after = words[i + 2:i + 4]
            if after and (_bare(after[0]) == want[1]
                          or after[0] in {"the", "a", "an"} and len(after) > 1 and _bare(after[1]) == want[1]):
                return True
    return False


def _bare(word: str) -> str:
    """A word's stem, plurals of short words and acronyms included ("LLMs" -> "llm")."""
    w = _stem(word)
    return w[:-1] if w.endswith("s") and len(w) > 2 else w


def _found(run: list[str], text_pieces: list[str]) -> bool:
    """Whether the words of `run` stand in the text in order, next to each other (one word between allowed: "graph
    neural network (GNN) models")."""
    want = [p for w in run for p in _pieces(w)]
    if not want:
        return False
    for start, piece in enumerate(text_pieces):
        if piece != want[0]:
            continue
        at, ok = start, True
        for nxt in want[1:]:
            ahead = text_pieces[at + 1:at + 3]
            if nxt not in ahead:
                ok = False
                break
            at += 1 + ahead.index(nxt)
        if ok:
            return True
    return False


class Topic:
    """The topic terms of one question, and how much of them a paper names, each word weighted by its rarity."""

    def __init__(self, question: str, idf: Callable[[str], float], max_words: int) -> None:
        self.words = topic_words(question)
        # A later term led by a verb in -ing with its object ("optimizers for training deep networks") says what the
        # work is for, in the user's words: a description, which an answering paper need not share, not a term.
        question = _unframed(question)
        purpose = any(len(run) > 1 and run[0].endswith("ing") for run in _runs(question)[1:])
        # A topic put as a clause ("about how hyperparameters should be chosen") is a description too: its verbs are
        # the user's, not words a paper on it must use.
        clause = bool(_CLAUSE.search(question))
        self.checkable = (0 < len(self.words) <= max_words and not set(self.words) <= _GENERIC and not purpose
                          and not clause)
        self._idf = idf
        self._acronyms = {m.group(0).lower(): m.group(0) for m in _ACRONYM.finditer(question)}
        # "self-driving cars or autonomous vehicles": either alternative is the topic
        self._alternatives = [r for r in (_runs(part) for part in _OR.split(question)) if r]

    def named_by(self, text: str) -> bool:
        """Whether the text names the topic: every term of one alternative, each in full (its words side by side, or
        an acronym either way) but for generic words at its ends ("recommender" names "recommender systems"). A paper
        naming "graph" and "neural networks" apart does not name "graph neural networks"; one on "graph neural
        networks" does not name "graph neural networks for drug discovery"."""
        words = [w.lower() for w in _WORD.findall(text)]
        for runs in self._alternatives:
            pieces = self._expanded(text, runs)
            if all(self._term_named(run, pieces, words) for run in runs):
                return True
        return False

    def titled_by(self, title: str) -> bool:
        """Whether a title names the rarest word of every term of one alternative ("Advancing Model Pruning via
        Bi-level Optimization" for "neural network pruning", "... Text-to-Image Synthesis" for "text-to-image
        generation models"). A title says what a paper is about, in its own words for the rest of the term; that is
        not enough to list it unread ("Graph Neural Networks" has the rarest word of "knowledge graphs"), so such a
        paper is judged like a paper found for a topic described at length."""
        pieces = set(_pieces(title))
        for runs in self._alternatives:
            cores = [[w for w in run if w not in _GENERIC] for run in runs]
            if any(cores) and all(all(p in pieces for p in _pieces(max(core, key=self._idf)))
                                  for core in cores if core):
                return True
        return False

    def _term_named(self, run: list[str], pieces: list[str], words: list[str]) -> bool:
        core = [i for i, w in enumerate(run) if w not in _GENERIC]
        if not core:
            return True  # a term of generic words alone ("models") names nothing to look for
        term = run[core[0]:core[-1] + 1]
        return (_found(term, pieces) or _inverted(term, words)
                or (len(term) == 1 and term[0] in self._acronyms and _spelled(self._acronyms[term[0]], words)))

    def share(self, text: str) -> float:
        """The idf-weighted share of the topic's words that the text names, of the alternative it names best. Each
        term counts by its longest part that the text names as a term (its words side by side, or an acronym either
        way): a paper naming "graph" and "neural networks" apart names two thirds of "graph neural networks", not
        all of it."""
        words = [w.lower() for w in _WORD.findall(text)]
        return max((self._share(runs, self._expanded(text, runs), words) for runs in self._alternatives), default=0.0)

    @staticmethod
    def _expanded(text: str, runs: list[list[str]]) -> list[str]:
        """The text's words, each acronym that the question's words spell written out in those words ("MoE models"
        reads "mixture expert models" for a question on "mixture-of-experts models")."""
        out: list[str] = []
        for word in _WORD.findall(text):
            if word.lower() in FUNCTION_WORDS:
                continue
            if _ACRONYM.fullmatch(word):
                for run in runs:
                    raw = [p.lower() for w in run for p in _WORD.findall(w)]
                    if span := _spell_at(word, raw):
                        out += [_stem(p) for p in raw[span[0]:span[1]] if p not in FUNCTION_WORDS]
                        break
                else:
                    out.append(_stem(word))
            else:
                out.append(_stem(word))
        return out

    def _share(self, runs: list[list[str]], pieces: list[str], words: list[str]) -> float:
        total = sum(self._idf(w) for run in runs for w in run)
        if not total:
            return 0.0
        named = 0.0
        for run in runs:
            best = 0.0
            for i in range(len(run)):
                for j in range(i + 1, len(run) + 1):
                    sub = run[i:j]
                    weight = sum(self._idf(w) for w in sub)
                    if weight <= best:
                        continue
                    if _found(sub, pieces) or (len(sub) == 1 and sub[0] in self._acronyms
                                               and _spelled(self._acronyms[sub[0]], words)):
                        best = weight
            named += best
        return named / total
