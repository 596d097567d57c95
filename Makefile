# The README's commands. Only Python 3.11+ is needed: uv is bootstrapped with pip.
PORT ?= 8000
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
RUN := $(UV) run --frozen
MANAGE := $(RUN) python manage.py

.PHONY: install run dev test lint format content messages content-po bench loadtest drill screenshots

install:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen

# Migrate, load the content into an empty site, roles and workflow, the demo users
# (setup_site, as in production); the site's links name the port it is served on.
content: install
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) setup_site

# The site as visitors see it: gunicorn with the production image's settings
# (bpnc_site/gunicorn.conf.py), whitenoise, DEBUG off, SQLite; on this machine only,
# with two workers.
run: content
	DEBUG=false $(MANAGE) collectstatic --noinput -v0
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin at /admin/). Ctrl-C to stop."
	DEBUG=false WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) \
		$(RUN) gunicorn bpnc_site.wsgi --config bpnc_site/gunicorn.conf.py \
		--bind 127.0.0.1:$(PORT) --workers 2

# For developers: Django's runserver with DEBUG on.
dev: content
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(RUN) ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(RUN) pytest

# Requests per second and latency per page type, cached and uncached, against a
# trivial WSGI app in the same gunicorn configuration (bench/; needs wrk).
bench: install
	$(RUN) python -m bench.run

# A bounded mixed load (pages in both languages, searches, sign-ups) on a throwaway
# copy of the site under gunicorn, production settings (loadtest/run.py): set
# LOAD_USERS, LOAD_DURATION (seconds), LOAD_WORKERS; PostgreSQL when DATABASE_URL is.
loadtest: install
	$(RUN) python -m loadtest.run

# The production topology broken on purpose (loadtest/drill.py): private PostgreSQL
# and Redis on free ports, two gunicorn app servers behind nginx (or a Python proxy),
# load while each dependency fails and a release rolls out; DRILL_SHORT=1 for CI's.
drill: install
	$(RUN) python -m loadtest.drill

# The guides' screenshots (docs/screenshots/), taken again by the browser tests that
# walk those screens (tests/support/screenshots.py).
screenshots: install
	SCREENSHOTS_DIR=docs/screenshots $(RUN) pytest tests/browser -q \
		-k "translator_sees or review_due or replaces_the_authenticator or signup or meeting_pages or spanish_flyer or act_and_share or own_data"

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .

format: install
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

# After changing interface strings: refresh the Spanish catalogue, translate the new
# entries in locales/es/LC_MESSAGES/django.po, then compile (needs GNU gettext).
messages: install
	$(MANAGE) makemessages -l es --no-location --ignore=.venv --ignore=staticfiles \
		--ignore=tests --ignore=media
	$(MANAGE) compilemessages -l es --ignore=.venv

# After changing the content data files: refresh the Spanish content PO.
content-po: install
	DATABASE_URL=sqlite:///$(CURDIR)/.content-po.sqlite3 $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:///$(CURDIR)/.content-po.sqlite3 $(MANAGE) export_content_po
	rm -f .content-po.sqlite3
