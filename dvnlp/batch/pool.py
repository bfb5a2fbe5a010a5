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

import errno
import json
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dvnlp.batch.plan import count_inputs, resolve_format
from dvnlp.batch.work import (BatchUsageError, chunks, crash_record, frozen_heap, get_nlp, init_worker, timeout_message,
                              unique_ids, work_chunk, work_item)
from dvnlp.errors import DvnlpError

__all__ = ["BatchUsageError", "PoolStats", "resolve_format", "run_batch", "run_local"]

#: the pipeline ``workers=1`` uses in this process instead of loading one (tests share theirs)
_NLP: Any = None
#: default per-document time limit, in seconds: generous, a 1 MB report takes about a minute
DEFAULT_TIMEOUT = 600.0
#: imported once by the fork server, so workers start with spaCy, scikit-learn & co. already in memory
_PRELOAD = ["dvnlp.batch.local", "dvnlp.batch.work", "dvnlp.pipeline", "dvnlp.segment.tokenizer", "dvnlp.checks",
            "dvnlp.export.jsonl", "dvnlp.classify", "dvnlp.classify.predict", "skops.io", "underthesea"]
log = logging.getLogger("dvnlp.batch")


class Reporter(Protocol):
    def start(self, total: int | None, done: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...


class WorkersKeepDying(DvnlpError):
    """Worker processes die on document after document: the batch stops (finished records are kept).

    ``finished`` holds the results of the chunk in hand that were done before the stop (its
    reports and ``WorkerCrashed`` records), so that they are kept rather than redone.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.finished: list[tuple[Any, Any, str, bool]] = []


class BatchOutputError(DvnlpError):
    """The batch state or output cannot be written (disk full, read-only folder)."""


@dataclass
class PoolStats:
    """What went wrong and was recovered while a batch ran (shown in its summary, each also logged)."""

    crashes: int = 0
    timeouts: int = 0
    renamed: list[str] = field(default_factory=list)


def _key(doc: Any) -> tuple[str, str]:
    return doc.id, doc.source


class _Pool:
    """A ProcessPoolExecutor that is rebuilt when a worker dies, isolating the culprit.

    It owns the queue of submitted chunks (``[chunk, future]``, collected first in, first out).
    When the pool breaks, every chunk that died with it is resubmitted to the new pool and the
    chunk at the head is retried one document at a time; a document whose worker ran past the
    time limit is not retried but gets a ``Timeout`` error record. Three documents in a row whose
    worker died even alone raise :class:`WorkersKeepDying`. ``warm=False`` lets workers load the
    pipeline on their first document instead of when they start.
    """

    def __init__(self, workers: int, timeout: float | None = None, stats: PoolStats | None = None,
                 work: Any = work_chunk, warm: bool = True) -> None:
        self.workers, self.timeout, self.work, self.warm = workers, timeout, work, warm
        self.stats = stats if stats is not None else PoolStats()
        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self.ctx.get_start_method() == "forkserver":
            from dvnlp import pipeline

            self.ctx.set_forkserver_preload(_PRELOAD + sorted(set(pipeline.factory_modules().values())))
        # Workers watch the read end; only this process holds the write end, so it closes when we die.
        self.alive, self._alive_w = self.ctx.Pipe(duplex=False)
        self.events = self.ctx.SimpleQueue()
        self.timed_out: set[tuple[str, str]] = set()
        self.pending: deque = deque()
        self.crashes_in_a_row = 0
        self._start()

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.ex = ProcessPoolExecutor(self.workers, mp_context=self.ctx, initializer=init_worker,
                                      initargs=(self.alive, self.events, self.timeout, self.warm))

    def _submit(self, chunk: list[tuple[Any, Any]]) -> Any:
        if any(_key(doc) in self.timed_out for _, doc in chunk):
            return None  # one document in it ran out of time already: the rest go one at a time
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.ex.submit(self.work, [doc for _, doc in chunk])
        except BrokenProcessPool as exc:  # a worker died since the last get(): get() rebuilds the pool and
            failed: Future = Future()     # resubmits this chunk, as it does for the chunks that died with it
            failed.set_exception(exc)
            return failed

    def put(self, chunk: list[tuple[Any, Any]]) -> None:
        self.pending.append([chunk, self._submit(chunk)])

    def get(self) -> list[tuple[Any, Any, str, bool]]:
        """The results of the oldest chunk, ``(key, document, line, is_error)`` each."""
        from concurrent.futures.process import BrokenProcessPool

        chunk, fut = self.pending.popleft()
        results = None
        if fut is not None:
            try:
                results = fut.result()
                self.crashes_in_a_row = 0
            except BrokenProcessPool:
                self._broken()
        if results is None:
            results = []
            for key, doc in chunk:
                try:
                    results.append(self._alone(doc))
                except WorkersKeepDying as stop:
                    stop.finished = [(k, d, line, err) for (k, d), (line, err) in zip(chunk, results)]
                    raise
        return [(key, doc, line, err) for (key, doc), (line, err) in zip(chunk, results, strict=True)]

    def _alone(self, doc: Any) -> tuple[str, bool]:
        from concurrent.futures.process import BrokenProcessPool

        if _key(doc) in self.timed_out:
            return crash_record(doc, "Timeout", timeout_message(doc.source, self.timeout or 0)
                                + "; the worker was stopped and replaced"), True
        try:
            result = self.ex.submit(self.work, [doc]).result()[0]
            self.crashes_in_a_row = 0  # a document done alone: the workers are sound
            return result
        except BrokenProcessPool:
            self._broken()
            if _key(doc) in self.timed_out:
                return self._alone(doc)
            self.crashes_in_a_row += 1
            if self.crashes_in_a_row >= 3:
                raise WorkersKeepDying("worker processes keep dying, on document after document (is the pipeline "
                                       "loadable? enough memory?); finished records are kept for --resume") from None
            return crash_record(doc, "WorkerCrashed",
                                f"{doc.source}: the worker process died while processing this document "
                                "(twice: once with its chunk, once alone)"), True

    def _broken(self) -> None:
        """A worker died: say why, start a new pool, resubmit every chunk that died with the old one."""
        timed_out = []
        while not self.events.empty():
            kind, doc_id, source = self.events.get()
            if kind == "timeout":
                timed_out.append((doc_id, source))
        if timed_out:
            self.timed_out.update(timed_out)
            self.stats.timeouts += len(timed_out)
            for doc_id, source in timed_out:
                log.warning("%s: document %r ran past the time limit of %g s; its worker was replaced",
                            source, doc_id, self.timeout or 0)
        else:
            self.stats.crashes += 1
            log.warning("a worker process died; its documents are retried one at a time (recovered crash %d)",
                        self.stats.crashes)
        self.ex.shutdown(wait=False, cancel_futures=True)
        self._start()
        for entry in self.pending:
            entry[1] = self._submit(entry[0])

    def close(self, *, abort: bool) -> None:
        if abort:
            for proc in list((getattr(self.ex, "_processes", None) or {}).values()):
                proc.terminate()  # our own workers: stop them now rather than after their chunk
        self.ex.shutdown(wait=not abort, cancel_futures=True)
        self._alive_w.close()
        self.alive.close()


def run_local(items: Iterable[tuple[Any, Any]], workers: int = 1, chunksize: int = 4,
              timeout: float | None = None, stats: PoolStats | None = None,
              work: Any = work_chunk, warm: bool = True) -> Iterator[tuple[Any, Any, str, bool]]:
    """``(key, document)`` pairs → ``(key, document, output line, is_error)`` in the same order.

    ``timeout`` is the time limit per document in seconds (``None``: none); ``stats`` collects
    the crashes and timeouts that were recovered; ``work`` is what workers run on a chunk and
    ``warm`` whether they load the pipeline when they start (see :class:`_Pool`). When workers
    keep dying, the results finished before the stop are yielded, then
    :class:`WorkersKeepDying` is raised.
    """
    if workers <= 1:
        from dvnlp.pipeline import warm_up

        nlp = warm_up(_NLP if _NLP is not None else get_nlp())
        with frozen_heap():
            for key, doc in items:
                yield (key, doc, *work_item(nlp, doc, timeout))
        return
    pool = _Pool(workers, timeout, stats, work, warm)
    ok = False
    try:
        for chunk in chunks(items, max(1, chunksize)):
            pool.put(chunk)
            while len(pool.pending) >= 3 * workers:
                yield from _collect(pool)
        while pool.pending:
            yield from _collect(pool)
        ok = True
    finally:
        pool.close(abort=not ok)


def _collect(pool: _Pool) -> Iterator[tuple[Any, Any, str, bool]]:
    try:
        results = pool.get()
    except WorkersKeepDying as stop:
        yield from stop.finished  # kept in the manifest; the rest is redone on --resume
        raise
    yield from results


#: errors that mean the output's folder cannot take the batch's files
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO, errno.EFBIG})


class _StopRequest:
    """SIGINT/SIGTERM handler of a batch: the first signal asks the batch to stop after the document
    in hand (checked between documents, so the interrupt never lands inside a finalizer or a
    library's cleanup, where Python would report and drop it); a second one stops at once."""

    def __init__(self) -> None:
        self.signum: int | None = None

    def __call__(self, signum: int, frame: Any) -> None:
        if self.signum is not None:
            raise KeyboardInterrupt(f"signal {signum}")
        self.signum = signum

    def check(self) -> None:
        if self.signum is not None:
            raise KeyboardInterrupt(f"signal {self.signum}")


def run_batch(inputs: list[str | Path], out: str | Path, *, fmt: str | None = None, workers: int = 1,
              chunksize: int = 4, resume: bool = False, scheduler: str | None = None,
              reporter: Reporter | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              max_bytes: int | None = None, lang: str = "en") -> Any:
    """Process every input into ``out`` and return the :class:`~dvnlp.export.tables.Summary`.

    ``timeout`` is the time limit per document in seconds (its worker is replaced and the
    document gets a ``Timeout`` error record); ``max_bytes`` the size cap per input file or
    JSON line (default: :func:`~dvnlp.ingest.iter_documents`'s); ``lang`` names the headers of an
    ``xlsx`` workbook (``en``, ``vi``). The summary also has ``crashes``, ``timeouts``
    (recovered) and ``renamed`` (duplicate ids made unique, ``id#2``).

    Raises :class:`BatchUsageError` (``OutputLocked`` when another batch writes ``out``, or
    ``ManifestMismatch``) before any work when the request cannot be met; on
    ``KeyboardInterrupt`` (SIGINT, SIGTERM) the finished records are kept for ``resume=True``;
    :class:`BatchOutputError` when the state or output cannot be written (disk full).
    """
    from dvnlp.batch.lock import output_lock

    out = Path(out)
    fmt = resolve_format(out, fmt)
    if scheduler:
        import dvnlp.batch.dask  # noqa: F401 - fails early when Dask is missing
    try:
        with output_lock(out):
            return _run_locked(inputs, out, fmt, workers, chunksize, resume, scheduler, reporter, timeout,
                               max_bytes, lang)
    except OSError as exc:
        if exc.errno not in _WRITE_ERRORS:
            raise
        raise BatchOutputError(f"cannot write {exc.filename or out}: {exc.strerror or exc}; the finished records are "
                               "kept: free the space (or fix the folder) and rerun with --resume") from exc


def _run_locked(inputs: list[str | Path], out: Path, fmt: str, workers: int, chunksize: int, resume: bool,
                scheduler: str | None, reporter: Reporter | None, timeout: float | None,
                max_bytes: int | None, lang: str) -> Any:
    from dvnlp import __version__
    from dvnlp.batch.manifest import Manifest
    from dvnlp.checks import CrossDocument
    from dvnlp.export.tables import build, open_sink
    from dvnlp.ingest import iter_documents

    t0 = time.perf_counter()
    manifest = Manifest(out, {"inputs": [str(p) for p in inputs], "format": fmt, "dvnlp": __version__},
                        resume=resume)
    resumed = len(manifest)
    total = count_inputs(inputs)
    workers = min(workers, max(1, -(-(total - resumed) // max(1, chunksize))))  # no idle workers
    if reporter is not None:
        reporter.start(total, resumed)
    stats = PoolStats()
    limits = {} if max_bytes is None else {"max_bytes": max_bytes}

    def todo() -> Iterator[tuple[int, Any]]:
        for seq, item in enumerate(unique_ids(iter_documents(inputs, **limits), stats.renamed)):
            if not manifest.take_done(item.id, item.source):
                yield seq, item

    import threading

    main = threading.current_thread() is threading.main_thread()
    stop = _StopRequest()
    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)} if main else {}
    if scheduler:
        from dvnlp.batch.dask import run_dask

        results = run_dask(todo(), scheduler, workers, chunksize)
    else:
        results = run_local(todo(), workers, chunksize, timeout=timeout, stats=stats)
    try:
        for seq, doc, line, is_error in results:
            manifest.add(seq, doc.id, doc.source, line, is_error)
            if reporter is not None:
                reporter.advance(1)
            stop.check()
        stop.check()  # a signal during the last document still means: keep the records, do not finish
    finally:
        results.close()  # on an interrupt: stop the workers now
        manifest.close()
        for sig, handler in old.items():
            signal.signal(sig, handler)
    for message in stats.renamed:
        log.warning(message)
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
    summary.crashes, summary.timeouts, summary.renamed = stats.crashes, stats.timeouts, stats.renamed
    return summary
