"""A static HTML report of the lake, drawn with Vega-Lite through Altair, that opens from disk.

``write_report(con, out_dir)`` writes ``index.html`` (five figures: an event timeline by type and
modality, an entity co-mention network, a map of places and events, who claims what with which
certainty, and the claim conflicts) and ``docs/<doc_id>.html``, the evidence view of every document a
mark points to. Every mark is a link (Vega-Lite's ``href`` channel) to its row in that view
(``docs/doc_….html#evt_…``). The Vega, Vega-Lite and vega-embed JavaScript is inlined from the
``vl-convert-python`` package, so the page needs no network and no server.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

from newslake.warehouse import LAKE

VEGA_LITE = "6.4"  # the Vega-Lite version altair writes (alt.SCHEMA_VERSION) and vl-convert bundles
CERTAINTY_ORDER = ["asserted", "reported", "claimed", "hedged", "rumored", "denied"]
MODALITY_ORDER = ["asserted", "reported", "claimed", "rumored", "hypothetical", "future", "denied", "negated"]


class ReportError(ValueError):
    """A bad report request (a --where that does not run, an unknown entity)."""


@dataclass
class Figure:
    key: str
    title: str
    note: str
    rows: int
    spec: dict[str, Any] | None = None
    table_html: str = ""


@dataclass
class Report:
    out_dir: Path
    figures: list[Figure] = field(default_factory=list)
    documents: int = 0
    doc_pages: int = 0

    @property
    def index(self) -> Path:
        return self.out_dir / "index.html"


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        out.append({c: (v.isoformat() if isinstance(v, (date, datetime)) else v) for c, v in zip(cols, r)})
    return out


def _href(doc_id: str, row_id: str | None = None) -> str:
    return f"docs/{doc_id}.html" + (f"#{row_id}" if row_id else "")


def select_documents(con: duckdb.DuckDBPyConnection, where: str | None, entity: str | None) -> int:
    """Create the temp table ``sel(doc_id)``: analysed documents passing ``where`` (SQL over the
    ``documents`` columns, the user's own) and mentioning ``entity``; return how many."""
    from newslake.warehouse.search import SearchError, entity_ids

    ents = None
    if entity:
        try:
            ents = entity_ids(con, entity)
        except SearchError as e:
            raise ReportError(str(e)) from None
    cond = f"({where})" if where else "TRUE"
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE sel AS
                SELECT doc_id FROM (SELECT * FROM {LAKE}.documents WHERE status = 'ok') documents WHERE {cond}
                AND ($ents IS NULL OR doc_id IN (
                    SELECT de.doc_id FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
                    WHERE l.canonical_entity_id IN (SELECT unnest($ents))))""", {"ents": ents})
    except duckdb.Error as e:
        raise ReportError(f"--where {where!r}: {str(e).splitlines()[0]}") from None
    return con.execute("SELECT count(*) FROM sel").fetchone()[0]


# --- figures ----------------------------------------------------------------------------------------

def timeline(con: duckdb.DuckDBPyConnection) -> Figure:
    import altair as alt

    rows = _records(con, f"""
        SELECT v.event_id, v.doc_id, v.event_type, v.modality, v.trigger, v.day, v.day_from, v.actor_name,
               v.target_name, v.place_name, v.title, round(v.start_char / greatest(d.char_count, 1), 3) AS position
        FROM {LAKE}.events_named v JOIN {LAKE}.documents d USING (doc_id)
        WHERE v.doc_id IN (SELECT doc_id FROM sel) ORDER BY v.day, v.event_id""")
    for r in rows:
        r["href"] = _href(r["doc_id"], r["event_id"])
        r["dated by"] = {"event": "the event's own date", "report": "the report's date"}.get(r["day_from"], "undated")
    dated = [r for r in rows if r["day"]]
    undated = [r for r in rows if not r["day"]]
    note = ("Each mark is one event, placed at its own date when the text gives one (filled), else at its "
            "report's publication date (hollow). Drag to pan, scroll to zoom.")
    if undated:
        note += (f" {len(undated)} events of undated reports are drawn apart, by where they occur in their "
                 "document (0 = its start, 1 = its end).")
    if not rows:
        return Figure("timeline", "Event timeline by type and modality", note, 0)
    y = alt.Y("event_type:N", title="PLOVER event type", sort=alt.EncodingSortField("event_id", op="count", order="descending"))
    color = alt.Color("modality:N", scale=alt.Scale(domain=MODALITY_ORDER, scheme="category10"))
    tooltip = ["event_type:N", "trigger:N", "modality:N", "day:T", "dated by:N", "actor_name:N", "target_name:N",
               "place_name:N", "title:N", "event_id:N"]
    panels = []
    if dated:
        # the first view spans the reports (widened by a month to the events they date), so that a few
        # events dated years back do not squeeze a week of news into one column
        days = sorted(r["day"] for r in dated)
        reported = sorted(r["day"] for r in dated if r["day_from"] == "report") or days
        lo = max(date.fromisoformat(reported[0]) - timedelta(days=31), date.fromisoformat(days[0])) - timedelta(days=1)
        hi = min(date.fromisoformat(reported[-1]) + timedelta(days=31), date.fromisoformat(days[-1])) + timedelta(days=1)
        outside = sum(1 for d in days if not lo.isoformat() <= d <= hi.isoformat())
        if outside:
            note += f" {outside} events dated outside {lo} – {hi} are off the first view: drag the figure to see them."
        panels.append(
            alt.Chart(alt.Data(values=dated))
            .transform_calculate(jitter="(random() - 0.5) * 14")
            .mark_point(size=70, strokeWidth=2, clip=True)
            .encode(x=alt.X("day:T", title="date", scale=alt.Scale(domain=[lo.isoformat(), hi.isoformat()])),
                    y=y, yOffset=alt.YOffset("jitter:Q"), color=color,
                    fill=alt.condition(alt.datum.day_from == "event", alt.Color("modality:N", legend=None),
                                       alt.value("transparent")),
                    shape=alt.Shape("dated by:N", scale=alt.Scale(domain=["the event's own date", "the report's date"])),
                    href="href:N", tooltip=tooltip)
            .properties(width=620 if undated else 820, height=alt.Step(26))
            .interactive(bind_y=False))
    if undated:
        panels.append(
            alt.Chart(alt.Data(values=undated))
            .transform_calculate(jitter="(random() - 0.5) * 14")
            .mark_point(size=70, strokeWidth=2, shape="diamond")
            .encode(x=alt.X("position:Q", title="undated: position in the document", scale=alt.Scale(domain=[0, 1])),
                    y=y, yOffset=alt.YOffset("jitter:Q"), color=color, href="href:N",
                    tooltip=tooltip[:4] + ["position:Q"] + tooltip[5:])
            .properties(width=180 if dated else 820, height=alt.Step(26)))
    chart = alt.hconcat(*panels).resolve_scale(y="shared") if len(panels) > 1 else panels[0]
    return Figure("timeline", "Event timeline by type and modality", note, len(rows), chart.to_dict())


def _spring(n: int, edges: list[tuple[int, int, float]], *, seed: int = 0, steps: int = 300) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions in [-1, 1]^2 (numpy; deterministic for a seed)."""
    import numpy as np

    if n == 0:
        return []
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, (n, 2))
    k = 1.6 / np.sqrt(n)
    w = np.zeros((n, n))
    for a, b, x in edges:
        w[a, b] = w[b, a] = x
    w = np.log1p(w)
    t = 0.2
    for _ in range(steps):
        d = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(d, axis=-1), 1e-3)
        force = (k * k / dist ** 2)[..., None] * d - (w * dist / k)[..., None] * d
        disp = force.sum(axis=1)
        disp -= 0.5 * pos * np.linalg.norm(pos, axis=1)[:, None]  # gravity keeps loose nodes in view
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, t)
        t = max(t * 0.985, 0.002)
    pos -= np.median(pos, axis=0)
    pos /= max(float(np.quantile(np.abs(pos), 0.95)), 1e-9)  # a few far nodes do not squeeze the rest
    pos = np.clip(pos, -1.1, 1.1)
    return [(float(x), float(y)) for x, y in pos]


