"""Reading one seed article: bytes on disk -> clean text, front matter, caption.

A seed is UTF-8 text with one paragraph a line and optional YAML front
matter. Everything that could make offsets disagree between layers (line-end
styles, a byte-order mark, invisible zero-width and bidi controls) is
normalised here, once, so the text a seed yields IS the text every later
offset points into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema as sc
from .diagnostics import Diagnostic
from .inputs import NotReadable, clean_text, read_regular
from .model import SourceInfo, Span
from .text import sentences
from .yamldoc import YamlError, parse_yaml

#: A seed's front matter (`core/schema.py`).
SEED = sc.Schema(
    (
        sc.Field("title", sc.text()),
        sc.Field("date", sc.date, sc.DATE_MESSAGE),
        sc.Field("source", sc.text()),
        sc.Field("url", sc.web_url, sc.bad_url("url")),
        sc.Field("license", sc.text()),
        sc.Field("tags", sc.words(), sc.TAGS_MESSAGE, default=()),
    ),
    where="seed front matter",
    not_mapping="front matter must be a mapping of 'key: value' lines",
    not_mapping_severity="error",
)
#: Front matter keys a seed may carry.
SEED_KEYS: tuple[str, ...] = SEED.keys

#: A photo credit ending a caption line: "Photo / AP", "Photo: Reuters",
#: "(AP Photo/Evan Vucci)", "Image: ...", "Picture: ...". It is matched against
#: the line with its trailing white space already stripped, and every run of
#: white space is possessive (`\s*+`): a run of spaces is then crossed once,
#: never retried from each of its positions, which made a caption line of
#: 20,000 spaces cost a minute and a half (quadratic in the run).
_CREDIT = re.compile(
    r"(?:\b(?:Photo|Image|Picture)\s*+[/:]\s*+[^\n]{1,80}"
    r"|\([^()\n]{0,40}\bPhoto\s*+/[^()\n]{1,60}\))$",
    re.IGNORECASE,
)

_TITLE_MAX = 90

#: The largest seed accepted. Real articles are well under 200 kB (the
#: longest Wikinews interview is 120 kB). A pasted archive of 20 MB would
#: become a page of some 280 MB that no browser can show, and cost minutes
#: and gigabytes to build, so anything over 4 MB is refused by name, before it
#: is read, with a message saying how to split it. The costliest shape within
#: the limit, 3.9 MB of nested quotes, builds in 33 CPU s with a peak of 1.2 GB
#: (tests/bench/bench_hostile.py; the claims cap of core/limits.py keeps the
#: site small, and the engine's own pass over the text is most of the cost).
MAX_SEED_BYTES = 4_000_000


@dataclass(frozen=True)
class Seed:
    """One read seed: its body text and what its front matter says."""

    path: str  # relative to seeds/, forward slashes
    text: str  # the normalised body
    info: SourceInfo
    tags: tuple[str, ...] = ()
    caption: Span | None = None  # leading photo caption, offsets into `text`

    @property
    def fallback_title(self) -> str:
        """The first sentence after any caption, shortened: a seed without a title still gets a heading."""
        start = self.caption.end if self.caption else 0
        for s, e in sentences(self.text, start, min(len(self.text), start + 2000)):
            return shorten(self.text[s:e])
        return Path(self.path).stem


def shorten(text: str, limit: int = _TITLE_MAX) -> str:
    """Cut at a word boundary with an ellipsis, for titles made from body text."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-\u2013\u2014 ")
    return (cut or text[:limit]) + "\u2026"


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text, or an error naming the byte offset (and line) where decoding failed."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Diagnostic(
            path, line, f"this looks like a binary file (NUL byte at byte offset {nul}); seeds must be UTF-8 text", "error"
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex()
        return None, Diagnostic(
            path,
            line,
            f"not UTF-8: invalid byte 0x{bad} at byte offset {exc.start}; re-save the file as UTF-8",
            "error",
        )


