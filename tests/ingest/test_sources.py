"""dvnlp.ingest.sources (and .pdf): walking inputs into documents and failures."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from dvnlp.errors import InputError
from dvnlp.ingest import InputFailure, RawDocument, iter_documents, pdf_to_text, read_text_file
from dvnlp.ingest.legacy import unicode_to_tcvn3, unicode_to_vni

TEXT = "Ban Dân vận huyện tổ chức hội nghị đối thoại với nhân dân về công tác giải phóng mặt bằng."
LEGACY = "Mặt trận Tổ quốc và các đoàn thể đã vận động nhân dân hiến đất làm đường."


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose Helvetica text maps byte codes to Unicode through a ToUnicode CMap."""
    codes: dict[str, int] = {}
    encoded = []
    for line in lines:
        out = bytearray()
        for ch in line:
            out.append(ord(ch) if ord(ch) < 128 else codes.setdefault(ch, 0x80 + len(codes)))
        encoded.append(bytes(out).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)"))
    content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(b"(" + e + b") '" for e in encoded) + b" ET"
    mapping = [(c, c) for c in range(32, 127)] + [(code, ord(ch)) for ch, code in codes.items()]
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
        b"1 begincodespacerange <00> <FF> endcodespacerange %d beginbfchar " % len(mapping)
        + b"".join(b"<%02X> <%04X> " % pair for pair in mapping)
        + b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx(path: Path, *paragraphs: tuple[str, str | None]) -> Path:
    document = docx.Document()
    for text, font in paragraphs:
        run = document.add_paragraph().add_run(text)
        if font:
            run.font.name = font
    document.save(path)
    return path


def collect(paths, **kwargs) -> list[RawDocument | InputFailure]:
    return list(iter_documents(paths, **kwargs))


# --- PDF ----------------------------------------------------------------------------------


def test_pdf_text_layer() -> None:
    result = pdf_to_text(make_pdf([TEXT, "Người dân đồng thuận."]), source="a.pdf")
    assert (result.text, result.encoding, result.legacy) == (TEXT + "\nNgười dân đồng thuận.", "pdf", None)


def test_pdf_tcvn3_text_layer_with_minus_sign_for_u_horn() -> None:
    mojibake = unicode_to_tcvn3("Người dân tin tưởng, đồng thuận với chủ trương").replace("\xad", "\u2212")
    result = pdf_to_text(make_pdf([mojibake, "Thu 5 \u2212 3 = 2"]), source="vn.pdf")
    assert result.text == "Người dân tin tưởng, đồng thuận với chủ trương\nThu 5 \u2212 3 = 2"
    assert result.legacy == "tcvn3"


def test_pdf_minus_sign_kept_in_unicode_text() -> None:
    result = pdf_to_text(make_pdf(["Nhiệt độ \u22125 độ C, x\u2212y"]), source="m.pdf")
    assert result.text == "Nhiệt độ \u22125 độ C, x\u2212y" and result.legacy is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # without Tesseract the message also says how to get OCR
        (blank_pdf(), r"^scan\.pdf: no text layer \(scanned PDF\?\)(?:; OCR needs Tesseract \(Debian: apt-get install "
                      r"tesseract-ocr tesseract-ocr-vie\))?$"),
        (b"%PDF-1.4\n garbage garbage", r"^scan\.pdf: "),
        (b"hello", r"^scan\.pdf: not a PDF file"),
    ],
    ids=["blank", "corrupt", "not-pdf"],
)
def test_pdf_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        pdf_to_text(data, source="scan.pdf")


# --- iter_documents -------------------------------------------------------------------------


def test_sources_folder_recursive_sorted_all_kinds(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><nav>menu</nav><p>{TEXT}</p></body></html>", encoding="utf-8")
    (tmp_path / "c.htm").write_bytes(f"<p>{TEXT}</p>".encode("utf-16"))
    make_docx(tmp_path / "d.docx", (TEXT, None), (unicode_to_tcvn3(LEGACY), ".VnTime"))
    (tmp_path / "e.pdf").write_bytes(make_pdf([TEXT]))
    (tmp_path / "f.json").write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "~$lock.docx").write_bytes(b"lock")
    items = collect([tmp_path])
    assert all(isinstance(item, RawDocument) for item in items), items
    assert [item.id for item in items] == ["a", "z", "c", "d", "e", "f"]
    assert [item.encoding for item in items] == ["utf-8", "utf-8", "utf-16-le", "docx+tcvn3", "pdf", "utf-8"]
    assert items[3].text == TEXT + "\n" + LEGACY
    assert all(item.text == TEXT for i, item in enumerate(items) if i != 3)
    assert items[1].source == str(tmp_path / "b" / "z.txt")


def test_sources_text_file_detects_html_by_content(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"<div>{TEXT}</div><div>dòng hai</div>", encoding="utf-8")
    assert collect([path])[0].text == TEXT + "\ndòng hai"


