"""One screening per client, the engine's own validation, and every problem mapped to its row."""

import datetime as dt

import pytest

from webapp.clinic import batch, messages, packets
from webapp.eligibility import assess

from . import sample

TODAY = dt.date(2026, 11, 27)


# Every column the tests use, in the order of the usual sample.
WIDE = [*sample.HEADER, "subdivision", "court", "id", "as_of", "phone", "email", "attorney_name",
        "attorney_bar_number", "attorney_firm", "attorney_street", "attorney_city", "attorney_state",
        "attorney_zip", "attorney_phone", "attorney_email", "waive_original_judge", "waive_appearance"]


def run(rows, header=None, **kwargs):
    return batch.assess_csv(sample.write(rows, header or WIDE), today=TODAY, **kwargs)


def problems(result):
    return [p.text() for p in result.problems]


def by_row(result):
    return {r.number: r for r in result.rows}


def test_each_clients_results_are_exactly_the_engines_for_that_person():
    rows = sample.clinic(6)
    result = run(rows)
    assert not result.problems
    for client in result.clients:
        expected = assess(client.screening, today=TODAY)["results"]
        assert [r.result for r in client.rows] == expected
    for row in result.rows:
        cells = {k: v for k, v in zip(WIDE, row.row.cells, strict=True) if v}
        assert row.result["relief"] == sample.expected_relief(cells)


def test_a_clients_rows_need_not_be_next_to_each_other():
    first, second = sample.client_rows(1, 2), sample.client_rows(2, 2)
    result = run([first[0], second[0], first[1], second[1]])
    assert [(c.client_id, [r.number for r in c.rows]) for c in result.clients] == [
        ("C0001", [2, 4]), ("C0002", [3, 5])]


def test_details_given_once_or_repeated_identically_give_the_same_results():
    once = sample.client_rows(1, 3)
    repeated = [{**row, **{k: once[0][k] for k in ("date_of_birth", "lang", "name")}} for row in once]
    assert [r.result for r in run(once).rows] == [r.result for r in run(repeated).rows]
    assert not run(repeated).problems


def test_the_date_of_birth_gives_the_age_at_each_offense():
    rows = [{"client_id": "A", "section": "11357", "level": "misdemeanor", "offense_date": "2010-03-01",
             "amount": "within_personal_limit", "school_grounds": "no", "sentence": "completed",
             "date_of_birth": "1992-01-01"}]
    assert run(rows).rows[0].result["relief"] == "reduce_to_infraction"  # 18 at the time
    rows[0]["date_of_birth"] = "1980-01-01"
    assert run(rows).rows[0].result["relief"] == "dismiss"


def test_conflicting_details_for_one_client_stop_that_client_and_say_where():
    rows = sample.client_rows(1, 3) + sample.client_rows(2, 1)
    rows[2]["date_of_birth"] = "1981-05-01"
    result = run(rows)
    assert problems(result) == [
        "Row 4, column date_of_birth: “1981-05-01” is different from “1980-05-01” in row 2 for the same "
        "client. Write the client's details the same way on every row, or only once."
    ]
    rows_ = by_row(result)
    assert [rows_[n].result for n in (2, 3, 4)] == [None, None, None]
    assert rows_[2].blocked_by == 4
    assert rows_[3].blocked_by == 4
    assert rows_[5].result is not None  # the next client is not held up
    assert result.clients[0].packet == packets.NOT_ASSESSED
    assert [c.client_id for c in result.summary_clients] == ["C0002"]


def test_details_differing_only_in_case_are_the_same_details():
    rows = sample.client_rows(1, 2)
    rows[0]["prior_super_strike"], rows[1]["prior_super_strike"] = "no", "No"
    assert not run(rows).problems


@pytest.mark.parametrize(("written", "lang"), [("es", "es"), ("ES", "es"), ("Español", "es"),
                                               ("english", "en"), ("", "en")])
