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

from collections.abc import Iterable
from typing import Any

import pandas as pd

from dvnlp.export.rows import frame_row, record_rows
from dvnlp.facts.schema import FACT_TYPES, FRAME_FLOATS, FRAME_LISTS, FRAMES

__all__ = ["FRAME_NAMES", "to_frames"]

#: every frame :func:`to_frames` returns
FRAME_NAMES: tuple[str, ...] = (*FACT_TYPES, "breakdown_parts", "reports", "errors")
#: columns made int64 when they have no missing value (also when the frame is empty)
_INTS = ("n", "breakdown", "span_start", "span_end", "n_chars", "n_parts", "n_mentions")


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = list(FRAMES[name])
    extra = [c for r in rows for c in r if c not in columns]
    columns = columns + list(dict.fromkeys(extra))  # fields added to the contract later are kept
    df = pd.DataFrame(rows, columns=columns)
    for col in FRAME_FLOATS.get(name, ()):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    if df.empty:  # typed empty columns, so that an empty frame still makes a usable SQL table
        for col in df.columns:
            if col not in FRAME_LISTS and df[col].dtype == object:
                df[col] = df[col].astype("str")
    for col in _INTS:
        if col in df.columns and not df[col].isna().any():
            df[col] = df[col].astype("int64")
    return df


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if hasattr(item, "to_dict"):
        return item.to_dict()
    raise TypeError(f"expected a Report, a contract dict or an ErrorRecord, got {type(item).__name__}")


def to_frames(reports: Iterable[Any]) -> dict[str, pd.DataFrame]:
    """One DataFrame per fact type (plus ``breakdown_parts``, ``reports``, ``errors``), see the
    module docstring. ``reports`` may mix :class:`Report`, contract dicts (``Report.to_dict()``,
    a line of ``dvnlp extract --format jsonl``) and batch error records."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAME_NAMES}
    for item in reports:
        for name, built in record_rows(_as_dict(item)).items():
            if name == "reports" and built[0]["status"] == "error":
                continue  # an input that failed is a row of ``errors`` only
            rows[name] += [frame_row(name, r) for r in built]
    return {name: _frame(name, rows[name]) for name in FRAME_NAMES}
