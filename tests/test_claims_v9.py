"""Claims v9 on real parses of invented sentences: a one-word company name that is also a title
("Premier", "Pope") is a name; coordinated speakers are looked up by the first of them ("Connery
and other analysts") and are a "they" together ("Acme Corp and Beta Inc said they agreed"); a
description coordinated with a name speaks with it ("the company and Smith said"); a hedge inside
an embedded question ("whether it might") does not hedge the claim."""

from __future__ import annotations

import pytest

from test_claims_speakers import _claims, nlp  # noqa: F401  (the module-scoped model fixture)

pytestmark = pytest.mark.model


def _by_content(claims, words: str):
    return next(c for c in claims if words in c.content)


@pytest.mark.parametrize("name, full, entity", [
    ("Premier", "Premier Foods Holdings Ltd", "ent_Ltd"),
    ("Pope", "Pope Industries Inc", "ent_Inc"),
    ("General", "General Instrument Corp", None),  # "General" is the first word of too many firms
])
def test_a_one_word_company_name_that_is_also_a_title_is_a_name(nlp, name: str, full: str, entity) -> None:  # noqa: F811
    text = f"{full} reported lower sales in 1986. {name} said its profits would rise next year."
    _, claims = _claims(nlp, text, [(full, "ORG")])
    claim = _by_content(claims, "profits")
    assert (claim.speaker_text, claim.speaker_kind, claim.speaker_entity_id) == (name, "named", entity)


@pytest.mark.parametrize("name", ["Premier", "Pope", "General"])
def test_a_one_word_name_that_is_also_a_title_is_a_name_on_its_own(nlp, name: str) -> None:  # noqa: F811
    _, (claim,) = _claims(nlp, f"{name} said its profits rose 20 pct in the first half.", [])
    assert (claim.speaker_text, claim.speaker_kind) == (name, "named")


def test_a_title_with_a_determiner_or_modifier_is_still_no_name(nlp) -> None:  # noqa: F811
    _, claims = _claims(nlp, "The Premier said taxes would fall. The French Premier said they would not.")
    assert [c.speaker_kind for c in claims] == ["unnamed", "unnamed"]


def test_it_after_a_short_form_is_the_organisation(nlp) -> None:  # noqa: F811
    text = ("Pope Industries Inc reported record sales in 1986. Pope said demand was strong. "
            "It said it expects higher earnings in 1987.")
    _, claims = _claims(nlp, text, [("Pope Industries Inc", "ORG")])
    it = _by_content(claims, "higher earnings")
    assert (it.speaker_text, it.speaker_entity_id) == ("It", "ent_Inc")


def test_a_name_coordinated_with_other_people_keeps_its_entity(nlp) -> None:  # noqa: F811
    text = ("Analyst Robert Connery of Smith Barney said oil prices were weak. Connery and other analysts said "
            "OPEC would hold its prices.")
    _, claims = _claims(nlp, text, [("Robert Connery", "PERSON"), ("Smith Barney", "ORG"), ("OPEC", "ORG")])
    claim = _by_content(claims, "OPEC")
    assert claim.speaker_text == "Connery and other analysts"
    assert (claim.speaker_kind, claim.speaker_entity_id) == ("named", "ent_Connery")


def test_two_companies_that_speak_together_are_they(nlp) -> None:  # noqa: F811
    text = "Acme Corp and Beta Inc said they agreed to merge. They said the merger would be completed by June."
    _, claims = _claims(nlp, text, [("Acme Corp", "ORG"), ("Beta Inc", "ORG")])
    said = _by_content(claims, "they agreed")
    assert (said.speaker_text, said.speaker_entity_id) == ("Acme Corp and Beta Inc", "ent_Corp")
    agreed = next(c for c in claims if c.cue == "agreed")
    assert (agreed.speaker_text, agreed.speaker_entity_id) == ("they", "ent_Corp")
    assert agreed.source_chain[-1] == "Acme Corp and Beta Inc"
    later = _by_content(claims, "completed by June")
    assert later.speaker_entity_id == "ent_Corp"


