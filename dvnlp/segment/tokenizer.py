"""The dvnlp tokenizer: normalized text → spaCy ``Doc`` of underthesea words.

Protected spans (:mod:`dvnlp.segment.protect`) become single tokens; the text between them
is segmented with underthesea's CRF model one line piece at a time (by
:class:`dvnlp.segment.crf.CRFSegmenter`, which gives the words of
``underthesea.word_tokenize(..., use_token_normalize=False)`` ~1.8x as fast), and every
word is located back in the text, so ``doc.text`` equals the normalized
input exactly. underthesea's ``fixed_words`` is deliberately not used: in 9.5.0 it keeps its
patterns in a module global and treats entries as live regular expressions.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import srsly

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from dvnlp.normalize import find_boilerplate, normalize
from dvnlp.segment.extensions import TEXT_KEY, register_extensions
from dvnlp.segment.protect import find_protected

#: pieces longer than this are cut at sentence punctuation before segmentation
MAX_PIECE = 2000
_SENT_CUT = re.compile(r"(?<=[.!?;:…])\s+")
_FALLBACK = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)


def load_word_segmenter() -> Callable[[str], list[str]]:
    """underthesea's CRF word segmenter: :class:`~dvnlp.segment.crf.CRFSegmenter` (same words,
    faster) when the installed model is the one it knows, else ``underthesea.word_tokenize``."""
    try:
        from underthesea import word_tokenize
    except ImportError as exc:  # pragma: no cover - underthesea is a hard dependency
        raise ImportError(
            "dvnlp's tokenizer needs underthesea: pip install 'underthesea>=9.5,<10'"
        ) from exc
    from dvnlp.segment.crf import load_segmenter

    segmenter = load_segmenter()
    if segmenter is not None:
        return segmenter
    return lambda text: word_tokenize(text, use_token_normalize=False)


class VietnameseTokenizer:
    """Callable ``str -> Doc``; normalizes first, then segments with protected spans.

    Settings are keyword-only, as in spaCy's own components.
    """

    def __init__(self, vocab: Vocab, *, normalize_input: bool = True, max_piece: int = MAX_PIECE) -> None:
        register_extensions()
        self.vocab = vocab
        self.normalize_input = normalize_input
        self.max_piece = max_piece
        self._segmenter: Callable[[str], list[str]] | None = None  # loaded on first use

    def __call__(self, text: str) -> Doc:
        raw = text
        if self.normalize_input:
            text = normalize(raw).text
        words, spaces = words_and_spaces(text, self.spans(text))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if raw != text:
            doc._.dvnlp_raw = raw
        doc._.dvnlp_boilerplate = [[b.start, b.end, b.rule] for b in find_boilerplate(text)]
        doc._.dvnlp_facts = {}
        doc.user_data[TEXT_KEY] = text
        return doc

    def words(self, text: str) -> list[str]:
        """The word strings of ``text`` in order (whitespace left out)."""
        return [text[a:b] for a, b in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every word of ``text``, in order, non-overlapping.

        underthesea segments whole lines (one call per line keeps its context and its per-call
        cost low); the protected spans then replace whatever words overlap them, and the parts of
        those words that lie outside a protected span are kept as words of their own.
        """
        words: list[tuple[int, int]] = []
        self._segment_free(text, 0, len(text), words)
        return merge_protected(text, words, [(p.start, p.end) for p in find_protected(text)])

    def _segment_free(self, text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
        line_start = start
        while line_start < end:
            nl = text.find("\n", line_start, end)
            line_end = end if nl < 0 else nl
            line = text[line_start:line_end]
            if line.strip():
                if len(line) > self.max_piece:
                    offset = 0
                    for piece in _SENT_CUT.split(line):
                        offset = line.index(piece, offset)
                        self._align(piece, line_start + offset, out)
                        offset += len(piece)
                else:
                    self._align(line, line_start, out)
            line_start = line_end + 1

    def _align(self, piece: str, base: int, out: list[tuple[int, int]]) -> None:
        """Segment ``piece`` and append the absolute offsets of its words to ``out``."""
        if not piece.strip():
            return
        if self._segmenter is None:
            self._segmenter = load_word_segmenter()
        direct = getattr(self._segmenter, "word_spans", None)
        if direct is not None:  # offsets straight from the segmenter: no search for the words
            try:
                spans = direct(piece)
            except Exception:  # noqa: BLE001 - a segmenter failure must not lose text
                spans = None
            if spans is not None:
                out.extend((base + a, base + b) for a, b in spans)
                return None
        try:
            tokens = self._segmenter(piece)
        except Exception:  # noqa: BLE001 - a segmenter failure must not lose text
            tokens = []
        found: list[tuple[int, int]] = []
        pos = 0
        for token in tokens:
            syllables = token.split()
            if not syllables:
                continue
            start = piece.find(syllables[0], pos)
            if start < 0 or piece[pos:start].strip():
                return self._fallback(piece, base, out)
            end = start + len(syllables[0])
            joined = True
            for syl in syllables[1:]:
                if piece.startswith(" " + syl, end):
                    end += 1 + len(syl)
                else:
                    joined = False
                    break
            if joined:
                found.append((start, end))
                pos = end
                continue
            # the syllables are there but not one space apart: keep them as separate words
            for syl in syllables:
                nxt = piece.find(syl, pos)
                if nxt < 0 or piece[pos:nxt].strip():
                    return self._fallback(piece, base, out)
                found.append((nxt, nxt + len(syl)))
                pos = nxt + len(syl)
        if piece[pos:].strip():
            return self._fallback(piece, base, out)
        out.extend((base + a, base + b) for a, b in found)
        return None

    @staticmethod
    def _fallback(piece: str, base: int, out: list[tuple[int, int]]) -> None:
        out.extend((base + m.start(), base + m.end()) for m in _FALLBACK.finditer(piece))

    # serialization: the tokenizer has settings only (rules ship with the package)
    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return srsly.msgpack_dumps({"normalize_input": self.normalize_input, "max_piece": self.max_piece})

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> VietnameseTokenizer:
        settings = srsly.msgpack_loads(data)
        self.normalize_input = bool(settings.get("normalize_input", True))
        self.max_piece = int(settings.get("max_piece", MAX_PIECE))
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> VietnameseTokenizer:
        return self.from_bytes(Path(path).read_bytes())



def merge_protected(text: str, words: list[tuple[int, int]], protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Words with every protected span made one token; both inputs sorted and non-overlapping
    (words as the segmenter gives them: no whitespace at either end)."""
    out: list[tuple[int, int]] = list(protected)
    j = 0
    for a, b in words:
        while j < len(protected) and protected[j][1] <= a:
            j += 1
        if j == len(protected) or protected[j][0] >= b:  # most words: no protected span inside
            out.append((a, b))
            continue
        k, pos = j, a
        while k < len(protected) and protected[k][0] < b:  # cut the word around the protected spans
            _keep(text, pos, protected[k][0], out)
            pos = max(pos, protected[k][1])
            k += 1
        _keep(text, pos, b, out)
    out.sort()
    return out


def _keep(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append((start + lead, start + lead + len(stripped)))


def words_and_spaces(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's ``words``/``spaces`` for non-overlapping ``spans`` of ``text``, in linear time.

    A single space after a word becomes its ``space``; any other gap becomes a whitespace
    token (or, if it is not whitespace, a token of its own), so ``doc.text == text``.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            gap = text[pos:start]
            if gap == " " and words and not spaces[-1]:
                spaces[-1] = True
            elif words and not spaces[-1] and gap.startswith(" ") and not words[-1].isspace():
                spaces[-1] = True
                words.append(gap[1:])
                spaces.append(False)
            else:
                words.append(gap)
                spaces.append(False)
        words.append(text[start:end])
        spaces.append(False)
        pos = end
    if pos < len(text):
        gap = text[pos:]
        if gap == " " and words and not spaces[-1]:
            spaces[-1] = True
        else:
            words.append(gap)
            spaces.append(False)
    return words, spaces


@registry.tokenizers("dvnlp.Tokenizer.v1")
def create_tokenizer(*, normalize_input: bool = True) -> Callable[..., VietnameseTokenizer]:
    """Registered as ``dvnlp.Tokenizer.v1`` (see :mod:`dvnlp.pipeline`)."""

    def make(nlp) -> VietnameseTokenizer:  # noqa: ANN001 - spaCy passes the Language
        return VietnameseTokenizer(nlp.vocab, normalize_input=normalize_input)

    return make
