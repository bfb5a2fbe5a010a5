"""``dvnlp_doc_refs``: cited documents — one record per distinct document, with every mention.

Party style ``Quyết định số 400-QĐ/TU`` (number-KIND/ISSUER), State style ``1562/QĐ-UBND``
(number/KIND-ISSUER) and ``04/2015/NĐ-CP`` (number/year/KIND-ISSUER), spaced or mistyped
(``215 - QĐ/HU``, ``QÐ``, ``13/2002 NQ-CP``) → canonical symbol; a list sharing one code
(``quyết định số 95, 96, 97 QĐ-TTYT``) gives one document per number. A kind word with a bare
number (``Kết luận 57``) gives a record with ``symbol: null`` unless a symbol of the same kind
and number is cited in the report, whose record it joins.

Mentions of one document (same canonical symbol, case, spaces, dashes and ``Đ``/``Ð`` folded; or
a short form ``108/CP`` of ``108/2005/NĐ-CP``, kept in ``variants``) become one record whose
``mentions`` lists every span; kind, issuer, date and subject are the first found over the
mentions (a kind word of the text over the symbol's code; an issuer of the text over one its sentence
names, over the code's; ``issuer_from`` says which: ``text``, ``context`` or ``symbol``), and ``alternatives`` keeps the differing readings for the checks.
The grammar of the fields is in :mod:`dvnlp.components.doc_fields`; kind and issuer names come
from ``dvnlp/rules/document_kinds.json`` and ``issuers.json``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, add_fact, doc_text
from dvnlp.components.doc_fields import head_before, kind_alternation, kind_before, tables, tail_after
from dvnlp.components.doc_issuers import complete_city, issuer_in_context, without_signer_name
from dvnlp.components.doc_tables import kind_agrees
from dvnlp.segment.patterns import CODES, DASH, SYMBOL, canonical_symbol, word_alternation

_SPLIT = re.compile(rf"\s*(?:[{DASH}]|/)\s*")
#: a cheap test before the list pattern: two numbers joined by a comma or ``và``
_LIST_HINT = re.compile(r"\d\s*(?:,|và)\s*\d")


def _tables() -> tuple[dict[str, str], dict[str, str], list[tuple[str, str, str]]]:
    t = tables()
    return t.kinds, t.issuers, t.names


@cache
def _bare_pattern() -> re.Pattern[str]:
    # the kind words as a trie (``retrie``): about twice as fast as a plain alternation tried at every position;
    # a number before a colon heads an enumeration (``Phương án 2: …``), it cites nothing
    words = [w for w, _, _ in tables().names]
    first = "".join(sorted({w[0] for w in words}))
    alts = word_alternation(words, ignore_case=False, space=r"\s+")
    return re.compile(rf"(?<![^\W_])(?=[{first}])(?P<kind>{alts})\s+(?:(?i:số)\s+)?(?P<number>\d{{1,4}})"
                      rf"(?![{DASH}\d/.,]|\s*[{DASH}/]\s*[A-ZĐ]|\s*,\s*\d|\s+[A-ZĐ]{{2,}}[{DASH}/]|\s*:)")


@cache
def _list_pattern() -> re.Pattern[str]:
    """``số 95, 96, 97 QĐ-TTYT`` / ``số 12 và 13/QĐ-UBND``: numbers sharing the code after the last one."""
    return re.compile(rf"(?<![\w/.,])(?P<nums>(?:\d{{1,5}}\s*(?:,|và)\s*)+)(?P<last>\d{{1,5}})(?P<sep>\s*[{DASH}/]\s*|[ ])"
                      rf"(?P<codes>{CODES})")


@cache
def _join_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,|và|cùng|hoặc)\s*(?:(?:các\s+)?(?:{kind_alternation()})\s+)?(?:(?i:số)\s+)?$",
                      re.IGNORECASE)


@cache
def _dated_join() -> re.Pattern[str]:
    """Between two listed citations, the first one's own date: ``…, ngày 19/9/2011 và Quyết định số …``."""
    return re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?ngày\s+[0-3]?\d\s*[/.-]\s*[01]?\d\s*[/.-]\s*(?:19|20)\d\d"
                      + _join_pattern().pattern, re.IGNORECASE)


