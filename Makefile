# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install only when the requirements change.
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Dependency locks: requirements*.in are edited by people; `make lock` writes the
# requirements*.txt locks (every transitive dependency, exact versions, hashes).
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

.PHONY: help install run migrate content admin reset-admin-password test lint format clean serve-prod bench bench-uncached bench-photos lock audit

help:
	@echo "make run                  install, migrate, load content, create a local admin, serve on http://$(HOST):$(PORT)"
	@echo "make test                 ruff check, ruff format --check, pytest (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make reset-admin-password print a new password for the local 'admin' account"
	@echo "make format               apply ruff's formatting and safe fixes"
	@echo "make lock                 re-lock requirements*.txt from requirements*.in (UPGRADE=1: newest allowed versions)"
	@echo "make audit                pip-audit the locked dependencies (says so when its service is unreachable)"
	@echo "make serve-prod           production shape locally: HAProxy, 2 gunicorn app servers, task worker (PostgreSQL + Redis)"
	@echo "make bench                benchmarks against that shape; writes bench/RESULTS.md (see README, Performance)"
	@echo "make bench-photos         scalp photos: worker time and memory, upload request (bench/photos.py)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)

# Only what the lock names, byte for byte (--require-hashes); the lock pins pip itself.
$(INSTALLED): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

install: $(INSTALLED)

migrate: install
	$(BIN)/python manage.py migrate --noinput

content: migrate
	$(BIN)/python manage.py load_initial_data

admin: migrate
	$(BIN)/python manage.py ensure_local_admin

# The server's own last lines (clinic_site/management/commands/runserver.py) say where the
# site and the admin are, with the local admin's password; Django's generic warning about
# the development server is left out so that they stay the last lines.
run: content admin
	DJANGO_RUNSERVER_HIDE_WARNING=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

reset-admin-password: migrate
	$(BIN)/python manage.py ensure_local_admin --reset-password

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Production shape on this machine (README, "Deploying"): needs PostgreSQL and Redis.
serve-prod: install
	$(BIN)/python deploy/serve_prod.py

# Benchmarks (README, "Performance"): also installs wrk and Lighthouse (bench/package.json).
bench: install
	$(BIN)/python bench/run.py

# In-process cost of pages the page cache cannot answer (README, "Performance"); no servers.
bench-uncached: install
	$(BIN)/python bench/uncached.py

# Scalp photos (issue 16): the worker's job, its memory and the upload request; no servers.
bench-photos: install
	$(BIN)/python bench/photos.py

# Needs only pip-tools (the version requirements-dev.in pins), not a working install:
# it must run even when a merge left the locks stale.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet "$$(grep -E '^pip-tools==' requirements-dev.in)"
	$(LOCK) --output-file=requirements.txt requirements.in
	$(LOCK) --output-file=requirements-dev.txt requirements-dev.in

audit: install
	$(BIN)/python .ci/audit_dependencies.py requirements-dev.txt

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .hypothesis
