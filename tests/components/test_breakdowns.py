"""dvnlp_breakdowns: a total and its parts by field, in every layout reports use.

All sentences here were written for these tests (figures invented).
"""
from __future__ import annotations

import re

import pytest

from dvnlp.components.breakdowns import BreakdownFinder, find_labels
from dvnlp.segment.patterns import parse_number


# -- helpers --------------------------------------------------------------------------------------

def counts_for(text: str, *pieces: str) -> list[dict]:
    """Hand-made count records: each piece (``"07 mô hình"``, ``"486"``, ``"45/50 xã"``, ``"90%"``) is
    looked up in ``text`` after the previous one, as the counts component would write it."""
    out, pos = [], 0
    for piece in pieces:
        start = text.index(piece, pos)
        m = re.match(r"(\d[\d.,]*)(?:/(\d[\d.,]*))?\s*(%)?\s*(.*)", piece)
        num, of, pct, unit = m.groups()
        nend = start + len(num) + (len(of) + 1 if of else 0) + (1 if pct else 0)
        out.append({
            "value": parse_number(num), "of": parse_number(of) if of else None,
            "unit": "%" if pct else (unit or None), "qualifier": None,
            "span": [start, start + len(piece)], "number_span": [start, nend], "rule": "test",
        })
        pos = start + len(piece)
    return out


def find(text: str, counts: list[dict] | None):
    return BreakdownFinder().find(text, counts)


def as_parts(record: dict) -> dict[str, float]:
    return {p["field"]: p["value"] for p in record["parts"]}


# -- layouts (hand-made counts) ---------------------------------------------------------------------

