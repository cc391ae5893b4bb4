"""Each court's checklist laid out once per process; a packet lays out only its personal pages.

Why: after the forms' printed words (pdf.py, replay.py), laying out the checklist (about 115
lines of flow text over three pages) was most of a one-case packet's render time, and only its
first page says anything about the person: the case numbers ("Your checklist for case ...").

How, per court in the packet:

1. The checklist is rendered alone (templates/packet/checklist.html) from the redacted packet
   (webapp/packet/redacted.py: placeholders for every typed value) and laid out by WeasyPrint.
   The pages after the last one that prints a placeholder are kept, if the first of them starts
   with a whole element (not in the middle of a paragraph).
2. The packet's own checklist is cut at that element and laid out with the forms, so WeasyPrint
   lays out only the pages that carry the person's data. Those pages must come out exactly as
   the kept layout's first pages did (every box at the same place, every line the same height):
   then the rest of the checklist starts at the same point with the same content, and the kept
   pages are the ones WeasyPrint would have made. Otherwise (a case number that wraps a line the
   placeholder did not) the packet is laid out whole, as without this cache.
3. The pages are put in order in one Document (WeasyPrint's documented way to combine pages of
   several renders: Document.copy), which write_pdf draws and tags page by page: the structure
   tree, links, outline, fonts and metadata (the packet's) are built as for one render.

Why it is safe to keep: what is laid out comes from the redacted packet only, so a kept page can
hold no name, case number, address, phone number or date; the key is a hash of that redacted
markup, which reveals only what the checklist prints for everyone in the same situation (the
language, the county, the chosen clerk's office and prosecutor's city, the tracks, waivers and
number of cases). The cache is per process (each render child has its own) and bounded (SIZE).

The cut relies on WeasyPrint's box tree after layout (70.0, pinned): page > html > body >
section, boxes' element and position_x/y. tests/packet/test_layout_cache.py compares packets made
with and without the cache, page by page.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from webapp.packet import replay

SIZE = 32  # checklists kept per process: a few MB each

SECTION_CLASS = "instructions"  # templates/packet/instructions.html


@dataclass(frozen=True)
class Checklist:
    """One court's checklist alone, from the redacted packet, and the placeholders it may print."""

    markup: str
    placeholders: tuple[str, ...]


@dataclass(frozen=True)
class _Kept:
    path: tuple[int, ...]  # element indexes from the <section> down to the first kept element
    own: tuple[tuple, ...]  # skeleton of each page before it: the packet lays those out itself
    pages: tuple  # the kept pages, each drawn once per process (replay.RecordedPage)


_KEPT: OrderedDict[str, _Kept | None] = OrderedDict()
_LOCK = threading.Lock()


def clear() -> None:
    with _LOCK:
        _KEPT.clear()


def keys() -> list[str]:
    with _LOCK:
        return list(_KEPT)


def kept_pages() -> list:
    """Every kept page (for the tests that look at what is cached)."""
    with _LOCK:
        return [page for kept in _KEPT.values() if kept for page in kept.pages]


def lay_out(markup: str, checklists: Sequence[Checklist], parse: Callable, render: Callable):
    """The packet `markup` laid out, its checklists' impersonal pages taken from the cache.

    parse(markup) -> weasyprint.HTML and render(HTML) -> Document are the packet's own (pdf.py),
    so that both layouts share the stylesheet, fonts and options.
    """
    kept = [_lookup(checklist, parse, render) for checklist in checklists]
    if not any(kept):
        return render(parse(markup))
    html = parse(markup)
    sections = _sections(html.etree_element)
    if len(sections) != len(kept) or not all(
        _cut(section, entry.path) for section, entry in zip(sections, kept, strict=True) if entry
    ):
        return render(parse(markup))
    document = render(html)
    pages = _combine(document.pages, dict(zip(sections, kept, strict=True)))
    return document.copy(pages) if pages is not None else render(parse(markup))


def _lookup(checklist: Checklist, parse: Callable, render: Callable) -> _Kept | None:
    key = hashlib.sha256(checklist.markup.encode()).hexdigest()
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
    kept = _prepare(checklist, parse, render)
    with _LOCK:
        _KEPT[key] = kept  # None too: a checklist with nothing to keep is not laid out again
        while len(_KEPT) > SIZE:
            _KEPT.popitem(last=False)
    return kept


