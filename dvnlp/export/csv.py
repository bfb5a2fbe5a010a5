"""Tables as CSV files in a folder: ``reports.csv``, ``officials.csv``, ``documents.csv``,
``counts.csv``, ``breakdowns.csv``, ``breakdown_parts.csv``, ``models.csv``, ``checks.csv``,
``errors.csv`` (UTF-8 with a byte-order mark, so that Excel reads the Vietnamese letters right;
header row; columns of :data:`dvnlp.facts.schema.TABLES`). ``bom=False`` writes plain UTF-8.

The folder is written beside the target under a temporary name and renamed into place on
:meth:`CsvSink.commit`, so a reader never sees half a folder.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

from dvnlp.export.tables import replace_dir, temp_dir_for
from dvnlp.facts.schema import TABLES


class CsvSink:
    """Stream rows into one CSV per table."""

    def __init__(self, out: str | Path, *, bom: bool = True) -> None:
        self.out = Path(out)
        self.tmp = temp_dir_for(self.out)
        self._files = {}
        self._writers = {}
        for table, cols in TABLES.items():
            fh = open(self.tmp / f"{table}.csv", "w", encoding="utf-8-sig" if bom else "utf-8", newline="")
            writer = csv.DictWriter(fh, fieldnames=[c.name for c in cols], extrasaction="ignore")
            writer.writeheader()
            self._files[table], self._writers[table] = fh, writer

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        self._writers[table].writerows(rows)

    def _close(self) -> None:
        for fh in self._files.values():
            fh.close()

    def commit(self) -> None:
        self._close()
        replace_dir(self.tmp, self.out)

    def abort(self) -> None:
        self._close()
        shutil.rmtree(self.tmp, ignore_errors=True)
