"""Who a speaker is when the sentence does not name them in full (Russian and Ukrainian):
a title or a role ("гендиректор Большого", "77-летний писатель", "боливийский президент"),
a body pointed back to ("ведомство", "пресс-служба"), a pronoun's person, a name in another
case. The lexicon frames (claims/ingest/lexicon.py) find the words; this says whose they are,
from the statements found before and the sentences read since.
"""

import os
import re

from claims.ingest.inflection import morphology, nominative

MAX_QUOTED_SENTENCES = 8  # a quotation read back over at most this many sentences


def is_name(word, lang) -> bool:
    """Whether a capitalised word is most likely a name ("По" is a preposition first)."""
    parses = morphology(lang.code).parse(word)
    return len(word) > 2 and bool(parses) and bool({"Name", "Surn"} & parses[0].tag.grammemes)


def resolve_speaker(speaker, found, lang, mentioned=None, previous=(), earlier=()):
    """The speaker as last named in full, when the words point back to one ("the ministry",
    "Nazirliyin", "il") or give a surname alone ("Çavuşoğlu"). `mentioned`: a subject named
    since the last statement ("Минобороны … опровергло эти обвинения."), which the words
    point back to first. `previous`: the sentences since the last statement; `earlier`: the
    sentences before this one, statements or not (else `previous`)."""
    words = speaker.split()
    if lang.code in ("ru", "uk") and re.fullmatch(
        r"(?i:эксперт|аналитик|експерт|аналітик)", speaker
    ):
        # "Эксперт института … Владимир Брутер предсказал … «…», – отметил эксперт": the
        # expert the article named with that title (else a new one, unnamed)
        for sentence in reversed(list(earlier or previous)[-MAX_QUOTED_SENTENCES:]):
            if _titled(sentence.text, speaker[:5].lower(), lang) and (
                person := person_named([sentence], lang)
            ):
                return person
        last = mentioned or (found[-1].speaker if found else "")
        if last and not names_person(last, lang):
            return speaker  # "В Кремле заявили … «…», – говорит эксперт": not the Kremlin
    # "глава Казахстана" heads a country: the role's rules below, not the last speaker (but
    # "глава Минобороны" is the minister who spoke before)
    own_body = re.fullmatch(r"(?:глава|голова|очільник)\s+([A-ZА-ЯЁІЇЄҐ]\S*)", speaker) and any(
        "Geox" in p.tag.grammemes for p in morphology(lang.code).parse(speaker.split()[1])[:2]
    )
    if (
        lang.pointing_back
        and not own_body
        and re.fullmatch(rf"(?:{lang.pointing_back})", speaker, re.IGNORECASE)
    ):
        # "в пресс-службе", "в министерстве" after a person spoke: a body, not that person
        body = re.fullmatch(
            r"(?i)(?:пресс|прес|ведомств|министерств|відомств|міністерств)\S*", speaker
        )
        last = mentioned or (found[-1].speaker if found else "")
        if (
            lang.code in ("ru", "uk")
            and role_described(speaker, lang)
            and last
            and not names_person(last, lang)
            and (person := person_named(list(previous)[-1:], lang))
        ):
            # "МИД РФ счел … неприемлемыми. Представитель МИД Мария Захарова прокомментировала
            # … Так, дипломат отметила": a person's title, the person named just before, not
            # the body that acted or spoke last
            return person
        if mentioned:
            # "Новый президент хочет … Он отметил": the president, as a title resolves
            if mentioned == speaker:
                return speaker
            return resolve_speaker(mentioned, found, lang, None, previous)
        if body and (named_body := _body_before(previous, lang)):
            # "Минфин США ввел санкции. По данным ведомства, …": the body named since
            return named_body
        if found and not (body and names_person(found[-1].speaker, lang)):
            return found[-1].speaker
    if lang.code in ("ru", "uk") and (role := role_described(speaker, lang)):
        # "руководитель театра", "77-летний писатель", "Президент": a person described, not
        # named, is the person named before: the speaker with that title, else the last
        # person who spoke
        named = [e.speaker for e in reversed(found) if names_person(e.speaker, lang)]
        if mentioned and names_person(mentioned, lang):
            named.append(mentioned)
        # … of the same body: "пресс-секретарь «Спутника»" is not "пресс-секретарь «Яндекса»"
        bodies = [
            w.strip('«»"“”').lower()[:5]
            for w in speaker.split()[1:]
            if w[:1] in '«"“' or (w[:1].isupper() and not is_name(w, lang))
        ]
        titled = [
            n
            for n in named
            if any(w[:5].lower() == role for w in n.split())
            and all(body in n.lower() for body in bodies)
        ]
        if titled:
            return titled[0]
        # "… не позволили навестить его президенту Боливии Эво Моралесу. Как рассказал
        # боливийский президент, …": the person named after the country the title names
        if person := _of_country(speaker, previous, lang):
            return person
        # "Глава Совета Михаил Федотов выступил с инициативой. Как считает глава СПЧ, …"
        # (back over a quotation: "Патриарх Кирилл отозвался … «…», - заявил патриарх")
        for sentence in reversed(list(previous)[-MAX_QUOTED_SENTENCES:]):
            # (the one the title names, in whatever case, before the sentence's subject:
            # "Энстрем задала вопрос президенту Финляндии Саули Ниинистё. Президент отметил")
            if _titles(sentence.text, role, lang) and (
                person := _title_holder(sentence.text, role, lang)
                or person_named([sentence], lang)
                or _titled(sentence.text, role, lang)
            ):
                return person
        # "прокурор Запорізької області": an official of a region named, who is not the
        # last person who spoke unless the title said so
        if named and not bodies:
            return named[0]
        if bodies:
            # "гендиректор Большого" after "гендиректор ГАБТа Владимир Урин": one title, the
            # body named otherwise (not in quotation marks, where a name is a name); but
            # "глава Казахстана" is not the last person who spoke
            same_title = [
                n
                for n in named
                if any(role in w.lower() for w in n.split()) and not re.search('[«"“]', n)
            ]
            return same_title[0] if same_title else speaker
    if (
        len(words) == 1
        and mentioned
        and any(_same_word(words[0], w) for w in mentioned.split()[1:])
    ):
        return mentioned  # "Юрий Лужков рассказал о своих планах. «…», — сообщил Лужков"
    if not found:
        return speaker
    if len(words) == 1 and not (
        lang.code in ("ru", "uk")
        and any("Geox" in p.tag.grammemes for p in morphology(lang.code).parse(words[0])[:2])
    ):
        # a surname alone is the person named in full, in whatever case ("Талибан" is not
        # "представитель талибов"; "В Германии считают" is not "глава МИД Германии X")
        for before in reversed(found):
            if any(_same_word(words[0], w) for w in before.speaker.split()[1:]):
                return before.speaker
    return speaker


