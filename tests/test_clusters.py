"""Cross-document event clusters and conflicts: the rule lives once, as SQL views
(``warehouse/views.py``); these tests run the views on an in-memory DuckDB holding the tables."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from newslake.transforms.events.plover import MODALITIES
from newslake.transforms.ids import stable_id
from newslake.warehouse.schema import LAKE, TABLES, to_table
from newslake.warehouse.views import create_views

D = date


def event(doc: str, n: int = 1, etype: str = "ASSAULT", *, actor=None, target="ent_nazarov", place="ent_raqqa",
          start=None, end=None, source="trigger", modality="asserted", event_id=None) -> dict:
    return dict(event_id=event_id or f"evt_{doc}_{n}", doc_id=doc, event_type=etype, trigger="killed",
                start_char=0, end_char=6,
                actor_entity_id=actor, actor_text=actor, actor_start=None, actor_end=None,
                target_entity_id=target, target_text=target, target_start=None, target_end=None,
                location_entity_id=place, location_text=place, location_start=None, location_end=None,
                date_text=None, date_start=start, date_end=end, modality=modality, claim_id=None,
                sentence_start=0, sentence_end=10, event_mode=None,
                date_source=source if (start or end) else None, location_source="clause" if place else None,
                mention_count=1, other_triggers=[], modalities=[modality], extractor_version="v1", run_id="r")


def mention(doc: str, entity: str, start: int = 0, end: int = 6, label: str = "PERSON") -> dict:
    """A mention of ``entity`` in ``doc``; the events above have their sentence at [0, 10)."""
    return dict(mention_id=f"m_{doc}_{entity}_{start}", doc_id=doc, entity_id=entity, text=entity, label=label,
                model_label=label, start_char=start, end_char=end, sentence_index=0, extractor_version="v1")


def lake(events: list[dict], links: dict[str, str] | None = None,
         mentions: list[dict] | None = None, entities: list[dict] | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory database attached as the lake, with every table (empty but ``events``,
    ``entity_links`` and ``mentions``) and the views."""
    con = duckdb.connect()
    con.execute(f"ATTACH ':memory:' AS {LAKE}")
    data = {"events": to_table("events", events, {"run_id": "r"}),
            "entity_links": to_table("entity_links", [
                {"entity_id": k, "canonical_entity_id": v, "method": "test", "score": None, "evidence": None,
                 "extractor_version": "v1"} for k, v in (links or {}).items()], {"run_id": "r"}),
            "mentions": to_table("mentions", mentions or [], {"run_id": "r"})}
    if entities:
        data["entities"] = to_table("entities", entities, {"run_id": "r"})
    for name, schema in TABLES.items():
        table = data.get(name, schema.empty_table())
        con.register("_t", table)
        con.execute(f"CREATE TABLE {LAKE}.{name} AS SELECT * FROM _t")
        con.unregister("_t")
    create_views(con)
    return con


def clusters(con) -> list[list[str]]:
    rows = con.execute(f"SELECT cluster_id, list(event_id ORDER BY event_id) FROM {LAKE}.event_clusters "
                       "GROUP BY cluster_id ORDER BY 2").fetchall()
    return [members for _, members in rows]


def linked(a: dict, b: dict, mentions: list[dict] | None = None, links: dict[str, str] | None = None) -> bool:
    return clusters(lake([a, b], links, mentions)) == [sorted([a["event_id"], b["event_id"]])]


BASE = event("d1", start=D(2015, 6, 1), end=D(2015, 6, 10))


