"""Completing titles: the body or level a person's title group writes only once, and an open body's name
written in full earlier in the text (split out of :mod:`dvnlp.components.titles`)."""
from __future__ import annotations

import re

from dvnlp.components.title_grammar import grammar, key
from dvnlp.components.body_tails import open_body_tail
from dvnlp.components.titles import Context, Title


def complete(titles: list[Title]) -> None:
    """Give each title of one person's group the body or level written once, on a later title."""
    for i, t in enumerate(titles):
        if _bare_committee(t) or _board(t) or (not t.pieces and t.needs_body and not t.suffix):
            org = next((u for u in titles[i + 1:] if _org_of(u)), None)
            if org is not None and not any(u.has_level for u in titles[i + 1:titles.index(org)]):
                # ``Bí thư Đảng ủy, Phó Tổng giám đốc Tập đoàn Viettel``, ``Phó Chủ tịch, Tổng giám đốc Tập đoàn FLC``,
                # ``Phó Chủ tịch HĐQT, Tổng Giám đốc tập đoàn Sun Group``, ``Bí thư Đảng ủy, Chủ tịch HĐQT Tổng Công ty``
                t.suffix = _org_of(org)
                continue
        if _party_group(t) and (u := next((u for u in titles[i + 1:] if u.pieces and not _bare_committee(u)
                                           and not _party_group(u)), None)) and u.pieces[0].kind in ("body", "abbr"):
            t.suffix = " ".join(p.text for p in u.pieces)  # ``Bí thư Đảng đoàn, Chủ tịch Ủy ban MTTQ tỉnh X``
            continue
        if t.has_level:
            if place := _committee_place(t, titles[i + 1:]):
                t.suffix = place  # ``Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Ninh Thuận``: the province's committee
            continue
        nxt = next((u for u in titles[i + 1:] if u.has_level), None)
        if nxt is None:
            continue
        if t.is_committee_part:
            t.suffix = nxt.committee() or nxt.place_phrase()
        elif not t.pieces:  # ``Phó Chủ tịch, Tổng Thư ký Hội Luật gia Việt Nam``
            t.suffix = " ".join(p.text for p in nxt.pieces) or nxt.committee()
        else:
            t.suffix = nxt.place_phrase()


def complete_committees(titles: list[Title]) -> None:
    """After the bodies named earlier are filled in (``Tổng Giám đốc Trung tâm`` → ``… Trung tâm Phối hợp tìm kiếm cứu
    nạn hàng hải Việt Nam``), a bare Party committee still without its unit takes the organization they name."""
    for i, t in enumerate(titles):
        if _bare_committee(t) and (org := next((u for u in titles[i + 1:] if _org_of(u)), None)):
            t.suffix = _org_of(org)


def complete_from_text(ctx: Context, t: Title) -> None:
    """``Trưởng Ban Chỉ đạo`` → the full name of that body as written earlier in the text; ``đoàn kiểm tra do … A làm
    trưởng đoàn`` → ``trưởng đoàn kiểm tra``."""
    g = grammar()
    if key(t.head) in LEADS and not t.pieces and not t.suffix:
        start = max(ctx.text.rfind(c, 0, t.start) for c in ".!?\n") + 1
        found = list(_LED_GROUP.finditer(ctx.text, start, t.start))
        if found:
            t.suffix = g.expand_text(found[-1].group("name"))
        return
    if t.has_level or not t.pieces or key(t.pieces[-1].text) not in g.open_body:
        return
    written = ctx.text[t.pieces[-1].start:t.pieces[-1].end]
    pat = re.compile(r"(?<![^\W_])" + r"[ \t]+".join(map(re.escape, written.split())) + r"(?![^\W_])", re.IGNORECASE)
    for m in pat.finditer(ctx.text, 0, t.start):
        if end := open_body_tail(ctx, m.end(), lower_start=False)[0]:
            t.suffix = g.expand_text(ctx.text[m.end():end])
            return


def _bare_committee(t: Title) -> bool:
    """``Bí thư Đảng ủy`` (``Chi bộ``) with no unit after it: the Party committee of a body named on a later title."""
    return _lone_piece(t, grammar().party_committees)


def _board(t: Title) -> bool:
    """``Phó Chủ tịch HĐQT`` (``HĐTV``) alone: a title ending on an enterprise's board belongs to the enterprise a later
    title of the group names."""
    return _lone_piece(t, grammar().boards)


