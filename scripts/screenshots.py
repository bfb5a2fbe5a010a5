"""Screenshots of an HTML report in headless chromium: the summary, and the first report page that
has a finding (reached through the finding's link, so its evidence is highlighted).

    python scripts/screenshots.py out/report.html out/screens      # (make screenshots)

Writes ``summary.png``, ``findings.png`` and ``report-page.png`` into the folder and prints their
paths. Needs Debian's ``chromium`` and ``chromium-driver`` (``make chromium`` installs them as root).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def main(report: str, folder: str) -> int:
    from selenium.webdriver.common.by import By

    from dvnlp.export.browser import MISSING, chromium, find_browser

    if find_browser() is None:
        print(MISSING, file=sys.stderr)
        return 2
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    with chromium(1280, 1000) as d:
        d.get(Path(report).resolve().as_uri())
        d.save_screenshot(str(out / "summary.png"))
        d.execute_script("document.getElementById('findings').scrollIntoView()")
        d.save_screenshot(str(out / "findings.png"))
        links = d.find_elements(By.CSS_SELECTOR, "#finding-list .finding a")
        if links:
            d.execute_script("arguments[0].click()", links[0])
        else:  # no finding: the first report
            d.execute_script("arguments[0].click()", d.find_element(By.CSS_SELECTOR, "#report-list a"))
        time.sleep(0.3)
        d.save_screenshot(str(out / "report-page.png"))
        errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    for name in ("summary.png", "findings.png", "report-page.png"):
        print(out / name)
    if errors:
        print(f"console errors: {errors}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:3] if len(sys.argv) > 2 else ("out/report.html", "out/screens"))))
