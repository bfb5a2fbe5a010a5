"""Training: deterministic, writes a loadable model with the promised metadata."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dvnlp.classify import load_model, train_model
from dvnlp.classify.labels import LABELS

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "models"
PROBES = [
    "Vay vốn phát triển chăn nuôi",
    "Camera an ninh",
    "Tuyến đường hoa",
    "Dân vận khéo trong cải cách thủ tục hành chính",
]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """20 training and 8 test items per label, taken in file order."""
    if not (CORPUS / "train.jsonl").is_file():
        pytest.skip(f"{CORPUS} is absent")
    out = tmp_path_factory.mktemp("corpus")
    for name, per_label in (("train.jsonl", 20), ("test.jsonl", 8)):
        kept, seen = [], dict.fromkeys(LABELS, 0)
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if seen[rec["field"]] < per_label:
                seen[rec["field"]] += 1
                kept.append(line)
        (out / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def trained(small_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    meta = train_model(small_corpus, out, devset=None, candidates=("linear_svc",))
    return meta, out


def test_training_is_deterministic(trained, small_corpus):
    """The saved model of train_model() and two more fits of the same estimator agree exactly."""
    from dvnlp.classify.features import segment
    from dvnlp.classify.predict import FieldClassifier
    from dvnlp.classify.train import make_estimator, read_jsonl

    meta, out = trained
    records = read_jsonl(small_corpus / "train.jsonl")
    texts, y = segment(r["text"] for r in records), [r["field"] for r in records]
    saved = load_model(out).classify(PROBES)
    for _ in range(2):
        again = FieldClassifier(make_estimator("linear_svc").fit(texts, y), meta).classify(PROBES)
        assert again == saved


def test_training_writes_model_and_metadata(trained):
    meta, out = trained
    assert (out / "field-classifier.skops").is_file()
    on_disk = json.loads((out / "field-classifier.json").read_text(encoding="utf-8"))
    assert on_disk["labels"] == list(LABELS)
    assert on_disk["data"]["train"]["n"] == 80 and on_disk["data"]["devset"] is None
    assert set(on_disk["versions"]) >= {"dvnlp", "sklearn", "skops", "underthesea", "python"}
    models = [r["model"] for r in on_disk["cv"]["table"]]
    assert models == ["keywords_rules", "keywords_topics", "linear_svc"]
    assert on_disk["cv"]["chosen"] == "linear_svc"
    assert on_disk["test"]["n"] == 32
    cm = on_disk["test"]["confusion_matrix"]
    assert cm["labels"] == list(LABELS) and sum(map(sum, cm["matrix"])) == 32
    assert on_disk["created"]


def test_selection_keeps_the_preferred_candidate_unless_another_beats_it_by_more_than_noise():
    """One-standard-error rule: a later candidate must beat an earlier one by more than
    sd/sqrt(folds) of the best candidate to be chosen."""
    from dvnlp.classify.cv import choose, selection

    def row(model, mean, sd=0.02):
        return {"model": model, "macro_f1_mean": mean, "macro_f1_sd": sd, "macro_f1_folds": [mean] * 5}

    close = [row("keywords_topics", 0.99), row("linear_svc", 0.905), row("logreg", 0.90), row("complement_nb", 0.911)]
    picked = selection(close)
    assert picked["best"] == "complement_nb" and picked["chosen"] == "linear_svc"
    assert picked["se"] == pytest.approx(0.02 / 5 ** 0.5, abs=1e-4)
    far = [row("linear_svc", 0.88), row("logreg", 0.90), row("complement_nb", 0.93)]
    assert choose(far) == "complement_nb"
    assert choose([row("logreg", 0.90), row("complement_nb", 0.905)]) == "logreg"
    with pytest.raises(ValueError):
        choose([row("keywords_rules", 0.2)])
