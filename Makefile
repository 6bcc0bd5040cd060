# QuizApp developer commands. `make run` and `make test` are all the set-up a fresh clone needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
FLASK  := $(BIN)/flask --app quizapp
HOST   ?= 127.0.0.1
PORT   ?= 5000
PYTEST_ARGS ?=

.PHONY: install test-assets run test lint format lock bench train db-upgrade clean

install: $(STAMP)

# Reinstall only when the locked requirements change; every line is hash-checked.
# First the venv's pip is brought to the pinned, hashed version of requirements/bootstrap.txt
# (whatever pip `python -m venv` bundled), then exactly the lock is installed: --no-deps, so no
# resolver can reach past it, and `pip check` proves the lock is complete and consistent.
$(STAMP): requirements/bootstrap.txt requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bootstrap.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/python -m pip check
	touch $(STAMP)

# Test-only JavaScript (axe-core for the accessibility test), exactly as package-lock.json pins it.
# Never served: node_modules/ is outside static/. Without npm the axe test skips (CI installs npm).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test-assets:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "npm not found: the axe-core accessibility test will skip (apt-get install npm)"; fi

db-upgrade: install
	$(FLASK) db upgrade

run: db-upgrade
	$(FLASK) seed
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install test-assets
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
	$(BIN)/python bench/results.py

# Refit the question ranker on the gold corpora (deterministic): rewrites
# quizapp/generation/ranking_weights.json. The real dev corpus is read from
# QUIZAPP_DEV_CORPUS (default ../shared/corpus/dev).
train: install
	$(BIN)/python bench/train.py

# Re-resolve the pins with pip-tools, kept in a venv of its own so the app's venv holds exactly
# the lock. Existing pins stay unless base.in/dev.in need a change (`rm requirements/*.txt` first
# to upgrade everything); the model wheel keeps only its published hash.
LOCK_VENV := .venv-lock
PIP_COMPILE := ../$(LOCK_VENV)/bin/pip-compile -q --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements/bootstrap.txt
	$(LOCK_VENV)/bin/python -m pip install --quiet pip-tools==7.7.0
	cd requirements && $(PIP_COMPILE) -o base.txt base.in
	cd requirements && $(PIP_COMPILE) -o dev.txt dev.in

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .ruff_cache node_modules
