# The front door. Every target creates .venv when needed and then calls a task in tasks.py.
#   make build                 build the site from data/ and content/ into output/
#   make build DATA=d CONTENT=c OUTPUT=o TODAY=2026-11-24
#   make serve                 build, serve on http://127.0.0.1:8000, rebuild on change
#   make validate DATA=d       check the data without building
#   make test                  install test tools and run the whole suite
#   make lint / make bench / make clean

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

DATA    ?= data
CONTENT ?= content
OUTPUT  ?= output
TODAY   ?=
SITE_ARGS := --data "$(DATA)" --content "$(CONTENT)" --output "$(OUTPUT)" $(if $(TODAY),--today "$(TODAY)")

.PHONY: build serve validate test lint clean i18n schemas bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(TEST_STAMP): pyproject.toml constraints.txt package.json package-lock.json $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: $(STAMP)
	$(BIN)/invoke build $(SITE_ARGS)

serve: $(STAMP)
	$(BIN)/invoke serve $(SITE_ARGS)

validate: $(STAMP)
	$(BIN)/invoke validate --data "$(DATA)" --content "$(CONTENT)"

test: $(TEST_STAMP)
	$(BIN)/invoke test

lint: $(TEST_STAMP)
	$(BIN)/invoke lint

i18n: $(STAMP)
	$(BIN)/invoke i18n

schemas: $(STAMP)
	$(BIN)/invoke schemas

bench: $(STAMP)
	$(BIN)/invoke bench

clean:
	$(BIN)/invoke clean 2>/dev/null || rm -rf output .cache
