"""The bad-input set of docs/bad-inputs.md: every case gives the right text or a clear error, and a batch loses none.

Each case is a file made here (or a committed fixture from tests/fixtures/office/) with its expected outcome:
``text`` (the decoded text, compared with whitespace collapsed), ``lower`` (the same, up to case: TCVN3 has no
capital toned letters), ``nfc`` (equal once composed), ``has`` (the text contains these), or ``error`` (an InputFailure whose message starts
with the file name and contains this). A JSON Lines case expects one outcome per line.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from dvnlp.ingest import InputFailure, RawDocument, iter_documents
from dvnlp.ingest.legacy import unicode_to_tcvn3, unicode_to_vni

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from encoders import to_cp1258  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OFFICE = ROOT / "tests" / "fixtures" / "office"
REPORT = (ROOT / "corpora" / "samples" / "bao-cao-huyen-mau.txt").read_text(encoding="utf-8")
LINE = "Huyện ủy ban hành Quyết định số 5-QĐ/HU về công tác dân vận; đồng chí Rơ Mah Thuấn dự hội nghị."
HAS_DOC_TOOL = bool(shutil.which("antiword") or shutil.which("catdoc"))


def pdf_bytes(*, encrypt: bool = False, blank: bool = False) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    if blank:
        writer.add_blank_page(595, 842)
    else:
        for page in PdfReader(OFFICE / "bao-cao.pdf").pages:
            writer.add_page(page)
    if encrypt:
        writer.encrypt("mat-khau")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """A DOCX whose document.xml expands to 528 MB of spaces (2.4 MB compressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 24)
            for _ in range(33):
                fh.write(chunk)
    return buffer.getvalue()


def jsonl(*lines: object) -> bytes:
    return b"".join((line if isinstance(line, bytes) else json.dumps(line, ensure_ascii=False).encode()) + b"\n"
                    for line in lines)


@dataclass
class Case:
    name: str
    data: object  # bytes, a callable making them, or a fixture Path
    expect: list[tuple[str, object]]
    encoding: str | None = None
    warning: bool = False
    needs: str | None = None

    def content(self) -> bytes:
        if isinstance(self.data, Path):
            return self.data.read_bytes()
        return self.data() if callable(self.data) else self.data


