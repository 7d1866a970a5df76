"""Attributed claims in Russian, Ukrainian, Azerbaijani, Armenian, Turkish and French: the
lexicon frames of claims/ingest/lexicon.py, their quality on the labelled reports in
tests/fixtures/reports, and what a journalist sees when a text is in a language not read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from accounts import roles
from bench.evaluation import evaluate_folder
from claims.ingest import submit
from claims.ingest.attribution import find_claims
from claims.models import Article
from tests.conftest import wait_for
from tests.ingest.test_ingestion import finished
from tests.sessions import log_in

REPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "reports"


def only(text):
    (found,) = find_claims(text)
    return found


def assert_read_as(text, speaker, claim, which=-1):
    """The text's claim number `which` has this speaker and this text, and its span in the
    article is exactly that text."""
    found = find_claims(text)[which]
    assert (found.speaker, found.text) == (speaker, claim)
    assert text[found.start : found.end] == claim


@pytest.mark.parametrize(
    ("text", "speaker", "claim", "stance"),
    [
        (
            "Министерство обороны Азербайджана заявило, что армянские войска обстреляли "
            "Тертер из артиллерии.",
            "Министерство обороны Азербайджана",
            "армянские войска обстреляли Тертер из артиллерии",
            "assertion",
        ),
        (
            "«Армянская сторона применила запрещённые боеприпасы под Шушой», – заявил "
            "помощник президента Хикмет Гаджиев.",
            "помощник президента Хикмет Гаджиев",
            "Армянская сторона применила запрещённые боеприпасы под Шушой",
            "assertion",
        ),
        (
            "Минобороны Армении назвало сообщения об обстреле Гянджи фейком.",
            "Минобороны Армении",
            "сообщения об обстреле Гянджи",
            "denial",
        ),
        (
            "За даними Генштабу, російські війська випустили по місту дванадцять ракет.",
            "Генштаб",
            "російські війська випустили по місту дванадцять ракет",
            "assertion",
        ),
        (
            "Ermənistan ordusu mülki əhalini hədəf alır, - deyə Müdafiə Nazirliyi bildirib.",
            "Müdafiə Nazirliyi",
            "Ermənistan ordusu mülki əhalini hədəf alır",
            "assertion",
        ),
        (
            "Պաշտպանության նախարարությունը հերքել է, որ հայկական զորքերը կրակ են բացել "
            "Գյանջայի ուղղությամբ։",
            "Պաշտպանության նախարարությունը",
            "հայկական զորքերը կրակ են բացել Գյանջայի ուղղությամբ",
            "denial",
        ),
        (
            "Milli Savunma Bakanlığı, Ermeni kuvvetlerinin Terter'i yeniden bombaladığını "
            "açıkladı.",
            "Milli Savunma Bakanlığı",
            "Ermeni kuvvetlerinin Terter'i yeniden bombaladığını",
            "assertion",
        ),
        (
            "« Nous n'avons jamais visé de civils », a déclaré le porte-parole Vagif Dargahli.",
            "le porte-parole Vagif Dargahli",
            "Nous n'avons jamais visé de civils",
            "denial",
        ),
        # Whom X accuses, and of what: both are the accusation.
        (
            "Bakou accuse l'armée arménienne d'avoir frappé la ville de Gandja.",
            "Bakou",
            "l'armée arménienne d'avoir frappé la ville de Gandja",
            "accusation",
        ),
        (
            "Баку обвинил армянскую сторону в обстреле Гянджи из систем «Смерч».",
            "Баку",
            "армянскую сторону в обстреле Гянджи из систем «Смерч»",
            "accusation",
        ),
        (
            "Київ звинуватив Москву у обстрілі Харкова балістичними ракетами.",
            "Київ",
            "Москву у обстрілі Харкова балістичними ракетами",
            "accusation",
        ),
        # A frame names its source, written in capitals or not.
        (
            "D'après les services de renseignement français, ces combattants appartiennent à "
            "des groupes djihadistes.",
            "les services de renseignement français",
            "ces combattants appartiennent à des groupes djihadistes",
            "assertion",
        ),
    ],
)
def test_each_language_finds_its_reporting_frames(text, speaker, claim, stance):
    found = only(text)
    assert (found.speaker, found.text, found.stance) == (speaker, claim, stance)
    assert text[found.start : found.end] == claim


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "По словам омбудсмена Нагорного Карабаха Артака Бегларяна, пожары уничтожили "
            "несколько гектаров леса.",
            "омбудсмен Нагорного Карабаха Артак Бегларян",
        ),
        (
            "Удари завдавали лише по військовій інфраструктурі, заявили у Кремлі.",
            "Кремль",
        ),
        (
            "За даними Харківської обласної військової адміністрації, загинули троє цивільних, "
            "ще семеро поранені.",
            "Харківська обласна військова адміністрація",
        ),
    ],
)
def test_a_speaker_the_frame_declines_is_given_back_in_the_nominative(text, speaker):
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # Words between the verb and its comma.
        (
            "Представитель штаба заявил утром в понедельник, что колонна вышла из Агдама.",
            "Представитель штаба",
            "колонна вышла из Агдама",
        ),
        # "о том, что"; an adverb that is not the speaker's.
        (
            "Министерство сейчас заявило о том, что пострадавших среди мирных жителей нет.",
            "Министерство",
            "пострадавших среди мирных жителей нет",
        ),
        # The present tense, a speaker named after the statement in straight quotes.
        (
            '"Мы видели, как горел склад у дороги", - говорит житель села Анна Петросян.',
            "житель села Анна Петросян",
            "Мы видели, как горел склад у дороги",
        ),
        (
            "Военные эксперты отмечают, что наступление замедлилось из-за погоды.",
            "Военные эксперты",
            "наступление замедлилось из-за погоды",
        ),
        # The phrase after the speaker's comma describes the speaker.
        (
            "Переговоры продолжатся после выборов, говорит ещё один источник, близкий к делегации.",
            "один источник",
            "Переговоры продолжатся после выборов",
        ),
        (
            "Військові експерти зазначають, що наступ сповільнився через погоду.",
            "Військові експерти",
            "наступ сповільнився через погоду",
        ),
    ],
)
def test_russian_and_ukrainian_news_copy_frames_are_read(text, speaker, claim):
    """The everyday frames of news copy that the public Russian quotation corpus showed
    missing (README, "Claim finding beyond English"); written here in our own words."""
    found = only(text)
    assert (found.speaker, found.text) == (speaker, claim)
    assert text[found.start : found.end] == claim


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # "Про це повідомляється в X" after a lead and its short coda: both are X's
        (
            "Обласна адміністрація 3 травня уклала угоду з будівельною фірмою на ремонт мосту "
            "через річку.\nЦіна робіт склала 4 млн грн.\n"
            "Про це повідомляється в «Віснику державних закупівель».",
            "Вісник державних закупівель",
            "Обласна адміністрація 3 травня уклала угоду з будівельною фірмою на ремонт мосту "
            "через річку.\nЦіна робіт склала 4 млн грн",
        ),
        (
            "Апеляційний суд скасував рішення про продаж будівлі колишнього заводу.\n"
            "Про це свідчить постанова суду від 9 жовтня.",
            "постанова суду",
            "Апеляційний суд скасував рішення про продаж будівлі колишнього заводу",
        ),
        (
            "Комітет оштрафував дві фірми за змову на торгах.\n"
            "Про це повідомляється на сайті Київського відділення АМКУ.",
            "Київське відділення АМКУ",
            "Комітет оштрафував дві фірми за змову на торгах",
        ),
        # A quotation over two sentences, closed where its speaker is named
        (
            "Мешканець села Андрій Коваль вважає, що склад підпалили навмисно вночі.\n"
            "«Ми бачили, як горів склад біля дороги. Потім приїхали пожежники», – сказав він.",
            "Мешканець села Андрій Коваль",
            "Ми бачили, як горів склад біля дороги. Потім приїхали пожежники",
        ),
        (
            "Компанія порушила умови конкурсу.\n«Учасники торгів фактично діяли разом. Ціни "
            "відрізнялися лише на копійки», – йдеться у повідомленні АМКУ.",
            "АМКУ",
            "Учасники торгів фактично діяли разом. Ціни відрізнялися лише на копійки",
        ),
        # What opens the sentence is not its speaker
        (
            "У відповідь на запит журналістів «Укрзалізниця» повідомила, що поїзди курсують "
            "за графіком.",
            "Укрзалізниця",
            "поїзди курсують за графіком",
        ),
        (
            "У вересні 2023 року Коваленко під час зустрічі повідомив, що фірма отримала аванс "
            "у березні.",
            "Коваленко",
            "фірма отримала аванс у березні",
        ),
        (
            "Согласно сообщению агентства БелТА, судья заявила, что подсудимый организовал "
            "массовые беспорядки.",
            "судья",
            "подсудимый организовал массовые беспорядки",
        ),
        (
            "Министерство обороны в воскресенье сообщило об уничтожении трёх складов "
            "боеприпасов противника.",
            "Министерство обороны",
            "уничтожении трёх складов боеприпасов противника",
        ),
        (
            "Премьер-министр Японии накануне визита в Москву пообещал, что правительство будет "
            "настаивать на переговорах.",
            "Премьер-министр Японии",
            "правительство будет настаивать на переговорах",
        ),
        # A converb: the speaker is the main clause's subject, before its verb or after it
        (
            "Глава ведомства резко отреагировал на слова коллеги, заявив, что такие "
            "высказывания недопустимы в дипломатии.",
            "Глава ведомства",
            "такие высказывания недопустимы в дипломатии",
        ),
        (
            "На захист проєкту виступило міністерство, заявивши, що будівництво завершать до "
            "кінця року.",
            "міністерство",
            "будівництво завершать до кінця року",
        ),
        # Pronouns and the names they stand for
        (
            "В ходе заседания Иванов выступил с заявлением: он сообщил, что его допрашивали "
            "без адвоката.",
            "Иванов",
            "его допрашивали без адвоката",
        ),
        (
            "Марию Петрову спросили о планах на лето.\n"
            "Она ответила, что собирается вернуться в родной город.",
            "Мария Петрова",
            "собирается вернуться в родной город",
        ),
        (
            "Між тим, лідер фракції Петро Шевчук спростував цю інформацію.\n"
            "Він заявив, що виборці на зустрічах висловлювалися проти змін.",
            "лідер фракції Петро Шевчук",
            "виборці на зустрічах висловлювалися проти змін",
        ),
        (
            "Міністерство охорони здоров'я заявило, що лікарня працює.\n"
            "Натомість повідомили, що запасів кисню вистачить лише на тиждень.",
            "Міністерство охорони здоров'я",
            "запасів кисню вистачить лише на тиждень",
        ),
        (
            "«Переговоры должны продолжиться в Женеве на следующей неделе», — цитирует РБК "
            "Иванова.",
            "Иванов",
            "Переговоры должны продолжиться в Женеве на следующей неделе",
        ),
        # where and when it was said, before who said it
        (
            "На ужине для корреспондентов в субботу президент Обама сообщил, что его семья "
            "останется в Вашингтоне ещё на год.",
            "президент Обама",
            "его семья останется в Вашингтоне ещё на год",
        ),
        (
            "В интервью украинскому телеканалу «Интер» Порошенко также рассказал, что "
            "переговоры об обмене пленными вышли на финишную прямую.",
            "Порошенко",
            "переговоры об обмене пленными вышли на финишную прямую",
        ),
        (
            "Перед слушаниями комиссии в июне Пентагон заявил, что у него есть основания "
            "держать заключенного под стражей.",
            "Пентагон",
            "у него есть основания держать заключенного под стражей",
        ),
        # "Об этом" then when, then who
        (
            "Турция располагает записями убийства журналиста в консульстве.\n"
            "Об этом 12 октября сообщает CNN со ссылкой на источник.",
            "CNN",
            "Турция располагает записями убийства журналиста в консульстве",
        ),
        (
            "Армия отвела тяжелую технику от линии фронта.\n"
            "Об этом в понедельник заявил министр обороны Иван Петров.",
            "министр обороны Иван Петров",
            "Армия отвела тяжелую технику от линии фронта",
        ),
        # a title, then no name before the verb: not the place that follows
        (
            "Президент отдыхал в Мармарисе 15 июля, когда произошла попытка переворота. По "
            "его словам, он покинул отель незадолго до штурма.",
            "Президент",
            "он покинул отель незадолго до штурма",
        ),
        # "По данным X" with no comma after X: the few words in the genitive
        (
            "По данным следствия 3 февраля в квартире на Садовой улице Петр Орлов, находясь в "
            "состоянии опьянения, ударил ножом соседа.",
            "следствие",
            "3 февраля в квартире на Садовой улице Петр Орлов, находясь в состоянии "
            "опьянения, ударил ножом соседа",
        ),
        # the document it was said in, before who said it
        (
            "В письменном заявлении президент Барак Обама отметил, что никто не сделал для "
            "мира больше, чем Перес.",
            "Барак Обама",
            "никто не сделал для мира больше, чем Перес",
        ),
        # "Ещё вчера" opens the sentence; the speaker follows
        (
            "Ещё вчера её мать – актриса Анна Орлова – сказала журналистам, что состояние её "
            "дочери стабилизировалось.",
            "её мать – актриса Анна Орлова",
            "состояние её дочери стабилизировалось",
        ),
        # an adverb between the accuser and the verb
        (
            "Суд также обвинил активистку в распространении пропаганды против государства.",
            "Суд",
            "активистку в распространении пропаганды против государства",
        ),
        # whom the outlet cites is not what it says
        (
            "Как сообщила газета The New York Post, ссылаясь на свои источники, утром в "
            "понедельник посол был срочно доставлен в больницу.",
            "газета The New York Post",
            "утром в понедельник посол был срочно доставлен в больницу",
        ),
        # people of a kind, in the plural, are not the person named before
        (
            "Президент Николас Мадуро заявил, что атаку совершили террористы.\n"
            "С вертолета было произведено 15 выстрелов по зданию министерства, сообщили "
            "официальные лица.",
            "официальные лица",
            "С вертолета было произведено 15 выстрелов по зданию министерства",
        ),
        # where, and what describes the body, are not who
        (
            "Перед этим ИГ заявило, что нападение в Лас-Вегасе устроил его сторонник.",
            "ИГ",
            "нападение в Лас-Вегасе устроил его сторонник",
        ),
        (
            "В заявлении МВД, опубликованном в Facebook, говорится, что при взрыве был ранен "
            "депутат парламента.",
            "МВД",
            "при взрыве был ранен депутат парламента",
        ),
        (
            "«Покушение на депутата связано с его профессиональной деятельностью», — написал в "
            "Facebook лидер партии Олег Ляшко.",
            "лидер партии Олег Ляшко",
            "Покушение на депутата связано с его профессиональной деятельностью",
        ),
        (
            "В Москве пресс-секретарь президента Дмитрий Песков отверг обвинения в причастности "
            "России к взрыву.",
            "пресс-секретарь президента Дмитрий Песков",
            "обвинения в причастности России к взрыву",
        ),
        # "По их данным" with no comma after it
        (
            "Журналисты назвали имя подозреваемого. По их данным под именем Боширова "
            "скрывается полковник разведки.",
            "Журналисты",
            "под именем Боширова скрывается полковник разведки",
        ),
        # whom an outlet quotes, with the words that describe them
        (
            "«Такие цифры нельзя признать для нас правильными», — цитирует РБК российского лидера.",
            "российский лидер",
            "Такие цифры нельзя признать для нас правильными",
        ),
        # whom the verb accuses, then what ("обвиняла его, что …")
        (
            "Раньше певица Ольга Смирнова обвиняла его, что именно он продал её песни без спроса.",
            "певица Ольга Смирнова",
            "именно он продал её песни без спроса",
        ),
        # where he writes is not who writes ("На своей странице ВКонтакте он …")
        (
            "Следователи задержали подозреваемого. Им оказался москвич Олег Соколов. На своей "
            "странице ВКонтакте он сообщает, что служит в тайной армии.",
            "Олег Соколов",
            "служит в тайной армии",
        ),
        # a denial's object is all it denies; a body named alone is not the person before
        # whose title shares its first letters
        (
            "Представитель талибов Ахмад Хан заявил, что атака отбита. «Талибан» также "
            "отвергает заявления армии о «сотнях погибших бойцах» в провинции.",
            "Талибан",
            "заявления армии о «сотнях погибших бойцах» в провинции",
        ),
        # "по заявлению X", "по его заявлению": a source frame like "по словам X"
        (
            "По заявлению министра финансов Олега Седова, бюджет будет исполнен в срок.",
            "министр финансов Олег Седов",
            "бюджет будет исполнен в срок",
        ),
        (
            "Министр Олег Седов выступил в парламенте. По его заявлению, налоги в следующем "
            "году повышать не станут.",
            "Олег Седов",
            "налоги в следующем году повышать не станут",
        ),
        # the body the place names, not the object, says what the converb adds; an adverb
        # after it is not part of its name
        (
            "В СК РФ уже подтвердили эту информацию, уточнив, что стрельбу устроил "
            "19-летний студент техникума.",
            "СК РФ",
            "стрельбу устроил 19-летний студент техникума",
        ),
        (
            "У Мінфіні вже прокоментували ці дані, заявивши, що бюджет буде виконано вчасно.",
            "Мінфін",
            "бюджет буде виконано вчасно",
        ),
        # "Об этом … французским СМИ рассказали X": whom they told (the dative), then who
        (
            "Полиция задержала подозреваемого в поджоге склада на окраине города.\n"
            "Об этом 3 мая местным СМИ рассказали два источника в полиции Тулы.",
            "два источника в полиции Тулы",
            "Полиция задержала подозреваемого в поджоге склада на окраине города",
        ),
        # a figure with its currency sign first
        (
            "Американский Forbes в прошлом году оценил состояние банкира в $12 млрд.",
            "Американский Forbes",
            "состояние банкира в $12 млрд",
        ),
        # "В тот же день": when, not who
        (
            "В тот же день афганские власти заявили, что в ходе операций убиты десятки боевиков.",
            "афганские власти",
            "в ходе операций убиты десятки боевиков",
        ),
        (
            "Того ж дня міністр оборони заявив, що армія відбила атаку під Бахмутом.",
            "міністр оборони",
            "армія відбила атаку під Бахмутом",
        ),
        # testimony and findings as sources: "согласно показаниям X", "по показаниям X"
        (
            "Согласно показаниям агента ФБР, у инженера была флешка с удалёнными файлами.",
            "агент ФБР",
            "у инженера была флешка с удалёнными файлами",
        ),
        (
            "По показаниям свидетелей, водитель грузовика ехал на красный свет.",
            "свидетели",
            "водитель грузовика ехал на красный свет",
        ),
        # "Об X сообщил [сегодня] Y": an event in two or three words opens the sentence
        (
            "Об отставке министра обороны сообщил сегодня глава правительства Ян Берг.",
            "глава правительства Ян Берг",
            "отставке министра обороны",
        ),
        # "повторил (обвинения), что"; a participle of saying after the speaker
        (
            "Представитель повстанцев Омар Хади выступил с заявлением. Он повторил обвинения, "
            "что армия обстреливает жилые кварталы.",
            "Представитель повстанцев Омар Хади",
            "армия обстреливает жилые кварталы",
        ),
        (
            "Бывший охранник Игорь Лапин, заявивший, что годами возил деньги губернатору, "
            "давал показания три часа.",
            "Бывший охранник Игорь Лапин",
            "годами возил деньги губернатору",
        ),
    ],
)
def test_the_frames_of_real_russian_and_ukrainian_news_are_read(text, speaker, claim):
    """Frames that public Russian and Ukrainian news showed missing (README, "Claim finding
    beyond English": measured on FactRuEval-2016 and lang-uk's news); our own words."""
    assert_read_as(text, speaker, claim, which=-1)


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Депутат Иван Петров заявил, что бюджет будет принят в срок.\n"
            "По его словам, правительство уже согласовало все поправки к документу.",
            "Депутат Иван Петров",
            "правительство уже согласовало все поправки к документу",
        ),
        (
            "Депутат Иван Петров заявил, что бюджет будет принят в срок.\n"
            "Как отметил депутат, правительство уже согласовало все поправки к документу.",
            "Депутат Иван Петров",
            "правительство уже согласовало все поправки к документу",
        ),
        (
            "Кандидат в мэры Алексей Смирнов собрал в избирательный фонд двадцать миллионов "
            "рублей.\nОб этом он заявил сегодня на встрече с избирателями.",
            "Алексей Смирнов",
            "Кандидат в мэры Алексей Смирнов собрал в избирательный фонд двадцать миллионов рублей",
        ),
        (
            '"Наши жертвователи - обычные горожане из спальных районов. Средний взнос '
            'составляет триста рублей", - сообщил Смирнов.',
            "Смирнов",
            "Наши жертвователи - обычные горожане из спальных районов. Средний взнос "
            "составляет триста рублей",
        ),
        (
            "Місто квартир так і не отримало, а суддя Петренко почав судитися, стверджуючи, "
            "що йому досі ніде жити в столиці.",
            "суддя Петренко",
            "йому досі ніде жити в столиці",
        ),
        (
            "Фірма «Будсервіс» зареєстрована в Києві на вулиці Полтавській.\n"
            "На її сайті зазначено, що виробнича база фірми розташована за містом.",
            "Фірма «Будсервіс»",
            "виробнича база фірми розташована за містом",
        ),
        (
            "Компанія повідомила, що її склад розташований у м. Буча на вул. Вокзальній "
            "поблизу станції.",
            "Компанія",
            "її склад розташований у м. Буча на вул. Вокзальній поблизу станції",
        ),
        (
            '"Я единственный кандидат, который прямо говорит, что поддерживает визы для '
            'соседей", - заметил Петров.',
            "Петров",
            "Я единственный кандидат, который прямо говорит, что поддерживает визы для соседей",
        ),
        (
            "Говоря о сроках встречи, Карасин отметил, что все будет зависеть от развития "
            "ситуации.",
            "Карасин",
            "все будет зависеть от развития ситуации",
        ),
        (
            "Навальный не высказался прямо о рынках, а взамен сообщил, что будет настаивать "
            "на визовом режиме.",
            "Навальный",
            "будет настаивать на визовом режиме",
        ),
        # how often it was said, or what about, is not who said it
        (
            "Мэр Анна Ковалёва часто говорила: «За всё в этом городе отвечаю я».",
            "Мэр Анна Ковалёва",
            "За всё в этом городе отвечаю я",
        ),
        (
            "Судья Марина Белова вела процесс три года. «Это было трудное дело, — сказала она "
            "об обвиняемом, выступая перед студентами. — Мы спорили месяцами».",
            "Марина Белова",
            "Это было трудное дело",
        ),
        (
            "Тренер Олег Седов часто казав: «Ми граємо для вболівальників».",
            "Тренер Олег Седов",
            "Ми граємо для вболівальників",
        ),
        (
            "Депутат Олег Седов очолив комісію. Тоді Седов заявив, що комісія перевірить усі "
            "контракти.",
            "Седов",
            "комісія перевірить усі контракти",
        ),
    ],
)
def test_who_a_pronoun_a_role_or_a_clause_before_the_verb_stands_for(text, speaker, claim):
    """The speaker named before ("По его словам", "Как отметил депутат", "Об этом он
    заявил", "На її сайті"), straight quotation marks over two sentences, a clause that is
    not the speaker's name, and a reporting verb inside a quotation, which is not one."""
    assert_read_as(text, speaker, claim, which=-1)


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # a role that describes the speaker named before
        (
            "Канцлер Австрии Иоганн Мюллер заявил, что переговоры продолжатся в Вене.\n"
            "«Мы не допустим новой эскалации в регионе», — цитирует «Интерфакс» канцлера.",
            "Канцлер Австрии Иоганн Мюллер",
            "Мы не допустим новой эскалации в регионе",
        ),
        # a relative clause: the one it is about
        (
            "Правильність цих рішень підтвердив і Верховний суд, який заявив, що договір "
            "оренди укладено законно.",
            "Верховний суд",
            "договір оренди укладено законно",
        ),
        # an adverb before the verb; the speaker's words end at the next verb
        (
            "«Бюджет виконано на дев'яносто відсотків», – відверто сказав міністр фінансів Іван "
            "Коваль.",
            "міністр фінансів Іван Коваль",
            "Бюджет виконано на дев'яносто відсотків",
        ),
        (
            "У податковій зазвичай визначають це як порушення правил звітності, пояснив голова "
            "служби Петро Бойко і навів приклад.",
            "голова служби Петро Бойко",
            "У податковій зазвичай визначають це як порушення правил звітності",
        ),
        # "он/она": the person the sentence before names first, not a street or an object
        (
            "Мэр Ирина Смирнова встретилась с журналистом Олегом Павловым. Она заявила, что "
            "новый парк откроют весной.",
            "Ирина Смирнова",
            "новый парк откроют весной",
        ),
        (
            "Фірма зареєстрована у Києві по вул. Полупанова, 16.\n"
            "Вона також заявила, що виробництво розташоване за містом.",
            "Фірма",
            "виробництво розташоване за містом",
        ),
        # a name in quotation marks keeps its closing mark
        (
            "Газета «Северный вестник» написала, что завод закроют до конца года.",
            "Газета «Северный вестник»",
            "завод закроют до конца года",
        ),
    ],
)
def test_roles_relatives_and_names_resolve_to_the_right_speaker(text, speaker, claim):
    assert_read_as(text, speaker, claim, which=-1)


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Гендиректор театра Ольга Петрова заявила, что билеты подешевеют с осени.\n"
            "Как отметил руководитель театра, ремонт сцены закончат к марту следующего года.",
            "Гендиректор театра Ольга Петрова",
            "ремонт сцены закончат к марту следующего года",
        ),
        (
            "Глава комиссии Сергей Иванов выступил с новой инициативой по реформе.\n"
            "Как считает глава комиссии, споры о прессе можно решать без суда и без штрафов.",
            "Сергей Иванов",
            "споры о прессе можно решать без суда и без штрафов",
        ),
        (
            "Об этом рассказал писатель Андрей Соколов в своей новой книге.\n"
            "По словам 70-летнего писателя, он работал на разведку более двадцати лет подряд.",
            "Андрей Соколов",
            "он работал на разведку более двадцати лет подряд",
        ),
        # "он": the subject in the nominative, not the minister named in passing
        (
            "Напомним, о связи между заводом и министром Петром Кузнецовым впервые заговорил "
            "бизнесмен Сергей Волков.\n"
            "Он заявил, что строительство вели на средства частных жертвователей.",
            "Сергей Волков",
            "строительство вели на средства частных жертвователей",
        ),
    ],
)
def test_a_person_described_is_the_person_named_before(text, speaker, claim):
    """ "руководитель театра", "глава комиссии", "70-летний писатель": a description, not a
    name, of someone the article has already named."""
    found = find_claims(text)[-1]
    assert (found.speaker, found.text) == (speaker, claim)


