"""Find the attributed statements in a news text: who said what, and where in the text.

Plain functions on a string, no database: "The ministry stated that …", "It was also
reported that …" (the speaker of the paragraph so far), "according to X, …", "X accused Y
of …", "X denied …", quotes with "…,” X said", and "he added" resolved to the last person
named. Each statement keeps its character span in the text, so a fact-checker sees it in
place. English reporting patterns; other languages yield no suggestions yet.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from claims.ingest import lexicon
from claims.meaning.language import detect as detect_language

# --- vocabulary --------------------------------------------------------------------------------

SAY_VERBS = (
    "said|says|stated|states|claimed|claims|reported|reports|announced|announces|"
    "emphasi[sz]ed|emphasi[sz]es|highlighted|highlights|added|adds|noted|notes|"
    "insisted|insists|alleged|alleges|confirmed|confirms|warned|warns|declared|declares|"
    "argued|argues|asserted|asserts|maintained|maintains|stressed|stresses|told|tells|"
    "wrote|writes|informed|explained|explains|revealed|reveals|admitted|admits|"
    "acknowledged|acknowledges|underlined|underlines|pointed out|points out|"
    "say|tell|insist|warn|argue|claim|allege|confirm"
)
ACCUSE_VERBS = "accused|accuses|accuse|blamed|blames|condemned|condemns"
DENY_VERBS = "denied|denies|deny|rejected|rejects|refuted|refutes|dismissed|dismisses"
PASSIVE_VERBS = (
    "reported|stated|said|emphasi[sz]ed|highlighted|claimed|announced|noted|added|"
    "stressed|alleged|confirmed|underlined|pointed out"
)
PARTICIPLES = (
    "saying|stating|claiming|condemning|accusing|denying|announcing|alleging|"
    "insisting|warning|noting|declaring|asserting|rejecting"
)
ACCUSING_WORDS = {"accused", "accuses", "accuse", "blamed", "blames", "condemned", "condemns"}
ACCUSING_WORDS |= {"condemning", "accusing", "alleging", "alleged", "alleges"}
DENYING_WORDS = {"denied", "denies", "deny", "rejected", "rejects", "refuted", "refutes"}
DENYING_WORDS |= {"dismissed", "dismisses", "denying", "rejecting"}
NEGATION = re.compile(
    r"\b(never|not true|no truth|baseless|groundless|fabricat\w*|fake|false|lies|untrue|"
    r"disinformation|provocation|nothing to do with|nonsense|absurd|slander(?:ous)?|"
    r"propaganda)\b"
    r"|^no (?:\w+ ){0,2}(?:was|were|is|are|has|have)\b",
    re.IGNORECASE,
)

# Words that make a noun phrase a plausible speaker even without a capital letter.
SPEAKER_NOUNS = re.compile(
    r"\b(ministry|minister|president|prime|spokes(?:person|man|woman)|officials?|army|"
    r"military|authorities|government|agency|police|commander|ombudsman|office|"
    r"service|forces|council|parliament|mod|mfa|embassy|ambassador|secretary|"
    r"governor|mayor|chief|head|leader|representative|department|committee|newspaper|"
    r"channel|outlet|monitors?|observers?|sources?|witness(?:es)?|residents?|analysts?|"
    r"nominee|candidates?|senators?|congress(?:man|woman)|chair(?:man|woman)?|directors?|"
    r"advis[eo]rs?|strategists?|aides?|managers?|lawyers?|attorneys?|experts?|professors?|"
    r"economists?|historians?|reporters?|editors?|campaign|group|party|organi[sz]ation|"
    r"employees?|supporters?|voters?|delegates?|lawmakers?|critics?|officers?|activists?|"
    r"lobbyists?|operatives?|founder|executive|board|court|judge|prosecutors?|investigators?|"
    r"majority|backers|allies|people|members|workers|scientists|researchers|pollsters|"
    r"students|families|protesters|doctors|leaders|advocates|insiders|americans|aides)\b",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Two or more capitalised words, possibly with an initial: "Mary Fallin", "John F. Kennedy".
PERSON_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z’'-]+)+\b")
# Subjects that name no one ("this", "the report") are not speakers.
NOT_SPEAKERS = re.compile(
    r"^(?:(?:it|this|that|there|these|those|which|who|what)\b|(?:one|some|many)$|the (?:report|"
    r"letter|statement|article|request|decision|situation|video|footage|document)\b)",
    re.IGNORECASE,
)
LEAD_IN = re.compile(
    r"^(?:(?:on|in|by|at|during|after|before|since|earlier|later|meanwhile|however|"
    r"moreover|furthermore|additionally|separately|also|then|yesterday|today|"
    r"on the other hand|in addition|in turn|for (?:its|their|his|her) part)\b[^,]*,\s*)+",
    re.IGNORECASE,
)
ADVERBS = (
    r"(?:(?:also|further|again|later|then|once again|repeatedly|earlier|reportedly|"
    r"officially|publicly|firmly|strongly|categorically|flatly|immediately|first|initially|"
    r"recently|privately|separately|openly|explicitly|directly|previously)\s+)*"
)
OPINION = re.compile(
    r"\b(should|must|ought|hope[sd]?|believes?|thinks?|wants?|calls? on|urged?|"
    r"would like|no reason|in our view|may|might)\b",
    re.IGNORECASE,
)
FACTUAL = re.compile(
    r"\b(killed|wounded|died|dead|injured|fired|shell(?:ed|ing)|missiles?|rockets?|"
    r"munitions?|artillery|attack(?:ed|s)?|captured|control|fighters?|civilians?|troops|"
    r"soldiers|destroyed|bomb\w*|strikes?|used|recruit\w*|mercenar\w*|casualt\w*|"
    r"villages?|city|cities|percent|million|billion)\b",
    re.IGNORECASE,
)
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "col", "gen", "lt", "sgt", "st", "jr", "sr", "prof", "gov",
    "sen", "rep", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "maj", "capt", "adm",
}  # fmt: skip
MIN_CLAIM_WORDS = 4
MIN_QUOTE_WORDS = 5
QUOTE_EDGE = " \t\n\u2060"  # what is trimmed from a quotation's ends (see find_claims)
MAX_SPEAKER_WORDS = 12
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»"}
# An opening straight quote is often closed by a curly one: "…”. (Not the other way round:
# “…"…"…” nests a straight quotation inside a curly one.)
ALSO_CLOSES = {'"': "”"}
# Bounds on the work one sentence may cost, so a hostile page cannot hold a worker: a longer
# sentence is no single checkable statement (its quotations are still read), and the words
# around a quotation are looked at within a window.
MAX_SENTENCE_CHARS = 1000
ATTRIBUTION_WINDOW = 300
ABBREVIATION_WINDOW = 40


@dataclass
class Found:
    """One attributed statement: what was said, by whom (as written), and where."""

    text: str
    speaker: str
    start: int
    end: int
    stance: str = "assertion"  # assertion | accusation | denial
    checkworthiness: float = 0.5


# --- sentences ---------------------------------------------------------------------------------


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text):
    """(start, end) of each paragraph: blocks separated by line breaks."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


