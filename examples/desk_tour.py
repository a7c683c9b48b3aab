"""A tour of newslake from Python: open the lake, query the views, search, show evidence, draw a report.

    python examples/desk_tour.py [WAREHOUSE] [--report DIR]

When WAREHOUSE holds no lake yet, the sample in seeds/ is ingested into it first (newslake.ingest).
The tests run this script on the sample lake.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import newslake

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", nargs="?", default="warehouse")
    ap.add_argument("--report", type=Path, help="also write the HTML report into this folder")
    args = ap.parse_args()

    if not (Path(args.warehouse) / "catalog.sqlite").exists():
        run = newslake.ingest([ROOT / "seeds"], warehouse=args.warehouse)  # loads spaCy and Prefect
        print(f"ingested {run.docs_ok} documents into {args.warehouse}")

    con = newslake.connect(args.warehouse)  # read-only: the lake cannot be changed through it

    print("\n# who is named in the most documents")
    for name, label, docs in con.sql(
            "SELECT name, label, doc_count FROM entities ORDER BY doc_count DESC, mention_count DESC, name LIMIT 5").fetchall():
        print(f"{name:30} {label:8} {docs}")

    print("\n# who says what (claims_named: the speaker already resolved to its real-world entity)")
    rows = con.sql("""SELECT speaker_name, cue, certainty, content FROM claims_named
                      WHERE speaker_name IS NOT NULL ORDER BY doc_id, start_char LIMIT 5""").fetchall()
    for speaker, cue, certainty, content in rows:
        print(f"{speaker} [{cue}, {certainty}]: {content[:70]}")

    print("\n# who does what to whom (events_named)")
    for etype, trigger, actor, target in con.sql("""SELECT event_type, trigger, actor_name, target_name FROM events_named
            WHERE actor_name IS NOT NULL ORDER BY doc_id, start_char LIMIT 5""").fetchall():
        print(f"{etype:10} {actor} --{trigger}--> {target}")

    # the Arrow table of any query; .df() and .pl() give pandas or polars when those are installed
    timeline = con.sql("SELECT name, day, mentions, claims, events FROM entity_timeline").arrow().read_all()
    print(f"\nentity_timeline: {timeline.num_rows} rows, columns {timeline.column_names}")

    top = con.sql("SELECT name FROM entities ORDER BY doc_count DESC, mention_count DESC, name LIMIT 1").fetchone()[0]
    con.close()

    print(f"\n# full-text search, restricted to documents that mention {top}")
    for hit in newslake.search("video", args.warehouse, entity=top, limit=3):
        print(f"{hit.score:.3f} {hit.doc_id} {hit.title}\n   …{hit.snippet[:100]}…")

    if args.report:
        from newslake.report import write_report
        from newslake.warehouse.lake import connect

        with connect(newslake.api.lake_config(args.warehouse)) as con:
            rep = write_report(con, args.report)
        print(f"\nreport: {rep.index} ({', '.join(f'{f.key} {f.rows}' for f in rep.figures)})")


if __name__ == "__main__":
    main()
