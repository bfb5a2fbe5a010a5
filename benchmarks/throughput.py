"""Throughput of ``dvnlp batch``: bare underthesea vs the full pipeline on 1 and 2 workers.

Usage::

    python benchmarks/throughput.py [--corpus ../shared/corpus/bulk_vntc_politics.jsonl.gz] [--n 300]
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

What the profile taught (``--profile 60``: cProfile, then each stage timed without the profiler;
2-CPU dev container, VNTC politics articles of ~2,300 characters, ~85 ms per document):

* The tokenizer stage (normalization, protection of symbols/numbers, underthesea) is ~60% of the
  time; inside it underthesea's CRF featurizer and tagger are about half. The full pipeline
  runs at ~0.34x the syllables/s of bare ``word_tokenize``.
* ``dvnlp_sentences`` is next (~14%) and it is *quadratic*: spaCy's ``Token.is_sent_start``
  setter calls ``doc.has_annotation("DEP")``, which scans the whole doc, once per token. On a
  30,000-character document it takes 1.2 of 2.0 s; a 300 KB report would take minutes. Setting
  the starts in one ``doc.from_array([SENT_START], …)`` call fixes it (components' owner).
* cProfile makes ``Doc.text`` look expensive (every component rebuilds it from Token objects);
  measured without the profiler it is ~4%. Checks, ``Report`` and JSON are ~3%; the manifest's
  per-record flushes do not show.
* Cold start is imports, not loading: spaCy ~1.5-3.5 s (cache-dependent), scikit-learn + skops
  ~5 s on the first document that names a model, ``dvnlp.load()`` ~1.2 s. Hence the
  ``forkserver`` preload in :mod:`dvnlp.batch.pool`: imports are paid once per run, and a forked
  worker is ready in ~2 s (measured: 15 docs on 2 workers went from 30 s to 9 s).
* Two workers on two CPUs: ~1.6x in steady state (the parent reads, converts HTML, writes and
  flushes on the same CPUs). On a 300-document sample the wall-clock gain is smaller because
  the ~8 s start of the pool is a large part of it; on the 12,786-document corpus it vanishes.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
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
    t = time.perf_counter()
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                word_tokenize(line)
                syllables += len(line.split())
    return {"seconds": time.perf_counter() - t, "syllables": syllables, "docs": len(texts)}


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

    thread = threading.Thread(target=sample_rss, daemon=True)
    thread.start()
    times = _Times()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        summary = run_batch([sample], Path(tmp) / "out.jsonl", workers=workers, reporter=times)
        wall = time.perf_counter() - t
    stop.set()
    thread.join()
    rss = [vm_hwm(me)] if workers == 1 else sorted(peaks.values())
    steady = (times.n - 1) / (times.last - times.first) if times.n > 1 and times.last > times.first else None
    return {"workers": workers, "wall": wall, "docs": summary.documents, "errors": summary.errors,
            "steady_docs_s": steady, "rss": rss}


def child_cold() -> dict:
    t0 = time.perf_counter()
    import dvnlp

    t1 = time.perf_counter()
    nlp = dvnlp.load()
    t2 = time.perf_counter()
    nlp("Năm 2022, toàn huyện có 58 mô hình.")
    t3 = time.perf_counter()
    nlp(MODEL_DOC)
    t4 = time.perf_counter()
    return {"import": t1 - t0, "load": t2 - t1, "first_doc": t3 - t2, "first_model_doc": t4 - t3}


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
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile the first N sample documents")
    ap.add_argument("--json", action="store_true", help="also print the raw numbers as JSON")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        print(json.dumps(child_cold() if kind == "cold" else child_run(Path(rest[0]), int(rest[1]))))
        return
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: not found (the shared corpus sits at ../shared beside the checkout)")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        texts = make_sample(args.corpus, args.n, sample)
        syl = sum(len(t.split()) for t in texts)
        base = baseline(texts)
        w1 = run_child("run", str(sample), "1")
        w2 = run_child("run", str(sample), "2")
        cold = run_child("cold")
        if args.profile:
            profile(texts[: args.profile])
    b_rate = base["syllables"] / base["seconds"]
    mb = 2**20

    def row(name: str, r: dict) -> str:
        rate, steady = r["docs"] / r["wall"], r["steady_docs_s"] or 0
        rss = ", ".join(f"{x / mb:.0f}" for x in r["rss"] if x)
        return (f"| {name} | {r['wall']:.1f} | {rate:.2f} | {steady:.2f} | {steady * syl / len(texts):,.0f} | "
                f"{steady * syl / len(texts) / b_rate:.2f}x | {steady / (w1['steady_docs_s'] or 1):.2f}x | {rss} |")

    print(f"\nMachine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}; "
          f"sample: first {len(texts)} records of {args.corpus.name} ({syl:,} syllables, "
          f"{sum(map(len, texts)) / len(texts):,.0f} chars/doc)\n")
    print("| run | wall s | docs/s (wall) | docs/s (steady) | syllables/s | vs baseline | vs 1 worker "
          "| peak RSS/worker MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| underthesea.word_tokenize (baseline, line by line) | {base['seconds']:.1f} | "
          f"{base['docs'] / base['seconds']:.2f} | {base['docs'] / base['seconds']:.2f} | {b_rate:,.0f} | 1.00x | | |")
    print(row("dvnlp batch --workers 1", w1))
    print(row("dvnlp batch --workers 2", w2))
    print(f"\nCold start (fresh process): import dvnlp {cold['import']:.2f} s, load() {cold['load']:.2f} s, "
          f"first document {cold['first_doc']:.2f} s, first document naming a model {cold['first_model_doc']:.2f} s "
          f"(process total {cold['process_wall']:.1f} s).")
    if args.json:
        print(json.dumps({"baseline": base, "workers_1": w1, "workers_2": w2, "cold": cold}, indent=1))


if __name__ == "__main__":
    main()
