"""Headless Debian ``chromium`` for checking and photographing the HTML report (tests and
``make screenshots``). Needs the Debian packages ``chromium`` and ``chromium-driver`` and the
``selenium`` package (the ``dev`` extra); nothing is downloaded: the driver and the browser are
the system's, named by path.
"""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["MISSING", "chromium", "find_browser"]

MISSING = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
_BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
_DRIVERS = ("/usr/bin/chromedriver",)


def find_browser() -> tuple[str, str] | None:
    """(browser, driver) paths when both are installed."""
    browser = next((p for p in _BROWSERS if Path(p).is_file()), None) or shutil.which("chromium")
    driver = next((p for p in _DRIVERS if Path(p).is_file()), None) or shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Any:
    """A selenium ``WebDriver`` on headless chromium with a fresh profile, console logs kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError(MISSING)
    browser, driver = found
    profile = tempfile.mkdtemp(prefix="dvnlp-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=driver), options=opts)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)
