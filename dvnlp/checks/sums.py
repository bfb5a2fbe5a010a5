"""``sum_mismatch``: the parts of a field breakdown do not add up to its total.

Annotation guideline §8: a breakdown is flagged when its parts add up to **more** than the total
(in any layout), or when the parts claim to be complete and add up to anything else. Parts claim
to be complete when they cover all four fields, when the last one is introduced by ``còn lại``
(the rest), or when the list is introduced by ``gồm``/``bao gồm``/``cụ thể`` (consisting of). A
partial enumeration (``trong đó có …`` naming some fields) that adds up to less is not flagged.
"""
from __future__ import annotations

import re
from typing import Any

from dvnlp.classify.labels import LABELS
from dvnlp.facts.report import Breakdown, Finding, Report

FIELDS = frozenset(LABELS)
_EPS = 1e-6
_REMAINDER = re.compile(r"\bcòn lại\b", re.IGNORECASE)
_COMPLETE_INTRO = re.compile(r"(?<![^\W_])(?:bao\s+gồm|gồm\s+có|gồm|cụ\s+thể(?:\s+là)?|chia\s+ra|phân\s+ra)(?![^\W_])",
                             re.IGNORECASE)
_PARTIAL_INTRO = re.compile(r"\btrong\s+đó\b|\bchủ\s+yếu\b|\bnổi\s+bật\b|\btiêu\s+biểu\b|\bnhư\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"(?:tổng\s+số|tổng\s+cộng)\s*(?::\s*)?$", re.IGNORECASE)
_FOLLOWED_BY_LIST = re.compile(r"[^.;\n]{0,80}?(?:,|:)?\s*(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể)(?![^\W_])", re.IGNORECASE)


def fmt(x: float) -> str:
    """``873`` / ``2.8`` for messages (integers without a decimal part)."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def fmt_vi(x: float) -> str:
    """Vietnamese number style: ``1.154``, ``2,8``."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:g}".replace(".", ",")


def _span(obj: Any, name: str) -> tuple[int, int] | None:
    value = getattr(obj, name, None)
    if value is None and isinstance(obj, dict):
        value = obj.get(name)
    if value is None:
        return None
    try:
        return int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError):
        return None


def completeness(text: str, b: Breakdown) -> str | None:
    """Why the parts of ``b`` claim to be complete (``all_fields``, ``remainder``, ``enumeration``) or None."""
    fields = {p.field for p in b.parts if p.field}
    if FIELDS <= fields:
        return "all_fields"
    span = _span(b, "span") or (0, 0)
    if _REMAINDER.search(text, span[0], span[1]):
        return "remainder"
    total_span = _span(b, "total_span")
    part_spans = getattr(b, "part_spans", None) or []
    if total_span and part_spans:
        first = min(int(s[0]) for s in part_spans)
        if total_span[1] <= first:
            between = text[total_span[1]:first]
            intro = _COMPLETE_INTRO.search(between)
            if intro and not _PARTIAL_INTRO.search(between[intro.end():]) and not _PARTIAL_INTRO.search(between[:intro.start()][-25:]):
                return "enumeration"
    return None


_LOWER = frozenset({"hơn", "trên", "ít nhất", "tối thiểu", "không dưới", "lên đến", "lên tới", "tới", "đến", "quá",
                    "lớn hơn", "nhiều hơn", "tới hơn", "lên tới hơn", "hơn cả", "lớn hơn hoặc bằng"})
_UPPER = frozenset({"gần", "dưới", "chưa đến", "không quá", "tối đa", "nhỏ hơn", "ít hơn", "gần cả", "nhỏ hơn hoặc bằng"})
_APPROX_FIRST = ("khoảng", "xấp xỉ", "ước", "chừng", "trên dưới", "gần như", "hàng", "cả")


def hedge_kind(qualifier: str | None) -> str | None:
    """What a count's hedge says of the true value: ``lower`` (``hơn 270``: at least), ``upper``
    (``gần``, ``dưới``: at most), ``approx`` (``khoảng``, ``khoảng trên``, ``hàng trăm``) or None."""
    q = " ".join((qualifier or "").lower().split())
    if not q:
        return None
    if q.startswith(_APPROX_FIRST):
        return "approx"
    if q in _LOWER:
        return "lower"
    if q in _UPPER:
        return "upper"
    return "approx"  # a hedge the lists do not know: no exact figure


#: written before a total, these do not make it approximate ("lên đến 30 mô hình" is exact)
_NOT_HEDGES = frozenset({"tổng số", "tổng cộng", "đến", "tới", "lên đến", "lên tới"})


def _total_hedge(report: Report, b: Breakdown) -> str | None:
    """The hedge written before the breakdown's total (``hơn 800 mô hình`` → ``hơn``), if any."""
    sp = _span(b, "total_span")
    if sp is None:
        return None
    if getattr(b, "total_qualifier", None):
        q = b.total_qualifier.lower()
        return q if q not in _NOT_HEDGES else None
    for c in report.counts:
        if c.span is not None and (int(c.span[0]) == sp[0] or (c.number_span and int(c.number_span[0]) == sp[0])):
            q = (c.qualifier or "").lower()
            return q if q and q not in _NOT_HEDGES else None
    m = re.search(r"(?<![^\W_])(hơn|trên|khoảng|gần|xấp xỉ|ước|chừng)\s*$", report.text[max(0, sp[0] - 12):sp[0]],
                  re.IGNORECASE)
    return m.group(1).lower() if m else None


