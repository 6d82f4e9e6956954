"""Messages that name a file show its name as text: control characters are escaped, never obeyed."""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.diagnostics import Diagnostic


@pytest.mark.parametrize(
    "path, message, shown",
    [
        ("seeds/\x1b[2J\x1b[32mok\x1b[0m.txt", "bad date", "seeds/\\x1b[2J\\x1b[32mok\\x1b[0m.txt:3: bad date"),
        ("seeds/bell\x07.txt", "x", "seeds/bell\\x07.txt:3: x"),
        ("seeds/rlo\u202etxt.exe", "x", "seeds/rlo\\u202etxt.exe:3: x"),
        ("seeds/bad-byte-\udcff.txt", "x", "seeds/bad-byte-\\udcff.txt:3: x"),
        ("seeds/line\nbreak.txt", "x", "seeds/line\\x0abreak.txt:3: x"),
        ("seeds/Zürich 中文.txt", "naïve – “quotes”", "seeds/Zürich 中文.txt:3: naïve – “quotes”"),  # printable text stays
    ],
)
def test_diagnostics_escape_control_characters(path: str, message: str, shown: str) -> None:
    assert str(Diagnostic(path, 3, message)) == shown
