# QuizApp developer commands. `make run` and `make test` are all the set-up a fresh clone needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FLASK  := $(BIN)/flask --app quizapp
HOST   ?= 127.0.0.1
PORT   ?= 5000
PYTEST_ARGS ?=

.PHONY: install run test lint format lock bench db-upgrade clean

install: $(STAMP)

# Reinstall only when the locked requirements change; every line is hash-checked.
$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $(STAMP)

db-upgrade: install
	$(FLASK) db upgrade

run: db-upgrade
	$(FLASK) seed
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/evaluate.py

# Re-resolve the pins (needs pip-tools); the model wheel keeps only its published hash.
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o base.txt base.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o dev.txt dev.in

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
