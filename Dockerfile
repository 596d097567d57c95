# The site under gunicorn, for docker-compose.yml or any container platform.
# Migrations are not run here: they are a separate step (the compose file's
# "migrate" service, `manage.py setup_site`), run once per release, not once per
# app server.
FROM python:3.11-slim

COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=bpnc_site.settings.production \
    PORT=8000

RUN groupadd --system bpnc \
    && useradd --system --gid bpnc --home-dir /app --no-create-home bpnc

WORKDIR /app

# Dependencies first, exactly as locked, so code changes reuse this layer.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .

# Static files are fingerprinted and compressed into the image, so every app
# server built from it serves the same files. The settings need their required
# variables to load; these throwaway values exist only for this command.
RUN SECRET_KEY=collectstatic-only-not-a-secret \
    ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
    WAGTAILADMIN_BASE_URL=https://collectstatic.invalid \
    python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/var \
    && chown bpnc:bpnc /app/media /app/var

USER bpnc

# Set at build time (docker build --build-arg RELEASE=$(git rev-parse HEAD)) so
# error reports name the code they came from.
ARG RELEASE=""
ENV SENTRY_RELEASE=${RELEASE}

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${PORT}/healthz', timeout=4)"

CMD ["gunicorn", "--config", "bpnc_site/gunicorn.conf.py", "bpnc_site.wsgi"]
