"""Regular grammar of the strings that must stay one token: document symbols, dates, numbers.

These are the hand-written part no library provides: the Vietnamese document-symbol grammar
(Party style ``400-QĐ/TU``, ``124-QĐi/TW``; State style ``1562/QĐ-UBND``, ``04/2015/NĐ-CP``,
``356/SNV-CCVC``) in its spaced and mistyped forms (``215 - QĐ/HU``, ``400 - QĐ / TU``), and the
number shapes of reports (``1.260``, ``2,8``, ``95,45%``, ``51/51``, ``20/12/2022``).
The components reuse the same patterns, so tokenization and extraction agree.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_D = f"[{DASH}]"
# a code: an upper-case letter, more upper-case letters, at most one lower-case run of 1-2
# letters inside or at the end (QĐi, CTr, TTr, NĐ-CP, BDVTU), not followed by a letter.
# ``&`` joins two bodies (``BGD&ĐT``); a code followed by ``_`` is a file name (``06-KH_Dan van.pdf``).
# Upper-case letters with a diacritic stand in a code (``TƯ``), and one dot may join a short upper-case
# part (``TH.U``, ``T.Ư``, ``TP.U``) — not a sentence end (``QĐ/TU. Tiếp``, ``QĐ/TU.Tiếp``).
_CODE = (r"[A-ZĐ][A-ZĐƯƠÂĂÊÔ]*(?:\.[A-ZĐƯƠ]{1,2}(?![a-zđ]))?(?:[a-zđ]{1,2}(?:[A-ZĐ]+)?)?(?:\d{1,2}|(?<=QH)[ ]\d{2}(?![\d.,/])"
         rf"|(?<=[\s/{DASH}][A-ZĐ])[ ]\d{{1,3}}(?![\d.,/]))?"
         r"(?:&[A-ZĐ]+)?(?![^\W\d]|&)")  # ``QH 13``, ``C 67 - P 9``: tokenized text spaces a code's number out
_SEP = rf"\s?(?:{_D}|/)\s?"

#: ``number[/year]-CODE/CODE[-CODE]`` or ``number[/year]/CODE-CODE``; named groups ``number``, ``year``,
#: ``codes`` (the rest, separators included).
#: A dash may stand for the slash before a year when a slash follows it (``19-2017/NQ-CP``).
#: After a year a bare space may stand for the slash when two codes follow (``13/2002 NQ-CP``); a trailing
#: year (``121/NĐ/2004``, ``22 / HĐKT / 2008``; ``43/CV/05``) is group ``tail`` (``tail2``).
SYMBOL = re.compile(
    rf"(?P<number>\d(?<![\w/.,{DASH}]\d)\d{{0,4}}(?:[a-z]|[A-Z](?=\s?/))?)"
    rf"(?:(?:\s?/\s?|-(?=(?:19|20)\d{{2}}/))(?P<year>(?:19|20)\d{{2}}))?"  # ``19-2017/NQ-CP``: a dash before the year
    rf"(?P<codes>(?(year)(?:{_SEP}|[ ](?={_CODE}{_D}))|{_SEP}){_CODE}(?:{_SEP}{_CODE}){{0,3}})"
    r"(?P<unit>\([A-ZĐ]{1,3}\d{1,3}\))?"  # a police or army unit written after the issuer: ``QĐ-BCA(A11)``
    rf"(?:(?:\s?/\s?(?P<tail>(?:19|20)\d{{2}})|/(?P<tail2>\d{{2}}))(?![\w/.,]|{_D}\w))?"
)
#: the code part of a symbol (``QĐ-TTYT``, ``QĐ/TU``): for the lists of numbers sharing one code
#: (``quyết định số 95, 96, 97 QĐ-TTYT``) read by the documents component
CODES = rf"{_CODE}(?:{_SEP}{_CODE}){{0,3}}"
# The digit patterns below start with the digit and check what precedes it in a look-behind that covers the
# digit too (``\d(?<![\d/.,]\d)`` = ``(?<![\d/.,])\d``): a pattern that starts with a character class lets ``re``
# skip to the next digit instead of trying every position (2-3x faster; the same matches, tested against the
# look-behind-first forms in ``tests/segment/test_segment_patterns.py``).
#: full dates: ``20/12/2022``, ``20-12-2022``, ``20.12.2022``
DATE = re.compile(r"(?P<d>\d(?<![\d/.,]\d)(?:(?<=[0-3])\d)?)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)(?P<y>(?:19|20)\d{2})(?![\d/])")
#: periods ``2021-2025``, ``2021 – 2025`` (one token; never a count)
PERIOD = re.compile(rf"(?:1(?<![\d/.,]1)9|2(?<![\d/.,]2)0)\d{{2}}\s?[{DASH}]\s?(?:19|20)\d{{2}}(?![\d/])")
#: ``x/y`` (also a partial date ``22/6``: the components decide which)
RATIO = re.compile(r"(?P<x>\d(?<![\w/.,]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))\s?/\s?(?P<y>\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d|-\w)")
#: numbers with Vietnamese separators: ``1.260``, ``12.500.000``, ``2,8``, ``95,45``, optional ``%``
NUMBER = re.compile(r"(?P<num>\d(?<![\w.,/:]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?))(?:\s?(?P<pct>%))?(?![\d/]|[.,:]\d)")

#: a quoted name (a model, a slogan): numbers inside it are part of the name, not counts
QUOTED = re.compile(r"[“\"«][^“”\"«»\n]{1,160}[”\"»]")


def parse_number(text: str) -> float:
    """``1.260`` → 1260, ``2,8`` → 2.8, ``12.500.000`` → 12500000, ``95,45`` → 95.45."""
    text = text.strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def canonical_symbol(text: str) -> str:
    """``400 - QĐ / TU`` → ``400-QĐ/TU``; dashes of every kind become ``-``; ``Ð`` becomes ``Đ``;
    ``13/2002 NQ-CP`` (a space for the slash after the year) → ``13/2002/NQ-CP``."""
    text = re.sub(r"(/(?:19|20)\d{2})\s+(?=[A-ZĐ\u00d0])", r"\1/", text.strip())
    text = re.sub(r"\s+", "", text).replace("\u00d0", "Đ")
    return re.sub(_D, "-", text)


def word_alternation(words: Iterable[str], *, ignore_case: bool = True, space: str = r"[ \t]+") -> str:
    """A regex body matching any of ``words`` (longest first), shaped as a trie by ``retrie``.

    A plain ``a|b|c`` of hundreds of titles or organization words is tried alternative by
    alternative at every position; the trie shares prefixes, which made the officials component's
    scans about 4x faster. Whitespace inside a word matches ``space``. With ``ignore_case`` the
    words are lower-cased (compile the result with ``re.IGNORECASE``). ``(?!)`` when empty.
    """
    from retrie.trie import Trie

    trie = Trie()
    for word in words:
        word = " ".join(word.split())
        if word:
            trie.add(word.lower() if ignore_case else word)
    body = trie.pattern()
    return body.replace(r"\ ", space) if body else "(?!)"


def case_variants(letters: str) -> str:
    """Every character that ``(?i:[letters])`` matches in ``re`` (``s`` → ``Ssſ``), found by asking ``re`` itself
    over the Basic Multilingual Plane (no character outside it folds to a letter inside it)."""
    if not letters:
        return ""
    probe = re.compile(f"(?i:[{''.join(map(re.escape, letters))}])")
    return "".join(ch for ch in map(chr, range(0x10000)) if probe.fullmatch(ch))


def by_first_letter(alternatives: Iterable[str], *, ignore_case: bool = True, word_start: bool = False) -> str:
    """A regex body matching what ``(?:a1|a2|…)`` matches, written to start with a character class.

    Each alternative must start with a letter written as itself. The body is
    ``[first letters](?:(?<=x)(?:rest of the x-alternatives)|(?<=y)(?:…))``: ``re`` skips every position
    whose character no alternative starts with, and tries only the alternatives of that letter (in their
    own order; alternatives of different first letters cannot match at the same place). With
    ``ignore_case`` the letters and rests match in any case (``(?i:…)``) while the leading class stays
    case-sensitive, which is what lets ``re`` use it. ``word_start``: no letter, digit or ``_`` before the
    match (``(?<![^\\W_])``, written after the class as ``(?<![^\\W_].)``, as the digit patterns above do).
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        first = alt[:1]
        if not first.isalpha():
            raise ValueError(f"alternative {alt!r} does not start with a letter")
        groups.setdefault(first.lower() if ignore_case else first, []).append(alt[1:])
    branches = [f"(?<={re.escape(first)})(?:{'|'.join(rests)})" for first, rests in groups.items()]
    letters = case_variants("".join(groups)) if ignore_case else "".join(groups)
    cls = "[" + "".join(re.escape(ch) for ch in sorted(letters)) + "]" + (r"(?<![^\W_].)" if word_start else "")
    body = "|".join(branches)
    return f"{cls}(?i:{body})" if ignore_case else f"{cls}(?:{body})"
