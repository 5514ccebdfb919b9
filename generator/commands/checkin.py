"""The yearly check-in: who is due, a mail-merge file with one plain-Dutch text per partner, and
recording a confirmation in a partner's file without touching anything else in it.

``netwerkkaart nakijken`` lists, per region, the partners whose last check is older than their region's
``versheid.tonen_na_maanden`` and writes an output folder (guarded and swapped in like ``generate``'s,
see outdir.py) with ``nakijken.csv`` (for a spreadsheet: UTF-8 with BOM, ``;``, every cell neutralised
as in the CSV export) and ``teksten/<regio>/<id>.txt``: the record in the sentences a family reads,
and the question "Klopt dit nog? Antwoord met wat er veranderd is.".

``netwerkkaart nagekeken <id> --door ... [--datum ...]`` changes only the values of ``nagekeken.datum``
and ``nagekeken.door``: the other bytes of the file (comments, key order, quoting, line ends) stay as
they are. The file is found and written only at ``partners/<regio>/<id>.yml`` inside the data folder
(``scaffold.confined``), and written all at once (``scaffold.write_all``).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..topics import urls
from ..render.export import CSV_BOM, CSV_DELIMITER
from ..render.labels import COST_LABELS, SIGNUP_LABELS, days_list, language
from ..model import Partner, Site
from ..render.pages import dutch_date
from ..problemformat import refusal
from ..problems import Problem, problem
from .scaffold import ID_RULE, MAX_ID, WrongUsage, check_id, confined, write_all
from ..render.spreadsheet import spreadsheet_text

QUESTION = "Klopt dit nog? Antwoord met wat er veranderd is."
CSV_NAME = "nakijken.csv"
TEXTS = "teksten"
CSV_COLUMNS = ["regio", "id", "naam", "email", "telefoon", "nagekeken_datum", "nagekeken_door", "pagina",
               "tekstbestand", "tekst"]


class Refused(Exception):
    """A check-in command cannot go on; ``problem`` says why (``usage``: exit 2, else exit 1)."""

    def __init__(self, found: Problem, usage: bool = True):
        super().__init__(refusal(found))
        self.problem = found
        self.usage = usage


# -- who is due ---------------------------------------------------------------------------

def due(site: Site, *, region: str | None = None, everyone: bool = False) -> dict[str, list[Partner]]:
    """Region id -> the partners due for a check on the build date (longest unchecked first)."""
    out: dict[str, list[Partner]] = {}
    for r in site.regions:
        if region is not None and r.id != region:
            continue
        partners = [p for p in site.partners_of(r.id) if everyone or r.policy.due(p.nagekeken_datum, site.built)]
        out[r.id] = sorted(partners, key=lambda p: (p.nagekeken_datum, p.naam.casefold(), p.id))
    return out


# -- the record in plain Dutch ----------------------------------------------------------------

def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1] if items else ""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def record_sentences(site: Site, partner: Partner) -> list[str]:
    """What the family reads on the site, as plain Dutch sentences (one per line)."""
    region = site.region(partner.region)
    names = {d.id: d.naam for d in region.life_domains}
    lines = [f"{partner.naam} is een {partner.kind_label}.", _sentence(partner.korte_beschrijving)]
    if partner.beschrijving:
        lines += [_sentence(" ".join(partner.beschrijving.split()))]
    lines.append(f"Gezinnen vinden jullie bij: {_join([names.get(d, d) for d in partner.levensdomeinen])}.")
    ages = partner.age_range()
    d = partner.doelgroep
    who = []
    if ages:
        who.append(f"kinderen en jongeren van {ages[0]} tot {ages[1]} jaar" if ages[1] < 120 else f"mensen vanaf {ages[0]} jaar")
    who += d.groups()
    if who:
        lines.append(f"Jullie helpen {_join(who)}.")
    if d.uitleg:
        lines.append(_sentence(d.uitleg))
    signup = partner.aanmelden
    if signup.via:
        lines.append(f"Aanmelden: {_join([SIGNUP_LABELS[w].lower() for w in signup.via])}.")
    for value, label in ((signup.telefoon, "Aanmelden per telefoon op"), (signup.email, "Aanmelden per e-mail op"),
                         (signup.formulier, "Het aanmeldformulier staat op")):
        if value:
            lines.append(f"{label} {value}.")
    if signup.wie:
        lines.append(f"Wie mag aanmelden: {_sentence(signup.wie)}")
    if signup.meebrengen:
        lines.append(f"Meebrengen: {_join(list(signup.meebrengen))}.")
    if signup.kostprijs:
        lines.append(f"Kostprijs: {COST_LABELS[signup.kostprijs].lower()}"
                     + (f" ({signup.kostprijs_uitleg})." if signup.kostprijs_uitleg else "."))
    if signup.wachttijd:
        lines.append(f"Wachttijd: {_sentence(signup.wachttijd)}")
    if signup.wat_volgt:
        lines.append(f"Daarna: {_sentence(signup.wat_volgt)}")
    c = partner.contact
    for value, label in ((c.telefoon, "Telefoon"), (c.email, "E-mail"), (c.website, "Website"), (c.chat, "Chat")):
        if value:
            lines.append(f"{label}: {value}")
    for loc in partner.locaties:
        if loc.vertrouwelijk:
            lines.append(f"Een vertrouwelijk adres in {loc.postcode} {loc.gemeente}: de site toont het niet, "
                         "gezinnen nemen eerst contact op.")
            continue
        place = ", ".join(x for x in (loc.straat, f"{loc.postcode} {loc.gemeente}") if x)
        lines.append(f"Adres{' (' + loc.naam + ')' if loc.naam else ''}: {place}.")
        for o in loc.hours.openingsuren:
            if not o.gesloten:
                lines.append(f"  Open op {days_list(o.dagen)} van {o.van} tot {o.tot}.")
        if loc.openingsuren_uitleg:
            lines.append(f"  {_sentence(loc.openingsuren_uitleg)}")
        if loc.rolstoeltoegankelijk is not None:
            lines.append("  Toegankelijk met een rolstoel." if loc.rolstoeltoegankelijk
                         else "  Niet toegankelijk met een rolstoel.")
    if not partner.locaties:
        lines.append("Jullie hebben geen vast adres voor bezoekers.")
    if partner.talen:
        lines.append(f"Talen: {_join([language(t) for t in partner.talen])}.")
    area = site.service_area(partner)
    lines.append(f"Werkgebied: de hele regio {region.naam}." if partner.hele_regio
                 else f"Werkgebied: {_join([m.naam for m in area])}.")
    lines.append("Wat een gezin vertelt, valt onder het beroepsgeheim." if partner.beroepsgeheim
                 else "Jullie werken niet onder beroepsgeheim.")
    if partner.brede_instap:
        lines.append("Gezinnen kunnen bij jullie met elke vraag terecht (brede instap).")
    return lines


def letter(site: Site, partner: Partner) -> str:
    """The ready text for one partner: what the site says about them, and the question."""
    region = site.region(partner.region)
    return "\n".join([
        f"Beste {partner.naam},",
        "",
        f"Op de netwerkkaart van {region.naam} staan jullie gegevens. Gezinnen en hulpverleners lezen daar dit:",
        "",
        *(f"  {line}" for line in record_sentences(site, partner)),
        "",
        f"Pagina: {site.page_address(urls.partner(partner.id))}",
        f"Laatst nagekeken op {dutch_date(partner.nagekeken_datum)} door {partner.nagekeken_door}.",
        "",
        QUESTION,
        "Klopt alles? Antwoord dan gewoon met 'Klopt'.",
        "",
        f"Met vriendelijke groeten,\n{region.naam}",
        "",
    ])


# -- the mail-merge files -----------------------------------------------------------------------

@dataclass(frozen=True)
class File:
    path: str  # relative to the output folder, '/'-separated
    text: str


def text_path(partner: Partner) -> str:
    # region and id passed the id rules during validation: no separators, no dots
    return f"{TEXTS}/{partner.region}/{partner.id}.txt"


def files(site: Site, chosen: dict[str, list[Partner]]) -> list[File]:
    """``nakijken.csv`` and one text per partner."""
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    texts = []
    for region, partners in chosen.items():
        for p in partners:
            text = letter(site, p)
            texts.append(File(text_path(p), text))
            row = {"regio": region, "id": p.id, "naam": p.naam,
                   "email": p.contact.email or p.aanmelden.email or "",
                   "telefoon": p.contact.telefoon or p.aanmelden.telefoon or "",
                   "nagekeken_datum": p.nagekeken_datum, "nagekeken_door": p.nagekeken_door,
                   "pagina": site.page_address(urls.partner(p.id)), "tekstbestand": text_path(p), "tekst": text}
            writer.writerow(spreadsheet_text(row[c]) for c in CSV_COLUMNS)
    return [File(CSV_NAME, out.getvalue()), *texts]


# -- recording a confirmation -------------------------------------------------------------------

def parse_date(value: str | None, today: datetime.date) -> datetime.date:
    """--datum: a real date, not after today (default: today)."""
    if value is None:
        return today
    try:
        day = datetime.date.fromisoformat(value) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None
    except ValueError:
        day = None
    if day is None:
        raise Refused(problem("NK208", "--datum", 1, 1, value=value, field="--datum"))
    if day > today:
        raise Refused(problem("NK505", "--datum", 1, 1, value=value, today=today.isoformat()))
    return day


def check_by(value: str) -> str:
    """--door: 2 to 120 characters on one line, no invisible characters, no spaces around it."""
    if (value != value.strip() or not 2 <= len(value) <= 120
            or any(ord(ch) < 32 or ord(ch) == 127 or 0x80 <= ord(ch) < 0xA0 or ch in "\u2028\u2029\ufeff"
                   for ch in value)):
        raise Refused(problem("NK507", "--door", 1, 1, value=value[:80]))
    return value


def find_partner(root: Path, partner_id: str) -> tuple[str, Path]:
    """(region, path) of partners/<region>/<id>.yml, confined to the data folder."""
    try:
        check_id(partner_id, "id")
    except WrongUsage as exc:
        raise Refused(exc.problem) from None
    try:
        regions = sorted(p.name for p in (root / "partners").iterdir()
                         if p.is_dir() and ID_RULE.fullmatch(p.name) and len(p.name) <= MAX_ID)
    except OSError:
        regions = []
    for region in regions:
        for name in (f"{partner_id}.yml", f"{partner_id}.yaml"):
            try:
                path = confined(root, "partners", region, name)
            except WrongUsage as exc:
                raise Refused(exc.problem) from None
            if path.is_file():
                return region, path
    raise Refused(problem("NK312", "id", 1, 1, value=partner_id, suggestion=""))


def _scalar_spans(text: str, relpath: str) -> dict[str, tuple[int, int]]:
    """Where the values of nagekeken.datum and nagekeken.door are in ``text``: key -> (start, end)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(mark) -> int:
        return starts[mark.line] + mark.column

    spans: dict[str, tuple[int, int]] = {}
    stack: list[list] = []  # per open collection: [kind, key path, expecting key?, current key]
    try:
        events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        raise Refused(problem("NK509", relpath, 1, 1, name=relpath), usage=False) from None
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            path = _path_here(stack)
            _advance(stack)
            stack.append(["map" if isinstance(event, yaml.MappingStartEvent) else "seq", path, True, None])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
        elif isinstance(event, yaml.ScalarEvent):
            top = stack[-1] if stack else None
            if top is not None and top[0] == "map" and top[2]:
                top[3] = event.value
                top[2] = False
                continue
            path = _path_here(stack)
            _advance(stack)
            if path in (("nagekeken", "datum"), ("nagekeken", "door")):
                spans[path[1]] = (offset(event.start_mark), offset(event.end_mark))
    return spans


