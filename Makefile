# Quick start: `make run` then `make test` (README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps run test check bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e ".[test]"
	bash scripts/system-deps.sh
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

# The report is written even when some inputs failed (they show on its pages); the run's status is kept.
run: install
	$(BIN)/python run_pipeline.py corpora --out outputs; status=$$?; \
	$(BIN)/python run_pipeline.py report --out outputs && exit $$status

test: install
	$(BIN)/python -m pytest -q

# the fast loop while developing: no PDF building, OCR or browser tests
check: install
	$(BIN)/python -m pytest -q -m "not slow and not browser"

bench: install
	$(BIN)/python bench/run_bench.py

clean:
	rm -rf outputs .pytest_cache
