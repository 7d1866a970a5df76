"""The demo newsroom: a war report in which each side accuses the other.

The articles are written for this demo (facts restated from a public report of the 2020
Karabakh war, day 37); the evidence URLs are placeholders on example.org. load_demo() only
creates what is missing, so running it twice changes nothing.
"""

import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from accounts import roles, two_factor
from claims import workflow
from claims.defaults import ensure_default_scale
from claims.models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Correction,
    Evidence,
    ExternalFactCheck,
    FactCheckSource,
    FundingSource,
    MastheadEntry,
    Organisation,
    Outlet,
    Rating,
    RatingScale,
    ReplyAttempt,
    Side,
    Topic,
    Verdict,
)

UTC = dt.UTC
S = Claim.Status

DEMO_USERS = [
    # username, password, role, first name, last name
    ("admin", "demo-admin-pass", roles.ADMIN, "Ada", "Admin"),
    ("editor", "demo-editor-pass", roles.EDITOR, "Elena", "Editor"),
    ("checker", "demo-checker-pass", roles.FACT_CHECKER, "Farid", "Checker"),
]

# The second factor of the demo's editor and admin: an authenticator key anyone may add to an
# app, and five recovery codes (hyphens are ignored when typed). Well known, like the
# passwords: a demo only.
DEMO_AUTHENTICATOR_KEYS = {
    "admin": "3132333435363738393031323334353637383930",
    "editor": "3031323334353637383930313233343536373839",
}
DEMO_RECOVERY_CODE_COUNT = 5


def demo_recovery_codes(username):
    return [f"{username}-recovery-{n}" for n in range(1, DEMO_RECOVERY_CODE_COUNT + 1)]


SIDES = ["Armenia", "Azerbaijan", "Nagorno-Karabakh (de facto authorities)", "Russia", "Turkey"]

# name, kind, side, role, aliases
ACTORS = [
    (
        "Defence Ministry of Nagorno-Karabakh",
        "institution",
        "Nagorno-Karabakh (de facto authorities)",
        "de facto ministry",
        [
            "de facto Defence Ministry of Nagorno-Karabakh",
            "Stepanakert's defence ministry",
            "Artsakh Defence Ministry",
            "Karabakh defence ministry",
        ],
    ),
    (
        "Ministry of Defence of Armenia",
        "institution",
        "Armenia",
        "",
        [
            "Armenian MOD",
            "Armenia's Defence Ministry",
            "Armenian Defence Ministry",
            "Министерство обороны Армении",
            "Минобороны Армении",
            "Ermənistan Müdafiə Nazirliyi",
            "ՀՀ պաշտպանության նախարարություն",
        ],
    ),
    (
        "Ministry of Defence of Azerbaijan",
        "institution",
        "Azerbaijan",
        "",
        [
            "Azerbaijani MOD",
            "Azerbaijan's Defense Ministry",
            "Azerbaijani Defence Ministry",
            "Azerbaijani Army",
            "Министерство обороны Азербайджана",
            "Минобороны Азербайджана",
            "Azərbaycan Müdafiə Nazirliyi",
            "Azərbaycan Respublikasının Müdafiə Nazirliyi",
        ],
    ),
    (
        "Ministry of Foreign Affairs of Armenia",
        "institution",
        "Armenia",
        "",
        ["Armenian MFA", "Armenia's Foreign Ministry", "Armenian Foreign Ministry"],
    ),
    (
        "Ministry of Foreign Affairs of Russia",
        "institution",
        "Russia",
        "",
        ["Russian MFA", "Russia's Foreign Ministry", "Russian Foreign Ministry", "МИД России"],
    ),
    (
        "Government of Armenia",
        "institution",
        "Armenia",
        "",
        ["Armenian authorities", "Armenian officials", "Yerevan"],
    ),
    (
        "Government of Azerbaijan",
        "institution",
        "Azerbaijan",
        "",
        ["Azerbaijani authorities", "Azerbaijani officials", "Baku"],
    ),
    (
        "Nikol Pashinyan",
        "person",
        "Armenia",
        "Prime Minister of Armenia",
        [
            "Pashinyan",
            "Armenian Prime Minister",
            "Armenia's Prime Minister",
            "Никол Пашинян",
            "Nikol Paşinyan",
            "Նիկոլ Փաշինյան",
        ],
    ),
    (
        "Ilham Aliyev",
        "person",
        "Azerbaijan",
        "President of Azerbaijan",
        [
            "Aliyev",
            "Azerbaijani President",
            "Azerbaijan's President",
            "Ильхам Алиев",
            "İlham Əliyev",
        ],
    ),
    (
        "Shushan Stepanyan",
        "person",
        "Armenia",
        "Spokesperson of the Ministry of Defence of Armenia",
        ["Шушан Степанян", "Şuşan Stepanyan", "Շուշան Ստեփանյան"],
    ),
    ("Reuters", "media", None, "news agency", []),
]

