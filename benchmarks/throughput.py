"""Throughput of ``dvnlp batch``: bare underthesea vs the full pipeline on 1 and 2 workers.

Usage::

    python benchmarks/throughput.py [--corpus ../shared/corpus/bulk_vntc_politics.jsonl.gz] [--n 300] [--repeats 3]
                                    [--profile 60] [--json]

Sample: the first ``--n`` records of the corpus, read (HTML → text) with :func:`dvnlp.ingest.iter_documents`
and written to a temporary JSONL, so every measurement sees exactly the same texts and none
pays for HTML parsing. Measured in one run:

* **baseline** — ``underthesea.word_tokenize`` over the same texts line by line, in this process
  (syllables = whitespace-separated pieces of the text);
* **dvnlp, 1 and 2 workers** — ``run_batch`` (the code of ``dvnlp batch --workers N``: pipeline,
  checks, JSON, manifest, cross-document check, atomic output) each in a fresh subprocess. *wall*
  includes starting the workers; *steady* is the rate between the first and the last finished
  document. Peak RSS per worker is ``VmHWM`` from ``/proc`` (Linux): the process itself for 1
  worker (it runs in-process), the pool's worker processes for 2;
* **cold start** — a fresh ``python -c 'import dvnlp; dvnlp.load()'``, then the first document
  (underthesea's tagger loads on first use) and the first document naming a model (the
  scikit-learn field classifier loads on first use).

``--repeats R`` (default 3) interleaves R rounds of baseline, 1 worker and 2 workers and reports
medians: on this shared 2-vCPU machine the baseline alone varies by ±25% from one minute to
the next, so a single round can put the ratios anywhere between 0.8x and 1.1x.

What the profile taught (``--profile 150``: each stage timed on a first, cold-cache pass, then
cProfile; VNTC politics articles of ~2,300 characters):

* **Segmentation was the cost, and most of it was feature strings.** ``word_tokenize`` spends
  ~65% of its time in ``underthesea_core.CRFFeaturizer``, which builds 43 Python strings per
  syllable; the tagger then ignores the ~45% its model has never seen. :mod:`dvnlp.segment.crf`
  emits only the features the model knows (read from the CRFsuite file's attribute dictionary),
  caches them per syllable, and gives an n-gram the model does not know as text a precomputed
  row: same words (tested line for line), ~1.8x the speed of ``word_tokenize`` on unseen text.
  A first version cached bigrams and trigrams too and looked 3x faster — on texts it had
  already seen; they rarely repeat, so cold timing is the honest one.
* **Big word alternations are slow in ``re``.** ``Phó Chủ tịch|Chủ tịch|…`` over 120 titles or
  155 organization words is tried word by word at every position; the same lists as
  trie-shaped regexes (``retrie``) give identical matches 2-5x faster (officials went from 17% to
  8% of the time; the lexicon pass in the tokenizer from 13% of the tokenizer to 4%).
* **Python objects per token add up.** ``doc.text`` rebuilt from Token objects in each of eight
  components was ~10% (now cached once per Doc: :func:`dvnlp.segment.extensions.doc_text`);
  the sentence splitter created a Token per word (now ``doc.to_array``); the tone-folding of
  field keywords ran NFD per character (now ``str.translate``).
* ``dvnlp_sentences`` used to be quadratic: spaCy's ``Token.is_sent_start`` setter scans the
  whole doc; one ``doc.from_array([SENT_START], …)`` call fixed it.
* Cold start is imports, not loading: spaCy ~1-3 s (cache-dependent), ``dvnlp.load()`` ~1.2 s,
  the CRF model ~0.3 s on the first document, scikit-learn + skops ~4-5 s on the first
  document that names a model. Hence the ``forkserver`` preload in :mod:`dvnlp.batch.pool`:
  imports are paid once per run and a forked worker is ready in ~2 s.
* The public API was the slow path: ``dvnlp.extract`` built a pipeline per call (0.03x). It now reuses
  :func:`dvnlp.default_pipeline`; the ``api`` rows measure that loop and ``extract_many``.
* Per stage with ``time.process_time`` (300 docs, a busy machine): tokenizer ~70% (underthesea's syllable
  regex ~0.55 s of which ~40% was its per-match ``groupdict`` walk — now ``group(0)``, identical tokens; the
  featurizer ~1.1 s; the Rust tagger ~0.85 s), officials ~7%, counts ~6%, breakdowns ~5%, the rest small.
  Wall-clock timing on a shared machine varied 2x between minutes; interleaved rounds did not. CPU time is
  steadier but not immune: with another CPU-bound job on the second vCPU, the CPU-time ratios fell from
  ~1.1x to ~1.0x (shared caches), so figures for the README come from an idle machine.
* This release (``process_time``, 300 docs): the tokenizer was ~51% of the baseline's own time. Three
  identical-output changes took it to ~40%: a whitespace chunk of letters only is one syllable, so
  underthesea's combined syllable regex runs only on chunks with digits or punctuation (the one
  alternative that cuts a run of letters, ``Th.S`` with an unescaped dot, is kept on the regex path;
  the spans are tested equal to the full pattern on the genre corpus); the feature rows of bigrams and
  trigrams the model knows *as text* are cached (a few thousand, frequent in news — unknown ones
  already shared four precomputed rows); a word with no protected span inside is kept without a
  strip. In ``dvnlp batch``, ~17% of one worker's time was the reader scoring every JSONL record's
  syllables for its ``encoding_confidence`` one by one: ``is_vietnamese_syllable`` is now memoized.
* Why one worker was slower than the API loop (0.69x against 0.92x): that syllable scoring of its input
  (~17%), plus what only a batch does — checks, JSON, the manifest and the output file (~10% of its
  CPU). The CPU rows build the pipeline before timing, as the API rows always did.
* Why the 1.5x target is out of reach of this design (``process_time`` per stage as a share of the baseline's own
  time, 300 docs, 2026-12-03): the tokenizer is ~0.55-0.6 — the CRF features ~0.19 (a 12-way tuple concatenation
  per syllable; skipping the n-gram strings that cannot be known saved 2%, within noise, and was not kept), the
  Rust tagger ~0.18 (the baseline pays the same), protected spans ~0.04, syllable spans ~0.04, spaCy's ``Doc``
  with its lexeme attributes ~0.05 — and the twelve components, report, checks and JSON ~0.35-0.4, spread
  thin (officials ~0.10, counts ~0.09, breakdowns ~0.06, checks ~0.04, dates ~0.03, no other above 0.02). 1.5x
  means a total of 0.67: with the tagger alone at 0.18 that leaves ~0.5 for featurizing, spaCy and every
  component together, which needs the featurizer in compiled code (or far fewer components), not more
  Python-level trimming.
* The tagger was not untouchable after all (2026-12-04): the model is linear, so the cached feature rows can
  hold their weight sums per label instead of strings, and a two-label Viterbi over those sums
  (:mod:`dvnlp.segment.crf`, weights read by :mod:`dvnlp.segment.crfsuite`) replaces building ~30 strings per
  syllable for ``underthesea_core.CRFTagger`` to hash and look up. Same tags (tested against the tagger and
  against ``word_tokenize`` on the genre corpus); the segmenter alone went from ~1.8x to ~3.6x
  ``word_tokenize``, features + tagging from ~0.27 to ~0.15 of the baseline's time (2,200 lines, one process). What is left
  is Python per syllable (cache lookups and the n-gram strings that key them, ~0.6 µs each) and the
  components, so 1.5x still needs either compiled code or fewer passes over the text.
* Compiled code after all (2026-12-04, second session): the decoder's per-syllable loop (``_crfdecode.pyx``, built
  by ``pip install`` with Cython; the Python path stays as the reference and the fallback), then the syllable
  spans and the joining of syllables into words: tokenizer ~0.37 → ~0.24 of the baseline's time. ``perf`` on the
  compiled loop: ~25% is hash lookups (the caches, the model's n-gram sets, the dictionary), ~10% the cyclic GC, the
  rest string building and copying; a merged string→bits index for the set lookups measured no faster and was
  dropped.
* ``re`` tries a pattern at every position unless it starts with a literal or a character class; a pattern that
  starts with a look-behind or a case-insensitive word pays ~20-70 ns per character of every scan. Written to start
  with the class instead (the look-behind moved after the first character, ``\\d(?<![\\d/.,]\\d)``; a keyword
  list dispatched on its first letter, :func:`dvnlp.segment.patterns.by_first_letter`), with the same matches tested
  against the plain forms on the genre corpus: the tone rewrite 14x, the digit patterns 2-3x, the field keywords
  (a flat alternation of named groups) 0.29 s → 0.08 s per 300 articles. Tries of hundreds of titles gain nothing:
  their first letters cover most of the alphabet.
* One full collection of the cyclic GC walked the loaded pipeline's ~220,000 objects for ~0.18 s of a 300-article
  batch and freed nothing: a batch now freezes them while it runs (:func:`dvnlp.batch.work.frozen_heap`). The API
  loop still pays it (a library cannot freeze its caller's objects for good).
* Two workers on two CPUs: the parent (reading, writing, manifest) uses ~2 s of CPU per 600
  documents, so the pool scales ~2x; after the segmenter got faster the start of the pool is a
  visible share of a 600-document run, and none of the 12,786-document corpus.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bulk_vntc_politics.jsonl.gz"
MODEL_DOC = "Mô hình “Camera an ninh kết nối khu dân cư” được nhân rộng ở 12 thôn, làng."


def vm_hwm(pid: int) -> int | None:
    """Peak resident set size of a process in bytes (Linux ``/proc/PID/status``)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def make_sample(corpus: Path, n: int, out: Path) -> list[str]:
    from dvnlp.ingest import RawDocument, iter_documents

    texts = []
    with open(out, "w", encoding="utf-8") as fh:
        for item in itertools.islice(iter_documents([corpus]), n):
            if isinstance(item, RawDocument):
                texts.append(item.text)
                fh.write(json.dumps({"id": item.id, "text": item.text}, ensure_ascii=False) + "\n")
    return texts


