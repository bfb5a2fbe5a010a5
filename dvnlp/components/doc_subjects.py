"""Subjects of cited documents: where one starts (``về …``, ``về việc …``, a title phrase) and where it ends.

* :data:`SUBJECT_LEAD` / :data:`TITLE_LEAD` — the openings read after a symbol;
* :func:`subject_body` — a subject bounded by the grammar: another citation, ``của`` + an issuer,
  ``gắn với``, ``ngày …``, a sentence end, or the closing quote matching the opening one (nested
  quotes balanced).
"""
from __future__ import annotations

import re
from functools import cache

from dvnlp.components.doc_issuers import ISSUER_START, issuer_after
from dvnlp.components.doc_tables import UPPER, is_kind_code, kind_alternation
from dvnlp.segment.patterns import SYMBOL

_REPORTING = (r"(?:nêu\s+ý\s+kiến|thẩm\s+tra|báo\s+cáo|hướng\s+dẫn|đề\s+nghị|đề\s+xuất|trả\s+lời|giải\s+thích|xin\s+ý\s+kiến|"
              r"yêu\s+cầu)")
# ``về …`` right after the citation, or after a reporting verb of the same clause
# (``công văn số 31/CV-ĐT đến ĐH Đà Nẵng thẩm tra về …``, ``… báo cáo Thủ tướng Chính phủ về …``)
SUBJECT_LEAD = re.compile(
    rf"\s*[,)]?\s*(?:(?:(?!về\s)[^\s,.;:()“”\"]+\s+){{0,6}}?{_REPORTING}(?:\s*,?\s+[^\s,.;:()“”\"]+){{0,6}}?\s+)?"
    r"(?:[“\"]\s*)?về\s+(?:việc\s+)?",  # ``… của Thành ủy “Về tăng cường …”``: a quoted title opening with ``về``
    re.IGNORECASE)
TITLE_LEAD = re.compile(
    r"\s*[,)]?\s*(?=(?:quy\s+định|qui\s+định|ban\s+hành|hướng\s+dẫn|cho\s+phép|phê\s+duyệt|sửa\s+đổi|bổ\s+sung|thành\s+lập|"
    r"kiện\s+toàn|bãi\s+bỏ)\s+"
    r"(?!ngày|vào|tại|rõ|của|kèm|theo|thêm)[^\W\d_])", re.IGNORECASE)
_SUBJECT_STOPS = (
    r"[;\n:]|[.!?…](?=\s|$|[”\"])|(?<=[a-zà-ỹđ)”\"])\.(?=[" + UPPER + r"])|\s+gắn\s+với\s|"
    r"\s*,?\s*\(?\s*(?<![^\W_])(?:(?:được\s+|đã\s+)?(?:ban\s+hành|ký|kí)\s+(?:vào\s+)?|vào\s+|(?:áp\s+dụng\s+|kể\s+)?từ\s+)?"
    r"(?:ngày|hôm)\s+\d|\s*,\s*(?:và|đồng\s+thời|trên\s+cơ\s+sở|"
    r"theo\s+đó|trong\s+đó|trong\s+thời\s+hạn|kể\s+từ|nếu|tuy\s+nhiên|nhằm|để|qua\s+đó|từ\s+đó|với|ký|kí|do|đến|có\s+hiệu\s+lực|"
    r"xét|căn\s+cứ|gồm)\s|\s+(?:đã|đang|sẽ|vừa|thì|nên|có\s+hiệu\s+lực|cho\s+thấy|mà|bởi|cũng)(?=\s|[:,;.])|"
    # the document's own verb after its title: ``… về công tác dân tộc đề ra mục tiêu “…”``, ``… xác định “…”``
    r"\s+(?:xác\s+định|đề\s+ra|chỉ\s+rõ|nêu\s+rõ|khẳng\s+định|nhấn\s+mạnh)(?=\s*[“\"]|\s+(?:mục\s+tiêu|nhiệm\s+vụ|yêu\s+cầu|rõ)\s)|"
    # a new clause after a comma: a subject and its verb (``…, người dân không được tái xây dựng``)
    r"\s*,\s*(?=(?:[^\s,.;:]+\s+){0,4}?(?:không|chưa|đã|sẽ|đang|vẫn|rất|phải|cần|có\s+tên|được)\s)|\s+(?:mới\s+)?được\s+(?:ban\s+hành|ký|kí|thông\s+qua)(?![^\W_])")
_QUOTES = {"“": "”", '"': '"', "«": "»"}


