"""The printed lines and boxes of each form, as the SVG drawn behind the form's words."""

from __future__ import annotations

from pathlib import Path

from webapp.packet import forms


def frame_svg(form: str, number: int = 1) -> str:
    """The form's rules, frames, check boxes and signature arrow as one SVG page (decoration).

    Drawn as the form page's background, so it is parsed once per process (WeasyPrint's image
    cache) and tagged as an artifact, not as content. webapp/packet/forms/<form>-frame.svg is
    this function's output, committed (the renderer only reads files); a test keeps the two in step.
    """
    layout = forms.load(form, number)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="612pt" height="792pt" viewBox="0 0 612 792" '
        'fill="none" stroke="#000">'
    ]
    for r in layout.rules:
        cap = ' stroke-linecap="square"' if r.square_cap else ""
        parts.append(
            f'<line x1="{r.x1}" y1="{r.y1}" x2="{r.x2}" y2="{r.y2}" stroke-width="{r.stroke}"{cap}/>'
        )
    for b in layout.boxes:
        size = f'width="{b.width}" height="{b.height}"'
        parts.append(f'<rect x="{b.left}" y="{b.top}" {size} stroke-width="{b.stroke}"/>')
    for a in layout.arrows:
        parts.append(f'<polygon points="{a.points}" fill="#000" stroke="none"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


FORMS = ("CR-400", "CR-401", "CR-403")


def frame_path(form: str, number: int = 1) -> Path:
    return forms.FORMS_DIR / f"{forms.frame_name(form, number, forms.page_count(form))}-frame.svg"


def all_pages() -> list[tuple[str, int]]:
    return [(form, number) for form in FORMS for number in range(1, forms.page_count(form) + 1)]


if __name__ == "__main__":
    # python -m webapp.packet.frames: rewrite the committed drawings from the layout files.
    for name, number in all_pages():
        frame_path(name, number).write_text(frame_svg(name, number), encoding="utf-8")