def baseline(texts: list[str]) -> dict:
    from underthesea import word_tokenize

    word_tokenize("Khởi động.")
    syllables = 0
    t, c = time.perf_counter(), time.process_time()
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                word_tokenize(line)
                syllables += len(line.split())
    return {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c, "syllables": syllables,
            "docs": len(texts)}


class _Times:
    def __init__(self) -> None:
        self.first = self.last = None
        self.n = 0

    def start(self, total, done) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        now = time.perf_counter()
        self.first = self.first or now
        self.last = now
        self.n += n


def child_run(sample: Path, workers: int) -> dict:
    """In a fresh process: the batch, its timing and the peak RSS of whoever ran the pipeline."""
    import psutil

    from dvnlp.batch.pool import run_batch

    me = os.getpid()
    peaks: dict[int, int] = {}
    stop = threading.Event()

    def sample_rss() -> None:
        while not stop.is_set():
            for p in psutil.Process(me).children(recursive=True):
                if p.ppid() != me:  # forked by the fork server: a pool worker
                    peaks[p.pid] = max(peaks.get(p.pid, 0), vm_hwm(p.pid) or 0)
            stop.wait(0.25)

    if workers == 1:  # the in-process pipeline, built and warmed before timing as in the API rows
        import dvnlp

        dvnlp.extract(MODEL_DOC)
    thread = threading.Thread(target=sample_rss, daemon=True)
    thread.start()
    times = _Times()
    with tempfile.TemporaryDirectory() as tmp:
        t, c = time.perf_counter(), time.process_time()
        summary = run_batch([sample], Path(tmp) / "out.jsonl", workers=workers, reporter=times)
        wall, cpu_run = time.perf_counter() - t, time.process_time() - c
    stop.set()
    thread.join()
    rss = [vm_hwm(me)] if workers == 1 else sorted(peaks.values())
    steady = (times.n - 1) / (times.last - times.first) if times.n > 1 and times.last > times.first else None
    cpu = psutil.Process(me).cpu_times()
    return {"workers": workers, "wall": wall, "cpu": cpu_run, "docs": summary.documents, "errors": summary.errors,
            "steady_docs_s": steady, "rss": rss, "parent_cpu_s": cpu.user + cpu.system}


