"""The lake's views: SQL over the tables, always current, documented in ``docs/schema.md``."""

from __future__ import annotations

import duckdb

LAKE = "lake"

#: name -> (description for the data dictionary, SELECT)
VIEWS: dict[str, tuple[str, str]] = {
    "entity_mentions": (
        "`mentions` resolved to real-world entities (`entity_links` → `entities`), with the document's title and date.",
        f"""SELECT m.*, l.canonical_entity_id, e.name AS entity_name, e.label AS entity_label,
                   d.title, d.published_at
            FROM {LAKE}.mentions m
            JOIN {LAKE}.entity_links l USING (entity_id)
            JOIN {LAKE}.entities e ON e.entity_id = l.canonical_entity_id
            JOIN {LAKE}.documents d USING (doc_id)""",
    ),
}

VIEW_VERSION = "views.v1"


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view; call inside the schema transaction."""
    for name, (_, select) in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {LAKE}.{name} AS {select}")
        con.execute(f"COMMENT ON VIEW {LAKE}.{name} IS '{VIEW_VERSION}'")


def views_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every view exists with this version of its SQL."""
    rows = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE database_name = ?", [LAKE]).fetchall())
    return all(rows.get(name) == VIEW_VERSION for name in VIEWS)
