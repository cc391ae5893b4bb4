# The site as one image: slim Python, Debian's Pango and fonts for WeasyPrint, the locked
# dependencies, and the same gunicorn command as the Procfile and `make run`.
#   docker build -t cannabis-record-relief .
#   docker run -e SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')" -p 8000:8000 cannabis-record-relief
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango (with HarfBuzz and fontconfig) is what WeasyPrint draws text with; the packet embeds its
# own Liberation fonts, the system ones are the fallback fontconfig needs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY LICENSE README.md pyproject.toml babel.cfg Procfile ./
COPY webapp webapp
COPY templates templates
COPY translations translations
# Catalogs and compressed static files are built here, so the running container writes nothing.
RUN pybabel compile -d translations \
 && python -m whitenoise.compress webapp/static/css \
 && useradd --system --uid 10001 --home-dir /app app

USER app
ENV CRR_ENV=production \
    PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ['PORT'], timeout=4)"
# exec: gunicorn is PID 1 and gets the platform's SIGTERM for a graceful stop.
CMD ["sh", "-c", "exec gunicorn --config webapp/gunicorn_conf.py --bind 0.0.0.0:$PORT 'webapp:create_app()'"]
