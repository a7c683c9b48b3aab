"""The ``newslake`` command: a thin layer over the flows and the warehouse."""

from __future__ import annotations

import os

# Before Prefect is imported: the console shows warnings only (the Prefect server, when there is
# one, still gets every log line); `import flows` sets the offline defaults (no telemetry).
os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")

import newslake.flows  # noqa: E402,F401

import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated, Optional  # noqa: E402

import typer  # noqa: E402
from rich.console import Console  # noqa: E402

from newslake.readcli import RUNS_SQL, Fmt, QueryError, print_rows, run_query  # noqa: E402
from newslake.settings import get_settings, lake_location  # noqa: E402

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


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or globs.")],
    warehouse: WarehouseOpt = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load. Env: NEWSLAKE_MODEL.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Documents per batch (read, extracted and committed together). Env: NEWSLAKE_BATCH_SIZE.")] = None,
    processes: Annotated[Optional[int], typer.Option("--processes", "-j", help="Worker processes that parse and extract (0 = one per core, at most 2). Env: NEWSLAKE_N_PROCESS.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's log lines.")] = False,
) -> None:
    """Ingest documents (.txt .md .html .json .jsonl .xml/.rss/.atom) into the lake, as one Prefect flow run.

    Example: newslake ingest seeds/ --warehouse /tmp/lake
    """
    if verbose:
        os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "INFO"
    from newslake.flows.ingest import InputError, find_files, ingest as ingest_flow

    try:
        find_files(paths)  # fail fast, before a Prefect server is started
        s = ingest_flow(paths=list(paths), warehouse=str(warehouse) if warehouse else None, model=model,
                        batch_size=batch_size, n_process=processes, progress=True)
    except InputError as e:
        _fail(str(e), 2)
    except Exception as e:  # one clear line, not a traceback
        _fail(f"ingest failed: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}\n"
              "The batches committed before the failure stay; run the same command again to finish the rest "
              "(see `newslake runs`).")
    out.print(
        f"run {s.run_id} committed in {s.elapsed_s:.1f}s to {s.warehouse} ({s.batches} batch{'' if s.batches == 1 else 'es'})\n"
        f"documents: {s.docs_ok} ok, {s.docs_rejected} rejected, {s.docs_unchanged} unchanged"
        f"{f', {s.docs_replaced} replaced' if s.docs_replaced else ''}\n"
        f"mentions: {s.mentions}  document entities: {s.doc_entities}  claims: {s.claims}  events: {s.events}",
        highlight=False,
    )
    for uri, reason in s.rejected[:20]:
        out.print(f"  rejected {uri}: {reason}", highlight=False)
    if s.docs_rejected > 20:
        out.print(f"  … and {s.docs_rejected - 20} more (SELECT uri, error FROM documents WHERE status = 'rejected')")


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SQL query; tables: documents, mentions, doc_entities, entities, claims, events, runs.")],
    warehouse: WarehouseOpt = None,
    format: FormatOpt = Fmt.table,
) -> None:
    """Run a read-only SQL query on the lake (works while an ingest is running).

    Example: newslake sql "SELECT name, label, mention_count FROM entities ORDER BY mention_count DESC LIMIT 10"
    """
    try:
        cols, rows = run_query(warehouse, query)
    except QueryError as e:
        _fail(str(e))
    print_rows(cols, rows, format)


@app.command()
def runs(warehouse: WarehouseOpt = None, format: FormatOpt = Fmt.table,
         limit: Annotated[int, typer.Option(help="How many runs, newest first.")] = 20) -> None:
    """List ingest runs, newest first: status (running, committed, failed, interrupted), progress in
    documents and batches committed, errors.

    Example: newslake runs --format json
    """
    sql(RUNS_SQL.format(limit=int(limit)), warehouse, format)


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
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs to re-ingest on schedule.")],
    every: Annotated[int, typer.Option(help="Seconds between runs.")] = 3600,
    cron: Annotated[Optional[str], typer.Option(help="A cron schedule instead of --every, e.g. '0 * * * *'.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "newslake-ingest",
    warehouse: WarehouseOpt = None,
) -> None:
    """Schedule re-ingestion: serve the ingest flow as a Prefect deployment (needs a Prefect server).

    Example: prefect server start --host 127.0.0.1 &  PREFECT_API_URL=http://127.0.0.1:4200/api newslake serve feeds/ --every 600
    """
    from newslake.flows.serve import serve_ingest

    if not os.environ.get("PREFECT_API_URL"):
        _fail("schedules need a Prefect server: start one (`prefect server start --host 127.0.0.1`) and set PREFECT_API_URL")
    serve_ingest(list(paths), name=name, interval=None if cron else every, cron=cron,
                 warehouse=str(warehouse) if warehouse else None)


if __name__ == "__main__":  # pragma: no cover
    app()
