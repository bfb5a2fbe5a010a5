"""Agreement between rev6 (corpora/real/review/sixth/{officials,documents,breakdowns}.jsonl) and the first annotations
of the same articles: officials6 by off-p / off-q / off-r, documents6 by doc-i / doc-j, breakdowns7 by brk7-a / brk7-b
(committed as corpora/real/{dev,test}/officials-genre-d.jsonl, documents-genre-d.jsonl, breakdowns-g.jsonl). The
articles are rev6's sample (seed 2030 over the sixth draw, ids in sample.json and in rev6's files); ``n`` below is an
article's place in the sample.

    python3 corpora/real/review/sixth/agreement6.py [--diff]

The comparison is corpora/real/review/draw_agreement.py (shared with agreement2.py, with its detailed rows); the measures are those of corpora/real/review/agreement.py,
whose functions are imported (toks, close, norm_name, prf, load, greedy, nfc), plus agreement on `by` and
`partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from draw_agreement import run_sampled  # noqa: E402

# first annotators: off-p, off-q, off-r; doc-i, doc-j; brk7-a, brk7-b
run_sampled(HERE, "rev6", {"officials": "officials6", "documents": "documents6", "breakdowns": "breakdowns7"},
            {"officials": "officials-genre-d.jsonl", "documents": "documents-genre-d.jsonl", "breakdowns": "breakdowns-g.jsonl"})
