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
from dvnlp.batch.commands import batch_command, query_command
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


class Lang(str, Enum):
    en = "en"
    vi = "vi"


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


def _records(paths: list[Path]) -> tuple[list, list, list]:
    """Every input through the default pipeline: (all records in order, reports, error records);
    each error is also printed to stderr, naming its source."""
    import dvnlp
    from dvnlp.batch import ErrorRecord, iter_reports

    records = list(iter_reports(paths, dvnlp.default_pipeline()))
    errors = [r for r in records if isinstance(r, ErrorRecord)]
    for e in errors:
        err.print(f"[red]error[/] {e.source}: {e.message}")
    return records, [r for r in records if not isinstance(r, ErrorRecord)], errors


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[Optional[OutFormat], typer.Option("--format", "-f", help="jsonl, json or table (default: table on a terminal, else jsonl).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout (atomically); "
                                                   "OUT.xlsx writes an Excel workbook, one sheet per table.")] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Headers of an .xlsx workbook: en or vi.")] = Lang.en,
) -> None:
    """Extract facts from reports.

    Example: dvnlp extract ../shared/devset/docs.jsonl --format jsonl -o out.jsonl
    Example: dvnlp extract corpora/samples -o facts.xlsx --lang vi
    """
    from dvnlp.export import write_records
    from dvnlp.export.table import print_reports, summary_table

    fmt = fmt or (OutFormat.table if sys.stdout.isatty() and output is None else OutFormat.jsonl)
    records, reports, errors = _records(paths)
    if output is not None and output.suffix.lower() == ".xlsx":
        from dvnlp.checks import batch_findings
        from dvnlp.export.xlsx import write_workbook

        write_workbook(records, output, cross=batch_findings(records), lang=lang.value)
        err.print(summary_table(reports, errors=len(errors)))
        err.print(f"wrote {output}")
        raise typer.Exit(EXIT_PARTIAL if errors else EXIT_OK)
    if fmt is OutFormat.table:
        console = Console(file=open(output, "w", encoding="utf-8")) if output else Console()
        print_reports(reports, console)
        console.print(summary_table(reports, errors=len(errors)))
    else:
        write_records(records, output, as_array=fmt is OutFormat.json)
        if output:
            err.print(summary_table(reports, errors=len(errors)))
    raise typer.Exit(EXIT_PARTIAL if errors else EXIT_OK)


