import pytest


def _facts(nlp, text, kind):
    return [r["text"] for r in nlp(text)._.dvnlp_facts.get(kind, [])]


@pytest.mark.parametrize(
    "text,orgs",
    [
        ("Ban Dân vận Tỉnh ủy tổ chức hội nghị", ["Ban Dân vận Tỉnh ủy"]),
        ("Chủ tịch UBND huyện Bát Xát chỉ đạo", ["UBND huyện Bát Xát"]),
        ("Hội Phụ nữ xã Ia Pal ra mắt mô hình", ["Hội Phụ nữ xã Ia Pal"]),
        ("Quyết định số 400-QĐ/TU của Ban Thường vụ Tỉnh ủy", ["Ban Thường vụ Tỉnh ủy"]),
        # a ``;``, ``?`` or ``»`` after the body ends it (once read as inside the range ``/``–``‐``)
        ("gồm Ban Dân vận Tỉnh ủy; Hội Phụ nữ xã Ia Pal", ["Ban Dân vận Tỉnh ủy", "Hội Phụ nữ xã Ia Pal"]),
        ("vai trò của Ban Dân vận Tỉnh ủy?", ["Ban Dân vận Tỉnh ủy"]),
    ],
)
def test_orgs_places_organizations(nlp, text, orgs):
    assert _facts(nlp, text, "organizations") == orgs


@pytest.mark.parametrize(
    "text,places",
    [
        ("tại điểm cầu tỉnh Gia Lai và huyện Đak Đoa", ["tỉnh Gia Lai", "huyện Đak Đoa"]),
        ("người dân thị trấn Chư Sê", ["thị trấn Chư Sê"]),
        ("Huyện ủy tổ chức hội nghị", []),
    ],
)
def test_orgs_places_places(nlp, text, places):
    assert _facts(nlp, text, "places") == places
