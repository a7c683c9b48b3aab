"""Where one worker's CPU goes: cProfile of one batch through the worker's own function
(:func:`newslake.flows.workers.extract_tables`: parse, every extractor, Arrow tables), on Reuters
stories and on PolNeAR articles, after the worker's warm-up (model loaded, dictionaries built).

    python bench/profile_worker.py [--reuters 200] [--polnear 20] [--top 40] [--out prof.pstats]
    python bench/profile_worker.py --stages [--reuters 300] [--polnear 30]

``--stages``: no profiler (its overhead is several times the cost of the small calls the
extractors make): CPU seconds of the raw model's parse, of newslake's parse without its entity
fixes, of the fixes, and of each extractor over the same parsed documents, and their sum as a share
of the raw parse. Otherwise prints, per sample, CPU seconds of the raw model's parse (``spacy.load`` + ``nlp.pipe`` of the same texts)
and of newslake's pipeline beside the whole batch, the share of each extractor stage, and the top functions by own time.
Reads ``../shared`` (never copied into the repo).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import MODEL, polnear, reuters  # noqa: E402

STAGES = {  # function name substrings -> stage, for the cumulative summary
    "parse (nlp.pipe)": ("language.py", "pipe"),
    "entity fixes (in the pipeline)": ("transforms/pipeline.py", "__call__"),
    "entities": ("entities/extract.py", "extract_entities"),
    "roles": ("entities/roles.py", "extract_roles"),
    "claims": ("claims/extract.py", "extract_claims"),
    "claim entities": ("claims/entities.py", "extract_claim_entities"),
    "amounts": ("claims/amounts.py", "extract_amounts"),
    "events": ("events/extract.py", "extract_events"),
    "learned tagger": ("claims/learned.py", "learned_spans"),
    "Arrow tables": ("warehouse/schema.py", "to_table"),
}


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    out = {}
    for label, (file_part, fn) in STAGES.items():
        cum = [v[3] for (f, _, name), v in stats.stats.items() if name == fn and f.endswith(file_part)]  # type: ignore[attr-defined]
        out[label] = max(cum) if cum else 0.0
    return out


def profile(label: str, records: list[dict], top: int, out: str | None) -> None:
    from newslake.flows.workers import _nlp, extract_tables
    from newslake.transforms.ingest.readers import read_source

    docs = [d for r in records for d in read_source(json.dumps(r).encode(), uri=f"{r['id']}.json") if d.status == "ok"]
    import spacy

    raw = spacy.load(MODEL)
    list(raw.pipe(d.text for d in docs[:10]))
    t0 = time.process_time()
    tokens = sum(len(d) for d in raw.pipe(d.text for d in docs))
    parse = time.process_time() - t0
    del raw
    nlp = _nlp(MODEL)  # loads and warms up like a worker
    t0 = time.process_time()
    sum(len(d) for d in nlp.pipe(d.text for d in docs))
    ours = time.process_time() - t0
    pr = cProfile.Profile(time.process_time)
    t0 = time.process_time()
    pr.enable()
    res = extract_tables(docs, MODEL, "profile", "profile")
    pr.disable()
    whole = time.process_time() - t0
    print(f"\n== {label}: {len(docs)} docs, {tokens} tokens; CPU: raw model's parse {parse:.2f} s, newslake's "
          f"pipeline (entity fixes included) {ours:.2f} s, whole batch {whole:.2f} s under cProfile "
          f"({whole / parse:.2f}x the raw parse); {sum(t.num_rows for t in res.tables.values())} rows")
    if out:
        pr.dump_stats(f"{out}.{label}")
    st = pstats.Stats(pr)
    total = st.total_tt  # type: ignore[attr-defined]
    for k, v in stage_times(st).items():
        print(f"  {k:<22} {v:7.2f} s  {v / total:6.1%}")
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(top)
    print(s.getvalue()[-12000:])


def stages(label: str, records: list[dict]) -> None:
    import spacy

    from newslake.flows.workers import _nlp
    from newslake.transforms.claims import extract_amounts, extract_claim_entities, extract_claims
    from newslake.transforms.entities import extract_entities, extract_roles
    from newslake.transforms.events import extract_events
    from newslake.transforms.ingest.readers import read_source
    from newslake.transforms.pipeline import ENTITY_FIXES
    from newslake.transforms.types import SpanEntityLookup

    cpu = time.process_time
    docs = [d for r in records for d in read_source(json.dumps(r).encode(), uri=f"{r['id']}.json") if d.status == "ok"]
    raw = spacy.load(MODEL)
    list(raw.pipe(d.text for d in docs[:5]))
    t0 = cpu()
    tokens = sum(len(d) for d in raw.pipe(d.text for d in docs))
    t_raw = cpu() - t0
    nlp = _nlp(MODEL)  # loaded and warmed up like a worker
    with nlp.select_pipes(disable=[ENTITY_FIXES]):
        t0 = cpu()
        parsed = list(nlp.pipe(d.text for d in docs))
        t_parse = cpu() - t0
    fixes = nlp.get_pipe(ENTITY_FIXES)
    t0 = cpu()
    parsed = [fixes(d) for d in parsed]
    acc = {"entity fixes": cpu() - t0, "entities": 0.0, "roles": 0.0, "claims": 0.0, "claim entities": 0.0,
           "amounts": 0.0, "events": 0.0}

    def timed(key, fn, *a, **kw):  # type: ignore[no-untyped-def]
        t = cpu()
        out = fn(*a, **kw)
        acc[key] += cpu() - t
        return out

    for src, doc in zip(docs, parsed):
        v, i = "profile", src.doc_id
        ents = timed("entities", extract_entities, doc, doc_id=i, extractor_version=v)
        spans = [(m.start_char, m.end_char, m.entity_id) for m in ents.mentions]
        look = SpanEntityLookup.from_triples(spans)
        roles = timed("roles", extract_roles, doc, doc_id=i, entities=look, extractor_version=v)
        claims = timed("claims", extract_claims, doc, doc_id=i, entities=look, extractor_version=v, roles=roles)
        timed("claim entities", extract_claim_entities, doc, claims, mentions=spans, extractor_version=v)
        timed("amounts", extract_amounts, doc, doc_id=i, claims=claims, extractor_version=v)
        timed("events", extract_events, doc, doc_id=i, entities=look, claims=claims,
              published_at=src.published_at, extractor_version=v)
    total = sum(acc.values())
    print(f"{label}: {len(docs)} docs, {tokens} tokens; CPU s: raw parse {t_raw:.2f}, newslake's parse without "
          f"the entity fixes {t_parse:.2f}; " + ", ".join(f"{k} {v:.2f}" for k, v in acc.items())
          + f"; extraction {total:.2f} = {total / t_raw:.0%} of the raw parse", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=int, default=200)
    ap.add_argument("--polnear", type=int, default=20)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--out", default=None, help="write the raw profiles to OUT.<sample>")
    ap.add_argument("--stages", action="store_true", help="CPU per stage without the profiler")
    args = ap.parse_args()
    if args.stages:
        for label, n, read in (("reuters", args.reuters, reuters), ("polnear", args.polnear, polnear)):
            if n:
                stages(label, read(n))
        return
    if args.reuters:
        profile("reuters", reuters(args.reuters), args.top, args.out)
    if args.polnear:
        profile("polnear", polnear(args.polnear), args.top, args.out)


if __name__ == "__main__":
    main()
