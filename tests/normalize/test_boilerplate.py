import pytest

from dvnlp.normalize import find_boilerplate


@pytest.mark.parametrize(
    "line,rule",
    [
        ("Quay lại", "nav_back"),
        ("Ảnh: Toàn cảnh tại điểm cầu truyền hình Đak Đoa", "photo_caption"),
        ("CTV - BDVHU", "byline_code"),
        ("Tin, ảnh: Minh Hòa", "byline_news"),
        ("Theo TTXVN", "source_line"),
        ("(Ảnh: Thu Hà)", "photo_credit_paren"),
    ],
)
def test_boilerplate_lines_recognized_with_rule(line, rule):
    text = f"Nội dung báo cáo.\n   {line}  \nTiếp theo."
    found = find_boilerplate(text)
    assert [(text[b.start:b.end], b.rule) for b in found] == [(line, rule)]


@pytest.mark.parametrize(
    "line",
    [
        "Đồng chí Đinh Ơng, Trưởng Ban Dân vận Huyện ủy đã báo cáo.",
        "Ngày 20/12/2022, Ban Dân vận Tỉnh ủy tổ chức Hội nghị.",
        "Ảnh hưởng của thiên tai đến đời sống Nhân dân là rất lớn.",
    ],
)
def test_boilerplate_content_lines_not_flagged(line):
    assert find_boilerplate(line) == []
