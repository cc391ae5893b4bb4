"""Configuration: safe defaults locally, and a hard stop in production without a real secret.

Locally (``make run``) a secret key is generated once into ``instance/secret_key`` so that every
gunicorn worker and every restart share it: answers in the cookie survive a restart. In production
(``CRR_ENV=production``, as the Procfile sets) the key must come from the environment.
"""

import os
import secrets
from pathlib import Path

from . import languages

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"

SUPPORTED_LOCALES = languages.CODES

# The one bound on a request body, for every form and both JSON APIs (and the packet command line):
# bigger bodies are refused with 413 before any parsing. The answer forms are tiny; the
# petitioner-details form with 50 case numbers and a 50-conviction screening stay well under it.
MAX_BODY_BYTES = 64 * 1024


def _local_secret_key() -> str:
    path = INSTANCE / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        INSTANCE.mkdir(exist_ok=True)
        key = secrets.token_urlsafe(48)
        # O_EXCL: when two workers race on first start, one wins and the other reads its key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key


def _fallback_keys() -> list[str]:
    # Key rotation: the new key in SECRET_KEY, the old ones here (comma- or space-separated), so
    # cookies made before the switch still open until they expire on their own (two hours).
    raw = os.environ.get("SECRET_KEY_FALLBACKS", "")
    return [key for key in raw.replace(",", " ").split() if key]


def build_config(overrides: dict | None = None) -> dict:
    overrides = dict(overrides or {})
    production = overrides.pop("PRODUCTION", os.environ.get("CRR_ENV") == "production")
    secret = overrides.get("SECRET_KEY") or os.environ.get("SECRET_KEY")
    if not secret:
        if production:
            raise RuntimeError(
                "SECRET_KEY must be set in the environment in production (CRR_ENV=production)."
            )
        secret = _local_secret_key()
    config = {
        "PRODUCTION": production,
        "SECRET_KEY": secret,
        "SECRET_KEY_FALLBACKS": _fallback_keys(),
        "MAX_CONTENT_LENGTH": MAX_BODY_BYTES,
        "SUPPORTED_LOCALES": SUPPORTED_LOCALES,
        "BABEL_DEFAULT_LOCALE": languages.DEFAULT,
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        # The encrypted cookie expires after this many seconds without a request.
        "SESSION_IDLE_SECONDS": 2 * 60 * 60,
        "SESSION_COOKIE_NAME": "crr",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        # CSRF tokens live as long as the session cookie that carries them.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_ENABLED": True,
        # Every field carries its own translated sentence, so WTForms' built-in catalogue is never
        # shown; loading it per form cost about a fifth of a question page's time under load.
        "WTF_I18N_ENABLED": False,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
    }
    config.update(overrides)
    return config
