# Two commands matter: `make run` and `make test`. Everything else is a step they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Exact versions with hashes (uv pip compile): what a developer, CI and the container install.
LOCK := requirements-dev.lock
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)

.PHONY: help run test test-fast lint lock bench load load-deps test-deps extract-strings update-catalogs compile-catalogs check-strings browser-deps packet-fonts clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) ## Create .venv and install the project with its test tools, from the lock file

lock: ## Update both lock files to the newest versions pyproject.toml allows; then run `make test`
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet 'uv==$(UV_VERSION)'
	$(BIN)/uv pip compile pyproject.toml --upgrade --python-version 3.11.7 --generate-hashes \
	  --annotation-style line --custom-compile-command "make lock" -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --upgrade --python-version 3.11.7 --generate-hashes \
	  --annotation-style line --custom-compile-command "make lock" -q -o requirements-dev.lock

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

test-deps: ## Install what the server tests need: Debian's redis-server (they start their own, on a free port)
	@if ! command -v redis-server >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null; \
	  else echo "Install Debian's redis-server: sudo apt-get install redis-server" >&2; exit 1; fi; fi


# The packet's Chinese/Korean font: cut from Debian's fonts-noto-cjk once (about 3 minutes), not committed.
PACKET_CJK := webapp/packet/fonts/PacketCJK-Regular.otf webapp/packet/fonts/PacketCJK-Bold.otf
packet-fonts: $(PACKET_CJK) ## Build the packet's Traditional Chinese and Korean font (Debian's fonts-noto-cjk)

$(PACKET_CJK) &: scripts/build_packet_fonts.py | $(STAMP)
	@if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk) >/dev/null; \
	  else echo "Install Debian's fonts-noto-cjk: sudo apt-get install fonts-noto-cjk" >&2; exit 1; fi; fi
	$(BIN)/python -m scripts.build_packet_fonts

test: $(STAMP) compile-catalogs browser-deps test-deps packet-fonts ## Set up and run the whole suite
	$(BIN)/ruff check .
	$(BIN)/pytest

test-fast: $(STAMP) compile-catalogs test-deps packet-fonts ## Run the suite without the browser tests
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

load: $(STAMP) compile-catalogs load-deps ## Load the production server on 127.0.0.1 (about 4 min); write docs/performance.md
	$(BIN)/python -m scripts.load

extract-strings: $(STAMP) ## Re-extract translatable strings into translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l --add-comments=Translators: \
	  --no-location --sort-output --no-wrap --omit-header -o translations/messages.pot .

update-catalogs: extract-strings ## Merge new strings into the Spanish catalog (no fuzzy guesses)
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --no-wrap --ignore-obsolete

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules
