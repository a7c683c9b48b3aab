"""The lake's views: SQL over the tables, always current, documented in ``docs/schema.md``."""

from __future__ import annotations

import duckdb

from newslake.warehouse.schema import LAKE

#: name -> (description for the data dictionary, SELECT)
VIEWS: dict[str, tuple[str, str]] = {
    "entity_mentions": (
        "`mentions` resolved to real-world entities (`entity_links` → `entities`), with the document's title and date.",
        f"""SELECT m.*, l.canonical_entity_id, e.name AS entity_name, e.label AS entity_label,
                   d.title, d.published_at
            FROM {LAKE}.mentions m
            JOIN {LAKE}.entity_links l USING (entity_id)
            JOIN {LAKE}.entities e ON e.entity_id = l.canonical_entity_id
            JOIN {LAKE}.documents d USING (doc_id)""",
    ),
}

_STANCE = """CASE {m} WHEN 'asserted' THEN 'firm' WHEN 'reported' THEN 'firm' WHEN 'claimed' THEN 'weak'
    WHEN 'rumored' THEN 'weak' WHEN 'denied' THEN 'negative' WHEN 'negated' THEN 'negative' ELSE 'irrealis' END"""

# Events with participants and place resolved to real-world entities, and whether the text dates
# them (a publication date only bounds an event: it is no evidence that two reports meet; nor is
# the story's setting, location_source 'document', evidence of where the event happened, nor a
# state actor's own country, location_source 'actor', which is the participant again).
_RESOLVED = f"""
    SELECT e.*, coalesce(la.canonical_entity_id, e.actor_entity_id) AS actor_cid,
           coalesce(lt.canonical_entity_id, e.target_entity_id) AS target_cid,
           CASE WHEN coalesce(e.location_source, '') NOT IN ('document', 'actor')
                THEN coalesce(ll.canonical_entity_id, e.location_entity_id) END AS place_cid,
           (e.date_start IS NOT NULL AND coalesce(e.date_source, '') <> 'publication') AS dated,
           coalesce(dated AND e.date_end - e.date_start <= 31, false) AS month_dated,
           coalesce(dated AND e.date_end - e.date_start <= 1, false) AS day_dated
    FROM {LAKE}.events e
    LEFT JOIN {LAKE}.entity_links la ON la.entity_id = e.actor_entity_id
    LEFT JOIN {LAKE}.entity_links lt ON lt.entity_id = e.target_entity_id
    LEFT JOIN {LAKE}.entity_links ll ON ll.entity_id = e.location_entity_id"""

# The real-world entities named in each event's sentence (places and participants included): two
# reports of one happening name the same people and bodies around it, two meetings of a much-met
# person in one month, or two meetings in one capital on one day, mostly do not. Nationalities and
# languages ("Iranian" oil rigs) describe rather than name, and an entity named in more than 5% of
# the lake's documents (and more than 20: "U.S." in "U.S. Treasury Secretary James Baker") tells
# little, so they are left out.
_CONTEXT = f"""
    SELECT DISTINCT e.event_id, coalesce(l.canonical_entity_id, m.entity_id) AS cid
    FROM {LAKE}.events e
    JOIN {LAKE}.mentions m ON m.doc_id = e.doc_id AND m.start_char >= e.sentence_start
         AND m.end_char <= e.sentence_end AND m.label NOT IN ('NORP', 'LANGUAGE')
    LEFT JOIN {LAKE}.entity_links l ON l.entity_id = m.entity_id
    LEFT JOIN {LAKE}.entities n ON n.entity_id = coalesce(l.canonical_entity_id, m.entity_id)
    WHERE coalesce(n.doc_count, 0) <= greatest(20, 0.05 * (SELECT count(*) FROM {LAKE}.documents))"""

