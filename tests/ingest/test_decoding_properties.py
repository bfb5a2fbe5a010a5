"""Property tests of decoding by evidence: random Vietnamese text in each encoding, 0–5 corrupted bytes.

The decoded text must equal the original except at the corrupted places: the encoding is the
right one, and the differences are at most one stretch per corrupted byte, at most four
characters per corrupted byte in all (a corrupted byte touches one character and its mark, or
becomes a few U+FFFD).
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvnlp.ingest import decode_bytes
from dvnlp.ingest.legacy import unicode_to_tcvn3, unicode_to_vni

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from encoders import to_cp1258  # noqa: E402

WORDS = (
    "công tác dân vận của hệ thống chính trị năm nay được triển khai đồng bộ hiệu quả người dân tin "
    "tưởng chủ trương đường lối chính sách pháp luật xã huyện tỉnh thôn bản hội nghị tuyên truyền vận "
    "động quần chúng nhân thực hiện quy chế chủ ở cơ sở khó khăn vướng mắc kiến đề xuất giải quyết kịp "
    "thời khiếu nại tố cáo đoàn viên phụ nữ nông cựu chiến binh thanh niên mặt trận quốc đại kết ủy ban "
    "thường vụ chấp hành đạt tồn tại hạn chế nguyên nhân pháp mô hình khéo gạo nghĩa tình nuôi bò"
).split()


ENCODERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "cp1258": to_cp1258,
    "tcvn3": lambda text: unicode_to_tcvn3(text).encode("latin-1"),
    "vni": lambda text: unicode_to_vni(text).encode("cp1252"),
}


def texts() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(WORDS), min_size=40, max_size=90, unique=True)  # unique: diffs align
    seps = st.lists(st.sampled_from([" ", " ", " ", ", ", ". ", "\n"]), min_size=90, max_size=90)
    return st.builds(lambda ws, ss: "".join(w + s for w, s in zip(ws, ss)).strip(), words, seps)


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[str, str, bytes, int]:
    name = draw(st.sampled_from(sorted(ENCODERS)))
    text = draw(texts())
    data = bytearray(ENCODERS[name](text))
    k = draw(st.integers(0, 5))
    places = draw(st.lists(st.integers(0, len(data) - 1), min_size=k, max_size=k, unique=True))
    for place in places:
        data[place] = draw(st.integers(0, 255).filter(lambda b, old=data[place]: b != old))
    return name, text, bytes(data), k


def _stretches(original: str, decoded: str) -> list[tuple[int, int]]:
    """The differing stretches (original length, decoded length). difflib may split one corrupted character into a
    deletion and an insertion around one equal character (``vướng`` → ``vướgg``: drop ``n``, keep ``g``, add ``g``),
    so edits at most one equal character apart count as one stretch."""
    out: list[list[int]] = []
    last_end = None
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, decoded, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if out and last_end is not None and i1 - last_end <= 1:
            out[-1][0] += i2 - i1 + (i1 - last_end)
            out[-1][1] += j2 - j1 + (i1 - last_end)
        else:
            out.append([i2 - i1, j2 - j1])
        last_end = i2
    return [(a, b) for a, b in out]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrupted())
def test_decoding_random_text_with_corrupted_bytes(case: tuple[str, str, bytes, int]) -> None:
    name, original, data, k = case
    decoded = decode_bytes(data, source="case.txt")
    assert decoded.encoding == name
    if k == 0:
        assert decoded.text == original
        assert decoded.warnings == ()
        return
    stretches = _stretches(original, decoded.text)
    assert len(stretches) <= k  # adjacent corrupted bytes may share one stretch
    assert sum(max(a, b) for a, b in stretches) <= 4 * k, stretches
    if "\ufffd" in decoded.text:
        assert decoded.warnings and decoded.warnings[0]["type"] == "decode"


def test_decoding_stretches_join_edits_one_character_apart() -> None:
    assert _stretches("công tác vướng", "ông tác vướgg") == [(1, 0), (2, 2)]
    assert _stretches("công tác vướng", "công tác vướng") == []


def test_decoding_the_issue_example_stays_utf8_with_a_warning() -> None:
    data = "Huyện ủy ban hành ".encode() + b"\xff\xfe\xfa" + " Quyết định số 5-QĐ/HU về công tác dân vận".encode()
    decoded = decode_bytes(data, source="bad.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == "Huyện ủy ban hành \ufffd\ufffd\ufffd Quyết định số 5-QĐ/HU về công tác dân vận"
    assert decoded.warnings == ({"type": "decode", "message": "3 invalid UTF-8 bytes at byte offsets 23-25, "
                                                              "replaced by U+FFFD"},)
    assert 0.9 <= decoded.confidence <= 1.0


def test_decoding_confidence_is_low_for_mojibake_kept_as_is() -> None:
    mojibake = "Huyá»‡n á»§y ban hĂ nh Quyáº¿t Ä‘á»‹nh".encode("utf-8")  # valid UTF-8 of a mis-decoded text
    decoded = decode_bytes(mojibake, source="m.txt")
    assert decoded.encoding == "utf-8" and decoded.confidence < 0.5
