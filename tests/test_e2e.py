"""End to end: the real Prefect flow ingests seeds/ into a temporary lake, checked with SQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslake.cli import app
from newslake.evaluate import evaluate_gold
from tests.conftest import GOLD, SEEDS
from newslake.warehouse.lake import LakeConfig, query, table_counts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

CONTENT_TABLES = ["documents", "mentions", "doc_entities", "entity_roles", "entity_links", "entities", "claims",
                  "claim_entities", "amounts", "events"]


def rows(cfg: LakeConfig, sql: str) -> list[dict]:
    return query(cfg, sql).to_pylist()


def test_seed_run_commits(seed_lake):
    cfg, summary = seed_lake
    assert summary.status == "committed" and summary.docs_ok == 1 and summary.docs_rejected == 0
    assert summary.mentions > 20 and summary.claims >= 5 and summary.events >= 3
    (run,) = rows(cfg, "SELECT * FROM runs")
    assert run["status"] == "committed" and run["run_id"] == summary.run_id and run["commit_attempts"] == 1


def test_document_fields_from_normalisation(seed_lake):
    cfg, _ = seed_lake
    gold = json.loads(GOLD.read_text())["document"]
    (d,) = rows(cfg, "SELECT * FROM documents")
    assert d["status"] == "ok" and d["error"] is None
    assert (d["title"], d["subtitle"], d["section"]) == (gold["title"], gold["subtitle"], gold["section"])
    for line in gold["boilerplate"]:
        assert line in d["boilerplate"] and line not in d["text"]
    assert d["title"] not in d["text"] and d["raw"].startswith(gold["section"])


@pytest.mark.parametrize(
    "table,text_col",
    [("mentions", "text"), ("claims", "content"), ("events", "trigger"), ("entity_roles", "role"), ("amounts", "text")],
)
def test_offsets_point_into_document_text(seed_lake, table, text_col):
    cfg, _ = seed_lake
    bad = rows(cfg, f"""
        SELECT t.{text_col} AS got, substr(d.text, t.start_char + 1, t.end_char - t.start_char) AS want
        FROM {table} t JOIN documents d USING (doc_id)
        WHERE substr(d.text, t.start_char + 1, t.end_char - t.start_char) <> t.{text_col}""")
    assert bad == []
    assert rows(cfg, f"SELECT count(*) AS n FROM {table}")[0]["n"] > 0


@pytest.mark.parametrize("table", ["documents", "mentions", "doc_entities", "entity_roles", "claims", "claim_entities",
                                   "amounts", "events"])
def test_every_row_has_doc_and_version(seed_lake, table):
    cfg, summary = seed_lake
    (r,) = rows(cfg, f"""SELECT count(*) AS n, count(DISTINCT extractor_version) AS versions,
                         bool_and(doc_id IN (SELECT doc_id FROM documents)) AS linked,
                         min(extractor_version) AS v FROM {table}""")
    assert r["versions"] == 1 and r["linked"] and r["v"].startswith("newslake:")


def test_references_resolve(seed_lake):
    """Every document-level entity id resolves through entity_links to a row of entities."""
    cfg, _ = seed_lake
    n = lambda sql: rows(cfg, sql)[0]["n"]  # noqa: E731
    assert n("SELECT count(*) AS n FROM mentions WHERE entity_id NOT IN (SELECT entity_id FROM entity_links)") == 0
    assert n("SELECT count(*) AS n FROM entity_links WHERE canonical_entity_id NOT IN (SELECT entity_id FROM entities)") == 0
    for col, table in [("speaker_entity_id", "claims"), ("actor_entity_id", "events"), ("target_entity_id", "events"),
                       ("entity_id", "entity_roles"), ("entity_id", "claim_entities")]:
        assert n(f"SELECT count(*) AS n FROM {table} WHERE {col} IS NOT NULL "
                 f"AND {col} NOT IN (SELECT entity_id FROM entity_links)") == 0
    assert n("SELECT count(*) AS n FROM events WHERE claim_id IS NOT NULL AND claim_id NOT IN (SELECT claim_id FROM claims)") == 0
    assert n("SELECT count(*) AS n FROM entity_mentions") == n("SELECT count(*) AS n FROM mentions")


def test_gold_scores(seed_lake):
    """The issue's bar: gold entities found, at least 5 of 9 claims and 3 of 7 events."""
    cfg, _ = seed_lake
    rep = evaluate_gold(cfg, GOLD)
    ents = rep.get("entities")
    assert ents.found == ents.gold, rep.misses
    fams = [rep.get(f"entities[{f}]") for f in ("PERSON", "ORG", "NORP", "PLACE")]
    assert sum(f.gold for f in fams) == ents.gold and sum(f.predicted for f in fams) == ents.predicted
    assert rep.get("claims+speaker").found >= 5, rep.misses
    assert rep.get("events+participants").found >= 3, rep.misses


