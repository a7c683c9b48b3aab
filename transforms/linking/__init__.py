"""Cross-document entity linking: blocking keys and per-block rules (pure: no spaCy, no lake)."""

from typing import TYPE_CHECKING

from newslake.transforms._lazy import lazy_exports

if TYPE_CHECKING:
    from newslake.transforms.linking.link import LINKING_VERSION, EntityRecord, blocking_keys, link_entities, relink

__getattr__, __dir__ = lazy_exports(__name__, {
    "LINKING_VERSION": "link",
    "EntityRecord": "link",
    "blocking_keys": "link",
    "link_entities": "link",
    "relink": "link",
})
__all__ = ['EntityRecord', 'LINKING_VERSION', 'blocking_keys', 'link_entities', 'relink']
