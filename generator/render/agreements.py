"""Gedeeld beroepsgeheim in words: the sentence pages, the family sheet and exports say about a partner
that signed its region's agreement (declared in regio.yml, named in the partner's file)."""

from __future__ import annotations

from ..model import Agreement, Partner, Region, Site

FAMILY_EXPLANATION = ("Wat betekent dit? De hulpverleners van het netwerk vertellen elkaar alleen iets over jouw "
                      "gezin als jij dat goed vindt, alleen wat nodig is voor wat jullie samen afspraken, en liefst "
                      "terwijl jij erbij bent.")
FILTER_LABEL = "Deelt informatie volgens het afsprakenkader van het netwerk"


def sentence(region: Region, agreement: Agreement) -> str:
    """'Deelt informatie binnen 1 Gezin 1 Plan Dender alleen met jouw toestemming, volgens het afsprakenkader
    van 1 maart 2025.' (plain text)."""
    from .pages import dutch_date

    return (f"Deelt informatie binnen {region.naam} alleen met jouw toestemming, volgens het afsprakenkader van "
            f"{dutch_date(agreement.datum)}.")


def sentences(site: Site, partner: Partner) -> list[str]:
    region = site.region(partner.region)
    return [sentence(region, a) for a in site.agreements_of(partner)]