def network(con: duckdb.DuckDBPyConnection, *, top: int = 40) -> Figure:
    import altair as alt
    import pyarrow as pa

    nodes = _records(con, f"""
        WITH m AS (
            SELECT l.canonical_entity_id AS entity_id, de.doc_id, de.entity_id AS member, de.mention_count
            FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
            WHERE de.doc_id IN (SELECT doc_id FROM sel))
        SELECT m.entity_id, e.name, e.label, count(DISTINCT m.doc_id) AS docs, sum(m.mention_count) AS mentions,
               arg_max(m.doc_id, m.mention_count) AS doc_id, arg_max(m.member, m.mention_count) AS member
        FROM m JOIN {LAKE}.entities e USING (entity_id)
        WHERE e.label NOT IN ('DATE', 'TIME', 'CARDINAL', 'ORDINAL', 'MONEY', 'PERCENT', 'QUANTITY')
        GROUP BY ALL ORDER BY docs DESC, mentions DESC, m.entity_id LIMIT {int(top)}""")
    index = {r["entity_id"]: i for i, r in enumerate(nodes)}
    con.register("net_nodes", pa.table({"entity_id": pa.array(list(index), pa.string())}))
    pairs = _records(con, f"""
        WITH m AS (
            SELECT DISTINCT l.canonical_entity_id AS entity_id, de.doc_id
            FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
            WHERE de.doc_id IN (SELECT doc_id FROM sel) AND l.canonical_entity_id IN (SELECT entity_id FROM net_nodes))
        SELECT a.entity_id AS a, b.entity_id AS b, count(*) AS docs, min(a.doc_id) AS doc_id
        FROM m a JOIN m b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
        GROUP BY ALL ORDER BY docs DESC, a, b LIMIT 400""")
    con.unregister("net_nodes")
    note = (f"The {len(nodes)} entities in the most documents; a line joins two entities named in the same "
            "documents (thicker: more documents). Node size: documents. Click a node for the document "
            "that mentions it most, a line for a document naming both.")
    if not nodes:
        return Figure("network", "Entity co-mention network", note, 0)
    xy = _spring(len(nodes), [(index[p["a"]], index[p["b"]], p["docs"]) for p in pairs])
    mention_of = {r[0]: r[1] for r in con.execute(
        f"SELECT entity_id || '|' || doc_id, min_by(mention_id, start_char) FROM {LAKE}.mentions "
        "WHERE doc_id IN (SELECT doc_id FROM sel) GROUP BY ALL").fetchall()}
    for r, (x, y) in zip(nodes, xy):
        r["x"], r["y"] = x, y
        r["href"] = _href(r["doc_id"], mention_of.get(f"{r['member']}|{r['doc_id']}"))
    edges = []
    for p in pairs:
        a, b = nodes[index[p["a"]]], nodes[index[p["b"]]]
        edges.append({"x": a["x"], "y": a["y"], "x2": b["x"], "y2": b["y"], "docs": p["docs"],
                      "pair": f"{a['name']} — {b['name']}", "href": _href(p["doc_id"])})
    axis = dict(axis=None, scale=alt.Scale(domain=[-1.15, 1.15]))
    lines = alt.Chart(alt.Data(values=edges)).mark_rule(opacity=0.35, color="#888").encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("docs:Q", scale=alt.Scale(range=[0.5, 5]), legend=None),
        href="href:N", tooltip=["pair:N", alt.Tooltip("docs:Q", title="documents together")])
    dots = alt.Chart(alt.Data(values=nodes)).mark_circle(opacity=0.9, stroke="white").encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis),
        size=alt.Size("docs:Q", scale=alt.Scale(range=[60, 900]), title="documents"),
        color=alt.Color("label:N", title="entity type"), href="href:N",
        tooltip=["name:N", "label:N", "docs:Q", "mentions:Q", "entity_id:N"])
    labels = alt.Chart(alt.Data(values=nodes[:25])).mark_text(dy=-12, fontSize=11).encode(
        x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis), text="name:N", href="href:N")
    chart = (lines + dots + labels).properties(width=820, height=620)
    return Figure("network", "Entity co-mention network", note, len(nodes), chart.to_dict())


