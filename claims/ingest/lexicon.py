"""Attributed statements in the languages we read by lexicon: Russian, Ukrainian,
Azerbaijani, Armenian, Turkish and French.

No parser for most of these runs offline, so each language is a list of its reporting verbs
and the frames reports put them in, read one sentence at a time:

- the speaker first: "Минобороны Азербайджана заявило, что …", "Nazirlik bildirib ki, …",
  "Le ministère a déclaré que …", "X-ը հայտարարել է, որ …", "Bakanlık, … açıkladı";
- the statement first: "…, – заявили в Минобороны", "…, - deyə nazirlik bildirib",
  "…, a affirmé le porte-parole", "…», dedi Aliyev";
- a source frame: "по словам X, …", "за даними X, …", "X-in sözlərinə görə, …",
  "selon X, …", "ըստ X-ի, …", "X'e göre, …" (and at the end: "…, по данным X");
- the speaker in the next sentence: "Об этом сообщила пресс-секретарь … Шушан Степанян",
  "Bu barədə nazirliyin mətbuat xidməti məlumat verib", "Про це повідомили в Генштабі".

Sentences are split with razdel for Russian and Ukrainian and by each script's own marks
elsewhere (Armenian ends a sentence with "։"); never by the English rules.
"""

import re
from dataclasses import dataclass
from functools import cache

from claims.ingest import russian_syntax
from claims.ingest.inflection import nominative
from claims.meaning import stance as stances

MIN_CLAIM_WORDS = 4
MAX_SPEAKER_CHARS = 150
MAX_SENTENCE_CHARS = 1000
QUOTES = "«»“”„\"'‹›"
DASH = r"[-–—]"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # as the newsroom reads it: "Russian"
    verbs: str  # reporting verbs, a regex alternation of finite forms
    denying: str  # the verbs among them (and phrases) that deny
    accusing: str  # that accuse
    that: str = ""  # the complementiser after the verb: "что", "ki", "que", "որ"
    according_before: str = ""  # "по словам" X, …
    according_after: str = ""  # X "sözlərinə görə", …  (postpositions)
    genitive_frames: str = ""  # those of them that put the speaker in the genitive
    about_this: str = ""  # "Об этом" …: the speaker of the sentence before
    speaker_first_sov: bool = False  # "X, CLAIM açıkladı": speaker, comma, statement, verb
    deye: str = ""  # the quotative before the speaker at the end: "deyə"
    speaker_noise: str = ""  # where a speaker's words stop: "в своём Telegram-канале"
    not_speakers: str = ""  # subjects of a reporting verb that speak for nobody: "Это говорит"
    adverbs: str = ""  # between speaker and verb, not the speaker's: "также", "ранее"
    denying_claim: str = ""  # what makes the statement itself a denial: "фейк", "provocation"
    denial_object: bool = False  # "X опроверг сообщения о …": the object is the statement
    # "X обвинил Y в обстреле …", "X accuse Y d'avoir frappé …": the word that links whom X
    # accuses to what of; the accusation is both.
    accused_of: str = ""
    called: str = ""  # "X назвал … фейком": the verb …
    false: str = ""  # … and what it called the statement
    # Words that point back to a speaker already named ("ведомство", "nazirlik", "il"):
    # such a statement is the last named speaker's.
    pointing_back: str = ""


