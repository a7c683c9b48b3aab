"""The ``newslake`` command: a thin layer over the flows and the warehouse."""

from __future__ import annotations

import os

# Before Prefect is imported: the console shows warnings only (the Prefect server, when there is
# one, still gets every log line); `import flows` sets the offline defaults (no telemetry).
_USER_CONSOLE_LEVEL = os.environ.get("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL")
os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")

import newslake.flows  # noqa: E402,F401

import contextlib  # noqa: E402
import sys  # noqa: E402
from datetime import datetime  # noqa: E402
from enum import Enum  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated, Optional  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402

from newslake.readcli import RUNS_SQL, Fmt, QueryError, print_rows, run_query  # noqa: E402
from newslake.settings import RUNNERS, get_settings, lake_location  # noqa: E402

app = typer.Typer(
    help="newslake: turn news documents into SQL tables of entities, claims and events.\n\n"
    "Example: newslake ingest seeds/ && newslake sql \"SELECT name, label FROM entities LIMIT 5\"",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# piped output gets wide tables rather than wrapped cells
out = Console() if sys.stdout.isatty() else Console(width=240)
err = Console(stderr=True)


WarehouseOpt = Annotated[
    Optional[Path],
    typer.Option("--warehouse", "-w", help="Lake folder (catalog.sqlite + data/). Env: NEWSLAKE_WAREHOUSE. Default: ./warehouse"),
]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format: table, csv or json (an array of row objects).")]


def _fail(msg: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {msg}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _lake(warehouse: Optional[Path]):  # type: ignore[no-untyped-def]
    from newslake.warehouse.lake import LakeConfig

    return LakeConfig(*lake_location(warehouse))


SourcesOpt = Annotated[
    Optional[Path],
    typer.Option("--sources", help="The sources file. Env: NEWSLAKE_SOURCES. Default: sources.yaml beside the warehouse folder."),
]


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _print_summary(s, label: str = "") -> None:  # type: ignore[no-untyped-def]
    out.print(
        f"{label}run {s.run_id} committed in {s.elapsed_s:.1f}s to {s.warehouse} ({s.batches} batch{'' if s.batches == 1 else 'es'})\n"
        f"documents: {s.docs_ok} ok, {s.docs_rejected} rejected, {s.docs_unchanged} unchanged"
        f"{f', {s.docs_replaced} replaced' if s.docs_replaced else ''}\n"
        f"mentions: {s.mentions}  document entities: {s.doc_entities}  claims: {s.claims}  events: {s.events}",
        highlight=False,
    )
    if getattr(s, "fetches", None):
        out.print("requests: " + ", ".join(f"{n} {outcome}" for outcome, n in s.fetches), highlight=False)
        if any(o not in ("ok", "not_modified") for o, _ in s.fetches):
            out.print(f"  why: newslake sql \"SELECT url, outcome, error FROM fetches WHERE run_id = '{s.run_id}' "
                      f"AND error IS NOT NULL\"", highlight=False, soft_wrap=True)
    for uri, reason in s.rejected[:20]:
        out.print(f"  rejected {uri}: {reason}", highlight=False)
    if s.docs_rejected > 20:
        out.print(f"  … and {s.docs_rejected - 20} more (SELECT uri, error FROM documents WHERE status = 'rejected')")


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders (read recursively), globs, or http(s) URLs (a feed or an article).")] = None,
    source: Annotated[Optional[list[str]], typer.Option("--source", "-s", help="A source named in the sources file (repeatable).")] = None,
    sources: SourcesOpt = None,
    warehouse: WarehouseOpt = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load. Env: NEWSLAKE_MODEL.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Documents per task batch. Env: NEWSLAKE_BATCH_SIZE.")] = None,
    processes: Annotated[Optional[int], typer.Option("--processes", "-j", help="Worker processes that parse and extract (0 = one per core, at most 2). Env: NEWSLAKE_N_PROCESS.")] = None,
    runner: Annotated[Optional[str], typer.Option(
        help="Where batches are parsed: local (this machine's processes) or dask. Env: NEWSLAKE_RUNNER.")] = None,
    dask_address: Annotated[Optional[str], typer.Option(
        help="Dask scheduler for --runner dask (tcp://host:8786); none: a local cluster. Env: NEWSLAKE_DASK_ADDRESS.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines.")] = False,
) -> None:
    """Ingest documents (.txt .md .html .json .jsonl .xml/.rss/.atom), URLs or named sources into the
    lake: one Prefect flow run for the paths, one per URL and one per source (a failing one does not
    stop the others). A document whose extraction takes more than NEWSLAKE_DOC_BUDGET_S seconds of
    CPU time (default 30; 0 = no limit) is rejected with that reason and the run goes on.

    Example: newslake ingest seeds/ --warehouse /tmp/lake; newslake ingest https://example.org/rss.xml; newslake ingest --source world
    """
    # Prefect's console handler is set up when the flow starts: without --verbose it stays quiet
    # (a failure is one line from us below, not Prefect's traceback); the server still gets every log
    os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "INFO" if verbose else (_USER_CONSOLE_LEVEL or "CRITICAL")
    items = list(paths or [])
    urls, local = [p for p in items if _is_url(p)], [p for p in items if not _is_url(p)]
    if not items and not source:
        _fail("give paths, URLs or --source NAME", 2)
    from newslake.flows.inputs import InputError, find_files, unchanged_run
    from newslake.warehouse.lake import LakeError, preflight

    opts = dict(warehouse=str(warehouse) if warehouse else None, model=model, batch_size=batch_size,
                n_process=processes, progress=True)
    if source:
        from newslake.sources import sources_path
        from newslake.sources import SourcesError, find_source, load_sources

        path = sources_path(get_settings(warehouse=warehouse, sources=sources))
        try:
            declared = load_sources(path)
            for name in source:
                find_source(declared, name, where=str(path))
        except SourcesError as e:
            _fail(str(e), 2)
    files: list[str] = []
    try:  # fail fast, before a Prefect server is started
        if local:
            files = find_files(local)
        preflight(_lake(warehouse))
        # an input the lake already has (same bytes, same extractor version) is recorded as an
        # unchanged run here, before Prefect is imported or a server started
        same = unchanged_run(local, warehouse=opts["warehouse"], model=model, runner=runner) if local else None
    except InputError as e:
        _fail(str(e), 2)
    except LakeError as e:
        _fail(f"ingest failed, nothing was committed: {e}")
    if same is not None:
        _print_summary(same)
        out.print(f"nothing changed: every input file is in the lake with extractor version {same.extractor_version} "
                  "(no Prefect server was started)", highlight=False, soft_wrap=True)
        if not (urls or source):
            return
        local = []
    from newslake.flows.tempserver import temporary_server
    from newslake.flows.workers import choose_processes, discard_prestarted, estimate_docs, prestart

    if runner is not None and runner not in RUNNERS:
        _fail(f"--runner {runner!r}: use one of {', '.join(RUNNERS)}", 2)
    s = get_settings(runner=runner, dask_address=dask_address, model=model, n_process=processes)
    flows: dict = {}

    def meanwhile() -> None:
        """While the Prefect server starts: start the workers of the paths' run (loading the model)
        and import the flows (Prefect)."""
        if local and s.runner == "local":
            prestart(s.model, choose_processes(s.n_process), estimate_docs(files))
        from newslake.flows.ingest import ingest as ingest_flow
        from newslake.flows.runners import with_runner

        flows["ingest"] = with_runner(ingest_flow, s)

    failed = []
    runs = ([("", lambda: flows["ingest"](paths=local, **opts))] if local else []) + \
        [(f"{u}: ", lambda u=u: _ingest_source(url=u, **opts)) for u in urls] + \
        [(f"{n}: ", lambda n=n: _ingest_source(source=n, sources_file=str(path), **opts)) for n in source or []]
    with contextlib.ExitStack() as stack:
        stack.callback(discard_prestarted)  # a pool no run took (the command failed or was interrupted first)
        stack.enter_context(temporary_server(meanwhile))  # one server for every run of this command; it dies with this process
        for label, run in runs:
            try:
                _print_summary(run(), label if len(runs) > 1 else "")
            except InputError as e:
                _fail(str(e), 2)
            except KeyboardInterrupt:
                _fail("interrupted: the batches committed before the interruption stay (`newslake runs` counts them); "
                      "run the same command again to finish the rest", 130)
            except Exception as e:  # one clear line, not a traceback; the other runs go on
                failed.append(label)
                err.print(f"[red]error:[/red] {label}ingest failed: {type(e).__name__}: "
                          f"{str(e).splitlines()[0] if str(e) else ''} (the batches committed before the failure stay; "
                          "run the same command again to finish the rest)", highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def _ingest_source(**kw):  # type: ignore[no-untyped-def]
    from newslake.flows.sources import ingest_source

    return ingest_source(**kw)


@app.command("sources")
def sources_(
    sources: SourcesOpt = None,
    warehouse: WarehouseOpt = None,
    format: FormatOpt = Fmt.table,
) -> None:
    """List the declared sources with their schedule and last run: new, unchanged and failed items, last error.

    Example: newslake sources --sources sources.yaml
    """
    from newslake.sources import sources_path
    from newslake.sources import SourcesError, load_sources
    from newslake.warehouse.fetches import source_status
    from newslake.warehouse.lake import LakeError

    path = sources_path(get_settings(warehouse=warehouse, sources=sources))
    try:
        declared = load_sources(path)
        status = source_status(_lake(warehouse))
    except SourcesError as e:
        _fail(str(e), 2)
    except LakeError:
        status = {}
    rows = []
    for src in declared:
        st = status.get(src.name, {})
        rows.append((src.name, src.kind, ", ".join(src.locations), src.schedule, st.get("last_run"), st.get("status"),
                     st.get("new"), st.get("unchanged"), st.get("failed"), st.get("last_error")))
    print_rows(["name", "kind", "location", "schedule", "last_run", "status", "new", "unchanged", "failed",
                "last_error"], rows, format)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SQL query; tables: documents, mentions, doc_entities, entities, claims, events, runs, fetches.")],
    warehouse: WarehouseOpt = None,
    format: FormatOpt = Fmt.table,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Query the lake as it was: a snapshot id (`newslake snapshots`) or a time (2026-03-01T12:00:00, UTC unless an offset is given).")] = None,
) -> None:
    """Run one read-only SELECT query on the lake (works while an ingest is running).

    Only a single SELECT (WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE) runs, on a read-only
    connection without file, network or extension access: ATTACH, COPY, SET, DDL, DML and the
    DuckLake maintenance functions are refused.

    Example: newslake sql "SELECT name, label, mention_count FROM entities ORDER BY mention_count DESC LIMIT 10"
    """
    when = _as_of(as_of)
    try:
        cols, rows = run_query(warehouse, query, as_of=when)
    except QueryError as e:
        _fail(str(e))
    print_rows(cols, rows, format)


def _as_of(text: Optional[str]):  # type: ignore[no-untyped-def]
    """``--as-of``: a snapshot id (digits) or an ISO time; anything else is an error (never passed on)."""
    if text is None:
        return None
    text = text.strip()
    if text.isdigit():
        return int(text)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        _fail(f"--as-of {text!r}: expected a snapshot id (e.g. 12) or a time (e.g. 2026-03-01T12:00:00)", 2)


@app.command()
def runs(warehouse: WarehouseOpt = None, format: FormatOpt = Fmt.table,
         limit: Annotated[int, typer.Option(help="How many runs, newest first.")] = 20) -> None:
    """List ingest runs, newest first: status (running, committed, failed, interrupted), progress in
    documents and batches committed, errors.

    Example: newslake runs --format json
    """
    sql(RUNS_SQL.format(limit=int(limit)), warehouse, format)


@app.command()
def check(
    warehouse: WarehouseOpt = None,
    repair: Annotated[bool, typer.Option(help="Remove orphan Parquet files (no snapshot references them; older than --min-age).")] = False,
    min_age: Annotated[float, typer.Option(help="With --repair: only remove orphans older than this many seconds (a commit in progress writes files before it commits them).")] = 3600.0,
    format: FormatOpt = Fmt.table,
) -> None:
    """Verify the lake: catalog readable, every referenced file present and readable, every row's
    document present, offsets inside the text and pointing at the row's text, no repeated ids, no
    orphan files. Exits 1 when anything is wrong.

    Example: newslake check --repair
    """
    from newslake.warehouse.check import check as check_lake

    report = check_lake(_lake(warehouse), repair=repair, min_age_s=min_age)
    print_rows(["check", "status", "problems", "examples"], report.rows(), format)
    if format is Fmt.table:
        for p in report.removed:
            out.print(f"  removed orphan file {p}", highlight=False)
    if not report.ok:
        hint = "; `newslake check --repair` removes orphan files" if report.orphans and not repair else ""
        _fail(f"the lake has problems (see above){hint}")


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="A gold file (newslake-gold/1 JSON, e.g. tests/gold/seed.gold.json) or a CoNLL-2003 NER file.")],
    warehouse: WarehouseOpt = None,
    doc_id: Annotated[Optional[str], typer.Option(help="Document to score (default: the one whose uri ends with the gold file's document name).")] = None,
    model: Annotated[Optional[str], typer.Option(help="CoNLL only: spaCy model to score. Env: NEWSLAKE_MODEL.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="CoNLL only: score the first N documents.")] = None,
    format: FormatOpt = Fmt.table,
) -> None:
    """Score newslake: a gold JSON file against the lake (precision, recall, F1 per table), or a CoNLL
    file (PER/ORG/LOC exact-span F1 of the raw model beside newslake's, computed in the same run).

    Example: newslake eval tests/gold/seed.gold.json; newslake eval ../shared/eval/conll2003/eng.testa
    """
    if not gold.exists():
        _fail(f"{gold}: no such file")
    if not gold.read_bytes()[:64].lstrip().startswith(b"{"):
        from newslake.conll import evaluate_conll

        try:
            rep = evaluate_conll(gold, get_settings(model=model).model, limit_docs=limit)
        except (ValueError, OSError) as e:
            _fail(f"{gold}: {e}")
        print_rows(["system", "label", "precision", "recall", "f1", "gold", "predicted", "correct"],
                   [tuple(round(v, 3) if isinstance(v, float) else v for v in r) for r in rep.rows()], format)
        return
    from newslake.evaluate import GoldError, evaluate_gold
    from newslake.warehouse.lake import LakeError

    try:
        report = evaluate_gold(_lake(warehouse), gold, doc_id=doc_id)
    except (GoldError, LakeError) as e:
        _fail(str(e))
    print_rows(["table", "gold", "found", "predicted", "precision", "recall", "f1", "note"],
               [r.as_row() for r in report.scores], format)
    if format is Fmt.table:
        for line in report.misses:
            out.print(f"  missed {line}", highlight=False)


@app.command()
def show(
    row_id: Annotated[str, typer.Argument(help="A document id (doc_…) or a row id: claim (clm_…), event (evt_…), mention (men_…), entity (ent_…), role (rol_…), amount (amt_…).")],
    warehouse: WarehouseOpt = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write the view as an HTML page to this file instead of printing it.")] = None,
    doc: Annotated[Optional[str], typer.Option(help="For an entity id: the document to show it in (default: where it is mentioned most).")] = None,
) -> None:
    """Show a document with its entity mentions, claims (speaker, cue, content) and event triggers marked,
    then its rows; a row id shows that row in its document.

    Example: newslake show clm_0bdc5208bf4fe82a; newslake show doc_e1f9c6d95e7cf794 --html doc.html
    """
    from newslake.show import NotFound, load, render_html, render_terminal
    from newslake.warehouse.lake import LakeError, connect

    try:
        with connect(_lake(warehouse), read_only=True) as con:
            ev = load(con, row_id, doc=doc)
    except (LakeError, NotFound) as e:
        _fail(str(e))
    except Exception as e:  # a lake without this version's views: one clear line
        _fail(f"{type(e).__name__}: {str(e).splitlines()[0]} (an older lake? run `newslake ingest` once to upgrade it)")
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(render_html(ev), encoding="utf-8")
        out.print(f"wrote {html}", highlight=False)
        return
    render_terminal(ev, out)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to search for (BM25 over titles and texts; stemmed, stop words ignored).")],
    warehouse: WarehouseOpt = None,
    since: Annotated[Optional[str], typer.Option(help="Only documents published on or after this date (YYYY-MM-DD).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only documents from this source (case-insensitive).")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only documents that mention this entity (name, alias or entity id).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many documents.")] = 10,
    format: FormatOpt = Fmt.table,
) -> None:
    """Full-text search of the documents, best first, with the matching words highlighted in a snippet.
    The index is built on the first search after each ingest and cached in <warehouse>/.cache/.

    Example: newslake search "oil prices" --since 1987-03-01 --entity OPEC
    """
    from newslake.warehouse.lake import LakeError
    from newslake.warehouse.search import SearchError, search as run_search

    try:
        hits = run_search(_lake(warehouse), query, limit=limit, since=since, source=source, entity=entity)
    except (LakeError, SearchError) as e:
        _fail(str(e))
    if format is not Fmt.table:
        print_rows(["doc_id", "score", "title", "source", "published_at", "snippet"],
                   [(h.doc_id, round(h.score, 4), h.title, h.source, h.published_at, h.snippet) for h in hits], format)
        return
    from rich.text import Text

    if not hits:
        out.print("no document matches", highlight=False)
    for i, h in enumerate(hits, 1):
        head = Text(f"{i}. ", style="bold")
        head.append(h.title or "(untitled)", style="bold")
        head.append(f"  {h.doc_id}  score {h.score:.3f}  {h.source or ''} {h.published_at or ''}", style="dim")
        out.print(head)
        snip = Text(("…" if h.snippet_start else "") + h.snippet.replace("\n", " ") + "…")
        shift = 1 if h.snippet_start else 0
        for a, b in h.highlights:
            snip.stylize("bold black on yellow", a + shift, b + shift)
        out.print(snip)
        out.print()


@app.command()
def report(
    warehouse: WarehouseOpt = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder to write index.html and docs/ into.")] = Path("report"),
    where: Annotated[Optional[str], typer.Option(help="Only documents matching this SQL condition on `documents` columns, e.g. \"published_at >= '1987-03-01'\".")] = None,
    entity: Annotated[Optional[str], typer.Option(help="Only documents that mention this entity (name, alias or entity id).")] = None,
    title: Annotated[str, typer.Option(help="The report's heading.")] = "newslake report",
) -> None:
    """Write a static HTML report that opens from disk: event timeline by type and modality, entity
    co-mention network, map of events and places, who claims what with which certainty, and the claim
    conflicts; every mark links to its evidence (the `show` view of its document).

    Example: newslake report --entity OPEC --out report/ && xdg-open report/index.html
    """
    from newslake.report import ReportError, write_report
    from newslake.warehouse.lake import LakeError, connect

    try:
        with connect(_lake(warehouse), read_only=True) as con:
            rep = write_report(con, out_dir, where=where, entity=entity, title=title)
    except (LakeError, ReportError) as e:
        _fail(str(e))
    drawn = ", ".join(f"{f.key} {f.rows}" for f in rep.figures)
    out.print(f"wrote {rep.index} ({rep.documents} documents; marks per figure: {drawn}; "
              f"{rep.doc_pages} document pages)", highlight=False)


class ExportFmt(str, Enum):
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write <table>.parquet|csv and manifest.json into.")],
    warehouse: WarehouseOpt = None,
    format: Annotated[ExportFmt, typer.Option("--format", "-f", help="parquet or csv.")] = ExportFmt.parquet,
    as_of: Annotated[Optional[int], typer.Option("--as-of", help="Lake snapshot (version) to export; default: the current one.")] = None,
) -> None:
    """Write one consistent snapshot of every table as plain files, for tools that cannot read DuckLake.

    Example: newslake export out/ --format csv --as-of 3
    """
    from newslake.warehouse.export import export as run_export
    from newslake.warehouse.lake import LakeError

    try:
        ex = run_export(_lake(warehouse), out_dir, fmt=format.value, as_of=as_of)
    except (LakeError, OSError) as e:
        _fail(str(e))
    out.print(f"wrote {len(ex.rows)} tables of snapshot {ex.version} ({ex.snapshot_time:%Y-%m-%d %H:%M:%S %Z}) to "
              f"{ex.out_dir}: " + ", ".join(f"{t} {n}" for t, n in ex.rows.items())
              + (f"; not yet in that snapshot: {', '.join(ex.missing)}" if ex.missing else ""), highlight=False)


