"""underthesea's word-segmentation CRF, run with a leaner featurizer: same words, ~1.8x as fast.

``underthesea.word_tokenize`` spends ~65% of its time in ``underthesea_core.CRFFeaturizer``:
it builds all 43 feature strings for every syllable (``'T[-1,1]=sĩ bây giờ'``, …) as Python
objects, and the CRF tagger then looks each one up and ignores the ~45% its model has never
seen. :class:`CRFSegmenter` loads the *same* model files from the installed underthesea
package, reads the attribute dictionary of the CRFsuite model file once, and emits only the
features the model knows: per-syllable features are cached, and a bigram or trigram the model
does not know as text (most of them) gets a row precomputed from its flags. The model is linear, so
each cached row is kept as the sum of its features' weights per label (read from the same file), and
the tags come from a two-label Viterbi over those sums — the decoding ``underthesea_core.CRFTagger``
does, without building and looking up ~30 feature strings per syllable (first maximum wins on a
tie, as in CRFsuite). The per-syllable loop of that decoding is compiled (:mod:`dvnlp.segment._crfdecode`,
built by ``pip install``; same sums in the same order, tested equal to :meth:`CRFSegmenter.tag_python`,
which runs when the extension is not built). Pre-tokenization is underthesea's own regex tokenizer, so the output is that
of ``word_tokenize(text, use_token_normalize=False)`` — checked word for word over the genre corpus
by ``tests/segment/test_segment_crf.py``.

The featurizer's value semantics were established against ``CRFFeaturizer`` (underthesea_core
3.3): ``isdigit`` means "parses as a 32-bit signed integer", ``istitle`` means "no
space-separated piece starts with a lower-case letter", ``is_in_dict`` looks up the lower-cased
n-gram, and positions off the ends read ``BOS``/``EOS``.

:func:`load_segmenter` returns ``None`` when the installed model is not the one this was written
for (other feature templates, not a CRFsuite file); the tokenizer then uses ``word_tokenize``.
"""
from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

from dvnlp.segment.crfsuite import CRFModelFile, read_crfsuite_model
from dvnlp.segment.syllables import PROBE, compiled_decoder, syllable_tokenizer

#: the feature templates of underthesea's ``ws_crf_vlsp2013_20230727`` model, in its order
TEMPLATES: tuple[str, ...] = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)
MODEL_NAME = "ws_crf_vlsp2013_20230727"
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
_INT32 = re.compile(r"[+-]?[0-9]+")
#: per-syllable feature cache size; cleared when full (a few MB, a vocabulary of typical news)
CACHE_SIZE = 200_000


def _isdigit(s: str) -> bool:
    return _INT32.fullmatch(s) is not None and -(2**31) <= int(s) < 2**31


def _remember(cache: dict, key: str, entry: object) -> None:
    """Keep ``entry`` in a bounded cache (cleared when it holds :data:`CACHE_SIZE` entries)."""
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = entry


def _istitle(s: str) -> bool:
    return not any(piece[:1].islower() for piece in s.split(" "))