TOPICS = [
    "Shelling",
    "Prohibited weapons",
    "Foreign fighters",
    "Territorial control",
    "Diplomacy",
    "Casualties",
]

OUTLET = ("Regional Conflict Desk (demo)", "news.example.org")

DAY_37 = {
    "url": "https://news.example.org/karabakh-war-day-37",
    "title": "Karabakh war, day 37: both sides trade accusations",
    "author": "Demo correspondent",
    "published_at": dt.datetime(2020, 11, 2, 18, 0, tzinfo=UTC),
    "text": (
        "Karabakh war, day 37: both sides trade accusations\n\n"
        "The defence ministry in Stepanakert, which no state recognises, said on 2 November "
        "that fighting of varying intensity went on along the whole front. "
        "It accused Azerbaijan's forces of firing Grad and Smerch rockets at the towns of "
        "Martuni and Martakert. The ministry also said that its deputy minister, Colonel "
        "Artur Sargsyan, had been killed in action.\n\n"
        "Armenia's Defence Ministry said Azerbaijani troops had shelled David Bek, a village "
        "in Armenia's southern Syunik province, killing one person and wounding two. "
        "Armenian officials also accused Azerbaijan of using phosphorus munitions.\n\n"
        "Azerbaijan's Defence Ministry said that Armenian units had fired missiles and "
        "artillery at Azerbaijani army positions and at villages along the front through "
        "1 November and the following night. It said Armenian troops had fired from the "
        "Noyemberyan, Berd and Vardenis areas of Armenia at Azerbaijani units in Gazakh, "
        "Tovuz and Dashkesan. The ministry announced that its army had taken control of "
        "several more villages in the Jabrayil, Zangilan and Gubadli districts.\n\n"
        "Armenian Prime Minister Nikol Pashinyan wrote to Russian President Vladimir Putin, "
        "asking him to begin urgent consultations on what help Russia could give to secure "
        "Armenia, and cited the two countries' 1997 friendship treaty. Russia's Foreign "
        "Ministry answered that Moscow would give Yerevan all necessary help under the treaty "
        "if the fighting spread to Armenian territory.\n\n"
        "Azerbaijani President Ilham Aliyev said the letter amounted to an admission of "
        "defeat, because Armenia had asked Russia for military support. He said Moscow's "
        "reply showed that Armenian troops were fighting on foreign soil.\n\n"
        "Armenia's Foreign Ministry condemned what it called Turkey's recruitment of foreign "
        "terrorist fighters from Syria and Libya to fight in Karabakh, and said Karabakh "
        "forces had already captured two Syrian fighters serving with Azerbaijani units. "
        "Azerbaijani officials, for their part, pointed to a Reuters report that Lebanese "
        "citizens of Armenian descent were fighting on the Karabakh side.\n"
    ),
}

DENIAL = {
    "url": "https://news.example.org/baku-rejects-phosphorus-accusation",
    "title": "Baku rejects phosphorus accusation",
    "author": "Demo correspondent",
    "published_at": dt.datetime(2020, 11, 3, 9, 30, tzinfo=UTC),
    "text": (
        "Baku rejects phosphorus accusation\n\n"
        "Azerbaijan's Defence Ministry rejected the Armenian accusation on 3 November, saying "
        "that its army does not use weapons banned under international law. The ministry "
        "called the accusation an attempt to distract from Armenian strikes on Azerbaijani "
        "towns far from the front.\n"
    ),
}

# The same allegation as reported in Russian and answered in Azerbaijani: the newsroom logs
# the original words, and writes the checkable sentence in its own language.
REPORT_IN_RUSSIAN = {
    "url": "https://news.example.org/ru/yerevan-phosphorus",
    "title": "Ереван обвинил Баку в применении фосфорных боеприпасов",
    "author": "Demo correspondent",
    "published_at": dt.datetime(2020, 10, 31, 12, 0, tzinfo=UTC),
    "language": "ru",
    "text": (
        "Ереван обвинил Баку в применении фосфорных боеприпасов\n\n"
        "Пресс-секретарь Минобороны Армении Шушан Степанян заявила, что азербайджанская "
        "армия применила боеприпасы с белым фосфором против лесов под Шушой. По её словам, "
        "огонь подбирается к жилым кварталам.\n\n"
        "В Баку обвинения отвергли.\n"
    ),
}

REPORT_IN_AZERBAIJANI = {
    "url": "https://news.example.org/az/fosfor-iddialari",
    "title": "Müdafiə Nazirliyi fosfor iddialarını təkzib edib",
    "author": "Demo correspondent",
    "published_at": dt.datetime(2020, 10, 31, 15, 0, tzinfo=UTC),
    "language": "az",
    "text": (
        "Müdafiə Nazirliyi fosfor iddialarını təkzib edib\n\n"
        "Azərbaycan Müdafiə Nazirliyi bildirib ki, Azərbaycan Ordusu ağ fosfor və ya "
        "beynəlxalq hüquqla qadağan olunmuş digər sursatdan istifadə etmir. Nazirliyin "
        "məlumatına görə, erməni tərəfi bu iddiaları mülki obyektlərə zərbələrini ört-basdır "
        "etmək üçün yayır.\n"
    ),
}