def quote_ranges(text, start, end):
    """(open, close) offsets of the quotations inside text[start:end], outermost only."""
    ranges, i = [], start
    unclosed = set()  # closers not found after some point are not found after a later one
    while i < end:
        char = text[i]
        closer = QUOTE_PAIRS.get(char)
        if closer and closer not in unclosed:
            j = text.find(closer, i + 1, end)
            other = ALSO_CLOSES.get(char)
            if other and other not in unclosed:
                k = text.find(other, i + 1, end)
                if k == -1:
                    unclosed.add(other)
                elif j == -1 or k < j:
                    j = k
            if j == -1:
                unclosed.add(closer)
            else:
                ranges.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return ranges


# A full stop (with the quotation mark it closes), before the capital that starts the next
# sentence; U+2060 stands beside quotation marks made of two apostrophes (see find_claims).
SENTENCE_END = re.compile(r"[.!?]\u2060?[”\"»)]?(?=\s+\u2060?[\"“«(]?[A-Z0-9])")


def sentences(text):
    """Sentences with their offsets; quotations are never cut in the middle."""
    result = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        quotes = quote_ranges(text, p_start, p_end)
        quote_starts = [a for a, _b in quotes]
        begin = p_start
        for match in SENTENCE_END.finditer(text[p_start:p_end]):
            cut = p_start + match.end()
            inside = bisect_right(quote_starts, cut - 2) - 1  # the last quote opened before
            if inside >= 0 and cut - 1 < quotes[inside][1] - 1:
                continue
            word = _word_before(text, p_start + match.start(), begin).rstrip(".")
            if word.lower() in ABBREVIATIONS:
                continue
            if len(word) == 1 and "A" <= word <= "Z":
                continue  # an initial: "John F. Kennedy"
            result.append(_sentence(text, begin, cut, number))
            begin = cut
        result.append(_sentence(text, begin, p_end, number))
    return [s for s in result if s.text.strip()]


def _word_before(text, mark, floor):
    """The word (letters, digits, dots) that ends at the punctuation mark at `mark`; looked
    for at most ABBREVIATION_WINDOW characters back."""
    start, floor = mark, max(floor, mark - ABBREVIATION_WINDOW)
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:mark]


def _sentence(text, start, end, paragraph):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], paragraph)


# --- speakers ----------------------------------------------------------------------------------


AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|would|will|did|does|do|also|previously|repeatedly|has also|"
    r"had also|have also|has long|has repeatedly|once))+$",
    re.IGNORECASE,
)
CONJUNCTION = re.compile(
    r"^(?:and|but|while|whereas|as|so|when|after|before|because|although|though|since|until|"
    r"once|if)\s+",
    re.IGNORECASE,
)
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,?$", re.IGNORECASE)
PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")
RESTRICTIVE_CLAUSE = re.compile(r"(?<=\w)\s+(?:who|whose)\s+[^,]{1,150}$", re.IGNORECASE)
# "MOSCOW (Reuters) -", "STEPANAKERT -": where a wire story was filed, not who spoke.
DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s*"
)
LEADING_TIME = re.compile(
    r"\s*(?:on\s+)?(?:(?:last|this|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|yesterday|today|tonight|(?:last|this)\s+(?:week|month|year))"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+(?:that\s+)?"
)
APPOSITION = re.compile(
    r"(?:a|an|the|who|whose|which|one|among|including|then|now|formerly|speaking|appearing|"
    r"writing|citing|in|at|on|after|during|\d+)\b",
    re.IGNORECASE,
)


def _trimmed(subject: str) -> str:
    subject = CONJUNCTION.sub("", subject)
    subject = re.sub(rf"\s+{ADVERBS}$", "", subject + " ", flags=re.IGNORECASE).strip()
    return AUXILIARIES.sub("", subject).strip(" ,;:")


def clean_speaker(subject: str) -> str:
    """The speaker's noun phrase from the words before the reporting verb."""
    subject = DATELINE.sub("", LEAD_IN.sub("", subject.strip()))
    subject = PARENTHESES.sub("", subject)  # "Gov. Phil Bryant (R)"
    subject = RESTRICTIVE_CLAUSE.sub("", subject)  # "officials who spoke with us (said)"
    head, comma, last = subject.rpartition(", ")
    first, _, rest = subject.partition(", ")
    named = PERSON_NAME.fullmatch(first.strip()) or (
        is_person(first.strip()) and len(first.split()) <= 4
    )
    if comma and named and (APPOSITION.match(rest) or subject.rstrip().endswith(",")):
        subject = first  # "Anna Petrosyan, the ombudsperson of Armenia, (stated)"
    elif comma and looks_like_speaker(_trimmed(last)) and not SPEAKER_NOUNS.search(head):
        subject = last  # "Hours later, the ministry said": drop what leads in
    elif comma and APPOSITION.match(rest) and looks_like_speaker(_trimmed(first)):
        subject = first  # "Mike Morrell, a 30-year veteran of the CIA, said"
    subject = CONJUNCTION.sub("", subject)
    subject = re.sub(rf"\s+{ADVERBS}$", "", subject + " ", flags=re.IGNORECASE).strip()
    subject = re.sub(r"\s+(also|further|again|later|then|reportedly)$", "", subject)
    subject = AUXILIARIES.sub("", subject)  # "the Azerbaijani MoD has (said)"
    subject = RELATIVE_CLAUSE.sub("", subject)  # "Cruz, who has proposed …, (said)"
    return subject.strip(" ,;:")


def looks_like_speaker(subject: str) -> bool:
    if not subject or len(subject.split()) > MAX_SPEAKER_WORDS:
        return False
    if subject.lower() in PRONOUNS:
        return True
    if NOT_SPEAKERS.match(subject):
        return False
    if re.search(r"\b(which|who|that|whom|whose|because|if|when)\b", subject, re.IGNORECASE):
        return False
    if re.search(r"[;:“”\"«»()]", subject):
        return False
    words = subject.split()
    capitalised = [w for w in words[1:] if w[:1].isupper()] or (
        [words[0]] if words[0][:1].isupper() and words[0].lower() not in {"the", "a", "an"} else []
    )
    # Lower-case words in the phrase must be the glue of names, not verbs.
    glue = {"the", "of", "for", "and", "de", "facto", "a", "an", "on", "in", "its", "his", "her"}
    loose = [
        w for w in words if w[:1].islower() and w.lower() not in glue and not SPEAKER_NOUNS.match(w)
    ]
    if len(loose) > (4 if SPEAKER_NOUNS.search(subject) else 2):
        return False
    return bool(capitalised) or bool(SPEAKER_NOUNS.search(subject))


def plausible_source(subject: str) -> bool:
    """A looser test, for where the sentence's shape already marks the speaker ("…,”
    political scientists say"): a short noun phrase, not a clause."""
    if not subject or len(subject.split()) > 8 or subject.lower() in PRONOUNS:
        return looks_like_speaker(subject)
    if NOT_SPEAKERS.match(subject) or re.search(r"[;:“”\"()]", subject):
        return False
    if re.match(r"\w+ing\b", subject) or re.search(r"\b(them|him|us|me)\b", subject, re.I):
        return False  # "…, putting them at odds with X's stated plans": a clause
    return not re.search(r"\b(which|that|if|when|because|is|was|are|were)\b", subject, re.I)


