"""Each court's checklist laid out once per process; a packet lays out only its personal part.

Why: after the forms' printed words (pdf.py, replay.py), laying out the checklist (about 115
lines of flow text over three pages) was most of a one-case packet's render time, and only its
first lines say anything about the person: the case numbers ("Your checklist for case ...").

How, per court in the packet:

1. The checklist is rendered alone (templates/packet/checklist.html) from the redacted packet
   (webapp/packet/redacted.py: placeholders for every typed value) and laid out by WeasyPrint,
   and kept. The cut is the first element after the last one that prints a placeholder.
2. The packet's own checklist is cut there (that element and all after it are removed) and laid
   out with the forms, so WeasyPrint lays out only the part that carries the person's data. That
   part must come out exactly as it did in the kept layout (every box at the same place, every
   line the same height): then what follows the cut starts at the same point with the same
   content, and the kept layout of it is the one WeasyPrint would have made. Otherwise (a case
   number that wraps a line the placeholder did not) the packet is laid out whole, as without
   this cache.
3. The page the cut falls on is made of the packet's boxes before the cut and the kept boxes
   after it (in copies of the kept page, html, body and section boxes); the kept pages after it
   follow, drawn once per process (replay.RecordedPage). All pages go in one Document
   (WeasyPrint's documented way to combine pages of several renders: Document.copy), which
   write_pdf draws and tags page by page: the structure tree, links, outline, fonts and
   metadata (the packet's) are built as for one render.

Why it is safe to keep: what is laid out comes from the redacted packet only, so a kept box can
hold no name, case number, address, phone number or date; the key is a hash of that redacted
markup, which reveals only what the checklist prints for everyone in the same situation (the
language, the county, the chosen clerk's office and prosecutor's city, the tracks, waivers and
number of cases). The cache is per process (each render child has its own) and bounded (SIZE).

The cut relies on WeasyPrint's box tree after layout (70.0, pinned): page > html > body >
section > block boxes, one per child element, with their element and position_x/y; anything
else (a line, an anonymous box) on the way to the cut and the checklist is laid out whole.
tests/packet/test_layout_cache.py compares packets made with and without the cache.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

from webapp.packet import replay

SIZE = 32  # checklists kept per process: 1-2 MB each (measured), so at most ~60 MB

SECTION_CLASS = "instructions"  # templates/packet/instructions.html


@dataclass(frozen=True)
class Checklist:
    """One court's checklist alone, from the redacted packet, and the placeholders it may print."""

    markup: str
    placeholders: tuple[str, ...]


@dataclass(frozen=True)
class _Kept:
    path: tuple[int, ...]  # element indexes from the <section> down to the first kept element
    own: tuple[tuple, ...]  # skeleton of what the packet lays out itself, page by page
    shared: object  # the page where the packet's part ends and the kept part begins (Page)
    pages: tuple  # the kept pages after it, each drawn once per process (replay.RecordedPage)
    section: object  # the kept layout's <section> element, and its levels (see _levels)
    levels: list
    after: bytes  # the markup of everything after the cut, which the packet's must equal


class _Unfit(Exception):
    """A box tree the cut cannot follow (a line, an anonymous box where elements were expected)."""


_KEPT: OrderedDict[str, _Kept | None] = OrderedDict()
_LOCK = threading.Lock()


def clear() -> None:
    with _LOCK:
        _KEPT.clear()


def keys() -> list[str]:
    with _LOCK:
        return list(_KEPT)


def kept_pages() -> list:
    """Every kept page, the shared one first (for the tests that look at what is cached)."""
    with _LOCK:
        return [page for kept in _KEPT.values() if kept for page in (kept.shared, *kept.pages)]