# The accusations and the denials that answer one; every other demo claim is an assertion.
STANCES = {
    "rockets": "accusation",
    "phosphorus": "accusation",
    "phosphorus-denial": "denial",
    "phosphorus-in-russian": "accusation",
    "phosphorus-denial-in-azerbaijani": "denial",
    "distraction": "accusation",
}

# key, article, speaker, quote (a substring of the article), checkable form, topics, status
CLAIMS = [
    (
        "rockets",
        DAY_37,
        "Defence Ministry of Nagorno-Karabakh",
        "It accused Azerbaijan's forces of firing Grad and Smerch rockets at the towns of "
        "Martuni and Martakert.",
        "Azerbaijani forces fired Grad and Smerch rockets at Martuni and Martakert on "
        "2 November 2020.",
        ["Shelling"],
        S.SELECTED,
    ),
    (
        "sargsyan",
        DAY_37,
        "Defence Ministry of Nagorno-Karabakh",
        "its deputy minister, Colonel Artur Sargsyan, had been killed in action",
        "Colonel Artur Sargsyan, de facto deputy defence minister of Nagorno-Karabakh, was "
        "killed in action.",
        ["Casualties"],
        S.NEW,
    ),
    (
        "david-bek",
        DAY_37,
        "Ministry of Defence of Armenia",
        "Azerbaijani troops had shelled David Bek, a village in Armenia's southern Syunik "
        "province, killing one person and wounding two",
        "Azerbaijani fire on David Bek in Armenia's Syunik province killed one person and "
        "wounded two.",
        ["Shelling", "Casualties"],
        S.ASSIGNED,
    ),
    (
        "phosphorus",
        DAY_37,
        "Government of Armenia",
        "Armenian officials also accused Azerbaijan of using phosphorus munitions.",
        "Azerbaijan used phosphorus munitions in the Karabakh war.",
        ["Prohibited weapons"],
        S.IN_RESEARCH,
    ),
    (
        "phosphorus-denial",
        DENIAL,
        "Ministry of Defence of Azerbaijan",
        "its army does not use weapons banned under international law",
        "Azerbaijan's army has not used weapons banned under international law.",
        ["Prohibited weapons"],
        S.NEW,
    ),
    (
        "armenian-fire",
        DAY_37,
        "Ministry of Defence of Azerbaijan",
        "Armenian units had fired missiles and artillery at Azerbaijani army positions and at "
        "villages along the front",
        "Armenian units fired missiles and artillery at Azerbaijani positions and villages on "
        "1 and 2 November 2020.",
        ["Shelling"],
        S.PUBLISHED,
    ),
    (
        "cross-border-fire",
        DAY_37,
        "Ministry of Defence of Azerbaijan",
        "Armenian troops had fired from the Noyemberyan, Berd and Vardenis areas of Armenia at "
        "Azerbaijani units in Gazakh, Tovuz and Dashkesan",
        "Armenian troops fired from inside Armenia (Noyemberyan, Berd, Vardenis) at Azerbaijani "
        "units in Gazakh, Tovuz and Dashkesan.",
        ["Shelling"],
        S.PUBLISHED,
    ),
    (
        "villages",
        DAY_37,
        "Ministry of Defence of Azerbaijan",
        "its army had taken control of several more villages in the Jabrayil, Zangilan and "
        "Gubadli districts",
        "Azerbaijan's army took control of further villages in Jabrayil, Zangilan and Gubadli "
        "on 2 November 2020.",
        ["Territorial control"],
        S.NEW,
    ),
    (
        "letter",
        DAY_37,
        "Nikol Pashinyan",
        "asking him to begin urgent consultations on what help Russia could give to secure Armenia",
        "Pashinyan asked Putin to start consultations on Russian assistance to Armenia under "
        "the 1997 treaty.",
        ["Diplomacy"],
        S.PUBLISHED,
    ),
    (
        "russian-reply",
        DAY_37,
        "Ministry of Foreign Affairs of Russia",
        "Moscow would give Yerevan all necessary help under the treaty if the fighting spread "
        "to Armenian territory",
        "Russia's Foreign Ministry said Moscow would help Armenia under the 1997 treaty if "
        "fighting spread to Armenian territory.",
        ["Diplomacy"],
        S.PUBLISHED,
    ),
    (
        "admission-of-defeat",
        DAY_37,
        "Ilham Aliyev",
        "the letter amounted to an admission of defeat",
        "Pashinyan's letter to Putin is an admission of defeat.",
        ["Diplomacy"],
        S.REJECTED,
    ),
    (
        "foreign-soil",
        DAY_37,
        "Ilham Aliyev",
        "Moscow's reply showed that Armenian troops were fighting on foreign soil",
        "Russia's reply shows that Armenian troops are fighting outside Armenia.",
        ["Diplomacy"],
        S.PUBLISHED,
    ),
    (
        "turkey-recruits",
        DAY_37,
        "Ministry of Foreign Affairs of Armenia",
        "Turkey's recruitment of foreign terrorist fighters from Syria and Libya to fight in "
        "Karabakh",
        "Turkey recruited fighters from Syria and Libya to fight for Azerbaijan in Karabakh.",
        ["Foreign fighters"],
        S.IN_REVIEW,
    ),
    (
        "syrians-captured",
        DAY_37,
        "Ministry of Foreign Affairs of Armenia",
        "Karabakh forces had already captured two Syrian fighters serving with Azerbaijani units",
        "Karabakh forces captured two Syrian fighters serving with Azerbaijani units.",
        ["Foreign fighters"],
        S.PUBLISHED,
    ),
    (
        "lebanese-fighters",
        DAY_37,
        "Government of Azerbaijan",
        "Lebanese citizens of Armenian descent were fighting on the Karabakh side",
        "Lebanese citizens of Armenian descent fought for the Karabakh forces.",
        ["Foreign fighters"],
        S.PUBLISHED,
    ),
    (
        "phosphorus-in-russian",
        REPORT_IN_RUSSIAN,
        "Shushan Stepanyan",
        "азербайджанская армия применила боеприпасы с белым фосфором против лесов под Шушой",
        "Azerbaijan's army used white phosphorus munitions on the forests near Shusha.",
        ["Prohibited weapons"],
        S.NEW,
    ),
    (
        "phosphorus-denial-in-azerbaijani",
        REPORT_IN_AZERBAIJANI,
        "Ministry of Defence of Azerbaijan",
        "Azərbaycan Ordusu ağ fosfor və ya beynəlxalq hüquqla qadağan olunmuş digər sursatdan "
        "istifadə etmir",
        "Azerbaijan's army does not use white phosphorus or other munitions banned under "
        "international law.",
        ["Prohibited weapons"],
        S.PUBLISHED,
    ),
    (
        "distraction",
        DENIAL,
        "Ministry of Defence of Azerbaijan",
        "an attempt to distract from Armenian strikes on Azerbaijani towns far from the front",
        "Armenian forces struck Azerbaijani towns far from the front in early November 2020.",
        ["Shelling"],
        S.RETRACTED,
    ),
]