LAYOUTS = [
    pytest.param(
        "Huyện đã có 20 mô hình được đăng ký trên các lĩnh vực kinh tế - 07 mô hình; văn hóa - xã hội 06 mô hình; "
        "quốc phòng – an ninh 04 mô hình và 03 mô hình thuộc lĩnh vực xây dựng hệ thống chính trị.",
        ["20 mô hình", "07 mô hình", "06 mô hình", "04 mô hình", "03 mô hình"],
        20, {"economy": 7, "culture_society": 6, "defense_security": 4, "political_system": 3}, id="mixed_order_dashes"),
    pytest.param(
        "Năm 2021 toàn tỉnh có 900 mô hình, trong đó: kinh tế 350 mô hình; văn hóa - xã hội 260 mô hình; "
        "quốc phòng - an ninh 170 mô hình; xây dựng hệ thống chính trị 120 mô hình.",
        ["900 mô hình", "350 mô hình", "260 mô hình", "170 mô hình", "120 mô hình"],
        900, {"economy": 350, "culture_society": 260, "defense_security": 170, "political_system": 120}, id="trong_do_colon"),
    pytest.param(
        "Xã đăng ký 09 mô hình, gồm 03 mô hình thuộc lĩnh vực kinh tế, 04 mô hình thuộc lĩnh vực văn hóa - xã hội "
        "và 02 mô hình thuộc lĩnh vực quốc phòng - an ninh.",
        ["09 mô hình", "03 mô hình", "04 mô hình", "02 mô hình"],
        9, {"economy": 3, "culture_society": 4, "defense_security": 2}, id="gom_number_then_field"),
    pytest.param(
        "Toàn tỉnh xây dựng 1.500 mô hình (kinh tế: 600; văn hóa - xã hội: 400; quốc phòng - an ninh: 300; "
        "xây dựng hệ thống chính trị: 200).",
        ["1.500 mô hình", "600", "400", "300", "200"],
        1500, {"economy": 600, "culture_society": 400, "defense_security": 300, "political_system": 200}, id="parenthesised_colon"),
    pytest.param(
        "Huyện có 31 mô hình tập trung vào các lĩnh vực như kinh tế (15 mô hình), văn hóa - xã hội (10 mô hình), "
        "an ninh trật tự (6 mô hình).",
        ["31 mô hình", "15 mô hình", "10 mô hình", "6 mô hình"],
        31, {"economy": 15, "culture_society": 10, "defense_security": 6}, id="nhu_parenthesised_units"),
    pytest.param(
        "Năm 2020, Hội Phụ nữ duy trì 26 mô hình. Các mô hình kinh tế chiếm 16 mô hình, như “Tổ vay vốn xoay vòng”. "
        "10 mô hình còn lại thuộc lĩnh vực văn hóa - xã hội.",
        ["26 mô hình", "16 mô hình", "10 mô hình"],
        26, {"economy": 16, "culture_society": 10}, id="next_sentences_remainder"),
    pytest.param(
        "Thành ủy chỉ đạo xây dựng 50 mô hình. Trong đó, lĩnh vực kinh tế 20 mô hình, văn hóa - xã hội 15 mô hình.\n"
        "Lĩnh vực quốc phòng - an ninh có 9 mô hình, còn lại là lĩnh vực xây dựng Đảng với 6 mô hình.",
        ["50 mô hình", "20 mô hình", "15 mô hình", "9 mô hình", "6 mô hình"],
        50, {"economy": 20, "culture_society": 15, "defense_security": 9, "political_system": 6}, id="three_sentences_line_break"),
    pytest.param(
        "Ban Thường vụ khen thưởng 30 điển hình, gồm 12 tập thể và 18 cá nhân. Phân theo lĩnh vực, có 13 điển hình "
        "thuộc lĩnh vực kinh tế, 9 điển hình văn hóa - xã hội, 5 điển hình quốc phòng - an ninh và 3 điển hình "
        "xây dựng hệ thống chính trị.",
        ["30 điển hình", "12 tập thể", "18 cá nhân", "13 điển hình", "9 điển hình", "5 điển hình", "3 điển hình"],
        30, {"economy": 13, "culture_society": 9, "defense_security": 5, "political_system": 3}, id="after_collective_individual"),
    pytest.param(
        "Đến nay huyện có 60 mô hình đang duy trì, trong đó có 28 mô hình phát triển kinh tế và 14 mô hình bảo đảm "
        "quốc phòng - an ninh ở vùng biên giới.",
        ["60 mô hình", "28 mô hình", "14 mô hình"],
        60, {"economy": 28, "defense_security": 14}, id="partial_two_fields"),
    pytest.param(
        "Năm 2019, các chi bộ đăng ký 21 mô hình: lĩnh vực kinh tế - 09 mô hình; văn hóa - xã hội - 06 mô hình; "
        "quốc phòng - an ninh - 04 mô hình; xây dựng Đảng, xây dựng chính quyền - 02 mô hình.",
        ["21 mô hình", "09 mô hình", "06 mô hình", "04 mô hình", "02 mô hình"],
        21, {"economy": 9, "culture_society": 6, "defense_security": 4, "political_system": 2}, id="dash_inside_labels"),
    pytest.param(
        "Số liệu năm 2022: tổng số 50 mô hình; kinh tế: 20; văn hóa - xã hội: 14; an ninh - quốc phòng: 10; "
        "xây dựng chính quyền: 6.",
        ["50 mô hình", "20", "14", "10", "6"],
        50, {"economy": 20, "culture_society": 14, "defense_security": 10, "political_system": 6}, id="table_like_reversed_label"),
    pytest.param(
        "Năm 2018 có 17 mô hình tiêu biểu: xây dựng hệ thống chính trị 4 mô hình, kinh tế 6 mô hình, văn hóa - xã hội "
        "4 mô hình và quốc phòng - an ninh 3 mô hình.",
        ["17 mô hình", "4 mô hình", "6 mô hình", "4 mô hình", "3 mô hình"],
        17, {"political_system": 4, "economy": 6, "culture_society": 4, "defense_security": 3}, id="unusual_order_repeated_value"),
    pytest.param(
        "Các mô hình thuộc lĩnh vực kinh tế là 14 mô hình; văn hóa - xã hội là 9 mô hình; quốc phòng - an ninh là "
        "5 mô hình; xây dựng hệ thống chính trị là 2 mô hình, tổng cộng 30 mô hình.",
        ["14 mô hình", "9 mô hình", "5 mô hình", "2 mô hình", "30 mô hình"],
        30, {"economy": 14, "culture_society": 9, "defense_security": 5, "political_system": 2}, id="total_after_parts"),
    pytest.param(
        "Năm 2023, xã có 12 mô hình: kinh tế 5, văn hóa - xã hội 4, quốc phòng - an ninh 2, xây dựng hê thống chính trị 1.",
        ["12 mô hình", "5", "4", "2", "1"],
        12, {"economy": 5, "culture_society": 4, "defense_security": 2, "political_system": 1}, id="tone_typo_in_label"),
]


