"""The templates' ``_()`` (webapp/i18n.py): the same words as Jinja's new-style gettext, in
every language, with what it formats in escaped."""

import pytest
from jinja2.ext import _make_new_gettext

from webapp import i18n, languages

CASES = [
    ("Back", {}),
    ("Question %(number)s of about %(total)s", {"number": 3, "total": 9}),
    ("Error: %(title)s", {"title": "<script>alert(1)</script>"}),
    ("100%% of %(what)s", {"what": "a & b"}),  # a %% prints one %, as in Jinja's
    ("50%% done", {}),  # and with nothing to format in
    ("No sign at all", {}),
]


@pytest.mark.parametrize("code", languages.CODES)
def test_underscore_says_what_jinjas_own_gettext_says(app, code):
    stock = _make_new_gettext(lambda s: i18n.catalog().ugettext(s))
    with app.test_request_context(f"/{code}/"):
        app.preprocess_request()
        for message, variables in CASES:
            ours = app.jinja_env.from_string("{{ _(m, **v) }}").render(m=message, v=variables)
            theirs = app.jinja_env.from_string("{{ stock(m, **v) }}").render(
                m=message, v=variables, stock=stock
            )
            assert ours == theirs
        page = app.jinja_env.from_string('{{ _("Error: %(title)s", title=t) }}').render(t="<b>")
        assert "&lt;b&gt;" in page
        assert "<b>" not in page
        if code != languages.DEFAULT:
            assert app.jinja_env.from_string('{{ _("Back") }}').render() != "Back"
