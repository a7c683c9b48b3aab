"""Entity roles on hand-built parsed Docs (invented sentences), and a few with the real model.

A sentence is written one token a line as ``index word dep head [LABEL]``: the head is the
absolute index of the head token; a label opens or continues an entity (``B-`` is added for
the first token of a run of the same label).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newslake.transforms.entities.extract import extract_entities
from newslake.transforms.entities.roles import ROLES_VERSION, extract_roles
from newslake.transforms.types import SpanEntityLookup

VOCAB = spacy.blank("en").vocab
LEMMAS = {"is": "be", "was": "be", "militants": "militant"}
POS = {"det": "DET", "punct": "PUNCT", "prep": "ADP", "case": "PART", "amod": "ADJ", "relcl": "VERB",
       "ROOT": "VERB", "advmod": "ADV", "poss": "PROPN"}


def _pos(word: str, dep: str) -> str:
    if not word[0].isalnum():
        return "PUNCT"
    if word in ("who", "his"):
        return "PRON"
    if word in ("is", "was"):
        return "AUX"
    return POS.get(dep, "PROPN" if word[0].isupper() else "NOUN")


def parsed(table: str) -> Doc:
    words, deps, heads, ents = [], [], [], []
    for line in table.strip().splitlines():
        i, word, dep, head, *label = line.split()
        assert int(i) == len(words), line
        words.append(word)
        deps.append(dep)
        heads.append(int(head))
        lab = label[0] if label else "O"
        cont = lab != "O" and ents and ents[-1][2:] == lab
        ents.append("O" if lab == "O" else f"{'I' if cont else 'B'}-{lab}")
    pos = [_pos(w, d) for w, d in zip(words, deps)]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
               lemmas=[LEMMAS.get(w, w.lower()) for w in words])


def roles(doc: Doc, lookup=None):
    res = extract_entities(doc, doc_id="d", extractor_version="v")
    lookup = lookup or SpanEntityLookup.from_triples((m.start_char, m.end_char, m.entity_id) for m in res.mentions)
    names = {e.entity_id: e.name for e in res.entities}
    rows = extract_roles(doc, doc_id="d", entities=lookup, extractor_version=ROLES_VERSION)
    for r in rows:
        assert doc.text[r.start_char:r.end_char] == r.role and r.extractor_version == ROLES_VERSION
    return [(names[r.entity_id], r.role, r.role_head, r.organisation_text,
             names.get(r.organisation_entity_id), r.is_former) for r in rows]


APPOSITION = """
0 Gulnara compound 1 PERSON
1 Rahimova nsubj 17 PERSON
2 , punct 1
3 the det 5
4 former amod 5
5 commander appos 1
6 of prep 5
7 the det 9
8 border compound 9
9 police pobj 6
10 ( punct 9
11 OMON appos 9 ORG
12 ) punct 9
13 who nsubj 14
14 left relcl 9
15 , punct 1
16 later advmod 17
17 spoke ROOT 17
18 . punct 17
"""
POSSESSOR = """
0 Ivanov nsubj 7 PERSON
1 , punct 0
2 Russia poss 5 GPE
3 's case 2
4 foreign amod 5
5 minister appos 0
6 , punct 0
7 said ROOT 7
8 . punct 7
"""
TITLE = """
0 Kremlin compound 1 ORG
1 spokesman compound 3
2 Dmitry compound 3 PERSON
3 Petrov nsubj 4 PERSON
4 spoke ROOT 4
5 . punct 4
"""
EX_TITLE = """
0 ex amod 2
1 - punct 2
2 President compound 4
3 Juan compound 4 PERSON
4 Cruz nsubj 5 PERSON
5 resigned ROOT 5
6 . punct 5
"""
BEFORE_NAME = """
0 The det 2
1 deputy amod 2
2 head nsubj 10
3 of prep 2
4 the det 5
5 agency pobj 3
6 , punct 2
7 Ana compound 8 PERSON
8 Sousa appos 2 PERSON
9 , punct 2
10 resigned ROOT 10
11 . punct 10
"""
COPULA = """
0 Ana compound 1 PERSON
1 Sousa nsubj 2 PERSON
2 is ROOT 2
3 a det 5
4 senior amod 5
5 analyst attr 2
6 at prep 5
7 Acme compound 8 ORG
8 Bank pobj 6 ORG
9 . punct 2
"""


@pytest.mark.parametrize("table, expected", [
    (APPOSITION, ("Gulnara Rahimova", "former commander of the border police ( OMON )", "commander",
                  "the border police ( OMON )", "OMON", True)),
    (POSSESSOR, ("Ivanov", "Russia 's foreign minister", "foreign minister", "Russia", "Russia", False)),
    (TITLE, ("Dmitry Petrov", "Kremlin spokesman", "spokesman", "Kremlin", "Kremlin", False)),
    (EX_TITLE, ("Juan Cruz", "ex - President", "president", None, None, True)),
    (BEFORE_NAME, ("Ana Sousa", "deputy head of the agency", "deputy head", "the agency", None, False)),
    (COPULA, ("Ana Sousa", "senior analyst at Acme Bank", "senior analyst", "Acme Bank", "Acme Bank", False)),
])
def test_role_patterns(table: str, expected: tuple) -> None:
    assert roles(parsed(table)) == [expected]


DESCRIPTION = """
0 Edward compound 1 PERSON
1 Lime nsubj 7 PERSON
2 , punct 1
3 who nsubj 4
4 researches relcl 1
5 militants dobj 4
6 , punct 1
7 spoke ROOT 7
8 . punct 7
"""
KINSHIP = """
0 his poss 1
1 brother compound 2
2 Saidov nsubj 3 PERSON
3 arrived ROOT 3
4 . punct 3
"""
UNTIED = """
0 The det 1
1 minister nsubj 2
2 met ROOT 2
3 Ana compound 4 PERSON
4 Sousa dobj 2 PERSON
5 . punct 2
"""


@pytest.mark.parametrize("table", [DESCRIPTION, KINSHIP, UNTIED], ids=["description", "kinship", "untied"])
def test_not_roles(table: str) -> None:
    assert roles(parsed(table)) == []


def test_holder_unknown_to_the_lookup_or_no_parse_gives_no_rows() -> None:
    assert roles(parsed(POSSESSOR), SpanEntityLookup([])) == []
    doc = Doc(VOCAB, words=["Ivanov", ",", "the", "minister"], ents=["B-PERSON", "O", "O", "O"])
    assert extract_roles(doc, doc_id="d", entities=SpanEntityLookup([(0, 6, "e")]), extractor_version="v") == []


def test_role_ids_are_stable_and_keyed_by_document_and_offsets() -> None:
    from newslake.transforms.ids import stable_id

    doc = parsed(APPOSITION)
    lookup = SpanEntityLookup([(0, 16, "ent_x")])
    (a,) = extract_roles(doc, doc_id="d1", entities=lookup, extractor_version="v")
    (b,) = extract_roles(doc, doc_id="d1", entities=lookup, extractor_version="v")
    (c,) = extract_roles(doc, doc_id="d2", entities=lookup, extractor_version="v")
    assert a == b and a.role_id == stable_id("rol", "d1", a.start_char, a.end_char) != c.role_id
    assert a.entity_id == "ent_x"


@pytest.mark.model
def test_roles_with_the_model_on_invented_sentences() -> None:
    from newslake.transforms.pipeline import load_nlp

    text = ("Foreign Minister Sergei Lavrov met Anna Kowalski, the former head of the central bank "
            "(NBP) who resigned in May. John Smith, a spokesman for the Red Cross, said so.")
    doc = load_nlp()(text)
    got = {(r[0], r[1]) for r in roles(doc)}
    assert ("Sergei Lavrov", "Foreign Minister") in got
    assert ("Anna Kowalski", "former head of the central bank (NBP)") in got
    assert ("John Smith", "spokesman for the Red Cross") in got
