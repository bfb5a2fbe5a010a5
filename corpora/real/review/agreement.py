"""Inter-annotator agreement between the review annotator (corpora/real/review/*.jsonl) and the first
annotators (corpora/real/{dev,test}/*.jsonl) on the article ids of /work/ann/review_sample.json.

Usage:  python3 corpora/real/review/agreement.py [--first DIR] [--sample FILE] [--diff]
  --first   directory holding dev/ and test/ with the first annotations (default: corpora/real next to this file)
  --diff    also print every disagreement, by article id (annotated strings only)

Measures (micro-averaged over the sample's articles):
  officials  name F1 on normalised names; title F1 on titles of matched names, a pair matching when token
             precision and token recall are both >= 0.8 after lower-casing, stripping punctuation and
             spelling out abbreviations (also given: title F1 counting the titles of unmatched names).
  documents  F1 on distinct canonical symbols; on matched symbols, exact agreement of kind, issuer, date and
             subject after normalisation (subject also with the token-F1 >= 0.8 rule).
  counts     F1 on the multiset of (value, of, unit_head); agreement on qualifier over matched counts.
  breakdowns F1 on (total, sorted part values), for the breakdowns task files and for the `breakdowns`
             lists inside counts.jsonl.
No article text is read or printed beyond the annotated fields.
"""
import argparse, collections, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ABBR = [  # (pattern on lower-cased, punctuation-kept text, expansion)
    (r"\btp\.?\s*hcm\b|\btphcm\b|\btp\s+hồ chí minh\b", "thành phố hồ chí minh"),
    (r"\bubnd\b", "ủy ban nhân dân"), (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttqvn\b", "mặt trận tổ quốc việt nam"), (r"\bubmttq\b", "ủy ban mặt trận tổ quốc"),
    (r"\bmttq\b", "mặt trận tổ quốc"), (r"\bubtư\b|\bubtw\b", "ủy ban trung ương"),
    (r"\bt\.ư\b|\btư\b|\btw\b", "trung ương"), (r"\bvn\b", "việt nam"), (r"\bgtvt\b", "giao thông vận tải"),
    (r"\blđlđ\b", "liên đoàn lao động"), (r"\bgd-đt\b|\bgd&đt\b|\bgd&amp;đt\b", "giáo dục và đào tạo"),
    (r"\bđbqh\b", "đại biểu quốc hội"), (r"\bhđqt\b", "hội đồng quản trị"), (r"\bqh\b", "quốc hội"),
    (r"\bubvtv\b|\buvbtv\b", "ủy viên ban thường vụ"), (r"\bbch\b", "ban chấp hành"),
    (r"\bhlhpn\b", "hội liên hiệp phụ nữ"), (r"\blhpn\b", "liên hiệp phụ nữ"), (r"\bccb\b", "cựu chiến binh"),
    (r"\bđh\b", "đại học"), (r"\bkqlgtđt\b", "khu quản lý giao thông đô thị"), (r"\bgtcc\b", "giao thông - công chính"),
    (r"\btp\b", "thành phố"), (r"&amp;|&", " và "),
]

def nfc(s):
    return unicodedata.normalize("NFC", s or "").replace("\u00d0", "Đ").replace("\u00a0", " ")

def toks(s, expand=True):
    s = nfc(s).lower()
    if expand:
        for pat, rep in ABBR:
            s = re.sub(pat, rep, s)
    s = s.replace("uỷ", "ủy").replace("hoá", "hóa")
    return re.findall(r"\w+", s)

def tokf(a, b):
    """(precision, recall) of b's tokens against a's, multiset."""
    ca, cb = collections.Counter(toks(a)), collections.Counter(toks(b))
    ov = sum((ca & cb).values())
    if not ca and not cb:
        return 1.0, 1.0
    return (ov / sum(cb.values()) if cb else 0.0), (ov / sum(ca.values()) if ca else 0.0)

def close(a, b, thr=0.8):
    p, r = tokf(a, b)
    return p >= thr and r >= thr

def norm_name(s):
    return " ".join(toks(s, expand=False))

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def load(paths, ids):
    out = {}
    for p in paths:
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                if d["id"] in ids:
                    out.setdefault(d["id"], []).append(d)
    return out

def greedy(xs, ys, ok):
    """one-to-one greedy matching; returns list of (i, j)."""
    used, pairs = set(), []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if j not in used and ok(x, y):
                used.add(j); pairs.append((i, j)); break
    return pairs

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--first", default=os.path.dirname(HERE))
    ap.add_argument("--review", default=HERE)
    ap.add_argument("--sample", default="/work/ann/review_sample.json")
    ap.add_argument("--diff", action="store_true")
    a = ap.parse_args()
    sample = json.load(open(a.sample))
    F = lambda *names: [os.path.join(a.first, sp, n) for sp in ("dev", "test") for n in names]
    R = lambda n: [os.path.join(a.review, n)]
    rows, diffs = [], []

    # ---------------- officials
    ids = set(sample["officials"])
    first = load(F("officials-a.jsonl", "officials-b.jsonl"), ids)
    rev = load(R("officials.jsonl"), ids)
    ntp = nfp = nfn = 0; ttp = tfp = tfn = 0; atp = afp = afn = 0
    for i in sorted(ids):
        A = [o for d in first.get(i, []) for o in d["officials"]]
        B = [o for d in rev.get(i, []) for o in d["officials"]]
        if i not in first: diffs.append(("officials", i, "MISSING in first annotation", "", ""))
        pairs = greedy(A, B, lambda x, y: norm_name(x["name"]) == norm_name(y["name"]))
        ntp += len(pairs); nfp += len(B) - len(pairs); nfn += len(A) - len(pairs)
        ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
        for k, o in enumerate(A):
            if k not in ma:
                diffs.append(("officials", i, "name only in first", o["name"], o["titles"])); afn += len(o["titles"])
        for k, o in enumerate(B):
            if k not in mb:
                diffs.append(("officials", i, "name only in review", o["name"], o["titles"])); afp += len(o["titles"])
        for x, y in pairs:
            ta, tb = A[x]["titles"], B[y]["titles"]
            tp_ = greedy(ta, tb, close)
            ttp += len(tp_); tfp += len(tb) - len(tp_); tfn += len(ta) - len(tp_)
            ua = [t for k, t in enumerate(ta) if k not in {p[0] for p in tp_}]
            ub = [t for k, t in enumerate(tb) if k not in {p[1] for p in tp_}]
            if ua or ub:
                diffs.append(("officials", i, "titles differ for " + A[x]["name"], ua, ub))
    atp, afp, afn = ttp, tfp + afp, tfn + afn
    rows.append(("officials", "names", ntp, nfp, nfn))
    rows.append(("officials", "titles (matched names)", ttp, tfp, tfn))
    rows.append(("officials", "titles (all)", atp, afp, afn))

    # ---------------- documents
    ids = set(sample["documents"])
    first = load(F("documents.jsonl"), ids); rev = load(R("documents.jsonl"), ids)
    canon = lambda s: re.sub(r"\s+", "", nfc(s)).replace("&amp;", "&").upper()
    tp = fp = fn = 0; fields = collections.defaultdict(lambda: [0, 0])
    for i in sorted(ids):
        if i not in first: diffs.append(("documents", i, "MISSING in first annotation", "", ""))
        A = {canon(d["symbol"]): d for r in first.get(i, []) for d in r["documents"]}
        B = {canon(d["symbol"]): d for r in rev.get(i, []) for d in r["documents"]}
        tp += len(A.keys() & B.keys()); fn += len(A.keys() - B.keys()); fp += len(B.keys() - A.keys())
        for s in sorted(A.keys() - B.keys()): diffs.append(("documents", i, "symbol only in first", A[s]["symbol"], ""))
        for s in sorted(B.keys() - A.keys()): diffs.append(("documents", i, "symbol only in review", B[s]["symbol"], ""))
        for s in sorted(A.keys() & B.keys()):
            for f in ("kind", "issuer", "date", "subject"):
                va, vb = A[s].get(f), B[s].get(f)
                if f in ("kind", "issuer", "subject"):
                    eq = (va is None and vb is None) or (va is not None and vb is not None and toks(va) == toks(vb))
                else:
                    eq = va == vb
                fields[f][0] += eq; fields[f][1] += 1
                if f == "subject":
                    loose = eq or (va is not None and vb is not None and close(va, vb))
                    fields["subject (token-F1>=0.8)"][0] += loose; fields["subject (token-F1>=0.8)"][1] += 1
                if not eq:
                    diffs.append(("documents", i, f"{f} differs for {A[s]['symbol']}", va, vb))
    rows.append(("documents", "distinct symbols", tp, fp, fn))

    # ---------------- counts
    ids = set(sample["counts"])
    first = load(F("counts.jsonl"), ids); rev = load(R("counts.jsonl"), ids)
    key = lambda c: (float(c["value"]), None if c.get("of") is None else float(c["of"]),
                     (nfc(c.get("unit_head")) or "").lower() or None)
    tp = fp = fn = 0; q = [0, 0]
    for i in sorted(ids):
        if i not in first: diffs.append(("counts", i, "MISSING in first annotation", "", ""))
        A = [c for r in first.get(i, []) for c in r["counts"]]
        B = [c for r in rev.get(i, []) for c in r["counts"]]
        pairs = greedy(A, B, lambda x, y: key(x) == key(y))
        tp += len(pairs); fp += len(B) - len(pairs); fn += len(A) - len(pairs)
        for x, y in pairs:
            same = (A[x].get("qualifier") or None) == (B[y].get("qualifier") or None)
            q[0] += same; q[1] += 1
            if not same: diffs.append(("counts", i, f"qualifier differs for {key(A[x])}", A[x].get("qualifier"), B[y].get("qualifier")))
        ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
        for k, c in enumerate(A):
            if k not in ma: diffs.append(("counts", i, "count only in first", key(c), c.get("unit")))
        for k, c in enumerate(B):
            if k not in mb: diffs.append(("counts", i, "count only in review", key(c), c.get("unit")))
    rows.append(("counts", "(value, of, unit head)", tp, fp, fn))
    fields["counts qualifier"] = q

    # ---------------- breakdowns
    bkey = lambda b: (float(b["total"]), tuple(sorted(float(p["value"]) for p in b["parts"])))
    def brk(task, ids, fa, fb, what):
        first = load(fa, ids); rev = load(fb, ids)
        tp = fp = fn = 0
        for i in sorted(ids):
            if i not in first: diffs.append((what, i, "MISSING in first annotation", "", ""))
            A = [bkey(b) for r in first.get(i, []) for b in r.get("breakdowns", [])]
            B = [bkey(b) for r in rev.get(i, []) for b in r.get("breakdowns", [])]
            pairs = greedy(A, B, lambda x, y: x == y)
            tp += len(pairs); fp += len(B) - len(pairs); fn += len(A) - len(pairs)
            ma = {p[0] for p in pairs}; mb = {p[1] for p in pairs}
            for k, b in enumerate(A):
                if k not in ma: diffs.append((what, i, "breakdown only in first", b, ""))
            for k, b in enumerate(B):
                if k not in mb: diffs.append((what, i, "breakdown only in review", b, ""))
        return tp, fp, fn
    b1 = brk("breakdowns", set(sample["breakdowns"]), F("breakdowns.jsonl", "breakdowns-b.jsonl"), R("breakdowns.jsonl"), "breakdowns")
    b2 = brk("counts", set(sample["counts"]), F("counts.jsonl"), R("counts.jsonl"), "breakdowns(counts)")
    rows.append(("breakdowns", "breakdowns task articles", *b1))
    rows.append(("breakdowns", "inside counts articles", *b2))
    rows.append(("breakdowns", "pooled", b1[0] + b2[0], b1[1] + b2[1], b1[2] + b2[2]))

    print("| fact | measure | both | review only | first only | P | R | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for t, m, tp, fp, fn in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"| {t} | {m} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print()
    print("| field (on matched items) | agree | of | rate |")
    print("| --- | --- | --- | --- |")
    for f, (ok, n) in fields.items():
        print(f"| {f} | {ok} | {n} | {ok / n if n else 1:.3f} |")
    if a.diff:
        print()
        for d in diffs:
            print(json.dumps(d, ensure_ascii=False))

if __name__ == "__main__":
    main()
