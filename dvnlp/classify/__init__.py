"""Field classifier of "Dân vận khéo" models: economy, culture_society, defense_security,
political_system (:mod:`dvnlp.classify.labels` has the Vietnamese names).

    >>> from dvnlp.classify import classify
    >>> classify(["Tổ liên kết sản xuất cà phê bền vững"])[0]["field"]
    'economy'

Each result is ``{"text", "field", "confidence", "scores": {label: p}, "explanation":
[[term, weight], ...]}`` (see :mod:`dvnlp.classify.predict`). The model is read from
``models/field-classifier.skops`` (see :mod:`dvnlp.classify.model_io` for where it is looked
for) and made by :func:`train_model` (``dvnlp train``). Nothing is imported or loaded until a
function is called.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dvnlp.classify.labels import LABELS, VIETNAMESE

if TYPE_CHECKING:
    from dvnlp.classify.predict import FieldClassifier

__all__ = ["LABELS", "VIETNAMESE", "classify", "load_model", "train_model"]


def classify(
    texts: list[str], *, model: FieldClassifier | str | Path | None = None, explain: bool = True
) -> list[dict[str, Any]]:
    """The field of each text, with calibrated ``confidence``/``scores`` and an ``explanation``.

    ``model``: a loaded :class:`~dvnlp.classify.predict.FieldClassifier`, a model path, or
    ``None`` for the default model (loaded once and cached).
    """
    from dvnlp.classify.predict import classify as _classify

    return _classify(texts, model=model, explain=explain)


def load_model(path: str | Path | None = None) -> FieldClassifier:
    """Load a saved model (allowlisted types only); raises :class:`dvnlp.errors.ModelError`."""
    from dvnlp.classify.model_io import load_model as _load_model

    return _load_model(path)


def train_model(corpus_dir: str | Path = "corpora/models", out_dir: str | Path | None = "models", **kwargs: Any) -> dict[str, Any]:
    """Compare candidates by CV, fit the best, evaluate, save; returns the metadata dict
    (see :func:`dvnlp.classify.train.train_model` for the keyword options)."""
    from dvnlp.classify.train import train_model as _train_model

    return _train_model(corpus_dir, out_dir, **kwargs)
