"""Bytes → text: Unicode encodings, Vietnamese code pages, and legacy-font mojibake.

:func:`decode_bytes` decides by evidence. A byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32
LE/BE) or strict UTF-8 is taken as it is; UTF-16 without a BOM is recognised by its NUL-byte
pattern. Otherwise, after refusing binary data, the candidate readings — UTF-8 with a small
error budget (at most 16 + a quarter of its non-ASCII bytes invalid), Windows-1258 (``cp1258``), TCVN3
and VNI-Windows font bytes — are scored by how Vietnamese the result is: words that are
well-formed Vietnamese syllables (initial, rhyme, tone mark on the right vowel) count for a
reading, malformed words and replacement characters against it. A UTF-8 file with a few broken
bytes therefore decodes as UTF-8 with U+FFFD in their place and a ``decode`` warning, never as
mojibake. Every result carries its ``confidence``: the share of its words with non-ASCII
letters that are Vietnamese syllables (1.0 for pure ASCII, which every reading agrees on).

:func:`fix_legacy_text` repairs text that is already Unicode but really TCVN3/VNI
mojibake (a ``.txt`` copied out of a ``.VnTime`` Word document). It converts only when
the conversion turns malformed words into Vietnamese syllables and breaks almost none,
so genuine Unicode Vietnamese is never touched.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
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

__all__ = ["DecodedText", "confidence", "decode_bytes", "fix_legacy_text", "vietnamese_score"]

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
# Without those extra characters (most text: NFC, Unicode) a word is a run of letters, which ``re`` scans ~3x faster.
_EXTRA = re.compile(r"[\u0300-\u036f\xa1-\xbf\xd7\xf7]")
_LETTERS = re.compile(r"[^\W\d_]+")
_REPLACEMENT_RUN = re.compile("\ufffd+")


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
    #: how sure the reading is, 0–1 (see the module docstring); ``None`` when not measured
    confidence: float | None = None
    #: ``{"type": "decode", "message": …}`` entries (invalid bytes replaced, …)
    warnings: tuple[dict[str, str], ...] = ()
    #: 1-based numbers of the PDF pages whose text came from OCR
    ocr_pages: tuple[int, ...] = ()


def decode_bytes(data: bytes, *, source: str = "<bytes>", fix_legacy: bool = True) -> DecodedText:
    """Decode the bytes of a text file, detecting its encoding.

    Raises :class:`~dvnlp.errors.InputError` naming ``source`` for empty or binary data.
    With ``fix_legacy=False`` Unicode input is returned as decoded, without the
    TCVN3/VNI mojibake repair (the 8-bit legacy byte readings are still considered).
    """
    if not data:
        raise InputError(source, "empty file")
    found: tuple[str, str, list[tuple[int, int]]] | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            text, bad = _decode_counting(data[len(bom):], name)
            found = (text, name, [(a + len(bom), b + len(bom)) for a, b in bad])
            break
    nuls = data.count(0) if found is None else 0
    if nuls:
        found = _utf16_without_bom(data)
        if found is None and nuls > _max_nuls(len(data)):
            raise InputError(source, "binary data, not text")
    if found is None:
        try:
            found = (data.decode("utf-8"), "utf-8", [])
        except UnicodeDecodeError:
            pass
    legacy: str | None = None
    if found is None:
        if _control_share(data) > _MAX_CONTROL_SHARE:
            raise InputError(source, "binary data, not text")
        decoded = _decode_by_evidence(data)
        legacy = decoded.legacy
        found = (decoded.text, decoded.encoding,
                 _decode_counting(data, decoded.encoding)[1] if decoded.encoding in ("utf-8", "cp1258") else [])
    text, encoding, bad = found
    warnings = [_decode_warning(bad, encoding)] if bad else []
    replaced = sum(b - a for a, b in bad)
    nul_chars = text.count("\x00")
    if nul_chars and nul_chars <= _max_nuls(len(text)):  # a few corrupted bytes, not a binary file
        text = text.replace("\x00", "\ufffd")
        replaced += nul_chars
        warnings.append({"type": "decode", "message": f"{nul_chars} NUL character{'s' if nul_chars > 1 else ''} "
                                                      "replaced by U+FFFD"})
    if _looks_binary(text, replaced=replaced):
        raise InputError(source, "binary data, not text")
    if fix_legacy and legacy is None:
        text, legacy = fix_legacy_text(text)
    return DecodedText(text, encoding, legacy, confidence(text), tuple(warnings))


def _max_nuls(size: int) -> int:
    """NUL bytes or characters a text may hold as corruption (more means binary data)."""
    return max(5, size // 1000)


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


def _utf16_without_bom(data: bytes) -> tuple[str, str, list[tuple[int, int]]] | None:
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
    text, bad = _decode_counting(data, name)
    if sum(b - a for a, b in bad) > max(8, len(data) // 50):
        return None
    return text, name, bad


def _decode_counting(data: bytes, name: str) -> tuple[str, list[tuple[int, int]]]:
    """Decode with U+FFFD for each invalid sequence (as ``errors="replace"``); also return the
    ``(start, end)`` byte ranges replaced. Linear: each strict decode stops at the next error."""
    decode = codecs.getdecoder(name)
    view = memoryview(data)
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    pos = 0
    while pos < len(data):
        try:
            parts.append(decode(view[pos:], "strict")[0])
            break
        except UnicodeDecodeError as error:
            parts.append(decode(view[pos:pos + error.start], "strict")[0])
            parts.append("\ufffd")
            bad.append((pos + error.start, pos + error.end))
            pos += error.end
    return "".join(parts), bad


def _decode_warning(bad: list[tuple[int, int]], encoding: str) -> dict[str, str]:
    n = sum(b - a for a, b in bad)
    merged: list[tuple[int, int]] = []
    for a, b in bad:
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    bad = merged
    places = ", ".join(f"{a}" if b - a == 1 else f"{a}-{b - 1}" for a, b in bad[:5])
    more = f" and {len(bad) - 5} more places" if len(bad) > 5 else ""
    return {"type": "decode",
            "message": f"{n} invalid {encoding.upper()} byte{'s' if n != 1 else ''} at byte offset{'s' if n != 1 else ''} "
                       f"{places}{more}, replaced by U+FFFD"}


def _control_share(data: bytes) -> float:
    sample = data[:_SAMPLE]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_binary(text: str, replaced: int = 0) -> bool:
    """NUL or many control characters; U+FFFD counts unless it stands for ``replaced`` invalid bytes."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ch < " " and ch not in "\t\n\v\f\r\x1a\x1b"))
    return "\x00" in sample or max(0, bad - replaced) / len(sample) > _MAX_CONTROL_SHARE


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


