"""``newslake shell``: DuckDB's own shell with the lake attached read-only, or a Python REPL with ``con``."""

from __future__ import annotations

import code
import glob
import os
import shutil
from typing import Any

from newslake.warehouse.lake import LakeConfig
from newslake.warehouse import LAKE


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def duckdb_init_sql(cfg: LakeConfig) -> str:
    """SQL that makes a DuckDB CLI (of the same version as the ``duckdb`` package) attach the lake
    read-only as ``lake``: extensions from the pinned pip packages, since there may be no network."""
    stmts = []
    for name, package in (("ducklake", "duckdb_extension_ducklake"), ("sqlite", "duckdb_extension_sqlite")):
        try:
            mod = __import__(package)
            hits = glob.glob(os.path.join(os.path.dirname(mod.__file__), "extensions", "*", f"{name}.duckdb_extension"))
        except ImportError:
            hits = []
        if hits:
            stmts.append(f"INSTALL {_q(hits[0])};")
        stmts.append(f"LOAD {name};")
    opts = [f"DATA_PATH {_q(cfg.data_dir)}", "READ_ONLY"]
    if cfg.data_path is None:
        opts.append("OVERRIDE_DATA_PATH TRUE")
    stmts.append(f"ATTACH {_q('ducklake:' + cfg.catalog_uri)} AS {LAKE} ({', '.join(opts)});")
    stmts.append(f"USE {LAKE};")
    return " ".join(stmts)


def run_shell(cfg: LakeConfig, *, python: bool = False) -> int | None:
    """Replace this process with the DuckDB CLI when one is on PATH (and ``python`` is false); else
    run a Python REPL with ``con`` (``newslake.connect``) and ``newslake`` in scope."""
    cli = shutil.which("duckdb")
    if cli and not python:
        os.execv(cli, [cli, "-cmd", duckdb_init_sql(cfg)])
    import newslake

    con = newslake.connect(cfg.warehouse, catalog=cfg.catalog, data_path=cfg.data_path)
    banner = (f"newslake shell: the lake at {cfg.warehouse} is attached read-only as `{LAKE}`.\n"
              "  con.sql(\"SELECT name, doc_count FROM entities ORDER BY doc_count DESC LIMIT 5\").show()\n"
              "(no DuckDB CLI on PATH, so this is Python; Ctrl-D quits)")
    scope: dict[str, Any] = {"con": con, "newslake": newslake}
    try:
        code.interact(banner=banner, local=scope, exitmsg="")
    finally:
        con.close()
    return None
