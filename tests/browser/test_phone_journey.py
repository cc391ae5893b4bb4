"""A person on a phone, in English and in Spanish, in a real headless Chromium, with axe-core
checking every page of the journey for WCAG 2.2 A/AA violations."""

import pytest

from ..web.test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS
from .conftest import run_axe, screenshot

TWO_CONVICTIONS = [FRESNO_POSSESSION, ALAMEDA_SALE]
PERSON = NO_PRIORS


class Journey:
    def __init__(self, page, base, lang):
        self.page, self.base, self.lang = page, base, lang
        self.violations = {}
        self.shots = 0

    def audit(self, label, lang=None):
        violations = run_axe(self.page)
        if violations:
            self.violations[label] = violations
        self.shots += 1
        screenshot(self.page, f"{self.lang}-{self.shots:02d}-{label}")
        assert self.page.evaluate("document.documentElement.lang") == (lang or self.lang)
        # Readable at 320 px: nothing wider than the screen.
        assert self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), label

    def answer(self, question, value):
        page = self.page
        if question == "county":
            page.select_option("select[name=county]", value)
        elif question == "offense_date":
            page.fill("input[name=offense_date]", value)
        else:
            page.click(f"input[name={question}][value='{value}'] + label")
        page.click("button.button")

    def current_question(self):
        url = self.page.url.split("?")[0]
        return url.rsplit("/", 1)[-1]


def answer_everything(journey, convictions, person):
    page = journey.page
    number = 1
    for _ in range(80):
        question = journey.current_question()
        if question == "answers":
            return
        journey.audit(question)
        if question == "more":
            journey.answer("add_another", "yes" if number < len(convictions) else "no")
            number += 1
            continue
        source = person if "/about-you/" in page.url else convictions[number - 1]
        journey.answer(question, source.get(question, "unknown"))
    raise AssertionError("did not reach the check-answers page")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_two_convictions_in_two_counties_on_a_phone(phone, live_server, lang):
    journey = Journey(phone, live_server, lang)
    phone.goto(f"{live_server}/")
    journey.audit("choose-language", lang="en")
    phone.click(f"a[hreflang={lang}]")
    journey.audit("start")
    phone.click("[data-start]")

    # A validation error first: Continue without choosing.
    phone.click("button.button")
    assert phone.title().startswith("Error:")
    assert phone.locator(".error-summary a").count() == 1
    journey.audit("county-error")

    answer_everything(journey, TWO_CONVICTIONS, PERSON)
    journey.audit("check-answers")

    # Change the first conviction's county from the check page and come back to it.
    phone.click("a[href*='/check/1/county']")
    phone.select_option("select[name=county]", "kern")
    phone.click("button.button")
    assert phone.url.endswith(f"/{lang}/check/answers")
    assert "Kern" in phone.inner_text("main")

    phone.click(f"a[href='/{lang}/results']")
    journey.audit("results")
    results = {
        el.get_attribute("data-conviction-id"): (
            el.get_attribute("data-relief"),
            el.get_attribute("data-track"),
        )
        for el in phone.locator("[data-relief]").element_handles()
    }
    assert results == {"1": ("dismiss", "application"), "2": ("reduce_to_misdemeanor", "petition")}
    assert phone.locator(".citation").count() >= 2

    phone.click("[data-petition]")
    journey.audit("petition-details")
    phone.click("button.button")
    journey.audit("petition-details-error")
    assert phone.title().startswith("Error:")

    assert journey.violations == {}, journey.violations


def test_switching_language_mid_way_keeps_the_answers(phone, live_server):
    phone.goto(f"{live_server}/en/check")
    phone.select_option("select[name=county]", "fresno")
    phone.click("button.button")
    phone.click("input[name=section][value='11357'] + label")
    phone.click("button.button")
    phone.click("a.lang-switch")
    assert "/es/check/1/level" in phone.url
    assert phone.evaluate("document.documentElement.lang") == "es"
    phone.click("a.back-link")
    assert phone.locator("input[name=section][value='11357']").is_checked()
    screenshot(phone, "es-switch-back")


def test_start_again_clears_everything(phone, live_server):
    phone.goto(f"{live_server}/es/check")
    phone.select_option("select[name=county]", "fresno")
    phone.click("button.button")
    phone.click("footer .start-again button")
    assert phone.url.endswith("/es/")
    phone.goto(f"{live_server}/es/check/1/county")
    assert phone.locator("select[name=county]").input_value() == ""
