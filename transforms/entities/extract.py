"""Mentions and per-document entities from a parsed ``Doc``.

Every named entity span of ``doc.ents`` (numbers and dates excluded) is a :class:`Mention`.
Mentions of one thing are grouped into a :class:`DocEntity`: the same normalised surface
form, a surname or first name of a full PERSON name ("Lemon" -> "Edward Lemon"), an alias
pattern ("X, who is also called Y", "X (ACR)"), or the same gazetteer place. Places the
gazetteer knows are geocoded, same-named places told apart by the document's countries.

Entity ids are deterministic across documents and runs: ``stable_id("ent", family, key)``,
``key`` the normalised canonical name, or ``"geonames:<id>"`` for a known place.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Edward", "Lemon", "met", "Lemon", "in", "Dushanbe", "."]
>>> ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-GPE", "O"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
>>> res = extract_entities(doc, doc_id="d1", extractor_version=ENTITIES_VERSION)
>>> [(e.name, e.aliases, e.mention_count, e.country_code) for e in res.entities]
[('Edward Lemon', ('Lemon',), 2, None), ('Dushanbe', (), 1, 'TJ')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newslake.transforms.entities.lexicons import (
    ACRONYM_FILLERS, FEMALE_TITLES, MALE_TITLES, NAME_PARTICLES, NAME_TITLES,
)
from newslake.transforms.entities.actors import given_names
from newslake.transforms.entities.rules import alias_links
from newslake.transforms.entities.gazetteer import Gazetteer, Place, default_gazetteer
from newslake.transforms.ids import stable_id
from newslake.transforms.keys import NAMED_LABELS, PLACE_LABELS, entity_key, label_family

ENTITIES_VERSION = "newslake.entities.v4"
__all__ = ["ENTITIES_VERSION", "NAMED_LABELS", "Mention", "DocEntity", "EntityResult",
           "extract_entities", "entity_key", "label_family", "name_initials"]

_ACRONYM_LINK = re.compile(r"^\s*\(\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")


@dataclass(frozen=True)
class Mention:
    mention_id: str
    doc_id: str
    entity_id: str
    text: str
    label: str
    model_label: str
    start_char: int
    end_char: int
    sentence_index: int
    extractor_version: str


@dataclass(frozen=True)
class DocEntity:
    doc_id: str
    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    mention_count: int
    start_char: int
    end_char: int
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    extractor_version: str
    coref_note: str | None = None
    geo_status: str | None = None


@dataclass(frozen=True)
class EntityResult:
    mentions: list[Mention]
    entities: list[DocEntity]


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earliest mention is the root


def _title(doc: Doc, span) -> str | None:
    """The title written before or at the start of a PERSON span ("Mr", "Baroness"), lowercased."""
    first = span[0].lower_.rstrip(".")
    if first in NAME_TITLES and len(span) > 1:
        return first
    if span.start > 0 and (prev := doc[span.start - 1].lower_.rstrip(".")) in NAME_TITLES:
        return prev
    return None


def _title_text(doc: Doc, span) -> str | None:
    """The title before a one-word PERSON span as written ("Mrs"), lowercased for the look-up."""
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in NAME_TITLES:
        return doc[span.start - 1].text
    return None


def _gender(title: str | None) -> str | None:
    title = title.lower().rstrip(".") if title else None
    return "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None


def _person_gender(doc: Doc, span, words: list[str]) -> str | None:
    """Gender of a PERSON mention: its title first ("Mrs Howard"), else the given name of a full
    name ("Ruth Kelly"); None when neither says (a bare surname, an ambiguous given name)."""
    g = _gender(_title(doc, span))
    if g is None and len(words) > 1:
        g = given_names().get(words[0].capitalize())
    return g


def _name_words(span) -> list[str]:
    """The words of a PERSON span (split on spaces, so "Leigh-Pemberton" is one) without leading
    titles or a possessive: "Mr Tony Blair's" -> ["Tony", "Blair"]."""
    words = [w for w in span.text.replace("’s", "").replace("'s", "").split() if w]
    while len(words) > 1 and words[0].lower().rstrip(".") in NAME_TITLES:
        words = words[1:]
    return words


def _name_sieve(doc: Doc, spans, groups: "_Groups") -> dict[int, str]:
    """Within-document name coreference, ordered passes (most precise first):

    1. exact and title-stripped match ("Mr Tony Blair" = "Tony Blair");
    2. a one-word name ("Blair", "Mr Blair") or a surname with its particles ("de Keersmaeker")
       to the only full name of the document that ends with it, and failing that (one word) whose
       first word it is ("Tony"), when their genders (from titles and given names) agree: "Mrs
       Howard" is not "Michael Howard".

    A short form with more than one compatible full name stays apart; the reason is returned per
    mention index ("2 full names fit: Ruth Kelly, Kelly Holmes").
    """
    persons = [i for i, s in enumerate(spans) if s.label_ == "PERSON"]
    words = {i: _name_words(spans[i]) for i in persons}
    gender = {i: _person_gender(doc, spans[i], words[i]) for i in persons}
    by_form: dict[tuple[str, ...], dict[str, int]] = {}
    for i in persons:  # same words and no conflicting title: "Mr Howard" is not "Mrs Howard"
        forms = by_form.setdefault(tuple(w.casefold() for w in words[i]), {})
        groups.union(i, forms.setdefault(gender[i] or "", i))
    for forms in by_form.values():
        if "" in forms and len(forms) == 2:  # "Howard" beside only "Mr Howard"
            groups.union(forms[""], next(v for k, v in forms.items() if k))
    # a surname with its particles ("de Keersmaeker", "van den Broek") is a short form too
    short = {i for i in persons
             if len(words[i]) == 1 or all(w.lower() in NAME_PARTICLES for w in words[i][:-1])}
    fulls = [i for i in persons if i not in short]

    def group_gender(root: int) -> set[str]:
        return {gender[j] for j in persons if groups.find(j) == root and gender[j]}

    notes: dict[int, str] = {}
    for i in sorted(short):
        w, n = words[i], len(words[i])
        for pos in ((-1, 0) if n == 1 else (-1,)):
            part = (lambda j: words[j][-n:]) if pos == -1 else (lambda j: words[j][:1])
            full_of = {groups.find(j): " ".join(words[j]) for j in fulls
                       if len(words[j]) > n and part(j) == w}
            g = gender[i]
            roots = {r for r in full_of if not g or not (group_gender(r) - {g})}
            if len(roots) == 1:
                groups.union(i, roots.pop())
                break
            if len(roots) > 1:
                names = sorted({full_of[r] for r in roots})
                notes[i] = f"{len(roots)} full names fit: {', '.join(names)}"
                break
            if full_of:  # a full name fits by the word but not by gender: "Mrs Howard", "Michael Howard"
                names = sorted(set(full_of.values()))
                notes[i] = f"gender differs from {', '.join(names)}"
                break
    return notes


def _surface_key(text: str, label: str, gaz: Gazetteer) -> tuple[str, str]:
    if label == "NORP":
        dem = gaz.demonym(text)
        if dem is not None:
            return ("NORP", entity_key(dem.canonical))
    return (label_family(label), entity_key(text))


def extract_entities(
    doc: Doc,
    *,
    doc_id: str,
    extractor_version: str = ENTITIES_VERSION,
    gazetteer: Gazetteer | None = None,
) -> EntityResult:
    """Mentions and per-document entities of ``doc`` (run the pipeline's fixes first)."""
    gaz = gazetteer or default_gazetteer()
    spans = [e for e in doc.ents if e.label_ in NAMED_LABELS]
    n = len(spans)
    groups = _Groups(n)
    alias_only: set[int] = set()

    # 1. same surface form (same family)
    first_of: dict[tuple[str, str], int] = {}
    for i, s in enumerate(spans):
        if s.label_ != "PERSON":  # people: the name sieve, which minds titles and gender
            groups.union(i, first_of.setdefault(_surface_key(s.text, s.label_, gaz), i))

    # 2. the name sieve: a title-stripped short form to the unique compatible full name
    apart = _name_sieve(doc, spans, groups)

    # 3. alias patterns and acronyms in brackets
    triples = [(s.start, s.end, s.label_) for s in spans]
    for k, ys, ye in alias_links(doc, triples):
        j = next((m for m, s in enumerate(spans) if s.start == ys and s.end == ye), None)
        if j is not None and label_family(spans[j].label_) == label_family(spans[k].label_):
            groups.union(k, j)
            alias_only.add(j)  # Y never names the entity
    for k, s in enumerate(spans[:-1]):
        nxt = spans[k + 1]
        if (s.label_ == "ORG" and nxt.label_ == "ORG" and len(nxt) == 1 and nxt.text.isupper()
                and _ACRONYM_LINK.match(doc.text[s.end_char:nxt.start_char])):
            groups.union(k, k + 1)
            alias_only.add(k + 1)
    alias_forms = {entity_key(spans[j].text) for j in alias_only}
    for k, j in _acronym_links(spans, groups):
        groups.union(k, j)

    # 4. canonical name, label and place of each group
    clusters: dict[int, list[int]] = {}
    for i in range(n):
        clusters.setdefault(groups.find(i), []).append(i)
    context = _context_countries(spans, gaz)
    resolved: dict[int, tuple[str, str, str, Place | None]] = {}
    hints: dict[int, str] = {}
    for root, members in clusters.items():
        namers = [i for i in members if entity_key(spans[i].text) not in alias_forms] or members
        best = max(namers, key=lambda i: (len(spans[i]), len(spans[i].text), -i))
        name, label = spans[best].text, spans[best].label_
        if label == "PERSON" and len(spans[best]) == 1:
            # a lone surname keeps its gendered title, so "Mr Howard" and "Mrs Howard" differ
            title = next((t for i in members if _gender(t := _title_text(doc, spans[i]))), None)
            if title:
                name = f"{title} {name}"
        if label == "NORP" and (dem := gaz.demonym(name)) is not None:
            name = next((spans[i].text for i in members if spans[i].text == dem.canonical), name)
        within = _apposition(doc, spans, members, gaz) if label in ("GPE", "LOC") else None
        place = gaz.resolve(name, context, within) if label in ("GPE", "LOC") else None
        if within is not None:
            hints[root] = within[0]
        key = f"geonames:{place.geonames_id}" if place else entity_key(name)
        family = label_family(label)
        if label == "NORP" and (dem := gaz.demonym(name)) is not None:
            key = entity_key(dem.canonical)
        resolved[root] = (stable_id("ent", family, key), name, label, place)

    # 5. groups that resolve to the same id are one entity (e.g. "U.S." and "United States")
    by_id: dict[str, list[int]] = {}
    for root in sorted(clusters):
        by_id.setdefault(resolved[root][0], []).extend(clusters[root])

    sent_starts = _sentence_starts(doc)
    mentions: list[Mention] = []
    entities: list[DocEntity] = []
    model = {(a, b): lab for a, b, lab in (doc._.get("newslake_model_ents") or [])} \
        if Doc.has_extension("newslake_model_ents") else None
    for eid, members in by_id.items():
        members.sort()
        roots = sorted({groups.find(i) for i in members},
                       key=lambda r: (-len(spans[_best(clusters[r], spans)].text), r))
        _, name, label, place = resolved[roots[0]]
        first = spans[members[0]]
        geo_status = None
        if label in ("GPE", "LOC"):
            geo_status = "resolved" if place else "not_sure" if gaz.candidates(name) else "unknown"
        note = next((f"{spans[i].text!r} left apart: {apart[i]}" for i in members if i in apart), None)
        code = place.country_code if place else (
            hints.get(roots[0]) or _country_hint(doc, spans, members, label, gaz))
        entities.append(DocEntity(
            doc_id=doc_id, entity_id=eid, name=name, label=label,
            aliases=tuple(sorted({spans[i].text for i in members} - {name})),
            mention_count=len(members), start_char=first.start_char, end_char=first.end_char,
            country_code=code,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geonames_id=place.geonames_id if place else None,
            extractor_version=extractor_version,
            coref_note=note, geo_status=geo_status,
        ))
        for i in members:
            s = spans[i]
            mentions.append(Mention(
                mention_id=stable_id("men", doc_id, s.start_char, s.end_char), doc_id=doc_id,
                entity_id=eid, text=s.text, label=s.label_,
                model_label=_model_label(model, s.start_char, s.end_char, s.label_),
                start_char=s.start_char, end_char=s.end_char,
                sentence_index=bisect.bisect_right(sent_starts, s.start) - 1,
                extractor_version=extractor_version,
            ))
    mentions.sort(key=lambda m: (m.start_char, m.end_char))
    entities.sort(key=lambda e: (e.start_char, e.end_char))
    return EntityResult(mentions, entities)


def name_initials(words: list[str]) -> set[str]:
    """Initials of a multiword name, with and without its small words (hyphenated parts count
    as words); empty for a single word or a name with an acronym in it ("Chicago NAPM"), whose
    initials abbreviate nothing.

    >>> sorted(name_initials(["Bank", "of", "England"]))
    ['BE', 'BOE']
    >>> sorted(name_initials(["Asian", "Development", "Bank"])), name_initials(["Reuters"])
    (['ADB'], set())
    """
    parts = [p for w in words for p in w.split("-") if p[:1].isalnum()]
    if len(parts) < 2 or any(p.isupper() and len(p) > 1 for p in parts):
        return set()
    full = "".join(p[0] for p in parts).upper()
    content = "".join(p[0] for p in parts if p.lower() not in ACRONYM_FILLERS).upper()
    return {x for x in (full, content) if len(x) >= 2}


def _acronym_links(spans, groups: _Groups) -> list[tuple[int, int]]:
    """An uppercase acronym ORG whose letters are the initials of exactly one multiword ORG name
    of the document is that organisation: "Asian Development Bank ... ADB". Failing an exact
    match, initials that begin the acronym: "the Islamic State ... ISIS" (Islamic State of Iraq
    and Syria). An acronym already grouped with a longer name is left alone."""
    clusters: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        if s.label_ == "ORG":
            clusters.setdefault(groups.find(i), []).append(i)
    initials: dict[int, set[str]] = {}
    acronyms: dict[int, set[str]] = {}
    for root, members in clusters.items():
        texts = {spans[i].text for i in members}
        if all(_ACRONYM.match(t) for t in texts):
            acronyms[root] = texts
        else:
            initials[root] = set().union(*(name_initials([t.text for t in spans[i]]) for i in members))
    links = []
    for root, acros in acronyms.items():
        for exact in (True, False):
            hits = [r for r, ins in initials.items()
                    if any(a == x if exact else a.startswith(x) for a in acros for x in ins)]
            if hits:
                if len(hits) == 1:
                    links.append((root, hits[0]))
                break
    return links


def _best(members: list[int], spans) -> int:
    return max(members, key=lambda i: (len(spans[i]), len(spans[i].text), -i))


def _model_label(model: dict | None, start: int, end: int, label: str) -> str:
    """The model's label for this exact span; '' when a rule added or reshaped it. Without
    the pipeline's record (a hand-built Doc), the span's own label is the model's."""
    if model is None:
        return label
    return model.get((start, end), "")


def _country_hint(doc: Doc, spans, members: list[int], label: str, gaz: Gazetteer) -> str | None:
    """Country of a place the gazetteer does not know: the country it is said to be in
    ("the village of Charmagon in Tajikistan's Kulob district", "Charmagon, Tajikistan")."""
    if label not in PLACE_LABELS:
        return None
    for i in members:
        nxt = spans[i].end
        if nxt + 1 < len(doc) and doc[nxt].lower_ in ("in", ","):
            where = gaz.country(doc[nxt + 1].text)
            if where is not None:
                return where.country_code
    return None


def _apposition(doc: Doc, spans, members: list[int], gaz: Gazetteer) -> tuple[str, str | None] | None:
    """The country or US state a place is written with: "Paris, Texas", "Dublin, Calif.",
    "Conroe, Texas" -> ("US", "TX"). Not for a country, state or region itself: "the United
    States, Japan and West Germany" is a list."""
    if any(p.kind != "city" for i in members for p in gaz.candidates(spans[i].text)):
        return None
    for i in members:
        end = spans[i].end
        if end + 1 < len(doc) and doc[end].text == ",":
            nxt = next((s for s in spans if s.start == end + 1), None)
            text = nxt.text if nxt is not None else doc[end + 1].text
            where = gaz.within(text)
            if where is None and end + 2 < len(doc):  # "W. Va."
                where = gaz.within(doc[end + 1:end + 3].text)
            if where is not None:
                return where
    return None


def _context_countries(spans, gaz: Gazetteer) -> set[str]:
    """Countries the document names, directly or by a demonym, or a US state implies."""
    codes: set[str] = set()
    for s in spans:
        if s.label_ in ("GPE", "LOC"):
            place = gaz.country(s.text)
            if place is None and (p := gaz.resolve(s.text)) is not None and p.kind == "admin1":
                place = p
            if place is not None and place.country_code:
                codes.add(place.country_code)
        elif s.label_ == "NORP" and (dem := gaz.demonym(s.text)) and dem.country_code:
            codes.add(dem.country_code)
    return codes


def _sentence_starts(doc: Doc) -> list[int]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [s.start for s in doc.sents]
    return [0]
