"""The data dictionary (``docs/schema.md``), generated from the table schemas and the views."""

from __future__ import annotations

from newslake.warehouse.schema import TABLE_DESCRIPTIONS, TABLES, description, duck_type
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
    return "\n".join(out)
