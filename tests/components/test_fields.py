"""The field-keyword patterns (dvnlp.components.fields) are written to start with a class of first letters;
they find what the plain alternation of the keywords finds."""
from __future__ import annotations

import re

import pytest

from dvnlp.components import fields
from dvnlp.rulebook import load_rules
from dvnlp.segment.patterns import by_first_letter, case_variants


def _plain_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The keywords as ``(?<![^\\W_])(?:(?P<f0_field>…)|…)(?![^\\W_])``, longest first (the plain form)."""
    alts = sorted(((kw, e["field"]) for e in load_rules("fields").entries for kw in e["keywords"]),
                  key=lambda x: len(x[0]), reverse=True)
    exact = [f"(?P<f{i}_{f}>{fields._keyword_regex(kw, f)})" for i, (kw, f) in enumerate(alts)]
    folded = [f"(?P<f{i}_{f}>{fields._keyword_regex(fields._fold(kw), f)})" for i, (kw, f) in enumerate(alts)
              if len(re.findall(r"[^\W\d_]+", kw)) >= 4]
    wrap = r"(?<![^\W_])(?:{})(?![^\W_])"
    return re.compile(wrap.format("|".join(exact)), re.IGNORECASE), re.compile(wrap.format("|".join(folded)))


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Xây dựng Đảng và hệ thống chính trị; XÂY DỰNG HỆ THỐNG CHÍNH TRỊ, kinh tế - xã hội, kinh tế biển, Kinh tế",
    "lĩnh vực văn hóa - xã hội, an ninh, trật tự; quốc phòng - an ninh; axây dựng; 3kinh tế; _văn hóa",
    "xay dung he thong chinh tri, xây dựng hê thống chính trị (a typo the folded pattern reads)",
])
def test_fields_patterns_find_what_the_plain_ones_find(text):
    exact, folded = fields._field_patterns()
    plain_exact, plain_folded = _plain_patterns()
    assert _found(exact, text) == _found(plain_exact, text)
    assert _found(folded, fields._fold(text)) == _found(plain_folded, fields._fold(text))


@pytest.mark.xdist_group("genre")
def test_fields_patterns_find_what_the_plain_ones_find_on_the_genre_corpus(genre_records):
    exact, folded = fields._field_patterns()
    plain_exact, plain_folded = _plain_patterns()
    texts = [rec["text"] for rec in genre_records]
    assert [_found(exact, t) for t in texts] == [_found(plain_exact, t) for t in texts]
    assert [_found(folded, fields._fold(t)) for t in texts] == [_found(plain_folded, fields._fold(t)) for t in texts]


@pytest.mark.parametrize(("letter", "variants"), [("s", "Ssſ"), ("k", "Kk\u212a"), ("đ", "Đđ"), ("a", "Aa"), ("ab", "AaBb"), ("", "")])
def test_fields_case_variants_are_what_ignorecase_matches(letter, variants):
    assert sorted(case_variants(letter)) == sorted(variants)


def test_fields_case_variants_cover_the_whole_unicode_range():
    """No character outside the Basic Multilingual Plane matches a keyword's first letter case-insensitively."""
    firsts = {kw[0].lower() for e in load_rules("fields").entries for kw in e["keywords"]}
    probe = re.compile(f"(?i:[{''.join(map(re.escape, sorted(firsts)))}])")
    assert not [hex(i) for i in range(0x10000, 0x110000) if probe.fullmatch(chr(i))]


def test_fields_by_first_letter_refuses_an_alternative_without_a_first_letter():
    with pytest.raises(ValueError, match="does not start with a letter"):
        by_first_letter(["(?:a)"])
