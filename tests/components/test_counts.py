import pytest


def _counts(nlp, text):
    return [(c["value"], c["of"], c["unit"], c["qualifier"]) for c in nlp(text)._.dvnlp_facts.get("counts", [])]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("đã có 51/51 tổ chức cơ sở Đảng quán triệt", [(51, 51, "tổ chức cơ sở Đảng", None)]),
        ("Đã có 20 mô hình được đăng ký", [(20, None, "mô hình", None)]),
        ("kinh tế - 07 mô hình; văn hóa - xã hội 06 mô hình", [(7, None, "mô hình", None), (6, None, "mô hình", None)]),
        ("huy động 1.260 lượt cán bộ tham gia", [(1260, None, "lượt cán bộ", None)]),
        ("đạt tỷ lệ 95,45%.", [(95.45, None, "%", None)]),
        ("Nhân dân đóng góp hơn 2,8 tỷ đồng", [(2.8, None, "tỷ đồng", "hơn")]),
        ("hỗ trợ trên 1.500 hộ nghèo", [(1500, None, "hộ nghèo", "trên")]),
        ("18 trong tổng số 20 chi bộ đạt", [(18, 20, "chi bộ", None)]),
        ("128/135 chi bộ, đạt 98%", [(128, 135, "chi bộ", None), (98, None, "%", None)]),
        # ``tổng số`` makes a quantity even before an abbreviated noun (``bão số 7`` names the storm)
        ("thi tuyển với tổng số 160 HS tham gia", [(160, None, "HS", None)]),
        # the noun phrase ends before a verb written as one token (units.json verb)
        ("Có 25 hộ đề nghị hỗ trợ", [(25, None, "hộ", None)]),
        ("Có 7 đơn xin rút khỏi danh sách", [(7, None, "đơn", None)]),
    ],
)
def test_counts_found_with_value_of_unit_qualifier(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 20/12/2022, Ban Dân vận Tỉnh ủy họp tổng kết năm 2022.",
        "giai đoạn 2021-2025 và định hướng đến năm 2030",
        "Thực hiện Quyết định số 400-QĐ/TU và 1562/QĐ-UBND",
        "Đại hội Đảng bộ lần thứ 15, khóa XI",
        "Kết luận 57 của Bộ Chính trị",
        "sau 10 năm thực hiện, 6 tháng đầu năm",
        "mô hình “Chi bộ 4 tốt” ở thôn 4",
        "ngày 22/6 vừa qua",
        # a district's number before a verb, also after an abbreviated place word
        "Là trung tâm của thành phố, quận 1 tập trung nhiều cơ sở chính trị.",
        "Chủ tịch UBND thành phố chỉ đạo Chủ tịch UBND Q. 2 thực hiện các chính sách bồi thường.",
    ],
)
def test_counts_not_counts(nlp, text):
    assert _counts(nlp, text) == []


def test_counts_after_a_sentence_end_are_counted(nlp):
    # the place-letter rule reads ``Q.``/``P.`` only: a full stop after a word is a sentence end, not an abbreviation
    assert (7, None, "cháu", None) in _counts(nlp, "Em út 8 tuổi. 7 cháu khác bị ngộ độc nhẹ.")