RU = Language(
    "ru",
    "Russian",
    verbs=(
        r"заяви(?:л|ла|ло|ли)|сообщ(?:ил|ила|ило|или|ает|ают)|утвержда(?:ет|ют|л|ла|ло|ли)|"
        r"подчеркну(?:л|ла|ло|ли)|отмети(?:л|ла|ло|ли)|пишет|пишут|"
        r"опроверг(?:ла|ло|ли|ает|ают)?|отверг(?:ла|ло|ли|ает|ают)?|"
        r"обвини(?:л|ла|ло|ли)|обвиняет|обвиняют|"
        r"сказа(?:л|ла|ло|ли)|рассказа(?:л|ла|ло|ли)|уточни(?:л|ла|ло|ли)|"
        r"признал(?:а|о|и)?|настаива(?:ет|ют|л|ла|ло|ли)|"
        r"назва(?:л|ла|ло|ли)|информирует|передает|передаёт|"
        r"добави(?:л|ла|ло|ли)|говорится|"
        # The present tense and the everyday verbs of news copy: "говорит Раджеш Рао",
        # "Елена рассказывает, что …", "эксперты отмечают, что …".
        r"говор(?:ит|ят|ил|ила|ило|или)|рассказыва(?:ет|ют|л|ла|ли)|"
        r"заявля(?:ет|ют|л|ла|ли)|сообща(?:л|ла|ли)|отмеча(?:ет|ют|л|ла|ли)|"
        r"подч[её]ркива(?:ет|ют|л|ла|ли)|поясни(?:л|ла|ло|ли)|поясня(?:ет|ют)|"
        r"объясни(?:л|ла|ло|ли)|объясня(?:ет|ют|л|ла|ли)|уверя(?:ет|ют|л|ла|ли)|"
        r"завери(?:л|ла|ло|ли)|указа(?:л|ла|ло|ли)|указыва(?:ет|ют)|напомни(?:л|ла|ло|ли)|"
        r"напомина(?:ет|ют)|добавля(?:ет|ют)|уточня(?:ет|ют)|призна[её]т|признают|"
        r"констатирова(?:л|ла|ло|ли)|предупреди(?:л|ла|ло|ли)|объяви(?:л|ла|ло|ли)|"
        r"разъясня(?:ет|ют)|отрица(?:ет|ют|л|ла|ло|ли)"
    ),
    denying=r"опроверг\w*|отверг\w*|отрица\w*",
    accusing=r"обвини\w*|обвиня\w*",
    accused_of=r"в\s|во\s",
    that=r"что|будто|о том,?\s+что",
    not_speakers=r"это|что|всё|все|то|так|кто|вот|здесь|там|тут|оно",
    according_before=(
        r"по (?:словам|данным|информации|сведениям|утверждению|мнению)|как (?:сообщ|заяви|утвержда|"
        r"отмети|пишет|пишут)\w*|согласно (?:данным|заявлению)?"
    ),
    genitive_frames=(
        r"по (?:словам|данным|информации|сведениям|утверждению|мнению)|согласно данным"
    ),
    about_this=r"Об этом",
    adverbs=(
        r"также|ранее|вновь|уже|официально|накануне|сегодня|тоже|категорически|сейчас|вчера|"
        r"позже|затем|впервые|неоднократно|публично|открыто|прямо"
    ),
    denying_claim=r"фейк|ложь|провокаци|дезинформаци|не соответству\w* действительности",
    denial_object=True,
    called=r"назва(?:л|ла|ло|ли)",
    false=r"фейком|ложью|провокацией|дезинформацией|неправдой|вбросом",
    pointing_back=(
        r"ведомств\w*|министерств\w*|он|она|они|его|её|ее|их|министр\w*|"
        r"пресс-служб\w*|представител\w*|сторон\w*"
    ),
    speaker_noise=(
        r"\s+(?:в (?:своём|своем|официальном|телеграм|Telegram|Facebook|Twitter|X|интервью|"
        r"эфире|ходе|заявлении|сообщении|комментарии)|на (?:брифинге|пресс-конференции|"
        r"своей странице|странице)|журналистам|агентству|РИА|ТАСС)\b.*$"
    ),
)