def test_a_preposition_or_the_first_person_is_never_a_speaker():
    """ "По" is a preposition before it is anyone's name, and "Я объяснил, что …" inside a
    quotation is the quoted speaker's, not a new one."""
    (found,) = find_claims(
        "Министр обороны Никос Папас встретился с коллегой в Вашингтоне.\n"
        "По его словам, он объяснил, что санкции стоят стране четыре миллиарда евро в год."
    )
    assert found.speaker == "Министр обороны Никос Папас"
    (found,) = find_claims(
        '"Мы долго спорили о санкциях. Я объяснил, что союз не возмещает потери нашим '
        'фермерам", - сказал министр Никос Папас.'
    )
    assert found.speaker == "министр Никос Папас"
    assert found.text.startswith("Мы долго спорили о санкциях. Я объяснил")


def test_a_source_in_an_aside_and_what_a_text_is_about_are_told_apart():
    found = only("Ежедневно, по заверению Петрова, сервисом пользуются двести тысяч человек.")
    assert (found.speaker, found.text) == (
        "Петров",
        "Ежедневно сервисом пользуются двести тысяч человек",
    )
    # "йдеться про" says what a text is about, not what anyone said
    assert not find_claims(
        "Оскільки у випадку аварії йдеться про великі суми відшкодування, страховики "
        "об'єднуються у пули."
    )


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # the outlet says who said it: the sentence before is the speaker's
        (
            "Gürcüstanın baş naziri gələn ay Bakıya rəsmi səfər edəcək. Xəbər.Az xəbər verir ki, "
            "bu barədə Xarici İşlər Nazirliyinin sözçüsü Aydan Quliyeva bildirib.",
            "Xarici İşlər Nazirliyinin sözçüsü Aydan Quliyeva",
            "Gürcüstanın baş naziri gələn ay Bakıya rəsmi səfər edəcək",
        ),
        (
            "“Biz sərhəddə heç bir hərbi fəallıq müşahidə etmirik”. Bu fikirləri Xəbər.Az-a "
            "açıqlamasında hərbi ekspert Ramil Məmmədov deyib.",
            "hərbi ekspert Ramil Məmmədov",
            "Biz sərhəddə heç bir hərbi fəallıq müşahidə etmirik",
        ),
        (
            "Ötən il ölkədə 120 yeni məktəb tikilib. Bu barədə Xəbər.Az-a Təhsil Nazirliyindən "
            "məlumat verilib.",
            "Təhsil Nazirliyi",
            "Ötən il ölkədə 120 yeni məktəb tikilib",
        ),
        # no comma and no "ki": the speaker ends with its head noun and a name
        (
            "Komissiyanın sədri Rəşad Əliyev ölkədə xarici telekanalların sayını azaltmağın "
            "zəruriliyini bəyan edib.",
            "Komissiyanın sədri Rəşad Əliyev",
            "ölkədə xarici telekanalların sayını azaltmağın zəruriliyini",
        ),
        # a page that lost the space after a full stop, and a name with one inside
        (
            "Yeni qanun layihəsi parlamentə təqdim olunub.Xəbər.Az xəbər verir ki, layihəni Milli "
            "Məclisin sədri müzakirəyə çıxarıb və iclas bu gün davam edəcək.",
            "Xəbər.Az",
            "layihəni Milli Məclisin sədri müzakirəyə çıxarıb və iclas bu gün davam edəcək",
        ),
    ],
)
def test_the_frames_of_real_azerbaijani_news_are_read(text, speaker, claim):
    """Frames that public Azerbaijani news leads showed missing (README, "Claim finding
    beyond English"); written here in our own words."""
    assert_read_as(text, speaker, claim, which=0)


