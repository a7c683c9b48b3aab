"""Who is speaking: resolve title, description and pronoun speakers to the entity the document names.

Runs over a document's claims in text order, after each claim's own speaker is read off the parse:

* **Titles** ("the prime minister said", "the chancellor on Sunday said"): a definite speaker
  phrase whose head is the head of one of the document's roles (``entity_roles``: "Prime Minister
  Tony Blair", "Lavrov, Russia's foreign minister") takes that role's holder: the nearest role
  before the speaker, else the first one after. ``speaker_kind`` becomes ``role``. An indefinite
  phrase ("a spokesman", "one diplomat") is left alone: it may be someone else.
* **Descriptions of an organisation** ("the company said", "the fund said", "the ministry said";
  :data:`ORG_DESCRIPTIONS`) take the nearest compatible antecedent that is a named organisation
  (one whose name holds the description's noun first: "the fund" -> "International Monetary
  Fund"); ``speaker_kind`` becomes ``role``.
* **Short forms of organisations** the model missed or linked apart: a one-word speaker that is
  the first word of exactly one organisation named before ("Endata said" after "Endata Inc"), or
  initials that are that organisation's ("S and P said" after "Standard and Poor's Corp", "ICI"
  after "Imperial Chemical Industries PLC"), takes that organisation (:func:`_short_form`).
* **Pronouns** ("he", "she", "it", "they") take the nearest compatible antecedent (see
  :func:`_antecedent`): earlier claims' speakers and the subjects of the sentences before (back to
  :data:`MAX_BACK` characters), the most recent sentence first and, inside a sentence, the main
  clause's subject before an embedded one; only then other mentions of the sentence and the one
  before. Never a mention inside the claim's own content ("Uganda has a rail link ..., they said"
  is not Uganda speaking). Compatible means: "he"/"she" a single person of that gender or of
  unknown gender (``given_names()``, "Mr", "spokeswoman"; a surname alone has its full name's
  gender), "it" an organisation, country or
  document, "they" a plural group of people ("officials", "dealers", "Iranians"). An unnamed
  antecedent ("a bank official said ... he said") gives the chain name but no entity. A gender
  known only from the given-name list (no "Mr"/"Mrs", no earlier "he"/"she") is a prior that the
  writer's pronoun may overrule: when no subject of the pronoun's gender is in its sentence or the
  two before, a subject of the other list gender in its sentence or the one before is taken
  ("Beryl Sprinkel said ... he said": the census list calls Beryl a woman's name).

* **Coordinated speakers** ("Connery and other analysts said", "the company and Smith said",
  "Acme Corp and Beta Inc said") are resolved by the first of them (its surname, short form, title
  or description; failing that, a name coordinated after it gives the entity: "European nations and
  Japan believe" -> Japan), and are together an
  antecedent of "they" ("Acme Corp and Beta Inc said they agreed to merge": the first one's entity,
  both in the chain name), as are names coordinated as a subject ("Acme Corp and Beta Inc signed
  ... They said").

The chain name of a resolved speaker (``source_chain``) is its antecedent's name.

Example: "Prime Minister Tony Blair arrived on Sunday. The prime minister said taxes would fall."
         -> speaker "The prime minister", kind "role", entity = Tony Blair's.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import Any, Iterator, Protocol, Sequence

from spacy.tokens import Doc, Span, Token

from newslake.transforms.claims.spans import entity_span as mention_span
from newslake.transforms.entities.lexicons import NAME_PARTICLES
from newslake.transforms.entities.lexicons import ROLE_NOUNS as _ROLE_NOUNS  # titles: "mayor", "judge"
from newslake.transforms.types import EntityLookup, doc_text

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
ORG_NOUNS = frozenset(
    "company group bank government ministry agency paper newspaper daily committee council board "
    "association union commission department office authority authorities federation party army "
    "statement report survey study firm corporation institute organisation organization court "
    "exchange fund management unit subsidiary parent utility embassy administration coalition delegation "
    "body conference".split())
"""Head nouns of unnamed speakers that ``it`` (not he/she) can stand for: "the paper said ... it said"."""
ORG_DESCRIPTIONS = frozenset(
    "company firm concern group corporation bank bancorp fund agency ministry department exchange union "
    "board commission association institute organisation organization authority utility carrier "
    "airline insurer council committee federation party newspaper daily office "
    "court subsidiary unit parent maker producer manufacturer retailer lender brokerage partnership bureau".split())
# not "administration": "the administration said" is a government, hardly ever an organisation the
# story names ("Treasury Secretary James Baker said the administration opposes ...")
"""Head nouns of a definite speaker ("the company said") that stand for a named organisation."""
BODY_NOUNS = frozenset(
    "commission administration council ministry department agency court committee board authority "
    "office federation union association institute exchange party embassy government army "
    "organisation organization university school hospital police".split())
"""Heads of public bodies' names: an organisation named with one of them is no antecedent of a
description with another head ("the company" is not "the Securities and Exchange Commission")."""
NAMED_BODIES = frozenset(
    "union association committee council commission court party federation institute university embassy "
    "army police".split())
"""Descriptions that stand only for an organisation whose name holds the word ("the union" ->
"Transport Workers Union", never the airline named before); "the agency" or "the ministry" may
stand for one named otherwise ("Moody's", "MITI")."""
DOCUMENT_NOUNS = frozenset(
    "statement report survey study announcement release letter document filing communique bulletin "
    "newsletter editorial".split())
"""Heads of a subject whose compound names its source: "The Inland Revenue statement said" -> it."""
PERSON_NOUNS = frozenset(
    "official spokesman spokeswoman spokesperson analyst dealer trader source banker broker economist "
    "executive director president chairman chairwoman minister secretary diplomat officer leader "
    "man woman people person expert worker farmer resident witness investor observer specialist "
    "underwriter negotiator delegate representative lawyer attorney judge senator congressman "
    "congresswoman governor mayor ambassador envoy chief head manager aide adviser advisor partner "
    "strategist member businessman businesswoman chancellor premier king queen prince princess "
    "arbitrageur arbitrager consultant scientist professor researcher investigator inspector auditor "
    "regulator organiser organizer protester demonstrator shareholder stockholder holder consumer customer "
    "buyer seller voter citizen student creditor".split()) | _ROLE_NOUNS
"""Head nouns of unnamed speakers who are people: "a bank official said ... he said"."""
GROUP_NOUNS = frozenset("country nation member producer exporter importer state ally creditor lender".split())
"""Plural heads that ``they`` can stand for besides people and organisations: "the G-7 countries"."""
FEMALE_WORDS = frozenset(
    "she her woman women spokeswoman chairwoman congresswoman businesswoman mrs mrs. ms ms. miss madam "
    "queen princess lady".split())
MALE_WORDS = frozenset("he him man men spokesman chairman congressman businessman mr mr. sir king prince lord".split())
NON_PERSON_NAME_WORDS = frozenset(
    "brothers associates partners securities capital trust holdings group international industries "
    "and & systems services".split())
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three"})
MAX_BACK = 3000
"""How far back (characters) a pronoun's antecedent may be."""
MAX_SHORT_FORM_CANDIDATES = 64
"""Organisations (and earlier speakers) a short form is matched against: the nearest ones."""
MAX_BACK_DESCRIPTION = 6000
"""How far back the organisation a description ("the company") stands for may be named."""
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


