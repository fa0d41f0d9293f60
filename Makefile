# Chợ OCOP — two commands: `make run` (install, load demo data, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# E-mail and admin links, and Django's Site record, point at the port actually served unless SITE_URL is set.
SITE_URL ?= http://127.0.0.1:$(PORT)
# The embedded default: SQLite under var/, database search, eager Celery for requests, console e-mail.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-true} SITE_URL=$(SITE_URL)

.PHONY: run test lint install migrate demo clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

migrate: install
	mkdir -p var
	$(RUN_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(PY) manage.py load_localities
	$(RUN_ENV) $(PY) manage.py load_demo_data

# The web server beside a Celery worker with beat on a filesystem broker under var/ (scheduled jobs); Ctrl-C stops both.
run: demo
	@echo "Chợ OCOP: $(SITE_URL)/"
	$(RUN_ENV) $(PY) tools/run_local.py --port $(PORT)

# Two pytest-xdist workers, each with its own test database and Redis database (tests/conftest.py); a test file
# stays on one worker, so its module fixtures are built once. TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= 2
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf var
