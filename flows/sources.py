"""The flow of one source: fetch (feed → articles, sitemap → pages, URLs, or local paths) → read →
extract → one commit with every request recorded in ``fetches``.

A run of a source never raises for bad input: a feed that 404s, times out or is an HTML page, an
article that is a PDF, a host whose robots.txt says no: each is a ``fetches`` row with its outcome
and reason, and the rest of the source lands. An article whose content changed at the same URL
replaces the document stored for that URL; an unchanged URL costs one conditional request (304).
"""

from __future__ import annotations

import os
import socket
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from newslake.flows.fetch import Fetched, Fetcher, FetchPolicy
from newslake.flows.ingest import RunSummary, _alive, _run_id, discover, model_version
from newslake.flows.workers import Piece, Workers, choose_processes, extract_tables, read_piece
from newslake.settings import Settings, get_settings
from newslake.sources import Source, find_source, load_sources, sources_path
from newslake.transforms.extract import dedupe
from newslake.transforms.ingest.readers import Limits, SourceDoc
from newslake.transforms.ingest.web import (FeedEntry, article_doc, entry_doc, entry_meta, feed_entries, is_feed,
                                            sitemap_urls, with_fetch)
from newslake.warehouse.fetches import docs_at_urls, last_article_urls, validators
from newslake.warehouse.lake import LakeConfig, LakeWriter, RunTables, record_run
from newslake.warehouse.schema import to_table

MAX_CHILD_SITEMAPS = 20


def fetch_policy(s: Settings) -> FetchPolicy:
    return FetchPolicy(timeout_s=s.fetch_timeout_s, deadline_s=s.fetch_deadline_s, retries=s.fetch_retries,
                       backoff_s=s.fetch_backoff_s, max_bytes=s.fetch_max_bytes, max_redirects=s.fetch_max_redirects,
                       host_delay_s=s.fetch_host_delay_s, respect_robots=s.fetch_robots)


def url_source(url: str) -> Source:
    """The source of a URL given directly (``newslake ingest URL``): named after its host."""
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    return Source(name=host[:64], kind="urls", urls=[url])


class Gatherer:
    """Fetches a source's documents; keeps every request's :class:`Fetched` for the ``fetches`` table."""

    def __init__(self, src: Source, fetcher: Fetcher, cfg: LakeConfig, limits: Limits, *, auto_feed: bool = False):
        self.src, self.fetcher, self.cfg, self.limits, self.auto_feed = src, fetcher, cfg, limits, auto_feed
        self.fetches: list[Fetched] = []
        self.docs: list[SourceDoc] = []
        self.known: dict[str, tuple[str | None, str | None]] = {}

    def fetch(self, url: str, kind: str) -> Fetched:
        etag, modified = self.known.get(url, (None, None))
        f = self.fetcher.get(url, kind=kind, etag=etag, last_modified=modified)
        self.fetches.append(f)
        return f

    def run(self) -> None:
        src = self.src
        self.known = validators(self.cfg, src.locations)
        articles: list[tuple[str, FeedEntry | None]] = []
        if src.kind == "feed":
            f = self.fetch(src.url or "", "feed")
            articles = self.feed(f)
            if f.outcome == "not_modified":  # the feed did not change, its articles may have
                articles = [(u, None) for u in last_article_urls(self.cfg, src.name) if src.wants(u)]
        elif src.kind == "sitemap":
            articles = [(u, None) for u in self.sitemap(src.url or "")]
        else:  # urls: each an article (or, given directly, possibly a feed)
            for url in src.urls:
                if not self.auto_feed:
                    articles.append((url, None))
                    continue
                f = self.fetch(url, "page")
                if f.ok and is_feed(f.content, f.content_type):
                    f.kind = "feed"
                    articles.extend(self.feed(f))
                else:
                    self.article(f, None)
        if src.max_items is not None:
            articles = articles[: src.max_items]
        self.known.update(validators(self.cfg, [u for u, _ in articles]))
        for url, entry in articles:
            self.article(self.fetch(url, "article"), entry)

    def feed(self, f: Fetched) -> list[tuple[str, FeedEntry | None]]:
        """The article URLs of a fetched feed (entry texts become documents when articles are not read)."""
        if not f.ok:
            return []
        entries, problem = feed_entries(f.content, f.content_type)
        if problem:
            f.outcome, f.error = problem
        src, out = self.src, []
        for i, e in enumerate(entries):
            if e.link and not src.wants(e.link):
                continue
            if src.fetch_articles and e.link:
                out.append((e.link, e))
            elif src.max_items is None or len(self.docs) < src.max_items:
                meta = entry_meta(e, source=src.name, url=e.link or f.url, language=src.language)
                doc = entry_doc(e, uri=f"{f.url}#{i}", meta={**meta, "url": e.link}, limits=self.limits)
                self.docs.append(with_fetch(doc, f.requested_at, f.status))
        return out

    def sitemap(self, url: str) -> list[str]:
        found: list[str] = []
        queue, seen = [url], set()
        while queue and len(seen) <= MAX_CHILD_SITEMAPS:
            u = queue.pop(0)
            if u in seen:
                continue
            seen.add(u)
            f = self.fetch(u, "sitemap")
            if not f.ok:
                continue
            pages, children, error = sitemap_urls(f.content)
            if error:
                f.outcome, f.error = ("not_a_feed" if error.startswith("not") else "malformed_feed"), error
            found.extend(p for p in pages if self.src.wants(p))
            queue.extend(children)
        return list(dict.fromkeys(found))

    def article(self, f: Fetched, entry: FeedEntry | None) -> None:
        if not f.ok:
            return
        src = self.src
        meta = entry_meta(entry, source=src.name, url=f.url, language=src.language)
        doc, problem = article_doc(f.content, url=f.url, content_type=f.content_type, meta=meta,
                                   summary=entry.summary if entry else "", limits=self.limits)
        if problem:
            f.outcome, f.error = problem
        if doc is not None:
            doc = with_fetch(doc, f.requested_at, f.status)
            f.doc_id = doc.doc_id
            self.docs.append(doc)


