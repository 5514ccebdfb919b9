"""Render the model into pages: Markdown files (front matter + raw HTML) in memory.

Plain functions, no MkDocs: the plugin adds these pages to the build, and
``netwerkkaart generate`` writes them to disk for any other static site tool.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
import datetime
import json
import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import quote

from ..topics import feedback, freshness, hours, urls
from . import search
from . import offline  # "Bewaar deze regio voor onderweg" (offline.py)
from ..topics import picto  # pictograms for families
from .html import e, icon, link, mailto, paragraphs, rel, route, tel
from .labels import BROAD, BROAD_HELP, COST_LABELS, LOCAL_CONTACT_LABELS, SECRECY, SECRECY_HELP, SIGNUP_LABELS
from .labels import cost_text, language
from ..model import Hours, Municipality, Partner, Region, Signup, Site

from .agreements import FAMILY_EXPLANATION, FILTER_LABEL, sentence, sentences
from ..topics.urls import DIRECTORY, SEARCH, SHEET, WEGWIJZER

HOME = ""
DATA = SHEET + "partners.json"


@dataclass(frozen=True)
class Page:
    url: str  # site-relative, '' for home, else ending in '/'
    title: str
    body: str  # HTML
    source: str | None = None  # data file this page shows, for "edit this page"
    searchable: bool = True
    # What Pagefind reads, when lighter than ``body``: the body without its lists of partners. Those are
    # data-pagefind-ignore and hold no filter or meta, so the index is the same; Pagefind only parses less
    # (the lists were two thirds of the bytes it read at 10,000 partners). None: ``body``.
    search_body: str | None = None

    @property
    def search_document(self) -> str:
        """The HTML of this page that the search index is made from (search.page_document)."""
        return self.body if self.search_body is None else self.search_body

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

    def markdown(self) -> str:
        """The whole page as Markdown (front matter + raw HTML), for any static site tool."""
        return self.stub() + self.body + "\n"

    @property
    def title_text(self) -> str:
        """The title as MkDocs gets it: escaped, because MkDocs puts it into <title> and the nav as it is."""
        return e(self.title)

    def stub(self) -> str:
        """Only the front matter: the MkDocs plugin puts ``body`` in place after Markdown."""
        front = {"title": self.title_text, "hide": ["toc"]}
        lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()] + ["---", ""]
        return "\n".join(lines)


def render_site(site: Site, today: datetime.date | None = None, maps: dict | None = None,
                news: list | None = None, each_region: Callable[[str, list[Page]], None] | None = None) -> list[Page]:
    """All pages. ``maps``: page URL -> the map (``maps.SiteMap``) to embed on that page;
    ``news``: changes from ``history.changes`` (None: no history available).
    ``today``: the build date, if not the one the site was built with (``Site.built``).
    ``each_region(region id, pages)``: called as soon as a region's pages and its partners' pages are
    made, the regions in the order of their ids (the search index starts on them, search.SearchStream).
    The list is in the same order with or without it: the top pages, each region's pages, the partners."""
    if today is not None and today != site.built:
        site = dataclasses.replace(site, built=today)
    today = site.built
    maps = maps or {}
    _ROWS.clear()  # rows of an earlier site (its partners) are of no use here
    _PLACES.clear()
    pages = [home_page(site), *directory_pages(site), search_page(), sheet_page(), news_page(site, news),
             wegwijzer_page(site)]
    regional: dict[str, list[Page]] = {}
    partners: dict[str, Page] = {}
    for region in sorted(site.regions, key=lambda r: r.id):
        own = [region_page(site, region, maps.get(urls.region(region.id)))]
        for municipality in region.municipalities:
            own.append(municipality_page(site, region, municipality,
                                         maps.get(urls.municipality(region.id, municipality.id))))
        for domain in region.life_domains:
            own.append(life_domain_page(site, region, domain.id))
        own.append(_coverage_page(site, region))  # coverage: <regio>/dekking/
        regional[region.id] = own
        theirs = [partner_page(site, p, today, maps.get(urls.partner(p.id))) for p in site.partners_of(region.id)]
        partners.update(zip((p.id for p in site.partners_of(region.id)), theirs))
        if each_region is not None:
            each_region(region.id, own + theirs)
    for region in site.regions:
        pages += regional[region.id]
    pages += [partners.get(p.id) or partner_page(site, p, today, maps.get(urls.partner(p.id))) for p in site.partners]
    _ROWS.clear()
    _PLACES.clear()
    return pages


def _coverage_page(site: Site, region: Region) -> Page:
    from .coverage import region_coverage
    from .coverage_page import coverage_page

    return coverage_page(region_coverage(site, region), Page, _wrap)


def map_figure(here: str, site_map, list_anchor: str, what: str) -> str:
    """An embedded map with its list alternative; nothing when the page has no map."""
    if site_map is None:
        return ""
    if site_map.markers == 1 and what.startswith("plaatsen"):  # "1 plaats", not "1 plaatsen"
        what = "plaats" + what.removeprefix("plaatsen")
    return (f'<figure class="nk-map" data-pagefind-ignore><iframe src="{e(rel(here, urls.MAP_DOCUMENT) + site_map.query)}" title="{e(site_map.title)}" '
            f'loading="lazy"></iframe><figcaption>{site_map.markers} {what} op de kaart. Kies een plaats voor naam, '
            f'levensdomeinen en telefoon. <a href="#{list_anchor}">Dezelfde gegevens als lijst</a>.</figcaption></figure>')


# -- shared pieces ----------------------------------------------------------------

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(iso: str) -> str:
    """'2026-10-01' -> '1 oktober 2026'."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def freshness_notice(site: Site, partner: Partner) -> str:
    """"Niet recent nagekeken (laatst op ...)" when the region's policy says so on the build date; else nothing."""
    if site.freshness(partner) == freshness.FRESH:
        return ""
    return (f'<span class="nk-badge nk-stale" data-nk-versheid="{site.freshness(partner)}">Niet recent nagekeken '
            f'(laatst op {dutch_date(partner.nagekeken_datum)})</span>')


def report_link(site: Site, region: Region, record_id: str, name: str, url: str) -> str:
    """"Klopt er iets niet?" for the page at ``url`` (nothing when the region set no address)."""
    return feedback.link_html(feedback.link(region.report, record_id=record_id, name=name,
                                            page=site.page_address(url), date=site.built.isoformat()))


def built_line(site: Site) -> str:
    return f'<p class="nk-muted nk-built">Gegevens van {dutch_date(site.built.isoformat())}.</p>'


def pick_button(partner: Partner, domain: str | None = None) -> str:
    """The "add to my network" toggle; netwerkkaart.js brings it to life (hidden without JavaScript).
    ``domain``: the levensdomein the partner is picked under (the sheet groups it there)."""
    # not search text: it is on every page, so "netwerk" matched them all
    context = f' data-nk-context="d-{e(domain)}"' if domain else ""
    return (f'<button type="button" class="nk-pick-button" data-nk-toggle="{e(partner.id)}"{context} aria-pressed="false" hidden'
            f' data-pagefind-ignore>'
            f'<span class="nk-pick-label">Voeg toe aan mijn netwerk</span></button>')

