"""Draw a form's printed words and its drawing of rules and boxes once per process, and replay
those drawings into every packet.

Why: the printed words of CR-400, CR-401 and CR-403 (about 90 positioned paragraphs a page) are
the same in every packet. webapp/packet/pdf.py already lays them out once per process; drawing
them (Pango glyph runs turned into PDF text operators) was still the largest part of writing a
packet's PDF. Here each printed paragraph is drawn once into a scratch stream, and its operators,
its glyphs and its marked-content spans are kept; a packet's page then gets those bytes back
with its own marked-content ids (MCIDs), so PDF/UA tagging is unchanged: the structure tree is
still built by WeasyPrint from the same boxes, and each of their text boxes still owns one MCID.
The form's rules and boxes (an SVG background, an artifact) are replayed the same way, per page
size: WeasyPrint parses that SVG once per process but walked its nodes for every page. And the
checklist pages webapp/packet/layout_cache.py keeps are drawn once per process as whole pages
(RecordedPage): the same boxes in every packet, so the same operators and the same MCIDs.

This leans on WeasyPrint internals (70.0, pinned in requirements.lock): the stacking-context
dispatch (weasyprint.stacking._dispatch), draw_stacking_context, the Stream's tag, font and
resource bookkeeping, and pdf.fonts.Font. All of that is in this one module, checked by
install() and by tests/packet/test_replay.py, which compares a replayed page with a page drawn
by WeasyPrint itself. If the internals change, install() refuses, logs it, and packets are drawn
the ordinary (slower) way; the test fails loudly.
"""

from __future__ import annotations

import copy
import inspect
import logging
from dataclasses import dataclass

import pydyf
from weasyprint import draw, stacking
from weasyprint.images import SVGImage
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.matrix import Matrix
from weasyprint.pdf.stream import Stream

log = logging.getLogger(__name__)

# The attribute a laid-out printed paragraph carries once recorded. Box.copy() copies __dict__,
# so the stacking-context copies of the box keep it too.
_ATTR = "_packet_recording"
_ORIGINAL_DISPATCH = stacking._dispatch
_ORIGINAL_DRAW = draw.draw_stacking_context


@dataclass
class Recording:
    """One printed paragraph, drawn: the operators between its MCIDs, the text boxes those MCIDs
    mark, and the fonts and graphics states its operators name."""

    chunks: tuple[bytes, ...]  # len(marks) + 1 pieces of content stream, MCIDs go between
    marks: tuple[tuple[str, object], ...]  # (structure tag, text box), in MCID order
    fonts: dict  # WeasyPrint font key -> Font (with the glyph widths and text it used)
    states: dict  # ExtGState name -> dictionary (only "a1"-style alpha states)


class _Replay(stacking.StackingContext):
    """Stands where the paragraph's stacking context would be: drawing it replays the recording."""

    def __init__(self, box, page, recording: Recording):  # no super(): nothing of it is needed
        self.box = box
        self.page = page
        self.recording = recording
        self.z_index = 0


def _dispatch(box, page, child_contexts, blocks, floats, blocks_and_cells):
    inner = box._box if isinstance(box, AbsolutePlaceholder) else box
    recording = inner.__dict__.get(_ATTR)
    if recording is None:
        return _ORIGINAL_DISPATCH(box, page, child_contexts, blocks, floats, blocks_and_cells)
    # A positioned box with z-index auto: its context, then the contexts of its positioned
    # descendants, go in the parent's list (see record()); one _Replay stands for all of them.
    child_contexts.append(_Replay(inner, page, recording))
    return None


def _draw_stacking_context(stream, stacking_context):
    if isinstance(stacking_context, _Replay):
        if not _replay(stream, stacking_context.recording):
            for context in _contexts(stacking_context.box, stacking_context.page):
                _ORIGINAL_DRAW(stream, context)
        return
    _ORIGINAL_DRAW(stream, stacking_context)


def _contexts(box, page) -> list:
    """The stacking contexts WeasyPrint itself makes for `box` (and its positioned descendants)."""
    contexts, blocks, floats, cells = [], [], [], {}
    kept = _ORIGINAL_DISPATCH(box, page, contexts, blocks, floats, cells)
    if kept is not None or blocks or floats or cells:
        raise ValueError("not a positioned box: only positioned paragraphs can be replayed")
    return contexts


