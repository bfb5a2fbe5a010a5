"""dvnlp.checks: sums, ratios, percentages, dates and cross-document totals.

Reports are built by hand (Report/Count/Breakdown) so each rule is tested on its own, and a few
go end to end through the pipeline. All sentences were written for these tests.
"""
from __future__ import annotations

import json
import re

import pytest

from dvnlp.checks import ERROR_KINDS, check, check_batch
from dvnlp.checks.ratios import decimals, tolerance
from dvnlp.facts.report import Breakdown, Count, DocumentRef, Part, Report
from dvnlp.segment.patterns import parse_number


# -- helpers --------------------------------------------------------------------------------------

def count(text: str, piece: str, *, after: int = 0, qualifier: str | None = None) -> Count:
    """A Count for ``piece`` (``"45/50 xã"``, ``"95%"``, ``"20 mô hình"``) found in ``text``."""
    start = text.index(piece, after)
    m = re.match(r"(\d[\d.,]*)(?:/(\d[\d.,]*))?\s*(%)?\s*(.*)", piece)
    num, of, pct, unit = m.groups()
    nend = start + len(num) + (len(of) + 1 if of else 0) + (1 if pct else 0)
    return Count(value=parse_number(num), of=parse_number(of) if of else None, unit="%" if pct else (unit or None),
                 qualifier=qualifier, span=(start, start + len(piece)), number_span=(start, nend), rule="test")


def report(text: str, *pieces: str, breakdowns=(), documents=(), doc_id="t") -> Report:
    counts, pos = [], 0
    for piece in pieces:
        qual = None
        if piece.startswith(("hơn ", "trên ", "gần ", "khoảng ")):
            qual, piece = piece.split(" ", 1)
        c = count(text, piece, after=pos, qualifier=qual)
        pos = c.span[1]
        counts.append(c)
    return Report(id=doc_id, text=text, counts=counts, breakdowns=list(breakdowns), documents=list(documents))


def breakdown(text: str, total_piece: str, parts: list[tuple[str, str, str]]) -> Breakdown:
    """parts: (label, number piece, field), each looked up after the total."""
    t0 = text.index(total_piece)
    total = parse_number(re.match(r"[\d.,]+", total_piece).group(0))
    pos, part_objs, spans = t0 + len(total_piece), [], []
    for label, piece, field in parts:
        a = text.index(label, pos) if label in text[pos:] else text.index(piece, pos)
        b = text.index(piece, pos)
        e = max(a + len(label), b + len(piece))
        spans.append((min(a, b), e))
        pos = e
        part_objs.append(Part(value=parse_number(re.match(r"[\d.,]+", piece).group(0)), label=label, field=field))
    bd = Breakdown(total=total, unit="mô hình", parts=part_objs, span=(t0, pos), rule="test")
    bd.total_span = (t0, t0 + len(total_piece))  # also works before Breakdown declares these fields
    bd.part_spans = spans
    return bd


def kinds(rep: Report) -> list[str]:
    return [f.kind for f in rep.checks]


FOUR = [("kinh tế", "E", "economy"), ("văn hóa - xã hội", "C", "culture_society"),
        ("quốc phòng - an ninh", "D", "defense_security"), ("xây dựng hệ thống chính trị", "P", "political_system")]


def four_field_text(total, e, c, d, p, intro="trong đó"):
    text = (f"Năm 2022 toàn huyện có {total} mô hình, {intro} kinh tế {e} mô hình, văn hóa - xã hội {c} mô hình, "
            f"quốc phòng - an ninh {d} mô hình, xây dựng hệ thống chính trị {p} mô hình.")
    parts = [(lab, f"{v} mô hình", f) for (lab, _, f), v in zip(FOUR, (e, c, d, p))]
    return text, breakdown(text, f"{total} mô hình", parts)


# -- sums ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("total,e,c,d,p,flag", [
    (20, 7, 6, 4, 3, False),
    (873, 342, 251, 160, 130, True),  # 883
    (58, 21, 17, 9, 8, True),  # 55 < 58, but all four fields: complete
    (1366, 486, 405, 218, 257, False),
])
def test_sums_four_fields(total, e, c, d, p, flag):
    text, bd = four_field_text(total, e, c, d, p)
    rep = check(report(text, breakdowns=[bd]))
    assert kinds(rep) == (["sum_mismatch"] if flag else [])
    assert rep.checked["sums"] == 1
    if flag:
        f = rep.checks[0]
        assert f.severity == "error" and f.details["total"] == total and f.details["sum"] == e + c + d + p
        assert f.message and f.message_vi and f.evidence


