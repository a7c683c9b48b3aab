"""Print a fixed-seed random sample of claims on Reuters wire stories, for reading.

    .venv/bin/python bench/claims_sample.py [--stories 150] [--n 30] [--seed 9] [--only-learned]

Reads ``../shared/corpus/reuters21578.jsonl`` (never copied), draws ``--stories`` stories with
``--seed``, extracts their claims in the default mode and in the rules-only mode, prints the counts
of both and a random sample of ``--n`` claims of the default mode (with ``--only-learned``: only
the claims the tagger added, i.e. those the rules do not make), each with its sentence, so that a
reader can judge speaker, cue and content at their offsets.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslake.transforms.claims.extract import DEFAULT_MODE, extract_claims  # noqa: E402
from newslake.transforms.claims.learned import load_tagger  # noqa: E402
from newslake.transforms.pipeline import load_nlp  # noqa: E402
from newslake.transforms.types import SpanEntityLookup  # noqa: E402

_REL = Path("shared") / "corpus" / "reuters21578.jsonl"
CORPUS = next((p / _REL for p in (ROOT.parent, ROOT.parent.parent) if (p / _REL).exists()), ROOT.parent / _REL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=150)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--only-learned", action="store_true")
    args = ap.parse_args()
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    rng = random.Random(args.seed)
    stories = rng.sample([r for r in rows if r.get("text", "").strip()], args.stories)
    nlp = load_nlp()
    load_tagger()
    picked = []
    n_rules = n_default = 0
    t_parse = t_rules = t_default = 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe((s["text"] for s in stories), batch_size=16))
    t_parse = time.perf_counter() - t0
    for story, doc in zip(stories, docs):
        ents = SpanEntityLookup.from_triples((e.start_char, e.end_char, e.text) for e in doc.ents)
        t0 = time.perf_counter()
        rules = extract_claims(doc, doc_id=str(story["id"]), entities=ents, mode="rules")
        t1 = time.perf_counter()
        default = extract_claims(doc, doc_id=str(story["id"]), entities=ents)
        t_rules, t_default = t_rules + t1 - t0, t_default + time.perf_counter() - t1
        keys = {(c.cue_start, c.start_char, c.end_char) for c in rules}
        n_rules += len(rules)
        n_default += len(default)
        for c in default:
            added = (c.cue_start, c.start_char, c.end_char) not in keys
            if added or not args.only_learned:
                picked.append((story, c, added))
    print(f"{args.stories} Reuters stories (seed {args.seed}): {n_rules} claims by the rules, "
          f"{n_default} in mode {DEFAULT_MODE}")
    print(f"time: spaCy parse {t_parse:.1f}s, claims by the rules {t_rules:.1f}s, claims in mode "
          f"{DEFAULT_MODE} {t_default:.1f}s (same documents, same run)")
    for k, (story, c, added) in enumerate(rng.sample(picked, min(args.n, len(picked))), 1):
        print(f"\n[{k}] story {story['id']} chars {c.start_char}-{c.end_char} {'LEARNED' if added else 'rules'} "
              f"{c.certainty}")
        print(f"  sentence: {story['text'][c.sentence_start:c.sentence_end]!r}")
        print(f"  speaker: {c.speaker_text!r} ({c.speaker_kind}, entity {c.speaker_entity_id!r})  cue: {c.cue!r}")
        print(f"  content: {c.content!r}")


if __name__ == "__main__":
    main()
