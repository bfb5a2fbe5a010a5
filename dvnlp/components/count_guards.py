"""Where a number is not a count (part of :mod:`dvnlp.components.counts`): a blocker word or a document
kind before it (``năm 2022``, ``Kết luận số 57``, ``thôn 4``), a day-month or a year, a street address,
an amount per period. Each is a predicate over the normalized text; the word lists are
``dvnlp/rules/units.json`` (:class:`~dvnlp.components.counts.UnitWords`).
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from dvnlp.rulebook import load_rules

if TYPE_CHECKING:
    from dvnlp.components.counts import UnitWords

_WORDS_BEFORE = re.compile(r"([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*$")
_PLACE_LETTER = re.compile(r"(?<![^\W_])([QP])\.\s*$")  # ``UBND Q. 2``, ``P. 3``: a place word's one-letter abbreviation
# after a day/month "ratio", words that show it is a date: 30/4 năm nay, 2/9 hằng năm, 19/5 vừa qua
_DATE_AFTER = re.compile(r"\s*(?:năm\s+(?:nay|ngoái|trước|\d{4})|hằng năm|hàng năm|vừa qua|tới|sắp tới|tại)", re.IGNORECASE)

_LIST_MARK = re.compile(r"\s?([-–.)])\s+([^\W\d_])")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?;\n])\s*$")


@cache
def document_kinds() -> frozenset[str]:
    return frozenset(e["name"].lower() for e in load_rules("document_kinds").entries)


def after_label(text: str, start: int, label_ends: list[int]) -> bool:
    i = bisect.bisect_right(label_ends, start) - 1
    return i >= 0 and re.fullmatch(r"\s*[:(|]?\s*", text[label_ends[i]:start]) is not None  # ``Kinh tế | 25``: a table cell


def address(text: str, start: int, unit: str) -> bool:
    """``96 Lò Đúc``, ``tại khách sạn Melia 44B Lý Thường Kiệt``: a number before a street name."""
    names = unit.split()
    if len(names) < 2 or not all(w[:1].isupper() for w in names[:2]):
        return False
    before = text[max(0, start - 20):start].rstrip()
    return not before or before[-1] in ":(" or bool(re.search(r"[A-ZĐ][^\W\d_]*$", before)) or bool(
        re.search(r"(?i:số nhà|nhà số|đường|phố|tại|ở|ngụ|trú|đến|về|tới)$", before))


def blocked_before(text: str, start: int, words: UnitWords) -> bool:
    before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    written = before.group(1).split()
    tail = [w.lower() for w in written]
    if tail and tail[-1] == "số":  # "tổng số 40", "dân số 900.000" are quantities; "bão số 7",
        tail, written = tail[:-1], written[:-1]  # "công văn số 147", "KQLGTĐT số 1 than thở" name N
        return bool(tail) and tail[-1] not in words.quantity_so
    for k in (1, 2, 3):  # Quỹ 1 triệu cây xanh, Bệnh viện 108: written capitalized, a name
        if len(tail) >= k and " ".join(tail[-k:]) in words.name_caps and written[-k][:1].isupper() \
                and not written[-k].isupper():  # NHÀ MÁY 4 CHỮ: an all-caps headline counts
            return True
    for k in (1, 2, 3):
        if len(tail) >= k and " ".join(tail[-k:]) in words.blockers:
            # a lower-case document kind is weak ("hướng dẫn 96 hộ"): see names_place
            return " ".join(tail[-k:]) not in document_kinds() or written[-k][:1].isupper()
    return False


def is_time(unit: str, words: UnitWords) -> bool:
    """The unit is a time noun (``10 năm``, ``2 thập kỷ``, ``3 nhiệm kỳ``): a duration or an age."""
    low = unit.lower()
    return low.split()[0] in words.time or any(low == t or low.startswith(t + " ") for t in words.time if " " in t)


def list_marker(text: str, start: int, end: int) -> bool:
    """``… Nghị quyết. 4- Ban Tổ chức Trung ương chủ trì``, ``⏎2. Ông …``: a number opening a sentence,
    then ``-`` or ``)`` (or opening a line, then ``.``) and a capitalized word, numbers a list item."""
    m = _LIST_MARK.match(text, end)
    if not m or not m.group(2).isupper():
        return False  # "… chính trị: 5. Số hộ": a count ending a sentence; a "N." item needs a new line
    return bool((_LINE_START if m.group(1) == "." else _SENTENCE_START).search(text, max(0, start - 3), start))


def counted(unit: str, words: UnitWords) -> bool:
    """An organisational noun (``xã``, ``chi bộ``) that a day/month-like x/y counts: ``Đến nay, 10/10 xã``."""
    low = unit.lower().split()
    return any(" ".join(low[:k]) in words.counted for k in (1, 2, 3))


def is_partial_date(text: str, start: int, m: re.Match[str]) -> bool:
    # "ngày 22/6" is excluded already (dates.PARTIAL); here: "30/4 năm nay", "19/5 vừa qua"
    return day_month(m) and bool(_DATE_AFTER.match(text, m.end()))


def day_month(m: re.Match[str]) -> bool:
    """``x/y`` could be a day and month (22/6, 30/04)."""
    x, y = m.group("x"), m.group("y")
    return x.isdigit() and y.isdigit() and 1 <= int(x) <= 31 and 1 <= int(y) <= 12


def is_rate(written_x: str, x: float, y: float, unit: str | None, words: UnitWords) -> bool:
    """An amount per period or per group (``10.000/20 tuần``, ``40/2 vòng``), not a part of a whole."""
    head = unit.split()[0].lower() if unit else ""
    if head in words.time or head in words.periods:
        return True
    return "." in written_x and x > 10 * y  # 12.500/4: an amount shared out, not 12,500 of 4


def names_place(text: str, start: int, unit: str | None, words: UnitWords) -> bool:
    before = _PLACE_LETTER.search(text, max(0, start - 30), start) or _WORDS_BEFORE.search(text, max(0, start - 30), start)
    tail = before.group(1).lower().split() if before else []
    weak = words.names | document_kinds()  # "thôn 4", "chỉ thị 56" name things; "làng 01 bộ chiêng" counts
    named = [" ".join(tail[-k:]) for k in (1, 2, 3) if len(tail) >= k and " ".join(tail[-k:]) in weak]
    if not named or named[0] == "số" and len(tail) >= 2 and tail[-2] in words.quantity_so:
        return False  # ``tổng số 160 HS``: a quantity, whatever the case of its noun
    head = unit.split()[0] if unit else ""
    opens_verb = bool(unit) and (head.lower() in words.verbs
                                 or any((unit.lower() + " ").startswith(v + " ") for v in words.verbs if " " in v))
    if head and named[0] != "số" and opens_verb and not counted(unit, words):
        return True  # Đảng bộ quận 6 đề nghị …: a verb follows (trong số 59 công trình counts)
    return not head or head[0].isupper() or head.lower() in words.names or head.lower() in ("xã", "huyện", "tỉnh")


def year_like(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1000 <= int(num) <= 2999


def is_year(num: str, text: str, end: int) -> bool:
    if not (len(num) == 4 and num.isdigit() and 1945 <= int(num) <= 2050):
        return False
    following = text[end:end + 12].lstrip()
    return not following or not following[0].isalpha() or following.split()[0].lower() in ("và", "đến", "của")


def year_after_word(num: str, text: str, start: int, end: int, words: UnitWords) -> bool:
    """``trước 1975 chỉ có``, ``sau 1986 đã``: a four-digit number from 1945 to 2050 after a word of
    time (``year_before``) is a year, unless a counted noun follows it (``đến 2000 người``)."""
    if not (len(num) == 4 and num.isdigit() and 1945 <= int(num) <= 2050):
        return False
    before = _WORDS_BEFORE.search(text, max(0, start - 12), start)
    if not before or before.group(1).split()[-1].lower() not in words.year_before:
        return False
    after = re.match(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+){0,2})", text[end:end + 40])
    if after is None:
        return True
    low = after.group(1).lower().split()
    return not any(" ".join(low[:k]) in words.counted for k in (1, 2, 3))