def _issuer_of(codes: list[str]) -> str | None:
    t = tables()
    joined = "-".join(codes)
    if joined in t.issuers:
        return t.issuers[joined]
    names = []
    for c in codes:
        # as written, upper-cased, without a session number (QH11), without its dots (TH.U → THU)
        name = (t.issuers.get(c) or t.issuers_folded.get(c.upper()) or t.issuers_folded.get(re.sub(r"\d+$", "", c.upper()))
                or t.issuers_folded.get(c.replace(".", "").upper()))
        if name is None or c in t.kinds:
            break  # a unit code after the body (UBND-VX, VPCP-NC) is not an issuer
        names.append(name)
    return " - ".join(names) or None


def parse_symbol(symbol: str, kinds: dict[str, str] | None = None, issuers: dict[str, str] | None = None) -> dict[str, Any]:
    """Split a canonical symbol into number, year, kind code, issuer code and the issuer the code names."""
    kinds = kinds if kinds is not None else tables().kinds
    m = SYMBOL.fullmatch(symbol)
    number = m.group("number") if m else re.split(r"[-/]", symbol)[0]
    year = m.group("year") if m else None
    tail = (m.group("tail") or m.group("tail2")) if m else None
    if tail and not year:
        year = tail if len(tail) == 4 else ("20" if int(tail) < 50 else "19") + tail
    codes = [c for c in _SPLIT.split(m.group("codes") if m else "") if c]
    kind_code = None
    issuer_codes = codes
    if codes and codes[0] in kinds:
        kind_code, issuer_codes = codes[0], codes[1:]
    elif len(codes) > 1 and m and m.group("year") and not _issuer_of(codes[:1]):
        issuer_codes = codes[1:]  # an unknown code in the type slot (4597/2001/ĐQ-BGTVT): the body follows
    elif len(codes) == 2 and codes[1] in kinds and _issuer_of(codes[:1]):  # reversed: 162/VH-QĐ
        kind_code, issuer_codes = codes[1], codes[:1]
    return {"number": number, "year": year, "kind_code": kind_code, "issuer_code": "-".join(issuer_codes) or None,
            "issuer": _issuer_of(issuer_codes) if issuer_codes else None,
            # a dated State symbol's type slot holding neither a type nor an issuer code (4597/2001/ĐQ-BGTVT)
            "type_slot": codes[0] if (codes and m and m.group("year") and not kind_code and len(codes) > 1
                                      and not _issuer_of(codes[:1])) else None}