@app.command()
def shell(
    warehouse: WarehouseOpt = None,
    python: Annotated[bool, typer.Option("--python", help="A Python REPL with `con` even when the DuckDB CLI is installed.")] = False,
) -> None:
    """Open DuckDB's shell with the lake attached read-only (or, without the DuckDB CLI on PATH, a Python
    REPL with `con`, a read-only connection).

    Example: newslake shell -w /tmp/lake
    """
    from newslake.shell import run_shell
    from newslake.warehouse.lake import LakeError

    cfg = _lake(warehouse)
    if not cfg.exists():
        _fail(f"no lake at {cfg.warehouse} (run `newslake ingest` first, or pass --warehouse)")
    try:
        run_shell(cfg, python=python)
    except LakeError as e:
        _fail(str(e))


@app.command("schema-docs")
def schema_docs(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the data dictionary.")] = Path("docs/schema.md"),
    check: Annotated[bool, typer.Option(help="Exit 1 when the file is not current instead of writing it.")] = False,
) -> None:
    """Write the data dictionary (docs/schema.md) from the table schemas.

    Example: newslake schema-docs --check
    """
    from newslake.warehouse.dictionary import schema_markdown

    text = schema_markdown()
    if check:
        if not output.exists() or output.read_text() != text:
            _fail(f"{output} is not current: run `newslake schema-docs`")
        out.print(f"{output} is current")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    out.print(f"wrote {output}")


