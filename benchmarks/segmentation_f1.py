"""Word-segmentation benchmark: plain underthesea vs the dvnlp tokenizer on the gold set.

Usage::

    python benchmarks/segmentation_f1.py [--gold corpora/segmentation/gold.txt] [--json]
                                         [--detokenize] [--errors N]

Input text
    Each system sees the raw sentence as defined by ``corpora/segmentation/README.md``: the gold
    line with ``_`` replaced by a space, i.e. the gold's own spacing (punctuation stays spaced:
    ``Ngày 19/12/2023 , Ban Dân vận ...``). Both systems get exactly the same string, and the
    scoring ignores whitespace, so the spacing only matters to the extent that it changes what the
    segmenters do. ``--detokenize`` instead attaches punctuation the way it is usually typed
    (``2023, Ban``, ``“Dân vận khéo”``, ``(chiếm 49,5%)``); hyphens and dashes stay spaced.

Scoring
    A word is a ``(start, end)`` span over the sentence with all whitespace removed, so
    ``Ban_Dân_vận`` (gold) and ``Ban Dân vận`` (system) are both ``(k, k + 9)``. A system word
    is correct when its span equals a gold span. P = correct / system words,
    R = correct / gold words, F1 their harmonic mean, micro-averaged over the file. A sentence is
    exact when its two span sets are equal.

    Restricted scores use a class of gold words (protected tokens, multi-syllable words). The
    gold side is the gold words of the class; the system side is every system word that either
    overlaps a gold word of the class or belongs to the class itself. So splitting
    ``400-QĐ/TU`` into five pieces costs five false positives, and merging ``Ban Dân vận Tỉnh``
    costs one false positive plus a missed gold word. The protected class uses the shapes of the
    README's validation script (document symbols, dates, ratios and day/month, percentages,
    numbers with separators, periods, abbreviations).

The scoring functions are plain functions of token lists, importable by the tests
(``tests/segment/test_segmentation_gold.py``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))
DEFAULT_GOLD = ROOT / "corpora" / "segmentation" / "gold.txt"

Span = tuple[int, int]

# ---------------------------------------------------------------------------------------------
# protected-token shapes (copied from the gold README's validation script, so the benchmark and
# the gold's own counts agree)
# ---------------------------------------------------------------------------------------------
_SHAPES = (
    ("symbol", re.compile(r"^\d+(?:/\d{4})?[-/][A-ZĐ][A-ZĐa-z0-9]*(?:[-/][A-ZĐ][A-ZĐa-z0-9]*)*$")),
    ("date", re.compile(r"^(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4})$")),
    ("ratio", re.compile(r"^\d+(?:\.\d{3})*/\d+(?:\.\d{3})*$")),
    ("percent", re.compile(r"^\d+(?:\.\d{3})*(?:,\d+)?%$")),
    ("number", re.compile(r"^(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)$")),
    ("period", re.compile(r"^\d{4}-\d{4}$")),
)
_ABBR = re.compile(r"^(?:[A-ZĐ]{2,}|[A-ZĐ]{2,}(?:-[A-ZĐ]{2,})+)$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_WS = re.compile(r"\s+")


def protected_kind(word: str) -> str | None:
    """The protected-token kind of ``word`` (``symbol``, ``date``, ``ratio``, ``percent``,
    ``number``, ``period``, ``abbr``) or ``None``. Whitespace inside ``word`` is ignored."""
    word = compact(word)
    for kind, rx in _SHAPES:
        if rx.match(word):
            return kind
    if _ABBR.match(word) and not _ROMAN.match(word):
        return "abbr"
    return None


def is_protected(word: str) -> bool:
    return protected_kind(word) is not None


def is_multisyllable(word: str) -> bool:
    """A word of two or more syllables (``_`` in gold, a space in system output)."""
    return len(word.replace("_", " ").split()) > 1


# ---------------------------------------------------------------------------------------------
# gold reading and raw text
# ---------------------------------------------------------------------------------------------
def read_gold(path: str | Path = DEFAULT_GOLD) -> list[list[str]]:
    """The gold sentences as lists of tokens (syllables joined by ``_``)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.split(" ") for line in lines if line.strip()]


_OPEN = {"“", "(", "[", "‘"}
_CLOSE = {"”", ")", "]", ",", ".", ";", ":", "!", "?", "…", "’", "%"}


