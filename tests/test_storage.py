"""Storage settings: S3 options from settings or the standard AWS variables, catalog kinds, quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslake.settings import get_settings, lake_config
from newslake.warehouse.lake import LakeConfig, LakeError, query
from newslake.warehouse.storage import S3Options, StorageError, catalog_kind, is_remote, redact, sql_literal


def test_aws_variables_are_the_fallback():
    env = {"AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_DEFAULT_REGION": "eu-west-1",
           "AWS_ENDPOINT_URL": "http://minio:9000"}
    o = S3Options.resolve(env=env)
    assert (o.key_id, o.secret, o.region, o.endpoint, o.use_ssl, o.url_style) == (
        "AK", "SK", "eu-west-1", "minio:9000", False, "path")


def test_settings_win_over_aws_variables():
    env = {"AWS_ACCESS_KEY_ID": "AK", "AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL_S3": "https://s3.example.org"}
    o = S3Options.resolve(env=env, key_id="mine", region="us-east-2", url_style="vhost")
    assert (o.key_id, o.region, o.endpoint, o.use_ssl, o.url_style) == ("mine", "us-east-2", "s3.example.org", True, "vhost")


def test_no_endpoint_means_aws_defaults():
    o = S3Options.resolve(env={})
    assert o.is_empty()
    o = S3Options.resolve(env={"AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK"})
    assert o.endpoint is None and o.url_style is None and o.use_ssl is None


def test_bad_url_style_is_refused():
    with pytest.raises(StorageError, match="URL style"):
        S3Options.resolve(env={}, url_style="sideways")


def test_secret_sql_quotes_values_and_hides_them_from_repr():
    o = S3Options(key_id="a'b", secret="s3cr'et", endpoint="h:1", use_ssl=False)
    sql = o.secret_sql()
    assert "KEY_ID 'a''b'" in sql and "SECRET 's3cr''et'" in sql and "USE_SSL false" in sql
    assert "s3cr" not in repr(o)
    assert sql_literal("x'; DROP TABLE t; --") == "'x''; DROP TABLE t; --'"


def test_settings_build_the_lake_config(monkeypatch):
    monkeypatch.setenv("NEWSLAKE_CATALOG", "postgres:dbname=lake host=db password=hunter2")
    monkeypatch.setenv("NEWSLAKE_DATA_PATH", "s3://bucket/lake/")
    monkeypatch.setenv("NEWSLAKE_S3_ENDPOINT", "http://127.0.0.1:9000")
    monkeypatch.setenv("NEWSLAKE_S3_SECRET", "zq-secret-9")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ak")
    cfg = lake_config(get_settings())
    assert cfg.catalog.startswith("postgres:") and cfg.data_path == "s3://bucket/lake/"
    assert (cfg.s3.endpoint, cfg.s3.key_id, cfg.s3.secret, cfg.s3.use_ssl) == ("127.0.0.1:9000", "ak", "zq-secret-9", False)
    assert "hunter2" not in cfg.where and "password=***" in cfg.where
    assert "zq-secret-9" not in repr(get_settings()) and "zq-secret-9" not in repr(cfg)


def test_catalog_kinds_and_remote_paths():
    assert catalog_kind("postgres:dbname=x") == "postgres"
    assert catalog_kind("sqlite:/tmp/c.sqlite") == "sqlite"
    assert catalog_kind("/tmp/c.ducklake") == "duckdb"
    assert is_remote("s3://b/p/") and is_remote("https://h/p/") and not is_remote("/data/") and not is_remote(None)
    assert redact("dbname=x password='a b' host=h") == "dbname=x password=*** host=h"


def test_unreachable_postgres_catalog_is_one_clear_line():
    # nothing listens on port 1: the error names the catalog (password redacted) in one line
    cfg = LakeConfig(Path("/x"), "postgres:dbname=x host=127.0.0.1 port=1 password=pw connect_timeout=2")
    with pytest.raises(LakeError) as e:
        query(cfg, "SELECT 1")
    msg = str(e.value)
    assert "\n" not in msg and "password=***" in msg and "pw " not in msg


@pytest.mark.parametrize("name", ["ducklake", "sqlite", "httpfs", "fts"])
def test_one_loader_installs_every_extension_from_its_pip_package(tmp_path, name):
    """An empty extension folder and no network: each extension the project uses comes from its
    pinned pip package (the one loader, ``storage.load_extension``), signature checked."""
    import duckdb

    from newslake.warehouse.storage import load_extension

    con = duckdb.connect(config={"allow_unsigned_extensions": False, "autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    con.execute(f"SET extension_directory = {sql_literal(str(tmp_path))}")
    load_extension(con, name)
    loaded, path, origin = con.execute(
        "SELECT loaded, install_path, installed_from FROM duckdb_extensions() "
        "WHERE extension_name = ? OR list_contains(aliases, ?)", [name, name]).fetchone()
    assert loaded and path.startswith(str(tmp_path))
    assert f"duckdb_extension_{name}" in origin and origin.endswith(f"{name}.duckdb_extension")


def test_a_missing_extension_package_is_one_clear_error(tmp_path):
    import duckdb

    from newslake.warehouse.storage import load_extension

    con = duckdb.connect()
    con.execute(f"SET extension_directory = {sql_literal(str(tmp_path))}")
    with pytest.raises(StorageError, match="'nosuch' is not installed; pip install duckdb-extension-nosuch"):
        load_extension(con, "nosuch")


def test_a_nul_in_a_setting_is_refused():
    with pytest.raises(StorageError, match="NUL"):
        sql_literal("/data/a\x00b")
