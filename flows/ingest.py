"""The ingest flow: paths → discover → read + normalise → parse + extract → Arrow tables → one commit.

Tasks take batches of documents (hundreds), never one. The flow runs on the Prefect server named by
``PREFECT_API_URL``, or on a temporary local one when none is set.
"""

from __future__ import annotations

import glob
import os
import stat
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from newslake.flows.workers import Workers, choose_processes, model_version
from newslake.settings import Settings, get_settings
from newslake.transforms.extract import Extracted, dedupe
from newslake.transforms.ingest.readers import Limits, SourceDoc, read_source, rejected_doc
from newslake.warehouse.lake import LakeConfig, RunTables, commit, known_versions, record_run
from newslake.warehouse.schema import PER_DOCUMENT, to_table


class InputError(ValueError):
    """A path the user gave does not exist or matches nothing."""


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    status: str
    docs_seen: int
    docs_ok: int
    docs_rejected: int
    docs_unchanged: int
    docs_replaced: int
    mentions: int
    entities: int
    claims: int
    events: int
    elapsed_s: float
    commit_attempts: int
    warehouse: str
    rejected: tuple[tuple[str, str], ...] = ()  # (uri, reason) of this run's rejections


def _chunks(items: Sequence, n: int) -> Iterator[Sequence]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


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


def _unreadable(path: str) -> str | None:
    """Why ``path`` cannot be read as a document (a folder, a dangling link, a FIFO), or None."""
    try:
        st = os.stat(path)
    except OSError as e:
        if os.path.islink(path):
            return f"dangling symbolic link to {os.readlink(path)}"
        return f"cannot read file: {e.strerror or e}"
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(path)
        except OSError as e:
            return f"cannot read folder: {e.strerror or e}"
        return "a folder, not a file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, socket or device)"
    return None


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: Sequence[str]) -> list[str]:
    """The files behind the given paths (see :func:`find_files`)."""
    return find_files(paths)


@task(name="read-batch", cache_policy=NO_CACHE)
def read_batch(files: Sequence[str], limits: Limits) -> list[SourceDoc]:
    """Read and normalise a batch of files; unreadable or oversized files become rejected documents."""
    docs: list[SourceDoc] = []
    for f in files:
        problem = _unreadable(f)
        if problem is not None:
            docs.append(rejected_doc(uri=f, data=f.encode(), reason=problem))
            continue
        try:
            size = os.path.getsize(f)
            if size > limits.max_file_bytes:
                docs.append(rejected_doc(uri=f, data=f"{f}:{size}".encode(),
                                         reason=f"file has {size:,} bytes, above the limit of {limits.max_file_bytes:,}"))
                continue
            data = Path(f).read_bytes()
        except OSError as e:
            docs.append(rejected_doc(uri=f, data=f.encode(), reason=f"cannot read file: {e.strerror or e}"))
            continue
        docs.extend(read_source(data, uri=f, limits=limits))
    return docs


