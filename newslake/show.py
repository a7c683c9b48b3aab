"""The evidence view: a document with its entity mentions, claims and event triggers marked, then its rows.

``load(con, row_id)`` accepts a document id or any row id (``clm_`` claim, ``evt_`` event, ``men_``
mention, ``ent_`` entity (document-level or real-world), ``rol_`` role, ``amt_`` amount) and returns
the :class:`Evidence` of the document that holds the row, with that row in focus. ``render_terminal``
prints it with rich; ``render_html`` writes the same as a self-contained page whose marks carry the
row ids as anchors (``doc_….html#evt_…``), which the report links to.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import duckdb

from newslake.warehouse import LAKE


class NotFound(LookupError):
    """No document or row has the id."""


@dataclass(frozen=True)
class Mark:
    """A span of the document's text to mark: ``kind`` is mention, speaker, cue, claim or trigger."""

    start: int
    end: int
    kind: str
    row_id: str
    label: str


@dataclass
class Evidence:
    doc: dict[str, Any]
    mentions: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]
    focus_table: str | None = None
    focus_id: str | None = None
    focus_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc["text"] or ""

    def marks(self) -> list[Mark]:
        """Every span to mark, valid offsets only, in text order."""
        out: list[Mark] = []
        for m in self.mentions:
            out.append(Mark(m["start_char"], m["end_char"], "mention", m["mention_id"],
                            f"{m['label']}: {m['entity_name'] or m['text']}"))
        for c in self.claims:
            out.append(Mark(c["start_char"], c["end_char"], "claim", c["claim_id"],
                            f"claim ({c['certainty']}) by {c['speaker_name'] or c['speaker_text'] or 'unattributed'}"))
            if c["speaker_start"] is not None and c["speaker_end"] is not None:
                out.append(Mark(c["speaker_start"], c["speaker_end"], "speaker", c["claim_id"],
                                f"speaker of {c['claim_id']}"))
            if c["cue_start"] is not None and c["cue_end"] is not None:
                out.append(Mark(c["cue_start"], c["cue_end"], "cue", c["claim_id"], f"cue of {c['claim_id']}"))
        for e in self.events:
            out.append(Mark(e["start_char"], e["end_char"], "trigger", e["event_id"],
                            f"{e['event_type']} ({e['modality']})"))
        n = len(self.text)
        return sorted((m for m in out if 0 <= m.start < m.end <= n), key=lambda m: (m.start, -m.end))


# --- loading ----------------------------------------------------------------------------------------

_ROW_TABLES = {  # id prefix -> (table, id column, spans to focus)
    "men": ("mentions", "mention_id", [("start_char", "end_char")]),
    "clm": ("claims", "claim_id", [("start_char", "end_char"), ("speaker_start", "speaker_end"), ("cue_start", "cue_end")]),
    "evt": ("events", "event_id", [("start_char", "end_char"), ("actor_start", "actor_end"),
                                   ("target_start", "target_end"), ("location_start", "location_end")]),
    "rol": ("entity_roles", "role_id", [("start_char", "end_char")]),
    "amt": ("amounts", "amount_id", [("start_char", "end_char")]),
}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _locate(con: duckdb.DuckDBPyConnection, row_id: str, doc: str | None) -> tuple[str, str | None, list[tuple[int, int]]]:
    """``(doc_id, focus table, focus spans)`` of a document or row id."""
    if con.execute(f"SELECT 1 FROM {LAKE}.documents WHERE doc_id = ?", [row_id]).fetchone():
        return row_id, None, []
    prefix = row_id.split("_", 1)[0]
    for p, (table, col, spans) in _ROW_TABLES.items():
        if prefix != p and prefix in _ROW_TABLES:
            continue
        cols = ", ".join(f"{a}, {b}" for a, b in spans)
        r = con.execute(f"SELECT doc_id, {cols} FROM {LAKE}.{table} WHERE {col} = ? LIMIT 1", [row_id]).fetchone()
        if r:
            pairs = [(r[i], r[i + 1]) for i in range(1, len(r), 2) if r[i] is not None and r[i + 1] is not None]
            return r[0], table, pairs
    # an entity: document-level id, or a real-world id whose members are in entity_links
    members = [x[0] for x in con.execute(
        f"SELECT entity_id FROM {LAKE}.entity_links WHERE canonical_entity_id = ? OR entity_id = ?",
        [row_id, row_id]).fetchall()] or [row_id]
    sql = (f"SELECT doc_id, start_char, end_char FROM {LAKE}.doc_entities WHERE entity_id IN (SELECT unnest(?))"
           + (" AND doc_id = ?" if doc else "") + " ORDER BY mention_count DESC, doc_id LIMIT 1")
    r = con.execute(sql, [members] + ([doc] if doc else [])).fetchone()
    if r:
        spans = con.execute(f"SELECT start_char, end_char FROM {LAKE}.mentions WHERE doc_id = ? AND entity_id IN "
                            "(SELECT unnest(?)) ORDER BY start_char", [r[0], members]).fetchall()
        return r[0], "entities", [tuple(s) for s in spans]
    raise NotFound(f"no document or row has the id {row_id!r}"
                   + (f" in document {doc}" if doc else "")
                   + " (ids look like doc_…, clm_…, evt_…, men_…, ent_…, rol_…, amt_…)")


