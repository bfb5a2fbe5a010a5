"""Segmentation into the classifier's input strings, labels and keyword baselines."""
from __future__ import annotations

import subprocess
import sys

import pytest

from dvnlp.classify.features import KeywordBaseline, load_keywords, segment
from dvnlp.classify.labels import LABELS, VIETNAMESE, to_label


def test_labels_have_vietnamese_names_and_round_trip():
    assert LABELS == ("economy", "culture_society", "defense_security", "political_system")
    assert set(VIETNAMESE) == set(LABELS)
    for code, name in VIETNAMESE.items():
        assert to_label(code) == code
        assert to_label(name) == code
        assert to_label(name.upper()) == code
    assert to_label("văn hoá - xã hội") == "culture_society"
    assert to_label("sports") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Hỗ trợ người dân cài đặt VNeID", "hỗ_trợ người_dân cài_đặt vneid"),
        # a final owner phrase is dropped (annotation guideline §3.3: the owner never decides)
        ("Nuôi heo đất giúp vốn làm ăn của Chi hội Phụ nữ thôn 3", "nuôi heo đất giúp vốn làm_ăn"),
        # place names after an administrative noun become <loc>; punctuation is dropped
        ("Tại huyện Ea Súp, người dân giao nộp súng.", "tại huyện <loc> người_dân giao_nộp súng"),
        # "của" inside a description is not an owner phrase
        ("Thu nhập của các hộ tăng.", "thu_nhập của các hộ tăng"),
        ("", ""),
    ],
)
def test_segment_makes_lowercased_underscored_words(text, expected):
    assert segment([text]) == [expected]


def test_keyword_sources():
    resource, topics = load_keywords("topics")
    assert resource == "dvnlp/classify/keywords.json"
    assert set(topics) == set(LABELS) and all(topics.values())
    _, auto = load_keywords("auto")
    assert set(auto) == set(LABELS)
    with pytest.raises(ValueError):
        load_keywords("nope")


def test_keyword_baseline_counts_hits_and_falls_back_to_the_prior():
    kb = KeywordBaseline({"economy": ["chăn nuôi"], "defense_security": ["an ninh"]})
    kb.fit([], ["political_system", "political_system", "economy"])
    got = kb.predict(segment(["Chăn nuôi bò", "Camera an ninh", "Không có gì"]))
    assert list(got) == ["economy", "defense_security", "political_system"]
    proba = kb.predict_proba(segment(["Chăn nuôi bò"]))
    assert proba.shape == (1, 4) and abs(proba.sum() - 1) < 1e-9


def test_importing_dvnlp_classify_loads_nothing_heavy():
    code = (
        "import sys, dvnlp.classify\n"
        "heavy = [m for m in ('sklearn', 'skops', 'underthesea', 'spacy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
