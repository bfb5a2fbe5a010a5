"""``dvnlp_orgs_places``: organizations (party committees, Ban Dân vận, UBND/HĐND, MTTQ, mass
organizations) and places (``tỉnh Gia Lai``, ``huyện Đak Đoa``, ``xã Ia Pal``).

Organizations start at a body or organization term of the lexicon (``dvnlp/rules/lexicon.json``,
kinds ``body``) or an abbreviation of kind ``body``/``org`` — read from the ``dvnlp_lexicon`` spans,
not searched again — and extend over the bodies and the place that qualify them (``Ban Dân vận`` +
``Tỉnh ủy`` + ``Gia Lai``). An organization stops before a person's name written after it
(``Quốc hội Nguyễn Thị Kim Ngân``, ``Thành ủy Đà Nẵng Trương Quang``): :func:`person_cut` reads the
capitalized tail with the officials' name grammar (:mod:`dvnlp.components.title_grammar`). Places are an
administrative-unit word followed by a capitalized name.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, add_fact, doc_text
from dvnlp.components.lexicon import SPANS_KEY, lexicon_spans
from dvnlp.components.title_grammar import MAX_NAME, grammar, honorifics, key, localities
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DASH, word_alternation

UNITS = ("thành phố", "thị xã", "thị trấn", "tổ dân phố", "tỉnh", "huyện", "xã", "phường", "quận", "thôn", "buôn",
         "làng", "plei", "bản", "ấp", "TP.", "TP")
_SYL = r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w']*|\d{1,2})"
_NAME = rf"{_SYL}(?:[ ]{_SYL}){{0,3}}(?:[ ]?[-–][ ]?{_SYL}(?:[ ]{_SYL}){{0,2}})?"
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_DASHES = re.escape(DASH)  # escaped: a bare ``/-‐`` in a class is the range U+002F–U+2010
PLACE = re.compile(rf"(?<![\w])(?P<unit>{_UNIT_ALT})[ ]+(?P<name>{_NAME})")


@cache
def _org_pattern() -> re.Pattern[str]:
    terms = {e["term"] for e in load_rules("lexicon").entries if e["kind"] == "body"}
    abbrs = {e["abbr"] for e in load_rules("abbreviations").entries if e.get("kind") in ("body", "org")}
    alts = word_alternation(terms | abbrs, ignore_case=False, space="[ ]+")
    unit = rf"(?:[ ]+(?P<unit>{_UNIT_ALT})(?:[ ]+(?P<unit_name>{_NAME}))?|[ ]+(?P<bare>{_NAME}))?"
    return re.compile(rf"(?<![\w/{_DASHES}])(?:{alts})(?:[ ]+(?:{alts}))*(?:[ ]+(?:VN|Việt Nam))?{unit}(?![\w/{_DASHES}])")


def _org_matches(doc: Doc, text: str) -> list[re.Match[str]]:
    """The organization pattern anchored where a body can start: at each lexicon body or organization
    span, and at each inner syllable of a lexicon title (``Đại biểu Quốc hội``, ``Trưởng Công an``,
    ``Phó Trưởng ban Thường trực``), whose body is part of the same token. The whole text is scanned
    only when ``dvnlp_lexicon`` did not run."""
    pattern = _org_pattern()
    if SPANS_KEY not in doc.spans:
        return list(pattern.finditer(text))
    anchors: list[int] = []
    for span in lexicon_spans(doc, "BODY", "ORG", "TITLE"):
        if span.label_ != "TITLE":
            anchors.append(span.start_char)
            continue
        anchors.extend(span.start_char + m.start() for m in _INNER_SYLLABLE.finditer(span.text))
    out: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(anchors)):
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            out.append(m)
            end = m.end()
    return out


_INNER_SYLLABLE = re.compile(r"(?<=\s)\S")
#: units whose name is never a person's (provinces and cities), so ``UBND thành phố Nguyễn Văn A`` is a
#: body + a person; a district or ward may be (``huyện Trần Văn Thời``, ``phường Lê Lợi``)
_CITY_UNITS = frozenset({"tỉnh", "thành phố", "tp", "tp."})
_LOCAL_COMMITTEE = re.compile(r"(?:Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Huyện đoàn)$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


class _Evidence:
    """Per-document evidence about capitalized runs, computed on first use: names written after an
    honorific (``ông Tô Lâm``) and names written after a place word elsewhere (``huyện Châu Thành``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._honored: set[str] | None = None
        self._placed: dict[str, set[int]] | None = None

    def honored(self, name: str) -> bool:
        if self._honored is None:
            self._honored = set()
            for m in honorifics(self.text):
                syls = _cap_words(self.text, m.end())
                self._honored.update(key(" ".join(syls[:n])) for n in range(2, len(syls) + 1))
        return key(name) in self._honored

    def placed(self, name: str, start: int) -> bool:
        if self._placed is None:
            self._placed = {}
            for m in PLACE.finditer(self.text):
                syls = m.group("name").split()
                for n in range(1, len(syls) + 1):
                    self._placed.setdefault(key(" ".join(syls[:n])), set()).add(m.start("name"))
        return bool(self._placed.get(key(name), set()) - {start})


def _cap_words(text: str, pos: int) -> list[str]:
    """The capitalized words (up to four, one space apart) from ``pos``, spaces before them skipped."""
    out: list[str] = []
    for w in _WORD_RUN.match(text, pos).group(1).split(" "):
        if not w[:1].isupper() or len(out) == 4:
            break
        out.append(w)
    return out


_WORD_RUN = re.compile(r"[ \t]*((?:[^\W\d_]+)?(?: [^\W\d_]+){0,4})")


def _known_place(words: list[str], start: int, evidence: _Evidence) -> bool:
    """``Đà Nẵng``, ``HCM``, ``TƯ``, ``Hàn Quốc``, ``Đoàn``: words that qualify a body, not a person."""
    g, text = grammar(), " ".join(words)
    return (key(text) in localities() or evidence.placed(text, start) or bool(g.country.fullmatch(text))
            or all(w in g.expand for w in words) or bool(g.runs_on.fullmatch(text)))


def _person(words: list[str]) -> bool:
    g = grammar()
    return (g.name_start(words[0]) and key(" ".join(words)) not in g.not_names and key(words[0]) not in g.not_names
            and not any(len(w) > 1 and w.isupper() for w in words))  # ``Nông Lâm TPHCM`` is no person


def person_cut(m: re.Match[str], evidence: _Evidence) -> int:
    """Where the organization ``m`` ends when its capitalized tail is, or ends with, a person's name
    (``Quốc hội Nguyễn Thị Kim Ngân``, ``Thành ủy TP HCM Nguyễn Thiện Nhân``); ``m.end()`` otherwise.

    The longest known place opening the tail (a gazetteer locality, a name written after a place word
    elsewhere in the text, a country, abbreviations, a body word like ``Đoàn``) stays; two or more syllables
    after it that open with a surname are cut. A tail with no known place is a person when it opens with a
    surname and has three or more syllables (not after a district's unit word or committee, whose names
    may be a person's: ``huyện Trần Văn Thời``), or was written after an honorific. Bodies named after
    people (``ĐH Tôn Đức Thắng``, ``Trường THPT Nguyễn Du``: ``named_after`` in ``titles.json``) keep it."""
    group = "unit_name" if m.group("unit_name") else "bare" if m.group("bare") else ""
    if not group or not _WORDS.fullmatch(m.group(group)):
        return m.end()  # no tail, or one with a dash or a number
    g, start = grammar(), m.start(group)
    before = m.string[m.start():m.start("unit") if group == "unit_name" else start].split()
    if before and (g.named_after.fullmatch(before[-1]) or g.named_after.fullmatch(" ".join(before[-2:]))):
        return m.end()
    words = m.group(group).split()
    known = next((k for k in range(len(words), 0, -1) if _known_place(words[:k], start, evidence)), 0)
    if known:  # the longest known place first: ``Đắk Nông``, ``Đại Từ Trương Mạnh``
        if len(words) - known >= 2 and _person(words[known:]):
            return start + len(" ".join(words[:known]))
        return m.end()
    local = m.group("unit").casefold() not in _CITY_UNITS if group == "unit_name" else bool(
        before and _LOCAL_COMMITTEE.search(" ".join(before[-2:])))
    name = " ".join(words)
    if 2 <= len(words) <= MAX_NAME and _person(words) and (len(words) >= 3 and not local or evidence.honored(name)):
        return start - 1  # ``UBND huyện Trần Văn Thời``, ``Huyện ủy Lý Sơn``: a district may bear a person's name
    return m.end()


def _place_records(text: str, boiler: Boilerplate) -> list[dict[str, Any]]:
    out = []
    for m in PLACE.finditer(text):
        if boiler.covers(*m.span()):
            continue
        unit = m.group("unit").lower().replace("tp.", "thành phố").replace("tp", "thành phố")
        out.append({"text": m.group(0), "label": "PLACE", "span": list(m.span()),
                    "normalized": f"{unit} {m.group('name')}", "rule": f"admin_unit:{unit}"})
    return out


class OrgPlaceFinder(Component):
    """Writes two fact types: ``organizations`` and ``places``."""

    fact_type, label = "orgs_places", "ORG"

    def match(self, doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        text = doc_text(doc)
        boiler = Boilerplate(doc)
        evidence = _Evidence(text)
        orgs = []
        for m in _org_matches(doc, text):
            if boiler.covers(*m.span()):
                continue
            end = person_cut(m, evidence)
            org = text[m.start():end]
            orgs.append({"text": org, "label": "ORG", "span": [m.start(), end],
                         "normalized": re.sub(r"\s+", " ", org), "rule": "lexicon_body"})
        return orgs, _place_records(text, boiler)

    def set_annotations(self, doc: Doc, records: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        orgs, places = records
        for record in orgs:
            add_fact(doc, "organizations", record, label="ORG")
        for record in places:
            add_fact(doc, "places", record, label="PLACE")


@Language.factory("dvnlp_orgs_places", default_config={"on_error": "record"})
def make_orgs_places(nlp: Language, name: str, *, on_error: str) -> OrgPlaceFinder:
    return OrgPlaceFinder(name=name, on_error=on_error)