@pytest.mark.parametrize(("change", "expected"), [
    ({}, True),                                                    # participant + place + time
    ({"doc_id": "d1"}, False),                                     # same document: the merge step's job
    ({"event_type": "COERCE"}, False),
    ({"target_entity_id": "ent_other"}, False),                    # different victims contradict
    ({"actor_entity_id": "ent_isis"}, True),                       # disputed attribution, same victim
    ({"location_entity_id": None}, False),                         # participant + a ten-day span: not enough
    ({"location_entity_id": None, "date_start": D(2015, 6, 1), "date_end": D(2015, 6, 1)}, False),  # one day, ten
    ({"location_entity_id": None, "date_start": D(2015, 6, 3), "date_end": D(2015, 6, 3)}, False),  # days: wide
    ({"location_entity_id": "ent_aleppo"}, False),                 # different places contradict
    ({"date_start": D(2015, 6, 12), "date_end": D(2015, 6, 12)}, False),  # after the ten days: another time
    ({"date_start": D(2015, 6, 9), "date_end": D(2015, 6, 9)}, True),     # inside them
    ({"date_start": D(2015, 6, 15), "date_end": D(2015, 6, 15), "location_entity_id": None}, False),  # 5 days: no time evidence
    ({"date_start": D(2015, 1, 1), "date_end": D(2015, 12, 31), "location_entity_id": None}, False),  # a year is no time evidence
    ({"date_start": D(2015, 6, 25), "date_end": D(2015, 6, 25)}, False),  # dates 15 days apart contradict
    ({"date_start": None, "date_end": D(2015, 5, 20), "date_source": "report"}, False),  # reported before it happened
    ({"target_entity_id": None}, False),                           # place + a ten-day span: not one day
    ({"target_entity_id": None, "location_entity_id": None}, False),  # time alone
    ({"date_start": None, "date_end": None, "date_source": None}, True),  # participant + place
    ({"date_start": None, "date_end": None, "date_source": None, "location_entity_id": None}, False),
])
def test_link_rule_needs_two_of_participant_place_time(change, expected):
    b = {**BASE, "event_id": "evt_d2_1", "doc_id": "d2", **change}
    assert linked(BASE, b) is expected


@pytest.mark.parametrize(("days", "expected"), [((1, 1), True), ((1, 2), True), ((1, 4), False)])
def test_place_and_time_without_a_participant_need_the_same_day(days, expected):
    """Two meetings in one capital in one week are not one happening; the same day and place are,
    when the two sentences also name someone in common (the coffee organisation's meeting in London)."""
    a = event("d1", target=None, start=D(2015, 6, days[0]), end=D(2015, 6, days[0]))
    b = event("d2", target=None, start=D(2015, 6, days[1]), end=D(2015, 6, days[1]))
    assert linked(a, b, [mention("d1", "ent_ico"), mention("d2", "ent_ico")]) is expected


def test_place_and_day_without_a_participant_need_another_entity_in_common():
    """Two meetings in Washington on one day (a minister's return, the IMF chief's talks with Moi)
    are two happenings: nothing but the place and the day joins them."""
    a = event("d1", target=None, start=D(2015, 6, 1), end=D(2015, 6, 1))
    b = event("d2", target=None, start=D(2015, 6, 1), end=D(2015, 6, 1))
    assert not linked(a, b)
    assert not linked(a, b, [mention("d1", "ent_siew"), mention("d2", "ent_moi")])
    assert not linked(a, b, [mention("d1", "ent_raqqa"), mention("d2", "ent_raqqa")])   # the place again
    assert not linked(a, b, [mention("d1", "ent_iranian", label="NORP"),
                             mention("d2", "ent_iranian", label="NORP")])               # "Iranian" oil rigs
    assert linked(a, b, [mention("d1", "ent_imf"), mention("d2", "ent_imf")])
    assert linked(a, b, [mention("d1", "e_short"), mention("d2", "e_long")],
                  links={"e_short": "e_long", "e_long": "e_long"})                        # as real-world entities