class RoleLike(Protocol):
    entity_id: str
    role_head: str
    start_char: int
    end_char: int


@dataclass
class _Candidate:
    """A mention that a later pronoun or description may stand for."""

    start: int  # characters
    end: int
    entity_id: str | None
    name: str  # its name in a source chain
    kind: str  # person | group | org | "" (nothing a speaker pronoun can stand for)
    gender: str = ""  # m | f | "" (unknown)
    label: str = ""  # the entity label, if any
    subject: bool = False  # a subject (or a claim's speaker): looked at first
    depth: int = 0  # head steps from its sentence's root
    sent: int = 0  # index of its sentence
    by_name: bool = False  # its gender comes from the given-name list alone (a prior, not evidence)


def _words(text: str) -> list[str]:
    return [w for w in text.lower().replace("'s", " ").split() if w.isalpha()]


def _holder_name(doc: Doc, entities: EntityLookup, entity_id: str) -> str | None:
    for ent in doc.ents:
        if entities.entity_at(ent.start_char, ent.end_char) == entity_id:
            return ent.text
    return None


def _role_for(claim: Any, roles: Sequence[RoleLike]) -> RoleLike | None:
    """The role a definite title speaker refers to (see the module docstring)."""
    words = _words(claim.speaker_text or "")
    if not words or words[0] in INDEFINITE or claim.speaker_text.split()[0].lower() in INDEFINITE:
        return None
    hits = [r for r in roles if r.role_head and (" ".join(words).endswith(r.role_head.lower())
                                                  or words[-1] == r.role_head.lower().split()[-1])]
    exact = [r for r in hits if " ".join(words).endswith(r.role_head.lower())]
    hits = exact or hits
    before = [r for r in hits if r.end_char <= (claim.speaker_start or 0)]
    if before:
        return max(before, key=lambda r: r.start_char)
    return min(hits, key=lambda r: r.start_char) if hits else None


def _given_gender(word: str) -> str:
    from newslake.transforms.entities.actors import given_names

    return given_names().get(word[:1].upper() + word[1:].lower(), "") if word.isalpha() else ""


