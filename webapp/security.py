"""Headers sent on every response, pages, errors, static files and the API alike."""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: Flask-WTF checks the Referer of HTTPS form posts.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    # Shared computers: the back button after "Start again" must not show cached answers.
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
}


# Each response's own value of one of these names is replaced, as the headers above apply to
# every response Flask makes; static files get theirs from WhiteNoise (static_files.py).
_NAMES = frozenset(name.lower() for name in HEADERS)
_PAIRS = list(HEADERS.items())


class SecurityHeaders:
    """WSGI middleware around Flask that adds HEADERS to every response it makes, error pages
    included. At this level the headers are a list of plain pairs: adding them through Flask's
    response object checked and re-encoded each value on every request (werkzeug's Headers), a
    few per cent of a page for the same eleven constant strings."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def start_with_headers(status, headers, exc_info=None):
            kept = [pair for pair in headers if pair[0].lower() not in _NAMES]
            return start_response(status, kept + _PAIRS, exc_info)

        return self.app(environ, start_with_headers)
