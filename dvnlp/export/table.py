"""Rich terminal rendering of reports and of a run's summary."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dvnlp.facts import FACT_TYPES, Report


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def report_tables(report: Report) -> list[Table]:
    """One rich table per non-empty fact type of ``report``."""
    tables: list[Table] = []
    if report.officials:
        t = Table(title=f"{report.id} · officials", title_justify="left")
        t.add_column("name", style="bold")
        t.add_column("titles")
        for o in report.officials:
            t.add_row(escape(o.name), escape("\n".join(o.titles)))
        tables.append(t)
    if report.documents:
        t = Table(title=f"{report.id} · documents", title_justify="left")
        for col in ("symbol", "kind", "issuer", "date", "subject"):
            t.add_column(col)
        for d in report.documents:
            t.add_row(*(escape(x) for x in (d.symbol or d.number or "", d.kind or "", d.issuer or d.issuer_code or "",
                                            d.date or "", (d.subject or "")[:80])))
        tables.append(t)
    if report.counts:
        t = Table(title=f"{report.id} · counts", title_justify="left")
        for col in ("value", "of", "unit", "qualifier", "text"):
            t.add_column(col)
        for c in report.counts:
            t.add_row(_fmt(c.value), _fmt(c.of), escape(c.unit or ""), escape(c.qualifier or ""),
                      escape(report.text[c.span[0]:c.span[1]]))
        tables.append(t)
    if report.breakdowns:
        t = Table(title=f"{report.id} · breakdowns", title_justify="left")
        for col in ("total", "unit", "parts"):
            t.add_column(col)
        for b in report.breakdowns:
            parts = "; ".join(escape(f"{p.label} {_fmt(p.value)}" + (f" [{p.field}]" if p.field else "")) for p in b.parts)
            t.add_row(_fmt(b.total), escape(b.unit or ""), parts)
        tables.append(t)
    if report.models:
        t = Table(title=f"{report.id} · models", title_justify="left")
        for col in ("name", "field", "confidence"):
            t.add_column(col)
        for m in report.models:
            t.add_row(escape(m.name), m.field or "", f"{m.confidence:.2f}" if m.confidence is not None else "")
        tables.append(t)
    if report.checks:
        t = Table(title=f"{report.id} · checks", title_justify="left")
        for col in ("severity", "kind", "message"):
            t.add_column(col)
        for f in report.checks:
            style = "red" if f.severity == "error" else "yellow"
            t.add_row(f"[{style}]{f.severity}[/]", f.kind, escape(f.message))
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
