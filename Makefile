# Chợ OCOP — two commands: `make run` (install, load demo data, serve) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The embedded default: SQLite under var/, database search, eager Celery, console e-mail.
RUN_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-true}

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

run: demo
	@echo "Chợ OCOP: http://127.0.0.1:$(PORT)/"
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf var
