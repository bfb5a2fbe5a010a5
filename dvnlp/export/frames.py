"""Reports → pandas DataFrames: one tidy table per fact type, keyed by document id.

    >>> from dvnlp.export.frames import to_frames
    >>> frames = to_frames(reports)          # Reports, contract dicts or batch ErrorRecords
    >>> frames["counts"].query("of.notna() and value > of")
    >>> frames["documents"].groupby("issuer").size()

Every frame starts with ``id`` (the document id) and ``n`` (the position of the fact in its
report's list), so ``(id, n)`` is a key. The columns follow the output contract
(:mod:`dvnlp.facts.report`), flattened for SQL and plotting, with the column names of the flat
tables of :mod:`dvnlp.export.tables` where both have a column:

* ``span`` → ``span_start``, ``span_end``; another single span such as ``number_span`` →
  ``number_span_start``, ``number_span_end``; lists of spans (``mentions``, ``evidence``,
  ``part_spans``) stay lists of ``[start, end]``;
* a breakdown's ``parts`` → ``n_parts`` and ``parts_sum`` here, and one row per part in the extra
  frame ``breakdown_parts`` (``id``, ``breakdown`` = the breakdown's ``n``, ``n``, ``value``,
  ``label``, ``field``);
* a finding's ``details`` (a dict) → a JSON string, and its first evidence span →
  ``span_start``, ``span_end``;
* ``officials`` also get ``title`` (the first title) and ``n_mentions``.

Two more frames: ``reports`` (one row per document: ``n_chars``, ``n_<fact type>``,
``n_check_errors``/``n_check_warnings`` among its checks, and what was checked: ``checked_sums``,
``checked_ratios``, ``checked_percents``, ``checked_dates``, ``n_unchecked``) and ``errors``
(inputs that failed in a batch: ``id``, ``source``, ``type``, ``message``). Frames are always
present, with their columns, even when empty.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

import pandas as pd

from dvnlp.facts.report import FACT_CLASSES, FACT_TYPES, Part, Report

__all__ = ["FRAME_NAMES", "to_frames"]

#: numeric columns stored as float64 per frame (ints and None mix in the contract)
_FLOATS: dict[str, tuple[str, ...]] = {
    "counts": ("value", "of"), "breakdowns": ("total", "parts_sum"), "breakdown_parts": ("value",),
    "models": ("confidence",),
}
#: columns holding lists (kept as Python lists; DuckDB reads them as LIST columns)
_LISTS = frozenset({"titles", "mentions", "evidence", "part_spans"})
_CHECKED = ("sums", "ratios", "percents", "dates")
#: every frame :func:`to_frames` returns
FRAME_NAMES: tuple[str, ...] = (*FACT_TYPES, "breakdown_parts", "reports", "errors")


def _is_single_span(key: str) -> bool:
    return key == "span" or key.endswith("_span")


def _span_columns(key: str) -> tuple[str, str]:
    return f"{key}_start", f"{key}_end"


def _columns(kind: str) -> list[str]:
    cols = ["id", "n"]
    for f in dataclasses.fields(FACT_CLASSES[kind]):
        if _is_single_span(f.name):
            cols += _span_columns(f.name)
        elif f.name == "parts":
            cols += ["n_parts", "parts_sum"]
        else:
            cols.append(f.name)
        if kind == "officials" and f.name == "titles":
            cols.append("title")
        if kind == "officials" and f.name == "mentions":
            cols.append("n_mentions")
        if kind == "checks" and f.name == "evidence":
            cols += ["span_start", "span_end"]
    return cols


def _row(kind: str, doc_id: str, i: int, record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": doc_id, "n": i}
    for key, value in record.items():
        if _is_single_span(key):
            a, b = _span_columns(key)
            row[a], row[b] = (int(value[0]), int(value[1])) if value else (None, None)
        elif key == "parts":
            row["n_parts"] = len(value or [])
            row["parts_sum"] = float(sum(p["value"] for p in value or []))
        elif key == "details":
            row[key] = json.dumps(value or {}, ensure_ascii=False, sort_keys=True)
        elif key in ("mentions", "evidence", "part_spans"):
            row[key] = [[int(s[0]), int(s[1])] for s in value or []]
        else:
            row[key] = value
    if kind == "officials":
        row["title"] = (record.get("titles") or [None])[0]
        row["n_mentions"] = len(record.get("mentions") or [])
    if kind == "checks":
        first = (record.get("evidence") or [None])[0]
        row["span_start"], row["span_end"] = (int(first[0]), int(first[1])) if first else (None, None)
    return row


def _frame(name: str, rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    extra = [c for r in rows for c in r if c not in columns]
    columns = columns + list(dict.fromkeys(extra))  # fields added to the contract later are kept
    df = pd.DataFrame(rows, columns=columns)
    for col in _FLOATS.get(name, ()):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    if df.empty:  # typed empty columns, so that an empty frame still makes a usable SQL table
        for col in df.columns:
            if col not in _LISTS and df[col].dtype == object:
                df[col] = df[col].astype("str")
    for col in ("n", "breakdown", "span_start", "span_end", "n_chars", "n_parts", "n_mentions"):
        if col in df.columns and not df[col].isna().any():
            df[col] = df[col].astype("int64")
    return df


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if isinstance(item, Report) or hasattr(item, "to_dict"):
        return item.to_dict()
    raise TypeError(f"expected a Report, a contract dict or an ErrorRecord, got {type(item).__name__}")


def to_frames(reports: Iterable[Report | dict[str, Any] | Any]) -> dict[str, pd.DataFrame]:
    """One DataFrame per fact type (plus ``breakdown_parts``, ``reports``, ``errors``), see the
    module docstring. ``reports`` may mix :class:`Report`, contract dicts (``Report.to_dict()``,
    a line of ``dvnlp extract --format jsonl``) and batch error records."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAME_NAMES}
    for item in reports:
        data = _as_dict(item)
        doc_id = str(data.get("id"))
        if "error" in data and "text" not in data:
            err = data["error"] or {}
            rows["errors"].append({"id": doc_id, "source": data.get("source"), "type": err.get("type"),
                                   "message": err.get("message")})
            continue
        for kind in FACT_TYPES:
            for i, record in enumerate(data.get(kind) or []):
                rows[kind].append(_row(kind, doc_id, i, record))
                if kind == "breakdowns":
                    for j, part in enumerate(record.get("parts") or []):
                        rows["breakdown_parts"].append({"id": doc_id, "breakdown": i, "n": j, **part})
        checks = data.get("checks") or []
        checked = data.get("checked") or {}
        summary: dict[str, Any] = {"id": doc_id, "n_chars": len(data.get("text") or "")}
        summary.update({f"n_{kind}": len(data.get(kind) or []) for kind in FACT_TYPES})
        summary["n_check_errors"] = sum(f.get("severity") == "error" for f in checks)
        summary["n_check_warnings"] = sum(f.get("severity") != "error" for f in checks)
        summary.update({f"checked_{k}": checked.get(k) for k in _CHECKED})
        summary["n_unchecked"] = len(checked.get("unchecked") or [])
        rows["reports"].append(summary)
    columns: dict[str, list[str]] = {kind: _columns(kind) for kind in FACT_TYPES}
    columns["breakdown_parts"] = ["id", "breakdown", "n", *(f.name for f in dataclasses.fields(Part))]
    columns["reports"] = ["id", "n_chars", *(f"n_{k}" for k in FACT_TYPES), "n_check_errors", "n_check_warnings",
                          *(f"checked_{k}" for k in _CHECKED), "n_unchecked"]
    columns["errors"] = ["id", "source", "type", "message"]
    return {name: _frame(name, rows[name], columns[name]) for name in FRAME_NAMES}
