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
  "Bu barədə nazirliyin mətbuat xidməti məlumat verib", "Про це повідомили в Генштабі";
- the speaker in an aside ("Усі ці факти, резюмували антимонопольники, не можуть …"), in a
  converb's main clause ("…, заявив, что …"), or as the verb's object ("сообщило об …").

Real news names its speakers loosely, so Russian and Ukrainian speakers are also read with
the morphology dictionaries (claims/ingest/inflection.py): what opens a sentence without
being its speaker ("Натомість", "У вересні 2017 року", "Говоря о сроках, …"), the person
"он/она" stands for, a person described rather than named ("руководитель театра"), and a
quotation of several sentences closed where its speaker is named. The frames were written
on public news and measured on held-back articles (README, "Claim finding beyond English").

Sentences are split with razdel for Russian and Ukrainian (a line break always ends one) and
by each script's own marks elsewhere (Armenian ends a sentence with "։"); never by the
English rules.
"""

import re
from dataclasses import dataclass
from functools import cache

from claims.ingest import russian_syntax
from claims.ingest.inflection import morphology, nominative
from claims.ingest.who_spoke import (
    MAX_QUOTED_SENTENCES,
    is_name,
    names_person,
    part_of_speech,
    person_named,
    resolve_speaker,
    role_described,
)
from claims.meaning import stance as stances

MIN_CLAIM_WORDS = 4
MAX_SPEAKER_CHARS = 150
MAX_SPEAKER_SPAN = 200  # the words before a verb of saying, before they are cleaned
MAX_SENTENCE_CHARS = 1000
SHORT_SENTENCE_WORDS = 12  # "Сума послуг склала $2,53 млн.": a coda to the sentence before
QUOTES = "«»“”„\"'‹›"
DASH = r"[-–—]"
# A name as the original spells it, in brackets after the Cyrillic: "(Flemming Splidsboel)"
LATIN_SPELLING = r"\(\s*[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3}\s*\)"
# The date of a paper's issue after its name: "Die Welt (17.04)"
ISSUE_DATE = r"\(\s*\d{1,2}\.\d{1,2}(?:\.\d{2,4})?\s*\)"
# A Russian verb in the past, any verb: "прощебетала", "отрезал", "усмехнулся"
PAST_VERB = (
    r"[а-яё]{3,}(?:ал|ял|ил|ел|ул|ала|яла|ила|ела|ула|али|яли|или|ели|ули|"
    r"ался|ялся|ился|улся|алась|ялась|илась|улась|ались|ялись|ились|улись)"
)


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
    about_verbs: str = ""  # verbs read only there: "Про це свідчить постанова суду"
    # Words that open a sentence without being its speaker ("Натомість повідомили, що …",
    # "Разом із тим ПЗЗ акцентує, що …"); with nothing after them the speaker is the last.
    connectives: str = ""
    # "По его словам, …": a source frame with a pronoun for the speaker (group "speaker")
    their_words: str = ""
    # "…, заявив, що …": the verb as a converb; the speaker is the main clause's subject
    converbs: str = ""
    # "X сообщил об уничтожении …": the statement as the verb's object, after this word
    about_object: str = ""
    # The verbs of an outlet passing on what another said: "…, передает ИТАР-ТАСС"
    passing_on: str = ""
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
    # Azerbaijani: the head nouns a speaker ends with ("nazirliyi", "sədri", "sözçüsü")
    speaker_heads: str = ""
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
        r"завери(?:л|ла|ло|ли)|указа(?:л|ла|ло|ли)|указыва(?:ет|ют|л|ла|ли)|напомни(?:л|ла|ло|ли)|"
        r"напомина(?:ет|ют)|добавля(?:ет|ют)|уточня(?:ет|ют)|призна[её]т|признают|"
        r"продолжа(?:ет|ют)|заверя(?:ет|ют|л|ла|ли)|жаловал(?:ся|ась|ись)|поясняется|"
        r"констатир(?:овал|овала|овало|овали|ует|уют)|предупреди(?:л|ла|ло|ли)|объяви(?:л|ла|ло|ли)|"
        r"процитирова(?:л|ла|ло|ли)|"
        r"объявля(?:ет|ют|л|ла|ли)|упомина(?:ет|ют|л|ла|ли)|"
        r"разъясня(?:ет|ют)|отрица(?:ет|ют|л|ла|ло|ли)|"
        r"счита(?:ет|ют|л|ла|ли)|подтверди(?:л|ла|ло|ли)|ответи(?:л|ла|ло|ли)|"
        r"замети(?:л|ла|ло|ли)|резюмирова(?:л|ла|ли)|подсчита(?:л|ла|ли)|"
        r"выясни(?:л|ла|ло|ли)|сообщается|пообеща(?:л|ла|ло|ли)|обеща(?:ет|ют)|"
        r"выступи(?:л|ла|ло|ли)(?:\s+\S+)?\s+со?\s+(?:\S+\s+)?заявлением|цитиру(?:ет|ют)|"
        # impersonal ("В документе подчёркивается, что"), documents ("указано", "сказано"),
        # conclusions and complaints
        r"подч[её]ркивается|отмечается|указывается|указано|сказано|отмечено|"
        r"приводит|пожаловал(?:ся|ась|ись)|жалуются|"
        r"приш(?:ёл|ел|ла|ло|ли) к выводу|обосновал(?:а|и)?|"
        # (not "заключила с Ираном договор": a treaty concluded)
        r"заключи(?:л|ла|ло|ли)(?!\s+(?:\S+\s+){0,2}?(?:договор|соглашени|контракт|сделк|"
        r"перемири|союз|брак|мир\b))|написа(?:л|ла|ло|ли)|сомнева(?:ется|ются)|сч[её]л|сочл(?:а|и)|"
        r"сообщало|заявляло|отмечало|продолжи(?:л|ла|ло|ли)|выявил(?:а|о|и)?|признал(?:ся|ась|ись)|"
        r"призна[её]тся|признаются|"
        r"(?:высказа|вырази|высказыва|выража)(?:л|ла|ло|ли)\s+(?:\S+\s+)?(?:убеждение|мнение|уверенность|"
        r"опасения|"
        r"предположение|надежду|опасение|сожаление)|"
        r"утверждалось|сообщалось|говорилось|отмечалось|уточняется|предположи(?:л|ла|ли)|"
        r"полага(?:ет|ют|л|ла|ли)|уверен(?:а|ы)?|подтвержда(?:ет|ют|л|ла|ли)|"
        r"отвеча(?:ет|ют)|подч[её]ркивалось|указывалось|"
        r"ограничи(?:лся|лась|лось|лись)\s+(?:\S+\s+)?заявлением|обнаружи(?:л|ла|ло|ли)|"
        # what a speaker's tone adds: "…, - сокрушается собеседник", "- возмутился глава"
        r"соглас(?:ен|на|ны)|сокруша(?:ется|ются|лся|лась|лись)|сету(?:ет|ют)|"
        r"возмуща(?:ется|ются|лся|лась|лись)|возмути(?:лся|лась|лись)|"
        r"недоумева(?:ет|ют|л|ла|ли)|заключа(?:ет|ют)|посетова(?:л|ла|ли)|"
        r"подытожи(?:л|ла|ли)|прогнозиру(?:ет|ют)|спрогнозирова(?:л|ла|ли)|намекну(?:л|ла|ли)|"
        # "США намекали, что могут ударить санкциями", "Он проинформировал, что …"
        r"намека(?:ет|ют|л|ла|ли)|проинформирова(?:л|ла|ло|ли)|"
        # "В ECA опасаются, что Ryanair продолжит …": a fear, said as a forecast
        r"опаса(?:ется|ются|лся|лась|лись)|"
        r"постанови(?:л|ла|ло|ли)|утверждается|упомяну(?:л|ла|ли)|"
        # testimony: "Задержанный дал показания, что …"; "Ранее Коммерсантъ писал, что …";
        # "Турецкие власти подозревают, что …"
        r"да(?:л|ла|ли|[её]т|ют)\s+показания|писа(?:л|ла|ло|ли)|подозрева(?:ет|ют|л|ла|ли)|"
        r"предполага(?:ет|ют|л|ла|ли)|"
        # "Он повторил обвинения, что …"
        r"повтори(?:л|ла|ло|ли)|повторя(?:ет|ют)|"
        # "Министр не исключил, что …", "Владелец обратил внимание, что …"
        r"не исключи(?:л|ла|ло|ли)|не исключа(?:ет|ют)|не отрица(?:ет|ют|л|ла|ли)|"
        r"(?:с ужасом\s+)?обрати(?:л|ла|ло|ли)\s+внимание(?:\s+на\s+то)?|"
        # "Ватикан опубликовал заявление о том, что …"
        r"(?:опубликова|распространи|сдела|обнародова)(?:л|ла|ло|ли)\s+(?:\S+\s+)?"
        r"(?:заявление|сообщение|коммюнике)|"
        # the verbs of analysts and their surveys: "Сатановский не сомневается, что …",
        # "Авторы доказывают, что …", "Опрос показал, что …", "Нурдбю не думает, что …"
        r"не\s+сомнева(?:ется|ются|лся|лась|лись)|не\s+дума(?:ет|ют)|"
        r"дума(?:ет|ют)|доказыва(?:ет|ют|л|ла|ли)|доказа(?:л|ла|ли)|"
        r"приход(?:ит|ят)\s+к\s+выводу|делает\s+вывод|сдела(?:л|ла|ли)\s+вывод|"
        r"замеча(?:ет|ют|л|ла|ли)|уверено|показа(?:л|ла|ло|ли)|"
        r"предупрежда(?:ет|ют)|прогнозиру(?:ет|ют)|оповести(?:л|ла|ли)|"
        r"убежд[её]н(?:а|ы)?"
    ),
    their_words=(
        r"(?i:по)\s+(?P<speaker>его|её|ее|их)\s+(?P<frame>словам|мнению|данным|оценкам|"
        r"информации|подсч[её]там|заявлени(?:ю|ям)|утверждени(?:ю|ям)|сведениям|версии)"
    ),
    converbs=(
        r"заявив|сообщив|подчеркнув|отметив|добавив|пояснив|уточнив|напомнив|указав|заверив|"
        r"посетовав|пожаловавшись|"
        r"утверждая|заявляя|подч[её]ркивая|отмечая|настаивая|говоря"
    ),
    about_object=r"об?|обо",
    passing_on=r"переда[её]т|переда[её]ют|пишет|пишут|сообща(?:ет|ют)|информирует",
    denying=r"опроверг\w*|отверг\w*|отрица(?!тельн)\w*",  # (not "отрицательный результат")
    # (not "обвиняется", "обвиняемых": the one accused)
    accusing=r"обвини(?!тся|лся|лась|лись|ть\b)\w*|обвиня(?!ется|ются|лся|лась|лись|ем|ть\b)\w*",
    accused_of=r"в\s|во\s",
    that=r"что|будто|о том,?\s+что",
    # … and the first and second person, who speak inside a quotation ("Я объяснил, что …")
    # … and times alone, before an impersonal verb ("Сначала сообщалось о …"): no one
    not_speakers=(
        r"это|что|всё|все|то|так|как|кто|вот|здесь|там|тут|оно|я|мы|ты|вы|сначала|ранее|прежде|оба|обе|"
        r"потом|впоследствии|позже|позднее|тогда|первоначально|изначально|вначале|сперва|где|куда|"
        # a headline's rubric: "Комментарий: Спор вокруг «Брекзита» породил хаос"
        r"комментарий|мнение|интервью|видео|фото|хроника|колонка|обзор|главное|срочно|эксклюзив"
    ),
    according_before=(
        r"по (?:словам|данным|информации|сведениям|утверждению|мнению|оценк(?:е|ам))|"
        r"как (?:ранее |уже |раньше )?(?:сообщ|заяви|утвержда|отмети|пишет|пишут|выясни|поясни|"
        r"поясня|рассказ|подч[её]рк|уточни|счита|указ|установи|объясни|объясня|призна|выяви|"
        r"замеча|замети|полага|предупрежда|предупреди|переда)\w*|"
        # "Как говорится в заявлении Ryanair, …": where it is said, whose it is
        r"как (?:говорится|сказано|указывается|отмечается)(?=\s+(?:в|во)\s)|"
        r"по сообщени(?:ю|ям)|по (?:заверени(?:ю|ям)|подсч[её]там|версии)|"
        r"по (?:заявлени(?:ю|ям)|утверждениям|показаниям)|"
        r"согласно (?:\S+\s+){0,3}?(?:данным|решению|постановлению|приговору|заявлению|"
        r"обвинению|сообщени(?:ю|ям)|отч[её]ту|докладу|информации|материалам|документам|"
        r"отч[её]тности|показаниям|заключению|выводам|оценк(?:е|ам)|сведениям|версии|уставу|"
        r"(?:соц)?опрос(?:у|ам)|исследованию|прогнозу)?"
    ),
    genitive_frames=(
        r"по (?:словам|данным|информации|сведениям|утверждению|мнению|оценк(?:е|ам))|"
        r"по сообщени(?:ю|ям)|по (?:заверени(?:ю|ям)|подсч[её]там|версии)|"
        r"по (?:заявлени(?:ю|ям)|утверждениям|показаниям)|согласно "
        r"(?:\S+\s+){0,3}?(?:данным|решению|постановлению|приговору|заявлению|обвинению|"
        r"сообщени(?:ю|ям)|отч[её]ту|докладу|информации|материалам|отч[её]тности|документам|"
        r"показаниям|заключению|выводам|оценк(?:е|ам)|сведениям|версии|уставу|(?:соц)?опрос(?:у|ам)|"
        r"исследованию|прогнозу)"
    ),
    # "Такое заявление сделал X", "Это сообщила X" (a verb of saying right after "Это")
    about_this=(
        # ("Такое мнение высказала профессор X", "Такой прогноз дал X")
        r"Об этом|(?:Такое|Это|Подобное|Данное) (?:заявление|мнение)|"
        r"(?:Такую|Подобную|Эту) оценку|(?:Такой|Подобный|Этот) (?:прогноз|вывод)|"
        r"С (?:таким|этим|подобным|данным) заявлением|"
        r"Это(?=\s+(?:сообщи|заяви|рассказа|написа|сказа)\w*\s)"
    ),
    about_verbs=(
        r"свидетельствует|свидетельствуют|говорится|сдела(?:л|ла|ло|ли)|выступи(?:л|ла|ло|ли)|"
        r"высказа(?:л|ла|ло|ли)|выразил(?:а|о|и)?|да(?:л|ла|ло|ли)"
    ),
    connectives=(
        r"однако|вместе с тем|при этом|кроме того|кроме этого|помимо этого|помимо того|"
        r"между тем|тем временем|в свою очередь|в ответ|"
        r"со своей стороны|в частности|впрочем|напомним|также|затем|позднее|а|и|но|хотя|"
        r"в целом|в этой связи|в связи с этим|тем не менее|в то же время|поэтому|итак|зато|"
        r"перед этим|после этого|до этого|далее|"
        r"так(?=,)|например"
    ),
    adverbs=(
        r"также|ранее|раньше|прежде|ещё|еще|вновь|уже|официально|накануне|сегодня|тоже|категорически|сейчас|вчера|"
        r"позже|затем|впервые|неоднократно|публично|открыто|прямо|было|сам|сама|сами|там|даже|"
        r"часто|нередко|не раз|несколько раз|много раз|дважды|трижды|всегда|постоянно|тогда|"
        r"недавно|впоследствии|позднее|"
        # how it was said: "язвительно заявил", "немного застенчиво признается"
        r"немного|слегка|весьма|очень|довольно|крайне|тихо|громко|резко|жестко|жёстко|твердо|"
        r"твёрдо|мягко|коротко|кратко|(?!согласно)[а-яё]{3,}(?:енно|ённо|анно|ельно|ально|ивно|ично|чно|ьно|иво|"
        r"жно|сно|тно)|[а-яё]{3,}чески"
    ),
    denying_claim=r"фейк|ложь|провокаци|дезинформаци|не соответству\w* действительности",
    denial_object=True,
    called=r"назва(?:л|ла|ло|ли)",
    false=r"фейком|ложью|провокацией|дезинформацией|неправдой|вбросом",
    pointing_back=(
        r"ведомств\w*|министерств\w*|он|она|они|его|её|ее|их|министр\w*|"
        r"пресс-служб\w*|представител\w*|сторон\w*|н[её]м|ней|них|глава\s+\S+|(?:\S+\s+)?(?:политик|"
        r"чиновник|собеседник|дипломат|депутат|парламентарий|оппозиционер|блогер)|эксперт"
    ),
    speaker_noise=(
        # (not "собеседник ТАСС", "источник РИА": whose source he is)
        r"(?<!собеседник)(?<!источник)(?<!источники)(?<!собеседники)"
        r"\s+(?:в (?:своём|своем|официальном|телеграм|Telegram|Facebook|Twitter|twitter|X|"
        r"твиттере|телеобращении|обращении|блоге|интервью|беседе|эфире|ходе|заявлении|сообщении|"
        r"комментарии)|,\s+отвечая|в свою очередь|со своей стороны|"
        r"на (?:\S+\s+)?(?:брифинге|пресс-конференции|совещании|заседании|встрече|форуме|"
        r"саммите|конференции|своей странице|странице)|журналистам|агентству|РИА|ТАСС|"
        r"со ссылкой|(?:в|во|на) «|"
        r"от \d+|в (?:исковом )?заявлении|"
        r"(?:в|во) \d+|накануне|вчера|сегодня|(?:в|во) (?:понедельник|вторник|среду|четверг|"
        r"пятницу|субботу|воскресенье))\b.*$"
    ),
)

UK = Language(
    "uk",
    "Ukrainian",
    verbs=(
        r"заяви(?:в|ла|ло|ли)|повідоми(?:в|ла|ло|ли)|повідомляє|повідомляють|"
        r"стверджу(?:є|ють|вав|вала|вало|вали)|наголоси(?:в|ла|ло|ли)|зазначи(?:в|ла|ло|ли)|"
        r"(?:у|в)певнен(?:ий|а|і)|"
        r"спростува(?:в|ла|ло|ли)|відкину(?:в|ла|ло|ли)|звинувати(?:в|ла|ло|ли)|"
        r"звинувачує|звинувачують|сказа(?:в|ла|ло|ли)|розповів|розповіла|розповіли|"
        r"пише|пишуть|додав|додала|додали|уточни(?:в|ла|ли)|назва(?:в|ла|ло|ли)|"
        r"заявля(?:є|ють|в|ла|ли)|повідомля(?:в|ла|ли)|каже|кажуть|каза(?:в|ла|ли)|говорить|"
        r"говорять|розповіда(?:є|ють)|зазнача(?:є|ють)|наголошу(?:є|ють)|поясни(?:в|ла|ли)|"
        r"поясню(?:є|ють)|запевни(?:в|ла|ли)|запевня(?:є|ють)|дода(?:є|ють)|"
        r"заперечу(?:є|ють)|заперечи(?:в|ла|ли)|"
        # Verbs of real news copy: "Юрій Карпенко вважає, що …", "ДПІ засвідчила, що …",
        # "…», – йдеться у повідомленні АМКУ", "…», – розповідав Івченко".
        r"вважа(?:є|ють|в|ла|ли)|засвідчи(?:в|ла|ло|ли)|акценту(?:є|ють|вав|вала|вали)|"
        r"резюму(?:є|ють|вав|вала|вали)|резюмува(?:в|ла|ли)|підрахува(?:в|ла|ли)|"
        r"з'ясува(?:в|ла|ло|ли)|з’ясува(?:в|ла|ло|ли)|пояснюва(?:в|ла|ли)|"
        r"зауважи(?:в|ла|ло|ли)|зауважу(?:є|ють)|відповів|відповіла|відповіло|відповіли|"
        r"підтверди(?:в|ла|ло|ли)|розповіда(?:в|ла|ли)|повідомляється|йдеться|ідеться|"
        r"говориться|наголошува(?:в|ла|ли)|підкресли(?:в|ла|ло|ли)|підкреслю(?:є|ють)|"
        r"пообіця(?:в|ла|ло|ли)|обіця(?:є|ють)|"
        r"зверну(?:в|ла|ло|ли) увагу(?: на те)?|"
        r"виступи(?:в|ла|ло|ли)(?:\s+\S+)?\s+(?:з|із|зі)\s+(?:\S+\s+)?заявою|цитую(?:є|ють)|"
        r"вказа(?:в|ла|ло|ли)|вказу(?:є|ють)|наголошується|зазначається|вказується|"
        r"відмічається|відзначається|підтверджу(?:є|ють|вав|вала|вали)|"
        r"відповіда(?:є|ють)|підкреслювалося|"
        r"обмежи(?:вся|лася|лося|лися)\s+(?:\S+\s+)?заявою|підсумува(?:в|ла|ли)|"
        r"прогнозу(?:є|ють)|спрогнозува(?:в|ла|ли)|натякну(?:в|ла|ли)|постанови(?:в|ла|ло|ли)|"
        r"згада(?:в|ла|ли)|"
        r"вказано|зазначено|сказано|повідомлялося|зазначалося|наголошувалося|пояснюється|"
        r"поскаржи(?:вся|лася|лися)|(?:прийш|дійш)(?:ов|ла|ли) (?:до )?висновку|"
        r"обґрунтува(?:в|ла|ли)|написа(?:в|ла|ло|ли)|сумніва(?:ється|ються)|"
        r"відміти(?:в|ла|ли)|продовжи(?:в|ла|ли)|визна(?:в|ла|ли)|(?:з|при)зна(?:вся|лася|лися)|"
        r"наполяга(?:є|ють|в|ла|ли)|виявил(?:а|о|и)?|виявив|"
        r"поширил(?:а|о|и)?\s+(?:повідомлення|заяву|інформацію)|поширив\s+(?:повідомлення|заяву)|"
        r"(?:оприлюдни|зроби)(?:в|ла|ло|ли)\s+(?:\S+\s+)?(?:заяву|повідомлення|комюніке)|"
        r"не виключа(?:є|ють)|не виключи(?:в|ла|ли)|"
        r"висловив\s+(?:\S+\s+)?(?:думку|переконання|впевненість|припущення)|"
        r"да(?:в|ла|ли|є|ють)\s+свідчення|писа(?:в|ла|ло|ли)|підозрю(?:є|ють)|"
        r"підозрюва(?:в|ла|ли)|"
        # "Мей зізналася, що …", "У Ryanair попередили, що …", "…, передає УНН"
        r"переда(?:є|ють)|інформу(?:є|ють)|очіку(?:є|ють|вав|вала|вали)|проголоси(?:в|ла|ли)|"
        r"визна(?:є|ють)|зізна(?:вся|лася|лися|ється|ються)|попереди(?:в|ла|ло|ли)|попереджа(?:є|ють|в|ла|ли)|"
        r"побою(?:ється|ються)|побоюва(?:вся|лася|лися)"
    ),
    their_words=(
        r"(?i:за|на|згідно\s+з)\s+(?P<speaker>його|її|їх)\s+(?P<frame>словами|даними|оцінками|"
        r"інформацією|підрахунками|думку|висновком|рішенням|заявою)"
    ),
    converbs=(
        r"заявивши|повідомивши|наголосивши|зазначивши|підкресливши|додавши|пояснивши|"
        r"стверджуючи|заявляючи|наголошуючи|зазначаючи|говорячи|кажучи"
    ),
    about_object=r"про",
    passing_on=r"переда[єю]|передають|пише|пишуть|повідомля(?:є|ють)|інформу(?:є|ють)",
    denying=r"спростува\w*|відкину\w*|заперечу\w*",
    accusing=r"звинувати(?!ся|вся|лася|лися)\w*|звинувачу(?!ється|ються|ван)\w*",
    accused_of=r"у\s|в\s",
    that=r"що|нібито|про те,?\s+що",
    not_speakers=(
        r"це|що|все|усе|то|так|як|хто|ось|тут|там|воно|я|ми|ти|ви|"
        r"коментар|думка|інтерв['’]ю|відео|фото|хроніка|колонка|огляд|головне|терміново|ексклюзив"
    ),
    according_before=(
        r"за (?:словами|даними|інформацією|повідомленням|оцінками|підрахунками|версією)|на думку|"
        r"згідно (?:з|із) (?:\S+\s+)?(?:даними|рішенням|інформацією|повідомленням|заявою|висновком|"
        r"матеріалами|довідк(?:ою|ами)|постановою|ухвалою|вироком|документами|обґрунтуванням|"
        r"звітом|декларацією)|"
        r"як (?:раніше |вже |уже )?(?:виявил|повідом|заяви|пише|пишуть|з'ясува|з’ясува|поясню|"
        r"поясни|зазнач|наголош|"
        r"стверджу|свідч|розпов|зауваж|підкресл|вважа|встанови|переда)\w*|"
        r"як (?:йдеться|ідеться|говориться|сказано|зазначається|вказується)(?=\s+(?:в|у)\s)"
    ),
    genitive_frames=(
        r"за (?:словами|даними|інформацією|повідомленням|оцінками|підрахунками|версією)|на думку|"
        r"згідно (?:з|із) (?:\S+\s+)?(?:даними|рішенням|інформацією|повідомленням|заявою|висновком|"
        r"матеріалами|довідк(?:ою|ами)|постановою|ухвалою|вироком|документами|обґрунтуванням|"
        r"звітом|декларацією)"
    ),
    about_this=r"Про це",
    about_verbs=r"свідчить|свідчать|йдеться|ідеться",
    connectives=(
        r"натомість|водночас|однак|проте|також|крім того|крім цього|разом (?:з|із) тим|"
        r"тим часом|між тим|"
        r"згодом|відтак|при цьому|у відповідь|в відповідь|загалом|у свою чергу|в свою чергу|"
        r"зі свого боку|"
        r"своєю чергою|зокрема|втім|до того ж|окрім того|нагадаємо|а|і|але|та|хоча|хоч|"
        r"в цілому|у цілому|тому|отже|так(?=,)|наприклад"
    ),
    adverbs=(
        r"також|раніше|вже|офіційно|сьогодні|категорично|було|сам|сама|самі|відверто|прямо|"
        r"чітко|знову|публічно|зокрема|ще|там|навіть|часто|неодноразово|не раз|кілька разів|"
        r"багато разів|двічі|тричі|завжди|постійно|тоді|нещодавно"
    ),
    denying_claim=r"фейк|брехн|провокаці|дезінформаці|неправд|не відповіда\w* дійсності",
    denial_object=True,
    called=r"назва(?:в|ла|ло|ли)",
    false=r"фейком|брехнею|провокацією|дезінформацією|неправдою",
    pointing_back=(
        r"відомств\w*|міністерств\w*|він|вона|вони|його|її|їх|міністр\w*|"
        r"штаб\w*|речни\w*|прессслужб\w*|пресс-служб\w*|прес-служб\w*|ньому|ній|них|нім|"
        r"(?:\S+\s+)?(?:депутат|парламентар|дипломат|політик|посадовець|співрозмовник|"
        r"опозиціонер|блогер|очільник)|глава\s+\S+"
    ),
    speaker_noise=(
        r"\s+(?:у (?:своєму|Telegram|Facebook|телеграм|ефірі|інтерв'ю|коментарі)|в "
        r"(?:Telegram|Facebook|ефірі|інтерв'ю|коментарі)|на (?:брифінгу|сторінці)|"
        r"з посиланням|(?:у|в|на) «|із посиланням|під час|від \d+|(?:у|в) \d+|наприкінці|"
        r"на початку|(?:у|в) (?:позовній |своїй )?заяві|(?:у|в) декларації|"
        r"напередодні|минулого|торік|учора|вчора|сьогодні|(?:у|в) (?:понеділок|вівторок|"
        r"середу|четвер|п'ятницю|суботу|неділю))\b.*$"
    ),
)

AZ = Language(
    "az",
    "Azerbaijani",
    verbs=(
        r"bildirib|bildirdi|bildirir|qeyd (?:edib|etdi|edir|ediblər)|açıqlayıb|"
        r"xəbər (?:verir|verib)|məlumat (?:verib|verir|yayıb)|iddia (?:edib|edir|ediblər|etdi)|"
        r"təkzib (?:edib|etdi|edir|ediblər)|deyib|dedi|vurğulayıb|ittiham (?:edib|etdi|edir)|"
        r"elan (?:edib|etdi)|söyləyib|yazır|yazıb|"
        # news copy: "mütəxəssislər … bildirirlər", "bu fikri X səsləndirib", "bəyan edib"
        r"bildirirlər|bildiriblər|səsləndirib|bəyan (?:edib|etdi)|qeyd olunub|"
        r"məlumat verilib|açıqlama verib"
    ),
    denying=r"təkzib\s+\w+|rədd\s+\w+|yalan|saxta|həqiqətə uyğun deyil",
    accusing=r"ittiham\s+\w+",
    that=r"ki",
    according_after=(
        r"(?:-?(?:n|in|ın|un|ün|nin|nın|nun|nün))?\s+(?:sözlərinə|məlumatına|açıqlamasına|"
        r"fikrincə|bildirdiyinə)\s+(?:görə)?"
    ),
    speaker_heads=(
        r"[Nn]azirliyi|sözçüsü|sədri|naziri|[Pp]rezidenti|başçısı|rəhbəri|nümayəndəsi|"
        r"xidməti|katibi|[Kk]omitəsi|[Mm]ərkəzi|[İi]darəsi|[Aa]gentliyi|[Qq]ərargahı|"
        r"komandanlığı|[Oo]fisi|səfirliyi|səfiri|deputatı|eksperti|politoloq|direktoru|"
        r"müdiri|Aparatı|"
        # people of a kind, in the plural: "mütəxəssislər … etmədiyini bildirirlər"
        r"mütəxəssislər|ekspertlər|alimlər|tədqiqatçılar|həkimlər|rəsmilər|mənbələr"
    ),
    # "Bu fikirləri … Aleksandr Kovalenko deyib": the quotation before is his
    about_this=r"Bu barədə|Bununla bağlı|Bu fikirləri|Bu fikri|Bu sözləri|Bunu",
    deye=r"deyə",
    adverbs=r"də|da|həmçinin|artıq|bir daha",
    denying_claim=r"yalan|saxta|təxribat|əsassız|həqiqətə uyğun deyil|dezinformasiya",
    pointing_back=(
        r"nazirli\w*|sözçü\w*|o|on|onun|onlar\w*|idarə\w*|qurum\w*|tərəf\w*|"
        r"dövlətimizin başçısı|dövlət başçısı|ölkə başçısı"
    ),
    speaker_noise=(
        r"\s+(?:APA-ya|Trend-ə|Report-a|jurnalistlərə|mətbuat konfransında|"
        r"(?:\S+\s+){0,3}(?:müsahibəsində|açıqlamasında|çıxışında|çıxışı zamanı))\b.*$"
    ),
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


# What "сообщил о …" names when it tells no fact: plans, a need, support, loyalty
_PLANS = re.compile(
    r"(?i)(?:(?:своих|его|её|ее|их|свої|своїх|його|її)\s+)?(?:планах|намерениях|необходимости|"
    r"важности|верности|поддержке|плани|необхідність|важливість|підтримку)\b"
)
# "рассказал о перспективах поставки", "розповів про плани": a story's topic, no claim
_TOLD_ABOUT = r"(?:рассказа(?:л|ла|ли)|розповіл(?:а|и)?|розповів)\s+(?:об?|обо|про)\s+"
_TOPICS = (
    r"(?i:перспектив|ситуаци|ситуаці|подробност|подробиц|детал|итог|підсумк|результат|"
    r"причин|истори|історі|работ[еуы]|роботу|роботі|особенност|особливост)\w*"
)


@cache
def _patterns(code):
    lang = LANGUAGES[code]
    # (not an indirect question: "На вопрос, считает ли он, что …, Обама сказал, что …")
    verbs = rf"(?:{lang.verbs})(?!\s+ли\b)"
    if lang.adverbs:
        verbs = rf"(?:(?:{lang.adverbs})\s+){{0,2}}{verbs}"
    # (the words before the verb may be longer than the speaker they leave once cleaned:
    # "Лидер партии … Фазлур Рехман, выступая на марше … (провинция Панджаб), заявил")
    speaker = rf"(?P<speaker>[^\n]{{2,{MAX_SPEAKER_SPAN}}}?)"
    claim = r"(?P<claim>.+?)"
    end = r"[\s.!?։…]*$"
    found = []
    if lang.that:
        # X заявил, что …  /  Nazirlik bildirib ki, …  /  X a déclaré qu'…
        # … and with a few words before the comma: "X заявил вечером в среду, что …"
        # ("X заявил «Коммерсанту», что …": whom, in quotation marks)
        # ("…сообщала со ссылкой на неназванные источники, что …": whose words it passed on)
        gap = (
            r"(?:(?:\s+(?:[^\s,.!?:;«»\"“”]+|«[^«»\n]{1,40}»|\"[^\"\n]{1,40}\")){1,5}|"
            r"\s+(?:со ссылкой на|з посиланням на)\s+[^,\n]{2,80})\s*,"
        )
        found.append(
            rf"^{speaker},?\s+(?P<verb>{verbs})(?:{gap}|\s*,?)\s*(?:{lang.that})\b[\s,]*"
            rf"{claim}{end}"
        )
    if lang.code == "ru":
        # "Алекс Сифуэнтес, заявивший, что был правой рукой Гусмана, обсуждал …": the
        # speaker, a participle of saying, then the statement, up to the next comma
        found.append(
            r"^(?P<speaker>[^,\n]{2,80}?),\s+(?P<verb>(?:заяви|сообщи|рассказа|призна|"
            r"утвержда|заявля)\w*(?:вш|ющ)(?:ий|ая|ее|ие|его|ей|их)),\s+(?:что|будто)\s+"
            rf"(?P<claim>[^,\n]{{8,}}?),\s+[^\n]+{end}"
        )
        # "Местные исламисты, заявив о том, что христианка оскорбляла пророка, потребовали
        # …": a converb's clause the same, before the subject's own verb (not "Сеул
        # опровергает сообщения, заявляя, что …": a verb of saying before it, whose
        # statement the converb goes on with)
        found.append(
            rf"^(?P<speaker>(?:(?!\s(?:{lang.verbs}|{lang.denying})\s)[^,\n]){{2,80}}?),\s+"
            r"(?P<verb>заявив|сообщив|утверждая|заявляя)(?:\s+о\s+том)?,\s+(?:что|будто)\s+"
            rf"(?P<claim>[^,\n]{{8,}}?),\s+[^\n]+{end}"
        )
    if lang.code in ("ru", "uk"):
        # "Телеведущая обвиняла его, что именно он «подсадил» её на наркотики": whom the
        # verb accuses, then what
        found.append(
            rf"^{speaker}\s+(?P<verb>{lang.accusing})(?:\s+[^\s,.!?:;«»\"“”]+){{1,3}}\s*,\s*"
            rf"(?:{lang.that})\b[\s,]*{claim}{end}"
        )
    # X заявил: «…»
    found.append(rf"^{speaker}\s+(?P<verb>{verbs})\s*:\s*{claim}{end}")
    if lang.code in ("ru", "uk"):
        # "Поэт был в сознании, сообщает его друг: «он всё слышал …»": the statement, who
        # says it, then a quotation that goes on with it
        found.append(
            rf"^(?P<claim>[^,\n]{{3,}}?),\s*(?P<verb>{verbs})\s+"
            rf"(?P<speaker>[^,:\n«»\"]{{2,80}}?)\s*:\s*(?P<rest>[«\"“][^\n]+?){end}"
        )
        # "Об убийстве Ким Чон Нама первыми сообщили южнокорейские СМИ": what was reported,
        # named first, then who reported it (not "Об этом …": _about_this)
        # ("Напомним, что ранее о своей поддержке стартапов заявил ЮНИСЕФ": the article's
        # reminder, and when, before it; "О победе … ранее объявляли американские СМИ,
        # которые вели подсчёт": when before the verb, and a clause about the speaker after)
        when = (
            r"(?:(?:сегодня|вчера|накануне|ранее|официально|сьогодні|вчора|напередодні|раніше|"
            r"офіційно|уже|вже|также|також)\s+)?"
        )
        found.append(
            rf"^{_opening(lang)}{when}(?i:Об?|Обо|Про)\s+"
            r"(?!(?:этом|том|це|цьому|тому|нем|ньому|ней|ній|них)\b)"
            rf"(?P<claim>[^\n,«»]+?)\s+{when}"
            r"(?:(?:первыми|первым|первой|впервые|першими|першим|вперше)\s+)?"
            # ("Об отставке министра сообщил сегодня глава кабинета …": when, after the verb)
            r"(?P<verb>сообщи(?:л|ла|ло|ли)|написа(?:л|ла|ло|ли)|заяви(?:л|ла|ло|ли)|"
            r"рассказа(?:л|ла|ло|ли)|объяви(?:л|ла|ло|ли)|объявля(?:л|ла|ли)|розповіл(?:а|и)?|"
            r"розповів|повідоми(?:в|ла|ло|ли)|написа(?:в|ла|ли)|заяви(?:в|ла|ли)|"
            rf"оголоси(?:в|ла|ли))\s+{when}"
            r"(?P<speaker>[^\n,]+?)(?:\s+(?:со ссылкой|ссылаясь|посилаючись|з посиланням|"
            r"во время|в ходе|під час|в своём|в своем|у своєму|в интервью|в эфире)\b[^\n]*|"
            rf",\s*(?:которые|которая|который|которое|які|яка|який|яке)\s[^\n]*)?{end}"
        )
        # "Актриса признала вину в уклонении от уплаты налогов": an admission, what of
        found.append(
            rf"^{speaker}\s+(?:(?:{lang.adverbs}|полностью|частично|повністю|частково)\s+)?"
            rf"(?P<verb>призна(?:л|ла|ли|ет|ют)|визна(?:в|ла|ли|є|ють))\s+"
            rf"(?P<claim>(?:себя|себе|свою|свою\s+)?\s*(?:виновн\w+|винн\w+|вину|провину)\s+"
            rf"(?:в|у)\s+[^\n]+?){end}"
        )
        # "Forbes оценил состояние предпринимателя в 17,6 млрд долларов": an estimate, a
        # figure someone put on something (only with the figure)
        found.append(
            rf"^{speaker}\s+(?P<verb>{_ESTIMATING})\s+(?P<claim>[^\n]+?\s(?:в|на|у)\s+"
            rf"(?:[^\n]*?\s)?[$€£¥₽]?\d[^\n]*?){end}"
        )
        # "Гендиректор Матс Гранрид подчеркнул успешность компании: «Мы создали …»": what
        # the verb takes, then the quotation that says it
        found.append(
            rf"^{speaker}\s+(?P<verb>{verbs})\s+[^:\n]{{3,80}}?:\s*(?P<claim>[«\"“][^\n]+?){end}"
        )
        # "Как сообщил председатель совета директоров Иван Родионов: «…»"
        found.append(
            rf"^(?i:как|як)\s+(?P<verb>{verbs})\s+(?P<speaker>[^:\n«»\"]{{2,120}}?)\s*:\s*"
            rf"(?P<claim>[«\"“][^\n]+?){end}"
        )
    if lang.code == "ru":
        # "Авторы критикуют американскую политику за то, что она толкает Россию к Китаю":
        # a reproach, whom and what for
        found.append(
            rf"^{speaker}\s+(?:(?:{lang.adverbs})\s+)?(?P<verb>критику(?:ет|ют)|"
            r"(?:рас)?критиковал(?:а|и)?|упрека(?:ет|ют|л|ла|ли)|упрекну(?:л|ла|ли))\s+"
            rf"(?P<claim>[^\n]+?\s+за\s+то,\s*что\s+[^\n]+?){end}"
        )
    if lang.code in ("ru", "uk"):
        # "З судового реєстру відомо, що …", "Из материалов дела известно, что …": what a
        # document makes known, in the genitive
        found.append(
            rf"^{_opening(lang)}(?i:з|із|зі|из|изо)\s+(?P<speaker>[^,\n]{{2,80}}?)(?P<genitive>)\s+"
            r"(?:(?:також|также|тоже|теж)\s+)?(?i:відомо|известно|стало известно|стало відомо),?\s+"
            rf"(?:что|що)\s+{claim}{end}"
        )
    if lang.code == "ru":
        # "Агентство опубликовало расследование, согласно которому часть средств ушла …",
        # "Суд вынес приговор, согласно которому …": a document the speaker put out, and
        # what it says
        found.append(
            rf"^{speaker}\s+(?:(?:{lang.adverbs})\s+)?(?P<verb>(?:опубликова|обнародова|"
            r"распространи|представи|подготови|выпусти|вынес|вынесл|приня)\w*)\s+"
            r"[^,\n]{2,80}?,\s*(?:согласно (?:которому|которой|которым)|в (?:котором|которой|"
            r"которых) (?:говорится|утверждается|сообщается|указывается|отмечается),?\s+что)\s+"
            rf"{claim}{end}"
        )
    if lang.code == "ru":
        # "Ряд изданий обратил внимание на сообщение греческих СМИ, согласно которому Москва
        # намерена …": whose report it is, in the genitive, and what it says
        found.append(
            r"^[^\n]*?(?<!\w)(?:сообщени[еяю]|заявлени[еяю]|доклад[а]?|отч[её]т[а]?|"
            r"публикаци[июя]|информаци[июя])\s+(?P<speaker>[^,\n«»\"]{2,80}?)(?P<genitive>),\s*"
            rf"согласно (?:которому|которой)\s+{claim}{end}"
        )
    if lang.code in ("ru", "uk"):
        # "Песков: «Речь идет о переговорах внутри Украины»": a name, a colon, a quotation
        found.append(
            # (what it is about is a few words: "Песков о переговорах: «…»")
            rf"^(?P<bare>)(?P<speaker>[^\W\d_][^:\n«»\"]{{1,60}}?)"
            rf"(?P<topic>\s+(?:о|об|про)\s+[^:\n«»\",]{{1,60}})?"
            rf":\s*[«\"](?P<claim>[^\n]+?)[»\"]?{end}"
        )
    if lang.about_object:
        # "Минобороны сообщило в субботу об уничтожении …": what was said, as the object
        found.append(
            # (not "написал заявление об уходе", nor "признал виновным по делу о …")
            rf"^{speaker}\s+(?!(?:\S+\s+)?(?:йдеться|ідеться|говорится|говориться|написа|призна|визна))"
            # (not what a story was about: "рассказал о перспективах поставки вакцины")
            rf"(?!(?:\S+\s+)?{_TOLD_ABOUT}(?:\S+\s+)?{_TOPICS})"
            # (a denial's object is all it denies: "отвергает заявления властей о …")
            rf"(?!(?:\S+\s+)?(?:{lang.denying or '$^'})\b)(?P<verb>{verbs})"
            rf"(?:\s+[^\s,.!?:;«»\"“”]+){{0,3}}?\s+"
            rf"(?:{lang.about_object})\s+(?!том\b|тому\b|те\b|це\b|этом\b)(?P<claim>[^\n]+?){end}"
        )
    if lang.code in ("ru", "uk"):
        # "Усі ці факти, резюмували антимонопольники, не можуть бути …": the speaker in an
        # aside; the statement is both sides of it (Russian's parse reads these too).
        found.append(
            # (the words before it may hold commas: "Уроженец штата Нью-Йорк, 46-летний
            # Поне, отмечает издание, был расквартирован …")
            rf"^(?P<claim>[^\n]{{3,}}?),\s*(?P<verb>{verbs})\s+"
            rf"(?P<speaker>[^,\n]{{2,80}}?),\s*(?P<rest>[^\n]+?){end}"
        )
    if lang.deye:
        # «…», - deyə nazirlik bildirib.
        found.append(rf"^{claim}[,\s]*{DASH}?\s*{lang.deye}\s+{speaker}\s+(?P<verb>{verbs}){end}")
    if lang.speaker_heads:
        # "Komissiyasının sədri Tiqran Akopyan … azaltmağın zəruriliyini bəyan edib": no
        # comma, but the speaker ends with its head noun (and a name), the statement with
        # a verb noun in the accusative
        found.append(
            # (after a clause of its own: "… cavab axtarılsa da, mütəxəssislər …")
            rf"^(?:[^\n]{{0,200}},\s+)?(?P<speaker>[^\n,]{{0,120}}?(?<!\w)(?:{lang.speaker_heads})"
            # a name after the head, not a genitive that opens the statement ("Ermənistanın")
            rf"(?:\s+[A-ZƏÇĞİÖŞÜ][\w'’-]*(?<!ın)(?<!in)(?<!un)(?<!ün)){{0,3}})\s+"
            rf"(?P<claim>[^\n]+?(?:nı|ni|nu|nü))\s+"
            rf"(?P<verb>{verbs}){end}"
        )
        # «…», - o qeyd edib.
        found.append(
            rf"^{claim}(?:[»”\"],?\s*|,?\s+){DASH}\s+(?P<speaker>[^\n]{{1,{MAX_SPEAKER_CHARS}}}?)\s+"
            rf"(?P<verb>{verbs}){end}"
        )
    if lang.speaker_first_sov:
        # Bakanlık, Ermenistan'ın … vurduğunu açıkladı.  /  «…» dedi Aliyev.
        found.append(rf"^(?P<speaker>[^,\n]{{2,80}}),\s+{claim}\s+(?P<verb>{verbs}){end}")
        found.append(rf"^{claim}[,\s]*{DASH}?\s*(?P<verb>{verbs})\s+{speaker}{end}")
    if lang.code in ("ru", "uk"):
        # "«…», — говорит он в беседе с Jyllands-Posten и отмечает, что …": a quotation, who
        # said it, and what they went on to say (_added_then)
        found.append(
            # (… or the last sentence of a longer one: "…против Швеции», — пояснил Лёвен и
            # добавил, что …", which _whole_quotation reads back to its opening mark)
            rf"^(?P<claim>[«\"“][^\n]+?|[^\n]+?[»”\"]),?\s*{DASH}\s*(?P<verb>{verbs})\s+"
            rf"(?P<speaker>[^,\n]{{2,80}}?)\s+(?P<rest>(?:и|а|і|й|та)\s+(?:{lang.verbs}),?\s+"
            rf"(?:{lang.that})\b[^\n]+?){end}"
        )
        # «Эта панихида не имеет отношения к делу, – утверждает Шендерович, – мне ничего не
        # известно …»: a quotation broken off by who says it goes on after the second dash
        found.append(
            # (or a full stop before the second dash: "…, — сказал Столтенберг. — Вооруженные
            # силы …»")
            rf"^(?P<claim>[«\"“][^\n]+?),?\s*{DASH}\s*(?P<verb>{verbs})\s+"
            rf"(?P<speaker>[^,\n]{{2,80}}?)[,.]\s*{DASH}\s*(?P<rest>[^\n]+?){end}"
        )
    if lang.code == "ru":
        # "Телеканал ARD привел слова греческих экспертов о том, что …": whose words the
        # outlet passed on, in the genitive
        found.append(
            r"^[^\n]*?(?<!\w)(?:привел|привела|привело|привели|приводит|приводят)\s+(?:[^\n«»]{0,60}?\s)?"
            r"слова\s+(?P<speaker>[^,\n«»\"]{2,80}?)(?P<genitive>)\s+о\s+том,?\s+что\s+"
            rf"{claim}{end}"
        )
        # "Вот ответ Тренина на вопрос о том, куда …: «…»": a name's answer, then the words
        found.append(
            r"^(?:(?i:вот|таков|такой)\s+)?(?i:ответ|слова|мнение|оценка|вывод)\s+"
            r"(?P<speaker>[А-ЯЁ][\w'’-]+(?:\s+[А-ЯЁ][\w'’-]+)?)(?P<genitive>)"
            r"(?:\s+на\s+[^:«»\n]{2,160}?)?\s*:\s*[«\"](?P<claim>[^\n]+?)[»\"]?"
            rf"{end}"
        )
    if lang.code == "ru":
        # "…, — так обосновал свое решение глава Кремля", "— так ответил на вопрос министр":
        # how the speaker put it, and what about, before who
        found.append(
            rf"^{claim}\s*[,:]?\s*{DASH}\s*(?i:так|такими словами)\s+"
            rf"(?P<verb>{verbs}|обосновал\w*|прокомментирова\w+|оценил\w*|ответил\w*)\s+"
            r"(?:(?:свое|своё|свою|свой|свои|эту|это|этот|эти|ситуацию|происходящее|решение|"
            r"слова|заявление|позицию)\s+(?:\S+\s+)?|на\s+(?:\S+\s+){0,2}?вопрос\w*\s+"
            r"(?:[а-яё]+(?:ов|ев|ей|ых|их)\s+)?)?"
            rf"(?P<speaker>[^\n,]{{2,80}}?){end}"
        )
    if lang.code == "ru":
        # "…, — такова оценка специалиста по России Флемминга Сплидбёля": whose verdict the
        # statement was, in the genitive
        found.append(
            rf"^{claim}\s*[,:]?\s*{DASH}\s*(?i:такова|таково|таков|таковы)\s+"
            r"(?P<verb>оценка|мнение|вывод|выводы|заключение|прогноз|позиция|версия)\s+"
            rf"(?P<speaker>[^\n]{{2,{MAX_SPEAKER_CHARS}}}?)(?P<genitive>){end}"
        )
    # «…», – заявили в Минобороны.  /  …, a affirmé le porte-parole.
    # (… "– сказал он, заверив, что …": what the converb adds is another statement's)
    tail = rf"(?:,\s+(?:{lang.converbs})\b[^\n]*?)?" if lang.converbs else ""
    found.append(rf"^{claim}\s*[,:]\s*{DASH}?\s*(?P<verb>{verbs})\s+{speaker}{tail}{end}")
    found.append(rf"^{claim}[»”\"]\s*{DASH}\s*(?P<verb>{verbs})\s+{speaker}{tail}{end}")
    if lang.that and lang.code in ("ru", "uk"):
        # "На зауваження журналіста, що …, Корнієць відповів, що …": too long a speaker for
        # the first frame; the speaker is the last clause before the verb.
        found.append(
            rf"^[^\n]*,\s+(?P<speaker>[^,\n]{{2,80}}?)\s+(?P<verb>{verbs}),?\s*"
            rf"(?:{lang.that})\b[\s,]*{claim}{end}"
        )
    if lang.code in ("ru", "uk"):
        # "О грядущих переговорах в Париже сообщают диписточники": what was said about, then
        # the verb, then who said it
        found.append(
            rf"^{_opening(lang)}(?i:о|об|обо|про)\s+(?!том\b|этом\b|тому\b|те\b|це\b)"
            rf"(?P<claim>[^\n]+?),?\s+(?P<verb>{verbs})\s+(?P<speaker>[^,\n]{{2,60}}?){end}"
        )
        # "О том, что мир зависит от Киева, Путин вчера заявил в интервью …": what was said
        # first, then who said it
        found.append(
            rf"^{_opening(lang)}(?i:о том|про те),\s*(?:что|що)\s+(?P<claim>[^\n]+),\s+"
            rf"(?P<speaker>[^,\n]{{2,80}}?)\s+(?P<verb>{verbs})\b[^\n]*?{end}"
        )
        # "О том, что директор покидает пост, сообщил на брифинге министр Иван Петров": what
        # was said first, then the verb, then who said it (after where and when)
        # (first: "О том, что …," opens nothing else)
        found.insert(
            0,
            rf"^{_opening(lang)}(?i:о том|про те),\s*(?:что|що)\s+(?P<claim>[^\n]+),\s+"
            rf"(?P<verb>{verbs})\s+(?:(?:на|в|во|у)\s+(?:\S+\s+)?(?:брифинге|пресс-брифинге|"
            r"пресс-конференции|интервью|эфире|заседании|совещании|встрече|брифінгу|"
            r"пресс-конференції|інтерв'ю|засіданні)\s+)?(?:(?:вчера|сегодня|накануне|вчора|"
            rf"сьогодні|напередодні|{_WHEN})\s+)?(?P<speaker>[^,\n]{{2,120}}?){end}",
        )
        # "Котляров виявився їхнім родичем, що підтвердив брат Євгена Анісімова": the
        # statement first, then a clause saying who confirmed or reported it
        found.append(
            # ("…, об этом сообщают СМИ")
            rf"^(?P<claim>[^\n]{{20,}}?)(?<!\bто)(?<!\bте),\s*"
            rf"(?:что|що|о ч[её]м|про що|об этом|про це)\s+(?P<verb>{verbs})\s+"
            rf"(?P<speaker>[^,\n]{{2,80}}?){end}"
        )
    if lang.according_before:
        frame = rf"(?P<frame>(?i:{lang.according_before}))"
        opening = _opening(lang)
        # ("За словами австрійського міністра, країна якого нині головує в Раді ЄС, …": a
        # clause about the speaker before the claim)
        whose = r"(?:,\s*[^,\s]+\s+(?:якого|якої|яких|которого|которой|которых)\s[^,\n]{2,80})?"
        found.append(rf"^{opening}{frame}\s+{speaker}{whose},\s*{claim}{end}")
        if lang.their_words:
            # "По его словам, …", "За її даними, …": the speaker named before
            # ("По их данным под именем «Руслан Боширов» скрывается …": no comma at all)
            found.append(rf"^{opening}{lang.their_words}\s*,?\s*{claim}{end}")
        if lang.code in ("ru", "uk"):
            # "Ежедневно, по заверению Дурова, Telegram пользуются …": the source in an aside
            found.append(
                rf"^(?P<claim>[^\n]+?),\s*{frame}\s+(?P<speaker>[^,\n]{{2,80}}?),\s*"
                rf"(?P<rest>[^\n]+?){end}"
            )
        found.append(rf"^{claim},\s*{frame}\s+{speaker}{end}")
        if lang.code == "ru":
            # "Согласно обвинению, среди жертв …": the prosecution is the frame and the speaker,
            # in the dative
            found.append(
                rf"^{opening}(?i:согласно)\s+(?P<speaker>обвинению)(?P<dative>),\s*{claim}{end}"
            )
            # "Согласно сообщению, в доме обнаружены …": the message of the speaker before
            # (with no one before, the document itself: "Согласно этим данным, …")
            found.append(
                rf"^{opening}(?i:согласно)\s+(?:(?:этому|данному|тому же|этим|данным)\s+)?"
                rf"(?P<frame>сообщению|заявлению|документу|отч[её]ту|докладу|пресс-релизу|"
                rf"данным)(?P<speaker>),\s*{claim}{end}"
            )
            # "Согласно неназванным источникам, …", "По областному закону, …": a source no one
            # names, or a law, in the dative; it is the speaker
            found.append(
                rf"^{opening}(?i:согласно|по)\s+(?P<speaker>(?:[а-яё-]+(?:ому|ему|ым|им)\s+)"
                rf"{{1,2}}(?:источникам|закону|законодательству)|(?:закону|законодательству))"
                rf"(?P<dative>),\s*{claim}{end}"
            )
        if lang.code in ("ru", "uk"):
            # "По данным «Газета.Ru» поэт госпитализирован", "По данным Reuters войска …":
            # no comma, but a source in quotation marks or Latin letters ends itself
            # ("По мнению аналитика Юханнеса Нурдбю (Johannes Nordby) выход …": a name the
            # original's spelling in brackets ends)
            named = (
                r"«[^»\n]{1,60}»|\"[^\"\n]{1,60}\"|[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}|"
                rf"[^,\n()«»]{{2,120}}?\s*{LATIN_SPELLING}"
            )
            found.append(rf"^{opening}{frame}\s+(?P<speaker>{named})\s+(?![,—–-]){claim}{end}")
    if lang.according_after:
        found.append(rf"^{speaker}(?:{lang.according_after}),?\s*{claim}{end}")
    if lang.called:
        # Минобороны назвало сообщения о … фейком.
        found.append(
            rf"^{speaker}\s+(?P<verb>{lang.called})\s+{claim}\s+(?P<false>{lang.false}){end}"
        )
    if lang.accused_of:
        # Bakou accuse l'armée arménienne d'avoir frappé Gandja.
        adverb = rf"(?:(?:{lang.adverbs})\s+)?" if lang.adverbs else ""
        found.append(
            rf"^{speaker}\s+{adverb}(?P<verb>{lang.accusing})\s+"
            rf"(?P<claim>[^\n]+?\s(?:{lang.accused_of})[^\n]+?){end}"
        )
    if lang.code in ("ru", "uk"):
        # "Младич вину отрицал", "Он отрицает выдвинутые обвинения", "Своей вины Лафнер не
        # признал": the accused denies the charge (the claim is the denial itself)
        guilt = (
            r"(?:(?:свою|своей|выдвинутые|предъявленные|все|эти|висунуті|всі|ці)\s+)?"
            r"(?P<guilt>вину|вины|обвинения|причастность|провину|провини|звинувачення|причетність)"
        )
        denies = (
            r"отрица(?:ет|ют|л|ла|ли)|не\s+призна(?:ёт|ет|ют|л|ла|ли)|заперечу(?:є|ють|вав|вала|вали)|"
            r"не\s+визна(?:є|ють|в|ла|ли)"
        )
        found.append(rf"^{opening}{speaker}\s+(?P<claim>{guilt}\s+(?P<verb>{denies})){end}")
        found.append(rf"^{opening}{speaker}\s+(?P<claim>(?P<verb>{denies})\s+{guilt}){end}")
    if lang.code in ("ru", "uk"):
        # "Сообщение об отставке главы ГРУ опровергла «Российская газета»": what was denied,
        # then who denied it
        found.append(
            rf"^{opening}(?:(?i:{_WHEN}|вчера|сегодня|накануне|позже|вчора|сьогодні)[\s,]+"
            rf"(?:\d{{1,2}}\s+{_MONTHS}[\s,]+)?)?"
            rf"(?:(?i:сообщени\w*|информаци\w*|слух\w*|повідомленн\w*|інформаці\w*|"
            rf"чутк\w*)\s+(?:о|об|про)\s+)(?P<claim>[^\n,«»]+?)\s+(?P<verb>{lang.denying})\s+"
            rf"(?P<speaker>[^\n,]{{2,80}}?){end}"
        )
    if lang.denial_object:
        # X опроверг сообщения о …  /  X a démenti toute utilisation de …
        adverb = rf"(?:(?:{lang.adverbs})\s+)?" if lang.adverbs else ""
        # (not what was rejected without what it said: "Маас отверг критику США в адрес
        # проекта", "відкинув пропозицію": a rejection, no claim in it)
        rejected = (
            r"(?!(?i:критик|призыв|предложени|требовани|претензи|просьб|ультиматум|идею|"
            r"инициатив|заклик|пропозиці|вимог|прохання|ідею|ініціатив)\w*)"
            if lang.code in ("ru", "uk")
            else ""
        )
        found.append(rf"^{speaker}\s+{adverb}(?P<verb>(?:{lang.denying}))\s+{rejected}{claim}{end}")
    if lang.code in ("ru", "uk"):
        # "Заместитель губернатора подтвердил гибель мирных жителей": what is confirmed, as
        # the object ("подтвердил эту информацию" points back: _confirming_this)
        pointing = (
            r"что|що|это|це|эт[уио]|цю|ці|цей|эти|этот|свои|свої|свою|информаци\w*|інформаці\w*|"
            r"данн\w*|дані|сведени\w*|відомості|слова|новост\w*|новин\w*|так\w*|його|её|ее|їх|их|"
            # a stance, not a fact: "подтвердил готовность Москвы к диалогу"
            r"готовн\w*|намерени\w*|намір\w*|приверженност\w*|прихильн\w*|участи\w*|участь"
        )
        found.append(
            # (not a second predicate of what is described: "Проект угрожает безопасности
            # Украины и подтверждает антиевропейскую позицию Германии")
            rf"^(?!(?i:{pointing})\b){speaker}(?<!\sи)(?<!\sі)(?<!\sта)\s+(?P<verb>{_CONFIRMING})\s+"
            rf"(?!(?i:{pointing})\b)"
            rf"(?P<claim>[^\n:«»]+?){end}"
        )
    if lang.code == "ru":
        # "«Запад говорит, что …», — прощебетала телепродюсер": after a whole quotation and
        # a dash, any verb in the past names who said it (tried last: the verbs above first)
        found.append(
            rf"^[«“](?P<claim>[^\n«»“”]+?)[»”],?\s*{DASH}\s*(?P<verb>{PAST_VERB})\s+"
            rf"(?P<speaker>[^\n,]{{2,80}}?)(?:,\s+[а-яё][^\n]*?)?{end}"
        )
        # "Министр отрезал: «…»": the same before a colon and a whole quotation
        found.append(
            rf"^(?P<speaker>[^\n,:«»\"]{{2,80}}?)\s+(?P<verb>{PAST_VERB})\s*:\s*[«“](?P<claim>[^\n«»“”]+?)[»”]{end}"
        )
    # Not read: an Azerbaijani "X … bildirib" with neither "ki" nor a comma, where nothing
    # tells the speaker from the statement.
    return [re.compile(p, re.DOTALL) for p in found]


def _opening(lang) -> str:
    """A connective that may open a sentence before its speaker or frame: "Однако, по
    словам …", "Між тим, лідер фракції …"."""
    if not lang.connectives:
        return ""
    # "Напомним, что по данным следствия, …", "Нагадаємо, що за словами …": the article's
    # reminder, then the frame
    reminder = (
        r"(?:(?i:напомним|отметим|стоит отметить|следует отметить|нагадаємо|зазначимо)"
        r",?\s+(?:что|що),?\s+)?"
        if lang.code in ("ru", "uk")
        else ""
    )
    return rf"{reminder}(?:(?i:{lang.connectives}),?\s+)?"


