"""dvnlp.ingest.docx: DOCX text in order, legacy fonts converted per run."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dvnlp.errors import InputError
from dvnlp.ingest import docx_to_text
from dvnlp.ingest.legacy import unicode_to_tcvn3, unicode_to_vni

UNICODE_1 = "Báo cáo công tác dân vận năm 2023 của Ban Dân vận huyện."
LEGACY = "Mặt trận Tổ quốc và các đoàn thể đã vận động nhân dân hiến đất làm đường."
UNICODE_2 = "Người dân đồng thuận, tin tưởng vào chủ trương của Đảng."


def save(document: docx.document.Document, tmp_path: Path, name: str = "doc.docx") -> bytes:
    path = tmp_path / name
    document.save(path)
    return path.read_bytes()


def add_run(paragraph, text: str, font: str | None = None):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    return run


def test_docx_mixed_vntime_paragraph_converts_only_that_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(UNICODE_1)
    add_run(document.add_paragraph(), unicode_to_tcvn3(LEGACY), ".VnTime")
    add_run(document.add_paragraph(), UNICODE_2, "Times New Roman")
    result = docx_to_text(save(document, tmp_path), source="mixed.docx")
    assert result.text == "\n".join([UNICODE_1, LEGACY, UNICODE_2])
    assert (result.encoding, result.legacy) == ("docx", "tcvn3")


def test_docx_unicode_only_is_untouched(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (UNICODE_1, LEGACY, UNICODE_2):
        add_run(document.add_paragraph(), text, "Arial")
    result = docx_to_text(save(document, tmp_path), source="u.docx")
    assert result.text == "\n".join([UNICODE_1, LEGACY, UNICODE_2]) and result.legacy is None


@pytest.mark.parametrize(
    ("font", "encode", "expected", "legacy"),
    [
        (".VnTime", unicode_to_tcvn3, LEGACY, "tcvn3"),
        (".VnArial", unicode_to_tcvn3, LEGACY, "tcvn3"),
        (".VnTimeH", lambda t: unicode_to_tcvn3(t.lower()), LEGACY.upper(), "tcvn3"),
        ("VNI-Times", unicode_to_vni, LEGACY, "vni"),
        ("VNI-Helve", unicode_to_vni, LEGACY, "vni"),
    ],
)
def test_docx_legacy_fonts(tmp_path: Path, font: str, encode, expected: str, legacy: str) -> None:
    document = docx.Document()
    add_run(document.add_paragraph(), encode(LEGACY), font)
    result = docx_to_text(save(document, tmp_path), source="f.docx")
    assert (result.text, result.legacy) == (expected, legacy)


def test_docx_vni_sequence_split_across_runs(tmp_path: Path) -> None:
    encoded = unicode_to_vni("Việt Nam")  # "Vieät Nam": split between the base and its mark
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_run(paragraph, encoded[:3], "VNI-Times")
    add_run(paragraph, encoded[3:], "VNI-Times").bold = True
    assert docx_to_text(save(document, tmp_path), source="s.docx").text == "Việt Nam"


def test_docx_font_inherited_from_paragraph_style(tmp_path: Path) -> None:
    document = docx.Document()
    base = document.styles.add_style("Cu", WD_STYLE_TYPE.PARAGRAPH)
    base.font.name = ".VnTime"
    child = document.styles.add_style("Cu con", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    document.add_paragraph(unicode_to_tcvn3(LEGACY), style="Cu con")
    document.add_paragraph(UNICODE_1)
    result = docx_to_text(save(document, tmp_path), source="style.docx")
    assert result.text == LEGACY + "\n" + UNICODE_1


def test_docx_font_from_document_defaults(tmp_path: Path) -> None:
    document = docx.Document()
    rpr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), ".VnTime")
    fonts.set(qn("w:hAnsi"), ".VnTime")
    document.add_paragraph(unicode_to_tcvn3(LEGACY))
    add_run(document.add_paragraph(), UNICODE_2, "Times New Roman")
    result = docx_to_text(save(document, tmp_path), source="defaults.docx")
    assert result.text == LEGACY + "\n" + UNICODE_2


def test_docx_unicode_text_in_legacy_font_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    add_run(document.add_paragraph(), UNICODE_2, ".VnTime")  # typed with Unikey in an old template
    assert docx_to_text(save(document, tmp_path), source="k.docx").text == UNICODE_2


def test_docx_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Trước bảng")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Chỉ tiêu", (0, 1): "Kết quả", (1, 0): "Số hộ", (1, 1): "120"}.items():
        table.cell(row, col).text = text
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "TỈNH ỦY"
    header.cell(0, 0).add_paragraph("BAN DÂN VẬN")
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph("Sau bảng")
    text = docx_to_text(save(document, tmp_path), source="t.docx").text
    assert text == "Trước bảng\nChỉ tiêu\tKết quả\nSố hộ\t120\nTỈNH ỦY\nBAN DÂN VẬN\nĐẢNG CỘNG SẢN VIỆT NAM\nSau bảng"


def test_docx_hyperlink_tab_and_break(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Xem ")
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "cổng thông tin"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    tail = paragraph.add_run("\tngay")
    tail.add_break()
    tail.add_text("dòng mới")
    assert docx_to_text(save(document, tmp_path), source="h.docx").text == "Xem cổng thông tin\tngay\ndòng mới"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a DOCX file"),
        (b"PK\x03\x04broken", "not a readable DOCX file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "Word 97-2003 .doc"),
        (b"", "not a DOCX file"),
    ],
    ids=["text", "broken-zip", "ole-doc", "empty"],
)
def test_docx_corrupt_raises_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        docx_to_text(data, source="bao_cao.docx")
    assert str(caught.value).startswith("bao_cao.docx: ")


def test_docx_zip_without_document_part(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(InputError, match=r"^rong\.docx: not a readable DOCX"):
        docx_to_text(buffer.getvalue(), source="rong.docx")