class DocumentRefFinder(Component):
    fact_type, label = "documents", "DOCUMENT"

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        boiler = Boilerplate(doc)
        mentions = self._mentions(text, boiler)
        self._read_fields(text, mentions)
        return complete_city(text, merge(mentions))

    def set_annotations(self, doc: Doc, records: list[dict[str, Any]]) -> None:
        for record in records:
            add_fact(doc, self.fact_type, record, label=self.label)
            for a, b in record["mentions"][1:]:
                span = doc.char_span(a, b, label=self.label, alignment_mode="expand")
                if span is not None:
                    doc.spans[self.fact_type].append(span)

    @staticmethod
    def _mentions(text: str, boiler: Boilerplate) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for m in SYMBOL.finditer(text):
            a, b = m.span()
            if boiler.covers(a, b):
                continue
            symbol = canonical_symbol(m.group(0))
            rule = "party_symbol" if re.match(rf"\d+[a-z]?[{DASH}]", symbol) else (
                "state_symbol_year" if m.group("year") else "state_symbol")
            out.append({"span": [a, b], "symbol": symbol, "rule": rule})
        taken = [r["span"] for r in out]
        for m in (_list_pattern().finditer(text) if _LIST_HINT.search(text) else ()):
            listed = kind_before(text, m.start())
            if boiler.covers(*m.span()) or not listed:
                continue
            codes = canonical_symbol(m.group("codes"))
            party = "/" in codes and codes.index("/") > codes.find("-") >= 0
            join = "-" if party else "/"
            base = m.start("nums")
            numbers = [(n.group(0), [base + n.start(), base + n.end()]) for n in re.finditer(r"\d+", m.group("nums"))]
            numbers.append((m.group("last"), [m.start("last"), m.end()]))
            if any(x < sp[1] and sp[0] < y for _, sp in numbers[:-1] for x, y in taken):
                continue
            for i, (n, sp) in enumerate(numbers):
                if i == len(numbers) - 1 and any(x <= sp[0] < y for x, y in taken):
                    continue  # ``97/QĐ-TTYT`` is already a symbol
                out.append({"span": sp, "symbol": f"{n}{join}{codes}", "rule": "symbol_list", "list_at": m.start()})
        taken = [r["span"] for r in out]
        for m in _bare_pattern().finditer(text):
            a, b = m.span()
            if boiler.covers(a, b) or any(x <= m.start("number") < y for x, y in taken):
                continue
            out.append({"span": [m.start("number"), b], "symbol": None, "number": m.group("number"),
                        "bare_kind": m.group("kind"), "rule": "bare_number"})
        out.sort(key=lambda r: r["span"][0])
        return out

    @staticmethod
    def _read_fields(text: str, mentions: list[dict[str, Any]]) -> None:
        for r in mentions:
            _read_kind(text, r)
        # ``quận 1 - TPHCM``: number-CODE with no kind word and no kind code is no citation
        mentions[:] = [r for r in mentions if not (r["symbol"] and r.get("kind_from") != "text" and _lone_code(r))]
        for i, r in enumerate(mentions):
            head = head_before(text, r.get("kind_at", r["span"][0]), r.get("year"))
            for key in ("issuer", "date"):
                if head.get(key):
                    r[f"{key}_text"] = head[key]
                    r[f"{key}_rule"] = head[f"{key}_rule"]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            stop = max(r["span"][1], nxt.get("kind_at", nxt["span"][0])) if nxt else len(text)
            tail = tail_after(text, r["span"][1], year=r.get("year"), stop=stop)
            if tail.get("issuer") and r.get("issuer_text") and (_SIGNER_LEAD.match(r["issuer_text"])
                                                               or without_signer_name(r["issuer_text"]) != r["issuer_text"]):
                del r["issuer_text"]  # ``Tổng Bí thư … đã ký ban hành Chỉ thị 35-CT/TW của Bộ Chính trị``: the body
            if not tail.get("subject") and (title := _title_before_bracket(text, r)):
                tail = {**title, **tail}  # ``Nghị quyết Hội nghị … về X (Nghị quyết số 12-NQ/TW)``
            for key, slot in (("issuer", "issuer_text"), ("date", "date_text"), ("subject", "subject")):
                if tail.get(key) and not r.get(slot):
                    r[slot] = tail[key]
                    r[f"{key}_rule"] = tail[f"{key}_rule"]
            if r["symbol"] and not r.get("issuer_text"):
                context = issuer_in_context(text, r.get("kind_at", r["span"][0]), r["span"][1], r.get("issuer"))
                if context:
                    r["issuer_context"], r["issuer_context_rule"] = context
                elif r.get("issuer") in tables().city and _CITY_COMMITTEE.search(text) and not _PROVINCE_COMMITTEE.search(text):
                    r["issuer_city"] = tables().city[r["issuer"]]  # 1087-QĐ/TU of the Thành ủy TP HCM
        # ``A và B của X về Y``: the tail of the last citation of a list is the tail of every one;
        # ``X ban hành A và B``: the head of the first is the head of every one
        for i in range(len(mentions) - 2, -1, -1):
            gap = text[mentions[i]["span"][1]:mentions[i + 1]["span"][0]]
            dated = _dated_join().match(gap)  # ``40-QĐ/TW, ngày 19/9/2011 và Quyết định số 343-QĐNS/TW … của Bộ Chính trị``
            if dated or _join_pattern().match(gap):
                for key in ("issuer_text", "subject") if dated else ("issuer_text", "date_text", "subject"):
                    if mentions[i + 1].get(key) and not mentions[i].get(key):
                        mentions[i][key] = mentions[i + 1][key]
                        mentions[i][key.replace("_text", "") + "_rule"] = "shared_" + mentions[i + 1][
                            key.replace("_text", "") + "_rule"]
        for i in range(1, len(mentions)):
            prev = mentions[i - 1]
            if _join_pattern().match(text[prev["span"][1]:mentions[i]["span"][0]]) and prev.get("issuer_rule") == "issuer_before":
                mentions[i].setdefault("issuer_text", prev["issuer_text"])


_OPEN_BRACKET = re.compile(r"\(\s*$")


def _title_before_bracket(text: str, r: dict[str, Any]) -> dict[str, Any]:
    """A citation in brackets right after the document's title: the issuer and subject read after the same kind
    word earlier in the sentence (``… ban hành Nghị quyết Hội nghị lần thứ năm … về X (Nghị quyết số 12-NQ/TW)``)."""
    at = r.get("kind_at", r["span"][0])
    if not r.get("kind") or not _OPEN_BRACKET.search(text, max(0, at - 4), at):
        return {}
    paren = text.rfind("(", 0, at)
    start = max(text.rfind(c, 0, paren) for c in ".;\n") + 1
    word = re.compile(rf"(?<![^\W_]){re.escape(r['kind'])}(?![^\W_])", re.IGNORECASE)
    found = [m for m in word.finditer(text, start, paren)]
    if not found:
        return {}
    tail = tail_after(text, found[-1].end(), year=r.get("year"), stop=paren)
    for key in ("issuer", "subject"):
        if key in tail:
            tail[f"{key}_rule"] = "title_before_bracket"
    return {k: v for k, v in tail.items() if k.startswith(("issuer", "subject"))}