def places(con: duckdb.DuckDBPyConnection) -> Figure:
    import altair as alt

    rows = _records(con, f"""
        WITH p AS (
            SELECT l.canonical_entity_id AS entity_id, de.doc_id, de.entity_id AS member, de.mention_count
            FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
            WHERE de.doc_id IN (SELECT doc_id FROM sel)),
        ev AS (
            SELECT place_id AS entity_id, count(*) AS events, min_by(event_id, event_id) AS event_id,
                   min_by(doc_id, event_id) AS event_doc
            FROM {LAKE}.events_named WHERE doc_id IN (SELECT doc_id FROM sel) AND place_id IS NOT NULL GROUP BY 1)
        SELECT e.entity_id, e.name, e.label, e.latitude, e.longitude, e.country_code,
               count(DISTINCT p.doc_id) AS docs, coalesce(any_value(ev.events), 0) AS events,
               any_value(ev.event_id) AS event_id, any_value(ev.event_doc) AS event_doc,
               arg_max(p.doc_id, p.mention_count) AS doc_id, arg_max(p.member, p.mention_count) AS member
        FROM p JOIN {LAKE}.entities e USING (entity_id) LEFT JOIN ev USING (entity_id)
        WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL
        GROUP BY ALL ORDER BY docs DESC, e.entity_id""")
    mention_of = {r[0]: r[1] for r in con.execute(
        f"SELECT entity_id || '|' || doc_id, min_by(mention_id, start_char) FROM {LAKE}.mentions "
        "WHERE doc_id IN (SELECT doc_id FROM sel) GROUP BY ALL").fetchall()}
    for r in rows:
        r["href"] = (_href(r["event_doc"], r["event_id"]) if r["event_id"]
                     else _href(r["doc_id"], mention_of.get(f"{r['member']}|{r['doc_id']}")))
        r["has events"] = "place of an event" if r["events"] else "mentioned only"
    note = ("Places named in the documents (geocoded from the GeoNames gazetteer): size is the number of "
            "documents, red marks are places of events. Click a place for an event there, or its mention.")
    if not rows:
        return Figure("map", "Map of events and places", note, 0)
    sphere = alt.Chart(alt.sphere()).mark_geoshape(fill="#eef4fa", stroke="#bbb")
    grid = alt.Chart(alt.graticule(step=[30, 30])).mark_geoshape(stroke="#ccc", strokeWidth=0.5, filled=False)
    dots = alt.Chart(alt.Data(values=rows)).mark_circle(opacity=0.75, stroke="white", strokeWidth=0.5).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("docs:Q", scale=alt.Scale(range=[20, 900]), title="documents"),
        color=alt.Color("has events:N", scale=alt.Scale(domain=["place of an event", "mentioned only"],
                                                         range=["#d62728", "#1f77b4"]), title=None),
        href="href:N", tooltip=["name:N", "label:N", "country_code:N", "docs:Q", "events:Q", "entity_id:N"])
    top = sorted(rows, key=lambda r: -r["docs"])[:15]
    labels = alt.Chart(alt.Data(values=top)).mark_text(dy=-10, fontSize=10).encode(
        longitude="longitude:Q", latitude="latitude:Q", text="name:N", href="href:N")
    chart = alt.layer(sphere, grid, dots, labels).project(type="equalEarth").properties(width=820, height=440)
    return Figure("map", "Map of events and places", note, len(rows), chart.to_dict())


