"""Field labels (lĩnh vực) in report text: ``kinh tế``, ``văn hóa - xã hội``, ``quốc phòng – an ninh``,
``xây dựng hệ thống chính trị`` … found with the keywords of ``dvnlp/rules/fields.json``.

Any dash and a comma between the two halves of a pair read as a hyphen; long keywords also match
without tone marks (``xây dựng hê thống chính trị``); labels inside quoted model names and words
that make a keyword something else (``nhà văn hóa``, ``kinh tế - xã hội``) are refused. Used by
the breakdowns component (parts) and the models component (the field a clause states).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import DASH, QUOTED, by_first_letter

# words right before a field keyword that make it something else (nhà văn hóa, Ban Kinh tế …)
_NOT_FIELD_BEFORE = re.compile(
    r"(?:\b(?:nhà|gia đình|làng|thôn|bản|buôn|khu dân cư|tổ dân phố|đời sống|danh hiệu|trung tâm|thiết chế|"
    r"di sản|lễ hội|ban|khu|vùng|nền|tình hình|chính trị|tổ chức|chuẩn|phong trào|sinh hoạt|giá trị|"
    r"bản sắc|điểm|phòng|sở|ủy ban|hội đồng|quỹ|tội phạm|nhiệm vụ|mục tiêu|kế hoạch|chương trình)\s+)$",
    re.IGNORECASE,
)
@dataclass
class Label:
    start: int
    end: int
    field: str
    text: str


class Spans:
    """Merged, sorted character spans with a fast "inside" test."""

    def __init__(self, spans) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.spans = merged

    def covers(self, a: int, b: int | None = None) -> bool:
        """``[a, b)`` (or position ``a``) lies inside one span."""
        i = bisect.bisect_right(self.starts, a) - 1
        return i >= 0 and a < self.spans[i][1] and (b is None or b <= self.spans[i][1])

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.spans[i][1] > a


def _fold(text: str) -> str:
    """Lower-case ``text`` without tone and vowel marks, one character for one (offsets are kept)."""
    return text.lower().translate(_fold_table())


class _FoldTable(dict):
    """``str.translate`` table filled on demand: a character to the first character of its NFD
    (its base letter), ``đ``/``ð`` to ``d``."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "d" if ch in "đð" else unicodedata.normalize("NFD", ch)[0]
        self[code] = base
        return base


@cache
def _fold_table() -> _FoldTable:
    return _FoldTable()


def _keyword_regex(kw: str, field: str) -> str:
    pieces = []
    for tok in re.split(r"(\s*[%s,]\s*|\s+)" % DASH, kw.strip()):
        if not tok:
            continue
        if tok.strip() == "," or (tok.strip() and tok.strip() in DASH):
            pieces.append(rf"\s*(?:[{DASH}]|,)\s*")
        elif not tok.strip():
            pieces.append(r"\s+")
        else:
            pieces.append(re.escape(tok))
    body = "".join(pieces)
    if field == "economy":  # kinh tế - xã hội / kinh tế, xã hội: socio-economic, not a field
        body += (rf"(?!\s*(?:[{DASH}]|,)\s*x[ãa]\s+h[ộo]i)(?!\s+x[ãa]\s+h[ộo]i)"
                 r"(?!\s+(?:biển|số|tư nhân|nhà nước|tập thể|vùng|trang trại|hộ|bien|so|tu nhan|nha nuoc|tap the|vung|trang trai|ho)(?![^\W_]))")
    return body


@cache
def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The exact pattern of all keywords, and a tone-insensitive one of the long keywords (typos such
    as ``xây dựng hê thống chính trị``)."""
    alts: list[tuple[str, str]] = []
    for entry in load_rules("fields").entries:
        for kw in entry["keywords"]:
            alts.append((kw, entry["field"]))
    alts.sort(key=lambda x: len(x[0]), reverse=True)
    # each keyword's named group opens after its first letter, which by_first_letter puts in a leading class
    # (a scan 3-5x faster than ``(?<![^\W_])(?:(?P<f0_…>xây…)|…)``; only the match's span and group name are read)
    def named(i: int, field: str, body: str) -> str:
        return f"{body[0]}(?P<f{i}_{field}>{body[1:]})"

    exact = [named(i, field, _keyword_regex(kw, field)) for i, (kw, field) in enumerate(alts)]
    folded = [named(i, field, _keyword_regex(_fold(kw), field)) for i, (kw, field) in enumerate(alts)
              if len(re.findall(r"[^\W\d_]+", kw)) >= 4]
    wrap = r"(?:{})(?![^\W_])"
    return (re.compile(wrap.format(by_first_letter(exact, word_start=True))),
            re.compile(wrap.format(by_first_letter(folded, ignore_case=False, word_start=True))) if folded else None)


_LABELS_KEY = "dvnlp.field_labels"


def doc_labels(doc, text: str) -> list[Label]:
    """:func:`find_labels` of a Doc's text, found once per Doc (counts and breakdowns both read
    them); cached in ``doc.user_data`` as plain tuples, so the Doc still serializes."""
    cached = doc.user_data.get(_LABELS_KEY)
    if not (isinstance(cached, tuple) and len(cached) == 2 and cached[0] == len(text)):
        cached = (len(text), [(lab.start, lab.end, lab.field, lab.text) for lab in find_labels(text)])
        doc.user_data[_LABELS_KEY] = cached
    return [Label(*x) for x in cached[1]]


def find_labels(text: str) -> list[Label]:
    """Field labels in ``text`` outside quoted names, with their field."""
    quoted = Spans(m.span() for m in QUOTED.finditer(text))
    exact, folded = _field_patterns()
    found: list[tuple[int, int, str]] = []
    for m in exact.finditer(text):
        found.append((m.start(), m.end(), m.lastgroup or ""))
    if folded is not None:
        taken = Spans((a, b) for a, b, _ in found)
        for m in folded.finditer(_fold(text)):
            if not taken.overlaps(m.start(), m.end()):
                found.append((m.start(), m.end(), m.lastgroup or ""))
    out = []
    for a, b, name in sorted(found):
        if "_" not in name or quoted.covers(a, b):
            continue
        if _NOT_FIELD_BEFORE.search(text[max(0, a - 25):a]):
            continue
        out.append(Label(a, b, name.split("_", 1)[1], text[a:b]))
    return out
