"""The sources file: the feeds, URL lists, sitemaps and folders a user follows, validated.

``sources.yaml`` (beside the warehouse by default, ``--sources FILE`` otherwise) holds a list of
sources under ``sources:``. Each has a ``name``, a ``kind`` and its location(s), an optional schedule
and options::

    sources:
      - name: world
        kind: feed                    # feed | urls | sitemap | path
        url: https://example.org/world/rss.xml
        every: 15m                    # or cron: "*/15 * * * *"
        fetch_articles: true          # read the article behind each entry (default), else the entry text
        include: ['/world/']          # regular expressions on the article URL
        exclude: ['/live/']
        language: en
        max_items: 50

A mistake is reported with the file, the line and the field::

    sources.yaml:7: source 'world': every: '15 minutes' is not a duration like 30s, 15m, 2h or 1d

>>> s = Source(name="w", kind="feed", url="https://example.org/rss.xml", every="15m")
>>> s.interval_seconds, s.locations
(900, ['https://example.org/rss.xml'])
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newslake.settings import Settings

SOURCES_FILE = "sources.yaml"
DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d)\s*$")
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MIN_INTERVAL_SECONDS = 1


class SourcesError(ValueError):
    """The sources file cannot be read or is invalid: one line per problem, with file, line and field."""


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^/\s]+", url):
        raise ValueError(f"{url!r} is not an http(s) URL")
    return url


Url = Annotated[str, AfterValidator(_check_url)]


def parse_duration(text: str) -> int:
    """Seconds in ``30s``, ``15m``, ``2h`` or ``1d``: ``parse_duration("15m")`` -> 900."""
    m = DURATION.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not a duration like 30s, 15m, 2h or 1d")
    seconds = int(m.group(1)) * UNIT_SECONDS[m.group(2)]
    if seconds < MIN_INTERVAL_SECONDS:
        raise ValueError(f"{text!r} is shorter than {MIN_INTERVAL_SECONDS}s")
    return seconds


class Source(BaseModel):
    """One declared source."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Unique name; documents record it in `documents.source`.")
    kind: Literal["feed", "urls", "sitemap", "path"] = Field(description="What the location is.")
    url: str | None = Field(None, description="The feed or sitemap URL (kind feed, sitemap).")
    urls: list[Url] = Field(default_factory=list, description="Article URLs (kind urls).")
    paths: list[str] = Field(default_factory=list, description="Files, folders or globs (kind path).")
    every: str | None = Field(None, description="Run every 30s, 15m, 2h, 1d.")
    cron: str | None = Field(None, description="Or a cron schedule, e.g. '*/15 * * * *'.")
    fetch_articles: bool = Field(True, description="Read the article behind each feed entry (else the entry's own text).")
    include: list[str] = Field(default_factory=list, description="Only article URLs matching one of these regular expressions.")
    exclude: list[str] = Field(default_factory=list, description="Skip article URLs matching one of these.")
    language: str | None = Field(None, description="ISO 639-1 language of the source's articles, when known.")
    max_items: int | None = Field(None, ge=1, description="Read at most this many entries or URLs per run.")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME.match(v):
            raise ValueError(f"{v!r}: use letters, digits, '-', '_' or '.' (at most 64, no spaces)")
        return v

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return None if v is None else _check_url(v)

    @field_validator("every")
    @classmethod
    def _every(cls, v: str | None) -> str | None:
        if v is not None:
            parse_duration(v)
        return v

    @field_validator("cron")
    @classmethod
    def _cron(cls, v: str | None) -> str | None:
        if v is not None:
            from prefect.client.schemas.schedules import CronSchedule

            try:
                CronSchedule(cron=v)
            except ValidationError:
                raise ValueError(f"{v!r} is not a valid cron schedule") from None
        return v

    @field_validator("include", "exclude")
    @classmethod
    def _patterns(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p)
            except re.error as e:
                raise ValueError(f"{p!r} is not a regular expression: {e}") from None
        return v

    @model_validator(mode="after")
    def _locations(self) -> "Source":
        needs = {"feed": "url", "sitemap": "url", "urls": "urls", "path": "paths"}[self.kind]
        if not getattr(self, needs):
            raise ValueError(f"a {self.kind} source needs `{needs}`")
        for other in {"url", "urls", "paths"} - {needs}:
            if getattr(self, other):
                raise ValueError(f"a {self.kind} source takes `{needs}`, not `{other}`")
        if self.every and self.cron:
            raise ValueError("give `every` or `cron`, not both")
        return self

    @property
    def locations(self) -> list[str]:
        return [self.url] if self.url else list(self.urls or self.paths)

    @property
    def interval_seconds(self) -> int | None:
        return parse_duration(self.every) if self.every else None

    @property
    def schedule(self) -> str:
        return f"every {self.every}" if self.every else f"cron {self.cron}" if self.cron else "manual"

    def wants(self, url: str) -> bool:
        """Whether an article URL passes the include/exclude patterns."""
        if self.include and not any(re.search(p, url) for p in self.include):
            return False
        return not any(re.search(p, url) for p in self.exclude)


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[Source]