def claims(con: duckdb.DuckDBPyConnection, *, top: int = 25) -> Figure:
    import altair as alt

    rows = _records(con, f"""
        WITH c AS (
            SELECT *, coalesce(speaker_name, CASE WHEN speaker_kind = 'unnamed' THEN lower(speaker_text)
                                                  ELSE speaker_text END) AS speaker
            FROM {LAKE}.claims_named
            WHERE doc_id IN (SELECT doc_id FROM sel)
              AND (speaker_name IS NOT NULL OR (speaker_kind IN ('named', 'unnamed') AND speaker_text IS NOT NULL))),
        top AS (SELECT speaker FROM c GROUP BY 1 ORDER BY count(*) DESC, speaker LIMIT {int(top)})
        SELECT claim_id, doc_id, speaker, speaker_kind, cue, certainty, left(content, 200) AS content, title
        FROM c WHERE speaker IN (SELECT speaker FROM top)
        ORDER BY speaker, claim_id""")
    for r in rows:
        r["href"] = _href(r["doc_id"], r["claim_id"])
    note = (f"Each mark is one claim of the {top} most frequent speakers (named, or unnamed such as "
            "\"officials\"), by how the text commits to it. Click a claim to read it in its document.")
    if not rows:
        return Figure("claims", "Who claims what, and how certainly", note, 0)
    chart = (
        alt.Chart(alt.Data(values=rows))
        .transform_calculate(jitter="random()")
        .mark_circle(size=60, opacity=0.8)
        .encode(
            x=alt.X("certainty:N", sort=CERTAINTY_ORDER, scale=alt.Scale(domain=CERTAINTY_ORDER),
                    axis=alt.Axis(labelAngle=0, orient="top")),
            xOffset=alt.XOffset("jitter:Q"),
            y=alt.Y("speaker:N", sort=alt.EncodingSortField("claim_id", op="count", order="descending"), title=None),
            color=alt.Color("certainty:N", sort=CERTAINTY_ORDER, legend=None,
                            scale=alt.Scale(domain=CERTAINTY_ORDER, scheme="redyellowgreen", reverse=True)),
            href="href:N",
            tooltip=["speaker:N", "cue:N", "certainty:N", "content:N", "title:N", "claim_id:N"],
        )
        .properties(width=alt.Step(110), height=alt.Step(20))
    )
    return Figure("claims", "Who claims what, and how certainly", note, len(rows), chart.to_dict())


