"""The model: frozen records built from a validated project, with the relations pages need.

Built only from a project without errors: every reference here resolves.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from . import feedback, freshness, hours
from .project import Project
from .refdata import reference
from .vragen import Question, region_questions

DAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
        "za": "zaterdag", "zo": "zondag"}

KIND_LABELS = {
    "clb": "CLB (Centrum voor Leerlingenbegeleiding)",
    "caw": "CAW (Centrum Algemeen Welzijnswerk)",
    "kind-en-gezin": "Kind en Gezin (K&G, Opgroeien)",
    "huis-van-het-kind": "Huis van het Kind (HvhK)",
    "sociaal-huis": "Sociaal Huis (OCMW)",
    "lop": "LOP (Lokaal Overlegplatform onderwijs)",
    "cgg": "CGG (Centrum Geestelijke Gezondheidszorg)",
    "jac": "JAC (Jongerenadviescentrum)",
    "kinderopvang": "Kinderopvang",
    "onderwijs": "Onderwijs en vorming",
    "gezondheid": "Gezondheid",
    "werk": "Werk",
    "wonen": "Wonen",
    "vrije-tijd": "Vrije tijd",
    "vereniging": "Vereniging",
    "andere": "Andere organisatie",
}

LOCAL_CONTACT_LABELS = {
    "huis-van-het-kind": "Huis van het Kind", "sociaal-huis": "Sociaal Huis (OCMW)",
    "lop": "LOP", "kind-en-gezin": "Kind en Gezin", "kinderopvang": "Kinderopvang",
    "clb": "CLB", "caw": "CAW", "andere": "Ander aanspreekpunt",
}

COST_LABELS = {"gratis": "Gratis", "bijdrage": "Kleine bijdrage", "inkomensafhankelijk": "Volgens inkomen",
               "betalend": "Betalend"}
SIGNUP_LABELS = {"zelf": "Het gezin meldt zich zelf aan", "hulpverlener": "Via een hulpverlener",
                 "online": "Online, met een formulier"}
LANGUAGE_LABELS = {
    "nl": "Nederlands", "fr": "Frans", "en": "Engels", "de": "Duits", "ar": "Arabisch", "tr": "Turks",
    "pl": "Pools", "ro": "Roemeens", "bg": "Bulgaars", "uk": "Oekraïens", "ru": "Russisch", "es": "Spaans",
    "it": "Italiaans", "pt": "Portugees", "so": "Somalisch", "ti": "Tigrinya", "fa": "Perzisch (Farsi)",
    "ps": "Pasjtoe", "prs": "Dari", "am": "Amhaars", "sq": "Albanees", "ber": "Berbers", "vgt": "Vlaamse Gebarentaal",
    "ku": "Koerdisch", "ur": "Urdu", "hi": "Hindi", "zh": "Chinees", "ne": "Nepalees", "hy": "Armeens",
}

STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class LifeDomain:
    id: str
    naam: str
    uitleg: str
    icoon: str
    picto: str = ""  # the pictogram for families (picto.py); "" = the default


@dataclass(frozen=True)
class OpeningHours:
    dagen: tuple[str, ...]
    van: str
    tot: str

    @property
    def days_text(self) -> str:
        return ", ".join(DAYS[d] for d in self.dagen)


@dataclass(frozen=True)
class Agreement:
    """A region's agreement on gedeeld beroepsgeheim (regio.yml); partners name it to say they signed."""
    id: str
    naam: str
    datum: str
    tekst: str | None
    uitleg: str | None


@dataclass(frozen=True)
class Location:
    naam: str | None
    straat: str | None
    plaats: str | None
    postcode: str
    gemeente: str
    nis: str
    lat: float | None
    lon: float | None
    openingsuren: tuple[OpeningHours, ...]
    openingsuren_uitleg: str | None
    rolstoeltoegankelijk: bool | None
    vertrouwelijk: bool
    hours: dict = field(default_factory=dict)  # opening hours as nk-open.js reads them (hours.py)

    @property
    def public(self) -> bool:
        """May be shown with its address and on a map."""
        return not self.vertrouwelijk


@dataclass(frozen=True)
class Partner:
    id: str
    region: str
    source: str
    naam: str
    soort: str
    korte_beschrijving: str
    beschrijving: str | None
    levensdomeinen: tuple[str, ...]
    doelgroep: dict
    aanmelden: dict
    talen: tuple[str, ...]
    hele_regio: bool
    werkgebied: tuple[str, ...]  # NIS codes; empty when hele_regio
    locaties: tuple[Location, ...]
    contact: dict
    beroepsgeheim: bool | None  # None: not filled in (shown as "niet ingevuld", never as "nee")
    brede_instap: bool | None
    nagekeken_datum: str
    nagekeken_door: str
    voorbeeld: bool
    telefoonlijnen: tuple[dict, ...] = ()  # phone lines with their own hours, as in the record
    vragen: tuple[str, ...] = ()  # the questions it says it answers (vragen.py matches the others)
    gedeeld_beroepsgeheim: tuple[str, ...] = ()  # ids of the region's agreements this partner signed
    vertalingen: tuple[tuple[str, str], ...] = ()  # lang (i18n.py): the short description in family languages

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.soort]

    def is_stale(self, today: datetime.date) -> bool:
        return (today - datetime.date.fromisoformat(self.nagekeken_datum)).days > STALE_AFTER_DAYS

    def age_range(self) -> tuple[int, int] | None:
        low, high = self.doelgroep.get("leeftijd_van"), self.doelgroep.get("leeftijd_tot")
        if low is None and high is None:
            return None
        return (low or 0, 120 if high is None else high)


