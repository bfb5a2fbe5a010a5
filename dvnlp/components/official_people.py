"""People for ``dvnlp_officials`` (:mod:`dvnlp.components.officials`): name–title candidates merged
into one :class:`Person` per name, back-references (``ông Điềm``, ``Đ/c Hải Yến``) added as mentions,
and the output record, with the name as typed in the raw input."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from dvnlp.components.body_grammar import complete_from_earlier
from dvnlp.components.official_layouts import led_by
from dvnlp.components.title_completion import LEADS, complete, complete_committees, complete_from_text
from dvnlp.components.title_grammar import grammar, honorifics, key
from dvnlp.components.titles import Context


@dataclass
class Person:
    start: int
    end: int
    key: str
    rule: str
    titles: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # each title as the text writes it
    mentions: set[tuple[int, int]] = field(default_factory=set)
    inferred: dict[str, str] = field(default_factory=dict)  # a title given its body from ``heads_of`` → as written
    stated: set[str] = field(default_factory=set)  # titles written in full somewhere

    def add_title(self, title: str, written: str) -> None:
        """Keep the fullest form of one position: a title whose words are the words of another, in order (``Bí thư
        Tỉnh ủy`` in ``Bí thư Tỉnh ủy Quảng Nam``), is the same post; a set test would also swallow ``Bí thư Tỉnh ủy
        Quảng Nam`` into ``Bí thư Ban cán sự đảng Ủy ban nhân dân tỉnh Quảng Nam``."""
        new = key(title).split()
        for i, old in enumerate(self.titles):
            have = key(old).split()
            if _in_order(new, have):
                return
            if _in_order(have, new):
                self.titles[i], self.written[i] = title, written
                return
        self.titles.append(title)
        self.written.append(written)


def _in_order(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` occurs in ``long``, in the same order, and both open with the same word (``Chủ tịch
    UBND TP Đà Nẵng`` is not ``Phó Chủ tịch UBND TP Đà Nẵng``)."""
    short, long = _unprefixed(short), _unprefixed(long)
    if not short or not long or short[0] != long[0]:
        return False
    it = iter(long)
    return all(w in it for w in short)


def _unprefixed(words: list[str]) -> list[str]:
    """Without a leading prefix (``titles.json`` kind ``prefix``): ``nguyên Tổng Bí thư`` is the post ``Tổng Bí thư``."""
    return words[1:] if words and words[0] in grammar().prefix_words else words


def merge(ctx: Context, candidates: list) -> list[Person]:
    """One person per full name; a one-syllable (or honored two-syllable) mention joins the last
    person whose name ends with it. People without a title are dropped."""
    people: list[Person] = []
    for s, e, titles, rule, honored in sorted(candidates, key=lambda c: c[0]):
        for t in titles:
            if not t.pieces and not t.suffix and t.needs_body:
                t.suffix = led_by(ctx.text, t.start)
        complete(titles)
        for i, t in enumerate(titles):
            complete_from_text(ctx, t)
            complete_from_earlier(ctx, t, last=i == len(titles) - 1)
        complete_committees(titles)
        names = [(t.text, " ".join(ctx.text[t.start:t.end].split())) for t in titles  # a bare position
                 if t.kind != "non_position"  # stands when the person is named beside it
                 and (t.pieces or t.suffix or not t.needs_body or len(t.head.split()) > 1 and t.bare_ok)]
        k = key(ctx.text[s:e])
        syls = k.split()
        person = next((p for p in people if p.key == k), None)
        if person is None and (len(syls) == 1 or honored and len(syls) == 2):
            same = [p for p in people if p.key.split()[-len(syls):] == syls and len(p.key.split()) > len(syls)]
            person = same[-1] if same else None
        if person is None and names and (len(syls) == 1 or honored and len(syls) == 2):
            full = named_before(ctx, syls, s)  # ``ông Lê Xuân Vi …. Năm 1966, ông Vi là đồn trưởng …``
            if full:
                person = Person(*full, key(ctx.text[full[0]:full[1]]), f"later_title/{rule}")
                person.mentions.add(full)
                people.append(person)
        if person is None:
            if len(syls) < 2 or not names:
                continue
            source = next((t.source for t in titles if t.kind != "non_position"), "")
            person = Person(s, e, k, f"{rule}/{source}" if source else rule)  # ``title_after_name/titles:Bí thư``
            people.append(person)
        person.mentions.add((s, e))
        for n, w in names:
            person.add_title(n, w)
        for t in titles:  # a title also written in full elsewhere is stated, not inferred
            if t.inferred and t.text not in person.stated:
                person.inferred[t.text] = t.inferred
            elif not t.inferred:
                person.stated.add(t.text)
                person.inferred.pop(t.text, None)
    for p in people:
        _keep_stated_bodies(p)
    return [p for p in people if p.titles]


def _keep_stated_bodies(p: Person) -> None:
    """A body taken from the paragraph (``Bộ trưởng`` → ``Bộ trưởng Bộ Giao thông vận tải``) is undone when the
    person has a stated post of their own (``Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ``)."""
    g = grammar()
    stated = [t for t in p.titles if t not in p.inferred and not g.heads.fullmatch(t)
              and not key(t).startswith(tuple(LEADS))]  # ``trưởng đoàn công tác``: an ad hoc post, not one's own body
    if not stated:
        return
    for i, t in enumerate(p.titles):
        if t in p.inferred:
            p.titles[i] = p.inferred[t]


def named_before(ctx: Context, syls: list[str], pos: int) -> tuple[int, int] | None:
    """The one full name (3–4 syllables, written after an honorific) that ends with ``syls`` and is written
    before ``pos``: its first span, or None when there is none or more than one."""
    fulls = [n for n in ctx.honored if 3 <= len(n.split()) <= 4 and n.split()[-len(syls):] == syls]
    found = []
    for n in fulls:
        pat = r"(?<![^\W_])" + r"[ \t]+".join(map(re.escape, n.split())) + r"(?![^\W_])"
        if (m := re.compile(pat, re.IGNORECASE).search(ctx.text, 0, pos)) and ctx.text[m.start()].isupper():
            found.append(m.span())
    return found[0] if len(found) == 1 else None


def back_references(ctx: Context, people: list[Person]) -> None:
    """Every later mention of a full name, and honored short mentions (``ông Điềm``), as mentions."""
    text = ctx.text
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


class Written:
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


def record(ctx: Context, p: Person, written: Written) -> dict[str, Any]:
    """The output record of a person: ``{name, titles, titles_as_written, mentions, rule, span}``."""
    name = " ".join(ctx.text[p.start:p.end].split())
    raw_name = written(p.start, p.end)
    if raw_name and len(raw_name.split()) == len(name.split()):
        name = raw_name
    mentions = sorted(p.mentions)
    return {"name": name, "titles": list(p.titles), "titles_as_written": list(p.written),
            "mentions": [list(s) for s in mentions], "rule": p.rule, "span": list(mentions[0])}