PARTIAL = [
    pytest.param("Huyện có 53 mô hình, trong đó có 24 mô hình phát triển kinh tế và 11 mô hình bảo đảm quốc phòng - an ninh.",
                 "53 mô hình", [("phát triển kinh tế", "24 mô hình", "economy"), ("quốc phòng - an ninh", "11 mô hình", "defense_security")],
                 [], id="partial_less_is_fine"),
    pytest.param("Hội có 34 mô hình; trong đó, lĩnh vực kinh tế có 21 mô hình, lĩnh vực quốc phòng - an ninh có 17 mô hình.",
                 "34 mô hình", [("kinh tế", "21 mô hình", "economy"), ("quốc phòng - an ninh", "17 mô hình", "defense_security")],
                 ["sum_mismatch"], id="partial_exceeding"),
    pytest.param("Có 30 mô hình, trong đó 12 mô hình kinh tế, 8 mô hình văn hóa - xã hội, còn lại 6 mô hình thuộc lĩnh vực quốc phòng - an ninh.",
                 "30 mô hình", [("kinh tế", "12 mô hình", "economy"), ("văn hóa - xã hội", "8 mô hình", "culture_society"),
                                ("quốc phòng - an ninh", "6 mô hình", "defense_security")],
                 ["sum_mismatch"], id="remainder_claims_complete"),
    pytest.param("Có 26 mô hình, trong đó 12 mô hình kinh tế, 8 mô hình văn hóa - xã hội, còn lại 6 mô hình thuộc lĩnh vực quốc phòng - an ninh.",
                 "26 mô hình", [("kinh tế", "12 mô hình", "economy"), ("văn hóa - xã hội", "8 mô hình", "culture_society"),
                                ("quốc phòng - an ninh", "6 mô hình", "defense_security")],
                 [], id="remainder_adds_up"),
    pytest.param("Xã đăng ký 10 mô hình, gồm 03 mô hình thuộc lĩnh vực kinh tế, 03 mô hình thuộc lĩnh vực văn hóa - xã hội và 02 mô hình thuộc lĩnh vực quốc phòng - an ninh.",
                 "10 mô hình", [("kinh tế", "03 mô hình", "economy"), ("văn hóa - xã hội", "03 mô hình", "culture_society"),
                                ("quốc phòng - an ninh", "02 mô hình", "defense_security")],
                 ["sum_mismatch"], id="gom_enumeration_claims_complete"),
    pytest.param("Xã đăng ký 07 mô hình, gồm 02 mô hình thuộc lĩnh vực kinh tế, 03 mô hình thuộc lĩnh vực văn hóa - xã hội và 02 mô hình thuộc lĩnh vực quốc phòng - an ninh.",
                 "07 mô hình", [("kinh tế", "02 mô hình", "economy"), ("văn hóa - xã hội", "03 mô hình", "culture_society"),
                                ("quốc phòng - an ninh", "02 mô hình", "defense_security")],
                 [], id="gom_enumeration_adds_up"),
]


@pytest.mark.parametrize("text,total_piece,parts,expected", PARTIAL)
def test_sums_partial_and_complete_enumerations(text, total_piece, parts, expected):
    rep = check(report(text, breakdowns=[breakdown(text, total_piece, parts)]))
    assert kinds(rep) == expected


def test_sums_work_without_part_spans():
    text, bd = four_field_text(31, 12, 9, 5, 6)
    plain = Breakdown(total=bd.total, unit=bd.unit, parts=bd.parts, span=bd.span, rule=bd.rule)
    assert kinds(check(report(text, breakdowns=[plain]))) == ["sum_mismatch"]


