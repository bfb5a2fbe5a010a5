"""Property-based tests: normalization and the pipeline never break on arbitrary Unicode."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dvnlp.normalize import normalize

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyĐÐðÁÀẢÃẠáàảãạ \u0301\u0300\u0309\u0303\u0323\u00a0\u200b\r\n\t–-/.,%0123456789QĐTUKH"
texts = st.one_of(
    st.text(),
    st.text(alphabet=VIET, max_size=200),
    st.text(alphabet=VIET, max_size=200).map(lambda s: unicodedata.normalize("NFD", s)),
)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


@given(texts)
@settings(max_examples=300, deadline=None)
def test_normalize_offsets_stay_inside_raw(raw):
    norm = normalize(raw)
    n = len(norm.text)
    for start in range(0, n + 1, max(1, n // 7)):
        for end in (start, min(n, start + 1), n):
            rs, re_ = norm.to_raw(start, end)
            assert 0 <= rs <= re_ <= len(raw)


@given(texts)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_pipeline_never_raises_and_keeps_text(nlp, raw):
    doc = nlp(raw)
    assert doc.text == normalize(raw).text