def is_person(subject: str) -> bool:
    """A name at the end ("… Nikol Pashinyan", "Aliyev") and no institution word."""
    words = subject.replace("’s", "").split()
    if not words or SPEAKER_NOUNS.search(words[-1]):
        return False
    return words[-1][:1].isupper() and not re.search(
        r"\b(ministry|army|forces|authorities|government|agency|office|service|council)\b",
        subject,
        re.IGNORECASE,
    )


# "the ministry" after "the Azerbaijani MOD": the words an institution is also called.
SAME_NOUNS = {
    "ministry": ("mod", "mfa", "ministry"),
    "army": ("military", "forces", "mod", "army"),
    "military": ("army", "forces", "mod"),
    "government": ("authorities", "officials", "government"),
    "authoritie": ("government", "officials", "authorities"),
}


class Context:
    """Who has spoken so far in this paragraph, to resolve "he", "the ministry", "it was said"."""

    def __init__(self):
        self.paragraph = None
        self.speakers = []  # speakers of this paragraph, in order
        self.people = []  # people named in the text so far, in order

    def enter(self, paragraph):
        if paragraph != self.paragraph:
            self.paragraph = paragraph
            self.speakers = []

    def spoke(self, speaker):
        self.speakers.append(speaker)
        if is_person(speaker):
            self.people.append(speaker)

    def mentioned(self, subject):
        if subject.lower() in PRONOUNS:
            return  # "He left.": nobody new
        if subject and looks_like_speaker(subject) and is_person(subject):
            self.people.append(subject)

    def read(self, sentence_text):
        """Remember the people a sentence names ("… said Governor Mary Fallin …"), so a
        later "she said" finds her even when she did not speak before."""
        # The first named is most often the subject: remembered last, so "he" finds it.
        for name in reversed(PERSON_NAME.findall(sentence_text)):
            if is_person(name):
                self.people.append(name)

    def resolve(self, subject):
        """The named speaker behind a pronoun or a definite description, or None."""
        lowered = subject.lower()
        if lowered in {"he", "she"}:
            return self.people[-1] if self.people else None
        if lowered in {"it", "they", "we", "i"}:
            return self.speakers[-1] if self.speakers else None
        description = re.fullmatch(r"the (\w+)", lowered)
        if description:
            noun = description.group(1).rstrip("s")
            names = {noun, *SAME_NOUNS.get(noun, ())}
            for speaker in reversed(self.speakers):
                if names & set(re.findall(r"\w+", speaker.lower())):
                    return speaker
            institutions = [s for s in self.speakers if not is_person(s)]
            if institutions:
                return institutions[-1]
            # No one to refer back to: "The president said …" names its speaker itself, but
            # "the ministry" or "the army" alone could be either side's: nobody.
            return None if noun in SAME_NOUNS else subject
        return subject

    def current(self):
        return self.speakers[-1] if self.speakers else None


# --- patterns ----------------------------------------------------------------------------------