def test_o_qeyd_edib_after_a_quotation_is_the_speaker_named_before():
    text = (
        "Gürcüstanın baş naziri gələn ay Bakıya rəsmi səfər edəcək. Xəbər.Az xəbər verir ki, bu "
        "barədə Xarici İşlər Nazirliyinin sözçüsü Aydan Quliyeva bildirib. “Səfər zamanı enerji "
        "layihələri müzakirə olunacaq”, - o qeyd edib."
    )
    first, second = find_claims(text)
    assert second.speaker == first.speaker == "Xarici İşlər Nazirliyinin sözçüsü Aydan Quliyeva"
    assert second.text == "Səfər zamanı enerji layihələri müzakirə olunacaq"


def test_a_quoted_sentence_after_a_quotation_goes_on_with_its_speaker():
    text = (
        "«Мы находимся на трудном этапе переговоров», сказал посредник Джон Смит. "
        "«Стороны пока не готовы к уступкам и требуют гарантий»."
    )
    first, second = find_claims(text)
    assert first.speaker == second.speaker == "посредник Джон Смит"
    assert second.text == "Стороны пока не готовы к уступкам и требуют гарантий"


def test_a_speaker_named_in_an_aside_speaks_both_sides_of_it():
    text = "Усі ці збіги, резюмували антимонопольники, не можуть бути результатом випадку."
    found = only(text)
    assert (found.speaker, found.text) == (
        "антимонопольники",
        "Усі ці збіги не можуть бути результатом випадку",
    )
    assert (found.start, found.end) == (0, len(text) - 1)


@pytest.mark.parametrize(
    "text",
    [
        "Міська рада уклала угоду з фірмою на ремонт шкіл у трьох районах за 4 млн грн. "
        "Про це повідомляється в «Віснику державних закупівель».",
        "Мэрия заключила договор на ремонт трёх школ в центре города на 5 млн руб. "
        "Об этом сообщает агентство «Интерфакс».",
    ],
)
def test_a_sentence_that_ends_with_a_unit_still_ends(text):
    """ "у м. Києві" goes on, but "… за 4 млн грн." ends: the next sentence says who said it."""
    found = only(text)
    assert found.speaker in ("Вісник державних закупівель", "агентство «Интерфакс»")
    assert found.text.endswith(("млн грн", "млн руб"))


def test_a_short_line_keeps_the_language_of_the_text_around_it():
    """ "Сума склала 4 млн." alone reads as Russian; in a Ukrainian report it is Ukrainian,
    so "Про це повідомляє" after it still reaches back to the lead."""
    text = (
        "Міська рада уклала угоду з фірмою на ремонт шкіл у трьох районах міста.\n"
        "Сума склала 4 млн.\n"
        "Про це повідомляє «Наше місто»."
    )
    found = only(text)
    assert found.speaker == "Наше місто"
    assert found.text.startswith("Міська рада уклала угоду")


def test_what_an_outlet_passes_on_is_the_statement_of_the_one_it_reports():
    text = (
        "Министр обороны Армении обвинил Баку в обстреле сёл у границы, передает агентство "
        "«Интерфакс»."
    )
    assert_read_as(text, "Министр обороны Армении", "Баку в обстреле сёл у границы")
    assert only(text).stance == "accusation"


