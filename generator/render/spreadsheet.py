"""Text cells for spreadsheets, both ways: neutralised on export, restored on import.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
a leading tab or carriage return can hide such a start), so a partner named ``=HYPERLINK(...)``
would become a live link or worse in the public ``partners.csv`` (CSV or formula injection).
Following OWASP's advice, such a cell gets a leading apostrophe: the program shows the text and
runs nothing. That includes legitimate values such as ``+32 ...`` or ``-1.5``: shown as text,
which is what they are in our records.

The import strips that apostrophe again, so export → import gives back the same records. For that
to hold for every value, a value that itself starts with an apostrophe followed by one of those
characters (or by another apostrophe) is prefixed too; every other value passes unchanged.
"""

from __future__ import annotations

# What a spreadsheet reads as the start of a formula (OWASP CSV injection); the tab and the carriage
# return can be dropped by the program, leaving a formula character at the start.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def _prefixed(value: str) -> bool:
    """An apostrophe followed by a formula character or another apostrophe: what the export prefixes."""
    return value[:1] == PREFIX and value[1:2] != "" and value[1] in (*FORMULA_START, PREFIX)


def spreadsheet_text(value: str) -> str:
    """``value`` as a safe spreadsheet cell: prefixed with an apostrophe if a program would run it."""
    return PREFIX + value if value.startswith(FORMULA_START) or _prefixed(value) else value


def unescape_cell(value: str) -> str:
    """The original text of a cell written by ``spreadsheet_text`` (any other text passes unchanged)."""
    return value[1:] if _prefixed(value) else value
