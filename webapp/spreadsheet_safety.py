"""CSV cells a spreadsheet shows as text and never runs as a formula ("CSV injection").

One rule for every CSV the project writes (clinic results, the DOJ bulk runner), with no Flask, so
the bulk runner can use it at full speed.
"""

# Excel and LibreOffice run a cell that starts with one of these, also after leading spaces
# (" =1+1"), and read the full-width forms an East Asian keyboard types (＝ ＋ － ＠) as the ASCII ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
RUN_AS_FORMULA = ("\t", "\r", "\n")
LEADING_BLANKS = " \u3000\xa0"
# Every first character a risky cell can have: a cheap test before neutralise() on a hot path.
RISKY_FIRST = frozenset((*FORMULA_STARTS, *RUN_AS_FORMULA, *LEADING_BLANKS))


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe stops it being run as a formula."""
    if cell.startswith(RUN_AS_FORMULA) or cell.lstrip(LEADING_BLANKS).startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