def default_sources_file(warehouse: Path) -> Path:
    """``sources.yaml`` beside the warehouse folder (``./warehouse`` -> ``./sources.yaml``)."""
    return Path(warehouse).resolve().parent / SOURCES_FILE


def sources_path(settings: Settings, given: str | Path | None = None) -> Path:
    """The sources file: ``given``, else ``NEWSLAKE_SOURCES``, else beside the warehouse."""
    return Path(given) if given else (settings.sources or default_sources_file(settings.warehouse))


def _lines(node: yaml.Node | None) -> dict[tuple, int]:
    """1-based line of every mapping key and sequence item, by its path (as in pydantic's ``loc``)."""
    found: dict[tuple, int] = {}

    def walk(n: yaml.Node, path: tuple) -> None:
        found[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = (*path, k.value)
                found[key] = k.start_mark.line + 1
                walk(v, key)
                found[key] = k.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return found


def parse_sources(text: str, *, where: str = SOURCES_FILE) -> list[Source]:
    """Validate the text of a sources file; raise :class:`SourcesError` naming line and field.

    >>> parse_sources("sources:\\n  - name: a\\n    kind: feed\\n    url: ftp://x\\n", where="s.yaml")
    Traceback (most recent call last):
    ...
    newslake.sources.SourcesError: s.yaml:4: source 'a': url: 'ftp://x' is not an http(s) URL
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SourcesError(f"{where}{line}: not valid YAML: {problem}") from None
    if isinstance(data, list):  # a bare list of sources is accepted too
        data, node = {"sources": data}, yaml.MappingNode("tag:yaml.org,2002:map", [
            (yaml.ScalarNode("tag:yaml.org,2002:str", "sources", start_mark=node.start_mark), node)],
            start_mark=node.start_mark)
    if not isinstance(data, dict):
        raise SourcesError(f"{where}:1: expected `sources:` with a list of sources")
    lines = _lines(node)
    try:
        sources = SourcesFile.model_validate(data).sources
    except ValidationError as e:
        problems = []
        for err in e.errors():
            loc = tuple(err["loc"])
            line = next((lines[loc[:i]] for i in range(len(loc), -1, -1) if loc[:i] in lines), 1)
            who = ""
            if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int):
                item = data["sources"][loc[1]]
                name = item.get("name") if isinstance(item, dict) else None
                who = f"source {name!r}: " if name else f"source #{loc[1] + 1}: "
                loc = loc[2:]
            field = ".".join(str(p) for p in loc)
            msg = err["msg"].removeprefix("Value error, ") if err["type"] != "extra_forbidden" else "unknown field"
            problems.append(f"{where}:{line}: {who}{field + ': ' if field else ''}{msg}")
        raise SourcesError("\n".join(problems)) from None
    seen: dict[str, int] = {}
    for i, s in enumerate(sources):
        if s.name in seen:
            raise SourcesError(f"{where}:{lines.get(('sources', i, 'name'), 1)}: source {s.name!r}: "
                               f"name: already used by source #{seen[s.name] + 1}")
        seen[s.name] = i
    return sources


def load_sources(path: Path) -> list[Source]:
    """The sources declared in ``path`` (a clear :class:`SourcesError` when missing or invalid)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(f"{path}: no such sources file (create one, or pass --sources FILE)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SourcesError(f"{path}: cannot read: {e}") from None
    return parse_sources(text, where=str(path))


def find_source(sources: list[Source], name: str, *, where: str = SOURCES_FILE) -> Source:
    for s in sources:
        if s.name == name:
            return s
    known = ", ".join(s.name for s in sources) or "none"
    raise SourcesError(f"{where}: no source named {name!r} (declared: {known})")
