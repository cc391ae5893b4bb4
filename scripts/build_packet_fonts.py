"""Build the packet's font for Traditional Chinese and Korean from Debian's fonts-noto-cjk.

    .venv/bin/python -m scripts.build_packet_fonts      (make packet-fonts runs it)

The guidance pages of a packet can be in Traditional Chinese or Korean (issue 16), and the cover
prints the person's name as typed. Liberation Sans has neither script, so the packet's CSS falls
back to "Packet CJK": the Traditional Chinese face of Noto Sans CJK (SIL Open Font License 1.1),
cut down to what those pages can hold:

- every Hangul syllable and jamo (Korean needs nothing else in everyday text);
- every hanzi of Big5, the Traditional Chinese character set of Taiwan and Hong Kong (13,053);
- CJK and full-width punctuation, Bopomofo, and ASCII with the common spaces and dashes (Pango
  gives the spaces and digits between two CJK words to the CJK font).

Why a subset: the collection file has 65,535 glyphs per face and WeasyPrint keeps the glyph
numbering when it embeds a font, so a PDF carries a slot for every glyph below the highest one
used. From the full face a page with a few Korean words weighed about 250 kB more; from this
subset about a tenth of that. Why no OpenType layout closure: it pulls every regional variant
back in, and horizontal Chinese and precomposed Hangul need none of it.

The output goes to webapp/packet/fonts/ (inside the renderer's asset folder, so the local-only
fetcher serves it, and outside webapp/static/, so the web server never sends it to a browser).
It is built, not committed (git ignores the folder); `make packet-fonts` builds it once.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
OUT_DIR = ROOT / "webapp" / "packet" / "fonts"
FACE = "Noto Sans CJK TC"
LICENSE = Path("/usr/share/doc/fonts-noto-cjk/copyright")  # Debian's record of the OFL 1.1 terms
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}

BLOCKS = (
    # Spaces and ASCII: Pango gives the spaces and digits between two CJK words to the CJK run.
    (0x0020, 0x007E),
    (0x00A0, 0x00A0),
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, ellipsis
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0xAC00, 0xD7A3),  # Hangul Syllables
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)


def out_path(weight: str) -> Path:
    return OUT_DIR / f"PacketCJK-{weight}.otf"


def big5() -> set[str]:
    """Every character Big5 encodes in its two-byte range (Python's codec: hanzi and symbols)."""
    chars: set[str] = set()
    for high in range(0x81, 0xFF):
        for low in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.update(bytes((high, low)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return chars


def characters() -> set[int]:
    codes = {ord(c) for c in big5()}
    for first, last in BLOCKS:
        codes.update(range(first, last + 1))
    return codes


def build(weight: str) -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(SOURCE_DIR / WEIGHTS[weight]))
    # The family name (name ID 1) tells the faces apart; the Mono faces are named differently.
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FACE)
    options = subset.Options()
    options.layout_features = ["kern", "palt", "halt"]
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL section 2)
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters()))
    subsetter.subset(font)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    target = out_path(weight)
    font.save(str(target))
    return target


def main() -> int:
    missing = [name for name in WEIGHTS.values() if not (SOURCE_DIR / name).is_file()]
    if missing:
        names = ", ".join(missing)
        print(f"missing {names} in {SOURCE_DIR}: install Debian's fonts-noto-cjk", file=sys.stderr)
        return 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if LICENSE.is_file():
        # The OFL asks that the licence travel with the font, modified or not.
        shutil.copyfile(LICENSE, OUT_DIR / "LICENSE-NotoSansCJK.txt")
    for weight in WEIGHTS:
        target = build(weight)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
