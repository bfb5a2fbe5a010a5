"""PDF → text from its text layer (pypdf); scanned PDFs without one are refused.

PDFs made from ``.VnTime``/``VNI-Times`` documents carry legacy-font mojibake in their
text layer; it is repaired with :func:`~dvnlp.ingest.encodings.fix_legacy_text`. Their
text layer also turns two TCVN3 letters into mathematical symbols — byte 0xAD (ư) into
U+2212 MINUS SIGN and 0xB7 (ã) into U+2219 BULLET OPERATOR — which are mapped back
beside letters before the repair, and only kept when the repair applies.
"""
from __future__ import annotations

import io
import re

from dvnlp.errors import InputError
from dvnlp.ingest.encodings import DecodedText, fix_legacy_text

__all__ = ["pdf_to_text"]

_GLYPHS = {"\u2212": "\xad", "\u2219": "\xb7"}
_GLYPH_NEXT_TO_LETTER = re.compile(r"(?<=[^\W\d_])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_])")


def pdf_to_text(data: bytes, *, source: str) -> DecodedText:
    """Extract the text layer of a PDF, pages separated by a blank line.

    Raises :class:`~dvnlp.errors.InputError` naming ``source`` for an unreadable or
    encrypted PDF, and ``"no text layer (scanned PDF?)"`` when no page has text.
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
    if failures and failures == len(pages):
        raise InputError(source, "could not extract text from any page")
    text = "\n\n".join(part for part in texts if part)
    if not text.strip():
        raise InputError(source, "no text layer (scanned PDF?)")
    restored = _GLYPH_NEXT_TO_LETTER.sub(lambda m: _GLYPHS[m.group(0)], text)
    fixed, legacy = fix_legacy_text(restored)
    if legacy is None:
        return DecodedText(text, "pdf", None)
    return DecodedText(fixed, "pdf", legacy)
