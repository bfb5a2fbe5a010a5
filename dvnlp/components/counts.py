"""``dvnlp_counts``: counted quantities — ``51/51 tổ chức cơ sở Đảng``, ``07 mô hình``, ``95,45%``,
``hơn 2,8 tỷ đồng``, ``18 trong tổng số 20 chi bộ``.

Numbers are found with the grammar of :mod:`dvnlp.segment.patterns`; a number is *not* a count
when it lies inside a document symbol, a date or quoted name, when a blocker word stands right
before it (``năm 2022``, ``khóa``, ``lần thứ``, ``thôn 4``, ``Kết luận 57``), when a time noun
follows it (``10 năm``, ``6 tháng``) or when it is one end of a period (``2021-2025``).
The counted noun phrase (``unit``) is read from the tokens after the number: it ends before a
stop word (a preposition, a conjunction), a verb after its first word (``4 hộ nuôi gà`` → ``hộ``)
or punctuation; a rate keeps its slash (``đồng/người/lượt``); ``unit_head`` is its first syllable
after the multipliers (``nghìn tỷ đồng`` → ``đồng``). Ranges (``150-200 tỷ đồng``, ``từ 5 đến 10
tấn``, ``một hai người``) are one count with ``value_max``; numbers in words (``hai mươi mô hình``,
``hàng trăm hộ``) are read by :mod:`dvnlp.segment.numwords`. The qualifier is written as the text
has it (``khoảng trên``, ``Hơn``). A bare number with no noun is a count only as a part after a
field label (``kinh tế: 486``). Document symbols and dates are the records of ``dvnlp_doc_refs``
and ``dvnlp_dates`` (found again here only when those components did not run).
The word lists are data: ``dvnlp/rules/units.json``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.attrs import IDX
from spacy.tokens import Doc

from dvnlp.components import count_guards as guards
from dvnlp.components.base import Boilerplate, Component, doc_text, facts
from dvnlp.components.fields import doc_labels
from dvnlp.rulebook import load_rules
from dvnlp.segment.numwords import find_number_words
from dvnlp.segment.patterns import DASH, NUMBER, PERIOD, QUOTED, RATIO, parse_number

_IN_TOTAL = re.compile(r"\s*(?:trong|trên)\s+tổng\s+số\s+(?P<y>\d{1,3}(?:\.\d{3})+|\d+)(?![\d]|[.,]\d)")
_ADDRESS = re.compile(r"\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){1,3}\s*(?:[,;.)]|$)|\s+(?i:đường|phố|ngõ|hẻm|kiệt)\b")
#: right after a number: a clock time (18h, 7g30, 18h hôm nay), not a count
_CLOCK_AFTER = re.compile(r"[hg](?:\d{1,2})?(?![^\W\d_])")
#: right before a four-digit number: the month of a date (tháng 3-2017, 12/2003)
_MONTH_BEFORE = re.compile(r"(?<!\d)(?:0?[1-9]|1[0-2])\s*[-/.]\s*$")
#: after a number (and its short unit): the other end of a range (``150-200``, ``5 đến 10``, ``15 m 2 đến nhỏ hơn 40``)
_RANGE_NUM = r"(?P<hi>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,:]\d)"
_RANGE_DASH = re.compile(rf"\s?[{DASH}]\s?{_RANGE_NUM}")
_RANGE_WORD = re.compile(rf"\s+(?:đến|tới)\s+(?:(?P<q>trên|dưới|hơn|nhỏ hơn|gần|khoảng)\s+)?{_RANGE_NUM}")
_FROM_BEFORE = re.compile(r"(?<![^\W_])(?i:từ)\s+$")
#: a rate after a unit: ``đồng/người/lượt``, ``triệu đồng / ngày``, ``km/giờ``
_RATE = re.compile(r"(?:\s?/\s?[^\W\d_]+(?:(?<=m)\s?[23](?!\d))?(?![^\W_]))+")  # … / m2, / m 2
_SQUARE = re.compile(r"\s?[23](?!\d|[.,]\d)")  # m 2, km 2: m², km² in tokenized text
_ONE_OF = re.compile(r"\s+(?i:trong)\s+(?:(?i:số)\s+)?\d")  # 1 trong 8 trường: one of eight
_ONLY_BEFORE = re.compile(r"(?<![^\W_])(?:chỉ(?:\s+có)?|thêm|duy\s+nhất)\s+$", re.IGNORECASE)
_DIGIT_BEFORE = re.compile(r"\d[\s.,]*$")
_DATE_WORD_BEFORE = re.compile(r"(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|từ|đến|tới|tháng|nay|qua)\s*[(,]?\s*$", re.IGNORECASE)
_NUMBER_WORD_BEFORE = re.compile(r"(?<![^\W_])(?<!tổng )(?<!Tổng )(?i:số)\s*$")  # số 53/18 tổ 54: an address
_RANGE_BEFORE = re.compile(rf"\d\s*[{DASH}]\s*$")
_SCALE_FIRST = frozenset({"trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ", "chục", "mươi"})
_UNIT_AFTER_RANGE = re.compile(r"\s*[^\W\d_]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*|[\n“\"(]\s*)$")
_ACRONYM_BEFORE = re.compile(r"(?<![\w])(?!(?:UBND|HĐND|MTTQ|BCH|BTV)\s)[A-ZĐ]{2,6}\s$")


def _percent_range(text: str, a: int, b: int, lo: float) -> tuple[float, int, str, int] | None:
    """``từ 1,3% đến 12%``: a percentage that opens a range written with its sign on both ends."""
    if not _FROM_BEFORE.search(text, max(0, a - 6), a):
        return None
    r = _RANGE_WORD.match(text, b)
    if r is None or r.group("q") or not re.match(r"\s?%", text[r.end("hi"):r.end("hi") + 2]):
        return None
    hi, end = parse_number(r.group("hi")), text.index("%", r.end("hi")) + 1
    return (hi, end, "%", end) if hi > lo else None


@dataclass(frozen=True)
class UnitWords:
    multipliers: frozenset[str]
    time: frozenset[str]
    blockers: frozenset[str]
    stops: frozenset[str]
    qualifiers: tuple[str, ...]
    periods: frozenset[str]
    names: frozenset[str]
    not_numbers: tuple[str, ...]
    counted: frozenset[str]
    verbs: frozenset[str]
    year_before: frozenset[str]  # trước 1975, sau 1986: a four-digit number after them is a year
    any_noun: frozenset[str]  # trường hợp: may count the things of an earlier total of another noun
    stop_prefix: frozenset[str]  # người dân | bị thương: a word token starting with it begins the predicate
    currency: frozenset[str]  # triệu đồng | thực hiện …: the unit ends after a currency (a rate is kept)
    apposed_name: frozenset[str]  # hai nước | Việt Nam - Cuba: a capitalized name after it is in apposition
    capitalized_nouns: frozenset[str]  # Nhà nước, Nhân dân: capitalized modifiers, not names
    name_caps: frozenset[str]  # Quỹ 1 triệu cây xanh: written capitalized before a number, it names it
    ratings: frozenset[str]  # khách sạn 5 sao, ba sao Michelin: a grade, not a count
    quantity_so: frozenset[str]  # tổng số 40, dân số 900.000; any other 'X số N' names N (bão số 7)
    qualifier_re: re.Pattern[str]  # a hedge right before a number (written as the text has it)
    word_qualifier_re: re.Pattern[str]  # … before a number in words (also ``cả``, ``hàng``)


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
        not_numbers=tuple(by_kind.get("not_a_number", [])),
        counted=frozenset(by_kind.get("counted", [])),
        verbs=frozenset(by_kind.get("verb", [])),
        year_before=frozenset(by_kind.get("year_before", [])),
        any_noun=frozenset(by_kind.get("any_noun", [])),
        stop_prefix=frozenset(by_kind.get("stop_prefix", [])),
        currency=frozenset(by_kind.get("currency", [])),
        apposed_name=frozenset(by_kind.get("apposed_name", [])),
        capitalized_nouns=frozenset(by_kind.get("capitalized_noun", [])),
        name_caps=frozenset(by_kind.get("name_before_capitalized", [])),
        quantity_so=frozenset(by_kind.get("quantity_so", [])),
        ratings=frozenset(by_kind.get("rating", [])),
        qualifier_re=_hedge_pattern(by_kind.get("qualifier", [])),
        word_qualifier_re=_hedge_pattern(by_kind.get("qualifier", []) + by_kind.get("qualifier_words", [])),
    )


def _hedge_pattern(hedges: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(set(hedges), key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?P<q>{alt})(?:\s+là)?\s*$", re.IGNORECASE)


def _excluded_spans(text: str, store: dict[str, Any]) -> list[tuple[int, int]]:
    """Where no count is: document symbols and dates (the records ``dvnlp_doc_refs`` and
    ``dvnlp_dates`` wrote before this component), periods and quoted names."""
    spans = [m.span() for p in (PERIOD, QUOTED) for m in p.finditer(text)]
    spans += [tuple(r["span"]) for kind in ("documents", "dates") for r in store.get(kind) or [] if r.get("span")]
    return sorted(spans)


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
        excluded = _excluded_spans(text, facts(doc))
        ex_starts = [a for a, _ in excluded]
        starts = doc.to_array(IDX).tolist() if len(doc) else []
        taken: list[tuple[int, int]] = []
        out: list[dict[str, Any]] = []

        def blocked(a: int, b: int) -> bool:
            i = bisect.bisect_right(ex_starts, a) - 1
            return (i >= 0 and excluded[i][1] > a) or any(s < b and a < e for s, e in taken) or boiler.covers(a, b)

        for m in RATIO.finditer(text):
            a, b = m.span()
            if blocked(a, b) or guards.blocked_before(text, a, words) or guards.is_partial_date(text, a, m):
                continue
            if text[b:b + 1].isalpha() or _ADDRESS.match(text, b):  # 35/4A, 502/472 Nguyễn Đình Chiểu
                continue
            x, y = parse_number(m.group("x")), parse_number(m.group("y"))
            if y == 1:  # a rate (249/1 vạn dân), not a part of a whole
                continue
            unit, unit_end = self._unit(doc, text, starts, b, words)
            if guards.day_month(m) and (unit is None or unit[0].isupper() or (
                    _DATE_WORD_BEFORE.search(text, max(0, a - 14), a) and not guards.counted(unit, words))):
                taken.append((a, b))  # "Hôm nay 21/4,", "(26/04)", "30/4 Nghị quyết", "sáng nay 12/3": a date
                continue
            if (x, y) == (24.0, 7.0) or _RANGE_BEFORE.search(text, max(0, a - 6), a) or _NUMBER_WORD_BEFORE.search(
                    text, max(0, a - 12), a):
                taken.append((a, b))  # 24/7 (all the time); 24 - 26/4 (a date range); số 53/18 (an address)
                continue
            month = x <= 12 and 1900 <= y <= 2099 and x.is_integer()  # a month: 12/2003
            if month or guards.is_rate(m.group("x"), x, y, unit, words):  # 14.400/2 năm, 6.550/3 kỳ
                taken.append((a, b))  # neither side is a count of its own
                continue
            out.append(self._record(text, a, b, x, y, unit, unit_end, "ratio", words))
            taken.append((a, b))
        labels: list[int] | None = None  # ends of field labels, read when a bare number needs them
        for m in NUMBER.finditer(text):
            a, b = m.span()
            if blocked(a, b) or (not m.group("pct") and (guards.blocked_before(text, a, words)
                                                         or guards.list_marker(text, a, b))):
                continue  # a percentage is never a year, an ordinal or a name: "mỗi năm 4%"; "4- Ban …" a list
            value = parse_number(m.group("num"))
            rng = _percent_range(text, a, b, value) if m.group("pct") else self._range(doc, starts, text, a, b, value, words)
            if rng is not None and rng[0] is None:  # a day and month (25-8, 15-17/10): a date
                taken.append((a, rng[1]))
                continue
            if m.group("pct") or (rng is not None and rng[3] == "%"):
                hi, nb = (rng[0], rng[1]) if rng else (None, b)
                out.append(self._record(text, a, b, value, None, "%", nb, "range" if hi else "percent", words,
                                        value_max=hi, number_end=nb))
                taken.append((a, nb))
                continue
            if guards.is_year(m.group("num"), text, b) or _CLOCK_AFTER.match(text, b):
                continue
            if guards.year_after_word(m.group("num"), text, a, b, words):
                continue  # trước 1975 chỉ có …: a year, not 1975 "chỉ"
            if guards.year_like(m.group("num")) and _MONTH_BEFORE.search(text, max(0, a - 6), a):
                continue  # tháng 3-2017: the year of a date
            if rng is not None:
                value_max, nb, (unit, unit_end) = rng[0], rng[1], rng[2:]
            else:
                value_max, nb = None, b
                unit, unit_end = self._unit(doc, text, starts, b, words)
            if unit is not None and len(unit) == 1 and unit.isupper():
                continue  # 94 B -002.27 (a number plate), số 1A: a capital letter is not a counted thing (1,5m is)
            if guards.names_place(text, a, unit, words):
                continue  # thôn 4, tổ 3 thôn 5: the number names the place
            if unit and (guards.is_time(unit, words) and not unit.lower().startswith("ngày công")
                         or unit.split()[0].lower() in words.ratings):
                taken.append((a, nb))
                continue  # a duration or an age: 10 năm, 33 tuổi (1.260 ngày công is labour); 5 sao: a grade
            if unit is None and guards.year_like(m.group("num")):
                continue  # Hiến pháp 2013, PL 2550: a bare four-digit number is a year or a name
            if _ACRONYM_BEFORE.search(text, max(0, a - 12), a):
                continue  # PMU 18, QL 1A: a number naming something
            if len(m.group("num")) > 5 and m.group("num").isdigit():
                continue  # 8436780: a telephone number or a code (amounts are written 8.436.780)
            if unit and guards.address(text, a, unit):
                continue  # 96 Lò Đúc, 20 Lê Quý Đôn: a house number
            of, rule = None, "range" if value_max is not None else "number"
            tot = _IN_TOTAL.match(text, unit_end if unit else b)
            if tot and not unit:
                of = parse_number(tot.group("y"))
                unit, unit_end = self._unit(doc, text, starts, tot.end(), words)
                taken.append(tot.span())
                rule = "ratio_in_words"
            if unit is None and of is None:
                if labels is None:
                    labels = sorted(lab.end for lab in doc_labels(doc, text))
                if not guards.after_label(text, a, labels) and not _ONE_OF.match(text, nb):
                    taken.append((a, nb))
                    continue  # a bare number is a count only as a part after a field label: "kinh tế: 486"
            out.append(self._record(text, a, b, value, of, unit, unit_end, rule, words, value_max=value_max,
                                    number_end=nb))
            taken.append((a, nb))
        taken.extend(tuple(r["span"]) for r in out)
        out.extend(self._in_words(doc, starts, text, blocked, taken, words))
        out.sort(key=lambda r: r["span"][0])
        return out

    def _in_words(self, doc: Doc, starts: list[int], text: str, blocked, taken: list[tuple[int, int]],
                  words: UnitWords) -> list[dict[str, Any]]:
        """Counts written in words: ``hai mươi mô hình``, ``hàng trăm hộ``, ``một hai người``."""
        out = []
        for a, b, value, value_max in find_number_words(text):
            first = text[a:b].split()[0]
            low = first.lower()
            if low == "một" and value == 1 and value_max is None and not _ONLY_BEFORE.search(text, max(0, a - 12), a):
                continue  # "một" is mostly an article; "chỉ có một cơ hội" is a count
            if _DIGIT_BEFORE.search(text, max(0, a - 3), a) or blocked(a, b):
                continue  # 200 tỷ đồng: a multiplier of a written number
            if first[0].isupper() and not _SENTENCE_START.search(text, max(0, a - 3), a):
                continue  # Hai Bà Trưng, Ba Đình: a name
            hedge = words.word_qualifier_re.search(text, max(0, a - 30), a)
            if low in _SCALE_FIRST and not hedge:
                continue  # "nhiều tỷ đồng", "tỷ trọng": a bare scale word counts only after hàng/cả/hơn …
            unit, unit_end = self._unit(doc, text, starts, b, words)
            if not unit or not unit[0].islower() or guards.is_time(unit, words) or unit.split()[0] in words.ratings:
                continue  # Một là …, hai năm, ba tháng: no counted noun
            phrase = text[max(0, a - 4):unit_end].lower()
            if any(n in phrase for n in words.not_numbers):
                continue  # cả hai, hai bên, ba lô, một số: not a count
            if guards.blocked_before(text, a, words):
                continue
            out.append(self._record(text, a, b, value, None, unit, unit_end, "number_words", words,
                                    value_max=value_max, in_words=True))
            taken.append((a, b))
        return out

    def _range(self, doc: Doc, starts: list[int], text: str, a: int, b: int, lo: float, words: UnitWords):
        """The other end of a range starting with the number ``[a, b)``: ``(value_max, end of the second
        number, unit, unit end)``; ``(None, end, …)`` for a day-month date; None when there is none."""
        u1, u1_end = self._unit(doc, text, starts, b, words)
        if u1 is not None and len(u1.split()) > 2:
            u1 = None
        r = _RANGE_DASH.match(text, b)
        if r is None and u1 is not None:
            r = _RANGE_DASH.match(text, u1_end)  # 50.000đ - 70.000đ
        if r is None and _FROM_BEFORE.search(text, max(0, a - 6), a):
            r = _RANGE_WORD.match(text, b) or (_RANGE_WORD.match(text, u1_end) if u1 is not None else None)
        elif r is None and u1 is None:
            r = _RANGE_WORD.match(text, b)  # ``9 đến 10 xã``: two bare numbers joined by đến are a range too
        if r is None:
            return None
        hi_text = r.group("hi")
        hi = parse_number(hi_text)
        nb = r.end("hi")
        if text[nb:nb + 1] == "/" or (nb < len(text) and text[nb].isdigit()):
            return None  # 15-17/10: a date range; 4-2-2024 is a date
        dash = r.re is _RANGE_DASH
        if dash and u1 is None and lo.is_integer() and hi.is_integer() and 1 <= lo <= 31 and 1 <= hi <= 12 \
                and not _UNIT_AFTER_RANGE.match(text, nb):
            return (None, nb, None, nb)  # (25-8), ngày 9-11: a day and a month
        if hi <= lo:
            return None
        if re.match(r"\s?%", text[nb:nb + 2]):
            return (hi, text.index("%", nb) + 1, "%", text.index("%", nb) + 1)
        unit, unit_end = self._unit(doc, text, starts, nb, words)
        if unit is None:
            unit, unit_end = u1, u1_end
        return (hi, nb, unit, unit_end)
    # -- pieces (the not-a-count predicates are in count_guards) ------------------------------
    def _unit(self, doc: Doc, text: str, starts: list[int], end: int, words: UnitWords) -> tuple[str | None, int]:
        """The counted noun phrase after ``end``: up to a stop word, a verb after its first word,
        punctuation or ``max_unit_words`` words (multipliers not counted); a rate's ``/…`` and the
        ``2`` of a tokenized ``m 2`` are kept."""
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
            if parts and (low in words.stops or low in seen or low in words.verbs or low in words.time
                          or low.split()[0] in words.stop_prefix):
                break
            if parts and t[0].isupper() and parts[-1].lower() in words.apposed_name \
                    and low not in words.capitalized_nouns:
                break  # hai nước Việt Nam - Cuba: the name is in apposition to the counted noun
            if not parts and low in words.stops:
                return None, end
            if parts and t[0].isupper() and "\n" in text[unit_end:tok.idx]:
                break
            if "/" in t:  # đồng/người read as one token: the rate is added below
                t = t.split("/")[0]
                if not t:
                    break
                parts.append(t)
                unit_end = tok.idx + len(t)
                break
            t = t.rstrip(".,;:!?")
            if low in words.multipliers and not parts:
                parts.append(t)
                unit_end = tok.idx + len(t)
                i += 1
                continue
            parts.append(t)
            seen.add(low)
            unit_end = tok.idx + len(t)
            n_words += 1
            if low in words.currency and all(p.lower() in words.multipliers for p in parts[:-1]):
                break  # 100 triệu đồng thực hiện …: nothing after a currency (a rate is added below)
            if tok.whitespace_ != " " or len(t) < len(tok.text):
                break
            i += 1
        if not parts:
            return None, end
        unit = " ".join(parts)
        if parts[-1].lower() in ("m", "km", "cm") and (sq := _SQUARE.match(text, unit_end)):
            unit, unit_end = unit + " " + sq.group(0).strip(), sq.end()
        if rate := _RATE.match(text, unit_end):
            unit, unit_end = unit + rate.group(0), rate.end()
        return unit, unit_end

    def _record(self, text: str, a: int, b: int, value: float, of: float | None, unit: str | None, unit_end: int,
                rule: str, words: UnitWords, *, value_max: float | None = None, number_end: int | None = None,
                in_words: bool = False) -> dict[str, Any]:
        hit = (words.word_qualifier_re if in_words else words.qualifier_re).search(text, max(0, a - 30), a)
        qualifier, q_start = (hit.group("q"), hit.start()) if hit else (None, a)
        return {
            "value": value, "value_max": value_max, "of": of, "unit": unit, "unit_head": unit_head(unit, words),
            "qualifier": qualifier, "in_words": in_words,
            "span": [q_start, max(b, unit_end, number_end or b)], "number_span": [a, number_end or b], "rule": rule,
        }


def unit_head(unit: str | None, words: UnitWords | None = None) -> str | None:
    """The first syllable of ``unit`` after its multipliers, before a rate's slash
    (``nghìn tỷ đồng`` → ``đồng``, ``đồng/người`` → ``đồng``, ``%`` → ``%``)."""
    if not unit:
        return None
    words = words or unit_words()
    syllables = unit.split("/")[0].split()
    while len(syllables) > 1 and syllables[0].lower() in words.multipliers:
        syllables = syllables[1:]
    return syllables[0] if syllables else None


@Language.factory("dvnlp_counts", default_config={"max_unit_words": 3, "on_error": "record"})
def make_counts(nlp: Language, name: str, *, max_unit_words: int, on_error: str) -> CountFinder:
    return CountFinder(max_unit_words=max_unit_words, name=name, on_error=on_error)
