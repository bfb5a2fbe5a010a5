"""Resumable batch state: a part file of finished records and a manifest of their ids.

Beside the output ``OUT`` live two hidden files while a batch runs:

* ``.OUT.part.jsonl`` — the finished records, in input order, in the output contract (one JSON
  object per line), appended and flushed per record;
* ``.OUT.manifest.jsonl`` — a header line ``{"dvnlp_batch": 1, "inputs": [...], "format": ...}``
  then one line per finished record ``{"seq", "id", "source", "error", "end"}``, appended and
  flushed right *after* the record reached the part file. ``end`` is the part file's size once
  that record was written.

A run killed at any moment (SIGINT, SIGTERM, SIGKILL) leaves at worst one record in the part
file without its manifest line, or half a manifest line: :meth:`Manifest.open` with
``resume=True`` cuts both files back to the last complete manifest line, so nothing is done twice
and nothing is duplicated. The finished output is assembled from the part file, then both files
are removed (:meth:`Manifest.remove`).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

VERSION = 1


class ManifestMismatch(Exception):
    """``--resume`` with a manifest written for other inputs or another output format."""


def state_paths(out: str | Path) -> tuple[Path, Path]:
    """``(manifest, part)`` paths of the batch writing ``out``."""
    out = Path(out)
    return out.parent / f".{out.name}.manifest.jsonl", out.parent / f".{out.name}.part.jsonl"


def read_entries(path: str | Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]], int]:
    """(header, complete entries, byte length of the header line) of a manifest file; each entry
    gets ``_line_end``, the byte offset just after its line."""
    header, entries, good = None, [], 0
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [], 0
    pos = 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break  # a half-written last line is ignored
        try:
            obj = json.loads(data[pos:nl])
        except ValueError:
            break
        if header is None:
            if not isinstance(obj, dict) or obj.get("dvnlp_batch") != VERSION:
                break
            header, good = obj, nl + 1
        else:
            entries.append({**obj, "_line_end": nl + 1})
        pos = nl + 1
    return header, entries, good


class Manifest:
    """The resumable state of one batch (see the module docstring)."""

    def __init__(self, out: str | Path, header: dict[str, Any], *, resume: bool = False) -> None:
        self.out = Path(out)
        self.path, self.part_path = state_paths(out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.header = {"dvnlp_batch": VERSION, **header}
        self.entries: list[dict[str, Any]] = []
        self.resumed = False
        self.stale = False  # an unfinished run's state existed and was discarded
        old_header, entries, good = read_entries(self.path)
        if resume and old_header is not None:
            if {k: old_header.get(k) for k in self.header} != self.header:
                raise ManifestMismatch(
                    f"{self.path} was written for other inputs or another format "
                    f"({old_header.get('inputs')}, {old_header.get('format')}); "
                    "run without --resume to start over")
            size = self.part_path.stat().st_size if self.part_path.exists() else 0
            entries = [e for e in entries if e["end"] <= size]
            good = entries[-1].pop("_line_end") if entries else good
            for e in entries:
                e.pop("_line_end", None)
            self.entries = entries
            self.resumed = True
            end = entries[-1]["end"] if entries else 0
            self._part = open(self.part_path, "r+b" if self.part_path.exists() else "wb")
            self._part.truncate(end)
            self._part.seek(end)
            self._end = end
            self._man = open(self.path, "r+b")
            self._man.truncate(good)
            self._man.seek(good)
        else:
            self.stale = old_header is not None
            self._part = open(self.part_path, "wb")
            self._end = 0
            self._man = open(self.path, "wb")
            self._write_line(self._man, self.header)
        self._done = Counter((e["id"], e["source"]) for e in self.entries)

    @staticmethod
    def _write_line(fh: Any, obj: dict[str, Any]) -> None:
        fh.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
        fh.flush()

    def __len__(self) -> int:
        return len(self.entries)

    def take_done(self, doc_id: str, source: str) -> bool:
        """True (once per finished copy) when this input was finished by an earlier run."""
        key = (doc_id, source)
        if self._done[key] > 0:
            self._done[key] -= 1
            return True
        return False

    def add(self, seq: int, doc_id: str, source: str, line: str, error: bool) -> None:
        """Record one finished document: its output line, then its manifest entry (both flushed)."""
        data = line.encode("utf-8") + b"\n"
        self._part.write(data)
        self._part.flush()
        self._end += len(data)
        entry = {"seq": seq, "id": doc_id, "source": source, "error": error, "end": self._end}
        self._write_line(self._man, entry)
        self.entries.append(entry)

    def close(self) -> None:
        for fh in (self._part, self._man):
            if not fh.closed:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()

    def records(self) -> Iterator[tuple[int, str, str]]:
        """``(seq, source, json line)`` of every finished record, in output order."""
        with open(self.part_path, encoding="utf-8") as fh:
            for entry, line in zip(self.entries, fh, strict=True):
                yield entry["seq"], entry["source"], line.rstrip("\n")

    def remove(self) -> None:
        """Forget the state (after the output was assembled)."""
        self.close()
        self.path.unlink(missing_ok=True)
        self.part_path.unlink(missing_ok=True)
