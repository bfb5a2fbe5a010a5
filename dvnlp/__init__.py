"""dvnlp — checked, structured facts from Vietnamese reports on công tác dân vận.

    >>> import dvnlp
    >>> report = dvnlp.extract("Ngày 20/12/2022, …")          # the default pipeline, built once
    >>> report.to_dict()["documents"]
    >>> for report in dvnlp.extract_many(texts, n_process=2):  # many texts, in input order
    ...     ...

Nothing heavy happens at import: the pipeline, the rules and the classifier load on first use.
:func:`default_pipeline` builds the pipeline on the first call and returns the same object
afterwards (from any thread); :func:`load` builds a new one (for custom settings).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("dvnlp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from spacy.language import Language

    from dvnlp.batch.local import ErrorRecord
    from dvnlp.facts import Report

__all__ = ["__version__", "check", "classify", "default_pipeline", "extract", "extract_many", "load"]

_BUILD_LOCK = threading.Lock()  # two threads asking at once get one pipeline, built once


def load(**kwargs: Any) -> Language:
    """A new dvnlp spaCy pipeline (see :func:`dvnlp.pipeline.load`)."""
    from dvnlp.pipeline import load as _load

    return _load(**kwargs)


@cache
def _default() -> Language:
    return load()


def default_pipeline() -> Language:
    """The shared default pipeline: built on first use, the same object on every later call."""
    with _BUILD_LOCK:
        return _default()


def extract(text: str, *, doc_id: str = "doc", nlp: Language | None = None) -> Report:
    """Extract and check the facts of one report (with the shared default pipeline unless ``nlp``)."""
    from dvnlp.checks import check as _check
    from dvnlp.facts import report_from_doc

    nlp = nlp or default_pipeline()
    return _check(report_from_doc(nlp(text), doc_id=doc_id))


def extract_many(texts: Iterable[str], *, ids: Iterable[str] | None = None, n_process: int = 1,
                 nlp: Language | None = None) -> Iterator[Report | ErrorRecord]:
    """Extract and check many texts, yielding results in input order as they are ready.

    ``n_process=1`` streams through one pipeline (``nlp.pipe``) in this process; more processes
    run on :mod:`dvnlp.batch`'s worker pool, which loads the pipeline once per worker. A text
    whose processing fails yields an :class:`~dvnlp.batch.local.ErrorRecord` in its place, never
    an exception that would lose the texts after it. ``ids`` default to ``"0"``, ``"1"``, ….
    """
    names = iter(ids) if ids is not None else None
    keyed = ((next(names) if names is not None else str(i), t) for i, t in enumerate(texts))
    if n_process <= 1:
        yield from _extract_here(keyed, nlp or default_pipeline())
        return
    import json

    from dvnlp.batch.local import ErrorRecord
    from dvnlp.batch.pool import run_local
    from dvnlp.facts import Report
    from dvnlp.ingest import RawDocument

    items = ((i, RawDocument(doc_id, "<text>", text)) for i, (doc_id, text) in enumerate(keyed))
    for _, raw, line, is_error in run_local(items, workers=n_process):
        data = json.loads(line)
        if is_error:
            err = data["error"]
            yield ErrorRecord(raw.id, raw.source, err["type"], err["message"])
        else:
            yield Report.from_dict(data)


def _extract_here(keyed: Iterable[tuple[str, str]], nlp: Language) -> Iterator[Report | ErrorRecord]:
    from dvnlp.batch.local import process_document
    from dvnlp.batch.work import frozen_heap
    from dvnlp.ingest import RawDocument

    with frozen_heap():
        for doc_id, text in keyed:
            yield process_document(nlp, RawDocument(doc_id, "<text>", text))


def check(report: Report, **kwargs: Any) -> Report:
    """Check a report's figures in place (see :func:`dvnlp.checks.check`)."""
    from dvnlp.checks import check as _check

    return _check(report, **kwargs)


def classify(texts: list[str], **kwargs: Any) -> list[dict[str, Any]]:
    """Field of each "Dân vận khéo" model description (see :func:`dvnlp.classify.classify`)."""
    from dvnlp.classify import classify as _classify

    return _classify(texts, **kwargs)
