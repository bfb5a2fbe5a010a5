"""Breakdowns that are not by field: a total, then its parts after ``trong đó (có)``, ``gồm``,
``bao gồm``, ``trong số này`` or in brackets — ``207 người, trong đó có 174 người …, 31 người …
và 2 người …``; ``22 huy chương gồm 10 vàng, 9 bạc, 3 đồng``; ``5 huy chương (1 bạc, 4 đồng)``;
``3 người, gồm một phụ nữ …, một trẻ em và một lái xe`` (parts in words).

Used by ``dvnlp_breakdowns`` after the field breakdowns; a record says what the parts split
(``by``: ``level`` for ``cấp …``/``trung ương``/``địa phương``, ``other`` for places and other
named groups, ``kind`` otherwise) and whether they are meant to cover the total (``partition``:
the parts add up — within a tenth when the total is hedged, ``gần 300 gian hàng``). Parts in
another scale are converted to the smallest one (``1,5 tỉ đồng … 1 tỉ … 500 triệu`` → 1500 = 1000 +
500). ``trong đó có 16 …, 15 …`` that adds up to less is a subset list: ``partition`` false.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from dvnlp.segment.numwords import find_number_words
from dvnlp.segment.patterns import NUMBER, parse_number

_TRIGGER = re.compile(
    r"(?<![^\W_])(?P<w>trong\s+đó(?:\s+có)?|trong\s+số\s+(?:này|đó)(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)(?![^\W_])\s*:?"
    r"|(?P<p>\()\s*(?:(?:trong\s+đó|gồm)(?![^\W_])\s*(?:có\s+)?,?)?",
    re.IGNORECASE,
)
_NOT_PART_BEFORE = re.compile(r"(?<![^\W_])(?:năm|khóa|số|thứ|lần|ngày|tháng|quý|tuần|cấp|lớp|quận|phường|đợt|kỳ|giai\s+đoạn)\s*$",
                              re.IGNORECASE)
_WHERE_BEFORE = re.compile(r"(?<![^\W_])(?:tại|(?<!ăn )ở)\s+$", re.IGNORECASE)  # not "tiền ăn ở 800"
_PCT_IN_GAP = re.compile(r"\d[\d.,]*\s*%")
_LEVEL_WORDS = re.compile(r"(?<![^\W_])(?:cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở|trên\s+cơ\s+sở|trung\s+ương|thành\s+phố)|"
                          r"trung\s+ương|địa\s+phương|cơ\s+sở)(?![^\W_])", re.IGNORECASE)
_MONEY = re.compile(r"(?<![^\W_])(?:đồng|USD|đ)(?![^\W_])", re.IGNORECASE)
_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_ITEM_SEP = re.compile(r"[,;(]|(?<![^\W_])(?:và|cùng|còn)(?![^\W_])", re.IGNORECASE)
_LABEL_END = re.compile(r"[,;()\n]|(?<![^\W_])(?:và|còn|cùng)(?![^\W_])|\d")
_BRACKET_GAP = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+){0,6}\s*")  # words between a total and its "(…)"
_BRACKET_GAP_SAID = re.compile(r"[^\W\d_]*(?:\s*,?\s+[^\W\d_]+){0,14}\s*")  # … when the bracket opens "(trong đó"
#: a bare number followed by a verb: a part whose noun is the total's (``…, 5 đảng viên bị khiển trách và 3 bị cảnh cáo``)
_VERB_AFTER = re.compile(r"\s+(?:bị|được|đã|đang|phải|không|chưa)(?![^\W_])", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![^\W_])là\s+[A-ZĐ][^\W\d_]*(?:\s+[A-ZĐ][^\W\d_]*)*\s*$")  # "… là Sơn La (1 huyện, 1 xã)"
_EPS = 1e-6
_PERIODS = frozenset("năm tháng ngày tuần quý giờ kỳ vụ".split())  # a total per one of these may be shared out
_MEASURES = frozenset("m m2 m² km km2 ha cm mm tấn tạ kg g lít mét độ".split())


@dataclass
class Num:
    """A number the breakdown logic may use: a count record, or a bare number when counts did not run."""

    value: float
    start: int  # number start
    end: int  # number end
    span_end: int  # end of number + unit
    unit: str | None
    of: float | None
    percent: bool
    record: dict[str, Any] | None = None

    @property
    def qualifier(self) -> str | None:
        return (self.record or {}).get("qualifier")


def _scale(n: Num) -> float:
    first = (n.unit or "").split()[:1]
    return _SCALE.get(first[0].lower(), 1.0) if first else 1.0


def _part_scale(n: Num, total_scale: float) -> float:
    """A part without a noun is in the total's scale (``đợt 2 là 38.910``); else in its own."""
    return _scale(n) if n.unit else total_scale


