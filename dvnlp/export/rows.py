"""The one row builder: an output-contract record → rows of every table, with plain Python
values; :func:`flat` and :func:`frame_row` encode them for the two views of
:mod:`dvnlp.facts.schema` (flat tables; pandas frames).

    >>> rows = record_rows(report.to_dict(), seq=0, source="a.txt")
    >>> rows["officials"][0]["titles"]            # a list here …
    >>> flat("officials", rows["officials"][0])["titles"]   # … ' | '-joined in CSV, Parquet, DuckDB, Excel

Every fact row has ``seq``, ``id``, ``n`` (its position in the report's list); a single span
``x`` becomes ``x_start``/``x_end`` (``span`` → ``span_start``/``span_end``); an official's span is
its first mention, a finding's its first evidence span. Nothing here imports spaCy, pyarrow or
duckdb.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from dvnlp.facts.schema import FACT_TYPES, FRAMES, TABLES, TITLE_SEP

__all__ = ["CHECKED", "flat", "frame_row", "record_rows"]

_LIST_SPANS = ("mentions", "evidence", "part_spans")
CHECKED = ("sums", "ratios", "percents", "dates")
_KNOWN = {t: {c.name for c in TABLES.get(t, ())} | set(FRAMES.get(t, ())) | {"seq"} for t in FRAMES}
Locate = Callable[[dict[str, Any], int | None], tuple[str | None, str | None]]


def _is_single_span(key: str) -> bool:
    return key == "span" or key.endswith("_span")


def _pair(span: Any) -> tuple[int | None, int | None]:
    return (int(span[0]), int(span[1])) if span else (None, None)


def _fact_row(kind: str, key: dict[str, Any], i: int, record: dict[str, Any], text: str,
              locate: Locate | None, report: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {**key, "n": i}
    for name, value in record.items():
        if _is_single_span(name):
            row[f"{name}_start"], row[f"{name}_end"] = _pair(value)
        elif name == "parts":
            row["n_parts"] = len(value or [])
            row["parts_sum"] = sum(p["value"] for p in value or [])
        elif name in _LIST_SPANS:
            row[name] = [[int(s[0]), int(s[1])] for s in value or []]
        else:
            row[name] = value
    if kind == "officials":
        mentions = record.get("mentions") or []
        row["span_start"], row["span_end"] = _pair(mentions[0] if mentions else record.get("span"))
        row["title"] = (record.get("titles") or [None])[0]
        row["n_titles"] = len(record.get("titles") or [])
        row["n_mentions"] = len(mentions)
    elif kind == "counts":
        span = record.get("span")
        row["text"] = text[span[0]:span[1]] if span else None
    elif kind == "checks":
        ev = record.get("evidence") or []
        row["span_start"], row["span_end"] = _pair(ev[0] if ev else None)
        row["details"] = record.get("details") or {}
        row["scope"], row["unit"] = "document", row["details"].get("unit")
        row["place"], row["year"] = locate(report, ev[0][0] if ev else None) if locate else (None, None)
    return row


def record_rows(record: dict[str, Any], *, seq: int | None = None, source: str | None = None,
                locate: Locate | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table (:data:`~dvnlp.facts.schema.FRAMES` names) for one record: a report
    (``Report.to_dict()``) or a batch error record ``{"id", "source", "error"}``. ``locate(record,
    start)`` gives a document finding its place and year (:func:`dvnlp.checks.place_year`)."""
    key = {"seq": seq, "id": str(record.get("id"))}
    if "error" in record and "text" not in record:
        err = record["error"] or {}
        src = source or record.get("source")
        return {"reports": [{**key, "source": src, "status": "error", "error_type": err.get("type")}],
                "errors": [{**key, "source": src, "type": err.get("type"), "message": err.get("message")}]}
    text = record.get("text") or ""
    checks = record.get("checks") or []
    checked = record.get("checked") or {}
    out: dict[str, list[dict[str, Any]]] = {"reports": [{
        **key, "source": source, "status": "ok", "error_type": None, "n_chars": len(text), "text": text,
        **{f"n_{k}": len(record.get(k) or []) for k in FACT_TYPES},
        "n_check_errors": sum(c.get("severity") == "error" for c in checks),
        "n_check_warnings": sum(c.get("severity") != "error" for c in checks),
        **{f"checked_{k}": checked.get(k) for k in CHECKED},
        "n_unchecked": len(checked.get("unchecked") or []),
    }], "breakdown_parts": []}
    for kind in FACT_TYPES:
        out[kind] = [_fact_row(kind, key, i, r, text, locate, record) for i, r in enumerate(record.get(kind) or [])]
    for i, b in enumerate(record.get("breakdowns") or []):
        out["breakdown_parts"] += [{**key, "breakdown": i, "n": j, **p} for j, p in enumerate(b.get("parts") or [])]
    return out


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def flat(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with the columns of the flat table (missing ones ``None``), lists encoded as
    :attr:`Column.lists <dvnlp.facts.schema.Column.lists>` says."""
    out = {}
    for c in TABLES[table]:
        value = row.get(c.name)
        if c.lists == "joined":
            value = TITLE_SEP.join(value or []) or None
        elif c.lists == "json" and value is not None and not isinstance(value, str):
            value = _json(value)
        out[c.name] = value
    return out


def frame_row(frame: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` for a pandas frame: the frame's columns, plus contract fields no schema names yet;
    lists stay lists, ``details`` becomes JSON text with sorted keys."""
    out = {c: row[c] for c in FRAMES[frame] if c in row}
    out.update({k: v for k, v in row.items() if k not in _KNOWN[frame]})
    if frame == "checks":
        out["details"] = json.dumps(row.get("details") or {}, ensure_ascii=False, sort_keys=True)
    return out
