"""The per-block rules of :mod:`newslake.transforms.linking.link`.

Every rule sees one block (records sharing a key, sorted by id) and appends :class:`Edge` s and
notes on what it declined; nothing depends on input order or on other blocks.

>>> a = parse("a", "Mohammed Ali", "PERSON", (), geocoded=False)
>>> b = parse("b", "Muhammad Ali", "PERSON", (), geocoded=False)
>>> edges = []; person_fuzzy_block("per:sk:l", [a, b], edges, [])
>>> [(e.a, e.b, e.method, e.score) for e in edges]
[('a', 'b', 'fuzzy_name', 91.4)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from newslake.transforms.linking.names import GENERIC_ORG_WORDS, ROLE_WORDS, Edge, Parsed, parse, skeleton

T = TypeVar("T")

#: Both tokens of two full names must reach this Jaro-Winkler similarity (after folding) for a
#: ``fuzzy_name`` link, with equal consonant skeletons and equal last letters; tuned on
#: ``bench/linking.py``: 0.85 admits "jon"/"john" and rejects "leo"/"lea" (0.82), "ali"/"eli".
FUZZY_TOKEN_JW = 0.85
#: Tokens of 6+ letters may differ in more vowels: "mohamed"/"muhamad" (0.83).
FUZZY_LONG_TOKEN_JW = 0.80
#: ``token_sort_ratio`` of two ORG names (legal suffix dropped) for a ``fuzzy_org`` link, with at
#: most one differing word (same first letter): "Ministry of Defence" / "Ministry of Defense".
FUZZY_ORG_RATIO = 92.0


def _token_jw(a: str, b: str) -> float | None:
    """Jaro-Winkler of two folded tokens that may be spellings of one name, else None.
    Last letters must agree: "Ivanov"/"Ivanova", "Ann"/"Anna", "Kristina"/"Kristine" do not."""
    if a == b:
        return 1.0
    if a[-1:] != b[-1:] or skeleton(a) != skeleton(b):
        return None
    s = JaroWinkler.normalized_similarity(a, b)
    return s if s >= (FUZZY_LONG_TOKEN_JW if min(len(a), len(b)) >= 6 else FUZZY_TOKEN_JW) else None



# --- rules: one function per block type --------------------------------------------------------

def _order(p: Parsed) -> tuple:
    return (-len(p.name.split()), -len(p.name), p.entity_id)


def _star(members: list[Parsed], method: str, why: str, edges: list[Edge]) -> Parsed:
    """Link all ``members`` to their best-named one; return it."""
    rep = min(members, key=_order)
    for m in members:
        if m is not rep:
            edges.append(Edge(m.entity_id, rep.entity_id, method, 100.0,
                              f"{m.name!r} and {rep.name!r} {why}"))
    return rep


def _units(fulls: list[Parsed], edges: list[Edge], notes: list[str], key: str) -> list[Parsed]:
    """Full names grouped by folded first and last name; returns one representative per unit.
    A group whose middle names conflict ("George H. W. Bush" / "George W. Bush") splits by middle
    name, and its members without one stay unlinked."""
    groups: dict[tuple[str, str], list[Parsed]] = {}
    for p in fulls:
        groups.setdefault((p.first, p.last), []).append(p)
    reps: list[Parsed] = []
    for (first, last), ms in sorted(groups.items()):
        mids = sorted({m.middle for m in ms if m.middle})
        if len(mids) <= 1:
            same = [m for m in ms if not m.middle or m.middle == (mids[0] if mids else ())]
            exact = {m.norm for m in same}
            reps.append(_star(same, "same_folded_name" if len(exact) == 1 else "middle_name",
                              "are one name after transliteration folding" if len(exact) == 1
                              else "differ only by a middle name", edges))
            continue
        for mid in mids:
            reps.append(_star([m for m in ms if m.middle == mid], "same_folded_name",
                              "are one name after transliteration folding", edges))
        for m in ms:
            if not m.middle:
                notes.append(f"no link for {m.name!r}: full names with different middle names "
                             f"in block {key!r}")
    return reps


def person_block(key: str, members: list[Parsed], edges: list[Edge], notes: list[str]) -> None:
    """``per:<last>``: "Halimov" and "G. Halimov" to the only "Gulmurod Halimov"."""
    units = _units([m for m in members if m.kind == "full"], edges, notes, key)
    # spellings of one first name with this surname count as one candidate: "Sedkho"/"Sadkho"
    units = [min(g, key=_order) for g in _agglomerate(units, _person_score, edges, "fuzzy_name",
                                                      "Jaro-Winkler of folded names",
                                                      _same_bucket(units))]
    for m in members:
        if m.kind == "single":
            # a bare surname links only through its own document's full name (the entity layer's
            # name sieve); across documents it may be anyone of that name
            continue
        elif m.kind == "initials":
            cands = [u for u in units if u.first.startswith(m.inits[0])
                     and (len(m.inits) == 1 or not u.middle or u.middle == m.inits[1:])]
            what = "an initialled form of"
        else:
            continue
        if len(cands) == 1:
            u = cands[0]
            edges.append(Edge(m.entity_id, u.entity_id, "surname" if m.kind == "single"
                              else "initials", 100.0, f"{m.name!r} is {what} {u.name!r} (the "
                              f"only full PERSON name that fits in block {key!r})"))
        elif len(cands) > 1:
            names = ", ".join(repr(u.name) for u in cands[:5])
            notes.append(f"no link for {m.name!r}: {len(cands)} full names with that surname in "
                         f"block {key!r} ({names})")


def _agglomerate(units: list[Parsed], score, edges: list[Edge], method: str, why: str,
                 candidates: Iterable[tuple[int, int]] | None = None) -> list[list[Parsed]]:
    """Merge groups of ``units`` by mutual best score, rounds until stable. Complete linkage:
    two groups merge only when every cross pair scores (so no chain "A~B~C" with A, C apart);
    ties go to the group with the smallest id (ids, not input order, decide). ``candidates``
    (index pairs) limits which pairs are scored; unscored pairs never merge."""
    n = len(units)
    cand = candidates if candidates is not None else \
        ((i, j) for i in range(n) for j in range(i + 1, n))
    pair: dict[tuple[int, int], float] = {}
    adj: dict[int, set[int]] = {}
    for i, j in cand:
        s = score(units[i], units[j])
        if s is not None:
            pair[(i, j)] = pair[(j, i)] = s
            adj.setdefault(i, set()).add(j)
            adj.setdefault(j, set()).add(i)
    out: list[list[Parsed]] = [[units[i]] for i in range(n) if i not in adj]
    for comp in components(adj):
        out.extend([units[i] for i in g] for g in _merge(sorted(comp), units, pair, edges,
                                                          method, why))
    return out


def components(adj: Mapping[T, Iterable[T]]) -> list[list[T]]:
    """Connected components of an undirected graph given as adjacency, each in visit order,
    started from the smallest unvisited node (deterministic).

    >>> components({1: [2], 2: [1], 3: []})
    [[1, 2], [3]]
    """
    seen: set[T] = set()
    out: list[list[T]] = []
    for start in sorted(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        out.append(comp)
    return out


def _merge(comp: list[int], units: list[Parsed], pair: dict[tuple[int, int], float],
           edges: list[Edge], method: str, why: str) -> list[list[int]]:
    groups = [[i] for i in comp]
    while len(groups) > 1:
        best: dict[int, tuple[tuple[float, str], int, tuple[float, int, int]]] = {}
        for gi, ga in enumerate(groups):
            for gj, gb in enumerate(groups):
                if gi == gj:
                    continue
                ss = [(pair.get((a, b)), a, b) for a in ga for b in gb]
                if any(x[0] is None for x in ss):
                    continue
                top = max(ss, key=lambda x: (x[0], units[x[1]].entity_id, units[x[2]].entity_id))
                rank = (-top[0], min(units[u].entity_id for u in gb))
                if gi not in best or rank < best[gi][0]:
                    best[gi] = (rank, gj, top)
        merged = False
        for gi in sorted(best):
            gj, (s, a, b) = best[gi][1], best[gi][2]
            if gi < gj and gj in best and best[gj][1] == gi:
                merged = True
                ua, ub = units[a], units[b]
                edges.append(Edge(ua.entity_id, ub.entity_id, method, s, f"{ua.name!r} ~ "
                                  f"{ub.name!r}: {why} {s:.1f} (mutual best, all pairs similar)"))
                groups[gi] = groups[gi] + groups[gj]
                groups[gj] = []
        if not merged:
            break
        groups = [g for g in groups if g]
    return groups


def _person_score(a: Parsed, b: Parsed) -> float | None:
    if a.middle and b.middle and a.middle != b.middle:
        return None
    jf, jl = _token_jw(a.first, b.first), _token_jw(a.last, b.last)
    if jf is None or jl is None:
        return None
    if jf < 1.0 and jl < 1.0:
        return None  # two spellings in one name is one too many: "Jon Sanders" / "John Saunders"
    return round(50.0 * (jf + jl), 1)


def _same_bucket(units: list[Parsed]) -> list[tuple[int, int]]:
    """Pairs that :func:`_person_score` can accept: same first-name skeleton and last letter."""
    by: dict[tuple[str, str], list[int]] = {}
    for i, u in enumerate(units):
        by.setdefault((skeleton(u.first), u.first[-1:]), []).append(i)
    return [(a, b) for ids in by.values() for x, a in enumerate(ids) for b in ids[x + 1:]]


def person_fuzzy_block(key: str, members: list[Parsed], edges: list[Edge],
                       notes: list[str]) -> None:
    """``per:sk:<skeleton>``: "Mohammed Ali" ~ "Muhammad Ali" (same skeletons, same last letters)."""
    units = _units([m for m in members if m.kind == "full"], [], [], key)
    buckets: dict[tuple, list[Parsed]] = {}
    for u in units:
        b = (skeleton(u.first), skeleton(u.last), u.first[-1:], u.last[-1:])
        buckets.setdefault(b, []).append(u)
    for _, us in sorted(buckets.items()):
        if len(us) > 1:
            _agglomerate(us, _person_score, edges, "fuzzy_name", "Jaro-Winkler of folded names")


def acronym_block(key: str, members: list[Parsed], edges: list[Edge], notes: list[str]) -> None:
    """``org:acr:<x>``: "NATO" to the only ORG that some document names beside it (an alias:
    "North Atlantic Treaty Organization (NATO)") or that the Phoenix actor dictionaries list
    with it. Initials alone are no evidence: "BBC" is not every "Baroness B. C."."""
    from newslake.transforms.entities.actors import known_actors

    acr = key.split(":", 2)[2]
    shorts = [m for m in members if m.kind == "acronym" and m.norm == acr]
    if not shorts:
        return
    actors = known_actors()
    longs = [m for m in members if m.kind != "acronym" and (
        acr in m.alias_norms or (acr in m.acrs and any(actors.same_org(s.name, m.name) for s in shorts)))]
    cores: dict[str, list[Parsed]] = {}
    for m in longs:
        cores.setdefault(m.norm, []).append(m)
    if not cores:
        spelled = [m for m in members if m.kind != "acronym" and acr in m.acrs]
        if spelled:
            for s in shorts:
                notes.append(f"no link for {s.name!r}: initials of {len(spelled)} ORG name(s) fit but "
                             f"no document writes them together and no dictionary lists them")
        return
    if len(cores) > 1:
        names = ", ".join(repr(min(v, key=_order).name) for _, v in sorted(cores.items())[:5])
        for s in shorts:
            notes.append(f"no link for {s.name!r}: {len(cores)} ORGs fit in block {key!r} ({names})")
        return
    rep = min(longs, key=_order)
    for s in shorts:
        how = ("written beside" if acr in rep.alias_norms
               else "listed by the Phoenix actor dictionaries as the acronym of")
        edges.append(Edge(s.entity_id, rep.entity_id, "acronym", 100.0,
                          f"{s.name!r} is {how} {rep.name!r} (the only ORG that fits in "
                          f"block {key!r})"))


def _org_score(a: Parsed, b: Parsed) -> float | None:
    ta, tb = sorted(a.norm.split()), sorted(b.norm.split())
    if len(ta) != len(tb):
        return None
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return None
    x, y = diff[0]
    if x[0] != y[0] or min(len(x), len(y)) < 5 or x.isdigit() or y.isdigit():
        return None
    if x.rstrip("s") == y.rstrip("s"):  # "Court of Appeal" (UK) / "Court of Appeals" (US)
        return None
    if ROLE_WORDS & (set(ta) | set(tb)):  # "Finance Minister" is a person's role, not "Finance Ministry"
        return None
    s = fuzz.token_sort_ratio(a.norm, b.norm)
    return round(s, 1) if s >= FUZZY_ORG_RATIO else None


def org_fuzzy_block(key: str, members: list[Parsed], edges: list[Edge], notes: list[str]) -> None:
    """``org:<first word>:<n words>``: "Ministry of Defence" ~ "Ministry of Defense"."""
    reps: dict[str, Parsed] = {}
    for m in members:
        if m.kind == "org" and (m.norm not in reps or _order(m) < _order(reps[m.norm])):
            reps[m.norm] = m
    units = [reps[k] for k in sorted(reps)]
    # candidates differ in one word: they share the word list with one word left out
    index: dict[tuple[str, ...], list[int]] = {}
    for i, u in enumerate(units):
        toks = sorted(u.norm.split())
        for k in range(len(toks)):
            index.setdefault(tuple(toks[:k] + toks[k + 1:]), []).append(i)
    cands = sorted({(a, b) for ids in index.values() for x, a in enumerate(ids)
                    for b in ids[x + 1:] if a != b})
    if cands:
        _agglomerate(units, _org_score, edges, "fuzzy_org", "token_sort_ratio", cands)


def place_block(key: str, members: list[Parsed], edges: list[Edge], notes: list[str]) -> None:
    """``place:<name>``: an ungeocoded "Kulob" to the only geocoded place called so."""
    n = key.split(":", 1)[1]
    geo = [m for m in members if m.geocoded]
    loose = [m for m in members if not m.geocoded]
    if len(geo) == 1:
        g = geo[0]
        for m in loose:
            edges.append(Edge(m.entity_id, g.entity_id, "place_name", 100.0,
                              f"{m.name!r} names the only geocoded place {g.name!r} in block {key!r}"))
    elif len(geo) > 1:
        for m in loose:
            notes.append(f"no link for {m.name!r}: {len(geo)} geocoded places in block {key!r}")
    elif len([m for m in loose if m.norm == n]) > 1:
        _star([m for m in loose if m.norm == n], "same_folded_name",
              "are one place name without accents and punctuation", edges)


def name_block(key: str, members: list[Parsed], edges: list[Edge], notes: list[str]) -> None:
    """``<FAMILY>:name:<name>``: equal folded names, or a name that is one record's alias."""
    n = key.split(":", 2)[2]
    namers = [m for m in members if m.norm == n]
    aliasers = [m for m in members if m.norm != n and n in m.alias_norms]
    forms = sorted({m.legal for m in namers if m.legal})
    if len(namers) > 1 and namers[0].family == "ORG" and len(forms) > 1:
        # "Citibank AG" and "Citibank Ltd" are two companies of one group: each legal form is
        # its own entity, and the bare "Citibank" could be any of them
        for form in forms:
            same = [m for m in namers if m.legal == form]
            if len(same) > 1:
                _star(same, "org_variant", "are one name and one legal form after folding", edges)
        for m in namers:
            if not m.legal:
                notes.append(f"no link for {m.name!r}: {len(forms)} legal forms of that name in "
                             f"block {key!r}")
    elif len(namers) > 1 and namers[0].family == "ORG" and n in GENERIC_ORG_WORDS:
        notes.append(f"no link for {namers[0].name!r}: {n!r} is a generic word, not a name")
    elif len(namers) > 1:
        method = "org_variant" if namers[0].family == "ORG" else "same_folded_name"
        _star(namers, method, "are one name after folding", edges)
    if namers and len(aliasers) == 1:
        a = aliasers[0]
        for m in namers:
            edges.append(Edge(m.entity_id, a.entity_id, "alias_overlap", 100.0,
                              f"{m.name!r} is an alias of {a.name!r} (the only one in block {key!r})"))
    elif namers and len(aliasers) > 1:
        notes.append(f"no link for {namers[0].name!r}: alias of {len(aliasers)} entities in "
                     f"block {key!r}")
