# The front door. Every target creates .venv when needed and then calls a task in tasks.py.
#   make build                 build the site from data/ and content/ into output/
#   make build DATA=d CONTENT=c OUTPUT=o TODAY=2026-11-24
#   make serve                 build, serve on http://127.0.0.1:8000, rebuild on change
#   make validate DATA=d       check the data without building (TODAY= for the warnings about stale data)
#   make translations          list per language what still falls back to German (DATA=, CONTENT=)
#   make test                  install test tools and run the whole suite
#   make mail MONTH=2026-12    write a draft of that month's info mail from the data (DATA=, CONTENT=, TODAY=)
#   make mail-eml MONTH=2026-12   build, then write the published mail as .eml files into mail/ (and print them)
#   make mail-send MONTH=2026-12  dry run: say what would be sent to whom; SEND=yes sends it (SMTP: see README)
#   make report YEAR=2026      print that year's figures and write them to reports/report-2026.csv (DATA=, CONTENT=, TODAY=)
#   make check-live            refuse what must not go live: placeholders, example addresses, no public address
#   make publish               check-live, build with publishconf.py, deliver to PUBLISH_TARGET (docs/publish.md)
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
# The info mail: MONTH=YYYY-MM; SLUG= when a month has several mails; MAIL_LANG= one language only;
# MAIL_DIR= where the .eml files go (default: mail/ beside OUTPUT); SETTINGS=publishconf.py for SITEURL;
# TO= test recipients instead of the list; SEND=yes really sends.
MONTH    ?=
SLUG     ?=
MAIL_LANG ?=
MAIL_DIR ?=
SETTINGS ?=
TO       ?=
SEND     ?=
# SEND counts only when written on the command line: a SEND exported in the shell never sends by accident.
ifneq ($(origin SEND),command line)
SEND :=
endif
# The annual report: YEAR=YYYY; REPORT_DIR= where the CSV file goes (default: reports/).
YEAR       ?=
REPORT_DIR ?=
MAIL_ARGS := --month "$(MONTH)" $(if $(SLUG),--slug "$(SLUG)") $(if $(MAIL_LANG),--lang "$(MAIL_LANG)") $(if $(MAIL_DIR),--folder "$(MAIL_DIR)")

.PHONY: build serve validate test lint clean i18n translations schemas bench mail mail-eml mail-send check-live publish report

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
	$(BIN)/invoke validate --data "$(DATA)" --content "$(CONTENT)" $(if $(TODAY),--today "$(TODAY)")

check-live: $(STAMP)
	$(BIN)/invoke check-live --data "$(DATA)" --content "$(CONTENT)" $(if $(SETTINGS),--settings "$(SETTINGS)")

publish: $(STAMP)
	$(BIN)/invoke publish $(SITE_ARGS) $(if $(SETTINGS),--settings "$(SETTINGS)")

mail: $(STAMP)
	$(BIN)/invoke mail --data "$(DATA)" --content "$(CONTENT)" --month "$(MONTH)" $(if $(TODAY),--today "$(TODAY)")

mail-eml: $(STAMP)
	$(BIN)/invoke mail-eml $(SITE_ARGS) $(MAIL_ARGS) $(if $(SETTINGS),--settings "$(SETTINGS)")

mail-send: $(STAMP)
	$(BIN)/invoke mail-send --data "$(DATA)" --content "$(CONTENT)" --output "$(OUTPUT)" $(MAIL_ARGS) $(if $(TO),--to "$(TO)") --send "$(SEND)"

report: $(STAMP)
	$(BIN)/invoke report --year "$(YEAR)" --data "$(DATA)" --content "$(CONTENT)" --output "$(OUTPUT)" $(if $(TODAY),--today "$(TODAY)") $(if $(REPORT_DIR),--folder "$(REPORT_DIR)")

test: $(TEST_STAMP)
	$(BIN)/invoke test

lint: $(TEST_STAMP)
	$(BIN)/invoke lint

i18n: $(STAMP)
	$(BIN)/invoke i18n

translations: $(STAMP)
	$(BIN)/invoke translations --data "$(DATA)" --content "$(CONTENT)"

schemas: $(STAMP)
	$(BIN)/invoke schemas

bench: $(STAMP)
	$(BIN)/invoke bench

clean:
	$(BIN)/invoke clean 2>/dev/null || rm -rf output .cache