@pytest.mark.parametrize("text,pieces,total,parts", LAYOUTS)
def test_breakdowns_layouts(text, pieces, total, parts):
    records, _ = find(text, counts_for(text, *pieces))
    assert len(records) == 1, records
    rec = records[0]
    assert rec["total"] == total
    assert sorted((p["field"], p["value"]) for p in rec["parts"]) == sorted(parts.items())


@pytest.mark.parametrize("text,pieces,total,parts", LAYOUTS)
def test_breakdowns_spans_point_at_the_text(text, pieces, total, parts):
    rec = find(text, counts_for(text, *pieces))[0][0]
    a, b = rec["total_span"]
    assert parse_number(re.match(r"[\d.,]+", text[a:b]).group(0)) == total
    assert len(rec["part_spans"]) == len(rec["parts"])
    for (s, e), part in zip(rec["part_spans"], rec["parts"]):
        assert part["label"] in text[s:e]
        assert rec["span"][0] <= s and e <= rec["span"][1]
    assert rec["rule"].startswith("fields:")


def test_breakdowns_two_breakdowns_for_two_years():
    text = ("Năm 2022 toàn tỉnh có 100 mô hình, trong đó kinh tế 40 mô hình, văn hóa - xã hội 30 mô hình, quốc phòng - "
            "an ninh 20 mô hình, xây dựng hệ thống chính trị 10 mô hình. Năm 2023 tăng lên 120 mô hình: kinh tế 50, "
            "văn hóa - xã hội 35, quốc phòng - an ninh 20, xây dựng hệ thống chính trị 15.")
    pieces = ["100 mô hình", "40 mô hình", "30 mô hình", "20 mô hình", "10 mô hình", "120 mô hình", "50", "35", "20", "15"]
    records, _ = find(text, counts_for(text, *pieces))
    assert [r["total"] for r in records] == [100, 120]
    assert as_parts(records[1]) == {"economy": 50, "culture_society": 35, "defense_security": 20, "political_system": 15}


# -- look-alikes: no field breakdown ----------------------------------------------------------------

NOT_BREAKDOWNS = [
    pytest.param("Năm qua huyện khen thưởng 25 điển hình, gồm 10 tập thể và 15 cá nhân.",
                 ["25 điển hình", "10 tập thể", "15 cá nhân"], "kind", id="collective_individual"),
    pytest.param("Huyện có 70 mô hình được công nhận, trong đó cấp huyện công nhận 25 mô hình, cấp xã công nhận 45 mô hình.",
                 ["70 mô hình", "25 mô hình", "45 mô hình"], "level", id="by_level"),
    pytest.param("Năm 2021 có 90 mô hình, trong đó 35 mô hình mới và 55 mô hình được nhân rộng.",
                 ["90 mô hình", "35 mô hình mới", "55 mô hình"], "kind", id="new_replicated"),
    pytest.param("Toàn tỉnh có 2.100 mô hình được duy trì, trong đó có 300 mô hình mới.",
                 ["2.100 mô hình", "300 mô hình mới"], None, id="subset_only"),
    pytest.param("Hội Cựu chiến binh duy trì 18 mô hình kinh tế có thu nhập cao.",
                 ["18 mô hình"], None, id="lone_field_without_total"),
    pytest.param("Gắn với nhiệm vụ phát triển kinh tế - xã hội, 15 xã đã xây dựng 20 mô hình và 12 nhà văn hóa.",
                 ["15 xã", "20 mô hình", "12 nhà văn hóa"], None, id="socio_economic_and_cultural_house"),
    pytest.param("Có 40 mô hình như “Phụ nữ phát triển kinh tế 5 tốt”, “An ninh trật tự 3 không”.",
                 ["40 mô hình"], None, id="labels_inside_model_names"),
]


@pytest.mark.parametrize("text,pieces,split", NOT_BREAKDOWNS)
def test_breakdowns_lookalikes_are_not_field_breakdowns(text, pieces, split):
    records, others = find(text, counts_for(text, *pieces))
    assert records == []
    assert [s["by"] for s in others] == ([split] if split else [])
    assert all(p["field"] is None for s in others for p in s["parts"])
    assert all(s["partition"] for s in others)  # these parts add up to their totals


# -- labels ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("quốc phòng – an ninh", [("quốc phòng – an ninh", "defense_security")]),
    ("an ninh - quốc phòng", [("an ninh - quốc phòng", "defense_security")]),
    ("an ninh trật tự", [("an ninh trật tự", "defense_security")]),
    ("văn hóa — xã hội", [("văn hóa — xã hội", "culture_society")]),
    ("phát triển kinh tế", [("phát triển kinh tế", "economy")]),
    ("xây dựng Đảng, xây dựng chính quyền", [("xây dựng Đảng, xây dựng chính quyền", "political_system")]),
    ("phát triển kinh tế - xã hội", []),
    ("nhà văn hóa", []),
    ("mô hình “Phụ nữ giúp nhau phát triển kinh tế”", []),
])
def test_breakdowns_field_labels(text, expected):
    assert [(lab.text, lab.field) for lab in find_labels(text)] == expected


# -- without the counts component, and end to end ------------------------------------------------------

@pytest.mark.parametrize("text,pieces,total,parts", LAYOUTS)
def test_breakdowns_fallback_without_counts(text, pieces, total, parts):
    records, _ = find(text, None)
    assert [(r["total"], sorted(as_parts(r).items())) for r in records] == [(total, sorted(parts.items()))]


@pytest.mark.parametrize("text,pieces,total,parts", LAYOUTS)
def test_breakdowns_end_to_end_with_counts_component(nlp, text, pieces, total, parts):
    doc = nlp(text)
    counts = (doc._.dvnlp_facts or {}).get("counts")
    if counts is None:
        pytest.skip("dvnlp_counts is not in the pipeline")
    records, _ = find(doc.text, counts)
    assert [(r["total"], sorted(as_parts(r).items())) for r in records] == [(total, sorted(parts.items()))]


def test_breakdowns_factory_adds_records_and_spans():
    import dvnlp

    nlp = dvnlp.load()
    if "dvnlp_breakdowns" not in nlp.pipe_names:
        import dvnlp.components.breakdowns  # noqa: F401 - registers the factory

        nlp.add_pipe("dvnlp_breakdowns", last=True)
    text = LAYOUTS[0].values[0]
    doc = nlp(text)
    records = doc._.dvnlp_facts["breakdowns"]
    assert len(records) == 1 and records[0]["total"] == 20
    assert set(records[0]) == {"total", "unit", "parts", "span", "total_span", "part_spans", "rule", "by", "partition",
                               "total_qualifier"}
    assert records[0]["by"] == "field" and records[0]["partition"] is True
    assert len(doc.spans["breakdowns"]) == 1


def test_breakdowns_never_raise_on_odd_input():
    finder = BreakdownFinder()
    for text in ["", "kinh tế", "kinh tế 5", "12 mô hình: kinh tế , văn hóa - xã hội",
                 "kinh tế: 1.2.3; văn hóa - xã hội: ,5", "(" * 50 + "kinh tế 3 văn hóa 4" + ")" * 50]:
        finder.find(text, None)
        finder.find(text, [{"value": "x"}, {"span": None}])


