"""Time expression normalisation: table-driven, with and without an anchor."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from newslake.transforms.events.timex import normalize_time

ANCHOR = date(2015, 9, 2)  # a Wednesday
D = date

CASES = [
    # explicit dates (dateparser)
    ("March 12, 2016", ANCHOR, (D(2016, 3, 12), D(2016, 3, 12))),
    ("12 March 2016", None, (D(2016, 3, 12), D(2016, 3, 12))),
    ("on 3 June 2014", None, (D(2014, 6, 3), D(2014, 6, 3))),
    ("June 3", ANCHOR, (D(2015, 6, 3), D(2015, 6, 3))),
    ("March 2016", None, (D(2016, 3, 1), D(2016, 3, 31))),
    # years and decades
    ("in 2015", None, (D(2015, 1, 1), D(2015, 12, 31))),
    ("2015", ANCHOR, (D(2015, 1, 1), D(2015, 12, 31))),
    ("the 1990s", None, (D(1990, 1, 1), D(1999, 12, 31))),
    # bare months: this year's, or last year's when the month is after the anchor month
    ("May", ANCHOR, (D(2015, 5, 1), D(2015, 5, 31))),
    ("in May", ANCHOR, (D(2015, 5, 1), D(2015, 5, 31))),
    ("September", ANCHOR, (D(2015, 9, 1), D(2015, 9, 30))),
    ("October", ANCHOR, (D(2014, 10, 1), D(2014, 10, 31))),
    ("Sept.", ANCHOR, (D(2015, 9, 1), D(2015, 9, 30))),
    ("as recently as March", ANCHOR, (D(2015, 3, 1), D(2015, 3, 31))),
    # parts of months
    ("early June", ANCHOR, (D(2015, 6, 1), D(2015, 6, 10))),
    ("mid-June", ANCHOR, (D(2015, 6, 11), D(2015, 6, 20))),
    ("late February", ANCHOR, (D(2015, 2, 21), D(2015, 2, 28))),
    ("late February 2016", None, (D(2016, 2, 21), D(2016, 2, 29))),
    ("end of December", ANCHOR, (D(2014, 12, 21), D(2014, 12, 31))),
    # relative weeks, months, years, days
    ("last week", ANCHOR, (D(2015, 8, 24), D(2015, 8, 30))),
    ("this week", ANCHOR, (D(2015, 8, 31), D(2015, 9, 6))),
    ("this weekend", ANCHOR, (D(2015, 9, 5), D(2015, 9, 6))),
    ("last weekend", ANCHOR, (D(2015, 8, 29), D(2015, 8, 30))),
    ("last month", ANCHOR, (D(2015, 8, 1), D(2015, 8, 31))),
    ("last month", date(2015, 1, 10), (D(2014, 12, 1), D(2014, 12, 31))),
    ("next year", ANCHOR, (D(2016, 1, 1), D(2016, 12, 31))),
    ("last year", datetime(2015, 9, 2, 14, 30), (D(2014, 1, 1), D(2014, 12, 31))),
    ("yesterday", ANCHOR, (D(2015, 9, 1), D(2015, 9, 1))),
    ("on Monday", ANCHOR, (D(2015, 8, 31), D(2015, 8, 31))),
    # seasons (meteorological, northern hemisphere)
    ("summer 2014", None, (D(2014, 6, 1), D(2014, 8, 31))),
    ("winter 2015", None, (D(2015, 12, 1), D(2016, 2, 29))),
    ("summer", ANCHOR, (D(2015, 6, 1), D(2015, 8, 31))),
    ("last summer", date(2015, 7, 15), (D(2014, 6, 1), D(2014, 8, 31))),
    ("this summer", date(2015, 3, 1), (D(2015, 6, 1), D(2015, 8, 31))),
    ("autumn", ANCHOR, (D(2015, 9, 1), D(2015, 11, 30))),  # began on 1 September
    ("autumn", date(2015, 8, 1), (D(2014, 9, 1), D(2014, 11, 30))),
    ("winter", date(2016, 1, 15), (D(2015, 12, 1), D(2016, 2, 29))),
    ("next spring", ANCHOR, (D(2016, 3, 1), D(2016, 5, 31))),
    # no anchor and no year in the text: nothing to anchor on
    ("May", None, None),
    ("early June", None, None),
    ("last week", None, None),
    ("summer", None, None),
    ("yesterday", None, None),
    ("on Monday", None, None),
    # not a time expression
    ("the government", ANCHOR, None),
    ("", ANCHOR, None),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), CASES)
def test_normalize_time(text, anchor, expected):
    assert normalize_time(text, anchor) == expected


@given(st.integers(1900, 2099), st.integers(1, 12))
def test_month_year_is_the_whole_month(year, month):
    name = date(2000, month, 1).strftime("%B")
    start, end = normalize_time(f"{name} {year}", None)
    assert (start.year, start.month, start.day) == (year, month, 1)
    assert (end.year, end.month) == (year, month) and end.day >= 28


@given(st.dates(date(1950, 1, 1), date(2090, 12, 31)), st.integers(1, 12))
def test_bare_month_is_never_after_the_anchor(anchor, month):
    start, end = normalize_time(date(2000, month, 1).strftime("%B"), anchor)
    assert start <= anchor and start.month == month and start <= end
    assert (anchor - start).days < 366
