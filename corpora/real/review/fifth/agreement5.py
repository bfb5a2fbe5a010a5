"""Agreement between rev5 (corpora/real/review/fifth/{officials,documents,breakdowns}.jsonl) and the first annotations
of the same articles: officials5 by off-m / off-n / off-o, documents5 by doc-g / doc-h, breakdowns6 by brk6-a / brk6-b
(committed as corpora/real/{dev,test}/officials-genre-c.jsonl, documents-genre-c.jsonl, breakdowns-f.jsonl). The
articles are rev5's sample (seed 2029 over the fifth draw, ids in sample.json and in rev5's files); ``n`` below is an
article's place in the sample.

    python3 corpora/real/review/fifth/agreement5.py [--diff]

The comparison is corpora/real/review/draw_agreement.py (shared with agreement2.py, with its detailed rows); the measures are those of corpora/real/review/agreement.py,
whose functions are imported (toks, close, norm_name, prf, load, greedy, nfc), plus agreement on `by` and
`partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from draw_agreement import compare, report  # noqa: E402

ap = argparse.ArgumentParser(); ap.add_argument("--diff", action="store_true"); a = ap.parse_args()
sample = json.load(open(HERE / "sample.json"))
draw = {"officials": "officials5", "documents": "documents5", "breakdowns": "breakdowns6"}
places = {(fact, i): n for fact, key in draw.items() for n, i in enumerate(sample[key])}
# first annotators: off-m, off-n, off-o; doc-g, doc-h; brk6-a, brk6-b
rows, fields, diffs = compare(HERE, "rev5", {"officials": "officials-genre-c.jsonl", "documents": "documents-genre-c.jsonl",
                                             "breakdowns": "breakdowns-f.jsonl"},
                              number=lambda fact, i: places[(fact, i)],
                              sample={fact: sample[key] for fact, key in draw.items()}, detailed=True)
report("rev5", rows, fields, diffs, a.diff)
