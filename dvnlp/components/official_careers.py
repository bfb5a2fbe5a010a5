"""Careers and past posts: a list of posts told after ``từng trải qua các chức vụ:`` or ``từng là`` (every post is a
past one, ``nguyên``), a post held ``trong thời gian giữ cương vị …`` and the person such a clause speaks of, also
when only ``ông``/``bà`` names them (split out of :mod:`dvnlp.components.official_layouts`)."""
from __future__ import annotations

import re

from dvnlp.components.title_grammar import GAP, grammar
from dvnlp.components.titles import Context, Title, valid_name

_SENTENCE_START = re.compile(r"(?:^|[.!?\n])[ \t\n]*", re.MULTILINE)


def sentence_start(text: str, pos: int, window: int, default: int) -> int:
    """Where the sentence holding ``pos`` opens, looking ``window`` characters back (``default`` when no sentence
    end is there)."""
    return max((m.end() for m in _SENTENCE_START.finditer(text, max(0, pos - window), pos)), default=default)


#: a career told before a list of posts: ``(đã) từng trải qua / đảm nhiệm / giữ các chức vụ:``, ``từng là`` / ``từng giữ
#: chức`` (every post is a past one)
CAREER = re.compile(r"(?<![^\W_])(?:đã[ \t]+)?từng[ \t]+(?:trải[ \t]+qua|đảm[ \t]+nhiệm|kinh[ \t]+qua|nắm[ \t]+giữ|giữ)"
                     r"(?:[ \t]+(?:các|nhiều|những))?[ \t]+(?:chức[ \t]+vụ|cương[ \t]+vị|chức[ \t]+danh|vị[ \t]+trí)"
                     r"(?:[ \t]+(?:lãnh[ \t]+đạo|quan[ \t]+trọng|như))?[ \t]*:?[ \t]*$"
                     r"|(?<![^\W_])(?:đã[ \t]+)?từng[ \t]+(?:là|làm|giữ[ \t]+chức(?:[ \t]+vụ)?|giữ[ \t]+cương[ \t]+vị|đảm[ \t]+nhiệm)[ \t]+$",
                     re.IGNORECASE)


def career_before(text: str, pos: int) -> bool:
    """The title group at ``pos`` is a career list (``… từng đảm nhiệm các chức vụ: A; B``): its posts are past."""
    return bool(CAREER.search(text, max(0, pos - 90), pos))


def pronoun_subject(ctx: Context, end: int) -> tuple[int, int, bool] | None:
    """``Ông Bùi Văn A (54 tuổi), quê …, là … . Ông từng đảm nhiệm …``: a sentence opened by an honorific alone
    refers to the person the sentence before opens with."""
    g, text = grammar(), ctx.text
    start = sentence_start(text, end, 60, -1)
    hm = g.honorific.match(text, start) if start >= 1 else None
    if not hm or text[hm.end():end].strip():
        return None  # not ``Ông`` alone before the career
    last = len(text[:start].rstrip(" \t\n.!?"))  # the end of the sentence before
    prev = sentence_start(text, last, 400, 0)
    ph = g.honorific.match(text, prev)
    run = ctx.cap_run(GAP.match(text, ph.end()).end()) if ph else []
    if not run or not valid_name(ctx, run, honored=True):
        return None
    return run[0][0], run[-1][1], True


#: a post held for a time: ``Trong thời gian giữ cương vị A, B, bà …`` (the posts are past ones)
_DURING = re.compile(r"(?<![^\W_])(?:trong[ \t]+thời[ \t]+gian|khi|lúc)[ \t]+(?:còn[ \t]+)?(?:giữ|làm|đảm[ \t]+nhiệm|là)"
                     r"(?:[ \t]+(?:các[ \t]+)?(?:chức[ \t]+vụ|chức|cương[ \t]+vị))?[ \t]+$", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<hon>ông|bà|đồng[ \t]+chí)(?![^\W_])")


def during_post(ctx: Context, seg: list[Title]) -> tuple[int, int] | None:
    """``Trong thời gian giữ cương vị Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh, bà đã …``: the person the
    clause after the title group speaks of — named there (``…, ông A đã …``) or, with ``ông``/``bà`` alone, the last
    person named with an honorific before it (within 1,500 characters). The caller marks the posts past."""
    g, text = grammar(), ctx.text
    if not _DURING.search(text, max(0, seg[0].start - 60), seg[0].start) or not (m := _PRONOUN_AFTER.match(text, seg[-1].end)):
        return None
    run = ctx.cap_run(GAP.match(text, m.end()).end())
    if run and valid_name(ctx, run, honored=True):
        return run[0][0], run[-1][1]
    found = None
    for h in g.honorific.finditer(text, max(0, seg[0].start - 1500), seg[0].start):
        run = ctx.cap_run(GAP.match(text, h.end()).end())
        if len(run) >= 2 and valid_name(ctx, run, honored=True):
            found = (run[0][0], run[-1][1])
    if found and _other_name_between(ctx, found[1], seg[0].start):
        return None  # ``Anh A kể: “Cục trưởng B … Khi còn là Hiệu trưởng …, ông …”``: ``ông`` may be B
    return found


_WORD_START = re.compile(r"(?<![^\W_])[^\W\d_]")


def _other_name_between(ctx: Context, start: int, end: int) -> bool:
    """A person's name (a surname and two or more syllables) is written in ``[start, end)``."""
    g = grammar()
    for m in _WORD_START.finditer(ctx.text, start, end):
        if not m.group(0).isupper():
            continue
        run = ctx.cap_run(m.start())
        if len(run) >= 2 and g.name_start(run[0][2]) and valid_name(ctx, run):
            return True
    return False


#: a post taken away before the person is named: ``cách chức``, ``miễn nhiệm``, ``thôi giữ chức`` …
_REMOVED = re.compile(r"(?<![^\W_])(?:cách(?:[ \t]+(?:hết|tất[ \t]+cả))?(?:[ \t]+các)?[ \t]+chức(?:[ \t]+vụ)?|miễn[ \t]+nhiệm"
                      r"|bãi[ \t]+nhiệm|thôi[ \t]+giữ[ \t]+chức(?:[ \t]+vụ)?)[ \t]+", re.IGNORECASE)
_TOWARDS = re.compile(r"(?<![^\W_])(?:đối[ \t]+)?với[ \t]+(?:(?:ông|bà|anh|chị|đồng[ \t]+chí)[ \t]+)?", re.IGNORECASE)


def removed_from(ctx: Context, seg: list[Title]) -> tuple[int, int, bool] | None:
    """``… kỷ luật cách chức Ủy viên Ban Chấp hành … và Bí thư Chi bộ … đối với ông A``: the person the posts are
    taken from, named after them in the same sentence; the posts stay on the person as written (they were his)."""
    text = ctx.text
    start = sentence_start(text, seg[0].start, 300, max(0, seg[0].start - 300))
    cue = [m for m in _REMOVED.finditer(text, start, seg[0].start)]
    if not cue or _TOWARDS.search(text, cue[-1].end(), seg[0].start):
        return None
    stop = next((m.start() for m in re.finditer(r"[.!?;\n]", text[seg[-1].end:seg[-1].end + 300])), 300)
    if not (m := _TOWARDS.search(text, seg[-1].end, seg[-1].end + stop)):
        return None
    run = ctx.cap_run(m.end())
    return (run[0][0], run[-1][1], True) if run and valid_name(ctx, run, honored=True) else None
