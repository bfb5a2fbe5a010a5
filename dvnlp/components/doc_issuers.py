"""Issuers of cited documents as written in the text: how an issuer's name opens, where it ends, and its clean form.

* :func:`issuer_after` — ``của`` / ``do`` + an issuer after the symbol, up to the next clause;
* :func:`issuer_and` — ``của A và B``, both issuers;
* :func:`body_head` — whether a phrase opens with the name of a body that issues documents;
* :func:`clean_issuer` — abbreviations expanded (``UBND TP.HCM``), cut where the clause goes on.

The issuer a symbol's code names (``QĐ-UBND``) is read in :mod:`dvnlp.components.doc_refs`.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from dvnlp.components.doc_tables import UPPER, kind_alternation, tables
from dvnlp.components.title_grammar import grammar, localities
from dvnlp.segment.patterns import SYMBOL

#: lower-case words that open an issuer's name (``ban Thường vụ Thành ủy``, ``trường ĐH Tây Bắc``)
HEADS = r"(?:ban|bộ|sở|ủy ban|uỷ ban|trường|cục|tổng cục|chi cục|văn phòng|hội đồng|thường trực|công an|viện|tòa án|đảng ủy|tỉnh ủy|huyện ủy|thành ủy)"
#: lower-case names of bodies written whole before their level and place (``của ủy ban nhân dân tỉnh Lâm Đồng``,
#: ``ban thường vụ Tỉnh ủy``); a capital must follow, so ``vai trò của ủy ban nhân dân các cấp`` names no issuer
_BODIES_LOWER = (r"(?:ủy|uỷ)\s+ban\s+nhân\s+dân|hội\s+đồng\s+nhân\s+dân|ban\s+thường\s+vụ|ban\s+chấp\s+hành|"
                 r"ban\s+dân\s+vận|ban\s+tuyên\s+giáo|ban\s+tổ\s+chức|ủy\s+ban\s+kiểm\s+tra|uỷ\s+ban\s+kiểm\s+tra")
_LEVELS = r"tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn"
#: collectives that issue no document (``sự lãnh đạo của Đảng``, ``vai trò của Mặt trận Tổ quốc``, ``của Nhà nước``),
#: unless a level or a name follows (``Đảng bộ``, ``Đảng ủy``, ``Mặt trận Tổ quốc Việt Nam tỉnh X``)
_COLLECTIVE = (rf"(?:Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?|Nhà\s+nước|Nhân\s+dân|Tổ\s+quốc|Quân\s+đội|Chính\s+quyền|"
               rf"Mặt\s+trận(?:\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?)?)(?![^\W_]|\s+(?:ủy|uỷ|bộ|đoàn|{_LEVELS}|[{UPPER}]))")
#: ``… ngày 04/11/2013 của Đảng về …``: a collective written where the issuer would be, stepped over
COLLECTIVE_AFTER = re.compile(rf"\s*,?\s*của\s+{_COLLECTIVE}")
ISSUER_START = (rf"(?!{_COLLECTIVE})(?:[{UPPER}]|(?i:{HEADS})\s+[{UPPER}]|"
                rf"(?i:{_BODIES_LOWER})\s+(?:(?i:{_LEVELS})\s+)?[{UPPER}])")
PERSON = re.compile(r"(?i)(?:ông|bà|đồng chí|anh|chị)\s")
# words that end an issuer read after ``của`` / ``do`` (the next clause starts)
ISSUER_STOP = (r"về|ngày|vào|ban hành|ký|kí|cùng|quy định|qui định|hướng dẫn|triển khai|phê duyệt|thực hiện|đã|vừa|"
                r"nêu|yêu cầu|chỉ đạo|được|nay|đối với|tại|thì|là|có|gửi|cho|với|trong|khi|để|nhằm|theo|giao|đồng ý|"
                r"gắn với|sẽ|đang|mà|nên|nhưng|không|chưa|số|năm")


@cache
def issuer_after() -> re.Pattern[str]:
    """``của`` / ``do`` + an issuer, up to the next clause (a verb, ``về``, ``ngày``, punctuation, ``và`` + no body)."""
    return re.compile(
        rf"\s*,?\s*(?:của|do)\s+(?P<issuer>{ISSUER_START}(?:[^,;.:()“”\"\n]|\.(?=\S)){{1,90}}?)"
        rf"(?=\s+(?:{ISSUER_STOP}|của)(?![^\W_])|\s+và\s+(?:(?![{UPPER}]|(?i:{HEADS})\s)|(?:{kind_alternation()})(?![^\W_]))"
        rf"|\s*(?:[,;:()“”\"\n]|\.(?!\S))|$)")


def issuer_and(text: str, m: re.Match[str]) -> tuple[str, int]:
    """``của A và B``: both issuers when B opens an issuer's name too."""
    issuer, pos = m.group("issuer"), m.end()
    more = re.match(rf"\s+và\s+(?P<b>{ISSUER_START}[^,;.:()“”\"\n]{{1,60}}?)(?=\s+(?:{ISSUER_STOP}|và)(?![^\W_])|\s*[,;.:()“”\"\n]|$)",
                    text[pos:pos + 90])
    if more and not SYMBOL.search(more.group("b")) and not re.match(rf"(?i:{kind_alternation()})(?![^\W_])", more.group("b")):
        issuer, pos = f"{issuer} và {more.group('b')}", pos + more.end()
    return issuer, pos


