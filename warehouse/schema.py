"""The lake's tables, each defined once: a ``pyarrow`` schema whose fields carry their description.

The writer builds Arrow tables from these schemas, the lake's DDL is generated from them, the tests
check rows against them and ``docs/schema.md`` is generated from them (``newslake schema-docs``).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Mapping

import pyarrow as pa

from newslake.warehouse import LAKE  # noqa: E402,F401  (the attach name, defined once)
TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())
INT_PAIRS = pa.list_(pa.list_(pa.int64()))


def _f(name: str, type_: pa.DataType, description: str, *, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


def _offsets(what: str) -> list[pa.Field]:
    return [
        _f("start_char", pa.int64(), f"Start of {what} in `documents.text` (0-based, characters).", nullable=False),
        _f("end_char", pa.int64(), f"End of {what} in `documents.text` (exclusive): `text[start_char:end_char]`.", nullable=False),
    ]


_DOC_ID = _f("doc_id", pa.string(), "The document (`documents.doc_id`).", nullable=False)
_VERSION = _f(
    "extractor_version",
    pa.string(),
    "Version of the reader, rule sets and spaCy model that produced the row; a new version replaces a "
    "document's rows.",
    nullable=False,
)
_RUN_ID = _f("run_id", pa.string(), "The run that wrote the row (`runs.run_id`).", nullable=False)


def _span(prefix: str, what: str) -> list[pa.Field]:
    return [
        _f(f"{prefix}_start", pa.int64(), f"Start of the {what} in `documents.text`, or null."),
        _f(f"{prefix}_end", pa.int64(), f"End (exclusive) of the {what} in `documents.text`, or null."),
    ]


TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            _f("doc_id", pa.string(), "Stable id: hash of the normalised title and text (`doc_…`); for a rejected input, hash of its uri and bytes (`rej_…`).", nullable=False),
            _f("status", pa.string(), "`ok` (analysed) or `rejected` (see `error`).", nullable=False),
            _f("error", pa.string(), "Why the input was rejected, in one line; null when ok."),
            _f("source", pa.string(), "Publication or feed the document came from, when known."),
            _f("uri", pa.string(), "Where it was read: path as given, `#L<n>` for a JSONL line, `#<i>` for a JSON list item or feed entry.", nullable=False),
            _f("url", pa.string(), "The article's URL, when known."),
            _f("external_id", pa.string(), "The record's own id (JSON `id`, feed entry id)."),
            _f("title", pa.string(), "Headline."),
            _f("subtitle", pa.string(), "Subtitle or standfirst."),
            _f("section", pa.string(), "Section or kicker label above the headline."),
            _f("author", pa.string(), "Author(s) as given."),
            _f("published_at", TS, "Publication time (UTC), from metadata, else stated in the text, else null."),
            _f("published_at_from", pa.string(), "`metadata` or `text`: where `published_at` came from."),
            _f("language", pa.string(), "ISO 639-1 language, given or detected."),
            _f("text", pa.string(), "The analysed body text; every offset in other tables points into it.", nullable=False),
            _f("raw", pa.string(), "The decoded raw input of the document (HTML stays HTML), capped at 2,000,000 characters."),
            _f("boilerplate", STR_LIST, "Lines removed from the text as boilerplate (image credits, subscribe prompts, repeated headline)."),
            _f("input_format", pa.string(), "`text`, `markdown`, `html`, `json`, `jsonl` or `feed`."),
            _f("encoding", pa.string(), "Character encoding the bytes were decoded with."),
            _f("content_hash", pa.string(), "SHA-256 of the normalised title and text; empty when rejected.", nullable=False),
            _f("char_count", pa.int64(), "Length of `text` in characters.", nullable=False),
            _VERSION,
            _RUN_ID,
            _f("ingested_at", TS, "When the run that wrote the row committed.", nullable=False),
            _f("fetched_at", TS, "When the document was fetched over HTTP (null for local files)."),
            _f("http_status", pa.int64(), "HTTP status of the fetch that gave the document (null for local files)."),
        ]
    ),
    "mentions": pa.schema(
        [
            _f("mention_id", pa.string(), "Stable id of the mention (hash of document and offsets).", nullable=False),
            _DOC_ID,
            _f("entity_id", pa.string(), "The entity mentioned (`entities.entity_id`).", nullable=False),
            _f("text", pa.string(), "The mention as written: `documents.text[start_char:end_char]`.", nullable=False),
            _f("label", pa.string(), "Entity type after newslake's corrections (spaCy/OntoNotes labels: PERSON, ORG, NORP, GPE, LOC, FAC, ...).", nullable=False),
            _f("model_label", pa.string(), "What the statistical model said; empty when a newslake rule added the mention."),
            *_offsets("the mention"),
            _f("sentence_index", pa.int64(), "0-based index of the sentence holding the mention."),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "doc_entities": pa.schema(
        [
            _DOC_ID,
            _f("entity_id", pa.string(), "Deterministic entity id, the same in every document and run.", nullable=False),
            _f("name", pa.string(), "Canonical name in this document (its fullest form).", nullable=False),
            _f("label", pa.string(), "Entity type.", nullable=False),
            _f("aliases", STR_LIST, "Other surface forms of the entity in this document."),
            _f("mention_count", pa.int64(), "Mentions of the entity in this document.", nullable=False),
            *_offsets("the entity's first mention"),
            _f("country_code", pa.string(), "ISO 3166-1 alpha-2 country of a place, from the gazetteer."),
            _f("latitude", pa.float64(), "Latitude of a place (WGS84), from the gazetteer."),
            _f("longitude", pa.float64(), "Longitude of a place (WGS84), from the gazetteer."),
            _f("geonames_id", pa.int64(), "GeoNames id of a place, from the gazetteer."),
            _VERSION,
            _RUN_ID,
            _f("coref_note", pa.string(), "Why a short name was left apart from a full name of this document (\"'Kelly' left apart: 2 full names fit: Kelly Holmes, Ruth Kelly\"); null when nothing was left apart."),
            _f("geo_status", pa.string(), "Geocoding of a GPE/LOC entity: `resolved` (coordinates set), `not_sure` (same-named places and no evidence for one: no coordinates rather than a wrong village), `unknown` (not in the gazetteer); null for other labels."),
        ]
    ),
    "entity_roles": pa.schema(
        [
            _f("role_id", pa.string(), "Stable id of the role mention (hash of document and offsets).", nullable=False),
            _DOC_ID,
            _f("entity_id", pa.string(), "Who holds the role (document-level id).", nullable=False),
            _f("role", pa.string(), "The title or role as written: `documents.text[start_char:end_char]`.", nullable=False),
            _f("role_head", pa.string(), "Normalised head of the role (`commander`, `minister`)."),
            _f("organisation_text", pa.string(), "The organisation of the role, as written."),
            _f("organisation_entity_id", pa.string(), "The organisation as an entity."),
            _f("is_former", pa.bool_(), "A former role (`former`, `ex-`, `then-`)."),
            *_offsets("the role"),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "entity_links": pa.schema(
        [
            _f("entity_id", pa.string(), "A document-level entity id (`mentions.entity_id`, `doc_entities.entity_id`).", nullable=False),
            _f("canonical_entity_id", pa.string(), "The real-world entity it belongs to (`entities.entity_id`); itself when nothing merged it.", nullable=False),
            _f("method", pa.string(), "Why: `self`, or the linking rule (`surname`, `initials`, `fuzzy_name`, `acronym`, ...).", nullable=False),
            _f("score", pa.float64(), "Name similarity behind the link (0-100)."),
            _f("evidence", pa.string(), "The link's evidence in one readable line."),
            _f("extractor_version", pa.string(), "Version of the linking rules that decided the link."),
            _RUN_ID,
        ]
    ),
    "entity_blocks": pa.schema(
        [
            _f("entity_id", pa.string(), "A document-level entity id.", nullable=False),
            _f("block_key", pa.string(), "A blocking key: only ids that share a key are compared when linking.", nullable=False),
        ]
    ),
    "entities": pa.schema(
        [
            _f("entity_id", pa.string(), "Id of the real-world entity: the canonical id of its cluster in `entity_links` (a document-level id when nothing links to it).", nullable=False),
            _f("name", pa.string(), "Display name: the canonical name found in the most documents among all members (ties: most mentions, the canonical member, the longer).", nullable=False),
            _f("label", pa.string(), "Entity type (the most frequent across documents).", nullable=False),
            _f("aliases", STR_LIST, "Every other surface form seen across documents."),
            _f("mention_count", pa.int64(), "Mentions across all documents.", nullable=False),
            _f("doc_count", pa.int64(), "Documents mentioning the entity.", nullable=False),
            _f("country_code", pa.string(), "ISO 3166-1 alpha-2 country of a place: the most frequent over its documents (a tie: the first alphabetically)."),
            _f("latitude", pa.float64(), "Latitude of a place (WGS84): the mean over its documents."),
            _f("longitude", pa.float64(), "Longitude of a place (WGS84): the mean over its documents."),
            _f("geonames_id", pa.int64(), "GeoNames id of a place: the most frequent over its documents (a tie: the smallest)."),
            _f("member_ids", STR_LIST, "Every document-level entity id merged into this entity (itself included); see `entity_links` for why."),
            _f("first_doc_id", pa.string(), "A document where the entity occurs (the smallest doc_id); its offsets are in `doc_entities`.", nullable=False),
            _f("extractor_version", pa.string(), "Newest extractor version among the entity's document rows.", nullable=False),
            _RUN_ID,
        ]
    ),
    "claims": pa.schema(
        [
            _f("claim_id", pa.string(), "Stable id of the claim (hash of document, content span and cue).", nullable=False),
            _DOC_ID,
            _f("speaker_entity_id", pa.string(), "The speaker as an entity, or null (unattributed, unnamed or unresolved)."),
            _f("speaker_text", pa.string(), "The speaker as written (`he`, `officials`, `Edward Lemon`); null when unattributed."),
            _f("speaker_kind", pa.string(), "`named`, `role` (a title or description the document ties to a named entity: \"the prime minister said\", \"the company said\", with `speaker_entity_id` the holder or the organisation), `pronoun` (`speaker_entity_id` is its antecedent's when the antecedent is named; `source_chain` names an unnamed one, \"a spokesman\"), `unnamed` (\"officials said\") or `unattributed` (\"reportedly\").", nullable=False),
            *_span("speaker", "speaker"),
            _f("cue", pa.string(), "The attribution cue as written (`said`, `According to`, `reportedly`, `made the claim`).", nullable=False),
            *_span("cue", "cue"),
            _f("content", pa.string(), "What is claimed: `documents.text[start_char:end_char]`.", nullable=False),
            _f("is_quote", pa.bool_(), "The content is a direct quotation.", nullable=False),
            _f("certainty", pa.string(), "How the text commits to the content, relative to its source: `asserted`, `reported`, `claimed`, `rumored`, `denied` or `hedged`; or what kind of non-statement it is: `intended` (the source's intention, wish or commitment: wants, plans, promised, pledged) or `demanded` (asked of others: demanded that, urged, called for).", nullable=False),
            _f("hedges", STR_LIST, "The cue and hedge words that set `certainty`."),
            *_offsets("the claim's content"),
            _f("sentence_start", pa.int64(), "Start of the sentence(s) holding the claim."),
            _f("sentence_end", pa.int64(), "End of the sentence(s) holding the claim."),
            _f("source_chain", STR_LIST, "Nested attribution, outermost source first: `[author, Lemon]` when the author reports that Lemon notes that ..."),
            _f("parent_claim_id", pa.string(), "The claim whose content holds this one (nested attribution), or null."),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "claim_entities": pa.schema(
        [
            _f("claim_id", pa.string(), "The claim (`claims.claim_id`).", nullable=False),
            _DOC_ID,
            _f("entity_id", pa.string(), "An entity the claim is about or spoken by (document-level id, see `entity_links`).", nullable=False),
            _f("role", pa.string(), "`speaker`, `subject` (subject of the content's main verb) or `mentioned`.", nullable=False),
            *_offsets("the entity's mention in the claim"),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "amounts": pa.schema(
        [
            _f("amount_id", pa.string(), "Stable id of the amount (hash of document and offsets).", nullable=False),
            _DOC_ID,
            _f("claim_id", pa.string(), "The claim holding the amount, or null."),
            _f("text", pa.string(), "The amount as written (`2,000 Tajiks`): `documents.text[start_char:end_char]`.", nullable=False),
            _f("value", pa.float64(), "The number (`two dozen` = 24, `1.5 million` = 1500000)."),
            _f("unit", pa.string(), "Unit (`USD`, `%`, `km`), null for counts."),
            _f("counted", pa.string(), "What is counted (`Tajik`, `people`)."),
            _f("approximate", pa.bool_(), "Hedged amount (`about`, `more than`, `nearly`)."),
            *_offsets("the amount"),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "events": pa.schema(
        [
            _f("event_id", pa.string(), "Stable id of the event (hash of document, trigger span and type).", nullable=False),
            _DOC_ID,
            _f("event_type", pa.string(), "PLOVER event type (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) or OTHER.", nullable=False),
            _f("trigger", pa.string(), "The word(s) that express the event: `documents.text[start_char:end_char]`.", nullable=False),
            _f("actor_entity_id", pa.string(), "Who acts, as an entity."),
            _f("actor_text", pa.string(), "Who acts, as written."),
            *_span("actor", "actor"),
            _f("target_entity_id", pa.string(), "Who or what is acted on, as an entity."),
            _f("target_text", pa.string(), "Who or what is acted on, as written."),
            *_span("target", "target"),
            _f("location_entity_id", pa.string(), "Where, as an entity (geocoded in `entities`)."),
            _f("location_text", pa.string(), "Where, as written."),
            *_span("location", "location"),
            _f("date_text", pa.string(), "When, as written (`in early June`)."),
            _f("date_start", pa.date32(), "First day of the normalised time, relative to `documents.published_at`; null when unresolved."),
            _f("date_end", pa.date32(), "Last day of the normalised time (inclusive)."),
            _f("modality", pa.string(), "`asserted`, `reported`, `claimed`, `rumored`, `denied`, `hypothetical`, `future` or `negated`.", nullable=False),
            _f("claim_id", pa.string(), "The claim that reports the event, when one does."),
            *_offsets("the trigger"),
            _f("sentence_start", pa.int64(), "Start of the event's sentence."),
            _f("sentence_end", pa.int64(), "End of the event's sentence."),
            _f("event_mode", pa.string(), "PLOVER mode of the event type where the text supports one (ASSAULT: `firearms`, `explosives`, ...)."),
            _f("date_source", pa.string(), "Where the date came from: `trigger`, `clause` (the verb governing it), `sentence`, `report` (the reporting verb's date) or `publication` (the document's date); `report` and `publication` only bound the event from above (`date_end`, with `date_start` null)."),
            _f("location_source", pa.string(), "Where the place came from: `clause` (a phrase attached to the trigger), `sentence` (a place phrase elsewhere in the trigger's clause), `actor` (a state acting from home: the actor is a country or its capital, or a government body named with its country; demands, complaints, refusals, threats, backing, sanctions and concessions only), `dateline` (the document's dateline) or `document` (no dateline: the place the story names most often as a setting; the story's setting, not a proven event site)."),
            _f("mention_count", pa.int64(), "Times the document mentions this happening (one row per happening per document)."),
            _f("other_triggers", INT_PAIRS, "`[start_char, end_char]` of the happening's other mentions in the document."),
            _f("modalities", STR_LIST, "Modality of every mention of the happening in the document; `modality` keeps the least certain."),
            _VERSION,
            _RUN_ID,
        ]
    ),
    "runs": None,  # filled from RunRecord below
}

#: Tables whose rows belong to one document: replaced together when a document is re-extracted.
#: The extractors' batch container (:class:`newslake.transforms.extract.Extracted`) has one field per
#: name, in this order (a test checks it).
PER_DOCUMENT = ("documents", "mentions", "doc_entities", "entity_roles", "claims", "claim_entities", "amounts", "events")


def _col(type_: pa.DataType, description: str, *, default: Any = None, nullable: bool = True,
         counter: bool = False) -> Any:
    meta = {"type": type_, "description": description, "nullable": nullable, "counter": counter}
    if isinstance(default, list):
        return dataclasses.field(default_factory=list, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def _count(description: str) -> Any:
    return _col(pa.int64(), description, default=0, nullable=False, counter=True)


@dataclasses.dataclass
class RunRecord:
    """One run: its row of ``runs``, rewritten by every batch commit (so the row shows progress).

    The one place a run's counters are defined: the ``runs`` schema is generated from these fields,
    the flow adds each batch's counts with :meth:`add`, and the CLI prints them.
    """

    run_id: str = _col(pa.string(), "Id of the run (the Prefect flow run id when there is one).", default="", nullable=False)
    flow: str = _col(pa.string(), "The flow that ran (`ingest`).", default="ingest", nullable=False)
    started_at: Any = _col(TS, "When the run started.", nullable=False)
    finished_at: Any = _col(TS, "When the run finished; while `running`, the time of its latest batch commit.", nullable=False)
    status: str = _col(pa.string(), "`running` (batches are being committed), `committed` (finished), `failed` (stopped "
                       "on an error; the batches committed before it stay), or `interrupted` (stopped by Ctrl-C, or "
                       "its process died, found by the next run on the same host); the counts are always those of "
                       "the committed batches.", default="running", nullable=False)
    error: str | None = _col(pa.string(), "Why a failed or interrupted run stopped.")
    inputs: list = _col(STR_LIST, "The paths or globs the run was given.", default=[])
    docs_seen: int = _count("Documents read (ok + rejected + unchanged).")
    docs_ok: int = _count("Documents analysed and written by this run.")
    docs_rejected: int = _count("Rejected inputs written by this run.")
    docs_unchanged: int = _count("Documents already in the lake with the same extractor version, left as they were "
                                 "(also what a resumed run skips).")
    docs_replaced: int = _count("Documents whose rows from an older extractor version were replaced.")
    mentions: int = _count("Mention rows written.")
    doc_entities: int = _count("Document-level entity rows (`doc_entities`) written.")
    claims: int = _count("Claim rows written.")
    events: int = _count("Event rows written.")
    batches: int = _count("Batches committed (each one atomically: all rows of its documents in every table).")
    extractor_version: str = _col(pa.string(), "Extractor version of the run.", default="", nullable=False)
    model: str = _col(pa.string(), "spaCy model name and version.", default="", nullable=False)
    commit_attempts: int = _count("Commit attempts over all batches (more than `batches` after write conflicts).")
    host: str | None = _col(pa.string(), "Host name of the process that ran it.")
    pid: int | None = _col(pa.int64(), "Process id that ran it (with `host`, how a dead `running` run is recognised).")
    source: str | None = _col(pa.string(), "The declared source the run read (`sources.yaml` name, or the host of a URL given directly); null for paths.")

    @classmethod
    def counters(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("counter"))

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "RunRecord":
        """A record from a (possibly older, shorter) row; missing fields take their defaults."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})

    def add(self, **counts: int) -> None:
        """Add a batch's counts (names from :meth:`counters`)."""
        for k, v in counts.items():
            if k not in self.counters():
                raise KeyError(f"runs has no counter {k!r}")
            setattr(self, k, getattr(self, k) + int(v))

    def row(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


TABLES["runs"] = pa.schema([
    _f(f.name, f.metadata["type"], f.metadata["description"], nullable=f.metadata["nullable"])
    for f in dataclasses.fields(RunRecord)
])
TABLES["input_files"] = pa.schema([
    _f("sha256", pa.string(), "SHA-256 of the file's bytes.", nullable=False),
    _f("path", pa.string(), "The file's path when it was ingested.", nullable=False),
    _f("bytes", pa.int64(), "Size of the file.", nullable=False),
    _f("docs", pa.int64(), "Documents read from it (ok and rejected, duplicates included).", nullable=False),
    _f("extractor_version", pa.string(), "The extractor version every one of its documents was committed with.", nullable=False),
    _RUN_ID,
    _f("ingested_at", TS, "When the batch holding its last document committed.", nullable=False),
])
TABLES["fetches"] = pa.schema(
        [
            _RUN_ID,
            _f("source", pa.string(), "The source the request was made for (its name in `sources.yaml`, or the host for a URL given directly)."),
            _f("url", pa.string(), "The URL requested.", nullable=False),
            _f("kind", pa.string(), "`feed`, `sitemap`, `article` or `page` (a URL given directly).", nullable=False),
            _f("requested_at", TS, "When the request started (UTC).", nullable=False),
            _f("outcome", pa.string(), "`ok`, `not_modified` (304), `http_error`, `timeout`, `too_slow`, `too_large`, "
               "`too_many_redirects`, `robots_disallowed`, `network_error`, `invalid_url`, `not_a_feed`, "
               "`malformed_feed`, `unsupported_type` (a PDF, an image) or `rejected` (the page had no usable text).", nullable=False),
            _f("status", pa.int64(), "HTTP status of the last response; null when none came."),
            _f("error", pa.string(), "Why the request gave nothing usable, in one line; null when ok or unchanged."),
            _f("bytes", pa.int64(), "Body bytes received (0 for a 304 or a failure).", nullable=False),
            _f("elapsed_ms", pa.float64(), "Time of the last attempt, in milliseconds (politeness waits excluded)."),
            _f("attempts", pa.int64(), "Attempts made (retries on time-outs, 429 and 5xx, with backoff).", nullable=False),
            _f("content_type", pa.string(), "The response's Content-Type."),
            _f("final_url", pa.string(), "The URL after redirects."),
            _f("etag", pa.string(), "The response's ETag: sent back as If-None-Match next time."),
            _f("last_modified", pa.string(), "The response's Last-Modified: sent back as If-Modified-Since next time."),
            _f("doc_id", pa.string(), "The document the response gave (`documents.doc_id`), when it gave one."),
        ]
    )

TABLE_DESCRIPTIONS = {
    "documents": "One row per input document: analysed (`ok`) or `rejected` with its reason.",
    "mentions": "Each named-entity mention in a document.",
    "doc_entities": "One row per entity per document: canonical name, aliases and place data in that document.",
    "entity_roles": "Titles and roles held by entities, as the documents state them.",
    "entity_links": "How document-level entity ids resolve to real-world entities, with the evidence for each merge.",
    "entity_blocks": "Blocking keys of document-level entities (which ids are compared when linking).",
    "entities": "One row per real-world entity across all documents (aggregated from `doc_entities` through `entity_links`).",
    "claims": "Attributed statements: who says what, with which cue, and how certain the text is.",
    "claim_entities": "The entities each claim is spoken by or about.",
    "amounts": "Numbers with unit and what is counted, and the claim holding them.",
    "events": "Events typed with PLOVER, with actor, target, place, normalised time and modality.",
    "runs": "One row per ingest run, rewritten by each of its batch commits.",
    "input_files": "Input files whose every document is in the lake, by content: a run skips a file with the same "
                   "bytes and extractor version unread (how an unchanged input costs almost nothing to re-run).",
    "fetches": "One row per HTTP request a run made (feeds, sitemaps, articles): its outcome, status, size and time, so that a quiet source can be explained.",
}

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    TS: "TIMESTAMPTZ",
    pa.date32(): "DATE",
    STR_LIST: "VARCHAR[]",
    INT_PAIRS: "BIGINT[][]",
}


