"""Full-text search over the lake's documents: DuckDB's ``fts`` extension (BM25, Porter stemmer).

The lake is read-only to searchers and changes only by commits, so the index is built on demand and
cached, keyed by the lake's snapshot: ``<warehouse>/.cache/fts-<snapshot>.duckdb`` (a plain DuckDB
file holding ``docs(doc_id, title, text)`` and the ``fts_main_docs`` index). The first search after a
commit rebuilds it (built in a temporary file, then renamed into place, so concurrent searchers never
see half an index); ingest itself does no search work at all. Older index files are removed.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb

from newslake.warehouse.lake import LakeConfig, LakeError, connect
from newslake.warehouse.storage import StorageError, load_extension
from newslake.warehouse import LAKE

INDEX_VERSION = "fts.v1"  # bump when the indexed columns or the index options change
_WORD = re.compile(r"[^\W_]+")


class SearchError(ValueError):
    """A bad search request (empty query, bad date, unknown entity)."""


@dataclass(frozen=True)
class Hit:
    """One ranked document: ``snippet`` is ``text[snippet_start:…]`` with ``highlights`` (offsets into
    the snippet) on the words that matched the query."""

    doc_id: str
    score: float
    title: str | None
    source: str | None
    published_at: datetime | None
    snippet: str
    snippet_start: int
    highlights: list[tuple[int, int]] = field(default_factory=list)


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """LOAD DuckDB's fts extension (installed, else from the pinned ``duckdb-extension-fts`` package)."""
    try:
        load_extension(con, "fts")
    except StorageError as e:
        raise LakeError(str(e)) from e


