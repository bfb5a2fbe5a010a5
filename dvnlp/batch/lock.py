"""One writer per output: ``dvnlp batch`` holds an exclusive lock on ``.OUT.lock`` while it runs.

The lock is an ``flock`` on a hidden file beside the output, taken before the batch touches its
state files, so a second batch writing the same ``-o`` stops at once (:class:`OutputLocked`,
exit 2) and the first one goes on unharmed. The kernel releases the lock whenever its holder
ends, ``kill -9`` included, so a crashed run never leaves a stale lock behind. The file is
removed when the batch ends; a process that opened it just before the removal notices that the
path no longer names the file it locked and tries again.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dvnlp.batch.work import BatchUsageError

__all__ = ["OutputLocked", "lock_path", "output_lock"]


class OutputLocked(BatchUsageError):
    """Another ``dvnlp batch`` is writing the same output."""


def lock_path(out: str | Path) -> Path:
    out = Path(out)
    return out.parent / f".{out.name}.lock"


@contextmanager
def output_lock(out: str | Path) -> Iterator[Path]:
    """Hold the output's lock for the duration of the ``with`` block, or raise :class:`OutputLocked`."""
    path = lock_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise OutputLocked(f"another dvnlp batch{who} is writing {out}; wait for it to finish or choose "
                               "another --output") from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed the file between our open and our lock: start again
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)
