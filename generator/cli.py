"""The ``netwerkkaart`` command. Turns library results into output and exit codes, nothing more.

Exit codes: 0 in orde, 1 problemen gevonden, 2 verkeerd gebruik.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

# Only what every command needs is imported here: the site's modules (folium among them) cost
# start-up time that `netwerkkaart validate` should not pay.
from . import problemformat
from .commands import report
from .problemformat import refusal
from .validate.pipeline import validate_folder


class _Later:
    """A module of this package imported on first use: `validate`, the command run on every save, then
    starts without the exports, the importer, the model and the coverage tables (about 0.15 s)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        import importlib

        return getattr(importlib.import_module(f"{__package__}.{self._name}"), attr)


coverage, export, importer, overview, scaffold = (_Later(n) for n in ("render.coverage", "render.export",
                                                                      "commands.importer", "commands.overview",
                                                                      "commands.scaffold"))
# The --format choices (tests/test_cli.py checks them against the modules' FORMATS).
REPORT_FORMATS = ("csv", "json", "markdown", "text")  # overview.FORMATS, and coverage.FORMATS with --dekking
EXPORT_FORMATS = ("csv", "geojson", "hsds", "json")  # export.FORMATS


def build_site(*args, **kwargs):
    from .model import build_site as build

    return build(*args, **kwargs)


def _folder(folder: Path) -> Path:
    """The data folder, or a Dutch, coded usage error (exit 2): missing (NK718), a file (NK719), not to be
    opened (NK720)."""
    import os
    import stat

    ctx = click.get_current_context(silent=True)
    command = _example_command(ctx)
    try:
        mode = os.stat(folder).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise Usage(_coded("NK718", folder=str(folder), command=command), ctx=ctx) from None
    except OSError as exc:
        raise Usage(_coded("NK720", folder=str(folder), reason=_reason(exc), command=command), ctx=ctx) from None
    if not stat.S_ISDIR(mode):
        raise Usage(_coded("NK719", folder=str(folder), command=command), ctx=ctx)
    if not os.access(folder, os.R_OK | os.X_OK):
        raise Usage(_coded("NK720", folder=str(folder), reason="geen toestemming (rechten)", command=command),
                    ctx=ctx)
    return folder


def _example_command(ctx) -> str:
    """The command of ``ctx`` with the data folder '.', for a hint: 'validate .', 'generate UIT --data .'."""
    if ctx is None or " " not in ctx.command_path:
        return "validate ."
    words = [ctx.command_path.split(" ", 1)[1]]
    params = getattr(ctx.command, "params", [])
    if any(p.name == "data" for p in params):
        words += [(p.human_readable_name or "").upper() for p in params
                  if getattr(p, "param_type_name", "") == "argument" and p.required]
        words += [f"{p.opts[0]} {(p.name or '').upper()}" for p in params
                  if getattr(p, "param_type_name", "") == "option" and p.required]
        words += ["--data", "."]
    else:
        words.append(".")
    return " ".join(words)


def _reason(exc: OSError) -> str:
    import errno

    if isinstance(exc, PermissionError):
        return "geen toestemming (rechten)"
    if exc.errno == errno.ELOOP:
        return "een kring van snelkoppelingen"
    return f"fout {exc.errno}" if exc.errno else "onbekende fout"


def _valid(folder: Path, out):
    """Validate the folder; on errors print them to ``out`` and exit 1 (nothing is made from bad data)."""
    result = validate_folder(_folder(folder))
    if not result.ok():
        report.text(result, out)
        sys.exit(1)
    return result


class Usage(click.UsageError):
    """Wrong usage, told in Dutch (exit 2): 'Gebruik: ...', then 'Fout: <code> <message>'."""

    def show(self, file=None) -> None:
        if self.ctx is not None:
            click.echo(self.ctx.get_usage().replace("Usage:", "Gebruik:", 1), file=file, err=True)
            click.echo(f"Hulp: {self.ctx.command_path} --help\n", file=file, err=True)
        click.echo(f"Fout: {self.format_message()}", file=file, err=True)


