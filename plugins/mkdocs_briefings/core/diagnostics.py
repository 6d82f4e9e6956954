"""Problems an editor can cause, as data: the core never logs, it reports.

Every message names a file and a line and says how to fix the problem,
because the reader is an editor looking at a build log, not a developer
looking at a traceback. Warnings are returned (the mkdocs adapter logs them,
so `mkdocs build --strict` fails on them); errors stop the build through
`BriefingsError`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

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


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' — did you mean 'title'?' for a near miss, else an empty string.

    Typos in keys are the commonest editing mistake and otherwise fail
    silently (the key is just ignored), so the nearest valid key is named.
    """
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def unknown_key(path: str, line: int, key: object, valid: Sequence[str], where: str) -> Diagnostic:
    """The message for a key that is not part of a schema."""
    shown = str(key)
    return Diagnostic(
        path,
        line,
        f"unknown key '{shown}' in {where}{did_you_mean(shown, valid)} (valid keys: {', '.join(valid)})",
    )


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """File order, then line order, without duplicates: stable output for logs and tests."""
    return tuple(sorted(set(diagnostics)))
