"""Walk the inputs a user names — files, folders, glob patterns — and read each document.

Supported files: ``.txt``, ``.html``/``.htm``, ``.docx``, ``.doc`` (Word 97–2003),
``.odt``, ``.rtf``, ``.pdf``, ``.json`` and ``.jsonl``/``.jsonl.gz`` (one ``{"id", "text"}``
object per line). A file named explicitly is read whatever its suffix (PDF, DOCX, ODT, DOC
and RTF are recognised by their first bytes, anything else is decoded as text); folders contribute only the supported
suffixes. A bad input never stops the walk: it becomes an :class:`InputFailure` with
an English message that starts with the file name.
"""
from __future__ import annotations

import dataclasses
import glob
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dvnlp.errors import InputError
from dvnlp.ingest.docx import docx_to_text
from dvnlp.ingest.encodings import DecodedText, confidence, decode_bytes, fix_legacy_text
from dvnlp.ingest.html import html_to_text, looks_like_html
from dvnlp.ingest.office import OFFICE_KINDS, OFFICE_READERS, sniff_kind
from dvnlp.ingest.pdf import pdf_to_text

__all__ = ["SUFFIXES", "InputFailure", "RawDocument", "iter_documents", "read_text_file"]

#: Suffixes collected from folders (compared case-insensitively).
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".doc", ".odt", ".rtf", ".pdf", ".jsonl", ".jsonl.gz", ".json")
_GLOB_CHARS = frozenset("*?[")
_MB = 2**20


