"""The field labels of "Dân vận khéo" models — the one source of truth.

A "Dân vận khéo" model (mô hình) is filed under one of four fields (lĩnh vực). Code, corpora,
model files and rule files use the English codes in :data:`LABELS`; people read the
Vietnamese names in :data:`VIETNAMESE`. :func:`to_label` accepts either and returns the code.
"""
from __future__ import annotations

import unicodedata

#: the label codes, in the fixed order used for score vectors and confusion matrices
LABELS: tuple[str, ...] = ("economy", "culture_society", "defense_security", "political_system")

#: code -> Vietnamese name of the field, as written in reports
VIETNAMESE: dict[str, str] = {
    "economy": "Kinh tế",
    "culture_society": "Văn hóa – xã hội",
    "defense_security": "Quốc phòng – an ninh",
    "political_system": "Xây dựng hệ thống chính trị",
}

# other spellings met in reports and rule files (compared after _key())
_ALIASES: dict[str, str] = {
    "kinh tế": "economy",
    "lĩnh vực kinh tế": "economy",
    "văn hóa - xã hội": "culture_society",
    "văn hóa xã hội": "culture_society",
    "văn hoá - xã hội": "culture_society",
    "lĩnh vực văn hóa - xã hội": "culture_society",
    "quốc phòng - an ninh": "defense_security",
    "quốc phòng an ninh": "defense_security",
    "an ninh - quốc phòng": "defense_security",
    "lĩnh vực quốc phòng - an ninh": "defense_security",
    "xây dựng hệ thống chính trị": "political_system",
    "hệ thống chính trị": "political_system",
    "lĩnh vực xây dựng hệ thống chính trị": "political_system",
}


def _key(value: str) -> str:
    text = unicodedata.normalize("NFC", value).strip().lower()
    text = text.replace("–", "-").replace("—", "-").replace("hoá", "hóa")
    return " ".join(text.split())


_LOOKUP: dict[str, str] = {
    **{_key(code): code for code in LABELS},
    **{_key(name): code for code, name in VIETNAMESE.items()},
    **{_key(alias): code for alias, code in _ALIASES.items()},
}


def to_label(value: str) -> str | None:
    """The label code for a code or a Vietnamese field name; ``None`` when it is not one."""
    return _LOOKUP.get(_key(value))


def vietnamese(label: str) -> str:
    """The Vietnamese name of a label code (``KeyError`` for an unknown code)."""
    return VIETNAMESE[label]
