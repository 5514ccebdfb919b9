""""Klopt er iets niet?": a link that opens a prefilled message to a region's editors, without a server.

A region sets in ``regio.yml`` either an e-mail address (``melden: {email: ...}``: a ``mailto:`` link)
or a URL template (``melden: {url: ...}``, e.g. a GitHub issue form) with the fields ``{id}``,
``{naam}``, ``{pagina}``, ``{datum}``, ``{titel}`` and ``{tekst}``. The message carries only what
identifies the page: the record's id, its name, the page address and the date the data were built.
Never anything about a family: the text asks not to write it either.

Values are percent-encoded into the link, so a name cannot add a parameter or change the scheme, and
only ``mailto:``, ``https:`` and ``http:`` links come out (anything else gives no link at all).
The template is filled by a plain substitution, never by ``str.format`` (no attribute access).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

FIELDS = ("id", "naam", "pagina", "datum", "titel", "tekst")
ALLOWED = ", ".join("{" + f + "}" for f in FIELDS)
_FIELD = re.compile(r"\{([^{}]*)\}")
LABEL = "Klopt er iets niet?"


@dataclass(frozen=True)
class Target:
    email: str | None = None
    url: str | None = None


def target_of(region_data: dict | None) -> Target | None:
    """Where a region's reports go, or None (no link)."""
    block = (region_data or {}).get("melden") or {}
    if block.get("email") or block.get("url"):
        return Target(block.get("email"), block.get("url"))
    return None


def unknown_fields(template: str) -> list[str]:
    """The ``{...}`` in a URL template that are not fields we fill (each once, in order)."""
    return list(dict.fromkeys("{" + name + "}" for name in _FIELD.findall(template) if name not in FIELDS))


def message(record_id: str, name: str, page: str, date: str) -> tuple[str, str]:
    """(subject, body) of the report: what identifies the page and a short Dutch question."""
    subject = f"Klopt er iets niet? {name} ({record_id})"
    body = (f"Wat klopt er niet op de pagina van {name}?\n"
            "Schrijf welk gegeven niet klopt, wat het juiste is en hoe je dat weet.\n"
            "Schrijf niets over een gezin of een persoon.\n\n"
            f"id: {record_id}\nnaam: {name}\npagina: {page}\ngegevens van: {date}\n")
    return subject, body


def link(target: Target | None, *, record_id: str, name: str, page: str, date: str) -> str | None:
    """The ``href`` of the "Klopt er iets niet?" link, or None (no target, or not a safe scheme)."""
    if target is None:
        return None
    subject, body = message(record_id, name, page, date)
    if target.email:
        href = f"mailto:{quote(target.email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
        return href
    if not target.url:
        return None
    values = {"id": record_id, "naam": name, "pagina": page, "datum": date, "titel": subject, "tekst": body}
    href = _FIELD.sub(lambda m: quote(values[m.group(1)], safe="") if m.group(1) in values else m.group(0),
                      target.url)
    return href if urlsplit(href).scheme.lower() in ("http", "https") else None


def link_html(href: str | None) -> str:
    """The link as HTML (nothing without an address); ``href`` is escaped here."""
    if not href:
        return ""
    from ..render.html import e

    return f'<p class="nk-report" data-pagefind-ignore><a href="{e(href)}" rel="nofollow">{LABEL}</a></p>'
