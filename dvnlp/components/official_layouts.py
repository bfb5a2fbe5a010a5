"""Layouts that link a name to a title group for ``dvnlp_officials`` (:mod:`dvnlp.components.officials`).

Each function reads one layout of the text around a title (:class:`~dvnlp.components.titles.Title`):

- :func:`name_before`: the name right before a title group (``đồng chí A – Trưởng Ban …``, ``ông A, hiện là …``);
- :func:`name_after`: ``Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A``;
- :func:`named_by_title`: ``Phó Thủ tướng A, Trưởng đoàn …`` (the person a title before has named);
- :func:`taken_by`: ``bà A, Phó Trưởng Ban …, được giao làm Trưởng Ban tổ chức`` (the person of the group before);
- :func:`signatures`: ``TM. BAN THƯỜNG VỤ / BÍ THƯ / (đã ký) / Nguyễn Văn A``;
- :func:`delegates`: ``Đại biểu Nguyễn Văn A (Quảng Bình)`` in a report of a National Assembly session;
- :func:`list_after`: the names listed after a plural title (``các Phó Chủ tịch …: A, B``);
- :func:`led_by`: the body a position leads (``đoàn công tác của Ban X do Phó Trưởng ban A``).
"""
from __future__ import annotations

import re
from functools import cache

from dvnlp.components.title_grammar import GAP, MAX_NAME, grammar, is_cap, key, localities
from dvnlp.components import official_careers as careers
from dvnlp.components.body_grammar import ends_clause
from dvnlp.components.official_lists import COLON
from dvnlp.rulebook import load_rules
from dvnlp.components.titles import Context, Title, valid_name

#: a term of office between two titles of one group (``…, nhiệm kỳ 2014-2019, Ủy viên Ban Thường vụ …``)
TERM_BETWEEN = re.compile(r"[ \t]*,?[ \t]*nhiệm[ \t]+kỳ[ \t]+\d{4}[ \t]*[-–][ \t]*\d{4}[ \t]*[,;][ \t]*", re.IGNORECASE)
SEP_TITLES = re.compile(r"[ \t]*(?:(?:[,;]|[-–—])?[ \t]*kiêm(?![^\W_])|[,;]|[-–—])?[ \t]*", re.IGNORECASE)
_SEP_NAME = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[,:–—-]|\()[ \t]*$")  # a caption's ``(bìa trái)`` may sit between
_HON_AFTER = re.compile(r"[ \t]*[,–—-][ \t]*")
_IS_AFTER = re.compile(r"[ \t]+là[ \t]+")
_APPOINTS = r"(?:giao|bầu|bổ nhiệm|cử|phân công|điều động|chỉ định|luân chuyển)"
_TAKES = re.compile(r"(?:[ \t]*[,–—-])?[ \t]+(?:(?:đã|vừa|sẽ)[ \t]+)?(?:được[ \t]+)?"
                    # ``ông A đã được Bộ Chính trị điều động làm …``: the body that appoints, before its verb
                    rf"(?:(?<=được )[A-ZĐ][^\W\d_]*(?:[ \t]+[^\W\d_]+){{0,3}}?[ \t]+(?={_APPOINTS}[ \t]))?"
                    rf"(?:{_APPOINTS}[ \t]+)?"
                    r"(?:(?:chỉ|vẫn|tiếp tục|sang|về|lên|sẽ)[ \t]+)?"  # ``ông A chỉ giữ chức …``, ``… sang làm …``
                    r"(?:làm|giữ chức(?:[ \t]+vụ)?|giữ cương vị|đảm nhiệm|(?:hiện|nay|hiện nay|đồng thời|từng)[ \t]+là|đồng thời|là"
                    r"|từng(?:[ \t]+(?:giữ chức(?:[ \t]+vụ)?|làm|giữ cương vị|đảm nhiệm))?)"
                    r"[ \t]+$", re.IGNORECASE)  # ``ông A (được bầu) giữ chức …``, ``…, hiện là …``
