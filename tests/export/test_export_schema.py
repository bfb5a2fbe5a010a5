"""The facts schema: spaCy-free, complete, and the one source of the frames' and tables' columns."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from dvnlp.export.rows import flat, frame_row, record_rows
from dvnlp.facts import schema
from dvnlp.facts.report import FACT_CLASSES, Part


def test_schema_imports_without_spacy():
    code = "import sys, dvnlp.facts.schema, dvnlp.export.rows, dvnlp.export.tables; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def _derived(kind):
    """Frame columns as the rule of :mod:`dvnlp.export.frames` derives them from the contract's dataclasses."""
    cols = ["id", "n"]
    for f in dataclasses.fields(FACT_CLASSES[kind]):
        if f.name == "span" or f.name.endswith("_span"):
            cols += [f"{f.name}_start", f"{f.name}_end"]
        elif f.name == "parts":
            cols += ["n_parts", "parts_sum"]
        else:
            cols.append(f.name)
        cols += {("officials", "titles"): ["title"], ("officials", "mentions"): ["n_mentions"],
                 ("checks", "evidence"): ["span_start", "span_end"]}.get((kind, f.name), [])
    return tuple(cols)


@pytest.mark.parametrize("kind", schema.FACT_TYPES)
def test_frame_columns_follow_the_contract(kind):
    assert schema.FRAMES[kind] == _derived(kind)


def test_breakdown_parts_frame_follows_the_contract():
    assert schema.FRAMES["breakdown_parts"][3:] == tuple(f.name for f in dataclasses.fields(Part))


def test_every_column_has_a_type_and_a_vietnamese_header():
    for table, cols in schema.TABLES.items():
        assert len({c.name for c in cols}) == len(cols), table
        for c in cols:
            assert c.type in ("str", "int", "float", "date") and c.vi and c.vi != c.name, (table, c)
            assert c.lists in (None, "joined", "json")
    assert schema.header("officials", "name", "vi") == "Họ tên"
    assert schema.header("models", "name", "vi") == "Tên mô hình"
    with pytest.raises(ValueError, match="lang"):
        schema.header("officials", "name", "fr")


RECORD = {
    "id": "x", "text": "Đồng chí Nguyễn Văn An, Bí thư. Có 20 mô hình.",
    "officials": [{"name": "Nguyễn Văn An", "titles": ["Bí thư", "Chủ tịch"], "mentions": [[9, 22], [40, 43]],
                   "span": [9, 22], "rule": "r", "future_field": 1}],
    "documents": [], "counts": [{"value": 20, "of": None, "unit": "mô hình", "qualifier": None, "span": [35, 45],
                                 "number_span": [35, 37], "rule": "n"}],
    "breakdowns": [], "models": [], "dates": [], "organizations": [], "places": [],
    "checks": [{"kind": "k", "severity": "error", "message": "m", "evidence": [[35, 45]], "message_vi": None,
                "details": {"b": 1, "a": [1]}}],
    "checked": {"sums": 1},
}


def test_one_row_builder_two_encodings():
    rows = record_rows(RECORD, seq=3, source="x.txt")
    o = rows["officials"][0]
    assert (o["seq"], o["n"], o["span_start"], o["span_end"], o["n_mentions"], o["n_titles"]) == (3, 0, 9, 22, 2, 2)
    assert flat("officials", o)["titles"] == "Bí thư | Chủ tịch"
    assert "future_field" not in flat("officials", o)
    assert frame_row("officials", o)["titles"] == ["Bí thư", "Chủ tịch"]
    assert frame_row("officials", o)["future_field"] == 1  # a field no schema names yet is kept in frames
    c = rows["counts"][0]
    assert (c["text"], c["number_span_start"], c["number_span_end"]) == ("20 mô hình", 35, 37)
    f = rows["checks"][0]
    assert flat("checks", f)["details"] == '{"b": 1, "a": [1]}' and flat("checks", f)["evidence"] == "[[35, 45]]"
    assert frame_row("checks", f)["details"] == '{"a": [1], "b": 1}' and frame_row("checks", f)["evidence"] == [[35, 45]]
    assert rows["reports"][0]["checked_sums"] == 1 and rows["reports"][0]["n_check_errors"] == 1
    err = record_rows({"id": "e", "source": "e.pdf", "error": {"type": "InputError", "message": "bad"}}, seq=1)
    assert err["reports"][0]["status"] == "error" and err["errors"][0]["source"] == "e.pdf"
