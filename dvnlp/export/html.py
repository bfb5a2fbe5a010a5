"""HTML rendering of a report: the text with its facts highlighted (spaCy's displaCy) and tables.

    >>> from dvnlp.export.html import render, report_html
    >>> html = report_html(report)            # highlighted text + officials/documents/counts/… tables
    >>> html = render(report, style="ent")    # the highlighted text only, one label per stretch

:data:`COLORS` is the one definition of dvnlp's display labels and their colours; :data:`FACT_LABELS`
says which fact type of the output contract each label marks (the same labels the components give
the span groups ``doc.spans[fact_type]``). A check finding is shown as ``FINDING`` on each of its
evidence spans.

Two displaCy styles are supported:

* ``"span"`` (default): every fact is underlined, overlapping facts are stacked (a ``COUNT`` inside a
  ``BREAKDOWN`` inside a ``FINDING``). The text is shown paragraph by paragraph as whitespace-separated
  words; a fact is drawn under the whole words it touches.
* ``"ent"``: the exact text with one coloured label per stretch; where facts overlap, the first
  label in :data:`COLORS` order wins (then the longer span).

``render`` and ``report_html`` also take a spaCy ``Doc`` made by :func:`dvnlp.load`: it is turned
into a :class:`~dvnlp.facts.Report` and checked first. They always return a string (never display
it themselves), so they work the same inside and outside Jupyter; ``Report._repr_html_`` uses
:func:`report_html`.
"""
from __future__ import annotations

import html as _html
from collections.abc import Iterable
from typing import Any

from dvnlp.facts.report import Breakdown, Finding, Report

__all__ = ["COLORS", "FACT_LABELS", "breakdown_status", "labelled_spans", "render", "report_html"]

#: dvnlp's display labels and their colours (the one definition). The order is the priority
#: when facts overlap in the ``"ent"`` style.
COLORS: dict[str, str] = {
    "FINDING": "#ff6b6b",
    "OFFICIAL": "#ffd166",
    "DOCUMENT": "#8ecae6",
    "DATE": "#bfe1d9",
    "MODEL": "#c5a3ff",
    "COUNT": "#b5e48c",
    "ORG": "#7aecec",
    "PLACE": "#feca74",
    "BREAKDOWN": "#f4a261",
}

#: fact type of the output contract -> the label it is shown with
FACT_LABELS: dict[str, str] = {
    "officials": "OFFICIAL",
    "documents": "DOCUMENT",
    "counts": "COUNT",
    "dates": "DATE",
    "organizations": "ORG",
    "places": "PLACE",
    "models": "MODEL",
    "breakdowns": "BREAKDOWN",
    "checks": "FINDING",
}

STYLES = ("span", "ent")
#: characters of a cited document's subject shown in the documents table
SUBJECT_CHARS = 120


def _as_report(obj: Any) -> Report:
    """A Report as given, or the checked Report of a dvnlp ``Doc``."""
    if isinstance(obj, Report):
        return obj
    from spacy.tokens import Doc

    if isinstance(obj, Doc):
        from dvnlp.checks import check
        from dvnlp.facts import report_from_doc

        return check(report_from_doc(obj, doc_id=str(obj.user_data.get("title") or "doc")))
    raise TypeError(f"expected a dvnlp Report or a spaCy Doc, got {type(obj).__name__}")


