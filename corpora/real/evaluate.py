"""Score dvnlp on the real-article gold (``corpora/real/{dev,test}``) — annotations only; texts from ``../shared``.

    python corpora/real/evaluate.py --split dev                 # every fact type, dev split
    python corpora/real/evaluate.py --split dev --facts officials --errors 20
    python corpora/real/evaluate.py --split test --json         # the untouched split: run once, at the end
    python corpora/real/evaluate.py --split test --draws new    # only the later draws' test halves

On the test split, articles whose text is also a dev article's (the genre file repeats some bulk articles under
other ids) are left out unless ``--keep-twins``: rules were written looking at the dev copy.

Articles are read from ``../shared/corpus`` by id (raw HTML or text, as a user would pass them), run
through ``dvnlp.extract`` (ingest → normalize → pipeline → checks), and compared with the gold:

* **officials** — P/R/F1 by normalized name (as ``shared/devset/score.py``); titles recall (a gold
  title is found when a predicted title of that official has token-F1 ≥ 0.8, abbreviations spelled
  out) and title precision (a predicted title is right when it so matches one of the gold titles);
* **documents** — one record per distinct document per article, matched by canonical symbol:
  P/R/F1; of the matched ones, kind, issuer (token-F1 ≥ 0.8), date and subject (exact or token-F1
  ≥ 0.8) against the gold that has them;
* **counts** — P/R/F1 with the dev-set matcher (value, ``of``, unit head); *strict*: of the gold counts,
  the share matched with value, ``value_max``, ``of``, unit head and qualifier all right;
* **breakdowns** — P/R/F1 by total and the multiset of part values; part-field accuracy (parts whose
  field is given); breakdowns gold comes from the counts task and both breakdown draws.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FILES = {"officials": "officials-*.jsonl", "documents": "documents*.jsonl", "counts": "counts.jsonl",
         "breakdowns": "breakdowns*.jsonl"}


def shared() -> Path:
    env = os.environ.get("DVNLP_SHARED")
    if env:
        return Path(env)
    for parent in HERE.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    sys.exit("../shared not found beside the checkout (set DVNLP_SHARED)")


def scorer() -> Any:
    spec = importlib.util.spec_from_file_location("devset_score", shared() / "devset" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


#: the files of the later seeded draws, annotated after the earlier test files had been scored twice: their test
#: halves are fresh held-out sets, reported on their own (``second``: ``officials2``, ``documents2``, ``breakdowns3``
#: in sample.py; ``third``: ``officials3`` and ``documents3`` from the genre corpus, ``breakdowns4`` and ``5``;
#: ``fourth``: ``officials4`` and ``documents4``, genre)
LATER = {"second": ("officials-c.jsonl", "documents-b.jsonl", "breakdowns-c.jsonl"),
         "third": ("officials-genre.jsonl", "documents-genre.jsonl", "breakdowns-d.jsonl", "breakdowns-e.jsonl"),
         "fourth": ("officials-genre-b.jsonl", "documents-genre-b.jsonl"),
         "fifth": ("officials-genre-c.jsonl", "documents-genre-c.jsonl", "breakdowns-f.jsonl"),
         "sixth": ("officials-genre-d.jsonl", "documents-genre-d.jsonl", "breakdowns-g.jsonl")}


def _in_part(name: str, part: str) -> bool:
    later = {n for names in LATER.values() for n in names}
    if part == "all":
        return True
    if part == "first":
        return name not in later
    if part == "new":
        return name in later
    return name in LATER[part]


def load_gold(split: str, facts: list[str], part: str = "all") -> dict[str, dict[str, Any]]:
    """id → {fact type: gold list}; the counts task's breakdowns join the breakdown draws.

    ``part``: ``all`` the files, ``first`` the earlier draws only, ``second`` / ``third`` one later draw
    (:data:`LATER`), ``new`` both later draws."""
    gold: dict[str, dict[str, Any]] = defaultdict(dict)
    for fact in facts:
        for path in sorted((HERE / split).glob(FILES[fact])):
            if not _in_part(path.name, part):
                continue
            for line in path.open(encoding="utf-8"):
                if line.strip():
                    rec = json.loads(line)
                    gold[rec["id"]].setdefault(fact, []).extend(rec.get(fact) or [])
                    gold[rec["id"]]["corpus"] = rec["corpus"]
                    if rec.get("occurrence", 1) != 1:
                        gold[rec["id"]]["occurrence"] = rec["occurrence"]
        if fact == "breakdowns" and part in ("all", "first"):
            for line in (HERE / split / "counts.jsonl").open(encoding="utf-8"):
                rec = json.loads(line)
                gold[rec["id"]].setdefault("breakdowns", []).extend(rec.get("breakdowns") or [])
                gold[rec["id"]]["corpus"] = rec["corpus"]
    return dict(gold)


def raw_records(ids: set[str], occurrence: dict[str, int] | None = None) -> dict[str, dict[str, Any]]:
    """The corpus record of each id; the genre file has two ids that name two different articles, so a gold line
    may say which one it annotated (``occurrence``: the k-th line with that id, 1 by default)."""
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = defaultdict(int)
    occurrence = occurrence or {}
    corpus = shared() / "corpus"
    for name in ("genre.jsonl", "bulk_vntc_politics.jsonl.gz"):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(corpus / name, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in ids:
                    seen[rec["id"]] += 1
                    if seen[rec["id"]] == occurrence.get(rec["id"], 1):
                        out[rec["id"]] = rec
    return out


def _text_key(text: str) -> str:
    """A key equal for two copies of one article (the genre file repeats some bulk articles under another id)."""
    return hashlib.sha1(re.sub(r"\W+", "", text.lower())[:3000].encode()).hexdigest()


def dev_twins(test_ids: set[str]) -> set[str]:
    """Test articles whose text is also a dev article's (under another id): rules were written looking at the
    dev copy, so their test score is no held-out figure."""
    dev_ids = {json.loads(line)["id"] for path in (HERE / "dev").glob("*.jsonl") for line in path.open(encoding="utf-8")}
    occurrence = {r["id"]: r["occurrence"] for split in ("dev", "test") for path in (HERE / split).glob("*.jsonl")
                  for r in map(json.loads, path.open(encoding="utf-8")) if "occurrence" in r}
    raws = raw_records(dev_ids | test_ids, occurrence)
    dev_keys = {_text_key(raws[i]["text"]) for i in dev_ids if i in raws}
    return {i for i in test_ids if i in raws and _text_key(raws[i]["text"]) in dev_keys}


def predict(ids: list[str], occurrence: dict[str, int] | None = None) -> dict[str, dict[str, Any]]:
    import tempfile

    import dvnlp
    from dvnlp.ingest import iter_documents

    raws = raw_records(set(ids), occurrence)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in ids:
                f.write(json.dumps(raws[i], ensure_ascii=False) + "\n")
        docs = [d for d in iter_documents([path]) if hasattr(d, "text")]
    return {d.id: dvnlp.extract(d.text, doc_id=d.id).to_dict() for d in docs}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def ratio(c: Counter, key: str) -> dict[str, Any]:
    n = c[key + "_n"]
    return {"acc": round(c[key] / n, 3) if n else None, "n": n}


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]], sc: Any,
          errors: list[str]) -> dict[str, Any]:
    c: Counter = Counter()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        if "officials" in g:
            _officials(g["officials"], p.get("officials") or [], sc, c, errors, doc_id)
        if "documents" in g:
            _documents(g["documents"], p.get("documents") or [], sc, c, errors, doc_id)
        if "counts" in g:
            _counts(g["counts"], p.get("counts") or [], sc, c, errors, doc_id)
        if "breakdowns" in g:
            _breakdowns(g["breakdowns"], p.get("breakdowns") or [], sc, c, errors, doc_id)
    out: dict[str, Any] = {}
    for fact in ("officials", "documents", "counts", "breakdowns"):
        if c[fact + "_tp"] + c[fact + "_fn"] + c[fact + "_fp"]:
            out[fact] = prf(c[fact + "_tp"], c[fact + "_fp"], c[fact + "_fn"])
    if "officials" in out:
        out["titles"] = {"recall": ratio(c, "title_r"), "precision": ratio(c, "title_p")}
    if "documents" in out:
        out["document_fields"] = {k: ratio(c, f"doc_{k}") for k in ("kind", "issuer", "date", "subject")}
    if "counts" in out:
        out["counts_strict"] = ratio(c, "count_strict")
    if "breakdowns" in out:
        out["parts_field"] = ratio(c, "part_field")
    return out


def _officials(gold, pred, sc, c, errors, doc_id) -> None:
    used: set[int] = set()
    for go in gold:
        hit = next((i for i, o in enumerate(pred) if i not in used and sc.norm(o.get("name")) == sc.norm(go["name"])), None)
        if hit is None:
            c["officials_fn"] += 1
            c["title_r_n"] += len(go["titles"])
            errors.append(f"{doc_id}\tofficial missed\t{go['name']}\t{go['titles']}")
            continue
        used.add(hit)
        c["officials_tp"] += 1
        ptitles = pred[hit].get("titles") or []
        for t in go["titles"]:
            c["title_r_n"] += 1
            if any(sc.token_f1(t, pt) >= 0.8 for pt in ptitles):
                c["title_r"] += 1
            else:
                errors.append(f"{doc_id}\ttitle missed\t{go['name']}\t{t}\tpredicted: {ptitles}")
        for pt in ptitles:
            c["title_p_n"] += 1
            if any(sc.token_f1(t, pt) >= 0.8 for t in go["titles"]):
                c["title_p"] += 1
            else:
                errors.append(f"{doc_id}\ttitle wrong\t{go['name']}\t{pt}\tgold: {go['titles']}")
    for i, o in enumerate(pred):
        if i not in used:
            c["officials_fp"] += 1
            errors.append(f"{doc_id}\tofficial spurious\t{o.get('name')}\t{o.get('titles')}")


def _documents(gold, pred, sc, c, errors, doc_id) -> None:
    by_symbol: dict[str, dict] = {}
    for d in pred:
        if d.get("symbol"):
            by_symbol.setdefault(sc.symbol(d["symbol"]), d)
    gold_symbols = {sc.symbol(g["symbol"]) for g in gold} | {sc.symbol(v) for g in gold for v in g.get("variants", [])}
    for g in gold:
        keys = [sc.symbol(g["symbol"])] + [sc.symbol(v) for v in g.get("variants", [])]
        d = next((by_symbol[k] for k in keys if k in by_symbol), None)
        if d is None:
            c["documents_fn"] += 1
            errors.append(f"{doc_id}\tdocument missed\t{g['symbol']}")
            continue
        c["documents_tp"] += 1
        checks = {
            "kind": (g.get("kind"), lambda a, b: sc.norm(a) == sc.norm(b or "")),
            "issuer": (g.get("issuer"), lambda a, b: sc.token_f1(a, b or "") >= 0.8),
            "date": (g.get("date"), lambda a, b: a == b),
            "subject": (g.get("subject"), lambda a, b: sc.norm(a) == sc.norm(b or "") or sc.token_f1(a, b or "") >= 0.8),
        }
        for key, (want, same) in checks.items():
            if want:
                c[f"doc_{key}_n"] += 1
                if same(want, d.get(key)):
                    c[f"doc_{key}"] += 1
                else:
                    errors.append(f"{doc_id}\tdocument {key}\t{g['symbol']}\tgold: {want}\tpredicted: {d.get(key)}")
    for k in by_symbol:
        if k not in gold_symbols:
            c["documents_fp"] += 1
            errors.append(f"{doc_id}\tdocument spurious\t{k}")


def _count_strict(g, p, sc) -> bool:
    if not sc.count_match(g, p):
        return False
    if (sc.num(g.get("value_max")) or None) != (sc.num(p.get("value_max")) or None):
        return False
    return (g.get("qualifier") or None) == (p.get("qualifier") or None)


def _counts(gold, pred, sc, c, errors, doc_id) -> None:
    tp, fp, fn, used = sc.greedy(gold, pred, sc.count_match)
    c.update(counts_tp=tp, counts_fp=fp, counts_fn=fn)
    free = set(range(len(pred)))
    for g in gold:
        c["count_strict_n"] += 1
        hit = next((i for i in sorted(free) if _count_strict(g, pred[i], sc)), None)
        if hit is not None:
            free.discard(hit)
            c["count_strict"] += 1
    left = [p for i, p in enumerate(pred) if i not in used]
    matched_gold = set()
    for g in gold:
        if not any(sc.count_match(g, p) for p in pred):
            errors.append(f"{doc_id}\tcount missed\t{g.get('value')}/{g.get('of')} {g.get('unit')!r} q={g.get('qualifier')}")
        matched_gold.add(id(g))
    for p in left:
        errors.append(f"{doc_id}\tcount spurious\t{p.get('value')}/{p.get('of')} {p.get('unit')!r} "
                      f"span={p.get('span')}")


def _breakdowns(gold, pred, sc, c, errors, doc_id) -> None:
    def same(g, p) -> bool:
        if sc.num(p.get("total")) != sc.num(g["total"]):
            return False
        return sorted(sc.num(x.get("value")) for x in p.get("parts") or []) == sorted(float(x["value"]) for x in g["parts"])

    tp, fp, fn, used = sc.greedy(gold, pred, same)
    c.update(breakdowns_tp=tp, breakdowns_fp=fp, breakdowns_fn=fn)
    for g in gold:
        pb = next((pred[i] for i in used if same(g, pred[i])), None)
        if pb is None:
            errors.append(f"{doc_id}\tbreakdown missed\t{g['total']} {g.get('unit')!r} by={g.get('by')} "
                          f"parts={[x['value'] for x in g['parts']]}")
        for part in g["parts"]:
            if part.get("field"):
                c["part_field_n"] += 1
                if pb and any(x.get("field") == part["field"] and sc.num(x.get("value")) == float(part["value"])
                              for x in pb.get("parts") or []):
                    c["part_field"] += 1
    for i, p in enumerate(pred):
        if i not in used:
            errors.append(f"{doc_id}\tbreakdown spurious\t{p.get('total')} parts={[x.get('value') for x in p.get('parts') or []]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), required=True)
    ap.add_argument("--facts", nargs="+", choices=sorted(FILES), default=sorted(FILES))
    ap.add_argument("--errors", type=int, default=0, help="print this many error lines (dev only)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--draws", choices=("all", "first", *LATER, "new"), default="all",
                    help="score all files, the earlier draws', one later draw's (LATER) or both later draws'")
    ap.add_argument("--keep-twins", action="store_true",
                    help="keep test articles whose text is also a dev article's (left out by default)")
    ap.add_argument("--exclude", type=Path, help="leave out the articles whose ids this file lists, one a line (e.g. the "
                                                  "articles of a hand-check sample someone has read)")
    args = ap.parse_args()
    gold = load_gold(args.split, args.facts, args.draws)
    if args.exclude:
        seen = set(args.exclude.read_text(encoding="utf-8").split())
        print(f"left out {len(seen & set(gold))} article(s) listed in {args.exclude}", file=sys.stderr)
        gold = {i: g for i, g in gold.items() if i not in seen}
    if args.split == "test" and not args.keep_twins:
        twins = dev_twins(set(gold))
        gold = {i: g for i, g in gold.items() if i not in twins}
        print(f"left out {len(twins)} test article(s) whose text is also a dev article's", file=sys.stderr)
    pred = predict(sorted(gold), {i: g["occurrence"] for i, g in gold.items() if "occurrence" in g})
    errors: list[str] = []
    result = score(gold, pred, scorer(), errors)
    result["articles"] = len(gold)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:16s} {value}")
    if args.errors and args.split == "dev":
        print("\n".join(errors[: args.errors]))


if __name__ == "__main__":
    main()