def _prepare(checklist: Checklist, parse: Callable, render: Callable) -> _Kept | None:
    html = parse(checklist.markup)
    sections = _sections(html.etree_element)
    if len(sections) != 1:
        return None
    section = sections[0]
    parents = {child: parent for parent in section.iter() for child in parent}
    personal = _personal(section, parents, checklist.placeholders)
    pages = render(html).pages
    holds = [any(box.element in personal for box in _boxes(page._page_box)) for page in pages]
    # The first page always stays the packet's: it is where its checklist is anchored.
    last = max((number for number, held in enumerate(holds) if held), default=0)
    for number in range(last, len(pages) - 1):
        path = _start(pages[number]._page_box, pages[number + 1]._page_box, section, parents)
        if path is not None:
            own = tuple(_skeleton(page._page_box) for page in pages[: number + 1])
            return _Kept(path, own, tuple(map(replay.RecordedPage, pages[number + 1 :])))
    return None


def _personal(section, parents: dict, placeholders: tuple[str, ...]) -> set:
    """The elements whose own text or attributes print a placeholder."""
    def prints(text) -> bool:
        return bool(text) and any(word in text for word in placeholders)

    found = set()
    for element in section.iter():
        if prints(element.text) or any(prints(value) for value in element.attrib.values()):
            found.add(element)
        if prints(element.tail):
            found.add(parents.get(element, element))
    return found


def _sections(root) -> list:
    body = root.find("body")
    if body is None:
        return []
    return [e for e in body if e.tag == "section" and SECTION_CLASS in (e.get("class") or "").split()]


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child._box if isinstance(child, AbsolutePlaceholder) else child)


def _section_box(page_box, section):
    for html in page_box.children:
        for body in getattr(html, "children", ()):
            for child in getattr(body, "children", ()):
                if child.element is section:
                    return child
    return None


def _start(before, page, section, parents: dict) -> tuple[int, ...] | None:
    """The path to the element `page` starts with, if it starts with a whole element that
    follows `before`'s last one; None when the page starts in the middle of a paragraph."""
    on_before = {box.element for box in _boxes(before)}
    box, element, path = _section_box(page, section), section, []
    while box is not None:
        # Where the packet's checklist will end instead of going on to the next page, nothing may
        # be drawn at the bottom of the box (a border, padding or background would be).
        style = box.style
        if style["border_bottom_width"] or style["padding_bottom"].value or getattr(box, "background", None):
            return None
        first = box.children[0] if box.children else None
        if not isinstance(first, boxes.BlockBox) or parents.get(first.element) is not element:
            return None  # a line, an anonymous box, a marker: not a whole element
        path.append(list(element).index(first.element))
        if first.element not in on_before:
            return tuple(path)
        box, element = first, first.element
    return None


def _cut(section, path: tuple[int, ...]) -> bool:
    """Remove from `section` the element at `path` and everything after it. False when the
    section has no such element (then it is not the checklist that was kept)."""
    element = section
    for depth, index in enumerate(path):
        children = list(element)
        if index >= len(children):
            return False
        last = depth == len(path) - 1
        for child in children[index if last else index + 1 :]:
            element.remove(child)
        element = children[index]
    return True


def _skeleton(page_box) -> tuple:
    """Where every box of a page is: block boxes and lines by place (and a line's height), the
    text in them by height only (a name is not as wide as its placeholder)."""
    out = []
    for box in _boxes(page_box):
        y = round(box.position_y, 2)
        if isinstance(box, (boxes.BlockLevelBox, boxes.LineBox, boxes.PageBox)):
            height = round(box.height, 2) if isinstance(box, boxes.LineBox) else None
            out.append((type(box).__name__, box.element_tag, round(box.position_x, 2), y, height))
        else:
            out.append((type(box).__name__, box.element_tag, y))
    return tuple(out)


def _combine(pages: list, kept: dict) -> list | None:
    """The packet's pages with each checklist's kept pages after its own; None when a checklist's
    own pages did not come out as the kept layout's did."""
    combined, own = [], {section: [] for section in kept}
    for number, page in enumerate(pages):
        section = next((s for s in kept if _section_box(page._page_box, s) is not None), None)
        combined.append(page)
        if section is None:
            continue
        own[section].append(page)
        following = pages[number + 1] if number + 1 < len(pages) else None
        entry = kept[section]
        if entry and (following is None or _section_box(following._page_box, section) is None):
            if tuple(_skeleton(p._page_box) for p in own[section]) != entry.own:
                return None
            combined.extend(entry.pages)
    return combined
