import pytest

import dvnlp


def _findings(text, kind=None):
    report = dvnlp.extract(text)
    return [f for f in report.checks if f.kind in ({kind} if kind else {"kind_symbol_mismatch", "document_conflict"})]


@pytest.mark.parametrize(
    "text,code",
    [
        ("Thực hiện Nghị định số 18-NQ/TW của Bộ Chính trị về sắp xếp bộ máy.", "NQ"),
        ("Theo tinh thần Nghị định 05/2005/NQ-CP và các văn bản hướng dẫn.", "NQ"),
        ("Thông báo 66/TT-UB ngày 30.5.2005 của UBND Q.1 còn nói rõ.", "TT"),
        ("Theo hợp đồng số 43/CV/05 ngày 14-9-2005 của xí nghiệp, ông Khanh được khai thác.", "CV"),
        ("phù hợp với quyết định 4597/2001/ĐQ-BGTVT của Bộ Giao thông.", "ĐQ"),
        ("Chỉ thị số 12-NQ/TU của Ban Thường vụ Tỉnh ủy về công tác dân vận.", "NQ"),
    ],
)
def test_documents_kind_symbol_mismatch_found(text, code):
    (f,) = _findings(text, "kind_symbol_mismatch")
    assert f.severity == "warning" and f.details["kind_code"] == code
    a, b = f.evidence[0]
    assert code in text[a:b]


@pytest.mark.parametrize(
    "text",
    [
        "Quy định số 105-QĐ/TW của Bộ Chính trị về phân cấp quản lý cán bộ.",  # old Party Quy định numbered QĐ
        "Quyết định số 400-QĐ/TU của Ban Thường vụ Tỉnh ủy.",
        "Hướng dẫn số 12-HD/BDVTU của Ban Dân vận Tỉnh ủy.",
        "Quy định số 124-QĐi/TW của Bộ Chính trị.",
        "Nghị quyết liên tịch số 01/2019/NQLT-CP-ĐCTUBTWMTTQVN.",
        "Chương trình phối hợp số 03-CTr/BDVTU giữa các ban.",
        "Thông báo kết luận số 50-TB/TW của Ban Bí thư về sơ kết.",  # the head noun is Thông báo
        "Ngày 18-6, Tỉnh ủy đã thông báo kết luận số 469-KL/TU của Ban Chấp hành.",  # thông báo is the verb
        "các văn bản 195/2004/NĐ-CP và công văn số 512-TB/VPTU ngày 2/6/2017.",  # generic words
        "Nghị quyết số 111/2015/QH13 ngày 27/11/2015 của Quốc hội.",  # QH13 is the issuer, no type slot
        "Công văn số 563/UBND-VX của UBND tỉnh; quyết định 58/TTg ngày 3/2/1994.",  # no type code at all
        "Nghị định 15/2020/ND-CP của Chính phủ.",  # the code without its diacritics
        "quyết định kỷ luật (24/QĐ/TTYT, tháng 3-2005) đối với nữ hộ sinh.",
        "phải lập báo cáo đầu tư theo quy định số 16/2005/NĐ-CP, ngày 7/2/2005 của Chính phủ.",  # quy định: a common noun
    ],
)
def test_documents_kind_symbol_look_alikes_pass(text):
    assert _findings(text, "kind_symbol_mismatch") == []


def test_documents_conflicting_dates_found():
    text = ("Thực hiện Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 của Ban Dân vận Tỉnh ủy về dân vận khéo. "
            "Sau một năm thực hiện Kế hoạch số 24-KH/BDVTU ngày 15/4/2009, các huyện đều báo cáo.")
    (f,) = _findings(text, "document_conflict")
    assert f.details["field"] == "date" and sorted(f.details["values"]) == ["2009-03-20", "2009-04-15"]
    assert [text[a:b] for a, b in f.evidence] == ["24-KH/BDVTU", "24-KH/BDVTU"]


def test_documents_conflicting_issuers_found():
    text = ("Căn cứ Quyết định số 1562/QĐ-UBND của Bộ Tài chính về quản lý phí. "
            "Quyết định số 1562/QĐ-UBND của Bộ Y tế quy định rõ mức thu.")
    (f,) = _findings(text, "document_conflict")
    assert f.details["field"] == "issuer" and set(f.details["values"]) == {"Bộ Tài chính", "Bộ Y tế"}


@pytest.mark.parametrize(
    "text",
    [
        # the same date written twice, a month and a day of it, one document of two symbols
        "Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 đề ra. Kế hoạch số 24-KH/BDVTU ngày 20 tháng 3 năm 2009 được sơ kết.",
        "quyết định (24/QĐ/TTYT, tháng 3-2005) và quyết định 24/QĐ/TTYT ngày 12/3/2005 của Trung tâm Y tế.",
        # issuers naming the same body
        "Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy về dân vận. Nghị quyết số 05-NQ/TU của Tỉnh ủy Gia Lai đã đi vào cuộc sống.",
        "Nghị định 03/2006/NĐ-CP của Chính phủ về lương. Nghị định 03/2006/NĐ-CP của Thủ tướng Chính phủ có hiệu lực.",
        # two different documents with two dates
        "Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 và Kế hoạch số 25-KH/BDVTU ngày 15/4/2009 của Ban Dân vận Tỉnh ủy.",
    ],
)
def test_documents_conflict_look_alikes_pass(text):
    assert _findings(text, "document_conflict") == []


def test_documents_checked_counts_documents():
    report = dvnlp.extract("Quyết định số 400-QĐ/TU và Kế hoạch số 114-KH/HU về dân vận.")
    assert report.checked["documents"] == 2


def test_documents_genre_corpus_findings_are_true(genre_processed):
    """The hand-checked findings on the 642 genre articles: one, a Nghị quyết of the Politburo written
    ``Nghị định số 39-NQ/TW``; no ``document_conflict``. A new finding here must be hand-checked."""
    found = sorted(
        (rec["id"], f.kind, f.details.get("symbol"))
        for rec, _, _, report in genre_processed if not isinstance(report, Exception)
        for f in report.checks if f.kind in ("kind_symbol_mismatch", "document_conflict"))
    assert found == [("baomoi2017/22627419.txt", "kind_symbol_mismatch", "39-NQ/TW")]
