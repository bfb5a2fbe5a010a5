"""Reports → flat tables, one row per fact, keyed by the document's ``id`` (and ``seq``, its
position in the input order, since two inputs may share an id).

    >>> rows = flatten(report.to_dict(), seq=0, source="a.txt")
    >>> rows["counts"][0]["value"], rows["reports"][0]["n_counts"]

Tables (columns in :data:`SCHEMAS`): ``reports`` (one row per input, errors included, with
``n_*`` counts and the text), ``officials`` (titles joined by ``" | "``), ``documents``,
``counts``, ``breakdowns`` and ``breakdown_parts``, ``models``, ``checks`` (per-document findings
with ``scope='document'``; cross-document findings from :func:`dvnlp.checks.check_batch` with
``scope='batch'``, one row per document they name), ``errors``. Spans become ``span_start`` /
``span_end``; lists of spans and ``details`` are JSON text, so every table fits CSV too.

:func:`build` streams finished records into a :class:`Sink` (CSV, Parquet, DuckDB) and returns
the run's :class:`Summary`. Nothing here imports pyarrow or duckdb.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

#: :data:`dvnlp.facts.report.FACT_TYPES`, repeated so that ``dvnlp query`` need not import spaCy
#: (tests/export/test_tables.py checks they agree)
FACT_TYPES = ("officials", "documents", "counts", "breakdowns", "models", "dates", "organizations", "places", "checks")
S, I, F = "str", "int", "float"
_KEY = [("seq", I), ("id", S)]
_SPAN = [("span_start", I), ("span_end", I)]
#: table name → [(column, type)]; the one source of truth for CSV headers, Arrow and DuckDB schemas
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "reports": _KEY + [("source", S), ("status", S), ("error_type", S), ("n_chars", I)]
    + [(f"n_{k}", I) for k in FACT_TYPES]
    + [("n_check_errors", I), ("n_check_warnings", I), ("n_unchecked", I), ("text", S)],
    "officials": _KEY + [("n", I), ("name", S), ("titles", S), ("n_titles", I), ("n_mentions", I)]
    + _SPAN + [("rule", S)],
    "documents": _KEY + [("n", I), ("kind", S), ("kind_code", S), ("number", S), ("symbol", S),
                         ("issuer_code", S), ("issuer", S), ("date", S), ("subject", S)] + _SPAN + [("rule", S)],
    "counts": _KEY + [("n", I), ("value", F), ("of", F), ("unit", S), ("qualifier", S), ("text", S)]
    + _SPAN + [("rule", S)],
    "breakdowns": _KEY + [("n", I), ("total", F), ("unit", S), ("by", S), ("n_parts", I), ("parts_sum", F)]
    + _SPAN + [("rule", S)],
    "breakdown_parts": _KEY + [("breakdown", I), ("n", I), ("value", F), ("label", S), ("field", S)],
    "models": _KEY + [("n", I), ("name", S), ("field", S), ("confidence", F)] + _SPAN + [("rule", S)],
    "checks": _KEY + [("n", I), ("scope", S), ("kind", S), ("severity", S), ("message", S), ("message_vi", S),
                      ("place", S), ("year", S), ("unit", S)] + _SPAN + [("evidence", S), ("details", S)],
    "errors": _KEY + [("source", S), ("type", S), ("message", S)],
}
TITLE_SEP = " | "


class Sink(Protocol):
    """Where tables go: ``write`` rows as they come, then ``commit`` (atomic) or ``abort``."""

    def write(self, table: str, rows: list[dict[str, Any]]) -> None: ...
    def commit(self) -> None: ...
    def abort(self) -> None: ...


def _span(span: Any) -> dict[str, Any]:
    if not span:
        return {"span_start": None, "span_end": None}
    return {"span_start": int(span[0]), "span_end": int(span[1])}


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def _place_year(record: dict[str, Any], start: int | None) -> tuple[str | None, str | None]:
    """The place and year written in the clause of a finding's evidence (:func:`dvnlp.checks.crossdoc.place_year`)."""
    if start is None:
        return None, None
    try:
        from dvnlp.checks.crossdoc import place_year
        from dvnlp.facts.report import Report

        report = Report(id=str(record["id"]), text=record.get("text") or "",
                        sentences=[tuple(x) for x in record.get("sentences") or []])
        return place_year(report, start)
    except Exception:  # noqa: BLE001 - a location is a convenience, never a reason to fail
        return None, None


