"""Entity rules and entity rows, on hand-built Docs (no statistical model needed).

Sentences are written with inline entities: ``"[Edward Lemon](PERSON) met [Lemon](ORG) ."``
(tokens split on spaces). Tags are guessed: capitalised words NNP/PROPN, others NN/NOUN,
except the small closed-class table below.
"""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newslake.transforms.entities.extract import ENTITIES_VERSION, NAMED_LABELS, entity_key, extract_entities
from newslake.transforms.entities.rules import fix_entities
from newslake.transforms.entities.gazetteer import default_gazetteer
from newslake.transforms.ids import stable_id

VOCAB = spacy.blank("en").vocab
CLOSED = {
    "in": ("IN", "ADP"), "of": ("IN", "ADP"), "near": ("IN", "ADP"), "from": ("IN", "ADP"),
    "the": ("DT", "DET"), "a": ("DT", "DET"), "is": ("VBZ", "AUX"), "who": ("WP", "PRON"),
    "and": ("CC", "CCONJ"), "also": ("RB", "ADV"), "said": ("VBD", "VERB"),
    "reported": ("VBD", "VERB"), "won": ("VBD", "VERB"), "called": ("VBN", "VERB"),
    "met": ("VBD", "VERB"), "'s": ("POS", "PART"), "Former": ("JJ", "ADJ"),
}
_ENT = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)\)")


def make_doc(marked: str, **annotations) -> Doc:
    """Build a Doc from a sentence with inline ``[text](LABEL)`` entities."""
    words, ents = [], []
    pos = 0
    for m in _ENT.finditer(marked + " "):
        words += marked[pos:m.start()].split()
        toks = m.group(1).split()
        ents += [None] * (len(words) - len(ents))
        ents += [f"B-{m.group(2)}"] + [f"I-{m.group(2)}"] * (len(toks) - 1)
        words += toks
        pos = m.end()
    words += marked[pos:].split()
    ents += ["O"] * (len(words) - len(ents))
    ents = [e or "O" for e in ents]
    tags, pos_ = [], []
    for w in words:
        if w in CLOSED:
            t, p = CLOSED[w]
        elif not w[0].isalnum():
            t, p = ("-LRB-", "PUNCT") if w == "(" else ("-RRB-", "PUNCT") if w == ")" else (w, "PUNCT")
        elif w[0].isupper():
            t, p = "NNP", "PROPN"
        else:
            t, p = "NN", "NOUN"
        tags.append(t)
        pos_.append(p)
    return Doc(VOCAB, words=words, ents=ents, tags=tags, pos=pos_, **annotations)


def named(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents if e.label_ in NAMED_LABELS]


