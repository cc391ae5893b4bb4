# The site as one image: slim Python, Debian's Pango and fonts for WeasyPrint, the locked
# dependencies, the packet's CJK font built as `make packet-fonts` builds it, and the same gunicorn
# command as the Procfile and `make run`. How it was built and checked without Docker Hub:
# docs/deploy.md.
#   docker build -t cannabis-record-relief .
#   docker run -e SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')" -p 8000:8000 cannabis-record-relief
# BASE is the official image; a machine that cannot reach Docker Hub passes an equivalent one
# (python and pip on PATH, Debian bookworm's apt) with --build-arg BASE=...
ARG BASE=python:3.11.7-slim-bookworm

# ---- What every stage needs: Pango and the locked Python packages -----------------------------
FROM ${BASE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango (with HarfBuzz and fontconfig) is what WeasyPrint draws text with; the packet embeds its
# own Liberation and CJK fonts, the system ones are the fallback fontconfig needs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

# ---- The packet's Traditional Chinese and Korean font -----------------------------------------
# Not in a clone (git ignores webapp/packet/fonts/): without it a zh-Hant or ko packet cannot be
# drawn. Cut here from Debian's fonts-noto-cjk by the script `make packet-fonts` runs, with the
# locked fontTools, so the image has the font `make run` has; the 90 MB of collections stay behind.
FROM runtime AS packet-fonts
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/__init__.py scripts/build_packet_fonts.py scripts/
RUN python -m scripts.build_packet_fonts

# ---- The site -----------------------------------------------------------------------------------
FROM runtime

COPY LICENSE README.md pyproject.toml babel.cfg Procfile ./
COPY webapp webapp
COPY templates templates
COPY translations translations
COPY --from=packet-fonts /app/webapp/packet/fonts webapp/packet/fonts
# Catalogs and compressed static files are built here, so the running container writes nothing
# under /app: every file stays root's, and the app user can read but not change the site. The
# only writes are the rate-limit counts and WeasyPrint's scratch files, both under /tmp.
RUN pybabel compile -d translations \
 && python -m whitenoise.compress webapp/static/css \
 && useradd --system --uid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin app

USER app
# XDG_CACHE_HOME: fontconfig keeps a cache for the fonts WeasyPrint loads; with no writable cache
# folder (the app user's home is the read-only /app) it prints "Fontconfig error: No writable
# cache directories" on every render, a line that is not JSON in the log.
ENV CRR_ENV=production \
    PORT=8000 \
    XDG_CACHE_HOME=/tmp/cache
EXPOSE 8000
# /readyz answers 503 (so urlopen raises and the check fails) when a catalog, a font or the county
# data is missing. Podman keeps HEALTHCHECK only in the docker image format (--format docker).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ['PORT'], timeout=4)"
# exec: gunicorn is PID 1 and gets the platform's SIGTERM for a graceful stop.
CMD ["sh", "-c", "exec gunicorn --config webapp/gunicorn_conf.py --bind 0.0.0.0:$PORT 'webapp:create_app()'"]