def test_an_aside_after_words_with_commas_still_joins_both_sides():
    text = (
        "Выпускник академии в Рязани, 44-летний Петренко, пишет газета, командовал "
        "батальоном связи под Псковом."
    )
    found = only(text)
    assert (found.speaker, found.text) == (
        "газета",
        "Выпускник академии в Рязани, 44-летний Петренко командовал батальоном связи под Псковом",
    )


def test_the_outlet_after_an_aside_is_not_part_of_the_statement():
    text = "Перемирие нарушается каждую ночь, считает посредник Джон Смит, пишут «Известия»."
    assert_read_as(text, "посредник Джон Смит", "Перемирие нарушается каждую ночь")


@pytest.mark.parametrize(
    ("text", "speaker", "opening", "closing"),
    [
        # The president is quoted by his spokesman; "президент говорил о …" inside the
        # quotation is the spokesman's words, and the statement is the whole quotation.
        pytest.param(
            "Пресс-секретарь Кремля ответил на вопросы журналистов. «Появились толкования, будто "
            "речь шла о новых границах. Президент, собственно, говорил о переговорах внутри самой "
            "страны о её будущем устройстве. Именно это и имелось в виду», — пояснил "
            "пресс-секретарь Иван Петров.",
            "пресс-секретарь Иван Петров",
            "Появились толкования",
            "Именно это и имелось в виду",
            id="a-sentence-inside-a-quotation-is-not-a-new-report",
        ),
        pytest.param(
            "«Эта служба не имеет никакого отношения к погибшему, – утверждает писатель Иван "
            "Орлов, – мне ничего не известно о его взглядах».",
            "писатель Иван Орлов",
            "Эта служба не имеет никакого отношения к погибшему",
            "мне ничего не известно о его взглядах",
            id="broken-off-by-its-speaker-it-goes-on-after-the-second-dash",
        ),
    ],
)
def test_a_quotation_is_one_statement_of_the_speaker_named_with_it(text, speaker, opening, closing):
    found = only(text)
    assert found.speaker == speaker
    assert found.text.startswith(opening)
    assert found.text.endswith(closing)


@pytest.mark.parametrize(
    "text",
    [
        # one closing mark for two quotations
        "«Мы договорились о пересмотре контрактов. Будет создан новый оператор «Газ Юг», — "
        "цитирует агентство премьера. Инженер Олег Сидоров подтвердил, что договор "
        "о поставках подписан вчера.",
        # a quotation the author's words break off, with no closing mark at all
        "«Пока не будем ничего подписывать, — заявлял тогда вице-президент компании. "
        "Инженер Олег Сидоров подтвердил, что договор о поставках подписан вчера.",
    ],
)
def test_a_quotation_that_its_marks_leave_open_ends_where_the_speaker_is_named(text):
    assert find_claims(text)[-1].speaker == "Инженер Олег Сидоров"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("В конце мая 2014 года президент Иван Петров заявил, что переговоры с соседями "
         "продолжатся осенью.", "президент Иван Петров"),
        ("Он выразил надежду, что на этой неделе стороны договорятся о перемирии.", None),
    ],
)  # fmt: skip
def test_a_time_before_the_speaker_and_a_hope_expressed_read_as_statements(text, speaker):
    found = find_claims(text)
    assert len(found) == 1
    assert speaker is None or found[0].speaker == speaker


def test_a_quotation_resumed_after_the_authors_words_is_the_same_speakers():
    text = (
        '"Договор подписали в мае прошлого года в Женеве, - пояснил посредник Джон Смит. '
        '- Он занимает двенадцать страниц и до сих пор не опубликован". '
        '"Стороны его почти не выполняют, - добавил он. - Обстрелы идут каждую ночь. '
        'Наблюдателей к линии фронта не пускают".'
    )
    found = find_claims(text)
    assert [f.speaker for f in found] == ["посредник Джон Смит"] * 4
    assert found[1].text == "Он занимает двенадцать страниц и до сих пор не опубликован"
    assert found[3].text == ("Обстрелы идут каждую ночь. Наблюдателей к линии фронта не пускают")
    assert text[found[3].start : found[3].end] == found[3].text


def test_a_second_verb_joined_to_the_first_makes_a_second_statement_of_the_same_speaker():
    text = (
        "Посредник Джон Смит подчеркнул, что перемирие должно соблюдаться обеими сторонами, "
        "но признал, что обстрелы продолжаются каждую ночь."
    )
    first, second = find_claims(text)
    assert first.speaker == second.speaker == "Посредник Джон Смит"
    assert first.text == "перемирие должно соблюдаться обеими сторонами"
    assert second.text == "обстрелы продолжаются каждую ночь"
    assert text[second.start : second.end] == second.text


def test_a_denying_verb_keeps_its_denial_when_a_second_verb_is_joined():
    text = (
        "Министерство обороны опровергло, что армия обстреляла жилые кварталы города, но "
        "признало, что бои у окраин продолжаются третий день."
    )
    first, second = find_claims(text)
    assert (first.stance, second.stance) == ("denial", "assertion")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Министр считает, что санкции против соседней страны работают. Как передает агентство "
            "«Новости», она заявила это в интервью радиостанции в среду.",
            ["Министр"],
            id="a-report-that-only-says-when-the-last-statement-was-made-is-not-a-new-one",
        ),
        pytest.param(
            "Гендиректор сети Борис Орлов заявил, что сделка выгодна обеим компаниям. При этом "
            "стороны не уточняют, в какой именно пропорции будет делиться выручка от рекламы.",
            ["Гендиректор сети Борис Орлов"],
            id="a-verb-said-not-to-have-been-said-is-not-a-statement",
        ),
        pytest.param(
            "Пресс-секретарь агентства Анна Орлова заявила, что лента новостей собирается "
            "вручную. Представитель компании Google сообщил, что у них новости отбираются "
            "автоматически. Собеседник РБК добавил, что лицензию получить не удастся.",
            [
                "Пресс-секретарь агентства Анна Орлова",
                "Представитель компании Google",
                "Собеседник РБК",
            ],
            id="someone-of-another-body-is-not-the-person-who-spoke-last",
        ),
        pytest.param(
            "Директор фірми Олег Ткач заявив, що фірма не має боргів перед бюджетом. Також там "
            "заявили, що попри прописку в Алчевську фірма звітує в податковій Харкова.",
            ["Директор фірми Олег Ткач"] * 2,
            id="there-they-said-is-the-speaker-named-before",
        ),
        pytest.param(
            "Министр Иван Петров заявил, что завод закроют до конца года. Ранее сообщалось, что "
            "доли в компании распределены поровну между тремя владельцами.",
            ["Министр Иван Петров"],
            id="what-was-reported-earlier-by-no-one-is-not-the-last-speakers",
        ),
        pytest.param(
            "Министр заявил, что цены вырастут на десять процентов. Сначала сообщалось о "
            "двукратном повышении цен на рыбу в магазинах.",
            ["Министр"],
            id="a-time-alone-before-an-impersonal-verb-names-no-speaker",
        ),
        pytest.param(
            "Министр Иван Петров заявил, что завод закроют до конца этого года. Также "
            "пожаловался, что поставщики задерживают оплату уже третий месяц.",
            ["Министр Иван Петров"] * 2,
            id="a-reflexive-verb-of-a-person-is-the-last-speakers-again",
        ),
    ],
)
def test_the_statements_found_are_these_speakers(text, speakers):
    assert [f.speaker for f in find_claims(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Баку: армянские войска ночью обстреляли Тертер из артиллерии\n\n"
            "Министерство обороны сообщило о ночном обстреле.",
            "Баку",
            "армянские войска ночью обстреляли Тертер из артиллерии",
        ),
        (
            "Переговоры прошли в Минске. Иван Петров о переговорах в Минске: «Стороны "
            "договорились об отводе тяжелого оружия».",
            "Иван Петров",
            "Стороны договорились об отводе тяжелого оружия",
        ),
    ],
)
def test_who_then_a_colon_then_what_reads_as_a_statement(text, speaker, claim):
    assert_read_as(text, speaker, claim, which=0)


@pytest.mark.parametrize(
    "text",
    [
        "Новости дня\n\nВ тексте закона блогер описан так: «Владелец сайта, который "
        "ежедневно посещают три тысячи человек».",
        "Новости дня\n\nПогода: в выходные в столице ожидаются дожди\n\nСиноптики молчат.",
    ],
)
def test_a_colon_after_a_clause_or_away_from_the_headline_is_not_a_speaker(text):
    assert find_claims(text) == []


def test_a_quotation_after_a_colon_runs_over_its_sentences_to_its_closing_mark():
    text = (
        'Музыканты записали обращение к зрителям. Иван Орлов: "Мы все знаем, как трудно '
        'сейчас. Наша страна и ваша страна - одна страна, один народ". Концерт пройдет в мае.'
    )
    found = find_claims(text)
    assert [f.speaker for f in found] == ["Иван Орлов"]
    assert found[0].text.endswith("одна страна, один народ")


def test_about_this_does_not_reach_back_over_a_paragraph_to_the_headline():
    text = (
        "Президент ответил на вопрос о свободе прессы\n\n"
        "Власть не преследует журналистов за их статьи. Об этом заявил президент Иван Петров."
    )
    assert_read_as(text, "президент Иван Петров", "Власть не преследует журналистов за их статьи")


def test_a_converb_after_the_speaker_does_not_hide_the_statement_before_it():
    text = (
        "«Никаких указаний преследовать журналистов не было и не будет», – сказал министр "
        "Иван Петров, заверив, что не существует «никакого списка неугодных изданий и "
        "авторов, которых власти хотели бы закрыть до выборов, ни в одном министерстве, ни в "
        "одном ведомстве, ни в одной области страны, как бы ни утверждали обратное»."
    )
    assert_read_as(
        text,
        "министр Иван Петров",
        "Никаких указаний преследовать журналистов не было и не будет",
        which=0,
    )


