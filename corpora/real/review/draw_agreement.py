"""Agreement of a blind second annotation with the first annotations of a later draw, shared by
``second/agreement2.py`` and ``fifth/agreement5.py`` (each only says which files and sample to compare).

Measures are those of ``agreement.py`` (its functions are imported), plus agreement on ``by`` and ``partition`` of
matched breakdowns; ``detailed`` adds exact mention-span agreement rows and the annotator's name on document
messages (the fifth draw's report)."""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreement import close, greedy, load, nfc, norm_name, prf, toks  # noqa: E402

REAL = Path(__file__).resolve().parents[1]


def firsts(name: str) -> list[str]:
    """The first annotators' committed file ``name`` (dev and test halves)."""
    return [str(REAL / split / name) for split in ("dev", "test")]


def ids_of(path: Path) -> dict[str, int]:
    recs = [json.loads(line) for line in open(path) if line.strip()]
    return {r["id"]: k for k, r in enumerate(recs)}


def compare(here: Path, rev: str, first_files: dict[str, str], *, number=None, sample=None,
            detailed: bool = False) -> tuple[list, dict, list]:
    """``first_files``: fact (``officials``, ``documents``, ``breakdowns``) → the committed first-annotation file;
    the reviewer's files are ``here/<fact>.jsonl``. ``number(fact, id)`` is an article's number in messages (its
    place in the reviewer's file by default); ``sample`` (fact → ids) checks the reviewer annotated those ids."""
    rows, fields, diffs = [], collections.OrderedDict(), []

    def fld(name, ok):
        fields.setdefault(name, [0, 0])
        fields[name][0] += ok
        fields[name][1] += 1

    def setup(fact):
        idn = ids_of(here / f"{fact}.jsonl")
        if sample is not None and set(sample[fact]) != set(idn):
            diffs.append(("sample", -1, fact, f"{rev} ids differ from sample.json", sorted(set(sample[fact]) ^ set(idn)), ""))
        ids = set(idn)
        num = (lambda i: number(fact, i)) if number else idn.get
        return idn, ids, num, load(firsts(first_files[fact]), ids), load([str(here / f"{fact}.jsonl")], ids)

    # officials: several first annotators each cover part of the draw
    idn, ids, num, first, revd = setup("officials")
    ntp = nfp = nfn = ttp = tfp = tfn = afp = afn = 0
    for i in sorted(ids, key=idn.get):
        n = num(i)
        if i not in first:
            diffs.append(("officials", n, i, "MISSING in first", "", ""))
            continue
        ann = first[i][0]["annotator"]
        A = [o for d in first[i] for o in d["officials"]]
        B = [o for d in revd[i] for o in d["officials"]]
        pairs = greedy(A, B, lambda x, y: norm_name(x["name"]) == norm_name(y["name"]))
        ntp += len(pairs); nfp += len(B) - len(pairs); nfn += len(A) - len(pairs)
        ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
        for k, o in enumerate(A):
            if k not in ma:
                diffs.append(("officials", n, i, f"name only in first ({ann})", o["name"], o["titles"])); afn += len(o["titles"])
        for k, o in enumerate(B):
            if k not in mb:
                diffs.append(("officials", n, i, f"name only in {rev}", o["name"], o["titles"])); afp += len(o["titles"])
        for x, y in pairs:
            ta, tb = A[x]["titles"], B[y]["titles"]; tp_ = greedy(ta, tb, close)
            ttp += len(tp_); tfp += len(tb) - len(tp_); tfn += len(ta) - len(tp_)
            ua = [t for k, t in enumerate(ta) if k not in {p[0] for p in tp_}]
            ub = [t for k, t in enumerate(tb) if k not in {p[1] for p in tp_}]
            if ua or ub:
                diffs.append(("officials", n, i, f"titles differ for {A[x]['name']} ({ann})", ua, ub))
            for p, q in tp_:  # exact title agreement after token normalisation, for information
                if toks(ta[p]) != toks(tb[q]):
                    diffs.append(("officials(minor)", n, i, f"title close but not identical for {A[x]['name']} ({ann})", ta[p], tb[q]))
            if detailed:  # mentions: exact span sets, for information
                sa = {tuple(m) for m in A[x].get("mentions", [])}; sb = {tuple(m) for m in B[y].get("mentions", [])}
                fld("officials: mention spans identical (matched names)", sa == sb)
                if sa != sb:
                    diffs.append(("officials(mentions)", n, i, f"mention spans differ for {A[x]['name']} ({ann})", sorted(sa - sb), sorted(sb - sa)))
    rows += [("officials", "names", ntp, nfp, nfn), ("officials", "titles (matched names)", ttp, tfp, tfn),
             ("officials", "titles (all)", ttp, tfp + afp, tfn + afn)]

    # documents
    idn, ids, num, first, revd = setup("documents")
    canon = lambda s: re.sub(r"\s+", "", nfc(s)).replace("&amp;", "&").upper()  # noqa: E731
    tp = fp = fn = 0
    for i in sorted(ids, key=idn.get):
        n = num(i)
        if i not in first:
            diffs.append(("documents", n, i, "MISSING in first", "", ""))
            continue
        by = f" ({first[i][0]['annotator']})" if detailed else ""
        A = {canon(d["symbol"]): d for r in first[i] for d in r["documents"]}
        B = {canon(d["symbol"]): d for r in revd[i] for d in r["documents"]}
        tp += len(A.keys() & B.keys()); fn += len(A.keys() - B.keys()); fp += len(B.keys() - A.keys())
        for s in sorted(A.keys() - B.keys()):
            diffs.append(("documents", n, i, f"symbol only in first{by}", A[s]["symbol"], ""))
        for s in sorted(B.keys() - A.keys()):
            diffs.append(("documents", n, i, f"symbol only in {rev}", B[s]["symbol"], ""))
        for s in sorted(A.keys() & B.keys()):
            for f in ("kind", "issuer", "date", "subject"):
                va, vb = A[s].get(f), B[s].get(f)
                eq = ((va is None and vb is None) or (va is not None and vb is not None and toks(va) == toks(vb))) \
                    if f != "date" else va == vb
                fld("documents: " + f, eq)
                if f == "subject":
                    fld("documents: subject (token-F1>=0.8)", eq or (va is not None and vb is not None and close(va, vb)))
                if not eq:
                    diffs.append(("documents", n, i, f"{f} differs for {A[s]['symbol']}{by}", va, vb))
            for f in ("kind_code", "issuer_from", "year", "conflict"):
                if A[s].get(f) != B[s].get(f):
                    diffs.append(("documents(unscored)", n, i, f"{f} differs for {A[s]['symbol']}{by}", A[s].get(f), B[s].get(f)))
            if detailed:
                ma_, mb_ = sorted(map(tuple, A[s].get("mentions", []))), sorted(map(tuple, B[s].get("mentions", [])))
                fld("documents: mention spans identical", ma_ == mb_)
                if ma_ != mb_:
                    diffs.append(("documents(mentions)", n, i, f"mentions differ for {A[s]['symbol']}{by}", ma_, mb_))
    rows.append(("documents", "distinct symbols", tp, fp, fn))

    # breakdowns
    idn, ids, num, first, revd = setup("breakdowns")
    bkey = lambda b: (float(b["total"]), tuple(sorted(float(p["value"]) for p in b["parts"])))  # noqa: E731
    tp = fp = fn = 0
    for i in sorted(ids, key=idn.get):
        n = num(i)
        if i not in first:
            diffs.append(("breakdowns", n, i, "MISSING in first", "", ""))
            continue
        ann = first[i][0]["annotator"]
        A = [b for r in first[i] for b in r["breakdowns"]]; B = [b for r in revd[i] for b in r["breakdowns"]]
        pairs = greedy(A, B, lambda x, y: bkey(x) == bkey(y))
        tp += len(pairs); fp += len(B) - len(pairs); fn += len(A) - len(pairs)
        ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
        for k, b in enumerate(A):
            if k not in ma:
                diffs.append(("breakdowns", n, i, f"breakdown only in first ({ann})", bkey(b), b.get("unit")))
        for k, b in enumerate(B):
            if k not in mb:
                diffs.append(("breakdowns", n, i, f"breakdown only in {rev}", bkey(b), b.get("unit")))
        for x, y in pairs:
            for f in ("by", "partition"):
                ok = A[x].get(f) == B[y].get(f); fld("breakdowns: " + f, ok)
                if not ok:
                    diffs.append(("breakdowns", n, i, f"{f} differs for {bkey(A[x])} ({ann})", A[x].get(f), B[y].get(f)))
            if A[x].get("total_qualifier") != B[y].get("total_qualifier"):
                diffs.append(("breakdowns(unscored)", n, i, f"total_qualifier differs for {bkey(A[x])}",
                              A[x].get("total_qualifier"), B[y].get("total_qualifier")))
            if detailed and A[x].get("unit") != B[y].get("unit"):
                diffs.append(("breakdowns(unscored)", n, i, f"unit differs for {bkey(A[x])}", A[x].get("unit"), B[y].get("unit")))
    rows.append(("breakdowns", "(total, sorted part values)", tp, fp, fn))
    return rows, fields, diffs