# from, kind, to, note
LINKS = [
    ("phosphorus", "counter", "phosphorus-denial", "Baku's denial of the accusation."),
    (
        "david-bek",
        "counter",
        "cross-border-fire",
        "Each side says the other fired across the Armenia-Azerbaijan border.",
    ),
    ("rockets", "counter", "armenian-fire", "Each side accuses the other of shelling towns."),
    (
        "turkey-recruits",
        "counter",
        "lebanese-fighters",
        "Foreign fighters: each side says the other brought them in.",
    ),
    ("syrians-captured", "counter", "lebanese-fighters", ""),
    ("syrians-captured", "supports", "turkey-recruits", ""),
    ("russian-reply", "responds_to", "letter", ""),
    ("admission-of-defeat", "responds_to", "letter", ""),
    ("foreign-soil", "responds_to", "russian-reply", ""),
    ("phosphorus-in-russian", "same", "phosphorus", "The same accusation, reported in Russian."),
    (
        "phosphorus-in-russian",
        "counter",
        "phosphorus-denial-in-azerbaijani",
        "Baku's answer, in Azerbaijani.",
    ),
]

# claim, rating slug, headline, summary, explanation, published on (None: a draft), evidence
VERDICTS = [
    (
        "russian-reply",
        "true",
        "Yes, Moscow tied its help to fighting on Armenian soil",
        "Russia's Foreign Ministry did say that it would give Armenia all necessary help "
        "under their 1997 treaty if the fighting spread to Armenian territory.",
        "The ministry's statement of 31 October 2020 makes the treaty's assistance conditional "
        "on hostilities taking place on Armenia's own territory. The claim reports that "
        "condition accurately.",
        dt.datetime(2020, 11, 4, 12, 0, tzinfo=UTC),
        [
            (
                "Statement of the Russian Foreign Ministry, 31 October 2020",
                "https://mid.example.ru/russian-mfa-statement",
                "supports",
            )
        ],
    ),
    (
        "phosphorus",
        "unproven",
        "Phosphorus use: the evidence so far does not settle it",
        "Draft: images show incendiary effects but no independent laboratory analysis yet.",
        "Draft in progress.",
        None,
        [
            (
                "Footage analysed by open-source researchers",
                "https://osint.example.org/osint-incendiary-footage",
                "context",
            )
        ],
    ),
    (
        "turkey-recruits",
        "mostly-true",
        "Syrian fighters were reported on Azerbaijan's side; Libya is not documented",
        "Several investigations documented Syrian fighters recruited to fight for Azerbaijan; "
        "we found no evidence of recruits from Libya.",
        "Draft for review: independent reporting and a war monitor documented recruitment of "
        "Syrian fighters. The claim's mention of Libya is not supported by what we found.",
        None,
        [
            (
                "Investigation into recruitment of Syrian fighters",
                "https://investigations.example.org/syrian-recruitment",
                "supports",
            ),
            (
                "War monitor report on fighters sent abroad",
                "https://war-monitor.example.org/monitor-report",
                "supports",
            ),
        ],
    ),
    (
        "letter",
        "true",
        "Yes, Pashinyan wrote to Putin asking for consultations",
        "Armenia's government published the prime minister's letter to the Russian president, "
        "which asks for urgent consultations on help under the 1997 treaty.",
        "The letter was published by the Armenian government on the day it was sent, and "
        "the Kremlin confirmed receiving it. It cites the 1997 treaty and asks for "
        "consultations; it does not ask for troops.",
        dt.datetime(2020, 11, 4, 15, 0, tzinfo=UTC),
        [
            (
                "The prime minister's letter, as published by the government",
                "https://gov.example.am/pashinyan-letter",
                "supports",
            ),
            (
                "Kremlin spokesman confirms the letter arrived",
                "https://kremlin.example.ru/kremlin-confirms-letter",
                "supports",
            ),
        ],
    ),
    (
        "foreign-soil",
        "misleading",
        "Moscow's reply was conditional; it did not say where Armenian troops fought",
        "Russia's Foreign Ministry said it would help if fighting reached Armenian territory. "
        "It said nothing about Armenian troops fighting outside Armenia.",
        "President Aliyev drew a conclusion the statement does not contain. The ministry set a "
        "condition for assistance; it made no finding about where Armenian units were.",
        dt.datetime(2020, 11, 5, 10, 0, tzinfo=UTC),
        [
            (
                "Statement of the Russian Foreign Ministry, 31 October 2020",
                "https://mid.example.ru/russian-mfa-statement",
                "refutes",
            )
        ],
    ),
    (
        "syrians-captured",
        "mostly-true",
        "Two captured Syrian fighters: charged by Armenian prosecutors",
        "Karabakh forces said they had captured two Syrian men fighting for Azerbaijan; "
        "Armenian prosecutors later charged both.",
        "At first only the captors' own videos backed the claim. Charges brought by Armenian "
        "prosecutors, which name both men, now support it; the trial has not ended.",
        dt.datetime(2020, 11, 6, 9, 0, tzinfo=UTC),
        [
            (
                "Videos of the interrogation released by the Karabakh authorities",
                "https://karabakh-info.example.org/interrogation-videos",
                "context",
            ),
            (
                "Prosecutor's statement on the charges",
                "https://prosecutor.example.am/prosecutor-charges",
                "supports",
            ),
        ],
    ),
    (
        "lebanese-fighters",
        "unproven",
        "Lebanese volunteers for Karabakh: reported, not documented",
        "A news agency reported Lebanese-Armenians going to fight; we found no record of "
        "how many went or whether they fought.",
        "The report quotes relatives and social media posts. Neither side's authorities "
        "published numbers, and no independent source confirmed combat.",
        dt.datetime(2020, 11, 6, 14, 0, tzinfo=UTC),
        [
            (
                "News agency report on Lebanese-Armenian volunteers",
                "https://news-agency.example.org/lebanese-volunteers",
                "context",
            )
        ],
    ),
    (
        "armenian-fire",
        "unproven",
        "Shelling of Azerbaijani positions and villages: only the ministry's word",
        "Azerbaijan's Defence Ministry reported the strikes; no independent observer could "
        "reach the front to confirm them.",
        "Both ministries published accusations of shelling for the same night. Journalists "
        "had no access to the front line, and no satellite imagery was published.",
        dt.datetime(2020, 11, 7, 11, 0, tzinfo=UTC),
        [
            (
                "Azerbaijani Defence Ministry bulletin, 2 November",
                "https://mod.example.az/az-mod-bulletin",
                "context",
            )
        ],
    ),
    (
        "cross-border-fire",
        "unproven",
        "Fire from inside Armenia: not confirmed by anyone but the ministry",
        "Azerbaijan's Defence Ministry named three Armenian districts; Armenia denied it, "
        "and no observer confirmed either account.",
        "The claim names places, which makes it checkable in principle, but no monitoring "
        "mission covered the border and both ministries contradict each other.",
        dt.datetime(2020, 11, 7, 16, 0, tzinfo=UTC),
        [
            (
                "Azerbaijani Defence Ministry bulletin, 2 November",
                "https://mod.example.az/az-mod-bulletin",
                "context",
            ),
            (
                "Armenian Defence Ministry denial",
                "https://mil.example.am/am-mod-denial",
                "refutes",
            ),
        ],
    ),
    (
        "phosphorus-denial-in-azerbaijani",
        "unproven",
        "Baku's denial of phosphorus use cannot be confirmed yet",
        "Azerbaijan's Defence Ministry denied using white phosphorus; no independent "
        "laboratory has examined samples from the burnt forests.",
        "A denial is as checkable as the accusation it answers. Until samples are analysed "
        "independently, neither can be confirmed; we link both and will update this verdict.",
        dt.datetime(2020, 11, 8, 12, 0, tzinfo=UTC),
        [
            (
                "Statement of the Azerbaijani Defence Ministry, 31 October",
                "https://mod.example.az/az-mod-phosphorus-denial",
                "context",
            )
        ],
    ),
    (
        "distraction",
        "mostly-true",
        "Strikes far from the front: towns were hit",
        "Towns in Azerbaijan far from the front line were hit in early November.",
        "Withdrawn: see the retraction notice.",
        dt.datetime(2020, 11, 5, 18, 0, tzinfo=UTC),
        [
            (
                "Azerbaijani prosecutor's list of strikes",
                "https://genprosecutor.example.az/az-prosecutor-list",
                "supports",
            )
        ],
    ),
]

