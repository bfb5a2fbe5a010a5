"""What a batch is asked to do, before any work: the output format, and how many documents its inputs hold."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from dvnlp.batch.work import BatchUsageError

__all__ = ["FORMATS", "count_inputs", "resolve_format"]

FORMATS = ("jsonl", "csv", "parquet", "duckdb", "xlsx")
_SUFFIXES = {".jsonl": "jsonl", ".duckdb": "duckdb", ".db": "duckdb", ".parquet": "parquet", ".csv": "csv",
             ".xlsx": "xlsx"}


def resolve_format(out: Path, fmt: str | None) -> str:
    """The output format: ``fmt`` when given, else from the suffix of ``out`` (none, or a folder: csv)."""
    if fmt is None:
        fmt = _SUFFIXES.get(out.suffix.lower()) or ("csv" if out.is_dir() or not out.suffix else None)
        if fmt is None:
            raise BatchUsageError(f"cannot tell the output format from {out}; add --format {'|'.join(FORMATS)}")
    if fmt not in FORMATS:
        raise BatchUsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet") and out.exists() and not out.is_dir():
        raise BatchUsageError(f"--format {fmt} writes a folder, but {out} is a file")
    if fmt in ("jsonl", "duckdb", "xlsx") and out.is_dir():
        raise BatchUsageError(f"--format {fmt} writes a file, but {out} is a folder")
    return fmt


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many documents ``paths`` hold, cheaply (JSON Lines are counted by lines): for ETA."""
    import gzip

    from dvnlp.ingest.sources import _expand

    n = 0
    for item in paths:
        for target in _expand(item):
            name = str(target).lower()
            if isinstance(target, Path) and name.endswith((".jsonl", ".jsonl.gz")):
                opener = gzip.open if name.endswith(".gz") else open
                try:
                    with opener(target, "rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except (OSError, EOFError):
                    n += 1
            elif isinstance(target, Path) and name.endswith(".json"):
                try:
                    data = json.loads(target.read_bytes()) if target.stat().st_size < 50 * 2**20 else None
                except (OSError, ValueError):
                    data = None
                n += len(data) if isinstance(data, list) else 1
            else:
                n += 1
    return n
