"""Dask distributed backend: ``dvnlp batch … --scheduler tcp://host:8786`` (or ``local``).

Needs ``pip install 'dvnlp[dask]'`` and dvnlp installed on every worker. Chunks of documents
are submitted as tasks of :func:`dvnlp.batch.work.work_chunk`; underthesea's CRF tagger cannot
be pickled, so no pipeline is ever shipped: each worker process builds its own once, lazily,
through the module-level cache :func:`dvnlp.batch.work.get_nlp`. Results are collected in
submission order, so the output is identical to a local run. A chunk whose task fails (a worker
killed too often, say) is retried one document at a time; a document that still fails becomes an
error record named after the exception. ``--timeout`` does not apply here (Dask has no
way to stop one task); use Dask's own worker limits.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from dvnlp.batch.work import BatchUsageError, chunks, crash_record, work_chunk

INSTALL_HINT = "pip install 'dvnlp[dask]'"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise BatchUsageError(f"--scheduler needs Dask distributed, which is not installed: {INSTALL_HINT}") from exc
    return distributed


_distributed()  # importing this module is how callers check that Dask is there


def connect(scheduler: str, workers: int | None = None) -> tuple[Any, Any]:
    """``(client, cluster)``: ``"local"`` starts a LocalCluster of ``workers`` single-threaded
    processes (cluster is then closed by the caller); anything else is a scheduler address."""
    distributed = _distributed()
    if scheduler == "local":
        cluster = distributed.LocalCluster(n_workers=max(1, workers or 1), threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster
    try:
        return distributed.Client(scheduler, timeout="20s"), None
    except OSError as exc:
        raise BatchUsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc


def _collect(client: Any, pending: deque) -> list[tuple[Any, Any, str, bool]]:
    chunk, fut = pending.popleft()
    try:
        results = fut.result()
    except Exception:  # noqa: BLE001 - isolate the document that fails
        results = []
        for _, doc in chunk:
            try:
                results.append(client.submit(work_chunk, [doc], pure=False).result()[0])
            except Exception as exc:  # noqa: BLE001
                results.append((crash_record(doc, type(exc).__name__, f"{doc.source}: {exc}"), True))
    return [(key, doc, line, err) for (key, doc), (line, err) in zip(chunk, results, strict=True)]


def run_dask(items: Iterable[tuple[Any, Any]], scheduler: str, workers: int | None = None,
             chunksize: int = 4) -> Iterator[tuple[Any, Any, str, bool]]:
    """Like :func:`dvnlp.batch.pool.run_local`, on a Dask cluster."""
    client, cluster = connect(scheduler, workers)
    pending: deque = deque()
    try:
        slots = max(1, sum(client.nthreads().values()))
        for chunk in chunks(items, max(1, chunksize)):
            pending.append((chunk, client.submit(work_chunk, [doc for _, doc in chunk], pure=False)))
            while len(pending) >= 3 * slots:
                yield from _collect(client, pending)
        while pending:
            yield from _collect(client, pending)
    finally:
        for _, fut in pending:
            fut.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
