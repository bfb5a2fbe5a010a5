"""dvnlp_officials: titles shared by a list (``các đồng chí Ủy viên Bộ Chính trị: A, Trưởng Ban …; B, …``) and a
body named by a list of fields (``Bộ Văn hóa, Thể thao và Du lịch``). Made-up sentences in real shapes."""
from __future__ import annotations

import pytest
from test_officials import off_nlp, officials  # noqa: F401 - the module-scoped pipeline fixture


def titles_of(nlp, text):
    return {o["name"]: sorted(o["titles"]) for o in officials(nlp, text)}


@pytest.mark.parametrize(
    "text,expected",
    [
        # a plural header with titles, then names that each have their own title
        ("Dự có các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: Phạm Minh Chính, Trưởng Ban Tổ chức "
         "Trung ương; Võ Văn Thưởng, Trưởng Ban Tuyên giáo Trung ương.",
         {"Phạm Minh Chính": ["Bí thư Trung ương Đảng", "Trưởng Ban Tổ chức Trung ương", "Ủy viên Bộ Chính trị"],
          "Võ Văn Thưởng": ["Bí thư Trung ương Đảng", "Trưởng Ban Tuyên giáo Trung ương", "Ủy viên Bộ Chính trị"]}),
        # the next plural header starts a new list
        ("Có các đồng chí Ủy viên Bộ Chính trị: Trần Văn An, Trưởng Ban Dân vận Trung ương; các đồng chí Bí thư "
         "Trung ương Đảng: Lê Văn Bình, Chánh Văn phòng Trung ương Đảng.",
         {"Trần Văn An": ["Trưởng Ban Dân vận Trung ương", "Ủy viên Bộ Chính trị"],
          "Lê Văn Bình": ["Bí thư Trung ương Đảng", "Chánh Văn phòng Trung ương Đảng"]}),
        # bare names: the list stops at a name with a title of its own
        ("Dự có các Phó Chủ tịch UBND tỉnh: Trương Thị Ánh, Nguyễn Hữu Dũng; ông Lê Văn Tám, Giám đốc Sở Y tế.",
         {"Trương Thị Ánh": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"], "Nguyễn Hữu Dũng": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"],
          "Lê Văn Tám": ["Giám đốc Sở Y tế"]}),
        # titled names: the list stops at a name without a title
        ("Dự có các Phó Chủ tịch UBND tỉnh: Trương Thị Ánh, Trưởng Ban Dân vận Tỉnh ủy; ông Lê Văn Tám; "
         "bà Lê Thị Hoa, Chánh Văn phòng Tỉnh ủy.",
         {"Trương Thị Ánh": ["Phó Chủ tịch Ủy ban nhân dân tỉnh", "Trưởng Ban Dân vận Tỉnh ủy"],
          "Lê Thị Hoa": ["Chánh Văn phòng Tỉnh ủy"]}),
    ],
)
def test_officials_plural_header_titles_go_to_every_listed_name(off_nlp, text, expected):
    assert {n: t for n, t in titles_of(off_nlp, text).items() if n in expected} == expected


@pytest.mark.parametrize(
    "text,name,titles",
    [
        # no plural word: a title group before a colon is not shared
        ("Ủy viên Bộ Chính trị: Phạm Minh Chính, Trưởng Ban Tổ chức Trung ương; Võ Văn Thưởng, Trưởng Ban Tuyên giáo "
         "Trung ương.", "Võ Văn Thưởng", ["Trưởng Ban Tuyên giáo Trung ương"]),
        # the list ends at the sentence
        ("Có các đồng chí Ủy viên Bộ Chính trị: Trần Văn An, Trưởng Ban Dân vận Trung ương. Ông Lê Văn Bình, Chánh "
         "Văn phòng Tỉnh ủy cũng dự.", "Lê Văn Bình", ["Chánh Văn phòng Tỉnh ủy"]),
    ],
)
def test_officials_plural_header_not_shared(off_nlp, text, name, titles):
    assert titles_of(off_nlp, text)[name] == titles


