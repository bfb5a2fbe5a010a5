"""Bytes → text: Unicode encodings, Vietnamese code pages, and legacy-font mojibake.

:func:`decode_bytes` tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32
LE/BE); strict UTF-8; UTF-16 without a BOM when the NUL-byte pattern shows it; refusal
of binary data; and finally the 8-bit readings — Windows-1258 (``cp1258``) against
TCVN3 and VNI-Windows font bytes — chosen by how many words come out as well-formed
Vietnamese syllables.

:func:`fix_legacy_text` repairs text that is already Unicode but really TCVN3/VNI
mojibake (a ``.txt`` copied out of a ``.VnTime`` Word document). It converts only when
the conversion turns malformed words into Vietnamese syllables and breaks almost none,
so genuine Unicode Vietnamese is never touched.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from dvnlp.errors import InputError
from dvnlp.ingest.legacy import (
    TCVN3,
    VNI,
    convert_legacy,
    has_legacy_signal,
    has_unicode_vietnamese,
    is_vietnamese_syllable,
)

__all__ = ["DecodedText", "decode_bytes", "fix_legacy_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that plain text does not contain (tab, LF, VT, FF, CR, SUB, ESC are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 1 << 16
# A word: letters, combining marks, and the Latin-1 symbols that legacy fonts use as letters.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\xa1-\xbf\xd7\xf7])+")


@dataclass(frozen=True)
class DecodedText:
    """Text read from an input.

    ``encoding`` says how the bytes were read (``"utf-8"``, ``"utf-16-le"``, ``"cp1258"``,
    ``"tcvn3"``, ``"vni"``, ``"docx"``, ``"pdf"`` …); ``legacy`` names the legacy font
    encoding (``"tcvn3"``/``"vni"``) that was converted to Unicode, or is ``None``.
    """

    text: str
    encoding: str
    legacy: str | None = None


def decode_bytes(data: bytes, *, source: str = "<bytes>", fix_legacy: bool = True) -> DecodedText:
    """Decode the bytes of a text file, detecting its encoding.

    Raises :class:`~dvnlp.errors.InputError` naming ``source`` for empty or binary data.
    With ``fix_legacy=False`` Unicode input is returned as decoded, without the
    TCVN3/VNI mojibake repair (the 8-bit legacy byte readings are still considered).
    """
    if not data:
        raise InputError(source, "empty file")
    text: str | None = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, encoding = data[len(bom):].decode(name, errors="replace"), name
            break
    if text is None and b"\x00" not in data:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None and b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise InputError(source, "binary data, not text")
        text, encoding = found
    if text is None:
        if _control_share(data) > _MAX_CONTROL_SHARE:
            raise InputError(source, "binary data, not text")
        return _decode_8bit(data)
    if _looks_binary(text):
        raise InputError(source, "binary data, not text")
    if fix_legacy:
        fixed, legacy = fix_legacy_text(text)
        return DecodedText(fixed, encoding, legacy)
    return DecodedText(text, encoding, None)


def fix_legacy_text(text: str) -> tuple[str, str | None]:
    """Repair TCVN3 or VNI mojibake in Unicode text; return ``(text, encoding or None)``.

    The decision is made for the whole document by comparing every word before and after
    each candidate conversion: it must turn malformed words into Vietnamese syllables
    (at least half of the malformed words it changes, and three times as many as it
    spoils), and the text must hold (almost) no word with a letter that only Unicode can
    spell (ă đ ơ ư ạ … ỹ), which legacy text cannot contain. A document that mixes genuine
    Unicode with mojibake is then decided line by line. Genuine Unicode Vietnamese is
    returned unchanged with ``None``.
    """
    if not text or not has_legacy_signal(text):
        return text, None
    decision, evidence = _decide(text)
    if decision is not None:
        return decision
    if evidence < 3:
        return text, None
    lines = text.split("\n")
    used: dict[str, int] = {}
    for index, line in enumerate(lines):
        if not has_legacy_signal(line):
            continue
        line_decision, _ = _decide(line)
        if line_decision is not None:
            lines[index], name = line_decision
            used[name] = used.get(name, 0) + 1
    if not used:
        return text, None
    return "\n".join(lines), max(used, key=lambda name: used[name])


def _decide(text: str) -> tuple[tuple[str, str] | None, int]:
    """Best accepted conversion ``(converted, encoding)`` or None, and the most words improved."""
    genuine = sum(1 for word in _WORD.findall(text) if has_unicode_vietnamese(word))
    best: tuple[int, str, str] | None = None
    evidence = 0
    # VNI first: on a tie (possible only in a few words) the reading that explains two
    # characters with one letter wins; TCVN3 text seldom parses as VNI at all.
    for encoding in (VNI, TCVN3):
        converted, improved, worsened, changed = _judge(text, encoding)
        evidence = max(evidence, improved)
        if (_accept(improved, worsened, changed) and genuine * 20 <= improved
                and (best is None or improved - worsened > best[0])):
            best = (improved - worsened, encoding, converted)
    if best is None:
        return None, evidence
    return (_finish(best[2], best[1]), best[1]), evidence


def _accept(improved: int, worsened: int, changed: int) -> bool:
    return improved >= 1 and improved >= 3 * worsened and 2 * improved >= changed


def _judge(text: str, encoding: str) -> tuple[str, int, int, int]:
    """Convert ``text``; count words (of 2+ characters) made valid, made invalid, and
    changed while invalid before."""
    converted = convert_legacy(text, encoding)
    before = _WORD.findall(text)
    after = _WORD.findall(converted)
    if len(before) != len(after):  # cannot happen with the charts; be safe anyway
        return converted, 0, 0, 0
    valid: dict[str, bool] = {}

    def ok(word: str) -> bool:
        result = valid.get(word)
        if result is None:
            result = valid[word] = is_vietnamese_syllable(word)
        return result

    improved = worsened = changed = 0
    for old, new in zip(before, after):
        if old == new or (len(old) < 2 and len(new) < 2):
            continue
        was, now = ok(old), ok(new)
        changed += not was
        improved += now and not was
        worsened += was and not now
    return converted, improved, worsened, changed


def _finish(converted: str, encoding: str) -> str:
    """Restore capitals lost by TCVN3 (upper-case ``…H`` fonts reuse the lower-case codes).

    A word whose ASCII letters are all capitals (``CộNG``) is upper-cased; so is a whole
    line with no lower-case ASCII letter and at least two such words (``CộNG HOà X·``).
    """
    if encoding != TCVN3:
        return unicodedata.normalize("NFC", converted)
    lines = []
    for line in converted.split("\n"):
        words = _WORD.findall(line)
        shouting = sum(1 for word in words if _is_shouting(word) and not word.isupper())
        if shouting >= 2 and not any("a" <= ch <= "z" for ch in line):
            line = line.upper()
        elif shouting:
            line = _WORD.sub(lambda m: m.group(0).upper() if _is_shouting(m.group(0)) else m.group(0), line)
        lines.append(line)
    return unicodedata.normalize("NFC", "\n".join(lines))


def _is_shouting(word: str) -> bool:
    letters = [ch for ch in word if "a" <= ch.lower() <= "z"]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Recognise BOM-less UTF-16 by its NUL bytes (the high byte of ASCII characters)."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half == 0:
        return None
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul >= 0.5 and even_nul <= 0.02:
        name = "utf-16-le"
    elif even_nul >= 0.5 and odd_nul <= 0.02:
        name = "utf-16-be"
    else:
        return None
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return None


def _control_share(data: bytes) -> float:
    sample = data[:_SAMPLE]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ch < " " and ch not in "\t\n\v\f\r\x1a\x1b"))
    return "\x00" in sample or bad / len(sample) > _MAX_CONTROL_SHARE


@cache
def _cp1252_table() -> dict[int, str]:
    """Latin-1 → cp1252 fix-ups for 0x80–0x9F (bytes cp1252 leaves undefined stay as they are)."""
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


def _decode_8bit(data: bytes) -> DecodedText:
    """Choose between Windows-1258 and TCVN3/VNI font bytes by counting valid syllables."""
    western = data.decode("latin-1").translate(_cp1252_table())
    candidates: list[tuple[str, str, str | None]] = [
        ("cp1258", unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), None),
    ]
    for encoding in (TCVN3, VNI):
        candidates.append((encoding, _finish(convert_legacy(western, encoding), encoding), encoding))
    scores = [_valid_words(text) for _, text, _ in candidates]
    best = 0
    for index in range(1, len(candidates)):
        if scores[index] >= scores[best] + 2 and scores[index] > scores[best] * 1.05:
            best = index
    name, text, legacy = candidates[best]
    return DecodedText(text, name, legacy)


def _valid_words(text: str, check: Callable[[str], bool] = is_vietnamese_syllable) -> int:
    seen: dict[str, bool] = {}
    total = 0
    for word in _WORD.findall(text):
        if len(word) < 2:
            continue
        result = seen.get(word)
        if result is None:
            result = seen[word] = check(word)
        total += result
    return total