@cache
def _subject_end() -> re.Pattern[str]:
    """Where a subject ends: a sentence or clause end, ``gắn với``, ``ngày …``, or ``của``/``do`` + an issuer
    (``của BCH Đảng bộ huyện``; not ``của hệ thống chính trị``, nor ``của Pháp lệnh …``, a document named inside)."""
    issuer = rf"(?P<of>\s+(?:của|do)\s+(?!(?:{kind_alternation()})\s){ISSUER_START})"
    # a comma, then the next listed document (``…, Luật An toàn …``) or a body opening a new clause (``…, Ủy ban …``)
    listed = (rf"\s*,\s+(?=(?:{kind_alternation()}|Ủy ban|Uỷ ban|UB[A-ZĐ]+|HĐND|BTV[A-ZĐ]*|BCĐ[A-ZĐ]*|Ban|Bộ|Sở|Chính phủ|"
              r"Thủ tướng|Tỉnh ủy|Huyện ủy|Thành ủy)\s)")
    # ``… và quy định của Tỉnh ủy X về …``: a second document, named with its issuer or number
    second = rf"\s+(?:và|hoặc)\s+(?=(?:(?i:dự\s+thảo|các|bản)\s+)?(?i:{kind_alternation()})\s+(?:số\s|của\s))"
    return re.compile(f"{_SUBJECT_STOPS}|{issuer}|{listed}|{second}")


@cache
def _citation() -> re.Pattern[str]:
    return re.compile(rf"(?i:(?<![^\W_])(?:{kind_alternation()})\s+(?:số\s+)?\d)|{SYMBOL.pattern}")


def subject_body(text: str, pos: int, stop: int, *, issuer_named: bool = False) -> tuple[str | None, int]:
    """The subject starting at ``pos`` and where it ends: quoted (balanced) or up to the first boundary of the grammar.

    With ``issuer_named`` (the issuer was written between the symbol and the subject: ``Chỉ thị 56-CT/TW của Bộ
    Chính trị về … công tác của Hội Luật gia;``), ``của`` + a body that closes the clause is part of the subject."""
    limit = min(len(text), pos + 320, stop)
    opening = text[pos:pos + 1]
    if opening in _QUOTES:
        closing, depth, i = _QUOTES[opening], 0, pos + 1
        while i < limit:
            ch = text[i]
            if ch == "\n":
                break
            if ch == closing and (depth == 0 or closing == '"'):
                if closing == '"' and depth:
                    depth -= 1
                    i += 1
                    continue
                return _trim(text[pos + 1:i]), i + 1
            if ch == closing:
                depth -= 1
            elif ch == opening or (closing == '"' and ch == "“"):
                depth += 1
            i += 1
        # no matching close: the title runs to the sentence end
        pos += 1
    window = text[pos:limit]
    cut = len(window)
    for m in _subject_end().finditer(window):
        if not (m.group("of") and _body_in_subject(window, m.start(), issuer_named)):
            cut = m.start()
            break
    named = None  # a document the subject names as the object of its verb (``… thực hiện Nghị quyết số 19-NQ/TW``)
    for c in _citation().finditer(window, 1, cut):
        if c.group(0)[0].isdigit() and re.fullmatch(r"\d+\s?[-‐-―−]\s?[A-ZĐ][\wĐ]*", c.group(0)) and not is_kind_code(c.group(0)):
            continue  # ``quận 1 - TPHCM`` is no citation
        cut = c.start()
        named = _object_citation(text, pos + cut)
        break
    else:
        if cut == len(window) and limit == stop < len(text):  # the next citation starts where the window ends
            # its kind word may stand before the number the window stops at (``… thực hiện Kết luận số | 19``)
            kind = _kind_at_end().search(window)
            at = pos + kind.start() if kind else stop
            named = _object_citation(text, at)
            if named is None and kind:
                cut = kind.start()
    body = window[:cut] if named is None else text[pos:named]
    if ")" in body and _bracket_open_before(text, pos):  # ``(thời điểm … có Nghị quyết số 33-NQ/TW về … ) đến …``
        body = body[:body.find(")")]
    # a closing quote with no opening one inside the subject ends it
    j = body.find("”")
    if j >= 0 and body.count("“", 0, j) == 0:
        body = body[:j]
    if body.count('"') % 2:  # ``… (khóa XI) "về …" còn …``: the straight quote opened before the subject closes it
        body = body[:body.find('"')]
    return _trim(body), pos + len(body)


def _bracket_open_before(text: str, pos: int) -> bool:
    """A bracket opened in the sentence before the citation and not closed by ``pos``: it closes the subject."""
    start = max(0, pos - 300)
    ends = [m.end() for m in re.finditer(r"[.!?;\n](?=\s)", text[start:pos])]
    before = text[start + (ends[-1] if ends else 0):pos]
    return before.count("(") > before.count(")")


