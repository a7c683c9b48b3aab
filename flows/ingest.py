"""The ingest flow: discover → read → parse + extract → commit, as a stream of bounded batches.

::

    files ─► skip unchanged files ─► cut into batches ─► worker: read, skip committed, ─► commit
             (content hash,           (batch_size docs;    parse + extract              (one transaction
              input_files)             JSONL by lines)     (2 processes, model once)     per batch)

Nothing holds the whole run: a batch is cut only when a worker is about to need it (``depth``
batches are in flight), and every batch commits on its own, with the run's ``runs`` row updated in
the same transaction. A run killed at any point keeps the batches it committed; the same command
run again skips those documents (they are in the lake with the same extractor version) and
finishes the rest, ending with the tables an uninterrupted run leaves. A file whose every document
was committed is recorded in ``input_files`` by content, so an unchanged input is skipped without
being read. This process never reads a document nor imports spaCy; the workers do. The flow runs
on the Prefect server named by ``PREFECT_API_URL``, or on a temporary local one when none is set.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, Sequence

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context

from newslake.flows.inputs import InputError, InputFile, RunSummary, alive, file_sha256, find_files, input_files  # noqa: F401
from newslake.flows.runners import cluster_workers
from newslake.warehouse import faults
from newslake.flows.workers import BatchResult, Piece, Workers, choose_processes, estimate_docs
from newslake.settings import get_settings, lake_config
from newslake.transforms.ingest.readers import Limits
from newslake.warehouse.lake import LakeConfig, LakeWriter, RunTables, record_run
from newslake.warehouse.schema import COMPACT_EVERY, to_table


@task(name="discover", cache_policy=NO_CACHE)
def discover(paths: Sequence[str]) -> list[str]:
    """The files behind the given paths (see :func:`find_files`)."""
    return find_files(paths)


@dataclass
class Batch:
    """Pieces of input for one worker call, and the files whose last piece is in it (recorded as
    done in the batch's commit)."""

    pieces: list[Piece]
    completes: list[InputFile] = field(default_factory=list)


def skip_unchanged_files(lake: LakeWriter, files: Sequence[str], version: str, limits: Limits,
                         run: RunSummary) -> list[InputFile]:
    """The files to read: those whose bytes the lake has not finished with ``version`` (a file
    with the same content and version is skipped unread; its documents count as unchanged)."""
    inputs = input_files(files, limits.max_file_bytes)
    done = lake.done_files([i.sha256 for i in inputs if i.sha256], version)
    todo = [i for i in inputs if i.sha256 not in done]
    skipped = sum(done[i.sha256] for i in inputs if i.sha256 in done)
    run.add(docs_seen=skipped, docs_unchanged=skipped)
    return todo


def ramp(i: int, batch_size: int, first: int = 16) -> int:
    """Size of the ``i``-th batch: ``first``, doubling with every batch up to ``batch_size``, so both
    workers have work from the first documents (a 240-document input is not one batch for one
    worker) and a short run does not wait for one big batch, without many small batches: every
    batch costs the flow's process a commit (about 0.5 s of CPU whatever its size, most of it
    relinking's statements on the lake) and Prefect two task runs.

    >>> [ramp(i, 100) for i in range(6)]
    [16, 32, 64, 100, 100, 100]
    """
    return min(batch_size, first << i)


#: the smallest batch :func:`batch_target` cuts at the end of an input (a batch's fixed cost, see
#: :func:`ramp`, is about that of parsing 20 stories)
TAIL_MIN = 32


def batch_target(i: int, batch_size: int, left: int | None = None, workers: int = 1, first: int = 16) -> int:
    """Size of the ``i``-th batch when about ``left`` documents remain to be planned: :func:`ramp`,
    and at the end at most ``left / workers`` (at least :data:`TAIL_MIN`), so the last batches
    shrink and the workers finish together instead of one parsing a whole last batch while the
    others wait (``left`` None: :func:`ramp` alone).

    >>> [batch_target(i, 256, left, 2) for i, left in enumerate((1000, 984, 952, 888, 760, 504, 252, 126, 63))]
    [16, 32, 64, 128, 256, 252, 126, 63, 32]
    """
    size = ramp(i, batch_size, first)
    if left is not None:
        size = min(size, max(TAIL_MIN, -(-left // max(1, workers))))
    return size


def plan_batches(files: Iterable[InputFile], batch_size: int, *, docs: int | None = None,
                 workers: int = 1) -> Iterator[Batch]:
    """Cut the input into batches of about ``batch_size`` documents (smaller at first, see
    :func:`ramp`, and at the end when ``docs``, the input's estimated documents, is given: see
    :func:`batch_target`): a JSONL file by lines (read lazily, so only the batches in flight are in
    memory), other files whole (one document each, as far as the plan knows)."""
    batch = Batch([])
    size = n_batches = planned = 0
    target = batch_target(0, batch_size, docs, workers)

    def full() -> bool:
        return size >= target

    def next_batch() -> None:
        nonlocal batch, size, n_batches, planned, target
        batch, planned, n_batches = Batch([]), planned + size, n_batches + 1
        size = 0
        target = batch_target(n_batches, batch_size, None if docs is None else max(0, docs - planned), workers)

    for inp in files:
        if not inp.path.lower().endswith(".jsonl") or inp.sha256 is None:
            batch.pieces.append(Piece(inp.path))
            size += 1
        else:
            first, lines, any_line = 1, [], False
            with open(inp.path, "rb") as f:
                for n, line in enumerate(f, start=1):
                    if full():  # the file goes on: this batch does not complete it
                        yield batch
                        next_batch()
                    lines.append(line)
                    any_line |= bool(line.strip())
                    if size + len(lines) >= target:
                        batch.pieces.append(Piece(inp.path, first, b"".join(lines)))
                        size += len(lines)
                        first, lines = n + 1, []
            if lines and any_line:
                batch.pieces.append(Piece(inp.path, first, b"".join(lines)))
                size += len(lines)
            if not any_line:  # nothing but blank lines: the whole-file reader says why
                batch.pieces.append(Piece(inp.path))
                size += 1
        batch.completes.append(inp)
        if full():
            yield batch
            next_batch()
    if batch.pieces or batch.completes:
        yield batch


@task(name="extract", cache_policy=NO_CACHE)
def extract(workers: Workers, batch: Batch, version: str, run_id: str, cfg: LakeConfig, limits: Limits) -> BatchResult:
    """Read, skip what the lake has, parse and extract one batch in a worker process."""
    result = workers.submit(batch.pieces, version, run_id, cfg, limits).result() if batch.pieces else BatchResult()
    faults.point("extract")
    return result


@task(name="commit", cache_policy=NO_CACHE)
def commit_batch(lake: LakeWriter, batch: Batch, result: BatchResult, run: RunSummary, files: dict[str, InputFile]) -> None:
    """Write a batch's rows, the relinking they cause, the files it completes and the run's updated
    row in one transaction."""
    for path, n in result.docs_per_file.items():
        files[path].docs += n
    docs = result.tables.get("documents")
    if docs is not None and docs.num_rows:  # the same document read again later in the run: the first stays
        result = without_docs(result, lake.committed_by(run.run_id, docs.column("doc_id").to_pylist()))
    before = {k: getattr(run, k) for k in (*result.counts, "batches")}
    run.add(**result.counts, batches=1)
    tables = dict(result.tables)
    if any(f.sha256 for f in batch.completes):
        tables["input_files"] = _file_rows(batch.completes, run)
    try:
        lake.commit(RunTables(tables, run))
    except BaseException:
        if not lake.last_commit_done:  # the batch is not in the lake: neither are its counts
            for k, v in before.items():
                setattr(run, k, v)
        raise
    run.rejected.extend(result.rejected[: max(0, 100 - len(run.rejected))])
    if run.batches % COMPACT_EVERY == 0:
        lake.compact()


def without_docs(result: BatchResult, doc_ids: set[str]) -> BatchResult:
    """``result`` without the rows of ``doc_ids`` and without their part of its counts: documents
    the run has committed from an earlier batch (the same content twice in the input, in two batches
    extracted at once, so neither worker found the other's in the lake). Within a batch the first
    copy is kept (:func:`~newslake.transforms.extract.dedupe`); so across batches, whatever the
    batch boundaries and the order the workers finish in."""
    if not doc_ids:
        return result
    import pyarrow as pa
    import pyarrow.compute as pc

    drop = pa.array(sorted(doc_ids), pa.string())
    tables, counts = {}, dict(result.counts)
    for name, t in result.tables.items():
        gone = pc.is_in(t.column("doc_id"), value_set=drop)
        tables[name] = t.filter(pc.invert(gone))
        if name == "documents":
            ok = pc.sum(pc.and_(gone, pc.equal(t.column("status"), "ok"))).as_py() or 0
            n = pc.sum(gone).as_py() or 0
            counts["docs_ok"] = counts.get("docs_ok", 0) - ok
            counts["docs_rejected"] = counts.get("docs_rejected", 0) - (n - ok)
            counts["docs_seen"] = counts.get("docs_seen", 0) - n
        elif name in counts:  # mentions, doc_entities, claims, events: one per row
            counts[name] -= pc.sum(gone).as_py() or 0
    counts["docs_replaced"] = counts.get("docs_replaced", 0) - len(doc_ids & set(result.replaced))
    return dataclasses.replace(result, tables=tables, counts=counts,
                               replaced=[d for d in result.replaced if d not in doc_ids])


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


_alive = alive


def model_version(workers: Workers) -> str:
    """The run's extractor version, read from the rule files and the model package's metadata
    without importing spaCy (so a run with nothing to parse starts no worker, and a Dask run's flow
    process does not spend seconds importing spaCy while the cluster waits for its first batch);
    from the workers when that cannot be read statically (a computed constant, no model package here)."""
    from newslake.transforms.versions import VersionNotFound, static_extractor_version

    try:
        return static_extractor_version(workers.model)
    except VersionNotFound:
        return workers.version()


def start_run(lake: LakeWriter, paths: Sequence[str], model: str, version: str, started: datetime) -> RunSummary:
    """The run's record, written as ``running``; this host's runs whose process died are marked
    ``interrupted`` first."""
    host, run_id = socket.gethostname(), _run_id()
    lake.mark_interrupted(host, _alive, by=run_id)
    run = RunSummary(run_id=run_id, started_at=started, inputs=list(paths), model=model,
                     extractor_version=version, host=host, pid=os.getpid(),
                     warehouse=lake.cfg.where)
    lake.commit(RunTables({}, run))
    return run


def _file_rows(files: Iterable[InputFile], run: RunSummary) -> "pa.Table":
    """``input_files`` rows of ``files``: one per content (of two copies of a file, the later one)."""
    by_content = {f.sha256: f for f in files if f.sha256}
    return to_table("input_files", [{"sha256": f.sha256, "path": f.path, "bytes": f.bytes, "docs": f.docs}
                                    for f in by_content.values()],
                    {"extractor_version": run.extractor_version, "run_id": run.run_id,
                     "ingested_at": datetime.now(timezone.utc)})


def finish_run(lake: LakeWriter, run: RunSummary, t0: float, files: Sequence[InputFile] = ()) -> RunSummary:
    """Compact what the run's batches wrote, then mark it ``committed``. ``files`` (every file the
    run read, all finished by now) get their ``input_files`` row in the same commit when the lake
    has none for their content: with another writer finishing the same file at the same moment,
    the row its batch wrote could be missing (issue 14)."""
    if run.batches:
        lake.compact()
    run.status, run.elapsed_s = "committed", round(time.perf_counter() - t0, 2)
    lake.commit(RunTables({}, run, ensure_files=_file_rows(files, run) if files else None))
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
    cfg = lake_config(s)
    limits = Limits(max_file_bytes=s.max_file_bytes, max_doc_chars=s.max_doc_chars, doc_budget_s=s.doc_budget_s)
    # on a Dask cluster (--runner dask) each Dask worker process is a worker: no local pool beside it
    on_cluster = cluster_workers(s.model)
    if on_cluster is not None:
        workers, n = on_cluster
    else:
        n = choose_processes(s.n_process)
        workers = Workers.take(s.model, n) or Workers(s.model, n)  # the command's pre-started pool
    t0, started = time.perf_counter(), datetime.now(timezone.utc)
    files = discover(paths)
    with LakeWriter(cfg, attempts=s.commit_retries) as lake, workers, _progress(progress) as advance:
        run = start_run(lake, paths, s.model, model_version(workers), started)
        try:
            todo = skip_unchanged_files(lake, files, run.extractor_version, limits, run)
            get_run_logger().info("%d files, %d to read; run %s, %d worker(s)", len(files), len(todo), run.run_id, n)
            submit = lambda b: extract.submit(workers, b, run.extractor_version, run.run_id, cfg, limits)  # noqa: E731
            by_path = {f.path: f for f in todo}
            plan = plan_batches(todo, s.batch_size, docs=estimate_docs([f.path for f in todo]), workers=n)
            for batch, future in extract_ahead(plan, submit, depth=n + 1):
                commit_batch(lake, batch, result := future.result(), run, by_path)
                advance(result.counts.get("docs_seen", 0))
            return finish_run(lake, run, t0, todo)
        except BaseException as e:
            _record_failure(cfg, run, e)
            raise


def _record_failure(cfg: LakeConfig, run: RunSummary, exc: BaseException) -> None:
    """Mark the run ``failed`` with its error; the batches it committed stay (a re-run skips them)."""
    if isinstance(exc, KeyboardInterrupt):
        run.status, run.error = "interrupted", "interrupted (Ctrl-C): the batches counted here are committed"
    else:
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
