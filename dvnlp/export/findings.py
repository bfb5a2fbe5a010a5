"""Rich rendering of check findings: each with its sentence and the evidence highlighted."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dvnlp.facts import Finding, Report


def excerpt(report: Report, evidence: list) -> tuple[str, list[tuple[int, int]]]:
    """The sentence(s) of ``report`` holding the ``evidence`` spans (``report.sentence_of``),
    stripped, and the spans shifted into it (``("", [])`` without evidence)."""
    if not evidence:
        return "", []
    lo = min(s for s, _ in evidence)
    hi = max(e for _, e in evidence)
    a, b = report.sentence_of(lo, hi)
    text = report.text
    shift = a + (len(text[a:b]) - len(text[a:b].lstrip()))
    return text[a:b].strip(), [(max(0, s - shift), max(0, e - shift)) for s, e in evidence]


def highlighted(report: Report, finding: Finding) -> Text:
    """The sentence(s) holding the evidence, evidence in reverse video."""
    if not finding.evidence:
        return Text("")
    shown, spans = excerpt(report, finding.evidence)
    out = Text(shown)
    for s, e in spans:
        out.stylize("bold reverse", s, e)
    return out


def print_findings(reports: list[Report], cross: list[Finding], console: Console) -> None:
    summary = Table(title="dvnlp check", title_justify="left")
    for col in ("document", "errors", "warnings", "sums", "ratios", "percents", "unchecked"):
        summary.add_column(col)
    for r in reports:
        for f in r.checks:
            style = "red" if f.severity == "error" else "yellow"
            console.print(f"[{style}]{f.severity}[/] [bold]{escape(r.id)}[/] {f.kind}: {escape(f.message)}")
            if f.message_vi:
                console.print(f"  [dim]{escape(f.message_vi)}[/]")
            console.print(highlighted(r, f))
        c = r.checked or {}
        summary.add_row(escape(r.id), str(sum(f.severity == "error" for f in r.checks)),
                        str(sum(f.severity != "error" for f in r.checks)), str(c.get("sums", 0)),
                        str(c.get("ratios", 0)), str(c.get("percents", 0)), str(len(c.get("unchecked", []))))
    for f in cross:
        console.print(f"[yellow]{f.severity}[/] {f.kind}: {escape(f.message)}")
    console.print(summary)
