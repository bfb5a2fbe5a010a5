# The README's two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.dvnlp-installed

.PHONY: run test setup system-packages train bench clean chromium screenshots

# Debian packages the tests use: .doc reading, OCR with its Vietnamese data, the font of the OCR test pages.
# Installed only when run as root with apt-get (CI); elsewhere the tests that need them skip, naming the package.
SYSTEM_PACKAGES := antiword tesseract-ocr tesseract-ocr-vie fonts-dejavu-core

$(STAMP): pyproject.toml setup.py dvnlp/segment/_crfdecode.pyx
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## run the main job on the bundled sample reports and print a rich summary; write the workbook and the HTML report
run: $(STAMP)
	$(VENV)/bin/dvnlp extract corpora/samples --format table
	$(VENV)/bin/dvnlp extract corpora/samples -o out/facts.xlsx
	$(VENV)/bin/dvnlp report corpora/samples -o out/report.html
	@echo "open out/report.html   (the HTML report: summary, findings, each report with its facts highlighted)"
	@echo "open out/facts.xlsx    (the Excel workbook: one sheet per table; --lang vi for Vietnamese headers)"

## Debian's chromium for the browser tests of the HTML report (only as root; the tests skip without it)
chromium:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then dpkg -s chromium chromium-driver >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null \
	    || echo "warning: could not install chromium; the browser tests will skip"; }; fi

## screenshots of the HTML report (summary, findings, one report page): make screenshots REPORT=… SCREENS=…
REPORT ?= out/report.html
SCREENS ?= out/screens
screenshots: $(STAMP) chromium
	test -f $(REPORT) || $(MAKE) run
	$(PY) scripts/screenshots.py $(REPORT) $(SCREENS)

system-packages:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) \
	      >/dev/null || echo "warning: could not install$$missing; the tests that need them will skip"; \
	  fi; \
	fi

## run the whole test suite (what CI runs)
test: $(STAMP) system-packages chromium
	$(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup

train: $(STAMP)
	$(VENV)/bin/dvnlp train

bench: $(STAMP)
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
