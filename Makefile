# The two commands that do everything on a fresh machine with python3 and make:
#   make run    set up, create demo data if there is none, start the desktop app
#   make test   set up and run the whole test suite headless
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := var/demo.db
# The screening engine compiled with mypyc (build/compile_engine.py); the package uses it
# only while it matches these sources, and runs them interpreted without a C compiler.
ENGINE := caseworker/eligibility/native/SOURCES.sha256
ENGINE_SOURCES := $(wildcard caseworker/eligibility/*.py caseworker/eligibility/rules/*.py)

.PHONY: run test lint typecheck bench clean package

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(ENGINE): $(ENGINE_SOURCES) build/compile_engine.py | $(STAMP)
	$(PY) build/compile_engine.py

$(DEMO_DB): | $(STAMP)
	mkdir -p var
	$(PY) -m caseworker demo --households 500 --seed 1 --db $(DEMO_DB)

run: $(STAMP) $(ENGINE) $(DEMO_DB)
	$(PY) -m caseworker --db $(DEMO_DB)

test: $(STAMP) $(ENGINE)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The one-folder bundle dist/caseworker/ (PyInstaller; its work files go to build/pyinstaller/).
package: $(STAMP) $(ENGINE)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller build/caseworker.spec

bench: $(STAMP) $(ENGINE)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/store.py
	$(PY) benchmarks/printing.py

clean:
	rm -rf $(VENV) var dist build/pyinstaller caseworker/eligibility/native .pytest_cache .ruff_cache .mypy_cache
