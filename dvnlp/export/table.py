"""Rich terminal rendering of reports and of a run's summary."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dvnlp.export.rows import record_rows
from dvnlp.facts import FACT_TYPES, Report


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _parts(parts: list[dict]) -> str:
    return "; ".join(escape(f"{p['label']} {_fmt(p['value'])}" + (f" [{p['field']}]" if p.get("field") else ""))
                     for p in parts)


#: per fact type: the title of each column and how its cell is read from the fact's row
#: (:func:`dvnlp.export.rows.record_rows`); ``_parts`` are the breakdown's rows of ``breakdown_parts``
_COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "officials": [("name", lambda r: escape(r["name"])), ("titles", lambda r: escape("\n".join(r["titles"])))],
    "documents": [("symbol", lambda r: escape(r["symbol"] or r["number"] or "")),
                  ("kind", lambda r: escape(r["kind"] or "")),
                  ("issuer", lambda r: escape(r["issuer"] or r["issuer_code"] or "")),
                  ("date", lambda r: escape(r["date"] or "")), ("subject", lambda r: escape((r["subject"] or "")[:80]))],
    "counts": [("value", lambda r: _fmt(r["value"])), ("of", lambda r: _fmt(r["of"])),
               ("unit", lambda r: escape(r["unit"] or "")), ("qualifier", lambda r: escape(r["qualifier"] or "")),
               ("text", lambda r: escape(r["text"]))],
    "breakdowns": [("total", lambda r: _fmt(r["total"])), ("unit", lambda r: escape(r["unit"] or "")),
                   ("parts", lambda r: _parts(r["_parts"]))],
    "models": [("name", lambda r: escape(r["name"])), ("field", lambda r: r["field"] or ""),
               ("confidence", lambda r: f"{r['confidence']:.2f}" if r["confidence"] is not None else "")],
    "checks": [("severity", lambda r: f"[{'red' if r['severity'] == 'error' else 'yellow'}]{r['severity']}[/]"),
               ("kind", lambda r: r["kind"]), ("message", lambda r: escape(r["message"]))],
}


def report_tables(report: Report) -> list[Table]:
    """One rich table per non-empty fact type of ``report``."""
    rows = record_rows(report.to_dict())
    for b in rows["breakdowns"]:
        b["_parts"] = [p for p in rows["breakdown_parts"] if p["breakdown"] == b["n"]]
    tables: list[Table] = []
    for kind, columns in _COLUMNS.items():
        if not rows[kind]:
            continue
        t = Table(title=f"{report.id} · {kind}", title_justify="left")
        for i, (title, _) in enumerate(columns):
            t.add_column(title, style="bold" if kind == "officials" and i == 0 else None)
        for r in rows[kind]:
            t.add_row(*(cell(r) for _, cell in columns))
        tables.append(t)
    return tables


def summary_table(reports: Iterable[Report], errors: int = 0) -> Table:
    """Documents, facts by type and errors of a run."""
    counts: Counter[str] = Counter()
    n = 0
    for r in reports:
        n += 1
        for kind in FACT_TYPES:
            counts[kind] += len(getattr(r, kind))
    t = Table(title="dvnlp summary", title_justify="left")
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("reports", str(n))
    for kind in FACT_TYPES:
        t.add_row(kind, str(counts[kind]))
    t.add_row("input errors", f"[red]{errors}[/]" if errors else "0")
    return t


def print_reports(reports: list[Report], console: Console | None = None) -> None:
    console = console or Console()
    for r in reports:
        for table in report_tables(r):
            console.print(table)


def classification_table(results: list[dict]) -> Table:
    """Field, confidence and the words behind each classification."""
    t = Table(title="Dân vận khéo · field", title_justify="left")
    for col in ("text", "field", "confidence", "because of"):
        t.add_column(col)
    for r in results:
        why = ", ".join(str(term) for term, _ in (r.get("explanation") or [])[:4])
        t.add_row(escape(r["text"]), r["field"], f"{r['confidence']:.2f}", escape(why))
    return t
