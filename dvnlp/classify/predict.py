"""Predictions of the field classifier, with calibrated scores and an explanation.

A :class:`FieldClassifier` wraps the fitted scikit-learn pipeline (``FeatureUnion`` of TF-IDF
→ sigmoid-calibrated linear classifier) and its metadata. For each text it returns::

    {"text": ..., "field": "economy", "confidence": 0.93,
     "scores": {"economy": 0.93, "culture_society": 0.03, ...},
     "explanation": [["chăn nuôi", 0.41], ["con giống", 0.12], ...]}

``scores`` are the calibrated probabilities (they sum to 1); ``confidence`` is the score of
``field``. The ``explanation`` lists the words of the text that push most towards ``field``,
largest first, positive only: the contribution of a feature is its TF-IDF value times its
weight for ``field`` minus its mean weight over all fields (the linear model's ``coef_``, or
ComplementNB's ``feature_log_prob_``), and each word gets the contributions of the features it
takes part in — its word unigram, half of each word bigram, its syllables and character
n-grams (shared equally when several words contain them). Words are shown as segmented by
dvnlp, with spaces between syllables (``an ninh``).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

#: how many terms an explanation lists at most
EXPLAIN_TOP = 6
#: decimals of scores and weights in the output
DECIMALS = 4


class FieldClassifier:
    """A loaded or freshly trained field classifier (see :func:`dvnlp.classify.load_model`)."""

    def __init__(self, pipeline: Any, metadata: dict[str, Any], path: Path | None = None) -> None:
        self.pipeline = pipeline
        self.metadata = metadata
        self.path = path
        #: the classes in the estimator's order (sklearn sorts them)
        self.labels: tuple[str, ...] = tuple(str(c) for c in pipeline.classes_)
        self._index = {lab: i for i, lab in enumerate(self.labels)}
        # scores are listed in dvnlp's label order (labels.LABELS), then any others
        from dvnlp.classify.labels import LABELS

        self._order = [lab for lab in LABELS if lab in self._index] + [l for l in self.labels if l not in LABELS]

    def __repr__(self) -> str:
        kind = self.metadata.get("model", {}).get("kind", "?")
        return f"FieldClassifier(kind={kind!r}, labels={list(self.labels)}, path={str(self.path) if self.path else None!r})"

    def classify(self, texts: Sequence[str], *, explain: bool = True) -> list[dict[str, Any]]:
        """One result dict per text (see the module docstring)."""
        from dvnlp.classify.features import segment

        if isinstance(texts, str):
            raise TypeError("classify() takes a list of texts; wrap a single text in a list")
        texts = list(texts)
        results = self.predict_segmented(segment(texts), explain=explain)
        for text, res in zip(texts, results):
            res["text"] = text
        return results

    def predict_segmented(self, segmented: Sequence[str], *, explain: bool = True) -> list[dict[str, Any]]:
        """Like :meth:`classify` for texts already passed through ``features.segment``."""
        segmented = list(segmented)
        if not segmented:
            return []
        features = self.pipeline.named_steps["features"].transform(segmented)
        proba = self.pipeline.named_steps["clf"].predict_proba(features)
        out = []
        for i, row in enumerate(proba):
            best = int(np.argmax(row))
            res: dict[str, Any] = {
                "text": segmented[i],
                "field": self.labels[best],
                "confidence": round(float(row[best]), DECIMALS),
                "scores": {lab: round(float(row[self._index[lab]]), DECIMALS) for lab in self._order},
            }
            if explain:
                res["explanation"] = self._explain(features[i], best, segmented[i])
            out.append(res)
        return out

    # --- explanation ---------------------------------------------------------------------

    @cached_property
    def _weights(self) -> np.ndarray:
        """Per-label feature weights, centred across labels (n_labels × n_features)."""
        clf = self.pipeline.named_steps["clf"]
        mats = []
        for cc in getattr(clf, "calibrated_classifiers_", None) or [clf]:
            est = getattr(cc, "estimator", cc)
            if hasattr(est, "coef_"):
                w = np.asarray(est.coef_, dtype=float)
            elif hasattr(est, "feature_log_prob_"):
                w = np.asarray(est.feature_log_prob_, dtype=float)
            else:  # pragma: no cover - every candidate is linear
                raise TypeError(f"cannot explain a {type(est).__name__}")
            if w.shape[0] == 1:  # binary: one row for the positive class
                w = np.vstack([-w[0], w[0]])
            mats.append(w)
        w = np.mean(mats, axis=0)
        return w - w.mean(axis=0, keepdims=True)

    @cached_property
    def _feature_names(self) -> np.ndarray:
        return self.pipeline.named_steps["features"].get_feature_names_out()


    def _explain(self, row: Any, label_index: int, text: str, top: int = EXPLAIN_TOP) -> list[list[Any]]:  # noqa: ANN401
        """The words of ``text`` that push most towards label ``label_index``, with weights.

        Every feature's contribution (TF-IDF value × centred weight) is given to the words it
        comes from: a word unigram to that word, a bigram half to each word, a syllable or a
        character n-gram shared equally by the words that contain it. Words are shown with
        spaces between their syllables (``an ninh``).
        """
        row = row.tocsr() if hasattr(row, "tocsr") else row
        contrib = row.data * self._weights[label_index, row.indices]
        tokens = list(dict.fromkeys(text.split()))
        per_word: dict[str, float] = dict.fromkeys(tokens, 0.0)
        for j, c in zip(row.indices, contrib):
            owners = _owners(str(self._feature_names[j]), tokens)
            for w in owners:
                per_word[w] += c / len(owners)
        ranked = sorted(per_word.items(), key=lambda kv: -kv[1])[:top]
        return [[w.replace("_", " "), round(float(v), DECIMALS)] for w, v in ranked if v > 0]


def _owners(feature_name: str, tokens: list[str]) -> list[str]:
    """The words (of ``tokens``) a FeatureUnion feature comes from."""
    source, _, term = feature_name.partition("__")
    if source == "words":
        parts = term.split(" ")
        return [p for p in parts if p in tokens] or tokens[:1]
    if source == "chars":  # char_wb: inside one space-padded word
        return [t for t in tokens if term in f" {t} "] or tokens[:1]
    # syllables: a syllable or two consecutive syllables, possibly across two words
    sylls = term.split(" ")
    inside = [t for t in tokens if f"_{'_'.join(sylls)}_" in f"_{t}_"]
    if inside or len(sylls) == 1:
        return inside or tokens[:1]
    left, right = sylls
    return [t for t in tokens if t.endswith(left) or t.startswith(right)] or tokens[:1]


# --- the default model, loaded once per path -----------------------------------------------

_LOADED: dict[Path, FieldClassifier] = {}


def get_model(model: FieldClassifier | str | Path | None = None) -> FieldClassifier:
    """``model`` itself, or the model at a path, or the default model (cached per path)."""
    from dvnlp.classify.model_io import load_model, resolve_model_path

    if isinstance(model, FieldClassifier):
        return model
    path = resolve_model_path(model)
    if path not in _LOADED:
        _LOADED[path] = load_model(path)
    return _LOADED[path]


def classify(
    texts: Sequence[str], *, model: FieldClassifier | str | Path | None = None, explain: bool = True
) -> list[dict[str, Any]]:
    """Field of each "Dân vận khéo" model description in ``texts`` (see the module docstring)."""
    return get_model(model).classify(texts, explain=explain)