_A_BODY = re.compile(
    r"(?<!\w)(?:Мин(?:фин|юст|обороны|здрав|экономразвития|энерго|транс|пром|сельхоз|обр|"
    r"труд|строй|цифры|природы|просвещения|спорт|культуры)\w*|МИД|МВД|Міноборони|МЗС|МВС|"
    r"Мінфін\w*|Мінюст\w*)(?:\s+(?:США|РФ|России|Украины|України|Германии|Франции|"
    r"Великобритании|Британии|Азербайджана|Армении|Турции|Израиля|Китая|[A-ZА-ЯЁІЇЄҐ]{2,5}))?"
)


def _body_before(previous, lang) -> str:
    """The ministry the sentences since the last statement name ("Минфин США ввел санкции"),
    in the nominative, else ""."""
    for sentence in reversed(list(previous)[-MAX_QUOTED_SENTENCES:]):
        found = _A_BODY.search(sentence.text)
        if found:
            name = found.group()
            first = name.split()[0]
            if not any("nomn" in p.tag or "Fixd" in p.tag or "Abbr" in p.tag
                       for p in morphology(lang.code).parse(first)[:2]):  # fmt: skip
                name = nominative(name, lang.code, "gent")
            return name
    return ""


def _same_word(one, other) -> bool:
    """Whether two words are one in different cases: all but the shorter's last letter
    shared, and at least five letters."""
    one, other = one.lower(), other.lower()
    shared = len(os.path.commonprefix([one, other]))
    return shared >= max(5, min(len(one), len(other)) - 1)


