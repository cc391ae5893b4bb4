"""Each input class that once reached a 500 (issue 12), generated on purpose and sent to every
route in both languages: JSON nested past any sensible depth, numbers of thousands of digits,
NaN and Infinity, digits that are not ASCII ("²", "①", "٣", "１") where a number is asked, lone
surrogates, a clinic CSV header line over 128 kB, forged download choices and hostile query
strings. The assertion is the issue's: no 5xx, ever, and a refusal says what is wrong.

Schemathesis and the form fuzzers (test_openapi_fuzz.py, test_form_fuzz.py) draw from valid
shapes and found none of these; here the hostile values are the point.
"""

from __future__ import annotations

import json
from io import BytesIO

import hypothesis.strategies as st
from hypothesis import given
from werkzeug.datastructures import FileStorage

from webapp import create_app

from ..clinic import sample
from ..clinic.conftest import post_multipart
from ..conftest import TEST_SECRET
from ..packet.conftest import CLEAN, FRESNO_APPLICATION, PETITIONER
from ..web.journey import walk
from ..web.pages import refused
from ..web.test_flow import FRESNO_POSSESSION, NO_PRIORS
from .fuzzing import fuzz

APP = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET, "WTF_CSRF_ENABLED": False})
LANGS = st.sampled_from(["en", "es"])

# Digits a keyboard, a PDF or a spreadsheet can produce that are not 0-9.
OTHER_DIGITS = st.characters(categories=("Nd", "No"), exclude_characters="0123456789")
NUMBER_LIKE = st.one_of(
    st.text(OTHER_DIGITS, min_size=1, max_size=5),
    st.builds(lambda a, b: a + b, st.sampled_from(["1", "19", "201", "12"]), st.text(OTHER_DIGITS, min_size=1,
                                                                                        max_size=2)),
    st.integers(21, 5_000).map(lambda n: "9" * n),
)
SURROGATE_ESCAPE = st.integers(0xD800, 0xDFFF).map(lambda n: f"\\u{n:04x}")


def _deep(depth: int, opener: str) -> str:
    return opener * depth + ("]" if opener == "[" else "}") * depth if opener == "[" else (
        '{"a":' * depth + "1" + "}" * depth)


DEEP = st.builds(_deep, st.integers(21, 3_000), st.sampled_from(["[", "{"]))
BIG_NUMBER = st.one_of(
    st.integers(21, 5_000).map(lambda n: "1" * n),
    st.integers(21, 400).map(lambda n: "1." + "5" * n),
    st.integers(2, 400).map(lambda n: "1e" + "9" * n),
    st.sampled_from(["NaN", "Infinity", "-Infinity", "-0", "1e999", "-1e999"]),
)
NUMBER_FIELDS = ("age_at_offense", "prior_same_offense_convictions", "offense_date")
TEXT_FIELDS = ("county", "case_number", "section", "id", "subdivision")
PETITIONER_FIELDS = ("name", "street", "city", "zip", "phone", "email")


def _screening(convictions) -> str:
    return json.dumps({"person": CLEAN, "convictions": convictions})


@st.composite
def hostile_bodies(draw):
    """(kind, screening JSON, petitioner JSON): one hostile thing, placed somewhere it matters."""
    kind = draw(st.sampled_from(["deep", "number", "digits", "surrogate", "petitioner_surrogate",
                                 "petitioner_digits"]))
    convictions = [dict(c) for c in FRESNO_APPLICATION]
    petitioner = dict(PETITIONER)
    target = draw(st.integers(0, len(convictions) - 1))
    if kind == "deep":
        screening = _screening(convictions).replace('"convictions"', f'"deep": {draw(DEEP)}, "convictions"')
        return kind, screening, json.dumps(petitioner)
    if kind == "number":
        field = draw(st.sampled_from(NUMBER_FIELDS))
        convictions[target][field] = "@@"
        return kind, _screening(convictions).replace('"@@"', draw(BIG_NUMBER)), json.dumps(petitioner)
    if kind == "digits":
        convictions[target][draw(st.sampled_from(NUMBER_FIELDS))] = draw(NUMBER_LIKE)
        return kind, _screening(convictions), json.dumps(petitioner)
    if kind == "surrogate":
        convictions[target][draw(st.sampled_from(TEXT_FIELDS))] = "@@"
        return kind, _screening(convictions).replace("@@", draw(SURROGATE_ESCAPE)), json.dumps(petitioner)
    if kind == "petitioner_digits":
        petitioner[draw(st.sampled_from(["zip", "phone"]))] = draw(NUMBER_LIKE)
        return kind, _screening(convictions), json.dumps(petitioner)
    petitioner[draw(st.sampled_from(PETITIONER_FIELDS))] = "Ana @@"
    return kind, _screening(convictions), json.dumps(petitioner).replace("@@", draw(SURROGATE_ESCAPE))


def _assert_clear_json_refusal(url: str, response) -> None:
    assert response.status_code < 500, (url, response.status_code, response.get_data()[:300])
    if response.status_code >= 400:
        assert response.is_json, url
        error = response.get_json()["error"]
        assert error["message"], url


@fuzz(120)
@given(hostile_bodies(), LANGS)
def test_both_apis_answer_every_hostile_json_class_with_a_clear_400(body, lang):
    kind, screening, petitioner = body
    client = APP.test_client()
    eligibility = client.post("/api/v1/eligibility", data=screening.encode("utf-8", "surrogatepass"),
                              content_type="application/json")
    _assert_clear_json_refusal("eligibility", eligibility)
    if kind.startswith("petitioner"):
        assert eligibility.status_code == 200  # the petitioner is not part of a screening
    else:
        assert eligibility.status_code == 400, (kind, eligibility.get_data()[:200])
    packet_body = f'{{"screening": {screening}, "petitioner": {petitioner}}}'
    packet = client.post(f"/api/v1/packet?lang={lang}", data=packet_body.encode("utf-8", "surrogatepass"),
                         content_type="application/json")
    _assert_clear_json_refusal("packet", packet)
    assert packet.status_code == 400, (kind, packet.get_data()[:200])


