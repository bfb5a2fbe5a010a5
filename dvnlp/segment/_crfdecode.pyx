# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The per-syllable loop of :meth:`dvnlp.segment.crf.CRFSegmenter.tag`, compiled.

Same caches, same cache-miss methods, same floating-point sums in the same order and the same
Viterbi (first maximum wins a tie) as the pure-Python path in :mod:`dvnlp.segment.crf`, which stays
the reference and the fallback when this extension is not built; ``tests/segment/test_segment_crf.py``
checks that both give the same labels. What it saves is the interpreter: per syllable the Python
path makes ~3 function calls, builds ~30 tuples and does ~60 float operations on Python objects
(~0.6 µs each); here the cache lookups are C calls on the same dicts and the sums are C doubles.
"""
from cpython.unicode cimport Py_UNICODE_ISALPHA, Py_UNICODE_ISSPACE
from libc.stdlib cimport free, malloc


cdef inline void _rows(double* dst, tuple rows, Py_ssize_t k):
    """Copy ``k`` ``(b, i)`` weight pairs of a cached row into ``dst``."""
    cdef Py_ssize_t j
    cdef tuple pair
    for j in range(k):
        pair = <tuple>rows[j]
        dst[2 * j] = <double>pair[0]
        dst[2 * j + 1] = <double>pair[1]


cdef tuple _ngram(seg, dict cache, set texts, set lows, set dictionary, tuple by_flags, int n,
                  str text, str low, bint title):
    """:meth:`CRFSegmenter._ngram_score` with the common cases inline: the row of an n-gram the model does not
    know as text (by its istitle/is_in_dict flags; 69% of bigrams, 99% of trigrams in news), else the cached row.
    The model's small sets of known n-grams are asked first: the cache holds only known ones."""
    if text in texts or (len(lows) and low in lows):
        entry = cache.get(text)
        if entry is not None:
            return <tuple>entry
        return <tuple>seg._ngram_score(n, text, low, title)
    return <tuple>by_flags[(2 if title else 0) + (1 if low in dictionary else 0)]


def decode(seg, list tokens):
    """The label index (0 = ``B-W``, 1 = ``I-W``) of each of ``tokens``."""
    cdef Py_ssize_t n = len(tokens)
    if n == 0:
        return []
    cdef dict syl_cache = seg._syllable_scores
    cdef dict ngram_cache = seg._ngram_scores
    cdef list texts = seg._texts
    cdef set dictionary = seg._dict
    cdef set texts2 = texts[2], lows2 = texts[3], texts3 = texts[4], lows3 = texts[5]
    cdef tuple flags2 = seg._flag_rows[0], flags3 = seg._flag_rows[1]
    bos, eos = seg._edge_scores["BOS"], seg._edge_scores["EOS"]
    (t00, t01), (t10, t11) = seg._trans
    cdef double c00 = t00, c01 = t01, c10 = t10, c11 = t11
    syllable = seg._syllable_score

    cdef Py_ssize_t n_big = n + 3 if n > 1 else 4
    cdef Py_ssize_t n_tri = n + 2 if n > 2 else 4
    cdef double* uni = <double*>malloc((n + 4) * 10 * sizeof(double))
    cdef double* big = <double*>malloc(n_big * 8 * sizeof(double))
    cdef double* tri = <double*>malloc(n_tri * 6 * sizeof(double))
    cdef double* em = <double*>malloc(n * 2 * sizeof(double))
    cdef char* back = <char*>malloc(n * 2)
    cdef char* lower = <char*>malloc(n)  # the syllable is written in lower case
    if not (uni and big and tri and em and back and lower):
        free(uni); free(big); free(tri); free(em); free(back); free(lower)
        raise MemoryError()
    cdef list lows = [None] * n
    cdef list titles = [None] * n
    cdef list spaced = [None] * n  # "token " and "lower " per syllable: each n-gram string is one concatenation
    cdef list spaced_low = [None] * n
    cdef list big_text = [None] * n
    cdef list big_low = [None] * n
    cdef str tok, low, text2, low2, text3, low3
    cdef Py_ssize_t j, i, k
    cdef tuple entry
    cdef double s0, s1, a, b, n0, n1
    cdef int p0, p1, y
    cdef double* u
    cdef double* bb
    cdef double* tt
    try:
        # rows padded with two edge rows at each end, as CRFSegmenter._windows lays them out
        for j in range(2):
            _rows(uni + 10 * j, <tuple>bos[0], 5)
            _rows(uni + 10 * (n + 2 + j), <tuple>eos[0], 5)
            _rows(big + 8 * j, <tuple>bos[1], 4)
            _rows(big + 8 * (n_big - 2 + j), <tuple>eos[1], 4)
            _rows(tri + 6 * j, <tuple>bos[2], 3)
            _rows(tri + 6 * (n_tri - 2 + j), <tuple>eos[2], 3)
        for j in range(n):
            tok = <str>tokens[j]
            cached = syl_cache.get(tok)
            entry = <tuple>(cached if cached is not None else syllable(tok))
            _rows(uni + 10 * (j + 2), <tuple>entry[0], 5)
            low = <str>entry[1]
            lows[j] = low
            titles[j] = entry[2]
            spaced[j] = tok + " "
            lower[j] = low == tok
            spaced_low[j] = spaced[j] if lower[j] else low + " "
        for j in range(n - 1):
            text2 = <str>spaced[j] + <str>tokens[j + 1]
            low2 = text2 if (lower[j] and lower[j + 1]) else <str>spaced_low[j] + <str>lows[j + 1]
            big_text[j] = text2
            big_low[j] = low2
            _rows(big + 8 * (j + 2), _ngram(seg, ngram_cache, texts2, lows2, dictionary, flags2, 2, text2, low2,
                                           titles[j] is True and titles[j + 1] is True), 4)
        for j in range(n - 2):
            text3 = <str>spaced[j] + <str>big_text[j + 1]
            low3 = text3 if (lower[j] and big_low[j + 1] is big_text[j + 1]) else <str>spaced_low[j] + <str>big_low[j + 1]
            _rows(tri + 6 * (j + 2), _ngram(seg, ngram_cache, texts3, lows3, dictionary, flags3, 3, text3, low3,
                                           titles[j] is True and titles[j + 1] is True and titles[j + 2] is True), 3)
        for i in range(n):
            u = uni + 10 * i
            bb = big + 8 * i
            tt = tri + 6 * i
            for k in range(2):  # the same sum, term by term and left to right, as CRFSegmenter.emissions
                em[2 * i + k] = (u[k] + u[10 + 2 + k] + u[20 + 4 + k] + u[30 + 6 + k] + u[40 + 8 + k]
                                 + bb[k] + bb[8 + 2 + k] + bb[16 + 4 + k] + bb[24 + 6 + k]
                                 + tt[k] + tt[6 + 2 + k] + tt[12 + 4 + k])
        s0, s1 = em[0], em[1]
        for i in range(1, n):
            a, b = s0 + c00, s1 + c10
            if a >= b:
                n0, p0 = a, 0
            else:
                n0, p0 = b, 1
            a, b = s0 + c01, s1 + c11
            if a >= b:
                n1, p1 = a, 0
            else:
                n1, p1 = b, 1
            s0, s1 = n0 + em[2 * i], n1 + em[2 * i + 1]
            back[2 * i] = p0
            back[2 * i + 1] = p1
        out = [0] * n
        y = 0 if s0 >= s1 else 1
        out[n - 1] = y
        for i in range(n - 1, 0, -1):
            y = back[2 * i + y]
            out[i - 1] = y
        return out
    finally:
        free(uni); free(big); free(tri); free(em); free(back); free(lower)


