"""`briefings new DIR`: a new briefing site that builds `--strict` as it is.

The skeleton's files are package data (`skeleton/`), copied with a few
placeholders filled in (the site's name, the plugin's version and how to
install it). Names starting with `dot-` become dot files (`.github/`,
`.gitignore`): package-data globs skip hidden files, so they are stored
under visible names.

A folder that already holds files is refused unless the caller asks
(`force`), and even then no existing file is overwritten: `briefings new`
never destroys an editor's work. Every file is created with O_EXCL, so a
symbolic link planted at a skeleton path is never followed.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__

#: The skeleton's files, inside the package.
SKELETON = Path(__file__).resolve().parent / "skeleton"

#: What a site's name may not hold: it goes on one line of YAML and markdown.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

#: What Python-Markdown reads as markup in a heading unless escaped with a backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+\-.!|]")

#: Placeholders filled in files of these names (the others are copied as they are).
_FILLED = frozenset({"mkdocs.yml", "README.md", "index.md", "requirements.txt"})

#: How the skeleton's requirements.txt installs the plugin when nothing better is known.
PINNED = f"mkdocs-briefings=={__version__}"


def requirement_from(direct_url: object) -> str:
    """The pip requirement that installs this very plugin elsewhere (a CI runner).

    `direct_url` is the installed distribution's PEP 610 record: installed
    from a public git URL, the new site installs the same commit (the
    version may not be on PyPI); installed from a release, or from a local
    folder a runner cannot see, it pins the version.
    """
    if not isinstance(direct_url, dict):
        return PINNED
    url, vcs = direct_url.get("url"), direct_url.get("vcs_info")
    if not isinstance(url, str) or not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return PINNED
    commit = vcs.get("commit_id")
    if not url.startswith("https://") or "@" in url.split("//", 1)[1].split("/", 1)[0] or _CONTROL.search(url) or " " in url:
        return PINNED  # only a public https URL, never one that carries credentials
    if not isinstance(commit, str) or not re.fullmatch(r"[0-9a-f]{40}", commit):
        return PINNED
    return f"mkdocs-briefings @ git+{url}@{commit}"


def _installed_requirement() -> str:
    try:
        record = json.loads(metadata.distribution("mkdocs-briefings").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError, OSError):
        return PINNED
    return requirement_from(record)


#: How the skeleton's requirements.txt installs the plugin by default.
DEFAULT_REQUIREMENT = _installed_requirement()


class NewSiteError(Exception):
    """The site cannot be made there (a message for the user, not a traceback)."""


@dataclass(frozen=True)
class Made:
    """What `make_site` did: files written and files left as they were (relative paths)."""

    written: tuple[str, ...]
    kept: tuple[str, ...]


def skeleton_files() -> Iterator[tuple[str, Path]]:
    """(path in the new site, file in the package) for every skeleton file, sorted."""
    files = sorted(p for p in SKELETON.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        parts = [f".{part[4:]}" if part.startswith("dot-") else part for part in path.relative_to(SKELETON).parts]
        yield "/".join(parts), path


def _fill(text: str, name: str, requirement: str) -> str:
    return (
        text.replace("@SITE_NAME@", json.dumps(name, ensure_ascii=False))  # a JSON string is a YAML string
        .replace("@TITLE@", html.escape(_MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", name), quote=False))
        .replace("@VERSION@", __version__)
        .replace("@REQUIREMENT@", requirement)
    )


def check_name(name: str, what: str = "the site's name") -> str:
    """`name` stripped; NewSiteError when empty or holding a line break or control character."""
    name = name.strip()
    if not name or _CONTROL.search(name):
        raise NewSiteError(f"{what} must be one line of text")
    return name


def make_site(directory: Path, name: str = "Briefings", *, force: bool = False,
              requirement: str = DEFAULT_REQUIREMENT) -> Made:
    """Write the skeleton into `directory` (created if missing).

    A folder that is not empty is refused unless `force`; with it, files
    that exist are kept as they are and listed in `Made.kept`.
    """
    name = check_name(name)
    requirement = check_name(requirement, "the requirement")
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise NewSiteError(f"{directory} exists and is not a folder")
    try:
        taken = directory.is_dir() and any(directory.iterdir())
    except OSError as exc:
        raise NewSiteError(f"{directory}: cannot read the folder ({exc.strerror or exc})") from None
    if taken and not force:
        raise NewSiteError(f"{directory} is not empty: choose a new folder, or add --force to add the "
                           "skeleton's missing files (existing files are never overwritten)")
    written: list[str] = []
    kept: list[str] = []
    for rel, source in skeleton_files():
        target = directory / rel
        data = source.read_bytes()
        if source.name in _FILLED:
            data = _fill(data.decode("utf-8"), name, requirement).encode("utf-8")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            kept.append(rel)
            continue
        except OSError as exc:
            raise NewSiteError(f"{target}: cannot write ({exc.strerror or exc})") from None
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        written.append(rel)
    return Made(tuple(written), tuple(kept))
