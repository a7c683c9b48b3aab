"""Random rows of a lake table shown in their document, to judge extraction by reading.

:func:`sample_rows` draws ``n`` rows with a fixed seed (the same lake and seed give the same
rows) and returns, for each, its columns and the document text around its offsets. Tables with
``doc_id``, ``start_char`` and ``end_char`` show the row's own span; ``entities`` shows the
entity's first mention; ``entity_links`` shows a non-self link with the member's first mention
and the canonical's first mention (by default only links between different names).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from newslake.warehouse.lake import LakeConfig, connect
from newslake.warehouse.schema import LAKE, TABLES


class SampleError(ValueError):
    """The table cannot be sampled (unknown, or no offsets to show)."""


@dataclass(frozen=True)
class Context:
    doc_id: str
    start: int
    end: int
    before: str
    span: str
    after: str

    def render(self, mark: tuple[str, str] = ("»", "«")) -> str:
        return f"{self.before}{mark[0]}{self.span}{mark[1]}{self.after}".replace("\n", " ⏎ ")


@dataclass(frozen=True)
class SampleRow:
    values: dict
    contexts: list[Context]


def _context(text: str, doc_id: str, start: int, end: int, width: int) -> Context:
    return Context(doc_id, start, end, text[max(0, start - width):start], text[start:end],
                   text[end:end + width])


def _spanned(table: str) -> bool:
    names = set(TABLES[table].names)
    return {"doc_id", "start_char", "end_char"} <= names


def sample_rows(cfg: LakeConfig, table: str, *, n: int = 40, seed: int = 0, label: str | None = None,
                width: int = 80, all_links: bool = False) -> list[SampleRow]:
    """``n`` random rows of ``table`` (seeded), each with its document context.

    ``label`` keeps rows whose ``label`` column equals it; for ``entity_links``, ``all_links``
    also samples links between identical names (by default only non-trivial links).
    """
    if table not in TABLES:
        raise SampleError(f"unknown table {table!r}; tables: {', '.join(sorted(TABLES))}")
    if table not in ("entities", "entity_links") and not _spanned(table):
        raise SampleError(f"{table!r} has no doc_id/start_char/end_char to show in context")
    if label is not None and "label" not in TABLES[table].names and table != "entity_links":
        raise SampleError(f"{table!r} has no label column")
    cols = TABLES[table].names
    with connect(cfg, read_only=True) as con:
        if table == "entity_links":
            rows = con.execute(f"""
                SELECT l.entity_id, l.canonical_entity_id, m.name, c.name, m.label, l.method, l.score,
                       l.evidence
                FROM {LAKE}.entity_links l
                JOIN (SELECT entity_id, min(name) AS name, min(label) AS label FROM {LAKE}.doc_entities GROUP BY 1) m
                  ON m.entity_id = l.entity_id
                JOIN (SELECT entity_id, min(name) AS name FROM {LAKE}.doc_entities GROUP BY 1) c
                  ON c.entity_id = l.canonical_entity_id
                WHERE l.method <> 'self' AND (? OR lower(m.name) <> lower(c.name))
                  AND (? IS NULL OR m.label = ?)
                ORDER BY l.entity_id""", [all_links, label, label]).fetchall()
            cols = ["entity_id", "canonical_entity_id", "member_name", "canonical_name", "label",
                    "method", "score", "evidence"]
        else:
            where = "WHERE label = ?" if label is not None else ""
            order = "entity_id" if table == "entities" else "doc_id, start_char, end_char"
            rows = con.execute(f"SELECT * FROM {LAKE}.{table} {where} ORDER BY {order}",
                               [label] if label is not None else []).fetchall()
        picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
        out: list[SampleRow] = []
        for i in picked:
            values = dict(zip(cols, rows[i]))
            spans: list[tuple[str, int, int]] = []
            if table == "entity_links":
                for eid in (values["entity_id"], values["canonical_entity_id"]):
                    spans += con.execute(f"""SELECT doc_id, start_char, end_char FROM {LAKE}.doc_entities
                        WHERE entity_id = ? ORDER BY doc_id LIMIT 1""", [eid]).fetchall()
            elif table == "entities":
                spans = con.execute(f"""SELECT doc_id, start_char, end_char FROM {LAKE}.doc_entities
                    WHERE doc_id = ? AND list_contains(?, entity_id) ORDER BY start_char LIMIT 1""",
                                    [values["first_doc_id"], values["member_ids"]]).fetchall()
            else:
                spans = [(values["doc_id"], values["start_char"], values["end_char"])]
            contexts = []
            for doc_id, s, e in spans:
                (text,) = con.execute(f"SELECT text FROM {LAKE}.documents WHERE doc_id = ?",
                                      [doc_id]).fetchone() or ("",)
                contexts.append(_context(text or "", doc_id, s, e, width))
            out.append(SampleRow(values, contexts))
    return out