def load(con: duckdb.DuckDBPyConnection, row_id: str, *, doc: str | None = None) -> Evidence:
    """The evidence for a document id or a row id (``doc`` picks the document of an entity)."""
    doc_id, table, spans = _locate(con, row_id.strip(), doc)
    ev = load_many(con, [doc_id])[doc_id]
    ev.focus_table, ev.focus_id, ev.focus_spans = table, None if table is None else row_id.strip(), spans
    return ev


def load_many(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, Evidence]:
    """The evidence of many documents at once (one query per table): ``doc_id -> Evidence``."""
    ids = [list(doc_ids)]
    where = "doc_id IN (SELECT unnest(?))"

    def grouped(sql: str) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for r in _rows(con, sql, ids):
            out.setdefault(r.pop("_doc"), []).append(r)
        return out

    docs = _rows(con, f"SELECT doc_id, status, error, title, source, uri, url, published_at, text, extractor_version "
                      f"FROM {LAKE}.documents WHERE {where}", ids)
    mentions = grouped(f"""
        SELECT m.doc_id AS _doc, m.mention_id, m.entity_id, m.text, m.label, m.start_char, m.end_char,
               l.canonical_entity_id, e.name AS entity_name
        FROM {LAKE}.mentions m
        LEFT JOIN {LAKE}.entity_links l USING (entity_id)
        LEFT JOIN {LAKE}.entities e ON e.entity_id = l.canonical_entity_id
        WHERE m.{where} ORDER BY m.start_char""")
    entities = grouped(f"""
        SELECT de.doc_id AS _doc, de.entity_id, coalesce(l.canonical_entity_id, de.entity_id) AS canonical_entity_id,
               de.name, e.name AS entity_name, de.label, de.mention_count, e.doc_count, de.latitude, de.longitude
        FROM {LAKE}.doc_entities de
        LEFT JOIN {LAKE}.entity_links l USING (entity_id)
        LEFT JOIN {LAKE}.entities e ON e.entity_id = l.canonical_entity_id
        WHERE de.{where} ORDER BY de.mention_count DESC, de.start_char""")
    claims = grouped(f"""
        SELECT doc_id AS _doc, claim_id, speaker_text, speaker_kind, speaker_id, speaker_name, speaker_start,
               speaker_end, cue, cue_start, cue_end, content, is_quote, certainty, start_char, end_char
        FROM {LAKE}.claims_named WHERE {where} ORDER BY start_char""")
    events = grouped(f"""
        SELECT doc_id AS _doc, event_id, event_type, trigger, modality, actor_text, actor_name, target_text,
               target_name, location_text, place_name, date_text, date_start, date_end, claim_id, start_char, end_char
        FROM {LAKE}.events_named WHERE {where} ORDER BY start_char""")
    return {d["doc_id"]: Evidence(d, mentions.get(d["doc_id"], []), entities.get(d["doc_id"], []),
                                  claims.get(d["doc_id"], []), events.get(d["doc_id"], []))
            for d in docs}


# --- terminal ---------------------------------------------------------------------------------------

