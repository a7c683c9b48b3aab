"""The CLI: help for every command, output formats, and one clear line on errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newslake.cli import app
from newslake.warehouse.lake import commit
from tests.conftest import doc_row, ent_row, run_tables
from newslake.warehouse.lake import LakeConfig

runner = CliRunner()
COMMANDS = ["ingest", "sql", "runs", "eval", "schema-docs", "serve"]


def test_top_level_help_lists_every_command():
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for c in COMMANDS:
        assert c in r.output


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_with_an_example(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0, r.output
    assert "Example" in r.output


@pytest.fixture()
def small_lake(tmp_path):
    cfg = LakeConfig(tmp_path / "wh")
    commit(cfg, run_tables("r1", [doc_row("d1"), doc_row("d2")],
                           [ent_row("d1", "e_a", "Alice Smith", ["Smith"], n=2), ent_row("d2", "e_a", "Alice Smith", n=1),
                            ent_row("d2", "e_p", "Paris", label="GPE")]))
    return cfg


Q = "SELECT name, label, mention_count FROM entities ORDER BY mention_count DESC"


def test_sql_json_is_an_array_of_row_objects(small_lake):
    r = runner.invoke(app, ["sql", "--warehouse", str(small_lake.warehouse), "--format", "json", Q])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [
        {"name": "Alice Smith", "label": "PERSON", "mention_count": 3},
        {"name": "Paris", "label": "GPE", "mention_count": 1},
    ]


def test_sql_csv_and_table(small_lake):
    r = runner.invoke(app, ["sql", "-w", str(small_lake.warehouse), "-f", "csv", Q])
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["name", "label", "mention_count"] and rows[1] == ["Alice Smith", "PERSON", "3"]
    r = runner.invoke(app, ["sql", "-w", str(small_lake.warehouse), Q])
    assert r.exit_code == 0 and "Alice Smith" in r.stdout


def test_warehouse_from_environment(small_lake, monkeypatch):
    monkeypatch.setenv("NEWSLAKE_WAREHOUSE", str(small_lake.warehouse))
    r = runner.invoke(app, ["sql", "-f", "json", "SELECT count(*) AS n FROM documents"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"n": 2}]


def test_sql_is_read_only(small_lake):
    r = runner.invoke(app, ["sql", "-w", str(small_lake.warehouse), "DELETE FROM documents"])
    assert r.exit_code == 1
    assert "error:" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert runner.invoke(app, ["sql", "-w", str(small_lake.warehouse), "-f", "json",
                               "SELECT count(*) AS n FROM documents"]).stdout.count('"n": 2') == 1


@pytest.mark.parametrize("query", ["SELEC nonsense", "SELECT * FROM no_such_table"])
def test_bad_sql_is_one_clear_line(small_lake, query):
    r = runner.invoke(app, ["sql", "-w", str(small_lake.warehouse), query])
    assert r.exit_code == 1
    assert r.stderr.startswith("error:") and len(r.stderr.strip().splitlines()) == 1


def test_missing_lake_is_one_clear_line(tmp_path):
    r = runner.invoke(app, ["sql", "-w", str(tmp_path / "nowhere"), "SELECT 1"])
    assert r.exit_code == 1 and "no lake" in r.stderr


def test_runs_lists_runs(small_lake):
    r = runner.invoke(app, ["runs", "-w", str(small_lake.warehouse), "-f", "json"])
    assert [x["run_id"] for x in json.loads(r.stdout)] == ["r1"]


def test_ingest_missing_path_exits_2(tmp_path):
    r = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "-w", str(tmp_path / "wh")])
    assert r.exit_code == 2
    assert "no such file or folder" in r.stderr


def test_schema_docs_check(tmp_path):
    out = tmp_path / "schema.md"
    assert runner.invoke(app, ["schema-docs", "--check", "-o", str(out)]).exit_code == 1
    assert runner.invoke(app, ["schema-docs", "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["schema-docs", "--check", "-o", str(out)]).exit_code == 0


def test_serve_without_server_says_what_to_do(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    r = runner.invoke(app, ["serve", "seeds"])
    assert r.exit_code == 1 and "Prefect server" in r.stderr


def test_deployment_carries_schedule_and_parameters():
    from newslake.flows.serve import ingest_deployment

    d = ingest_deployment(["feeds/"], interval=600, warehouse="/data/lake")
    assert d.parameters == {"paths": ["feeds/"], "warehouse": "/data/lake"}
    assert d.schedules and d.schedules[0].schedule.interval.total_seconds() == 600


@pytest.mark.model
def test_eval_scores_a_conll_file_raw_model_beside_newslake(tmp_path):
    f = tmp_path / "tiny.conll"
    f.write_text("-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nvisited VBD B-VP O\n"
                 "London NNP B-NP B-LOC\n. . O O\n")
    r = runner.invoke(app, ["eval", str(f), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert {x["system"] for x in rows} == {"raw model", "newslake"}
    alls = {x["system"]: x for x in rows if x["label"] == "ALL"}
    assert alls["newslake"]["gold"] == 2 and alls["raw model"]["gold"] == 2


def test_eval_missing_file_is_one_clear_line(tmp_path):
    r = runner.invoke(app, ["eval", str(tmp_path / "nope.json")])
    assert r.exit_code == 1 and "no such file" in r.stderr