def cache_dir(cfg: LakeConfig) -> Path:
    """Where the index lives: beside the lake, or (remote catalog) in the user's temp folder."""
    if cfg.catalog is None:
        return cfg.warehouse / ".cache"
    key = hashlib.sha256(cfg.catalog_uri.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / "newslake-cache" / key


def snapshot_id(con: duckdb.DuckDBPyConnection) -> int:
    """The lake's current snapshot (changes with every commit)."""
    return int(con.execute(f"FROM {LAKE}.current_snapshot()").fetchone()[0])


def index_path(cfg: LakeConfig, con: duckdb.DuckDBPyConnection | None = None) -> Path:
    """The index of the lake's current snapshot, built now when it is not cached (``con``: an open
    read-only connection to the lake, to spare opening another)."""
    if con is None:
        with connect(cfg, read_only=True) as own:
            return index_path(cfg, own)
    snap = snapshot_id(con)
    folder = cache_dir(cfg)
    path = folder / f"{INDEX_VERSION}-{snap}.duckdb"
    if path.exists():
        return path
    docs = con.execute(
        f"SELECT doc_id, coalesce(title, '') AS title, text FROM {LAKE}.documents AT (VERSION => {snap}) "
        "WHERE status = 'ok'").to_arrow_table()
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".building-", suffix=".duckdb")
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates the file itself
    try:
        build = duckdb.connect(tmp)
        try:
            load_fts(build)
            build.register("new_docs", docs)
            build.execute("CREATE TABLE docs AS SELECT * FROM new_docs")
            build.execute("PRAGMA create_fts_index('docs', 'doc_id', 'title', 'text')")
            build.execute("CHECKPOINT")
        finally:
            build.close()
        os.replace(tmp, path)
    finally:
        for p in (Path(tmp), Path(tmp + ".wal")):
            p.unlink(missing_ok=True)
    for old in folder.glob("fts.*.duckdb"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def entity_ids(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Real-world entity ids named ``name`` (name, alias or id; case-insensitive); a clear error,
    with near names, when none is."""
    rows = con.execute(
        f"""SELECT entity_id FROM {LAKE}.entities
            WHERE lower(name) = lower($1) OR entity_id = $1 OR list_contains(list_transform(aliases, a -> lower(a)), lower($1))
            ORDER BY doc_count DESC""", [name]).fetchall()
    if rows:
        return [r[0] for r in rows]
    near = [r[0] for r in con.execute(
        f"""SELECT name FROM {LAKE}.entities
            WHERE name ILIKE '%' || $1 || '%' OR jaro_winkler_similarity(lower(name), lower($1)) >= 0.85
            ORDER BY jaro_winkler_similarity(lower(name), lower($1)) DESC, doc_count DESC LIMIT 5""",
        [name]).fetchall()]
    raise SearchError(f"no entity named {name!r}" + (f"; did you mean: {', '.join(near)}" if near else ""))


def _parse_since(since: str | date | None) -> date | None:
    if since is None or isinstance(since, date):
        return since
    try:
        return date.fromisoformat(since)
    except ValueError:
        raise SearchError(f"--since {since!r}: expected a date as YYYY-MM-DD") from None


def _snippet(text: str, stems: dict[str, str], wanted: set[str], width: int) -> tuple[str, int, list[tuple[int, int]]]:
    words = [(m.start(), m.end()) for m in _WORD.finditer(text) if stems.get(m.group().lower()) in wanted]
    if not words:
        return text[:width], 0, []
    best, best_n = words[0][0], 0
    for s, _ in words:  # the window (starting at a hit) holding the most hits
        n = sum(1 for a, b in words if s <= a and b <= s + width)
        if n > best_n:
            best, best_n = s, n
    start = max(0, best - width // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + width)
    if end < len(text) and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    return (text[start:end], start, [(a - start, b - start) for a, b in words if start <= a and b <= end])


def search(cfg: LakeConfig, query: str, *, limit: int = 10, since: str | date | None = None,
           source: str | None = None, entity: str | None = None, width: int = 240) -> list[Hit]:
    """Documents ranked by BM25 (title and text, Porter-stemmed, English stop words) against ``query``,
    optionally restricted to those published on or after ``since``, from ``source`` (case-insensitive)
    or mentioning the entity ``entity`` (name, alias or id). Each hit has a snippet around its
    densest run of matching words."""
    if not query or not _WORD.search(query):
        raise SearchError("the query has no words to search for")
    since_d = _parse_since(since)
    with connect(cfg, read_only=True) as con:
        path = index_path(cfg, con)
        load_fts(con)
        ents = entity_ids(con, entity) if entity else None
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS fts_index (READ_ONLY)")
        con.execute("USE fts_index")  # the index macros name their tables unqualified
        rows = con.execute(
            f"""SELECT s.doc_id, s.score, d.title, d.source, d.published_at, d.text
                FROM (SELECT doc_id, fts_main_docs.match_bm25(doc_id, $q) AS score FROM docs) s
                JOIN {LAKE}.documents d USING (doc_id)
                WHERE s.score IS NOT NULL
                  AND ($since IS NULL OR d.published_at >= CAST($since AS DATE))
                  AND ($source IS NULL OR lower(d.source) = lower($source))
                  AND ($ents IS NULL OR d.doc_id IN (
                        SELECT de.doc_id FROM {LAKE}.doc_entities de JOIN {LAKE}.entity_links l USING (entity_id)
                        WHERE l.canonical_entity_id IN (SELECT unnest($ents))))
                ORDER BY s.score DESC, s.doc_id LIMIT $limit""",
            {"q": query, "since": since_d, "source": source, "ents": ents, "limit": int(limit)}).fetchall()
        terms = sorted({w.lower() for w in _WORD.findall(query)})
        words = sorted({w.lower() for r in rows for w in _WORD.findall(r[5] or "")} | set(terms))
        stems = dict(con.execute("SELECT w, stem(w, 'porter') FROM unnest($w) t(w)", {"w": words}).fetchall()) if words else {}
        stop = {r[0] for r in con.execute("SELECT sw FROM fts_main_docs.stopwords").fetchall()}
    wanted = {stems[t] for t in terms if t not in stop and t in stems}
    hits = []
    for doc_id, score, title, src, pub, text in rows:
        snip, start, marks = _snippet(text or "", stems, wanted, width)
        hits.append(Hit(doc_id, float(score), title, src, pub, snip, start, marks))
    return hits


__all__ = ["Hit", "SearchError", "LakeError", "search", "index_path", "entity_ids", "load_fts"]
