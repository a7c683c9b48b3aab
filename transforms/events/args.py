"""Participants of an event trigger from the dependency parse: actor, target and their spans.

Subject/agent = actor; object, passive subject or ``against``/``on`` object = target. Subjects are
inherited from the governing clause for infinitives, participles and coordinated verbs; a reduced
relative takes the noun right before it ("a spokesman for Tajiks fighting with ISIS" -> Tajiks).
:class:`Args` turns head tokens into spans: the entity that covers the head, else its noun chunk,
a relative pronoun's antecedent, or a personal pronoun with the entity it resolves to.

Example: "Rebels attacked the convoy" -> verb_roles(<attacked>, "ASSAULT", <attacked>) == (<Rebels>, <convoy>)
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newslake.transforms.events import cameo
from newslake.transforms.events import plover as P
from newslake.transforms.events.timex import MONTHS, SEASONS
from newslake.transforms.keys import PLACE_LABELS
from newslake.transforms.types import EntityLookup

SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
ACTOR_LABELS = ("NORP", "GPE", "ORG", "PERSON")
PURPOSE_NOUNS = frozenset("order effort attempt bid way".split())
PERSON_PRONOUNS = frozenset("he him his she her".split())
RELATIVE_PRONOUNS = frozenset("who whom which that".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
NOMINAL = ("NOUN", "PROPN")
MAX_LISTED = 9
"""Most nouns taken from a list coordinated with an argument: a list of ten names is ten participants."""

Arg = tuple[str, int, int, "str | None"]  # text, start_char, end_char, entity_id
NO_ARG: tuple[None, None, None, None] = (None, None, None, None)


#: (document, its noun chunks by root token) of the last document an :class:`Args` was built for
_LAST: list = [None, {}]


class Args:
    """Turns head tokens into argument spans (entity span, noun chunk, resolved pronoun)."""

    def __init__(self, doc: Doc, entities: EntityLookup) -> None:
        self.doc, self.entities = doc, entities
        if _LAST[0] is not doc:  # built twice per document: the noun chunks once (a walk over every token)
            chunk_of = {c.root.i: c for c in doc.noun_chunks} if doc.has_annotation("DEP") else {}
            _LAST[:] = [doc, chunk_of]
        self.ent_of: dict[int, Span] = {t.i: e for e in doc.ents for t in e}
        self.chunk_of: dict[int, Span] = _LAST[1]  # read only

    def entity_id(self, start: int, end: int) -> str | None:
        return self.entities.entity_at(start, end)

    def is_place(self, tok: Token) -> bool:
        return tok.ent_type_ in PLACE_LABELS

    def named(self, tok: Token) -> Span | None:
        """The entity span covering ``tok``, or a flat proper-name span the lookup knows."""
        if tok.i in self.ent_of:
            return self.ent_of[tok.i]
        if tok.pos_ == "PROPN" and self.entity_id(tok.idx, tok.idx + len(tok)):
            left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
            return self.doc[left: tok.i + 1]
        return None

    def antecedent(self, rel: Token) -> Token:
        """``who``/``which`` -> the noun it stands for; ``who`` climbs to a named person through
        appositions and ``of`` ("the commander of the police, who ..." -> the commander's name)."""
        verb = rel.head
        noun = verb.head if verb.dep_ == "relcl" else verb
        if rel.lower_ != "who":
            return noun
        cur = noun
        for _ in range(5):
            span = self.named(cur)
            if span is not None and span.root.ent_type_ in ("PERSON", ""):
                return cur
            if cur.dep_ == "appos":
                cur = cur.head
            elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in NOMINAL:
                cur = cur.head.head
            else:
                break
        return noun

    def resolve_pronoun(self, pron: Token) -> str | None:
        """Entity id of the nearest preceding PERSON subject (``he``/``she``/``him``/``her``)."""
        for t in reversed(self.doc[: pron.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
                span = self.named(t)
                if span is not None and span.root.ent_type_ in ("PERSON", ""):
                    return self.entity_id(span.start_char, span.end_char)
        return None

    def span(self, tok: Token | None) -> Arg | tuple[None, None, None, None]:
        if tok is None:
            return NO_ARG
        if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
            tok = self.antecedent(tok)
        if tok.pos_ == "PRON" and partitive(tok) is None:  # "all of those injured": the partitive phrase
            eid = self.resolve_pronoun(tok) if tok.lower_ in PERSON_PRONOUNS else None
            return tok.text, tok.idx, tok.idx + len(tok), eid
        span = self.named(tok)
        if span is None:
            appos = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ in ACTOR_LABELS]
            span = self.named(appos[0]) if appos else None
        if span is None:
            chunk = self.chunk_of.get(tok.i, self.doc[tok.i: tok.i + 1])
            while len(chunk) > 1 and chunk[0].pos_ == "DET":
                chunk = chunk[1:]
            return self._with_partitive(tok, chunk, self.entity_id(tok.idx, tok.idx + len(tok)))
        return self._with_partitive(tok, span, self.entity_id(span.start_char, span.end_char))

    def _with_partitive(self, tok: Token, span: Span, eid: str | None) -> Arg:
        """``span`` widened to the partitive phrase it is part of: "All six of the members", "two of
        the Americans" (the head is a number or a quantity word and the ``of`` object its whole)."""
        whole = partitive(tok)
        if whole is not None:
            first, obj = whole
            tail = self.named(obj) or self.chunk_of.get(obj.i, self.doc[obj.i: obj.i + 1])
            start, end = min(span.start, first.i), max(span.end, tail.end)
            while end - start > 1 and self.doc[start].lower_ in ("the", "a", "an"):
                start += 1
            span = self.doc[start:end]
        return span.text, span.start_char, span.end_char, eid

    def date_span(self, tok: Token) -> Span | None:
        if tok.ent_type_ == "DATE":
            return self.ent_of.get(tok.i)
        low = tok.lower_.rstrip(".")
        if low in MONTHS or low in SEASONS or low in WEEKDAYS or (
                tok.like_num and len(tok) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")):
            return self.doc[tok.left_edge.i: tok.right_edge.i + 1]
        return None

    def conjuncts(self, tok: Token | None) -> list[Token]:
        """Nouns coordinated with an argument head (a list read as an apposition too), outside its entity span: ``"his brother and
        a government cleric"`` -> [<cleric>]; ``"Bosnia and Herzegovina"`` (one entity) -> []."""
        if tok is None or tok.pos_ not in NOMINAL + ("PRON",):
            return []
        own = self.named(tok)
        out, todo = [], [tok]
        while todo and len(out) < MAX_LISTED:
            cur = todo.pop(0)
            for c in cur.children:
                listed = c.dep_ == "appos" and c.pos_ == "NOUN" and any(g.dep_ == "conj" for g in c.children) and any(
                    g.dep_ == "nummod" or (g.dep_ == "det" and g.lower_ in ("a", "an")) for g in c.children)
                # "four men, a girl and two women" parsed as an apposition; not "Li Peng, the premier, and ..."
                if (c.dep_ == "conj" or listed) and c.pos_ in NOMINAL + ("PRON",) \
                        and not (own is not None and own.start <= c.i < own.end):
                    out.append(c)
                    todo.append(c)
        return out


def _quantity_head(tok: Token) -> bool:
    return tok.pos_ in ("NUM", "NOUN", "PRON", "DET", "ADJ") and (
        tok.like_num or tok.lemma_.lower() in cameo.PARTITIVE_HEADS or tok.lower_ in cameo.PARTITIVE_HEADS)


def partitive(tok: Token) -> tuple[Token, Token] | None:
    """First and last token of the partitive phrase ``tok`` heads or ends: <six> or <members> in
    "All six of the members", <one> or <them> in "one of them" (its quantifier's own determiner,
    "All", comes along); None when ``tok`` is in none."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep" \
            and tok.head.head.i < tok.i and _quantity_head(tok.head.head):
        quant, obj = tok.head.head, tok
    elif _quantity_head(tok):
        objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" and p.i > tok.i
                for o in p.children if o.dep_ == "pobj"]
        if not objs:
            return None
        quant, obj = tok, objs[0]
    else:
        return None
    first = min([quant.i] + [c.i for c in quant.lefts if c.dep_ in ("det", "predet", "quantmod", "advmod", "nummod", "amod")])
    return quant.doc[first], obj


# -- participants ---------------------------------------------------------------------------

def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    if children(verb, "auxpass", "nsubjpass"):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBD":  # reduced relative mis-tagged: "the man, shot ..."
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _reduced_relative_subject(verb: Token) -> Token | None:
    """A participle right after a noun modifies that noun, even when the parser hung it higher up:
    ``"a spokesman for Tajiks fighting with ISIS"`` -> Tajiks, not spokesman."""
    if verb.i == 0 or verb.tag_ not in ("VBG", "VBN"):
        return None
    prev = verb.doc[verb.i - 1]
    head = verb.head
    if prev.pos_ in NOMINAL and prev.i != head.i and prev.dep_ in ("pobj", "conj", "appos") \
            and head.left_edge.i <= prev.i <= head.right_edge.i:
        return prev
    return None


def _gapped_patient(verb: Token, subj: Token) -> bool:
    """A casualty count in a clause whose passive auxiliary is left out: "30 people were killed and
    50 wounded", "the attack left 20 dead and dozens injured" (the parser makes the count a
    subject). Only for harm and detention verbs with no object of their own, after a passive or a
    resultative verb, and only for counts ("50", "dozens", "three others") or participles."""
    if verb.dep_ != "conj" or children(verb, "aux", "auxpass", "dobj") \
            or P.VERB_TRIGGERS.get(verb.lemma_.lower()) not in ("ASSAULT", "COERCE"):
        return False
    head = verb.head
    if not (children(head, "auxpass", "nsubjpass") or children(head, "oprd")):
        return False
    return verb.tag_ == "VBN" or subj.like_num or subj.lemma_.lower() in cameo.PARTITIVE_HEADS \
        or subj.lower_ == "others" or any(c.dep_ == "nummod" for c in subj.children)


def subject(verb: Token, depth: int = 0) -> tuple[Token, bool] | None:
    """The (possibly inherited) subject of a verb and whether it is a passive subject."""
    own = children(verb, "nsubj", "nsubjpass", "csubj", "csubjpass")
    if own:
        return own[0], own[0].dep_ in ("nsubjpass", "csubjpass") or _gapped_patient(verb, own[0])
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        obj = children(head, "dobj") or (prep_objects(head, ("on", "upon", "to"))  # "called on the rebels to free"
                                         if head.lemma_.lower() in ("call", "appeal", "prevail") else [])
        return (obj[0], False) if obj else subject(head, depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subject(head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
        return subject(head.head, depth + 1)  # "the administration is due to slap tariffs", "is likely to sign"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and head.head.dep_ not in ("acl", "relcl", "amod"):
        return subject(head.head, depth + 1)  # "the ministers spoke after signing an agreement"
    if verb.dep_ in ("acl", "relcl") and head.pos_ in NOMINAL + ("PRON",):
        if head.lemma_.lower() in PURPOSE_NOUNS:  # "sent ... in order to kill X"
            gov = head.head.head if head.dep_ == "pobj" else head.head
            return subject(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else None
        if verb.dep_ == "acl":
            low = _reduced_relative_subject(verb)
            if low is not None:
                return low, False
        return head, False
    return None


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    return [_past_bracket(o) for p in tok.children if p.dep_ in ("prep", "dative", "agent") and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _past_bracket(tok: Token) -> Token:
    """A wire ticker's opening bracket parsed as the object ("with <Prudential Insurance Co>"): the
    name inside it, else the token itself."""
    if tok.text in ("<", "(") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_:
        nxt = tok.doc[tok.i + 1]
        while nxt.head.i != nxt.i and nxt.head.ent_type_ and nxt.head.i > tok.i:
            nxt = nxt.head
        return nxt
    return tok


def clause_party(verb: Token, infinitive: bool = False) -> Token | None:
    """The subject of a verb's clause complement, when it is no pronoun and can act: "ordered Bausch
    and Lomb to recall", "wants Japan to eliminate controls" (``infinitive``: only a "to" clause)."""
    for c in children(verb, "ccomp", "xcomp"):
        if infinitive and not (c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            continue
        for s in children(c, "nsubj"):
            if s.pos_ != "PRON" and cameo.can_act(s):
                return s
    return None


def verb_roles(verb: Token, etype: str, end: Token) -> tuple[Token | None, Token | None]:
    """(actor, target) head tokens of a verb trigger."""
    actor = target = None
    subj = subject(verb)
    if subj is not None:
        tok, passive = subj
        if tok.head.i != verb.i:  # inherited: our own voice decides ("sent ... to kill X")
            passive = bool(children(verb, "auxpass")) or (is_passive(verb) and verb.dep_ != "xcomp")
        if passive or verb.lemma_.lower() in P.DEATH_VERBS:  # "five soldiers died in the blast"
            target = tok
        else:
            actor = tok
    agent = prep_objects(verb, ("by",))
    if agent and (children(verb, "agent") or is_passive(verb)):
        actor = agent[0]
    if etype == "SANCTION" and verb.lemma_.lower() == "retaliate" and verb.dep_ in ("xcomp", "advcl") \
            and (head := subject(verb.head)) is not None and not head[1] and cameo.can_act(head[0]):
        actor = head[0]  # "Reagan announced the tariffs to retaliate": who retaliates is who imposes them
    if actor is None and target is not None and (passive or children(verb, "auxpass")):
        actor = _shared_agent(verb)  # "was shot and killed by a gunman": the gunman shot him too
    if actor is None and target is not None and etype == "ASSAULT":
        actor = _cause_owner(verb)  # "soldiers were killed in IS attacks": the attack's doer
    if etype == "ASSAULT" and actor is not None and actor.pos_ == "NOUN" and actor.dep_ in ("nsubj", "pobj") \
            and P.NOUN_TRIGGERS.get(actor.lemma_.lower()) == "ASSAULT":
        doer = noun_roles(actor, etype)[0]  # "the attack, claimed by IS, killed 12": the attack's doer killed them
        if doer is not None and doer.ent_type_ not in PLACE_LABELS and cameo.can_act(doer):
            actor = doer
    if target is None:
        objs = [o for o in children(verb, "dobj")  # not a cognate object: "fought a fierce battle"
                if not (o.pos_ == "NOUN" and P.NOUN_TRIGGERS.get(o.lemma_.lower()) == etype)]
        if verb.lemma_.lower() in P.TOPIC_VERBS:  # "discussed the situation": a topic, no participant
            objs = [o for o in objs if cameo.can_act(o)]
        if objs and all(o.lemma_.lower() in P.POLICY_OBJECTS or (
                o.lemma_.lower() in P.TARIFF_OBJECTS and verb.lemma_.lower() in ("impose", "levy", "slap"))
                for o in objs):
            # "imposed tariffs on Japanese goods", "imposed sanctions against Tokyo": the instrument
            # is no participant; its target is
            on = [t for h in [verb] + objs for t in prep_objects(h, ("on", "against"))]
            objs = on or objs
        if objs and all(o.lemma_.lower() in P.RELATION_NOUNS for o in objs):
            objs = [t for h in [verb] + objs for t in prep_objects(h, ("with", "against"))]  # "severed ties with Britain"
            if not objs:
                return actor, None
        if end.i != verb.i and end.dep_ == "mark":  # "called for officials to act": the clause's subject
            objs = children(end.head, "nsubj") + objs
        elif end.i != verb.i and end.dep_ == "prep":  # "spoken against ISIS"
            objs = children(end, "pobj") + objs
        elif end.i != verb.i and end.dep_ == "dobj":  # "opened fire on the crowd"
            objs = prep_objects(end, ("on", "at")) + prep_objects(verb, ("on", "at"))
        mutual = ("with",) if verb.lemma_.lower() in P.MUTUAL_FIGHT_VERBS else ()  # "clashed with police"
        objs = objs or [o for o in prep_objects(verb, ("against", "on") + P.TARGET_PREPS.get(etype, ()) + mutual)
                        if not (o.ent_type_ in PLACE_LABELS and o.head.lower_ in ("to", "into", "from"))
                        and o.ent_type_ not in ("DATE", "TIME")  # not "offered ... on Thursday"
                        and (o.head.lower_ != "on" or etype in P.HOSTILE_TYPES or cameo.can_act(o))]  # "agreed on terms"
        given = [c for c in children(verb, "dative") if cameo.can_act(c)]
        if given and not any(cameo.can_act(o) for o in objs):  # "extended Kenya 80 mln dlrs", "offered IG Metall a rise"
            objs = given + objs
        if not objs and verb.lemma_.lower() in P.INTENT_GOVERNORS:  # "threatens to behead X"
            objs = [o for x in children(verb, "xcomp") for o in children(x, "dobj")]
        target = objs[0] if objs else None
    if target is None and etype in ("REQUEST", "ACCUSE") and verb.lemma_.lower() in P.REPORTING_VERBS:
        target = next((s for c in children(verb, "ccomp") for s in children(c, "nsubj") if s.pos_ != "PRON"), None)
        # "officials said Japan has failed to live up to its agreement": the party accused
    if target is None and etype == "REQUEST":  # "ordered Bausch and Lomb to recall": the party asked to act
        target = clause_party(verb)
    if target is not None and etype in ("THREATEN", "REQUEST") and not cameo.can_act(target) and any(
            x.pos_ == "NOUN" and x.lemma_.lower() in P.NOUN_TRIGGERS for x in [target] + prep_objects(target, ("of",))):
        target = None  # "threatened a resumption of air raids": the raids are an event of their own, not a party
    if target is not None and etype == "REQUEST" and not cameo.can_act(target):
        asked = [o for o in prep_objects(verb, ("from",)) + prep_objects(target, ("from",)) if cameo.can_act(o)]
        target = asked[0] if asked else target  # "demanded three bln dlrs from Acme": the party asked
    return actor, target


def _shared_agent(verb: Token) -> Token | None:
    """The ``by`` agent of a passive participle coordinated after ``verb`` with no subject of its
    own: "was shot and killed by a gunman", "were beaten and robbed by the guards" -> the agent
    does both."""
    for c in children(verb, "conj"):
        if c.tag_ == "VBN" and c.i > verb.i and not children(c, *SUBJ) and children(c, "agent"):
            return next(iter(prep_objects(c, ("by",))), None)
    return None


def _cause_owner(verb: Token) -> Token | None:
    """The doer named on the violent cause of a harm verb: ``"killed in an Israeli air raid"``,
    ``"wounded in a Taliban attack"`` -> the noun's owner, when it is a party that can act."""
    for cause in prep_objects(verb, ("in", "during")):
        if P.NOUN_TRIGGERS.get(cause.lemma_.lower()) != "ASSAULT":
            continue
        owners = children(cause, "poss") + [c for c in children(cause, "compound", "amod")
                                            if c.ent_type_ in ACTOR_LABELS]
        owners += prep_objects(cause, ("by",))
        for o in owners:
            if o.ent_type_ not in PLACE_LABELS and cameo.can_act(o):
                return o
    return None


def event_noun(noun: Token) -> Token:
    """The noun that carries a compound trigger's participants: ``"a bombing campaign against
    the group"`` -> ``campaign`` (:data:`plover.EVENT_HEADS`); any other noun itself."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in P.EVENT_HEADS:
        return noun.head
    return noun


def _surface_bases(word: str) -> list[str]:
    """Base forms an inflected verb may come from: "staged" -> stag, stage; "fined" -> fin, fine."""
    out: list[str] = []
    for suffix in ("ed", "ing", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else []) + (
                [stem[:-1] + "y"] if stem.endswith("i") else [])
    return list(dict.fromkeys(out))


def verb_lemma(tok: Token) -> str:
    """The lemma of a verb, repaired where the model's lemmatizer takes an inflection of a verb our
    lexicons list for another word ("staged" -> "stag", "fined" -> "fin"): the one base form of the
    surface that is a light verb or a trigger verb wins; any other token keeps its lemma."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma in P.LIGHT_VERBS or lemma in P.VERB_TRIGGERS:
        return lemma
    known = [b for b in _surface_bases(tok.lower_) if b in P.LIGHT_VERBS or b in P.VERB_TRIGGERS]
    return known[0] if len(known) == 1 else lemma


def light_verb(noun: Token) -> Token | None:
    """The verb that carries a noun event: ``"launched an attack"``; for a stance noun also a verb
    of voicing or giving it: ``"voiced support"``, ``"gave aid"``, ``"lodged a protest"``."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "into" and noun.head.head.lemma_.lower() == "enter":
        return noun.head.head  # "entered into a definitive agreement"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in P.SERIES_NOUNS:
        series = noun.head.head
        if series.dep_ == "dobj" and _talks_had(noun, series.head, series):
            return series.head  # "has had a number of meetings with financial institutions"
        return light_verb(series)  # "concluded a round of talks", "launched a wave of attacks"
    if noun.dep_ == "nsubjpass" and verb_lemma(noun.head) in P.LIGHT_VERBS:
        return noun.head  # "an agreement was reached", "talks are being held with the union"
    if noun.dep_ == "dobj" and _talks_had(noun, noun.head, noun):
        return noun.head  # "has had meetings with financial institutions", "had talks with Iraq": talks held
    if noun.dep_ == "dobj" and (verb_lemma(noun.head) in P.LIGHT_VERBS or (
            noun.lemma_.lower() in P.STANCE_NOUNS and noun.head.lemma_.lower() in P.STANCE_VERBS)):
        return noun.head  # "workers staged a rally" (the model's lemma of "staged" is "stag")
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and verb_lemma(c) in P.LIGHT_VERBS), None)  # "a commitment made last year", "talks held in Bonn"


def _talks_had(noun: Token, verb: Token, obj: Token) -> bool:
    """``have`` carrying talks held with a party: "had talks with Iraq", "has had a number of meetings
    over the past few days with financial institutions" (not "has many business contacts in Asia")."""
    return verb.lemma_.lower() == "have" and P.NOUN_TRIGGERS.get(noun.lemma_.lower()) == "CONSULT" \
        and noun.lemma_.lower() != "contact" and any(
            c.dep_ == "prep" and c.lower_ == "with" for h in (noun, obj, verb) for c in h.children)


def claimant(noun: Token) -> Token | None:
    """Who claims an attack told as a noun: "the Taliban claimed responsibility for the attack",
    "the attack was claimed by IS" (:data:`plover.CLAIM_VERBS`)."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_.lower() == "responsibility" \
            and gov.head.dep_ == "dobj" and gov.head.head.lemma_.lower() in P.CLAIM_VERBS:
        verb = gov.head.head
        subj = subject(verb)
        who = subj[0] if subj is not None and not subj[1] else None
    elif noun.dep_ == "nsubjpass" and gov.lemma_.lower() in P.CLAIM_VERBS:
        verb = gov
        who = next((o for a in children(gov, "agent") for o in children(a, "pobj")), None)
    elif any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in P.CLAIM_VERBS for c in noun.children):
        verb = next(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in P.CLAIM_VERBS)
        who = next((o for a in children(verb, "agent") for o in children(a, "pobj")), None)  # "the attack, claimed by IS,"
    else:
        return None
    if who is None or children(verb, "neg") or not cameo.can_act(who):
        return None  # "nobody has claimed responsibility", "did not claim"
    return who


def noun_roles(noun: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(actor, target) head tokens of a noun trigger (read on its :func:`event_noun`)."""
    lemma = noun.lemma_.lower()
    noun = event_noun(noun)
    patient = lemma in P.PATIENT_NOUNS
    actor = target = None
    owner = [c for c in children(noun, "poss") if c.ent_type_ != "DATE"] + [
        c for c in children(noun, "compound", "amod") if c.ent_type_ in ACTOR_LABELS]
    if owner:
        actor, target = (None, owner[0]) if patient else (owner[0], None)
    by = prep_objects(noun, ("by",))
    if by:
        actor = by[0]
    elif etype in P.VERBAL_TYPES:  # "a warning from Turkey", "an appeal from the UN"
        via = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() == "come"] + (
            [noun.head] if noun.dep_ == "dobj" and noun.head.lemma_.lower() in P.ELICITING_VERBS else [])
        source = [o for h in via for o in prep_objects(h, ("from",))  # "criticism coming from the unions"
                  if o.ent_type_ in ACTOR_LABELS or (o.pos_ == "NOUN" and cameo.can_act(o))]
        if source and actor is None:
            actor = source[0]
    of = prep_objects(noun, ("of",))
    if of:
        if etype in P.OF_IS_ACTOR and not patient:
            actor = actor or of[0]
        else:
            target = target or of[0]
    light = light_verb(noun)
    heads = [noun] + ([light] if light is not None else [])
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":  # "talks are under way between Zaire and the IMF"
        heads += [c for c in noun.head.children if c.dep_ in ("acomp", "advmod") and c.lower_ in P.UNDER_WAY_WORDS]
    objs = [o for h in heads for o in prep_objects(h, ("against", "on") + P.TARGET_PREPS.get(etype, ()))
            if (o.ent_type_ not in PLACE_LABELS or (etype in P.HOSTILE_TYPES and o.head.lower_ in ("on", "against"))
                or (o.ent_type_ == "GPE" and o.head.lower_ in ("with", "between")))  # "talks with Iran"
            and o.ent_type_ not in ("DATE", "TIME")
            and (o.head.lower_ != "on" or etype in P.HOSTILE_TYPES or cameo.can_act(o))  # "talks on quotas": a topic
            and (actor is None or o.i != actor.i)]
    dative = children(light, "dative") if light is not None else []
    dative = [next((o for o in children(d, "pobj")), d) if d.pos_ == "ADP" else d for d in dative]  # "sent it to the police"
    if dative and (target is None or not cameo.can_act(target)):  # "gave Japan a warning of sanctions"
        target = dative[0]
    target = target or (objs[0] if objs else None)
    if target is None and etype == "ASSAULT" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in P.HARM_BY_EVENT:
        hit = children(noun.head, "dobj")  # "the explosion targeted a bakery", "the blast destroyed the post"
        target = hit[0] if hit else None
    if actor is None and etype == "CONSULT" and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
            and noun.head.head.lemma_.lower() == "be":  # "it is in talks on a new contract", "was in contact with"
        subj = subject(noun.head.head)
        if subj is not None and not subj[1]:
            actor = subj[0]
    if actor is None and light is not None and light.dep_ == "acl" and light.head.i == noun.i:
        actor = next((o for a in children(light, "agent") for o in children(a, "pobj")), None)  # "the accord signed by Iran"
    elif actor is None and light is not None:
        subj = subject(light)
        if subj is not None and not subj[1]:
            actor = subj[0]
    if etype == "ASSAULT" and actor is None and target is None and lemma in P.MUTUAL_FIGHT_NOUNS:
        sides = prep_objects(noun, ("between",))  # "fighting between rebels and soldiers"
        other = [c for s in sides for c in s.children if c.dep_ == "conj"]
        if sides and other:
            actor, target = sides[0], other[0]
    if etype == "ASSAULT" and actor is None:
        actor = claimant(noun)
    gov = noun.head.head
    if actor is None and etype == "PROTEST" and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") \
            and gov.pos_ == "VERB" and not (P.VERB_TRIGGERS.get(gov.lemma_.lower()) in ("COERCE", "ASSAULT")
                                            and any(cameo.can_act(o) for o in children(gov, "dobj"))):
        # not "police arrested 20 people in the protest"
        subj = subject(gov)  # "farmers blocked the roads in the latest protest": the farmers protest
        if subj is not None and not subj[1] and cameo.can_act(subj[0]):
            actor = subj[0]
    return actor, target
