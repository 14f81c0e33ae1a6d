# Production image: pinned requirements, static files collected at build, non-root, gunicorn.
# .ci/run performs the same steps (asset build, install, collectstatic, migrate, gunicorn) so CI
# proves them.

# Build stage: GOV.UK Frontend and Sass from npm, pinned by package-lock.json, compile the
# stylesheet and copy the script into static/build/. Node stays out of the final image.
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=optional
COPY static/scss static/scss
RUN npm run build

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

WORKDIR /app

# WeasyPrint (each version's PDF, notices/printing) lays text out with Pango; DejaVu is the font
# the PDFs embed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install --requirement requirements.txt

COPY . .
COPY --from=assets /build/static/build static/build

# collectstatic needs settings to load; this key exists only for this build step.
RUN DJANGO_SECRET_KEY=collectstatic-only-build-key python manage.py collectstatic --noinput \
    && useradd --system --uid 10001 --no-create-home --home-dir /app app

USER app
EXPOSE 8000

# The web server. Run the same image a second time, with the same environment, as the background
# task worker: `python manage.py db_worker` (docs/developers.md, "Background tasks"). The worker
# sends the email alerts too, so it needs the EMAIL_* (or EMAIL_PROVIDER=notify and NOTIFY_*)
# variables and DJANGO_SITE_URL for the links in them (docs/alerts.md). Stop it with SIGTERM: it
# finishes the task in hand; a worker killed outright loses no email (docs/alerts.md).
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi:application"]