def test_an_aside_before_a_modal_goes_on_with_the_statement():
    text = (
        "Следственные органы соседних стран, продолжает Иван Петров, должны расследовать "
        "схемы отмывания денег."
    )
    found = only(text)
    assert (found.speaker, found.text) == (
        "Иван Петров",
        "Следственные органы соседних стран должны расследовать схемы отмывания денег",
    )


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        pytest.param(
            "Переговоры начнутся в Минске в пятницу. О том, что прекращение огня зависит только "
            "от воли соседей, президент Иван Петров вчера заявил в интервью радиостанции.",
            "президент Иван Петров",
            "прекращение огня зависит только от воли соседей",
            id="about-what-then-who-said-it",
        ),
        pytest.param(
            "Министры встретятся снова. О новых переговорах в Париже 24 февраля сообщают "
            "дипломатические источники.",
            "дипломатические источники",
            "новых переговорах в Париже 24 февраля",
            id="what-the-news-is-about-then-who-reports-it",
        ),
        pytest.param(
            "Водій виявився племінником власника фірми, що підтвердив її бухгалтер Ігор Ткач.",
            "її бухгалтер Ігор Ткач",
            "Водій виявився племінником власника фірми",
            id="a-clause-after-the-statement-says-who-confirmed-it",
        ),
        pytest.param(
            "Склад у порту закрыли еще в марте, о чём сообщил мэр города Олег Сидоров.",
            "мэр города Олег Сидоров",
            "Склад у порту закрыли еще в марте",
            id="a-clause-after-the-statement-says-who-reported-it",
        ),
    ],
)
def test_what_was_said_then_who_said_it_reads_as_a_statement(text, speaker, claim):
    assert_read_as(text, speaker, claim)


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        pytest.param(
            "Директор по связям с прессой Анна Орлова подтверждает, что компания войдет в "
            "экспертный совет вместе с двумя партнерами.",
            "Директор по связям с прессой Анна Орлова",
            "компания войдет в экспертный совет вместе с двумя партнерами",
            id="confirms-in-the-present",
        ),
        pytest.param(
            "«Закон не делит сайты по тому, что на них пишут, важно лишь число читателей», – "
            "отвечает ассоциация.",
            "ассоциация",
            "Закон не делит сайты по тому, что на них пишут, важно лишь число читателей",
            id="answers-after-a-quotation",
        ),
        pytest.param(
            "Пресс-секретарь ведомства Олег Сидоров вчера ограничился заявлением, что в "
            "комиссию войдут отраслевые эксперты и юристы.",
            "Пресс-секретарь ведомства Олег Сидоров",
            "в комиссию войдут отраслевые эксперты и юристы",
            id="kept-to-a-statement-that",
        ),
        pytest.param(
            "Поэтому, по мнению союза, любой сайт с тремя тысячами читателей в сутки "
            "подпадает под новый закон.",
            "союз",
            "любой сайт с тремя тысячами читателей в сутки подпадает под новый закон",
            id="therefore-opens-an-aside",
        ),
        pytest.param(
            "«Даже если мы получим лицензию, сохранить ее надолго не сможем», - сокрушается "
            "другой собеседник агентства.",
            "другой собеседник агентства",
            "Даже если мы получим лицензию, сохранить ее надолго не сможем",
            id="a-speaker-laments",
        ),
        pytest.param(
            "«Отвечать за то, что выбирает алгоритм, редакция не может», - согласна бывший "
            "редактор Анна Орлова.",
            "бывший редактор Анна Орлова",
            "Отвечать за то, что выбирает алгоритм, редакция не может",
            id="a-speaker-agrees",
        ),
        pytest.param(
            "Такая акция, по словам болельщиков, вызвана нежеланием игроков бороться за "
            "честь клуба.",
            "болельщики",
            "Такая акция вызвана нежеланием игроков бороться за честь клуба",
            id="a-short-form-after-an-aside-goes-on-with-the-statement",
        ),
        pytest.param(
            "У пояснювальній записці до постанови зазначалося, що нове агентство так і не "
            "почало працювати.",
            "пояснювальна записка до постанови",
            "нове агентство так і не почало працювати",
            id="a-document-in-lowercase-speaks",
        ),
        pytest.param(
            "На суді представник міськради заявляв, що рада виконає рішення комітету до кінця "
            "року.",
            "представник міськради",
            "рада виконає рішення комітету до кінця року",
            id="in-court-is-no-part-of-the-speaker",
        ),
        pytest.param(
            "«Гроші надійдуть вчасно, і ремонт завершиться до зими», – упевнений Іван Салюк.",
            "Іван Салюк",
            "Гроші надійдуть вчасно, і ремонт завершиться до зими",
            id="a-speaker-sure-of-it",
        ),
        pytest.param(
            "Крім того, як раніше повідомляв проект «Чиста Хата», у цьому селі збудував маєток "
            "колишній податківець.",
            "проект «Чиста Хата»",
            "у цьому селі збудував маєток колишній податківець",
            id="as-reported-earlier-by",
        ),
        pytest.param(
            "В рамках цієї ж перевірки ревізори виявили, що інститут купив автомобіль за 279 "
            "тис. грн.",
            "ревізори",
            "інститут купив автомобіль за 279 тис. грн",
            id="the-subject-after-a-circumstance-uk",
        ),
        pytest.param(
            "В ходе проверки инспекторы выяснили, что склад работал без лицензии с прошлого года.",
            "инспекторы",
            "склад работал без лицензии с прошлого года",
            id="the-subject-after-a-circumstance-ru",
        ),
        pytest.param(
            "Гендиректор оператора Иван Петров подчеркнул успешность компании: «Мы создали "
            "бизнес с базой почти 23 млн абонентов».",
            "Гендиректор оператора Иван Петров",
            "Мы создали бизнес с базой почти 23 млн абонентов",
            id="what-the-verb-takes-before-a-quotation",
        ),
        pytest.param(
            "Как сообщил председатель совета директоров Иван Родионов: «Это была бы хорошая "
            "возможность для нашей компании».",
            "председатель совета директоров Иван Родионов",
            "Это была бы хорошая возможность для нашей компании",
            id="as-reported-by-then-a-colon",
        ),
        pytest.param(
            "Суд округа постановил, что студии не принадлежат авторские права на эту песню.",
            "Суд округа",
            "студии не принадлежат авторские права на эту песню",
            id="a-court-ruled",
        ),
        pytest.param(
            "В исковом заявлении утверждается, что песня была написана еще в 1893 году.",
            "исковое заявление",
            "песня была написана еще в 1893 году",
            id="a-claim-asserted-in-a-document",
        ),
        pytest.param(
            "В связи с этим оппозиция потребовала новых выборов, однако Верховный суд страны "
            "счел, что церемонию можно провести позднее.",
            "Верховный суд страны",
            "церемонию можно провести позднее",
            id="the-clause-right-before-the-verb",
        ),
        pytest.param(
            "Накануне глава правительства на совещании, посвященном перспективам отрасли, "
            "заявил, что может в течение дня принять кадровое решение.",
            "глава правительства",
            "может в течение дня принять кадровое решение",
            id="a-meeting-is-no-part-of-the-speaker",
        ),
        pytest.param(
            "По мнению физика, которое он высказал на лекции в Оксфорде, кометы приносят на "
            "планету воду чаще, чем считалось.",
            "физик",
            "кометы приносят на планету воду чаще, чем считалось",
            id="a-clause-about-the-words-is-not-what-they-say",
        ),
        pytest.param(
            "Hansı növün daha sağlam olduğu uzun müddət mübahisə mövzusu olsa da, mütəxəssislər bu "
            "rəng fərqinin sağlamlığa təsir etmədiyini bildirirlər.",
            "mütəxəssislər",
            "bu rəng fərqinin sağlamlığa təsir etmədiyini",
            id="people-of-a-kind-after-a-clause-of-their-own-say-what-comes-before-the-verb",
        ),
    ],
)
def test_the_one_statement_reads_with_its_speaker_and_its_words(text, speaker, claim):
    found = only(text)
    assert (found.speaker, found.text) == (speaker, claim)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "По данным за 2013 год, уровень пиратства в стране составил 63%.",
            id="a-year",
        ),
        pytest.param(
            "Из-за того, что стороны обвиняют друг друга в нарушении перемирия, переговоры "
            "отложены.",
            id="a-cause",
        ),
        pytest.param(
            "«Зачем вы хамите в эфире? Зачем вы выставляете оценки вместо фактов?» — возмутился "
            "руководитель холдинга.",
            id="a-quoted-question-claims-nothing",
        ),
        pytest.param(
            "Во вторник суд признал виновным по делу о прослушивании редактора газеты Ивана "
            "Петрова.",
            id="a-court-finding-someone-guilty-in-a-case-about-something-says-nothing-about-it",
        ),
        pytest.param(
            "Зато сообщается, что один из депутатов фракции проголосовал против закона.",
            id="a-connective-before-an-impersonal-verb-is-no-one",
        ),
        pytest.param(
            "На данный момент сообщают о 13 погибших и 40 раненых в колледже.",
            id="as-of-when-is-no-one",
        ),
        pytest.param(
            "36-летний Эрик Хендрикс обвиняется в попытке вербовки людей для подготовки терактов.",
            id="the-one-accused-accuses-no-one",
        ),
        pytest.param(
            "В ходе задержания супругам сообщили, что процедура проводится по запросу ФБР.",
            id="whom-they-told-is-not-who-told-them",
        ),
        pytest.param(
            "Когда я вернулся из армии, мой кузен сказал мне, что знает одну девушку из лавки "
            "со шляпками.",
            id="i-and-mine-speak-only-inside-a-quotation",
        ),
    ],
)
def test_no_one_states_anything_here(text):
    assert find_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "«Транзит газа тоже может пострадать», - намекнул министр Иван Петров.",
        "«Со временем это уйдет, и рейтинг вырастет», — прогнозирует аналитик Иван Петров.",
        "«Церковь и политика давно связались в нашем сознании», – подытожил Иван Петров.",
    ],
)
def test_more_verbs_after_a_quotation_name_its_speaker(text):
    assert only(text).speaker.endswith("Иван Петров")


def test_a_preposition_in_a_declined_speaker_stays_as_it_is():
    from claims.ingest.inflection import nominative

    assert " из них" in nominative("одного из них", "ru", "gent")


def test_a_title_with_a_countrys_adjective_is_the_person_named_after_that_country():
    text = (
        "Премьер Иван Петров заявил, что больница закрыта на карантин. Медики не пустили в палату "
        "президента Боливии Хуана Лопеса. Как рассказал боливийский президент, медики объяснили "
        "ему отказ во встрече с больным коллегой тем, что тот нуждается в полном покое."
    )
    assert "Лопес" in find_claims(text)[-1].speaker


def test_what_the_next_paragraph_says_is_who_announced_it():
    text = (
        "Вечером в пятницу «Вестник» неожиданно распространил следующую информацию:\n\n"
        "«Основатель сети Олег Орлов продал свою долю в компании партнеру. Сумма сделки не "
        "раскрывается».\n\n"
        "Сам Олег Орлов позже опубликовал на своей странице следующий текст:\n\n"
        "Я рад, что достиг этой цели, продав свою долю старому другу.\n\n"
        "Редакция не стала комментировать эти слова."
    )
    first, second = find_claims(text)[:2]
    assert (first.speaker, first.text) == (
        "Вестник",
        "Основатель сети Олег Орлов продал свою долю в компании партнеру. Сумма сделки не "
        "раскрывается",
    )
    assert (second.speaker, second.text) == (
        "Олег Орлов",
        "Я рад, что достиг этой цели, продав свою долю старому другу",
    )


