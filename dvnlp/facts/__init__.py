"""Stage 5 — facts: Doc → :class:`Report` of typed records."""
from dvnlp.facts.report import (
    FACT_TYPES,
    Breakdown,
    Count,
    DateMention,
    DocumentRef,
    Entity,
    Finding,
    ModelMention,
    Official,
    Part,
    Report,
    report_from_doc,
)

__all__ = [
    "FACT_TYPES", "Breakdown", "Count", "DateMention", "DocumentRef", "Entity", "Finding", "ModelMention",
    "Official", "Part", "Report", "report_from_doc",
]
