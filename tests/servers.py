"""Real servers on loopback for the ``scaleout`` tests: PostgreSQL (the distribution's binaries) and an
S3-compatible store (moto's standalone server). Each is started in a temporary folder and stopped,
with its files removed, when its context ends.

Postgres refuses to run as root, so under root it runs as the ``postgres`` user (created by the
distribution's package) or ``nobody``. ``.ci/run`` installs the ``postgresql`` package when
``initdb`` is missing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import httpx

PG_USER = "newslake"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode} before listening")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout}s")


def pg_bindir() -> str | None:
    """The folder of ``initdb``/``postgres``: on PATH, else the newest Debian postgresql-NN."""
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(os.path.realpath(found))
    hits = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]))
    return os.path.dirname(hits[-1]) if hits else None


def _run_as() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")


@dataclass(frozen=True)
class Postgres:
    port: int
    bindir: str

    def dsn(self, dbname: str) -> str:
        """A libpq connection string (what DuckLake's ``postgres:`` catalog takes)."""
        return f"dbname={dbname} host=127.0.0.1 port={self.port} user={PG_USER}"

    def url(self, dbname: str, driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://{PG_USER}@127.0.0.1:{self.port}/{dbname}"

    def createdb(self, name: str) -> None:
        subprocess.run([os.path.join(self.bindir, "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", PG_USER, name], check=True, capture_output=True)

    def psql(self, dbname: str, sql: str) -> str:
        r = subprocess.run([os.path.join(self.bindir, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", PG_USER,
                            "-d", dbname, "-At", "-c", sql], check=True, capture_output=True, text=True)
        return r.stdout


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    """A throw-away PostgreSQL cluster on 127.0.0.1 (trust auth, no fsync: test data only)."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install -y postgresql)")
    user = _run_as()
    root = tempfile.mkdtemp(prefix="newslake-pg-")
    os.chmod(root, 0o700)
    if user is not None:
        os.chown(root, user.pw_uid, user.pw_gid)
    as_user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []} if user is not None else {}
    data = os.path.join(root, "data")
    proc = None
    try:
        subprocess.run([os.path.join(bindir, "initdb"), "-D", data, "-U", PG_USER, "--auth=trust", "-E", "UTF8",
                        "--no-sync", "--no-instructions"], check=True, capture_output=True, cwd=root, **as_user)
        port = free_port()
        log = open(os.path.join(root, "server.log"), "wb")
        proc = subprocess.Popen(
            [os.path.join(bindir, "postgres"), "-D", data, "-p", str(port), "-h", "127.0.0.1", "-k", root,
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
             "-c", "max_connections=200"],
            stdout=log, stderr=subprocess.STDOUT, cwd=root, **as_user)
        _wait_port(port, proc, "postgres")
        pg = Postgres(port, bindir)
        for _ in range(100):  # the port opens a moment before connections are accepted
            if subprocess.run([os.path.join(bindir, "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        yield pg
    finally:
        if proc is not None:
            proc.terminate()  # SIGTERM: smart shutdown; connections are closed by then
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(root, ignore_errors=True)


@dataclass(frozen=True)
class S3:
    port: int
    key_id: str = "newslake-test"
    secret: str = "newslake-test-secret"
    region: str = "us-east-1"

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        """The standard AWS variables a client needs to reach this store."""
        return {"AWS_ACCESS_KEY_ID": self.key_id, "AWS_SECRET_ACCESS_KEY": self.secret, "AWS_REGION": self.region,
                "AWS_ENDPOINT_URL": self.endpoint}

    def create_bucket(self, name: str) -> None:
        httpx.put(f"{self.endpoint}/{name}").raise_for_status()

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        """Object keys under ``prefix`` (ListObjectsV2, path style)."""
        import xml.etree.ElementTree as ET

        keys: list[str] = []
        token = None
        while True:
            params = {"list-type": "2", "prefix": prefix}
            if token:
                params["continuation-token"] = token
            r = httpx.get(f"{self.endpoint}/{bucket}", params=params)
            r.raise_for_status()
            root = ET.fromstring(r.content)
            ns = {"s3": root.tag.split("}")[0].strip("{")}
            keys += [k.text for k in root.findall("s3:Contents/s3:Key", ns)]
            token_el = root.find("s3:NextContinuationToken", ns)
            if token_el is None:
                return keys
            token = token_el.text


@contextmanager
def s3_server() -> Iterator[S3]:
    """moto's standalone S3-compatible server on 127.0.0.1 (in memory: nothing stays behind)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port, proc, "moto S3 server", timeout=120)
        yield S3(port)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
