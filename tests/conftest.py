"""Shared fixtures: one pipeline per session, the shared corpora when present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    import dvnlp

    return dvnlp.load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent (looked in {SHARED}); corpus tests need it beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def genre_records(shared_dir):
    path = shared_dir / "corpus" / "genre.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def devset_docs(shared_dir):
    path = shared_dir / "devset" / "docs.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def genre_processed(nlp, genre_records):
    """Every genre article through ingest + the full pipeline + checks, once per session.

    A list of ``(record, input_text, doc, report_or_exception)``; corpus-wide tests share it.
    """
    from dvnlp.checks import check
    from dvnlp.facts import report_from_doc
    from dvnlp.ingest import html_to_text, looks_like_html

    out = []
    for rec in genre_records:
        text = html_to_text(rec["text"]) if looks_like_html(rec["text"]) else rec["text"]
        try:
            doc = nlp(text)
            report = check(report_from_doc(doc, doc_id=rec["id"]))
        except Exception as exc:  # noqa: BLE001 - the tests report every failure
            doc, report = None, exc
        out.append((rec, text, doc, report))
    return out
