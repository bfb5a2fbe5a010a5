"""A self-contained HTML report of a batch: summary and charts, every finding with its evidence
highlighted, and a page per report (its text with the facts highlighted, and its tables).

    dvnlp report facts.jsonl -o report.html          # or a batch's .duckdb, or input files

Works offline: CSS, JavaScript and the SVG charts are inlined, nothing is fetched. Up to
:data:`SINGLE_MAX` reports go in the one file; a larger batch writes the summary, the findings,
the search and an index into ``report.html`` and one page per report into ``report_files/``
(so a 12,786-report batch stays usable). Long lists show :data:`PAGE` items at a time with a
"show more" button; the search box (officials, documents, places, report ids) searches them all,
with or without diacritics.

Records stream through :class:`HtmlReport` one at a time; what it keeps is the summary, the
findings' excerpts and the search entries, never the texts. Cross-document findings are computed
by :mod:`dvnlp.checks` and handed in (``cross``), never computed here.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

from dvnlp.export.charts import bars
from dvnlp.export.findings import excerpt
from dvnlp.export.html import COLORS, esc, render
from dvnlp.export.rows import flat, record_rows
from dvnlp.facts.schema import FACT_TYPES, TABLES, header

__all__ = ["PAGE", "SINGLE_MAX", "HtmlReport", "write_report"]

SINGLE_MAX = 100
PAGE = 200
#: the columns of a report page's tables (the flat tables' columns less keys, spans and rules)
_HIDDEN = {"seq", "id", "n", "span_start", "span_end", "rule", "breakdown"}
#: characters shown around the evidence when a report's sentences are unknown (read back from DuckDB)
_WINDOW = 160
_SHOWN = ("officials", "documents", "counts", "breakdowns", "breakdown_parts", "models")


def _asset(name: str) -> str:
    return (files("dvnlp.export") / "assets" / name).read_text(encoding="utf-8")


def _marked(shown: str, spans: list[tuple[int, int]]) -> str:
    """``shown`` as HTML with ``spans`` in ``<mark class="ev">`` (overlaps merged)."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out += [esc(shown[pos:s]), f'<mark class="ev">{esc(shown[s:e])}</mark>']
        pos = e
    out.append(esc(shown[pos:]))
    return "".join(out)


def _excerpt_html(report: Any, evidence: list) -> str:
    evidence = [tuple(e) for e in evidence]
    if report.sentences or not evidence:
        shown, spans = excerpt(report, evidence)
    else:  # no sentences stored: a window around the evidence, cut at spaces
        text = report.text
        a = max(0, min(s for s, _ in evidence) - _WINDOW)
        b = min(len(text), max(e for _, e in evidence) + _WINDOW)
        a = text.find(" ", a) + 1 if a > 0 else 0
        b = text.rfind(" ", 0, b) if b < len(text) and " " in text[:b] else b
        shown = ("…" if a else "") + text[a:b] + ("…" if b < len(text) else "")
        shift = a - (1 if a else 0)
        spans = [(s - shift, e - shift) for s, e in evidence]
    return f'<div class="excerpt">{_marked(shown, spans)}</div>' if shown else ""


def _table(table: str, rows: list[dict[str, Any]]) -> str:
    cols = [c for c in TABLES[table] if c.name not in _HIDDEN]
    head = "".join(f"<th>{esc(c.name)}<small>{esc(header(table, c.name, 'vi'))}</small></th>" for c in cols)
    body = []
    for r in rows:
        cells = flat(table, r)
        body.append("<tr>" + "".join(
            f"<td class='num'>{esc(cells[c.name])}</td>" if c.type in ("int", "float") else f"<td>{esc(cells[c.name])}</td>"
            for c in cols) + "</tr>")
    return (f"<h3>{esc(table)} ({len(rows)})</h3><table class='grid t-{table}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _finding_html(f: dict[str, Any], anchor: str, body: str, link: str = "") -> str:
    sev = "error" if f.get("severity") == "error" else "warning"
    vi = f'<div class="vi">{esc(f.get("message_vi"))}</div>' if f.get("message_vi") else ""
    return (f'<div class="finding item {sev}" id="{anchor}"><span class="sev">{esc(f.get("severity"))}</span>'
            f'<span class="kind">{esc(f.get("kind"))}</span>{link}{vi}<div class="en">{esc(f.get("message"))}</div>'
            f"{body}</div>")


def _page(title: str, body: str, *, search: bool, nav: str = "") -> str:
    box = ('<input id="search" type="search" placeholder="Search officials, documents, places, reports… '
           '(tìm cán bộ, văn bản, địa danh)" aria-label="search"><span id="search-count"></span>') if search else ""
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
            f"<style>{_asset('report.css')}</style></head><body>"
            f'<header class="top"><h1>{esc(title)}</h1><nav>{nav}</nav>{box}</header><main>{body}</main>'
            f"<script>{_asset('report.js')}</script></body></html>")


