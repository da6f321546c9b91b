# detente — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= detente.db

.PHONY: install demo test test-fast eval bench bench-dask lexicon kb regions classifier argfill candidates calibrate clean

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
	$(BIN)/detente eval tests/gold/wcep/dev.yml --report eval-report-wcep-dev.json
	$(BIN)/detente eval tests/gold/wcep/test.yml --report eval-report-wcep-test.json

# regenerate data/patterns/lexicon_{verbs,nouns}.yml from CAMEO.2.0.txt and propbank-aliases.tsv
LEXICON_SRC ?= ../shared/data/lexicon
lexicon: $(STAMP)
	$(BIN)/detente lexicon build --source $(LEXICON_SRC)

# regions, islands and landmarks the GeoNames packages lack (src/detente/data/places/regions.yml)
regions: $(STAMP)
	$(BIN)/python scripts/build_regions.py --source ../shared/data/actors

# the compiled actor index (src/detente/data/actors/kb.sqlite) from ../shared/data/actors
kb: $(STAMP)
	$(BIN)/detente kb build

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --corpus wcep --n 2000 --kinds parse,parse_own,extract --no-queries --out benchmarks/results-wcep.json
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/bench_kb.py
	$(BIN)/python benchmarks/bench_length.py

# sentence classifier: cross-validate on the dev split (fold models → build/classifier-folds/, scored whole
# by scripts/eval_dev_crossfit.py), train, write src/detente/data/classifier/
classifier: $(STAMP)
	$(BIN)/python scripts/train_classifier.py --bench 2000
	PYTHONPATH=src $(BIN)/python scripts/train_argfill.py
	PYTHONPATH=src $(BIN)/python scripts/train_candidates.py

# the learned argument filler alone (over the classifier's fold models of the last `make classifier`)
argfill: $(STAMP)
	PYTHONPATH=src $(BIN)/python scripts/train_argfill.py

# the learned candidate-event model alone (over the classifier's and the filler's fold models)
candidates: $(STAMP)
	PYTHONPATH=src $(BIN)/python scripts/train_candidates.py

# confidence calibration: score dev with the fold models, then write data/patterns/calibration.yml
# (per-rule type precision, dyad accuracy by raw confidence, demoted rules)
calibrate: $(STAMP)
	DETENTE_RAW_CONFIDENCE=1 PYTHONPATH=src $(BIN)/python scripts/eval_dev_crossfit.py >/dev/null
	PYTHONPATH=src $(BIN)/python scripts/calibrate_confidence.py --keep-demoted

bench-dask: $(STAMP)
	$(BIN)/python benchmarks/bench_dask.py --n 2000 --workers 2

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
