"""Title grammar for ``dvnlp_officials``: a head (``Phó Chủ tịch``) + an organization phrase.

All words come from rule data: ``titles.json`` (heads, place words, levels, organization
words), ``honorifics.json`` (honorifics, ranks, surnames), ``lexicon.json`` (bodies) and
``abbreviations.json`` (``UBND`` → ``Ủy ban nhân dân``). :func:`parse_title` reads one title
from a head match; :mod:`dvnlp.components.title_completion` fills the body a title group writes only once
(``UVBTV, Trưởng Ban Dân vận Tỉnh ủy`` → ``Ủy viên Ban Thường vụ Tỉnh ủy``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dvnlp.components.body_grammar import (  # noqa: F401 - valid_name is part of this module's interface
    ACRONYM, DASH, NUMBERED, PARENT, code_number, continues, defined_acronyms, ends_clause, foreign_name, joins_on,
    lower_tail, no_digits, of_person, place_after_at, split_place_name, stops, valid_name,
)
from dvnlp.components.body_tails import comma_pair, higher_place, open_body_tail, unit_number
from dvnlp.components.title_grammar import (
    CAPS, DIGITS, GAP, JOINED, SYLLABLE, grammar, honorifics, is_cap, key, locality_at,
)

@dataclass
class Piece:
    kind: str  # place, placename, level, body, abbr, word, cap
    start: int
    end: int
    text: str


@dataclass
class Title:
    start: int
    end: int
    head: str  # as written, abbreviations spelled out
    kind: str
    needs_body: bool
    prefix: str = ""
    written_prefix: str = ""  # the prefix as written, folded (``cố`` before it became ``nguyên``)
    pieces: list[Piece] = field(default_factory=list)
    name: tuple[int, int] | None = None  # a person's name right after the title
    suffix: str = ""  # completion added by :func:`complete`
    source: str = ""  # the rule entry of the head (``titles:Giám đốc``, ``bodies:Cục``)
    inferred: str = ""  # the title as it was before :func:`~dvnlp.components.body_grammar.complete_from_earlier` gave it a body from ``heads_of``
    bare_ok: bool = False  # the head alone ends the phrase (``Hiệu trưởng Hoàng Văn Điện``, ``…, Tổng Giám đốc, cho biết``)

    @property
    def text(self) -> str:
        parts = [self.prefix, self.head, *(p.text for p in self.pieces), self.suffix]
        return " ".join(" ".join(p for p in parts if p).split())

    @property
    def has_level(self) -> bool:
        g = grammar()
        if self.suffix or any(p.kind in ("level", "place", "anchored") for p in self.pieces):
            return True
        if g.level.search(self.head) or g.place.search(self.head):
            return True
        return not self.needs_body and not self.is_committee_part

    @property
    def is_committee_part(self) -> bool:
        g = grammar()
        last = self.pieces[-1].text if self.pieces else self.head
        return any(key(last).endswith(c) for c in g.committee_part)

    def committee(self) -> str:
        """The Party committee this title belongs to (``Tỉnh ủy``, ``Đảng ủy xã``), or ''."""
        g = grammar()
        for i, p in enumerate(self.pieces):
            if g.committees.fullmatch(p.text) or (p.kind == "level" and key(p.text).startswith("trung ương")):
                return " ".join(q.text for q in self.pieces[i:])
        for i, p in enumerate(self.pieces):
            if p.kind == "place" and key(p.text) in g.committee_of:
                return " ".join([g.committee_of[key(p.text)], *(q.text for q in self.pieces[i + 1:])])
        return ""

    def place_phrase(self) -> str:
        """The trailing place (``xã Ia Hiao``, ``thôn Kon Sơ Lăl``, ``huyện Đồng Xuân tỉnh Phú Yên``), or ''."""
        for i in range(len(self.pieces) - 1, -1, -1):
            if self.pieces[i].kind == "place":
                while i >= 2 and self.pieces[i - 1].kind == "placename" and self.pieces[i - 2].kind == "place":
                    i -= 2  # the lowest place of a chain
                return " ".join(q.text for q in self.pieces[i:])
        m = None
        for m in grammar().place.finditer(self.head):
            pass
        if m is not None and m.end() == len(self.head):
            return " ".join([m.group(0), *(q.text for q in self.pieces)])
        return ""


class Context:
    """Per-document lookups: syllables, token boundaries, names seen after honorifics."""

    def __init__(self, text: str, token_spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.syl = {m.start(): (m.end(), m.group(0)) for m in SYLLABLE.finditer(text)}
        self.syl_end = {b: a for a, (b, _) in self.syl.items()}
        self.tok_start = {a: b for a, b in token_spans}
        self.tok_at = sorted(token_spans)
        g = grammar()
        self.honored: set[str] = set()
        for m in honorifics(text):
            run = self.cap_run(GAP.match(text, m.end()).end())
            if run:
                self.honored.add(key(text[run[0][0]:run[-1][1]]))
        self.defined = defined_acronyms(text)  # ``Khu quản lý giao thông đô thị (KQLGTĐT)``
        self.placed: dict[str, set[int]] = {}  # capitalized words written after a place word: place names
        for m in g.place.finditer(text):
            run = self.cap_run(GAP.match(text, m.end()).end())
            for n in range(1, min(len(run), 4) + 1):
                self.placed.setdefault(key(text[run[0][0]:run[n - 1][1]]), set()).add(run[0][0])

    def is_place(self, text: str, start: int) -> bool:
        """``text`` is written after a place word somewhere else (``tỉnh Hà Giang``)."""
        return bool(self.placed.get(key(text), set()) - {start})

    def cap_run(self, pos: int) -> list[tuple[int, int, str]]:
        """The capitalized syllables starting at ``pos``, one space apart."""
        out = []
        while pos in self.syl:
            end, s = self.syl[pos]
            if not is_cap(s) or (len(s) == 1 and self.text[end:end + 1] == "/"):
                break  # ``… Phạm Sỹ Quý P/V:``: an interviewer's mark glued to the name
            out.append((pos, end, s))
            if self.text.startswith(" ", end) and end + 1 in self.syl:
                pos = end + 1
            else:
                break
        return out

    def inside_token(self, pos: int) -> bool:
        """``pos`` is inside a token that starts before it (``không`` of ``Cảng hàng không``)."""
        k = bisect.bisect_right(self.tok_at, (pos, float("inf"))) - 1
        return k >= 0 and self.tok_at[k][0] < pos < self.tok_at[k][1]

    def token_end(self, pos: int) -> int:
        """End of the token that covers ``pos`` (binary search)."""
        lo, hi = 0, len(self.tok_at)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tok_at[mid][0] <= pos:
                lo = mid + 1
            else:
                hi = mid
        if lo and self.tok_at[lo - 1][1] > pos:
            return self.tok_at[lo - 1][1]
        return self.syl.get(pos, (pos,))[0]


def _named_after(ctx: Context, abbr: str, end: int) -> bool:
    """``Trường THPT Nguyễn Thượng Hiền``: an abbreviated school level followed by a person's name, which is the
    school's name, not the official's."""
    q = GAP.match(ctx.text, end).end()
    if q < len(ctx.text) and ctx.text[q].islower() and (low := lower_tail(ctx, q, limit=3)):
        q = GAP.match(ctx.text, low).end()  # ``Trường THCS bán công Võ Văn Tần``
    run = ctx.cap_run(q) if grammar().named_after.fullmatch(abbr) else []
    return bool(run) and grammar().name_start(run[0][2]) and valid_name(ctx, run)


def parse_title(ctx: Context, start: int, head_end: int, prefix: str = "") -> Title:
    """Read the organization phrase after the head ``text[start:head_end]``."""
    g, text = grammar(), ctx.text
    head = text[start:head_end]
    for word in ("ban", "đoàn"):
        if key(head).endswith(" " + word) and (m := g.body.match(text, head_end - len(word))) and m.end() > head_end:
            head_end -= len(word)  # ``Trưởng Ban Dân vận``, ``Trưởng Đoàn kiểm tra``: the body is ``Ban …``, ``Đoàn …``
            head = text[start:head_end].rstrip()
    hk = key(head)
    t = Title(start=start, end=start + len(head), head=g.means.get(hk) or g.expand_text(head),
              kind=g.head_kind.get(hk, "state"), needs_body=hk in g.needs_body, prefix=prefix,
              source=g.head_source.get(hk, ""))
    runs = bool(g.runs_on.search(head))  # ``Trưởng phòng``, ``Chi cục phó`` + ``quản lý …``: the body's name runs on
    if runs and any(m.end() == len(head) for m in g.level.finditer(head)):
        runs = False  # ``Thường trực Ban Bí thư``: a head that ends on a level is closed
    pm = None
    for pm in g.place.finditer(head):
        pass
    state = "place" if pm is not None and pm.end() == len(head) else "head"
    pos = head_end
    parent: tuple[int, str] | None = None  # ``(Sở Tài nguyên - Môi trường TP.HCM)``, ``, Đài PT-TH Gia Lai``
    while True:
        if (parent is None and t.pieces and state != "head" and (m := PARENT.match(text, pos))
                and g.body.match(text, m.end()) and not g.heads.match(text, m.end())
                and ("(" in m.group(0) or not any(p.kind in ("level", "place", "placename") for p in t.pieces))):
            parent = (len(t.pieces), m.group(0).strip())
            state, pos, runs = "head", m.end(), False
            continue
        if t.pieces and state == "body" and g.field_end.search(text, max(0, pos - 30), pos) and (m := g.field_list.match(text, pos)):
            listed = re.sub(r"[ \t]*,[ \t]*", ", ", m.group(0))  # ``Bộ Văn hóa, Thể thao và Du lịch``
            t.pieces[-1].end, t.pieces[-1].text = m.end(), t.pieces[-1].text + listed
            pos = m.end()
            continue
        if t.pieces and (end := comma_pair(ctx, t.pieces[-1].text, pos)):  # ``về phòng, chống tham nhũng``
            t.pieces[-1] = Piece("word", t.pieces[-1].start, end,
                                 t.pieces[-1].text + re.sub(r"[ \t]*,[ \t]*", ", ", text[pos:end], count=1))
            state, pos = "body", end
            continue
        if t.pieces and (m := JOINED.match(text, pos)):  # ``Sở GD-ĐT``: a hyphen without spaces joins
            t.pieces[-1].end, t.pieces[-1].text = m.end(), t.pieces[-1].text + m.group(0)
            pos = m.end()
            continue
        if t.pieces and (m := ACRONYM.match(text, pos)):
            pos = m.end()  # ``Bệnh viện (BV) Bệnh nhiệt đới``: the acronym only re-names the body
            continue
        if (t.pieces and t.pieces[-1].kind == "placename" and (m := DASH.match(text, pos))
                and (n := locality_at(text, ctx.cap_run(m.end())))):  # ``tỉnh Thừa Thiên - Huế``
            run = ctx.cap_run(m.end())
            t.pieces[-1].end, t.pieces[-1].text = run[n - 1][1], f"{t.pieces[-1].text} - {text[run[0][0]:run[n - 1][1]]}"
            pos = run[n - 1][1]
            continue
        if up := higher_place(ctx, t.pieces, pos, head):  # ``huyện Sa Pa, tỉnh Lào Cai``
            t.pieces += [Piece("place", up[0], up[0] + len(up[2]), up[2]), Piece("placename", up[0], up[1], up[3])]
            state, pos, runs = "closed", up[1], False
            continue
        if runs and state == "body" and (m := DASH.match(text, pos)) and not stops(ctx, m.end()):
            t.pieces.append(Piece("word", m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), "-"))
            pos = m.end()  # ``Sở Tài nguyên - Môi trường``, ``Đài phát thanh - truyền hình``
            continue
        q = GAP.match(text, pos).end()
        if q >= len(text) or (q == pos and not text[pos - 1:pos].isspace() and text[pos - 1:pos] not in ".(,"):
            break
        if (t.pieces and state in ("body", "closed", "named", "level") and (m := SYLLABLE.match(text, q))
                and key(m.group(0)) in g.joiners and continues(ctx, GAP.match(text, m.end()).end(), m.end())
                and (key(m.group(0)) != "tại" or text[GAP.match(text, m.end()).end()].isupper())):  # not ``tại hội nghị``
            t.pieces.append(Piece("word", q, m.end(), m.group(0)))  # ``Ủy ban Pháp luật của Quốc hội``
            state, pos = "head", m.end()
            continue
        if (t.pieces and state == "body" and (m := SYLLABLE.match(text, q)) and key(m.group(0)) == "tại"
                and (end := place_after_at(ctx, m.end()))):  # ``Trưởng Văn phòng đại diện tại Đà Lạt``
            t.pieces.append(Piece("word", q, m.end(), m.group(0)))
            t.pieces.append(Piece("placename", GAP.match(text, m.end()).end(), end,
                                  text[GAP.match(text, m.end()).end():end]))
            state, pos = "closed", end
            continue
        if (m := g.abbr.match(text, q)) and g.heads.fullmatch(m.group(0)) and state == "head":
            t.pieces.append(Piece("abbr", q, m.end(), g.expand[m.group(0)]))  # ``Trưởng đoàn ĐBQH``
            state, pos = "body", m.end()
            continue
        if not t.pieces and state == "head" and hk in g.of_person and (end := of_person(ctx, q)):
            t.pieces.append(Piece("word", q, end, text[q:end]))  # ``thư ký của ông Tiến``: an aide of a person
            break
        if (not t.pieces and state == "head" and t.needs_body and runs and text[q].isupper()
                and (m := g.heads.match(text, q)) and g.head_kind.get(key(m.group(0))) == "state"
                and key(m.group(0)) not in g.needs_body):  # ``Trưởng Đoàn Đại biểu Quốc hội``: the members name the body
            t.pieces.append(Piece("body", q, m.end(), m.group(0)))
            state, pos = "body", m.end()
            continue
        if g.heads.match(text, q) or (g.honorific.match(text, q) and not (
                state == "body" and t.pieces[-1].kind == "body" and text[q].isupper())):
            break  # the next title or the next person (``Hội Nhà báo``: a capitalized word names the body)
        upper = text[q].isupper()
        if m := g.level.match(text, q):
            t.pieces.append(Piece("level", q, m.end(), m.group(0)))
            state, pos, runs = "level", m.end(), False
            continue
        if state == "head" and not t.pieces and (m := g.qualifier.match(text, q)):
            t.head = f"{t.head} {m.group(0)}"  # ``Phó Chủ tịch kiêm nhiệm Hội đồng Dân tộc``
            pos = m.end()
            continue
        if not (state == "place" and upper) and (m := g.place.match(text, q)) and ctx.token_end(q) <= m.end():
            t.pieces.append(Piece("place", q, m.end(), m.group(0)))
            state, pos, runs = "place", m.end(), False
            continue
        if m := g.abbr.match(text, q):
            a = m.group(0).rstrip(".")
            full = g.expand.get(a, a)
            t.pieces.append(Piece("abbr", q, m.end(), full))
            kind = g.abbr_kind.get(a, "other")
            state = ("place" if g.place.fullmatch(full) else "closed") if kind == "place" else \
                "level" if g.level.fullmatch(full) else "named" if _named_after(ctx, a, m.end()) else "body"
            pos = m.end()
            gap = 2 if kind == "place" and text.startswith(". ", pos) else 1
            if text.startswith(".", pos) and text[pos + gap:pos + gap + 1].isupper():
                pos += 1  # ``UBND TP.Hà Nội``, ``TP. Hồ Chí Minh``: the abbreviation's dot before the name
            elif state == "body" and g.runs_on.fullmatch(full):
                runs = True  # ``HTX vận tải thủy bộ quận Ô Môn``: an abbreviated open body runs on as written out
            continue
        if (c := g.country.match(text, q)) and state in ("head", "body") and ctx.token_end(q) <= c.end():
            t.pieces.append(Piece("place", q, c.end(), c.group(0)))  # ``Thủ tướng Campuchia Hun Sen``
            after = ACRONYM.match(text, c.end())
            nxt = GAP.match(text, after.end() if after else c.end()).end()
            run = ctx.cap_run(nxt) if nxt > c.end() else []
            if 2 <= len(run) <= 4 and foreign_name(ctx, run):
                t.name = (run[0][0], run[-1][1])
                break
            state, pos, runs = "closed", c.end(), False
            continue
        if (m := g.body.match(text, q)) and (text[q].isupper() or ctx.token_end(q) <= m.end()):  # not ``sở hữu``
            t.pieces.append(Piece("body", q, m.end(), m.group(0)))
            runs = bool(g.runs_on.match(m.group(0)))
            state, pos = "named" if g.named_after.fullmatch(m.group(0)) else "body", m.end()
            end, anchored = open_body_tail(ctx, pos) if key(m.group(0)) in g.open_body else (0, False)
            if end:
                t.pieces.append(Piece("anchored" if anchored else "word", pos + 1, end, text[pos + 1:end]))
                pos = end
            continue
        m = g.org_word.match(text, q)
        if m and (state != "head" or key(m.group(0)) == "nước"):
            nxt = GAP.match(text, m.end()).end()
            if key(m.group(0)) == "và" and not (nxt > m.end() and state == "body" and (text[nxt:nxt + 1].isupper()
                                                 or runs and lower_tail(ctx, nxt)) and not stops(ctx, nxt)):
                break  # ``Sở Tài nguyên và Môi trường``, ``Công ty Môi trường và công trình đô thị``
            t.pieces.append(Piece("word", q, m.end(), m.group(0)))
            state, pos = "body", m.end()
            continue
        if t.pieces and state == "body" and t.pieces[-1].kind == "cap" and (m := NUMBERED.match(text, q)):
            t.pieces.append(Piece("word", q, m.end(), m.group(0)))  # ``Giám đốc KQLGTĐT số 1``
            state, pos = "closed", m.end()
            continue
        if state == "body" and t.pieces[-1].kind in ("body", "cap") and q > pos and (end := unit_number(ctx, q)):
            t.pieces.append(Piece("word", q, end, text[q:end]))  # ``Quân khu 2``, ``Sư đoàn 308``: a unit's number
            state, pos = "closed", end
            continue
        if state == "place" and (m := DIGITS.match(text, q)):
            t.pieces.append(Piece("placename", q, m.end(), m.group(0)))
            state, pos = "closed", m.end()
            continue
        if text[q].islower() and (runs and state in ("head", "body", "named") or state == "head" and not t.pieces and t.needs_body) \
                and (end := lower_tail(ctx, q)) and (runs or joins_on(ctx, end)):
            t.pieces.append(Piece("word", q, end, text[q:end]))  # ``Phòng quản lý chất thải rắn``
            named = state == "named" and t.pieces[-2].kind == "abbr"  # ``Trường THCS bán công Võ Văn Tần``
            state, pos = ("named" if named else "body"), end
            continue
        run = ctx.cap_run(q)
        if run and state in ("head", "body") and (n := locality_at(text, run)):
            if state == "head" and not t.pieces and n >= 3 and g.name_start(run[0][2]):
                t.name = (run[0][0], run[n - 1][1])  # ``Chủ tịch Hồ Chí Minh``: a place named after a person, right
                break  # after a bare head, is the person (``TP Hồ Chí Minh`` has its place word)
            t.pieces.append(Piece("placename", q, run[n - 1][1], text[q:run[n - 1][1]]))  # ``Phó ga Hà Nội``
            state, pos, runs = "closed", run[n - 1][1], False
            continue
        if not run:
            if (m := CAPS.match(text, q)) and state != "closed" and (end := no_digits(text, q, m.end())) > q + 1:
                end = code_number(ctx, q, end) or end  # ``tổng giám đốc PMU 18``
                t.pieces.append(Piece("placename" if state == "place" else "cap", q, end,
                                      ctx.defined.get(text[q:end], text[q:end])))  # ``KQLGTĐT`` defined in the text
                state = "closed" if state == "place" else "body"
                pos = end
                continue
            break
        if key(run[0][2]) in g.clause_words:
            break  # ``Bộ Công thương Trong thời gian …``: a capitalized clause word ends the title
        if (state == "level" and not re.search(r"(?:ủy|uỷ|đoàn)$", key(t.pieces[-1].text)) and len(run) == 2
                and not g.body.match(text, q) and g.name_start(run[0][2]) and valid_name(ctx, run)):
            t.name = (run[0][0], run[-1][1])  # ``… của Quốc hội Vũ Mão``: a national level takes no place name
            break
        if state in ("place", "level"):
            cut = next((i for i in range(1, len(run)) if key(run[i][2]) in g.clause_words), len(run))
            run = run[:cut]  # ``TP Hà Nội Trong quá trình …``: a capitalized clause word ends the place
            k = split_place_name(ctx, run, state == "place")
            place = run if k is None else run[:k]
            if place:
                t.pieces.append(Piece("placename", place[0][0], place[-1][1], text[place[0][0]:place[-1][1]]))
            if k is not None:
                t.name = (run[k][0], run[-1][1])
                break
            state, pos = "closed", place[-1][1]
            continue
        if (state == "head" and not t.pieces and len(run) >= 3 and g.place.search(head)
                and (k := split_place_name(ctx, run, after_place_word=True))):  # ``Tỉnh trưởng Phúc Kiến Vu Vỹ Quốc``
            t.pieces.append(Piece("placename", run[0][0], run[k - 1][1], text[run[0][0]:run[k - 1][1]]))
            t.name = (run[k][0], run[-1][1])
            break
        if state == "head" and key(text[run[0][0]:run[-1][1]]) in g.not_names:
            break
        tok_end = ctx.token_end(q)
        whole = tok_end >= run[-1][1] or run[0][0] in ctx.tok_start
        if state == "named":  # ``Trường ĐH Tôn Đức Thắng``: the name belongs to the organization
            end = no_digits(text, q, max(run[-1][1], ctx.token_end(run[-1][0])))
            t.pieces.append(Piece("cap", q, end, text[q:end]))
            state, pos = ("body" if runs else "closed"), end  # ``Bệnh viện Bệnh nhiệt đới``
            continue
        if state in ("closed", "head") or (whole and g.name_start(run[0][2])):
            if valid_name(ctx, run) and (state == "closed" or whole):
                t.name = (run[0][0], run[-1][1])
                break
            if state == "closed":
                break
        # organization words: whole tokens (``Chính trị``, ``Biên phòng``)
        tok_end = no_digits(text, q, tok_end)
        t.pieces.append(Piece("cap", q, tok_end, text[q:tok_end]))
        state, pos = "body", tok_end
    while t.pieces and t.pieces[-1].kind == "word" and key(t.pieces[-1].text) in ("và", "-", *g.joiners):
        t.pieces.pop()  # a joiner that found nothing to join
    if parent is not None and len(t.pieces) < parent[0]:
        parent = None
    if parent is not None:
        n, mark = parent
        end = t.pieces[-1].end
        closed = re.compile(r"[ \t]*\)").match(text, end) if mark == "(" else None
        if len(t.pieces) <= n or t.name is not None or (closed is None if mark == "(" else not ends_clause(ctx, end)):
            del t.pieces[n:]  # not a parent body: ``…, Hội Nông dân …`` starts something else
            t.name = None
        elif closed:
            t.pieces[-1].end = closed.end()
    if t.pieces:
        t.end = t.pieces[-1].end
    elif t.head != text[start:head_end]:
        t.end = max(t.end, pos)  # a qualifier read after the head
    t.bare_ok = t.name is not None or ends_clause(ctx, t.end)
    for p in t.pieces:
        if p.kind != "abbr":
            p.text = g.expand_text(p.text)
    return t