class HtmlReport:
    """Write ``out`` (and ``<stem>_files/`` when ``pages``) from records given to :meth:`add`
    in input order; :meth:`close` writes the summary. ``cross``: a :class:`dvnlp.checks.BatchFindings`."""

    def __init__(self, out: str | Path, *, cross: Any = None, pages: bool = False, title: str = "dvnlp report") -> None:
        from dvnlp.checks import place_year

        self.out, self.pages, self.title = Path(out), pages, title
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.folder = self.out.with_name(f"{self.out.stem}_files")
        self._tmp_folder = self.out.with_name(f".{self.folder.name}.tmp-{os.getpid()}")
        if pages:
            shutil.rmtree(self._tmp_folder, ignore_errors=True)
            self._tmp_folder.mkdir()
        self.place_year = place_year
        self.cross = list(cross.findings) if cross is not None else []
        self.seq_of = dict(cross.seq_of) if cross is not None else {}
        self._cross_by_id: dict[str, list[int]] = {}
        for n, f in enumerate(self.cross):
            for m in (f.details or {}).get("mentions", []):
                self._cross_by_id.setdefault(m["id"], []).append(n)
        self._cross_parts: dict[int, list[str]] = {}
        self.n_reports, self.errors = 0, []
        self.facts: Counter = Counter()
        self.kinds: Counter = Counter()
        self.by_field: Counter = Counter()
        self.by_place_year: Counter = Counter()
        self.doc_kinds: Counter = Counter()
        self.cited: Counter = Counter()
        self.cited_as: dict[str, tuple[str, str]] = {}
        self.findings: list[str] = []
        self.index: list[tuple] = []
        self.entities: list[str] = []
        self.articles: list[str] = []

    def href(self, seq: int, anchor: str = "") -> str:
        frag = f"#{anchor}" if anchor else ""
        return f"{self.folder.name}/r{seq}.html{frag}" if self.pages else (f"#{anchor}" if anchor else f"#r{seq}")

    def add(self, seq: int, record: dict[str, Any]) -> None:
        if "error" in record and "text" not in record:
            e = record.get("error") or {}
            self.errors.append((record.get("id"), record.get("source"), e.get("type"), e.get("message")))
            return
        from dvnlp.facts import Report

        self.n_reports += 1
        report = Report.from_dict(record)
        doc_id = report.id
        rows = record_rows(record, seq=seq, source=record.get("source"), locate=self.place_year)
        for kind in FACT_TYPES:
            self.facts[kind] += len(rows[kind])
        for m in rows["models"]:
            self.by_field[m.get("field") or "(none)"] += 1
            place, year = self.place_year(report, m.get("span_start"))
            self.by_place_year[f"{place or '(no place)'} · {year or '(no year)'}"] += 1
        for d in rows["documents"]:
            self.doc_kinds[d.get("kind") or "(unknown)"] += 1
        for sym in dict.fromkeys(d["symbol"] for d in rows["documents"] if d.get("symbol")):  # text order
            self.cited[sym] += 1
            self.cited_as.setdefault(sym, next((d.get("kind") or "", d.get("issuer") or d.get("issuer_code") or "")
                                               for d in rows["documents"] if d.get("symbol") == sym))
        own = []
        for k, f in enumerate(record.get("checks") or []):
            self.kinds[f["kind"]] += 1
            anchor = f"r{seq}-f{k}"
            body = _excerpt_html(report, f.get("evidence") or [])
            link = f' · <a href="{self.href(seq, anchor)}">{esc(doc_id)}</a>'
            self.findings.append(_finding_html(f, f"x-{anchor}", body, link).replace(
                'class="finding item', f'data-search="{esc(doc_id)} {esc(f["kind"])}" class="finding item', 1))
            own.append(_finding_html(f, anchor, body))
        for n in self._cross_by_id.get(doc_id, []) if self.seq_of.get(doc_id, seq) == seq else []:
            f = self.cross[n]
            spans = [m["span"] for m in f.details["mentions"] if m["id"] == doc_id]
            anchor = f"r{seq}-c{n}"
            body = _excerpt_html(report, spans)
            self._cross_parts.setdefault(n, []).append(
                f'<div><a href="{self.href(seq, anchor)}">{esc(doc_id)}</a>{body}</div>')
            own.append(_finding_html(vars(f), anchor, body))
        n_facts = sum(len(rows[k]) for k in FACT_TYPES if k != "checks")
        self.index.append((seq, doc_id, record.get("source"), n_facts, len(own)))
        link = f'<a href="{self.href(seq)}">{esc(doc_id)}</a>'
        for o in rows["officials"]:
            self._entity("official", f"{o['name']} — {', '.join(o.get('titles') or [])}", link)
        for d in rows["documents"]:
            self._entity("document", " ".join(str(x) for x in (d.get("symbol") or d.get("number"), d.get("kind"),
                                                                d.get("issuer") or d.get("issuer_code")) if x), link)
        for p in dict.fromkeys(p.get("text") for p in rows["places"]):
            self._entity("place", p, link)
        article = self._article(seq, report, record.get("source"), rows, own)
        if self.pages:
            nav = f'<a href="../{esc(self.out.name)}">← summary</a>'
            (self._tmp_folder / f"r{seq}.html").write_text(
                _page(f"{doc_id} · {self.title}", article, search=False, nav=nav), encoding="utf-8")
        else:
            self.articles.append(article)

    def _entity(self, what: str, label: str | None, link: str) -> None:
        if label:
            self.entities.append(f'<li class="entity item" data-search="{esc(label)}"><span class="what">{what}</span>'
                                 f"{esc(label)} · {link}</li>")

    def _article(self, seq: int, report: Any, source: str | None, rows: dict[str, list], own: list[str]) -> str:
        legend = "".join(f"<span style='background:{c}'>{label}</span>" for label, c in COLORS.items())
        tables = "".join(_table(t, rows[t]) for t in _SHOWN if rows[t])
        found = "".join(own) or "<p class='muted'>No findings.</p>"
        return (f'<article class="report" id="r{seq}"><h2>{esc(report.id)}</h2>'
                f'<div class="meta">#{seq}{" · " + esc(source) if source else ""} · '
                f"{len(report.text)} characters</div>"
                f'<h3>Findings ({len(own)})</h3>{found}<h3>Text</h3><div class="legend">{legend}</div>'
                f"{render(report)}{tables}</article>")

    def close(self) -> dict[str, Any]:
        for n, f in enumerate(self.cross):
            self.kinds[f.kind] += 1
            body = "".join(self._cross_parts.get(n, []))
            ids = " ".join(m["id"] for m in f.details.get("mentions", []))
            self.findings.append(_finding_html(vars(f), f"x-c{n}", body).replace(
                'class="finding item', f'data-search="{esc(ids)} {esc(f.kind)}" class="finding item', 1))
        body = self._summary() + self._findings() + self._reports() + "".join(self.articles)
        nav = '<a href="#summary">Summary</a><a href="#findings">Findings</a><a href="#reports">Reports</a>'
        tmp = self.out.with_name(f".{self.out.name}.tmp-{os.getpid()}")
        tmp.write_text(_page(self.title, body, search=True, nav=nav), encoding="utf-8")
        if self.pages:
            shutil.rmtree(self.folder, ignore_errors=True)
            os.replace(self._tmp_folder, self.folder)
        os.replace(tmp, self.out)
        return {"reports": self.n_reports, "errors": len(self.errors), "findings": sum(self.kinds.values()),
                "pages": self.folder if self.pages else None}

    def abort(self) -> None:
        shutil.rmtree(self._tmp_folder, ignore_errors=True)

    def _summary(self) -> str:
        cards = [("reports", self.n_reports), ("facts", sum(v for k, v in self.facts.items() if k != "checks")),
                 ("findings", sum(self.kinds.values())), ("input errors", len(self.errors))]
        out = ['<section id="summary"><h2>Summary · Tổng hợp</h2><div class="cards">']
        out += [f"<div class='card'><b>{v}</b><span>{esc(k)}</span></div>" for k, v in cards]
        out.append("</div><div class='charts'>")
        out.append(self._chart("Facts by type · Dữ kiện theo loại",
                               [(k, self.facts[k]) for k in FACT_TYPES if k != "checks"], "#8ecae6"))
        out.append(self._chart("Findings by kind · Phát hiện theo loại", self.kinds.most_common(), "#ff6b6b"))
        out.append(self._chart("“Dân vận khéo” models by field · Mô hình theo lĩnh vực",
                               self.by_field.most_common(), "#c5a3ff"))
        out.append(self._chart("Models by place and year · Mô hình theo địa bàn, năm",
                               self.by_place_year.most_common(15), "#c5a3ff"))
        out.append(self._chart("Cited documents by kind · Văn bản theo loại", self.doc_kinds.most_common(15), "#8ecae6"))
        out.append("</div>")
        top = self.cited.most_common(20)
        if top:
            out.append("<h3>Most cited documents · Văn bản được viện dẫn nhiều nhất</h3><table class='grid'><thead><tr>"
                       "<th>symbol<small>Số ký hiệu</small></th><th>kind<small>Loại</small></th><th>issuer"
                       "<small>Cơ quan ban hành</small></th><th>reports citing it<small>Số báo cáo</small></th></tr>"
                       "</thead><tbody>")
            out += [f"<tr><td>{esc(s)}</td><td>{esc(self.cited_as[s][0])}</td><td>{esc(self.cited_as[s][1])}</td>"
                    f"<td class='num'>{n}</td></tr>" for s, n in top]
            out.append("</tbody></table>")
        if self.errors:
            out.append(f"<h3>Input errors ({len(self.errors)})</h3><table class='grid'><thead><tr><th>id</th>"
                       "<th>source</th><th>type</th><th>message</th></tr></thead><tbody>")
            out += ["<tr>" + "".join(f"<td>{esc(x)}</td>" for x in e) + "</tr>" for e in self.errors]
            out.append("</tbody></table>")
        return "".join(out) + "</section>"

    @staticmethod
    def _chart(title: str, items: list[tuple[str, int]], color: str) -> str:
        svg = bars(items, color) if items else "<p class='muted'>none</p>"
        return f"<div class='chart'><h3>{esc(title)}</h3>{svg}</div>"

    def _findings(self) -> str:
        more = f'<button class="more" data-for="finding-list">Show more</button>' if len(self.findings) > PAGE else ""
        return (f'<section id="findings"><h2>Findings · Phát hiện ({len(self.findings)})</h2>'
                f'<div class="paged" id="finding-list" data-page="{PAGE}">{"".join(self.findings)}</div>{more}</section>')

    def _reports(self) -> str:
        more = f'<button class="more" data-for="report-list">Show more</button>' if len(self.index) > PAGE else ""
        ents = (f'<div id="entities" hidden><h3>Officials, documents and places</h3><ul class="entities paged" '
                f'id="entity-list" data-page="{PAGE}">{"".join(self.entities)}</ul></div>')
        sources = any(src for _, _, src, _, _ in self.index)
        rows = "".join(
            f'<tr class="item" data-search="{esc(doc_id)} {esc(src)}"><td class="num">{seq}</td>'
            f'<td><a href="{self.href(seq)}">{esc(doc_id)}</a></td>' + (f"<td>{esc(src)}</td>" if sources else "")
            + f'<td class="num">{n_facts}</td><td class="num">{n_found}</td></tr>'
            for seq, doc_id, src, n_facts, n_found in self.index)
        head = "<th>#</th><th>id</th>" + ("<th>source</th>" if sources else "") + "<th>facts</th><th>findings</th>"
        return (f'<section id="reports"><h2>Reports · Báo cáo ({self.n_reports})</h2>{ents}'
                f"<table class='grid'><thead><tr>{head}</tr></thead>"
                f'<tbody class="paged" id="report-list" data-page="{PAGE}">{rows}</tbody></table>{more}</section>')


def write_report(records: Any, out: str | Path, *, cross: Any = None, pages: bool | None = None,
                 title: str = "dvnlp report") -> dict[str, Any]:
    """Write the HTML report of ``records`` (contract dicts, Reports or error records, input order).
    ``pages``: one page per report in ``<stem>_files/`` (default: when there are more than
    :data:`SINGLE_MAX` records; ``records`` must then be a list or have a length)."""
    if pages is None:
        pages = len(records) > SINGLE_MAX
    site = HtmlReport(out, cross=cross, pages=pages, title=title)
    try:
        for seq, r in enumerate(records):
            site.add(seq, r if isinstance(r, dict) else r.to_dict())
    except BaseException:
        site.abort()
        raise
    return site.close()
