"""dvnlp.ingest.office and the PDF reader: round trips of .doc, .odt, .rtf and PDF files made from the sample report.

The fixtures in tests/fixtures/office/ were written by LibreOffice from corpora/samples/bao-cao-huyen-mau.txt
(tests/fixtures/make_office.py): in Unicode, typed in TCVN3 with .VnTime/.VnTimeH, and typed in VNI-Windows.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dvnlp.errors import InputError
from dvnlp.ingest import iter_documents, read_text_file
from dvnlp.ingest.office import doc_to_text, odt_to_text, rtf_to_text, sniff_kind

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "office"
SOURCE = (ROOT / "corpora" / "samples" / "bao-cao-huyen-mau.txt").read_text(encoding="utf-8")
HEADING = SOURCE.splitlines()[0]
needs_doc_tool = pytest.mark.skipif(not (shutil.which("antiword") or shutil.which("catdoc")),
                                    reason="reading .doc needs antiword (Debian package antiword) or catdoc")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", ["bao-cao.odt", "bao-cao.rtf", "bao-cao.pdf", "bao-cao-vni.odt", "bao-cao-vni.pdf",
                                  pytest.param("bao-cao.doc", marks=needs_doc_tool),
                                  pytest.param("bao-cao-vni.doc", marks=needs_doc_tool)])
def test_office_round_trip_is_exact(name: str) -> None:
    text = read_text_file(FIXTURES / name)
    assert flat(text) == flat(SOURCE)


@pytest.mark.parametrize("name", ["bao-cao-vntime.odt", "bao-cao-vntime.rtf", "bao-cao-vntime.pdf"])
def test_office_tcvn3_round_trip_up_to_case(name: str) -> None:
    """TCVN3 has no capital toned letters (Ủ is typed ủ) and .VnTimeH headings are typed lower case."""
    (doc,) = iter_documents([FIXTURES / name])
    assert doc.encoding.endswith("+tcvn3")
    assert flat(doc.text).lower() == flat(SOURCE).lower()


def test_office_odt_converts_per_font_and_restores_vntimeh_capitals() -> None:
    (doc,) = iter_documents([FIXTURES / "bao-cao-vntime.odt"])
    assert doc.text.splitlines()[0] == HEADING  # .VnTimeH: typed lower case, drawn upper case
    assert doc.encoding == "odt+tcvn3" and doc.confidence > 0.95


@needs_doc_tool
def test_office_doc_tcvn3_keeps_the_letter_stored_as_an_optional_hyphen() -> None:
    """LibreOffice stores TCVN3's ư (byte 0xAD, Latin-1's soft hyphen) as Word's optional hyphen
    (0x1F), which antiword drops; dvnlp.ingest.doc97 restores it before antiword runs."""
    (doc,) = iter_documents([FIXTURES / "bao-cao-vntime.doc"])
    assert doc.encoding == "doc+tcvn3"
    assert "Thường trực" in doc.text and "\xad" not in doc.text
    assert flat(doc.text).lower() == flat(SOURCE).lower()


@needs_doc_tool
def test_office_doc_optional_hyphens_stay_dropped_without_a_tcvn3_font(tmp_path: Path) -> None:
    """The same bytes with the font table renamed away from .VnTime: 0x1F is then a genuine
    optional hyphen, left for antiword to drop."""
    data = (FIXTURES / "bao-cao-vntime.doc").read_bytes()
    renamed = data.replace(".VnTime".encode("utf-16-le"), "_XnTime".encode("utf-16-le"))
    assert renamed != data
    path = tmp_path / "renamed.doc"
    path.write_bytes(renamed)
    text = read_text_file(path)
    assert "ư" not in text and "\xad" not in text
    assert flat(text).lower() == flat(SOURCE).lower().replace("ư", "")


def test_office_doc_catdoc_fallback_is_a_warning(tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "catdoc"
    fake.write_text("#!/bin/sh\necho 'Huyện ủy ban hành'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    decoded = doc_to_text((FIXTURES / "bao-cao.doc").read_bytes(), source="x.doc")
    assert decoded.text.strip() == "Huyện ủy ban hành"
    assert [w["type"] for w in decoded.warnings] == ["tool"]
    assert "catdoc" in decoded.warnings[0]["message"] and "apt-get install antiword" in decoded.warnings[0]["message"]


def test_office_pdf_legacy_text_layer_is_converted_per_page() -> None:
    (doc,) = iter_documents([FIXTURES / "mixed-pages.pdf"])
    first, second = doc.text.split("\n\n", 1)
    assert flat(first) == flat(SOURCE)  # the Unicode page is left alone
    assert flat(second).lower() == flat(SOURCE).lower()  # the .VnTime page is converted
    assert doc.encoding == "pdf+tcvn3" and doc.ocr_pages == ()


@pytest.mark.parametrize(("name", "kind"), [("bao-cao.doc", "doc"), ("bao-cao.odt", "odt"), ("bao-cao.rtf", "rtf"),
                                            ("bao-cao.pdf", "pdf")])
def test_office_sniffed_by_content_whatever_the_suffix(tmp_path: Path, name: str, kind: str) -> None:
    data = (FIXTURES / name).read_bytes()
    assert sniff_kind(data) == kind
    if kind == "doc" and not (shutil.which("antiword") or shutil.which("catdoc")):
        pytest.skip("reading .doc needs antiword (Debian package antiword) or catdoc")
    renamed = tmp_path / "bao-cao-khong-duoi"
    renamed.write_bytes(data)
    assert flat(read_text_file(renamed)) == flat(SOURCE)


def test_office_missing_doc_tool_names_the_package(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(InputError, match=r"x\.doc: .*antiword.*apt-get install antiword"):
        doc_to_text((FIXTURES / "bao-cao.doc").read_bytes(), source="x.doc")


@pytest.mark.parametrize(("reader", "data", "message"), [
    (doc_to_text, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "not a readable Word 97-2003 .doc file"),
    (doc_to_text, b"plain text", "no OLE2 header"),
    (odt_to_text, b"PK\x03\x04 broken", "not a readable ODT file"),
    (rtf_to_text, b"plain text", "not an RTF file"),
])
def test_office_broken_files_are_clear_errors(reader, data: bytes, message: str) -> None:
    if reader is doc_to_text and data.startswith(b"\xd0") and not (shutil.which("antiword") or shutil.which("catdoc")):
        pytest.skip("reading .doc needs antiword (Debian package antiword) or catdoc")
    with pytest.raises(InputError, match=message):
        reader(data, source="bad.file")
