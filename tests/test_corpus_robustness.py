"""The pipeline over every real article of ../shared/corpus/genre.jsonl: no exception, text kept."""
import pytest

from dvnlp.ingest import html_to_text, looks_like_html
from dvnlp.normalize import normalize


@pytest.mark.slow
def test_corpus_genre_every_document_round_trips(nlp, genre_records):
    failures = []
    for rec in genre_records:
        text = rec["text"]
        if looks_like_html(text):
            text = html_to_text(text)
        try:
            doc = nlp(text)
        except Exception as exc:  # noqa: BLE001 - collect every failure, then report them all
            failures.append((rec["id"], repr(exc)))
            continue
        if doc.text != normalize(text).text:
            failures.append((rec["id"], "doc.text differs from the normalized text"))
    assert not failures, failures[:5]
    assert len(genre_records) == 642
