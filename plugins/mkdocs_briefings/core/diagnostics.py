"""Problems an editor can cause, as data: the core never logs, it reports.

Every message names a file and a line and says how to fix the problem,
because the reader is an editor looking at a build log, not a developer
looking at a traceback. Warnings are returned (the mkdocs adapter logs them,
so `mkdocs build --strict` fails on them); errors stop the build through
`BriefingsError`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: What a terminal obeys or hides rather than shows: C0 and C1 controls (ANSI escape
#: sequences start with ESC), text-direction controls, and lone surrogates (the
#: undecodable bytes of a file name).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """`text` with every control character written as an escape (ESC -> '\\x1b').

    Seed file names come from outside (a scrape, a pull request): a name
    holding `ESC[2J` would clear an editor's terminal, or paint a fake "ok",
    when a message names the file. Messages are one line each, so newlines
    are escaped too.
    """
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input file.

    `path` is relative to the project root with forward slashes (what an
    editor sees in their tree); `line` is 1-based, 0 when the problem belongs
    to the whole file.
    """

    path: str
    line: int
    message: str
    severity: str = "warning"
    #: About this build's cache rather than its inputs (an entry recomputed): reported once, and
    #: not kept with the pages for the next build, which finds the entry already rewritten.
    transient: bool = False

    def __str__(self) -> str:
        """`path:line: message`, control characters escaped: what a log or terminal shows."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return escape_controls(f"{where}: {self.message}")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class BriefingsError(Exception):
    """Input the build cannot go on with; `.diagnostic` names file and line.

    `.diagnostics` holds every error found in the same pass, so an editor
    can fix them all at once instead of one build per mistake.
    """

    def __init__(self, diagnostic: Diagnostic, diagnostics: Sequence[Diagnostic] = ()) -> None:
        self.diagnostic = diagnostic
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics) or (diagnostic,)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


#: The longest value a message quotes: a megabyte of front matter must not become a megabyte of log.
QUOTE_LIMIT = 80


def quoted(value: object) -> str:
    """A value as a message shows it: its repr, cut short with an ellipsis when long."""
    text = repr(value[: QUOTE_LIMIT + 1] if isinstance(value, str) else value)
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "\u2026"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' — did you mean 'title'?' for a near miss, else an empty string.

    Typos in keys are the commonest editing mistake and otherwise fail
    silently (the key is just ignored), so the nearest valid key is named.
    """
    if len(word) > QUOTE_LIMIT:  # no key is that long; comparing would cost time for nothing
        return ""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def unknown_key(path: str, line: int, key: object, valid: Sequence[str], where: str) -> Diagnostic:
    """The message for a key that is not part of a schema."""
    shown = str(key)
    return Diagnostic(
        path,
        line,
        f"unknown key {quoted(shown)} in {where}{did_you_mean(shown, valid)} (valid keys: {', '.join(valid)})",
    )


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """File order, then line order, without duplicates: stable output for logs and tests."""
    return tuple(sorted(set(diagnostics)))
