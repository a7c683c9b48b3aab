"""Claims v7 rules on hand-built parses (the parses en_core_web_sm gives these invented sentences):
a time of the saying is not content, lists hung on the cue stay whole, the name beside a
description is the speaker, coordinated names speak together, no dateline in a speaker,
"seek"/"find it hard" make no claim, a bare pronoun is no content."""

from __future__ import annotations

import pytest

from test_claims import mk, run

SAID_MONDAY_THAT = """
The the DET DT det 1
company company NOUN NN nsubj 2
said say VERB VBD ROOT 2
Monday Monday PROPN NNP npadvmod 2
that that SCONJ IN mark 7
it it PRON PRP nsubj 7
would would AUX MD aux 7
close close VERB VB ccomp 2
the the DET DT det 9
plant plant NOUN NN dobj 7
. . PUNCT . punct 2
"""
SAID_LAST_WEEK = """
The the DET DT det 1
ministry ministry NOUN NN nsubj 2
said say VERB VBD ROOT 2
last last ADJ JJ amod 4
week week NOUN NN npadvmod 2
the the DET DT det 6
deficit deficit NOUN NN nsubj 8
would would AUX MD aux 8
widen widen VERB VB ccomp 2
. . PUNCT . punct 2
"""
SAID_LAST_WEEKS_FIGURES = """
The the DET DT det 1
ministry ministry NOUN NN nsubj 2
said say VERB VBD ROOT 2
last last ADJ JJ amod 4
week week NOUN NN poss 6
's 's PART POS case 4
figures figure NOUN NNS nsubj 7
were be AUX VBD ccomp 2
wrong wrong ADJ JJ acomp 7
. . PUNCT . punct 2
"""


@pytest.mark.parametrize("spec, ents, content", [
    (SAID_MONDAY_THAT, ((3, 4, "DATE"),), "that it would close the plant"),
    (SAID_LAST_WEEK, ((3, 5, "DATE"),), "the deficit would widen"),
    # a time that is part of the content (a possessive) stays
    (SAID_LAST_WEEKS_FIGURES, ((3, 6, "DATE"),), "last week 's figures were wrong"),  # mk spaces "'s"
])
def test_the_time_of_the_saying_is_not_content(spec, ents, content) -> None:
    (claim,) = run(mk(spec, ents))
    assert claim.content == content


LIST_ON_THE_CUE = """
He he PRON PRP nsubj 1
said say VERB VBD ROOT 1
prices price NOUN NNS nsubj 3
rose rise VERB VBD ccomp 1
in in ADP IN prep 3
January January PROPN NNP pobj 4
, , PUNCT , punct 3
fell fall VERB VBD ccomp 1
in in ADP IN prep 7
February February PROPN NNP pobj 8
, , PUNCT , punct 7
and and CCONJ CC cc 7
were be AUX VBD conj 7
flat flat ADJ JJ acomp 12
in in ADP IN prep 12
March March PROPN NNP pobj 14
. . PUNCT . punct 1
"""


def test_a_list_the_parse_hung_on_the_cue_stays_whole() -> None:
    (claim,) = run(mk(LIST_ON_THE_CUE))
    assert claim.content == "prices rose in January, fell in February, and were flat in March"


DESCRIPTION_THEN_NAME = """
Its its PRON PRP$ poss 1
chairman chairman NOUN NN nsubj 6
, , PUNCT , punct 1
John John PROPN NNP compound 4
Smith Smith PROPN NNP appos 1
, , PUNCT , punct 1
said say VERB VBD ROOT 6
the the DET DT det 8
merger merger NOUN NN nsubjpass 10
was be AUX VBD auxpass 10
done do VERB VBN ccomp 6
. . PUNCT . punct 6
"""
PARENT_THEN_NAME = """
Its its PRON PRP$ poss 1
parent parent NOUN NN nsubj 6
, , PUNCT , punct 1
Acme Acme PROPN NNP compound 4
Corp Corp PROPN NNP appos 1
, , PUNCT , punct 1
said say VERB VBD ROOT 6
the the DET DT det 8
unit unit NOUN NN nsubjpass 10
was be AUX VBD auxpass 10
sold sell VERB VBN ccomp 6
. . PUNCT . punct 6
"""


@pytest.mark.parametrize("spec, ents, speaker", [
    (DESCRIPTION_THEN_NAME, ((3, 5, "PERSON"),), "John Smith"),
    (PARENT_THEN_NAME, ((3, 5, "ORG"),), "Acme Corp"),
])
def test_the_name_beside_a_description_is_the_speaker(spec, ents, speaker) -> None:
    doc = mk(spec, ents)
    (claim,) = run(doc)
    assert (claim.speaker_text, claim.speaker_kind) == (speaker, "named")
    assert doc.text[claim.speaker_start:claim.speaker_end] == speaker
    assert claim.speaker_entity_id == "ent_0"


def test_an_organisation_is_not_the_name_beside_a_title() -> None:
    doc = mk(DESCRIPTION_THEN_NAME, ((3, 5, "ORG"),))  # "Its chairman, John Smith" read as a company
    (claim,) = run(doc)
    assert claim.speaker_text == "Its chairman"