@app.command()
def serve(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders or globs to re-ingest on schedule (without them: the sources file).")] = None,
    sources: SourcesOpt = None,
    every: Annotated[int, typer.Option(help="Seconds between runs of PATHS (sources have their own `every`/`cron`).")] = 3600,
    cron: Annotated[Optional[str], typer.Option(help="A cron schedule for PATHS instead of --every, e.g. '0 * * * *'.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name for PATHS.")] = "newslake-ingest",
    maintenance_every: Annotated[str, typer.Option("--maintenance-every", help="How often the maintenance deployment compacts the lake (30m, 6h, 1d; 'off' for never).")] = "1d",
    warehouse: WarehouseOpt = None,
) -> None:
    """Schedule re-ingestion on a Prefect server: one deployment per declared source (its `every` or
    `cron`), plus `maintenance` (compaction); or one deployment for PATHS. Runs until stopped (Ctrl-C).

    Example: prefect server start --host 127.0.0.1 &  PREFECT_API_URL=http://127.0.0.1:4200/api newslake serve --sources sources.yaml
    """
    from newslake.flows.serve import serve_ingest, serve_sources
    from newslake.sources import SourcesError, parse_duration

    if not os.environ.get("PREFECT_API_URL"):
        _fail("schedules need a Prefect server: start one (`prefect server start --host 127.0.0.1`) and set PREFECT_API_URL")
    wh = str(warehouse) if warehouse else None
    if paths:
        serve_ingest(list(paths), name=name, interval=None if cron else every, cron=cron, warehouse=wh)
        return
    from newslake.sources import sources_path
    from newslake.sources import load_sources

    path = sources_path(get_settings(warehouse=warehouse, sources=sources))
    try:
        declared = load_sources(path)
        maint = None if maintenance_every == "off" else parse_duration(maintenance_every)
    except (SourcesError, ValueError) as e:
        _fail(str(e), 2)
    out.print(f"serving {len(declared)} source(s) from {path}"
              f"{'' if maint is None else f' and maintenance every {maintenance_every}'}:", highlight=False)
    for src in declared:
        out.print(f"  ingest-source/{src.name}: {src.schedule}", highlight=False)
    serve_sources(declared, sources_file=path, warehouse=wh, maintenance_interval=maint)