def raw_text(tokens: Sequence[str], detokenize: bool = False) -> str:
    """The raw sentence of a gold line.

    Default: the README's definition, the tokens joined by spaces with ``_`` read as a space.
    ``detokenize=True``: no space after an opening mark or before a closing one.
    """
    words = [t.replace("_", " ") for t in tokens]
    if not detokenize:
        return " ".join(words)
    out: list[str] = []
    for word in words:
        if out and not (word in _CLOSE or out[-1] in _OPEN):
            out.append(" ")
        out.append(word)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------
def compact(text: str) -> str:
    return _WS.sub("", text.replace("_", " "))


def word_spans(words: Iterable[str]) -> list[Span]:
    """``(start, end)`` of each word over the concatenation of the words with whitespace removed.

    Gold tokens and system words may both be passed: ``_`` counts as whitespace.
    """
    spans: list[Span] = []
    pos = 0
    for word in words:
        n = len(compact(word))
        if n:
            spans.append((pos, pos + n))
            pos += n
    return spans


@dataclass
class PRF:
    """Counts of one comparison; P/R/F1 are derived."""

    tp: int = 0
    n_sys: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_sys if self.n_sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.n_sys += other.n_sys
        self.n_gold += other.n_gold

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "n_sys": self.n_sys, "n_gold": self.n_gold,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def _overlaps(span: Span, spans: list[Span]) -> bool:
    # spans are few per sentence; a linear scan is fast enough
    return any(span[0] < b and a < span[1] for a, b in spans)


def compare(gold_tokens: Sequence[str], sys_words: Sequence[str],
            predicate: Callable[[str], bool] | None = None) -> PRF:
    """Counts for one sentence; with ``predicate``, restricted to that class (see module doc)."""
    if compact("".join(gold_tokens)) != compact("".join(sys_words)):
        raise ValueError(f"system output does not cover the sentence: {' '.join(gold_tokens)[:80]!r}")
    g_spans = word_spans(gold_tokens)
    s_spans = word_spans(sys_words)
    g_set = set(g_spans)
    if predicate is None:
        return PRF(tp=len(g_set & set(s_spans)), n_sys=len(s_spans), n_gold=len(g_spans))
    g_words = [t for t in gold_tokens if compact(t)]
    s_words = [w for w in sys_words if compact(w)]
    g_cls = [s for s, t in zip(g_spans, g_words) if predicate(t)]
    s_cls = [s for s, w in zip(s_spans, s_words) if predicate(w) or _overlaps(s, g_cls)]
    tp = len(set(g_cls) & set(s_cls))
    return PRF(tp=tp, n_sys=len(s_cls), n_gold=len(g_cls))


@dataclass
class Scores:
    words: PRF = field(default_factory=PRF)
    protected: PRF = field(default_factory=PRF)
    multisyllable: PRF = field(default_factory=PRF)
    exact: int = 0
    sentences: int = 0

    @property
    def exact_accuracy(self) -> float:
        return self.exact / self.sentences if self.sentences else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"words": self.words.as_dict(), "protected": self.protected.as_dict(),
                "multisyllable": self.multisyllable.as_dict(), "exact": self.exact,
                "sentences": self.sentences, "exact_accuracy": self.exact_accuracy}


def score(gold: Sequence[Sequence[str]], output: Sequence[Sequence[str]]) -> Scores:
    """Micro-averaged scores of ``output`` (one word list per sentence) against ``gold``."""
    if len(gold) != len(output):
        raise ValueError(f"{len(gold)} gold sentences but {len(output)} system outputs")
    s = Scores()
    for g, o in zip(gold, output):
        whole = compare(g, o)
        s.words.add(whole)
        s.protected.add(compare(g, o, is_protected))
        s.multisyllable.add(compare(g, o, is_multisyllable))
        s.sentences += 1
        s.exact += set(word_spans(g)) == set(word_spans(o))
    return s


def errors(gold_tokens: Sequence[str], sys_words: Sequence[str]) -> list[tuple[str, str]]:
    """The disagreeing regions of one sentence as ``(gold, system)`` strings (``_``-joined words,
    separated by spaces), smallest regions where both segmentations share a boundary."""
    g_spans, s_spans = word_spans(gold_tokens), word_spans(sys_words)
    g_words = [t for t in gold_tokens if compact(t)]
    s_words = [w.replace(" ", "_") for w in (_WS.sub(" ", w.strip()) for w in sys_words) if w]
    out: list[tuple[str, str]] = []
    i = j = 0
    while i < len(g_spans) and j < len(s_spans):
        if g_spans[i] == s_spans[j]:
            i += 1
            j += 1
            continue
        gi, sj = [g_words[i]], [s_words[j]]
        ge, se = g_spans[i][1], s_spans[j][1]
        i += 1
        j += 1
        while ge != se:
            if ge < se:
                gi.append(g_words[i])
                ge = g_spans[i][1]
                i += 1
            else:
                sj.append(s_words[j])
                se = s_spans[j][1]
                j += 1
        out.append((" ".join(gi), " ".join(sj)))
    return out


