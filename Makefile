# Two commands matter: `make run` and `make test`. Everything else is a step they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: help run test test-fast lint bench load load-deps extract-strings update-catalogs compile-catalogs check-strings browser-deps packet-fonts clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Create .venv and install the project with its test tools

compile-catalogs: $(STAMP) ## Compile the translation catalogs (.mo files are never committed)
	$(BIN)/pybabel compile -d translations --statistics

run: $(STAMP) compile-catalogs packet-fonts ## Serve the site on http://127.0.0.1:$(PORT)
	$(BIN)/gunicorn --config webapp/gunicorn_conf.py --bind 127.0.0.1:$(PORT) 'webapp:create_app()'

browser-deps: ## Install what the browser tests need: Debian's chromium and npm's axe-core
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	  else echo "Install Debian's chromium: sudo apt-get install chromium" >&2; exit 1; fi; fi
	@if ! command -v pdftoppm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null; \
	  else echo "Install Debian's poppler-utils: sudo apt-get install poppler-utils" >&2; exit 1; fi; fi
	@test -f node_modules/axe-core/axe.min.js || npm install --no-audit --no-fund --silent

# The packet's Chinese/Korean font: cut from Debian's fonts-noto-cjk once (about 3 minutes), not committed.
PACKET_CJK := webapp/packet/fonts/PacketCJK-Regular.otf webapp/packet/fonts/PacketCJK-Bold.otf
packet-fonts: $(PACKET_CJK) ## Build the packet's Traditional Chinese and Korean font (Debian's fonts-noto-cjk)

$(PACKET_CJK) &: scripts/build_packet_fonts.py | $(STAMP)
	@if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk) >/dev/null; \
	  else echo "Install Debian's fonts-noto-cjk: sudo apt-get install fonts-noto-cjk" >&2; exit 1; fi; fi
	$(BIN)/python -m scripts.build_packet_fonts

test: $(STAMP) compile-catalogs browser-deps packet-fonts ## Set up and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/pytest

test-fast: $(STAMP) compile-catalogs packet-fonts ## Run the suite without the browser tests
	$(BIN)/pytest -m "not browser"

lint: $(STAMP) ## ruff, clean
	$(BIN)/ruff check .

bench: $(STAMP) compile-catalogs packet-fonts ## Measure the engine and the packet; write docs/performance.md
	$(BIN)/python -m scripts.bench

load-deps: ## Install what the load run needs: Debian's wrk
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null; \
	  else echo "Install Debian's wrk: sudo apt-get install wrk" >&2; exit 1; fi; fi

load: $(STAMP) compile-catalogs load-deps ## Load the production server on 127.0.0.1 (about 2 min); write docs/performance.md
	$(BIN)/python -m scripts.load

extract-strings: $(STAMP) ## Re-extract translatable strings into translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l --add-comments=Translators: \
	  --no-location --sort-output --no-wrap --omit-header -o translations/messages.pot .

update-catalogs: extract-strings ## Merge new strings into the Spanish catalog (no fuzzy guesses)
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --no-wrap --ignore-obsolete

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