@dataclass(frozen=True)
class LocalContact:
    soort: str
    naam: str
    partner: str | None
    telefoon: str | None
    email: str | None
    website: str | None


@dataclass(frozen=True)
class Municipality:
    id: str
    nis: str
    naam: str
    region: str
    source: str
    deelgemeenten: tuple[tuple[str, str], ...]
    lokale_contacten: tuple[LocalContact, ...]
    notities: str | None

    @property
    def postcodes(self) -> tuple[str, ...]:
        return tuple(sorted({pc for _, pc in self.deelgemeenten}))


@dataclass(frozen=True)
class Region:
    id: str
    naam: str
    source: str
    korte_beschrijving: str
    beschrijving: str | None
    website: str | None
    aanmelden: dict
    municipalities: tuple[Municipality, ...]
    life_domains: tuple[LifeDomain, ...]
    questions: tuple[Question, ...] = ()
    policy: freshness.Policy = freshness.DEFAULT  # when its records count as not recently checked
    report: feedback.Target | None = None  # where "Klopt er iets niet?" goes (None: no link)
    agreements: tuple[Agreement, ...] = ()  # gedeeld beroepsgeheim


@dataclass(frozen=True)
class Site:
    regions: tuple[Region, ...]
    partners: tuple[Partner, ...]
    example: bool  # any record is example data
    built: datetime.date = datetime.date(1970, 1, 1)  # the build date: freshness is measured against it
    site_url: str = ""  # the site's address (mkdocs.yml site_url), for links that leave the site

    # Lookups are indexed once (cached_property writes the instance dict, which a frozen dataclass allows):
    # scanning every partner per municipality made page rendering quadratic at Flanders scale.
    @cached_property
    def _regions(self) -> dict[str, Region]:
        return {r.id: r for r in self.regions}

    @cached_property
    def _partners(self) -> dict[str, Partner]:
        return {p.id: p for p in self.partners}

    @cached_property
    def _order(self) -> dict[str, int]:
        return {p.id: i for i, p in enumerate(self.partners)}

    @cached_property
    def _by_region(self) -> dict[str, tuple[Partner, ...]]:
        grouped: dict[str, list[Partner]] = {}
        for p in self.partners:
            grouped.setdefault(p.region, []).append(p)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _by_place(self) -> dict[str, tuple[Partner, ...]]:
        grouped: dict[str, list[Partner]] = {}
        for p in self.partners:
            for nis in dict.fromkeys(loc.nis for loc in p.locaties if loc.public):
                grouped.setdefault(nis, []).append(p)
        return {k: tuple(v) for k, v in grouped.items()}

    def region(self, region_id: str) -> Region:
        return self._regions[region_id]

    def partners_of(self, region_id: str) -> tuple[Partner, ...]:
        return self._by_region.get(region_id, ())

    def partner(self, partner_id: str) -> Partner | None:
        return self._partners.get(partner_id)

    def located_in(self, municipality: Municipality) -> tuple[Partner, ...]:
        """Partners with a public address here (a confidential address reveals nothing, not even its town)."""
        return self._by_place.get(municipality.nis, ())

    def serving(self, municipality: Municipality) -> tuple[Partner, ...]:
        """Partners of the municipality's region whose service area includes it."""
        return tuple(p for p in self.partners_of(municipality.region)
                     if p.hele_regio or municipality.nis in p.werkgebied)

    def active_in(self, municipality: Municipality) -> tuple[Partner, ...]:
        """Located here or serving this municipality, in name order."""
        found = {p.id: p for p in self.located_in(municipality)} | {p.id: p for p in self.serving(municipality)}
        return tuple(sorted(found.values(), key=lambda p: self._order[p.id]))

    def page_address(self, url: str) -> str:
        """The full address of a page (from the site's root when the site's address is not known)."""
        return (self.site_url.rstrip("/") + "/" if self.site_url else "/") + url

    def freshness(self, partner: Partner) -> str:
        """vers, niet-recent or te-oud: the partner's last check against its region's policy, on the build date."""
        return self.region(partner.region).policy.state(partner.nagekeken_datum, self.built)
    def agreements_of(self, partner: Partner) -> tuple[Agreement, ...]:
        """The region's gedeeld-beroepsgeheim agreements the partner signed, in the region's order."""
        if not partner.gedeeld_beroepsgeheim:
            return ()
        return tuple(a for a in self.region(partner.region).agreements if a.id in partner.gedeeld_beroepsgeheim)

    def service_area(self, partner: Partner) -> tuple[Municipality, ...]:
        region = self.region(partner.region)
        if partner.hele_regio:
            return region.municipalities
        return tuple(m for m in region.municipalities if m.nis in partner.werkgebied)


