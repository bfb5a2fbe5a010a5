"""The title grammar's compiled rules: heads, place words, levels, organization words, honorifics.

Everything comes from rule data (``titles.json``, ``honorifics.json``, ``ethnic_names.json``, ``lexicon.json``,
``abbreviations.json``), is compiled once by :func:`grammar`, and word lists become
trie-shaped regexes (:func:`dvnlp.segment.patterns.word_alternation`). The parser that uses
them is :mod:`dvnlp.components.titles`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import word_alternation

SYLLABLE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
GAP = re.compile(r"[ \t]*")
CAPS = re.compile(r"[A-ZĐ][A-ZĐ0-9]{1,9}(?![^\W_])")
DIGITS = re.compile(r"\d{1,4}(?![\d/.,]\d)")
JOINED = re.compile(r"-[A-ZĐ][A-ZĐ&]*(?![^\W_])|-[^\W\d_]+")
MAX_NAME = 5  # syllables
CHIEF_FORMS = ("{h} trưởng", "{h} phó", "Phó {h} trưởng", "Trưởng {h}", "Phó Trưởng {h}", "Phó {h}")


def _alternation(words, *, ignore_case: bool = True) -> re.Pattern[str]:
    body = word_alternation(words, ignore_case=ignore_case)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", flags)


def _heads(titles: list[str], not_after: dict[str, list[str]]) -> re.Pattern[str]:
    """The heads, each a whole word; a head with ``not_after`` words does not match right after one of them
    (``Công ty TNHH Một thành viên``)."""
    guards = [rf"(?:{'|'.join(rf'(?<={re.escape(w)}[ ])' for w in words)}){r'[ ]+'.join(map(re.escape, t.split()))}"
              rf"(?![^\W_])" for t, words in not_after.items()]
    body = word_alternation(titles)
    return re.compile(rf"(?<![^\W_])" + (rf"(?!{'|'.join(guards)})" if guards else "") + rf"(?:{body})(?![^\W_])",
                      re.IGNORECASE)


def key(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_cap(syl: str) -> bool:
    """A capitalized name syllable: ``Tuấn``, ``Y``, ``H'Xuân``, ``K'Ho`` (not ``UBND``)."""
    if not syl or not syl[0].isupper():
        return False
    head, _, tail = syl.replace("’", "'").partition("'")
    if tail:
        return len(head) <= 2 and head.isupper() and (tail[0].isupper() or tail.islower())
    return len(syl) == 1 or syl[1:].islower()


@dataclass(frozen=True)
class Grammar:
    heads: re.Pattern[str]
    head_kind: dict[str, str]
    head_source: dict[str, str]  # the rule entry a head comes from: ``titles:Phó Chủ tịch``, ``bodies:Cục``
    needs_body: frozenset[str]
    prefix: re.Pattern[str]
    prefix_words: frozenset[str]  # the prefixes, folded (``nguyên``, ``tân``, ``cố`` …): they do not change the post
    group_prefixes: frozenset[str]  # prefixes that make every post of the group past (``cố``: the late …)
    place: re.Pattern[str]
    committee_of: dict[str, str]
    tiers: dict[str, int]  # a place word or its Party committee, folded → its rank (``tỉnh``: 5 … ``thôn``: 1)
    party_committees: frozenset[str]  # bodies.json, folded: ``đảng ủy``, ``chi bộ`` (bare, they take a later title's unit)
    party_groups: frozenset[str]  # bodies.json, folded: ``đảng đoàn``, ``ban cán sự đảng``
    boards: frozenset[str]  # bodies.json, folded: an enterprise's boards (``hội đồng quản trị``, ``ban kiểm soát``)
    delegates: dict[str, str]  # titles.json ``delegate``, folded → the post (``đại biểu`` → ``Đại biểu Quốc hội``)
    org_starts: frozenset[str]  # titles.json ``org_start``, folded: the words that open an organization's name
    named_body: frozenset[str]  # heads that stand only before a body written with a capital (``Thành viên``)
    level: re.Pattern[str]
    committees: re.Pattern[str]
    committee_part: frozenset[str]
    open_body: frozenset[str]
    body: re.Pattern[str]
    org_word: re.Pattern[str]
    named_after: re.Pattern[str]
    abbr: re.Pattern[str]
    expand: dict[str, str]
    abbr_kind: dict[str, str]
    honorific: re.Pattern[str]
    surnames: frozenset[str]
    name_prefixes: frozenset[str]
    not_names: frozenset[str]
    clause_words: frozenset[str]  # words that open a clause, never a name's last syllable (``Trong``)
    clan_first: frozenset[str]  # ethnic_names.json: clan names written first (``ksor``, ``nay``), casefolded
    ethnic_prefixes: frozenset[str]  # ethnic_names.json: apostrophe prefixes (``H'``)
    heads_of: dict[str, tuple[str, ...]]  # position → the body heads it leads (``hiệu trưởng`` → ``Trường``, ``CĐ`` …)
    means: dict[str, str]
    runs_on: re.Pattern[str]
    boundary: re.Pattern[str]
    joiners: frozenset[str]
    country: re.Pattern[str]
    qualifier: re.Pattern[str]
    appointed: re.Pattern[str]  # ``bổ nhiệm `` before a name (group ``verb``): the appointment verbs
    appoint_as: re.Pattern[str]  # `` làm `` / `` giữ chức `` between the appointed name and the post
    field_end: re.Pattern[str]  # a field word ending a body's name so far (``Bộ Văn hóa``)
    field_list: re.Pattern[str]  # ``, Thể thao và Du lịch``: more fields, the last after ``và``
    appoint_verbs: dict[str, str]  # an appointment verb, folded → its rule entry
    of_person: frozenset[str]  # heads that serve a person (``thư ký của ông Tiến``)

    def expand_text(self, text: str) -> str:
        """Spell out abbreviations (``UBND``, ``MTTQ VN``) and fold spaces."""
        text = self.abbr.sub(lambda m: self.expand.get(m.group(0).rstrip("."), m.group(0)), text)
        return " ".join(text.split())

    def ethnic_start(self, syl: str) -> bool:
        """``syl`` opens an ethnic-minority name that no place name starts with: a clan name written first
        (``Ksor``, ``Nay``) or an apostrophe prefix (``H'Xuân``), by ``ethnic_names.json``."""
        syl = syl.replace("’", "'")
        return syl.casefold() in self.clan_first or ("'" in syl and syl.split("'")[0] + "'" in self.ethnic_prefixes)

    def name_start(self, syl: str) -> bool:
        """``syl`` can open a person's name (surname or ethnic prefix)."""
        if "'" in syl.replace("’", "'"):
            return syl.replace("’", "'").split("'")[0] + "'" in self.name_prefixes
        low = syl.casefold()
        return low in self.surnames or syl in self.name_prefixes or _retoned(low) in self.surnames


@cache
def grammar() -> Grammar:
    titles = load_rules("titles").entries
    by_kind: dict[str, list[dict]] = {}
    for e in titles:
        by_kind.setdefault(e.get("kind", "state"), []).append(e)
    words = lambda *kinds: [e["title"] for k in kinds for e in by_kind.get(k, [])]  # noqa: E731
    grammar_kinds = {"prefix", "place", "level", "committee_part", "open_body", "org_start", "org_word", "named_after",
                     "appoint_verb", "appoint_as", "delegate"}
    head_entries = [e for e in titles if e.get("kind", "state") not in grammar_kinds]
    bodies = load_rules("bodies").entries
    bk: dict[str, list[str]] = {}
    for e in bodies:
        bk.setdefault(e["kind"], []).append(e["word"])
    have = {key(e["title"]) for e in head_entries}
    for e in bodies:  # ``cục phó``, ``Đội trưởng``, ``Phó ga``: positions made from the body word
        if e["kind"] == "chief_body":
            for form in e.get("forms", CHIEF_FORMS):
                title = form.replace("{h}", e["word"].lower())
                if key(title) not in have:
                    have.add(key(title))
                    head_entries.append({"title": title, "kind": "state", "needs_body": True, "source": f"bodies:{e['word']}"})
    # tokenized text spaces ``&`` out (``Bộ NN & PTNT``): each ``&`` abbreviation is read in that form too
    abbrs = list(load_rules("abbreviations").entries)
    abbrs += [{**e, "abbr": e["abbr"].replace("&", " & ")} for e in abbrs if "&" in e["abbr"]]
    expand = {e["abbr"]: e["expansion"] for e in abbrs}
    hons = load_rules("honorifics").entries
    hk: dict[str, list[str]] = {}
    for e in hons:
        hk.setdefault(e.get("kind", "honorific"), []).append(e["word"])
    ethnic = load_rules("ethnic_names").entries  # clan names written first open a name, like surnames
    hk.setdefault("surname", []).extend(e["word"].split()[0] for e in ethnic if e["kind"] == "clan_first")
    hk.setdefault("name_prefix", []).extend(e["word"] for e in ethnic if e["kind"] == "prefix")
    lex_bodies = [e["term"] for e in load_rules("lexicon").entries if e["kind"] == "body"]
    prefix_words = [w for k in ("honorific", "rank", "academic", "religious", "elder") for w in hk.get(k, [])]
    dotted = [w for w in prefix_words if w.isalpha() and w[:1].isupper() and not w[1:].islower()]  # ``GS.``
    hon_alts = (f"{word_alternation(set(prefix_words) - set(dotted))}|(?:{word_alternation(dotted)})\\.?"
                if dotted else word_alternation(prefix_words))
    committee_words = [w for w in words("level") if w.casefold().endswith(" ủy") or w.casefold() == "đảng ủy"] + ["Đảng ủy"]
    return Grammar(
        heads=_heads([e["title"] for e in head_entries],
                     {e["title"]: e["not_after"] for e in head_entries if e.get("not_after")}),
        head_kind={key(e["title"]): e.get("kind", "state") for e in head_entries},
        head_source={key(e["title"]): e.get("source", f"titles:{e['title']}") for e in head_entries},
        needs_body=frozenset(key(e["title"]) for e in head_entries if e.get("needs_body")),
        prefix=re.compile(rf"(?<![^\W_])(?:{'|'.join(map(re.escape, words('prefix')))})[ \t]+$", re.IGNORECASE),
        prefix_words=frozenset(key(w) for w in words("prefix")),
        group_prefixes=frozenset(key(e["title"]) for e in by_kind.get("prefix", []) if e.get("whole_group")),
        place=_alternation(words("place")),
        committee_of={key(e["title"]): e["committee"] for e in by_kind.get("place", []) if "committee" in e},
        tiers={k: e["tier"] for e in by_kind.get("place", []) if "tier" in e
               for k in (key(e["title"]), key(e.get("committee", e["title"])))},
        level=_alternation(words("level")),
        committees=_alternation(committee_words),
        committee_part=frozenset(key(w) for w in words("committee_part")),
        party_committees=frozenset(key(w) for w in bk.get("party_committee", [])),
        party_groups=frozenset(key(w) for w in bk.get("party_group", [])),
        boards=frozenset(key(w) for w in bk.get("board", [])),
        delegates={key(e["title"]): e["means"] for e in by_kind.get("delegate", [])},
        org_starts=frozenset(key(w) for w in words("org_start")),
        named_body=frozenset(key(e["title"]) for e in head_entries if e.get("named_body")),
        open_body=frozenset(key(w) for w in words("open_body")),
        body=_alternation(lex_bodies + words("committee_part", "open_body", "org_start", "named_after") + bk.get("open_body", [])
                          + bk.get("board", [])),  # ``Hội đồng Thành viên``: a board is one body, in either case
        org_word=_alternation(words("org_word")),
        named_after=_alternation(words("named_after")),
        abbr=re.compile(r"(?<![^\W_])(?:(?:" + "|".join(sorted(map(re.escape, expand), key=len, reverse=True))
                        + r")(?![^\W_])|(?:TP|TX|TT)\.(?=[ \t]*[A-ZĐ]))"),  # ``TP.HCM`` whole before ``TP.`` + name
        expand=expand,
        abbr_kind={e["abbr"]: e.get("kind", "other") for e in abbrs},
        honorific=re.compile(rf"(?<![^\W_])(?:{hon_alts})(?![^\W_])", re.IGNORECASE),
        surnames=frozenset(w.casefold() for w in hk.get("surname", [])),
        name_prefixes=frozenset(hk.get("name_prefix", [])),
        not_names=frozenset(w.casefold() for w in hk.get("not_name", [])),
        clause_words=frozenset(w.casefold() for w in hk.get("clause_word", [])),
        clan_first=frozenset(e["word"].casefold() for e in ethnic if e["kind"] == "clan_first" and " " not in e["word"]),
        ethnic_prefixes=frozenset(e["word"] for e in ethnic if e["kind"] == "prefix" and e["word"].endswith("'")),
        heads_of={key(e["title"]): tuple(e["heads_of"]) for e in head_entries if e.get("heads_of")},
        means={key(e["title"]): e["means"] for e in [*titles, *head_entries] if "means" in e},
        runs_on=_alternation(bk.get("open_body", []) + bk.get("chief_body", [])),
        boundary=_alternation(bk.get("boundary", [])),
        joiners=frozenset(key(w) for w in bk.get("joiner", [])),
        country=_alternation(bk.get("country", []), ignore_case=False),
        qualifier=_alternation(bk.get("qualifier", [])),
        appointed=re.compile(rf"(?<![^\W_])(?P<verb>{word_alternation(words('appoint_verb'))})[ \t]+$", re.IGNORECASE),
        appoint_verbs={key(w): w for w in words("appoint_verb")},
        of_person=frozenset(key(e["title"]) for e in head_entries if e.get("of_person")),
        field_end=re.compile(rf"(?<![^\W_])(?:{word_alternation(bk.get('field', []))})$", re.IGNORECASE),
        field_list=re.compile(rf"(?:[ \t]*,[ \t]*(?:{word_alternation(bk.get('field', []))})(?![^\W_]))*[ \t]*,?[ \t]*"
                              rf"và[ \t]+(?:{word_alternation(bk.get('field', []))})(?![^\W_])", re.IGNORECASE),
        appoint_as=re.compile(rf"[ \t]+(?:{word_alternation(words('appoint_as'))})[ \t]+$", re.IGNORECASE),
    )


_TONE_OF = {"ò": "à", "ó": "á", "ỏ": "ả", "õ": "ã", "ọ": "ạ"}


def _retoned(syl: str) -> str:
    """``hòang`` → ``hoàng``: the tone mark typed on the wrong vowel of ``oa`` (old keyboards)."""
    m = re.search(r"([òóỏõọ])a", syl)
    return syl[:m.start()] + "o" + _TONE_OF[m.group(1)] + syl[m.end():] if m else syl


@cache
def localities() -> frozenset[str]:
    """Names of provinces and wards (``hà nội``, ``đà nẵng``) from the ``vietnam-provinces`` gazetteer, lower-cased,
    without the unit word, and the pre-2025 provinces it no longer lists (``former_units.json``); read on first use.
    Wards whose name opens like a person's (``Lê Lợi``) are left out."""
    import json
    from importlib.util import find_spec
    from pathlib import Path

    former = frozenset(n.casefold() for e in load_rules("former_units").entries  # pre-2025 provinces the gazetteer
                       for n in (e["name"], *e.get("aliases", ())))   # dropped (``Quảng Nam``, ``Bình Định``)
    spec = find_spec("vietnam_provinces")  # the data file only: importing the package builds 3,000 enum members
    if spec is None or not spec.submodule_search_locations:  # a dependency; without it the rules alone still work
        return former
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "flat-divisions.json"
    unit = re.compile(r"^(?:thành phố|tp\.?|tỉnh|phường|xã|đặc khu|thị trấn)\s+", re.IGNORECASE)
    names: set[str] = set()
    g = grammar()
    for ward in json.loads(data.read_text(encoding="utf-8")):
        names.add(unit.sub("", ward["province_name"]).casefold())
        name = unit.sub("", ward["name"])
        if not name[:1].isdigit() and not g.name_start(name.split()[0]):
            names.add(name.casefold())
    return frozenset(names) | former


def locality_at(text: str, run: list[tuple[int, int, str]]) -> int:
    """How many syllables of the capitalized ``run`` name a known locality (longest first), or 0."""
    places = localities()
    for n in range(min(len(run), 4), 0, -1):
        if key(text[run[0][0]:run[n - 1][1]]) in places:
            return n
    return 0


#: a capitalized syllable and one space just before a position (inside a name)
_CAP_BEFORE = re.compile(r"(?<![^\W_])[A-ZĐ][^\W\d_]* $")


def honorifics(text: str) -> Iterator[re.Match[str]]:
    """The honorific matches of ``text`` (``ông``, ``Đồng chí``, ``anh``), leaving out a capitalized
    one right after a name syllable: in ``Phan Anh Tuấn`` "Anh" is a middle name."""
    for m in grammar().honorific.finditer(text):
        if m.group(0)[:1].isupper() and _CAP_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield m