_installed: bool | None = None


def install() -> bool:
    """Route WeasyPrint's stacking and drawing through this module (once). False: not possible
    with this WeasyPrint, and nothing was changed."""
    global _installed
    if _installed is None:
        expected = {
            _ORIGINAL_DISPATCH: ["box", "page", "child_contexts", "blocks", "floats", "blocks_and_cells"],
            _ORIGINAL_DRAW: ["stream", "stacking_context"],
            Stream.__init__: ["self", "fonts", "page_rectangle", "resources", "images", "tags",
                              "color_profiles", "output_intent", "args", "kwargs"],
        }
        found = {f: list(inspect.signature(f).parameters) for f in expected}
        fields = {"_tags", "_fonts", "_resources", "_current_color", "_current_font", "stream"}
        probe = Stream({}, (0, 0, 1, 1), _resources(), {}, {}, {}, None)
        if found != expected or not fields <= set(vars(probe)):
            log.warning("WeasyPrint's drawing internals changed; packet form words are drawn per packet.")
            _installed = False
        else:
            stacking._dispatch = _dispatch
            draw.draw_stacking_context = _draw_stacking_context
            _installed = True
    return _installed


def _resources() -> pydyf.Dictionary:
    return pydyf.Dictionary({
        "ExtGState": pydyf.Dictionary(), "XObject": pydyf.Dictionary(), "Pattern": pydyf.Dictionary(),
        "Shading": pydyf.Dictionary(), "ColorSpace": None,
    })


def record(box, page) -> None:
    """Draw the laid-out positioned paragraph `box` (on laid-out page `page`) into a scratch
    stream and keep the drawing on the box, so every later PDF replays it. Refuses (raises)
    anything the replay could not reproduce: images, patterns, other graphics states."""
    inner = box._box if isinstance(box, AbsolutePlaceholder) else box
    resources = _resources()
    tags: dict = {}
    fonts: dict = {}
    scratch = Stream(fonts, (0, 0, page.width, page.height), resources, {}, tags, {}, None)
    for context in _contexts(inner, page):
        _ORIGINAL_DRAW(scratch, context)
    if any(resources[name] for name in ("XObject", "Pattern", "Shading")):
        raise ValueError("a printed paragraph drew more than text")
    states = dict(resources["ExtGState"])
    if not all(name[:1] in ("a", "A") for name in states):
        raise ValueError("a printed paragraph set a graphics state other than opacity")
    marks = sorted(tags.items(), key=lambda item: item[1]["mcid"])
    if [mark["mcid"] for _, mark in marks] != list(range(len(marks))):
        raise ValueError("marked-content ids are not 0..n-1")
    # Cut the operators at each MCID property list; join the rest as the stream would.
    chunks, piece = [], []
    for item in scratch.stream:
        if isinstance(item, pydyf.Dictionary) and set(item) == {"MCID"}:
            chunks.append(b"\n".join(piece))
            piece = []
        else:
            piece.append(pydyf._to_bytes(item))
    chunks.append(b"\n".join(piece))
    if len(chunks) != len(marks) + 1:
        raise ValueError("an MCID property list appeared twice")
    inner.__dict__[_ATTR] = Recording(
        tuple(chunks), tuple((mark["tag"], text_box) for text_box, mark in marks), fonts, states)


def _replay(stream, recording: Recording) -> bool:
    """Append the recording to `stream` as WeasyPrint would have drawn it. False (and nothing
    written) when this document already gave one of its glyphs another width: the recorded
    kerning was measured against the recorded widths."""
    tags = stream._tags
    if tags is None:
        return False  # an untagged PDF: the recorded marked content would be wrong there
    if not _merge_fonts(stream._fonts, recording.fonts):
        return False
    extgstate = stream._resources["ExtGState"]
    for name, state in recording.states.items():
        extgstate.setdefault(name, state)
    base = len(tags)
    out = [recording.chunks[0]]
    for k, (tag, text_box) in enumerate(recording.marks):
        if text_box in tags:
            raise ValueError("a printed paragraph was drawn twice on one page")
        tags[text_box] = {"tag": tag, "mcid": base + k}
        out.append(b"<</MCID %d>>" % (base + k))
        out.append(recording.chunks[k + 1])
    stream.stream.extend(out)
    # The recording ends with Q (restore state), after which WeasyPrint forgets its cached
    # colour, opacity and font so that the next box sets its own.
    stream._current_color = stream._current_color_stroke = None
    stream._current_alpha = stream._current_alpha_stroke = None
    stream._current_font = None
    return True


def _merge_fonts(fonts: dict, recorded: dict) -> bool:
    """Give the document's `fonts` the glyphs a recording used. False (and nothing changed)
    when the document already gave one of them another width: the recorded kerning was measured
    against the recorded widths."""
    for key, template in recorded.items():
        font = fonts.get(key)
        if font is not None and any(font.widths.get(g, w) != w for g, w in template.widths.items()):
            return False
    for key, template in recorded.items():
        font = fonts.get(key)
        if font is None:
            font = fonts[key] = copy.copy(template)
            font.widths, font.to_unicode, font.missing = {}, {}, {}
        font.widths = template.widths | font.widths  # the document's first width wins, as in draw
        font.to_unicode = template.to_unicode | font.to_unicode
    return True


# ---- Whole pages (the checklist pages webapp/packet/layout_cache.py keeps) -------------------

# One Font per WeasyPrint font key, shared by the page recordings: a Font holds its font file.
_PAGE_FONTS: dict = {}
# What a Stream remembers of its graphics state to skip operators that would repeat it.
_PAGE_STATE = ("_current_color", "_current_color_stroke", "_current_alpha", "_current_alpha_stroke",
               "_current_font", "_current_font_size", "_old_font", "_old_font_size")


@dataclass
class _PageDrawing:
    scale: float
    previous: bytes | None  # the operator before the page's own (WeasyPrint looks back one)
    operators: bytes
    marks: tuple[tuple[object, str, int], ...]  # (box, structure tag, MCID)
    fonts: dict  # font key -> Font with only the widths and text this page used
    states: dict  # ExtGState name -> dictionary


class RecordedPage:
    """A laid-out page (weasyprint.document.Page) that is drawn once per process: the first PDF
    it goes into draws it (with a scratch font list and resources, so the drawing is the page's
    alone), and every later one gets the same operators, MCIDs and glyphs back. Its boxes are
    the same objects in every PDF, so the structure tree WeasyPrint builds from them is too.
    Anything the replay could not reproduce (images, patterns, groups, glyphs missing from a
    font) leaves the page drawn the ordinary way, every time."""

    def __init__(self, page):
        self.page = page
        self.drawing: _PageDrawing | None | bool = None  # False: drawn the ordinary way

    def __getattr__(self, name):  # width, height, bleed, links, anchors, bookmarks, _page_box
        return getattr(self.page, name)

    def paint(self, stream, scale=1):
        drawing = self.drawing
        if drawing is None and _installed and stream._tags == {}:
            self.drawing = self._record(stream, scale)
            return
        if drawing and self._replay(stream, scale, drawing):
            return
        self.page.paint(stream, scale)

    def _record(self, stream, scale) -> _PageDrawing | bool:
        fonts, resources = {}, _resources()
        resources["ColorSpace"] = stream._resources["ColorSpace"]
        own_fonts, own_resources, images = stream._fonts, stream._resources, len(stream._images)
        start = len(stream.stream)
        previous = pydyf._to_bytes(stream.stream[-1]) if stream.stream else None
        state = {name: getattr(stream, name) for name in _PAGE_STATE}
        stream._fonts, stream._resources = fonts, resources
        try:
            self.page.paint(stream, scale)
        finally:
            stream._fonts, stream._resources = own_fonts, own_resources
        for name in ("ExtGState", "XObject", "Pattern", "Shading"):
            for key, value in resources[name].items():
                own_resources[name].setdefault(key, value)
        replayable = (
            not (resources["XObject"] or resources["Pattern"] or resources["Shading"])
            and all(name[:1] in ("a", "A") for name in resources["ExtGState"])
            and len(stream._images) == images
            and not any(font.missing for font in fonts.values())
        )
        if not _merge_fonts(own_fonts, fonts):
            # Drawn against other widths than this document's: draw it again, the ordinary way.
            del stream.stream[start:]
            stream._tags.clear()
            for name, value in state.items():
                setattr(stream, name, value)
            self.page.paint(stream, scale)
            return False
        if not replayable:
            return False
        marks = tuple((box, mark["tag"], mark["mcid"]) for box, mark in stream._tags.items())
        operators = b"\n".join(pydyf._to_bytes(item) for item in stream.stream[start:])
        del stream.stream[start:]
        stream.stream.append(operators)
        shared = {}
        for key, font in fonts.items():
            template = copy.copy(_PAGE_FONTS.setdefault(key, font))
            template.widths, template.to_unicode, template.missing = font.widths, font.to_unicode, {}
            shared[key] = template
        states = {name: dict(state) for name, state in resources["ExtGState"].items()}
        return _PageDrawing(scale, previous, operators, marks, shared, states)

    @staticmethod
    def _replay(stream, scale, drawing: _PageDrawing) -> bool:
        tags = stream._tags
        previous = pydyf._to_bytes(stream.stream[-1]) if stream.stream else None
        if tags != {} or scale != drawing.scale or previous != drawing.previous:
            return False
        if not _merge_fonts(stream._fonts, drawing.fonts):
            return False
        for name, state in drawing.states.items():
            stream._resources["ExtGState"].setdefault(name, pydyf.Dictionary(state))
        stream.stream.append(drawing.operators)
        for box, tag, mcid in drawing.marks:
            tags[box] = {"tag": tag, "mcid": mcid}
        stream._current_color = stream._current_color_stroke = None
        stream._current_alpha = stream._current_alpha_stroke = None
        stream._current_font = None
        return True


