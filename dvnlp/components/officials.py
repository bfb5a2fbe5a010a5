"""``dvnlp_officials``: named people and every position (chức vụ) the text gives them.

Two patterns link a name to a group of titles (:mod:`dvnlp.components.titles` reads a title):

- ``title_after_name``: ``đồng chí Võ Thanh Hùng – UVBTV, Trưởng Ban Dân vận Tỉnh ủy``, also
  after a comma, hyphen, colon or inside parentheses;
- ``title_before_name``: ``Chủ tịch UBND huyện Bát Xát Hoàng Quốc Khánh`` (the place is split from
  the name by surnames, token boundaries and honorific mentions) or ``…, ông Nguyễn Văn A``.

Honorifics, ranks and academic prefixes are stripped; repeated mentions and back-references
(``ông Điềm``, ``Đ/c Hải Yến``) merge into the first full name. A record is
``{name, titles, mentions, rule}``; ``mentions`` are ``[start, end]`` spans in ``doc.text``.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Component, add_fact, doc_text
from dvnlp.components.title_grammar import GAP, MAX_NAME, grammar, honorifics, is_cap, key
from dvnlp.components.titles import Context, Title, complete, complete_from_text, parse_title, valid_name
from dvnlp.facts.report import Official

_SEP_TITLES = re.compile(r"[ \t]*(?:(?:[,;]|[-–—])?[ \t]*kiêm(?![^\W_])|[,;]|[-–—])?[ \t]*", re.IGNORECASE)
_SEP_NAME = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[,:–—-]|\()[ \t]*$")  # a caption's ``(bìa trái)`` may sit between
_HON_AFTER = re.compile(r"[ \t]*[,–—-][ \t]*")
_TAKES = re.compile(r"(?:[ \t]*[,–—-])?[ \t]+(?:được[ \t]+)?(?:(?:giao|bầu|bổ nhiệm|cử|phân công|điều động)[ \t]+)?"
                    r"(?:làm|giữ chức(?:[ \t]+vụ)?|giữ cương vị|đảm nhiệm|(?:hiện|nay|hiện nay|đồng thời|từng)[ \t]+là|đồng thời|là"
                    r"|từng(?:[ \t]+(?:giữ chức(?:[ \t]+vụ)?|làm|giữ cương vị|đảm nhiệm))?)"
                    r"[ \t]+$", re.IGNORECASE)  # ``ông A (được bầu) giữ chức …``, ``…, hiện là …``
_SIGNATURE = re.compile(r"^(?=[ \t]*(?:(?:TM|T/M|KT|TL|TUQ|Q)\.?[ \t]+(?P<body>[^\n]{2,80})\n)?"
                        r"(?:[ \t]*(?:KT|TL|TUQ|Q)\.?[ \t]+[^\n]{2,60}\n)?[ \t]*(?P<title>[^\n\d]{3,60}?)[ \t]*\n"
                        r"(?:[ \t]*\((?:đã ký|Đã ký|ĐÃ KÝ|ký|Ký)[^)\n]{0,30}\)[ \t]*\n)?(?:[ \t]*\n)*"
                        r"(?P<name>[ \t]*[^\W\d_][^\n\d,.:;()]{3,40}?)[ \t]*$)", re.MULTILINE)  # a lookahead: lines overlap
_PLURAL = re.compile(r"(?<![^\W_])(?:các|những)[ \t]+$", re.IGNORECASE)
_COLON = re.compile(r"[ \t]*:")
_LIST_SEP = re.compile(r"[ \t]*(?:[,;:]|(?<![^\W_])và(?![^\W_]))[ \t]*(?:và[ \t]+)?")
_OWN_TITLE = re.compile(r"[ \t]*[,–—(-][ \t]*")
_LED_WORD = re.compile(r"(?<![^\W_])(?:của|thuộc|đoàn)[ \t]+", re.IGNORECASE)
_LED_TAIL = re.compile(r"(?P<body>[^,.;:()\n“”\"]{3,80}?)[ \t]+do[ \t]+")


def _led_by(text: str, pos: int) -> str:
    """``đoàn công tác của Ban Dân vận Trung ương do Phó Trưởng ban A``, ``đoàn LĐLĐ TPHCM do Chủ tịch A``:
    the body that the position before ``pos`` leads, spelled out, or ''."""
    g, lo = grammar(), max(0, pos - 120)
    for w in reversed(list(_LED_WORD.finditer(text, lo, pos))):
        if (m := _LED_TAIL.fullmatch(text, w.end(), pos)) and (g.body.match(m.group("body")) or g.abbr.match(m.group("body"))):
            return g.expand_text(m.group("body"))
    return ""
_PAST = re.compile(r"(?<![^\W_])từng(?![^\W_])", re.IGNORECASE)
_LIST_CONTEXT = re.compile(r"(?:^|[:;,(\n]|(?<![^\W_])(?:và|có|cùng|gồm))[ \t]*$", re.IGNORECASE)
_QUOTES = re.compile(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")
_KEEP_SPAN = "span" in {f.name for f in fields(Official)}


@dataclass
class Person:
    start: int
    end: int
    key: str
    rule: str
    titles: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # each title as the text writes it
    mentions: set[tuple[int, int]] = field(default_factory=set)

    def add_title(self, title: str, written: str) -> None:
        new = set(key(title).split())
        for i, old in enumerate(self.titles):
            have = set(key(old).split())
            if new <= have:
                return
            if have < new:
                self.titles[i], self.written[i] = title, written
                return
        self.titles.append(title)
        self.written.append(written)


class OfficialsFinder(Component):
    """Finds officials; settings are keyword-only, as in spaCy's own components."""

    fact_type, label = "officials", "OFFICIAL"

    def __init__(self, *, skip_quoted: bool = True, back_references: bool = True, name: str | None = None,
                 on_error: str = "record") -> None:
        super().__init__(name=name, on_error=on_error)
        self.skip_quoted = skip_quoted
        self.back_references = back_references
        grammar()  # load and validate the rules now, not on the first document

    # --- matching -------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        if not grammar().heads.search(text):
            return []  # every official hangs off a title (42% of the bulk corpus has none)
        arr = doc.to_array([IDX, LENGTH]).tolist()
        ctx = Context(text, [(a, a + n) for a, n in arr])
        candidates: list[tuple[int, int, list[Title], str, bool]] = []
        titles = self._titles(ctx)
        for chain in self._chains(ctx, titles):
            self._attach(ctx, chain, candidates)
        candidates.extend(self._signatures(ctx))
        for t in titles:  # ``các Phó Chủ tịch UBTƯ MTTQ Việt Nam: A, B``: each name of the list
            if _PLURAL.search(ctx.text, max(0, t.start - 8), t.start):
                candidates.extend((s, e, [t], "plural_title", False) for s, e in self._list_after(ctx, t))
        people = self._merge(ctx, candidates)
        if self.back_references:
            self._back_references(ctx, people)
        written = _Written(doc)
        return [self._record(ctx, p, written) for p in sorted(people, key=lambda p: min(p.mentions))]

    def _titles(self, ctx: Context) -> list[Title]:
        g, text = grammar(), ctx.text
        quoted = [m.span() for m in _QUOTES.finditer(text)] if self.skip_quoted else []
        out: list[Title] = []
        pos = 0
        while m := g.heads.search(text, pos):
            s, e = m.span()
            pos = e
            j = bisect.bisect_left(quoted, (s, s)) - 1
            if _covered(text, s) or (j >= 0 and quoted[j][1] > s):
                continue  # ``Thường vụ`` inside ``Ban Thường vụ``, a title inside a model's name
            prefix = ""
            if pm := g.prefix.search(text, max(0, s - 12), s):
                prefix = pm.group(0).strip()
                prefix = g.means.get(key(prefix), prefix)  # ``cựu``, ``Cố`` → ``nguyên``
            t = parse_title(ctx, s, e, prefix)
            if prefix:
                t.start = pm.start()
            out.append(t)
            pos = max(pos, t.end, t.name[1] if t.name else 0)
        return out

    @staticmethod
    def _chains(ctx: Context, titles: list[Title]) -> list[list[Title]]:
        chains: list[list[Title]] = []
        for t in titles:
            prev = chains[-1][-1] if chains else None
            if (prev is not None and prev.name is None and prev.end <= t.start
                    and _SEP_TITLES.fullmatch(ctx.text, prev.end, t.start)):
                chains[-1].append(t)
            else:
                chains.append([t])
        return chains

    def _attach(self, ctx: Context, chain: list[Title], out: list) -> None:
        segments: list[list[Title]] = [[]]
        for t in chain:
            segments[-1].append(t)
            if t.name:
                segments.append([])
        for i, seg in enumerate(s for s in segments if s):
            after = seg[-1].name
            before = self._name_before(ctx, seg[0].start) if i == 0 else None
            if before:
                mine = seg[:-1] if after else seg
                out.append((*before[:2], mine, "title_after_name", before[2]))
                if after:
                    out.append((*after, seg[-1:], "title_before_name", False))
            elif after:
                out.append((*after, seg, "title_before_name", False))
            elif name := self._name_after(ctx, seg[-1].end):
                out.append((*name, seg, "title_before_name", True))
            elif i == 0 and out and (link := self._taken_by(ctx, seg[0].start, out[-1])):
                if link[2]:  # ``…, từng là Bí thư Huyện ủy``: a past post
                    for t in seg:
                        t.prefix = t.prefix or "nguyên"
                out.append((link[0], link[1], seg, "title_after_name", True))

    @staticmethod
    def _taken_by(ctx: Context, pos: int, last: tuple) -> tuple[int, int] | None:
        """``bà A, Phó Trưởng Ban …, được giao làm Trưởng Ban tổ chức``: the person of the title group just before."""
        m = _TAKES.search(ctx.text, max(0, pos - 60), pos)
        if not m or not last[2] or not re.fullmatch(r"[ \t]*", ctx.text[last[2][-1].end:m.start()]):
            return None
        return last[0], last[1], bool(_PAST.search(m.group(0)))

    def _name_before(self, ctx: Context, pos: int) -> tuple[int, int, bool] | None:
        """The name right before the separator that opens a title group at ``pos``."""
        m = _SEP_NAME.search(ctx.text, max(0, pos - 50), pos)
        if m:
            return self._name_ending_at(ctx, m.start(), only_honored=False)
        m = _TAKES.search(ctx.text, max(0, pos - 60), pos)
        return self._name_ending_at(ctx, m.start(), only_honored=True) if m else None

    def _name_ending_at(self, ctx: Context, end: int, *, only_honored: bool) -> tuple[int, int, bool] | None:
        g, text = grammar(), ctx.text
        run: list[tuple[int, int, str]] = []
        starts = ctx.syl_end
        p = end
        while p in starts:
            s = starts[p]
            syl = text[s:p]
            if not is_cap(syl):
                break
            run.insert(0, (s, p, syl))
            p = s - 1
            if text[p:s] != " ":
                break
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
        if not honored and self._after_org(ctx, run[0][0]):
            return None
        if not honored and len(run) == 2 and key(text[run[0][0]:run[-1][1]]) not in ctx.honored:
            if not _LIST_CONTEXT.search(text, max(0, run[0][0] - 12), run[0][0]):
                return None  # ``Khu kinh tế mở Chu Lai, …``: a two-syllable run needs a list around it
        return run[0][0], run[-1][1], honored

    @staticmethod
    def _after_org(ctx: Context, pos: int) -> bool:
        """True when the word before ``pos`` is a place word, level, body or title (the run is a place)."""
        g = grammar()
        window = ctx.text[max(0, pos - 40):pos].rstrip(" \t")
        for pat in (g.place, g.level, g.body, g.abbr, g.heads):
            for m in pat.finditer(window):
                if m.end() == len(window) and not (pat is g.heads and g.head_kind.get(key(m.group(0))) == "non_position"):
                    return True  # ``Bác sĩ Trần Tịnh Hiền - phó giám đốc …``: an occupation is no place
        return False

    @staticmethod
    def _name_after(ctx: Context, pos: int) -> tuple[int, int] | None:
        """``Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A``: the name after a title group."""
        g = grammar()
        m = _HON_AFTER.match(ctx.text, pos)
        if not m or not (hm := g.honorific.match(ctx.text, m.end())):
            return None
        run = ctx.cap_run(re.compile(r"[ \t]*").match(ctx.text, hm.end()).end())
        if run and valid_name(ctx, run, honored=True):
            return run[0][0], run[-1][1]
        return None

    @staticmethod
    def _signatures(ctx: Context) -> list[tuple]:
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
            suffix = "" if not body or g.committees.fullmatch(body) or key(body) in g.committee_part else body.capitalize()
            entry = g.head_source.get(key(head), "")
            canonical = entry.split(":", 1)[1] if entry.startswith("titles:") else head.capitalize()
            t = Title(start=m.start("title"), end=m.start("title") + len(head), head=canonical,
                      kind=g.head_kind.get(key(head), "state"), needs_body=False, suffix=suffix, source=entry)
            s = m.start("name") + m.group("name").index(name[0])
            out.append((s, s + len(name), [t], "signature", False))
        return out

    @staticmethod
    def _list_after(ctx: Context, t: Title) -> list[tuple[int, int]]:
        """The names listed after a plural title (the first one, if any, is already ``t.name``)."""
        g, text = grammar(), ctx.text
        if t.name:
            pos = t.name[1]
        elif m := _COLON.match(text, t.end):
            pos = m.start()
        else:
            return []
        names: list[tuple[int, int]] = []
        while m := _LIST_SEP.match(text, pos):
            q = m.end()
            hm = g.honorific.match(text, q)
            q = GAP.match(text, hm.end()).end() if hm else q
            run = ctx.cap_run(q)
            if not run or not valid_name(ctx, run, honored=bool(hm)) or _OWN_TITLE.match(text, run[-1][1]) and \
                    g.heads.match(text, _OWN_TITLE.match(text, run[-1][1]).end()):
                break  # the list ends, or this person has a title of their own
            names.append((run[0][0], run[-1][1]))
            pos = run[-1][1]
        return names

    # --- merging ----------------------------------------------------------------------------
    def _merge(self, ctx: Context, candidates: list) -> list[Person]:
        people: list[Person] = []
        for s, e, titles, rule, honored in sorted(candidates, key=lambda c: c[0]):
            for t in titles:
                if not t.pieces and not t.suffix and t.needs_body:
                    t.suffix = _led_by(ctx.text, t.start)
            complete(titles)
            for t in titles:
                complete_from_text(ctx, t)
            names = [(t.text, " ".join(ctx.text[t.start:t.end].split())) for t in titles  # a bare position
                     if t.kind != "non_position"  # stands when the person is named beside it
                     and (t.pieces or t.suffix or not t.needs_body or len(t.head.split()) > 1 and t.bare_ok)]
            k = key(ctx.text[s:e])
            syls = k.split()
            person = next((p for p in people if p.key == k), None)
            if person is None and (len(syls) == 1 or honored and len(syls) == 2):
                same = [p for p in people if p.key.split()[-len(syls):] == syls and len(p.key.split()) > len(syls)]
                person = same[-1] if same else None
            if person is None:
                if len(syls) < 2 or not names:
                    continue
                source = next((t.source for t in titles if t.kind != "non_position"), "")
                person = Person(s, e, k, f"{rule}/{source}" if source else rule)  # ``title_after_name/titles:Bí thư``
                people.append(person)
            person.mentions.add((s, e))
            for n, w in names:
                person.add_title(n, w)
        return [p for p in people if p.titles]

    def _back_references(self, ctx: Context, people: list[Person]) -> None:
        g, text = grammar(), ctx.text
        if not people:
            return
        full = {" ".join(text[p.start:p.end].split()): p for p in people}
        alts = sorted((r"[ \t]+".join(map(re.escape, n.split())) for n in full), key=len, reverse=True)
        for m in re.finditer(r"(?<![^\W_])(?:" + "|".join(alts) + r")(?![^\W_])", text):
            p = full.get(" ".join(m.group(0).split()))
            if p is not None:
                p.mentions.add(m.span())
        shorts: dict[str, list[Person]] = {}
        for p in people:
            syls = p.key.split()
            for n in (1, 2):
                if len(syls) > n:
                    shorts.setdefault(" ".join(syls[-n:]), []).append(p)
        for m in honorifics(text):
            run = ctx.cap_run(re.compile(r"[ \t]*").match(text, m.end()).end())
            if not run or len(run) > 2:
                continue
            span = (run[0][0], run[-1][1])
            owners = shorts.get(key(text[span[0]:span[1]]), [])
            if owners:
                before = [o for o in owners if o.start <= span[0]]
                (before[-1] if before else owners[0]).mentions.add(span)

    # --- output -----------------------------------------------------------------------------
    @staticmethod
    def _record(ctx: Context, p: Person, written: _Written) -> dict[str, Any]:
        name = " ".join(ctx.text[p.start:p.end].split())
        raw_name = written(p.start, p.end)
        if raw_name and len(raw_name.split()) == len(name.split()):
            name = raw_name
        mentions = sorted(p.mentions)
        return {"name": name, "titles": list(p.titles), "titles_as_written": list(p.written),
                "mentions": [list(s) for s in mentions], "rule": p.rule, "span": list(mentions[0])}

    def set_annotations(self, doc: Doc, records: list[dict[str, Any]]) -> None:
        for record in records:
            add_fact(doc, "officials", record, label="OFFICIAL")
            if not _KEEP_SPAN:
                record.pop("span", None)  # the report's Official has no span; doc.spans keeps it


