"""The OpenAPI 3.1 document of the JSON API, served at ``GET /api/v1/openapi.json``.

It describes the CSRF-exempt endpoints, ``POST /api/v1/eligibility`` and ``POST /api/v1/packet``,
as shared/spec/eligibility-contract.md fixes them, and ``POST /api/v1/records/rap-sheet``
(shared/spec/records-import.md). The vocabularies (relief, track, the answer
choices, reason codes, county slugs, limits) are read from the engine and the packet validator
rather than copied, so the document cannot drift from what the code accepts and returns. The
fuzz tests (tests/evidence/test_openapi_fuzz.py) generate requests from this very document.

Where the engine is more lenient than a schema can say (choices in any letter case, a county by
name as well as slug, case numbers as plain numbers), the schema lists the canonical form and the
description says what else is accepted.
"""

from __future__ import annotations

import json
from functools import cache

from . import counties
from .eligibility import FORMS, REASON_CODES, RELIEFS, TRACKS, automatic_review
from .eligibility import screening as contract
from .eligibility.remedy_codes import ALL_REMEDIES
from .packet import validate as packet_input

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
AGE_WORDS = ("under_18", "18_20", "21_plus", "unknown")


def _nullable(schema: dict) -> dict:
    """`schema`, or null: the contract reads null as "unknown" / "not given" everywhere."""
    return {"anyOf": [schema, {"type": "null"}]}


def _choice(field: str) -> dict:
    # contract._CHOICES is the engine's own list of accepted values for each answer.
    return _nullable({"type": "string", "enum": list(contract._CHOICES[field])})


def _person() -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "date_of_birth": _nullable({"type": "string", "pattern": DATE_PATTERN}),
            "prior_super_strike": _choice("prior_super_strike"),
            "sex_offender_registrant": _choice("sex_offender_registrant"),
        },
    }


def _conviction(*, for_packet: bool = False) -> dict:
    text_or_number = {"type": ["string", "integer"]}
    properties = {
        "id": _nullable({**text_or_number, "maxLength": contract.MAX_ID}),
        "county": _nullable(
            {
                "description": "A California county slug, or its name in any letter case "
                '("Los Angeles"); an unknown county is a 400.',
                "anyOf": [
                    {"type": "string", "enum": [c.slug for c in counties.all_counties()]},
                    {"type": "string", "minLength": 1},
                ],
            }
        ),
        "case_number": _nullable({**text_or_number, "maxLength": contract.MAX_CASE_NUMBER}),
        "section": {
            "type": "string",
            "minLength": 1,
            "maxLength": contract.MAX_SECTION,
            "examples": ["11357", "HS 11359(b)", "11360", "11362.1", "PC 4573.6"],
        },
        "subdivision": _nullable({"type": "string", "examples": ["a", "b", "a(2)"]}),
        "offense_date": _nullable(
            {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}-\d{2})?$"}, {"type": "integer"}]}
        ),
        "age_at_offense": _nullable(
            {
                "anyOf": [
                    {"type": "integer", "minimum": 0, "maximum": contract.MAX_AGE},
                    {"type": "string", "enum": list(AGE_WORDS)},
                ]
            }
        ),
        "prior_same_offense_convictions": _nullable(
            {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "enum": ["unknown"]}]}
        ),
    }
    for field in contract._CONVICTION_CHOICES:
        properties[field] = _choice(field)
    required = ["section"]
    if for_packet:
        # A conviction with something to file needs both, in the court's own format. The schema
        # asks it of every conviction; the code only of those that need a filing.
        required += ["county", "case_number"]
        properties["county"] = {"type": "string", "enum": [c.slug for c in counties.all_counties()]}
        properties["case_number"] = {"type": "string", "pattern": packet_input.CASE_NUMBER.pattern}
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _screening(conviction: str = "Conviction") -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["convictions"],
        "properties": {
            "as_of": _nullable({"type": "string", "pattern": DATE_PATTERN}),
            "person": _nullable({"$ref": "#/components/schemas/Person"}),
            "convictions": {
                "type": "array",
                "minItems": 1,
                "maxItems": contract.MAX_CONVICTIONS,
                "items": {"$ref": f"#/components/schemas/{conviction}"},
            },
        },
    }