_SIGNATURE = re.compile(r"^(?=[ \t]*(?:(?:TM|T/M|KT|TL|TUQ|Q)\.?[ \t]+(?P<body>[^\n]{2,80})\n)?"
                        r"(?:[ \t]*(?:KT|TL|TUQ|Q)\.?[ \t]+[^\n]{2,60}\n)?[ \t]*(?P<title>[^\n\d]{3,60}?)[ \t]*\n"
                        r"(?:[ \t]*\((?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)[^)\n]{0,30}\)[ \t]*\n)?(?:[ \t]*\n)*"
                        r"(?P<name>[ \t]*[^\W\d_][^\n\d,.:;()]{3,40}?)[ \t]*$)", re.MULTILINE)  # a lookahead: lines overlap
_LIST_SEP = re.compile(r"[ \t]*(?:[,;:]|(?<![^\W_])và(?![^\W_]))[ \t]*(?:và[ \t]+)?")
_OWN_TITLE = re.compile(r"[ \t]*[,–—(-][ \t]*")
_LED_WORD = re.compile(r"(?<![^\W_])(?:của|thuộc|đoàn)[ \t]+", re.IGNORECASE)
_LED_TAIL = re.compile(r"(?P<body>[^,.;:()\n“”\"]{3,80}?)[ \t]+do[ \t]+")
_PAST = re.compile(r"(?<![^\W_])từng(?![^\W_])", re.IGNORECASE)
_LIST_CONTEXT = re.compile(r"(?:^|[:;,(\n]|(?<![^\W_])(?:và|có|cùng|gồm))[ \t]*$", re.IGNORECASE)


def led_by(text: str, pos: int) -> str:
    """``đoàn công tác của Ban Dân vận Trung ương do Phó Trưởng ban A``, ``đoàn LĐLĐ TPHCM do Chủ tịch A``:
    the body that the position before ``pos`` leads, spelled out, or ''."""
    g, lo = grammar(), max(0, pos - 120)
    for w in reversed(list(_LED_WORD.finditer(text, lo, pos))):
        if (m := _LED_TAIL.fullmatch(text, w.end(), pos)) and (g.body.match(m.group("body")) or g.abbr.match(m.group("body"))):
            return g.expand_text(m.group("body"))
    return ""


def taken_by(ctx: Context, pos: int, last: tuple) -> tuple[int, int, bool] | None:
    """``bà A, Phó Trưởng Ban …, được giao làm Trưởng Ban tổ chức``: the person of the title group just before."""
    m = _TAKES.search(ctx.text, max(0, pos - 60), pos)
    if not m or not last[2] or not re.fullmatch(r"[ \t]*", ctx.text[last[2][-1].end:m.start()]):
        return None
    return last[0], last[1], bool(_PAST.search(m.group(0)))


def named_by_title(ctx: Context, seg: list[Title], last: tuple) -> tuple[int, int, bool] | None:
    """``Phó Thủ tướng Vương Đình Huệ, Trưởng đoàn Kiểm tra …``: the person the title just before named, when only a
    separator lies between that name and the title group ``seg`` (``name_before`` takes a run after a head for a
    place) and the group ends the phrase (not ``…, Bộ trưởng Bộ Văn hóa - Thông tin Phạm Quang Nghị``, whose own
    name the title did not read; not ``…, Thủ tướng Tuynizi Mohamed Ghannouchi``: only capitalized words after a
    head that needs no body are a name)."""
    text, end = ctx.text, seg[-1].end
    if last[3] != "title_before_name" or not (sep := _SEP_NAME.match(text, last[1], seg[0].start)):
        return None
    if any(t.pieces and not t.needs_body and all(p.kind == "cap" for p in t.pieces) for t in seg):
        return None
    q = GAP.match(text, end).end()
    paired = any(d in sep.group(0) for d in "-–—")  # ``Chủ tịch A - Ủy viên …, Chủ tịch … - đã nhận``
    if not ends_clause(ctx, end) or text[q:q + 1] in ("-", "–", "—") and not paired:
        return None
    return last[0], last[1], last[4]


