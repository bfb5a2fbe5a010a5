"""Agreement between rev5 (corpora/real/review/fifth/{officials,documents,breakdowns}.jsonl) and the first annotations
of the same articles: officials5 by off-m / off-n / off-o, documents5 by doc-g / doc-h, breakdowns6 by brk6-a / brk6-b
(committed as corpora/real/{dev,test}/officials-genre-c.jsonl, documents-genre-c.jsonl, breakdowns-f.jsonl). The
articles are rev5's sample (seed 2029 over the fifth draw, ids in sample.json and in rev5's files); ``n`` below is an
article's place in the sample.

    python3 corpora/real/review/fifth/agreement5.py [--diff]

Modelled on corpora/real/review/second/agreement2.py. The measures are those of corpora/real/review/agreement.py,
whose functions are imported (toks, close, norm_name, prf, load, greedy, nfc), plus agreement on `by` and
`partition` of matched breakdowns. Prints tables; --diff prints every disagreement (annotated strings only)."""
import sys, json, collections, argparse, re
from pathlib import Path
HERE = Path(__file__).resolve().parent
REAL = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))
from agreement import toks, close, norm_name, prf, load, greedy, nfc

ap = argparse.ArgumentParser(); ap.add_argument("--diff", action="store_true"); a = ap.parse_args()
R = str(HERE) + "/"
REV = "rev5"
def ids_of(name):
    recs = [json.loads(l) for l in open(R + name + ".jsonl") if l.strip()]
    return {r["id"]: k for k, r in enumerate(recs)}
FIRST = {"officials5.jsonl": "officials-genre-c.jsonl", "documents5.jsonl": "documents-genre-c.jsonl",
         "breakdowns6.jsonl": "breakdowns-f.jsonl"}
def firsts(annotators, fname):  # the first annotators' files as committed (dev and test halves)
    return [str(REAL / split / FIRST[fname]) for split in ("dev", "test")]
sample = json.load(open(R + "sample.json"))
rows, fields, diffs = [], collections.OrderedDict(), []
def fld(name, ok):
    fields.setdefault(name, [0, 0]); fields[name][0] += ok; fields[name][1] += 1
def check_sample(key, idn):
    if set(sample[key]) != set(idn): diffs.append(("sample", -1, key, "rev5 ids differ from sample.json", sorted(set(sample[key]) ^ set(idn)), ""))
nums = {(key, i): n for key, got in sample.items() for n, i in enumerate(got)}

# ---------------- officials: off-m, off-n, off-o each cover part of the draw
idn = ids_of("officials"); ids = set(idn); check_sample("officials5", idn)
first = load(firsts(("off-m", "off-n", "off-o"), "officials5.jsonl"), ids)
rev = load([R + "officials.jsonl"], ids)
ntp = nfp = nfn = ttp = tfp = tfn = afp = afn = 0
for i in sorted(ids, key=idn.get):
    n = nums[("officials5", i)]
    if i not in first: diffs.append(("officials", n, i, "MISSING in first", "", "")); continue
    ann = first[i][0]["annotator"]
    A = [o for d in first[i] for o in d["officials"]]; B = [o for d in rev[i] for o in d["officials"]]
    pairs = greedy(A, B, lambda x, y: norm_name(x["name"]) == norm_name(y["name"]))
    ntp += len(pairs); nfp += len(B) - len(pairs); nfn += len(A) - len(pairs)
    ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
    for k, o in enumerate(A):
        if k not in ma: diffs.append(("officials", n, i, f"name only in first ({ann})", o["name"], o["titles"])); afn += len(o["titles"])
    for k, o in enumerate(B):
        if k not in mb: diffs.append(("officials", n, i, f"name only in {REV}", o["name"], o["titles"])); afp += len(o["titles"])
    for x, y in pairs:
        ta, tb = A[x]["titles"], B[y]["titles"]; tp_ = greedy(ta, tb, close)
        ttp += len(tp_); tfp += len(tb) - len(tp_); tfn += len(ta) - len(tp_)
        ua = [t for k, t in enumerate(ta) if k not in {p[0] for p in tp_}]
        ub = [t for k, t in enumerate(tb) if k not in {p[1] for p in tp_}]
        if ua or ub: diffs.append(("officials", n, i, f"titles differ for {A[x]['name']} ({ann})", ua, ub))
        for p, q in tp_:
            if toks(ta[p]) != toks(tb[q]): diffs.append(("officials(minor)", n, i, f"title close but not identical for {A[x]['name']} ({ann})", ta[p], tb[q]))
        # mentions: exact span sets, for information (not in agreement2.py)
        sa = {tuple(m) for m in A[x].get("mentions", [])}; sb = {tuple(m) for m in B[y].get("mentions", [])}
        fld("officials: mention spans identical (matched names)", sa == sb)
        if sa != sb: diffs.append(("officials(mentions)", n, i, f"mention spans differ for {A[x]['name']} ({ann})", sorted(sa - sb), sorted(sb - sa)))