# -- ratios -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,pieces,expected", [
    ("Có 26/24 đơn vị đã đăng ký thi đua.", ["26/24 đơn vị"], ["ratio_exceeds_total"]),
    ("Vận động được 38/36 hộ di cư tự do trở về quê.", ["38/36 hộ"], ["ratio_exceeds_total"]),
    ("Có 13/12 xã tổ chức đối thoại.", ["13/12 xã"], ["ratio_exceeds_total"]),
    ("Có 14/14 xã, thị trấn tổ chức đối thoại.", ["14/14 xã"], []),
    ("Đã có 10.614/10.614 xã, phường thành lập Ban Thanh tra nhân dân.", ["10.614/10.614 xã"], []),
    ("Tối 25/12 tại nhà văn hóa thôn diễn ra lễ trao quà.", ["25/12 tại"], []),  # a day/month read as a ratio
    ("Ông ở số nhà 14/11 đường Trần Phú.", ["14/11 đường"], []),  # an address
    ("Lễ 30/4 năm nay không bắn pháo hoa.", ["30/4 năm"], []),
    ("Đường dây nóng hoạt động 24/7 để tiếp nhận phản ánh.", ["24/7 để"], []),
    ("Văn phòng đặt tại 502/472 Nguyễn Đình Chiểu, phường 4.", ["502/472 Nguyễn Đình Chiểu"], []),  # address
    ("Gia đình ở 35/4A khu phố 2 đã được hỗ trợ.", ["35/4A khu"], []),
    ("Tỷ lệ tử vong giảm từ 249/1 vạn trẻ xuống còn 85/1 vạn.", ["249/1 vạn trẻ", "85/1 vạn"], []),  # per 10,000
    ("Có 27/25 thôn, xóm tổ chức hội nghị lấy ý kiến Nhân dân.", ["27/25 thôn"], ["ratio_exceeds_total"]),
    ("Các hộ ở nhà 293/15 đường Lê Lợi bị phát hiện.", ["293/15 đường Lê Lợi"], []),  # street address
    ("Có 17/15 cơ quan khối Đảng được đánh giá tốt.", ["17/15 cơ quan khối Đảng"], ["ratio_exceeds_total"]),
    ("Có 21/20 em học sinh được nhận học bổng.", ["21/20 em học sinh"], ["ratio_exceeds_total"]),
    # a house number in a named place (a place noun, then a capitalized name) is no ratio
    ("Cơ sở giết mổ ở 21/6 thị trấn Hóc Môn do ông A làm chủ.", ["21/6 thị trấn"], []),
    ("Cháy kho thuốc tại bệnh viện 19/8 phường Mai Dịch, Cầu Giấy.", ["19/8 phường"], []),
    ("Có 21/6 thị trấn đạt chuẩn văn minh đô thị.", ["21/6 thị trấn"], ["ratio_exceeds_total"]),
])
def test_ratios_exceeding_total(text, pieces, expected):
    rep = check(report(text, *pieces))
    assert kinds(rep) == expected
    for f in rep.checks:
        assert f.severity == "error" and f.details["value"] > f.details["of"]


# -- percentages ----------------------------------------------------------------------------------------

AGREE = [("21/22", "95,45"), ("45/50", "90"), ("13/15", "86,7"), ("2/3", "66,7"), ("58/62", "93,5"),
         ("312/325", "96"), ("92/98", "93,88"), ("7/9", "77,78"), ("1.870/2.134", "87,6"), ("10/11", "90,9")]
DISAGREE = [("45/50", "95"), ("79/98", "85,6"), ("15/17", "100"), ("19/23", "86,9"), ("128/135", "98"), ("28/31", "95,3")]


@pytest.mark.parametrize("ratio,pct", AGREE)
@pytest.mark.parametrize("layout", ["{r} xã đạt chuẩn, đạt {p}%.", "{r} xã ({p}%) đạt chuẩn.",
                                    "{r} xã đạt chuẩn, đạt tỷ lệ {p}%.", "Đạt {p}% ({r} xã) đạt chuẩn."])
def test_percents_within_tolerance_are_not_flagged(ratio, pct, layout):
    text = "Năm 2023 có " + layout.format(r=ratio, p=pct)
    rep = check(report(text, *sorted([f"{ratio} xã", f"{pct}%"], key=text.index)))
    assert kinds(rep) == []
    assert rep.checked["percents"] == 1


