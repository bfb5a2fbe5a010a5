"""Lists of officials written as lists (part of :mod:`dvnlp.components.officials`): a numbered list under a heading
in capitals that writes a position (:func:`heading_lists`, :func:`heading_items`) and a plural title before ``;``
items that carry their own titles (:func:`titled_items_after`)."""
from __future__ import annotations

import re

from dvnlp.components.title_grammar import grammar, key
from dvnlp.components.titles import Context, Title, valid_name

COLON = re.compile(r"[ \t]*(?:(?:là|gồm)[ \t]*)?:")  # ``ba Phó Bí thư là: …``

#: a list heading in capitals that names a position (``I- ỦY VIÊN CHÍNH THỨC``), optionally numbered; the line
#: above may name the body (``DANH SÁCH BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA X``)
_HEADING = re.compile(r"^[ \t]*(?:[IVX\d]{1,4}[ \t]*[-.)][ \t]*)?(?P<head>[^\W\d_][^\n]{3,80}?)[ \t]*:?[ \t]*$", re.MULTILINE)
_LIST_OF = re.compile(r"^[ \t]*(?:DANH[ \t]+SÁCH[ \t]+)?(?P<body>[^\W\d_][^\n]{3,80}?)[ \t]*:?[ \t]*$")
#: a numbered item that opens with a name: ``12. Nguyễn Văn An, …`` (items may run on without a line break)
_ITEM = re.compile(r"(?<![\d/.,])\d{1,3}[ \t]*[.)][ \t]*(?P<name>[A-ZĐ][^\W\d_]*(?:[ \t][A-ZĐ][^\W\d_]*){1,3})(?=[ \t]*[,(–-]|[ \t]*\n|$)")


def _recase(caps: str) -> str:
    """``ỦY VIÊN CHÍNH THỨC BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA X`` → ``Ủy viên chính thức Ban Chấp hành Trung ương khóa X``:
    sentence case, the levels and ``Ban Chấp hành`` as the rules write them, Roman numerals kept."""
    words = [w if re.fullmatch(r"[IVXLC]+", w) else w.lower() for w in caps.split()]
    out = " ".join(words)
    for canonical in ("Ban Chấp hành", "Bộ Chính trị", "Ban Bí thư", "Trung ương", "Quốc hội", "Chính phủ", "Ủy ban Kiểm tra",
                      "Đảng", "Mặt trận Tổ quốc Việt Nam", "Việt Nam"):
        out = re.sub(rf"(?<![^\W_]){re.escape(canonical.lower())}(?![^\W_])", canonical, out)
    return out[:1].upper() + out[1:]


def heading_lists(ctx: Context) -> list[tuple[int, int, str, str]]:
    """Lists of people under a heading in capitals that names a position: ``(scope start, scope end, title, as
    written)``; the scope runs to the next heading in capitals. A heading with no position (``BỘ CHÍNH TRỊ``) gives
    no title (the annotation guideline: a list's title must be written)."""
    g, text = grammar(), ctx.text
    if not _ITEM.search(text):
        return []  # no numbered list of names: nothing to scan the headings for
    heads = [m for m in _HEADING.finditer(text) if m.group("head").isupper()]  # ``isupper``: capitals only
    out = []
    last_body = None  # ``II- ỦY VIÊN DỰ KHUYẾT`` goes on the list the heading before named
    for k, m in enumerate(heads):
        head = m.group("head").strip()
        hm = g.heads.match(head)
        if not hm or g.head_kind.get(key(hm.group(0))) == "non_position":
            continue
        scope_end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        if not _ITEM.search(text, m.end(), min(scope_end, m.end() + 200)):
            continue  # a heading in capitals that opens no numbered list of people
        written = head
        if not (g.body.search(head) or g.level.search(head)):
            line_start = text.rfind("\n", 0, max(0, m.start() - 1)) + 1
            above = _LIST_OF.match(text[line_start:m.start()].rstrip("\n"))
            if above and above.group("body").isupper() and (g.body.search(above.group("body"))
                                                            or g.level.search(above.group("body"))):
                last_body = above.group("body").strip()
            if last_body:
                written = f"{head} {last_body}"
        out.append((m.end(), scope_end, _recase(g.expand_text(written)), head))
    return out


def heading_items(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The names that open the numbered items of ``[start, end)``."""
    out = []
    for m in _ITEM.finditer(ctx.text, start, end):
        run = ctx.cap_run(m.start("name"))
        if run and run[-1][1] == m.end("name") and valid_name(ctx, run, honored=True):
            out.append((m.start("name"), m.end("name")))
    return out


_AND_BEFORE = re.compile(r"(?<![^\W_])và[ \t]+(?:(?:ông|bà|anh|chị|đồng chí)[ \t]+)?$", re.IGNORECASE)


def titled_items_after(ctx: Context, t: Title, candidates: list[tuple]) -> list[tuple[int, int]]:
    """After a plural title and a colon, items separated by ``;`` that each name a person with a title of their
    own (``các đồng chí Ủy viên Trung ương Đảng: Bộ trưởng … A; Bộ trưởng … B; đại diện …``, ``ba Phó Bí thư là: ông
    A - Ủy viên …; ông B - …``): those persons, up to the first item that names none or the sentence end."""
    text = ctx.text
    m = COLON.match(text, t.end)
    if not m:
        return []
    end = next((x.start() for x in re.finditer(r"[.!?\n]", text[m.end():m.end() + 1500])), None)
    stop = m.end() + (end if end is not None else 1500)
    names: list[tuple[int, int]] = []
    pos = m.end()
    while pos < stop:
        semi = text.find(";", pos, stop)
        item_end = semi if semi >= 0 else stop
        before = [(c[0], c[1]) for c in candidates if pos <= c[0] < item_end and c[3] == "title_before_name"]
        after = sorted((c[0], c[1]) for c in candidates if pos <= c[0] < item_end and c[3] == "title_after_name")
        if not (before or after):
            break
        names.append(before[-1] if before else after[0])  # ``…; ông B - Ủy viên …; …``: the name opening the item
        if semi < 0:  # ``…; ông B - Ủy viên … và bà C - Chủ tịch …``: the last item joins one more person with ``và``
            names += [a for a in after[1:] if _AND_BEFORE.search(text, max(0, a[0] - 12), a[0])]
        pos = item_end + 1
    return names if len(names) >= 2 else []
