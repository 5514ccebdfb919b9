"""Which characters are invisible or control characters, and how a message shows them.

One place for the character classes that loading (raw bytes and decoded values), the text checks
and every problem message use, so they cannot drift apart.
"""

from __future__ import annotations

import re

# Format characters that show nothing: soft hyphen, Arabic letter mark, Mongolian vowel separator,
# zero-width characters, direction marks, embeddings, overrides and isolates, word joiners,
# invisible operators, the byte order mark and the Unicode tag characters.
INVISIBLE_CLASS = ("\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
                   "\U000e0000-\U000e007f")
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")

# Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, ...).
NONCHARACTER_CLASS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))

# What a decoded text value may not hold (tab and line feed are ordinary text): C0 controls,
# DEL, C1 controls (U+0085 is YAML's \N), the Unicode line and paragraph separators, noncharacters.
CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{NONCHARACTER_CLASS}]")

# What a message never carries raw: every control character, the invisible ones, noncharacters,
# lone surrogates. ``_SHOW_KEEP_NEWLINE`` keeps line breaks and tabs, which the tool's own hints use.
_OTHER_CLASS = f"\x7f-\x9f\u2028\u2029{INVISIBLE_CLASS}{NONCHARACTER_CLASS}\ud800-\udfff"
_SHOW = re.compile(f"[\x00-\x1f{_OTHER_CLASS}]")
_SHOW_KEEP_NEWLINE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER_CLASS}]")

EXCERPT = 80  # characters of a file's text that a message quotes at most


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control or invisible character written as an escape, like ``\\u001b``."""
    pattern = _SHOW_KEEP_NEWLINE if keep_newlines else _SHOW
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """A short, visible quote of ``text``: at most ``limit`` characters, then '…'."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return visible(text)


def control_kind(char: str) -> str:
    """The problem code for a control character found in a decoded value (see ``CONTROL``)."""
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return "NK403"
    if code <= 0x9F:
        return "NK404"
    if code in (0x2028, 0x2029):
        return "NK405"
    return "NK406"
