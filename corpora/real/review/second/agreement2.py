"""Agreement between rev2 (corpora/real/review/second/*.jsonl) and the first annotations of the later draws
(corpora/real/{dev,test}/officials-c.jsonl, documents-b.jsonl, breakdowns-c.jsonl), on the articles rev2 annotated
(the seed-2028 sample; the ids are in rev2's files).

    python3 corpora/real/review/second/agreement2.py [--diff]

Measures are those of corpora/real/review/agreement.py (its functions are imported), plus agreement on `by`
and `partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import sys, json, collections, argparse
from pathlib import Path
HERE = Path(__file__).resolve().parent
REAL = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))
from agreement import toks, close, norm_name, prf, load, greedy, nfc
import re

ap = argparse.ArgumentParser(); ap.add_argument("--diff", action="store_true"); a = ap.parse_args()
R = str(HERE) + "/"
def ids_of(task):
    name = {"officials2": "officials", "documents2": "documents", "breakdowns3": "breakdowns"}[task]
    recs = [json.loads(l) for l in open(R + name + ".jsonl") if l.strip()]
    return {r["id"]: k for k, r in enumerate(recs)}
def firsts(name):
    return [str(REAL / split / name) for split in ("dev", "test")]
rows, fields, diffs = [], collections.OrderedDict(), []
def fld(name, ok):
    fields.setdefault(name, [0, 0]); fields[name][0] += ok; fields[name][1] += 1

# officials: off-c and off-d each cover part of the draw
idn = ids_of("officials2"); ids = set(idn)
first = load(firsts("officials-c.jsonl"), ids)
rev = load([R + "officials.jsonl"], ids)
ntp = nfp = nfn = ttp = tfp = tfn = afp = afn = 0
for i in sorted(ids, key=idn.get):
    n = idn[i]
    if i not in first: diffs.append(("officials", n, i, "MISSING in first", "", "")); continue
    ann = first[i][0]["annotator"]
    A = [o for d in first[i] for o in d["officials"]]; B = [o for d in rev[i] for o in d["officials"]]
    pairs = greedy(A, B, lambda x, y: norm_name(x["name"]) == norm_name(y["name"]))
    ntp += len(pairs); nfp += len(B) - len(pairs); nfn += len(A) - len(pairs)
    ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
    for k, o in enumerate(A):
        if k not in ma: diffs.append(("officials", n, i, f"name only in first ({ann})", o["name"], o["titles"])); afn += len(o["titles"])
    for k, o in enumerate(B):
        if k not in mb: diffs.append(("officials", n, i, "name only in rev2", o["name"], o["titles"])); afp += len(o["titles"])
    for x, y in pairs:
        ta, tb = A[x]["titles"], B[y]["titles"]; tp_ = greedy(ta, tb, close)
        ttp += len(tp_); tfp += len(tb) - len(tp_); tfn += len(ta) - len(tp_)
        ua = [t for k, t in enumerate(ta) if k not in {p[0] for p in tp_}]
        ub = [t for k, t in enumerate(tb) if k not in {p[1] for p in tp_}]
        if ua or ub: diffs.append(("officials", n, i, f"titles differ for {A[x]['name']} ({ann})", ua, ub))
        # exact title agreement after token normalisation, for information
        for p, q in tp_:
            if toks(ta[p]) != toks(tb[q]): diffs.append(("officials(minor)", n, i, f"title close but not identical for {A[x]['name']} ({ann})", ta[p], tb[q]))
rows += [("officials", "names", ntp, nfp, nfn), ("officials", "titles (matched names)", ttp, tfp, tfn),
         ("officials", "titles (all)", ttp, tfp + afp, tfn + afn)]

# documents
idn = ids_of("documents2"); ids = set(idn)
first = load(firsts("documents-b.jsonl"), ids); rev = load([R + "documents.jsonl"], ids)
canon = lambda s: re.sub(r"\s+", "", nfc(s)).replace("&amp;", "&").upper()
tp = fp = fn = 0
for i in sorted(ids, key=idn.get):
    n = idn[i]
    if i not in first: diffs.append(("documents", n, i, "MISSING in first", "", "")); continue
    A = {canon(d["symbol"]): d for r in first[i] for d in r["documents"]}
    B = {canon(d["symbol"]): d for r in rev[i] for d in r["documents"]}
    tp += len(A.keys() & B.keys()); fn += len(A.keys() - B.keys()); fp += len(B.keys() - A.keys())
    for s in sorted(A.keys() - B.keys()): diffs.append(("documents", n, i, "symbol only in first", A[s]["symbol"], ""))
    for s in sorted(B.keys() - A.keys()): diffs.append(("documents", n, i, "symbol only in rev2", B[s]["symbol"], ""))
    for s in sorted(A.keys() & B.keys()):
        for f in ("kind", "issuer", "date", "subject"):
            va, vb = A[s].get(f), B[s].get(f)
            eq = ((va is None and vb is None) or (va is not None and vb is not None and toks(va) == toks(vb))) if f != "date" else va == vb
            fld("documents: " + f, eq)
            if f == "subject":
                fld("documents: subject (token-F1>=0.8)", eq or (va is not None and vb is not None and close(va, vb)))
            if not eq: diffs.append(("documents", n, i, f"{f} differs for {A[s]['symbol']}", va, vb))
        for f in ("kind_code", "issuer_from", "year", "conflict"):
            if A[s].get(f) != B[s].get(f): diffs.append(("documents(unscored)", n, i, f"{f} differs for {A[s]['symbol']}", A[s].get(f), B[s].get(f)))
rows.append(("documents", "distinct symbols", tp, fp, fn))

# breakdowns: brk3-a and brk3-b each cover part of the draw
idn = ids_of("breakdowns3"); ids = set(idn)
first = load(firsts("breakdowns-c.jsonl"), ids)
rev = load([R + "breakdowns.jsonl"], ids)
bkey = lambda b: (float(b["total"]), tuple(sorted(float(p["value"]) for p in b["parts"])))
tp = fp = fn = 0
for i in sorted(ids, key=idn.get):
    n = idn[i]
    if i not in first: diffs.append(("breakdowns", n, i, "MISSING in first", "", "")); continue
    ann = first[i][0]["annotator"]
    A = [b for r in first[i] for b in r["breakdowns"]]; B = [b for r in rev[i] for b in r["breakdowns"]]
    pairs = greedy(A, B, lambda x, y: bkey(x) == bkey(y))
    tp += len(pairs); fp += len(B) - len(pairs); fn += len(A) - len(pairs)
    ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
    for k, b in enumerate(A):
        if k not in ma: diffs.append(("breakdowns", n, i, f"breakdown only in first ({ann})", bkey(b), b.get("unit")))
    for k, b in enumerate(B):
        if k not in mb: diffs.append(("breakdowns", n, i, "breakdown only in rev2", bkey(b), b.get("unit")))
    for x, y in pairs:
        for f in ("by", "partition"):
            ok = A[x].get(f) == B[y].get(f); fld("breakdowns: " + f, ok)
            if not ok: diffs.append(("breakdowns", n, i, f"{f} differs for {bkey(A[x])} ({ann})", A[x].get(f), B[y].get(f)))
        if A[x].get("total_qualifier") != B[y].get("total_qualifier"):
            diffs.append(("breakdowns(unscored)", n, i, f"total_qualifier differs for {bkey(A[x])}", A[x].get("total_qualifier"), B[y].get("total_qualifier")))
rows.append(("breakdowns", "(total, sorted part values)", tp, fp, fn))

print("| fact | measure | both | rev2 only | first only | P | R | F1 |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for t, m, tp, fp, fn in rows:
    p, r, f = prf(tp, fp, fn)
    print(f"| {t} | {m} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
print("\n| field (on matched items) | agree | of | rate |\n| --- | --- | --- | --- |")
for f, (ok, n) in fields.items():
    print(f"| {f} | {ok} | {n} | {ok / n if n else 1:.3f} |")
if a.diff:
    print()
    for d in diffs: print(json.dumps(d, ensure_ascii=False))
