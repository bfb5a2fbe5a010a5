"""The body part of a title: where a body's name runs on and where it ends, and whether a run is a name.

A title is a position + a body + an optional locality. :func:`dvnlp.components.titles.parse_title`
walks the words after a position; the tests here tell it whether a lower-case run, a ``-`` join, a
joiner (``của``, ``tại``) or a bracket goes on the body's name (``bodies.json`` holds the words).
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from dvnlp.components.title_grammar import GAP, MAX_NAME, SYLLABLE, grammar, key, locality_at
from dvnlp.rulebook import load_rules

if TYPE_CHECKING:
    from dvnlp.components.titles import Context


def valid_name(ctx: Context, run: list[tuple[int, int, str]], *, honored: bool = False) -> bool:
    g = grammar()
    if not 2 <= len(run) <= MAX_NAME:
        return False
    text = key(ctx.text[run[0][0]:run[-1][1]])
    if text in g.not_names or any(key(s) in g.not_names for _, _, s in run[:1]) or key(run[-1][2]) in g.clause_words:
        return False
    end = ctx.token_end(run[-1][0])
    if end > run[-1][1] and ctx.text[run[-1][1]:run[-1][1] + 1] == " " and ctx.text[run[-1][1] + 1:end].islower() \
            and not g.boundary.fullmatch(ctx.text, run[-1][1] + 1, end):
        return False  # ``Đoàn Kinh tế …``: the last capitalized syllable opens a word that goes on in lower case
    if g.body.match(ctx.text, run[0][0]) or g.level.match(ctx.text, run[0][0]) or g.heads.match(ctx.text, run[0][0]):
        return False
    if len(run) >= 3 and (c := g.country.match(ctx.text, run[0][0])) and c.end() <= run[0][1] and not g.name_start(run[0][2]):
        return False  # ``đại sứ Canada Gabriel M.``: a country opens no person's name
    if text in ctx.honored:
        return True
    if ctx.is_place(text, run[0][0]):
        return False
    return honored or g.name_start(run[0][2])


def split_place_name(ctx: Context, run, after_place_word: bool):
    """Split ``Bát Xát Hoàng Quốc Khánh`` into a place and a person's name; return the name's index or None."""
    g = grammar()
    best, best_score = None, 0
    n = len(run)
    for k in range(0, n - 1):
        name = run[k:]
        if not 2 <= len(name) <= MAX_NAME or k > 4:
            continue
        text = key(ctx.text[name[0][0]:name[-1][1]])
        if text in g.not_names or key(name[-1][2]) in g.clause_words:
            continue
        start_ok = g.name_start(name[0][2])
        tok_ok = k == 0 or name[0][0] in ctx.tok_start
        seen = text in ctx.honored
        if not (start_ok or seen) or (ctx.is_place(text, name[0][0]) and not seen):
            continue
        ethnic = k == 0 and len(name) == 2 and g.ethnic_start(name[0][2])  # ``huyện H'Xuân Mlô``: no place
        if k == 0 and len(name) == 2 and not (seen or ethnic):
            continue
        if k == 0 and after_place_word and not (seen or ethnic or len(name) >= 3 and start_ok):
            continue
        if k == 0 and after_place_word and not seen and locality_at(ctx.text, name) == len(name):
            continue  # ``TP. Hồ Chí Minh``: after a place word, a known locality is the place, not a person
        if k == 0 and not after_place_word and not (seen or tok_ok):
            continue
        if k > 0 and not (tok_ok or seen or len(name) >= 3):
            continue
        score = 4 * seen + 2 * start_ok + tok_ok + (len(name) == 3)
        if score > best_score:
            best, best_score = k, score
    return best


ACRONYM = re.compile(r"[ \t]*\([ \t]?[A-ZĐ][A-ZĐa-z0-9&.-]{1,11}[ \t]?\)(?=[ \t]|$)")
DASH = re.compile(r"[ \t]*[-–—](?:[ \t]+|(?=[A-ZĐ]))|[ \t]+[-–—][ \t]*")
PUNCT = re.compile(r"[ \t]*(?:[,.;:!?()\[\]“”\"\n]|$)")


PARENT = re.compile(r"[ \t]*(?:\(|,(?:[ \t]*thuộc(?![^\W_]))?)[ \t]*")  # ``, thuộc Học viện …``: the parent
_DEFINED = re.compile(r"[ \t]*\([ \t]?(?P<abbr>[A-ZĐ]{3,12})[ \t]?\)")
NUMBERED = re.compile(r"số[ \t]+\d{1,3}(?=[ \t]*(?:[,.;:!?()“”\"\n]|$)|[ \t]+[^\W\d_])")  # ``… số 1``: a unit's number


def defined_acronyms(text: str) -> dict[str, str]:
    """``Khu quản lý giao thông đô thị (KQLGTĐT)``: acronyms the text defines, each letter the initial of one of the
    syllables written before the bracket (``-`` between them allowed), → the words they stand for."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group("abbr")
        if abbr in out or abbr in grammar().expand:
            continue
        syls = list(SYLLABLE.finditer(text, max(0, m.start() - 16 * len(abbr)), m.start()))[-len(abbr):]
        if (len(syls) == len(abbr) and syls[-1].end() == m.start() and syls[0].group(0)[0].isupper()
                and all(w.group(0)[0].upper() == a for w, a in zip(syls, abbr))
                and all(re.fullmatch(r"[ \t]+(?:[-–][ \t]+)?", text[a.end():b.start()]) for a, b in zip(syls, syls[1:]))):
            out[abbr] = text[syls[0].start():syls[-1].end()]
    return out


