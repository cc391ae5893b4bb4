"""Dates as a clinic's spreadsheet writes them, read as the contract's YYYY-MM-DD.

Excel in the United States shows and exports dates as month/day/year ("3/1/2012"). The engine
takes ISO dates only, so without this every such row would be an error to fix by hand. Only the
unambiguous four-digit-year US form is converted; anything else is passed on unchanged for the
engine to accept (ISO, a bare year) or to refuse with its own message ("3/1/12": which century?).
"""

import datetime as dt
import re

# ASCII digits only: "²" and "①" are digits to str.isdigit() but not to a court.
_US_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


def iso(text: str) -> str:
    match = _US_DATE.match(text.strip())
    if not match:
        return text
    month, day, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return text  # 2/30/2012: the engine says the date is not a real one
