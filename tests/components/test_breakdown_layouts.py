"""dvnlp_breakdowns: total and parts not joined by a list opener (issue 14). Sentences written here, figures invented."""
from __future__ import annotations

import pytest


def _layouts(nlp, text):
    recs = (nlp(text)._.dvnlp_facts or {}).get("breakdowns", [])
    return [(r["total"], [p["value"] for p in r["parts"]], r["rule"]) for r in recs if r["rule"].startswith("layout:")]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Năm nay tỉnh thu hút 12 dự án mới với vốn đăng ký 640,5 tỷ đồng. Ngoài ra, 9 dự án tăng vốn thêm "
                 "59,5 tỷ đồng. Tổng vốn đăng ký mới và tăng thêm đạt 700 tỷ đồng, tăng 5%.",
                 [(700, [640.5, 59.5], "layout:total_after")], id="total_after_two_sentences"),
    pytest.param("Huyện trồng 40 ha lúa. Xã bên trồng 25 ha ngô. Tổng diện tích là 80 ha.", [],
                 id="total_after_that_does_not_add_up"),
    pytest.param("Huyện trồng 40 ha lúa, 25 ha ngô. Diện tích là 65 ha.", [], id="no_total_word"),
])
def test_breakdown_layouts_total_after_its_parts(nlp, text, expected):
    assert _layouts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Trong 7 trạm bơm của huyện, chỉ có 3 trạm bơm mới sửa là chạy tốt. Bốn trạm bơm còn lại đã hỏng.",
                 [(7, [3, 4], "layout:remainder")], id="remainder_in_words_next_sentence"),
    pytest.param("Đoàn có 12 xe, 5 xe đã về đích. 7 xe còn lại đang trên đường.", [(12, [5, 7], "layout:remainder")],
                 id="remainder_in_digits"),
    pytest.param("Trong 7 trạm bơm, có 3 trạm bơm tốt. Hai trạm bơm còn lại đã hỏng.", [], id="remainder_not_adding_up"),
])
def test_breakdown_layouts_remainder_in_the_next_sentence(nlp, text, expected):
    assert _layouts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Hiện có 10 xã của 6 huyện còn dịch là Lào Cai (2 huyện, 3 xã), Hà Giang (1 huyện, 2 xã), "
                 "Cao Bằng (3 huyện, 5 xã).",
                 [(10, [3, 2, 5], "layout:places"), (6, [2, 1, 3], "layout:places")], id="two_nouns"),
    pytest.param("Ninh Bình (6 huyện, 16 xã), Sơn La (1 huyện, 1 xã) còn dịch.", [], id="no_total"),
    pytest.param("Có 30 xã là Lào Cai (2 huyện, 3 xã), Hà Giang (1 huyện, 2 xã).", [], id="not_adding_up"),
])
def test_breakdown_layouts_places_with_bracketed_counts(nlp, text, expected):
    assert _layouts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Trao 40 suất học bổng cho học sinh nghèo\nChiều qua, hội khuyến học đã trao 25 suất học bổng cho "
                 "học sinh xã A và 15 suất học bổng cho học sinh xã B.", [(40, [25, 15], "layout:headline")],
                 id="headline_total"),
    pytest.param("Trao 40 suất học bổng cho học sinh nghèo\nHội đã trao 25 suất học bổng. Sau đó trao thêm 10 suất "
                 "học bổng.", [], id="parts_in_two_sentences"),
    pytest.param("Trao 40 suất học bổng cho học sinh nghèo\nHội đã trao 25 suất học bổng và 10 suất học bổng.", [],
                 id="not_adding_up"),
])
def test_breakdown_layouts_headline_total(nlp, text, expected):
    assert _layouts(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Ông có 2 người cháu, một trai một gái.", [(2, [1, 1], "layout:words")], id="no_separator"),
    pytest.param("Đoàn có 3 xe, một chở hàng, hai chở khách.", [(3, [1, 2], "layout:words")], id="comma_separated"),
    pytest.param("Có 3 người bị thương, một trong số đó bị nặng.", [], id="mot_trong_so_do"),
    pytest.param("Có 3 người, một người ở lại.", [], id="not_adding_up"),
])
def test_breakdown_layouts_parts_in_words_after_a_comma(nlp, text, expected):
    assert _layouts(nlp, text) == expected


def test_breakdown_layouts_idioms_are_not_parts_in_words(nlp):
    assert _layouts(nlp, "Nhà có 3 người, một mình mẹ nuôi hai con.") == []


@pytest.mark.parametrize("text,expected", [
    pytest.param("Xử lý 20 cán bộ vi phạm\nTrong năm, huyện đã kỷ luật 12 trường hợp cảnh cáo và 8 trường hợp khiển trách.",
                 [(20, [12, 8], "layout:headline")], id="truong_hop_counts_the_headline_noun"),
    pytest.param("Xử lý 20 cán bộ vi phạm\nHuyện có 12 trường hợp cảnh cáo và 8 cán bộ khiển trách.", [],
                 id="the_headline_noun_itself_comes_first"),
])
def test_breakdown_layouts_headline_parts_by_a_generic_counter(nlp, text, expected):
    assert _layouts(nlp, text) == expected