def test_a_paragraph_after_said_and_a_colon_is_the_speakers_all_of_it():
    text = (
        "Сразу после матча тренер Илья Котов сказал журналистам:\n"
        "Спасибо всем! Команда выдержала давление до последней минуты. Мы заслужили победу.\n\n"
        "В оргкомитете сообщили:\n"
        "Оргкомитет сожалеет о пропаже кубка и просит вернуть его организаторам.\n\n"
        "Об этом сообщил пресс-атташе клуба:\n\n"
        "Позже полиция заявила, что кубок нашли в раздевалке."
    )
    found = [(c.speaker, c.text) for c in find_claims(text)]
    assert found[:2] == [
        (
            "тренер Илья Котов",
            "Спасибо всем! Команда выдержала давление до последней минуты. Мы заслужили победу",
        ),
        ("оргкомитет", "Оргкомитет сожалеет о пропаже кубка и просит вернуть его организаторам"),
    ]
    # "Об этом …:" points back; the next paragraph says who says it
    assert found[-1] == ("полиция", "кубок нашли в раздевалке")


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        # a name in quotation marks before the speaker; the paragraph's "Нам объявили"
        # names no speaker of its own
        (
            "Седов тренировал команду два года.\n\n"
            "В интервью «Спорт-Экспрессу» Седов отметил:\n"
            "Нам объявили, что клуб закрывается. Скорее всего, ближайший матч станет последним.",
            "Седов",
            "Нам объявили, что клуб закрывается. Скорее всего, ближайший матч станет последним",
        ),
        # "Тогда она": when, then the pronoun, which is the person named before
        (
            "Певица Анна Седова перенесла операцию. Тогда она заявила:\n"
            "Мне нужна новая сцена под стать голосу.",
            "Анна Седова",
            "Мне нужна новая сцена под стать голосу",
        ),
    ],
)
def test_a_paragraph_after_a_colon_is_the_speakers_whatever_comes_before_the_verb(
    text, speaker, claim
):
    assert_read_as(text, speaker, claim)


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Повстанцы взяли под контроль район у перевала. Такое заявление сделал "
            "пресс-секретарь повстанцев Омар Хади.",
            "пресс-секретарь повстанцев Омар Хади",
            "Повстанцы взяли под контроль район у перевала",
        ),
        (
            "Гимнастка Юлия Белова завершила спортивную карьеру. Это сообщила мать спортсменки "
            "Дарья Белова, однако в федерации она всё ещё числится в резерве.",
            "мать спортсменки Дарья Белова",
            "Гимнастка Юлия Белова завершила спортивную карьеру",
        ),
    ],
)
def test_such_a_statement_made_by_x_points_back_like_about_this(text, speaker, claim):
    assert_read_as(text, speaker, claim, which=0)


def test_this_statement_as_a_subject_points_back_to_nothing():
    assert (
        find_claims("Это заявление вызвало бурю в соцсетях. Это сообщение не подтвердилось.") == []
    )


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "В обстреле Степанакерта Министерство обороны Армении обвинило азербайджанские "
            "войска, назвав удар преступлением.",
            "Министерство обороны Армении",
            "В обстреле Степанакерта Министерство обороны Армении обвинило азербайджанские войска",
        ),
        (
            "В отравлении журналиста Лондон обвинил россиян.",
            "Лондон",
            "В отравлении журналиста Лондон обвинил россиян",
        ),
        (
            "У обстрілі Харкова Генштаб звинуватив російські війська.",
            "Генштаб",
            "У обстрілі Харкова Генштаб звинуватив російські війська",
        ),
    ],
)
def test_an_accusation_told_what_of_first_is_the_accusers(text, speaker, claim):
    found = only(text)
    assert (found.speaker, found.text, found.stance) == (speaker, claim, "accusation")
    assert text[found.start : found.end] == claim


def test_a_time_in_v_before_an_impersonal_accusation_names_no_accuser():
    assert find_claims("В этом году его обвинили в краже велосипеда у соседа.") == []


def test_he_said_and_a_colon_is_the_person_named_before():
    text = (
        "Ведущий Дмитрий Захаров рассказал в программе о причинах убийства.\n\n"
        "Он сказал:\n"
        "Когда стало понятно, что доход формируется от рекламы, появилось много посредников."
    )
    assert [(c.speaker, c.text[:19]) for c in find_claims(text)] == [
        ("Ведущий Дмитрий Захаров", "Когда стало понятно")
    ]


def test_a_title_with_whose_it_is_is_the_person_it_named_before():
    text = (
        "В Москве умер актер Павел Орлов. Об этом сообщил его друг Михаил Соколов.\n"
        "Актер был в сознании до конца, сообщает его друг: «он всех узнавал и шутил».\n"
        "Журналист Анна Петрова сообщила, что похороны пройдут в субботу в Москве.\n"
        "Как уточнил его друг, Орлов просил провести юбилей даже без него."
    )
    speakers = [c.speaker for c in find_claims(text)]
    assert speakers == [
        "его друг Михаил Соколов",
        "его друг Михаил Соколов",
        "Журналист Анна Петрова",
        "его друг Михаил Соколов",
    ]


def test_a_headline_the_lead_repeats_is_one_claim():
    text = (
        "Мэр рассказал о планах закрыть рынок на Садовой\n\n"
        "Мэр города Игорь Белов рассказал о планах закрыть рынок на Садовой улице до конца "
        "года и построить на его месте парк."
    )
    found = find_claims(text)
    assert [c.speaker for c in found] == ["Мэр города Игорь Белов"]
    assert found[0].text.startswith("планах закрыть рынок на Садовой улице")


def test_a_lead_the_article_quotes_later_in_other_words_stays_a_claim_of_its_own():
    """A lead repeats a headline when all its telling words come back (four of five is
    another statement of the same story)."""
    text = (
        "Источник в мэрии сообщил, что Белов поссорился с двумя своими заместителями.\n\n"
        "«Белов подал прошение об отставке из-за разногласий с двумя своими заместителями», — "
        "сообщил источник газете."
    )
    assert [c.text for c in find_claims(text)] == [
        "Белов поссорился с двумя своими заместителями",
        "Белов подал прошение об отставке из-за разногласий с двумя своими заместителями",
    ]


def test_the_end_of_a_quotation_and_who_said_it_is_no_speaker():
    text = (
        "Бывший мэр Юрий Лужков рассказал о своих планах в интервью. «Это, во-первых, топливо "
        "на базе гречневой шелухи. У нас около 70 лошадей, сейчас добавили небольшое стадо "
        "коров для производства сыра», — сообщил Лужков."
    )
    assert {c.speaker for c in find_claims(text)} == {"Бывший мэр Юрий Лужков"}


def test_this_information_confirmed_is_what_the_lead_said():
    text = (
        "В Перми закрыли старейший кинотеатр города. Информацию подтвердил директор сети "
        "Андрей Волков."
    )
    assert [(c.speaker, c.text) for c in find_claims(text)] == [
        ("директор сети Андрей Волков", "В Перми закрыли старейший кинотеатр города")
    ]


def test_this_information_after_a_statement_is_no_claim_of_its_own():
    text = (
        "Губернатор Олег Ким заявил, что жители поддерживают перевод часов. Между тем депутат "
        "Анна Рябова опровергла эту информацию."
    )
    assert [c.speaker for c in find_claims(text)] == ["Губернатор Олег Ким"]


def test_what_a_document_notes_is_its_statement():
    text = (
        "Також у довідці відзначається, що з 2019 року фірма двічі змінювала власника і "
        "адресу реєстрації."
    )
    assert only(text).text == "з 2019 року фірма двічі змінювала власника і адресу реєстрації"


def test_a_converb_after_a_statement_adds_a_second_statement():
    text = (
        "Посол Анна Орлова заявила, что соседняя страна снабжает оружием повстанцев, "
        "подчеркнув, что это грубо нарушает устав организации."
    )
    first, second = find_claims(text)
    assert first.speaker == second.speaker == "Посол Анна Орлова"
    assert second.text == "это грубо нарушает устав организации"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Об этом рассказали участники совещания. По их словам, председатель Анна Орлова "
            "напомнила, что соседняя страна уже дважды нарушала договор о границе.",
            "председатель Анна Орлова",
            id="their-words-name-the-one-who-said-it",
        ),
        pytest.param(
            "Санкции против чиновников надо распространить на их семьи. Об этом говорится в "
            "статье Ивана Петрова «Как остановить войну» («How to stop the war»), опубликованной "
            "в The Guardian.",
            "Иван Петров",
            id="an-article-by-title-and-paper-is-its-authors",
        ),
        pytest.param(
            "Правительство опубликовало сообщение о переговорах. В сообщении, в частности, "
            "говорится, что цена на газ для соседей снизится с января.",
            "сообщение",
            id="an-aside-in-a-documents-name-is-not-the-speaker",
        ),
        pytest.param(
            "Банк покупает бизнес оператора за 2,4 млрд долларов. Об этом в интервью телеканалу "
            "«Россия-24» заявил первый зампред правления банка Юрий Соловьёв.",
            "первый зампред правления банка Юрий Соловьёв",
            id="where-it-was-said-then-who-said-it",
        ),
        pytest.param(
            "Решение вынес судья Иван Петров. «Ответчикам не принадлежат права на текст песни», — "
            "передает слова судьи издание.",
            "Иван Петров",
            id="the-words-an-outlet-passes-on-are-the-judges",
        ),
        pytest.param(
            "Директор предприятия уже написал заявление об уходе, в настоящий момент готовятся "
            "документы, сообщает РБК.",
            "РБК",
            id="a-resignation-letter-written-is-no-statement-but-the-outlet-reporting-it-is",
        ),
        pytest.param(
            "Глава компании Анна Орлова упомянула, что компании будут вместе работать над "
            "рекламой.",
            "Глава компании Анна Орлова",
            id="what-a-speaker-mentions-is-their-statement",
        ),
        pytest.param(
            "Осведомленный в деталях сделки источник «Вестника» также сообщил, что покупка "
            "совершается для дальнейшей перепродажи.",
            "Осведомленный в деталях сделки источник «Вестника»",
            id="the-parse-does-not-cut-a-speaker-before-its-head-noun",
        ),
    ],
)
def test_the_one_statement_is_the_speakers_it_names(text, speaker):
    assert only(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Режиссер Иван Орлов заявил, что фестиваль в этом году пройдет без зрителей. "
            "Накануне митрополит Южный и всея области Тихон резко отозвался о планах властей. "
            "«Нас лишают права на собрание. Это опасный симптом для всего общества», - заявил "
            "митрополит.",
            "митрополит Южный и всея области Тихон",
            id="a-title-after-a-quotation-is-the-person-named-with-it-before",
        ),
        # No one in the sentence before is its subject in the nominative; the spokesman in
        # the dative is the one who acts ("пришлось дать комментарий"): "По его словам" is his
        pytest.param(
            "Президент Иван Петров заявил, что переговоры нужны. Слова президента вызвали споры, "
            "и пресс-секретарю Олегу Сидорову пришлось дать уточняющий комментарий. По его "
            "словам, речь шла о переговорах внутри страны, а не о новых границах.",
            "Олег Сидоров",
            id="his-words-are-the-person-who-had-to-answer",
        ),
        pytest.param(
            "Пресс-секретарь «Альфы» Анна Орлова заявила, что новости собирает робот без "
            "редакторов. Пресс-секретарь «Беты», работающей с мая, Олег Сидоров сообщил, что "
            "лента новостей у них тоже формируется автоматически.",
            "Пресс-секретарь «Беты», работающей с мая, Олег Сидоров",
            id="a-title-of-another-body-is-not-the-person-with-that-title-before",
        ),
        pytest.param(
            "Одобрено уже шесть проектов. «Важна команда, а не только идея», - отметил "
            "Н.Сидоров, глава фонда.",
            "Н. Сидоров",
            id="an-initial-stays-a-word-of-its-own",
        ),
        pytest.param(
            "Адміністративна колегія зобов'язала змінити тендерну документацію служби доріг. "
            "Про це повідомила державна уповноважена АМКУ Олена Коваль.",
            "державна уповноважена АМКУ Олена Коваль",
            id="a-title-before-a-name-is-not-a-verb",
        ),
        pytest.param(
            "Адвокат Олег Мельник заявив, що справу передали до суду. Навесні прокурор "
            "Херсонської області повідомив, що підозрюваний міг виїхати за кордон.",
            "прокурор Херсонської області",
            id="an-official-of-a-region-is-not-the-last-person-who-spoke",
        ),
        pytest.param(
            "Прокурор Курской области Иван Петров заявил, что дело передано в суд. Позже "
            "прокурор Курской области сообщил, что обвиняемый мог уехать за границу.",
            "Прокурор Курской области Иван Петров",
            id="an-official-of-a-region-named-before-is-that-person",
        ),
        pytest.param(
            "Возмущенные уволенные сотрудники даже писали открытое письмо губернатору Ивану "
            "Петрову. Они подсчитали, что для выполнения обещаний руководство завода должно "
            "было поднять зарплату на 10%.",
            "Возмущенные уволенные сотрудники",
            id="they-are-never-the-one-person-named-before",
        ),
        pytest.param(
            "Министр Иван Петров пояснил, что ведомство готовит новый отчёт. По данным "
            "Росстата, с начала года цены на продукты выросли на 2,1%.",
            "Росстат",
            id="an-agency-the-dictionary-does-not-know-is-no-title-of-a-person",
        ),
        pytest.param(
            "Отвечая на вопрос о том, какие у него есть претензии к газете, глава холдинга "
            "сказал, что «редакция слишком часто переходит границы дозволенного».",
            "глава холдинга",
            id="a-converbs-clause-before-the-speaker-is-not-the-speaker",
        ),
        pytest.param(
            "Так, например, в Курской области сотрудники прокуратуры сравнили цены за два "
            "месяца и обнаружили, что капуста и морковь подорожали вдвое.",
            "сотрудники прокуратуры",
            id="where-they-work-and-what-else-they-did-are-not-the-speaker",
        ),
        pytest.param(
            "В поліцію звернулася потерпіла, яка розповіла, що лікар вимагав від неї гроші за "
            "прийом дитини.",
            "потерпіла",
            id="who-a-relative-clause-is-about-comes-after-the-verb",
        ),
        pytest.param(
            "«Мы условились с партнерами продолжить координацию политики», — заявил Владимир "
            "Путин. «Теперешний кризис вызван резким снижением цен на наши товары», — напомнил "
            "глава Казахстана.",
            "глава Казахстана",
            id="the-head-of-a-country-is-not-the-president-who-spoke-before",
        ),
        pytest.param(
            "Петр Орлов объявил, что подпишет соглашение после инаугурации. Новый президент хочет "
            "сохранить статус языка. Он отметил, что операция на востоке должна длиться часы.",
            "Петр Орлов",
            id="he-after-a-title-is-the-person-with-that-title",
        ),
        pytest.param(
            "«Робот ранжирует новости сам, редакция за это не отвечает», - пояснила редактор Анна "
            "Орлова. В «Почте», как рассказали в пресс-службе, поиск по новостям работает "
            "автоматически.",
            "пресс-служба",
            id="a-press-service-after-a-person-spoke-is-not-that-person",
        ),
        pytest.param(
            "Про це пише Олена Коваль у «Діловому тижні». Забудовник наполягає, що для "
            "продовження робіт йому потрібно взяти в оренду ці землі.",
            "Забудовник",
            id="a-party-to-a-deal-is-not-the-journalist-named-before",
        ),
    ],
)
def test_the_last_statement_is_the_speakers_it_names(text, speaker):
    assert find_claims(text)[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "По данным «Новой газеты» раненого журналиста перевезли в областную больницу.",
            "Новая газета",
            "раненого журналиста перевезли в областную больницу",
        ),
        (
            "По данным Reuters колонна отошла от границы на двадцать километров.",
            "Reuters",
            "колонна отошла от границы на двадцать километров",
        ),
    ],
)
def test_a_source_in_quotation_marks_or_latin_letters_needs_no_comma(text, speaker, claim):
    assert_read_as(text, speaker, claim)