@cache
def _about_this(code):
    lang = LANGUAGES[code]
    if not lang.about_this:
        return None
    verbs = rf"(?:{lang.verbs}|{lang.about_verbs})" if lang.about_verbs else rf"(?:{lang.verbs})"
    # "Об этом он заявил сегодня на встрече …": what follows the verb says when and where
    return re.compile(
        rf"^(?:{lang.about_this})\s+(?:(?P<verb1>{verbs})\s+(?P<after>.+?)|(?P<before>.+?)\s+"
        rf"(?P<verb2>{verbs})(?:\s+(?P<later>[^\n]+?))?)[\s.!?։…]*$",
        re.DOTALL,
    )


_SAID_ABOUT_THIS = re.compile(
    r"^(?P<who>[^\n,«»\"]{2,60}?)\s+(?P<verb>(?:сообщи|заяви|рассказа|написа|объяви|сказа)"
    r"(?:л|ла|ло|ли)|(?:повідоми|заяви|розповіл|написа|оголоси|сказа)(?:в|ла|ло|ли|и))\s+"
    r"(?P<this>об этом|про це)\b",
    re.IGNORECASE,
)


def _about_this_first(text) -> str:
    """ "Они сообщили об этом в соцсети" as "Об этом они сообщили в соцсети", the order the
    "Об этом" frame reads (Russian, Ukrainian)."""
    # "Об этом, как передает ТАСС, сообщил X": the outlet that carried it, an aside
    text = re.sub(
        r"^(Об этом|Про це),\s*(?:как|як)\s+(?:переда[её]т|сообщает|пишет|передає|повідомляє|"
        r"пише)\s+[^,]{2,60}?\s*,\s*",
        r"\1 ",
        text,
    )
    said = _SAID_ABOUT_THIS.match(text)
    if not said:
        return text
    this = said["this"][:1].upper() + said["this"][1:]
    return f"{this} {said['who']} {said['verb']}{text[said.end() :]}"