def _decode_by_evidence(data: bytes) -> DecodedText:
    """Score UTF-8 (within its error budget), Windows-1258, TCVN3 and VNI readings; keep the best.

    A legacy reading must beat the Windows-1258 one clearly (by 2 words and 5%), as before; the
    UTF-8 reading wins over any 8-bit one that does not score higher.
    """
    western = data.decode("latin-1").translate(_cp1252_table())
    candidates: list[tuple[str, str, str | None]] = [
        ("cp1258", unicodedata.normalize("NFC", _decode_counting(data, "cp1258")[0]), None),
    ]
    # VNI before TCVN3: on a tie the reading that explains two bytes with one letter wins
    # (``co\xe2ng`` is VNI ``công``, not TCVN3 ``coõng``), as in :func:`fix_legacy_text`.
    for encoding in (VNI, TCVN3):
        candidates.append((encoding, _finish(convert_legacy(western, encoding), encoding), encoding))
    scores = [vietnamese_score(text) for _, text, _ in candidates]
    best = 0
    for index in range(1, len(candidates)):
        if scores[index] >= scores[best] + 2 and scores[index] > scores[best] * 1.05:
            best = index
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    text, bad = _decode_counting(data, "utf-8")
    if sum(b - a for a, b in bad) <= 16 + non_ascii // 4 and vietnamese_score(text) >= scores[best]:
        return DecodedText(text, "utf-8", None, confidence(text))
    name, text, legacy = candidates[best]
    return DecodedText(text, name, legacy, confidence(text))


def vietnamese_score(text: str) -> int:
    """Words that are Vietnamese syllables minus words that are not (2+ letters, from a 64 KB sample);
    a word touching U+FFFD counts against, as does each run of U+FFFD."""
    seen: dict[str, bool] = {}
    total = 0
    sample = text[:_SAMPLE]
    for match in _WORD.finditer(sample):
        word = match.group(0)
        if len(word) < 2:
            continue
        start, end = match.span()
        if (start and sample[start - 1] == "\ufffd") or (end < len(sample) and sample[end] == "\ufffd"):
            total -= 1
            continue
        result = seen.get(word)
        if result is None:
            result = seen[word] = is_vietnamese_syllable(word)
        total += 1 if result else -1
    return total - len(_REPLACEMENT_RUN.findall(sample))


def confidence(text: str) -> float:
    """Share of the words with non-ASCII letters that are Vietnamese syllables (1.0 when there are none).

    Each distinct word is judged once, weighted by its count (``Counter`` counts in C: a batch reads
    every record through here)."""
    good = bad = 0
    sample = text[:_SAMPLE]
    words = (_WORD if _EXTRA.search(sample) else _LETTERS).findall(sample)
    for word, n in Counter(words).items():
        if word.isascii():
            continue
        if is_vietnamese_syllable(word):
            good += n
        else:
            bad += n
    return round(good / (good + bad), 3) if good + bad else 1.0
