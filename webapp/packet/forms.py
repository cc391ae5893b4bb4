"""The official CR-400, CR-401 and CR-403 pages, rebuilt from the geometry of the Judicial Council's PDFs.

webapp/packet/forms/*.layout.json are copies of the research's layout files: every printed text
run, rule and check box of the official page, in PDF points. Drawing the form from that data (not
from a hand-made HTML imitation) is what keeps the wording and the layout the court's own.

This module turns a layout plus the values to fill in into a flat list of positioned words, in
reading order, for templates/packet/form.html (frames.py draws the rules and boxes). The order
matters twice: WeasyPrint paints positioned boxes in document order, and text extraction (a
screen reader, our tests) reads them in that order, so a checked box's "X" comes right before
its label.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from webapp.packet import metrics

FORMS_DIR = Path(__file__).resolve().parent / "forms"
PAGE_HEIGHT = 792.0

# Liberation Sans hhea metrics (em): in a line box, the baseline sits half the leading plus the
# ascent below the top (research README: 0.847 em for line-height 1).
ASCENT = 0.905
ASCENT_DESCENT = 0.905 + 0.212
# Runs closer than this vertically belong to one printed line (the title options' "§ 11361.8(b))"
# sits 1 pt above "(Health & Saf. Code,", the signature captions 1.4 pt apart).
SAME_ROW_PT = 2.0
# A run that starts within this distance of where the previous run ended continues it, with no
# gap: the stream drew them as one line ("11361.8" + 9 pt "—" + "ADULT CRIMES").
TOUCH_PT = 0.6

CAP_HEIGHT = 0.716  # Arial / Liberation Sans capital height, em: centres a value or an X in its box
VALUE_SIZE_PT = 8.0
MIN_VALUE_SIZE_PT = 5.0


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    bold: bool
    italic: bool
    rise: float = 0.0  # pt above the line's baseline
    color: str | None = None
    width: float = 0.0  # advance width in pt (Arial metrics, from the layout file)


@dataclass(frozen=True)
class TextItem:
    """Printed lines, a filled-in value or a check mark, positioned by the first baseline.

    Lines of one printed paragraph (same left edge, evenly spaced) share an item: fewer boxes
    make a faster render, and the paragraph reads as one piece of text.
    """

    kind: str  # "text" | "value" | "check"
    x: float
    baseline: float
    rows: tuple[tuple[Run, ...], ...]
    region: str
    width: float = 0.0  # a box this wide holds the widest line (spares WeasyPrint a shrink-to-fit)
    leading: float = 0.0  # baseline-to-baseline distance when there are several rows

    @property
    def runs(self) -> tuple[Run, ...]:
        return self.rows[0]

    @property
    def size(self) -> float:
        return self.runs[0].size

    @property
    def line_height(self) -> float:
        return self.leading or self.size

    @property
    def top(self) -> float:
        """CSS top of the box whose first baseline is at self.baseline (line-height = leading)."""
        half_leading = (self.line_height - ASCENT_DESCENT * self.size) / 2
        return round(PAGE_HEIGHT - self.baseline - half_leading - ASCENT * self.size, 3)

    @property
    def text(self) -> str:
        return "\n".join("".join(r.text for r in row) for row in self.rows)


@dataclass(frozen=True)
class Rule:
    """A stroked segment, in top-down page coordinates (SVG's)."""

    x1: float
    y1: float
    x2: float
    y2: float
    stroke: float
    square_cap: bool


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float
    stroke: float


@dataclass(frozen=True)
class Arrow:
    """The signature-line arrow image, drawn as the solid triangle it shows."""

    left: float
    top: float
    width: float
    height: float

    @property
    def points(self) -> str:
        x, y, w, h = self.left, self.top, self.width, self.height
        return f"{x},{y} {round(x + w, 3)},{round(y + h / 2, 3)} {x},{round(y + h, 3)}"


@dataclass(frozen=True)
class Page:
    """A filled form page: its words in reading order (the lines and boxes are its background)."""

    form: str
    texts: tuple[TextItem, ...]
    number: int = 1
    of: int = 1

    @property
    def frame(self) -> str:
        """The page's name for its drawing and CSS class: "cr-400", or "cr-403-2" on a longer form."""
        return frame_name(self.form, self.number, self.of)


def frame_name(form: str, number: int, of: int) -> str:
    return form.lower() if of == 1 else f"{form.lower()}-{number}"


@cache
def blank(form: str, number: int = 1) -> Page:
    """Page `number` of `form` with nothing filled in: the printed words only, the same in every
    packet. The renderer lays this out once per process (webapp/packet/pdf.py)."""
    return fill(form, {}, set(), number)


def split(page: Page) -> tuple[tuple[TextItem, ...], tuple[int, ...]]:
    """What a filled page adds to its blank page, and how the two interleave in reading order.

    Returns (the value and check items, in reading order; one number per item of `page`): the
    number is k >= 0 for item k of the blank page, or -(j + 1) for added item j. A check mark's
    "X" must be read right before its label, so the order is the filled page's, not blank + added.
    """
    index = {item: k for k, item in enumerate(blank(page.form, page.number).texts)}
    added: list[TextItem] = []
    order: list[int] = []
    for item in page.texts:
        if item.kind == "text":
            order.append(index[item])
        else:
            added.append(item)
            order.append(-len(added))
    return tuple(added), tuple(order)


@dataclass(frozen=True)
class Layout:
    form: str
    number: int
    of: int  # pages in the form
    regions: tuple[dict, ...]
    lines: tuple[TextItem, ...]
    rules: tuple[Rule, ...]
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]
    fields: dict[str, dict]  # full AcroForm field name -> field
    checkbox_rects: dict[str, tuple[float, float, float, float]]  # field name -> printed box x, y, w, h


