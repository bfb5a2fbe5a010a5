"""The Excel workbook read back with openpyxl and compared with the JSONL facts cell by cell."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from dvnlp import pipeline
from dvnlp.batch import pool
from dvnlp.cli import app
from dvnlp.facts.schema import TABLES, TITLE_SEP, headers

from test_export_tables import write_inputs  # the texts with a sum and a cross-document mismatch, the samples

openpyxl = pytest.importorskip("openpyxl", reason="needs openpyxl (pip install -e '.[dev]')")
runner = CliRunner()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("xlsx")
    inputs = write_inputs(root / "in", samples=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pool, "_NLP", nlp)  # the session's pipeline for dvnlp batch …
        mp.setattr(pipeline, "load", lambda **_: nlp)  # … and for dvnlp extract
        for args in (["-o", str(root / "facts.xlsx")], ["-o", str(root / "vi.xlsx"), "--lang", "vi"],
                     ["--format", "jsonl", "-o", str(root / "facts.jsonl")]):
            result = runner.invoke(app, ["extract", str(inputs), *args])
            assert result.exit_code == 0, result.output
        result = runner.invoke(app, ["batch", str(inputs), "-q", "-w", "1", "-o", str(root / "batch.xlsx")])
        assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (root / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    return root, records


def sheet(path, name):
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def expected(records):
    """The rows each sheet must hold, read straight from the JSONL records."""
    out = {t: [] for t in TABLES}
    for seq, r in enumerate(records):
        key = {"seq": seq, "id": r["id"]}
        text = r["text"]
        out["reports"].append({**key, "status": "ok", "n_chars": len(text), "n_counts": len(r["counts"]),
                               "n_checks": len(r["checks"]), "text": text})
        out["officials"] += [{**key, "n": n, "name": o["name"], "titles": TITLE_SEP.join(o["titles"]) or None,
                              "n_mentions": len(o["mentions"]), "span_start": o["mentions"][0][0]}
                             for n, o in enumerate(r["officials"])]
        out["documents"] += [{**key, "n": n, **{k: d[k] for k in ("kind", "number", "symbol", "issuer", "subject")},
                              "date": dt.datetime.fromisoformat(d["date"]) if d["date"] else None,
                              "span_start": d["span"][0], "span_end": d["span"][1]}
                             for n, d in enumerate(r["documents"])]
        out["counts"] += [{**key, "n": n, "value": c["value"], "of": c["of"], "unit": c["unit"],
                           "text": text[c["span"][0]:c["span"][1]]} for n, c in enumerate(r["counts"])]
        out["breakdowns"] += [{**key, "n": n, "total": b["total"], "n_parts": len(b["parts"]),
                               "parts_sum": sum(p["value"] for p in b["parts"])} for n, b in enumerate(r["breakdowns"])]
        out["breakdown_parts"] += [{**key, "breakdown": n, "n": k, **p} for n, b in enumerate(r["breakdowns"])
                                   for k, p in enumerate(b["parts"])]
        out["models"] += [{**key, "n": n, "name": m["name"], "field": m["field"], "confidence": m["confidence"]}
                          for n, m in enumerate(r["models"])]
        out["checks"] += [{**key, "n": n, "scope": "document", "kind": c["kind"], "message": c["message"],
                           "message_vi": c["message_vi"], "evidence": json.dumps(c["evidence"])}
                          for n, c in enumerate(r["checks"])]
    return out


@pytest.mark.parametrize("book", ["facts.xlsx", "batch.xlsx"])
def test_workbook_cells_equal_the_jsonl_facts(outputs, book):
    root, records = outputs
    want = expected(records)
    assert sum(len(v) for v in want.values()) > 60
    for table, rows in want.items():
        got = sheet(root / book, table)
        if table == "checks":  # then one row per document named by each cross-document finding
            cross = [g for g in got if g["scope"] == "batch"]
            assert [(c["id"], c["place"], c["year"]) for c in cross] == [("a", "huyện Chư Sê", "2022"),
                                                                         ("b", "huyện Chư Sê", "2022")]
            got = [g for g in got if g["scope"] == "document"]
        assert len(got) == len(rows), table
        for g, w in zip(got, rows):
            assert {k: g[k] for k in w} == w, (table, w)


def test_workbook_types_header_filters_and_links(outputs):
    root, _ = outputs
    wb = openpyxl.load_workbook(root / "facts.xlsx")  # formulas, not their values
    assert wb.sheetnames == list(TABLES)
    for name in TABLES:
        ws = wb[name]
        assert [c.value for c in ws[1]] == headers(name)
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    docs = wb["documents"]
    dated = [r for r in docs.iter_rows(min_row=2) if r[9].value is not None]
    assert dated and all(isinstance(r[9].value, dt.datetime) and r[9].number_format == "yyyy-mm-dd" for r in dated)
    assert isinstance(wb["counts"]["D2"].value, (int, float))
    assert docs["B2"].value.startswith('=HYPERLINK("#\'reports\'!A') and wb["reports"]["A2"].value == 0
    widths = {k: d.width for k, d in docs.column_dimensions.items()}
    assert widths["K"] > widths["A"]  # the subject column is wider than seq


def test_workbook_in_vietnamese(outputs):
    root, _ = outputs
    wb = openpyxl.load_workbook(root / "vi.xlsx", read_only=True)
    assert wb.sheetnames[:3] == ["Báo cáo", "Cán bộ", "Văn bản"]
    first = lambda ws: [c.value for c in next(ws.iter_rows(max_row=1))]  # noqa: E731
    assert first(wb["Cán bộ"])[3:5] == ["Họ tên", "Chức vụ"]
    assert "Số ký hiệu" in first(wb["Văn bản"]) and "Ngày ban hành" in first(wb["Văn bản"])
    assert first(wb["Cán bộ"]) == headers("officials", "vi")
