"""Cross-document entity linking: merge per-document entity ids that name one real-world entity.

Each document's entities carry ``stable_id("ent", family, key)`` (:mod:`newslake.transforms.entities.extract`), so
"Gulmurod Halimov" has one id everywhere, but "Halimov", "G. Halimov" and "Gulmurod Khalimov"
each get another. :func:`link_entities` clusters such :class:`EntityRecord` s and returns one
:class:`EntityLink` (with its evidence) per non-canonical member. It is pure, deterministic and
order-independent: every decision is taken inside one *block* (records sharing a
:func:`blocking_keys` key) from that block's content alone, and the canonical of a cluster is
chosen from names only (most tokens, then longest, then smallest id).

Rules (conservative: a wrong merge is worse than a missed one; ambiguity means no link):

* ``same_folded_name`` / ``middle_name``: full PERSON names equal after transliteration folding
  ("Gulmurod Khalimov" = "Gulmurod Halimov"), or differing only by a compatible middle name;
* no ``surname`` links: a bare surname or given name links only through its own document's full
  name (the entity layer's name sieve), never across documents;
* ``initials``: "G. Halimov" to the only full name with that last name and initial;
* ``fuzzy_name``: transliteration variants ("Mohammed Ali" / "Muhammad Ali"): both tokens of the
  same consonant skeleton and last letter, Jaro-Winkler >= ``FUZZY_TOKEN_JW`` (0.85; 0.80 for
  tokens of 6+ letters), mutual unique best, and one of the two names spelt the same (different
  given names are different people);
* ``acronym``: an ORG acronym to the only ORG that some document writes beside it (an alias), or
  that the Phoenix actor dictionaries list with it; initials alone are no evidence;
* ``org_variant`` / ``fuzzy_org``: ORG names equal without legal suffix ("Acme Corp" / "Acme
  Corporation"), or with ``token_sort_ratio`` >= ``FUZZY_ORG_RATIO`` (92) (mutual unique best);
* ``place_name``: an ungeocoded place to the only geocoded place of that name;
* ``same_folded_name`` / ``alias_overlap`` (any family): equal folded names, or a name that is
  the alias of exactly one other record ("Ibrahim Awad Ibrahim" of "Abu Bakr al-Baghdadi").

>>> recs = [EntityRecord("e1", "Gulmurod Halimov", "PERSON", ()),
...         EntityRecord("e2", "Halimov", "PERSON", ()),
...         EntityRecord("e3", "G. Khalimov", "PERSON", ())]
>>> [(l.entity_id, l.canonical_entity_id, l.method) for l in link_entities(recs)]
[('e3', 'e1', 'initials')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from newslake.transforms.keys import entity_key, label_family
from newslake.transforms.ids import stable_id
from newslake.transforms.linking.names import Edge, Parsed, fold, parse
from newslake.transforms.linking.rules import (
    acronym_block, components, name_block, org_fuzzy_block, person_block, person_fuzzy_block, place_block,
)

LINKING_VERSION = "newslake.linking.v4"  # v4: place aggregates independent of commit order
__all__ = ["LINKING_VERSION", "EntityRecord", "EntityLink", "Relinked", "blocking_keys",
           "link_entities", "explain_ambiguities", "relink", "fold"]


@dataclass(frozen=True)
class EntityRecord:
    """One distinct per-document-level entity id as known in the lake."""

    entity_id: str
    name: str  # canonical name
    label: str  # PERSON, ORG, GPE, ...
    aliases: tuple[str, ...]
    doc_count: int = 1
    geonames_id: int | None = None  # places: the gazetteer id when geocoded (inferred if None)


@dataclass(frozen=True)
class EntityLink:
    entity_id: str  # the linked (member) id
    canonical_entity_id: str  # the cluster's canonical id
    method: str  # rule name, see the module docstring
    score: float  # 0..100 (100 for exact rules)
    evidence: str  # one readable line
    extractor_version: str = LINKING_VERSION


@dataclass(frozen=True)
class Relinked:
    """What :func:`relink` decided: replace the links of every id in ``entity_ids`` by ``links``."""

    entity_ids: frozenset[str]
    links: list[EntityLink]


def _geocoded(rec: EntityRecord) -> bool:
    """A place is geocoded when its id hashes a gazetteer key, not its name (entities.py)."""
    if rec.geonames_id is not None:
        return True
    return rec.entity_id != stable_id("ent", "PLACE", entity_key(rec.name))


def _parse_cached(rec: EntityRecord) -> Parsed:
    """The parse of ``rec``, which depends on everything but its ``doc_count``: that changes with
    every document naming the entity, so it is left out of the cache key (a key with it would fill
    the cache with stale copies of the same records as a long run goes on)."""
    return _parse_key(rec.entity_id, rec.name, rec.label, rec.aliases, rec.geonames_id)


#: bounded so that a long run's linking holds the same memory after 1,000 documents as after 100,000
PARSE_CACHE_SIZE = 1 << 13


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse_key(entity_id: str, name: str, label: str, aliases: tuple[str, ...], geonames_id: int | None) -> Parsed:
    family = label_family(label)
    rec = EntityRecord(entity_id, name, label, aliases, geonames_id=geonames_id)
    return parse(entity_id, name, family, aliases, geocoded=family == "PLACE" and _geocoded(rec))


def blocking_keys(rec: EntityRecord) -> frozenset[str]:
    """Cheap keys; two records can only link when they share a key.

    >>> sorted(blocking_keys(EntityRecord("e", "Gulmurod Khalimov", "PERSON", ())))
    ['PERSON:name:gulmurod halimov', 'per:halimov', 'per:sk:lmv']
    >>> sorted(blocking_keys(EntityRecord("e", "NATO", "ORG", ())))
    ['ORG:name:nato', 'org:acr:nato']
    """
    return _parse_cached(rec).keys


def _canon_order(p: Parsed) -> tuple:
    return (-len(p.name.split()), -len(p.name), p.entity_id)


def _decide(parsed: dict[str, Parsed], keys: Iterable[str] | None) -> tuple[list[Edge], list[str]]:
    blocks: dict[str, list[Parsed]] = defaultdict(list)
    wanted = None if keys is None else set(keys)
    for p in parsed.values():
        for k in p.keys:
            if wanted is None or k in wanted:
                blocks[k].append(p)
    edges: list[Edge] = []
    notes: list[str] = []
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda p: p.entity_id)
        if len(members) < 2:
            continue
        if key.startswith("per:sk:"):
            rule = person_fuzzy_block
        elif key.startswith("per:"):
            rule = person_block
        elif key.startswith("org:acr:"):
            rule = acronym_block
        elif key.startswith("org:"):
            rule = org_fuzzy_block
        elif key.startswith("place:"):
            rule = place_block
        else:
            rule = name_block
        rule(key, members, edges, notes)
    return edges, notes


def _parsed(records: Iterable[EntityRecord]) -> dict[str, Parsed]:
    by_id: dict[str, EntityRecord] = {}
    for r in records:  # duplicate ids: keep one chosen by content, not by input order
        old = by_id.get(r.entity_id)
        if old is None or (r.name, r.label, r.aliases) < (old.name, old.label, old.aliases):
            by_id[r.entity_id] = r
    return {i: _parse_cached(r) for i, r in by_id.items()}


def _links(parsed: dict[str, Parsed], edges: list[Edge]) -> list[EntityLink]:
    best: dict[tuple[str, str], Edge] = {}
    for e in edges:  # one edge per pair: highest score, then method name
        pair = (min(e.a, e.b), max(e.a, e.b))
        old = best.get(pair)
        if old is None or (-e.score, e.method, e.evidence) < (-old.score, old.method, old.evidence):
            best[pair] = e
    adj: dict[str, list[tuple[str, Edge]]] = defaultdict(list)
    for (a, b), e in best.items():
        adj[a].append((b, e))
        adj[b].append((a, e))
    links: list[EntityLink] = []
    for comp in components({x: [y for y, _ in ys] for x, ys in adj.items()}):
        canon = min(comp, key=lambda i: _canon_order(parsed[i]))
        # breadth-first from the canonical: each member keeps the edge that reached it
        order, reached = [canon], {canon}
        for x in order:
            for y, e in sorted(adj[x], key=lambda t: (-t[1].score, t[1].method, t[0])):
                if y not in reached:
                    reached.add(y)
                    order.append(y)
                    links.append(EntityLink(y, canon, e.method, round(e.score, 1), e.evidence))
    return sorted(links, key=lambda l: (l.canonical_entity_id, l.entity_id))


def link_entities(records: Iterable[EntityRecord], *,
                  keys: Iterable[str] | None = None) -> list[EntityLink]:
    """Cluster records and return one link per non-canonical member, sorted.

    Deterministic and order-independent. ``keys`` restricts decisions to those blocks (use it
    when only those blocks are known to be complete, see :func:`relink`).
    """
    parsed = _parsed(records)
    return _links(parsed, _decide(parsed, keys)[0])


def explain_ambiguities(records: Iterable[EntityRecord]) -> list[str]:
    """Readable lines for the links a rule declined because the block was ambiguous.

    >>> explain_ambiguities([EntityRecord("a", "G. Halimov", "PERSON", ()),
    ...     EntityRecord("b", "Gulmurod Halimov", "PERSON", ()),
    ...     EntityRecord("c", "Georgy Halimov", "PERSON", ())])
    ["no link for 'G. Halimov': 2 full names with that surname in block 'per:halimov' ('Georgy Halimov', 'Gulmurod Halimov')"]
    """
    return sorted(set(_decide(_parsed(records), None)[1]))


def relink(new: Iterable[EntityRecord],
           load: Callable[[frozenset[str]], Iterable[EntityRecord]]) -> Relinked:
    """Links to store after adding ``new`` records to a lake.

    ``load(keys)`` must return *every* stored record having any of ``keys`` (e.g. a join on an
    ``entity_blocks(key, entity_id)`` table). Blocks touched by the new records are loaded; then
    the clusters of every record in them are followed, loading the blocks of each member, until
    all blocks of all members are complete. The caller deletes the stored links of every id in
    ``entity_ids`` and writes ``links`` (canonical ids have no link row).
    """
    records = {r.entity_id: r for r in new}
    complete: set[str] = set()
    for r in records.values():
        complete |= blocking_keys(r)
    for r in load(frozenset(complete)):
        records.setdefault(r.entity_id, r)
    touched = set(records)  # every record sharing a block with a new one
    while True:
        parsed = _parsed(records.values())
        edges, _ = _decide(parsed, complete)
        adj: dict[str, set[str]] = defaultdict(set)
        for e in edges:
            adj[e.a].add(e.b)
            adj[e.b].add(e.a)
        closure, stack = set(touched), list(touched)
        while stack:
            for y in adj[stack.pop()]:
                if y not in closure:
                    closure.add(y)
                    stack.append(y)
        missing = frozenset(k for i in closure for k in parsed[i].keys) - complete
        if not missing:
            break
        complete |= missing
        for r in load(missing):
            records.setdefault(r.entity_id, r)
    links = [l for l in _links(parsed, edges) if l.entity_id in closure]
    return Relinked(frozenset(closure), links)