def test_counts_skip_boilerplate_lines(nlp):
    assert _counts(nlp, "Có 5 hộ.\nLượt xem: 1.024") == [(5, None, "hộ", None)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("có tổng số 40 mô hình", [(40, None, "mô hình", None)]),
        ("400.000 trong tổng số 644.000ha rừng", [(400000, 644000, "ha rừng", None)]),
        ("đạt 45/50 Xã.", [(45, 50, "Xã", None)]),
    ],
)
def test_counts_totals_and_ratios_in_words(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["kỷ niệm 30/4 năm nay", "số nhà 502/472 Nguyễn Đình Chiểu, quận 3", "hẻm 35/4A", "tỷ lệ 249/1 vạn dân"],
)
def test_counts_dates_addresses_and_rates_are_not_ratios(nlp, text):
    assert _counts(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "tại A30/16 quốc lộ 50",  # an address glued to a letter
        "cat 359/659-S đạt",  # a code
        "vào cuối tháng 12/2003",  # a month
        "học phí S$ 14.400/2 năm",  # an amount per period
        "Thạc sỹ 6.550/3 kỳ",
        "thang điểm 40/ 2 vòng",
        "Năm học 2005 khai giảng",
    ],
)
def test_counts_real_article_false_ratios(nlp, text):
    assert [c for c in _counts(nlp, text) if c[1] is not None or c[2] is None] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1 trong 8 trường đại học", [(1, None, None, None), (8, None, "trường đại học", None)]),
        ("tiếp nhận 650/600 chỉ tiêu", [(650, 600, "chỉ tiêu", None)]),
    ],
)
def test_counts_one_of_is_not_a_ratio(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ngư dân Lý Sơn chiều 23-3",  # day-month
        "kỳ họp từ ngày 9 đến 11/7",
        "Chỉ trong vòng 11 ngày",  # a duration
        "ông năm nay 33 tuổi",  # an age
        "Đại hội 5 ( 2014-2019 )",  # an ordinal name
        "Hiến pháp 2013 có nhiều nội dung",  # a year-like name
        "Việt Nam83. Nguyễn Văn A",  # list numbering glued to a word
        "vụ PMU 18 thì những ai",  # an acronym's number
        "Cập nhật lúc 10:22 hôm qua",  # a time
    ],
)
def test_counts_real_article_non_counts(nlp, text):
    assert _counts(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("trao tặng làng 01 bộ chiêng", [(1, None, "bộ chiêng", None)]),
        ("Hội Nông dân xã hướng dẫn 96 hộ.", [(96, None, "hộ", None)]),
        ("tỷ lệ hộ nghèo giảm mỗi năm 4%.", [(4, None, "%", None)]),
        ("an ninh - quốc phòng 452 mô hình", [(452, None, "mô hình", None)]),
        ("huy động 1.260 ngày công", [(1260, None, "ngày công", None)]),
    ],
)
def test_counts_blockers_do_not_hide_counts(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize("text", ["thực hiện chỉ thị 56 , thông báo 50", "tại kỳ họp 20 của Ủy ban", "(Bằng cấp 3)"])
def test_counts_lowercase_names_without_noun_are_not_counts(nlp, text):
    assert _counts(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hôm nay 21/4, Đại hội tiếp tục làm việc.",  # a day/month with no counted noun
        "Sáng nay (24/4), Đại hội bế mạc.",
        "diễn ra từ ngày 30/5-7/6. Nêu rõ thêm",
        "Lúc 18h hôm nay, Đại hội khai mạc.",  # clock times
        "bắt đầu từ 7g30 sáng",
        "Từ tháng 3-2017 thường trực Thành ủy Đà Nẵng họp.",  # the year of a month-year date
        "Xe mang biển số 94 B -002.27 bị giữ lại.",  # a number plate: a single letter is no unit
    ],
)
def test_counts_dates_times_and_plates_from_a_hand_check_are_not_counts(nlp, text):
    """Families found by hand-checking 40 random counts of genre.jsonl (2026-11-26)."""
    assert _counts(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Có 13/12 xã đạt chuẩn.", [(13, 12, "xã", None)]),  # a day/month shape with a noun stays a ratio
        ("Toàn tỉnh có 5/6 huyện.", [(5, 6, "huyện", None)]),
        ("trồng 5ha lúa", [(5, None, "ha lúa", None)]),  # h/g rule is for clock times only
        ("có 12 giờ làm việc", []),  # a duration, as before
    ],
)
def test_counts_date_and_time_rules_keep_real_counts(nlp, text, expected):
    assert _counts(nlp, text) == expected


def test_counts_one_letter_measure_units_stay(nlp):
    assert _counts(nlp, "cao 6,1m, dày 1,5m, nặng 60 tấn") == [
        (6.1, None, "m", None), (1.5, None, "m", None), (60, None, "tấn", None)]


# -- issue 14: noun phrases, ranges, hedges as written, numbers in words, not-counts (sentences written here) --

def _full(nlp, text):
    return [(c["value"], c.get("value_max"), c["unit"], c.get("unit_head"), c["qualifier"])
            for c in nlp(text)._.dvnlp_facts.get("counts", [])]