def conflicts(con: duckdb.DuckDBPyConnection, *, top: int = 40) -> Figure:
    import altair as alt

    pairs = _records(con, f"""
        SELECT * FROM {LAKE}.claim_conflicts
        WHERE doc_id_a IN (SELECT doc_id FROM sel) OR doc_id_b IN (SELECT doc_id FROM sel)
        ORDER BY cluster_id, event_id_a, event_id_b LIMIT {int(top)}""")
    note = ("The same happening reported by different documents with a different stance: one asserts or "
            "reports it, another denies it (polarity) or calls it a claim or rumour (certainty). Each pair "
            "is a line between its two reports; click an end to read that report.")
    if not pairs:
        return Figure("conflicts", "Claim conflicts", note + " None in this selection.", 0)
    marks = []
    for i, p in enumerate(pairs):
        label = f"{i + 1}. {p['event_type']}: {p['trigger_a']} / {p['trigger_b']}"
        for side in ("a", "b"):
            marks.append({"pair": label, "kind": p["kind"], "modality": p[f"modality_{side}"],
                          "trigger": p[f"trigger_{side}"], "speaker": p[f"speaker_{side}"], "cue": p[f"cue_{side}"],
                          "event_id": p[f"event_id_{side}"], "href": _href(p[f"doc_id_{side}"], p[f"event_id_{side}"])})
    base = alt.Chart(alt.Data(values=marks)).encode(
        x=alt.X("modality:N", sort=MODALITY_ORDER, scale=alt.Scale(domain=MODALITY_ORDER), axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("pair:N", sort=None, title=None))
    chart = (base.mark_line(color="#999").encode(detail="pair:N")
             + base.mark_point(size=110, filled=True).encode(
                 color=alt.Color("kind:N", scale=alt.Scale(domain=["polarity", "certainty"], range=["#d62728", "#ff7f0e"])),
                 href="href:N", tooltip=["pair:N", "kind:N", "trigger:N", "modality:N", "speaker:N", "cue:N", "event_id:N"])
             ).properties(width=alt.Step(90), height=alt.Step(22))
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(p['kind'])}</td><td>{e(p['event_type'])}</td>"
        f"<td><a href=\"{e(_href(p['doc_id_a'], p['event_id_a']))}\">{e(p['trigger_a'])}</a> ({e(p['modality_a'])}"
        f"{', ' + e(p['speaker_a']) if p['speaker_a'] else ''})</td>"
        f"<td><a href=\"{e(_href(p['doc_id_b'], p['event_id_b']))}\">{e(p['trigger_b'])}</a> ({e(p['modality_b'])}"
        f"{', ' + e(p['speaker_b']) if p['speaker_b'] else ''})</td></tr>" for p in pairs)
    table = f"<table><tr><th>kind</th><th>type</th><th>one report</th><th>the other</th></tr>{rows}</table>"
    return Figure("conflicts", "Claim conflicts", note, len(pairs), chart.to_dict(), table)


FIGURES = (timeline, network, places, claims, conflicts)


