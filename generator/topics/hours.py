"""Opening hours: checks (NK319, NK340-NK346), weekly hours in words, Belgian public holidays.

The "open now" state is computed in the browser, at the moment of viewing (the site is built days
before anyone reads it): theme/assets/netwerkkaart/nk-open.js. This module gives that script what
it needs: the hours of a location or phone line as a small JSON object (``model.Hours.to_data``, the
record's own keys) and the Belgian public holidays of the current and next two years
(:func:`holidays_script`, computed at build time with the ``holidays`` package, country BE).

Past midnight: a block whose ``tot`` is earlier than its ``van`` runs on into the next day, when it
opens after noon and closes before noon (``van: "22:00"``, ``tot: "02:00"``); otherwise it is a
mistake (NK319). Seasonal blocks (``geldig_van``/``geldig_tot``) replace the regular blocks on the
days of their period; a date is ``jjjj-mm-dd`` (once) or ``mm-dd`` (every year).
"""

from __future__ import annotations

import datetime
import json
import re
from typing import TYPE_CHECKING, Callable

from ..render.labels import DAYS as DAY_NAMES
from ..load.yamlload import Path

if TYPE_CHECKING:
    from ..model import Block, Closure, Hours

DAY_CODES = ("ma", "di", "wo", "do", "vr", "za", "zo")
HOURS_KEYS = ("openingsuren", "op_afspraak", "dag_en_nacht", "open_op_feestdagen", "gesloten")
DAY = 24 * 60
WEEK = 7 * DAY


def is_weekday(value: object) -> bool:
    return not isinstance(value, str) or value in DAY_CODES


def is_period_date(value: object) -> bool:
    """'jjjj-mm-dd' or 'mm-dd' (every year; 02-29 allowed) that exists in the calendar."""
    if not isinstance(value, str):
        return True
    try:
        if len(value) == 5:
            datetime.date(2000, int(value[:2]), int(value[3:]))  # a leap year
        else:
            datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def overnight(van: str, tot: str) -> bool:
    """A block that runs on past midnight: opens after noon, closes before noon the next day."""
    return tot < van and van > "12:00" and tot < "12:00"


# -- checks --------------------------------------------------------------------------------------

At = Callable[..., object]  # at(path, code, **fields) -> Problem


def check(holder: dict, path: Path, at: At) -> list:
    """Problems in the hours of one location or phone line (the record passed its schema).

    Cheap on purpose: a handful of blocks per location, no dates expanded (10,000 partners)."""
    out = []
    blocks = holder.get("openingsuren")
    if holder.get("dag_en_nacht") and blocks:
        out.append(at(path + ("openingsuren",), "NK346"))
    for i, closure in enumerate(holder.get("gesloten", ())):
        if closure.get("tot", closure["van"]) < closure["van"]:
            out.append(at(path + ("gesloten", i, "tot"), "NK341", van=closure["van"], tot=closure["tot"],
                          first="van", last="tot"))
    if not blocks:
        return out
    groups: dict[tuple, list] = {}
    for i, block in enumerate(blocks):
        where = path + ("openingsuren", i)
        start, end = block.get("geldig_van"), block.get("geldig_tot")
        if start and end and len(start) == len(end) == 10 and end < start:
            out.append(at(where + ("geldig_tot",), "NK341", van=start, tot=end, first="geldig_van", last="geldig_tot"))
        if block.get("gesloten"):
            groups.setdefault((start, end), []).append((i, block, None))
            continue
        missing = [key for key in ("van", "tot") if key not in block]
        if missing:  # not in the schema: an if/then there cost 0.25 s per 10,000 partners (fastjsonschema)
            out += [at(where, "NK201", field=key, where=" in dit blok openingsuren (of zet gesloten: true)",
                       example=f'{key}: "{"09:00" if key == "van" else "12:00"}"') for key in missing]
            continue
        van, tot = block["van"], block["tot"]
        if van == tot:
            out.append(at(where + ("tot",), "NK344", van=van))
            continue
        if tot < van and not overnight(van, tot):
            out.append(at(where + ("tot",), "NK319", van=van, tot=tot))
            continue
        length = minutes(tot) - minutes(van) + (DAY if tot < van else 0)
        groups.setdefault((start, end), []).append((i, block, length))
    if len(blocks) < 2:
        return out  # one block cannot overlap itself (past midnight it ends before noon, it opens after)
    for (start, end), members in groups.items():
        period = f" (van {start or 'het begin'} tot {end or 'het einde'})" if start or end else ""
        closed = {d: i for i, b, length in members if length is None for d in b["dagen"]}
        spans = []  # (start minute in the week, end minute, index, block, day)
        for i, block, length in members:
            if length is None:
                continue
            for day in block["dagen"]:
                if day in closed:
                    out.append(at(path + ("openingsuren", i, "dagen", block["dagen"].index(day)), "NK343",
                                  day=DAY_NAMES[day].capitalize(), period=period))
                    continue
                begin = DAY_CODES.index(day) * DAY + minutes(block["van"])
                spans.append((begin, begin + length, i, block, day))
                if begin + length > WEEK:  # Sunday past midnight runs into Monday
                    spans.append((begin - WEEK, begin + length - WEEK, i, block, day))
        spans.sort(key=lambda s: (s[0], s[1]))
        reported = set()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1] and (b[2], b[4]) not in reported:
                reported.add((b[2], b[4]))
                out.append(at(path + ("openingsuren", b[2], "van"), "NK340", day=DAY_NAMES[b[4]], day_code=b[4],
                              van=b[3]["van"], tot=b[3]["tot"], other_van=a[3]["van"], other_tot=a[3]["tot"],
                              period=period))
    return out


