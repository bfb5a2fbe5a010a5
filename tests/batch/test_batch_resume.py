"""Stop a real ``dvnlp batch`` mid-run (SIGINT, SIGTERM, SIGKILL), resume it, get the uninterrupted output."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dvnlp.batch import pool
from dvnlp.batch.manifest import state_paths
from dvnlp.batch.pool import run_batch

PARAGRAPH = (
    "Năm {year}, huyện Chư Sê có {n} mô hình dân vận, trong đó kinh tế {a} mô hình, văn hóa - xã hội {b} mô hình. "
    "Thực hiện Kế hoạch số {k}-KH/HU của Ban Thường vụ Huyện ủy, có {x}/{y} tổ chức cơ sở Đảng ban hành quy chế, "
    "đạt 95,45%; vận động nhân dân hiến 2,8 tỷ đồng và {d} m2 đất làm đường giao thông nông thôn. "
)
N_DOCS = 80  # enough that a signal sent after the third record lands mid-run


def write_corpus(path: Path, n: int = N_DOCS) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = "".join(PARAGRAPH.format(year=2010 + (i + j) % 12, n=40 + i, a=20 + j, b=20 - j + i, k=100 + i,
                                            x=i + 1, y=i + 2, d=500 + 7 * i) for j in range(3))
            fh.write(json.dumps({"id": f"bc-{i:02d}", "text": text}, ensure_ascii=False) + "\n")


@pytest.mark.parametrize(
    ("sig", "workers", "exit_code"),
    [
        (signal.SIGKILL, 1, -signal.SIGKILL),  # no chance to clean up: the manifest is all there is
        (signal.SIGINT, 1, 130),  # Ctrl-C: finished records kept, exit 130 (docs/cli.md)
        (signal.SIGTERM, 2, 130),  # a scheduler stopping the job, with a worker pool to shut down
    ],
    ids=["SIGKILL", "SIGINT", "SIGTERM-2-workers"],
)
def test_batch_resume_after_a_signal_gives_the_uninterrupted_output(tmp_path, nlp, monkeypatch, sig, workers,
                                                                     exit_code):
    corpus = tmp_path / "bao-cao.jsonl"
    write_corpus(corpus)
    monkeypatch.setattr(pool, "_NLP", nlp)
    reference = tmp_path / "ref.jsonl"
    run_batch([corpus], reference, workers=1)

    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "dvnlp.cli", "batch", str(corpus), "-o", str(out), "--workers", str(workers),
           "--chunksize", "1"]
    env = {**os.environ, "COLUMNS": "200"}
    manifest, part = state_paths(out)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if manifest.exists() and len(manifest.read_bytes().splitlines()) >= 1 + 3:
                break
            time.sleep(0.02)
        assert proc.poll() is None, f"the batch ended before it could be killed: {proc.stderr.read().decode()}"
        proc.send_signal(sig)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert proc.returncode == exit_code
    assert not out.exists() and manifest.exists() and part.exists()
    done_before = len(manifest.read_bytes().splitlines()) - 1
    assert 3 <= done_before < N_DOCS

    result = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [f"bc-{i:02d}" for i in range(N_DOCS)]  # each input exactly once, in order
    assert out.read_bytes() == reference.read_bytes()
    assert "from an earlier run" in result.stderr
    assert not manifest.exists() and not part.exists()


def test_batch_resume_stop_request_waits_for_the_document_in_hand_then_a_second_signal_stops_at_once():
    stop = pool._StopRequest()
    stop.check()  # no signal yet: nothing happens
    stop(signal.SIGINT, None)  # the first signal only asks
    with pytest.raises(KeyboardInterrupt, match="signal 2"):
        stop.check()  # between documents, the batch stops
    with pytest.raises(KeyboardInterrupt, match="signal 15"):
        stop(signal.SIGTERM, None)  # a second signal stops at once
