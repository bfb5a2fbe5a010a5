"""The body part of a title: where a body's name runs on and where it ends, and whether a run is a name.

A title is a position + a body + an optional locality. :func:`dvnlp.components.titles.parse_title`
walks the words after a position; the tests here tell it whether a lower-case run, a ``-`` join, a
joiner (``của``, ``tại``) or a bracket goes on the body's name (``bodies.json`` holds the words).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dvnlp.components.title_grammar import GAP, MAX_NAME, SYLLABLE, grammar, key, locality_at

if TYPE_CHECKING:
    from dvnlp.components.titles import Context


def valid_name(ctx: Context, run: list[tuple[int, int, str]], *, honored: bool = False) -> bool:
    g = grammar()
    if not 2 <= len(run) <= MAX_NAME:
        return False
    text = key(ctx.text[run[0][0]:run[-1][1]])
    if text in g.not_names or any(key(s) in g.not_names for _, _, s in run[:1]):
        return False
    if g.body.match(ctx.text, run[0][0]) or g.level.match(ctx.text, run[0][0]) or g.heads.match(ctx.text, run[0][0]):
        return False
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
        if text in g.not_names:
            continue
        start_ok = g.name_start(name[0][2])
        tok_ok = k == 0 or name[0][0] in ctx.tok_start
        seen = text in ctx.honored
        if not (start_ok or seen) or (ctx.is_place(text, name[0][0]) and not seen):
            continue
        if k == 0 and len(name) == 2 and not seen:
            continue
        if k == 0 and after_place_word and not (seen or len(name) >= 3 and start_ok):
            continue
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


PARENT = re.compile(r"[ \t]*[(,][ \t]*")


def ends_clause(ctx: Context, pos: int) -> bool:
    """``pos`` ends a noun phrase: punctuation, a dash, or a clause word follows."""
    g, text = grammar(), ctx.text
    q = GAP.match(text, pos).end()
    return bool(PUNCT.match(text, q) or text[q:q + 1] in ("-", "–", "—") or g.boundary.match(text, q))


def joins_on(ctx: Context, end: int) -> bool:
    """``Giám đốc tuyển sinh của tập đoàn ESLI``: after a bare head, lower-case words count only when
    ``của``/``thuộc``/``tại`` and a body follow."""
    g, text = grammar(), ctx.text
    q = GAP.match(text, end).end()
    m = SYLLABLE.match(text, q)
    return bool(m) and q > end and key(m.group(0)) in g.joiners and continues(ctx, GAP.match(text, m.end()).end(), m.end())


def no_digits(text: str, start: int, end: int) -> int:
    """Cut a list number glued to a word (``Thông tin88.``) off a piece's end."""
    m = re.search(r"(?<=[^\W\d_])\d+$", text[start:end])
    return start + m.start() if m else end


def boundary_at(ctx: Context, pos: int) -> bool:
    """A clause word starts at ``pos`` as a whole token (``giao`` in ``giao thông`` is none)."""
    m = grammar().boundary.match(ctx.text, pos)
    return bool(m) and ctx.token_end(pos) <= m.end()


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