@pytest.mark.parametrize("ratio,pct", DISAGREE)
@pytest.mark.parametrize("layout", ["{r} xã đạt chuẩn, đạt {p}%.", "{r} xã ({p}%) đạt chuẩn.",
                                    "{r} xã đạt chuẩn, đạt tỷ lệ {p}%."])
def test_percents_outside_tolerance_are_flagged(ratio, pct, layout):
    text = "Năm 2023 có " + layout.format(r=ratio, p=pct)
    rep = check(report(text, f"{ratio} xã", f"{pct}%"))
    assert kinds(rep) == ["percent_mismatch"]
    f = rep.checks[0]
    assert f.severity == "error" and len(f.evidence) == 2
    x, y = (parse_number(v) for v in ratio.split("/"))
    assert f.details["computed_percent"] == pytest.approx(100 * x / y, abs=1e-3)
    assert f.details["stated_percent"] == parse_number(pct)


@pytest.mark.parametrize("text,pieces", [
    pytest.param("Có 15/16 buôn đạt danh hiệu buôn văn hóa; tỷ lệ hộ dùng nước hợp vệ sinh đạt 96%.", ["15/16 buôn", "96%"], id="other_base_after_semicolon"),
    pytest.param("Có 15/16 buôn đạt danh hiệu, tỷ lệ hộ dùng nước hợp vệ sinh đạt 80%.", ["15/16 buôn", "80%"], id="other_rate_word"),
    pytest.param("Có 45/50 xã hoàn thành, đạt 100% kế hoạch năm.", ["45/50 xã", "100%"], id="percent_of_plan"),
    pytest.param("Có 45/50 xã hoàn thành. Tỷ lệ hộ nghèo còn 5%.", ["45/50 xã", "5%"], id="next_sentence"),
    pytest.param("Có 46/50 xã đạt chuẩn, đạt hơn 90%.", ["46/50 xã", "hơn 90%"], id="hedged_lower_bound_holds"),
    pytest.param("Có 12/12 xã đạt chuẩn, đạt 100%; 100% cơ quan công khai tài chính.", ["12/12 xã", "100%", "100%"], id="second_percent_without_base"),
])
def test_percents_lookalikes_are_not_compared_or_agree(text, pieces):
    assert kinds(check(report(text, *pieces))) == []


def test_percents_hedged_bound_violated():
    text = "Có 44/50 xã đạt chuẩn, đạt trên 90%."
    assert kinds(check(report(text, "44/50 xã", "trên 90%"))) == ["percent_mismatch"]


@pytest.mark.parametrize("written,dec,tol", [("95", 0, 1.0), ("86,7", 1, 0.55), ("95,45", 2, 0.505), ("100", 0, 1.0)])
def test_percents_tolerance_follows_last_written_digit(written, dec, tol):
    assert decimals(written) == dec
    assert tolerance(written) == pytest.approx(tol)


# -- what could not be checked -----------------------------------------------------------------------------

def test_checked_reports_percentages_without_base_and_totals_without_parts():
    text = "Năm 2023 toàn huyện có 120 mô hình, trong đó nhiều mô hình hiệu quả; 100% thôn có tổ hòa giải."
    rep = check(report(text, "120 mô hình", "100%"))
    whats = [u["what"] for u in rep.checked["unchecked"]]
    assert whats == ["total without parts", "percentage without base"]
    for u in rep.checked["unchecked"]:
        a, b = u["span"]
        assert text[a:b] in ("120 mô hình", "100%")
    assert set(rep.checked) >= {"sums", "ratios", "percents", "unchecked"}


# -- dates ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Hội nghị diễn ra ngày 31/02/2023 tại hội trường huyện.", ["date_invalid"]),
    ("Hội nghị diễn ra ngày 32 tháng 5 năm 2021.", ["date_invalid"]),
    ("Đề án thực hiện trong giai đoạn 2025-2021.", ["date_period_reversed"]),
    ("Từ ngày 20/5/2022 đến ngày 10/5/2022, đoàn kiểm tra làm việc tại 5 xã.", ["date_period_reversed"]),
    ("Đề án thực hiện trong giai đoạn 2021-2025 và nhiệm kỳ 2020-2025.", []),
    ("Ngày 28/02/2024, huyện tổ chức hội nghị.", []),
])
def test_dates_sanity(text, expected):
    rep = check(report(text))
    assert sorted(kinds(rep)) == expected
    assert all(f.severity == "warning" for f in rep.checks)


