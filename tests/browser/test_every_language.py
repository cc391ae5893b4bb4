"""Vietnamese, Traditional Chinese and Korean (and any language added to the list): a whole journey
on a phone in real Chromium, axe-core on every page, and no English sentence left on the way."""

import pytest

from webapp import languages

from ..web.test_flow import ALAMEDA_SALE, FRESNO_POSSESSION, NO_PRIORS
from ..web.test_pages import _english_sentences
from .test_phone_journey import Journey, answer_everything

NEW = [code for code in languages.CODES if code not in (languages.DEFAULT, "es")]


# The same sentences the test-client leak check looks for (tests/web/test_pages.py).
ENGLISH = _english_sentences()


class Reader(Journey):
    """A journey that also reads each page for English left behind."""

    leaks: dict

    def audit(self, label, lang=None):
        super().audit(label, lang)
        if (lang or self.lang) == languages.DEFAULT:
            return
        # The menu names other languages in their own words, and citations keep the court's English.
        text = self.page.evaluate("""() => {
            const main = document.querySelector('main').cloneNode(true);
            main.querySelectorAll('[lang]:not([lang=""]), .citation, option').forEach(e => e.remove());
            return main.innerText.replace(/\\s+/g, ' ');
        }""")
        leaked = [sentence for sentence in ENGLISH if sentence in text]
        if leaked:
            self.leaks[label] = leaked[:3]


@pytest.mark.parametrize("lang", NEW)
def test_a_whole_journey_in_each_new_language_on_a_phone(phone, live_server, lang):
    journey = Reader(phone, live_server, lang)
    journey.leaks = {}
    phone.goto(f"{live_server}/")
    phone.click(f"a[hreflang={lang}]")
    journey.audit("start")
    assert phone.locator(".translation-note").count() == 1  # not yet reviewed by a court interpreter
    phone.click("[data-start]")
    phone.click("button.button")  # an error first
    journey.audit("county-error")
    answer_everything(journey, [FRESNO_POSSESSION, ALAMEDA_SALE], NO_PRIORS)
    journey.audit("check-answers")
    phone.click(f"a[href='/{lang}/results']")
    journey.audit("results")
    blocks = phone.locator("[data-relief]").element_handles()
    reliefs = sorted(block.get_attribute("data-relief") for block in blocks)
    assert reliefs == ["dismiss", "reduce_to_misdemeanor"]
    phone.click("[data-summary]")
    journey.audit("summary")
    phone.go_back()
    phone.click("[data-petition]")
    journey.audit("petition-details")
    assert journey.violations == {}, journey.violations
    assert journey.leaks == {}, journey.leaks
