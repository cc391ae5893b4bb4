"""Cannabis Record Relief.

``webapp:create_app()`` builds the Flask application (``webapp/app.py``). It is imported only when
asked for, so that the engine (``webapp.eligibility``), the packet and the county facts can be
imported, by the command lines and by other programs, without loading Flask.
"""


def __getattr__(name: str):
    if name in ("create_app", "csrf"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module 'webapp' has no attribute {name!r}")