def _document(text: str, symbol: str, date: str) -> DocumentRef:
    a = text.index(symbol)
    return DocumentRef(kind="Quyết định", number=symbol.split("-")[0], symbol=symbol, issuer_code=None, issuer=None,
                       date=date, subject=None, span=(a, a + len(symbol)))


@pytest.mark.parametrize("heading,doc_date,flag", [
    ("Đak Đoa, ngày 15 tháng 12 năm 2022", "2023-01-05", True),
    ("Đak Đoa, ngày 15 tháng 12 năm 2022", "2022-12-01", False),
    ("Cập nhật: 09/03/2021 08:15", "2021-04-02", True),
    ("", "2030-01-01", False),  # the report's own date is unknown
])
def test_dates_document_after_report(heading, doc_date, flag):
    text = f"{heading}\nThực hiện Quyết định số 12-QĐ/HU ngày {doc_date} của Huyện ủy, các xã đã triển khai."
    rep = check(report(text, documents=[_document(text, "12-QĐ/HU", doc_date)]))
    assert kinds(rep) == (["date_document_after_report"] if flag else [])


def test_dates_report_date_given_by_caller():
    text = "Thực hiện Quyết định số 12-QĐ/HU, các xã đã triển khai."
    rep = check(report(text, documents=[_document(text, "12-QĐ/HU", "2023-05-01")]), report_date="2023-01-01")
    assert kinds(rep) == ["date_document_after_report"]


# -- cross-document ----------------------------------------------------------------------------------------------

def _total_report(doc_id: str, sentence: str, piece: str) -> Report:
    return report(sentence, piece, doc_id=doc_id)


def test_crossdoc_same_total_different_values():
    a = _total_report("A", "Năm 2022, toàn tỉnh Quảng Ngãi có 873 mô hình “Dân vận khéo”.", "873 mô hình")
    b = _total_report("B", "Theo Ban Dân vận, năm 2022 tỉnh Quảng Ngãi có 880 mô hình “Dân vận khéo”.", "880 mô hình")
    findings = check_batch([a, b])
    assert [f.kind for f in findings] == ["cross_document_mismatch"]
    f = findings[0]
    assert f.severity == "warning"
    assert {m["id"]: m["value"] for m in f.details["mentions"]} == {"A": 873, "B": 880}
    assert f.details["year"] == "2022" and f.details["unit"] == "mô hình"


@pytest.mark.parametrize("second", [
    pytest.param("Năm 2022, tỉnh Quảng Ngãi có 873 mô hình “Dân vận khéo”.", id="same_value"),
    pytest.param("Năm 2023, tỉnh Quảng Ngãi có 880 mô hình “Dân vận khéo”.", id="other_year"),
    pytest.param("Năm 2022, tỉnh Kon Tum có 880 mô hình “Dân vận khéo”.", id="other_place"),
    pytest.param("Năm 2022, tỉnh Quảng Ngãi có 880 hội viên tham gia.", id="other_unit"),
    pytest.param("Năm 2022, tỉnh Quảng Ngãi có hơn 880 mô hình “Dân vận khéo”.", id="hedged"),
])
def test_crossdoc_lookalikes_are_not_flagged(second):
    a = _total_report("A", "Năm 2022, tỉnh Quảng Ngãi có 873 mô hình “Dân vận khéo”.", "873 mô hình")
    piece = re.search(r"\d[\d.]* (?:mô hình|hội viên)", second).group(0)
    qual = "hơn " if "hơn " + piece in second else ""
    b = _total_report("B", second, qual + piece)
    assert check_batch([a, b]) == []


@pytest.mark.parametrize("first,second", [
    pytest.param("Năm 1993, thành phố Cà Mau có nơi thấp hơn mực nước sông 0,8-1 m.",
                 "Năm 1993, thành phố Cà Mau cần nâng địa hình lên 1,57 m.", id="measure_and_range"),
    pytest.param("Năm 2022, tỉnh Quảng Ngãi có 1.200 ha lúa bị ngập.", "Năm 2022, tỉnh Quảng Ngãi có 800 ha rừng trồng mới.",
                 id="area"),
])
def test_crossdoc_measures_and_ranges_are_no_totals(first, second):
    import dvnlp

    assert check_batch([dvnlp.extract(first, doc_id="A"), dvnlp.extract(second, doc_id="B")]) == []


