"""dvnlp — checked, structured facts from Vietnamese reports on công tác dân vận.

    >>> import dvnlp
    >>> nlp = dvnlp.load()                     # a spaCy Language
    >>> report = dvnlp.extract("Ngày 20/12/2022, …")
    >>> report.to_dict()["documents"]

Nothing heavy happens at import: the pipeline, the rules and the classifier load on first use.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("dvnlp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from spacy.language import Language

    from dvnlp.facts import Report

__all__ = ["__version__", "check", "classify", "extract", "load"]


def load(**kwargs: Any) -> Language:
    """The dvnlp spaCy pipeline (see :func:`dvnlp.pipeline.load`)."""
    from dvnlp.pipeline import load as _load

    return _load(**kwargs)


def extract(text: str, *, doc_id: str = "doc", nlp: Language | None = None) -> Report:
    """Extract and check the facts of one report; pass ``nlp`` to reuse a loaded pipeline."""
    from dvnlp.checks import check as _check
    from dvnlp.facts import report_from_doc

    nlp = nlp or load()
    return _check(report_from_doc(nlp(text), doc_id=doc_id))


def check(report: Report, **kwargs: Any) -> Report:
    """Check a report's figures in place (see :func:`dvnlp.checks.check`)."""
    from dvnlp.checks import check as _check

    return _check(report, **kwargs)


def classify(texts: list[str], **kwargs: Any) -> list[dict[str, Any]]:
    """Field of each "Dân vận khéo" model description (see :func:`dvnlp.classify.classify`)."""
    from dvnlp.classify import classify as _classify

    return _classify(texts, **kwargs)