@pytest.mark.parametrize(
    ("encode", "codec", "label"),
    [(unicode_to_tcvn3, "latin-1", "tcvn3"), (unicode_to_vni, "cp1252", "vni"),
     (unicode_to_tcvn3, "utf-8", "utf-8+tcvn3"), (lambda t: t, "utf-8", "utf-8")],
)
def test_sources_text_file_legacy(tmp_path: Path, encode, codec: str, label: str) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(encode(LEGACY).encode(codec))
    [item] = collect([path])
    assert (item.text, item.encoding) == (LEGACY, label)


def test_sources_jsonl_bad_line_does_not_stop(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": TEXT}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"text": "<p>một</p><p>hai</p>"}, ensure_ascii=False),
        json.dumps({"id": 7, "text": unicode_to_tcvn3(LEGACY)}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r8"}),
        json.dumps({"id": "r9", "format": "html", "text": "Tin &gt;&gt; liên quan\nDòng hai"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = collect([path])
    assert [(type(item).__name__, item.id) for item in items] == [
        ("RawDocument", "r1"), ("InputFailure", "records:2"), ("RawDocument", "records:4"),
        ("RawDocument", "7"), ("InputFailure", "records:6"), ("InputFailure", "r8"), ("RawDocument", "r9"),
    ]
    assert items[1].message.startswith(f"{path}:2: invalid JSON")
    assert items[1].error_type == "JSONDecodeError"
    assert items[2].text == "một\n\nhai"
    assert (items[3].text, items[3].encoding) == (LEGACY, "utf-8+tcvn3")
    assert items[5].message == f'{path}:7: record has no "text" string'
    assert items[6].text == "Tin >> liên quan\nDòng hai"


def test_sources_jsonl_gz_and_glob(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "bulk.jsonl.gz", "wt", encoding="utf-8") as stream:
        for number in range(3):
            stream.write(json.dumps({"text": f"{TEXT} {number}"}, ensure_ascii=False) + "\n")
    (tmp_path / "other.txt").write_text(TEXT, encoding="utf-8")
    items = collect([str(tmp_path / "*.jsonl.gz")])
    assert [item.id for item in items] == ["bulk:1", "bulk:2", "bulk:3"]
    assert items[2].source == f"{tmp_path / 'bulk.jsonl.gz'}:3"


def test_sources_truncated_gzip_is_a_failure(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(json.dumps({"text": TEXT * 20}) for _ in range(200))).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = collect([path])
    assert isinstance(items[-1], InputFailure) and items[-1].message.startswith(str(path))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("random.txt", os.urandom(2048) + b"\x00", "binary data, not text"),
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"<html><body><script>x()</script></body></html>", "no text content"),
        ("scan.pdf", blank_pdf(), "no text layer (scanned PDF?)"),
        ("broken.docx", b"PK\x03\x04 broken zip", "not a readable DOCX file"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003 .doc"),
        ("bad.json", b"{", "invalid JSON"),
        ("shape.json", b"42", "neither a record nor a list"),
    ],
)
def test_sources_bad_file_becomes_failure(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "zz_good.txt"
    good.write_text(TEXT, encoding="utf-8")
    failure, document = collect([path, good])
    assert isinstance(failure, InputFailure) and isinstance(document, RawDocument)
    assert failure.message.startswith(f"{path}: ") and message in failure.message
    assert failure.id == Path(name).stem and failure.source == str(path)


def test_sources_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("a" * 3 * 2**20, encoding="ascii")
    [failure] = collect([path], max_bytes=2**20)
    assert isinstance(failure, InputFailure)
    assert failure.message == f"{path}: file too large (3.0 MB > 1 MB limit)"


def test_sources_oversized_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": TEXT}, ensure_ascii=False) + "\n")
    items = collect([path], max_bytes=1000)
    assert isinstance(items[0], InputFailure) and "line too long" in items[0].message
    assert isinstance(items[1], RawDocument) and items[1].id == "lines:2"


@pytest.mark.parametrize("missing", ["khong_co.txt", "thu_muc_khong_co/*.txt"])
def test_sources_missing_path_is_failure(tmp_path: Path, missing: str) -> None:
    [failure] = collect([tmp_path / missing])
    assert isinstance(failure, InputFailure) and failure.error_type == "FileNotFoundError"
    assert failure.message.startswith(str(tmp_path / missing))


def test_sources_unknown_suffix_sniffs_content(tmp_path: Path) -> None:
    (tmp_path / "report").write_bytes(make_pdf([TEXT]))
    make_docx(tmp_path / "van_ban.bin", (TEXT, None))
    items = collect([tmp_path / "report", tmp_path / "van_ban.bin"])
    assert [(item.id, item.encoding, item.text) for item in items] == [
        ("report", "pdf", TEXT), ("van_ban", "docx", TEXT)]


def test_sources_read_text_file(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", (unicode_to_tcvn3(LEGACY), ".VnTime"))
    assert read_text_file(path) == LEGACY
    with pytest.raises(InputError, match="khong_co.txt: cannot read file"):
        read_text_file(tmp_path / "khong_co.txt")
