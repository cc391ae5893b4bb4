"""Pages drawn once with holes where the person's parts go, and the holes filled in on each view.

A question page is mostly our own words: the question, its hint, its choices, the chrome. The
person's parts are few: the form token, the Back and form addresses, the conviction's caption,
the question's number, which choice is ticked. Drawing the whole template on every view (Jinja's
calls and escaping) was over a third of a question page (callgrind: 1.3M of 3.7M instructions).
So the template is drawn once, with a ``Hole`` standing for each of the person's parts, and
kept as its literal pieces; each view joins the pieces with this person's values, escaped as the
template would have escaped them.

What is kept, and why that is safe: the page as anyone would see it at this address, in this
language, with every hole empty. The key holds what ``page_chrome.route_key`` holds (catalog,
endpoint, the address's values; never a query string) and the facts of the page's shape that
the view names (which holes are empty, for instance). Where a question's words follow the
answers, the key holds those words too (a county's courthouses or cities, each with its name;
the section whose wording the question takes), so each county's and section's page is kept
apart: public words, the same for everyone in that county, never a name or anything typed. A
page that shows errors or typed text back is drawn afresh and not kept.
"""

import re
from collections.abc import Callable
from functools import lru_cache

from markupsafe import Markup, escape

from .page_chrome import KEPT_PAGES

# Private-use characters: no sentence of ours or translation contains them, and Jinja's escaping
# leaves them as they are.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKER = re.compile(f"{_OPEN}([^{_CLOSE}]*){_CLOSE}")


class Hole(str):
    """Stands for one of the person's values while a kept page is drawn: it prints as a marker
    that the view's value replaces. ``of`` names the hole of one choice of a field."""

    name: str

    def __new__(cls, name: str) -> "Hole":
        hole = super().__new__(cls, f"{_OPEN}{name}{_CLOSE}")
        hole.name = name
        return hole

    def __html__(self) -> str:
        return str(self)

    def of(self, value: str) -> "Hole":
        return Hole(f"{self.name}={value}")


def attribute(name: str) -> Callable[[object], Markup]:
    """A template filter that writes `` checked`` (or `` selected``) when its value is true, and
    a hole's marker while a kept page is drawn: ``{{ option.selected|checked }}``."""
    written = Markup(f" {name}")  # noqa: S704 (a fixed attribute name of ours)

    def write(state) -> Markup:
        if isinstance(state, Hole):
            return Markup(state)  # noqa: S704 (our marker)
        return written if state else Markup()

    write.__name__ = name
    return write


checked, selected = attribute("checked"), attribute("selected")


def install(app) -> None:
    app.jinja_env.filters.update(checked=checked, selected=selected)


def page(key: tuple | None, draw: Callable[[], str], values: dict[str, object]) -> str:
    """The page drawn by ``draw`` (with holes), filled with ``values``, each escaped as Jinja
    escapes what it prints. With no key it is drawn afresh and not kept."""
    pieces = _kept(key, draw) if key is not None else _pieces(draw())
    filled = {name: escape(value) for name, value in values.items()}
    # Even places hold the template's text, odd ones the names of the holes between them.
    return "".join([piece if i % 2 == 0 else filled[piece] for i, piece in enumerate(pieces)])


def _pieces(drawn: str) -> tuple[str, ...]:
    return tuple(_MARKER.split(drawn))


@lru_cache(maxsize=KEPT_PAGES)
def _key_only(key: tuple) -> list:
    return []


def forget() -> None:
    """Drop every kept page (tests, and a process whose templates or catalogs were reloaded)."""
    _key_only.cache_clear()


def _kept(key: tuple, draw: Callable[[], str]) -> tuple[str, ...]:
    # lru_cache cannot take ``draw`` (a new closure each view) as part of the key, so the cached
    # function keeps a box per key, filled by the first view that needs it.
    box = _key_only(key)
    if not box:
        box.append(_pieces(draw()))
    return box[0]