def _of_country(speaker, previous, lang) -> str:
    """The person named right after the country a title's adjective names ("боливийский
    президент" is "президент Боливии Эво Моралес"), in the sentences before, else ""."""
    analyzer = morphology(lang.code)
    stems = [
        w[:5].lower()
        for w in speaker.split()
        if len(w) > 5 and analyzer.parse(w)[0].tag.POS == "ADJF" and w[:1].islower()
    ]
    for stem in stems:
        for sentence in reversed(list(previous)[-MAX_QUOTED_SENTENCES:]):
            found = re.search(
                rf"(?<!\w){stem[:1].upper()}{stem[1:]}\w*((?:\s+[А-ЯЁІЇЄҐ][\w'’-]+){{1,3}})",
                sentence.text,
            )
            if found and names_person(found.group(1), lang):
                name = found.group(1).strip()
                for case in ("datv", "gent", "ablt", "accs"):  # whichever case it is in
                    if any(case in p.tag for p in analyzer.parse(name.split()[-1])[:2]):
                        return nominative(name, lang.code, case)
                return name
    return ""


# People described who are usually someone new, not the person named before
_NEW_PEOPLE = r"источник\w*|эксперт\w*|аналитик\w*|жител\w*|очевид\w*|свидетел\w*|джерел\w*|"
_NEW_PEOPLE += r"експерт\w*|мешкан\w*|свідк\w*|один|одна|одно|ещё|еще|ще|інший|другой|"
# … and someone of a body, unnamed: "представитель компании Google", "собеседник РБК" (bare,
# "представитель" and "собеседник" point back to the speaker named before)
_NEW_PEOPLE += r"представител\w*|собеседник\w*|сотрудник\w*|менеджер\w*|представник\w*|"
_NEW_PEOPLE += r"співрозмовник\w*|працівник\w*|"
# … and the parties to a deal or a lawsuit, most often companies: "Забудовник наполягає"
_NEW_PEOPLE += r"забудовник\w*|застройщик\w*|замовник\w*|заказчик\w*|підрядник\w*|"
_NEW_PEOPLE += r"подрядчик\w*|постачальник\w*|поставщик\w*|позивач\w*|истец|истца|"
_NEW_PEOPLE += r"відповідач\w*|ответчик\w*|орендар\w*|арендатор\w*|інвестор\w*|инвестор\w*"


_WHOSE = {"его", "её", "ее", "их", "його", "її", "їх", "їхній", "їхня"}
_KIN = re.compile(
    r"(?i)(?:дочь|дочка|сын|жена|супруг|муж|мать|отец|брат|сестр|вдов|внук|внучк|родител|"
    r"донька|син|дружин|чолов|мати|батьк|онук|онучк)"
)


def role_described(speaker, lang) -> str:
    """The first five letters of the title when `speaker` describes one person without
    naming anyone ("гендиректор Большого", "77-летний писатель"), else ""."""
    # "его друг", "її лікар": whose, then the title (but "Его дочь" is a new person, kin
    # of the one named before, never that one)
    first = speaker.split()[:2]
    if len(first) == 2 and first[0].lower() in _WHOSE and _KIN.match(first[1]):
        return ""
    words = [w for w in speaker.split() if w.lower() not in _WHOSE]
    if not words or len(words) > 5 or re.search(rf"(?i)\b(?:{_NEW_PEOPLE})\b", speaker):
        return ""
    analyzer = morphology(lang.code)
    for word in words:
        parses = analyzer.parse(word.strip(',.«»"“”()'))
        if not parses:
            return ""
        tag = parses[0].tag
        if tag.POS in ("ADJF", "NUMR") or "NUMB" in tag or not word[:1].isalpha():
            continue  # "77-летний", "бывший"
        # "глава" is a chapter first and a head of something second
        # a title the dictionary knows: "Росстата" is guessed animate, and is an agency
        # (in the nominative, as a speaker is: "официальные лица" are people, not a face)
        person = next(
            (
                p.tag
                for p in parses[:3]
                if p.tag.POS == "NOUN" and "anim" in p.tag and p.is_known and "nomn" in p.tag
            ),
            None,
        )
        if (
            person is not None
            and "plur" not in person
            and not ({"Name", "Surn", "Patr"} & tag.grammemes)
        ):
            if (
                names_person(speaker, lang)
                or any(
                    later[:1].isupper()
                    and not later.isupper()
                    # ("Глава МИД Германии": the body, in the genitive, is no part of a name)
                    and any("nomn" in p.tag for p in analyzer.parse(later)[:2])
                    for later in words[1:]
                )
                and word[:1].isupper()
            ):
                return ""  # "Еста Холдинг": a name, not a description
            return word[:5].lower()
        return ""
    return ""