def _path_here(stack: list[list]) -> tuple:
    if not stack:
        return ()
    top = stack[-1]
    return top[1] + ((top[3],) if top[0] == "map" else ("*",))


def _advance(stack: list[list]) -> None:
    if stack and stack[-1][0] == "map":
        stack[-1][2] = True


def confirm(root: Path, partner_id: str, by: str, date: str | None = None,
            today: datetime.date | None = None) -> tuple[Path, str, str]:
    """Record that ``partner_id`` was checked on ``date`` (default: today) by ``by``.

    Only the two values change; returns (path, old text, new text). Raises :class:`Refused`."""
    from ..topics import freshness
    from ..load.project import read_record

    today = today or freshness.today()
    day = parse_date(date, today)
    by = check_by(by)
    region, path = find_partner(root, partner_id)
    relpath = f"partners/{region}/{path.name}"
    raw = path.read_bytes()
    record, problems = read_record("partner", region, relpath, raw)
    if record.doc is None or not record.schema_ok or any(p.is_error for p in problems):
        raise Refused(problem("NK509", relpath, 1, 1, name=relpath), usage=False)
    text = raw.decode("utf-8")
    spans = _scalar_spans(text, relpath)
    old = record.doc.data["nagekeken"]
    for key in ("datum", "door"):
        if key not in spans:
            raise Refused(problem("NK506", relpath, 1, 1, name=relpath, key=key), usage=False)
        start, end = spans[key]
        shown = text[start:end]
        if old[key] not in shown or "\n" in shown:  # not a one-line value we can find back exactly
            raise Refused(problem("NK651", relpath, 1, 1, name=relpath, key=key), usage=False)
    values = {"datum": json.dumps(day.isoformat()), "door": json.dumps(by, ensure_ascii=False)}
    new = text
    for key in sorted(spans, key=lambda k: -spans[k][0]):  # from the end: earlier offsets stay right
        start, end = spans[key]
        new = new[:start] + values[key] + new[end:]
    changed, found = read_record("partner", region, relpath, new.encode("utf-8"))
    wrong = [p for p in found if p.is_error]
    if wrong:  # e.g. an invisible character in the name that the text checks refuse
        raise Refused(problem("NK652", "--door", 1, 1, value=by[:80], cause=wrong[0]))
    expected = dict(record.doc.data, nagekeken={"datum": day.isoformat(), "door": by})
    if changed.doc is None or changed.doc.data != expected:  # never write what we did not mean to
        raise Refused(problem("NK900", relpath, 1, 1, error="de aanpassing gaf niet precies de bedoelde waarden"),
                      usage=False)
    try:
        write_all([(path, new)])
    except OSError as exc:
        raise Refused(problem("NK508", relpath, 1, 1, target=relpath, reason=exc.strerror or str(exc)),
                      usage=False) from None
    return path, text, new