STYLES = {"mention": "underline cyan", "claim": "italic", "speaker": "bold magenta", "cue": "bold yellow",
          "trigger": "bold white on red", "focus": "reverse"}


def _short(s: Any, n: int = 80) -> str:
    s = "" if s is None else str(s).replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _who(name: Any, text: Any) -> str:
    if name and text and str(name).lower() != str(text).lower():
        return f"{text} → {name}"
    return str(name or text or "")


def render_terminal(ev: Evidence, console: Any) -> None:
    """Print the document with its marks and then the rows (rich)."""
    from rich.panel import Panel
    from rich.table import Column, Table
    from rich.text import Text

    d = ev.doc
    head = Text()
    head.append(d["title"] or "(untitled)", style="bold")
    head.append(f"\n{d['doc_id']}  {d['source'] or ''}  {d['published_at'] or 'undated'}  {d['uri']}", style="dim")
    if d["status"] != "ok":
        head.append(f"\nrejected: {d['error']}", style="red")
    console.print(Panel(head, expand=True))
    legend = Text("marks: ")
    for kind in ("mention", "speaker", "cue", "claim", "trigger"):
        legend.append(kind, style=STYLES[kind])
        legend.append("  ")
    if ev.focus_id:
        legend.append(ev.focus_id, style=STYLES["focus"])
    console.print(legend)
    body = Text(ev.text)
    for m in ev.marks():
        body.stylize(STYLES[m.kind], m.start, m.end)
    for s, e in ev.focus_spans:
        body.stylize(STYLES["focus"], s, e)
    console.print(body)

    if ev.focus_id:
        console.print(Text(f"\nfocus: {ev.focus_table} {ev.focus_id}", style="bold"))
        for s, e in ev.focus_spans:
            console.print(f"  [{s}:{e}] {_short(ev.text[s:e], 160)!r}", highlight=False)

    t = Table("entity", "label", "in doc", "docs", Column("entity_id", no_wrap=True), title=f"entities ({len(ev.entities)})",
              title_justify="left")
    for r in ev.entities:
        t.add_row(_who(r["entity_name"], r["name"]), r["label"], str(r["mention_count"]),
                  str(r["doc_count"] or ""), r["canonical_entity_id"])
    console.print(t)
    t = Table(Column("claim_id", no_wrap=True), "speaker", "cue", "certainty", "content", title=f"claims ({len(ev.claims)})",
              title_justify="left")
    for r in ev.claims:
        t.add_row(r["claim_id"], _who(r["speaker_name"], r["speaker_text"]) or f"({r['speaker_kind']})",
                  r["cue"], r["certainty"], _short(r["content"], 90))
    console.print(t)
    t = Table(Column("event_id", no_wrap=True), "type", "trigger", "actor", "target", "place", "date", "modality",
              title=f"events ({len(ev.events)})", title_justify="left")
    for r in ev.events:
        t.add_row(r["event_id"], r["event_type"], r["trigger"], _who(r["actor_name"], r["actor_text"]),
                  _who(r["target_name"], r["target_text"]), _who(r["place_name"], r["location_text"]),
                  str(r["date_start"] or r["date_text"] or ""), r["modality"])
    console.print(t)


# --- HTML -------------------------------------------------------------------------------------------

CSS = """
body{font:15px/1.55 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem;margin-bottom:.2rem} .meta{color:#666;font-size:.85rem}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:6px;background:#fcfcfc}
.mention{border-bottom:2px solid #1f77b4} .claim{background:#eef5e9} .speaker{color:#9b1b9b;font-weight:600}
.cue{background:#ffe98a} .trigger{background:#d62728;color:#fff;border-radius:3px;padding:0 2px}
.focus,:target{outline:3px solid #ff7f0e;outline-offset:1px}
table{border-collapse:collapse;margin:1rem 0;font-size:.85rem;width:100%} td,th{border-bottom:1px solid #eee;
padding:3px 6px;text-align:left;vertical-align:top} th{background:#f4f4f4} .legend span{margin-right:1rem}
code{font-size:.8rem}
"""