@cache
def _heads() -> frozenset[str]:
    """First words of the bodies that issue documents (issuers table, abbreviations) — how an issuer opens."""
    t = tables()
    words = {n.split()[0].lower() for n in t.issuers.values()} | {k.lower() for k in t.expand}
    words |= {w.split()[0] for w in HEADS.strip("(?:)").split("|")}
    words |= {"chủ", "giám", "phó", "xí", "công", "tổng", "kho", "liên", "trường", "sở", "hội"}
    return frozenset(words - {"thành", "ban"} | {"ban"})


def body_head(issuer: str) -> bool:
    """Whether ``issuer`` opens with the first word of a body that issues documents."""
    first = issuer.split()[0].lower().strip(",.")
    return first in _heads() and first not in {"để", "bằng", "theo", "khi", "sau", "trước", "với"}


def clean_issuer(raw: str) -> str:
    """``UBND TP.HCM`` → ``Ủy ban nhân dân Thành phố Hồ Chí Minh``; ``UBND Q.1`` → ``… Quận 1``."""
    expand = tables().expand
    raw = re.sub(r"\s+&\s+(?=[^\W\d_])", " và ", raw.strip(" ,-–"))  # ``Bộ Kế hoạch & đầu tư``: ``&`` is ``và``
    raw = raw[:1].upper() + raw[1:]  # ``ủy ban nhân dân tỉnh …``: the head's syllables hold together as in a name
    words = []
    for w in raw.split():
        head = re.match(r"([A-ZĐ]{1,4})\.(?=\w)(.*)", w)
        if w not in expand and head and (head.group(1) + "." in expand or head.group(1) in expand):
            words += [expand.get(head.group(1) + ".", expand.get(head.group(1))), expand.get(head.group(2), head.group(2))]
        else:
            words.append(expand.get(w, w))
    out = " ".join(_cut_clause(" ".join(words).split()))
    if PLENUM.fullmatch(out):
        return "Ban Chấp hành Trung ương Đảng"  # a plenum's resolutions are the Central Committee's
    out = _TERM.sub("", out)  # ``Bộ Chính trị khóa XI`` → ``Bộ Chính trị``: the term is not part of the body
    return out[:1].upper() + out[1:]


#: a plenum of the Central Committee: ``Hội nghị Trung ương 6 (khóa XII)``, ``Hội nghị lần thứ 6 Ban Chấp hành
#: Trung ương Đảng khóa XII``
PLENUM = re.compile(r"Hội\s+nghị\s+(?:lần\s+thứ\s+(?:\d{1,2}|[IVXLC]+|\w+)\s+)?(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương(?:\s+Đảng)?"
                    r"(?:\s+(?:lần\s+thứ\s+)?(?:\d{1,2}|[IVXLC]+)(?![^\W_]))?(?:\s*,?\s*\(?\s*kh[óo]a\s+[IVXLC]+\s*\)?)?",
                    re.IGNORECASE)
_TERM = re.compile(r"\s*\(?\s*(?<![^\W_])kh[óo]a\s+(?:[IVXLC]+|\d{1,2})\s*\)?$", re.IGNORECASE)  # ``khóa XI``, ``khóa 11``


