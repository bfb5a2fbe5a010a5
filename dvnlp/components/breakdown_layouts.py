"""Breakdowns whose total and parts are not joined by a list opener (part of
:mod:`dvnlp.components.breakdowns`, run after the field breakdowns and the enumerations):

- **total after its parts**: ``… 1.200 tỷ đồng … Ngoài ra … 300 tỷ đồng. Tổng vốn … đạt 1.500 tỷ đồng``
  (rule ``layout:total_after``);
- **a remainder in the next sentence**: ``Trong 6 kho …, chỉ có 2 kho …. Bốn kho còn lại …``
  (``layout:remainder``);
- **places with bracketed counts**: ``12 xã của 5 huyện là A (2 huyện, 7 xã), B (3 huyện, 5 xã)``
  (``layout:places``);
- **a headline total**: the first sentence says ``40 phòng học`` and one later sentence holds the
  counts of that noun that add up to it (``layout:headline``);
- **parts in words after a comma**: ``có 2 người con, một gái một trai``, ``hai phiếu, một …, một …``
  (``layout:words``);
- **a list later in the total's sentence**: ``697 trường hợp … và đã có 374 trường hợp được …, 323 trường hợp
  được …`` — the next counts of the total's noun, listed with ``,`` / ``;`` / ``và`` (``layout:listed``).

Every one of them is kept only when the parts add up to the total exactly (they are not announced
by the text, so the sum is what shows they are parts); records have the shape of
:mod:`dvnlp.components.enumerations`, with ``partition`` true.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from dvnlp.components.breakdown_numbers import unit_key
from dvnlp.components.counts import unit_words
from dvnlp.components.enumerations import Num, is_amount
from dvnlp.segment.numwords import find_number_words

_TOTAL_WORD = re.compile(r"(?<![^\W_])tổng(?![^\W_])", re.IGNORECASE)
_REMAINDER = re.compile(r"(?<![^\W_])còn\s+lại(?![^\W_])", re.IGNORECASE)
_EPS = 1e-6
_MAX_PARTS = 6


def _free(n: Num, used: set[int]) -> bool:
    return id(n) not in used and n.of is None and not n.percent and bool(n.unit) and "/" not in (n.unit or "")


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= _EPS * max(1.0, abs(b))


def _record(total: Num, parts: list[Num], text: str, rule: str, by: str = "kind") -> dict[str, Any]:
    first = min(p.start for p in parts + [total])
    last = max(p.span_end for p in parts + [total])
    return {
        "total": total.value, "unit": total.unit,
        "parts": [{"value": p.value, "label": text[p.end:p.span_end].strip(), "field": None} for p in parts],
        "span": [first, last], "total_span": [total.start, total.span_end],
        "part_spans": [[p.start, p.span_end] for p in parts],
        "rule": "layout:" + rule, "by": by, "partition": True, "total_qualifier": total.qualifier,
    }


class _Sentences:
    def __init__(self, sents: list[list[int]]) -> None:
        self.spans = sents
        self.starts = [a for a, _ in sents]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


def find_layouts(text: str, nums: list[Num], used: set[int], sents: list[list[int]]) -> list[dict[str, Any]]:
    """The breakdowns of the four layouts above; ``used`` (ids of numbers already in a breakdown) is updated."""
    s = _Sentences(sents)
    out: list[dict[str, Any]] = []
    for finder in (_total_after, _remainder, _places, _headline, _words_after, _listed_after):
        out += finder(text, nums, used, s)
    return out


def _take(out: list[dict[str, Any]], used: set[int], total: Num, parts: list[Num], rec: dict[str, Any]) -> None:
    used.add(id(total))
    used.update(id(p) for p in parts)
    out.append(rec)


def _total_after(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """``Tổng …`` then a count equal to the sum of the last counts of its noun in the two sentences before."""
    out: list[dict[str, Any]] = []
    starts = [n.start for n in nums]
    for i, t in enumerate(nums):
        if not _free(t, used) or t.value < 2:
            continue
        k = s.index(t.start)
        a = s.spans[k][0]
        if not _TOTAL_WORD.search(text, a, t.start) or any(
                _free(n, used) and unit_key(n.unit) == unit_key(t.unit) for n in nums[bisect.bisect_left(starts, a):i]):
            continue  # "Tổng …" must lead to this count, the first of its noun in the sentence
        lo = s.spans[max(0, k - 2)][0]
        prev = [n for n in nums[bisect.bisect_left(starts, lo):i] if n.end <= a and _free(n, used)
                and unit_key(n.unit) == unit_key(t.unit)]
        for size in range(2, min(_MAX_PARTS, len(prev)) + 1):
            parts = prev[-size:]
            if _equal(sum(p.value for p in parts), t.value):
                _take(out, used, t, parts, _record(t, parts, text, "total_after"))
                break
    return out


def _remainder_num(text: str, a: int, nums: list[Num]) -> Num | None:
    """The count just before ``còn lại`` (``ba kho còn lại``, ``7 lần còn lại``), in digits or in words;
    ``nums`` are the counts near it."""
    before = text[max(0, a - 40):a]
    off = a - len(before)
    for size in (1, 2, 3):
        m = re.search(rf"([^\W\d_]+(?:\s+[^\W\d_]+){{{size - 1}}})\s+$", before)
        if m is None:
            return None
        noun_start = off + m.start(1)
        hit = next((n for n in nums if n.end <= noun_start <= n.span_end + 1 and n.unit
                    and re.fullmatch(r"\s+", text[n.end:noun_start])), None)
        if hit is not None:
            return hit
        for x, y, value, value_max in find_number_words(text, max(0, noun_start - 25), noun_start):
            if value_max is None and y < noun_start and re.fullmatch(r"\s+", text[y:noun_start]):
                return Num(value, x, y, off + m.end(1), m.group(1), None, False)
    return None


def _remainder(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """A total, counts of its noun, and ``N … còn lại`` in the same or the next sentence that closes the sum."""
    out: list[dict[str, Any]] = []
    starts = [n.start for n in nums]
    for m in _REMAINDER.finditer(text):
        near = nums[bisect.bisect_left(starts, m.start() - 60):bisect.bisect_left(starts, m.start())]
        r = _remainder_num(text, m.start(), near)
        if r is None or id(r) in used:
            continue
        k = s.index(m.start())
        lo = s.spans[max(0, k - 1)][0]
        same = [n for n in nums[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, r.start)]
                if n.end <= r.start and _free(n, used) and unit_key(n.unit) == unit_key(r.unit)]
        for j in range(len(same) - 2, -1, -1):
            total, parts = same[j], same[j + 1:]
            if len(parts) <= _MAX_PARTS and _equal(sum(p.value for p in parts) + r.value, total.value):
                _take(out, used, total, parts + [r], _record(total, parts + [r], text, "remainder"))
                break
    return out


_BRACKET = re.compile(r"\(([^()]{1,80})\)")


def _places(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """Named places each with bracketed counts; a count before them equal to the sum of one noun."""
    out: list[dict[str, Any]] = []
    starts = [n.start for n in nums]
    for a, b in s.spans:
        groups = [g for g in _BRACKET.finditer(text, a, b)
                  if re.search(r"[A-ZĐ][^\W\d_]*\s*$", text[max(a, g.start() - 30):g.start()])]
        if len(groups) < 2:
            continue
        here = [n for n in nums[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if _free(n, used)]
        inside = [n for n in here if any(g.start() < n.start and n.span_end <= g.end() for g in groups)]
        before = [n for n in here if n.span_end <= groups[0].start()]
        by_noun: dict[str | None, list[Num]] = {}
        for n in inside:
            by_noun.setdefault(unit_key(n.unit), []).append(n)
        for noun, parts in by_noun.items():
            total = next((t for t in before if unit_key(t.unit) == noun), None)
            if total is not None and len(parts) >= 2 and _equal(sum(p.value for p in parts), total.value):
                _take(out, used, total, parts, _record(total, parts, text, "places", by="other"))
    return out


def _headline(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """A count in the first sentence, and one later sentence whose counts of that noun add up to it."""
    if len(s.spans) < 2:
        return []
    first_end = s.spans[0][1]
    out: list[dict[str, Any]] = []
    by_sentence: dict[int, list[Num]] = {}
    for n in nums:
        if n.start >= first_end and _free(n, used):
            by_sentence.setdefault(s.index(n.start), []).append(n)
    generic = unit_words().any_noun
    for t in [n for n in nums if n.span_end <= first_end and _free(n, used) and n.value >= 2]:
        if id(t) in used:
            continue
        for k in sorted(by_sentence):
            free = [n for n in by_sentence[k] if id(n) not in used]
            parts = [n for n in free if unit_key(n.unit) == unit_key(t.unit)]
            if not parts:  # "36 người …" then "9 trường hợp …, 27 trường hợp …"
                parts = [n for n in free if unit_key(n.unit) in generic]
            if 2 <= len(parts) <= _MAX_PARTS and _equal(sum(p.value for p in parts), t.value):
                _take(out, used, t, parts, _record(t, parts, text, "headline"))
                break
    return out


# between two parts in words: up to three words ("một trai một gái"), or a clause without digits then "," / "và"
_ITEM_JOIN = re.compile(r"(?:\s*[^\W\d_]+){0,3}\s*|[^\d,;!?]{0,80}(?:[,;]|(?<![^\W_])và)\s*", re.IGNORECASE)


def _words_after(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """A small count, a comma, then its parts written in words: ``2 người con, một gái một trai``."""
    out: list[dict[str, Any]] = []
    for t in nums:
        if not _free(t, used) or not 2 <= t.value <= 10 or t.value != int(t.value):
            continue
        comma = re.match(r"\s*,\s*", text[t.span_end:t.span_end + 4])
        if comma is None:
            continue
        stop = s.spans[s.index(t.start)][1]
        parts: list[Num] = []
        pos = t.span_end + comma.end()
        for x, y, value, value_max in find_number_words(text, pos, stop):
            gap = text[pos:x]
            if value_max is not None or value != int(value) or (parts and not _ITEM_JOIN.fullmatch(gap)) or (
                    not parts and gap.strip()):
                break
            if re.match(r"\s+(?:trong|số|vài|lúc|cách|khi|chút)(?![^\W_])", text[y:y + 8], re.IGNORECASE) or any(
                    text[x:y + 12].lower().startswith(w) for w in unit_words().not_numbers):
                break  # một trong số đó, một số, một mình: not a part
            word = re.match(r"\s+[^\W\d_]+", text[y:stop])
            parts.append(Num(value, x, y, y + (word.end() if word else 0), None, None, False))
            pos = parts[-1].span_end
            if sum(p.value for p in parts) >= t.value:
                break
        if len(parts) >= 2 and _equal(sum(p.value for p in parts), t.value):
            _take(out, used, t, [], _record(t, parts, text, "words"))
    return out



_LIST_JOIN = re.compile(r"[,;]|(?<![^\W_])và(?![^\W_])")
#: a part that is a change or what is left (``giảm 534 đơn vị, còn 53.914``, ``còn 15 người``) is no part
_CHANGE = re.compile(r"(?<![^\W_])(?:giảm|tăng|còn|thêm|lên|xuống)(?:\s+(?:lại|được|có))?\s+$", re.IGNORECASE)


def _listed_after(text: str, nums: list[Num], used: set[int], s: _Sentences) -> list[dict[str, Any]]:
    """A count, then in its sentence the next two to six counts of its noun, joined as a list, adding up to it."""
    out: list[dict[str, Any]] = []
    for a, b in s.spans:
        here = [n for n in nums if a <= n.start < b]
        for i, t in enumerate(here):
            if not _free(t, used) or t.value < 2 or is_amount(t):
                continue  # sums of money or of measures meet by chance (``250 triệu … 150 triệu, 100 triệu``)
            same = [n for n in here[i + 1:] if _free(n, used) and unit_key(n.unit) == unit_key(t.unit)]
            for size in range(2, min(_MAX_PARTS, len(same)) + 1):
                parts = same[:size]
                if all(_LIST_JOIN.search(text, x.span_end, y.start) and ")" not in text[x.span_end:y.start]
                       for x, y in zip(parts, parts[1:])) and ")" not in text[t.span_end:parts[0].start] \
                        and not any(_CHANGE.search(text, max(0, p.start - 14), p.start) for p in parts) \
                        and _equal(sum(p.value for p in parts), t.value):
                    _take(out, used, t, parts, _record(t, parts, text, "listed"))
                    break
    return out