# The claim in a few words, as search results show it beside the rating (under 75 characters).
CLAIM_REVIEWED = {
    "russian-reply": "Russia offered Armenia help if fighting reached Armenian soil",
    "phosphorus": "Azerbaijan used phosphorus munitions in Karabakh",
    "turkey-recruits": "Turkey recruited Syrian and Libyan fighters for Azerbaijan",
    "letter": "Pashinyan asked Putin for consultations on help under the 1997 treaty",
    "foreign-soil": "Russia's reply shows Armenian troops fight outside Armenia",
    "syrians-captured": "Karabakh forces captured two Syrian fighters",
    "lebanese-fighters": "Lebanese-Armenians fought for the Karabakh forces",
    "armenian-fire": "Armenian units shelled Azerbaijani positions and villages",
    "cross-border-fire": "Armenian troops fired at Azerbaijan from inside Armenia",
    "phosphorus-denial-in-azerbaijani": "Azerbaijan's army does not use white phosphorus",
    "distraction": "Armenian forces struck Azerbaijani towns far from the front",
}

# Published on one source, and why (the newsroom asks for two independent ones): a claim
# about what someone said is checked against the record of their own words.
SOURCING_EXCEPTIONS = {
    "russian-reply": "The claim is about what the ministry said; its own statement is the record.",
    "foreign-soil": "The claim reads the ministry's statement; the statement itself settles "
    "what it says.",
    "lebanese-fighters": "Only one outlet reported the volunteers; we say so in the verdict "
    "and rate the claim unproven.",
    "armenian-fire": "No independent account exists; the verdict is unproven for that reason.",
    "phosphorus-denial-in-azerbaijani": "The denial's only record is the ministry's statement; "
    "the verdict is unproven until samples are analysed.",
}

# Right of reply on published verdicts: claim, who, how, outcome, answer.
REPLIES = [
    ("foreign-soil", "Presidential press office of Azerbaijan", "e-mail", "no_answer", ""),
    ("lebanese-fighters", "Foreign Ministry of Azerbaijan", "e-mail", "declined", ""),
    (
        "cross-border-fire",
        "Press service of Azerbaijan's Defence Ministry",
        "phone",
        "answered",
        "The ministry stands by its bulletin and says its radar recorded the launches.",
    ),
    ("letter", "Office of the Prime Minister of Armenia", "e-mail", "answered", "Confirmed."),
]

# Public changes to published verdicts: claim, kind, note, rating before (None: unchanged),
# day. The verdict's rating in VERDICTS is the one after the change.
CHANGES = [
    (
        "letter",
        "correction",
        "We first gave the date of the letter as 1 November; it was sent on 31 October.",
        None,
        dt.datetime(2020, 11, 5, 9, 0, tzinfo=UTC),
    ),
    (
        "syrians-captured",
        "update",
        "Armenian prosecutors charged both men; we added their statement to the sources.",
        "unproven",
        dt.datetime(2020, 11, 12, 10, 0, tzinfo=UTC),
    ),
]

RETRACTIONS = {
    "distraction": (
        "We rated a list of towns we could not verify: the prosecutor's list we relied on "
        "was later withdrawn.",
        dt.datetime(2020, 11, 9, 12, 0, tzinfo=UTC),
    )
}

REJECTION_REASON = "An opinion about the meaning of a letter, not a checkable statement of fact."