def child_api(sample: Path, mode: str) -> dict:
    """In a fresh process: the public API over the sample — ``for t in texts: dvnlp.extract(t)`` (``loop``)
    or ``dvnlp.extract_many(texts, n_process=N)`` (``many:N``); the pipeline is warmed up first."""
    import dvnlp

    texts = [json.loads(line)["text"] for line in sample.open(encoding="utf-8")]
    dvnlp.extract(MODEL_DOC)  # build the default pipeline, load the tagger and the classifier
    t, c = time.perf_counter(), time.process_time()
    if mode == "loop":
        n = sum(1 for text in texts if dvnlp.extract(text) is not None)
    else:
        n = sum(1 for _ in dvnlp.extract_many(texts, n_process=int(mode.split(":")[1])))
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return {"mode": mode, "wall": wall, "cpu": cpu, "docs": n, "rss": [vm_hwm(os.getpid())]}


def child_paired(sample: Path, chunk: int = 10) -> dict:
    """In a fresh process: ``word_tokenize`` and ``dvnlp.extract`` over the same texts, alternating every
    ``chunk`` documents (which goes first alternates too), each one's CPU time summed. A slow spell of a
    shared machine then hits both sides alike, which separate runs minutes apart cannot promise."""
    from underthesea import word_tokenize

    import dvnlp

    texts = [json.loads(line)["text"] for line in sample.open(encoding="utf-8")]
    dvnlp.extract(MODEL_DOC)
    word_tokenize("Khởi động.")
    cpu = {"baseline": 0.0, "api": 0.0}

    def base(part: list[str]) -> None:
        for text in part:
            for line in text.splitlines():
                if line.strip():
                    word_tokenize(line)

    def api(part: list[str]) -> None:
        for text in part:
            dvnlp.extract(text)

    for i in range(0, len(texts), chunk):
        part = texts[i:i + chunk]
        order = (("baseline", base), ("api", api)) if (i // chunk) % 2 == 0 else (("api", api), ("baseline", base))
        for name, run in order:
            c = time.process_time()
            run(part)
            cpu[name] += time.process_time() - c
    return cpu


def child_cold() -> dict:
    t0 = time.perf_counter()
    import dvnlp

    t1 = time.perf_counter()
    dvnlp.extract("Năm 2022, toàn huyện có 58 mô hình.")
    t2 = time.perf_counter()
    dvnlp.extract(MODEL_DOC)
    t3 = time.perf_counter()
    return {"import": t1 - t0, "first_extract": t2 - t1, "first_model_doc": t3 - t2}


def run_child(*args: str) -> dict:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_wall"] = time.perf_counter() - t
    return result


def profile(texts: list[str], top: int = 25) -> None:
    """Each pipeline stage timed on a first (cold-cache) pass, then cProfile on a second pass."""
    import cProfile
    import pstats

    import dvnlp
    from dvnlp.checks import check
    from dvnlp.facts import report_from_doc

    nlp = dvnlp.load()
    nlp(MODEL_DOC)
    stages: dict[str, float] = {}
    for text in texts:
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        stages["tokenizer (normalize + underthesea CRF)"] = stages.get("tokenizer (normalize + underthesea CRF)", 0) + (
            time.perf_counter() - t)
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            stages[name] = stages.get(name, 0) + time.perf_counter() - t
        t = time.perf_counter()
        json.dumps(check(report_from_doc(doc)).to_dict(), ensure_ascii=False)
        stages["report + checks + JSON"] = stages.get("report + checks + JSON", 0) + time.perf_counter() - t
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        check(report_from_doc(nlp(text)))
    prof.disable()
    pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(top)
    total = sum(stages.values())
    print(f"\n| stage ({len(texts)} docs, first pass) | seconds | share |\n| --- | ---: | ---: |")
    for name, sec in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {sec:.2f} | {sec / total:.0%} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3, help="interleaved rounds of the three measurements")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile the first N sample documents")
    ap.add_argument("--json", action="store_true", help="also print the raw numbers as JSON")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "cold":
            print(json.dumps(child_cold()))
        elif kind == "api":
            print(json.dumps(child_api(Path(rest[0]), rest[1])))
        elif kind == "paired":
            print(json.dumps(child_paired(Path(rest[0]))))
        else:
            print(json.dumps(child_run(Path(rest[0]), int(rest[1]))))
        return
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: not found (the shared corpus sits at ../shared beside the checkout)")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        texts = make_sample(args.corpus, args.n, sample)
        syl = sum(len(t.split()) for t in texts)
        rounds = []
        for _ in range(max(1, args.repeats)):  # interleaved, so a slow spell of the machine hits all three
            base = baseline(texts)
            rounds.append({"baseline": base, "workers_1": run_child("run", str(sample), "1"),
                           "workers_2": run_child("run", str(sample), "2"),
                           "api_loop": run_child("api", str(sample), "loop"),
                           "extract_many_2": run_child("api", str(sample), "many:2"),
                           "paired": run_child("paired", str(sample))})
        cold = run_child("cold")
        if args.profile:
            profile(texts[: args.profile])
    per_doc = syl / len(texts)

    def rates(r: dict) -> tuple[float, float, float, float, float]:
        b = r["baseline"]["syllables"] / r["baseline"]["seconds"]
        return (b, (r["workers_1"]["steady_docs_s"] or 0) * per_doc, (r["workers_2"]["steady_docs_s"] or 0) * per_doc,
                syl / r["api_loop"]["wall"], syl / r["extract_many_2"]["wall"])

    table = [rates(r) for r in rounds]
    med = statistics.median
    b_rate, w1_rate, w2_rate, api_rate, many_rate = (med(col) for col in zip(*table))
    vs_base_1, vs_base_2 = med(t[1] / t[0] for t in table), med(t[2] / t[0] for t in table)
    vs_base_api, vs_base_many = med(t[3] / t[0] for t in table), med(t[4] / t[0] for t in table)
    vs_one = med(t[2] / t[1] for t in table if t[1])
    mb = 2**20
    last = rounds[-1]

    def rss(r: dict) -> str:
        return ", ".join(f"{x / mb:.0f}" for x in r["rss"] if x)

    print(f"\nMachine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}; "
          f"sample: first {len(texts)} records of {args.corpus.name} ({syl:,} syllables, "
          f"{sum(map(len, texts)) / len(texts):,.0f} chars/doc)\n")
    print(f"Median of {len(rounds)} interleaved round(s); ratios are taken within each round, then the median.\n")
    print("| run | syllables/s | docs/s (steady) | vs baseline | vs 1 worker | peak RSS/worker MB | parent CPU s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| underthesea.word_tokenize (baseline, line by line) | {b_rate:,.0f} | {b_rate / per_doc:.2f} | 1.00x | | | |")
    print(f"| dvnlp batch --workers 1 | {w1_rate:,.0f} | {w1_rate / per_doc:.2f} | {vs_base_1:.2f}x | 1.00x "
          f"| {rss(last['workers_1'])} | {last['workers_1']['parent_cpu_s']:.1f} |")
    print(f"| dvnlp batch --workers 2 | {w2_rate:,.0f} | {w2_rate / per_doc:.2f} | {vs_base_2:.2f}x | {vs_one:.2f}x "
          f"| {rss(last['workers_2'])} | {last['workers_2']['parent_cpu_s']:.1f} |")
    print(f"| `for t in texts: dvnlp.extract(t)` | {api_rate:,.0f} | {api_rate / per_doc:.2f} | {vs_base_api:.2f}x | "
          f"| {rss(last['api_loop'])} | |")
    print(f"| `dvnlp.extract_many(texts, n_process=2)` (wall, pool start included) | {many_rate:,.0f} | "
          f"{many_rate / per_doc:.2f} | {vs_base_many:.2f}x | | | |")
    print("\nPer round (baseline syl/s; 1 worker vs baseline; 2 workers vs 1 worker; API loop vs baseline): " + "; ".join(
        f"{b:,.0f}, {w1 / b:.2f}x, {w2 / w1:.2f}x, {api / b:.2f}x" for b, w1, w2, api, _ in table if w1))
    cpu_rows = [(syl / r["baseline"]["cpu"], syl / r["workers_1"]["cpu"], syl / r["api_loop"]["cpu"]) for r in rounds]
    cb, cw, ca = (med(col) for col in zip(*cpu_rows))
    print("\nOne core by CPU time (``time.process_time`` of the process doing the work: the baseline loop, the "
          "API loop, the whole `run_batch` of one worker — reading, checks, JSON, manifest, output — each pipeline "
          "built before timing; steadier than wall time, but other load still inflates them — run on an idle machine):\n")
    print("| run | syllables per CPU-second | vs baseline |\n| --- | ---: | ---: |")
    print(f"| underthesea.word_tokenize (baseline) | {cb:,.0f} | 1.00x |")
    print(f"| dvnlp batch --workers 1 | {cw:,.0f} | {med(w / b for b, w, _ in cpu_rows):.2f}x |")
    print(f"| `for t in texts: dvnlp.extract(t)` | {ca:,.0f} | {med(x / b for b, _, x in cpu_rows):.2f}x |")
    best_b, best_w, best_a = (max(col) for col in zip(*cpu_rows))
    paired = [r["paired"]["baseline"] / r["paired"]["api"] for r in rounds]
    print(f"\nBest round of each (the least disturbed run of each, by CPU time): one worker {best_w / best_b:.2f}x, "
          f"API loop {best_a / best_b:.2f}x. API loop and baseline alternating every 10 documents in one process "
          f"(CPU time; the two sides see the same load): {med(paired):.2f}x (rounds "
          + ", ".join(f"{x:.2f}" for x in paired) + ").")
    print(f"\nCold start (fresh process): import dvnlp {cold['import']:.2f} s, first dvnlp.extract "
          f"{cold['first_extract']:.2f} s (builds the default pipeline), first document naming a model "
          f"{cold['first_model_doc']:.2f} s (process total {cold['process_wall']:.1f} s).")
    if args.json:
        print(json.dumps({"rounds": rounds, "cold": cold}, indent=1))


if __name__ == "__main__":
    main()
