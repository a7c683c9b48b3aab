"""Text normalisation and front-matter splitting (pure, on ``str``).

``normalize_text`` makes whitespace canonical so that two inputs differing only in whitespace give
the same text (and therefore the same ``doc_id``). ``split_front_matter`` separates the header of a
news text (section/kicker label, headline, standfirst, byline) and boilerplate lines (image
credits, subscribe prompts, "Advertisement", a repeated headline...) from the analysed body.

>>> fm = split_front_matter(normalize_text(
...     "World\\n\\nFloods Hit Coast\\n\\nThousands were moved to safety.\\n\\nPhoto: AP\\n\\n"
...     "Heavy rain fell for three days.\\n\\nAdvertisement\\n\\nRoads were closed."))
>>> fm.section, fm.title, fm.subtitle
('World', 'Floods Hit Coast', 'Thousands were moved to safety.')
>>> fm.text
'Heavy rain fell for three days.\\n\\nRoads were closed.'
>>> fm.boilerplate
('Photo: AP', 'Advertisement')

The phrase lists are data (``CREDIT_PREFIXES``, ``BOILERPLATE_LINES``, ``BOILERPLATE_PHRASES``);
extend them rather than the code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

# --------------------------------------------------------------------------- whitespace

_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"[\t\x1f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# C0/C1 controls (not \n) and invisible format characters (ZWSP, BOM, soft hyphen, bidi marks...)
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TERMINAL = tuple(".!?:;\"”’')]…")


def normalize_text(text: str) -> str:
    """Canonical whitespace: NFC, ``\\n`` newlines, single spaces, one blank line between paragraphs.

    Also drops invisible characters, and re-joins hard-wrapped text (see :func:`unwrap`) so that
    every paragraph is one line. Idempotent.

    >>> normalize_text("  Hello\\u00a0 world \\r\\n\\r\\n\\r\\n\\nNext  para\\t")
    'Hello world\\n\\nNext para'
    """
    text = _SURROGATES.sub("\ufffd", text)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", _BREAKS.sub("\n", text)))
    raw_lines = text.split("\n")
    lines = [_SPACES.sub(" ", line).strip(" ") for line in raw_lines]
    indents = [len(r) - len(r.lstrip(" \t\u00a0\u3000")) for r in raw_lines]
    text = "\n".join(unwrap(lines, indents))
    text = _BLANK_RUNS.sub("\n\n", text).strip("\n")
    return unicodedata.normalize("NFC", text)


WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 40, 120  # typical hard-wrap widths (email, wire copy: 60-80)
WRAP_FULL = 0.75  # a line reaching this share of the width is "full"
WRAP_MIN_SHARE = 0.75  # share of inner lines that must be full for the text to count as wrapped


def unwrap(lines: list[str], indents: list[int] | None = None) -> list[str]:
    """Re-join hard-wrapped lines; paragraphs become one line each, separated by a blank line.

    Text counts as hard-wrapped when most non-final lines of multi-line blocks are close to one
    width between 40 and 120 characters. A paragraph then ends at a blank line, before a line
    indented deeper than the one above, or after a line well short of the width that ends in
    closing punctuation (a short first line after a removed dateline does not end one).

    >>> unwrap(["The river burst its banks on Monday, flooding dozens of",
    ...         "homes near the old mill, officials said on Tuesday.",
    ...         "Crews worked through the night to move families to",
    ...         "the school gym."], [0, 0, 4, 0])
    ['The river burst its banks on Monday, flooding dozens of homes near the old mill, officials said on Tuesday.', '', 'Crews worked through the night to move families to the school gym.']
    """
    indents = indents or [0] * len(lines)
    width = _wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    para = ""
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else ""
        new_para = not prev or indents[k] > indents[k - 1] + 1 \
            or (len(prev) < WRAP_FULL * width and prev.endswith(_TERMINAL))
        if new_para and para:
            out += [para, ""]
            para = ""
        if not line:
            continue
        if para.endswith("-") and para[-2:-1].isalpha() and line[:1].islower():
            para += line  # "well-" + "known"
        else:
            para = f"{para} {line}" if para else line
    if para:
        out.append(para)
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The hard-wrap width of ``lines``, or None when they are not hard-wrapped.

    Looks at lines followed by another line of the same block; a short line closing a sentence
    is expected in wrapped text and does not count against it.
    """
    inner = [len(line) for k, line in enumerate(lines[:-1]) if line and lines[k + 1]]
    if len(inner) < 3:
        return None
    width = sorted(inner)[int(0.9 * (len(inner) - 1))]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    judged = [len(line) for k, line in enumerate(lines[:-1]) if line and lines[k + 1]
              and (len(line) >= WRAP_FULL * width or not line.endswith(_TERMINAL))]
    full = sum(1 for n in judged if n >= WRAP_FULL * width)
    return width if len(judged) >= 3 and full >= WRAP_MIN_SHARE * len(judged) else None


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs. ``paragraphs("a\\n\\nb")`` -> ``['a', 'b']``."""
    return [p for p in text.split("\n\n") if p.strip()]


# --------------------------------------------------------------------------- markdown

def _heading(m: re.Match[str]) -> str:
    """ "## Heading ##" -> "Heading": the closing run of #s goes only when a space precedes it."""
    text = m.group(1).rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip(" \t")
    return text


