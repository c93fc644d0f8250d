# Kumppani — development tasks. `make` alone lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
KUMPPANI := $(BIN)/kumppani
CHROMIUM := /usr/bin/chromium
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# pytest on every core (pytest-xdist; TEST_WORKERS=0 runs in one process), then a clear message if it
# collected nothing (exit status 5); the status passes through.
TEST_WORKERS ?= auto
PYTEST = $(BIN)/pytest -n $(TEST_WORKERS) $(if $(wildcard $(CHROMIUM)),,-m "not browser") $(PYTEST_ARGS)
define pytest_checked
$(1) || { status=$$?; [ $$status -ne 5 ] || echo "ERROR: pytest collected no tests"; exit $$status; }
endef
# compilemessages needs gettext's msgfmt; without it the committed .mo files are used.
define compile_messages
if command -v msgfmt >/dev/null && [ -n "$$(find src -name '*.po' -print -quit)" ]; then \
	$(KUMPPANI) compilemessages --ignore $(VENV) --verbosity 0; fi
endef

.PHONY: help run test lint format messages bench clean

help:
	@echo "make run       start the development server with demo data on http://127.0.0.1:8000"
	@echo "make test      lint and migrations check, then the suite on SQLite and (when available) PostgreSQL"
	@echo "               (PYTEST_ARGS='-x -k name' passes options to pytest; TEST_DATABASE_URL picks a PostgreSQL)"
	@echo "make lint      ruff check and format check, and the layer contract (lint-imports)"
	@echo "make format    ruff format and fix"
	@echo "make messages  update and compile translations (fi, sv, en)"
	@echo "make bench     run the benchmarks (bench/run.py)"
	@echo "make clean     remove .venv and generated files (keeps the development database in var/)"

# --- virtualenv: created once; reinstalled when pyproject.toml changes --------------------------

$(BIN)/python:
	@for candidate in python3.11 python3; do \
		if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then \
			echo "Creating $(VENV) with $$("$$candidate" --version)"; \
			exec "$$candidate" -m venv $(VENV); \
		fi; \
	done; \
	echo "ERROR: Kumppani needs Python 3.11 or newer as python3.11 or python3"; exit 1

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --editable .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --editable '.[test]'
	@touch $@ $(VENV)/.installed

# --- running ---------------------------------------------------------------------------------------

run: export DEBUG := 1
run: $(VENV)/.installed
	@mkdir -p var
	@$(compile_messages)
	$(KUMPPANI) migrate
	$(KUMPPANI) demo --if-empty
	$(KUMPPANI) serve

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# --- testing ---------------------------------------------------------------------------------------

# Settings refuse to start without SECRET_KEY unless DEBUG is on; pytest-django still runs the tests
# with settings.DEBUG False. KUMPPANI_VAR_DIR keeps the tests away from the development database.
test: export DEBUG := 1
test: export KUMPPANI_VAR_DIR := $(CURDIR)/var/test
test: $(VENV)/.installed-test lint
	@rm -rf var/test tests/artifacts && mkdir -p var/test
	@$(compile_messages)
	@echo "== migrations match the models"
	@env -u DATABASE_URL $(KUMPPANI) makemigrations --check --dry-run
	@[ -e $(CHROMIUM) ] || echo "SKIPPED: browser tests — no Chromium at $(CHROMIUM) (apt-get install chromium)"
	@echo "== pytest on SQLite"
	@$(call pytest_checked,env -u DATABASE_URL $(PYTEST))
	@echo "== pytest on PostgreSQL"
	@$(call pytest_checked,$(BIN)/python scripts/pg_throwaway.py $(PYTEST))

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# --- translations ----------------------------------------------------------------------------------

messages: export DEBUG := 1
messages: $(VENV)/.installed
	$(KUMPPANI) makemessages -l fi -l sv -l en --ignore $(VENV) --ignore var --ignore tests --ignore bench
	$(KUMPPANI) compilemessages --ignore $(VENV)

clean:
	rm -rf $(VENV) var/test tests/artifacts build dist src/*.egg-info .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