# ---- The form's drawing of rules and boxes (an SVG background) ------------------------------

_STATE = ("_current_color", "_current_color_stroke", "_current_alpha", "_current_alpha_stroke",
          "_current_font", "_old_font")


def record_images(cache: dict) -> None:
    """Give every SVG image in WeasyPrint's image cache `cache` a draw that records its operators
    the first time (per size) and replays them afterwards. Only our form drawings are in it."""
    for image in cache.values():
        if isinstance(image, SVGImage) and "draw" not in image.__dict__:
            image.draw = _RecordedDraw(image)


def _matrix_key(stream) -> tuple:
    return len(stream._ctm_stack), tuple(tuple(row) for row in stream._ctm_stack[-1])


class _RecordedDraw:
    def __init__(self, image: SVGImage):
        self.image = image
        # (width, height, transformation before) -> (operators, ExtGStates, stream state after,
        # transformation after), or False for a drawing that cannot be replayed.
        self.drawn: dict = {}

    def __call__(self, stream, width, height, style):
        key = (width, height, _matrix_key(stream))
        drawn = self.drawn.get(key)
        if drawn is None:
            start = len(stream.stream)
            kinds = ("ExtGState", "XObject", "Pattern", "Shading")
            before = {name: set(stream._resources[name]) for name in kinds}
            SVGImage.draw(self.image, stream, width, height, style)
            added = {name: {k: v for k, v in stream._resources[name].items() if k not in before[name]}
                     for name in kinds}
            # Only operators and opacity states can be replayed; an image drawn into a stream that
            # already held more than its placement (WeasyPrint looks back one operator) or that
            # left the graphics-state stack deeper is drawn the ordinary way every time.
            simple = (
                start <= 1
                and not (added["XObject"] or added["Pattern"] or added["Shading"])
                and all(name[:1] in ("a", "A") for name in added["ExtGState"])
                and len(stream._ctm_stack) == key[2][0]
            )
            self.drawn[key] = (
                b"\n".join(pydyf._to_bytes(item) for item in stream.stream[start:]),
                {k: dict(v) for k, v in added["ExtGState"].items()},
                {name: getattr(stream, name) for name in _STATE},
                [list(row) for row in stream._ctm_stack[-1]],
            ) if simple else False
            return
        if drawn is False:
            SVGImage.draw(self.image, stream, width, height, style)
            return
        operators, states, state, matrix = drawn
        stream.stream.append(operators)
        for name, values in states.items():
            stream._resources["ExtGState"].setdefault(name, pydyf.Dictionary(values))
        for name, value in state.items():
            setattr(stream, name, value)
        stream._ctm_stack[-1] = Matrix(matrix=[list(row) for row in matrix])
