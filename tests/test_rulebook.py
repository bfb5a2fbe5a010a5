import pytest

from dvnlp.errors import RuleError
from dvnlp.rulebook import SCHEMAS, load_rules, validate


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_rulebook_shipped_files_validate(kind):
    try:
        rules = load_rules(kind)
    except RuleError as exc:
        if "No such file" in str(exc):
            pytest.skip(f"{kind}.json not shipped")
        raise
    assert rules.entries, f"{kind} has no entries"


@pytest.mark.parametrize(
    "data,problem",
    [
        ({"entries": [{"abbr": "UBND"}]}, "missing key 'expansion'"),
        ({"entries": [{"abbr": "UBND", "expansion": "Ủy ban nhân dân", "expanson": "x"}]}, "unknown key 'expanson'"),
        ({"entries": [{"abbr": 1, "expansion": "x"}]}, "'abbr' must be str"),
        ({"entries": "nope"}, "'entries' list"),
        ({"entries": [], "extra": 1}, "unknown top-level key"),
    ],
)
def test_rulebook_rejects_bad_entries_by_name(data, problem):
    with pytest.raises(RuleError, match=problem):
        validate("abbreviations", data, "test.json")


def test_rulebook_rejects_bad_regex():
    with pytest.raises(RuleError, match="bad pattern"):
        validate("boilerplate", {"entries": [{"id": "x", "pattern": "(QĐ"}]}, "b.json")


@pytest.mark.parametrize(
    "kind,entries,problem",
    [
        ("document_kinds", [{"code": "NQ", "name": "Nghị quyết"}, {"code": "NQ", "name": "Nghị quyết"}], "duplicate code 'NQ'"),
        ("issuers", [{"code": "U BND", "name": "Ủy ban nhân dân"}], "hold no spaces"),
        ("document_kinds", [{"code": "QĐi", "name": "Quy định", "compatible_codes": [""]}], "non-empty strings"),
    ],
)
def test_rulebook_checks_document_and_issuer_codes(kind, entries, problem):
    with pytest.raises(RuleError, match=problem) as err:
        validate(kind, {"entries": entries}, f"dvnlp/rules/{kind}.json")
    assert f"{kind}.json" in str(err.value)


@pytest.mark.parametrize("entry,problem", [
    ({"noun": "hai", "kind": "number_digit"}, "needs a 'value'"),
    ({"noun": "hai", "kind": "number_digit", "value": "2"}, "'value' must be int or float"),
])
def test_rulebook_number_words_need_a_numeric_value(entry, problem):
    with pytest.raises(RuleError, match=problem):
        validate("units", {"entries": [entry]}, "units.json")


@pytest.mark.parametrize("entry", [{"noun": "mét", "kind": "measures"}, {"noun": "mét"}])
def test_rulebook_units_need_a_known_kind(entry):
    """A unit word of a misspelt or missing kind would be read by no component: refused on load."""
    with pytest.raises(RuleError, match="unknown kind"):
        validate("units", {"entries": [entry]}, "units.json")


@pytest.mark.parametrize("entry,problem", [
    ({"word": "Ksor", "kind": "clan"}, "unknown kind 'clan'"),
    ({"word": "ksor", "kind": "clan_first"}, "capitalized letters"),
    ({"word": "Rơ  Mah", "kind": "clan_first"}, "capitalized letters"),
    ({"word": "Ksor1", "kind": "clan_first"}, "capitalized letters"),
    ({"word": "H''", "kind": "prefix"}, "one capital letter"),
    ({"word": "ã", "kind": "confusion"}, "needs one"),
    ({"word": "ã", "kind": "confusion", "means": "ã"}, "different 'means'"),
    ({"word": "Niê", "kind": "clan_last", "means": "x"}, "belongs to a confusion"),
])
def test_rulebook_checks_ethnic_names(entry, problem):
    with pytest.raises(RuleError, match=problem):
        validate("ethnic_names", {"entries": [entry]}, "ethnic_names.json")


def test_rulebook_rejects_a_repeated_ethnic_name():
    with pytest.raises(RuleError, match="repeated clan_first"):
        validate("ethnic_names", {"entries": [{"word": "Siu", "kind": "clan_first"}] * 2}, "ethnic_names.json")


def test_rulebook_ethnic_names_shipped_kinds():
    kinds = {e["kind"] for e in load_rules("ethnic_names").entries}
    assert kinds == {"clan_first", "clan_last", "prefix", "confusion"}


@pytest.mark.parametrize("entry", [
    {"word": "í", "kind": "ocr_confusion"},  # an OCR confusion needs what was printed
    {"word": "ông", "kind": "honorific", "means": "/"},  # only an OCR confusion has one
])
def test_rulebook_honorific_means_only_on_an_ocr_confusion(entry):
    with pytest.raises(RuleError, match="ocr_confusion"):
        validate("honorifics", {"entries": [entry]}, "honorifics.json")
