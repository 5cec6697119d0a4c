# Zwei Befehle richten alles ein (siehe README):
#   make        Hauptlauf: Szenarien gegen die eingebetteten Fakes, Bericht, Leitfaden-Website
#   make test   alle Tests (Fakes, Clients, Generator, Website, Szenarien)

PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STEMPEL := $(VENV)/.eingerichtet
# -n 2 only where it measured faster on this machine (scripts/parallel.py says how it decides and why);
# `make PYTEST_N=2` (or PYTEST_N=0 for serial) overrides it.
PYTEST_N ?=
N_SZENARIEN = $(if $(PYTEST_N),-n $(PYTEST_N),$(shell $(PY) scripts/parallel.py szenarien))
N_TESTS = $(if $(PYTEST_N),-n $(PYTEST_N),$(shell $(PY) scripts/parallel.py tests))
# A part of a split run: TEIL=K/N; its record goes to reports/teil-K-von-N/.
TEIL ?=
TEIL_ORDNER = reports/teil-$(subst /,-von-,$(TEIL))
BENCHMARK ?=
# uv (from PyPI, put into the venv by pip) installs the packages about 4× faster than pip here;
# pip remains the fallback when uv cannot be installed or fails. `make INSTALLER=pip` forces pip.
INSTALLER ?= uv
# Let Python cache bytecode (also pytest's rewritten test modules): much faster repeated runs.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: all einrichten bericht formate-html leitfaden test teil zusammenfuehren laufzeiten serve benchmark clean

all: bericht leitfaden
	@exit $$(cat reports/.szenarien-exit 2>/dev/null || echo 1)

# Only the set-up (both README commands do it themselves), e.g. for CI jobs that run one tool.
einrichten: $(STEMPEL)

$(STEMPEL): pyproject.toml package-lock.json
	@echo "== Einrichtung: virtuelle Umgebung $(VENV) und Pakete"
	$(PY) -m venv $(VENV)
	@if [ "$(INSTALLER)" != pip ] && $(BIN)/python -m pip install -q "uv>=0.5,<1" >/dev/null 2>&1 \
		&& $(BIN)/uv pip install -q --python $(BIN)/python -e ".[test,docs]"; then \
		echo "   Pakete mit uv installiert ($$($(BIN)/uv --version))"; \
	else echo "   uv nicht nutzbar oder abgewählt – installiere mit pip"; \
		$(BIN)/python -m pip install -q --upgrade pip && $(BIN)/python -m pip install -q -e ".[test,docs]"; fi
	$(BIN)/python -m absprung.browser
	@if command -v npm >/dev/null; then echo "== npm-Pakete der Prüfer (axe-core, Cucumber-HTML-Formatter)"; \
		npm ci --no-audit --no-fund --loglevel=error; \
	else echo "Hinweis: npm fehlt – die Barrierefreiheitstests werden übersprungen."; fi
	@touch $(STEMPEL)

# The suite's exit status is kept so the site is built even when scenarios fail.
bericht: $(STEMPEL)
	@echo "== Szenarien gegen die eingebetteten Fakes (Bericht: reports/bericht.html)"
	@mkdir -p reports
	@$(BIN)/pytest features $(N_SZENARIEN) --html=reports/bericht.html --self-contained-html \
		--lauf-json=reports/lauf.json --junitxml=reports/junit.xml --verlauf=reports/verlauf.jsonl \
		--cucumber-ndjson=reports/cucumber.ndjson --cucumberjson=reports/cucumber.json \
		--allure-ergebnisse=reports/allure-ergebnisse; \
		echo $$? > reports/.szenarien-exit
	@$(MAKE) --no-print-directory formate-html