def flatten(record: dict[str, Any], seq: int, source: str) -> dict[str, list[dict[str, Any]]]:
    """One output record (report or error record) → rows for every table."""
    key = {"seq": seq, "id": record["id"]}
    if "error" in record:
        e = record["error"]
        row = {**key, "source": source or record.get("source"), "status": "error", "error_type": e.get("type")}
        return {"reports": [row], "errors": [{**key, "source": row["source"], "type": e.get("type"),
                                              "message": e.get("message")}]}
    text = record["text"]
    checks = record["checks"]
    rep = {**key, "source": source, "status": "ok", "error_type": None, "n_chars": len(text), "text": text,
           **{f"n_{k}": len(record[k]) for k in FACT_TYPES},
           "n_check_errors": sum(c["severity"] == "error" for c in checks),
           "n_check_warnings": sum(c["severity"] != "error" for c in checks),
           "n_unchecked": len((record.get("checked") or {}).get("unchecked") or [])}
    out: dict[str, list[dict[str, Any]]] = {"reports": [rep]}
    out["officials"] = [
        {**key, "n": n, "name": o["name"], "titles": TITLE_SEP.join(o["titles"]) or None, "n_titles": len(o["titles"]),
         "n_mentions": len(o["mentions"]), **_span(o["mentions"][0] if o["mentions"] else None), "rule": o.get("rule")}
        for n, o in enumerate(record["officials"])]
    out["documents"] = [
        {**key, "n": n, **{c: d.get(c) for c in ("kind", "kind_code", "number", "symbol", "issuer_code", "issuer",
                                                 "date", "subject")}, **_span(d.get("span")), "rule": d.get("rule")}
        for n, d in enumerate(record["documents"])]
    out["counts"] = [
        {**key, "n": n, "value": c["value"], "of": c.get("of"), "unit": c.get("unit"), "qualifier": c.get("qualifier"),
         "text": text[c["span"][0]:c["span"][1]] if c.get("span") else None, **_span(c.get("span")),
         "rule": c.get("rule")}
        for n, c in enumerate(record["counts"])]
    out["breakdowns"], out["breakdown_parts"] = [], []
    for n, b in enumerate(record["breakdowns"]):
        parts = b.get("parts") or []
        out["breakdowns"].append({**key, "n": n, "total": b["total"], "unit": b.get("unit"), "by": b.get("by"),
                                  "n_parts": len(parts), "parts_sum": sum(p["value"] for p in parts),
                                  **_span(b.get("span")), "rule": b.get("rule")})
        out["breakdown_parts"] += [{**key, "breakdown": n, "n": k, "value": p["value"], "label": p.get("label"),
                                    "field": p.get("field")} for k, p in enumerate(parts)]
    out["models"] = [
        {**key, "n": n, "name": m["name"], "field": m.get("field"), "confidence": m.get("confidence"),
         **_span(m.get("span")), "rule": m.get("rule")}
        for n, m in enumerate(record["models"])]
    out["checks"] = []
    for n, c in enumerate(checks):
        ev = c.get("evidence") or []
        place, year = _place_year(record, ev[0][0] if ev else None)
        details = c.get("details") or {}
        out["checks"].append({**key, "n": n, "scope": "document", "kind": c["kind"], "severity": c["severity"],
                              "message": c["message"], "message_vi": c.get("message_vi"), "place": place,
                              "year": year, "unit": details.get("unit"), **_span(ev[0] if ev else None),
                              "evidence": _json(ev), "details": _json(details)})
    return out


