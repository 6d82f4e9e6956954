"""One declarative schema for editors' YAML: seed front matter, overlays, the entity register.

Each input is a `Schema` of `Field`s (name, parser, message, default, and
whether a bad value makes the whole mapping unusable), read by one reader
that reports through one `Report`. So every input follows the same rules:

- every problem is reported in the same run, each on its file line (an
  unknown key, then each field in schema order; a mapping that cannot be used
  still has its other fields checked), never one problem per build;
- a key given as `null` (`title:` with nothing after it) is a key not given;
- a scalar is read as the editor wrote it: YAML reads `false`, `no` and
  `2024` as a boolean or a number, but `status: false` means the status
  "false", and `title: 2024` the title "2024" (the text of the YAML node,
  never Python's `False`);
- text loses invisible characters (`inputs.clean_text`), and a URL is
  http(s) only (`is_web_url`, the one rule the renderer checks again).

The messages stay with their fields (`{name}`, `{value}`, `{owner}` are
filled in), so each file's messages read as before while the rules live
here once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any
from urllib.parse import urlsplit

from .diagnostics import Diagnostic, did_you_mean, quoted, unknown_key
from .inputs import clean_text
from .yamldoc import Key, YamlDoc, parse_date

#: Messages for the mistakes that can be made in several files, worded once.
DATE_MESSAGE = "bad date {value}: write it as YYYY-MM-DD"
TAGS_MESSAGE = "'tags' must be a list of words, e.g. [ukraine, diplomacy]"
WEB_ONLY = "only http:// and https:// links are allowed"


def bad_url(what: str) -> str:
    """The message for a refused link, `what` naming it ("url", "source")."""
    return f"bad {what} {{value}}: {WEB_ONLY}"


_URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)


def is_web_url(value: str) -> bool:
    """http(s) with a host only: a `javascript:` or `data:` link must never reach a page.

    The one URL rule: inputs are checked with it here, and the renderer
    (`render/safety.web_url`) checks again with it before printing a link.
    """
    if not _URL.match(value) or any(c in value for c in "<>\"'` "):
        return False
    try:
        return bool(urlsplit(value).netloc)
    except ValueError:  # an unclosed IPv6 bracket
        return False


class Invalid(ValueError):
    """A value a parser refuses. `hint` is added to the field's message (`{hint}`); `message` replaces it."""

    def __init__(self, message: str = "", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Report:
    """Every problem of one file, each on its line: the one way validation reports."""

    def __init__(self, shown: str, doc: YamlDoc | None = None) -> None:
        self.shown = shown
        self.doc = doc
        self.diagnostics: list[Diagnostic] = []

    def line(self, path: tuple[Key, ...]) -> int:
        return self.doc.line(*path) if self.doc is not None else 1

    def add(self, path: tuple[Key, ...], message: str, severity: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(self.shown, self.line(path), message, severity))

    def unknown(self, path: tuple[Key, ...], key: Any, valid: tuple[str, ...], where: str) -> None:
        """A key the schema does not have (any YAML key: a list or a number too), on its line."""
        self.diagnostics.append(unknown_key(self.shown, self.line((*path, key)), key, valid, where))


@dataclass(frozen=True)
class Value:
    """A value as read from YAML, where it was written, and the report its problems go to."""

    data: Any
    path: tuple[Key, ...]
    report: Report
    owner: str = ""

    @property
    def line(self) -> int:
        return self.report.line(self.path)

    def text(self) -> str | None:
        """A scalar as the editor wrote it (`false`, `2024`), else None (a list or a mapping)."""
        if isinstance(self.data, str):
            return self.data
        if isinstance(self.data, (bool, int, float, Date)) and self.report.doc is not None:
            written = self.report.doc.scalar(*self.path)
            if written is not None:
                return written
        if isinstance(self.data, (int, float)) and not isinstance(self.data, bool):
            return str(self.data)
        return None

    def item(self, key: Key, data: Any) -> Value:
        return Value(data, (*self.path, key), self.report, self.owner)


Parser = Callable[[Value], Any]


@dataclass(frozen=True)
class Field:
    """One key: how its value is read, and what is said (and kept) when it cannot be."""

    name: str
    parse: Parser
    #: Said when the value is refused: `{name}`, `{value}` (as written), `{owner}`, `{hint}` are filled in.
    message: str = "'{name}' must be text"
    default: Any = None
    #: Said (on the mapping's line) when the key is not given; None: the key may be left out.
    missing: str | None = None
    #: A refused (or missing) value makes the whole mapping unusable.
    essential: bool = False
    severity: str = "warning"


@dataclass(frozen=True)
class Schema:
    """A mapping's keys: those it may hold, and how each is read."""

    fields: tuple[Field, ...]
    #: What the mapping is, in an unknown key's message ("overlay front matter", "a register entry").
    where: str
    #: Said when the value is not a mapping at all.
    not_mapping: str
    not_mapping_severity: str = "warning"
    #: The words naming the mapping in field messages (`{owner}`), from its values read so far.
    owner: Callable[[Mapping[str, Any]], str] = field(default=lambda values: "")
    #: Keys the mapping may hold that another module reads and checks (not unknown here).
    elsewhere: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key the mapping may hold, in the order messages list them."""
        return (*(f.name for f in self.fields), *self.elsewhere)

    def read(self, value: Value) -> tuple[dict[str, Any], bool] | None:
        """Every field's value (its default where it is missing or refused), and whether the mapping
        is usable (no essential field refused); None when it is not a mapping at all.

        Every problem is reported, an unusable mapping's included: its values
        are returned too, so that checks across mappings (a name registered
        twice) report its problems in the same run.
        """
        data, report = value.data, value.report
        if not isinstance(data, dict):
            report.add(value.path, self.not_mapping, self.not_mapping_severity)
            return None
        for key in data:
            if key not in self.keys:
                report.unknown(value.path, key, self.keys, self.where)
        out: dict[str, Any] = {}
        usable = True
        for f in self.fields:
            given = data.get(f.name)
            if given is None:
                if f.missing is not None:
                    report.add(value.path, f.missing.format(name=f.name, owner=self.owner(out)), f.severity)
                    usable = usable and not f.essential
                out[f.name] = f.default
                continue
            item = Value(given, (*value.path, f.name), report, self.owner(out))
            try:
                out[f.name] = f.parse(item)
            except Invalid as bad:
                shown = item.text()
                message = bad.message or f.message.format(
                    name=f.name, value=quoted(shown if shown is not None else given), owner=item.owner, hint=bad.hint
                )
                report.add(item.path, message, f.severity)
                out[f.name] = f.default
                usable = usable and not f.essential
        return out, usable


# -- parsers -------------------------------------------------------------------------------------


def text(collapse: bool = False, empty: bool = False) -> Parser:
    """A scalar as text, invisible characters removed; `collapse` joins runs of white space."""

    def parse(value: Value) -> str:
        raw = value.text()
        if raw is None:
            raise Invalid
        out = " ".join(clean_text(raw).split()) if collapse else clean_text(raw).strip()
        if not out and not empty:
            raise Invalid
        return out

    return parse


def words(collapse: bool = False) -> Parser:
    """A list of texts (one text counts as a list of one), each once, in order; any other item refuses the list."""
    one = text(collapse)

    def parse(value: Value) -> tuple[str, ...]:
        items = [value] if not isinstance(value.data, list) else [value.item(i, d) for i, d in enumerate(value.data)]
        out: dict[str, None] = {}  # ordered, and each look-up constant: a list of 100,000 tags stays linear
        for item in items:
            if item.data is None:
                raise Invalid
            out.setdefault(one(item))
        return tuple(out)

    return parse


def one_of(choices: Collection[str]) -> Parser:
    """A text that must be one of `choices` (`status: false` is the status "false", not a boolean)."""

    def parse(value: Value) -> str:
        raw = value.text()
        if raw is None or raw not in choices:
            raise Invalid(hint=did_you_mean(str(raw if raw is not None else value.data), choices))
        return raw

    return parse


def web_url(value: Value) -> str:
    """An http(s) link."""
    raw = value.text()
    if raw is None or not is_web_url(clean_text(raw).strip()):
        raise Invalid
    return clean_text(raw).strip()


def web_urls(message: str) -> Parser:
    """A list of links: each bad one is reported on its own line (with `message`) and left out."""
    items = words()

    def parse(value: Value) -> tuple[str, ...]:
        good: list[str] = []
        for i, link in enumerate(items(value)):
            if is_web_url(link):
                good.append(link)
            else:
                at = value.item(i, link) if isinstance(value.data, list) else value
                value.report.add(at.path, message.format(value=quoted(link), owner=value.owner))
        return tuple(good)

    return parse


def date(value: Value) -> Date:
    """YYYY-MM-DD (a time after it is allowed and dropped)."""
    got = parse_date(value.data)
    if got is None:
        raise Invalid
    return got


def boolean(value: Value) -> bool:
    if not isinstance(value.data, bool):
        raise Invalid
    return value.data


def mapping(schema: Schema) -> Parser:
    """A nested mapping read with its own schema; refused (its default kept) when it is not a mapping."""

    def parse(value: Value) -> dict[str, Any]:
        got = schema.read(value) if isinstance(value.data, dict) else None
        if got is None:
            raise Invalid(schema.not_mapping)
        return got[0]

    return parse


def entries(schema: Schema, not_list: str) -> Parser:
    """A list of mappings, each read with `schema`: the usable ones, in order (the others are reported)."""

    def parse(value: Value) -> tuple[tuple[int, dict[str, Any]], ...]:
        if not isinstance(value.data, list):
            raise Invalid(not_list)
        out = []
        for i, data in enumerate(value.data):
            got = schema.read(value.item(i, data))
            if got is not None and got[1]:
                out.append((i, got[0]))
        return tuple(out)

    return parse


def read(schema: Schema, data: Any, report: Report, path: tuple[Key, ...] = ()) -> tuple[dict[str, Any], bool] | None:
    """Read one mapping (front matter, a register entry) with `schema`, reporting to `report`."""
    return schema.read(Value(data, path, report))
