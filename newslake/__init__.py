"""newslake: news documents in, entities, claims and events out, as a DuckLake lake queried with DuckDB.

From a notebook or a script::

    import newslake
    con = newslake.connect("warehouse")          # read-only DuckDB connection, lake attached, views ready
    con.sql("SELECT name, doc_count FROM entities ORDER BY doc_count DESC LIMIT 5").fetchall()
    newslake.ingest(["seeds/"], warehouse="warehouse")   # runs the ingest flow

``import newslake`` stays light: DuckDB is imported on the first ``connect``, spaCy and Prefect on
the first ``ingest``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["connect", "ingest", "search"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from newslake import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslake' has no attribute {name!r}")
