# Netwerkkaart: set-up and everyday commands. Everything installs into .venv/.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: setup serve build validate test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/.installed

## Validate the example data (the site itself arrives with the MkDocs plugin).
serve: setup validate

validate: setup
	$(BIN)/netwerkkaart validate .

## Run the whole test suite.
test: setup
	$(BIN)/pytest

## Load + validate 5,000 synthetic partners (target: <= 3 s on 2 cores).
bench: setup
	$(BIN)/python benchmarks/validate_bench.py

clean:
	rm -rf $(VENV) site build *.egg-info
