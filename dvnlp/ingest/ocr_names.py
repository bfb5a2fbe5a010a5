"""OCR repair of people's names, from the rule files: ethnic-minority name words (``ethnic_names.json``:
clan names, name prefixes, and the letters Tesseract reads for others), surnames and honorifics
(``honorifics.json``, with the letters Tesseract reads for the slash of ``Đ/c``).

A word is only respelled into a name word the files hold, and only when exactly one of the listed
confusions makes it one; see :func:`repair_names`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from dvnlp.ingest.legacy import is_vietnamese_syllable

__all__ = ["after_honorific", "repair_names", "vietnamese_surnames"]

_SIGNS = ",.;:)"
_APOSTROPHES = "'’"


@dataclass(frozen=True)
class _Names:
    words: frozenset[str]  # every syllable of a clan name (``Ksor``, ``Mah``, ``Mlô``)
    clan_first: frozenset[str]  # first syllables of clan names written first (``Ksor``, ``Rơ``, ``Siu``)
    surnames: frozenset[str]  # honorifics.json surnames and clan_first words
    vietnamese: frozenset[str]  # honorifics.json surnames alone
    prefixes: frozenset[str]  # letters of the apostrophe prefixes (``H`` of ``H'``)
    honorifics: frozenset[str]  # honorifics, lower case (``ông``, ``đồng chí``)
    confusions: tuple[tuple[str, str], ...]  # (read, printed)
    honorific_confusions: tuple[tuple[str, str], ...]  # (read, printed) in honorifics (``í`` for ``/``)


@cache
def _names() -> _Names:
    from dvnlp.rulebook import load_rules

    ethnic = load_rules("ethnic_names").entries
    hons = load_rules("honorifics").entries
    clans = [e["word"] for e in ethnic if e["kind"] in ("clan_first", "clan_last")]
    first = frozenset(e["word"].split()[0] for e in ethnic if e["kind"] == "clan_first")
    return _Names(
        words=frozenset(s for w in clans for s in w.split()),
        clan_first=first,
        surnames=first | {e["word"] for e in hons if e["kind"] == "surname"},
        vietnamese=frozenset(e["word"] for e in hons if e["kind"] == "surname"),
        prefixes=frozenset(e["word"][0] for e in ethnic if e["kind"] == "prefix" and e["word"].endswith("'")),
        honorifics=frozenset(e["word"].lower() for e in hons if e["kind"] == "honorific"),
        confusions=tuple((e["word"], e["means"]) for e in ethnic if e["kind"] == "confusion"),
        honorific_confusions=tuple((e["word"], e["means"]) for e in hons if e["kind"] == "ocr_confusion"),
    )


def vietnamese_surnames() -> frozenset[str]:
    """The surnames of ``honorifics.json`` (``Nguyễn``, ``Đinh`` …)."""
    return _names().vietnamese


def after_honorific(out: list[str]) -> bool:
    """The words so far end with an honorific of one or two words (``ông``, ``Đồng chí``)."""
    honorifics = _names().honorifics
    return bool(out) and (out[-1].lower() in honorifics or " ".join(out[-2:]).lower() in honorifics)


def respell(word: str, targets: frozenset[str], confusions: tuple[tuple[str, str], ...] | None = None) -> str | None:
    """The one word of ``targets`` that a single listed confusion, or dropping one letter read twice
    (the same letter beside it, marks aside), turns ``word`` into, or None (none, or more than one:
    ``Kpã`` → ``Kpă``, ``MIô`` → ``Mlô``, ``Kpăã`` → ``Kpă``)."""
    hits = set()
    for read, printed in _names().confusions if confusions is None else confusions:
        at = word.find(read)
        while at >= 0:
            candidate = word[:at] + printed + word[at + len(read):]
            if candidate in targets:
                hits.add(candidate)
            at = word.find(read, at + 1)
    bases = [_base(c) for c in word]
    for at in range(len(word)):
        doubled = (at and bases[at - 1] == bases[at]) or (at + 1 < len(word) and bases[at + 1] == bases[at])
        if doubled and bases[at].isalpha() and word[:at] + word[at + 1:] in targets:
            hits.add(word[:at] + word[at + 1:])
    return hits.pop() if len(hits) == 1 else None


def _base(char: str) -> str:
    """The letter without its marks, lower case (``ă``, ``ã`` → ``a``; ``Đ`` → ``d``)."""
    return unicodedata.normalize("NFD", char)[0].lower().replace("đ", "d")


def repair_names(words: list[str]) -> list[str]:
    """Repair people's names in a list of OCR words, where the rule files make it certain:

    * a capitalized word that is no Vietnamese syllable and no name word becomes the one clan name
      word a listed confusion makes of it (``Kpã``/``Kpa`` → ``Kpă``, ``Byä`` → ``Byă``, ``MIô`` → ``Mlô``);
    * after an honorific and before another capitalized word (where a surname stands), a word that is no
      surname becomes the one surname a listed confusion makes of it (``Đồng chí Đạng Trí Hùng`` → ``Đặng``);
    * a prefix letter that lost its apostrophe (``H Lan``, ``H 'Lan``) after an honorific or a clan name
      written first, before a capitalized word, gets it back (``bà Nay H Lan`` → ``Nay H'Lan``);
    * a full stop read after a clan name written first, between an honorific and a capitalized word, is
      dropped (``ông Siu. Hương`` → ``ông Siu Hương``): such a clan name opens a name, it never ends one;
    * a full stop read after a capitalized honorific, before a name (a surname or clan name, then another
      capitalized word), is dropped (``Đồng chí. Kpă Thuyên`` → ``Đồng chí Kpă Thuyên``): a sentence is
      never just ``Ông.`` or ``Đồng chí.``;
    * a word that is no Vietnamese syllable, before a capitalized word, becomes the one honorific a listed
      honorific confusion makes of it (``Đíc Kpă Thuyên`` → ``Đ/c Kpă Thuyên``: the slash read as ``í``).
    """
    names = _names()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        core = word.rstrip(_SIGNS)
        tail = word[len(core):]
        honored = after_honorific(out)
        name_next = nxt[:1].isupper()
        if name_next and core[:1].isalpha() and not is_vietnamese_syllable(core) and core.lower() not in names.honorifics:
            honorific = respell(core.lower(), names.honorifics, names.honorific_confusions)
            core = core[0] + honorific[1:] if honorific else core
        if (tail == "." and name_next and _opens_name(words, i + 1, names)
                and ((core[:1].isupper() and core.lower() in names.honorifics)
                     or (out and out[-1][:1].isupper() and f"{out[-1]} {core}".lower() in names.honorifics))):
            tail = ""
        if core[:1].isupper() and not core.isupper() and core not in names.words and not is_vietnamese_syllable(core):
            core = respell(core, names.words) or core
        if honored and name_next and core[:1].isupper() and core not in names.surnames:
            core = respell(core, names.surnames) or core
        if (core in names.prefixes and not tail and (honored or (out and out[-1] in names.clan_first))
                and (name_next or (nxt[:1] in _APOSTROPHES and nxt[1:2].isupper()))):
            words[i + 1] = core + "'" + nxt.lstrip(_APOSTROPHES)
            i += 1
            continue
        if honored and tail == "." and core in names.clan_first and name_next and nxt.lower() not in names.honorifics:
            tail = ""
        out.append(core + tail)
        i += 1
    return out


def _opens_name(words: list[str], at: int, names: _Names) -> bool:
    """Does a name start at ``words[at]``: a surname or clan name, then another capitalized word?"""
    after = words[at + 1] if at + 1 < len(words) else ""
    word = words[at]
    if word[-1:] in _SIGNS or not after[:1].isupper():
        return False
    return word in names.surnames or respell(word, names.surnames) is not None
