"""Agreement between rev2 (corpora/real/review/second/*.jsonl) and the first annotations of the later draws
(corpora/real/{dev,test}/officials-c.jsonl, documents-b.jsonl, breakdowns-c.jsonl), on the articles rev2 annotated
(the seed-2028 sample; the ids are in rev2's files).

    python3 corpora/real/review/second/agreement2.py [--diff]

Measures are those of corpora/real/review/agreement.py (its functions are imported), plus agreement on `by`
and `partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from draw_agreement import compare, report  # noqa: E402

ap = argparse.ArgumentParser(); ap.add_argument("--diff", action="store_true"); a = ap.parse_args()
# first annotators: off-c and off-d, doc-b, brk3-a and brk3-b, each covering part of the draw
rows, fields, diffs = compare(HERE, "rev2", {"officials": "officials-c.jsonl", "documents": "documents-b.jsonl",
                                             "breakdowns": "breakdowns-c.jsonl"})
report("rev2", rows, fields, diffs, a.diff)
