"""dvnlp_lexicon: word lists matched once, labelled spans naming their rule entry, rules saved with the pipeline."""
from __future__ import annotations

import pytest
import spacy

import dvnlp
from dvnlp.components.lexicon import LexiconRuler, lexicon_spans
from dvnlp.errors import RuleError

TEXT = "Ban Dân vận Tỉnh ủy và UBND huyện Đak Đoa phối hợp với Mặt trận Tổ quốc."


def test_lexicon_spans_name_their_rule_entry(nlp):
    doc = nlp(TEXT)
    found = [(s.text, s.label_, s.id_) for s in lexicon_spans(doc)]
    assert ("Ban Dân vận", "BODY", "lexicon:Ban Dân vận") in found
    assert ("UBND", "BODY", "abbreviations:UBND") in found
    assert ("Mặt trận Tổ quốc", "BODY", "lexicon:Mặt trận Tổ quốc") in found
    assert [s.text for s in lexicon_spans(doc, "BODY")] == [t for t, label, _ in found if label == "BODY"]


def test_lexicon_exact_abbreviations_only_in_upper_case(nlp):
    ruler = LexiconRuler()
    ruler.initialize(patterns=[{"label": "BODY", "pattern": "UBND", "id": "x:UBND", "exact": True},
                               {"label": "BODY", "pattern": "Huyện ủy", "id": "x:Huyện ủy"}])
    doc = ruler(nlp.make_doc("ubnd và UBND, HUYỆN ỦY"))
    assert [(s.text, s.id_) for s in doc.spans["lexicon"]] == [("UBND", "x:UBND"), ("HUYỆN ỦY", "x:Huyện ủy")]


def test_lexicon_to_disk_from_disk_round_trip(tmp_path, nlp):
    ruler = LexiconRuler()
    ruler.initialize(patterns=[{"label": "BODY", "pattern": "Ban Dân vận", "id": "mine:bdv"},
                               {"label": "ORG", "pattern": "MTTQ", "id": "mine:mttq", "exact": True}])
    ruler.to_disk(tmp_path / "lexicon")
    again = LexiconRuler().from_disk(tmp_path / "lexicon")
    assert again.patterns == ruler.patterns
    doc = again(nlp.make_doc("Ban Dân vận và MTTQ"))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["lexicon"]] == [
        ("Ban Dân vận", "BODY", "mine:bdv"), ("MTTQ", "ORG", "mine:mttq")]


def test_lexicon_saved_pipeline_carries_its_rules(tmp_path):
    nlp = dvnlp.load()
    ruler = nlp.get_pipe("dvnlp_lexicon")
    ruler.add_patterns([{"label": "OTHER", "pattern": "Zalo", "id": "custom:zalo"}])
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("dvnlp_lexicon").patterns == ruler.patterns
    doc = loaded("Ban Dân vận lập nhóm Zalo của thôn.")
    assert [(s.text, s.id_) for s in doc.spans["lexicon"]] == [("Ban Dân vận", "lexicon:Ban Dân vận"),
                                                              ("Zalo", "custom:zalo")]


@pytest.mark.parametrize("pattern,problem", [
    ({"label": "BODY", "pattern": "X"}, "missing key 'id'"),
    ({"label": "BODY", "pattern": "X", "id": "a", "kind": "y"}, "unknown key 'kind'"),
    ({"label": "BODY", "pattern": 3, "id": "a"}, "'pattern' must be str"),
])
def test_lexicon_rejects_bad_patterns_by_name(pattern, problem):
    with pytest.raises(RuleError, match=problem):
        LexiconRuler().add_patterns([pattern])


def test_lexicon_organizations_read_the_lexicon_spans(nlp):
    doc = nlp("Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy Gia Lai dự hội nghị.")
    orgs = [o["text"] for o in doc._.dvnlp_facts["organizations"]]
    assert orgs == ["Ban Dân vận Tỉnh ủy Gia Lai"]
