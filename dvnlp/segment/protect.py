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
from dvnlp.segment.patterns import DATE, NUMBER, PERIOD, RATIO, SYMBOL


@dataclass(frozen=True, order=True)
class Protected:
    start: int
    end: int
    kind: str  # symbol, date, period, ratio, number, term


@cache
def lexicon_pattern() -> re.Pattern[str]:
    """One alternation of every lexicon term and abbreviation, longest first, whole syllables only."""
    terms = {e["term"] for e in load_rules("lexicon").entries}
    abbrs = {e["abbr"] for e in load_rules("abbreviations").entries if " " not in e["abbr"]}
    alts = sorted(terms | abbrs, key=len, reverse=True)
    # whitespace inside a term matches any run of spaces; case-insensitive for words, exact for abbreviations
    parts = []
    for t in alts:
        body = r"\s+".join(re.escape(w) for w in t.split())
        parts.append(body if t in abbrs and t.isupper() else f"(?i:{body})")
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])")


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
