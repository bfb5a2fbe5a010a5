from typer.testing import CliRunner

from dvnlp.cli import app
from dvnlp.evaluate import score, token_f1

GOLD = {
    "id": "g1",
    "text": "…",
    "officials": [{"name": "Võ Thanh Hùng", "titles": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]}],
    "documents": ["400-QĐ/TU"],
    "counts": [{"value": 51, "of": 51, "unit": "tổ chức cơ sở Đảng"}, {"value": 2.8, "of": None, "unit": "tỷ đồng"}],
    "breakdowns": [{"total": 20, "parts": {"economy": 7, "culture_society": 13}}],
    "models": [{"name": "Hũ gạo tình thương", "field": "culture_society"}],
    "checks": ["sum_mismatch"],
}


def test_evaluate_token_f1_expands_abbreviations():
    assert token_f1("Ủy viên Ban Thường vụ Tỉnh ủy", "UVBTV Tỉnh ủy") == 1.0


def test_evaluate_perfect_prediction_scores_one():
    pred = {
        "officials": [{"name": "Võ Thanh Hùng", "titles": ["UVBTV Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh uỷ"]}],
        "documents": [{"symbol": "400 - QÐ/TU"}],
        "counts": [{"value": 51, "of": 51, "unit": "tổ chức cơ sở Đảng"}, {"value": 2.8e9, "of": None, "unit": "đồng"}],
        "breakdowns": [{"total": 20, "parts": [{"value": 13}, {"value": 7}]}],
        "models": [{"name": "Hũ gạo tình thương", "field": "culture_society"}],
        "checks": [{"kind": "sum_mismatch"}],
    }
    s = score([GOLD], {"g1": pred})
    assert all(s[k]["f1"] == 1.0 for k in ("officials", "documents", "counts", "breakdowns", "models", "checks"))
    assert s["titles"]["recall"] == 1.0


def test_evaluate_wrong_predictions_are_penalized():
    pred = {
        "officials": [{"name": "Võ Thanh", "titles": []}],
        "documents": [{"symbol": "400-QĐ/HU"}],
        "counts": [{"value": 51, "of": None, "unit": "tổ chức"}],
        "models": [{"name": "Hũ gạo tình thương", "field": "economy"}],
        "checks": [],
    }
    s = score([GOLD], {"g1": pred})
    assert s["officials"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert s["documents"]["f1"] == 0.0 and s["counts"]["tp"] == 0 and s["models"]["tp"] == 0
    assert s["checks"]["fn"] == 1 and s["titles"]["recall"] == 0.0


def test_evaluate_cli_on_written_gold(tmp_path):
    import json

    gold = tmp_path / "gold.jsonl"
    rec = {"id": "x", "text": "Quyết định số 400-QĐ/TU; có 51/51 tổ chức cơ sở Đảng.", "officials": [],
           "documents": ["400-QĐ/TU"], "counts": [{"value": 51, "of": 51, "unit": "tổ chức cơ sở Đảng"}],
           "breakdowns": [], "models": [], "checks": []}
    gold.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"]["f1"] == 1.0 and scores["counts"]["f1"] == 1.0