# -- for the browser and the sheet ------------------------------------------------------------------

def json_text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# A page's table of hours (pages.share_hours) writes a plain weekly block as one short string,
# "ma,di,do 09:00-12:30" (a third of its JSON); nk-open.js (expand) reads it back as the block.
_DAY = "(?:ma|di|wo|do|vr|za|zo)"
PAGE_BLOCK = re.compile(rf"({_DAY}(?:,{_DAY})*) ([0-9]{{2}}:[0-9]{{2}})-([0-9]{{2}}:[0-9]{{2}})")


def page_hours(data: dict) -> dict:
    """The hours for a page's table: each block with only ``dagen``, ``van`` and ``tot`` as a short
    string (PAGE_BLOCK); any other block, and every other key, as it is."""
    blocks = data.get("openingsuren")
    if not isinstance(blocks, list):
        return data

    def short(block):
        if not isinstance(block, dict) or set(block) != {"dagen", "van", "tot"} or not isinstance(block["dagen"], list):
            return block
        text = f"{','.join(map(str, block['dagen']))} {block['van']}-{block['tot']}"
        match = PAGE_BLOCK.fullmatch(text)
        # only when it reads back as the same block
        return text if match and match.group(1).split(",") == block["dagen"] and match.group(2, 3) == (
            block["van"], block["tot"]) else block

    return {**data, "openingsuren": [short(b) for b in blocks]}


def closure_words(closure: Closure) -> str:
    """'24 december 2026 tot en met 1 januari 2027: kerstvakantie'."""
    start, stop = closure.van, closure.tot or closure.van
    when = _date_text(start) if stop == start else f"{_date_text(start)} tot en met {_date_text(stop)}"
    return f"{when}: {closure.reden}"


def _days_text(days: list[str], short: bool = False) -> str:
    """['ma','di','wo','do','vr'] -> 'maandag tot vrijdag' (short: 'ma-vr'); ['ma','wo'] -> 'maandag en woensdag'."""
    idx = sorted(DAY_CODES.index(d) for d in days)
    if short:
        if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
            return f"{DAY_CODES[idx[0]]}\u2013{DAY_CODES[idx[-1]]}"
        return ", ".join(DAY_CODES[i] for i in idx)
    if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAY_NAMES[DAY_CODES[idx[0]]]} tot {DAY_NAMES[DAY_CODES[idx[-1]]]}"
    names = [DAY_NAMES[DAY_CODES[i]] for i in idx]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _date_text(value: str) -> str:
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
    if len(value) == 5:
        return f"{int(value[3:])} {months[int(value[:2]) - 1]}"
    d = datetime.date.fromisoformat(value)
    return f"{d.day} {months[d.month - 1]} {d.year}"


def block_words(block: Block, short: bool = False) -> str:
    """One block in words: 'Maandag tot vrijdag van 09:00 tot 12:00 (van 1 juli tot en met 31 augustus)';
    short, for the printed sheet: 'ma-vr 09:00-12:00 (1 juli-31 augustus)'."""
    if short:
        text = _days_text(block.dagen, True) + (" gesloten" if block.gesloten else f" {block.van}\u2013{block.tot}")
        start, stop = block.geldig_van, block.geldig_tot
        if start or stop:
            text += f" ({_date_text(start) if start else ''}\u2013{_date_text(stop) if stop else ''})"
        return text
    days = _days_text(block.dagen)
    if block.gesloten:
        text = f"{days}: gesloten"
    else:
        end = block.tot + (" (de volgende dag)" if block.tot < block.van else "")
        text = f"{days} van {block.van} tot {end}"
    start, stop = block.geldig_van, block.geldig_tot
    if start and stop:
        text += f" (van {_date_text(start)} tot en met {_date_text(stop)})"
    elif start:
        text += f" (vanaf {_date_text(start)})"
    elif stop:
        text += f" (tot en met {_date_text(stop)})"
    return text[0].upper() + text[1:]


def week_words(holder: Hours, holidays: bool = True, short: bool = False) -> list[str]:
    """The weekly hours in words, a line per block, for pages; the printed sheet has them short and
    lists the closed days of the next 4 weeks instead of the holiday rule (``holidays=False``)."""
    lines = []
    if holder.dag_en_nacht:
        lines.append("Dag en nacht bereikbaar" + ("" if short else ", ook op zon- en feestdagen."))
    if holder.op_afspraak:
        lines.append("op afspraak" if short else "Alleen op afspraak" + (", afspraken:" if holder.openingsuren else "."))
    lines += [block_words(b, short) for b in holder.openingsuren]
    if holidays and holder.openingsuren and not holder.dag_en_nacht:
        lines.append("Ook open op feestdagen." if holder.open_op_feestdagen else "Gesloten op feestdagen.")
    return lines


