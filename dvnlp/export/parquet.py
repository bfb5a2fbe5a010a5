"""Tables as Parquet files in a folder (``OUT.parquet/counts.parquet`` …), written in row groups
as records stream in, then renamed into place on :meth:`ParquetSink.commit`.

    >>> import pandas as pd
    >>> pd.read_parquet("out.parquet/counts.parquet")
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from dvnlp.export.tables import BufferedSink, replace_dir, temp_dir_for
from dvnlp.facts.schema import TABLES

#: schema type → Arrow type (a ``date`` column is ISO text: it stays a string, as in CSV and DuckDB)
_ARROW = {"str": "string", "int": "int64", "float": "float64", "date": "string"}


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of one table."""
    import pyarrow as pa

    return pa.schema([(c.name, getattr(pa, _ARROW[c.type])()) for c in TABLES[table]])


def arrow_table(table: str, rows: list[dict[str, Any]]) -> Any:
    """Rows (dicts; missing keys are nulls) → a pyarrow Table with the table's schema."""
    import pyarrow as pa

    schema = arrow_schema(table)
    floats = {c.name for c in TABLES[table] if c.type == "float"}
    # a float column gets Python floats: Arrow refuses an int above 2**53 for a double (``10**18`` from
    # ``một tỷ tỷ``) rather than round it, and one such count must not stop a batch's output
    cols = {c: [_float(r.get(c)) if c in floats else r.get(c) for r in rows] for c in schema.names}
    return pa.table({c: pa.array(v, type=schema.field(c).type) for c, v in cols.items()}, schema=schema)


def _float(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


class ParquetSink(BufferedSink):
    """Stream rows into one Parquet file per table (every table exists, possibly empty)."""

    def __init__(self, out: str | Path, *, row_group: int = 20_000) -> None:
        import pyarrow.parquet as pq

        super().__init__(row_group)
        self.out = Path(out)
        self.tmp = temp_dir_for(self.out)
        self._writers = {t: pq.ParquetWriter(self.tmp / f"{t}.parquet", arrow_schema(t)) for t in TABLES}

    def _write_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        self._writers[table].write_table(arrow_table(table, rows))

    def commit(self) -> None:
        self._flush_all()
        for w in self._writers.values():
            w.close()
        replace_dir(self.tmp, self.out)

    def abort(self) -> None:
        for w in self._writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)
