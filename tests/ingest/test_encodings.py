"""dvnlp.ingest.encodings and dvnlp.ingest.legacy: bytes → text, legacy-font repair."""
from __future__ import annotations

import codecs
import sys
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvnlp.errors import InputError
from dvnlp.ingest import DecodedText, decode_bytes, fix_legacy_text
from dvnlp.ingest.legacy import (
    is_vietnamese_syllable,
    legacy_font_encoding,
    legacy_signal_count,
    tcvn3_decoding_table,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_decoding_table,
    vni_to_unicode,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from encoders import to_cp1258  # noqa: E402

# No capital toned letter (Ủ, Ấ …): TCVN3 has none, so they cannot round-trip through it.
PARAGRAPH = (
    "Căn cứ Luật Mặt trận Tổ quốc Việt Nam năm 2015, Ban Dân vận Tỉnh ủy đã phối hợp với "
    "cấp ủy, Mặt trận và các đoàn thể chính trị - xã hội tổ chức hội nghị đối thoại với nhân dân. "
    "Trong năm, 120 hộ gia đình được hỗ trợ xây dựng nhà ở; người dân đồng thuận hiến đất "
    "làm đường giao thông nông thôn, góp phần giữ vững ổn định chính trị ở cơ sở."
)
HEADING = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 123/QĐ-UBND"
SYLLABLES = (
    "công tác dân vận của hệ thống chính trị năm nay được triển khai đồng bộ hiệu quả "
    "người dân tin tưởng chủ trương đường lối Đảng chính sách pháp luật Nhà nước xã huyện "
    "tỉnh thôn bản hội nghị tuyên truyền vận động quần chúng nhân dân thực hiện quy chế "
    "dân chủ ở cơ sở khó khăn vướng mắc kiến nghị đề xuất giải quyết kịp thời khiếu nại tố cáo "
    "đoàn viên hội viên phụ nữ nông dân cựu chiến binh thanh niên mặt trận tổ quốc đại đoàn kết "
    "ủy ban thường vụ Ban Chấp hành kết quả đạt được tồn tại hạn chế nguyên nhân giải pháp"
).split()


# --- the charts -------------------------------------------------------------------------


def test_legacy_tables_cover_every_letter() -> None:
    letters = set(unicodedata.normalize("NFC", c) for c in tcvn3_decoding_table().values())
    assert len(tcvn3_decoding_table()) == 74 and len(letters) == 74
    assert len(vni_decoding_table()) == 130


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("Thñ t\xadíng ChÝnh phñ", "Thủ tướng Chính phủ"),
    ],
)
def test_legacy_tcvn3_known_phrases(legacy: str, unicode: str) -> None:
    assert unicode_to_tcvn3(unicode) == legacy
    assert fix_legacy_text(legacy) == (unicode, "tcvn3")


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("saün coù ôû Ñaø Naüng, hoïc sinh", "sẵn có ở Đà Nẵng, học sinh"),
    ],
)
def test_legacy_vni_known_phrases(legacy: str, unicode: str) -> None:
    assert unicode_to_vni(unicode) == legacy
    assert vni_to_unicode(legacy) == unicode


def test_legacy_vni_round_trips_every_letter() -> None:
    letters = "".join(sorted(set(vni_decoding_table().values())))
    assert vni_to_unicode(unicode_to_vni(letters)) == letters


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArial NarrowH", ("tcvn3", True)),
        ("VnTime", ("tcvn3", False)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve-Condense", ("vni", False)),
        ("Times New Roman", (None, False)),
        (None, (None, False)),
    ],
)
def test_legacy_font_encoding_from_name(font: str | None, expected: tuple[str | None, bool]) -> None:
    assert legacy_font_encoding(font) == expected


@pytest.mark.parametrize("word", ["nghiêng", "khuya", "quốc", "gì", "giếng", "huých", "xoong", "Ủy", "ĐẢNG"])
def test_legacy_valid_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Céng", "hoµ", "Vieät", "cơng", "kan", "ghô", "cĩ", "bàt", "hello"])
def test_legacy_invalid_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# --- fix_legacy_text --------------------------------------------------------------------


@pytest.mark.parametrize("encode", [unicode_to_tcvn3, unicode_to_vni], ids=["tcvn3", "vni"])
def test_encodings_fix_legacy_round_trip(encode) -> None:
    fixed, name = fix_legacy_text(encode(PARAGRAPH))
    assert fixed == PARAGRAPH
    assert name == encode.__name__.rsplit("_", 1)[1]


def test_encodings_fix_legacy_restores_tcvn3_capitals() -> None:
    assert fix_legacy_text(unicode_to_tcvn3(HEADING)) == (HEADING, "tcvn3")


@pytest.mark.parametrize(
    "text",
    [PARAGRAPH, HEADING, unicodedata.normalize("NFD", PARAGRAPH), "Giá 3×4 m, © 2006 «Dân vận»", "Müller ®", ""],
)
def test_encodings_fix_legacy_leaves_unicode_alone(text: str) -> None:
    assert fix_legacy_text(text) == (text, None)


def test_encodings_fix_legacy_mixed_document_by_line() -> None:
    mixed = "\n".join([PARAGRAPH, unicode_to_tcvn3(PARAGRAPH), PARAGRAPH])
    assert fix_legacy_text(mixed) == ("\n".join([PARAGRAPH] * 3), "tcvn3")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=40), st.sampled_from([" ", ", ", ". ", "\n"]))
