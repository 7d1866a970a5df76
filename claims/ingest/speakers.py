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
    seen, result = set(), []
    for form in forms:
        key = normalize_name(form)
        if key and key not in seen:
            seen.add(key)
            result.append(form)
    return result


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
    proposed = proposed[:1].upper() + proposed[1:]
    return Speaker(written, None, proposed[:200], guess_side(written, sides))
