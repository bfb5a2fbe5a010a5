"""The lean CRF featurizer gives underthesea's own features and words (dvnlp.segment.crf)."""
from __future__ import annotations

import pytest

from dvnlp.segment import crf, crfsuite

underthesea_core = pytest.importorskip("underthesea_core")


@pytest.fixture(scope="module")
def segmenter():
    seg = crf.load_segmenter()
    if seg is None:
        pytest.fail("the installed underthesea model is not the one dvnlp.segment.crf was written for")
    return seg


@pytest.fixture(scope="module")
def reference():
    """underthesea's own featurizer and its word_tokenize."""
    from underthesea import word_tokenize
    import underthesea.pipeline.word_tokenize as wt

    word_tokenize("Khởi động.")
    return wt.word_tokenize_model.featurizer, word_tokenize


@pytest.mark.parametrize(
    "tokens",
    [
        ["Bác"],
        ["Bác", "sĩ"],
        ["UBND", "tỉnh", "Bắc", "Ninh"],
        ["2147483647", "2147483648", "-5", "+5", "007", "19121000666", "²", "1.000"],
        ["iPhone", "ĐẢNG", "A.B", "Hồ-Chí", "Ab", "cD", ".", ","],
        ["Ban", "Dân", "vận", "Tỉnh", "ủy", "tổ", "chức", "hội", "nghị", "sơ", "kết", "công", "tác"],
        ["BOS", "EOS", "=", "T[0]=x"],
    ],
)
def test_crf_features_are_the_known_subset_of_underthesea_features(segmenter, reference, tokens):
    featurizer, _ = reference
    theirs = featurizer.process([[[t] for t in tokens]])[0]
    ours = segmenter.features(tokens)
    assert len(ours) == len(theirs)
    known = {f"{name}={v}" for name, values in segmenter._known.items() for v in values}
    for mine, full in zip(ours, theirs):
        assert sorted(mine) == sorted(f for f in full if f in known)


@pytest.mark.parametrize(
    "tokens",
    [
        ["Bác"],
        ["UBND", "tỉnh", "Bắc", "Ninh", "họp", "bàn", "công", "tác", "dân", "vận"],
        ["Ban", "Dân", "vận", "Tỉnh", "ủy", "tổ", "chức", "hội", "nghị", "sơ", "kết", "công", "tác"],
        ["2147483648", "iPhone", "ĐẢNG", ",", "Hồ-Chí", "T[0]=x", "BOS"],
    ],
)
def test_crf_decoding_equals_underthesea_core_tagger(segmenter, tokens):
    """Our weight sums + Viterbi give the tags CRFsuite's tagger gives on the same features."""
    from pathlib import Path

    from underthesea_core import CRFTagger
    import underthesea.pipeline.word_tokenize as wt

    tagger = CRFTagger()
    tagger.load(str(Path(wt.__file__).parent / "models" / crf.MODEL_NAME / "models.bin"))
    assert segmenter.tag(tokens) == tagger.tag(segmenter.features(tokens))


def test_crf_model_file_weights_and_labels(segmenter):
    import underthesea.pipeline.word_tokenize as wt
    from pathlib import Path

    model = crfsuite.read_crfsuite_model(Path(wt.__file__).parent / "models" / crf.MODEL_NAME / "models.bin")
    assert model.labels == ["B-W", "I-W"]
    assert len(model.transitions) == 2 and all(len(row) == 2 for row in model.transitions)
    assert set(model.state) <= set(range(len(model.attributes))) and len(model.state) > 40_000


def test_crf_reads_every_attribute_of_the_model_file(segmenter):
    from underthesea_core import CRFModel
    import underthesea.pipeline.word_tokenize as wt
    from pathlib import Path

    path = Path(wt.__file__).parent / "models" / crf.MODEL_NAME / "models.bin"
    attrs = crfsuite.read_crfsuite_attributes(path)
    assert len(attrs) == len(set(attrs)) == CRFModel.load(str(path)).num_attributes
    assert "T[0]=Bác" in attrs or "T[0].lower=bác" in attrs


def test_crf_read_attributes_refuses_other_files(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"not a model" + bytes(64))
    with pytest.raises(ValueError, match="not a CRFsuite model"):
        crfsuite.read_crfsuite_attributes(bad)


def test_crf_unknown_model_falls_back_to_word_tokenize(monkeypatch):
    from dvnlp.segment.tokenizer import load_word_segmenter

    monkeypatch.setattr(crf, "TEMPLATES", crf.TEMPLATES[:-1])
    assert crf.load_segmenter() is None
    segment = load_word_segmenter()
    assert not isinstance(segment, crf.CRFSegmenter)
    assert segment("Bác sĩ bây giờ có thể") == ["Bác sĩ", "bây giờ", "có thể"]


@pytest.mark.parametrize("text", ["", "   ", "…", "A", "Bác sĩ", "Ngày 15/3/2024, UBND tỉnh họp."])
def test_crf_words_equal_word_tokenize_on_edge_cases(segmenter, reference, text):
    _, word_tokenize = reference
    assert segmenter(text) == word_tokenize(text, use_token_normalize=False)


@pytest.mark.xdist_group("genre")
def test_crf_words_equal_word_tokenize_on_the_genre_corpus(segmenter, reference, genre_records):
    """Every 4th non-empty line of the 642 real articles (raw HTML ones included as they are)."""
    _, word_tokenize = reference
    lines = [line for rec in genre_records for line in rec["text"].splitlines() if line.strip()][::4]
    assert len(lines) > 2000
    differ = [line for line in lines if segmenter(line) != word_tokenize(line, use_token_normalize=False)]
    assert differ == []