def ends_clause(ctx: Context, pos: int) -> bool:
    """``pos`` ends a noun phrase: punctuation, a dash, or a clause word follows."""
    g, text = grammar(), ctx.text
    q = GAP.match(text, pos).end()
    return bool(PUNCT.match(text, q) or text[q:q + 1] in ("-", "–", "—") or g.boundary.match(text, q))


def joins_on(ctx: Context, end: int) -> bool:
    """``Giám đốc tuyển sinh của tập đoàn ESLI``: after a bare head, lower-case words count only when
    ``của``/``thuộc``/``tại`` and a body follow, or a capitalized body right after them."""
    g, text = grammar(), ctx.text
    q = GAP.match(text, end).end()
    m = SYLLABLE.match(text, q)
    if m and q > end and text[q].isupper() and g.body.match(text, q) and not g.heads.match(text, q):
        return True  # ``Tổng thư ký tòa soạn Báo Thanh Niên``: a department, then its body
    return bool(m) and q > end and key(m.group(0)) in g.joiners and continues(ctx, GAP.match(text, m.end()).end(), m.end())


#: ``PMU18``, ``PMU1``: an organization code, letters and number as one name (not a Roman numeral: ``khóa IX82``)
_CODE = re.compile(r"(?![IVXLCDM]+\d)[A-ZĐ]{2,}\d{1,3}")
_CODE_NUMBER = re.compile(r" (\d{1,3})(?![^\W_]|[%/.,:-]?\d|%)")


def no_digits(text: str, start: int, end: int) -> int:
    """Cut a list number glued to a word (``Thông tin88.``) off a piece's end; an organization code written
    all in capitals (``PMU18``) keeps its number."""
    if _CODE.fullmatch(text, start, end):
        return end
    m = re.search(r"(?<=[^\W\d_])\d+$", text[start:end])
    return start + m.start() if m else end


def code_number(ctx: Context, start: int, end: int) -> int:
    """``PMU 18``, ``CIENCO 4``: the end of the number written after an all-capitals code ``text[start:end]``
    when the phrase ends there (punctuation, a clause word, a name follows), else 0 (``GDP 8%``, ``PMU 18 xe``)."""
    text = ctx.text
    if not re.fullmatch(r"[A-ZĐ]{2,}", text[start:end]) or not (m := _CODE_NUMBER.match(text, end)):
        return 0
    q = GAP.match(text, m.end()).end()
    if counted_nouns().match(text, q):
        return 0  # ``VTV 3 năm qua``: a count of the next noun
    run = ctx.cap_run(q) if q > m.end() else []
    return m.end() if ends_clause(ctx, m.end()) or len(run) >= 2 and valid_name(ctx, run) else 0


