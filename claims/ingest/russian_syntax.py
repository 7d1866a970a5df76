"""Russian sentences parsed into a dependency tree, for what the lexicon's frames miss.

The parser is slovnet's syntax model with navec's word vectors, both from the natasha
project (MIT): the model files ship inside natasha's wheel, which is installed without its
dependencies (deploy/pinned-by-hash.txt) because natasha's own package imports pymorphy2,
which fails on Python 3.11. We never import natasha: its files are found on disk and loaded
by slovnet and navec. Nothing is downloaded. If the packages are missing, parse() answers
None and the lexicon alone reads Russian.

From a tree, a reporting verb ("заявил", "утверждает") gives its subject (nsubj) as the
speaker and its clause (ccomp, or the main clause when the verb is a parenthetical
"как утверждает Баку") as the statement.
"""

import importlib.util
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

logger = logging.getLogger(__name__)

EMBEDDING = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
SYNTAX = "data/model/slovnet_syntax_news_v1.tar"
MAX_TOKENS = 120  # a longer "sentence" is a list or a table: not parsed


@dataclass(frozen=True)
class Token:
    index: int  # 1-based, as the tree's head ids
    start: int
    stop: int
    text: str
    head: int
    rel: str


@lru_cache(maxsize=1)
def _parser():
    try:
        spec = importlib.util.find_spec("natasha")  # finds the files; does not import it
        if spec is None or not spec.submodule_search_locations:
            return None
        root = Path(next(iter(spec.submodule_search_locations)))
        from navec import Navec
        from slovnet import Syntax

        syntax = Syntax.load(str(root / SYNTAX))
        syntax.navec(Navec.load(str(root / EMBEDDING)))
        return syntax
    except Exception:  # a native-free model, but never lose an article to it
        logger.exception("the Russian syntax model could not be loaded; the lexicon reads alone")
        return None


def available() -> bool:
    return _parser() is not None


def parse(sentence: str) -> list[Token] | None:
    """The sentence's tokens with their heads and relations, or None without the parser."""
    return parse_many([sentence])[sentence]


def parse_many(sentences) -> dict:
    """{sentence: parse()} for several sentences, given to the model together: it reads
    them in padded batches, several times faster than one by one."""
    syntax = _parser()
    if syntax is None:
        return dict.fromkeys(sentences)
    from razdel import tokenize

    pieces = {sentence: list(tokenize(sentence)) for sentence in sentences}
    trees = dict.fromkeys(pieces)
    parsable = [s for s, tokens in pieces.items() if tokens and len(tokens) <= MAX_TOKENS]
    markups = syntax.map([[p.text for p in pieces[s]] for s in parsable])
    for sentence, markup in zip(parsable, markups, strict=True):
        trees[sentence] = [
            Token(int(t.id), p.start, p.stop, p.text, int(t.head_id), t.rel)
            for p, t in zip(pieces[sentence], markup.tokens, strict=True)
        ]
    return trees


def _subtree(tokens, index) -> set[int]:
    """The token and every token below it, each visited once: the parser can head a token
    on itself or close a loop (it does on a quote opened with three quotation marks)."""
    children = {}
    for t in tokens:
        children.setdefault(t.head, []).append(t.index)
    found, todo = set(), [index]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(children.get(current, []))
    return found


def _spans(tokens, indexes):
    """The runs of consecutive tokens among `indexes`, as (start, stop) character spans,
    without punctuation and "что"/"как" at their edges."""
    chosen = [t for t in tokens if t.index in indexes]
    runs, run = [], []
    for t in chosen:
        if run and t.index != run[-1].index + 1:
            runs.append(run)
            run = []
        run.append(t)
    if run:
        runs.append(run)
    spans = []
    for run in runs:
        while run and (run[0].rel in ("punct", "mark") or not re.search(r"\w", run[0].text)):
            run = run[1:]
        while run and (run[-1].rel == "punct" or not re.search(r"\w", run[-1].text)):
            run = run[:-1]
        if run:
            spans.append((run[0].start, run[-1].stop))
    return spans


@dataclass(frozen=True)
class Attribution:
    speaker: tuple[int, int]  # character span in the sentence
    claim: list[tuple[int, int]]  # one span, or two around a parenthetical attribution
    verb: str


def attributions(sentence: str, verbs: str, parsed=None) -> list[Attribution]:
    """Who the sentence says said what: for each reporting verb (`verbs`, a regex of its
    forms) with a subject and a clause. `parsed`: parse_many()'s answer, if it has the
    sentence."""
    tokens = parsed[sentence] if parsed and sentence in parsed else parse(sentence)
    if not tokens:
        return []
    by_index = {t.index: t for t in tokens}
    found = []
    for verb in tokens:
        if not re.fullmatch(verbs, verb.text, re.IGNORECASE):
            continue
        subjects = [t for t in tokens if t.head == verb.index and t.rel.startswith("nsubj")]
        if not subjects and verb.rel == "advcl":
            # "Лавров отреагировал …, заявив, что …": the converb's speaker is its head's
            subjects = [t for t in tokens if t.head == verb.head and t.rel.startswith("nsubj")]
        if not subjects or any(
            t.head == verb.index and t.rel == "advmod" and t.text.lower() == "не" for t in tokens
        ):
            continue  # no one, or "стороны не уточняют, в какой пропорции …": nothing said
        speaker_spans = _spans(tokens, _subtree(tokens, subjects[0].index))
        if len(speaker_spans) != 1:
            continue
        clauses = [t for t in tokens if t.head == verb.index and t.rel == "ccomp"]
        if clauses:
            claim = _spans(tokens, _subtree(tokens, clauses[0].index))
        elif verb.rel == "parataxis" and verb.head in by_index:
            # "Как заявил X, силы обстреляли Гянджу": the main clause, without the aside.
            main = _subtree(tokens, verb.head) - _subtree(tokens, verb.index)
            claim = _spans(tokens, main)
        else:
            continue
        if claim and len(claim) <= 2:
            found.append(Attribution(speaker_spans[0], claim, verb.text))
    return found
