"""Compare the extract output of two commits on the same real articles (behaviour-preservation check).

Usage::

    python benchmarks/ab_compare.py OLD_REV [NEW_REV|WORKTREE] [--bulk 1000] [--workers 2] [--keep DIR]

The sample is every article of ``../shared/corpus/genre.jsonl`` plus the first ``--bulk`` articles of
``bulk_vntc_politics.jsonl.gz`` (raw records, written to a temporary JSONL). Each side runs
``python -m dvnlp.cli batch SAMPLE -o OUT.jsonl`` with its own source tree first on ``PYTHONPATH``
(a commit is checked out with ``git worktree add --detach``; ``NEW`` defaults to the working tree),
in the environment of the running interpreter, so only dvnlp's code differs. Records are compared
field by field after canonical JSON encoding; the script prints, per fact type, how many reports
differ and a few examples, and exits 1 when anything differs. The run's temporary directory is masked
in messages (``duplicate_id`` warnings name the sample file), so a kept ``--old-output`` compares equal. ``--ignore TYPE`` leaves a fact type
(or top-level key) out of the comparison, for changes that are listed and justified.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_corpus() -> Path:
    env = os.environ.get("DVNLP_SHARED")
    if env:
        return Path(env) / "corpus"
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    sys.exit("../shared/corpus not found (set DVNLP_SHARED)")


def make_sample(out: Path, n_bulk: int) -> int:
    corpus = shared_corpus()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for line in (corpus / "genre.jsonl").open(encoding="utf-8"):
            f.write(line if line.endswith("\n") else line + "\n")
            n += 1
        with gzip.open(corpus / "bulk_vntc_politics.jsonl.gz", "rt", encoding="utf-8") as g:
            for line in itertools.islice(g, n_bulk):
                f.write(line)
                n += 1
    return n


def source_tree(rev: str, tmp: Path) -> Path:
    """A directory holding ``rev``'s tree: an existing directory as is, else a detached worktree."""
    if Path(rev).is_dir():
        return Path(rev).resolve()
    target = tmp / f"tree-{rev.replace('/', '_')}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(target), rev],
                   check=True, capture_output=True)
    return target


def run_side(tree: Path, sample: Path, out: Path, workers: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "dvnlp.cli", "batch", str(sample), "-o", str(out), "--workers", str(workers)]
    proc = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True)
    if proc.returncode not in (0, 3):
        sys.exit(f"{tree}: batch failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


#: the temporary directory of a run, which messages naming the sample file contain (``duplicate_id``
#: warnings): masked, so a kept ``--old-output`` compares equal to a new run of the same code
_TMP = re.compile(re.escape(tempfile.gettempdir().rstrip("/")) + r"/dvnlp-ab-[^/\\\"]+")


def load(path: Path) -> list[dict]:
    return [json.loads(_TMP.sub("<tmp>", line)) for line in path.open(encoding="utf-8") if line.strip()]


def compare(old: list[dict], new: list[dict], ignore: set[str], show: int) -> Counter:
    diffs: Counter = Counter()
    shown: Counter = Counter()
    if len(old) != len(new):
        print(f"record count differs: {len(old)} vs {len(new)}")
        diffs["<records>"] += 1
    for a, b in zip(old, new):
        for key in sorted(set(a) | set(b)):
            if key in ignore:
                continue
            va, vb = a.get(key), b.get(key)
            if json.dumps(va, sort_keys=True, ensure_ascii=False) != json.dumps(vb, sort_keys=True, ensure_ascii=False):
                diffs[key] += 1
                if shown[key] < show:
                    shown[key] += 1
                    print(f"--- {a.get('id')} [{key}]\n  old: {json.dumps(va, ensure_ascii=False)[:600]}\n"
                          f"  new: {json.dumps(vb, ensure_ascii=False)[:600]}")
    return diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default=str(ROOT))
    ap.add_argument("--bulk", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--ignore", action="append", default=[])
    ap.add_argument("--show", type=int, default=3, help="examples printed per differing key")
    ap.add_argument("--keep", type=Path, help="keep the sample and both outputs in this directory")
    ap.add_argument("--old-output", type=Path, help="a kept old.jsonl of the same sample (from --keep): OLD is not run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dvnlp-ab-"))
    trees = []
    try:
        sample = tmp / "sample.jsonl"
        n = make_sample(sample, args.bulk)
        outs = []
        for side, rev in (("old", args.old), ("new", args.new)):
            if side == "old" and args.old_output:
                shutil.copy(args.old_output, tmp / "old.jsonl")
                outs.append(load(tmp / "old.jsonl"))
                continue
            tree = source_tree(rev, tmp)
            if tree.parent == tmp:
                trees.append(tree)
            out = tmp / f"{side}.jsonl"
            run_side(tree, sample, out, args.workers)
            outs.append(load(out))
        diffs = compare(outs[0], outs[1], set(args.ignore), args.show)
        print(f"\n{n} articles; reports differing per key: " + (", ".join(f"{k} {v}" for k, v in diffs.items())
                                                              or "none (identical)"))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("sample.jsonl", "old.jsonl", "new.jsonl"):
                shutil.copy(tmp / name, args.keep / name)
        sys.exit(1 if diffs else 0)
    finally:
        for tree in trees:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
