# Checkpoint: `make test` and `make run` do all the set-up on a fresh Debian/Ubuntu machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: test lint typecheck contracts pytest bench venv clean translations qm screenshots

venv: $(STAMP)

# (Re)install whenever the project's dependencies change.
$(STAMP): pyproject.toml
	@bash packaging/ensure-python.sh "$(PYTHON)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing Checkpoint and its dependencies into $(VENV) (log: $(VENV)/install.log)"
	@$(PY) -m pip install --disable-pip-version-check -e '.[desktop,hq,dev]' > $(VENV)/install.log 2>&1 \
		|| { tail -n 40 $(VENV)/install.log; echo "pip install failed: see $(VENV)/install.log"; exit 1; }
	@touch $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check checkpoint ui sync tests tools packaging

typecheck: $(STAMP)
	$(VENV)/bin/mypy

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

# pytest-xdist: one worker per core (`make pytest PYTEST_WORKERS=0` runs every test in one process, e.g. for pdb).
PYTEST_WORKERS ?= auto
pytest: $(STAMP) qm chromium poppler
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(PYTEST_WORKERS)

test: lint typecheck contracts pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/bench/bench_*.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache

# The demo store: created on first run with synthetic data. Its passphrase is printed; it holds no real person.
DEMO_DB := var/demo/checkpoint.db
DEMO_PASS := demo-passphrase-poipet

$(DEMO_DB): | $(STAMP)
	@mkdir -p var/demo
	@CHECKPOINT_PASSPHRASE=$(DEMO_PASS) $(VENV)/bin/checkpoint-admin --db $(DEMO_DB) init --user supervisor --name "Poipet demo" > var/demo/recovery-code.txt
	@CHECKPOINT_PASSPHRASE=$(DEMO_PASS) CHECKPOINT_NEW_PASSPHRASE=$(DEMO_PASS) $(VENV)/bin/checkpoint-admin --db $(DEMO_DB) user add officer --role officer
	@CHECKPOINT_PASSPHRASE=$(DEMO_PASS) CHECKPOINT_NEW_PASSPHRASE=$(DEMO_PASS) $(VENV)/bin/checkpoint-admin --db $(DEMO_DB) user add health --role health_worker
	@CHECKPOINT_PASSPHRASE=$(DEMO_PASS) $(VENV)/bin/checkpoint-admin --db $(DEMO_DB) demo-data --count 2000 --seed 1 --json > /dev/null

.PHONY: run demo
demo: $(DEMO_DB)

run: $(DEMO_DB) qm
	@DEMO_DB=$(DEMO_DB) DEMO_PASS=$(DEMO_PASS) bash tools/run_demo.sh $(RUN_ARGS)

# Translations: .ts files are committed (edit them with pyside6-linguist) and so are the .qm files built from them,
# so that every install (wheel, sdist, pip install .) has the Khmer interface without Qt's lrelease at build time.
# After editing a .ts: `make qm` and commit both; tests/packaging/test_qm_committed.py fails on a stale .qm.
TS_FILES := ui/translations/checkpoint_km.ts ui/translations/checkpoint_en.ts
QM_FILES := $(TS_FILES:.ts=.qm)
UI_SOURCES = $(shell find ui -name '*.py' -not -path '*/translations/*' | sort)

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete $(UI_SOURCES) -ts $(TS_FILES)

qm: $(QM_FILES)

ui/translations/%.qm: ui/translations/%.ts $(STAMP)
	@$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

screenshots: $(STAMP) qm
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py --out docs/screenshots

.PHONY: package
# The installable bundle (one folder, four programs) and, on Linux, the .tar.gz that IT staff install from.
# packaging/build.py compiles the translations, runs PyInstaller, then the frozen self-test and the admin/HQ
# checks, and fails if any of them fails.
package: $(STAMP)
	@bash packaging/linux/ensure-build-libs.sh
	$(PY) packaging/build.py $(PACKAGE_ARGS)

# The HQ dashboard's browser tests need Debian's chromium + chromedriver: installed with apt when missing and
# possible, else those tests skip and say why. `make hq-screenshots`: every dashboard page into docs/screenshots/hq.
.PHONY: chromium hq-screenshots
chromium:
	@bash packaging/ensure-apt.sh chromium "the HQ browser tests" "/usr/bin/chromium /usr/bin/chromedriver" \
		chromium chromium-driver

# The PDF report's rendering test needs Debian's pdftoppm (poppler-utils): installed with apt when missing and possible.
.PHONY: poppler
poppler:
	@bash packaging/ensure-apt.sh poppler "the Khmer PDF rendering test" /usr/bin/pdftoppm poppler-utils

hq-screenshots: $(STAMP) chromium
	$(PY) tools/hq_screenshots.py --out docs/screenshots/hq