def name_before(ctx: Context, pos: int) -> tuple[int, int, bool] | None:
    """The name right before the separator that opens a title group at ``pos``."""
    if c := careers.CAREER.search(ctx.text, max(0, pos - 90), pos):  # ``ông A từng trải qua các chức vụ: …``
        end = len(ctx.text[:c.start()].rstrip(" \t"))
        if found := name_ending_at(ctx, end, only_honored=True) or careers.pronoun_subject(ctx, end):
            return found
    m = _SEP_NAME.search(ctx.text, max(0, pos - 50), pos)
    if m and (r := _rank_between().search(ctx.text, max(0, pos - 50), pos)):
        found = name_ending_at(ctx, r.start(), only_honored=False)  # ``Lê Hồng Anh, Đại tướng, Bộ trưởng …``
        if found:
            return found[0], found[1], True
    if m:
        return name_ending_at(ctx, m.start(), only_honored=False)
    m = _TAKES.search(ctx.text, max(0, pos - 60), pos)
    return ((name_ending_at(ctx, m.start(), only_honored=True) if m else None) or appointed(ctx, pos)
            or (titled_name_ending_at(ctx, m.start()) if m and _MAKES.search(m.group(0)) else None)
            or (sentence_subject(ctx, m.start()) if m and _IS.search(m.group(0)) else None))


def titled_name_ending_at(ctx: Context, end: int) -> tuple[int, int, bool] | None:
    """``… Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Trần Thanh Mẫn làm Trưởng đoàn``: a name a title stands right
    before (so it is a person, not a place) and that ``làm``/``giữ chức`` gives the next title to."""
    g, text = grammar(), ctx.text
    if text[end:end + 3].strip()[:1].isupper():
        return None  # ``… Đoàn Mạnh Giao làm …``: a capitalized ``Giao`` is the name's end, not the verb ``giao``
    run = _cap_run_ending_at(ctx, end, limit=6)
    found = None
    for k in range(max(0, len(run) - MAX_NAME), len(run) - 1):  # the longest name, a surname first
        name = run[k:]
        if g.name_start(name[0][2]) and valid_name(ctx, name, honored=True):
            found = (name[0][0], name[-1][1])
            break
    if found is None:
        return None
    if not (after_org(ctx, found[0]) or re.search(r"[A-ZĐ][^\W\d_]*[ \t]*$", text[max(0, found[0] - 40):found[0]])):
        return None  # no title, body or capitalized word before it: not shown to be a person's name
    return found[0], found[1], True


_MAKES = re.compile(r"(?<![^\W_])(?:làm|giữ\s+chức)(?![^\W_])", re.IGNORECASE)  # ``do A làm Trưởng đoàn``; not ``A từng là``
_IS = re.compile(r"(?<![^\W_])(?:hiện|nay|hiện nay)?[ \t]*là[ \t]*$", re.IGNORECASE)
_LEAD = re.compile(r"(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+[ \t]*,[ \t]*")


def sentence_subject(ctx: Context, pos: int) -> tuple[int, int, bool] | None:
    """``Ông Vũ Thế Phiệt sinh ngày …, trình độ …, là Ủy viên …``: the person an honorific opens the sentence with,
    when ``là`` before ``pos`` introduces a title group and no other capitalized name stands between."""
    g, text = grammar(), ctx.text
    start = careers.sentence_start(text, pos, 300, max(0, pos - 300))
    lead = _LEAD.match(text, start)  # ``Theo giới thiệu, ông …``
    hm = g.honorific.match(text, lead.end() if lead else start) or g.honorific.match(text, start)
    if not hm:
        return None
    run = ctx.cap_run(GAP.match(text, hm.end()).end())
    if not run or not valid_name(ctx, run, honored=True) or run[-1][1] > pos:
        return None
    between = text[run[-1][1]:pos]
    if g.heads.search(between) or g.honorific.search(between) or re.search(r"[;:]", between):
        return None  # another title or person, or a clause break, stands between
    return run[0][0], run[-1][1], True