def read_text(file: Path, shown: str, what: str) -> tuple[str | None, Diagnostic | None]:
    """A file's cleaned text, or an error naming it: one reading path for seeds, overlays and the register.

    Only a regular file is opened (a FIFO would block the build, a device
    never end), and no more than MAX_SEED_BYTES of it is read.
    """
    try:
        data = read_regular(file, MAX_SEED_BYTES)
    except NotReadable as exc:
        return None, Diagnostic(shown, 0, f"{what} refused: {exc.strerror}", "error")
    except OSError as exc:
        return None, Diagnostic(shown, 0, f"cannot read {what}: {exc.strerror or exc}", "error")
    if len(data) > MAX_SEED_BYTES:
        message = f"{what} is more than the {MAX_SEED_BYTES / 1e6:.0f} MB an input file can be; it is refused"
        return None, Diagnostic(shown, 0, message, "error")
    text, err = decode(data, shown)
    return (clean_text(text) if text is not None else None), err


def split_front_matter(text: str, path: str) -> tuple[str | None, int, str, Diagnostic | None]:
    """(front matter YAML or None, file line where the YAML starts, body, error).

    Front matter opens with '---' on the first line and closes with '---' (or
    '...') on a line of its own; an unclosed block is an error rather than
    silently becoming body text, because the YAML would be published.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 0, text, None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), 2, "\n".join(lines[i + 1:]), None
    return None, 0, text, Diagnostic(
        path, 1, "front matter opened with '---' on line 1 is never closed: add a line '---' after it", "error"
    )


def clean_body(body: str) -> str:
    """Strip trailing white space of each line and blank lines at both ends."""
    return "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")


def find_caption(text: str) -> Span | None:
    """The first paragraph when it is a photo caption ending in a credit.

    Only when more text follows: a one-line seed is an article, not a caption.
    """
    end = text.find("\n")
    if end < 0 or not text[end:].strip():
        return None
    first = text[:end].rstrip()
    if first and _CREDIT.search(first):
        return Span.of(text, 0, end)
    return None


def read_seed(file: Path, rel: str, shown: str) -> tuple[Seed | None, list[Diagnostic]]:
    """Read one seed; `rel` is its path under seeds/, `shown` its path in messages.

    Returns None (with an error) when the file cannot be used at all.
    """
    try:
        size = file.stat().st_size
    except OSError as exc:
        return None, [Diagnostic(shown, 0, f"cannot read seed: {exc.strerror or exc}", "error")]
    if size > MAX_SEED_BYTES:
        message = (
            f"seed is {size / 1e6:.1f} MB, more than the {MAX_SEED_BYTES / 1e6:.0f} MB an article can be: "
            "split it into several seeds (an overlay can join them with 'seeds: [...]')"
        )
        return None, [Diagnostic(shown, 0, message, "error")]
    raw, err = read_text(file, shown, "seed")
    if raw is None:
        return None, [err] if err else []
    fm, fm_line, body, err = split_front_matter(raw, shown)
    if err:
        return None, [err]
    data: Any = None
    doc = None
    if fm is not None and fm.strip():
        try:
            doc = parse_yaml(fm, shown, fm_line)
        except YamlError as exc:
            return None, [exc.diagnostic]
        data = doc.data
    report = sc.Report(shown, doc)
    got = sc.read(SEED, {} if data is None else data, report, ())
    diags = report.diagnostics
    if got is None:
        return None, diags
    meta = got[0]
    text = clean_body(body)
    if not text.strip():
        diags.append(Diagnostic(shown, 0, "seed has no article text after its front matter; it is skipped"))
        return None, diags
    info = SourceInfo(
        seed=rel, title=meta["title"], date=meta["date"], source=meta["source"], url=meta["url"], license=meta["license"]
    )
    return Seed(rel, text, info, meta["tags"], find_caption(text)), diags
