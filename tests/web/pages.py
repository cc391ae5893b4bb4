"""Page invariants, asserted on every HTML page the web tests fetch (the GOV.UK Notify habit)."""

from collections import Counter
from functools import cache
from pathlib import Path

import html5lib
from babel.support import Translations
from bs4 import BeautifulSoup

from webapp import languages

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


@cache
def error_prefix(lang: str) -> str:
    """How the page's language starts the title of a page with errors ("Error: ", "Lỗi: ", …)."""
    catalog = Translations.load(str(TRANSLATIONS), [languages.catalog_locale(lang)])
    return catalog.gettext("Error: %(title)s").split("%(title)s")[0].strip()


def check_page(html: str, lang: str, *, has_error: bool = False) -> BeautifulSoup:
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    assert not [e for e in parser.errors if e[1] not in ("unexpected-doctype",)], parser.errors[:3]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == lang
    h1s = soup.select("h1")
    assert len(h1s) == 1, f"expected one h1, found {len(h1s)}"
    title = soup.title.get_text(" ", strip=True)
    heading = " ".join(h1s[0].get_text(" ", strip=True).split())
    if has_error:
        assert title.startswith(error_prefix(lang)), title
    assert heading.split()[0] in title, (heading, title)
    ids = [tag["id"] for tag in soup.select("[id]")]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates
    for script in soup.select("script"):
        assert script.get("src"), "inline script breaks the Content-Security-Policy"
    assert not soup.select("style"), "inline <style> breaks the Content-Security-Policy"
    assert not soup.select("[style]"), "style= attributes break the Content-Security-Policy"
    for form in soup.select("form"):
        assert form.get("method") == "post"
        assert form.get("action")
        assert form.has_attr("novalidate")
        assert form.select_one('input[name="csrf_token"]'), "every form carries a CSRF token"
    for control in soup.select("input:not([type=hidden]), select, textarea"):
        labelled = soup.select_one(f'label[for="{control["id"]}"]') if control.get("id") else None
        assert labelled, f"input {control.get('name')} has no label"
    for radio_group in {r["name"] for r in soup.select("input[type=radio]")}:
        fieldset = soup.select_one(f'input[name="{radio_group}"]').find_parent("fieldset")
        assert fieldset, f"radios {radio_group} need a fieldset"
        assert fieldset.select_one("legend"), f"radios {radio_group} need a legend"
    assert soup.select_one("a.skip-link[href='#main']")
    assert soup.select_one("main#main")
    return soup


def refused(client, url: str, data: dict):
    """POST an answer the page refuses: post/redirect/get sends the person back to the same page
    (never an error page answering the POST), whose GET shows the error once."""
    from urllib.parse import urlparse

    response = client.post(url, data=data)
    assert response.status_code == 302, (url, response.status_code)
    assert urlparse(response.headers["Location"]).path == urlparse(url).path
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    return page