@cache
def counted_nouns() -> re.Pattern[str]:
    """The nouns a number counts (``units.json``: time, period, counted, multiplier, scale)."""
    kinds = {"counted", "time", "period", "multiplier", "number_scale"}
    nouns = {e["noun"] for e in load_rules("units").entries if e.get("kind") in kinds}
    return re.compile(r"(?:" + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True)) + r")(?![^\W_])")


def boundary_at(ctx: Context, pos: int) -> bool:
    """A clause word starts at ``pos`` as a whole token (``giao`` in ``giao thông`` is none)."""
    m = grammar().boundary.match(ctx.text, pos)  # not ``không`` inside ``Cảng hàng không``
    return bool(m) and ctx.token_end(pos) <= m.end() and (pos in ctx.tok_start or not ctx.inside_token(pos))


def stops(ctx: Context, q: int) -> bool:
    """A body's name cannot run on at ``q``: a clause word, a position, a person or punctuation."""
    g, text = grammar(), ctx.text
    if PUNCT.match(text, q) or boundary_at(ctx, q) or g.heads.match(text, q) or g.honorific.match(text, q):
        return True
    run = ctx.cap_run(q)
    return len(run) >= 2 and g.name_start(run[0][2]) and valid_name(ctx, run)


def continues(ctx: Context, q: int, after: int) -> bool:
    """After ``của``/``tại``/``thuộc``: the body goes on only into a body, level, country or known abbreviation."""
    g, text = grammar(), ctx.text
    if q == after:
        return False
    if g.body.match(text, q) or g.level.match(text, q) or g.country.match(text, q) or locality_at(text, ctx.cap_run(q)):
        return True
    m = g.abbr.match(text, q)
    return bool(m) and g.abbr_kind.get(m.group(0).rstrip("."), "other") in ("body", "org", "place")


def foreign_name(ctx: Context, run) -> bool:
    g, text = grammar(), ctx.text
    k = key(text[run[0][0]:run[-1][1]])
    if k in g.not_names or any(key(s) in g.not_names for _, _, s in run[:1]):
        return False
    return not (g.body.match(text, run[0][0]) or g.level.match(text, run[0][0]) or g.heads.match(text, run[0][0])
                or g.country.match(text, run[0][0]) or g.place.match(text, run[0][0]))


def lower_tail(ctx: Context, q: int, limit: int = 10) -> int:
    """End of the lower-case words that go on a body's name from ``q`` (``quản lý chất thải rắn``), or 0.

    The words run to a boundary the grammar knows (punctuation, a clause word, a position, an
    honorific, a level, place or body word, a capitalized word); more than ``limit`` words is a clause.
    """
    g, text = grammar(), ctx.text
    pos, end, n = q, 0, 0
    while (m := SYLLABLE.match(text, pos)) and m.group(0)[0].islower():
        if g.heads.match(text, pos) or g.honorific.match(text, pos):
            return 0  # ``Sở Y tế hướng dẫn bà con``: words before a person are a predicate, not a name
        if (boundary_at(ctx, pos) or g.level.match(text, pos)
                or (g.place.match(text, pos) and ctx.token_end(pos) <= g.place.match(text, pos).end())):
            break
        n, end = n + 1, m.end()
        if n > limit:
            return 0
        if key(m.group(0)) == "số" and (d := re.compile(r" \d{1,4}(?![\d/.,]\d)").match(text, end)):
            end = d.end()  # ``đoàn công tác số 12``
        if not (text.startswith(" ", end) and SYLLABLE.match(text, end + 1)):
            break
        pos = end + 1
    return end


_OF_BODY = re.compile(r"[ \t]+(?:của|thuộc)[ \t]+")
_BRACKETED = re.compile(ACRONYM.pattern.replace("(?=[ \\t]|$)", ""))


