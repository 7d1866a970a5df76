"""The parties a statement is about, in any of our languages: "Armenia", "армянские",
"Ermənistan", "Հայաստան" and "Yerevan" are one party. Who did it is what most accusations
in a war turn on: "Armenia used phosphorus" and "Azerbaijan used phosphorus" read alike
(to an encoder, nearly the same sentence) and are opposite claims.

Matched by the beginning of a word, lower-cased, so inflections ("Армении", "Azərbaycanın")
count too.
A capital counts as its country: "Baku denied" names Azerbaijan. (Leaders' names are left
out: a party's leader is named in claims about the other party too.)
"""

import re
from functools import lru_cache

PARTIES = {
    "armenia": [
        "armeni",
        "arméni",
        "армени",
        "армян",
        "ermən",
        "ermeni",
        "հայաստան",
        "հայկական",
        "հայերի",
        "yerevan",
        "erevan",
        "ереван",
        "єреван",
        "irəvan",
        "երևան",
        "вірмен",
    ],
    "azerbaijan": [
        "azerbaij",
        "azerbaïdj",
        "azeri",
        "азербайдж",
        "азер",
        "azərbaycan",
        "azerbaycan",
        "ադրբեջան",
        "baku",
        "баку",
        "bakı",
        "բաքու",
    ],
    "russia": [
        "russia",
        "russie",
        "russe",
        "росси",
        "российск",
        "русск",
        "rusiya",
        "rusya",
        "ռուսաստան",
        "ռուսական",
        "moscow",
        "moscou",
        "москв",
        "moskva",
        "kremlin",
        "кремл",
        "росі",
        "російськ",
    ],
    "turkey": [
        "turkey",
        "turkish",
        "türki",
        "türkiy",
        "турци",
        "турецк",
        "туреч",
        "թուրքիա",
        "թուրքական",
        "ankara",
        "анкар",
        "turqu",
    ],
    "ukraine": [
        "ukrain",
        "украин",
        "україн",
        "ukrayn",
        "kyiv",
        "kiev",
        "киев",
        "київ",
        "zelensk",
        "зеленск",
        "зеленськ",
    ],
    "syria": ["syria", "syrie", "сири", "сирі", "suriya", "suriye", "սիրիա"],
}
_PARTY_OF_STEM = {stem: party for party, stems in PARTIES.items() for stem in stems}
# A word names the party of the longest stem it starts with: every stem, longest first, at
# the start of a word (a run of letters), in one pass of one pattern.
_NAMING = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(map(re.escape, sorted(_PARTY_OF_STEM, key=len, reverse=True)))
    + ")"
)


def parties(text) -> list:
    """The parties `text` names, in the order it first names them (a word names the party
    of the longest stem it starts with)."""
    return list(_parties(text or ""))


@lru_cache(maxsize=50_000)
def _parties(text) -> tuple:
    return tuple(dict.fromkeys(_PARTY_OF_STEM[stem] for stem in _NAMING.findall(text.lower())))
