"""Claims v8 on real parses of invented sentences: trailing conjuncts and coordinated infinitives
stay in the content, a bracket the content opens is closed, a second subject the parse took from
the content is the content's, a name after a capitalised title is the speaker, a capitalised
title is no name, a statement's owner is the subject of the verb it is given in."""

from __future__ import annotations

import pytest

from test_claims_speakers import _claims, nlp  # noqa: F401  (the module-scoped model fixture)

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, cue, content", [
    # a speech verb coordinated with the content's verb is the content's subject acting, not the speaker
    ("A World Bank statement said the meeting attended by 15 donor countries noted with satisfaction an "
     "improvement in Morocco's performance and urged it to continue its efforts.", "said",
     "the meeting attended by 15 donor countries noted with satisfaction an improvement in Morocco's "
     "performance and urged it to continue its efforts"),
    ("The chairman said the company is in excellent condition and expects record earnings in the second half.",
     "said", "the company is in excellent condition and expects record earnings in the second half"),
    # a bare infinitive hung on a finite intention verb continues its infinitive
    ("Morocco intended to stop rescheduling its debts, and pay them off instead.", "intended",
     "to stop rescheduling its debts, and pay them off instead"),
    # a noun hung on the cue verb continues the content's noun phrase
    ("Adsteam said it sees 1987/88 as a year of reconstruction and consolidation with the capital base "
     "boosted by the issue.", "sees",
     "1987/88 as a year of reconstruction and consolidation with the capital base boosted by the issue"),
    # "for X to do": who is to do it belongs to the intention
    ("Danners Inc said it has agreed in principle for Indian LP, a partnership associated with Sherman Clay "
     "Group, to purchase 100,000 shares for two mln dlrs.", "agreed",
     "for Indian LP, a partnership associated with Sherman Clay Group, to purchase 100,000 shares for two mln dlrs"),
    # a bracket opened in the content is closed in it
    ("The company said it would buy Acme Corp <ACME.O> and its unit Beta Inc (Beta) for 10 mln dlrs.", "said",
     "it would buy Acme Corp <ACME.O> and its unit Beta Inc (Beta)"),
])
def test_content_runs_to_the_end_of_what_was_said(nlp, text: str, cue: str, content: str) -> None:  # noqa: F811
    _, claims = _claims(nlp, text)
    assert content in [c.content for c in claims if c.cue == cue]


def test_a_second_subject_taken_from_the_content_stays_content(nlp) -> None:  # noqa: F811
    text = ("The dry fall damaged pastures, the cold winter raised feed demands and a late spring would require "
            "longer feeding, they said.")
    _, claims = _claims(nlp, text)
    (said,) = [c for c in claims if c.cue == "said"]
    assert said.speaker_text == "they"
    assert said.content.startswith("The dry fall damaged pastures, the cold winter")


def test_a_name_after_a_capitalised_title_and_its_post_is_the_speaker(nlp) -> None:  # noqa: F811
    text = ("Details of the agreement will be released after the signing on Thursday, Portuguese Ambassador "
            "to Peking Octavio Valerio said.")
    _, (claim,) = _claims(nlp, text, [("Portuguese", "NORP"), ("Octavio Valerio", "PERSON")])
    assert claim.speaker_text == "Portuguese Ambassador to Peking Octavio Valerio"
    assert (claim.speaker_kind, claim.speaker_entity_id) == ("named", "ent_Valerio")


def test_a_representative_is_not_the_person_represented(nlp) -> None:  # noqa: F811
    text = "An attorney for shareholder John Paul Decker said he filed suit on Friday."
    _, (claim,) = _claims(nlp, text, [("John Paul Decker", "PERSON")])
    assert claim.speaker_entity_id is None


def test_a_capitalised_title_names_nobody(nlp) -> None:  # noqa: F811
    text = '"We want more influence," the U.S. Official added. He said the imbalance was improving slowly.'
    _, claims = _claims(nlp, text, [("U.S.", "GPE")])
    assert [(c.speaker_text, c.speaker_entity_id) for c in claims] == [
        ("the U.S. Official", None), ("He", None)]
    assert claims[0].speaker_kind == "unnamed"


def test_a_statement_is_its_giver_s(nlp) -> None:  # noqa: F811
    text = "Pioneer recommended in a statement that shareholders retain their stock."
    _, (claim,) = _claims(nlp, text, [("Pioneer", "ORG")])
    assert (claim.cue, claim.speaker_text, claim.speaker_entity_id) == ("statement", "Pioneer", "ent_Pioneer")


