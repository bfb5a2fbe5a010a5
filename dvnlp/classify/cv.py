"""Cross-validation of the field-classifier candidates: metrics, the CV table, the model choice.

Used by :func:`dvnlp.classify.train.train_model` (``dvnlp train``) and by
``benchmarks/classifier_cv.py``. Only the training set is cross-validated here; the test set
and the outside dev set play no part in the choice.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from dvnlp.classify.labels import LABELS


def metrics(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label precision/recall/F1 and the confusion matrix."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    labels = list(LABELS)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "per_label": {
            lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4), "support": int(s[i])}
            for i, lab in enumerate(labels)
        },
        "confusion_matrix": {
            "labels": labels,
            "rows_are": "gold",
            "matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        },
    }


def cross_validate(
    texts: Sequence[str],
    y: Sequence[str],
    kinds: Sequence[str] | None = None,
    *,
    folds: int = 5,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """Stratified ``folds``-fold CV of each candidate on segmented ``texts``: one row per kind.

    Each row has the per-fold macro-F1 and accuracy, their mean and standard deviation
    (``ddof=1``, across folds), the mean log-loss of the probabilities and the fit time.
    """
    from sklearn.metrics import accuracy_score, f1_score, log_loss
    from sklearn.model_selection import StratifiedKFold

    from dvnlp.classify.train import BASELINES, CANDIDATES, make_estimator

    if kinds is None:
        kinds = (*BASELINES, *CANDIDATES)
    X = np.array(texts, dtype=object)  # noqa: N806
    y = np.array(y)
    splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(X, y))
    rows = []
    for kind in kinds:
        f1s, accs, losses = [], [], []
        t0, c0 = time.perf_counter(), time.process_time()
        for train_idx, test_idx in splits:
            est = make_estimator(kind, seed=seed).fit(list(X[train_idx]), y[train_idx])
            pred = est.predict(list(X[test_idx]))
            proba = est.predict_proba(list(X[test_idx]))
            f1s.append(f1_score(y[test_idx], pred, labels=list(LABELS), average="macro", zero_division=0))
            accs.append(accuracy_score(y[test_idx], pred))
            losses.append(log_loss(y[test_idx], proba, labels=list(est.classes_)))
        rows.append(
            {
                "model": kind,
                "macro_f1_mean": round(float(np.mean(f1s)), 4),
                "macro_f1_sd": round(float(np.std(f1s, ddof=1)), 4),
                "accuracy_mean": round(float(np.mean(accs)), 4),
                "accuracy_sd": round(float(np.std(accs, ddof=1)), 4),
                "log_loss_mean": round(float(np.mean(losses)), 4),
                "macro_f1_folds": [round(float(v), 4) for v in f1s],
                "seconds": round(time.perf_counter() - t0, 2),
                "cpu_seconds": round(time.process_time() - c0, 2),
            }
        )
    return rows


def selection(cv_rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Which learned candidate to keep: the one-standard-error rule.

    The best learned candidate (highest mean CV macro-F1) sets a bar one standard error below
    its mean (``sd / sqrt(folds)``, the sd across its folds). The first candidate in
    :data:`~dvnlp.classify.train.CANDIDATES` order that reaches the bar is chosen. A candidate
    later in the list must beat the earlier ones by more than fold noise to be chosen.
    LinearSVC is first: it is the cheapest to fit and its weights explain its predictions
    directly. Returns ``{"chosen", "best", "bar", "se"}``.
    """
    from dvnlp.classify.train import CANDIDATES

    learned = [r for r in cv_rows if r["model"] in CANDIDATES]
    if not learned:
        raise ValueError("no learned candidate in the CV table")
    best = max(learned, key=lambda r: (r["macro_f1_mean"], -CANDIDATES.index(r["model"])))
    n = len(best.get("macro_f1_folds") or ()) or 1
    se = float(best.get("macro_f1_sd") or 0.0) / np.sqrt(n)
    bar = best["macro_f1_mean"] - se
    chosen = min(
        (r for r in learned if r["macro_f1_mean"] >= bar - 1e-9),
        key=lambda r: CANDIDATES.index(r["model"]),
    )["model"]
    return {"chosen": chosen, "best": best["model"], "bar": round(float(bar), 4), "se": round(float(se), 4)}


def choose(cv_rows: Sequence[dict[str, Any]]) -> str:
    """The learned candidate to keep (see :func:`selection`)."""
    return selection(cv_rows)["chosen"]


def format_cv_table(rows: Sequence[dict[str, Any]], chosen: str | None = None) -> str:
    """The CV table as fixed-width text (``*`` marks the chosen model)."""
    head = f"{'model':<16}{'macro-F1 mean±sd':>20}{'accuracy mean±sd':>20}{'log-loss':>10}{'seconds':>9}"
    lines = [head, "-" * len(head)]
    for r in rows:
        mark = " *" if r["model"] == chosen else ""
        lines.append(
            f"{r['model'] + mark:<16}"
            f"{r['macro_f1_mean']:>13.4f}±{r['macro_f1_sd']:.4f}"
            f"{r['accuracy_mean']:>13.4f}±{r['accuracy_sd']:.4f}"
            f"{r['log_loss_mean']:>10.3f}{r['seconds']:>9.2f}"
        )
    return "\n".join(lines)
