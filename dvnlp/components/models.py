"""``dvnlp_models``: named "Dân vận khéo" models quoted in a report, with their field.

Names are the quoted strings that a model context introduces: ``mô hình “Hũ gạo tình thương”``,
and the quoted items of a list after ``Các mô hình tiêu biểu gồm:`` / ``như:``. Each name is
classified by the field classifier (:mod:`dvnlp.classify`), loaded once when the component
is created; when a breakdown part around the name states a field, that field is kept instead
(``rule`` says which).
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dvnlp.components.base import Boilerplate, Component, doc_text
from dvnlp.components.fields import find_labels

_QUOTE = re.compile(r"[“\"«]\s*(?P<name>[^“”\"«»\n]{3,160}?)\s*[”\"»]")
# a model context right before the quote: "mô hình", "mô hình điểm", "mô hình Dân vận khéo"
_BEFORE = re.compile(r"(?i:mô hình|điển hình|cách làm hay|phong trào)[^.;:\n“”\"]{0,30}$")
# a list opener: "các mô hình tiêu biểu gồm:", "một số mô hình như:"
_LIST = re.compile(r"(?i:mô hình)[^.\n]{0,60}?(?i:gồm|như|là|sau)\s*:?\s*$|(?i:mô hình)[^.\n]{0,60}:\s*$")
# what may stand between two quoted list items: an owner phrase, a comma/semicolon, "và"
_BETWEEN = re.compile(r"\s*(?:(?:của|do|tại|ở)\s[^“”\"«».\n]{0,60})?\s*[,;]?\s*(?:và|hay|hoặc)?\s*", re.IGNORECASE)
#: how far back (characters) a field named in the same clause is taken as the models' field
FIELD_CONTEXT = 120
_NOT_MODEL = re.compile(r"(?i)^(?:dân vận khéo|dân vận|khối đại đoàn kết toàn dân)$")


def _stated_field(text: str, labels: list, start: int) -> str | None:
    """The field a breakdown part names just before ``start`` in the same clause, if any."""
    clause = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start), start - FIELD_CONTEXT)
    before = [lab for lab in labels if clause < lab.start and lab.end <= start and lab.field]
    return before[-1].field if before else None


class ModelFinder(Component):
    fact_type, label = "models", "MODEL"

    def __init__(self, *, classifier: Any = None, name: str | None = None, on_error: str = "record") -> None:
        super().__init__(name=name, on_error=on_error)
        self.classifier = classifier

    def _model(self) -> Any:
        if self.classifier is None:
            from dvnlp.classify import load_model

            self.classifier = load_model()
        return self.classifier

    def match(self, doc: Doc) -> list[dict[str, Any]]:
        text = doc_text(doc)
        boiler = Boilerplate(doc)
        found: list[tuple[int, int, str, str]] = []
        list_open_until = -1
        last_end = -1
        for m in _QUOTE.finditer(text):
            a, b = m.span("name")
            if boiler.covers(a, b):
                continue
            name = m.group("name").strip(" ,.;")
            if _NOT_MODEL.match(name):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[max(line_start, m.start() - 80):m.start()]
            rule = None
            if _BEFORE.search(before):
                rule = "quoted_after_mo_hinh"
            elif _LIST.search(text[max(line_start, m.start() - 120):m.start()]):
                rule = "quoted_list_item"
                list_open_until = text.find(".", m.end()) if "." in text[m.end():] else len(text)
            elif m.start() <= list_open_until:
                rule = "quoted_list_item"
            elif last_end >= 0 and _BETWEEN.fullmatch(text, last_end, m.start()):
                rule = "quoted_list_item"
            if rule:
                found.append((a, b, name, rule))
                last_end = m.end()
        if not found:
            return []
        results = self._classify([n for _, _, n, _ in found])
        labels = find_labels(text)
        out = []
        for (a, b, name, rule), res in zip(found, results):
            field, confidence = res["field"], round(res["confidence"], 4)
            stated = _stated_field(text, labels, a)
            if stated and stated != field:
                field, confidence, rule = stated, 1.0, f"{rule}+stated_field"
            out.append({"name": name, "field": field, "confidence": confidence, "span": [a, b], "rule": rule})
        return out

    def _classify(self, names: list[str]) -> list[dict[str, Any]]:
        from dvnlp.classify import classify

        return classify(names, model=self._model(), explain=False)


@Language.factory("dvnlp_models", default_config={"on_error": "record"})
def make_models(nlp: Language, name: str, *, on_error: str) -> ModelFinder:
    return ModelFinder(name=name, on_error=on_error)
