"""Run a user's SQL so that it can read the lake and nothing else.

``newslake sql`` hands the query to :func:`run_user_query`, which defends in three layers:

1. **One SELECT only.** DuckDB's own parser (``duckdb.extract_statements``) must find exactly one
   statement, of type SELECT (``SELECT``, ``WITH``, ``FROM t``, ``VALUES``, ``DESCRIBE``,
   ``SHOW``, ``SUMMARIZE``). ``ATTACH``, ``DETACH``, ``USE``, ``COPY``, ``CALL``, ``SET``,
   ``INSTALL``/``LOAD``, ``PRAGMA``, ``EXPORT``, DDL and DML are refused before anything runs.
2. **Table functions from an allow-list.** The query's syntax tree (``json_serialize_sql``) is
   walked and every table function must be a read-only one (``range``, ``unnest``,
   ``duckdb_*``, ``ducklake_snapshots``, ...): ``ducklake_cleanup_old_files``,
   ``ducklake_expire_snapshots``, ``sqlite_query``, ``query``, ``read_*`` and the rest are refused.
3. **A locked connection.** The lake is attached ``READ_ONLY`` (its SQLite catalog too), then
   ``enable_external_access = false`` with ``allowed_directories`` = the lake's data folder (no
   file, network or extension access beyond the lake's own files) and ``lock_configuration = true``
   (no setting can be changed back). This layer alone would still let a statement write inside the
   data folder; layers 1 and 2 are what stop that.

>>> check_statement("SELECT 1 AS one")
>>> check_statement("DROP TABLE documents")
Traceback (most recent call last):
...
newslake.warehouse.readonly.QueryRefused: only a single SELECT query can run here (got DROP)
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Iterator

import duckdb

from newslake.warehouse.lake import LakeConfig, LakeError, connect


class QueryRefused(LakeError):
    """The query could change something, or reach outside the lake: it was not run."""


ALLOWED_TABLE_FUNCTIONS: frozenset[str] = frozenset({
    "range", "generate_series", "unnest", "json_each", "json_tree", "summary", "repeat", "repeat_row",
    "ducklake_snapshots", "ducklake_table_info", "ducklake_table_changes", "ducklake_table_insertions",
    "ducklake_table_deletions", "ducklake_list_files", "ducklake_current_snapshot",
    "query_table", "show", "show_databases", "show_tables", "show_tables_expanded", "test_all_types",
})
"""Table functions a query may use (besides ``duckdb_*`` and ``pragma_*`` metadata functions)."""
ALLOWED_PREFIXES: tuple[str, ...] = ("duckdb_", "pragma_")


def check_statement(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Raise :class:`QueryRefused` unless ``sql`` is one SELECT using only read-only table functions."""
    check_kind(sql)
    own = con is None
    con = con if con is not None else duckdb.connect()
    try:
        tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()[0])
    finally:
        if own:
            con.close()
    if tree.get("error"):
        raise QueryRefused(f"only a plain SELECT query can run here ({tree.get('error_message')})")
    for name in sorted(set(_table_functions(tree))):
        if name not in ALLOWED_TABLE_FUNCTIONS and not name.startswith(ALLOWED_PREFIXES):
            raise QueryRefused(f"table function {name}() is not allowed here: `newslake sql` only reads the lake")


def check_kind(sql: str) -> None:
    """Layer 1 alone (no connection needed): raise :class:`QueryRefused` unless ``sql`` is one
    statement of type SELECT."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryRefused(f"{type(e).__name__}: {str(e).splitlines()[0]}") from e
    if len(statements) != 1:
        raise QueryRefused(f"only a single SELECT query can run here (got {len(statements)} statements)")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryRefused(f"only a single SELECT query can run here (got {kind.name})")


def _table_functions(node: Any) -> Iterator[str]:
    """Names of every table function anywhere in a ``json_serialize_sql`` tree."""
    if isinstance(node, dict):
        if node.get("type") == "TABLE_FUNCTION":
            fn = node.get("function") or {}
            yield str(fn.get("function_name", "")).lower()
        for value in node.values():
            yield from _table_functions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _table_functions(value)


@contextmanager
def locked_connection(cfg: LakeConfig, as_of: Any = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The lake attached read-only (as of a snapshot id or time when given) in a connection that
    cannot touch files or change settings."""
    with connect(cfg, read_only=True, as_of=as_of) as con:
        con.execute("SET allowed_directories = ?", [[cfg.data_dir]])  # the lake's Parquet files
        if cfg.catalog is None and "://" not in cfg.data_dir:
            # a local lake only: a shared catalog may keep its data remotely (s3://), which needs the
            # httpfs file system, so there the
            # statement check above is what keeps a query from reaching other files
            con.execute("SET enable_external_access = false")
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        con.execute("SET lock_configuration = true")
        yield con


def run_user_query(cfg: LakeConfig, sql: str, as_of: Any = None) -> tuple[list[str], list[tuple]]:
    """Check and run one user query; return (columns, rows). Raises QueryRefused / LakeError / duckdb.Error."""
    check_kind(sql)  # before the lake is opened: no connection needed
    with locked_connection(cfg, as_of) as con:
        check_statement(sql, con)  # all of it, with the lake's extensions loaded, before the query runs
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description] if cur.description else []
        return cols, (cur.fetchall() if cols else [])