# -- output contract and robustness --------------------------------------------------------------------------------

def test_check_findings_serialize_in_report_dict():
    text, bd = four_field_text(30, 14, 9, 6, 3)
    rep = check(report(text, breakdowns=[bd]))
    out = json.loads(json.dumps(rep.to_dict(), ensure_ascii=False))
    assert [c["kind"] for c in out["checks"]] == ["sum_mismatch"]
    assert set(out["checks"][0]) >= {"kind", "severity", "message", "message_vi", "evidence", "details"}
    assert out["checked"]["sums"] == 1


def test_ratios_record_must_match_the_written_numbers():
    text = "Đã có 400.000 trong tổng số 644.000ha lúa được tưới."
    c = Count(value=400000, of=644, unit="ha", qualifier=None, span=(6, 38), number_span=(6, 13), rule="ratio_in_words")
    rep = check(Report(id="t", text=text, counts=[c]))
    assert kinds(rep) == [] and rep.checked["ratios"] == 0


def test_check_is_idempotent():
    text = "Có 26/24 đơn vị đăng ký."
    rep = report(text, "26/24 đơn vị")
    assert kinds(check(check(rep))) == ["ratio_exceeds_total"]


def test_check_never_raises_on_odd_records():
    text = "Có 5/0 xã; 3 mô hình; 50%."
    rep = report(text, "5/0 xã", "3 mô hình", "50%")
    rep.breakdowns = [Breakdown(total=3, unit=None, parts=[], span=(0, 1))]
    rep = check(rep)
    assert "failed" not in rep.checked


# -- end to end ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Năm 2022 có 45/50 tổ chức cơ sở đảng xây dựng kế hoạch, đạt 95%.", ["percent_mismatch"]),
    ("Năm 2022 có 45/50 tổ chức cơ sở đảng xây dựng kế hoạch, đạt 90%.", []),
    ("Có 17/15 cơ quan được đánh giá tốt; 12/12 xã tổ chức đối thoại, đạt 100%.", ["ratio_exceeds_total"]),
    ("Toàn huyện có 60 mô hình, trong đó: kinh tế 25 mô hình; văn hóa - xã hội 16 mô hình; quốc phòng - an ninh "
     "10 mô hình; xây dựng hệ thống chính trị 8 mô hình.", ["sum_mismatch"]),
    ("Toàn huyện có 59 mô hình, trong đó: kinh tế 25 mô hình; văn hóa - xã hội 16 mô hình; quốc phòng - an ninh "
     "10 mô hình; xây dựng hệ thống chính trị 8 mô hình.", []),
])
def test_check_end_to_end(nlp, text, expected):
    from dvnlp.components.breakdowns import BreakdownFinder
    from dvnlp.facts.report import report_from_doc

    doc = nlp(text)
    store = doc._.dvnlp_facts or {}
    if "counts" not in store:
        pytest.skip("dvnlp_counts is not in the pipeline")
    if "dvnlp_breakdowns" not in nlp.pipe_names:
        records, _ = BreakdownFinder().find(doc.text, store["counts"])
    else:
        records = store.get("breakdowns", [])
    plain = {**store, "breakdowns": [{k: v for k, v in r.items() if k not in ("total_span", "part_spans")} for r in records]}
    doc._.dvnlp_facts = plain
    rep = report_from_doc(doc)
    doc._.dvnlp_facts = store
    for bd, r in zip(rep.breakdowns, records):
        bd.total_span, bd.part_spans = tuple(r["total_span"]), [tuple(s) for s in r["part_spans"]]
    assert [k for k in kinds(check(rep)) if k in ERROR_KINDS] == expected


@pytest.mark.slow
@pytest.mark.xdist_group("genre")  # one pass of the pipeline over genre.jsonl, shared
def test_check_never_raises_on_genre_corpus(genre_processed):
    """Every record of ../shared/corpus/genre.jsonl goes through breakdowns and checks without raising."""
    reports = [report for _, _, _, report in genre_processed]
    assert not [r for r in reports if isinstance(r, Exception)]
    failed = [(r.id, r.checked["failed"]) for r in reports if "failed" in r.checked]
    assert not failed, failed[:3]
    check_batch(reports)


