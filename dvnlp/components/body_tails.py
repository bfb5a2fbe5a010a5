"""Where a body's name goes on past the grammar of :mod:`dvnlp.components.titles`: an open body's written name
(``Ban quản lý đường sắt đô thị TP. HCM``), a unit's number (``Quân khu 2``), a higher place after a comma
(``huyện Sa Pa, tỉnh Lào Cai``) — split out of :mod:`dvnlp.components.titles` and
:mod:`dvnlp.components.body_grammar`, which they serve."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dvnlp.components.body_grammar import DASH, counted_nouns, ends_clause, lower_tail, split_place_name
from dvnlp.components.title_grammar import CAPS, DIGITS, GAP, SYLLABLE, grammar, key, locality_at

if TYPE_CHECKING:
    from dvnlp.components.titles import Context


_UNIT_NO = re.compile(r"\d{1,3}(?![\d/.,]\d|\d)")


def unit_number(ctx: Context, q: int) -> int:
    """``Quân khu 2``, ``Sư đoàn 308 (Quân đoàn 1)``: the end of a number at ``q`` that names the body before it
    (the phrase ends after it, or a bracket follows), else 0 (``Sở Y tế 2 năm liền``: a count of the next noun)."""
    text = ctx.text
    if not (m := _UNIT_NO.match(text, q)):
        return 0  # four digits are a year or a list number glued on (``Quân khu 5124. Sơn …``)
    nxt = GAP.match(text, m.end()).end()
    if nxt > m.end() and counted_nouns().match(text, nxt):
        return 0
    return m.end() if ends_clause(ctx, m.end()) or text.startswith("(", nxt) else 0


_COMMA = re.compile(r"[ \t]*,[ \t]*")


def higher_place(ctx: Context, pieces, pos: int, head: str = "") -> tuple[int, int, str, str] | None:
    """``huyện Sa Pa, tỉnh Lào Cai``, ``Quận ủy Bình Thủy, Thành phố Cần Thơ``: after a place name, a comma and a
    place of a higher rank (``titles.json`` ``tier``) that closes the phrase (or leads to one more such place) go
    on the title. Returns (start of the place word, end, the place word spelled out, the place's name) or None."""
    g, text = grammar(), ctx.text
    if not pieces or pieces[-1].kind != "placename" or not (m := _COMMA.match(text, pos)):
        return None
    below = next((g.tiers.get(key(p.text), 0) for p in reversed(pieces[:-1]) if p.kind in ("place", "level", "abbr")), 0)
    if not below and len(pieces) == 1 and (pw := [*g.place.finditer(head)]) and pw[-1].end() == len(head):
        below = g.tiers.get(key(pw[-1].group(0)), 0)  # ``Tổ trưởng tổ dân phố 5, phường …``: the head names the place
    q = m.end()
    if w := g.place.match(text, q):
        word = w.group(0)
    elif (w := g.abbr.match(text, q)) and g.abbr_kind.get(w.group(0).rstrip("."), "") == "place":
        word = g.expand.get(w.group(0).rstrip("."), w.group(0))
        if (pw := g.place.match(word)) and pw.end() < len(word) and below and g.tiers.get(key(pw.group(0)), 0) > below \
                and ends_clause(ctx, w.end()):  # ``quận 1, TP.HCM``: the abbreviation names the place itself
            return q, w.end(), pw.group(0), word[pw.end():].strip()
    else:
        return None
    if not below or g.tiers.get(key(word), 0) <= below or ctx.token_end(q) > w.end():
        return None
    after = w.end() + (1 if text.startswith(".", w.end()) else 0)
    run = ctx.cap_run(nxt := GAP.match(text, after).end())
    if not run:  # ``tổ dân phố 5, phường Tân Định, quận 1``: a numbered place
        d = DIGITS.match(text, nxt) if nxt > after else None
        if d and (ends_clause(ctx, d.end()) or _COMMA.match(text, d.end()) and higher_place_word(ctx, d.end())):
            return q, d.end(), word, d.group(0)
        return None
    k = split_place_name(ctx, run, after_place_word=True)
    run = run if k is None else run[:k]
    end = run[-1][1] if run else 0
    if dash := DASH.match(text, end) if end else None:  # ``tỉnh Bà Rịa - Vũng Tàu``
        more = ctx.cap_run(dash.end())
        if n := locality_at(text, more):
            end = more[n - 1][1]
    if not end or k is not None or not (ends_clause(ctx, end) or _COMMA.match(text, end) and higher_place_word(ctx, end)):
        return None
    return q, end, word, text[run[0][0]:end]


def higher_place_word(ctx: Context, pos: int) -> bool:
    m = _COMMA.match(ctx.text, pos)
    return bool(m and grammar().place.match(ctx.text, m.end()))


#: the comma inside a fixed pair that names a field of work: ``Ban Chỉ đạo … về phòng, chống tham nhũng``, ``Phòng
#: cảnh sát PCCC và cứu hộ, cứu nạn``; the first word → (the second, whether the pair needs words after it)
_COMMA_PAIRS = {first: (re.compile(rf"{second}(?![^\W_])", re.IGNORECASE), needs_tail)
                for first, second, needs_tail in (("phòng", "chống", True), ("cứu hộ", "cứu nạn", False))}


def comma_pair(ctx: Context, piece: str, pos: int) -> int:
    """End of ``, chống tham nhũng`` / ``, cứu nạn`` after a piece that ends on a pair's first word, or 0."""
    first = next((w for w in _COMMA_PAIRS if key(piece) == w or key(piece).endswith(" " + w)), None)
    if first is None or not (m := _COMMA.match(ctx.text, pos)):
        return 0
    second, needs_tail = _COMMA_PAIRS[first]
    if not (w := second.match(ctx.text, m.end())):
        return 0
    return lower_tail(ctx, w.end() + 1) or (0 if needs_tail else w.end())
_STOP = re.compile(r"(?<![^\W_])(?:chủ trì|phát biểu|cho biết|cho rằng|tham dự|dự|đề nghị|yêu cầu|nhấn mạnh|chỉ đạo|báo cáo|trao|"
                   r"tặng|làm việc|tổ chức|ký|ban hành|khẳng định|đánh giá|ghi nhận|tiếp|thăm|kiểm tra|đã|đang|sẽ|vừa|được|"
                   r"là|có|cùng|và|tại|trong|với|về|của|khi|để|thì|nhưng|nên|làm|giữ|nói|kiêm)(?![^\W_])", re.IGNORECASE)


def open_body_tail(ctx: Context, pos: int, *, lower_start: bool = True) -> tuple[int, bool]:
    """End of the written name of an open body (``Ban quản lý đường sắt đô thị TP. HCM``) or 0, and
    whether it ends on a level or place.

    The name runs to the first level or place (``Trung ương``, ``tỉnh Gia Lai``) within 14
    syllables of the clause, before any verb; else, after lower-case words, to a proper name.
    """
    g, text = grammar(), ctx.text
    q = GAP.match(text, pos).end()
    if q == pos or q >= len(text) or (lower_start and not text[q].islower()):
        return 0, False
    clause = re.split(r"[,.;:()\n“”\"]", text[q:q + 200], maxsplit=1)[0]
    cap_at = 0
    for i, w in enumerate(list(SYLLABLE.finditer(clause))[:14]):
        a = q + w.start()
        if _STOP.match(clause, w.start()) or g.heads.match(text, a) or g.honorific.match(text, a):
            break
        if m := g.level.match(text, a):
            return m.end(), True
        if m := g.place.match(text, a):
            nxt = GAP.match(text, m.end()).end()
            run = ctx.cap_run(nxt)
            return (run[-1][1] if run else d.end() if (d := DIGITS.match(text, nxt)) else m.end()), True
        if lower_start and not cap_at and (w.group(0)[0].isupper() or CAPS.match(text, a)):
            cap_at = a - 1
    return cap_at, False
