"""Peak memory of writing a batch's Excel workbook, against writing the same rows as CSV.

Usage::

    python benchmarks/workbook_memory.py --records facts.jsonl [--reports 2000 500] [--json]
    python benchmarks/workbook_memory.py [--corpus ../shared/corpus/bulk_vntc_politics.jsonl.gz] [--n 150]

The records are the output of a batch (``--records``, a ``dvnlp batch … -o facts.jsonl``), or the
first ``--n`` articles of ``--corpus`` run through the pipeline here. They are repeated (with new
ids) up to each size of ``--reports``. For every size, in a fresh subprocess each:

* **baseline** — the rows of :func:`dvnlp.export.tables.build` into the CSV sink (the same row
  builder, the same cross-document findings, rows go straight to disk);
* **xlsx** — the same into :class:`dvnlp.export.xlsx.XlsxSink` (XlsxWriter, constant-memory mode).

Each child reads the records line by line, as ``dvnlp batch`` does from its manifest, and reports its
peak RSS (``ru_maxrss``). The memory target is issue 11's 450 MB per worker; the workbook must stay
flat as the batch grows (a 12,786-report batch is 6× the 2,000 here).
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 450
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from dvnlp.checks import CrossDocument
from dvnlp.export.tables import build, open_sink
src, fmt, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
cross = CrossDocument()
def records():
    with open(src, encoding="utf-8") as fh:
        for seq, line in enumerate(fh):
            record = json.loads(line)
            cross.add(seq, record)
            yield seq, record.get("source"), record
t = time.perf_counter()
sink = open_sink(fmt, out)
summary = build(records(), sink, cross=cross.result)
sink.commit()
size = out.stat().st_size if out.is_file() else sum(p.stat().st_size for p in out.iterdir())
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "seconds": time.perf_counter() - t,
                  "documents": summary.documents, "bytes": size}))
"""


def make_records(corpus: str, n: int, path: Path) -> None:
    from dvnlp.batch import iter_reports
    from dvnlp.pipeline import load

    opener = gzip.open if corpus.endswith(".gz") else open
    src = path.with_suffix(".in.jsonl")
    with opener(corpus, "rt", encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(fh, n))
    with open(path, "w", encoding="utf-8") as out:
        for r in iter_reports([src], load()):
            out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")


def repeat(records: Path, size: int, path: Path) -> None:
    lines = [json.loads(line) for line in records.open(encoding="utf-8")]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(size):
            r = dict(lines[i % len(lines)])
            r["id"] = f"{r['id']}~{i // len(lines)}"
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


def measure(src: Path, fmt: str, out: Path) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, str(src), fmt, str(out)], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", help="a batch's JSONL output to repeat")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bulk_vntc_politics.jsonl.gz"))
    ap.add_argument("--n", type=int, default=150, help="articles of --corpus to extract when --records is not given")
    ap.add_argument("--reports", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="dvnlp-xlsx-bench-") as d:
        tmp = Path(d)
        records = Path(args.records) if args.records else tmp / "records.jsonl"
        if not args.records:
            make_records(args.corpus, args.n, records)
        for size in args.reports:
            src = tmp / f"r{size}.jsonl"
            repeat(records, size, src)
            base = measure(src, "csv", tmp / f"csv{size}")
            book = measure(src, "xlsx", tmp / f"b{size}.xlsx")
            rows.append({"reports": size, "csv": base, "xlsx": book, "ratio": book["rss_mb"] / base["rss_mb"]})
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'reports':>8} {'csv MB':>8} {'xlsx MB':>8} {'xlsx/csv':>9} {'xlsx s':>7} {'xlsx size MB':>13}")
    for r in rows:
        print(f"{r['reports']:>8} {r['csv']['rss_mb']:>8.0f} {r['xlsx']['rss_mb']:>8.0f} {r['ratio']:>8.2f}x "
              f"{r['xlsx']['seconds']:>7.1f} {r['xlsx']['bytes'] / 1e6:>13.1f}")
    if len(rows) > 1:
        print(f"xlsx peak RSS at {rows[-1]['reports']} vs {rows[0]['reports']} reports: "
              f"{rows[-1]['xlsx']['rss_mb'] / rows[0]['xlsx']['rss_mb']:.2f}x")
    worst = max(r["xlsx"]["rss_mb"] for r in rows)
    print(f"target: peak RSS <= {TARGET_MB} MB: {'met' if worst <= TARGET_MB else 'NOT met'} ({worst:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
