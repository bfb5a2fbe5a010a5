import unicodedata

import pytest

from dvnlp.normalize import normalize, old_style_tones


@pytest.mark.parametrize(
    "raw,expected",
    [
        (unicodedata.normalize("NFD", "Quyết định"), "Quyết định"),
        ("Quyết định số 400-Q\u00d0/TU", "Quyết định số 400-QĐ/TU"),
        ("\u00f0ồng chí", "đồng chí"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("cụ thể hoá", "cụ thể hóa"),
        ("thuỷ lợi", "thủy lợi"),
        ("sức khoẻ", "sức khỏe"),
        ("quý", "quý"),
        ("Hoàng Quốc Khánh", "Hoàng Quốc Khánh"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("Ban\u00a0Dân\u2009vận", "Ban Dân vận"),
        ("Tỉnh\u200b ủy\ufeff", "Tỉnh ủy"),
        ("ctrl\x00\x07chars", "ctrlchars"),
        ("kinh tế – xã hội", "kinh tế – xã hội"),  # typographic dashes are kept
        ("\u0301\u0300chữ", "chữ"),  # stray marks with no base
    ],
)
def test_normalize_rewrites(raw, expected):
    assert normalize(raw).text == expected


@pytest.mark.parametrize("word", ["hoá", "uỷ", "thuỳ", "Hoà", "khoẻ", "toà", "xoá"])
def test_tones_old_style_is_idempotent_and_length_preserving(word):
    once = old_style_tones(word)
    assert len(once) == len(word)
    assert old_style_tones(once) == once


def test_normalize_offsets_map_back_to_raw():
    raw = unicodedata.normalize("NFD", "Số 400-Q\u00d0/TU\r\nUỷ ban")
    norm = normalize(raw)
    start = norm.text.index("QĐ")
    rs, re_ = norm.to_raw(start, start + 2)
    assert raw[rs:re_] == "Q\u00d0"
    start = norm.text.index("Ủy")
    rs, re_ = norm.to_raw(start, start + 2)
    assert unicodedata.normalize("NFC", raw[rs:re_]) == "Uỷ"


def test_normalize_clean_text_keeps_identity_map():
    raw = "Ban Dân vận Tỉnh ủy"
    norm = normalize(raw)
    assert norm.text == raw and norm.to_raw(4, 11) == (4, 11)


def test_normalize_empty_and_whitespace():
    assert normalize("").text == ""
    assert normalize("  \n\t ").text == "  \n\t "
