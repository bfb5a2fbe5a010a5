"""Features of the field classifier: dvnlp's own word segmentation, word and character n-grams.

The saved scikit-learn pipeline contains no callables: texts are segmented *before* they reach
it. :func:`segment` turns a text into one string of lowercased words separated by single
spaces, the syllables of each word joined with ``"_"`` (``"Hỗ trợ người dân"`` →
``"hỗ_trợ người_dân"``), using dvnlp's normalizer and :class:`~dvnlp.segment.VietnameseTokenizer`
(underthesea with protected spans); place names become ``<loc>`` and a final owner phrase
(``… của Hội Phụ nữ xã X``) is dropped. :func:`make_features` builds the ``FeatureUnion`` of
``TfidfVectorizer`` over that string: words (uni- and bigrams), ``char_wb`` 2–5-grams, and the
syllables of the words (uni- and bigrams).

:class:`KeywordBaseline` is the comparison point: it counts keyword hits per field, with the
keywords read from ``dvnlp/rules/fields.json`` when that rule file exists, else from the small
topic vocabulary in ``dvnlp/classify/keywords.json`` (same schema); the CV table shows both.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from dvnlp.classify.labels import LABELS, to_label

#: a token is kept when it has at least one letter or digit (punctuation is dropped)
_WORDLIKE = re.compile(r"\w", re.UNICODE)

#: settings of the two vectorizers (recorded in the model metadata)
WORD_PARAMS: dict[str, Any] = {
    "analyzer": "word",
    "token_pattern": r"[^ ]+",
    "lowercase": False,
    "ngram_range": (1, 2),
    "sublinear_tf": True,
}
CHAR_PARAMS: dict[str, Any] = {
    "analyzer": "char_wb",
    "ngram_range": (2, 5),
    "lowercase": False,
    "sublinear_tf": True,
    "min_df": 2,
}
#: syllables (the parts of words split at "_"): uni- and bigrams. underthesea's segmentation
#: is not always the same for the same phrase ("sức khỏe" vs "sức_khỏe"); syllables make the
#: features robust to that (CV on the training set: +0.01 macro-F1)
SYLLABLE_PARAMS: dict[str, Any] = {
    "analyzer": "word",
    "token_pattern": r"[^ _]+",
    "lowercase": False,
    "ngram_range": (1, 2),
    "sublinear_tf": True,
}
#: weights of the blocks in the FeatureUnion (each block is L2-normalized by its vectorizer)
WEIGHTS: dict[str, float] = {"words": 1.0, "chars": 1.0, "syllables": 1.5}


@cache
def _tokenizer():  # noqa: ANN202 - a VietnameseTokenizer, imported lazily
    from spacy.vocab import Vocab

    from dvnlp.segment import VietnameseTokenizer

    # a bare Vocab: spacy.blank("vi") would build spaCy's own pyvi tokenizer first
    return VietnameseTokenizer(Vocab())


#: nouns of administrative units and places; a capitalized word or a number right after one is
#: a place name (``huyện Ea Súp``, ``thôn 3``) and is replaced by :data:`PLACE`
PLACE_NOUNS = frozenset(
    "xã huyện phường thôn buôn bản làng tỉnh thị_trấn thị_xã tổ_dân_phố khu_phố thành_phố quận "
    "ấp khối xóm tổ khu đồn trường phố plei bon sóc".split()
)
PLACE = "<loc>"
#: first word of an owner after "của" (``… của Hội Phụ nữ xã Ia Hrú``): organizations and units
OWNER_HEADS = frozenset(
    "hội chi_hội chi_đoàn đoàn huyện_đoàn thành_đoàn tỉnh_đoàn thị_đoàn đoàn_thanh_niên công_an đồn "
    "bộ_đội ban ủy_ban ủy_ban_nhân_dân mặt_trận đảng_ủy đảng_bộ chi_bộ huyện_ủy thị_ủy tỉnh_ủy "
    "thành_ủy liên_đoàn công_đoàn trường bệnh_viện trung_tâm hợp_tác_xã bảo_hiểm ngân_hàng "
    "câu_lạc_bộ cựu_chiến_binh phụ_nữ nông_dân thanh_niên trạm công_ty phòng lực_lượng quân_sự "
    "ban_chỉ_huy".split()
)
_OWNER_PREFIXES = ("hội_", "ban_", "ủy_ban_", "ngân_hàng_", "trung_tâm_", "trường_", "đồn_", "bộ_đội_", "công_an_")
#: an owner phrase is dropped only when it is this short and ends the text
OWNER_MAX_WORDS = 8


def _key(word: str) -> str:
    return "_".join(word.lower().split())


def words(text: str) -> list[str]:
    """The words of ``text`` (normalized first) as dvnlp's tokenizer segments them, case kept."""
    from dvnlp.normalize import normalize

    return _tokenizer().words(normalize(text).text)


def _owner_start(ws: list[str]) -> int:
    """Index of a final ``của <organization …>`` phrase in ``ws``, or ``len(ws)``.

    The annotation guideline (docs/annotation-models.md §3.3) says the owner never decides the
    field, and in ``name_org`` items it is pure noise for the classifier; cross-validation on
    the training set agrees. Only a short phrase that ends the text without a comma is cut.
    """
    for i in range(len(ws) - 1, 0, -1):
        if _key(ws[i]) != "của":
            continue
        if i + 1 >= len(ws):
            break
        head = _key(ws[i + 1])
        rest = [w for w in ws[i + 1 :] if _WORDLIKE.search(w)]
        tail_punct = [w for w in ws[i + 1 :] if not _WORDLIKE.search(w)]
        if (
            (head in OWNER_HEADS or head.startswith(_OWNER_PREFIXES))
            and len(rest) <= OWNER_MAX_WORDS
            and all(p in {".", '"', "”", "“", ")"} for p in tail_punct)
        ):
            return i
        break
    return len(ws)


