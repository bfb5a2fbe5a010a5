"""dvnlp.ingest.html: visible text of HTML pages, robust to broken and deep markup."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvnlp.ingest import html_to_text, looks_like_html

PAGE = """<!DOCTYPE html>
<html><head><title>Tiêu đề trang</title><style>p { color: red }</style>
<script>var s = "<p>không hiện</p>";</script></head>
<body>
<header><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav></header>
<div class="article">
<h1>Hội nghị&nbsp;dân vận khéo</h1>
<p class=ngay>26-04-2006</p>
<P>Ngày 25/4, Ban Dân vận Tỉnh ủy tổ chức hội nghị
   tổng kết phong trào &quot;Dân vận khéo&quot; &amp; trao thưởng.
<P>&nbsp;
<P>&nbsp;
<P>Có 120 mô hình được công nhận.<br>Trong đó 30 mô hình cấp tỉnh.
<table><tr><td>Huyện</td><td>Số mô hình</td></tr><tr><td>A</td><td>12</td></tr></table>
<ul><li>Mặt trận<li>Hội Nông dân</ul>
</div>
<form><input name=q><button>Tìm</button><select><option>Chọn</option></select></form>
<noscript>Bật JavaScript</noscript>
<footer>© 2006 Báo Người Lao Động</footer>
</body></html>"""

EXPECTED = """Hội nghị dân vận khéo

26-04-2006

Ngày 25/4, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết phong trào "Dân vận khéo" & trao thưởng.

Có 120 mô hình được công nhận.
Trong đó 30 mô hình cấp tỉnh.

Huyện\tSố mô hình
A\t12

Mặt trận
Hội Nông dân"""


def test_html_page_visible_text() -> None:
    assert html_to_text(PAGE) == EXPECTED


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>một</p><p>hai</p>", "một\n\nhai"),
        ("<div>một<div>hai</div>ba</div>", "một\nhai\nba"),
        ("dòng<br>dòng<br><br>đoạn", "dòng\ndòng\n\nđoạn"),
        ("<p>a <b>đậm</b> <i>nghiêng</i>   cách</p>", "a đậm nghiêng cách"),
        ("<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>Hộ</td><td>120</td></tr></table>",
         "Chỉ tiêu\tKết quả\nHộ\t120"),
        ("<pre>giữ\n\nnguyên</pre>", "giữ\n\nnguyên"),
        ("<pre></pre><article></article><p>a\n  b</p><header>đầu</header>", "a b"),
        ("<p>&#7879; &#x1EC7; &ecirc; &lt;b&gt;</p>", "ệ ệ ê <b>"),
        ("<p hidden>ẩn</p><p style='display: none'>ẩn</p><p>hiện</p>", "hiện"),
        ("<article><header><h1>Tiêu đề bài</h1></header><p>Nội dung</p></article><footer>chân</footer>",
         "Tiêu đề bài\n\nNội dung"),
        ("<iframe src=x>khung</iframe><p>chữ</p><!-- chú thích -->", "chữ"),
    ],
    ids=["paragraphs", "nested-divs", "br", "inline", "table", "pre", "empty-pre", "entities", "hidden", "article", "iframe"],
)
def test_html_block_structure(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@pytest.mark.parametrize(
    "html",
    ["<p>abc<di", "<p>abc</p", "<", "<<<>>>", "<table><tr><td>x", "</div></div></p>", "<p a='unterminated>text",
     "<scr", "<!--", "<![CDATA[x", "\x00<p>\x00</p>", "\ud800<p>lẻ</p>", "<svg><p>x</svg>", ""],
)
def test_html_malformed_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_html_truncated_keeps_text() -> None:
    assert html_to_text("<p>Báo cáo tổng kết</p><p>Năm 2023 đạt<di") == "Báo cáo tổng kết\n\nNăm 2023 đạt"


def test_html_deeply_nested_divs() -> None:
    depth = 100_000
    html = "<div>" * depth + "sâu" + "</div>" * depth
    start = time.perf_counter()
    assert html_to_text(html) == "sâu"
    assert time.perf_counter() - start < 20


def test_html_deeply_nested_unclosed_and_inline() -> None:
    html = "<div><span><b>" * 30_000 + "chữ"
    assert html_to_text(html) == "chữ"


def test_html_many_unclosed_paragraphs_keep_breaks() -> None:
    html = "".join(f"<P>đoạn {i}\n" for i in range(2000))
    text = html_to_text(html)
    assert text.split("\n\n") == [f"đoạn {i}" for i in range(2000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề\n&gt;&gt; Tin liên quan\nNội dung", "Tiêu đề\n>> Tin liên quan\nNội dung"),
        ("Tỷ lệ x<y và a<b\nDòng hai  ", "Tỷ lệ x<y và a<b\nDòng hai"),
    ],
)
def test_html_without_tags_keeps_lines(text: str, expected: str) -> None:
    assert html_to_text(text) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("<>/=\"' &;#abcdiptrlv!-\n") + ["<div>", "</p>", "<td>", "ệ"]),
                max_size=300).map("".join))
def test_html_fuzz_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)


@pytest.mark.parametrize(
    "text",
    [PAGE, "<p>một đoạn</p>", "<div>a</div><div>b</div>", "dòng<br>dòng<br/>", "<html lang=vi>",
     "&nbsp;&nbsp;&amp;&quot; x"],
)
def test_html_looks_like_html_true(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    ["Báo cáo công tác dân vận năm 2023.", "a < b và c > d", "Xem <trang 5> để biết thêm",
     "Tin: " + "chữ " * 500 + "&gt;&gt; liên quan", "Email <ban.dan.van@example.vn>", ""],
)
def test_html_looks_like_html_false(text: str) -> None:
    assert not looks_like_html(text)
