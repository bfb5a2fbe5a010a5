"""Seeded choice of real articles to annotate, and their dev/test split.

    python corpora/real/sample.py officials            # ids, one a line, with split and section
    python corpora/real/sample.py counts --n 120
    python corpora/real/sample.py officials --texts OUT.jsonl   # {n, id, split, text} (normalized) to read while annotating

Only ids and annotations are committed (``corpora/real/{dev,test}/*.jsonl``); the article texts
stay in ``../shared/corpus`` and are read from there whenever gold is built.

* **Sampling frame.** ``officials``: every bulk article (VNTC politics, raw HTML); ``counts``: every bulk and genre
  article;
  ``documents``: bulk articles whose text has a document symbol (``12/2006/NĐ-CP``, ``25-CT/TW``),
  since most articles cite none; ``breakdowns``: genre and bulk articles with a count followed by
  ``trong đó`` / ``gồm`` / ``bao gồm``; ``breakdowns2`` (a second draw, since the first frame gave
  only 21 breakdowns in 60 articles): the same trigger followed by two numbers, articles of the
  first draw left out. The frame is a regex on the raw text, not a dvnlp rule. Later draws (``officials2``,
  ``documents2``, ``breakdowns3``; then ``officials3`` and ``documents3`` from the genre corpus alone, and
  ``breakdowns4``) use the same frames with their own seeds and leave out every article of the task's earlier
  draws (``EARLIER``), so each adds articles never annotated or scored before. ``breakdowns4`` has **no**
  trigger frame (an oversight when it was drawn, kept so the draw stays reproducible): it is a random draw of bulk
  and genre articles, with few breakdowns, and measures mostly false alarms on ordinary text; ``breakdowns5`` uses
  the first draw's looser trigger frame again (the stricter one is used up); ``officials4`` and ``documents4`` are
  further genre draws; ``officials5``, ``documents5`` (genre) and ``breakdowns6`` (the stricter frame, on what is
  left of it) are the fresh held-out draws of the 2026-12-04 session; ``officials6``, ``documents6`` (genre) and
  ``breakdowns7`` (the stricter frame again) those of the 2026-12-06 session.
* **Spread.** Articles are grouped by section (the VNTC file prefix, e.g. ``XH_NLD``: newspaper) and
  drawn round-robin from the groups in a seeded order, so no newspaper dominates; genre articles
  are grouped by source (``vietnews`` tokenized text, ``baomoi2017`` plain text, ``vntc`` HTML).
* **Split.** ``sha256("dvnlp-real-v1:" + id)``: even first byte → ``dev``, odd → ``test``. The
  split depends only on the id, so an article is on the same side for every fact type.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path



def _shared() -> Path:
    """``../shared/corpus`` beside the checkout (or beside any folder above it, for worktrees)."""
    env = os.environ.get("DVNLP_SHARED")
    if env:
        return Path(env) / "corpus"
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return Path(__file__).resolve().parents[3] / "shared" / "corpus"


SHARED = _shared()
SEEDS = {"officials": 12, "documents": 13, "counts": 14, "breakdowns": 141, "breakdowns2": 142,
         "officials2": 22, "documents2": 23, "breakdowns3": 143,
         "officials3": 32, "documents3": 33, "breakdowns4": 144, "breakdowns5": 145,
         "officials4": 42, "documents4": 43,
         "officials5": 52, "documents5": 53, "breakdowns6": 146,
         "officials6": 62, "documents6": 63, "breakdowns7": 147}
DEFAULT_N = {"officials": 160, "documents": 90, "counts": 80, "breakdowns": 60, "breakdowns2": 80,
             "officials2": 80, "documents2": 60, "breakdowns3": 60,
             "officials3": 80, "documents3": 60, "breakdowns4": 60, "breakdowns5": 60,
             "officials4": 80, "documents4": 60,
             "officials5": 60, "documents5": 60, "breakdowns6": 60,
             "officials6": 60, "documents6": 60, "breakdowns7": 60}
#: a later draw of a task leaves out the articles of its earlier draws (more gold, no article twice)
EARLIER = {"officials2": ("officials",), "documents2": ("documents",),
           "breakdowns2": ("breakdowns",), "breakdowns3": ("breakdowns", "breakdowns2"),
           "officials3": ("officials", "officials2"), "documents3": ("documents", "documents2"),
           "breakdowns4": ("breakdowns", "breakdowns2", "breakdowns3"),
           "breakdowns5": ("breakdowns", "breakdowns2", "breakdowns3", "breakdowns4"),
           "officials4": ("officials", "officials2", "officials3"),
           "documents4": ("documents", "documents2", "documents3"),
           "officials5": ("officials", "officials2", "officials3", "officials4"),
           "documents5": ("documents", "documents2", "documents3", "documents4"),
           "breakdowns6": ("breakdowns", "breakdowns2", "breakdowns3", "breakdowns4", "breakdowns5"),
           "officials6": ("officials", "officials2", "officials3", "officials4", "officials5"),
           "documents6": ("documents", "documents2", "documents3", "documents4", "documents5"),
           "breakdowns7": ("breakdowns", "breakdowns2", "breakdowns3", "breakdowns4", "breakdowns5", "breakdowns6")}
#: draws from the genre corpus only (the articles users read: baomoi, vietnews, VNTC in the genre); the rest use
#: the bulk file (and the genre file for counts and breakdowns)
GENRE_ONLY = ("officials3", "documents3", "officials4", "documents4", "officials5", "documents5", "officials6",
              "documents6")
_SYMBOL = re.compile(r"\b\d{1,5}\s*(?:/\s*\d{4})?\s*[/-]\s*[A-ZĐ]{1,6}(?:\s*[-/]\s*[A-ZĐ0-9]{1,8})+")
_BREAKDOWN = re.compile(r"\d[\d.,]*\s+\w+[^.;\n]{0,60}?\b(?:trong đó|bao gồm|gồm)\b", re.IGNORECASE)
#: a second, stricter frame (the first gave 21 breakdowns in 60 articles): two numbers after the trigger
_BREAKDOWN2 = re.compile(r"\d[\d.,]*\s+\w+[^.;\n]{0,60}?\b(?:trong đó|bao gồm|gồm|trong số này)\b[^.\n]{0,40}?\d[^.\n]{0,80}?\d",
                         re.IGNORECASE)


def split_of(doc_id: str) -> str:
    """``dev`` or ``test``, from the id alone."""
    return "dev" if hashlib.sha256(f"dvnlp-real-v1:{doc_id}".encode()).digest()[0] % 2 == 0 else "test"


def section_of(doc_id: str, source: str = "vntc") -> str:
    """VNTC: the file prefix (``XH_NLD``: newspaper); other genre sources: the source name."""
    if source != "vntc":
        return source
    name = doc_id.rsplit("/", 1)[-1]
    return re.sub(r"_?\d+\.txt$", "", name) or name


def _records(name: str) -> Iterator[dict]:
    path = SHARED / name
    if not path.exists():
        sys.exit(f"{path} is missing: the annotations are built against ../shared/corpus")
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def frame(task: str) -> list[dict]:
    kind = task.rstrip("0123456789")
    files = (["genre.jsonl"] if task in GENRE_ONLY else
             ["bulk_vntc_politics.jsonl.gz"] + (["genre.jsonl"] if kind in ("counts", "breakdowns") else []))
    earlier = {r["id"] for t in EARLIER.get(task, ()) for r in choose(t, DEFAULT_N[t])}
    out = []
    for name in files:
        seen: dict[str, int] = defaultdict(int)  # the genre file has two ids naming two different articles
        for r in _records(name):
            seen[r["id"]] += 1
            if r["id"] in earlier:
                continue
            if kind == "documents" and not _SYMBOL.search(r["text"]):
                continue
            if task in ("breakdowns", "breakdowns5") and not _BREAKDOWN.search(r["text"]):
                continue
            if task in ("breakdowns2", "breakdowns3", "breakdowns6", "breakdowns7") and not _BREAKDOWN2.search(r["text"]):
                continue
            out.append({"id": r["id"], "corpus": name, "section": section_of(r["id"], r.get("source", "vntc")),
                        "text": r["text"], "occurrence": seen[r["id"]]})
    return out


def choose(task: str, n: int) -> list[dict]:
    rng = random.Random(SEEDS[task])
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in frame(task):
        groups[r["section"]].append(r)
    for g in groups.values():
        g.sort(key=lambda r: r["id"])
        rng.shuffle(g)
    order = sorted(groups)
    rng.shuffle(order)
    chosen: list[dict] = []
    while len(chosen) < n and any(groups[k] for k in order):
        for k in order:
            if groups[k] and len(chosen) < n:
                chosen.append(groups[k].pop())
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("task", choices=sorted(SEEDS))
    ap.add_argument("--n", type=int)
    ap.add_argument("--texts", help="write {id, corpus, split, text} records here (for reading, not committing)")
    args = ap.parse_args()
    chosen = choose(args.task, args.n or DEFAULT_N[args.task])
    for r in chosen:
        print(r["id"], split_of(r["id"]), r["section"], r["corpus"], sep="\t")
    if args.texts:
        write_texts(chosen, Path(args.texts))


def write_texts(chosen: list[dict], out: Path) -> None:
    """The texts as dvnlp reads them (``dvnlp.ingest`` then ``dvnlp.normalize``): gold offsets index into these."""
    import tempfile

    from dvnlp.ingest import iter_documents
    from dvnlp.normalize import normalize

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "in.jsonl"
        with raw.open("w", encoding="utf-8") as f:
            for r in chosen:
                f.write(json.dumps({k: v for k, v in r.items() if k not in ("section", "occurrence")},
                                   ensure_ascii=False) + "\n")
        corpus = {r["id"]: r["corpus"] for r in chosen}
        occurrence = {r["id"]: r["occurrence"] for r in chosen if r["occurrence"] > 1}
        with out.open("w", encoding="utf-8") as f:
            for n, d in enumerate(d for d in iter_documents([raw]) if hasattr(d, "text")):
                extra = {"occurrence": occurrence[d.id]} if d.id in occurrence else {}  # keep it on the gold line
                f.write(json.dumps({"n": n, "id": d.id, "corpus": corpus.get(d.id), **extra, "split": split_of(d.id),
                                    "text": normalize(d.text).text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
