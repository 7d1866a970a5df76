"""Does a sentence deny, in the languages we cover? For text pasted without a speaker or
stance (the desk's box, the API, a reader's request), so that "Armenia did not use
phosphorus" is recognised as answering "Armenia used phosphorus", not repeating it.

Word lists, not a model: a denial in these languages is nearly always carried by a handful
of words ("denied", "опроверг", "təkzib etdi", "dément") or a negated verb.
"""

import re

DENIAL_WORDS = {
    # English
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "dismisses",
    "false",
    "fake",
    "untrue",
    "baseless",
    "groundless",
    "lie",
    "lies",
    "not",
    "never",
    "no",
    "didn't",
    "hasn't",
    "haven't",
    "wasn't",
    "weren't",
    "isn't",
    "aren't",
    "won't",
    "nothing",
    # Russian / Ukrainian
    "не",
    "нет",
    "ни",
    "никогда",
    "ні",
    "ніколи",
    "опроверг",
    "опровергло",
    "опровергли",
    "опровергает",
    "опровергают",
    "отрицает",
    "отрицают",
    "отверг",
    "отвергло",
    "отвергли",
    "спростував",
    "спростувало",
    "спростували",
    "заперечує",
    "заперечують",
    "заперечив",
    "ложь",
    "фейк",
    "неправда",
    "брехня",
    "дезинформация",
    "дезінформація",
    # Azerbaijani / Turkish
    "deyil",
    "yox",
    "heç",
    "təkzib",
    "yalan",
    "yalanladı",
    "yalanlandı",
    "reddetti",
    "değil",
    "asla",
    "hiçbir",
    # Armenian
    "ոչ",
    "չի",
    "չեն",
    "չէ",
    "հերքել",
    "հերքում",
    "հերքեց",
    "սուտ",
    "կեղծ",
    # French
    "ne",
    "pas",
    "jamais",
    "dément",
    "démenti",
    "démentent",
    "nie",
    "nient",
    "faux",
}
_WORD = re.compile(r"[^\W\d_][\w'’]*")
# Azerbaijani and Turkish negate inside the verb: "istifadə etməyib", "kullanmadı".
_NEGATED_VERB = re.compile(
    r"\w(?:mayıb|məyib|mamış|məmiş|mamışdır|məmişdir|madı|mədi|medi|mayacak|meyecek|"
    r"mayacaq|məyəcək)\b"
)


# "попросил не проводить встречу", "призвав не вірити чуткам": a request not to, no denial
# (only after a verb of asking: "это не новость" still denies)
_NOT_TO = re.compile(
    r"(?i)(?<!\w)((?:попрос|прос|призва|призыва|рекомендова|рекоменду|предложи|предлага|"
    r"посоветова|советова|заклика|закли|порад|пропону|пропонува)\w*(?:\s+\S+){0,3}?)\s+"
    r"(?:не|ні)\s+[а-яёіїєґ'’]+(?:ть|ти|тись|тися|ться|чь)(?!\w)"
)


def guess(text) -> str:
    """'denial' when the sentence denies or negates, else 'assertion'."""
    words = {w.lower().replace("’", "'") for w in _WORD.findall(_NOT_TO.sub(r"\1", text or ""))}
    if words & DENIAL_WORDS or any(w.endswith("n't") for w in words):
        return "denial"
    if _NEGATED_VERB.search((text or "").lower()):
        return "denial"
    return "assertion"


def opposed(a, b) -> bool:
    """Whether two stances answer each other: a denial against an assertion or accusation."""
    return (a == "denial") != (b == "denial")
