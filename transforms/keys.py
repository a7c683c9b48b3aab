"""Entity labels and name keys: pure string helpers shared by the extractors, the linker and the
warehouse. No spaCy here: the lake's read and commit paths import this module.
"""

from __future__ import annotations

#: Labels of the spaCy model whose spans become entities.
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
#: Labels of places: one family, geocoded, sharing ids.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


def label_family(label: str) -> str:
    """Labels whose entities share ids: all places are one family.

    >>> label_family("GPE"), label_family("LOC"), label_family("ORG")
    ('PLACE', 'PLACE', 'ORG')
    """
    return "PLACE" if label in PLACE_LABELS else label


def entity_key(name: str) -> str:
    """The normalised name an entity id hashes: casefolded, quotes unified, whitespace
    collapsed, a leading "the " dropped (accents are kept: they tell names apart).

    >>> entity_key("The  Islamic State’s")
    "islamic state's"
    """
    text = " ".join(name.translate(_QUOTES).split()).casefold()
    return text[4:] if text.startswith("the ") else text
