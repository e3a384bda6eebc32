# One entry point per task. `make serve` and `make test` do all set-up.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
VENDOR := docs/assets/vendor
export NO_MKDOCS_2_WARNING := 1

.PHONY: help lock env assets chromium generate build-products notebooks site pdf site-online serve live test lib-test canary bench clean

help:
	@echo "make serve        build the offline site and serve it on http://$(HOST):$(PORT)"
	@echo "make test         every check: generated files, unit and doc tests, strict build, browser"
	@echo "make site         offline build in site/ (opens from file://)"
	@echo "make site-online  online build in site-online/ (SITE_URL=https://... required, REPO_URL=https://... links the source)"
	@echo "make generate     regenerate docs/generated/ (tables and data; figures are made by every build)"
	@echo "make notebooks    execute the companion notebooks into docs/notebooks/ (git-ignored)"
	@echo "make pdf          the book as one PDF, site/matrix-calculus.pdf (make site does it too)"
	@echo "make live         live-reload preview for authors (math shows as TeX source)"
	@echo "make lib-test     build the wheel, test it on Python 3.10-3.13 with old and new NumPy"
	@echo "make canary       build with ProperDocs (strict) and sweep its pages in the browser"
	@echo "make lock         re-pin requirements.lock (hashes) after changing pyproject.toml"
	@echo "make bench        page weight, build and test times"

# --- set-up ---------------------------------------------------------------

# Every Python package comes from requirements.lock, pinned with hashes
# (torch as the CPU build); matcalc itself is installed editable on top
$(VENV)/.installed: requirements.lock pyproject.toml
	@command -v python3 >/dev/null || { echo "python3 (3.11) is required"; exit 1; }
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Re-pin after changing dependencies in pyproject.toml (downloads to hash)
lock: $(VENV)/.installed
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --extra=dev --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-find-links --no-emit-index-url --output-file=requirements.lock pyproject.toml

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js and npm are required: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

env: $(VENV)/.installed node_modules/.installed

# Served from the site's own origin: the search shim, and math.js, which the gradient
# checker injects on first use (its page only). The math font is written into the
# built site by tools/render_math.py (a subset of the npm package's)
assets: node_modules/.installed
	rm -rf $(VENDOR)/katex
	mkdir -p $(VENDOR)/iframe-worker
	cp node_modules/iframe-worker/shim/index.js $(VENDOR)/iframe-worker/shim.js
	mkdir -p $(VENDOR)/mathjs
	cp node_modules/mathjs/lib/browser/math.js node_modules/mathjs/lib/browser/math.js.LICENSE.txt $(VENDOR)/mathjs/

# Another apt-get (e.g. unattended upgrades on a fresh machine) may hold the dpkg
# lock: wait for it up to 10 minutes instead of failing at once
APT := apt-get -o DPkg::Lock::Timeout=600

chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq chromium >/dev/null; \
	else \
	  echo "Browser tests need Debian's Chromium at /usr/bin/chromium."; \
	  echo "Install it as root with: apt-get install chromium"; \
	  echo "(the browser tests fail without it; they are never skipped)"; \
	fi

# --- content --------------------------------------------------------------

generate: $(VENV)/.installed notebooks
	$(PY) tools/generate.py

