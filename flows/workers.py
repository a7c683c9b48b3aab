"""Where the spaCy work runs: a pool of worker processes, each loading the model once.

Each worker reads a batch of raw input (files, or lines of a JSONL file), normalises it, looks up
which documents the lake already has (on its own read-only connection), loads the model on its
first batch, parses and extracts the rest and sends back Arrow tables (one per per-document
table). Only raw bytes and rows travel between processes; the coordinating process never reads a
document, never loads the model and does not need spaCy. Processes are
started with ``spawn`` (forking a process that runs Prefect's threads is not safe), and on demand:
the second starts when a second batch is waiting, so a one-batch run loads the model once and a
large run has both cores busy from its first two batches.

The ``newslake ingest`` command starts the pool before Prefect (:func:`prestart`): every process
loads the model at once, while the temporary Prefect server starts and the flow is imported, and
the flow takes that pool (:meth:`Workers.take`) instead of starting its own; each process still
loads the model once.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import stat
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Sequence

from newslake.transforms.budget import DOC_TIME_BUDGET_S

if TYPE_CHECKING:
    import pyarrow as pa

    from newslake.transforms.ingest.readers import Limits, SourceDoc
    from newslake.warehouse.lake import LakeConfig

_NLP = None
_MODEL: str | None = None
_LOADS = 0  # models this process loaded (one, in a worker)


def _nlp(model: str):  # type: ignore[no-untyped-def]
    global _NLP, _MODEL, _LOADS
    if _NLP is None or _MODEL != model:
        from newslake.transforms.pipeline import load_nlp

        _NLP, _MODEL = load_nlp(model), model
        _LOADS += 1
        _warm_up(_NLP)
    return _NLP


def _warm_up(nlp) -> None:  # type: ignore[no-untyped-def]
    """Extract :data:`WARM_TEXT` once, outside a memory zone: the extractors' lazily built resources
    (gazetteer, lexicons, patterns, the attribution tagger) and the tokenizer's cache are made before
    the first real batch, which (like every later one) runs inside spaCy's memory zone; the rows
    are thrown away."""
    from newslake.transforms.extract import extract_batch
    from newslake.transforms.ingest.readers import read_source

    extract_batch(read_source(WARM_TEXT.encode(), uri="warm-up.txt"), nlp, version="warm-up", zone=False)


def _init(parent: int | None = None) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # the parent's pid as the parent gave it: a parent killed while this process was starting has
    # already been replaced by init here, and os.getppid() would wait for init to die
    _exit_with_parent(parent if parent is not None else os.getppid())


#: extracted once by every worker when it loads the model (:func:`_warm_up`)
WARM_TEXT = ("Prime Minister John Smith said on Monday that France would cut its oil exports by 5 percent "
             "in March, after protesters attacked the embassy in Paris. \"We will not negotiate,\" he told reporters.")


def _warm(model: str) -> tuple[int, int]:
    """Load the model in this worker and warm it up (a pre-started pool's first call); (pid, models
    loaded)."""
    _nlp(model)
    return worker_state()


def worker_state() -> tuple[int, int]:
    """(pid, models loaded) of this process."""
    return os.getpid(), _LOADS


def _exit_with_parent(parent: int, every_s: float = 1.0) -> None:
    """End this worker when its parent is gone (killed with SIGKILL, say). A spawned pool worker
    holds both ends of its call queue's pipe, so it would otherwise wait for work for ever, keeping
    the parent's stdout and stderr open."""

    def watch() -> None:
        while True:
            time.sleep(every_s)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@dataclass(frozen=True)
class Piece:
    """Part of an input: a whole file (``first_line == 0``), or some whole lines of a JSONL file
    (``data``, starting at line ``first_line``)."""

    path: str
    first_line: int = 0
    data: bytes = b""


@dataclass
class BatchResult:
    """One batch: an Arrow table per per-document table, its counts for ``runs``, the documents read
    per input file, and the (uri, reason) of its rejected documents."""

    tables: dict[str, "pa.Table"] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    docs_per_file: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    worker: tuple[int, int] = (0, 0)  # (pid, models loaded) of the process that ran the batch
    replaced: list[str] = field(default_factory=list)  # doc ids counted in docs_replaced