def _rgb(values) -> str | None:
    if not values or not any(values):
        return None
    return "#" + "".join(f"{round(v * 255):02x}" for v in values)


def _region_of(regions, x: float, y: float) -> str:
    for region in regions:
        if region["x_min"] <= x < region["x_max"] and region["y_min"] <= y < region["y_max"]:
            return region["id"]
    return regions[-1]["id"]


def _slack(runs: tuple[Run, ...]) -> float:
    # A little wider than the measured text, so rounding never wraps a printed line.
    return round(sum(r.width for r in runs) + 4, 3)


def _merge_runs(texts: list[dict]) -> list[TextItem]:
    """Join runs the stream drew back to back into one line, keeping each run's own style."""
    lines: list[TextItem] = []
    ends: list[float] = []
    # Content-stream order: runs drawn back to back are consecutive there.
    for t in sorted(texts, key=lambda t: t["seq"] if t.get("seq") is not None else 10**6):
        color = _rgb(t.get("color_rgb"))
        run = Run(t["text"], t["size_pt"], t["bold"], t["italic"], 0.0, color, t["width_pt_est"])
        if lines:
            last = lines[-1]
            if (
                last.region == t["region"]
                and abs(t["y"] - last.baseline) <= SAME_ROW_PT
                and abs(t["x"] - ends[-1]) <= TOUCH_PT
            ):
                rise = round(t["y"] - last.baseline, 3)
                run = Run(run.text, run.size, run.bold, run.italic, rise, run.color, run.width)
                runs = (*last.runs, run)
                lines[-1] = TextItem("text", last.x, last.baseline, (runs,), last.region, _slack(runs))
                ends[-1] = t["x"] + t["width_pt_est"]
                continue
        lines.append(TextItem("text", t["x"], t["y"], ((run,),), t["region"], _slack((run,))))
        ends.append(t["x"] + t["width_pt_est"])
    return _paragraphs(lines)


def _paragraphs(lines: list[TextItem]) -> list[TextItem]:
    """Join evenly spaced lines that share a left edge and a size into one multi-row item."""
    out: list[TextItem] = []
    for line in sorted(lines, key=lambda i: (i.region, -i.baseline)):
        for index in range(len(out) - 1, -1, -1):
            last = out[index]
            if last.region != line.region:
                out.append(line)
                break
            step = round(last.baseline - (len(last.rows) - 1) * last.leading - line.baseline, 3)
            if (
                abs(last.x - line.x) <= TOUCH_PT
                and last.size == line.size
                and all(r.rise == 0 for r in line.runs)
                and 1.05 * line.size <= step <= 1.35 * line.size
                and (not last.leading or abs(step - last.leading) <= 0.05)
            ):
                out[index] = TextItem(
                    "text", last.x, last.baseline, (*last.rows, line.runs), last.region,
                    max(last.width, line.width), last.leading or step,
                )
                break
        else:
            out.append(line)
    return out


@cache
def _raw(form: str) -> dict:
    return json.loads((FORMS_DIR / f"{form.lower()}-2024.layout.json").read_text(encoding="utf-8"))


def page_count(form: str) -> int:
    return len(_raw(form)["pages"])


