"""Publication dates: parse metadata values, or find a date stated at the top of a text.

Parsing is dateparser's job (UTC, timezone-aware); the regexes here only *find* the candidate
line near the top of a document: a "Published/Posted/Updated on <date>" line, a dateline
("WASHINGTON, June 3, 2015 —") or a line that is only a date. Dates deep in the body are never
taken: they are usually about events, not the publication.

>>> parse_date("2015-06-03T10:00:00+02:00").isoformat()
'2015-06-03T08:00:00+00:00'
>>> find_text_date("Storm Nears\\n\\nPublished on 3 June 2015\\n\\nWinds rose.")[0].date().isoformat()
'2015-06-03'
>>> find_text_date("Winds rose.\\n\\nOn 3 June 2015 the dam broke.") is None
True
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

import dateparser

from newslake.transforms.ingest.normalize import PUBLISHED_LINE

DATE_SETTINGS: dict[str, Any] = {
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
}
"""dateparser settings: naive times are read as UTC, results are timezone-aware UTC."""

MIN_YEAR, MAX_YEAR = 1800, 2100
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2})?)?"
DATE_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|" + _WEEKDAY + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}" + _TIME
    + r"|" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}" + _TIME,
    re.I,
)
"""A date written out: "2015-06-03T10:00Z", "Wednesday, June 3, 2015 at 10:02 GMT", "3 June 2015"."""

DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:\s*\([^)]{1,30}\))?\s*[,:—–-]?\s*(?=(?i:"
                      + DATE_TEXT.pattern + "))")
"""A dateline opening a line: "WASHINGTON, June 3, 2015 (Reuters) — ...", "LONDON 3 June 2015:"."""


def _aware_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def parse_date(value: Any) -> datetime | None:
    """Parse a metadata date (string, epoch number or datetime) to an aware UTC datetime.

    Values without a four-digit year ("yesterday", "June 3") give None: they depend on when the
    text is read, so they cannot be resolved here.

    >>> parse_date("Wed, 03 Jun 2015 10:00:00 GMT").isoformat()
    '2015-06-03T10:00:00+00:00'
    >>> parse_date("yesterday") is None
    True
    """
    if isinstance(value, datetime):
        return _aware_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    year = _YEAR.search(value)
    if not value or len(value) > 100 or year is None or not MIN_YEAR <= int(year.group()) <= MAX_YEAR:
        return None
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=DATE_SETTINGS)
    except Exception:  # noqa: BLE001 - third-party parser on untrusted input must not crash a run
        return None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return _aware_utc(parsed)


def find_text_date(text: str, *, max_lines: int = 8, max_chars: int = 800) -> tuple[datetime, str] | None:
    """The publication date stated near the top of ``text``, with the line it came from.

    Only the first ``max_lines`` non-empty lines within ``max_chars`` are looked at, and only a
    "Published ..." line, a dateline, or a line holding nothing but a date counts.

    >>> find_text_date("LONDON, June 3, 2015 (Reuters) - Rain fell.")[0].isoformat()
    '2015-06-03T00:00:00+00:00'
    """
    lines = [ln.strip() for ln in text[:max_chars].split("\n") if ln.strip()][:max_lines]
    for line in lines:
        published = PUBLISHED_LINE.match(line)
        if published:
            found = DATE_TEXT.search(published.group("date"))
        else:
            alone = DATE_TEXT.fullmatch(line.strip(" .|"))
            found = alone or (DATE_TEXT.search(line) if DATELINE.match(line) else None)
        if found:
            parsed = parse_date(found.group())
            if parsed is not None:
                return parsed, line
    return None
