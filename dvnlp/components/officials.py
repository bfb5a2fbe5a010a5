"""``dvnlp_officials``: named people and every position (chức vụ) the text gives them.

Two patterns link a name to a group of titles (:mod:`dvnlp.components.titles` reads a title):

- ``title_after_name``: ``đồng chí Võ Thanh Hùng – UVBTV, Trưởng Ban Dân vận Tỉnh ủy``, also
  after a comma, hyphen, colon or inside parentheses;
- ``title_before_name``: ``Chủ tịch UBND huyện Bát Xát Hoàng Quốc Khánh`` (the place is split from
  the name by surnames, token boundaries and honorific mentions) or ``…, ông Nguyễn Văn A``.

Honorifics, ranks and academic prefixes are stripped; repeated mentions and back-references
(``ông Điềm``, ``Đ/c Hải Yến``) merge into the first full name; a title given only to a short
mention (``ông Vi là đồn trưởng …``) goes to the one honored full name written before it
(rule ``later_title/…``). A record is
``{name, titles, mentions, rule}``; ``mentions`` are ``[start, end]`` spans in ``doc.text``.

The layouts live in :mod:`dvnlp.components.official_layouts` (lists under a heading or a plural title in
:mod:`dvnlp.components.official_lists`), the merging into people in
:mod:`dvnlp.components.official_people`; this module finds the titles, groups them and runs the stage.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import fields
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components import official_careers as careers
from dvnlp.components import official_layouts as layouts
from dvnlp.components import official_lists as lists
from dvnlp.components.base import Component, add_fact, doc_text
from dvnlp.components.official_people import Person, Written, back_references, merge, record
from dvnlp.components.title_grammar import grammar, key
from dvnlp.components.titles import Context, Title, parse_title
from dvnlp.facts.report import Official

__all__ = ["OfficialsFinder", "Person", "make_officials"]

_QUOTES = re.compile(r"“[^”\n]{0,300}”|\"[^\"\n]{0,300}\"")
_KEEP_SPAN = "span" in {f.name for f in fields(Official)}


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
        if not grammar().heads.search(text) and not layouts.names_assembly(text):
            return []  # every official hangs off a title (42% of the bulk corpus has none) or is a deputy
        arr = doc.to_array([IDX, LENGTH]).tolist()
        ctx = Context(text, [(a, a + n) for a, n in arr])
        candidates: list[tuple[int, int, list[Title], str, bool]] = []
        chains = self._chains(ctx, self._titles(ctx))
        for chain in chains:
            self._attach(ctx, chain, candidates)
        candidates.extend(layouts.signatures(ctx))
        candidates.extend(layouts.delegates(ctx))
        own = {c[0].start: c[-1].end for c in chains}
        for chain in chains:  # ``các Phó Chủ tịch UBTƯ MTTQ Việt Nam: A, B``: each name of the list
            if layouts.plural_before(ctx.text, chain[0].start):
                listed = layouts.list_after(ctx, chain[-1], own)
                candidates.extend((s, e, chain, "plural_title", False) for s, e in listed)
                if not listed:  # ``các đồng chí Ủy viên Trung ương Đảng: Bộ trưởng … A; Bộ trưởng … B; …``
                    candidates.extend((s, e, chain, "plural_title", False)
                                      for s, e in lists.titled_items_after(ctx, chain[-1], candidates))
        people = merge(ctx, candidates)
        if self.back_references:
            back_references(ctx, people)
        written = Written(doc)
        records = [record(ctx, p, written) for p in sorted(people, key=lambda p: min(p.mentions))]
        return _add_heading_titles(ctx, records)

    def _titles(self, ctx: Context) -> list[Title]:
        g, text = grammar(), ctx.text
        quoted = [m.span() for m in _QUOTES.finditer(text)] if self.skip_quoted else []
        out: list[Title] = []
        pos = 0
        while m := g.heads.search(text, pos):
            s, e = m.span()
            pos = e
            j = bisect.bisect_left(quoted, (s, s)) - 1
            if text[s:s + 2] == "vụ" and _COMPOUND_BEFORE.search(text, max(0, s - 8), s):
                pos = s + 2  # ``giữ chức vụ Phó Bí thư``: no ``vụ phó`` here, and ``Phó Bí thư`` is read next
                continue
            if layouts.covered(text, s) or (j >= 0 and quoted[j][1] > s):
                continue  # ``Thường vụ`` inside ``Ban Thường vụ``, a title inside a model's name
            prefix = written = ""
            if pm := g.prefix.search(text, max(0, s - 12), s):
                written = pm.group(0).strip()
                prefix = g.means.get(key(written), written)  # ``cựu``, ``Cố`` → ``nguyên``
            t = parse_title(ctx, s, e, prefix)
            if _not_a_position(ctx, t, s, e):
                continue  # ``thành viên của đoàn công tác``: no capitalized body
            if prefix:
                t.start, t.written_prefix = pm.start(), key(written)
            out.append(t)
            pos = max(pos, t.end, t.name[1] if t.name else 0)
        return out

    @staticmethod
    def _chains(ctx: Context, titles: list[Title]) -> list[list[Title]]:
        chains: list[list[Title]] = []
        for t in titles:
            prev = chains[-1][-1] if chains else None
            if (prev is not None and prev.name is None and prev.end <= t.start
                    and (layouts.SEP_TITLES.fullmatch(ctx.text, prev.end, t.start)
                         or layouts.TERM_BETWEEN.fullmatch(ctx.text, prev.end, t.start))):
                chains[-1].append(t)
            else:
                chains.append([t])
        group = grammar().group_prefixes
        for chain in chains:  # ``cố Bí thư Thành ủy Đà Nẵng, Trưởng Ban Nội chính Trung ương A``: a dead person's posts
            if any(t.written_prefix in group for t in chain):
                for t in chain:
                    t.prefix = t.prefix or "nguyên"
        return chains

    @staticmethod
    def _attach(ctx: Context, chain: list[Title], out: list) -> None:
        segments: list[list[Title]] = [[]]
        for t in chain:
            segments[-1].append(t)
            if t.name:
                segments.append([])
        for i, seg in enumerate(s for s in segments if s):
            after = seg[-1].name
            before = layouts.name_before(ctx, seg[0].start) if i == 0 else None
            if before:
                mine = seg[:-1] if after else seg  # ``bổ nhiệm A làm …``: the layout names its rule
                if careers.career_before(ctx.text, seg[0].start):
                    for t in mine:
                        t.prefix = t.prefix or "nguyên"  # ``… từng trải qua các chức vụ: …``: past posts
                out.append((*before[:2], mine, before[3] if len(before) > 3 else "title_after_name", before[2]))
                if after:
                    out.append((*after, seg[-1:], "title_before_name", False))
            elif after:
                out.append((*after, seg, "title_before_name", False))
            elif i == 0 and (held := careers.during_post(ctx, seg)):
                for t in seg:
                    t.prefix = t.prefix or "nguyên"  # ``Trong thời gian giữ cương vị A, B, bà …``: past posts
                out.append((*held, seg, "title_after_name", True))
            elif i == 0 and (held := careers.removed_from(ctx, seg)):
                out.append((*held[:2], seg, "removed_from", held[2]))  # ``cách chức A và B đối với ông C``
            elif name := layouts.name_after(ctx, seg[-1].end, single=len(seg) == 1):
                out.append((*name, seg, "title_before_name", True))
            elif i == 0 and out and (link := layouts.named_by_title(ctx, seg, out[-1])):
                out.append((*link[:2], seg, "title_after_name", link[2]))
            elif i == 0 and out and (link := layouts.taken_by(ctx, seg[0].start, out[-1])):
                if link[2]:  # ``…, từng là Bí thư Huyện ủy``: a past post
                    for t in seg:
                        t.prefix = t.prefix or "nguyên"
                out.append((link[0], link[1], seg, "title_after_name", True))

    # --- output -----------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, records: list[dict[str, Any]]) -> None:
        for rec in records:
            add_fact(doc, "officials", rec, label="OFFICIAL")
            if not _KEEP_SPAN:
                rec.pop("span", None)  # the report's Official has no span; doc.spans keeps it


def _add_heading_titles(ctx: Context, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``I- ỦY VIÊN CHÍNH THỨC`` + ``1. Hoàng Tuấn Anh, Phó Tổng Cục trưởng …``: the heading's title goes first to
    every name that opens an item of its list; a listed name no other layout found gets the heading's title alone
    (rule ``list_heading``)."""
    for start, end, title, as_written in lists.heading_lists(ctx):
        for s, e in lists.heading_items(ctx, start, end):
            rec = next((r for r in records if any(a <= s < b for a, b in r["mentions"])), None)
            if rec is None:
                name = " ".join(ctx.text[s:e].split())
                rec = next((r for r in records if key(r["name"]) == key(name)), None)
            if rec is None:
                rec = {"name": " ".join(ctx.text[s:e].split()), "titles": [], "titles_as_written": [],
                       "mentions": [[s, e]], "rule": f"list_heading/titles:{title}", "span": [s, e]}
                records.append(rec)
            if key(title) not in {key(t) for t in rec["titles"]}:
                rec["titles"].insert(0, title)
                rec["titles_as_written"].insert(0, as_written)
    return sorted(records, key=lambda r: r["mentions"][0])


def _not_a_position(ctx: Context, t: Title, s: int, e: int) -> bool:
    """A head that ``titles.json`` allows only before a body written with a capital (``named_body``) without one."""
    g, hk = grammar(), key(ctx.text[s:e])
    return hk in g.named_body and not (t.pieces and t.pieces[0].kind in ("body", "abbr", "cap")
                                       and t.pieces[0].text[:1].isupper())


#: the first syllable of a word ending in ``vụ`` (``chức vụ``, ``nhiệm vụ``): the ``vụ`` after it opens no ``vụ phó``
_COMPOUND_BEFORE = re.compile(r"(?<![^\W_])(?:chức|nhiệm|phục|dịch|nghĩa|thời|sự|công)[ \t]$", re.IGNORECASE)


@Language.factory("dvnlp_officials", default_config={"skip_quoted": True, "back_references": True, "on_error": "record"})
def make_officials(nlp: Language, name: str, *, skip_quoted: bool, back_references: bool,
                   on_error: str) -> OfficialsFinder:
    return OfficialsFinder(skip_quoted=skip_quoted, back_references=back_references, name=name, on_error=on_error)
