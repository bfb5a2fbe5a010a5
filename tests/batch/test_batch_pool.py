"""dvnlp.batch.pool: input order for any number of workers, error records, usage errors, manifest."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dvnlp.batch import pool
from dvnlp.batch.manifest import Manifest, ManifestMismatch, state_paths
from dvnlp.batch.pool import BatchUsageError, resolve_format, run_batch
from dvnlp.ingest import iter_documents

SENTENCES = [
    "Thực hiện Quyết định số 400-QĐ/TU ngày 12/5/2021 của Ban Thường vụ Tỉnh ủy, năm 2022 huyện Chư Sê có "
    "58 mô hình “Dân vận khéo”, trong đó lĩnh vực kinh tế 30 mô hình, văn hóa - xã hội 20 mô hình, "
    "quốc phòng - an ninh 8 mô hình.",
    "Năm 2022, huyện Chư Sê có 60 mô hình “Dân vận khéo”. Đồng chí Nguyễn Văn An, Phó Bí thư Thường trực "
    "Huyện ủy, Trưởng Ban Dân vận Huyện ủy dự và phát biểu.",
    "Năm 2023, huyện Ia Grai có 40 mô hình, trong đó kinh tế 20 mô hình, văn hóa - xã hội 15 mô hình, "
    "quốc phòng - an ninh 10 mô hình.",
    "Đến nay có 51/51 tổ chức cơ sở Đảng ban hành quy chế dân vận, đạt 100%. Mô hình “Camera an ninh kết nối "
    "khu dân cư” được nhân rộng.",
]


@pytest.fixture(autouse=True)
def shared_pipeline(nlp, monkeypatch):
    """workers=1 runs in this process: reuse the session's pipeline instead of loading another."""
    monkeypatch.setattr(pool, "_NLP", nlp)


def make_inputs(root: Path, *, bad: bool = True) -> list[Path]:
    folder = root / "in"
    folder.mkdir()
    for i, s in enumerate(SENTENCES):
        (folder / f"bc-{i:02d}.txt").write_text(s, encoding="utf-8")
    with open(folder / "tin.jsonl", "w", encoding="utf-8") as fh:
        for i in range(8):
            fh.write(json.dumps({"id": f"tin-{i}", "text": SENTENCES[i % 4].replace("2022", str(2010 + i))},
                                ensure_ascii=False) + "\n")
    if bad:
        (folder / "nhi-phan.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
        (folder / "rong.txt").write_bytes(b"")
        (folder / "hong.docx").write_bytes(b"PK\x03\x04" + b"not a zip at all" * 10)
    return [folder]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_order_is_the_input_order_for_1_and_2_workers(tmp_path):
    inputs = make_inputs(tmp_path)
    one, two = tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"
    s1 = run_batch(inputs, one, workers=1)
    s2 = run_batch(inputs, two, workers=2, chunksize=1)
    assert one.read_bytes() == two.read_bytes()
    expected = [(d.id, d.source) for d in iter_documents(inputs)]
    got = records(one)
    assert [r["id"] for r in got] == [i for i, _ in expected]
    assert s1.documents == s2.documents == len(expected) == 15
    assert not any(p.exists() for p in state_paths(one) + state_paths(two))


def test_bad_inputs_become_error_records_and_the_batch_goes_on(tmp_path):
    inputs = make_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    summary = run_batch(inputs, out, workers=1)
    got = records(out)
    errors = {r["id"]: r for r in got if "error" in r}
    assert set(errors) == {"nhi-phan", "rong", "hong"}
    for r in errors.values():
        assert set(r) == {"id", "source", "error"} and set(r["error"]) == {"type", "message"}
        assert Path(r["source"]).name in r["error"]["message"]
    assert summary.errors == 3 and summary.documents == len(got) == 15
    assert len({r["id"] for r in got}) == len(got)  # one record per input
    assert summary.findings["sum_mismatch"] >= 1
    assert summary.findings["cross_document_mismatch"] >= 1  # huyện Chư Sê 2022: 58 vs 60


def test_output_format_from_the_suffix_or_usage_errors(tmp_path):
    assert resolve_format(tmp_path / "a.jsonl", None) == "jsonl"
    assert resolve_format(tmp_path / "a.duckdb", None) == "duckdb"
    assert resolve_format(tmp_path / "a.parquet", None) == "parquet"
    assert resolve_format(tmp_path / "bang", None) == "csv"
    assert resolve_format(tmp_path / "a.xlsx", None) == "xlsx"
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(BatchUsageError):
        resolve_format(tmp_path / "a.ods", None)
    with pytest.raises(BatchUsageError):
        resolve_format(tmp_path / "f.txt", "csv")  # a folder format onto a file
    with pytest.raises(BatchUsageError):
        resolve_format(tmp_path, "jsonl")  # a file format onto a folder


def test_manifest_cuts_back_to_the_last_complete_entry(tmp_path):
    out = tmp_path / "o.jsonl"
    m = Manifest(out, {"inputs": ["x"], "format": "jsonl"})
    for i in range(3):
        m.add(i, f"d{i}", f"x:{i}", json.dumps({"id": f"d{i}"}), False)
    m.close()
    man, part = state_paths(out)
    with open(part, "ab") as fh:  # killed after the record, before its manifest line
        fh.write(b'{"id": "d3"}\n')
    with open(man, "ab") as fh:  # … or in the middle of a manifest line
        fh.write(b'{"seq": 3, "id": "d3", "sou')
    with pytest.raises(ManifestMismatch):
        Manifest(out, {"inputs": ["y"], "format": "jsonl"}, resume=True)
    m = Manifest(out, {"inputs": ["x"], "format": "jsonl"}, resume=True)
    assert len(m) == 3 and m.take_done("d1", "x:1") and not m.take_done("d1", "x:1")
    m.add(3, "d3", "x:3", json.dumps({"id": "d3"}), False)
    m.close()
    assert [line for _, _, line in m.records()] == [json.dumps({"id": f"d{i}"}) for i in range(4)]
    assert len(man.read_text().splitlines()) == 5
    fresh = Manifest(out, {"inputs": ["x"], "format": "jsonl"})  # without resume: start over
    assert fresh.stale and len(fresh) == 0
    fresh.remove()
    assert not man.exists() and not part.exists()


def test_batch_frozen_heap_freezes_for_the_batch_and_gives_back():
    import gc

    from dvnlp.batch.work import frozen_heap

    assert gc.get_freeze_count() == 0
    with frozen_heap() as froze:
        assert froze and gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_batch_frozen_heap_leaves_a_callers_freeze_and_a_disabled_collector_alone():
    import gc

    from dvnlp.batch.work import frozen_heap

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with frozen_heap() as froze:
            assert not froze
        assert gc.get_freeze_count() == before  # not unfrozen by us
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        with frozen_heap() as froze:
            assert not froze and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_batch_one_worker_unfreezes_after_the_batch(tmp_path):
    import gc

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Năm 2023, toàn huyện có 58 mô hình."}\n', encoding="utf-8")
    run_batch([src], tmp_path / "out.jsonl", workers=1)
    assert gc.get_freeze_count() == 0 and (tmp_path / "out.jsonl").is_file()
