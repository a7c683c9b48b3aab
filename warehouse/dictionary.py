"""The data dictionary (``docs/schema.md``), generated from the table schemas and the views."""

from __future__ import annotations

from newslake.warehouse.schema import (COMPACT_EVERY, REWRITTEN_IN_PLACE, SMALL_FILE_BYTES, SORTED_BY, TABLE_DESCRIPTIONS,
                                       TABLES, description, duck_type)
from newslake.warehouse.views import VIEWS


def schema_markdown() -> str:
    """The data dictionary, as Markdown (written to ``docs/schema.md``)."""
    out = [
        "# newslake data dictionary",
        "",
        "Generated from `warehouse/schema.py` by `newslake schema-docs`; do not edit by hand "
        "(a test checks it is current).",
        "",
        "Offsets are character offsets into `documents.text`: `text[start_char:end_char]` is the row's text.",
        "",
    ]
    for name, schema in TABLES.items():
        out += [f"## `{name}`", "", TABLE_DESCRIPTIONS[name], "", "| column | type | description |", "|---|---|---|"]
        for f in schema:
            null = "" if f.nullable else " not null"
            out.append(f"| `{f.name}` | {duck_type(f.type)}{null} | {description(f)} |")
        out.append("")
    out += ["## Views", "", "| view | what |", "|---|---|"]
    out += [f"| `{name}` | {desc} |" for name, (desc, _) in VIEWS.items()]
    out.append("")
    out += ["## File layout", "",
            f"Each batch commit writes one small Parquet file per table it changes. Every {COMPACT_EVERY} batches and at "
            "the end of a run, compaction first rewrites files that carry deleted rows (any deleted row for the tables "
            "every commit rewrites in place, 95% of their rows for the others: `ducklake_rewrite_data_files`), then "
            f"merges files below {SMALL_FILE_BYTES / 1e6:.0f} MB into larger ones sorted by the table's order "
            "(`ducklake_merge_adjacent_files`); larger files are left alone, so the work follows what recent batches "
            "wrote. DuckDB skips files and row groups by their min/max statistics on the sort columns. "
            "`newslake compact` does the same and also merges beyond that size, expires snapshots and deletes "
            "unreferenced files.", "",
            "| table | files sorted by | files rewritten when |", "|---|---|---|"]
    for name in TABLES:
        when = "any row is deleted (rewritten in place by every commit)" if name in REWRITTEN_IN_PLACE \
            else "95% of its rows are deleted (DuckLake's default; documents replaced)"
        out.append(f"| `{name}` | {f'`{SORTED_BY[name]}`' if name in SORTED_BY else 'insertion order'} | {when} |")
    out.append("")
    return "\n".join(out)