rows += [("officials", "names", ntp, nfp, nfn), ("officials", "titles (matched names)", ttp, tfp, tfn),
         ("officials", "titles (all)", ttp, tfp + afp, tfn + afn)]

# ---------------- documents: doc-g and doc-h
idn = ids_of("documents"); ids = set(idn); check_sample("documents5", idn)
first = load(firsts(("doc-g", "doc-h"), "documents5.jsonl"), ids); rev = load([R + "documents.jsonl"], ids)
canon = lambda s: re.sub(r"\s+", "", nfc(s)).replace("&amp;", "&").upper()
tp = fp = fn = 0
for i in sorted(ids, key=idn.get):
    n = nums[("documents5", i)]
    if i not in first: diffs.append(("documents", n, i, "MISSING in first", "", "")); continue
    ann = first[i][0]["annotator"]
    A = {canon(d["symbol"]): d for r in first[i] for d in r["documents"]}
    B = {canon(d["symbol"]): d for r in rev[i] for d in r["documents"]}
    tp += len(A.keys() & B.keys()); fn += len(A.keys() - B.keys()); fp += len(B.keys() - A.keys())
    for s in sorted(A.keys() - B.keys()): diffs.append(("documents", n, i, f"symbol only in first ({ann})", A[s]["symbol"], ""))
    for s in sorted(B.keys() - A.keys()): diffs.append(("documents", n, i, f"symbol only in {REV}", B[s]["symbol"], ""))
    for s in sorted(A.keys() & B.keys()):
        for f in ("kind", "issuer", "date", "subject"):
            va, vb = A[s].get(f), B[s].get(f)
            eq = ((va is None and vb is None) or (va is not None and vb is not None and toks(va) == toks(vb))) if f != "date" else va == vb
            fld("documents: " + f, eq)
            if f == "subject":
                fld("documents: subject (token-F1>=0.8)", eq or (va is not None and vb is not None and close(va, vb)))
            if not eq: diffs.append(("documents", n, i, f"{f} differs for {A[s]['symbol']} ({ann})", va, vb))
        for f in ("kind_code", "issuer_from", "year", "conflict"):
            if A[s].get(f) != B[s].get(f): diffs.append(("documents(unscored)", n, i, f"{f} differs for {A[s]['symbol']} ({ann})", A[s].get(f), B[s].get(f)))
        ma_, mb_ = sorted(map(tuple, A[s].get("mentions", []))), sorted(map(tuple, B[s].get("mentions", [])))
        fld("documents: mention spans identical", ma_ == mb_)
        if ma_ != mb_: diffs.append(("documents(mentions)", n, i, f"mentions differ for {A[s]['symbol']} ({ann})", ma_, mb_))
rows.append(("documents", "distinct symbols", tp, fp, fn))

# ---------------- breakdowns: brk6-a and brk6-b
idn = ids_of("breakdowns"); ids = set(idn); check_sample("breakdowns6", idn)
first = load(firsts(("brk6-a", "brk6-b"), "breakdowns6.jsonl"), ids)
rev = load([R + "breakdowns.jsonl"], ids)
bkey = lambda b: (float(b["total"]), tuple(sorted(float(p["value"]) for p in b["parts"])))
tp = fp = fn = 0
for i in sorted(ids, key=idn.get):
    n = nums[("breakdowns6", i)]
    if i not in first: diffs.append(("breakdowns", n, i, "MISSING in first", "", "")); continue
    ann = first[i][0]["annotator"]
    A = [b for r in first[i] for b in r["breakdowns"]]; B = [b for r in rev[i] for b in r["breakdowns"]]
    pairs = greedy(A, B, lambda x, y: bkey(x) == bkey(y))
    tp += len(pairs); fp += len(B) - len(pairs); fn += len(A) - len(pairs)
    ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
    for k, b in enumerate(A):
        if k not in ma: diffs.append(("breakdowns", n, i, f"breakdown only in first ({ann})", bkey(b), b.get("unit")))
    for k, b in enumerate(B):
        if k not in mb: diffs.append(("breakdowns", n, i, f"breakdown only in {REV}", bkey(b), b.get("unit")))
    for x, y in pairs:
        for f in ("by", "partition"):
            ok = A[x].get(f) == B[y].get(f); fld("breakdowns: " + f, ok)
            if not ok: diffs.append(("breakdowns", n, i, f"{f} differs for {bkey(A[x])} ({ann})", A[x].get(f), B[y].get(f)))
        if A[x].get("total_qualifier") != B[y].get("total_qualifier"):
            diffs.append(("breakdowns(unscored)", n, i, f"total_qualifier differs for {bkey(A[x])}", A[x].get("total_qualifier"), B[y].get("total_qualifier")))
        if A[x].get("unit") != B[y].get("unit"):
            diffs.append(("breakdowns(unscored)", n, i, f"unit differs for {bkey(A[x])}", A[x].get("unit"), B[y].get("unit")))
rows.append(("breakdowns", "(total, sorted part values)", tp, fp, fn))

print(f"| fact | measure | both | {REV} only | first only | P | R | F1 |")
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