UK = Language(
    "uk",
    "Ukrainian",
    verbs=(
        r"заяви(?:в|ла|ло|ли)|повідоми(?:в|ла|ло|ли)|повідомляє|повідомляють|"
        r"стверджу(?:є|ють|вав|вала|вали)|наголоси(?:в|ла|ло|ли)|зазначи(?:в|ла|ло|ли)|"
        r"спростува(?:в|ла|ло|ли)|відкину(?:в|ла|ло|ли)|звинувати(?:в|ла|ло|ли)|"
        r"звинувачує|звинувачують|сказа(?:в|ла|ло|ли)|розповів|розповіла|розповіли|"
        r"пише|пишуть|додав|додала|додали|уточни(?:в|ла|ли)|назва(?:в|ла|ло|ли)|"
        r"заявля(?:є|ють)|повідомля(?:в|ла|ли)|каже|кажуть|каза(?:в|ла|ли)|говорить|"
        r"говорять|розповіда(?:є|ють)|зазнача(?:є|ють)|наголошу(?:є|ють)|поясни(?:в|ла|ли)|"
        r"поясню(?:є|ють)|запевни(?:в|ла|ли)|запевня(?:є|ють)|дода(?:є|ють)|"
        r"заперечу(?:є|ють)|заперечи(?:в|ла|ли)"
    ),
    denying=r"спростува\w*|відкину\w*|заперечу\w*",
    accusing=r"звинувати\w*|звинувачу\w*",
    accused_of=r"у\s|в\s",
    that=r"що|нібито|про те,?\s+що",
    not_speakers=r"це|що|все|усе|то|так|хто|ось|тут|там|воно",
    according_before=r"за (?:словами|даними|інформацією)|як (?:повідом|заяви|пише|пишуть)\w*",
    genitive_frames=r"за (?:словами|даними|інформацією)",
    about_this=r"Про це",
    adverbs=r"також|раніше|вже|офіційно|сьогодні|категорично",
    denying_claim=r"фейк|брехн|провокаці|дезінформаці|неправд|не відповіда\w* дійсності",
    denial_object=True,
    called=r"назва(?:в|ла|ло|ли)",
    false=r"фейком|брехнею|провокацією|дезінформацією|неправдою",
    pointing_back=(
        r"відомств\w*|міністерств\w*|він|вона|вони|його|її|їх|міністр\w*|"
        r"штаб\w*|речни\w*|прессслужб\w*|пресс-служб\w*|прес-служб\w*"
    ),
    speaker_noise=(
        r"\s+(?:у (?:своєму|Telegram|Facebook|телеграм|ефірі|інтерв'ю|коментарі)|в "
        r"(?:Telegram|Facebook|ефірі|інтерв'ю|коментарі)|на (?:брифінгу|сторінці))\b.*$"
    ),
)

AZ = Language(
    "az",
    "Azerbaijani",
    verbs=(
        r"bildirib|bildirdi|bildirir|qeyd (?:edib|etdi|edir|ediblər)|açıqlayıb|"
        r"xəbər (?:verir|verib)|məlumat (?:verib|verir|yayıb)|iddia (?:edib|edir|ediblər|etdi)|"
        r"təkzib (?:edib|etdi|edir|ediblər)|deyib|dedi|vurğulayıb|ittiham (?:edib|etdi|edir)|"
        r"elan (?:edib|etdi)|söyləyib|yazır|yazıb"
    ),
    denying=r"təkzib\s+\w+|rədd\s+\w+|yalan|saxta|həqiqətə uyğun deyil",
    accusing=r"ittiham\s+\w+",
    that=r"ki",
    according_after=(
        r"(?:-?(?:n|in|ın|un|ün|nin|nın|nun|nün))?\s+(?:sözlərinə|məlumatına|açıqlamasına|"
        r"fikrincə|bildirdiyinə)\s+(?:görə)?"
    ),
    about_this=r"Bu barədə|Bununla bağlı",
    deye=r"deyə",
    adverbs=r"də|da|həmçinin|artıq|bir daha",
    denying_claim=r"yalan|saxta|təxribat|əsassız|həqiqətə uyğun deyil|dezinformasiya",
    pointing_back=r"nazirli\w*|sözçü\w*|o|on|onun|onlar\w*|idarə\w*|qurum\w*|tərəf\w*",
    speaker_noise=r"\s+(?:APA-ya|Trend-ə|Report-a|jurnalistlərə|mətbuat konfransında)\b.*$",
)

TR = Language(
    "tr",
    "Turkish",
    verbs=(
        r"açıkladı|açıklamıştı|bildirdi|belirtti|söyledi|dedi|iddia etti|ileri sürdü|"
        r"yalanladı|reddetti|suçladı|duyurdu|kaydetti|vurguladı|ifade etti|aktardı"
    ),
    denying=r"yalanladı|reddetti|gerçeği yansıtmadığını|asılsız",
    accusing=r"suçladı",
    that=r"ki",
    according_after=r"(?:'?(?:e|a|ye|ya|ne|na|in|ın|un|ün|nin|nın)?)\s+(?:göre|açıklamasına göre)",
    about_this=r"Bu bilgiyi|Konuya ilişkin",
    adverbs=r"de|da|ayrıca|daha önce",
    denying_claim=r"asılsız|yalan|gerçeği yansıtm\w*|provokasyon|dezenformasyon",
    pointing_back=r"bakanlık\w*|sözcü\w*|o|onun|kurum\w*",
    speaker_first_sov=True,
)

