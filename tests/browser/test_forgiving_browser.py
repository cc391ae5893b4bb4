"""Issue 14 items 1 and 4 in a real Chromium at 390 px, in both languages: Back after an error
lands on the previous question (never "Confirm Form Resubmission"), every question page shows
its progress, and the new pages (error after a redirect, removal confirmation) are axe clean."""

import pytest

from ..web.test_flow import NO_PRIORS
from .conftest import run_axe, screenshot
from .test_phone_journey import TWO_CONVICTIONS, Journey


@pytest.fixture
def phone390(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    page.size_name = "390x844"
    yield page
    context.close()


def submit(page, selector: str = "button.button") -> None:
    """Click and wait for the page it leads to (the next assertion must not read the old one)."""
    with page.expect_navigation():
        page.click(selector)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_back_after_an_error_lands_on_the_previous_question(phone390, live_server, lang):
    page = phone390
    page.goto(f"{live_server}/{lang}/check")
    page.select_option("select[name=county]", "fresno")
    submit(page)
    page.click("input[name=section][value='11357'] + label")
    submit(page)
    assert page.url.endswith(f"/{lang}/check/1/level")
    submit(page)  # Continue without choosing
    assert page.url.endswith(f"/{lang}/check/1/level"), "the error page is the question page itself"
    assert page.title().startswith("Error:")
    assert page.locator(".error-summary a").count() == 1
    assert run_axe(page) == []
    screenshot(page, f"{lang}-390-level-error")
    # Each form submission is a history entry in every browser; what PRG changes is that every
    # entry is a GET, so Back never meets "Confirm Form Resubmission" (ERR_CACHE_MISS).
    response = page.go_back()
    assert response is not None
    assert response.request.method == "GET"
    assert response.ok
    assert page.url.endswith(f"/{lang}/check/1/level")
    assert page.locator(".error-summary").count() == 0, "the error was shown once"
    response = page.go_back()
    assert response is not None
    assert response.ok
    assert page.url.endswith(f"/{lang}/check/1/section"), page.url
    assert page.locator("input[name=section][value='11357']").is_checked()
    # The page's own Back link from the error goes straight to the previous question.
    page.go_forward()
    page.go_forward()
    submit(page)
    assert page.title().startswith("Error:")
    submit(page, "a.back-link")
    assert page.url.endswith(f"/{lang}/check/1/section")
    # Answer after an error, go on, then Back: the question again, not a resubmission warning.
    submit(page)
    page.click("input[name=level][value='misdemeanor'] + label")
    submit(page)
    assert page.url.endswith(f"/{lang}/check/1/offense_date")
    response = page.go_back()
    assert response is not None
    assert response.ok
    assert page.url.endswith(f"/{lang}/check/1/level")
    assert page.locator("input[name=level][value='misdemeanor']").is_checked()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_question_page_shows_its_progress_and_a_removal_is_confirmed(phone390, live_server, lang):
    page = phone390
    journey = Journey(page, live_server, lang)
    page.goto(f"{live_server}/{lang}/check")
    number, seen = 1, []
    for _ in range(80):
        question = journey.current_question()
        if question == "answers":
            break
        progress = page.locator("[data-progress]")
        assert progress.count() == 1, page.url
        seen.append(int(progress.get_attribute("data-progress").split("/")[0]))
        assert page.locator("[data-progress] .visually-hidden").inner_text().strip()
        if question == "more":
            with page.expect_navigation():
                journey.answer("add_another", "yes" if number < len(TWO_CONVICTIONS) else "no")
            number += 1
            continue
        source = NO_PRIORS if "/about-you/" in page.url else TWO_CONVICTIONS[number - 1]
        with page.expect_navigation():
            journey.answer(question, source.get(question, "unknown"))
    assert seen == list(range(1, len(seen) + 1))
    assert run_axe(page) == []
    submit(page, f"a[href='/{lang}/check/2/remove']")
    assert page.url.endswith(f"/{lang}/check/2/remove")
    assert run_axe(page) == []
    screenshot(page, f"{lang}-390-remove-confirm")
    submit(page, "main button.button")
    assert page.url.endswith(f"/{lang}/check/answers")
    assert "Alameda" in page.inner_text("[data-removed]")
    assert run_axe(page) == []
