import pytest
import spacy
from spacy.tokens import DocBin

from dvnlp.normalize import normalize


@pytest.mark.parametrize(
    "text,token",
    [
        ("Thực hiện Quyết định số 400-QĐ/TU của Ban Thường vụ", "400-QĐ/TU"),
        ("theo Quyết định 1562/QĐ-UBND của UBND tỉnh", "1562/QĐ-UBND"),
        ("Nghị định 04/2015/NĐ-CP của Chính phủ", "04/2015/NĐ-CP"),
        ("Kế hoạch số 24-KH/BDVTU ngày 20/3/2009", "24-KH/BDVTU"),
        ("Quy định 124-QĐi/TW của Bộ Chính trị", "124-QĐi/TW"),
        ("ban hành Quyết định số 215 - QĐ/HU về", "215 - QĐ/HU"),
        ("Ngày 20/12/2022, Ban Dân vận Tỉnh ủy", "20/12/2022"),
        ("đã có 51/51 tổ chức cơ sở Đảng", "51/51"),
        ("đạt tỷ lệ 95,45% kế hoạch", "95,45%"),
        ("huy động 1.260 lượt cán bộ", "1.260"),
        ("đóng góp hơn 2,8 tỷ đồng", "2,8"),
        ("đồng chí Võ Thanh Hùng – UVBTV, Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận"),
        ("Trưởng Ban Dân vận Tỉnh ủy phát biểu", "Tỉnh ủy"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
        ("Chủ tịch UBND huyện Bát Xát", "UBND"),
    ],
)
def test_tokenizer_protected_span_is_one_token(nlp, text, token):
    doc = nlp(text)
    assert token in [t.text for t in doc], [t.text for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n\t",
        "CÔNG TÁC DÂN VẬN\n\n        Ngày 20/12/2022,  Ban  Dân vận  Tỉnh ủy.",
        "Quyết định số 400 - QĐ / TU ( sửa đổi ) ;",
    ],
)
def test_tokenizer_doc_text_equals_normalized_input(nlp, text):
    assert nlp(text).text == normalize(text).text


def test_tokenizer_multi_syllable_words(nlp):
    doc = nlp("Đồng chí Đinh Ơng, Trưởng Ban Dân vận Huyện ủy báo cáo công tác dân vận.")
    words = [t.text for t in doc]
    assert "Ban Dân vận" in words and "Huyện ủy" in words and "báo cáo" in words


def test_tokenizer_nfd_input_gives_nfc_doc(nlp):
    import unicodedata

    raw = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Gia Lai")
    doc = nlp(raw)
    assert doc.text == "Ủy ban nhân dân tỉnh Gia Lai"
    assert doc._.dvnlp_raw == raw


def test_tokenizer_five_megabyte_document(nlp):
    para = "Ngày 20/12/2022, Ban Dân vận Tỉnh ủy ban hành Kế hoạch số 24-KH/BDVTU về công tác dân vận. "
    text = para * (5 * 2**20 // len(para.encode("utf-8")) + 1)
    doc = nlp.make_doc(text)
    assert len(doc.text) == len(text)


def test_pipeline_round_trips_through_disk_and_docbin(nlp, tmp_path):
    nlp.to_disk(tmp_path / "nlp")
    reloaded = spacy.load(tmp_path / "nlp")
    assert reloaded.pipe_names == nlp.pipe_names
    doc = reloaded("Ủy ban nhân dân ban hành Quyết định 1562/QĐ-UBND.\nQuay lại")
    assert "1562/QĐ-UBND" in [t.text for t in doc]
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (back,) = bin_.get_docs(reloaded.vocab)
    assert back.text == doc.text
    assert [list(b) for b in back._.dvnlp_boilerplate] == doc._.dvnlp_boilerplate == [[50, 58, "nav_back"]]


def test_sentences_split_at_punctuation_and_lines(nlp):
    doc = nlp("Ban Dân vận họp. Đồng chí Hùng dự\nẢnh: toàn cảnh")
    assert [s.text.strip() for s in doc.sents] == ["Ban Dân vận họp.", "Đồng chí Hùng dự", "Ảnh: toàn cảnh"]


@pytest.mark.parametrize(
    "words,protected,expected",
    [
        ([(0, 3), (4, 12)], [(4, 8)], [(0, 3), (4, 8), (9, 12)]),  # a word cut by a protected span keeps its rest
        ([(0, 12)], [(0, 12)], [(0, 12)]),
        ([(0, 5), (6, 7), (8, 10)], [(4, 9)], [(0, 3), (4, 9), (9, 10)]),  # protected span across words
        ([], [(0, 4)], [(0, 4)]),
    ],
)
def test_tokenizer_merge_protected(words, protected, expected):
    from dvnlp.segment.tokenizer import merge_protected

    text = "abc defg hij"[:12].ljust(12)
    assert merge_protected(text, words, protected) == expected