def emit_scores(list groups, text, low, bint title, bint in_dict, bint digit):
    """:meth:`CRFSegmenter._emit_scores`, compiled: per offset, the weights of the known features of one
    n-gram summed per label, in the same order (``text``/``low`` None: an n-gram known as neither)."""
    cdef list out = []
    cdef list group
    cdef tuple slot
    cdef double b, i
    cdef int what
    for group in groups:
        b = i = 0.0
        for slot in group:
            what = slot[0]
            weights = slot[3]
            if what == 0:
                pair = (<dict>weights).get(text) if text is not None else None
            elif what == 1:
                pair = (<dict>weights).get(low) if low is not None else None
            elif what == 2:
                pair = (<dict>weights)[title]
            elif what == 3:
                pair = (<dict>weights)[in_dict]
            else:
                pair = (<dict>weights)[digit]
            if pair is not None:
                b += <double>(<tuple>pair)[0]
                i += <double>(<tuple>pair)[1]
        out.append((b, i))
    return tuple(out)


def syllable_spans(str text, search):
    """The chunk loop of :func:`dvnlp.segment.syllables.syllable_tokenizer`'s ``spans``, compiled: a
    whitespace-separated chunk of letters only is one syllable (unless shaped ``Th?s…``); the others
    go to ``search`` (underthesea's combined pattern) in the context of the whole text. Whitespace and
    letters as ``re`` and ``str.isalpha`` see them (``Py_UNICODE_ISSPACE``, ``Py_UNICODE_ISALPHA``)."""
    cdef Py_ssize_t n = len(text), i = 0, a, b, k
    cdef Py_UCS4 c
    cdef bint alpha
    cdef list out = []
    while i < n:
        c = text[i]
        if Py_UNICODE_ISSPACE(c):
            i += 1
            continue
        a = i
        alpha = True
        while i < n:
            c = text[i]
            if Py_UNICODE_ISSPACE(c):
                break
            if alpha and not Py_UNICODE_ISALPHA(c):
                alpha = False
            i += 1
        b = i
        if alpha and not (b - a > 4 and text[a + 3] in "sS" and text[a] == "T" and text[a + 1] == "h"):
            out.append((a, b))
            continue
        k = a
        while k < b:
            m = search(text, k)
            if m is None:
                break
            s, e = m.span()
            if s >= b:
                break
            out.append((s, e))
            k = e
    return out


def word_spans(seg, str text, list syllables):
    """:meth:`CRFSegmenter.word_spans` after the syllables: decode, then join each word's syllables when they
    are one space apart (else keep them as words of their own), as the Python method does."""
    cdef list tokens = [text[(<tuple>s)[0]:(<tuple>s)[1]] for s in syllables]
    cdef list labels = decode(seg, tokens)
    cdef list out = []
    cdef Py_ssize_t n = len(syllables), i = 0, j, k, a, b
    cdef bint joined
    while i < n:
        j = i + 1  # the word is syllables[i:j]: the first label of a text is a start whatever it says
        while j < n and labels[j] == 1:
            j += 1
        if j - i == 1:
            out.append(syllables[i])
        else:
            joined = True
            for k in range(i, j - 1):
                a = (<tuple>syllables[k])[1]
                b = (<tuple>syllables[k + 1])[0]
                if b - a != 1 or text[a] != " ":
                    joined = False
                    break
            if joined:
                out.append(((<tuple>syllables[i])[0], (<tuple>syllables[j - 1])[1]))
            else:
                out.extend(syllables[i:j])
        i = j
    return out
