"""Saving and loading the field classifier: a ``.skops`` file plus a JSON metadata file.

Files: ``field-classifier.skops`` (``skops.io.dump`` with ZIP deflate compression) and
``field-classifier.json`` beside it (labels, data hash, versions, CV table, test scores…).

Loading never unpickles: ``skops.io.get_untrusted_types`` lists the types in the file that
skops does not trust by default, and every one of them must be in :data:`TRUSTED_TYPES`, a
fixed list in this module; any other type is refused with a :class:`~dvnlp.errors.ModelError`.
A model written by another scikit-learn version is refused as well, with a message that says
to retrain (``dvnlp train``).

Where the model is looked for (:func:`resolve_model_path`), first match wins:

1. the path given (a ``.skops`` file, or a directory holding ``field-classifier.skops``);
2. the environment variable ``DVNLP_MODEL`` (file or directory);
3. ``./models/field-classifier.skops`` in the current directory;
4. ``models/field-classifier.skops`` of the source checkout (the directory above the ``dvnlp``
   package — the repository's top-level ``models/``; absent from a wheel install).
"""
from __future__ import annotations

import json
import os
import warnings
import zipfile
from pathlib import Path
from typing import Any

from dvnlp.errors import ModelError

MODEL_FILE = "field-classifier.skops"
ENV_VAR = "DVNLP_MODEL"

#: The types a field-classifier file may contain beyond those skops trusts by default (skops
#: already trusts the public scikit-learn estimators, numpy and scipy containers). Only the
#: private helpers of CalibratedClassifierCV are needed today; the public classes of the
#: pipeline are listed too, so a skops release that trusts less still loads dvnlp's own models.
TRUSTED_TYPES: frozenset[str] = frozenset(
    {
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
        "sklearn.calibration.CalibratedClassifierCV",
        "sklearn.pipeline.Pipeline",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.svm._classes.LinearSVC",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.naive_bayes.ComplementNB",
    }
)


def metadata_path(model_path: str | Path) -> Path:
    """The JSON metadata file of a model file (same name, ``.json``)."""
    return Path(model_path).with_suffix(".json")


def _as_model_file(path: Path) -> Path:
    return path / MODEL_FILE if path.is_dir() else path


def candidate_paths(path: str | Path | None = None) -> list[Path]:
    """The places looked at, in order (see the module docstring)."""
    if path is not None:
        return [_as_model_file(Path(path))]
    import dvnlp

    out = []
    env = os.environ.get(ENV_VAR)
    if env:
        return [_as_model_file(Path(env))]
    out.append(Path.cwd() / "models" / MODEL_FILE)
    out.append(Path(dvnlp.__file__).resolve().parent.parent / "models" / MODEL_FILE)
    return out


def resolve_model_path(path: str | Path | None = None) -> Path:
    """The model file to load (see the module docstring); :class:`ModelError` if none exists."""
    tried = candidate_paths(path)
    for cand in tried:
        if cand.is_file():
            return cand.resolve()
    where = ", ".join(str(p) for p in tried)
    hint = "" if path is not None or os.environ.get(ENV_VAR) else f" (or set {ENV_VAR})"
    raise ModelError(f"no field-classifier model found (looked at {where}); run `dvnlp train`{hint}")


def save_model(pipeline: Any, metadata: dict[str, Any], path: str | Path) -> tuple[Path, Path]:  # noqa: ANN401
    """Write ``pipeline`` to ``path`` (``.skops``) and ``metadata`` beside it; return both paths."""
    import skops.io as sio

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".skops.tmp")
    sio.dump(pipeline, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    untrusted = set(sio.get_untrusted_types(file=tmp)) - TRUSTED_TYPES
    if untrusted:
        tmp.unlink()
        raise ModelError(f"refusing to save a model with types outside the allowlist: {', '.join(sorted(untrusted))}")
    os.replace(tmp, path)
    meta_path = metadata_path(path)
    meta_path.write_text(json.dumps(metadata, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path, meta_path


def read_metadata(model_path: str | Path) -> dict[str, Any]:
    meta_path = metadata_path(model_path)
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{meta_path}: metadata file missing (it is written with the model); run `dvnlp train`") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{meta_path}: unreadable metadata: {exc}") from None


def check_versions(metadata: dict[str, Any], source: str | Path) -> None:
    """Refuse a model written by another scikit-learn version (its pickled state may not fit)."""
    import sklearn

    saved = (metadata.get("versions") or {}).get("sklearn")
    if saved != sklearn.__version__:
        raise ModelError(
            f"{source} was saved by scikit-learn {saved or 'of unknown version'}, "
            f"but scikit-learn {sklearn.__version__} is installed; retrain the model with `dvnlp train` "
            f"(or install scikit-learn=={saved})"
        )


def load_model(path: str | Path | None = None):  # noqa: ANN201 - FieldClassifier
    """Load the field classifier from ``path`` or the default places (see the module docstring).

    Raises :class:`ModelError` when no model is found, when the file holds a type outside
    :data:`TRUSTED_TYPES`, or when it was written by another scikit-learn version.
    """
    from dvnlp.classify.labels import LABELS
    from dvnlp.classify.predict import FieldClassifier

    model_path = resolve_model_path(path)
    metadata = read_metadata(model_path)
    check_versions(metadata, model_path)
    import skops.io as sio  # ~1.5 s: only when a model is actually loaded
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", category=_inconsistent_version_warning())
            # one pass over the file: skops checks its types against the list before it builds any object
            # (a separate get_untrusted_types pass first built the whole tree twice: ~65 MB more at the peak)
            pipeline = sio.load(model_path, trusted=sorted(TRUSTED_TYPES))
    except UntrustedTypesFoundException:
        untrusted = sorted(set(sio.get_untrusted_types(file=model_path)) - TRUSTED_TYPES)
        raise ModelError(
            f"{model_path}: refusing to load, it contains type(s) outside dvnlp's allowlist: {', '.join(untrusted)}"
        ) from None
    except _inconsistent_version_warning() as exc:
        raise ModelError(f"{model_path}: {exc}; retrain the model with `dvnlp train`") from None
    except Exception as exc:  # noqa: BLE001 - a corrupt file is a model error, not a crash
        try:
            sio.get_untrusted_types(file=model_path)
        except Exception as unreadable:  # noqa: BLE001
            raise ModelError(f"{model_path}: not a readable skops file: {unreadable}") from None
        raise ModelError(f"{model_path}: cannot load the model ({type(exc).__name__}: {exc}); retrain it with `dvnlp train`") from None
    classes = [str(c) for c in getattr(pipeline, "classes_", [])]
    if sorted(classes) != sorted(LABELS) or sorted(metadata.get("labels", [])) != sorted(classes):
        raise ModelError(f"{model_path}: labels {classes} do not match dvnlp's {list(LABELS)}; retrain with `dvnlp train`")
    return FieldClassifier(pipeline, metadata, model_path)


def _inconsistent_version_warning() -> type[Warning]:
    try:
        from sklearn.exceptions import InconsistentVersionWarning
    except ImportError:  # pragma: no cover - sklearn < 1.3
        return UserWarning
    return InconsistentVersionWarning
