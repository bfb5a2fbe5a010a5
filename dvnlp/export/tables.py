"""Reports → flat tables, one row per fact, keyed by the document's ``id`` (and ``seq``, its
position in the input order, since two inputs may share an id).

    >>> rows = flatten(report.to_dict(), seq=0, source="a.txt")
    >>> rows["counts"][0]["value"], rows["reports"][0]["n_counts"]

Tables (columns in :data:`dvnlp.facts.schema.TABLES`): ``reports`` (one row per input, errors
included, with ``n_*`` counts and the text), ``officials`` (titles joined by ``" | "``),
``documents``, ``counts``, ``breakdowns`` and ``breakdown_parts``, ``models``, ``checks``
(per-document findings with ``scope='document'``; cross-document findings, computed by
:class:`dvnlp.checks.CrossDocument` and handed to :func:`build`, with ``scope='batch'``, one row per
document they name), ``errors``. Spans become ``span_start`` / ``span_end``; lists of spans and
``details`` are JSON text, so every table fits CSV too. The rows come from the one row builder,
:func:`dvnlp.export.rows.record_rows`.

:func:`build` streams finished records into a :class:`Sink` (CSV, Parquet, DuckDB, Excel) and
returns the run's :class:`Summary`. Nothing here imports spaCy, pyarrow or duckdb.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dvnlp.export.rows import _json, flat, record_rows
from dvnlp.facts.schema import FACT_TYPES, TABLES

FORMATS = ("csv", "parquet", "duckdb", "xlsx")


class Sink(Protocol):
    """Where tables go: ``write`` rows as they come, then ``commit`` (atomic) or ``abort``."""

    def write(self, table: str, rows: list[dict[str, Any]]) -> None: ...
    def commit(self) -> None: ...
    def abort(self) -> None: ...


class BufferedSink:
    """A sink that collects ``batch`` rows per table before handing them to :meth:`_write_rows`
    (the Parquet and DuckDB sinks); :meth:`_flush_all` writes what is left."""

    def __init__(self, batch: int) -> None:
        self.batch = batch
        self._buf: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        buf = self._buf[table]
        buf.extend(rows)
        if len(buf) >= self.batch:
            self._flush(table)

    def _flush(self, table: str) -> None:
        if self._buf[table]:
            self._write_rows(table, self._buf[table])
            self._buf[table] = []

    def _flush_all(self) -> None:
        for t in TABLES:
            self._flush(t)

    def _write_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        raise NotImplementedError


def _locate() -> Any:
    from dvnlp.checks import place_year

    return place_year


def flatten(record: dict[str, Any], seq: int, source: str, *, locate: Any = None) -> dict[str, list[dict[str, Any]]]:
    """One output record (report or error record) → rows of the flat tables that have any.
    A document finding gets its place and year from ``locate`` (default :func:`dvnlp.checks.place_year`)."""
    rows = record_rows(record, seq=seq, source=source, locate=locate or _locate())
    return {t: [flat(t, r) for r in rows[t]] for t in TABLES if t in rows}


def cross_rows(found: Any) -> list[dict[str, Any]]:
    """Cross-document findings (a :class:`dvnlp.checks.BatchFindings`) → ``checks`` rows
    (``scope='batch'``), one per document named."""
    rows = []
    for n, f in enumerate(found.findings):
        d = f.details or {}
        seen = set()
        for m in d.get("mentions", []):
            if m["id"] in seen:
                continue
            seen.add(m["id"])
            spans = [x["span"] for x in d["mentions"] if x["id"] == m["id"]]
            rows.append({"seq": found.seq_of.get(m["id"]), "id": m["id"], "n": n, "scope": "batch", "kind": f.kind,
                         "severity": f.severity, "message": f.message, "message_vi": f.message_vi,
                         "place": d.get("place"), "year": d.get("year"), "unit": d.get("unit"),
                         "span_start": int(spans[0][0]), "span_end": int(spans[0][1]),
                         "evidence": _json(spans), "details": _json(d)})
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


def build(entries: Iterable[tuple[int, str, dict[str, Any]]], sink: Sink | None,
          cross: Callable[[], Any] | Any = None) -> Summary:
    """Stream ``(seq, source, record)`` into ``sink``, then the cross-document findings ``cross``
    (a :class:`dvnlp.checks.BatchFindings`, or a callable giving it once the stream is read)."""
    summary = Summary()
    locate = _locate() if sink is not None else None
    for seq, source, record in entries:
        summary.add(record)
        if sink is not None:
            for table, rows in flatten(record, seq, source, locate=locate).items():
                if rows:
                    sink.write(table, rows)
    found = cross() if callable(cross) else cross
    summary.cross = list(found.findings) if found is not None else []
    for f in summary.cross:
        summary.findings[f.kind] += 1
    if sink is not None and summary.cross:
        sink.write("checks", cross_rows(found))
    return summary


def open_sink(fmt: str, out: Path, *, lang: str = "en") -> Sink | None:
    """The sink writing ``out`` in ``fmt`` (``csv``, ``parquet``, ``duckdb``, ``xlsx``); ``None`` for
    ``jsonl``. ``lang`` (``en``, ``vi``) names the headers of a workbook."""
    if fmt == "csv":
        from dvnlp.export.csv import CsvSink

        return CsvSink(out)
    if fmt == "parquet":
        from dvnlp.export.parquet import ParquetSink

        return ParquetSink(out)
    if fmt == "duckdb":
        from dvnlp.export.duckdb import DuckdbSink

        return DuckdbSink(out)
    if fmt == "xlsx":
        from dvnlp.export.xlsx import XlsxSink

        return XlsxSink(out, lang=lang)
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
