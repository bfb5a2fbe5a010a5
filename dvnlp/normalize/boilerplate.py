"""Recognize page-furniture lines (``Quay lại``, ``Ảnh: …``, ``CTV - BDVHU``) in normalized text.

The lines stay in the text so offsets keep pointing into it; components drop any match that
falls inside one. Patterns are data (``dvnlp/rules/boilerplate.json``); each line found
records the id of the rule that matched it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dvnlp.rulebook import load_rules

#: A line longer than this is content, whatever it starts with.
MAX_LINE = 300


@dataclass(frozen=True)
class BoilerplateLine:
    start: int
    end: int
    rule: str


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (e["id"], re.compile(e["pattern"], re.IGNORECASE)) for e in load_rules("boilerplate").entries
    )


def find_boilerplate(text: str) -> list[BoilerplateLine]:
    """Every line of ``text`` that a boilerplate rule matches in full (after stripping spaces)."""
    found: list[BoilerplateLine] = []
    rules = _compiled()
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= MAX_LINE:
            for rule_id, pattern in rules:
                if pattern.fullmatch(stripped):
                    lead = len(line) - len(line.lstrip())
                    found.append(BoilerplateLine(pos + lead, pos + lead + len(stripped), rule_id))
                    break
        pos += len(line) + 1
    return found