def cases() -> list[Case]:
    u8 = LINE.encode("utf-8")
    doc_tool = None if HAS_DOC_TOOL else "antiword (Debian package antiword) or catdoc"
    return [
        Case("utf8.txt", u8, [("text", LINE)], "utf-8"),
        Case("utf8-bom.txt", b"\xef\xbb\xbf" + u8, [("text", LINE)], "utf-8"),
        Case("utf16le-bom.txt", LINE.encode("utf-16"), [("text", LINE)], "utf-16-le"),
        Case("utf16le-nobom.txt", LINE.encode("utf-16-le"), [("text", LINE)], "utf-16-le"),
        Case("utf16be-nobom.txt", LINE.encode("utf-16-be"), [("text", LINE)], "utf-16-be"),
        Case("utf32.txt", LINE.encode("utf-32"), [("text", LINE)], "utf-32-le"),
        Case("windows-1258.txt", to_cp1258(LINE), [("text", LINE)], "cp1258"),
        Case("tcvn3-bytes.txt", unicode_to_tcvn3(LINE.lower()).encode("latin-1"), [("text", LINE.lower())], "tcvn3"),
        Case("vni-bytes.txt", unicode_to_vni(LINE).encode("cp1252"), [("text", LINE)], "vni"),
        Case("utf8-three-bad-bytes.txt", u8[:23] + b"\xff\xfe\xfa" + u8[23:],
             [("text", LINE[:18] + "\ufffd\ufffd\ufffd" + LINE[18:])], "utf-8", warning=True),
        Case("utf8-cut-at-the-end.txt", u8 + "ệ".encode()[:2], [("text", LINE + "\ufffd")], "utf-8", warning=True),
        Case("utf8-stray-nul.txt", u8[:10] + b"\x00" + u8[10:], [("has", ["\ufffd", "Quyết định số 5-QĐ/HU"])],
             "utf-8", warning=True),
        Case("utf8-bom-bad-bytes.txt", b"\xef\xbb\xbf" + u8 + b"\xc3", [("text", LINE + "\ufffd")], "utf-8",
             warning=True),
        Case("utf8-decomposed.txt", unicodedata.normalize("NFD", LINE).encode(),
             [("nfc", LINE)], "utf-8"),
        Case("tcvn3-mojibake-in-utf8.txt", unicode_to_tcvn3(LINE.lower()).encode(), [("text", LINE.lower())],
             "utf-8+tcvn3"),
        Case("vni-mojibake-in-utf8.txt", unicode_to_vni(LINE).encode(), [("text", LINE)], "utf-8+vni"),
        Case("html-page.html", f"<html><head><script>x()</script></head><body><p>{LINE}</p></body></html>".encode(),
             [("text", LINE)]),
        Case("report.json", json.dumps({"id": "bc-1", "text": LINE}, ensure_ascii=False).encode(), [("text", LINE)]),
        Case("empty.txt", b"", [("error", "empty file")]),
        Case("whitespace-only.txt", b" \n\t\n", [("error", "no text content")]),
        Case("random-binary.txt", lambda: os.urandom(4096) + b"\x00" * 64, [("error", "binary data, not text")]),
        Case("png-named.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), [("error", "binary data")]),
        Case("script-only.html", b"<html><body><script>x()</script></body></html>", [("error", "no text content")]),
        Case("zip-bomb.docx", zip_bomb, [("error", "MB of XML, over the limit")]),
        Case("broken.docx", b"PK\x03\x04 not really a zip", [("error", "not a readable DOCX file")]),
        Case("doc-saved-as.docx", OFFICE / "bao-cao.doc", [("text", REPORT)], "doc", needs=doc_tool),
        Case("bao-cao.doc", OFFICE / "bao-cao.doc", [("text", REPORT)], "doc", needs=doc_tool),
        Case("bao-cao-vni.doc", OFFICE / "bao-cao-vni.doc", [("text", REPORT)], "doc+vni", needs=doc_tool),
        Case("bao-cao-vntime.doc", OFFICE / "bao-cao-vntime.doc", [("lower", REPORT)], "doc+tcvn3", needs=doc_tool),
        Case("broken.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(3000),
             [("error", "not a readable Word 97-2003 .doc file")], needs=doc_tool),
        Case("bao-cao.odt", OFFICE / "bao-cao.odt", [("text", REPORT)], "odt"),
        Case("bao-cao-vntime.odt", OFFICE / "bao-cao-vntime.odt", [("lower", REPORT)], "odt+tcvn3"),
        Case("broken.odt", lambda: (OFFICE / "bao-cao.odt").read_bytes()[:2000], [("error", "not a readable ODT")]),
        Case("bao-cao.rtf", OFFICE / "bao-cao.rtf", [("text", REPORT)], "rtf"),
        Case("bao-cao-vntime.rtf", OFFICE / "bao-cao-vntime.rtf", [("lower", REPORT)], "rtf+tcvn3"),
        Case("plain-text.rtf", u8, [("error", "not an RTF file")]),
        Case("bao-cao.pdf", OFFICE / "bao-cao.pdf", [("text", REPORT)], "pdf"),
        Case("bao-cao-vntime.pdf", OFFICE / "bao-cao-vntime.pdf", [("lower", REPORT)], "pdf+tcvn3"),
        Case("mixed-pages.pdf", OFFICE / "mixed-pages.pdf", [("has", ["Quyết định số 1562/QĐ-UBND", "ngày công"])],
             "pdf+tcvn3"),
        Case("encrypted.pdf", lambda: pdf_bytes(encrypt=True), [("error", "encrypted PDF")]),
        Case("blank.pdf", lambda: pdf_bytes(blank=True), [("error", "no text layer (scanned PDF?)")]),
        Case("cut-in-half.pdf", lambda: (OFFICE / "bao-cao.pdf").read_bytes()[:20000],
             [("error", "not a readable PDF file")]),
        Case("text-named.pdf", u8, [("error", "not a PDF file")]),
        Case("lines.jsonl", jsonl({"id": "a", "text": LINE}, b"{not json", [1, 2], {"id": "b"}, {"id": "c", "text": " "},
                                  b"\xff\xfe", {"id": "a", "text": LINE}),
             [("text", LINE), ("error", "invalid JSON"), ("error", "not a JSON object"), ("error", 'no "text" string'),
              ("error", "record text is empty"), ("error", "invalid JSON"), ("text", LINE)]),
        Case("cut.jsonl.gz", lambda: gzip.compress(jsonl(*[{"id": f"r{i}", "text": LINE} for i in range(50)]))[:300],
             [("error-last", "corrupt or truncated gzip data")]),
        Case("báo cáo (bản cuối) #1.txt", u8, [("text", LINE)]),
        Case(" leading space & ; quotes'\".txt", u8, [("text", LINE)]),
        Case("UPPER-CASE.TXT", u8, [("text", LINE)]),
        Case("many.dots.v2.final.txt", u8, [("text", LINE)]),
        Case("xuống\ndòng.txt", u8, [("text", LINE)]),
        Case("rất-dài-" * 20 + ".txt", u8, [("text", LINE)]),
    ]


def flat(text: str) -> str:
    return " ".join(text.split())


def check(case: Case, items: list, path: Path) -> None:
    """Every item of a case meets its expectation; failures name the file and say why."""
    if case.expect and case.expect[-1][0] == "error-last":
        assert items and isinstance(items[-1], InputFailure), items
        assert case.expect[-1][1] in items[-1].message and items[-1].message.startswith(str(path))
        assert all(isinstance(i, RawDocument) and flat(i.text) == flat(LINE) for i in items[:-1])
        return
    assert len(items) == len(case.expect), items
    for item, (kind, expected) in zip(items, case.expect):
        if kind == "error":
            assert isinstance(item, InputFailure), (case.name, item)
            assert item.message.startswith(f"{path}") and expected in item.message, item.message
            continue
        assert isinstance(item, RawDocument), (case.name, item)
        if kind == "text":
            assert flat(item.text) == flat(expected)
        elif kind == "nfc":  # kept as decoded: the pipeline's normalizer composes it
            assert item.text != expected and unicodedata.normalize("NFC", item.text) == expected
        elif kind == "lower":
            assert flat(item.text).lower() == flat(expected).lower()
        else:
            assert all(part in item.text for part in expected), item.text
        if case.encoding:
            assert item.encoding == case.encoding
        assert (item.warnings != ()) == case.warning, item.warnings
        assert item.confidence is not None and 0 <= item.confidence <= 1


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> tuple[Path, list[Case]]:
    folder = tmp_path_factory.mktemp("bad-inputs")
    made = []
    for case in cases():
        if case.needs:
            continue
        (folder / case.name).write_bytes(case.content())
        made.append(case)
    return folder, made


def test_bad_inputs_set_has_forty_cases() -> None:
    assert len(cases()) >= 40


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name.replace("\n", "\\n"))
def test_bad_inputs_each_case(tmp_path: Path, case: Case) -> None:
    if case.needs:
        pytest.skip(f"needs {case.needs}")
    path = tmp_path / case.name
    path.write_bytes(case.content())
    check(case, list(iter_documents([path])), path)