@cache
def load(form: str, number: int = 1) -> Layout:
    """The layout of page `number` of "CR-400", "CR-401" (one page each) or "CR-403" (two)."""
    raw = _raw(form)
    page = raw["pages"][number - 1]
    regions = tuple(page["regions"])
    texts = [t for t in page["texts"] if t.get("printed", True) is not False]
    rules = [
        Rule(
            line["x1"],
            round(PAGE_HEIGHT - line["y1"], 3),
            line["x2"],
            round(PAGE_HEIGHT - line["y2"], 3),
            line["width"],
            line.get("cap") == 2,
        )
        for line in page["lines"]
    ]
    boxes = [
        Box(r["x"], round(PAGE_HEIGHT - r["y"] - r["h"], 3), r["w"], r["h"], r.get("stroke_width", 0.5))
        for r in page["rects"]
        if r.get("printed", True) is not False and r["kind"] in ("checkbox", "box")
    ]
    arrows = [Arrow(i["x"], round(PAGE_HEIGHT - i["y"] - i["h"], 3), i["w"], i["h"]) for i in page["images"]]
    return Layout(
        form=raw["form"],
        number=number,
        of=len(raw["pages"]),
        regions=regions,
        lines=tuple(_merge_runs(texts)),
        rules=tuple(rules),
        boxes=tuple(boxes),
        arrows=tuple(arrows),
        fields={f["name"]: f for f in page["fields"]},
        checkbox_rects={
            r["field_name"]: (r["x"], r["y"], r["w"], r["h"]) for r in page["rects"] if r.get("field_name")
        },
    )


def _field(layout: Layout, suffix: str) -> dict:
    matches = [f for name, f in layout.fields.items() if name.endswith(suffix)]
    if len(matches) != 1:
        raise KeyError(f"{layout.form}: field suffix {suffix!r} matches {len(matches)} fields")
    return matches[0]


def _checkbox_rect(layout: Layout, field: dict) -> tuple[float, float, float, float]:
    """The printed 18 x 9 pt box around a check-box widget (x, y, w, h), or the widget itself."""
    if field["name"] in layout.checkbox_rects:
        return layout.checkbox_rects[field["name"]]
    x1, y1, x2, y2 = field["rect"]
    return x1, y1, x2 - x1, y2 - y1


def _value_item(layout: Layout, field: dict, value: str) -> TextItem:
    x1, y1, x2, y2 = field["rect"]
    pad = 1.5
    width = x2 - x1 - 2 * pad
    size = metrics.fit_size(value, width, VALUE_SIZE_PT if y2 - y1 < 12 else 10.0, MIN_VALUE_SIZE_PT)
    # Baseline placed so the capitals sit centred in the field.
    baseline = round(y1 + (y2 - y1 - CAP_HEIGHT * size) / 2, 3)
    return TextItem(
        "value",
        round(x1 + pad, 3),
        baseline,
        ((Run(value, size, False, False),),),
        _region_of(layout.regions, x1 + 0.1, baseline),
        round(width, 3),
    )


def _check_item(layout: Layout, field: dict) -> TextItem:
    x, y, w, h = _checkbox_rect(layout, field)
    size = 8.0
    baseline = round(y + (h - CAP_HEIGHT * size) / 2, 3)
    region = _region_of(layout.regions, x + 0.1, baseline)
    return TextItem("check", x, baseline, ((Run("X", size, True, False),),), region, w)


def _reading_order(layout: Layout, items: list[TextItem]) -> list[TextItem]:
    """Regions in the layout's order; inside one, rows top to bottom, then left to right."""
    out: list[TextItem] = []
    for region in layout.regions:
        inside = sorted((i for i in items if i.region == region["id"]), key=lambda i: -i.baseline)
        rows: list[list[TextItem]] = []
        for item in inside:
            if rows and rows[-1][0].baseline - item.baseline <= SAME_ROW_PT:
                rows[-1].append(item)
            else:
                rows.append([item])
        for row in rows:
            out.extend(sorted(row, key=lambda i: (i.x, i.kind != "check")))
    if len(out) != len(items):
        raise ValueError(f"{layout.form}: an item fell outside every region")
    return out


def fill(form: str, values: dict[str, str], checks: set[str], number: int = 1) -> Page:
    """Page `number` of `form` with text `values` (field-name suffix -> text) and `checks` (suffixes)."""
    layout = load(form, number)
    items = list(layout.lines)
    for suffix, value in values.items():
        if value:
            items.append(_value_item(layout, _field(layout, suffix), value))
    for suffix in checks:
        items.append(_check_item(layout, _field(layout, suffix)))
    return Page(layout.form, tuple(_reading_order(layout, items)), layout.number, layout.of)

