"""Numbers written in words (dvnlp.segment.numwords): a table of written forms and their values.

The values were written by hand from Vietnamese number grammar, not read back from the code.
"""
from __future__ import annotations

import pytest

from dvnlp.segment.numwords import find_number_words, words_value

TABLE = [
    ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("sáu", 6), ("bảy", 7), ("bẩy", 7), ("tám", 8), ("chín", 9),
    ("mười", 10), ("mười một", 11), ("mười hai", 12), ("mười ba", 13), ("mười bốn", 14), ("mười lăm", 15),
    ("mười sáu", 16), ("mười bảy", 17), ("mười tám", 18), ("mười chín", 19), ("hai mươi", 20), ("hai mươi mốt", 21),
    ("hai mươi hai", 22), ("hai mươi tư", 24), ("hai mươi lăm", 25), ("hai mươi nhăm", 25), ("ba mươi", 30),
    ("ba mươi mốt", 31), ("ba mươi tư", 34), ("bốn mươi", 40), ("năm mươi", 50), ("sáu mươi", 60),
    ("bảy mươi lăm", 75), ("tám mươi", 80), ("chín mươi chín", 99), ("một trăm", 100), ("trăm", 100),
    ("một trăm linh năm", 105), ("một trăm lẻ một", 101), ("ba trăm lẻ năm", 305), ("một trăm hai mươi", 120),
    ("một trăm hai mươi lăm", 125), ("hai trăm", 200), ("năm trăm", 500), ("chín trăm chín mươi chín", 999),
    ("ba trăm rưỡi", 350), ("một nghìn", 1000), ("nghìn", 1000), ("ngàn", 1000), ("hai nghìn", 2000),
    ("ba nghìn", 3000), ("một nghìn hai trăm", 1200), ("hai nghìn năm trăm", 2500), ("năm nghìn", 5000),
    ("năm mươi lăm", 55), ("mười nghìn", 10_000),
    ("hai mươi mốt nghìn", 21_000), ("ba mươi lăm nghìn", 35_000), ("một trăm nghìn", 100_000), ("một vạn", 10_000),
    ("chục", 10), ("hai chục", 20), ("chục nghìn", 10_000), ("hàng chục", None), ("một triệu", 1_000_000),
    ("hai triệu", 2_000_000), ("trăm triệu", 100_000_000), ("hai triệu ba trăm nghìn", 2_300_000),
    ("hai triệu rưỡi", 2_500_000), ("mười hai triệu", 12_000_000), ("một tỷ", 1_000_000_000), ("hai tỉ", 2_000_000_000),
    ("nghìn tỷ", 1_000_000_000_000), ("chục nghìn tỷ", 10_000_000_000_000), ("một nửa", 0.5),
    # refused: not a number on their own, or two numbers
    ("hai nghìn không trăm", None),  # a known gap: "không" (zero) is not read, it is mostly "not"
    ("năm", None), ("mười năm", None), ("tư", None), ("lăm", None), ("nửa", None), ("hai ba", None), ("linh", None),
]


@pytest.mark.parametrize("written,value", TABLE)
def test_numwords_table(written, value):
    assert words_value(written.split()) == value


def test_numwords_table_size():
    assert sum(v is not None for _, v in TABLE) >= 60


@pytest.mark.parametrize("text,expected", [
    ("có hai mươi mô hình", [("hai mươi", 20, None)]),
    ("hàng trăm hộ và một hai người", [("trăm", 100, None), ("một hai", 1, 2)]),
    ("Hai mươi lăm xã", [("Hai mươi lăm", 25, None)]),
    ("mười năm qua", [("mười", 10, None)]),  # 'năm' here is the year
    ("kinh tế năm 2023", []),
    ("một trăm linh năm hộ", [("một trăm linh năm", 105, None)]),
    # bare ``năm`` is 5 before a counted noun, the year after ``mỗi``/``trong`` or before ``bản lề``, ``tổ chức``
    ("trong đó năm mô hình kinh tế", [("năm", 5, None)]),
    ("mỗi năm hộ gia đình", []),
    ("năm bản lề thực hiện", []),
    ("năm tổ chức hội nghị", []),
])
def test_numwords_find_spans(text, expected):
    assert [(text[a:b], v, hi) for a, b, v, hi in find_number_words(text)] == expected
