"""Run the pipeline over inputs in this process: every input gives a Report or an ErrorRecord."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from spacy.language import Language

from dvnlp.checks import check
from dvnlp.facts import Report, report_from_doc
from dvnlp.ingest import InputFailure, RawDocument, iter_documents


@dataclass(frozen=True)
class ErrorRecord:
    """One input that produced no report, with the reason (written in place of its report)."""

    id: str
    source: str
    type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "error": {"type": self.type, "message": self.message}}


@dataclass
class SourcedReport(Report):
    """A :class:`~dvnlp.facts.Report` with how its input was read: ``input`` (``encoding``,
    ``confidence``, ``ocr_pages``), a key of its output record after ``warnings``. What ingest
    repaired (invalid bytes replaced by U+FFFD, a duplicate id renamed, pages not OCRed) comes
    first in ``warnings``."""

    input: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["input"] = self.input
        return out


def input_info(raw: RawDocument) -> dict[str, Any]:
    """``{"encoding", "confidence", "ocr_pages"}`` of a document: how its text was read."""
    return {"encoding": raw.encoding, "confidence": raw.confidence, "ocr_pages": list(raw.ocr_pages)}


def process_document(nlp: Language, raw: RawDocument) -> Report | ErrorRecord:
    """Extract one document; an unexpected failure becomes an ErrorRecord, never an exception.

    A document read from a file (``raw.encoding`` set) gives a :class:`SourcedReport`."""
    try:
        doc = nlp(raw.text)
        report = report_from_doc(doc, doc_id=raw.id)
        if raw.encoding is not None:  # read from a file (not text handed to the API): say how
            values = {f.name: getattr(report, f.name) for f in fields(Report)}
            values["warnings"] = [dict(w) for w in raw.warnings] + list(report.warnings)
            report = SourcedReport(**values, input=input_info(raw))
        report = check(report)
    except Exception as exc:  # noqa: BLE001 - a batch must go on and say what failed
        return ErrorRecord(raw.id, raw.source, type(exc).__name__, str(exc) or repr(exc))
    return report


def iter_reports(paths: Iterable[str | Path], nlp: Language) -> Iterator[Report | ErrorRecord]:
    """Reports (or error records) for every document under ``paths``, in input order; duplicate
    ids are made unique (``id#2``, with a ``duplicate_id`` warning on the report)."""
    from dvnlp.batch.work import unique_ids

    for item in unique_ids(iter_documents(paths)):
        if isinstance(item, InputFailure):
            yield ErrorRecord(item.id, item.source, item.error_type, item.message)
        else:
            yield process_document(nlp, item)