def test_the_clause_saying_where_the_speaker_is_is_not_part_of_its_name():
    assert_read_as(
        "В госпитале Гадрута, где раненый был прооперирован, сообщили, что двое бойцов в "
        "тяжёлом состоянии.",
        "госпиталь Гадрута",
        "двое бойцов в тяжёлом состоянии",
    )
    # but in "X, который заявил" the relative word is the subject: X speaks
    (found,) = find_claims(
        "Хозяином дома оказался местный фермер Виктор, который заявил, что пожар начался с "
        "соседнего участка."
    )
    assert found.speaker == "Виктор"


def test_a_second_source_inside_the_first_ones_sentence_speaks_for_itself():
    text = (
        "В больнице рассказали, что у пострадавшего перелом руки, между тем РИА Новости "
        "утверждает, что у него сотрясение мозга."
    )
    first, second = find_claims(text)
    assert (first.speaker, first.text) == ("больница", "у пострадавшего перелом руки")
    assert (second.speaker, second.text) == ("РИА Новости", "у него сотрясение мозга")
    assert text[second.start : second.end] == second.text


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "В прошлом году Forbes оценил состояние банкира в 4,2 млрд долларов.",
            "Forbes",
            "состояние банкира в 4,2 млрд долларов",
        ),
        (
            "Эксперты страховой компании оценили ущерб от пожара в 30 миллионов рублей.",
            "Эксперты страховой компании",
            "ущерб от пожара в 30 миллионов рублей",
        ),
        (
            "Задержанный дал показания, что в ту ночь был дома и оружия не видел.",
            "Задержанный",
            "в ту ночь был дома и оружия не видел",
        ),
        (
            "Свідок дав свідчення, що бачив машину біля будинку о третій ночі.",
            "Свідок",
            "бачив машину біля будинку о третій ночі",
        ),
    ],
)
def test_an_estimate_with_its_figure_and_testimony_are_statements(text, speaker, claim):
    assert_read_as(text, speaker, claim)


def test_last_year_or_this_week_is_when_not_who():
    assert_read_as(
        "В прошлом году министр заявил, что расходы на армию выросли вдвое.",
        "министр",
        "расходы на армию выросли вдвое",
    )
    assert_read_as(
        "На цьому тижні міністр заявив, що витрати на армію зросли вдвічі.",
        "міністр",
        "витрати на армію зросли вдвічі",
    )


@pytest.mark.parametrize(
    "text",
    [
        "У 2008 році проект оцінили в 21 млн гривень, а через чотири роки вдвічі дорожче.",
        "Охранное агентство оценило свои услуги в 900 рублей за час работы.",
        "Мэрия оценила обстановку в городе как спокойную.",
    ],
)
def test_a_thing_valued_or_a_price_set_is_no_estimate_of_a_speaker(text):
    assert find_claims(text) == []


def test_what_the_speaker_added_after_the_aside_that_named_them_is_a_second_statement():
    text = (
        "Колонна попала под обстрел у моста, сообщили спасатели, добавив, что раненых "
        "доставили в районную больницу."
    )
    first, second = find_claims(text)
    assert (first.speaker, first.text) == ("спасатели", "Колонна попала под обстрел у моста")
    assert (second.speaker, second.text) == (
        "спасатели",
        "раненых доставили в районную больницу",
    )
    assert text[second.start : second.end] == second.text


@pytest.mark.parametrize(
    ("text", "speaker", "claim", "stance"),
    [
        (
            "Ранее «Ведомости» писали, что сделку попросили не закрывать до выборов.",
            "Ведомости",
            "сделку попросили не закрывать до выборов",
            "assertion",  # a request not to, not a denial
        ),
        (
            "Следователи подозревают, что пожар на складе начался из-за поджога.",
            "Следователи",
            "пожар на складе начался из-за поджога",
            "assertion",
        ),
        (
            "Глава района Сергей Волков подтвердил гибель трёх человек.",
            "Глава района Сергей Волков",
            "гибель трёх человек",
            "assertion",
        ),
    ],
)
def test_writing_suspecting_and_confirming_with_an_object_are_statements(
    text, speaker, claim, stance
):
    (found,) = find_claims(text)
    assert (found.speaker, found.text, found.stance) == (speaker, claim, stance)


@pytest.mark.parametrize(
    "text",
    [
        "Министр в очередной раз подтвердил готовность страны к переговорам с соседями.",
        "Информацию о сделке подтвердил и первый заместитель директора компании.",
    ],
)
def test_a_confirmed_readiness_or_the_information_confirmed_is_no_claim(text):
    assert find_claims(text) == []


def test_whom_an_impersonal_verb_accuses_is_not_the_accuser():
    assert (
        find_claims(
            "35-летнего водителя обвиняли в нападении на полицейского за то, что он толкнул его."
        )
        == []
    )
    (found,) = find_claims("Напомним, на Западе обвиняют Москву в поставках оружия боевикам.")
    assert found.stance == "accusation" and found.text.startswith("Москву в поставках")


def test_what_sources_supposed_is_theirs_and_both_alone_is_no_one():
    assert_read_as(
        "Накануне источники в правительстве предполагали, что премьер объявит об отставке.",
        "источники в правительстве",
        "премьер объявит об отставке",
    )
    assert find_claims("Подготовлены два проекта реформы - оба предполагают отмену выборов.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "В пятницу министр юстиции Олег Ковальчук заявил, что покидает свой пост.",
            "министр юстиции Олег Ковальчук",
            "покидает свой пост",
        ),
        (
            "О гибели двух журналистов под Мартуни первыми сообщили армянские СМИ со ссылкой "
            "на местных жителей.",
            "армянские СМИ",
            "гибели двух журналистов под Мартуни",
        ),
        (
            "Посольство Армении подтвердило факт задержания трёх граждан в Тбилиси.",
            "Посольство Армении",
            "факт задержания трёх граждан в Тбилиси",
        ),
    ],
)
def test_short_statements_after_a_clear_frame_and_what_was_reported_named_first(
    text, speaker, claim
):
    assert_read_as(text, speaker, claim)


def test_a_conversation_told_about_is_no_statement():
    assert find_claims("О разговоре с Байденом рассказал сам Корреа во время обращения.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "По словам врачей раненый водитель находится в тяжёлом, но стабильном состоянии.",
            "врачи",
            "раненый водитель находится в тяжёлом, но стабильном состоянии",
        ),
        (
            "По данным правоохранительных органов задержанный ранее дважды был судим за разбой.",
            "правоохранительные органы",
            "задержанный ранее дважды был судим за разбой",
        ),
    ],
)
def test_a_source_in_the_genitive_needs_no_comma_after_it(text, speaker, claim):
    assert_read_as(text, speaker, claim)


def test_a_year_after_the_frame_is_when_not_whose():
    assert find_claims("По данным за 2013 год выручка компании выросла почти вдвое.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "claim"),
    [
        (
            "Бывший мэр Олег Ткаченко признал себя виновным в получении взятки от подрядчика.",
            "Бывший мэр Олег Ткаченко",
            "себя виновным в получении взятки от подрядчика",
        ),
        (
            "Водій визнав свою провину у скоєнні ДТП на трасі Київ – Одеса.",
            "Водій",
            "свою провину у скоєнні ДТП на трасі Київ – Одеса",
        ),
        (
            "Напомним, что по данным следствия, водитель скрылся с места аварии на угнанной "
            "машине.",
            "следствие",
            "водитель скрылся с места аварии на угнанной машине",
        ),
    ],
)
def test_an_admission_of_guilt_and_a_frame_after_a_reminder(text, speaker, claim):
    assert_read_as(text, speaker, claim)


