"""Publishing with an address that works only on this computer: find it and say so (NK717).

A site built with ``site_url: http://127.0.0.1:8000/`` (the default for ``make serve``) puts that
address in its exports, its feed and mkdocs-material's instant navigation. Where publishing is
detectable: ``netwerkkaart build --site`` (the publishing command), and ``mkdocs build`` in GitHub
Actions. Never during ``mkdocs serve``, which is meant to use a local address.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem, problem

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
# Set by `netwerkkaart build` for its MkDocs child: the address was checked (and reported) already.
CHECKED = "NK_SITE_URL_NAGEKEKEN"


def is_loopback(url: str) -> bool:
    """True for an address on this computer only: localhost, 127.0.0.0/8, ::1, 0.0.0.0."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return False
    if not host:
        return False
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _line_of_site_url(config_file: Path) -> int:
    try:
        text = config_file.read_text("utf-8", errors="replace")
    except OSError:
        return 1
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"site_url\s*:", line):
            return number
    return 1


def loopback_problem(site_url: str, config_file: Path, environ: Mapping[str, str] | None = None) -> Problem | None:
    """NK717 when ``site_url`` (as MkDocs resolved it) is a loopback address; None otherwise."""
    if not site_url or not is_loopback(site_url):
        return None
    env = os.environ if environ is None else environ
    source = ("uit de omgevingsvariabele NK_SITE_URL" if env.get("NK_SITE_URL", "").strip() == site_url.strip()
              else f"uit {config_file.name}")
    return problem("NK717", str(config_file), _line_of_site_url(config_file), 1, url=site_url, where=source)


def publishing_with_mkdocs(command: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Is this plain ``mkdocs build`` publishing? In GitHub Actions, yes; never under ``mkdocs serve``,
    nor when ``netwerkkaart build`` started it (that one reports the address itself)."""
    env = os.environ if environ is None else environ
    return command == "build" and env.get("GITHUB_ACTIONS") == "true" and not env.get(CHECKED)