# "X (also) stated that …", "X accused Y of …", "X denied …", "X said: …"
REPORTING = re.compile(
    rf"(?P<verb>\b(?:{SAY_VERBS}|{ACCUSE_VERBS}|{DENY_VERBS})\b)"
    r"(?!\s+(?:to|by|for|with|about)\b)"  # "wrote to the president", "is said to be"
    r"(?P<link>\s+(?:[^.,;:“”\"]{1,40}?\s+)?that\b|\s*[:,]|)\s*",
    re.IGNORECASE,
)
# "X responded to Y's letter by saying that …", "X replied by saying …"
RESPONDED = re.compile(
    rf"^(?P<subject>.+?)\s+{ADVERBS}(?:responded|replied|reacted|answered|continued|concluded|began)\b[^.]*?\bby\s+"
    rf"(?P<verb>{PARTICIPLES})\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "X released a statement condemning …"
STATEMENT = re.compile(
    rf"^(?P<subject>.+?)\s+{ADVERBS}(?:released|issued|published|made|put out)\s+(?:a|an|the)\s+"
    rf"(?:\w+\s+){{0,2}}(?:statement|communiqué|press release|declaration|report|note)\s+"
    rf"(?P<verb>{PARTICIPLES})\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "X cited the report … which stated that …"
CITED = re.compile(
    rf"^(?P<subject>.+?)\s+{ADVERBS}(?:cited|quoted|referred to|pointed to)\b[^.]*?\b"
    rf"(?:which|that|who)\s+(?P<verb>{SAY_VERBS})\s+(?:that\s+)?",
    re.IGNORECASE,
)
PASSIVE = re.compile(
    rf"^(?:[^,]*,\s*)?it\s+(?:was|has been|had been|is)\s+{ADVERBS}(?P<verb>{PASSIVE_VERBS})"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)
ACCORDING_FIRST = re.compile(r"^according to (?P<speaker>[^,]{2,120}),\s*", re.IGNORECASE)
ACCORDING_LAST = re.compile(r",\s*according to (?P<speaker>[^,]{2,120}?)[.!]?$", re.IGNORECASE)
# "…, according to one report, …": the source named inside the sentence.
ACCORDING_INSIDE = re.compile(
    r",\s*according to (?P<speaker>[^,“”\"]{2,120}?),\s*(?=\S)", re.IGNORECASE
)
# "Clinton attacked Trump, saying he would …": the subject speaks through a participle.
SAYING = re.compile(r",\s*(?:saying|adding|insisting|arguing|warning|claiming),?\s+(?:that\s+)?",
                    re.IGNORECASE)  # fmt: skip
VERBISH = re.compile(
    r"^(?:\w+ed|has|have|had|is|was|were|are|took|drew|made|gave|went|sought|also|then|later|"
    r"again|immediately|quickly|will|would|could|can|did|does|do|spent|met|led|won|lost)$"
)
SAID_LAST = re.compile(
    rf",[”\"]?\s*(?:(?P<speaker>[^,]{{2,120}}?)\s+(?P<verb>{SAY_VERBS})"
    r"(?:\s+(?:to|on|in|at|during|after|before|last|this|late|early|[A-Z])[^,]{0,40}?)?"
    r"|(?P<verb2>said|added|stated|says|wrote|told)\s+(?P<speaker2>[^,]{2,120}?)"
    r"(?:,\s*[^,]{1,120}?)?)[.!]?$",
    re.IGNORECASE,
)
# "Ryan and Trump will meet next week, Spicer said, adding …": an attribution put inside.
SAID_INSIDE = re.compile(
    rf"^(?P<content>[^“”\"]{{20,400}}?),\s*(?P<speaker>[^,“”\"]{{2,80}}?)\s+{ADVERBS}"
    rf"(?P<verb>said|says|told \w+|added|noted|wrote|argued|insisted|warned),\s+"
    r"(?:adding|noting|and|but|while|as|according|on|in|at|during|after|before)\b",
    re.IGNORECASE,
)
ADDING = re.compile(r",\s*(?:adding|and added|noting|stressing)\s+(?:that\s+)?", re.IGNORECASE)
# A character of a name in an attribution: no comma or quotation mark, and a full stop only
# after an initial or a title ("David B. Cohen", "Mr. Obama").
NAME_CHARS = r"(?:[^,.“”\"]|(?<=\b[A-Z])\.|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.)"
QUOTE_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<speaker>{NAME_CHARS}{{1,120}}?)(?:,(?P<named2>{NAME_CHARS}{{1,120}}?),)?"
    rf"\s+{ADVERBS}"
    rf"(?P<verb>{SAY_VERBS})"
    rf"|(?P<verb2>said|added|stated|wrote|says|asked)\s+(?P<speaker2>{NAME_CHARS}{{1,120}})"
    r"(?:,\s*(?P<named>[A-Z][^,.“”\"]{1,60}?)(?=[,.;]|$))?)"
    r"(?=[\s,.;]|$)",
    re.IGNORECASE,
)
# "X said: “…”", and "X said Sunday / in a statement / during the debate, “…”".
# Looked for from the end, in linear time (see quote_before()).
BEFORE_VERB = re.compile(rf"\b(?:{SAY_VERBS})\b", re.IGNORECASE)
BEFORE_TAIL = re.compile(
    r"(?:\s+(?:on|in|at|during|after|before|of|about|to|this|last|late|early|[A-Z]\w+day)\b"
    r"[^,.;:“”\"]{0,60})?\s*[:,]?\s*$",
    re.IGNORECASE,
)


def quote_before(before):
    """(speaker, verb) when the words before a quotation end with its attribution."""
    verbs = list(BEFORE_VERB.finditer(before, max(0, len(before) - 200)))
    for verb in reversed(verbs[-3:]):
        if BEFORE_TAIL.match(before, verb.end()):
            speaker = re.split(r"[,.“”\"]", before[: verb.start()])[-1].strip()
            if speaker and len(speaker) <= 120:
                return speaker, verb.group()
            return None
    return None


def stance_of(verb: str, content: str) -> str:
    words = set(verb.lower().split())
    if words & DENYING_WORDS:
        return "denial"
    if words & ACCUSING_WORDS:
        return "accusation"
    if NEGATION.search(content):
        return "denial"
    return "assertion"


