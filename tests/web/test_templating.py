"""The site's Jinja environment (webapp/templating.py): templates see every global the app
installs, and a template's own globals stay its own."""

from webapp.templating import SiteEnvironment


def test_pages_are_drawn_with_the_site_environment_and_its_globals(app, client):
    assert isinstance(app.jinja_env, SiteEnvironment)
    page = client.get("/es/check/1/county").get_data(as_text=True)
    # _ (webapp/i18n.py), url_for (webapp/fixed_links.py) and csrf_token (webapp/form_token.py),
    # each installed by create_app, reach the page and the macros it imports.
    assert ">Volver</a>" in page
    assert "/static/css/site." in page
    assert 'action="/es/start-again"' in page
    assert 'name="csrf_token"' in page


def test_a_template_s_own_globals_never_reach_the_environment(app):
    env = app.jinja_env
    assert env.from_string("{{ x }}", globals={"x": "own"}).render() == "own"
    assert "x" not in env.globals
    assert env.from_string("{{ x is defined }}").render() == "False"