_MONTHS = (
    r"(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|январ|феврал|март|"
    r"апрел|ма[ея]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
)
# "У вересні 2017 року", "27 вересня", "15 февраля 2020 года": when, not who
_WHEN = (
    rf"(?:(?:у|в|во)\s+(?:(?:конце|начале|середине|кінці|середині|на початку)\s+)?{_MONTHS}|"
    rf"(?:в|у)\s+(?:конце|начале|середине|кінці|середині)\s+\d{{4}}|на початку\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTHS}|(?:у|в|во)\s+\d{{4}})(?:\s+\d{{4}})?"
    r"(?:\s+(?:этого|прошлого|текущего|цього|минулого|поточного)\s+(?:года|року))?"
    r"(?:\s*(?:р\.|г\.)|\s+(?:року|році|года|году))?|в ходе \S+|під час \S+|"
    # "В тот же день власти …", "Того ж дня міністр …"
    r"(?:в|у)\s+(?:тот|этот|той|цей|той)\s+(?:же|ж)(?:\s+(?:день|вечер|вечір|час|момент))?|"
    r"(?:того|цього)\s+ж(?:е)?\s+дня|"
    # "В прошлом году Forbes …", "На этой неделе министр …"
    r"(?:в|у)\s+(?:прошлом|позапрошлом|этом|текущем|минулому|цьому|поточному)\s+"
    r"(?:году|месяце|році|місяці)|на\s+(?:прошлой|позапрошлой|этой|минулому|цьому)\s+"
    r"(?:неделе|тижні)|"
    # "Навесні прокурор …", "Осенью 2019 года …"
    r"(?:навесні|восени|влітку|взимку|весной|осенью|летом|зимой)(?:\s+\d{4}(?:\s+(?:року|года))?)?|"
    # "Вечером в пятницу «Ведомости» распространили …"
    r"(?:(?:утром|днем|днём|вечером|ночью|вранці|вдень|увечері|вночі)\s+)?(?:в|во|у)\s+"
    # ("в минувший понедельник", "в прошлую пятницу")
    r"(?:(?:минувш|прошл|прошедш|эт|минул|ц)(?:ий|ую|ее|ое|у|ей|ю)\s+)?"
    r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|"
    r"середу|четвер|п'ятницю|суботу|неділю)|утром|днем|днём|вечером|ночью|вранці|увечері|вночі|"
    # "В 9:22 утра по местному времени полиция …": a clock time, and whose clock
    r"(?:(?:в|во|о|об)\s+)?\d{1,2}[:.]\d{2}(?:\s+(?:утра|дня|вечера|ночи|ранку|вечора|ночі))?|"
    r"по (?:местному|московскому|киевскому|бакинскому|місцевому|київському) времени|"
    r"за (?:місцевим|київським) часом"
)


# --- sentences ----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…։])[»”\"]?\s+(?=[«“\"„(\-–—]?[^\W\d_]|[«“\"„])|\n+")
# "… təklif olunur.Bizim.Media xəbər verir": a page that lost the space after a full stop,
# after a word in lower case (not "Bizim.Media", not "S.Feyzullayeva")
_GLUED_END = re.compile(r"(?<![\w.])[^\W\d_][^\W\d_]{2,}\.(?=[A-ZƏÇĞİÖŞÜА-ЯЁІЇЄ])")


_GLUED_CYRILLIC = re.compile(
    r"(?<![\w.])[а-яёіїєґА-ЯЁІЇЄҐ][а-яёіїєґ]{2,}[.!?](?P<next>[А-ЯЁІЇЄҐ][а-яёіїєґ]*)(?=[\s,])"
)
# An outlet's verb with no outlet after it, then a new sentence: "…, пише Як йдеться у заяві"
_LINK_LOST = re.compile(
    r"(?<=\s)(?:пише|пишуть|передає|передають|повідомляє|пишет|пишут|переда[её]т|сообщает|"
    r"сообщают|інформує)(?=\s+(?:Як|Как|Про|Об|Цим|Этим|Ранее|Раніше|Нагадаємо|Напомним|Він|Вона|"
    r"Вони|Он|Она|Они)\s"
    # (or a quotation its author's words follow: 'Об этом передает "Вопросы …", - заявил')
    r"|\s+[\"«][^\"«»\n]{20,}[\"»]\s*,\s*[-–—])"
)
# Words a sentence opens with, after a capitalised word glued to it: "Сабельник.По ее словам"
_OPENERS = {
    "По", "В", "Во", "На", "Как", "Ранее", "Он", "Она", "Они", "При", "Это", "Кроме",
    "Также", "Однако", "Но", "Между", "Сейчас", "Пока", "Напомним", "Отметим", "За",
    "Після", "Як", "Він", "Вона", "Вони", "Раніше", "Також", "Проте", "Нагадаємо", "Це",
}  # fmt: skip


# Abbreviations razdel does not know, after which a capital letter goes on with the sentence
# ("у м. Києві", "вул. Київська"). Not units and years ("млн грн.", "в 2014 г."): a
# sentence often ends with them.
_ABBREVIATION_END = re.compile(
    r"(?<![\w])(?:м|с|смт|вул|ул|просп|пл|обл|буд|д|кв|ім|им|ст|п|ген|проф|акад)\.$",
    re.IGNORECASE,
)


