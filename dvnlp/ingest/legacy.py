"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) ↔ Unicode.

Before Unicode, Vietnamese documents were typed with 8-bit fonts whose glyphs sit on
Western code points. Text typed in ``.VnTime`` (TCVN3, TCVN 5712:1993 "VN3", the ABC
keyboard's charset) or ``VNI-Times`` (VNI-Windows) therefore surfaces, once the font is
lost, as cp1252/Latin-1 characters: ``Céng hoµ x· héi`` (TCVN3) or ``Coäng hoøa xaõ hoäi``
(VNI) for *Cộng hoà xã hội*.

* TCVN3 is one code point per letter. It has no upper-case toned letters: headings are
  typed in lower case and drawn upper case by the ``…H`` fonts (``.VnTimeH``).
* VNI is composite: a toned vowel is a base letter followed by one mark character
  (``a`` + ``ù`` → ``á``, ``a`` + ``á`` → ``ấ``, ``a`` + ``é`` → ``ắ``); ``ô``/``ö``/``ñ``
  stand for ``ơ``/``ư``/``đ`` and the ``i`` family is one character each.

The charts below are the published TCVN 5712:1993 (VN3) and VNI-Windows layouts, written
as data. Tables are built on first use (:func:`functools.cache`), never at import time;
the cached values are immutable.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Mapping

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN 5712:1993, VN3 layout: byte (as its Latin-1 character) followed by the letter.
_TCVN3_CHART = (
    "\xa1Ă \xa2Â \xa3Ê \xa4Ô \xa5Ơ \xa6Ư \xa7Đ \xa8ă \xa9â \xaaê \xabô \xacơ \xadư \xaeđ "
    "\xb5à \xb6ả \xb7ã \xb8á \xb9ạ \xbbằ \xbcẳ \xbdẵ \xbeắ \xc6ặ \xc7ầ \xc8ẩ \xc9ẫ \xcaấ \xcbậ "
    "\xccè \xceẻ \xcfẽ \xd0é \xd1ẹ \xd2ề \xd3ể \xd4ễ \xd5ế \xd6ệ \xd7ì \xd8ỉ \xdcĩ \xddí \xdeị "
    "\xdfò \xe1ỏ \xe2õ \xe3ó \xe4ọ \xe5ồ \xe6ổ \xe7ỗ \xe8ố \xe9ộ \xeaờ \xebở \xecỡ \xedớ \xeeợ "
    "\xefù \xf1ủ \xf2ũ \xf3ú \xf4ụ \xf5ừ \xf6ử \xf7ữ \xf8ứ \xf9ự \xfaỳ \xfbỷ \xfcỹ \xfdý \xfeỵ"
)

# VNI-Windows marks, in tone order: none, grave, acute, hook, tilde, dot below.
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VNI_TONE = ("", "ø", "ù", "û", "õ", "ï")  # after a e o u y ơ ư
_VNI_CIRCUMFLEX = ("â", "à", "á", "å", "ã", "ä")  # â ê ô + tone
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")  # ă + tone
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")  # i + tone (single characters)
_VNI_I_UPPER = ("I", "Ì", "Í", "Æ", "Ó", "Ò")
# Letters that VNI writes as one character: ơ ư đ and their capitals.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ"}

# Characters that appear in TCVN3/VNI mojibake but never in NFC Vietnamese written in
# Unicode (the Latin-1 letters Vietnamese uses are excluded, as are space and digits).
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Letters and combining marks that only Unicode Vietnamese has (besides U+1EA0–U+1EF9).
_UNICODE_ONLY = frozenset("ăĂđĐĩĨũŨơƠưƯ\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def tcvn3_decoding_table() -> Mapping[int, str]:
    """Return the TCVN3 surface code point → Unicode letter table (for ``str.translate``)."""
    pairs = (item for item in _TCVN3_CHART.split(" ") if item)
    return MappingProxyType({ord(item[0]): item[1] for item in pairs})


@cache
def tcvn3_encoding_table() -> Mapping[int, str]:
    """Return the Unicode letter → TCVN3 surface character table (inverse chart)."""
    table = {ord(letter): chr(code) for code, letter in tcvn3_decoding_table().items()}
    # VN3 has no capital toned letters: they are written with the lower-case code.
    for code, letter in tcvn3_decoding_table().items():
        upper = letter.upper()
        if upper != letter and ord(upper) not in table:
            table[ord(upper)] = chr(code)
    return MappingProxyType(table)


@cache
def vni_decoding_table() -> Mapping[str, str]:
    """Return the VNI surface sequence → Unicode letter table (one or two characters)."""
    table: dict[str, str] = dict(_VNI_SINGLE)
    for tone_index, tone in enumerate(_TONES):
        for upper in (False, True):
            case = str.upper if upper else str.lower

            def add(base: str, mark: str, letter: str) -> None:
                key = case(base) + (case(mark) if mark else "")
                value = case(_nfc(letter))
                if key != value:
                    table[key] = value

            for base in "aeouy":
                add(base, _VNI_TONE[tone_index], base + tone)
            for base, letter in (("ô", "ơ"), ("ö", "ư")):
                if tone:
                    add(base, _VNI_TONE[tone_index], letter + tone)
            for base in "aeo":
                add(base, _VNI_CIRCUMFLEX[tone_index], base + "\u0302" + tone)
            add("a", _VNI_BREVE[tone_index], "a\u0306" + tone)
            if tone:
                letters = _VNI_I_UPPER if upper else _VNI_I
                table[letters[tone_index]] = case(_nfc("i" + tone))
    # ì í Ì Í are themselves; drop identity entries.
    return MappingProxyType({k: v for k, v in table.items() if k != v})


@cache
def vni_encoding_table() -> Mapping[str, str]:
    """Return the Unicode letter → VNI surface sequence table (inverse chart)."""
    return MappingProxyType({v: k for k, v in vni_decoding_table().items()})


@cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_decoding_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def tcvn3_to_unicode(text: str, *, upper: bool = False) -> str:
    """Convert TCVN3 mojibake to Unicode (NFC).

    ``upper=True`` is for text set in an upper-case ``…H`` font (``.VnTimeH``): the
    result is upper-cased, as the font would have drawn it.
    """
    result = text.translate(tcvn3_decoding_table())
    return result.upper() if upper else result


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows mojibake to Unicode (NFC); unknown characters pass through."""
    table = vni_decoding_table()
    return _vni_pattern().sub(lambda m: table[m.group(0)], text)


def unicode_to_tcvn3(text: str) -> str:
    """Encode Unicode Vietnamese as TCVN3 surface characters (the inverse of the chart).

    Capital toned letters, which VN3 lacks, come out as their lower-case codes; other
    characters pass through. The input is NFC-normalized first.
    """
    return _nfc(text).translate(tcvn3_encoding_table())


def unicode_to_vni(text: str) -> str:
    """Encode Unicode Vietnamese as VNI-Windows surface sequences (inverse of the chart)."""
    table = vni_encoding_table()
    return "".join(table.get(ch, ch) for ch in _nfc(text))


def convert_legacy(text: str, encoding: str, *, upper: bool = False) -> str:
    """Convert ``text`` from the legacy ``encoding`` (``"tcvn3"`` or ``"vni"``) to Unicode."""
    if encoding == TCVN3:
        return tcvn3_to_unicode(text, upper=upper)
    if encoding == VNI:
        return vni_to_unicode(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def legacy_font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """Tell which legacy encoding a font name implies, and whether it is an upper-case font.

    ``.VnTime``, ``.VnArial``, ``.VnTimeH`` … (also without the leading dot) → TCVN3;
    ``VNI-Times``, ``VNI-Helve`` … → VNI. Returns ``(None, False)`` for other fonts.
    """
    if not font_name:
        return None, False
    name = font_name.strip()
    lower = name.lower()
    if lower.startswith("vni-") or lower.startswith("vni ") or lower.startswith("vni_"):
        return VNI, False
    if lower.startswith(".vn") or (lower.startswith("vn") and not lower.startswith("vni")):
        return TCVN3, name.endswith("H")
    return None, False


def has_unicode_vietnamese(text: str) -> bool:
    """True when ``text`` holds a Vietnamese letter outside Latin-1 (ă đ ĩ ũ ơ ư ạ … ỹ)
    or a combining Vietnamese mark (decomposed Unicode, "Unicode tổ hợp").

    Legacy-font text cannot contain these, so their presence proves genuine Unicode.
    """
    for ch in text:
        code = ord(ch)
        if 0x1EA0 <= code <= 0x1EF9 or ch in _UNICODE_ONLY:
            return True
    return False


@cache
def _signal_pattern() -> re.Pattern[str]:
    vietnamese = "".join(sorted(_VIETNAMESE_LATIN1))
    return re.compile(f"[\xa1-\xff](?<![{vietnamese}])")


def legacy_signal_count(text: str) -> int:
    """Count characters typical of legacy mojibake and absent from Unicode Vietnamese.

    These are the Latin-1 characters U+00A1–U+00FF other than the 34 letters that
    Unicode Vietnamese itself uses (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals).
    """
    return len(_signal_pattern().findall(text))


def has_legacy_signal(text: str) -> bool:
    """True when ``text`` holds at least one character counted by :func:`legacy_signal_count`."""
    return _signal_pattern().search(text) is not None


# --- Vietnamese syllable shape, used to score candidate conversions -------------------------

_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_OPEN_ONLY = ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa iêu yêu oai oay oeo "
              "uây uôi ươi ươu uya uyu uơ")
_FINAL_OPTIONAL = "a e ê i o ô ơ u ư y oa oe uê uy"
_FINAL_REQUIRED = "ă â iê yê uô ươ oă uâ uyê oo"
_FINALS = ("c", "ch", "m", "n", "ng", "nh", "p", "t")
_PALATAL_NUCLEI = frozenset("a ê i y oa uê uy".split())  # may end in ch / nh
_FRONT_NUCLEI = frozenset("ê i y uê uy ơ".split())  # may not end in c / ng
_STOP_TONES = frozenset({"", "\u0301", "\u0323"})  # tones allowed before c ch p t
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@cache
def _rhymes() -> Mapping[str, tuple[str, str]]:
    """Every rhyme without tone → (nucleus, final)."""
    table: dict[str, tuple[str, str]] = {}
    for nucleus in _OPEN_ONLY.split():
        table[nucleus] = (nucleus, "")
    for group, finals in ((_FINAL_OPTIONAL, ("",) + _FINALS), (_FINAL_REQUIRED, _FINALS)):
        for nucleus in group.split():
            for final in finals:
                if final in ("ch", "nh") and nucleus not in _PALATAL_NUCLEI:
                    continue
                if final in ("c", "ng") and nucleus in _FRONT_NUCLEI:
                    continue
                table[nucleus + final] = (nucleus, final)
    return MappingProxyType(table)


def _initial_fits(initial: str, nucleus: str) -> bool:
    front = nucleus[0] in "eêiy"
    if initial in ("k", "gh", "ngh"):
        return front and (initial == "k" or nucleus[0] != "y")
    if initial in ("c", "ng"):
        return not front
    if initial == "g":
        return nucleus[0] not in "eê"
    if initial == "qu":
        return nucleus[0] not in "ouư"
    return True


def _split_tone(word: str) -> tuple[str, str, int] | None:
    """``word`` → (letters without tone, tone mark or "", index of the toned letter or -1)."""
    bare: list[str] = []
    tone, where = "", -1
    for index, ch in enumerate(unicodedata.normalize("NFC", word.lower().replace("ð", "đ"))):
        parts = unicodedata.normalize("NFD", ch)
        marks = [mark for mark in parts if mark in _TONE_MARKS]
        if marks:
            if tone or len(marks) > 1:
                return None
            tone, where = marks[0], index
            ch = _nfc("".join(mark for mark in parts if mark not in _TONE_MARKS))
        bare.append(ch)
    return "".join(bare), tone, where


def _tone_fits(nucleus: str, final: str, position: int) -> bool:
    """Whether the tone may sit on ``nucleus[position]`` (old and new styles both accepted)."""
    marked = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    if marked:
        return position == marked[-1]
    if len(nucleus) == 1:
        return position == 0
    if final:
        return position == len(nucleus) - 1
    if nucleus in ("oa", "oe", "uy"):
        return position in (0, 1)
    return position == (0 if len(nucleus) == 2 else 1)


@lru_cache(maxsize=1 << 16)  # a pure function of a word; news uses a few thousand distinct syllables
def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is spelled like one Vietnamese syllable (any case, NFC or NFD).

    Checks the initial consonant, the vowel nucleus, the final consonant, the spelling
    rules (``k``/``gh``/``ngh`` before front vowels only, ``c``/``ng`` never), at most one
    tone mark, placed on the right vowel (``quả``, not ``quaỷ``), and that syllables
    ending in c/ch/p/t carry no grave/hook/tilde tone.
    """
    split = _split_tone(word)
    if split is None:
        return False
    bare, tone, where = split
    rhymes = _rhymes()
    for initial in _INITIALS:
        if not bare.startswith(initial):
            continue
        start = len(initial)
        entry = rhymes.get(bare[start:])
        if entry is None and initial == "gi":
            start = 1
            entry = rhymes.get(bare[1:])  # gì, gìn: the i belongs to both
        if entry is None:
            continue
        nucleus, final = entry
        if not _initial_fits(initial, nucleus):
            continue
        if final in ("c", "ch", "p", "t") and tone not in _STOP_TONES:
            continue
        if tone and not _tone_fits(nucleus, final, where - start):
            continue
        return True
    return False