@pytest.mark.parametrize("text,pieces,expected", [
    pytest.param("Năm 2023 xây dựng 55 mô hình, trong đó có 40 mô hình ở cấp xã và 15 mô hình ở cấp huyện; chia theo "
                 "lĩnh vực: kinh tế 25, văn hóa - xã hội 15, quốc phòng - an ninh 10, xây dựng hệ thống chính trị 5.",
                 ["55 mô hình", "40 mô hình", "15 mô hình", "25", "15", "10", "5"], [55], id="enumeration_item_gives_way"),
    pytest.param("Có 20 mô hình được công nhận; ngoài ra có 12 mô hình kinh tế, 8 mô hình văn hóa - xã hội đang xây dựng.",
                 ["20 mô hình", "12 mô hình", "8 mô hình"], [], id="ngoai_ra_is_a_new_topic"),
    pytest.param("Năm 2022 Hội có 45 chi hội. Hội đã xây dựng 12 mô hình kinh tế và 8 mô hình văn hóa - xã hội.",
                 ["45 chi hội", "12 mô hình", "8 mô hình"], [], id="total_noun_must_agree"),
    pytest.param("Số liệu năm 2021: tổng số 40 mô hình; kinh tế: 16; văn hóa - xã hội: 11; quốc phòng - an ninh: 8; "
                 "xây dựng hệ thống chính trị: 5.", ["16", "11", "8", "5"], [40], id="total_missed_by_counts"),
])
def test_breakdowns_choice_of_total(text, pieces, expected):
    records, _ = find(text, counts_for(text, *pieces))
    assert [r["total"] for r in records] == expected


# -- issue 14: breakdowns that are not by field, end to end (sentences written here, figures invented) ----------

def _others(nlp, text):
    recs = (nlp(text)._.dvnlp_facts or {}).get("breakdowns", [])
    return [(r["total"], [p["value"] for p in r["parts"]], r["by"], r["partition"]) for r in recs if r["by"] != "field"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Danh sách gồm 207 người, trong đó có 174 người do Ban Chấp hành giới thiệu, 31 người do đại hội "
                 "đề cử và 2 người tự ứng cử.", [(207, [174, 31, 2], "kind", True)], id="trong_do_co"),
    pytest.param("Đoàn đem về 22 huy chương gồm 10 vàng, 9 bạc, 3 đồng.", [(22, [10, 9, 3], "kind", True)],
                 id="gom_short_nouns"),
    pytest.param("Đoàn đạt 5 huy chương (1 bạc, 4 đồng) và 3 bằng khen.", [(5, [1, 4], "kind", True)], id="brackets"),
    pytest.param("Trên xe có 3 người, gồm một phụ nữ, một trẻ em và một lái xe.", [(3, [1, 1, 1], "kind", True)],
                 id="parts_in_words"),
    pytest.param("Đảng bộ có 64 đảng bộ, chi bộ trực thuộc, trong đó có 34 đảng bộ cấp trên cơ sở, 29 đảng bộ cơ sở, "
                 "1 chi bộ cơ sở.", [(64, [34, 29, 1], "level", True)], id="by_level"),
    pytest.param("Tổng số gia cầm được tiêm là 123 triệu con, trong đó gà là 81 triệu, vịt 41 triệu và 1.000 ngỗng.",
                 [(123_000_000, [81_000_000, 41_000_000, 1000], "kind", False)], id="scales_converted"),
    pytest.param("Tỉnh có gần 300 gian hàng, trong đó có 157 gian triển lãm, 10 gian của 53 doanh nghiệp và 120 gian "
                 "thương mại.", [(300, [157, 10, 120], "kind", True)], id="number_inside_a_part_is_not_a_part"),
    pytest.param("Phát hiện 400 ca bệnh, trong đó có 50 ca nặng, 1 ca tử vong.", [(400, [50, 1], "kind", False)],
                 id="subset_list"),
])
def test_breakdowns_other_layouts_end_to_end(nlp, text, expected):
    assert _others(nlp, text) == expected