def labelled_spans(report: Report, labels: Iterable[str] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every fact of ``report`` (officials: each mention; findings: each
    evidence span), sorted by position; ``labels`` keeps only those labels."""
    keep = set(COLORS) if labels is None else {label.upper() for label in labels}
    unknown = keep - set(COLORS)
    if unknown:
        raise ValueError(f"unknown label(s) {', '.join(sorted(unknown))}; known: {', '.join(COLORS)}")
    n = len(report.text)
    out: set[tuple[int, int, str]] = set()
    for kind, label in FACT_LABELS.items():
        if label not in keep:
            continue
        for fact in getattr(report, kind):
            if kind == "officials":
                spans = list(fact.mentions)
            elif kind == "checks":
                spans = list(fact.evidence)
            else:
                spans = [fact.span]
            for span in spans:
                a, b = max(0, int(span[0])), min(n, int(span[1]))
                if a < b:
                    out.add((a, b, label))
    return sorted(out, key=lambda s: (s[0], -s[1], list(COLORS).index(s[2])))


def _span_docs(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """displaCy ``span``-style manual input: one entry per non-empty line of ``text``."""
    docs: list[dict[str, Any]] = []
    pos = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        tokens: list[str] = []
        offsets: list[tuple[int, int]] = []
        i = 0
        for word in line.split():
            i = line.index(word, i)
            tokens.append(word)
            offsets.append((lo + i, lo + i + len(word)))
            i += len(word)
        if not tokens:
            continue
        line_spans = []
        for a, b, label in spans:
            if b <= lo or a >= hi:
                continue
            covered = [k for k, (s, e) in enumerate(offsets) if s < b and e > a]
            if covered:
                line_spans.append({"start_token": covered[0], "end_token": covered[-1] + 1, "label": label})
        docs.append({"text": line, "tokens": tokens, "spans": line_spans})
    return docs


def _ent_doc(text: str, spans: list[tuple[int, int, str]]) -> dict[str, Any]:
    """displaCy ``ent``-style manual input: non-overlapping spans, by label priority then length."""
    order = list(COLORS)
    chosen: list[tuple[int, int, str]] = []
    for a, b, label in sorted(spans, key=lambda s: (order.index(s[2]), -(s[1] - s[0]), s[0])):
        if all(b <= c or a >= d for c, d, _ in chosen):
            chosen.append((a, b, label))
    chosen.sort()
    return {"text": text, "ents": [{"start": a, "end": b, "label": label} for a, b, label in chosen]}


def render(obj: Report | Any, *, style: str = "span", labels: Iterable[str] | None = None) -> str:
    """The text of a Report (or dvnlp ``Doc``) with its facts highlighted, as an HTML fragment.

    ``style``: ``"span"`` (overlaps stacked) or ``"ent"`` (one label per stretch); ``labels``:
    show only these labels (default: all of :data:`COLORS`).
    """
    from spacy import displacy

    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, got {style!r}")
    report = _as_report(obj)
    spans = labelled_spans(report, labels)
    options = {"colors": dict(COLORS)}
    if style == "ent":
        return displacy.render(_ent_doc(report.text, spans), style="ent", manual=True, options=options,
                               jupyter=False)
    docs = _span_docs(report.text, spans)
    if not docs:
        return '<div class="spans"></div>'
    return displacy.render(docs, style="span", manual=True, options=options, jupyter=False)


# --- tables ------------------------------------------------------------------------------------


def esc(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _html.escape(str(value))


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _table(title: str, columns: list[str], rows: list[list[str]]) -> str:
    """An HTML table; cells are already-escaped HTML."""
    head = "".join(f"<th style='text-align:left'>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return (f"<h4 style='margin:1em 0 0.3em 0'>{esc(title)} ({len(rows)})</h4>"
            f"<table class='dvnlp-{esc(title)}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def breakdown_status(breakdown: Breakdown, checks: list[Finding]) -> str:
    """``"✓"`` or the findings (``sum_mismatch``…) whose evidence overlaps the breakdown."""
    hits = [f for f in checks if any(_overlaps(tuple(e), tuple(breakdown.span)) for e in f.evidence)
            and f.kind == "sum_mismatch"]
    return "; ".join(f"✗ {f.kind}: {f.message}" for f in hits) if hits else "✓"


def _snippet(text: str, span: tuple[int, int] | list[int]) -> str:
    return text[int(span[0]):int(span[1])]


def report_html(obj: Report | Any, *, style: str = "span", labels: Iterable[str] | None = None) -> str:
    """A Report (or dvnlp ``Doc``) as one HTML fragment: a legend, the highlighted text (see
    :func:`render`), and small tables of officials, documents, counts, breakdowns, models and checks
    (a table only when that fact type is non-empty), then what was checked."""
    report = _as_report(obj)
    text = report.text
    parts = [f"<div class='dvnlp-report'><h3 style='margin:0 0 0.4em 0'>{esc(report.id)}</h3>"]
    legend = " ".join(
        f"<span style='background:{color};padding:0.1em 0.4em;border-radius:0.3em;font-size:0.8em;"
        f"font-weight:bold'>{label}</span>"
        for label, color in COLORS.items()
    )
    parts.append(f"<div style='margin-bottom:0.5em'>{legend}</div>")
    parts.append(render(report, style=style, labels=labels))
    if report.officials:
        parts.append(_table("officials", ["name", "titles", "mentions"], [
            [esc(o.name), "<br>".join(esc(t) for t in o.titles), esc(len(o.mentions))] for o in report.officials
        ]))
    if report.documents:
        parts.append(_table("documents", ["symbol", "kind", "issuer", "date", "subject"], [
            [esc(d.symbol or d.number), esc(d.kind), esc(d.issuer or d.issuer_code), esc(d.date),
             esc((d.subject or "")[:SUBJECT_CHARS] + ("…" if len(d.subject or "") > SUBJECT_CHARS else ""))]
            for d in report.documents
        ]))
    if report.counts:
        parts.append(_table("counts", ["text", "value", "of", "unit", "qualifier"], [
            [esc(_snippet(text, c.span)), esc(_num(c.value)), esc(_num(c.of)), esc(c.unit), esc(c.qualifier)]
            for c in report.counts
        ]))
    if report.breakdowns:
        parts.append(_table("breakdowns", ["total", "unit", "parts", "sum of parts", "check"], [
            [esc(_num(b.total)), esc(b.unit),
             "<br>".join(f"{esc(p.label)}: {esc(_num(p.value))}" + (f" <i>[{esc(p.field)}]</i>" if p.field else "")
                         for p in b.parts),
             esc(_num(sum(p.value for p in b.parts))), esc(breakdown_status(b, report.checks))]
            for b in report.breakdowns
        ]))
    if report.models:
        parts.append(_table("models", ["name", "field", "confidence"], [
            [esc(m.name), esc(m.field), esc(f"{m.confidence:.2f}" if m.confidence is not None else "")]
            for m in report.models
        ]))
    if report.checks:
        rows = []
        for f in report.checks:
            color = "#c0392b" if f.severity == "error" else "#b9770e"
            evidence = " · ".join(esc(_snippet(text, e)) for e in f.evidence)
            message = esc(f.message) + (f"<br><i>{esc(f.message_vi)}</i>" if f.message_vi else "")
            rows.append([f"<b style='color:{color}'>{esc(f.severity)}</b>", esc(f.kind), message, evidence])
        parts.append(_table("checks", ["severity", "kind", "message", "evidence"], rows))
    if report.checked:
        c = report.checked
        done = ", ".join(f"{k} {esc(c[k])}" for k in ("sums", "ratios", "percents", "dates") if k in c)
        extra = f"; not checkable: {len(c.get('unchecked') or [])}" if c.get("unchecked") else ""
        failed_checks = ", ".join(x.get("check", "?") for x in c.get("failed") or [])
        failed = f"; <b>failed</b>: {esc(failed_checks)}" if failed_checks else ""
        parts.append(f"<p style='font-size:0.85em;color:#555'>checked: {done}{extra}{failed}</p>")
    parts.append("</div>")
    return "".join(parts)