def test_a_shared_participant_and_a_wide_time_need_another_entity_in_common():
    """"Next month's meeting" of Reagan with Nakasone and with Mulroney are two meetings; the same
    meeting is told with the same people around it."""
    a = event("d1", etype="CONSULT", actor=None, target="ent_reagan", place=None, start=D(1987, 4, 1), end=D(1987, 4, 30))
    b = event("d2", etype="CONSULT", actor=None, target="ent_reagan", place=None, start=D(1987, 4, 1), end=D(1987, 4, 30))
    assert not linked(a, b)
    assert not linked(a, b, [mention("d1", "ent_nakasone"), mention("d2", "ent_mulroney")])
    assert not linked(a, b, [mention("d1", "ent_reagan"), mention("d2", "ent_reagan")])  # the participant again
    assert not linked(a, b, [mention("d1", "ent_nakasone"), mention("d2", "ent_nakasone", 20, 28)])  # not in its sentence
    assert linked(a, b, [mention("d1", "ent_nakasone"), mention("d2", "ent_nakasone")])
    c = {**b, "date_start": D(1987, 5, 1), "date_end": D(1987, 5, 31)}                 # April and May: no overlap
    assert not linked(a, c, [mention("d1", "ent_nakasone"), mention("d2", "ent_nakasone")])


@pytest.mark.parametrize(("day_a", "day_b", "expected"), [(1, 1, True), (1, 4, True), (1, 5, False)])
def test_a_shared_participant_and_two_days_within_three_days_link(day_a, day_b, expected):
    a = event("d1", etype="CONSULT", actor="ent_reagan", target=None, place=None, start=D(1987, 4, day_a), end=D(1987, 4, day_a))
    b = event("d2", etype="CONSULT", actor="ent_reagan", target=None, place=None, start=D(1987, 4, day_b), end=D(1987, 4, day_b))
    assert linked(a, b) is expected


def test_a_week_and_a_day_after_it_do_not_overlap():
    """"Last week" (a seven-day span) and "Wednesday" of the next week are no time evidence, even
    within three days: only two single days get that slack."""
    week = event("d1", etype="CONSULT", actor="ent_gros", target=None, place=None, start=D(1987, 3, 2), end=D(1987, 3, 8))
    day = event("d2", etype="CONSULT", actor="ent_gros", target=None, place=None, start=D(1987, 3, 10), end=D(1987, 3, 10))
    inside = {**day, "date_start": D(1987, 3, 4), "date_end": D(1987, 3, 4)}
    ctx = [mention("d1", "ent_brazil"), mention("d2", "ent_brazil")]
    assert not linked(week, day, ctx)
    assert linked(week, inside, ctx)


def test_publication_date_is_no_evidence():
    a = event("d1", place=None, end=D(2015, 6, 2), source="publication")
    b = event("d2", place=None, end=D(2015, 6, 2), source="publication")
    assert not linked(a, b)          # same victim, same day of publication: one piece of evidence
    assert linked(event("d1", end=D(2015, 6, 2), source="publication"), event("d2", end=D(2015, 6, 2), source="publication"))


def test_the_story_setting_is_no_place_evidence():
    a = event("d1", end=D(2015, 6, 2), source="publication")
    b = event("d2", end=D(2015, 6, 2), source="publication")
    assert linked(a, b)                                   # same victim + same place from the text
    a2, b2 = {**a, "location_source": "document"}, {**b, "location_source": "document"}
    assert not linked(a2, b2)                             # the place is only each story's setting


def test_no_chaining_through_a_row_without_place_or_time():
    a = event("d1", actor="ent_army", target=None, start=D(2015, 6, 1), end=D(2015, 6, 1))
    hub = event("d2", actor="ent_army", target=None, place=None)                 # neither place nor time
    c = event("d3", actor="ent_army", target=None, place="ent_homs", start=D(2016, 1, 1), end=D(2016, 1, 1))
    assert clusters(lake([a, hub, c])) == [["evt_d1_1"], ["evt_d2_1"], ["evt_d3_1"]]