def sentences(text, code, start=0, end=None):
    """The sentences of text[start:end] with their offsets in `text`."""
    end = len(text) if end is None else end
    if code in ("ru", "uk"):
        from razdel import sentenize

        # A line break ends a sentence, whatever razdel reads in "склала $2,53 млн.\nПро це"
        spans = []
        for line in re.finditer(r"[^\n]+", text[start:end]):
            begin, first = start + line.start(), len(spans)
            for piece in sentenize(line.group()):
                a, b = begin + piece.start, begin + piece.stop
                if len(spans) > first and _ABBREVIATION_END.search(text, *spans[-1]):
                    spans[-1] = (spans[-1][0], b)  # "у м. Києві", "вул. Київська": not an end
                else:
                    spans.append((a, b))
                # "… Наталья Сабельник.По ее словам, …": a page that lost the space after a
                # full stop (not "Яндекс.Такси", not "Н.Прянишникова"); "…, пише Як йдеться у
                # заяві Ryanair, …": the outlet's name was a link the page lost, and its full
                # stop with it
                cuts = [
                    glued.end() - len(glued["next"])
                    for glued in _GLUED_CYRILLIC.finditer(text, a, b)
                    if glued[0][:1].islower() or glued["next"] in _OPENERS
                ] + [lost.end() for lost in _LINK_LOST.finditer(text, a, b)]
                opens, closes = spans[-1]
                bounds = [opens, *sorted(c for c in set(cuts) if opens < c < closes), closes]
                spans[-1:] = list(zip(bounds, bounds[1:], strict=False))
    else:
        spans, begin = [], start
        cuts = [(c.start(), c.end()) for c in _SENTENCE_END.finditer(text, start, end)]
        cuts += [
            (g.end(), g.end()) for g in _GLUED_END.finditer(text, start, end) if g[0][0].islower()
        ]
        for cut_start, cut_end in sorted(cuts):
            if cut_start < begin or _inside_quote(text, begin, cut_start):
                continue
            spans.append((begin, cut_start))
            begin = cut_end
        spans.append((begin, end))
    result = []
    for a, b in spans:
        # (", 16:03 REGNUM Лидер партии заявил": a line that opens with a comma lost what
        # stood before it, a date or a link, on the page it was copied from)
        while a < b and (text[a].isspace() or text[a] in ",;"):
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
    speaker = _clean_claim(speaker)  # marks off its ends, but "Фірма «Будсервіс»" keeps its own
    if lang.code in ("ru", "uk"):
        # "— сказав він на прес-конференції в офісах …": where he said it is not who he is
        speaker = re.sub(
            r"^(он|она|они|він|вона|вони)\s+(?:на|в|во|у|під час|во время|после|після|перед)\s.*$",
            r"\1",
            speaker,
            flags=re.IGNORECASE | re.DOTALL,
        )
    if lang.code in ("ru", "uk") and not after and "," in speaker:
        speaker = _after_participle_aside(speaker, lang)
    if lang.code in ("ru", "uk") and not after and "," in speaker:
        # "Обратившимся за комментарием журналистам, в службе печати ответили": whom they
        # answered, a participle in the dative, then who
        parses = morphology(lang.code).parse(speaker.split()[0].strip(","))[:3]
        if any(p.tag.POS == "PRTF" and "datv" in p.tag for p in parses):
            speaker = speaker.split(",", 1)[1].strip()
    if lang.code in ("ru", "uk") and not after:
        # "Ганновер, Германия. — в минувший понедельник президент Обама заявил": the
        # dateline before the lead is not the speaker
        speaker = re.sub(rf"^[^.\n]{{2,60}}\.\s*{DASH}\s+(?=\S)", "", speaker)
    if lang.code in ("ru", "uk"):
        # "…Флемминга Сплидбёля (Flemming Splidsboel)": the name as the original spells it,
        # in brackets after the Cyrillic, adds nothing; a long description before the name
        # gives way to the name
        # ("Мартен Мишло (Martin Michelot), сотрудник …": before a description too)
        speaker = re.sub(rf"(?<=[а-яё])\s*{LATIN_SPELLING}(?=,)", "", speaker)
        latin = re.search(rf"\s*{LATIN_SPELLING}$", speaker)
        if latin and "," not in speaker:
            speaker = speaker[: latin.start()]
            words = speaker.split()
            if len(words) > 6 and words[-1][:1].isupper():
                first = len(words) - 1
                while first > len(words) - 3 and words[first - 1][:1].isupper():
                    first -= 1
                # (not "по России": "специалиста по России Флемминга Сплидбёля")
                if words[first - 1].lower() in _PREPOSITIONS | _PLACE_PREPOSITIONS:
                    first += 1
                speaker = " ".join(words[first:])
    # "В сообщении, в частности, говорится": an aside inside the speaker is not its
    speaker = re.sub(r",\s*(?:в частности|в том числе|зокрема|у тому числі),?", "", speaker)
    if lang.code in ("ru", "uk") and not after:
        # "Обвинение сняли, когда власти признали, что …", "Арест вызвал возмущение, и
        # глава МВД заявил, что …": the verb is the last clause's, and so is its subject
        # (not "…, а взамен сообщил": no subject of its own, the sentence's goes on)
        # ("…, и власти Пакистана, несмотря на приговор, после которого её должны были
        # освободить, заявили": the aside after the subject is no clause of its own)
        last = _LAST_CLAUSE.sub("", _OPENING_CLAUSE.sub("", _CONCESSIVE_ASIDE.sub("", speaker)))
        if last != speaker and _has_subject(last, lang):
            speaker = last
    # "Н.Прянишникова": an initial is a word of its own
    speaker = re.sub(r"(?<!\w)([А-ЯЁІЇЄҐA-Z])\.(?=[А-ЯЁІЇЄҐA-Z][a-zа-яёіїєґ])", r"\1. ", speaker)
    if lang.connectives and not after:
        # "Нагадаємо, раніше ЗМІ …": the words that open the sentence, one after another
        particles = _BEFORE_A_SPEAKER if lang.code in ("ru", "uk") else lang.connectives
        opening = rf"^(?:{lang.connectives}|{lang.adverbs}|{_WHEN}|{particles})(?:\s+|,\s*|$)"
        while (shorter := re.sub(opening, "", speaker, flags=re.IGNORECASE)) != speaker:
            speaker = shorter.strip(" ,")
        if lang.code in ("ru", "uk") and _OPENING_CLAUSE.match(speaker):
            # "В январе 2006 года, когда над Ираном нависла угроза …, Лариджани сказал":
            # the clause after the time
            speaker = _OPENING_CLAUSE.sub("", speaker)
    if lang.code == "az":
        # "Bizim.Media-ya açıqlamasında ekspert X", "… Nazirliyindən (məlumat verilib)":
        # not the outlet spoken to, and the ministry it came from
        speaker = re.sub(r"^\S+-(?:ya|yə|a|ə)\s+", "", speaker)
        speaker = re.sub(r"^(?:\S+\s+)?(?:açıqlamasında|müsahibəsində)\s+", "", speaker)
        speaker = re.sub(r"(?<=[aeıiouüöə])n(?:dən|dan)$|(?:dən|dan)$", "", speaker)
    if lang.according_before and not after:
        # "Согласно сообщению агентства БелТА, судья заявила": the judge, not the agency
        speaker = re.sub(rf"^(?i:{lang.according_before})\s+[^,]+,\s*", "", speaker)
        if lang.their_words:  # "По их словам, канцлер напомнила": the chancellor
            speaker = re.sub(rf"^{lang.their_words}\s*,\s*", "", speaker)
    if lang.code in ("ru", "uk"):
        # "В ГКБ им. Ерамишанцева, где поэт был прооперирован, рассказали": the clause that
        # says where or which is about the speaker, not part of its name (but in "Олег,
        # который заявил" the relative word is the subject: Олег is taken from it later)
        # (nor in "Хант, который в интервью телеканалу Sky News уже сообщил": no verb of its
        # own, only where he said it)
        clause = re.search(
            rf",\s*(?:где|куда|откуда|(?P<relative>{_RELATIVE_WORD}|котр\w*|"
            r"як(?:ий|а|е|і))|де|куди|звідки|як(?:ого|ої|их))\s+(?P<tail>[^,\s][^,]*)$",
            speaker,
            flags=re.IGNORECASE,
        )
        if clause and not (
            clause["relative"]
            and re.fullmatch(r"(?i:который|которая|которые|котрий|котра|котрі|який|яка|які)",
                             clause["relative"])
            and _WHERE_SAID.match(clause["tail"])
            and not any(
                part_of_speech(word, lang) in {"VERB", "INFN", "PRTS", "PRTF"}
                for word in clause["tail"].split()
            )
        ):  # fmt: skip
            speaker = speaker[: clause.start()]
    if lang.code in ("ru", "uk") and not after:
        # "Оппозиция потребовала новых выборов, однако Верховный суд счел, что …": the
        # clause right before the verb holds its subject
        clauses = re.split(
            r",\s+(?:однако|но|а|зато|однак|але|проте|натомість)\s+", speaker, flags=re.IGNORECASE
        )
        # ("Навальный не высказался …, а взамен сообщил": no subject of its own, both his)
        # ("…, но русские считают, что …": a subject in lower case too)
        if len(clauses) > 1 and (
            any(ch.isupper() for ch in clauses[-1])
            or _has_subject(clauses[-1], lang)
            # "…, але в уряді зазначили": the body where it was said
            or re.match(rf"(?i)(?:в|во|у)\s+{_BODY}\w*$", clauses[-1].strip())
        ):
            speaker = clauses[-1].strip()
        # "Отвечая на вопрос о том, какие у него претензии, глава холдинга сказал": the
        # converb's clause before the speaker is not the speaker
        speaker = re.sub(
            # (… and "На настойчивый вопрос Роуза о том, считает ли он …, Обама сказал")
            r"^(?:отвечая|комментируя|говоря|выступая|подводя|відповідаючи|коментуючи|"
            r"говорячи|виступаючи|підбиваючи|на\s+(?:\S+\s+)?(?:вопрос|питання|запрос|запит)\b)"
            r"\b.*,\s+(?=\S)",
            "",
            speaker,
            flags=re.IGNORECASE | re.DOTALL,
        )
        # "Принимая корону под аплодисменты зрителей, большинство из которых …, девушка
        # призналась": any converb's clause, up to the last comma
        # ("С презрением высказываясь о …, Лариджани заявил": a few words before it)
        opening = speaker.split(",", 1)[0].split()[:3]
        if "," in speaker and any(part_of_speech(w, lang) == "GRND" for w in opening):
            speaker = speaker.rsplit(",", 1)[1].strip()
        # "Юлия, не отрицая свои слова, сказанные …": a converb's clause after the name
        aside = re.search(r",\s+(?:не\s+)?(?P<converb>[\w-]+)\s", speaker)
        if aside and aside.start() and part_of_speech(aside["converb"], lang) == "GRND":
            speaker = speaker[: aside.start()].strip()
        # "У відповідь на офіційний запит «Укрзалізниця» повідомила", "В обосновании …
        # «Южная железная дорога» сообщает": the circumstance before it is not the speaker
        named = re.fullmatch(r"(?:у|в|во|на|за|після|после|через)\s+[^«,]*\s«([^«»]+)»?",
                             speaker, flags=re.IGNORECASE)  # fmt: skip
        if named:
            speaker = named.group(1)
        # "Свою присутність в суді він пояснив": the pronoun, which points back; but
        # "В ходе процесса Санников выступил с заявлением: он сообщил": the name before it
        pronoun = re.search(r"\s(він|вона|вони|он|она|они)$", speaker, flags=re.IGNORECASE)
        if pronoun:
            names = [
                found.group()
                for found in re.finditer(r"[А-ЯЁІЇЄҐ][\w'’-]+(?:\s+[А-ЯЁІЇЄҐ][\w'’-]+)*", speaker)
                if (found.start() or is_name(found.group().split()[0], lang))
                # "На своей странице ВКонтакте он сообщает": where, not who
                and not re.search(
                    r"(?i)(?:^|\s)(?:в|во|на|у|из|із|с|з|странице|сторінці|сайте|сайті)\s+$",
                    speaker[: found.start()],
                )
                # "В обращении к … Саджиду Джавиду он написал": whom he wrote to, not who
                and _may_be_nominative(found.group().split()[-1:], lang)
            ]  # the first word is capital because it opens the sentence, unless a name
            speaker = names[-1] if names else pronoun.group(1)
        # "Правильність рішень підтвердив і ВГСУ, який заявив": the one the clause is about
        # ("…министр Джереми Хант, который в интервью телеканалу Sky News уже сообщил": where
        # and when he said it may stand between the relative word and the verb)
        relative = re.fullmatch(
            r"(.*\S),\s+(?:який|яка|які|яке|котрий|котра|который|которая|которые|которое)"
            r"((?:\s+[^,\s]+)*)",
            speaker,
            flags=re.DOTALL,
        )
        if relative and any(
            part_of_speech(word, lang) in {"VERB", "INFN", "PRTS"} for word in relative[2].split()
        ):
            relative = None
        if relative:
            # from its last capital ("Верховний суд"), else its last words
            capitals = [m.start() for m in re.finditer(r"(?<=\s)[A-ZА-ЯЁІЇЄҐ]", relative[1])]
            head = relative[1][capitals[-1] :] if capitals else ""
            # "В поліцію звернулася потерпіла, яка розповіла": the words after the verb
            words = relative[1].split()
            verbs = [
                at for at, word in enumerate(words) if at and part_of_speech(word, lang) == "VERB"
            ]
            after_verb = " ".join(words[verbs[-1] + 1 :]) if verbs else ""
            speaker = head or after_verb or " ".join(words[-3:])
        speaker = _subject_alone(speaker, lang)
        speaker = _after_circumstance(speaker, lang)
        speaker = _after_place(speaker, lang)
        # "В заявлении МВД, опубликованном в Facebook": the body, not what describes it
        described = re.fullmatch(r"([^,]+),\s+(\S+)[^,]*", speaker)
        if (
            described
            and part_of_speech(described.group(2), lang) == "PRTF"
            and len(described.group(1).split()) <= 4
        ):
            speaker = described.group(1)
        # "в Самарской области сотрудники прокуратуры": where they work, then who they are
        speaker = re.sub(
            r"^(?:в|во|у|на)\s+(?:(?:\S+\s+){0,2}?(?:области|районе|крае|республике|регионе|"
            r"області|районі|краї|республіці|регіоні)|суді|суде|засіданні|заседании|брифінгу|"
            r"брифинге|(?:прес|пресс)-конференц(?:ії|ии))\s+(?=\S)",
            "",
            speaker,
            flags=re.IGNORECASE,
        )
    if lang.code in ("ru", "uk"):
        # "— написал в Facebook лидер партии": where it was written, then who wrote it
        speaker = re.sub(_WHERE_POSTED, "", speaker)
        # "Штефан Зайберт, сославшись на итоги встречи, сообщил": whom the speaker cited
        speaker = re.sub(
            r",\s+(?:сославшись|ссылаясь|посилаючись|пославшись)\s[^,]*,?$", "", speaker
        )
        # "Аленка Братушек, в прошлом занимавшая пост министра …, заявила": a participle's
        # clause (and what it says in its turn) describes the speaker named before it
        named, _, described = speaker.partition(", ")
        if (
            described
            and not after
            and 1 <= len(named.split()) <= 4
            and named[:1].isupper()
            # (not 'Пресс-секретарь «Беты», работающей с мая, Олег Сидоров': a name after it)
            and not speaker.split(", ")[-1][:1].isupper()
            and any(part_of_speech(w, lang) == "PRTF" for w in described.split()[:3])
        ):
            speaker = named
        # "Он, так же как и Лукаш Кулеса, подчеркивает": whom the speaker agrees with
        speaker = re.sub(
            r",\s*(?:так же,? как и|как и|равно как и|так само,? як і|як і)\s+[^,]+,?$", "", speaker
        )
        # "Die Welt (17.04)": the issue's date
        speaker = re.sub(rf"\s*{ISSUE_DATE}$", "", speaker)
        # "У Мінфіні вже прокоментували": how or when, after the speaker, is not its name
        # (nor "Лариджани язвительно", "мой друг немного застенчиво": how, word by word)
        trailing = rf"(?<=\S)\s+(?:{lang.adverbs})$"
        while (shorter := re.sub(trailing, "", speaker, flags=re.IGNORECASE)) != speaker:
            speaker = shorter
        # "Очевидно, она была уверена": the tense of the verb is not the speaker's
        speaker = re.sub(r"(?<=\S)\s+(?:был|была|было|были|будет|будут)$", "", speaker)
        # "Американский Forbes в прошлом году оценил": when, after the speaker, too
        # ("постанова суду від 9 жовтня": the date of a document, with its preposition)
        speaker = re.sub(
            rf"(?<=\S)(?:\s+(?:от|від))?\s+(?:{_WHEN})$", "", speaker, flags=re.IGNORECASE
        )
        # "у заяві компанії від вівторка": the day of the week, too
        speaker = re.sub(
            r"(?<=\S)\s+(?:от|від)\s+(?:понеділка|вівторка|середи|четверга|п['’]ятниці|суботи|"
            r"неділі|понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)$",
            "",
            speaker,
            flags=re.IGNORECASE,
        )
    if lang.speaker_noise:
        speaker = re.sub(lang.speaker_noise, "", speaker, flags=re.DOTALL).strip(" ,")
    if lang.code in ("ru", "uk"):
        # "…, говорит ещё один источник, знакомый с ходом обсуждений": the speaker named
        # after the statement, without the word before it or the phrase that describes it
        if after:
            speaker = re.sub(
                r"^(?:ещё|еще|ще|же|тогда|тоді|затем|потом|потім|позже|позднее|згодом|сам|сама|"
                r"сами|ранее|раньше|прежде|раніше|також|также|тоже)\s+",
                "",
                speaker,
                flags=re.IGNORECASE,
            )
            # "…, - сказал изданию информированный источник": the outlet told, then who
            speaker = re.sub(
                r"^(?:изданию|агентству|газете|телеканалу|журналу|порталу|радиостанции|"
                r"журналистам|репортерам|репортёрам|виданню|газеті|журналістам)\s+(?=\S)",
                "",
                speaker,
                flags=re.IGNORECASE,
            )
            # "…, пишет 22 декабря 2018 года издание Asia Times": when, then who
            # ("…, сообщили в пятницу, 5 марта 2015 года, турецкие СМИ": the date too)
            speaker = re.sub(
                rf"^(?:{_WHEN})(?:,\s*\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?"
                r"(?:\s+(?:года|року|г\.|р\.))?)?,?\s+(?=\S)",
                "",
                speaker,
                flags=re.IGNORECASE,
            )
            # "— заявила соавтор инициативы, член Еврокомиссии Эльжбета Бинковска": a role
            # without a name, then another role with the name: the named one
            named = re.fullmatch(
                r"[а-яёіїєґ][^A-ZА-ЯЁІЇЄҐ,]*,\s+(?P<named>[а-яёіїєґ][^,]*?\s"
                r"[А-ЯЁІЇЄҐ][\w'’-]+\s+[А-ЯЁІЇЄҐ][\w'’-]+)",
                speaker,
            )
            # (not "документи, знайдені в Межигір'ї після втечі Віктора Януковича": a
            # participle's clause about them, no role)
            if named and part_of_speech(named["named"].split()[0], lang) == "NOUN":
                speaker = named["named"]
            speaker = re.sub(r",\s+[а-яёіїєґ].*$", "", speaker, flags=re.DOTALL)
            # "пояснив глава Мінфіну і привів приклад": his words end at the next verb
            # ("говорит он в беседе с Jyllands-Posten и отмечает": the present too)
            speaker = re.sub(
                r"\s+(?:і|й|та|и)\s+\S+(?:в|ла|ли|л|ет|ют|ит|ят|є|ють)\b.*$", "", speaker
            )
            # "— сказала она об инциденте": what it was about is not who said it
            speaker = re.sub(
                r"(?<=\S)\s+(?:о|об|обо|про)\s+[а-яёіїєґ][\w-]*(?:\s+[а-яёіїєґ][\w-]*){0,2}$",
                "",
                speaker,
            )
        speaker = _without_outlet_told(speaker, lang)
        # "Константин Эрнст российскому журналисту Евгению Левковичу": whom the speaker told,
        # in the dative after the name
        speaker = re.sub(
            r"(?P<name>[А-ЯЁІЇЄҐA-Z][\w'’-]+)\s+(?:[а-яёіїєґ]+(?:ому|ему|ым|им|ій)\s+)?"
            r"(?:журналисту|корреспонденту|изданию|газете|агентству|телеканалу|журналістові|"
            r"журналісту|кореспондентові|виданню|газеті|журналистам|журналістам|репортерам|"
            r"репортёрам|корреспондентам|кореспондентам)\b.*$",
            r"\g<name>",
            speaker,
            flags=re.DOTALL,
        )
        # "заявили в Минобороны", "повідомили у Генштабі": the place stands for the speaker
        located = re.sub(r"^(?:в|во|у)\s+", "", speaker, flags=re.IGNORECASE)
        case = "loct" if located != speaker else case
        # "Как сообщили из федеральной прокуратуры", "По информации с сайта Совета
        # Федерации": where the words came from, and whose the site is
        came_from = re.sub(
            r"^(?:из|із|з|с|со)\s+(?:(?:официального|офіційного)\s+)?(?:(?:сайта|сайту)\s+)?",
            "",
            speaker,
            flags=re.IGNORECASE,
        )
        if came_from != speaker and _a_body(came_from):  # (not "Из этих цифр следует")
            located, case = came_from, "gent"
        # "на сайті Хмельницького відділення АМКУ", "в телеграм-канале ведомства": the
        # site's owner
        owned = re.sub(
            r"^(?:на|в|во|у)\s+(?:(?:його|її|їх|его|её|ее|их|официальном|офіційному)\s+)?"
            r"(?:сайті|сайте|сторінці|"
            r"странице|(?:телеграм|Telegram)-(?:каналі|канале))(?:\s+|$)",
            "",
            speaker,
            flags=re.IGNORECASE,
        )
        whose = re.match(r"^\S+\s+(його|її|їх|его|её|ее|их)\s", speaker + " ")
        if owned != speaker and not owned and whose:  # "На її сайті зазначено": hers
            return _OBJECT_PRONOUNS[whose.group(1).lower()]
        if owned != speaker:
            located, case = owned, "gent"
        located = _clean_claim(located)
        if _A_LATER_MESSAGE.fullmatch(located):
            return ""  # "В более позднем сообщении говорилось": the last source's, unnamed
        # "говорится в заявлении ведомства": the statement's author
        authored = re.sub(
            r"^(?:заявлении|сообщении|пресс-релизе|заяві|повідомленні|сюжеті|сюжете|"
            r"матеріалі|материале|статті|статье|документі|документе|листі|письме|рішенні|"
            r"решении|постанові|постановлении|вироку|приговоре|розслідуванні|расследовании|"
            r"тексте|тексті|обращении|зверненні|обґрунтуванні|обосновании)\s+",
            "",
            located,
        )
        case = "gent" if authored != located else case
        if authored != located:
            # "В заявлении на официальном сайте клуба": the site's owner
            authored = re.sub(
                r"^(?:на|в|у)\s+(?:официальном\s+|офіційному\s+)?(?:сайте|сайті|странице|"
                r"сторінці)\s+(?=\S)",
                "",
                authored,
                flags=re.IGNORECASE,
            )
            # "в статье Навального «Как наказать Путина» («How to punish Putin»),
            # опубликованной в The New York Times": the author, not the title or the paper
            authored = re.sub(
                r",\s+(?:опубликованн|опублікован|размещ[её]нн|розміщен|проведен|проведён)\w*\s.*$",
                "",
                authored,
            )
            authored = re.sub(r"\s*\([^()]*\)|\s*[«“\"].*$", "", authored).strip()
        speaker = authored.strip(" ,:;")
        if case:
            speaker = nominative(speaker, lang.code, case)
    if lang.code in ("ru", "uk") and not after:
        # "Компания ежедневно информирует": how often it speaks is not part of its name
        words = speaker.split()
        while len(words) > 1 and words[-1].islower() and part_of_speech(words[-1], lang) == "ADVB":
            words.pop()
        speaker = " ".join(words)
    return speaker.strip(" ,:;")


# A news outlet, to whom a speaker said it: in quotation marks or a name in capitals
_OUTLET = r"(?:[«\"][^»\"\n]{1,40}[»\"]?|(?:[A-ZА-ЯЁІЇЄҐ][\w.-]*\s+){0,2}[A-ZА-ЯЁІЇЄҐ][\w.-]*)"
# A body that speaks, the first letters of its name
_BODY = (
    r"(?:пресс-служб|прес-служб|министерств|міністерств|ведомств|відомств|штаб|"
    r"администраци|адміністраці|правительств|уряд|посольств|управлени|управлінн|департамент|"
    r"мэри|мери|мерії|полици|поліці|прокуратур|суд|комитет|комітет|Кремл|МИД|МВД|МЗС|"
    r"Минобороны|Міноборони|Генштаб)"
)
_BODY_IN = rf"(?:в|во|у)\s+{_BODY}"


def _a_body(words) -> bool:
    """Whether the words name a body that speaks: an office, a ministry, a name."""
    return bool(
        re.match(rf"(?i)(?:\S+\s+)?{_BODY}", words) or re.search(r"(?<!\S)[A-ZА-ЯЁІЇЄҐ]", words)
    )


def _without_outlet_told(speaker, lang) -> str:
    """The speaker without the outlet it spoke to: "сообщили РИА Новости в пресс-службе
    базы" (the press office), "Как сообщил «Ъ» глава пресс-службы" (the head), "В уфимской
    мэрии «Ъ» сообщили" (the mayor's office)."""
    told = re.match(rf"{_OUTLET}\s+(?={_BODY_IN})", speaker)
    if told:
        return speaker[told.end() :]
    # "заявила РИА Новости глава организации Наталья Сабельник": the agency told, then who
    agency = re.match(
        r"(?:РИА Новости|ТАСС|Интерфаксу|РБК|RT|Sputnik|ИА Regnum|Укрінформу|УНІАН|УНИАН)\s+"
        r"(?=[а-яёіїєґ][\w-]*\s+\S)",
        speaker,
    )
    if agency and re.search(r"(?<!\S)[A-ZА-ЯЁІЇЄҐ]", speaker[agency.end() :]):
        return speaker[agency.end() :]  # (a person named after it)
    # (its opening mark may be gone with the sentence's: 'Ъ" глава')
    quoted = re.match(r"[«\"]?[^«»\"\n]{1,40}[»\"]\s+(?P<next>[\w'’-]+)", speaker)
    if quoted:
        parses = morphology(lang.code).parse(quoted["next"])[:1]
        if quoted["next"][:1].isupper() or (
            parses and parses[0].tag.POS == "NOUN" and "nomn" in parses[0].tag
        ):
            return speaker[quoted.start("next") :]
    placed = re.match(
        r"(?P<body>(?i:в|во|у)\s+[^«\"\n]*[а-яёіїєґ])\s+[«\"](?P<outlet>[^»\"\n]{1,40})[»\"]?$",
        speaker,
    )
    if placed and _told_to(placed["outlet"], lang):
        return placed["body"]
    return speaker


def _told_to(outlet, lang) -> bool:
    """Whether an outlet's name is the one a speaker told ("«Ъ»", "«Известиям»"), not the
    body's own name ("компании «Газпром»")."""
    last = outlet.split()[-1]
    parses = morphology(lang.code).parse(last)[:2]
    return len(outlet) <= 2 or bool(
        parses and "datv" in parses[0].tag and not any("nomn" in p.tag for p in parses)
    )


# "В более позднем сообщении говорилось": another message of the last source
_A_LATER_MESSAGE = re.compile(
    r"(?i)(?:более\s+)?(?:позднем|последнем|новом|очередном|другом|следующем|повторном|"
    r"пізнішому|останньому|новому|наступному)\s+(?:сообщении|заявлении|повідомленні|заяві)$"
)

_CIRCUMSTANCE = re.compile(
    r"(?i)^(?:(?:в|у) рамках|в ходе|в ході|під час|во время|в результате|в результаті|"
    # "В отношении ситуации на Украине Столтенберг заявил"
    r"(?:в|у) отношении|(?:в|у) відношенні|относительно|щодо|касательно|"
    r"за результатами|"
    r"по итогам|по результатам|в процессе|в процесі|(?:в|у)\s+(?:\S+\s+){0,4}?(?:интервью|"
    r"інтерв['’]ю|разговоре|беседе|розмові)|(?:сразу\s+|одразу\s+|вскоре\s+|"
    r"через\s+(?:\S+\s+){1,2})?"
    r"(?:после|після)|перед|"
    # "В письменном заявлении президент США Барак Обама отметил"
    r"(?:в|у)\s+(?:\S+\s+){0,2}(?:заявлении|заяві|обращении|зверненні|письме|листі|"
    # "В своём последнем сообщении в Facebook в пятницу, 13 марта, Эдуард писал"
    r"сообщении|повідомленні|посте|пості|публикации|публікації|записи|дописі|комментарии|"
    r"коментарі|"
    # "Как замечает в этом номере журнала Сергей Минасян": the issue, the article, the book
    r"номере|номері|выпуске|випуску|статье|статті|колонке|колонці|книге|книзі|материале|"
    r"матеріалі)|"
    # (not "на сайті Київського відділення АМКУ": the site's owner is the source)
    r"на(?!\s+(?:\S+\s+)?(?:сайт|сторінц|страниц|веб|портал|ресурс)))\s+"
)


_WHERE_POSTED = re.compile(
    r"(?i)^(?:(?:в|на|у)\s+(?:своём\s+|своем\s+|своєму\s+)?(?:Facebook|Twitter|Telegram|"
    r"Instagram|ВКонтакте|Фейсбуке|Фейсбуці|Твиттере|Твіттері|Телеграме|Телеграмі)|"
    # "— написала на своей странице в Facebook инфекционист": her page, then where it is
    r"(?:на|в|у)\s+(?:своей\s+|своїй\s+|своём\s+|своем\s+|своєму\s+)?(?:странице|сторінці|"
    r"аккаунте|акаунті|блоге|блозі)(?:\s+(?:в|на|у)\s+(?:Facebook|Twitter|Instagram|"
    r"ВКонтакте|Фейсбуке|Фейсбуці|соцсети|соцсетях|соцмережі|соцмережах))?)\s+(?=\S)"
)


def _after_place(speaker, lang) -> str:
    """ "В Москве пресс-секретарь президента": who spoke, after where (a place's name in the
    locative, then a noun in the nominative)."""
    placed = re.match(r"(?i:в|во|у)\s+([А-ЯЁІЇЄҐ][\w'’-]+)\s+([а-яёіїєґ][\w'’-]+)", speaker)
    if not placed:
        return speaker
    analyzer = morphology(lang.code)
    place = analyzer.parse(placed.group(1))[:2]
    head = analyzer.parse(placed.group(2))[:1]
    if (
        any({"Geox", "loct"} <= p.tag.grammemes for p in place)
        and head
        and head[0].tag.POS == "NOUN"
        and "nomn" in head[0].tag
    ):
        return speaker[placed.start(2) :]
    return speaker


_CIRCUMSTANCE_OPENS = re.compile(
    r"(?i)^(?:в|во|у|на|при|после|після|перед|по итогам|за підсумками|під час)\s"
)


def _after_participle_aside(speaker, lang) -> str:
    """ "В ходе митинга, собравшего меньше участников, чем обещалось, Фазлур Рехман": where
    and when, a participle's clause about it, then the speaker after the last comma (also
    after "По сообщению агентства Dawn,": the one the agency reports, not the agency)."""
    reported = speaker
    if lang.according_before:
        reported = re.sub(rf"^(?i:{lang.according_before})\s+[^,]+,\s*", "", speaker)
    parts = reported.split(",")
    if len(parts) < 3 or not _CIRCUMSTANCE_OPENS.match(parts[0].strip()):
        return speaker
    aside, last = parts[1].split(), parts[-1].strip()
    if (
        aside
        and part_of_speech(aside[0], lang) == "PRTF"
        and last
        and part_of_speech(last.split()[0], lang) != "PRTF"
        and _has_subject(last, lang)
    ):
        return last
    return speaker


def _after_circumstance(speaker, lang) -> str:
    """ "В рамках цієї ж перевірки фінінспектори": the subject after the circumstance, the
    first word in the nominative."""
    opened = _CIRCUMSTANCE.match(speaker)
    if not opened:
        return speaker
    words = speaker[opened.end() :].split()
    if words and all(re.match(r"[A-Z(]", word) for word in words):
        return " ".join(words)  # "В другом материале Die Welt": a name in Latin letters
    analyzer = morphology(lang.code)
    for at, word in enumerate(words):
        if re.search('[«»"“”]', word):
            continue  # "В интервью телеканалу «Интер» Порошенко": whom it was given to
        parses = analyzer.parse(word.strip(',.«»"“”()'))
        # (the first word is most often what the circumstance is of, unless a first name:
        # "В своей колонке Олег Ветров")
        first_name = not at and is_name(word.strip(",."), lang)
        if (
            (at or first_name)
            and parses
            and "nomn" in parses[0].tag
            and parses[0].tag.POS in ("NOUN", "ADJF")
        ):
            return " ".join(words[at:])
    return speaker


def _subject_alone(speaker, lang) -> str:
    """A speaker read before its verb, without a converb's clause ("Говоря о сроках встречи,
    Карасин отметил") or another clause of the sentence ("Кандидат … Навальный собрал 35 млн
    рублей. Блогер подчеркнул", "Навальный не высказался …, а взамен сообщил"): the words
    before the first finite verb, who did both."""

    def pos(word):
        return part_of_speech(word, lang)

    words = speaker.split()
    if words and pos(words[0]) == "GRND" and "," in speaker:
        speaker = speaker.split(",", 1)[1].strip()
        words = speaker.split()
    for at, word in enumerate(words):
        # a finite verb, or a short participle that acts as one ("фірма зареєстрована")
        # ("державна уповноважена АМКУ": a title before a name, not "зареєстрована в …")
        title = at + 1 < len(words) and words[at + 1][:1].isupper()
        if (
            at
            and len(word) > 2
            and word[:1].islower()
            and (pos(word) == "VERB" or pos(word) == "PRTS" and not title)
        ):
            kept = words[:at]
            while len(kept) > 1 and pos(kept[-1]) in ("ADVB", "PRCL", "CONJ"):
                kept = kept[:-1]  # "Навальный не высказался"
            before = " ".join(kept).strip(" ,")
            # a comma before it opens another clause ("На зауваження журналіста, що він не
            # чув …, Корнієць відповів"): not a subject
            return speaker if "," in before else before
    return speaker


# "который", "котрий": the relative word that opens a clause about someone named before
_RELATIVE_WORD = r"котор(?:ый|ая|ое|ые|ого|ой|ых|ому|ым|ыми|ую|ом)|котр\w*"
# a speaker that is such a clause's word, or ends with it, or counts from it
_RELATIVE = re.compile(
    rf"(?:^|\s)(?:{_RELATIVE_WORD})$|^(?:{_RELATIVE_WORD})\b|\sиз\s+которых\b|\sз\s+яких\b",
    re.IGNORECASE,
)


