"""The small forms of the things a person keeps: every message one whole translated sentence."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp

from .resume_code import MAX_CODE_CHARS

# Names and case numbers only ever go into the one PDF they were typed for.
NAME_MAX = 100
CASE_NUMBER_MAX = 40
# Letters, digits and the usual separators of a California case number (BA123456, 12-CR-0345).
CASE_NUMBER = r"^[A-Za-z0-9][A-Za-z0-9 ./\-]*$"


class ResumeForm(FlaskForm):
    resume_code = StringField(
        _l("Your resume code"),
        validators=[
            InputRequired(message=_l("Enter the resume code you kept, with or without the dashes.")),
            Length(max=MAX_CODE_CHARS * 2,
                   message=_l("That is longer than any resume code. Check what you pasted.")),
        ],
    )


class NameForm(FlaskForm):
    """The printable summary: a name only if the person wants one on this one copy."""

    name = StringField(
        _l("Your name (optional)"),
        validators=[
            Optional(),
            Length(max=NAME_MAX, message=_l("Your name must be 100 characters or fewer.")),
        ],
    )


def case_number_field(label: str) -> StringField:
    return StringField(
        label,
        validators=[
            Optional(),
            Length(max=CASE_NUMBER_MAX, message=_l("A case number must be 40 characters or fewer.")),
            Regexp(CASE_NUMBER, message=_l("Use only the letters, numbers and dashes of the case number.")),
        ],
    )


class LetterForm(NameForm):
    date_of_birth = StringField(
        _l("Your date of birth (optional)"),
        validators=[
            Optional(),
            Regexp(r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$",
                   message=_l("Enter your date of birth like 03/21/1985, or leave it blank.")),
        ],
    )


def letter_form(convictions: list[dict]) -> LetterForm:
    """The letter form with one case-number field per conviction the letter is about."""

    class Form(LetterForm):
        pass

    for item in convictions:
        setattr(Form, f"case_{item['id']}", case_number_field(_l("Case number")))
    return Form()



