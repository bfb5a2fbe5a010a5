"""Load and validate the rule data files shipped in :mod:`dvnlp.rules`.

Every file is JSON: ``{"name": ..., "description": ..., "entries": [...]}``. Each kind of file
declares its required and optional keys below; an unknown key, a missing key or a value of the
wrong type is rejected by name (a :class:`~dvnlp.errors.RuleError` naming file and entry), so
a typo in a rule never silently disables it. Files are read with :mod:`importlib.resources`,
so they work from a wheel, an editable install or a zip.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from dvnlp.errors import RuleError

# kind of file -> (required keys with types, optional keys with types)
SCHEMAS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "abbreviations": ({"abbr": str, "expansion": str}, {"kind": str, "note": str}),
    "lexicon": ({"term": str, "kind": str}, {"note": str}),
    "titles": ({"title": str}, {"kind": str, "needs_body": bool, "committee": str, "means": str, "heads_of": list,
                                "of_person": bool, "tier": int, "whole_group": bool, "named_body": bool,
                                "not_after": list, "note": str}),
    "bodies": ({"word": str, "kind": str}, {"forms": list, "note": str}),
    "honorifics": ({"word": str}, {"kind": str, "note": str, "means": str}),
    "document_kinds": ({"code": str, "name": str}, {"style": str, "aliases": list, "abbreviations": list,
                                                    "compatible_codes": list, "generic": bool, "common_word": bool,
                                                    "note": str}),
    "issuers": ({"code": str, "name": str}, {"text_only": bool, "local": bool, "city_form": str, "note": str}),
    "boilerplate": ({"id": str, "pattern": str}, {"description": str}),
    "fields": ({"field": str, "keywords": list}, {"labels": list, "note": str}),
    "units": ({"noun": str}, {"kind": str, "note": str, "value": (int, float)}),
    "ethnic_names": ({"word": str, "kind": str}, {"people": str, "means": str, "note": str}),
    "former_units": ({"name": str, "kind": str}, {"until": str, "aliases": list, "note": str}),
}
ETHNIC_KINDS = ("clan_first", "clan_last", "prefix", "confusion")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?: [^\W\d_]+)*")
BODY_KINDS = ("chief_body", "open_body", "boundary", "joiner", "country", "qualifier", "field", "party_committee",
              "party_group", "board")
#: the word lists of ``units.json``; an entry of another kind would be read by no component
UNIT_KINDS = (
    "multiplier", "time", "blocker_before", "name_before", "stop", "qualifier", "period", "number_digit",
    "number_ten", "number_tens", "number_scale", "number_zero", "number_fraction", "qualifier_words",
    "verb", "not_a_number", "counted", "street", "capitalized_noun", "year_before", "any_noun",
    "noun_prefix", "detail_cue", "stop_prefix", "currency", "apposed_name", "name_before_capitalized",
    "quantity_so", "rating", "measure", "year_word_before", "year_noun_after"
)
#: rule files whose every entry has a ``kind`` from a fixed list (another would be read by no component)
KINDS = {"bodies": BODY_KINDS, "units": UNIT_KINDS, "ethnic_names": ETHNIC_KINDS, "former_units": ("province",)}
#: rule files where only one kind carries ``means`` (an OCR confusion: what the misread letters stand for)
MEANS_KIND = {"honorifics": "ocr_confusion", "ethnic_names": "confusion"}
FILES = {kind: f"{kind}.json" for kind in SCHEMAS}
#: rules that are not package files but travel with a saved pipeline (validated the same way)
COMPONENT_SCHEMAS: dict[str, tuple[dict[str, type], dict[str, type]]] = {
    "lexicon_patterns": ({"label": str, "pattern": str, "id": str}, {"exact": bool}),
}


@dataclass(frozen=True)
class RuleSet:
    """One validated rule file: its kind, the resource it came from and its entries."""

    kind: str
    resource: str
    entries: tuple[dict[str, Any], ...]


def validate(kind: str, data: Any, resource: str) -> RuleSet:
    """Check ``data`` against the schema of ``kind``; raise :class:`RuleError` naming the problem."""
    schemas = {**SCHEMAS, **COMPONENT_SCHEMAS}
    if kind not in schemas:
        raise RuleError(resource, f"unknown rule kind {kind!r}; known: {', '.join(sorted(schemas))}")
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise RuleError(resource, "expected an object with an 'entries' list")
    extra = set(data) - {"name", "description", "entries", "source"}
    if extra:
        raise RuleError(resource, f"unknown top-level key(s): {', '.join(sorted(extra))}")
    required, optional = schemas[kind]
    entries = []
    for i, entry in enumerate(data["entries"]):
        where = f"entry {i}"
        if not isinstance(entry, dict):
            raise RuleError(resource, f"{where}: expected an object, got {type(entry).__name__}")
        for key, typ in required.items():
            if key not in entry:
                raise RuleError(resource, f"{where}: missing key {key!r}")
        for key, value in entry.items():
            typ = required.get(key) or optional.get(key)
            if typ is None:
                raise RuleError(resource, f"{where}: unknown key {key!r} (allowed: {', '.join([*required, *optional])})")
            if not isinstance(value, typ):
                wanted = " or ".join(t.__name__ for t in typ) if isinstance(typ, tuple) else typ.__name__
                raise RuleError(resource, f"{where}: {key!r} must be {wanted}, got {type(value).__name__}")
        if kind == "units" and str(entry.get("kind", "")).startswith("number_") and "value" not in entry:
            raise RuleError(resource, f"{where} ({entry['noun']}): a number word needs a 'value'")
        label = f"{where} ({entry[next(iter(required))]!r})" if required else where
        if kind in KINDS and entry.get("kind") not in KINDS[kind]:
            raise RuleError(resource, f"{label}: unknown kind {entry.get('kind')!r} (allowed: {', '.join(KINDS[kind])})")
        if kind in MEANS_KIND and (entry.get("kind") == MEANS_KIND[kind]) != ("means" in entry):
            one = f"{'an' if MEANS_KIND[kind][0] in 'aeiou' else 'a'} {MEANS_KIND[kind]}"
            raise RuleError(resource, f"{label}: 'means' belongs to {one}, and {one} needs one")
        if kind == "bodies" and any("{h}" not in f for f in entry.get("forms", [])):
            raise RuleError(resource, f"{where} ({entry['word']}): every form must contain {{h}}")
        if kind == "titles" and not all(isinstance(w, str) and w.strip() for w in entry.get("heads_of", ["x"])):
            raise RuleError(resource, f"{where} ({entry['title']}): 'heads_of' must list body heads (non-empty strings)")
        if kind == "boilerplate":
            try:
                re.compile(entry["pattern"])
            except re.error as exc:
                raise RuleError(resource, f"{where} ({entry['id']}): bad pattern: {exc}") from None
        if kind in ("document_kinds", "issuers"):
            _check_codes(entry, resource, where, [e["code"] for e in entries])
        if kind == "ethnic_names":
            _check_ethnic(entry, resource, where, entries)
        entries.append(entry)
    return RuleSet(kind=kind, resource=resource, entries=tuple(entries))


def _check_codes(entry: dict[str, Any], resource: str, where: str, seen: list[str]) -> None:
    """A document kind or issuer code: non-empty, no spaces, unique; list values are non-empty strings."""
    code = entry["code"]
    if not code.strip() or any(c.isspace() for c in code):
        raise RuleError(resource, f"{where}: code {code!r} must be non-empty and hold no spaces")
    if code in seen:
        raise RuleError(resource, f"{where}: duplicate code {code!r}")
    for key in ("aliases", "abbreviations", "compatible_codes"):
        bad = [v for v in entry.get(key, []) if not isinstance(v, str) or not v.strip()]
        if bad:
            raise RuleError(resource, f"{where} ({code}): {key!r} must hold non-empty strings, got {bad!r}")


def _check_ethnic(entry: dict[str, Any], resource: str, where: str, seen: list[dict[str, Any]]) -> None:
    """An ethnic name word (its kind and ``means`` are checked by :func:`validate`): a name word capitalized letters
    (syllables one space apart), a prefix one capital with or without an apostrophe, a confusion a non-empty ``word``
    and a different ``means``; no repeats."""
    word, kind = entry["word"], entry["kind"]
    label = f"{where} ({word!r})"
    if kind == "confusion":
        if not word.strip() or not entry["means"].strip() or word == entry["means"]:
            raise RuleError(resource, f"{label}: a confusion needs a non-empty word and a different 'means'")
    elif kind == "prefix":
        if not re.fullmatch(r"[A-ZĐ]'?", word):
            raise RuleError(resource, f"{label}: a prefix is one capital letter, with or without an apostrophe")
    elif not _NAME_WORD.fullmatch(word) or not all(s[:1].isupper() for s in word.split()):
        raise RuleError(resource, f"{label}: a name word is capitalized letters, syllables one space apart")
    if any(e["word"] == word and e["kind"] == kind and e.get("means") == entry.get("means") for e in seen):
        raise RuleError(resource, f"{label}: repeated {kind}")


@cache
def load_rules(kind: str) -> RuleSet:
    """The validated rule set of ``kind`` shipped with dvnlp (read once per process)."""
    if kind not in FILES:
        raise RuleError(kind, f"unknown rule kind; known: {', '.join(sorted(FILES))}")
    resource = f"dvnlp/rules/{FILES[kind]}"
    try:
        raw = resources.files("dvnlp.rules").joinpath(FILES[kind]).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleError(resource, str(exc)) from None
    return validate(kind, data, resource)
