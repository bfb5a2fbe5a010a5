"""A DuckDB file for exploration: the tables of :mod:`dvnlp.export.tables` plus named reports
stored as SQL views (:data:`REPORTS`).

    dvnlp batch reports/ -o out.duckdb
    dvnlp query out.duckdb --report models_by_field
    dvnlp query out.duckdb "SELECT kind, count(*) FROM documents GROUP BY ALL ORDER BY 2 DESC"

The file is built under a temporary name beside the target and renamed into place on
:meth:`DuckdbSink.commit`. Every table has ``seq`` (input order) and ``id``; join on ``seq``
when ids may repeat.

Besides the per-report tables, ``dim_documents`` is the documents dimension: one row per distinct
cited document over the batch (canonical symbol, case and spaces folded), with ``citations`` (the
reports citing it), the first and last report date (the report's own date, read from its heading or
publication stamp: ``report_dates``), the most frequent kind and issuer and every issuer seen. The
named report ``most_cited_documents`` ranks it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dvnlp.export.tables import BufferedSink
from dvnlp.facts.schema import TABLES, TITLE_SEP

_SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "VARCHAR"}  # a date is ISO text
_ARITHMETIC = "('sum_mismatch', 'ratio_exceeds_total', 'percent_mismatch', 'cross_document_mismatch')"

#: named reports (``dvnlp query OUT --report NAME``), also created as views in the file
REPORTS: dict[str, str] = {
    "inconsistent_totals": f"""
        SELECT place, year, unit, kind, count(*) AS findings, count(DISTINCT id) AS documents,
               string_agg(DISTINCT id, ', ' ORDER BY id) AS ids, min(message) AS example
        FROM checks WHERE kind IN {_ARITHMETIC}
        GROUP BY place, year, unit, kind
        ORDER BY place NULLS LAST, year NULLS LAST, findings DESC, kind""",
    "models_by_field": """
        SELECT coalesce(field, '(none)') AS field, count(*) AS models, count(DISTINCT id) AS documents,
               round(avg(confidence), 3) AS mean_confidence
        FROM models GROUP BY 1 ORDER BY models DESC, field""",
    "documents_by_kind_issuer": """
        SELECT coalesce(kind, '(unknown)') AS kind, coalesce(issuer, issuer_code, '(unknown)') AS issuer,
               count(*) AS citations, count(DISTINCT symbol) AS distinct_symbols, count(DISTINCT id) AS documents
        FROM documents GROUP BY 1, 2 ORDER BY citations DESC, kind, issuer""",
    "most_cited_documents": """
        SELECT symbol, kind, issuer, citations, first_report_date, last_report_date, issuers_seen, ids
        FROM dim_documents ORDER BY citations DESC, last_report_date DESC NULLS LAST, symbol""",
    "officials_by_title": f"""
        SELECT title, count(*) AS officials, count(DISTINCT name) AS people, count(DISTINCT id) AS documents
        FROM (SELECT id, name, unnest(string_split(titles, '{TITLE_SEP}')) AS title
              FROM officials WHERE titles IS NOT NULL)
        GROUP BY title ORDER BY officials DESC, title""",
}


def create_tables(con: Any) -> None:
    for table, cols in TABLES.items():
        body = ", ".join(f'"{c.name}" {_SQL_TYPES[c.type]}' for c in cols)
        con.execute(f'CREATE TABLE "{table}" ({body})')


#: the documents dimension, built from ``documents`` and ``report_dates`` when the file is committed
_DIM_DOCUMENTS = """
    CREATE TABLE dim_documents AS
    SELECT upper(replace(d.symbol, ' ', '')) AS symbol_key, mode(d.symbol) AS symbol,
           mode(d.kind) AS kind, mode(coalesce(d.issuer, d.issuer_code)) AS issuer,
           count(DISTINCT d.seq) AS citations, min(r.report_date) AS first_report_date,
           max(r.report_date) AS last_report_date,
           string_agg(DISTINCT coalesce(d.issuer, d.issuer_code), ' | ' ORDER BY coalesce(d.issuer, d.issuer_code))
               AS issuers_seen,
           string_agg(DISTINCT d.id, ', ' ORDER BY d.id) AS ids
    FROM documents d LEFT JOIN report_dates r USING (seq)
    WHERE d.symbol IS NOT NULL
    GROUP BY 1"""


def create_dimensions(con: Any, report_dates: dict[int, Any]) -> None:
    """``report_dates`` (seq → the report's own date) and ``dim_documents``."""
    con.execute("CREATE OR REPLACE TABLE report_dates (seq BIGINT, report_date DATE)")
    if report_dates:
        con.executemany("INSERT INTO report_dates VALUES (?, ?)", sorted(report_dates.items()))
    con.execute("DROP TABLE IF EXISTS dim_documents")
    con.execute(_DIM_DOCUMENTS)


def create_views(con: Any) -> None:
    for name, sql in REPORTS.items():
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')


class DuckdbSink(BufferedSink):
    """Stream rows into a new DuckDB file (through Arrow batches)."""

    def __init__(self, out: str | Path, *, batch: int = 20_000) -> None:
        import duckdb

        super().__init__(batch)
        self.out = Path(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.out.parent / f".{self.out.name}.tmp-{os.getpid()}"
        self._cleanup()
        self.con = duckdb.connect(str(self.tmp))
        create_tables(self.con)
        self._report_dates: dict[int, Any] = {}

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        if table == "reports":  # the report's own date, for the documents dimension
            from dvnlp.checks.dates import report_date

            for row in rows:
                found = report_date(row.get("text") or "")
                if found:
                    self._report_dates[row["seq"]] = found[0]
        super().write(table, rows)

    def _write_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        from dvnlp.export.parquet import arrow_table

        data = arrow_table(table, rows)  # noqa: F841 - read by DuckDB's replacement scan
        self.con.register("_dvnlp_batch", data)
        self.con.execute(f'INSERT INTO "{table}" SELECT * FROM _dvnlp_batch')
        self.con.unregister("_dvnlp_batch")

    def commit(self) -> None:
        self._flush_all()
        create_dimensions(self.con, self._report_dates)
        create_views(self.con)
        self.con.execute("CHECKPOINT")
        self.con.close()
        os.replace(self.tmp, self.out)
        Path(f"{self.tmp}.wal").unlink(missing_ok=True)

    def abort(self) -> None:
        try:
            self.con.close()
        finally:
            self._cleanup()

    def _cleanup(self) -> None:
        for p in (self.tmp, Path(f"{self.tmp}.wal")):
            p.unlink(missing_ok=True)


def query(path: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` on the DuckDB file read-only: (column names, rows)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        return cols, cur.fetchall()
    finally:
        con.close()


def describe(path: str | Path) -> list[tuple[str, str, int | None]]:
    """(name, 'table' | 'view', rows) of what the file holds; views are not counted."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        out = []
        for name, kind in con.execute("SELECT table_name, table_type FROM information_schema.tables "
                                      "ORDER BY table_type, table_name").fetchall():
            is_view = kind.upper() == "VIEW"
            n = None if is_view else con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            out.append((name, "view" if is_view else "table", n))
        return out
    finally:
        con.close()


def _rows_by_seq(con: Any, table: str, where: str = "") -> dict[int, list[dict[str, Any]]]:
    order = "seq" if table == "errors" else "seq, n"
    cur = con.execute(f'SELECT * FROM "{table}" {where} ORDER BY {order}')
    cols = [d[0] for d in cur.description]
    out: dict[int, list[dict[str, Any]]] = {}
    for row in cur.fetchall():
        r = dict(zip(cols, row))
        out.setdefault(r["seq"], []).append(r)
    return out


def _span(r: dict[str, Any]) -> list[int] | None:
    return None if r["span_start"] is None else [r["span_start"], r["span_end"]]


def read_records(path: str | Path) -> Any:
    """The records a batch's DuckDB file holds, in input order, as output-contract dicts (what the
    tables keep: an official's first mention only; no dates, organizations or places; ``checked``
    empty) and error records. Reads one fact table at a time into memory."""
    import json

    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        facts = {t: _rows_by_seq(con, t) for t in ("officials", "documents", "counts", "breakdowns", "models")}
        parts = {}
        for seq, rows in _rows_by_seq(con, "breakdown_parts").items():
            for p in rows:
                parts.setdefault((seq, p["breakdown"]), []).append({"value": p["value"], "label": p["label"],
                                                                    "field": p["field"]})
        checks = _rows_by_seq(con, "checks", "WHERE scope = 'document'")
        errors = {seq: rows[0] for seq, rows in _rows_by_seq(con, "errors").items()}
        cur = con.execute("SELECT seq, id, source, status, text FROM reports ORDER BY seq")
        for seq, doc_id, source, status, text in cur.fetchall():
            if status == "error":
                e = errors.get(seq) or {}
                yield {"id": doc_id, "source": source, "error": {"type": e.get("type"), "message": e.get("message")}}
                continue
            f = {t: facts[t].get(seq, []) for t in facts}
            yield {
                "id": doc_id, "source": source, "text": text,
                "officials": [{"name": o["name"], "titles": o["titles"].split(TITLE_SEP) if o["titles"] else [],
                               "mentions": [_span(o)] if _span(o) else [], "span": _span(o), "rule": o["rule"]}
                              for o in f["officials"]],
                "documents": [{k: d[k] for k in ("kind", "number", "symbol", "issuer_code", "issuer", "date",
                                                 "subject", "kind_code", "rule")} | {"span": _span(d)}
                              for d in f["documents"]],
                "counts": [{k: c[k] for k in ("value", "of", "unit", "qualifier", "rule")} | {"span": _span(c)}
                           for c in f["counts"]],
                "breakdowns": [{k: b[k] for k in ("total", "unit", "by", "rule")}
                               | {"span": _span(b), "parts": parts.get((seq, b["n"]), [])} for b in f["breakdowns"]],
                "models": [{k: m[k] for k in ("name", "field", "confidence", "rule")} | {"span": _span(m)}
                           for m in f["models"]],
                "dates": [], "organizations": [], "places": [],
                "checks": [{"kind": c["kind"], "severity": c["severity"], "message": c["message"],
                            "message_vi": c["message_vi"], "evidence": json.loads(c["evidence"] or "[]"),
                            "details": json.loads(c["details"] or "{}")} for c in checks.get(seq, [])],
                "checked": {},
            }
    finally:
        con.close()


def read_batch_findings(path: str | Path) -> Any:
    """The cross-document findings stored in a batch's DuckDB file (``checks`` rows with
    ``scope='batch'``), as a :class:`dvnlp.checks.BatchFindings`."""
    import json

    from dvnlp.checks import BatchFindings
    from dvnlp.facts import Finding

    _, rows = query(path, "SELECT n, seq, id, kind, severity, message, message_vi, details FROM checks "
                          "WHERE scope = 'batch' ORDER BY n, seq")
    found = BatchFindings()
    last = None
    for n, seq, doc_id, kind, severity, message, message_vi, details in rows:
        found.seq_of.setdefault(doc_id, seq)
        if n != last:
            d = json.loads(details or "{}")
            found.findings.append(Finding(kind=kind, severity=severity, message=message, message_vi=message_vi,
                                          evidence=[tuple(m["span"]) for m in d.get("mentions", [])], details=d))
            last = n
    return found
