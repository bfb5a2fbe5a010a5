"""The work of a batch, shared by the local pool (:mod:`dvnlp.batch.pool`) and Dask (:mod:`dvnlp.batch.dask`).

Neither backend imports the other; both send chunks of documents to :func:`work_chunk`, which runs
in a worker process and loads that process's pipeline once (:func:`get_nlp`). Local pool workers
also get a :class:`Watchdog` (:func:`init_worker`): it ends the worker when the batch process is
gone (so a ``kill -9`` of the parent leaves no busy orphans) and when one document runs past the
per-document time limit (the parent then writes a ``Timeout`` error record and starts a fresh
worker).
"""
from __future__ import annotations

import dataclasses
import gc
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from dvnlp.errors import DvnlpError

_WATCH: Watchdog | None = None
#: exit status of a worker the watchdog ended because a document ran past the time limit
TIMEOUT_EXIT = 75


class BatchUsageError(DvnlpError):
    """A batch that cannot start as asked (bad output, format, missing optional dependency)."""


def get_nlp() -> Any:
    """This process's pipeline (workers, Dask tasks and ``workers=1``): :func:`dvnlp.default_pipeline`,
    so a batch run in a process that already called ``dvnlp.extract`` loads no second pipeline."""
    import dvnlp

    return dvnlp.default_pipeline()


class Watchdog:
    """A daemon thread in a worker: exits the process when the parent is gone or a document is too slow.

    ``alive`` is the read end of a pipe whose only write end the batch process holds: it becomes
    readable (end of file) exactly when that process has died, however it died. ``events`` gets
    ``("timeout", id, source)`` just before a timeout exit, so the parent can tell a slow document
    from a crash.
    """

    def __init__(self, alive: Any, events: Any, timeout: float | None) -> None:
        self.alive, self.events, self.timeout = alive, events, timeout
        self.current: tuple[float, str, str] | None = None
        threading.Thread(target=self._run, name="dvnlp-watchdog", daemon=True).start()

    def _run(self) -> None:
        while True:
            if self.alive.poll(0.2):  # end of file: the batch process has died
                os._exit(1)
            current = self.current
            if current and self.timeout and time.monotonic() - current[0] > self.timeout:
                self.events.put(("timeout", current[1], current[2]))
                os._exit(TIMEOUT_EXIT)


def init_worker(alive: Any = None, events: Any = None, timeout: float | None = None, warm: bool = True) -> None:
    """Initializer of a local pool worker: ignore SIGINT, start the watchdog, load the pipeline
    (``warm=False``: on the first document instead)."""
    global _WATCH
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    if alive is not None:
        _WATCH = Watchdog(alive, events, timeout)
    if not warm:
        return
    from dvnlp.pipeline import warm_up

    warm_up(get_nlp())  # underthesea's tagger and the field classifier load on first use
    gc.freeze()  # a worker's loaded pipeline, out of the cyclic collector for its life (see frozen_heap)


@contextmanager
def frozen_heap() -> Iterator[bool]:
    """Leave the objects alive now (the loaded pipeline, its rules and models: ~220,000) out of Python's cyclic
    garbage collector while a batch runs (:func:`gc.freeze`), and give them back after (:func:`gc.unfreeze`).

    Each full collection walks every one of them: one took ~0.18 s in a 300-article batch (~5% of its time)
    and found nothing to free. Refcounting still frees them as usual; a cycle among them that becomes garbage
    during the batch is collected after it. Yields whether it froze: not when the caller froze objects
    already, or turned the collector off (their choice stands).
    """
    if gc.get_freeze_count() or not gc.isenabled():
        yield False
        return
    gc.freeze()
    try:
        yield True
    finally:
        gc.unfreeze()


class DocumentTimeout(BaseException):
    """Raised by :func:`time_limit` in the middle of a document (a BaseException, so that no
    ``except Exception`` inside the pipeline can swallow it)."""


@dataclasses.dataclass
class Limit:
    """What :func:`time_limit` yields: ``expired`` once the time is up."""

    expired: bool = False


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Limit]:
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (SIGALRM; main thread only).

    Used where there is no worker process to replace (``workers=1``): it stops Python code, not a
    single long call into C, which only the worker watchdog can stop. The signal can land where
    Python swallows exceptions (a weakref callback, a ``__del__``: "Exception ignored in …"), so
    the yielded :class:`Limit` also says ``expired``, for the caller to check afterwards.
    """
    limit = Limit()
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield limit
        return

    def expired(signum: int, frame: Any) -> None:
        limit.expired = True
        raise DocumentTimeout(seconds)

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def timeout_message(source: str, seconds: float) -> str:
    return f"{source}: processing took longer than the time limit of {seconds:g} s (--timeout)"


def work_item(nlp: Any, item: Any, timeout: float | None = None) -> tuple[str, bool]:
    """One RawDocument or InputFailure → (its output line, is it an error record).

    ``timeout`` applies :func:`time_limit` (in-process runs); workers are timed by their watchdog.
    """
    from dvnlp.batch.local import ErrorRecord, process_document
    from dvnlp.export.jsonl import dump_record
    from dvnlp.ingest import InputFailure

    if isinstance(item, InputFailure):
        record = ErrorRecord(item.id, item.source, item.error_type, item.message)
    else:
        try:
            with time_limit(timeout) as limit:
                record = process_document(nlp, item)
            if limit.expired:  # the DocumentTimeout was raised where Python ignores exceptions
                raise DocumentTimeout(timeout)
        except DocumentTimeout:
            record = ErrorRecord(item.id, item.source, "Timeout", timeout_message(item.source, timeout or 0))
    try:
        return dump_record(record), isinstance(record, ErrorRecord)
    except Exception as exc:  # noqa: BLE001 - an unserializable report is still an output record
        return crash_record(item, type(exc).__name__, f"{item.source}: cannot serialize the report ({exc})"), True


def work_chunk(items: list[Any]) -> list[tuple[str, bool]]:
    """Run in a worker: every item of a chunk → ``(output line, is_error)``."""
    nlp = get_nlp()
    watch = _WATCH
    out = []
    for item in items:
        if watch is not None:
            watch.current = (time.monotonic(), item.id, item.source)
        out.append(work_item(nlp, item))
        if watch is not None:
            watch.current = None
    return out


def crash_record(item: Any, error_type: str, message: str) -> str:
    """The output line of an error record for ``item`` (a worker that died, a task that failed)."""
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


def unique_ids(items: Iterable[Any], renamed: list[str] | None = None) -> Iterator[Any]:
    """Make document ids unique in input order: the second ``x`` becomes ``x#2``, the third ``x#3``.

    A renamed document carries a ``duplicate_id`` warning; ``renamed`` (when given) collects one
    line per renaming for the batch summary. Deterministic, so ``--resume`` sees the same ids.
    """
    seen: dict[str, int] = {}
    for item in items:
        n = seen.get(item.id, 0) + 1
        seen[item.id] = n
        if n > 1:
            new_id = f"{item.id}#{n}"
            while new_id in seen:  # an input already named x#2
                n += 1
                new_id = f"{item.id}#{n}"
            seen[new_id] = 1
            message = f"{item.source}: id {item.id!r} is already used by an earlier input; renamed {new_id!r}"
            if renamed is not None:
                renamed.append(message)
            warnings = tuple(getattr(item, "warnings", ())) + ({"type": "duplicate_id", "message": message},)
            fields = {f.name for f in dataclasses.fields(item)}
            item = dataclasses.replace(item, id=new_id, **({"warnings": warnings} if "warnings" in fields else {}))
        yield item
