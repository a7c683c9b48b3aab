"""Reading and normalising input: bytes in, :class:`SourceDoc` out (readers, normalise, decoding, dates)."""

from typing import TYPE_CHECKING

from newslake.transforms._lazy import lazy_exports

if TYPE_CHECKING:
    from newslake.transforms.ingest.readers import READER_VERSION, Limits, SourceDoc, read_source, rejected_doc

__getattr__, __dir__ = lazy_exports(__name__, {
    "READER_VERSION": "readers",
    "Limits": "readers",
    "SourceDoc": "readers",
    "read_source": "readers",
    "rejected_doc": "readers",
})
__all__ = ['Limits', 'READER_VERSION', 'SourceDoc', 'read_source', 'rejected_doc']
