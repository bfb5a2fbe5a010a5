"""The ``dvnlp`` command: thin typer commands over the library's plain functions.

Exit codes (also in the README): 0 success; 1 ``check`` found an error-severity inconsistency;
2 usage error; 3 some inputs failed (each has an error record, the rest were processed).
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from dvnlp import __version__
from dvnlp.errors import EXIT_OK, EXIT_PARTIAL

app = typer.Typer(
    name="dvnlp",
    help="Checked, structured facts from Vietnamese reports on công tác dân vận.\n\n"
    "Example: dvnlp extract corpora/samples --format table",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class OutFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dvnlp {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """dvnlp: officials, cited documents, counts, breakdowns, models and checks from Vietnamese reports."""


PathsArg = Annotated[list[Path], typer.Argument(help="Files (.txt .html .docx .pdf .jsonl .jsonl.gz) or directories.")]


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[Optional[OutFormat], typer.Option("--format", "-f", help="jsonl, json or table (default: table on a terminal, else jsonl).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout (atomically).")] = None,
) -> None:
    """Extract facts from reports.

    Example: dvnlp extract ../shared/devset/docs.jsonl --format jsonl -o out.jsonl
    """
    from dvnlp.batch import ErrorRecord, iter_reports
    from dvnlp.export import write_records
    from dvnlp.export.table import print_reports, summary_table
    from dvnlp.pipeline import load

    fmt = fmt or (OutFormat.table if sys.stdout.isatty() and output is None else OutFormat.jsonl)
    nlp = load()
    records = list(iter_reports(paths, nlp))
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    reports = [r for r in records if not isinstance(r, ErrorRecord)]
    for e in errors:
        err.print(f"[red]error[/] {e.source}: {e.message}")
    if fmt is OutFormat.table:
        console = Console(file=open(output, "w", encoding="utf-8")) if output else Console()
        print_reports(reports, console)
        console.print(summary_table(reports, errors=len(errors)))
    else:
        write_records(records, output, as_array=fmt is OutFormat.json)
        if output:
            err.print(summary_table(reports, errors=len(errors)))
    raise typer.Exit(EXIT_PARTIAL if errors else EXIT_OK)


def main() -> None:
    """Console-script entry point."""
    app()
