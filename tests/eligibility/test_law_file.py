"""law.toml, the one dated file of legal constants: complete, sourced, and refused when broken."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest

from webapp.eligibility import LAW, REASON_CITATIONS, REASON_CODES, REASON_URLS, RULES_VERSION
from webapp.eligibility.parameters import LAW_FILE, LawFileError, load
from webapp.eligibility.rules import RULES

CITATION = re.compile(r"^(Health and Safety|Penal|Welfare and Institutions) Code sections? \d")
LEGINFO = re.compile(r"^https://leginfo\.legislature\.ca\.gov/faces/(codes_displaySection|billNavClient)\.xhtml\?")


def test_the_constants_are_the_ones_the_law_sets():
    assert LAW.prop64_effective_date == dt.date(2016, 11, 9)
    assert (LAW.cannabis_limit_grams, LAW.concentrate_limit_grams) == (28.5, 8.0)
    assert LAW.import_export_concentrate_grams == 4.0
    assert LAW.plant_limit == 6
    assert (LAW.adult_age, LAW.adult_use_age) == (18, 21)
    assert LAW.in_scope_sections == ("11357", "11358", "11359", "11360", "11362.1")
    assert LAW.prison_sections == ("4573.6", "4573.8")
    assert list(LAW.super_strike_categories) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def test_every_constant_cites_an_official_source_with_a_confidence_tag():
    for name, entry in LAW.entries.items():
        assert LEGINFO.match(entry.url), name
        assert entry.confidence in {"H", "M", "L"}, name
        assert entry.source, name
        assert entry.description.endswith("."), name


def test_the_rules_version_is_the_files_date():
    assert LAW.rules_version.isoformat() == RULES_VERSION
    assert dt.date.fromisoformat(RULES_VERSION) <= dt.date.today()


def test_every_reason_code_has_a_citation_and_an_official_link():
    assert set(REASON_CITATIONS) == set(REASON_CODES)
    for code in REASON_CODES:
        assert CITATION.match(REASON_CITATIONS[code]), code
        assert LEGINFO.match(REASON_URLS[code]), code


def test_the_raybon_reason_names_the_case():
    assert REASON_CITATIONS["CANNABIS_IN_PRISON_NOT_COVERED"] == (
        "Penal Code sections 4573.6 and 4573.8; People v. Raybon (2021) 11 Cal.5th 1056")


def test_every_section_in_scope_has_its_rows_and_no_other_section_does():
    assert set(RULES) == set(LAW.in_scope_sections)


def _broken(tmp_path, edit) -> str:
    text = LAW_FILE.read_text(encoding="utf-8")
    path = tmp_path / "law.toml"
    path.write_text(edit(text), encoding="utf-8")
    with pytest.raises(LawFileError) as caught:
        load(path)
    return str(caught.value)


def test_the_shipped_file_loads_cleanly():
    assert load(LAW_FILE) == LAW
    assert tomllib.loads(LAW_FILE.read_text(encoding="utf-8"))


SB1449 = "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=200920100SB1449"
SAFETY = 'PETITION_PUBLIC_SAFETY_REVIEW = { citation = "Health and Safety Code section 11361.8(b)"'


# (text in law.toml, what a careless edit turns it into, what the refusal must say)
@pytest.mark.parametrize(("old", "new", "complaint"), [
    pytest.param("value = 28.5", 'value = "28.5"', "[cannabis_limit_grams] value must be a decimal number",
                 id="grams as text"),
    pytest.param("value = 2016-11-09", "value = 20161109", "[prop64_effective_date] value must be a date",
                 id="date as a number"),
    pytest.param("value = 6\n", "value = true\n", "[plant_limit] value must be a whole number",
                 id="plants as a boolean"),
    pytest.param("value = 2011-01-01", "value = 2011-07-01", "must be a January 1", id="mid-year change"),
    pytest.param("value = 21\n", "value = 16\n", "adult_age must be below adult_use_age", id="ages swapped"),
    pytest.param("SECTION_UNCLEAR = {", "NOT_A_CODE = {", "no citation for SECTION_UNCLEAR",
                 id="reason without citation"),
    pytest.param(SAFETY, 'PETITION_PUBLIC_SAFETY_REVIEW = { citation = ""',
                 "PETITION_PUBLIC_SAFETY_REVIEW source", id="empty citation"),
    pytest.param(f'url = "{SB1449}"', 'url = "http://example.com"',
                 "[small_possession_infraction_date] url must be an https URL", id="plain http"),
    pytest.param('confidence = "H"', 'confidence = "high"', "confidence must be one of H, M, L",
                 id="confidence"),
    pytest.param("[plant_limit]", "[plant_limits]", "unknown entries plant_limits", id="renamed entry"),
    pytest.param('description = "Adults 21 and older may grow', 'descriptions = "Adults 21 and older',
                 "[plant_limit] must have exactly the keys", id="misspelt key"),
    pytest.param("value = 18\n", "value = 18\nnote = 1\n", "[adult_age] must have exactly the keys",
                 id="extra key"),
    pytest.param("[plant_limit]", "[plant_limit", "cannot be read", id="not TOML"),
])
def test_a_broken_law_file_is_refused_with_the_entry_named(tmp_path, old, new, complaint):
    assert complaint in _broken(tmp_path, lambda text: text.replace(old, new, 1))


def test_a_citation_for_a_code_the_engine_does_not_know_is_refused(tmp_path):
    extra = 'MADE_UP = { citation = "Penal Code section 1", url = "https://a.example", confidence = "H" }\n'
    assert "does not know: MADE_UP" in _broken(tmp_path, lambda text: text + extra)


def test_a_description_must_be_a_sentence(tmp_path):
    message = _broken(tmp_path, lambda t: t.replace(
        "relief exists only for offenses committed before it.", "relief exists only before it"))
    assert "[prop64_effective_date] description must be one sentence" in message


def test_a_citation_entry_must_have_exactly_its_three_keys(tmp_path):
    message = _broken(tmp_path, lambda t: t.replace(
        'SECTION_UNCLEAR = { citation', 'SECTION_UNCLEAR = { note = "x", citation'))
    assert "[citations] SECTION_UNCLEAR must have exactly citation, url and confidence" in message


def test_a_missing_entry_is_named(tmp_path):
    message = _broken(tmp_path, lambda t: t[: t.index("[plant_limit]")] + t[t.index("[adult_age]"):])
    assert "[plant_limit] is missing" in message


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(LawFileError, match="cannot be read"):
        load(tmp_path / "nowhere.toml")
