"""Records in a real Chromium, in English and Spanish, on a phone, with axe-core on every page: a
person pastes a RAP sheet, reads what was found beside the record's own lines, unticks one
conviction and continues into the check, which starts at a question the record cannot answer."""

from pathlib import Path

import pytest

from ..records.samples import rap_text
from .conftest import audit_page

ASKED_BY_THE_RECORD = {"county", "section", "level", "offense_date", "age_at_offense", "court"}


def audited(page, name: str, lang: str) -> None:
    # The record's lines scroll inside their box, so the page itself still fits the phone.
    audit_page(page, f"records-{lang}-{name}", lang, fits_phone=True)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_person_pastes_a_record_and_continues_into_the_check(phone, live_server, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/records")
    audited(page, "paste", lang)

    page.fill("textarea[name=rap_sheet_text]", rap_text("sample-3"))
    page.click("button[value=read]")
    page.wait_for_load_state()
    found = page.locator("[data-conviction-id]")
    assert found.count() == 4
    assert page.locator("textarea[name=rap_sheet_text]").input_value().startswith("RE: QHY")
    audited(page, "found", lang)

    page.click("label[for='include-2-2-2']")  # the person unticks one
    assert not page.locator("#include-2-2-2").is_checked()
    page.click("button[value=continue]")
    page.wait_for_load_state()
    question = Path(page.url.split("?")[0]).name
    assert "/check/" in page.url
    assert question not in ASKED_BY_THE_RECORD, question
    audited(page, "first-question", lang)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_text_that_is_not_a_record_gets_one_clear_message(phone, live_server, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/records")
    page.fill("textarea[name=rap_sheet_text]", "my shopping list")
    page.click("button[value=read]")
    page.wait_for_load_state()
    assert page.title().startswith("Error:")
    assert page.locator("[data-error] li").count() == 1
    assert page.locator("textarea[name=rap_sheet_text]").input_value() == "my shopping list"
    audited(page, "not-a-record", lang)