@task(name="known-versions", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def lookup_known(cfg: LakeConfig, doc_ids: list[str]) -> dict[str, str]:
    return known_versions(cfg, doc_ids)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract(workers: Workers, docs: Sequence[SourceDoc], version: str) -> Extracted:
    """Parse a batch with spaCy and extract its mentions, entities, claims and events."""
    return workers.submit(docs, version).result()


@task(name="commit", cache_policy=NO_CACHE)
def commit_run(cfg: LakeConfig, tables: RunTables, attempts: int) -> int:
    """Write every table of the run in one DuckLake transaction (retried on write conflicts)."""
    return commit(cfg, tables, attempts=attempts)


def _tables(ex: Extracted, *, run_id: str, version: str, now: datetime) -> dict:
    docs = [
        {**{f: getattr(d, f) for f in d.__dataclass_fields__}, "char_count": len(d.text),
         "boilerplate": list(d.boilerplate)}
        for d in ex.documents
    ]
    extra = {"run_id": run_id, "ingested_at": now, "extractor_version": version}
    rows = {"documents": docs, **{name: getattr(ex, name) for name in PER_DOCUMENT if name != "documents"}}
    return {name: to_table(name, rows[name], extra) for name in PER_DOCUMENT}


def _run_id() -> str:
    try:
        return str(get_run_context().flow_run.id)
    except Exception:  # called outside a flow run (tests of helpers)
        return str(uuid.uuid4())


@flow(name="ingest", log_prints=False)
def ingest(
    paths: list[str],
    warehouse: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    progress: bool = False,
) -> RunSummary:
    """Ingest files, folders or globs into the lake: every table of the run in one commit."""
    s: Settings = get_settings(warehouse=warehouse, model=model, batch_size=batch_size, n_process=n_process)
    cfg = LakeConfig(Path(s.warehouse), s.catalog, s.data_path)
    limits = Limits(max_file_bytes=s.max_file_bytes, max_doc_chars=s.max_doc_chars)
    log = get_run_logger()
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    run_id = _run_id()
    run = {"run_id": run_id, "flow": "ingest", "started_at": started, "inputs": list(paths),
           "model": s.model, "extractor_version": "", "error": None}
    try:
        files = discover(paths)
        docs: list[SourceDoc] = []
        for batch in _chunks(files, s.batch_size):
            docs.extend(read_batch(batch, limits))
        docs = dedupe(docs)
        version = model_version(s.model)
        run["extractor_version"] = version
        known = lookup_known(cfg, [d.doc_id for d in docs])
        todo = [d for d in docs if known.get(d.doc_id) != version]
        replaced = sum(1 for d in todo if d.doc_id in known)
        n = choose_processes(s.n_process, len(todo), s.batch_size)
        log.info("%d files, %d documents, %d to extract with %d process(es)", len(files), len(docs), len(todo), n)
        ex = Extracted()
        with Workers(s.model, n) as workers, _progress(progress, len(todo)) as advance:
            futures = [extract.submit(workers, b, version) for b in _chunks(todo, s.batch_size)]
            for fut, b in zip(futures, _chunks(todo, s.batch_size)):
                ex.extend(fut.result())
                advance(len(b))
        now = datetime.now(timezone.utc)
        ok = sum(d.status == "ok" for d in ex.documents)
        run.update(
            status="committed", finished_at=now, docs_seen=len(docs), docs_ok=ok,
            docs_rejected=len(ex.documents) - ok, docs_unchanged=len(docs) - len(todo),
            docs_replaced=replaced, mentions=len(ex.mentions), claims=len(ex.claims),
            events=len(ex.events), commit_attempts=0,
        )
        tables = RunTables(_tables(ex, run_id=run_id, version=version, now=now), run)
        attempts = commit_run(cfg, tables, s.commit_retries)
    except BaseException as e:
        _record_failure(cfg, run, e, s.commit_retries)
        raise
    return RunSummary(
        run_id=run_id, status="committed", docs_seen=len(docs), docs_ok=run["docs_ok"],
        docs_rejected=run["docs_rejected"], docs_unchanged=run["docs_unchanged"], docs_replaced=replaced,
        mentions=len(ex.mentions), entities=len({e.entity_id for e in ex.doc_entities}),
        claims=len(ex.claims), events=len(ex.events), elapsed_s=round(time.perf_counter() - t0, 2),
        commit_attempts=attempts, warehouse=str(cfg.warehouse),
        rejected=tuple((d.uri, d.error or "") for d in ex.documents if d.status != "ok"),
    )


def _record_failure(cfg: LakeConfig, run: dict, exc: BaseException, attempts: int) -> None:
    """Leave a ``failed`` row in ``runs`` (none of the run's rows were committed)."""
    if isinstance(exc, InputError):
        return  # nothing was started: the CLI says what was wrong
    now = datetime.now(timezone.utc)
    row = {**run, "status": "failed", "finished_at": now,
           "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500],
           "extractor_version": run.get("extractor_version") or "", "commit_attempts": 0}
    for k in ("docs_seen", "docs_ok", "docs_rejected", "docs_unchanged", "docs_replaced", "mentions", "claims", "events"):
        row[k] = 0
    try:
        record_run(cfg, row, attempts=attempts)
    except Exception:  # the lake itself may be what failed; the original error matters more
        pass


class _progress:
    """A rich progress bar on a terminal (stderr), or nothing."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self.total = total

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda n: None
        from rich.progress import Progress

        self.bar = Progress(transient=True)
        self.bar.start()
        tid = self.bar.add_task("extracting", total=self.total)
        return lambda n: self.bar.advance(tid, n)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()