# "Отметим, что пресс-служба …", "По данным же …", "Лишь сегодня …", "как стало известно,
# …": the article's own words and particles before a speaker
_BEFORE_A_SPEAKER = (
    r"(?:отметим|напомним|нагадаємо|зазначимо|(?:стоит|следует|надо|варто|слід)\s+(?:отметить|"
    r"зазначити)),?\s+(?:что|що)|же|так|лишь|лише|только|после чего|після чого|"
    r"сам|сама|сами|самого|самой|самих|"
    r"тільки|буквально|(?:как|як)\s+стало\s+(?:известно|відомо)|"
    # "Недавно также стало известно, что власти Молдовы заявили": what became known is
    # who said it
    r"стало\s+(?:известно|відомо),?\s+(?:что|що)|"
    r"очевидно|видимо|вероятно|возможно|похоже|конечно|разумеется|мабуть|именно|саме|"
    r"(?:в|во|у)\s+(?:каждом|этом|том|любом|обоих|данном|таком|кожному|цьому|тому)\s+"
    r"(?:случае|случаях|випадку|випадках)|"
    r"(?:немногим|незадолго|трохи|незадовго)\s+(?:ранее|раньше|до этого|раніше)"
)
# "Хотя суд признал её невиновной, многие полагали, что …": the clause before the subject
_OPENING_CLAUSE = re.compile(
    r"(?i)^(?:(?:но|а|и|однако|але|та|і|проте)\s+)?"
    r"(?:хотя|когда|если|поскольку|пока|хоча|коли|якщо|оскільки|поки)\s[^,]+,\s*(?=[^,]+$)"
)
_CONCESSIVE_ASIDE = re.compile(
    r",\s*(?:несмотря на|вопреки|незважаючи на|всупереч)\s[^,]+"
    r"(?:,\s*(?:\S+\s+)?(?:котор|як)\w*\s[^,]+)?(?=,|$)",
    re.IGNORECASE,
)
_LAST_CLAUSE = re.compile(
    r"^.*(?:,\s*(?:когда|после того,? как|так как|потому что|поскольку|хотя|коли|після того,? як|"
    r"в то время как|тогда как|тоді як|у той час як|"
    r"оскільки|бо|хоча|и|а|но|і|та|але)|(?<!\w)(?:после того|до того|після того),\s*(?:как|як))"
    r"\s+(?!также|також|тоже|в том числе)(?=[^,]+$)",
    re.IGNORECASE | re.DOTALL,
)


def _has_subject(words, lang) -> bool:
    """Whether the words hold a name or a noun or pronoun that can be in the nominative."""
    analyzer = morphology(lang.code)
    return any(
        w[:1].isupper()
        or any(
            (p.tag.POS in ("NOUN", "NPRO") or "Subx" in str(p.tag)) and "nomn" in p.tag
            for p in analyzer.parse(w)[:2]
        )  # ("русские", "военные": adjectives that stand for people)
        for w in re.findall(r"[\w'’-]+", words)
    )


_SUBORDINATING = {"когда", "если", "пока", "хотя", "коли", "якщо", "поки", "хоча", "чем", "ніж"}
# "Даже при том, что Россия заключила …", "Несмотря на то, что …": a concession's subject
_CONCESSION = re.compile(
    r"(?i)^(?:даже\s+)?(?:при том,? что|притом что|несмотря на то,? что|в то время,? как|"
    r"тогда как|незважаючи на те,? що|попри те,? що)\s"
)


def _plausible_speaker(speaker, lang, after=False):
    """Whether the words can name who said something (`after`: named after it, in the
    author's words: "— признается мой московский друг")."""
    words = speaker.split()
    if not words or len(words) > 14 or len(speaker) > MAX_SPEAKER_CHARS:
        return False
    if lang.not_speakers and re.fullmatch(lang.not_speakers, speaker, re.IGNORECASE):
        return False
    if lang.code in ("ru", "uk") and words[0].lower() in _PREPOSITIONS:
        return False  # "о том", "про це": what was said about, not who said it
    if lang.code in ("ru", "uk") and len(words) == 1 and speaker[:1].isupper():
        parses = morphology(lang.code).parse(speaker)[:2]
        if parses and all("datv" in p.tag and "nomn" not in p.tag for p in parses):
            return False  # "Коммерсанту": the paper told, not the one who told it
    if lang.code in ("ru", "uk") and len(words) == 1 and speaker.islower():
        parses = morphology(lang.code).parse(speaker)
        if parses and "datv" in parses[0].tag and "nomn" not in parses[0].tag:
            return False  # "В ходе задержания супругам сообщили": whom they told
    if lang.code in ("ru", "uk") and _RELATIVE.search(speaker):
        return False  # "конспирологи, которые считали", "большинство из которых": a clause
    if lang.code in ("ru", "uk") and len(words) == 1:
        parses = morphology(lang.code).parse(speaker.lower())
        if parses and parses[0].tag.POS == "NPRO" and "nomn" not in parses[0].tag:
            return False  # "Нам объявили, что …": to whom, inside a quotation
    # (in lower case: "Наше місто" is a newspaper)
    possessive = set() if after else _FIRST_PERSON & {w for w in words if w.islower()}
    if lang.code in ("ru", "uk") and possessive | ({"я"} & {w.lower() for w in words}):
        return False  # "Когда я вернулся, мой кузен сказал мне": a quotation's own words
    if lang.code in ("ru", "uk") and words[-1].lower() in {"и", "а", "но", "или", "і", "та", "але"}:
        return False  # "…, однако позже эту информацию опровергли и сейчас говорят о …"
    if lang.code in ("ru", "uk") and re.search(
        rf"(?i)(?:^|\s)(?:{lang.verbs}),?\s+(?:что|що)\s", speaker
    ):
        return False  # "Первоначально сообщалось, что Быков попал …, однако …": a report
    if lang.code in ("ru", "uk") and _CONCESSION.match(speaker):
        return False
    if lang.code in ("ru", "uk") and words[0].lower() in _SUBORDINATING:
        return False  # "Когда Москва объявила об отводе войск, Путин …": a clause's subject
    if lang.code in ("ru", "uk") and words[0].lower() in {"я", "мы", "ми", "вы", "ви", "ты", "ти"}:
        return False  # "Мы просто высказали мнение, что …": a quotation's own words
    if re.search(rf"[»”]\s*,?\s*{DASH}", speaker):
        return False  # "… стадо коров», — сообщил Лужков": the end of a quotation, not a name
    if re.fullmatch(r"(?i)(?:\S+\s+){0,3}(?:назад|тому)", speaker):
        return False  # "Жена актёра, говорила два дня назад:": when, not who
    if _ONLY_WHEN.fullmatch(speaker):
        return False  # "По данным за 2013 год": when, not whose
    if (
        lang.code in ("ru", "uk")
        and len(words) <= 6
        and re.match(r"(?i)(?:один|одна|одне|одно)\s+(?:из|з|із)\s", speaker)
    ):
        return True  # "один из собеседников агентства": one of a body or a group
    if after and lang.code in ("ru", "uk") and len(words) <= 6 and words[0] in _FIRST_PERSON:
        return True  # "— признается мой давний знакомый из порта": the author's acquaintance
    if lang.code in ("ru", "uk") and len(words) <= 6 and _DOCUMENT.match(" ".join(words[:2])):
        return True  # "пояснювальна записка до постанови", "отчет счетной палаты"
    if (
        lang.code in ("ru", "uk")
        and len(words) >= 3
        # (a clause set off by commas may have one: "Phillips 66, в которой работал Тан"; and
        # so may a title in marks: 'видання "Німеччина попередила …"')
        and _has_finite_verb(re.split(r"[,«\"“]", speaker)[0].split()[1:], lang)
    ):
        # "…, пишет бельгийская Вопрос об акции обсуждался уже несколько недель": a page that
        # lost the outlet's link, then a sentence of its own; no one's name has a verb in it
        return False
    # "новый глава столичной полиции": one person described, with no name in capitals
    return (
        any(ch.isupper() for ch in speaker)
        or len(words) <= 3
        or bool(lang.code in ("ru", "uk") and len(words) <= 5 and role_described(speaker, lang))
    )


def _has_finite_verb(words, lang) -> bool:
    """Whether a word in lower case is, by its likeliest reading, a verb with a tense
    ("обсуждался", "говорят"): a finite verb, not an infinitive or an imperative."""
    analyzer = morphology(lang.code)
    for word in words:
        word = word.strip(',.«»"“”()')
        if not word.isalpha() or not word.islower():
            continue
        parses = analyzer.parse(word)
        if (
            parses
            and parses[0].tag.POS == "VERB"
            and parses[0].tag.tense is not None  # (the Ukrainian dictionary has no mood)
            and parses[0].score > 0.5
        ):
            return True
    return False


def _may_be_nominative(words, lang) -> bool:
    """Whether any Cyrillic word of a speaker can be in the nominative, as a subject is."""
    analyzer = morphology(lang.code)
    cyrillic = [w.strip(',.«»"“”()') for w in words if re.search(r"[а-яёіїєґ]", w, re.I)]
    return not cyrillic or any(
        "nomn" in p.tag or "Fixd" in p.tag for w in cyrillic for p in analyzer.parse(w)[:3]
    )


def _opens_in_another_case(speaker, lang) -> bool:
    """Whether a speaker's first word is a noun or adjective that cannot be in the
    nominative: "Причиной …" (instrumental) opens a sentence of its own, not a name."""
    if lang.code not in ("ru", "uk") or not speaker.split():
        return False
    first = speaker.split()[0].strip(',.«»"“”()')
    if not re.fullmatch(r"[а-яёіїєґ'’-]+", first, re.IGNORECASE):
        return False
    parses = morphology(lang.code).parse(first)[:3]
    declined = [p for p in parses if p.tag.case is not None]
    return len(declined) == len(parses) > 0 and not any(
        "nomn" in p.tag or "Fixd" in p.tag for p in declined
    )


def _said_again_in(statement, later) -> bool:
    """Whether a statement made just after says this one again, as fully or more (or word
    for word: a lead the page prints twice)."""
    said = _stems(statement.text)
    return bool(
        _stems(statement.speaker, 3) & _stems(later.speaker, 3)
        and len(said) >= 2
        and len(said & _stems(later.text)) > 0.8 * len(said)
        and len(later.text) >= len(statement.text)
    )


def _copied_from(statement, before) -> bool:
    """Whether a statement is a copy of one made before by the same speaker: a page that
    prints its report twice, or its lead again at its foot, cut short ("… продолжить свою
    политическую кампанию…"). Nearly all the words of each, not a few words a long
    quotation also has."""
    said, theirs = _stems(statement.text), _stems(before.text)
    cut = re.sub(r"\s*(?:…|\.\.\.)$", "", statement.text)
    return bool(
        _stems(statement.speaker, 3) & _stems(before.speaker, 3)
        and len(said) >= 2
        and len(before.text) >= len(statement.text)
        and (len(said & theirs) > 0.8 * max(len(said), len(theirs)) or before.text.startswith(cut))
    )


# I, we and mine, which speak only inside a quotation
_FIRST_PERSON = {"я", "мы", "ми", "мой", "моя", "мои", "моё", "мое", "наш", "наша", "наши"}
_FIRST_PERSON |= {"мій", "мої", "моє", "наше"}

# A document that says something ("В пояснительной записке говорится"), its first words
_DOCUMENT = re.compile(
    r"(?i)(?:\S+\s+)?(?:записк|документ|доклад|отч[её]т|звіт|доповід|постанов|ухвал|решени|"
    r"рішенн|висновк|заключени|довідк|справк|письм|лист|сообщени|повідомленн|заявлени|"
    r"заяв|протокол|обвинительн|вирок|приговор|позов|иск|коммюнике|комюніке|указ|наказ|приказ)"
)

# A verb with no one behind it: "сообщалось", "утверждается", "повідомляється", "зазначено"
# (not a person's reflexive verb: "Также пожаловался, что …" is the last speaker's again)
_IMPERSONAL = re.compile(r"(?:ется|ится|ється|еться|иться|лось|лося|ено|ано)$", re.IGNORECASE)

# Where words were said, before the verb: "в интервью телеканалу …", "на брифинге"
_WHERE_SAID = re.compile(
    r"(?i)(?:в|во|у|на)\s+(?:\S+\s+)?(?:интервью|інтерв'ю|інтерв’ю|эфире|ефірі|брифинге|"
    r"брифінгу|пресс-конференции|прес-конференції|беседе|розмові|разговоре|комментарии|"
    r"коментарі|выступлении|виступі)|журналистам|журналістам"
)
_ONLY_WHEN = re.compile(
    r"(?i)(?:за|на|в|у)\s+\d{4}(?:\s+\S+)?|"
    # "На данный момент сообщают о 13 убитых": as of when, by no one named
    r"на (?:данный|текущий|сегодняшний|нынешний) (?:момент|день)|на сегодня|"
    r"в настоящее время|на (?:цей|поточний|сьогоднішній) (?:момент|день)|на сьогодні|"
    r"наразі|нині|сейчас|"
    r"за (?:прошлый|этот|текущий|минулий|цей|поточний) (?:год|рік|месяц|місяць)|"
    r"(?:(?:в|во|у)\s+)?(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|"
    r"понеділок|вівторок|середу|четвер|п'ятницю|суботу|неділю)"
)
_PREPOSITIONS = {"о", "об", "про", "с", "со", "з", "із", "к", "до", "для", "от", "від", "из", "по"}
_PREPOSITIONS |= {"из-за", "із-за"}  # "Из-за того, что стороны обвиняют друг друга …"
# where and when, which open a circumstance rather than a speaker ("На сегодня одобрено …");
# kept apart from _PREPOSITIONS, as "В Минобороны заявили" names a speaker after all
_PLACE_PREPOSITIONS = {"в", "во", "у", "на", "за"}

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
    # "…, ссылаясь на свои источники, утром Чуркин был доставлен …": whom they cite
    claim = re.sub(r"^(?:ссылаясь|посилаючись) на [^,]{2,80},\s+", "", claim)
    # "Как поясняет Die Zeit (12.05), …": the date of the paper's issue
    claim = re.sub(rf"^{ISSUE_DATE},?\s+", "", claim)
    # "Отметим, что «Нафтогаз» намерен …. С данным заявлением выступил X": the article's
    # reminder, not X's words
    claim = _REMINDER.sub("", claim)
    # "По мнению физика, которое он высказал в Стокгольме, черные дыры …": the clause about
    # the words is not what they say
    relative = _ABOUT_THE_WORDS.match(claim)
    if relative and len(claim) > relative.end():
        claim = claim[relative.end() :]
    return claim


_REMINDER = re.compile(
    r"^(?i:напомним|отметим|(?:стоит|следует) отметить|нагадаємо|зазначимо),?\s+(?:что|що),?\s+"
)
_ABOUT_THE_WORDS = re.compile(
    r"(?:которое|которую|которым|котор(?:ое|ую) он|яку|яке|якою|якій)\s[^,«»\"]{3,80},\s+"
)

_OBJECT_PRONOUNS = {
    "его": "он",
    "её": "она",
    "ее": "она",
    "их": "они",
    "його": "він",
    "її": "вона",
    "їх": "вони",
}


def _quoted_person(cited, lang) -> str:
    """Whom "«…», — цитирует РБК Карасина" quotes: the person the outlet cites (in the
    accusative), in the nominative; the whole phrase when no one is named."""
    analyzer = morphology(lang.code)
    words = cited.split()
    if words and words[0].lower() in _OBJECT_PRONOUNS:  # "— приводит его «Росбалт»"
        return _OBJECT_PRONOUNS[words[0].lower()]
    run = []
    for word in words:
        parses = [p for p in analyzer.parse(word) if {"Name", "Surn"} & p.tag.grammemes]
        parse = next((p for p in parses if "accs" in p.tag or "gent" in p.tag), None)
        if word[:1].isupper() and parse:
            inflected = parse.inflect({"nomn"})
            run.append(inflected.word.capitalize() if inflected else word)
        elif run:
            break
    if run:
        return " ".join(run)
    # "— цитирует телеканал представителя минобороны": whom the outlet cites
    for at, word in enumerate(words[1:], 1):
        parses = analyzer.parse(word)
        if word[:1].islower() and parses and parses[0].tag.POS == "NOUN":
            # with the words that describe it: "российского лидера"
            while at > 1 and part_of_speech(words[at - 1], lang) == "ADJF":
                at -= 1
            return nominative(" ".join(words[at:]), lang.code, "gent")
    return cited


def _describes_speaker(words, lang, speaker="") -> bool:
    """Whether what follows a speaker's comma describes the speaker ("близкий к делегации",
    "який побажав залишитися неназваним") rather than going on with the statement."""
    first = words.split()[0].strip(',.:;«»"“”') if words.split() else ""
    if not first or re.match(r"(?:котор|який|яка|які|яке)", first, re.IGNORECASE):
        return True
    if re.fullmatch(r"(?:долж|обязан|намерен|готов|повин|зобов'язан)\w*", first, re.IGNORECASE):
        return False  # "…, продолжает Навальный, должны расследовать …": the statement's verb
    # a short form goes on with the statement: "Такая акция, по словам фанатов, вызвана …"
    if part_of_speech(first, lang) not in {"ADJF", "PRTF"}:
        return False
    # and so does a form that cannot agree with the speaker, named in the nominative or the
    # genitive: "Отношения являются, по мнению МИД, системообразующим фактором …",
    # "Санкции являются, по мнению министра, главной причиной …"
    analyzer = morphology(lang.code)
    head = next(
        (
            p.tag
            for word in speaker.split()
            for p in analyzer.parse(word.strip(',.«»"“”'))[:1]
            if p.tag.POS == "NOUN"
        ),
        None,
    )

    def agrees(tag):
        if tag.case not in {"nomn", "gent", "accs"}:
            return False
        if head is None or tag.number is None or head.number is None:
            return True
        if tag.number != head.number:
            return False
        return tag.number == "plur" or tag.gender is None or head.gender in (None, tag.gender)

    return any(
        parse.tag.POS in {"ADJF", "PRTF"} and agrees(parse.tag) for parse in analyzer.parse(first)
    )


def _stance(lang, verb, claim):
    if lang.called and re.search(lang.called, verb or "", re.IGNORECASE):
        return "denial"  # only "назвал … фейком" reaches here with that verb
    if re.search(lang.denying, verb or "", re.IGNORECASE) and not re.match(
        r"(?i:не)\s", verb or ""
    ):
        return "denial"  # (not "не отрицают, что …": what they do not deny, they admit)
    if lang.denying_claim and re.search(lang.denying_claim, claim, re.IGNORECASE):
        return "denial"
    if re.search(lang.accusing, verb or "", re.IGNORECASE):
        return "accusation"
    return stances.guess(claim)


_TOLD_THIS = (
    r"(?:он|она|они|він|вона|вони)\s+(?:\S+\s+)?(?:заяви|сказа|сообщи|повідоми|розпові|"
    r"рассказа)\w*\s+(?:это|об этом|про це|це)\b"
)


_CONFIRMING = (
    r"подтверди(?:л|ла|ло|ли)|подтвержда(?:ет|ют)|підтверди(?:в|ла|ло|ли)|підтверджу(?:є|ють)"
)
# "эту информацию", "такие данные", "цю інформацію": what was said before, pointed back to
_THIS_INFORMATION_WORDS = (
    r"(?:эт[уио]|эти|данн\w+|так\w+|цю|ці|таку|такі)\s+(?:информаци|інформаці|сведени|"
    r"відомост|данн|дані|новост|новин|сообщени|повідомленн|слух|чутк|верси|версі)\w*"
)
_THIS_INFORMATION = re.compile(rf"(?i)(?<!\w){_THIS_INFORMATION_WORDS}")
# Nouns of events that a report of two words names ("о смерти артиста", "про загибель бійця")
_EVENT = re.compile(
    r"(?i)(?:смерт|гибел|загибел|задержани|затриманн|арест|ареште|отставк|відставк|похищени|"
    r"викраденн|убийств|вбивств|ранени|поранен|взрыв|вибух|нападени|напад|обстрел|обстріл)\w*\s"
)
_ESTIMATING = r"оцени(?:л|ла|ло|ли)|оценива(?:ет|ют|л|ла|ли)|оціни(?:в|ла|ло|ли)|оціню(?:є|ють)"


def _estimator(speaker, lang) -> bool:
    """Whether who "оценил … в 90 млрд" is someone putting a figure on it (Forbes, a named
    person, "аукционеры"), not an object before an impersonal verb ("проект оценили в …")
    or an institution setting its own price ("Поліція оцінила свої послуги у …")."""
    words = speaker.split()
    if not words or names_person(speaker, lang) or re.match(r"[«\"“]?[A-Z]", words[0]):
        return True
    if any(word[:1].isupper() for word in words[1:]):
        return True
    analyzer = morphology(lang.code)
    return any(
        p.tag.POS == "NOUN" and "anim" in p.tag and p.is_known
        for word in words
        for p in analyzer.parse(word.strip(',.«»"“”()'))[:2]
    )


_POINTING_BACK = r"эт\w*|ц[еюіь]\w*|так\w*|данн\w*|сво\w*|информаци\w*|інформаці\w*"


def _told_about(match, lang) -> bool:
    """Whether the frame's claim is what "о/про" names after the verb ("сообщил о смерти
    артиста"), not a clause of its own."""
    return bool(lang.about_object) and bool(
        re.search(rf"(?:^|\s)(?i:{lang.about_object})\s+$", match.string[: match.start("claim")])
    )


def _fewest_words(match, lang) -> int:
    """The fewest words a frame's statement may have: MIN_CLAIM_WORDS, but three where the
    frame leaves no doubt that a statement follows: what is confirmed ("подтвердил гибель
    мирных жителей") and what follows "заявил, что" ("…, что покидает занимаемую должность")."""
    if lang.code not in ("ru", "uk") or "claim" not in match.re.groupindex:
        return MIN_CLAIM_WORDS
    if "guilt" in match.re.groupindex:
        return 2  # "вину отрицал": the denial of a charge, in two words
    if re.fullmatch(_CONFIRMING, match.groupdict().get("verb") or "", re.IGNORECASE):
        return 3
    before = match.string[: match.start("claim")]
    called = lang.called and re.match(lang.called, match.groupdict().get("verb") or "", re.I)
    if (
        not called  # "назвало сообщения об обстреле Гянджи фейком": the frame of "called"
        and _told_about(match, lang)
        and _EVENT.match(match.group("claim"))
    ):
        return 2  # "сообщил о смерти артиста": an event and whose it is

    named_at = match.start("speaker") if "speaker" in match.re.groupindex else len(before)
    verb = match.groupdict().get("verb") or ""
    if named_at < len(before) and re.search(
        rf"(?:{lang.verbs}),\s*(?:что|що)\s*$", before, re.IGNORECASE
    ):
        # "…объявила, что застрелили преступника" (but "Щодо компаній зазначено, що …": no
        # one says it, in two words)
        return 3 if _IMPERSONAL.search(verb) else 2
    if named_at >= len(before) or not re.search(r"(?:л|ла|ло|ли|ет|ют)$", verb):
        return MIN_CLAIM_WORDS  # (not "отрицательный результат": no verb of denying)
    if re.fullmatch(lang.accusing, verb, re.IGNORECASE):
        return 3  # "Баку обвинил Ереван в обстреле": whom, and what of
    if re.fullmatch(lang.denying, verb, re.IGNORECASE) and not re.match(
        rf"(?i:{_POINTING_BACK})\b", match.group("claim")
    ):
        # "Пенья Ньето отрицал получение взяток": what is denied, a noun (not "опроверг эту
        # информацию", which points back, nor "свою винуватість", a plea)
        return 2
    return MIN_CLAIM_WORDS


def _converb_then(rest, lang):
    """ "добавив, что операцию начали около 21:00" after a statement and its speaker: the
    match of the converb and its "что", or None."""
    if not lang.converbs:
        return None
    # (… or a second verb of the speaker's: "— говорит он и отмечает, что …")
    return re.match(
        rf"(?:(?:и|а|і|й|та)\s+(?:{lang.verbs})|{lang.converbs}),?\s+(?:{lang.that})\b[\s,]*",
        rest,
        re.IGNORECASE,
    )


def _added_then(sentence, match, statement, lang) -> Statement | None:
    """What the statement's speaker added after the aside that named them ("Шекатт убит в
    перестрелке, сообщили правоохранители, добавив, что операцию начали в 21:00"), or None."""
    rest = match.groupdict().get("rest")
    then = _converb_then(rest, lang) if rest else None
    if not then:
        return None
    claim = _clean_claim(rest[then.end() :])
    if len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    start = sentence.start + match.start("rest") + rest.find(claim, then.end())
    stance = _stance(lang, rest.split(",")[0].split()[-1], claim)
    return Statement(claim, statement.speaker, start, start + len(claim), stance)


def _who_confirmed(claim, lang) -> bool:
    """Whether what "подтвердил" is followed by names who confirmed, not what was confirmed:
    "…подтвердил новый министр Джереми Хант", "…подтвердил сам Хант, который в интервью уже
    сообщил, что …" (what he said there another frame reads)."""
    if re.search(
        rf",\s+(?:{_RELATIVE_WORD}|котр\w*|як(?:ий|а|і))\s[^,]*\b(?:{lang.verbs})\s*,\s*(?:что|що)\s",
        claim,
        re.IGNORECASE,
    ):
        return True
    words = claim.split()
    return bool(re.match(r"(?i:сам|сама|сами)\s", claim)) or (
        len(words) <= 6
        and names_person(claim, lang)
        and not any(part_of_speech(w, lang) in {"VERB", "INFN", "PRTS"} for w in words)
    )