# --- the page ---------------------------------------------------------------------------------------

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{margin:.2rem 0} .meta{color:#666} section{margin:2rem 0;border-top:1px solid #ddd;padding-top:.5rem}
.note{color:#555;max-width:52rem} .empty{color:#999;font-style:italic}
table{border-collapse:collapse;font-size:.85rem;margin-top:1rem} td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left}
"""

_BUNDLE: str | None = None


def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (from vl-convert-python, no network)."""
    global _BUNDLE
    if _BUNDLE is None:
        import vl_convert

        _BUNDLE = vl_convert.javascript_bundle(vl_version=VEGA_LITE)
    return _BUNDLE


def render_page(figures: list[Figure], *, title: str, meta: str) -> str:
    e = html.escape
    sections, specs = [], {}
    for f in figures:
        body = (f'<div id="fig-{f.key}" class="figure" data-rows="{f.rows}"></div>' if f.spec
                else f'<p class="empty" id="fig-{f.key}" data-rows="0">No data for this figure in this selection.</p>')
        sections.append(f'<section id="{f.key}"><h2>{e(f.title)}</h2><p class="note">{e(f.note)}</p>{body}{f.table_html}</section>')
        if f.spec:
            specs[f"fig-{f.key}"] = f.spec
    data = json.dumps(specs, ensure_ascii=False).replace("</", "<\\/")
    script = (
        "const specs = JSON.parse(document.getElementById('specs').textContent);\n"
        "window.vegaViews = {};\n"
        "Promise.all(Object.entries(specs).map(([id, spec]) => vegaEmbed('#' + id, spec, "
        "{renderer: 'svg', actions: false, loader: {target: '_self'}}).then(r => { window.vegaViews[id] = r.view; })))\n"
        "  .then(() => { document.body.dataset.ready = 'yes'; })\n"
        "  .catch(err => { document.body.dataset.ready = 'error'; console.error(err); });\n")
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(title)}</title><style>{CSS}</style>"
        f"<script>{vega_bundle()}</script></head><body><h1>{e(title)}</h1><p class=meta>{e(meta)}</p>"
        f"{''.join(sections)}<script type=application/json id=specs>{data}</script><script>{script}</script></body></html>\n")


def write_report(con: duckdb.DuckDBPyConnection, out_dir: Path, *, where: str | None = None,
                 entity: str | None = None, title: str = "newslake report") -> Report:
    """Write ``out_dir/index.html`` and the document pages its marks link to."""
    from newslake.show import load_many, render_html

    n_docs = select_documents(con, where, entity)
    figures = [f(con) for f in FIGURES]
    snap = con.execute(f"FROM {LAKE}.current_snapshot()").fetchone()[0]
    sel = [x for x in (f"where {where}" if where else "", f"entity {entity}" if entity else "") if x]
    meta = (f"{n_docs} documents{' (' + '; '.join(sel) + ')' if sel else ''} · lake snapshot {snap} · "
            f"generated {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "docs").mkdir(exist_ok=True)
    linked = sorted({h.split("/", 1)[1].split(".html", 1)[0] for f in figures if f.spec
                     for h in _hrefs(f.spec)} | _table_docs(figures))
    for i in range(0, len(linked), 200):
        for doc_id, ev in load_many(con, linked[i:i + 200]).items():
            (out_dir / "docs" / f"{doc_id}.html").write_text(render_html(ev, back="../index.html"), encoding="utf-8")
    rep = Report(out_dir, figures, n_docs, len(linked))
    rep.index.write_text(render_page(figures, title=title, meta=meta), encoding="utf-8")
    return rep


def _hrefs(spec: Any) -> set[str]:
    """Every ``href`` value in the inline data of a spec (``values`` or altair's ``datasets``)."""
    found: set[str] = set()
    if isinstance(spec, dict):
        if isinstance(spec.get("href"), str) and spec["href"].startswith("docs/"):
            found.add(spec["href"])
        for v in spec.values():
            found |= _hrefs(v)
    elif isinstance(spec, list):
        for v in spec:
            found |= _hrefs(v)
    return found


def _table_docs(figures: list[Figure]) -> set[str]:
    import re

    return {m for f in figures for m in re.findall(r'href="docs/([^".#]+)\.html', f.table_html)}