def _location(data: dict) -> Location:
    address = data["adres"]
    coords = data.get("coordinaten") or {}
    municipality = reference().find(address["gemeente"])
    return Location(
        naam=data.get("naam"), straat=address.get("straat"), plaats=address.get("plaats"),
        postcode=str(address["postcode"]), gemeente=address["gemeente"], nis=municipality.nis,
        lat=coords.get("lat"), lon=coords.get("lon"),
        openingsuren=tuple(OpeningHours(tuple(o["dagen"]), o["van"], o["tot"]) for o in data.get("openingsuren", [])
                           if not o.get("gesloten")),
        openingsuren_uitleg=data.get("openingsuren_uitleg"),
        rolstoeltoegankelijk=data.get("rolstoeltoegankelijk"), vertrouwelijk=bool(data.get("vertrouwelijk")),
        hours=hours.browser_hours(data),
    )


def build_site(project: Project, today: datetime.date | None = None, site_url: str = "") -> Site:
    """The model of a project that validated without errors, built on ``today`` (default: freshness.today())."""
    default = project.default_life_domains.doc.data["levensdomeinen"]
    extra = {r.region: r.doc.data["levensdomeinen"] for r in project.of_kind("levensdomeinen")}
    municipalities: dict[str, list[Municipality]] = {}
    for rec in project.of_kind("gemeente"):
        d = rec.doc.data
        municipalities.setdefault(rec.region, []).append(Municipality(
            id=d["id"], nis=str(d["nis"]), naam=d["naam"], region=rec.region, source=rec.path,
            deelgemeenten=tuple((x["naam"], str(x["postcode"])) for x in d.get("deelgemeenten", [])),
            lokale_contacten=tuple(LocalContact(c["soort"], c["naam"], c.get("partner"), c.get("telefoon"),
                                                c.get("email"), c.get("website")) for c in d.get("lokale_contacten", [])),
            notities=d.get("notities"),
        ))
    regions = []
    for rec in sorted(project.of_kind("regio"), key=lambda r: r.doc.data["naam"].casefold()):
        d = rec.doc.data
        domains = [LifeDomain(x["id"], x["naam"], x["uitleg"], x["icoon"], x.get("picto", "")) for x in default + extra.get(rec.region, [])]
        regions.append(Region(
            id=rec.region, naam=d["naam"], source=rec.path, korte_beschrijving=d["korte_beschrijving"],
            beschrijving=d.get("beschrijving"), website=d.get("website"), aanmelden=d["aanmelden"],
            municipalities=tuple(sorted(municipalities.get(rec.region, []), key=lambda m: m.naam.casefold())),
            life_domains=tuple(domains), questions=region_questions(project, rec.region),
            policy=freshness.policy_of(d), report=feedback.target_of(d),
            agreements=tuple(Agreement(a["id"], a["naam"], a["datum"], a.get("tekst"), a.get("uitleg"))
                             for a in d.get("gedeeld_beroepsgeheim", [])),
        ))
    partners = []
    for rec in project.of_kind("partner"):
        d = rec.doc.data
        area = d["werkgebied"]
        partners.append(Partner(
            id=d["id"], region=rec.region, source=rec.path, naam=d["naam"], soort=d["soort"],
            korte_beschrijving=d["korte_beschrijving"], beschrijving=d.get("beschrijving"),
            levensdomeinen=tuple(d["levensdomeinen"]), doelgroep=d.get("doelgroep", {}), aanmelden=d["aanmelden"],
            talen=tuple(d.get("talen", [])), hele_regio=bool(area.get("hele_regio")),
            werkgebied=tuple(str(n) for n in area.get("gemeenten", [])),
            locaties=tuple(_location(x) for x in d.get("locaties", [])), contact=d.get("contact", {}),
            beroepsgeheim=d.get("beroepsgeheim"), brede_instap=d.get("brede_instap"),
            nagekeken_datum=d["nagekeken"]["datum"], nagekeken_door=d["nagekeken"]["door"],
            voorbeeld=bool(d.get("voorbeeld")), telefoonlijnen=tuple(d.get("telefoonlijnen", [])),
            vragen=tuple(d.get("vragen", [])), gedeeld_beroepsgeheim=tuple(d.get("gedeeld_beroepsgeheim", [])),
            vertalingen=tuple(sorted((d.get("vertalingen") or {}).items())),  # lang (i18n.py)
        ))
    partners.sort(key=lambda p: (p.naam.casefold(), p.id))
    example = any(r.doc.data.get("voorbeeld") for r in project.records if r.doc is not None)
    return Site(regions=tuple(regions), partners=tuple(partners), example=example,
                built=today or freshness.today(), site_url=site_url or "")
