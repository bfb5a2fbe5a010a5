"""The digit patterns of dvnlp.segment.patterns and the tone pattern of dvnlp.normalize.tones are written to
start with a character class (fast in ``re``); they find exactly what their look-behind-first forms find."""
from __future__ import annotations

import re

import pytest

from dvnlp.components import dates
from dvnlp.normalize import tones
from dvnlp.segment import patterns as P

D = P.DASH
#: the plain forms: a look-behind, then the pattern (as they were written before)
PLAIN = {
    "DATE": (P.DATE, r"(?<![\d/.,])(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)(?P<y>(?:19|20)\d{2})(?![\d/])"),
    "PERIOD": (P.PERIOD, rf"(?<![\d/.,])(?:19|20)\d{{2}}\s?[{D}]\s?(?:19|20)\d{{2}}(?![\d/])"),
    "RATIO": (P.RATIO, r"(?<![\w/.,])(?P<x>\d{1,3}(?:\.\d{3})+|\d+)\s?/\s?(?P<y>\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d|-\w)"),
    "NUMBER": (P.NUMBER, r"(?<![\w.,/:])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s?(?P<pct>%))?(?![\d/]|[.,:]\d)"),
    "SYMBOL": (P.SYMBOL, rf"(?<![\w/.,{D}])(?P<number>\d{{1,5}}(?:[a-z]|[A-Z](?=\s?/))?)"
               + P.SYMBOL.pattern.split(r"\d{0,4}(?:[a-z]|[A-Z](?=\s?/))?)", 1)[1]),
    "WORDY": (dates._WORDY, r"(?i:ngày)\s+(?P<d>[0-3]?\d)\s+(?i:tháng)\s+(?P<m>[01]?\d)\s+(?i:năm)\s+(?P<y>(?:19|20)\d{2})(?!\d)"),
    "PARTIAL": (dates.PARTIAL, r"(?P<pre>(?i:ngày|hôm|sáng|chiều|tối|trưa|đêm|rạng sáng|từ|đến|tới)\s+)(?P<d>[0-3]?\d)\s?[/-]\s?"
                               r"(?P<m>[01]?\d)(?![\d/-])"),
    "MONTH": (dates._MONTH, r"(?i:tháng)\s+(?P<m>[01]?\d)\s*(?:/|(?i:năm)\s+)(?P<y>(?:19|20)\d{2})(?!\d)"),
    "YEAR": (dates._YEAR, r"(?i:năm)\s+(?P<y>(?:19|20)\d{2})(?![\d/])"),
    "TONES": (tones._PATTERN, "(?<![qQ])(" + "|".join(map(re.escape, tones._TABLE)) + r")(?![^\W\d_]|[\u0300-\u036f])"),
}

CASES = [
    "Ngày 20/12/2022, 1/1/2021, 31.12.2020, 5-6-2019; 120/12/2022 1,20/12/2022 x20/12/2022 9/13/2022",
    "giai đoạn 2021-2025, 2021 – 2025, 12021-2025, 1.2021-2025 /2021-2025 2019-20255 1999-2000",
    "51/51 tổ chức, 1.200/1.260, 3 / 4, 5/6-x 7/8.5 a12/13 ,12/13 12/13/14 1.2345/6",
    "1.260 12.500.000 2,8 95,45% 95,45 % 1.26 3:45 a1 x.5 ,5 :5 /5 12% 007 1.000,5 1.000.0000",
    "Quyết định số 400-QĐ/TU, 1562/QĐ-UBND, 04/2015/NĐ-CP, 215 - QĐ/HU, 123456/QĐ-X, 12a/KH-UBND, x12/QĐ-TU",
    "hoá thuỷ quý Quỷ khoẻ HOÁ thuyết hoàng quá QUÝ toà xoè Uỷ ban tuỳ ý qUý hoá\u0301 loạ",
    "١٢/٣ ٢٠/١٢/٢٠٢٢ 12\u00a0%",
    "NGÀY 5 THÁNG 6 NĂM 2021, ngày  05 tháng 8 năm 2021, Ngày 1 tháng 13 năm 2020 ngàyy 5 tháng 6 năm 2021",
    "Sáng 22/6, chiều 23-3, ſáng 1/2, TỐI 3 / 4, rạng sáng 5-6, Rạng  sáng 5/6, từ 1/2 đến 3/4, tới 5/6-, Đêm 7/8",
    "tháng 6/2024, Tháng 6 năm 2024, THÁNG 12/1999, năm 2023, Năm 2023/2024, năm 20234",
]


@pytest.mark.parametrize("name", sorted(PLAIN))
@pytest.mark.parametrize("text", CASES)
def test_patterns_class_first_forms_match_the_plain_ones(name, text):
    fast, plain = PLAIN[name][0], re.compile(PLAIN[name][1])
    assert _matches(fast, text) == _matches(plain, text)


@pytest.mark.xdist_group("genre")
def test_patterns_class_first_forms_match_the_plain_ones_on_the_genre_corpus(genre_records):
    texts = [rec["text"] for rec in genre_records]
    for name, (fast, plain) in PLAIN.items():
        plain = re.compile(plain)
        found = [_matches(fast, t) for t in texts]
        assert found == [_matches(plain, t) for t in texts], name
        assert sum(map(len, found)) > 5, name  # the corpus has every shape (wordy dates: 6)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict() or m.groups()) for m in pattern.finditer(text)]
