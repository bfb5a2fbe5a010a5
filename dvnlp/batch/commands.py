"""``dvnlp batch`` and ``dvnlp query``: typer command functions, registered in :mod:`dvnlp.cli` with
``app.command("batch")(batch_command)`` and ``app.command("query")(query_command)``.

Nothing heavy is imported here: the pipeline, pyarrow and DuckDB load inside the commands.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape

from dvnlp.errors import EXIT_OK, EXIT_PARTIAL, EXIT_STOPPED, EXIT_USAGE

err = Console(stderr=True)
#: rows a ``--format table`` query shows unless ``--limit`` says otherwise
TABLE_ROWS = 200


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    duckdb = "duckdb"
    xlsx = "xlsx"


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def default_workers() -> int:
    """One worker per available CPU, at most 8 (each holds its own pipeline, ~200 MB)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


class RichReporter:
    """A rich progress bar on stderr: documents done, documents/s, elapsed, ETA."""

    def __init__(self, console: Console) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.progress = Progress(
            TextColumn("[bold]dvnlp batch"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=console, transient=False)
        self.task: Any = None

    def start(self, total: int | None, done: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("batch", total=total, completed=done, rate="…")
        self._base = done

    def advance(self, n: int = 1) -> None:
        task = self.progress.tasks[0]
        self.progress.advance(self.task, n)
        elapsed = task.elapsed or 0
        if elapsed > 0:
            self.progress.update(self.task, rate=f"{(task.completed - self._base) / elapsed:.1f}")

    def stop(self) -> None:
        if self.task is not None:
            task = self.progress.tasks[0]
            self.progress.update(self.task, total=task.completed)
        self.progress.stop()


class _ConsoleHandler(logging.Handler):
    """Warnings of the batch (recovered crashes, timeouts, renamed ids) as lines on stderr."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        self.console.print(f"[yellow]warning[/] {escape(record.getMessage())}", soft_wrap=True)


def summary_table(summary: Any) -> Any:
    """Documents, facts by type, findings by kind, errors and wall time of a batch."""
    from rich.table import Table

    t = Table(title="dvnlp batch", title_justify="left")
    t.add_column("what")
    t.add_column("count", justify="right")
    done = f" ({summary.resumed} from an earlier run)" if summary.resumed else ""
    t.add_row("documents" + done, str(summary.documents))
    t.add_row("reports", str(summary.documents - summary.errors))
    t.add_row("errors", f"[red]{summary.errors}[/]" if summary.errors else "0")
    for kind, n in sorted(summary.error_types.items()):
        t.add_row(f"  error: {kind}", str(n))
    for kind, n in summary.facts.items():
        t.add_row(f"facts: {kind}", str(n))
    for kind, n in sorted(summary.findings.items()):
        t.add_row(f"findings: {kind}", str(n))
    recovered = getattr(summary, "crashes", 0)
    if recovered:
        t.add_row("[yellow]worker crashes recovered[/]", str(recovered))
    if getattr(summary, "timeouts", 0):
        t.add_row("[yellow]documents over the time limit[/]", str(summary.timeouts))
    renamed = getattr(summary, "renamed", None) or []
    if renamed:
        t.add_row("[yellow]warning: duplicate ids renamed (id#2 …)[/]", str(len(renamed)))
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    t.add_row("wall time", f"{summary.seconds:.1f} s ({rate:.2f} docs/s)")
    return t


def batch_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="Files (.txt .html .docx .pdf .jsonl .jsonl.gz), folders (recursive) or glob patterns.")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="OUT.jsonl, OUT.duckdb, OUT.xlsx, OUT.parquet (folder) or a folder for CSV.")],
    fmt: Annotated[Optional[BatchFormat], typer.Option(
        "--format", "-f", help="jsonl, csv, parquet, duckdb or xlsx (default: from the suffix of --output).")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=0, help="Worker processes (0: one per CPU, at most 8).")] = 0,
    chunksize: Annotated[int, typer.Option(min=1, help="Documents per task sent to a worker.")] = 4,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue an interrupted run into the same --output: finished documents are kept.")] = False,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Run on Dask: a scheduler address (tcp://host:8786) or 'local' (a LocalCluster).",
    )] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0, help="Seconds one document may take; then its worker is replaced and the document "
        "gets a Timeout error record (0: no limit).")] = 600.0,
    max_size: Annotated[float, typer.Option(
        "--max-size", min=0.001, help="Largest input file (or JSON line) in MB; larger ones get an error record.")] = 50.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Headers of an .xlsx workbook: en or vi.")] = "en",
) -> None:
    """Extract facts from many reports into one output, in input order, resumably.

    Every input gives one record: its report, or an error record {"id", "source", "error"}.
    Cross-document findings go into the checks table (csv, parquet, duckdb, xlsx). Duplicate ids are
    renamed id#2, id#3 … (a warning each). Exit 0 when every input was processed, 3 when some
    failed, 2 on a usage error (also: another batch is writing the same --output), 4 when the
    batch had to stop (disk full), 130 when interrupted (then rerun with --resume).

    Example: dvnlp batch reports/ ../shared/corpus/genre.jsonl --workers 4 -o out.duckdb
    """
    from dvnlp.batch.manifest import ManifestMismatch
    from dvnlp.batch.pool import BatchUsageError, run_batch
    from dvnlp.errors import DvnlpError

    if lang not in ("en", "vi"):
        err.print(f"[red]error[/] --lang must be en or vi, got {escape(lang)}")
        raise typer.Exit(EXIT_USAGE)
    reporter = None if quiet else RichReporter(err)
    handler = _ConsoleHandler(err)
    log = logging.getLogger("dvnlp.batch")
    log.addHandler(handler)
    try:
        summary = run_batch(list(inputs), output, fmt=fmt.value if fmt else None,
                            workers=workers or default_workers(), chunksize=chunksize, resume=resume,
                            scheduler=scheduler, reporter=reporter, timeout=timeout or None,
                            max_bytes=int(max_size * 2**20), lang=lang)
    except (BatchUsageError, ManifestMismatch) as exc:
        err.print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None
    except DvnlpError as exc:  # the batch had to stop: disk full, workers that keep dying
        err.print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_STOPPED) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: finished documents are kept; rerun with --resume -o "
                  f"{escape(str(output))}")
        raise typer.Exit(130) from None
    finally:
        log.removeHandler(handler)
        if reporter is not None:
            reporter.stop()
    if not quiet:
        err.print(summary_table(summary))
    raise typer.Exit(EXIT_PARTIAL if summary.errors else EXIT_OK)


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def query_command(
    database: Annotated[Path, typer.Argument(help="A .duckdb file written by dvnlp batch.")],
    sql: Annotated[Optional[str], typer.Argument(
        help="SQL to run (read-only); omit to list tables and reports.")] = None,
    report: Annotated[Optional[str], typer.Option(
        "--report", "-r", help="A named report: inconsistent_totals, models_by_field, documents_by_kind_issuer, "
        "officials_by_title.")] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv or jsonl.")] = QueryFormat.table,
    limit: Annotated[Optional[int], typer.Option(
        "--limit", "-n", min=1, help=f"At most this many rows (table: {TABLE_ROWS} unless given).")] = None,
) -> None:
    """Query a batch's DuckDB file with SQL or a named report.

    Example: dvnlp query out.duckdb --report models_by_field
    Example: dvnlp query out.duckdb "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY n DESC"
    """
    import duckdb

    from dvnlp.export.duckdb import REPORTS, describe, query

    if not database.is_file():
        err.print(f"[red]error[/] {escape(str(database))}: no such DuckDB file "
                  "(write one with dvnlp batch … -o OUT.duckdb)")
        raise typer.Exit(EXIT_USAGE)
    if sql and report:
        err.print("[red]error[/] give SQL or --report, not both")
        raise typer.Exit(EXIT_USAGE)
    if report is not None and report not in REPORTS:
        err.print(f"[red]error[/] unknown report {escape(repr(report))}; reports: {', '.join(REPORTS)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        if sql is None and report is None:
            cols, rows = ["name", "kind", "rows"], [tuple(r) for r in describe(database)]
        else:
            cols, rows = query(database, REPORTS[report] if report else sql)
    except duckdb.Error as exc:
        err.print(f"[red]error[/] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from None
    if limit is None and fmt is QueryFormat.table:
        limit = TABLE_ROWS
    shown = rows[:limit] if limit else rows
    if fmt is QueryFormat.jsonl:
        for row in shown:
            typer.echo(json.dumps({c: _cell(v) for c, v in zip(cols, row)}, ensure_ascii=False))
    elif fmt is QueryFormat.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows([[_cell(v) for v in row] for row in shown])
    else:
        from rich.table import Table

        title = report or ("tables and reports" if sql is None else None)
        table = Table(title=title, title_justify="left")
        for c in cols:
            table.add_column(c)
        for row in shown:
            table.add_row(*["" if v is None else str(_cell(v)) for v in row])
        Console().print(table)
        if len(shown) < len(rows):
            err.print(f"{len(rows) - len(shown)} more rows (use --limit or --format csv)")
