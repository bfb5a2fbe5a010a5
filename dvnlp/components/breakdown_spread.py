"""Breakdowns whose parts are spread over the sentences after the total (part of
:mod:`dvnlp.components.breakdowns`, run after :mod:`dvnlp.components.breakdown_layouts`):

- **specified over several sentences**: a sentence states totals, the next one opens with a cue
  (``Cụ thể``, ``Chi tiết`` — ``detail_cue`` in ``dvnlp/rules/units.json``) and that sentence and up
  to two more give, group by group, counts of the same nouns: ``giảm 55 phòng, ban; giảm 130 đơn vị
  sự nghiệp. Cụ thể, ở khối A … giảm 9 đầu mối phòng, ban …; giảm 9 đơn vị sự nghiệp. Về khối B …
  giảm 46 phòng ban. … giảm 121 đơn vị`` → 55 = 9 + 46, 130 = 9 + 121 (rule ``layout:specified``).
  At most one part per sentence; kept only when the parts add up to the total exactly.
- **parts with their share**: counts of the total's unit, each followed by ``chiếm P%`` that is
  the part's share of that total to the precision written: ``1.243,8 triệu USD … 834,9 triệu USD,
  chiếm 67,1% … 297,4 triệu USD, chiếm 23,9%`` (rule ``layout:shares``). The shares show the
  parts belong to the total; ``partition`` is true only when they add up to it (or the shares to
  100%), else they are a subset. Parts never add up to more than the total; two parts in one
  clause (no ``;`` or sentence end between them) may be nested (``X (chiếm 75%) được xử lý, tuy
  nhiên chỉ Y (chiếm 18%) đạt chuẩn``) and are not read as a list.
- **subsets each opened by ``trong (số)``** in the sentence after the total: ``Vườn có 900 loài cây.
  Trong số 120 loài cây thuốc, …; trong 300 loài cây gỗ …`` (rule ``layout:within``); the sentence
  must open with ``Trong (số)`` and the parts add up to at most the total (``partition`` when equal).

Nouns agree when, after the prefixes that do not change what is counted (``đầu mối``,
``cán bộ cấp`` — ``noun_prefix`` in the rules) are dropped, they start with the same syllable
and the syllables of the shorter are all in the longer: ``phòng`` ~ ``phòng ban``, ``đơn vị sự
nghiệp`` ~ ``đơn vị``, ``phó phòng`` ~ ``phó trưởng phòng``, but not ``trưởng phòng`` ~ ``phó
trưởng phòng``. Records have the shape of :mod:`dvnlp.components.breakdown_layouts`.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import cache
from typing import Any

from dvnlp.components.breakdown_numbers import LETTER
from dvnlp.components.enumerations import Num
from dvnlp.rulebook import load_rules

_EPS = 1e-6
_MAX_AFTER = 3  # sentences after the total's that may hold parts (the cue's and two more)
_MAX_SHARE_SENTENCES = 5  # sentences after the total's that may hold parts with their share
_LIST_BREAK = re.compile(r"[;.!?\n]")  # between two parts with their share: a list item or sentence ends
_WITHIN_OPEN = re.compile(r"[\s\-–•]*trong(?:\s+số)?\s+\d", re.IGNORECASE)
_WITHIN_BEFORE = re.compile(r"(?<![^\W_])trong(?:\s+số)?\s+$", re.IGNORECASE)
_SHARE = re.compile(r"\s*,?\s*(?:\(\s*)?(?:chiếm|bằng|tương\s+đương)\s+(?:khoảng\s+|gần\s+|hơn\s+)?"
                    r"(?P<p>\d{1,3}(?:,(?P<dec>\d+))?)\s*%", re.IGNORECASE)


@cache
def _rules() -> tuple[tuple[tuple[str, ...], ...], re.Pattern[str]]:
    prefixes, cues = [], []
    for e in load_rules("units").entries:
        if e.get("kind") == "noun_prefix":
            prefixes.append(tuple(e["noun"].lower().split()))
        elif e.get("kind") == "detail_cue":
            cues.append(re.escape(e["noun"]).replace(r"\ ", r"\s+"))
    cue_re = re.compile(rf"[\s\-–•]*(?:{'|'.join(sorted(cues, key=len, reverse=True))})(?![^\W_])", re.IGNORECASE)
    return tuple(sorted(prefixes, key=len, reverse=True)), cue_re


def noun_words(unit: str | None) -> tuple[str, ...]:
    """The syllables of a counted noun without its leading prefixes (``cán bộ cấp phó`` → ``phó``)."""
    words = tuple(re.findall(rf"{LETTER}+", (unit or "").lower()))
    prefixes = _rules()[0]
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if len(words) > len(p) and words[:len(p)] == p:
                words, changed = words[len(p):], True
                break
    return words


def nouns_agree(a: str | None, b: str | None) -> bool:
    x, y = noun_words(a), noun_words(b)
    if not x or not y or x[0] != y[0]:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return set(short) <= set(long_)


def _free(n: Num, used: set[int]) -> bool:
    return id(n) not in used and n.of is None and not n.percent and bool(n.unit) and "/" not in (n.unit or "")


def _record(total: Num, parts: list[Num], text: str, rule: str, partition: bool) -> dict[str, Any]:
    return {
        "total": total.value, "unit": total.unit,
        "parts": [{"value": p.value, "label": text[p.end:p.span_end].strip(), "field": None} for p in parts],
        "span": [total.start, max(p.span_end for p in parts)], "total_span": [total.start, total.span_end],
        "part_spans": [[p.start, p.span_end] for p in parts],
        "rule": "layout:" + rule, "by": "kind", "partition": partition, "total_qualifier": total.qualifier,
    }


def find_spread(text: str, nums: list[Num], used: set[int], sents: list[list[int]],
                found: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """The breakdowns of the two layouts above; ``used`` (ids of numbers already in a breakdown) is
    updated; a part of a breakdown already ``found`` may total parts with their share (nested)."""
    starts = [a for a, _ in sents] or [0]

    def index(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    spans = sents or [[0, len(text)]]
    by_sentence: dict[int, list[Num]] = {}  # the numbers of each sentence, by its index
    for n in nums:
        by_sentence.setdefault(index(n.start), []).append(n)
    return (_specified(text, used, spans, by_sentence) + _shares(text, nums, used, spans, index, found)
            + _within(text, used, spans, by_sentence))


_SUBSET = re.compile(r"(?<![^\W_])(?:trong\s+đó|trong\s+số|gồm)(?![^\W_])", re.IGNORECASE)


def _specified(text: str, used: set[int], spans: list[list[int]], by_sentence: dict[int, list[Num]]) -> list[dict[str, Any]]:
    cue = _rules()[1]
    out: list[dict[str, Any]] = []
    for k in sorted(by_sentence):
        if k + 1 >= len(spans) or not cue.match(text, spans[k + 1][0]):
            continue
        last = min(len(spans) - 1, k + _MAX_AFTER)
        while last > k + 1 and "\n\n" in text[spans[k][0]:spans[last][1]].replace("\r", ""):
            last -= 1
        for t in by_sentence[k]:
            if not _free(t, used) or t.value < 2:
                continue
            options = []
            for j in range(k + 1, last + 1):
                sentence = by_sentence.get(j, [])
                # not a part of a larger total of its own sentence ("325 tỉ đồng, trong đó có 300 tỉ đồng")
                here = [n for n in sentence if _free(n, used) and n.value < t.value and nouns_agree(n.unit, t.unit)
                        and not any(m.start < n.start and m.value > n.value and nouns_agree(m.unit, n.unit)
                                    and _SUBSET.search(text, m.span_end, n.start) for m in sentence)]
                options.append([None] + here)
            best = None
            for pick in itertools.product(*options):
                parts = [p for p in pick if p is not None]
                if len(parts) >= 2 and abs(sum(p.value for p in parts) - t.value) <= _EPS * max(1.0, t.value):
                    if best is not None:  # two readings: the text does not say which
                        best = None
                        break
                    best = parts
            if best:
                used.add(id(t))
                used.update(id(p) for p in best)
                out.append(_record(t, best, text, "specified", True))
    return out


def _share_of(text: str, n: Num) -> tuple[float, float] | None:
    """``(P, tolerance)`` when ``n`` is followed by ``chiếm P%``."""
    m = _SHARE.match(text, n.span_end)
    if m is None:
        return None
    places = len(m.group("dec") or "")
    return float(m.group("p").replace(",", ".")), 0.5 * 10 ** -places + 1e-9


def _shares(text: str, nums: list[Num], used: set[int], spans: list[list[int]], index: Any,
            found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    as_part = {tuple(p) for r in found for p in r.get("part_spans") or []}
    shared = [(n, s) for n in nums if _free(n, used) for s in [_share_of(text, n)] if s is not None]
    if len(shared) < 2:
        return out
    for t in nums:
        nested = (t.start, t.span_end) in as_part and _free(t, set())
        if not (_free(t, used) or nested) or t.value < 2 or _share_of(text, t) is not None:
            continue
        k = index(t.start)
        stop = spans[min(len(spans) - 1, k + _MAX_SHARE_SENTENCES)][1]
        parts = [(n, s) for n, s in shared if t.span_end <= n.start < stop and id(n) not in used
                 and nouns_agree(n.unit, t.unit)
                 and abs(100.0 * n.value / t.value - s[0]) <= s[1]]
        if len(parts) < 2 or any(not _LIST_BREAK.search(text, a.span_end, b.start)
                                 for (a, _), (b, _) in zip(parts, parts[1:])):
            continue  # "12.925m3 (chiếm 75%) đã được xử lý, tuy nhiên chỉ có 3.120m3 (chiếm 18%) …": nested, not a list
        if any(_free(m, used) and m.value == t.value and nouns_agree(m.unit, t.unit)
               for m in nums if t.span_end <= m.start < parts[0][0].start):
            continue  # the same total repeated nearer the parts is theirs
        total = sum(n.value for n, _ in parts)
        if total > t.value * (1 + _EPS):
            continue
        partition = abs(total - t.value) <= _EPS * t.value or abs(sum(s[0] for _, s in parts) - 100.0) < 0.5
        used.add(id(t))
        used.update(id(n) for n, _ in parts)
        out.append(_record(t, [n for n, _ in parts], text, "shares", partition))
    return out


def _within(text: str, used: set[int], spans: list[list[int]], by_sentence: dict[int, list[Num]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k in sorted(by_sentence):
        if k == 0 or not _WITHIN_OPEN.match(text, spans[k][0]) or "\n\n" in text[spans[k - 1][0]:spans[k][0]]:
            continue
        j = k  # "… quạ, khỉ… rất quí hiếm; trong 745 loài …": a split before a lower-case word is no sentence end
        while j + 1 < min(len(spans), k + 3) and re.match(r"\s*[^\W\d_]", text[spans[j + 1][0]:spans[j + 1][0] + 3]) \
                and text[spans[j + 1][0]:].lstrip()[:1].islower():
            j += 1
        inside = [n for i in range(k, j + 1) for n in by_sentence.get(i, [])]
        parts = [n for n in inside if _free(n, used) and _WITHIN_BEFORE.search(text, max(0, n.start - 12), n.start)]
        t = next((n for n in reversed(by_sentence.get(k - 1, [])) if _free(n, used) and n.value >= 2
                  and parts and nouns_agree(n.unit, parts[0].unit)), None)
        if t is None:
            continue
        parts = [n for n in parts if nouns_agree(n.unit, t.unit) and n.value < t.value]
        if len(parts) < 2 or sum(n.value for n in parts) > t.value * (1 + _EPS):
            continue
        used.add(id(t))
        used.update(id(n) for n in parts)
        out.append(_record(t, parts, text, "within", abs(sum(n.value for n in parts) - t.value) <= _EPS * t.value))
    return out
