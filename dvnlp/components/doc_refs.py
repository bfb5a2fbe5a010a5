"""``dvnlp_doc_refs``: cited documents — kind, number, canonical symbol, issuer, date, subject.

Party style ``Quyết định số 400-QĐ/TU`` (number-KIND/ISSUER), State style ``1562/QĐ-UBND``
(number/KIND-ISSUER) and ``04/2015/NĐ-CP`` (number/year/KIND-ISSUER), spaced or mistyped
(``215 - QĐ/HU``, ``QÐ``) → canonical symbol. Kind and issuer names come from
``dvnlp/rules/document_kinds.json`` and ``issuers.json``. A kind word with a bare number
(``Kết luận 57``) gives a record with ``symbol: null``.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, doc_text
from dvnlp.components.dates import find_dates
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DASH, SYMBOL, canonical_symbol

_SPLIT = re.compile(rf"\s*(?:[{DASH}]|/)\s*")
_ISSUER_PHRASE = re.compile(r"\s*,?\s*(?:do\s+|của\s+)(?P<issuer>[A-ZĐÂÊÔƠƯÁÀẢÃẠ][^,;.:()“”\"]{2,80}?)(?=\s+(?:về|và|cùng|ban hành|quy định|hướng dẫn|triển khai|phê duyệt|thực hiện|đã|nêu|yêu cầu|chỉ đạo)\b|[,;.:()“”\"]|$)")
_SUBJECT = re.compile(r"\s*,?\s*về\s+(?:việc\s+)?(?P<subject>[^;.\n]{3,250}?)(?=\s*[;.\n]|\s*[,]\s*(?:và|đồng thời|trên cơ sở|theo đó)\b|$)")
_DATE_AFTER = re.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    kinds = {e["code"]: e["name"] for e in load_rules("document_kinds").entries}
    issuers = {e["code"]: e["name"] for e in load_rules("issuers").entries}
    entries = load_rules("document_kinds").entries
    # longest first; between equal names (``Quy định``: QĐi, QyĐ) the first in the rule file wins,
    # whatever the hash seed (a set here made the kind code vary from process to process)
    written = [(e["name"], e["code"]) for e in entries] + [(a, e["code"]) for e in entries for a in e.get("aliases", [])]
    names = sorted(dict.fromkeys(written), key=lambda x: -len(x[0]))
    return kinds, issuers, names


@cache
def _bare_pattern() -> re.Pattern[str]:
    _, _, names = _tables()
    alts = "|".join(re.escape(n) for n, _ in names)
    return re.compile(rf"(?<![^\W_])(?P<kind>{alts})\s+(?:(?i:số)\s+)?(?P<number>\d{{1,4}})(?![\d/.,{DASH}]|\s*[{DASH}/]\s*[A-ZĐ])")


def parse_symbol(symbol: str, kinds: dict[str, str], issuers: dict[str, str]) -> dict[str, Any]:
    """Split a canonical symbol into number, year, kind code and issuer code."""
    m = SYMBOL.fullmatch(symbol)
    number = m.group("number") if m else symbol.split("-")[0].split("/")[0]
    year = m.group("year") if m else None
    codes = [c for c in _SPLIT.split(m.group("codes") if m else "") if c]
    kind_code = None
    issuer_codes = codes
    if codes and codes[0] in kinds:
        kind_code, issuer_codes = codes[0], codes[1:]
    issuer_code = "-".join(issuer_codes) or None
    issuer = None
    if issuer_codes:
        head = issuers.get(issuer_codes[0])
        issuer = head if head and len(issuer_codes) == 1 else (
            " - ".join(issuers.get(c, c) for c in issuer_codes) if head else None)
    return {"number": number, "year": year, "kind_code": kind_code, "issuer_code": issuer_code, "issuer": issuer}


class DocumentRefFinder(Component):
    fact_type, label = "documents", "DOCUMENT"

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        kinds, issuers, names = _tables()
        boiler = Boilerplate(doc)
        out: list[dict[str, Any]] = []
        for m in SYMBOL.finditer(text):
            a, b = m.span()
            if boiler.covers(a, b):
                continue
            symbol = canonical_symbol(m.group(0))
            parts = parse_symbol(symbol, kinds, issuers)
            kind = kinds.get(parts["kind_code"] or "")
            written = self._kind_before(text, a, names)
            rule = "party_symbol" if re.match(rf"\d+[a-z]?[{DASH}]", symbol) else "state_symbol"
            if written:  # the kind the text writes wins over the code (old "Quy định số 105-QĐ/TW")
                kind = written[0]
            if kind is None and not written and rule == "state_symbol" and parts["issuer_code"]:
                kind = None  # a State letter (công văn) names no kind; do not guess
            out.append(self._record(text, a, b, kind, parts, symbol, rule))
        for m in _bare_pattern().finditer(text):
            a, b = m.span()
            if boiler.covers(a, b) or any(r["span"][0] <= m.start("number") < r["span"][1] for r in out):
                continue
            code = next((c for n, c in names if n == m.group("kind")), None)
            parts = {"number": m.group("number"), "year": None, "kind_code": code, "issuer_code": None, "issuer": None}
            out.append(self._record(text, a, b, kinds.get(code or "", m.group("kind")), parts, None, "bare_number"))
        out.sort(key=lambda r: r["span"][0])
        return out

    @staticmethod
    def _kind_before(text: str, start: int, names: list[tuple[str, str]]) -> tuple[str, str] | None:
        before = text[max(0, start - 30):start]
        before = re.sub(r"(?i)\s*(?:số|số hiệu)?\s*:?\s*$", "", before)
        for name, code in names:
            if before.lower().endswith(name.lower()):
                return name, code
        return None

    @staticmethod
    def _record(text: str, a: int, b: int, kind: str | None, parts: dict[str, Any], symbol: str | None,
                rule: str) -> dict[str, Any]:
        pos = b
        date = None
        dm = _DATE_AFTER.match(text, pos)
        if dm:
            dates = find_dates(text[dm.end() - 5:dm.end() + 30])
            first = dates[0] if dates else None
            if first and first["span"][0] <= 6 and first["value"]:
                date = first["value"]
                pos = dm.end() - 5 + first["span"][1]
        issuer_phrase = None
        im = _ISSUER_PHRASE.match(text, pos)
        if im:
            issuer_phrase = im.group("issuer").strip()
            pos = im.end()
        subject = None
        sm = _SUBJECT.match(text, pos)
        if sm:
            subject = sm.group("subject").strip(" “”\"")
        return {
            "kind": kind, "number": parts["number"], "symbol": symbol, "issuer_code": parts["issuer_code"],
            "issuer": issuer_phrase or parts["issuer"], "date": date, "subject": subject,
            "span": [a, b], "kind_code": parts["kind_code"], "rule": rule,
        }


@Language.factory("dvnlp_doc_refs", default_config={"on_error": "record"})
def make_doc_refs(nlp: Language, name: str, *, on_error: str) -> DocumentRefFinder:
    return DocumentRefFinder(name=name, on_error=on_error)
