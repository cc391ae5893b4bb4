"""The header row: the contract's names, as people type them, and every column accounted for."""

import pytest

from webapp.clinic import columns
from webapp.clinic.messages import FileProblems
from webapp.eligibility import screening


def layout(*names, has_data=None):
    return columns.read_header(list(names), 1, set(range(len(names))) if has_data is None else has_data)


def texts(problems):
    return [p.text() for p in problems]


def test_the_csv_uses_exactly_the_contracts_field_names():
    assert set(columns.CONVICTION) == set(screening._CONVICTION_FIELDS)
    assert set(columns.PERSON) == set(screening._PERSON_FIELDS)
    assert {"name", "street", "city", "state", "zip", "phone", "email"} <= set(columns.PETITIONER)


@pytest.mark.parametrize("typed", ["Client ID", " client_id ", "CLIENT-ID", "\ufeffclient_id", "client  id"])
def test_headers_are_matched_the_way_people_type_them(typed):
    assert columns.normalise(typed) == "client_id"


def test_spreadsheet_letters_match_excel():
    assert [columns.letter(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]


def test_duplicate_headers_name_both_columns_by_letter():
    with pytest.raises(FileProblems) as error:
        layout("client_id", "section", "level", "Level")
    assert texts(error.value.problems) == [
        "Row 1: columns C and D are both named “Level”. Rename or remove one of them."
    ]


@pytest.mark.parametrize("missing", ["client_id", "section"])
def test_a_missing_required_column_is_named(missing):
    names = [n for n in ("client_id", "section", "level") if n != missing]
    with pytest.raises(FileProblems) as error:
        layout(*names)
    assert texts(error.value.problems) == [
        f"Row 1: there is no {missing} column. The first row must hold the column names, as in the template."
    ]


def test_unknown_columns_are_reported_with_a_likely_intended_name_and_kept_for_the_results():
    found = layout("client_id", "section", "levle", "notes")
    assert texts(found.notices) == [
        "Column C, “levle”, is not a column we know, so we did not use it. Did you mean level?",
        "Column D, “notes”, is not a column we know, so we did not use it. It is copied into the results "
        "file unchanged.",
    ]
    assert all(n.warning for n in found.notices)
    assert found.echoed == (0, 1, 2, 3)
    assert "levle" not in found.where


def test_result_columns_from_an_earlier_check_are_worked_out_again_not_echoed_twice():
    found = layout("client_id", "section", "relief", "reasons")
    assert found.echoed == (0, 1)
    assert "holds results from an earlier check" in found.notices[0].text()


def test_an_unnamed_column_is_reported_only_when_it_holds_values():
    assert layout("client_id", "section", "", has_data={0, 1}).notices == ()
    found = layout("client_id", "section", "", has_data={0, 1, 2})
    assert texts(found.notices) == ["Column C has values but no name in the first row, so we did not use it."]


def test_the_help_pages_values_are_the_engines_vocabulary():
    for field, choices in screening._CHOICES.items():
        assert columns.VALUES[field] == ", ".join(choices)
