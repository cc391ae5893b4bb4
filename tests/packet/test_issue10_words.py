"""Issue 10 items 8 and 9 on the court papers: nothing unknown is printed as "Unknown", and a
case whose court is not known gets no adult CR-400."""

import pytest

from webapp import packet
from webapp.eligibility.errors import InputError

from .conftest import CLEAN, PETITIONER, conviction


def attachment_html(*convictions) -> str:
    built = packet.build({"person": CLEAN, "convictions": list(convictions)}, PETITIONER, "en")
    html = packet.markup(built)
    start = html.index('class="attachment"')
    return html[start:html.index("</section>", start)]


def test_an_unknown_level_and_date_leave_a_line_to_fill_not_the_word_unknown():
    html = attachment_html(conviction(county="Fresno", case_number="F1", section="11359", level="unknown",
                                      offense_date=None, sentence="completed", sale_to_minor="no",
                                      used_minor="no"))
    assert "Unknown" not in html
    assert "______________" in html


def test_a_known_level_is_written_out():
    html = attachment_html(conviction(county="Fresno", case_number="F1", section="11359", level="felony",
                                      sentence="completed", sale_to_minor="no", used_minor="no"))
    assert "Felony" in html
    assert "______________" not in html


def test_a_court_not_known_gets_no_adult_form():
    unsure = conviction(county="Fresno", case_number="F1", section="11357(b)", offense_date="2010-01-01",
                        court="unknown", sentence="completed")
    with pytest.raises(InputError, match="nothing to file"):
        packet.build({"person": CLEAN, "convictions": [unsure]}, PETITIONER, "en")
