"""What we write into the CR-400, CR-401 and (optional) CR-403 fields for one case.

Field names are suffixes of the official AcroForm names (see the layout files), so each value
lands in the rectangle the Judicial Council drew for it. Signature, date and everything the court
or the server fills in stay blank.
"""

from __future__ import annotations

from webapp.counties import ClerkOffice, ServiceTarget
from webapp.packet import forms
from webapp.packet.model import Case
from webapp.packet.validate import Contact, Petitioner

# Self-represented: law.md section 4.2 row 8 allows "Self-represented" or blank. We print it so
# the clerk sees at once that no attorney is involved and no box looks forgotten.
SELF_REPRESENTED = "Self-represented"

_PARTY = {
    "bar_number": "AttyPartyInfo[0].AttyBarNo[0]",
    "name": "AttyPartyInfo[0].Name[0]",
    "firm": "AttyPartyInfo[0].AttyFirm[0]",
    "street": "AttyPartyInfo[0].Street[0]",
    "city": "AttyPartyInfo[0].City[0]",
    "state": "AttyPartyInfo[0].State[0]",
    "zip": "AttyPartyInfo[0].Zip[0]",
    "phone": "AttyPartyInfo[0].Phone[0]",
    "fax": "AttyPartyInfo[0].Fax[0]",
    "email": "AttyPartyInfo[0].Email[0]",
    "attorney_for": "AttyPartyInfo[0].AttyFor[0]",
    "court_county": "CourtInfo[0].CrtCounty[0]",
    "court_street": "CourtInfo[0].CrtStreet[0]",
    "court_mailing": "CourtInfo[0].CrtMailingAdd[0]",
    "court_city_zip": "CourtInfo[0].CrtCityZip[0]",
    "case_number": "CaseNumber[0].CaseNumber[0]",
    "defendant": ".Party2[0]",
}

CR400_CHECKS = {
    "track_b": "FormTitle[0].#area[0].Checkbox[0]",  # RESENTENCING OR DISMISSAL (11361.8(b))
    "track_f": "FormTitle[0].#area[1].Checkbox[1]",  # REDESIGNATION OR DISMISSAL/SEALING (11361.8(f))
    **{f"item_1{letter}": f"LI1[0].li1{letter}[0].Checkbox[0]" for letter in "abcde"},
    "item_2a": "LI2[0].li2a[0].Checkbox[0]",  # PETITION
    "item_2b": "LI2[0].li2b[0].Checkbox[0]",  # APPLICATION
    "item_3": "LI3[0].li3[0].Checkbox[0]",
    "item_4": "LI4[0].li4[0].Checkbox[0]",
}

# CR-403 names its caption's case number and defendant fields differently from CR-400/CR-401.
_CR403_PARTY = {
    **_PARTY,
    "case_number": "HeaderSub[0].CaseNumber[0].CaseNumber1[0]",
    "defendant": "TitlePartyName[0].Defendant[0]",
}
# Page 2 repeats the case title and number in its own header.
CR403_PAGE2 = {"defendant": "P2Header_sf[0].Defendant[0]", "case_number": "P2Header_sf[0].CaseNumber1[0]"}
CR403_TRACKS = {
    "track_b": "Caption[0].FormTitle[0].Checkbox[0]",  # RESENTENCING OR DISMISSAL (11361.8(b))
    "track_f": "Caption[0].FormTitle[0].Checkbox[1]",  # REDESIGNATION OR DISMISSAL/SEALING (11361.8(f))
}

CR401_SERVED = {
    "person_served": "LI2[0].li2a[0].PersonServed[0]",
    "address_served": "LI2[0].li2b[0].AddServed[0]",
}


def _contact_values(contact: Contact) -> dict[str, str]:
    return {
        "street": contact.street,
        "city": contact.city,
        "state": contact.state,
        "zip": contact.zip,
        "phone": contact.phone,
        "fax": contact.fax,
        "email": contact.email,
    }


