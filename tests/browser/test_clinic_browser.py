"""Clinic mode in a real Chromium, in English and Spanish, with axe-core on every page: an advocate
pastes a CSV, reads the results, opens the summaries and prints them, one client to a page."""

import io

import pytest
from pypdf import PdfReader

from ..clinic import sample
from .conftest import audit_page, run_axe, screenshot

LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture
def laptop(browser):
    # bypass_csp only so the test can inject axe-core; the site itself never runs inline script.
    context = browser.new_context(viewport=LAPTOP, device_scale_factor=1, bypass_csp=True)
    page = context.new_page()
    page.size_name = f"{LAPTOP['width']}x{LAPTOP['height']}"
    yield page
    context.close()


def clinic_csv() -> str:
    """An English and a Spanish client with packets, one without a name, one with a bad row."""
    rows = sample.client_rows(1, 2, lang="en") + sample.client_rows(2, 2, lang="es")
    rows += sample.client_rows(3, 1, petitioner=False, lang="en")
    bad = sample.client_rows(4, 2, lang="es")
    bad[1]["level"] = "felonyx"
    return sample.write(rows + bad)


def audited(page, name: str, lang: str) -> None:
    audit_page(page, f"clinic-{lang}-{name}", lang)  # a laptop page: wide tables are the point


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_advocate_checks_clients_and_prints_their_summaries(laptop, live_server, lang):
    page = laptop
    page.goto(f"{live_server}/{lang}/clinic")
    audited(page, "upload", lang)

    page.fill("textarea[name=csv_text]", clinic_csv())
    page.click("main form button.button")
    page.wait_for_load_state()
    assert page.locator("tr[data-relief]").count() == 6
    assert page.locator("#row-8 [data-not-checked]").count() == 1  # the bad row is listed, not checked
    assert page.title().startswith("Error:")
    page.click("[data-problems] a[href='#row-8']")
    assert page.evaluate("location.hash") == "#row-8"
    audited(page, "results", lang)

    with page.context.expect_page() as opened:
        page.click("button[value=summaries]")
    summaries = opened.value
    summaries.wait_for_load_state()
    summaries.size_name = page.size_name
    sections = summaries.locator("section.clinic-summary")
    assert [sections.nth(i).get_attribute("lang") for i in range(sections.count())] == ["en", "es", "en"]
    audited(summaries, "summaries", lang)

    # Printed: the instructions drop out and each client's summary is a page of its own.
    summaries.emulate_media(media="print")
    assert summaries.locator("h1").is_hidden()
    pdf = PdfReader(io.BytesIO(summaries.pdf(format="Letter")))
    texts = [" ".join(p.extract_text().split()) for p in pdf.pages]
    assert len(texts) == 3
    assert "María Peña 1" in texts[0]
    assert "Zoë Adams 2" in texts[1]
    assert "client C0003" in texts[2]


def test_the_results_table_scrolls_inside_its_box_on_a_phone(phone, live_server):
    phone.goto(f"{live_server}/en/clinic")
    phone.fill("textarea[name=csv_text]", sample.write(sample.clinic(2, 2)))
    phone.click("main form button.button")
    phone.wait_for_load_state()
    assert phone.locator("tr[data-relief]").count() == 4
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert run_axe(phone) == []
    screenshot(phone, "clinic-en-results-phone")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_help_page_passes_axe(laptop, live_server, lang):
    laptop.goto(f"{live_server}/{lang}/clinic/help")
    audited(laptop, "help", lang)
