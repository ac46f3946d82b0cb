# Developer entry points. `make serve` and `make test` work on a fresh machine (Python 3.11+, Debian).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: serve build check test system-deps bench clean

$(BIN)/nearmiss: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

serve: $(BIN)/nearmiss          ## build the sample site and serve it on http://127.0.0.1:8000/
	$(BIN)/nearmiss serve

build: $(BIN)/nearmiss          ## build the sample site into site/
	$(BIN)/nearmiss build

check: $(BIN)/nearmiss          ## validate the sample content
	$(BIN)/nearmiss check

test: $(BIN)/nearmiss system-deps   ## run every test, browser tests included
	$(BIN)/python -m pytest

system-deps:                    ## Debian's Chromium for the browser tests, and git for the intake tests
	@command -v chromium >/dev/null && command -v git >/dev/null || scripts/install-system-deps

clean:
	rm -rf site .nearmiss-cache .pytest_cache
