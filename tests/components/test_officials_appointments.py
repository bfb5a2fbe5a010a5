"""dvnlp_officials: an appointment verb names the person it appoints (``bổ nhiệm A làm Giám đốc …``), and an
organization code written in capitals keeps its number (``PMU18``, ``PMU 18``). Made-up sentences in real shapes."""
from __future__ import annotations

import pytest
from test_officials import off_nlp, officials  # noqa: F401 - the module-scoped pipeline fixture

from dvnlp.components.title_grammar import grammar


def titles_of(nlp, text):
    return {o["name"]: o["titles"] for o in officials(nlp, text)}


@pytest.mark.parametrize(
    "text,name,title,verb",
    [
        ("Việc bộ trưởng trực tiếp bổ nhiệm Bùi Văn Dũng làm tổng giám đốc PMU18 có phải một ngoại lệ?",
         "Bùi Văn Dũng", "tổng giám đốc PMU18", "bổ nhiệm"),
        ("HĐND tỉnh đã bầu Nguyễn Văn Nam giữ chức Chủ tịch UBND tỉnh Gia Lai.",
         "Nguyễn Văn Nam", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "bầu"),
        ("UBND tỉnh quyết định điều động Trần Thị Hoa làm Phó Giám đốc Sở Y tế.",
         "Trần Thị Hoa", "Phó Giám đốc Sở Y tế", "điều động"),
        ("Bộ đã phân công Lê Văn Hoàng giữ chức vụ Vụ trưởng Vụ Tổ chức cán bộ.",
         "Lê Văn Hoàng", "Vụ trưởng Vụ Tổ chức cán bộ", "phân công"),
    ],
)
def test_officials_appointment_verb_names_the_person(off_nlp, text, name, title, verb):
    found = {o["name"]: o for o in officials(off_nlp, text)}
    assert found[name]["titles"] == [title]
    assert found[name]["rule"].startswith(f"appointed/titles:{verb}/")


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh đã bổ nhiệm Hà Nội làm Giám đốc.",  # a place, not a person
        "Bộ trưởng bổ nhiệm cán bộ làm Giám đốc Sở Y tế.",  # no name
        "Hội nghị bầu Ban Chấp hành làm Giám đốc.",  # a body
    ],
)
def test_officials_appointment_verb_needs_a_name(off_nlp, text):
    assert officials(off_nlp, text) == []


def test_officials_appointment_verbs_are_rule_data():
    g = grammar()
    assert {"bổ nhiệm", "bầu", "điều động", "phân công"} <= set(g.appoint_verbs)
    assert not g.heads.fullmatch("bổ nhiệm") and not g.heads.fullmatch("làm")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ông Bùi Văn Dũng, tổng giám đốc PMU18, đã bị bắt.", {"Bùi Văn Dũng": ["tổng giám đốc PMU18"]}),
        ("Ông Bùi Văn Dũng, tổng giám đốc PMU 18, đã bị bắt.", {"Bùi Văn Dũng": ["tổng giám đốc PMU 18"]}),
        ("Tổng giám đốc PMU 18 Bùi Văn Dũng tham gia.", {"Bùi Văn Dũng": ["Tổng giám đốc PMU 18"]}),
        ("Ông Lê Văn Hùng, Tổng giám đốc CIENCO 4 cho biết sẽ đi.", {"Lê Văn Hùng": ["Tổng giám đốc CIENCO 4"]}),
        # a number that counts the next noun is no part of the code
        ("Ông Lê Văn Hùng, Giám đốc VTV 3 năm qua đã đổi mới.", {"Lê Văn Hùng": ["Giám đốc VTV"]}),
        # a list number glued to a word or to a Roman numeral is still cut off
        ("Đồng chí Nông Đức Mạnh, Tổng Bí thư Ban chấp hành Trung ương khóa IX82, phát biểu.",
         {"Nông Đức Mạnh": ["Tổng Bí thư Ban chấp hành Trung ương khóa IX"]}),
        ("Ông Lê Văn Hùng, Giám đốc Sở Thông tin88. Ông cho biết.", {"Lê Văn Hùng": ["Giám đốc Sở Thông tin"]}),
    ],
)
def test_titles_capitals_code_keeps_its_number(off_nlp, text, expected):
    assert titles_of(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kỷ niệm 60 năm ngày Chủ tịch Hồ Chí Minh gửi thư cho Đại hội.", {"Hồ Chí Minh": ["Chủ tịch"]}),
        # with its place word, or after a body, the same words are the city
        ("Ông Lê Văn Hùng, Giám đốc Công an TP Hồ Chí Minh, cho biết.",
         {"Lê Văn Hùng": ["Giám đốc Công an thành phố Hồ Chí Minh"]}),
        ("Bí thư Thành ủy Hồ Chí Minh Lê Thanh Hải phát biểu.", {"Lê Thanh Hải": ["Bí thư Thành ủy Hồ Chí Minh"]}),
        ("Phó ga Hà Nội Nguyễn Văn Hùng cho biết.", {"Nguyễn Văn Hùng": ["Phó ga Hà Nội"]}),
    ],
)
def test_officials_place_named_after_a_person_after_a_bare_head_is_the_person(off_nlp, text, expected):
    assert titles_of(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Khu quản lý giao thông đô thị (KQLGTĐT) số 1 tổ chức lễ. Ông Lê Toàn, Giám đốc KQLGTĐT số 1 than thở.",
         {"Lê Toàn": ["Giám đốc Khu quản lý giao thông đô thị số 1"]}),
        ("Trung tâm Đăng kiểm giao thông (TTĐKGT) mới mở. Ông Lê Văn Hùng, Phó giám đốc TTĐKGT cho biết.",
         {"Lê Văn Hùng": ["Phó giám đốc Trung tâm Đăng kiểm giao thông"]}),
        # letters that are not the initials of the words before the bracket define nothing
        ("Trung tâm truyền hình tại Đà Nẵng (DVTV) mới mở. Ông Lê Văn Hùng, Giám đốc DVTV cho biết.",
         {"Lê Văn Hùng": ["Giám đốc DVTV"]}),
    ],
)
def test_titles_acronym_defined_in_the_text_is_spelled_out(off_nlp, text, expected):
    assert titles_of(off_nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Trường hợp Nguyễn Việt Bắc (nguyên thư ký của ông Tiến) cũng do bộ trưởng đề xuất.",
         {"Nguyễn Việt Bắc": ["nguyên thư ký của ông Tiến"]}),
        ("Ông Lê Văn Hùng, trợ lý của ông Nguyễn Tấn Dũng, cho biết.",
         {"Lê Văn Hùng": ["trợ lý của ông Nguyễn Tấn Dũng"]}),
        # a position that serves no person does not take one
        ("Ông Lê Văn Hùng, Giám đốc của ông Tiến là bạn.", {"Lê Văn Hùng": ["Giám đốc"]}),
    ],
)
def test_titles_aide_of_a_person_keeps_the_person(off_nlp, text, expected):
    assert titles_of(off_nlp, text) == expected
