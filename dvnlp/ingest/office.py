"""Word 97–2003 ``.doc``, OpenDocument ``.odt`` and ``.rtf`` → text, legacy fonts converted.

* ``.doc`` goes through ``antiword`` (Debian package ``antiword``), else ``catdoc`` (package
  ``catdoc``, with a ``tool`` warning on the record: it is less tested here), both asked for UTF-8
  output; neither installed is a clear error naming them. In a document with a TCVN3 font, the
  optional hyphens that stand for TCVN3's ``ư`` are first restored (:mod:`dvnlp.ingest.doc97`).
* ``.odt`` is read with ``odfpy`` (paragraphs, headings and table cells in order, ``text:s``
  spaces, tabs and line breaks kept); runs whose style names a ``.VnTime``/``VNI-Times`` font
  are converted per run, as for DOCX.
* ``.rtf`` is read with ``striprtf``, its ``\\'xx`` bytes in the document's ``\\ansicpg`` code page.

Whatever the format, text still in TCVN3/VNI mojibake afterwards (a ``.VnTime`` document
read by antiword or striprtf) gets :func:`~dvnlp.ingest.encodings.fix_legacy_text`.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dvnlp.errors import InputError
from dvnlp.ingest.doc97 import restore_tcvn3_soft_hyphens
from dvnlp.ingest.encodings import DecodedText, confidence, decode_bytes, fix_legacy_text
from dvnlp.ingest.legacy import convert_legacy, has_unicode_vietnamese, legacy_font_encoding

__all__ = ["OFFICE_KINDS", "OFFICE_READERS", "doc_to_text", "odt_to_text", "rtf_to_text", "sniff_kind"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OFFICE_KINDS = frozenset({"docx", "doc", "odt", "rtf"})
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_TOOL_SECONDS = 120
_MAX_XML_BYTES = 512 * 2**20


def sniff_kind(data: bytes) -> str | None:
    """``"doc"``, ``"odt"``, ``"docx"``, ``"rtf"`` or ``"pdf"`` from a file's first bytes, else None."""
    head = data[:1024].lstrip()
    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        return "odt" if data[30:38] == b"mimetype" and _ODT_MIME in data[:100] else "docx"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"%PDF"):
        return "pdf"
    return None


def _finish(text: str, encoding: str, legacy: set[str], source: str, *, soft_hyphens: bool = False,
            warnings: tuple[dict[str, str], ...] = ()) -> DecodedText:
    text, repaired = fix_legacy_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if repaired:
        legacy.add(repaired)
    if soft_hyphens:  # restored for TCVN3's ư; those left unconverted were optional hyphens
        text = text.replace("\xad", "")
    if not text.strip():
        raise InputError(source, "no text content")
    return DecodedText(text, encoding, "+".join(sorted(legacy)) or None, confidence(text), warnings)


