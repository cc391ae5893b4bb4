"""The input classes that used to reach a 500 (issue 12), each sent on purpose to both JSON APIs:
every one is a 400 whose message names the problem, never a RecursionError or an encoding crash.
"""

import json

import pytest

from webapp import bounded_json
from webapp.eligibility import InputError

from ..packet.conftest import CLEAN, FRESNO_APPLICATION, PETITIONER

APIS = ("/api/v1/eligibility", "/api/v1/packet")
SCREENING = {"person": CLEAN, "convictions": FRESNO_APPLICATION}


def body_for(url: str, screening_json: str, petitioner_json: str | None = None) -> str:
    if url.endswith("eligibility"):
        return screening_json
    return f'{{"screening": {screening_json}, "petitioner": {petitioner_json or json.dumps(PETITIONER)}}}'


def post(client, url: str, body: str):
    return client.post(url, data=body.encode("utf-8", "surrogatepass"), content_type="application/json")


def with_field(field: str, value) -> str:
    convictions = [{**FRESNO_APPLICATION[0], field: value}, *FRESNO_APPLICATION[1:]]
    return json.dumps({"person": CLEAN, "convictions": convictions})


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("depth", [21, 1_000, 30_000])
def test_deeply_nested_json_is_a_400_naming_the_depth(client, url, depth):
    response = post(client, url, body_for(url, "[" * depth + "]" * depth))
    assert response.status_code == 400
    assert "nested more than 20 levels" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("url", APIS)
def test_nesting_inside_a_string_is_text_not_depth(client, url):
    response = post(client, url, body_for(url, json.dumps({**SCREENING, "as_of": "[" * 500})))
    assert response.status_code == 400
    assert "nested" not in response.get_json()["error"]["message"]


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("number", ["9" * 4_301, "-" + "1" * 30, "1" * 25 + ".5", "1e" + "9" * 30])
def test_huge_numbers_are_a_400_naming_their_size(client, url, number):
    response = post(client, url, body_for(url, with_field("age_at_offense", "X").replace('"X"', number)))
    assert response.status_code == 400
    assert "numbers must be at most 20 characters" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(client, url, constant):
    response = post(client, url, body_for(url, with_field("age_at_offense", "X").replace('"X"', constant)))
    assert response.status_code == 400
    assert "numbers must be finite" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("field", ["age_at_offense", "prior_same_offense_convictions"])
@pytest.mark.parametrize("digits", ["²", "①", "٣", "１", "1²", "۲۱"])
def test_only_ascii_digits_are_read_as_numbers(client, url, field, digits):
    # "²" and "①" pass str.isdigit and then int() fails; "٣" and "１" are decimal in another script.
    response = post(client, url, body_for(url, with_field(field, digits)))
    assert response.status_code == 400
    assert response.get_json()["error"]["path"].endswith(f"convictions[0].{field}")


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("year", ["٢٠١٢", "２０１２", "२०१२"])
def test_an_offense_year_in_other_scripts_digits_is_refused(client, url, year):
    response = post(client, url, body_for(url, with_field("offense_date", year)))
    assert response.status_code == 400
    assert response.get_json()["error"]["path"].endswith("convictions[0].offense_date")


@pytest.mark.parametrize("url", APIS)
@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff", "a\\udc00b"])
def test_a_lone_surrogate_in_the_screening_is_a_400_naming_the_field(client, url, surrogate):
    screening = with_field("case_number", "X").replace('"X"', f'"{surrogate}"')
    response = post(client, url, body_for(url, screening))
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["path"].endswith("convictions[0].case_number")
    assert "lone surrogate" in error["message"]


def test_a_lone_surrogate_in_a_key_is_refused(client):
    response = post(client, APIS[0], '{"person": {"\\ud83d": "no"}, "convictions": []}')
    assert response.status_code == 400
    assert "lone surrogate" in response.get_json()["error"]["message"]


@pytest.mark.parametrize("field", ["name", "street", "city"])
def test_a_lone_surrogate_never_reaches_the_pdf_writer(client, field):
    petitioner = json.dumps({**PETITIONER, field: "Ana \\ud800"}).replace("\\\\ud800", "\\ud800")
    response = post(client, APIS[1], body_for(APIS[1], json.dumps(SCREENING), petitioner))
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == f"petitioner.{field}"


def test_a_surrogate_pair_is_a_real_character_and_is_kept():
    assert bounded_json.loads('{"name": "\\ud83d\\ude00"}') == {"name": "😀"}


def test_the_reader_raises_input_errors_only():
    for raw in (b"\xff\xfe", b"{", "[" * 30 + "]" * 30, '{"a": 1' + "0" * 30 + "}"):
        with pytest.raises(InputError):
            bounded_json.loads(raw)


@pytest.mark.parametrize("zip_code", ["９４６１２", "٩٤٦١٢", "94612\u0663"])
def test_the_packet_takes_a_zip_code_of_ascii_digits_only(client, zip_code):
    response = post(
        client, APIS[1], json.dumps({"screening": SCREENING, "petitioner": {**PETITIONER, "zip": zip_code}})
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == "petitioner.zip"


def test_the_packet_takes_a_bar_number_of_ascii_digits_only(client):
    attorney = {"name": "Lee Counsel", "bar_number": "１２３４５"}
    response = post(
        client,
        APIS[1],
        json.dumps({"screening": SCREENING, "petitioner": {**PETITIONER, "attorney": attorney}}),
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == "petitioner.attorney.bar_number"
