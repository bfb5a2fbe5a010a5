"""OCR quality on scanned pages made from project-written text: symbols and names found, character error rate.

    python benchmarks/ocr_eval.py [--gold 6] [--skip 0] [--any-gold] [--source devset] [--dpi 200] [--json]

Pages: the two sample reports (corpora/samples, the second is also the shared seed) and the first
``--gold`` documents of corpora/gold/docs.jsonl (written by the dvnlp team) that cite a document
(chosen by their gold annotation, before any OCR); with ``--skip K`` the K such documents before
them are passed over and the samples left out, so ``--skip 6 --gold 8`` is a held-out set of pages
(the gold documents after the default six, which the repair was tuned on). With ``--source devset`` the
pages are instead every report of the shared development set (``../shared/devset/docs.jsonl``, all of
them, a rule fixed before any was rendered), and names are also counted against its gold officials.
``PYTHONPATH`` set, the dvnlp it names is measured (another checkout's, for a before figure); the
path of the dvnlp measured is printed. Each is rendered by
tests/fixtures/scans.py with DejaVu Serif 12 pt at ``--dpi`` into an image-only PDF, twice: clean,
and noisy (0.5% of pixels flipped, blurred, skewed 1°). Each PDF goes through
:func:`dvnlp.ingest.pdf_to_text` (render at 300 dpi, Tesseract ``vie``, then the syllable repair).

Measured per variant, over all documents:

* **symbols** — of the document symbols (``1562/QĐ-UBND``) dvnlp extracts from the source text, the
  share dvnlp extracts again from the OCR text (``extracted``, over all of them), and of those written
  verbatim in the source, the share the OCR text contains verbatim (``in text``; a symbol written
  ``215 - QĐ/HU`` is extracted in canonical form, so it is not verbatim in either);
* **names** — the same for officials' names;
* **CER** — Levenshtein distance between the source and OCR texts (whitespace collapsed) over the
  source length; with ``--raw`` also before :func:`dvnlp.ingest.ocr.repair_ocr_text` (``CER raw``,
  a second OCR pass), which shows what the repair is worth.

Needs the ``ocr`` extra and ``tesseract-ocr tesseract-ocr-vie fonts-dejavu-core``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
if not os.environ.get("PYTHONPATH"):  # PYTHONPATH names the dvnlp to measure (another checkout's)
    sys.path.insert(0, str(ROOT))
DEVSET = ROOT.parent / "shared" / "devset" / "docs.jsonl"


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def sources(n_gold: int, any_gold: bool = False, skip: int = 0) -> list[tuple[str, str]]:
    """The samples (unless ``skip``) and ``n_gold`` gold documents after the first ``skip`` chosen ones."""
    docs = [] if skip else [(p.stem, p.read_text(encoding="utf-8"))
                            for p in sorted((ROOT / "corpora" / "samples").glob("*.txt"))]
    chosen = 0
    with open(ROOT / "corpora" / "gold" / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if chosen >= skip + n_gold:
                break
            record = json.loads(line)
            if any_gold or record.get("documents"):  # that cite a document, so that symbols are measured
                chosen += 1
                if chosen > skip:
                    docs.append((record["id"], record["text"]))
    return docs


def devset_sources() -> list[tuple[str, str, list[str]]]:
    """Every report of the shared development set (``../shared/devset/docs.jsonl``, all of them: the
    rule was fixed before any of them was rendered), with its gold officials' names."""
    with open(DEVSET, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [(r["id"], r["text"], [o["name"] for o in r.get("officials", [])]) for r in records]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=int, default=6, help="gold documents to add to the two samples")
    parser.add_argument("--skip", type=int, default=0,
                        help="pass over this many chosen gold documents first and leave the samples out (held-out pages)")
    parser.add_argument("--dpi", type=int, default=200, help="resolution of the 'scans'")
    parser.add_argument("--any-gold", action="store_true", help="the first --gold documents, cited or not")
    parser.add_argument("--raw", action="store_true", help="also measure the CER before the repair (OCR twice)")
    parser.add_argument("--misses", action="store_true", help="list the names and symbols the OCR text loses")
    parser.add_argument("--source", choices=("gold", "devset"), default="gold",
                        help="gold: the samples and corpora/gold documents (--gold/--skip/--any-gold); devset: every "
                             "report of ../shared/devset/docs.jsonl, pages never rendered before (names also against its gold)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import dvnlp
    print(f"dvnlp: {dvnlp.__file__}", file=sys.stderr)
    from dvnlp.ingest import pdf_to_text
    from dvnlp.ingest.ocr import ocr_unavailable
    from dvnlp.normalize import normalize
    from scans import font_missing, paginate, scanned_pdf

    problem = ocr_unavailable() or font_missing()
    if problem:
        sys.exit(problem)
    nlp = dvnlp.load()

    def facts(text: str) -> tuple[set[str], set[str]]:
        report = dvnlp.extract(text, nlp=nlp)
        return {d.symbol for d in report.documents if d.symbol}, {o.name for o in report.officials}

    if args.source == "devset":
        documents = devset_sources()
    else:
        documents = [(name, text, []) for name, text in sources(args.gold, args.any_gold, args.skip)]
    variants = {"clean": {}, "noisy": {"noise": 0.005, "skew": 1.0}}
    rows = {}
    for variant, style in variants.items():
        tally = dict.fromkeys(("pages", "symbols", "symbols_verbatim", "symbols_in_text", "symbols_extracted", "names",
                               "names_verbatim", "names_in_text", "names_extracted", "gold_names", "gold_from_source",
                               "gold_from_ocr", "chars", "edits", "edits_raw"), 0)
        tally["seconds"] = 0.0
        for name, raw, gold_names in documents:
            source = normalize(raw).text
            pages = paginate(source, dpi=args.dpi)
            data = scanned_pdf(pages, dpi=args.dpi, **style)
            t0 = time.perf_counter()
            decoded = pdf_to_text(data, source=name)
            tally["seconds"] += time.perf_counter() - t0
            tally["pages"] += len(pages)
            ocr = decoded.text
            symbols, names = facts(source)
            ocr_symbols, ocr_names = facts(ocr)
            flat_ocr, flat_source = flat(ocr), flat(source)
            tally["symbols"] += len(symbols)
            tally["symbols_verbatim"] += sum(s in flat_source for s in symbols)
            tally["symbols_in_text"] += sum(s in flat_ocr for s in symbols if s in flat_source)
            tally["symbols_extracted"] += len(symbols & ocr_symbols)
            tally["names"] += len(names)
            tally["names_verbatim"] += sum(n in flat_source for n in names)
            tally["names_in_text"] += sum(n in flat_ocr for n in names if n in flat_source)
            tally["names_extracted"] += len(names & ocr_names)
            gold = {_name_key(n) for n in gold_names}
            tally["gold_names"] += len(gold)
            tally["gold_from_source"] += len(gold & {_name_key(n) for n in names})
            tally["gold_from_ocr"] += len(gold & {_name_key(n) for n in ocr_names})
            if args.misses:
                for lost in sorted((names - ocr_names) | (symbols - ocr_symbols)):
                    where = "extraction" if lost in flat_ocr else "text"
                    print(f"{variant}\t{name}\t{lost}\tlost in {where}", file=sys.stderr)
            tally["chars"] += len(flat(source))
            tally["edits"] += levenshtein(flat(source), flat_ocr)
            if args.raw:
                tally["edits_raw"] += levenshtein(flat(source), flat(_raw_ocr(data, len(pages))))
        rows[variant] = tally
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print(f"{'variant':8} {'pages':>5} {'symbols in text':>16} {'extracted':>10} {'names in text':>14} "
          f"{'extracted':>10} {'CER':>6} {'CER raw':>8} {'s/page':>7}")
    for variant, t in rows.items():
        print(f"{variant:8} {t['pages']:>5} {t['symbols_in_text']:>6}/{t['symbols_verbatim']:<3} {t['symbols_in_text'] / max(1, t['symbols_verbatim']):.3f}"
              f" {t['symbols_extracted'] / max(1, t['symbols']):>10.3f} {t['names_in_text']:>5}/{t['names_verbatim']:<3} "
              f"{t['names_in_text'] / max(1, t['names_verbatim']):.3f} {t['names_extracted'] / max(1, t['names']):>10.3f} "
              f"{t['edits'] / t['chars']:>6.3f} {(t['edits_raw'] / t['chars']) if args.raw else float('nan'):>8.3f} "
              f"{t['seconds'] / t['pages']:>7.1f}")
    for variant, t in rows.items():
        gold = (f"; gold officials {t['gold_names']}, found from the source text {t['gold_from_source']}, "
                f"from the OCR text {t['gold_from_ocr']}") if args.source == "devset" else ""
        print(f"{variant}: names extracted {t['names_extracted']}/{t['names']}, "
              f"symbols extracted {t['symbols_extracted']}/{t['symbols']}{gold}")


def _name_key(name: str) -> str:
    """A name compared as the dev set's scorer does, roughly: NFC, case and spaces aside."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _raw_ocr(data: bytes, n_pages: int) -> str:
    """Tesseract's text without the repair (same rendering), for the ``CER raw`` column."""
    import pypdfium2 as pdfium
    import pytesseract

    from dvnlp.ingest.ocr import DPI

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(pytesseract.image_to_string(document[n].render(scale=DPI / 72, grayscale=True).to_pil(),
                                                     lang="vie") for n in range(n_pages))
    finally:
        document.close()


if __name__ == "__main__":
    main()