FR = Language(
    "fr",
    "French",
    verbs=(
        r"(?:a|ont) (?:(?:également|aussi|déjà|encore|pourtant) )?(?:déclaré|affirmé|"
        r"annoncé|indiqué|précisé|assuré|souligné|accusé|démenti|dénoncé|rejeté|nié|ajouté|"
        r"estimé|expliqué|dit|reconnu)|"
        r"déclare|affirme|annonce|indique|assure|accuse|dément|dénonce|nie|rejette|"
        r"déclarent|affirment|accusent|démentent|selon lui|selon elle"
    ),
    denying=r"(?:(?:a|ont) )?(?:démenti|dément|démentent|nié|nie|nient|rejeté|rejette)\b",
    accusing=r"(?:(?:a|ont) )?(?:accusé|accuse|accusent|dénoncé|dénonce)\b",
    accused_of=r"d['’]\s?|de\s",
    that=r"que|qu'|qu’",
    according_before=r"[Ss]elon|[Dd]'après|D’après|[Dd]’après",
    adverbs=r"également|aussi|déjà|encore|pourtant|par ailleurs",
    denying_claim=r"provocation|mensonge|faux|fausses?|infondée?s?|désinformation",
    denial_object=True,
    speaker_noise=r"\s+(?:dans un communiqué|sur (?:Telegram|Facebook|X|Twitter)|à l'AFP)\b.*$",
)

HY = Language(
    "hy",
    "Armenian",
    verbs=(
        r"հայտարարել է|հայտարարել են|նշել է|նշել են|հայտնել է|հայտնել են|հայտնում է|"
        r"հայտնում են|հերքել է|հերքել են|մեղադրել է|պնդել է|պնդում է|ասել է|ընդգծել է|"
        r"հաղորդում է|տեղեկացնում է"
    ),
    denying=r"հերք\w*|սուտ|կեղծ",
    accusing=r"մեղադր\w*",
    that=r"որ",
    according_before=r"Ըստ|ըստ",
    about_this=r"Այս մասին",
    adverbs=r"նաև|արդեն",
    denying_claim=r"սուտ|կեղծ|սադրանք|ապատեղեկատվություն",
    pointing_back=r"նախարարությ\w*|նա|նրա|գերատեսչությ\w*",
)

LANGUAGES = {language.code: language for language in (RU, UK, AZ, TR, FR, HY)}


@dataclass
class Statement:
    text: str
    speaker: str
    start: int
    end: int
    stance: str


@dataclass
class _Sentence:
    start: int
    end: int
    text: str