def test_the_lang_column_sets_the_clients_language(written, lang):
    rows = sample.client_rows(1, 1)
    rows[0]["lang"] = written
    assert run(rows).clients[0].lang == lang


def test_a_client_without_lang_gets_the_pages_language():
    rows = sample.client_rows(1, 1)
    rows[0]["lang"] = ""
    assert batch.assess_csv(sample.write(rows), "es").clients[0].lang == "es"


def test_an_unknown_language_is_a_problem_in_that_cell():
    rows = sample.client_rows(1, 1)
    rows[0]["lang"] = "fr"
    assert problems(run(rows)) == [
        "Row 2, column lang: “fr” is not a language we offer. Write en for English or es for Spanish, or "
        "leave the cell empty."
    ]


BAD_CELLS = [
    ("level", "felonyx", "Row 2, column level: “felonyx” is not an accepted value. Write one of felony, "
                         "misdemeanor, infraction, unknown, or leave the cell empty."),
    ("county", "Gotham", "Row 2, column county: “Gotham” is not a California county. Write the county's "
                         "name, for example Los Angeles."),
    ("age_at_offense", "old", "Row 2, column age_at_offense: “old” is not an age."),
    ("prior_same_offense_convictions", "many", "Row 2, column prior_same_offense_convictions: “many” is "
                                               "not accepted."),
    ("offense_date", "March 2012", "Row 2, column offense_date: “March 2012” is not a date."),
    # A two-digit year is left for the person: 3/1/12 could be 1912 or 2012.
    ("offense_date", "3/1/12", "Row 2, column offense_date: “3/1/12” is not written as "
                               "year-month-day. Excel may have changed it"),
    ("offense_date", "1970", "Row 2, column offense_date: the offense date is before the client's date "
                             "of birth."),
    ("subdivision", "zz", "Row 2, column subdivision: “zz” is not a subdivision."),
    ("section", "", "Row 2, column section: this cell must not be empty."),
    ("case_number", "X" * 41, "Row 2, column case_number: write at most 40 characters."),
    ("sentence", "done", "Row 2, column sentence: “done” is not an accepted value. Write one of serving, "
                         "completed, unknown"),
    ("court", "family", "Row 2, column court: “family” is not an accepted value. Write one of adult, "
                        "juvenile"),
    ("school_grounds", "maybe", "Row 2, column school_grounds: “maybe” is not an accepted value."),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_CELLS,
                         ids=[f"{c}={v[:10]}" for c, v, _ in BAD_CELLS])
def test_each_bad_cell_is_named_by_row_and_column_in_plain_words(column, value, message):
    rows = sample.client_rows(1, 1)
    rows[0][column] = value
    found = problems(run(rows))
    assert len(found) == 1
    assert found[0].startswith(message)


def test_a_subdivision_that_contradicts_the_section_is_named():
    rows = sample.client_rows(1, 1)
    rows[0].update(section="11357(a)", subdivision="b")
    assert problems(run(rows)) == [
        "Row 2, column subdivision: the subdivision is not the one written in the section column."]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("date_of_birth", "05/01/80", "Row 2, column date_of_birth: “05/01/80” is not written as "
                                        "year-month-day."),
        ("date_of_birth", "2030-01-01", "Row 2, column date_of_birth: the date of birth is later than the "
                                        "date of this check."),
        ("prior_super_strike", "nope", "Row 2, column prior_super_strike: “nope” is not an accepted value."),
    ],
)
def test_a_bad_personal_detail_stops_all_the_clients_rows_and_names_its_cell(column, value, message):
    rows = sample.client_rows(1, 3)
    rows[0][column] = value
    result = run(rows)
    assert [p[: len(message)] for p in problems(result)] == [message]
    assert all(r.result is None for r in result.rows)
    assert [r.blocked_by for r in result.rows] == [None, 2, 2]