def _finished_journey_cookie():
    client = APP.test_client()
    walk(client, "en", [FRESNO_POSSESSION], NO_PRIORS, check=False)
    return client.get_cookie("crr").value


FINISHED = _finished_journey_cookie()
FORM_RULES = sorted(r.rule for r in APP.url_map.iter_rules() if "POST" in r.methods and "<lang>" in r.rule)
FORM_FIELDS = ("offense_date", "prior_same_offense_convictions", "age_at_offense", "zip", "phone",
               "attorney_bar_number", "case_number-1", "name", "county", "section", "download", "csv",
               "csv_text")
FORM_VALUE = st.one_of(NUMBER_LIKE, st.sampled_from(["packets-²", "packets-①", "packets-٣", "packets-0",
                                                     "packets-" + "9" * 5000, "\ufffd", "%ED%A0%80"]))


def _url(rule: str, lang: str, n: int) -> str:
    return rule.replace("<lang>", lang).replace("<int:n>", str(n)).replace("<question>", "offense_date")


@fuzz(150)
@given(st.sampled_from(FORM_RULES), LANGS, st.integers(1, 3),
       st.dictionaries(st.sampled_from(FORM_FIELDS), FORM_VALUE, min_size=1, max_size=4),
       st.booleans())
def test_every_form_route_survives_other_digits_and_forged_choices(rule, lang, n, body, with_cookie):
    client = APP.test_client()
    if with_cookie:
        client.set_cookie("crr", FINISHED)
    url = _url(rule, lang, n)
    response = client.post(url, data=body)
    assert response.status_code < 500, (url, body, response.status_code)


@fuzz(40)
@given(LANGS, NUMBER_LIKE)
def test_a_year_in_other_digits_is_refused_on_the_question_page_and_results_still_work(lang, year):
    # The question forms accept ASCII digits only (webapp/flow/forms.py).
    client = APP.test_client()
    client.set_cookie("crr", FINISHED)
    # Refused the post/redirect/get way: back to the same question, whose page shows the error.
    page = refused(client, f"/{lang}/check/1/offense_date", {"offense_date": year})
    assert "error-summary" in page.get_data(as_text=True), year
    assert client.get(f"/{lang}/results").status_code == 200


@fuzz(30)
@given(LANGS, st.sampled_from(["/api/v1/eligibility", "/api/v1/packet"]), st.binary(max_size=40))
def test_raw_surrogate_and_broken_utf8_bytes_are_refused_as_json(lang, url, junk):
    # b"\xed\xa0\x80" is a surrogate written as UTF-8: not valid UTF-8, so not valid JSON.
    body = b'{"person": {"x": "\xed\xa0\x80' + junk + b'"}}'
    response = APP.test_client().post(f"{url}?lang={lang}", data=body, content_type="application/json")
    _assert_clear_json_refusal(url, response)
    assert response.status_code == 400


CLINIC_COLUMNS = ("age_at_offense", "prior_same_offense_convictions", "offense_date", "zip",
                  "attorney_bar_number", "date_of_birth", "as_of", "level")


@fuzz(40)
@given(LANGS, st.sampled_from(CLINIC_COLUMNS), st.one_of(NUMBER_LIKE, SURROGATE_ESCAPE), st.integers(0, 2))
def test_one_bad_clinic_cell_is_a_row_problem_never_a_failed_upload(lang, column, value, row):
    rows = sample.clinic(3, 1)
    rows[row][column] = value
    response = post_multipart(APP.test_client(), f"/{lang}/clinic", {"csv_text": sample.write(rows)})
    assert response.status_code == 200, (column, value, response.status_code)
    page = response.get_data(as_text=True)
    assert "data-problems" in page or "data-relief" in page


@fuzz(15)
@given(LANGS, st.integers(131_073, 200_000), st.sampled_from([",", ";", "\t"]), st.booleans())
def test_a_clinic_header_line_over_the_field_limit_is_a_clear_problem(lang, length, delimiter, as_file):
    text = f"client_id{delimiter}" + "x" * length + f"\nC1{delimiter}1\n"
    form = {"csv_text": text}
    if as_file:
        form = {"csv_file": FileStorage(BytesIO(text.encode()), filename="clients.csv"), "csv_text": ""}
    response = post_multipart(APP.test_client(), f"/{lang}/clinic", form)
    assert response.status_code == 400
    assert "data-file-problems" in response.get_data(as_text=True)


ALL_GET_RULES = sorted(r.rule for r in APP.url_map.iter_rules()
                       if "GET" in r.methods and "static" not in r.rule)


@fuzz(60)
@given(st.sampled_from(ALL_GET_RULES), LANGS, st.dictionaries(
    st.sampled_from(["lang", "n", "download", "page", "x"]),
    st.one_of(NUMBER_LIKE, st.text(max_size=30), SURROGATE_ESCAPE), max_size=3))
def test_every_page_survives_hostile_query_strings(rule, lang, query):
    client = APP.test_client()
    client.set_cookie("crr", FINISHED)
    response = client.get(_url(rule, lang, 1), query_string=query)
    assert response.status_code < 500, (rule, query, response.status_code)
