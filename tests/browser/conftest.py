"""A live server on loopback and Debian's headless Chromium driven by Playwright."""

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import create_app

from ..conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _files_read_at_once(app):
    """Static files sent from memory. When the browser hangs up in the middle of a file (it asks
    for /favicon.ico after every page, also as a test closes it), werkzeug's development server
    fails while draining the socket, before it closes the response: the open file then surfaces
    as a ResourceWarning, an error in this suite, on whichever test is tearing down. gunicorn,
    which serves the site, closes the response whatever happens."""

    def wrapped(environ, start_response):
        response = app(environ, start_response)
        if not hasattr(response, "filelike"):  # a page: streamed as the app streams it
            return response
        try:
            return [b"".join(response)]
        finally:
            response.close()

    return wrapped


@pytest.fixture(scope="session")
def live_server():
    app = create_app({"SECRET_KEY": TEST_SECRET})
    server = make_server("127.0.0.1", 0, _files_read_at_once(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    if not AXE.exists():
        pytest.fail("npm's axe-core is missing: `make test` installs it (npm install)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[(390, 844), (320, 640)], ids=["390x844", "320x640"])
def phone(request, browser):
    width, height = request.param
    # bypass_csp only so the test can inject axe-core; the site itself never runs inline script.
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        bypass_csp=True,
        java_script_enabled=True,
    )
    page = context.new_page()
    page.size_name = f"{width}x{height}"
    yield page
    context.close()


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
        }"""
    )
    return result


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.size_name}.png"), full_page=True)


def audit_page(page, shot: str, lang: str, *, fits_phone: bool = False) -> None:
    """A page in the language it should be in, with no axe-core violation, saved as `shot`;
    ``fits_phone``: readable at 320 px, nothing wider than the screen."""
    assert page.evaluate("document.documentElement.lang") == lang
    assert run_axe(page) == [], shot
    if fits_phone:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), shot
    screenshot(page, shot)
