"""underthesea's syllable tokenizer, faster and with offsets: the pre-tokenization of :mod:`dvnlp.segment.crf`."""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

_CHUNK = re.compile(r"\S+")

#: a probe of underthesea's syllable tokenizer: its own function and :func:`syllable_tokenizer` must agree
PROBE = ("Ngày 20/12/2022, UBND huyện (Gia Lai) có 51/51 tổ chức; 95,45% đạt 2,8 tỷ đồng — "
          "e-mail a.b@c.vn, www.x.vn :) “Dân vận khéo” Nguyễn Văn A... 3-4 lần! ThS Thesis ABC.")


def compiled_decoder() -> ModuleType | None:
    """The compiled decoder :mod:`dvnlp.segment._crfdecode` (built from ``_crfdecode.pyx`` by ``pip install``),
    or ``None`` when the extension is not built or ``DVNLP_PURE_PYTHON`` is set: the segmenter then decodes
    in Python, with the same labels at ~1/3 of the speed."""
    if os.environ.get("DVNLP_PURE_PYTHON"):
        return None
    try:
        from dvnlp.segment import _crfdecode
    except ImportError:
        return None
    return _crfdecode


def syllable_tokenizer(regex_tokenize: Any, *, compiled: bool = True) -> Callable[..., list[str]]:
    """underthesea's syllable tokenizer without its per-match ``groupdict`` walk.

    ``regex_tokenize.tokenize`` finds each syllable with one combined pattern of named groups and
    then asks every match which group matched (~40% of its time) to return that group's text —
    which is the whole match. Same pattern (compiled here from the module's own source string, so
    a caller's ``fixed_words`` cannot change it), same character normalization, ``group(0)``.
    ``spans`` runs its chunk loop compiled when :func:`compiled_decoder` is built (``compiled=False``: never).
    """
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text

    pattern = re.compile(regex_tokenize.regex_patterns_combine, re.VERBOSE | re.UNICODE)
    fast = compiled_decoder() if compiled else None

    def tokenize(text: str, **_: Any) -> list[str]:
        return [m.group(0) for m in pattern.finditer(normalize_characters_in_text(text))]

    def spans(text: str) -> list[tuple[int, int]] | None:
        """The syllables' ``(start, end)`` in ``text``; ``None`` when normalization would change it.

        No alternative of the pattern matches whitespace, and only one matches a run of letters
        partly: ``Th.S`` (an unescaped dot, so ``Thesis`` gives ``Thes`` + ``is``); all the others
        need a dot, digit, ``&``, ``@``, ``:`` or hyphen. So a whitespace-separated chunk of letters
        only is one syllable (``\\w+``) unless it has that shape, and the pattern runs only on the
        other chunks, in the context of the whole text (its ``$`` and look-arounds see what they saw
        before). ``tests/segment/test_segment_crf.py`` checks the equivalence on the genre corpus.
        """
        if normalize_characters_in_text(text) != text:
            return None
        if fast is not None:  # the same loop, compiled
            return fast.syllable_spans(text, pattern.search)
        out: list[tuple[int, int]] = []
        search = pattern.search
        for chunk in _CHUNK.finditer(text):
            a, b = chunk.span()
            word = chunk.group()
            if word.isalpha() and not (len(word) > 4 and word[3] in "sS" and word.startswith("Th")):
                out.append((a, b))
                continue
            while a < b and (m := search(text, a)) is not None and m.start() < b:
                out.append(m.span())
                a = m.end()
        return out

    tokenize.spans = spans  # type: ignore[attr-defined]
    return tokenize