@cache
def _rank_between() -> re.Pattern[str]:
    """A rank or honorific between a name and its title: ``, Đại tướng,``."""
    return re.compile(rf"[ \t]*,[ \t]*(?:{grammar().honorific.pattern})[ \t]*,[ \t]*$", re.IGNORECASE)


def appointed(ctx: Context, pos: int) -> tuple[int, int, bool, str] | None:
    """``bổ nhiệm Bùi Tiến Dũng làm tổng giám đốc …``: the name an appointment verb (``titles.json``, kind
    ``appoint_verb``) writes before ``làm``/``giữ chức`` and the post at ``pos``, with the rule that read it."""
    g, text = grammar(), ctx.text
    a = g.appoint_as.search(text, max(0, pos - 30), pos)
    if a is None:
        return None
    run: list[tuple[int, int, str]] = []
    p = a.start()
    while p in ctx.syl_end and len(run) <= MAX_NAME:
        s = ctx.syl_end[p]
        if not is_cap(text[s:p]):
            break
        run.insert(0, (s, p, text[s:p]))
        p = s - 1
        if text[p:s] != " ":
            break
    if not run or not (v := g.appointed.search(text, max(0, run[0][0] - 30), run[0][0])) or not valid_name(ctx, run):
        return None
    verb = key(v.group("verb"))
    return run[0][0], run[-1][1], False, f"appointed/titles:{g.appoint_verbs.get(verb, verb)}"


def name_ending_at(ctx: Context, end: int, *, only_honored: bool) -> tuple[int, int, bool] | None:
    """The capitalized name run that ends at ``end`` (honorific stripped), with whether it is honored."""
    g, text = grammar(), ctx.text
    run = _cap_run_ending_at(ctx, end, capitals=True)
    run = _capitals_name(run, text)
    honored = False
    if run and (hm := g.honorific.match(text, run[0][0])):
        run = [r for r in run if r[0] >= hm.end()]
        honored = True
    if not run:
        return None
    window = text[max(0, run[0][0] - 40):run[0][0]]
    if not honored and re.search(rf"(?:{g.honorific.pattern})[ \t]*,?[ \t]*$", window, re.IGNORECASE):
        honored = True
    if len(run) > MAX_NAME or only_honored and not honored:
        return None
    if len(run) == 1:
        return (run[0][0], run[0][1], True) if honored else None
    if not valid_name(ctx, run, honored=honored):
        return None
    if not honored and after_org(ctx, run[0][0]):
        return None
    if not honored and len(run) == 2 and key(text[run[0][0]:run[-1][1]]) not in ctx.honored:
        if not _LIST_CONTEXT.search(text, max(0, run[0][0] - 12), run[0][0]):
            return None  # ``Khu kinh tế mở Chu Lai, …``: a two-syllable run needs a list around it
    return run[0][0], run[-1][1], honored


def _cap_run_ending_at(ctx: Context, end: int, *, capitals: bool = False, limit: int = 99) -> list[tuple[int, int, str]]:
    """The capitalized syllables, one space apart, that end at ``end`` (at most ``limit``; with ``capitals`` also
    syllables written all in capitals)."""
    text, run, p = ctx.text, [], end
    while p in ctx.syl_end and len(run) < limit:
        s = ctx.syl_end[p]
        syl = text[s:p]
        if not (is_cap(syl) or (capitals and _in_capitals(syl))):
            break
        run.insert(0, (s, p, syl))
        p = s - 1
        if text[p:s] != " ":
            break
    return run


def _in_capitals(syl: str) -> bool:
    return len(syl) > 1 and syl.isupper() and syl.isalpha()