def test_clusters_are_components_with_a_deterministic_id():
    a = event("d1", start=D(2015, 6, 1), end=D(2015, 6, 1))
    b = event("d2", start=D(2015, 6, 4), end=D(2015, 6, 4), modality="rumored", event_id="evt_0")
    c = event("d3", start=D(2015, 6, 7), end=D(2015, 6, 7))                      # 6 days from a, 3 from b
    other = event("d4", target="ent_other", place="ent_homs")
    con = lake([a, b, c, other])
    assert clusters(con) == [["evt_0", "evt_d1_1", "evt_d3_1"], ["evt_d4_1"]]
    ids = dict(con.execute(f"SELECT event_id, cluster_id FROM {LAKE}.event_clusters").fetchall())
    assert ids["evt_d1_1"] == ids["evt_d3_1"] == stable_id("evc", "evt_0")
    assert ids["evt_d4_1"] == stable_id("evc", "evt_d4_1")
    assert dict(lake([other, c, b, a]).execute(f"SELECT event_id, cluster_id FROM {LAKE}.event_clusters").fetchall()) == ids


def test_participants_are_compared_as_real_world_entities():
    a = event("d1", target="e_full")
    b = event("d2", target="e_sur")
    assert not linked(a, b)  # unlinked ids: two different victims
    con = lake([a, b], links={"e_sur": "e_full", "e_full": "e_full"})
    (row,) = con.execute(f"SELECT shared_role, shared_entity_id, same_place, evidence FROM {LAKE}.event_pairs").fetchall()
    assert row == ("target", "e_full", True, 2)


@pytest.mark.parametrize(("m1", "m2", "kind"), [
    ("reported", "rumored", "certainty"), ("asserted", "claimed", "certainty"),
    ("reported", "denied", "polarity"), ("rumored", "negated", "polarity"),
    ("asserted", "reported", None), ("claimed", "rumored", None), ("denied", "negated", None),
    ("asserted", "future", None), ("hypothetical", "denied", None),
])
def test_conflict_kinds(m1, m2, kind):
    con = lake([event("d1", modality=m1), event("d2", modality=m2)])
    rows = con.execute(f"SELECT cluster_id, event_id_a, event_id_b, modality_a, modality_b, kind "
                       f"FROM {LAKE}.claim_conflicts").fetchall()
    assert [r[-1] for r in rows] == ([kind] if kind else [])
    if kind:
        assert rows[0][:5] == (stable_id("evc", "evt_d1_1"), "evt_d1_1", "evt_d2_1", m1, m2)


def test_no_conflict_within_a_document_or_across_clusters():
    events = [event("d1"), event("d1", 2, modality="rumored", place=None),
              event("d2", modality="denied", target="ent_other"),                  # another victim: own cluster
              event("d3", modality="denied", place="ent_homs")]                    # another place: own cluster
    con = lake(events)
    assert con.execute(f"SELECT count(*) FROM {LAKE}.claim_conflicts").fetchone() == (0,)
    assert len(clusters(con)) == 4


def test_every_modality_has_a_stance():
    from newslake.warehouse.views import _STANCE
    for m in MODALITIES:
        assert f"'{m}'" in _STANCE or m in ("future", "hypothetical")


def test_two_reports_dated_at_different_times_are_two_happenings():
    """The same participant at the same place "last week" and "this week" (a traveller's stops, a
    second round of talks) are two happenings; so are two single days five days apart."""
    last = event("d1", etype="CONSULT", actor="ent_funaro", target=None, place="ent_washington",
                 start=D(1987, 2, 23), end=D(1987, 3, 1))
    this = {**last, "event_id": "evt_d2_1", "doc_id": "d2", "date_start": D(1987, 3, 2), "date_end": D(1987, 3, 8)}
    assert not linked(last, this)
    assert linked(last, {**this, "date_start": None, "date_end": None, "date_source": None})   # one undated
    day1 = {**last, "date_start": D(1987, 3, 2), "date_end": D(1987, 3, 2)}
    assert linked(day1, {**this, "date_start": D(1987, 3, 5), "date_end": D(1987, 3, 5)})
    assert not linked(day1, {**this, "date_start": D(1987, 3, 7), "date_end": D(1987, 3, 7)})


