"""The model: frozen records built from a validated project, with the relations pages need.

Built only from a project without errors: every reference here resolves. It is the only input of
rendering and the exports: contact, signup (aanmelden), audience (doelgroep), hours and phone lines
are typed, and each type's ``to_data`` gives its part of the record back (the JSON export).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from .topics import feedback, freshness
from .render.labels import KIND_LABELS
from .load.project import Project
from .load.refdata import reference
from .topics.vragen import Question, region_questions

STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class LifeDomain:
    id: str
    naam: str
    uitleg: str
    icoon: str
    picto: str = ""  # the pictogram for families (picto.py); "" = the default


def _given(pairs) -> dict:
    """A record's object from (key, value) pairs in the schema's order, without the values not given (None)."""
    return {k: v for k, v in pairs if v is not None}


@dataclass(frozen=True, slots=True)  # slots: thousands of them at Flanders scale
class Block:
    """One block of opening hours (``openingsuren[i]``): days and hours, or days closed, maybe in a season."""
    dagen: tuple[str, ...]
    van: str | None = None  # None only in a closed block
    tot: str | None = None
    gesloten: bool | None = None  # true: closed on these days (in its season)
    geldig_van: str | None = None  # 'jjjj-mm-dd' once, 'mm-dd' every year
    geldig_tot: str | None = None

    @classmethod
    def of(cls, data: dict) -> Block:
        return cls(tuple(data["dagen"]), data.get("van"), data.get("tot"), data.get("gesloten"),
                   data.get("geldig_van"), data.get("geldig_tot"))

    def to_data(self) -> dict:
        return _given((("dagen", list(self.dagen)), ("van", self.van), ("tot", self.tot), ("gesloten", self.gesloten),
                       ("geldig_van", self.geldig_van), ("geldig_tot", self.geldig_tot)))


@dataclass(frozen=True, slots=True)
class Closure:
    """A period closed (``gesloten[i]``), with its reason."""
    van: str
    reden: str
    tot: str | None = None  # None: one day

    @classmethod
    def of(cls, data: dict) -> Closure:
        return cls(data["van"], data["reden"], data.get("tot"))

    def to_data(self) -> dict:
        return _given((("van", self.van), ("tot", self.tot), ("reden", self.reden)))


@dataclass(frozen=True, slots=True)
class Hours:
    """The hours of one location or phone line: the words on pages and the sheet (hours.week_words), the
    "nu open" data for nk-open.js (:meth:`to_data`) and the HSDS schedules are all made from this value.
    False when the record says nothing about hours."""
    openingsuren: tuple[Block, ...] = ()
    op_afspraak: bool | None = None
    dag_en_nacht: bool | None = None
    open_op_feestdagen: bool | None = None
    gesloten: tuple[Closure, ...] = ()

    @classmethod
    def of(cls, data: dict) -> Hours:
        return cls(tuple(Block.of(b) for b in data.get("openingsuren") or ()), data.get("op_afspraak"),
                   data.get("dag_en_nacht"), data.get("open_op_feestdagen"),
                   tuple(Closure.of(c) for c in data.get("gesloten") or ()))

    def __bool__(self) -> bool:
        return bool(self.openingsuren or self.gesloten) or any(
            x is not None for x in (self.op_afspraak, self.dag_en_nacht, self.open_op_feestdagen))

    def fields(self) -> tuple[tuple[str, object], ...]:
        """The record's keys for these hours, in the schema's order (None: not given)."""
        return (("openingsuren", [b.to_data() for b in self.openingsuren] or None), ("op_afspraak", self.op_afspraak),
                ("dag_en_nacht", self.dag_en_nacht), ("open_op_feestdagen", self.open_op_feestdagen),
                ("gesloten", [c.to_data() for c in self.gesloten] or None))

    def to_data(self) -> dict:
        """As in the record, and as nk-open.js reads them (hours.py)."""
        return _given(self.fields())


@dataclass(frozen=True, slots=True)
class PhoneLine:
    """A phone line with its own hours (``telefoonlijnen[i]``)."""
    naam: str
    telefoon: str
    hours: Hours = Hours()
    openingsuren_uitleg: str | None = None

    @classmethod
    def of(cls, data: dict) -> PhoneLine:
        return cls(data["naam"], data["telefoon"], Hours.of(data), data.get("openingsuren_uitleg"))

    def to_data(self) -> dict:
        hours = dict(self.hours.fields())
        return _given((("naam", self.naam), ("telefoon", self.telefoon), ("openingsuren", hours["openingsuren"]),
                       ("openingsuren_uitleg", self.openingsuren_uitleg), ("dag_en_nacht", hours["dag_en_nacht"]),
                       ("open_op_feestdagen", hours["open_op_feestdagen"]), ("gesloten", hours["gesloten"]),
                       ("op_afspraak", hours["op_afspraak"])))


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a partner (``contact``); None: not given."""
    telefoon: str | None = None
    email: str | None = None
    website: str | None = None
    chat: str | None = None

    @classmethod
    def of(cls, data: dict) -> Contact:
        return cls(data.get("telefoon"), data.get("email"), data.get("website"), data.get("chat"))

    def to_data(self) -> dict:
        return _given((("telefoon", self.telefoon), ("email", self.email), ("website", self.website),
                       ("chat", self.chat)))


