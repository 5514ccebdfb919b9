"""Words: the Dutch labels of codes (soort, kostprijs, aanmelden via, talen, days) and the sentences made
from the model's values alone (what it costs, how to get in), for pages, the sheet, the wegwijzer and the exports.

One place for wording, so another language can plug in here; nothing in this module reads a record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Signup

DAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
        "za": "zaterdag", "zo": "zondag"}
WEEK = tuple(DAYS)

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


def language(code: str) -> str:
    """The Dutch name of a language code (the code itself when it has none)."""
    return LANGUAGE_LABELS.get(code, code)


def cost_text(signup: Signup) -> str:
    """What it costs, for pages and the exports: 'Gratis. 5 euro per sessie.' ('' when nothing is said)."""
    return " ".join(x for x in ((COST_LABELS[signup.kostprijs] + ".") if signup.kostprijs else "",
                                signup.kostprijs_uitleg or "") if x)


# -- sentences a family reads at home (the sheet "Mijn netwerk", the wegwijzer's cards) ---------------

# How to get in: one sentence ("Je neemt zelf contact op of een hulpverlener meldt je aan."), from these
# parts in this order.
SIGNUP_PARTS = {"zelf": "je neemt zelf contact op", "hulpverlener": "een hulpverlener meldt je aan",
                "online": "je meldt je online aan met het formulier"}
# What it costs, as a sentence.
COST_SENTENCES = {"gratis": "Het is gratis.", "bijdrage": "Je betaalt een kleine bijdrage.",
                  "inkomensafhankelijk": "Wat je betaalt, hangt af van je inkomen.",
                  "betalend": "Je betaalt ervoor."}
# How to get in, a sentence per way (the wegwijzer's cards put them together in the browser).
SIGNUP_SENTENCES = {"zelf": "Het gezin kan zelf contact opnemen.",
                    "hulpverlener": "Een hulpverlener kan het gezin aanmelden.",
                    "online": "Aanmelden kan ook online, met een formulier."}
# The three states of beroepsgeheim and brede instap, in words, with what they mean for the family.
SECRECY = {True: "Beroepsgeheim: ja", False: "Beroepsgeheim: nee", None: "Beroepsgeheim: niet ingevuld"}
SECRECY_HELP = {
    True: "Wat je vertelt, blijft tussen jou en de hulpverlener. Die mag het alleen met jouw toestemming doorgeven.",
    False: "Deze partner is niet gebonden door het beroepsgeheim. Vraag gerust wat er met je gegevens gebeurt.",
    None: "We weten niet of deze partner gebonden is door het beroepsgeheim. Vraag het gerust.",
}
BROAD = {True: "Brede instap: ja", False: "Brede instap: nee", None: "Brede instap: niet ingevuld"}
BROAD_HELP = {
    True: "Hier kan je met elke vraag terecht. Ze luisteren en zoeken mee wie verder helpt.",
    False: "Deze partner helpt met een eigen thema. Met een andere vraag verwijzen ze je door.",
    None: "We weten niet of je hier met elke vraag terecht kan. Vraag het gerust.",
}


def days_text(days) -> str:
    """('ma', 'di', 'wo', 'do', 'vr') -> 'maandag tot vrijdag'; ('ma', 'wo') -> 'maandag en woensdag'."""
    order = sorted({d for d in days if d in DAYS}, key=WEEK.index)
    runs: list[list[str]] = []
    for d in order:
        if runs and WEEK.index(d) == WEEK.index(runs[-1][-1]) + 1:
            runs[-1].append(d)
        else:
            runs.append([d])
    parts = [x for r in runs for x in ([f"{DAYS[r[0]]} tot {DAYS[r[-1]]}"] if len(r) >= 3 else [DAYS[d] for d in r])]
    return ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else "".join(parts)


def days_list(days) -> str:
    """('ma', 'wo') -> 'maandag, woensdag': every day named, in the given order."""
    return ", ".join(DAYS[d] for d in days)


def sentence(text: str) -> str:
    """The text with a full stop at its end (unless it ends with one, or with ! or ?)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def signup_sentence(signup: Signup) -> str:
    """'Je neemt zelf contact op of een hulpverlener meldt je aan.' and who may."""
    ways = [SIGNUP_PARTS[w] for w in SIGNUP_PARTS if w in signup.via]
    parts = []
    if ways:
        text = ", ".join(ways[:-1]) + " of " + ways[-1] if len(ways) > 1 else ways[0]
        parts.append(text[0].upper() + text[1:] + ".")
    if signup.wie:
        parts.append(sentence(signup.wie))
    return " ".join(parts)


def cost_sentence(signup: Signup) -> str:
    """'Het is gratis. Een maaltijd kost 2 euro.'"""
    parts = [COST_SENTENCES.get(signup.kostprijs or "", "")]
    if signup.kostprijs_uitleg:
        parts.append(sentence(signup.kostprijs_uitleg))
    return " ".join(x for x in parts if x)
