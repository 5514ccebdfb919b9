"""The coverage page of a region (``<regio>/dekking/``): where the network has gaps.

A table of the region's municipalities by levensdomein (each cell: how many partners serve that
municipality for that domain, split into "met een adres in de gemeente" and "hele regio of van
buiten"; a cell without any says *hiaat* in words), the population per municipality and partners per
10,000 inhabitants, and a shaded map per levensdomein whose numbers are those in the table. Then the
family's questions (vragen): first, per question, the municipalities where nobody answers it (readable
on a phone, for the yearly plan), then the whole table of questions by municipality, folded away.
The numbers come from coverage.py; this module only writes HTML.
"""

from __future__ import annotations

from ..topics import urls
from .coverage import EXPLANATION, EXPLANATION_QUESTIONS, GAP, SOURCE_POPULATION, RegionCoverage, decimal, number
from .html import e, rel

# Map classes: (lowest count, label); colours are in netwerkkaart-kaart.js (colour-blind safe).
LEGEND = ((0, "hiaat: geen partner"), (1, "1 partner"), (2, "2 of 3 partners"), (4, "4 of meer partners"))


def map_name(region_id: str, domain_id: str) -> str:
    """The coverage map's data: ``kaarten/dekking/<regio>/<levensdomein>.json``."""
    return f"dekking/{region_id}/{domain_id}"


def map_data(coverage: RegionCoverage, domain_index: int) -> dict:
    """What the shaded map of one levensdomein needs: per NIS code [total, with an address here]."""
    shade = {row.municipality.nis: [row.cells[domain_index].total, len(row.cells[domain_index].here),
                                    row.municipality.naam] for row in coverage.rows}
    return {"domeinen": [], "partners": [], "markers": [], "dekking": shade,
            "legenda": [[low, label] for low, label in LEGEND]}


def _cell(cell) -> str:
    if cell.gap:
        return f'<td class="nk-gap"><strong>{GAP}</strong></td>'
    return (f'<td>{cell.total}<br><span class="nk-muted">{len(cell.here)} adres · '
            f'{len(cell.elsewhere)} regio</span></td>')


def coverage_page(coverage: RegionCoverage, page_cls, wrap):
    """The page; ``page_cls`` and ``wrap`` are pages.Page and pages._wrap (passed in: no import cycle)."""
    region = coverage.region
    here = urls.coverage(region.id)
    gaps = coverage.gaps()
    by_municipality: dict[str, list[str]] = {}
    for municipality, domain in gaps:
        by_municipality.setdefault(municipality.naam, []).append(domain.naam)
    gap_list = ("<ul>" + "".join(f"<li><strong>{e(name)}</strong>: {e(', '.join(domains))}</li>"
                                 for name, domains in by_municipality.items()) + "</ul>"
                if gaps else "<p>Geen hiaten: in elke gemeente werkt voor elk levensdomein minstens één partner.</p>")
    head = "".join(f'<th scope="col">{e(d.naam)}</th>' for d in coverage.domains)
    rows = "".join(
        f'<tr><th scope="row"><a href="{rel(here, urls.municipality(region.id, row.municipality.id))}">'
        f"{e(row.municipality.naam)}</a></th>"
        f'<td class="nk-num">{number(row.population)}</td><td class="nk-num">{row.partners}</td>'
        f'<td class="nk-num">{decimal(row.per_10000)}</td>'
        + "".join(_cell(c) for c in row.cells) + "</tr>"
        for row in coverage.rows
    )
    table = (f'<div class="nk-table-scroll" role="region" aria-labelledby="nk-dekking-tabel" tabindex="0">'
             f'<table class="nk-coverage"><caption id="nk-dekking-tabel">Aantal partners per gemeente en '
             f"levensdomein in {e(region.naam)}</caption>"
             f'<thead><tr><th scope="col">Gemeente</th><th scope="col">Inwoners</th>'
             f'<th scope="col">Partners</th><th scope="col">Partners per 10.000 inwoners</th>{head}</tr></thead>'
             f"<tbody>{rows}</tbody></table></div>")
    first = next((i for i, d in enumerate(coverage.domains) if any(row.cells[i].gap for row in coverage.rows)), 0)
    maps = "".join(
        f'<details class="nk-coverage-map"{" open" if i == first else ""}><summary>{e(d.naam)}'
        f' <span class="nk-muted">({sum(row.cells[i].gap for row in coverage.rows)} hiaten)</span></summary>'
        f'<figure class="nk-map"><iframe src="{e(rel(here, urls.MAP_DOCUMENT) + "?d=" + map_name(region.id, d.id))}" '
        f'title="{e(f"Kaart: dekking voor {d.naam} in {region.naam}")}" loading="lazy"></iframe>'
        f"<figcaption>Gemeenten gekleurd volgens het aantal partners voor {e(d.naam)}; de legende staat op de "
        f'kaart. <a href="#nk-dekking-tabel">Dezelfde cijfers staan in de tabel</a>.</figcaption></figure></details>'
        for i, d in enumerate(coverage.domains) if coverage.rows
    )
    questions = _questions(coverage, here)
    body = (
        f"<h1>Dekking in {e(region.naam)}</h1>"
        f'<p class="nk-lead">Waar helpt niemand? Per gemeente en levensdomein, en per vraag van gezinnen: '
        f'hoeveel partners er werken, '
        f"en waar geen enkele partner werkt (een <strong>hiaat</strong>). Voor de omgevingsanalyse en het jaarplan "
        f"van het netwerk.</p>"
        f'<p>Regio: <a href="{rel(here, urls.region(region.id))}">{e(region.naam)}</a></p>'
        f'<h2 id="nk-hiaten">Hiaten ({len(gaps)})</h2>{gap_list}'
        f"<h2>Per gemeente en levensdomein</h2>"
        f"<p>In elke cel: het aantal partners, en daaronder hoeveel er een <strong>adres</strong> in de gemeente "
        f"hebben en hoeveel er voor de hele <strong>regio</strong> of van buiten de gemeente werken.</p>"
        + table
        + questions
        + f'<h2>Hoe lees je dit?</h2><p>{e(EXPLANATION)}</p>'
          f"<p>Partners per 10.000 inwoners telt elke partner die in de gemeente werkt één keer, voor alle "
          f"levensdomeinen samen. Inwoners: {e(SOURCE_POPULATION)}.</p>"
        + (f"<h2>Kaart per levensdomein</h2><p>Kies een levensdomein om de kaart te openen.</p>{maps}" if maps else "")
    )
    return page_cls(here, f"Dekking in {region.naam}", wrap(body, searchable=False), searchable=False)