@cache
def _kind_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{kind_alternation()})\s+(?:số\s*:?\s*)?$", re.IGNORECASE)


_OBJECT_VERB = re.compile(r"(?<![^\W_])(?:thực\s+hiện|triển\s+khai|thi\s+hành|sơ\s+kết|tổng\s+kết|sửa\s+đổi|bổ\s+sung|"
                          r"cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|quán\s+triệt)\s+(?:(?:một\s+số\s+điều\s+của|các)\s+)?$",
                          re.IGNORECASE)


@cache
def _named_citation() -> re.Pattern[str]:
    return re.compile(rf"(?:{kind_alternation()})\s+(?:số\s*:?\s*)?(?:{SYMBOL.pattern}|\d{{1,5}}(?![\d/]))", re.IGNORECASE)


def _object_citation(text: str, at: int) -> int | None:
    """Where a citation at ``at`` ends when the subject's verb takes it as its object, else None."""
    if not _OBJECT_VERB.search(text, max(0, at - 40), at):
        return None
    m = _named_citation().match(text, at)
    return m.end() if m else None


@cache
def _title_noun() -> re.Pattern[str]:
    """A document noun ending the text before ``của``: ``chương trình hành động``, ``kế hoạch``, ``đề án …``."""
    return re.compile(rf"(?<![^\W_])(?:{kind_alternation()})(?:\s+[^\W\d_]+){{0,2}}$", re.IGNORECASE)


def _body_in_subject(window: str, at: int, issuer_named: bool) -> bool:
    """Whether ``của``/``do`` + the body at ``at`` is part of the subject rather than its end (the issuer)."""
    body = issuer_after().match(window, at)
    if body is None:
        return False
    end = body.end()
    return ((issuer_named and _ends_after_body(window, at, end)) or _nested_title(window, at, end)
            or _GOES_ON.match(window, end) is not None)


def _nested_title(window: str, at: int, body_end: int) -> bool:
    """``về chương trình hành động của Chính phủ về thực hành tiết kiệm``: ``của`` + a body inside a title that
    names another document and its own subject — a document noun before it, ``về`` / ``thực hiện`` / ``triển khai`` …
    after the body (``ban hành Chương trình hành động của Chính phủ triển khai Nghị quyết …``)."""
    noun = _title_noun().search(window, 0, at)
    if not noun or re.search(r"(?:(?<![^\W_])(?:và|hoặc|cùng)|,)\s*$", window[:noun.start()]):
        return False  # ``… công chức và quy định của Tỉnh ủy X về …``: a second document, listed
    return _TITLE_GOES_ON.match(window, body_end) is not None


#: after the body of a nested title: the title's own subject or the document it implements
_TITLE_GOES_ON = re.compile(r"\s+(?:về|thực\s+hiện|triển\s+khai|thi\s+hành|quán\s+triệt|cụ\s+thể\s+ho[áa])\s")
_CLAUSE_END = re.compile(r"\s*(?:[;:\n)]|[.!?…](?=\s|$)|$)")


def _ends_after_body(window: str, at: int, body_end: int) -> bool:
    """``của`` + a body that closes the clause (``… đối với công tác của Hội Luật gia Việt Nam;``): with the issuer
    already named before the subject, the body is what the subject is about, not a second issuer."""
    return window[at:].lstrip().startswith("của") and _CLAUSE_END.match(window, body_end) is not None


#: after the body, the subject goes on (``về tăng cường vai trò của Đảng bộ tỉnh trong xây dựng nông thôn mới``:
#: ``đối với``, ``trong``, ``trên``, ``giai đoạn`` …; not a time, ``của UBND huyện X trong năm 2021``)
_GOES_ON = re.compile(r"\s+(?:đối\s+với|trong(?!\s+(?:năm|tháng|quý|tuần|ngày|thời\s+gian|dịp|đó))|trên|ở|giai\s+đoạn|"
                      r"thời\s+kỳ|nhiệm\s+kỳ)(?![^\W_])")


def _trim(body: str) -> str | None:
    body = re.sub(r"\s+", " ", body).strip(" ,-–“”\"'.…")
    body = re.sub(r"(?:[\s,–-]+(?:của|do|và|(?<!tiếp )theo|tại|thuộc|từ|kể|áp dụng))+$", "", body).strip(" ,-–")
    if body.count("(") > body.count(")"):
        body = body[:body.rfind("(")].strip(" ,-–")
    return body if len(body) >= 3 else None
