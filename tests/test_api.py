"""The public API: one shared default pipeline, streaming many texts, failures recorded."""
from __future__ import annotations

import threading

import pytest

import dvnlp

TEXT = "Đồng chí Nguyễn Văn A, Bí thư Huyện ủy. Huyện có 51/51 tổ chức cơ sở Đảng và 07 mô hình."


def test_api_default_pipeline_is_built_once():
    first = dvnlp.default_pipeline()
    assert dvnlp.default_pipeline() is first
    report = dvnlp.extract(TEXT)
    assert [c.value for c in report.counts] == [51, 7]
    assert dvnlp.default_pipeline() is first


def test_api_default_pipeline_shared_between_threads():
    seen, reports, errors = [], [], []

    def work() -> None:
        try:
            seen.append(dvnlp.default_pipeline())
            reports.append(dvnlp.extract(TEXT).to_dict())
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len({id(nlp) for nlp in seen}) == 1
    assert all(r == reports[0] for r in reports)


def test_api_extract_many_keeps_order_and_ids():
    texts = ["Có 3 hộ nghèo.", "", TEXT]
    reports = list(dvnlp.extract_many(texts, ids=["a", "b", "c"]))
    assert [r.id for r in reports] == ["a", "b", "c"]
    assert [len(r.counts) for r in reports] == [1, 0, 2]
    assert reports[2].to_dict() == dvnlp.extract(TEXT, doc_id="c").to_dict()


@pytest.mark.slow
def test_api_extract_many_on_two_processes_matches_one():
    texts = [TEXT, "Có 5 mô hình “Camera an ninh” ở 12 thôn.", "Ngày 31/2/2023 có 26/24 đơn vị."]
    one = [r.to_dict() for r in dvnlp.extract_many(texts)]
    two = [r.to_dict() for r in dvnlp.extract_many(texts, n_process=2)]
    assert one == two


def test_api_report_carries_sentences():
    report = dvnlp.extract("Câu một có 3 hộ. Câu hai có 4 hộ.\nDòng ba")
    text = report.text
    assert [text[a:b].strip() for a, b in report.sentences] == ["Câu một có 3 hộ.", "Câu hai có 4 hộ.", "Dòng ba"]
    second = report.counts[1]
    assert text[slice(*report.sentence_of(*second.span))].strip() == "Câu hai có 4 hộ."
    again = type(report).from_dict(report.to_dict())
    assert again.sentences == report.sentences