@pytest.mark.parametrize(
    "text,name,title",
    [
        ("Ông Lê Văn An, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch cho biết.", "Lê Văn An",
         "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
        ("Ông Lê Văn Bình, Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Nghệ An cho biết.", "Lê Văn Bình",
         "Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh Nghệ An"),
        ("GS.TS Phan Thanh Bình - Chủ nhiệm Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội "
         "- cho biết.", "Phan Thanh Bình",
         "Chủ nhiệm Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng của Quốc hội"),
        ("- Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội Hồ Đức Việt.", "Hồ Đức Việt",
         "Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội"),
        # segmented text writes a space before each comma: the title is written with plain commas
        ("Ông Trần Văn An , chánh thanh tra Sở Lao động , thương binh và xã hội cho biết .", "Trần Văn An",
         "chánh thanh tra Sở Lao động, thương binh và xã hội"),
    ],
)
def test_officials_body_named_by_a_field_list(off_nlp, text, name, title):
    assert titles_of(off_nlp, text)[name] == [title]


@pytest.mark.parametrize(
    "text,name,title",
    [
        ("Ông Lê Văn Cường, Giám đốc Sở Y tế, ông Trần Văn Dũng và bà Lê Thị Em dự.", "Lê Văn Cường", "Giám đốc Sở Y tế"),
        ("Ông Lê Văn Cường, Giám đốc Sở Giáo dục, cán bộ và giáo viên dự.", "Lê Văn Cường", "Giám đốc Sở Giáo dục"),
        # no 'và' closes the list: the comma ends the body
        ("Ông Lê Văn Cường, Giám đốc Sở Y tế, Tài chính cho biết.", "Lê Văn Cường", "Giám đốc Sở Y tế"),
    ],
)
def test_officials_field_list_needs_fields_closed_by_va(off_nlp, text, name, title):
    assert titles_of(off_nlp, text)[name] == [title]


@pytest.mark.parametrize(
    "text,name,titles",
    [
        # a chief-of-delegation head takes the members' position as its body
        ("Ông Lê Văn An, Phó Bí thư Tỉnh ủy, Trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai cho biết.", "Lê Văn An",
         ["Phó Bí thư Tỉnh ủy Đồng Nai", "Trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai"]),
        ("Ông Lê Văn An, Phó trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai cho biết.", "Lê Văn An",
         ["Phó trưởng Đoàn Đại biểu Quốc hội tỉnh Đồng Nai"]),
        # a head that is no body's chief does not (two positions written without a separator)
        ("Ông Lê Văn An, Giám đốc Bộ trưởng cho biết.", "Lê Văn An", ["Bộ trưởng"]),
        # a title right after a name that a title before has named goes to that person
        ("Ngày 25-5, Phó Thủ tướng Vương Đình Huệ, Trưởng đoàn Kiểm tra số 471 của Bộ Chính trị đã dự hội nghị.",
         "Vương Đình Huệ", ["Phó Thủ tướng", "Trưởng đoàn Kiểm tra số 471 của Bộ Chính trị"]),
        # ... but not one that names its own person, nor one after the sentence ends
        ("Có Thủ tướng Nguyễn Xuân Phúc, Chủ tịch nước Trần Đại Quang dự.", "Nguyễn Xuân Phúc", ["Thủ tướng"]),
        ("Có Thủ tướng Nguyễn Xuân Phúc, Chủ tịch nước, ông Trần Đại Quang dự.", "Nguyễn Xuân Phúc", ["Thủ tướng"]),
        ("Có Thủ tướng Nguyễn Xuân Phúc. Chủ tịch nước cũng dự.", "Nguyễn Xuân Phúc", ["Thủ tướng"]),
        # ... nor a title whose own name it did not read (a dash runs on; capitalized words after a bare head)
        ("Có Trưởng Ban Dân vận Trung ương Tòng Thị Phóng, Bộ trưởng Bộ Văn hóa - Thông tin Phạm Quang Nghị dự.",
         "Tòng Thị Phóng", ["Trưởng Ban Dân vận Trung ương"]),
        ("Gặp Chủ tịch nước Trần Đức Lương, Thủ tướng Tuynizi Mohamed Ghannouchi cho biết.", "Trần Đức Lương",
         ["Chủ tịch nước"]),
        # dashes around the group pair like brackets
        ("Trước đó, Chủ tịch Vũ Hồng Khanh - Ủy viên Ban Thường vụ Thành ủy - đã nghỉ hưu.", "Vũ Hồng Khanh",
         ["Chủ tịch", "Ủy viên Ban Thường vụ Thành ủy"]),
    ],
)
def test_officials_delegation_body_and_title_after_a_named_title(off_nlp, text, name, titles):
    assert titles_of(off_nlp, text)[name] == sorted(titles)
