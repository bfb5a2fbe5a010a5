import pytest


def _models(nlp, text):
    return [(m["name"], m["field"], m["rule"]) for m in nlp(text)._.dvnlp_facts.get("models", [])]


@pytest.mark.parametrize(
    "text,names",
    [
        ("Hội Phụ nữ xây dựng mô hình “Hũ gạo tình thương” giúp hội viên nghèo.", ["Hũ gạo tình thương"]),
        (
            "Các mô hình tiêu biểu gồm: “Camera an ninh thôn” của Công an xã; “Nuôi bò sinh sản” của Hội Nông dân "
            "và “Chi bộ tiếp dân định kỳ”.",
            ["Camera an ninh thôn", "Nuôi bò sinh sản", "Chi bộ tiếp dân định kỳ"],
        ),
        ("nhiều mô hình như “Tổ hợp tác trồng hồ tiêu”, “Nhóm phụ nữ trồng rau an toàn”.",
         ["Tổ hợp tác trồng hồ tiêu", "Nhóm phụ nữ trồng rau an toàn"]),
    ],
)
def test_models_quoted_names_found(nlp, text, names):
    assert [n for n, _, _ in _models(nlp, text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "toàn huyện có 20 mô hình “Dân vận khéo” được đăng ký",
        "góp phần củng cố “khối đại đoàn kết toàn dân”.",
        "Đề án về “Nâng cao chất lượng công tác dân vận” của Huyện ủy",
    ],
)
def test_models_not_models(nlp, text):
    assert _models(nlp, text) == []


def test_models_field_stated_in_the_clause_wins(nlp):
    text = "10 mô hình thuộc lĩnh vực văn hóa - xã hội, như “Mẹ đỡ đầu trẻ mồ côi”."
    ((name, field, rule),) = _models(nlp, text)
    assert field == "culture_society"


def test_models_field_from_classifier(nlp):
    ((_, field, rule),) = _models(nlp, "Công an xã duy trì mô hình “Camera giám sát an ninh trật tự”.")
    assert field == "defense_security" and rule == "quoted_after_mo_hinh"
