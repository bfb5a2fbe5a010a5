"""What every dvnlp component shares: where facts go on the ``Doc`` and how spans are added.

A component appends plain records (JSON-like dicts whose ``span`` is ``[start_char, end_char]``
in ``doc.text`` and whose ``rule`` names the rule that produced it) to
``doc._.dvnlp_facts[fact_type]`` and, for display, adds a labelled span to the span group
``doc.spans[fact_type]``. Both survive ``DocBin(store_user_data=True)``.
"""
from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

from dvnlp.segment.extensions import doc_text, register_extensions


def facts(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The fact store of ``doc`` (created on first use)."""
    store = doc._.dvnlp_facts
    if store is None:
        store = {}
        doc._.dvnlp_facts = store
    return store


def add_fact(doc: Doc, fact_type: str, record: dict[str, Any], *, label: str | None = None) -> None:
    """Append ``record`` to ``fact_type`` and mirror its span in ``doc.spans[fact_type]``."""
    facts(doc).setdefault(fact_type, []).append(record)
    span = record.get("span")
    if span is not None:
        char_span = doc.char_span(span[0], span[1], label=label or fact_type.upper(), alignment_mode="expand")
        if char_span is not None:
            group = doc.spans[fact_type] if fact_type in doc.spans else None
            if group is None:
                doc.spans[fact_type] = [char_span]
            else:
                group.append(char_span)


class Boilerplate:
    """Fast membership test for the page-furniture lines found by the tokenizer."""

    def __init__(self, doc: Doc) -> None:
        lines = sorted(tuple(x[:2]) for x in (doc._.dvnlp_boilerplate or []))
        self.starts = [a for a, _ in lines]
        self.ends = [b for _, b in lines]

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside one boilerplate line."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def ensure_extensions() -> None:
    """Register dvnlp's Doc extensions (idempotent); call from every factory."""
    register_extensions()
