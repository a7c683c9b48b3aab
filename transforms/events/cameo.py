"""Verb sense by frame: the PETRARCH2 CAMEO verb dictionary applied to the dependency parse.

The dictionary (``data/cameo_verbs.tsv``, derived by ``scripts/build_cameo.py`` from PETRARCH2's
``CAMEO.2.0.txt``, MIT) groups about 1,800 verbs into blocks that share patterns; a pattern names
the subject's head, the object's head and/or a ``(preposition noun)`` group and gives a CAMEO code:
``MEET * (FOR TALKS) -> 036``, ``DEMAND * RESIGNATION -> 100``, ``DECLINE`` with subject ``STOCKS``
-> ``---`` (no event). :func:`cameo_code` reads a verb token's subject, object, infinitive
complement and prepositional objects off the parse and returns the code of the most specific
matching pattern, else the verb's own code. :func:`newslake.transforms.events.plover.cameo_to_plover`
maps it to PLOVER.

``data/cameo_agents.txt`` holds the head nouns of the Phoenix agent dictionary (``police``,
``minister``, ``rebel``, ``company`` ...): nouns that name someone who can act. An event needs
such a participant (or a named actor): that is what separates "the government met the unions"
from "the company met its targets".

>>> code_for("meet", obj=["leaders"], preps=[("with", "leaders")])
('036', False)
>>> code_for("decline", subj=["stocks"])
('---', False)
>>> code_for("frobnicate") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

from spacy.tokens import Token

from newslake.transforms.keys import PLACE_LABELS

DATA = "newslake.transforms.events"
PARTITIVE_HEADS = frozenset("number one some many several most all none dozens hundreds thousands "
                            "scores handful group majority rest".split())
"""Heads that stand for their ``of`` phrase: "one of the men", "a number of people"."""
CAPTIVES = frozenset("hostage captive abductee".split())
"""People held by others, whom the Phoenix agent list (actors) does not name."""
POLITIES = frozenset("country nation republic kingdom jury panel".split())
"""Common nouns for a state or a body as an actor ("the two countries", "a grand jury"): the
Phoenix dictionaries name each country instead, and their agent list has no such noun."""


RELATIONAL_AGENTS = frozenset("counterpart colleague ally rival opponent critic negotiator mediator side "
                              "businessman businesswoman businessmen attacker striker neighbour neighbor".split())
"""People and parties named by their relation to others, which the Phoenix agent list lacks:
"met his Japanese counterpart", "the two sides will meet", "met 20 businessmen"."""

OFFICE_AGENTS = frozenset("spokesman spokeswoman spokesperson pope cardinal queen hijacker suspect".split())
"""People by office or role that the Phoenix agent list lacks: "a military spokesman threatened"."""

MARKET_AGENTS = frozenset("banker stockbroker shareholder stockholder holder creditor lender bondholder noteholder broker importer buyer "
                          "seller bidder partner partnership consortium insurer underwriter supplier meatpacker packer "
                          "docker grower refiner debtor processor shipper smelter borrower depositor".split())
"""Parties of business news that the political Phoenix agent list lacks (it has ``company``,
``investor``, ``exporter``): "shareholders agreed to sell", "creditors rejected the plan"."""


SUPPLEMENT_BLOCK = "NEWSLAKE_SUPPLEMENT"


class Pattern(NamedTuple):
    subj: frozenset[str]
    obj: frozenset[str]
    prep: str
    pwords: frozenset[str]
    code: str
    swap: bool
    own: bool = False  # newslake's own pattern (data/cameo_supplement.tsv), not the dictionary's

    @property
    def weight(self) -> int:
        return bool(self.subj) + bool(self.obj) + bool(self.prep) + bool(self.pwords)


class Entry(NamedTuple):
    code: str
    swap: bool
    patterns: tuple[Pattern, ...]
    explicit: bool  # the code is the verb's own, not only its block's


def _code(raw: str) -> tuple[str, bool]:
    """``"190"`` -> ("190", False); ``":110"`` -> ("110", True): PETRARCH's swapped roles."""
    first, _, second = raw.partition(":")
    return (first, False) if first.strip() else (second or "---", True)