@pytest.mark.parametrize(
    "marked, expected",
    [
        # demonyms are NORP whatever the model said
        ("[Tajik](PERSON) militants and [Tajiks](ORG) fought", [("Tajik", "NORP"), ("Tajiks", "NORP")]),
        # countries are places
        ("[Tajikistan](NORP) 's police", [("Tajikistan", "GPE")]),
        # a known city after a locative preposition, or before ", <country>"
        ("fighting near [Raqqa](ORG) ended", [("Raqqa", "GPE")]),
        ("killed in [Raqqa](PERSON) , [Syria](GPE) .", [("Raqqa", "GPE"), ("Syria", "GPE")]),
        # ... but not without that context: a club named after its city stays an ORG
        ("[Barcelona](ORG) won the cup", [("Barcelona", "ORG")]),
        # surname of a full name in the document
        ("[Edward Lemon](PERSON) notes that [Lemon](ORG) said", [("Edward Lemon", "PERSON"), ("Lemon", "PERSON")]),
        # an untagged surname is added, but not an initial or a name after a particle
        ("[Nusrat Nazarov](PERSON) met him . Nazarov left", [("Nusrat Nazarov", "PERSON"), ("Nazarov", "PERSON")]),
        ("[Joost van der Westhuizen](PERSON) and der Westhuizen", [("Joost van der Westhuizen", "PERSON")]),
        # company suffix: not a person
        ("[Pirelli SpA](PERSON) and [Pirelli](ORG) said", [("Pirelli SpA", "ORG"), ("Pirelli", "ORG")]),
        # alias patterns give the alias the name's label
        ("[Nusrat Nazarov](PERSON) , who is also called [Abu Kholidi](ORG) , said",
         [("Nusrat Nazarov", "PERSON"), ("Abu Kholidi", "PERSON")]),
        ("[John Smith](PERSON) , also known as Big John , left",
         [("John Smith", "PERSON"), ("Big John", "PERSON")]),
        # acronym in brackets after a noun phrase
        ("the country 's special police ( OMON ) who defected", [("OMON", "ORG")]),
        ("the [Kurdistan Workers Party](ORG) ( PKK ) said", [("Kurdistan Workers Party", "ORG"), ("PKK", "ORG")]),
        ("the LEADERS ( UPDATE ) said", []),
        # place nouns
        ("in [Tajikistan](NORP) 's Kulob district", [("Tajikistan", "GPE"), ("Kulob", "GPE")]),
        ("from the village of [Charmagon](ORG) in", [("Charmagon", "GPE")]),
        ("from the village of Charmagon in", [("Charmagon", "GPE")]),
        # a nationality followed by an organisation head
        ("fighting with the [Islamic](NORP) State .", [("Islamic State", "ORG")]),
        # no lowercase "names", no leading "the", no trailing possessive
        ("build [mosques](FAC) for them", []),
        ("[the Kremlin](ORG) said", [("Kremlin", "ORG")]),
        ("[University of Michigan 's](ORG) index", [("University of Michigan", "ORG")]),
        # a demonym outside any entity, not followed by a name
        ("the Tajik capital", [("Tajik", "NORP")]),
        ("the [Russian Foreign Ministry](ORG) said", [("Russian Foreign Ministry", "ORG")]),
        # one label per surface form: majority of the model's labels, first on a tie
        ("[Derby](ORG) beat [Leeds](ORG) ; [Derby](ORG) and [Derby](PERSON) .",
         [("Derby", "ORG"), ("Leeds", "ORG"), ("Derby", "ORG"), ("Derby", "ORG")]),
        # numbers and dates are left alone
        ("[2,000](CARDINAL) [Tajiks](NORP) in [March](DATE)", [("Tajiks", "NORP")]),
    ],
)
def test_fix_entities(marked: str, expected: list[tuple[str, str]]) -> None:
    assert named(fix_entities(make_doc(marked))) == expected


def test_fix_entities_keeps_numeric_entities_and_model_labels() -> None:
    doc = fix_entities(make_doc("[2,000](CARDINAL) [Tajik](PERSON) men"))
    assert [(e.text, e.label_) for e in doc.ents] == [("2,000", "CARDINAL"), ("Tajik", "NORP")]
    assert doc._.newslake_model_ents == [[0, 5, "CARDINAL"], [6, 11, "PERSON"]]


