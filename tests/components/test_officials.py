"""dvnlp_officials: names, titles (spelled out, implied body completed), mentions, rules."""
from __future__ import annotations

import unicodedata

import pytest

import dvnlp.components.officials  # noqa: F401 - registers the factory
from dvnlp.facts import report_from_doc
from dvnlp.rulebook import load_rules


@pytest.fixture(scope="module")
def off_nlp():
    import dvnlp
    from dvnlp.pipeline import COMPONENTS

    nlp = dvnlp.load(exclude=tuple(n for n in COMPONENTS if n not in ("dvnlp_sentences", "dvnlp_officials")))
    if "dvnlp_officials" not in nlp.pipe_names:
        nlp.add_pipe("dvnlp_officials")
    return nlp


def officials(nlp, text):
    return (nlp(text)._.dvnlp_facts or {}).get("officials", [])


def by_name(nlp, text):
    return {o["name"]: o["titles"] for o in officials(nlp, text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Tham dự có đồng chí Châu Ngọc Tuấn – Phó Bí thư Thường trực Tỉnh ủy chủ trì.",
         {"Châu Ngọc Tuấn": ["Phó Bí thư Thường trực Tỉnh ủy"]}),
        ("Dự hội nghị có ông Rơ Lan Tới - Phó Bí thư Thành ủy, Chủ tịch UBND thành phố.",
         {"Rơ Lan Tới": ["Phó Bí thư Thành ủy", "Chủ tịch Ủy ban nhân dân thành phố"]}),
        ("Chủ trì có ông Siu Hương (Bí thư Huyện ủy, Chủ tịch HĐND huyện) và ông Nguyễn Thanh Tùng (Phó Bí thư Huyện ủy).",
         {"Siu Hương": ["Bí thư Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"], "Nguyễn Thanh Tùng": ["Phó Bí thư Huyện ủy"]}),
        ("Cùng chủ trì có các đồng chí: Hoàng Văn Quân, Phó Trưởng ban Dân vận Trung ương; Lò Thị Minh Hà, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.",
         {"Hoàng Văn Quân": ["Phó Trưởng ban Dân vận Trung ương"],
          "Lò Thị Minh Hà": ["Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]}),
        ("Ông Nguyễn Văn Tám , Chủ tịch UBND xã Hòa Bình , cho biết xã có 5 thôn .",
         {"Nguyễn Văn Tám": ["Chủ tịch Ủy ban nhân dân xã Hòa Bình"]}),
        ("Ảnh: Đồng chí Nguyễn Văn Lộc (thứ 2 từ trái sang), Bí thư Huyện ủy trao quà.",
         {"Nguyễn Văn Lộc": ["Bí thư Huyện ủy"]}),
    ],
)
def test_officials_title_after_name(off_nlp, text, expected):
    assert by_name(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,name,titles",
    [
        ("Phó Chủ tịch UBND tỉnh Nguyễn Thị Thanh Lịch phát biểu chỉ đạo.", "Nguyễn Thị Thanh Lịch",
         ["Phó Chủ tịch Ủy ban nhân dân tỉnh"]),
        ("Chủ tịch UBND huyện Bát Xát Hoàng Quốc Khánh đã chỉ đạo 21/22 xã.", "Hoàng Quốc Khánh",
         ["Chủ tịch Ủy ban nhân dân huyện Bát Xát"]),
        ("Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk Y Ngọc Niê đã làm việc với huyện.", "Y Ngọc Niê",
         ["Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk"]),
        ("Dự buổi làm việc có Bí thư Huyện ủy, Chủ tịch HĐND huyện Ngô Quang Tuấn.", "Ngô Quang Tuấn",
         ["Bí thư Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"]),
        ("Chủ tịch UBND xã Ia Hrú, ông Rơ Lan Thiên cho biết xã đã hoàn thành 9/9 tiêu chí.", "Rơ Lan Thiên",
         ["Chủ tịch Ủy ban nhân dân xã Ia Hrú"]),
        ("Trưởng thôn Plei Ring Đinh Văn Thao cho biết cả thôn có 120 hộ.", "Đinh Văn Thao", ["Trưởng thôn Plei Ring"]),
    ],
)
def test_officials_title_before_name(off_nlp, text, name, titles):
    found = officials(off_nlp, text)
    assert [(o["name"], o["titles"], o["rule"].split("/")[0]) for o in found] == [(name, titles, "title_before_name")]
    assert all(o["rule"].split("/")[1].startswith(("titles:", "bodies:")) for o in found)


def test_officials_title_before_name_split_per_person(off_nlp):
    text = "Tham dự có Bí thư Đảng ủy xã Ia Ka Nguyễn Văn Phú và Chủ tịch UBND xã Ia Ka Rơ Lan Hiên."
    assert by_name(off_nlp, text) == {"Nguyễn Văn Phú": ["Bí thư Đảng ủy xã Ia Ka"],
                                      "Rơ Lan Hiên": ["Chủ tịch Ủy ban nhân dân xã Ia Ka"]}


@pytest.mark.parametrize(
    "text,name",
    [
        ("Đại tá Nguyễn Hữu Phước, Chính ủy Bộ đội Biên phòng tỉnh dự.", "Nguyễn Hữu Phước"),
        ("Thượng tá Trần Ngọc Ánh, Trưởng Công an huyện phát biểu.", "Trần Ngọc Ánh"),
        ("TS. Nguyễn Thị Thu Hằng, Phó Hiệu trưởng Trường Chính trị tỉnh chủ trì.", "Nguyễn Thị Thu Hằng"),
        ("Đ/c Lê Thị Hải Yến – Phó Bí thư Thường trực Đảng ủy Khối chủ trì.", "Lê Thị Hải Yến"),
        ("Anh Đinh Văn Blơ – Bí thư Huyện đoàn phát biểu.", "Đinh Văn Blơ"),
        ("Bà Phạm Thị Liên (Phó Chủ tịch Hội LHPN tỉnh) trao 20 suất quà.", "Phạm Thị Liên"),
    ],
)
def test_officials_honorifics_ranks_and_prefixes_stripped(off_nlp, text, name):
    assert [o["name"] for o in officials(off_nlp, text)] == [name]


@pytest.mark.parametrize(
    "text,titles",
    [
        ("Đồng chí Võ Thanh Hùng – UVBTV, Trưởng Ban Dân vận Tỉnh ủy dự.",
         ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]),
        ("Ông Đinh Văn Hyên – Bí thư Đảng ủy, Chủ tịch HĐND xã phát biểu.",
         ["Bí thư Đảng ủy xã", "Chủ tịch Hội đồng nhân dân xã"]),
        ("Ông Ksor Y Phun, Phó Bí thư Đảng ủy, Chủ tịch UBND xã Ia Hiao cho biết.",
         ["Phó Bí thư Đảng ủy xã Ia Hiao", "Chủ tịch Ủy ban nhân dân xã Ia Hiao"]),
        ("Ông Đinh Kơch, Bí thư Chi bộ, Trưởng thôn Kon Sơ Lăl cho biết.",
         ["Bí thư Chi bộ thôn Kon Sơ Lăl", "Trưởng thôn Kon Sơ Lăl"]),
        ("Bà Phan Thị Thu Hà - Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Thành ủy kiêm Chủ tịch Ủy ban MTTQ Việt Nam thành phố.",
         ["Ủy viên Ban Thường vụ Thành ủy", "Trưởng Ban Dân vận Thành ủy",
          "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]),
        ("Đồng chí Đinh Ơng, Trưởng Ban Dân vận Huyện ủy - Kiêm Chủ tịch Ủy ban MTTQ VN huyện đã báo cáo.",
         ["Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]),
        ("Ông Rơ Mah Tuấn, Chủ tịch UBND xã, đồng thời là Phó Bí thư Đảng ủy xã Ia Kênh cho biết.",
         ["Chủ tịch Ủy ban nhân dân xã", "Phó Bí thư Đảng ủy xã Ia Kênh"]),
    ],
)
def test_officials_several_titles_and_implied_body(off_nlp, text, titles):
    (found,) = officials(off_nlp, text)
    assert found["titles"] == titles


def test_officials_body_named_earlier_completes_title(off_nlp):
    text = ("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở Trung ương tổ chức hội nghị. Đồng chí Nguyễn Đức Thuận, "
            "Ủy viên Bộ Chính trị, Trưởng Ban Dân vận Trung ương, Trưởng Ban Chỉ đạo chủ trì hội nghị.")
    assert by_name(off_nlp, text)["Nguyễn Đức Thuận"][-1] == \
        "Trưởng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở Trung ương"


@pytest.mark.parametrize(
    "text,name,title",
    [
        ("Tại Nhà máy Nước Bình An, ông Nguyễn Văn Giao, Phó Giám đốc nhà máy, cho biết mỗi ngày cấp nước.",
         "Nguyễn Văn Giao", "Phó Giám đốc Nhà máy Nước Bình An"),
        ("Trường cao đẳng nội trú Green Hill vừa thông báo học bổng. Ông Peter Smith, Hiệu trưởng của trường sẽ "
         "trực tiếp tuyển sinh.", "Peter Smith", "Hiệu trưởng Trường cao đẳng nội trú Green Hill"),
        ("Công ty Cấp nước Gia Định đã hoàn thành. Ông Trần Văn Hai, Giám đốc công ty, cho biết như vậy.",
         "Trần Văn Hai", "Giám đốc Công ty Cấp nước Gia Định"),
        # no body of that word named earlier: the title stays as written
        ("Ông Trần Văn Hai, Giám đốc công ty, cho biết như vậy.", "Trần Văn Hai", "Giám đốc công ty"),
        # the earlier name stops before a person
        ("Công ty Sông Đà Nguyễn Văn Ba ký. Ông Trần Văn Hai, Giám đốc công ty, cho biết.", "Trần Văn Hai",
         "Giám đốc Công ty Sông Đà"),
        # a word the tokenizer joins runs on, a bracketed acronym is dropped, a level or place ends the name
        ("Trung tâm Dạy nghề (TTDN) huyện Long Phú được đầu tư. Ông Lê Văn Sáu, phó giám đốc trung tâm, cho biết.",
         "Lê Văn Sáu", "phó giám đốc Trung tâm Dạy nghề huyện Long Phú"),
        ("Ông Trần Văn Một, trưởng Ban dân vận Thành ủy TP. HCM dự. Bà Nguyễn Thị Hai, trưởng ban dân vận, phát biểu.",
         "Nguyễn Thị Hai", "trưởng Ban dân vận Thành ủy"),
    ],
)
def test_officials_body_written_lower_case_takes_the_name_written_before(off_nlp, text, name, title):
    assert by_name(off_nlp, text)[name] == [title]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("CĐ Xây dựng Hà Nội có 8.500 thí sinh dự thi. Hiệu trưởng Hoàng Văn Lâm cho biết không ai vi phạm.",
         {"Hoàng Văn Lâm": ["Hiệu trưởng Cao đẳng Xây dựng Hà Nội"]}),
        ("Những xe cho mượn ngoài Bộ GTVT là sai. Ông muốn đối chất với Bộ trưởng Đào Văn Bình về việc này.",
         {"Đào Văn Bình": ["Bộ trưởng Bộ Giao thông vận tải"]}),
        ("Bộ Giao thông vận tải họp. Bộ trưởng Mai Văn Dũng cho biết.", {"Mai Văn Dũng": ["Bộ trưởng Bộ Giao thông vận tải"]}),
        # another paragraph, two bodies of that kind, a body that is none the position leads: left bare
        ("CĐ Xây dựng Hà Nội có 8.500 thí sinh.\nHiệu trưởng Hoàng Văn Lâm cho biết.", {"Hoàng Văn Lâm": ["Hiệu trưởng"]}),
        ("Bộ Công an và Bộ Nội vụ họp. Thứ trưởng Nguyễn Việt Tuấn cho biết.", {"Nguyễn Việt Tuấn": ["Thứ trưởng"]}),
        ("Bộ Chính trị họp. Thứ trưởng Nguyễn Việt Tuấn cho biết.", {"Nguyễn Việt Tuấn": ["Thứ trưởng"]}),
        # the person's own stated post wins over the paragraph's body
        ("Bộ Giao thông vận tải họp. Bộ trưởng Mai Văn Dũng cho biết. Ông Mai Văn Dũng, Bộ trưởng, Chủ nhiệm Văn "
         "phòng Chính phủ nói.", {"Mai Văn Dũng": ["Bộ trưởng", "Chủ nhiệm Văn phòng Chính phủ"]}),
        ("Bộ Giao thông vận tải họp. Bộ trưởng Mai Văn Dũng cho biết. Ông Mai Văn Dũng, Bộ trưởng Bộ GTVT, Bí thư Ban "
         "cán sự Đảng Bộ GTVT nói.", {"Mai Văn Dũng": ["Bộ trưởng Bộ Giao thông vận tải",
                                                      "Bí thư Ban cán sự Đảng Bộ Giao thông vận tải"]}),
    ],
)
def test_officials_bare_position_takes_the_body_it_leads_from_the_paragraph(off_nlp, text, expected):
    assert by_name(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ông Lê Văn Tư sinh năm 1940. Năm 1970, ông Tư là đồn trưởng đồn công an vũ trang 12.",
         {"Lê Văn Tư": ["đồn trưởng đồn công an vũ trang"]}),
        ("Bà Trần Thị Mai Hoa về hưu năm ngoái. Trước đó, bà Mai Hoa giữ chức Phó Chủ tịch UBND huyện.",
         {"Trần Thị Mai Hoa": ["Phó Chủ tịch Ủy ban nhân dân huyện"]}),
        # two full names end with the short one, or the full name comes after it: nobody is guessed
        ("Ông Lê Văn Tư và ông Trần Văn Tư dự. Ông Tư là đồn trưởng đồn công an vũ trang 12.", {}),
        ("Năm 1970, ông Tư là đồn trưởng đồn công an vũ trang 12. Ông Lê Văn Tư sinh năm 1940.", {}),
    ],
)
def test_officials_title_given_later_to_a_short_mention(off_nlp, text, expected):
    assert by_name(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,name,n_mentions",
    [
        ("Dự có đồng chí Hồ Văn Điềm (Trưởng Ban Dân vận Tỉnh ủy). Ông Điềm đánh giá cao kết quả.", "Hồ Văn Điềm", 2),
        ("Đ/c Lê Thị Hải Yến – Phó Bí thư Đảng ủy Khối chủ trì. Đ/c Hải Yến đề nghị nhân rộng mô hình.", "Lê Thị Hải Yến", 2),
        ("Đồng chí Rơ Mah Thuấn – Phó Bí thư Thường trực Huyện ủy dự. Phát biểu, đồng chí Rơ Mah Thuấn ghi nhận kết quả.",
         "Rơ Mah Thuấn", 2),
        ("Bí thư Huyện ủy Siu Hương chủ trì. Ông Siu Hương, Bí thư Huyện ủy yêu cầu các xã rà soát. Ông Hương nói.",
         "Siu Hương", 3),
    ],
)
def test_officials_repeated_mentions_and_back_references_merge(off_nlp, text, name, n_mentions):
    found = officials(off_nlp, text)
    assert [o["name"] for o in found] == [name]
    assert len(found[0]["mentions"]) == n_mentions


@pytest.mark.parametrize(
    "text,name",
    [
        ("Đồng chí Ksor Thu – UVBTV, Trưởng Ban Dân vận Huyện ủy dự.", "Ksor Thu"),
        ("Đồng chí Nay H'Lan, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy dự.", "Nay H'Lan"),
        ("Đồng chí H'Yim Ksơr, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy chủ trì.", "H'Yim Ksơr"),
        ("Đồng chí A Pớt, Phó Trưởng Ban Dân vận Tỉnh ủy đồng chủ trì.", "A Pớt"),
        ("Cùng dự có đồng chí Kpă Thuyên – Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh.", "Kpă Thuyên"),
        ("Ông Y Brơm Êban, Chủ tịch Hội Nông dân huyện cho biết.", "Y Brơm Êban"),
        ("Ông Alăng Văn Ngân – Phó Trưởng Ban Dân vận Tỉnh ủy chủ trì.", "Alăng Văn Ngân"),
    ],
)
def test_officials_ethnic_minority_names_kept_whole(off_nlp, text, name):
    assert [o["name"] for o in officials(off_nlp, text)] == [name]


@pytest.mark.parametrize(
    "text,name",
    [  # clan names of ethnic_names.json open a name after a place name, like a surname
        ("Chủ tịch UBND xã Ia Phang Romah Đoan phát biểu.", "Romah Đoan"),
        ("Chủ tịch UBND xã Bù Gia Mập Điểu Kré phát biểu.", "Điểu Kré"),
        ("Phó Chủ tịch UBND huyện Krông Pa Ksor Phước phát biểu.", "Ksor Phước"),
        ("Bí thư Huyện ủy Ea Súp Y Moan Niê phát biểu.", "Y Moan Niê"),
        # two syllables right after the place word: a clan name or an apostrophe prefix opens no place name
        ("Phó Chủ tịch UBND huyện H'Xuân Mlô cho biết.", "H'Xuân Mlô"),
        ("Trưởng Ban Dân vận Huyện ủy Nay H'Lan cho biết.", "Nay H'Lan"),
        ("Chủ tịch UBND huyện Ksor Phước cho biết.", "Ksor Phước"),
    ],
)
def test_officials_ethnic_clan_names_split_from_the_place(off_nlp, text, name):
    assert [o["name"] for o in officials(off_nlp, text)] == [name]


@pytest.mark.parametrize("text", ["Chủ tịch UBND huyện Krông Pa cho biết.", "Bí thư Huyện ủy Chư Sê cho biết.",
                                  "Chủ tịch UBND xã Ia Ksor phát biểu."])
def test_officials_highland_place_names_stay_places(off_nlp, text):
    assert officials(off_nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Anh Rơ Châm Đức, nông dân làng Dơ Nâu, xã Ia Sao, đề nghị hỗ trợ giống cà phê.",
        "Già làng Hồ Văn Lìa ở bản Vầng, xã Hướng Lập phát biểu mong muốn được tập huấn.",
        "Ông Đinh Hloan (SN 1962), người có uy tín ở làng Nghè đã vận động 23 hộ hiến đất.",
        "ThS. Lê Văn Tú, giảng viên Khoa Xây dựng Đảng, cho rằng cần đổi mới phương thức.",
        "Chị Nay H'Blim, hội viên phụ nữ ở buôn Ơi Đăt, là một trong những hộ đầu tiên được nhận bò.",
        "Tin, ảnh: Kim Anh",
    ],
)
def test_officials_people_without_position_are_not_officials(off_nlp, text):
    assert officials(off_nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kết luận buổi làm việc, Bí thư Tỉnh ủy yêu cầu có ít nhất 30% thôn đăng ký mô hình mới.",
        "Chủ tịch UBND huyện Trà Ôn ký Quyết định số 2314/QĐ-UBND ngày 02 tháng 10 năm 2023.",
        "Hội nghị có 135 đại biểu là bí thư, phó bí thư các chi, đảng bộ cơ sở tham dự.",
        "Ban Dân vận Tỉnh ủy Gia Lai tổ chức hội nghị tại thành phố Pleiku.",
        "Mô hình “Đối thoại định kỳ giữa Bí thư Đảng ủy xã Nguyễn Văn An với Nhân dân” được nhân rộng.",
        "Năm 2023, Bí thư Tỉnh ủy Hà Giang cùng đoàn công tác đã đến thăm tỉnh Hà Giang.",
    ],
)
def test_officials_positions_or_places_without_a_name_are_not_officials(off_nlp, text):
    assert officials(off_nlp, text) == []


