"""The committed model on hand-written model names (not from the corpora or the dev set)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dvnlp.classify import classify
from dvnlp.classify.predict import FieldClassifier, get_model

MODEL = Path(__file__).resolve().parents[2] / "models" / "field-classifier.skops"

CASES = [
    ("Tổ hợp tác nuôi bò sinh sản giúp hội viên thoát nghèo", "economy"),
    ("Liên kết tiêu thụ sầu riêng cho nông dân", "economy"),
    ("Cho vay vốn không lãi để mua cây giống cà phê", "economy"),
    ("Hợp tác xã dệt thổ cẩm bán hàng qua mạng", "economy"),
    ("Phân loại rác thải tại hộ gia đình", "culture_society"),
    ("Quỹ khuyến học của dòng họ", "culture_society"),
    pytest.param(
        "Nói không với tảo hôn trong đồng bào dân tộc thiểu số", "culture_society",
        # known weakness of the 1024-item model (issue #5): "đồng bào dân tộc thiểu số" is one
        # segmented word that the corpus mostly uses in Party/organization-building items, and
        # it outweighs "tảo hôn" (political_system 0.48 vs culture_society 0.38). Not fixed by
        # adding look-alike training items or tuning C on this probe. Strict: when a model gets it
        # right again the xfail must go.
        marks=pytest.mark.xfail(reason="target-group word outweighs the topic word", strict=True),
    ),
    ("Vận động người dân tiêm chủng đầy đủ cho trẻ em", "culture_society"),
    ("Tổ tự quản an ninh trật tự ở khu dân cư", "defense_security"),
    ("Phòng chống ma túy trong thanh thiếu niên", "defense_security"),
    ("Ngư dân tham gia bảo vệ chủ quyền biển đảo", "defense_security"),
    ("Phòng cháy chữa cháy ở khu nhà trọ", "defense_security"),
    ("Cải cách thủ tục hành chính tại bộ phận một cửa", "political_system"),
    ("Bí thư chi bộ đối thoại trực tiếp với nhân dân", "political_system"),
    ("Nâng cao chất lượng sinh hoạt chi bộ thôn", "political_system"),
    ("Kết nạp đảng viên trong đồng bào dân tộc thiểu số", "political_system"),
]


@pytest.fixture(scope="module")
def model() -> FieldClassifier:
    return get_model(MODEL)  # load_model() once per test session


@pytest.mark.parametrize("text,field", CASES)
def test_hand_written_model_names(model, text, field):
    [res] = classify([text], model=model)
    assert res["field"] == field, (res["scores"], res["explanation"])


def test_batch_equals_one_by_one(model):
    texts = [t for t, _ in CASES[:5]]
    assert classify(texts, model=model) == [classify([t], model=model)[0] for t in texts]