def _read_kind(text: str, r: dict[str, Any]) -> None:
    """Number, year, codes and the kind of one mention: the kind word written before it, else the code's."""
    t = tables()
    if not r["symbol"]:
        kind, code = next(((d, c) for w, c, d in t.names if w.lower() == r["bare_kind"].lower()), (r["bare_kind"], None))
        r.update(number=r["number"], year=None, kind_code=code, issuer_code=None, issuer=None, type_slot=None,
                 kind=kind, kind_from="text")
        return
    r.update(parse_symbol(r["symbol"], t.kinds))
    written = kind_before(text, r.get("list_at", r["span"][0]))
    if written and written["rule"] == "kind_before_weak" and r["kind_code"] and not kind_agrees(written["kind"], r["kind_code"]):
        # ``theo thông báo số 45/QĐ-UBND``: an everyday word in lower case yields to the symbol's kind code
        r.update(kind=t.kinds[r["kind_code"]], kind_from="symbol", kind_rule="kind_code_over_common_word",
                 kind_at=written["at"])
    elif written:
        r.update(kind=written["kind"], kind_from="text", kind_rule=written["rule"], kind_at=written["at"])
        if written.get("subject"):
            r.update(subject=written["subject"], subject_rule="subject_quoted_title")
    else:
        r.update(kind=t.kinds.get(r["kind_code"] or ""), kind_from="symbol" if r["kind_code"] else None)


def _lone_code(r: dict[str, Any]) -> bool:
    return r["rule"] == "party_symbol" and not r["kind_code"] and "/" not in r["symbol"]


def _key(symbol: str) -> str:
    return canonical_symbol(symbol).upper()


def _short_of(short: dict[str, Any], full: dict[str, Any]) -> bool:
    """``108/CP`` is the short form of ``108/2005/NĐ-CP``: same number and issuer code, no year, no kind code."""
    return (short["number"] == full["number"] and not short["year"] and not short["kind_code"] and bool(full["year"])
            and short["issuer_code"] is not None and short["issuer_code"] == full["issuer_code"])


