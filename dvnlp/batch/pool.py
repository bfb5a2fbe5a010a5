"""Run the pipeline over many inputs on local worker processes, in input order, resumably.

    >>> from dvnlp.batch.pool import run_batch
    >>> summary = run_batch(["reports/"], "out.duckdb", workers=4)

* Every input gives exactly one output record: its report, or an error record
  ``{"id", "source", "error": {"type", "message"}}`` (unreadable input, pipeline failure, or a
  worker process that died on it — it is retried alone first, so one bad document never takes
  its neighbours down).
* Workers are processes of a ``forkserver`` context (``spawn`` where there is none); the fork
  server imports spaCy and dvnlp once, and each worker's initializer loads the pipeline once.
  ``workers=1`` runs in this process. Results come back in input order whatever ``workers`` is:
  chunks are submitted ahead (bounded, so memory stays flat) and collected first-in first-out.
* State goes through :class:`dvnlp.batch.manifest.Manifest` record by record, so an interrupted
  run continues with ``resume=True``; the output is assembled from it at the end and renamed
  into place (:func:`dvnlp.export.tables.build`).
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from dvnlp.errors import DvnlpError

FORMATS = ("jsonl", "csv", "parquet", "duckdb", "xlsx")
_NLP: Any = None
#: imported once by the fork server, so workers start with spaCy, scikit-learn & co. already in memory
_PRELOAD = ["dvnlp.batch.local", "dvnlp.pipeline", "dvnlp.segment.tokenizer", "dvnlp.checks", "dvnlp.export.jsonl",
            "dvnlp.classify", "dvnlp.classify.predict", "skops.io", "underthesea"]


class BatchUsageError(DvnlpError):
    """A batch that cannot start as asked (bad output, format, missing optional dependency)."""


class Reporter(Protocol):
    def start(self, total: int | None, done: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


def get_nlp() -> Any:
    """This process's pipeline, loaded on first use (workers, Dask tasks and ``workers=1``)."""
    global _NLP
    if _NLP is None:
        import dvnlp

        _NLP = dvnlp.load()
    return _NLP


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    from dvnlp.pipeline import warm_up

    warm_up(get_nlp())  # underthesea's tagger and the field classifier load on first use


def work_item(nlp: Any, item: Any) -> tuple[str, bool]:
    """One RawDocument or InputFailure → (its output line, is it an error record)."""
    from dvnlp.batch.local import ErrorRecord, process_document
    from dvnlp.export.jsonl import dump_record
    from dvnlp.ingest import InputFailure

    if isinstance(item, InputFailure):
        record = ErrorRecord(item.id, item.source, item.error_type, item.message)
    else:
        record = process_document(nlp, item)
    try:
        return dump_record(record), isinstance(record, ErrorRecord)
    except Exception as exc:  # noqa: BLE001 - an unserializable report is still an output record
        return crash_record(item, type(exc).__name__, f"{item.source}: cannot serialize the report ({exc})"), True


def work_chunk(items: list[Any]) -> list[tuple[str, bool]]:
    nlp = get_nlp()
    return [work_item(nlp, item) for item in items]


