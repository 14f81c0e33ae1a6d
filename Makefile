# Two commands set everything up: `make run` and `make test`. Both are safe to run again.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
LOCAL := .local
HOST ?= 127.0.0.1
PORT ?= 8000

# Plain HTTP on 127.0.0.1 needs HTTPS-only cookies, the HTTPS redirect and HSTS off; nothing else
# is relaxed (DEBUG stays off). Emails (alerts, docs/alerts.md) go to files in .local/emails/
# unless EMAIL_PROVIDER says otherwise. The secret key and demo admin password are made once, per checkout.
LOCAL_ENV = DJANGO_HTTPS=false \
	DJANGO_SITE_URL=http://$(HOST):$(PORT) \
	EMAIL_PROVIDER=$${EMAIL_PROVIDER:-file} \
	DJANGO_SECRET_KEY="$$(cat $(LOCAL)/secret-key)" \
	DEMO_ADMIN_PASSWORD="$$(cat $(LOCAL)/admin-password)"

.PHONY: run test bench bench-alerts bench-diff bench-hostile import-report lint format install assets clean

# The database, static files and demo are made quietly (their output goes to .local/run.log);
# what a newcomer needs is printed last, once the server answers (notices/demo/welcome.py).
run: install assets $(LOCAL)/secret-key $(LOCAL)/admin-password
	@echo "Preparing the database and the demo councils (details in $(LOCAL)/run.log)..."
	@$(LOCAL_ENV) $(BIN)/python manage.py migrate --noinput > $(LOCAL)/run.log
	@$(LOCAL_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0 >> $(LOCAL)/run.log
	@$(LOCAL_ENV) $(BIN)/python manage.py load_demo > $(LOCAL)/load-demo.log 2>> $(LOCAL)/run.log
	@cat $(LOCAL)/load-demo.log >> $(LOCAL)/run.log
	@# The task worker (a shared block update's PDFs) runs beside the server; Ctrl+C stops both.
	@$(LOCAL_ENV) $(BIN)/python manage.py db_worker >> $(LOCAL)/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python -m notices.demo.welcome $(HOST) $(PORT) $(LOCAL)/load-demo.log \
		$(LOCAL)/admin-password $$$$ & \
	$(LOCAL_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT) >> $(LOCAL)/run.log

# Two worker processes (pytest-xdist), each with its own test database (test_<name>_gw0...):
# the browser and HTML-checker tests spend much of their time waiting on Chromium and Java.
# TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2

test: install assets
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# Speed figures live here, never in timed tests. `bench` loads the site with wrk (a Debian package,
# installed if missing) on a throwaway PostgreSQL database on 127.0.0.1:5432 and times publishing,
# the shared block cascade and the diff (docs/performance.md); `bench-diff` times the diff alone.
# BENCH_ARGS=--sqlite runs it on a throwaway SQLite file instead (docs/caching.md), --redis adds
# a second round of pages with the cache in Redis.
bench: install assets
	command -v wrk >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
	$(BIN)/python -m benchmarks.site_benchmark $(BENCH_ARGS)

# A shared block update to 400 councils' notices with 10 subscribers each: the time to queue the
# 4,000 alert emails and to send them through a real worker to a local SMTP server, each counted
# once (docs/alerts.md). BENCH_ARGS=--sqlite on a SQLite file; --councils N --subscribers N.
bench-alerts: install
	$(BIN)/python -m benchmarks.alerts_benchmark $(BENCH_ARGS)

bench-diff: install
	$(BIN)/python -m benchmarks.diff_benchmark

# Every hostile input known to cost a request too much, each in its own process, against the
# budget of about 2 s of CPU and 200 MB (benchmarks/hostile/). BENCH_ARGS=markdown runs one area.
bench-hostile: install assets
	$(BIN)/python -m benchmarks.hostile.run $(BENCH_ARGS)

# Imports every notice of the import corpus (notices/importing/tests/corpus/) with
# `import_notice --dry-run --json` on a throwaway SQLite database and prints recall and precision
# per notice and in total (docs/importing-corpus.md). NAMES=... scores only matching notices.
import-report: install
	$(BIN)/python -m scripts.import_report $(NAMES)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: $(BIN)/.installed

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@echo "Installing the Python packages into $(VENV) (requirements-dev.txt)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# GOV.UK Frontend and Sass come from npm, pinned by package-lock.json; the stylesheet and script
# they build land in static/build/ (not committed).
assets: static/build/.built

node_modules/.installed: package.json package-lock.json
	@echo "Installing GOV.UK Frontend and Sass (npm ci)..."
	@npm ci --no-audit --no-fund --omit=optional --loglevel=error
	@touch $@

static/build/.built: node_modules/.installed $(wildcard static/scss/*.scss)
	@echo "Building the stylesheet into static/build/..."
	@npm run --silent build
	@touch $@

$(LOCAL)/secret-key:
	@mkdir -p $(LOCAL)
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

$(LOCAL)/admin-password:
	@mkdir -p $(LOCAL)
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(12))' > $@

clean:
	rm -rf $(VENV) node_modules static/build staticfiles .pytest_cache .ruff_cache
