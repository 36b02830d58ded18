# syntax=docker/dockerfile:1
# The app image: gunicorn app servers, the task worker and the scheduler all run it
# (compose.yaml). Build: docker build -t clinic-site .
# No secret is baked in: every setting comes from the environment at run time.

# Debian bookworm and Python 3.11, as CI and the locks (requirements.txt) are made with.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
# Only the locked packages, each checked against its hash; wheels only, so no compiler.
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --only-binary=:all: -r /tmp/requirements.txt
COPY . /app
WORKDIR /app
# Hashed, compressed static files, made once here. The placeholders only let the
# production settings load for this command; they are not kept in the image.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/unused.sqlite3 \
    DJANGO_SETTINGS_MODULE=clinic_site.settings.production \
    /opt/venv/bin/python manage.py collectstatic --noinput \
 && /opt/venv/bin/python -m compileall -q /app

FROM ${PYTHON_IMAGE} AS runtime
# A fixed unprivileged user; the code belongs to root and is read-only for it.
RUN groupadd --system --gid 10001 clinic \
 && useradd --system --uid 10001 --gid clinic --home-dir /nonexistent --no-create-home \
    --shell /usr/sbin/nologin clinic \
 && install -d -o clinic -g clinic -m 0750 /data/media
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=clinic_site.settings.production \
    MEDIA_ROOT=/data/media \
    GUNICORN_BIND=0.0.0.0:8000
USER clinic:clinic
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py", "clinic_site.wsgi"]