def unreadable_reason(path: str) -> str | None:
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


def read_piece(piece: Piece, limits: "Limits") -> list["SourceDoc"]:
    """The documents of a piece; a file that is too large or unreadable gives one rejected document."""
    from newslake.transforms.ingest.readers import read_jsonl_lines, read_source, rejected_doc

    if piece.first_line:
        return read_jsonl_lines(piece.data, uri=piece.path, first_line=piece.first_line, limits=limits)
    problem = unreadable_reason(piece.path)
    if problem is not None:
        return [rejected_doc(uri=piece.path, data=piece.path.encode(), reason=problem)]
    try:
        size = os.path.getsize(piece.path)
        if size > limits.max_file_bytes:
            return [rejected_doc(uri=piece.path, data=f"{piece.path}:{size}".encode(),
                                 reason=f"file has {size:,} bytes, above the limit of {limits.max_file_bytes:,}")]
        with open(piece.path, "rb") as f:
            data = f.read()
    except OSError as e:
        return [rejected_doc(uri=piece.path, data=piece.path.encode(), reason=f"cannot read file: {e.strerror or e}")]
    return read_source(data, uri=piece.path, limits=limits)


_LAKE: dict = {}


def _known(cfg: "LakeConfig", doc_ids: list[str]) -> dict[str, str]:
    """``known_versions`` on this process's own read-only connection (opened once)."""
    from newslake.warehouse.lake import _known as known_on, connect

    if cfg not in _LAKE:
        cm = connect(cfg, read_only=True)
        con = cm.__enter__()
        con.execute("SET threads = 1")  # one look-up by id per batch, beside this process's parse
        _LAKE[cfg] = (cm, con)
    return known_on(_LAKE[cfg][1], doc_ids)


def run_batch(pieces: Sequence[Piece], model: str, version: str, run_id: str, cfg: "LakeConfig",
              limits: "Limits") -> BatchResult:
    """Read a batch, drop the documents the lake has with ``version`` (unchanged, or committed by
    a run that was killed) and those read twice, then parse and extract the rest with this
    process's model (loaded on first use) and build their tables (``ingested_at`` is set again
    when the batch commits)."""
    from newslake.warehouse import faults
    from newslake.transforms.extract import dedupe

    per_file: dict[str, int] = {}
    read = []
    for p in pieces:
        docs = read_piece(p, limits)
        per_file[p.path] = per_file.get(p.path, 0) + len(docs)
        read.extend(docs)
    docs = dedupe(read)
    faults.point("read")
    known = _known(cfg, [d.doc_id for d in docs]) if cfg.exists() else {}
    todo = [d for d in docs if known.get(d.doc_id) != version]
    counts = {"docs_seen": len(docs), "docs_unchanged": len(docs) - len(todo),
              "docs_replaced": sum(d.doc_id in known for d in todo)}
    result = extract_tables(todo, model, version, run_id, limits.doc_budget_s) if todo else BatchResult()
    result.counts.update(counts)
    result.replaced = [d.doc_id for d in todo if d.doc_id in known]
    result.docs_per_file = per_file
    result.worker = worker_state()
    return result


def document_rows(documents: Sequence) -> list[dict]:
    """``documents`` table rows of extracted documents: their fields plus ``char_count`` and the
    boilerplate lines as a list."""
    return [{**{f: getattr(d, f) for f in d.__dataclass_fields__}, "char_count": len(d.text),
             "boilerplate": list(d.boilerplate)} for d in documents]


def extract_tables(docs: Sequence["SourceDoc"], model: str, version: str, run_id: str,
                   budget_s: float = DOC_TIME_BUDGET_S) -> BatchResult:
    """Parse and extract ``docs`` and build their tables, each document within ``budget_s`` seconds
    of extraction (``NEWSLAKE_DOC_BUDGET_S``; 0: no budget)."""
    from newslake.transforms.extract import extract_batch
    from newslake.warehouse.schema import PER_DOCUMENT, to_table

    ex = extract_batch(docs, _nlp(model), version=version, time_budget_s=budget_s)
    extra = {"run_id": run_id, "ingested_at": datetime.now(timezone.utc), "extractor_version": version}
    rows = {name: getattr(ex, name) for name in PER_DOCUMENT}
    rows["documents"] = document_rows(ex.documents)
    ok = sum(d.status == "ok" for d in ex.documents)
    return BatchResult(
        tables={name: to_table(name, rows[name], extra) for name in PER_DOCUMENT},
        counts={"docs_ok": ok, "docs_rejected": len(ex.documents) - ok, "mentions": len(ex.mentions),
                "doc_entities": len(ex.doc_entities), "claims": len(ex.claims), "events": len(ex.events)},
        rejected=[(d.uri, d.error or "") for d in ex.documents if d.status != "ok"],
    )