def test_reporting_subject_becomes_org() -> None:
    # "In June , Asia - Plus reported that he died ."
    words = ["In", "June", ",", "Asia", "-", "Plus", "reported", "that", "he", "died", "."]
    heads = [6, 0, 6, 5, 5, 6, 6, 9, 9, 6, 6]
    deps = ["prep", "pobj", "punct", "compound", "punct", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    lemmas = ["in", "June", ",", "Asia", "-", "Plus", "report", "that", "he", "die", "."]
    tags = ["IN", "NNP", ",", "NNP", "HYPH", "NNP", "VBD", "IN", "PRP", "VBD", "."]
    ents = ["O", "B-DATE"] + ["O"] * 9
    doc = Doc(VOCAB, words=words, spaces=[True, True, True, False, False] + [True] * 6,
              heads=heads, deps=deps, lemmas=lemmas, tags=tags, ents=ents)
    assert named(fix_entities(doc)) == [("Asia-Plus", "ORG")]


# --- rows ---------------------------------------------------------------------------------

SEED_LIKE = (
    "[Gulmurod Halimov](PERSON) , the commander of the special police ( OMON ) , met "
    "[Edward Lemon](PERSON) in [Dushanbe](ORG) . [Lemon](ORG) said [Halimov](PERSON) joined "
    "[Nusrat Nazarov](PERSON) , who is also called [Abu Kholidi Kulobi](ORG) . "
    "[Tajiks](NORP) and a [Tajik](PERSON) fought near [Raqqa](GPE) , [Syria](GPE) ."
)


def rows(marked: str, doc_id: str = "d1"):
    doc = fix_entities(make_doc(marked))
    return doc, extract_entities(doc, doc_id=doc_id, extractor_version=ENTITIES_VERSION)


def test_entities_group_mentions() -> None:
    _, res = rows(SEED_LIKE)
    by_name = {e.name: e for e in res.entities}
    assert by_name["Gulmurod Halimov"].aliases == ("Halimov",)
    assert by_name["Edward Lemon"].aliases == ("Lemon",)
    assert by_name["Edward Lemon"].mention_count == 2
    nazarov = by_name["Nusrat Nazarov"]  # the alias is longer but never the name
    assert nazarov.label == "PERSON" and nazarov.aliases == ("Abu Kholidi Kulobi",)
    tajik = by_name["Tajik"]
    assert tajik.label == "NORP" and tajik.aliases == ("Tajiks",) and tajik.country_code is None
    assert by_name["OMON"].label == "ORG"
    assert set(by_name) == {"Gulmurod Halimov", "OMON", "Edward Lemon", "Dushanbe",
                            "Nusrat Nazarov", "Tajik", "Raqqa", "Syria"}


def test_places_are_geocoded_and_keyed_by_geonames_id() -> None:
    _, res = rows(SEED_LIKE)
    raqqa = next(e for e in res.entities if e.name == "Raqqa")
    place = default_gazetteer().resolve("Raqqa")
    assert (raqqa.country_code, raqqa.geonames_id, raqqa.latitude) == ("SY", place.geonames_id, place.latitude)
    assert raqqa.entity_id == stable_id("ent", "PLACE", f"geonames:{place.geonames_id}")
    lemon = next(e for e in res.entities if e.name == "Edward Lemon")
    assert lemon.entity_id == stable_id("ent", "PERSON", "edward lemon")
    assert lemon.geonames_id is None and lemon.country_code is None


def test_same_named_places_told_apart_by_document_countries() -> None:
    gaz = default_gazetteer()
    assert len({p.country_code for p in gaz.candidates("Paris")}) > 1
    _, fr = rows("[Paris](GPE) is big .")
    _, us = rows("[Paris](GPE) , [Texas](GPE) is small .")
    assert next(e for e in fr.entities if e.name == "Paris").country_code == "FR"
    assert next(e for e in us.entities if e.name == "Paris").country_code == "US"


def test_unknown_place_takes_country_it_is_said_to_be_in() -> None:
    _, res = rows("the village of Charmagon in [Tajikistan](GPE) .")
    charmagon = next(e for e in res.entities if e.name == "Charmagon")
    assert (charmagon.label, charmagon.country_code, charmagon.geonames_id) == ("GPE", "TJ", None)


def test_country_aliases_are_one_entity() -> None:
    _, res = rows("[United States](GPE) and [U.S.](GPE) officials")
    assert len(res.entities) == 1
    assert res.entities[0].name == "United States" and res.entities[0].aliases == ("U.S.",)


def test_acronym_in_brackets_is_alias_of_org() -> None:
    _, res = rows("the [Kurdistan Workers Party](ORG) ( PKK ) said the PKK ( sic )")
    (pkk,) = res.entities
    assert pkk.name == "Kurdistan Workers Party" and pkk.aliases == ("PKK",)


def test_ids_are_deterministic_across_calls_and_documents() -> None:
    _, a = rows(SEED_LIKE, "doc-a")
    _, b = rows(SEED_LIKE, "doc-a")
    assert a == b
    _, c = rows("Later , [Edward Lemon](PERSON) visited [Syria](GPE) .", "doc-b")
    ids_a = {e.name: e.entity_id for e in a.entities}
    ids_c = {e.name: e.entity_id for e in c.entities}
    assert ids_c["Edward Lemon"] == ids_a["Edward Lemon"]
    assert ids_c["Syria"] == ids_a["Syria"]
    assert {m.mention_id for m in c.mentions}.isdisjoint({m.mention_id for m in a.mentions})


def test_mention_rows() -> None:
    doc, res = rows(SEED_LIKE)
    assert [m.mention_id for m in res.mentions] == [
        stable_id("men", "d1", m.start_char, m.end_char) for m in res.mentions]
    ent_ids = {e.entity_id for e in res.entities}
    for m in res.mentions:
        assert doc.text[m.start_char:m.end_char] == m.text
        assert m.entity_id in ent_ids and m.doc_id == "d1" and m.extractor_version == ENTITIES_VERSION
    labels = {m.text: (m.label, m.model_label) for m in res.mentions}
    assert labels["Lemon"] == ("PERSON", "ORG")
    assert labels["OMON"] == ("ORG", "")  # added by a rule
    assert labels["Syria"] == ("GPE", "GPE")
    counts = {e.entity_id: e.mention_count for e in res.entities}
    assert sum(counts.values()) == len(res.mentions)


def test_sentence_index_from_parsed_sentences() -> None:
    doc = make_doc("[Lemon](PERSON) spoke . Then [Syria](GPE) .", sent_starts=[1, 0, 0, 1, 0, 0])
    res = extract_entities(doc, doc_id="d", extractor_version="v")
    assert [(m.text, m.sentence_index) for m in res.mentions] == [("Lemon", 0), ("Syria", 1)]


@pytest.mark.parametrize(
    "name, key", [("The  Islamic State", "islamic state"), ("Tajikistan’s", "tajikistan's"), ("Kŭlob", "kŭlob")]
)
def test_entity_key(name: str, key: str) -> None:
    assert entity_key(name) == key


WORDS = ["Edward", "Lemon", "met", "Tajiks", "in", "Dushanbe", "and", "the", "Kremlin", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(1, 3),
                          st.sampled_from(["PERSON", "ORG", "GPE", "NORP", "DATE"])), max_size=5),
       st.lists(st.booleans(), min_size=10, max_size=10))
