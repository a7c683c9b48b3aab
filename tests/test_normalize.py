"""Normalisation, front-matter splitting, Markdown/HTML stripping and text dates (pure on str)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newslake.transforms.ingest.normalize import (
    html_to_text, is_boilerplate, normalize_text, split_front_matter, strip_markdown,
)
from newslake.transforms.ingest.dates import find_text_date, parse_date

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d01fc4332329b7d6.txt"
GOLD = ROOT / "tests" / "gold" / "seed.gold.json"

BODY1 = "The river burst its banks on Monday, flooding dozens of homes near the old mill."
BODY2 = "Emergency crews worked through the night to move families to the school gym."


# --------------------------------------------------------------------------- normalize_text

@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc", "a\nb\nc"),                                   # newline styles
    ("line one   \nline two\t", "line one\nline two"),           # trailing spaces and tabs
    ("para one\n\n\n\n\npara two", "para one\n\npara two"),      # blank-line runs
    ("\n\n  lead and trail  \n\n", "lead and trail"),            # outer blank lines
    ("one\u00a0two  three\u2003four", "one two three four"),      # unicode spaces, runs
    ("cafe\u0301", "café"),                                        # NFC
    ("zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"),  # invisible characters
    ("a\u2028b\u2029c", "a\nb\nc"),                             # unicode line separators
    ("bad \ud800 surrogate", "bad \ufffd surrogate"),              # lone surrogates
    ("Short line\nnot joined", "Short line\nnot joined"),          # too short to be a wrap
    ("Title\nCredit: via\n\nOne paragraph per line.\nAnother one.",  # not wrapped: kept
     "Title\nCredit: via\n\nOne paragraph per line.\nAnother one."),
])
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


WIRE = ("Showers continued throughout the week in the Bahia cocoa\n"
        "zone, alleviating the drought since early January and\n"
        "improving prospects for the coming harvest, a well-\n"
        "known trader said in its weekly review.\n"
        "    The dry period means the harvest will be late this\n"
        "year, the trader said.\n")


@pytest.mark.parametrize("raw, expected", [
    (WIRE, "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought "
           "since early January and improving prospects for the coming harvest, a well-known trader "
           "said in its weekly review.\n\nThe dry period means the harvest will be late this year, "
           "the trader said."),
    (WIRE.replace("    ", ""),  # no indentation: the short line still ends the paragraph
     "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought "
     "since early January and improving prospects for the coming harvest, a well-known trader "
     "said in its weekly review.\n\nThe dry period means the harvest will be late this year, "
     "the trader said."),
    ("Dear editor,\nI write about the bridge.\nIt is closed.\nYours,\nAnn",  # short lines: kept
     "Dear editor,\nI write about the bridge.\nIt is closed.\nYours,\nAnn"),
])
def test_hard_wrapped_text_is_rejoined(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\u00a0\u200b\u0301aAbé.,x", max_size=300))
def test_normalize_text_is_idempotent_on_whitespace_heavy_text(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "  " not in once and "\n\n\n" not in once and "\r" not in once


# --------------------------------------------------------------------------- boilerplate

@pytest.mark.parametrize("line", [
    "Credit: via", "Credit: Reuters/John Smith", "Image: Wikimedia Commons", "Photo: AP",
    "Photo credit: Getty Images", "PHOTOGRAPH: Jane Doe for The Times", "Illustration | Staff",
    "Photo by Ann Lee/AFP", "Advertisement", "ADVERTISEMENT", "Share this", "Share this article",
    "Read more", "Read more:", "Read more: Floods hit coastal towns", "Related: Council vote delayed",
    "Story continues below advertisement", "Sponsored",
    "Enjoying this article? Click here to subscribe for full access. Just $5 a month.",
    "Liked this story? Click here to subscribe for unlimited access.",
    "Already a subscriber? Log in to continue reading.",
    "Sign up for our newsletter to get the latest news.",
    "© 2023 Example Media. All rights reserved.",
])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The photo showed the minister leaving the building.",
    "Readers were asked to share their stories with the paper.",
    "Image rights are at the centre of the court case, the lawyer said.",
    "Credit card debt rose by 4 percent last year.",
    "Advertisement revenue fell sharply in the second quarter, the company said.",
    "He said he would subscribe to any plan that cut emissions. " * 5,  # long prose line
])
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


# --------------------------------------------------------------------------- front matter

def test_full_header_is_split() -> None:
    text = normalize_text(
        f"World News\n\nFloods Hit Coastal Towns\n\nThousands were moved to safety overnight.\n\n"
        f"Floods Hit Coastal Towns\nPhoto: AP\n\n{BODY1}\n\nAdvertisement\n\n{BODY2}")
    fm = split_front_matter(text)
    assert (fm.section, fm.title, fm.subtitle) == (
        "World News", "Floods Hit Coastal Towns", "Thousands were moved to safety overnight.")
    assert fm.text == f"{BODY1}\n\n{BODY2}"
    assert fm.boilerplate == ("Floods Hit Coastal Towns", "Photo: AP", "Advertisement")


def test_title_without_section_or_standfirst() -> None:
    fm = split_front_matter(f"Floods Hit Coastal Towns After Three Days of Rain\n\n{BODY1}\n\n{BODY2}")
    assert fm.section is None and fm.subtitle is None
    assert fm.title == "Floods Hit Coastal Towns After Three Days of Rain"
    assert fm.text == f"{BODY1}\n\n{BODY2}"


def test_short_lede_is_not_taken_as_standfirst() -> None:
    """A one-sentence lede looks like a standfirst; without a closing credit/byline it stays body."""
    fm = split_front_matter(f"Floods Hit Coast\n\n{BODY1}\n\n{BODY2}")
    assert fm.subtitle is None and fm.text.startswith(BODY1)


def test_body_only_text_has_no_header() -> None:
    fm = split_front_matter(f"{BODY1}\n\n{BODY2}")
    assert (fm.section, fm.title, fm.subtitle, fm.boilerplate) == (None, None, None, ())
    assert fm.text == f"{BODY1}\n\n{BODY2}"


def test_byline_and_published_line_become_metadata() -> None:
    fm = split_front_matter(
        f"Floods Hit Coast\n\nBy Maria Okafor and Tom Hale | Staff reporters\n\n"
        f"Published on 5 June 2023, 10:02 GMT\n\n{BODY1}")
    assert fm.author == "Maria Okafor and Tom Hale"
    assert fm.text == BODY1
    assert fm.boilerplate == ("By Maria Okafor and Tom Hale | Staff reporters",
                              "Published on 5 June 2023, 10:02 GMT")


@pytest.mark.parametrize("line", [
    "By Tuesday, the water had reached the first floor.",
    "By the end of the week, most roads had reopened.",
])
def test_sentences_starting_with_by_are_body(line: str) -> None:
    fm = split_front_matter(f"Floods Hit Coast\n\n{line}\n\n{BODY1}")
    assert fm.author is None and fm.text.startswith(line)


def test_given_title_drops_its_repetition_and_finds_section() -> None:
    fm = split_front_matter(f"Environment\n\nFloods Hit Coast\n\n{BODY1}", title="Floods hit coast")
    assert (fm.section, fm.title, fm.text) == ("Environment", "Floods hit coast", BODY1)


def test_given_fields_win_over_detection() -> None:
    fm = split_front_matter(f"Floods Hit Coast\n\n{BODY1}", title="Given Title", subtitle="Given sub.",
                            section="Given Section", author="Given Author")
    assert (fm.title, fm.subtitle, fm.section, fm.author) == (
        "Given Title", "Given sub.", "Given Section", "Given Author")
    assert fm.text == f"Floods Hit Coast\n\n{BODY1}"


def test_repeated_headline_deep_in_text_is_boilerplate() -> None:
    fm = split_front_matter(f"Floods Hit Coast\n\n{BODY1}\n\n{BODY2}\n\nFLOODS HIT COAST\n\n{BODY1}")
    assert fm.text == f"{BODY1}\n\n{BODY2}\n\n{BODY1}" and fm.boilerplate == ("FLOODS HIT COAST",)


def test_seed_matches_gold_document_block() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["document"]
    fm = split_front_matter(normalize_text(SEED.read_text(encoding="utf-8")))
    assert (fm.section, fm.title, fm.subtitle) == (gold["section"], gold["title"], gold["subtitle"])
    # the gold lists the credit and the prompt; the repeated headline is removed as well
    assert set(gold["boilerplate"]) <= set(fm.boilerplate)
    assert set(fm.boilerplate) - set(gold["boilerplate"]) == {gold["title"]}
    for part in (gold["section"], gold["subtitle"], *gold["boilerplate"]):
        assert part not in fm.text
    assert fm.text.startswith("Tajikistan has once again reportedly blocked access")
    assert "\n\n" in fm.text and "\n\n\n" not in fm.text


# --------------------------------------------------------------------------- markdown, html

@pytest.mark.parametrize("md, expected", [
    ("# Big Story\n\nText.", "Big Story\n\nText."),
    ("## Closed heading ##", "Closed heading"),
    ("Some **bold** and *em* and __strong__ and _under_ words.",
     "Some bold and em and strong and under words."),
    ("See [the report](https://example.org/r) for details.", "See the report for details."),
    ("![chart](img.png)Caption", "Caption"),
    ("> A quoted line", "A quoted line"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
])
def test_strip_markdown(md: str, expected: str) -> None:
    assert strip_markdown(md) == expected


@pytest.mark.parametrize("html, expected", [
    ("<p>One &amp; two</p><p>Three</p>", "One & two\n\nThree"),
    ("<div>Line<br>break</div>", "Line\nbreak"),
    ("<p>Text<script>var x = 1;</script> more</p><style>p{}</style>", "Text more"),
    ("<p>Unclosed <b>bold <i>italic", "Unclosed bold italic"),
    ("plain text", "plain text"),
])
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


# --------------------------------------------------------------------------- dates

UTC = timezone.utc


@pytest.mark.parametrize("value, expected", [
    ("2015-06-03T10:00:00+02:00", datetime(2015, 6, 3, 8, 0, tzinfo=UTC)),
    ("2015-06-03", datetime(2015, 6, 3, tzinfo=UTC)),
    ("Wed, 03 Jun 2015 10:00:00 GMT", datetime(2015, 6, 3, 10, 0, tzinfo=UTC)),
    ("June 3, 2015", datetime(2015, 6, 3, tzinfo=UTC)),
    (1433325600, datetime(2015, 6, 3, 10, 0, tzinfo=UTC)),
    (datetime(2015, 6, 3, 10, 0), datetime(2015, 6, 3, 10, 0, tzinfo=UTC)),
    ("yesterday", None), ("June 3", None), ("not a date 2015 at all", None), ("", None),
    (None, None), (["2015-06-03"], None),
])
def test_parse_date(value: object, expected: datetime | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods Hit Coast\n\nPublished on 3 June 2015\n\nRain fell.", datetime(2015, 6, 3, tzinfo=UTC)),
    ("Floods Hit Coast\n\nPosted: June 3, 2015 4:30 pm EDT\n\nRain fell.",
     datetime(2015, 6, 3, 20, 30, tzinfo=UTC)),
    ("Floods Hit Coast\n\nUpdated 2015-06-03T10:00Z\n\nRain fell.", datetime(2015, 6, 3, 10, tzinfo=UTC)),
    ("Floods Hit Coast\n\nWednesday, June 3, 2015\n\nRain fell.", datetime(2015, 6, 3, tzinfo=UTC)),
    ("WASHINGTON, June 3, 2015 (Reuters) - Rain fell.", datetime(2015, 6, 3, tzinfo=UTC)),
    ("NEW YORK (AP) — 3 June 2015 — Rain fell.", datetime(2015, 6, 3, tzinfo=UTC)),
])
def test_find_text_date(text: str, expected: datetime) -> None:
    found = find_text_date(text)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize("text", [
    "Rain fell.\n\nOn 3 June 2015 the dam broke.",                    # a date in a sentence
    "Floods Hit Coast\n\nUpdated 12:30 GMT\n\nRain fell.",            # no year
    "Floods Hit Coast\n\n" + "Rain fell all week.\n\n" * 12 + "Published on 3 June 2015",  # too deep
])
def test_find_text_date_ignores(text: str) -> None:
    assert find_text_date(text) is None
