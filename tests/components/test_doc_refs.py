import pytest


def _docs(nlp, text):
    return nlp(text)._.dvnlp_facts.get("documents", [])


@pytest.mark.parametrize(
    "text,symbol,kind,issuer_code",
    [
        ("Quyết định số 400-QĐ/TU của Ban Thường vụ Tỉnh ủy", "400-QĐ/TU", "Quyết định", "TU"),
        ("Kế hoạch số 24-KH/BDVTU ngày 20/3/2009", "24-KH/BDVTU", "Kế hoạch", "BDVTU"),
        ("Quy định 124-QĐi/TW của Bộ Chính trị", "124-QĐi/TW", "Quy định", "TW"),
        ("Quyết định 1562/QĐ-UBND của UBND tỉnh", "1562/QĐ-UBND", "Quyết định", "UBND"),
        ("Nghị định số 04/2015/NĐ-CP của Chính phủ", "04/2015/NĐ-CP", "Nghị định", "CP"),
        ("Công văn số 356/SNV-CCVC", "356/SNV-CCVC", "Công văn", "SNV-CCVC"),
        ("Quyết định số 215 - QĐ/HU", "215-QĐ/HU", "Quyết định", "HU"),
        ("Quyết định số 400 - QĐ / TU", "400-QĐ/TU", "Quyết định", "TU"),
        ("Quyết định số 400-Q\u00d0/TU", "400-QĐ/TU", "Quyết định", "TU"),
        ("Chương trình số 12-CTr/TU", "12-CTr/TU", "Chương trình", "TU"),
    ],
)
def test_doc_refs_symbol_kind_issuer(nlp, text, symbol, kind, issuer_code):
    (doc,) = _docs(nlp, text)
    assert (doc["symbol"], doc["kind"], doc["issuer_code"]) == (symbol, kind, issuer_code)


def test_doc_refs_date_issuer_subject(nlp):
    (doc,) = _docs(nlp, "Thực hiện Nghị định 04/2015/NĐ-CP ngày 05 tháng 8 năm 2015 của Chính phủ về thực hiện dân chủ; tiếp")
    assert doc["date"] == "2015-08-05"
    assert doc["issuer"] == "Chính phủ"
    assert doc["subject"] == "thực hiện dân chủ"


def test_doc_refs_bare_number_has_null_symbol(nlp):
    (doc,) = _docs(nlp, "Thực hiện Kết luận 57 của Bộ Chính trị")
    assert doc["symbol"] is None and doc["number"] == "57" and doc["kind"] == "Kết luận"


@pytest.mark.parametrize("text", ["giai đoạn 2021-2025", "ngày 20/12/2022", "51/51 tổ chức", "Covid-19"])
def test_doc_refs_not_documents(nlp, text):
    assert _docs(nlp, text) == []


def test_doc_refs_written_kind_wins_over_code(nlp):
    (doc,) = _docs(nlp, "Căn cứ Quy định số 105 - QĐ / TW của Bộ Chính trị về phân cấp")
    assert (doc["symbol"], doc["kind"], doc["issuer"]) == ("105-QĐ/TW", "Quy định", "Bộ Chính trị")


def test_doc_refs_issuer_stops_at_verb(nlp):
    (doc,) = _docs(nlp, "theo Quyết định số 77/QĐ-TTg ngày 11/1/2016 của Thủ tướng Chính phủ phê duyệt Đề án")
    assert doc["issuer"] == "Thủ tướng Chính phủ" and doc["date"] == "2016-01-11"


def test_doc_refs_kind_table_is_the_same_whatever_the_hash_seed():
    """``Quy định`` names two kinds (QĐi, QyĐ); the first in the rule file must win in every process."""
    import os
    import subprocess
    import sys

    code = "from dvnlp.components.doc_refs import _tables; print(_tables()[2])"
    outs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
        for seed in (0, 1, 2, 3)
    }
    assert len(outs) == 1
    assert "('Quy định', 'QĐi')" in outs.pop()