# ---------------------------------------------------------------------------------------------
# the two systems
# ---------------------------------------------------------------------------------------------
def underthesea_system() -> Callable[[str], list[str]]:
    from underthesea import word_tokenize

    return lambda text: word_tokenize(text, use_token_normalize=False)


def dvnlp_system() -> Callable[[str], list[str]]:
    from spacy.vocab import Vocab

    from dvnlp.segment import VietnameseTokenizer

    return VietnameseTokenizer(Vocab()).words


SYSTEMS: dict[str, Callable[[], Callable[[str], list[str]]]] = {
    "underthesea": underthesea_system,
    "dvnlp": dvnlp_system,
}


def run(gold_path: str | Path = DEFAULT_GOLD, detokenize: bool = False,
        systems: Sequence[str] = ("underthesea", "dvnlp")) -> dict[str, dict[str, object]]:
    """Segment every gold sentence with each system and score it.

    Returns ``{system: {"scores": Scores, "output": [[word, ...], ...], "seconds": float}}``
    plus ``"_gold"`` (the token lists) and ``"_texts"`` (the raw sentences).
    """
    gold = read_gold(gold_path)
    texts = [raw_text(g, detokenize) for g in gold]
    results: dict[str, dict[str, object]] = {"_gold": {"tokens": gold}, "_texts": {"texts": texts}}
    for name in systems:
        segment = SYSTEMS[name]()
        t0 = time.perf_counter()
        output = [list(segment(t)) for t in texts]
        seconds = time.perf_counter() - t0
        results[name] = {"scores": score(gold, output), "output": output, "seconds": seconds}
    return results


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "–"


def markdown(results: dict[str, dict[str, object]], a: str = "underthesea", b: str = "dvnlp") -> str:
    sa: Scores = results[a]["scores"]
    sb: Scores = results[b]["scores"]
    rows: list[tuple[str, float, float]] = []
    for label, pa, pb in (("words", sa.words, sb.words),
                          ("protected tokens", sa.protected, sb.protected),
                          ("multi-syllable words", sa.multisyllable, sb.multisyllable)):
        rows += [(f"{label} P", pa.precision, pb.precision), (f"{label} R", pa.recall, pb.recall),
                 (f"{label} F1", pa.f1, pb.f1)]
    rows.append(("exact-sentence accuracy", sa.exact_accuracy, sb.exact_accuracy))
    lines = [f"| metric | {a} | {b} | {b}/{a} |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {m} | {x:.4f} | {y:.4f} | {_ratio(y, x)} |" for m, x, y in rows]
    lines.append(f"| exact sentences | {sa.exact}/{sa.sentences} | {sb.exact}/{sb.sentences} | "
                 f"{_ratio(sb.exact, sa.exact)} |")
    lines.append(f"| gold words (protected, multi-syllable) | {sa.words.n_gold} "
                 f"({sa.protected.n_gold}, {sa.multisyllable.n_gold}) | | |")
    lines.append(f"| seconds | {results[a]['seconds']:.1f} | {results[b]['seconds']:.1f} | |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold file (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON instead of Markdown")
    ap.add_argument("--detokenize", action="store_true",
                    help="attach punctuation in the input text instead of keeping the gold's spacing")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="also list the N most frequent dvnlp error regions (gold → dvnlp)")
    args = ap.parse_args(argv)

    results = run(args.gold, args.detokenize)
    if args.json:
        print(json.dumps({name: {"seconds": round(r["seconds"], 3), **r["scores"].as_dict()}
                          for name, r in results.items() if not name.startswith("_")},
                         ensure_ascii=False, indent=2))
    else:
        print(f"Gold: {args.gold} — input text: "
              f"{'detokenized' if args.detokenize else 'gold spacing (README raw form)'}\n")
        print(markdown(results))
    if args.errors:
        from collections import Counter

        gold = results["_gold"]["tokens"]
        counts = Counter(e for g, o in zip(gold, results["dvnlp"]["output"]) for e in errors(g, o))
        print(f"\n{sum(counts.values())} dvnlp error regions, {len(counts)} distinct; most frequent:",
              file=sys.stderr if args.json else sys.stdout)
        for (g, o), n in counts.most_common(args.errors):
            print(f"{n:4d}  {g}  →  {o}", file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
