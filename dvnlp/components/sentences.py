"""``dvnlp_sentences``: sentence starts after ``. ! ? …`` and at line breaks.

Reports put headings, captions and list items on lines of their own without final
punctuation, so a line break always ends a sentence here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDERS = frozenset({".", "!", "?", "…", "...", ";"})


class SentenceSplitter:
    def __init__(self, *, split_on_semicolon: bool = False) -> None:
        self.enders = _ENDERS if split_on_semicolon else _ENDERS - {";"}

    def __call__(self, doc: Doc) -> Doc:
        start_next = True
        for token in doc:
            text = token.text
            if token.is_space and token.i > 0:  # whitespace belongs to the sentence before it
                token.is_sent_start = False
                start_next = start_next or "\n" in text
                continue
            token.is_sent_start = start_next
            start_next = text in self.enders or "\n" in token.whitespace_
        return doc


@Language.factory("dvnlp_sentences", default_config={"split_on_semicolon": False})
def make_sentences(nlp: Language, name: str, *, split_on_semicolon: bool) -> SentenceSplitter:
    return SentenceSplitter(split_on_semicolon=split_on_semicolon)