# The cluster link rule over two resolved events a and b of different documents and one type:
# evidence = shared participant + same place + same time (each 0/1). Time is dates from the text of
# at most a month: two days (spans of at most a day) within 3 days of each other (`day_time`), or
# wider spans ("this week", "next month") that overlap. Links: a shared participant with the same
# place or with day time; a shared participant with a wider time only when the two sentences also
# name another entity in common (`context_entity_id`: "next month's meeting between Nakasone and
# Reagan" twice, not Reagan's meetings with Nakasone and with Mulroney); place and time without a
# participant only on the same day and with another entity in common. No contradiction (different
# places, different targets, different actors unless the act is violence, whose doer reports may
# dispute, dates more than 7 days apart, an event dated after the other's report
# date bound, or two dates from the text of at most a month that are not the same time: "last
# week" and "this week", a traveller's stops; or an undated report published more than a month after
# the other's date: "a new Iranian offensive near Basra" in March is not the one of January 9).
_PAIRS = f"""
    WITH ev AS MATERIALIZED ({_RESOLVED}),
    -- candidates share a participant or a place: three equality joins (an OR join would compare
    -- every event with every other)
    keyed AS (
        SELECT a.event_id AS event_id_a, b.event_id AS event_id_b
        FROM ev a JOIN ev b ON a.event_type = b.event_type AND a.target_cid = b.target_cid
        WHERE a.doc_id <> b.doc_id AND a.event_id < b.event_id
        UNION
        SELECT a.event_id, b.event_id
        FROM ev a JOIN ev b ON a.event_type = b.event_type AND a.actor_cid = b.actor_cid
        WHERE a.doc_id <> b.doc_id AND a.event_id < b.event_id
        UNION
        SELECT a.event_id, b.event_id
        FROM ev a JOIN ev b ON a.event_type = b.event_type AND a.place_cid = b.place_cid
        WHERE a.doc_id <> b.doc_id AND a.event_id < b.event_id),
    cand AS (
        SELECT a.event_id AS event_id_a, b.event_id AS event_id_b, a.event_type,
               a.place_cid AS place_a, b.place_cid AS place_b,
               CASE WHEN a.target_cid = b.target_cid THEN 'target'
                    WHEN a.actor_cid = b.actor_cid THEN 'actor' END AS shared_role,
               CASE WHEN a.target_cid = b.target_cid THEN a.target_cid
                    WHEN a.actor_cid = b.actor_cid THEN a.actor_cid END AS shared_entity_id,
               coalesce(a.place_cid = b.place_cid, false) AS same_place,
               coalesce(a.month_dated AND b.month_dated
                        AND (a.day_dated AND b.day_dated
                             AND a.date_end + INTERVAL 3 DAY >= b.date_start
                             AND b.date_end + INTERVAL 3 DAY >= a.date_start
                             OR a.date_end >= b.date_start AND b.date_end >= a.date_start), false) AS same_time,
               a.day_dated AND b.day_dated AND abs(a.date_start - b.date_start) <= 3 AS day_time,
               a.day_dated AND b.day_dated AND abs(a.date_start - b.date_start) <= 1 AS same_day,
               coalesce(a.place_cid IS NOT NULL AND b.place_cid IS NOT NULL AND a.place_cid <> b.place_cid
               OR a.target_cid IS NOT NULL AND b.target_cid IS NOT NULL AND a.target_cid <> b.target_cid
               OR a.actor_cid IS NOT NULL AND b.actor_cid IS NOT NULL AND a.actor_cid <> b.actor_cid
                  AND a.event_type NOT IN ('ASSAULT', 'COERCE')
               OR a.date_end IS NOT NULL AND b.date_start IS NOT NULL AND b.date_start - INTERVAL 7 DAY > a.date_end
               OR b.date_end IS NOT NULL AND a.date_start IS NOT NULL AND a.date_start - INTERVAL 7 DAY > b.date_end
               OR a.month_dated AND b.month_dated AND NOT same_time
               OR a.dated AND NOT b.dated AND a.date_end + INTERVAL 31 DAY < b.date_end
               OR b.dated AND NOT a.dated AND b.date_end + INTERVAL 31 DAY < a.date_end, false)
               AS contradicts
        FROM keyed k JOIN ev a ON a.event_id = k.event_id_a JOIN ev b ON b.event_id = k.event_id_b),
    -- a place inside the shared participant's own country ("the Soviet Union ... in Moscow") is no
    -- second piece of evidence: it is where that participant's acts mostly happen
    placed AS (
        SELECT c.*, c.same_place AND NOT coalesce(se.label = 'GPE' AND se.country_code = pe.country_code, false)
                    AS place_evidence
        FROM cand c LEFT JOIN {LAKE}.entities se ON se.entity_id = c.shared_entity_id
        LEFT JOIN {LAKE}.entities pe ON pe.entity_id = c.place_a),
    need AS MATERIALIZED (
        SELECT * FROM placed
        WHERE NOT contradicts
          AND (shared_entity_id IS NOT NULL AND (place_evidence OR same_time) OR same_place AND same_day)),
    ctx AS MATERIALIZED ({_CONTEXT}
        AND e.event_id IN (SELECT event_id_a FROM need UNION SELECT event_id_b FROM need)),
    corr AS (
        SELECT n.event_id_a, n.event_id_b, min(x.cid) AS context_entity_id
        FROM need n JOIN ctx x ON x.event_id = n.event_id_a
        JOIN ctx y ON y.event_id = n.event_id_b AND y.cid = x.cid
        WHERE x.cid IS DISTINCT FROM n.shared_entity_id AND x.cid IS DISTINCT FROM n.place_a
          AND x.cid IS DISTINCT FROM n.place_b
        GROUP BY ALL)
    SELECT event_id_a, event_id_b, event_type, shared_role, shared_entity_id, same_place, same_time, same_day,
           corr.context_entity_id,
           (shared_entity_id IS NOT NULL)::INT + place_evidence::INT + same_time::INT AS evidence
    FROM need LEFT JOIN corr USING (event_id_a, event_id_b)
    WHERE shared_entity_id IS NOT NULL AND (place_evidence OR day_time OR corr.context_entity_id IS NOT NULL)
       OR same_place AND same_day AND corr.context_entity_id IS NOT NULL"""