def _describing_the_source(claim, source, case, lang) -> int:
    """How many characters at the claim's start describe the frame's source rather than
    say anything: "По данным исследования, проведенного по поручению Сената, …", "По
    данным источников, знакомых с ситуацией, …": a participle (or an adjective with its
    preposition) in the source's case and number, up to a comma. Not "По словам Иванова,
    пострадавшие …" (another case) nor "По данным Минздрава, заболевших стало больше, …"
    (another number): the claim's own subject."""
    described = re.match(r"([\w-]+)(\s+[\w-]+)?[^,\n]{0,120}?,\s+(?=\S)", claim)
    words = source.split()
    if not described or not words or len(claim[described.end() :].split()) < MIN_CLAIM_WORDS:
        return 0
    analyzer = morphology(lang.code)
    numbers = {p.tag.number for p in analyzer.parse(words[0])[:3] if case in p.tag}
    follows = (described[2] or "").strip().lower()
    if any(
        case in p.tag
        and p.tag.number in numbers
        and (p.tag.POS == "PRTF" or (p.tag.POS == "ADJF" and follows in _PREPOSITIONS))
        for p in analyzer.parse(described[1].lower())[:3]
    ):
        return described.end()
    return 0


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
    rest = match.groupdict().get("rest")
    if rest and re.match(rf"(?:{lang.verbs})\s", rest, re.IGNORECASE):
        rest = None  # "…, считает Меркель, пишут «Ведомости»": who passed it on, not the claim
    if rest and _converb_then(rest, lang):
        rest = None  # "…, сообщили правоохранители, добавив, что …": a second statement
    if rest:  # around the aside: the span is both parts
        if _describes_speaker(rest, lang, match.group("speaker")):
            return None  # "…, говорит источник, близкий к делегации": no aside, a speaker
        claim = _clean_claim(f"{claim} {rest}")
        end = sentence.start + match.end("rest")
    frame = match.groupdict().get("frame") or ""
    declined = lang.genitive_frames and re.fullmatch(lang.genitive_frames, frame, re.IGNORECASE)
    after = match.start("speaker") > match.start(claim_group)
    raw_speaker = match.group("speaker")
    case = (
        "gent"
        if declined or "genitive" in match.re.groupindex
        else "datv"
        if "dative" in match.re.groupindex
        else None
    )
    speaker = _clean_speaker(raw_speaker, lang, case, after=after)
    if frame and not after and case and lang.code in ("ru", "uk"):
        described = _describing_the_source(claim, raw_speaker, case, lang)
        start, claim = start + described, claim[described:]
    if frame and lang.code in ("ru", "uk") and re.match(r"(?i:про|о|об|щодо)\s", speaker):
        # "Згідно з довідкою про наявність обладнання, …": the document the frame names is
        # the speaker, with what it is about
        noun = next(
            (p for p in morphology(lang.code).parse(frame.split()[-1]) if p.tag.POS == "NOUN"),
            None,
        )
        speaker = f"{noun.normal_form} {speaker}" if noun else speaker
    if match.start("speaker") < match.start(claim_group):
        raw_speaker = sentence.text[: match.end("speaker")]
    if _quotation_marks(raw_speaker)[0] >= 0 or raw_speaker.count('"') % 2:
        return None  # "«Я единственный кандидат, который говорит, что …": inside a quotation
    if not after and re.search(rf"[»”\"]\s*,?\s*{DASH}(?:\s|$)", raw_speaker):
        # "«…», — говорит он в беседе с Jyllands-Posten и отмечает, что …": the quotation's
        # speaker is named after it; this verb is his second
        return None
    if lang.code in ("ru", "uk") and re.search(r"(?:^|\s)(?:не|ні)$", match.group("speaker")):
        return None  # "Стороны не уточняют, в какой пропорции …": nothing was said
    if declined and lang.code in ("ru", "uk") and len(speaker.split()) > 8:
        # "По данным следствия 3 февраля … Пётр Завьялов, находясь …": no comma after the
        # source, which is the few words in the genitive after the frame
        source = _genitive_run(match.group("speaker"), lang)
        if source:
            speaker = _clean_speaker(source, lang, "gent")
            start = sentence.start + match.start("speaker") + len(source)
            start += len(sentence.text[start - sentence.start :]) - len(
                sentence.text[start - sentence.start :].lstrip()
            )
            claim = _clean_claim(sentence.text[start - sentence.start : end - sentence.start])
    # "Selon les services de renseignement, …": a frame names a source, capitals or not.
    named_by_frame = (
        bool(frame) and 0 < len(speaker.split()) <= 8 and not _ONLY_WHEN.fullmatch(speaker)
    )
    # "Натомість повідомили, що …": no speaker but a connective; the last one speaks again
    # (but "Ранее сообщалось, что …" is said by no one)
    unnamed = (
        not speaker
        and bool(match.group("speaker").strip(" ,") or match.groupdict().get("frame"))
        and (
            not _IMPERSONAL.search(match.groupdict().get("verb") or "")
            # ("В более позднем сообщении говорилось": the last source's)
            or bool(_A_LATER_MESSAGE.search(match.group("speaker").strip()))
        )
    )
    # "…Потім приїхали пожежники», – сказав він.": the end of a longer quotation, which
    # find_statements reads back to its beginning
    ends_quotation = _quotation_marks(sentence.text)[1]
    verb = match.groupdict().get("verb") or ""
    if (len(claim.split()) < _fewest_words(match, lang) and not ends_quotation) or not (
        named_by_frame or unnamed or _plausible_speaker(speaker, lang, after)
    ):
        return None
    if "bare" in match.re.groupindex and not _names_someone(speaker, lang):
        return None  # "Who: «what»" with no verb: only a name or a short title will do
    if (
        _told_about(match, lang)
        and (plans := _PLANS.match(match.group("claim")))
        # (but "рассказал о планах закрыть рынок": what is planned is a claim)
        and part_of_speech((match.group("claim")[plans.end() :].split() or [""])[0], lang) != "INFN"
    ):
        return None  # "рассказал о своих планах", "заявил о необходимости …": no claim told
    if (
        re.match(r"(?i:призна|визна)", verb)
        and re.match(r"(?i:виновн|невиновн|винн|невинн)", claim)
        and not re.search(r"(?i)(?:что|що)\s*$", match.string[: match.start("claim")])
    ):
        return None  # "когда ее признали виновной в …": a verdict, not a statement
    if (
        after
        and "verb" in match.re.groupindex
        and match.start("verb") >= 0
        and re.search(
            r"(?i)(?:узна|зна|спраш|спроси|выясн|поня|интересн|неизвестн|дізна|питає|запита|"
            r"з'ясу|зрозумі|цікав|невідом)\w*,\s*(?:что|кто|як|що|хто)\s*$",
            match.string[: match.start("verb")],
        )
    ):
        # "Мы узнаем, что думает американский народ": a question, not a report (but "…
        # виявився їхнім родичем, що підтвердив брат": what the brother confirmed)
        return None
    if "bare" in match.re.groupindex and _closing_mark(match.group("claim")) >= 0:
        # "Его музыка звучала в фильмах: «Сияние» Стэнли Кубрика, «Катынь» …": titles in
        # marks, a list; not one quotation that goes to the sentence's end
        return None
    if re.fullmatch(_ESTIMATING, verb, re.IGNORECASE) and not _estimator(speaker, lang):
        return None
    if re.fullmatch(_CONFIRMING, verb, re.IGNORECASE) and _who_confirmed(claim, lang):
        return None  # "Мнение Пушкова подтвердил новый министр Джереми Хант": who confirmed
    if re.fullmatch(_CONFIRMING, verb, re.IGNORECASE) and _THIS_INFORMATION.search(speaker):
        return None  # "Позднее эту информацию подтвердил директор": _confirming_this's
    if (
        lang.code in ("ru", "uk")
        and not after
        and re.search(r"(?:ется|ится|ются|ятся|ється|иться)$", verb)
        and not re.match(r"(?:не\s+)?сомнева", verb)  # "Эксперт не сомневается, что …"
        and not re.search(r"(?i)(?:^|\s)(?:в|во|у|на|из|із|з)\s", match.group("speaker"))
    ):
        return None  # "Обвинений предъявлено не было и утверждается, что …": said by no one
    if lang.code in ("ru", "uk") and _THIS_INFORMATION.match(speaker):
        return None  # "Канал, подконтрольный Каддафи, опровергает эти сообщения": what, not who
    if (
        not after
        and verb
        and not re.match(r"(?i)(?:в|во|у|на)\s", match.group("speaker").strip())
        and _one_thing_they_did(speaker, verb, lang)
    ):
        return None  # "Тело жертвы обнаружили в спальне и считают, что …": not who says it
    if (
        lang.code in ("ru", "uk")
        and after
        and re.fullmatch(lang.accusing, verb, re.IGNORECASE)
        and re.match(r"(?i)(?:в|во|у)\s", match.group("speaker").strip())
    ):
        return None  # "…, обвиняют в хищении данных": of what, not who
    if (
        lang.code in ("ru", "uk")
        and re.fullmatch(lang.accusing, verb, re.IGNORECASE)
        and speaker.split()[0].lower() not in _PREPOSITIONS | _PLACE_PREPOSITIONS  # "на Западе"
        and not _may_be_nominative(speaker.split()[:2], lang)
    ):
        return None  # "26-летнего программиста обвиняли в …": whom they accused, not who
    if re.match(r"цитиру|цитую|приводит|процитирова", verb, re.IGNORECASE):
        speaker = _quoted_person(speaker, lang)
    elif re.match(r"переда", verb, re.IGNORECASE) and re.match(r"(?i)слова\s", speaker):
        # "«…», — передает слова судьи издание": the judge's words, passed on
        speaker = nominative(speaker.split()[1], lang.code, "gent")
    return Statement(claim, speaker, start, end, _stance(lang, verb, claim))


_SAID_AT_THE_END = (
    r"сказа(?:л|ла|ли)|заяви(?:л|ла|ли)|сообщи(?:л|ла|ли)|отмети(?:л|ла|ли)|подчеркну(?:л|ла|ли)|"
    r"сказа(?:в|ла|ли)|заяви(?:в|ла|ли)|повідоми(?:в|ла|ли)|зазначи(?:в|ла|ли)"
)


def _said_at_the_end(sentence, statement, lang) -> Statement | None:
    """ "Финляндия не исключает, что вступит в альянс, хотя такого намерения нет, сказал
    президент Саули Ниинистё": a person named at the end with a verb of saying says all the
    words before, the frame at the start among them (Russian, Ukrainian)."""
    if lang.code not in ("ru", "uk"):
        return None
    end = re.search(
        rf",\s*(?P<verb>{_SAID_AT_THE_END})\s+(?P<speaker>[^,\n«»\"]{{2,120}}?)[\s.!?…]*$",
        sentence.text,
    )
    if not end or end.start() <= statement.start - sentence.start:
        return None  # the statement is not what comes before it
    speaker = _clean_speaker(end["speaker"], lang, after=True)
    if not speaker or speaker == statement.speaker or not names_person(speaker, lang):
        return None
    claim = _clean_claim(sentence.text[: end.start()])
    if len(claim.split()) < MIN_CLAIM_WORDS or _quotation_marks(claim)[0] >= 0:
        return None
    start = sentence.start + sentence.text.find(claim)
    return Statement(claim, speaker, start, start + len(claim), _stance(lang, end["verb"], claim))


@cache
def _opening_source(code):
    """ "По словам X, …" at the sentence's start (Russian and Ukrainian)."""
    lang = LANGUAGES[code]
    if code not in ("ru", "uk") or not lang.according_before:
        return None
    return re.compile(
        rf"^{_opening(lang)}(?P<frame>(?i:{lang.according_before}))\s+"
        rf"(?P<speaker>[^\n]{{2,{MAX_SPEAKER_CHARS}}}?),\s*(?P<claim>.+?)[\s.!?…]*$",
        re.DOTALL,
    )


def _source_first(sentence, framed, lang):
    """A sentence that opens with its source ("По словам Вуяновича, Черногория согласилась,
    потому что считает, что …") is that source's, though a verb of saying follows deep in
    it; unless the verb follows its subject at once ("Согласно сообщению БелТА, судья
    заявила, что …": the agency reports what the judge said). (statement, match) or None."""
    opening = _opening_source(lang.code)
    source = opening.match(sentence.text) if opening else None
    if source is None or framed.re is opening or "frame" in framed.re.groupindex:
        return None
    if re.match(
        rf"[^,\n]{{2,80}}?\s+(?:(?:{lang.adverbs})\s+)?(?:{lang.verbs}|{lang.denying}|"
        rf"{lang.accusing})\b",
        source["claim"],
        re.IGNORECASE,
    ):
        return None
    # (nor when where and when, with a participle's clause about it, stand between: "По
    # сообщению Dawn, в ходе митинга, собравшего …, Фазлур Рехман заявил, что …")
    verb = re.search(
        rf"\s(?:(?:{lang.adverbs})\s+)?(?:{lang.verbs}|{lang.denying}|{lang.accusing})\b",
        source["claim"],
        re.IGNORECASE,
    )
    if (
        verb
        and _after_participle_aside(source["claim"][: verb.start()], lang)
        != source["claim"][: verb.start()]
    ):
        return None
    statement = _statement(sentence, source, lang)
    if statement is None:
        return None
    # "…, пишет РИА Новости": the outlet that carried it, not the source's words
    carried = re.search(
        rf",\s*(?:{lang.passing_on})\s+[^,\n]{{2,80}}?$", statement.text, re.IGNORECASE
    )
    if carried and len(statement.text[: carried.start()].split()) >= MIN_CLAIM_WORDS:
        statement.text = statement.text[: carried.start()]
        statement.end = statement.start + len(statement.text)
    return statement, source


def _by_genitive_frame(sentence, lang) -> Statement | None:
    """ "По словам врачей Ричард Бах находился в тяжёлом состоянии", "По данным изданий
    39-летний уроженец …": no comma after the source, which is the words in the genitive
    after the frame (a name in Latin letters or quotation marks counts)."""
    if lang.code not in ("ru", "uk") or not lang.genitive_frames:
        return None
    frame = re.match(
        rf"^{_opening(lang)}(?i:{lang.genitive_frames})\s+(?P<rest>[^\n]+)$", sentence.text
    )
    source = _genitive_run(frame["rest"], lang) if frame else ""
    if not source:
        return None
    rest = frame["rest"]
    claim = _clean_claim(rest[len(source) :])
    speaker = _clean_speaker(source, lang, "gent")
    if len(claim.split()) < MIN_CLAIM_WORDS or not speaker or _ONLY_WHEN.fullmatch(speaker):
        return None
    start = sentence.start + frame.start("rest") + rest.find(claim, len(source))
    return Statement(claim, speaker, start, start + len(claim), _stance(lang, "", claim))


def _fronted_accusation(sentence, lang) -> Statement | None:
    """ "В отравлении Скрипалей Лондон обвинил россиян": what of first, then who accused
    whom. The speaker is the first words before the verb that can be a subject (in the
    nominative, after the phrase in "в"); the claim, the sentence up to whom it accuses."""
    if lang.code not in ("ru", "uk"):
        return None
    frame = re.match(
        rf"^(?P<lead>(?:В|Во|У)\s+[^,\n«»\"]{{3,120}}?)\s+(?P<verb>{lang.accusing})\s+"
        rf"(?P<whom>[^,.;:\n«»\"]{{2,80}})",
        sentence.text,
    )
    if not frame:
        return None
    words = frame["lead"].split()
    at = _where_the_subject_opens(
        words,
        lang,
        lambda word, parses: word[:1].isupper() and any("nomn" in p.tag for p in parses),
    )
    if at is None:
        return None
    speaker = _clean_speaker(" ".join(words[at:]), lang)
    if not _plausible_speaker(speaker, lang) or not _may_be_nominative(speaker.split(), lang):
        return None
    claim = _clean_claim(sentence.text[: frame.end("whom")])
    start = sentence.start + sentence.text.find(claim)
    return Statement(claim, speaker, start, start + len(claim), "accusation")


_RELATIVE_SAID = re.compile(
    r"(?P<before>[^,\n]+?)\s*,\s+(?:который|которая|которое|которые),?\s+"
    r"(?:(?P<frame>по (?:словам|данным|заявлени(?:ю|ям)|утверждени(?:ю|ям)|информации|версии|"
    r"мнению))|как (?:утвержда|заявля|заяви|сообща|сообщи|счита)\w*)\s+"
    r"(?P<speaker>[^,\n]{2,60}?),?\s+(?P<claim>[^,.;:\n]{8,}?)(?=[,.;:]|$)"
)


def _said_of_what_the_clause_is_about(sentence, lang) -> Statement | None:
    """ "…был сбит бомбардировщик Су-24, который по заявлениям Анкары нарушил ее воздушное
    пространство": what the speaker says of the thing the clause is about."""
    said = _RELATIVE_SAID.search(sentence.text)
    if not said:
        return None
    words = said["before"].split()
    about = words[-1]
    if len(words) >= 2 and re.search(r"[A-ZА-ЯЁ\d]", about) and words[-2].islower():
        about = f"{words[-2]} {about}"  # "бомбардировщик Су-24"
    speaker = _clean_speaker(said["speaker"], lang, "gent" if said["frame"] else None)
    claim = _clean_claim(f"{about} {said['claim']}")
    if len(claim.split()) < MIN_CLAIM_WORDS or not _plausible_speaker(speaker, lang):
        return None
    start, end = sentence.start + said.start("claim"), sentence.start + said.end("claim")
    return Statement(claim, speaker, start, end, _stance(lang, "", claim))


# "Попередній аналіз показує, що …", "Испытания показали, что …": a study, a poll or
# figures as the source of what they show
_SHOWN_BY_A_STUDY = re.compile(
    r"^(?P<speaker>(?:[^,«»\"\n]{0,60}?\s)?(?i:аналіз|опитуванн|дослідженн|випробуванн|"
    r"результат|статистик|анализ|опрос|соцопрос|исследовани|испытани)\w*"
    r"(?:\s[^«»\"\n]{0,100}?)?)\s+(?P<verb>показу(?:є|ють)|показа(?:в|ла|ло|ли)|"
    r"показыва(?:ет|ют)|показа(?:л|ла|ло|ли))\s*,?\s+(?:що|что)\s+(?P<claim>.+?)[\s.!?…]*$",
    re.DOTALL,
)


def _shown_by_a_study(sentence, lang) -> Statement | None:
    """What a study, a poll or a trial showed, with it as the speaker (Russian, Ukrainian)."""
    if lang.code not in ("ru", "uk"):
        return None
    shown = _SHOWN_BY_A_STUDY.match(sentence.text)
    if not shown:
        return None
    speaker = _clean_speaker(shown["speaker"], lang)
    claim = _clean_claim(shown["claim"])
    if not speaker or len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    start = sentence.start + shown.start("claim") + shown["claim"].find(claim)
    return Statement(claim, speaker, start, start + len(claim), _stance(lang, "", claim))


def _considers(sentence, lang) -> Statement | None:
    """ "Клуб считает решение тренера ошибочным": what the speaker holds something to be, a
    judgement with no "что" (Russian; the judgement ends in the instrumental)."""
    if lang.code != "ru":
        return None
    found = re.match(
        rf"^{_opening(lang)}(?P<speaker>[^,\n]{{2,80}}?)\s+(?:(?:{lang.adverbs})\s+)?"
        r"(?P<verb>счита(?:ет|ют|л|ла|ли))\s+(?P<claim>[^,.:;!?\n«»]{5,200}?)"
        r"(?:,\s*(?:но|однако|а)\s[^\n]*)?[\s.!?…]*$",
        sentence.text,
    )
    if not found or re.match(
        r"(?i:что|это|так|себя|свою|свои|своим|нужным|необходимым)\b", found["claim"]
    ):
        return None
    claim = found["claim"]
    words = claim.split()
    last = morphology("ru").parse(words[-1].strip('"»'))
    first = morphology("ru").parse(words[0])
    judged_first = (
        len(words) >= 3
        and first
        and {"ablt"} <= first[0].tag.grammemes
        and first[0].tag.POS in ("ADJF", "NOUN")
    )
    if judged_first:
        # "Авторы считают аномалией прежний курс США … и приветствуют …": the judgement
        # first, then what it judges, up to the speaker's next verb
        claim = re.split(r"\s+и\s+(?=[а-яё]+(?:ет|ют|ит|ят)\b)", claim)[0]
        words = claim.split()
    elif len(words) < 2 or not last or not {"ablt"} <= last[0].tag.grammemes:
        return None  # "считает себя", "считает нужным": not a judgement of something
    elif last[0].tag.POS not in ("ADJF", "NOUN", "PRTF"):
        return None
    speaker = _clean_speaker(found["speaker"], lang)
    if not _plausible_speaker(speaker, lang) or _one_thing_they_did(speaker, found["verb"], lang):
        return None
    start = sentence.start + found.start("claim")
    return Statement(claim, speaker, start, start + len(claim), stances.guess(claim))


def _where_the_subject_opens(words, lang, is_subject) -> int | None:
    """Where in a sentence's opening words, after the phrase that says what of, its subject
    begins: the first word from the third on that `is_subject(word, parses)` accepts."""
    analyzer = morphology(lang.code)
    for at in range(2, len(words)):
        parses = analyzer.parse(words[at].strip(',.«»"“”()'))[:3]
        if parses and is_subject(words[at], parses):
            return at
    return None


def _fronted_about(sentence, lang) -> Statement | None:
    """ "Об отставке правительства премьер-министр Бойко Борисов заявил в парламенте": what
    of first, then who said it, then the verb. The speaker opens at the first word after the
    phrase in "о" that can be a subject (in the nominative, not the prepositional)."""
    if lang.code not in ("ru", "uk"):
        return None
    frame = re.match(
        r"^(?P<lead>(?:Об?|Обо|Про)\s+(?!(?:этом|том|це|цьому|тому)\b)[^,\n«»\"]{3,120}?)\s+"
        r"(?:(?:ещё|еще|уже|ранее|впервые|вперше|раніше)\s+)?"
        r"(?P<verb>(?:сообщи|заяви|рассказа|объяви)(?:л|ла|ло|ли)|(?:повідоми|заяви)(?:в|ла|ли)|"
        r"розповіл(?:а|и)?|розповів)\b",
        sentence.text,
    )
    if not frame:
        return None
    words = frame["lead"].split()
    at = _where_the_subject_opens(
        words,
        lang,
        lambda word, parses: (
            "nomn" in parses[0].tag
            and "loct" not in parses[0].tag
            and (parses[0].tag.POS in ("NOUN", "ADJF", "NPRO") or word[:1].isupper())
        ),
    )
    if at is None:
        return None
    speaker = _clean_speaker(" ".join(words[at:]), lang)
    claim = _clean_claim(" ".join(words[1:at]))
    if not _plausible_speaker(speaker, lang) or len(claim.split()) < 2:
        return None
    if len(claim.split()) < 3 and not _EVENT.match(claim + " "):
        return None  # "О своих планах": what about, not what was said
    start = sentence.start + sentence.text.find(claim)
    return Statement(claim, speaker, start, start + len(claim), _stance(lang, frame["verb"], claim))


def _genitive_run(words, lang) -> str:
    """The first one to four words of `words` when they are in the genitive (or a name in
    Latin letters or quotation marks) and more words follow, else ""."""
    analyzer = morphology(lang.code)
    split = words.split(" ")
    run = []
    for word in split[:4]:
        bare = word.strip(',.«»"“”()')
        latin_or_quoted = word[:1] in '«"“' or bool(re.match(r"[A-Z]", bare))
        whose = bare.lower() in ("его", "её", "ее", "их", "його", "її", "їх")  # "его супруги"
        if not bare or not (
            latin_or_quoted or whose or any("gent" in p.tag for p in analyzer.parse(bare)[:2])
        ):
            break
        run.append(word)
    return " ".join(run) if run and len(run) < len(split) else ""


def _names_someone(speaker, lang) -> bool:
    """Whether a few words before a colon name a speaker ("Песков", "Минобороны Армении",
    "Юрий Любимов"), not a clause ("В тексте закона блогер описан так")."""
    words = speaker.split()
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return False
    if words[0].lower() in _PREPOSITIONS | _PLACE_PREPOSITIONS:
        return False
    if words[0].lower() in _SUBORDINATING | {"как", "як"}:
        return False  # "Когда Москва объявила …: «…»": a clause, not a name
    if len(words) > 5:
        # "Вице-президент Российской академии образования Виктор Болотов": a longer title
        # will do when a person's name ends it
        return names_person(" ".join(words[-2:]), lang) and words[-1][:1].isupper()
    return names_person(speaker, lang) or len(words) <= 3


def _reporting(lang) -> str:
    """Every verb the parse reads as reporting a statement, denials and converbs among them."""
    converbs = f"|{lang.converbs}" if lang.converbs else ""
    # (not an indirect question: "Когда его спросили, сообщал ли он властям, …")
    return rf"(?:{lang.verbs}|{lang.denying}{converbs})(?!\s+ли\b)"


@cache
def _converb_frame(code):
    lang = LANGUAGES[code]
    if not lang.converbs:
        return None
    return re.compile(
        # ("…, заявив ТАСС: Юля — великая спортсменка": whom, then a colon)
        rf"^(?P<main>[^\n]{{2,300}}?),?\s+(?P<verb>{lang.converbs})"
        rf"(?:,?\s*(?:{lang.that})\b|(?:\s+[^\s,:«»]+)?\s*:)[\s,]*"
        r"(?P<claim>[^\n]+?)[\s.!?…]*$",
        re.IGNORECASE,
    )


def _converb_subject(main, lang) -> str:
    """Who "…, заявивши, що …" quotes: the subject of the main clause, before its verb
    ("Еврокомиссия выступала против сделки") or after it ("На його захист виступила
    Нацгвардія"). Read with the morphology dictionaries, without a parse."""
    # "Місто квартир не отримало, а суддя почав судитися, стверджуючи, що": the last clause
    main = re.split(r",\s+(?:а|и|і|но|але|однак|однако|та)\s+", main)[-1]
    main = re.sub(rf"^(?:(?i:{lang.connectives}),?\s+)+", "", main) if lang.connectives else main
    words = main.split()

    def tagged(word, *tags):
        return part_of_speech(word, lang) in tags

    for at, word in enumerate(words):
        if at and tagged(word, "VERB"):
            before = words[:at]
            while before and tagged(before[-1], "ADVB", "PRCL", "CONJ"):
                before = before[:-1]
            if before and before[0].lower() not in _PREPOSITIONS | {"на", "у", "в", "во"}:
                return " ".join(before)
            if (
                len(before) > 1
                and before[0].lower() in {"у", "в", "во"}
                and before[1][:1].isupper()
                and any(p.tag.number == "plur" for p in morphology(lang.code).parse(word)[:1])
            ):
                return " ".join(before)  # "В СК РФ подтвердили эту информацию": the body
            after = words[at + 1 :]  # "На захист проєкту виступило міністерство"
            if after and len(after) <= 6 and after[0].lower() not in _PREPOSITIONS:
                return " ".join(after)
            return ""
    return ""


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
        if (
            speaker
            and speaker != statement.speaker
            and statement.speaker.startswith(speaker)
            and _quotation_marks(speaker)[0] < 0  # not "Газета «Северный вестник" cut short
            and speaker.count('"') % 2 == 0
            # not the name after a clause: 'Пресс-секретарь "Спутника", работающего с 22
            # мая, Дмитрий Чистов'
            and not re.search(
                r",\s+[А-ЯЁІЇЄҐ][\w'’-]+\s+[А-ЯЁІЇЄҐ][\w'’-]+$",
                statement.speaker[len(speaker) :],
            )
            # nor the head noun the parse left off: "Осведомленный в деталях сделки источник
            # «Прайм»" is the source, not the words that describe it
            and not _head_follows(statement.speaker[len(speaker) :], lang)
        ):
            statement.speaker = speaker
        return statement
    pieces = [sentence.text[a:b] for a, b in told.claim]
    claim = _clean_claim(" ".join(pieces))
    if len(claim.split()) < MIN_CLAIM_WORDS or not _plausible_speaker(speaker, lang):
        return None
    if re.match(r"\S+\s+ли\b", claim):
        return None  # "…, сообщал ли он властям, …, Сифуэнтес ответил": the question asked
    if len(told.claim) == 1:
        offset = sentence.text.find(claim, told.claim[0][0])
        start, end = sentence.start + offset, sentence.start + offset + len(claim)
    else:  # around the aside: the span is the sentence's, the text both parts
        start, end = sentence.start + told.claim[0][0], sentence.start + told.claim[-1][1]
    return Statement(claim, speaker, start, end, _stance(lang, told.verb, claim))


