"""The grammar around a cited document's symbol: its kind word, issuer, date and subject.

Used by :mod:`dvnlp.components.doc_refs`, one mention at a time:

* :func:`kind_before` — the kind word written before the symbol (``Quyết định số``, ``công văn (số``,
  ``Công điện khẩn số``, ``NĐ``), or a quoted title holding it (``“Báo cáo thẩm tra …” số``);
* :func:`head_before` — who issued it and when, written before the kind word (``Ngày 17-3-2006,
  Thủ tướng Chính phủ đã có Điện khẩn số …``);
* :func:`tail_after` — what follows the symbol, in any order: the date (``ngày 15/3/2021``,
  ``ban hành ngày …``, ``tháng 3-2005``), the issuer (``của Ban Thường vụ Tỉnh ủy``, ``do …``, ``A và B``)
  and the subject (``về …``, ``về việc …``, ``về “…”``, or a title phrase ``quy định …``);
* :func:`subject_body` — a subject bounded by the grammar: another citation, ``của`` + an issuer,
  ``gắn với``, ``ngày …``, a sentence end, or the closing quote matching the opening one (nested
  quotes balanced).

Each field comes with the name of the rule that read it.

The pieces live in their own modules: the kind and issuer tables in :mod:`dvnlp.components.doc_tables`,
issuer names read from the text in :mod:`dvnlp.components.doc_issuers`, subject boundaries in
:mod:`dvnlp.components.doc_subjects`; their public names are re-exported here.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from dvnlp.components.dates import find_dates
from dvnlp.components.doc_issuers import (COLLECTIVE_AFTER, ISSUER_START, ISSUER_STOP, PERSON, PLENUM, SIGNED_BY, body_head,
                                         clean_issuer, issuer_after, issuer_and)
from dvnlp.components.doc_subjects import SUBJECT_LEAD, TITLE_LEAD, subject_body
from dvnlp.components.doc_tables import UPPER, Tables, codes_of_kind, display, kind_agrees, kind_alternation, tables
from dvnlp.segment.patterns import SYMBOL

__all__ = ["Tables", "clean_issuer", "codes_of_kind", "head_before", "kind_agrees", "kind_alternation", "kind_before",
           "subject_body", "tables", "tail_after"]

_DATE_LEAD = re.compile(
    r"\s*[,(]?\s*(?:(?:(?:được|đã|vừa|mới)\s+)?(?:ban\s+hành|ký|kí|ra\s+đời)\s+(?:cùng\s+)?(?:(?:vào\s+)?(?:ngày|hôm)\s+|vào\s+)?"
    r"|(?:cùng\s+)?(?:vào\s+)?(?:ngày|hôm)\s+|vào\s+)"
    r"(?=[0-3]?\d)", re.IGNORECASE)
_MONTH = re.compile(r"\s*[,(]?\s*(?:(?:ban\s+hành|ký|kí)\s+)?(?:vào\s+)?(?i:tháng)\s+(?P<m>[01]?\d)\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d{2})(?![\d/])")


@cache
def _kind_end() -> re.Pattern[str]:
    """A kind word ending the text before a symbol: ``Quyết định số``, ``công văn (số``, ``Điện khẩn số:``."""
    return re.compile(
        rf"(?<![^\W_])(?P<kind>{kind_alternation()})(?:\s+(?:khẩn|hỏa\s+tốc|hoả\s+tốc|liên\s+tịch))?\s*\(?\s*"
        rf"(?:(?:số\s+hiệu|số)\s*:?\s*)?$", re.IGNORECASE)


@cache
def _kind_named() -> re.Pattern[str]:
    """A kind word, a name, then ``số``: ``Pháp lệnh Trọng tài thương mại số``."""
    kinds = kind_alternation()
    return re.compile(rf"(?<![^\W_])(?P<kind>{kinds})\s+(?:(?!(?:{kinds})(?![^\W_]))[^\s,.;:()“”\"\d]+\s+){{1,8}}số\s*:?\s*$",
                      re.IGNORECASE)


def kind_before(text: str, start: int) -> dict[str, Any] | None:
    """The kind word written before ``start``: ``{kind, code, at, rule}`` (+ ``subject`` for a quoted title)."""
    before = text[max(0, start - 60):start]
    m = _kind_end().search(before)
    one_syllable = bool(m) and " " not in m.group("kind").strip() and not m.group("kind")[0].isupper()
    if one_syllable and not re.search(r"số\s*:?\s*$", before):
        m = None  # ``kỷ luật (24/QĐ/TTYT``: a one-syllable kind word in lower case needs ``số``
    if m:
        at = start - len(before) + m.start()
        # ``Thông báo kết luận số 50-TB/TW``: the first of two kind words is the head noun
        head = re.search(rf"(?<![^\W_])(?:{kind_alternation()})\s+$", text[max(0, at - 30):at], re.IGNORECASE)
        kind, code = display(m.group("kind"))
        written = m.group("kind")
        weak = one_syllable or (written[0].islower() and written.lower() in tables().common)
        if head:  # either word may be the kind: the head noun, unless only the other one agrees with the code
            head_kind, head_code = display(head.group(0).strip())
            sym = SYMBOL.match(text, start)
            slot = re.split(r"\s*[-‐-―−/]\s*", sym.group("codes").strip("-‐-―−/ "))[0] if sym else ""
            if not (slot and kind_agrees(kind, slot) and not kind_agrees(head_kind, slot)):
                head_written = head.group(0).strip()
                kind, code = head_kind, head_code
                weak = head_written[0].islower() and head_written.lower() in tables().common
                at -= len(head.group(0))
        return {"kind": kind, "code": code, "at": at, "rule": "kind_before_weak" if weak else "kind_before"}
    q = re.search(r"[”\"]\s*(?:số\s*:?\s*)?$", before, re.IGNORECASE)
    if q:  # “Báo cáo thẩm tra, xác minh đơn tố cáo” số 01-BC/TCT
        wide = text[max(0, start - 260):start]
        close = wide.rfind(q.group(0)[0])
        opening = max(wide.rfind("“", 0, close), wide.rfind('"', 0, close))
        inner = wide[opening + 1:close] if opening >= 0 else ""
        k = re.match(rf"\s*(?P<kind>{kind_alternation()})\s+(?P<title>[^“”\"]{{3,}})$", inner, re.IGNORECASE)
        if k:
            kind, code = display(k.group("kind"))
            return {"kind": kind, "code": code, "at": start - len(wide) + opening, "rule": "kind_quoted_title",
                    "subject": k.group("title").strip()}
    m = _kind_named().search(before)
    if m:
        kind, code = display(m.group("kind"))
        return {"kind": kind, "code": code, "at": start - len(before) + m.start(), "rule": "kind_named"}
    return None


_HEAD = re.compile(
    rf"\s*(?:(?:(?i:ngày)\s+(?P<date>[0-3]?\d\s*[/.-]\s*[01]?\d(?:\s*[/.-]\s*(?:19|20)\d{{2}})?)|(?i:tháng)\s+(?P<m>[01]?\d)\s*[/-]\s*"
    rf"(?P<y>(?:19|20)\d{{2}}))\s*,?\s*)?(?P<issuer>{ISSUER_START}[^,;.:()“”\"\n]{{1,70}}?)\s+(?:(?:đã|vừa|mới|cũng|đã\s+từng)\s+){{0,2}}"
    r"(?:cùng\s+)?(?:(?:ký|kí)\s+)?(?:có|ban\s+hành|ra|ký|kí|gửi|phát\s+hành)(?:\s+và\s+(?:triển\s+khai|công\s+bố|gửi))?\s+"
    r"(?:các\s+|bản\s+)?$")
_WHEN_BEFORE = re.compile(
    r"(?:(?i:ngày)\s+(?P<date>[0-3]?\d\s*[/.-]\s*[01]?\d(?:\s*[/.-]\s*(?:19|20)\d{2})?)|(?i:tháng)\s+(?P<m>[01]?\d)"
    r"\s*[/-]\s*(?P<y>(?:19|20)\d{2}))\s*,\s*$")
_ISSUER_AT = re.compile(rf"(?<![^\W_])(?={ISSUER_START})")
_CAP_WORD_BEFORE = re.compile(rf"[{UPPER}]\S*\s+$")  # the start is inside a capitalized run
_CLAUSE_IN_ISSUER = re.compile(rf"(?<![^\W_])(?:{ISSUER_STOP}|cho\s+biết|cho\s+rằng)(?![^\W_])", re.IGNORECASE)
_HEAD_CHEAP = re.compile(r"(?:có|hành|ra|ký|kí|gửi|khai|bố)\s+(?:các\s+|bản\s+)?$")


def head_before(text: str, kind_at: int, year: str | None = None) -> dict[str, Any]:
    """Issuer and date written before the kind word: ``Tháng 11-2003 UBND tỉnh Trà Vinh có Công văn …``."""
    window = text[max(0, kind_at - 140):kind_at]
    if not _HEAD_CHEAP.search(window):
        return {}
    cut = max(window.rfind(c) for c in ".;\n:(")
    window = window[cut + 1:]
    m = None
    starts = [0, *(i.end() for i in re.finditer(r",\s*", window))]
    first_added = len(starts)
    # ``(thời điểm Bộ Chính trị có Nghị quyết số 33-NQ/TW …)``: a body opening after a lead-in, the nearest first
    starts += sorted({b.start() for b in _ISSUER_AT.finditer(window)
                      if not _CAP_WORD_BEFORE.search(window, 0, b.start())} - set(starts), reverse=True)
    for k, start in enumerate(starts):
        m = _HEAD.match(window, start)
        if m and k >= first_added and _CLAUSE_IN_ISSUER.search(m.group("issuer")):
            m = None  # ``… Tỉnh ủy Thanh Hóa cho biết cơ quan này đã có …``: a clause, not a body's name
        if m:
            break
    if not m or PERSON.match(m.group("issuer")) or len(m.group("issuer").split()) > 12 or not body_head(m.group("issuer")):
        return {}
    out: dict[str, Any] = {"issuer": clean_issuer(m.group("issuer")), "issuer_rule": "issuer_before"}
    when = m if (m.group("date") or m.group("m")) else _WHEN_BEFORE.search(window, 0, m.start("issuer"))
    if when and when.group("date"):  # ``Ngày 17-3-2006, Thủ tướng … đã có …``
        value = _full_date("ngày " + when.group("date"), year)
        if value:
            out.update(date=value, date_rule="date_before")
    elif when and when.group("m"):
        out.update(date=f"{when.group('y')}-{int(when.group('m')):02d}", date_rule="month_before")
    return out


def _full_date(written: str, year: str | None) -> str | None:
    """The date of ``ngày …`` text; a day-month with no year takes the symbol's year (``182/2004/…`` ``ngày 15/10``)."""
    found = find_dates(written)
    if not found or found[0]["span"][0] > 5:
        return None
    value = found[0]["value"]
    if value and value.startswith("--") and year:
        value = year + value[1:]
    return value if value and not value.startswith("-") else None


def _date_at(text: str, pos: int, year: str | None) -> tuple[str, int, str] | None:
    m = _DATE_LEAD.match(text, pos)
    if m:
        window = "ngày " + text[m.end():m.end() + 30]
        value = _full_date(window, year)
        if value:
            return value, m.end() - 5 + find_dates(window)[0]["span"][1], "date_after"
        return None
    m = _MONTH.match(text, pos)
    if m:
        return f"{m.group('y')}-{int(m.group('m')):02d}", m.end(), "month_after"
    return None


_DAY_MONTH = re.compile(r"\s*,?\s*ngày\s+\d{1,2}\s*[-/.]\s*\d{1,2}(?![\d/.-])", re.IGNORECASE)
_PLENUM_AFTER = re.compile(rf"\s*,?\s*(?:(?:của|tại)\s+)?(?:{PLENUM.pattern})", re.IGNORECASE)


def tail_after(text: str, end: int, *, year: str | None, stop: int) -> dict[str, Any]:
    """Date, issuer and subject written after a symbol ending at ``end`` (before ``stop``, the next citation)."""
    out: dict[str, Any] = {}
    pos = end
    for _ in range(4):
        pos = _skip_close(text, pos)
        if "date" not in out:
            d = _date_at(text, pos, year)
            if d:
                out.update(date=d[0], date_rule=d[2])
                pos = d[1]
                continue
            if dm := _DAY_MONTH.match(text, pos):  # ``số 2479-QĐ/TU ngày 22-4 về việc …``: no year, no date; the
                pos = dm.end()                     # subject after it is still read
                continue
        if "issuer" not in out:
            m = SIGNED_BY.match(text, pos)
            if m and m.end() <= stop:
                out.update(issuer=clean_issuer(m.group("issuer")), issuer_rule="issuer_signer_body")
                pos = m.end()
                continue
            m = _PLENUM_AFTER.match(text, pos)
            if m and m.end() <= stop:  # ``18-NQ/TW Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII về …``
                out.update(issuer="Ban Chấp hành Trung ương Đảng", issuer_rule="issuer_plenum")
                pos = m.end()
                continue
            m = issuer_after().match(text, pos)
            if m and m.end() <= stop and not PERSON.match(m.group("issuer")):
                issuer = issuer_and(text, m)
                out.update(issuer=clean_issuer(issuer[0]), issuer_rule="issuer_after")
                pos = issuer[1]
                continue
            c = COLLECTIVE_AFTER.match(text, pos)
            if c and c.end() <= stop:
                pos = c.end()
                continue
        if "subject" in out:
            break
        for lead, rule in ((SUBJECT_LEAD, "subject_ve"), (TITLE_LEAD, "subject_title")):
            m = lead.match(text, pos)
            if m and m.end() <= stop:
                body, pos = subject_body(text, m.end(), stop, issuer_named="issuer" in out)
                if body:
                    out.update(subject=body, subject_rule=rule)
                break
        if pos > stop:
            break  # the subject names the next citation: what follows is that citation's
        if "subject" not in out:
            break
    return out


_ASIDE = re.compile(r"\s*(?:\)|\((?!\s*(?:ngày|ban hành|ký|kí)\s)[^()\n]{1,100}\))")


def _skip_close(text: str, pos: int) -> int:
    """Step over a closing bracket, an aside (``(đã được Quốc hội … thông qua)``) with no citation in it, or a
    bare year (``Nghị quyết 10-NQ/TW 2017 về …``)."""
    y = re.match(r"\s+(?:năm\s+)?(?:19|20)\d{2}(?![\d/.,-])", text[pos:pos + 12])
    if y:
        pos += y.end()
    m = _ASIDE.match(text, pos)
    if m and not SYMBOL.search(m.group(0)) and not re.search(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d", m.group(0)):
        return m.end()
    return pos

