"""Draw random extracted records from the genre corpus for an independent hand-check.

    python benchmarks/handcheck_sample.py OUT.jsonl --facts officials counts documents --n 40 40 25 > sample.md

``OUT.jsonl`` is ``dvnlp extract ../shared/corpus/genre.jsonl --format jsonl -o OUT.jsonl``. Every record of
each fact type over the whole corpus is pooled and ``random.Random(2026)`` draws ``n`` of them (seed and pool as
in the project's earlier hand-checks). Each is printed with the sentence(s) around its span, for a person to
mark strictly correct / partly correct / wrong. The text is printed for reading only; nothing here is saved in
the project.
"""
from __future__ import annotations

import argparse
import json
import random


def context(text: str, span: list[int], width: int = 220) -> str:
    a, b = span
    lo, hi = max(0, a - width), min(len(text), b + width)
    return (text[lo:a] + "⟦" + text[a:b] + "⟧" + text[b:hi]).replace("\n", " ⏎ ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output", help="dvnlp extract --format jsonl output over genre.jsonl")
    ap.add_argument("--facts", nargs="+", default=["officials", "counts", "documents"])
    ap.add_argument("--n", nargs="+", type=int, default=[40, 40, 25])
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    reports = [json.loads(line) for line in open(args.output, encoding="utf-8") if line.strip()]
    reports = [r for r in reports if "error" not in r]
    for fact, n in zip(args.facts, args.n):
        pool = [(r, rec) for r in reports for rec in r.get(fact) or []]
        rng = random.Random(args.seed)
        print(f"\n## {fact}: {n} of {len(pool)}\n")
        for k, (r, rec) in enumerate(rng.sample(pool, min(n, len(pool))), 1):
            span = rec.get("span") or (rec.get("mentions") or [[0, 0]])[0]
            shown = {key: v for key, v in rec.items() if key not in ("span", "mentions", "number_span", "part_spans")}
            print(f"{k}. `{r['id']}` {json.dumps(shown, ensure_ascii=False)}\n   > {context(r['text'], span)}\n")


if __name__ == "__main__":
    main()