def doc_to_text(data: bytes, *, source: str) -> DecodedText:
    """Text of a Word 97–2003 ``.doc`` via ``antiword`` (else ``catdoc``)."""
    if not data.startswith(OLE_MAGIC):
        raise InputError(source, "not a Word 97-2003 .doc file (no OLE2 header)")
    tools = [(name, args) for name, args in (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-d", "utf-8"]))
             if shutil.which(name)]
    if not tools:
        raise InputError(source, "reading Word 97-2003 .doc files needs antiword or catdoc, neither is installed "
                         "(Debian: apt-get install antiword)")
    name, args = tools[0]
    restored = restore_tcvn3_soft_hyphens(data)
    if restored is not None:
        data = restored[0]
    warnings: tuple[dict[str, str], ...] = ()
    if name == "catdoc":
        warnings = ({"type": "tool", "message": f"{source}: read with catdoc, antiword is not installed (Debian: "
                     "apt-get install antiword); check the text"},)
    with tempfile.TemporaryDirectory(prefix="dvnlp-doc-") as tmp:
        path = Path(tmp, "input.doc")
        path.write_bytes(data)
        try:
            done = subprocess.run([name, *args, str(path)], capture_output=True, timeout=_TOOL_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(source, f"{name} took longer than {_TOOL_SECONDS} s on this .doc file") from None
    message = done.stderr.decode("utf-8", "replace").strip().replace(str(path), "the file")
    if done.returncode != 0 or not done.stdout.strip():
        if "encrypt" in message.lower() or "password" in message.lower():
            raise InputError(source, "encrypted .doc file (a password is required)")
        raise InputError(source, f"not a readable Word 97-2003 .doc file ({name}: {message or 'no text'})")
    return _finish(done.stdout.decode("utf-8", "replace"), "doc", set(), source, soft_hyphens=restored is not None,
                   warnings=warnings)


def odt_to_text(data: bytes, *, source: str) -> DecodedText:
    """Text of an OpenDocument text file (odfpy), legacy-font runs converted per style."""
    from odf import opendocument, teletype
    from odf.namespaces import STYLENS, TEXTNS

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
        if size > _MAX_XML_BYTES:
            raise InputError(source, f"ODT expands to {size // 2**20} MB of XML, over the limit")
        document = opendocument.load(io.BytesIO(data))
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means an unreadable file
        raise InputError(source, f"not a readable ODT file ({type(error).__name__}: {error})") from error
    fonts = _odt_style_fonts(document, STYLENS)
    legacy: set[str] = set()
    lines: list[str] = []
    wanted = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(node: Any) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in wanted:
                lines.append(_odt_paragraph(child, fonts, legacy, teletype, TEXTNS))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    return _finish("\n".join(lines), "odt", legacy, source)


def _odt_style_fonts(document: Any, stylens: str) -> dict[str, str]:
    """Style name → font name, for automatic and named styles (parents followed)."""
    fonts: dict[str, str] = {}
    parents: dict[str, str] = {}
    for container in (document.styles, document.automaticstyles):
        for style in container.childNodes:
            name = style.attributes.get((stylens, "name"))
            if not name:
                continue
            parent = style.attributes.get((stylens, "parent-style-name"))
            if parent:
                parents[name] = parent
            for props in style.childNodes:
                font = props.attributes.get((stylens, "font-name")) if hasattr(props, "attributes") else None
                if font:
                    fonts[name] = font
    for name in list(parents):
        seen, current = set(), name
        while current not in fonts and current in parents and current not in seen:
            seen.add(current)
            current = parents[current]
        if current in fonts:
            fonts.setdefault(name, fonts[current])
    return fonts


def _odt_paragraph(paragraph: Any, fonts: dict[str, str], legacy: set[str], teletype: Any, textns: str) -> str:
    base = fonts.get(paragraph.attributes.get((textns, "style-name"), ""))
    parts: list[str] = []
    for child in paragraph.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(_odt_convert(str(child.data), base, legacy))
        else:
            font = fonts.get(child.attributes.get((textns, "style-name"), ""), base)
            parts.append(_odt_convert(teletype.extractText(child), font, legacy))
    return "".join(parts)


def _odt_convert(text: str, font: str | None, legacy: set[str]) -> str:
    encoding, upper = legacy_font_encoding(font)
    if encoding is None or has_unicode_vietnamese(text):
        return text
    converted = convert_legacy(text, encoding, upper=upper)
    if converted != text:
        legacy.add(encoding)
    return converted


_ANSICPG = re.compile(rb"\\ansicpg(\d+)")


def rtf_to_text(data: bytes, *, source: str) -> DecodedText:
    """Text of an RTF file (striprtf), ``\\'xx`` bytes read in the document's code page."""
    from striprtf.striprtf import rtf_to_text as strip

    if not data.lstrip()[:5] == b"{\\rtf":
        raise InputError(source, "not an RTF file (no {\\rtf header)")
    page = _ANSICPG.search(data[:4096])
    codepage = f"cp{int(page.group(1))}" if page else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    # RTF itself is 7-bit; stray 8-bit bytes are read like the rest of a text file.
    raw = data.decode("ascii") if data.isascii() else decode_bytes(data, source=source, fix_legacy=False).text
    try:
        text = strip(raw, encoding=codepage, errors="replace")
    except Exception as error:  # noqa: BLE001 - a parser failure means an unreadable file
        raise InputError(source, f"not a readable RTF file ({type(error).__name__}: {error})") from error
    return _finish(text, "rtf", set(), source)


OFFICE_READERS: dict[str, Callable[..., DecodedText]] = {"doc": doc_to_text, "odt": odt_to_text, "rtf": rtf_to_text}
