"""OCR of PDF pages that have no text layer (scanned reports): Tesseract with its Vietnamese data.

Needs the optional extra ``pip install 'dvnlp[ocr]'`` (``pytesseract``, ``pypdfium2`` to render
pages, ``Pillow``) and the Debian packages ``tesseract-ocr tesseract-ocr-vie``; when one is missing,
:func:`ocr_unavailable` says which, and the PDF reader turns that into a clear error or warning.

Pages are rendered at :data:`DPI` and read with Tesseract's automatic page layout, which keeps
the paragraphs of a report in order. :func:`repair_ocr_text` then joins syllables that OCR split
(``Dân v ận`` → ``Dân vận``) where the syllable rules make it certain.
"""
from __future__ import annotations

import re
import shutil
from functools import cache

from dvnlp.errors import InputError
from dvnlp.ingest.legacy import is_vietnamese_syllable

__all__ = ["DPI", "ocr_pdf_pages", "ocr_unavailable", "repair_ocr_text"]

#: rendering resolution of a page for OCR
DPI = 300
_LANG = "vie"
_PAGE_SECONDS = 120
_DOUBLE_D = re.compile("(\u0110|\u0111)\\1")
_ETH = str.maketrans("\u00d0\u00f0", "\u0110\u0111")
_LETTERS = re.compile(r"[^\W\d_]{1,7}")


@cache
def ocr_unavailable() -> str | None:
    """Why OCR cannot run here (naming what to install), or None when it can."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError:
        return "OCR needs the ocr extra: pip install 'dvnlp[ocr]'"
    if shutil.which("tesseract") is None:
        return "OCR needs Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
    try:
        languages = set(pytesseract.get_languages(config=""))
    except Exception as error:  # noqa: BLE001 - a broken install is reported, not raised
        return f"Tesseract does not run ({type(error).__name__}: {error})"
    if _LANG not in languages:
        return "OCR needs Tesseract's Vietnamese data (Debian: apt-get install tesseract-ocr-vie)"
    return None


def ocr_pdf_pages(data: bytes, pages: list[int], *, source: str, dpi: int = DPI) -> dict[int, str]:
    """OCR the given 0-based ``pages`` of a PDF; return page → repaired text."""
    import pypdfium2 as pdfium
    import pytesseract

    problem = ocr_unavailable()
    if problem:
        raise InputError(source, problem)
    out: dict[int, str] = {}
    try:
        document = pdfium.PdfDocument(data)
    except Exception as error:  # noqa: BLE001 - pdfium refuses what pypdf could open: say so
        raise InputError(source, f"cannot render the PDF for OCR ({type(error).__name__}: {error})") from error
    try:
        for number in pages:
            image = document[number].render(scale=dpi / 72, grayscale=True).to_pil()
            try:
                text = pytesseract.image_to_string(image, lang=_LANG, timeout=_PAGE_SECONDS)
            except RuntimeError as error:  # pytesseract's timeout
                raise InputError(source, f"OCR of page {number + 1} took longer than {_PAGE_SECONDS} s") from error
            out[number] = repair_ocr_text(text)
    finally:
        document.close()
    return out


def repair_ocr_text(text: str) -> str:
    """Join two letter groups split by one space when one of them is not a Vietnamese syllable and
    the two together are one (``v ận`` → ``vận``, ``Đ ảng`` → ``Đảng``), in the same case. Two real
    syllables are never joined. Tesseract's ``Ð``/``ð`` (eth, which Vietnamese does not have) become
    ``Đ``/``đ`` (``QÐ-UBND`` → ``QĐ-UBND``), and a doubled ``ĐĐ``, which Vietnamese never writes, one
    ``Đ`` (``400-QĐĐ/TU`` → ``400-QĐ/TU``, a Tesseract error seen on 200 dpi scans). The lines of a
    paragraph (Tesseract's blocks, separated by blank lines) are joined into one, as the report had
    them before it was printed."""
    paragraphs = []
    text = _DOUBLE_D.sub(r"\1", text.replace("\f", "").translate(_ETH))
    for block in re.split(r"\n\s*\n", text):
        words = " ".join(part.strip() for part in block.splitlines() if part.strip()).split(" ")
        out: list[str] = []
        for word in words:
            if out and _joinable(out[-1], word):
                out[-1] += word
            else:
                out.append(word)
        if out and any(out):
            paragraphs.append(" ".join(out))
    return "\n".join(paragraphs)


def _joinable(left: str, right: str) -> bool:
    if not (_LETTERS.fullmatch(left) and _LETTERS.fullmatch(right)):
        return False
    if is_vietnamese_syllable(left) and is_vietnamese_syllable(right):
        return False
    same_case = left.isupper() == right.isupper() or (len(left) == 1 and left.isupper() and right.islower())
    return same_case and is_vietnamese_syllable(left + right)
