# The few commands everyone runs. `make run` and `make test` set everything up on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format typecheck docs train train-entities clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

## run: set up, then run the pipeline on raw/ into output/
run: $(STAMP)
	$(BIN)/resume-etl run raw --out output

## test: set up, then lint, type-check and run the whole test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src benchmarks
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src benchmarks

## docs: regenerate docs/tables.md from the record models
docs: $(STAMP)
	$(BIN)/resume-etl schema --out docs/tables.md

## train: retrain the line-role model (package data) from the shared real data's dev files
train: $(STAMP)
	$(BIN)/resume-etl train --data $${RESUME_ETL_DATA:-../shared/data}

## train-entities: retrain the résumé entity model (package data) from the same dev files
train-entities: $(STAMP)
	$(BIN)/resume-etl train --model entities --data $${RESUME_ETL_DATA:-../shared/data}

clean:
	rm -rf $(VENV) output .mypy_cache .ruff_cache .pytest_cache
