"""``dvnlp_lexicon``: the domain word lists matched once, as labelled spans with their rule entry.

Shaped like spaCy's ``SpanRuler``: keyword-only settings; ``initialize()`` loads the rules (by
default the package's ``lexicon.json`` terms and ``abbreviations.json`` abbreviations, each
validated by :mod:`dvnlp.rulebook`); ``__call__`` matches, then sets annotations; the rules travel
with a saved pipeline (``to_disk``/``from_disk``, one ``patterns.jsonl`` file).

The tokenizer has already made every lexicon term one token (:mod:`dvnlp.segment.protect`), so
matching is one dictionary look-up per token: upper-case abbreviations (``UBND``, ``MTTQ``) match
exactly, every other term ignoring case, inner whitespace folded. Each match becomes a span in
``doc.spans["lexicon"]`` whose ``label_`` is the entry's kind upper-cased (``BODY``, ``ORG``,
``TITLE``, ``PLACE``, ``UNIT``, ``OTHER``) and whose ``id_`` names the entry
(``lexicon:Ban Dân vận``, ``abbreviations:UBND``). Later components read these spans
(:func:`lexicon_spans`) instead of scanning the text for the same words again.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from dvnlp.components.base import Component
from dvnlp.rulebook import load_rules, validate

SPANS_KEY = "lexicon"
_CACHE_SIZE = 200_000
_UNSEEN = object()
_PATTERNS = "patterns.jsonl"


def default_patterns() -> list[dict[str, str]]:
    """The package's rules as ``{"label", "pattern", "id", "exact"}`` dicts (abbreviations with a space left out,
    as the tokenizer does)."""
    out = [{"label": e["kind"].upper(), "pattern": e["term"], "id": f"lexicon:{e['term']}", "exact": False}
           for e in load_rules("lexicon").entries]
    for e in load_rules("abbreviations").entries:
        if " " not in e["abbr"]:
            out.append({"label": (e.get("kind") or "other").upper(), "pattern": e["abbr"],
                        "id": f"abbreviations:{e['abbr']}", "exact": e["abbr"].isupper()})
    return out


def _key(text: str, exact: bool) -> str:
    folded = " ".join(text.split())
    return folded if exact else folded.casefold()


class LexiconRuler(Component):
    """Labelled spans for the lexicon's terms and abbreviations (see the module docstring)."""

    fact_type, label = SPANS_KEY, "TERM"

    def __init__(self, *, name: str = "dvnlp_lexicon", spans_key: str = SPANS_KEY, on_error: str = "record") -> None:
        super().__init__(name=name, on_error=on_error)
        self.spans_key = spans_key
        self._patterns: list[dict[str, Any]] = []
        self._exact: dict[str, dict[str, Any]] = {}
        self._folded: dict[str, dict[str, Any]] = {}
        self._by_orth: dict[int, dict[str, Any] | None] = {}  # token text id -> its entry (bounded)

    # -- rules ---------------------------------------------------------------------------------
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   patterns: Iterable[dict[str, Any]] | None = None) -> None:
        """Load ``patterns`` (default: :func:`default_patterns`), replacing the current ones."""
        self.clear()
        self.add_patterns(default_patterns() if patterns is None else patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add ``{"label", "pattern", "id"[, "exact"]}`` dicts; unknown or missing keys are rejected by name."""
        patterns = [dict(p) for p in patterns]
        for i, p in enumerate(patterns):
            validate("lexicon_patterns", {"entries": [p]}, f"{self.name} pattern {i}")
        for p in patterns:
            p.setdefault("exact", False)
            table = self._exact if p["exact"] else self._folded
            table.setdefault(_key(p["pattern"], p["exact"]), p)  # the first entry of a key wins, as in the files
            self._patterns.append(p)
        self._by_orth = {}

    def clear(self) -> None:
        self._patterns, self._exact, self._folded = [], {}, {}
        self._by_orth = {}

    @property
    def patterns(self) -> list[dict[str, Any]]:
        return [dict(p) for p in self._patterns]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({p["label"] for p in self._patterns}))

    # -- matching ------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[int, int, dict[str, Any]]]:
        if not self._patterns:
            self.initialize()
        strings, known = doc.vocab.strings, self._by_orth
        out = []
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # no Token objects: one int look-up per token
            hit = known.get(orth, _UNSEEN)
            if hit is _UNSEEN:
                hit = self._lookup(strings[orth])
                if len(known) >= _CACHE_SIZE:
                    known.clear()
                known[orth] = hit
            if hit is not None:
                out.append((i, i + 1, hit))
        return out

    def _lookup(self, text: str) -> dict[str, Any] | None:
        if not text[:1].isalpha():
            return None
        hit = self._exact.get(text) if text.isupper() else None
        return hit if hit is not None else self._folded.get(_key(text, False))

    def set_annotations(self, doc: Doc, records: list[tuple[int, int, dict[str, Any]]]) -> None:
        doc.spans[self.spans_key] = [Span(doc, a, b, label=p["label"], span_id=p["id"]) for a, b, p in records]

    # -- serialization -------------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / _PATTERNS, self._patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconRuler:
        self.clear()
        self.add_patterns(srsly.read_jsonl(Path(path) / _PATTERNS))
        return self


def lexicon_spans(doc: Doc, *labels: str) -> list[Span]:
    """The ``dvnlp_lexicon`` spans of ``doc`` (of the given labels), in text order; empty when it did not run."""
    if SPANS_KEY not in doc.spans:
        return []
    spans = list(doc.spans[SPANS_KEY])
    return [s for s in spans if s.label_ in labels] if labels else spans


@Language.factory("dvnlp_lexicon", default_config={"spans_key": SPANS_KEY, "on_error": "record"})
def make_lexicon(nlp: Language, name: str, *, spans_key: str, on_error: str) -> LexiconRuler:
    return LexiconRuler(name=name, spans_key=spans_key, on_error=on_error)