def _name_gender_only(ent: Span) -> bool:
    """Whether a mention's gender, if any, would come from its given name alone (no "Mr", "Mrs"
    before it): the census list is a prior that the writer's "he"/"she" may overrule ("Beryl" is
    mostly a woman's name, and Beryl Sprinkel a man)."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before not in FEMALE_WORDS and before not in MALE_WORDS


def _entity_kind(ent: Span) -> tuple[str, str]:
    """(kind, gender) of an entity mention, by its label and words: a PERSON-labelled name ending
    in a company suffix is an organisation ("Rainier Bancorp"), an ORG-labelled name of two or three
    words starting with a given name is a person ("Gareth Lewis Davies")."""
    from newslake.transforms.entities.lexicons import CORPORATE_SUFFIXES

    words = [t.text for t in ent if not t.is_punct]
    if not words:
        return "", ""
    last = words[-1].lower().rstrip(".")
    first_gender = _given_gender(words[0])
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    title_gender = "f" if before in FEMALE_WORDS else "m" if before in MALE_WORDS else ""
    if ent.label_ == "PERSON":
        if last in CORPORATE_SUFFIXES or last == "bancorp":
            return "org", ""
        return "person", title_gender or first_gender
    if ent.label_ == "ORG":
        if (first_gender and 2 <= len(words) <= 3 and last not in CORPORATE_SUFFIXES
                and all(w[:1].isupper() and w.lower() not in NON_PERSON_NAME_WORDS for w in words)):
            return "person", title_gender or first_gender
        return "org", ""
    if ent.label_ == "GPE":
        return "org", ""
    if ent.label_ == "NORP" and ent.root.tag_ in ("NNS", "NNPS") and ent.root.dep_ in _SUBJECT_DEPS:
        return "group", ""  # "Iranians said"
    return "", ""


def _noun_kind(head: Token) -> tuple[str, str]:
    """(kind, gender) of an unnamed noun phrase by its head: "officials" -> group, "a spokeswoman"
    -> person f, "the company" -> org."""
    low, lem = head.lower_, (head.lemma_ or head.lower_).lower()
    plural = head.tag_ in ("NNS", "NNPS")
    gender = "f" if low in FEMALE_WORDS or lem in FEMALE_WORDS else "m" if low in MALE_WORDS or lem in MALE_WORDS else ""
    if lem in PERSON_NOUNS or low.endswith(("man", "woman", "person")):
        return ("group", "") if plural else ("person", gender)
    if lem in ORG_NOUNS or lem in ORG_DESCRIPTIONS or lem in DOCUMENT_NOUNS or lem in GROUP_NOUNS:
        # "the G-7 countries welcomed ... They said": plural organisations are a "they"
        return ("group", "") if plural else ("org", "") if lem not in GROUP_NOUNS else ("", "")
    return "", ""


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _subject_anchor(tok: Token) -> Token | None:
    """The subject token that makes a mention headed by ``tok`` a subject, or None: the subject
    itself, an apposition to one ("A spokesman, John Smith, said"), or the compound or possessor of
    a document subject ("The Inland Revenue statement said")."""
    if tok.dep_ in _SUBJECT_DEPS:
        return tok
    head = tok.head
    if tok.dep_ == "appos" and head.dep_ in _SUBJECT_DEPS:
        return head
    if tok.dep_ in ("compound", "poss") and head.dep_ in _SUBJECT_DEPS and (
            (head.lemma_ or head.lower_).lower() in DOCUMENT_NOUNS):
        return head
    return None


def _titled(ent: Span) -> bool:
    """Whether a name is given a person's title by apposition: "Arango, president of X", "the
    department head, Abdul Jabbar"."""
    root = ent.root
    if any(c.dep_ == "appos" and (c.lemma_ or c.lower_).lower() in PERSON_NOUNS for c in root.children):
        return True
    return root.dep_ == "appos" and (root.head.lemma_ or root.head.lower_).lower() in PERSON_NOUNS


_JOINT_LABELS = frozenset({"PERSON", "ORG", "GPE"})


def _joint_end(ent: Span, ent_of: dict[int, Span]) -> int | None:
    """The end (characters) of the last name coordinated with ``ent`` by "and" ("Acme Corp and
    Beta Inc"), when every conjunct is a name of a person, organisation or country; else None."""
    if ent.label_ not in _JOINT_LABELS:
        return None
    root = ent.root
    conjs = [c for c in root.children if c.dep_ == "conj" and c.i >= ent.end]
    if not conjs or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in root.children):
        return None
    spans = [ent_of.get(c.i) for c in conjs]
    if any(sp is None or sp.label_ not in _JOINT_LABELS for sp in spans):
        return None
    return max(sp.end_char for sp in spans if sp is not None)