def _words(field: str) -> frozenset[str]:
    return frozenset(w for w in field.split("|") if w)


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], Entry]:
    """(verb lemma, particle) -> its code and the patterns of its blocks (first block's code wins)."""
    text = resources.files(DATA).joinpath("data", "cameo_verbs.tsv").read_text(encoding="utf-8")
    blocks: list[tuple[str, list[tuple[str, str, str]], list[Pattern]]] = []
    for line in text.splitlines() + _supplement():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "B":
            blocks.append((f[1] if f[1] == SUPPLEMENT_BLOCK else f[2], [], []))
        elif f[0] == "V":
            blocks[-1][1].append((f[1], f[2], f[3]))
        elif f[0] == "P":
            code, swap = _code(f[5])
            blocks[-1][2].append(Pattern(_words(f[1]), _words(f[2]), f[3], _words(f[4]), code,
                                         swap or f[6] == "1", blocks[-1][0] == SUPPLEMENT_BLOCK))
    out: dict[tuple[str, str], Entry] = {}
    for block_code, verbs, patterns in blocks:
        block_code = "---" if block_code == SUPPLEMENT_BLOCK else block_code
        for verb, particle, raw in verbs:
            code, swap = _code(raw or block_code)
            key = (verb, particle)
            old = out.get(key)
            if old is None:
                out[key] = Entry(code, swap, tuple(patterns), bool(raw))
            else:
                keep = old.code != "---" and (old.explicit or not raw)
                own = (old.code, old.swap, old.explicit) if keep else (code, swap, bool(raw))
                out[key] = Entry(own[0], own[1], old.patterns + tuple(patterns), own[2])
    return out


def _supplement() -> list[str]:
    """``data/cameo_supplement.tsv`` (newslake's own patterns) as blocks with no code of their own:
    a run of ``V`` rows and the ``P`` rows after it form one block, so each verb there keeps its
    dictionary code and gains the patterns written under it (and no other verb's)."""
    text = resources.files(DATA).joinpath("data", "cameo_supplement.tsv").read_text(encoding="utf-8")
    out: list[str] = []
    prev = "P"
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        kind = line.split("\t", 1)[0]
        if (kind, len(line.split("\t"))) not in (("V", 4), ("P", 7)):
            raise ValueError(f"cameo_supplement.tsv line {n}: expected 'V verb particle code' (4 fields) "
                             f"or 'P subj obj prep prep_words code swap' (7 fields), got {line!r}")
        if kind == "V" and prev != "V":
            out.append(f"B\t{SUPPLEMENT_BLOCK}\t---")
        out.append(line)
        prev = kind
    return out


@lru_cache(maxsize=1)
def agent_nouns() -> frozenset[str]:
    """Head nouns of the Phoenix agent dictionary: ``{"police", "minister", "rebel", ...}``."""
    text = resources.files(DATA).joinpath("data", "cameo_agents.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def code_for(verb: str, particle: str = "", *, subj: Sequence[str] = (), obj: Sequence[str] = (),
             preps: Sequence[tuple[str, str]] = ()) -> tuple[str, bool] | None:
    """The CAMEO code of a verb with these argument heads (lower-case lemmas), and whether source
    and target swap; None when the verb is not in the dictionary. See :func:`pattern_for`."""
    entry = table().get((verb, particle))
    if entry is None:
        return None
    best = pattern_for(verb, particle, subj=subj, obj=obj, preps=preps)
    return (best.code, best.swap) if best is not None else (entry.code, entry.swap)


def pattern_for(verb: str, particle: str = "", *, subj: Sequence[str] = (), obj: Sequence[str] = (),
                preps: Sequence[tuple[str, str]] = ()) -> Pattern | None:
    """The most specific pattern of the verb's blocks that these argument heads match, or None."""
    entry = table().get((verb, particle))
    if entry is None:
        return None
    best: Pattern | None = None
    for p in entry.patterns:
        if p.subj and not p.subj & set(subj):
            continue
        if p.obj and not p.obj & set(obj):
            continue
        if p.prep and not any(pr == p.prep and (not p.pwords or w in p.pwords) for pr, w in preps):
            continue
        if best is None or p.weight > best.weight:
            best = p
    return best


