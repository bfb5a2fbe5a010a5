"""The ``Doc._`` attributes dvnlp sets; registered once, lazily, never with ``force=True``.

Values are plain JSON-like data (no ``Span`` objects), so a ``DocBin(store_user_data=True)``
round trip keeps them.
"""
from __future__ import annotations

from spacy.tokens import Doc

#: name -> default
DOC_EXTENSIONS: dict[str, object] = {
    "dvnlp_raw": None,  # the raw input when it differs from doc.text
    "dvnlp_boilerplate": None,  # [[start, end, rule_id], ...] page-furniture lines
    "dvnlp_facts": None,  # {fact_type: [record, ...]} filled by the components
}


def register_extensions() -> None:
    """Register dvnlp's ``Doc`` extensions if they are not registered yet."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


#: ``doc.user_data`` key of the cached text (a Doc's text never changes, even when retokenized)
TEXT_KEY = "dvnlp.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data``: spaCy rebuilds it token by token on every access,
    and with one access per component that was ~10% of the pipeline's time."""
    text = doc.user_data.get(TEXT_KEY)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not isinstance(text, str) or len(text) != end:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text
