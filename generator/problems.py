"""Problems: what a check found, with a stable code, a Dutch message and a hint.

Every kind of problem has one entry in ``CATALOG``: its code, severity, a title,
a message template and a hint template; one code has one meaning. Checks create problems with
:func:`problem`, which takes exactly the template's fields (values: a field name, a file, a number),
never a message or hint of the caller, so a message is written in exactly one place and tests can
compare ``(file, line, code)`` tuples. How a problem is shown (terminal, JSON, GitHub, serve banner)
is problemformat.py's job.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import Enum

from .load.chars import excerpt, visible


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True)
class Kind:
    code: str
    severity: Severity
    title: str
    message: str
    hint: str


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = field(compare=False)
    severity: Severity = field(compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def key(self) -> tuple[str, int, str]:
        """The compact form tests compare: ``(file, line, code)``."""
        return (self.file, self.line, self.code)


E, W = Severity.ERROR, Severity.WARNING

_KINDS = [
    # -- reading the file (NK1xx) -------------------------------------------
    Kind("NK100", E, "Bestand te groot",
         "Het bestand is {size} bytes groot; de grens is {limit} bytes.",
         "Eén bestand beschrijft één partner of gemeente. Kijk of er per ongeluk iets anders in geplakt is."),
    Kind("NK101", E, "Geen UTF-8",
         "Dit bestand is niet als UTF-8 opgeslagen: de byte 0x{byte} hier is geen geldige UTF-8.",
         "Sla het bestand opnieuw op met codering UTF-8 (in Kladblok: 'Opslaan als' > Codering: UTF-8)."),
    Kind("NK102", E, "Verboden teken",
         "Hier staat een onzichtbaar stuurteken ({char}) dat niet in een tekstbestand hoort.",
         "Verwijder het teken; het komt meestal mee bij kopiëren uit een ander programma. Typ de tekst opnieuw."),
    Kind("NK103", E, "YAML-fout",
         "De YAML-structuur klopt hier niet: {what}.",
         "Controleer de inspringing (spaties, geen tabs) en de dubbele punt na elke sleutel. "
         "Voorbeeld:\n  naam: Huis van het Kind Zele\n  contact:\n    telefoon: \"052 44 55 66\""),
    Kind("NK104", E, "Tab in inspringing",
         "Hier staat een tab. YAML laat alleen spaties toe om in te springen.",
         "Vervang de tab door spaties (bijvoorbeeld 2 spaties per niveau)."),
    Kind("NK105", E, "Leeg bestand",
         "Het bestand is leeg of bevat alleen commentaar.",
         "Vul de velden in, of verwijder het bestand. Maak een nieuw bestand met: netwerkkaart new partner --regio <regio>"),
    Kind("NK106", E, "Meer dan één document",
         "Dit bestand bevat meer dan één YAML-document (een regel met '---' of '...').",
         "Zet elke partner in een eigen bestand. Verwijder de regel '---' en maak voor de tweede partner een nieuw bestand."),
    Kind("NK107", E, "Dubbel veld",
         "Het veld '{key}' staat twee keer in hetzelfde blok: op regel {first} en op regel {second}. Alleen de laatste zou blijven.",
         "Verwijder één van de twee. Gaat het om twee items van een lijst? Begin elk item met '- '."),
    Kind("NK108", E, "Anker of alias",
         "Ankers (&naam) en aliassen (*naam) zijn niet toegelaten.",
         "Schrijf de waarde voluit op elke plaats waar ze nodig is."),
    Kind("NK109", E, "Tag",
         "De tag '{tag}' is niet toegelaten.",
         "Verwijder alles wat met '!' begint. Tekst zet je tussen aanhalingstekens: naam: \"!Tekst\""),
    Kind("NK110", E, "Samenvoegsleutel",
         "De samenvoegsleutel '<<' is niet toegelaten.",
         "Schrijf alle velden voluit in dit blok."),
    Kind("NK111", E, "Te diep genest",
         "De gegevens zijn hier dieper dan {limit} niveaus genest.",
         "Controleer de inspringing: een partnerbestand heeft maar enkele niveaus."),
    Kind("NK112", E, "Geen getal",
         "'{value}' is geen bruikbaar getal (niet-een-getal of oneindig).",
         "Vul een gewoon getal in, zoals 51.0254, of laat het veld weg."),
    Kind("NK113", E, "Geen blok met velden",
         "Het bestand moet een blok met velden zijn (naam: ..., contact: ...), maar bevat {found}.",
         "Begin het bestand met velden, zonder '- ' ervoor. Voorbeeld:\n  id: huis-van-het-kind-zele\n  naam: Huis van het Kind Zele"),
    Kind("NK114", E, "Leeg lijstitem",
         "Hier staat een lijstitem '-' zonder inhoud.",
         "Verwijder de lege regel met '-', of vul het item in."),
    Kind("NK115", E, "Ongeldige sleutel",
         "Een veldnaam moet gewone tekst zijn; hier staat {found}.",
         "Schrijf veldnamen als gewone woorden gevolgd door een dubbele punt, zoals 'naam:'."),
    Kind("NK116", E, "Bestand niet leesbaar",
         "Het bestand kan niet gelezen worden: {reason}.",
         "Controleer of het bestand bestaat en of je het mag lezen."),
    Kind("NK117", E, "Map niet leesbaar",
         "De map kan niet gelezen worden: {reason}. De bestanden erin worden niet nagekeken.",
         "Controleer of de map bestaat en of je ze mag lezen (rechten). Staat ze er per ongeluk? Verwijder ze dan."),
    Kind("NK118", E, "Link naar buiten de gegevensmap",
         "Dit is een link (snelkoppeling) naar '{target}', buiten de gegevensmap. Netwerkkaart leest hem niet.",
         "Zet het bestand of de map zelf hier, in plaats van een link. Netwerkkaart leest alleen wat in de map met "
         "partners/ en regions/ staat, zodat een link niet naar een ander bestand op de computer kan wijzen."),
    Kind("NK119", E, "Geen gewoon bestand",
         "Dit is {what}, geen gewoon bestand of map. Netwerkkaart leest het niet.",
         "Verwijder het: in partners/ en regions/ horen alleen mappen en .yml-bestanden."),
    Kind("NK120", E, "Link naar een map die al gelezen wordt",
         "Deze link wijst naar een map die al gelezen wordt ({other}); ze wordt niet nog eens gelezen.",
         "Verwijder de link: elke map wordt één keer gelezen. Een link naar een map erboven zou een eindeloze lus geven."),
    Kind("NK121", E, "Link wijst naar niets",
         "Deze link (snelkoppeling) wijst naar '{target}', maar daar staat niets dat gelezen kan worden.",
         "Verwijder de link, of zet het bestand zelf hier."),
    Kind("NK122", E, "Streepje vergeten",
         "Deze regel staat in een lijst maar begint niet met '- ' (streepje vergeten).",
         "Begin elk item van een lijst met '- ', ook het eerste. Voorbeeld:\n  talen:\n    - Nederlands\n    - Frans"),
    Kind("NK123", E, "Dubbele punt ontbreekt",
         "Na de veldnaam ontbreekt een dubbele punt, zoals 'naam: ...'.",
         "Zet een dubbele punt en een spatie na elke veldnaam. Voorbeeld:\n  naam: Huis van het Kind Zele"),
    Kind("NK124", E, "Dubbele punt op een verkeerde plaats",
         "Hier staat een dubbele punt waar geen veld kan beginnen.",
         "Hoort de dubbele punt bij de tekst? Zet de tekst dan tussen aanhalingstekens, zoals:\n"
         "  korte_beschrijving: \"Let op: alleen op afspraak\""),
    Kind("NK125", E, "Inspringing klopt niet",
         "De inspringing klopt hier niet, of een veld mist een dubbele punt.",
         "Velden van hetzelfde blok beginnen precies onder elkaar, met spaties (geen tabs). Voorbeeld:\n"
         "  contact:\n    telefoon: \"052 44 55 66\"\n    email: info@huisvanhetkind-zele.be"),
    Kind("NK126", E, "Inspringing van de lijst klopt niet",
         "De inspringing van de lijst klopt hier niet.",
         "Zet elk item van dezelfde lijst precies onder het vorige, met '- ' ervoor. Voorbeeld:\n"
         "  levensdomeinen:\n    - gezondheid\n    - onderwijs"),
    Kind("NK127", E, "Bestand stopt midden in een waarde",
         "Het bestand stopt midden in een waarde.",
         "Ontbreekt er een aanhalingsteken? Elk aanhalingsteken dat een tekst opent, sluit hem ook, zoals:\n"
         "  naam: \"Huis van het Kind Zele\""),
    Kind("NK128", E, "Backslash tussen dubbele aanhalingstekens",
         "Hier staat een backslash (\\) tussen dubbele aanhalingstekens die YAML niet kent.",
         "Zet de tekst tussen enkele aanhalingstekens, daar betekent een backslash niets bijzonders, zoals:\n"
         "  korte_beschrijving: 'Map C:\\Gedeeld'"),
    Kind("NK129", E, "Waarde ontbreekt",
         "Hier ontbreekt een waarde.",
         "Vul de waarde in na de dubbele punt of na '- ', of verwijder de regel."),
    Kind("NK130", E, "Lijst tussen [ ] niet afgesloten",
         "Een lijst tussen [ ] is hier niet goed afgesloten.",
         "Sluit de lijst met ] en scheid de items met een komma, zoals: dagen: [ma, di, wo]"),
    Kind("NK131", E, "Blok tussen { } niet afgesloten",
         "Een blok tussen {{ }} is hier niet goed afgesloten.",
         "Sluit het blok met }} en scheid de velden met een komma, of schrijf elk veld op een eigen regel, zoals:\n"
         "  coordinaten:\n    lat: 51.0659\n    lon: 4.0398"),
    Kind("NK132", E, "Uitroepteken aan het begin van een waarde",
         "Deze waarde begint met een '!', dat YAML als een tag leest.",
         "Zet de tekst tussen aanhalingstekens, zoals: naam: \"!Tekst\""),
    Kind("NK133", E, "Lijstitem op een verkeerde plaats",
         "Hier staat een lijstitem '- ' op een plaats waar geen lijst kan beginnen.",
         "Een lijst begint op de regel onder de veldnaam, verder ingesprongen. Voorbeeld:\n"
         "  talen:\n    - Nederlands"),
    Kind("NK134", E, "Teken dat hier niet mag",
         "Deze waarde begint met een teken dat YAML hier niet toelaat ('@', '`', '%' of '|').",
         "Zet de waarde tussen aanhalingstekens, zoals: naam: \"@Home\""),
    Kind("NK135", E, "Vraagteken voor een veldnaam",
         "Hier staat een '?' vlak voor een veldnaam.",
         "Zet de veldnaam tussen aanhalingstekens, of verwijder het vraagteken."),
    Kind("NK136", E, "Hekje vlak na een aanhalingsteken",
         "Hier staat een '#' direct na een aanhalingsteken.",
         "Zet een spatie voor commentaar (' #'), of zet het #-teken binnen de aanhalingstekens."),
    Kind("NK137", E, "Geen spatie na '|' of '>'",
         "Na '|' of '>' hoort een spatie of het einde van de regel.",
         "Begin de tekst op de volgende regel, verder ingesprongen, zoals:\n"
         "  beschrijving: |\n    Eerste regel\n    Tweede regel"),
    Kind("NK138", E, "Lege regel met te veel spaties",
         "Deze lege regel heeft meer spaties dan de tekst eronder.",
         "Verwijder de spaties op de lege regel (of laat ze minder ver inspringen dan de tekst eronder)."),
    Kind("NK139", E, "Vervolgregel te weinig ingesprongen",
         "Deze vervolgregel moet verder ingesprongen zijn.",
         "Een tekst over meer regels springt op elke volgende regel verder in dan de veldnaam, of zet de "
         "tekst op één regel."),
    # -- schema (NK2xx) -----------------------------------------------------
    Kind("NK201", E, "Verplicht veld ontbreekt",
         "Het verplichte veld '{field}' ontbreekt{where}.",
         "Voeg het veld toe. Voorbeeld:\n  {example}"),
    Kind("NK202", E, "Onbekend veld",
         "Het veld '{field}' bestaat niet{where}.{suggestion}",
         "Toegelaten velden hier: {allowed}."),
    Kind("NK203", E, "Verkeerd soort waarde",
         "'{field}' moet {expected} zijn, maar is {found}.",
         "Voorbeeld:\n  {example}"),
    Kind("NK204", E, "Waarde niet toegelaten",
         "'{value}' is geen toegelaten waarde voor '{field}'.{suggestion}",
         "Kies één van: {allowed}."),
    Kind("NK205", E, "Verkeerde vorm",
         "'{value}' heeft niet de juiste vorm voor '{field}'.",
         "{rule}\nVoorbeeld:\n  {example}"),
    Kind("NK206", E, "Ongeldig e-mailadres",
         "'{value}' is geen geldig e-mailadres.",
         "Schrijf het volledige adres met @, zoals: {field}: info@huisvanhetkind-zele.be"),
    Kind("NK207", E, "Ongeldige website",
         "'{value}' is geen geldig webadres; alleen adressen die met http:// of https:// beginnen zijn toegelaten.",
         "Kopieer het adres uit de adresbalk van de browser, zoals: {field}: https://www.zele.be/huis-van-het-kind"),
    Kind("NK208", E, "Ongeldige datum",
         "'{value}' is geen geldige datum.",
         "Schrijf een datum als jaar-maand-dag, tussen aanhalingstekens, zoals: {field}: \"2025-09-15\""),
    Kind("NK209", E, "Ongeldig telefoonnummer",
         "'{value}' is geen geldig Belgisch telefoonnummer.",
         "Schrijf het nummer met zone, zoals: {field}: \"052 44 55 66\", of internationaal: \"+32 52 44 55 66\"."),
    Kind("NK210", E, "Buiten bereik",
         "'{field}' is {value}, maar moet {bound} zijn.",
         "Controleer het getal. Gaat het om coördinaten? In Vlaanderen is lat ongeveer 50,7 tot 51,5 en lon "
         "2,5 tot 5,9: zijn ze omgewisseld?"),
    Kind("NK211", E, "Item twee keer in een lijst",
         "De lijst '{field}' bevat '{value}' twee keer.",
         "Verwijder het dubbele item: elk item staat maar één keer in de lijst."),
    Kind("NK212", E, "Te kort, te lang, te veel of te weinig",
         "'{field}' heeft {size}, maar moet er {bound} hebben.",
         "Maak de tekst korter of langer, of pas het aantal items of velden aan. Wat er in '{field}' hoort, "
         "staat in docs/gegevens.md."),
    # -- references across files (NK3xx) -------------------------------------
    Kind("NK301", E, "Dubbel id",
         "Het id '{value}' wordt ook gebruikt in {other}.",
         "Elk id komt maar één keer voor. Geef één van beide bestanden een eigen id (en bestandsnaam)."),
    Kind("NK302", E, "Id en bestandsnaam verschillen",
         "Het id '{value}' is niet gelijk aan de bestandsnaam '{expected}'.",
         "Maak ze gelijk: hernoem het bestand naar {value}.yml of zet id: {expected}"),
    Kind("NK303", E, "Onbekende gemeente",
         "'{value}' is geen gemeente {scope}.{suggestion}",
         "Schrijf de officiële naam van de gemeente (2025), zoals: gemeente: Dendermonde"),
    Kind("NK304", E, "Onbekende NIS-code",
         "De NIS-code '{value}' bestaat niet (gemeenten van 2025).{suggestion}",
         "Zoek de NIS-code op bij Statbel; Dendermonde is bijvoorbeeld \"42006\"."),
    Kind("NK305", E, "Postcode past niet bij gemeente",
         "De postcode {value} hoort niet bij {municipality}.{suggestion}",
         "Controleer postcode en gemeente. Postcodes van {municipality}: {postcodes}."),
    Kind("NK306", E, "Onbekend levensdomein",
         "'{value}' is geen levensdomein van regio {region}.{suggestion}",
         "Gebruik één van: {allowed}."),
    Kind("NK307", E, "Onbekende regio",
         "De map '{value}' hoort bij geen enkele regio.",
         "Maak eerst de regio aan (regions/{value}/regio.yml) of verplaats het bestand naar de map van een bestaande regio: {allowed}."),
    Kind("NK308", E, "Coördinaten buiten gemeente",
         "De coördinaten ({lat}, {lon}) liggen {distance} km buiten {municipality}.",
         "Zoek het adres op in een kaart, kopieer breedte- en lengtegraad en controleer dat lat ongeveer 50,7-51,5 en lon 2,5-5,9 is in Vlaanderen (niet omgewisseld)."),
    Kind("NK309", E, "Zelfde paginaadres",
         "Deze pagina zou hetzelfde adres krijgen als {other}: {url}.",
         "Geef één van beide een ander id of andere naam."),
    Kind("NK310", E, "Onzichtbare tekens of spaties",
         "'{field}' bevat {what}: {shown}.",
         "Typ de waarde opnieuw, zonder spaties vooraan of achteraan en zonder onzichtbare tekens."),
    Kind("NK311", E, "Gemeente buiten de regio",
         "{municipality} ({value}) hoort niet bij regio {region}.",
         "Gebruik een gemeente van deze regio: {allowed}."),
    Kind("NK312", E, "Onbekende partner",
         "Er is geen partner met id '{value}'.{suggestion}",
         "Gebruik het id van een partnerbestand, zoals het in de bestandsnaam staat (zonder .yml)."),
    Kind("NK313", E, "Bestand op de verkeerde plaats",
         "Dit bestand staat niet op een plaats waar Netwerkkaart gegevens verwacht.",
         "Partners staan in partners/<regio>/<id>.yml; een gemeente in regions/<regio>/gemeenten/<id>.yml; de regio zelf in regions/<regio>/regio.yml."),
    Kind("NK314", E, "Gemeente twee keer",
         "De gemeente {municipality} ({value}) staat ook in {other}.",
         "Een gemeente hoort bij één regio en heeft één bestand. Verwijder één van beide."),
    Kind("NK315", E, "Levensdomein bestaat al",
         "Het levensdomein '{value}' bestaat al.",
         "Kies een ander id voor het nieuwe levensdomein, of gebruik het bestaande."),
    Kind("NK320", W, "Bestand wordt niet gelezen",
         "Dit bestand wordt overgeslagen: alleen bestanden die op .yml eindigen worden gelezen.",
         "Hernoem het bestand, zoals: {suggestion}. Kladblok voegt soms .txt toe: kies bij 'Opslaan als' het type 'Alle bestanden'."),
    Kind("NK330", E, "Onbekende vraag",
         "'{value}' is geen vraag van regio {region}.{suggestion}",
         "Gebruik het id van een vraag uit generator/data/vragen.yml of regions/{region}/vragen.yml, zoals: vragen:\n    - schulden"),
    Kind("NK331", E, "Vraag twee keer",
         "De vraag '{value}' staat twee keer in deze lijst (ook op regel {other}).",
         "Elke vraag staat maar één keer in een lijst. Wil je een vraag van de standaardlijst aanpassen? Zet ze één keer in regions/<regio>/vragen.yml, met hetzelfde id: ze vervangt dan de standaardvraag."),
    Kind("NK339", W, "Lokaal aanspreekpunt zonder partnerbestand",
         "Het aanspreekpunt '{value}' heeft geen partnerbestand: het staat alleen op de gemeentepagina, niet in "
         "de lijsten per levensdomein, de lijst van A tot Z, de zoekfunctie, de wegwijzer, de kaart of het blad "
         "van het gezin.",
         "Maak er een partner van en verwijs ernaar: netwerkkaart new partner --regio {region} {suggestion}\n"
         "Zet dan bij dit aanspreekpunt: partner: {suggestion} (telefoon, e-mail en website staan voortaan in het partnerbestand)."),
    Kind("NK316", E, "Geen regio's",
         "Er zijn geen regio's gevonden in {value}.",
         "Maak een map regions/<regio>/ met een bestand regio.yml, of start in de map die partners/ en regions/ bevat."),
    Kind("NK317", E, "Onbekend pictogram",
         "Het pictogram '{value}' bestaat niet.",
         "Kies een pictogram uit de Material Design-set (zoek op pictogrammaterialdesign.com of in de mkdocs-material-documentatie), zoals: icoon: material/home-outline"),
    Kind("NK318", E, "Leeftijden omgewisseld",
         "'leeftijd_van' ({low}) is groter dan 'leeftijd_tot' ({high}).",
         "Zet de jongste leeftijd bij leeftijd_van en de oudste bij leeftijd_tot, zoals:\n  leeftijd_van: 0\n  leeftijd_tot: 12"),
    Kind("NK319", E, "Openingsuren omgekeerd",
         "Het blok openingsuren sluit om {tot}, vroeger dan het opent om {van}, en loopt niet over middernacht "
         "(dat kan alleen van na 12:00 tot voor 12:00).",
         "Controleer van en tot, zoals:\n  van: \"09:00\"\n  tot: \"12:00\"\n"
         "Tot na middernacht open? Zet dan het uur van sluiten, zoals van: \"22:00\" en tot: \"02:00\"."),
    Kind("NK321", E, "Naam die Windows niet toelaat",
         "Het id '{value}' is een naam die Windows voor een apparaat gebruikt ({reserved}); een bestand met die naam kan op een Windows-computer niet bestaan.",
         "Kies een ander id, bijvoorbeeld met een woord erbij: '{value}-dienst' of de naam van de organisatie. Niet toegelaten: con, prn, aux, nul, com0-com9 en lpt0-lpt9, ook niet met een punt erachter."),
    # -- opening hours (NK340-NK349, see hours.py) ------------------------------
    Kind("NK340", E, "Openingsuren overlappen",
         "Op {day} overlapt het blok van {van} tot {tot} met het blok van {other_van} tot {other_tot}{period}.",
         "Voeg de blokken samen of pas de uren aan, zoals twee blokken na elkaar:\n"
         "  - dagen: [{day_code}]\n    van: \"09:00\"\n    tot: \"12:00\"\n  - dagen: [{day_code}]\n    van: \"13:00\"\n    tot: \"17:00\""),
    Kind("NK341", E, "Periode eindigt voor ze begint",
         "Deze periode eindigt op {tot}, vroeger dan ze begint ({van}).",
         "Zet de eerste dag bij {first} en de laatste bij {last}, zoals:\n  {first}: \"2026-12-24\"\n  {last}: \"2027-01-01\""),
    Kind("NK342", E, "Onbekende dag",
         "'{value}' is geen dag van de week.",
         "Schrijf de dagen kort: ma, di, wo, do, vr, za, zo, zoals: dagen: [ma, di, wo]"),
    Kind("NK343", E, "Uren op een gesloten dag",
         "{day} staat als gesloten, maar heeft ook openingsuren{period}.",
         "Laat de dag weg uit het blok met 'gesloten: true', of uit het blok met uren."),
    Kind("NK344", E, "Blok van 24 uur of langer",
         "Het blok opent en sluit om {van}: dat is 0 of 24 uur.",
         "Altijd open? Schrijf dan dag_en_nacht: true in plaats van openingsuren. Een hele dag: van: \"00:00\" en tot: \"24:00\"."),
    Kind("NK345", E, "Ongeldige datum of dag van het jaar",
         "'{value}' is geen geldige datum of dag van het jaar voor '{field}'.",
         "Schrijf jaar-maand-dag voor één keer, of maand-dag voor elk jaar, tussen aanhalingstekens, zoals: {field}: \"07-01\""),
    Kind("NK346", W, "Dag en nacht met openingsuren",
         "Dit is dag en nacht open (dag_en_nacht: true), maar heeft ook openingsuren; die worden niet gebruikt.",
         "Verwijder de openingsuren, of verwijder dag_en_nacht als de uren kloppen."),
    # -- pictograms of levensdomeinen and questions (NK385-NK389) ------------------------------
    Kind("NK385", E, "Onbekend pictogram voor gezinnen",
         "Het pictogram '{value}' bestaat niet in de pictogrammen van Netwerkkaart.{suggestion}",
         "Kies de naam van een bestand in generator/theme/assets/netwerkkaart/picto/ (zonder .svg; de lijst staat "
         "in docs/redacteurs.md onder 'Pictogrammen voor gezinnen'), zoals:\n  picto: heart-handshake\n"
         "Zonder picto krijgt een vraag het pictogram van haar eerste levensdomein."),
    # -- freshness policy and "Klopt er iets niet?" in regio.yml (NK360-NK369) ----------------
    Kind("NK360", E, "Waarschuwing vóór de melding",
         "waarschuwen_na_maanden ({warn}) is kleiner dan tonen_na_maanden ({notice}).",
         "Eerst toont de site 'Niet recent nagekeken', later waarschuwt het bouwen. Zet bijvoorbeeld:\n"
         "  versheid:\n    tonen_na_maanden: 12\n    waarschuwen_na_maanden: 24"),
    Kind("NK361", E, "Onbekend invulveld in het meldadres",
         "'{value}' kan niet ingevuld worden in het webadres van 'melden'.",
         "Gebruik alleen {allowed}, zoals:\n"
         "  url: https://github.com/<org>/<repo>/issues/new?template=klopt-er-iets-niet.yml&title={{titel}}&partner={{id}}"),
    # gedeeld beroepsgeheim (NK350-NK359)
    Kind("NK350", E, "Onbekend afsprakenkader",
         "Regio {region} heeft geen afsprakenkader gedeeld beroepsgeheim met id '{value}'.{suggestion}",
         "Gebruik het id van een afsprakenkader uit regions/{region}/regio.yml (gedeeld_beroepsgeheim): {allowed}. "
         "Staat het kader er nog niet in, voeg het daar eerst toe:\n  gedeeld_beroepsgeheim:\n"
         "    - id: afsprakenkader-2025\n      naam: Afsprakenkader gedeeld beroepsgeheim\n      datum: \"2025-03-01\""),
    Kind("NK351", E, "Afsprakenkader twee keer",
         "Het afsprakenkader met id '{value}' staat twee keer in deze regio.",
         "Geef elk afsprakenkader een eigen id, of verwijder het dubbele."),
    # -- the family's language: catalogues and partners' vertalingen (NK370-NK379, i18n.py) ----------
    Kind("NK370", W, "Vertaling ontbreekt",
         "De taal '{language}' heeft geen tekst voor '{key}'. De site toont daar de Nederlandse tekst; "
         "een strikte build (netwerkkaart build, mkdocs build --strict) mislukt.",
         "Voeg de vertaling toe aan dit bestand, met dezelfde sleutel als in nl.yml, zoals:\n  {key}: \"...\"\n"
         "De Nederlandse tekst is: {example}"),
    Kind("NK371", E, "Andere invulvelden dan in het Nederlands",
         "De vertaling van '{key}' gebruikt {found}, maar nl.yml gebruikt {expected}.",
         "Neem de woorden tussen {{ }} letterlijk over uit nl.yml (niet vertalen): de site vult ze in met "
         "een naam, een getal of een datum."),
    Kind("NK372", W, "Onbekende sleutel in een vertaling",
         "'{key}' staat in de vertaling '{language}' maar niet in nl.yml; de site gebruikt deze tekst nooit.",
         "Verwijder de regel, of kijk na of de sleutel juist geschreven is (vergelijk met nl.yml)."),
    Kind("NK373", E, "Vertaalbestand onleesbaar",
         "Het vertaalbestand kan niet gelezen worden ({reason}).",
         "Kijk na of het bestand bestaat, een gewoon bestand is en gelezen mag worden. Schrijf per regel een "
         "sleutel en een tekst, zoals:\n  sheet.call: \"Appeler\""),
    Kind("NK374", E, "Onbekende taal bij vertalingen",
         "'{value}' is geen taal van de site voor gezinnen.",
         "Gebruik een van deze taalcodes: {allowed}. De gewone velden zijn al Nederlands, zoals:\n"
         "  vertalingen:\n    fr: \"Ici, vous pouvez poser vos questions sur l'éducation.\""),
    Kind("NK375", E, "Lege vertaling",
         "De vertaling '{value}' van de korte beschrijving is leeg.",
         "Schrijf de korte beschrijving in die taal, of laat de regel weg: dan toont de site de Nederlandse tekst."),
    Kind("NK376", E, "Vertaling zonder tekst",
         "'{key}' heeft in dit vertaalbestand geen tekst (leeg, of geen tekst maar een lijst of blok).",
         "Schrijf de vertaling tussen aanhalingstekens achter de sleutel, of laat de regel weg: dan toont de "
         "site de Nederlandse tekst (en meldt NK370), zoals:\n  {key}: \"...\""),
    # -- privacy (NK4xx) ------------------------------------------------------
    Kind("NK401", E, "Lijkt op een rijksregisternummer",
         "'{field}' bevat een waarde die op een rijksregisternummer lijkt.",
         "Netwerkkaart bevat alleen organisaties, nooit gegevens over gezinnen of personen. Verwijder dit nummer."),
    Kind("NK402", E, "Vertrouwelijk adres met straat of coördinaten",
         "Deze locatie is vertrouwelijk, maar heeft {what}.",
         "Verwijder de straat en de coördinaten van een vertrouwelijke locatie: alleen postcode en gemeente blijven.\n"
         "Zo staat het adres ook niet in de bronbestanden die iedereen kan inzien."),
    Kind("NK403", E, "Stuurteken in een waarde",
         "Deze waarde bevat na het lezen van de escapes tussen aanhalingstekens een stuurteken ({char}).",
         "Verwijder de escape ({escape}): een stuurteken hoort niet in een tekst en kan een terminal of "
         "een spreadsheet in de war brengen. Een nieuwe regel schrijf je als \\n, een tab als \\t."),
    Kind("NK404", E, "C1-stuurteken in een waarde",
         "Deze waarde bevat na het lezen van de escapes tussen aanhalingstekens een C1-stuurteken ({char}).",
         "Verwijder de escape ({escape}); YAML leest \\N en \\x80 tot \\x9F als onzichtbare stuurtekens. "
         "Een nieuwe regel schrijf je als \\n."),
    Kind("NK405", E, "Regelscheiding in een waarde",
         "Deze waarde bevat na het lezen van de escapes tussen aanhalingstekens een Unicode-regel- of "
         "alineascheiding ({char}).",
         "Schrijf een nieuwe regel als \\n in plaats van {escape}: editors en browsers tonen deze tekens verschillend."),
    Kind("NK406", E, "Geen teken in een waarde",
         "Deze waarde bevat na het lezen van de escapes tussen aanhalingstekens een code die geen teken is ({char}).",
         "Verwijder de escape ({escape}): U+FFFE, U+FFFF en de andere 'niet-tekens' horen in geen enkele tekst."),
    # -- warnings (NK5xx) ------------------------------------------------------
    Kind("NK501", W, "Lang niet nagekeken",
         "Dit record is het laatst nagekeken op {value}, meer dan {months} maanden geleden (de grens van {region}). "
         "De site toont het nog, maar een strikte build (netwerkkaart build, mkdocs build --strict) mislukt.",
         "Kijk de gegevens na met de partner en zet dan de datum van vandaag:\n  {command}of in het bestand:\n"
         "  nagekeken:\n    datum: \"{today}\"\n    door: <je naam>\n"
         "Wil de regio bewust langer wachten? Zet in regio.yml:\n  versheid:\n    waarschuwen_na_maanden: <aantal>"),
    Kind("NK504", W, "Nagekeken in de toekomst",
         "De datum van nakijken ({value}) ligt in de toekomst.",
         "Zet de datum waarop je de gegevens echt nakeek, zoals: datum: \"{today}\""),
    Kind("NK502", W, "Geen contact",
         "Deze partner heeft geen telefoon, e-mail, website, chat of aanmeldformulier.",
         "Voeg minstens één manier toe om contact op te nemen, zoals: contact:\n    telefoon: \"052 44 55 66\""),
    Kind("NK503", W, "Waarde afgekapt door #",
         "Alles vanaf ' #' is als commentaar gelezen: '{field}' is nu '{value}'.",
         "Zet de waarde tussen aanhalingstekens als het #-teken erbij hoort: {field}: \"{full}\""),
    # -- check-in commands: netwerkkaart nakijken / nagekeken (NK505-NK519) ------------------
    Kind("NK505", E, "Datum in de toekomst",
         "De datum {value} ligt na vandaag ({today}); nakijken in de toekomst kan niet.",
         "Geef de datum waarop de partner de gegevens echt bevestigde, of laat --datum weg voor vandaag."),
    Kind("NK506", E, "Nagekeken-regels niet gevonden",
         "In {name} staat geen 'nagekeken: {key}:'; netwerkkaart past alleen de regels 'datum:' en 'door:' onder "
         "'nagekeken:' aan.",
         "Schrijf het blok zo (elk op een eigen regel) en probeer opnieuw:\n"
         "  nagekeken:\n    datum: \"2026-01-15\"\n    door: Regioteam"),
    Kind("NK507", E, "Ongeldige naam bij --door",
         "'{value}' kan niet bij --door: de naam moet 2 tot 120 tekens op één regel zijn, zonder spaties vooraan of "
         "achteraan en zonder onzichtbare tekens.",
         "Geef de naam of dienst van wie nakeek, 2 tot 120 tekens op één regel, zoals: --door \"Regioteam Dender\""),
    Kind("NK508", E, "Schrijven mislukt",
         "{target} kan niet geschreven worden: {reason}. Er is niets veranderd.",
         "Controleer of je in de map mag schrijven en of de schijf niet vol is."),
    Kind("NK509", E, "Partner haalt de controle niet",
         "{name} heeft fouten; netwerkkaart zet geen datum van nakijken bij gegevens die niet kloppen.",
         "Verbeter eerst de fouten (netwerkkaart validate .) en probeer dan opnieuw."),
    # -- import (NK6xx) -----------------------------------------------------
    Kind("NK601", E, "Ongeldige regio",
         "'{value}' is geen regio-id: een regio-id bestaat alleen uit kleine letters, cijfers en koppeltekens (geen pad).",
         "Geef de naam van een map in regions/, zoals: --regio dender. Bestaande regio's: {allowed}."),
    Kind("NK602", E, "Buiten de gegevensmap",
         "{target} ligt (na het volgen van symbolische links) niet in {folder}; Netwerkkaart schrijft daar niet.",
         "Verwijder de symbolische link of de snelkoppeling in het pad ({link}), of kies een andere regio of map."),
    Kind("NK603", E, "Bronbestand niet leesbaar",
         "{name} kan niet gelezen worden: {reason}.",
         "Geef een gewoon bestand dat je mag lezen: een CSV-, XLSX- of JSON-bestand."),
    Kind("NK604", E, "Bronbestand te groot",
         "{name} is {size} groot; de grens voor een import is {limit}.",
         "Splits het rekenblad in kleinere bestanden (bijvoorbeeld per regio) en importeer ze na elkaar."),
    Kind("NK605", E, "Onbekend soort bestand",
         "{name} is geen CSV-, XLSX- of JSON-bestand.",
         "Sla het rekenblad op als 'Excel-werkmap (*.xlsx)' of als 'CSV UTF-8 (door komma's gescheiden)'. Oude .xls- en .ods-bestanden: open ze en sla ze op als .xlsx."),
    Kind("NK606", E, "Geen geldig XLSX-bestand",
         "{name} is geen leesbaar Excel-bestand: {reason}.",
         "Open het bestand in Excel of LibreOffice en sla het opnieuw op als 'Excel-werkmap (*.xlsx)'. Een CSV-bestand moet op .csv eindigen."),
    Kind("NK607", E, "XLSX uitgepakt te groot",
         "{name} wordt uitgepakt {size} groot; de grens is {limit}.",
         "Een gewoon rekenblad met partners is veel kleiner. Kopieer alleen de gegevens naar een nieuwe werkmap en sla die op."),
    Kind("NK608", E, "Te veel rijen",
         "Het rekenblad heeft meer dan {limit} rijen (gelezen tot rij {row}).",
         "Splits het rekenblad in kleinere bestanden. Staan er onderaan veel lege of opgemaakte rijen? Kopieer alleen de gegevens naar een nieuw blad."),
    Kind("NK609", E, "Te veel kolommen",
         "Het rekenblad heeft {count} kolommen; de grens is {limit}.",
         "Verwijder de kolommen die niet bij de partners horen, of kopieer alleen de gegevens naar een nieuw blad."),
    Kind("NK610", E, "Cel te lang",
         "De cel in {where} is langer dan {limit} tekens.",
         "Een beschrijving hoort kort te zijn. Kijk of er per ongeluk veel tekst in deze cel geplakt is."),
    Kind("NK611", E, "Verkeerde codering",
         "Het bestand kan niet gelezen worden als {encoding}: de byte 0x{byte} hier past niet.",
         "Sla het bestand op als 'CSV UTF-8', of geef de codering op met --encoding, zoals: --encoding cp1252 (Excel in het Nederlands) of --encoding utf-16."),
    Kind("NK612", E, "Onbekende codering",
         "'{value}' is geen codering die Netwerkkaart kent.",
         "Gebruik utf-8, utf-16, cp1252 (Windows, Excel in het Nederlands) of latin-1."),
    Kind("NK613", E, "Geen kopregel",
         "In de eerste {limit} rijen staat geen kopregel met de namen van de kolommen{found}.",
         "De eerste rij (of een rij onder een titel) moet de kolomnamen bevatten, zoals: naam;soort;korte_beschrijving;levensdomeinen;aanmelden_via;beroepsgeheim;nagekeken_datum;nagekeken_door. Andere namen koppel je met --kolommen. Scheid de kolommen met ; of , (niet alles in één kolom)."),
    Kind("NK614", E, "CSV niet leesbaar",
         "Het CSV-bestand klopt hier niet: {reason}.",
         "Open het bestand in een rekenblad en sla het opnieuw op als 'CSV UTF-8'. Kijk na of elk aanhalingsteken ook gesloten wordt."),
    Kind("NK615", E, "JSON-fout",
         "Het JSON-bestand klopt hier niet: {reason}.",
         "Importeer een bestand dat 'netwerkkaart export --format json' maakte, zonder het met de hand aan te passen."),
    Kind("NK616", E, "JSON zonder partners",
         "Het JSON-bestand heeft geen lijst 'partners' ({found}).",
         "Een export van Netwerkkaart begint zo: {{\"partners\": [{{\"id\": ..., \"naam\": ...}}]}}. Maak ze met: netwerkkaart export --format json"),
    Kind("NK617", E, "Partner zonder id of naam",
         "Partner {number} in de lijst heeft geen {missing} als tekst.",
         "Elke partner in de lijst is een blok met minstens \"id\" en \"naam\" als tekst."),
    Kind("NK618", E, "Ongeldig id",
         "'{value}' in {where} geeft geen bruikbaar id.",
         "Een id bestaat uit kleine letters, cijfers en koppeltekens, zoals jeugdhuis-de-kelder. In een rekenblad: vul de kolom id in, of een naam met letters."),
    Kind("NK619", E, "Verplichte cel leeg",
         "In {where}: is leeg of ontbreekt; deze kolom is verplicht.",
         "Pas de cel aan in het rekenblad en importeer opnieuw. De kolommen staan in docs/redacteurs.md en in 'netwerkkaart export --format csv'."),
    Kind("NK620", E, "Id twee keer in het bestand",
         "Het id '{value}' ({where}) staat ook in rij {other}; de ene rij zou de andere overschrijven.",
         "Geef elke partner een eigen id (kolom id), of verwijder de dubbele rij."),
    Kind("NK621", E, "Id bestaat al in een andere regio",
         "Het id '{value}' ({where}) is al een partner van regio {region}: {other}.",
         "Een id komt maar één keer voor, over alle regio's heen. Geef deze partner een ander id (kolom id), of pas het bestaande bestand aan."),
    Kind("NK622", E, "Partner bestaat al",
         "Het id '{value}' ({where}): {other} bestaat al; gebruik --force om te overschrijven.",
         "Bekijk eerst met --dry-run wat er zou veranderen. Met --force wordt alleen een bestaand bestand van dezelfde regio overschreven."),
    Kind("NK623", E, "Rij haalt de controle niet",
         "In {where}: {original} {message}",
         "{hint}"),
    Kind("NK624", W, "Rij met een waarschuwing",
         "In {where}: {original} {message}",
         "{hint}"),
    Kind("NK625", E, "Import maakt een ander bestand ongeldig",
         "Na de import: {original} {message}",
         "{hint}"),
    Kind("NK626", E, "Schrijven mislukt",
         "{target} kan niet geschreven worden: {reason}. Er is niets geïmporteerd.",
         "Controleer of je in de map mag schrijven en of de schijf niet vol is."),
    Kind("NK627", E, "Kolommenbestand klopt niet",
         "Het bestand met kolomnamen moet per regel een kolomnaam en een van onze kolommen als tekst geven.",
         "Schrijf per regel: naam in je rekenblad, dubbele punt, onze kolomnaam, zoals:\n  Naam organisatie: naam\n  Telefoonnummer: telefoon"),
    # -- import: columns (NK628-NK649, the editor's day) ---------------------------
    Kind("NK629", E, "Verplichte kolom ontbreekt",
         "De verplichte kolom '{field}' staat niet in de kopregel{guess}.",
         "Noem een kolom van je rekenblad '{field}', of koppel je eigen kolomnaam met --kolommen. Een kolommenbestand "
         "om aan te passen maak je met: netwerkkaart import BRON --regio REGIO --kolommen-voorstel kolommen.yml"),
    Kind("NK630", E, "Onbekende kolom in het kolommenbestand",
         "'{key}: {value}': '{value}' is geen kolom van Netwerkkaart{guess}.",
         "Rechts van de dubbele punt staat een van onze kolommen: {fields}."),
    Kind("NK631", E, "Kolom niet in het rekenblad",
         "'{key}' staat in het kolommenbestand, maar niet in de kopregel van het rekenblad{guess}.",
         "Links van de dubbele punt staat een kolomnaam zoals in je rekenblad. De kopregel heeft: {headers}."),
    Kind("NK632", E, "Kolommenvoorstel niet geschreven",
         "{target} kan niet geschreven worden: {reason}.",
         "Kies een nieuw bestand naast je rekenblad, buiten partners/ en regions/, zoals: --kolommen-voorstel kolommen.yml"),
    Kind("NK633", E, "Adres zonder coördinaten",
         "In {where}: het adres '{address}' heeft geen coördinaten. Een openbaar adres komt op de kaart en heeft daarom "
         "lat en lon nodig; Netwerkkaart zoekt ze niet zelf op (daarvoor is een dienst op internet nodig).",
         "Zoek het adres op openstreetmap.org, klik er met de rechtermuisknop op en kies 'Toon adres': links staan "
         "de coördinaten, zoals 51.0659, 4.0398. Zet ze in de kolommen lat en lon (of breedtegraad en lengtegraad). "
         "Is het adres geheim, zoals een vluchthuis? Laat het dan weg uit het rekenblad en voeg het daarna in het "
         "bestand toe met vertrouwelijk: true."),
    Kind("NK634", E, "Doel is geen gewoon bestand",
         "Het id '{value}' ({where}): {other} bestaat al maar is {what}; daar kan geen partnerbestand komen.",
         "Verwijder of hernoem {other} (een map of link met de naam van een partnerbestand hoort daar niet), "
         "of geef deze partner een ander id."),
    Kind("NK635", E, "Geen geldig id",
         "'{value}' ({where}) is geen geldig id: een id bestaat alleen uit kleine letters, cijfers en koppeltekens "
         "(geen pad, geen spaties).",
         "Netwerkkaart past een id niet stilzwijgend aan. Bedoel je '{suggestion}'? Schrijf dat id dan zelf."),
    Kind("NK636", E, "Import zou gegevens wissen",
         "Het id '{value}' ({where}): {other} heeft gegevens waarvoor het rekenblad geen kolom heeft en die de "
         "import niet kan bewaren: {fields}.",
         "Een CSV- of XLSX-rekenblad heeft geen kolommen voor alles wat een partnerbestand kan bevatten. "
         "Pas die gegevens in het bestand zelf aan, of gebruik voor een volledige rondreis de JSON-export: "
         "netwerkkaart export . --format json -o partners.json, en daarna import partners.json."),
    Kind("NK637", W, "Commentaar gaat verloren",
         "{other} heeft commentaar (regels met #); de import schrijft het bestand opnieuw en het commentaar verdwijnt.",
         "Staat er belangrijke uitleg in het commentaar? Zet ze dan na de import terug, of pas het bestand met de hand aan."),
    Kind("NK638", E, "Bestaat al",
         "{target} bestaat al; er is niets gemaakt.",
         "Kies een ander id, of pas het bestaande bestand aan."),
    Kind("NK639", E, "Geen gemeente",
         "'{value}' is geen Belgische gemeente van 2025; er is niets gemaakt.",
         "Schrijf de officiële naam van de gemeente, zoals Dendermonde{guess}."),
    Kind("NK640", E, "Regio bestaat niet",
         "De regio '{value}' bestaat niet (regions/{value}/regio.yml ontbreekt).",
         "Bestaande regio's: {allowed}. Een nieuwe regio maak je met: netwerkkaart new regio ID"),
    Kind("NK641", E, "Nieuw bestand haalt de controle niet",
         "{target} zou na het maken deze fout geven: {original} {message} Er is niets gemaakt.",
         "{hint}"),
    Kind("NK642", E, "Ongeldige tekst bij een optie",
         "De tekst bij {option} bevat een onzichtbaar stuurteken ({value}).",
         "Typ de tekst opnieuw, zonder stuurtekens, zoals: --naam \"Jeugdhuis De Kelder\""),
    Kind("NK643", E, "Getal te lang",
         "Hier staat een getal van meer dan {limit} cijfers.",
         "Zo'n getal hoort niet in de gegevens. Staat er per ongeluk een lange reeks cijfers? Verwijder ze, of zet "
         "ze tussen aanhalingstekens als het tekst is."),
    Kind("NK644", W, "Tijdelijk bestand van een import",
         "{name} is een tijdelijk bestand dat een onderbroken import of 'new' achterliet; het wordt niet gelezen.",
         "Verwijder het bestand. Was de import onderbroken? Kijk dan met git status of alles klopt en importeer opnieuw."),
    Kind("NK645", W, "Verborgen bestand niet gelezen",
         "{name} begint met een punt en wordt daarom niet gelezen.",
         "Horen er gegevens in? Hernoem het dan zonder punt vooraan. Zo niet, verwijder het."),
    Kind("NK646", E, "Map met de naam van een bestand",
         "{name} is een map, geen bestand; er wordt niets uit gelezen.",
         "Een map met een naam op .yml hoort hier niet. Verwijder of hernoem de map."),
    Kind("NK647", E, "Formule in een cel",
         "In {where}: de cel bevat een formule ({value}), geen waarde.",
         "Netwerkkaart rekent geen formules uit. Kopieer de kolom en plak ze als waarden "
         "(Plakken speciaal > Waarden) en importeer opnieuw."),
    # -- import and new: problems that had a validation code (NK650-NK669) ----------------------
    Kind("NK650", E, "Id bestaat al in een andere regio",
         "Het id '{value}' is al een partner van regio {region}: {other}. Er is niets gemaakt.",
         "Een id komt maar één keer voor, over alle regio's heen. Kies een ander id, of pas het bestaande "
         "bestand aan."),
    Kind("NK651", E, "Nagekeken-regel niet veilig aan te passen",
         "In {name} staat de waarde van 'nagekeken: {key}:' over meer regels of in een vorm die netwerkkaart niet "
         "veilig kan vervangen.",
         "Schrijf het blok zo (elk op een eigen regel) en probeer opnieuw:\n"
         "  nagekeken:\n    datum: \"2026-01-15\"\n    door: Regioteam"),
    Kind("NK652", E, "Naam bij --door haalt de controle niet",
         "'{value}' kan niet bij --door: {original} {message}",
         "{hint}"),
    Kind("NK653", E, "Stuurteken in een cel",
         "In {where}: de cel bevat een onzichtbaar stuurteken ({char}).",
         "Typ de tekst in de cel opnieuw, zonder het stuurteken; het komt meestal mee bij kopiëren uit een ander "
         "programma."),
    Kind("NK654", E, "Kolom twee keer",
         "In {where}: de kolom '{field}' staat al in kolom {other}.",
         "Verwijder of hernoem één van beide kolommen in het rekenblad, of koppel ze anders met --kolommen."),
    Kind("NK655", E, "Telefoonnummer als getal",
         "In {where}: is een getal ({value}): de voorloopnul is weg.",
         "Zet de kolom in het rekenblad als tekst (Celeigenschappen > Tekst) en typ het nummer opnieuw, "
         "zoals 052 44 55 66."),
    Kind("NK656", E, "Adreskolommen niet even lang",
         "In {where}: adressen, postcodes, gemeenten, lat en lon hebben niet evenveel items.",
         "Scheid de items in elke kolom met ; en geef per adres een postcode, een gemeente en (voor een openbaar "
         "adres) lat en lon, zoals postcodes: 9240; 9200 en gemeenten: Zele; Dendermonde."),
    Kind("NK657", E, "Onbekende gemeente in een cel",
         "In {where}: '{value}' is geen gemeente van 2025.",
         "Schrijf de officiële naam van de gemeente (2025), zoals Dendermonde, en scheid gemeenten met ;. "
         "In de kolom werkgebied kan ook 'hele regio'."),
    Kind("NK658", E, "Geen coördinaten in een cel",
         "In {where}: '{lat}' / '{lon}' zijn geen coördinaten.",
         "Schrijf getallen met een punt, zoals 51.0659 en 4.0398 (in Vlaanderen is lat ongeveer 50,7 tot 51,5 en "
         "lon 2,5 tot 5,9)."),
    Kind("NK659", E, "Openingsuren niet leesbaar",
         "In {where}: is geen lijst van openingsuren zoals de CSV-export ze schrijft (JSON).",
         "Laat de cel zoals 'netwerkkaart export --format csv' ze schreef, of maak ze leeg en vul de openingsuren "
         "daarna in het partnerbestand in."),
    Kind("NK660", E, "Geen werkgebied",
         "In {where}: is leeg en er is geen adres om het werkgebied uit af te leiden.",
         "Schrijf 'hele regio' of de gemeenten waarvoor de partner werkt, gescheiden door ;, zoals: Zele; Dendermonde"),
    Kind("NK661", E, "Geen ja of nee",
         "In {where}: '{value}' is geen ja of nee.",
         "Schrijf ja of nee in de cel."),
    Kind("NK662", E, "Partner is geen blok",
         "Partner {number} in de lijst is geen blok met velden.",
         "Elke partner in de lijst is een blok met minstens \"id\" en \"naam\" als tekst."),
    Kind("NK663", E, "Tekst waar een lijst hoort",
         "'{field}' moet een lijst zijn, maar is {found}.",
         "Schrijf een lijst, met '- ' voor elk item, ook het eerste en ook voor één item:\n  {example}"),
    Kind("NK664", E, "Tekst waar true of false hoort",
         "'{field}' moet true of false zijn, maar is {found}.",
         "Schrijf true (ja) of false (nee), in kleine letters: {key}: true"),
    Kind("NK665", E, "Getal waar tekst hoort",
         "'{field}' moet tekst zijn, maar is {found}.",
         "Zet de waarde tussen aanhalingstekens, dan blijft ze precies zoals je ze schreef: {key}: \"{value}\""),
    Kind("NK666", E, "Getal met een komma",
         "'{field}' moet een getal zijn, maar is {found}.",
         "Schrijf een getal met een punt, niet met een komma: {key}: {value}"),
    Kind("NK667", E, "Naam in plaats van NIS-code",
         "'{value}' lijkt een naam, geen NIS-code: bij '{field}' hoort de NIS-code van een gemeente.{meant}",
         "Gebruik de NIS-code van {municipality}, niet de naam:\n  {example}"),
    Kind("NK668", E, "Id met verboden tekens",
         "'{value}' is geen geldig id voor '{field}'.",
         "Alleen kleine letters, cijfers en koppeltekens, zonder spaties of accenten. Bijvoorbeeld:\n  {example}"),
    # -- output folders (NK7xx) ---------------------------------------------------
    Kind("NK701", E, "Uitvoermap op een beschermde plaats",
         "'{target}' kan geen uitvoermap zijn: die map {relation} {what} ('{path}').",
         "'netwerkkaart build --site' en 'netwerkkaart generate' vervangen hun uitvoermap telkens helemaal. "
         "Kies een eigen map die alleen de uitvoer bevat, naast de gegevens, zoals:\n"
         "  netwerkkaart build --site site\n  netwerkkaart generate build/paginas"),
    Kind("NK702", E, "Uitvoermap met andere bestanden",
         "'{target}' bestaat al, is niet leeg en is niet door netwerkkaart gemaakt (het merkbestand {marker} "
         "ontbreekt of klopt niet). Er is niets gewijzigd.",
         "'netwerkkaart build --site' en 'netwerkkaart generate' vervangen hun uitvoermap helemaal en zouden die "
         "bestanden wissen. Kies een nieuwe of lege map. Is het een site van een oudere versie van netwerkkaart "
         "die je niet meer nodig hebt? Verwijder de map dan zelf; daarna maakt netwerkkaart ze opnieuw."),
    Kind("NK703", E, "Vorige kopie niet van netwerkkaart",
         "'{previous}' bestaat al en is niet door netwerkkaart gemaakt; de build zet de vorige uitvoer daar even "
         "neer. Er is niets gewijzigd.",
         "Verwijder of hernoem '{previous}', of kies een andere uitvoermap."),
    Kind("NK704", E, "Een andere build is bezig",
         "Een andere build (pid {pid}) schrijft nog naar '{target}'; na {seconds} seconden wachten is deze build "
         "gestopt. Er is niets gewijzigd.",
         "Wacht tot de andere build klaar is en probeer opnieuw. Hangt ze? Stop dat proces (pid {pid}) en "
         "start de build opnieuw: wat een onderbroken build achterliet, wordt dan opgeruimd."),
    Kind("NK705", E, "Uitvoerbestand op een beschermde plaats",
         "'{target}' kan geen uitvoerbestand zijn: het {relation} {what} ('{path}'). Er is niets geschreven.",
         "Schrijf een export naast de gegevens, niet erin, zoals: netwerkkaart export . --format csv -o partners.csv"),
    Kind("NK706", E, "Uitvoerbestand bestaat al",
         "'{target}' bestaat al en is geen eerdere export van netwerkkaart. Er is niets geschreven.",
         "Kies een nieuw bestand, zoals -o partners.csv. Wil je dit bestand echt vervangen? Voeg dan --force toe."),
    Kind("NK707", E, "Uitvoer is geen gewoon bestand",
         "'{target}' is {what}; een export komt in een gewoon bestand. Er is niets geschreven.",
         "Geef de naam van een bestand, zoals -o partners.csv. Zonder -o komt de export op het scherm."),
    Kind("NK708", E, "Map bestaat niet",
         "De map '{folder}' voor '{target}' bestaat niet. Er is niets geschreven.",
         "Maak de map eerst, of kies een bestand in een bestaande map, zoals -o partners.csv."),
    Kind("NK709", E, "Uitvoer niet geschreven",
         "{target} kan niet geschreven worden: {reason}.",
         "Controleer of je in die map mag schrijven en of de schijf niet vol is. Een bestand dat al bestond, "
         "is niet veranderd."),
    Kind("NK710", E, "Configuratiebestand niet bruikbaar",
         "'{target}' kan niet als configuratie gebruikt worden: {reason}.",
         "Geef het MkDocs-configuratiebestand van de site, zoals: --config mkdocs.yml"),
    Kind("NK711", E, "Configuratiebestand klopt niet",
         "'{target}' is geen geldige MkDocs-configuratie: {reason}.",
         "Kijk het bestand na (inspringen, dubbele punten, aanhalingstekens), of zet de mkdocs.yml van het "
         "project terug met: git checkout mkdocs.yml"),
    Kind("NK712", E, "Bestaat niet",
         "{what} '{target}' bij {option} bestaat niet.",
         "Kijk de naam en de map na. Een pad dat niet met / begint, geldt vanaf de map waarin je het commando geeft."),
    Kind("NK713", E, "Map of bestand verwisseld",
         "'{target}' bij {option} is {found}; hier hoort {expected}.",
         "Geef {expected}."),
    Kind("NK714", E, "Ongeldige keuze",
         "'{value}' kan niet bij {option}.",
         "Kies uit: {allowed}."),
    Kind("NK715", E, "Verplicht gegeven ontbreekt",
         "{what} ontbreekt.",
         "Zie wat het commando nodig heeft met: netwerkkaart {command} --help"),
    Kind("NK716", E, "Onbekende optie",
         "{option} is geen optie van dit commando.",
         "Zie de opties met: netwerkkaart {command} --help"),
    # -- packaging and publishing (NK717-NK729) ------------------------------------
    Kind("NK717", W, "Site gepubliceerd met een lokaal adres",
         "De site wordt gebouwd om te publiceren, maar haar adres (site_url) is '{url}' ({where}): een adres "
         "dat alleen op deze computer werkt. De links naar de site in de exports, de feed \"Wat is nieuw\" en "
         "de nakijkteksten wijzen dan naar de computer van wie ze opent.",
         "Geef het echte adres van de site in de omgevingsvariabele NK_SITE_URL of als site_url in mkdocs.yml, "
         "zoals:\n  NK_SITE_URL=https://ons-netwerk.be/ netwerkkaart build --site site\n"
         "Op GitHub Pages zet .github/workflows/netwerkkaart.yml het adres vanzelf. Alleen om de site hier te "
         "bekijken (make serve, mkdocs serve) is een lokaal adres juist."),
    # -- the data folder and the project's settings of a command (NK718-NK725; cli.py) --
    Kind("NK718", E, "Gegevensmap bestaat niet",
         "De map '{folder}' met de gegevens bestaat niet.",
         "Geef de map met partners/ en regions/ (een pad zonder / vooraan geldt vanaf de map waarin je het "
         "commando geeft), zoals:\n  netwerkkaart {command}"),
    Kind("NK719", E, "Gegevensmap is een bestand",
         "'{folder}' is een bestand; hier hoort de map met de gegevens (partners/ en regions/).",
         "Geef de map waarin partners/ en regions/ staan, niet een bestand erin, zoals:\n  netwerkkaart {command}"),
    Kind("NK720", E, "Gegevensmap niet te openen",
         "De map '{folder}' met de gegevens kan niet geopend worden: {reason}.",
         "Controleer of je die map mag lezen en openen (rechten), of geef een andere map, zoals:\n"
         "  netwerkkaart {command}"),
    Kind("NK721", E, "Instelling van de plugin klopt niet",
         "'{option}' bij de netwerkkaart-plugin in '{target}' moet {expected} zijn, maar is {found}.",
         "Geef '{option}' een waarde van de juiste soort, onder plugins en netwerkkaart in mkdocs.yml, "
         "bijvoorbeeld {example} (alle instellingen: docs/zensical.md)."),
    Kind("NK722", E, "Pagina in docs/ botst met een gemaakte pagina",
         "'{page}' in '{docs}' krijgt hetzelfde adres ({url}) als een pagina die Netwerkkaart maakt. Er is niets "
         "geschreven.",
         "Geef het bestand in docs/ een andere naam, zoals: {example}"),
    Kind("NK723", E, "Pad niet te lezen",
         "'{target}' bij {option} kan niet gelezen worden: geen toestemming (rechten).",
         "Controleer of je dat bestand of die map mag lezen (rechten), of geef een ander pad."),
    # -- internal ---------------------------------------------------------------
    Kind("NK900", E, "Interne fout",
         "Interne fout bij het lezen van dit bestand: {error}.",
         "Dit is een fout in Netwerkkaart, niet in je gegevens. Meld het aan de beheerders, met dit bestand erbij."),
]

CATALOG: dict[str, Kind] = {k.code: k for k in _KINDS}


def fields_of(kind: Kind) -> frozenset[str]:
    """The names a kind's message and hint templates take: exactly what :func:`problem` accepts."""
    return frozenset(name for template in (kind.message, kind.hint)
                     for _, name, _, _ in string.Formatter().parse(template) if name)