def _capitals_name(run: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """A name written in capitals (``PGS-TS NGUYỄN LỘC, Phó Viện trưởng …``) starts at a surname, stands right
    after an honorific or academic prefix and is followed by ordinary text (a heading in capitals is none); in a
    mixed run only the capitalized words at the end are the name (``UBND Nguyễn Văn A``)."""
    caps = [_in_capitals(syl) for _, _, syl in run]
    if not any(caps):
        return run
    if not all(caps):
        k = max(i for i, c in enumerate(caps) if c) + 1
        return run[k:]
    g = grammar()
    while run and not g.name_start(run[0][2]):
        run = run[1:]
    if not 2 <= len(run) <= 4 or not _PREFIX_BEFORE.search(text, max(0, run[0][0] - 16), run[0][0]):
        return []
    nxt = _NEXT_WORD.match(text, run[-1][1])
    return [] if nxt is None or _in_capitals(nxt.group(1)) else run


#: an honorific or academic prefix right before a name in capitals; the first word after it
_PREFIX_BEFORE = re.compile(r"(?<![^\W_])(?:ông|bà|anh|chị|đồng chí|PGS|GS|TS|ThS|BS)[.\-–\s]*(?:TS[.\s]*)?$")
_NEXT_WORD = re.compile(r"[\s,\-–(:]*([^\W\d_]+)")


def after_org(ctx: Context, pos: int) -> bool:
    """True when the word before ``pos`` is a place word, level, body or title (the run is a place)."""
    g = grammar()
    window = ctx.text[max(0, pos - 40):pos].rstrip(" \t")
    for pat in (g.place, g.level, g.body, g.abbr, g.heads):
        for m in pat.finditer(window):
            if m.end() == len(window) and not (pat is g.heads and g.head_kind.get(key(m.group(0))) == "non_position"):
                return True  # ``Bác sĩ Trần Tịnh Hiền - phó giám đốc …``: an occupation is no place
    return False


def name_after(ctx: Context, pos: int, *, single: bool = False) -> tuple[int, int] | None:
    """``Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A``: the name after a title group; after a single title also
    ``là`` + an honorific (``Chủ tịch UBND xã là ông A``; not ``… làm tổ trưởng, tổ phó là ông B``)."""
    g = grammar()
    m = _HON_AFTER.match(ctx.text, pos) or (_IS_AFTER.match(ctx.text, pos) if single else None)
    if not m or not (hm := g.honorific.match(ctx.text, m.end())):
        return None
    run = ctx.cap_run(re.compile(r"[ \t]*").match(ctx.text, hm.end()).end())
    if run and valid_name(ctx, run, honored=True):
        return run[0][0], run[-1][1]
    return None


def signatures(ctx: Context) -> list[tuple]:
    """``TM. BAN THƯỜNG VỤ / BÍ THƯ / (đã ký) / Nguyễn Văn A``: the signer of a document."""
    g, text, out = grammar(), ctx.text, []
    for m in _SIGNATURE.finditer(text):
        head, name = m.group("title").strip(), m.group("name").strip()
        if not g.heads.fullmatch(head) or g.head_kind.get(key(head)) == "non_position":
            continue
        syls = name.split()
        if not 2 <= len(syls) <= MAX_NAME or not g.name_start(syls[0]) or not all(s[:1].isupper() for s in syls):
            continue
        body = (m.group("body") or "").strip()
        if body and g.heads.fullmatch(body):
            continue  # ``KT. CHỦ TỊCH`` names the signer's chief, not a body: the match opening at ``TM.`` reads it
        suffix = "" if not body or g.committees.fullmatch(body) or key(body) in g.committee_part else body.capitalize()
        entry = g.head_source.get(key(head), "")
        canonical = entry.split(":", 1)[1] if entry.startswith("titles:") else head.capitalize()
        t = Title(start=m.start("title"), end=m.start("title") + len(head), head=canonical,
                  kind=g.head_kind.get(key(head), "state"), needs_body=False, suffix=suffix, source=entry)
        s = m.start("name") + m.group("name").index(name[0])
        out.append((s, s + len(name), [t], "signature", False))
    return out


_BRACKET = re.compile(r"[ \t]*\([ \t]*(?P<place>[^()\n]{2,30}?)[ \t]*\)")


def names_assembly(text: str) -> bool:
    """The text names the National Assembly, where :func:`delegates` reads ``Đại biểu A (Quảng Bình)``."""
    return bool(grammar().delegates) and _ASSEMBLY.search(text) is not None


_ASSEMBLY = re.compile(r"(?<![^\W_])quốc[ \t]+hội(?![^\W_])", re.IGNORECASE)


@cache
def _delegate_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, grammar().delegates))})[ \t]+", re.IGNORECASE)


