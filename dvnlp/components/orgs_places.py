"""``dvnlp_orgs_places``: organizations (party committees, Ban Dân vận, UBND/HĐND, MTTQ, mass
organizations) and places (``tỉnh Gia Lai``, ``huyện Đak Đoa``, ``xã Ia Pal``).

Organizations start at a body or organization term of the lexicon (``dvnlp/rules/lexicon.json``,
kinds ``body``) or an abbreviation of kind ``body``/``org`` — read from the ``dvnlp_lexicon`` spans,
not searched again — and extend over the bodies and the place that qualify them (``Ban Dân vận`` +
``Tỉnh ủy`` + ``Gia Lai``). Places are an
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
    unit = rf"(?:[ ]+(?:{_UNIT_ALT})(?:[ ]+{_NAME})?|[ ]+{_NAME})?"
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
        orgs = [{"text": m.group(0), "label": "ORG", "span": list(m.span()),
                 "normalized": re.sub(r"\s+", " ", m.group(0)), "rule": "lexicon_body"}
                for m in _org_matches(doc, text) if not boiler.covers(*m.span())]
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