def _labelled(nlp, text):
    recs = (nlp(text)._.dvnlp_facts or {}).get("breakdowns", [])
    return [(r["total"], r["by"], [(p["value"], p["field"] if r["by"] == "field" else p["label"]) for p in r["parts"]])
            for r in recs]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Lĩnh vực | Số mô hình\nKinh tế | 25\nVăn hóa - xã hội | 18\nQuốc phòng - an ninh | 7\n"
                 "Xây dựng hệ thống chính trị | 10\nTổng | 60",
                 [(60, "field", [(25, "economy"), (18, "culture_society"), (7, "defense_security"),
                                 (10, "political_system")])], id="table_with_bars"),
    pytest.param("1. Lĩnh vực kinh tế: 12 mô hình.\n2. Lĩnh vực văn hóa - xã hội: 9 mô hình.\n3. Lĩnh vực quốc phòng - "
                 "an ninh: 4 mô hình.\n4. Lĩnh vực xây dựng hệ thống chính trị: 5 mô hình.\nTổng cộng: 30 mô hình.",
                 [(30, "field", [(12, "economy"), (9, "culture_society"), (4, "defense_security"),
                                 (5, "political_system")])], id="numbered_lines_total_after"),
    pytest.param("Có 1.200 mô hình đăng ký, trong đó 1.050 mô hình được công nhận, gồm 500 mô hình kinh tế, 300 mô hình "
                 "văn hóa - xã hội, 150 mô hình quốc phòng - an ninh và 100 mô hình xây dựng hệ thống chính trị.",
                 [(1050, "field", [(500, "economy"), (300, "culture_society"), (150, "defense_security"),
                                   (100, "political_system")])], id="nested_total_is_the_sum"),
    pytest.param("Xây dựng được 25 mô hình ở các lĩnh vực: Kinh tế (10 mô hình), văn hóa – xã hội (8 mô hình), quốc "
                 "phòng – an ninh (4 mô hình) và xây dựng Đảng, hệ thống chính trị (3 mô hình).",
                 [(25, "field", [(10, "economy"), (8, "culture_society"), (4, "defense_security"),
                                 (3, "political_system")])], id="field_with_a_comma"),
    pytest.param("Toàn thành phố có 95 mô hình. Về lĩnh vực, kinh tế có 40 mô hình, văn hóa - xã hội 30 mô hình, quốc "
                 "phòng - an ninh 15 mô hình, dân vận chính quyền 10 mô hình.",
                 [(95, "field", [(40, "economy"), (30, "culture_society"), (15, "defense_security"),
                                 (10, "political_system")])], id="dan_van_chinh_quyen"),
    pytest.param("Huyện đã xây dựng mười hai mô hình, trong đó năm mô hình kinh tế và bảy mô hình văn hóa - xã hội.",
                 [(12, "field", [(5, "economy"), (7, "culture_society")])], id="numbers_in_words"),
    pytest.param("Toàn tỉnh có 1.245 mô hình được công nhận, trong đó cấp tỉnh 125 mô hình, cấp huyện 420 mô hình, cấp xã "
                 "700 mô hình.", [(1245, "level", [(125, "cấp tỉnh"), (420, "cấp huyện"), (700, "cấp xã")])],
                 id="three_levels"),
    pytest.param("Toàn tỉnh có 512 mô hình, trong đó cấp tỉnh 12, cấp huyện 100, cấp cơ sở 400.",
                 [(512, "level", [(12, "cấp tỉnh"), (100, "cấp huyện"), (400, "cấp cơ sở")])], id="labels_before_numbers"),
    pytest.param("Có 150 tập thể, 95 cá nhân được khen thưởng, tổng cộng 245 điển hình.",
                 [(245, "kind", [(150, "tập thể"), (95, "cá nhân")])], id="kinds_total_after"),
    pytest.param("Đã có hơn 270 hộ tham gia, trong đó 194 hộ nghèo và 80 hộ cận nghèo.",
                 [(270, "kind", [(194, "hộ nghèo"), (80, "hộ cận nghèo")])], id="label_without_the_full_stop"),
])
def test_breakdowns_report_layouts_with_labels(nlp, text, expected):
    assert _labelled(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Ninh Bình (6 huyện, 16 xã), Sơn La (1 huyện, 1 xã) còn dịch.",  # brackets after a name, no total
    "Có 7 quyết định, trong đó có 6 quyết định được ký chỉ trong vòng một ngày.",  # one part
    "Tòa nhà rộng 35.000 m2, gồm 1 hầm, 1 trệt và 14 lầu.",  # floors are not square metres
])
def test_breakdowns_other_lookalikes(nlp, text):
    assert _others(nlp, text) == []
