# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in e-mails point to the port `make run` serves on (unless PORTAL_BASE_URL is set).
PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
STAMP := $(VENV)/.installed

.PHONY: run test install system-packages messages setup demo check-deploy clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: system-packages $(STAMP)

# gettext (msgfmt) compiles the Arabic catalogue; WeasyPrint needs Pango; the end-to-end tests drive
# Chromium. Installed when we are root.
system-packages:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p 2>/dev/null | grep -q libpango-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install these system packages:$$missing"; exit 1; \
	  fi; \
	fi

messages: install
	cd $(CURDIR) && DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0

# A developer's checkout runs in DEBUG: `make` writes it once to .env (git-ignored), which the
# settings read, so plain `.venv/bin/python manage.py ...` works too.
.env:
	printf '# Local development settings (not for production).\nDEBUG=1\n' > .env

setup: messages .env
	DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0
	DEBUG=1 $(BIN)/python manage.py load_reference

demo: setup
	DEBUG=1 PORTAL_BASE_URL=$(PORTAL_BASE_URL) $(BIN)/python manage.py load_demo

# The background worker (PDF reports) runs beside the server and stops with it. Without autoreload: a
# reloading worker is two processes, and stopping the parent would leave the child running.
# Beside them, comment digests are e-mailed every two minutes (production: a timer, docs/production.md).
run: demo
	@echo "Serving the portal on http://127.0.0.1:$(PORT)/ (demo password: $${DEMO_PASSWORD:-gcm-demo-2026})"
	@export DEBUG=1 PORTAL_BASE_URL=$(PORTAL_BASE_URL); \
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	while sleep 120; do $(BIN)/python manage.py send_comment_digests -v0; done & digests=$$!; \
	trap 'kill $$worker $$digests 2>/dev/null; wait $$worker $$digests 2>/dev/null' EXIT; \
	trap 'exit 130' INT; trap 'exit 143' TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite, then on PostgreSQL when TEST_DATABASE_URL is set, each spread over
# TEST_WORKERS processes (pytest-xdist; each has its own test database). TEST_WORKERS=0 runs in one process.
# The browser tests (Chromium, axe) run in the SQLite pass only: what they check does not depend on the database.
# A module's tests (a class's, for a class) go to one process: the data a module or class builds once (the
# region, the demo, a built PDF) is then built once, not once in each process.
TEST_WORKERS ?= 2
PYTEST = $(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadscope
test: messages
	$(PYTEST)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on PostgreSQL =="; \
	  DATABASE_URL="$$TEST_DATABASE_URL" $(PYTEST) -m "not e2e"; \
	fi

check-deploy: install
	DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets;print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=gcm.example.org SECURE_HTTPS=1 $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles
