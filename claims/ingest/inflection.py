"""Speakers as Russian and Ukrainian reports decline them, back in the nominative:
"по словам омбудсмена Артака Бегларяна" was said by "омбудсмен Артак Бегларян", "за даними
Генштабу" by "Генштаб", "заявили в Кремлі" by "Кремль". So the speaker resolves to the actor
its aliases name, and a new actor is proposed under its own name.

The frame tells the case ("по словам" takes the genitive, "в" the locative); only the
phrase's head is changed (the words up to its first noun) and people's names:
"омбудсмена Нагорного Карабаха" keeps "Нагорного Карабаха", which depends on it. Morphology
comes from pymorphy3 (MIT) with the OpenCorpora and VESUM dictionaries packaged for it
(CC BY-SA), pinned by hash in deploy/pinned-by-hash.txt.
"""

from functools import cache

NAME_TAGS = {"Name", "Surn", "Patr"}


@cache
def morphology(code):
    """pymorphy3's analyser for Russian or Ukrainian, loaded once per process."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


def nominative(speaker: str, code: str, case: str) -> str:
    """`speaker`, read in `case` ("gent", "loct"…), with its head and people's names in the
    nominative. Russian and Ukrainian only; other text is returned as it is."""
    if code not in ("ru", "uk") or not speaker:
        return speaker
    analyzer = morphology(code)
    result, in_head = [], True
    words = speaker.split()
    for at, word in enumerate(words):
        if len(word) > 1 and word.isupper():  # "АМКУ", "ЗСУ": an abbreviation, not declined
            result.append(word)
            in_head = False
            continue
        if analyzer.parse(word)[0].tag.POS in ("PREP", "CONJ", "PRCL"):
            # "одного из них": a preposition ends the head and is never declined
            result.append(word)
            in_head = False
            continue
        parses = [p for p in analyzer.parse(word) if case in p.tag]
        parse = next((p for p in parses if "sing" in p.tag), parses[0] if parses else None)
        if word[:1].isupper():
            # "Дмитрия Тренина": a surname, before the word it also spells ("тренин")
            parse = next(
                (p for p in parses if NAME_TAGS & p.tag.grammemes and "sing" in p.tag), parse
            )
        head = _head_gender(analyzer, words[at + 1 : at + 2], case)
        if parse is not None and parse.tag.POS == "NOUN" and head:
            # "главного редактора": an adjective before its noun, not "главное" (a noun)
            parse = next((p for p in parses if p.tag.POS == "ADJF"), parse)
        if (
            parse is not None
            and parse.tag.POS in ("ADJF", "PRTF")
            and not _head_gender(analyzer, words[at + 1 :], case)
        ):
            # "самого обвиняемого" with no noun after it: a person, the masculine before the
            # neuter its forms share
            parse = next((p for p in parses if {"masc", "sing"} <= p.tag.grammemes), parse)
        is_name = parse is not None and bool(NAME_TAGS & parse.tag.grammemes)
        if (
            parse is not None
            and word[:1].isupper()
            and "plur" in parse.tag
            and not is_name
            and any({"nomn", "sing", "anim"} <= p.tag.grammemes for p in analyzer.parse(word))
        ):
            # "по мнению Чудновец": a woman's surname, which does not decline, read as the
            # genitive plural of a man's
            result.append(word)
            in_head = False
            continue
        if parse is not None and (in_head or (is_name and word[:1].isupper())):
            # the number the word has ("Віснику" names one herald, "Силах" many forces)
            plural = "plur" in parse.tag
            inflected = parse.inflect({"nomn", "plur" if plural else "sing"})
            if parse.tag.POS == "ADJF" and not plural:
                # "Київського відділення" is Київське відділення: the noun's gender
                gender = _head_gender(analyzer, words[at + 1 :], case)
                inflected = (parse.inflect({"nomn", gender}) if gender else None) or inflected
            if not inflected and not plural:
                # Ukrainian's dictionary leaves the singular untagged: its first form
                inflected = parse.lexeme[0]
            if inflected:
                new = inflected.word
                word = new[:1].upper() + new[1:] if word[:1].isupper() else new
        result.append(word)
        if parse is None or parse.tag.POS == "NOUN":
            in_head = False
    return " ".join(result)


def _head_gender(analyzer, words, case):
    """The gender of the first noun among `words`, read in `case`."""
    for word in words:
        for parse in analyzer.parse(word):
            if parse.tag.POS == "NOUN" and case in parse.tag:
                return parse.tag.gender
    return None
