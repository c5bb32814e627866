# The two commands a newcomer needs:
#   make seed   installs into .venv and seeds the embedded SQLite database (terp_seed.sqlite), full scenario
#   make test   installs into .venv (with the test tools) and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install seed test dev docs

$(BIN)/seed-pipeline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/seed-pipeline

seed: install
	$(BIN)/seed-pipeline seed --scenario full

test: install
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q --durations=10

dev: install
	$(BIN)/dagster dev

docs: install
	$(BIN)/seed-pipeline docs