COORDINATED = """
Treasury Treasury PROPN NNP compound 1
Secretary Secretary PROPN NNP compound 3
James James PROPN NNP compound 3
Baker Baker PROPN NNP nsubj 9
and and CCONJ CC cc 3
Fed Fed PROPN NNP compound 6
Chairman Chairman PROPN NNP compound 8
Paul Paul PROPN NNP compound 8
Volcker Volcker PROPN NNP conj 3
said say VERB VBD ROOT 9
the the DET DT det 11
dollar dollar NOUN NN nsubj 13
had have AUX VBD aux 13
fallen fall VERB VBN ccomp 9
enough enough ADV RB advmod 13
. . PUNCT . punct 9
"""


def test_coordinated_names_speak_together() -> None:
    doc = mk(COORDINATED, ((0, 1, "ORG"), (2, 4, "PERSON"), (5, 6, "ORG"), (7, 9, "PERSON")))
    (claim,) = run(doc)
    assert claim.speaker_text == "Treasury Secretary James Baker and Fed Chairman Paul Volcker"
    assert claim.speaker_entity_id == "ent_1"  # the first member's entity


def test_a_name_and_a_company_are_not_one_speaker() -> None:
    spec = COORDINATED.replace("Paul Paul PROPN", "Acme Acme PROPN").replace("Volcker Volcker", "Corp Corp")
    doc = mk(spec, ((0, 1, "ORG"), (2, 4, "PERSON"), (5, 6, "ORG"), (7, 9, "ORG")))
    (claim,) = run(doc)
    assert claim.speaker_text == "Treasury Secretary James Baker"


DATELINE = """
WASHINGTON WASHINGTON PROPN NNP npadvmod 9
, , PUNCT , punct 9
March March PROPN NNP nmod 6
3 3 NUM CD nummod 2
- - PUNCT HYPH punct 5
Treasury Treasury PROPN NNP compound 6
Secretary Secretary PROPN NNP compound 8
James James PROPN NNP compound 8
Baker Baker PROPN NNP nsubj 9
said say VERB VBD ROOT 9
the the DET DT det 11
dollar dollar NOUN NN nsubj 13
had have AUX VBD aux 13
fallen fall VERB VBN ccomp 9
. . PUNCT . punct 9
"""


def test_no_dateline_in_a_speaker() -> None:
    doc = mk(DATELINE, ((0, 1, "GPE"), (2, 4, "DATE"), (7, 9, "PERSON")))
    (claim,) = run(doc)
    assert claim.speaker_text == "Treasury Secretary James Baker"
    assert claim.content == "the dollar had fallen"


SEEKS = """
Texaco Texaco PROPN NNP nsubj 1
seeks seek VERB VBZ ROOT 1
to to PART TO aux 3
overturn overturn VERB VB xcomp 1
the the DET DT det 5
judgment judgment NOUN NN dobj 3
. . PUNCT . punct 1
"""
FIND_IT_HARD = """
Analysts analyst NOUN NNS nsubj 1
find find VERB VBP ROOT 1
it it PRON PRP nsubj 3
hard hard ADJ JJ ccomp 1
to to PART TO aux 5
believe believe VERB VB advcl 3
that that SCONJ IN mark 9
profits profit NOUN NNS nsubj 9
will will AUX MD aux 9
rise rise VERB VB ccomp 5
. . PUNCT . punct 1
"""
OPPOSED_IT = """
President President PROPN NNP compound 1
Reagan Reagan PROPN NNP nsubj 2
opposed oppose VERB VBD ROOT 2
it it PRON PRP dobj 2
. . PUNCT . punct 2
"""


@pytest.mark.parametrize("spec, ents", [
    (SEEKS, ((0, 1, "ORG"),)),  # an action (a suit), not a statement
    (FIND_IT_HARD, ()),  # a judgment of difficulty, no finding
    (OPPOSED_IT, ((1, 2, "PERSON"),)),  # a stance on "it" says nothing
])
def test_no_claim(spec, ents) -> None:
    assert [(c.cue, c.content) for c in run(mk(spec, ents))] == []


FOUND_THAT = """
Investigators investigator NOUN NNS nsubj 1
found find VERB VBD ROOT 1
that that SCONJ IN mark 6
the the DET DT det 4
pilot pilot NOUN NN nsubj 6
had have AUX VBD aux 6
ignored ignore VERB VBN ccomp 1
the the DET DT det 8
warning warning NOUN NN dobj 6
. . PUNCT . punct 1
"""


def test_investigators_find_that() -> None:
    (claim,) = run(mk(FOUND_THAT))
    assert (claim.speaker_text, claim.cue, claim.content, claim.certainty) == (
        "Investigators", "found", "that the pilot had ignored the warning", "asserted")


DESCRIPTION_THEN_NAME_THEN_HE = DESCRIPTION_THEN_NAME.rstrip() + """
He he PRON PRP nsubj 13
said say VERB VBD ROOT 13
sales sale NOUN NNS nsubj 15
rose rise VERB VBD ccomp 13
. . PUNCT . punct 13
"""