def _heads(tok: Token) -> list[str]:
    """A head noun as the dictionary spells it: lemma and form, lower case, alone and with each
    modifier before it ("civilian staff")."""
    own = [tok.lemma_.lower(), tok.lower_]
    mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    return own + [f"{m} {h}" for m in mods for h in own]


def frame(verb: Token) -> tuple[str, list[str], list[str], list[tuple[str, str]]]:
    """(particle, subject heads, object heads, (preposition, object head) pairs) of a verb token:
    the object includes a passive subject and an infinitive complement's verb ("urged to withdraw")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    subj, obj, preps = [], [], []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            subj += _heads(c)
        elif c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
            obj += _heads(c)
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and not any(
                m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in c.children):
            # "urged to withdraw", not "meaning that it helps": a that-clause is what is said
            obj += _heads(c)
            if (c.lemma_.lower(), "") not in table():  # "urged to release hostages" (release: its
                obj += [h for d in c.children if d.dep_ == "dobj" for h in _heads(d)]  # own patterns);
            # "proposed to boost research": research is boost's object, not an inquiry proposed
        elif c.dep_ in ("prep", "agent"):
            pobj = [o for o in c.children if o.dep_ == "pobj"]
            preps += [(c.lower_, h) for o in pobj for h in _heads(o)] or [(c.lower_, "")]
    return particle, subj, obj, preps


class Sense(NamedTuple):
    code: str           # CAMEO code, "---" for no event
    swap: bool          # source and target exchanged ("faced criticism")
    particle: str       # the particle the entry has ("shoot down"), else ""
    by_pattern: bool    # a pattern (not only the verb) decided the code
    explicit: bool = True  # the verb's own code (else its block's, or a pattern's)
    named_object: bool = False  # the deciding pattern names the object ("SEVER * TIES")
    own: bool = False  # the deciding pattern is newslake's own (its object needs no further check)
    phrase_object: bool = False  # the object matched a modified phrase ("military operation")


def cameo_code(verb: Token) -> Sense | None:
    """The CAMEO sense of a verb token from its frame; None when the verb is not listed.

    Example: "Iran demanded the release of the hostages" -> Sense("1053", False, "", True)
    """
    particle, subj, obj, preps = frame(verb)
    lemma = verb.lemma_.lower()
    for part in ((particle, "") if particle else ("",)):
        entry = table().get((lemma, part))
        if entry is None:
            continue
        best = pattern_for(lemma, part, subj=subj, obj=obj, preps=preps)
        if best is not None:
            return Sense(best.code, best.swap, part, True, named_object=bool(best.obj), own=best.own,
                         phrase_object=any(" " in w for w in best.obj & set(obj)))
        return Sense(entry.code, entry.swap, part, False, entry.explicit)
    return None


def can_act(tok: Token | None) -> bool:
    """A participant that can act: a named person, organisation, country or group, a personal
    pronoun, or a noun the agent dictionary lists ("police", "the minister", "rebels")."""
    if tok is None:
        return False
    if (tok.like_num or tok.lemma_.lower() in PARTITIVE_HEADS or tok.lower_ in PARTITIVE_HEADS) and any(  # "one of the men",
            can_act(o) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"  # "a number of people"
            for o in p.children if o.dep_ == "pobj"):
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN"):
        return True
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in ("he", "him", "his", "she", "her", "they", "them", "their", "we", "us", "our", "i", "me", "my", "who", "whom")
    if tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    if lemma in ("utility", "utilities") and any(c.dep_ in ("compound", "amod") and c.lower_ in ("electricity", "electric", "power", "gas", "water", "public")
                                                 for c in tok.children):
        return True  # "Japanese electricity utilities are demanding price cuts" (not "utilities fell" in a market report)
    agents = agent_nouns()
    return lemma in agents or low in agents or lemma in CAPTIVES or lemma in POLITIES or lemma in MARKET_AGENTS or lemma in RELATIONAL_AGENTS or lemma in OFFICE_AGENTS or any(
        c.dep_ == "compound" and c.lemma_.lower() in agents and lemma in ("member", "leader", "head", "group")
        for c in tok.children)
