# The two commands a newcomer needs:
#   make seed   installs into .venv and seeds the embedded SQLite database (terp_seed.sqlite), full scenario
#   make test   installs into .venv (with the test tools) and runs the test suite
#
# The interpreter: the system's /usr/bin/python3 when it is 3.11+ with venv, else python3 on PATH.
# Debian's and Ubuntu's are built with profile-guided and link-time optimisation; a default pyenv
# or source build is not, and ran the seed and the tests about a fifth slower (benchmarks/changes.md).
# Any Python 3.11+ works: make PYTHON=/path/to/python3 ...
SYSTEM_PYTHON_OK := $(shell /usr/bin/python3 -c 'import sys, ensurepip; print(sys.version_info >= (3, 11))' 2>/dev/null)
PYTHON ?= $(if $(filter True,$(SYSTEM_PYTHON_OK)),/usr/bin/python3,python3)
VENV ?= .venv
BIN := $(VENV)/bin
# names the interpreter the venv was made with: another one makes it again
MADE_WITH := $(VENV)/.made-with$(subst /,-,$(PYTHON))

.PHONY: install seed test dev docs

$(MADE_WITH):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	touch $@

$(BIN)/seed-pipeline: pyproject.toml $(MADE_WITH)
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
