"""The JSON API, fuzzed from its own OpenAPI document: no input makes it fail with a 5xx.

Schemathesis reads GET /api/v1/openapi.json and generates valid and invalid bodies for both
operations (its coverage phase adds boundary values, wrong types and wrong methods). Every answer
must be a status the document lists, with the content type and body shape it promises.
"""

import schemathesis
from hypothesis import settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from webapp import create_app
from webapp.eligibility import RELIEFS

from ..conftest import TEST_SECRET
from .fuzzing import fuzz

APP = create_app({"TESTING": True, "SECRET_KEY": TEST_SECRET})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
# Not positive_data_acceptance / negative_data_rejection: the engine is deliberately more lenient
# than a schema can say (choices in any letter case, counties by name), so those would flag it.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@SCHEMA.parametrize()
@settings(fuzz(100))
def test_the_api_answers_every_generated_request_as_documented(case):
    case.call_and_validate(checks=CHECKS)


def test_the_document_is_served_as_json_without_a_cookie(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.is_json
    assert "Set-Cookie" not in response.headers
    document = response.get_json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/api/v1/eligibility", "/api/v1/packet", "/api/v1/records/rap-sheet"}
    result = document["components"]["schemas"]["Result"]["properties"]["results"]["items"]
    assert result["properties"]["relief"]["enum"] == list(RELIEFS)