@task(name="fetch-source", cache_policy=NO_CACHE)
def fetch_source(src: Source, cfg: LakeConfig, policy: FetchPolicy, limits: Limits,
                 auto_feed: bool = False) -> tuple[list[SourceDoc], list[Fetched]]:
    """Fetch a source's feed/sitemap/URLs and their articles; never raises for a bad response."""
    with Fetcher(policy) as fetcher:
        g = Gatherer(src, fetcher, cfg, limits, auto_feed=auto_feed)
        try:
            g.run()
        finally:
            log = get_run_logger()
            for f in g.fetches:
                if f.error:
                    log.warning("%s %s: %s", f.outcome, f.url, f.error)
    return g.docs, g.fetches


def retired_docs(cfg: LakeConfig, docs: list[SourceDoc]) -> list[str]:
    """Documents stored for a URL that now gives other (good) content: they are replaced."""
    new = {}
    for d in docs:
        if d.url and d.status == "ok":
            new.setdefault(d.url, set()).add(d.doc_id)
    stored = docs_at_urls(cfg, list(new))
    return sorted({old for url, ids in stored.items() for old in ids - new[url]})


@flow(name="ingest-source", log_prints=False)
def ingest_source(
    source: str | None = None,
    sources_file: str | None = None,
    url: str | None = None,
    warehouse: str | None = None,
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int | None = None,
    progress: bool = False,
) -> "SourceRunSummary":
    """Ingest one declared source (``source`` in the sources file) or one ``url`` (a feed or an article)."""
    s = get_settings(warehouse=warehouse, model=model, batch_size=batch_size, n_process=n_process)
    cfg = LakeConfig(Path(s.warehouse), s.catalog, s.data_path)
    if (source is None) == (url is None):
        raise ValueError("give a source name or a url")
    if url is not None:
        src = url_source(url)
    else:
        path = sources_path(s, sources_file)
        src = find_source(load_sources(path), source or "", where=str(path))
    limits = Limits(max_file_bytes=s.max_file_bytes, max_doc_chars=s.max_doc_chars, doc_budget_s=s.doc_budget_s,
                    **({"languages": (src.language,)} if src.language else {}))
    fetched: list[Fetched] = []
    if src.kind == "path":
        docs: list[SourceDoc] = [replace(d, source=src.name) for f in discover(src.paths)
                                 for d in read_piece(Piece(f), limits)]
    else:
        docs, fetched = fetch_source(src, cfg, fetch_policy(s), limits, auto_feed=url is not None)
    retired = retired_docs(cfg, docs)
    get_run_logger().info("%s: %d requests, %d documents, %d replaced at the same URL", src.name, len(fetched),
                          len(docs), len(retired))
    summary = commit_documents(docs, s=s, cfg=cfg, inputs=src.locations, flow_name="ingest-source", source=src.name,
                               fetched=fetched, retired=retired, progress=progress)
    summary.fetches = Counter(f.outcome for f in fetched).most_common()
    return summary


