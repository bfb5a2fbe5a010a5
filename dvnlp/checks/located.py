"""Findings with where and when they are about, for the tables of a batch.

    >>> from dvnlp.checks import CrossDocument, place_year
    >>> cross = CrossDocument()
    >>> for seq, record in enumerate(records):      # Reports or output-contract dicts, in input order
    ...     cross.add(seq, record)
    >>> found = cross.result()                       # BatchFindings: cross-document findings + positions
    >>> place_year(report, finding.evidence[0][0])      # a Report or a contract dict
    ('huyện Ia Grai', '2023')

Export writes these; it never computes them (:func:`dvnlp.export.tables.build` takes a
:class:`BatchFindings`). The place and year come from the clause of the evidence, read the way
:mod:`dvnlp.checks.crossdoc` reads the key of a total.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dvnlp.checks import crossdoc as _cd
from dvnlp.facts.report import Finding, Report

__all__ = ["BatchFindings", "CrossDocument", "batch_findings", "place_year"]


def place_year(report: Report | dict[str, Any], start: int | None) -> tuple[str | None, str | None]:
    """The place (``huyện Chư Sê``) and year (``2022``, ``2016-2021``) written in the clause at
    ``start`` (:func:`dvnlp.checks.crossdoc.place_year`) of a Report or an output-contract dict,
    each ``None`` when not written. Never raises: a location is a convenience."""
    if start is None:
        return None, None
    try:
        if not isinstance(report, Report):
            report = Report(id=str(report["id"]), text=report.get("text") or "",
                            sentences=[tuple(x) for x in report.get("sentences") or []])
        return _cd.place_year(report, start)
    except Exception:  # noqa: BLE001 - a location is a convenience, never a reason to fail
        return None, None


@dataclass
class BatchFindings:
    """The cross-document findings of a batch (``details`` holds ``place``, ``year``, ``unit`` and
    the ``mentions``) and, per document id they name, the input position of its first report that
    stated a total (the ``seq`` of the tables)."""

    findings: list[Finding] = field(default_factory=list)
    seq_of: dict[str, int] = field(default_factory=dict)


class CrossDocument:
    """Collects the reports of a batch that state a keyed total, one at a time (only their counts
    and breakdowns are kept), and checks them against each other at the end."""

    def __init__(self) -> None:
        self._keep: list[Report] = []
        self._seq_of: dict[str, int] = {}

    def add(self, seq: int, record: Report | dict[str, Any]) -> None:
        data = record if isinstance(record, dict) else record.to_dict()
        if "error" in data or not (data.get("counts") or data.get("breakdowns")):
            return
        slim = Report.from_dict({"id": data["id"], "text": data["text"], "counts": data["counts"],
                                 "breakdowns": data["breakdowns"]})
        try:
            has_totals = bool(_cd.totals_of(slim))
        except Exception as exc:  # noqa: BLE001 - check_batch leaves such a report out too; it is said
            _cd.log.warning("cross-document check: report %s left out (%s: %s)", slim.id, type(exc).__name__, exc)
            has_totals = False
        if has_totals:
            self._keep.append(slim)
            self._seq_of.setdefault(slim.id, seq)

    def result(self) -> BatchFindings:
        return BatchFindings(_cd.check_batch(self._keep), dict(self._seq_of))


def batch_findings(records: Iterable[Report | dict[str, Any]]) -> BatchFindings:
    """:class:`CrossDocument` over ``records`` in order (positions 0, 1, …)."""
    cross = CrossDocument()
    for seq, record in enumerate(records):
        cross.add(seq, record)
    return cross.result()