VIEWS["event_pairs"] = (
    "Pairs of events in different documents that report the same happening: the same type, two "
    "pieces of evidence and nothing contradicting. Evidence: a shared participant (real-world entity, "
    "`shared_role`/`shared_entity_id`), the same place (`same_place`; a place taken from the story's "
    "setting or a state actor's own country, `location_source` = `document` or `actor`, is no "
    "evidence, nor a place in the country that is the shared participant: \"the Soviet Union\" and "
    "\"Moscow\"), the same time (`same_time`: dates from the text of at most a month each, two "
    "single days within 3 days of each other or wider spans that overlap; a publication date, a year or a decade is no evidence). A shared participant "
    "links with the same place or with two days; with a wider time (\"this week\", \"next month\") "
    "only when the two sentences also name another real-world entity in common (not a nationality, "
    "nor one named in more than 5% of the lake's documents and more than 20) "
    "(`context_entity_id`), so a much-met person's different meetings in one month stay apart. "
    "Without a shared participant, place and time must name the same day (`same_day`: both dates "
    "a single day, at most a day apart) and the sentences another entity in common, so meetings "
    "in one capital on one day stay apart. Contradicting: different places, different targets, "
    "different actors (but for ASSAULT and COERCE, whose doer reports may dispute), "
    "dates more than 7 days apart, dates from the text of at most a month that are not the same "
    "time (\"last week\" and \"this week\"), an undated event reported more than a month after the "
    "other's date (\"a new offensive\" in March is not January's). A row with neither place nor a date from the text can never "
    "reach two, so clusters never chain through it.",
    _PAIRS,
)

VIEWS["event_clusters"] = (
    "Every event with the cluster of reports of the same happening across documents: connected "
    "components of `event_pairs` (singletons included); `cluster_id` comes from the smallest member "
    "event id.",
    f"""WITH RECURSIVE pairs AS MATERIALIZED (SELECT event_id_a, event_id_b FROM {LAKE}.event_pairs),
        edges AS MATERIALIZED (
            SELECT event_id_a AS s, event_id_b AS t FROM pairs
            UNION ALL SELECT event_id_b, event_id_a FROM pairs),
        cc(event_id, comp) USING KEY (event_id) AS (
            SELECT event_id, event_id FROM {LAKE}.events
            UNION
            SELECT e.t, min(r.comp) FROM recurring.cc r JOIN edges e ON r.event_id = e.s
            JOIN recurring.cc cur ON cur.event_id = e.t
            GROUP BY e.t HAVING min(r.comp) < min(cur.comp))
        SELECT cc.event_id, 'evc_' || left(sha256(cc.comp), 16) AS cluster_id,
               count(*) OVER (PARTITION BY cc.comp) AS cluster_size,
               ev.doc_id, ev.event_type, ev.trigger, ev.modality, ev.date_start, ev.date_end
        FROM cc JOIN {LAKE}.events ev USING (event_id)""",
)

VIEWS["claim_conflicts"] = (
    "The same happening carried by different documents of one cluster with a different stance: "
    "`polarity` (one reports it, another denies it) or `certainty` (one reports it, another calls it "
    "a rumour or a claim); irrealis rows (future, hypothetical) never conflict. With the claim, "
    "speaker and cue behind each side.",
    f"""WITH ev AS (
            SELECT c.cluster_id, e.*, {_STANCE.format(m="e.modality")} AS stance,
                   cl.speaker_text, cl.cue, cl.certainty
            FROM {LAKE}.event_clusters c JOIN {LAKE}.events e USING (event_id)
            LEFT JOIN {LAKE}.claims cl USING (claim_id)
            WHERE c.cluster_size > 1)
        SELECT a.cluster_id, a.event_type,
               CASE WHEN 'negative' IN (a.stance, b.stance) THEN 'polarity' ELSE 'certainty' END AS kind,
               a.event_id AS event_id_a, a.doc_id AS doc_id_a, a.trigger AS trigger_a, a.modality AS modality_a,
               a.claim_id AS claim_id_a, a.speaker_text AS speaker_a, a.cue AS cue_a,
               b.event_id AS event_id_b, b.doc_id AS doc_id_b, b.trigger AS trigger_b, b.modality AS modality_b,
               b.claim_id AS claim_id_b, b.speaker_text AS speaker_b, b.cue AS cue_b
        FROM ev a JOIN ev b ON a.cluster_id = b.cluster_id AND a.event_id < b.event_id AND a.doc_id <> b.doc_id
        WHERE a.stance <> b.stance AND 'irrealis' NOT IN (a.stance, b.stance)""",
)

