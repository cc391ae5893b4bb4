"""The templates' ``url_for``: a link that names only an endpoint and a language (the stylesheet,
the start page, the privacy page, the start-again form) is built once, not on every page.

Every page draws four such links in its header and footer, and Werkzeug builds each anew (about
8 µs: the URL map, the language default, the content-hashed stylesheet name). Such a link depends
on nothing else: the endpoint, the language given or the page's own (``g.lang``), the file name,
and the prefix the site is served under (``request.script_root``), which are the memo's key. Any
other argument (a conviction's number, ``_external``, an anchor) is built by Flask every time, so
nothing a person answered is ever kept here. The key's parts are fixed by the templates and the
site's languages, so the memo stays small; it is bounded all the same.
"""

from __future__ import annotations

from flask import Flask, g, request

FIXED_ARGUMENTS = frozenset({"lang", "filename"})
MEMO_LIMIT = 512


def install(app: Flask) -> None:
    build = app.url_for
    memo: dict[tuple, str] = {}

    def url_for(endpoint: str, **values) -> str:
        # A relative endpoint (".start") depends on the page's blueprint: built every time.
        if endpoint.startswith(".") or not FIXED_ARGUMENTS.issuperset(values):
            return build(endpoint, **values)
        # Through the objects, not their proxies: each proxy read costs a failed attribute lookup
        # first, and this runs a few times a page.
        key = (request._get_current_object().script_root, endpoint, values.get("lang"),
               values.get("filename"), getattr(g._get_current_object(), "lang", None))
        url = memo.get(key)
        if url is None:
            url = build(endpoint, **values)
            if len(memo) < MEMO_LIMIT:
                memo[key] = url
        return url

    app.jinja_env.globals["url_for"] = url_for