class CRFSegmenter:
    """``text -> list of words`` with underthesea's CRF model; see the module docstring."""

    def __init__(self, *, tokenize: Callable[..., list[str]], model: CRFModelFile, dictionary: set[str],
                 compiled: bool = True) -> None:
        self._tokenize = tokenize
        self._dict = dictionary
        zero = [0.0, 0.0]
        #: attribute string → its state weights for (B-W, I-W)
        self._weights = {a: tuple(model.state.get(i, zero)) for i, a in enumerate(model.attributes)}
        self._labels = model.labels
        self._trans = model.transitions
        known: dict[str, set[str]] = {}
        for attr in model.attributes:
            name, _, value = attr.partition("=")
            known.setdefault(name, set()).add(value)
        self._known = known
        # the templates grouped by n-gram size (1, 2, 3), then by offset
        self._unary = [self._slots(k, k) for k in range(-2, 3)]
        self._groups = (self._unary, [self._slots(k, k + 1) for k in range(-2, 2)],
                        [self._slots(k, k + 2) for k in range(-2, 1)])
        # the features of an n-gram that lies off either end, per offset
        self._edges = {
            kind: tuple(tuple(tuple(f"{t}={kind}" for _, t, _, _ in group if kind in known.get(t, ())) for group in groups)
                        for groups in self._groups)
            for kind in ("BOS", "EOS")
        }
        # n-gram values the model knows in any position, and the features of an n-gram it does
        # not know as text (most of them): those depend on its istitle/is_in_dict flags only
        self._texts = [set().union(*(slot[2][1] for group in groups for slot in group if slot[0] == what))
                       for groups in self._groups for what in (0, 1)]
        self._by_flags = [{(title, in_dict): self._emit(groups, None, None, title, in_dict, False)
                           for title in (True, False) for in_dict in (True, False)}
                          for groups in self._groups]
        # per syllable (bounded cache): (its features at each offset, lower case, istitle)
        self._cache: dict[str, tuple[tuple[tuple[str, ...], ...], str, bool]] = {}
        # per known bigram/trigram text (bounded cache): its features at each offset
        self._known_ngrams: dict[str, tuple[tuple[str, ...], ...]] = {}
        # the same rows as weight sums per label, for decoding
        self._edge_scores = {kind: tuple(self._scores(group) for group in groups) for kind, groups in self._edges.items()}
        self._by_flags_scores = [{flags: self._scores(rows) for flags, rows in table.items()} for table in self._by_flags]
        self._syllable_scores: dict[str, tuple[tuple[tuple[float, float], ...], str, bool]] = {}
        self._ngram_scores: dict[str, tuple[tuple[float, float], ...]] = {}
        # the rows of an unknown bigram/trigram by 2 * istitle + is_in_dict, for the compiled decoder
        self._flag_rows = tuple(tuple(table[(t, d)] for t in (False, True) for d in (False, True))
                                for table in self._by_flags_scores[1:])
        self._fast = compiled_decoder() if compiled else None
        if self._fast is not None:  # the same sums, compiled (cache misses: every new syllable and known n-gram)
            self._emit_scores = self._fast.emit_scores

    @property
    def compiled(self) -> bool:
        """Whether :meth:`tag` runs the compiled decoder."""
        return self._fast is not None

    def _slots(self, a: int, b: int) -> list[tuple]:
        """How to emit each template reading tokens ``a..b``: ``(what, template, known values or strings)``.

        ``what`` is 0 for the text, 1 for its lower case, 2/3/4 for istitle/is_in_dict/isdigit,
        whose two possible strings are precomputed (``None`` when the model never saw them).
        """
        name = f"T[{a}]" if a == b else f"T[{a},{b}]"
        slots = []
        for t in TEMPLATES:
            if t != name and not t.startswith(name + "."):
                continue
            seen = self._known.get(t, set())
            attr = t[len(name) + 1 :]
            if attr in ("", "lower"):
                weights = {v: self._weights[f"{t}={v}"] for v in seen}
                slots.append((0 if not attr else 1, t, (f"{t}=", seen), weights))
            else:
                what = {"istitle": 2, "is_in_dict": 3, "isdigit": 4}[attr]
                table = {v: (f"{t}={v}" if str(v) in seen else None) for v in (True, False)}
                slots.append((what, t, table, {v: None if f is None else self._weights[f] for v, f in table.items()}))
        return slots

    @staticmethod
    def _emit(groups: list[list[tuple]], text: str | None, low: str | None, title: bool, in_dict: bool,
              digit: bool) -> tuple[tuple[str, ...], ...]:
        """The known features of one n-gram at each offset (``text``/``low`` None: known as neither)."""
        flags = (None, None, title, in_dict, digit)
        out = []
        for group in groups:
            row = []
            for what, _t, data, _w in group:
                if what < 2:
                    value = text if what == 0 else low
                    if value is not None and value in data[1]:
                        row.append(data[0] + value)
                elif (string := data[flags[what]]) is not None:
                    row.append(string)
            out.append(tuple(row))
        return tuple(out)

    @staticmethod
    def _emit_scores(groups: list[list[tuple]], text: str | None, low: str | None, title: bool, in_dict: bool,
                     digit: bool) -> tuple[tuple[float, float], ...]:
        """:meth:`_emit` already scored: per offset, the weights of its known features summed per label, in the
        same order (so the same floats as summing :meth:`_emit`'s strings), with no feature string built."""
        flags = (None, None, title, in_dict, digit)
        out = []
        for group in groups:
            b = i = 0.0
            for what, _t, _data, weights in group:
                if what < 2:
                    value = text if what == 0 else low
                    pair = weights.get(value) if value is not None else None
                else:
                    pair = weights[flags[what]]
                if pair is not None:
                    b += pair[0]
                    i += pair[1]
            out.append((b, i))
        return tuple(out)

    def _syllable(self, token: str) -> tuple[tuple[tuple[str, ...], ...], str, bool]:
        return self._syllable_entry(token, self._cache, self._emit)

    def _ngram(self, n: int, text: str, low: str, title: bool) -> tuple[tuple[str, ...], ...]:
        return self._ngram_entry(n, text, low, title, self._known_ngrams, self._emit, self._by_flags)

    def _syllable_entry(self, token: str, cache: dict, emit: Callable) -> tuple[tuple, str, bool]:
        """``(rows, lower case, istitle)`` of a syllable from ``cache``, made by ``emit`` when missing."""
        entry = cache.get(token)
        if entry is None:
            low, title = token.lower(), _istitle(token)
            entry = (emit(self._unary, token, low, title, low in self._dict, _isdigit(token)), low, title)
            _remember(cache, token, entry)
        return entry

    def _ngram_entry(self, n: int, text: str, low: str, title: bool, cache: dict, emit: Callable,
                     by_flags: list[dict]) -> tuple:
        """The rows of an n-gram: from ``cache`` or made by ``emit`` when the model knows it as text (few, and
        frequent in news: "công tác", "Ủy ban"; bounded like the syllable cache), else the row of its flags."""
        entry = cache.get(text)
        if entry is not None:
            return entry
        if text in self._texts[2 * n - 2] or low in self._texts[2 * n - 1]:
            entry = emit(self._groups[n - 1], text, low, title, low in self._dict, False)
            _remember(cache, text, entry)
            return entry
        return by_flags[n - 1][(title, low in self._dict)]

    def _scores(self, rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[float, float], ...]:
        """Each offset's features as the sum of their weights per label."""
        weights = self._weights
        out = []
        for row in rows:
            b = i = 0.0
            for feature in row:
                wb, wi = weights[feature]
                b += wb
                i += wi
            out.append((b, i))
        return tuple(out)

    def _syllable_score(self, token: str) -> tuple[tuple[tuple[float, float], ...], str, bool]:
        return self._syllable_entry(token, self._syllable_scores, self._emit_scores)

    def _ngram_score(self, n: int, text: str, low: str, title: bool) -> tuple[tuple[float, float], ...]:
        return self._ngram_entry(n, text, low, title, self._ngram_scores, self._emit_scores, self._by_flags_scores)

    def _windows(self, tokens: list[str], syllable: Callable, ngram: Callable, edges: dict) -> tuple[list, list, list]:
        """The rows of every unigram, bigram and trigram of ``tokens`` (two edge rows padded at each end), from
        ``syllable(token) -> (rows, lower, istitle)`` and ``ngram(n, text, lower, istitle) -> rows``.

        An n-gram's lower case and istitle follow from its syllables' (``istitle`` of a space-joined string
        is that of every piece), so they are computed once per syllable."""
        n = len(tokens)
        syl = [syllable(t) for t in tokens]
        big = [ngram(2, f"{tokens[j]} {tokens[j + 1]}", f"{syl[j][1]} {syl[j + 1][1]}", syl[j][2] and syl[j + 1][2])
               for j in range(n - 1)]
        tri = [ngram(3, f"{tokens[j]} {tokens[j + 1]} {tokens[j + 2]}", f"{syl[j][1]} {syl[j + 1][1]} {syl[j + 2][1]}",
                     syl[j][2] and syl[j + 1][2] and syl[j + 2][2]) for j in range(n - 2)]
        bos, eos = edges["BOS"], edges["EOS"]
        return ([bos[0], bos[0], *(s[0] for s in syl), eos[0], eos[0]], [bos[1], bos[1], *big, eos[1], eos[1]],
                [bos[2], bos[2], *tri, eos[2], eos[2]])

    def emissions(self, tokens: list[str]) -> list[tuple[float, float]]:
        """Per token, the summed weights of its model-known features for each label — what
        :meth:`features` would give the tagger, already scored."""
        n = len(tokens)
        uni, big, tri = self._windows(tokens, self._syllable_score, self._ngram_score, self._edge_scores)
        out = []
        for i in range(n):
            u0, u1, u2, u3, u4 = uni[i][0], uni[i + 1][1], uni[i + 2][2], uni[i + 3][3], uni[i + 4][4]
            b0, b1, b2, b3 = big[i][0], big[i + 1][1], big[i + 2][2], big[i + 3][3]
            t0, t1, t2 = tri[i][0], tri[i + 1][1], tri[i + 2][2]
            out.append((u0[0] + u1[0] + u2[0] + u3[0] + u4[0] + b0[0] + b1[0] + b2[0] + b3[0] + t0[0] + t1[0] + t2[0],
                        u0[1] + u1[1] + u2[1] + u3[1] + u4[1] + b0[1] + b1[1] + b2[1] + b3[1] + t0[1] + t1[1] + t2[1]))
        return out

    def tag(self, tokens: list[str]) -> list[str]:
        """The most likely label of each token (Viterbi over two labels; the first maximum wins a tie):
        by the compiled :mod:`dvnlp.segment._crfdecode` when it is built, else by :meth:`tag_python`."""
        if self._fast is not None:
            labels = self._labels
            return [labels[y] for y in self._fast.decode(self, tokens)]
        return self.tag_python(tokens)

    def tag_python(self, tokens: list[str]) -> list[str]:
        """:meth:`tag` in pure Python: the reference the compiled decoder is tested against."""
        if not tokens:
            return []
        (t00, t01), (t10, t11) = self._trans
        emissions = self.emissions(tokens)
        s0, s1 = emissions[0]
        back: list[tuple[int, int]] = []
        for e0, e1 in emissions[1:]:
            a, b = s0 + t00, s1 + t10
            n0, p0 = (a, 0) if a >= b else (b, 1)
            a, b = s0 + t01, s1 + t11
            n1, p1 = (a, 0) if a >= b else (b, 1)
            s0, s1 = n0 + e0, n1 + e1
            back.append((p0, p1))
        y = 0 if s0 >= s1 else 1
        path = [y]
        for step in reversed(back):
            y = step[y]
            path.append(y)
        labels = self._labels
        return [labels[y] for y in reversed(path)]

    def features(self, tokens: list[str]) -> list[tuple[str, ...]]:
        """The model-known features of every token (the tagger ignores all others)."""
        uni, big, tri = self._windows(tokens, self._syllable, self._ngram, self._edges)
        return [
            (*uni[i][0], *uni[i + 1][1], *uni[i + 2][2], *uni[i + 3][3], *uni[i + 4][4],
             *big[i][0], *big[i + 1][1], *big[i + 2][2], *big[i + 3][3],
             *tri[i][0], *tri[i + 1][1], *tri[i + 2][2])
            for i in range(len(tokens))
        ]

    def word_spans(self, text: str) -> list[tuple[int, int]] | None:
        """``(start, end)`` of each word of ``text`` — the words of :meth:`__call__` located in ``text``
        (syllables of one word one space apart; a word whose syllables are not is split into its
        syllables, as the tokenizer's alignment does) — or ``None`` when the syllable tokenizer cannot
        give offsets (the text would be changed by its character normalization)."""
        find = getattr(self._tokenize, "spans", None)
        syllables = find(text) if find is not None else None
        if syllables is None:
            return None
        if not syllables:
            return []
        if self._fast is not None:
            return self._fast.word_spans(self, text, syllables)
        tags = self.tag_python([text[a:b] for a, b in syllables])
        groups: list[list[tuple[int, int]]] = []
        for tag, span in zip(tags, syllables):
            if tag == "I-W" and groups:
                groups[-1].append(span)
            else:
                groups.append([span])
        out: list[tuple[int, int]] = []
        for group in groups:
            if len(group) == 1:
                out.append(group[0])
            elif all(text[a[1]:b[0]] == " " for a, b in zip(group, group[1:])):
                out.append((group[0][0], group[-1][1]))
            else:
                out.extend(group)
        return out

    def __call__(self, text: str) -> list[str]:
        tokens = self._tokenize(text, use_token_normalize=False, fixed_words=[])
        if not tokens:
            return []
        tags = self.tag(tokens)
        words: list[str] = []
        for tag, token in zip(tags, tokens):
            if tag == "I-W" and words:
                words[-1] += " " + token
            else:
                words.append(token)
        return words


