"""The DuckDB documents dimension and ``most_cited_documents`` (issue 13)."""
import pytest

from dvnlp.batch import pool
from dvnlp.batch.pool import run_batch

TEXTS = {
    "a": "Gia Lai, ngày 10 tháng 1 năm 2023\nThực hiện Kế hoạch số 24-KH/BDVTU của Ban Dân vận Tỉnh ủy về dân vận khéo. "
         "Kế hoạch số 24-KH/BDVTU được triển khai. Quyết định số 400-QĐ/TU của Ban Thường vụ Tỉnh ủy.",
    "b": "Gia Lai, ngày 20 tháng 6 năm 2023\nSơ kết Kế hoạch số 24 - KH/BDVTU của Ban Dân vận Tỉnh ủy.",
    "c": "Báo cáo năm 2023. Kế hoạch số 24-KH/BDVTU của Ban Dân vận Huyện ủy về dân vận.",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    pytest.importorskip("duckdb")
    root = tmp_path_factory.mktemp("dim")
    folder = root / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    old, pool._NLP = pool._NLP, nlp
    try:
        run_batch([folder], root / "out.duckdb", fmt="duckdb", workers=1)
    finally:
        pool._NLP = old
    return root / "out.duckdb"


def test_export_duckdb_documents_dimension(db):
    from dvnlp.export.duckdb import query

    cols, rows = query(db, "SELECT * FROM dim_documents ORDER BY symbol")
    by = {r[cols.index("symbol")]: dict(zip(cols, r)) for r in rows}
    assert sorted(by) == ["24-KH/BDVTU", "400-QĐ/TU"]
    plan = by["24-KH/BDVTU"]
    assert plan["citations"] == 3  # three reports, though report a cites it twice
    assert (str(plan["first_report_date"]), str(plan["last_report_date"])) == ("2023-01-10", "2023-06-20")
    assert plan["issuers_seen"] == "Ban Dân vận Huyện ủy | Ban Dân vận Tỉnh ủy"
    assert by["400-QĐ/TU"]["citations"] == 1


def test_export_duckdb_most_cited_documents(db):
    from dvnlp.export.duckdb import REPORTS, query

    cols, rows = query(db, "SELECT symbol, citations FROM most_cited_documents")
    assert rows[0] == ("24-KH/BDVTU", 3)
    assert query(db, 'SELECT * FROM "most_cited_documents"')[1] == query(db, REPORTS["most_cited_documents"])[1]