#: lower-case words and phrases inside the names of bodies (``Ủy ban nhân dân tỉnh``, ``Bộ Giao thông vận tải``)
_NAME_PHRASES = tuple(sorted((
    "nhân dân", "tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "và", "vận tải", "đô thị",
    "nông thôn", "xã hội", "đào tạo", "đầu tư", "môi trường", "công nghệ", "du lịch", "thể thao", "truyền thông",
    "thương binh", "chính trị", "tối cao", "nhà nước", "trung ương", "thường vụ", "thường trực", "quốc gia",
    "công chính", "công nghiệp", "kinh tế", "văn hóa", "thông tin", "y tế", "phát triển", "giáo dục", "khoa học",
    "kế hoạch", "tài chính", "chính phủ", "quốc hội", "thủ tướng", "đảng bộ", "đoàn", "mặt trận tổ quốc", "liên hiệp",
    "phụ nữ", "nông dân", "cựu chiến binh", "chiến binh", "chủ tịch", "giám đốc", "lao động", "thanh niên", "cộng sản", "kiểm sát", "tòa án", "công an",
    "quân sự", "biên phòng", "ngân hàng", "bảo hiểm", "khối", "chấp hành", "dân vận", "tuyên giáo", "tổ chức",
    "kiểm tra", "nội chính", "khóa", "khoá", "lần thứ", "lần", "nước", "thư", "bí thư", "ủy", "uỷ", "đảng", "chính quyền", "hội đồng",
    "các cơ quan", "cơ quan", "cán sự",
), key=lambda p: -len(p)))


def _after_place(words: list[str], i: int) -> bool:
    """``words[i]`` follows a place's name: a place word of the title grammar (``tỉnh``, ``thành phố``), then
    capitalized words up to ``i``."""
    j = i - 1
    while j >= 0 and words[j][:1].isupper():
        j -= 1
    place = grammar().place
    return 0 <= j < i - 1 and bool(place.fullmatch(words[j]) or (j and place.fullmatch(" ".join(words[j - 1:j + 1]))))


def _cut_clause(words: list[str]) -> list[str]:
    """Cut an issuer where a run of lower-case words that are no part of a name starts (``… thành lập Đoàn …``)."""
    i = 1
    while i < len(words):
        prev = words[i - 1]
        if not words[i][:1].islower() or (prev[:1].isupper() and prev[1:2].islower() and not _after_place(words, i)):
            i += 1  # a capitalised word, or the second syllable of one (``Chính trị``, ``Thủ tướng``), not a
            continue  # word after a place's name (``… tỉnh Quảng Trị kết luận``)
        for j in (i, i - 1):  # a phrase starting here, or at the syllable before (``Phó thủ tướng``)
            rest = " ".join(words[j:]).lower()
            phrase = next((p for p in _NAME_PHRASES if rest == p or rest.startswith(p + " ")), None)
            if phrase and j + len(phrase.split()) > i:
                i = j + len(phrase.split())
                break
        else:
            return words[:i]
    return words



_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
#: ``X vừa ban hành <…> (kèm theo Quyết định số …``: the subject body issued the cited document
_ISSUED_BY = re.compile(
    rf"(?:^|,\s*)(?P<issuer>{ISSUER_START}(?:[^,;:()“”\"\n]|\.(?=\S)){{1,70}}?)\s+(?:(?:đã|vừa|mới|cũng)\s+)?"
    r"(?:ban\s+hành|ký|kí|phát\s+hành)\s+(?P<bridge>[^;:\n]{0,200}?)\s*\(?\s*(?:kèm\s+theo|tại|bằng)\s+$")


#: ``do ông Nguyễn Văn A, Phó chủ tịch UBND tỉnh X ký``: the signer's body is the issuer
_SIGNER_TITLE = (r"(?:phó\s+)?(?:chủ\s+tịch|giám\s+đốc|tổng\s+giám\s+đốc|bộ\s+trưởng|thứ\s+trưởng|bí\s+thư|trưởng\s+ban|"
                 r"hiệu\s+trưởng|cục\s+trưởng|viện\s+trưởng)(?:\s+thường\s+trực)?")
SIGNED_BY = re.compile(
    rf"\s*,?\s*do\s+(?i:ông|bà|đồng\s+chí)\s+(?:[{UPPER}]\w*\s*){{1,4}}?\s*[,–-]?\s*(?i:{_SIGNER_TITLE})\s+"
    rf"(?P<issuer>{ISSUER_START}(?:[^,;.:()“”\"\n]|\.(?=\S)){{1,70}}?)\s*[,–-]?\s*(?:(?:đã|vừa)\s+)?(?:ký|kí)(?![^\W_])")
#: ``Tại Quyết định số 78/QĐ, UBND tỉnh X yêu cầu …``: the body that speaks in the document it is cited in
_STATED_IN_LEAD = re.compile(r"(?:^|[,(]\s*)(?i:trong|tại)\s+(?:các\s+)?$")
_STATED_IN = re.compile(
    rf"\s*(?:\s(?i:ngày)\s+[0-3]?\d[/.-][01]?\d(?:[/.-](?:19|20)\d\d)?)?\s*,\s*(?P<issuer>{ISSUER_START}"
    rf"(?:[^,;.:()“”\"\n]|\.(?=\S)){{1,70}}?)\s+(?:(?:đã|cũng|đã\s+từng)\s+)?(?:yêu\s+cầu|nêu|quyết\s+định|giao|"
    r"chỉ\s+đạo|quy\s+định|cho\s+phép|phê\s+duyệt|đồng\s+ý|thống\s+nhất|khẳng\s+định|chấp\s+thuận)(?![^\W_])")