@dataclass(frozen=True, slots=True)
class Signup:
    """How a family gets in (a partner's ``aanmelden``, or a region's 1 Gezin 1 Plan route); None or (): not given.

    ``telefoon`` and ``email`` exist only in a region's; ``via``, ``meebrengen``, ``kostprijs``,
    ``kostprijs_uitleg`` and ``wachttijd`` only in a partner's."""
    via: tuple[str, ...] = ()  # zelf, hulpverlener, online
    wie: str | None = None
    meebrengen: tuple[str, ...] | None = None
    kostprijs: str | None = None  # gratis, bijdrage, inkomensafhankelijk, betalend
    kostprijs_uitleg: str | None = None
    wachttijd: str | None = None
    formulier: str | None = None
    wat_volgt: str | None = None
    telefoon: str | None = None
    email: str | None = None

    @classmethod
    def of(cls, data: dict) -> Signup:
        things = data.get("meebrengen")
        return cls(tuple(data.get("via", ())), data.get("wie"), None if things is None else tuple(things),
                   data.get("kostprijs"), data.get("kostprijs_uitleg"), data.get("wachttijd"), data.get("formulier"),
                   data.get("wat_volgt"), data.get("telefoon"), data.get("email"))

    def to_data(self) -> dict:
        return _given((("via", list(self.via) or None), ("wie", self.wie),
                       ("meebrengen", None if self.meebrengen is None else list(self.meebrengen)),
                       ("kostprijs", self.kostprijs), ("kostprijs_uitleg", self.kostprijs_uitleg),
                       ("wachttijd", self.wachttijd), ("formulier", self.formulier), ("wat_volgt", self.wat_volgt),
                       ("telefoon", self.telefoon), ("email", self.email)))