def cross_rows(findings: list[Any], seq_of: dict[str, int]) -> list[dict[str, Any]]:
    """Cross-document findings → ``checks`` rows (``scope='batch'``), one per document named."""
    rows = []
    for n, f in enumerate(findings):
        d = f.details or {}
        seen = set()
        for m in d.get("mentions", []):
            if m["id"] in seen:
                continue
            seen.add(m["id"])
            spans = [x["span"] for x in d["mentions"] if x["id"] == m["id"]]
            rows.append({"seq": seq_of.get(m["id"]), "id": m["id"], "n": n, "scope": "batch", "kind": f.kind,
                         "severity": f.severity, "message": f.message, "message_vi": f.message_vi,
                         "place": d.get("place"), "year": d.get("year"), "unit": d.get("unit"),
                         **_span(spans[0]), "evidence": _json(spans), "details": _json(d)})
    return rows


@dataclass
class Summary:
    """What a batch produced (over every finished record, resumed ones included)."""

    documents: int = 0
    errors: int = 0
    facts: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)
    error_types: Counter = field(default_factory=Counter)
    cross: list[Any] = field(default_factory=list)
    seconds: float = 0.0
    processed: int = 0
    resumed: int = 0

    def add(self, record: dict[str, Any]) -> None:
        self.documents += 1
        if "error" in record:
            self.errors += 1
            self.error_types[record["error"].get("type")] += 1
            return
        for k in FACT_TYPES:
            self.facts[k] += len(record[k])
        for c in record["checks"]:
            self.findings[c["kind"]] += 1


def build(entries: Iterable[tuple[int, str, str]], sink: Sink | None) -> Summary:
    """Stream ``(seq, source, json line)`` records into ``sink``; add cross-document findings."""
    from dvnlp.checks import check_batch
    from dvnlp.checks.crossdoc import totals_of
    from dvnlp.facts.report import Report

    summary = Summary()
    keep: list[Report] = []
    seq_of: dict[str, int] = {}
    for seq, source, line in entries:
        record = json.loads(line)
        summary.add(record)
        if sink is not None:
            for table, rows in flatten(record, seq, source).items():
                if rows:
                    sink.write(table, rows)
        if "error" not in record and (record["counts"] or record["breakdowns"]):
            slim = Report.from_dict({"id": record["id"], "text": record["text"], "counts": record["counts"],
                                     "breakdowns": record["breakdowns"]})
            try:
                has_totals = bool(totals_of(slim))
            except Exception:  # noqa: BLE001 - check_batch skips such a report too
                has_totals = False
            if has_totals:
                keep.append(slim)
                seq_of.setdefault(slim.id, seq)
    summary.cross = check_batch(keep)
    for f in summary.cross:
        summary.findings[f.kind] += 1
    if sink is not None and summary.cross:
        sink.write("checks", cross_rows(summary.cross, seq_of))
    return summary


def open_sink(fmt: str, out: Path) -> Sink | None:
    """The sink writing ``out`` in ``fmt`` (``csv``, ``parquet``, ``duckdb``); ``None`` for ``jsonl``."""
    if fmt == "csv":
        from dvnlp.export.csv import CsvSink

        return CsvSink(out)
    if fmt == "parquet":
        from dvnlp.export.parquet import ParquetSink

        return ParquetSink(out)
    if fmt == "duckdb":
        from dvnlp.export.duckdb import DuckdbSink

        return DuckdbSink(out)
    return None


def temp_dir_for(out: Path) -> Path:
    """A fresh temporary folder beside ``out`` (same file system, so the final rename is atomic)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    return tmp


def replace_dir(tmp: Path, out: Path) -> None:
    """Put the finished folder ``tmp`` at ``out``: a rename; an older ``out`` is moved aside first."""
    old = None
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"{out} exists and is not a folder")
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