def test_bad_inputs_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(LINE, encoding="utf-8")
    document, failure = iter_documents([tmp_path])
    assert isinstance(failure, InputFailure) and "not a regular file" in failure.message
    assert isinstance(document, RawDocument)


def test_bad_inputs_oversized_file_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(LINE.encode() * 2000)
    (failure,) = iter_documents([path], max_bytes=100_000)
    assert isinstance(failure, InputFailure) and "file too large" in failure.message and "limit" in failure.message


def test_bad_inputs_batch_loses_none(bad_inputs, tmp_path: Path, nlp, monkeypatch) -> None:
    """The whole set through ``dvnlp batch``: one record per input, each a report or an error record, no traceback."""
    from typer.testing import CliRunner

    from dvnlp.batch import pool
    from dvnlp.cli import app

    folder, made = bad_inputs
    monkeypatch.setattr(pool, "_NLP", nlp)
    expected = [item for path in sorted(folder.iterdir()) for item in iter_documents([path])]
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(expected) >= 60
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)  # duplicate ids were made unique
    assert "lines:1" not in ids and "a#2" in ids
    for record, item in zip(records, expected):
        assert record["source"] if "error" in record else record["input"]["encoding"]
        assert ("error" in record) == isinstance(item, InputFailure)
        if "error" in record:
            assert record["error"]["message"].startswith(item.source) and record["error"]["type"]
    utf8 = next(r for r in records if r["id"] == "utf8-three-bad-bytes")
    assert utf8["warnings"][0]["type"] == "decode" and utf8["documents"][0]["symbol"] == "5-QĐ/HU"
