"""HTTP-only behaviour of ``POST /api/v1/eligibility``: what a JSON client on the web can get wrong.

The legal answers themselves are checked through this endpoint by test_scenarios.py.
"""

from __future__ import annotations

import io
import json

from webapp.eligibility import assess

URL = "/api/v1/eligibility"
SCREENING = {"as_of": "2026-11-27",
             "convictions": [{"section": "HS 11357(b)", "age_at_offense": 30, "offense_date": "2014-01-01"}]}


def test_the_result_is_the_engines_result_with_the_contracts_key_order(client):
    response = client.post(URL, json=SCREENING)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = json.loads(response.get_data())
    assert body == assess(SCREENING)
    assert list(body) == ["rules_version", "as_of", "results"]
    assert list(body["results"][0])[:9] == ["id", "county", "case_number", "relief", "track", "form",
                                            "presumed", "reasons", "automatic_review"]


def test_no_cookie_is_ever_set(client):
    answers = (
        client.post(URL, json=SCREENING),  # 200
        client.post(URL, data="x", content_type="application/json"),  # 400
        client.post(URL, data=b"{}" * 40000, content_type="application/json"),  # 413
    )
    for response in answers:
        assert "Set-Cookie" not in response.headers


def test_the_answer_is_not_cached(client):
    assert "no-store" in client.post(URL, json=SCREENING).headers["Cache-Control"]


def test_a_body_that_is_not_json_is_a_400_about_the_whole_body(client):
    response = client.post(URL, data="convictions=11357", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {"error": {"path": "$", "message": "must be valid JSON"}}


def test_bytes_that_are_not_text_are_a_400(client):
    response = client.post(URL, data=b"\xff\xfe\xfa", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == "$"


def test_a_form_post_is_a_400_asking_for_json(client):
    response = client.post(URL, data={"section": "11357"})
    assert response.status_code == 400
    assert response.get_json() == {"error": {"path": "$",
                                             "message": "must be sent with Content-Type: application/json"}}


def test_json_sent_as_plain_text_is_refused(client):
    response = client.post(URL, data=json.dumps(SCREENING), content_type="text/plain")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "must be sent with Content-Type: application/json"


def test_a_json_array_is_not_a_screening(client):
    response = client.post(URL, json=[SCREENING])
    assert response.status_code == 400
    assert response.get_json() == {"error": {"path": "$", "message": "must be an object"}}


def test_a_body_over_64_kib_is_a_413_in_json(client):
    padded = dict(SCREENING, convictions=[dict(SCREENING["convictions"][0], id="x" * 64)] * 50)
    body = json.dumps(padded) + " " * (64 * 1024)
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json() == {"error": {"path": "$",
                                             "message": "the request body must be at most 64 KiB"}}


def test_a_body_of_exactly_64_kib_is_read(client):
    body = json.dumps(SCREENING)
    body += " " * (64 * 1024 - len(body))
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 200


def test_a_streamed_body_without_a_length_is_still_cut_at_64_kib(client):
    # A chunked upload as gunicorn hands it over: no Content-Length, the server ends the stream.
    body = (json.dumps(SCREENING) + " " * (70 * 1024)).encode()
    response = client.post(URL, input_stream=io.BytesIO(body), content_type="application/json",
                           headers={"Transfer-Encoding": "chunked"},
                           environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 413
    assert response.get_json()["error"]["path"] == "$"


def test_the_api_needs_no_csrf_token_even_where_csrf_is_enforced(csrf_client):
    response = csrf_client.post(URL, json=SCREENING)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405
