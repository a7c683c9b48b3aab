"""Cross-document linking at scale: a synthetic population, blocked linking against all pairs.

Generates ``--people`` persons and ``--orgs`` organisations from made-up name parts, each with
surface variants as separate documents would name them (surname only, "G. Halimov", a middle
initial, transliterations "kh"/"h", "ou"/"u", doubled letters, o/u and e/a vowel shifts, accents;
ORG acronyms, legal suffixes, a one-letter misspelling). Every distinct surface is one
:class:`EntityRecord` (its id is ``stable_id("ent", family, entity_key(name))`` as in the lake),
so a surname shared by two people is one record that truly names both (ambiguous).

    .venv/bin/python bench/linking.py [--people 200000 --orgs 70000 --subset 3000]

Prints records/s, the biggest block, and merge quality against the generated truth:
pairwise precision/recall over unambiguous records, plus how many ambiguous records were merged
into a cluster holding a multi-word name of one entity (a wrong merge). The baseline, run on the same small subset in the same run, compares every pair
of the family with ``rapidfuzz.process.cdist`` (Jaro-Winkler on folded names, >= 0.9) and
merges by union-find; its time is extrapolated quadratically to the full population.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import JaroWinkler  # noqa: E402

from newslake.transforms.entities.extract import entity_key  # noqa: E402
from newslake.transforms.ids import stable_id  # noqa: E402
from newslake.transforms.linking.link import EntityRecord, blocking_keys, link_entities  # noqa: E402
from newslake.transforms.linking.names import fold  # noqa: E402

ONSETS = "b d g h k kh l m n r s sh t z f y ch j v".split()
VOWELS = "a o u i e ou".split()
CODAS = ["", "", "", "n", "r", "m", "d", "l", "s"]
SURNAME_ENDS = ["ov", "ev", "in", "ski", "yan", "i", "zade", "ovich", "", "", "er", "son"]
ORG_WORDS = ("National Bank Union Council Front Party Group Institute Agency Committee Fund "
             "Energy Mining Trust Society Federation Service Network Alliance Center").split()
SUFFIXES = [("Corp", "Corporation"), ("Ltd", "Limited"), ("Inc", "Incorporated")]


def syllables(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(n))


def translit(rng: random.Random, word: str) -> str:
    """One spelling change of the kinds transliteration produces."""
    w = word.lower()
    ops = []
    for a, b in (("kh", "h"), ("ou", "u"), ("sh", "sch"), ("y", "i")):
        if a in w:
            ops.append((a, b))
    if w.startswith("h"):
        ops.append(("h", "kh"))
    for a, b in (("o", "u"), ("e", "a")):
        if a in w[1:]:
            ops.append((a, b))
    cons = [c for c in "mdlnrst" if c in w[1:-1]]
    if cons:
        c = rng.choice(cons)
        ops.append((c, c + c))
    if not ops:
        return word
    a, b = rng.choice(ops)
    i = w.find(a, 1 if a in ("o", "e") else 0)
    w = w[:i] + b + w[i + len(a):]
    return w.capitalize()


def population(rng: random.Random, n_people: int, n_orgs: int):
    """Yield (entity index, family, surface name, is_acronym)."""
    firsts = sorted({syllables(rng, 2).capitalize() for _ in range(4000)})
    lasts = sorted({(syllables(rng, rng.choice((2, 3))) + rng.choice(SURNAME_ENDS)).capitalize()
                    for _ in range(n_people)})
    seen: set[tuple[str, str]] = set()
    e = 0
    while e < n_people:
        f, l = rng.choice(firsts), rng.choice(lasts)
        if (f, l) in seen:
            continue
        seen.add((f, l))
        yield e, "PERSON", f"{f} {l}"
        if rng.random() < 0.7:
            yield e, "PERSON", l
        if rng.random() < 0.5:
            yield e, "PERSON", f"{f[0]}. {l}"
        if rng.random() < 0.3:
            yield e, "PERSON", f"{f} {rng.choice('ABCDEFGHKLMNRST')}. {l}"
        for _ in range(rng.choice((1, 1, 2, 3))):
            v = (translit(rng, f), l) if rng.random() < 0.4 else (f, translit(rng, l))
            yield e, "PERSON", " ".join(v)
            if rng.random() < 0.3:
                yield e, "PERSON", v[1]
        if rng.random() < 0.2 and "a" in l:
            yield e, "PERSON", f"{f} {l.replace('a', 'á', 1)}"
        e += 1
    words = sorted({syllables(rng, rng.choice((2, 3))).capitalize() for _ in range(n_orgs)})
    names: set[str] = set()
    while e < n_people + n_orgs:
        parts = [rng.choice(words)] + rng.sample(ORG_WORDS, rng.choice((1, 2, 3)))
        rng.shuffle(parts)
        name = " ".join(parts)
        if name in names:
            continue
        names.add(name)
        suf = rng.choice(SUFFIXES) if rng.random() < 0.4 else None
        yield e, "ORG", f"{name} {suf[0]}" if suf else name
        if suf:
            yield e, "ORG", f"{name} {suf[1]}"
        if rng.random() < 0.6:
            yield e, "ORG", "".join(p[0] for p in parts).upper()
        if rng.random() < 0.3:
            w = max(parts, key=len)
            if len(w) >= 6:
                i = rng.randrange(2, len(w) - 1)
                typo = w[:i] + ("e" if w[i] != "e" else "a") + w[i + 1:]
                yield e, "ORG", name.replace(w, typo)
        e += 1


def build(n_people: int, n_orgs: int, seed: int):
    rng = random.Random(seed)
    truth: dict[str, set[int]] = defaultdict(set)
    recs: dict[str, EntityRecord] = {}
    for e, fam, name in population(rng, n_people, n_orgs):
        eid = stable_id("ent", fam, entity_key(name))
        truth[eid].add(e)
        recs.setdefault(eid, EntityRecord(eid, name, fam, ()))
    return list(recs.values()), truth


def score(records, truth, canon: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall over records naming one entity; ambiguous records linked."""
    cl = Counter()
    named: set[str] = set()  # clusters holding a multi-word name of one entity
    ent = Counter()
    both = Counter()
    amb_canons = []
    for r in records:
        t = truth[r.entity_id]
        c = canon.get(r.entity_id, r.entity_id)
        if len(t) > 1:
            amb_canons.append(c)
            continue
        e = next(iter(t))
        cl[c] += 1
        if len(r.name.split()) > 1:
            named.add(c)
        ent[e] += 1
        both[(c, e)] += 1
    pairs = lambda cnt: sum(n * (n - 1) // 2 for n in cnt.values())  # noqa: E731
    tp, pp, tt = pairs(both), pairs(cl), pairs(ent)
    # an ambiguous record ("Zuta" naming two people) is wrongly merged when its cluster holds a
    # multi-word name of one entity; joining an equal spelling ("Zutta") alone is harmless
    return {"precision": tp / pp if pp else 1.0, "recall": tp / tt if tt else 1.0,
            "ambiguous": len(amb_canons), "ambiguous_merged": sum(c in named for c in amb_canons)}


def naive(records) -> dict[str, str]:
    """All pairs of a family: Jaro-Winkler >= 0.9 on folded names, union-find, canonical = root."""
    parent = {r.entity_id: r.entity_id for r in records}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for fam in ("PERSON", "ORG"):
        rs = [r for r in records if r.label == fam]
        names = [fold(r.name) for r in rs]
        m = process.cdist(names, names, scorer=JaroWinkler.normalized_similarity,
                          score_cutoff=0.9, workers=1)
        for i, j in zip(*m.nonzero()):
            if i < j:
                a, b = find(rs[i].entity_id), find(rs[j].entity_id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {x: find(x) for x in parent}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=200_000)
    ap.add_argument("--orgs", type=int, default=70_000)
    ap.add_argument("--subset", type=int, default=3000, help="entities in the all-pairs subset")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()

    t0 = time.perf_counter()
    records, truth = build(a.people, a.orgs, a.seed)
    print(f"population: {a.people + a.orgs} entities, {len(records)} records "
          f"({time.perf_counter() - t0:.1f}s to generate)")
    t0 = time.perf_counter()
    sizes = Counter(k for r in records for k in blocking_keys(r))
    t_keys = time.perf_counter() - t0
    big = sizes.most_common(3)
    print(f"blocking: {len(sizes)} blocks, {t_keys:.1f}s ({len(records) / t_keys:,.0f} records/s); "
          f"biggest {big}; mean block {sum(sizes.values()) / len(sizes):.1f}")
    t0 = time.perf_counter()
    links = link_entities(records)
    t_link = time.perf_counter() - t0
    canon = {l.entity_id: l.canonical_entity_id for l in links}
    by_method = Counter(l.method for l in links)
    print(f"linked: {len(links)} links in {t_link:.1f}s ({len(records) / t_link:,.0f} records/s, "
          f"blocking included); by method {dict(by_method.most_common())}")
    print("quality (full):", {k: round(v, 4) for k, v in score(records, truth, canon).items()})

    # same run: the blocked linker and the all-pairs baseline on the same small subset
    sub_people = int(a.subset * a.people / (a.people + a.orgs))
    keep = set(range(sub_people)) | set(range(a.people, a.people + a.subset - sub_people))
    subset = [r for r in records if truth[r.entity_id] & keep]
    sub_truth = {r.entity_id: truth[r.entity_id] & keep for r in subset}
    t0 = time.perf_counter()
    sub_links = link_entities(subset)
    t_b = time.perf_counter() - t0
    t0 = time.perf_counter()
    sub_naive = naive(subset)
    t_n = time.perf_counter() - t0
    n = len(subset)
    print(f"subset: {n} records")
    print(f"  blocked : {t_b:.2f}s ({n / t_b:,.0f} records/s)",
          {k: round(v, 4) for k, v in score(subset, sub_truth,
                                            {l.entity_id: l.canonical_entity_id
                                             for l in sub_links}).items()})
    naive_canon = {k: v for k, v in sub_naive.items() if k != v}
    print(f"  all-pairs: {t_n:.2f}s ({n / t_n:,.0f} records/s)",
          {k: round(v, 4) for k, v in score(subset, sub_truth, naive_canon).items()})
    est = t_n * (len(records) / n) ** 2
    print(f"  all-pairs extrapolated to {len(records)} records: ~{est:,.0f}s = {est / 3600:,.1f} h "
          f"(blocked, measured: {t_link:.0f}s)")


if __name__ == "__main__":
    main()