def lay_out(markup: str, checklists: Sequence[Checklist], parse: Callable, render: Callable):
    """The packet `markup` laid out, its checklists' impersonal parts taken from the cache.

    parse(markup) -> weasyprint.HTML and render(HTML) -> Document are the packet's own (pdf.py),
    so that both layouts share the stylesheet, fonts and options.
    """
    kept = [_lookup(checklist, parse, render) for checklist in checklists]
    if not any(kept):
        return render(parse(markup))
    html = parse(markup)
    sections = _sections(html.etree_element)
    # What follows the cut must be the very markup that was kept (a template that printed a
    # typed value in some other form than its placeholder would otherwise go unnoticed).
    if len(sections) != len(kept) or not all(
        _after(section, entry.path) == entry.after and _cut(section, entry.path)
        for section, entry in zip(sections, kept, strict=True)
        if entry
    ):
        return render(parse(markup))
    document = render(html)
    try:
        pages = _combine(document.pages, {s: k for s, k in zip(sections, kept, strict=True) if k})
    except _Unfit:
        pages = None
    return document.copy(pages) if pages is not None else render(parse(markup))


def _lookup(checklist: Checklist, parse: Callable, render: Callable) -> _Kept | None:
    key = hashlib.sha256(checklist.markup.encode()).hexdigest()
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            return _KEPT[key]
    try:
        kept = _prepare(checklist, parse, render)
    except _Unfit:
        kept = None
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
    path = _path_after(section, _personal(section, checklist.placeholders))
    if path is None:
        return None  # personal to the end: nothing to keep
    levels = _levels(section, path)
    pages = render(html).pages
    own = [_skeleton(page._page_box, section, levels, path) for page in pages]
    # The last page with anything before the cut is shared: the packet's boxes, then the kept.
    shared = max(n for n, skeleton in enumerate(own) if skeleton is not None)
    return _Kept(path, tuple(own[: shared + 1]), pages[shared],
                 tuple(map(replay.RecordedPage, pages[shared + 1 :])), section, levels,
                 _after(section, path))


def _personal(section, placeholders: tuple[str, ...]) -> list:
    """The elements that print a placeholder (in their text, their tail or an attribute), in
    document order; a tail is its parent's text."""
    def prints(text) -> bool:
        return bool(text) and any(word in text for word in placeholders)

    found = []
    for parent in section.iter():
        if prints(parent.text) or any(prints(value) for value in parent.attrib.values()):
            found.append(parent)
        for child in parent:
            if prints(child.tail):
                found.append(parent)
    return found


def _path_after(section, personal: list) -> tuple[int, ...] | None:
    """The element indexes from `section` down to the first element after every personal one
    (not inside it); None when nothing follows. With nothing personal, the packet still lays out
    the first element itself: that is where its checklist is anchored."""
    parents = {child: parent for parent in section.iter() for child in parent}
    order = {element: n for n, element in enumerate(section.iter())}
    last = max(personal, key=order.__getitem__) if personal else next(iter(section), None)
    if last is None or last is section:
        return None
    element = last
    while element is not section:
        parent = parents[element]
        siblings = list(parent)
        index = siblings.index(element)
        if index + 1 < len(siblings):
            path = [index + 1]
            while parent is not section:
                child, parent = parent, parents[parent]
                path.insert(0, list(parent).index(child))
            return tuple(path)
        element = parent
    return None


def _levels(section, path: tuple[int, ...]) -> list[dict]:
    """For each step of `path`, the element index of each child of the element at that step."""
    levels, element = [], section
    for depth, index in enumerate(path):
        children = list(element)
        levels.append({child: n for n, child in enumerate(children)})
        if depth < len(path) - 1:  # the last element may be cut off already
            if index >= len(children):
                raise _Unfit
            element = children[index]
    return levels


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


def _split(box, level: dict, index: int) -> tuple[list, object, list]:
    """`box`'s children before the element at `index`, that element's box, and those after."""
    before, at, after = [], None, []
    for child in box.children:
        position = level.get(child.element) if isinstance(child, boxes.BlockBox) else None
        if position is None:
            raise _Unfit
        if position < index:
            before.append(child)
        elif position == index:
            at = child
        else:
            after.append(child)
    return before, at, after


