"""YAML with line numbers: the values, and where each key and item was written.

Editors' YAML (overlay front matter, the entity register) needs messages that
point at a line, so documents are composed into nodes (whose marks carry
lines) and constructed from those same nodes. Dates are left as strings
(the timestamp resolver is removed) so that a bad date becomes a message on
its line instead of an exception from inside the YAML library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

import yaml

from .diagnostics import Diagnostic

#: libyaml's parser when present: front matter of hundreds of seeds is parsed on
#: every build, and the pure-Python scanner is the slowest part of loading.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type, misc]  # a base chosen at import time (libyaml or not)
    """A safe loader without implicit timestamps (we validate dates ourselves)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Key = str | int


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document and its node tree, for line look-ups.

    `first_line` is the file line of the document's first line, so front
    matter that starts on line 2 of a file reports file lines.
    """

    data: Any
    node: yaml.Node | None
    first_line: int = 1
    #: Each mapping node's keys, indexed on first use: a look-up per key must not scan the
    #: mapping (20,000 misspelt keys took 17 s, quadratic in the front matter's size).
    _keys: dict[int, dict[str, tuple[int, yaml.Node]]] = field(default_factory=dict, compare=False, repr=False)

    def line(self, *path: Key) -> int:
        """File line of the key (or list item) at `path`; the nearest parent's line if absent."""
        return self.first_line + self._find(path)[1]

    def scalar(self, *path: Key) -> str | None:
        """The text of the scalar at `path` as written (`false`, `2024`, `no`), or None.

        YAML reads such words as booleans and numbers; a schema that expects
        text (`status: false`, `title: 2024`) takes what the editor wrote.
        """
        node, _, found = self._find(path)
        return node.value if found and isinstance(node, yaml.ScalarNode) else None

    def _index(self, node: yaml.MappingNode) -> dict[str, tuple[int, yaml.Node]]:
        """A mapping's scalar keys -> (line of the key, value node); the first of a repeated key wins."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    index.setdefault(key_node.value, (key_node.start_mark.line, value_node))
            self._keys[id(node)] = index
        return index

    def _find(self, path: tuple[Key, ...]) -> tuple[yaml.Node | None, int, bool]:
        """The node at `path`, the 0-based line of the nearest node found on the way, and whether all of it was."""
        node = self.node
        if node is None:
            return None, 0, not path
        line = node.start_mark.line
        for step in path:
            found: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                hit = self._index(node).get(step) if isinstance(step, str) else None
                if hit is not None:
                    line, found = hit
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                found = node.value[step]
                line = found.start_mark.line
            if found is None:
                return node, line, False
            node = found
        return node, line, True


class YamlError(ValueError):
    """A YAML document that could not be parsed; carries a ready diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


def parse_yaml(text: str, path: str, first_line: int = 1) -> YamlDoc:
    """Parse one YAML document, raising YamlError naming `path` and the line.

    Only the safe subset is accepted: tags such as `!!python/object` are
    refused, so a register or overlay can never run code.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _has_alias(node):
            raise YamlError(_alias_diagnostic(text, path, first_line))
        data = loader.construct_document(node) if node is not None else None
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # An error found at the end of the stream belongs to the document's last line,
        # not to the closing '---' after it (libyaml reports one line further than PyYAML).
        line = first_line + min(mark.line if mark else 0, text.count("\n"))
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(Diagnostic(path, line, f"invalid YAML: {problem}; check indentation, colons and quotes", "error")) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise YamlError(Diagnostic(path, first_line, f"invalid YAML: {exc}", "error")) from None
    finally:
        loader.dispose()
    return YamlDoc(data, node, first_line)


def _has_alias(root: yaml.Node) -> bool:
    """Whether any node is reached twice: that is what an alias (`*name`) makes.

    An alias shares its anchor's node, so the composed tree stays as small as
    the text, but constructing it copies the value at every use: nine lines of
    aliases of aliases (a "billion laughs") expand to billions of items and
    end in a MemoryError after half a minute. Editors' YAML has no need of
    them, so they are refused before anything is constructed; the walk stops
    at the first repeat, so it is linear in the text (and ends on a
    self-referencing alias too).
    """
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return False


def _alias_diagnostic(text: str, path: str, first_line: int) -> Diagnostic:
    """The error for a document with aliases, on the line of the first one (never its expanded value)."""
    line = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                line = event.start_mark.line
                break
    except yaml.YAMLError:
        pass
    return Diagnostic(
        path,
        first_line + line,
        "YAML aliases ('*name' repeating an '&name' anchor) are not accepted: write the value out in full",
        "error",
    )


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z ]*)?$")


def parse_date(value: Any) -> Date | None:
    """A date from 'YYYY-MM-DD' (a time after it is allowed and dropped), else None."""
    if isinstance(value, Date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