def duck_type(t: pa.DataType) -> str:
    return _DUCK_TYPES[t]


def description(field: pa.Field) -> str:
    return (field.metadata or {}).get(b"description", b"").decode()


def create_table_sql(name: str, qualified: str | None = None) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for a table (no constraints: DuckLake keeps none but NOT NULL)."""
    cols = ", ".join(
        f'"{f.name}" {duck_type(f.type)}{"" if f.nullable else " NOT NULL"}' for f in TABLES[name]
    )
    return f"CREATE TABLE IF NOT EXISTS {qualified or name} ({cols})"


def _cell(v: Any) -> Any:
    if isinstance(v, tuple):
        return list(v)
    return v


def to_table(name: str, rows: Iterable[Any], extra: Mapping[str, Any] | None = None) -> pa.Table:
    """Build the Arrow table ``name`` column-wise from dataclass rows (or mappings).

    Fields of the rows that the table does not have are dropped; ``extra`` fills columns that are the
    same for every row (``run_id``). A column missing from both raises ``KeyError``.
    """
    schema = TABLES[name]
    extra = dict(extra or {})
    names = schema.names
    columns: dict[str, list[Any]] = {n: [] for n in names}
    plans: dict[type, list[tuple[str, bool]]] = {}  # per dataclass: (column, read from the row?)
    for r in rows:
        if isinstance(r, Mapping):
            for n in names:
                if n in r:
                    columns[n].append(_cell(r[n]))
                elif n in extra:
                    columns[n].append(extra[n])
                else:
                    raise KeyError(f"{name}: row has no column {n!r}")
            continue
        plan = plans.get(type(r))
        if plan is None:  # the fields of a dataclass are the same for all its rows: look them up once
            own = {f.name for f in dataclasses.fields(r)}
            for n in names:
                if n not in own and n not in extra:
                    raise KeyError(f"{name}: row has no column {n!r}")
            plan = plans[type(r)] = [(n, n in own) for n in names]
        for n, from_row in plan:
            columns[n].append(_cell(getattr(r, n)) if from_row else extra[n])
    return pa.table([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)


# --------------------------------------------------------------------------- layout

#: Sort order of each table's Parquet files (DuckLake ``SET SORTED BY``: applied on insert and when
#: files are merged), chosen for the analyst queries: an entity's mentions and document rows sit
#: together (its timeline reads few row groups), claims by speaker, events by type and date,
#: documents by date. Min/max statistics per file and row group then skip what a filter excludes.
SORTED_BY: dict[str, str] = {
    "documents": "published_at ASC NULLS LAST",
    "mentions": "entity_id ASC",
    "doc_entities": "entity_id ASC",
    "claims": "speaker_entity_id ASC NULLS LAST",
    "events": "event_type ASC, date_start ASC NULLS LAST",
    "entity_links": "canonical_entity_id ASC",
}

#: A batch commit writes one small file per table. Files below this size are merged (and sorted)
#: into larger ones every ``COMPACT_EVERY`` batches and at the end of a run, so a long run leaves a
#: few files per table, not thousands; files already this large are left alone, so compaction
#: works on what recent batches wrote, not on the whole lake.
SMALL_FILE_BYTES = 16_000_000
COMPACT_EVERY = 64

#: Tables whose rows every batch commit replaces in place (relinking rewrites ``entity_links``,
#: ``entities`` and ``entity_blocks`` rows of the entities a batch touches; the run's row, the files it
#: finished, the commit row). Each commit leaves a small file plus a delete file on an older one, and
#: DuckLake merges only files without deletes, so without care a 46-batch run leaves 46 files each
#: (a 100,000-document lake then spent a third of an analyst query opening them). Compaction first
#: rewrites every file of these tables that has any deleted row (``ducklake_rewrite_data_files`` with
#: ``delete_threshold`` 0), then merges: they stay one file each. They grow with distinct entities,
#: not with documents, so the rewrite stays small; per-document tables keep DuckLake's default
#: threshold (a file is rewritten when most of its rows are deleted).
REWRITTEN_IN_PLACE = ("entity_links", "entities", "entity_blocks", "runs", "input_files", "commit_guard")