def prepare(ws: list[str]) -> str:
    """Words (as from :func:`words`) → the classifier's input string (see :func:`segment_one`)."""
    cut = _owner_start(ws)
    out: list[str] = []
    prev = ""
    for w in ws[:cut]:
        if not _WORDLIKE.search(w):
            continue
        key = _key(w)
        if prev in PLACE_NOUNS and (w[:1].isupper() or w[:1].isdigit()):
            key = PLACE
        out.append(key)
        prev = _key(w)
    return " ".join(out)


def segment_one(text: str) -> str:
    """One text → the string the saved pipeline reads.

    Normalized (:func:`dvnlp.normalize.normalize`), segmented by dvnlp's tokenizer, lowercased,
    the syllables of a word joined with ``_`` and words separated by single spaces;
    punctuation is dropped, a place name after an administrative noun becomes ``<loc>``
    (``huyện Ea Súp`` → ``huyện <loc>``) and a final owner phrase ``của <organization>`` is
    dropped (see :func:`_owner_start`).
    """
    return prepare(words(text))


def segment(texts: Iterable[str]) -> list[str]:
    """:func:`segment_one` for every text (the input format of the saved pipeline)."""
    return [segment_one(t) for t in texts]


def make_features():  # noqa: ANN201 - sklearn FeatureUnion
    """The ``FeatureUnion`` of word and character-n-gram TF-IDF (fit on segmented strings)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            ("words", TfidfVectorizer(**WORD_PARAMS)),
            ("chars", TfidfVectorizer(**CHAR_PARAMS)),
            ("syllables", TfidfVectorizer(**SYLLABLE_PARAMS)),
        ],
        transformer_weights=dict(WEIGHTS),
    )


# --- keyword baseline ---------------------------------------------------------------------


def load_keywords(source: str = "auto") -> tuple[str, dict[str, tuple[str, ...]]]:
    """``(resource, {label: keywords})`` for the keyword baseline.

    ``source``: ``"rules"`` — the shipped rule file ``dvnlp/rules/fields.json`` (read with
    :func:`dvnlp.rulebook.load_rules`; it lists the phrases that *name* the fields in reports);
    ``"topics"`` — ``dvnlp/classify/keywords.json`` (topic vocabulary per field, same schema);
    ``"auto"`` — the rule file when it is shipped, else keywords.json. Entries whose ``field`` is
    not a known label (code or Vietnamese name) are skipped; keywords are lowercased and
    compared with their syllables separated by single spaces.
    """
    from dvnlp.rulebook import FILES, load_rules, validate

    shipped = resources.files("dvnlp.rules").joinpath(FILES["fields"]).is_file()
    if source == "rules" or (source == "auto" and shipped):
        rules = load_rules("fields")
    elif source in ("topics", "auto"):
        resource = "dvnlp/classify/keywords.json"
        data = json.loads(resources.files("dvnlp.classify").joinpath("keywords.json").read_text("utf-8"))
        rules = validate("fields", data, resource)
    else:
        raise ValueError(f"unknown keyword source {source!r}; use 'auto', 'rules' or 'topics'")
    found: dict[str, list[str]] = {label: [] for label in LABELS}
    for entry in rules.entries:
        label = to_label(entry["field"])
        if label is None:
            continue
        for kw in entry["keywords"]:
            key = " ".join(str(kw).lower().replace("_", " ").replace(",", " ").split())
            if key and key not in found[label]:
                found[label].append(key)
    return rules.resource, {label: tuple(kws) for label, kws in found.items()}


class KeywordBaseline:
    """Counts keyword hits per field in a segmented text; the field with most hits wins.

    Longer keywords weigh more (one point per syllable); no hit, or a tie, falls back to the
    field most frequent in the training labels (then to :data:`LABELS` order).
    """

    def __init__(self, keywords: dict[str, Sequence[str]] | None = None, *, source: str = "auto") -> None:
        self.keywords = keywords
        self.source = source

    def fit(self, X: Sequence[str], y: Sequence[str]) -> KeywordBaseline:  # noqa: N803
        if self.keywords is None:
            self.keywords = load_keywords(self.source)[1]
        self.classes_ = np.array(sorted(LABELS))
        counts = {label: 0 for label in LABELS}
        for label in y:
            counts[label] += 1
        self.prior_ = sorted(LABELS, key=lambda lab: (-counts[lab], LABELS.index(lab)))
        self._patterns = {
            label: [(re.compile(rf"(?<!\w){re.escape(k)}(?!\w)"), len(k.split())) for k in kws]
            for label, kws in self.keywords.items()
        }
        return self

    def hits(self, text: str) -> dict[str, int]:
        plain = text.replace("_", " ").replace("-", " ")
        return {
            label: sum(w * len(p.findall(plain)) for p, w in self._patterns.get(label, ()))
            for label in LABELS
        }

    def predict(self, X: Sequence[str]) -> np.ndarray:  # noqa: N803
        out = []
        for text in X:
            hits = self.hits(text)
            best = max(hits.values())
            if best == 0:
                out.append(self.prior_[0])
                continue
            tied = [lab for lab in self.prior_ if hits[lab] == best]
            out.append(tied[0])
        return np.array(out)

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:  # noqa: N803
        """Hit shares with add-one smoothing (a crude score, for the log-loss column only)."""
        rows = []
        for text in X:
            hits = self.hits(text)
            v = np.array([hits[lab] + 1.0 for lab in self.classes_])
            rows.append(v / v.sum())
        return np.array(rows)
