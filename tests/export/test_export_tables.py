"""Flat tables from reports, and the same contents in CSV, Parquet and DuckDB."""
from __future__ import annotations

import csv
import json

import pytest

from dvnlp.batch import pool
from dvnlp.batch.pool import run_batch
from dvnlp.export import tables
from dvnlp.facts import schema
from dvnlp.facts.report import FACT_TYPES

TEXTS = {
    "a": "Năm 2022, huyện Chư Sê có 58 mô hình “Dân vận khéo”, trong đó lĩnh vực kinh tế 30 mô hình, văn hóa - xã hội "
         "20 mô hình, quốc phòng - an ninh 8 mô hình. Thực hiện Quyết định số 400-QĐ/TU ngày 12/5/2021 của Ban "
         "Thường vụ Tỉnh ủy.",
    "b": "Năm 2022, huyện Chư Sê có 60 mô hình “Dân vận khéo”. Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực "
         "Huyện ủy, Trưởng Ban Dân vận Huyện ủy dự và phát biểu.",
    "c": "Năm 2023, huyện Ia Grai có 40 mô hình, trong đó kinh tế 20 mô hình, văn hóa - xã hội 15 mô hình, "
         "quốc phòng - an ninh 10 mô hình. Mô hình “Camera an ninh kết nối khu dân cư” được nhân rộng.",
}
ROOT_SAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "corpora" / "samples"
TABLES = ["reports", "officials", "documents", "counts", "breakdowns", "breakdown_parts", "models", "checks", "errors"]


def write_inputs(folder, *, samples=False, corrupt=False):
    """The three texts (and the sample reports, a corrupt .docx) as files in ``folder``."""
    folder.mkdir(exist_ok=True)
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    for p in ROOT_SAMPLES.glob("*.txt") if samples else ():
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    if corrupt:
        (folder / "d.docx").write_bytes(b"PK\x03\x04 corrupt")
    return folder


def test_fact_types_are_the_schema_s():
    assert FACT_TYPES is schema.FACT_TYPES
    assert list(schema.TABLES) == TABLES


def test_flatten_an_error_record():
    rows = tables.flatten({"id": "x", "source": "x.pdf", "error": {"type": "InputError", "message": "x.pdf: bad"}},
                          seq=4, source="x.pdf")
    assert rows["reports"][0]["status"] == "error" and rows["errors"][0]["message"] == "x.pdf: bad"
    assert rows["errors"][0]["seq"] == 4


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("tables")
    folder = write_inputs(root / "in", corrupt=True)
    old, pool._NLP = pool._NLP, nlp
    try:
        for fmt, name in (("csv", "csv"), ("parquet", "out.parquet"), ("duckdb", "out.duckdb"), ("jsonl", "o.jsonl")):
            run_batch([folder], root / name, fmt=fmt, workers=1)
    finally:
        pool._NLP = old
    return root


def csv_rows(root, table):
    with open(root / "csv" / f"{table}.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables(outputs):
    assert sorted(p.stem for p in (outputs / "csv").iterdir()) == sorted(TABLES)
    for p in (outputs / "csv").iterdir():  # a UTF-8 byte-order mark, so that Excel reads the Vietnamese letters
        assert p.read_bytes().startswith(b"\xef\xbb\xbfseq,id,")
    reports = csv_rows(outputs, "reports")
    assert [(r["seq"], r["id"], r["status"]) for r in reports] == [
        ("0", "a", "ok"), ("1", "b", "ok"), ("2", "c", "ok"), ("3", "d", "error")]
    assert [r["id"] for r in csv_rows(outputs, "errors")] == ["d"]
    assert [r["symbol"] for r in csv_rows(outputs, "documents")] == ["400-QĐ/TU"]
    officials = csv_rows(outputs, "officials")
    assert officials[0]["titles"] == "Phó Bí thư Thường trực Huyện ủy | Trưởng Ban Dân vận Huyện ủy"
    parts = csv_rows(outputs, "breakdown_parts")
    assert [(p["value"], p["field"]) for p in parts if p["id"] == "c"] == [
        ("20", "economy"), ("15", "culture_society"), ("10", "defense_security")]
    checks = csv_rows(outputs, "checks")
    (mismatch,) = [c for c in checks if c["kind"] == "sum_mismatch"]
    assert (mismatch["id"], mismatch["place"], mismatch["year"], mismatch["scope"]) == ("c", "huyện Ia Grai", "2023",
                                                                                        "document")
    cross = [c for c in checks if c["scope"] == "batch"]
    assert [(c["id"], c["place"], c["year"]) for c in cross] == [("a", "huyện Chư Sê", "2022"),
                                                                 ("b", "huyện Chư Sê", "2022")]
    counts = csv_rows(outputs, "counts")
    jsonl = [json.loads(line) for line in (outputs / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(counts) == sum(len(r.get("counts", [])) for r in jsonl)


def test_parquet_matches_csv(outputs):
    pq = pytest.importorskip("pyarrow.parquet")
    for table in TABLES:
        got = pq.read_table(outputs / "out.parquet" / f"{table}.parquet")
        assert got.schema.names == [c.name for c in schema.TABLES[table]]
        assert got.num_rows == len(csv_rows(outputs, table))
    counts = pq.read_table(outputs / "out.parquet" / "counts.parquet").to_pylist()
    assert {(c["id"], c["value"], c["unit"]) for c in counts} >= {("a", 58.0, "mô hình"), ("c", 40.0, "mô hình")}


def test_duckdb_tables_and_views(outputs):
    from dvnlp.export.duckdb import REPORTS, query

    db = outputs / "out.duckdb"
    for table in TABLES:
        _, rows = query(db, f'SELECT count(*) FROM "{table}"')
        assert rows[0][0] == len(csv_rows(outputs, table))
    _, rows = query(db, "SELECT title, officials FROM officials_by_title ORDER BY title")
    assert rows == [("Phó Bí thư Thường trực Huyện ủy", 1), ("Trưởng Ban Dân vận Huyện ủy", 1)]
    cols, rows = query(db, "SELECT * FROM documents_by_kind_issuer")
    assert rows and rows[0][cols.index("citations")] == 1
    _, rows = query(db, "SELECT field, models FROM models_by_field")
    assert ("defense_security", 1) in rows
    cols, rows = query(db, "SELECT place, year, kind, documents FROM inconsistent_totals")
    assert ("huyện Chư Sê", "2022", "cross_document_mismatch", 2) in rows
    assert ("huyện Ia Grai", "2023", "sum_mismatch", 1) in rows
    for name, sql in REPORTS.items():  # the views are the named reports
        assert query(db, f'SELECT * FROM "{name}"')[1] == query(db, sql)[1]


@pytest.mark.parametrize("value", [10**18, 2**53 + 1, 7, 2.5, None])
def test_parquet_arrow_table_takes_any_count_value(value):
    """A count read as ``một tỷ tỷ`` is an int above 2**53: Arrow would refuse it for a double column."""
    pytest.importorskip("pyarrow")
    from dvnlp.export.parquet import arrow_table

    got = arrow_table("counts", [{"seq": 1, "id": "x", "value": value}]).to_pylist()[0]["value"]
    assert got == (None if value is None else float(value))