# The kinds that tell another problem again, in the words of an import or of 'new' (a row that fails a
# check, a file the import would make invalid): their ``original``, ``message`` and ``hint`` come from
# that problem (``cause=``), which the catalogue made, never from the caller.
_CAUSE_FIELDS = frozenset({"original", "message", "hint"})


# Fields whose text the tool writes itself (lists of allowed values, examples, explanations, file
# paths): shown whole, with their line breaks. Every other text field quotes what a file holds:
# shown as a short excerpt.
_OWN_TEXT = frozenset({"allowed", "bound", "error", "example", "expected", "hint", "other", "postcodes", "rule",
                       "reason", "scope", "suggestion", "today", "url", "what", "where",
                       "folder", "link", "path", "previous", "target"})  # paths (output folders and files)


def _shown(name: str, value: object) -> object:
    if value.__class__ is not str:
        return value if isinstance(value, (int, float)) else _shown(name, str(value))
    if name in _OWN_TEXT:
        return visible(value, keep_newlines=True)
    return excerpt(value)


def problem(code: str, file: str, line: int, column: int, *, cause: Problem | None = None,
            **fields: object) -> Problem:
    """Make the problem ``code`` at ``file:line:column``, filling its templates.

    The one place every message is made, so the one place that makes sure no message carries a
    control or invisible character (shown as ``\\u001b``) or more than a short excerpt of a file.
    ``fields`` are exactly the template's placeholders (values: a field name, a file, a number), so
    the text of a message is always the catalogue's; a kind that tells another problem again takes
    that problem as ``cause``."""
    kind = CATALOG[code]
    expected = fields_of(kind)
    if cause is not None:
        fields = {**fields, "original": cause.code, "message": cause.message, "hint": cause.hint}
    if set(fields) != expected or (cause is None) == (_CAUSE_FIELDS <= expected):
        raise TypeError(f"problem({code!r}) takes {sorted(expected)}, got {sorted(fields)}"
                        f"{' and a cause' if cause is not None else ''}")
    shown = {name: _shown(name, value) for name, value in fields.items()}
    return Problem(
        file=visible(file),
        line=line,
        column=column,
        code=code,
        message=visible(kind.message.format(**shown), keep_newlines=True),
        hint=visible(kind.hint.format(**shown), keep_newlines=True),
        severity=kind.severity,
    )
