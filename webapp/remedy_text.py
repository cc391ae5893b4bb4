"""Plain-language sentences for the other remedies (webapp/eligibility/remedies.py).

Each says what the remedy is and, where it matters, what it does not cover, at reading grade 8
or below; the citation is printed beside it from law.toml. Where the law is open or the fit
depends on facts we do not ask, the sentence says "may" and points to a lawyer.
"""

from flask_babel import format_date, lazy_gettext
from flask_babel.speaklater import LazyString

from .eligibility import LAW
from .eligibility import remedy_codes as m

_DATES = {
    "prop47_deadline": LazyString(lambda: format_date(LAW.prop47_application_deadline, "long")),
    "clean_slate_felony_year": str(LAW.clean_slate_felony_year),
}


def _(msgid: str) -> LazyString:
    used = {name: value for name, value in _DATES.items() if f"%({name})s" in msgid}
    return lazy_gettext(msgid, **used)


REMEDY_TEXT = {
    # Translators: "Clean Slate" is the common name of California's automatic record relief law.
    m.CLEAN_SLATE: _(
        "California's Clean Slate law may have already cleared this conviction on your state record. "
        "It covers many cases with probation or no jail, and county jail felonies from "
        "%(clean_slate_felony_year)s on. It does not cover people who must register as sex "
        "offenders. Ask the Department of Justice for your record to check."
    ),
    m.DISMISS_AND_SEAL_AFTER_REDUCTION: _(
        "A reduction does not remove the conviction. After it, you can ask the court to dismiss it "
        "and seal the record, with forms CR-180 and CR-181."
    ),
    m.PROBATION_DISMISSAL: _(
        "If you finished probation, you can ask the court to dismiss the conviction. This is often "
        "called expungement."
    ),
    m.MISDEMEANOR_NO_PROBATION_DISMISSAL: _(
        "If you got no probation for a misdemeanor or infraction, you can ask for a dismissal one "
        "year after the sentence."
    ),
    m.COUNTY_JAIL_FELONY_DISMISSAL: _(
        "If you served a felony sentence in county jail, you may ask the court to dismiss the "
        "conviction after you finish it."
    ),
    m.PRE_REALIGNMENT_FELONY_DISMISSAL: _(
        "Before October 2011, some felonies that now get county jail got state prison. If yours did, "
        "you may ask for a dismissal too."
    ),
    m.WOBBLER_REDUCTION: _(
        "This felony can be punished as a misdemeanor too. So you can ask the judge to make it a "
        "misdemeanor."
    ),
    m.PROP_47: _(
        "Proposition 47 made some other drug and theft felonies misdemeanors. The deadline to apply "
        "was %(prop47_deadline)s, but a court may still accept a late one for a good reason."
    ),
    m.ARREST_SEALING: _(
        "If you were also arrested and not convicted, you can ask to seal that arrest. Many such "
        "arrests are now sealed on your state record without asking."
    ),
    m.RECORD_DESTRUCTION: _(
        "Court records of this kind of cannabis case must be destroyed two years after the "
        "conviction. This is true even if it is dismissed. You can ask the court whether yours were."
    ),
    m.RECORD_NOT_A_BAR: _(
        "A public agency may not use a record like this to deny you a benefit or a license."
    ),
    m.JUVENILE_SEALING: _(
        "Because this was a juvenile case, you can ask the juvenile court to seal the record. Many "
        "juvenile records are sealed after you finish probation."
    ),
    # Translators: a Prop 64 dismissal rests on a change in state law; federal immigration law
    # may still count the conviction.
    m.IMMIGRATION_NOTE: _(
        "If you are not a U.S. citizen, talk to an immigration lawyer before you file. A dismissal "
        "because the law changed may still count against you under federal immigration law. Other "
        "California laws may help with that."
    ),
    m.FIREARMS_NOTE: _(
        "A felony made a misdemeanor may change your right to own a gun under state law, but federal "
        "law is different. Ask a lawyer before you own a gun."
    ),
}
