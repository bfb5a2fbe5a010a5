"""Cross-validated comparison of the field-classifier candidates on corpora/models/train.jsonl.

    .venv/bin/python benchmarks/classifier_cv.py [--corpus corpora/models] [--seed 0] [--repeats 1]

Prints the table that ``dvnlp train`` records in models/field-classifier.json (stratified
5-fold CV, macro-F1 and accuracy mean±sd across folds, log-loss, wall and CPU seconds), and the
model it would choose (one-standard-error rule, see ``dvnlp.classify.cv.selection``).
``--repeats N`` adds, per candidate, the mean and sd of the CV macro-F1 over N different fold
shuffles (seeds seed..seed+N-1), to see how much of a difference is fold noise. Only the training file
is read: the test set and the outside dev set play no part here.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpora" / "models"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args(argv)

    import numpy as np

    from dvnlp.classify import train as T
    from dvnlp.classify.features import load_keywords, segment

    records = T.read_jsonl(Path(args.corpus) / "train.jsonl")
    t0 = time.perf_counter()
    texts = segment(r["text"] for r in records)
    y = [r["field"] for r in records]
    print(f"{len(records)} training items, segmented in {time.perf_counter() - t0:.1f} s; keyword baselines: "
          f"keywords_rules = {load_keywords('rules')[0]}, keywords_topics = {load_keywords('topics')[0]}")
    rows = T.cross_validate(texts, y, folds=T.CV_FOLDS, seed=args.seed)
    picked = T.selection(rows)
    print(f"\nstratified {T.CV_FOLDS}-fold CV, seed {args.seed}:")
    print(T.format_cv_table(rows, picked["chosen"]))
    if args.repeats > 1:
        print(f"\nmean over {args.repeats} shuffles (seeds {args.seed}..{args.seed + args.repeats - 1}):")
        runs = [rows] + [T.cross_validate(texts, y, folds=T.CV_FOLDS, seed=args.seed + k) for k in range(1, args.repeats)]
        for i, row in enumerate(rows):
            f1 = [r[i]["macro_f1_mean"] for r in runs]
            print(f"{row['model']:<16}{np.mean(f1):>13.4f}±{np.std(f1, ddof=1):.4f} (sd across shuffles)")
    print(f"\nbest mean: {picked['best']}; bar (best mean - 1 SE) {picked['bar']:.4f}; would choose: {picked['chosen']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
