"""Small shared types for the extractors.

Claims and events refer to entities by id. They get an :class:`EntityLookup` built from the
document's mentions, so they never need to know how entities were resolved.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Protocol


class EntityLookup(Protocol):
    def entity_at(self, start_char: int, end_char: int) -> str | None:
        """The entity id of the mention that best covers ``[start_char, end_char)``, or None."""


@dataclass
class SpanEntityLookup:
    """An :class:`EntityLookup` over ``(start_char, end_char, entity_id)`` triples.

    A mention matches a query span when the two overlap; the mention with the largest overlap
    wins (ties: the earliest). Used by the pipeline (built from the mentions) and by tests.
    """

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans = sorted(self.spans)
        self._starts = [s for s, _, _ in self.spans]

    @classmethod
    def from_triples(cls, triples: Iterable[tuple[int, int, str]]) -> "SpanEntityLookup":
        return cls(list(triples))

    def entity_at(self, start_char: int, end_char: int) -> str | None:
        best: tuple[int, str] | None = None
        # mentions starting before end_char may overlap; scan back from there
        i = bisect.bisect_left(self._starts, end_char)
        for s, e, eid in reversed(self.spans[:i]):
            if e <= start_char:
                # spans are sorted by start; an earlier long span could still overlap
                continue
            overlap = min(e, end_char) - max(s, start_char)
            if overlap > 0 and (best is None or overlap >= best[0]):
                best = (overlap, eid)
        return best[1] if best else None


def doc_text(doc) -> str:  # type: ignore[no-untyped-def]
    """``doc.text``, built once per document: spaCy joins every token's text each time the
    property is read, which made the claim rules spend a quarter of their time rebuilding it.
    Cached in ``doc.user_data`` (a parsed document's text never changes)."""
    text = doc.user_data.get("newslake.text")
    if text is None:
        text = doc.user_data["newslake.text"] = doc.text
    return text