def _named_tail(ctx: Context, pos: int, limit: int = 12) -> int:
    """End of a body's proper name from ``pos``, or 0: capitalized runs (a word the tokenizer joins to the
    next lower-case syllable goes on: ``Dạy nghề``), lower-case words before another capitalized run
    (``cao đẳng nội trú Green Hill``), an acronym in brackets, up to a level or place (``Thành ủy``,
    ``huyện Thạnh Trị``); never into a person's name or a position."""
    g, text = grammar(), ctx.text
    end, n = 0, 0
    q = GAP.match(text, pos).end()
    while q > pos and n < limit:
        if (m := g.level.match(text, q)) and text[q].isupper():
            return m.end()
        if m := g.place.match(text, q):
            run = ctx.cap_run(GAP.match(text, m.end()).end())
            return run[-1][1] if run and end else end
        if end and (a := ACRONYM.match(text, pos)):
            pos, q = a.end(), GAP.match(text, a.end()).end()
            continue
        if (a := g.abbr.match(text, q)) and g.abbr_kind.get(a.group(0).rstrip("."), "other") != "title":
            end, n, pos = a.end(), n + 1, a.end()  # ``Bộ GTVT``, ``Sở KH&ĐT``
            q = GAP.match(text, pos).end()
            continue
        run = ctx.cap_run(q)
        if run:
            if g.honorific.match(text, q) or g.heads.match(text, q) or (
                    stops(ctx, q) and not boundary_at(ctx, q) and not locality_at(text, run)):
                break  # a person or a position is next, not the body's name (a capitalized verb, ``Phối hợp``, names it)
            k = split_place_name(ctx, run, after_place_word=False) if len(run) >= 2 else None
            if k is not None:  # ``Công ty Sông Đà Nguyễn Văn Ba``: the name ends before the person
                if k:
                    end = run[k - 1][1]
                break
            end, n, pos = run[-1][1], n + len(run), run[-1][1]
            if (tok := ctx.token_end(run[-1][0])) > pos:
                end = pos = tok  # ``Trung tâm Dạy nghề``, ``Ban Chỉ đạo Quốc gia``
            if spelled := _spelled_out_end(ctx, run[0][0], pos):
                end = pos = spelled  # ``Bộ Giao thông vận tải``: a field an abbreviation spells out
        elif (low := lower_tail(ctx, q, limit=6)) and ctx.cap_run(GAP.match(text, low).end()):
            n, pos = n + len(text[q:low].split()), low
        else:
            break
        q = GAP.match(text, pos).end()
    return end


@cache
def _spelled_out() -> frozenset[str]:
    return frozenset(key(v) for v in grammar().expand.values())


def _spelled_out_end(ctx: Context, start: int, pos: int) -> int:
    """The end of the longest run of lower-case words from ``pos`` that makes ``text[start:end]`` an
    abbreviation's spelled-out form (``Giao thông`` + ``vận tải``), or 0."""
    text, best, end = ctx.text, 0, pos
    for _ in range(6):
        m = SYLLABLE.match(text, end + 1) if text.startswith(" ", end) else None
        if not m:
            break
        end = m.end()
        if key(text[start:end]) in _spelled_out():
            best = end
    return best


def named_earlier(ctx: Context, word: str, before: int, window: int = 1500, *, after: int = 0) -> str:
    """The proper name of the last body written with the head ``word`` before ``before`` (``Nhà máy Nước Thủ
    Đức`` for ``Phó Giám đốc nhà máy``), abbreviations spelled out, or ''."""
    found = _named_earlier(ctx, word, before, window, after=after)
    return found[1] if found else ""


def _named_earlier(ctx: Context, word: str, before: int, window: int, *, after: int = 0) -> tuple[int, str] | None:
    found = _all_named(ctx, word, before, window, after=after)
    return found[-1] if found else None


