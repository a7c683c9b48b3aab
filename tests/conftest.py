"""Shared fixtures: a Prefect test server and a lake built by the real flow from seeds/."""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")

import newslake.flows  # noqa: E402,F401  (Prefect's offline defaults, before Prefect is imported)

from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seed.gold.json"


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=240):  # a busy 2-core machine is slow to start it
        yield


@pytest.fixture(scope="session")
def seed_lake(prefect_server, tmp_path_factory):
    """A lake with seeds/ ingested once by the real flow; returns (LakeConfig, RunSummary)."""
    from newslake.flows.ingest import ingest
    from newslake.warehouse.lake import LakeConfig

    wh = tmp_path_factory.mktemp("lake")
    summary = ingest(paths=[str(SEEDS)], warehouse=str(wh))
    return LakeConfig(wh), summary


# --- rows for hand-built lakes (tests of the warehouse, the views and the CLI) ------------------

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def doc_row(doc_id: str, text: str = "Alice met Bob in Paris.", version: str = "v1", run_id: str = "r1") -> dict:
    return dict(doc_id=doc_id, status="ok", error=None, source=None, uri=f"{doc_id}.txt", url=None,
                external_id=None, title="T", subtitle=None, section=None, author=None, published_at=None,
                published_at_from=None, language="en", text=text, raw=text, boilerplate=[],
                input_format="text", encoding="utf-8", content_hash="h", char_count=len(text),
                extractor_version=version, run_id=run_id, ingested_at=NOW, fetched_at=None, http_status=None)


def ent_row(doc_id: str, entity_id: str, name: str, aliases=(), n: int = 1, version: str = "v1", label="PERSON") -> dict:
    return dict(doc_id=doc_id, entity_id=entity_id, name=name, label=label, aliases=tuple(aliases),
                mention_count=n, start_char=0, end_char=len(name), country_code=None, latitude=None,
                longitude=None, geonames_id=None, extractor_version=version, run_id="r", coref_note=None,
                geo_status=None)


def mention_row(doc_id: str, entity_id: str, start: int, text: str, version: str = "v1") -> dict:
    return dict(mention_id=f"m_{doc_id}_{start}", doc_id=doc_id, entity_id=entity_id, text=text, label="PERSON",
                model_label="PERSON", start_char=start, end_char=start + len(text), sentence_index=0,
                extractor_version=version, run_id="r")


def run_row(run_id: str) -> dict:
    return dict(run_id=run_id, flow="ingest", started_at=NOW, finished_at=NOW, status="committed", error=None,
                inputs=["x"], docs_seen=1, docs_ok=1, docs_rejected=0, docs_unchanged=0, docs_replaced=0,
                mentions=0, claims=0, events=0, extractor_version="v1", model="m", commit_attempts=0)


def run_tables(run_id: str, docs: list[dict], ents: list[dict] = (), mentions: list[dict] = ()):
    from newslake.warehouse.lake import RunTables
    from newslake.warehouse.schema import to_table

    extra = {"run_id": run_id, "ingested_at": NOW}
    return RunTables(
        {"documents": to_table("documents", docs, extra), "doc_entities": to_table("doc_entities", ents, extra),
         "mentions": to_table("mentions", mentions, extra)},
        run_row(run_id),
    )


ONE_DOC_TEXT = "Floods closed the coastal road on Monday after heavy rain, the regional council said."


def one_doc_lake(wh: Path):
    """A lake holding one document (``doc_a``), written by the real commit; returns its LakeConfig."""
    from newslake.warehouse.lake import LakeConfig, commit

    cfg = LakeConfig(wh)
    commit(cfg, run_tables("r1", [doc_row("doc_a", ONE_DOC_TEXT)]))
    return cfg


def row_for(table: str, **values: object) -> dict:
    """A row of ``table`` with every required column filled (strings 'x', numbers 0, times NOW)."""
    import pyarrow as pa

    from newslake.warehouse.schema import TABLES

    row: dict = {}
    for f in TABLES[table]:
        if f.name in values:
            row[f.name] = values[f.name]
        elif f.nullable:
            row[f.name] = None
        elif pa.types.is_string(f.type):
            row[f.name] = "x"
        elif pa.types.is_integer(f.type) or pa.types.is_floating(f.type):
            row[f.name] = 0
        elif pa.types.is_timestamp(f.type):
            row[f.name] = NOW
        elif pa.types.is_boolean(f.type):
            row[f.name] = False
        else:
            row[f.name] = []
    return row
