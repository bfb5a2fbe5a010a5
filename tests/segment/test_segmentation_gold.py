"""The dvnlp tokenizer against the hand-segmented gold set (corpora/segmentation/gold.txt).

Uses the scorer of ``benchmarks/segmentation_f1.py`` (loaded from its file: ``benchmarks`` is
not a package). No score is hard-coded: dvnlp must beat plain underthesea on the same input,
and every protected token of the gold must come out as one dvnlp token.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpora" / "segmentation" / "gold.txt"
SCRIPT = ROOT / "benchmarks" / "segmentation_f1.py"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("segmentation_f1", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("segmentation_f1", module)  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


sf1 = _load_scorer()


@pytest.fixture(scope="module")
def results():
    if not GOLD.is_file():
        pytest.skip(f"{GOLD} is absent")
    return sf1.run(GOLD)


@pytest.fixture(scope="module")
def gold(results):
    return results["_gold"]["tokens"]


# ------------------------------------------------------------------------------------------
# the scorer itself, on hand-made cases
# ------------------------------------------------------------------------------------------
def test_scorer_ignores_whitespace_and_underscores():
    gold = ["Ban_Dân_vận", "Tỉnh_ủy", "ngày", "20/12/2022"]
    out = ["Ban Dân vận", "Tỉnh ủy", "ngày", "20/12/2022"]
    counts = sf1.compare(gold, out)
    assert (counts.tp, counts.n_sys, counts.n_gold) == (4, 4, 4)


def test_scorer_counts_split_protected_token_as_errors():
    gold = ["Quyết_định", "400-QĐ/TU", "của", "Tỉnh_ủy"]
    out = ["Quyết định", "400", "-", "QĐ", "/", "TU", "của", "Tỉnh", "ủy"]
    whole = sf1.compare(gold, out)
    assert (whole.tp, whole.n_sys, whole.n_gold) == (2, 9, 4)
    protected = sf1.compare(gold, out, sf1.is_protected)
    assert (protected.tp, protected.n_sys, protected.n_gold) == (0, 5, 1)
    multi = sf1.compare(gold, out, sf1.is_multisyllable)
    assert (multi.tp, multi.n_sys, multi.n_gold) == (1, 3, 2)


def test_scorer_rejects_output_that_does_not_cover_the_sentence():
    with pytest.raises(ValueError):
        sf1.compare(["Ban_Dân_vận", "Tỉnh_ủy"], ["Ban Dân vận"])


def test_raw_text_is_the_gold_line_with_spaces():
    tokens = ["Ngày", "19/12/2023", ",", "Ban_Dân_vận", "Tỉnh_ủy", "“", "Dân_vận", "khéo", "”", "."]
    assert sf1.raw_text(tokens) == "Ngày 19/12/2023 , Ban Dân vận Tỉnh ủy “ Dân vận khéo ” ."
    assert sf1.raw_text(tokens, detokenize=True) == "Ngày 19/12/2023, Ban Dân vận Tỉnh ủy “Dân vận khéo”."


# ------------------------------------------------------------------------------------------
# dvnlp vs plain underthesea on the gold set
# ------------------------------------------------------------------------------------------
def test_gold_set_is_the_documented_one(gold):
    assert len(gold) >= 320
    assert all(len(sentence) >= 8 for sentence in gold)


def test_dvnlp_word_f1_beats_plain_underthesea(results):
    dv = results["dvnlp"]["scores"]
    ut = results["underthesea"]["scores"]
    assert dv.words.n_gold == ut.words.n_gold > 0
    assert dv.words.f1 > ut.words.f1, (dv.words.as_dict(), ut.words.as_dict())


def test_dvnlp_beats_plain_underthesea_on_protected_and_multisyllable_words(results):
    dv = results["dvnlp"]["scores"]
    ut = results["underthesea"]["scores"]
    assert dv.protected.f1 > ut.protected.f1
    assert dv.multisyllable.f1 > ut.multisyllable.f1
    assert dv.exact > ut.exact


def _missed(gold, output, kind):
    """Gold tokens of ``kind`` that are not exactly one dvnlp token, and how many there are."""
    missed, total = [], 0
    for tokens, words in zip(gold, output):
        spans = set(sf1.word_spans(words))
        for token, span in zip(tokens, sf1.word_spans(tokens)):
            if sf1.protected_kind(token) == kind:
                total += 1
                if span not in spans:
                    missed.append((token, [w for w in words if w.replace(" ", "") in token or token in w]))
    return missed, total


@pytest.mark.parametrize(
    "kind",
    [
        "symbol",  # 400-QĐ/TU, 1562/QĐ-UBND, 04/2015/NĐ-CP
        "date",  # 20/12/2022, 6/2024
        "ratio",  # 51/51, 1.126/1.128, 12/7
        "percent",  # 95,45%, 100%
        "number",  # 1.260, 2,8, 12.456,8
        "abbr",  # UBND, KT-XH, QP-AN
        "period",  # 2021-2025
    ],
)
def test_every_protected_gold_token_is_one_dvnlp_token(results, gold, kind):
    missed, total = _missed(gold, results["dvnlp"]["output"], kind)
    assert total > 0, f"the gold set has no {kind} token"
    assert not missed, f"{len(missed)}/{total} {kind} tokens split by dvnlp: {missed[:10]}"