# Every pattern runs in linear time: no two unbounded quantifiers can match the same characters,
# and an opening bracket, parenthesis or emphasis marker ends the scan of the one before it (so
# "[[[[…" or "**a **a …" cannot make a match attempt per character scan to the end of the text).
_MD_RULES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"^```.*$", re.M), ""),                                  # code fences (keep content)
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M), _heading),       # "## Heading ##" -> Heading
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),            # horizontal rules
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),                         # block quotes
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), ""),                          # images
    (re.compile(r"\[([^\[\]]+)\]\([^()]*\)"), r"\1"),                       # [text](url) -> text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),                      # [text][ref] -> text
    (re.compile(r"^[ \t]{0,3}\[[^\[\]\n]+\]:[ \t]+\S+.*$", re.M), ""),        # [ref]: url
    (re.compile(r"\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*"), r"\1"),                # **strong**
    (re.compile(r"__(?=[^\s_])([^_\n]+?)(?<=\S)__"), r"\1"),                    # __strong__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),    # *em*
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),    # _em_
    (re.compile(r"`([^`]+)`"), r"\1"),                                   # `code`
)


def strip_markdown(text: str) -> str:
    """Remove Markdown syntax, keeping the words (linear time in the length of ``text``).

    >>> strip_markdown("# The *big* story\\n\\nSee [the report](http://x.org) and **more**.")
    'The big story\\n\\nSee the report and more.'
    >>> strip_markdown("## Learn C# ##")
    'Learn C#'
    """
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


# --------------------------------------------------------------------------- HTML fragments

_BLOCK_TAGS = frozenset(
    "p div section article header footer li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr "
    "figure figcaption dl dt dd hr address aside main nav".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "head", "nav",
                        "header", "footer", "aside", "form", "button", "select"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(fragment: str) -> str:
    """Simple HTML-to-text for fragments (feed entries): block elements become paragraphs;
    scripts, styles and page chrome (nav, header, footer, aside, forms) are skipped.

    >>> html_to_text("<p>One &amp; two</p><p>Three<br>four</p><script>x()</script>")
    'One & two\\n\\nThree\\nfour'
    """
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    return normalize_text("".join(parser.parts))


# --------------------------------------------------------------------------- boilerplate rules

CREDIT_PREFIXES: tuple[str, ...] = (
    "credit", "credits", "image", "images", "image credit", "image source", "photo", "photos",
    "photo credit", "photograph", "photography", "picture", "pictures", "illustration",
    "graphic", "file photo", "caption", "video", "watch",
)
"""A short line starting with one of these and ``:`` or ``|`` is a media credit: "Credit: via"."""

BOILERPLATE_LINES: tuple[str, ...] = (
    "advertisement", "advertising", "sponsored", "sponsored content", "share", "share this",
    "share this article", "share this story", "share on facebook", "share on twitter",
    "tweet", "email", "print", "comments", "read more", "continue reading", "read full article",
    "related", "related articles", "related stories", "recommended", "most read", "most popular",
    "story continues below", "story continues below advertisement", "skip to content",
    "back to top", "top of page", "subscribe", "subscribe now", "sign up", "log in", "sign in",
    "reuter", "reuters",
    "listen to this article", "click to enlarge", "view gallery", "open image in gallery",
)
"""A line that is exactly one of these (ignoring case and trailing punctuation): "Advertisement"."""

BOILERPLATE_PREFIXES: tuple[str, ...] = (
    "read more:", "read more -", "also read:", "see also:", "related:", "related coverage:",
    "more on this story:", "recommended:", "follow us on", "follow the latest", "click here",
    "sign up for", "subscribe to", "©", "copyright ©", "all rights reserved",
)
"""A short line starting with one of these: "Read more: Floods hit coast"."""

BOILERPLATE_PHRASES: tuple[str, ...] = (
    "click here to subscribe", "subscribe for full access", "subscribe now for",
    "to continue reading", "already a subscriber", "this article is for subscribers",
    "subscribers only", "become a member today", "support our journalism", "enjoying this article?",
    "sign up for our newsletter", "sign up to our newsletter", "get our newsletter",
    "this content is not available", "enable javascript", "we use cookies", "accept cookies",
    "all rights reserved",
)
"""A short line containing one of these: "Enjoying this article? Click here to subscribe..."."""

MAX_BOILERPLATE_CHARS = 220  # longer lines are prose, whatever words they contain

_CREDIT = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(CREDIT_PREFIXES, key=len, reverse=True))
    + r")\s*[:|]", re.I,
)
_PHOTO_BY = re.compile(r"^\(?(?:photo|image|picture|illustration)s?\s+(?:by|courtesy of|via)\b", re.I)
_TRAILING = " :!|-–—>»›→…"  # not ".": "share." ends a sentence, "Share" is a button