def check_sums(report: Report) -> tuple[list[Finding], int, list[dict[str, Any]]]:
    """Findings, the number of breakdowns checked, and totals that could not be checked."""
    text = report.text
    findings: list[Finding] = []
    checked = 0
    for b in report.breakdowns:
        values = [float(p.value) for p in b.parts if p.value is not None]
        if not values or b.total is None:
            continue
        checked += 1
        total = float(b.total)
        s = sum(values)
        by_field = getattr(b, "by", None) in (None, "field")
        # a list by kind, level … is checked only for parts beyond an exact total: whether it was
        # meant to be complete is not read from its wording
        complete = completeness(text, b) if by_field else None
        hedge = _total_hedge(report, b)
        kind = hedge_kind(hedge)
        # a whole total beside parts with decimals may be rounded: 1.067 tỷ = 603,3 + 464,2 (1.067,5)
        tol = 0.5 if total.is_integer() and any(not v.is_integer() for v in values) else _EPS
        reason = None
        if s > total + tol and kind is None and (by_field or _plain_parts(report, b)):
            reason = "exceeds"
        elif complete and abs(s - total) > tol and kind is None:
            reason = "incomplete"
        elif complete and kind == "lower" and s < total - _EPS:
            reason = "incomplete"  # "hơn 30 mô hình" = 10 + 9 + 6 + 4: not more than 30
        if reason is None:
            continue
        unit = b.unit or ""
        parts_str = " + ".join(fmt(v) for v in values)
        parts_vi = " + ".join(fmt_vi(v) for v in values)
        if reason == "exceeds":
            msg = f"The parts ({parts_str} = {fmt(s)}) add up to more than the stated total {fmt(total)} {unit}".rstrip() + "."
            msg_vi = f"Tổng các phần ({parts_vi} = {fmt_vi(s)}) lớn hơn tổng số đã nêu {fmt_vi(total)} {unit}".rstrip() + "."
        else:
            msg = f"The parts ({parts_str} = {fmt(s)}) do not add up to the stated total {fmt(total)} {unit}".rstrip() + "."
            msg_vi = f"Tổng các phần ({parts_vi} = {fmt_vi(s)}) không khớp với tổng số đã nêu {fmt_vi(total)} {unit}".rstrip() + "."
        evidence = [x for x in [_span(b, "total_span")] if x] + [
            (int(p[0]), int(p[1])) for p in (getattr(b, "part_spans", None) or [])]
        if not evidence and _span(b, "span"):
            evidence = [_span(b, "span")]
        findings.append(Finding(
            kind="sum_mismatch", severity="error", message=msg, message_vi=msg_vi, evidence=evidence,
            details={"total": total, "sum": s, "difference": s - total, "unit": b.unit,
                     "parts": [{"value": float(p.value), "label": p.label, "field": p.field} for p in b.parts],
                     "reason": reason, "complete": complete},
        ))
    return findings, checked, _totals_without_parts(report)


def _plain_parts(report: Report, b: Breakdown) -> bool:
    """Whether every part of a list by kind, level … is a count in digits, unhedged, of the total's
    own noun (``166.300 USD, trong đó 83.241 USD … 83.089 USD``): only then is its excess the text's."""
    by_start = {int((c.number_span or c.span)[0]): c for c in report.counts if c.span}
    spans = getattr(b, "part_spans", None) or []
    total = by_start.get(int((_span(b, "total_span") or (-1, -1))[0]))
    if total is None or not spans or len(spans) != len(b.parts):
        return False
    parts = [by_start.get(int(p[0])) for p in spans]
    return all(c is not None and not c.qualifier and not c.in_words and c.unit_head and c.unit_head == total.unit_head
               for c in parts)


def _totals_without_parts(report: Report) -> list[dict[str, Any]]:
    """Counts presented as totals (``tổng số N``, ``N …, trong đó/gồm``) that no breakdown explains."""
    text = report.text
    bd_totals = []
    for b in report.breakdowns:
        sp = _span(b, "total_span") or _span(b, "span")
        if sp:
            bd_totals.append((float(b.total), sp))
    part_spans = [tuple(p) for b in report.breakdowns for p in (getattr(b, "part_spans", None) or [])]
    out = []
    for c in report.counts:
        if c.of is not None or (c.unit or "").strip() == "%" or c.span is None:
            continue
        a, e = int(c.span[0]), int(c.span[1])
        if any(abs(v - float(c.value)) < _EPS and sp[0] <= a < sp[1] + 1 for v, sp in bd_totals):
            continue
        if any(s <= a < t for s, t in part_spans):
            continue
        qual = (c.qualifier or "").lower()
        is_total = qual in ("tổng số", "tổng cộng") or bool(_TOTAL_WORDS.search(text[max(0, a - 20):a]))
        if not is_total:
            m = _FOLLOWED_BY_LIST.match(text, e)
            is_total = bool(m) and not re.search(r"\d", m.group(0))
        if is_total:
            out.append({"what": "total without parts", "span": [a, e], "value": float(c.value), "unit": c.unit})
    return out
