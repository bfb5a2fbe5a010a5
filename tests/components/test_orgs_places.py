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
    "text,orgs",
    [
        ("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân phát biểu", ["Quốc hội"]),
        ("Trưởng Ban Dân vận Tỉnh ủy Nguyễn Văn An dự họp", ["Ban Dân vận Tỉnh ủy"]),
        ("Bí thư Thành ủy Đà Nẵng Trương Quang Hải chủ trì", ["Thành ủy Đà Nẵng"]),
        ("Bí thư Thành ủy TP HCM Nguyễn Thiện Nhân đến thăm", ["Thành ủy TP HCM"]),
        ("Trưởng Ban Nội chính TƯ Trương Vĩnh Tường nhấn mạnh", ["Ban Nội chính TƯ"]),
        ("Chủ tịch UBND thành phố Nguyễn Thành Phương ký", ["UBND thành phố"]),
        ("Bộ trưởng Bộ Công an Tô Lâm làm việc. Đại tướng Tô Lâm nói", ["Bộ Công an"]),
        # places, countries and bodies named after people keep their tail
        ("Tỉnh ủy Hà Giang tổ chức hội nghị", ["Tỉnh ủy Hà Giang"]),
        ("Chủ tịch Quốc hội Hàn Quốc thăm Việt Nam", ["Quốc hội Hàn Quốc"]),
        ("Giám đốc NHCSXH Thái Bình cho biết", ["NHCSXH Thái Bình"]),
        ("UBND huyện Lý Sơn họp", ["UBND huyện Lý Sơn"]),
        ("Huyện ủy Châu Thành lãnh đạo; nhân dân huyện Châu Thành", ["Huyện ủy Châu Thành"]),
        ("Hiệu trưởng ĐH Tôn Đức Thắng phát biểu", ["ĐH Tôn Đức Thắng"]),
        ("UBND xã Võ Thị Sáu tổ chức", ["UBND xã Võ Thị Sáu"]),
        ("Ban Thường vụ Huyện ủy Trần Văn Thời họp", ["Ban Thường vụ Huyện ủy Trần Văn Thời"]),
        ("UBND tỉnh Đắk Nông; Công an tỉnh Đắk Nông", ["UBND tỉnh Đắk Nông", "Công an tỉnh Đắk Nông"]),
        ("UBND huyện Đại Từ Trương Mạnh ký; huyện Đại Từ", ["UBND huyện Đại Từ"]),
        ("Chủ tịch UBND tỉnh Thái Nguyên Đoàn Văn Minh báo cáo", ["UBND tỉnh Thái Nguyên"]),
        ("BCH TW Đoàn họp", ["BCH TW Đoàn"]),
        ("Bí thư thứ nhất Trung ương Đoàn Lê Quốc Phương dự", ["Trung ương Đoàn"]),
    ],
)
def test_orgs_places_organizations_stop_before_a_person(nlp, text, orgs):
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