def test_a_bad_evaluation_date_is_named():
    rows = sample.client_rows(1, 1)
    rows[0]["as_of"] = "soon"
    assert problems(run(rows)) == [
        "Row 2, column as_of: “soon” is not a date. Write it as year-month-day, for example 1980-05-01."]


def test_every_problem_in_a_row_is_reported_at_once():
    rows = sample.client_rows(1, 1)
    rows[0].update(level="felonyx", county="Gotham", offense_date="3/1/12")
    found = problems(run(rows))
    assert [p.split(":")[0] for p in found] == [
        "Row 2, column county", "Row 2, column level", "Row 2, column offense_date"]


def test_a_bad_row_leaves_the_clients_other_rows_checked_but_no_packet_or_summary():
    rows = sample.client_rows(1, 3)
    rows[1]["level"] = "felonyx"
    result = run(rows)
    assert [r.result is not None for r in result.rows] == [True, False, True]
    assert result.clients[0].packet == packets.NOT_ASSESSED
    assert result.summary_clients == []
    assert result.packet_clients == []


def test_two_convictions_with_one_id_name_both_rows():
    rows = sample.client_rows(1, 3)
    rows[0]["id"], rows[1]["id"], rows[2]["id"] = "a", "b", "a"
    result = run(rows)
    assert problems(result) == [
        "Row 4, column id: the same client already has a conviction with the id “a”, in row 2."]
    assert [r.result is not None for r in result.rows] == [True, True, False]


def test_more_than_fifty_convictions_for_one_client_is_named_at_its_first_row():
    rows = sample.client_rows(1, 1) + sample.client_rows(2, 51)
    result = run(rows)
    assert problems(result) == [
        "Row 3, column client_id: this client has 51 convictions, and at most 50 can be checked together. "
        "Put the others under a second client id."]
    assert result.rows[0].result is not None


def test_a_row_with_a_missing_cell_names_the_column_where_it_ends():
    text = "client_id,section,level,county\nC1,11357,misdemeanor,Fresno\nC1,11357,felony\n"
    result = batch.assess_csv(text, today=TODAY)
    assert problems(result) == [
        "Row 3, column county: the row ends here, with 3 cells for 4 columns. Check for a missing comma."]
    assert result.rows[0].result is not None
    assert result.rows[1].result is None


def test_a_row_with_an_extra_cell_is_not_checked_because_its_cells_may_have_shifted():
    text = "client_id,section,level\nC1,11357,misdemeanor\nC1,11357,felony,Fresno\n"
    assert problems(batch.assess_csv(text, today=TODAY)) == [
        "Row 3 has 4 cells but the first row names 3 columns. Check for an extra comma, or a comma inside "
        "a cell without quotation marks."]


def test_trailing_empty_cells_that_excel_adds_are_harmless():
    text = "client_id,section,level\nC1,11357,misdemeanor,,,\n"
    assert not batch.assess_csv(text, today=TODAY).problems


def test_a_row_without_a_client_id_is_named():
    text = "client_id,section\nC1,11357\n,11358\n"
    result = batch.assess_csv(text, today=TODAY)
    assert problems(result) == [
        "Row 3, column client_id: this cell is empty. Every row needs the id of the client it belongs to."]
    assert result.rows[1].client is None


def test_choices_are_read_in_any_case_and_the_packet_still_builds():
    rows = sample.client_rows(1, 1)
    rows[0].update(level="Felony", sentence="COMPLETED")
    result = run(rows)
    assert not result.problems
    assert result.clients[0].packet == packets.READY
    assert result.clients[0].screening["convictions"][0]["level"] == "felony"


# --- The packet ------------------------------------------------------------------------------


def test_a_client_without_a_name_gets_results_but_no_packet():
    result = run(sample.client_rows(1, 2, petitioner=False))
    assert result.clients[0].packet == packets.NO_DETAILS
    assert not result.problems
    assert result.summary_clients


