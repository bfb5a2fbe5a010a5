"""The Dask backend: the same output as the local run; a helpful error when Dask is missing."""
from __future__ import annotations

import sys

import pytest

from dvnlp.batch import pool
from dvnlp.batch.pool import BatchUsageError, run_batch

SENTENCES = [
    "Năm 2022, huyện Chư Sê có 58 mô hình “Dân vận khéo”, trong đó kinh tế 30 mô hình, văn hóa - xã hội 20 mô hình.",
    "Năm 2022, huyện Chư Sê có 60 mô hình. Đồng chí Nguyễn Văn An, Trưởng Ban Dân vận Huyện ủy phát biểu.",
    "Thực hiện Quyết định số 1562/QĐ-UBND ngày 20/12/2022 của UBND tỉnh, có 51/51 tổ chức cơ sở Đảng.",
]


@pytest.mark.dask
def test_local_cluster_output_is_identical_to_the_local_run(tmp_path, nlp, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(pool, "_NLP", nlp)  # the in-process Dask worker shares this process's pipeline
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text(SENTENCES[i % 3], encoding="utf-8")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([folder], local, workers=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run_batch([folder], remote, scheduler=cluster.scheduler_address, chunksize=2)
    assert remote.read_bytes() == local.read_bytes()
    assert summary.documents == 7 and summary.errors == 1


def test_missing_dask_names_the_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    monkeypatch.delitem(sys.modules, "dvnlp.batch.dask", raising=False)
    with pytest.raises(BatchUsageError, match=r"pip install 'dvnlp\[dask\]'"):
        import dvnlp.batch.dask  # noqa: F401
