"""Cited documents (severity ``warning``): ``kind_symbol_mismatch``, ``document_conflict``.

- ``kind_symbol_mismatch``: the kind word written before a symbol contradicts the type code inside it
  (``Nghị định số 18-NQ/TW``: a decree numbered as a resolution; ``Thông báo 66/TT-UB``), or the type slot
  of a dated State symbol holds no type code at all (``quyết định 4597/2001/ĐQ-BGTVT``). Not a mismatch:
  a kind word standing with one of its own codes or look-alikes from ``document_kinds.json``
  (``Quy định`` with ``QĐ`` — Party documents before 2018 —, ``Quyết định`` with ``QĐ``, ``Hướng dẫn``
  with ``HD``), a joint or extended form (``Nghị quyết`` with ``NQLT``, ``Chương trình phối hợp`` with
  ``CTr``), the same code without its diacritics (``ND`` for ``NĐ``), a generic word (``văn bản``), or a
  symbol with no type code (``563/UBND-VX``, ``58/TTg``). Only a kind word written right before the
  symbol (or opening its quoted title) is compared.
- ``document_conflict``: one document (one canonical symbol) is given two different dates
  (``2021-03-15`` and ``2021-04-02``; a month ``2021-03`` agrees with any day of it), or two issuers
  that name different bodies (``Bộ Tài chính`` and ``Bộ Y tế``; ``Ban Thường vụ Tỉnh ủy`` and
  ``Tỉnh ủy Gia Lai`` agree, as do ``Chính phủ`` and ``Thủ tướng Chính phủ``) in one report.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from dvnlp.components.doc_tables import codes_of_kind, kind_agrees, tables
from dvnlp.facts.report import DocumentRef, Finding, Report
from dvnlp.rulebook import load_rules

#: the kind rules whose word sits right at the symbol (a kind word further away is not compared)
_ADJACENT = frozenset({"kind_before", "kind_quoted_title"})


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).upper()


def kind_symbol_mismatch(doc: DocumentRef) -> Finding | None:
    """A finding when the kind word written at ``doc``'s symbol contradicts the symbol's type code."""
    if not doc.symbol or doc.kind_from != "text" or doc.sources.get("kind") not in _ADJACENT or not doc.kind:
        return None
    t = tables()
    code = doc.kind_code
    unknown_slot = False
    if code is None:
        slot = doc.type_slot
        if not slot or slot in t.issuers or _fold(slot) in {_fold(c) for c in codes_of_kind().get(doc.kind.lower(), ())}:
            return None
        if any(_fold(slot) == _fold(c) for c in t.kinds):
            code = next(c for c in t.kinds if _fold(c) == _fold(slot))
        else:
            unknown_slot = True
            code = slot
    if not unknown_slot and (kind_agrees(doc.kind, code) or any(_fold(code) == _fold(c) for c in
                                                             codes_of_kind().get(doc.kind.lower(), ()))):
        return None
    coded = t.kinds.get(code)
    says = f"the code {code} is no document type" if unknown_slot else f"its code {code} says {coded}"
    says_vi = f"mã {code} không phải loại văn bản" if unknown_slot else f"mã {code} là {coded}"
    return Finding(
        kind="kind_symbol_mismatch", severity="warning",
        message=f"{doc.kind} {doc.symbol}: the text calls it {doc.kind}, but {says}.",
        message_vi=f"{doc.kind} {doc.symbol}: văn bản gọi là {doc.kind} nhưng {says_vi}.",
        evidence=[tuple(doc.span)],
        details={"symbol": doc.symbol, "kind": doc.kind, "kind_code": code, "code_kind": coded},
    )


@cache
def _bodies() -> tuple[str, ...]:
    """Names of bodies (issuers table), lower-case, longest first: what an issuer string is matched on."""
    names = {_norm(e["name"]) for e in load_rules("issuers").entries if not e.get("text_only")}
    return tuple(sorted(names, key=len, reverse=True))


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower().replace("uỷ", "ủy")
    return re.sub(r"\s+", " ", s).strip()


def _body_keys(issuer: str) -> set[str]:
    s, keys = _norm(issuer), set()
    for name in _bodies():
        if re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", s):
            if not any(name in k for k in keys):
                keys.add(name)
    return keys


def _same_body(a: str, b: str) -> bool:
    """True unless both issuers name known bodies and none of one's is part of one of the other's."""
    ka, kb = _body_keys(a), _body_keys(b)
    if not ka or not kb:
        return True
    return any(x in y or y in x for x in ka for y in kb)


def _same_date(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def document_conflict(doc: DocumentRef) -> list[Finding]:
    """Findings when the mentions of one document give it different dates or issuers."""
    out = []
    name = doc.symbol or f"{doc.kind} {doc.number}"
    for field, same, label, label_vi in (("date", _same_date, "dates", "ngày"),
                                         ("issuer", _same_body, "issuers", "cơ quan ban hành")):
        seen: list[dict[str, Any]] = doc.alternatives.get(field) or []
        pairs = [(x, y) for i, x in enumerate(seen) for y in seen[i + 1:] if not same(x["value"], y["value"])]
        if not pairs:
            continue
        x, y = pairs[0]
        out.append(Finding(
            kind="document_conflict", severity="warning",
            message=f"{name} is given two {label}: {x['value']} and {y['value']}.",
            message_vi=f"{name} được ghi hai {label_vi} khác nhau: {x['value']} và {y['value']}.",
            evidence=[tuple(x["span"]), tuple(y["span"])],
            details={"symbol": doc.symbol, "field": field, "values": [x["value"], y["value"]]},
        ))
    return out


def check_documents(report: Report) -> tuple[list[Finding], int]:
    """Both checks over the cited documents of ``report``: the findings and how many documents were looked at."""
    findings: list[Finding] = []
    for doc in report.documents:
        f = kind_symbol_mismatch(doc)
        if f:
            findings.append(f)
        findings += document_conflict(doc)
    return findings, sum(1 for d in report.documents if d.symbol)