def test_a_wire_name_in_angle_brackets_closes_the_content(nlp) -> None:  # noqa: F811
    text = "Supermarkets General Corp said it agreed to sell 11 super drug stores to <F and M Distributors>."
    _, claims = _claims(nlp, text)
    assert {c.cue: c.content for c in claims}["agreed"] == "to sell 11 super drug stores to <F and M Distributors>"


def test_what_is_yet_to_be_shown_is_no_claim(nlp) -> None:  # noqa: F811
    text = "U.S. officials said the curbs would not be dropped until Japan had shown it was honoring the pact."
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == ["said"]


def test_a_future_speech_verb_tags_no_quotation(nlp) -> None:  # noqa: F811
    text = 'The company said in a filing that it will continue "on an ongoing basis to study all aspects of the business."'
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == ["said"]


def test_coordinated_subjects_keep_the_first(nlp) -> None:  # noqa: F811
    _, (claim,) = _claims(nlp, "Many remisiers and dealers criticised the exchange for not cutting fees.")
    assert claim.speaker_text.startswith("Many remisiers")


def test_a_description_never_stands_for_a_country_or_a_lower_case_word(nlp) -> None:  # noqa: F811
    text = ("El Salvador and Guatemala said they backed Brazil at the London talks. But Costa Rica joined the "
            "splinter group, which said it would agree to objective criteria.")
    _, claims = _claims(nlp, text, [("El Salvador", "GPE"), ("Guatemala", "GPE"), ("Brazil", "GPE"),
                                    ("London", "GPE"), ("Costa Rica", "GPE")])
    group = _by_content_(claims, "objective criteria")
    assert group.speaker_entity_id is None
    text = "The board raised the dividend to 10 cts. The company said it has no plans to issue shares."
    _, claims = _claims(nlp, text, [("cts", "ORG")])
    assert _by_content_(claims, "no plans").speaker_entity_id is None


def test_a_name_and_the_people_with_it_speak_together(nlp) -> None:  # noqa: F811
    _, (claim,) = _claims(nlp, "Gros and the bankers said the talks would resume next week.", [("Gros", "PERSON")])
    assert (claim.speaker_text, claim.speaker_entity_id) == ("Gros and the bankers", "ent_Gros")


def _by_content_(claims, words: str):
    return next(c for c in claims if words in c.content)


def test_a_group_described_again_is_not_the_company_it_bought_into(nlp) -> None:  # noqa: F811
    text = ("A group led by Halcyon Investments said it has acquired 486,400 shares of Atlantic Research Corp, or "
            "6.4 pct of the stock. The group said it has no plans to seek control of Atlantic Research.")
    _, claims = _claims(nlp, text, [("Halcyon Investments", "ORG"), ("Atlantic Research Corp", "ORG"),
                                    ("Atlantic Research", "ORG")])
    assert _by_content_(claims, "no plans").speaker_entity_id is None
    # a company named as a subject before is still what "the company" stands for
    _, claims = _claims(nlp, "Acme Corp said profits rose. The company said it would expand.", [("Acme Corp", "ORG")])
    assert _by_content_(claims, "expand").speaker_entity_id == "ent_Corp"


def test_according_to_stops_before_another_source_s_tag(nlp) -> None:  # noqa: F811
    text = ("According to filings with the Securities and Exchange Commission, Mark IV owns at least 17.6 pct of "
            "Baird's stock and may attempt to acquire Baird, Baird said.")
    _, claims = _claims(nlp, text)
    assert {c.cue: c.content for c in claims}["According to"] == (
        "Mark IV owns at least 17.6 pct of Baird's stock and may attempt to acquire Baird")


def test_a_market_force_supporting_another_is_no_stance(nlp) -> None:  # noqa: F811
    _, claims = _claims(nlp, "Firm fob prices in the Argentine market supported sunflowerseed oil values.")
    assert claims == []
    _, (claim,) = _claims(nlp, "The senator will support the bill.")
    assert claim.content == "the bill"


def test_a_capitalised_description_stands_for_the_organisation(nlp) -> None:  # noqa: F811
    text = "The Statistics Bureau said the deficit fell. The Bureau noted that Australia's terms of trade had fallen."
    _, claims = _claims(nlp, text, [("The Statistics Bureau", "ORG")])
    noted = _by_content_(claims, "terms of trade")
    assert (noted.speaker_kind, noted.speaker_entity_id) == ("role", "ent_Bureau")