# Cucumber's and Allure's own HTML reports from the formats (npm tools; skipped without npm).
formate-html:
	@echo "   Formate: reports/junit.xml, reports/cucumber.ndjson, reports/cucumber.json, reports/allure-ergebnisse/"
	@if [ -d node_modules/@cucumber/html-formatter ]; then \
		node scripts/cucumber-html.mjs reports/cucumber.ndjson reports/cucumber.html | sed 's/^/   /'; \
	else echo "   Hinweis: ohne npm kein reports/cucumber.html (Cucumbers eigener HTML-Bericht)."; fi
	@if [ -x node_modules/.bin/allure ]; then \
		if node_modules/.bin/allure generate reports/allure-ergebnisse --config scripts/allurerc.mjs -o reports/allure \
			>reports/.allure.log 2>&1; then echo "   Allure-Bericht geschrieben: reports/allure/index.html"; \
		else echo "   Hinweis: Allure 3 schrieb keinen Bericht (reports/.allure.log; braucht Node ≥ 20)."; fi; \
	else echo "   Hinweis: ohne npm kein reports/allure/index.html (Allure 3)."; fi

leitfaden: $(STEMPEL)
	@echo "== Verträge: Fake, Dokumentation und Aufnahmen (reports/vertraege.txt)"
	@mkdir -p reports
	@$(BIN)/python -m absprung vertraege pruefen --json reports/vertraege.json > reports/vertraege.txt; \
		tail -n 1 reports/vertraege.txt
	@echo "== Leitfaden-Website (site/)"
	$(BIN)/python -m absprung.leitfaden
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	$(BIN)/python -m absprung.leitfaden.drucken

test: $(STEMPEL)
	@echo "== Alle Tests"
	$(BIN)/pytest $(N_TESTS)

# Split across CI runners: each runner `make teil TEIL=K/N`, then one `make zusammenfuehren` (report,
# formats, history and site from all parts, as if unsplit). `make laufzeiten` measures what the split uses.
teil: $(STEMPEL)
	@test -n "$(TEIL)" || { echo "Fehler: make teil braucht TEIL=K/N, z. B. make teil TEIL=1/2" >&2; exit 2; }
	@echo "== Teil $(TEIL) der Szenarien (Laufprotokoll: $(TEIL_ORDNER)/lauf.json)"
	$(BIN)/pytest features $(N_SZENARIEN) --teil=$(TEIL) --lauf-json=$(TEIL_ORDNER)/lauf.json \
		--bilder=$(TEIL_ORDNER)/bilder

zusammenfuehren: $(STEMPEL)
	@echo "== Teile zusammenführen (reports/teil-*/)"
	@test -n "$(wildcard reports/teil-*/lauf.json)" || { echo "Fehler: Kein Teil in reports/teil-*/ –" \
		"zuerst make teil TEIL=K/N (oder die Artefakte der Teile nach reports/ holen)." >&2; exit 2; }
	@$(BIN)/python -m absprung zusammenfuehren $(dir $(wildcard reports/teil-*/lauf.json)) --ausgabe reports; \
		code=$$?; echo $$code > reports/.szenarien-exit; \
		if [ $$code -eq 2 ]; then echo "Nichts zusammengeführt – Bericht und Website bleiben, wie sie waren." >&2; \
		exit 2; fi
	@$(MAKE) --no-print-directory formate-html leitfaden
	@exit $$(cat reports/.szenarien-exit)

laufzeiten: $(STEMPEL)
	$(BIN)/pytest features -p no:xdist -q --store-durations --clean-durations --durations-path features/laufzeiten.json

serve: $(STEMPEL)
	$(BIN)/python -m fakes

benchmark: $(STEMPEL)
	$(BIN)/python scripts/benchmark.py $(BENCHMARK)

# The history of runs (reports/verlauf.jsonl) stays: it is what the next run compares with; so does the
# measurement (reports/benchmark.json) that decides where -n 2 is used.
clean:
	@if [ -d reports ]; then find reports -mindepth 1 -maxdepth 1 ! -name verlauf.jsonl ! -name benchmark.json \
		-exec rm -rf {} +; fi
	rm -rf site docs/generiert docs/bilder .pytest_cache test-results
