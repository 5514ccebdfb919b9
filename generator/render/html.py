"""Small, safe HTML building blocks. Every text from YAML goes through :func:`e`.

Pages are Markdown files whose body is raw HTML blocks: Markdown does not touch
raw HTML, so nothing in a record can become a link, an attribute or a script.
"""

from __future__ import annotations

import html
import re
from functools import cache
from urllib.parse import quote, urlsplit

import phonenumbers

from . import icons


_SPECIAL = re.compile(r"[&<>\"']")


def e(text: object) -> str:
    """Escape text for HTML content and attribute values (html.escape with quotes). Most texts have
    nothing to escape: one search instead of five replacements (it is called 2.5 million times at
    10,000 partners)."""
    text = text if type(text) is str else str(text)
    return html.escape(text, quote=True) if _SPECIAL.search(text) else text


def paragraphs(text: str | None) -> str:
    """Plain text with blank lines between paragraphs -> escaped <p> elements."""
    if not text:
        return ""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{e(p)}</p>" for p in parts)


def rel(from_url: str, to_url: str) -> str:
    """A relative link from the page at ``from_url`` to ``to_url`` (both site-relative, '' = home).

    Same result as posixpath.relpath for our clean paths, at a fraction of the cost (it is called
    for every link on every page)."""
    start = [part for part in from_url.split("/") if part]
    goal = [part for part in to_url.split("/") if part]
    same = 0
    while same < len(start) and same < len(goal) and start[same] == goal[same]:
        same += 1
    target = "/".join([".."] * (len(start) - same) + goal[same:]) or "."
    if target == ".":
        return "./"
    return target + "/" if to_url.endswith("/") or not to_url else target


def safe_web_url(url: str | None) -> str | None:
    """The URL if it is http(s) with a host, else None (validation already refuses others)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None
    except ValueError:  # e.g. "https://[a.b": validation refuses it, never link it
        return None


def link(url: str | None, text: str, *, external: bool = True) -> str:
    safe = safe_web_url(url)
    if not safe:
        return e(text)
    extra = ' rel="noopener" target="_blank"' if external else ""
    return f'<a href="{e(safe)}"{extra}>{e(text)}</a>'


@cache
def e164(number: str) -> str:
    """The number for a ``tel:`` link (E.164), or '' when it is no phone number."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(number, "BE"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return ""


def tel(number: str) -> str:
    """A tel: link with the number in E.164, showing it as written."""
    target = e164(number)
    return f'<a href="tel:{e(target)}">{e(number)}</a>' if target else e(number)


def mailto(address: str) -> str:
    return f'<a href="mailto:{e(quote(address, safe="@.+-_"))}">{e(address)}</a>'


def route(lat: float, lon: float, label: str) -> str:
    url = f"https://www.openstreetmap.org/directions?to={lat:.5f}%2C{lon:.5f}"
    return f'<a href="{url}" rel="noopener" target="_blank" aria-label="Route naar {e(label)}">Route</a>'


@cache
def icon(name: str) -> str:
    """Inline SVG of a Material Design icon ('material/home'), shipped with the project (generator/render/icons.py)."""
    svg = icons.svg(name) or icons.svg("material/circle-outline") or ""
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="nk-icon" ', 1)


def icon_exists(name: str) -> bool:
    return icons.exists(name)
