"""Time expressions to date ranges: ``normalize_time("early June", anchor) -> (start, end)``.

News text dates events relative to the publication day ("last week", "in May", "on Monday").
:func:`normalize_time` turns such a phrase into an inclusive ``(first_day, last_day)`` range,
using a few small rules of our own (parts of months, bare months, seasons, relative weeks/months/
years, decades) and :mod:`dateparser` for explicit dates. Conventions:

* A bare month means the most recent such month: that month of the anchor's year, or of the
  previous year when the month comes after the anchor's month ("May" published in March 2016 ->
  May 2015). Other underspecified dates also prefer the past (news reports what happened).
* "early/mid/late <Month>" = days 1-10 / 11-20 / 21-end.
* Seasons are meteorological, northern hemisphere: spring = Mar-May, summer = Jun-Aug,
  autumn/fall = Sep-Nov, winter = Dec-Feb (winter 2015 = Dec 2015 - Feb 2016).
* "last week" is the Monday-Sunday week before the anchor's week.
* Without an anchor only text that states a year is normalised; anything else returns None.

>>> from datetime import date
>>> normalize_time("early June", date(2015, 9, 1))
(datetime.date(2015, 6, 1), datetime.date(2015, 6, 10))
>>> normalize_time("May", None) is None
True
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

DateRange = tuple[date, date]

MONTHS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    "sept": 9,
}
"""Month names and abbreviations, lower case -> month number (``"sept" -> 9``)."""

MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "beginning of": (1, 10), "start of": (1, 10),
    "mid": (11, 20), "mid-": (11, 20), "middle of": (11, 20),
    "late": (21, None), "end of": (21, None),
}
"""Part of a month -> (first day, last day or None for the month's end): ``"late May"``."""

SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""Season -> first month (meteorological, northern hemisphere): ``"summer 2015"``."""

_LEADING = re.compile(
    r"^(?:(?:in|on|at|during|since|by|from|until|as recently as|as early as|the|of)\s+)+", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_PART_MONTH = re.compile(
    r"^(early|mid-?|late|beginning of|start of|middle of|end of)\s*([a-z]+)\.?(?:,?\s+(\d{4}))?$", re.I)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?(?:,?\s+(\d{4}))?$", re.I)
_SEASON = re.compile(r"^(?:(last|this|next|early|late)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$", re.I)
_RELATIVE = re.compile(r"^(last|this|next|past)\s+(week|month|year|weekend)$", re.I)
_DECADE = re.compile(r"^(?:the\s+)?(1[89]\d|20\d)0s$", re.I)
_PARSER_ANCHORED: dict[datetime, DateDataParser] = {}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_range(year: int, month: int) -> DateRange:
    return date(year, month, 1), _month_end(year, month)


def _anchor_date(anchor: date | datetime | None) -> date | None:
    if anchor is None:
        return None
    return anchor.date() if isinstance(anchor, datetime) else anchor


def _recent_year(month: int, anchor: date) -> int:
    """The year of the most recent ``month`` not after the anchor's month."""
    return anchor.year if month <= anchor.month else anchor.year - 1


def _part_of_month(m: re.Match[str], anchor: date | None) -> DateRange | None:
    part, month_name, year = m.group(1).lower(), m.group(2).lower(), m.group(3)
    month = MONTHS.get(month_name)
    if month is None:
        return None
    if year is None and anchor is None:
        return None
    y = int(year) if year else _recent_year(month, anchor)  # type: ignore[arg-type]
    first, last = MONTH_PARTS[part]
    return date(y, month, first), (date(y, month, last) if last else _month_end(y, month))


def _month(m: re.Match[str], anchor: date | None) -> DateRange | None:
    month = MONTHS.get(m.group(1).lower())
    if month is None:
        return None
    if m.group(2):
        return _month_range(int(m.group(2)), month)
    if anchor is None:
        return None
    return _month_range(_recent_year(month, anchor), month)


def _season(m: re.Match[str], anchor: date | None) -> DateRange | None:
    rel, name, year = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3)
    first = SEASONS[name]
    if year:
        y = int(year)
    elif anchor is None:
        return None
    else:
        # the season of the anchor's year (a winter that began the previous December counts)
        y = anchor.year - 1 if (first == 12 and anchor.month <= 2) else anchor.year
        current = date(y, first, 1) <= anchor <= _season_end(y, first)
        if rel == "next":
            y += 1 if date(y, first, 1) <= anchor else 0
        elif rel == "last":
            y -= 1 if date(y, first, 1) <= anchor and current else 0
            y -= 1 if date(y, first, 1) > anchor else 0
        elif rel != "this" and date(y, first, 1) > anchor:
            y -= 1  # a bare season that has not begun yet: the most recent one
    start = date(y, first, 1)
    end = _season_end(y, first)
    if rel == "early":
        end = _month_end(y, first)
    elif rel == "late":
        start = date(end.year, end.month, 1)
    return start, end


def _season_end(year: int, first_month: int) -> date:
    end_month = first_month + 2
    return _month_end(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1)


def _relative(m: re.Match[str], anchor: date | None) -> DateRange | None:
    if anchor is None:
        return None
    rel, unit = m.group(1).lower(), m.group(2).lower()
    step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "weekend":  # the Saturday and Sunday of this, the next or the last week
        saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=step)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        idx = anchor.year * 12 + anchor.month - 1 + step
        return _month_range(idx // 12, idx % 12 + 1)
    return date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)


def _parser(anchor: date | None) -> DateDataParser:
    base = datetime(anchor.year, anchor.month, anchor.day) if anchor else datetime(1900, 1, 1)
    if base not in _PARSER_ANCHORED:
        if len(_PARSER_ANCHORED) > 256:
            _PARSER_ANCHORED.clear()
        _PARSER_ANCHORED[base] = DateDataParser(
            languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return _PARSER_ANCHORED[base]


def _with_dateparser(text: str, anchor: date | None) -> DateRange | None:
    if anchor is None and not _YEAR.search(text):
        return None
    data = _parser(anchor).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if period == "month":
        return _month_range(d.year, d.month)
    if period == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    return d, d


def normalize_time(text: str, anchor: date | datetime | None) -> DateRange | None:
    """Normalise a time expression to an inclusive date range, or None.

    >>> from datetime import date
    >>> normalize_time("in 2015", None)
    (datetime.date(2015, 1, 1), datetime.date(2015, 12, 31))
    >>> normalize_time("last week", date(2015, 9, 2))  # a Wednesday
    (datetime.date(2015, 8, 24), datetime.date(2015, 8, 30))
    >>> normalize_time("this weekend", date(2015, 9, 2))
    (datetime.date(2015, 9, 5), datetime.date(2015, 9, 6))
    """
    a = _anchor_date(anchor)
    t = _LEADING.sub("", " ".join(text.split()).strip(" ,.;:")).strip()
    if not t:
        return None
    if _YEAR.fullmatch(t):
        y = int(t)
        return date(y, 1, 1), date(y, 12, 31)
    if m := _DECADE.fullmatch(t):
        y = int(m.group(1)) * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    for pattern, rule in ((_PART_MONTH, _part_of_month), (_SEASON, _season), (_RELATIVE, _relative)):
        if m := pattern.fullmatch(t):
            return rule(m, a)
    if (m := _MONTH_YEAR.fullmatch(t)) and m.group(1).lower() in MONTHS:
        return _month(m, a)
    return _with_dateparser(t, a)
