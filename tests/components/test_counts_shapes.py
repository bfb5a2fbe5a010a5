"""Issue 14 (cnt5): where the counted noun phrase ends, and numbers that name or number things rather
than count them; each table has the look-alikes that must keep their count."""
import pytest


def _counts(nlp, text):
    return [(c["value"], c["of"], c["unit"], c["qualifier"]) for c in nlp(text)._.dvnlp_facts.get("counts", [])]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("gây tai nạn làm 8 người dân bị thương.", [(8, None, "người dân", None)]),  # a 'bị …' word
        ("có 3 hộ được hỗ trợ vốn", [(3, None, "hộ", None)]),
        ("hai bí thư dưới 40 tuổi ( Đà Nẵng )", [(2, None, "bí thư", None)]),  # a preposition
        ("trao 100 triệu đồng thực hiện ước nguyện cho bệnh nhi", [(100, None, "triệu đồng", None)]),  # currency
        ("ủng hộ 500 USD tiền mặt", [(500, None, "USD", None)]),
        ("nhân dân hai nước Việt Nam - Cuba.", [(2, None, "nước", None)]),  # a name in apposition
        ("3 xã Tân Lập, Tân An được công nhận", [(3, None, "xã", None)]),
        ("chỉ là 1.290.000 đồng / m2 .", [(1290000, None, "đồng / m2", None)]),  # a rate per square metre
        ("Có 37 cán bộ tái cử Bí thư các tỉnh", [(37, None, "cán bộ", None)]),  # an election verb
    ],
)
def test_counts_unit_ends_before_predicate_or_name(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("có 5 hộ gia đình được hỗ trợ", [(5, None, "hộ gia đình", None)]),  # 'gia' is not a predicate
        ("5 doanh nghiệp Nhà nước đã cổ phần hóa", [(5, None, "doanh nghiệp Nhà nước", None)]),  # not a place noun
        ("51/51 tổ chức cơ sở Đảng", [(51, 51, "tổ chức cơ sở Đảng", None)]),
        ("mức 2 triệu đồng/người/tháng", [(2, None, "triệu đồng/người/tháng", None)]),  # the rate is kept
        ("5 ủy viên UBND được bầu", [(5, None, "ủy viên UBND", None)]),
    ],
)
def test_counts_unit_keeps_compounds_and_rates(nlp, text, expected):
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hai hôm trước , ông A ký quyết định.",  # a time reference
        "làm việc 3 đêm liền",
        "là một trong các đòn bẩy quan trọng , tạo",  # a number word in a compound
        "Qua ngã bảy có lẽ khoảng tối",
        "thời cơ đã chín mùi .",
        'tiễn biệt , " Quỹ 1 triệu cây xanh cho Việt Nam " tiến hành trồng',  # a capitalized name
        "điều trị tại Bệnh viện 108 trong",
        "kế hoạch thực hiện. 4- Ban Tổ chức Trung ương chủ trì, phối hợp",  # a list number
        "Nhiệm vụ:\n2. Ông A phụ trách",
        "chúng tôi về đến 272 Hiền Vương (nay là đường Võ Thị Sáu)",  # a house number
        "Ông Lê Toàn, Giám đốc KQLGTĐT số 1 than thở.",  # 'số 1': number one
        "Ngay khi bão số 7 bắt đầu đổ bộ",
        "UBND tỉnh đã có công văn số 147 báo cáo về vụ việc",  # a document number
        "trả lại ngôi nhà số 105 đường Nguyễn Trọng Tuyển",
        "dù là vòng 2 phỏng vấn như đề xuất",
        "khu nghỉ dưỡng đẳng cấp 5 sao do tập đoàn phát triển",  # a star grade
        "các đầu bếp lừng danh ba sao Michelin như",  # a round's number
        "trong vòng 2 thập kỷ qua .",  # a two-word time noun
        "Đảng bộ quận 6 đề nghị Ủy ban Kiểm tra Thành ủy xem xét",  # a place's number before a verb
    ],
)
def test_counts_names_list_numbers_and_times_are_not_counts(nlp, text):
    assert _counts(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("với quân số trên 100 người", [(100, None, "người", "trên")]),  # a quantity 'số'
        ("dân số gần 900.000 người .", [(900000, None, "người", "gần")]),
        ("Trong số 6 phó giám đốc sở này", [(6, None, "phó giám đốc sở", None)]),
        ("đạt doanh số 80 ngàn tỉ đồng vào năm 2021", [(80, None, "ngàn tỉ đồng", None)]),
        ("tổng số 40 mô hình", [(40, None, "mô hình", None)]),
        ("lên tới con số 20.000 người .", [(20000, None, "người", None)]),
        ("LỌ HOA CỦA NHÀ MÁY 4 CHỮ: “CỐ GẮNG”", [(4, None, "CHỮ", None)]),  # an all-caps headline
        ("thành lập quỹ 200 triệu đồng", [(200, None, "triệu đồng", None)]),  # a lower-case 'quỹ' counts
        ("mời về 20 xã vùng sâu", [(20, None, "xã vùng sâu", None)]),  # 'về' before a lower-case noun
        ("xây dựng hệ thống chính trị: 5 mô hình. Số hộ hưởng lợi: 1.236 hộ.",
         [(5, None, "mô hình", None), (1236, None, "hộ", None)]),
        ("Kết quả. 4 hộ nuôi gà đạt", [(4, None, "hộ", None)]),  # no list mark after the number
        ("xây dựng trong số 59 công trình mà báo chí phản ánh", [(59, None, "công trình", None)]),
        ("Trong số 41 doanh nghiệp (DN) trực thuộc", [(41, None, "doanh nghiệp", None)]),
        ("gắn 3 ngôi sao trên nóc", [(3, None, "ngôi sao", None)]),  # stars counted
        ("qua 3 vòng thi tuyển", [(3, None, "vòng thi tuyển", None)]),  # rounds counted
        ("thôn 5 xây dựng 2 nhà văn hóa", [(2, None, "nhà văn hóa", None)]),
        ("trong 2 ngày công", [(2, None, "ngày công", None)]),
        ("có hai đồng chí được bầu", [(2, None, "đồng chí", None)]),  # 'đồng chí' is not the currency
    ],
)
def test_counts_lookalikes_keep_their_count(nlp, text, expected):
    assert _counts(nlp, text) == expected
