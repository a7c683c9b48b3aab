"""Where a lake's catalog and files live, and what a DuckDB connection needs to reach them.

A lake is a DuckLake catalog plus Parquet files. On one machine both are local (a SQLite catalog and
a folder); beyond one machine the catalog is a Postgres database and the files go to S3-compatible
object storage, so that every writer and every analyst's DuckDB sees the same lake:

    NEWSLAKE_CATALOG='postgres:dbname=newslake host=db user=newslake'
    NEWSLAKE_DATA_PATH='s3://news-lake/lake/'

The catalog string is a libpq connection string, so ``PGPASSWORD``/``PGHOST``/``~/.pgpass`` work as
for any Postgres client. S3 credentials and endpoint come from ``NEWSLAKE_S3_*`` settings, else from
the standard AWS variables (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_SESSION_TOKEN``,
``AWS_REGION``/``AWS_DEFAULT_REGION``, ``AWS_ENDPOINT_URL_S3``/``AWS_ENDPOINT_URL``), and become a
temporary DuckDB secret of the connection (never written anywhere).

The DuckDB extensions (``ducklake``, ``sqlite``, ``postgres``, ``httpfs``) come from the pinned,
signed pip packages ``duckdb-extension-*``, so nothing is downloaded at run time.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field, fields
from typing import Mapping
from urllib.parse import urlsplit

import duckdb

#: data paths that need DuckDB's httpfs extension (and, for S3, a secret)
REMOTE_SCHEMES = ("s3://", "s3a://", "s3n://", "r2://", "gcs://", "gs://", "http://", "https://")
#: catalog prefixes (``<kind>:<connection>``) and the DuckDB extension each needs
CATALOG_EXTENSIONS = {"sqlite": ("sqlite", "duckdb_extension_sqlite"),
                      "postgres": ("postgres", "duckdb_extension_postgres")}


class StorageError(RuntimeError):
    """A storage setting that cannot work (unknown URL style, unloadable extension)."""


def sql_literal(value: str) -> str:
    """``value`` as a SQL string literal, for the few statements that take no prepared parameters
    (ATTACH, INSTALL, CREATE SECRET): quotes doubled, NUL refused. For paths and settings only; no
    document text ever reaches them.

    >>> sql_literal("/data/it's lake/")
    "'/data/it''s lake/'"
    """
    value = str(value)
    if "\x00" in value:
        raise StorageError(f"{value!r}: a NUL character cannot be part of a path or setting")
    return "'" + value.replace("'", "''") + "'"


def _extension_file(package: str, name: str) -> str | None:
    try:
        mod = __import__(package)
    except ImportError:
        return None
    hits = glob.glob(os.path.join(os.path.dirname(mod.__file__), "extensions", "*", f"{name}.duckdb_extension"))
    return hits[0] if hits else None


def load_extension(con: duckdb.DuckDBPyConnection, name: str, package: str | None = None) -> None:
    """LOAD DuckDB extension ``name``: already installed, else from the pinned pip package
    ``package`` (default ``duckdb_extension_<name>``). The one loader of the project (the lake's
    ``ducklake``, the catalogs' ``sqlite``/``postgres``, ``httpfs``, search's ``fts``).

    Never from the network: the pip packages are signed by DuckDB and pinned in pyproject.toml, and
    a connection opened with ``allow_unsigned_extensions = false`` checks the signature.
    """
    try:
        con.execute(f"LOAD {name}")
        return
    except duckdb.Error:
        pass
    package = package or f"duckdb_extension_{name}"
    path = _extension_file(package, name)
    if path is None:
        raise StorageError(f"DuckDB extension {name!r} is not installed; pip install {package.replace('_', '-')}")
    con.execute(f"INSTALL {sql_literal(path)}")
    con.execute(f"LOAD {name}")


def catalog_kind(catalog_uri: str) -> str:
    """``sqlite``, ``postgres`` or ``duckdb`` (a DuckDB file: no prefix) for a DuckLake catalog URI."""
    head = catalog_uri.split(":", 1)[0].lower()
    return head if head in CATALOG_EXTENSIONS else "duckdb"


def is_remote(path: str | None) -> bool:
    return bool(path) and path.lower().startswith(REMOTE_SCHEMES)


def _first(env: Mapping[str, str], *names: str) -> str | None:
    for n in names:
        if env.get(n):
            return env[n]
    return None


@dataclass(frozen=True)
class S3Options:
    """How to reach S3-compatible storage. ``None`` fields are left to DuckDB's defaults (AWS)."""

    endpoint: str | None = None     # host[:port] of a non-AWS store (MinIO, Ceph, R2 ...), or a URL
    region: str | None = None
    key_id: str | None = None
    secret: str | None = field(default=None, repr=False)
    session_token: str | None = field(default=None, repr=False)
    url_style: str | None = None    # "path" (most self-hosted stores) or "vhost" (AWS)
    use_ssl: bool | None = None

    @classmethod
    def resolve(cls, env: Mapping[str, str] | None = None, **given: object) -> "S3Options":
        """Explicit values first, then ``NEWSLAKE_S3_*`` in ``env``, then the standard AWS variables.

        An endpoint given as a URL sets ``use_ssl`` from its scheme (``http://`` → no TLS) and, unless
        said otherwise, path-style URLs (what self-hosted stores expect).
        """
        env = os.environ if env is None else env
        v = {k: val for k, val in given.items() if val is not None and val != ""}
        for name in ("endpoint", "region", "key_id", "secret", "session_token", "url_style", "use_ssl"):
            if name not in v and env.get(f"NEWSLAKE_S3_{name.upper()}"):
                v[name] = env[f"NEWSLAKE_S3_{name.upper()}"]
        if isinstance(v.get("use_ssl"), str):
            v["use_ssl"] = v["use_ssl"].strip().lower() in ("1", "true", "yes", "on")
        endpoint = v.get("endpoint") or _first(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
        use_ssl = v.get("use_ssl")
        url_style = v.get("url_style")
        if endpoint and "://" in str(endpoint):
            parts = urlsplit(str(endpoint))
            if use_ssl is None:
                use_ssl = parts.scheme == "https"
            endpoint = parts.netloc + parts.path.rstrip("/")
        if endpoint and url_style is None:
            url_style = "path"
        if url_style is not None and url_style not in ("path", "vhost"):
            raise StorageError(f"S3 URL style {url_style!r}: use 'path' or 'vhost'")
        return cls(
            endpoint=endpoint or None,
            region=v.get("region") or _first(env, "AWS_REGION", "AWS_DEFAULT_REGION"),
            key_id=v.get("key_id") or _first(env, "AWS_ACCESS_KEY_ID"),
            secret=v.get("secret") or _first(env, "AWS_SECRET_ACCESS_KEY"),
            session_token=v.get("session_token") or _first(env, "AWS_SESSION_TOKEN"),
            url_style=url_style,
            use_ssl=use_ssl,
        )

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def secret_sql(self, name: str = "newslake_s3") -> str:
        """``CREATE TEMPORARY SECRET`` for these options (only the fields that are set)."""
        parts = ["TYPE s3"]
        for key, value in (("KEY_ID", self.key_id), ("SECRET", self.secret), ("SESSION_TOKEN", self.session_token),
                           ("REGION", self.region), ("ENDPOINT", self.endpoint), ("URL_STYLE", self.url_style)):
            if value is not None:
                parts.append(f"{key} {sql_literal(value)}")
        if self.use_ssl is not None:
            parts.append(f"USE_SSL {'true' if self.use_ssl else 'false'}")
        return f"CREATE OR REPLACE TEMPORARY SECRET {name} ({', '.join(parts)})"


def prepare(con: duckdb.DuckDBPyConnection, catalog_uri: str, data_path: str | None,
            s3: S3Options | None = None) -> None:
    """Load what ``con`` needs to attach a lake with this catalog and data path.

    The catalog's extension (sqlite or postgres); httpfs and an S3 secret when the data are remote,
    or may be (a Postgres catalog names its data path itself, so a reader need not know it).
    """
    kind = catalog_kind(catalog_uri)
    if kind in CATALOG_EXTENSIONS:
        load_extension(con, *CATALOG_EXTENSIONS[kind])
    if is_remote(data_path) or kind == "postgres":
        load_extension(con, "httpfs", "duckdb_extension_httpfs")
        opts = s3 if s3 is not None else S3Options.resolve()
        if not opts.is_empty():
            con.execute(opts.secret_sql())


def redact(text: str) -> str:
    """A catalog URI (or an error quoting one) fit for a message: ``password=...`` becomes ``password=***``."""
    import re

    return re.sub(r"(password\s*=\s*)('[^']*'|[^\s\"']+)", r"\1***", text, flags=re.IGNORECASE)
