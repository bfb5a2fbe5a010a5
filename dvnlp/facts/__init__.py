"""Stage 5 — facts: Doc → :class:`Report` of typed records; :mod:`dvnlp.facts.schema` names every
table column written from them.

``dvnlp.facts.schema`` imports without spaCy; the records (:mod:`dvnlp.facts.report`) load on
first use of one of their names here.
"""
from __future__ import annotations

from typing import Any

from dvnlp.facts.schema import FACT_TYPES

_REPORT_NAMES = (
    "Breakdown", "Count", "DateMention", "DocumentRef", "Entity", "Finding", "ModelMention", "Official", "Part",
    "Report", "report_from_doc",
)

__all__ = ["FACT_TYPES", *_REPORT_NAMES]


def __getattr__(name: str) -> Any:
    if name in _REPORT_NAMES:
        from dvnlp.facts import report

        return getattr(report, name)
    raise AttributeError(f"module 'dvnlp.facts' has no attribute {name!r}")
