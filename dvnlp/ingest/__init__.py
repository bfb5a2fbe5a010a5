"""Ingest: bytes → text. Encodings, legacy Vietnamese fonts, HTML, DOCX, PDF and inputs.

    >>> from dvnlp.ingest import iter_documents
    >>> for doc in iter_documents(["reports/"]):
    ...     print(doc.id, type(doc).__name__)

* :func:`decode_bytes` — detect the encoding of a text file (BOM, UTF-8, UTF-16,
  Windows-1258, TCVN3/VNI font bytes) and refuse binary data;
* :func:`fix_legacy_text` — repair TCVN3/VNI mojibake in text that is already Unicode;
* :func:`html_to_text`, :func:`looks_like_html`, :func:`docx_to_text`, :func:`pdf_to_text`;
* :func:`iter_documents` — walk files, folders and glob patterns into
  :class:`RawDocument` / :class:`InputFailure` items.

Importing this package does no work; tables and parsers are built on first use.
"""
from __future__ import annotations

from dvnlp.ingest.docx import docx_to_text
from dvnlp.ingest.encodings import DecodedText, decode_bytes, fix_legacy_text
from dvnlp.ingest.html import html_to_text, looks_like_html
from dvnlp.ingest.pdf import pdf_to_text
from dvnlp.ingest.sources import InputFailure, RawDocument, iter_documents, read_text_file

__all__ = [
    "DecodedText",
    "InputFailure",
    "RawDocument",
    "decode_bytes",
    "docx_to_text",
    "fix_legacy_text",
    "html_to_text",
    "iter_documents",
    "looks_like_html",
    "pdf_to_text",
    "read_text_file",
]