def _head_follows(rest, lang) -> bool:
    """Whether the words a parse left off a speaker open with a noun in the nominative."""
    words = rest.split()
    if not words:
        return False
    parses = morphology(lang.code).parse(words[0].strip(',.«»"“”()'))[:2]
    return any(p.tag.POS == "NOUN" and "nomn" in p.tag for p in parses)


def _by_converb(sentence, frame, lang):
    match = frame.match(sentence.text)
    if not match:
        return None
    speaker = _clean_speaker(_converb_subject(match.group("main"), lang), lang)
    claim = _clean_claim(match.group("claim"))
    if len(claim.split()) < MIN_CLAIM_WORDS or not _plausible_speaker(speaker, lang):
        return None
    start = sentence.start + match.start("claim") + match.group("claim").find(claim)
    return Statement(claim, speaker, start, start + len(claim),
                     _stance(lang, match.group("verb"), claim))  # fmt: skip


_PRONOUNS = r"он|она|они|він|вона|вони"
# Some, others, many: people no one names
_SOME = r"некоторые|другие|многие|одни|кое-кто|кто-то|деякі|інші|дехто|хтось"
# a speaker no one can name: one of them, people at large
_UNNAMED_GROUP = r"(?:один|одна|одно|одни|одні)\s+(?:из|з|із)\s+(?:них|нас|тех|тих)|люди"

# A sentence that tells of someone's call or request, its subject first: "Президент США
# Дональд Трамп призвал своих сторонников …"
_APPEALED = re.compile(
    r"^[^,.!?]{2,80}?\s(?:призвал|призвала|призвали|попросил|попросила|попросили|"
    r"потребовал|потребовала|потребовали|закликав|закликала|закликали|попросив|"
    r"вимагав|вимагала|вимагали)\s",
    re.IGNORECASE,
)


def _subject_before(previous, lang) -> str:
    """The subject of the sentence before, when it names one before its verb ("Київський
    апеляційний адмінсуд змінив постанову. Він зазначив, що …")."""
    if lang.code not in ("ru", "uk") or not previous:
        return ""
    sentence = previous[-1].text
    if sentence[:1] in QUOTES:
        return ""  # a quotation's own words: "«Я б провів розслідування…»"
    subject = _clean_speaker(_subject_alone(sentence, lang), lang).strip(" .")
    if subject == sentence.strip(" .") or not (
        subject[:1].isupper() or (len(subject.split()) <= 3 and role_described(subject, lang))
    ):
        return ""  # no verb found, or neither a name nor a role ("актриса")
    persons = {"я", "мы", "ми", "ты", "ти", "вы", "ви"}
    asking = {"зачем", "почему", "как", "что", "кто", "где", "когда", "навіщо", "чому", "як",
              "що", "хто", "де", "коли"}  # fmt: skip
    words = [w.lower() for w in subject.split()]
    if words[0] in persons | asking | _PLACE_PREPOSITIONS or persons & set(words):
        return ""  # "Зачем вы хамите в эфире?": a quotation's words, not a subject
    return subject if _plausible_speaker(subject, lang) and len(subject.split()) <= 8 else ""


_HELD = re.compile(
    r"(?:^|\s)(?:(?:был[аои]?|був|бул[аои])\s+)?(?:задержан[аоы]?|арестован[аоы]?|затриман(?:ий|а|о|і)|"
    r"заарештован(?:ий|а|о|і))\s+(?P<who>(?:\d+-летн\w+\s+|\d+-річн\w+\s+)?[а-яёіїєґ]+"
    r"(?:\s+[а-яёіїєґ]+)??)(?=\s+(?:одного|одной|из|с|со|в|на|з|із|у)\b|[,.;]|$)"
)


_AUTHOR_AGREES = re.compile(
    r"(?i)(?:^|\s)я\s+(?:\w+\s+)?(?:разделяю|согласен|согласна|соглашусь|поддерживаю|"
    r"поділяю|згоден|згодна|підтримую)\b"
)


def _pronoun_stands_for(previous, mentioned, lang, pronoun="") -> str:
    """Whom "он/она" stands for: the person the sentence before names as its subject, the
    subject that acted earlier when that names the same person in full ("лідер фракції
    Петро Шевчук") or when the sentence before names no one, else the sentence before's
    subject ("Київський апеляційний адмінсуд змінив постанову. Він зазначив, що …").
    "Они/вони" is never one person: "Уволенные преподаватели писали письмо президенту
    Владимиру Путину. Они подсчитали, что …" are the teachers."""
    if pronoun.lower() in ("они", "вони"):
        return mentioned or _subject_before(previous, lang)
    if mentioned and not _may_stand_for(pronoun, mentioned, lang):
        mentioned = None
    person = person_named(previous, lang)
    if not person and previous and (held := _HELD.search(previous[-1].text)):
        # "По факту поджога был задержан 27-летний житель села. Он сказал, что …": the one
        # the sentence before says was detained, though it names no one
        return held["who"]
    if person and _AUTHOR_AGREES.search(previous[-1].text):
        # "Я разделяю оценку Дмитрия Тренина. … он пишет": the author's own words, about the
        # person "он" is
        return nominative(person, lang.code, "gent")
    if person and _FIRST_PERSON & set(re.findall(r"\w+", previous[-1].text.lower())):
        # "Этим утром мой друг Джузеппе Торнаторе позвонил": the words of the one quoted,
        # whom "он" next still means
        return mentioned
    if person and mentioned and person.split()[-1][:5] in mentioned:
        return mentioned
    subject = person or mentioned or _subject_before(previous, lang)
    if subject and not person and not _may_stand_for(pronoun, subject, lang):
        # "Видеообращение лидера было опубликовано … — сказал он", "Таким чином вихід
        # Британії з ЄС позначиться … — сказала вона": no thing of another gender (the one
        # who spoke last is, when there is one)
        return ""
    return subject


_GENDER_OF = {"он": "masc", "він": "masc", "она": "femn", "вона": "femn"}


def _may_stand_for(pronoun, subject, lang) -> bool:
    """Whether "он/она" can stand for the subject: a thing's gender must be the pronoun's
    ("видеообращение" is neuter, "вихід" masculine); a person's may not be ("прем'єр-міністр
    … вона")."""
    gender = _GENDER_OF.get(pronoun.lower())
    if not gender:
        return True
    analyzer = morphology(lang.code)
    for pair in re.finditer(r"(?<!\S)([A-ZА-ЯЁІЇЄҐ]\w+)\s+([A-ZА-ЯЁІЇЄҐ]\w+)", subject):
        # (a name and a surname: "Ярмо Мякеля" is a person, not a yoke; but "Мнение Пушкова"
        # is a thing of a person's, a noun and a surname in the genitive)
        thing = analyzer.parse(pair[1])[:2]
        if not (
            thing
            and all(p.is_known and p.tag.POS == "NOUN" and "inan" in p.tag for p in thing)
            and any({"Surn", "gent"} <= p.tag.grammemes for p in analyzer.parse(pair[2])[:3])
        ):
            return True
    for word in subject.split()[:4]:
        parses = [p for p in analyzer.parse(word.strip('«»"“”,'))[:2] if p.tag.POS == "NOUN"]
        head = next((p for p in parses if "nomn" in p.tag), None)
        if head is None:
            continue
        return "anim" in head.tag or "plur" in head.tag or gender in head.tag
    return True


_CITED = re.compile(r"(?:со ссылкой на|ссылаясь на|з посиланням на|посилаючись на)\s+([^.;:«»]+)")


def _cited_before(said_in, lang) -> str:
    """The person the last statement's outlet cited ("сообщает «Медиазона» со ссылкой на
    пресс-секретаря ФБК Киру Ярмыш"): whom "По её словам" next means."""
    cited = _CITED.search(said_in.text)
    if not cited:
        return ""
    return person_named([_Sentence(0, 0, cited.group(1))], lang)


def _pronoun_resolved(speaker, previous, mentioned, lang) -> str:
    """The person a bare "он/она/они" speaker stands for, else the speaker as it is."""
    if re.fullmatch(_PRONOUNS, speaker, re.IGNORECASE):
        return _pronoun_stands_for(previous, mentioned, lang, speaker) or speaker
    return speaker


def _broken_off_inside(text, sentence, previous, lang) -> Statement | None:
    """A quotation opened in an earlier sentence of the paragraph, broken off in this one by
    who says it between dashes: the quotation from its opening mark, less those words."""
    if lang.code not in ("ru", "uk"):
        return None
    author = re.search(
        rf",?\s*{DASH}\s*(?P<verb>{lang.verbs})\s+(?P<speaker>[^,\n«»]{{2,80}}?),\s*{DASH}\s+",
        sentence.text,
    )
    if not author:
        return None
    opened = None
    for before in reversed(previous[-MAX_QUOTED_SENTENCES:]):
        if "\n" in text[before.end : sentence.start]:
            break
        mark, _ = _quotation_marks(before.text)
        if mark >= 0:
            opened = before.start + mark + 1
            break
    if opened is None:
        return None
    speaker = _clean_speaker(author["speaker"], lang, after=True)
    if not _plausible_speaker(speaker, lang, after=True):
        return None
    said = text[opened : sentence.start + author.start()]
    rest = sentence.text[author.end() :]
    claim = _clean_claim(f"{said} {rest}".strip())
    if len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    return Statement(claim, speaker, opened, sentence.end, stances.guess(claim))


def _quotation_goes_on(sentence, last, whole=""):
    """«Китай пытается …» after «Мы находимся …», сказал Джоэл Саймон: a sentence that is
    all quotation, straight after a statement, goes on with the same speaker's words. So does
    a paragraph that is all one quotation of several sentences, with no author's words in it
    (its first sentence here; the statement's quotation goes on to its closing mark)."""
    text = sentence.text
    if not text or _mark(text, 0) not in "«“":  # (a straight mark that opens counts)
        return None
    if _quotation_marks(text) != (-1, False):
        # (… or the rest of the statement's paragraph: "Как поясняет Die Welt, …. «Ведь
        # россияне понимают … . Это может …»")
        goes_on = bool(whole) and "\n" not in whole[last.end : sentence.start]
        if _quotation_marks(text) != (0, False) or not _paragraph_is_quoted(
            whole, sentence, goes_on
        ):
            return None
        end = whole.find("\n", sentence.start)
        paragraph = whole[sentence.start : len(whole) if end < 0 else end]
        claim = _clean_claim(paragraph)
        if len(claim.split()) < MIN_CLAIM_WORDS or len(claim) > MAX_SENTENCE_CHARS:
            return None
        start = sentence.start + paragraph.find(claim)
        return Statement(claim, last.speaker, start, start + len(claim), stances.guess(claim))
    body = text.rstrip(".!?… ")
    if body[-1:] not in "»”" or _quotation_marks(body[:-1])[0] != 0:
        return None  # "«Смерч» обстрелял …": a name in quotes, not a quotation
    claim = _clean_claim(text)
    if len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    start = sentence.start + text.find(claim)
    return Statement(claim, last.speaker, start, start + len(claim), stances.guess(claim))


_AND_MORE = re.compile(
    r"(?i)^(?:и|а|і)\s+(?:ещё|еще|ще|кроме того|крім того|главное|головне)\s*:\s*(?=\S)"
)


def _and_more(sentence, last) -> Statement | None:
    """ "…, — так обосновал свое решение глава Кремля. И еще: Россия будет …": what the
    sentence after a statement adds, opened by "И ещё:", is the same speaker's."""
    more = _AND_MORE.match(sentence.text)
    return _said_on(sentence, more.end(), last) if more else None


def _said_on(sentence, at, last) -> Statement | None:
    """The rest of the sentence from `at`, said on by the last statement's speaker."""
    claim = _clean_claim(sentence.text[at:])
    if len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    start = sentence.start + sentence.text.find(claim, at)
    return Statement(claim, last.speaker, start, start + len(claim), stances.guess(claim))


def _paragraph_is_quoted(text, sentence, mid_paragraph=False) -> bool:
    """Whether the paragraph that opens with this sentence (or, `mid_paragraph`, its rest
    from this sentence) is one quotation: its opening mark closes only at its end, and no
    author's words break it off."""
    if not text:
        return False
    opens = "\n" in text[: sentence.start][-2:] or not text[: sentence.start].strip()
    if not opens and not mid_paragraph:
        return False
    end = text.find("\n", sentence.start)
    paragraph = text[sentence.start : len(text) if end < 0 else end].rstrip(" .!?…")
    # ("(российский парламент, — прим. ред.)": the editor's note in brackets breaks nothing)
    unbracketed = re.sub(r"\([^()\n]*\)", "", paragraph)
    closed = bool(paragraph) and _mark(paragraph, len(paragraph) - 1) in "»”"
    if not closed or _BROKEN_OFF.search(unbracketed) or "\n" in paragraph:
        return False
    opened, closes_earlier = _quotation_marks(paragraph[:-1])
    return opened == 0 and not closes_earlier


# "…пояснил, почему …", "…розповів, як …": the statement is an indirect question
_INDIRECT_QUESTION = re.compile(
    r"(?i)(?:почему|зачем|сколько|откуда|куда|чому|навіщо|скільки|звідки|куди)\b"
)


def _capitalised(text) -> str:
    return text[:1].upper() + text[1:]


def _told_before(text, previous) -> _Sentence:
    """What an "Об этом сообщает X" reports: the sentence before it, and the one before
    that when the last is a short coda to it ("… уклало угоду. Сума склала $2,5 млн.")."""
    first = last = previous[-1]
    for earlier in reversed(previous[-3:-1]):  # "у м." / "Рівне, вул." / "Київська, 94."
        if len(text[first.start : last.end].split()) >= SHORT_SENTENCE_WORDS:
            break
        if "\n\n" in text[earlier.end : first.start]:
            break  # not back over a paragraph (a headline above the lead)
        first = earlier
    return _Sentence(first.start, last.end, text[first.start : last.end])


def _mark(text, at) -> str:
    """The quotation mark at `at`, a straight one read as opening or closing: it opens before
    a word and after none ('"Газопровод …', 'санкций,"Северный поток-2" убивает'), else it
    closes."""
    mark = text[at]
    if mark != '"':
        return mark
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    return "“" if after[:1].isalnum() and not before[:1].isalnum() else "”"


def _closing_mark(text) -> int:
    """Where `text` closes a quotation it did not open, or -1."""
    opened = 0
    for at in range(len(text)):
        mark = _mark(text, at)
        if mark in "«“":
            opened += 1
        elif mark in "»”":
            if not opened:
                return at
            opened -= 1
    return -1


def _quotation_marks(text) -> tuple[int, bool]:
    """(where the outermost quotation that `text` opens and does not close begins, or -1;
    whether it closes one it did not open). «Власником «Промтехбуд» є … «Ассоль» …: the
    first mark, not the last."""
    opened, closes_earlier = [], False
    for at in range(len(text)):
        mark = _mark(text, at)
        if mark in "«“":
            opened.append(at)
        elif mark in "»”":
            if opened:
                opened.pop()
            else:
                closes_earlier = True
    return (opened[0] if opened else -1), closes_earlier


def _whole_quotation(text, statement, previous, lang):
    """A quotation of several sentences closed in the statement's sentence ("«Я б провів
    розслідування. Вони навіть не будують…», – сказав він."): the statement is all of it,
    from its opening mark, when that is among the last few sentences."""
    if lang.code not in ("ru", "uk"):
        return  # the other languages' splitter keeps a quotation in one sentence
    # a straight mark closing here that did not open here
    straight = (
        text[statement.end : statement.end + 1] == '"'
        and text[statement.start - 1 : statement.start] != '"'
        and not text[statement.start : statement.end].count('"') % 2
    )
    # "…реструктуризация НАК «Нафтогаз Украины», — цитирует …": one mark closing two
    merged = statement.text.endswith("»") and _CLOSED_BEFORE_DASH.match(
        text, statement.start + len(statement.text) - 1
    )
    if (
        not straight
        and not merged
        and not _quotation_marks(text[statement.start : statement.end + 2])[1]
    ):
        return  # no quotation closed here that opened before
    for sentence in reversed(previous[-MAX_QUOTED_SENTENCES:]):
        if straight:
            # '"Наши спонсоры … Типичный жертвователь - это женщина", - сообщил он': the
            # sentence whose straight mark is left open
            opened = sentence.text.count('"') % 2 == 1
            mark, closes_earlier = (sentence.text.find('"') if opened else -1), False
        else:
            mark, closes_earlier = _quotation_marks(sentence.text)
        if mark >= 0:
            start = sentence.start + mark + 1
            if statement.end - start <= MAX_SENTENCE_CHARS:
                statement.text = _clean_claim(text[start : statement.end])
                statement.start = start
            return
        if closes_earlier:
            return  # a quotation that closed before this one


def _unmarked_quotation(text, statement, sentence, previous, lang):
    """Words quoted with no marks, the speaker after a dash at the end of the paragraph's
    last sentence ("В его песнях весь его образ. Там его видение … — сказала Варвара
    Визбор."): the statement is the paragraph from its start, when nothing before in it was
    said by another or quoted."""
    if lang.code not in ("ru", "uk") or statement.start > sentence.start + 3:
        return
    if not re.match(rf"[\s,]*{DASH}\s", text[statement.end : statement.end + 4]):
        return
    if any(mark in sentence.text for mark in QUOTES):
        return
    start = statement.start
    for before in reversed(previous[-MAX_QUOTED_SENTENCES:]):
        if "\n" in text[before.end : start] or any(mark in before.text for mark in QUOTES):
            break
        start = before.start
    if start < statement.start and statement.end - start <= MAX_SENTENCE_CHARS:
        statement.text = _clean_claim(text[start : statement.end])
        statement.start = start


_CLOSED_BEFORE_DASH = re.compile(rf"[»”\"],?\s*{DASH}\s")
_BROKEN_OFF = re.compile(rf"[,»”\"]\s*{DASH}\s")


# "Who: what", on a headline's line of its own: a short name before the colon
_HEADLINE = re.compile(
    r"^(?P<bare>)(?P<speaker>[А-ЯЁІЇЄҐA-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,3}):\s+(?P<claim>[^\n]+?)"
    r"[\s.!?…]*$"
)


class _Quoting:
    """Whether a sentence lies inside a quotation that an earlier sentence opened («…» or
    “…”) and that does not close in it. A quotation ends with its paragraph, and after
    MAX_QUOTED_SENTENCES, whatever its marks say."""

    def __init__(self):
        self.since, self.last_end = 0, 0  # sentences since the quotation opened; 0: none
        self.closed_here = False  # the last sentence closed a quotation an earlier one opened

    def goes_on(self, text, sentence) -> bool:
        inside = self.since > 0 and "\n" not in text[self.last_end : sentence.start]
        self.closed_here = False
        self.last_end = sentence.end
        opened, closes_earlier = _quotation_marks(sentence.text)
        # "…реструктуризация НАК «Нафтогаз Украины», — цитирует …": one mark closing two
        closes_earlier = closes_earlier or bool(_CLOSED_BEFORE_DASH.search(sentence.text))
        if inside and not closes_earlier and self.since < MAX_QUOTED_SENTENCES:
            self.since += 1
            return True
        # "«Пока не будем подписывать, — заявлял Перекопский": a quotation the author's
        # words break off, left open by the marks, is over
        broken_off = opened >= 0 and _BROKEN_OFF.search(sentence.text, opened)
        self.closed_here = inside and closes_earlier
        self.since = 1 if opened >= 0 and not broken_off and not (inside and closes_earlier) else 0
        return False


@cache
def _said_too(code):
    lang = LANGUAGES[code]
    if code not in ("ru", "uk"):
        return None
    joined = r"но|а|и|однако|а также|и также|а потім|а затем|та|проте"
    # "…, но признал, что …", and the converb: "…, подчеркнув, что …"
    return re.compile(
        rf",\s+(?:(?:{joined})\s+(?:(?:{lang.adverbs})\s+)?(?P<verb>{lang.verbs})|"
        rf"(?P<converb>{lang.converbs})),?\s+(?:{lang.that})\b[\s,]*",
        re.IGNORECASE,
    )


_THEN_QUOTED = re.compile(r":\s*[«“\"]")


def _and_said(statement, lang) -> list[Statement]:
    """ "Путин подчеркнул, что решение не должно ущемлять интересы сторон, но признал, что
    компромисс пока не найден": two statements of one speaker, each with its own verb."""
    quoted = _THEN_QUOTED.search(statement.text) if lang.code in ("ru", "uk") else None
    if quoted:
        # "рассказал, что назвали его так случайно: «Мои родители были уверены …»": what he
        # said of it, then his own words
        first = _clean_claim(statement.text[: quoted.start()])
        # ("…, что мир катится в ад, а во второй спрашивает: «…»": the clause that opens
        # the quotation is not what was said first)
        first = re.sub(
            rf",\s+(?:а|и|но|і|та|але)\s+(?:\S+\s+){{0,3}}?(?:{lang.verbs}|спрашива\w*|"
            rf"спроси\w*|пита\w*|запиту\w*)$",
            "",
            first,
            flags=re.IGNORECASE,
        )
        second = _clean_claim(statement.text[quoted.end() :])
        # (what follows "что" may be short: "находится в отчаянии: «Он был …»")
        if len(first.split()) >= 3 and len(second.split()) >= MIN_CLAIM_WORDS:
            at = statement.start + statement.text.find(second, quoted.end())
            return [
                Statement(first, statement.speaker, statement.start,
                          statement.start + len(first), stances.guess(first)),
                Statement(second, statement.speaker, at, at + len(second), stances.guess(second)),
            ]  # fmt: skip
    frame = _said_too(lang.code)
    joined = frame.search(statement.text) if frame else None
    if not joined:
        return [statement]
    first = _clean_claim(statement.text[: joined.start()])
    second = _clean_claim(statement.text[joined.end() :])
    if len(first.split()) < MIN_CLAIM_WORDS or len(second.split()) < MIN_CLAIM_WORDS:
        return [statement]
    at = statement.start + statement.text.find(second, joined.end())
    # a denial read from the whole text may be the second part's; one its verb made stays
    from_text = statement.stance == "denial" and stances.guess(statement.text) == "denial"
    return [
        Statement(first, statement.speaker, statement.start, statement.start + len(first),
                  stances.guess(first) if from_text else statement.stance),
        Statement(second, statement.speaker, at, at + len(second),
                  _stance(lang, joined["verb"] or joined["converb"], second)),
    ]  # fmt: skip


@cache
def _another_says(code):
    """ ", между тем ТАСС утверждает, что": a connective, another source with a capital (the
    pattern ignores case; _and_another_said checks the capital), its verb and "что"."""
    if code not in ("ru", "uk"):
        return None
    lang = LANGUAGES[code]
    return re.compile(
        # (", и Bloomberg пишет, что …": "и" too, before a name of its own)
        r",\s*(?:между тем|тогда как|в то время как|однако|а|но|и|натомість|тоді як|проте|але|"
        r"а от|і|та)\s+(?P<speaker>[А-ЯЁІЇЄҐA-Z«][^,\n«»]{1,60}?)\s+(?:(?:"
        rf"{lang.adverbs})\s+)?(?P<verb>{lang.verbs}|{lang.denying})\s*,?\s*(?:{lang.that})\s+",
        re.IGNORECASE,
    )


def _and_another_said(statement, lang, found, mentioned, previous) -> list[Statement]:
    """ "…рассказали, что поэт получил рану ягодицы, между тем ТАСС утверждает, что у поэта
    ранение живота": a second source, with its own verb, inside the first one's sentence."""
    frame = _another_says(lang.code)
    other = frame.search(statement.text) if frame else None
    if not other or not other["speaker"][:1].isupper() and other["speaker"][:1] != "«":
        return [statement]
    first = _clean_claim(statement.text[: other.start()])
    second = _clean_claim(statement.text[other.end() :])
    speaker = _clean_speaker(other["speaker"], lang)
    if (
        len(first.split()) < MIN_CLAIM_WORDS
        or len(second.split()) < MIN_CLAIM_WORDS
        or not _plausible_speaker(speaker, lang)
    ):
        return [statement]
    at = statement.start + statement.text.find(second, other.end())
    speaker = resolve_speaker(speaker, found, lang, mentioned, previous)
    return [
        Statement(first, statement.speaker, statement.start, statement.start + len(first),
                  stances.guess(first) if statement.stance == "denial" else statement.stance),
        Statement(second, speaker, at, at + len(second), _stance(lang, other["verb"], second)),
    ]  # fmt: skip


_RESUMES = re.compile(rf"{DASH}\s+(?=[^\W\d_])")


def _closes(sentence_text) -> bool:
    return sentence_text.rstrip(".!?… ")[-1:] in ("»", "”", '"')


def _resumes(text, said_in, sentence, last) -> Statement | None:
    """The quotation a statement's sentence left open, resumed after a dash in this one."""
    if said_in is None or "\n" in text[said_in.end : sentence.start]:
        return None
    left_open = said_in.text.count('"') % 2 == 1 or _quotation_marks(said_in.text)[0] >= 0
    resumed = _RESUMES.match(sentence.text)
    if not (left_open and resumed):
        return None
    return _said_on(sentence, resumed.end(), last)


def _quoted_to_the_end(text, statement, sentence) -> bool:
    """Whether the statement is a quotation opened just before it that runs to the end of
    its sentence without closing there."""
    opening = text[: statement.start].rstrip()[-1:]
    if opening not in ("«", "“", '"') or _closes(sentence.text):
        return False
    if statement.end < sentence.end - 2:
        return False
    said = text[statement.start - 1 : sentence.end]
    return said.count('"') % 2 == 1 if opening == '"' else _quotation_marks(said)[0] >= 0


def _resumed_goes_on(text, resumed, sentence) -> Statement | None:
    """The resumed quotation with this sentence in it, while the quotation is open (None
    when a paragraph ended it, or this sentence closes it: then it holds this sentence)."""
    if "\n" in text[resumed.end : sentence.start]:
        return None
    claim = _clean_claim(text[resumed.start : sentence.end])
    resumed.text, resumed.end = claim, resumed.start + len(claim)
    return None if _closes(sentence.text) else resumed


