"""Numbers written in words: ``hai mươi`` (20), ``mười lăm`` (15), ``một trăm linh năm`` (105),
``ba nghìn`` (3000), ``hai mươi mốt nghìn`` (21000), ``chục nghìn`` (10000), ``một nửa`` (0.5).

A small grammar over the number words of ``dvnlp/rules/units.json`` (kinds ``number_digit``,
``number_ten``, ``number_tens``, ``number_scale``, ``number_zero``, ``number_fraction``); the
Vietnamese number libraries on PyPI are GPL-licensed or read ``một nửa`` as 1, so dvnlp keeps its own.

:func:`find_number_words` yields ``(start, end, value)`` for each run of number words in a text;
:func:`words_value` reads one run (``None`` when the words do not form a number, e.g. ``hai ba``).
Ambiguous words are refused where they usually mean something else: ``năm`` (the year) is a digit
only after ``linh``/``lẻ`` or before a tens or scale word (``năm mươi``, ``năm trăm``), ``tư``/``mốt``/``lăm``/``nhăm`` only after a tens word. Two digits in a
row one apart (``một hai người``, ``ba bốn hộ``) are a range.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import word_alternation

_NOT_FIRST = frozenset({"năm", "tư", "mốt", "lăm", "nhăm", "linh", "lẻ", "mươi", "rưỡi", "nửa"})
_AFTER_TENS_ONLY = frozenset({"tư", "mốt", "lăm", "nhăm"})


@dataclass(frozen=True)
class NumberWords:
    kind: dict[str, str]  # word -> number_digit, number_ten, …
    value: dict[str, float]
    pattern: re.Pattern[str]


@cache
def number_words() -> NumberWords:
    kind: dict[str, str] = {}
    value: dict[str, float] = {}
    for e in load_rules("units").entries:
        k = e.get("kind", "")
        if k.startswith("number_"):
            kind[e["noun"]] = k
            value[e["noun"]] = float(e["value"])
    alt = word_alternation(kind)
    pattern = re.compile(rf"(?<![^\W\d_])(?:{alt})(?:[ \t]+(?:{alt}))*(?![^\W\d_])", re.IGNORECASE)
    return NumberWords(kind, value, pattern)


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words (lower-case), or None when they are not one number."""
    nw = number_words()
    if not words or (words[0] in _NOT_FIRST and not (words[0] == "năm" and _before_multiplier(words, 0))):
        return None
    total = 0.0  # finished scales (nghìn, triệu, tỷ)
    group = 0.0  # below the next scale
    digit: float | None = None  # a digit not yet placed
    last_scale = 0.0
    prev = ""
    for i, w in enumerate(words):
        k = nw.kind.get(w)
        v = nw.value.get(w, 0.0)
        if k is None:
            return None
        if w in _AFTER_TENS_ONLY and nw.kind.get(prev) not in ("number_tens", "number_ten"):
            return None
        if w == "năm" and nw.kind.get(prev) != "number_zero" and not _before_multiplier(words, i):
            return None  # mười năm, hai mươi năm, một trăm năm: years; 15 is mười lăm, 105 một trăm linh năm
        if k == "number_digit":
            if digit is not None:
                return None  # "hai ba": two numbers (a range), not one
            digit = v
        elif k == "number_ten":
            if digit is not None:
                return None
            group += 10
        elif k == "number_tens":
            group += (digit if digit is not None else 1) * 10
            digit = None
        elif k == "number_zero":
            if prev != "trăm" and nw.kind.get(prev) != "number_scale":
                return None
        elif k == "number_fraction":
            if w == "nửa":  # một nửa; a bare "nửa" is "half of" (nửa đầu năm), not a count
                return 0.5 if words == ["một", "nửa"] else None
            # rưỡi: half of the last scale (ba trăm rưỡi = 350, hai triệu rưỡi = 2.5 triệu)
            base = nw.value.get(prev, 0.0) if nw.kind.get(prev) == "number_scale" else 0.0
            if not base:
                return None
            whole = total + group + (digit or 0.0)
            return whole + base / 2
        elif k == "number_scale":
            here = group + (digit or 0.0)
            digit = None
            if v == 100:
                if here >= 10:
                    return None
                group = (here or 1) * 100
            elif here == 0 and total and nw.kind.get(prev) == "number_scale":
                total *= v  # nghìn tỷ, chục nghìn tỷ: stacked scales
            else:
                if last_scale and v >= last_scale and total:
                    total = (total + (here or 1)) * v
                else:
                    total += (here or 1) * v
                group = 0.0
            last_scale = v if v > 100 else last_scale
        prev = w
    return total + group + (digit or 0.0)


@cache
def _five_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A counted noun after a bare ``năm`` (``units.json`` ``counted`` less ``year_noun_after``) and a word before it
    that makes it the year (``year_word_before``)."""
    entries = load_rules("units").entries
    kinds = lambda k: {e["noun"] for e in entries if e.get("kind") == k}  # noqa: E731
    after = re.compile(rf"[ \t]+(?:{word_alternation(kinds('counted') - kinds('year_noun_after'))})(?![^\W_])",
                       re.IGNORECASE)
    before = re.compile(rf"(?<![^\W_])(?:{word_alternation(kinds('year_word_before'))})[ \t]+$", re.IGNORECASE)
    return after, before


def _five_before_noun(text: str, a: int, b: int) -> bool:
    """``năm`` alone is the digit 5 right before a counted noun (``năm mô hình``, ``năm hộ``), not after a word that
    makes it the year (``mỗi năm``)."""
    after, before = _five_patterns()
    return bool(after.match(text, b)) and not before.search(text, max(0, a - 12), a)


def _before_multiplier(words: list[str], i: int) -> bool:
    """``năm`` is the digit 5 when a tens or scale word follows (năm mươi, năm trăm, hai nghìn năm trăm)."""
    nxt = number_words().kind.get(words[i + 1]) if i + 1 < len(words) else None
    return nxt in ("number_tens", "number_scale")


def find_number_words(text: str, start: int = 0, end: int | None = None):
    """``(start, end, value, value_max)`` of every run of number words in ``text[start:end]`` that reads as a number.

    A run that does not read as a whole is cut at the longest prefix that does (``hai ba người``
    → ``hai``); the rest is tried again.
    """
    nw = number_words()
    for m in nw.pattern.finditer(text, start, len(text) if end is None else end):
        pieces = [(p.start() + m.start(), p.end() + m.start()) for p in re.finditer(r"\S+", m.group(0))]
        if m.group(0).lower() == "năm" and _five_before_noun(text, m.start(), m.end()):
            yield m.start(), m.end(), 5.0, None  # ``năm mô hình kinh tế``: the digit before a counted noun
            continue
        i = 0
        if len(pieces) == 2:
            a, b = (text[x:y].lower() for x, y in pieces)
            va, vb = words_value([a]), words_value([b])
            if va is not None and vb == va + 1 and nw.kind.get(a) == nw.kind.get(b) == "number_digit":
                yield pieces[0][0], pieces[1][1], va, vb
                continue
        while i < len(pieces):
            for j in range(len(pieces), i, -1):
                words = [text[a:b].lower() for a, b in pieces[i:j]]
                value = words_value(words)
                if value is not None:
                    yield pieces[i][0], pieces[j - 1][1], value, None
                    i = j
                    break
            else:
                i += 1
