"""The read-only commands' fast path: ``newslake sql`` and ``newslake runs`` without typer.

The console script enters here (:func:`main`). ``sql`` and ``runs`` with plain arguments are parsed
with argparse and answered by DuckDB straight away: this module imports neither typer (which
imports pydantic), nor Prefect, nor spaCy, nor pyarrow, and rich only to draw a table. Anything else
(``--help``, other commands, an option argparse does not know) goes to the typer app in
:mod:`newslake.cli`, which has the same commands and prints the help and errors.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path


class Fmt(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


RUNS_SQL = ("SELECT run_id, status, started_at, finished_at, docs_seen, docs_ok, docs_rejected, docs_unchanged, "
            "mentions, claims, events, batches, commit_attempts, error FROM runs ORDER BY started_at DESC LIMIT {limit}")


def _jsonable(v: object) -> object:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    return v


def print_rows(columns: list[str], rows: list[tuple], fmt: Fmt) -> None:
    """Print query results as a rich table, CSV or a JSON array of objects."""
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps([dict(zip(columns, map(_jsonable, r))) for r in rows],
                                    ensure_ascii=False, default=str, indent=1) + "\n")
    elif fmt is Fmt.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows([[("" if v is None else _jsonable(v)) for v in r] for r in rows])
        sys.stdout.write(buf.getvalue())
    else:
        from rich.console import Console
        from rich.table import Table

        # piped output gets wide tables rather than wrapped cells
        out = Console() if sys.stdout.isatty() else Console(width=240)
        t = Table(*columns, show_lines=False)
        for r in rows:
            t.add_row(*("" if v is None else str(_jsonable(v)) for v in r))
        out.print(t)


class QueryError(Exception):
    """A one-line reason a read-only query failed (no lake, bad SQL)."""


def run_query(warehouse: Path | None, query: str) -> tuple[list[str], list[tuple]]:
    """Columns and rows of one read-only query on the lake."""
    import duckdb

    from newslake.settings import lake_location
    from newslake.warehouse.lake import LakeConfig, LakeError, connect

    try:
        with connect(LakeConfig(*lake_location(warehouse)), read_only=True) as con:
            cur = con.execute(query)
            cols = [d[0] for d in cur.description] if cur.description else []
            return cols, (cur.fetchall() if cols else [])
    except LakeError as e:
        raise QueryError(str(e)) from e
    except duckdb.Error as e:
        raise QueryError(f"{type(e).__name__}: {str(e).splitlines()[0]}") from e


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newslake", add_help=False)
    sub = p.add_subparsers(dest="command")
    for name in ("sql", "runs"):
        c = sub.add_parser(name, add_help=False)
        if name == "sql":
            c.add_argument("query")
        else:
            c.add_argument("--limit", type=int, default=20)
        c.add_argument("--warehouse", "-w", type=Path)
        c.add_argument("--format", "-f", choices=[f.value for f in Fmt], default="table")
    return p


def fast(argv: list[str]) -> int | None:
    """Answer ``sql``/``runs`` and return the exit code, or None when typer must handle ``argv``."""
    if not argv or argv[0] not in ("sql", "runs") or any(a in ("--help", "-h") for a in argv):
        return None
    try:
        args, rest = _parser().parse_known_args(argv)
    except SystemExit:  # argparse's own complaint: let typer say it in the usual words
        return None
    if rest:
        return None
    query = args.query if args.command == "sql" else RUNS_SQL.format(limit=int(args.limit))
    try:
        cols, rows = run_query(args.warehouse, query)
    except QueryError as e:
        sys.stderr.write(f"error: {e}\n")
        return 1
    print_rows(cols, rows, Fmt(args.format))
    return 0


def main() -> None:
    """The ``newslake`` console script."""
    code = fast(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from newslake.cli import app

    app()