@pytest.fixture(scope="module")
def full_pattern():
    """underthesea's combined syllable pattern run over the whole text, as its own tokenizer does."""
    import re

    from underthesea.pipeline.word_tokenize import regex_tokenize

    pattern = re.compile(regex_tokenize.regex_patterns_combine, re.VERBOSE | re.UNICODE)
    return lambda text: [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    ["Thesis This Thus ThS Th.S ThiSinh", "UBND. tỉnh", "ABC.", "A.B.C v.v... e-mail: a@b.vn", ":)) <3 :D x",
     "Ông Nguyễn Văn A, T.Ư Đoàn", "1.000,5 tỷ 15/3/2024 4x4 (x) ->", "  hai  khoảng   trắng \t tab ", ""],
)
def test_crf_syllable_spans_equal_the_full_pattern(segmenter, full_pattern, text):
    assert segmenter._tokenize.spans(text) == full_pattern(text)


@pytest.mark.xdist_group("genre")
def test_crf_word_spans_equal_word_tokenize_on_the_genre_corpus(segmenter, reference, full_pattern, genre_records):
    """The offsets path the tokenizer takes: its syllables are the full pattern's, its words underthesea's."""
    _, word_tokenize = reference
    lines = [line for rec in genre_records for line in rec["text"].splitlines() if line.strip()][1::4]
    checked = 0
    for line in lines:
        spans = segmenter._tokenize.spans(line)
        if spans is None:  # underthesea's character normalization would change the line: not this path
            continue
        assert spans == full_pattern(line), line[:80]
        if "  " not in line and "\t" not in line:
            assert [line[a:b] for a, b in segmenter.word_spans(line)] == word_tokenize(line, use_token_normalize=False)
            checked += 1
    assert checked > 2000


def test_crf_compiled_decoder_is_built(segmenter):
    """``pip install`` builds ``dvnlp/segment/_crfdecode.pyx``; without it the tokenizer is ~1/3 slower."""
    import os

    import shutil
    import sysconfig

    if os.environ.get("DVNLP_PURE_PYTHON"):
        pytest.skip("DVNLP_PURE_PYTHON is set: the pure-Python decoder is asked for")
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if not segmenter.compiled and shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}): install gcc and the Python headers, then reinstall dvnlp")
    assert segmenter.compiled, "dvnlp.segment._crfdecode is not built: reinstall with `pip install -e .`"


@pytest.fixture(scope="module")
def pure_segmenter():
    return crf.load_segmenter(compiled=False)


@pytest.mark.parametrize(
    "tokens",
    [
        [],
        ["Bác"],
        ["bác", "sĩ"],
        ["Bác", "Sĩ", "Hồ"],
        ["công", "tác", "dân", "vận", "khéo"],  # lower case: the n-gram's lower case is its text
        ["UBND", "tỉnh", "Bắc", "Ninh", "họp", "bàn", "công", "tác", "dân", "vận"],
        ["2147483648", "iPhone", "ĐẢNG", ",", "Hồ-Chí", "T[0]=x", "BOS", "EOS"],
        ["Ủy", "ban", "ỦY", "BAN", "ủy", "Ban"],
    ],
)
def test_crf_compiled_decoder_equals_the_python_one(segmenter, pure_segmenter, tokens):
    if not segmenter.compiled:
        pytest.skip("the compiled decoder is not built")
    assert segmenter.tag(tokens) == pure_segmenter.tag_python(tokens)


@pytest.mark.xdist_group("genre")
def test_crf_compiled_decoder_equals_the_python_one_on_the_genre_corpus(genre_records):
    """Every line of the 642 real articles, each decoder from a cold cache (cache misses included)."""
    fast, slow = crf.load_segmenter(), crf.load_segmenter(compiled=False)
    if not fast.compiled:
        pytest.skip("the compiled decoder is not built")
    lines = [line for rec in genre_records for line in rec["text"].splitlines() if line.strip()]
    tokens = [fast._tokenize(line) for line in lines]
    assert sum(map(len, tokens)) > 200_000
    assert [fast.tag(t) for t in tokens] == [slow.tag(t) for t in tokens]


@pytest.mark.xdist_group("genre")
def test_crf_compiled_syllable_spans_equal_the_python_ones_on_the_genre_corpus(segmenter, pure_segmenter, genre_records):
    if not segmenter.compiled:
        pytest.skip("the compiled decoder is not built")
    lines = [line for rec in genre_records for line in rec["text"].splitlines() if line.strip()]
    lines += ["Thesis This Thus ThS Th.S ThiSinh", " \u00a0 Ông\u2003A\u3000B ", "x\u200bY", ""]
    assert [segmenter._tokenize.spans(x) for x in lines] == [pure_segmenter._tokenize.spans(x) for x in lines]


@pytest.mark.xdist_group("genre")
def test_crf_compiled_word_spans_equal_the_python_ones_on_the_genre_corpus(segmenter, pure_segmenter, genre_records):
    if not segmenter.compiled:
        pytest.skip("the compiled decoder is not built")
    lines = [line for rec in genre_records for line in rec["text"].splitlines() if line.strip()][2::3]
    lines += ["Bác  sĩ", "Ủy\tban nhân dân", "A", "công tác dân vận khéo"]
    assert [segmenter.word_spans(x) for x in lines] == [pure_segmenter.word_spans(x) for x in lines]
