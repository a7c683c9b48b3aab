"""Score the lake against a hand-made gold file (format ``newslake-gold/1``).

Matching follows the gold file's own rules: names compare case-insensitively after collapsing
whitespace and normalising quotes; a label list means any of them is right. Entities are exhaustive
(so precision is meaningful); claims and events serve recall (their precision here counts a
prediction as right only when it matches some gold item, so it is a lower bound).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from newslake.warehouse.lake import LakeConfig, connect

PLACE = {"GPE", "LOC", "FAC"}
FAMILIES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "–": "-", "—": "-"})


class GoldError(ValueError):
    """The gold file is unreadable or its document is not in the lake."""


def norm(s: str | None) -> str:
    """Lenient form for comparing names: NFC, quotes unified, whitespace collapsed, casefolded.

    >>> norm("  The  Kremlin’s ")
    "the kremlin's"
    """
    s = unicodedata.normalize("NFC", s or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def _strip_the(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


def forms(name: str | None, aliases: Iterable[str] = ()) -> set[str]:
    out = set()
    for x in [name or "", *aliases]:
        n = norm(x)
        if n:
            out |= {n, _strip_the(n)}
    return out


@dataclass
class Score:
    table: str
    gold: int
    found: int
    predicted: int | None = None
    correct: int | None = None
    note: str = ""

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float | None:
        if self.predicted is None or self.correct is None:
            return None
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_row(self) -> tuple:
        f = (lambda x: None if x is None else round(x, 3))
        return (self.table, self.gold, self.found, self.predicted, f(self.precision), f(self.recall), f(self.f1), self.note)


@dataclass
class Report:
    doc_id: str
    scores: list[Score] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def get(self, table: str) -> Score:
        return next(s for s in self.scores if s.table == table)


def _fetch(con, sql: str, params: list) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: not a gold JSON file ({e})") from None
    if not str(gold.get("format", "")).startswith("newslake-gold/"):
        raise GoldError(f"{path}: format is {gold.get('format')!r}, expected newslake-gold/1")
    return gold


def evaluate_gold(cfg: LakeConfig, gold_path: Path, *, doc_id: str | None = None) -> Report:
    gold = load_gold(gold_path)
    with connect(cfg, read_only=True) as con:
        if doc_id is None:
            name = gold.get("document", {}).get("file", "")
            hits = _fetch(con, "SELECT doc_id FROM documents WHERE status = 'ok' AND (uri = ? OR uri LIKE ?) ORDER BY doc_id",
                          [name, f"%/{name}"])
            if not hits:
                raise GoldError(f"no ingested document named {name!r} in the lake (ingest it first, or pass --doc-id)")
            doc_id = hits[0]["doc_id"]
        ents = _fetch(con, "SELECT * FROM doc_entities WHERE doc_id = ?", [doc_id])
        mentions = _fetch(con, "SELECT * FROM mentions WHERE doc_id = ?", [doc_id])
        claims = _fetch(con, "SELECT * FROM claims WHERE doc_id = ?", [doc_id])
        events = _fetch(con, "SELECT * FROM events WHERE doc_id = ?", [doc_id])
    rep = Report(doc_id)
    _score_entities(rep, gold.get("entities", []), ents, mentions)
    by_id = {e["entity_id"]: forms(e["name"], e["aliases"] or []) for e in ents}
    _score_claims(rep, gold.get("claims", []), claims, by_id)
    _score_events(rep, gold.get("events", []), events, by_id)
    return rep


def _family(label: str) -> str | None:
    return FAMILIES.get(label)


def _gold_families(g: dict) -> set[str]:
    return {f for f in map(_family, g.get("labels", [])) if f}


def _score_entities(rep: Report, gold: list[dict], ents: list[dict], mentions: list[dict]) -> None:
    pred = [e for e in ents if _family(e["label"])]
    gforms = [(g, forms(g["name"], g.get("aliases", []))) for g in gold]

    def matches(e: dict, g: dict, gf: set[str]) -> bool:
        return bool(forms(e["name"], e["aliases"] or []) & gf) and _family(e["label"]) in _gold_families(g)

    found = 0
    for g, gf in gforms:
        if any(matches(e, g, gf) for e in pred):
            found += 1
        else:
            seen = [f"{e['name']} ({e['label']})" for e in ents if forms(e["name"], e["aliases"] or []) & gf]
            rep.misses.append(f"entity {g['name']} {'/'.join(g['labels'])}" + (f": found as {', '.join(seen)}" if seen else ": not found"))
    correct = 0
    for e in pred:
        if any(matches(e, g, gf) for g, gf in gforms):
            correct += 1
        else:
            rep.misses.append(f"extra entity {e['name']} ({e['label']})")
    rep.scores.append(Score("entities", len(gold), found, len(pred), correct, "by surface form and label family"))
    def home(g: dict, gf: set[str]) -> str | None:
        """A gold entity with several allowed families counts in the one it was found in (else its first)."""
        hit = next((e for e in pred if matches(e, g, gf)), None)
        return _family(hit["label"]) if hit else _family(g["labels"][0])

    homes = [home(g, gf) for g, gf in gforms]
    for fam in ("PERSON", "ORG", "NORP", "PLACE"):
        fg = [(g, gf) for (g, gf), h in zip(gforms, homes) if h == fam]
        fp = [e for e in pred if _family(e["label"]) == fam]
        rep.scores.append(Score(
            f"entities[{fam}]", len(fg), sum(any(matches(e, g, gf) for e in fp) for g, gf in fg), len(fp),
            sum(any(matches(e, g, gf) for g, gf in fg) for e in fp),
            "GPE, LOC and FAC" if fam == "PLACE" else ""))

    # alias groups: every surface form of a gold entity that occurs must be one entity
    groups = [(g, gf) for g, gf in gforms if g.get("aliases")]
    ok = 0
    for g, gf in groups:
        ids = {m["entity_id"] for m in mentions if _strip_the(norm(m["text"])) in gf}
        if len(ids) == 1:
            ok += 1
        else:
            rep.misses.append(f"alias group {g['name']}: {len(ids)} entities")
    rep.scores.append(Score("alias_groups", len(groups), ok, note="gold alias groups resolved to one entity"))

    places = [(g, gf) for g, gf in gforms if g.get("country_code")]
    geo = 0
    for g, gf in places:
        cc = {e["country_code"] for e in pred if forms(e["name"], e["aliases"] or []) & gf}
        if g["country_code"] in cc:
            geo += 1
        else:
            rep.misses.append(f"place {g['name']}: country {sorted(c or '-' for c in cc) or 'not found'}, gold {g['country_code']}")
    rep.scores.append(Score("places_geocoded", len(places), geo, note="gold places with the right country_code"))


def _speaker_ok(gold_speaker: str | None, c: dict, by_id: dict[str, set[str]]) -> bool:
    if gold_speaker is None:
        return c["speaker_entity_id"] is None and c["speaker_kind"] in ("unattributed", "unnamed")
    gf = forms(gold_speaker)
    if c["speaker_entity_id"] and by_id.get(c["speaker_entity_id"], set()) & gf:
        return True
    return _strip_the(norm(c["speaker_text"])) in gf


def _contains(haystack: str | None, needle: str) -> bool:
    return norm(needle) in norm(haystack)


def _score_claims(rep: Report, gold: list[dict], claims: list[dict], by_id: dict[str, set[str]]) -> None:
    found = speaker = certainty = 0
    matched: set[str] = set()
    for g in gold:
        cands = [c for c in claims if _contains(c["content"], g["content_contains"])]
        matched |= {c["claim_id"] for c in cands}
        if not cands:
            rep.misses.append(f"claim '{g['content_contains']}' ({g.get('cue')}): not found")
            continue
        found += 1
        sp = [c for c in cands if _speaker_ok(g.get("speaker"), c, by_id)]
        if sp:
            speaker += 1
        else:
            rep.misses.append(f"claim '{g['content_contains']}': speaker {[c['speaker_text'] for c in cands]}, gold {g.get('speaker')}")
        if any(c["certainty"] == g["certainty"] for c in (sp or cands)):
            certainty += 1
        else:
            rep.misses.append(f"claim '{g['content_contains']}': certainty {[c['certainty'] for c in cands]}, gold {g['certainty']}")
    n = len(claims)
    rep.scores.append(Score("claims", len(gold), found, n, len(matched), "content found (precision: lower bound)"))
    rep.scores.append(Score("claims+speaker", len(gold), speaker, note="content and speaker right"))
    rep.scores.append(Score("claims+certainty", len(gold), certainty, note="content and certainty right"))


def _role_ok(gold_name: str | None, text: str | None, eid: str | None, by_id: dict[str, set[str]]) -> bool:
    if not gold_name:
        return True
    gf = forms(gold_name)
    if eid and by_id.get(eid, set()) & gf:
        return True
    t = _strip_the(norm(text))
    return bool(t) and (t in gf or any(f in t for f in gf))


def _trigger_ok(gold_trigger: str, trigger: str) -> bool:
    g, t = norm(gold_trigger), norm(trigger)
    return g == t or g.split()[0] == t.split()[0] or t in g


def _score_events(rep: Report, gold: list[dict], events: list[dict], by_id: dict[str, set[str]]) -> None:
    found = parts = modality = 0
    matched: set[str] = set()
    for g in gold:
        cands = [e for e in events if _trigger_ok(g["trigger"], e["trigger"]) and e["event_type"] in g["types"]]
        matched |= {e["event_id"] for e in cands}
        if not cands:
            rep.misses.append(f"event {g['trigger']} {'/'.join(g['types'])}: not found"
                              + (f" (typed {[e['event_type'] for e in events if _trigger_ok(g['trigger'], e['trigger'])]})"
                                 if any(_trigger_ok(g["trigger"], e["trigger"]) for e in events) else ""))
            continue
        found += 1
        pc = [e for e in cands
              if _role_ok(g.get("actor"), e["actor_text"], e["actor_entity_id"], by_id)
              and _role_ok(g.get("target"), e["target_text"], e["target_entity_id"], by_id)]
        if pc:
            parts += 1
        else:
            rep.misses.append(f"event {g['trigger']}: actor/target {[(e['actor_text'], e['target_text']) for e in cands]}, "
                              f"gold {g.get('actor')}/{g.get('target')}")
        if any(e["modality"] == g["modality"] for e in (pc or cands)):
            modality += 1
        else:
            rep.misses.append(f"event {g['trigger']}: modality {[e['modality'] for e in cands]}, gold {g['modality']}")
    rep.scores.append(Score("events", len(gold), found, len(events), len(matched), "trigger and type (precision: lower bound)"))
    rep.scores.append(Score("events+participants", len(gold), parts, note="type, actor and target right"))
    rep.scores.append(Score("events+modality", len(gold), modality, note="type and modality right"))
