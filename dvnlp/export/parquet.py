"""Tables as Parquet files in a folder (``OUT.parquet/counts.parquet`` …), written in row groups
as records stream in, then renamed into place on :meth:`ParquetSink.commit`.

    >>> import pandas as pd
    >>> pd.read_parquet("out.parquet/counts.parquet")
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from dvnlp.export.tables import SCHEMAS, replace_dir, temp_dir_for

_ARROW = {"str": "string", "int": "int64", "float": "float64"}


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of one table."""
    import pyarrow as pa

    return pa.schema([(c, getattr(pa, _ARROW[t])()) for c, t in SCHEMAS[table]])


def arrow_table(table: str, rows: list[dict[str, Any]]) -> Any:
    """Rows (dicts; missing keys are nulls) → a pyarrow Table with the table's schema."""
    import pyarrow as pa

    schema = arrow_schema(table)
    cols = {c: [r.get(c) for r in rows] for c in schema.names}
    return pa.table({c: pa.array(v, type=schema.field(c).type) for c, v in cols.items()}, schema=schema)


class ParquetSink:
    """Stream rows into one Parquet file per table (every table exists, possibly empty)."""

    def __init__(self, out: str | Path, *, row_group: int = 20_000) -> None:
        import pyarrow.parquet as pq

        self.out = Path(out)
        self.tmp = temp_dir_for(self.out)
        self.row_group = row_group
        self._buf: dict[str, list[dict[str, Any]]] = {t: [] for t in SCHEMAS}
        self._writers = {t: pq.ParquetWriter(self.tmp / f"{t}.parquet", arrow_schema(t)) for t in SCHEMAS}

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        buf = self._buf[table]
        buf.extend(rows)
        if len(buf) >= self.row_group:
            self._flush(table)

    def _flush(self, table: str) -> None:
        if self._buf[table]:
            self._writers[table].write_table(arrow_table(table, self._buf[table]))
            self._buf[table] = []

    def commit(self) -> None:
        for t in SCHEMAS:
            self._flush(t)
            self._writers[t].close()
        replace_dir(self.tmp, self.out)

    def abort(self) -> None:
        for w in self._writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)