@pytest.mark.parametrize("total_piece,parts,expected", [
    ("hơn 30 mô hình", (14, 9, 6, 4), []),  # 33 > 30: "more than 30" holds
    ("hơn 30 mô hình", (10, 9, 6, 4), ["sum_mismatch"]),  # 29: not more than 30
    ("khoảng 30 mô hình", (14, 9, 6, 3), []),
])
def test_sums_hedged_total_is_a_bound(total_piece, parts, expected):
    qual, piece = total_piece.split(" ", 1)
    e, c, d, p = parts
    text = (f"Toàn huyện có {total_piece}, trong đó kinh tế {e} mô hình, văn hóa - xã hội {c} mô hình, "
            f"quốc phòng - an ninh {d} mô hình, xây dựng hệ thống chính trị {p} mô hình.")
    bd = breakdown(text, piece, [(lab, f"{v} mô hình", f) for (lab, _, f), v in zip(FOUR, parts)])
    rep = report(text, total_piece, *[f"{v} mô hình" for v in parts], breakdowns=[bd])
    assert kinds(check(rep)) == expected


def test_percent_in_parenthesis_after_a_name_is_not_the_rate():
    import dvnlp

    report = dvnlp.extract("300 trong tổng số 600 CN Công ty Quint - Major (100% vốn Đài Loan) cũng đình công.")
    assert [f.kind for f in report.checks] == []


# -- issue 14: approximate totals are bounds; lists by kind are checked only beyond an exact total ------------

@pytest.mark.parametrize("text,expected", [
    ("Toàn tỉnh có hơn 270 mô hình, gồm 194 mô hình mới và 80 mô hình nhân rộng.", []),  # "more than 270" holds
    ("Có khoảng trên 1.200 hộ, trong đó 800 hộ nghèo và 500 hộ cận nghèo.", []),  # a compound hedge
    ("Phát hiện 400 ca bệnh, trong đó có 50 ca nặng, 1 ca tử vong.", []),  # a subset list
    ("Tổng kinh phí là 1.067 tỷ đồng, trong đó lớp 4 cần 603,3 tỷ đồng, lớp 9 cần 464,2 tỷ đồng.", []),  # rounded
    ("Căn nhà số 53/18 tổ dân phố 54 bị cháy.", []),  # a house number, not 53 of 18
    ("Tổng số tiền là 166.300 USD, trong đó 83.241 USD xây trường A và 83.089 USD xây trường B.",
     ["sum_mismatch"]),  # 166.330 > 166.300: the text's own parts exceed its exact total
])
def test_check_issue14_hedges_and_other_breakdowns(nlp, text, expected):
    from dvnlp.facts.report import report_from_doc

    rep = report_from_doc(nlp(text))
    assert [k for k in kinds(check(rep)) if k in ERROR_KINDS] == expected


def test_crossdoc_a_report_that_breaks_the_check_is_left_out_and_said(monkeypatch, caplog):
    from dvnlp.checks import crossdoc

    a = _total_report("A", "Năm 2022, toàn tỉnh Quảng Ngãi có 873 mô hình “Dân vận khéo”.", "873 mô hình")
    b = _total_report("B", "Theo Ban Dân vận, năm 2022 tỉnh Quảng Ngãi có 880 mô hình “Dân vận khéo”.", "880 mô hình")
    c = _total_report("C", "Năm 2022, toàn tỉnh Quảng Ngãi có 890 mô hình.", "890 mô hình")
    real = crossdoc.totals_of

    def broken(report):
        if report.id == "C":
            raise ValueError("odd report")
        return real(report)

    monkeypatch.setattr(crossdoc, "totals_of", broken)
    with caplog.at_level("WARNING", logger="dvnlp.checks.crossdoc"):
        findings = check_batch([a, b, c])
    assert [f.kind for f in findings] == ["cross_document_mismatch"]
    assert {m["id"] for m in findings[0].details["mentions"]} == {"A", "B"}
    assert "report C left out (ValueError: odd report)" in caplog.text