# Views that spare joins: every participant resolved to its real-world entity and named.
VIEWS["claims_named"] = (
    "`claims` with the speaker resolved to its real-world entity (`entity_links` → `entities`): "
    "`speaker_id` and `speaker_name` (null when the speaker is not an entity), the document's title, "
    "source and date.",
    f"""SELECT c.*, l.canonical_entity_id AS speaker_id, s.name AS speaker_name, s.label AS speaker_label,
               d.title, d.source, d.published_at
        FROM {LAKE}.claims c
        JOIN {LAKE}.documents d USING (doc_id)
        LEFT JOIN {LAKE}.entity_links l ON l.entity_id = c.speaker_entity_id
        LEFT JOIN {LAKE}.entities s ON s.entity_id = l.canonical_entity_id""",
)

VIEWS["events_named"] = (
    "`events` with actor, target and place resolved to real-world entities and named "
    "(`actor_id`/`actor_name`, `target_id`/`target_name`, `place_id`/`place_name` with the place's "
    "`latitude`/`longitude`), the document's title, source and date, and `day`: the event's first day, "
    "else the document's publication day (`day_from` says which).",
    f"""SELECT e.*, la.canonical_entity_id AS actor_id, a.name AS actor_name,
               lt.canonical_entity_id AS target_id, t.name AS target_name,
               ll.canonical_entity_id AS place_id, p.name AS place_name, p.latitude, p.longitude,
               d.title, d.source, d.published_at,
               coalesce(e.date_start, CAST(d.published_at AS DATE)) AS day,
               CASE WHEN e.date_start IS NOT NULL THEN 'event' WHEN d.published_at IS NOT NULL THEN 'report' END AS day_from
        FROM {LAKE}.events e
        JOIN {LAKE}.documents d USING (doc_id)
        LEFT JOIN {LAKE}.entity_links la ON la.entity_id = e.actor_entity_id
        LEFT JOIN {LAKE}.entities a ON a.entity_id = la.canonical_entity_id
        LEFT JOIN {LAKE}.entity_links lt ON lt.entity_id = e.target_entity_id
        LEFT JOIN {LAKE}.entities t ON t.entity_id = lt.canonical_entity_id
        LEFT JOIN {LAKE}.entity_links ll ON ll.entity_id = e.location_entity_id
        LEFT JOIN {LAKE}.entities p ON p.entity_id = ll.canonical_entity_id""",
)

VIEWS["entity_timeline"] = (
    "One row per real-world entity per document, in time order: the document's date, title and "
    "source, and how often the entity is mentioned, speaks (`claims` as speaker) and takes part in "
    "events (as actor or target) there.",
    f"""WITH de AS (
            SELECT l.canonical_entity_id AS entity_id, de.doc_id, sum(de.mention_count) AS mentions
            FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
            GROUP BY ALL),
        spoken AS (
            SELECT l.canonical_entity_id AS entity_id, c.doc_id, count(*) AS claims
            FROM {LAKE}.claims c JOIN {LAKE}.entity_links l ON l.entity_id = c.speaker_entity_id
            GROUP BY ALL),
        acts AS (
            SELECT l.canonical_entity_id AS entity_id, e.doc_id, count(DISTINCT e.event_id) AS events
            FROM {LAKE}.events e JOIN {LAKE}.entity_links l
              ON l.entity_id = e.actor_entity_id OR l.entity_id = e.target_entity_id
            GROUP BY ALL)
        SELECT de.entity_id, en.name, en.label, de.doc_id, d.published_at,
               CAST(d.published_at AS DATE) AS day, d.title, d.source, de.mentions,
               coalesce(spoken.claims, 0) AS claims, coalesce(acts.events, 0) AS events
        FROM de
        JOIN {LAKE}.entities en USING (entity_id)
        JOIN {LAKE}.documents d USING (doc_id)
        LEFT JOIN spoken USING (entity_id, doc_id)
        LEFT JOIN acts USING (entity_id, doc_id)
        ORDER BY de.entity_id, d.published_at NULLS LAST, de.doc_id""",
)

VIEW_VERSION = "views.v8"


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view; call inside the schema transaction."""
    for name, (_, select) in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {LAKE}.{name} AS {select}")
        con.execute(f"COMMENT ON VIEW {LAKE}.{name} IS '{VIEW_VERSION}'")


def views_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when every view exists with this version of its SQL."""
    rows = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE database_name = ?", [LAKE]).fetchall())
    return all(rows.get(name) == VIEW_VERSION for name in VIEWS)
