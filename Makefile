# detente — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= detente.db

.PHONY: install demo test test-fast eval bench bench-dask clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/detente ingest examples/corpus --db $(DB)
	$(BIN)/detente brief RUS TALIBAN --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

eval: $(STAMP)
	$(BIN)/detente eval ../shared/dev-gold/PETR2_GSR_validation.xml tests/golden tests/golden/sentences --report eval-report.json

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_length.py

bench-dask: $(STAMP)
	$(BIN)/python benchmarks/bench_dask.py --n 2000 --workers 2

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
