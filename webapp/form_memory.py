"""Post/redirect/get for forms with errors.

A page that answers a POST with an error makes the phone's Back button show "Confirm Form
Resubmission". So a POST that fails validation redirects back to the page, and what was typed and
what was wrong travel in the encrypted cookie (never the URL) for that one GET. Only answer codes
and short codes go this way: the details page, with names and case numbers, never uses it.
"""

from flask import session

KEY = "f"


def remember(form, page: str) -> None:
    """Keep ``form``'s typed values and errors for the next GET of ``page``."""
    session[KEY] = {
        "p": page,
        "d": {field.name: field.data for field in form if field.name != "csrf_token"
              and isinstance(field.data, str)},
        "e": {name: [str(m) for m in messages] for name, messages in form.errors.items()
              if name != "csrf_token"},
    }


def waiting() -> bool:
    """Whether a memory waits in the cookie (for this page or another): ``recall`` must then run,
    to use it or drop it."""
    return KEY in session


def recall(form, page: str) -> bool:
    """Put back what ``remember`` kept for ``page`` into ``form``; True when there was something.

    The memory is used once: a reload after that shows the page fresh."""
    memory = session.pop(KEY, None)
    if not isinstance(memory, dict) or memory.get("p") != page:
        return False
    for name, value in (memory.get("d") or {}).items():
        if name in form and isinstance(value, str):
            form[name].data = value
    for name, messages in (memory.get("e") or {}).items():
        if name in form and isinstance(messages, list):
            form[name].errors = [m for m in messages if isinstance(m, str)]
    form._errors = None  # recompute form.errors from the fields just set
    return True
