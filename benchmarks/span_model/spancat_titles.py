"""Issue #12 experiment: a trained span model for officials' TITLES vs dvnlp's rules (dev-internal figures).

Run with dvnlp frozen in a worktree of the commit the comparison is about (``docs/span-model.md``; 6bd1c86 there):

    git worktree add --detach benchmarks/span_model/wt 6bd1c86
    PYTHONPATH=benchmarks/span_model/wt nice -n 10 .venv/bin/python benchmarks/span_model/spancat_titles.py \
        --seed 0 --minutes 6.5 --out benchmarks/span_model/report.json

Stages (each cached in --workdir; delete it to redo from scratch):

1. gold: ``corpora/real/dev/officials-*.jsonl`` of the frozen worktree, texts exactly as ``evaluate.py``'s
   ``predict()`` builds them (``raw_records`` → ``dvnlp.ingest.iter_documents`` → ``normalize(text).text``).
   Each gold ``titles_as_written`` string is located in the text (rule in :func:`locate`) → a TITLE span.
2. split: ``sha256("spancat-v1:" + id)`` → first 8 hex digits / 2**32 < 0.7 → train, else valid.
3. silver (optional, ``--silver N``): dvnlp's rule output on N other articles of genre.jsonl + the bulk corpus,
   never a dev or test article (test ids read programmatically from ``corpora/real/test/*.jsonl``, nothing else
   read from there) nor a text twin of one (evaluate.py's ``_text_key``); rule titles located as the gold ones.
4. train: ``spacy train`` (NER or spancat over a syllable tokenizer registered here), fixed seed, wall cap.
5. evaluate on valid: title span P/R/F1 (exact offsets; token-F1 ≥ 0.8 with overlap) for the model, the rules,
   and the union; the project's person-attributed title metric (evaluate.py ``_officials``) for rules and for
   rules + model spans attached to the nearest rule official; speed of the model vs ``dvnlp.extract`` vs the
   underthesea ``word_tokenize`` baseline (the README's ≥ 1.5× API-loop target).
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

#: syllables: runs of letters, runs of digits, single punctuation marks (letters and digits split, so list
#: numbers glued to names by HTML ingest — ``Tây Ninh5.`` — still give aligned spans)
SYLLABLE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_", re.UNICODE)


class SyllableTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return _exact_doc(self.vocab, text)

    def to_bytes(self, **kw):
        return b""

    def from_bytes(self, data, **kw):
        return self

    def to_disk(self, path, **kw):
        pass

    def from_disk(self, path, **kw):
        return self


def _exact_doc(vocab, text: str) -> Doc:
    """Tokens that reproduce ``text`` exactly: whitespace other than one space becomes its own token."""
    words, spaces = [], []
    pos = 0
    pieces = list(SYLLABLE.finditer(text))
    for m in pieces:
        if m.start() > pos:  # a gap of whitespace before this token
            gap = text[pos:m.start()]
            if gap == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                if words and not spaces[-1] and gap.startswith(" "):
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
        words.append(m.group(0))
        spaces.append(False)
        pos = m.end()
    if pos < len(text):
        gap = text[pos:]
        if gap == " " and words:
            spaces[-1] = True
        else:
            words.append(gap)
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers("spancat_titles.Syllables.v1")
def make_syllable_tokenizer():
    def create(nlp):
        return SyllableTokenizer(nlp.vocab)

    return create


# ----------------------------------------------------------------------------------------------------------
# everything below runs only as a script (``spacy train --code`` imports this file for the tokenizer)

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "vi"
pipeline = ["tok2vec","{comp}"]
batch_size = 64

[nlp.tokenizer]
@tokenizers = "spancat_titles.Syllables.v1"

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,1000]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3
{comp_block}
[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 3000
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 200
stop = 2000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
{score_weights}

[initialize]
vectors = null
"""

NER_BLOCK = """
[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"
"""

SPANCAT_BLOCK = """
[components.spancat]
factory = "spancat"
max_positive = null
spans_key = "sc"
threshold = 0.5

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 128

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

[components.spancat.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "*"

[components.spancat.suggester]
@misc = "spacy.ngram_range_suggester.v1"
min_size = 1
max_size = {max_ngram}
"""