def _coded(code: str, **fields) -> str:
    from .problems import problem

    return refusal(problem(code, "", 0, 0, **fields))


def _option(param, ctx=None) -> str:
    if param is None:
        return "een argument"
    if getattr(param, "param_type_name", "") == "argument":
        return (param.human_readable_name or param.name or "").upper()
    return "/".join(param.opts) if getattr(param, "opts", None) else str(param.name)


class Pad(click.Path):
    """click.Path with Dutch, coded refusals (NK712, NK713, NK723) for a path that does not exist, is of the
    wrong kind or cannot be read."""

    def convert(self, value, param, ctx):
        if isinstance(value, (str, bytes)) or hasattr(value, "__fspath__"):
            import os

            path = os.fsdecode(value)
            if not (path == "-" and self.allow_dash):
                option = _option(param)
                if not os.path.exists(path) and self.exists:
                    what = "Het bestand" if not self.dir_okay else "De map" if not self.file_okay else "Het pad"
                    raise Usage(_coded("NK712", what=what, target=path, option=option), ctx=ctx)
                if os.path.exists(path) and self.readable and not os.access(path, os.R_OK):
                    raise Usage(_coded("NK723", target=path, option=option), ctx=ctx)
                if os.path.exists(path):
                    folder = os.path.isdir(path)
                    if folder and not self.dir_okay:
                        raise Usage(_coded("NK713", target=path, option=option, found="een map",
                                           expected="een bestand"), ctx=ctx)
                    if not folder and not self.file_okay:
                        raise Usage(_coded("NK713", target=path, option=option, found="een bestand",
                                           expected="een map"), ctx=ctx)
        return super().convert(value, param, ctx)


class Keuze(click.Choice):
    """click.Choice with a Dutch, coded refusal (NK714)."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise Usage(_coded("NK714", value=value, option=_option(param),
                               allowed=", ".join(map(str, self.choices))), ctx=ctx) from None


def _translated(exc: click.UsageError) -> Usage:
    """Click's own (English) usage errors as Dutch ones, coded where they are common."""
    ctx = exc.ctx
    command = ctx.command_path.split(" ", 1)[1] if ctx is not None and " " in ctx.command_path else "COMMANDO"
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            what = f"Het argument {_option(param)}"
        else:
            what = f"De optie {_option(param)}" if param is not None else "Een verplicht gegeven"
        return Usage(_coded("NK715", what=what, command=command), ctx=ctx)
    if isinstance(exc, click.NoSuchOption):
        return Usage(_coded("NK716", option=exc.option_name, command=command), ctx=ctx)
    if isinstance(exc, click.BadParameter):
        message = f"{_option(exc.param)}: {exc.message}" if exc.param is not None else exc.message
        return Usage(message, ctx=ctx)
    return Usage(exc.message, ctx=ctx)