# Figures and the widget's twins are build products (their last bits depend on the
# CPU's kernels), made here by every build and never committed: again whenever a
# generator, matcalc or a committed benchmark result changes
BUILD_PRODUCTS := docs/generated/figures/.stamp
BUILD_PRODUCT_SOURCES := tools/generate.py tools/figures.py $(wildcard tools/generators/*.py) \
  $(wildcard snippets/matcalc/*.py) $(wildcard benchmarks/results/*)

$(BUILD_PRODUCTS): $(BUILD_PRODUCT_SOURCES) $(VENV)/.installed
	$(PY) tools/generate.py --build-products
	touch $@

build-products: $(BUILD_PRODUCTS)

# Each notebook runs in a fresh kernel from its single source, snippets/notebooks/<name>.py,
# into docs/notebooks/<name>.ipynb (git-ignored): again whenever its source, matcalc or
# the runner changes. A cell error fails the step
NOTEBOOK_SOURCES := $(wildcard snippets/notebooks/*.py)
NOTEBOOKS := $(patsubst snippets/notebooks/%.py,docs/notebooks/%.ipynb,$(NOTEBOOK_SOURCES))

docs/notebooks/%.ipynb: snippets/notebooks/%.py $(wildcard snippets/matcalc/*.py) tools/notebooks.py $(VENV)/.installed
	$(PY) tools/notebooks.py $<

notebooks: $(NOTEBOOKS)

# --- builds ---------------------------------------------------------------

# After MkDocs: the post-build steps (tools/postbuild.py), then print the book to PDF
site: env assets chromium notebooks build-products
	$(if $(REPO_URL),REPO_URL="$(REPO_URL)") $(VENV)/bin/mkdocs build --strict --clean --site-dir site
	$(PY) tools/postbuild.py site
	$(PY) tools/book_pdf.py site

pdf: site

site-online: env assets notebooks build-products
	@test -n "$${SITE_URL:-}" || { echo "set SITE_URL, e.g. SITE_URL=https://example.org/ make site-online"; exit 1; }
	OFFLINE=false $(if $(REPO_URL),REPO_URL="$(REPO_URL)") $(VENV)/bin/mkdocs build --strict --clean --site-dir site-online
	$(PY) tools/postbuild.py site-online
	$(PY) tools/csp.py site-online

serve: site
	@echo "Serving the site on http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	$(PY) -m http.server --bind $(HOST) --directory site $(PORT)

live: env assets notebooks build-products
	OFFLINE=false $(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT)

# --- checks ---------------------------------------------------------------

# The online build is tested too (its Content-Security-Policy); its address is a placeholder.
# Tests run in two processes (pytest-xdist), one per core: the browser tests wait on
# Chromium, the doc tests on Python, and the two overlap
PYTEST_WORKERS ?= 2
test: env assets chromium site
	$(MAKE) --no-print-directory site-online SITE_URL=https://matcalc.invalid/ REPO_URL=https://matcalc.invalid/source
	$(MAKE) --no-print-directory canary
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS)

# The library as users install it: sdist, wheel from the sdist, then tests/lib
# in a fresh venv per Python 3.10-3.13 with the oldest and newest NumPy each supports.
# Each Python is found on PATH (pythonX.Y) or under pyenv; CI's Debian job, which has
# only Debian's 3.11, sets LIB_TEST_PYTHONS=3.11 and tests the others in their own jobs
LIB_TEST_PYTHONS ?= 3.10 3.11 3.12 3.13
lib-test: $(VENV)/.installed
	$(PY) tools/lib_test.py $(addprefix --python ,$(LIB_TEST_PYTHONS))

# Migration canary: the same site built by ProperDocs (a maintained MkDocs 1.x
# fork), strict, then swept in the browser like the real build: the pages that differ
# from site/ (tools/canary_diff.py; all of them if site/ is missing or a shared file
# differs). A page identical to site/'s, generator tag aside, is covered by site/'s sweep
canary: env assets chromium notebooks build-products
	$(VENV)/bin/properdocs build -f mkdocs.yml --strict --clean --site-dir site-canary
	$(PY) tools/postbuild.py site-canary
	@pages="$$($(PY) tools/canary_diff.py site site-canary)"; \
	if [ -z "$$pages" ]; then \
	  echo "canary: site-canary/ is site/ byte for byte, generator tag aside: site/'s sweep covers it"; \
	else \
	  echo "canary: sweeping the pages that differ from site/:" $$pages; \
	  MATCALC_SITE_DIR=site-canary MATCALC_PAGES="$$pages" $(VENV)/bin/pytest -q -n $(PYTEST_WORKERS) \
	    tests/test_site_pages.py -k "not online and not narrow"; \
	fi

bench: env assets
	$(PY) benchmarks/site_weight.py

clean:
	rm -rf site site-online site-canary $(VENDOR) .pytest_cache docs/notebooks \
	  docs/generated/figures docs/generated/widgets $(BUILD_PRODUCTS)
