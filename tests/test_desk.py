"""The analyst's desk: the notebook API, the views that spare joins, the evidence view and search."""

from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import pytest
from typer.testing import CliRunner

import newslake
from newslake.cli import app
from newslake.show import NotFound, load, render_html
from newslake.warehouse.lake import LakeConfig, LakeError, connect
from newslake.warehouse.search import SearchError, index_path, search
from newslake.warehouse.lake import commit
from tests.conftest import doc_row, ent_row, mention_row, run_tables

runner = CliRunner()


def test_import_newslake_loads_neither_spacy_nor_prefect_nor_duckdb():
    code = ("import sys, newslake; newslake.connect; "
            "print(sorted(m for m in ('spacy', 'prefect', 'duckdb') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


def test_connect_is_read_only_with_the_views(seed_lake):
    cfg, _ = seed_lake
    with newslake.connect(cfg.warehouse) as con:
        n_claims = con.sql("SELECT count(*) FROM claims").fetchone()[0]
        assert con.sql("SELECT count(*) FROM claims_named").fetchone()[0] == n_claims > 0
        assert con.sql("SELECT count(*) FROM events_named").fetchone()[0] == con.sql("SELECT count(*) FROM events").fetchone()[0]
        assert con.sql("FROM entity_mentions LIMIT 1").arrow().read_all().num_rows == 1
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM claims")
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE lake.x (a INT)")


def test_connect_to_a_missing_lake_is_a_clear_error(tmp_path):
    with pytest.raises(LakeError, match="no lake at"):
        newslake.connect(tmp_path / "none")


def test_named_views_agree_with_the_joins_they_spare(seed_lake):
    cfg, _ = seed_lake
    with connect(cfg) as con:
        # every claim whose speaker is an entity gets that entity's real-world name
        bad = con.execute("""
            SELECT c.claim_id FROM claims c JOIN entity_links l ON l.entity_id = c.speaker_entity_id
            JOIN entities e ON e.entity_id = l.canonical_entity_id
            JOIN claims_named n USING (claim_id) WHERE n.speaker_name IS DISTINCT FROM e.name""").fetchall()
        assert bad == []
        assert con.execute("SELECT count(*) FROM claims_named WHERE speaker_name IS NOT NULL").fetchone()[0] > 0
        for role, col in (("actor", "actor_entity_id"), ("target", "target_entity_id"), ("place", "location_entity_id")):
            bad = con.execute(f"""
                SELECT v.event_id FROM events_named v JOIN entity_links l ON l.entity_id = v.{col}
                JOIN entities e ON e.entity_id = l.canonical_entity_id
                WHERE v.{role}_name IS DISTINCT FROM e.name""").fetchall()
            assert bad == [], role
        assert con.execute("SELECT count(*) FROM events_named WHERE actor_name IS NOT NULL").fetchone()[0] > 0
        # the timeline adds up to the entities table
        diff = con.execute("""
            SELECT e.entity_id FROM entities e
            JOIN (SELECT entity_id, sum(mentions) AS m, count(*) AS d FROM entity_timeline GROUP BY 1) t USING (entity_id)
            WHERE t.m <> e.mention_count OR t.d <> e.doc_count""").fetchall()
        assert diff == []
        spoken = con.execute("SELECT sum(claims) FROM entity_timeline").fetchone()[0]
        assert spoken == con.execute("SELECT count(*) FROM claims_named WHERE speaker_id IS NOT NULL").fetchone()[0]


# --- show -------------------------------------------------------------------------------------------

ROW_IDS = {  # table -> (id column, text column or None, start, end)
    "claims": ("claim_id", "content"),
    "events": ("event_id", "trigger"),
    "mentions": ("mention_id", "text"),
    "entity_roles": ("role_id", "role"),
    "amounts": ("amount_id", "text"),
}


@pytest.mark.parametrize("table", sorted(ROW_IDS))
def test_show_puts_any_row_in_its_document_with_its_span_in_focus(seed_lake, table):
    cfg, _ = seed_lake
    col, text_col = ROW_IDS[table]
    with connect(cfg) as con:
        row = con.execute(f"SELECT {col}, doc_id, {text_col}, start_char, end_char FROM {table} "
                          f"ORDER BY {col} LIMIT 1").fetchone()
        if row is None:
            pytest.skip(f"the sample has no {table}")
        ev = load(con, row[0])
    assert ev.doc["doc_id"] == row[1] and ev.focus_id == row[0] and ev.focus_table == table
    assert (row[3], row[4]) in ev.focus_spans
    assert ev.text[row[3]:row[4]] == row[2]


def test_show_an_entity_marks_each_of_its_mentions(seed_lake):
    cfg, _ = seed_lake
    with connect(cfg) as con:
        eid, n = con.execute("SELECT entity_id, mention_count FROM entities ORDER BY mention_count DESC, entity_id LIMIT 1").fetchone()
        ev = load(con, eid)
    assert len(ev.focus_spans) == n


def test_show_html_anchors_every_row_at_its_text(seed_lake):
    cfg, _ = seed_lake
    with connect(cfg) as con:
        doc_id = con.execute("SELECT doc_id FROM documents WHERE status = 'ok' LIMIT 1").fetchone()[0]
        ev = load(con, doc_id)
    page = render_html(ev)
    assert ev.events and ev.claims
    for e in ev.events:  # the span anchored by the event's id holds its trigger
        m = re.search(rf'id="{e["event_id"]}">(.*?)</span>', page)
        assert m and re.sub(r"<[^>]+>", "", m.group(1)) == e["trigger"].replace("&", "&amp;")
    for c in ev.claims:
        assert f'id="{c["claim_id"]}"' in page
    # the text survives the marking: tags stripped, the page holds the document's text
    body = re.search(r"<div class=text>(.*?)</div>", page, re.S).group(1)
    import html as html_mod

    assert html_mod.unescape(re.sub(r"<[^>]+>", "", body)) == ev.text


def test_show_overlapping_marks_nest(tmp_path):
    cfg = LakeConfig(tmp_path / "wh")
    text = "Alice Smith met Bob."
    commit(cfg, run_tables("r1", [doc_row("d1", text)], [ent_row("d1", "e_a", "Alice Smith"), ent_row("d1", "e_s", "Smith")],
                           [mention_row("d1", "e_a", 0, "Alice Smith"), mention_row("d1", "e_s", 6, "Smith")]))
    with connect(cfg) as con:
        page = render_html(load(con, "d1"))
    body = re.search(r"<div class=text>(.*?)</div>", page, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body) == text
    assert body.count("<span") == body.count("</span>") == 3  # "Alice ", "Smith" twice-marked


def test_show_cli(seed_lake, tmp_path):
    cfg, _ = seed_lake
    with connect(cfg) as con:
        claim_id, content, doc_id = con.execute("SELECT claim_id, content, doc_id FROM claims ORDER BY claim_id LIMIT 1").fetchone()
    r = runner.invoke(app, ["show", claim_id, "-w", str(cfg.warehouse)])
    assert r.exit_code == 0, r.output
    assert doc_id in r.stdout and f"focus: claims {claim_id}" in r.stdout
    page = tmp_path / "v.html"
    r = runner.invoke(app, ["show", claim_id, "-w", str(cfg.warehouse), "--html", str(page)])
    assert r.exit_code == 0 and f'id="{claim_id}"' in page.read_text()
    r = runner.invoke(app, ["show", "clm_0000000000000000", "-w", str(cfg.warehouse)])
    assert r.exit_code == 1 and "no document or row has the id" in r.output


def test_show_unknown_id_raises(seed_lake):
    with connect(seed_lake[0]) as con, pytest.raises(NotFound):
        load(con, "nope")


# --- search -----------------------------------------------------------------------------------------

@pytest.fixture()
def three_docs(tmp_path):
    cfg = LakeConfig(tmp_path / "wh")
    docs = [doc_row("d_oil", "Oil prices rose as OPEC cut output. Crude oil is dearer."),
            doc_row("d_wheat", "Wheat exports fell. Farmers said oil costs hurt them."),
            doc_row("d_bank", "The central bank kept its rate.")]
    docs[0]["source"] = "Wire"
    commit(cfg, run_tables("r1", docs, [ent_row("d_oil", "e_opec", "OPEC", label="ORG")],
                           [mention_row("d_oil", "e_opec", 19, "OPEC")]))
    return cfg


def test_search_ranks_by_bm25_and_highlights_stemmed_words(three_docs):
    hits = search(three_docs, "oil price")
    assert [h.doc_id for h in hits] == ["d_oil", "d_wheat"]
    assert hits[0].score > hits[1].score
    marked = [hits[0].snippet[a:b] for a, b in hits[0].highlights]
    assert marked == ["Oil", "prices", "oil"]


def test_search_filters(three_docs):
    assert [h.doc_id for h in search(three_docs, "oil", entity="opec")] == ["d_oil"]
    assert [h.doc_id for h in search(three_docs, "oil", source="wire")] == ["d_oil"]
    assert search(three_docs, "oil", since="2100-01-01") == []
    assert search(three_docs, "zebra") == []
    with pytest.raises(SearchError, match="no entity named"):
        search(three_docs, "oil", entity="Nobody")
    with pytest.raises(SearchError, match="YYYY-MM-DD"):
        search(three_docs, "oil", since="March")
    with pytest.raises(SearchError):
        search(three_docs, "  ;; ")


def test_search_index_is_cached_per_snapshot_and_follows_commits(three_docs):
    first = index_path(three_docs)
    assert index_path(three_docs) == first
    commit(three_docs, run_tables("r2", [doc_row("d_zebra", "A zebra escaped.")]))
    second = index_path(three_docs)
    assert second != first and not first.exists()
    assert [h.doc_id for h in search(three_docs, "zebra")] == ["d_zebra"]


def test_search_query_text_is_never_sql(three_docs):
    hits = search(three_docs, "oil'); DROP TABLE docs; --")
    assert [h.doc_id for h in hits] == ["d_oil", "d_wheat"]


def test_search_cli(three_docs):
    r = runner.invoke(app, ["search", "oil price", "-w", str(three_docs.warehouse), "-f", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1].startswith("d_oil,")
    r = runner.invoke(app, ["search", "oil", "-w", str(three_docs.warehouse), "--entity", "Nobody"])
    assert r.exit_code == 1 and "no entity named" in r.output


# --- export, shell, the example, ingest from Python ---------------------------------------------------

def test_export_writes_one_snapshot_of_every_table(three_docs, tmp_path):
    import json

    import pyarrow.parquet as pq

    from newslake.warehouse.export import export

    with connect(three_docs) as con:
        before = con.execute("FROM lake.current_snapshot()").fetchone()[0]
    commit(three_docs, run_tables("r2", [doc_row("d_zebra", "A zebra escaped.")]))
    now = export(three_docs, tmp_path / "now")
    old = export(three_docs, tmp_path / "old", fmt="csv", as_of=before)
    assert now.version > old.version == before
    assert pq.read_table(tmp_path / "now" / "documents.parquet").num_rows == 4 == now.rows["documents"]
    assert (tmp_path / "old" / "documents.csv").read_text().count("\n") == 1 + 3 == 1 + old.rows["documents"]
    for name, n in now.rows.items():
        assert pq.read_table(tmp_path / "now" / f"{name}.parquet").num_rows == n
    manifest = json.loads((tmp_path / "old" / "manifest.json").read_text())
    assert manifest["snapshot"] == before and manifest["rows"]["documents"] == 3
    assert not list((tmp_path / "now").glob(".export-*"))
    with pytest.raises(LakeError, match="no snapshot 999"):
        export(three_docs, tmp_path / "bad", as_of=999)


def test_export_cli(three_docs, tmp_path):
    r = runner.invoke(app, ["export", str(tmp_path / "x"), "-w", str(three_docs.warehouse), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "documents 3" in r.stdout and (tmp_path / "x" / "claims.csv").exists()
    r = runner.invoke(app, ["export", str(tmp_path / "y"), "-w", str(three_docs.warehouse), "--as-of", "999"])
    assert r.exit_code == 1 and "no snapshot 999" in r.output


def test_shell_falls_back_to_python_with_a_read_only_con(three_docs, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    r = runner.invoke(app, ["shell", "-w", str(three_docs.warehouse)],
                      input="print('docs', con.sql('SELECT count(*) FROM documents').fetchone()[0])\n")
    assert r.exit_code == 0, r.output
    assert "docs 3" in r.output


def test_shell_sql_for_the_duckdb_cli_attaches_read_only(three_docs):
    from newslake.shell import duckdb_init_sql

    sql = duckdb_init_sql(three_docs)
    assert "READ_ONLY" in sql and sql.rstrip().endswith("USE lake;")
    con = duckdb.connect()  # the same statements work in DuckDB (as the CLI of the same version runs them)
    for stmt in sql.split(";"):
        if stmt.strip():
            con.execute(stmt)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    with pytest.raises(duckdb.Error):
        con.execute("DELETE FROM documents")


def test_the_worked_example_runs(seed_lake, tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, str(root / "examples" / "desk_tour.py"), str(seed_lake[0].warehouse),
                        "--report", str(tmp_path / "rep")], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "# who says what" in r.stdout and "entity_timeline:" in r.stdout
    assert (tmp_path / "rep" / "index.html").exists()


def test_ingest_from_python(prefect_server, tmp_path):
    doc = tmp_path / "in" / "note.txt"
    doc.parent.mkdir()
    doc.write_text("Acme Corp said on Monday that it will close its plant in Lyon.\n")
    run = newslake.ingest(doc.parent, warehouse=tmp_path / "wh")
    assert run.docs_ok == 1
    with newslake.connect(tmp_path / "wh") as con:
        assert con.sql("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 1