def _segments(n: int, marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """Cut ``[0, n)`` at every mark boundary: each piece with the marks covering it (outermost first)."""
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out.append((a, b, [m for m in marks if m.start <= a and b <= m.end]))
    return out


def render_html(ev: Evidence, *, back: str | None = None) -> str:
    """A self-contained page: the document with its marks (each row id an anchor), then the rows."""
    e = html.escape
    marks = ev.marks()
    focus = [Mark(s, t, "focus", ev.focus_id or "", "focus") for s, t in ev.focus_spans if 0 <= s < t <= len(ev.text)]
    anchored: set[str] = set()
    parts: list[str] = []
    for a, b, covering in _segments(len(ev.text), marks + focus):
        piece = e(ev.text[a:b])
        for m in reversed(covering):
            attrs = f' class="{m.kind}" title="{e(m.label)} · {e(m.row_id)}"'
            if m.kind != "focus" and m.start == a and m.row_id not in anchored and m.kind in ("mention", "claim", "trigger"):
                anchored.add(m.row_id)
                attrs += f' id="{e(m.row_id)}"'
            piece = f"<span{attrs}>{piece}</span>"
        parts.append(piece)
    d = ev.doc

    def table(caption: str, cols: list[str], rows: list[list[Any]], ids: list[str]) -> str:
        head = "".join(f"<th>{e(c)}</th>" for c in cols)
        body = "".join(
            f'<tr id="row-{e(i)}">' + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r, i in zip(rows, ids))
        return f"<h2>{e(caption)}</h2><table><tr>{head}</tr>{body}</table>"

    def link(row_id: str) -> str:
        return f'<a href="#{e(row_id)}"><code>{e(row_id)}</code></a>'

    ent_first = {m["entity_id"]: m["mention_id"] for m in reversed(ev.mentions)}
    sections = [
        table(f"Entities ({len(ev.entities)})", ["entity", "label", "mentions here", "documents", "entity_id"],
              [[e(_who(r["entity_name"], r["name"])), e(r["label"]), r["mention_count"], r["doc_count"] or "",
                (f'<a href="#{e(ent_first[r["entity_id"]])}"><code>{e(r["canonical_entity_id"])}</code></a>'
                 if r["entity_id"] in ent_first else f"<code>{e(r['canonical_entity_id'])}</code>")]
               for r in ev.entities], [r["canonical_entity_id"] for r in ev.entities]),
        table(f"Claims ({len(ev.claims)})", ["claim", "speaker", "cue", "certainty", "content"],
              [[link(r["claim_id"]), e(_who(r["speaker_name"], r["speaker_text"]) or f"({r['speaker_kind']})"),
                e(r["cue"]), e(r["certainty"]), e(r["content"])] for r in ev.claims], [r["claim_id"] for r in ev.claims]),
        table(f"Events ({len(ev.events)})", ["event", "type", "trigger", "actor", "target", "place", "date", "modality"],
              [[link(r["event_id"]), e(r["event_type"]), e(r["trigger"]), e(_who(r["actor_name"], r["actor_text"])),
                e(_who(r["target_name"], r["target_text"])), e(_who(r["place_name"], r["location_text"])),
                e(str(r["date_start"] or r["date_text"] or "")), e(r["modality"])] for r in ev.events],
              [r["event_id"] for r in ev.events]),
    ]
    legend = "".join(f'<span class="{k}">{k}</span>' for k in ("mention", "speaker", "cue", "claim", "trigger"))
    focus_note = (f'<p>Focus: {e(ev.focus_table or "")} <code>{e(ev.focus_id)}</code></p>' if ev.focus_id else "")
    nav = f'<p><a href="{e(back)}">← report</a></p>' if back else ""
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(d['title'] or d['doc_id'])}</title>"
        f"<style>{CSS}</style></head><body>{nav}<h1>{e(d['title'] or '(untitled)')}</h1>"
        f"<p class=meta><code>{e(d['doc_id'])}</code> · {e(d['source'] or '')} · {e(str(d['published_at'] or 'undated'))}"
        f" · {e(d['uri'] or '')} · {e(d['extractor_version'] or '')}</p>{focus_note}"
        f"<p class=legend>{legend}</p><div class=text>{''.join(parts)}</div>{''.join(sections)}</body></html>\n"
    )