def checkworthiness(text: str, stance: str) -> float:
    """How much a fact-checker would want to check it: facts, numbers, names; not opinions."""
    score = 0.35
    if re.search(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                 r"thousands?)\b", text, re.IGNORECASE):  # fmt: skip
        score += 0.2
    if FACTUAL.search(text):
        score += 0.2
    if len(re.findall(r"(?<!^)\b[A-Z][a-z]+", text)) >= 2:
        score += 0.1
    if stance != "assertion":
        score += 0.1
    if OPINION.search(text):
        score -= 0.25
    if len(text.split()) < 6:
        score -= 0.1
    return round(min(0.99, max(0.05, score)), 2)


# --- the extractor -----------------------------------------------------------------------------


class Extractor:
    def __init__(self, text):
        self.text = text
        self.found: list[Found] = []
        self.spans = set()  # (start, end) of what was found, so nothing is found twice
        self.context = Context()

    def run(self):
        quotes_done = set()
        previous_speaker = None  # who spoke in the sentence just before, if anyone
        for sentence in sentences(self.text):
            self.context.enter(sentence.paragraph)
            quotes = [
                q
                for q in quote_ranges(self.text, sentence.start, sentence.end)
                if len(self.text[q[0] + 1 : q[1] - 1].split()) >= MIN_QUOTE_WORDS
            ]
            before = len(self.found)
            unattributed = []
            for quote in quotes:
                if quote not in quotes_done:
                    quotes_done.add(quote)
                    count = len(self.found)
                    self.quotation(sentence, quote)
                    if len(self.found) == count:
                        unattributed.append(quote)
            if unattributed and len(self.found) > before:
                # “…,” said an Iowa Democrat, “and Iowa was not a decisive win.”
                self.quoted_by(self.found[-1].speaker, unattributed)
            # No quotation was attributed: "Ryan said Obama's acts “amount to …”" is a
            # reported statement with a quotation inside.
            if len(self.found) == before and len(sentence.text) <= MAX_SENTENCE_CHARS:
                self.statement(sentence)
            if len(self.found) == before and quotes and previous_speaker:
                self.continued_quotation(sentence, quotes, previous_speaker)
            previous_speaker = self.found[-1].speaker if len(self.found) > before else None
            if len(sentence.text) <= MAX_SENTENCE_CHARS:
                self.context.read(sentence.text)
        return self.found

    def quoted_by(self, speaker, quotes):
        """The quotations go on with what `speaker` just said: the last statement found is
        extended over them, so one statement stays one claim. Its span covers all of it
        (for citation); its text joins the quotations without the attribution between."""
        last = self.found[-1] if self.found else None
        for q_start, q_end in quotes:
            text = self.text[q_start + 1 : q_end - 1].strip(QUOTE_EDGE).rstrip(",")
            start = self.text.index(text, q_start) if text else q_start + 1
            end = start + len(text)
            if last is not None and last.speaker == speaker and 0 < start - last.end <= 400:
                self.spans.discard((last.start, last.end))
                said = last.text.rstrip(",")
                said += "" if said.endswith((".", "!", "?")) else "."
                last.end, last.text = end, f"{said} {text}"
                self.spans.add((last.start, last.end))
                last.checkworthiness = checkworthiness(last.text, last.stance)
            else:
                self.record(text, speaker, start, end, "said")

    def continued_quotation(self, sentence, quotes, speaker):
        """A sentence that is only a quotation, right after someone spoke, goes on with
        their words: “…,” Buchanan said. “If you're not tough, you will lose.”"""
        quoted = sum(end - start for start, end in quotes)
        opens = sentence.text.lstrip(QUOTE_EDGE).startswith(tuple(QUOTE_PAIRS))
        if not opens or quoted < 0.8 * len(sentence.text):
            return
        self.quoted_by(speaker, quotes)

    # One sentence without a long quotation.
    def statement(self, sentence):
        text = sentence.text
        for pattern in (RESPONDED, STATEMENT, CITED):
            match = pattern.match(text)
            if match and self.add(sentence, match.group("subject"), match.end(), match["verb"]):
                return
        match = PASSIVE.match(text)
        if match:
            speaker = self.context.current()
            if speaker:
                self.add(sentence, speaker, match.end(), match["verb"], resolved=True)
            return
        # "according to X": X is named as the source, whatever it looks like.
        match = ACCORDING_FIRST.match(text)
        if match:
            self.add(sentence, clean_speaker(match["speaker"]), match.end(), "according to",
                     resolved=True)  # fmt: skip
            return
        match = ACCORDING_LAST.search(text)
        if match:
            self.add(sentence, clean_speaker(match["speaker"]), 0, "according to",
                     stop=match.start(), resolved=True)  # fmt: skip
            return
        match = ACCORDING_INSIDE.search(text)
        if match and self.add(sentence, clean_speaker(match["speaker"]), 0, "according to",
                              resolved=True):  # fmt: skip
            return
        # The first reporting verb decides; later ones are inside the content.
        match = REPORTING.search(text)
        if match:
            subject = clean_speaker(text[: match.start()])
            verb = match["verb"]
            # "denied that troops crossed": the claim is what was denied (the stance keeps
            # the denial); "accused Azerbaijan of using …": the claim is the verb phrase.
            pointed = verb.lower() in DENYING_WORDS | ACCUSING_WORDS
            pointed = pointed and not match["link"].strip().lower().endswith("that")
            start = match.start() if pointed else match.end()
            if not pointed and self.inserted(sentence, match, subject):
                return
            prefix = text[: match.start()]
            if re.search(r"\band\s*$", prefix):
                # "ProPublica obtained the video and said …": the clause's own subject
                subject = _subject_of(prefix) or subject
            if looks_like_speaker(subject) and self.add(sentence, subject, start, verb):
                return
        match = SAYING.search(text)
        if match and not REPORTING.search(text[: match.start()]):
            subject = _subject_of(text[: match.start()])
            if subject and self.add(sentence, subject, match.end(), match.group().strip(" ,")):
                return
        match = SAID_INSIDE.match(text)
        if match and looks_like_speaker(clean_speaker(match["speaker"])):
            content_end = match.end("content")
            if self.add(sentence, clean_speaker(match["speaker"]), 0, match["verb"],
                        stop=content_end):  # fmt: skip
                return
        match = SAID_LAST.search(text)
        if match:
            speaker = match["speaker"] or match["speaker2"]
            if plausible_source(clean_speaker(speaker)) and self.add(
                sentence,
                speaker,
                0,
                match["verb"] or match["verb2"],
                stop=match.start(),
                plausible=True,
            ):
                return
        self.context.mentioned(_leading_noun_phrase(text))

    def inserted(self, sentence, match, subject):
        """ "Pivoting too soon, economists say, limited the recovery": an attribution set
        inside the statement. The claim is both parts, without the attribution."""
        text = sentence.text
        left, comma, _ = text[: match.start()].rpartition(", ")
        # A lead such as "In Moscow, the ministry said, …" is no part of the statement.
        if match["link"].strip() != "," or not comma or len(left.split()) < 2:
            return False
        if len(left.split()) < 5 and LEAD_IN.fullmatch(left + ", "):
            return False
        if not plausible_source(subject):
            return False
        speaker = self.context.resolve(subject)
        right = text[match.end() :].strip().rstrip(".!;")
        if speaker is None or len(right.split()) < 2:
            return False
        end = sentence.start + len(text.rstrip(" .!;"))
        return self.record(f"{left.strip()} {right}", speaker, sentence.start, end, match["verb"])

    def quotation(self, sentence, quote):
        q_start, q_end = quote
        if q_end - q_start > 2 * MAX_SENTENCE_CHARS:
            return
        after = self.text[q_end : min(sentence.end, q_end + ATTRIBUTION_WINDOW)]
        before = self.text[max(sentence.start, q_start - ATTRIBUTION_WINDOW) : q_start]
        match = QUOTE_AFTER.match(after)
        speaker = verb = None
        if match:
            speaker, verb = match["speaker"] or match["speaker2"], match["verb"] or match["verb2"]
            named = match["named"] or match["named2"]  # "the aide, Hikmet Hajiyev, said"
            if named and is_person(named.strip()):
                speaker = named  # "said the spokesman, Ivan Petrov"
        else:
            speaker, verb = quote_before(before) or (None, None)
        if not speaker:
            return
        speaker = clean_speaker(speaker)
        inverted = match is not None  # “…,” X said: the shape names the speaker
        if not (looks_like_speaker(speaker) or inverted and plausible_source(speaker)):
            return
        content_start, content_end = q_start + 1, q_end - 1
        resolved = self.context.resolve(speaker)
        if resolved is None:
            return
        quote_text = self.text[content_start:content_end].strip(QUOTE_EDGE).rstrip(",")
        self.record(quote_text, resolved, content_start, content_start + len(quote_text), verb)
        # ", adding that …" after the attribution: a second statement by the same speaker.
        tail_start = q_end + (match.end() if match and match.string is after else 0)
        tail = self.text[tail_start : min(sentence.end, tail_start + ATTRIBUTION_WINDOW)]
        adding = ADDING.search(tail)
        if adding and sentence.end - tail_start <= MAX_SENTENCE_CHARS:
            start = tail_start + adding.end()
            content = self.text[start : sentence.end].rstrip(" .!")
            self.record(content, resolved, start, start + len(content), "added")

    def add(self, sentence, subject, offset, verb, stop=None, resolved=False, plausible=False):
        """Record the content of `sentence` from `offset` (to `stop`), said by `subject`.
        `plausible`: the shape of the sentence already says who speaks ("…, analysts say.")."""
        subject = subject if resolved else clean_speaker(subject)
        if not resolved:
            fits = plausible_source(subject) if plausible else looks_like_speaker(subject)
            if not fits:
                return False
            subject = self.context.resolve(subject)
            if subject is None:
                return False
        end = sentence.end if stop is None else sentence.start + stop
        content = self.text[sentence.start + offset : end]
        if when := LEADING_TIME.match(content):  # "said Wednesday (that) the bridge …"
            offset += when.end()
            content = content[when.end() :]
        # A participle clause of the same speaker ("…, stating that …") stays in the claim.
        stripped = content.strip().rstrip(".!;")
        if len(stripped.split()) < MIN_CLAIM_WORDS:
            return False
        start = sentence.start + offset + (len(content) - len(content.lstrip()))
        return self.record(stripped, subject, start, start + len(stripped), verb)

    def record(self, content, speaker, start, end, verb):
        if len(content.split()) < MIN_CLAIM_WORDS:
            return False
        if (start, end) in self.spans:
            return False
        self.spans.add((start, end))
        stance = stance_of(verb, content)
        self.found.append(
            Found(
                text=content,
                speaker=speaker,
                start=start,
                end=end,
                stance=stance,
                checkworthiness=checkworthiness(content, stance),
            )
        )
        self.context.spoke(speaker)
        return True