def test_offsets_always_match_text(spans, spaces) -> None:
    ents, taken = [], set()
    for start, length, label in spans:
        end = min(start + length, len(WORDS))
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            ents.append((start, end, label))
    iob = ["O"] * len(WORDS)
    for s, e, label in ents:
        iob[s:e] = [f"B-{label}"] + [f"I-{label}"] * (e - s - 1)
    doc = fix_entities(Doc(VOCAB, words=WORDS, spaces=spaces, ents=iob))
    res = extract_entities(doc, doc_id="h", extractor_version="v")
    assert all(doc.text[m.start_char:m.end_char] == m.text for m in res.mentions)
    assert all(doc.text[e.start_char:e.end_char] in {e.name, *e.aliases} for e in res.entities)
    assert len({e.entity_id for e in res.entities}) == len(res.entities)
    assert res == extract_entities(doc, doc_id="h", extractor_version="v")


@pytest.mark.parametrize(
    "marked, expected",
    [
        ("[Smith](PERSON) called [Jones](PERSON) twice", 2),  # a verb, not an alias
        ("[John Smith](PERSON) , called [Big John](PERSON) , left", 1),
        ("[John Smith](PERSON) a.k.a. [Big John](PERSON) left", 1),
        ("[John Smith](PERSON) alias [Big John](PERSON) left", 1),
    ],
)
def test_alias_cues_that_are_verbs_need_a_comma(marked: str, expected: int) -> None:
    _, res = rows(marked)
    assert len(res.entities) == expected


@pytest.mark.parametrize(
    "marked, merged",
    [
        # initials of the name are the acronym
        ("the [Asian Development Bank](ORG) said the [ADB](ORG) will lend", {"Asian Development Bank": ("ADB",)}),
        # small words may be skipped or kept
        ("[Bank of England](ORG) and the [BOE](ORG)", {"Bank of England": ("BOE",)}),
        # initials that begin the acronym ("Islamic State of Iraq and ...")
        ("the [Islamic State](ORG) ... [ISIL](ORG) fighters", {"Islamic State": ("ISIL",)}),
        # an exact match wins over a prefix match
        ("[British Airways](ORG) , [British American Tobacco](ORG) and [BAT](ORG)",
         {"British Airways": (), "British American Tobacco": ("BAT",)}),
        # two names qualify: no merge
        ("[National Bank](ORG) , [Northern Bank](ORG) and [NB](ORG)", {"National Bank": (), "Northern Bank": ()}),
        # a name holding an acronym abbreviates nothing
        ("[Chicago NAPM](ORG) on [CNBC](ORG)", {"Chicago NAPM": ()}),
        # a place is not an organisation
        ("[Upper Volta](GPE) and the [UV](ORG) index", {"Upper Volta": ()}),
        # initials do not match
        ("[Asian Development Bank](ORG) and [IMF](ORG)", {"Asian Development Bank": ()}),
    ],
)
def test_acronym_of_a_name_in_the_document_is_that_org(marked: str, merged: dict) -> None:
    _, res = rows(marked)
    got = {e.name: e.aliases for e in res.entities}
    for name, aliases in merged.items():
        assert got[name] == aliases
    assert len(res.entities) == len({m.text for m in res.mentions}) - sum(map(len, merged.values()))
