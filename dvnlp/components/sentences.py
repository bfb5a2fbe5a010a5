"""``dvnlp_sentences``: sentence starts after ``. ! ? …`` and at line breaks — the one sentence source.

Every later stage reads these sentences: components through ``doc.sents`` (or
:func:`sentence_spans`), checks and display through ``Report.sentences`` (character spans carried
on the report, so a report read back from JSON has them too). Nothing else splits sentences.

Reports put headings, captions and list items on lines of their own without final
punctuation, so a line break always ends a sentence here. Whitespace tokens belong to the
sentence before them. All starts are written with one ``Doc.from_array`` call: setting
``token.is_sent_start`` one token at a time makes spaCy rescan the document each time
(quadratic on long reports).
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

_ENDERS = frozenset({".", "!", "?", "…", "...", ";"})


class SentenceSplitter:
    def __init__(self, *, split_on_semicolon: bool = False) -> None:
        self.enders = _ENDERS if split_on_semicolon else _ENDERS - {";"}
        self._ender_ids = frozenset(get_string_id(e) for e in self.enders)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # token attributes as arrays: building a Token object per word was most of this stage
        rows = doc.to_array([ORTH, IS_SPACE]).tolist()
        strings, enders = doc.vocab.strings, self._ender_ids
        starts = numpy.full((len(doc), 1), -1, dtype="int32")  # -1: not a start
        start_next = True
        for i, (orth, is_space) in enumerate(rows):
            if is_space and i > 0:  # whitespace belongs to the sentence before it
                start_next = start_next or "\n" in strings[orth]
                continue
            if start_next:
                starts[i, 0] = 1
            start_next = orth in enders
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # spaCy reads -1 as "not a start"
        return doc


@Language.factory("dvnlp_sentences", default_config={"split_on_semicolon": False})
def make_sentences(nlp: Language, name: str, *, split_on_semicolon: bool) -> SentenceSplitter:
    return SentenceSplitter(split_on_semicolon=split_on_semicolon)


def sentence_spans(doc: Doc) -> list[list[int]]:
    """``[start_char, end_char]`` of every sentence of ``doc`` (as ``doc.sents``, without building Spans).

    A sentence runs from its first token to the end of its last one, whitespace tokens included;
    a Doc that no sentence splitter has seen is one sentence.
    """
    if not len(doc):
        return []
    rows = doc.to_array([SENT_START, IDX, LENGTH])
    starts = [i for i, flag in enumerate(rows[:, 0].tolist()) if flag == 1] if doc.has_annotation("SENT_START") else []
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    idx, length = rows[:, 1].tolist(), rows[:, 2].tolist()
    out = []
    for k, first in enumerate(starts):
        last = (starts[k + 1] if k + 1 < len(starts) else len(doc)) - 1
        out.append([idx[first], idx[last] + length[last]])
    return out