def delegates(ctx: Context) -> list[tuple]:
    """``Đại biểu Nguyễn Mạnh Cường (Quảng Bình) cho rằng …`` in a report that names the National Assembly: a deputy,
    with the province he represents in brackets (``titles.json`` kind ``delegate``)."""
    g, text, out = grammar(), ctx.text, []
    if not names_assembly(text):
        return out
    places = localities()
    for m in _delegate_words().finditer(text):
        run = ctx.cap_run(m.end())
        if not run or not valid_name(ctx, run) or not (b := _BRACKET.match(text, run[-1][1])):
            continue
        place = b.group("place")
        if key(place) not in places and not (g.abbr.fullmatch(place) and g.abbr_kind.get(place) == "place"):
            continue
        word = key(m.group(0).strip())
        t = Title(start=m.start(), end=m.start() + len(m.group(0).rstrip()), head=g.delegates[word], kind="state",
                  needs_body=False, source=f"titles:{word.capitalize()}")
        out.append((run[0][0], run[-1][1], [t], "delegate", False))
    return out


@cache
def _plural() -> re.Pattern[str]:
    counted = "|".join(e["noun"] for e in load_rules("units").entries  # ``ba Phó Bí thư là: …``: units.json's number
                       if e.get("kind") in ("number_digit", "number_ten") and e.get("value", 0) >= 2)  # words, 2 to 10
    return re.compile(rf"(?<![^\W_])(?:các|những|{counted}|\d{{1,2}})[ \t]+"
                      rf"(?:(?:{grammar().honorific.pattern})[ \t]+)?$", re.IGNORECASE)


def plural_before(text: str, pos: int) -> bool:
    """``các Phó Chủ tịch …``, ``các đồng chí Ủy viên Bộ Chính trị …``: a plural word (and an honorific) before ``pos``."""
    return bool(_plural().search(text, max(0, pos - 30), pos))


def list_after(ctx: Context, t: Title, own: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """The names listed after a plural title (the first one, if any, is already ``t.name``).

    After a colon, a list whose first name has a title of its own (``các đồng chí Ủy viên Bộ Chính trị: A,
    Trưởng Ban …; B, Trưởng Ban …``) goes on over each name's own title group (``own`` maps a group's start
    to its end) while every name has one; in a list of bare names, a name with its own title ends the list."""
    g, text, own = grammar(), ctx.text, own or {}
    if t.name:
        pos, titled = t.name[1], False
    elif m := COLON.match(text, t.end):
        pos, titled = m.start(), None  # decided by the first name
    else:
        return []
    names: list[tuple[int, int]] = []
    while m := _LIST_SEP.match(text, pos):
        q = m.end()
        hm = g.honorific.match(text, q)
        q = GAP.match(text, hm.end()).end() if hm else q
        run = ctx.cap_run(q)
        if not run or not valid_name(ctx, run, honored=bool(hm)):
            break
        sep = _OWN_TITLE.match(text, run[-1][1])
        has_own = bool(sep and g.heads.match(text, sep.end()))
        end = own.get(sep.end()) if has_own else None
        if titled is None:
            titled = end is not None
        if has_own != titled or titled and end is None:
            break  # the list ends, or a bare name has a title of its own, or a titled name has none
        names.append((run[0][0], run[-1][1]))
        pos = end if titled else run[-1][1]
    return names


def covered(text: str, s: int) -> bool:
    """A body or level written across ``s`` (only the 40 characters before are looked at, not the whole text)."""
    g = grammar()
    for pat in (g.body, g.level):
        for m in pat.finditer(text, max(0, s - 40), s + 80):
            if m.start() >= s:
                break
            if m.end() > s:
                return True
    return False
