# The two commands that do everything on a fresh machine with python3 and make:
#   make run    set up, create demo data if there is none, start the desktop app
#   make test   set up and run the whole test suite headless
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DB := var/demo.db
# The hottest modules compiled with mypyc (build/compile_native.py; the lists are in
# caseworker/native.py): each package uses them only while they match its sources, and
# runs the sources without a C compiler. The script skips packages already current.
NATIVE := $(VENV)/.native
NATIVE_SOURCES := caseworker/native.py $(wildcard caseworker/eligibility/*.py \
	caseworker/eligibility/rules/*.py caseworker/domain/*.py caseworker/interchange/*.py \
	caseworker/store/*.py)

.PHONY: run test lint typecheck bench clean package

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NATIVE): $(NATIVE_SOURCES) build/compile_native.py $(STAMP)
	$(PY) build/compile_native.py
	touch $(NATIVE)

$(DEMO_DB): | $(STAMP)
	mkdir -p var
	$(PY) -m caseworker demo --households 500 --seed 1 --db $(DEMO_DB)

run: $(STAMP) $(NATIVE) $(DEMO_DB)
	$(PY) -m caseworker --db $(DEMO_DB)

test: $(STAMP) $(NATIVE)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) build/check_sizes.py

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The one-folder bundle dist/caseworker/ (PyInstaller; its work files go to build/pyinstaller/).
package: $(STAMP) $(NATIVE)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller build/caseworker.spec

bench: $(STAMP) $(NATIVE)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/store.py
	$(PY) benchmarks/printing.py

clean:
	rm -rf $(VENV) var dist build/pyinstaller caseworker/*/native .pytest_cache .ruff_cache .mypy_cache
