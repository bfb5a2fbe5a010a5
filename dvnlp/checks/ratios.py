"""``ratio_exceeds_total`` (``26/24 đơn vị``) and ``percent_mismatch`` (``45/50 xã, đạt 95%``).

A percentage is compared with a ratio only when it *summarizes* it (annotation guideline §8):
it follows the ratio in the same sentence, with no ``;`` and no other ratio or percentage
between, and is introduced as the ratio's rate — ``x/y …, đạt p%``, ``x/y (p%)``,
``đạt tỷ lệ p%``, ``chiếm p%`` — or stands right before it, ``đạt p% (x/y)``. A percentage of
another base (``…; tỷ lệ hộ dùng nước hợp vệ sinh đạt 96%``, ``đạt 100% kế hoạch``) is not compared.

Tolerance: ``|100·x/y − p| ≤ 0.5 + half a unit of the last written digit of p`` (≤ 1.0 for
``95%``, ≤ 0.55 for ``86,7%``, ≤ 0.505 for ``95,45%``). A hedged percentage is a bound:
``hơn/trên p%`` is wrong only when x/y is below p, ``gần/dưới p%`` only when it is above.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from dvnlp.checks.sums import fmt, fmt_vi, hedge_kind
from dvnlp.facts.report import Count, Finding, Report
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import parse_number

_BREAK = re.compile(r"[;!?\n]|\.(?!\d)(?=\s|$)")
_INTRO = re.compile(
    r"(?:(?<![^\W_])(?:đạt|chiếm|bằng|là|tương\s+đương|tương\s+ứng|đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ|với\s+tỷ\s+lệ|"
    r"với\s+tỉ\s+lệ|tỷ\s+lệ|tỉ\s+lệ|đạt\s+mức)|[(=:–-])\s*"
    r"(?:(?:hơn|trên|gần|khoảng|xấp\s+xỉ|ước|dưới|chưa\s+đến|gần\s+như|không\s+quá|tối\s+đa|tối\s+thiểu|ít\s+nhất|"
    r"lên\s+đến|lên\s+tới|tới|đến)\s+)?$",
    re.IGNORECASE,
)
_RATE_WORD = re.compile(r"(?<![^\W_])(?:tỷ|tỉ)\s+lệ(?![^\W_])", re.IGNORECASE)
_OTHER_BASE_AFTER = re.compile(
    r"\s*(?:so\s+với|kế\s+hoạch|chỉ\s+tiêu|dự\s+toán|cùng\s+kỳ|KH\b|mục\s+tiêu|nhiệm\s+vụ\s+đề\s+ra|trở\s+lên|số\s+phiếu|"
    r"dân\s+số|diện\s+tích|tổng\s+số|vốn)",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+([^\W\d_])")
_ADDRESS_AFTER = re.compile(r"(?:,\s*|\s)(?:P\.|Q\.|F\.?\d|phường\s+\d|quận\s+\d|KP\s?\d|khu\s+phố\s+\d|ĐT\s*:|Tp\.|TP\.)")


@cache
def _words() -> dict[str, frozenset[str]]:
    """The noun lists of ``dvnlp/rules/units.json`` the ratio check reads (counted nouns, street
    words, capitalized nouns, multipliers, place nouns that a name may follow)."""
    by_kind: dict[str, set[str]] = {}
    for e in load_rules("units").entries:
        by_kind.setdefault(e.get("kind", ""), set()).add(e["noun"] if e.get("kind") == "capitalized_noun" else e["noun"].lower())
    return {k: frozenset(by_kind.get(k, ())) for k in ("counted", "street", "capitalized_noun", "multiplier", "apposed_name")}


def _is_percent(c: Count) -> bool:
    return (c.unit or "").strip() in ("%", "phần trăm")


def _nspan(c: Count) -> tuple[int, int]:
    ns = getattr(c, "number_span", None)
    return (int(ns[0]), int(ns[1])) if ns else (int(c.span[0]), int(c.span[1]))


def plausible_ratio(c: Count, text: str) -> bool:
    """A written ratio x/y the checks may compare. Dates, addresses, ``24/7`` and the like are not
    counts at all (``dvnlp_counts`` leaves them out); here: the record must match what is written
    (a misread ``644.000ha`` must not become 644), and a small x/y that could still be a day and a
    month (``10/2 hộ``) is checked only when it counts an organisational noun (``11/12 xã``)."""
    if c.of is None or c.value is None or c.span is None:
        return False
    x, y = float(c.value), float(c.of)
    if y <= 0:
        return False
    written = [parse_number(t) for t in re.findall(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
                                                     text[int(c.span[0]):int(c.span[1])])]
    if x not in written or y not in written:
        return False
    if x.is_integer() and y.is_integer() and 1 <= x <= 31 and 1 <= y <= 12:
        words = re.findall(r"[^\W\d_]+", (c.unit or "").lower())
        return any(" ".join(words[:k]) in _words()["counted"] for k in (1, 2, 3))
    return True


def _counts_things(c: Count, text: str) -> bool:
    """Whether x/y counts things (``17/16 xã``), not an address (``502/472 Nguyễn Đình Chiểu``,
    ``35/4A Lâm Văn Bền``, ``45/7 duong 22``, ``21/6 thị trấn Hóc Môn``) or a rate per ten thousand (``249/1 vạn``)."""
    unit = (c.unit or "").strip()
    if not unit or not unit[0].isalpha() or unit[0].isupper():
        return False
    a, b = _nspan(c)
    if b < len(text) and text[b].isalnum():  # 35/4A
        return False
    words = re.findall(r"[^\W\d_]+", unit.lower())
    lists = _words()
    if not words or words[0] in lists["multiplier"]:
        return False
    tail = unit.split()[1:]
    if words[0] in lists["street"] or any(a[:1].isupper() and b[:1].isupper() and f"{a} {b}" not in lists["capitalized_noun"]
                                          for a, b in zip(tail, tail[1:])):  # "đường Ung Văn Khiêm": a street, a name
        return False
    after = _WORD_AFTER.match(text, int(c.span[1]))
    if " ".join(words) in lists["apposed_name"] and after and after.group(1).isupper():
        return False  # "21/6 thị trấn Hóc Môn", "bệnh viện 19/8 phường Mai Dịch": a house number in a named place
    if any(" ".join(words[:k]) in lists["counted"] for k in (1, 2, 3)):
        return True
    if unit.isascii():  # a Vietnamese noun has marks; bare ASCII here is an address or a code
        return False
    return not _ADDRESS_AFTER.search(text, b, min(len(text), b + 60))


def decimals(written: str) -> int:
    """Digits after the decimal comma of a written percentage (``95,45`` → 2, ``95`` → 0)."""
    m = re.search(r"[,.](\d+)\s*%?\s*$", written.strip())
    if m and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", written.strip().rstrip("%").strip()):
        return len(m.group(1))
    return 0


def tolerance(written: str) -> float:
    return 0.5 + 0.5 * 10 ** (-decimals(written))


def _written(text: str, c: Count) -> str:
    a, b = _nspan(c)
    return text[a:b].replace("%", "").strip()


def _summarizes(text: str, ratio: Count, pct: Count) -> bool:
    """Whether ``pct`` is written as the rate of ``ratio`` (same clause, rate wording)."""
    r_end = int(ratio.span[1])
    p_start, p_end = _nspan(pct)
    if p_start >= r_end:  # x/y …, đạt p%
        between = text[r_end:p_start]
        if len(between) > 160 or _BREAK.search(between):
            return False
        intro = _INTRO.search(between)
        if not intro:
            return False
        # "…; tỷ lệ hộ dùng nước … đạt 96%": a rate word that names another base
        head = between[:intro.start()]
        if _RATE_WORD.search(head):
            return False
        # "… 600 CN Công ty Quint (100% vốn …)": a parenthesis after a proper name describes the name
        if intro.group(0).lstrip().startswith("(") and re.search(r"(?<![^\W_])[A-ZĐ]\w*\s+[A-ZĐ]", head):
            return False
        after = text[int(pct.span[1]):int(pct.span[1]) + 30]
        if _OTHER_BASE_AFTER.match(after):
            return False
        return True
    r_start = _nspan(ratio)[0]
    if int(pct.span[1]) <= r_start:  # đạt p% (x/y …)
        between = text[int(pct.span[1]):r_start]
        return bool(re.fullmatch(r"\s*\(\s*(?:(?:đạt|với|gồm|là)\s+)?", between, re.IGNORECASE))
    return False


def check_ratios(report: Report) -> tuple[list[Finding], int, int, list[dict[str, Any]]]:
    """Findings, ratios checked, ratio–percentage pairs compared, percentages without base."""
    text = report.text
    findings: list[Finding] = []
    counts = sorted((c for c in report.counts if c.span is not None and c.value is not None), key=lambda c: c.span[0])
    ratios = [c for c in counts if plausible_ratio(c, text)]
    percents = [c for c in counts if _is_percent(c) and c.of is None]
    for c in ratios:
        if float(c.value) > float(c.of) and _counts_things(c, text):
            written = text[int(c.span[0]):int(c.span[1])]
            findings.append(Finding(
                kind="ratio_exceeds_total", severity="error",
                message=f"“{written}”: the part ({fmt(c.value)}) is larger than the whole ({fmt(c.of)}).",
                message_vi=f"“{written}”: số đạt ({fmt_vi(c.value)}) lớn hơn tổng số ({fmt_vi(c.of)}).",
                evidence=[(int(c.span[0]), int(c.span[1]))],
                details={"value": float(c.value), "of": float(c.of), "unit": c.unit},
            ))
    # pair every ratio with the percentage that summarizes it (each used once)
    used: set[int] = set()
    pairs = 0
    p_starts = [_nspan(p)[0] for p in percents]
    rivals = [c for c in counts if c.of is not None or _is_percent(c)]
    rival_starts = [int(c.span[0]) for c in rivals]
    for r in ratios:
        r_pos = int(r.span[0])
        cands = []
        lo_i = bisect.bisect_left(p_starts, r_pos - 200)
        hi_i = bisect.bisect_right(p_starts, int(r.span[1]) + 200)
        for i in range(lo_i, hi_i):
            p = percents[i]
            if i in used:
                continue
            ps = p_starts[i]
            # nothing that competes between them: another ratio or percentage
            lo, hi = (int(r.span[1]), ps) if ps >= int(r.span[1]) else (int(p.span[1]), r_pos)
            between = rivals[bisect.bisect_left(rival_starts, lo):bisect.bisect_left(rival_starts, hi)]
            if any(o is not r and o is not p for o in between):
                continue
            if _summarizes(text, r, p):
                cands.append((abs(ps - r_pos), i, p))
        if not cands:
            continue
        _, i, p = min(cands, key=lambda t: t[0])
        used.add(i)
        pairs += 1
        x, y = float(r.value), float(r.of)
        actual = 100.0 * x / y
        stated = float(p.value)
        written = _written(text, p)
        tol = tolerance(written)
        kind = hedge_kind(p.qualifier)
        if kind == "lower":
            bad = actual < stated - tol
        elif kind == "upper":
            bad = actual > stated + tol
        else:
            if kind == "approx":
                tol = max(tol, 2.0)
            bad = abs(actual - stated) > tol + 1e-9
        if not bad:
            continue
        r_text = text[int(r.span[0]):int(r.span[1])]
        findings.append(Finding(
            kind="percent_mismatch", severity="error",
            message=f"{fmt(x)}/{fmt(y)} is {actual:.2f}%, but the text states {written}% "
                    f"(allowed difference {tol:g}).",
            message_vi=(f"{fmt_vi(x)}/{fmt_vi(y)} tương đương " + f"{actual:.2f}".replace(".", ",")
                        + f"%, nhưng văn bản ghi {written}% (sai số cho phép " + f"{tol:g}".replace(".", ",") + ")."),
            evidence=[(int(r.span[0]), int(r.span[1])), (int(p.span[0]), int(p.span[1]))],
            details={"value": x, "of": y, "computed_percent": round(actual, 4), "stated_percent": stated,
                     "written": written, "tolerance": tol, "qualifier": p.qualifier, "ratio_text": r_text},
        ))
    unchecked = [{"what": "percentage without base", "span": [int(p.span[0]), int(p.span[1])], "value": float(p.value)}
                 for i, p in enumerate(percents) if i not in used]
    return findings, len(ratios), pairs, unchecked
