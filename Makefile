# Two commands do all set-up on a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DRAFTS ?=
# Builds use every core (English in a forked child while Vietnamese builds); JOBS=1: one language after the other
JOBS ?=
export SITEGEN_JOBS := $(JOBS)
ENGINE ?= mkdocs
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
BENCH_VENV := .venv-bench

# What people type on the command line (TITLE="giá $100; `x`") reaches the Python commands in the environment,
# exactly as typed: never pasted into a shell command line, and $(value) keeps make itself from expanding `$`.
# The commands read SITEGEN_<NAME> (sitegen/project.py, from_make); nothing below writes $(TEXT) etc. in a recipe.
export SITEGEN_TEXT = $(value TEXT)
export SITEGEN_PO = $(value PO)
export SITEGEN_TITLE = $(value TITLE)
export SITEGEN_DATE = $(value DATE)
export SITEGEN_GROUPS = $(value GROUPS)
export SITEGEN_HOST = $(value HOST)
export SITEGEN_PORT = $(value PORT)
export SITEGEN_DRAFTS = $(value DRAFTS)
export ENGINE

.PHONY: help setup zensical browser nginx node-tools cms serve edit build validate test lint format clean dist bench new-update
.PHONY: translations translations-check translations-review po-export po-import bench-search schema

help:
	@echo "make serve     build the site and serve it on http://127.0.0.1:8000 (rebuilds on edits; PORT=8001 for another port)"
	@echo "make edit      the press office's editor at http://127.0.0.1:8000/admin/ with the live preview (drafts on)"
	@echo "make build     build the site into site/ (the old site stays if anything fails); ENGINE=zensical: with Zensical; JOBS=1: on one core"
	@echo "make validate  check data/ without building"
	@echo "make schema    write data/schema/*.json (JSON Schema of the data files, for editors) from the field declarations"
	@echo "make test      lint, validate, unit, data, site and browser tests"
	@echo "make translations              list missing, outdated and unreviewed English texts (CHECK=1: fail on any)"
	@echo "make translations-review TEXT=file:field   mark one English text as checked against the Vietnamese"
	@echo "make po-export [PO=file.po]    every text into a gettext PO file for Poedit or Weblate"
	@echo "make po-import PO=file.po      write a translated PO file back into data/ (all or nothing; SKIP_STALE=1: skip changed texts)"
	@echo "make new-update  write a new press-office update (a draft); preview it with make serve DRAFTS=1"
	@echo "make dist      the site plus .gz/.br copies into dist/, and dist.csp.conf for nginx; ENGINE=zensical: with Zensical"
	@echo "make bench     benchmark: build time, scale, serve rebuild, page weight, load (BENCH_QUICK=1: shorter)"

# The venv is rebuilt whenever requirements.txt changes; the .pth file makes hooks/sitegen importable
# by MkDocs' config loader (mkdocs.yml names sitegen.content.slugs.slugify) and by the tests.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "decision-site.pth").write_text("$(CURDIR)/hooks\n")'
	touch $@

setup: $(STAMP)

# The second engine in its own venv (its pins would clash with MkDocs'); the same .pth makes sitegen importable
# for the config's slugify function. Rebuilt whenever requirements-zensical.txt changes.
$(ZENSICAL_STAMP): requirements-zensical.txt
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	$(ZENSICAL_VENV)/bin/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "decision-site.pth").write_text("$(CURDIR)/hooks\n")'
	touch $@

zensical: $(ZENSICAL_STAMP)

browser:
	bash scripts/install-browser.sh

nginx:
	bash scripts/install-nginx.sh

# axe-core and the Nu Html Checker (with Java) for the accessibility and HTML tests
node-tools:
	bash scripts/install-node-tools.sh

# generate → engine → publish, as `make build`, into a preview folder; rebuilt on edits (sitegen/engine/serve.py)
serve: setup $(if $(filter zensical,$(ENGINE)),zensical)
	$(PY) -m sitegen.engine.serve

# Decap CMS and its local backend (decap-server), pinned, for make edit
cms:
	bash scripts/install-cms.sh

# The editor over this checkout's data/ (sitegen/tools/editor_server.py); 127.0.0.1 only: it has no login
edit: setup cms
	$(PY) -m sitegen.tools.editor_server --host "$$SITEGEN_HOST" --port "$$SITEGEN_PORT"

# EDITOR_BACKEND=github:owner/repo (README, "Publishing an update with the editor") also puts the editor into site/admin/
build: setup $(if $(filter zensical,$(ENGINE)),zensical)
	$(PY) -m sitegen.engine.build build
	$(if $(EDITOR_BACKEND),bash scripts/install-cms.sh && $(PY) -m sitegen.tools.editor_server --write-admin site)

validate: setup
	$(PY) -m sitegen.engine.build validate

# JSON Schema of the data files for editors (data/schema/), written from hooks/sitegen/content/schema.py
schema: setup
	$(PY) -m sitegen.content.schema

lint: setup
	$(PY) -m ruff check hooks tests scripts bench
	$(PY) -m ruff format --check hooks tests scripts bench

format: setup
	$(PY) -m ruff format hooks tests scripts bench
	$(PY) -m ruff check --fix hooks tests scripts bench

# The translation summary is printed whatever the tests say; translation state never fails them (README, "For translators")
test: setup zensical browser nginx node-tools cms lint validate
	$(PY) -m pytest; status=$$?; $(TRANSLATE) report --summary; exit $$status

# Translators' commands (README.md, "For translators"); all of them are sitegen/translate.py.
TRANSLATE := $(PY) -m sitegen.tools.translate
PO ?= translations/en.po

translations: setup
	$(TRANSLATE) report $(if $(CHECK),--check) $(if $(ALL),--all)

translations-check: setup
	$(TRANSLATE) report --check

translations-review: setup
	$(TRANSLATE) review $(if $(UNREVIEWED),--all-unreviewed)

po-export: setup
	$(TRANSLATE) po-export

# SKIP_STALE=1: import the entries whose Vietnamese is unchanged, report and skip the others
po-import: setup
	$(TRANSLATE) po-import $(if $(SKIP_STALE),--skip-stale)

# Asks for what is not given: make new-update DATE=2021-02-01 TITLE="..." GROUPS="1, 3"
new-update: setup
	$(PY) -m sitegen.tools.new_update

# Search benchmark (bench/search.py; `make bench` runs it with the others): index bytes, key-to-results ms
bench-search: setup browser
	$(PY) bench/search.py

dist: setup $(if $(filter zensical,$(ENGINE)),zensical)
	$(PY) -m sitegen.publish.dist

# the benchmark's own tools (Hugo, only as an anchor), pinned in bench/requirements.txt, apart from .venv
$(BENCH_VENV)/.installed: bench/requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# not a test: prints a table and writes bench/results/latest.json
bench: setup browser nginx $(BENCH_VENV)/.installed
	$(PY) bench/run.py $(if $(BENCH_QUICK),--quick) $(BENCH_ARGS)

clean:
	rm -rf site .site-* .build dist .dist-* dist.csp.conf
