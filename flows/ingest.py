"""The ingest flow: discover → read → parse + extract → commit, as a stream of bounded batches.

::

    files ──read──▶ batch of documents ──skip committed──▶ worker: parse + extract ──▶ commit
                    (batch_size docs)      (lake lookup)      (2 processes, model      (one transaction
                                                               loaded once each)        per batch)

Nothing holds the whole run: a batch is read only when a worker is about to need it (a few batches
are in flight), a JSONL file is read a batch of lines at a time, and every batch commits on its own,
with the run's ``runs`` row updated in the same transaction. A run killed at any point keeps the
batches it committed; the same command run again skips those documents (they are in the lake with
the same extractor version) and finishes the rest, ending with the tables an uninterrupted run
leaves. The flow runs on the Prefect server named by ``PREFECT_API_URL``, or on a temporary local
one when none is set.
"""

from __future__ import annotations

import glob
import os
import socket
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from newslake import faults
from newslake.flows.workers import BatchResult, Workers, choose_processes, run_batch
from newslake.settings import get_settings
from newslake.transforms.ingest.readers import Limits, SourceDoc, read_jsonl_lines, read_source, rejected_doc
from newslake.warehouse.lake import LakeConfig, LakeWriter, RunTables, record_run
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


def _is_hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


def find_files(paths: Sequence[str]) -> list[str]:
    """Files to read: each path is a file, a folder (read recursively, hidden entries skipped) or a glob.

    Raises :class:`InputError` for a path that does not exist or a glob that matches nothing.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_file():
            found.append(str(p))
        elif p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and not _is_hidden(f, p))
        elif glob.has_magic(raw):
            hits = sorted(h for h in glob.glob(raw, recursive=True) if Path(h).is_file())
            if not hits:
                raise InputError(f"{raw}: the pattern matches no file")
            found.extend(hits)
        else:
            raise InputError(f"{raw}: no such file or folder")
    return list(dict.fromkeys(found))


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: Sequence[str]) -> list[str]:
    """The files behind the given paths (see :func:`find_files`)."""
    return find_files(paths)


def read_file(path: str, limits: Limits, lines_per_chunk: int) -> Iterator[list[SourceDoc]]:
    """The documents of one file, a chunk at a time: a JSONL file ``lines_per_chunk`` lines at a
    time, any other file whole. Unreadable or oversized files become one rejected document."""
    try:
        size = os.path.getsize(path)
        if size > limits.max_file_bytes:
            yield [rejected_doc(uri=path, data=f"{path}:{size}".encode(),
                                reason=f"file has {size:,} bytes, above the limit of {limits.max_file_bytes:,}")]
            return
        if not path.lower().endswith(".jsonl"):
            yield read_source(Path(path).read_bytes(), uri=path, limits=limits)
            return
        any_docs, first, lines = False, 1, []
        with open(path, "rb") as f:
            for n, line in enumerate(f, start=1):
                lines.append(line)
                if len(lines) == lines_per_chunk:
                    docs = read_jsonl_lines(b"".join(lines), uri=path, first_line=first, limits=limits)
                    any_docs |= bool(docs)
                    yield docs
                    first, lines = n + 1, []
        docs = read_jsonl_lines(b"".join(lines), uri=path, first_line=first, limits=limits) if lines else []
        if not (any_docs or docs):  # nothing but blank lines: the whole-file reader says why
            docs = read_source(Path(path).read_bytes(), uri=path, limits=limits)
        yield docs
    except OSError as e:
        yield [rejected_doc(uri=path, data=path.encode(), reason=f"cannot read file: {e.strerror or e}")]


def read_batches(files: Iterable[str], limits: Limits, batch_size: int) -> Iterator[list[SourceDoc]]:
    """Read and normalise ``files`` as batches of ``batch_size`` documents (the last may be short);
    a document whose id was already read in this run (the same content twice) is dropped."""
    seen: set[str] = set()
    batch: list[SourceDoc] = []
    for path in files:
        for docs in read_file(path, limits, batch_size):
            for d in docs:
                if d.doc_id not in seen:
                    seen.add(d.doc_id)
                    batch.append(d)
                if len(batch) == batch_size:
                    faults.point("read")
                    yield batch
                    batch = []
    if batch:
        faults.point("read")
        yield batch


@dataclass
class Batch:
    """A batch read, and what of it is left to extract (the rest is in the lake already)."""

    todo: list[SourceDoc]
    counts: dict[str, int]


def skip_committed(lake: LakeWriter, docs: list[SourceDoc], version: str) -> Batch:
    """Drop the documents the lake has with ``version`` (unchanged input, or committed by a run that
    was killed): they are neither parsed nor written again."""
    known = lake.known_versions([d.doc_id for d in docs])
    todo = [d for d in docs if known.get(d.doc_id) != version]
    return Batch(todo, {"docs_seen": len(docs), "docs_unchanged": len(docs) - len(todo),
                        "docs_replaced": sum(d.doc_id in known for d in todo)})


@task(name="extract", cache_policy=NO_CACHE)
def extract(docs: Sequence[SourceDoc], model: str, version: str, run_id: str, workers: Workers | None = None) -> BatchResult:
    """Parse a batch with spaCy and extract its rows, in a worker process (or, without ``workers``,
    in the process running the task, which then loads the model once)."""
    result = workers.submit(docs, version, run_id).result() if workers else run_batch(docs, model, version, run_id)
    faults.point("extract")
    return result


@task(name="commit", cache_policy=NO_CACHE)
def commit_batch(lake: LakeWriter, batch: Batch, result: BatchResult, run: RunSummary) -> None:
    """Write a batch's rows, the relinking they cause and the run's updated row in one transaction."""
    run.add(**batch.counts, **result.counts, batches=1)
    lake.commit(RunTables(result.tables, run))
    run.rejected.extend(result.rejected[: max(0, 100 - len(run.rejected))])


def extract_ahead(batches: Iterable[Batch], submit: Callable[[Batch], object], depth: int) -> Iterator[tuple[Batch, object]]:
    """Submit batches ``depth`` ahead of the one being committed, so workers never wait for a commit
    and at most ``depth`` + 1 batches are in memory; yield (batch, future) in input order."""
    pending: deque = deque()
    for b in batches:
        pending.append((b, submit(b)))
        if len(pending) > depth:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _run_id() -> str:
    try:
        return str(get_run_context().flow_run.id)
    except Exception:  # called outside a flow run (tests of helpers)
        return str(uuid.uuid4())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_run(lake: LakeWriter, paths: Sequence[str], model: str) -> RunSummary:
    """The run's record, written as ``running``; this host's runs whose process died are marked
    ``interrupted`` first."""
    from newslake.transforms.extract import extractor_version

    host = socket.gethostname()
    lake.mark_interrupted(host, _alive)
    run = RunSummary(run_id=_run_id(), started_at=datetime.now(timezone.utc), inputs=list(paths), model=model,
                     extractor_version=extractor_version(model), host=host, pid=os.getpid(),
                     warehouse=str(lake.cfg.warehouse))
    lake.commit(RunTables({}, run))
    return run


def finish_run(lake: LakeWriter, run: RunSummary, t0: float) -> RunSummary:
    run.status, run.elapsed_s = "committed", round(time.perf_counter() - t0, 2)
    lake.commit(RunTables({}, run))
    return run


@flow(name="ingest", log_prints=False)
def ingest(
    paths: list[str],
    warehouse: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    progress: bool = False,
) -> RunSummary:
    """Ingest files, folders or globs into the lake, batch by batch (one commit per batch)."""
    s = get_settings(warehouse=warehouse, model=model, batch_size=batch_size, n_process=n_process)
    cfg = LakeConfig(Path(s.warehouse), s.catalog, s.data_path)
    limits = Limits(max_file_bytes=s.max_file_bytes, max_doc_chars=s.max_doc_chars)
    t0, n = time.perf_counter(), choose_processes(s.n_process)
    files = discover(paths)
    with LakeWriter(cfg, attempts=s.commit_retries) as lake, Workers(s.model, n) as workers, _progress(progress) as advance:
        run = start_run(lake, paths, s.model)
        get_run_logger().info("%d files; run %s with %d worker process(es)", len(files), run.run_id, n)
        try:
            batches = (skip_committed(lake, docs, run.extractor_version) for docs in read_batches(files, limits, s.batch_size))
            submit = lambda b: extract.submit(b.todo, s.model, run.extractor_version, run.run_id, workers) if b.todo else None  # noqa: E731
            for batch, future in extract_ahead(batches, submit, depth=n + 1):
                commit_batch(lake, batch, future.result() if future else BatchResult(), run)
                advance(batch.counts["docs_seen"])
            return finish_run(lake, run, t0)
        except BaseException as e:
            _record_failure(cfg, run, e)
            raise


def _record_failure(cfg: LakeConfig, run: RunSummary, exc: BaseException) -> None:
    """Mark the run ``failed`` with its error; the batches it committed stay (a re-run skips them)."""
    run.status, run.error = "failed", f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
    try:
        record_run(cfg, run, attempts=3)
    except Exception:  # the lake itself may be what failed; the original error matters more
        pass


class _progress:
    """A rich progress bar on a terminal (stderr), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __enter__(self) -> Callable[[int], None]:
        if not self.enabled:
            return lambda n: None
        from rich.progress import Progress

        self.bar = Progress(transient=True)
        self.bar.start()
        tid = self.bar.add_task("documents", total=None)
        return lambda n: self.bar.advance(tid, n)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()
