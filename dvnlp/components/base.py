"""What every dvnlp component shares: the protocol, where facts go on the ``Doc``, how spans are added.

A component is a :class:`Component`: ``match(doc)`` finds plain records (JSON-like dicts whose
``span`` is ``[start_char, end_char]`` in ``doc.text`` and whose ``rule`` names the rule that
produced it), ``set_annotations(doc, records)`` appends them to ``doc._.dvnlp_facts[fact_type]``
and, for display, adds a labelled span to the span group ``doc.spans[fact_type]`` (both survive
``DocBin(store_user_data=True)``); ``__call__`` is the two in that order, as in spaCy's
``SpanRuler``. When ``match`` raises, ``on_error="record"`` (the default) writes a warning
``{"type": "component", "component", "message"}`` to ``doc._.dvnlp_facts["warnings"]`` — it
reaches the report's ``warnings`` — and the document goes on with the other components;
``on_error="raise"`` re-raises (for debugging and tests).
"""
from __future__ import annotations

import bisect
from typing import Any, ClassVar

from spacy.tokens import Doc

from dvnlp.segment.extensions import doc_text, register_extensions


def facts(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The fact store of ``doc`` (created on first use)."""
    store = doc._.dvnlp_facts
    if store is None:
        store = {}
        doc._.dvnlp_facts = store
    return store


#: the values of a component's ``on_error`` setting
ON_ERROR = ("record", "raise")
#: ``doc._.dvnlp_facts`` key of the failures recorded by :class:`Component` (not a fact type)
WARNINGS = "warnings"


class Component:
    """The dvnlp component protocol: ``match`` → ``set_annotations``; failures recorded, not lost.

    Subclasses set :attr:`fact_type` and :attr:`label` and implement :meth:`match`; a component
    that writes more than one fact type overrides :meth:`set_annotations`.
    """

    fact_type: ClassVar[str]
    label: ClassVar[str]

    def __init__(self, *, name: str | None = None, on_error: str = "record") -> None:
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
        ensure_extensions()
        self.name = name or f"dvnlp_{self.fact_type}"
        self.on_error = on_error

    def __call__(self, doc: Doc) -> Doc:
        try:
            records = self.match(doc)
        except Exception as exc:  # noqa: BLE001 - recorded on the document, never hidden
            if self.on_error == "raise":
                raise
            record_failure(doc, self.name, exc)
            return doc
        self.set_annotations(doc, records)
        return doc

    def match(self, doc: Doc) -> Any:  # noqa: ANN401 - each component's own record shape
        raise NotImplementedError

    def set_annotations(self, doc: Doc, records: Any) -> None:  # noqa: ANN401
        for record in records:
            add_fact(doc, self.fact_type, record, label=self.label)


def record_failure(doc: Doc, component: str, exc: BaseException) -> None:
    """Note on ``doc`` that ``component`` failed on it (the report's ``warnings``)."""
    facts(doc).setdefault(WARNINGS, []).append(
        {"type": "component", "component": component, "message": f"{type(exc).__name__}: {exc}"})


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