@dataclass(frozen=True, slots=True)
class Audience:
    """For whom (``doelgroep``); None: not given (a false is kept: the record said no)."""
    leeftijd_van: int | None = None
    leeftijd_tot: int | None = None
    ouders: bool | None = None
    aanstaande_ouders: bool | None = None
    kinderen: bool | None = None
    jongeren: bool | None = None
    volwassenen: bool | None = None
    uitleg: str | None = None

    GROUPS = (("aanstaande_ouders", "aanstaande ouders"), ("ouders", "ouders"), ("kinderen", "kinderen"),
              ("jongeren", "jongeren"), ("volwassenen", "volwassenen"))  # (field, Dutch), in the order shown

    @classmethod
    def of(cls, data: dict) -> Audience:
        return cls(data.get("leeftijd_van"), data.get("leeftijd_tot"), data.get("ouders"),
                   data.get("aanstaande_ouders"), data.get("kinderen"), data.get("jongeren"), data.get("volwassenen"),
                   data.get("uitleg"))

    def groups(self) -> list[str]:
        """The groups that can come themselves, in Dutch: ['aanstaande ouders', 'ouders']."""
        return [label for key, label in self.GROUPS if getattr(self, key)]

    def to_data(self) -> dict:
        return _given((("leeftijd_van", self.leeftijd_van), ("leeftijd_tot", self.leeftijd_tot),
                       ("ouders", self.ouders), ("aanstaande_ouders", self.aanstaande_ouders),
                       ("kinderen", self.kinderen), ("jongeren", self.jongeren), ("volwassenen", self.volwassenen),
                       ("uitleg", self.uitleg)))


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
    openingsuren_uitleg: str | None
    rolstoeltoegankelijk: bool | None
    vertrouwelijk: bool | None  # None: not given (public)
    hours: Hours = Hours()

    @property
    def public(self) -> bool:
        """May be shown with its address and on a map."""
        return not self.vertrouwelijk

    def to_data(self) -> dict:
        """As in the record (the postcode as text), keys in the schema's order."""
        hours = dict(self.hours.fields())
        address = _given((("straat", self.straat), ("plaats", self.plaats), ("postcode", self.postcode),
                          ("gemeente", self.gemeente)))
        coordinates = None if self.lat is None else {"lat": self.lat, "lon": self.lon}
        return _given((("naam", self.naam), ("adres", address), ("coordinaten", coordinates),
                       ("openingsuren", hours["openingsuren"]), ("openingsuren_uitleg", self.openingsuren_uitleg),
                       ("op_afspraak", hours["op_afspraak"]), ("dag_en_nacht", hours["dag_en_nacht"]),
                       ("open_op_feestdagen", hours["open_op_feestdagen"]), ("gesloten", hours["gesloten"]),
                       ("rolstoeltoegankelijk", self.rolstoeltoegankelijk), ("vertrouwelijk", self.vertrouwelijk)))


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
    doelgroep: Audience
    aanmelden: Signup
    talen: tuple[str, ...]
    hele_regio: bool
    werkgebied: tuple[str, ...]  # NIS codes; empty when hele_regio
    locaties: tuple[Location, ...]
    contact: Contact
    beroepsgeheim: bool | None  # None: not filled in (shown as "niet ingevuld", never as "nee")
    brede_instap: bool | None
    nagekeken_datum: str
    nagekeken_door: str
    voorbeeld: bool | None  # None: not given (not example data)
    telefoonlijnen: tuple[PhoneLine, ...] = ()  # phone lines with their own hours
    vragen: tuple[str, ...] = ()  # the questions it says it answers (vragen.py matches the others)
    gedeeld_beroepsgeheim: tuple[str, ...] = ()  # ids of the region's agreements this partner signed
    vertalingen: tuple[tuple[str, str], ...] = ()  # lang (i18n.py): the short description in family languages
    # The record's keys the model has no type for, kept as they are (the JSON export writes them back).
    # The schema allows none today; a key added to the schema lands here until it is typed.
    extra: tuple[tuple[str, object], ...] = ()

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.soort]

    def is_stale(self, today: datetime.date) -> bool:
        return (today - datetime.date.fromisoformat(self.nagekeken_datum)).days > STALE_AFTER_DAYS

    def age_range(self) -> tuple[int, int] | None:
        low, high = self.doelgroep.leeftijd_van, self.doelgroep.leeftijd_tot
        if low is None and high is None:
            return None
        return (low or 0, 120 if high is None else high)

    def to_data(self, public: bool = False) -> dict:
        """The partner as its record (keys in the schema's order); ``public``: without confidential locations."""
        locations = [loc.to_data() for loc in self.locaties if loc.public or not public]
        area = {"hele_regio": True} if self.hele_regio else {"gemeenten": list(self.werkgebied)}
        return _given((
            ("id", self.id), ("naam", self.naam), ("voorbeeld", self.voorbeeld), ("soort", self.soort),
            ("korte_beschrijving", self.korte_beschrijving), ("vertalingen", dict(self.vertalingen) or None),
            ("beschrijving", self.beschrijving),
            ("levensdomeinen", list(self.levensdomeinen)), ("vragen", list(self.vragen) or None),
            ("doelgroep", self.doelgroep.to_data() or None), ("aanmelden", self.aanmelden.to_data()),
            ("talen", list(self.talen) or None), ("werkgebied", area),
            ("locaties", locations if self.locaties else None),  # [] when all are confidential (public=True)
            ("contact", self.contact.to_data() or None),
            ("telefoonlijnen", [line.to_data() for line in self.telefoonlijnen] or None),
            ("beroepsgeheim", self.beroepsgeheim), ("gedeeld_beroepsgeheim", list(self.gedeeld_beroepsgeheim) or None),
            ("brede_instap", self.brede_instap),
            ("nagekeken", {"datum": self.nagekeken_datum, "door": self.nagekeken_door}),
            *self.extra,
        ))


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
    aanmelden: Signup  # the 1 Gezin 1 Plan route: telefoon, email, formulier, wie, wat_volgt
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
        lat=coords.get("lat"), lon=coords.get("lon"), openingsuren_uitleg=data.get("openingsuren_uitleg"),
        rolstoeltoegankelijk=data.get("rolstoeltoegankelijk"), vertrouwelijk=data.get("vertrouwelijk"),
        hours=Hours.of(data),
    )


