"""dvnlp_breakdowns: parts spread over the sentences after the total, and parts with their share
(issue 14). Sentences written here, figures invented."""
from __future__ import annotations

import pytest

from dvnlp.components.breakdown_spread import noun_words, nouns_agree


def _spread(nlp, text):
    recs = (nlp(text)._.dvnlp_facts or {}).get("breakdowns", [])
    return [(r["total"], [p["value"] for p in r["parts"]], r["rule"], r["partition"]) for r in recs
            if r["rule"] in ("layout:specified", "layout:shares", "layout:within")]


@pytest.mark.parametrize("unit,words", [
    ("đầu mối phòng, ban", ("phòng", "ban")),
    ("cán bộ cấp phó phòng", ("phó", "phòng")),
    ("đầu mối", ("đầu", "mối")),  # a prefix alone is the noun
    ("đơn vị sự nghiệp", ("đơn", "vị", "sự", "nghiệp")),
])
def test_breakdown_spread_noun_words_drop_prefixes(unit, words):
    assert noun_words(unit) == words


@pytest.mark.parametrize("a,b,agree", [
    ("phòng", "phòng ban", True),
    ("phòng", "đầu mối phòng", True),
    ("đơn vị sự nghiệp", "đơn vị", True),
    ("phó phòng", "phó trưởng phòng", True),
    ("phó phòng", "cán bộ cấp phó", True),
    ("trưởng phòng", "phó trưởng phòng", False),
    ("trưởng phòng", "cán bộ cấp phó phòng", False),
    ("triệu USD", "triệu đồng", False),
    ("tỷ đồng vốn đầu tư", "tỷ đồng", True),
    ("nghìn ha", "ha", False),
    (None, "ha", False),
])
def test_breakdown_spread_nouns_agree(a, b, agree):
    assert nouns_agree(a, b) is agree


SPECIFIED = ("Năm nay huyện đã giảm 40 phòng, ban và giảm 25 trường học. {cue} khối Đảng giảm 12 đầu mối phòng, "
             "ban. Khối chính quyền giảm {b} phòng ban và 20 trường học. Các xã giảm 5 trường học.")


@pytest.mark.parametrize("text,expected", [
    pytest.param(SPECIFIED.format(cue="Cụ thể,", b=28),
                 [(40, [12, 28], "layout:specified", True), (25, [20, 5], "layout:specified", True)],
                 id="two_totals_parts_over_three_sentences"),
    pytest.param(SPECIFIED.format(cue="Chi tiết:", b=28),
                 [(40, [12, 28], "layout:specified", True), (25, [20, 5], "layout:specified", True)],
                 id="cue_chi_tiet"),
    pytest.param(SPECIFIED.format(cue="Trong năm,", b=28), [], id="no_cue"),
    pytest.param(SPECIFIED.format(cue="Cụ thể,", b=27), [(25, [20, 5], "layout:specified", True)],
                 id="one_noun_not_adding_up"),
    pytest.param("Tỉnh giảm 30 phòng. Cụ thể, khối A giảm 10 phòng. Khối B giảm 20 phòng và khối C giảm 20 phòng.", [],
                 id="two_readings"),
    pytest.param("Tỉnh giảm 30 phòng. Cụ thể, khối A giảm 10 phòng.\n\nKhối B giảm 20 phòng.", [],
                 id="parts_after_a_paragraph_break"),
    pytest.param("Tỉnh giảm 30 phòng. Cụ thể, khối A giảm 10 phòng. Tiếp đó. Rồi. Sau cùng khối B giảm 20 phòng.", [],
                 id="parts_too_far"),
])
def test_breakdown_spread_specified_over_sentences(nlp, text, expected):
    assert _spread(nlp, text) == expected


SHARES = ("Kinh tế tăng trưởng khá. Năm 2025 tỉnh thu hút 500 tỷ đồng vốn đầu tư nước ngoài. Ngành chế biến đạt 300 tỷ đồng, chiếm {a} tổng "
          "vốn; ngành du lịch đạt {b} tỷ đồng, chiếm {c}.")