@cache
def _patterns(code):
    lang = LANGUAGES[code]
    verbs = rf"(?:{lang.verbs})"
    if lang.adverbs:
        verbs = rf"(?:(?:{lang.adverbs})\s+)?{verbs}"
    speaker = rf"(?P<speaker>[^\n]{{2,{MAX_SPEAKER_CHARS}}}?)"
    claim = r"(?P<claim>.+?)"
    end = r"[\s.!?։…]*$"
    found = []
    if lang.that:
        # X заявил, что …  /  Nazirlik bildirib ki, …  /  X a déclaré qu'…
        # … and with a few words before the comma: "X заявил вечером в среду, что …"
        gap = r"(?:\s+[^\s,.!?:;«»\"“”]+){1,4}\s*,"
        found.append(
            rf"^{speaker},?\s+(?P<verb>{verbs})(?:{gap}|\s*,?)\s*(?:{lang.that})\b[\s,]*"
            rf"{claim}{end}"
        )
    # X заявил: «…»
    found.append(rf"^{speaker}\s+(?P<verb>{verbs})\s*:\s*{claim}{end}")
    if lang.deye:
        # «…», - deyə nazirlik bildirib.
        found.append(rf"^{claim}[,\s]*{DASH}?\s*{lang.deye}\s+{speaker}\s+(?P<verb>{verbs}){end}")
    if lang.speaker_first_sov:
        # Bakanlık, Ermenistan'ın … vurduğunu açıkladı.  /  «…» dedi Aliyev.
        found.append(rf"^(?P<speaker>[^,\n]{{2,80}}),\s+{claim}\s+(?P<verb>{verbs}){end}")
        found.append(rf"^{claim}[,\s]*{DASH}?\s*(?P<verb>{verbs})\s+{speaker}{end}")
    # «…», – заявили в Минобороны.  /  …, a affirmé le porte-parole.
    found.append(rf"^{claim}\s*[,:]\s*{DASH}?\s*(?P<verb>{verbs})\s+{speaker}{end}")
    found.append(rf"^{claim}[»”\"]\s*{DASH}\s*(?P<verb>{verbs})\s+{speaker}{end}")
    if lang.according_before:
        frame = rf"(?P<frame>(?i:{lang.according_before}))"
        found.append(rf"^{frame}\s+{speaker},\s*{claim}{end}")
        found.append(rf"^{claim},\s*{frame}\s+{speaker}{end}")
    if lang.according_after:
        found.append(rf"^{speaker}(?:{lang.according_after}),?\s*{claim}{end}")
    if lang.called:
        # Минобороны назвало сообщения о … фейком.
        found.append(
            rf"^{speaker}\s+(?P<verb>{lang.called})\s+{claim}\s+(?P<false>{lang.false}){end}"
        )
    if lang.accused_of:
        # Bakou accuse l'armée arménienne d'avoir frappé Gandja.
        found.append(
            rf"^{speaker}\s+(?P<verb>{lang.accusing})\s+"
            rf"(?P<claim>[^\n]+?\s(?:{lang.accused_of})[^\n]+?){end}"
        )
    if lang.denial_object:
        # X опроверг сообщения о …  /  X a démenti toute utilisation de …
        found.append(rf"^{speaker}\s+(?P<verb>(?:{lang.denying}))\s+{claim}{end}")
    # Not read: an Azerbaijani "X … bildirib" with neither "ki" nor a comma, where nothing
    # tells the speaker from the statement.
    return [re.compile(p, re.DOTALL) for p in found]


@cache
def _about_this(code):
    lang = LANGUAGES[code]
    if not lang.about_this:
        return None
    verbs = rf"(?:{lang.verbs})"
    return re.compile(
        rf"^(?:{lang.about_this})\s+(?:(?P<verb1>{verbs})\s+(?P<after>.+?)|(?P<before>.+?)\s+"
        rf"(?P<verb2>{verbs}))[\s.!?։…]*$",
        re.DOTALL,
    )


# --- sentences ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…։])[»”\"]?\s+(?=[«“\"„(\-–—]?[^\W\d_]|[«“\"„])|\n+")


def sentences(text, code, start=0, end=None):
    """The sentences of text[start:end] with their offsets in `text`."""
    end = len(text) if end is None else end
    if code in ("ru", "uk"):
        from razdel import sentenize

        spans = [(start + s.start, start + s.stop) for s in sentenize(text[start:end])]
    else:
        spans, begin = [], start
        for cut in _SENTENCE_END.finditer(text, start, end):
            if _inside_quote(text, begin, cut.start()):
                continue
            spans.append((begin, cut.start()))
            begin = cut.end()
        spans.append((begin, end))
    result = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append(_Sentence(a, b, text[a:b]))
    return result


def _inside_quote(text, begin, cut):
    part = text[begin:cut]
    return part.count("«") > part.count("»") or part.count("“") > part.count("”")


# --- statements ---------------------------------------------------------------------------------


def _clean_speaker(speaker, lang, case=None, after=False):
    """The speaker's words alone, in the nominative where the frame declined them (`case`:
    the case the frame puts the speaker in, when it is not the nominative). `after`: the
    speaker is named after the statement."""
    speaker = speaker.strip(" ,:;-–—" + QUOTES)
    if lang.speaker_noise:
        speaker = re.sub(lang.speaker_noise, "", speaker, flags=re.DOTALL).strip(" ,")
    if lang.code in ("ru", "uk"):
        # "…, говорит ещё один источник, знакомый с ходом обсуждений": the speaker named
        # after the statement, without the word before it or the phrase that describes it
        if after:
            speaker = re.sub(r"^(?:ещё|еще|ще|же)\s+", "", speaker, flags=re.IGNORECASE)
            speaker = re.sub(r",\s+[а-яёіїєґ].*$", "", speaker, flags=re.DOTALL)
        # "заявили в Минобороны", "повідомили у Генштабі": the place stands for the speaker
        located = re.sub(r"^(?:в|во|у)\s+", "", speaker, flags=re.IGNORECASE)
        case = "loct" if located != speaker else case
        # "говорится в заявлении ведомства": the statement's author
        authored = re.sub(r"^(?:заявлении|сообщении|пресс-релизе|заяві|повідомленні)\s+", "",
                          located)  # fmt: skip
        case = "gent" if authored != located else case
        speaker = authored.strip(" ,:;")
        if case:
            speaker = nominative(speaker, lang.code, case)
    return speaker.strip(" ,:;")


