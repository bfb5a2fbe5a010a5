"""Do two commits write the same CSV, Parquet and DuckDB tables and the same DataFrames?

    python scripts/compare_exports.py --base main corpora/samples ../shared/corpus/bulk_vntc_politics.jsonl.gz

Runs ``dvnlp batch INPUT… -o`` each of ``csv``, ``.parquet``, ``.duckdb`` and ``.jsonl`` with the code of
``--base`` (a git worktree in a temporary folder) and with the code of this checkout (``--head``, default: the
working tree), in the same Python environment, then compares every table cell by cell (CSV: the text, a leading
UTF-8 byte-order mark ignored; Parquet: schema and rows; DuckDB: column types, rows, views), the frames of
:func:`dvnlp.export.frames.to_frames` over the JSONL output and the rich tables of every report (the text of
``dvnlp extract --format table``, styles included). Prints one line per output and exits 1 on any
difference. ``--limit N`` keeps the first N documents of each ``.jsonl``/``.jsonl.gz`` input.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLES = ["reports", "officials", "documents", "counts", "breakdowns", "breakdown_parts", "models", "checks", "errors"]
FRAMES_SCRIPT = """
import json, pickle, sys
from dvnlp.export.frames import to_frames
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
pickle.dump(to_frames(records), open(sys.argv[2], "wb"))
from rich.console import Console
from dvnlp.export.table import report_tables
from dvnlp.facts import Report
console = Console(record=True, width=200, file=open(sys.argv[3], "w", encoding="utf-8"))
for r in records:
    if "error" not in r:
        for t in report_tables(Report.from_dict(r)):
            console.print(t)
open(sys.argv[3], "w", encoding="utf-8").write(console.export_text(styles=True))
"""


def limited_inputs(inputs: list[str], limit: int | None, tmp: Path) -> list[str]:
    out = []
    for i, item in enumerate(inputs):
        if limit and item.endswith((".jsonl", ".jsonl.gz")):
            opener = gzip.open if item.endswith(".gz") else open
            target = tmp / f"input-{i}.jsonl"
            with opener(item, "rt", encoding="utf-8") as fh, open(target, "w", encoding="utf-8") as dst:
                dst.writelines(itertools.islice(fh, limit))
            out.append(str(target))
        else:
            out.append(str(Path(item).resolve()))
    return out


def run(code: Path, inputs: list[str], out: Path, workers: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out.mkdir(parents=True)
    where = subprocess.run([sys.executable, "-c", "import dvnlp; print(dvnlp.__file__)"], env=env, check=True,
                           capture_output=True, text=True, cwd=out).stdout.strip()
    assert where.startswith(str(code)), f"dvnlp imported from {where}, not {code}"
    for name in ("csv", "out.parquet", "out.duckdb", "out.jsonl"):
        subprocess.run([sys.executable, "-m", "dvnlp.cli", "batch", *inputs, "-o", str(out / name), "-q",
                        "--workers", str(workers)], env=env, check=False, cwd=out)
    subprocess.run([sys.executable, "-c", FRAMES_SCRIPT, str(out / "out.jsonl"), str(out / "frames.pkl"),
                    str(out / "rich.txt")],
                   env=env, check=True, cwd=out)


def compare(a: Path, b: Path) -> list[str]:
    import pickle

    import duckdb
    import pandas as pd
    import pyarrow.parquet as pq

    diffs = []
    if (a / "out.jsonl").read_bytes() != (b / "out.jsonl").read_bytes():
        diffs.append("out.jsonl differs (the pipeline itself changed)")
    for t in TABLES:
        ta = (a / "csv" / f"{t}.csv").read_text(encoding="utf-8-sig")
        tb = (b / "csv" / f"{t}.csv").read_text(encoding="utf-8-sig")
        if ta != tb:
            diffs.append(f"csv/{t}.csv differs")
        pa_, pb_ = pq.read_table(a / "out.parquet" / f"{t}.parquet"), pq.read_table(b / "out.parquet" / f"{t}.parquet")
        if pa_.schema != pb_.schema or pa_.to_pylist() != pb_.to_pylist():
            diffs.append(f"parquet/{t} differs")
    ca, cb = duckdb.connect(str(a / "out.duckdb"), read_only=True), duckdb.connect(str(b / "out.duckdb"), read_only=True)
    q_objects = "SELECT table_name, table_type FROM information_schema.tables ORDER BY ALL"
    objects = ca.execute(q_objects).fetchall()
    if objects != cb.execute(q_objects).fetchall():
        diffs.append("duckdb: different tables or views")
    for name, _ in objects:
        q_cols = f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{name}' ORDER BY ordinal_position"
        q_rows = f'SELECT * FROM "{name}" ORDER BY ALL'
        if ca.execute(q_cols).fetchall() != cb.execute(q_cols).fetchall():
            diffs.append(f"duckdb/{name}: columns differ")
        elif ca.execute(q_rows).fetchall() != cb.execute(q_rows).fetchall():
            diffs.append(f"duckdb/{name}: rows differ")
    if (a / "rich.txt").read_bytes() != (b / "rich.txt").read_bytes():
        diffs.append("rich tables (dvnlp extract --format table) differ")
    fa, fb = pickle.loads((a / "frames.pkl").read_bytes()), pickle.loads((b / "frames.pkl").read_bytes())
    if list(fa) != list(fb):
        diffs.append(f"frames: names differ {list(fa)} != {list(fb)}")
    for name in fa:
        try:
            pd.testing.assert_frame_equal(fa[name], fb[name])
        except AssertionError as exc:
            diffs.append(f"frames/{name}: {str(exc).splitlines()[0]}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--base", default="main", help="git ref of the code to compare against")
    ap.add_argument("--head", default=None, help="git ref of the new code (default: this working tree)")
    ap.add_argument("--limit", type=int, default=None, help="documents per JSONL input")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dvnlp-compare-") as d:
        tmp = Path(d)
        inputs = limited_inputs(args.inputs, args.limit, tmp)
        codes = {}
        for side, ref in (("base", args.base), ("head", args.head)):
            if ref is None:
                codes[side] = ROOT
                continue
            codes[side] = tmp / f"code-{side}"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(codes[side]), ref],
                           check=True)
        try:
            for side, code in codes.items():
                run(code, inputs, tmp / side, args.workers)
            n = sum(1 for _ in open(tmp / "head" / "out.jsonl", encoding="utf-8"))
            diffs = compare(tmp / "base", tmp / "head")
        finally:
            for side, code in codes.items():
                if code != ROOT:
                    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(code)], check=False)
    print(f"{n} documents; base {args.base}, head {args.head or 'working tree'}")
    for line in diffs:
        print("DIFF", line)
    print("identical: csv (BOM aside), parquet, duckdb, frames, rich tables" if not diffs else f"{len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
