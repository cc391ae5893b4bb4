"""List bullets laid out once per process, not once per list item.

Why: WeasyPrint lays out every outside list marker ("• ") as an absolutely positioned block of
its own: a shrink-to-fit width (its min- and max-content width, each a Pango layout), then a
line layout. The packet's checklist has about 26 of them, all alike, and they were ~11% of the
checklist's render time. Here the first marker of each kind (its text and every style property
its layout reads) is laid out by WeasyPrint; every later one is a copy of it moved to its own
place, with its own style and element, so drawing and PDF/UA tagging (Lbl) are unchanged.

WeasyPrint internals (70.0, pinned in requirements.lock) are used only here: the hook on
weasyprint.layout.absolute.absolute_box_layout and the marker's box shape (block > line > text).
install() checks them and refuses, logged, when they differ; tests/packet/test_markers.py
compares packets laid out with and without it, byte for byte.
"""

from __future__ import annotations

import inspect
import logging

from weasyprint.formatting_structure import boxes
from weasyprint.layout import absolute

log = logging.getLogger(__name__)

_ORIGINAL = absolute.absolute_box_layout

# Everything a one-line marker's layout can depend on, read from its text's and its block's style.
_PROPERTIES = (
    "font_family", "font_size", "font_style", "font_weight", "font_stretch", "font_variant_caps",
    "font_variant_numeric", "font_variant_ligatures", "font_variant_position", "font_variant_east_asian",
    "font_variant_alternates", "font_feature_settings", "font_variation_settings", "font_kerning",
    "font_language_override", "lang", "line_height", "letter_spacing", "word_spacing", "white_space",
    "text_transform", "direction", "tab_size", "hyphens", "overflow_wrap", "word_break",
    "text_indent", "text_align_all", "text_align_last", "vertical_align", "unicode_bidi",
    "margin_top", "margin_right", "margin_bottom", "margin_left", "padding_top", "padding_right",
    "padding_bottom", "padding_left", "border_top_width", "border_right_width", "border_bottom_width",
    "border_left_width", "border_top_style", "border_right_style", "border_bottom_style",
    "border_left_style", "width", "height", "min_width", "max_width", "min_height", "max_height",
    "top", "right", "bottom", "left", "box_sizing", "display", "float", "position",
)

# (marker text, style values, containing block size) -> (laid-out marker, x, y it was laid out at)
_LAID_OUT: dict = {}


def _shape(box):
    """The marker's line and text boxes, or None for any other box."""
    if not (isinstance(box, boxes.BlockBox) and box.is_outside_marker and len(box.children) == 1):
        return None
    line = box.children[0]
    if not (isinstance(line, boxes.LineBox) and len(line.children) == 1):
        return None
    text = line.children[0]
    if not isinstance(text, boxes.TextBox):
        return None
    return line, text


def _key(box, line, text, containing_block) -> tuple:
    def values(style):
        return tuple(repr(style[name]) for name in _PROPERTIES)

    size = (containing_block.width, containing_block.height)
    return text.text, values(text.style), values(line.style), values(box.style), size


def _absolute_box_layout(context, box, containing_block, fixed_boxes, bottom_space, skip_stack):
    shape = _shape(box)
    if shape is None or skip_stack:
        return _ORIGINAL(context, box, containing_block, fixed_boxes, bottom_space, skip_stack)
    line, text = shape
    key = _key(box, line, text, containing_block)
    cached = _LAID_OUT.get(key)
    if cached is None:
        x, y = box.position_x, box.position_y
        new_box, resume_at = _ORIGINAL(context, box, containing_block, fixed_boxes, bottom_space, skip_stack)
        if resume_at is None and _shape(new_box) is not None:
            _LAID_OUT[key] = (new_box.deepcopy(), x, y)
        return new_box, resume_at
    laid_out, x, y = cached
    new_box = laid_out.deepcopy()
    new_line, new_text = _shape(new_box)
    # The copy is this document's marker: its own style and element (tagging reads them).
    for copy, own in ((new_box, box), (new_line, line), (new_text, text)):
        copy.style, copy.element, copy.element_tag = own.style, own.element, own.element_tag
    new_box.translate(box.position_x - x, box.position_y - y)
    return new_box, None


_installed: bool | None = None


def install() -> bool:
    global _installed
    if _installed is None:
        expected = ["context", "box", "containing_block", "fixed_boxes", "bottom_space", "skip_stack"]
        found = list(inspect.signature(_ORIGINAL).parameters)
        if found != expected or not hasattr(boxes.Box, "is_outside_marker"):
            log.warning("WeasyPrint's absolute layout changed; list markers are laid out one by one.")
            _installed = False
        else:
            absolute.absolute_box_layout = _absolute_box_layout
            _installed = True
    return _installed
