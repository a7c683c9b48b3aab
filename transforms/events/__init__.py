"""PLOVER events: triggers (extract), participants (args), place/time/modality (context), one row
per happening (merge), the PLOVER tables (plover) and time expressions (timex)."""

from typing import TYPE_CHECKING

from newslake.transforms._lazy import lazy_exports

if TYPE_CHECKING:
    from newslake.transforms.events.extract import EVENTS_VERSION, Event, extract_events

__getattr__, __dir__ = lazy_exports(__name__, {
    "EVENTS_VERSION": "extract",
    "Event": "extract",
    "extract_events": "extract",
})
__all__ = ['EVENTS_VERSION', 'Event', 'extract_events']