@app.command()
def reingest(
    all_: Annotated[bool, typer.Option("--all", help="Every stored document.")] = False,
    source: Annotated[Optional[str], typer.Option("--source", "-s", help="The stored documents of one source.")] = None,
    since: Annotated[Optional[datetime], typer.Option(help="Documents ingested since this time (UTC).")] = None,
    where: Annotated[Optional[str], typer.Option(help="A SQL condition on `documents`, e.g. \"language = 'en'\" (read-only).")] = None,
    warehouse: WarehouseOpt = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load. Env: NEWSLAKE_MODEL.")] = None,
    processes: Annotated[Optional[int], typer.Option("--processes", "-j", help="spaCy worker processes (0 = auto).")] = None,
) -> None:
    """Re-extract stored documents from their stored raw input, without fetching: by default those
    whose extractor version is older than the current one; --all, --source, --since or --where choose others.

    Example: newslake reingest; newslake reingest --source world --since 2026-03-01
    """
    from newslake.flows.maintenance import reingest as reingest_flow
    from newslake.warehouse.lake import LakeError

    try:
        s = reingest_flow(all=all_, source=source, since=since, where=where,
                          warehouse=str(warehouse) if warehouse else None, model=model, n_process=processes,
                          progress=True)
    except LakeError as e:
        _fail(str(e))
    except Exception as e:
        _fail(f"reingest failed, nothing was committed: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    _print_summary(s)


@app.command()
def snapshots(
    warehouse: WarehouseOpt = None,
    format: FormatOpt = Fmt.table,
    limit: Annotated[int, typer.Option(help="How many, newest first.")] = 20,
) -> None:
    """List the lake's snapshots (one per commit) with the run that made each; query one with `newslake sql --as-of ID`.

    Example: newslake snapshots --limit 5
    """
    from newslake.warehouse.lake import LakeError
    from newslake.warehouse.maintenance import snapshots as lake_snapshots

    try:
        rows = lake_snapshots(_lake(warehouse), limit)
    except LakeError as e:
        _fail(str(e))
    cols = ["snapshot_id", "snapshot_time", "run_id", "source", "changes"]
    print_rows(cols, [tuple(r[c] for c in cols) for r in rows], format)


@app.command()
def compact(
    keep_days: Annotated[Optional[float], typer.Option(help="Keep snapshots (time travel) of the last N days. Env: NEWSLAKE_SNAPSHOT_KEEP_DAYS (7).")] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Merge small Parquet files, expire snapshots older than --keep-days and delete the files no
    snapshot needs from disk. Every query answers the same before and after.

    Example: newslake compact --keep-days 7
    """
    from newslake.warehouse.lake import LakeError
    from newslake.warehouse.maintenance import compact as lake_compact

    s = get_settings(warehouse=warehouse, snapshot_keep_days=keep_days)
    cfg = _lake(warehouse)
    if not cfg.exists():
        _fail(f"no lake at {cfg.warehouse}")
    try:
        r = lake_compact(cfg, keep_days=s.snapshot_keep_days)
    except LakeError as e:
        _fail(str(e))
    out.print(f"data files: {r.files_before} -> {r.files_after} ({r.bytes_before:,} -> {r.bytes_after:,} bytes), "
              f"{r.files_deleted} deleted from disk\nsnapshots: {r.snapshots_before} -> {r.snapshots_after} "
              f"(kept since {r.kept_since:%Y-%m-%d %H:%M} UTC)", highlight=False)


@app.command()
def sample(
    table: Annotated[str, typer.Argument(help="Table to sample: mentions, doc_entities, entities, entity_links, claims, events, entity_roles ...")],
    n: Annotated[int, typer.Option("-n", help="How many rows.")] = 40,
    seed: Annotated[int, typer.Option(help="Random seed: the same lake and seed give the same rows.")] = 0,
    label: Annotated[Optional[str], typer.Option(help="Only rows with this label (e.g. PERSON, GPE).")] = None,
    all_links: Annotated[bool, typer.Option(help="entity_links: include links between identical names.")] = False,
    width: Annotated[int, typer.Option(help="Characters of context on each side.")] = 80,
    warehouse: WarehouseOpt = None,
) -> None:
    """Print N random rows (fixed seed) of a table, each with its document text around its offsets
    (the span between » and «), to judge precision by reading.

    Example: newslake sample mentions -n 40 --seed 8; newslake sample entity_links --seed 1
    """
    from newslake.sample import SampleError, sample_rows
    from newslake.warehouse.lake import LakeError

    try:
        rows = sample_rows(_lake(warehouse), table, n=n, seed=seed, label=label, width=width,
                           all_links=all_links)
    except (SampleError, LakeError) as e:
        _fail(str(e))
    skip = {"extractor_version", "run_id", "doc_id", "start_char", "end_char", "member_ids", "entity_id",
            "canonical_entity_id", "mention_id"}
    for i, r in enumerate(rows, 1):
        cells = "  ".join(f"{k}={v}" for k, v in r.values.items() if k not in skip and v not in (None, [], ""))
        out.print(f"[{i}] {cells}", highlight=False, markup=False, soft_wrap=True)
        for c in r.contexts:
            out.print(f"    {c.doc_id[:16]} {c.start}-{c.end}: …{c.render()}…", highlight=False, markup=False,
                      soft_wrap=True)
    out.print(f"{len(rows)} rows of {table}, seed {seed}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
