import json

from typer.testing import CliRunner

from dvnlp import __version__
from dvnlp.cli import app
from dvnlp.facts import FACT_TYPES

runner = CliRunner()


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert __version__ in result.output


def test_cli_runs_as_python_dash_m():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "dvnlp", "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


def test_cli_help_shows_example():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_cli_extract_jsonl_contract(tmp_path):
    src = tmp_path / "bao-cao.txt"
    src.write_text("Đồng chí Võ Thanh Hùng dự. Quyết định số 400-QĐ/TU; có 51/51 tổ chức cơ sở Đảng.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "bao-cao"
    assert set(FACT_TYPES) <= set(record)
    assert [d["symbol"] for d in record["documents"]] == ["400-QĐ/TU"]
    assert record["counts"][0]["value"] == 51 and record["counts"][0]["of"] == 51
    start, end = record["counts"][0]["span"]
    assert record["text"][start:end].startswith("51/51")


def test_cli_extract_bad_file_gives_error_record_and_exit_3(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Có 5 hộ.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 3, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b"]
    assert "error" in records[1] and "b.txt" in records[1]["error"]["message"] + records[1]["source"]


def test_cli_extract_table(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text("Quyết định số 1562/QĐ-UBND của UBND tỉnh.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "1562/QĐ-UBND" in result.output


def test_cli_classify_jsonl_in_order():
    texts = ["Camera an ninh kết nối khu dân cư", "Nuôi bò sinh sản luân chuyển cho hộ nghèo"]
    result = runner.invoke(app, ["classify", *texts, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["text"] for r in rows] == texts
    assert [r["field"] for r in rows] == ["defense_security", "economy"]
    assert all(abs(sum(r["scores"].values()) - 1) < 1e-3 for r in rows)  # scores are rounded to 4 places


def test_cli_classify_input_file(tmp_path):
    src = tmp_path / "models.jsonl"
    src.write_text('{"text": "Hũ gạo tình thương của Hội Phụ nữ"}\nChi bộ đối thoại với Nhân dân hằng tháng\n', encoding="utf-8")
    result = runner.invoke(app, ["classify", "--input", str(src), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len([line for line in result.output.splitlines() if line.strip()]) == 2


def test_cli_check_exit_code_gates_on_errors(tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text("Có 45/50 xã, đạt 90%.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(ok), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    bad = tmp_path / "bad.txt"
    bad.write_text("Có 17/15 cơ quan được đánh giá tốt.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    assert "ratio_exceeds_total" in result.output