def _covered(text: str, s: int) -> bool:
    """A body or level written across ``s`` (only the 40 characters before are looked at, not the whole text)."""
    g = grammar()
    for pat in (g.body, g.level):
        for m in pat.finditer(text, max(0, s - 40), s + 80):
            if m.start() >= s:
                break
            if m.end() > s:
                return True
    return False


class _Written:
    """The name as typed in the raw input (tone placement kept, ``Ð`` read as ``Đ``)."""

    def __init__(self, doc: Doc) -> None:
        self.raw = doc._.dvnlp_raw
        self.nt = None

    def __call__(self, start: int, end: int) -> str | None:
        if not self.raw:
            return None
        if self.nt is None:
            from dvnlp.normalize import normalize

            self.nt = normalize(self.raw)
        a, b = self.nt.to_raw(start, end)
        text = unicodedata.normalize("NFC", self.raw[a:b]).replace("\u00d0", "Đ").replace("\u00f0", "đ")
        return " ".join(text.split())


@Language.factory("dvnlp_officials", default_config={"skip_quoted": True, "back_references": True, "on_error": "record"})
def make_officials(nlp: Language, name: str, *, skip_quoted: bool, back_references: bool,
                   on_error: str) -> OfficialsFinder:
    return OfficialsFinder(skip_quoted=skip_quoted, back_references=back_references, name=name, on_error=on_error)