def _all_named(ctx: Context, word: str, before: int, window: int, *, after: int = 0) -> list[tuple[int, str]]:
    """Every body written with the head ``word`` in ``[max(after, before - window), before)``: (start, name)."""
    g, text = grammar(), ctx.text
    pat = re.compile(r"(?<![^\W_])" + r"[ \t]+".join(map(re.escape, word.split())) + r"(?![^\W_])", re.IGNORECASE)
    out = []
    for m in pat.finditer(text, max(0, after, before - window), before):
        if text[m.start()].isupper() and (end := _named_tail(ctx, m.end())):
            out.append((m.start(), g.expand_text(" ".join(_BRACKETED.sub("", text[m.start():end]).split()))))  # ``(TTDN)`` dropped
    return out


def complete_from_earlier(ctx: Context, t, *, last: bool = True) -> None:
    """The body named before the title: ``Tại Nhà máy Nước X, ông A, Phó Giám đốc nhà máy`` and ``ông B, Hiệu
    trưởng của trường`` (after ``Trường cao đẳng Y``) take the body's proper name written earlier; the last title
    of a group (``last``) written without a body takes the one body its position leads (``heads_of``) named earlier
    in the paragraph (``CĐ Công nghiệp Hà Nội có … Hiệu trưởng Hoàng Văn A``)."""
    g, text = grammar(), ctx.text
    if t.suffix:
        return
    if t.pieces:
        last = t.pieces[-1]
        bare = last.text[:1].islower() and ends_clause(ctx, last.end) or (  # ``Tổng Giám đốc Trung tâm Nguyễn Anh Vũ``
            t.name is not None and g.body.fullmatch(text, last.start, last.end) and len(last.text.split()) <= 2)
        if len(t.pieces) == 1 and last.kind == "body" and bare:
            if full := named_earlier(ctx, text[last.start:last.end], t.start):
                last.text = full
        return
    if (m := _OF_BODY.match(text, t.end)) and (b := g.body.match(text, m.end())) and text[m.end()].islower() \
            and ends_clause(ctx, b.end()):
        t.suffix = named_earlier(ctx, b.group(0), t.start)
    elif last and (heads := g.heads_of.get(key(t.head))):  # ``CĐ Công nghiệp Hà Nội có … Hiệu trưởng Hoàng Văn A``
        paragraph = text.rfind("\n", 0, t.start) + 1
        skip = {key(h[1:]) for h in heads if h.startswith("!")}
        names = set()
        for head in (h for h in heads if not h.startswith("!")):  # ``CĐ=Cao đẳng``: the head as written = its meaning here
            written, _, meaning = head.partition("=")
            for _, name in _all_named(ctx, written, t.start, 1500, after=paragraph):
                name = meaning + name[len(g.expand_text(written)):] if meaning else name
                if not any(key(name).startswith(x) for x in skip):
                    names.add(name)
        if len(names) == 1:  # one body of that kind in the paragraph: the title's
            t.inferred = t.text
            t.suffix = names.pop()


_OF = re.compile(r"của[ \t]+")


def of_person(ctx: Context, q: int) -> int:
    """``thư ký của ông Tiến``: the end of ``của`` + an honorific + a short name after a bare head that serves a
    person (``titles.json`` ``of_person``), when the phrase ends there; else 0."""
    g, text = grammar(), ctx.text
    if not (m := _OF.match(text, q)) or not (hm := g.honorific.match(text, m.end())):
        return 0
    run = ctx.cap_run(GAP.match(text, hm.end()).end())
    if not 1 <= len(run) <= 4 or not ends_clause(ctx, run[-1][1]):
        return 0
    return run[-1][1]


def place_after_at(ctx: Context, pos: int) -> int:
    """``tại`` + a capitalized run of one to three syllables that closes the clause and names no person (a town
    the gazetteer no longer lists, ``tại Đà Lạt``): where the run ends, or 0."""
    g, text = grammar(), ctx.text
    run = ctx.cap_run(GAP.match(text, pos).end())
    if not 1 <= len(run) <= 3 or g.name_start(run[0][2]) or not PUNCT.match(text, run[-1][1]):
        return 0
    return run[-1][1]