def _result() -> dict:
    item = {
        "type": "object",
        "required": ["id", "county", "case_number", "relief", "track", "form", "presumed", "reasons",
                     "automatic_review"],
        "properties": {
            "id": {"type": "string"},
            "county": {"type": ["string", "null"]},
            "case_number": {"type": ["string", "null"]},
            "relief": {"type": "string", "enum": list(RELIEFS)},
            "track": {"type": "string", "enum": list(TRACKS)},
            "form": {"type": ["string", "null"], "enum": [*FORMS, None]},
            "presumed": {"type": "boolean"},
            "reasons": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["code", "citation"],
                    "properties": {
                        "code": {"type": "string", "enum": list(REASON_CODES)},
                        "citation": {"type": "string"},
                    },
                },
            },
            "automatic_review": {"type": "string", "enum": ["likely", "unlikely", "unknown"]},
            "automatic_review_detail": {
                "description": "Beyond the contract: why automatic_review says what it says. figure is the "
                "share of eligible cases the county's reports show cleared; program_reduced means the "
                "county's program reduced while this conviction is owed a dismissal.",
                "type": "object",
                "required": ["basis", "figure", "program_reduced"],
                "properties": {
                    "basis": {"type": "string", "enum": list(automatic_review.BASES)},
                    "figure": {"type": ["string", "null"]},
                    "program_reduced": {"type": "boolean"},
                },
            },
            "other_remedies": {
                "description": "Beyond the contract: other remedies that may fit this conviction, with "
                "their citations.",
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "citation"],
                    "properties": {
                        "code": {"type": "string", "enum": list(ALL_REMEDIES)},
                        "citation": {"type": "string"},
                    },
                },
            },
        },
    }
    return {
        "type": "object",
        "required": ["rules_version", "as_of", "results"],
        "properties": {
            "rules_version": {"type": "string", "pattern": DATE_PATTERN},
            "as_of": {"type": "string", "pattern": DATE_PATTERN},
            "results": {"type": "array", "items": item},
        },
    }


# One line of text: the packet refuses control characters and line breaks in any field.
_CONTROL = "\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029"
ONE_LINE = f"^[^{_CONTROL}]*$"
# ...and a name must have something besides spaces.
NAME = f"^[^{_CONTROL}]*[^\\s{_CONTROL}][^{_CONTROL}]*$"
PATTERNS = {"state": packet_input.STATE, "zip": packet_input.ZIP, "phone": packet_input.PHONE,
            "fax": packet_input.PHONE, "email": packet_input.EMAIL, "bar_number": packet_input.BAR_NUMBER}


def _petitioner() -> dict:
    def text(key: str) -> dict:
        limit = packet_input.LIMITS.get(key)
        pattern = PATTERNS[key].pattern if key in PATTERNS else ONE_LINE
        return _nullable({"type": "string", "pattern": pattern, **({"maxLength": limit} if limit else {})})

    contact = {key: text(key) for key in ("street", "city", "state", "zip", "phone", "email")}
    attorney = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": text("name"), "bar_number": text("bar_number"), "firm": text("firm"),
                       **contact, "fax": text("fax")},
    }
    return {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "pattern": NAME, "maxLength": packet_input.LIMITS["name"]},
            **contact,
            "waive_original_judge": _nullable({"type": "boolean"}),
            "waive_appearance": _nullable({"type": "boolean"}),
            "attorney": _nullable(attorney),
        },
    }


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json_body(ref: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref}}}}


def _paths() -> dict:
    too_large = _error_response("The body is over 64 KiB.")
    invalid = _error_response("Input that breaks the contract; `path` names the field.")
    return {
        "/api/v1/eligibility": {
            "post": {
                "operationId": "assess",
                "summary": "Assess one screening: the relief each conviction can get under section 11361.8.",
                "requestBody": _json_body("#/components/schemas/Screening"),
                "responses": {
                    "200": {
                        "description": "The engine's result, one entry per conviction, in input order.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}},
                    },
                    "400": invalid,
                    "413": too_large,
                },
            }
        },
        "/api/v1/packet": {
            "post": {
                "operationId": "packet",
                "summary": "Build the court packet PDF (CR-400, attachment, CR-401, county instructions).",
                "parameters": [
                    {
                        "name": "lang",
                        "in": "query",
                        "required": False,
                        "description": "Language of the instruction pages (court forms are always English).",
                        "schema": {"type": "string", "enum": list(packet_input.LANGS), "default": "en"},
                    }
                ],
                "requestBody": _json_body("#/components/schemas/PacketRequest"),
                "responses": {
                    "200": {
                        "description": "The packet, as an attachment with a generic file name.",
                        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
                    },
                    "400": invalid,
                    "413": too_large,
                    "429": _error_response("Too many packets from this address; see Retry-After."),
                },
            }
        },
    }