def test_encodings_fix_legacy_never_converts_valid_text(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert fix_legacy_text(text) == (text, None)


@pytest.mark.parametrize(("encode", "name"), [(unicode_to_tcvn3, "tcvn3"), (unicode_to_vni, "vni")])
@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(SYLLABLES), min_size=6, max_size=40, unique=True))
def test_encodings_fix_legacy_always_repairs(encode, name: str, words: list[str]) -> None:
    text = " ".join(words)
    legacy = encode(text)
    # Detection needs the characters Unicode Vietnamese never uses (µ ¸ ® ­ © …) and words of
    # two letters or more: real documents are full of both; "thèng" (thống) or "ë" (ở) alone
    # carry no evidence, and three words ("ñy ñy ñy": ủy or đy?) can be truly ambiguous.
    changed = sum(a != b and len(a) > 1 for a, b in zip(legacy.split(), words))
    if legacy_signal_count(legacy) >= 2 and changed >= 2:
        assert fix_legacy_text(legacy) == (text, name)


# --- decode_bytes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PARAGRAPH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PARAGRAPH.encode("utf-8"), "utf-8"),
        (PARAGRAPH.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
        (PARAGRAPH.encode("utf-32"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + PARAGRAPH.encode("utf-32-be"), "utf-32-be"),
        (PARAGRAPH.encode("utf-16-le"), "utf-16-le"),
        (PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf32-bom", "utf32be-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_encodings_decode_unicode(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.legacy, decoded.warnings) == (PARAGRAPH, encoding, None, ())
    assert decoded.confidence == 1.0


def test_encodings_decode_cp1258_composes_tones() -> None:
    data = to_cp1258(PARAGRAPH + "\n" + HEADING)
    assert b"\xcc" in data or b"\xec" in data  # really a base letter + combining tone
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.legacy) == (PARAGRAPH + "\n" + HEADING, "cp1258", None)


@pytest.mark.parametrize(
    ("encode", "codec", "name"),
    [(unicode_to_tcvn3, "latin-1", "tcvn3"), (unicode_to_vni, "cp1252", "vni")],
)
def test_encodings_decode_legacy_font_bytes(encode, codec: str, name: str) -> None:
    decoded = decode_bytes(encode(PARAGRAPH).encode(codec))
    assert (decoded.text, decoded.encoding, decoded.legacy, decoded.confidence) == (PARAGRAPH, name, name, 1.0)


@pytest.mark.parametrize("encode", [unicode_to_tcvn3, unicode_to_vni], ids=["tcvn3", "vni"])
def test_encodings_decode_utf8_mojibake(encode) -> None:
    decoded = decode_bytes(encode(PARAGRAPH).encode("utf-8"))
    assert decoded.text == PARAGRAPH and decoded.encoding == "utf-8" and decoded.legacy is not None


def test_encodings_decode_can_skip_legacy_repair() -> None:
    legacy = unicode_to_tcvn3(PARAGRAPH)
    assert decode_bytes(legacy.encode("utf-8"), fix_legacy=False).text == legacy


def test_encodings_decode_refuses_random_binary() -> None:
    data = random.Random(1234).randbytes(4096)
    with pytest.raises(InputError, match=r"^scan\.bin: binary data, not text$"):
        decode_bytes(data, source="scan.bin")


@pytest.mark.parametrize(
    "data",
    [bytes(range(1, 32)) * 50, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def\x00\x01\x02\x03\x04"],
    ids=["controls", "png", "nuls"],
)
def test_encodings_decode_refuses_binary_patterns(data: bytes) -> None:
    with pytest.raises(InputError, match="blob.dat: binary data"):
        decode_bytes(data, source="blob.dat")


def test_encodings_decode_refuses_empty() -> None:
    with pytest.raises(InputError, match=r"^empty\.txt: empty file$"):
        decode_bytes(b"", source="empty.txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=512))
def test_encodings_decode_never_raises_anything_else(data: bytes) -> None:
    try:
        result = decode_bytes(data, source="fuzz")
    except InputError as error:
        assert str(error).startswith("fuzz: ")
    else:
        assert isinstance(result.text, str)


def _confidence_reference(text: str) -> float:
    """confidence() as first written: every word of the full pattern judged in turn."""
    from dvnlp.ingest.encodings import _SAMPLE, _WORD, is_vietnamese_syllable

    good = bad = 0
    for word in _WORD.findall(text[:_SAMPLE]):
        if not word.isascii():
            ok = is_vietnamese_syllable(word)
            good, bad = good + ok, bad + (not ok)
    return round(good / (good + bad), 3) if good + bad else 1.0


@pytest.mark.parametrize("text", ["", "abc def", "Hóa thủy ĐẢNG", "ho\u0301a thu\u0309y (NFD)", "Ti¿ng ViÖt ×÷ Nguyễn",
                                  "Cán bộ 2,8 tỷ đồng; ¹²³ ½ µ ª º", "x" * 10 + " ơ" * 40000])
def test_encodings_confidence_equals_the_reference(text):
    from dvnlp.ingest.encodings import confidence

    assert confidence(text) == _confidence_reference(text)


@pytest.mark.xdist_group("genre")
def test_encodings_confidence_equals_the_reference_on_the_genre_corpus(genre_records):
    from dvnlp.ingest.encodings import confidence

    texts = [rec["text"] for rec in genre_records]
    assert [confidence(t) for t in texts] == [_confidence_reference(t) for t in texts]