@pytest.mark.parametrize("text,expected", [
    ("Xã có 96 hộ trồng xen cây ăn quả.", [(96, None, "hộ", "hộ", None)]),  # a verb ends the noun phrase
    ("Đã có 28/53 tỉnh công bố dịch.", [(28, None, "tỉnh", "tỉnh", None)]),
    ("Giá vé 5.000 đồng/người/lượt.", [(5000, None, "đồng/người/lượt", "đồng", None)]),  # a rate kept whole
    ("vốn 2,5 nghìn tỷ đồng", [(2.5, None, "nghìn tỷ đồng", "đồng", None)]),  # the head after multipliers
    ("82 mô hình Dân vận khéo năm 2023 được công nhận", [(82, None, "mô hình Dân vận khéo", "mô", None)]),
    ("Có 7 đội tuyển tham dự các kỳ thi.", [(7, None, "đội tuyển", "đội", None)]),  # ``tham dự``, ``nói``, ``bám``
    ("Tuyến chính dài 2.667 km bám theo quốc lộ.", [(2667, None, "km", "km", None)]),
])
def test_counts_unit_is_a_noun_phrase(nlp, text, expected):
    assert _full(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("cần 150-200 tỷ đồng", [(150, 200, "tỷ đồng", "đồng", None)]),
    ("thu hoạch từ 5 đến 10 tấn lúa", [(5, 10, "tấn lúa", "tấn", None)]),
    ("dự kiến 9 đến 10 xã đạt chuẩn", [(9, 10, "xã", "xã", None)]),  # two bare numbers joined by đến
    ("giá khoảng 50.000đ - 70.000đ/cháu", [(50000, 70000, "đ/cháu", "đ", "khoảng")]),
    ("tăng 4-5,2% so với cùng kỳ", [(4, 5.2, "%", "%", None)]),
    ("chiếm từ 1,3% đến 12% GDP", [(1.3, 12, "%", "%", None)]),  # the sign on both ends
    # … but not without ``từ``, nor when the second is not larger
    ("tỷ lệ 5% đến 10% hộ", [(5, None, "%", "%", None), (10, None, "%", "%", None)]),
    ("giảm từ 5% đến 3%", [(5, None, "%", "%", None), (3, None, "%", "%", None)]),
])
def test_counts_ranges_are_one_count(nlp, text, expected):
    assert _full(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("có khoảng trên 1.370 người", [(1370, None, "người", "người", "khoảng trên")]),
    ("Hơn 100 hộ được hỗ trợ", [(100, None, "hộ", "hộ", "Hơn")]),  # written as the text has it
    ("doanh thu không dưới 5 triệu đồng", [(5, None, "triệu đồng", "đồng", "không dưới")]),
    ("tổng vốn ít nhất là 6 tỷ USD", [(6, None, "tỷ USD", "USD", "ít nhất")]),
])
def test_counts_compound_qualifiers(nlp, text, expected):
    assert _full(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("xây dựng hai mươi mô hình", [(20, None, "mô hình", "mô", None)]),
    ("hàng trăm hộ tham gia", [(100, None, "hộ", "hộ", "hàng")]),
    ("thu nhập cả trăm triệu đồng/tháng", [(100_000_000, None, "đồng/tháng", "đồng", "cả")]),
    ("đạt hơn một triệu lượt người", [(1_000_000, None, "lượt người", "lượt", "hơn")]),
    ("chỉ có một cơ hội", [(1, None, "cơ hội", "cơ", None)]),
    ("chỉ thấy một hai người", [(1, 2, "người", "người", None)]),
])
def test_counts_numbers_in_words(nlp, text, expected):
    assert _full(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "so với hôm qua (25-8), số ca giảm",  # a day-month date
    "hội chợ diễn ra 15-17/10 tại tỉnh",  # a date range
    "khám cho số thứ tự từ 1 đến 15",  # ticket numbers: no counted noun
    "Điện thoại: 04 8436780",  # a telephone number
    "Hà Nội: 96 Lò Đúc",  # a house number
    "một cán bộ cho biết",  # "một" as an article
    "cả hai khu vực đều tăng",  # "both"
    "vác ba lô đi",  # a compound noun
    "chiếm tỷ trọng cao",  # tỷ as a word
    "sơ kết nửa đầu năm",  # "half of"
    "trong vòng mười năm",  # a duration in words
])
def test_counts_issue14_not_counts(nlp, text):
    assert _full(nlp, text) == []


def test_counts_bare_number_only_after_a_field_label(nlp):
    text = "Có 40 mô hình (kinh tế: 16; văn hóa - xã hội: 24). Mức thang 1-200, chỉ số 178."
    assert [c[0] for c in _full(nlp, text)] == [40, 16, 24]


@pytest.mark.parametrize("text,expected", [
    ("số cây trồng trước 1980 chỉ còn 20 cây", [20]),  # a year after "trước", then an adverb
    ("những ngôi nhà xây sau 1990 đã xuống cấp", []),
    ("từ 2005 đến nay xã có 12 mô hình", [12]),
    ("đoàn đã gặp gỡ trước 2000 người dân", [2000]),  # a counted noun after it: a count
    ("trước 15 đại biểu", [15]),  # not a year shape
])
def test_counts_year_after_a_time_word_is_not_a_count(nlp, text, expected):
    assert [c[0] for c in _full(nlp, text)] == expected