def test_whom_they_answered_and_where_it_was_posted_are_not_who_spoke():
    assert_read_as(
        "Обратившимся за комментарием журналистам, в пресс-службе министерства ответили, что "
        "эти сведения не соответствуют действительности.",
        "пресс-служба министерства",
        "эти сведения не соответствуют действительности",
    )
    text = (
        "В своём последнем сообщении в Facebook в пятницу, 13 марта, Алексей писал:\n"
        "Я закончил новую книгу о войне, она выйдет весной в Москве."
    )
    (found,) = find_claims(text)
    assert found.speaker == "Алексей"


def test_confirming_this_information_is_not_a_statement_of_its_own():
    text = (
        "Певец умер ночью после концерта в Ижевске, сообщил его отец.\n\n"
        "Позднее эту информацию подтвердил концертный директор музыканта Павел Беленец."
    )
    assert [f.speaker for f in find_claims(text)] == ["его отец"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Президент попросил не проводить встречу до выборов.", "assertion"),
        ("Міністерство закликало громадян не вірити чуткам.", "assertion"),
        ("Это не новость для жителей района.", "denial"),
        ("Армия не будет применять кассетные боеприпасы.", "denial"),
        ("Министр попросил не публиковать имена, но войска не отступали.", "denial"),
    ],
)
def test_a_request_not_to_do_something_is_no_denial(text, stance):
    from claims.meaning import stance as stances

    assert stances.guess(text) == stance


def test_an_event_reported_in_two_words_is_a_statement_but_plans_are_not():
    assert_read_as("Отец певца сообщил о смерти артиста.", "Отец певца", "смерти артиста")
    assert find_claims("Мэр сообщил о планах.") == []


def test_a_quoted_name_in_a_clause_after_the_source_is_not_the_speaker():
    text = (
        "Торги провели без конкурсу через нагальну потребу замовника. Про це йдеться в "
        "обґрунтуванні закупівлі, проведеної за процедурою «в одного учасника»."
    )
    assert "учасник" not in only(text).speaker


def test_a_question_in_a_quotation_is_not_the_subject_a_pronoun_stands_for():
    text = (
        "«Зачем вы хамите в эфире? Зачем вы ехидничаете?» — возмутился глава холдинга. "
        "«Это все равно модерируемый процесс, а не просто площадка для всех», — добавил он."
    )
    assert not find_claims(text)[-1].speaker.startswith("Зачем")


def test_one_mark_closing_two_quotations_still_ends_the_whole_quotation():
    text = (
        "Премьер выступил перед журналистами. «Наконец достигнута договоренность о пересмотре "
        "газовых контрактов. Будет создан новый оператор «Газ Юг», — цитирует агентство "
        "премьера Ивана Петрова."
    )
    assert only(text).text.startswith("Наконец достигнута договоренность")


@pytest.mark.parametrize(
    "text",
    [
        "Это говорит о том, что армия готовится к наступлению на город.",
        "Все говорят, что зима будет долгой и холодной в этом году.",
        "Це говорить про те, що армія готується до наступу на місто.",
    ],
)
def test_a_verb_whose_subject_speaks_for_nobody_is_not_a_statement(text):
    assert find_claims(text) == []


def test_russian_is_parsed_where_no_frame_reads_the_sentence():
    from claims.ingest import russian_syntax

    assert russian_syntax.available(), "natasha's model files, slovnet and navec are installed"
    text = (
        "Пресс-секретарь Минобороны Армении Шушан Степанян в воскресенье сообщила, что "
        "азербайджанская армия применила фосфорные боеприпасы.\n"
        "Азербайджанская сторона, как утверждает Баку, не использовала запрещённое оружие.\n"
        "Как заявил помощник президента Азербайджана Хикмет Гаджиев, армянские силы "
        "обстреляли Гянджу."
    )
    first, aside, leading = find_claims(text)
    # The subject of the verb, without the time the frame would have kept ("в воскресенье").
    assert first.speaker == "Пресс-секретарь Минобороны Армении Шушан Степанян"
    # A parenthetical attribution: the statement is the main clause around it.
    assert (aside.speaker, aside.text) == (
        "Баку",
        "Азербайджанская сторона не использовала запрещённое оружие",
    )
    assert text[aside.start : aside.end].startswith("Азербайджанская сторона, как утверждает")
    assert (leading.speaker, leading.text) == (
        "помощник президента Азербайджана Хикмет Гаджиев",
        "армянские силы обстреляли Гянджу",
    )


def test_a_parse_that_heads_a_word_on_itself_is_read_without_hanging():
    """The parser heads the first word of a quote opened with three quotation marks on
    itself; walking the tree used to loop there for ever, eating memory: one pasted sentence
    stopped a worker. It runs in a process of its own so that a regression fails the test
    instead of hanging the run."""
    sentence = '"""Благодарю, Анна, это для вас"", - сказал представитель штаба Иван Петров.'
    program = (
        "import django, json, sys; django.setup()\n"
        "from claims.ingest import russian_syntax\n"
        "from claims.ingest.attribution import find_claims\n"
        "tokens = russian_syntax.parse(sys.argv[1])\n"
        "found = find_claims(sys.argv[1])\n"
        "print(json.dumps([any(t.head == t.index for t in tokens),"
        " [(f.speaker, f.text) for f in found]]))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", program, sentence],
            capture_output=True,
            text=True,
            timeout=90,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "verify.settings"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading one sentence did not finish in 90 s")
    assert done.returncode == 0, done.stderr
    self_headed, found = json.loads(done.stdout.strip().splitlines()[-1])
    assert self_headed, "the parse still heads a word on itself: this test tests that case"
    assert found == [["представитель штаба Иван Петров", "Благодарю, Анна, это для вас"]]


def test_the_ministry_that_acted_in_the_sentence_before_is_the_one_the_statement_names():
    text = (
        "По словам омбудсмена Артака Бегларяна, пожары уничтожили несколько гектаров леса.\n"
        "Министерство обороны Азербайджана категорически опровергло эти обвинения.\n"
        "«Азербайджанская армия не имеет на вооружении фосфорных боеприпасов», – говорится в "
        "заявлении ведомства."
    )
    ombudsman, ministry = find_claims(text)
    assert ombudsman.speaker == "омбудсмен Артак Бегларян"
    assert ministry.speaker == "Министерство обороны Азербайджана"  # not the ombudsman
    assert ministry.stance == "denial"


def test_the_speaker_named_in_the_next_sentence_is_the_speaker_of_the_one_before():
    text = (
        "Армянские подразделения не ведут огонь по мирным населённым пунктам. Об этом "
        "сообщила пресс-секретарь Минобороны Армении Шушан Степанян."
    )
    found = only(text)
    assert found.speaker == "пресс-секретарь Минобороны Армении Шушан Степанян"
    assert found.text == "Армянские подразделения не ведут огонь по мирным населённым пунктам"
    assert found.stance == "denial"


def test_the_ministry_and_its_spokesman_point_back_to_the_speaker_named_before():
    text = (
        "Müdafiə Nazirliyi bildirib ki, erməni bölmələri Ağdam istiqamətində mövqeləri atəşə "
        "tutub.\nNazirliyin məlumatına görə, atəş nəticəsində iki hərbçi yaralanıb."
    )
    first, second = find_claims(text)
    assert first.speaker == second.speaker == "Müdafiə Nazirliyi"


@pytest.mark.parametrize(
    "written,actor",
    [
        ("Azərbaycan Müdafiə Nazirliyinin", "Ministry of Defence of Azerbaijan"),  # genitive
        ("Azərbaycan Müdafiə Nazirliyindən", "Ministry of Defence of Azerbaijan"),  # ablative
        ("Ermənistan Müdafiə Nazirliyinə", "Ministry of Defence of Armenia"),  # dative
        ("ՀՀ պաշտպանության նախարարությունը", "Ministry of Defence of Armenia"),  # article
        ("Նիկոլ Փաշինյանի", "Nikol Pashinyan"),  # genitive
        ("Նիկոլ Փաշինյանը", "Nikol Pashinyan"),
    ],
)
def test_a_speaker_with_a_case_ending_or_article_resolves_to_its_actor(db, written, actor):
    from claims.demo.newsroom import load_demo
    from claims.ingest.speakers import resolve

    load_demo()
    assert resolve(written).actor.name == actor


def test_a_new_armenian_speaker_is_proposed_without_the_article(db):
    from claims.ingest.speakers import resolve

    assert resolve("Արցախի ՄԻՊ Գեղամ Ստեփանյանը").proposed == "Արցախի ՄԻՊ Գեղամ Ստեփանյան"


def test_english_rules_are_not_applied_to_other_scripts_and_english_still_reads():
    english = "The Armenian defence ministry said that Azerbaijani drones struck Stepanakert."
    russian = "Министерство обороны Азербайджана заявило, что армянские войска обстреляли Тертер."
    found = find_claims(f"{english}\n{russian}")
    assert [f.speaker for f in found] == [
        "The Armenian defence ministry",
        "Министерство обороны Азербайджана",
    ]


def test_the_labelled_reports_reach_the_bar_in_every_language(db):
    # Texts written by us for these rules (the issue's real reports are others'): this is a
    # floor that catches a broken frame, not the figure for real news.
    total, per_file = evaluate_folder(REPORTS)
    by_language = {}
    for name, score in per_file.items():
        by_language.setdefault(name[:2], []).append(score)
    counts = {code: len(scores) for code, scores in by_language.items()}
    assert counts == {"ru": 5, "uk": 5, "az": 5, "hy": 3, "tr": 3, "fr": 3}
    for code, scores in by_language.items():
        labels = sum(s.labels for s in scores)
        matched = sum(s.matched for s in scores)
        found = sum(s.found for s in scores)
        assert matched / labels >= 0.75 and matched / found >= 0.8, code
    assert total.recall >= 0.85 and total.precision >= 0.9


def test_a_pasted_russian_report_shows_its_claims_and_a_language_not_read_says_so(
    worker, demo, client
):
    russian = (REPORTS / "ru-tertar.txt").read_text()
    article, _ = submit.submit_text(russian.encode())
    wait_for(lambda: finished(article), message="the pipeline")
    assert article.status == Article.Status.READY, article.error
    assert article.language == "ru"
    speakers = list(
        article.suggestions.order_by("span_start").values_list("speaker_text", "stance")
    )
    assert ("Министерство обороны Азербайджана", "assertion") in speakers
    assert ("пресс-секретарь Минобороны Армении Шушан Степанян", "denial") in speakers

    german = (
        "Das Verteidigungsministerium in Baku erklärte, armenische Truppen hätten die Stadt "
        "Terter in der Nacht mit Raketen beschossen. Die Regierung in Eriwan wies das zurück."
    )
    other, _ = submit.submit_text(german.encode())
    wait_for(lambda: finished(other), message="the pipeline")
    log_in(client, demo["users"][roles.FACT_CHECKER])
    page = client.get(other.newsroom_url()).content.decode()
    assert "Claims are not suggested for German yet" in page
    assert "Claims are not suggested" not in client.get(article.newsroom_url()).content.decode()