def _version(model: str) -> str:
    from newslake.transforms.extract import extractor_version

    return extractor_version(model)


def prestart(model: str, n: int, docs: int, first_batch: int = 16) -> Workers:
    """Start the pool the next ingest flow run takes (:meth:`Workers.take`), its processes loading
    the model now: one process when ``docs`` (an estimate) fit in the first batch, else ``n``."""
    discard_prestarted()
    Workers._prestarted = Workers(model, n).warm(1 if docs <= first_batch else n)
    return Workers._prestarted


def discard_prestarted() -> None:
    """Close the pre-started pool no flow run took (the command ended before one ran)."""
    w, Workers._prestarted = Workers._prestarted, None
    if w is not None:
        w.close(stop=True)


def estimate_docs(files: Sequence[str]) -> int:
    """About how many documents ``files`` hold: a JSONL file's lines, one per other file."""
    n = 0
    for f in files:
        if f.lower().endswith(".jsonl"):
            try:
                with open(f, "rb") as fh:
                    n += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                n += 1
        else:
            n += 1
    return n


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def choose_processes(requested: int) -> int:
    """``requested`` when set; otherwise one per core, at most 2 (each process holds a model)."""
    return requested if requested else max(1, min(2, cores()))


class Workers:
    """``n`` spawned worker processes (started on demand, up to ``n``) that run :func:`run_batch`."""

    _prestarted: "Workers | None" = None

    def __init__(self, model: str, n: int) -> None:
        self.model, self.n = model, n
        self.pool = ProcessPoolExecutor(n, mp_context=mp.get_context("spawn"), initializer=_init,
                                        initargs=(os.getpid(),))
        self.warming: list[Future] = []

    def warm(self, k: int | None = None) -> "Workers":
        """Start ``k`` (default ``n``) processes now, each loading the model (without waiting)."""
        # k calls queued at once start k processes (none is idle yet); a process busy loading the
        # model takes no second call, so each of the k loads it once
        self.warming = [self.pool.submit(_warm, self.model) for _ in range(min(k or self.n, self.n))]
        return self

    @classmethod
    def take(cls, model: str, n: int) -> "Workers | None":
        """The pool :func:`prestart` started for ``model`` and ``n`` processes, handed over once;
        None when there is none (a pool started for something else is closed)."""
        w, cls._prestarted = cls._prestarted, None
        if w is not None and (w.model, w.n) != (model, n):
            w.close(stop=True)
            return None
        return w

    def submit(self, pieces: Sequence[Piece], version: str, run_id: str, cfg: "LakeConfig",
               limits: "Limits") -> "Future[BatchResult]":
        return self.pool.submit(run_batch, list(pieces), self.model, version, run_id, cfg, limits)

    def version(self) -> str:
        """The extractor version for the model, computed in a worker from the model package's
        metadata and the rule-set versions (nothing is loaded)."""
        return self.pool.submit(_version, self.model).result()

    def close(self, stop: bool = False) -> None:
        """Shut the pool down; ``stop``: end the processes now rather than wait for them to exit
        (for an idle pool: they only read the lake, and a worker's exit spent seconds tearing its
        model down while the command waited)."""
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        if stop:
            for f in self.warming:  # a warm-up still running is not waited for either
                f.cancel()
            self.pool.shutdown(wait=False, cancel_futures=True)
            for p in procs:
                p.terminate()
            for p in procs:
                p.join(5)
        self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        # at the end of a run no batch is in flight; after Ctrl-C, the batch in flight is not committed
        self.close(stop=exc_type is None or exc_type is KeyboardInterrupt)
