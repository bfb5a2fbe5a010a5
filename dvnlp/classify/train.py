"""Training of the field classifier: compare candidates by cross-validation, fit, evaluate, save.

``train_model()`` is what ``dvnlp train`` runs:

1. read ``train.jsonl`` and ``test.jsonl`` (``{"text", "field", "form"}``) from ``corpus_dir``;
2. segment every text once (:func:`dvnlp.classify.features.segment`);
3. stratified 5-fold CV on the training set (shuffled, fixed seed) of two keyword baselines
   (the rule file ``fields.json`` and the topic list ``classify/keywords.json``),
   LinearSVC, LogisticRegression and ComplementNB — each learned model is the TF-IDF
   ``FeatureUnion`` (words, char_wb 2–5-grams, syllables) followed by the classifier (LinearSVC
   and ComplementNB inside a sigmoid ``CalibratedClassifierCV``), i.e. exactly the estimator
   that would be saved (the CV code is in :mod:`dvnlp.classify.cv`);
4. choose a learned candidate by the one-standard-error rule (:func:`dvnlp.classify.cv.selection`):
   the first in :data:`CANDIDATES` order whose mean macro-F1 is within one standard error of
   the best mean; the test set and the outside dev set play no part in the choice;
5. refit it on the whole training set, evaluate it once on the test set and, when present, on
   the outside dev set, and write the ``.skops`` model with its JSON metadata.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dvnlp.classify.cv import choose, cross_validate, format_cv_table, metrics, selection  # noqa: F401 - re-exported
from dvnlp.classify.labels import LABELS, VIETNAMESE

#: the fixed seed of every random choice (fold shuffling, solvers)
SEED = 0
#: folds of the model-selection CV (outer) and of the calibration (inner)
CV_FOLDS = 5
CALIBRATION_FOLDS = 5
#: learned candidates, in order of preference (see dvnlp.classify.cv.selection)
CANDIDATES: tuple[str, ...] = ("linear_svc", "logreg", "complement_nb")
BASELINES: tuple[str, ...] = ("keywords_rules", "keywords_topics")
#: candidates whose scores are calibrated by a sigmoid CalibratedClassifierCV (LinearSVC has no
#: probabilities; ComplementNB's are badly calibrated); LogisticRegression keeps its own
CALIBRATED = frozenset({"linear_svc", "complement_nb"})
#: metadata format of field-classifier.json (bump when keys change meaning)
FORMAT_VERSION = 1
MODEL_NAME = "field-classifier"
#: the outside dev set, looked up beside the checkout (../shared/devset/models.jsonl)
DEVSET_RELATIVE = Path("shared") / "devset" / "models.jsonl"

#: hyper-parameters of the candidates (recorded in the metadata)
PARAMS: dict[str, dict[str, Any]] = {
    "linear_svc": {"C": 0.5},
    "logreg": {"C": 20.0, "solver": "saga", "tol": 1e-3, "max_iter": 1000},
    "complement_nb": {"alpha": 0.3},
}


# --- data -------------------------------------------------------------------------------------


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSONL file; each must have a ``text`` and a ``field`` among :data:`LABELS`."""
    from dvnlp.errors import InputError

    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {n}: {exc}") from None
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                raise InputError(str(path), f"line {n}: expected an object with a 'text' string")
            if rec.get("field") not in LABELS:
                raise InputError(str(path), f"line {n}: field {rec.get('field')!r} is not one of {', '.join(LABELS)}")
            records.append(rec)
    if not records:
        raise InputError(str(path), "no records")
    return records


