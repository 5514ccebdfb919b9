"""New record files for editors: commented, valid against their schema, with editor help.

The first line tells VS Code's YAML extension which schema applies, so it offers the Dutch
titles and descriptions as tooltips, completes field names and marks errors while typing.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from importlib import resources
from pathlib import Path

from ..validate.checks import reserved_id_problem
from ..problemformat import refusal
from ..problems import Problem, problem
from ..load.refdata import reference
from ..load.refdata import slug as _slug

ID_RULE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # as in common.schema.json#/$defs/id
MAX_ID = 80


class ScaffoldError(Exception):
    """Raised when a file cannot be made (exit code 1); ``problem`` is the coded problem."""

    def __init__(self, found: Problem):
        super().__init__(refusal(found))
        self.problem = found


class WrongUsage(ScaffoldError):
    """A refused argument (a region that is not an id, a path leaving the data folder): exit code 2."""


def _regions(root: Path) -> str:
    try:
        names = sorted(p.name for p in (root / "regions").iterdir()
                       if ID_RULE.fullmatch(p.name) and (p / "regio.yml").is_file())
    except OSError:
        names = []
    return ", ".join(names) or "(nog geen)"


def check_given_id(value: str, what: str, where: str) -> str:
    """An id as the user typed it: refused (WrongUsage) unless it already is an id; never rewritten. The
    refusal suggests the slug of what was typed (NK635), or says no id can be made of it (NK618)."""
    if not (ID_RULE.fullmatch(value) and len(value) <= MAX_ID):
        suggestion = _slug(value)
        reserved = suggestion and reserved_id_problem(suggestion, where)
        if reserved:
            raise WrongUsage(reserved)  # 'Aux': the id it looks like cannot be used either
        if suggestion and len(suggestion) <= MAX_ID:
            raise WrongUsage(problem("NK635", what, 1, 1, value=value, where=where, suggestion=suggestion))
        raise WrongUsage(problem("NK618", what, 1, 1, where=where, value=value))
    check_id(value, where)
    return value


def check_text(value: str | None, option: str) -> None:
    """Refuse a text option (such as --naam) with a control or invisible character (WrongUsage, NK642)."""
    from ..load.chars import CONTROL, INVISIBLE

    found = value and (CONTROL.search(value) or INVISIBLE.search(value))
    if found:
        raise WrongUsage(problem("NK642", option, 1, 1, option=option,
                                 value=f"\\u{ord(found.group()):04x}"))


def check_id(value: str, what: str) -> None:
    """Refuse an id that breaks the id rules or that Windows cannot use as a file name (WrongUsage)."""
    if not (ID_RULE.fullmatch(value) and len(value) <= MAX_ID):
        raise WrongUsage(problem("NK618", what, 1, 1, where=what, value=value))
    reserved = reserved_id_problem(value, what)
    if reserved:
        raise WrongUsage(reserved)


def check_region(root: Path, region: str, *, must_exist: bool = True) -> Path:
    """The folder regions/<region>/ of an existing region; ``region`` is never used as a path before
    it passed the id rules. WrongUsage for a region that is not an id; ScaffoldError when it does not exist."""
    if not (ID_RULE.fullmatch(region) and len(region) <= MAX_ID):
        raise WrongUsage(problem("NK601", "--regio", 1, 1, value=region, allowed=_regions(root)))
    reserved = reserved_id_problem(region, "--regio")
    if reserved:
        raise WrongUsage(reserved)
    folder = confined(root, "regions", region)
    if must_exist and not (folder / "regio.yml").is_file():
        raise ScaffoldError(problem("NK640", "--regio", 1, 1, value=region, allowed=_regions(root)))
    return folder


def confined(root: Path, top: str, region: str, *names: str) -> Path:
    """root/top/region/names..., refused (WrongUsage) unless it resolves, symbolic links followed,
    to exactly that place inside the data folder: a link in the path may not lead elsewhere."""
    parts = (top, region, *names)
    target = Path(root, *parts)
    if Path(os.path.realpath(target)) != Path(os.path.realpath(root), *parts):
        links = [Path(root, *parts[:i]) for i in range(1, len(parts) + 1) if Path(root, *parts[:i]).is_symlink()]
        raise WrongUsage(problem("NK602", str(target), 1, 1, target=target, folder=Path(root, top, region),
                                 link=links[0] if links else target))
    return target


def write_new(target: Path, text: str) -> None:
    """Write a file that must not exist yet; never follows a link at ``target``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(target, flags, 0o666)
    with os.fdopen(fd, "wb") as out:
        out.write(text.encode("utf-8"))


