"""Titles and roles held by the people (and organisations) a document names.

A role is a noun phrase headed by a role noun (:data:`ROLE_NOUNS`: commander, minister,
spokesman, ...) tied to a named holder by the parse:

* an apposition after the name: "Gulmurod Halimov, the former commander of the country's
  special police (OMON), ...", "Lavrov, Russia's foreign minister, said";
* an apposition before it: "the former head of the central bank, Anna Kowalski, ...";
* a title before the name: "Russian Foreign Minister Sergei Lavrov", "Kremlin spokesman Dmitry
  Peskov";
* a copula: "Kowalski is now a senior analyst at Deutsche Bank".

The role's text runs from its first modifier (no article) to the end of its noun phrase, before
a relative or participial clause ("... (OMON) who defected to ISIS"). Its organisation is the
object of "of"/"for"/"at"/"with", else a possessor ("Russia's"), else an ORG/GPE/FAC entity in the
role ("Kremlin spokesman"); a nationality ("Russian Foreign Minister") is not an organisation.
Descriptions without a role noun ("X, who researches Tajik militants") and kinship ("his brother
Saidmurod") are not roles.

Example: extract_roles(nlp("Lavrov, Russia's foreign minister, said so."), doc_id="d", entities=lookup,
                       extractor_version=ROLES_VERSION)[0].role  ->  "Russia's foreign minister"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newslake.transforms.entities.lexicons import COPULAS, FORMER_MARKERS, ROLE_NOUNS, ROLE_QUALIFIERS
from newslake.transforms.ids import stable_id
from newslake.transforms.types import EntityLookup

ROLES_VERSION = "newslake.roles.v1"
__all__ = ["ROLES_VERSION", "EntityRole", "extract_roles", "is_former"]

HOLDER_LABELS = frozenset({"PERSON", "ORG"})
ORG_LABELS = ("ORG", "GPE", "FAC")  # in order of preference
ORG_PREPS = frozenset({"of", "for", "at", "with"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "--"})
_FORMER = re.compile(
    r"\b(?:%s)\b|\b(?:ex|then)\s?-" % "|".join(m for m in FORMER_MARKERS if m not in ("ex", "then")),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EntityRole:
    role_id: str  # stable_id("rol", doc_id, start_char, end_char)
    doc_id: str
    entity_id: str  # the person (or org) holding the role
    role: str  # == text[start_char:end_char]
    role_head: str  # normalised head, e.g. "commander", "foreign minister"
    organisation_text: str | None
    organisation_entity_id: str | None
    is_former: bool  # "former", "ex-", "then-"
    start_char: int
    end_char: int
    extractor_version: str


def is_former(text: str) -> bool:
    """Whether a role's text says it is no longer held.

    >>> is_former("now former commander"), is_former("ex-president"), is_former("then - governor")
    (True, True, True)
    >>> is_former("Foreign Minister"), is_former("Exxon chief")
    (False, False)
    """
    return bool(_FORMER.search(text))


def _is_role_noun(tok: Token) -> bool:
    return (tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS) and tok.pos_ in ("NOUN", "PROPN", "")


def _holders(doc: Doc) -> dict[int, Span]:
    """Token index -> the holder entity covering it."""
    out: dict[int, Span] = {}
    for e in doc.ents:
        if e.label_ in HOLDER_LABELS:
            for i in range(e.start, e.end):
                out[i] = e
    return out


def _holder_of(tok: Token, holders: dict[int, Span]) -> Span | None:
    """The named holder a token is, or that stands in apposition to it ("the head, Anna X")."""
    if tok.i in holders:
        return holders[tok.i]
    for child in tok.children:
        if child.dep_ == "appos" and child.i in holders:
            return holders[child.i]
    return None


def _phrase_end(tok: Token, holder: Span) -> int:
    """End (exclusive) of the role's noun phrase: before a clause, clause punctuation or the
    holder itself."""
    stops = {holder.start}
    for d in tok.subtree:
        if d.i > tok.i and (d.dep_ in CLAUSE_DEPS or d.text in CLAUSE_PUNCT):
            stops.add(d.left_edge.i if d.dep_ in CLAUSE_DEPS else d.i)
    end = min([s for s in stops if s > tok.i] + [tok.right_edge.i + 1])
    doc = tok.doc
    while end - 1 > tok.i and (doc[end - 1].is_punct and doc[end - 1].text != ")" or doc[end - 1].dep_ == "cc"):
        end -= 1
    if doc[end - 1].text == ")" and "(" not in doc[tok.i:end].text:
        end -= 1
    return end


def _phrase_start(tok: Token, end: int) -> int:
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and (doc[start].dep_ in ("det", "punct") or doc[start].lower_ in ("a", "an", "the")):
        start += 1
    return start if start <= tok.i < end else tok.i


def _title_start(tok: Token, holder: Span) -> int:
    """Start of a title before a name: modifiers attached rightwards inside the noun phrase
    ("Russian Foreign Minister", "former President")."""
    doc = tok.doc
    i = tok.i
    while i > 0:
        p = doc[i - 1]
        inside = i <= p.head.i < holder.end
        if inside and p.dep_ in ("compound", "amod", "nmod", "poss", "case", "npadvmod", "punct") and p.text != ",":
            i -= 1
        else:
            break
    while i < tok.i and doc[i].is_punct:
        i += 1
    return i


def _role_head(tok: Token, start: int) -> str:
    words = [(tok.lemma_ or tok.text).lower()]
    i = tok.i
    while i - 1 >= start and tok.doc[i - 1].lower_ in ROLE_QUALIFIERS:
        i -= 1
        words.insert(0, tok.doc[i].lower_)
    return " ".join(words)


def _organisation(tok: Token, start: int, end: int, holder: Span) -> tuple[Span | None, Span | None]:
    """(organisation phrase, its named entity) of a role spanning ``[start, end)``. Phrases are
    tried in order: the object of "of", "at", "with", a possessor, the object of "for"; the first
    holding a named organisation or place wins ("professor of politics at Tokyo University"),
    then such a name anywhere in the role ("Kremlin spokesman"), then the first phrase."""
    doc = tok.doc
    found: dict[str, Span] = {}
    for child in tok.children:
        if not start <= child.i < end:
            continue
        if child.dep_ == "prep" and child.lower_ in ORG_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.setdefault(child.lower_, doc[obj.left_edge.i:min(end, obj.right_edge.i + 1)])
        elif child.dep_ == "poss" and child.pos_ != "PRON":
            found.setdefault("poss", doc[child.left_edge.i:child.i + 1])
    phrases = [found[k] for k in ("of", "at", "with", "poss", "for") if k in found]
    for phrase in [*phrases, doc[start:end]]:
        named = _names_in(phrase, holder)
        if named:
            return (phrase if phrase.end - phrase.start < end - start else named[0]), named[0]
    return (phrases[0] if phrases else None), None


def _names_in(window: Span, holder: Span) -> list[Span]:
    doc = window.doc
    named = [e for e in doc.ents if e.label_ in ORG_LABELS and window.start <= e.start and e.end <= window.end
             and (e.end <= holder.start or e.start >= holder.end) and not all(map(_is_role_word, e))]
    return sorted(named, key=lambda e: (ORG_LABELS.index(e.label_), e.start))


def _is_role_word(tok: Token) -> bool:
    """Part of a title, not a name: "Finance" in "Finance Minister"."""
    return tok.lower_ in ROLE_QUALIFIERS or tok.lower_ in ROLE_NOUNS


def _candidates(doc: Doc, holders: dict[int, Span]):
    """(role noun, holder, start, end) for every role noun tied to a holder."""
    for tok in doc:
        if not _is_role_noun(tok) or tok.i in holders:
            continue
        holder = None
        if tok.dep_ == "appos":
            holder = _holder_of(tok.head, holders)
        if holder is None:
            holder = next((holders[c.i] for c in tok.children if c.dep_ == "appos" and c.i in holders), None)
        if holder is None and tok.dep_ in ("attr", "oprd") and tok.head.lemma_.lower() in COPULAS:
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            holder = _holder_of(subj, holders) if subj is not None else None
        if holder is not None:
            end = _phrase_end(tok, holder)
            yield tok, holder, _phrase_start(tok, end), end
        elif tok.i + 1 in holders and holders[tok.i + 1].start == tok.i + 1 \
                and holders[tok.i + 1].label_ == "PERSON":
            holder = holders[tok.i + 1]
            yield tok, holder, _title_start(tok, holder), tok.i + 1


def extract_roles(doc: Doc, *, doc_id: str, entities: EntityLookup,
                  extractor_version: str = ROLES_VERSION) -> list[EntityRole]:
    """Roles of the named holders of ``doc`` (parsed, entities fixed), one row per role phrase."""
    if not doc.has_annotation("DEP"):
        return []
    holders = _holders(doc)
    rows: dict[tuple[int, int], EntityRole] = {}
    for tok, holder, start, end in _candidates(doc, holders):
        holder_id = entities.entity_at(holder.start_char, holder.end_char)
        if holder_id is None or start >= end:
            continue
        span = doc[start:end]
        phrase, org = _organisation(tok, start, end, holder)
        key = (span.start_char, span.end_char)
        if key in rows:
            continue
        rows[key] = EntityRole(
            role_id=stable_id("rol", doc_id, span.start_char, span.end_char), doc_id=doc_id,
            entity_id=holder_id, role=span.text, role_head=_role_head(tok, start),
            organisation_text=phrase.text if phrase is not None else None,
            organisation_entity_id=entities.entity_at(org.start_char, org.end_char) if org is not None else None,
            is_former=is_former(span.text), start_char=span.start_char, end_char=span.end_char,
            extractor_version=extractor_version,
        )
    return sorted(rows.values(), key=lambda r: (r.start_char, r.end_char))
