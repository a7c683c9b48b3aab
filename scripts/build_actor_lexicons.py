"""Derive newslake's actor lexicon from the Phoenix / PETRARCH2 actor dictionaries (MIT).

Reads ``Phoenix.International.actors.txt`` (intergovernmental and non-governmental organisations,
multinationals and their officials), ``Phoenix.MilNonState.actors.txt`` (armed and non-state
groups) and ``Phoenix.Countries.actors.txt`` (only its people: entries with dated codes, i.e.
leaders and officials) from ``../shared/lexicons/petrarch2/`` and writes
``transforms/entities/data/phoenix_actors.tsv``::

    name <TAB> group <TAB> kind <TAB> code

``group`` is the entry's first name (all names of one entry share it: "OPEC" and "Organization of
Petroleum Exporting Countries"), ``kind`` is ``org`` or ``person`` (an entry whose codes carry
dates of office is a person), ``code`` the entry's first CAMEO actor code. Names are written as
the dictionaries spell them (upper case, ``_`` as space); misspelling variants are kept. The
licence is copied beside the data (``phoenix_actors.LICENSE``).

    .venv/bin/python scripts/build_actor_lexicons.py [--source ../shared/lexicons/petrarch2]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "transforms" / "entities" / "data"
_CODE = re.compile(r"\[([~A-Z0-9]+)(?:\s+([<>0-9-]+))?\]")
_PAREN_ACR = re.compile(r"^(.*?)\s*\(([A-Z][A-Z0-9&]{1,9})\)\s*$")


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).strip()


def parse(path: Path, *, people_only: bool = False) -> list[tuple[str, str, str, str]]:
    """Entries of one Phoenix actors file as ``(name, group, kind, code)`` rows."""
    rows: list[tuple[str, str, str, str]] = []
    entry: list[str] = []
    codes: list[tuple[str, str | None]] = []

    def flush() -> None:
        if entry and codes:
            kind = "person" if any(d for _, d in codes) else "org"
            if not (people_only and kind != "person"):
                group = entry[0]
                for n in entry:
                    rows.append((n, group, kind, codes[0][0]))
        entry.clear()
        codes.clear()

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        found = _CODE.findall(body)
        head = _CODE.sub("", body).strip()
        if line.startswith("+"):
            n = _name(head[1:])
            if n and not n.isdigit():
                entry.append(n)
        elif line[:1] in ("\t", " ") and not head:
            pass  # a code line of the current entry
        elif head:
            flush()
            n = _name(head)
            if n:
                entry.append(n)
        codes.extend(found)
    flush()
    out = []
    for name, group, kind, code in rows:
        m = _PAREN_ACR.match(name)  # "JAPANESE RED ARMY (JRA)" -> both names
        if m:
            out += [(m.group(1), group, kind, code), (m.group(2), group, kind, code)]
        elif "(" not in name and len(name) > 1:
            out.append((name, group, kind, code))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=Path("../shared/lexicons/petrarch2"))
    args = ap.parse_args()
    src = args.source if args.source.exists() else Path("/work/shared/lexicons/petrarch2")
    rows = parse(src / "Phoenix.International.actors.txt") + parse(src / "Phoenix.MilNonState.actors.txt") \
        + parse(src / "Phoenix.Countries.actors.txt", people_only=True)
    seen, lines = set(), []
    for name, group, kind, code in rows:
        key = (name.casefold(), group.casefold())
        if key not in seen:
            seen.add(key)
            lines.append(f"{name}\t{group}\t{kind}\t{code}")
    OUT.mkdir(parents=True, exist_ok=True)
    header = ("# Actors from the Phoenix / PETRARCH2 dictionaries (Open Event Data, MIT licence: see\n"
              "# phoenix_actors.LICENSE). Built by scripts/build_actor_lexicons.py; do not edit.\n"
              "# name\tgroup (the entry's first name)\tkind (org|person)\tCAMEO code\n")
    (OUT / "phoenix_actors.tsv").write_text(header + "\n".join(sorted(lines)) + "\n", encoding="utf-8")
    (OUT / "phoenix_actors.LICENSE").write_text(
        "Source: Phoenix / PETRARCH2 actor dictionaries (Phoenix.International.actors.txt,\n"
        "Phoenix.MilNonState.actors.txt, Phoenix.Countries.actors.txt), Open Event Data.\n\n"
        + (src / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {len(lines)} names to {OUT / 'phoenix_actors.tsv'}")


if __name__ == "__main__":
    main()