def write_all(files: list[tuple[Path, str]]) -> None:
    """Write every (target, text) or none: each goes to a hidden temporary file next to its target
    first; only when all are written are they renamed into place. A rename that fails puts back what the
    earlier renames replaced (and removes what they added). Raises OSError; no temporary file stays."""
    temporaries: list[tuple[Path, Path]] = []
    backups: dict[Path, Path] = {}  # target -> a hard link (or copy) of the file it replaces
    placed: list[Path] = []
    try:
        for target, text in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=".netwerkkaart-", suffix=".tmp")
            temporaries.append((Path(name), target))
            with os.fdopen(fd, "wb") as out:
                out.write(text.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(name, 0o666 & ~_umask())
        for _, target in temporaries:
            if os.path.isfile(target) and not os.path.islink(target):
                backups[target] = _backup(target)
        for temporary, target in temporaries:
            os.replace(temporary, target)
            placed.append(target)
    except BaseException:
        for target in reversed(placed):
            try:
                if target in backups:
                    os.replace(backups.pop(target), target)
                else:
                    target.unlink(missing_ok=True)
            except OSError:
                pass
        raise
    finally:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        for backup in backups.values():
            backup.unlink(missing_ok=True)


def _backup(target: Path) -> Path:
    """A hidden copy of ``target`` beside it (a hard link where the file system allows it)."""
    import shutil

    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".netwerkkaart-", suffix=".tmp")
    os.close(fd)
    os.unlink(name)
    try:
        os.link(target, name)
    except OSError:
        shutil.copy2(target, name)
    return Path(name)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def schema_reference(target: Path, kind: str, environ: dict | None = None) -> str:
    """Where the editor finds the schema for a new file at ``target``, so that it works on any checkout:

    1. the repository's own ``generator/schemas/`` (looked for from the file's folder up to the top of
       the repository), as a path relative to the file: never into a virtualenv;
    2. else (data kept apart from Netwerkkaart's source) the schema the site publishes, when
       ``NK_SITE_URL`` gives the site's real address;
    3. else the installed package's copy (works on this computer only)."""
    name = f"{kind}.schema.json"
    folder = target.parent.resolve()
    for candidate in (folder, *folder.parents):
        schema = candidate / "generator" / "schemas" / name
        if schema.is_file():
            return os.path.relpath(schema, folder).replace(os.sep, "/")
        if (candidate / ".git").exists():
            break
    from ..engines.siteurl import is_loopback

    site_url = (os.environ if environ is None else environ).get("NK_SITE_URL", "").strip()
    if site_url.startswith(("https://", "http://")) and not is_loopback(site_url):
        return site_url.rstrip("/") + "/schemas/" + name
    installed = Path(str(resources.files("generator") / "schemas" / name))
    return os.path.relpath(installed, folder).replace(os.sep, "/")


def _schema_line(target: Path, kind: str) -> str:
    return f"# yaml-language-server: $schema={schema_reference(target, kind)}\n"


def _write(root: Path, target: Path, text: str, kind: str, region: str | None) -> Path:
    """Write a new file, after checking the folder as ``validate`` would with it (ScaffoldError, NK641)."""
    relpath = "/".join(target.relative_to(root).parts)
    if target.exists() or target.is_symlink():
        raise ScaffoldError(problem("NK638", relpath, 1, 1, target=relpath))
    from .importer import after_writing
    from ..load.project import load_project

    own, others = after_writing(load_project(root), [(kind, region, relpath, text)])
    errors = [p for p in own if p.is_error] + others
    if errors:
        first = errors[0]
        raise ScaffoldError(problem("NK641", first.file, first.line, first.column, target=relpath, cause=first))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_new(target, text)
    except FileExistsError:
        raise ScaffoldError(problem("NK638", relpath, 1, 1, target=relpath)) from None
    except OSError as exc:
        raise ScaffoldError(problem("NK508", relpath, 1, 1, target=relpath, reason=exc.strerror or str(exc))) from None
    return target


