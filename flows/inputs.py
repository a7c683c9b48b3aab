"""A run's input files, without Prefect: finding them, hashing them, and deciding that nothing changed.

:func:`unchanged_run` is what ``newslake ingest PATHS`` asks before it starts a Prefect server: when
every input file has the same bytes (SHA-256) as a file the lake finished with the same extractor
version, there is nothing to read, so the command records the run (a ``committed`` ``runs`` row whose
documents all count as unchanged, the row the flow would have written) on its own and starts no
server, no worker and no model. Anything else (a new or changed file, one that cannot be hashed, a
lake that does not exist yet, another runner) goes to the flow as before.
"""

from __future__ import annotations

import glob
import hashlib
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from newslake.flows.workers import unreadable_reason
from newslake.warehouse.schema import RunRecord


class InputError(ValueError):
    """A path the user gave does not exist or matches nothing."""


@dataclass
class RunSummary(RunRecord):
    """The run's record as the flow returns it: the ``runs`` row plus what only the caller needs."""

    elapsed_s: float = 0.0
    warehouse: str = ""
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (uri, reason), the first 100

    def row(self) -> dict:
        return {k: v for k, v in super().row().items() if k not in ("elapsed_s", "warehouse", "rejected")}


def _walk(root: Path) -> list[str]:
    """Every non-hidden entry under ``root`` that is not a folder, plus each folder that cannot be
    listed (so that it becomes a rejected row, not a silent gap). Symlinked folders are followed
    once; dangling symlinks are kept (they are rejected when read)."""
    found: list[str] = []
    seen: set[str] = set()

    def unreadable(e: OSError) -> None:
        if e.filename is not None:
            found.append(str(e.filename))

    for folder, subfolders, names in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        found.extend(os.path.join(folder, n) for n in names if not n.startswith("."))
    return sorted(found)


def find_files(paths: Sequence[str]) -> list[str]:
    """Files to read: each path is a file, a folder (read recursively, hidden entries skipped) or a glob.

    Unreadable folders and dangling symlinks inside a folder are kept, so that reading them gives a
    rejected row with the reason. Raises :class:`InputError` for a path that does not exist or a
    glob that matches nothing.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            found.append(str(p))
        elif p.is_dir():
            found.extend(_walk(p))
        elif glob.has_magic(raw):
            hits = sorted(h for h in glob.glob(raw, recursive=True) if Path(h).is_file())
            if not hits:
                raise InputError(f"{raw}: the pattern matches no file")
            found.extend(hits)
        else:
            raise InputError(f"{raw}: no such file or folder")
    return list(dict.fromkeys(found))


def file_sha256(path: str) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


@dataclass
class InputFile:
    path: str
    sha256: str | None
    bytes: int
    docs: int = 0  # documents read from it so far


def input_files(files: Sequence[str], max_file_bytes: int) -> list[InputFile]:
    """Each file with its size and content hash (None for one that cannot be read as a document or
    is larger than ``max_file_bytes``: the flow reads it, and rejects it with the reason)."""
    inputs = []
    for f in files:
        try:
            size = os.path.getsize(f) if unreadable_reason(f) is None else -1  # never open a pipe
        except OSError:
            size = -1
        inputs.append(InputFile(f, file_sha256(f) if 0 <= size <= max_file_bytes else None, size))
    return inputs


def alive(pid: int) -> bool:
    """Is process ``pid`` (on this host) still running?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def unchanged_run(paths: Sequence[str], *, warehouse: str | None = None, model: str | None = None,
                  runner: str | None = None) -> RunSummary | None:
    """Record and return the run of an input the lake already has, or None when the flow must run.

    The input is unchanged when every file behind ``paths`` hashes to a file the lake finished with
    this extractor version (read from the rule files and the model package's metadata, without
    importing spaCy). The run then gets the ``runs`` row the flow writes for such an input
    (``committed``, 0 batches, every document unchanged), and this host's dead ``running`` runs are
    marked ``interrupted`` as a run's start marks them. Raises :class:`InputError` for a path that
    does not exist. Only the local runner: a Dask cluster names its own model version.
    """
    from newslake.settings import get_settings, lake_config
    from newslake.transforms.versions import static_extractor_version
    from newslake.warehouse.lake import LakeError, LakeWriter, RunTables, connect, done_files

    import duckdb

    started = datetime.now(timezone.utc)
    if runner not in (None, "local"):
        return None
    s = get_settings(warehouse=warehouse, model=model)
    cfg = lake_config(s)
    if (runner or s.runner) != "local" or not cfg.exists():
        return None
    try:
        version = static_extractor_version(s.model)
    except Exception:  # noqa: BLE001 - not named statically, or no such model: the flow decides (and says why)
        return None
    files = input_files(find_files(paths), s.max_file_bytes)
    if not files or any(f.sha256 is None for f in files):
        return None
    wanted = sorted({f.sha256 for f in files if f.sha256})
    try:
        with connect(cfg, read_only=True) as con:
            done = done_files(con, wanted, version)
    except (LakeError, duckdb.Error):  # no input_files yet (a lake no run has finished a file in)
        return None
    if len(done) != len(wanted):
        return None
    unchanged = sum(done[f.sha256] for f in files if f.sha256)
    host, run_id = socket.gethostname(), str(uuid.uuid4())
    run = RunSummary(run_id=run_id, started_at=started, inputs=list(paths), model=s.model, extractor_version=version,
                     host=host, pid=os.getpid(), warehouse=cfg.where, status="committed",
                     docs_seen=unchanged, docs_unchanged=unchanged)
    with LakeWriter(cfg, attempts=s.commit_retries) as lake:
        lake.mark_interrupted(host, alive, by=run_id)
        lake.commit(RunTables({}, run))
    run.elapsed_s = round((datetime.now(timezone.utc) - started).total_seconds(), 2)
    return run