def _rap_sheet_path() -> dict:
    return {
        "post": {
            "operationId": "readRapSheet",
            "summary": "Read a RAP sheet's text: its cannabis convictions as a screening, and every "
            "line that could not be read (shared/spec/records-import.md §2).",
            "description": "Send the record as Content-Type: text/plain, UTF-8, at most 256 KiB. The text is "
            "neither stored nor logged. `screening` is a contract-v1 screening (it may list no "
            "conviction); `expected_relief` is the engine's answer per conviction id.",
            "requestBody": {"required": True, "content": {"text/plain": {"schema": {"type": "string"}}}},
            "responses": {
                "200": {
                    "description": "What the record says.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RapSheet"}}},
                },
                "400": _error_response("Not text/plain, not UTF-8, or not a RAP sheet; `path` is `$`."),
                "413": _error_response("The body is over 256 KiB."),
            },
        }
    }


def _rap_sheet() -> dict:
    from .records.rap_sheet import SKIP_REASONS

    text_map = {"type": "object", "additionalProperties": {"type": "string"}}
    return {
        "type": "object",
        "required": ["screening", "already_relieved", "skipped", "subject", "sources", "expected_relief"],
        "properties": {
            "screening": {
                "type": "object",
                "required": ["person", "convictions"],
                "properties": {
                    "person": {"$ref": "#/components/schemas/Person"},
                    "convictions": {"type": "array", "maxItems": contract.MAX_CONVICTIONS,
                                    "items": {"$ref": "#/components/schemas/Conviction"}},
                },
            },
            "already_relieved": {"type": "array", "items": {"type": "string"}},
            "skipped": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["line", "reason"],
                    "properties": {"line": {"type": "integer", "minimum": 0},
                                   "reason": {"type": "string", "enum": list(SKIP_REASONS)}},
                },
            },
            "subject": text_map,
            "sources": {"type": "object", "additionalProperties": {
                "type": "object",
                "required": ["line", "offense_date_from"],
                "properties": {"line": {"type": "integer"}, "agency": {"type": "string"},
                               "offense_date_from": {"type": "string", "enum": ["arrest", "court"]}},
            }},
            "expected_relief": {"type": "object",
                                "additionalProperties": {"type": "string", "enum": list(RELIEFS)}},
        },
    }


@cache
def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cannabis Record Relief API",
            "version": "1",
            "description": "Proposition 64 eligibility (Health and Safety Code section 11361.8) and the "
            "court packet. No authentication, no cookies, CSRF-exempt: send "
            "Content-Type: application/json. Legal information, not legal advice.",
        },
        "paths": {**_paths(), "/api/v1/records/rap-sheet": _rap_sheet_path()},
        "components": {
            "schemas": {
                "Screening": _screening(),
                "Person": _person(),
                "Conviction": _conviction(),
                "PacketScreening": _screening("PacketConviction"),
                "PacketConviction": _conviction(for_packet=True),
                "Result": _result(),
                "RapSheet": _rap_sheet(),
                "Petitioner": _petitioner(),
                "PacketRequest": {
                    "type": "object",
                    "required": ["screening", "petitioner"],
                    "properties": {
                        "screening": {"$ref": "#/components/schemas/PacketScreening"},
                        "petitioner": {"$ref": "#/components/schemas/Petitioner"},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["path", "message"],
                            "properties": {"path": {"type": "string"}, "message": {"type": "string"}},
                        }
                    },
                },
            }
        },
    }


@cache
def document_json() -> str:
    return json.dumps(document(), ensure_ascii=False, indent=1)