def test_an_undated_report_a_month_after_a_dated_one_is_another_happening():
    """"A new Iranian offensive near Basra" in a March story is not the offensive of January 9,
    though actor and place agree; an undated mention within the month may be the same one."""
    jan = event("d1", actor="ent_iran", target=None, place="ent_basra", start=D(1987, 1, 9), end=D(1987, 1, 9))
    march = event("d2", actor="ent_iran", target=None, place="ent_basra", end=D(1987, 3, 5), source="publication")
    assert not linked(jan, march)
    assert linked(jan, {**march, "date_end": D(1987, 1, 30)})
    assert linked(jan, {**march, "date_end": None, "date_source": None})     # no date at all: no contradiction


def test_different_actors_are_different_acts_but_for_violence():
    """Chung's visit to Baker and Miyazawa's meeting with him are two meetings; two reports naming
    different attackers of one victim may be a disputed attribution of one attack."""
    def pair(etype):
        a = event("d1", etype=etype, actor="ent_chung", target="ent_baker", place="ent_washington",
                  start=D(1987, 4, 7), end=D(1987, 4, 7))
        return a, {**a, "event_id": "evt_d2_1", "doc_id": "d2", "actor_entity_id": "ent_miyazawa"}
    assert not linked(*pair("CONSULT"))
    assert linked(*pair("ASSAULT"))
    a, b = pair("CONSULT")
    assert linked(a, {**b, "actor_entity_id": None})          # one report names no actor


def test_an_entity_named_in_many_documents_is_no_shared_context():
    """"U.S." is named in a fifth of wire stories: two meetings whose sentences share only it stay
    apart; a rarer name shared corroborates."""
    a = event("d1", etype="CONSULT", actor=None, target="ent_baker", place=None, start=D(1987, 4, 6), end=D(1987, 4, 12))
    b = {**a, "event_id": "evt_d2_1", "doc_id": "d2", "date_start": D(1987, 4, 7), "date_end": D(1987, 4, 7)}
    ctx = [mention("d1", "ent_us"), mention("d2", "ent_us")]

    def run(doc_count):
        con = lake([a, b], mentions=ctx)
        con.execute(f"INSERT INTO {LAKE}.documents BY NAME SELECT 'd' || range AS doc_id FROM range(1, 101)")
        con.execute(f"INSERT INTO {LAKE}.entities BY NAME SELECT 'ent_us' AS entity_id, 'U.S.' AS name, 'GPE' AS label, "
                    f"? AS mention_count, ? AS doc_count, 'd1' AS first_doc_id, 'v1' AS extractor_version",
                    [doc_count, doc_count])
        return clusters(con)
    assert run(21) == [["evt_d1_1"], ["evt_d2_1"]]         # named in 21 of 100 documents
    assert run(20) == [["evt_d1_1", "evt_d2_1"]]           # 20: not more than the floor of 20


def test_a_place_in_the_shared_participant_s_own_country_is_no_second_evidence():
    """Two agreements of the Soviet Union in Moscow (one with Egypt, one with Greece) are not one
    happening; the Soviet Union and Nakasone both in Washington would still need a date."""
    def place(entity_id, label, country):
        return dict(entity_id=entity_id, name=entity_id, label=label, aliases=[], mention_count=1, doc_count=1,
                    country_code=country, latitude=None, longitude=None, geonames_id=None, member_ids=[],
                    first_doc_id="d1", extractor_version="v1")
    a = event("d1", etype="AGREE", actor="ent_ussr", target=None, place="ent_moscow")
    b = event("d2", etype="AGREE", actor="ent_ussr", target=None, place="ent_moscow")
    entities = [place("ent_ussr", "GPE", "RU"), place("ent_moscow", "GPE", "RU"), place("ent_athens", "GPE", "GR")]
    assert clusters(lake([a, b], entities=entities)) == [[a["event_id"]], [b["event_id"]]]
    a2, b2 = ({**e, "location_entity_id": "ent_athens"} for e in (a, b))  # abroad: the place is evidence
    assert clusters(lake([a2, b2], entities=entities)) == [sorted([a2["event_id"], b2["event_id"]])]
