"""JSON Lines output, written atomically (temp file + rename) when it goes to a file."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def dump_record(record: _Record | dict[str, Any]) -> str:
    data = record if isinstance(record, dict) else record.to_dict()
    return json.dumps(data, ensure_ascii=False)


def write_records(records: Iterable[_Record], out: str | Path | None, *, as_array: bool = False) -> int:
    """Write records as JSONL (or one JSON array) to ``out`` (``None`` or ``-``: stdout); return the count."""
    if out is None or str(out) == "-":
        return _write(records, sys.stdout, as_array)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            n = _write(records, fh, as_array)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def _write(records: Iterable[_Record], fh: Any, as_array: bool) -> int:
    n = 0
    if as_array:
        fh.write("[\n")
    for record in records:
        if as_array and n:
            fh.write(",\n")
        fh.write(dump_record(record))
        if not as_array:
            fh.write("\n")
        n += 1
    if as_array:
        fh.write("\n]\n")
    return n
