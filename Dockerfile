# Chợ OCOP — the Django app image (web, Celery worker and beat all run from it).
FROM python:3.11-slim

# DJANGO_VAR_DIR is fixed so collectstatic at build time and the running app agree on
# STATIC_ROOT; DJANGO_MEDIA_ROOT gives the media volume one well-known mount point.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_VAR_DIR=/app/var \
    DJANGO_MEDIA_ROOT=/data/media

WORKDIR /app

# DejaVu draws the Vietnamese titles on the generated demo product images.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first: this layer is rebuilt only when pyproject.toml changes.
# (The project builds no package of its own, so pyproject.toml alone is enough here.)
COPY pyproject.toml ./
RUN pip install .

# Source owned by root: the app user can write only var/ and media, not the code.
COPY . .

# Static files are baked into the image for whitenoise; the key is a throwaway,
# settings only need one to import.
RUN DJANGO_SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput \
    && useradd --create-home --uid 10001 app \
    && mkdir -p /app/var /data/media \
    && chown app:app /app/var /data/media

USER app

EXPOSE 8000

# No curl in the slim image: use Python. Needs DJANGO_SECURE_SSL_REDIRECT=false on plain http,
# or the probe gets redirected to https and fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/shop/catalogue/', timeout=4)"]

CMD ["gunicorn", "marketplace.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