@pytest.mark.parametrize("text,expected", [
    pytest.param(SHARES.format(a="60%", b=150, c="30%"), [(500, [300, 150], "layout:shares", False)], id="subset"),
    pytest.param(SHARES.format(a="60%", b=200, c="40%"), [(500, [300, 200], "layout:shares", True)], id="partition"),
    pytest.param(SHARES.format(a="60,0%", b=150, c="30,0%"), [(500, [300, 150], "layout:shares", False)],
                 id="decimal_shares"),
    pytest.param(SHARES.format(a="50%", b=150, c="30%"), [], id="share_of_another_total"),
    pytest.param(SHARES.format(a="60,4%", b=150, c="30%"), [], id="share_off_at_its_precision"),
    pytest.param(SHARES.format(a="60%", b=150, c="25%"), [], id="only_one_share_fits"),
    pytest.param("Tỉnh thu hút 500 triệu USD. Ngành A đạt 300 triệu đồng, chiếm 60%; ngành B đạt 150 triệu đồng, "
                 "chiếm 30%.", [], id="another_currency"),
])
def test_breakdown_spread_parts_with_their_share(nlp, text, expected):
    assert _spread(nlp, text) == expected


@pytest.mark.parametrize("text", [
    SPECIFIED.format(cue="Cụ thể,", b=28),
    SHARES.format(a="60%", b=150, c="30%"),
    SHARES.format(a="60%", b=200, c="40%"),
])
def test_breakdown_spread_raises_no_sum_check(text):
    import dvnlp

    assert [c["kind"] for c in dvnlp.extract(text).to_dict()["checks"]] == []


WITHIN = "Khu bảo tồn rộng. Vườn có 900 loài cây. Trong số {a} loài cây thuốc, có nhiều loài quý{sep} trong {b} loài cây gỗ có lim, sến."


@pytest.mark.parametrize("text,expected", [
    pytest.param(WITHIN.format(a=120, sep=";", b=300), [(900, [120, 300], "layout:within", False)], id="subset"),
    pytest.param(WITHIN.format(a=600, sep=";", b=300), [(900, [600, 300], "layout:within", True)], id="partition"),
    pytest.param(WITHIN.format(a=120, sep=" như sâm, quế… rất quý;", b=300),
                 [(900, [120, 300], "layout:within", False)], id="ellipsis_before_a_lower_case_word"),
    pytest.param(WITHIN.format(a=700, sep=";", b=300), [], id="more_than_the_total"),
    pytest.param(WITHIN.format(a=120, sep=". Trong", b=300), [], id="second_part_in_another_sentence"),
    pytest.param("Vườn có 900 loài cây. Có 120 loài cây thuốc; trong 300 loài cây gỗ có lim.", [],
                 id="sentence_not_opened_by_trong"),
    pytest.param("Vườn có 900 loài cây. Trong số 120 con chim, có nhiều loài quý; trong 300 con thú có hổ.", [],
                 id="another_noun"),
])
def test_breakdown_spread_subsets_opened_by_trong(nlp, text, expected):
    assert _spread(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Mỗi ngày có 1.000 m3 nước thải. Trong số đó chỉ có 750 m3 (chiếm 75%) được xử lý, tuy nhiên chỉ có "
                 "180 m3 (chiếm 18%) đạt chuẩn.", [], id="nested_in_one_clause"),
    pytest.param("Mỗi ngày có 1.000 m3 nước thải. Khu A thải 750 m3, chiếm 75%. Khu B thải 180 m3, chiếm 18%.",
                 [(1000, [750, 180], "layout:shares", False)], id="one_sentence_each"),
])
def test_breakdown_spread_shares_in_one_clause_are_not_a_list(nlp, text, expected):
    assert _spread(nlp, text) == expected
