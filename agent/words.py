"""Function words: the grammar that every comparison of texts by their words leaves out.

Each place that compares words adds the words that carry no meaning for its own purpose: retrieval the question words
and research boilerplate ("which", "paper", "propose"), labels the words of measurement ("number", "rate").
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    "a an the of in on for to and or with by from as at over than is are was were be this that these its their".split())