def _measure(n: Num) -> str | None:
    """The measurement unit of ``n`` (``m``, ``ha``, ``tấn`` …) or None for a count of things."""
    head = (n.record or {}).get("unit_head") or ((n.unit or "").split() or [""])[0]
    return head.lower() if head.lower() in _MEASURES else None


def is_amount(n: Num) -> bool:
    """Money, a measure or a scaled number (``triệu người``): sums of these meet by chance more often than counts."""
    return _is_money(n) or _measure(n) is not None or _scale(n) != 1.0


def _is_money(n: Num) -> bool:
    return bool(n.unit) and bool(_MONEY.search(n.unit))


def _label(text: str, n: Num, limit: int) -> str:
    """The words naming a part: its noun and what follows up to the next separator."""
    end = min(limit, n.span_end + 60)
    m = _LABEL_END.search(text, n.span_end, end)
    stop = m.start() if m else end
    label = re.sub(r"(?<![A-ZĐ])[.!?…]+$", "", text[n.end:stop].strip(" :-–")).rstrip()  # not the sentence's stop
    return " ".join(label.split()[:8])


def _label_before(text: str, n: Num, start: int) -> str:
    """The words naming a part written before its number, after the previous part or the trigger."""
    label = text[start:n.start].strip(" ,;:-–()")
    return " ".join(label.split()[-6:]) if label and not re.search(r"[.\n]", label) else ""


_LIST_OPEN = re.compile(r"(?:[,;(:]|(?<![^\W_])(?:gồm|có|và|cùng|là|đó))\s*$", re.IGNORECASE)
_FIVE = re.compile(r"(?<![^\W_])năm\s+([^\W\d_]+)")


