"""The petitioner-details page: what the court forms need, used for one request and then gone.

Names, addresses and case numbers are never put in the cookie, logged or stored: they arrive in
the POST, go into the PDF, and the PDF is sent back with ``no-store``.

Which convictions have something to file, and with which form, is the engine's filing rule
(webapp.eligibility.vocabulary): adult cases get CR-400 sets, juvenile cases the juvenile court's
instructions. The field rules are the packet's own (webapp.packet.validate), so what this page
accepts the packet accepts, and the engine runs once for the page and the PDF it builds.
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
from .eligibility import assess, vocabulary
from .eligibility.errors import InputError
from .flow import answers as store
from .flow.path import is_complete
from .flow.screening import build_screening
from .i18n import language_blueprint
from .packet import validate as rules

bp = language_blueprint("petition", __name__)

PACKET_NAME = "prop64-court-forms.pdf"


# Tabs, line breaks and other control characters (often pasted from a spreadsheet or a PDF) have
# no place on a court form; the packet refuses them, so the form says so first.
CONTROL_CHARACTERS = rules.CONTROL
LIMITS = rules.LIMITS


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
            Length(max=LIMITS["name"], message=_l("Your name must be 100 characters or fewer.")),
        ],
    )
    street = StringField(
        _l("Street address"),
        validators=[
            Optional(),
            Length(max=LIMITS["street"], message=_l("The street address must be 100 characters or fewer.")),
        ],
    )
    city = StringField(
        _l("City"),
        validators=[
            Optional(),
            Length(max=LIMITS["city"], message=_l("The city must be 50 characters or fewer.")),
        ],
    )
    state = StringField(
        _l("State"),
        default="CA",
        validators=[
            Optional(),
            Regexp(rules.STATE, message=_l("Enter the state as two letters, for example CA.")),
        ],
    )
    zip = StringField(
        _l("ZIP code"),
        validators=[
            Optional(),
            Regexp(rules.ZIP, message=_l("Enter a ZIP code of 5 digits, for example 94612.")),
        ],
    )
    phone = StringField(
        _l("Phone number"),
        validators=[
            Optional(),
            Regexp(rules.PHONE, message=_l("Enter a phone number using digits, for example (510) 555-0100.")),
        ],
    )
    email = StringField(
        _l("Email address (optional)"),
        validators=[
            Optional(),
            Length(max=LIMITS["email"], message=_l("The email address must be 100 characters or fewer.")),
            Regexp(rules.EMAIL, message=_l("Enter an email address like name@example.com.")),
        ],
    )
    waive_original_judge = BooleanField(_l("I agree that any judge can decide my request"))
    waive_appearance = BooleanField(_l("I give up my right to be present at any hearing"))
    proposed_order = BooleanField(_l("Add a proposed order (form CR-403) for the judge"))
    attorney_name = StringField(
        _l("Attorney's name"),
        validators=[
            Optional(),
            Length(max=LIMITS["name"], message=_l("The attorney's name must be 100 characters or fewer.")),
        ],
    )
    attorney_bar_number = StringField(
        _l("State Bar number"),
        validators=[
            Optional(),
            Regexp(rules.BAR_NUMBER, message=_l("Enter the State Bar number as digits only.")),
        ],
    )
    attorney_firm = StringField(
        _l("Firm or organization"),
        validators=[
            Optional(),
            Length(max=LIMITS["firm"], message=_l("The firm name must be 100 characters or fewer.")),
        ],
    )


CASE_NUMBER = rules.CASE_NUMBER


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


def _filings(answers: dict) -> tuple[dict, dict, list[dict]]:
    """The screening, the engine's result for it, and the results that have something to file."""
    screening = build_screening(answers, filing=True)
    result = assess(screening)
    return screening, result, [item for item in result["results"] if vocabulary.needs_filing(item)]


@bp.route("/petition", methods=["GET", "POST"])
def details():
    answers = store.load()
    if not answers["convictions"] or not is_complete(answers):
        return redirect(url_for("check.begin"))
    screening, result, filings = _filings(answers)
    if not filings:
        return redirect(url_for("check.results"))
    form = _details_form(filings)
    status, headers, too_many = 200, {}, False
    if request.method == "POST":
        status = 400
        if form.validate():
            try:
                with limits.reserve(limits.PACKET, limits.packet_cost(len(screening["convictions"]))):
                    return _packet_response(form, screening, result, filings)
            except InputError as error:
                _show_on_form(form, error, screening)
            except TooManyRequests as error:
                # Over the limit: the same page, with everything typed still in it, and when to retry.
                status, too_many = 429, True
                headers = {k: v for k, v in error.get_headers() if k == "Retry-After"}
    rows = [
        {
            "item": item,
            "field": form[f"case_number-{item['id']}"],
            "county": counties.find(item["county"]) if item.get("county") else None,
            "juvenile": vocabulary.is_juvenile_filing(item),
        }
        for item in filings
    ]
    return (
        render_template(
            "petition.html",
            form=form,
            rows=rows,
            adult_forms=any(not row["juvenile"] for row in rows),
            needs_review=any(item["relief"] == vocabulary.NEEDS_REVIEW for item in filings),
            back_url=url_for("check.results"),
            too_many=too_many,
        ),
        status,
        headers,
    )


_CONVICTION_PATH = re.compile(r"^screening\.convictions\[(\d+)\]\.(\w+)$")


def _show_on_form(form, error: InputError, screening: dict) -> None:
    """Anything the packet still refuses is shown on the field it names, with what was typed kept:
    a conviction's field on that conviction's case number, a petitioner's field on itself."""
    conviction = _CONVICTION_PATH.match(error.path)
    if conviction:
        name = f"case_number-{screening['convictions'][int(conviction[1])]['id']}"
    else:
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


def _packet_response(form, screening: dict, result: dict, filings: list[dict]):
    from .packet import render
    from .packet.render_pool import render_in_pool

    by_id = {c["id"]: c for c in screening["convictions"]}
    for item in filings:
        by_id[item["id"]]["case_number"] = form[f"case_number-{item['id']}"].data.strip()
    # A case number changes no outcome, so the result already shown is the packet's result.
    # The option is passed only when asked for: the packet's default is without the order.
    options = {"proposed_order": True} if form.proposed_order.data else {}
    pdf = render_in_pool(render, screening, _petitioner(form), g.lang, result, **options)
    response = send_file(
        BytesIO(pdf), mimetype="application/pdf", as_attachment=True, download_name=PACKET_NAME
    )
    return response