# The partner record's keys the model types (Partner.to_data writes them back); any other key is kept in Partner.extra.
PARTNER_KEYS = frozenset({
    "id", "naam", "voorbeeld", "soort", "korte_beschrijving", "vertalingen", "beschrijving", "levensdomeinen", "vragen",
    "doelgroep", "aanmelden", "talen", "werkgebied", "locaties", "contact", "telefoonlijnen", "beroepsgeheim",
    "gedeeld_beroepsgeheim", "brede_instap", "nagekeken"})


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
            beschrijving=d.get("beschrijving"), website=d.get("website"), aanmelden=Signup.of(d["aanmelden"]),
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
            levensdomeinen=tuple(d["levensdomeinen"]), doelgroep=Audience.of(d.get("doelgroep") or {}),
            aanmelden=Signup.of(d["aanmelden"]),
            talen=tuple(d.get("talen", [])), hele_regio=bool(area.get("hele_regio")),
            werkgebied=tuple(str(n) for n in area.get("gemeenten", [])),
            locaties=tuple(_location(x) for x in d.get("locaties", [])), contact=Contact.of(d.get("contact") or {}),
            beroepsgeheim=d.get("beroepsgeheim"), brede_instap=d.get("brede_instap"),
            nagekeken_datum=d["nagekeken"]["datum"], nagekeken_door=d["nagekeken"]["door"],
            voorbeeld=d.get("voorbeeld"), telefoonlijnen=tuple(PhoneLine.of(x) for x in d.get("telefoonlijnen", [])),
            vragen=tuple(d.get("vragen", [])), gedeeld_beroepsgeheim=tuple(d.get("gedeeld_beroepsgeheim", [])),
            vertalingen=tuple((d.get("vertalingen") or {}).items()),  # lang (i18n.py), in the record's order
            extra=tuple((k, v) for k, v in d.items() if k not in PARTNER_KEYS),
        ))
    partners.sort(key=lambda p: (p.naam.casefold(), p.id))
    example = any(r.doc.data.get("voorbeeld") for r in project.records if r.doc is not None)
    return Site(regions=tuple(regions), partners=tuple(partners), example=example,
                built=today or freshness.today(), site_url=site_url or "")