def _titles(text, role, lang) -> bool:
    """Whether the text holds a noun that opens with the title's letters ("председатель",
    not "представлен")."""
    return any(
        part_of_speech(word, lang) == "NOUN"
        for word in re.findall(rf"(?i)(?<!\w){re.escape(role)}[\w'’-]*", text)
    )


def _titled(text, role, lang) -> str:
    """The title and the name after it ("Патриарх Московский и всея Руси Кирилл"), when the
    title opens a subject in the nominative, else ""."""
    analyzer = morphology(lang.code)
    for found in re.finditer(rf"(?i)(?<!\w){role}[\w'’-]*((?:\s+[\w'’-]+){{0,5}})", text):
        if not any("nomn" in p.tag for p in analyzer.parse(found.group().split()[0])[:2]):
            continue
        words = found.group().split()
        for end in range(1, len(words)):
            word = words[end]
            if part_of_speech(word, lang) in ("VERB", "PREP"):
                break  # "Президент отдыхал в Мармарисе": no name after the title
            if word[:1].isupper() and {"Name", "Surn"} & analyzer.parse(word)[0].tag.grammemes:
                # … and the rest of the name: "президент Реджеп Тайип Эрдоган"
                while end + 1 < len(words) and re.fullmatch(
                    r"[A-ZА-ЯЁІЇЄҐ][\w'’-]+", words[end + 1]
                ):
                    end += 1
                return " ".join(words[: end + 1])
    return ""


def _title_holder(text, role, lang) -> str:
    """The person a title not in the nominative names ("президенту Финляндии Саули
    Ниинистё": Саули Ниинистё), in the nominative, else "". The name starts within four
    words of the title, with a word the dictionary tags as a first name or a surname."""
    analyzer = morphology(lang.code)
    for found in re.finditer(rf"(?<!\w)(?i:{role})[\w'’-]*", text):
        title = analyzer.parse(found.group())[:1]
        if not title or "nomn" in title[0].tag:
            continue  # a subject in the nominative: _titled's
        words = re.findall(r"[\w'’-]+", text[found.end() :])[:6]
        for at, word in enumerate(words[:4]):
            named = [p for p in analyzer.parse(word) if {"Name", "Surn"} & p.tag.grammemes]
            if not (word[:1].isupper() and named):
                continue
            run = [word]
            for after in words[at + 1 : at + 3]:
                if not after[:1].isupper():
                    break
                run.append(after)
            case = next(
                (c for c in ("datv", "gent", "ablt", "loct", "accs") if c in named[0].tag), None
            )
            name = " ".join(run)
            return nominative(name, lang.code, case) if case else name
    return ""


def names_person(speaker, lang) -> bool:
    """Whether a speaker names a person: a capitalised first name or surname in it, or (in
    Ukrainian, whose dictionary knows few foreign names) a name it does not know, in two
    capitalised words or after an initial ("Гернот Блюмель", "Г. Блюмель")."""
    analyzer = morphology(lang.code)
    words = speaker.split()
    if any(
        word[:1].isupper()
        and len(word) > 2
        and any({"Name", "Surn"} & p.tag.grammemes for p in analyzer.parse(word)[:2])
        for word in words
    ):
        return True
    if lang.code != "uk":
        return False  # (the Russian dictionary guesses unknown names itself)
    capitalised = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{2,}"
    for first, second in zip(words, words[1:], strict=False):
        unknown = re.fullmatch(capitalised, second) and not analyzer.parse(second)[0].is_known
        if unknown and (
            re.fullmatch(r"[А-ЯЁІЇЄҐ]\.", first)
            or (re.fullmatch(capitalised, first) and not analyzer.parse(first)[0].is_known)
        ):
            return True
    return False


