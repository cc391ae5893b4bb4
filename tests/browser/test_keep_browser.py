"""What a person keeps, in a real browser on a phone: the resume code brings the journey back in a
fresh browser (another device) and is refused when one character changes; the printable summary
and the 'already cleared?' letters download as PDFs holding the results and the case."""

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS
from .conftest import run_axe, screenshot
from .test_phone_journey import Journey, answer_everything


def _text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_keep_the_results_and_come_back_on_another_device(phone, browser, live_server, lang):
    journey = Journey(phone, live_server, lang)
    phone.goto(f"{live_server}/{lang}/check")
    answer_everything(journey, [FRESNO_POSSESSION], NO_PRIORS)
    phone.click(f"a[href='/{lang}/results']")
    relief = phone.get_attribute("[data-relief]", "data-relief")
    code = phone.inner_text("[data-resume-code]").strip()

    # The printable summary: the page, then its PDF, with the result and the code.
    phone.click("[data-summary]")
    assert run_axe(phone) == []
    screenshot(phone, f"{lang}-keep-summary")
    with phone.expect_download() as download:
        phone.click("form[action$='/results/summary'] button")
    summary = _text(Path(download.value.path()).read_bytes())
    assert code.replace("-", "") in summary.replace(" ", "").replace("-", "")
    assert "Fresno" in summary
    phone.go_back()

    # The clerk letter, with the case number typed for that one download.
    phone.click("[data-clerk-letter]")
    assert run_axe(phone) == []
    phone.fill("input[name^=case_]", "F12-345678")
    with phone.expect_download() as download:
        phone.click("form[action$='/results/letter'] button")
    letter = _text(Path(download.value.path()).read_bytes())
    assert "F12-345678" in letter
    assert "11361.9" in letter

    # Another device: a fresh browser context with no cookie. One changed character is refused.
    other = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = other.new_page()
        page.goto(f"{live_server}/{lang}/resume")
        altered = code[:-1] + ("A" if code[-1] != "A" else "B")
        page.fill("input[name=resume_code]", altered)
        page.click("button.button")
        assert page.locator(".error-summary").count() == 1
        assert page.input_value("input[name=resume_code]") == altered  # what was typed is kept
        page.fill("input[name=resume_code]", code)
        page.click("button.button")
        assert page.url.endswith(f"/{lang}/results")
        assert page.get_attribute("[data-relief]", "data-relief") == relief
    finally:
        other.close()
