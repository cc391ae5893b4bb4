"""Issue 10, the words: the results page says only what is true, in both languages.

Each test walks the guided check as a person would and reads the result block it produced.
"""

import pytest
from bs4 import BeautifulSoup

from .journey import walk

NO_PRIORS = {"prior_super_strike": "no", "sex_offender_registrant": "no"}
POSSESSION = {"county": "fresno", "section": "11357", "level": "misdemeanor", "offense_date": "2010",
              "age_at_offense": "21_plus", "amount": "within_personal_limit", "concentrated": "no",
              "school_grounds": "no", "sentence": "completed"}
WORDS = {
    "probably": {"en": "This conviction can probably be dismissed.",
                 "es": "Esta condena probablemente se puede desestimar."},
    "certain": {"en": "This conviction can be dismissed.", "es": "Esta condena se puede desestimar."},
    "kept": {"en": "Proposition 64 keeps this conviction a felony.",
             "es": "Conforme a la Proposición 64, esta condena sigue siendo un delito grave."},
    "not_covered": {"en": "does not cover this conviction", "es": "no cubre esta condena"},
    "risk": {"en": "unreasonable risk to public safety",
             "es": "riesgo irrazonable para la seguridad pública"},
    "nothing": {"en": "There is nothing to file",
                "es": "no hay nada que presentar conforme a la Proposición 64"},
    "may_need": {"en": "you may need to file", "es": "es posible que tenga que presentar"},
    "must_grant": {"en": "must grant", "es": "debe concederla"},
    "no_hearing": {"en": "The court may decide without a hearing.",
                   "es": "El tribunal puede decidir sin una audiencia."},
    "citation": {"en": "Health and Safety Code section 11361.5",
                 "es": "sección 11361.5 del Código de Salud y Seguridad"},
}


def block(client, lang: str, conviction: dict, person: dict | None = None):
    walk(client, lang, [conviction], person or {})
    html = client.get(f"/{lang}/results").get_data(as_text=True)
    found = BeautifulSoup(html, "html.parser").select_one("[data-conviction-id='1']")
    return found, " ".join(found.get_text(" ").split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_dismissal_known_from_the_answers_is_certain_and_points_to_other_remedies(client, lang):
    found, text = block(client, lang, POSSESSION)
    assert found.select_one(".outcome").get_text(strip=True) == WORDS["certain"][lang]
    assert WORDS["no_hearing"][lang] in text
    remedies = [li["data-remedy"] for li in found.select("[data-remedy]")]
    assert remedies[:2] == ["RECORD_DESTRUCTION", "RECORD_NOT_A_BAR"]
    assert "IMMIGRATION_NOTE" in remedies
    assert WORDS["citation"][lang] in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_presumed_dismissal_says_probably(client, lang):
    found, _ = block(client, lang, {**POSSESSION, "amount": "unknown", "level": "unknown"})
    assert found["data-relief"] == "dismiss"
    assert found.select_one(".outcome").get_text(strip=True) == WORDS["probably"][lang]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_kept_felony_is_called_a_felony_prop_64_keeps(client, lang):
    sale = {"county": "kern", "section": "11359", "level": "felony", "offense_date": "2013",
            "age_at_offense": "21_plus", "sale_to_minor": "yes", "sentence": "completed"}
    found, text = block(client, lang, sale, NO_PRIORS)
    assert found["data-relief"] == "not_eligible"
    assert found.select_one(".outcome").get_text(strip=True).startswith(WORDS["kept"][lang])
    assert WORDS["not_covered"][lang] not in text
    assert "WOBBLER_REDUCTION" in [li["data-remedy"] for li in found.select("[data-remedy]")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_nothing_to_file_is_never_also_may_need_to_file(client, lang):
    found, text = block(client, lang, {**POSSESSION, "offense_date": "2017"})
    assert found["data-relief"] == "not_eligible"
    assert WORDS["nothing"][lang] in text
    assert WORDS["may_need"][lang] not in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_still_serving_headline_says_the_court_can_refuse_for_risk(client, lang):
    found, _ = block(client, lang, {**POSSESSION, "sentence": "serving"})
    assert found["data-track"] == "petition"
    assert WORDS["risk"][lang] in found.select_one(".outcome").get_text()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_conviction_not_known_to_be_cannabis_is_not_promised_a_grant(client, lang):
    found, text = block(client, lang, {"county": "fresno", "section": "unknown", "sentence": "completed"})
    assert found["data-relief"] == "needs_review"
    assert WORDS["must_grant"][lang] not in text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_partial_county_figure_is_shown_and_not_called_no_report(client, lang):
    _, text = block(client, lang, {**POSSESSION, "county": "imperial"})
    assert "14.6%" in text
    assert "no report" not in text
    assert "ningún informe" not in text


def test_a_juvenile_court_answer_of_not_sure_goes_to_review_without_a_form(client):
    found, text = block(client, "en", {**POSSESSION, "age_at_offense": "unknown", "court": "unknown"})
    assert found["data-relief"] == "needs_review"
    assert "adult court or juvenile court" in text
