"""Entities in one document: mentions, document-level entities, roles (extract, rules, lexicons,
gazetteer, roles)."""

from typing import TYPE_CHECKING

from newslake.transforms._lazy import lazy_exports

if TYPE_CHECKING:
    from newslake.transforms.entities.extract import ENTITIES_VERSION, DocEntity, Mention, extract_entities
    from newslake.transforms.entities.roles import ROLES_VERSION, EntityRole, extract_roles

__getattr__, __dir__ = lazy_exports(__name__, {
    "ENTITIES_VERSION": "extract",
    "DocEntity": "extract",
    "Mention": "extract",
    "extract_entities": "extract",
    "ROLES_VERSION": "roles",
    "EntityRole": "roles",
    "extract_roles": "roles",
})
__all__ = ['DocEntity', 'ENTITIES_VERSION', 'EntityRole', 'Mention', 'ROLES_VERSION', 'extract_entities', 'extract_roles']
