"""Short words for the results table, where an advocate scans many clients at a time.

The sentences written for the person (webapp.reason_text) go on the client's summary; these are
the table's column values. Each is a whole label, translated as one.
"""

from flask_babel import lazy_gettext as _l

from webapp import languages
from webapp.flow.questions import LEGAL

from . import packets

RELIEF = {
    "dismiss": _l("Dismiss"),
    "reduce_to_infraction": _l("Reduce to an infraction"),
    "reduce_to_misdemeanor": _l("Reduce to a misdemeanor"),
    "no_change": _l("No change possible"),
    "not_eligible": _l("Not covered"),
    "needs_review": _l("Needs a lawyer's review"),
}

TRACK = {
    "application": _l("Application"),
    "petition": _l("Petition"),
    "juvenile": _l("Juvenile court"),
    "unknown": _l("Not known: is the sentence finished?"),
}

AUTOMATIC_REVIEW = {
    "likely": _l("Probably already done"),
    "unlikely": _l("Probably not"),
    "unknown": _l("Not known"),
}

PACKET = {
    packets.READY: _l("Court packet: ready, in the ZIP download."),
    packets.NOTHING_TO_FILE: _l("Court packet: none, because there is nothing to file for this client."),
    packets.NO_DETAILS: _l("Court packet: none, because the CSV has no name for this client."),
    packets.PROBLEM: _l("Court packet: none until the problems listed at the top are fixed."),
    packets.NOT_ASSESSED: _l("Court packet: none, because some rows could not be checked."),
}

LANGUAGE = {"en": _l("English"), "es": _l("Spanish")}


def relief(value: str) -> str:
    return str(RELIEF.get(value, value))


def track(value: str) -> str:
    return str(TRACK.get(value, value))


def automatic_review(value: str) -> str:
    return str(AUTOMATIC_REVIEW.get(value, value))


def packet(value: str) -> str:
    return str(PACKET[value])


def language(value: str) -> str:
    listed = languages.get(value)
    # A language added after these labels were written is named in itself.
    return str(LANGUAGE.get(value, listed.name if listed else value))


# The help page's description of each column (templates/clinic/help.html).
COLUMN_HELP = {
    "client_id": _l("Required. Your own id for the client: all rows with the same id are one person."),
    "lang": _l(
        "The language of the client's summary and of the packet's instructions. Empty means the "
        "language of this page."
    ),
    "as_of": _l("The date on which to apply the law. Empty means today."),
    "date_of_birth": _l(
        "The client's date of birth. It gives the age at each offense when age_at_offense is "
        "empty."
    ),
    "prior_super_strike": _l(
        "Whether, before the cannabis offense, the client had a conviction listed in Penal Code section "
        "667(e)(2)(C)(iv)."
    ),
    "sex_offender_registrant": _l(
        "Whether, before the cannabis offense, the client had a conviction that requires registration "
        "under Penal Code section 290(c)."
    ),
    "name": _l(
        "The client's full name, as it appears in the court case. A client with a name gets a "
        "court packet."
    ),
    "street": _l("The client's address and contact details, printed on the court forms."),
    "attorney_name": _l("An attorney filing for the client: name, State Bar number and firm, for the forms."),
    "attorney_street": _l("The attorney's or firm's own address, phone and email, printed on the forms."),
    "waive_original_judge": _l(
        "yes if the client agrees that any judge can decide the request (form CR-400, item 3)."
    ),
    "waive_appearance": _l(
        "yes if the client gives up the right to be present at any hearing (form CR-400, item 4)."
    ),
    "id": _l(
        "Your own id for the conviction, different for each of the client's rows. Empty means 1, "
        "2, 3 in order."
    ),
    "county": _l("The county of conviction, by name, for example Los Angeles. A packet needs it."),
    "case_number": _l("The court case number. A packet needs it."),
    "section": _l(
        "Required. The code section of the conviction, for example 11357, HS 11359(b) or PC "
        "4573.6."
    ),
    "subdivision": _l("The subdivision, for example a or a(2), when the section column does not include it."),
    "level": _l("The level of the conviction, as entered."),
    "offense_date": _l("The date of the offense, or only its year."),
    "age_at_offense": _l("The client's age at the time of the offense: a number of years, or an age band."),
    "conduct": _l("What the client did. For section 11360 it decides the result."),
    "amount": _l(
        "Whether the amount was within the adult limits: %(grams)s grams of cannabis, %(concentrate)s grams "
        "of concentrated cannabis, or %(plants)s plants.", **LEGAL
    ),
    "concentrated": _l("Whether concentrated cannabis was involved."),
    "school_grounds": _l("Whether the possession was on the grounds of a K-12 school while it was open."),
    "sentence": _l(
        "Whether the client is still serving any part of the sentence (custody, probation, parole or "
        "supervision) or has completed it."
    ),
    "court": _l(
        "juvenile for a juvenile court case, adult for an adult one, unknown if you cannot tell. Empty "
        "means adult court, except for a client under %(minor_age)s at the time, whose case is then sent "
        "to review.",
        **LEGAL
    ),
    "prior_same_offense_convictions": _l("Earlier convictions under the same section: 2 means two or more."),
    "sale_to_minor": _l("Whether cannabis was sold, offered or given to a person under %(minor_age)s.",
                        **LEGAL),
    "used_minor": _l(
        "Whether a person aged %(last_under_use_age)s or younger was hired or used (section 11359(d)).",
        **LEGAL,
    ),
    "import_export_over_limit": _l(
        "Whether more than %(grams)s grams (or %(import_concentrate)s grams of concentrated cannabis) was "
        "brought into California, or taken out of it to sell.", **LEGAL
    ),
    "environmental_violation": _l(
        "Whether one of the environmental violations of section 11358(d)(3) happened."
    ),
}
# Columns that share one line of the help page.
COLUMN_GROUPS = {
    "street": ("street", "city", "state", "zip", "phone", "email"),
    "attorney_name": ("attorney_name", "attorney_bar_number", "attorney_firm"),
    "attorney_street": tuple(f"attorney_{key}" for key in ("street", "city", "state", "zip", "phone",
                                                           "email")),
}
