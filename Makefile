# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS ?= never
# uv from PATH if there is one, otherwise a private copy in .tools/ (works where the
# system pip refuses installs, PEP 668).
UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
PYTHON := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_PORT ?= 8001

.PHONY: help install run serve worker scheduler test lint format migrate demo

help:
	@echo "make run    - install, migrate, load the demo and start the CMS on http://$(HOST):$(PORT)/"
	@echo "make test   - install and run the whole test suite"
	@echo "make serve  - production server (gunicorn); needs SECRET_KEY"
	@echo "make worker - production background worker (task queue, scheduled publishing)"
	@echo "make lint   - ruff check and format check"

$(CURDIR)/.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked
	@touch $@

var/static/staticfiles.json: .venv/.installed $(shell find cms/static home/static -type f 2>/dev/null)
	SECRET_KEY=collectstatic $(PYTHON) manage.py collectstatic --noinput --verbosity 0

install: .venv/.installed var/static/staticfiles.json

# The migrations, then the move of image originals stored before they became private
# (idempotent; README "Media library").
migrate: install
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py move_original_images

demo: migrate
	$(PYTHON) manage.py load_demo

# `make run` is the development setup: DEBUG on for it and everything it runs first.
run demo: export DJANGO_DEBUG := 1
# Admin previews open in the reader frontend that `make run` starts beside the CMS.
run: export FRONTEND_URL ?= http://$(HOST):$(FRONTEND_PORT)
# Log lines for a terminal; production's default is JSON (README "Operations").
run: export LOG_FORMAT ?= text
# Links in notification e-mails point at the CMS on the port it runs on.
run: export CMS_BASE_URL ?= http://$(HOST):$(PORT)

run: demo
	@echo
	@echo "  Reader site: http://$(HOST):$(FRONTEND_PORT)/  (frontend/, fed only by the API)"
	@echo "  CMS admin:   http://$(HOST):$(PORT)/admin/"
	@echo "  API docs:    http://$(HOST):$(PORT)/api/v2/docs/"
	@echo "  Logins:      admin, phongvien, bientapvien, truongban, quantri  (password: demo-2026)"
	@echo "  Renditions, search indexing, webhooks, e-mails and scheduled publishing run in the"
	@echo "  background worker (manage.py run_worker)."
	@echo
	@$(PYTHON) manage.py run_worker & worker=$$!; \
		CMS_API_URL=$${CMS_API_URL:-http://$(HOST):$(PORT)/api/v2} .venv/bin/uvicorn \
			frontend.app:app --host $(HOST) --port $(FRONTEND_PORT) & frontend=$$!; \
		trap 'kill $$worker $$frontend 2>/dev/null' EXIT INT TERM; \
		$(PYTHON) manage.py runserver $(HOST):$(PORT)

serve: migrate
	.venv/bin/gunicorn cms.wsgi --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-3} \
		--worker-class gthread --threads $${GUNICORN_THREADS:-4} \
		--forwarded-allow-ips="$${FORWARDED_ALLOW_IPS:-127.0.0.1}"

# Production companion of `make serve`: runs the task queue (renditions, search indexing,
# webhooks, e-mails) and, in one worker at a time, scheduled publishing and expiry.
worker: install
	$(PYTHON) manage.py run_worker

# The periodic jobs alone, for setups that keep a separate scheduler (the worker runs them too).
scheduler: install
	$(PYTHON) manage.py run_scheduler

test: install
	$(PYTHON) -m pytest

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