_ADDRESSEE = re.compile(r"(?<![^\W_])(?:gửi|đến|tới|trình|cho|đề\s+nghị|kiến\s+nghị|báo\s+cáo|xin)\s+(?:các\s+|lên\s+)?$",
                        re.IGNORECASE)


#: a person's name closing an issuer read from a signer (``UBND thành phố Nguyễn Văn Đua``)
_NAME_AT_END = re.compile(r"\s+(?:[A-ZĐ][^\W\d_]*\s+){1,3}[A-ZĐ][^\W\d_]*$")


def without_signer_name(issuer: str) -> str:
    """``Ủy ban nhân dân thành phố Nguyễn Văn Đua`` → ``Ủy ban nhân dân thành phố``: a signer's name (three or four
    capitalized words opening with a surname) is not part of the body."""
    name = _NAME_AT_END.search(issuer)
    words = name.group(0).split() if name else []
    for n in (3, 4):  # the shortest name first: ``UBND huyện Đại Từ Trương Mạnh Kiểm`` keeps ``Đại Từ``
        tail = words[-n:]
        if len(tail) == n and grammar().name_start(tail[0]) and " ".join(tail).casefold() not in localities():
            return issuer[:len(issuer) - len(" ".join(tail))].rstrip()  # not ``… Thành phố Hồ Chí Minh``
    return issuer