def test_a_client_with_nothing_to_file_gets_no_packet_and_no_problem():
    rows = [{**sample.client_rows(1, 1)[0], **sample.CONVICTIONS[3][0]}]
    result = run(rows)
    assert result.rows[0].result["relief"] == "not_eligible"
    assert result.clients[0].packet == packets.NOTHING_TO_FILE
    assert not result.problems


def test_every_missing_case_number_is_listed_at_once():
    rows = sample.client_rows(1, 3)
    rows[0]["case_number"] = rows[2]["case_number"] = ""
    result = run(rows)
    relief = [r.result["relief"] for r in result.rows]
    needing = [r.number for r, rel in zip(result.rows, relief, strict=True) if rel != "not_eligible"
               and r.conviction.get("case_number") is None]
    assert needing  # the scenario must have convictions to file with no case number
    assert problems(result) == [
        f"Row {n}, column case_number: this conviction has something to ask the court for, so the packet "
        "needs this cell." for n in needing]
    assert result.clients[0].packet == packets.PROBLEM
    assert all(r.result is not None for r in result.rows)  # results stand; only the packet waits


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("zip", "9372", "Row 2, column zip: write a ZIP code of 5 digits, for example 94612."),
        ("state", "Calif", "Row 2, column state: write the state as two letters, for example CA."),
        ("phone", "call me", "Row 2, column phone: write the phone number with digits"),
        ("email", "nobody", "Row 2, column email: write an email address like name@example.com."),
        ("attorney_bar_number", "SB-1", "Row 2, column attorney_bar_number: write the State Bar number"),
        ("waive_appearance", "sure", "Row 2, column waive_appearance: “sure” is not an accepted value. "
                                     "Write one of yes, no"),
        ("case_number", "#12", "Row 2, column case_number: write the case number with letters, digits"),
    ],
)
def test_packet_details_are_checked_by_the_packets_own_rules_and_named(column, value, message):
    rows = sample.client_rows(1, 1)
    rows[0][column] = value
    if column.startswith("attorney_"):
        rows[0]["attorney_name"] = "Pat Lawyer"
    found = problems(run(rows))
    assert [p[: len(message)] for p in found] == [message]


def test_an_address_without_a_name_asks_for_the_name():
    rows = sample.client_rows(1, 1)
    rows[0]["name"] = ""
    assert problems(run(rows)) == [
        "Row 2, column name: the client's name is needed to make the court packet, because other details "
        "for the packet are filled in."]


def test_the_attorney_and_waivers_reach_the_petitioner():
    rows = sample.client_rows(1, 1)
    rows[0].update(attorney_name="Pat Lawyer", attorney_bar_number="123456", attorney_firm="Legal Aid",
                   attorney_street="1 Court Plaza", attorney_city="Fresno", attorney_state="CA",
                   attorney_zip="93721", attorney_phone="(559) 555-0199", attorney_email="pat@legalaid.test",
                   waive_original_judge="yes", waive_appearance="no")
    client = run(rows).clients[0]
    assert client.packet == packets.READY
    # The attorney's own contact, never the client's, goes in the attorney box of the captions.
    assert client.petitioner["attorney"] == {
        "name": "Pat Lawyer", "bar_number": "123456", "firm": "Legal Aid", "street": "1 Court Plaza",
        "city": "Fresno", "state": "CA", "zip": "93721", "phone": "(559) 555-0199",
        "email": "pat@legalaid.test"}
    assert client.petitioner["waive_original_judge"] is True
    assert client.petitioner["waive_appearance"] is False


def test_no_problem_falls_back_to_the_untranslated_engine_message():
    rows = []
    for number, (column, value, _) in enumerate(BAD_CELLS, start=1):
        row = sample.client_rows(number, 1)[0]
        row[column] = value
        rows.append(row)
    result = run(rows)
    assert len(result.problems) == len(BAD_CELLS)
    assert all(p.template is not messages.OTHER for p in result.problems)
