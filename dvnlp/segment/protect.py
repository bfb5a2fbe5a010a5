"""Find the spans that must come out as single tokens, before underthesea sees the text.

Two sources: the number/symbol grammar of :mod:`dvnlp.segment.patterns` and the domain
lexicon (``dvnlp/rules/lexicon.json`` + the abbreviations of ``abbreviations.json``).
Overlaps resolve to the earliest, then longest, span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DATE, NUMBER, PERIOD, RATIO, SYMBOL, word_alternation


@dataclass(frozen=True, order=True)
class Protected:
    start: int
    end: int
    kind: str  # symbol, date, period, ratio, number, term


@cache
def lexicon_pattern() -> re.Pattern[str]:
    """Every lexicon term and abbreviation, longest first, whole syllables only (two tries).

    Whitespace inside a term matches any run of spaces; upper-case abbreviations match exactly,
    everything else ignores case.
    """
    terms = {e["term"] for e in load_rules("lexicon").entries}
    abbrs = {e["abbr"] for e in load_rules("abbreviations").entries if " " not in e["abbr"]}
    exact = {t for t in abbrs if t.isupper()}
    folded = word_alternation((terms | abbrs) - exact, space=r"\s+")
    cased = word_alternation(exact, ignore_case=False, space=r"\s+")
    return re.compile(rf"(?<![^\W_])(?:(?i:{folded})|{cased})(?![^\W_])")


_GRAMMAR = (("symbol", SYMBOL), ("date", DATE), ("period", PERIOD), ("ratio", RATIO), ("number", NUMBER))


def find_protected(text: str) -> list[Protected]:
    """Non-overlapping protected spans of ``text``, sorted by position."""
    spans: list[Protected] = []
    for kind, pattern in _GRAMMAR:
        spans.extend(Protected(m.start(), m.end(), kind) for m in pattern.finditer(text))
    spans.extend(Protected(m.start(), m.end(), "term") for m in lexicon_pattern().finditer(text))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Protected] = []
    for span in spans:
        if span.end > span.start and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept
