# Every target installs what it needs first, so each works as the first command on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
PORT ?= 8000
TEST_PORT ?= 8123
# pytest-xdist workers of make test (one per core of the 2-core CI machine)
TEST_WORKERS ?= 2
# The public root of the site (canonical URLs, hreflang, sitemaps). `make serve` and `make test` use the
# local server instead, so every absolute URL on the pages points at the origin that serves them.
SITE_URL ?= https://contact-center-costs.example/
export SITE_URL
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build preview test screenshots lint typecheck bench lock clean

## serve: build the site and serve it at http://127.0.0.1:$(PORT)/ (without the .br/.gz files only
## hosts use: serve.py never sends them)
serve: SITE_URL = http://127.0.0.1:$(PORT)/
serve: $(PY_STAMP) $(NPM_STAMP)
	$(PY) -m scripts.build_site --no-compress
	$(PY) -m scripts.serve --port $(PORT)

## build: build all five languages into site/ (mkdocs --strict, one build per language)
build: $(PY_STAMP) $(NPM_STAMP)
	$(PY) -m scripts.build_site

## preview: live-reloading preview of one language (LANG_ONLY=nb|ru|it|nl|vi), without the calculator
preview: $(PY_STAMP)
	I18N_LANG=$(or $(LANG_ONLY),nb) $(PY) -m mkdocs serve -a 127.0.0.1:$(PORT)

## test: lint, type check, the JavaScript unit tests (node --test tests/js/), build once (without the
## .br/.gz files: the test server never sends them; a unit test covers them), then every test (unit,
## Pyodide, site, browser) on $(TEST_WORKERS) pytest-xdist workers (a test module's tests on one worker:
## a module's shared visit is made once), worker n serving the site on TEST_PORT + n
test: SITE_URL = http://127.0.0.1:$(TEST_PORT)/
test: lint typecheck $(CHROMIUM)
	node --test tests/js/
	$(PY) -m scripts.build_site --no-compress
	TEST_PORT=$(TEST_PORT) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --cov=calculators --cov-report=term-missing:skip-covered --durations=20

## screenshots: every article at phone and desktop width, full page, with a result, and the widget's
## states, as PNG files under test-artifacts/screenshots/ for a human look
screenshots: SITE_URL = http://127.0.0.1:$(TEST_PORT)/
screenshots: $(PY_STAMP) $(NPM_STAMP) $(CHROMIUM)
	$(PY) -m scripts.build_site --no-compress
	SCREENSHOTS=1 TEST_PORT=$(TEST_PORT) $(PY) -m pytest -p no:cacheprovider tests/browser/test_screenshots.py

lint: $(PY_STAMP) $(NPM_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	npx --no-install eslint .

typecheck: $(PY_STAMP)
	$(PY) -m mypy

## bench: speed benchmarks (not tests); prints a table and writes bench/results/latest.json
bench: SITE_URL = http://127.0.0.1:$(TEST_PORT)/
bench: build $(CHROMIUM)
	$(PY) bench/run.py

## lock: re-pin the Python tree after changing pyproject.toml
lock: $(PY_STAMP)
	$(PY) -m pip install -q -e '.[dev]' && $(PY) -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf site build dist .pytest_cache .mypy_cache .ruff_cache .coverage

$(PY_STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	touch $@

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) apt-get install -y -qq chromium