def test_it_is_the_source_that_spoke_not_the_country_it_reports_on(nlp) -> None:  # noqa: F811
    text = ("The U.S. Agriculture Department said Japan bought corn. With these purchases, Japan is committed to "
            "buying 7.7 mln tonnes. South Korea's commitments amount to 2.5 mln tonnes, it said.")
    _, claims = _claims(nlp, text, [("The U.S. Agriculture Department", "ORG"), ("Japan", "GPE"),
                                    ("Japan", "GPE"), ("South Korea", "GPE")])
    assert _by_content_(claims, "South Korea").speaker_entity_id == "ent_Department"
    _, claims = _claims(nlp, "Japan said exports rose. It said imports fell.", [("Japan", "GPE")])
    assert _by_content_(claims, "imports").speaker_entity_id == "ent_Japan"


def test_a_speaker_never_reaches_into_the_paragraph_before(nlp) -> None:  # noqa: F811
    text = ("The plant will be built by a consortium including Japan's Marubeni Corp.\n\nCombustion Engineering "
            "said the project is valued at about 30 mln dlrs.")
    _, claims = _claims(nlp, text, [("Japan", "GPE"), ("Marubeni Corp.", "ORG"), ("Combustion Engineering", "ORG")])
    assert [c.speaker_text for c in claims] == ["Combustion Engineering"]


def test_a_refusal_to_say_more_is_the_writer_s(nlp) -> None:  # noqa: F811
    text = ("He also said Reeves and Walsh had been paid a total of 562,000 stg in compensation following their "
            "resignations, but declined to say how much each man got.")
    _, claims = _claims(nlp, text)
    assert {c.cue: c.content for c in claims}["said"] == (
        "Reeves and Walsh had been paid a total of 562,000 stg in compensation following their resignations")


def test_a_speech_verb_that_cannot_share_the_content_s_modal_is_the_speaker_s(nlp) -> None:  # noqa: F811
    text = ("West German finance minister Gerhard Stoltenberg suggested that the U.K. should join the European "
            "Monetary System and also urged some member countries to abandon controls.")
    _, claims = _claims(nlp, text, [("Gerhard Stoltenberg", "PERSON"), ("U.K.", "GPE")])
    by_cue = {c.cue: c for c in claims}
    assert by_cue["suggested"].content == "that the U.K. should join the European Monetary System"
    assert by_cue["urged"].speaker_entity_id == "ent_Stoltenberg"


def test_a_relative_clause_s_subject_is_not_the_speaker(nlp) -> None:  # noqa: F811
    text = "<AB Catena>, in which AB Volvo <VOLV.ST> has a 48 pct stake, said it was proposing a two-for-five stock issue."
    _, claims = _claims(nlp, text)
    assert {c.cue: c.speaker_text for c in claims}["said"] == "AB Catena"


def test_a_phrase_opening_the_content_stays_in_it(nlp) -> None:  # noqa: F811
    text = ("The department said in the Corn Belt and Northern Plains, which suffered severe losses in the past "
            "five years, declines appear to be moderating.")
    _, (claim,) = _claims(nlp, text)
    assert claim.content.startswith("in the Corn Belt and Northern Plains")
    _, (claim,) = _claims(nlp, "Smith said in a statement, prices would rise.")
    assert claim.content == "prices would rise"


def test_a_nested_belief_does_not_hedge_the_claim_holding_it(nlp) -> None:  # noqa: F811
    text = "It added the council believed an intensification of monetary policy is not called for."
    _, claims = _claims(nlp, text)
    by_cue = {c.cue: c for c in claims}
    assert by_cue["added"].certainty == "reported" and by_cue["believed"].certainty == "hedged"
    _, claims = _claims(nlp, "Officials said the ship was believed to be Iranian.")
    assert {c.cue: c.certainty for c in claims}["said"] == "hedged"


def test_the_company_is_not_a_lender_named_in_a_speaker_s_claim(nlp) -> None:  # noqa: F811
    text = ("Banner also said it received 310 mln dlrs pursuant to a credit agreement with <Citicorp Industrial "
            "Credit Inc>. The merger will be completed before mid-May, the company said.")
    _, claims = _claims(nlp, text, [("Citicorp Industrial Credit Inc", "ORG")])
    assert _by_content_(claims, "merger").speaker_entity_id is None