def _subject_of(clause):
    """The noun phrase a clause starts with, up to its first verb: "Clinton" in "Clinton
    attacked Trump", "The Florida senator" in "The Florida senator sought to …"."""
    clause = re.sub(r"\s*\([^)]{0,40}\)", "", DATELINE.sub("", LEAD_IN.sub("", clause.strip())))
    words = clause.split()
    for i, word in enumerate(words[: MAX_SPEAKER_WORDS + 1]):
        if i and word[:1].islower() and VERBISH.match(word):
            subject = clean_speaker(" ".join(words[:i]))
            return subject if looks_like_speaker(subject) else None
    return None


def _leading_noun_phrase(text):
    """'Armenia’s Prime Minister Nikol Pashinyan' from 'Armenia’s Prime Minister … sent …'."""
    text = LEAD_IN.sub("", text)
    words = []
    for word in text.split():
        bare = word.strip(",")
        if bare[:1].isupper() or bare.lower() in {"of", "the", "de", "facto"}:
            words.append(bare)
            if word.endswith(","):
                break
        else:
            break
    return " ".join(words)


def find_claims(text: str) -> list[Found]:
    """The attributed statements in `text`, in reading order."""
    if not text or not text.strip():
        return []
    # Some papers quote with two apostrophes: ''…''. Read them as one quotation mark (and a
    # joiner, so every offset stays the same), then give back the text as it was written.
    work = text.replace("''", '\u2060"') if "''" in text else text
    read_by_lexicon = other_languages(text)
    found = [f for f in Extractor(work).run() if not _inside(f.start, read_by_lexicon)]
    if work is not text:
        for f in found:
            f.text = f.text.replace('\u2060"', "''")
    for (start, end), code in read_by_lexicon.items():
        for s in lexicon.find_statements(text, code, start, end):
            worth = checkworthiness(s.text, s.stance)
            found.append(Found(s.text, s.speaker, s.start, s.end, s.stance, worth))
    return sorted(found, key=lambda f: f.start)