class _Mentions:
    """The document's candidate antecedents from its entities and unnamed subjects, built once."""

    def __init__(self, doc: Doc, entities: EntityLookup, roles: Sequence[RoleLike] = ()) -> None:
        self.doc = doc
        # who holds a title is a person ("Gareth Lewis Davies, a North Sea expert"; "Gilberto
        # Arango, president of the exporters' association", tagged GPE): all its mentions are
        self.holders = holders = {r.entity_id for r in roles} | {
            entities.entity_at(ent.start_char, ent.end_char) for ent in doc.ents if _titled(ent)}
        holders.discard(None)
        self.sent_starts = [s.start_char for s in doc.sents]
        # last word of a person's name -> (entity id, full name, gender, gender by given name only)
        surnames: dict[str, tuple[str | None, str, str, bool]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                kind, gender = _entity_kind(ent)
                if kind == "person":
                    value = (entities.entity_at(ent.start_char, ent.end_char), ent.text, gender,
                             bool(gender) and _name_gender_only(ent))
                    surnames.setdefault(ent[-1].text, value)
                    # a surname with its particle: "von Schack" after "Wesley von Schack"
                    particle = next((t for t in ent[1:-1] if t.lower_ in NAME_PARTICLES and t.text.islower()), None)
                    if particle is not None:
                        surnames.setdefault(doc[particle.i : ent.end].text, value)
        self.surnames = surnames
        # organisations named in full, for short forms the model missed or linked apart ("Endata"
        # after "Endata Inc", "S and P" after "Standard and Poor's Corp")
        self.orgs = [(ent.start_char, ent.text, entities.entity_at(ent.start_char, ent.end_char))
                     for ent in doc.ents if ent.label_ == "ORG" and len(ent) > 1]
        self.org_starts = [o[0] for o in self.orgs]
        self.org_ids = {o[2] for o in self.orgs if o[2] is not None}
        cands: list[_Candidate] = []
        in_ent: set[int] = set()
        self.ent_of: dict[int, Span] = {}  # token index -> the entity it is in
        for ent in doc.ents:
            self.ent_of.update(dict.fromkeys(range(ent.start, ent.end), ent))
        for ent in doc.ents:
            in_ent.update(range(ent.start, ent.end))
            kind, gender = _entity_kind(ent)
            by_name = bool(gender) and _name_gender_only(ent)
            eid = entities.entity_at(ent.start_char, ent.end_char)
            name = ent.text
            if len(ent) == 1 and ent.text in surnames and kind != "person":  # "Canevi" tagged NORP
                (s_eid, name, gender, by_name), kind = surnames[ent.text], "person"
                eid = s_eid or eid
            elif len(ent) == 1 and ent.text in surnames and not gender:  # "Marwick" after "Lindsay Marwick"
                gender, by_name = surnames[ent.text][2:]
            if kind in ("org", "") and ent.label_ in ("ORG", "GPE", "NORP") and eid in holders:
                kind = "person"
            if not kind:
                continue
            anchor = _subject_anchor(ent.root)
            cands.append(_Candidate(ent.start_char, ent.end_char, eid, name, kind, gender, ent.label_,
                                    anchor is not None, _depth(anchor or ent.root), self.sent_of(ent.start_char),
                                    by_name))
            joint = _joint_end(ent, self.ent_of) if anchor is not None else None
            if joint is not None:  # "Acme Corp and Beta Inc agreed to merge. They said ...": the two are a "they"
                cands.append(_Candidate(ent.start_char, joint, eid, doc_text(doc)[ent.start_char:joint], "group", "",
                                        "", True, _depth(anchor), self.sent_of(ent.start_char)))
        for tok in doc:  # unnamed people as subjects: "A bank official said ...", "Dealers expect ..."
            if tok.dep_ not in _SUBJECT_DEPS or tok.i in in_ent or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            kind, gender = _noun_kind(tok)
            if kind in ("person", "group"):
                left = tok.left_edge
                cands.append(_Candidate(left.idx, tok.idx + len(tok), None, doc[left.i : tok.i + 1].text,
                                        kind, gender, "", True, _depth(tok), self.sent_of(tok.idx)))
        self.cands = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.cands]

    def sent_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def before(self, char: int, back: int) -> list[_Candidate]:
        lo = bisect.bisect_left(self.starts, char - back)
        hi = bisect.bisect_left(self.starts, char)
        return [c for c in self.cands[lo:hi] if c.end <= char]