def test_officials_name_as_written_in_raw_input(off_nlp):
    raw = unicodedata.normalize("NFD", "Bà Hà Thị Thuý, Phó Trưởng Ban Dân vận Huyện uỷ, cho biết.\r\nÐồng chí Ðinh Thị Nga, "
                                       "Phó Chủ tịch UBND thị trấn cho biết.")
    found = by_name(off_nlp, raw)
    assert found == {"Hà Thị Thuý": ["Phó Trưởng Ban Dân vận Huyện ủy"],
                     "Đinh Thị Nga": ["Phó Chủ tịch Ủy ban nhân dân thị trấn"]}


def test_officials_record_shape_and_mentions_point_at_the_name(off_nlp):
    text = "Đồng chí Nguyễn Văn Tuấn, Bí thư Đảng ủy xã Ia Ka dự lễ. Đồng chí Tuấn đề nghị nhân rộng mô hình."
    doc = off_nlp(text)
    (record,) = doc._.dvnlp_facts["officials"]
    assert set(record) >= {"name", "titles", "mentions", "rule"}
    assert record["rule"].split("/")[0] in ("title_after_name", "title_before_name")
    assert [doc.text[a:b] for a, b in record["mentions"]] == ["Nguyễn Văn Tuấn", "Tuấn"]
    assert [s.text for s in doc.spans["officials"]] == ["Nguyễn Văn Tuấn"]
    report = report_from_doc(doc, doc_id="x")
    assert report.officials[0].name == "Nguyễn Văn Tuấn"
    assert report.officials[0].mentions[0] == tuple(record["mentions"][0])


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "<p class=title>Ông</p>", "Ông , Chủ tịch", "Chủ tịch UBND tỉnh", "đồng chí", "Ủy viên Ban Thường vụ,",
     "Ông Nguyễn Văn A – " * 200, "(((Bí thư Tỉnh ủy" * 50, "TP. HCM Bí thư Thành ủy TP."],
)
def test_officials_never_raises_on_odd_input(off_nlp, text):
    for record in officials(off_nlp, text):
        assert record["name"] and record["titles"]