def test_cli_sql_and_eval_on_the_lake(seed_lake):
    cfg, _ = seed_lake
    r = CliRunner().invoke(app, ["sql", "-w", str(cfg.warehouse), "-f", "json",
                                 "SELECT name, label, mention_count FROM entities ORDER BY mention_count DESC LIMIT 10"])
    assert r.exit_code == 0, r.output
    top = json.loads(r.stdout)
    assert len(top) == 10 and top[0]["mention_count"] >= top[-1]["mention_count"]
    r = CliRunner().invoke(app, ["eval", str(GOLD), "-w", str(cfg.warehouse), "-f", "json"])
    assert r.exit_code == 0, r.output
    assert {x["table"] for x in json.loads(r.stdout)} >= {"entities", "claims", "events"}


def _snapshot(cfg: LakeConfig) -> dict:
    return {t: query(cfg, f"SELECT * EXCLUDE (run_id) FROM {t} ORDER BY ALL").to_pylist() for t in CONTENT_TABLES}


def test_reingest_changes_no_table(seed_lake, tmp_path, monkeypatch):
    from newslake.flows.ingest import ingest
    from newslake.flows.workers import Workers

    def no_worker(*a, **k):
        raise AssertionError("an unchanged input needs no worker process (nor the model)")

    monkeypatch.setattr(Workers, "submit", no_worker)
    monkeypatch.setattr(Workers, "version", no_worker)
    cfg, _ = seed_lake
    # a copy of the lake, so that other tests keep theirs
    wh = tmp_path / "copy"
    shutil.copytree(cfg.warehouse, wh)
    copy = LakeConfig(wh)
    before = _snapshot(copy)
    s = ingest(paths=[str(SEEDS)], warehouse=str(wh))
    assert (s.docs_unchanged, s.docs_ok, s.mentions) == (1, 0, 0)
    assert _snapshot(copy) == before
    runs = rows(copy, "SELECT docs_unchanged FROM runs ORDER BY started_at")
    assert [r["docs_unchanged"] for r in runs] == [0, 1]


def test_cli_noop_rerun_is_decided_before_prefect(seed_lake, tmp_path):
    """The command on an unchanged input records the same kind of run (committed, every document
    unchanged, no batch) and says so, without importing Prefect or spaCy (so no server, no worker)."""
    import subprocess
    import sys

    cfg, _ = seed_lake
    wh = tmp_path / "copy"
    shutil.copytree(cfg.warehouse, wh)
    copy = LakeConfig(wh)
    before = _snapshot(copy)
    code = ("import sys\nfrom newslake.entry import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print('HEAVY', sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'prefect'}))")
    p = subprocess.run([sys.executable, "-c", code, "ingest", str(SEEDS), "-w", str(wh)],
                       capture_output=True, text=True, timeout=300, cwd=SEEDS.parent)
    assert p.returncode == 0, p.stderr
    out = p.stdout.strip().splitlines()
    assert out[-1] == "HEAVY []"
    assert "documents: 0 ok, 0 rejected, 1 unchanged" in p.stdout and "nothing changed" in p.stdout
    assert _snapshot(copy) == before
    first, again = rows(copy, "SELECT * FROM runs ORDER BY started_at")
    assert again["run_id"] in p.stdout and again["run_id"] != first["run_id"]
    assert (again["status"], again["docs_seen"], again["docs_unchanged"], again["docs_ok"], again["batches"]) == \
        ("committed", 1, 1, 0, 0)
    assert (again["extractor_version"], again["model"], again["inputs"]) == \
        (first["extractor_version"], first["model"], [str(SEEDS)])


def test_changed_input_is_left_to_the_flow(seed_lake, tmp_path):
    from newslake.flows.inputs import unchanged_run

    cfg, _ = seed_lake
    wh = tmp_path / "copy"
    shutil.copytree(cfg.warehouse, wh)
    new = tmp_path / "in"
    shutil.copytree(SEEDS, new)
    assert unchanged_run([str(new)], warehouse=str(wh)) is not None  # same bytes elsewhere: unchanged
    (new / "more.txt").write_text("Floods closed the coastal road on Monday, the council said.\n", encoding="utf-8")
    assert unchanged_run([str(new)], warehouse=str(wh)) is None
    assert unchanged_run([str(SEEDS)], warehouse=str(wh), model="no_such_model_package") is None
    assert unchanged_run([str(SEEDS)], warehouse=str(wh), runner="dask") is None
    assert unchanged_run([str(SEEDS)], warehouse=str(tmp_path / "no_lake")) is None
    assert [r["docs_unchanged"] for r in rows(LakeConfig(wh), "SELECT docs_unchanged FROM runs ORDER BY started_at")] == [0, 1]


