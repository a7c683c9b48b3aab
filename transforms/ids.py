"""Deterministic ids: the same content always gets the same id, in every run and on every machine.

Ids that analysts keep in their notes (documents, entities, claims, events) are hashes of what
they identify, never counters.
"""

from __future__ import annotations

import hashlib

_SEP = "\x1f"  # unit separator: cannot occur in normalised text parts


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """Return ``prefix`` + the first ``length`` hex digits of SHA-256 over ``parts``.

    >>> stable_id("ent", "PERSON", "gulmurod halimov")[:4]
    'ent_'
    >>> stable_id("ent", "a") == stable_id("ent", "a")
    True
    """
    h = hashlib.sha256(_SEP.join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{h.hexdigest()[:length]}"


def content_hash(text: str) -> str:
    """Full SHA-256 hex digest of a text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