def report(rev: str, rows: list, fields: dict, diffs: list, show_diffs: bool) -> None:
    print(f"| fact | measure | both | {rev} only | first only | P | R | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for t, m, tp, fp, fn in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"| {t} | {m} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("\n| field (on matched items) | agree | of | rate |\n| --- | --- | --- | --- |")
    for f, (ok, n) in fields.items():
        print(f"| {f} | {ok} | {n} | {ok / n if n else 1:.3f} |")
    if show_diffs:
        print()
        for d in diffs:
            print(json.dumps(d, ensure_ascii=False))


def run_sampled(here: Path, rev: str, draw: dict[str, str], first_files: dict[str, str]) -> None:
    """The command line of a blind second pass over a seeded sample (``here/sample.json``: draw name → ids): compare
    the reviewer's files with the first annotations and print the report (``--diff`` lists every disagreement).
    ``draw``: fact → the draw's name in the sample; ``first_files``: fact → the committed first-annotation file."""
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--diff", action="store_true")
    args = ap.parse_args()
    sample = json.load(open(here / "sample.json"))
    places = {(fact, i): n for fact, key in draw.items() for n, i in enumerate(sample[key])}
    rows, fields, diffs = compare(here, rev, first_files, number=lambda fact, i: places[(fact, i)],
                                  sample={fact: sample[key] for fact, key in draw.items()}, detailed=True)
    report(rev, rows, fields, diffs, args.diff)