def test_officials_rule_files_validate():
    kinds = {e.get("kind") for e in load_rules("titles").entries}
    assert {"party", "state", "place", "level", "non_position"} <= kinds
    hon = {e.get("kind") for e in load_rules("honorifics").entries}
    assert {"honorific", "rank", "academic", "surname", "not_name"} <= hon


@pytest.mark.slow
@pytest.mark.xdist_group("genre")  # one pass of the pipeline over genre.jsonl, shared
def test_officials_genre_corpus_never_raises(genre_processed):
    for _, _, doc, _ in genre_processed:
        assert doc is not None
        for o in (doc._.dvnlp_facts or {}).get("officials", []):
            assert all(0 <= a < b <= len(doc.text) for a, b in o["mentions"])


@pytest.mark.parametrize(
    "text,mentions",
    [
        # "Anh" inside a full name is a middle name, not the honorific "anh": no mention inside the name
        ("Đồng chí Phan Anh Tuấn, Bí thư Huyện ủy, phát biểu.", [[9, 22]]),
        # ... while "Anh Tuấn" at the start of a later sentence refers back to him
        ("Đồng chí Phan Anh Tuấn, Bí thư Huyện ủy, phát biểu. Anh Tuấn cho biết thêm.", [[9, 22], [56, 60]]),
    ],
)
def test_officials_middle_name_anh_is_not_an_honorific(off_nlp, text, mentions):
    assert [o["mentions"] for o in officials(off_nlp, text)] == [mentions]
