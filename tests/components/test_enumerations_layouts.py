"""Breakdowns not by field, in layouts found missing on real text (issue 14). Sentences written here, figures invented."""
from __future__ import annotations

import pytest


def _others(nlp, text):
    recs = (nlp(text)._.dvnlp_facts or {}).get("breakdowns", [])
    return [(r["total"], [p["value"] for p in r["parts"]], r["partition"]) for r in recs if r["by"] != "field"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Hiện còn khoảng 900 chỗ ở trong các nhà khách của trường đại học tỉnh (trong đó nhà khách A: 400 chỗ; "
                 "nhà khách B: 300; nhà khách C: 200) cho khách thuê.", [(900, [400, 300, 200], True)],
                 id="said_bracket_after_a_long_noun"),
    pytest.param("Tỉnh có 12 trạm y tế ở các xã vùng cao biên giới của ba huyện phía bắc (4 trạm mới, 8 trạm cũ).",
                 [], id="plain_bracket_after_a_long_gap_is_not_opened"),
])
def test_enumerations_bracket_after_a_noun_phrase(nlp, text, expected):
    assert _others(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Chi phí cho một học viên khoảng 2.000 USD/năm, trong đó học phí 1.200 USD, tiền ăn ở 800 USD/năm.",
                 [(2000, [1200, 800], True)], id="rate_per_year_shared_out"),
    pytest.param("Mức hỗ trợ là 900.000 đồng/tháng, gồm 600.000 đồng/tháng tiền ăn và 300.000 đồng/tháng tiền ở.",
                 [(900000, [600000, 300000], True)], id="same_rate_parts"),
    pytest.param("Trường có 40 học sinh/máy tính, trong đó 12 học sinh nữ và 20 học sinh nam.", [],
                 id="rate_per_thing_is_no_total"),
    pytest.param("Xã có 50 hộ, trong đó 10 hộ/thôn và 20 hộ/thôn ở vùng cao.", [], id="rate_parts_of_a_plain_total"),
])
def test_enumerations_rates_per_period(nlp, text, expected):
    assert _others(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Hội đã trao 20 suất quà cho 20 em nhỏ (trong đó, một công ty tại 2 huyện miền núi tài trợ 15 suất).",
                 [], id="a_number_after_tai_is_where"),
    pytest.param("Trại có đàn gà 300 con và đàn vịt 500 con, trong đó 40 con gà và 120 con vịt bị bệnh.", [],
                 id="parts_of_two_coordinated_totals"),
    pytest.param("Trại có 12 chuồng và 500 con, trong đó 300 con gà và 200 con vịt.", [(500, [300, 200], True)],
                 id="coordinated_but_adding_up"),
    pytest.param("Đoàn có 30 người, trong đó 10 người ở Hà Nội, 12 người ở Huế và 8 người ở Cần Thơ.",
                 [(30, [10, 12, 8], True)], id="places_after_the_parts_stay"),
])
def test_enumerations_false_alarms_on_real_layouts(nlp, text, expected):
    assert _others(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Còn 6 huyện có dịch là Lào Cai (2 huyện, 3 xã).", [], id="bracket_after_la_name_is_about_the_name"),
    pytest.param("Đoàn giành 6 huy chương là Vàng Anh (2 vàng, 4 bạc).", [], id="bracket_after_la_name_in_a_sentence"),
    pytest.param("Đoàn giành 6 huy chương (2 vàng, 4 bạc).", [(6, [2, 4], True)], id="bracket_right_after_the_total"),
])
def test_enumerations_bracket_after_a_name(nlp, text, expected):
    assert _others(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Hôm qua, kỳ họp khai mạc. Ủy ban đã tổng hợp được 300 ý kiến của cử tri. Trong đó, 120 ý kiến gửi qua đoàn đại biểu và 180 ý kiến "
                 "gửi qua Mặt trận.", [(300, [120, 180], True)], id="total_in_the_sentence_before"),
    pytest.param("Hôm qua, kỳ họp khai mạc. Ủy ban đã tổng hợp được 300 ý kiến của cử tri. Trong đó, 120 ý kiến gửi qua đoàn đại biểu.", [],
                 id="one_part"),
    pytest.param("Hôm qua, kỳ họp khai mạc. Ủy ban đã tổng hợp được 300 ý kiến của cử tri. Trong đó, 20 ý kiến về đất đai và 40 ý kiến về y tế.", [],
                 id="a_subset_across_sentences_is_not_read"),
])
def test_enumerations_opener_at_the_start_of_the_next_sentence(nlp, text, expected):
    assert _others(nlp, text) == expected


def test_enumerations_a_part_may_total_a_nested_list(nlp):
    text = ("Hôm qua, kỳ họp khai mạc. Toàn tỉnh có 30 cụm công nghiệp đã xây dựng. Trong đó: có 20 cụm đang hoạt động "
            "(12 cụm đã lấp đầy, 8 cụm đang thu hút đầu tư); 10 cụm đang làm hạ tầng.")
    assert sorted(_others(nlp, text)) == [(20, [12, 8], True), (30, [20, 10], True)]
