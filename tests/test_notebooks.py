"""The notebooks in notebooks/ run without error, offline, and are committed without outputs.

Each notebook is executed with nbclient on a ``python3`` kernel that is this interpreter (the
project's venv), with notebooks/ as working directory. The kernel spec is written to a temporary
folder put first on ``JUPYTER_PATH``, so a ``python3`` kernel registered elsewhere on the machine
cannot be picked up instead.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import nbclient  # in the dev extras (through nbmake), like ipykernel: a missing one fails, never skips
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
#: the notebooks the README and docs point to (others added later are run too)
EXPECTED = {"01-quickstart.ipynb", "02-corpus-exploration.ipynb", "03-classifier.ipynb"}
#: per-notebook budget (seconds); the three together stay well under two minutes on a CI machine
BUDGET = 90
CELL_TIMEOUT = 300


@pytest.fixture(scope="module")
def venv_kernel(tmp_path_factory, monkeypatch_module):
    """A ``python3`` kernel spec running ``sys.executable``, first on JUPYTER_PATH."""
    import ipykernel  # noqa: F401 - the kernel must be importable by this interpreter
    data = tmp_path_factory.mktemp("jupyter")
    spec = data / "kernels" / "python3"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (dvnlp venv)",
        "language": "python",
    }), encoding="utf-8")
    monkeypatch_module.setenv("JUPYTER_PATH", str(data))
    monkeypatch_module.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    monkeypatch_module.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return "python3"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_expected_notebooks_exist():
    assert EXPECTED <= {p.name for p in NOTEBOOKS}, f"missing: {EXPECTED - {p.name for p in NOTEBOOKS}}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path: Path, venv_kernel: str):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=venv_kernel,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    start = time.perf_counter()
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:  # the traceback of the failing cell
        pytest.fail(f"{path.name}: a cell failed:\n{exc}")
    seconds = time.perf_counter() - start
    errors = [out for cell in nb.cells if cell.cell_type == "code"
              for out in cell.get("outputs", []) if out.get("output_type") == "error"]
    assert not errors, f"{path.name}: error outputs: {[e.get('ename') for e in errors]}"
    assert seconds < BUDGET, f"{path.name} took {seconds:.0f} s (budget {BUDGET} s)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_committed_without_outputs(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [
        i for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not dirty, (
        f"{path.name}: code cells {dirty} have outputs or execution counts; clear them before committing "
        f"(e.g. `jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)}`)"
    )
