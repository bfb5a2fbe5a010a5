"""OCR of PDF pages that have no text layer (scanned reports): Tesseract with its Vietnamese data.

Needs the optional extra ``pip install 'dvnlp[ocr]'`` (``pytesseract``, ``pypdfium2`` to render
pages, ``Pillow``) and the Debian packages ``tesseract-ocr tesseract-ocr-vie``; when one is missing,
:func:`ocr_unavailable` says which, and the PDF reader turns that into a clear error or warning.

Pages are rendered at :data:`DPI` and read with Tesseract's automatic page layout, which keeps
the paragraphs of a report in order. :func:`repair_ocr_text` then repairs what OCR breaks where
the syllable rules or the rule files make it certain: split syllables (``Dân v ận`` → ``Dân vận``),
lines Tesseract cut into blocks, specks, toned capitals in symbols, a toned ``i`` in a surname.
"""
from __future__ import annotations

import re
import shutil
import unicodedata
from functools import cache

from dvnlp.errors import InputError
from dvnlp.ingest.legacy import is_vietnamese_syllable
from dvnlp.ingest.ocr_names import after_honorific, repair_names, vietnamese_surnames

__all__ = ["DPI", "ocr_pdf_pages", "ocr_unavailable", "repair_ocr_text"]

#: rendering resolution of a page for OCR
DPI = 300
_LANG = "vie"
_PAGE_SECONDS = 120
_DOUBLE_D = re.compile("(\u0110|\u0111)\\1")
_ETH = str.maketrans("\u00d0\u00f0", "\u0110\u0111")
_LETTERS = re.compile(r"[^\W\d_]{1,7}")
_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
_TERMINAL = ".!?…"
_LIST_SIGNS = ";:"
#: fewest characters of a full printed line (about 75 at 12 pt on A4)
_FULL_LINE = 40
_NOISE_TOKEN = re.compile(r"[|ˆ§¦]+|[.,]")
_NAME_PREFIX = re.compile(r"[HYK]['’]")
_DASHED_WORD = re.compile(r"- [^\W\d_]*[a-zà-ỹđ]")
#: a document symbol: number (and year) then its codes, ``844-QĐ/HU``, ``04/2015/NĐ-CP``
_SYMBOL = re.compile(r"(?<![\w/])\d+[a-z]?(?:/\d{4})?[-/][^\W\d_](?:[\w&./-]*[\w&])?")
_TONED_I = str.maketrans("ìíỉĩị", "iiiii")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


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
    """Repair what OCR reliably breaks, only where the spelling rules make the repair certain.

    * Two letter groups split by one space are joined when one of them is not a Vietnamese syllable
      and the two together are one (``v ận`` → ``vận``, ``Đ ảng`` → ``Đảng``), in the same case; two
      real syllables are never joined.
    * Tesseract's ``Ð``/``ð`` (eth, which Vietnamese does not have) become ``Đ``/``đ``, and a doubled
      ``ĐĐ``, which Vietnamese never writes, one ``Đ`` (``400-QĐĐ/TU`` → ``400-QĐ/TU``).
    * In a document symbol written in capitals, tone marks are removed (``844-QĐ/HỦ`` → ``844-QĐ/HU``):
      abbreviations take the bare initial letter of each syllable, so a toned capital there is a speck;
      a code with an ``F`` (not a Vietnamese letter) that the rule files know with ``P`` gets it
      (``NĐ-CF`` → ``NĐ-CP``).
    * A lone ``|``, ``ˆ``, ``§``, ``¦``, ``.`` or ``,`` (specks read as signs; Vietnamese text never
      has them alone), and one character after the end of a sentence at the end of a block
      (``… năm 2023. -``), are dropped, and an ethnic name prefix cut after its apostrophe is joined (``H' Xuân`` → ``H'Xuân``).
    * People's names are repaired from the rule files (:func:`dvnlp.ingest.ocr_names.repair_names`):
      ``Kpã``/``Kpăã`` → ``Kpă``, ``MIô`` → ``Mlô``, ``Đồng chí Đạng Trí`` → ``Đặng``, ``bà Nay H Lan`` → ``H'Lan``,
      ``ông Siu. Hương`` → ``Siu Hương``, ``Đồng chí. Kpă Đoan`` → ``Đồng chí Kpă Đoan``, ``Đíc Lê Thị`` → ``Đ/c``;
      after an honorific and before a name, a toned ``i`` that makes no surname is dropped
      (``Đồng chí Đỉnh Ơng`` → ``Đinh``).
    * The lines of a paragraph are joined into one, as the report had them before it was printed:
      Tesseract's blocks (separated by blank lines, often one per line) too, when the earlier one
      ends without a sentence-final sign, is not a heading in capitals, and either its last line is
      a full one or the next block begins with a lower-case word (after ``;`` or ``:``, which end
      list items, only the latter); a ``-`` OCR put before such a word after a full line is
      dropped. Paragraphs are separated by newlines.
    """
    text = _DOUBLE_D.sub(r"\1", text.replace("\f", "").translate(_ETH))
    blocks = [[line.strip() for line in block.splitlines() if line.strip()] for block in re.split(r"\n\s*\n", text)]
    blocks = [block for block in blocks if block]
    lengths = sorted(len(line) for block in blocks for line in block)
    full = max(_FULL_LINE, 0.75 * lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 0
    paragraphs: list[str] = []
    last_line = 0
    for block in blocks:
        joined = _drop_tail(_repair_words(" ".join(block).split(" ")))
        if not joined:
            continue
        if paragraphs and _continues(paragraphs[-1], last_line >= full, joined):
            if last_line >= full and paragraphs[-1][-1] not in _LIST_SIGNS and _DASHED_WORD.match(joined):
                joined = joined[2:]
            paragraphs[-1] = _repair_words(f"{paragraphs[-1]} {joined}".split(" "))
        else:
            paragraphs.append(joined)
        last_line = len(block[-1])
    return "\n".join(paragraphs)


def _repair_words(words: list[str]) -> str:
    out: list[str] = []
    kept = repair_names([w for w in words if w and not _NOISE_TOKEN.fullmatch(w)])
    for at, word in enumerate(kept):
        word = _SYMBOL.sub(_untone, word)
        if after_honorific(out) and at + 1 < len(kept) and kept[at + 1][:1].isupper():
            word = _surname(word, vietnamese_surnames())
        if out and (_joinable(out[-1], word) or (_NAME_PREFIX.fullmatch(out[-1]) and word[:1].isupper())):
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def _drop_tail(text: str) -> str:
    """Drop a speck read after the end of a sentence: ``… năm 2023. -`` / ``… 38,6%. m`` → ``….``"""
    words = text.split(" ")
    while len(words) > 1 and len(words[-1]) == 1 and not words[-1].isdigit() and words[-2][-1] in _TERMINAL:
        words.pop()
    return " ".join(words)


def _surname(word: str, surnames: frozenset[str]) -> str:
    """After an honorific and before another capitalized word, a word that is no surname but one once the
    tone mark on its ``i`` is dropped is that surname (``ông Đỉnh Văn Hyên``, ``Đồng chí Đỉnh Văn Hyên``
    → ``Đinh``: a speck over the dot of the i)."""
    core = word.rstrip(",.;:")
    if core in surnames or not core[:1].isupper():
        return word
    bare = core.translate(_TONED_I)
    return bare + word[len(core):] if bare != core and bare in surnames else word


def _continues(previous: str, full_line: bool, following: str) -> bool:
    """Does the block ``following`` continue the paragraph ``previous``? Not after the end of a
    sentence or a heading in capitals; after ``;``/``:`` (a list) only into a lower-case word;
    otherwise after a full line, or into a lower-case word."""
    if previous[-1] in _TERMINAL or (previous.upper() == previous and any(c.isalpha() for c in previous)):
        return False
    first = following.split(" ", 1)[0]
    lower_word = bool(_LETTERS_ONLY.fullmatch(first)) and first.islower()
    if previous[-1] in _LIST_SIGNS:
        return lower_word
    return full_line or lower_word


def _untone(match: re.Match[str]) -> str:
    symbol = match.group(0)
    if not all(c.isupper() for c in symbol if c.isalpha()):
        return symbol
    bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", symbol)
                                                if c not in _TONE_MARKS))
    if "F" not in bare:
        return bare
    known = _known_codes()
    parts = re.split(r"([-/])", bare)
    return "".join(part.replace("F", "P") if "F" in part and part not in known and part.replace("F", "P") in known
                   else part for part in parts)


@cache
def _known_codes() -> frozenset[str]:
    """Kind and issuer codes of the rule files (``CP``, ``NĐ``, ``HU`` …): Vietnamese has no ``F``, so a
    code with one that is unknown, but known with ``P`` (Tesseract's usual confusion), is that code."""
    from dvnlp.rulebook import load_rules

    return frozenset(e["code"] for kind in ("document_kinds", "issuers") for e in load_rules(kind).entries)


def _joinable(left: str, right: str) -> bool:
    if not (_LETTERS.fullmatch(left) and _LETTERS.fullmatch(right)):
        return False
    if is_vietnamese_syllable(left) and is_vietnamese_syllable(right):
        return False
    same_case = left.isupper() == right.isupper() or (len(left) == 1 and left.isupper() and right.islower())
    return same_case and is_vietnamese_syllable(left + right)
