# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install only when the requirements change.
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run migrate content admin reset-admin-password test lint format clean serve-prod bench

help:
	@echo "make run                  install, migrate, load content, create a local admin, serve on http://$(HOST):$(PORT)"
	@echo "make test                 ruff check, ruff format --check, pytest (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make reset-admin-password print a new password for the local 'admin' account"
	@echo "make format               apply ruff's formatting and safe fixes"
	@echo "make serve-prod           production shape locally: 2 gunicorn app servers, task worker, balancer (PostgreSQL + Redis)"
	@echo "make bench                benchmarks against that shape; writes bench/RESULTS.md (see README, Performance)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(INSTALLED)

migrate: install
	$(BIN)/python manage.py migrate --noinput

content: migrate
	$(BIN)/python manage.py load_initial_data

admin: migrate
	$(BIN)/python manage.py ensure_local_admin

run: content admin
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

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

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .hypothesis
