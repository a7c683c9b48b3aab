"""Entity and linking figures on Reuters-21578 wire stories that no rule was tuned on.

The corpus (``../shared/corpus/reuters21578.jsonl``, never copied into the repo) is split
deterministically by a hash of the story id: :func:`part` is ``tuning`` or ``held-out``. Rules are
tuned by reading stories of the tuning part only; figures are reported on a fixed-seed sample of
the held-out part::

    .venv/bin/python bench/reuters_entities.py --part held-out -n 200 --seed 8 --warehouse /tmp/r8

ingests the sample into a fresh lake (``--warehouse``; reused when it already holds the sample)
and prints figures computed from the lake:

* short forms left apart: a one-word PERSON or "Mr X" mention whose word is the last (or first)
  word of exactly one full PERSON name of the same document, but whose entity is another one;
* cross-document links by method (non-trivial: the member's name differs from the canonical's);
* places: how many place entities carry coordinates, and the most mentioned ones with their
  country and coordinates (to judge);
* mentions on table lines (lines made mostly of numbers), which should produce none.

Precision figures that need reading (mentions, links, places) come from ``newslake sample`` on
the same lake, judged by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

CORPUS = next((p for p in (Path("../shared/corpus/reuters21578.jsonl"),
                            Path("/work/shared/corpus/reuters21578.jsonl")) if p.exists()),
              Path("../shared/corpus/reuters21578.jsonl"))
ROOT = Path(__file__).resolve().parents[1]


def part(story_id: str) -> str:
    """``tuning`` or ``held-out``: the parity of the story id's SHA-1 (half the corpus each)."""
    return "held-out" if int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % 2 else "tuning"


def sample(corpus: Path, which: str, n: int, seed: int) -> list[dict]:
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    pool = [r for r in rows if part(r["id"]) == which and len(r.get("text") or "") > 200]
    return random.Random(seed).sample(pool, min(n, len(pool)))


_TABLE_LINE = re.compile(r"\d")


def table_line(line: str) -> bool:
    """A line of a wire-copy table: at least two numbers and fewer than four lowercase words."""
    nums = re.findall(r"\d[\d,.]*", line)
    words = re.findall(r"\b[a-z]{3,}\b", line)
    return len(nums) >= 2 and len(words) < 4


def figures(warehouse: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from newslake.warehouse.lake import LakeConfig, connect
    from newslake.warehouse.schema import LAKE

    with connect(LakeConfig(warehouse), read_only=True) as con:
        docs = dict(con.execute(f"SELECT doc_id, text FROM {LAKE}.documents WHERE status='ok'").fetchall())
        ments = con.execute(f"""SELECT doc_id, entity_id, text, label, start_char, end_char
                                FROM {LAKE}.mentions""").fetchall()
        des = con.execute(f"""SELECT doc_id, entity_id, name, label FROM {LAKE}.doc_entities""").fetchall()
        links = con.execute(f"""SELECT l.method, de.name, c.name FROM {LAKE}.entity_links l
            JOIN (SELECT entity_id, any_value(name) AS name FROM {LAKE}.doc_entities GROUP BY 1) de USING (entity_id)
            JOIN (SELECT entity_id, any_value(name) AS name FROM {LAKE}.doc_entities GROUP BY 1) c
              ON c.entity_id = l.canonical_entity_id
            WHERE l.method <> 'self'""").fetchall()
        places = con.execute(f"""SELECT name, label, country_code, latitude, longitude, mention_count
            FROM {LAKE}.entities WHERE label IN ('GPE','LOC','FAC')""").fetchall()
    print(f"documents: {len(docs)}  mentions: {len(ments)}  doc entities: {len(des)}")
    print("mentions by label:", dict(Counter(m[3] for m in ments).most_common()))

    # short forms left apart inside a document
    full_by_doc: dict[str, list[tuple[str, str]]] = {}
    for doc_id, eid, name, label in des:
        if label == "PERSON" and len(name.split()) > 1:
            full_by_doc.setdefault(doc_id, []).append((eid, name))
    joined = apart = ambiguous = 0
    apart_examples = []
    for doc_id, eid, text, label, *_ in ments:
        words = [w for w in text.split() if w.rstrip(".").lower() not in ("mr", "mrs", "ms", "dr")]
        if len(words) != 1 or doc_id not in full_by_doc:
            continue
        w = words[0]
        fits = {(e, n) for e, n in full_by_doc[doc_id] if n.split()[-1] == w}
        if not fits:
            continue
        if len({n for _, n in fits}) > 1:
            ambiguous += 1
        elif any(e == eid for e, _ in fits):
            joined += 1
        else:
            apart += 1
            apart_examples.append(f"{text!r}/{label} vs {next(iter(fits))[1]!r}")
    total = joined + apart
    print(f"short forms of a full PERSON name of the same document: {total} "
          f"(joined {joined}, left apart {apart} = {apart / total if total else 0:.1%}; "
          f"{ambiguous} ambiguous not counted)")
    for x in apart_examples[:15]:
        print("   apart:", x)

    # cross-document links
    trivial = sum(1 for m, a, b in links if a.casefold() == b.casefold())
    print(f"cross-document links: {len(links)} ({len(links) - trivial} non-trivial) by method:",
          dict(Counter(m for m, a, b in links if a.casefold() != b.casefold()).most_common()))

    # places
    geo = sum(1 for p in places if p[3] is not None)
    print(f"place entities: {len(places)}, with coordinates {geo} ({geo / max(1, len(places)):.1%})")
    top = sorted(places, key=lambda p: -p[5])[:25]
    print("   most mentioned:", "; ".join(f"{p[0]} {p[2]} {p[3] and round(p[3], 1)},{p[4] and round(p[4], 1)}"
                                         for p in top))

    # mentions on table lines
    on_tables = []
    for doc_id, eid, text, label, s, e in ments:
        t = docs.get(doc_id, "")
        ls, le = t.rfind("\n", 0, s) + 1, t.find("\n", e)
        if table_line(t[ls:le if le >= 0 else len(t)]):
            on_tables.append((text, label))
    print(f"mentions on table lines: {len(on_tables)}; most frequent:",
          Counter(on_tables).most_common(12))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("tuning", "held-out"), default="held-out")
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--warehouse", type=Path, required=True)
    ap.add_argument("--figures-only", action="store_true", help="do not ingest, read the lake")
    args = ap.parse_args()
    if not args.figures_only:
        rows = sample(args.corpus, args.part, args.n, args.seed)
        args.warehouse.mkdir(parents=True, exist_ok=True)
        src = args.warehouse / f"reuters-{args.part}-{args.n}-{args.seed}.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(rows)} {args.part} stories, seed {args.seed} -> {src}")
        subprocess.run([str(ROOT / ".venv" / "bin" / "newslake"), "ingest", str(src),
                        "--warehouse", str(args.warehouse)], check=True)
    figures(args.warehouse)


if __name__ == "__main__":
    main()
