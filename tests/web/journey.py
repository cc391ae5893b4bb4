"""Walk the guided check through the test client the way a person would: one page at a time,
answering whatever the page asks, until the check-answers page."""

import re
from urllib.parse import urlparse

from webapp import languages

from .pages import check_page

_LANGS = "|".join(map(re.escape, languages.CODES))
QUESTION_URL = re.compile(r"^/(?P<lang>" + _LANGS + r")/check/(?:(?P<n>\d+)|about-you)/(?P<q>[a-z_]+)$")


def walk(client, lang: str, convictions: list[dict], person: dict | None = None, *, check=True):
    """Answer every question the path asks. ``convictions`` gives answers by question name; a
    question the path asks that is missing from the dict is answered "unknown" (I'm not sure).
    Returns the list of question names asked, as (conviction number or None, name)."""
    person = person or {}
    asked = []
    response = client.get(f"/{lang}/check")
    location = urlparse(response.headers["Location"]).path
    for _ in range(2000):
        if location == f"/{lang}/check/answers":
            return asked
        if location == f"/{lang}/check/more":
            page = client.get(location)
            if check:
                check_page(page.get_data(as_text=True), lang)
            number_done = max((n for n, _ in asked if n), default=0)
            response = client.post(
                location, data={"add_another": "yes" if number_done < len(convictions) else "no"}
            )
        else:
            match = QUESTION_URL.match(location)
            assert match, f"unexpected page {location}"
            n = int(match["n"]) if match["n"] else None
            question = match["q"]
            page = client.get(location)
            assert page.status_code == 200, (location, page.status_code)
            if check:
                check_page(page.get_data(as_text=True), lang)
            source = convictions[n - 1] if n else person
            value = source.get(question, "unknown")
            data = {question: value}
            if question == "offense_date" and value == "unknown":
                data = {"offense_date": "", "offense_date_unknown": "y"}
            asked.append((n, question))
            response = client.post(location, data=data)
        assert response.status_code == 302, (
            location,
            response.status_code,
            response.get_data(as_text=True)[:300],
        )
        location = urlparse(response.headers["Location"]).path
    raise AssertionError("the journey did not reach the check-answers page")


def results(client, lang: str) -> dict:
    """The results page read through its test hooks: conviction id -> (relief, track)."""
    from bs4 import BeautifulSoup

    page = client.get(f"/{lang}/results")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    check_page(html, lang)
    soup = BeautifulSoup(html, "html.parser")
    return {
        block["data-conviction-id"]: (block["data-relief"], block["data-track"])
        for block in soup.select("[data-relief]")
    }