def merge(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group mentions into one record per document (see the module docstring)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in mentions:
        if r["symbol"]:
            groups.setdefault(_key(r["symbol"]), []).append(r)
    keys = list(groups)
    for k in keys:  # short forms join their full symbol
        head = groups[k][0]
        full = next((f for f in keys if f != k and f in groups and _short_of(head, groups[f][0])), None)
        if full:
            groups[full] += groups.pop(k)
    for r in mentions:
        if r["symbol"]:
            continue
        home = next((g for g in groups.values() if g[0]["symbol"] and g[0]["number"] == r["number"]
                     and (g[0]["kind_code"] == r["kind_code"] or any(m.get("kind") == r["kind"] for m in g))), None)
        if home is not None:
            home.append(r)
        else:
            groups.setdefault(f"{r['kind']}#{r['number']}", []).append(r)
    out = [_record(sorted(g, key=lambda r: r["span"][0])) for g in groups.values()]
    out.sort(key=lambda r: r["span"][0])
    return out


def _record(group: list[dict[str, Any]]) -> dict[str, Any]:
    full = next((r for r in group if r["symbol"] and r["year"]), None) or next((r for r in group if r["symbol"]), group[0])
    written = [r for r in group if r.get("kind_from") == "text" and r.get("kind")]
    kinds = Counter(r["kind"] for r in written)
    kind_m = max(written, key=lambda r: (kinds[r["kind"]], -r["span"][0])) if written else full
    issuer, issuer_from, issuer_rule = _issuer(group, full)
    date_m = next((r for r in group if r.get("date_text")), None)
    subject_m = next((r for r in group if r.get("subject")), None)
    record = {
        "kind": kind_m.get("kind"), "number": full["number"], "symbol": full["symbol"],
        "issuer_code": full["issuer_code"], "issuer": issuer, "date": date_m["date_text"] if date_m else None,
        "subject": subject_m["subject"] if subject_m else None, "span": list(group[0]["span"]),
        "kind_code": full["kind_code"], "rule": full["rule"],
        "mentions": [list(r["span"]) for r in group], "year": full["year"],
        "kind_from": kind_m.get("kind_from"), "issuer_from": issuer_from,
        "variants": sorted({r["symbol"] for r in group if r["symbol"] and _key(r["symbol"]) != _key(full["symbol"] or "")}),
        "type_slot": full.get("type_slot"),
        "sources": {k: v for k, v in (("kind", kind_m.get("kind_rule")), ("issuer", issuer_rule),
                                       ("date", date_m and date_m["date_rule"]),
                                       ("subject", subject_m and subject_m["subject_rule"])) if v},
        "alternatives": {},
    }
    for key, field_ in (("kind", "kind"), ("date", "date_text"), ("issuer", "issuer_text")):
        seen = [(r[field_], r["span"]) for r in group if r.get(field_) and (key != "kind" or r.get("kind_from") == "text")]
        if len({v for v, _ in seen}) > 1:
            record["alternatives"][key] = [{"value": v, "span": list(s)} for v, s in seen]
    return record


def _issuer(group: list[dict[str, Any]], full: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """The issuer the text names (the first), else the symbol code's; the code's when the text's is part of it."""
    coded = full.get("issuer")
    said = next((r for r in group if r.get("issuer_text")), None)
    if said is None:
        context = next((r for r in group if r.get("issuer_context")), None)
        if context:  # the citation's sentence names it (see doc_issuers.issuer_in_context)
            return context["issuer_context"], "context", context["issuer_context_rule"]
        city = next((r["issuer_city"] for r in group if r.get("issuer_city")), None)
        if city:
            return city, "symbol", "issuer_code_city"
        return (coded, "symbol", "issuer_code") if coded else (None, None, None)
    text_issuer = said["issuer_text"]
    rule = said.get("issuer_rule")
    lead = _SIGNER_LEAD.match(text_issuer)
    if lead:  # the body, not the signer: ``Chủ tịch UBND tỉnh Sơn La`` → the UBND; ``Tổng Bí thư`` alone → the code's
        rest = text_issuer[lead.end():]
        if rest[:1].isupper() and not re.fullmatch(r"[A-ZĐ]\w*(?:\s[A-ZĐ]\w*){1,3}", rest):
            text_issuer, rule = without_signer_name(rest), "issuer_signer_body"
        elif coded:
            return coded, "symbol", "issuer_code"
    if coded:
        a, b = set(text_issuer.lower().split()), set(coded.lower().split())
        person = re.search(r"(?:\s[A-ZĐ]\w*){2,4}$", text_issuer) and _SIGNER.search(text_issuer)
        if (a < b) or person:
            return coded, "symbol", "issuer_code"
    return text_issuer, "text", rule


#: the article names a city's Party committee and no province's: a ``TU`` code is the Thành ủy's
_CITY_COMMITTEE = re.compile(r"(?<![^\W_])Thành\s+(?:uỷ|ủy)(?![^\W_])", re.IGNORECASE)
_PROVINCE_COMMITTEE = re.compile(r"(?<![^\W_])Tỉnh\s+(?:uỷ|ủy)(?![^\W_])", re.IGNORECASE)

#: a signer's title opening the issuer (``Chủ tịch UBND tỉnh …``, ``Tổng Bí thư``, ``Bộ trưởng Bộ …``); not
#: ``Thủ tướng Chính phủ`` nor ``Chủ tịch nước``, which are bodies that issue documents themselves
_SIGNER_LEAD = re.compile(r"(?:Phó\s+)?(?:Tổng\s+Bí\s+thư|Bí\s+thư|Chủ\s+tịch(?!\s+nước)|Bộ\s+trưởng|Thứ\s+trưởng|"
                          r"Giám\s+đốc|Trưởng\s+ban|Hiệu\s+trưởng)(?:\s+thường\s+trực)?(?:\s+|$)", re.IGNORECASE)


#: the signer's title before a name (``Phó thủ tướng thường trực Nguyễn Tấn Dũng``): the body is the code's
_SIGNER = re.compile(r"(?i)(?:thủ tướng|chủ tịch|bộ trưởng|thứ trưởng|giám đốc|bí thư|trưởng ban|hiệu trưởng)\s")


@Language.factory("dvnlp_doc_refs", default_config={"on_error": "record"})
def make_doc_refs(nlp: Language, name: str, *, on_error: str) -> DocumentRefFinder:
    return DocumentRefFinder(name=name, on_error=on_error)
