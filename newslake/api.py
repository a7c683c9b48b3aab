"""The notebook and script API: open the lake read-only, search it, run an ingest.

Imported lazily by ``newslake/__init__`` so that ``import newslake`` loads neither DuckDB's lake code
nor spaCy nor Prefect; ``ingest`` imports the flow on its first call.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from newslake.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover
    import duckdb

    from newslake.flows.ingest import RunSummary
    from newslake.warehouse.lake import LakeConfig
    from newslake.warehouse.search import Hit


def lake_config(warehouse: str | Path | None = None, *, catalog: str | None = None,
                data_path: str | None = None) -> "LakeConfig":
    """Where the lake is: arguments first, then ``NEWSLAKE_*`` settings, then ``./warehouse``."""
    from newslake.warehouse.lake import LakeConfig

    s = get_settings(warehouse=Path(warehouse) if warehouse is not None else None, catalog=catalog,
                     data_path=data_path)
    return LakeConfig(Path(s.warehouse), s.catalog, s.data_path)


def connect(warehouse: str | Path | None = None, *, catalog: str | None = None,
            data_path: str | None = None) -> "duckdb.DuckDBPyConnection":
    """A read-only DuckDB connection with the lake attached as ``lake`` and in use, views ready.

    Query it as any DuckDB connection: ``con.sql(q).fetchall()``, ``.arrow()``, ``.df()`` (pandas)
    or ``.pl()`` (polars). The lake cannot be written through it. A lake made by an older newslake
    gets this version's views first (the schema-only commit every ingest makes). Close it with
    ``con.close()`` or use it in a ``with`` block.

    >>> import newslake
    >>> newslake.connect("/nonexistent/lake")
    Traceback (most recent call last):
    ...
    newslake.warehouse.lake.LakeError: no lake at /nonexistent/lake (run `newslake ingest` first, or pass --warehouse)
    """
    from newslake.warehouse.lake import ensure_views, open_read_only

    cfg = lake_config(warehouse, catalog=catalog, data_path=data_path)
    if cfg.exists():
        ensure_views(cfg)
    return open_read_only(cfg)


def search(query: str, warehouse: str | Path | None = None, *, limit: int = 10, since: str | None = None,
           source: str | None = None, entity: str | None = None) -> "list[Hit]":
    """Documents ranked by BM25 against ``query`` (see :func:`newslake.warehouse.search.search`)."""
    from newslake.warehouse.search import search as _search

    return _search(lake_config(warehouse), query, limit=limit, since=since, source=source, entity=entity)


def ingest(paths: Iterable[str | Path] | str | Path, warehouse: str | Path | None = None, *,
           model: str | None = None, batch_size: int | None = None,
           processes: int | None = None) -> "RunSummary":
    """Run the ingest flow on files, folders or globs and return its summary (one commit).

    Loads spaCy and Prefect on first use (a temporary local Prefect server starts when no
    ``PREFECT_API_URL`` is set, as for ``newslake ingest``).
    """
    import newslake.flows  # noqa: F401  (Prefect's offline defaults, before Prefect is imported)
    from newslake.flows.ingest import ingest as ingest_flow

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return ingest_flow(paths=[str(p) for p in paths], warehouse=str(warehouse) if warehouse else None,
                       model=model, batch_size=batch_size, n_process=processes)
