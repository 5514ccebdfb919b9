# Netwerkkaart: set-up and everyday commands. Python packages go into .venv/;
# the browser tests need Debian's chromium, installed here with apt-get (as root, or with sudo).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT   ?= 8000
# mkdocs-material prints a notice about its end of life (2027) on every build; we know (see README).
export NO_MKDOCS_2_WARNING = 1

.PHONY: setup chromium serve build validate test goldens bench bench-vlaanderen clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/.installed

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## Build the example site and serve it on http://127.0.0.1:8000/ (rebuilds when a YAML file changes;
## --dirty: only pages that changed are rendered again, see docs/over-snelheid.md).
## Another port: make serve PORT=8001
serve: setup
	NK_SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

## Build the example site into site/ (built aside and swapped in only when it succeeded).
build: setup
	$(BIN)/netwerkkaart build --site site

validate: setup
	$(BIN)/netwerkkaart validate .

## Run the whole test suite, browser tests included.
test: setup chromium
	$(BIN)/pytest

## After an intended change to what the site outputs: write the golden files in tests/golden/ again
## (one page per type, map data, exports, search and sheet data, report/dekking; see tests/golden_outputs.py).
## Review `git diff tests/golden` before committing.
goldens: setup
	$(BIN)/python tests/golden_outputs.py

## Validate 10,000 synthetic partners against the libyaml floor, interleaved (target: <= 2.5x the floor; see docs/over-snelheid.md).
bench: setup
	$(BIN)/python benchmarks/validate_bench.py

## Flanders scale: 1,000 and 10,000 partners in 285 municipalities, every target a ratio against a peer or
## floor measured in the same run, in one table, the build by all three engines (plugin; generate + mkdocs-material;
## generate + Zensical from .[test]) (about 45 minutes; needs chromium; a quick run:
## .venv/bin/python benchmarks/flanders.py --sizes 1000). Writes benchmarks/out/flanders.json. See docs/over-snelheid.md.
bench-vlaanderen: setup chromium
	$(BIN)/python benchmarks/flanders.py

clean:
	rm -rf $(VENV) site build *.egg-info
