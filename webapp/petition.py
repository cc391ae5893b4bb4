"""The petitioner-details page: what the court forms need, used for one request and then gone.

Names, addresses and case numbers are never put in the cookie, logged or stored: they arrive in
the POST, go into the PDF, and the PDF is sent back with ``no-store``.
"""

import re
from io import BytesIO

from flask import g, redirect, render_template, request, send_file, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.exceptions import TooManyRequests
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp

from . import counties, limits
from .eligibility import assess
from .eligibility.errors import InputError
from .flow import answers as store
from .flow.path import is_complete
from .flow.screening import build_screening
from .i18n import language_blueprint

bp = language_blueprint("petition", __name__)

PACKET_NAME = "prop64-court-forms.pdf"


# Tabs, line breaks and other control characters (often pasted from a spreadsheet or a PDF) have
# no place on a court form; the packet refuses them, so the form says so first.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class DetailsForm(FlaskForm):
    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field, StringField) and field.data and CONTROL_CHARACTERS.search(field.data):
                field.errors = [*field.errors, _l("Remove line breaks and tabs from this answer.")]
                valid = False
        return valid

    name = StringField(
        _l("Your full name, as it appears in the court case"),
        validators=[
            InputRequired(message=_l("Enter your full name as it appears in the court case.")),
            Length(max=100, message=_l("Your name must be 100 characters or fewer.")),
        ],
    )
    street = StringField(
        _l("Street address"),
        validators=[
            Optional(),
            Length(max=100, message=_l("The street address must be 100 characters or fewer.")),
        ],
    )
    city = StringField(
        _l("City"),
        validators=[Optional(), Length(max=50, message=_l("The city must be 50 characters or fewer."))],
    )
    state = StringField(
        _l("State"),
        default="CA",
        validators=[
            Optional(),
            Regexp(r"^[A-Za-z]{2}$", message=_l("Enter the state as two letters, for example CA.")),
        ],
    )
    zip = StringField(
        _l("ZIP code"),
        validators=[
            Optional(),
            Regexp(
                r"^[0-9]{5}(-?[0-9]{4})?$", message=_l("Enter a ZIP code of 5 digits, for example 94612.")
            ),
        ],
    )
    phone = StringField(
        _l("Phone number"),
        validators=[
            Optional(),
            Regexp(
                r"^[0-9 ()+.\-]{7,20}$",
                message=_l("Enter a phone number using digits, for example (510) 555-0100."),
            ),
        ],
    )
    email = StringField(
        _l("Email address (optional)"),
        validators=[
            Optional(),
            Length(max=100, message=_l("The email address must be 100 characters or fewer.")),
            Regexp(
                r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Enter an email address like name@example.com.")
            ),
        ],
    )
    waive_original_judge = BooleanField(_l("I agree that any judge can decide my request"))
    waive_appearance = BooleanField(_l("I give up my right to be present at any hearing"))
    attorney_name = StringField(
        _l("Attorney's name"),
        validators=[
            Optional(),
            Length(max=100, message=_l("The attorney's name must be 100 characters or fewer.")),
        ],
    )
    attorney_bar_number = StringField(
        _l("State Bar number"),
        validators=[
            Optional(),
            Regexp(r"^[0-9]{1,7}$", message=_l("Enter the State Bar number as digits only.")),
        ],
    )
    attorney_firm = StringField(
        _l("Firm or organization"),
        validators=[
            Optional(),
            Length(max=100, message=_l("The firm name must be 100 characters or fewer.")),
        ],
    )


CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-/.]{0,39}$")


def _details_form(filings: list[dict]):
    """The form with one case-number field per conviction that has something to file."""

    class Form(DetailsForm):
        pass

    for item in filings:
        setattr(
            Form,
            f"case_number-{item['id']}",
            StringField(
                validators=[
                    InputRequired(
                        message=_l(
                            "Enter the case number for this conviction. It is on your court "
                            "papers or your record."
                        )
                    ),
                    Regexp(
                        CASE_NUMBER,
                        message=_l(
                            "Enter the case number using letters, digits and dashes "
                            "only, 40 characters at most."
                        ),
                    ),
                ]
            ),
        )
    return Form()


def _filings(answers: dict) -> tuple[dict, list[dict]]:
    screening = build_screening(answers)
    result = assess(screening)
    filings = [item for item in result["results"] if item["form"] == "CR-400"]
    return screening, filings


@bp.route("/petition", methods=["GET", "POST"])
def details():
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return redirect(url_for("check.begin"))
    screening, filings = _filings(answers)
    if not filings:
        return redirect(url_for("check.results"))
    form = _details_form(filings)
    juvenile = [c for c in screening["convictions"] if c.get("court") == "juvenile"]
    status, headers, too_many = 200, {}, False
    if request.method == "POST":
        status = 400
        if form.validate():
            try:
                with limits.reserve(limits.PACKET, limits.packet_cost(len(screening["convictions"]))):
                    return _packet_response(form, screening, filings)
            except InputError as error:
                _show_on_form(form, error)
            except TooManyRequests as error:
                # Over the limit: the same page, with everything typed still in it, and when to retry.
                status, too_many = 429, True
                headers = {k: v for k, v in error.get_headers() if k == "Retry-After"}
    rows = [
        {
            "item": item,
            "field": form[f"case_number-{item['id']}"],
            "county": counties.find(item["county"]) if item.get("county") else None,
        }
        for item in filings
    ]
    return (
        render_template(
            "petition.html",
            form=form,
            rows=rows,
            juvenile=juvenile,
            needs_review=any(item["relief"] == "needs_review" for item in filings),
            back_url=url_for("check.results"),
            too_many=too_many,
        ),
        status,
        headers,
    )


def _show_on_form(form, error: InputError) -> None:
    """Anything the packet still refuses is shown on the field it names, with what was typed kept."""
    last = error.path.rsplit(".", 1)[-1]
    name = {"bar_number": "attorney_bar_number", "firm": "attorney_firm"}.get(last, last)
    field = next((f for f in form if f.name == name), form.name)
    field.errors = [*field.errors, _l("Check this answer: the court form cannot hold it as written.")]


def _petitioner(form) -> dict:
    petitioner = {
        key: form[key].data.strip()
        for key in ("name", "street", "city", "state", "zip", "phone", "email")
        if form[key].data and form[key].data.strip()
    }
    if "state" in petitioner:
        petitioner["state"] = petitioner["state"].upper()
    petitioner["waive_original_judge"] = bool(form.waive_original_judge.data)
    petitioner["waive_appearance"] = bool(form.waive_appearance.data)
    if form.attorney_name.data and form.attorney_name.data.strip():
        petitioner["attorney"] = {
            "name": form.attorney_name.data.strip(),
            "bar_number": (form.attorney_bar_number.data or "").strip(),
            "firm": (form.attorney_firm.data or "").strip(),
        }
    return petitioner


def _packet_response(form, screening: dict, filings: list[dict]):
    from .packet import render

    by_id = {c["id"]: c for c in screening["convictions"]}
    for item in filings:
        by_id[item["id"]]["case_number"] = form[f"case_number-{item['id']}"].data.strip()
    pdf = render(screening, _petitioner(form), g.lang)
    response = send_file(
        BytesIO(pdf), mimetype="application/pdf", as_attachment=True, download_name=PACKET_NAME
    )
    return response