def issuer_in_context(text: str, kind_at: int, end: int, coded: str | None) -> tuple[str, str] | None:
    """The issuer the citation's sentence names when none is written beside it: ``(issuer, rule)``.

    * ``issuer_context_subject`` — the sentence's subject issued the document the citation is attached to
      (``UBND tỉnh X vừa ban hành quy chế … (kèm theo Quyết định số …)``), when the code names no body;
    * ``issuer_context_stated`` — ``Tại Quyết định số 78/QĐ, UBND tỉnh X yêu cầu …``, when the code names no body;
    * ``issuer_context_place`` — the code names a body found at every level (``QĐ-UBND``, ``QĐ/HU``) and the
      sentence names that body with its place (``UBND TP.HCM``, ``Huyện ủy Lạc Sơn``): the nearest one.
    """
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, kind_at - 400), kind_at)), default=max(0, kind_at - 400))
    stop = next((m.start() for m in _SENTENCE_END.finditer(text, end, end + 400)), min(len(text), end + 400))
    t = tables()
    if coded is None:
        m = _ISSUED_BY.search(text[start:kind_at])
        if (m and body_head(m.group("issuer")) and not PERSON.match(m.group("issuer")) and "của" not in m.group("bridge")
                and not SYMBOL.search(m.group("bridge")) and len(m.group("issuer").split()) <= 9):
            return clean_issuer(m.group("issuer")), "issuer_context_subject"
        m = _STATED_IN.match(text, end) if _STATED_IN_LEAD.search(text, start, kind_at) else None
        if m and body_head(m.group("issuer")) and not PERSON.match(m.group("issuer")):
            return clean_issuer(m.group("issuer")), "issuer_context_stated"
        return None
    forms = t.local.get(coded)
    if not forms:
        return None
    found = []
    alternation = "|".join(re.escape(f) for f in forms)
    named = re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])(?:[^,;:()“”\"\n]|\.(?=\S)){{1,60}}?"
                       rf"(?=\s+(?:{ISSUER_STOP}|của|còn|cũng|mới)(?![^\W_])|\s*[,;:()“”\"\n]|\.(?!\S)|$)")
    for a, b in ((start, kind_at), (end, stop)):  # before and after the citation, never inside it
        for m in named.finditer(text, a, b):
            if _ADDRESSEE.search(text, max(0, m.start() - 30), m.start()):
                continue  # ``Văn bản số 526/UBND-TNMT gửi UBND tỉnh X``: the addressee, not the issuer
            name = without_signer_name(clean_issuer(m.group(0)).replace("Uỷ", "Ủy"))
            extra = name[len(coded):].split() if name.lower().startswith(coded.lower()) else []
            run = len(re.search(rf"(?:\s[{UPPER}]\w*)*$", " " + name).group(0).split())
            # ``Chủ tịch UBND huyện Đại Từ Trương Mạnh Kiểm``: four capitalised words in a row are a place and a person
            if extra and any(w[:1].isupper() or w[:1].isdigit() for w in extra) and run < 4:
                found.append((abs(m.start() - kind_at), name))
    return (min(found)[1], "issuer_context_place") if found else None


#: an issuer that names a people's committee without its place (``UBND``, ``UBND thành phố``, ``UBND TP``)
_BARE_COMMITTEE = re.compile(r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(?:\s+(?:thành phố|TP\.?))?", re.IGNORECASE)
#: the centrally-run cities, as articles name them, and the issuer's place as annotators write it
_CITIES = (
    (re.compile(r"Thành phố Hồ Chí Minh|TP\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Sài Gòn", re.IGNORECASE), "Thành phố Hồ Chí Minh",
     "Thành phố Hồ Chí Minh"),
    (re.compile(r"(?<![^\W_])Hà Nội(?![^\W_])"), "thành phố Hà Nội", "Hà Nội"),
    (re.compile(r"(?<![^\W_])Đà Nẵng(?![^\W_])"), "thành phố Đà Nẵng", "Đà Nẵng"),
    (re.compile(r"(?<![^\W_])Hải Phòng(?![^\W_])"), "thành phố Hải Phòng", "Hải Phòng"),
    (re.compile(r"(?<![^\W_])Cần Thơ(?![^\W_])"), "thành phố Cần Thơ", "Cần Thơ"),
)
#: the city's Party committee or one of its bodies, written without the city (``Thành ủy``, ``Ban Thường vụ Thành ủy``)
_COMMITTEE_BODY = r"(?:(?:Ban\s+Thường\s+vụ|Thường\s+vụ|Thường\s+trực|Văn\s+phòng|Ban\s+\w+(?:\s+\w+)?)\s+)?"
_BARE_CITY_COMMITTEE = re.compile(rf"{_COMMITTEE_BODY}Thành\s+(?:ủy|uỷ)", re.IGNORECASE)
#: the same for a province: its Party committee or one of its bodies, or its people's committee, without the name
_BARE_PROVINCE = re.compile(rf"(?:{_COMMITTEE_BODY}Tỉnh\s+(?:ủy|uỷ)|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân\s+tỉnh)", re.IGNORECASE)
_PROVINCE = re.compile(r"(?<![^\W_])(?:[Tt]ỉnh|Tỉnh\s+(?:ủy|uỷ))\s+(?P<name>[A-ZĐ][^\W\d_]*(?:[ \t]+[A-ZĐ][^\W\d_]*){0,3})")


def complete_city(text: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A people's committee issuer written without its place (``UBND TP``, ``QĐ-UB``) in an article about one
    centrally-run city: that city's committee (rule ``issuer_city_context``), as annotators read it; the city
    named most often, none when two tie."""
    _complete_province(text, records)
    bare = [r for r in records if r.get("issuer") and (_BARE_COMMITTEE.fullmatch(r["issuer"].strip())
                                                        or _BARE_CITY_COMMITTEE.fullmatch(r["issuer"].strip()))]
    if not bare:
        return records
    counts = sorted(((len(p.findall(text)), i) for i, (p, _, _) in enumerate(_CITIES)), reverse=True)
    if not counts[0][0] or counts[0][0] == counts[1][0]:
        return records
    _, committee_place, party_place = _CITIES[counts[0][1]]
    for r in bare:
        if _BARE_COMMITTEE.fullmatch(r["issuer"].strip()):
            r["issuer"] = f"Ủy ban nhân dân {committee_place}"
        else:  # ``Thành ủy`` → ``Thành ủy Hà Nội``
            r["issuer"] = f"{r['issuer'].strip()} {party_place}"
        r["sources"]["issuer"] = "issuer_city_context"
    return records


def _complete_province(text: str, records: list[dict[str, Any]]) -> None:
    """``Ban Thường vụ Tỉnh ủy``, ``UBND tỉnh`` written without the province in an article about one province: that
    province (rule ``issuer_province_context``), the one named most often after ``tỉnh`` / ``Tỉnh ủy``, none on a tie."""
    bare = [r for r in records if r.get("issuer") and _BARE_PROVINCE.fullmatch(r["issuer"].strip())]
    if not bare:
        return
    places = localities()
    seen: dict[str, int] = {}
    for m in _PROVINCE.finditer(text):
        words = m.group("name").split()
        name = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if " ".join(words[:n]).casefold() in places), None)
        if name:
            seen[name] = seen.get(name, 0) + 1
    ranked = sorted(seen.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return
    for r in bare:
        r["issuer"] = f"{r['issuer'].strip()} {ranked[0][0]}"
        r["sources"]["issuer"] = "issuer_province_context"
