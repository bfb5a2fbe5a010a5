"""PDF → text from its text layer (pypdf); pages without one go through OCR (:mod:`dvnlp.ingest.ocr`).

PDFs made from ``.VnTime``/``VNI-Times`` documents carry legacy-font mojibake in their
text layer; it is repaired page by page with :func:`~dvnlp.ingest.encodings.fix_legacy_text`
(a report whose annex was typed in ``.VnTime`` converts only those pages). Their text layer
also turns two TCVN3 letters into mathematical symbols — byte 0xAD (ư) into U+2212 MINUS SIGN
and 0xB7 (ã) into U+2219 BULLET OPERATOR — which are mapped back beside letters before the
repair, and only kept when the repair applies.

A page with (almost) no text is read by OCR when the ``ocr`` extra and Tesseract are installed
(the result's ``ocr_pages`` names them); otherwise such pages are skipped with a warning, and a
PDF with no text at all is refused with a message that says what to install.
"""
from __future__ import annotations

import io
import re
from typing import Any

from dvnlp.errors import InputError
from dvnlp.ingest.encodings import DecodedText, confidence, fix_legacy_text

__all__ = ["pdf_to_text"]

_GLYPHS = {"\u2212": "\xad", "\u2219": "\xb7"}
_GLYPH_NEXT_TO_LETTER = re.compile(r"(?<=[^\W\d_])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_])")


#: a page with fewer letters and digits than this in its text layer is treated as scanned
MIN_PAGE_CHARS = 8


def pdf_to_text(data: bytes, *, source: str, ocr: bool = True) -> DecodedText:
    """Extract the text of a PDF, pages separated by a blank line.

    Raises :class:`~dvnlp.errors.InputError` naming ``source`` for an unreadable or
    encrypted PDF, and ``"no text layer (scanned PDF?)"`` (with what to install) when no page
    has text and OCR cannot supply it.
    """
    from pypdf import PdfReader  # imported on use: pypdf is only needed for PDFs

    if not data.lstrip()[:1024].startswith(b"%PDF"):
        raise InputError(source, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "encrypted PDF (a password is required)")
        pages = list(reader.pages)
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure means an unreadable file
        raise InputError(source, f"not a readable PDF file ({type(error).__name__}: {error})") from error
    texts: list[str] = []
    failures = 0
    for page in pages:
        try:
            texts.append((page.extract_text() or "").strip())
        except Exception:  # noqa: BLE001 - one broken page should not lose the others
            failures += 1
            texts.append("")
    if failures and failures == len(pages):
        raise InputError(source, "could not extract text from any page")
    scanned = [n for n, text in enumerate(texts) if sum(ch.isalnum() for ch in text) < MIN_PAGE_CHARS
               and _has_image(pages[n])]
    warnings: list[dict[str, str]] = []
    ocr_pages: tuple[int, ...] = ()
    if scanned:
        from dvnlp.ingest.ocr import ocr_pdf_pages, ocr_unavailable

        problem = ocr_unavailable() if ocr else "OCR is turned off"
        if problem is None:
            for number, text in ocr_pdf_pages(data, scanned, source=source).items():
                texts[number] = text
            ocr_pages = tuple(n + 1 for n in scanned)
        elif any(texts):
            listed = ", ".join(str(n + 1) for n in scanned)
            warnings.append({"type": "ocr", "message": f"{source}: page(s) {listed} without a text layer not read: "
                                                       f"{problem}"})
        else:
            raise InputError(source, f"no text layer (scanned PDF?); {problem}")
    legacy: set[str] = set()
    parts = []
    for text in texts:
        if text:
            fixed, used = _fix_page(text)
            parts.append(fixed)
            if used:
                legacy.add(used)
    text = "\n\n".join(parts)
    if not text.strip():
        raise InputError(source, "no text layer (scanned PDF?)")
    return DecodedText(text, "pdf", "+".join(sorted(legacy)) or None, confidence(text), tuple(warnings), ocr_pages)


def _fix_page(text: str) -> tuple[str, str | None]:
    restored = _GLYPH_NEXT_TO_LETTER.sub(lambda m: _GLYPHS[m.group(0)], text)
    fixed, legacy = fix_legacy_text(restored)
    return (text, None) if legacy is None else (fixed, legacy)


def _has_image(page: Any) -> bool:
    """Whether a page draws an image (its resources name an image XObject, directly or in a form)."""
    try:
        resources = page.get("/Resources") or {}
        stack, seen = [resources], 0
        while stack and seen < 64:
            seen += 1
            objects = (stack.pop().get_object().get("/XObject") or {}).get_object()
            for ref in objects.values():
                obj = ref.get_object()
                if obj.get("/Subtype") == "/Image":
                    return True
                if obj.get("/Subtype") == "/Form" and obj.get("/Resources"):
                    stack.append(obj["/Resources"])
    except Exception:  # noqa: BLE001 - a page we cannot inspect is treated as having one
        return True
    return False
