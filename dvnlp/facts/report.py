"""Doc → :class:`Report`: the typed records users script against (the output contract).

Components write plain records into ``doc._.dvnlp_facts[fact_type]``; this module turns them
into dataclasses with a stable ``to_dict()``. Keys are always present (empty lists when a
fact type has nothing), so scripts never need ``.get``.
"""
from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc

from dvnlp.facts.schema import FACT_TYPES
from dvnlp.segment.extensions import doc_text

Span = tuple[int, int]



@dataclass
class Official:
    name: str
    titles: list[str]
    mentions: list[Span]
    span: Span | None = None
    rule: str | None = None
    titles_as_written: list[str] = field(default_factory=list)  # each title as the text writes it, same order


@dataclass
class DocumentRef:
    """One cited document of a report (contract 0.x+: one record per distinct document, not per mention).

    ``span`` is the first mention, ``mentions`` every one (as :class:`Official`); ``kind_from`` and
    ``issuer_from`` say whether the value was read from the text (``"text"``), from the citation's sentence
    (``"context"``, issuers only) or from the symbol's code (``"symbol"``); ``sources`` names the grammar rule behind each field; ``variants`` are other
    symbols of the same document (``108/CP`` for ``108/2005/NĐ-CP``); ``alternatives`` lists, per field
    (``kind``, ``date``, ``issuer``), the differing values read at different mentions with their spans.
    """

    kind: str | None
    number: str | None
    symbol: str | None
    issuer_code: str | None
    issuer: str | None
    date: str | None
    subject: str | None
    span: Span
    kind_code: str | None = None
    rule: str | None = None
    mentions: list[Span] = field(default_factory=list)
    year: str | None = None
    kind_from: str | None = None
    issuer_from: str | None = None
    variants: list[str] = field(default_factory=list)
    type_slot: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    alternatives: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass
class Count:
    value: float
    of: float | None
    unit: str | None
    qualifier: str | None
    span: Span
    number_span: Span | None = None
    rule: str | None = None
    #: the upper end of a range (``150-200 tỷ đồng``: value 150, value_max 200)
    value_max: float | None = None
    #: the head of ``unit``: its first syllable after multipliers, before a rate's ``/`` (``nghìn tỷ đồng`` → ``đồng``)
    unit_head: str | None = None
    #: the number is written in words (``hai mươi``, ``hàng trăm``)
    in_words: bool = False


@dataclass
class Part:
    value: float
    label: str
    field: str | None


@dataclass
class Breakdown:
    total: float
    unit: str | None
    parts: list[Part]
    span: Span
    total_span: Span | None = None
    part_spans: list[Span] = field(default_factory=list)
    #: what the parts split: ``field`` (lĩnh vực), ``kind`` (tập thể/cá nhân, mới/nhân rộng …), ``level`` (cấp)
    by: str | None = None
    rule: str | None = None
    #: whether the parts are meant to cover the total (False: ``trong đó có …`` subsets)
    partition: bool | None = None
    #: the hedge on the total (``hơn``, ``khoảng``): the sum check treats such a total as a bound
    total_qualifier: str | None = None


@dataclass
class ModelMention:
    name: str
    field: str | None
    confidence: float | None
    span: Span
    rule: str | None = None


@dataclass
class DateMention:
    value: str | None
    span: Span
    text: str | None = None
    valid: bool = True
    rule: str | None = None


@dataclass
class Entity:
    text: str
    label: str
    span: Span
    normalized: str | None = None
    rule: str | None = None


@dataclass
class Finding:
    kind: str
    severity: str
    message: str
    evidence: list[Span]
    message_vi: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


#: the record class of each fact type (one source of truth for the contract's shape)
FACT_CLASSES: dict[str, type] = {
    "officials": Official, "documents": DocumentRef, "counts": Count, "breakdowns": Breakdown,
    "models": ModelMention, "dates": DateMention, "organizations": Entity, "places": Entity, "checks": Finding,
}


def _build(kind: str, record: dict[str, Any]) -> Any:
    cls = FACT_CLASSES[kind]
    record = dict(record)
    if cls is Breakdown:
        record["parts"] = [p if isinstance(p, Part) else Part(**p) for p in record.get("parts", [])]
    for key in ("span", "number_span", "total_span"):
        if key in record and record[key] is not None:
            record[key] = tuple(record[key])
    for key in ("mentions", "evidence", "part_spans"):
        if key in record:
            record[key] = [tuple(s) for s in record[key]]
    return cls(**record)


@dataclass
class Report:
    """The facts of one document; spans are character offsets into :attr:`text`."""

    id: str
    text: str
    officials: list[Official] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    models: list[ModelMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    checks: list[Finding] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)
    #: ``[start, end]`` of every sentence (``dvnlp_sentences``): the one sentence source of checks and display
    sentences: list[Span] = field(default_factory=list)
    #: what went wrong without stopping the document: ``{"type", "message", …}`` (a failed component, …)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The output contract: ``id``, ``text``, every fact type (lists), ``checked``, ``sentences``, ``warnings``."""
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        for kind in FACT_TYPES:
            out[kind] = [_plain(asdict(r)) for r in getattr(self, kind)]
        out["checked"] = self.checked
        out["sentences"] = [list(s) for s in self.sentences]
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        facts = {k: [_build(k, r) for r in data.get(k) or []] for k in FACT_TYPES}
        return cls(id=str(data["id"]), text=data["text"], checked=data.get("checked") or {},
                   sentences=[tuple(s) for s in data.get("sentences") or []], warnings=list(data.get("warnings") or []),
                   **facts)

    def sentence_of(self, start: int, end: int | None = None) -> Span:
        """The span of the sentence(s) holding ``[start, end)``; the whole text when none is known."""
        end = start if end is None else end
        if not self.sentences:
            return 0, len(self.text)
        i = max(0, bisect.bisect_right(self._sentence_starts(), start) - 1)
        j = max(i, bisect.bisect_right(self._sentence_starts(), max(start, end - 1)) - 1)
        return self.sentences[i][0], self.sentences[j][1]

    def _sentence_starts(self) -> list[int]:
        return [s[0] for s in self.sentences]

    def _repr_html_(self) -> str:
        """Jupyter display: highlighted text and fact tables (:func:`dvnlp.export.html.report_html`)."""
        from dvnlp.export.html import report_html

        return report_html(self)

    def __rich_console__(self, console: Any, options: Any) -> Any:  # noqa: ANN401 - rich types, imported lazily
        """``rich.print(report)``: one table per non-empty fact type (:func:`dvnlp.export.table.report_tables`)."""
        from dvnlp.export.table import report_tables

        yield from report_tables(self) or [f"{self.id}: no facts"]


def _plain(obj: Any) -> Any:
    if isinstance(obj, tuple):
        return [_plain(x) for x in obj]
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, float) and obj.is_integer():
        return int(obj)
    return obj


def report_from_doc(doc: Doc, *, doc_id: str = "doc") -> Report:
    """Collect the records the components left on ``doc`` into a :class:`Report`."""
    from dvnlp.components.sentences import sentence_spans

    facts = doc._.dvnlp_facts or {}
    built = {k: [_build(k, r) for r in facts.get(k, [])] for k in FACT_TYPES}
    return Report(id=doc_id, text=doc_text(doc), sentences=[tuple(s) for s in sentence_spans(doc)],
                  warnings=list(facts.get("warnings", [])), **built)
