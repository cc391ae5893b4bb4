"""The command line and the HTTP endpoint: same input, same packet, same errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from webapp.packet.views import FILE_NAME

from .conftest import pages_text

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run_cli(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "webapp.packet", *args],
        cwd=ROOT, input=stdin, capture_output=True, timeout=120, check=False,
    )


def test_cli_writes_the_same_packet_as_the_api(tmp_path, client, two_county_request):
    source = tmp_path / "input.json"
    source.write_text(json.dumps(two_county_request))
    out = tmp_path / "packet.pdf"
    done = run_cli(str(source), "-o", str(out), "--lang", "es")
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    response = client.post("/api/v1/packet?lang=es", json=two_county_request)
    assert response.status_code == 200
    assert pages_text(out.read_bytes()) == pages_text(response.data)


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"screening": {"convictions": []}}, "petitioner: is required"),
        ({"petitioner": {"name": "A"}}, "screening: is required"),
        ("not an object", "must be an object"),
    ],
)
def test_cli_invalid_input_exits_2_with_one_line_naming_the_field(tmp_path, body, fragment):
    source = tmp_path / "input.json"
    source.write_text(json.dumps(body))
    out = tmp_path / "packet.pdf"
    done = run_cli(str(source), "-o", str(out))
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1
    assert fragment in lines[0]
    assert not out.exists()


def test_cli_field_path_for_a_missing_case_number(tmp_path, two_county_request):
    del two_county_request["screening"]["convictions"][2]["case_number"]
    done = run_cli("-", "-o", str(tmp_path / "p.pdf"), stdin=json.dumps(two_county_request).encode())
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "screening.convictions[2].case_number: is required for a conviction that needs a court filing"
    )


def test_cli_bad_json_and_unreadable_file_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    done = run_cli(str(bad), "-o", str(tmp_path / "p.pdf"))
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr.decode()
    done = run_cli(str(tmp_path / "missing.json"), "-o", str(tmp_path / "p.pdf"))
    assert done.returncode == 2


def test_api_returns_a_generic_pdf_attachment_and_no_cookie(client, two_county_request):
    response = client.post("/api/v1/packet", json=two_county_request)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    disposition = response.headers["Content-Disposition"]
    assert disposition == f"attachment; filename={FILE_NAME}"
    assert "Maria" not in disposition
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response.headers["Cache-Control"]


def test_api_invalid_input_is_400_with_the_field_path(client, two_county_request):
    two_county_request["petitioner"]["zip"] = "123"
    response = client.post("/api/v1/packet", json=two_county_request)
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == "petitioner.zip"
    assert "Set-Cookie" not in response.headers
    response = client.post("/api/v1/packet?lang=fr", json=two_county_request)
    assert response.get_json()["error"]["path"] == "lang"
    response = client.post("/api/v1/packet", data="x", content_type="text/plain")
    assert response.status_code == 400


def test_api_refuses_bodies_over_64_kib(client, two_county_request):
    two_county_request["padding"] = "x" * (64 * 1024)
    response = client.post("/api/v1/packet", json=two_county_request)
    assert response.status_code == 413


def test_api_and_cli_add_the_proposed_order_when_asked(tmp_path, client, two_county_request):
    plain = client.post("/api/v1/packet", json=two_county_request)
    two_county_request["options"] = {"proposed_order": True}
    response = client.post("/api/v1/packet", json=two_county_request)
    assert response.status_code == 200
    with_order = pages_text(response.data)
    assert len(with_order) == len(pages_text(plain.data)) + 4  # two cases, two pages each
    assert sum("ORDER AFTER PETITION/APPLICATION" in page[:2000] for page in with_order) >= 4
    done = run_cli("-", "-o", str(tmp_path / "p.pdf"), stdin=json.dumps(two_county_request).encode())
    assert done.returncode == 0, done.stderr
    assert pages_text((tmp_path / "p.pdf").read_bytes()) == with_order


@pytest.mark.parametrize(
    ("options", "path", "fragment"),
    [
        ({"proposed_ordr": True}, "options.proposed_ordr", "is not a packet option"),
        ({"proposed_order": "yes"}, "options.proposed_order", "must be true or false"),
        (["proposed_order"], "options", "must be an object"),
    ],
)
def test_bad_options_are_400_naming_the_field(client, two_county_request, options, path, fragment):
    two_county_request["options"] = options
    response = client.post("/api/v1/packet", json=two_county_request)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["path"] == path
    assert fragment in error["message"]
