"""The cross-document check's place, whole-level and year patterns start with a class of their first letters;
they find what their plain look-behind-first forms find (dvnlp.checks.crossdoc)."""
from __future__ import annotations

import re

import pytest

from dvnlp.checks import crossdoc
from dvnlp.segment.patterns import DASH

PLAIN = {
    "PLACE": (crossdoc._PLACE, re.compile(
        r"(?<![^\W_])(?P<level>Tỉnh\s+ủy|Huyện\s+ủy|Thành\s+ủy|Thị\s+ủy|Quận\s+ủy|Đảng\s+ủy\s+xã|tỉnh|huyện|thành\s+phố|"
        rf"thị\s+xã|quận|xã|phường|thị\s+trấn)\s+(?P<name>{crossdoc._NAME})")),
    "WHOLE": (crossdoc._WHOLE, re.compile(
        r"(?<![^\W_])toàn\s+(?P<level>tỉnh|huyện|thành\s+phố|thị\s+xã|quận|xã|phường|thị\s+trấn)(?![^\W_])", re.IGNORECASE)),
    "YEAR": (crossdoc.year_pattern(), re.compile(
        rf"(?<![^\W_])(?:năm|giai\s+đoạn|nhiệm\s+kỳ)\s+(?P<y1>(?:19|20)\d{{2}})(?:\s*[{DASH}]\s*(?P<y2>(?:19|20)\d{{2}}))?"
        r"(?![\d/])", re.IGNORECASE)),
}


def _found(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(PLAIN))
@pytest.mark.parametrize("text", [
    "Toàn tỉnh có 58 mô hình; TOÀN HUYỆN, toàn thành phố, xtoàn xã, toàn  thị trấn, toàn tỉnhx",
    "tỉnh Gia Lai, Tỉnh ủy Bắc Ninh, Đảng ủy xã Ia Pa, thị xã An Khê, huyện Krông Pa, xhuyện A, thành phố Hồ Chí Minh",
    "năm 2023, Năm 2021-2025, giai đoạn 2021 – 2025, NHIỆM KỲ 2020-2025, xnăm 2023, năm 20234, giai  đoạn 2010",
])
def test_crossdoc_class_first_patterns_match_the_plain_ones(name, text):
    fast, plain = PLAIN[name]
    assert _found(fast, text) == _found(plain, text)


@pytest.mark.xdist_group("genre")
def test_crossdoc_class_first_patterns_match_the_plain_ones_on_the_genre_corpus(genre_records):
    texts = [rec["text"] for rec in genre_records]
    texts += [t[: len(t) // 3] for t in texts]  # the check reads clause prefixes: cut ends included
    for name, (fast, plain) in PLAIN.items():
        found = [_found(fast, t) for t in texts]
        assert found == [_found(plain, t) for t in texts], name
        assert sum(map(len, found)) > 50, name