def _questions(coverage: RegionCoverage, here: str) -> str:
    """The family's questions: a list of the questions with a gap (where nobody answers it, in words),
    then the table of every question by municipality in a closed <details> (wide; it scrolls on a phone)."""
    if not coverage.questions or not coverage.rows:
        return ""
    region = coverage.region
    with_gaps = [(q, missing) for q, missing in coverage.question_gaps() if missing]
    if with_gaps:
        items = "".join(
            f"<li><strong>{e(q.vraag)}</strong><br>{GAP.capitalize()} in {len(missing)} van de "
            f"{len(coverage.rows)} gemeenten: {e(', '.join(m.naam for m in missing))}</li>"
            for q, missing in with_gaps)
        listing = f'<ul class="nk-coverage-gaps">{items}</ul>'
    else:
        listing = "<p>Geen hiaten: voor elke vraag werkt in elke gemeente minstens één partner.</p>"
    head = "".join(f'<th scope="col">{e(row.municipality.naam)}</th>' for row in coverage.rows)
    rows = "".join(
        f'<tr><th scope="row">{e(q.vraag)}</th>' + "".join(_cell(row.question_cells[i]) for row in coverage.rows)
        + "</tr>"
        for i, q in enumerate(coverage.questions))
    table = (f'<details class="nk-coverage-map nk-coverage-questions"><summary>Tabel: alle '
             f"{len(coverage.questions)} vragen per gemeente</summary>"
             f'<div class="nk-table-scroll" role="region" aria-labelledby="nk-dekking-vragen" tabindex="0">'
             f'<table class="nk-coverage nk-coverage-q"><caption id="nk-dekking-vragen">Aantal partners per vraag en '
             f"gemeente in {e(region.naam)}</caption>"
             f'<thead><tr><th scope="col">Vraag</th>{head}</tr></thead><tbody>{rows}</tbody></table></div></details>')
    return (f'<h2 id="nk-hiaten-vragen">Vragen van gezinnen zonder hulp ({len(with_gaps)})</h2>'
            f"<p>Per vraag die gezinnen stellen (de vragen van de "
            f'<a href="{rel(here, urls.WEGWIJZER)}">wegwijzer</a>): de gemeenten waar geen enkele partner die vraag '
            f"beantwoordt, de vragen met de meeste hiaten eerst.</p>{listing}"
            f"<p>{e(EXPLANATION_QUESTIONS)}</p>{table}")