def person_named(previous, lang) -> str:
    """The person the sentence before names as its subject, in the nominative (Russian
    and Ukrainian: the morphology dictionaries tag first names and surnames)."""
    if lang.code not in ("ru", "uk") or not previous:
        return ""
    analyzer = morphology(lang.code)
    # not a name quoted: "«… на мосту Кірпи напартачила …», – сказав він"
    unquoted = re.sub(r"[«“][^«»“”]*(?:[»”]|$)", " ", previous[-1].text)
    unquoted = re.sub(r"[«“].*$", " ", unquoted)
    unquoted = re.sub(r'"[^"]*"', " ", unquoted)  # «холдинга "Петромед"»: a company
    # "[С Путиным]": a preposition that opens an editor's bracket, not an initial ("С.")
    unquoted = re.sub(r"(?<![\w.])([СВКОУ])(?=\s+[А-ЯЁІЇЄҐ])", lambda m: m[1].lower(), unquoted)
    runs, run, gender, named, subject, before = [], [], None, [], [], None
    words = re.findall(r"[\w'’-]+", unquoted)
    for at, word in enumerate(words):
        parses = [p for p in analyzer.parse(word) if {"Name", "Surn"} & p.tag.grammemes]
        if run and not parses and _untagged_surname(analyzer, word, words[at + 1 : at + 2]):
            run.append(word)
            continue
        if not (word[:1].isupper() and parses):
            if run:
                runs.append(run)
            run, gender, before = [], None, word
            continue
        if not run:
            # the subject's case: the nominative, else the dative of "Пескову пришлось
            # дать комментарий" (the one who acts), else any
            subject.append(
                2 if any("nomn" in p.tag for p in parses)
                else 1 if any("datv" in p.tag for p in parses[:1]) else 0
            )  # fmt: skip
            # a name alone opens the sentence or follows a verb, not "вулиці" or "в Києві"
            # a name alone is most likely a name ("Суди" is courts, "А" a conjunction)
            likely = {"Name", "Surn"} & analyzer.parse(word)[0].tag.grammemes
            named.append(
                bool(likely)
                and (before is None or part_of_speech(before, lang) not in ("NOUN", "PREP", "ADJF"))
                and not (before and re.fullmatch(r"вул|ул|м|с|пр|просп|пл|пров|пер", before))
            )
        # "Марию Петрову" is Мария Петрова: the gender of the name before
        parse = next((p for p in parses if gender and gender in p.tag), parses[0])
        gender = gender or parse.tag.gender
        if any("nomn" in p.tag for p in parses):
            run.append(word)
        else:
            inflected = parse.inflect({"nomn"})
            run.append(inflected.word.capitalize() if inflected else word)
    if run:
        runs.append(run)
    kept = [
        (run, nominative)
        for run, ok, nominative in zip(runs, named, subject, strict=True)
        if ok or len(run) > 1
    ]
    # the subject: the first name in the nominative ("Корнієць підтвердив … журналісту Дмитру
    # Гнапу", "… Владимиром Путиным … заговорил бизнесмен Сергей Колесников"), else the first
    # in the dative, else the first
    if not kept:
        return ""
    best = max(case for _, case in kept)
    return " ".join(next(run for run, case in kept if case == best))


def _untagged_surname(analyzer, word, after) -> bool:
    """Whether a word after a first name is a surname the dictionary does not tag, in the
    nominative, that ends the name ("Евгения Чудновец усмотрела", "Эннио Морриконе")."""
    return (
        word[:1].isupper()
        and word[1:].islower()
        # (the original's spelling may follow: "Вольфганг Бюхеле (Wolfgang Büchele)")
        and not (after and after[0][:1].isupper() and re.search(r"[а-яёіїєґ]", after[0], re.I))
        and (
            any("nomn" in p.tag for p in analyzer.parse(word))
            # (a foreign surname that does not decline, which the dictionary does not know)
            or (word[-1] in "еиоуюэ" and not any(p.is_known for p in analyzer.parse(word)))
        )
        and not any({"Geox", "Orgn"} & p.tag.grammemes for p in analyzer.parse(word))
    )


def part_of_speech(word, lang):
    """The most likely part of speech of a word, punctuation aside."""
    parses = morphology(lang.code).parse(word.strip(',.:;«»"“”()'))
    if parses and parses[0].tag.POS == "ADJF" and "pssv" in parses[0].tag:
        return "PRTS"  # Ukrainian's dictionary: "зареєстрована" as a passive adjective
    return parses[0].tag.POS if parses else None
