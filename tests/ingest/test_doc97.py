"""dvnlp.ingest.doc97: the font table and the TCVN3 optional-hyphen rewrite of Word 97 .doc files."""
from __future__ import annotations

from pathlib import Path

import pytest

from dvnlp.ingest.doc97 import font_names, restore_tcvn3_soft_hyphens

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "office"
SOURCE = (Path(__file__).resolve().parents[2] / "corpora" / "samples" / "bao-cao-huyen-mau.txt").read_text("utf-8")


@pytest.mark.parametrize(("name", "font"), [("bao-cao-vntime.doc", ".VnTime"), ("bao-cao-vni.doc", "VNI-Times"),
                                            ("bao-cao.doc", "DejaVu Serif")])
def test_doc97_font_names_read_from_the_font_table(name: str, font: str) -> None:
    assert font in font_names((FIXTURES / name).read_bytes())


def test_doc97_rewrites_one_optional_hyphen_per_tcvn3_u_horn() -> None:
    data = (FIXTURES / "bao-cao-vntime.doc").read_bytes()
    patched, count = restore_tcvn3_soft_hyphens(data)
    assert count == SOURCE.count("ư") + SOURCE.count("Ư")
    assert len(patched) == len(data)
    changed = [i for i, (a, b) in enumerate(zip(data, patched)) if a != b]
    assert len(changed) == count and all(data[i] == 0x1F and patched[i] == 0xAD for i in changed)


@pytest.mark.parametrize("data", [
    (FIXTURES / "bao-cao.doc").read_bytes(),  # no TCVN3 font
    (FIXTURES / "bao-cao-vni.doc").read_bytes(),  # VNI font: 0x1F is not a letter there
    (FIXTURES / "bao-cao-vntime.doc").read_bytes()[:3000],  # cut: sectors past the end
    (FIXTURES / "bao-cao-vntime.doc").read_bytes()[:512] + bytes(20000),  # header only
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
    b"plain text",
    b"",
], ids=["unicode", "vni", "truncated", "zeroed", "empty-ole", "text", "empty"])
def test_doc97_leaves_other_and_unreadable_files_alone(data: bytes) -> None:
    assert restore_tcvn3_soft_hyphens(data) is None