def _article(data, outlet):
    text = data["text"]
    raw = text.encode("utf-8")
    article, _ = Article.objects.get_or_create(
        url=data["url"],
        defaults={
            "outlet": outlet,
            "title": data["title"],
            "author": data["author"],
            "published_at": data["published_at"],
            "language": data.get("language", "en"),
            "text": text,
            "raw_snapshot": raw,
            "snapshot_sha256": hashlib.sha256(raw).hexdigest(),
            "content_type": "text/plain; charset=utf-8",
            "fetched_at": data["published_at"],
            "status": Article.Status.READY,
        },
    )
    return article


def _evidence(claim, title, url, stance, users, archived):
    """A source; for a published verdict also its archived copy (a page written for the
    demo: the example.org addresses do not exist)."""
    defaults = {"title": title, "stance": stance, "added_by": users[roles.FACT_CHECKER]}
    if archived:
        copy = (
            f"<!doctype html><title>{title}</title><h1>{title}</h1>"
            "<p>The demo newsroom's stand-in for the archived page.</p>"
        ).encode()
        defaults |= {
            "archive_status": Evidence.ArchiveStatus.ARCHIVED,
            "archived_snapshot": copy,
            "archived_sha256": hashlib.sha256(copy).hexdigest(),
            "archived_at": archived,
        }
    Evidence.objects.get_or_create(claim=claim, url=url, defaults=defaults)


def _public_change(verdict, kind, note, rating_before, day, scale, users):
    """A correction or update readers see; `rating_before` if it changed the rating."""
    if verdict.corrections.filter(note=note).exists():
        return
    previous = scale.ratings.get(slug=rating_before) if rating_before else verdict.rating
    Correction.objects.create(
        verdict=verdict,
        kind=kind,
        note=note,
        previous_rating=previous,
        new_rating=verdict.rating,
        changes={"rating_id": [previous.pk, verdict.rating_id]} if rating_before else {},
        created_by=users[roles.EDITOR],
        created_at=day,
    )
    if verdict.last_notice != Correction.Kind.CORRECTION:
        Verdict.objects.filter(pk=verdict.pk).update(last_notice=kind)


def _organisation():
    """The demo's organisation page: invented, as the rest of the demo."""
    org = Organisation.current()
    if org.mission:
        return org
    org.mission = (
        "We check what officials, armies and public figures on every side of the Karabakh "
        "conflict say in public, and publish what the evidence shows, in plain words."
    )
    org.ownership = (
        "An independent non-profit association; no political party or state owns a share."
    )
    org.corrections_policy = (
        "A mistake gets a dated correction at the top of the verdict; new facts get an "
        "update. We never silently change a rating."
    )
    org.complaints_procedure = (
        "Write to us with the verdict's address and what you think is wrong. An editor who "
        "did not work on the verdict answers; if we were wrong, we correct it."
    )
    org.ethics_statement = (
        "Staff declare ties to any side of the conflict and never check or approve that "
        "side's claims. We take no money from governments, parties or armed groups."
    )
    org.contact_email = "desk@demo.verify.invalid"
    org.same_as = "https://social.example/@verify-desk"
    org.save()
    for position, (name, role) in enumerate(
        [("Elena Editor", "Editor-in-chief"), ("Farid Checker", "Fact-checker"),
         ("Ada Admin", "Managing editor")]
    ):  # fmt: skip
        MastheadEntry.objects.get_or_create(
            organisation=org, name=name, defaults={"role": role, "position": position}
        )
    for year, funder, amount, purpose in [
        (2020, "Demo Foundation for Independent Media", 120000, "Core funding"),
        (2020, "Readers' donations", 18500, ""),
        (2019, "Demo Foundation for Independent Media", 90000, "Launch"),
    ]:
        FundingSource.objects.get_or_create(
            organisation=org, year=year, funder=funder,
            defaults={"amount": amount, "currency": "EUR", "purpose": purpose},
        )  # fmt: skip
    return org


# Another outlet's fact-checks, as if read from its ClaimReview feed (fictional outlet,
# our own words): the phosphorus claim's page shows "Checked elsewhere". The source is
# switched off, so beat never tries to reach a site that does not exist.
ELSEWHERE_SOURCE = ("Example Fact Desk", "https://factdesk.example.net/claimreview-feed.json")
ELSEWHERE = [
    (
        "https://factdesk.example.net/2020/11/03/phosphorus-karabakh",
        "Azerbaijani forces used white phosphorus munitions in Nagorno-Karabakh.",
        "Unproven",
        dt.date(2020, 11, 3),
        "Government of Armenia",
    ),
    (
        "https://factdesk.example.net/2020/11/04/syunik-shelling",
        "Azerbaijani shelling killed a civilian in the village of David Bek in Syunik.",
        "Mostly true",
        dt.date(2020, 11, 4),
        "Ministry of Defence of Armenia",
    ),
]


