"""Vragen: the questions families bring, which partners answer them, and who to show first.

The catalogue is ``generator/data/vragen.yml``; a region adds questions, or replaces one by giving
it the same id, in ``regions/<regio>/vragen.yml``. A partner answers a question when it lists the
question's id under ``vragen:``; a partner without that list answers a question when they share a
levensdomein and one of the question's words is in the partner's own texts. The wegwijzer
(``wegwijzer.py`` builds its data, ``theme/assets/netwerkkaart/wegwijzer.js`` runs it) ranks the
partners the same way :func:`find` does here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ..problems import Problem, problem
from ..load.refdata import fold

if TYPE_CHECKING:
    from ..model import Municipality, Partner, Site
    from ..load.project import Project, Record

DEFAULT_QUESTIONS = "generator/data/vragen.yml"
YOUNG = (12, 24)  # "ik ben zelf jonger dan 25": partners whose ages overlap these


@dataclass(frozen=True)
class Question:
    id: str
    vraag: str
    levensdomeinen: tuple[str, ...]
    woorden: tuple[str, ...]
    complex: bool = False
    picto: str = ""  # the pictogram for families (picto.py); "" = the default

    @property
    def pattern(self) -> re.Pattern:
        return _pattern(self.woorden)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """One search for all words, each as a whole word, or with a plural ending ('rekening' finds
    'rekeningen', not 'werk' in 'werken': a part of a word matched too much)."""
    alternatives = sorted({re.escape(_plain(w)) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?:s|en|n)?(?![\w])")


def _plain(text: str) -> str:
    return fold(text)


# -- the catalogue ------------------------------------------------------------------------

@cache
def default_record() -> tuple[Record, tuple[Problem, ...]]:
    """The shipped catalogue, loaded and schema-checked like any data file."""
    from ..load.project import read_record

    raw = resources.files("generator").joinpath("data/vragen.yml").read_bytes()
    record, problems = read_record("vragen", None, DEFAULT_QUESTIONS, raw)
    return record, tuple(problems)


def _question(item: dict) -> Question:
    return Question(item["id"], item["vraag"], tuple(item["levensdomeinen"]), tuple(item["woorden"]),
                    bool(item.get("complex")), item.get("picto", ""))


def _records(project: Project) -> list[Record]:
    default, _ = default_record()
    return ([default] if default.schema_ok else []) + project.of_kind("vragen")


def region_questions(project: Project, region: str) -> tuple[Question, ...]:
    """The questions of a region: the default catalogue, each replaced by the region's question with
    the same id, then the region's own new questions (in file order)."""
    merged: dict[str, Question] = {}
    for record in _records(project):
        if record.region in (None, region):
            for item in record.doc.data["vragen"]:
                merged[item["id"]] = _question(item)
    return tuple(merged.values())


def check(project: Project, domains: dict[str | None, set[str]], regions: set) -> list[Problem]:
    """NK331 (a question twice in one list), NK306 (a question's levensdomein unknown in its region)
    and NK330 (a partner naming a question its region does not have)."""
    _, default_problems = default_record()
    out = list(default_problems)
    for record in _records(project):
        seen: dict[str, int] = {}
        known = domains[record.region]
        for i, item in enumerate(record.doc.data["vragen"]):
            line = record.doc.mark(("vragen", i, "id")).line
            if item["id"] in seen:
                out.append(_at(record, ("vragen", i, "id"), "NK331", value=item["id"], other=seen[item["id"]]))
            else:
                seen[item["id"]] = line
            region_label = record.region or "(standaardlijst)"
            for j, domain in enumerate(item["levensdomeinen"]):
                if domain not in known:
                    close = difflib.get_close_matches(domain, sorted(known), n=1, cutoff=0.6)
                    out.append(_at(record, ("vragen", i, "levensdomeinen", j), "NK306", value=domain,
                                   region=region_label, suggestion=f" Bedoel je '{close[0]}'?" if close else "",
                                   allowed=", ".join(sorted(known))))
    ids: dict[str | None, set[str]] = {}
    for record in project.of_kind("partner"):
        if record.region not in regions:
            continue
        if record.region not in ids:
            ids[record.region] = {q.id for q in region_questions(project, record.region)}
        known = ids[record.region]
        for i, qid in enumerate(record.doc.data.get("vragen", [])):
            if qid not in known:
                close = difflib.get_close_matches(qid, sorted(known), n=1, cutoff=0.6)
                out.append(_at(record, ("vragen", i), "NK330", value=qid, region=record.region,
                               suggestion=f" Bedoel je '{close[0]}'?" if close else ""))
    return out


def _at(record: Record, path: tuple, code: str, **fields: object) -> Problem:
    m = record.doc.mark(path)
    return problem(code, record.path, m.line, m.column, **fields)


