"""Known actors from the Phoenix / PETRARCH2 dictionaries (``data/phoenix_actors.tsv``, MIT,
derived by ``scripts/build_actor_lexicons.py``): organisations with their acronyms, and people.

Used as knowledge, not as a tagger: to type a name the model mislabelled ("Opec" as NORP is an
organisation) and as evidence that an acronym stands for a name ("OPEC" and "Organization of
Petroleum Exporting Countries" are one entry).

>>> actors = known_actors()
>>> actors.kind("Opec"), actors.kind("Smith")
('org', None)
>>> actors.same_org("OPEC", "Organization of Petroleum Exporting Countries")
True
>>> actors.same_org("BBC", "Baroness Bloggs Consulting")
False
"""

from __future__ import annotations

import functools
from importlib import resources

from newslake.transforms.entities.lexicons import ACRONYM_FILLERS


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("’", "'").split()).casefold()


class KnownActors:
    """Look-ups over ``(name, group, kind, code)`` rows."""

    def __init__(self, rows: list[tuple[str, str, str, str]]):
        self._kind: dict[str, set[str]] = {}
        self._groups: dict[str, set[str]] = {}
        self._codes: dict[str, set[str]] = {}
        self._surnames: set[str] = set()
        for name, group, kind, code in rows:
            k = _key(name)
            if kind == "person" and " " in k:
                self._surnames.add(k.rsplit(" ", 1)[1])
            self._kind.setdefault(k, set()).add(kind)
            if kind == "org":
                self._groups.setdefault(k, set()).add(_key(group))
                self._codes.setdefault(k, set()).add(code)

    def kind(self, name: str) -> str | None:
        """``org`` or ``person`` when every entry of that name agrees; None when unknown or both."""
        kinds = self._kind.get(_key(name), set())
        return next(iter(kinds)) if len(kinds) == 1 else None

    def person_surname(self, word: str) -> bool:
        """Is ``word`` the last word of a person the dictionaries list ("Reagan", "Weinberger")?"""
        return _key(word) in self._surnames

    def same_org(self, a: str, b: str) -> bool:
        """Are ``a`` and ``b`` names of one organisation entry (same entry, or the same
        organisation code with ``a`` the initials of ``b``)?"""
        ka, kb = _key(a), _key(b)
        ga, gb = self._groups.get(ka), self._groups.get(kb)
        if not ga or not gb:
            return False
        if ga & gb:
            return True
        words = [p for w in b.split() for p in w.split("-") if p[:1].isalnum()]
        initials = {"".join(w[0] for w in words).casefold(),
                    "".join(w[0] for w in words if w.lower() not in ACRONYM_FILLERS).casefold()}
        return ka.replace(".", "") in initials and bool(self._codes[ka] & self._codes[kb])


def _rows() -> list[tuple[str, str, str, str]]:
    text = resources.files("newslake.transforms.entities").joinpath("data", "phoenix_actors.tsv") \
        .read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) == 4:
                out.append((parts[0], parts[1], parts[2], parts[3]))
    return out


@functools.cache
def known_actors() -> KnownActors:
    """The process-wide table (read once)."""
    return KnownActors(_rows())


@functools.lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given names with a clear gender (``data/given_names.tsv``, from the 1990 US Census lists).

    >>> given_names()["Ruth"], given_names()["Tony"], "Kelly" in given_names()
    ('f', 'm', False)
    """
    text = resources.files("newslake.transforms.entities").joinpath("data", "given_names.tsv") \
        .read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