def crash_record(item: Any, error_type: str, message: str) -> str:
    from dvnlp.batch.local import ErrorRecord
    from dvnlp.export.jsonl import dump_record

    return dump_record(ErrorRecord(item.id, item.source, error_type, message))


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """A ProcessPoolExecutor that is rebuilt when a worker dies, isolating the culprit."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self.ctx.get_start_method() == "forkserver":
            from dvnlp import pipeline

            self.ctx.set_forkserver_preload(_PRELOAD + sorted(set(pipeline.factory_modules().values())))
        self.crashes_in_a_row = 0
        self._start()

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.ex = ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=_init_worker)

    def submit(self, chunk: list[tuple[Any, Any]]) -> Any:
        return self.ex.submit(work_chunk, [doc for _, doc in chunk])

    def collect(self, pending: deque) -> list[tuple[Any, Any, str, bool]]:
        from concurrent.futures.process import BrokenProcessPool

        chunk, fut = pending.popleft()
        try:
            results = fut.result()
            self.crashes_in_a_row = 0
        except BrokenProcessPool:
            self._restart()
            results = [self._alone(doc) for _, doc in chunk]
            for entry in pending:  # their futures died with the pool
                entry[1] = self.submit(entry[0])
        return [(key, doc, line, err) for (key, doc), (line, err) in zip(chunk, results, strict=True)]

    def _alone(self, doc: Any) -> tuple[str, bool]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.ex.submit(work_chunk, [doc]).result()[0]
        except BrokenProcessPool:
            self._restart()
            self.crashes_in_a_row += 1
            if self.crashes_in_a_row >= 3:
                raise RuntimeError("worker processes keep dying (is the pipeline loadable? enough memory?)")
            return crash_record(doc, "WorkerCrashed",
                                f"{doc.source}: the worker process died while processing this document"), True

    def _restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self._start()

    def close(self, *, abort: bool) -> None:
        if abort:
            for proc in list((getattr(self.ex, "_processes", None) or {}).values()):
                proc.terminate()  # our own workers: stop them now rather than after their chunk
        self.ex.shutdown(wait=not abort, cancel_futures=True)


def run_local(items: Iterable[tuple[Any, Any]], workers: int = 1,
              chunksize: int = 4) -> Iterator[tuple[Any, Any, str, bool]]:
    """``(key, document)`` pairs → ``(key, document, output line, is_error)`` in the same order."""
    if workers <= 1:
        from dvnlp.pipeline import warm_up

        nlp = warm_up(get_nlp())
        for key, doc in items:
            yield (key, doc, *work_item(nlp, doc))
        return
    pool = _Pool(workers)
    pending: deque = deque()
    ok = False
    try:
        for chunk in chunks(items, max(1, chunksize)):
            pending.append([chunk, pool.submit(chunk)])
            while len(pending) >= 3 * workers:
                yield from pool.collect(pending)
        while pending:
            yield from pool.collect(pending)
        ok = True
    finally:
        pool.close(abort=not ok)


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


def _sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def run_batch(inputs: list[str | Path], out: str | Path, *, fmt: str | None = None, workers: int = 1,
              chunksize: int = 4, resume: bool = False, scheduler: str | None = None,
              reporter: Reporter | None = None, lang: str = "en") -> Any:
    """Process every input into ``out`` and return the :class:`~dvnlp.export.tables.Summary`.

    Raises :class:`BatchUsageError` (or ``ManifestMismatch``) before any work when the request
    cannot be met; on ``KeyboardInterrupt`` (SIGINT, SIGTERM) the finished records are kept for
    ``resume=True``. ``lang`` names the headers of an ``xlsx`` workbook (``en``, ``vi``).
    """
    from dvnlp.batch.manifest import Manifest
    from dvnlp.checks import CrossDocument
    from dvnlp.export.tables import build, open_sink
    from dvnlp.ingest import iter_documents

    out = Path(out)
    fmt = resolve_format(out, fmt)
    if scheduler:
        from dvnlp.batch.dask import run_dask  # fails early when Dask is missing
    t0 = time.perf_counter()
    from dvnlp import __version__

    manifest = Manifest(out, {"inputs": [str(p) for p in inputs], "format": fmt, "dvnlp": __version__},
                        resume=resume)
    resumed = len(manifest)
    total = count_inputs(inputs)
    workers = min(workers, max(1, -(-(total - resumed) // max(1, chunksize))))  # no idle workers
    if reporter is not None:
        reporter.start(total, resumed)

    def todo() -> Iterator[tuple[int, Any]]:
        for seq, item in enumerate(iter_documents(inputs)):
            if not manifest.take_done(item.id, item.source):
                yield seq, item

    import threading

    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGTERM, _sigterm) if main else None
    results = run_dask(todo(), scheduler, workers, chunksize) if scheduler else run_local(todo(), workers, chunksize)
    try:
        for seq, doc, line, is_error in results:
            manifest.add(seq, doc.id, doc.source, line, is_error)
            if reporter is not None:
                reporter.advance(1)
    finally:
        results.close()  # on an interrupt: stop the workers now
        manifest.close()
        if old is not None:
            signal.signal(signal.SIGTERM, old)
    sink = open_sink(fmt, out, lang=lang)
    cross = CrossDocument()

    def records() -> Iterator[tuple[int, str, dict[str, Any]]]:
        for seq, source, line in manifest.records():
            record = json.loads(line)
            cross.add(seq, record)
            yield seq, source, record

    try:
        summary = build(records(), sink, cross=cross.result)
        if sink is None:
            os.replace(manifest.part_path, out)
        else:
            sink.commit()
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    manifest.remove()
    summary.resumed, summary.processed = resumed, len(manifest) - resumed
    summary.seconds = time.perf_counter() - t0
    return summary