def _plausible_speaker(speaker, lang):
    words = speaker.split()
    if not words or len(words) > 14 or len(speaker) > MAX_SPEAKER_CHARS:
        return False
    if lang.not_speakers and re.fullmatch(lang.not_speakers, speaker, re.IGNORECASE):
        return False
    return any(ch.isupper() for ch in speaker) or len(words) <= 3


PAIRED = {"»": "«", "”": "“"}


def _clean_claim(claim):
    """The claim without the quotation marks and punctuation around it; a closing mark whose
    opening mark is inside stays («Смерч»)."""
    claim = claim.strip()
    while claim:
        first, last = claim[0], claim[-1]
        if first in QUOTES + " -–—,:":
            claim = claim[1:]
        elif last in QUOTES + " ,:;-–—.։" and not (
            last in PAIRED and claim.count(PAIRED[last]) >= claim.count(last)
        ):
            claim = claim[:-1]
        else:
            break
    return claim


def _stance(lang, verb, claim):
    if lang.called and re.search(lang.called, verb or "", re.IGNORECASE):
        return "denial"  # only "назвал … фейком" reaches here with that verb
    if re.search(lang.denying, verb or "", re.IGNORECASE):
        return "denial"
    if lang.denying_claim and re.search(lang.denying_claim, claim, re.IGNORECASE):
        return "denial"
    if re.search(lang.accusing, verb or "", re.IGNORECASE):
        return "accusation"
    return stances.guess(claim)


def _statement(sentence, match, lang):
    claim_group = "claim"
    start = sentence.start + match.start(claim_group)
    end = sentence.start + match.end(claim_group)
    raw = match.group(claim_group)
    claim = _clean_claim(raw)
    if not claim:
        return None
    offset = raw.find(claim)
    start, end = start + offset, start + offset + len(claim)
    frame = match.groupdict().get("frame") or ""
    declined = lang.genitive_frames and re.fullmatch(lang.genitive_frames, frame, re.IGNORECASE)
    speaker = _clean_speaker(
        match.group("speaker"),
        lang,
        "gent" if declined else None,
        after=match.start("speaker") > match.start(claim_group),
    )
    # "Selon les services de renseignement, …": a frame names a source, capitals or not.
    named_by_frame = bool(frame) and 0 < len(speaker.split()) <= 8
    if len(claim.split()) < MIN_CLAIM_WORDS or not (
        named_by_frame or _plausible_speaker(speaker, lang)
    ):
        return None
    verb = match.groupdict().get("verb") or ""
    return Statement(claim, speaker, start, end, _stance(lang, verb, claim))


def _named(speaker, found, lang, mentioned=None):
    """The speaker as last named in full, when the words point back to one ("the ministry",
    "Nazirliyin", "il") or give a surname alone ("Çavuşoğlu"). `mentioned`: a subject named
    since the last statement ("Минобороны … опровергло эти обвинения."), which the words
    point back to first."""
    words = speaker.split()
    if lang.pointing_back and re.fullmatch(rf"(?:{lang.pointing_back})", speaker, re.IGNORECASE):
        if mentioned:
            return mentioned
        return found[-1].speaker if found else speaker
    if not found:
        return speaker
    if len(words) == 1:
        prefix = words[0][:5].lower()
        for earlier in reversed(found):
            if any(w[:5].lower() == prefix for w in earlier.speaker.split()[1:]):
                return earlier.speaker
    return speaker


def _reporting(lang) -> str:
    """Every verb the parse reads as reporting a statement, denials among them."""
    return rf"(?:{lang.verbs}|{lang.denying})"