def _lone_piece(t: Title, words: frozenset[str]) -> bool:
    """``t`` has one piece, one of ``words`` (folded, from ``bodies.json``), and no completion yet."""
    return len(t.pieces) == 1 and not t.suffix and key(t.pieces[0].text) in words


def _org_of(t: Title) -> str:
    """The organization a title names, for a bare title or board before it: all its pieces, or those after its own
    board (``Chủ tịch HĐQT Tổng Công ty`` → ``Tổng Công ty``); '' when it names none."""
    g = grammar()
    if len(t.pieces) > 1 and not t.suffix and key(t.pieces[0].text) in g.boards:
        return " ".join(p.text for p in t.pieces[1:])
    if len(t.pieces) > 2 and not t.suffix and _LOCAL_BODY.match(t.pieces[0].text) and (k := next(
            (k for k, p in enumerate(t.pieces[1:], 1) if p.kind == "body" and p.text[:1].isupper()
             and key(p.text) in g.org_starts), 0)) and any(p.kind in ("cap", "placename") for p in t.pieces[k + 1:]):
        return " ".join(p.text for p in t.pieces[k:])  # ``Chủ tịch Hội đồng xây dựng giá … Công ty Tân Thuận``
    return " ".join(p.text for p in t.pieces) if _org_body(t) else ""


def _org_body(t: Title) -> bool:
    """A title whose body is an organization named in capitals (``Tập đoàn FLC``, ``Cảng hàng không Đà Nẵng``), not
    the body of an administrative level."""
    if not t.pieces or t.suffix or _LOCAL_BODY.match(t.pieces[0].text) or not (
            t.pieces[0].kind == "body" or t.pieces[0].kind == "abbr" and grammar().body.match(t.pieces[0].text)):
        return False  # ``Bí thư Đảng ủy, Chủ tịch UBND xã X`` is the commune's committee: see :func:`complete`
    words = " ".join(p.text for p in t.pieces).split()
    return any(p.kind in ("cap", "named") or p.text[:1].isupper() for p in t.pieces[1:]) or (
        len(t.pieces) == 1 and any(w[:1].isupper() for w in words[2:]))  # one piece filled from an earlier mention


#: the bodies of an administrative level, which a Party committee shares only through the level or place
_LOCAL_BODY = re.compile(r"(?:Ủy|Uỷ)\s+ban|Hội\s+đồng|(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng)\s+(?:ủy|uỷ)|Mặt\s+trận", re.IGNORECASE)


def _committee_place(t: Title, later: list[Title]) -> str:
    """The place name a Party committee of a level (``Tỉnh ủy``, ``Huyện ủy``) written without one takes from the next
    title of the group that names a place of the same rank (``… huyện Sa Pa, tỉnh Lào Cai`` → ``Sa Pa tỉnh Lào Cai``)."""
    g = grammar()
    if t.suffix or not t.pieces or t.pieces[-1].kind != "level" or not (tier := g.tiers.get(key(t.pieces[-1].text))):
        return ""
    for u in later:
        for k, p in enumerate(u.pieces):
            if p.kind == "abbr" and (pw := g.place.match(p.text)) and 0 < pw.end() < len(p.text) \
                    and g.tiers.get(key(pw.group(0))) == tier:
                return " ".join([p.text[pw.end():].strip(), *(q.text for q in u.pieces[k + 1:])])  # ``UBND TP.HCM``
            if p.kind in ("place", "abbr") and g.tiers.get(key(p.text)) == tier and k + 1 < len(u.pieces) \
                    and u.pieces[k + 1].kind == "placename":
                named = u.pieces[k + 1:] if not u.pieces[k + 1].text.isdigit() else u.pieces[k:]  # ``Quận ủy quận 8``
                return " ".join(q.text for q in named)
        if any(p.kind in ("level", "place") for p in u.pieces):
            return ""  # a title of another level comes first
    return ""


def _party_group(t: Title) -> bool:
    """``Bí thư Đảng đoàn`` alone: a Party group inside a State body or mass organization belongs to the body the next
    title of the group names."""
    return _lone_piece(t, grammar().party_groups)


#: the leader of a delegation (``trưởng đoàn``) and the delegation named before ``do`` in the same sentence
LEADS = frozenset({"trưởng đoàn", "phó trưởng đoàn", "phó đoàn"})
_LED_GROUP = re.compile(r"(?<![^\W_])[Đđ]oàn[ \t]+(?P<name>[^\W\d_]+(?:[ \t]+(?:[^\W\d_]+|\d{1,3})){0,6}?)[ \t]+do[ \t]")