def _checked_elsewhere():
    from claims.partners import elsewhere

    name, url = ELSEWHERE_SOURCE
    source, _ = FactCheckSource.objects.get_or_create(
        url=url, defaults={"name": name, "active": False}
    )
    for check_url, claim, rating, day, author in ELSEWHERE:
        ExternalFactCheck.objects.get_or_create(
            url=check_url,
            defaults={
                "source": source,
                "outlet": name,
                "claim_reviewed": claim,
                "claim_author": author,
                "rating": rating,
                "published_on": day,
                "language": "en",
            },
        )
    elsewhere.embed_missing()


def _users():
    users = {}
    for username, password, role, first, last in DEMO_USERS:
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@demo.verify.invalid",
                "is_staff": role == roles.ADMIN,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=role))
        if username in DEMO_AUTHENTICATOR_KEYS:
            two_factor.set_known_second_factor(
                user,
                DEMO_AUTHENTICATOR_KEYS[username],
                demo_recovery_codes(username),
            )
        users[role] = user
    return users


@transaction.atomic
def load_demo():
    roles.sync_roles()
    _organisation()
    scale = ensure_default_scale(RatingScale, Rating)
    users = _users()
    sides = {
        name: Side.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in SIDES
    }
    actors = {}
    for name, kind, side, role, aliases in ACTORS:
        actor, _ = Actor.objects.get_or_create(
            name=name,
            defaults={"slug": slugify(name), "kind": kind, "side": sides.get(side), "role": role},
        )
        for alias in aliases:
            ActorAlias.objects.get_or_create(actor=actor, alias=alias)
        actors[name] = actor
    topics = {
        name: Topic.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in TOPICS
    }
    outlet, _ = Outlet.objects.get_or_create(name=OUTLET[0], defaults={"domain": OUTLET[1]})
    reports = (DAY_37, DENIAL, REPORT_IN_RUSSIAN, REPORT_IN_AZERBAIJANI)
    articles = {id(data): _article(data, outlet) for data in reports}

    claims = {}
    for key, data, speaker, quote, checkable, topic_names, status in CLAIMS:
        article = articles[id(data)]
        start = article.text.index(quote)
        claim, created = Claim.objects.get_or_create(
            article=article,
            span_start=start,
            span_end=start + len(quote),
            defaults={
                "text": quote,
                "checkable_text": checkable,
                "speaker": actors[speaker],
                "made_on": data["published_at"].date(),
                "stance": STANCES.get(key, "assertion"),
                "language": article.language,
                "status": status,
                "rejection_reason": REJECTION_REASON if status == S.REJECTED else "",
                "assignee": users[roles.FACT_CHECKER]
                if status in (*workflow.ASSIGNED_WORK, S.PUBLISHED, S.RETRACTED)
                else None,
                "due_at": dt.datetime(2020, 11, 6, 12, 0, tzinfo=UTC)
                if status in workflow.ASSIGNED_WORK
                else None,
                "created_by": users[roles.EDITOR],
            },
        )
        if created:
            claim.topics.set([topics[name] for name in topic_names])
        claims[key] = claim

    for from_key, kind, to_key, note in LINKS:
        ClaimLink.objects.get_or_create(
            from_claim=claims[from_key],
            to_claim=claims[to_key],
            kind=kind,
            defaults={"note": note, "created_by": users[roles.EDITOR]},
        )

    for key, rating, headline, summary, explanation, published, evidence in VERDICTS:
        claim = claims[key]
        verdict, _ = Verdict.objects.get_or_create(
            claim=claim,
            defaults={
                "rating": scale.ratings.get(slug=rating),
                "headline": headline,
                "claim_reviewed": CLAIM_REVIEWED[key],
                "summary": summary,
                "explanation": explanation,
                "author": users[roles.FACT_CHECKER],
                "reviewer": users[roles.EDITOR] if published else None,
                "published_at": published,
                "sourcing_exception": SOURCING_EXCEPTIONS.get(key, "") if published else "",
            },
        )
        for title, url, stance in evidence:
            _evidence(claim, title, url, stance, users, archived=published)
    for key, who, channel, outcome, answer in REPLIES:
        claim = claims[key]
        ReplyAttempt.objects.get_or_create(
            claim=claim,
            contacted=who,
            defaults={
                "channel": channel,
                "contacted_at": claim.verdict.published_at - dt.timedelta(days=1),
                "outcome": outcome,
                "answer": answer,
                "recorded_by": users[roles.FACT_CHECKER],
            },
        )
    for key, kind, note, new_rating, day in CHANGES:
        _public_change(claims[key].verdict, kind, note, new_rating, day, scale, users)
    for key, (reason, day) in RETRACTIONS.items():
        Verdict.objects.filter(claim=claims[key]).update(retracted_at=day, retraction_reason=reason)
    _checked_elsewhere()
    return {"users": users, "claims": claims}
