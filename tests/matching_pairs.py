"""Labelled pairs for matching by meaning, derived from tests/fixtures/claim_groups.json.

Labels: "same" (the claim in another language or other words), "counter" (the other side's
denial of it), "topic" (another claim on the same subject: a hard negative) and
"unrelated" (a claim of another group).
"""

import itertools
import json
from pathlib import Path

GROUPS = Path(__file__).parent / "fixtures" / "claim_groups.json"


def groups(split=None):
    found = json.loads(GROUPS.read_text())["groups"]
    return [g for g in found if split is None or g["split"] == split]


def variants(group, part):
    """[(language, text)] of one part of a group: claim, paraphrase, counter or other."""
    return sorted(group[part].items())


def pairs(split=None):
    """[(a, b, label)], each side a dict {"text", "language", "group", "part"}."""
    chosen = groups(split)

    def item(group, part, language, text):
        return {"text": text, "language": language, "group": group["id"], "part": part}

    found = []
    for group in chosen:
        claims = [item(group, "claim", lang, text) for lang, text in variants(group, "claim")]
        claims += [item(group, "paraphrase", lang, t) for lang, t in variants(group, "paraphrase")]
        for a, b in itertools.combinations(claims, 2):
            found.append((a, b, "same"))
        for a in claims:
            for lang, text in variants(group, "counter"):
                found.append((a, item(group, "counter", lang, text), "counter"))
            for lang, text in variants(group, "other"):
                found.append((a, item(group, "other", lang, text), "topic"))
    for first, second in itertools.combinations(chosen, 2):
        a_lang, a_text = variants(first, "claim")[0]
        b_lang, b_text = variants(second, "claim")[-1]
        found.append(
            (
                item(first, "claim", a_lang, a_text),
                item(second, "claim", b_lang, b_text),
                "unrelated",
            )
        )
    return found