def _extra_parts(text: str, start: int, end: int, nums: list[Num], nouns: frozenset[str] = frozenset()) -> list[Num]:
    """Parts the counts left out inside ``[start, end)``: in words (``một phụ nữ``; ``năm`` before the noun of a
    total in ``nouns``: ``35 tài xế …, năm tài xế …``) and bare numbers after a label (``KTX Đống Đa: 500``, ``đợt 2
    là 38.910``, ``THCS tăng 15.770``)."""
    out = []
    for m in _FIVE.finditer(text, start, end):
        if m.group(1).lower() in nouns and _LIST_OPEN.search(text, max(0, m.start() - 12), m.start()) \
                and not any(n.start <= m.start() < n.span_end for n in nums):
            out.append(Num(5.0, m.start(), m.start() + 3, m.end(1), m.group(1), None, False))
    for m in NUMBER.finditer(text, start, end):
        a, b = m.span()
        if m.group("pct") or any(n.start <= a < n.span_end for n in nums):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) or _NOT_PART_BEFORE.search(text, max(0, a - 12), a):
            continue  # năm 2005, số 3, cấp 3
        if re.match(r"\s*[^\W\d_]", text[b:b + 2]) and not _VERB_AFTER.match(text, b):
            continue  # a number with a noun the counts refused
        out.append(Num(parse_number(m.group("num")), a, b, b, None, None, False))
    for a, b, value, value_max in find_number_words(text, start, end):
        if value_max is not None or any(n.start <= a < n.span_end for n in nums):
            continue
        if not _LIST_OPEN.search(text[max(0, a - 12):a]):
            continue  # "ký chỉ trong vòng một ngày": not an item of the list
        unit = re.match(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", text[b:end])
        if unit is None or not unit.group(1)[0].islower():
            continue
        out.append(Num(value, a, b, b + unit.end(1), unit.group(1), None, False))
    return out


def find_enumerations(text: str, nums: list[Num], used: set[int],
                      sentence_span: Any) -> list[dict[str, Any]]:
    """Non-field breakdowns; ``used`` holds the ids of numbers already in a breakdown (updated);
    ``sentence_span(pos)`` is the ``(start, end)`` of the sentence holding ``pos``.

    For each list opener (``trong đó``, ``gồm``, ``(`` …) the total is one of the three counts
    before it in its sentence: the one the parts add up to, else the nearest. A part of one list may
    be the total of a list nested in it (``33 CCN. Trong đó: 18 CCN … (10 …, 8 …); 4 CCN …``)."""
    out: list[dict[str, Any]] = []
    starts = [n.start for n in nums]
    as_part: set[int] = set()  # ids of the parts of these lists, which may still total a nested list
    for trig in _TRIGGER.finditer(text):
        s_start, stop = sentence_span(trig.start())
        k = bisect.bisect_left(starts, trig.start())
        totals = [n for n in nums[max(0, k - 3):k][::-1] if n.start >= s_start and n.span_end <= trig.start() + 1
                  and trig.start() - n.span_end <= 140 and _can_total(n, used, as_part)]
        carried = False  # "… 300 ý kiến. Trong đó, 120 ý kiến … và 180 ý kiến …": the total ends the sentence before
        if not totals and trig.group("w") and s_start > 0 and _CARRY_LEAD.fullmatch(text, s_start, trig.start()):
            p_start = sentence_span(s_start - 1)[0]
            totals = [n for n in nums[max(0, k - 3):k][::-1] if n.start >= p_start and _can_total(n, used, as_part)]
            carried = True
        if not totals:
            continue
        if trig.group("p"):
            close = text.find(")", trig.end(), min(len(text), stop + 1))
            if close < 0:
                continue
            stop = close
            # a bracket opens a list only right after its total: "187 giải (gồm 60 HCV …)", not "Ninh Bình (6 huyện, 16 xã)";
            # "(trong đó …" / "(gồm …" says so itself, and may follow a longer noun phrase
            said = re.search(r"[^\W\d_]", trig.group(0)) is not None
            gap = _BRACKET_GAP_SAID if said else _BRACKET_GAP
            totals = [n for n in totals[:1] if gap.fullmatch(text, n.span_end, trig.start())
                      and (said or not _NAME_BEFORE.search(text, n.span_end, trig.start()))]
            if not totals:
                continue
            # "37 cán bộ, đảng viên có vi phạm (trong đó …": across a comma, only parts that add up are the total's
            exact = "," in text[totals[0].span_end:trig.start()]
        else:
            exact = False
        if trig.group("w") and stop < len(text):  # "… trong đó có 2 dự án …. Còn lại 8 dự án …": the rest, next sentence
            nxt = sentence_span(stop + 1)
            if nxt[0] > s_start and (_REST_OPEN.match(text, nxt[0]) or _MORE_OPEN.match(text, nxt[0])):
                stop = nxt[1]  # "… gồm 11 …, 3 …. Ngoài ra, còn có 11 …; 363 …": the list goes on
        lo = bisect.bisect_left(starts, trig.end())
        hi = bisect.bisect_left(starts, stop)
        cands = [n for n in nums[lo:hi] if id(n) not in used and n.of is None
                 and text.count("(", trig.end(), n.start) <= text.count(")", trig.end(), n.start)]  # not a sub-part
        cands += _extra_parts(text, trig.end(), stop, nums[lo:hi], frozenset(t.unit.split()[0].lower() for t in totals))
        # "(trong đó, công ty tại 2 tỉnh … tài trợ 30 suất)": a number after "tại"/"ở" says where, it is no part
        cands = [n for n in cands if not _WHERE_BEFORE.search(text, max(0, n.start - 6), n.start)]
        heads = _item_heads(text, trig.end(), stop, cands)
        best = None
        for t in totals:
            parts = _parts(t, heads)
            if trig.group("p") and (rest := _rest_after(t, parts, nums, stop, sentence_span(trig.start())[1], used)):
                parts = [*parts, rest]  # "47 khu (trong đó có 16 khu …) thì có đến 31 khu …": the rest after the bracket
            if len(parts) < 2:
                continue
            record = _record(text, t, parts, trig, stop)
            if record is None:
                continue
            if best is None or (record["partition"] and not best[0]["partition"]):
                best = (record, t, parts)
            if record["partition"]:
                break
        if best is None or (exact and not best[0]["partition"]) or (
                carried and not best[0]["partition"] and not all(_names_total(p, best[1]) for p in best[2])):
            continue  # across sentences only parts that add up, or that name the total's noun, are read as the total's
        record, t, parts = best
        if not record["partition"] and _coordinated(text, t, nums[max(0, k - 3):k], s_start):
            continue  # "đàn gà 200 con và đàn vịt 400 con, trong đó 30 con gà và 200 con vịt": parts of both
        used.add(id(t))
        as_part.discard(id(t))
        used.update(id(p) for p in parts)
        as_part.update(id(p) for p in parts)
        out.append(record)
    return out


def _rest_after(total: Num, parts: list[Num], nums: list[Num], close: int, end: int, used: set[int]) -> Num | None:
    """After a bracket of subsets (``47 khu công nghiệp (trong đó có 16 khu …)``), a count of the total's noun later in
    the sentence that makes the parts add up exactly (``… thì có đến 31 khu công nghiệp xả thải``); only for counts
    of things, whose sums meet by chance less often than money or measures."""
    if not parts or not total.unit or is_amount(total) or any(p.unit and is_amount(p) for p in parts):
        return None
    left = total.value - sum(p.value for p in parts)
    noun = total.unit.split()[0].lower()
    for n in nums:
        if close < n.start < end and id(n) not in used and n.unit and n.of is None and not n.percent \
                and n.unit.split()[0].lower() == noun and abs(n.value - left) < _EPS and left > 0:
            return n
    return None


def _coordinated(text: str, total: Num, before: list[Num], s_start: int) -> bool:
    """``total`` is the second of two counts of one noun joined by ``và`` (``… 200 con và … 400 con``)."""
    prev = [n for n in before if n.span_end <= total.start and n.start >= s_start]
    if not prev or not prev[-1].unit or not total.unit:
        return False
    p = prev[-1]
    same = p.unit.split()[-1].lower() == total.unit.split()[-1].lower()
    return same and re.search(r"(?<![^\W_])và(?![^\W_])", text[p.span_end:total.start]) is not None


#: what may stand before a list opener that carries the total over from the sentence before ("Đặc biệt, trong đó …")
_CARRY_LEAD = re.compile(r"[\s\-–•]*(?:(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*,\s*)?", re.IGNORECASE)
_MORE_OPEN = re.compile(r"\s*Ngoài\s+ra\s*,?\s*(?:còn\s+)?(?:có\s+)?\d", re.IGNORECASE)
_REST_OPEN = re.compile(r"\s*(?:(?:số|những|các)\s+)?còn\s+lại\s*,?\s*(?:là\s+)?\d", re.IGNORECASE)


def _names_total(part: Num, total: Num) -> bool:
    """The part and the total count the same thing, one noun phrase starting with the other (``18 học sinh đỗ thủ
    khoa`` … ``4 học sinh``); not money, which a later sentence may spend from anywhere."""
    if not (part.unit and total.unit) or _is_money(total) or _measure(total):
        return False
    a, b = sorted((part.unit.lower() + " ", total.unit.lower() + " "), key=len)
    return b.startswith(a)


def _per(n: Num) -> str | None:
    """The denominator of a rate unit (``USD/năm`` → ``năm``), None for a plain unit."""
    unit = n.unit or ""
    return unit.rsplit("/", 1)[1].strip().lower() or None if "/" in unit else None


def _can_total(n: Num, used: set[int], as_part: set[int] = frozenset()) -> bool:
    # a rate per period may be shared out ("3.000 USD/năm, trong đó học phí 1.500 USD …"); "3 học sinh/máy" not
    per = _per(n)
    return ((id(n) not in used or id(n) in as_part) and not n.percent and n.value >= 2 and bool(n.unit)
            and (per is None or per in _PERIODS))


def _item_heads(text: str, start: int, stop: int, cands: list[Num]) -> list[Num]:
    """The first number of each item of the list (items end at ``,``, ``;``, ``và``, ``cùng``): in
    ``trên 100 gian thương mại của 53 doanh nghiệp`` the part is 100, not 53."""
    bounds = [start] + [m.end() for m in _ITEM_SEP.finditer(text, start, stop)]
    out: list[Num] = []
    seen: set[int] = set()
    for n in sorted(cands, key=lambda n: n.start):
        k = bisect.bisect_right(bounds, n.start) - 1
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _parts(total: Num, cands: list[Num]) -> list[Num]:
    parts: list[Num] = []
    money = _is_money(total)
    t_scale = _scale(total)
    room = total.value * t_scale * (1.1 if total.qualifier else 1.01)
    for n in cands:
        if n.percent:
            continue
        if money and not _is_money(n) and n.unit and n.unit.lower() not in _SCALE:
            continue  # 166.300 USD, trong đó 83.241 USD … 10 phòng học: a number of another kind (``15.478 tỉ`` is money)
        value = n.value * _part_scale(n, t_scale)
        if not money and _is_money(n) and (value >= 1000 or _scale(n) != 1.0):
            continue  # 500 hộ … 10 triệu đồng: money inside a part
        if n.unit and len(n.unit.split()) > 1 and all(w[:1].isupper() for w in n.unit.split()):
            continue  # 287 Đà Nẵng: a house number
        if _per(n) is not None and _per(n) != _per(total):
            continue  # 3 học sinh/máy: a rate is not a part, unless the total is the same rate (USD/năm)
        if _measure(total) and n.unit and _measure(total) != _measure(n) and not _scale(n) != 1.0:
            continue  # 35.000 m2, gồm 1 hầm …: floors are not square metres
        if not money and not _measure(total) and _measure(n):
            continue  # 9.733 ngôi nhà, trong đó … 7.000 ha lúa: an area is not a part of a count of houses
        if value > room:
            break  # more than the total left: another statement
        room -= value
        parts.append(n)
    return parts


def _record(text: str, t: Num, parts: list[Num], trig: re.Match[str], stop: int) -> dict[str, Any] | None:
    # values in the smallest scale written (123 triệu con = 81 triệu + 41 triệu + 171.000)
    t_scale = _scale(t)
    scales = [_part_scale(p, t_scale) for p in parts]
    if all(s == t_scale for s in scales):
        base = t_scale
    else:
        base = min(scales + [t_scale])
    total = t.value * t_scale / base
    values = [p.value * s / base for p, s in zip(parts, scales)]
    s = sum(values)
    hedged = bool(t.qualifier)
    partition = abs(s - total) < _EPS * max(1.0, total) or (hedged and abs(s - total) <= 0.1 * total)
    labels = [_label(text, p, stop if p.start < stop else p.span_end + 60) for p in parts]
    if not any(labels):  # ``trong đó cấp tỉnh 12, cấp huyện 100, cấp cơ sở 400``: each label before its number
        labels = [_label_before(text, p, max(trig.end(), parts[k - 1].span_end if k else trig.end()))
                  for k, p in enumerate(parts)]
    by = "level" if sum(bool(_LEVEL_WORDS.search(lab)) for lab in labels) >= 2 else (
        "other" if sum(lab[:1].isupper() for lab in labels) >= 2 else "kind")
    return {
        "total": round(total, 6), "unit": t.unit,
        "parts": [{"value": round(v, 6), "label": lab, "field": None} for v, lab in zip(values, labels)],
        "span": [t.start, max(p.span_end for p in parts)], "total_span": [t.start, t.span_end],
        "part_spans": [[p.start, p.span_end] for p in parts],
        "rule": "enumeration:" + ("brackets" if trig.group("p") else re.sub(r"\s+", "_", trig.group("w").lower())),
        "by": by, "partition": partition, "total_qualifier": t.qualifier,
    }