def is_boilerplate(line: str) -> bool:
    """True for a line that is a credit, prompt, share/ad marker or link teaser.

    >>> [is_boilerplate(s) for s in ("Photo: Reuters", "Advertisement", "The vote was close.")]
    [True, True, False]
    """
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return False
    low = line.casefold()
    if low.strip(_TRAILING) in BOILERPLATE_LINES:
        return True
    if _CREDIT.match(line) or _PHOTO_BY.match(line):
        return True
    if low.startswith(BOILERPLATE_PREFIXES):
        return True
    return any(p in low for p in BOILERPLATE_PHRASES)


# --------------------------------------------------------------------------- header lines

_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
           r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|monday|tuesday|wednesday|"
           r"thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b\.?,?")
PUBLISHED_LINE = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|date)(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
    r"(?P<date>(?:\d|" + _MONTHS + r")[^\n]{0,60})$",
    re.I,
)
"""A header line stating the date: "Published on 3 June 2015, 10:02 GMT"."""

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
BYLINE = re.compile(
    r"^(?:By|BY|(?:Words|Written|Reporting) by|(?:WORDS|WRITTEN|REPORTING) BY)\s+(?!(?i:" + _MONTHS + r"|the|this|that)\b)"
    r"(?P<name>" + _NAME + r"(?:\s*(?:and|&)\s*" + _NAME + r")?)(?:\s*[,|·•—–-][^.!?]{0,50})?$"
)
"""A byline: "By Jane Doe and John Smith | Reuters" (name group: "Jane Doe and John Smith")."""

_WORD = re.compile(r"\w+")


def _fold(s: str) -> str:
    """Comparison key: case, quotes and spacing do not matter. ``_fold("It’s  A") == "it's a"``."""
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.casefold().split()).strip(" .")


def is_label(line: str) -> bool:
    """A kicker/section label: at most 4 words, no sentence punctuation ("Crossroads Asia")."""
    words = _WORD.findall(line)
    return 0 < len(words) <= 4 and len(line) <= 40 and not line.endswith((".", ",", ";", ":"))


def is_headline(line: str) -> bool:
    """A headline: one line, 1-30 words, not ending like a sentence ("Floods Hit Coast")."""
    words = _WORD.findall(line)
    return 0 < len(words) <= 30 and len(line) <= 250 and not line.endswith((".", ",", ";", ":"))


def is_standfirst(line: str) -> bool:
    """A standfirst: one sentence-like line of 20-300 characters ending in ``.``/``!``/``?``."""
    return 20 <= len(line) <= 300 and line.rstrip("”’\"'").endswith((".", "!", "?")) \
        and not line.startswith(("“", '"', "‘", "'"))


# --------------------------------------------------------------------------- splitting

@dataclass(frozen=True)
class FrontMatter:
    """The parts of a normalised news text; ``text`` is what gets analysed."""

    section: str | None
    title: str | None
    subtitle: str | None
    author: str | None
    text: str
    boilerplate: tuple[str, ...]