def other_languages(text) -> dict:
    """{(start, end): language} of the paragraphs written in a language read by lexicon
    (claims/ingest/lexicon.py) rather than by the English rules."""
    read, last = {}, None  # consecutive paragraphs in one language are read together, so
    for start, end in paragraphs(text):  # "the ministry" can point to the one named before
        code = detect_language(text[start:end])
        if last and _too_short_to_tell(text[start:end], code, last[1]):
            code = last[1]  # "Сума послуг склала $2,53 млн." read as Russian in a Ukrainian text
        if code not in lexicon.LANGUAGES:
            last = None
            continue
        if last and last[1] == code:
            del read[last[0]]
            start = last[0][0]
        read[(start, end)] = code
        last = ((start, end), code)
    return read


SHORT_PARAGRAPH_WORDS = 12
CLOSE_LANGUAGES = {"ru", "uk"}  # one script, many shared words: a short line may read as either


def _too_short_to_tell(paragraph, code, before) -> bool:
    """Whether a short paragraph's language is better taken from the one before it."""
    if len(paragraph.split()) >= SHORT_PARAGRAPH_WORDS or code == before:
        return False
    return code == "und" or {code, before} <= CLOSE_LANGUAGES


def _inside(offset, spans) -> bool:
    return any(start <= offset < end for start, end in spans)


def languages_read() -> dict:
    """{code: name} of the languages claims are suggested in."""
    return {"en": "English"} | {code: lang.name for code, lang in lexicon.LANGUAGES.items()}
