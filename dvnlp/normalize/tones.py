"""One tone-placement convention: the "old" style (``hóa``, ``ủy``, ``thủy``, ``khỏe``).

underthesea's segmentation model was trained on text in this style, so it is dvnlp's
canonical form. In an open syllable ending in ``oa``, ``oe`` or ``uy`` (not after ``q``,
where ``u`` belongs to the consonant) the tone mark sits on the first vowel: ``hoá`` →
``hóa``, ``uỷ`` → ``ủy``, ``thuỳ`` → ``thùy``; ``quý``, ``hoàng`` and ``thuyết`` are left
alone. The rewrite swaps two characters for two characters, so offsets do not move.
"""
from __future__ import annotations

import re
import unicodedata

_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng


def _pairs() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for upper1 in (False, True):
                for upper2 in (False, True):
                    a = first.upper() if upper1 else first
                    b = second.upper() if upper2 else second
                    new_style = a + unicodedata.normalize("NFC", b + tone)
                    old_style = unicodedata.normalize("NFC", a + tone) + b
                    table[new_style] = old_style
    return table


_TABLE = _pairs()
# The pair must end the syllable (no letter or stray combining mark after it) and, for "uy", not follow q/Q.
# Written to start with a character class, so ``re`` skips to the next o/u instead of trying every position
# (14x faster than ``(?<![qQ])(oá|oà|…)``, the same matches): the look-behind moves after the first letter.
_PATTERN = re.compile(
    "([oOuU](?<![qQ].)(?:(?<=[oO])[" + "".join(sorted({k[1] for k in _TABLE if k[0] in "oO"}))
    + "]|(?<=[uU])[" + "".join(sorted({k[1] for k in _TABLE if k[0] in "uU"})) + r"]))(?![^\W\d_]|[\u0300-\u036f])"
)


def old_style_tones(text: str) -> str:
    """Move tone marks to the old-style position; ``len`` of the result equals ``len(text)``."""
    if not text:
        return text
    return _PATTERN.sub(lambda m: _TABLE[m.group(1)], text)