@dataclass(frozen=True)
class RawDocument:
    """One document's text. ``encoding`` is how it was read (``"utf-8"``, ``"cp1258"``,
    ``"docx"`` …, with ``"+tcvn3"``/``"+vni"`` when legacy-font text was converted),
    ``confidence`` how sure that reading is (0–1), ``warnings`` what was repaired on the way
    (``{"type", "message"}`` each), ``ocr_pages`` the PDF pages read by OCR."""

    id: str
    source: str
    text: str
    encoding: str | None = None
    confidence: float | None = None
    warnings: tuple[dict[str, str], ...] = ()
    ocr_pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read; ``message`` starts with ``source``."""

    id: str
    source: str
    error_type: str
    message: str


def iter_documents(
    paths: Iterable[str | Path], *, max_bytes: int = 50 * _MB
) -> Iterator[RawDocument | InputFailure]:
    """Yield a :class:`RawDocument` or an :class:`InputFailure` for every input, in order.

    Folders are walked recursively in sorted order (hidden files and Office lock files
    ``~$…`` skipped); glob patterns are expanded (``**`` included). A file's id is its
    name without the extension; a JSON record's id is its ``"id"``, else
    ``"<file stem>:<line or item number>"``. Files over ``max_bytes`` are refused; for
    JSON Lines, which are streamed, the limit applies to each line instead.
    """
    for item in paths:
        for target in _expand(item):
            if isinstance(target, InputFailure):
                yield target
            else:
                yield from _read_path(target, max_bytes)


def read_text_file(path: str | Path) -> str:
    """Read one text, HTML, DOCX or PDF file and return its text.

    Raises :class:`~dvnlp.errors.InputError` naming the file when it cannot be read.
    """
    path = Path(path)
    source = str(path)
    if _kind(path) in ("jsonl", "json"):
        raise InputError(source, "holds JSON records, not one text; use iter_documents")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(source, f"cannot read file ({error.strerror or error})") from error
    return _decode_file(data, _kind(path), source).text


def _expand(item: str | Path) -> Iterator[Path | InputFailure]:
    path = Path(item)
    if path.is_dir():
        yield from _walk_dir(path)
    elif path.is_file():
        yield path
    elif _GLOB_CHARS & set(str(item)):
        matches = sorted(glob.glob(str(item), recursive=True))
        if not matches:
            yield _failure(path, "FileNotFoundError", "no files match this pattern")
        for match in matches:
            found = Path(match)
            if found.is_dir():
                yield from _walk_dir(found)
            elif found.is_file():
                yield found
    elif path.exists():
        yield _failure(path, "InputError", "not a regular file")
    else:
        yield _failure(path, "FileNotFoundError", "no such file or folder")


def _walk_dir(folder: Path) -> Iterator[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                continue
            found.append(Path(root, name))
    yield from sorted(found)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    for suffix, kind in ((".json", "json"), (".docx", "docx"), (".doc", "doc"), (".odt", "odt"), (".rtf", "rtf"),
                         (".pdf", "pdf"), (".html", "html"), (".htm", "html")):
        if name.endswith(suffix):
            return kind
    return "text"


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".jsonl.gz"):
        return name[: -len(".jsonl.gz")]
    return Path(name).stem if "." in name.strip(".") else name


def _failure(path: Path, error_type: str, message: str, *, source: str | None = None,
             doc_id: str | None = None) -> InputFailure:
    source = source or str(path)
    return InputFailure(doc_id or _stem(path), source, error_type, f"{source}: {message}")


def _from_error(path: Path, error: BaseException, *, source: str | None = None,
                doc_id: str | None = None) -> InputFailure:
    if isinstance(error, InputError):
        return InputFailure(doc_id or _stem(path), source or str(path), "InputError", str(error))
    if isinstance(error, OSError):
        detail = f"cannot read file ({error.strerror or error})"
    elif isinstance(error, (EOFError, gzip.BadGzipFile)):
        detail = f"corrupt or truncated gzip data ({error})"
    else:
        detail = f"unexpected {type(error).__name__}: {error}"
    return _failure(path, type(error).__name__, detail, source=source, doc_id=doc_id)


def _read_path(path: Path, max_bytes: int) -> Iterator[RawDocument | InputFailure]:
    kind = _kind(path)
    try:
        if not path.is_file():  # a FIFO or socket with a report's name would block the read forever
            yield _failure(path, "InputError", "not a regular file")
            return
        if kind == "jsonl":
            yield from _read_jsonl(path, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield _failure(path, "InputError",
                           f"file too large ({size / _MB:.1f} MB > {max_bytes / _MB:g} MB limit)")
            return
        data = path.read_bytes()
        if kind == "json":
            yield from _read_json(path, data)
            return
        decoded = _decode_file(data, kind, str(path))
        yield RawDocument(_stem(path), str(path), decoded.text, _label(decoded), decoded.confidence,
                          decoded.warnings, decoded.ocr_pages)
    except Exception as error:  # noqa: BLE001 - one bad input must not stop the others
        yield _from_error(path, error)


def _decode_file(data: bytes, kind: str, source: str) -> DecodedText:
    """Bytes of one file → text, by suffix and, for unknown suffixes, by magic bytes."""
    sniffed = sniff_kind(data)
    if sniffed and (kind == "text" or (kind in OFFICE_KINDS and sniffed != "pdf")):
        kind = sniffed  # by content: a .doc saved as .docx, a report without a suffix
    if kind == "docx":
        decoded = docx_to_text(data, source=source)
    elif kind == "pdf":
        decoded = pdf_to_text(data, source=source)
    elif kind in OFFICE_READERS:
        decoded = OFFICE_READERS[kind](data, source=source)
    else:
        raw = decode_bytes(data, source=source, fix_legacy=False)
        text = raw.text
        if kind == "html" or looks_like_html(text):
            text = html_to_text(text)
        text, legacy = fix_legacy_text(text)
        decoded = DecodedText(text, raw.encoding, raw.legacy or legacy, raw.confidence if legacy is None
                              else confidence(text), raw.warnings)
    if not decoded.text.strip():
        raise InputError(source, "no text content")
    return decoded


def _label(decoded: DecodedText) -> str:
    if decoded.legacy and decoded.legacy != decoded.encoding:
        return f"{decoded.encoding}+{decoded.legacy}"
    return decoded.encoding


def _record(path: Path, obj: Any, number: int, source: str) -> RawDocument | InputFailure:
    """One JSON record → document; ``number`` makes the default id."""
    default_id = f"{_stem(path)}:{number}"
    if not isinstance(obj, dict):
        return _failure(path, "InputError", "record is not a JSON object", source=source, doc_id=default_id)
    raw_id = obj.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else default_id
    text = obj.get("text")
    if not isinstance(text, str):
        return _failure(path, "InputError", 'record has no "text" string', source=source, doc_id=doc_id)
    if obj.get("format") == "html" or looks_like_html(text):
        text = html_to_text(text)
    text, legacy = fix_legacy_text(text)
    if not text.strip():
        return _failure(path, "InputError", "record text is empty", source=source, doc_id=doc_id)
    return RawDocument(doc_id, source, text, f"utf-8+{legacy}" if legacy else "utf-8", confidence(text))


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | InputFailure]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        number = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                break
            number += 1
            source = f"{path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := stream.readline(_MB)) and not rest.endswith(b"\n"):
                    pass
                yield _failure(path, "InputError", f"line too long (> {max_bytes / _MB:g} MB limit)",
                               source=source, doc_id=f"{_stem(path)}:{number}")
                continue
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as error:
                reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
                yield _failure(path, type(error).__name__, f"invalid JSON ({reason})",
                               source=source, doc_id=f"{_stem(path)}:{number}")
                continue
            try:
                yield _record(path, obj, number, source)
            except Exception as error:  # noqa: BLE001
                yield _from_error(path, error, source=source, doc_id=f"{_stem(path)}:{number}")


def _read_json(path: Path, data: bytes) -> Iterator[RawDocument | InputFailure]:
    try:
        obj = json.loads(data)
    except ValueError as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
        yield _failure(path, type(error).__name__, f"invalid JSON ({reason})")
        return
    if isinstance(obj, list):
        for number, item in enumerate(obj, start=1):
            yield _record(path, item, number, f"{path}:{number}")
    elif isinstance(obj, dict) and "text" in obj:
        record = _record(path, obj, 1, str(path))
        if isinstance(record, RawDocument) and not isinstance(obj.get("id"), (str, int)):
            record = dataclasses.replace(record, id=_stem(path))
        yield record
    else:
        yield _failure(path, "InputError", "JSON file holds neither a record nor a list of records")
