# Two commands on a fresh Linux machine:
#   make run   — create .venv, install, init the data folder, load demo data if empty, serve on 127.0.0.1:8000
#   make test  — install dev dependencies into .venv and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install install-dev lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

run: install
	$(BIN)/bmnn init --no-input
	$(BIN)/bmnn demo --if-empty
	$(BIN)/bmnn serve --host 127.0.0.1 --port $(PORT)

# Checks use a throw-away data folder: importing the settings must never touch a real installation.
CHECK_ENV := BMNN_DATA_DIR=$$(mktemp -d) DJANGO_SETTINGS_MODULE=config.settings

test: install-dev lint typecheck
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check bmnn config tests bench tools conftest.py manage.py
	$(CHECK_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/bandit -q -c pyproject.toml -r bmnn config -ll

typecheck: install-dev
	$(CHECK_ENV) $(BIN)/mypy bmnn config

bench: install-dev
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) build *.egg-info artifacts
