"""The grammar around a cited document's symbol: its kind word, issuer, date and subject.

Used by :mod:`dvnlp.components.doc_refs`, one mention at a time:

* :func:`kind_before` — the kind word written before the symbol (``Quyết định số``, ``công văn (số``,
  ``Công điện khẩn số``, ``NĐ``), or a quoted title holding it (``“Báo cáo thẩm tra …” số``);
* :func:`head_before` — who issued it and when, written before the kind word (``Ngày 17-3-2006,
  Thủ tướng Chính phủ đã có Điện khẩn số …``);
* :func:`tail_after` — what follows the symbol, in any order: the date (``ngày 15/3/2021``,
  ``ban hành ngày …``, ``tháng 3-2005``), the issuer (``của Ban Thường vụ Tỉnh ủy``, ``do …``, ``A và B``)
  and the subject (``về …``, ``về việc …``, ``về “…”``, or a title phrase ``quy định …``);
* :func:`subject_body` — a subject bounded by the grammar: another citation, ``của`` + an issuer,
  ``gắn với``, ``ngày …``, a sentence end, or the closing quote matching the opening one (nested
  quotes balanced).

Each field comes with the name of the rule that read it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dvnlp.components.dates import find_dates
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import SYMBOL

_UP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
#: lower-case words that open an issuer's name (``ban Thường vụ Thành ủy``, ``trường ĐH Tây Bắc``)
_HEADS = r"(?:ban|bộ|sở|ủy ban|uỷ ban|trường|cục|tổng cục|chi cục|văn phòng|hội đồng|thường trực|công an|viện|tòa án|đảng ủy|tỉnh ủy|huyện ủy|thành ủy)"
_ISSUER_START = rf"(?:[{_UP}]|(?i:{_HEADS})\s+[{_UP}])"
_PERSON = re.compile(r"(?i)(?:ông|bà|đồng chí|anh|chị)\s")
# words that end an issuer read after ``của`` / ``do`` (the next clause starts)
_ISSUER_STOP = (r"về|ngày|vào|ban hành|ký|kí|cùng|quy định|qui định|hướng dẫn|triển khai|phê duyệt|thực hiện|đã|vừa|"
                r"nêu|yêu cầu|chỉ đạo|được|nay|đối với|tại|thì|là|có|gửi|cho|với|trong|khi|để|nhằm|theo|giao|đồng ý|"
                r"gắn với|sẽ|đang|mà|nên|nhưng|không|chưa|số|năm")
_DATE_LEAD = re.compile(
    r"\s*[,(]?\s*(?:(?:được\s+)?(?:ban\s+hành|ký|kí)\s+(?:cùng\s+)?(?:(?:vào\s+)?ngày\s+|vào\s+)?|(?:cùng\s+)?(?:vào\s+)?ngày\s+|vào\s+)"
    r"(?=[0-3]?\d)", re.IGNORECASE)
_MONTH = re.compile(r"\s*[,(]?\s*(?:(?:ban\s+hành|ký|kí)\s+)?(?:vào\s+)?(?i:tháng)\s+(?P<m>[01]?\d)\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>(?:19|20)\d{2})(?![\d/])")
_REPORTING = r"(?:nêu\s+ý\s+kiến|thẩm\s+tra|báo\s+cáo|hướng\s+dẫn|đề\s+nghị|đề\s+xuất|trả\s+lời|giải\s+thích|xin\s+ý\s+kiến)"
# ``về …`` right after the citation, or after a reporting verb of the same clause
# (``công văn số 31/CV-ĐT đến ĐH Đà Nẵng thẩm tra về …``, ``… báo cáo Thủ tướng Chính phủ về …``)
_SUBJECT_LEAD = re.compile(
    rf"\s*[,)]?\s*(?:(?:[^\s,.;:()“”\"]+\s+){{0,6}}?{_REPORTING}(?:\s+[^\s,.;:()“”\"]+){{0,4}}?\s+)?về\s+(?:việc\s+)?",
    re.IGNORECASE)
_TITLE_LEAD = re.compile(
    r"\s*[,)]?\s*(?=(?:quy\s+định|qui\s+định|ban\s+hành|hướng\s+dẫn|cho\s+phép|phê\s+duyệt|sửa\s+đổi|bổ\s+sung)\s+"
    r"(?!ngày|vào|tại|rõ|của|kèm|theo|thêm)[^\W\d_])", re.IGNORECASE)
_SUBJECT_STOPS = (
    r"[;\n:]|[.!?…](?=\s|$|[”\"])|(?<=[a-zà-ỹđ])\.(?=[" + _UP + r"])|\s+gắn\s+với\s|"
    r"\s*,?\s+(?:ban\s+hành\s+|(?:áp\s+dụng\s+|kể\s+)?từ\s+)?ngày\s+\d|\s*,\s*(?:và|đồng\s+thời|trên\s+cơ\s+sở|"
    r"theo\s+đó|trong\s+đó|nhằm|để|qua\s+đó|từ\s+đó|với|ký|kí|do|đến|có\s+hiệu\s+lực)\s|\s+(?:đã|đang|sẽ|vừa|thì|nên|"
    r"có\s+hiệu\s+lực|cho\s+thấy|mà)\s")
_QUOTES = {"“": "”", '"': '"', "«": "»"}
_CITATION_LEAD = r"(?:\s+(?:(?i:số)\s+)?)"


@dataclass
class Tables:
    kinds: dict[str, str]  # type code → kind name
    issuers: dict[str, str]  # symbol issuer code → body
    issuers_folded: dict[str, str]  # the same, upper-cased codes
    #: (written form, code, display name), longest written form first
    names: list[tuple[str, str, str]]
    generic: frozenset[str]  # codes of kind words that name no particular kind
    common: frozenset[str]  # kind words (lower case) that are everyday words too (``theo quy định số …``)
    compatible: dict[str, frozenset[str]]  # code → codes a kind word may stand with
    expand: dict[str, str] = field(default_factory=dict)  # written abbreviation → words (issuers read from text)


@cache
def tables() -> Tables:
    entries = load_rules("document_kinds").entries
    kinds = {e["code"]: e["name"] for e in entries}
    # longest first; between equal names (``Quy định``: QĐi, QyĐ) the first in the rule file wins
    written = ([(e["name"], e["code"], e["name"]) for e in entries]
               + [(a, e["code"], a) for e in entries for a in e.get("aliases", [])]
               + [(a, e["code"], e["name"]) for e in entries for a in e.get("abbreviations", [])])
    seen: set[str] = set()
    names = []
    for w in sorted(written, key=lambda x: -len(x[0])):
        if w[0].lower() not in seen:
            seen.add(w[0].lower())
            names.append(w)
    iss = load_rules("issuers").entries
    issuers = {e["code"]: e["name"] for e in iss if not e.get("text_only")}
    expand = {e["abbr"]: e["expansion"] for e in load_rules("abbreviations").entries
              if e.get("kind") in ("body", "org", "place")}
    expand.update({e["code"]: e["name"] for e in iss})
    return Tables(kinds=kinds, issuers=issuers, issuers_folded={k.upper(): v for k, v in issuers.items()}, names=names,
                  generic=frozenset(e["code"] for e in entries if e.get("generic")),
                  common=frozenset(e["name"].lower() for e in entries if e.get("common_word")),
                  compatible={e["code"]: frozenset([e["code"], *e.get("compatible_codes", [])]) for e in entries},
                  expand=expand)


@cache
def codes_of_kind() -> dict[str, frozenset[str]]:
    """Kind word (lower-case, as written or displayed) → the type codes it may stand with."""
    t = tables()
    out: dict[str, set[str]] = {}
    for written, code, display in t.names:
        for word in (written, display):
            out.setdefault(word.lower(), set()).update(t.compatible.get(code, {code}))
    return {k: frozenset(v) for k, v in out.items()}


def kind_agrees(kind: str, code: str) -> bool:
    """Whether the kind word ``kind`` may stand with the type code ``code`` (its own, a look-alike, an extension)."""
    t = tables()
    allowed = codes_of_kind().get(kind.lower())
    if allowed is None or allowed & t.generic:
        return True
    if code in allowed or any(code.startswith(a) for a in allowed):
        return True
    name = t.kinds.get(code, "").lower()
    return bool(name) and (kind.lower().startswith(name) or name.startswith(kind.lower()))


@cache
def _issuer_after() -> re.Pattern[str]:
    """``của`` / ``do`` + an issuer, up to the next clause (a verb, ``về``, ``ngày``, punctuation, ``và`` + no body)."""
    return re.compile(
        rf"\s*,?\s*(?:của|do)\s+(?P<issuer>{_ISSUER_START}(?:[^,;.:()“”\"\n]|\.(?=\S)){{1,90}}?)"
        rf"(?=\s+(?:{_ISSUER_STOP}|của)(?![^\W_])|\s+và\s+(?:(?![{_UP}]|(?i:{_HEADS})\s)|(?:{kind_alternation()})(?![^\W_]))"
        rf"|\s*(?:[,;:()“”\"\n]|\.(?!\S))|$)")


@cache
def kind_alternation() -> str:
    return "|".join(re.escape(w) for w, _, _ in tables().names)


@cache
def _kind_end() -> re.Pattern[str]:
    """A kind word ending the text before a symbol: ``Quyết định số``, ``công văn (số``, ``Điện khẩn số:``."""
    return re.compile(
        rf"(?<![^\W_])(?P<kind>{kind_alternation()})(?:\s+(?:khẩn|hỏa\s+tốc|hoả\s+tốc|liên\s+tịch))?\s*\(?\s*"
        rf"(?:(?:số\s+hiệu|số)\s*:?\s*)?$", re.IGNORECASE)


@cache
def _kind_named() -> re.Pattern[str]:
    """A kind word, a name, then ``số``: ``Pháp lệnh Trọng tài thương mại số``."""
    kinds = kind_alternation()
    return re.compile(rf"(?<![^\W_])(?P<kind>{kinds})\s+(?:(?!(?:{kinds})(?![^\W_]))[^\s,.;:()“”\"\d]+\s+){{1,8}}số\s*:?\s*$",
                      re.IGNORECASE)


def _display(written: str) -> tuple[str, str]:
    low = written.lower()
    for w, code, display in tables().names:
        if w.lower() == low:
            return display, code
    return written, ""


def kind_before(text: str, start: int) -> dict[str, Any] | None:
    """The kind word written before ``start``: ``{kind, code, at, rule}`` (+ ``subject`` for a quoted title)."""
    before = text[max(0, start - 60):start]
    m = _kind_end().search(before)
    one_syllable = bool(m) and " " not in m.group("kind").strip() and not m.group("kind")[0].isupper()
    if one_syllable and not re.search(r"số\s*:?\s*$", before):
        m = None  # ``kỷ luật (24/QĐ/TTYT``: a one-syllable kind word in lower case needs ``số``
    if m:
        at = start - len(before) + m.start()
        # ``Thông báo kết luận số 50-TB/TW``: the first of two kind words is the head noun
        head = re.search(rf"(?<![^\W_])(?:{kind_alternation()})\s+$", text[max(0, at - 30):at], re.IGNORECASE)
        kind, code = _display(m.group("kind"))
        written = m.group("kind")
        weak = one_syllable or (written[0].islower() and written.lower() in tables().common)
        if head:  # either word may be the kind: the head noun, unless only the other one agrees with the code
            head_kind, head_code = _display(head.group(0).strip())
            sym = SYMBOL.match(text, start)
            slot = re.split(r"\s*[-‐-―−/]\s*", sym.group("codes").strip("-‐-―−/ "))[0] if sym else ""
            if not (slot and kind_agrees(kind, slot) and not kind_agrees(head_kind, slot)):
                head_written = head.group(0).strip()
                kind, code = head_kind, head_code
                weak = head_written[0].islower() and head_written.lower() in tables().common
                at -= len(head.group(0))
        return {"kind": kind, "code": code, "at": at, "rule": "kind_before_weak" if weak else "kind_before"}
    q = re.search(r"[”\"]\s*(?:số\s*:?\s*)?$", before, re.IGNORECASE)
    if q:  # “Báo cáo thẩm tra, xác minh đơn tố cáo” số 01-BC/TCT
        wide = text[max(0, start - 260):start]
        close = wide.rfind(q.group(0)[0])
        opening = max(wide.rfind("“", 0, close), wide.rfind('"', 0, close))
        inner = wide[opening + 1:close] if opening >= 0 else ""
        k = re.match(rf"\s*(?P<kind>{kind_alternation()})\s+(?P<title>[^“”\"]{{3,}})$", inner, re.IGNORECASE)
        if k:
            kind, code = _display(k.group("kind"))
            return {"kind": kind, "code": code, "at": start - len(wide) + opening, "rule": "kind_quoted_title",
                    "subject": k.group("title").strip()}
    m = _kind_named().search(before)
    if m:
        kind, code = _display(m.group("kind"))
        return {"kind": kind, "code": code, "at": start - len(before) + m.start(), "rule": "kind_named"}
    return None


_HEAD = re.compile(
    rf"\s*(?:(?:(?i:ngày)\s+(?P<date>[0-3]?\d\s*[/.-]\s*[01]?\d(?:\s*[/.-]\s*(?:19|20)\d{{2}})?)|(?i:tháng)\s+(?P<m>[01]?\d)\s*[/-]\s*"
    rf"(?P<y>(?:19|20)\d{{2}}))\s*,?\s*)?(?P<issuer>{_ISSUER_START}[^,;.:()“”\"\n]{{1,70}}?)\s+(?:(?:đã|vừa|mới|cũng|đã\s+từng)\s+)?"
    r"(?:(?:ký|kí)\s+)?(?:có|ban\s+hành|ra|ký|kí|gửi|phát\s+hành)\s+(?:các\s+|bản\s+)?$")
_WHEN_BEFORE = re.compile(
    r"(?:(?i:ngày)\s+(?P<date>[0-3]?\d\s*[/.-]\s*[01]?\d(?:\s*[/.-]\s*(?:19|20)\d{2})?)|(?i:tháng)\s+(?P<m>[01]?\d)"
    r"\s*[/-]\s*(?P<y>(?:19|20)\d{2}))\s*,\s*$")
_HEAD_CHEAP = re.compile(r"(?:có|hành|ra|ký|kí|gửi)\s+(?:các\s+|bản\s+)?$")


def head_before(text: str, kind_at: int, year: str | None = None) -> dict[str, Any]:
    """Issuer and date written before the kind word: ``Tháng 11-2003 UBND tỉnh Trà Vinh có Công văn …``."""
    window = text[max(0, kind_at - 140):kind_at]
    if not _HEAD_CHEAP.search(window):
        return {}
    cut = max(window.rfind(c) for c in ".;\n:(")
    window = window[cut + 1:]
    m = None
    for start in [0, *(i.end() for i in re.finditer(r",\s*", window))]:
        m = _HEAD.match(window, start)
        if m:
            break
    if not m or _PERSON.match(m.group("issuer")) or len(m.group("issuer").split()) > 9 or not _body_head(m.group("issuer")):
        return {}
    out: dict[str, Any] = {"issuer": clean_issuer(m.group("issuer")), "issuer_rule": "issuer_before"}
    when = m if (m.group("date") or m.group("m")) else _WHEN_BEFORE.search(window, 0, m.start("issuer"))
    if when and when.group("date"):  # ``Ngày 17-3-2006, Thủ tướng … đã có …``
        value = _full_date("ngày " + when.group("date"), year)
        if value:
            out.update(date=value, date_rule="date_before")
    elif when and when.group("m"):
        out.update(date=f"{when.group('y')}-{int(when.group('m')):02d}", date_rule="month_before")
    return out


@cache
def _heads() -> frozenset[str]:
    """First words of the bodies that issue documents (issuers table, abbreviations) — how an issuer opens."""
    t = tables()
    words = {n.split()[0].lower() for n in t.issuers.values()} | {k.lower() for k in t.expand}
    words |= {w.split()[0] for w in _HEADS.strip("(?:)").split("|")}
    words |= {"chủ", "giám", "phó", "xí", "công", "tổng", "kho", "liên", "trường", "sở", "hội"}
    return frozenset(words - {"thành", "ban"} | {"ban"})


def _body_head(issuer: str) -> bool:
    first = issuer.split()[0].lower().strip(",.")
    return first in _heads() and first not in {"để", "bằng", "theo", "khi", "sau", "trước", "với"}


def clean_issuer(raw: str) -> str:
    """``UBND TP.HCM`` → ``Ủy ban nhân dân Thành phố Hồ Chí Minh``; ``UBND Q.1`` → ``… Quận 1``."""
    expand = tables().expand
    raw = raw.strip(" ,-–")
    words = []
    for w in raw.split():
        head = re.match(r"([A-ZĐ]{1,4})\.(?=\w)(.*)", w)
        if w not in expand and head and (head.group(1) + "." in expand or head.group(1) in expand):
            words += [expand.get(head.group(1) + ".", expand.get(head.group(1))), expand.get(head.group(2), head.group(2))]
        else:
            words.append(expand.get(w, w))
    out = " ".join(_cut_clause(" ".join(words).split()))
    return out[:1].upper() + out[1:]


#: lower-case words and phrases inside the names of bodies (``Ủy ban nhân dân tỉnh``, ``Bộ Giao thông vận tải``)
_NAME_PHRASES = tuple(sorted((
    "nhân dân", "tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "và", "vận tải", "đô thị",
    "nông thôn", "xã hội", "đào tạo", "đầu tư", "môi trường", "công nghệ", "du lịch", "thể thao", "truyền thông",
    "thương binh", "chính trị", "tối cao", "nhà nước", "trung ương", "thường vụ", "thường trực", "quốc gia",
    "công chính", "công nghiệp", "kinh tế", "văn hóa", "thông tin", "y tế", "phát triển", "giáo dục", "khoa học",
    "kế hoạch", "tài chính", "chính phủ", "quốc hội", "thủ tướng", "đảng bộ", "đoàn", "mặt trận tổ quốc", "liên hiệp",
    "phụ nữ", "nông dân", "cựu chiến binh", "lao động", "thanh niên", "cộng sản", "kiểm sát", "tòa án", "công an",
    "quân sự", "biên phòng", "ngân hàng", "bảo hiểm", "khối", "chấp hành", "dân vận", "tuyên giáo", "tổ chức",
    "kiểm tra", "nội chính", "khóa", "khoá", "lần thứ", "lần", "nước", "thư", "bí thư", "ủy", "uỷ", "đảng", "chính quyền", "hội đồng",
), key=lambda p: -len(p)))


def _cut_clause(words: list[str]) -> list[str]:
    """Cut an issuer where a run of lower-case words that are no part of a name starts (``… thành lập Đoàn …``)."""
    i = 1
    while i < len(words):
        prev = words[i - 1]
        if not words[i][:1].islower() or (prev[:1].isupper() and prev[1:2].islower()):
            i += 1  # a capitalised word, or the second syllable of one (``Chính trị``, ``Thủ tướng``)
            continue
        for j in (i, i - 1):  # a phrase starting here, or at the syllable before (``Phó thủ tướng``)
            rest = " ".join(words[j:]).lower()
            phrase = next((p for p in _NAME_PHRASES if rest == p or rest.startswith(p + " ")), None)
            if phrase and j + len(phrase.split()) > i:
                i = j + len(phrase.split())
                break
        else:
            return words[:i]
    return words


def _full_date(written: str, year: str | None) -> str | None:
    """The date of ``ngày …`` text; a day-month with no year takes the symbol's year (``182/2004/…`` ``ngày 15/10``)."""
    found = find_dates(written)
    if not found or found[0]["span"][0] > 5:
        return None
    value = found[0]["value"]
    if value and value.startswith("--") and year:
        value = year + value[1:]
    return value if value and not value.startswith("-") else None


def _date_at(text: str, pos: int, year: str | None) -> tuple[str, int, str] | None:
    m = _DATE_LEAD.match(text, pos)
    if m:
        window = "ngày " + text[m.end():m.end() + 30]
        value = _full_date(window, year)
        if value:
            return value, m.end() - 5 + find_dates(window)[0]["span"][1], "date_after"
        return None
    m = _MONTH.match(text, pos)
    if m:
        return f"{m.group('y')}-{int(m.group('m')):02d}", m.end(), "month_after"
    return None


def tail_after(text: str, end: int, *, year: str | None, stop: int) -> dict[str, Any]:
    """Date, issuer and subject written after a symbol ending at ``end`` (before ``stop``, the next citation)."""
    out: dict[str, Any] = {}
    pos = end
    for _ in range(4):
        pos = _skip_close(text, pos)
        if "date" not in out:
            d = _date_at(text, pos, year)
            if d:
                out.update(date=d[0], date_rule=d[2])
                pos = d[1]
                continue
        if "issuer" not in out:
            m = _issuer_after().match(text, pos)
            if m and m.end() <= stop and not _PERSON.match(m.group("issuer")):
                issuer = _issuer_and(text, m)
                out.update(issuer=clean_issuer(issuer[0]), issuer_rule="issuer_after")
                pos = issuer[1]
                continue
        if "subject" in out:
            break
        for lead, rule in ((_SUBJECT_LEAD, "subject_ve"), (_TITLE_LEAD, "subject_title")):
            m = lead.match(text, pos)
            if m and m.end() <= stop:
                body, pos = subject_body(text, m.end(), stop)
                if body:
                    out.update(subject=body, subject_rule=rule)
                break
        if "subject" not in out:
            break
    return out


_ASIDE = re.compile(r"\s*(?:\)|\((?!\s*(?:ngày|ban hành|ký|kí)\s)[^()\n]{1,100}\))")


def _skip_close(text: str, pos: int) -> int:
    """Step over a closing bracket, an aside (``(đã được Quốc hội … thông qua)``) with no citation in it, or a
    bare year (``Nghị quyết 10-NQ/TW 2017 về …``)."""
    y = re.match(r"\s+(?:năm\s+)?(?:19|20)\d{2}(?![\d/.,-])", text[pos:pos + 12])
    if y:
        pos += y.end()
    m = _ASIDE.match(text, pos)
    if m and not SYMBOL.search(m.group(0)) and not re.search(r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d", m.group(0)):
        return m.end()
    return pos


def _issuer_and(text: str, m: re.Match[str]) -> tuple[str, int]:
    """``của A và B``: both issuers when B opens an issuer's name too."""
    issuer, pos = m.group("issuer"), m.end()
    more = re.match(rf"\s+và\s+(?P<b>{_ISSUER_START}[^,;.:()“”\"\n]{{1,60}}?)(?=\s+(?:{_ISSUER_STOP}|và)(?![^\W_])|\s*[,;.:()“”\"\n]|$)",
                    text[pos:pos + 90])
    if more and not SYMBOL.search(more.group("b")) and not re.match(rf"(?i:{kind_alternation()})(?![^\W_])", more.group("b")):
        issuer, pos = f"{issuer} và {more.group('b')}", pos + more.end()
    return issuer, pos


@cache
def _subject_end() -> re.Pattern[str]:
    """Where a subject ends: a sentence or clause end, ``gắn với``, ``ngày …``, or ``của``/``do`` + an issuer
    (``của BCH Đảng bộ huyện``; not ``của hệ thống chính trị``, nor ``của Pháp lệnh …``, a document named inside)."""
    issuer = rf"\s+(?:của|do)\s+(?!(?:{kind_alternation()})\s)(?:[{_UP}]|(?i:{_HEADS})\s+[{_UP}])"
    # a comma, then the next listed document (``…, Luật An toàn …``) or a body opening a new clause (``…, Ủy ban …``)
    listed = rf"\s*,\s+(?=(?:{kind_alternation()}|Ủy ban|Uỷ ban|UBND|Ban|Bộ|Sở|Chính phủ|Thủ tướng|Tỉnh ủy|Huyện ủy|Thành ủy)\s)"
    return re.compile(f"{_SUBJECT_STOPS}|{issuer}|{listed}")


@cache
def _citation() -> re.Pattern[str]:
    return re.compile(rf"(?i:(?<![^\W_])(?:{kind_alternation()})\s+(?:số\s+)?\d)|{SYMBOL.pattern}")


def subject_body(text: str, pos: int, stop: int) -> tuple[str | None, int]:
    """The subject starting at ``pos`` and where it ends: quoted (balanced) or up to the first boundary of the grammar."""
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
    m = _subject_end().search(window)
    if m:
        cut = m.start()
    for c in _citation().finditer(window, 1, cut):
        if c.group(0)[0].isdigit() and re.fullmatch(r"\d+\s?[-‐-―−]\s?[A-ZĐ][\wĐ]*", c.group(0)) and not _kind_code(c.group(0)):
            continue  # ``quận 1 - TPHCM`` is no citation
        cut = c.start()
        break
    body = window[:cut]
    # a closing quote with no opening one inside the subject ends it
    j = body.find("”")
    if j >= 0 and body.count("“", 0, j) == 0:
        body = body[:j]
    return _trim(body), pos + len(body)


def _kind_code(symbol: str) -> bool:
    return re.split(r"\s?[-‐-―−/]\s?", symbol)[-1] in tables().kinds


def _trim(body: str) -> str | None:
    body = re.sub(r"\s+", " ", body).strip(" ,-–“”\"'.…")
    body = re.sub(r"(?:[\s,–-]+(?:của|do|và|theo|tại|thuộc|từ|kể|áp dụng))+$", "", body).strip(" ,-–")
    if body.count("(") > body.count(")"):
        body = body[:body.rfind("(")].strip(" ,-–")
    return body if len(body) >= 3 else None