def _json_attr(data) -> str:
    """JSON for a single-quoted attribute: its many '"' stay one byte each (with e() each was 6 bytes:
    300 bytes a row in the A-Z list); &, <, > and ' are escaped, so nothing can leave the attribute."""
    return (hours.json_text(data).replace("&", "&amp;").replace("'", "&#x27;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def open_state(opening: Hours, tag: str = "p") -> str:
    """The "nu open" state (icon + text), filled in by nk-open.js when the page is viewed and once a
    minute after; hidden without JavaScript (the hours in words stay). See hours.py. On a page,
    _wrap writes each distinct set of hours once (share_hours)."""
    return f"<{tag} class=\"nk-open\" data-nk-open='{_state_data(opening)}' hidden data-pagefind-ignore></{tag}>"


@functools.lru_cache(maxsize=4096)  # by value: many locations share their hours (55,000 states at 10,000 partners)
def _state_data(opening: Hours) -> str:
    return _json_attr(opening.to_data())


_OPEN_STATE = re.compile(r"<(p|span) class=\"nk-open\" data-nk-open='([^']*)' hidden data-pagefind-ignore></\1>")


def share_hours(body: str) -> tuple[str, str]:
    """Each distinct set of hours once per page (the A-Z list repeated the hours row after row, 16 to
    18 % of its bytes): the states in ``body`` (open_state) become references into a table, returned
    as the attribute for the page's wrapper: data-nk-uren, its plain weekly blocks written short
    (hours.page_hours). nk-open.js resolves data-nk-open-ref against it and gives the element its
    class when it fills it in: until then it is empty and hidden, as before. No states: ``body`` as
    it is and no attribute."""
    table: dict[str, int] = {}

    def ref(match: re.Match) -> str:
        index = table.setdefault(match.group(2), len(table))
        return f'<{match.group(1)} data-nk-open-ref="{index}" hidden></{match.group(1)}>'

    body = _OPEN_STATE.sub(ref, body)
    if not table:
        return body, ""
    return body, f" data-nk-uren='[{','.join(map(_page_entry, table))}]'"


@functools.lru_cache(maxsize=4096)
def _page_entry(text: str) -> str:
    """An open state's data (as open_state wrote it) as an entry of the page's table (share_hours)."""
    return _json_attr(hours.page_hours(json.loads(unescape(text))))


def primary_hours(partner: Partner) -> Hours:
    """The hours a card or list row shows: the first public location with hours, else the first phone line."""
    for loc in partner.locaties:
        if loc.public and loc.hours:
            return loc.hours
    for line in partner.telefoonlijnen:
        if line.hours:
            return line.hours
    return Hours()


def status_details(partner: Partner) -> str:
    """Beroepsgeheim and brede instap in words, each in three states (ja, nee, niet ingevuld), with
    what they mean one tap away (a tooltip never shows on a tablet)."""
    return (f'<details class="nk-status nk-status-{_state(partner.beroepsgeheim)}" data-pagefind-ignore>'
            f'<summary><span><span data-nk-status="beroepsgeheim">{e(SECRECY[partner.beroepsgeheim])}</span> · '
            f'<span data-nk-status="brede-instap">{e(BROAD[partner.brede_instap])}</span></span></summary>'
            f"<p>{e(SECRECY_HELP[partner.beroepsgeheim])}</p><p>{e(BROAD_HELP[partner.brede_instap])}</p></details>")


def _wrap(body: str, searchable: bool = True) -> str:
    attr = " data-pagefind-body" if searchable else ""
    body, table = share_hours(body)  # "nu open": each distinct set of hours once per page
    return f'<div class="nk-page"{attr}{table}>\n{body}\n</div>'


_SKIPPED = re.compile(r"<(\w+)[^>]*\sdata-pagefind-ignore[\s>]")


def _skippable(part: str) -> bool:
    """``part`` is one element that Pagefind skips (data-pagefind-ignore) and holds no filter or metadata
    (those count even inside a skipped element)."""
    found = _SKIPPED.match(part)
    return (found is not None and part.endswith(f"</{found.group(1)}>")
            and "data-pagefind-filter" not in part and "data-pagefind-meta" not in part)


def _searchable_page(here: str, title: str, body: str, skipped: list[str], source: str | None = None) -> Page:
    """A searchable page whose ``body`` holds the parts ``skipped`` (lists of partners, the map, the 1 Gezin
    1 Plan route...: all data-pagefind-ignore): its search document is the body without them (Page.search_body)."""
    skipped = [part for part in skipped if part]
    assert all(_skippable(part) for part in skipped)  # only what Pagefind skips anyway
    lighter = body
    for part in skipped:
        lighter = lighter.replace(part, "")
    # (the open states stay in the lighter body: hidden and data-pagefind-ignore, Pagefind skips them)
    return Page(here, title, _wrap(body), source=source,
                search_body=f'<div class="nk-page" data-pagefind-body>\n{lighter}\n</div>' if skipped else None)


def _domain_names(region: Region) -> dict[str, str]:
    return {d.id: d.naam for d in region.life_domains}


def partner_card(site: Site, partner: Partner, here: str, *, heading: str = "h3", domain: str | None = None) -> str:
    region = site.region(partner.region)
    names = _domain_names(region)
    places = sorted({loc.gemeente for loc in partner.locaties if loc.public})
    where = ", ".join(places) if places else "Geen openbaar adres"
    domains = " ".join(f'<span class="nk-chip">{e(names[d])}</span>' for d in partner.levensdomeinen)
    phone = partner.contact.telefoon
    notice = freshness_notice(site, partner)
    return (
        f'<article class="nk-card nk-partner-card">'
        f'<{heading}><a href="{rel(here, urls.partner(partner.id))}">{e(partner.naam)}</a></{heading}>'
        f'<p class="nk-kind">{e(partner.kind_label)} · {e(where)}</p>'
        + (f'<p>{notice}</p>' if notice else "")
        + f'<p>{e(partner.korte_beschrijving)}</p>'
        f'<p class="nk-chips">{domains}</p>'
        + "".join(f'<p class="nk-agreement-line">{e(line)}</p>' for line in sentences(site, partner))
        + (f'<p class="nk-phone">Bel: {tel(phone)}</p>' if phone else "")
        + open_state(primary_hours(partner))
        + status_details(partner)
        + pick_button(partner, domain)
        + report_link(site, region, partner.id, partner.naam, urls.partner(partner.id))
        + "</article>"
    )


def _compact_row(p: Partner, link: str, domain: str | None) -> str:
    return (f'<li><a href="{link}">{e(p.naam)}</a> <span class="nk-muted">{e(p.kind_label)}</span>'
            + (f" · {tel(p.contact.telefoon)}" if p.contact.telefoon else "") + f" {pick_button(p, domain)}</li>")


# (partner id, path to partners/, domain) -> (partner, row): every municipality page of a region lists
# the same partners under the same levensdomeinen, from the same depth (213,000 rows, 30,000 distinct,
# at 10,000 partners). The partner object is kept and compared, so another site's partner with the same
# id never gets this row.
_ROWS: dict[tuple[str, str, str | None], tuple[Partner, str]] = {}


def _compact_list(partners, here: str, domain: str | None = None) -> str:
    """One line per partner: name, kind and phone (the full cards follow once, lower on the page)."""
    if here.startswith(urls.partner("")[:-1]):  # a page under partners/: links have a common part
        items = "".join(_compact_row(p, rel(here, urls.partner(p.id)), domain) for p in partners)
        return f'<ul class="nk-compact" data-pagefind-ignore>{items}</ul>'
    up = rel(here, urls.partner("")[:-1])  # e.g. "../../../partners/": + id + "/" is rel(here, urls.partner(id))
    rows = []
    for p in partners:
        found = _ROWS.get(key := (p.id, up, domain))
        if found is None or found[0] is not p:
            found = _ROWS[key] = (p, _compact_row(p, f"{up}{p.id}/", domain))
        rows.append(found[1])
    return f'<ul class="nk-compact" data-pagefind-ignore>{"".join(rows)}</ul>'


def _card_list(site: Site, partners, here: str, domain: str | None = None) -> str:
    if not partners:
        return '<p class="nk-empty">Nog geen partners.</p>'
    # Lists of partners are not indexed: a search for a partner should land on the partner's own page.
    return ('<div class="nk-cards" data-pagefind-ignore>' + "".join(partner_card(site, p, here, domain=domain)
                                                                    for p in partners) + "</div>")


def _rows(pairs) -> str:
    """<dt>/<dd> pairs; a pair without a value is left out. Values are HTML built from escaped parts."""
    return "".join(f"<dt>{e(label)}</dt><dd>{value}</dd>" for label, value in pairs if value)


def _reach(telefoon: str | None = None, email: str | None = None, website: str | None = None, chat: str | None = None,
           formulier: str | None = None, phone: str = "Telefoon", mail: str = "E-mail") -> list[tuple[str, str]]:
    """How to reach someone: phone, e-mail, website, chat, online form."""
    return [
        (phone, tel(telefoon) if telefoon else ""),
        (mail, mailto(email) if email else ""),
        ("Website", link(website, website) if website else ""),
        ("Chat", link(chat, "Chatten") if chat else ""),
        ("Online", link(formulier, "Aanmeldformulier") if formulier else ""),
    ]


def _items(values) -> str:
    values = list(values)  # a generator is always true: an empty one made an empty "Hoe" row
    return "<ul>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ul>" if values else ""


def signup_card(aanmelden: Signup, title: str) -> str:
    pairs = _reach(aanmelden.telefoon, aanmelden.email, formulier=aanmelden.formulier, phone="Bellen", mail="Mailen") + [
        ("Hoe", _items(SIGNUP_LABELS[w] for w in aanmelden.via)),
        ("Wie mag aanmelden", e(aanmelden.wie or "")),
        ("Wat meebrengen", _items(aanmelden.meebrengen or ())),
        ("Kostprijs", e(cost_text(aanmelden))),
        ("Wachttijd", e(aanmelden.wachttijd or "")),
        ("Wat volgt", e(aanmelden.wat_volgt or "")),
    ]
    return f'<section class="nk-card nk-signup" aria-label="{e(title)}"><h2>{e(title)}</h2><dl>{_rows(pairs)}</dl></section>'


def route_block(region: Region, here: str) -> str:
    """The region's 1 Gezin 1 Plan route in short, for a family with several questions at once
    (municipality, levensdomein and partner pages). Not search text: it is on thousands of pages."""
    a = region.aanmelden
    ways = [x for x in (f"bel {tel(a.telefoon)}" if a.telefoon else "",
                        link(a.formulier, "meld online aan") if a.formulier else "",
                        f"mail naar {mailto(a.email)}" if a.email else "") if x]
    how = (" Aanmelden: " + ", ".join(ways) + ".") if ways else ""
    follow = f"<p>Wat volgt: {e(a.wat_volgt)}</p>" if a.wat_volgt else ""
    return (f'<section class="nk-card nk-1g1p" aria-label="1 Gezin 1 Plan" data-pagefind-ignore>'
            f"<h2>Meerdere vragen tegelijk?</h2>"
            f"<p>Heeft het gezin vragen op meerdere domeinen tegelijk? Dan helpt {e(region.naam)}: één "
            f"gezinscoach en één plan, samen met het gezin.{how}</p>{follow}"
            f'<p><a href="{rel(here, urls.region(region.id))}">Meer over {e(region.naam)}</a></p></section>')


# -- pages ------------------------------------------------------------------------------

def home_page(site: Site) -> Page:
    here = HOME
    regions = "".join(
        f'<article class="nk-card"><h3><a href="{rel(here, urls.region(r.id))}">{e(r.naam)}</a></h3>'
        f"<p>{e(r.korte_beschrijving)}</p><p>{len(site.partners_of(r.id))} partners in "
        f"{len(r.municipalities)} gemeenten</p></article>"
        for r in site.regions
    )
    options = "".join(
        f'<optgroup label="{e(r.naam)}">' + "".join(
            f'<option value="{rel(here, urls.municipality(r.id, m.id))}">{e(m.naam)}</option>' for m in r.municipalities
        ) + "</optgroup>"
        for r in site.regions
    )
    municipalities = "".join(
        f'<h3>{e(r.naam)}</h3><ul class="nk-columns">'
        + "".join(f'<li><a href="{rel(here, urls.municipality(r.id, m.id))}">{e(m.naam)}</a></li>' for m in r.municipalities)
        + "</ul>"
        for r in site.regions
    )
    body = f"""<h1>Wie helpt waarmee, dicht bij huis?</h1>
<p class="nk-lead">Deze site toont de organisaties in het netwerk rond gezinnen: wie helpt met welke vraag,
in welke gemeente, hoe je je aanmeldt en wat het kost. Kijk er samen met het gezin naar.</p>
{wegwijzer_link(here)}
<form class="nk-search-form" action="{rel(here, SEARCH)}" role="search" data-nk-search data-nk-lazy>
<label for="nk-home-q">Zoek een organisatie, gemeente, postcode of vraag</label>
<input id="nk-home-q" type="search" autocomplete="off" placeholder="bv. OCMW, 9200, schulden, kinderopvang">
<button type="submit">Zoeken</button>
</form>
{search_results()}
<h2>Kies je gemeente</h2>
<form class="nk-pick" data-nk-pick>
<label for="nk-pick-gemeente">Gemeente</label>
<select id="nk-pick-gemeente">{options}</select>
<button type="submit">Toon wie hier helpt</button>
</form>
{municipalities}
<h2>Regio's</h2>
<div class="nk-cards">{regions}</div>
<p><a href="{rel(here, DIRECTORY)}">Alle partners van A tot Z</a></p>
<section class="nk-privacy" aria-label="Over deze site"><h2>Over deze site</h2>
<p>Hier staan alleen gegevens over organisaties. Er staan geen gegevens over gezinnen op deze site,
en wat je hier aanklikt of zoekt, blijft in je browser.</p></section>"""
    return Page(HOME, "Netwerkkaart", _wrap(body, searchable=False), searchable=False)


def region_page(site: Site, region: Region, site_map=None) -> Page:
    here = urls.region(region.id)
    partners = site.partners_of(region.id)
    counts = {d.id: sum(d.id in p.levensdomeinen for p in partners) for d in region.life_domains}
    domains = "".join(
        f'<li><a href="{rel(here, urls.life_domain(region.id, d.id))}">{icon(d.icoon)}<span>{e(d.naam)}</span></a>'
        f" <small>({counts[d.id]})</small><br><span class=\"nk-muted\">{e(d.uitleg)}</span></li>"
        for d in region.life_domains
    )
    municipalities = "".join(
        f'<li><a href="{rel(here, urls.municipality(region.id, m.id))}">{e(m.naam)}</a> '
        f'<span class="nk-muted">{e(", ".join(m.postcodes))}</span></li>'
        for m in region.municipalities
    )
    website = f"<p>{link(region.website, 'Website van het netwerk')}</p>" if region.website else ""
    body = (
        f"<h1 data-pagefind-weight=\"10\">{e(region.naam)}</h1><p class=\"nk-lead\">{e(region.korte_beschrijving)}</p>"
        f"{wegwijzer_link(here)}{offline.panel(region.id, region.naam)}{paragraphs(region.beschrijving)}{website}"
        + signup_card(region.aanmelden, "Aanmelden bij het 1 Gezin 1 Plan-team")
        + (figure := map_figure(here, site_map, "nk-lijst", "plaatsen"))
        + f'<h2>Levensdomeinen</h2><ul class="nk-domains">{domains}</ul>'
        + f'<h2>Gemeenten</h2><ul class="nk-columns">{municipalities}</ul>'
        + f'<p><a href="{rel(here, urls.coverage(region.id))}">Dekking: hoeveel partners per gemeente, levensdomein en vraag van gezinnen, en waar de hiaten zijn</a></p>'
        # One line per partner (the cards are on the municipality pages): a region holds hundreds.
        + f'<h2 id="nk-lijst">Partners ({len(partners)})</h2>'
        + ((listed := _compact_list(partners, here)) if partners else '<p class="nk-empty">Nog geen partners.</p>')
        + report_link(site, region, region.id, region.naam, here) + built_line(site)
    )
    return _searchable_page(here, region.naam, body, [listed, figure] if partners else [figure], source=region.source)


def municipality_page(site: Site, region: Region, municipality: Municipality, site_map=None) -> Page:
    here = urls.municipality(region.id, municipality.id)
    active = site.active_in(municipality)
    located = {p.id for p in site.located_in(municipality)}
    sections = []
    lists: list[str] = []  # left out of the search document (_searchable_page)
    shown: set[str] = set()
    for domain in region.life_domains:
        group = [p for p in active if domain.id in p.levensdomeinen]
        shown.update(p.id for p in group)
        if group:
            lists.append(_compact_list(group, here, domain.id))
            # Collapsed: every partner is listed under each of its levensdomeinen (a phone page was
            # 10,000 px long); the worker opens the domain of the family's question.
            sections.append(f'<details class="nk-domain" id="{e(domain.id)}"><summary>{icon(domain.icoon)} '
                            f'<span>{e(domain.naam)}</span> <span class="nk-muted">({len(group)})</span></summary>'
                            + lists[-1] + "</details>")
    rest = [p for p in active if p.id not in shown]  # e.g. located here, from a region with its own domains
    if rest:
        lists.append(_compact_list(rest, here))
        sections.append(f'<details class="nk-domain"><summary><span>Andere</span> <span class="nk-muted">({len(rest)})'
                        "</span></summary>" + lists[-1] + "</details>")
    contacts = []
    for c in municipality.lokale_contacten:
        name = e(c.naam)
        partner = site.partner(c.partner) if c.partner else None
        # A contact point with a partner file is a partner like any other: its page, its phone, the sheet.
        phone = c.telefoon or (partner.contact.telefoon if partner else None)
        if partner:
            name = f'<a href="{rel(here, urls.partner(partner.id))}">{e(partner.naam)}</a>'
        bits = [b for b in (tel(phone) if phone else "", mailto(c.email) if c.email else "",
                            link(c.website, "website") if c.website else "") if b]
        contacts.append(f"<li><strong>{e(LOCAL_CONTACT_LABELS[c.soort])}:</strong> {name}"
                        + (f" · {' · '.join(bits)}" if bits else "") + (f" {pick_button(partner)}" if partner else "")
                        + "</li>")
    parts = "".join(f"<li>{e(name)} <span class=\"nk-muted\">{e(pc)}</span></li>"
                    for name, pc in municipality.deelgemeenten)
    elsewhere = [p for p in active if p.id not in located]
    cards = _card_list(site, [p for p in active if p.id in located], here)
    others = ("<ul data-pagefind-ignore>" + "".join(f'<li><a href="{rel(here, urls.partner(p.id))}">{e(p.naam)}</a></li>'
                                                     for p in elsewhere) + "</ul>") if elsewhere else ""
    lists += [part for part in (cards, others) if _skippable(part)]
    body = (
        # the page for a municipality's name, before the partners with an address there
        f'<h1 data-pagefind-weight="10">{e(municipality.naam)}</h1>'
        f'<p class="nk-lead">Wie helpt gezinnen in {e(municipality.naam)}? {len(active)} partners, '
        f'waarvan {len(located)} met een adres in {e(municipality.naam)}.</p>'
        f'<p>Regio: <a href="{rel(here, urls.region(region.id))}">{e(region.naam)}</a></p>'
        + wegwijzer_link(here, municipality.naam)
        + offline.panel(region.id, region.naam)  # "Bewaar deze regio voor onderweg" (offline.py)
        + (f'<section class="nk-card"><h2>Lokale aanspreekpunten</h2><ul>{"".join(contacts)}</ul></section>'
           if contacts else "")
        + (f"<h2>Goed om te weten</h2>{paragraphs(municipality.notities)}" if municipality.notities else "")
        + (route := route_block(region, here))
        + (figure := map_figure(here, site_map, "nk-lijst", f"plaatsen in {e(municipality.naam)}"))
        + '<h2 id="nk-lijst">Per levensdomein</h2><p class="nk-muted">Open een levensdomein om te zien wie helpt.</p>'
        + ("".join(sections) or '<p class="nk-empty">Nog geen partners.</p>')
        # Cards only for the partners with an address here: with every partner of the region that
        # works here, a page held hundreds of cards (530 KB at 10,000 partners).
        + f"<h2>Met een adres in {e(municipality.naam)} ({len(located)})</h2>"
        + cards + ("<h2>Werken hier vanuit een andere gemeente</h2>" + others if others else "")
        + f"<h2>Deelgemeenten en postcodes</h2><ul class=\"nk-columns\">{parts}</ul>"
        + report_link(site, region, municipality.id, municipality.naam, here) + built_line(site)
        + search.municipality_tags(municipality)  # a search for only its name finds this page first
    )
    return _searchable_page(here, municipality.naam, body, [*lists, route, figure], source=municipality.source)


def life_domain_page(site: Site, region: Region, domain_id: str) -> Page:
    domain = next(d for d in region.life_domains if d.id == domain_id)
    here = urls.life_domain(region.id, domain_id)
    partners = [p for p in site.partners_of(region.id) if domain_id in p.levensdomeinen]
    body = (
        f"<h1 data-pagefind-weight=\"10\">{icon(domain.icoon)} {e(domain.naam)}</h1><p class=\"nk-lead\">{e(domain.uitleg)}</p>"
        f'<p>In regio <a href="{rel(here, urls.region(region.id))}">{e(region.naam)}</a>: {len(partners)} partners.</p>'
        + (cards := _card_list(site, partners, here, domain_id))
        + (route := route_block(region, here))
    )
    return _searchable_page(here, f"{domain.naam} in {region.naam}", body, [cards, route] if partners else [route])


def _location_block(location, index: int, partner: Partner) -> str:
    if location.vertrouwelijk:  # not even its name: it could say where it is
        return ('<section class="nk-card nk-location"><h3>Vertrouwelijk adres</h3><p>Het adres is vertrouwelijk. '
                "Neem eerst contact op.</p></section>")
    title = e(location.naam) if location.naam else f"Adres in {e(location.gemeente)}"
    lines = [e(location.straat)] if location.straat else []
    place = f"{e(location.postcode)} {e(location.gemeente)}"
    if location.plaats:
        place += f" ({e(location.plaats)})"
    lines.append(place)
    extra = []
    if location.hours:
        words = "".join(f"<li>{e(line)}</li>" for line in hours.week_words(location.hours))
        extra.append(f"<h4>Openingsuren</h4>{open_state(location.hours)}" + (f"<ul>{words}</ul>" if words else "")
                     + _closures_text(location.hours))
    if location.openingsuren_uitleg:
        extra.append(f"<p>{e(location.openingsuren_uitleg)}</p>")
    if location.rolstoeltoegankelijk is True:
        extra.append('<p class="nk-badge nk-ok">Toegankelijk met een rolstoel</p>')
    elif location.rolstoeltoegankelijk is False:
        extra.append('<p class="nk-badge">Niet toegankelijk met een rolstoel</p>')
    directions = (f"<p data-pagefind-ignore>{route(location.lat, location.lon, location.naam or partner.naam)}</p>"
                  if location.lat is not None else "")
    return (f'<section class="nk-card nk-location"><h3>{title}</h3><address>{"<br>".join(lines)}</address>'
            f'{directions}{"".join(extra)}</section>')


def _closures_text(opening: Hours) -> str:
    closed = opening.gesloten
    if not closed:
        return ""
    items = "".join(f"<li>{e(hours.closure_words(c))}</li>" for c in closed)
    return f'<p class="nk-muted">Gesloten:</p><ul>{items}</ul>'


def _phone_lines(partner: Partner) -> str:
    """Phone lines with their own hours, each with its "nu open" state."""
    if not partner.telefoonlijnen:
        return ""
    items = []
    for line in partner.telefoonlijnen:
        words = "".join(f"<li>{e(w)}</li>" for w in hours.week_words(line.hours))
        items.append(f'<section class="nk-card nk-line"><h3>{e(line.naam)}</h3><p>Bel: {tel(line.telefoon)}</p>'
                     + (open_state(line.hours) if line.hours else "")
                     + (f"<ul>{words}</ul>" if words else "")
                     + (f"<p>{e(line.openingsuren_uitleg)}</p>" if line.openingsuren_uitleg else "")
                     + _closures_text(line.hours) + "</section>")
    return "<h2>Telefoonlijnen</h2>" + "".join(items)


def _audience(partner: Partner) -> str:
    d = partner.doelgroep
    who = []
    ages = partner.age_range()
    if ages:
        who.append(f"kinderen en jongeren van {ages[0]} tot {ages[1]} jaar" if ages[1] < 120 else f"vanaf {ages[0]} jaar")
    who += d.groups()
    text = ", ".join(who)
    out = f"<p>Voor {e(text)}.</p>" if text else ""
    if d.uitleg:
        out += f"<p>{e(d.uitleg)}</p>"
    return out


def _for_whom(partner: Partner, languages: str) -> str:
    """The "Voor wie" section; none at all when there is nothing to put under it."""
    body = _audience(partner) + (f"<p>Talen: {e(languages)}</p>" if languages else "")
    return "<h2>Voor wie</h2>" + body if body else ""


# municipality -> its name with deelgemeenten and postcodes, as a partner page's Werkgebied lists it (a
# municipality is in the list of hundreds of partners: 104,000 items, 300 distinct, at 10,000 partners)
_PLACES: dict[int, tuple[object, str]] = {}


def _place_name(m) -> str:
    found = _PLACES.get(id(m))
    if found is None or found[0] is not m:
        made = f'{e(m.naam)}</a>' + (
            f' <span class="nk-muted">({e("; ".join(x for x in (", ".join(n for n, _ in m.deelgemeenten if n != m.naam), ", ".join(m.postcodes)) if x))})</span>'
            if m.deelgemeenten else "")
        found = _PLACES[id(m)] = (m, made)
    return found[1]


def partner_page(site: Site, partner: Partner, today: datetime.date, site_map=None) -> Page:
    here = urls.partner(partner.id)
    region = site.region(partner.region)
    names = _domain_names(region)
    domains = {d.id: d for d in region.life_domains}
    badges = [f'<span class="nk-badge">{e(partner.kind_label)}</span>']
    checked = freshness_notice(site, partner) or (
        f'<span class="nk-badge">Nagekeken op {dutch_date(partner.nagekeken_datum)}</span>')
    c = partner.contact
    contact = _rows(_reach(c.telefoon, c.email, c.website, c.chat))
    languages = ", ".join(language(t) for t in partner.talen)
    area = site.service_area(partner)
    area_items = "".join(f'<li><a href="{rel(here, urls.municipality(region.id, m.id))}">{_place_name(m)}</li>'
                         for m in area)
    area_title = f"Hele regio {e(region.naam)}" if partner.hele_regio else "Deze gemeenten"
    # A partner for the whole region does not answer a search for each of its postcodes: the
    # municipality page does (and lists it). Otherwise "2390" matched thousands of partner pages.
    area_list = f'<ul class="nk-columns"{" data-pagefind-ignore" if partner.hele_regio else ""}>{area_items}</ul>'
    domain_links = " ".join(
        f'<a class="nk-chip" href="{rel(here, urls.life_domain(region.id, d))}">{icon(domains[d].icoon)} {e(names[d])}</a>'
        for d in partner.levensdomeinen
    )
    locations = "".join(_location_block(loc, i + 1, partner) for i, loc in enumerate(partner.locaties))
    # The levensdomein page answers a search for a levensdomein; the chips on every partner page
    # made "kinderopvang" match 2,900 pages at 10,000 partners (118 ms before a first result).
    chips = f'<p class="nk-chips" data-pagefind-ignore>{domain_links}</p>'
    status, route, figure = status_details(partner), route_block(region, here), map_figure(here, site_map, "nk-adressen", "plaatsen")
    body = (
        f'<h1 data-pagefind-weight="10">{e(partner.naam)}</h1>{pick_button(partner)}<p class="nk-badges">{" ".join(badges)} {checked}</p>'
        f'<p class="nk-lead">{e(partner.korte_beschrijving)}</p>'
        + status + chips
        + paragraphs(partner.beschrijving)
        + signup_card(partner.aanmelden, "Hoe aanmelden")
        + _agreement_block(site, partner)
        + (f'<section class="nk-card nk-contact"><h2>Contact</h2><dl>{contact}</dl></section>' if contact else "")
        + _phone_lines(partner)
        + route
        + (f'<h2 id="nk-lijst">Waar</h2>{figure}'
           f'<div id="nk-adressen">{locations}</div>'
           if locations else "<h2>Waar</h2><p>Deze partner heeft geen vast adres voor bezoekers.</p>")
        + _for_whom(partner, languages)
        + f'<h2>Werkgebied</h2><p>{area_title}</p>{area_list}'
        + f'<p class="nk-muted">Nagekeken op {dutch_date(partner.nagekeken_datum)} door {e(partner.nagekeken_door)}. '
          f'Regio: <a href="{rel(here, urls.region(region.id))}">{e(region.naam)}</a>.</p>'
        + report_link(site, region, partner.id, partner.naam, here) + built_line(site)
        + search.partner_tags(site, partner)  # its questions and places, for search by need (last: not in excerpts)
    )
    # the region's municipalities of a partner for the whole region are not search text either (area_list)
    skipped = [status, chips, route, figure] + ([area_list] if partner.hele_regio else [])
    return _searchable_page(here, partner.naam, body, skipped, source=partner.source)


def _agreement_block(site: Site, partner: Partner) -> str:
    """Gedeeld beroepsgeheim: what the partner signed, in words, with a short explanation for families."""
    region = site.region(partner.region)
    items = site.agreements_of(partner)
    if not items:
        return ""
    lines = "".join(
        f'<p class="nk-agreement-line">{e(sentence(region, a))}</p>'
        + (f"<p>{e(a.uitleg)}</p>" if a.uitleg else "")
        + (f"<p>{link(a.tekst, 'Lees het afsprakenkader: ' + a.naam)}</p>" if a.tekst else "")
        for a in items)
    return (f'<section class="nk-card nk-agreement" aria-label="Informatie delen"><h2>Informatie delen</h2>{lines}'
            f'<p class="nk-muted">{e(FAMILY_EXPLANATION)}</p></section>')


DIRECTORY_LIMIT = 1000  # above this, with several regions, the A-Z is one page per region


def directory_pages(site: Site, limit: int = DIRECTORY_LIMIT) -> list[Page]:
    """The A-Z list with filters: one page, or, for a large site with several regions, an index page
    and one page per region (10,000 partners on one page was 5.4 MB of HTML)."""
    title = "Alle partners van A tot Z"
    if len(site.partners) <= limit or len(site.regions) < 2:
        return [_directory(site, DIRECTORY, title, site.partners, site.regions, _open_data(DIRECTORY))]
    here = DIRECTORY
    items = "".join(
        f'<li><a href="{rel(here, urls.directory(r.id))}">{e(r.naam)}</a> '
        f'<span class="nk-muted">({len(site.partners_of(r.id))} partners)</span></li>' for r in site.regions)
    body = (f"<h1>{title}</h1><p>Kies een regio: elke regio heeft een eigen lijst met filters.</p>"
            f'<ul class="nk-columns">{items}</ul>' + _open_data(here))
    pages = [Page(here, title, _wrap(body, searchable=False), searchable=False)]
    for r in site.regions:
        pages.append(_directory(site, urls.directory(r.id), f"Partners van {r.naam} van A tot Z",
                                site.partners_of(r.id), [r],
                                f'<p><a href="{rel(urls.directory(r.id), here)}">Alle regio\'s</a></p>'))
    return pages


def _open_data(here: str) -> str:
    return f"""<h2>Open data</h2>
<p>Alle partners om te downloaden (zonder vertrouwelijke adressen):
<a href="{rel(here, urls.EXPORT + "/partners.csv")}" download>CSV (voor een rekenblad)</a> ·
<a href="{rel(here, urls.EXPORT + "/partners.json")}" download>JSON</a> ·
<a href="{rel(here, urls.EXPORT + "/locaties.geojson")}" download>GeoJSON (locaties)</a> ·
<a href="{rel(here, urls.EXPORT + "/hsds-organisaties.json")}" download>Open Referral HSDS 3.0</a></p>"""


STATES = (("ja", "Ja"), ("nee", "Nee"), ("onbekend", "Niet ingevuld"))


def _state(value: bool | None) -> str:
    return {True: "ja", False: "nee", None: "onbekend"}[value]


def _directory(site: Site, here: str, title: str, partners, regions, footer: str) -> Page:
    rows = []
    municipalities = {}
    domains = {}
    languages = set()
    for region in regions:
        for m in region.municipalities:
            municipalities[m.nis] = m.naam
        for d in region.life_domains:
            domains.setdefault(d.id, d.naam)
    for p in partners:
        area = {m.nis for m in site.service_area(p)} | {loc.nis for loc in p.locaties if loc.public}
        low, high = p.age_range() or (0, 120)
        languages.update(p.talen)
        places = sorted({loc.gemeente for loc in p.locaties if loc.public})
        rows.append(
            f'<li class="nk-row" data-gemeenten="{e(" ".join(sorted(area)))}" data-domeinen="{e(" ".join(p.levensdomeinen))}"'
            f' data-talen="{e(" ".join(p.talen))}" data-kost="{e(p.aanmelden.kostprijs or "")}"'
            f' data-van="{low}" data-tot="{high}" data-partner="{e(p.id)}"'
            f' data-afspraak="{"ja" if site.agreements_of(p) else ""}"'
            f' data-beroepsgeheim="{_state(p.beroepsgeheim)}" data-brede="{_state(p.brede_instap)}">'
            f'<a href="{rel(here, urls.partner(p.id))}">{e(p.naam)}</a> '
            f'<span class="nk-muted">{e(p.kind_label)}{" · " + e(", ".join(places)) if places else ""}</span>'
            f'{open_state(primary_hours(p), "span")}{pick_button(p)}</li>'
        )

    def options(pairs) -> str:
        return '<option value="">Alle</option>' + "".join(f'<option value="{e(k)}">{e(v)}</option>' for k, v in pairs)

    agreement_filter = ""
    if any(r.agreements for r in regions):  # gedeeld beroepsgeheim
        agreement_filter = (f'<div><label for="nk-f-afspraak">Gedeeld beroepsgeheim</label>'
                            f'<select id="nk-f-afspraak" data-filter="afspraak">'
                            f'{options([("ja", FILTER_LABEL)])}</select></div>\n')
    body = f"""<h1>{e(title)}</h1>
<form class="nk-filters" data-nk-filters aria-label="Filters">
<div><label for="nk-f-gemeente">Gemeente</label><select id="nk-f-gemeente" data-filter="gemeenten">{options(sorted(municipalities.items(), key=lambda kv: kv[1]))}</select></div>
<div><label for="nk-f-domein">Levensdomein</label><select id="nk-f-domein" data-filter="domeinen">{options(sorted(domains.items(), key=lambda kv: kv[1]))}</select></div>
<div><label for="nk-f-leeftijd">Leeftijd kind (jaar)</label><input id="nk-f-leeftijd" type="number" min="0" max="120" inputmode="numeric" data-filter="leeftijd"></div>
<div><label for="nk-f-taal">Taal</label><select id="nk-f-taal" data-filter="talen">{options(sorted(((t, language(t)) for t in languages), key=lambda kv: kv[1]))}</select></div>
<div><label for="nk-f-kost">Kostprijs</label><select id="nk-f-kost" data-filter="kost">{options(COST_LABELS.items())}</select></div>
<div><label for="nk-f-open">Open</label><select id="nk-f-open" data-filter="open"><option value="">Alle</option><option value="nu">Nu open</option><option value="vandaag">Vandaag open</option></select></div>
<div><label for="nk-f-geheim">Beroepsgeheim</label><select id="nk-f-geheim" data-filter="beroepsgeheim">{options(STATES)}</select></div>
<div><label for="nk-f-brede">Brede instap</label><select id="nk-f-brede" data-filter="brede">{options(STATES)}</select></div>
{agreement_filter}</form>
<details class="nk-explain"><summary>Wat betekenen beroepsgeheim en brede instap?</summary>
<p><strong>Beroepsgeheim:</strong> {e(SECRECY_HELP[True])}</p>
<p><strong>Brede instap:</strong> {e(BROAD_HELP[True])}</p></details>
<p class="nk-count" role="status" aria-live="polite"><span data-nk-count>{len(rows)}</span> van {len(rows)} partners</p>
<p class="nk-none" data-nk-none hidden>Geen enkele partner past bij deze filters.
<button type="button" data-nk-reset>Wis alle filters</button></p>
<ul class="nk-directory" data-nk-directory>
{"".join(rows)}
</ul>
{footer}"""
    return Page(here, title, _wrap(body, searchable=False), searchable=False)


def news_page(site: Site, news: list | None) -> Page:
    """"Wat is nieuw": per region and per week, per partner per day what changed (``history.entries``;
    the older ``history.changes`` list is accepted too). None or empty: no history."""
    here = urls.NEWS
    if not news:
        body = ("<h1>Wat is nieuw</h1><p>Er is geen geschiedenis van de gegevens beschikbaar (de site werd "
                "gebouwd zonder git). Elke partnerpagina toont wel wanneer ze het laatst is nagekeken.</p>")
        return Page(here, "Wat is nieuw", _wrap(body, searchable=False), searchable=False)
    from .history import Entry, FEED, week_of

    items = [c if isinstance(c, Entry) else Entry(c.date, c.path.split("/")[1], c.partner_id,
                                                  (site.partner(c.partner_id).naam if site.partner(c.partner_id)
                                                   else c.partner_id), (c.kind,)) for c in news]
    names = {r.id: r.naam for r in site.regions}
    by_region: dict[str, list] = {}
    for item in items:
        by_region.setdefault(item.region, []).append(item)
    order = [r.id for r in site.regions if r.id in by_region] + sorted(set(by_region) - set(names))
    parts = []
    for region in order:
        parts.append(f"<h2>{e(names.get(region, region))}</h2>")
        weeks: dict[tuple[int, int], list] = {}
        for item in by_region[region]:
            weeks.setdefault(week_of(item.date), []).append(item)
        for (year, week), group in weeks.items():
            monday = datetime.date.fromisocalendar(year, week, 1)
            sunday = monday + datetime.timedelta(days=6)
            lines = []
            for item in group:
                partner = site.partner(item.partner_id)
                name = (f'<a href="{rel(here, urls.partner(item.partner_id))}">{e(partner.naam)}</a>'
                        if partner and not item.removed else e(item.name))
                lines.append(f"<li>{dutch_date(item.date)}: {name}: {e(', '.join(item.what))}</li>")
            parts.append(f"<h3>Week {week} van {year} ({dutch_date(monday.isoformat())} tot "
                         f"{dutch_date(sunday.isoformat())})</h3><ul>{''.join(lines)}</ul>")
    body = ("<h1>Wat is nieuw</h1><p>Wat er veranderde aan de partners, per regio en per week, de nieuwste eerst. "
            f'Volg het met een feedlezer: <a href="{rel(here, FEED)}" type="application/atom+xml">Atom-feed</a>.</p>')
    return Page(here, "Wat is nieuw", _wrap(body + "".join(parts), searchable=False), searchable=False)


def news_feed(site: Site, news: list | None, title: str = "Netwerkkaart: wat is nieuw") -> str:
    """The Atom feed beside "Wat is nieuw" (``history.entries``; empty without history)."""
    from .history import atom

    return atom(list(news or []), site_url=site.site_url, title=title, updated=site.built,
                names={r.id: r.naam for r in site.regions},
                page_of=lambda pid: site.page_address(urls.partner(pid)) if site.partner(pid) else None)


def sheet_page() -> Page:
    here = SHEET
    # lang: the family's language (i18n.py, nk-taal.js): data-nk-family gets lang/dir, data-nk-t a key
    body = f"""<div class="nk-family" data-nk-family>
<h1 data-nk-t="sheet.title">Mijn netwerk</h1>
<p class="nk-taal" data-nk-taal></p>
<p class="nk-lead" data-nk-t="sheet.lead">De organisaties die je samen met het gezin koos, met hoe je je aanmeldt. Druk de lijst af
of deel de link, zodat het gezin ze mee naar huis neemt.</p>
<div class="nk-sheet-tools" data-nk-sheet-tools>
<button type="button" data-nk-print data-nk-t="sheet.print">Afdrukken</button>
<button type="button" data-nk-copy data-nk-t="sheet.copy">Kopieer de link</button>
<button type="button" data-nk-clear data-nk-t="sheet.clear">Leeg maken</button>
<label class="nk-remember"><input type="checkbox" data-nk-remember> <span data-nk-t="sheet.remember">Onthoud op dit toestel</span></label>
</div>
<p class="nk-count" role="status" aria-live="polite" data-nk-sheet-status>Je hebt nog niemand gekozen. Kies
partners met de knop <strong>Voeg toe aan mijn netwerk</strong> op hun pagina of in de lijsten.</p>
<div class="nk-sheet" data-nk-sheet data-src="{rel(here, DATA)}" data-picto="{rel(here, picto.SPRITE)}"></div>
<figure class="nk-map" data-nk-sheet-map hidden><iframe data-src="{rel(here, urls.MAP_DOCUMENT) + "?d=mijn-netwerk"}"
title="Kaart van mijn netwerk" data-nk-t-title="sheet.map_title"></iframe><figcaption data-nk-t="sheet.map_caption">De adressen van je netwerk op een kaart. Dezelfde adressen staan
hierboven bij elke partner.</figcaption></figure>
<section class="nk-notes" aria-label="Notities" data-nk-t-label="sheet.notes"><h2 data-nk-t="sheet.notes">Notities</h2>
<p data-nk-t="sheet.notes_text">Schrijf hier met de hand wat jullie afspraken.</p><div class="nk-lines"></div></section>
<p class="nk-sheet-source" data-nk-sheet-source></p>
<section class="nk-privacy" aria-label="Wat wordt bewaard" data-nk-t-label="sheet.privacy_title"><h2 data-nk-t="sheet.privacy_title">Wat wordt bewaard?</h2>
<p data-nk-t="sheet.privacy_text">Je keuze staat alleen in deze browser: in het adres van deze pagina na het teken # (dat deel stuurt
een browser nooit naar een server) en in dit tabblad tot je het sluit. Alleen als je <em>Onthoud op dit
toestel</em> aanvinkt, blijft ze ook daarna op dit toestel. <em>Leeg maken</em> wist alles. Er wordt
niets over het gezin bewaard of verstuurd: typ geen namen of notities, schrijf ze op papier.</p></section>
<noscript><p>Mijn netwerk werkt met JavaScript.</p></noscript>
</div>"""
    return Page(here, "Mijn netwerk", _wrap(body, searchable=False), searchable=False)


def search_results() -> str:
    """Where netwerkkaart.js shows search results (search page, and in place on the home page)."""
    return ('<p class="nk-count" role="status" aria-live="polite" data-nk-search-status></p>\n'
            '<ol class="nk-results" data-nk-results></ol>\n'
            '<p class="nk-more"><button type="button" data-nk-more hidden>Meer resultaten</button></p>')


def search_page() -> Page:
    body = """<h1>Zoeken</h1>
<form class="nk-search-form" role="search" data-nk-search>
<label for="nk-q">Zoek een organisatie, gemeente, deelgemeente, postcode of vraag</label>
<input id="nk-q" type="search" autocomplete="off" placeholder="bv. Sociaal Huis Zele, 2390, K&amp;G, geldproblemen">
<button type="submit">Zoeken</button>
</form>
""" + search_results() + """
<noscript><p>Zoeken werkt met JavaScript. Gebruik anders de lijst <a href="../a-z/">van A tot Z</a>.</p></noscript>"""
    return Page(SEARCH, "Zoeken", _wrap(body, searchable=False), searchable=False)


def wegwijzer_link(here: str, place: str | None = None) -> str:
    """The way into the wegwijzer; from a municipality page with that place already chosen."""
    target = rel(here, WEGWIJZER) + (f"#waar={quote(place, safe='')}" if place else "")
    text = f"Wegwijzer: wie helpt in {e(place)} met de vraag van het gezin?" if place else \
        "Wegwijzer: van de vraag van het gezin naar de juiste hulp"
    return (f'<p class="nk-ww-link" data-pagefind-ignore><a href="{e(target)}">{icon("material/sign-direction")}'
            f"<span>{text}</span></a></p>")


def _picto(here: str, name: str, label_id: str | None = None) -> str:
    """A pictogram for families from the shared sprite (picto.py), named by ``label_id`` or hidden."""
    return picto.svg(f"{rel(here, picto.SPRITE)}#{name}", label_id=label_id)


def wegwijzer_page(site: Site) -> Page:
    """Where, for whom, what: the answer is drawn in the browser by wegwijzer.js from wegwijzer.py's data."""
    from .wegwijzer import INDEX

    here = WEGWIJZER
    places = []
    for r in site.regions:
        for m in r.municipalities:
            places.append(m.naam)
            places += [f"{name} ({m.naam})" for name, _ in m.deelgemeenten if name != m.naam]
            places += [f"{pc} {m.naam}" for pc in m.postcodes]
    options = "".join(f'<option value="{e(p)}"></option>' for p in dict.fromkeys(places))
    # One button per question; a question a region writes differently gets its own button for that region.
    buttons: dict[tuple[str, str], dict] = {}
    domains: dict[str, object] = {}
    for r in site.regions:
        for d in r.life_domains:
            domains.setdefault(d.id, d)
        for q in r.questions:
            key = (q.id, q.vraag)
            buttons.setdefault(key, {"q": q, "regions": []})["regions"].append(r.id)
    groups: dict[str, list[str]] = {}
    # lang: only the standard wording of a question or levensdomein is translated
    from ..topics.i18n import translatable
    for (qid, _), item in buttons.items():
        q = item["q"]
        domain = domains[q.levensdomeinen[0]]
        groups.setdefault(domain.id, []).append(
            f'<button type="button" class="nk-ww-vraag" aria-pressed="false" data-vraag="{e(qid)}" '
            f'data-regios="{e(" ".join(item["regions"]))}">{_picto(here, picto.for_question(q, domains))}'
            f'<span{translatable("vraag", qid, q.vraag)}>{e(q.vraag)}</span></button>')
    wat = "".join(  # the levensdomein's pictogram is named by the group's name beside it
        f'<div class="nk-ww-groep" data-nk-ww-groep><p class="nk-ww-groepnaam">'
        f'{_picto(here, picto.for_domain(domains[d]), f"nk-ww-d-{d}")}<span id="nk-ww-d-{e(d)}"{translatable("domein", d, domains[d].naam)}>'
        f'{e(domains[d].naam)}</span></p>{"".join(items)}</div>'
        for d, items in sorted(groups.items(), key=lambda kv: list(domains).index(kv[0])))
    # lang: the family's language (i18n.py, nk-taal.js): data-nk-family gets lang/dir, data-nk-t a key
    body = f"""<div class="nk-family" data-nk-family>
<h1 data-nk-t="ww.title">Wegwijzer</h1>
<p class="nk-taal" data-nk-taal></p>
<p class="nk-lead" data-nk-t="ww.lead">Van de vraag van het gezin naar wie kan helpen. Kies samen waar het gezin woont, voor wie
de hulp is en wat de vraag is: alles mag, in elke volgorde. Wat je kiest, blijft in deze browser.</p>
<div class="nk-ww-layout">
<form class="nk-ww" data-nk-wegwijzer data-src="{e(rel(here, INDEX))}" data-site="{e(rel(here, HOME))}" data-picto="{e(rel(here, picto.SPRITE))}" aria-label="Wegwijzer" data-nk-t-label="ww.title">
<fieldset class="nk-ww-waar"><legend data-nk-t="ww.where">Waar woont het gezin?</legend>
<label for="nk-ww-waar" data-nk-t="ww.where_label">Gemeente, deelgemeente of postcode</label>
<div class="nk-ww-row"><input id="nk-ww-waar" type="text" list="nk-ww-plaatsen" autocomplete="off" placeholder="naam of postcode" data-nk-t-placeholder="ww.where_placeholder" translate="no">
<datalist id="nk-ww-plaatsen">{options}</datalist></div>
<p class="nk-ww-plaats" data-nk-ww-plaats></p>
</fieldset>
<fieldset class="nk-ww-wie"><legend data-nk-t="ww.who">Voor wie?</legend>
<label for="nk-ww-leeftijd" data-nk-t="ww.ages_label">Leeftijd van de kinderen, in jaren (bv. 2, 7)</label>
<input id="nk-ww-leeftijd" type="text" inputmode="numeric" autocomplete="off" placeholder="bv. 2, 7" data-nk-t-placeholder="ww.ages_placeholder">
<label class="nk-ww-check" for="nk-ww-jong"><input id="nk-ww-jong" type="checkbox"> <span data-nk-t="ww.young">Ik ben zelf jonger dan 25</span></label>
</fieldset>
<fieldset class="nk-ww-wat"><legend data-nk-t="ww.what">Wat is de vraag? Kies er één of meer.</legend>
{wat}
</fieldset>
<fieldset class="nk-ww-open"><legend data-nk-t="ww.open">Open</legend>
<label class="nk-ww-check" for="nk-ww-open-alle"><input id="nk-ww-open-alle" type="radio" name="nk-ww-open" value="" checked> <span data-nk-t="ww.open_all">Alle</span></label>
<label class="nk-ww-check" for="nk-ww-open-nu"><input id="nk-ww-open-nu" type="radio" name="nk-ww-open" value="nu"> <span data-nk-t="ww.open_now">Nu open</span></label>
<label class="nk-ww-check" for="nk-ww-open-vandaag"><input id="nk-ww-open-vandaag" type="radio" name="nk-ww-open" value="vandaag"> <span data-nk-t="ww.open_today">Vandaag open</span></label>
</fieldset>
<p class="nk-ww-tools"><button type="reset" data-nk-ww-reset data-nk-t="ww.reset">Alles wissen</button></p>
<p class="nk-ww-jump"><button type="button" data-nk-ww-jump hidden></button></p>
</form>
<section class="nk-ww-side" id="nk-ww-resultaat" aria-labelledby="nk-ww-resultaat-titel" tabindex="-1">
<h2 class="nk-ww-side-title" id="nk-ww-resultaat-titel" data-nk-t="ww.results">Wie kan helpen</h2>
<p class="nk-count" role="status" aria-live="polite" data-nk-ww-status></p>
<div class="nk-ww-result" data-nk-ww-result></div>
</section>
</div>
<noscript><p>De wegwijzer werkt met JavaScript. Kies anders je gemeente op de <a href="{rel(here, HOME)}">startpagina</a>.</p></noscript>
</div>
<link rel="stylesheet" href="{rel(here, "assets/netwerkkaart/wegwijzer.css")}">
<script src="{rel(here, "assets/netwerkkaart/wegwijzer.js")}"></script>"""
    return Page(here, "Wegwijzer", _wrap(body, searchable=False), searchable=False)
