"""Date sanity (severity ``warning``): ``date_invalid``, ``date_period_reversed``,
``date_document_after_report``.

- ``date_invalid``: a date that does not exist (``31/02/2023``, ``ngày 32 tháng 5 năm 2021``);
- ``date_period_reversed``: a period that ends before it starts (``giai đoạn 2025-2021``,
  ``từ ngày 20/5/2022 đến ngày 10/5/2022``);
- ``date_document_after_report``: a cited document dated after the report's own date, when that
  date is known: passed in by the caller, or written as the heading of an official text
  (``Gia Lai, ngày 20 tháng 12 năm 2022``) or as the page's publication stamp
  (``Cập nhật: 09/03/2021 08:15``, ``Thứ Sáu, 12/04/2024 | 09:05``).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dvnlp.facts.report import Finding, Report
from dvnlp.segment.patterns import DASH

_PERIOD = re.compile(
    rf"(?<![^\W_])(?P<ctx>giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+khóa|niên\s+độ|từ\s+năm|trong\s+các\s+năm|các\s+năm|\()\s*"
    rf"(?P<y1>(?:19|20)\d{{2}})\s*(?:[{DASH}]|đến(?:\s+năm)?)\s*(?P<y2>(?:19|20)\d{{2}})(?![\d/])",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    r"(?<![^\W_])từ\s+(?:ngày\s+)?(?P<a>[0-3]?\d/[01]?\d/(?:19|20)\d{2})\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?"
    r"(?P<b>[0-3]?\d/[01]?\d/(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[A-ZĐÂÊÔƠƯ][^\W\d_]*(?:[ \t]+[^\W\d_'’]+){0,5})[ \t]*,[ \t]*ngày[ \t]+(?P<d>[0-3]?\d)[ \t]+tháng[ \t]+"
    r"(?P<m>[01]?\d)[ \t]+năm[ \t]+(?P<y>(?:19|20)\d{2})[ \t]*\.?[ \t]*$"
)
_STAMP = re.compile(
    r"(?im)^[ \t(]*(?:(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật|xuất\s+bản|đăng\s+lúc)\s*(?:lúc)?\s*:?\s*"
    r"(?:\d{1,2}[:h]\d{2}\s*(?:ngày\s+)?)?|(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)"
    r"(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>(?:19|20)\d{2})"
)


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _parse_dmy(s: str) -> dt.date | None:
    try:
        d, m, y = (int(x) for x in re.split(r"[/.-]", s))
    except ValueError:
        return None
    return _date(y, m, d)


def report_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The report's own date (heading line or publication stamp) and where it is written."""
    for pattern in (_HEADING, _STAMP):
        m = pattern.search(text)
        if m:
            d = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d:
                return d, m.span()
    return None


def _iso(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_dates(report: Report, *, own_date: dt.date | str | None = None) -> tuple[list[Finding], int]:
    """Date findings and the number of dates and periods looked at."""
    text = report.text
    findings: list[Finding] = []
    looked = 0
    dates = list(report.dates)
    if not dates:
        try:
            from dvnlp.components.dates import find_dates

            from dvnlp.facts.report import DateMention

            dates = [DateMention(value=r["value"], span=tuple(r["span"]), text=r.get("text"), valid=r.get("valid", True),
                                 rule=r.get("rule")) for r in find_dates(text)]
        except Exception:  # noqa: BLE001 - no dates component: skip this part
            dates = []
    for d in dates:
        looked += 1
        if getattr(d, "valid", True) is False and (d.rule or "") in ("numeric_date", "wordy_date", "partial_date"):
            written = d.text or text[d.span[0]:d.span[1]]
            findings.append(Finding(
                kind="date_invalid", severity="warning",
                message=f"“{written}” is not a date that exists.",
                message_vi=f"“{written}” không phải là một ngày có thật.",
                evidence=[(int(d.span[0]), int(d.span[1]))], details={"text": written},
            ))
    for m in _PERIOD.finditer(text):
        looked += 1
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if m.group("ctx") == "(" and not re.match(r"\s*\)", text[m.end():m.end() + 3]):
            continue
        if y2 < y1:
            written = text[m.start("y1"):m.end("y2")]
            findings.append(Finding(
                kind="date_period_reversed", severity="warning",
                message=f"The period {written} ends before it starts.",
                message_vi=f"Khoảng thời gian {written} kết thúc trước khi bắt đầu.",
                evidence=[(m.start("y1"), m.end("y2"))], details={"start": y1, "end": y2},
            ))
    for m in _FROM_TO.finditer(text):
        looked += 1
        a, b = _parse_dmy(m.group("a")), _parse_dmy(m.group("b"))
        if a and b and b < a:
            written = text[m.start("a"):m.end("b")]
            findings.append(Finding(
                kind="date_period_reversed", severity="warning",
                message=f"The period {written} ends before it starts.",
                message_vi=f"Khoảng thời gian {written} kết thúc trước khi bắt đầu.",
                evidence=[(m.start("a"), m.end("b"))], details={"start": a.isoformat(), "end": b.isoformat()},
            ))
    own, own_span = None, None
    if own_date is not None:
        own = _iso(own_date) if isinstance(own_date, str) else own_date
    else:
        found = report_date(text)
        if found:
            own, own_span = found
    if own is not None:
        for doc in report.documents:
            d = _iso(getattr(doc, "date", None))
            looked += 1 if d else 0
            if d and d > own:
                name = doc.symbol or doc.number or doc.kind or "?"
                evidence = [(int(doc.span[0]), int(doc.span[1]))] + ([own_span] if own_span else [])
                findings.append(Finding(
                    kind="date_document_after_report", severity="warning",
                    message=f"Document {name} is dated {d.isoformat()}, after the report's own date {own.isoformat()}.",
                    message_vi=f"Văn bản {name} đề ngày {d.strftime('%d/%m/%Y')}, sau ngày của chính báo cáo "
                               f"({own.strftime('%d/%m/%Y')}).",
                    evidence=evidence, details={"document": name, "document_date": d.isoformat(),
                                                "report_date": own.isoformat()},
                ))
    return findings, looked
