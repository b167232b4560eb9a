# Outbound CRM — a newcomer needs two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= $(or $(OUTBOUND_PORT),8000)
STAMP := $(VENV)/.installed

.PHONY: setup run test test-py test-web lint bench clean openapi image

setup: $(STAMP) frontend/dist/index.html ## venv, Python packages, SPA build (idempotent)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(shell find frontend/src frontend/scripts frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)
	cd frontend && npm run build --silent

run: setup ## start the all-in-one stack on :8000
	@echo "Starting Outbound CRM on http://127.0.0.1:$(PORT)"
	@echo "First admin: set OUTBOUND_ADMIN_EMAIL and OUTBOUND_ADMIN_PASSWORD (e.g. in .env) before the first start,"
	@echo "             or run '$(BIN)/outbound users create-admin' once."
	$(BIN)/outbound up --port $(PORT)

test: setup lint test-web test-py ## the whole suite (Python on SQLite and PostgreSQL, browser, SPA)

test-py:
	$(BIN)/pytest -p no:cacheprovider --durations=25 --cov --cov-report=term:skip-covered

test-web:
	cd frontend && npm run --silent check:api && npm test --silent

lint:
	$(BIN)/ruff check .
	$(BIN)/mypy services gateway

openapi: $(STAMP) ## regenerate the SPA's API types from the backend
	$(BIN)/outbound openapi --out frontend/openapi.json
	cd frontend && npm run --silent gen:api

image: ## the container image with podman, no registry needed (makes the local base images when missing)
	IMAGE=$(or $(IMAGE),outbound-crm:latest) deploy/image/build.sh

bench: setup ## every benchmark; figures go to docs/benchmarks.md by hand
	$(BIN)/python bench/gateway.py
	$(BIN)/python bench/api.py
	$(BIN)/python bench/spa.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/extract_quality.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/slots.py
	$(BIN)/python bench/booking.py
	$(BIN)/python bench/email_send.py
	$(BIN)/python bench/discovery.py
	$(BIN)/python bench/writing.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist artifacts .mypy_cache .ruff_cache