def _speaker_candidate(claim: Any, names: dict[str, str], doc: Doc, mentions: _Mentions) -> list[_Candidate]:
    """An earlier claim's speaker as candidate antecedents (its own resolution carried along): one,
    or for coordinated speakers also the group they form."""
    if claim.speaker_start is None or claim.speaker_kind == "unattributed":
        return []
    span = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    head = span.root
    low = (claim.speaker_text or "").lower()
    if claim.speaker_kind == "pronoun":
        if low not in PRONOUNS or names.get(claim.claim_id, claim.speaker_text) == claim.speaker_text:
            return []  # an unresolved pronoun passes nothing on
        kind = {"he": "person", "she": "person", "it": "org", "they": "group"}[low]
        gender = {"he": "m", "she": "f"}.get(low, "")
        by_name = False
    else:
        ents = [mentions.ent_of[head.i]] if head.i in mentions.ent_of else []
        kind, gender = _entity_kind(ents[0]) if ents else _noun_kind(head)
        if not ents and claim.speaker_kind == "named" and head.pos_ == "PROPN":
            # a name the model gave no entity is no person by its word ("Premier said", "Pope said":
            # companies); one resolved to an organisation named in full before is that organisation
            kind, gender = ("org", "") if claim.speaker_entity_id in mentions.org_ids else ("", "")
        by_name = bool(ents) and bool(gender) and _name_gender_only(ents[0])
        surname = (mentions.surnames.get(ents[0].text) if ents and len(ents[0]) == 1
                   else mentions.surnames.get(claim.speaker_text) if not ents else None)  # "Keel", untagged
        if surname is not None and (kind != "person" or not gender):
            kind, gender, by_name = "person", surname[2], surname[3]
        if kind in ("org", "") and ents and ents[0].label_ in ("ORG", "GPE", "NORP") and (
                claim.speaker_entity_id in mentions.holders):
            kind = "person"
        if claim.speaker_kind == "role" and claim.speaker_entity_id is not None and not ents:
            kind = kind or "person"
        if not kind and claim.speaker_kind == "named" and not ents and head.pos_ == "PROPN":
            kind = "name"  # a name the model gave no entity ("Banner also said"): no antecedent of anything,
            # but it spoke (see the descriptions in :func:`_antecedent`)
    if not kind:
        return []
    label = ents[0].label_ if claim.speaker_kind != "pronoun" and ents else ""
    cand = _Candidate(claim.speaker_start, claim.speaker_end, claim.speaker_entity_id,
                      names.get(claim.claim_id, claim.speaker_text), kind, gender, label, True,
                      _depth(head), mentions.sent_of(claim.speaker_start), by_name)
    if claim.speaker_kind != "pronoun" and _first_conjunct(claim, doc) is not None:
        # speakers coordinated ("Acme Corp and Beta Inc said ... they agreed") are a "they" too
        return [cand, dataclasses.replace(cand, kind="group", gender="", label="", by_name=False,
                                          name=claim.speaker_text)]
    return [cand]


