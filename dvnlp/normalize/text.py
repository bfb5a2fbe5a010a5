"""Raw text → :class:`NormalizedText`: the text every rule matches, plus a map back to the input.

Steps, in order, each keeping track of where every output character came from:

1. line ends: CRLF and lone CR → LF;
2. invisible characters removed: zero-width spaces/joiners, BOM, soft hyphen, C0/C1 controls
   (tab and newline kept), unassigned/private-use code points;
3. unusual spaces (no-break, thin, ideographic …) → a plain space;
4. NFC composition, one base character and its combining marks at a time (stray marks with no
   base are dropped), then ``Ð``/``ð`` (U+00D0/U+00F0, the Icelandic eth typed for Đ/đ) → ``Đ``/``đ``;
5. tone placement in the old style (``hoá`` → ``hóa``, see :mod:`dvnlp.normalize.tones`).

Typographic dashes (– —) and quotes are kept as written; rules treat them as hyphens/quotes.
Normalization is idempotent: ``normalize(normalize(x).text).text == normalize(x).text``.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from dvnlp.normalize.tones import old_style_tones

_SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
_DROP = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u180e\u061c\u2028\u2029")
_ETH = {"\u00d0": "Đ", "\u00f0": "đ"}
# Characters that send a text down the slow, character-by-character path.
_SLOW = re.compile("[\u00d0\u00f0\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _drop(ch: str) -> bool:
    if ch in ("\n", "\t"):
        return False
    if ch in _DROP:
        return True
    cat = unicodedata.category(ch)
    # Cc controls, Cs lone surrogates, Co private use, Cn unassigned, Cf formatting marks
    return cat in ("Cc", "Cs", "Co", "Cn", "Cf")


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text with an offset map back to the raw input.

    ``starts[i]`` is the raw index where normalized character ``i`` came from; the map is
    monotonic, so any normalized span maps to a raw span with :meth:`to_raw`.
    """

    text: str
    raw: str
    starts: Sequence[int] = field(repr=False)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to the matching span of :attr:`raw`."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        raw_start = self.starts[start] if start < n else len(self.raw)
        if end == start:
            return raw_start, raw_start
        last = self.starts[end - 1]
        # the raw extent of the last character runs to the next character's origin
        nxt = self.starts[end] if end < n else len(self.raw)
        raw_end = nxt if nxt > last else last + 1
        return raw_start, max(raw_start, raw_end)

    def from_raw(self, raw_index: int) -> int:
        """The first normalized index whose origin is at or after ``raw_index``."""
        return bisect.bisect_left(self.starts, raw_index)


def _is_clean(raw: str) -> bool:
    printable = raw.replace("\n", "").replace("\t", "").isprintable()
    return printable and not _SLOW.search(raw) and unicodedata.is_normalized("NFC", raw)


def normalize(raw: str) -> NormalizedText:
    """Normalize ``raw`` (already decoded to ``str``) for matching; see the module doc."""
    if _is_clean(raw):  # the common case: nothing moves, the map is the identity
        return NormalizedText(text=old_style_tones(raw), raw=raw, starts=range(len(raw)))
    out: list[str] = []
    starts: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            starts.append(i)
            i += 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            continue
        if ch in _SPACES:
            out.append(" ")
            starts.append(i)
            i += 1
            continue
        if unicodedata.combining(ch):  # a mark with no base before it
            i += 1
            continue
        if _drop(ch):
            i += 1
            continue
        # one base character plus the combining marks that follow it (skipping invisibles)
        j = i + 1
        marks = []
        while j < n and (unicodedata.combining(raw[j]) or raw[j] in _DROP):
            if raw[j] not in _DROP:
                marks.append(raw[j])
            j += 1
        cluster = unicodedata.normalize("NFC", ch + "".join(marks)) if marks else unicodedata.normalize("NFC", ch)
        for k, c in enumerate(cluster):
            out.append(_ETH.get(c, c))
            starts.append(i if k == 0 else j - 1)
        i = j
    text = old_style_tones("".join(out))
    return NormalizedText(text=text, raw=raw, starts=starts)