def _after(section, path: tuple[int, ...]) -> bytes | None:
    """The markup of the element at `path` and of everything after it in `section` (None when
    there is no such element)."""
    parts, element = [], section
    for depth, index in enumerate(path):
        children = list(element)
        if index >= len(children):
            return None
        last = depth == len(path) - 1
        parts += [ElementTree.tostring(child) for child in children[index if last else index + 1 :]]
        element = children[index]
    return b"".join(parts)


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


def _skeleton(page_box, section, levels: list[dict], path: tuple[int, ...]) -> tuple | None:
    """Where every box of the page that comes before the cut is: block boxes and lines by place
    (and a line's height), the text in them by height only (a name is not as wide as its
    placeholder). None when nothing of the checklist before the cut is on the page."""
    box = _section_box(page_box, section)
    if box is None:
        return None
    out, found = [], False
    for outer in (page_box, *page_box.children, *page_box.children[0].children):
        out.append(_place(outer))
    for depth, index in enumerate(path):
        before, at, _ = _split(box, levels[depth], index)
        out.append(_place(box))
        found = found or bool(before)
        out += [_place(inner) for child in before for inner in _boxes(child)]
        if at is None or depth == len(path) - 1:
            break
        box = at
    return tuple(out) if found else None


def _place(box) -> tuple:
    y = round(box.position_y, 2)
    if isinstance(box, (boxes.BlockLevelBox, boxes.LineBox, boxes.PageBox)):
        height = round(box.height, 2) if isinstance(box, boxes.LineBox) else None
        return (type(box).__name__, box.element_tag, round(box.position_x, 2), y, height)
    return (type(box).__name__, box.element_tag, y)


def _combine(pages: list, kept: dict) -> list | None:
    """The packet's pages, each checklist's shared page made of its own boxes and the kept ones,
    and the kept pages after it; None when a checklist's own part did not come out as the kept
    layout's did."""
    combined, own, done = [], {section: [] for section in kept}, set()
    for number, page in enumerate(pages):
        section = next((s for s in kept if _section_box(page._page_box, s) is not None), None)
        if section is None:
            combined.append(page)
            continue
        entry = kept[section]
        levels = _levels(section, entry.path)
        own[section].append(_skeleton(page._page_box, section, levels, entry.path))
        following = pages[number + 1] if number + 1 < len(pages) else None
        if following is not None and _section_box(following._page_box, section) is not None:
            combined.append(page)
            continue
        if tuple(own[section]) != entry.own:
            return None
        combined.append(_shared(page, entry, section, levels))
        combined.extend(entry.pages)
        done.add(section)
    return combined if len(done) == len(kept) else None


def _shared(page, entry: _Kept, section, levels: list[dict]) -> Page:
    """The kept shared page with the packet's own boxes before the cut in place of the kept
    layout's. Copies all the way down to the cut: the kept boxes themselves never change."""
    kept_page = entry.shared._page_box
    kept_box = _section_box(kept_page, entry.section)
    mixed = _mix(_section_box(page._page_box, section), kept_box, levels, entry.levels, entry.path, 0)
    html = kept_page.children[0]
    body = html.children[0]
    new_body = body.copy()
    new_body.children = [mixed if child is kept_box else child for child in body.children]
    new_html = html.copy()
    new_html.children = [new_body if child is body else child for child in html.children]
    new_page = kept_page.copy()
    new_page.children = [new_html if child is html else child for child in kept_page.children]
    return Page(new_page)


def _mix(own, kept, own_levels: list[dict], kept_levels: list[dict], path: tuple[int, ...], depth: int):
    own_before, own_at, _ = _split(own, own_levels[depth], path[depth])
    _, kept_at, kept_after = _split(kept, kept_levels[depth], path[depth])
    box = kept.copy()  # the kept geometry: the box goes on after the cut, as it did there
    if depth == len(path) - 1:
        middle = kept_at
    elif own_at is not None and kept_at is not None:
        middle = _mix(own_at, kept_at, own_levels, kept_levels, path, depth + 1)
    elif own_at is None and kept_at is None:
        middle = None
    else:
        raise _Unfit
    box.children = own_before + ([middle] if middle is not None else []) + kept_after
    return box
