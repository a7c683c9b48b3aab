"""Runs: a run killed at any point and started again ends with the tables of an uninterrupted run;
the read-only commands import neither spaCy nor Prefect."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslake.warehouse.lake import LakeConfig, commit, query
from tests.conftest import ROOT

CONTENT_TABLES = ["documents", "mentions", "doc_entities", "entity_roles", "entity_links", "entity_blocks", "entities",
                  "claims", "claim_entities", "amounts", "events"]
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()), ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "reuters21578.jsonl"
VOLATILE = ("run_id", "ingested_at")  # differ between any two runs


def _tables(cfg: LakeConfig) -> dict[str, list[dict]]:
    out = {}
    for t in CONTENT_TABLES:
        cols = [c for c in query(cfg, f"SELECT * FROM {t} LIMIT 0").column_names if c not in VOLATILE]
        out[t] = query(cfg, f"SELECT {', '.join(cols)} FROM {t} ORDER BY ALL").to_pylist()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """18 short wire stories (one JSONL file, plus one malformed line) and a plain-text file."""
    if not CORPUS.exists():
        pytest.skip(f"corpus not found: {CORPUS}")
    d = tmp_path_factory.mktemp("in")
    lines = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if 200 < len(r.get("text", "")) < 900:
                lines.append(line)
            if len(lines) == 18:
                break
    lines.insert(7, '{"id": "broken", "text": oops}\n')
    (d / "wire.jsonl").write_text("".join(lines), encoding="utf-8")
    (d / "note.txt").write_text("The minister said on Monday that the talks in Geneva would resume next week.")
    return d


def _ingest_cmd(src: Path, wh: Path) -> list[str]:
    return [sys.executable, "-m", "newslake.cli", "ingest", str(src), "-w", str(wh), "--batch-size", "4", "-j", "2"]


def _env(**extra: str) -> dict:
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, **extra}
    if PREFECT_API_URL.value():  # the test server, so the subprocess does not start its own
        env["PREFECT_API_URL"] = PREFECT_API_URL.value()
    return env


@pytest.fixture(scope="module")
def reference(prefect_server, corpus, tmp_path_factory) -> dict:
    """The tables of an uninterrupted run."""
    from newslake.flows.ingest import ingest

    wh = tmp_path_factory.mktemp("ref")
    s = ingest(paths=[str(corpus)], warehouse=str(wh), batch_size=4)
    assert s.status == "committed" and s.batches == 5 and s.docs_ok == 19 and s.docs_rejected == 1
    return _tables(LakeConfig(wh))


@pytest.mark.model
@pytest.mark.e2e
@pytest.mark.timeout(1800)
# commit 1 is the run's start (its ``runs`` row written as running, as in test_faults), so the
# 4th commit is the 3rd batch's: killed before it or right after the 3rd commit, two batches
# (8 documents) are in the lake
@pytest.mark.parametrize("fault", ["commit.before:4", "commit.after:3"])
def test_killed_run_resumes_to_the_same_tables(reference, corpus, tmp_path, fault):
    wh = tmp_path / "wh"
    p = subprocess.run(_ingest_cmd(corpus, wh), env=_env(NEWSLAKE_FAULT=fault), capture_output=True, text=True,
                       timeout=900, cwd=ROOT)
    assert p.returncode == -9, p.stderr[-2000:]  # SIGKILL
    cfg = LakeConfig(wh)
    (killed,) = query(cfg, "SELECT run_id, status, batches, docs_ok FROM runs").to_pylist()
    assert killed["status"] == "running" and killed["batches"] == 2
    assert query(cfg, "SELECT count(*) AS n FROM documents").to_pylist() == [{"n": 8}]

    p = subprocess.run(_ingest_cmd(corpus, wh), env=_env(), capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert p.returncode == 0, p.stderr[-2000:]
    runs = {r["run_id"]: r for r in query(cfg, "SELECT * FROM runs").to_pylist()}
    assert runs[killed["run_id"]]["status"] == "interrupted"
    (resumed,) = [r for r in runs.values() if r["run_id"] != killed["run_id"]]
    assert resumed["status"] == "committed" and resumed["docs_unchanged"] == 8 and resumed["docs_ok"] + resumed["docs_rejected"] == 12
    # the two rows together count what an uninterrupted run counts; the killed one names its successor
    killed_row = runs[killed["run_id"]]
    assert killed_row["docs_ok"] + resumed["docs_ok"] == 19 and killed_row["batches"] + resumed["batches"] >= 5
    assert killed_row["error"].endswith(f"found by run {resumed['run_id']}")
    assert _tables(cfg) == reference


def _tiny_lake(wh: Path) -> LakeConfig:
    from tests.conftest import doc_row, run_tables

    cfg = LakeConfig(wh)
    commit(cfg, run_tables("r1", [doc_row("d1")]))
    return cfg


@pytest.mark.parametrize("args", [["sql", "SELECT count(*) FROM documents"], ["runs"]])
def test_read_only_commands_import_neither_spacy_nor_prefect(tmp_path, args):
    cfg = _tiny_lake(tmp_path / "wh")
    # what the console script runs (pyproject: newslake = "newslake.entry:main")
    code = ("import sys\nfrom newslake.entry import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'prefect', 'pydantic', 'typer'})\n"
            "print('HEAVY', heavy)")
    p = subprocess.run([sys.executable, "-c", code, *args, "-w", str(cfg.warehouse), "-f", "csv"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    out = p.stdout.strip().splitlines()
    assert out[-1] == "HEAVY []"
    assert out[1] == ("1" if args[0] == "sql" else out[1]) and out[1].startswith("1" if args[0] == "sql" else "r1,")


def test_fast_path_hands_help_and_unknown_options_to_typer(tmp_path, capsys):
    from newslake.readcli import fast

    cfg = _tiny_lake(tmp_path / "wh")
    assert fast(["sql", "--help"]) is None and fast(["ingest", "x"]) is None and fast(["sql", "q", "--bogus"]) is None
    assert fast(["sql", "SELECT doc_id FROM documents", "-w", str(cfg.warehouse), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"doc_id": "d1"}]
    assert fast(["sql", "SELECT nope", "-w", str(cfg.warehouse)]) == 1
    assert "nope" in capsys.readouterr().err
