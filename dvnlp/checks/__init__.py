"""Stage 6 — checks: Report(s) → findings.

    >>> from dvnlp.checks import check, check_batch
    >>> report = check(dvnlp.extract(text))        # fills report.checks and report.checked
    >>> findings = check_batch(reports)             # cross-document findings
    >>> batch = batch_findings(reports)             # the same with input positions, for the tables

Kinds and severities:

| kind | severity | module |
| --- | --- | --- |
| ``sum_mismatch`` | error | :mod:`dvnlp.checks.sums` |
| ``ratio_exceeds_total`` | error | :mod:`dvnlp.checks.ratios` |
| ``percent_mismatch`` | error | :mod:`dvnlp.checks.ratios` |
| ``date_invalid``, ``date_period_reversed``, ``date_document_after_report`` | warning | :mod:`dvnlp.checks.dates` |
| ``kind_symbol_mismatch``, ``document_conflict`` | warning | :mod:`dvnlp.checks.documents` |
| ``cross_document_mismatch`` | warning | :mod:`dvnlp.checks.crossdoc` |

``report.checked`` says how much was checked and what could not be:
``{"sums": n, "ratios": n, "percents": n, "dates": n, "documents": n, "unchecked": [{"what", "span", …}], "failed": [...]}``
(``failed`` lists a check that raised on this report; the others still ran).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from dvnlp.checks.crossdoc import check_batch
from dvnlp.checks.dates import check_dates
from dvnlp.checks.documents import check_documents
from dvnlp.checks.located import BatchFindings, CrossDocument, batch_findings, place_year
from dvnlp.checks.ratios import check_ratios
from dvnlp.checks.sums import check_sums
from dvnlp.facts.report import Finding, Report

__all__ = ["ERROR_KINDS", "BatchFindings", "CrossDocument", "batch_findings", "check", "check_batch", "place_year"]

#: the arithmetic kinds: an inconsistency in the figures themselves
ERROR_KINDS = frozenset({"sum_mismatch", "ratio_exceeds_total", "percent_mismatch"})


def check(report: Report, *, report_date: dt.date | str | None = None) -> Report:
    """Check one report in place and return it: ``report.checks`` gets the findings (sorted by
    position), ``report.checked`` the counts of what was checked and what could not be.

    ``report_date`` is the report's own date when the caller knows it (otherwise it is read from
    the text when written there). Never raises on a well-formed Report: a failing check is named
    in ``report.checked["failed"]``.
    """
    findings: list[Finding] = []
    unchecked: list[dict[str, Any]] = []
    failed: list[dict[str, str]] = []
    checked: dict[str, Any] = {"sums": 0, "ratios": 0, "percents": 0, "dates": 0, "documents": 0}
    try:
        f, n, u = check_sums(report)
        findings += f
        unchecked += u
        checked["sums"] = n
    except Exception as exc:  # noqa: BLE001
        failed.append({"check": "sums", "error": f"{type(exc).__name__}: {exc}"})
    try:
        f, n_ratios, n_pairs, u = check_ratios(report)
        findings += f
        unchecked += u
        checked["ratios"], checked["percents"] = n_ratios, n_pairs
    except Exception as exc:  # noqa: BLE001
        failed.append({"check": "ratios", "error": f"{type(exc).__name__}: {exc}"})
    try:
        f, n = check_dates(report, own_date=report_date)
        findings += f
        checked["dates"] = n
    except Exception as exc:  # noqa: BLE001
        failed.append({"check": "dates", "error": f"{type(exc).__name__}: {exc}"})
    try:
        f, n = check_documents(report)
        findings += f
        checked["documents"] = n
    except Exception as exc:  # noqa: BLE001
        failed.append({"check": "documents", "error": f"{type(exc).__name__}: {exc}"})
    findings.sort(key=lambda x: (x.evidence[0][0] if x.evidence else -1, x.kind))
    unchecked.sort(key=lambda x: x["span"][0])
    report.checks = findings
    checked["unchecked"] = unchecked
    if failed:
        checked["failed"] = failed
    report.checked = checked
    return report
