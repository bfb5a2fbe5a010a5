"""``dvnlp batch`` and ``dvnlp query`` through typer's CliRunner (on a tiny app of their own, so
the tests do not depend on how dvnlp.cli registers them)."""
from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from dvnlp.batch import pool
from dvnlp.batch.commands import batch_command, query_command

app = typer.Typer()
app.command("batch")(batch_command)
app.command("query")(query_command)
runner = CliRunner()

TEXTS = {
    "a": "Thực hiện Quyết định số 400-QĐ/TU ngày 12/5/2021 của Ban Thường vụ Tỉnh ủy, năm 2022 huyện Chư Sê có "
         "58 mô hình “Dân vận khéo”, trong đó kinh tế 30 mô hình, văn hóa - xã hội 20 mô hình, quốc phòng - an ninh "
         "8 mô hình.",
    "b": "Năm 2022, huyện Chư Sê có 60 mô hình “Dân vận khéo”. Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực "
         "Huyện ủy, Trưởng Ban Dân vận Huyện ủy dự và phát biểu.",
    "c": "Mô hình “Camera an ninh kết nối khu dân cư” và mô hình “Nuôi bò sinh sản” được nhân rộng.",
}


@pytest.fixture(scope="module")
def database(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("query")
    folder = root / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = root / "out.duckdb"
    old, pool._NLP = pool._NLP, nlp
    try:
        result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--workers", "1"])
    finally:
        pool._NLP = old
    assert result.exit_code == 0, result.output
    assert "findings: cross_document_mismatch" in result.output  # the summary (stderr is mixed in)
    return out


def test_help_has_examples():
    for command in ("batch", "query"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output


def test_query_sql_as_table(database):
    result = runner.invoke(app, ["query", str(database), "SELECT id, symbol FROM documents"])
    assert result.exit_code == 0, result.output
    assert "400-QĐ/TU" in result.output


def test_query_named_report_as_csv(database):
    result = runner.invoke(app, ["query", str(database), "--report", "models_by_field", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["field"] for r in rows} >= {"defense_security"}
    assert sum(int(r["models"]) for r in rows) == 2  # “Dân vận khéo” itself is not a model


def test_query_jsonl_and_listing(database):
    result = runner.invoke(app, ["query", str(database), "SELECT seq, id FROM reports ORDER BY seq", "-f", "jsonl"])
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b", "c"]
    listing = runner.invoke(app, ["query", str(database)])
    assert listing.exit_code == 0 and "officials_by_title" in listing.output and "counts" in listing.output


def test_query_inconsistent_totals(database):
    result = runner.invoke(app, ["query", str(database), "--report", "inconsistent_totals", "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    cross = [r for r in rows if r["kind"] == "cross_document_mismatch"]
    assert cross and cross[0]["place"] == "huyện Chư Sê" and cross[0]["year"] == "2022"
    assert cross[0]["documents"] == 2


@pytest.mark.parametrize("args", [
    ["SELECT nope"],
    ["--report", "no_such_report"],
    ["SELECT 1", "--report", "models_by_field"],
])
def test_query_usage_errors_exit_2(database, args):
    result = runner.invoke(app, ["query", str(database), *args])
    assert result.exit_code == 2, result.output


def test_query_missing_database_exits_2(tmp_path):
    assert runner.invoke(app, ["query", str(tmp_path / "none.duckdb"), "SELECT 1"]).exit_code == 2


def test_batch_usage_error_and_partial_exit(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(pool, "_NLP", nlp)
    src = tmp_path / "a.txt"
    src.write_text(TEXTS["a"], encoding="utf-8")
    assert runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "x.ods")]).exit_code == 2
    assert runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "x.jsonl"), "-f", "xml"]).exit_code == 2
    result = runner.invoke(app, ["batch", str(src), str(tmp_path / "missing.txt"), "-q", "-w", "1",
                                 "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 3, result.output
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "missing"]