@app.command("check")
def check_cmd(
    paths: PathsArg,
    fmt: Annotated[Optional[OutFormat], typer.Option("--format", "-f", help="table (default on a terminal) or jsonl.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Check the figures of reports: sums, x/y ratios, percentages, dates, across documents.

    Exits 1 when any error-severity finding exists (to gate a pipeline), 3 when inputs failed.

    Example: dvnlp check corpora/samples
    """
    from dvnlp.checks import check_batch
    from dvnlp.errors import EXIT_FINDINGS
    from dvnlp.export import write_records
    from dvnlp.export.findings import print_findings

    fmt = fmt or (OutFormat.table if sys.stdout.isatty() and output is None else OutFormat.jsonl)
    _, reports, errors = _records(paths)
    cross = check_batch(reports)
    if fmt is OutFormat.table:
        print_findings(reports, cross, Console())
    else:
        rows = [{"id": r.id, "checks": r.to_dict()["checks"], "checked": r.checked} for r in reports]
        rows += [{"id": None, "cross_document": [c.__dict__ for c in cross]}] if cross else []
        write_records(rows, output)
    has_error = any(f.severity == "error" for r in reports for f in r.checks)
    raise typer.Exit(EXIT_FINDINGS if has_error else EXIT_PARTIAL if errors else EXIT_OK)


@app.command()
def classify(
    texts: Annotated[Optional[list[str]], typer.Argument(help="Model descriptions to classify.")] = None,
    input_file: Annotated[Optional[Path], typer.Option("--input", "-i", help="One description per line, or JSONL with 'text'.")] = None,
    fmt: Annotated[Optional[OutFormat], typer.Option("--format", "-f", help="table (default on a terminal) or jsonl.")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", help="A model file (default: models/field-classifier.skops).")] = None,
) -> None:
    """Classify "Dân vận khéo" models into economy, culture_society, defense_security, political_system.

    Example: dvnlp classify "Camera an ninh kết nối khu dân cư"
    """
    import json

    from dvnlp.classify import classify as run_classify
    from dvnlp.export.table import classification_table

    items = list(texts or [])
    if input_file is not None:
        for line in input_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line)["text"] if line.lstrip().startswith("{") else line.strip())
    if not items:
        err.print("give TEXT arguments or --input FILE")
        raise typer.Exit(2)
    from dvnlp.errors import EXIT_USAGE, ModelError

    try:
        results = run_classify(items, model=model)
    except ModelError as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    fmt = fmt or (OutFormat.table if sys.stdout.isatty() else OutFormat.jsonl)
    if fmt is OutFormat.table:
        Console().print(classification_table(results))
    else:
        for r in results:
            typer.echo(json.dumps(r, ensure_ascii=False))


@app.command()
def train(
    corpus: Annotated[Path, typer.Option(help="Folder with train.jsonl and test.jsonl.", exists=True, file_okay=False)] = Path("corpora/models"),
    out: Annotated[Path, typer.Option(help="Where the model and its metadata go.")] = Path("models"),
) -> None:
    """Train the field classifier from the corpus (deterministic) and store it with its metadata.

    Example: dvnlp train --corpus corpora/models --out models
    """
    from dvnlp.classify import train_model
    from dvnlp.classify.train import format_cv_table

    meta = train_model(corpus, out)
    typer.echo(format_cv_table(meta["cv"]["table"], meta["cv"]["chosen"]))
    dev = (meta.get("devset") or {}).get("macro_f1")
    typer.echo(f"chosen {meta['model']['kind']}: test macro-F1 {meta['test']['macro_f1']}"
               + (f", shared devset macro-F1 {dev}" if dev is not None else ""))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL in the dev-set format (see corpora/gold/README.md).",
                                         exists=True, dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 per fact type against a gold corpus.

    Example: dvnlp evaluate corpora/gold/docs.jsonl
    """
    import json

    from rich.table import Table

    from dvnlp.evaluate import evaluate as run_evaluate

    scores = run_evaluate(gold)
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False))
        return
    table = Table(title=f"dvnlp evaluate {gold}", title_justify="left")
    for col in ("fact", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "fact" else "left")
    for kind, s in scores.items():
        if "f1" in s:
            table.add_row(kind, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}", str(s["tp"]), str(s["fp"]), str(s["fn"]))
        else:
            table.add_row(kind, "", f"{s['recall']:.3f}", "", str(s["tp"]), "", str(s["fn"]))
    Console().print(table)


def _is_output_jsonl(path: Path) -> bool:
    """Whether ``path`` holds dvnlp output records (not input documents)."""
    import gzip
    import json

    if not path.name.lower().endswith((".jsonl", ".jsonl.gz")):
        return False
    with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rt", encoding="utf-8") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        data = json.loads(first) if first else {}
    except ValueError:
        return False
    return isinstance(data, dict) and ("checks" in data or "error" in data)


def _read_jsonl(path: Path):  # noqa: ANN202 - an iterator of dicts
    import gzip
    import json

    with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@app.command("report")
def report_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="A batch's OUT.duckdb or OUT.jsonl, or input files and folders.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
    pages: Annotated[Optional[bool], typer.Option(
        "--pages/--single-file", help="One page per report in OUT_files/ (default: beyond 100 reports).")] = None,
    title: Annotated[str, typer.Option(help="The report's title.")] = "dvnlp report",
) -> None:
    """Write one self-contained HTML report (works offline): summary and charts, every finding with
    its evidence highlighted, a page per report with its facts highlighted, and a search box.

    Example: dvnlp report facts.duckdb -o report.html
    Example: dvnlp report corpora/samples -o out/report.html
    """
    from dvnlp.checks import batch_findings
    from dvnlp.errors import EXIT_USAGE
    from dvnlp.export.htmlreport import SINGLE_MAX, write_report

    if len(inputs) == 1 and inputs[0].suffix.lower() in (".duckdb", ".db"):
        from dvnlp.export.duckdb import query, read_batch_findings, read_records

        if not inputs[0].is_file():
            err.print(f"[red]error[/] {inputs[0]}: no such DuckDB file")
            raise typer.Exit(EXIT_USAGE)
        n = query(inputs[0], "SELECT count(*) FROM reports")[1][0][0]
        records, cross = read_records(inputs[0]), read_batch_findings(inputs[0])
    elif inputs and all(p.is_file() and _is_output_jsonl(p) for p in inputs):
        def records_of():  # noqa: ANN202
            for p in inputs:
                yield from _read_jsonl(p)
        cross = batch_findings(records_of())
        n = sum(1 for _ in records_of())
        records = records_of()
    else:
        records = [r.to_dict() for r in _records(inputs)[0]]
        n, cross = len(records), batch_findings(records)
    done = write_report(records, output, cross=cross, pages=n > SINGLE_MAX if pages is None else pages, title=title)
    where = f" and {done['pages']}/" if done["pages"] else ""
    err.print(f"{done['reports']} reports, {done['findings']} findings, {done['errors']} input errors: "
              f"wrote {output}{where}")
    raise typer.Exit(EXIT_PARTIAL if done["errors"] else EXIT_OK)


app.command("batch")(batch_command)
app.command("query")(query_command)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