# -- Belgian public holidays ------------------------------------------------------------------------

def public_holidays(first_year: int, years: int = 3) -> dict[str, str]:
    """ISO date -> Dutch name of the Belgian public holidays, from the ``holidays`` package."""
    import holidays  # only at build time

    found = holidays.country_holidays("BE", years=range(first_year, first_year + years), language="nl")
    return {day.isoformat(): name for day, name in sorted(found.items())}


HOLIDAYS_ASSET = "assets/netwerkkaart/feestdagen.js"


def holidays_script(today: datetime.date | None = None) -> str:
    """The generated script that gives nk-open.js the holidays of this year and the next two."""
    today = today or datetime.date.today()
    data = json.dumps(public_holidays(today.year), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return ("/* Belgische wettelijke feestdagen, berekend bij het bouwen (Python-pakket holidays, land BE). */\n"
            f"window.NKOpenFeestdagen = {data};\n")


# -- exports ------------------------------------------------------------------------------------------

DAYS_ICAL = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}


def csv_cell(per_location: list[Hours]) -> str:
    """The CSV column 'openingsuren': per location (in the order of the other location columns) its
    hours as JSON, so an import gives back exactly the same fields. Empty when no location has hours."""
    cells = [h.to_data() for h in per_location]
    return json_text(cells) if any(cells) else ""  # type: ignore[arg-type]


def from_csv_cell(text: str) -> list[dict]:
    """The reverse of :func:`csv_cell` (the import validates the result against the schema)."""
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise ValueError("geen lijst van blokken")
    return [{k: v for k, v in x.items() if k in HOURS_KEYS} for x in value]


def _season_dates(block: Block, today: datetime.date) -> tuple[str | None, str | None]:
    """geldig_van/geldig_tot as full dates: a yearly period ('07-01') becomes this year's (or the
    coming one's, when it is over), a period over New Year ends the next year."""
    start, stop = block.geldig_van, block.geldig_tot
    if (not start or len(start) == 10) and (not stop or len(stop) == 10):
        return start, stop
    year = today.year
    first = start[-5:] if start else "01-01"
    last = stop[-5:] if stop else "12-31"
    wraps = last < first
    if f"{year + (1 if wraps else 0)}-{last}" < today.isoformat():
        year += 1
    if first == "02-29" or last == "02-29":  # only in leap years
        first, last = first.replace("02-29", "02-28"), last.replace("02-29", "02-28")
    return f"{year}-{first}", f"{year + (1 if wraps else 0)}-{last}"


def hsds_schedules(holder: Hours, note: str | None, key: tuple, make_id, today: datetime.date, label: str = "",
                   **links) -> list[dict]:
    """HSDS 3.0 ``schedule`` objects for one location or phone line: a weekly schedule per block
    (``byday``, ``opens_at``, ``closes_at``, a season as ``valid_from``/``valid_to``), and a schedule
    per closure (``valid_from``/``valid_to``, no hours, described as 'Gesloten'). Times are Belgian
    wall-clock time (the 3.0 ``timezone`` is a fixed UTC offset: 1, winter time); ``note``: the hours'
    openingsuren_uitleg. See docs/over-openingsuren.md."""
    out = []
    prefix = f"{label}: " if label else ""
    base = {"timezone": 1.0, **{k: v for k, v in links.items() if v}}
    if holder.op_afspraak:
        base["attending_type"] = "op afspraak"
    if holder.dag_en_nacht:
        out.append({"id": make_id(*key, "dag-en-nacht"), **base, "freq": "WEEKLY", "byday": ",".join(DAYS_ICAL.values()),
                    "opens_at": "00:00", "closes_at": "23:59",
                    "description": prefix + "Dag en nacht bereikbaar, ook op zon- en feestdagen." + (f" {note}" if note else "")})
    for j, block in enumerate(holder.openingsuren if not holder.dag_en_nacht else ()):
        if block.gesloten:
            continue  # a closed day is a day without a schedule (in its season)
        item = {"id": make_id(*key, str(j)), **base, "freq": "WEEKLY",
                "byday": ",".join(DAYS_ICAL[day] for day in block.dagen),
                "opens_at": block.van, "closes_at": "23:59" if block.tot == "24:00" else block.tot,
                "description": prefix + block_words(block) + (f". {note}" if note else "")}
        if not holder.open_op_feestdagen:
            item["notes"] = "Gesloten op Belgische wettelijke feestdagen."
        start, stop = _season_dates(block, today)
        if start:
            item["valid_from"] = start
        if stop:
            item["valid_to"] = stop
        out.append(item)
    for k, closure in enumerate(holder.gesloten):
        out.append({"id": make_id(*key, "gesloten", str(k)), **base,
                    "valid_from": closure.van, "valid_to": closure.tot or closure.van,
                    "description": prefix + "Gesloten: " + closure.reden, "notes": "gesloten"})
    return out
