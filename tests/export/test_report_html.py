"""The HTML report: self-contained, its parts present, and (in headless chromium) working."""
from __future__ import annotations

import re

import pytest

from dvnlp.batch import iter_reports
from dvnlp.checks import batch_findings
from dvnlp.export.browser import MISSING, find_browser
from dvnlp.export.htmlreport import write_report

from test_export_tables import ROOT_SAMPLES, TEXTS, write_inputs  # texts with a sum and a cross mismatch



@pytest.fixture(scope="module")
def records(tmp_path_factory, nlp):
    folder = write_inputs(tmp_path_factory.mktemp("report-in") / "in", corrupt=True)
    paths = sorted(folder.iterdir()) + sorted(ROOT_SAMPLES.glob("*.txt"))
    return [r.to_dict() for r in iter_reports(paths, nlp)]


@pytest.fixture(scope="module")
def single(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = write_report(records, out, cross=batch_findings(records), pages=False)
    return out, done


@pytest.fixture(scope="module")
def paged(records, tmp_path_factory):
    out = tmp_path_factory.mktemp("report-pages") / "index.html"
    write_report(records, out, cross=batch_findings(records), pages=True)
    return out


def test_report_html_is_self_contained_with_summary_findings_and_pages(single, records):
    out, done = single
    html = out.read_text(encoding="utf-8")
    assert done == {"reports": 5, "errors": 1, "findings": 2, "pages": None}  # c: sum_mismatch; a+b: one cross
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "nothing may be fetched"
    assert "<script>" in html and "<style>" in html and "<svg" in html
    assert html.count('class="report"') == 5  # one article per report, the failed docx is an input error
    assert "d.docx" in html  # listed among the input errors
    # every finding: the Vietnamese and the English message, and its evidence marked in an excerpt
    assert "Các báo cáo không thống nhất về số mô hình của huyện Chư Sê năm 2022" in html
    assert "Reports disagree on the number of mô hình of huyện Chư Sê in 2022" in html
    assert re.search(r'<mark class="ev">[^<]*58 mô hình', html) and re.search(r'<mark class="ev">[^<]*60 mô hình', html)
    assert 'href="#r2-f0"' in html and 'id="r2-f0"' in html  # a finding links to its evidence on the report
    assert "Rơ Mah Thuấn" in html and "114-KL/TW" in html  # the sample's official and document, searchable
    assert "Dân vận khéo" in html and "economy" in html  # the models-by-field chart


def test_report_html_pages_write_one_file_per_report(paged):
    pages = sorted(p.name for p in (paged.parent / "index_files").iterdir())
    assert pages == ["r0.html", "r1.html", "r2.html", "r4.html", "r5.html"]  # r3 is the failed input
    index = paged.read_text(encoding="utf-8")
    assert 'href="index_files/r2.html#r2-f0"' in index
    page = (paged.parent / "index_files" / "r2.html").read_text(encoding="utf-8")
    assert 'id="r2-f0"' in page and '<mark class="ev">' in page and 'href="../index.html"' in page


def test_report_command_from_a_batch_duckdb(tmp_path, nlp, monkeypatch):
    from typer.testing import CliRunner

    from dvnlp.batch import pool
    from dvnlp.cli import app

    monkeypatch.setattr(pool, "_NLP", nlp)
    write_inputs(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["batch", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"),
                               "-q", "-w", "1", "-o", str(tmp_path / "f.duckdb")]).exit_code == 0
    result = runner.invoke(app, ["report", str(tmp_path / "f.duckdb"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Reports disagree on the number of mô hình of huyện Chư Sê in 2022" in html  # read from the file
    assert html.count('class="report"') == 3 and "Nguyễn Văn An" in html


def test_report_command_from_jsonl_output_exits_3_when_inputs_failed(records, tmp_path):
    import json

    from typer.testing import CliRunner

    from dvnlp.cli import app

    src = tmp_path / "facts.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(src), "-o", str(tmp_path / "out" / "r.html"), "--pages"])
    assert result.exit_code == 3, result.output  # d.docx could not be read
    assert "5 reports, 2 findings, 1 input errors" in result.output
    assert len(list((tmp_path / "out" / "r_files").iterdir())) == 5


# --- in a real browser ------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(find_browser() is None, reason=MISSING)


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("selenium", reason="needs selenium (pip install -e '.[dev]')")
    from dvnlp.export.browser import chromium

    with chromium() as driver:
        yield driver


def _severe(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


@needs_chromium
def test_report_loads_in_chromium_without_console_errors(browser, single, paged):
    for path in (single[0], paged, paged.parent / "index_files" / "r2.html"):
        browser.get(path.as_uri())
        assert browser.find_element("css selector", "h1").text == "dvnlp report" or "·" in browser.title
        assert _severe(browser) == [], path


@needs_chromium
def test_report_search_box_filters(browser, single):
    from selenium.webdriver.common.by import By

    browser.get(single[0].as_uri())
    box = browser.find_element(By.ID, "search")
    rows = browser.find_elements(By.CSS_SELECTOR, "#report-list tr")
    assert len(rows) == 5 and all(r.is_displayed() for r in rows)
    assert not browser.find_element(By.ID, "entities").is_displayed()
    box.send_keys("nguyen van an")  # without diacritics
    shown = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#entity-list li") if e.is_displayed()]
    assert shown and all("Nguyễn Văn An" in t for t in shown)
    assert not any(r.is_displayed() for r in rows)  # no report id matches
    assert browser.find_element(By.ID, "search-count").text == f"{len(shown)} match" + ("es" if len(shown) > 1 else "")
    box.clear()
    box.send_keys("114-KL")
    shown = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#entity-list li") if e.is_displayed()]
    assert shown and all("114-KL/TW" in t for t in shown)
    box.clear()
    box.send_keys(" ")
    box.clear()
    browser.execute_script("document.getElementById('search').dispatchEvent(new Event('input'))")
    assert all(r.is_displayed() for r in rows)


def _in_view(driver, el) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", el)


@needs_chromium
@pytest.mark.parametrize("mode", ["single", "pages"])
def test_report_finding_link_scrolls_to_highlighted_evidence(browser, single, paged, mode):
    from selenium.webdriver.common.by import By

    browser.get((single[0] if mode == "single" else paged).as_uri())
    link = browser.find_element(By.CSS_SELECTOR, "#finding-list .finding.error a")
    target_id = link.get_attribute("href").split("#")[1]
    if mode == "single":
        assert not _in_view(browser, browser.find_element(By.ID, target_id))  # far down the page before the click
    link.click()
    target = browser.find_element(By.ID, target_id)
    assert "current" in target.get_attribute("class").split()
    assert _in_view(browser, target)
    mark = target.find_element(By.CSS_SELECTOR, "mark.ev")
    assert "Ia Grai" in target.text and mark.text
    assert mark.value_of_css_property("background-color") == "rgba(255, 107, 107, 1)"
    assert _severe(browser) == []


@pytest.fixture(scope="module")
def big(records, tmp_path_factory):
    """500 reports (the three short texts, repeated under new ids): the paged layout and its sizes."""
    ok = [r for r in records if r["id"] in TEXTS]
    many = [{**ok[i % len(ok)], "id": f"{ok[i % len(ok)]['id']}-{i}"} for i in range(500)]
    out = tmp_path_factory.mktemp("report-big") / "report.html"
    done = write_report(many, out, cross=batch_findings(many))
    return out, done


def test_report_html_of_500_reports_is_paged_with_an_index(big):
    out, done = big
    assert done["pages"] == out.parent / "report_files" and done["reports"] == 500
    pages = list((out.parent / "report_files").glob("r*.html"))
    assert len(pages) == 500
    assert max(p.stat().st_size for p in pages) < 400_000  # each page stands alone: text, tables, CSS
    index = out.read_text(encoding="utf-8")
    assert index.count('class="report"') == 0 and index.count('href="report_files/r') >= 500
    assert out.stat().st_size < 3_000_000


@needs_chromium
def test_report_of_500_reports_pages_long_lists(browser, big):
    from selenium.webdriver.common.by import By

    visible = ("return Array.from(document.querySelectorAll('#report-list tr'))"
               ".filter(function (r) { return r.offsetParent !== null; }).map(function (r) { return r.cells[1].textContent; });")
    browser.get(big[0].as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "#report-list tr")) == 500
    assert len(browser.execute_script(visible)) == 200
    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, ".more[data-for='report-list']"))
    assert len(browser.execute_script(visible)) == 400
    box = browser.find_element(By.ID, "search")
    box.send_keys("a-30")  # report ids a-0, b-1, c-2, a-3 …: a-30, a-300, a-303, a-306, a-309
    assert sorted(browser.execute_script(visible)) == ["a-30", "a-300", "a-303", "a-306", "a-309"]
    assert _severe(browser) == []
