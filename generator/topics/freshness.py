"""The freshness policy: when a record counts as "not recently checked", and when as too old to publish.

Each region sets it in ``regio.yml`` (``versheid:``), with defaults: after ``tonen_na_maanden`` (N,
default 12) months the site shows "Niet recent nagekeken (laatst op ...)"; after
``waarschuwen_na_maanden`` (M, default 24) the site still shows it, validation warns (NK501) and a
strict build fails. Dates are compared with "today", the build date: :func:`today` reads it from the
environment variable ``NK_VANDAAG`` (YYYY-MM-DD) when set, so tests and reproducible builds can fix it.
"""

from __future__ import annotations

import calendar
import datetime
import os
from dataclasses import dataclass

NOTICE_MONTHS = 12  # N
WARN_MONTHS = 24  # M
TODAY_VARIABLE = "NK_VANDAAG"
BUILD_WARNINGS = ("NK501",)  # problems that make a strict build fail (the others are only logged)

FRESH, OLD, TOO_OLD = "vers", "niet-recent", "te-oud"


def today() -> datetime.date:
    """The build date: ``NK_VANDAAG`` if it holds a date, else the system's date."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return datetime.date.today()


@dataclass(frozen=True)
class Policy:
    notice_months: int = NOTICE_MONTHS
    warn_months: int = WARN_MONTHS

    def state(self, checked: datetime.date | str, on: datetime.date) -> str:
        """vers, niet-recent (more than N months ago) or te-oud (more than M months ago)."""
        checked = datetime.date.fromisoformat(checked) if isinstance(checked, str) else checked
        if on > add_months(checked, self.warn_months):
            return TOO_OLD
        if on > add_months(checked, self.notice_months):
            return OLD
        return FRESH

    def due(self, checked: datetime.date | str, on: datetime.date) -> bool:
        """Due for the yearly check-in: not fresh any more."""
        return self.state(checked, on) != FRESH


DEFAULT = Policy()


def policy_of(region_data: dict | None) -> Policy:
    """The policy a region's ``regio.yml`` sets (the defaults for what it leaves out)."""
    block = (region_data or {}).get("versheid") or {}
    notice = block.get("tonen_na_maanden", NOTICE_MONTHS)
    warn = block.get("waarschuwen_na_maanden", max(WARN_MONTHS, notice))
    return Policy(notice, warn)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months (31 January + 1 month = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
