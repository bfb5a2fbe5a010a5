"""The committed model loads and classifies; untrusted or mismatched files are refused."""
from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from dvnlp.classify import classify, load_model
from dvnlp.classify.labels import LABELS
from dvnlp.classify.predict import get_model
from dvnlp.classify.model_io import ENV_VAR, MODEL_FILE, TRUSTED_TYPES, resolve_model_path, save_model
from dvnlp.errors import ModelError

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "models" / MODEL_FILE


@pytest.fixture(scope="module")
def committed():
    if not COMMITTED.is_file():
        pytest.fail(f"{COMMITTED} is missing: run `dvnlp train` (or dvnlp.classify.train_model()) and commit it")
    return get_model(COMMITTED)  # load_model() once per test session, shared with test_predict


def test_committed_model_loads_and_classifies(committed):
    meta = committed.metadata
    assert sorted(meta["labels"]) == sorted(LABELS)
    for key in ("data", "versions", "cv", "test", "created"):
        assert meta[key], key
    assert len(meta["data"]["train"]["sha256"]) == 64
    train = ROOT / "corpora" / "models" / "train.jsonl"
    if train.is_file():
        import hashlib

        assert hashlib.sha256(train.read_bytes()).hexdigest() == meta["data"]["train"]["sha256"], (
            "corpora/models/train.jsonl changed since the model was trained: retrain with `dvnlp train`"
        )
    [res] = classify(["Camera an ninh ở khu dân cư"], model=committed)
    assert set(res) == {"text", "field", "confidence", "scores", "explanation"}
    assert res["text"] == "Camera an ninh ở khu dân cư"
    assert list(res["scores"]) == list(LABELS)
    assert abs(sum(res["scores"].values()) - 1) < 1e-3
    assert res["confidence"] == max(res["scores"].values()) == res["scores"][res["field"]]
    assert res["explanation"] and all(isinstance(t, str) and w > 0 for t, w in res["explanation"])
    weights = [w for _, w in res["explanation"]]
    assert weights == sorted(weights, reverse=True)


def test_classify_handles_empty_input_and_rejects_a_bare_string(committed):
    assert classify([], model=committed) == []
    [res] = classify([""], model=committed)
    assert res["field"] in LABELS and res["explanation"] == []
    with pytest.raises(TypeError):
        classify("Camera an ninh", model=committed)


def _copy_model(tmp_path: Path) -> Path:
    dst = tmp_path / MODEL_FILE
    shutil.copy(COMMITTED, dst)
    shutil.copy(COMMITTED.with_suffix(".json"), dst.with_suffix(".json"))
    return dst


def test_a_model_from_another_sklearn_version_is_refused_with_advice(tmp_path, committed):
    path = _copy_model(tmp_path)
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    meta["versions"]["sklearn"] = "0.24.2"
    path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError, match=r"scikit-learn 0\.24\.2.*dvnlp train"):
        load_model(path)


def test_a_file_with_an_untrusted_type_is_refused(tmp_path, committed):
    import skops.io as sio
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    evil = Pipeline([("run", FunctionTransformer(os.system))])  # would run shell commands
    path = tmp_path / MODEL_FILE
    sio.dump(evil, path, compression=zipfile.ZIP_DEFLATED)
    shutil.copy(COMMITTED.with_suffix(".json"), path.with_suffix(".json"))  # right versions
    with pytest.raises(ModelError, match=r"refusing to load.*(posix|nt)\.system"):
        load_model(path)
    # and dvnlp will not write such a file either
    with pytest.raises(ModelError, match="allowlist"):
        save_model(evil, {}, tmp_path / "out" / MODEL_FILE)
    assert not (tmp_path / "out" / MODEL_FILE).exists()


def test_a_corrupt_model_file_is_a_model_error(tmp_path, committed):
    path = tmp_path / MODEL_FILE
    path.write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(COMMITTED.with_suffix(".json"), path.with_suffix(".json"))
    with pytest.raises(ModelError, match="not a readable skops file"):
        load_model(path)


def test_the_allowlist_covers_the_committed_model(committed):
    import skops.io as sio

    assert set(sio.get_untrusted_types(file=COMMITTED)) <= TRUSTED_TYPES


def test_missing_model_and_metadata_are_model_errors(tmp_path, monkeypatch):
    with pytest.raises(ModelError, match="dvnlp train"):
        load_model(tmp_path / "nothing.skops")
    path = tmp_path / MODEL_FILE
    shutil.copy(COMMITTED, path)
    with pytest.raises(ModelError, match="metadata"):
        load_model(path)
    path.write_bytes(b"not a zip")
    shutil.copy(COMMITTED.with_suffix(".json"), path.with_suffix(".json"))
    with pytest.raises(ModelError):
        load_model(path)


def test_model_path_resolution_order(tmp_path, monkeypatch):
    path = _copy_model(tmp_path)
    assert resolve_model_path(tmp_path) == path.resolve()  # a directory
    monkeypatch.setenv(ENV_VAR, str(path))
    assert resolve_model_path() == path.resolve()
    assert resolve_model_path(COMMITTED) == COMMITTED.resolve()  # an explicit path wins
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "absent"))
    with pytest.raises(ModelError, match="absent"):
        resolve_model_path()
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.chdir(tmp_path)  # no ./models here: falls back to the source checkout's models/
    assert resolve_model_path() == COMMITTED.resolve()
