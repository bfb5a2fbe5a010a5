"""The component protocol: match then set_annotations; a failure is recorded, not lost."""
from __future__ import annotations

import pytest

import dvnlp
from dvnlp.components.base import Component
from dvnlp.facts import report_from_doc


class _Broken(Component):
    fact_type, label = "counts", "COUNT"

    def match(self, doc):
        raise RuntimeError("rule table is corrupt")


def test_base_failure_is_recorded_on_the_report(nlp):
    doc = nlp.make_doc("Có 7 mô hình.")
    _Broken(name="dvnlp_broken")(doc)
    report = report_from_doc(doc)
    assert report.warnings == [{"type": "component", "component": "dvnlp_broken",
                                "message": "RuntimeError: rule table is corrupt"}]
    assert report.to_dict()["warnings"] == report.warnings


def test_base_on_error_raise_re_raises(nlp):
    doc = nlp.make_doc("Có 7 mô hình.")
    with pytest.raises(RuntimeError, match="corrupt"):
        _Broken(on_error="raise")(doc)


def test_base_on_error_is_validated():
    with pytest.raises(ValueError, match="on_error"):
        _Broken(on_error="ignore")


def test_base_pipeline_component_failure_keeps_the_others(monkeypatch):
    nlp = dvnlp.load()
    counts = nlp.get_pipe("dvnlp_counts")

    def boom(doc):
        raise ValueError("bad number")

    monkeypatch.setattr(counts, "match", boom)
    report = dvnlp.extract("Đồng chí Nguyễn Văn A, Bí thư Huyện ủy, có 7 mô hình.", nlp=nlp)
    assert report.counts == []
    assert [o.name for o in report.officials] == ["Nguyễn Văn A"]
    assert report.warnings[0]["component"] == "dvnlp_counts"
    assert "ValueError: bad number" in report.warnings[0]["message"]


def test_base_component_config_reaches_the_factory():
    nlp = dvnlp.load(component_config={"dvnlp_counts": {"on_error": "raise"}})
    assert nlp.get_pipe("dvnlp_counts").on_error == "raise"
    assert nlp.get_pipe("dvnlp_dates").on_error == "record"


def test_base_every_component_has_an_entry_point():
    from dvnlp.pipeline import COMPONENTS, factory_modules

    modules = factory_modules()
    assert set(modules) == set(COMPONENTS)
    assert all(m.startswith("dvnlp.components.") for m in modules.values())