def sha256_file(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def default_devset() -> Path | None:
    """``shared/devset/models.jsonl`` beside the current directory or the source checkout."""
    import dvnlp

    for base in (Path.cwd(), Path(dvnlp.__file__).resolve().parent.parent):
        path = base.parent / DEVSET_RELATIVE
        if path.is_file():
            return path
    return None


# --- estimators -------------------------------------------------------------------------------


def make_estimator(kind: str, *, seed: int = SEED):  # noqa: ANN201 - an sklearn estimator
    """A fresh, unfitted estimator of candidate ``kind`` (input: segmented strings)."""
    from dvnlp.classify.features import KeywordBaseline, make_features

    if kind in BASELINES:
        return KeywordBaseline(source=kind.removeprefix("keywords_"))
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC
    from sklearn.linear_model import LogisticRegression

    params = PARAMS[kind]
    if kind == "linear_svc":
        base = LinearSVC(random_state=seed, **params)
    elif kind == "logreg":
        base = LogisticRegression(random_state=seed, **params)
    elif kind == "complement_nb":
        base = ComplementNB(**params)
    else:
        raise ValueError(f"unknown candidate {kind!r}; known: {', '.join((*BASELINES, *CANDIDATES))}")
    if kind in CALIBRATED:
        # cv=int: StratifiedKFold without shuffling — deterministic, and no splitter object to save
        # ensemble=False: one classifier fit on all the data, calibrated on its CV predictions
        # (CV on the training set: as good or better than the 5-model ensemble, half the time)
        clf = CalibratedClassifierCV(base, method="sigmoid", cv=CALIBRATION_FOLDS, ensemble=False)
    else:  # LogisticRegression: its own (multinomial) probabilities
        clf = base
    return Pipeline([("features", make_features()), ("clf", clf)])


def versions() -> dict[str, str]:
    """Versions of everything a saved model depends on."""
    from importlib.metadata import PackageNotFoundError, version

    import dvnlp

    out = {"dvnlp": dvnlp.__version__, "python": platform.python_version()}
    for key, dist in (
        ("sklearn", "scikit-learn"),
        ("skops", "skops"),
        ("underthesea", "underthesea"),
        ("spacy", "spacy"),
        ("numpy", "numpy"),
        ("scipy", "scipy"),
    ):
        try:
            out[key] = version(dist)
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            out[key] = "absent"
    return out


def evaluate(  # noqa: ANN001
    model, records: Sequence[dict[str, Any]], segmented: Sequence[str], *, keep_text: bool = True
) -> dict[str, Any]:
    """Metrics of a fitted :class:`~dvnlp.classify.predict.FieldClassifier` on gold records,
    with per-``form`` accuracy and the list of errors (``keep_text=False``: errors name the
    1-based record number instead of quoting the text — for the outside dev set, whose text
    must not be copied into the project)."""
    gold = [r["field"] for r in records]
    preds = model.predict_segmented(segmented, explain=False)
    out = metrics(gold, [p["field"] for p in preds])
    forms: dict[str, list[bool]] = {}
    for rec, pred in zip(records, preds):
        forms.setdefault(rec.get("form") or "-", []).append(rec["field"] == pred["field"])
    out["accuracy_by_form"] = {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 4)} for k, v in sorted(forms.items())}
    out["errors"] = [
        {
            **({"text": rec["text"]} if keep_text else {"record": n}),
            "gold": rec["field"],
            "predicted": pred["field"],
            "confidence": pred["confidence"],
        }
        for n, (rec, pred) in enumerate(zip(records, preds), 1)
        if rec["field"] != pred["field"]
    ]
    return out


