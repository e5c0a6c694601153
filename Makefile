# Udsatteråd: the two commands, and the ones engineers use every day.
#
#   make run     install, migrate, load the demo site and serve it at http://127.0.0.1:8000
#   make test    lint, Django checks, then the whole test suite on SQLite and on PostgreSQL
#
# Run `make help` for the rest.

PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra arguments for pytest, e.g. make test-sqlite PYTEST_ARGS="tests/search -x"
PYTEST_ARGS ?=
# Test processes (pytest-xdist), each with its own test database: one per core by default;
# PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the test suite needs; `make test` installs the missing ones when run as root.
# Add to this list when a part of the site needs more (e.g. postgresql-15-rum for search).
SYSTEM_PACKAGES ?= postgresql-15 chromium fonts-liberation fonts-dejavu-core \
	tesseract-ocr tesseract-ocr-dan

# Passed to load_demo as --password when set (read from the environment, so any character works).
export DEMO_PASSWORD
# The public address: load_demo gives the Site its host and port, so links in e-mails, feeds,
# the calendar and the API point at the server `make run` starts.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export WAGTAILADMIN_BASE_URL

BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
# The dev settings for `make run` and the test settings for tests, whatever
# DJANGO_SETTINGS_MODULE the shell has.
DEV_MANAGE := DJANGO_SETTINGS_MODULE=udsatteraad.settings.dev $(MANAGE)
TEST_SETTINGS := udsatteraad.settings.test
PYTEST := $(BIN)/pytest --ds=$(TEST_SETTINGS) -n $(PYTEST_WORKERS) $(if $(CI),-p no:cacheprovider)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

.PHONY: help install run migrate demo lint format check system-packages \
	test test-sqlite test-postgres clean

help:
	@echo "make run            install, migrate, load the demo site, serve on http://$(HOST):$(PORT)"
	@echo "                    (HOST=0.0.0.0 PORT=8080 DEMO_PASSWORD=... to override)"
	@echo "make test           lint + Django checks + the whole suite on SQLite and PostgreSQL"
	@echo "make test-sqlite    the suite on SQLite only   (PYTEST_ARGS=... to narrow it)"
	@echo "make test-postgres  the suite on a throwaway PostgreSQL 15 cluster only"
	@echo "make lint           ruff check + ruff format --check + import-linter + mypy"
	@echo "make format         let ruff fix and format the code"
	@echo "make check          manage.py check (also --deploy) + makemigrations --check"
	@echo "make install        create $(VENV) and install the project with its dev tools"
	@echo "make clean          remove $(VENV) and caches (keeps the database and uploads in var/)"

# --- Python environment -----------------------------------------------------------------------

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { \
		echo "!! $(PYTHON) was not found. Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)."; \
		exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "!! Udsatteråd needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)."; \
		echo "!! Install a newer Python and run: make $(MAKECMDGOALS) PYTHON=/path/to/python3.11"; \
		exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
		echo "!! $(PYTHON) cannot create virtual environments. On Debian: apt-get install python3-venv"; \
		exit 1; }
	$(PYTHON) -m venv $(VENV)

# Reinstalls whenever pyproject.toml changes (new or updated dependencies).
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"
	@touch $@

install: $(INSTALLED)

# --- The site ---------------------------------------------------------------------------------

# var/ holds the SQLite database and uploaded files (UDSATTERAAD_VAR_DIR moves it).
migrate: install
	@mkdir -p "$${UDSATTERAAD_VAR_DIR:-var}"
	$(DEV_MANAGE) migrate --noinput

demo: migrate
	$(DEV_MANAGE) load_demo $${DEMO_PASSWORD:+--password "$$DEMO_PASSWORD"}

run: demo
	@echo ">> Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Ctrl-C stops."
	$(DEV_MANAGE) runserver $(HOST):$(PORT)

# --- Quality ----------------------------------------------------------------------------------

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The production settings are checked too (--deploy), with a throwaway key and host.
check: install
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) check
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=udsatteraad.settings.production ALLOWED_HOSTS=udsatteraad.example.dk \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(MANAGE) check --deploy

system-packages:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES)

# Inside `make test` a missing Chromium fails the browser tests instead of skipping them.
test: export UDSATTERAAD_BROWSER_REQUIRED = 1
test: lint check system-packages
	@echo ">> pytest on SQLite"
	$(PYTEST) $(PYTEST_ARGS)
	@echo ">> pytest on PostgreSQL"
	scripts/with-postgres.sh $(PYTEST) $(PYTEST_ARGS)

test-sqlite: install system-packages
	$(PYTEST) $(PYTEST_ARGS)

test-postgres: install system-packages
	scripts/with-postgres.sh $(PYTEST) $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
