"""The templates' ``url_for`` (webapp/fixed_links.py) and ``csrf_token()`` (webapp/form_token.py):
the same links and the same token as Flask and Flask-WTF give, built or read once a page."""

import re

import pytest
from flask import url_for

from webapp import languages

FIXED = [("static", {"filename": "css/site.css"}), ("check.start", {}), ("check.privacy", {}),
         ("check.start_again", {})]


def _render(app, source: str) -> str:
    return app.jinja_env.from_string(source).render()


@pytest.mark.parametrize("code", languages.CODES)
def test_fixed_links_are_the_links_flask_builds(app, code):
    with app.test_request_context(f"/{code}/check/1/county"):
        app.preprocess_request()
        for endpoint, values in FIXED:
            for given in ({}, {"lang": code}, {"lang": "es"}):
                call = {**values, **given}
                arguments = "".join(f", {k}={v!r}" for k, v in call.items())
                twice = _render(app, f"{{{{ url_for({endpoint!r}{arguments}) }}}}|"
                                     f"{{{{ url_for({endpoint!r}{arguments}) }}}}")
                assert twice == f"{url_for(endpoint, **call)}|{url_for(endpoint, **call)}"
        assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css",
                            _render(app, "{{ url_for('static', filename='css/site.css') }}"))


def test_a_site_served_under_a_prefix_gets_its_own_links(app):
    with app.test_request_context("/en/"):
        app.preprocess_request()
        plain = _render(app, "{{ url_for('check.privacy') }}")
    with app.test_request_context("/en/", base_url="http://localhost/relief/"):
        app.preprocess_request()
        prefixed = _render(app, "{{ url_for('check.privacy') }}")
        assert prefixed == url_for("check.privacy")
    assert (plain, prefixed) == ("/en/privacy", "/relief/en/privacy")


def test_links_with_other_arguments_are_built_each_time(app):
    with app.test_request_context("/en/check/1/county"):
        app.preprocess_request()
        links = _render(app, "{% for n in [1, 2, 3] %}"
                             "{{ url_for('check.cancel_conviction', n=n) }} {% endfor %}")
    assert links.split() == ["/en/check/1/cancel", "/en/check/2/cancel", "/en/check/3/cancel"]


def test_every_form_on_a_page_carries_the_one_token_flask_wtf_accepts(csrf_client):
    page = csrf_client.get("/en/check/1/county").get_data(as_text=True)
    tokens = re.findall(r'name="csrf_token" value="([^"]+)"', page)
    assert len(tokens) == 2  # the question, and "Start again" in the footer
    assert len(set(tokens)) == 1
    # The footer's copy (read back, not made by Flask-WTF) is accepted as the question's is.
    assert csrf_client.post("/en/start-again", data={"csrf_token": tokens[-1]}).status_code == 302
    assert csrf_client.post("/en/start-again", data={"csrf_token": tokens[-1] + "x"}).status_code == 400


def test_a_link_without_a_language_follows_each_page_s_language(app):
    seen = []
    for code in languages.CODES:
        with app.test_request_context(f"/{code}/"):
            app.preprocess_request()
            seen.append(_render(app, "{{ url_for('check.start') }}"))
    assert seen == [f"/{code}/" for code in languages.CODES]