@dataclass
class SourceRunSummary(RunSummary):
    """A source's run: the run's record plus ``(outcome, requests)`` of its fetches."""

    fetches: list[tuple[str, int]] = field(default_factory=list)

    def row(self) -> dict:
        return {k: v for k, v in super().row().items() if k != "fetches"}


def commit_documents(docs: list[SourceDoc], *, s: Settings, cfg: LakeConfig, inputs: list[str], flow_name: str,
                     source: str | None = None, fetched: list[Fetched] = (), retired: list[str] = (),  # type: ignore[assignment]
                     force: bool = False, progress: bool = False) -> SourceRunSummary:
    """Extract the documents not in the lake with this extractor version (all with ``force``) in the
    worker processes and commit them batch by batch; the ``retired`` documents go with the first
    batch; the run's ``fetches`` rows are written with its final commit (so a URL's validators are
    only kept once its document is in), or with the failed run's row without validators (so the
    next run fetches those URLs in full)."""
    t0, started = time.perf_counter(), datetime.now(timezone.utc)
    n = choose_processes(s.n_process)
    with LakeWriter(cfg, attempts=s.commit_retries) as lake, Workers(s.model, n) as workers:
        host = socket.gethostname()
        lake.mark_interrupted(host, _alive)
        version = model_version(workers) if docs else ""  # no document: no worker process is started
        run = SourceRunSummary(run_id=_run_id(), flow=flow_name, source=source, started_at=started, inputs=list(inputs),
                               model=s.model, extractor_version=version, host=host, pid=os.getpid(),
                               warehouse=str(cfg.warehouse))
        lake.commit(RunTables({}, run))
        try:
            docs = dedupe(docs)
            known = lake.known_versions([d.doc_id for d in docs])
            todo = [d for d in docs if force or known.get(d.doc_id) != run.extractor_version]
            gone = tuple(sorted(set(retired) - {d.doc_id for d in docs}))
            run.add(docs_seen=len(docs), docs_unchanged=len(docs) - len(todo),
                    docs_replaced=sum(d.doc_id in known for d in todo) + len(gone))
            batches = [todo[i:i + s.batch_size] for i in range(0, len(todo), s.batch_size)]
            futures = [workers.pool.submit(extract_tables, b, s.model, run.extractor_version, run.run_id, s.doc_budget_s) for b in batches]
            for i, fut in enumerate(futures):
                result = fut.result()
                run.add(**{k: v for k, v in result.counts.items() if k in run.counters()}, batches=1)
                lake.commit(RunTables(result.tables, run, retired=gone if i == 0 else ()))
                run.rejected.extend(result.rejected[: max(0, 100 - len(run.rejected))])
            if not futures and gone:
                lake.commit(RunTables({}, run, retired=gone))
            if run.batches:
                lake.compact()
            run.status, run.elapsed_s = "committed", round(time.perf_counter() - t0, 2)
            lake.commit(RunTables({}, run, appended=_fetch_table(fetched, run.run_id, source)))
            return run
        except BaseException as e:
            run.status, run.error = "failed", f"{type(e).__name__}: {e}".splitlines()[0][:500]
            try:
                record_run(cfg, run, attempts=3,
                           appended=_fetch_table(fetched, run.run_id, source, validators=False))
            except Exception:  # the lake itself may be what failed; the original error matters more
                pass
            raise


def _fetch_table(fetched: list[Fetched], run_id: str, source: str | None, *, validators: bool = True) -> dict:
    rows = [f.row() for f in fetched]
    if not validators:
        rows = [{**r, "etag": None, "last_modified": None} for r in rows]
    return {"fetches": to_table("fetches", rows, {"run_id": run_id, "source": source})} if rows else {}
