"""From a speaker as written ("Azerbaijan’s President Ilham Aliyev") to the newsroom's Actor.

Tried in order: the whole phrase, the phrase without "de facto" and titles, the trailing
name ("Ilham Aliyev", "Aliyev"). Each is looked up by name and alias. An unknown speaker is
proposed as a new actor, with the side its words point to ("Armenian" → Armenia), but never
created here: a fact-checker accepts it first.
"""

import re
from dataclasses import dataclass

from claims.models import Actor, Side, normalize_name

TITLES = re.compile(
    r"^(?:(?:de facto|former|acting|deputy|vice|then)\s+)*(?:president|prime minister|"
    r"minister|spokes(?:person|man|woman)|colonel|general|lieutenant|major|captain|mr|mrs|ms|"
    r"dr|ambassador|governor|mayor|chairman|chairwoman|chair)\.?\s+",
    re.IGNORECASE,
)


@dataclass
class Speaker:
    written: str
    actor: Actor | None
    proposed: str  # the new actor's name when none matched
    side: Side | None


def candidates(written: str):
    """The forms of a speaker's name to look up, most specific first."""
    text = re.sub(r"\s+", " ", written.replace("’", "'")).strip(" ,.")
    forms = [text]
    without = re.sub(r"\bde facto\s+", "", text, flags=re.IGNORECASE)
    forms.append(without)
    # "Azerbaijan's President Ilham Aliyev" → "Ilham Aliyev" → "Aliyev"
    possessive = re.sub(r"^[\w-]+'s\s+", "", without)
    forms.append(possessive)
    # "Russian Ministry of Foreign Affairs" is also written "Russian Foreign Ministry".
    for form in list(forms):
        flipped = re.sub(r"\bMinistry of (\w+)(?: Affairs)?\b", r"\1 Ministry", form)
        if flipped != form:
            forms.append(flipped)
    titled = TITLES.sub("", possessive)
    forms.append(titled)
    words = titled.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
        forms += [" ".join(words[-2:]), words[-1]]
    forms += [base for form in list(forms) if (base := uninflected(form)) != form]
    seen, result = set(), []
    for form in forms:
        key = normalize_name(form)
        if key and key not in seen:
            seen.add(key)
            result.append(form)
    return result


# Where Azerbaijani, Turkish and Armenian put the case on a speaker: on the phrase's last
# word, as a suffix. "Müdafiə Nazirliyinin" (the ministry's), "Savunma Bakanlığı'nın",
# "Պաշտպանության նախարարությունը" (the ministry, with the article), "Փաշինյանի"
# (Pashinyan's). Longest first; the base must keep at least four letters.
TURKIC_SUFFIXES = (
    "ndan", "ndən", "nden", "nın", "nin", "nun", "nün", "nda", "ndə", "nde",
    "na", "nə", "ne", "nı", "ni", "nu", "nü",
)  # fmt: skip
ARMENIAN_ENDINGS = (("ությունը", "ություն"), ("ության", "ություն"), ("ը", ""), ("ի", ""),
                    ("ն", ""))  # fmt: skip
ARMENIAN = re.compile(r"[\u0531-\u058F]")


def uninflected(phrase: str) -> str:
    """`phrase` with the case suffix or article of its last word taken off (Azerbaijani,
    Turkish, Armenian), for looking the speaker up among the actors' names; else as it is.
    Russian and Ukrainian speakers are put back in the nominative earlier (inflection.py)."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if "'" in last and not last.endswith("'s"):  # Turkish: "Bakanlığı'nın" → "Bakanlığı"
        base = last.split("'", 1)[0]
    elif ARMENIAN.search(last):
        base = next(
            (last[: -len(end)] + new for end, new in ARMENIAN_ENDINGS
             if last.endswith(end) and len(last) - len(end) >= 4),
            last,
        )  # fmt: skip
    else:
        base = next(
            (last[: -len(end)] for end in TURKIC_SUFFIXES
             if last.endswith(end) and len(last) - len(end) >= 4 and last[:1].isupper()),
            last,
        )  # fmt: skip
    return " ".join([*words[:-1], base])


def resolve_actor(written: str) -> Actor | None:
    for form in candidates(written):
        actor = Actor.objects.named(form).select_related("side").first()
        if actor:
            return actor
    return None


def guess_side(written: str, sides=None) -> Side | None:
    """The side whose name the speaker's words point to: "Armenian MOD" → Armenia."""
    sides = list(Side.objects.all()) if sides is None else sides
    words = [w.lower() for w in re.findall(r"[\w-]+", written.replace("’", "'"))]
    best, best_length = None, 0
    for side in sides:
        for key in _side_keys(side):
            named = len(key) >= 4 and any(w.startswith(key) for w in words)
            if named and len(key) > best_length:
                best, best_length = side, len(key)
    return best


def _side_keys(side):
    name = re.sub(r"\(.*?\)", "", side.name).strip().lower()
    keys = {name, name.split()[0] if name else ""}
    keys |= {part for part in re.split(r"[\s-]+", name) if len(part) >= 6}
    # "Nagorno-Karabakh" is also written "Karabakh"; "Armenia" also "Armenian".
    return {k for k in keys if k}


def resolve(written: str, sides=None) -> Speaker:
    actor = resolve_actor(written)
    if actor:
        return Speaker(written, actor, "", actor.side)
    proposed = re.sub(r"^the\s+", "", written.strip(), flags=re.IGNORECASE)
    if ARMENIAN.search(proposed):  # an article or case ending is never part of a name
        proposed = uninflected(proposed)
    proposed = proposed[:1].upper() + proposed[1:]
    return Speaker(written, None, proposed[:200], guess_side(written, sides))
