"""DOCX → text, converting legacy-font runs (``.VnTime`` → TCVN3, ``VNI-Times`` → VNI).

Paragraphs and tables are read in document order (content controls included, text
boxes, headers and footers not). Whether a run is legacy text is decided per run from
its font: the run's own ``w:rFonts``, else its character style, else the paragraph's
style chain, else the document defaults; theme fonts (``asciiTheme="minorHAnsi"``) are
looked up in the theme. A document mixing a ``.VnTime`` paragraph with Unicode ones
converts only the former. Runs whose text already holds Unicode-only Vietnamese letters
are left alone whatever their font, and text in ordinary fonts that is still mojibake
gets the plain-text repair of :func:`~dvnlp.ingest.encodings.fix_legacy_text`.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from dvnlp.errors import InputError
from dvnlp.ingest.encodings import DecodedText, fix_legacy_text
from dvnlp.ingest.legacy import convert_legacy, has_unicode_vietnamese, legacy_font_encoding

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["docx_to_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_THEME_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def _qn(name: str) -> str:
    """``"w:p"`` → Clark notation (python-docx's helper, without importing python-docx)."""
    return _W + name.split(":", 1)[1]


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_XML_BYTES = 512 * 2**20  # uncompressed size of the document's XML parts
_MAX_TABLE_DEPTH = 32
_FONT_ATTRS = tuple(_qn(f"w:{name}") for name in ("hAnsi", "ascii"))
_THEME_ATTRS = tuple(_qn(f"w:{name}") for name in ("hAnsiTheme", "asciiTheme"))
_W_P, _W_TBL, _W_TR, _W_TC, _W_R = _qn("w:p"), _qn("w:tbl"), _qn("w:tr"), _qn("w:tc"), _qn("w:r")
# Inline containers whose runs are part of the paragraph text; w:del/w:moveFrom are not.
_INLINE_CONTAINERS = frozenset(
    _qn(f"w:{name}") for name in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent")
)
_BLOCK_CONTAINERS = frozenset(_qn(f"w:{name}") for name in ("sdt", "sdtContent", "customXml"))
_RUN_TEXT = {
    _qn("w:t"): None, _qn("w:tab"): "\t", _qn("w:br"): "\n", _qn("w:cr"): "\n",
    _qn("w:noBreakHyphen"): "-", _qn("w:softHyphen"): "\xad", _qn("w:ptab"): "\t",
}


def docx_to_text(data: bytes, *, source: str) -> DecodedText:
    """Extract the text of a DOCX file; ``legacy`` names the font encodings converted.

    Raises :class:`~dvnlp.errors.InputError` naming ``source`` for a file that is not a
    readable DOCX (including old binary ``.doc`` files renamed ``.docx``).
    """
    from docx import Document  # imported on use: only needed for DOCX inputs

    if data.startswith(_OLE_MAGIC):
        raise InputError(source, "a Word 97-2003 .doc file, not .docx; save it as .docx first")
    if not data.startswith(b"PK"):
        raise InputError(source, "not a DOCX file (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
        if size > _MAX_XML_BYTES:
            raise InputError(source, f"DOCX expands to {size // 2**20} MB of XML, over the limit")
        document = Document(io.BytesIO(data))
        fonts = _FontResolver(document)
        used: set[str] = set()
        blocks = list(_blocks(document.element.body, fonts, used, 0))
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means an unreadable file
        raise InputError(source, f"not a readable DOCX file ({type(error).__name__}: {error})") from error
    text, repaired = fix_legacy_text("\n".join(blocks))
    if repaired:
        used.add(repaired)
    return DecodedText(text, "docx", "+".join(sorted(used)) or None)


class _FontResolver:
    """Finds the font that applies to a run, following Word's inheritance order."""

    def __init__(self, document: Any) -> None:
        styles_element = document.styles.element
        self._styles = {s.get(_qn("w:styleId")): s for s in styles_element.iterchildren(_qn("w:style"))}
        self._default_paragraph = next(
            (sid for sid, s in self._styles.items()
             if s.get(_qn("w:type")) == "paragraph" and s.get(_qn("w:default")) in ("1", "true", "on")),
            None,
        )
        defaults = styles_element.find(f"{_qn('w:docDefaults')}/{_qn('w:rPrDefault')}/{_qn('w:rPr')}")
        self._theme = _theme_fonts(document)
        self._default_font = self._from_rpr(defaults)
        self._style_cache: dict[str, str | None] = {}

    def run_font(self, run: etree._Element, paragraph: etree._Element) -> str | None:
        font = self._from_rpr(run.find(_qn("w:rPr")))
        if font:
            return font
        rstyle = run.find(f"{_qn('w:rPr')}/{_qn('w:rStyle')}")
        if rstyle is not None and (font := self._style_font(rstyle.get(_qn("w:val")))):
            return font
        pstyle = paragraph.find(f"{_qn('w:pPr')}/{_qn('w:pStyle')}")
        style_id = pstyle.get(_qn("w:val")) if pstyle is not None else self._default_paragraph
        return self._style_font(style_id) or self._default_font

    def _style_font(self, style_id: str | None) -> str | None:
        if style_id is None:
            return None
        if style_id not in self._style_cache:
            font: str | None = None
            seen: set[str] = set()
            current: str | None = style_id
            while current and current not in seen and font is None:  # basedOn chain
                seen.add(current)
                style = self._styles.get(current)
                if style is None:
                    break
                font = self._from_rpr(style.find(_qn("w:rPr")))
                based = style.find(_qn("w:basedOn"))
                current = based.get(_qn("w:val")) if based is not None else None
            self._style_cache[style_id] = font
        return self._style_cache[style_id]

    def _from_rpr(self, rpr: etree._Element | None) -> str | None:
        if rpr is None:
            return None
        rfonts = rpr.find(_qn("w:rFonts"))
        if rfonts is None:
            return None
        for attr in _FONT_ATTRS:
            if rfonts.get(attr):
                return rfonts.get(attr)
        for attr in _THEME_ATTRS:
            theme = rfonts.get(attr)
            if theme:
                return self._theme.get("major" if theme.startswith("major") else "minor")
        return None


def _theme_fonts(document: Any) -> dict[str, str]:
    """The theme's major/minor Latin typefaces (``{}`` when there is no theme)."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == _THEME_RELATIONSHIP and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob, parser=etree.XMLParser(resolve_entities=False))
            except (etree.XMLSyntaxError, ValueError):
                return {}
            ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
            found = {}
            for kind in ("major", "minor"):
                latin = root.find(f".//a:{kind}Font/a:latin", ns)
                if latin is not None and latin.get("typeface"):
                    found[kind] = latin.get("typeface")
            return found
    return {}


def _blocks(container: etree._Element, fonts: _FontResolver, used: set[str], depth: int) -> Iterator[str]:
    """Text blocks (paragraphs, table rows) of a body, cell or content control, in order."""
    for child in container.iterchildren():
        if child.tag == _W_P:
            yield _paragraph_text(child, fonts, used)
        elif child.tag == _W_TBL:
            yield from _table(child, fonts, used, depth + 1)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child, fonts, used, depth)


def _table(table: etree._Element, fonts: _FontResolver, used: set[str], depth: int) -> Iterator[str]:
    """A row whose cells are one line each becomes one tab-separated line; else one line each."""
    if depth > _MAX_TABLE_DEPTH:
        yield "".join(node.text or "" for node in table.iter(_qn("w:t")))
        return
    for row in table.iterchildren(_W_TR):
        cells = [[line for line in _blocks(cell, fonts, used, depth) if line.strip()]
                 for cell in row.iterchildren(_W_TC)]
        cells = [cell for cell in cells if cell]
        if all(len(cell) == 1 and "\n" not in cell[0] for cell in cells):
            if cells:
                yield "\t".join(cell[0] for cell in cells)
        else:
            for cell in cells:
                yield from cell


def _paragraph_text(paragraph: etree._Element, fonts: _FontResolver, used: set[str]) -> str:
    """Join a paragraph's runs, converting consecutive runs that share a legacy font."""
    segments: list[tuple[str, str | None, bool]] = []
    for run in _runs(paragraph):
        text = _run_text(run)
        if not text:
            continue
        encoding, upper = legacy_font_encoding(fonts.run_font(run, paragraph))
        if segments and segments[-1][1:] == (encoding, upper):
            segments[-1] = (segments[-1][0] + text, encoding, upper)
        else:
            segments.append((text, encoding, upper))
    parts = []
    for text, encoding, upper in segments:
        if encoding is not None and not has_unicode_vietnamese(text):
            converted = convert_legacy(text, encoding, upper=upper)
            if converted != text:
                used.add(encoding)
                text = converted
        parts.append(text)
    return "".join(parts)


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's runs in order, including those in hyperlinks, insertions, fields."""
    stack = [iter(paragraph.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _W_R:
            yield child
        elif child.tag in _INLINE_CONTAINERS and len(stack) < 16:
            stack.append(iter(child.iterchildren()))


def _run_text(run: etree._Element) -> str:
    parts = []
    for child in run.iterchildren():
        if child.tag in _RUN_TEXT:
            replacement = _RUN_TEXT[child.tag]
            parts.append((child.text or "") if replacement is None else replacement)
    return "".join(parts)