def _reported_within(statement, match, patterns, lang):
    """What an outlet passes on that is itself a report ("Путин обвинил Киев в …, передает
    ИТАР-ТАСС"): the statement is the one reported, its speaker the one who said it."""
    if not re.fullmatch(lang.passing_on, match.groupdict().get("verb") or "", re.IGNORECASE):
        return statement
    said = _Sentence(statement.start, statement.end, _capitalised(statement.text))
    for pattern in patterns:
        inner = pattern.match(said.text)
        if inner and (within := _statement(said, inner, lang)):
            return within
    return statement


def _asks(text, statement) -> bool:
    """Whether the statement is a question ("Зачем вы хамите в эфире?"): it claims nothing."""
    after = text[statement.end : statement.end + 3].lstrip('»”"')
    return statement.text.endswith("?") or after.startswith("?")


@cache
def _announcing(code):
    """Who says what the next paragraph says (Russian, Ukrainian): "«Ведомости»
    распространили следующую информацию:", "Дуров опубликовал следующий текст:"."""
    if code not in ("ru", "uk"):
        return None
    lang = LANGUAGES[code]
    verbs = (
        rf"(?:{lang.verbs}|распространи\w*|опубликова\w*|поширил\w*|поширив|опублікува\w*|"
        r"разместил\w*|розмістил\w*|розмістив)"
    )
    return re.compile(
        rf"^(?P<speaker>[^:\n]{{2,120}}?)\s+{_NOT_A_PRONOUN}{verbs}\s+"
        rf"(?:[^:\n]{{0,80}}?\s)?(?i:следующ|наступн)\w*(?:\s+[^:\n]{{0,40}}?)?\s*:\s*$"
    )


# Up to two words between the speaker and the verb ("… Усик сказал журналистам", "… X
# тоже сообщил"), none of them the pronoun that is the speaker ("Тогда она заявила:").
_NOT_A_PRONOUN = rf"(?:(?!(?:{_PRONOUNS}|оно|воно)\s)[а-яёіїєґ]+\s+){{0,2}}?"


@cache
def _saying_then_colon(code):
    """Who says what the next paragraph says, with no word for "the following" (Russian,
    Ukrainian): "Сразу после боя Александр Усик сказал журналистам:", "В оргкомитете
    сообщили:". Read only when the colon ends its paragraph."""
    if code not in ("ru", "uk"):
        return None
    lang = LANGUAGES[code]
    # (a name in quotation marks may come before: "В интервью «Спорт-Экспрессу» Седов
    # отметил:", but no mark left open)
    words = r"(?:[^:\n«»“”\"]|«[^:\n«»“”\"]{1,60}»|“[^:\n«»“”\"]{1,60}”)"
    return re.compile(
        rf"^(?P<speaker>{words}{{2,120}})\s+{_NOT_A_PRONOUN}(?P<verb>{lang.verbs})"
        rf"(?P<whom>\s+{words}{{0,40}}?)?\s*:\s*$"
    )


@cache
def _confirming_this(code):
    """A speaker confirming or denying what was said before (Russian, Ukrainian):
    "Позже жена поэта Мария Новикова подтвердила эту информацию", "Информацию подтвердил
    представитель семьи", "У міністерстві спростували цю інформацію". The groups are those
    of the "Об этом" frame."""
    if code == "ru":
        verbs = (
            r"подтверди(?:л|ла|ло|ли)|подтвержда(?:ет|ют)|опроверг(?:ла|ло|ли)?|"
            r"опроверга(?:ет|ют)|отверг(?:ла|ло|ли)?|сообщи(?:л|ла|ло|ли)"
        )
        alone = r"(?:эт[уи]\s+)?(?:информацию|сведения)|это"
    elif code == "uk":
        verbs = (
            r"підтверди(?:в|ла|ло|ли)|підтверджу(?:є|ють)|спростува(?:в|ла|ло|ли)|"
            r"спростову(?:є|ють)|заперечи(?:в|ла|ли)|повідоми(?:в|ла|ло|ли)"
        )
        alone = r"(?:цю\s+|ці\s+)?(?:інформацію|відомості)|це"
    else:
        return None
    opening = _opening(LANGUAGES[code])
    return re.compile(
        rf"^{opening}(?:(?i:{alone})\s+(?P<verb1>{verbs})\s+(?P<after>[^\n]+?)|"
        rf"(?P<before>[^\n]+?)\s+(?:также\s+|тоже\s+|також\s+)?(?P<verb2>{verbs})\s+"
        rf"(?:{_THIS_INFORMATION_WORDS})(?P<later>))[\s.!…]*$"
    )


def _ends_paragraph(text, sentence) -> bool:
    """Whether nothing but a line break (or the end of the text) follows the sentence."""
    return re.match(r"[^\S\n]*(?:\n|$)", text[sentence.end :]) is not None


def _addressed(words, lang) -> bool:
    """Whether the words open with whom something was told or how, in the dative or the
    instrumental ("французским СМИ", "журналистам", "письмом"), not with who told it: no
    reading of the first word is a nominative."""
    if lang.code not in ("ru", "uk") or not words.split():
        return False
    parses = morphology(lang.code).parse(words.split()[0].lower())[:3]
    return (
        bool(parses)
        and parses[0].tag.POS in ("NOUN", "ADJF", "NPRO")
        and not any("nomn" in p.tag for p in parses)
        and any("datv" in p.tag or "ablt" in p.tag for p in parses)
    )


def _names_its_speaker(sentence, patterns, lang) -> bool:
    """Whether a frame reads the sentence as the statement of a speaker it names ("Нам
    объявили, что …" names none: it goes on with what was announced)."""
    for pattern in patterns:
        match = pattern.match(sentence.text)
        statement = _statement(sentence, match, lang) if match else None
        if statement is not None and _plausible_speaker(statement.speaker, lang):
            return True
    return False


def _announced(text, sentence, speaker, lang) -> Statement | None:
    """The paragraph after "X распространили следующую информацию:", as X's statement (a
    quotation in it read to its closing mark, else the paragraph to its end)."""
    paragraph_end = text.find("\n", sentence.start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    claim = _clean_claim(text[sentence.start : max(sentence.end, paragraph_end)])
    if len(claim.split()) < MIN_CLAIM_WORDS:
        return None
    start = sentence.start + text[sentence.start :].find(claim)
    statement = Statement(claim, speaker, start, start + len(claim), _stance(lang, "", claim))
    if sentence.text.lstrip()[:1] in QUOTES:
        _whole_quotation(text, statement, [], lang)
    return statement


def find_statements(text, code, start=0, end=None) -> list[Statement]:
    """The attributed statements of text[start:end], written in the language `code`."""
    lang = LANGUAGES[code]
    patterns = _patterns(code)
    about = _about_this(code)
    # previous: the sentences since the last statement, which an "Об этом …" may report
    found, previous, mentioned = [], [], None
    opening = _opening(lang)
    acting = re.compile(
        rf"^{opening}(?P<subject>[^,\n«“\"]{{2,80}}?)\s+(?:(?:{lang.adverbs})\s+)?"
        rf"(?P<verb>{lang.verbs}|{lang.denying}|{lang.accusing})\b"
    )
    read = sentences(text, code, start, end)
    parsed = None
    if code == "ru":  # every sentence the parse will be asked about, parsed together
        verbs = _reporting(lang)
        parsed = russian_syntax.parse_many(
            [s.text for s in read if len(s.text) <= MAX_SENTENCE_CHARS and _has_verb(verbs, s.text)]
        )
    quoting = _Quoting()
    said_in, resumed = None, None  # the last statement's sentence; a quotation it resumes
    resumptions = []  # (a statement, the rest of its quotation after the author's words)
    announcing = _announcing(code)
    announced = None  # who "распространили следующую информацию:" the next paragraph
    announced_by = None  # the statement that paragraph made
    saying_then_colon = _saying_then_colon(code)
    confirming = _confirming_this(code)
    # A headline's statements ("Путин считает brexit победой") are kept apart while the body
    # is read: "по мнению эксперта" in the lead is not the headline's speaker again.
    headline_end = _headline_end(text, read) if code in ("ru", "uk") else -1
    headline_found = None
    for at, sentence in enumerate(read):
        if headline_found is None and sentence.start >= headline_end >= 0:
            headline_found = [f for f in found if f.start < headline_end]
            found = [f for f in found if f.start >= headline_end]
        if len(sentence.text) > MAX_SENTENCE_CHARS:
            previous, announced = [], None
            continue
        if found and sentence.start < found[-1].end and announced_by is found[-1]:
            continue  # inside the paragraph announced
        if announced is not None:
            # the paragraph is the announcer's unless it says who says it
            own = _names_its_speaker(sentence, patterns, lang) or (
                about is not None and about.match(sentence.text)
            )
            statement = None if own else _announced(text, sentence, announced, lang)
            announced = None
            if statement is not None:
                quoting.goes_on(text, sentence)
                found.append(statement)
                announced_by = statement
                previous, mentioned, said_in = [], None, sentence
                continue
        if resumed is not None:
            quoting.goes_on(text, sentence)  # follows the marks all the same
            resumed = _resumed_goes_on(text, resumed, sentence)
            if resumed is not None or _closes(sentence.text):
                said_in = sentence
                continue
        if found and not previous and (resumed := _resumes(text, said_in, sentence, found[-1])):
            # '"Контракт заключен в 1961 году, - пояснил Хоермаер. - Он насчитывает шесть
            # страниц".': the quotation goes on after the author's words, the same speaker's
            found.append(resumed)
            resumptions.append((found[-2], resumed))
            said_in = sentence
            if _closes(sentence.text):
                resumed = None
            continue
        if quoting.goes_on(text, sentence):
            # "«… Президент, собственно, говорил о тех самых переговорах. …», — пояснил
            # Песков": a sentence inside a quotation is the quoted speaker's, not a new report
            # (but "«Всё началось случайно. Я поручил швее, — рассказал Андреа, — сделать 50
            # масок»": the author's words inside it name who speaks it)
            broken = _broken_off_inside(text, sentence, previous, lang)
            if broken is not None:
                broken.speaker = resolve_speaker(broken.speaker, found, lang, mentioned, previous)
                found.append(broken)
                previous, mentioned, said_in = [], None, sentence
                continue
            previous.append(sentence)
            continue
        if _quotation_marks(sentence.text)[1]:  # … and where it closes in this sentence
            broken = _broken_off_inside(text, sentence, previous, lang)
            if broken is not None:
                broken.speaker = resolve_speaker(broken.speaker, found, lang, mentioned, previous)
                found.append(broken)
                previous, mentioned, said_in = [], None, sentence
                continue
        statement = None
        framed = None  # the frame's match, when a frame read the statement
        fewest = MIN_CLAIM_WORDS  # the fewest words its statement may have
        # '"… Германия часто думает, что …", - отметил Чапутович': up to its closing mark the
        # sentence is inside a quotation an earlier one opened; no speaker is named there
        closes_at = _closing_mark(sentence.text) if quoting.closed_here else -1
        for pattern in patterns:
            match = pattern.match(sentence.text)
            if match and 0 <= match.start("speaker") < closes_at:
                continue
            if match:
                statement = _statement(sentence, match, lang)
                if statement:
                    framed = match
                    break
        if statement is not None and (source := _source_first(sentence, framed, lang)):
            statement, framed = source
        if statement is not None and (last := _said_at_the_end(sentence, statement, lang)):
            statement, framed = last, None
        told = None
        if statement is None and announcing:
            told = announcing.match(sentence.text) or (
                saying_then_colon.match(sentence.text)
                if _ends_paragraph(text, sentence)
                and not (about is not None and about.match(sentence.text))
                else None
            )
        if told:
            speaker = _clean_speaker(told.group("speaker"), lang)
            if (
                re.match(r"(?i:цитиру|процитирова)", told.groupdict().get("verb") or "")
                and (told.groupdict().get("whom") or "").strip()
            ):
                # "The Guardian цитирует пресс-службу резиденции:": whom the outlet quotes
                whom = told["whom"].strip()
                speaker = _OBJECT_PRONOUNS.get(whom.lower()) or nominative(whom, lang.code, "accs")
            speaker = _pronoun_resolved(speaker, previous, mentioned, lang)  # "Он сказал:"
            if _plausible_speaker(speaker, lang):
                announced = resolve_speaker(speaker, found, lang, mentioned, previous)
                previous.append(sentence)
                continue
        if statement is None and lang.code in ("ru", "uk") and not text[: sentence.start].strip():
            # the headline "Киев: Россия и Украина пересмотрят газовые соглашения"
            match = _HEADLINE.match(sentence.text)
            # (not "Никакого отвода войск: Путин обманывает Запад": no one, in the genitive)
            if match and not _may_be_nominative(match["speaker"].split(), lang):
                match = None
            statement = _statement(sentence, match, lang) if match else None
        if statement is not None and lang.passing_on:
            # (the frame that read it: "По словам X, …, пишет РИА Новости" is X's)
            statement = _reported_within(statement, framed or match, patterns, lang)
        if statement is None:
            statement = _by_genitive_frame(sentence, lang)
        if statement is None:
            statement = _fronted_accusation(sentence, lang)
        if statement is None:
            statement = _fronted_about(sentence, lang)
            fewest = 2 if statement is not None else fewest  # "Об отставке правительства"
        if statement is None:
            statement = _considers(sentence, lang)
            fewest = 2 if statement is not None else fewest  # "решение ошибочным"
        if statement is None:
            statement = _shown_by_a_study(sentence, lang)
        if statement is None and code == "ru":
            statement = _said_of_what_the_clause_is_about(sentence, lang)
        if code == "ru":
            statement = _by_syntax(sentence, lang, statement, parsed)
        if statement is None and (frame := _converb_frame(code)):
            statement = _by_converb(sentence, frame, lang)
        if (
            statement is not None
            and lang.code == "az"
            and re.fullmatch(
                rf"(?:o|onlar),?\s+.*\s(?:{lang.verbs})", statement.text, re.IGNORECASE | re.DOTALL
            )
        ):
            # "TASS-a istinadən xəbər verir ki, o, parlamentdə çıxışı zamanı deyib": where the
            # sentence before was said, not a statement of its own
            statement = None
        # "Bizim.Media xəbər verir ki, bu barədə X bildirib": the outlet says X said it
        # "Об этом рассказал гендиректор, уточнив, что …": what the sentence before said, by
        # the speaker named here, then what the converb adds (read after it)
        added_then = None
        if statement is not None and about is not None and previous and lang.converbs:
            aside = re.search(
                rf",\s*(?:{lang.converbs}),?\s+(?:{lang.that})\b[\s,]*$",
                text[sentence.start : statement.start],
                re.IGNORECASE,
            )
            said_first = aside and about.match(_about_this_first(sentence.text[: aside.start()]))
            if said_first:
                added_then, statement = statement, None
        if (
            statement is not None
            and about is not None
            and not previous
            and found
            and found[-1].end <= sentence.start
            and not text[found[-1].end : sentence.start].strip(' .!?»”"\n')
            and (again := about.match(_capitalised(statement.text)))
        ):
            # "В МИД Германии уверены, что …. Об этом заявил глава МИД Хайко Маас, пишет DW":
            # who said the statement just made, as an outlet reports it; no claim of its own
            who = _clean_speaker(
                again.group("after") or again.group("before"), lang, after=bool(again["after"])
            )
            if names_person(who, lang):
                found[-1].speaker = resolve_speaker(who, found, lang, mentioned, previous)
            previous, mentioned = [], None
            continue
        nested = statement is not None and about is not None and previous
        told = None
        if (statement is None or nested) and about is not None and previous:
            # "Об этом сообщила X.": X said what the sentence before said.
            told = about.match(
                _capitalised(statement.text)
                if nested and not re.match(r"(?i)(?:об этом|про це)\b", statement.text)
                else _about_this_first(
                    sentence.text[: aside.start()] if added_then is not None else sentence.text
                )
            )
        if added_then is not None and not told:
            statement, added_then = added_then, None
        if statement is None and not told and confirming and previous and not found:
            # "Информацию подтвердил представитель семьи": what the sentence before said, by
            # this speaker (after a statement, "this information" is most often that
            # statement's, confirmed or denied: no claim of its own)
            told = confirming.match(sentence.text)
        if told:
            # ("Об этом сообщила X, однако …": named after the verb, X's words end at a clause)
            speaker = _clean_speaker(
                told.group("after") or told.group("before"), lang, after=bool(told.group("after"))
            )
            if told.group("later") and _WHERE_SAID.match(told.group("before")):
                # "Об этом в интервью телеканалу «Россия-24» заявил зампред Юрий
                # Соловьёв": where it was said, then who said it
                later = _clean_speaker(told.group("later"), lang, after=True)
                if names_person(later, lang):
                    speaker = later
            elif told.group("later") and (not speaker or _addressed(speaker, lang)):
                # "Об этом в понедельник заявил министр", "Об этом 12 октября сообщает CNN":
                # when it was said, then who said it; "Об этом французским СМИ рассказали
                # два источника": whom they told, then who
                speaker = _clean_speaker(told.group("later"), lang, after=True)
            pointed_back = re.fullmatch(_PRONOUNS, speaker, re.IGNORECASE)
            speaker = _pronoun_resolved(speaker, previous, mentioned, lang)  # "Об этом он заявил"
            speaker = resolve_speaker(speaker, found, lang, mentioned, previous)
            verb = told.group("verb1") or told.group("verb2")
            said = _told_before(text, previous)
            claim = _clean_claim(said.text)
            if (
                # "Трамп призвал сторонников действовать мирно. Об этом он написал в
                # Twitter": his own call, told in the author's words, is no claim
                not (pointed_back and _APPEALED.match(claim))
                and _plausible_speaker(speaker, lang)
                and not _opens_in_another_case(speaker, lang)
                and len(claim.split()) >= MIN_CLAIM_WORDS
            ):
                offset = said.text.find(claim)
                found.append(
                    Statement(
                        claim,
                        speaker,
                        said.start + offset,
                        said.start + offset + len(claim),
                        _stance(lang, verb, claim),
                    )
                )
            if added_then is not None and _plausible_speaker(speaker, lang):
                added_then.speaker = speaker
                found.append(added_then)
            previous, mentioned = [], None
            continue
        if statement and not statement.speaker:  # a connective alone: the last speaker again
            statement.speaker = mentioned or (found[-1].speaker if found else "")
            if (
                not mentioned
                and found
                and framed is not None
                and re.fullmatch(
                    r"(?i:документу|докладу|отч[её]ту)", framed.groupdict().get("frame") or ""
                )
                and "\n" in text[found[-1].end : sentence.start]
            ):
                # "Согласно документу, прививки будут делать в четыре этапа" a paragraph
                # after the last statement: the document the paragraph is about, not a
                # report of the last speaker's
                statement.speaker = ""
            if (
                not statement.speaker
                and framed is not None
                and re.fullmatch(
                    r"(?i:документу|данным|докладу|отч[её]ту)",
                    framed.groupdict().get("frame") or "",
                )
            ):
                # "Согласно этому документу, …" with no one before: the document (not
                # "Согласно сообщению, …": whose message, no one says)
                statement.speaker = nominative(framed["frame"].lower(), lang.code, "datv")
        if statement is None and found and not previous:
            statement = _quotation_goes_on(sentence, found[-1], text)
        if statement is None and found and not previous and lang.code in ("ru", "uk"):
            statement = _and_more(sentence, found[-1])
        if (
            statement
            and lang.code in ("ru", "uk")
            and _INDIRECT_QUESTION.match(statement.text)
            # (the question right after its verb)
            and re.search(
                rf"(?:^|\s)(?:{lang.verbs}),?\s*$",
                text[sentence.start : statement.start],
                re.IGNORECASE,
            )
        ):
            statement = None  # "Лёвен пояснил, почему Швеции не нужно …": asks, claims nothing
        if statement and re.match(_TOLD_THIS, statement.text, re.IGNORECASE):
            statement = None  # "Как передает DW, она заявила это в интервью …": said before
        if statement and statement.speaker:
            _whole_quotation(text, statement, previous, lang)
            _unmarked_quotation(text, statement, sentence, previous, lang)
            if _asks(text, statement):
                # a question claims nothing, but who asked it is who "он" is next
                mentioned = resolve_speaker(statement.speaker, found, lang, mentioned, previous)
                previous.append(sentence)
                continue
            fewest = _fewest_words(framed, lang) if framed is not None else fewest
            if len(statement.text.split()) < fewest:
                statement = None
        if (
            statement is not None
            and sentence.text[:1] in '«“„"'
            and re.fullmatch(_SOME, statement.speaker, re.IGNORECASE)
        ):
            # «Некоторые считают, что …», — уточнил Пенс: whom the one quoted answers, not a
            # speaker of their own
            statement = None
        if (
            statement is not None
            and lang.code in ("ru", "uk")
            and re.fullmatch(_UNNAMED_GROUP, statement.speaker, re.IGNORECASE)
        ):
            # "Тогда одна из них заявила …", "Говорят, люди жалуются, что …": no one a
            # fact-checker can name or ask (but "некоторые эксперты", "другие ритейлеры" are
            # labelled speakers in older sets, so a group so named still speaks)
            statement = None
        if statement and statement.speaker.lower() in _OBJECT_PRONOUNS:  # "По его словам"
            statement.speaker = _OBJECT_PRONOUNS[statement.speaker.lower()]
        if statement and re.fullmatch(_PRONOUNS, statement.speaker, re.IGNORECASE):
            # "Понтеса спросили о снах. Он ответил, что …": the person the sentence before
            # the statement (and its quotation) names, before a subject that acted earlier
            before = [s for s in previous if s.end <= statement.start]
            mentioned = (
                _cited_before(said_in, lang) if not before and said_in is not None else ""
            ) or _pronoun_stands_for(before, mentioned, lang, statement.speaker)
        if statement and statement.speaker:
            statement.speaker = resolve_speaker(
                statement.speaker, found, lang, mentioned, previous,
                earlier=read[:at],
            )  # fmt: skip
            for said in _and_said(statement, lang):
                if said is not statement and said.text.rstrip('»”"').endswith("?"):
                    continue  # "…, а во второй спрашивает: «И где же революция?»": asks
                found.extend(_and_another_said(said, lang, found, mentioned, previous))
            added = _added_then(sentence, framed, statement, lang) if framed else None
            if added is not None and found[-1] is statement:
                found.append(added)
            previous, mentioned, said_in = [], None, sentence
            if _quoted_to_the_end(text, statement, sentence):
                # 'Гребенщиков: "Мы все знаем … Ваша страна, наша страна - одна страна".':
                # the quotation goes on in the next sentences, up to its closing mark
                resumed = found[-1]
        else:
            previous.append(sentence)
            # A subject acting without a statement we log ("X опровергло эти обвинения"):
            # "the ministry" in the next sentences means X.
            acted = acting.match(sentence.text)
            subject = _clean_speaker(acted["subject"], lang) if acted else ""
            if (
                subject
                and _plausible_speaker(subject, lang)
                and not _one_thing_they_did(subject, acted["verb"], lang)
                and not re.fullmatch(rf"(?:{lang.pointing_back})", subject, re.IGNORECASE)
            ):
                mentioned = subject
    # "Обама: Путин не «вполне убежден» …" above the article that quotes Obama: the
    # headline sums up what its speaker says below, where the statements are found whole
    said_below = set().union(*(_stems(f.speaker) for f in found))
    headline_found = [f for f in headline_found or [] if not _stems(f.speaker) & said_below]
    found = headline_found + found
    for said, rest in resumptions:
        # «Мы занимались всеми этими делами, — признается мой друг. — Но ведь …»: one
        # quotation, one statement
        if rest in found and said in found and said.speaker == rest.speaker:
            joint = ". " if rest.text[:1].isupper() and said.text[-1:] not in ".!?…" else " "
            said.text, said.end = f"{said.text}{joint}{rest.text}", rest.end
            found.remove(rest)
    return _without_repeats(found) if code in ("ru", "uk") else found


def _headline_end(text, read) -> int:
    """Where the text's headline ends: its first sentence, when that is a line of its own
    with no full stop; -1 when it has none."""
    if not read or text[: read[0].start].strip():
        return -1
    first = read[0]
    ends_line = text[first.end : first.end + 1] in ("\n", "")
    return first.end if ends_line and not first.text.rstrip().endswith((".", "!", "?", "…")) else -1


def _one_thing_they_did(subject, verb, lang) -> bool:
    """Whether the words before a plural verb are one thing it was done to, not who did it:
    "Тело школьницы обнаружили во дворе" (someone found the body; Russian, Ukrainian)."""
    if (
        lang.code not in ("ru", "uk")
        or not subject.split()
        or not re.search(r"(?:ли|ют|ят)$", verb.split()[0])
    ):
        return False
    if re.search(r",|\s(?:и|та|і|й)\s", subject):
        return False  # "Мин Си и Марио Хо сообщили": two
    first = subject.split()[0].strip('«»"“”')
    parses = morphology(lang.code).parse(first)[:3]
    return bool(
        parses
        and parses[0].tag.POS == "NOUN"
        and "sing" in parses[0].tag
        and not {"Fixd", "Abbr", "Name", "Surn"} & parses[0].tag.grammemes
        # ("Радиостанции «Говорит Москва» добавляют": the plural can be read too)
        and not any("plur" in p.tag and "nomn" in p.tag for p in parses)
        and first[:1].isupper()
        and first[1:].islower()
    )


def _stems(words, shortest=4) -> set[str]:
    """The first five letters of each word of at least `shortest` letters, in lower case."""
    return {w.lower()[:5] for w in re.findall(rf"[^\W\d_]{{{shortest},}}", words)}


def _without_repeats(found) -> list[Statement]:
    """The statements less the ones a fuller statement of the same speaker repeats, as a lead
    repeats its headline ("Порошенко рассказал о договоренности вернуть Афанасьева" above
    "Президент Украины Пётр Порошенко рассказал о предварительной договоренности …"), and
    less a page's second copy of a statement kept before."""
    kept = []
    for at, statement in enumerate(found):
        repeated = any(_said_again_in(statement, later) for later in found[at + 1 : at + 4]) or any(
            _copied_from(statement, before) for before in kept
        )
        if not repeated:
            kept.append(statement)
    return kept
