# Two commands do all set-up on a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup browser nginx serve build validate test lint format clean dist bench

help:
	@echo "make serve     build the site and serve it on http://$(HOST):$(PORT) (rebuilds on edits)"
	@echo "make build     build the site into site/ (the old site stays if anything fails)"
	@echo "make validate  check data/ without building"
	@echo "make test      lint, validate, unit, data, site and browser tests"
	@echo "make dist      the site plus .gz/.br copies into dist/, and dist.csp.conf for nginx"
	@echo "make bench     benchmark: build time, scale, serve rebuild, page weight, load (BENCH_QUICK=1: shorter)"

# The venv is rebuilt whenever requirements.txt changes; the .pth file makes hooks/sitegen importable
# by MkDocs' config loader (mkdocs.yml names sitegen.slugs.slugify) and by the tests.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "decision-site.pth").write_text("$(CURDIR)/hooks\n")'
	touch $@

setup: $(STAMP)

browser:
	bash scripts/install-browser.sh

nginx:
	bash scripts/install-nginx.sh

serve: setup
	$(PY) -m sitegen.build validate
	$(PY) -m mkdocs serve --dev-addr $(HOST):$(PORT)

build: setup
	$(PY) -m sitegen.build build

validate: setup
	$(PY) -m sitegen.build validate

lint: setup
	$(PY) -m ruff check hooks tests scripts bench
	$(PY) -m ruff format --check hooks tests scripts bench

format: setup
	$(PY) -m ruff format hooks tests scripts bench
	$(PY) -m ruff check --fix hooks tests scripts bench

test: setup browser nginx lint validate
	$(PY) -m pytest

dist: setup
	$(PY) -m sitegen.dist

# not a test: prints a table and writes bench/results/latest.json
bench: setup browser nginx
	$(PY) bench/run.py $(if $(BENCH_QUICK),--quick) $(BENCH_ARGS)

clean:
	rm -rf site .site-* .build dist .dist-* dist.csp.conf