def test_two_companies_as_subjects_are_a_later_they(nlp) -> None:  # noqa: F811
    text = "Acme Corp and Beta Inc signed a merger agreement on Monday. They said the deal was worth 40 mln dlrs."
    _, claims = _claims(nlp, text, [("Acme Corp", "ORG"), ("Beta Inc", "ORG")])
    they = _by_content(claims, "worth")
    assert (they.speaker_entity_id, they.source_chain[-1]) == ("ent_Corp", "Acme Corp and Beta Inc")


def test_a_company_description_and_a_name_speak_together(nlp) -> None:  # noqa: F811
    text = "Acme Corp named John Smith president. The company and Smith said the sale would close in May."
    _, claims = _claims(nlp, text, [("Acme Corp", "ORG"), ("John Smith", "PERSON"), ("Smith", "PERSON")])
    claim = _by_content(claims, "the sale")
    assert claim.speaker_text == "The company and Smith"
    assert (claim.speaker_kind, claim.speaker_entity_id) == ("role", "ent_Corp")


def test_a_hedge_inside_an_embedded_question_does_not_hedge_the_claim(nlp) -> None:  # noqa: F811
    _, claims = _claims(nlp, "Acme Corp said it was studying whether it might sell the unit.", [("Acme Corp", "ORG")])
    assert {c.cue: c.certainty for c in claims}["said"] == "reported"
    _, claims = _claims(nlp, "Acme Corp said the unit might be sold.", [("Acme Corp", "ORG")])
    assert {c.cue: c.certainty for c in claims}["said"] == "hedged"


def test_a_group_of_countries_and_a_country_speak_together(nlp) -> None:  # noqa: F811
    text = "European nations and Japan believe the dollar has fallen far enough, officials said."
    _, claims = _claims(nlp, text, [("European", "NORP"), ("Japan", "GPE")])
    believe = next(c for c in claims if c.cue == "believe")
    assert (believe.speaker_text, believe.speaker_entity_id) == ("European nations and Japan", "ent_Japan")


def test_a_free_relative_is_no_embedded_question(nlp) -> None:  # noqa: F811
    text = ('"I think what the market sensed today is that there is a reminder here for Pennzoil that they may '
            'reach for the stars," Sales said.')
    _, claims = _claims(nlp, text)
    assert {c.cue: c.certainty for c in claims}["said"] == "hedged"
    _, claims = _claims(nlp, "The company said it did not know how much the plant might cost.")
    assert {c.cue: c.certainty for c in claims}["said"] == "reported"


def test_a_wire_name_s_possessive_is_not_the_speaker_s_and_its_bracket_is_content(nlp) -> None:  # noqa: F811
    text = ("Telecom Plus International Inc said <Siemens AG>'s Siemens Information Systems wants to amend its "
            "agreement to purchase the unit.")
    _, claims = _claims(nlp, text)
    by_cue = {c.cue: c for c in claims}
    assert by_cue["wants"].speaker_text == "Siemens Information Systems"
    assert by_cue["said"].content.startswith("<Siemens AG>'s Siemens Information Systems wants")


def test_a_surname_with_its_particle_is_the_person(nlp) -> None:  # noqa: F811
    text = ('Duquesne Light Co president Wesley von Schack told shareholders that rates will rise. "The law denies '
            'shareholders a fair return," von Schack told shareholders at the annual meeting.')
    _, claims = _claims(nlp, text, [("Duquesne Light Co", "ORG"), ("Wesley von Schack", "PERSON")])
    quote = _by_content(claims, "fair return")
    assert (quote.speaker_text, quote.speaker_entity_id) == ("von Schack", "ent_Schack")


def test_only_who_can_speak_takes_a_stance(nlp) -> None:  # noqa: F811
    text = "The 20-year loan supports a project aimed at improving the efficiency of fertilizer plants, the bank said."
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == ["said"]
    _, claims = _claims(nlp, "The senator supports the bill. Farmers oppose the plan.")
    assert [(c.cue, c.content) for c in claims] == [("supports", "the bill"), ("oppose", "the plan")]
    _, claims = _claims(nlp, "A majority of the deputies oppose the new tax.")
    assert [c.cue for c in claims] == ["oppose"]