def caption(case: Case, petitioner: Petitioner, names: dict[str, str] = _PARTY) -> dict[str, str]:
    """The caption shared by CR-400, CR-401 and CR-403 page 1, by field suffix (`names`)."""
    if petitioner.attorney:
        attorney = petitioner.attorney
        party = {
            "bar_number": attorney.bar_number,
            "name": attorney.name,
            "firm": attorney.firm,
            **_contact_values(attorney.contact),
            "attorney_for": petitioner.name,
        }
    else:
        party = {
            "name": petitioner.name,
            **_contact_values(petitioner.contact),
            "attorney_for": SELF_REPRESENTED,
        }
    county = case.county
    office = courthouse(case)
    address = county.filing_address(office.id if office else None)
    values = {
        **party,
        "court_county": county.name,
        "court_street": address.street if address else "",
        "court_mailing": (address.mailing or "") if address else "",
        "court_city_zip": address.city_zip if address else "",
        "case_number": case.case_number,
        "defendant": petitioner.name,
    }
    return {names[key]: value for key, value in values.items() if value}


def cr400_checks(case: Case, petitioner: Petitioner) -> set[str]:
    checks = {f"item_1{letter}" for letter in case.item_1_boxes}
    # The caption option and item 2 say the same thing; a case whose track is unknown gets
    # neither, and the instructions tell the person which pair to tick.
    if case.petition:
        checks |= {"track_b", "item_2a"}
    if case.application:
        checks |= {"track_f", "item_2b"}
    if petitioner.waive_original_judge:
        checks.add("item_3")
    if petitioner.waive_appearance:
        checks.add("item_4")
    return {CR400_CHECKS[key] for key in checks}


def _agreed(values) -> str | None:
    """The one value all counts that give one agree on; None if none is given or they differ."""
    given = {v for v in values if v}
    return given.pop() if len(given) == 1 else None


def courthouse(case: Case) -> ClerkOffice | None:
    """The clerk's office the person chose for this case, if they chose one (not "unknown")."""
    return case.county.clerk_office(_agreed(c.courthouse for c in case.counts))


def prosecutor_city(case: Case) -> str | None:
    return _agreed(c.prosecutor_city for c in case.counts)


def served_office(case: Case) -> ServiceTarget:
    """Who the CR-401 names as served, and where.

    The District Attorney, or the city's own prosecutor for a misdemeanor in a city that has one.
    When the counts of the case would go to different offices, or we cannot tell (no city given),
    the target is undetermined: items 2a and 2b stay blank and the checklist says how to fill them.
    """
    city = prosecutor_city(case)
    targets = {case.county.prosecutor_for(c.level, city) for c in case.counts}
    if len(targets) == 1:
        return targets.pop()
    return case.county.prosecutor_for("unknown", "unknown")


def cr400(case: Case, petitioner: Petitioner) -> forms.Page:
    return forms.fill("CR-400", caption(case, petitioner), cr400_checks(case, petitioner))


def cr401(case: Case, petitioner: Petitioner) -> forms.Page:
    target = served_office(case)
    values = caption(case, petitioner)
    if target.office:
        values[CR401_SERVED["person_served"]] = target.office
    if target.office and target.address:
        values[CR401_SERVED["address_served"]] = target.address
    return forms.fill("CR-401", values, set())


def cr403(case: Case, petitioner: Petitioner) -> tuple[forms.Page, ...]:
    """The proposed order, caption only: law.md section 4.4 lets us pre-fill the caption (and its
    relief box, the one CR-400 asks for); every order item, the date and the signature are the
    court's, so they stay blank."""
    tracks = set()
    if case.petition:
        tracks.add(CR403_TRACKS["track_b"])
    if case.application:
        tracks.add(CR403_TRACKS["track_f"])
    page2 = {CR403_PAGE2["defendant"]: petitioner.name, CR403_PAGE2["case_number"]: case.case_number}
    return (
        forms.fill("CR-403", caption(case, petitioner, _CR403_PARTY), tracks, 1),
        forms.fill("CR-403", page2, set(), 2),
    )
