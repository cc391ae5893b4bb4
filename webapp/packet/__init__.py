"""The petition packet: CR-400 + attachment + CR-401 per case, and filing instructions per court.

    render(screening, petitioner, lang, *, proposed_order=False) -> bytes (a PDF)
    render(screening, petitioner, lang, result=assess(screening))  # a caller that already ran it

Pure Python, no Flask: the web page, the JSON API and the command line all call this. Input that
does not meet the contract raises webapp.eligibility.errors.InputError with the field's path.
"""

from __future__ import annotations

from webapp.eligibility.errors import InputError
from webapp.packet import fields, layout_cache, model, pdf, redacted, validate

__all__ = ["InputError", "render"]

def _assess(screening: dict) -> dict:
    # Imported late: the engine is a sibling package and the packet must not load it at import.
    from webapp.eligibility import assess

    try:
        return assess(screening)
    except InputError as error:
        # Same field, seen from the packet's input object.
        raise InputError(f"screening.{error.path}" if error.path else "screening", error.message) from None


def build(screening: dict, petitioner: dict, lang: str, result: dict | None = None) -> model.Packet:
    """Validate the input, run the engine, and group what has to be filed (no PDF yet).

    ``result`` is the engine's result for this very screening when the caller has it already
    (the details page shows it before building the packet): the engine then runs once a request.
    """
    lang = validate.lang(lang)
    person = validate.petitioner(petitioner)
    if not isinstance(screening, dict):
        raise InputError("screening", "must be an object")
    if result is None:
        result = _assess(screening)
    return model.build(screening, result, person, lang)


def markup(packet: model.Packet, *, proposed_order: bool = False) -> str:
    """The packet as one HTML document (forms as positioned boxes, instructions as flow).

    proposed_order adds each case's CR-403 (two pages) after its CR-401.
    """
    sets = {
        (bundle.county.slug, case.case_number): (
            fields.cr400(case, packet.petitioner),
            fields.cr401(case, packet.petitioner),
            fields.cr403(case, packet.petitioner) if proposed_order else (),
        )
        for bundle in packet.bundles
        for case in bundle.cases
    }
    return pdf.html(
        "packet.html",
        packet.lang,
        packet=packet,
        forms=sets,
        relief_requested=model.relief_requested,
        courthouse=fields.courthouse,
        served_office=fields.served_office,
        level_words=model.LEVEL_WORDS,
    )


def checklists(packet: model.Packet) -> tuple[layout_cache.Checklist, ...]:
    """Each court's checklist alone, from the packet with every typed value replaced by a
    placeholder: what the layout cache may lay out and keep (webapp/packet/layout_cache.py)."""
    safe = redacted.redact(packet)
    words = redacted.placeholders(packet)
    return tuple(
        layout_cache.Checklist(
            pdf.html("checklist.html", safe.lang, packet=safe, bundle=bundle,
                     courthouse=fields.courthouse, served_office=fields.served_office),
            words,
        )
        for bundle in safe.bundles
    )


def render(screening: dict, petitioner: dict, lang: str, result: dict | None = None, *,
           proposed_order: bool = False) -> bytes:
    packet = build(screening, petitioner, lang, result)
    return pdf.write_pdf(markup(packet, proposed_order=proposed_order), checklists(packet))