def test_a_pronoun_after_a_description_and_name_stands_for_the_name() -> None:
    doc = mk(DESCRIPTION_THEN_NAME_THEN_HE, ((3, 5, "PERSON"),))
    first, second = run(doc)
    assert first.speaker_text == "John Smith"
    assert (second.speaker_text, second.speaker_entity_id, second.source_chain) == ("He", "ent_0", ("author", "John Smith"))


LIST_THEN_NEW_SENTENCE = """
It it PRON PRP nsubj 1
said say VERB VBD ROOT 1
prices price NOUN NNS nsubj 3
rose rise VERB VBD ccomp 1
. . PUNCT . punct 3
Sales sale NOUN NNS nsubj 6
fell fall VERB VBD ccomp 1
. . PUNCT . punct 6
"""


def test_a_list_is_not_continued_past_a_full_stop() -> None:
    (claim,) = run(mk(LIST_THEN_NEW_SENTENCE))
    assert claim.content == "prices rose"


TOLD_REUTERS = """
Yeutter Yeutter PROPN NNP nsubj 1
told tell VERB VBD ROOT 1
Reuters Reuters PROPN NNP compound 4
trade trade NOUN NN compound 4
disputes dispute NOUN NNS nsubj 6
are be AUX VBP aux 6
increasing increase VERB VBG ccomp 1
. . PUNCT . punct 1
"""


def test_the_addressee_of_told_is_not_content() -> None:
    (claim,) = run(mk(TOLD_REUTERS, ((0, 1, "PERSON"), (2, 3, "ORG"))))
    assert claim.content == "trade disputes are increasing"


SAID_ONE = """
" " PUNCT `` punct 7
It it PRON PRP nsubj 2
is be AUX VBZ ccomp 7
like like ADP IN prep 2
communism communism NOUN NN pobj 3
, , PUNCT , punct 7
" " PUNCT '' punct 7
said say VERB VBD ROOT 7
one one NUM CD nsubj 7
. . PUNCT . punct 7
"""


def test_said_one_has_an_unnamed_speaker() -> None:
    claims = run(mk(SAID_ONE, ((8, 9, "CARDINAL"),)))
    assert [(c.speaker_text, c.speaker_kind) for c in claims] == [("one", "unnamed")]


AGREEMENT_CALLS_FOR = """
The the DET DT det 1
agreement agreement NOUN NN nsubj 2
calls call VERB VBZ ROOT 2
for for ADP IN prep 2
a a DET DT det 6
joint joint ADJ JJ amod 6
venture venture NOUN NN pobj 3
. . PUNCT . punct 2
"""
PRESSED_TO_EXPLAIN = """
The the DET DT det 1
IMF IMF PROPN NNP nsubj 2
pressed press VERB VBD ROOT 2
the the DET DT det 4
government government NOUN NN dobj 2
to to PART TO aux 6
explain explain VERB VB xcomp 2
how how SCONJ WRB advmod 10
it it PRON PRP nsubj 10
would would AUX MD aux 10
pay pay VERB VB ccomp 6
. . PUNCT . punct 2
"""
RELATIVE_PASSIVE = """
The the DET DT det 1
measures measure NOUN NNS nsubj 9
which which PRON WDT dobj 7
Lawson Lawson PROPN NNP nsubjpass 5
is be AUX VBZ auxpass 5
expected expect VERB VBN relcl 1
to to PART TO aux 7
announce announce VERB VB xcomp 5
will will AUX MD aux 9
help help VERB VB ROOT 9
. . PUNCT . punct 9
"""


@pytest.mark.parametrize("spec, ents, cues_left", [
    (AGREEMENT_CALLS_FOR, (), []),  # a term of the agreement, not a demand
    (PRESSED_TO_EXPLAIN, ((1, 2, "ORG"),), ["pressed"]),  # the government would explain, not the IMF
    (RELATIVE_PASSIVE, ((3, 4, "PERSON"),), []),  # "which Lawson is expected to announce" says nothing
])
def test_no_claim_of_instruments_controlled_infinitives_or_relative_passives(spec, ents, cues_left) -> None:
    assert [c.cue for c in run(mk(spec, ents))] == cues_left


DESCRIPTION_AFTER_ITS_ORGANISATION = """
Acme Acme PROPN NNP compound 1
Corp Corp PROPN NNP poss 3
's 's PART POS case 1
profit profit NOUN NN nsubj 5
will will AUX MD aux 5
rise rise VERB VB ccomp 9
, , PUNCT , punct 9
the the DET DT det 8
company company NOUN NN nsubj 9
said say VERB VBD ROOT 9
. . PUNCT . punct 9
"""


def test_a_description_after_the_content_takes_the_organisation_the_content_names() -> None:
    (claim,) = run(mk(DESCRIPTION_AFTER_ITS_ORGANISATION, ((0, 2, "ORG"),)))
    assert (claim.speaker_text, claim.speaker_kind, claim.speaker_entity_id) == ("the company", "role", "ent_0")