def new_partner(root: Path, region: str, partner_id: str, name: str | None = None,
                today: datetime.date | None = None) -> Path:
    check_region(root, region)
    slug = check_given_id(partner_id, "ID", "het id")
    check_text(name, "--naam")
    target = confined(root, "partners", region, f"{slug}.yml")
    for other in sorted((root / "partners").glob(f"*/{slug}.yml")):
        if other.parent.name != region:  # NK650, not NK641 wrapping validation's NK301 (two files, one id)
            raise ScaffoldError(problem("NK650", f"partners/{region}/{slug}.yml", 1, 1, value=slug,
                                        region=other.parent.name, other=f"partners/{other.parent.name}/{other.name}"))
    today = today or datetime.date.today()
    text = _schema_line(target, "partner") + f'''# Nieuwe partner. Vul aan, controleer met: netwerkkaart validate .
# Uitleg bij elk veld: docs/gegevens.md (of beweeg met de muis over een veld in VS Code).
id: {slug}
naam: {json.dumps(name or "Naam van de organisatie", ensure_ascii=False)}
# Soort: clb, caw, kind-en-gezin, huis-van-het-kind, sociaal-huis, lop, cgg, jac, kinderopvang,
# onderwijs, gezondheid, werk, wonen, vrije-tijd, vereniging of andere.
soort: andere
korte_beschrijving: Eén of twee zinnen in eenvoudige taal over wat deze partner doet voor een gezin.
# Wat hierna met # begint, is een voorbeeld van een veld dat niet verplicht is. Wil je het gebruiken?
# Haal '# ' weg (in VS Code: selecteer de regels en druk Ctrl+/) en vul je eigen gegevens in.
# beschrijving: Een langere uitleg in gewone tekst, voor wie meer wil weten.
# Levensdomeinen: inkomen, wonen, werk, onderwijs, gezondheid, welzijn, opvoeding, kinderopvang,
# vrije-tijd, mobiliteit, rechten, participatie (en wat je regio toevoegt).
levensdomeinen: [opvoeding]
# doelgroep:
#   leeftijd_van: 0
#   leeftijd_tot: 18
#   ouders: true
#   uitleg: Gezinnen met kinderen van 0 tot 18 jaar.
aanmelden:
  via: [zelf]          # zelf, hulpverlener en/of online
  kostprijs: gratis    # gratis, bijdrage, inkomensafhankelijk of betalend
#   wie: Elk gezin, zelf of via een hulpverlener.
#   meebrengen: [identiteitskaart, kids-ID van je kinderen]
#   wachttijd: Meestal binnen twee weken een eerste gesprek.
#   formulier: https://www.voorbeeld.be/aanmelden
#   wat_volgt: Binnen de week belt iemand je op voor een afspraak.
talen: [nl]
werkgebied:
  hele_regio: true
# Werkt de partner maar voor enkele gemeenten? Zet dan in de plaats van 'hele_regio: true' hun NIS-codes
# (zie regions/<regio>/gemeenten/):
#   gemeenten: ["42006", "42028"]
# Locaties: een of meer adressen. Coördinaten vind je op openstreetmap.org (rechtsklik, 'Toon adres').
# locaties:
#   - adres:
#       straat: Markt 1
#       postcode: "9240"
#       gemeente: Zele
#     coordinaten: {{lat: 51.0659, lon: 4.0398}}
#     openingsuren:
#       - dagen: [ma, di, do]
#         van: "09:00"
#         tot: "12:00"
#       - dagen: [wo]
#         van: "13:30"
#         tot: "17:00"
#     openingsuren_uitleg: Op afspraak ook op vrijdag.
#     rolstoeltoegankelijk: true
#   - naam: Antenne Dendermonde
#     adres:
#       straat: Kerkstraat 12
#       postcode: "9200"
#       gemeente: Dendermonde
#     coordinaten: {{lat: 51.0285, lon: 4.1008}}
#   - adres:              # een geheim adres (zoals een vluchthuis): alleen postcode en gemeente,
#       postcode: "9200"  # nooit op een kaart of in een export
#       gemeente: Dendermonde
#     vertrouwelijk: true
contact:
  telefoon: "052 00 00 00"   # tussen aanhalingstekens
#   email: info@voorbeeld.be
#   website: https://www.voorbeeld.be/
#   chat: https://www.voorbeeld.be/chat
# brede_instap: true        # hier kan een gezin met elke vraag terecht
beroepsgeheim: false
nagekeken:
  datum: "{today.isoformat()}"
  door: Naam van je dienst
'''
    return _write(root, target, text, "partner", region)


def new_region(root: Path, region: str, name: str | None = None) -> Path:
    slug = check_given_id(region, "ID", "het regio-id")
    check_text(name, "--naam")
    check_region(root, slug, must_exist=False)
    target = confined(root, "regions", slug, "regio.yml")
    text = _schema_line(target, "regio") + f'''# Nieuwe regio. Voeg daarna gemeenten toe met: netwerkkaart new gemeente --regio {slug} <naam>
id: {slug}
naam: {json.dumps(name or f"1 Gezin 1 Plan {slug.title()}", ensure_ascii=False)}
korte_beschrijving: Eén of twee zinnen over het netwerk, in eenvoudige taal.
aanmelden:
  # telefoon: "052 00 00 00"
  # email: info@voorbeeld.be
  # formulier: https://www.voorbeeld.be/aanmelden
  wie: Elk gezin, zelf of via een hulpverlener.
  wat_volgt: Een gezinscoach neemt contact op voor een eerste gesprek.
'''
    return _write(root, target, text, "regio", slug)


def new_municipality(root: Path, region: str, name: str) -> Path:
    """A municipality file with its official NIS code and postcodes already filled in."""
    check_region(root, region)
    ref = reference()
    found = ref.find(name) or ref.find(ref.suggest_name(name) or "")
    if found is None:
        guess = ref.suggest_name(name)
        raise ScaffoldError(problem("NK639", "NAAM", 1, 1, value=name,
                                    guess=f" (bedoel je {guess}?)" if guess else ""))
    slug = _slug(found.name)
    check_id(slug, "de gemeentenaam")
    target = confined(root, "regions", region, "gemeenten", f"{slug}.yml")
    parts = "\n".join(f'  - naam: "{found.name}"\n    postcode: "{pc}"' for pc in found.postcodes)
    text = _schema_line(target, "gemeente") + f'''# Gemeente {found.name} (NIS {found.nis}). Voeg de deelgemeenten toe met hun postcode.
id: {slug}
nis: "{found.nis}"
naam: "{found.name}"
deelgemeenten:
{parts}
# lokale_contacten:
#   - soort: huis-van-het-kind
#     naam: Huis van het Kind {found.name}
#     partner: huis-van-het-kind-{slug}
'''
    return _write(root, target, text, "gemeente", region)