@cache
def _verb_search(verbs):
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)


def _has_verb(verbs, text) -> bool:
    return _verb_search(verbs).search(text) is not None


def _by_syntax(sentence, lang, statement, parsed=None):
    """Russian: the parse finds what no frame reads ("Азербайджанская сторона, как
    утверждает Баку, не использовала …"), and takes off what a frame left on a speaker
    ("… Шушан Степанян в воскресенье сообщила, что …": the subject, without the time)."""
    verbs = _reporting(lang)
    if not _has_verb(verbs, sentence.text):
        return statement  # the parse would look for one of these verbs: not worth its cost
    found = russian_syntax.attributions(sentence.text, verbs, parsed)
    if not found:
        return statement
    told = found[0]
    speaker = _clean_speaker(sentence.text[slice(*told.speaker)], lang)
    if statement is not None:
        if speaker and speaker != statement.speaker and statement.speaker.startswith(speaker):
            statement.speaker = speaker
        return statement
    pieces = [sentence.text[a:b] for a, b in told.claim]
    claim = _clean_claim(" ".join(pieces))
    if len(claim.split()) < MIN_CLAIM_WORDS or not _plausible_speaker(speaker, lang):
        return None
    if len(told.claim) == 1:
        offset = sentence.text.find(claim, told.claim[0][0])
        start, end = sentence.start + offset, sentence.start + offset + len(claim)
    else:  # around the aside: the span is the sentence's, the text both parts
        start, end = sentence.start + told.claim[0][0], sentence.start + told.claim[-1][1]
    return Statement(claim, speaker, start, end, _stance(lang, told.verb, claim))


def find_statements(text, code, start=0, end=None) -> list[Statement]:
    """The attributed statements of text[start:end], written in the language `code`."""
    lang = LANGUAGES[code]
    patterns = _patterns(code)
    about = _about_this(code)
    found, previous, mentioned = [], None, None
    acting = re.compile(
        rf"^(?P<subject>[^,\n«“\"]{{2,80}}?)\s+(?:\w+\s+)?"
        rf"(?:{lang.verbs}|{lang.denying}|{lang.accusing})\b"
    )
    read = sentences(text, code, start, end)
    parsed = None
    if code == "ru":  # every sentence the parse will be asked about, parsed together
        verbs = _reporting(lang)
        parsed = russian_syntax.parse_many(
            [s.text for s in read if len(s.text) <= MAX_SENTENCE_CHARS and _has_verb(verbs, s.text)]
        )
    for sentence in read:
        if len(sentence.text) > MAX_SENTENCE_CHARS:
            previous = None
            continue
        statement = None
        for pattern in patterns:
            match = pattern.match(sentence.text)
            if match:
                statement = _statement(sentence, match, lang)
                if statement:
                    break
        if code == "ru":
            statement = _by_syntax(sentence, lang, statement, parsed)
        if statement is None and about is not None and previous is not None:
            # "Об этом сообщила X.": X said what the sentence before said.
            told = about.match(sentence.text)
            if told:
                speaker = _clean_speaker(told.group("after") or told.group("before"), lang)
                verb = told.group("verb1") or told.group("verb2")
                claim = _clean_claim(previous.text)
                if _plausible_speaker(speaker, lang) and len(claim.split()) >= MIN_CLAIM_WORDS:
                    offset = previous.text.find(claim)
                    found.append(
                        Statement(
                            claim,
                            speaker,
                            previous.start + offset,
                            previous.start + offset + len(claim),
                            _stance(lang, verb, claim),
                        )
                    )
                previous = None
                continue
        if statement:
            statement.speaker = _named(statement.speaker, found, lang, mentioned)
            found.append(statement)
            previous, mentioned = None, None
        else:
            previous = sentence
            # A subject acting without a statement we log ("X опровергло эти обвинения"):
            # "the ministry" in the next sentences means X.
            acted = acting.match(sentence.text)
            subject = _clean_speaker(acted["subject"], lang) if acted else ""
            if (
                subject
                and _plausible_speaker(subject, lang)
                and not re.fullmatch(rf"(?:{lang.pointing_back})", subject, re.IGNORECASE)
            ):
                mentioned = subject
    return found