def split_front_matter(text: str, *, title: str | None = None, subtitle: str | None = None,
                       section: str | None = None, author: str | None = None,
                       other_headlines: tuple[str, ...] = ()) -> FrontMatter:
    """Split normalised ``text`` into section, title, subtitle, byline, boilerplate and body.

    Given fields (from metadata) win; a leading line repeating a given field is dropped. A
    standfirst is only recognised when the header is closed by boilerplate or a byline/date line
    (a one-sentence lede looks the same as a standfirst, and the lede must stay in the body).
    ``other_headlines`` (e.g. a page's own ``<h1>`` when a record gives another title) are removed
    as boilerplate wherever they stand alone on a line.

    >>> split_front_matter("Storm Nears\\n\\nBy Ann Lee\\n\\nWinds rose.", title=None).author
    'Ann Lee'
    """
    blocks = [p.split("\n") for p in paragraphs(text)]
    removed: dict[tuple[int, int], str] = {}  # (block, line) -> line, in document order later
    others = {_fold(h) for h in other_headlines} - {_fold(title or "")}
    for b, lines in enumerate(blocks):
        for j, line in enumerate(lines):
            if is_boilerplate(line) or _fold(line) in others:
                removed[b, j] = line

    def kept(b: int) -> list[str]:
        return [ln for j, ln in enumerate(blocks[b]) if (b, j) not in removed]

    i, n = 0, len(blocks)
    found_author = author

    def skip_removed(i: int) -> tuple[int, bool]:
        """Advance over blocks that are empty once boilerplate/header lines are removed."""
        closed = False
        while i < n:
            lines = [(j, ln) for j, ln in enumerate(blocks[i]) if (i, j) not in removed]
            matches = [(j, ln, BYLINE.match(ln)) for j, ln in lines]
            if lines and all(m or PUBLISHED_LINE.match(ln) for _, ln, m in matches):
                for j, line, m in matches:  # a block of nothing but byline/date lines
                    removed[i, j] = line
                    nonlocal found_author
                    if m and found_author is None:
                        found_author = m.group("name")
            if kept(i):
                return i, closed
            closed, i = True, i + 1
        return i, closed

    i, _ = skip_removed(i)
    # section label and headline
    first = kept(i) if i < n else []
    second_i, _ = skip_removed(i + 1) if i + 1 < n else (n, False)
    second = kept(second_i) if second_i < n else []
    one_line = len(first) == 1
    if section and one_line and _fold(first[0]) == _fold(section):
        i, first = second_i, second
        one_line = len(first) == 1
        second_i, _ = skip_removed(i + 1) if i + 1 < n else (n, False)
        second = kept(second_i) if second_i < n else []
    if title is not None:
        if one_line and _fold(first[0]) == _fold(title):
            i = i + 1
        elif (section is None and one_line and is_label(first[0]) and len(second) == 1
              and _fold(second[0]) == _fold(title)):
            section, i = first[0], second_i + 1
    elif one_line and is_headline(first[0]) and second_i < n:
        if is_label(first[0]) and len(second) == 1 and is_headline(second[0]) and section is None:
            section, title, i = first[0], second[0], second_i + 1
        else:
            title, i = first[0], i + 1
    # repeated headline anywhere after the header
    if title:
        for b in range(i, n):
            for j, line in enumerate(blocks[b]):
                if (b, j) not in removed and _fold(line) == _fold(title):
                    removed[b, j] = line
    # standfirst, only when the header zone is closed after it
    i, _ = skip_removed(i)
    if subtitle is None and title is not None and i < n:
        cand = kept(i)
        nxt, closed = skip_removed(i + 1)
        if len(cand) == 1 and is_standfirst(cand[0]) and closed and nxt < n:
            subtitle, i = cand[0], nxt
    elif subtitle is not None and i < n and [_fold(x) for x in kept(i)] == [_fold(subtitle)]:
        i, _ = skip_removed(i + 1)
    body = ["\n".join(kept(b)) for b in range(i, n)]
    return FrontMatter(
        section=section, title=title, subtitle=subtitle, author=found_author,
        text="\n\n".join(p for p in body if p),
        boilerplate=tuple(removed[k] for k in sorted(removed)),
    )
