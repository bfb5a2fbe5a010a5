"""``dvnlp_counts``: counted quantities — ``51/51 tổ chức cơ sở Đảng``, ``07 mô hình``, ``95,45%``,
``hơn 2,8 tỷ đồng``, ``18 trong tổng số 20 chi bộ``.

Numbers are found with the grammar of :mod:`dvnlp.segment.patterns`; a number is *not* a count
when it lies inside a document symbol, a date or quoted name, when a blocker word stands right
before it (``năm 2022``, ``khóa``, ``lần thứ``, ``thôn 4``, ``Kết luận 57``), when a time noun
follows it (``10 năm``, ``6 tháng``) or when it is one end of a period (``2021-2025``).
The counted noun phrase (``unit``) is read from the tokens after the number, up to a stop word
or punctuation. The word lists are data: ``dvnlp/rules/units.json``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, doc_text
from dvnlp.components.dates import PARTIAL
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DATE, NUMBER, PERIOD, QUOTED, RATIO, SYMBOL, parse_number

_WORDS_BEFORE = re.compile(r"([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*$")
_IN_TOTAL = re.compile(r"\s*(?:trong|trên)\s+tổng\s+số\s+(?P<y>\d{1,3}(?:\.\d{3})+|\d+)(?![\d]|[.,]\d)")
# after a day/month "ratio", words that show it is a date: 30/4 năm nay, 2/9 hằng năm, 19/5 vừa qua
_DATE_AFTER = re.compile(r"\s*(?:năm\s+(?:nay|ngoái|trước|\d{4})|hằng năm|hàng năm|vừa qua|tới|sắp tới|tại)", re.IGNORECASE)
_ADDRESS = re.compile(r"\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){1,3}\s*(?:[,;.]|$)|\s+(?i:đường|phố|ngõ|hẻm|kiệt)\b")
#: right after a number: a clock time (18h, 7g30, 18h hôm nay), not a count
_CLOCK_AFTER = re.compile(r"[hg](?:\d{1,2})?(?![^\W\d_])")
#: right before a four-digit number: the month of a date (tháng 3-2017, 12/2003)
_MONTH_BEFORE = re.compile(r"(?<!\d)(?:0?[1-9]|1[0-2])\s*[-/.]\s*$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w])(?!(?:UBND|HĐND|MTTQ|BCH|BTV)\s)[A-ZĐ]{2,6}\s$")


@dataclass(frozen=True)
class UnitWords:
    multipliers: frozenset[str]
    time: frozenset[str]
    blockers: frozenset[str]
    stops: frozenset[str]
    qualifiers: tuple[str, ...]
    periods: frozenset[str]
    names: frozenset[str]


@cache
def unit_words() -> UnitWords:
    by_kind: dict[str, list[str]] = {}
    for e in load_rules("units").entries:
        by_kind.setdefault(e.get("kind", ""), []).append(e["noun"].lower())
    return UnitWords(
        multipliers=frozenset(by_kind.get("multiplier", [])),
        time=frozenset(by_kind.get("time", [])),
        blockers=frozenset(by_kind.get("blocker_before", [])),
        stops=frozenset(by_kind.get("stop", [])),
        qualifiers=tuple(sorted(by_kind.get("qualifier", []), key=len, reverse=True)),
        periods=frozenset(by_kind.get("period", [])),
        names=frozenset(by_kind.get("name_before", [])),
    )


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for p in (SYMBOL, DATE, PERIOD, QUOTED) for m in p.finditer(text)]
    spans += [(m.start("d"), m.end()) for m in PARTIAL.finditer(text)]
    return sorted(spans)


@cache
def _document_kinds() -> frozenset[str]:
    return frozenset(e["name"].lower() for e in load_rules("document_kinds").entries)


class CountFinder(Component):
    """Finds counts in a Doc; keyword-only settings as in spaCy components."""

    fact_type, label = "counts", "COUNT"

    def __init__(self, *, max_unit_words: int = 3, name: str | None = None, on_error: str = "record") -> None:
        super().__init__(name=name, on_error=on_error)
        self.max_unit_words = max_unit_words

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        words = unit_words()
        boiler = Boilerplate(doc)
        excluded = _excluded_spans(text)
        ex_starts = [a for a, _ in excluded]
        starts = [t.idx for t in doc]
        taken: list[tuple[int, int]] = []
        out: list[dict[str, Any]] = []

        def blocked(a: int, b: int) -> bool:
            i = bisect.bisect_right(ex_starts, a) - 1
            return (i >= 0 and excluded[i][1] > a) or any(s < b and a < e for s, e in taken) or boiler.covers(a, b)

        for m in RATIO.finditer(text):
            a, b = m.span()
            if blocked(a, b) or self._blocked_before(text, a, words) or self._is_partial_date(text, a, m):
                continue
            if text[b:b + 1].isalpha() or _ADDRESS.match(text, b):  # 35/4A, 502/472 Nguyễn Đình Chiểu
                continue
            x, y = parse_number(m.group("x")), parse_number(m.group("y"))
            if y == 1:  # a rate (249/1 vạn dân), not a part of a whole
                continue
            unit, unit_end = self._unit(doc, starts, b, words)
            if unit is None and self._day_month(m):  # "Hôm nay 21/4,", "(26/04)", "từ 30/5-7/6": a date
                taken.append((a, b))
                continue
            month = x <= 12 and 1900 <= y <= 2099 and x.is_integer()  # a month: 12/2003
            if month or self._is_rate(m.group("x"), x, y, unit, words):  # 14.400/2 năm, 6.550/3 kỳ
                taken.append((a, b))  # neither side is a count of its own
                continue
            out.append(self._record(text, a, b, x, y, unit, unit_end, "ratio", words))
            taken.append((a, b))
        for m in NUMBER.finditer(text):
            a, b = m.span()
            if blocked(a, b) or (not m.group("pct") and self._blocked_before(text, a, words)):
                continue  # a percentage is never a year, an ordinal or a name: "mỗi năm 4%"
            value = parse_number(m.group("num"))
            if m.group("pct"):
                out.append(self._record(text, a, b, value, None, "%", b, "percent", words))
                taken.append((a, b))
                continue
            if self._is_year(m.group("num"), text, b) or _CLOCK_AFTER.match(text, b):
                continue
            if self._year_like(m.group("num")) and _MONTH_BEFORE.search(text, max(0, a - 6), a):
                continue  # tháng 3-2017: the year of a date
            unit, unit_end = self._unit(doc, starts, b, words)
            if unit is not None and len(unit) == 1 and unit.isupper():
                continue  # 94 B -002.27 (a number plate), số 1A: a capital letter is not a counted thing (1,5m is)
            if self._names_place(text, a, unit, words):
                continue  # thôn 4, tổ 3 thôn 5: the number names the place
            if unit and unit.split()[0].lower() in words.time and not unit.lower().startswith("ngày công"):
                continue  # a duration or an age: 10 năm, 11 ngày, 33 tuổi (but 1.260 ngày công is labour)
            if unit is None and self._year_like(m.group("num")):
                continue  # Hiến pháp 2013, PL 2550: a bare four-digit number is a year or a name
            if _ACRONYM_BEFORE.search(text, max(0, a - 12), a):
                continue  # PMU 18, QL 1A: a number naming something
            of, rule = None, "number"
            tot = _IN_TOTAL.match(text, unit_end if unit else b)
            if tot and not unit:
                of = parse_number(tot.group("y"))
                unit, unit_end = self._unit(doc, starts, tot.end(), words)
                taken.append(tot.span())
                rule = "ratio_in_words"
            elif tot and unit is None:
                pass
            out.append(self._record(text, a, b, value, of, unit, unit_end, rule, words))
            taken.append((a, b))
        out.sort(key=lambda r: r["span"][0])
        return out

    # -- pieces -----------------------------------------------------------------------------
    @staticmethod
    def _blocked_before(text: str, start: int, words: UnitWords) -> bool:
        before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
        if not before:
            return False
        written = before.group(1).split()
        tail = [w.lower() for w in written]
        if tail and tail[-1] == "số":  # "Kết luận số 57" is blocked by its kind; "tổng số 40" is a count
            tail, written = tail[:-1], written[:-1]
            if not tail or tail[-1] == "tổng":
                return False
        for k in (1, 2, 3):
            if len(tail) >= k and " ".join(tail[-k:]) in words.blockers:
                # a lower-case document kind is weak ("hướng dẫn 96 hộ"): see _names_place
                return " ".join(tail[-k:]) not in _document_kinds() or written[-k][:1].isupper()
        return False

    @staticmethod
    def _is_partial_date(text: str, start: int, m: re.Match[str]) -> bool:
        # "ngày 22/6" is excluded already (dates.PARTIAL); here: "30/4 năm nay", "19/5 vừa qua"
        return CountFinder._day_month(m) and bool(_DATE_AFTER.match(text, m.end()))

    @staticmethod
    def _day_month(m: re.Match[str]) -> bool:
        """``x/y`` could be a day and month (22/6, 30/04)."""
        x, y = m.group("x"), m.group("y")
        return x.isdigit() and y.isdigit() and 1 <= int(x) <= 31 and 1 <= int(y) <= 12

    @staticmethod
    def _is_rate(written_x: str, x: float, y: float, unit: str | None, words: UnitWords) -> bool:
        """An amount per period or per group (``10.000/20 tuần``, ``40/2 vòng``), not a part of a whole."""
        head = unit.split()[0].lower() if unit else ""
        if head in words.time or head in words.periods:
            return True
        return "." in written_x and x > 10 * y  # 12.500/4: an amount shared out, not 12,500 of 4

    @staticmethod
    def _names_place(text: str, start: int, unit: str | None, words: UnitWords) -> bool:
        before = _WORDS_BEFORE.search(text, max(0, start - 30), start)
        tail = before.group(1).lower().split() if before else []
        weak = words.names | _document_kinds()  # "thôn 4", "chỉ thị 56" name things; "làng 01 bộ chiêng" counts
        if not any(" ".join(tail[-k:]) in weak for k in (1, 2, 3) if len(tail) >= k):
            return False
        head = unit.split()[0] if unit else ""
        return not head or head[0].isupper() or head.lower() in words.names or head.lower() in ("xã", "huyện", "tỉnh")

    @staticmethod
    def _year_like(num: str) -> bool:
        return len(num) == 4 and num.isdigit() and 1000 <= int(num) <= 2999

    @staticmethod
    def _is_year(num: str, text: str, end: int) -> bool:
        if not (len(num) == 4 and num.isdigit() and 1945 <= int(num) <= 2050):
            return False
        following = text[end:end + 12].lstrip()
        return not following or not following[0].isalpha() or following.split()[0].lower() in ("và", "đến", "của")

    def _unit(self, doc: Doc, starts: list[int], end: int, words: UnitWords) -> tuple[str | None, int]:
        i = bisect.bisect_left(starts, end)
        parts: list[str] = []
        unit_end = end
        seen: set[str] = set()
        n_words = 0
        while i < len(doc) and n_words < self.max_unit_words:
            tok = doc[i]
            t = tok.text
            low = t.lower()
            if tok.is_space or not t[0].isalpha():
                break
            if parts and (low in words.stops or low in seen):
                break
            if not parts and low in words.stops:
                return None, end
            if low in words.multipliers and not parts:
                parts.append(t)
                unit_end = tok.idx + len(t)
                i += 1
                continue
            parts.append(t)
            seen.add(low)
            unit_end = tok.idx + len(t)
            n_words += 1
            if tok.whitespace_ != " ":
                break
            i += 1
        return (" ".join(parts) if parts else None), unit_end

    @staticmethod
    def _record(text: str, a: int, b: int, value: float, of: float | None, unit: str | None, unit_end: int,
                rule: str, words: UnitWords) -> dict[str, Any]:
        before = text[max(0, a - 20):a].lower().rstrip()
        qualifier = next((q for q in words.qualifiers if before.endswith(q) and
                          (len(before) == len(q) or not before[-len(q) - 1].isalpha())), None)
        return {
            "value": value, "of": of, "unit": unit, "qualifier": qualifier,
            "span": [a, max(b, unit_end)], "number_span": [a, b], "rule": rule,
        }


@Language.factory("dvnlp_counts", default_config={"max_unit_words": 3, "on_error": "record"})
def make_counts(nlp: Language, name: str, *, max_unit_words: int, on_error: str) -> CountFinder:
    return CountFinder(max_unit_words=max_unit_words, name=name, on_error=on_error)
