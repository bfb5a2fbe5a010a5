"""``dvnlp_breakdowns``: a stated total and the parts it is divided into by field (lĩnh vực).

Runs after ``dvnlp_counts`` and reads its records. Every layout reports use is one of two
shapes of a *part*, which may be mixed inside one list:

- label then number: ``kinh tế - 07 mô hình``, ``kinh tế 342 mô hình``, ``kinh tế: 486``,
  ``kinh tế (18 mô hình)``, ``lĩnh vực kinh tế có 8 mô hình``, ``… chiếm 13 mô hình``,
  ``còn lại là lĩnh vực xây dựng hệ thống chính trị với 5 mô hình``;
- number then label: ``21 mô hình kinh tế``, ``03 mô hình thuộc lĩnh vực xây dựng Đảng``,
  ``11 mô hình bảo đảm quốc phòng - an ninh``, ``10 mô hình còn lại thuộc lĩnh vực …``.

Field labels (``dvnlp/rules/fields.json``) close to each other form a list, which may run over
the next two sentences; a repeated field starts a new list. Each label takes the number next to
it in the orientation that explains most of the list. The total is the nearest earlier count,
in the same sentence or up to two sentences back, whose noun agrees with the parts' noun
(``mô hình``/``điển hình``) and which is at least as large as every part.

Records go to ``doc._.dvnlp_facts["breakdowns"]``::

    {"total", "unit", "parts": [{"value", "label", "field"}], "span", "total_span", "part_spans", "rule"}

Splits that are not by field — ``10 tập thể và 15 cá nhân``, ``318 mô hình mới``/``nhân rộng``,
``cấp huyện 22 mô hình, cấp xã 45 mô hình`` — are not breakdowns (annotation guideline §6);
they are recorded in the same shape, with ``field: null`` and a ``by`` key, under
``doc._.dvnlp_facts["splits"]`` so that nothing downstream mistakes them for field breakdowns.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, add_fact, doc_text, facts
from dvnlp.components.breakdown_layouts import find_layouts
from dvnlp.components.breakdown_spread import find_spread
from dvnlp.components.breakdown_numbers import LETTER as _W, UNIT_AFTER, nums_from_counts, nums_from_text, unit_key
from dvnlp.components.enumerations import Num, find_enumerations
from dvnlp.components.fields import Label, doc_labels, find_labels
from dvnlp.components.sentences import sentence_spans
from dvnlp.segment.patterns import DASH, DATE, NUMBER, QUOTED, RATIO, SYMBOL, parse_number

# what may stand between a field label and the number that follows it
_AFTER_GAP = re.compile(
    rf"\s*(?:[{DASH}:|]\s*)?(?:\(\s*)?(?:(?:thì\s+)?(?:có|với|chiếm|là|gồm|đạt|được|:)\s+)?"
    r"(?:(?:khoảng|gần|hơn|trên|có|tổng số|tổng cộng)\s+)?",
    re.IGNORECASE,
)
# what may stand between a number and the field label after it: the counted noun, then connectors
_BEFORE_GAP = re.compile(
    rf"\s+(?:{_W}+(?:\s+{_W}+){{0,2}})(?:\s*,\s*{_W}+(?:\s+{_W}+)?)?\s+"
    r"(?:còn lại\s+)?(?:(?:là\s+)?(?:thuộc|về|trong|ở|trên|cho|của)\s+)?(?:(?:các\s+)?(?:lĩnh vực|mảng|nhóm)\s+)?"
    r"(?:(?:bảo đảm|đảm bảo|giữ gìn|giữ vững|về|phục vụ|hỗ trợ|tham gia)\s+)?",
    re.IGNORECASE,
)
_BEFORE_GAP_BAD = re.compile(r"\b(?:và|hoặc|của|được|đã|có|với|tại|như|trong đó)\b", re.IGNORECASE)
_REMAINDER = re.compile(r"\bcòn lại\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(
    r"\s*[,;.]?\s*(?:tổng\s+(?:cộng|số)|tổng)\s*(?:là|[:|])?\s*(?P<num>\d{1,3}(?:\.\d{3})+|\d+)", re.IGNORECASE
)
_LEVEL = re.compile(r"\bcấp\s+(?:tỉnh|huyện|xã|cơ sở|thành phố|thị xã|trung ương)\b", re.IGNORECASE)
_NEW_TOPIC = re.compile(r"(?<![^\W_])(?:ngoài\s+ra|bên\s+cạnh\s+đó|mặt\s+khác)(?![^\W_])", re.IGNORECASE)
_ENUM_ITEM_BEFORE = re.compile(r"(?:(?<![^\W_])(?:trong\s+đó(?:\s+có)?|gồm(?:\s+có)?|bao\s+gồm|và)\s*:?|,)\s*$", re.IGNORECASE)
_MAX_LIST_GAP = 220  # characters between two labels of one list
_MAX_TOTAL_DIST = 420  # characters from the total to the first part


# -- the finder ---------------------------------------------------------------------------------

class BreakdownFinder(Component):
    """Finds field breakdowns (and non-field splits) from the counts on a Doc."""

    fact_type, label = "breakdowns", "BREAKDOWN"

    def __init__(self, *, max_list_gap: int = _MAX_LIST_GAP, max_total_distance: int = _MAX_TOTAL_DIST,
                 name: str | None = None, on_error: str = "record") -> None:
        super().__init__(name=name, on_error=on_error)
        self.max_list_gap = max_list_gap
        self.max_total_distance = max_total_distance

    def match(self, doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        text = doc_text(doc)
        return self.find(text, facts(doc).get("counts"), Boilerplate(doc), sentences=sentence_spans(doc),
                         labels=doc_labels(doc, text))

    def set_annotations(self, doc: Doc, records: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        by_field, others = records
        facts(doc).setdefault("breakdowns", [])
        for record in sorted(by_field + others, key=lambda r: r["span"][0]):
            add_fact(doc, "breakdowns", record, label="BREAKDOWN")

    # public for tests and for callers without a spaCy Doc
    def find(self, text: str, counts: list[dict[str, Any]] | None, boiler: Boilerplate | None = None, *,
             sentences: list[list[int]] | None = None,
             labels: list[Label] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Field breakdowns and the others (by kind, level, …); ``sentences`` are the spans of
        ``dvnlp_sentences`` (without them the text is one sentence)."""
        nums = nums_from_counts(counts) if counts is not None else nums_from_text(text)
        if boiler is not None:
            nums = [n for n in nums if not boiler.covers(n.start, n.end)]
        labels = [lab for lab in (find_labels(text) if labels is None else labels)
                  if boiler is None or not boiler.covers(lab.start, lab.end)]
        sents = [list(x) for x in sentences] if sentences else [[0, len(text)]]
        sent_starts = [a for a, _ in sents]
        starts = [n.start for n in nums]
        used: set[int] = set()  # ids of Num used as parts or totals
        part_ids: set[int] = set()
        out: list[dict[str, Any]] = []
        for group in self._lists(text, labels, nums):
            parts = self._assign(text, group, nums, starts, used)
            if len(parts) < 2:
                continue
            record = self._with_total(text, parts, nums, starts, used, sent_starts)
            if record is not None:
                out.append(record)
                part_ids.update(id(n) for _, n, _ in parts)
        others = self._splits(text, nums, part_ids, sent_starts)
        used.update(part_ids)
        for r in others:
            used.update(id(n) for n in nums if [n.start, n.span_end] in r["part_spans"] + [r["total_span"]])

        def sentence_span(pos: int) -> tuple[int, int]:
            a, b = sents[max(0, bisect.bisect_right(sent_starts, pos) - 1)]
            return a, b

        others += find_enumerations(text, nums, used, sentence_span)
        others += find_layouts(text, nums, used, sents)
        others += find_spread(text, nums, used, sents, out + others)
        return out, others

    # a list: labels close together, no field repeated, no paragraph break between
    def _lists(self, text: str, labels: list[Label], nums: list[Num]) -> list[list[Label]]:
        groups: list[list[Label]] = []
        for lab in labels:
            cur = groups[-1] if groups else None
            if cur is not None:
                prev = cur[-1]
                gap = text[prev.end:lab.start]
                if (lab.start - prev.end <= self.max_list_gap and "\n\n" not in gap.replace("\r", "")
                        and lab.field not in {x.field for x in cur}):
                    cur.append(lab)
                    continue
            groups.append([lab])
        return groups

    @staticmethod
    def _after(text: str, lab: Label, nums: list[Num], starts: list[int]) -> Num | None:
        i = bisect.bisect_left(starts, lab.end)
        if i >= len(nums) or nums[i].start - lab.end > 40:
            return None
        n = nums[i]
        return n if _AFTER_GAP.fullmatch(text, lab.end, n.start) else None

    @staticmethod
    def _before(text: str, lab: Label, nums: list[Num], starts: list[int]) -> Num | None:
        i = bisect.bisect_left(starts, lab.start) - 1
        while i >= 0 and nums[i].end > lab.start:
            i -= 1
        if i < 0:
            return None
        best = nums[i]
        if lab.start - best.end > 70:
            return None
        gap = text[best.end:lab.start]
        if not _BEFORE_GAP.fullmatch(gap):
            return None
        # the noun words must not hide a clause: "… 15 hộ và xã đã phát triển kinh tế"
        noun = re.sub(r"\bcòn lại\b|\b(?:thuộc|về|trong|ở|trên|cho|của)\s+(?:các\s+)?lĩnh vực\b", "", gap.strip())
        if _BEFORE_GAP_BAD.search(noun):
            return None
        return best

    def _assign(self, text: str, group: list[Label], nums: list[Num], all_starts: list[int],
                used: set[int]) -> list[tuple[Label, Num, str]]:
        lo = bisect.bisect_left(all_starts, group[0].start - 80)
        hi = bisect.bisect_right(all_starts, group[-1].end + 80)
        usable = [n for n in nums[lo:hi] if id(n) not in used and n.of is None and not n.percent]
        starts = [n.start for n in usable]
        after = {i: self._after(text, lab, usable, starts) for i, lab in enumerate(group)}
        before = {i: self._before(text, lab, usable, starts) for i, lab in enumerate(group)}

        def run(first: dict[int, Num | None], second: dict[int, Num | None], n1: str, n2: str):
            taken: dict[int, tuple[Num, str]] = {}
            ids: set[int] = set()
            for i in range(len(group)):
                n = first[i]
                if n is not None and id(n) not in ids:
                    taken[i] = (n, n1)
                    ids.add(id(n))
            for i in range(len(group)):
                n = second[i]
                if i not in taken and n is not None and id(n) not in ids:
                    taken[i] = (n, n2)
                    ids.add(id(n))
            return taken

        a = run(after, before, "label_number", "number_label")
        b = run(before, after, "number_label", "label_number")
        best = a if len(a) >= len(b) else b
        return [(group[i], n, how) for i, (n, how) in sorted(best.items())]

    def _with_total(self, text: str, parts: list[tuple[Label, Num, str]], nums: list[Num], starts: list[int],
                    used: set[int], sent_starts: list[int]) -> dict[str, Any] | None:
        part_ids = {id(n) for _, n, _ in parts}
        first = min(min(lab.start, n.start) for lab, n, _ in parts)
        last = max(max(lab.end, n.span_end) for lab, n, _ in parts)
        heads = {unit_key(n.unit) for _, n, _ in parts} - {None}
        biggest = max(n.value for _, n, _ in parts)
        # the window: the sentence of the first part and the two before it
        k = max(0, _bisect_right(sent_starts, first) - 1)
        window_start = max(sent_starts[max(0, k - 2)], first - self.max_total_distance)
        cands: list[Num] = []
        i0 = bisect.bisect_left(starts, first)
        for j in range(i0 - 1, -1, -1):
            n = nums[j]
            if n.end > first or id(n) in part_ids or id(n) in used:
                continue
            if n.start < window_start:
                break
            if _NEW_TOPIC.search(text, n.span_end, first):  # "…; ngoài ra có 12 mô hình kinh tế …"
                break
            if n.of is not None or n.percent or n.value < biggest or n.value < 2:
                continue
            if heads and not (unit_key(n.unit) in heads or _agree(unit_key(n.unit), heads)):
                continue
            if not heads and not n.unit:
                continue
            if _is_money(n.unit):
                continue
            cands.append(n)
        # a nearer candidate that is itself one item of an enumeration ("55 mô hình, trong đó có
        # 40 mô hình ở cấp xã và 15 mô hình ở cấp huyện; …") gives way to the total it belongs to
        total: Num | None = None
        whole = sum(n.value for _, n, _ in parts)
        if len(cands) > 1 and (same := next((n for n in cands if abs(n.value - whole) < 1e-6), None)):
            cands = [same]  # ``1.200 mô hình đăng ký, trong đó 1.050 … được công nhận, gồm 500 …``: the nested total
        for i, n in enumerate(cands):
            later = [m for m in cands[i + 1:] if m.value > n.value]
            if later and _ENUM_ITEM_BEFORE.search(text, max(0, n.start - 20), n.start):
                continue
            total = n
            break
        if total is None:  # a total the counts missed ("tổng số 40 mô hình"): read it from the text
            total = self._raw_total(text, nums, window_start, first, heads, biggest)
        after_total = None
        if total is None:  # "… kinh tế 7, văn hóa - xã hội 6; tổng cộng 13 mô hình"
            m = _TOTAL_AFTER.match(text, last)
            if m:
                after_total = (parse_number(m.group("num")), m.start("num"), m.end("num"))
                hit = next((n for n in nums if n.start == m.start("num")), None)
                if hit is not None:
                    total = hit
        if total is None and after_total is None:
            return None
        for _, n, _ in parts:
            used.add(id(n))
        if total is not None:
            used.add(id(total))
            t_value, t_span = total.value, [total.start, total.span_end]
            t_unit = total.unit
        else:
            t_value, t_span = after_total[0], [after_total[1], after_total[2]]
            t_unit = None
        hows = {how for _, _, how in parts}
        rule = "fields:" + ("mixed" if len(hows) > 1 else hows.pop())
        lo_pos = min(first, t_span[0])
        crossing = bisect.bisect_left(sent_starts, last) - bisect.bisect_right(sent_starts, lo_pos)
        if crossing:
            rule += "+sentences"
        if _REMAINDER.search(text, min(first, t_span[0]), last):
            rule += "+remainder"
        part_spans = [[min(lab.start, n.start), max(lab.end, n.span_end)] for lab, n, _ in parts]
        return {
            "total": t_value,
            "unit": t_unit or next((n.unit for _, n, _ in parts if n.unit), None),
            "parts": [{"value": n.value, "label": lab.text, "field": lab.field} for lab, n, _ in parts],
            "span": [min(t_span[0], first), max(t_span[1], last)],
            "total_span": t_span,
            "part_spans": part_spans,
            "rule": rule, "by": "field",
            # the parts cover the total: they add up, name all four fields or end with "còn lại"
            "partition": abs(sum(n.value for _, n, _ in parts) - t_value) < 1e-6
            or len({lab.field for lab, _, _ in parts}) == 4 or "+remainder" in rule,
            "total_qualifier": total.qualifier if total is not None else None,
        }

    @staticmethod
    def _raw_total(text: str, nums: list[Num], start: int, end: int, heads: set[str], biggest: float) -> Num | None:
        covered = [(n.start, n.end) for n in nums if n.end >= start and n.start <= end]
        blocked = [m.span() for p in (SYMBOL, DATE, RATIO, QUOTED) for m in p.finditer(text, start, end)]
        best = None
        for m in NUMBER.finditer(text, start, end):
            a, b = m.span()
            if m.group("pct") or any(s <= a < e for s, e in covered + blocked):
                continue
            u = UNIT_AFTER.match(text, b)
            unit = u.group(1) if u else None
            head = unit_key(unit)
            if head is None or not (head in heads or _agree(head, heads) or (not heads and head in _FAMILY)):
                continue
            value = parse_number(m.group("num"))
            if value < biggest:
                continue
            best = Num(value, a, b, u.end(1), " ".join(head.split()) if head else unit, None, False)
        return best

    # -- splits that are not by field ---------------------------------------------------------------
    def _splits(self, text: str, nums: list[Num], part_ids: set[int], sent_starts: list[int]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []

        def kind_of(n: Num) -> tuple[str, str] | None:
            unit = (n.unit or "").lower()
            if unit.startswith("tập thể"):
                return "collective_individual", "tập thể"
            if unit.startswith("cá nhân"):
                return "collective_individual", "cá nhân"
            tail = unit + " " + text[n.span_end:n.span_end + 20].lower()
            if re.search(r"\bmới\b", tail) and re.match(r"[^\W\d_]*(?:\s+[^\W\d_]+)?\s+mới\b", tail):
                return "new_replicated", "mới"
            if re.match(r"[^\W\d_]*(?:\s+[^\W\d_]+)?\s+(?:được\s+|đã\s+được\s+)?nhân\s+rộng\b", tail):
                return "new_replicated", "nhân rộng"
            lev = None
            for lev in _LEVEL.finditer(text, max(0, n.start - 30), n.start):
                pass  # the level nearest the number (``…, cấp huyện 420 mô hình, cấp xã 700``)
            if lev and text[lev.end():n.start].strip(" :-–") in ("", "công nhận", "có"):
                return "level", lev.group(0)
            return None

        by_sentence: dict[int, list[Num]] = {}
        for n in nums:
            if id(n) not in part_ids and n.of is None and not n.percent:
                by_sentence.setdefault(bisect.bisect_right(sent_starts, n.start), []).append(n)
        for inside in by_sentence.values():
            tagged = [(n, kind_of(n)) for n in inside]
            by_kind: dict[str, list[tuple[Num, str]]] = {}
            for n, k in tagged:
                if k:
                    by_kind.setdefault(k[0], []).append((n, k[1]))
            for by, members in by_kind.items():
                if len({lab for _, lab in members}) < 2:
                    continue
                first = members[0][0]
                total = next((n for n in reversed(inside) if n.end <= first.start and not kind_of(n)
                              and n.value >= max(m.value for m, _ in members)), None)
                if total is None:  # ``150 tập thể, 95 cá nhân được khen thưởng, tổng cộng 245 điển hình``
                    last = max(n.span_end for n, _ in members)
                    total = next((n for n in inside if n.start >= last and not kind_of(n)
                                  and _SUM_WORD.search(text, max(last, n.start - 20), n.start)
                                  and abs(n.value - sum(m.value for m, _ in members)) < 1e-6), None)
                if total is None:
                    continue
                out.append({
                    "total": total.value, "unit": total.unit,
                    "parts": [{"value": n.value, "label": lab, "field": None} for n, lab in members],
                    "span": [min(total.start, first.start), max(total.span_end, *(n.span_end for n, _ in members))],
                    "total_span": [total.start, total.span_end],
                    "part_spans": [[n.start, n.span_end] for n, _ in members],
                    "rule": f"split:{by}", "by": "level" if by == "level" else "kind",
                    "partition": abs(sum(n.value for n, _ in members) - total.value) < 1e-6,
                    "total_qualifier": total.qualifier,
                })
        return out


_FAMILY = frozenset({"mô hình", "điển hình"})
#: the word before a total written after its parts
_SUM_WORD = re.compile(r"(?<![^\W_])(?:tổng\s+(?:cộng|số)|tổng|cộng)(?:\s+(?:là|có))?\s*:?\s*$", re.IGNORECASE)


def _agree(head: str | None, heads: set[str]) -> bool:
    """``mô hình`` and ``điển hình`` count the same things in these reports."""
    return head in _FAMILY and bool(heads & _FAMILY)


def _is_money(unit: str | None) -> bool:
    return bool(unit) and bool(re.search(r"\bđồng\b|\bUSD\b", unit, re.IGNORECASE))


def _bisect_right(xs: list[int], x: int) -> int:
    return bisect.bisect_right(xs, x)


@Language.factory("dvnlp_breakdowns", default_config={"max_list_gap": _MAX_LIST_GAP, "max_total_distance": _MAX_TOTAL_DIST,
                                                     "on_error": "record"})
def make_breakdowns(nlp: Language, name: str, *, max_list_gap: int, max_total_distance: int,
                    on_error: str) -> BreakdownFinder:
    return BreakdownFinder(max_list_gap=max_list_gap, max_total_distance=max_total_distance, name=name,
                           on_error=on_error)
