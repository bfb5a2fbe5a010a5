"""The data behind the cited-document grammar: kinds of document and issuer codes, read from the rule files.

``dvnlp/rules/document_kinds.json`` (type codes, kind names, aliases, abbreviations, which kind words are
generic or everyday words, which codes a kind word may stand with), ``issuers.json`` (symbol issuer codes →
bodies) and the body/org/place rows of ``abbreviations.json``; each file is validated when loaded. Used by
:mod:`dvnlp.components.doc_fields`, :mod:`dvnlp.components.doc_issuers`, :mod:`dvnlp.components.doc_subjects`,
:mod:`dvnlp.components.doc_refs` and :mod:`dvnlp.checks.documents`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dvnlp.rulebook import load_rules

#: upper-case letters of Vietnamese, for character classes
UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"


@dataclass
class Tables:
    kinds: dict[str, str]  # type code → kind name
    issuers: dict[str, str]  # symbol issuer code → body
    issuers_folded: dict[str, str]  # the same, upper-cased codes
    #: (written form, code, display name), longest written form first
    names: list[tuple[str, str, str]]
    generic: frozenset[str]  # codes of kind words that name no particular kind
    common: frozenset[str]  # kind words (lower case) that are everyday words too (``theo quy định số …``)
    compatible: dict[str, frozenset[str]]  # code → codes a kind word may stand with
    expand: dict[str, str] = field(default_factory=dict)  # written abbreviation → words (issuers read from text)
    #: bodies found at every level and place (``Ủy ban nhân dân``): name → how the text writes it (``UBND``, ``UB``)
    local: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: body a code names → the body the same code names in a centrally-run city (``Tỉnh ủy`` → ``Thành ủy``)
    city: dict[str, str] = field(default_factory=dict)


@cache
def tables() -> Tables:
    entries = load_rules("document_kinds").entries
    kinds = {e["code"]: e["name"] for e in entries}
    # longest first; between equal names (``Quy định``: QĐi, QyĐ) the first in the rule file wins
    written = ([(e["name"], e["code"], e["name"]) for e in entries]
               + [(a, e["code"], a) for e in entries for a in e.get("aliases", [])]
               + [(a, e["code"], e["name"]) for e in entries for a in e.get("abbreviations", [])])
    seen: set[str] = set()
    names = []
    for w in sorted(written, key=lambda x: -len(x[0])):
        if w[0].lower() not in seen:
            seen.add(w[0].lower())
            names.append(w)
    iss = load_rules("issuers").entries
    issuers = {e["code"]: e["name"] for e in iss if not e.get("text_only")}
    expand = {e["abbr"]: e["expansion"] for e in load_rules("abbreviations").entries
              if e.get("kind") in ("body", "org", "place")}
    expand.update({e["code"]: e["name"] for e in iss})
    local = {}
    for name in sorted({e["name"] for e in iss if e.get("local")}):
        forms = {name, name.replace("Ủy", "Uỷ"), *(k for k, v in expand.items() if v == name)}
        local[name] = tuple(sorted(forms, key=lambda f: (-len(f), f)))
    return Tables(kinds=kinds, issuers=issuers, issuers_folded={k.upper(): v for k, v in issuers.items()}, names=names,
                  generic=frozenset(e["code"] for e in entries if e.get("generic")),
                  common=frozenset(e["name"].lower() for e in entries if e.get("common_word")),
                  compatible={e["code"]: frozenset([e["code"], *e.get("compatible_codes", [])]) for e in entries},
                  expand=expand, local=local, city={e["name"]: e["city_form"] for e in iss if e.get("city_form")})


@cache
def codes_of_kind() -> dict[str, frozenset[str]]:
    """Kind word (lower-case, as written or displayed) → the type codes it may stand with."""
    t = tables()
    out: dict[str, set[str]] = {}
    for written, code, display in t.names:
        for word in (written, display):
            out.setdefault(word.lower(), set()).update(t.compatible.get(code, {code}))
    return {k: frozenset(v) for k, v in out.items()}


def kind_agrees(kind: str, code: str) -> bool:
    """Whether the kind word ``kind`` may stand with the type code ``code`` (its own, a look-alike, an extension)."""
    t = tables()
    allowed = codes_of_kind().get(kind.lower())
    if allowed is None or allowed & t.generic:
        return True
    if code in allowed or any(code.startswith(a) for a in allowed):
        return True
    name = t.kinds.get(code, "").lower()
    return bool(name) and (kind.lower().startswith(name) or name.startswith(kind.lower()))


@cache
def kind_alternation() -> str:
    """Every written kind word, longest first, as a regex alternation."""
    return "|".join(re.escape(w) for w, _, _ in tables().names)


def display(written: str) -> tuple[str, str]:
    """The display name and type code of a kind word as written (``NĐ`` → ``Nghị định``, ``NĐ``)."""
    low = written.lower()
    for w, code, shown in tables().names:
        if w.lower() == low:
            return shown, code
    return written, ""


def is_kind_code(symbol: str) -> bool:
    """Whether the last code of ``symbol`` is a type code (``12-KH``; not ``1 - TPHCM``)."""
    return re.split(r"\s?[-‐-―−/]\s?", symbol)[-1] in tables().kinds