def _first_conjunct(claim: Any, doc: Doc) -> tuple[str, int, Span] | None:
    """The first of coordinated speakers, its start and the whole phrase: "Connery and other analysts"
    -> "Connery", "the company and Smith" -> "the company", "Acme Corp and Beta Inc" -> "Acme Corp"
    (the phrase's head and what stands before the "and" it is coordinated by); None when the speaker
    is no coordination, or is one name written as coordinated initials ("S and P")."""
    if claim.speaker_start is None or " " not in (claim.speaker_text or "") or _acronym_letters(claim.speaker_text):
        return None
    span = doc.char_span(claim.speaker_start, claim.speaker_end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    root = span.root
    cc = [c for c in root.children if c.dep_ == "cc" and c.lower_ in ("and", "&") and span.start < c.i < span.end]
    if not cc or not any(c.dep_ == "conj" and cc[0].i < c.i < span.end for c in root.children):
        return None
    end = cc[0].i
    while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= span.start:
        return None
    first = doc[span.start:end]
    return first.text, first.start_char, span


def _conjunct_entity(span: Span, entities: EntityLookup) -> str | None:
    """The entity of the first name coordinated with a speaker phrase's head ("the company and
    John Smith" -> John Smith's, "European nations and Japan" -> Japan's), or None."""
    for c in span.root.children:
        if c.dep_ == "conj" and span.start < c.i < span.end and c.ent_type_ in ("PERSON", "ORG", "GPE"):
            ent = mention_span(c)
            eid = entities.entity_at(ent.start_char, ent.end_char)
            if eid is not None:
                return eid
    return None


def _compatible(want: str, c: _Candidate, description: str | None = None) -> bool:
    """Can a pronoun (or, with ``description``, an organisation description) stand for ``c``?"""
    if description is not None:  # never a country ("the splinter group" after "El Salvador and Guatemala
        # said") nor a lower-case word the model took for a name ("cts")
        return c.kind == "org" and c.entity_id is not None and c.label != "GPE" and any(
            w[:1].isupper() for w in c.name.split())
    if want == "he":
        return c.kind == "person" and c.gender != "f"
    if want == "she":
        return c.kind == "person" and c.gender != "m"
    if want == "it":
        return c.kind == "org"
    return c.kind == "group"


def _ordered(cands: list[_Candidate], sent: int) -> Iterator[_Candidate]:
    """Subjects and speakers first, the most recent sentence first and, inside a sentence, the
    shallowest first (the main clause's subject before an embedded one); then the other mentions
    of the pronoun's sentence and the one before, the nearest first."""
    subjects = [c for c in cands if c.subject]
    yield from sorted(subjects, key=lambda c: (-c.sent, c.depth, c.start))
    others = [c for c in cands if not c.subject and c.sent >= sent - 1]
    yield from sorted(others, key=lambda c: -c.start)


class _Spoken:
    """Earlier claims' speakers as candidates, kept ordered by start so that a pronoun looks only at
    those in its window (``MAX_BACK`` characters) instead of at every earlier claim of the document.
    Candidates with the same start keep the order they were added in (the order the claims were
    resolved), which is what the ranking in :func:`_ordered` falls back on."""

    def __init__(self) -> None:
        self.cands: list[_Candidate] = []
        self.starts: list[int] = []

    def add(self, cand: _Candidate) -> None:
        k = bisect.bisect_right(self.starts, cand.start)
        self.starts.insert(k, cand.start)
        self.cands.insert(k, cand)

    def window(self, lo: int, at: int) -> list[_Candidate]:
        """The candidates starting at or after ``lo`` and ending at or before ``at``, by start."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, at)
        return [c for c in self.cands[i:j] if c.end <= at]


def _described(spoke: list[_Candidate], doc: Doc) -> list[int]:
    """Character offsets of the heads of descriptions that earlier speakers' names stand beside
    ("Invacare Corp chairman, president and chief executive officer A. Malachi Mixon III said" ->
    the offset of "chairman"): the speaker's head is an apposition of that head."""
    out = []
    for c in spoke:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ == "appos" and span.root.pos_ == "PROPN" and (
                span.root.head.pos_ == "NOUN"):  # not "Eurofer, the EC steelmakers' lobby group"
            out.append(span.root.head.idx)
    return out


def _antecedent(claim: Any, want: str, earlier: _Spoken, mentions: _Mentions,
                description: str | None = None, genders: dict[str, str] | None = None) -> _Candidate | None:
    at = claim.speaker_start if claim.speaker_start is not None else claim.cue_start
    back = MAX_BACK_DESCRIPTION if description is not None else MAX_BACK
    spoke = earlier.window(at - back, at)  # they carry their resolution
    taken = {(e.start, e.end) for e in spoke}
    described = _described(spoke, mentions.doc)
    if described:  # a description of a speaker named beside it is that speaker, not a rival antecedent:
        # "Indonesian Energy minister Subroto said ... he said" (the speaker is "Subroto")
        taken |= {(m.start, m.end) for m in mentions.before(at, back) if any(m.start <= k < m.end for k in described)}
    pool = [c for c in spoke + [m for m in mentions.before(at, back) if (m.start, m.end) not in taken]
            if not (claim.start_char <= c.start < claim.end_char)]  # never inside its own content
    if genders:  # a person already called "he" is not "she" ("Brown added ..., he said. ... she said");
        # the writer's pronoun outweighs the given-name list
        pool = [dataclasses.replace(c, gender=genders[c.entity_id], by_name=False)
                if c.entity_id in genders and (not c.gender or c.by_name) else c for c in pool]
    sent = mentions.sent_of(at)
    ranked = list(_ordered(pool, sent))
    ordered = [c for c in ranked if _compatible(want, c, description)]
    if description is not None and not ordered:
        # nothing before the content: an organisation the content itself names first stands for a
        # description after it ("Premier Group Holdings Ltd anticipates ..., the company said" opening
        # a story); a pronoun never takes one ("Uganda has a rail link ..., they said")
        ordered = sorted((c for c in mentions.before(at, back) if claim.start_char <= c.start < claim.end_char
                          and _compatible(want, c, description)), key=lambda c: c.start)[:1]
    if description is not None:  # "the fund" -> a fund named before, else the nearest organisation
        # that is not a body of another kind ("the association" is not "the Council of Ministers",
        # "the company" not "the Securities and Exchange Commission")
        named = [c for c in ordered if description in c.name.lower().split()]
        if description in NAMED_BODIES:  # "the union" is an organisation named a union, not the airline
            ordered = named
        else:
            ordered = named + [c for c in ordered if not (set(_words(c.name)) & (BODY_NOUNS - {description}))]
        # an earlier speaker the same noun described with no name of its own ("A group led by Halcyon
        # Investments said ... the Halcyon group said ... The group said") is who this one is: not an
        # organisation named further back ("Atlantic Research Corp", the group's target)
        same = [c for c in spoke if c.entity_id is None and _words(c.name)[-1:] == [description]]
        if same and ordered and (not ordered[0].subject or max(c.start for c in same) > ordered[0].start):
            return None
        # an organisation that spoke (a name the model gave no entity: "Banner also said it received
        # ... from <Citicorp Industrial Credit Inc> ... the company said") after the nearest organisation
        # that was a subject: the lender named in its claim is not "the company"
        unnamed_org = [c for c in spoke if c.entity_id is None and c.kind in ("org", "name")]
        if unnamed_org and ordered and not ordered[0].subject and max(c.start for c in unnamed_org) < ordered[0].start:
            return None
    elif want in PERSON_PRONOUNS and not any(c.subject and c.sent >= sent - 2 for c in ordered):
        # no subject of that gender in the last three sentences, but a subject in this sentence or
        # the one before whose gender is only the given-name list's guess: the writer's "he" is the
        # better evidence ("Beryl Sprinkel said ... he said")
        near = [c for c in ranked if c.kind == "person" and c.by_name and c.subject and c.sent >= sent - 1]
        if near:
            return near[0]
    if want == "it" and description is None and ordered and ordered[0].label == "GPE":
        # a country the story is about is not the source that keeps speaking: "The U.S. Agriculture
        # Department said ... Japan is committed to buying ... it said" is the department
        spoken_ids = {(c.start, c.end) for c in spoke}
        if (ordered[0].start, ordered[0].end) not in spoken_ids:
            source = next((c for c in ordered if (c.start, c.end) in spoken_ids and c.label != "GPE"), None)
            if source is not None:
                return source
    return ordered[0] if ordered else None


_SHORT_STOP = frozenset("the first national american general united new international".split())


def _acronym_letters(text: str) -> str | None:
    """The letters of an acronym speaker ("S and P", "S&P", "GNN" -> "SP", "SP", "GNN"), or None."""
    parts = [p for p in text.replace("&", " & ").replace(".", " ").split() if p not in ("and", "&")]
    if len(parts) >= 2 and all(len(p) == 1 and p.isupper() for p in parts):
        return "".join(parts)
    if len(parts) == 1 and 2 <= len(parts[0]) <= 6 and parts[0].isupper() and parts[0].isalpha():
        return parts[0]
    return None


def _org_initials(name: str) -> set[str]:
    """Initials of an organisation's name without its corporate suffix ("Standard and Poor's Corp"
    -> SAP, SP)."""
    from newslake.transforms.entities.extract import name_initials
    from newslake.transforms.entities.lexicons import CORPORATE_SUFFIXES

    words = [w for w in name.replace("'s", "").replace("\u2019s", "").split() if w[:1].isalnum()]
    out = name_initials(words)  # "Mitsubishi Motors Australia Ltd" -> MMAL
    while len(words) > 2 and words[-1].lower().rstrip(".") in CORPORATE_SUFFIXES:
        words = words[:-1]
    return out | name_initials(words)  # ... and MMA


def _short_form(claim: Any, mentions: _Mentions, spoken: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """(entity id, full name) of the organisation a short speaker stands for: an acronym whose
    letters are the initials of an organisation named before ("S and P said" after "Standard and
    Poor's Corp"), or the first word of one ("Endata said" after "Endata Inc": the model often
    misses or splits the short form). ``spoken`` holds earlier speakers (start, text, entity id),
    whose phrases may be fuller than the model's entity ("Standard and Poor's Corp" tagged "Poor's
    Corp"). Only a single match counts."""
    text = (claim.speaker_text or "").strip()
    at = claim.speaker_start or 0
    lo = at - MAX_BACK_DESCRIPTION  # a window, not the whole document: n log n however many claims
    i, j = bisect.bisect_left(mentions.org_starts, lo), bisect.bisect_left(mentions.org_starts, at)
    orgs = [(t, e, True) for _, t, e in mentions.orgs[i:j] if e][-MAX_SHORT_FORM_CANDIDATES:]
    k = bisect.bisect_left(spoken, (lo, "", ""))
    named = [(t, e, False) for st, t, e in spoken[k:] if st < at and e][-MAX_SHORT_FORM_CANDIDATES:] + orgs
    letters = _acronym_letters(text)
    hits: dict[str, str] = {}
    for name, eid, org in named:
        if name == text:
            continue
        first = (org and text[:1].isupper() and " " not in text and text.lower() not in _SHORT_STOP
                 and name.split()[0] == text and len(name.split()) > 1)
        if first or (letters is not None and letters in _org_initials(name)):
            hits.setdefault(eid, name)
    if len(hits) == 1:
        eid, name = next(iter(hits.items()))
        return eid, name
    return None


def _description(claim: Any) -> str | None:
    """The head noun of a definite organisation description speaker ("The company" -> company)."""
    words = (claim.speaker_text or "").split()
    if len(words) < 2 or words[0].lower() not in ("the", "this") or len(words) > 4:
        return None
    head = words[-1].lower()
    return head if head in ORG_DESCRIPTIONS else None


def resolve_speakers(claims: list[Any], doc: Doc, entities: EntityLookup, roles: Sequence[RoleLike],
                     names: dict[str, str]) -> list[Any]:
    """The claims with title, description and pronoun speakers resolved; ``names`` (claim id ->
    chain name) is updated in place."""
    out: list[Any] = []
    mentions: _Mentions | None = None
    earlier = _Spoken()
    genders: dict[str, str] = {}  # entity id -> the gender a he/she resolved to it gave it
    spoken: list[tuple[int, str, str]] = []  # earlier named speakers: start, text, entity id
    for claim in sorted(claims, key=lambda c: (c.cue_start, c.start_char)):
        low = (claim.speaker_text or "").lower()
        if claim.speaker_kind in ("unnamed", "named"):
            mentions = mentions or _Mentions(doc, entities, roles)
            # speakers coordinated ("Connery and other analysts said", "the company and Smith said")
            # are looked up by the first of them, whose entity the claim takes
            first = _first_conjunct(claim, doc)
            probe = claim if first is None else dataclasses.replace(
                claim, speaker_text=first[0], speaker_end=first[1] + len(first[0]))
            surname = mentions.surnames.get(probe.speaker_text or "")
            unnamed = claim.speaker_kind == "unnamed"
            role = _role_for(probe, roles) if roles and unnamed else None
            description = _description(probe) if unnamed else None
            resolved = True
            if surname is not None and surname[0] is not None and surname[0] != claim.speaker_entity_id:
                # "Canevi said" (tagged NORP, or linked apart) after "Yavuz Canevi"
                claim = dataclasses.replace(claim, speaker_entity_id=surname[0], speaker_kind="named")
                names[claim.claim_id] = surname[1]
            elif (surname is None and (short := _short_form(probe, mentions, spoken)) is not None
                  and short[0] != claim.speaker_entity_id):
                claim = dataclasses.replace(claim, speaker_entity_id=short[0], speaker_kind="named")
                names[claim.claim_id] = short[1]
            elif role is not None:
                claim = dataclasses.replace(claim, speaker_entity_id=role.entity_id, speaker_kind="role")
                names[claim.claim_id] = _holder_name(doc, entities, role.entity_id) or claim.speaker_text
            elif description is not None:
                ante = _antecedent(probe, "it", earlier, mentions, description)
                if ante is not None:
                    claim = dataclasses.replace(claim, speaker_entity_id=ante.entity_id, speaker_kind="role")
                    names[claim.claim_id] = ante.name
                else:
                    resolved = False
            else:
                resolved = False
            if not resolved and first is not None and claim.speaker_entity_id is None:
                # the first names nobody the document gives ("the company" with no company named
                # before): a name coordinated with it speaks ("the company and Smith said" -> Smith)
                named_conj = _conjunct_entity(first[2], entities)
                if named_conj is not None:
                    claim = dataclasses.replace(claim, speaker_entity_id=named_conj, speaker_kind="named")
        elif claim.speaker_kind == "pronoun" and low in PRONOUNS:
            mentions = mentions or _Mentions(doc, entities, roles)
            ante = _antecedent(claim, low, earlier, mentions, genders=genders)
            if ante is not None:
                claim = dataclasses.replace(claim, speaker_entity_id=ante.entity_id)
                names[claim.claim_id] = ante.name
                if low in PERSON_PRONOUNS and ante.entity_id is not None:
                    genders.setdefault(ante.entity_id, "m" if low == "he" else "f")
            else:  # nothing compatible: the parse's guess is not trusted either
                claim = dataclasses.replace(claim, speaker_entity_id=None)
                names[claim.claim_id] = claim.speaker_text
        out.append(claim)
        if claim.speaker_kind == "named" and claim.speaker_entity_id and claim.speaker_start is not None:
            bisect.insort(spoken, (claim.speaker_start, claim.speaker_text, claim.speaker_entity_id))
        if mentions is None:
            mentions = _Mentions(doc, entities, roles)
        for cand in _speaker_candidate(claim, names, doc, mentions):
            earlier.add(cand)
    return out