def test_new_extractor_version_replaces_rows(seed_lake, tmp_path, monkeypatch):
    import newslake.flows.ingest as flow_mod

    cfg, _ = seed_lake
    wh = tmp_path / "copy"
    shutil.copytree(cfg.warehouse, wh)
    copy = LakeConfig(wh)
    before = table_counts(copy)
    real = flow_mod.model_version
    monkeypatch.setattr(flow_mod, "model_version", lambda w: real(w) + "-next")
    s = flow_mod.ingest(paths=[str(SEEDS)], warehouse=str(wh))
    assert s.docs_replaced == 1
    after = table_counts(copy)
    assert {t: after[t] for t in CONTENT_TABLES} == {t: before[t] for t in CONTENT_TABLES}
    for t in ["documents", "mentions", "claims", "events"]:
        assert rows(copy, f"SELECT DISTINCT extractor_version AS v FROM {t}")[0]["v"].endswith("-next")


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 40,
    "broken.json": b'{"title": "x", "text": "unterminated',
    "lines.jsonl": (b'{"id": "a", "title": "Floods", "text": "Heavy rain flooded the river valley on Monday, officials said."}\n'
                    b'{"id": "b", "text": oops}\n'
                    b'{"id": "c", "title": "Talks", "text": "The two ministers met in Geneva to discuss the ceasefire, a spokesman said."}\n'),
    "german.txt": ("Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen. Der Minister sagte, man werde "
                   "die Hilfen für die betroffenen Gemeinden deutlich erhöhen und die Verfahren vereinfachen.").encode(),
    "latin1.txt": "The café owner in Zürich said the protest would continue next week.".encode("cp1252"),
    "page.html": b"<html><head><title>Broken</title></head><body><div><p>Unclosed <b>markup everywhere<p>still",
    "notes.pdf": b"%PDF-1.4 not really",
}


def test_bad_inputs_are_recorded_and_good_ones_land(prefect_server, tmp_path):
    from newslake.flows.ingest import ingest

    src = tmp_path / "in"
    src.mkdir()
    for name, data in BAD_INPUTS.items():
        (src / name).write_bytes(data)
    wh = tmp_path / "wh"
    s = ingest(paths=[str(src)], warehouse=str(wh))
    cfg = LakeConfig(wh)
    docs = {r["uri"].split("/")[-1]: r for r in rows(cfg, "SELECT uri, status, error, text FROM documents")}
    for name in ["empty.txt", "binary.txt", "broken.json", "german.txt", "notes.pdf"]:
        assert docs[name]["status"] == "rejected" and docs[name]["error"], name
    assert docs["lines.jsonl#L2"]["status"] == "rejected" and "line 2" in docs["lines.jsonl#L2"]["error"].lower()
    assert docs["lines.jsonl#L1"]["status"] == "ok" and docs["lines.jsonl#L3"]["status"] == "ok"
    assert docs["latin1.txt"]["status"] == "ok" and "café" in docs["latin1.txt"]["text"]
    assert docs["page.html"]["status"] in ("ok", "rejected") and (docs["page.html"]["status"] == "ok" or docs["page.html"]["error"])
    assert s.docs_rejected == sum(d["status"] == "rejected" for d in docs.values())
    assert rows(cfg, "SELECT count(*) AS n FROM mentions WHERE doc_id IN (SELECT doc_id FROM documents WHERE status = 'rejected')")[0]["n"] == 0


def test_failed_batch_leaves_no_rows_and_a_failed_run(prefect_server, tmp_path, monkeypatch):
    import newslake.flows.ingest as flow_mod

    wh = tmp_path / "wh"

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(flow_mod, "commit_batch", boom)
    with pytest.raises(RuntimeError):
        flow_mod.ingest(paths=[str(SEEDS)], warehouse=str(wh))
    cfg = LakeConfig(wh)
    counts = table_counts(cfg)
    assert all(counts[t] == 0 for t in CONTENT_TABLES)
    (run,) = rows(cfg, "SELECT status, error, batches FROM runs")
    assert run["status"] == "failed" and "disk on fire" in run["error"] and run["batches"] == 0
