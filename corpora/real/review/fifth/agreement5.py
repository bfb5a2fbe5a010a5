"""Agreement between rev5 (corpora/real/review/fifth/{officials,documents,breakdowns}.jsonl) and the first annotations
of the same articles: officials5 by off-m / off-n / off-o, documents5 by doc-g / doc-h, breakdowns6 by brk6-a / brk6-b
(committed as corpora/real/{dev,test}/officials-genre-c.jsonl, documents-genre-c.jsonl, breakdowns-f.jsonl). The
articles are rev5's sample (seed 2029 over the fifth draw, ids in sample.json and in rev5's files); ``n`` below is an
article's place in the sample.

    python3 corpora/real/review/fifth/agreement5.py [--diff]

The comparison is corpora/real/review/draw_agreement.py (shared with agreement2.py, with its detailed rows); the measures are those of corpora/real/review/agreement.py,
whose functions are imported (toks, close, norm_name, prf, load, greedy, nfc), plus agreement on `by` and
`partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from draw_agreement import run_sampled  # noqa: E402

# first annotators: off-m, off-n, off-o; doc-g, doc-h; brk6-a, brk6-b
run_sampled(HERE, "rev5", {"officials": "officials5", "documents": "documents5", "breakdowns": "breakdowns6"},
            {"officials": "officials-genre-c.jsonl", "documents": "documents-genre-c.jsonl", "breakdowns": "breakdowns-f.jsonl"})