def load_segmenter(*, compiled: bool = True) -> CRFSegmenter | None:
    """underthesea's installed word-segmentation model as a :class:`CRFSegmenter`, or ``None``;
    ``compiled=False`` keeps it on the pure-Python decoder even when the compiled one is built."""
    try:
        import joblib
        from underthesea.pipeline import word_tokenize as wt
        from underthesea.pipeline.word_tokenize import regex_tokenize
    except ImportError:
        return None
    base = Path(wt.__file__).parent / "models" / MODEL_NAME
    try:
        if tuple(joblib.load(base / "features.bin")) != TEMPLATES:
            return None
        dictionary = set(joblib.load(base / "dictionary.bin"))
        model = read_crfsuite_model(base / "models.bin")
    except (OSError, ValueError, struct.error, TypeError, IndexError, UnicodeDecodeError):
        return None
    if model.labels != ["B-W", "I-W"] or not all(_TEMPLATE.fullmatch(a.partition("=")[0]) for a in model.attributes):
        return None
    tokenize = syllable_tokenizer(regex_tokenize, compiled=compiled)
    expected = regex_tokenize.tokenize(PROBE, use_token_normalize=False, fixed_words=[])
    if tokenize(PROBE) != expected or [PROBE[a:b] for a, b in tokenize.spans(PROBE)] != expected:
        # an underthesea whose pattern is not all named groups, or that splits a run of letters
        # where spans() assumes it does not: use its own tokenizer (no direct offsets)
        tokenize = regex_tokenize.tokenize
    return CRFSegmenter(tokenize=tokenize, model=model, dictionary=dictionary, compiled=compiled)
