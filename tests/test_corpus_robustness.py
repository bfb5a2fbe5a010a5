"""The pipeline over every real article of ../shared/corpus/genre.jsonl: no exception, text kept."""
import pytest

from dvnlp.normalize import normalize


@pytest.mark.xdist_group("genre")  # one pass of the pipeline over genre.jsonl, shared
def test_corpus_genre_every_document_round_trips(genre_processed):
    failures = [(rec["id"], repr(report)) for rec, _, _, report in genre_processed if isinstance(report, Exception)]
    assert not failures, failures[:5]
    mismatched = [rec["id"] for rec, text, doc, _ in genre_processed if doc is not None and doc.text != normalize(text).text]
    assert not mismatched, mismatched[:5]
    assert len(genre_processed) == 642


@pytest.mark.xdist_group("genre")  # one pass of the pipeline over genre.jsonl, shared
def test_corpus_genre_offsets_map_back_to_raw(genre_processed):
    for _, text, doc, report in genre_processed[:200]:
        norm = normalize(text)
        for count in report.counts:
            rs, re_ = norm.to_raw(*count.span)
            assert 0 <= rs <= re_ <= len(text)
            assert report.text[count.span[0]:count.span[1]].split()[0][:1] == normalize(text[rs:re_]).text[:1]