# -- matching -----------------------------------------------------------------------------

def partner_text(partner: Partner) -> str:
    """The partner's own words that matching looks at, folded (case, accents kept as written)."""
    parts = [partner.naam, partner.kind_label, partner.korte_beschrijving, partner.beschrijving or "",
             partner.doelgroep.uitleg or "", partner.aanmelden.wie or ""]
    return _plain(" ".join(parts))


def answers(partner: Partner, question: Question, text: str | None = None) -> bool:
    """Does ``partner`` help with ``question``? Its own list of vragen first; else a shared
    levensdomein and one of the question's words in its texts."""
    if partner.vragen:
        return question.id in partner.vragen
    if not set(partner.levensdomeinen) & set(question.levensdomeinen):
        return False
    return question.pattern.search(partner_text(partner) if text is None else text) is not None


def answered(site: Site, region_id: str) -> dict[str, tuple[Partner, ...]]:
    """Question id -> the partners of the region that answer it (in name order).

    Made once per site and region (search, the wegwijzer and the coverage page all ask), kept on the site
    like its other indexes (a frozen dataclass's instance dict, as cached_property does)."""
    cache = site.__dict__.setdefault("_answered", {})
    if region_id not in cache:
        cache[region_id] = _answered(site, region_id)
    return cache[region_id]


def _answered(site: Site, region_id: str) -> dict[str, tuple[Partner, ...]]:
    """answers() for every partner and question of the region, with each partner's text and levensdomeinen
    made once (not once per question: 390,000 pairs at 10,000 partners)."""
    region = site.region(region_id)
    partners = site.partners_of(region_id)
    own = [(p, None, None) if p.vragen else (p, frozenset(p.levensdomeinen), partner_text(p)) for p in partners]
    found = {}
    for q in region.questions:
        domains, pattern = frozenset(q.levensdomeinen), q.pattern
        found[q.id] = tuple(p for p, theirs, text in own
                            if (q.id in p.vragen if theirs is None else
                                not theirs.isdisjoint(domains) and pattern.search(text) is not None))
    return found


def fits_ages(partner: Partner, ages: list[int], young: bool) -> bool:
    """No ages given, or a partner without an age range: it fits. Else one child's age (or, for
    "ik ben zelf jonger dan 25", the ages 12 to 24) falls in the partner's range."""
    span = partner.age_range()
    if span is None or (not ages and not young):
        return True
    low, high = span
    return any(low <= age <= high for age in ages) or (young and low <= YOUNG[1] and YOUNG[0] <= high)


def serves(partner: Partner, nis: str) -> bool:
    return partner.hele_regio or nis in partner.werkgebied or located(partner, nis)


def located(partner: Partner, nis: str) -> bool:
    return any(loc.public and loc.nis == nis for loc in partner.locaties)


def rank_key(partner: Partner, nis: str | None) -> tuple:
    """An address in the municipality first, then brede instap, then free, then the region-wide ones."""
    return (not (nis and located(partner, nis)), not partner.brede_instap,
            partner.aanmelden.kostprijs != "gratis", partner.hele_regio, partner.naam.casefold(), partner.id)


@dataclass(frozen=True)
class Answer:
    question: Question
    partners: tuple[Partner, ...]  # who helps here with this question, best first
    fallback: tuple[Partner, ...]  # when nobody does: region-wide partners of the question's levensdomeinen


@dataclass(frozen=True)
class Advice:
    answers: tuple[Answer, ...]
    route_first: bool  # show the region's 1 Gezin 1 Plan route above the answers


def find(site: Site, municipality: Municipality, question_ids: list[str], ages: list[int] | None = None,
         young: bool = False) -> Advice:
    """What the wegwijzer shows for a place, ages and questions (wegwijzer.js does the same)."""
    ages = ages or []
    region = site.region(municipality.region)
    by_id = {q.id: q for q in region.questions}
    questions = [by_id[q] for q in question_ids if q in by_id]
    helping = answered(site, region.id)
    result = []
    for q in questions:
        fit = [p for p in helping[q.id] if serves(p, municipality.nis) and fits_ages(p, ages, young)]
        fallback = []
        if not fit:
            fallback = [p for p in site.partners_of(region.id) if p.hele_regio and fits_ages(p, ages, young)
                        and set(p.levensdomeinen) & set(q.levensdomeinen)]
        result.append(Answer(q, tuple(sorted(fit, key=lambda p: rank_key(p, municipality.nis))),
                             tuple(sorted(fallback, key=lambda p: rank_key(p, municipality.nis)))))
    route_first = len(questions) >= 2 or any(q.complex for q in questions) or any(not a.partners for a in result)
    return Advice(tuple(result), route_first)