def train_model(
    corpus_dir: str | Path = "corpora/models",
    out_dir: str | Path | None = "models",
    *,
    devset: str | Path | None | bool = True,
    seed: int = SEED,
    candidates: Sequence[str] = CANDIDATES,
    verbose: bool = False,
) -> dict[str, Any]:
    """Train, evaluate and save the field classifier; return its metadata.

    ``devset``: ``True`` looks for ``../shared/devset/models.jsonl`` (see :func:`default_devset`),
    a path uses that file, ``None``/``False`` skips the outside check. It is evaluated once,
    after the model is chosen and fitted, and only reported. ``out_dir=None`` writes nothing.
    ``verbose`` prints the CV table and the scores.
    """
    from dvnlp.classify.features import load_keywords, segment
    from dvnlp.classify.model_io import MODEL_FILE, save_model
    from dvnlp.classify.predict import FieldClassifier

    t_start = time.perf_counter()
    corpus_dir = Path(corpus_dir)
    train_path, test_path = corpus_dir / "train.jsonl", corpus_dir / "test.jsonl"
    train = read_jsonl(train_path)
    test = read_jsonl(test_path) if test_path.is_file() else []
    if devset is True:
        devset_path = default_devset()
    elif devset:
        devset_path = Path(devset)
    else:
        devset_path = None
    dev = read_jsonl(devset_path) if devset_path else []

    t0 = time.perf_counter()
    seg_train = segment(r["text"] for r in train)
    seg_test = segment(r["text"] for r in test)
    seg_dev = segment(r["text"] for r in dev)
    seg_seconds = time.perf_counter() - t0
    y_train = [r["field"] for r in train]

    cv_rows = cross_validate(seg_train, y_train, (*BASELINES, *candidates), folds=CV_FOLDS, seed=seed)
    picked = selection(cv_rows)
    chosen = picked["chosen"]
    if verbose:
        print(f"stratified {CV_FOLDS}-fold CV on {train_path} ({len(train)} items, seed {seed}):")
        print(format_cv_table(cv_rows, chosen))

    t0 = time.perf_counter()
    pipeline = make_estimator(chosen, seed=seed).fit(seg_train, y_train)
    fit_seconds = time.perf_counter() - t0

    keyword_sources = {f"keywords_{src}": load_keywords(src)[0] for src in ("rules", "topics")}
    meta: dict[str, Any] = {
        "name": MODEL_NAME,
        "format_version": FORMAT_VERSION,
        "task": "field of a 'Dân vận khéo' model",
        "labels": list(LABELS),
        "label_names": dict(VIETNAMESE),
        "model": {
            "kind": chosen,
            "params": PARAMS[chosen],
            "calibration": {"method": "sigmoid", "cv": CALIBRATION_FOLDS} if chosen in CALIBRATED else "LogisticRegression probabilities",
            "features": _features_meta(),
            "seed": seed,
        },
        "data": {
            "train": {"path": _rel(train_path), "sha256": sha256_file(train_path), "n": len(train)},
            "test": {"path": _rel(test_path), "sha256": sha256_file(test_path), "n": len(test)} if test else None,
            "devset": {"path": _rel(devset_path), "sha256": sha256_file(devset_path), "n": len(dev)} if dev else None,
        },
        "versions": versions(),
        "cv": {
            "folds": CV_FOLDS,
            "stratified": True,
            "shuffle_seed": seed,
            "sd": "sample standard deviation across folds (ddof=1)",
            "baselines": keyword_sources,
            "selection": (
                "one-standard-error rule: the first learned candidate (in the order linear_svc, logreg, "
                "complement_nb) whose mean macro-F1 is at least the best mean minus one standard error "
                "(sd/sqrt(folds)) of the best; test and dev set not used"
            ),
            "selection_bar": {"best": picked["best"], "bar": picked["bar"], "se": picked["se"]},
            "table": cv_rows,
            "chosen": chosen,
        },
    }
    model = FieldClassifier(pipeline, meta)
    meta["test"] = evaluate(model, test, seg_test) if test else None
    meta["devset"] = evaluate(model, dev, seg_dev, keep_text=False) if dev else None
    meta["timing"] = {
        "segmentation_seconds": round(seg_seconds, 2),
        "final_fit_seconds": round(fit_seconds, 2),
        "total_seconds": round(time.perf_counter() - t_start, 2),
        "cpu_count": os.cpu_count(),
    }
    meta["created"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    if out_dir is not None:
        paths = save_model(pipeline, meta, Path(out_dir) / MODEL_FILE)
        meta["files"] = {"model": str(paths[0]), "metadata": str(paths[1])}
    if verbose:
        for name in ("test", "devset"):
            m = meta[name]
            if m:
                print(f"{name}: macro-F1 {m['macro_f1']:.4f}, accuracy {m['accuracy']:.4f} (n={m['n']})")
        print(f"trained in {meta['timing']['total_seconds']:.1f} s")
    return meta


def _features_meta() -> dict[str, Any]:
    from dvnlp.classify import features as F

    return {
        "input": (
            "dvnlp.classify.features.segment: normalized, segmented by dvnlp's tokenizer, lowercased, "
            "syllables of a word joined with '_', punctuation dropped, place names -> '<loc>', "
            "final owner phrase 'của <organization>' dropped"
        ),
        "words": _jsonable(F.WORD_PARAMS),
        "chars": _jsonable(F.CHAR_PARAMS),
        "syllables": _jsonable(F.SYLLABLE_PARAMS),
        "weights": dict(F.WEIGHTS),
    }


def _jsonable(params: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _rel(path: Path) -> str:
    """``path`` relative to the current directory (``../shared/…`` for the dev set)."""
    try:
        return os.path.relpath(Path(path).resolve(), Path.cwd().resolve())
    except ValueError:  # another drive (Windows)
        return str(path)