def main() -> None:  # noqa: C901 - one linear experiment
    import argparse
    import gzip
    import hashlib
    import importlib.util
    import json
    import os
    import statistics
    import subprocess
    import sys
    import tempfile
    import time
    from collections import Counter, defaultdict
    from pathlib import Path

    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--worktree", default=str(here / "wt"), help="frozen dvnlp checkout (gold dev files, evaluate.py)")
    ap.add_argument("--workdir", default=str(here / "work"))
    ap.add_argument("--out", default=str(here / "report.json"))
    ap.add_argument("--runs", nargs="+", default=["ner:0", "ner:1500", "spancat:1500"],
                    help="models to train, ARCH:SILVER_ARTICLES (arch ner or spancat)")
    ap.add_argument("--train-frac", type=float, default=0.7)
    ap.add_argument("--tune-frac", type=float, default=0.2, help="share of train articles used to pick the checkpoint")
    ap.add_argument("--minutes", type=float, default=8.0, help="wall cap per training run")
    ap.add_argument("--max-steps", type=int, default=4000)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--max-ngram", type=int, default=12)
    ap.add_argument("--near", type=int, default=5,
                    help="besides the nearest occurrence, also label occurrences within this many characters of a mention")
    ap.add_argument("--attach-window", type=int, default=80)
    ap.add_argument("--speed-rounds", type=int, default=3)
    ap.add_argument("--retrain", action="store_true")
    args = ap.parse_args()

    wt = Path(args.worktree)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    spec = importlib.util.spec_from_file_location("dvnlp_evaluate", wt / "corpora/real/evaluate.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    sc = ev.scorer()
    report: dict = {"seed": args.seed, "args": vars(args), "note": "dev-internal: train and valid are both dev gold"}

    import dvnlp
    import dvnlp.pipeline
    from dvnlp.ingest import iter_documents
    from dvnlp.normalize import normalize

    def texts_of(raws: dict[str, dict], ids: list[str]) -> dict[str, str]:
        """Normalized texts exactly as evaluate.py's predict() feeds them to dvnlp.extract (which normalizes)."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for i in ids:
                    f.write(json.dumps(raws[i], ensure_ascii=False) + "\n")
            return {d.id: normalize(d.text).text for d in iter_documents([path]) if hasattr(d, "text")}

    # ---------------------------------------------------------------- 1. gold
    gold = ev.load_gold("dev", ["officials"])
    dev_ids = sorted(gold)
    dev_raws = ev.raw_records(set(dev_ids))
    texts = texts_of(dev_raws, dev_ids)
    assert set(texts) == set(dev_ids), "a dev article could not be read"

    def occurrences(text: str, s: str) -> list[tuple[int, int]]:
        out, k = [], text.find(s)
        while k >= 0 and s:
            out.append((k, k + len(s)))
            k = text.find(s, k + 1)
        return out

    def gap(a, b) -> int:
        return max(0, max(a[0], b[0]) - min(a[1], b[1]))

    def locate(text: str, officials: list[dict], stats: Counter) -> list[tuple[int, int]]:
        """Span rule: for each (official, title as written), every exact occurrence of the string in the text;
        keep the one nearest (smallest character gap) to any of that official's mentions (ties: the earlier),
        plus any other occurrence within ``--near`` characters of one of its mentions (a title repeated
        right beside the name). Identical spans from several officials are kept once."""
        spans: set[tuple[int, int]] = set()
        for o in officials:
            ments = [tuple(m) for m in o.get("mentions") or []]
            for tw in o.get("titles_as_written") or []:
                stats["titles"] += 1
                occ = occurrences(text, tw)
                if not occ:
                    stats["not_in_text"] += 1
                    continue
                if not ments:
                    stats["no_mentions_first_occurrence"] += 1
                    spans.add(occ[0])
                    continue
                best = min(occ, key=lambda s: (min(gap(s, m) for m in ments), s[0]))
                spans.add(best)
                stats["nearest"] += 1
                for s in occ:
                    if s != best and min(gap(s, m) for m in ments) <= args.near:
                        spans.add(s)
                        stats["extra_near_occurrence"] += 1
        stats["spans"] += len(spans)
        return sorted(spans)

    gstats: Counter = Counter()
    gold_spans = {i: locate(texts[i], gold[i]["officials"], gstats) for i in dev_ids}

    def in_train(i: str) -> bool:
        return int(hashlib.sha256(("spancat-v1:" + i).encode()).hexdigest()[:8], 16) / 2**32 < args.train_frac

    def in_tune(i: str) -> bool:  # the part of train that picks the checkpoint (model-best), never valid
        return int(hashlib.sha256(("spancat-v1-tune:" + i).encode()).hexdigest()[:8], 16) / 2**32 < args.tune_frac

    train_ids = [i for i in dev_ids if in_train(i)]
    valid_ids = [i for i in dev_ids if not in_train(i)]
    tune_ids = [i for i in train_ids if in_tune(i)]
    fit_ids = [i for i in train_ids if not in_tune(i)]

    # ---------------------------------------------------------------- rule output on dev (and extract timing)
    rules_path = work / "rules_dev.json"
    if rules_path.exists():
        rules = json.loads(rules_path.read_text())
    else:
        rules = {i: dvnlp.extract(texts[i], doc_id=i).to_dict() for i in dev_ids}
        for r in rules.values():
            r.pop("text", None)
        rules_path.write_text(json.dumps(rules, ensure_ascii=False))

    def rule_officials(r: dict) -> list[dict]:
        return [{"name": o["name"], "titles": o["titles"], "titles_as_written": o.get("titles_as_written") or [],
                 "mentions": o["mentions"]} for o in r["officials"]]

    # ---------------------------------------------------------------- tokenized span docs
    from spacy.tokens import DocBin, Span

    blank = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spancat_titles.Syllables.v1"}}})

    def make_doc(text: str, spans: list[tuple[int, int]], stats: Counter) -> Doc:
        doc = blank.make_doc(text)
        assert doc.text == text
        ok = []
        for s, e in spans:
            sp = doc.char_span(s, e, label="TITLE")
            if sp is None:
                stats["misaligned"] += 1
            else:
                stats["aligned"] += 1
                ok.append(sp)
        doc.spans["sc"] = ok
        # NER needs non-overlapping spans: keep the longer of two overlapping ones
        ents, last = [], -1
        for sp in sorted(ok, key=lambda x: (x.start, -(x.end - x.start))):
            if sp.start >= last:
                ents.append(sp)
                last = sp.end
            else:
                stats["overlap_dropped_for_ner"] += 1
        doc.ents = ents
        return doc

    astats: Counter = Counter()
    dev_docs = {i: make_doc(texts[i], gold_spans[i], astats) for i in dev_ids}
    report["gold"] = {"articles": len(dev_ids), "officials": sum(len(gold[i]["officials"]) for i in dev_ids),
                      "locating": dict(gstats), "alignment": dict(astats),
                      "train_articles": len(train_ids), "valid_articles": len(valid_ids),
                      "fit_articles": len(fit_ids), "tune_articles": len(tune_ids),
                      "fit_spans": sum(len(gold_spans[i]) for i in fit_ids),
                      "tune_spans": sum(len(gold_spans[i]) for i in tune_ids),
                      "valid_spans": sum(len(gold_spans[i]) for i in valid_ids),
                      "syllable_tokens": sum(len(d) for d in dev_docs.values())}
    print("gold", json.dumps(report["gold"]), file=sys.stderr)

    # ---------------------------------------------------------------- silver
    def silver_docs(n: int) -> tuple[list[Doc], dict]:
        path = work / f"silver_{n}_seed{args.seed}.spacy"
        meta_path = path.with_suffix(".json")
        if path.exists() and meta_path.exists():
            return list(DocBin().from_disk(path).get_docs(blank.vocab)), json.loads(meta_path.read_text())
        test_ids = set()
        for p in sorted((wt / "corpora/real/test").glob("*.jsonl")):  # ids only
            for line in p.open(encoding="utf-8"):
                if line.strip():
                    test_ids.add(json.loads(line)["id"])
        records = {}
        corpus = ev.shared() / "corpus"
        for name in ("genre.jsonl", "bulk_vntc_politics.jsonl.gz"):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(corpus / name, "rt", encoding="utf-8") as f:
                for line in f:
                    rec = json.loads(line)
                    records.setdefault(rec["id"], rec)
        banned_keys = {ev._text_key(records[i]["text"]) for i in (test_ids | set(dev_ids)) if i in records}
        cands = [i for i in records if i not in test_ids and i not in gold
                 and ev._text_key(records[i]["text"]) not in banned_keys]
        cands.sort(key=lambda i: hashlib.sha256(f"spancat-silver:{args.seed}:{i}".encode()).hexdigest())
        chosen = cands[:n]
        stexts = texts_of(records, chosen)
        sstats: Counter = Counter()
        out = []
        for i in chosen:
            if i not in stexts:
                continue
            r = dvnlp.extract(stexts[i], doc_id=i).to_dict()
            out.append(make_doc(stexts[i], locate(stexts[i], rule_officials(r), sstats), sstats))
        meta = {"candidates": len(cands), "chosen": len(out), "excluded_test_ids": len(test_ids),
                "excluded_by_text_key": sum(1 for i in records if i not in test_ids and i not in gold
                                            and ev._text_key(records[i]["text"]) in banned_keys),
                "stats": dict(sstats)}
        db = DocBin(store_user_data=False)
        for d in out:
            db.add(d)
        db.to_disk(path)
        meta_path.write_text(json.dumps(meta))
        return out, meta

    # ---------------------------------------------------------------- train
    def train(arch: str, n_silver: int) -> tuple[Path, dict]:
        name = f"{arch}_silver{n_silver}_seed{args.seed}"
        run_dir = work / name
        info: dict = {"name": name}
        sdocs, smeta = silver_docs(n_silver) if n_silver else ([], {})
        info["silver"] = smeta
        train_path, dev_path = work / f"{name}.train.spacy", work / "tune.spacy"
        db = DocBin(store_user_data=False)
        for i in fit_ids:
            db.add(dev_docs[i])
        for d in sdocs:
            db.add(d)
        db.to_disk(train_path)
        db = DocBin(store_user_data=False)
        for i in tune_ids:
            db.add(dev_docs[i])
        db.to_disk(dev_path)
        if arch == "ner":
            block = NER_BLOCK.format(width=args.width)
            weights = "ents_f = 1.0\nents_p = 0.0\nents_r = 0.0\nents_per_type = null"
        else:
            block = SPANCAT_BLOCK.format(width=args.width, max_ngram=args.max_ngram)
            weights = "spans_sc_f = 1.0\nspans_sc_p = 0.0\nspans_sc_r = 0.0"
        cfg = CONFIG.format(seed=args.seed, comp=arch, width=args.width, depth=args.depth, comp_block=block,
                            max_steps=args.max_steps, eval_frequency=200, score_weights=weights)
        cfg_path = here / f"config_{arch}.cfg"
        cfg_path.write_text(cfg)
        best = run_dir / "model-best"
        if best.exists() and not args.retrain:
            info["trained"] = "cached"
            return best, info
        cmd = ["nice", "-n", "10", sys.executable, "-m", "spacy", "train", str(cfg_path), "--output", str(run_dir),
               "--paths.train", str(train_path), "--paths.dev", str(dev_path), "--code", str(Path(__file__).resolve())]
        t0 = time.time()
        log = (work / f"{name}.log").open("w")
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))
        try:
            proc.wait(timeout=args.minutes * 60)
            info["stopped"] = "finished"
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
            info["stopped"] = f"wall cap {args.minutes} min"
        info["train_seconds"] = round(time.time() - t0, 1)
        if not best.exists():
            raise SystemExit(f"training {name} produced no model (see {work / (name + '.log')})")
        return best, info

    # ---------------------------------------------------------------- metrics
    def span_prf(pred: dict[str, list], gold_: dict[str, list], ids: list[str]) -> dict:
        """pred/gold: id → list of (start, end); greedy one-to-one per article."""
        out = {}
        for mode in ("exact", "tf1"):
            tp = fp = fn = 0
            for i in ids:
                t = texts[i]
                g = list(gold_.get(i, []))
                used = set()
                for p in pred.get(i, []):
                    hit = None
                    for k, s in enumerate(g):
                        if k in used:
                            continue
                        if mode == "exact":
                            ok = tuple(s) == tuple(p)
                        else:
                            ok = gap(s, p) == 0 and min(s[1], p[1]) > max(s[0], p[0]) and \
                                sc.token_f1(t[s[0]:s[1]], t[p[0]:p[1]]) >= 0.8
                        if ok:
                            hit = k
                            break
                    if hit is None:
                        fp += 1
                    else:
                        used.add(hit)
                        tp += 1
                fn += len(g) - len(used)
            out[mode] = ev.prf(tp, fp, fn)
        return out

    def overlaps(a, spans) -> bool:
        return any(min(a[1], b[1]) > max(a[0], b[0]) for b in spans)

    rstats: Counter = Counter()
    rule_spans = {i: locate(texts[i], rule_officials(rules[i]), rstats) for i in dev_ids}
    report["rules_locating_valid_and_train"] = dict(rstats)

    def project_titles(pred_officials: dict[str, list], ids: list[str]) -> dict:
        c: Counter = Counter()
        errs: list = []
        for i in ids:
            ev._officials(gold[i]["officials"], pred_officials[i], sc, c, errs, i)
        return {"officials": ev.prf(c["officials_tp"], c["officials_fp"], c["officials_fn"]),
                "title_recall": ev.ratio(c, "title_r"), "title_precision": ev.ratio(c, "title_p")}

    def attach(i: str, extra: list[tuple[int, int]]) -> tuple[list[dict], int]:
        """Rule officials + each extra span given to the rule official with the nearest mention in the same
        sentence (within --attach-window characters), unless that official already has a matching title."""
        t = texts[i]
        offs = [dict(o, titles=list(o["titles"])) for o in rules[i]["officials"]]
        sents = rules[i]["sentences"]
        added = 0

        def sent_of(pos):
            return next((k for k, (a, b) in enumerate(sents) if a <= pos < b), -1)

        for s in extra:
            best = None
            for k, o in enumerate(offs):
                for m in o["mentions"]:
                    if sent_of(m[0]) != sent_of(s[0]) or overlaps(tuple(m), [s]):
                        continue
                    d = gap(tuple(m), s)
                    if d <= args.attach_window and (best is None or d < best[0]):
                        best = (d, k)
            if best is None:
                continue
            o = offs[best[1]]
            title = t[s[0]:s[1]]
            if any(sc.token_f1(title, x) >= 0.8 for x in o["titles"]):
                continue
            o["titles"].append(title)
            added += 1
        return offs, added

    def model_spans(nlp, arch: str, docs_texts: list[str]) -> list[list[tuple[int, int]]]:
        out = []
        for d in nlp.pipe(docs_texts, batch_size=32):
            spans = d.ents if arch == "ner" else d.spans.get("sc", [])
            out.append(sorted({(s.start_char, s.end_char) for s in spans if s.label_ == "TITLE"}))
        return out

    def gated_inputs(i: str) -> list[tuple[int, str]]:
        """The sentences that hold a mention of an official the rules found (the only place an added title can
        count in the project metric, which needs the person)."""
        t = texts[i]
        keep = []
        for a, b in rules[i]["sentences"]:
            if any(a <= m[0] < b for o in rules[i]["officials"] for m in o["mentions"]):
                keep.append((a, t[a:b]))
        return keep

    def predict_gated(nlp, arch: str, ids: list[str]) -> dict[str, list]:
        flat = [(i, a, s) for i in ids for a, s in gated_inputs(i)]
        res = model_spans(nlp, arch, [s for _, _, s in flat])
        out: dict[str, list] = {i: [] for i in ids}
        for (i, a, _), spans in zip(flat, res):
            out[i].extend((a + s, a + e) for s, e in spans)
        return {i: sorted(v) for i, v in out.items()}

    results: dict = {}
    valid_gold = {i: gold_spans[i] for i in valid_ids}
    rules_v = {i: rule_spans[i] for i in valid_ids}
    results["rules"] = {"spans": span_prf(rules_v, valid_gold, valid_ids),
                        "project": project_titles({i: rules[i]["officials"] for i in valid_ids}, valid_ids)}

    models = {}
    for run in args.runs:
        arch, n = run.split(":")[0], int(run.split(":")[1])
        assert arch in ("ner", "spancat"), run
        best, info = train(arch, n)
        nlp = spacy.load(best)
        key = f"{arch}+silver{n}"
        models[key] = (nlp, arch)
        full = dict(zip(valid_ids, model_spans(nlp, arch, [texts[i] for i in valid_ids])))
        gated = predict_gated(nlp, arch, valid_ids)
        entry = {"train": info, "meta_best": json.loads((best / "meta.json").read_text()).get("performance")}
        for vname, pred in (("full", full), ("gated", gated)):
            union = {i: sorted(set(rule_spans[i]) | {s for s in pred[i] if not overlaps(s, rule_spans[i])})
                     for i in valid_ids}
            extra = {i: [s for s in pred[i] if not overlaps(s, rule_spans[i])] for i in valid_ids}
            attached = {i: attach(i, extra[i]) for i in valid_ids}
            entry[vname] = {
                "model_spans": span_prf(pred, valid_gold, valid_ids),
                "union_spans": span_prf(union, valid_gold, valid_ids),
                "union_project": project_titles({i: attached[i][0] for i in valid_ids}, valid_ids),
                "titles_attached": sum(a for _, a in attached.values()),
            }
        results[key] = entry
        print(key, json.dumps(entry), file=sys.stderr)
    report["valid"] = results

    # ---------------------------------------------------------------- speed (same valid articles)
    from underthesea import word_tokenize

    nlp_rules = dvnlp.default_pipeline()
    dvnlp.extract(dvnlp.pipeline.WARM_UP_TEXT)
    word_tokenize("Khởi động.")
    vtexts = [texts[i] for i in valid_ids]
    gated_texts = [s for i in valid_ids for _, s in gated_inputs(i)]
    runs = {"baseline_word_tokenize": lambda: [word_tokenize(line) for t in vtexts for line in t.splitlines()
                                                 if line.strip()],
            "dvnlp_extract": lambda: [dvnlp.extract(t) for t in vtexts]}
    for key, (nlp, arch) in models.items():
        runs[f"model_full:{key}"] = (lambda nlp=nlp: list(nlp.pipe(vtexts, batch_size=32)))
        runs[f"model_gated:{key}"] = (lambda nlp=nlp: list(nlp.pipe(gated_texts, batch_size=32)))
    for f in runs.values():
        f()  # warm
    cpu: dict[str, list] = defaultdict(list)
    wall: dict[str, list] = defaultdict(list)
    for _ in range(args.speed_rounds):
        for name, f in runs.items():
            c, w = time.process_time(), time.perf_counter()
            f()
            cpu[name].append(time.process_time() - c)
            wall[name].append(time.perf_counter() - w)
    speed = {"docs": len(vtexts), "gated_sentences": len(gated_texts), "rounds": args.speed_rounds}
    for name in runs:
        m = statistics.median(cpu[name])
        speed[name] = {"cpu_s": round(m, 3), "docs_per_s_cpu": round(len(vtexts) / m, 1),
                       "wall_s_median": round(statistics.median(wall[name]), 3)}
    base = statistics.median(cpu["baseline_word_tokenize"])
    ext = statistics.median(cpu["dvnlp_extract"])
    speed["extract_vs_baseline"] = round(base / ext, 2)
    for key in models:
        for v in ("full", "gated"):
            m = statistics.median(cpu[f"model_{v}:{key}"])
            speed[f"extract+model_{v}:{key}_vs_baseline"] = round(base / (ext + m), 2)
    speed["target"] = "API loop >= 1.5x the underthesea word_tokenize baseline (README, structure issue)"
    report["speed"] = speed
    Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(json.dumps(speed, indent=1))


if __name__ == "__main__":
    main()
