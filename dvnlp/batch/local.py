"""Run the pipeline over inputs in this process: every input gives a Report or an ErrorRecord."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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


def process_document(nlp: Language, raw: RawDocument) -> Report | ErrorRecord:
    """Extract one document; an unexpected failure becomes an ErrorRecord, never an exception."""
    try:
        doc = nlp(raw.text)
        report = check(report_from_doc(doc, doc_id=raw.id))
    except Exception as exc:  # noqa: BLE001 - a batch must go on and say what failed
        return ErrorRecord(raw.id, raw.source, type(exc).__name__, str(exc) or repr(exc))
    return report


def iter_reports(paths: Iterable[str | Path], nlp: Language) -> Iterator[Report | ErrorRecord]:
    """Reports (or error records) for every document under ``paths``, in input order."""
    for item in iter_documents(paths):
        if isinstance(item, InputFailure):
            yield ErrorRecord(item.id, item.source, item.error_type, item.message)
        else:
            yield process_document(nlp, item)
