"""The numbers a breakdown is built from (part of :mod:`dvnlp.components.breakdowns`): the records of
``dvnlp_counts`` as :class:`~dvnlp.components.enumerations.Num`, or — when that component did not run —
bare numbers with a guessed noun; and the key two units must share to be parts of one total.
"""
from __future__ import annotations

import re
from typing import Any

from dvnlp.components.enumerations import Num
from dvnlp.components.fields import Spans as _Spans
from dvnlp.segment.patterns import DATE, NUMBER, QUOTED, RATIO, SYMBOL, parse_number

LETTER = r"[^\W\d_]"  # one letter (also used by breakdowns)


def nums_from_counts(records: list[dict[str, Any]]) -> list[Num]:
    out = []
    for r in records:
        try:
            span = r.get("span") or [0, 0]
            nspan = r.get("number_span") or span
            out.append(Num(float(r["value"]), int(nspan[0]), int(nspan[1]), int(span[1]), r.get("unit"),
                           r.get("of"), (r.get("unit") or "").strip() == "%", r))
        except (KeyError, TypeError, ValueError):
            continue
    out.sort(key=lambda n: n.start)
    return out


UNIT_AFTER = re.compile(rf"\s+({LETTER}+(?:\s+{LETTER}+)?)")
_UNIT_STOP = frozenset("được đã đang sẽ của cho với và tại ở trên trong thuộc theo từ đến về là có đạt như gồm "
                       "còn chiếm năm tháng".split())


def nums_from_text(text: str) -> list[Num]:
    """Bare numbers with a guessed noun: only used when ``dvnlp_counts`` has not run."""
    spans = [m.span() for p in (SYMBOL, DATE, QUOTED) for m in p.finditer(text)]
    blocked = _Spans(spans)
    out: list[Num] = []
    for m in RATIO.finditer(text):
        if blocked.covers(m.start()):
            continue
        spans.append(m.span())
        out.append(Num(parse_number(m.group("x")), m.start(), m.end(), m.end(), None, parse_number(m.group("y")), False))
    blocked = _Spans(spans)
    for m in NUMBER.finditer(text):
        a, b = m.span()
        if blocked.covers(a):
            continue
        before = text[max(0, a - 12):a].lower()
        if re.search(r"(?:năm|thôn|tổ|khóa|thứ|số|giai đoạn)\s*$", before):
            continue
        unit, end = None, b
        if m.group("pct"):
            unit = "%"
        else:
            u = UNIT_AFTER.match(text, b)
            if u:
                words = [w for w in u.group(1).split()]
                keep = []
                for w in words:
                    if w.lower() in _UNIT_STOP:
                        break
                    keep.append(w)
                if keep and keep[0].lower() in ("năm", "tháng"):
                    continue
                if keep:
                    unit = " ".join(keep)
                    end = u.start(1) + len(unit)
        out.append(Num(parse_number(m.group("num")), a, b, end, unit, None, unit == "%"))
    out.sort(key=lambda n: n.start)
    return out


def unit_key(unit: str | None) -> str | None:
    """The head noun of a unit, for agreement: its first two syllables, lower-cased."""
    if not unit:
        return None
    words = re.findall(rf"{LETTER}+", unit.lower())
    return " ".join(words[:2]) if words else None