class _Main(click.Group):
    """The command group: one place that turns Click's usage errors into Dutch ones and a failure to write the
    output (a full disk, /dev/full, a closed pipe) into a coded message with exit 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Usage:
            raise
        except click.UsageError as exc:
            raise _translated(exc) from None
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(1)
        except OSError as exc:
            _silence_stdout()
            _output_failed(Path(exc.filename) if exc.filename else None, exc)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _output_failed(target: Path | None, exc: OSError) -> None:
    """A failure to write the output: NK709 on stderr, exit 1."""
    shown = str(target) if target is not None else "De uitvoer (het scherm of waar die naartoe gaat)"
    try:
        click.echo(_coded("NK709", target=shown, reason=exc.strerror or str(exc)), err=True)
    except OSError:
        pass
    sys.exit(1)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="netwerkkaart", message="netwerkkaart %(version)s")
def main() -> None:
    """Netwerkkaart: van YAML-bestanden over het netwerk rond gezinnen naar een website met kaarten."""


@main.command()
@click.argument("map", default=".", type=Pad(path_type=Path))
@click.option("--format", "fmt", type=Keuze(sorted(report.REPORTERS)), default="text", show_default=True,
              help="Uitvoer: text (voor mensen), json (voor programma's) of github (annotaties in GitHub Actions).")
@click.option("--strict", is_flag=True, help="Ook waarschuwingen laten mislukken (exitcode 1).")
def validate(map: Path, fmt: str, strict: bool) -> None:
    """Controleer alle partner-, regio- en gemeentebestanden in MAP.

    MAP is de map met partners/ en regions/ (standaard: de huidige map).
    Elke fout krijgt bestand:regel:kolom, een code, een uitleg en een tip.

    Voorbeeld:

        netwerkkaart validate .

        netwerkkaart validate --format github --strict
    """
    result = validate_folder(_folder(map))
    report.REPORTERS[fmt](result, sys.stdout)
    sys.exit(0 if result.ok(strict=strict) else 1)


@main.command()
@click.argument("outdir", type=Pad(file_okay=False, path_type=Path))
@click.option("--data", "data", default=None, type=Pad(path_type=Path),
              help="De map met partners/ en regions/ (standaard: data_dir van de plugin in --config, "
                   "anders de map van --config, anders de huidige map).")
@click.option("--config", "config_file", default=None, type=Pad(exists=True, dir_okay=False, path_type=Path),
              help="De mkdocs.yml van het project: de naam, het adres, de eigen pagina's (docs_dir), nav, "
                   "repo_url en de instellingen van de netwerkkaart-plugin (tiles, tiles_attribution, search, search_group_pages, "
                   "edit_uri, data_dir) gelden ook hier (standaard: mkdocs.yml in de map van --data, als die er is).")
@click.option("--site-url", envvar="NK_SITE_URL", default=None,
              help="Het adres van de site: links in de downloads en de feed (standaard: NK_SITE_URL, "
                   "anders site_url uit mkdocs.yml).")
@click.option("--naam", default=None, help="De naam van de site (standaard: site_name uit mkdocs.yml, "
                                           "anders Netwerkkaart).")
@click.option("--tegels", default=None,
              help="De achtergrondkaart: een XYZ-adres van kaarttegels, of 'geen' (standaard: tiles van de "
                   "plugin in mkdocs.yml, anders OpenStreetMap).")
@click.option("--zoeken/--zonder-zoeken", "zoeken", default=None,
              help="Wel of geen zoekindex (Pagefind) maken (standaard: search van de plugin in mkdocs.yml, "
                   "anders wel).")
def generate(outdir: Path, data: Path | None, config_file: Path | None, site_url: str | None, naam: str | None,
             tegels: str | None, zoeken: bool | None) -> None:
    """Schrijf de hele site als bronmap naar OUTDIR, klaar voor een andere sitebouwer.

    OUTDIR krijgt docs/ (de pagina's als Markdown, de eigen pagina's uit docs/ van het
    project, kaarten, downloads, zoekindex, de lijsten om een regio te bewaren voor
    onderweg), overrides/ (het thema), een mkdocs.yml voor mkdocs-material zonder de
    netwerkkaart-plugin en een zensical.toml. De instellingen komen uit de mkdocs.yml
    van het project, zoals bij de plugin; de opties hieronder gaan voor. Eerst worden
    de gegevens gecontroleerd; bij fouten wordt niets geschreven (exitcode 1). OUTDIR
    wordt helemaal vervangen: het moet een nieuwe of lege map zijn, of een map die
    netwerkkaart eerder maakte; nooit de gegevens, docs/ of een map met andere
    bestanden (exitcode 2).

    Voorbeeld:

        netwerkkaart generate build/bron --data . && mkdocs build -f build/bron/mkdocs.yml
    """
    from . import core
    from .engines import files_engine, runner
    from .engines import outdir as folders

    if config_file is None and (data or Path(".")).joinpath("mkdocs.yml").is_file():
        config_file = (data or Path(".")) / "mkdocs.yml"
    try:
        project = files_engine.read_project(config_file) if config_file is not None else files_engine.Project()
    except files_engine.ProjectError as exc:
        raise Usage(_coded(exc.code, **exc.fields)) from None
    data = _folder(data or project.data_dir() or Path("."))
    docs = project.docs_dir if project.docs_dir is not None else data / "docs"
    _guarded(lambda: folders.guard(outdir, data=data, docs=docs, config_dir=project.folder or data))
    naam = naam or project.site_name or "Netwerkkaart"
    site_url = site_url or project.site_url or ""
    tiles = tegels if tegels is not None else project.plugin.get("tiles")
    settings = core.Settings(site_url=site_url, site_name=naam,
                             search=zoeken if zoeken is not None else project.plugin.get("search", True),
                             **({"search_group_pages": project.plugin["search_group_pages"]}
                                if "search_group_pages" in project.plugin else {}),
                             **({} if tiles is None else {"tiles": core.tiles_setting(tiles)}),
                             **({"tiles_attribution": project.plugin["tiles_attribution"]}
                                if "tiles_attribution" in project.plugin else {}))
    made = core.build(data, settings, beside=runner.EARLY)  # downloads and search made while the pages are
    if made.errors:
        report.text(made.checked, sys.stdout)  # as `validate` prints them
        sys.exit(1)
    with _refusals(), folders.replacing(outdir, say=_say) as fresh:
        try:
            counts = files_engine.write(made, fresh, site_name=naam, site_url=site_url, project=project)
        except files_engine.ProjectError as exc:  # a page of the project in the way (NK722): nothing written
            click.echo(_coded(exc.code, **exc.fields), err=True)
            sys.exit(1)
        except files_engine.GenerateError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    click.echo(f"{counts['pages']} pagina's en {counts['files']} andere bestanden geschreven naar {outdir}. "
               f"Bouwen: mkdocs build -f {outdir / 'mkdocs.yml'}")


def _say(text: str) -> None:
    click.echo(text, err=True)


def _guarded(check):
    """Run an output-folder guard; a refusal is wrong usage (exit 2) and nothing has been touched."""
    from .engines import outdir as folders

    try:
        return check()
    except folders.Refused as exc:
        raise Usage(str(exc)) from None


class _refusals:
    """While replacing an output folder: a refusal found under the lock (NK702/NK703) is wrong usage
    (exit 2); the wait for another run running out (NK704) is exit 1."""

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        from .engines import outdir as folders

        if isinstance(exc, folders.Refused):
            if exc.code == "NK704":
                click.echo(str(exc), err=True)
                sys.exit(1)
            raise Usage(str(exc)) from None
        return False


@main.group()
def new() -> None:
    """Maak een nieuw bestand voor een partner, regio of gemeente, klaar om in te vullen.

    Voorbeeld:

        netwerkkaart new partner --regio dender jeugdhuis-de-kelder
    """


def _made(make, data: Path, *args, **kwargs) -> None:
    try:
        path = make(_folder(data), *args, **kwargs)
    except scaffold.WrongUsage as exc:
        raise Usage(str(exc)) from None
    except scaffold.ScaffoldError as exc:
        found = exc.problem
        click.echo(f"Niet gemaakt: {refusal(found)}", err=True)
        sys.exit(1)
    click.echo(f"Gemaakt: {path}\nVul het aan en controleer met: netwerkkaart validate .")


@new.command("partner")
@click.argument("id")
@click.option("--regio", required=True, help="De regio (de mapnaam in regions/).")
@click.option("--naam", help="De naam van de organisatie.")
@click.option("--data", default=".", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="De map met partners/ en regions/.")
def new_partner(id: str, regio: str, naam: str | None, data: Path) -> None:
    """Maak partners/REGIO/ID.yml.

    Voorbeeld:

        netwerkkaart new partner --regio dender --naam "Jeugdhuis De Kelder" jeugdhuis-de-kelder
    """
    _made(scaffold.new_partner, data, regio, id, naam)


@new.command("regio")
@click.argument("id")
@click.option("--naam", help="De naam van het netwerk.")
@click.option("--data", default=".", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="De map met partners/ en regions/.")
def new_region(id: str, naam: str | None, data: Path) -> None:
    """Maak regions/ID/regio.yml.

    Voorbeeld:

        netwerkkaart new regio waasland --naam "1 Gezin 1 Plan Waasland"
    """
    _made(scaffold.new_region, data, id, naam)


@new.command("gemeente")
@click.argument("naam")
@click.option("--regio", required=True, help="De regio (de mapnaam in regions/).")
@click.option("--data", default=".", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="De map met partners/ en regions/.")
def new_municipality(naam: str, regio: str, data: Path) -> None:
    """Maak regions/REGIO/gemeenten/<id>.yml, met de officiële NIS-code en postcodes al ingevuld.

    Voorbeeld:

        netwerkkaart new gemeente --regio waasland Lokeren
    """
    _made(scaffold.new_municipality, data, regio, naam)


@main.command("report")
@click.argument("map", default=".", type=Pad(path_type=Path))
@click.option("--format", "fmt", type=Keuze(REPORT_FORMATS),
              default="text", show_default=True,
              help="text, json of markdown (bijvoorbeeld om te mailen of op een wiki te zetten); "
                   "met --dekking ook csv (voor Excel: UTF-8 met BOM en ';').")
@click.option("--dekking", is_flag=True,
              help="De dekking per gemeente en levensdomein: hoeveel partners er werken, de hiaten eerst.")
def report_command(map: Path, fmt: str, dekking: bool) -> None:
    """Overzicht voor coördinatoren, per regio: wat lang niet nagekeken is, wat onvolledig is,
    wie geen openbaar adres heeft, en welke fouten (ook gebroken verwijzingen) er zijn.

    Met --dekking: per regio een tabel van gemeenten en levensdomeinen met het aantal partners
    in elke cel, de hiaten (geen enkele partner) eerst. Dan moeten de gegevens foutloos zijn
    (anders exitcode 1).

    Exitcode 0, ook als er iets in het overzicht staat: het is een overzicht, geen controle.

    Voorbeeld:

        netwerkkaart report . --format markdown > overzicht.md

        netwerkkaart report . --dekking --format csv > dekking.csv
    """
    if dekking:
        site = build_site(_valid(map, sys.stderr).project)
        coverage.FORMATS[fmt](coverage.site_coverage(site), sys.stdout)
        return
    if fmt not in overview.FORMATS:
        raise Usage(f"--format {fmt} bestaat alleen met --dekking. Kies text, json of markdown, "
                               "of voeg --dekking toe.")
    overview.FORMATS[fmt](overview.build(validate_folder(_folder(map))), sys.stdout)


@main.command("export")
@click.argument("map", default=".", type=Pad(path_type=Path))
@click.option("--format", "fmt", type=Keuze(EXPORT_FORMATS), default="json", show_default=True,
              help="json (alle velden), csv (een rij per partner, voor Excel: UTF-8 met BOM en ';'), "
                   "geojson (openbare locaties) of "
                   "hsds (Open Referral HSDS 3.0).")
@click.option("-o", "--output", type=Pad(path_type=Path),
              help="Bestand; standaard: het scherm. Nooit in partners/, regions/, docs/, generator/ of .git; "
                   "een bestaand bestand alleen als het een eerdere export is (of met --force).")
@click.option("--force", is_flag=True, help="Een bestaand bestand bij -o overschrijven, ook als het geen export is.")
def export_command(map: Path, fmt: str, output: Path | None, force: bool) -> None:
    """Exporteer de partners als open data. Vertrouwelijke locaties worden nooit geëxporteerd.

    Bij fouten in de gegevens wordt niets geëxporteerd (exitcode 1).

    Voorbeeld:

        netwerkkaart export . --format csv -o partners.csv
    """
    from .engines import outdir as folders

    if output is not None:
        _guarded(lambda: folders.guard_file(output, data=_folder(map), force=force))
    result = _valid(map, sys.stderr)
    text = export.FORMATS[fmt][1](result.project)
    if output:
        target = _guarded(lambda: folders.guard_file(output, data=map, force=force))
        try:
            folders.write_file(target, text)
        except OSError as exc:
            _output_failed(output, exc)
        click.echo(f"Geschreven: {output}")
    else:
        click.echo(text, nl=False)


@main.command("build")
@click.option("--site", "site_dir", default="site", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="Waar de site komt.")
@click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
              type=click.Path(path_type=Path), help="Het MkDocs-configuratiebestand.")
def build_command(site_dir: Path, config_file: Path) -> None:
    """Bouw de site met MkDocs, veilig: eerst in een tijdelijke map, en alleen als alles lukt komt ze
    in de plaats van de vorige site. Een mislukte build laat de vorige site staan.

    De map van --site wordt helemaal vervangen: ze moet nieuw of leeg zijn, of een site die
    netwerkkaart eerder bouwde. Nooit de gegevens, docs/, de map van mkdocs.yml, .git, je thuismap
    of een map met andere bestanden (exitcode 2). Loopt er al een build naar dezelfde map, dan
    wacht deze erop.

    Voorbeeld:

        netwerkkaart build --site site
    """
    from .engines import publish

    config = _guarded(lambda: publish.check_config(config_file))
    _guarded(lambda: publish.guard(config_file, site_dir))
    _warn_local_address(config, config_file)
    try:
        with _refusals():
            publish.build(config_file, site_dir, say=_say)
    except publish.BuildFailed as exc:
        click.echo(f"De site is niet gebouwd; de vorige site blijft staan.\n{exc}", err=True)
        sys.exit(1)
    except publish.Stopped as exc:
        click.echo(f"De build is gestopt ({exc}); de vorige site blijft staan.", err=True)
        sys.exit(1)
    click.echo(f"De site staat in {site_dir}.")


def _warn_local_address(config: dict, config_file: Path) -> None:
    """NK717 (a warning, the build goes on) when the site to publish has a loopback site_url."""
    from .engines.siteurl import loopback_problem

    found = loopback_problem(str(config.get("site_url") or ""), config_file)
    if found is not None:
        click.echo(problemformat.text(found), err=True)


def _mapping(kolommen: Path) -> importer.ColumnMap:
    """The column mapping file, or its problems printed and exit 1."""
    try:
        mapping, problems = importer.read_mapping(kolommen)
    except importer.Refused as exc:
        _print_problems([exc.problem])
        sys.exit(1)
    if any(p.is_error for p in problems):
        _print_problems(problems)
        sys.exit(1)
    return mapping


def _table(table) -> None:
    """The column table: each column of the spreadsheet and what it fills."""
    click.echo("Kolommen van het rekenblad:")
    for column in table:
        click.echo(f"  {column.line()}")
    click.echo("")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _print_problems(problems) -> None:
    for p in problems:
        click.echo(problemformat.text(p))


def _encoding(ctx, param, value: str | None) -> str | None:
    if value is not None and importer.known_encoding(value) is None:
        from .problems import problem

        p = problem("NK612", "--encoding", 1, 1, value=value)
        raise click.BadParameter(refusal(p))
    return value


@main.command("import")
@click.argument("bron", type=Pad(exists=True, dir_okay=False, path_type=Path))
@click.option("--regio", required=True, help="De regio waarin de partners komen (de mapnaam in regions/).")
@click.option("--data", default=".", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="De map met partners/ en regions/.")
@click.option("--dry-run", is_flag=True, help="Alleen controleren en tonen wat er zou gebeuren; niets schrijven.")
@click.option("--force", is_flag=True, help="Bestaande partnerbestanden van dezelfde regio overschrijven.")
@click.option("--kolommen", type=Pad(exists=True, dir_okay=False, path_type=Path),
              help="YAML-bestand dat de kolomnamen van je rekenblad koppelt aan de onze, zoals: "
                   "'Naam organisatie: naam'.")
@click.option("--kolommen-voorstel", "voorstel", type=Pad(path_type=Path),
              help="Schrijf een kolommenbestand voor dit rekenblad naar dit bestand (om aan te passen en dan te "
                   "gebruiken met --kolommen) en importeer niets.")
@click.option("--encoding", callback=_encoding,
              help="De codering van een CSV-bestand, zoals utf-8, utf-16 of cp1252. Standaard: herkend "
                   "(UTF-8, UTF-16 met BOM, anders Windows-1252).")
def import_command(bron: Path, regio: str, data: Path, dry_run: bool, force: bool, kolommen: Path | None,
                   voorstel: Path | None, encoding: str | None) -> None:
    """Importeer partners uit een rekenblad (CSV of XLSX, met de kolommen van 'netwerkkaart export
    --format csv') of uit een JSON-export. De rijen worden samen met de bestaande bestanden
    gecontroleerd, net zoals 'netwerkkaart validate' dat na de import zou doen. Is er één fout,
    dan wordt niets geschreven; elke melding noemt de rij en de kolom.

    Eerst toont import welke kolom van je rekenblad welk veld vult (of "niet gebruikt").
    Kolomnamen worden herkend zonder op hoofdletters en accenten te letten, ook in gewone
    woorden (Telefoonnummer, E-mail, Gemeente, Domeinen, ...). Andere namen koppel je met
    --kolommen; een voorstel voor dat bestand schrijft --kolommen-voorstel.

    Voorbeeld:

        netwerkkaart import partners.xlsx --regio dender --dry-run

        netwerkkaart import partners.xlsx --regio dender --kolommen-voorstel kolommen.yml
    """
    from .commands.scaffold import WrongUsage

    mapping = _mapping(kolommen) if kolommen else None
    if voorstel is not None:
        try:
            sheet = importer.read_rows(bron, mapping, encoding)
        except importer.Refused as exc:
            _print_problems([exc.problem])
            sys.exit(1)
        _table(sheet.table)
        try:
            importer.write_proposal(sheet.table, voorstel, _folder(data), bron, force=force)
        except WrongUsage as exc:
            raise Usage(str(exc)) from None
        click.echo(f"Kolommenbestand geschreven: {voorstel}\nPas het aan en importeer dan met: "
                   f"netwerkkaart import {bron} --regio {regio} --kolommen {voorstel} --dry-run")
        return
    try:
        result = importer.import_partners(bron, _folder(data), regio, dry_run=dry_run, force=force,
                                          mapping=mapping, encoding=encoding)
    except WrongUsage as exc:
        raise Usage(str(exc)) from None
    if result.table:
        _table(result.table)
    if result.encoding:
        click.echo(f"{bron.name} is gelezen als {result.encoding} (geen UTF-8). Kloppen de letters met accenten "
                   "niet? Geef de codering op met --encoding.")
    _print_problems(result.problems)
    if result.other_regions:
        click.echo(f"{_count(result.other_regions, 'rij', 'rijen')} van een andere regio overgeslagen (kolom regio).")
    verb = "zou schrijven" if dry_run else "geschreven"
    for path in result.planned:
        change = result.changes.get(str(path))
        click.echo(f"{verb}: {path}" + (f" (bestaand bestand; {change}; de rest blijft)" if change else ""))
    errors = len(result.errors)
    warnings = len(result.problems) - errors
    if errors:
        click.echo(f"Niets geschreven: {_count(errors, 'fout', 'fouten')}, {_count(warnings, 'waarschuwing', 'waarschuwingen')}. Verbeter de rijen en "
                   "importeer opnieuw; er wordt alleen geschreven als alle rijen in orde zijn.")
        sys.exit(1)
    done = ("klaar om te schrijven (proef met --dry-run: er is niets geschreven)" if dry_run else "geschreven")
    click.echo(f"{_count(len(result.planned), 'partner', 'partners')} {done}, "
               f"{_count(warnings, 'waarschuwing', 'waarschuwingen')}.")


# -- the yearly check-in (see checkin.py) -----------------------------------------------------------

def _checkin_refused(exc) -> None:
    """A refusal of a check-in command: wrong usage is exit 2, a problem in the data exit 1."""
    if exc.usage:
        raise Usage(str(exc)) from None
    _print_problems([exc.problem])
    sys.exit(1)


@main.command("nakijken")
@click.argument("map", default=".", type=Pad(path_type=Path))
@click.option("--regio", help="Alleen deze regio (de mapnaam in regions/).")
@click.option("--alle", is_flag=True, help="Alle partners, niet alleen wie aan de beurt is.")
@click.option("-o", "--uit", type=Pad(file_okay=False, path_type=Path),
              help="Map voor nakijken.csv en de teksten per partner. Ze wordt helemaal vervangen: een nieuwe of "
                   "lege map, of een map die netwerkkaart eerder maakte. Zonder --uit: alleen de lijst.")
@click.option("--site-url", envvar="NK_SITE_URL", default="",
              help="Het adres van de site, voor de link naar elke pagina (standaard: NK_SITE_URL).")
def checkin_command(map: Path, regio: str | None, alle: bool, uit: Path | None, site_url: str) -> None:
    """Wie moet nagekeken worden? Toont per regio de partners die langer dan de grens van hun regio
    (versheid.tonen_na_maanden in regio.yml, standaard 12 maanden) niet nagekeken zijn, en schrijft met
    --uit een bestand voor een mail merge (nakijken.csv, voor Excel: UTF-8 met BOM en ';') en per partner
    een tekst in gewone zinnen, met de vraag of alles nog klopt.

    Voorbeeld:

        netwerkkaart nakijken . --uit nakijken
    """
    from .commands import checkin, scaffold
    from .topics import freshness
    from .engines import outdir as folders

    _folder(map)
    if regio is not None:
        try:
            scaffold.check_region(map, regio)
        except scaffold.WrongUsage as exc:
            raise Usage(str(exc)) from None
        except scaffold.ScaffoldError as exc:
            raise Usage(str(exc)) from None
    if uit is not None:
        _guarded(lambda: folders.guard(uit, data=map, docs=map / "docs", config_dir=map))
    result = _valid(map, sys.stdout)
    site = build_site(result.project, today=freshness.today(), site_url=site_url)
    chosen = checkin.due(site, region=regio, everyone=alle)
    for region_id, partners in chosen.items():
        region = site.region(region_id)
        click.echo(f"== {region.naam}: {len(partners)} partner(s) "
                   + ("==" if alle else f"langer dan {region.policy.notice_months} maanden niet nagekeken =="))
        for p in partners:
            click.echo(f"  {p.nagekeken_datum}  {p.id}  ({p.naam})")
    if uit is None:
        return
    made = checkin.files(site, chosen)
    with _refusals(), folders.replacing(uit, say=_say) as fresh:
        for item in made:
            target = fresh.joinpath(*item.path.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(item.text, encoding="utf-8", newline="")
    click.echo(f"Geschreven naar {uit}: {checkin.CSV_NAME} en {len(made) - 1} tekst(en) in {checkin.TEXTS}/.")


@main.command("nagekeken")
@click.argument("id")
@click.option("--door", required=True, help="Wie de gegevens met de partner nakeek (naam of dienst).")
@click.option("--datum", help="Wanneer (jaar-maand-dag); standaard vandaag. Niet in de toekomst.")
@click.option("--data", default=".", show_default=True, type=Pad(file_okay=False, path_type=Path),
              help="De map met partners/ en regions/.")
def confirmed_command(id: str, door: str, datum: str | None, data: Path) -> None:
    """Noteer dat partner ID is nagekeken: past alleen de regels 'datum:' en 'door:' onder 'nagekeken:'
    aan in partners/<regio>/ID.yml. Commentaar, volgorde en al de rest van het bestand blijven zoals ze zijn.

    Voorbeeld:

        netwerkkaart nagekeken huis-van-het-kind-zele --door "Regioteam Dender"
    """
    from .commands import checkin

    try:
        path, old, new = checkin.confirm(_folder(data), id, door, datum)
    except checkin.Refused as exc:
        _checkin_refused(exc)
        return
    before, after = old.splitlines(), new.splitlines()
    click.echo(f"Bijgewerkt: {path}")
    for number, (a, b) in enumerate(zip(before, after), start=1):
        if a != b:
            click.echo(f"  regel {number}: {b.strip()}")
