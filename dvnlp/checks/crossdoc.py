"""``cross_document_mismatch`` (severity ``warning``): two reports of a batch state different
values for the same total — the same place or issuer, the same year, the same counted noun.

A *total* is a breakdown's total, or a count presented as the total of a place: ``toàn tỉnh
có 873 mô hình``, ``tổng số 40 mô hình``, ``Năm 2022, huyện Chư Sê có 58 mô hình``. Its key is
read from its own clause (its sentence from ``report.sentences``, cut at ``;``): the year (``năm 2022``, ``giai đoạn 2016-2021``), the place
(``tỉnh Quảng Ngãi``, ``Huyện ủy Chư Sê``; ``toàn tỉnh`` takes the document's province) and the
head of the counted noun (``mô hình``). A total whose year or place is not written is skipped;
so is a hedged one (``hơn 800 mô hình``).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict
from functools import cache
from typing import Any

from dvnlp.checks.sums import fmt, fmt_vi
from dvnlp.facts.report import Finding, Report
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DASH, by_first_letter

log = logging.getLogger(__name__)

_W = r"[^\W\d_]"
_NAME = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\w'’]*(?:[ ](?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|H')[\w'’]*){0,3}"
_LEVELS = {
    "tỉnh": "tỉnh", "tỉnh ủy": "tỉnh", "huyện": "huyện", "huyện ủy": "huyện", "thành phố": "thành phố",
    "thành ủy": "thành phố", "thị xã": "thị xã", "thị ủy": "thị xã", "quận": "quận", "quận ủy": "quận",
    "xã": "xã", "đảng ủy xã": "xã", "phường": "phường", "thị trấn": "thị trấn",
}
# Written to start with a class of their first letters (patterns.by_first_letter): ``re`` skips to those letters
# instead of trying every position of every clause; the same matches as the plain ``(?<![^\W_])(?:tỉnh|…)`` forms
# (tests/checks/test_checks_crossdoc_patterns.py).
_PLACE_LEVELS = ("Tỉnh\\s+ủy", "Huyện\\s+ủy", "Thành\\s+ủy", "Thị\\s+ủy", "Quận\\s+ủy", "Đảng\\s+ủy\\s+xã", "tỉnh", "huyện",
                 "thành\\s+phố", "thị\\s+xã", "quận", "xã", "phường", "thị\\s+trấn")
_PLACE = re.compile(rf"(?P<level>{by_first_letter(_PLACE_LEVELS, ignore_case=False, word_start=True)})\s+(?P<name>{_NAME})")
_WHOLE = re.compile(rf"[tT](?<![^\W_].)(?i:oàn\s+(?P<level>tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|thị\s+trấn))"
                    r"(?![^\W_])")
_YEAR_WORDS = ("năm", "giai\\s+đoạn", "nhiệm\\s+kỳ")


@cache
def year_pattern() -> re.Pattern[str]:
    """``năm 2022``, ``giai đoạn 2021-2025`` (built on first use: its case-insensitive class asks ``re`` about
    every character of the Basic Multilingual Plane, ~10 ms, which importing the module should not pay)."""
    return re.compile(by_first_letter(_YEAR_WORDS, word_start=True)
                      + rf"\s+(?P<y1>(?:19|20)\d{{2}})(?:\s*[{DASH}]\s*(?P<y2>(?:19|20)\d{{2}}))?(?![\d/])")
_HEDGE = frozenset({"hơn", "trên", "gần", "khoảng", "xấp xỉ", "ước", "dưới", "chưa đến", "gần như", "không quá",
                    "ít nhất", "tối thiểu", "tối đa", "hàng", "chừng", "trên dưới", "hàng trăm", "hàng nghìn", "hàng chục"})
_TOTAL_BEFORE = re.compile(r"(?:tổng\s+số|tổng\s+cộng)\s*:?\s*$", re.IGNORECASE)
_VERB_BETWEEN = re.compile(r"^[^\d;.]{0,70}$")


@cache
def _measures() -> frozenset[str]:
    """Units of measure (``units.json`` kind ``measure``): a height, an area or a weight of one place is not one total."""
    return frozenset(e["noun"].lower() for e in load_rules("units").entries if e.get("kind") == "measure")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    return re.sub(r"\s+", " ", s).strip()


def _head(unit: str | None) -> str | None:
    if not unit:
        return None
    words = re.findall(rf"{_W}+", unit.lower())
    return " ".join(words[:2]) if words else None


def _level(word: str) -> str:
    return _LEVELS.get(_fold(word), _fold(word))


def clause_of(report: Report, pos: int) -> tuple[int, int]:
    """The clause holding ``pos``: its sentence (``report.sentences``), cut at the ``;`` around ``pos``."""
    text = report.text
    s0, s1 = report.sentence_of(pos)
    semi = text.rfind(";", s0, pos)
    start = s0 if semi < 0 else semi + 1
    semi = text.find(";", pos, s1)
    return start, (s1 if semi < 0 else semi)


def place_year(report: Report, pos: int | None) -> tuple[str | None, str | None]:
    """The place (``huyện Chư Sê``) and year (``2022``, ``2016-2021``) written in the clause holding ``pos``."""
    if pos is None:
        return None, None
    text = report.text
    s0, s1 = clause_of(report, pos)
    sent, at = text[s0:s1], pos - s0
    place = None
    whole = [m for m in _WHOLE.finditer(sent) if m.start() <= at]
    places = list(_PLACE.finditer(sent))
    before = [m for m in places if m.start() <= at]
    if whole and (not before or whole[-1].start() > before[-1].start()):
        level = _level(whole[-1].group("level"))
        name = _doc_place(text, level)
        place = f"{level} {name}" if name else None
    elif before or places:
        m = (before or places)[-1 if before else 0]
        place = f"{_level(m.group('level'))} {m.group('name')}"
    years = list(year_pattern().finditer(sent))
    prior = [y for y in years if y.start() <= at]
    y = (prior[-1] if prior else years[0]) if years else None
    year = (y.group("y1") + (f"-{y.group('y2')}" if y.group("y2") else "")) if y else None
    return place, year


def _doc_place(text: str, level: str) -> str | None:
    for m in _PLACE.finditer(text):
        if _level(m.group("level")) == level:
            return m.group("name")
    return None


def totals_of(report: Report) -> list[dict[str, Any]]:
    """The keyed totals of one report: ``{key: (level, place, year, unit), value, span}``."""
    text = report.text
    cands: list[tuple[float, str | None, tuple[int, int], str | None]] = []
    for b in report.breakdowns:
        sp = getattr(b, "total_span", None) or b.span
        if sp is not None:
            cands.append((float(b.total), b.unit, (int(sp[0]), int(sp[1])), None))
    seen = {c[2][0] for c in cands}
    for c in report.counts:
        if (c.span is None or c.of is not None or (c.unit or "").strip() == "%" or int(c.span[0]) in seen
                or getattr(c, "value_max", None) is not None):  # a range (0,8-1 m) states no total
            continue
        cands.append((float(c.value), c.unit, (int(c.span[0]), int(c.span[1])), (c.qualifier or "").lower() or None))
    out = []
    for value, unit, span, qual in cands:
        if qual in _HEDGE:
            continue
        head = _head(unit)
        if head is None or head.split()[0] in ("tỷ", "triệu", "nghìn", "ngàn", "đồng") or head.split()[0] in _measures():
            continue  # money and measures (m, ha, tấn …) are not counts of things
        s0, s1 = clause_of(report, span[0])
        before = text[s0:span[0]]
        is_bd = any(abs(float(b.total) - value) < 1e-9 and (getattr(b, "total_span", None) or b.span)[0] == span[0]
                    for b in report.breakdowns)
        place = None
        level = None
        whole = None
        for m in _WHOLE.finditer(before):
            whole = m
        places = list(_PLACE.finditer(before))
        if whole is not None and _VERB_BETWEEN.match(before[whole.end():]):
            level = _level(whole.group("level"))
            place = _doc_place(text, level)
        elif places and (is_bd or _VERB_BETWEEN.match(before[places[-1].end():])):
            level, place = _level(places[-1].group("level")), places[-1].group("name")
        if not is_bd and not (whole is not None or places or _TOTAL_BEFORE.search(before)):
            continue
        if place is None:
            continue
        find_years = year_pattern().finditer
        years = list(find_years(before)) or list(find_years(text, span[1], s1))
        if not years:
            continue
        y = years[-1]
        year = y.group("y1") + (f"-{y.group('y2')}" if y.group("y2") else "")
        out.append({"key": (level, _fold(place), year, head), "value": value, "span": list(span),
                    "place": f"{level} {place}", "year": year, "unit": head})
    return out


def check_batch(reports: list[Report]) -> list[Finding]:
    """``cross_document_mismatch`` findings over a batch of reports."""
    groups: dict[tuple, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for r in reports:
        try:
            for t in totals_of(r):
                groups[t["key"]].append((r.id, t))
        except Exception as exc:  # noqa: BLE001 - one odd report must not stop the batch, but it is said
            log.warning("cross-document check: report %s left out (%s: %s)", r.id, type(exc).__name__, exc)
            continue
    findings = []
    for key, items in groups.items():
        ids = {i for i, _ in items}
        values = {t["value"] for _, t in items}
        if len(ids) < 2 or len(values) < 2:
            continue
        # one mention per (document, value)
        mentions: list[dict[str, Any]] = []
        for doc_id, t in items:
            if not any(m["id"] == doc_id and m["value"] == t["value"] for m in mentions):
                mentions.append({"id": doc_id, "value": t["value"], "span": t["span"]})
        by_value: dict[float, set[str]] = defaultdict(set)
        for m in mentions:
            by_value[m["value"]].add(m["id"])
        if len({frozenset(v) for v in by_value.values()}) < 2 and len(by_value) < 2:
            continue
        _, t0 = items[0]
        listed = ", ".join(f"{fmt(m['value'])} ({m['id']})" for m in mentions)
        listed_vi = ", ".join(f"{fmt_vi(m['value'])} ({m['id']})" for m in mentions)
        findings.append(Finding(
            kind="cross_document_mismatch", severity="warning",
            message=f"Reports disagree on the number of {t0['unit']} of {t0['place']} in {t0['year']}: {listed}.",
            message_vi=f"Các báo cáo không thống nhất về số {t0['unit']} của {t0['place']} năm {t0['year']}: {listed_vi}.",
            evidence=[tuple(m["span"]) for m in mentions],
            details={"place": t0["place"], "year": t0["year"], "unit": t0["unit"], "mentions": mentions,
                     "note": "evidence spans are in the text of the report named by the same mention"},
        ))
    return findings
