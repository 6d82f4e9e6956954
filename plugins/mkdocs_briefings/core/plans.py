"""Which seeds make which briefing: the input folders scanned, overlays matched to their seeds.

Every file a build may read is chosen here by the loader's rule
(`inputs.py`), and everything that may not be read is refused by name. An
overlay names its seeds (`seed:`/`seeds:`), or takes the seed of its own
name; every other seed is a briefing of its own. A seed belongs to one
briefing, and two briefings never share a slug (a slug that is also the
name of a folder's own page, `index` or `page`, is renamed where pages get
their paths: `render/paths.page_stem`, the one rule). Problems are collected,
not raised, so an editor sees every mistake in one run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, did_you_mean
from .inputs import SEED_SUFFIXES, Listing, is_hidden, list_files, refusal, within
from .overlays import Overlay, read_overlay
from .seeds import Seed, read_seed
from .text import slugify


@dataclass(frozen=True)
class Plan:
    """One briefing to build, before annotation."""

    slug: str
    seeds: tuple[Seed, ...]
    overlay: Overlay | None
    where: str  # the file messages about this briefing name: its overlay, else its seed

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.seeds)

    @property
    def ignore(self) -> tuple[str, ...]:
        return self.overlay.ignore if self.overlay else ()


class Files:
    """Paths relative to the project root, as editors see them in messages."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _unreadable(listing: Listing, files: Files, diags: list[Diagnostic]) -> None:
    """A folder that cannot be listed fails the build: silently building without it would deploy a site short of it."""
    for folder, reason in listing.unreadable:
        message = f"cannot read this folder ({reason}): give the build permission to list it"
        diags.append(Diagnostic(files.shown(folder), 0, message, "error"))


def _scan_seeds(seeds_path: Path, files: Files, diags: list[Diagnostic]) -> dict[str, Path]:
    """Every seed file under seeds/ by its relative path; anything that may not be read is refused by name.

    Hidden files and folders (`.git/` among them) are not seeds, and files
    without a seed suffix are not looked at; a seed that is a FIFO, a device
    or a link leading outside seeds/ is an error, found without opening it.
    """
    found: dict[str, Path] = {}
    if not seeds_path.is_dir():
        diags.append(Diagnostic(files.shown(seeds_path), 0, "seeds directory not found: create it and add articles"))
        return found
    listing = list_files(seeds_path)
    _unreadable(listing, files, diags)
    resolved = _resolved(seeds_path)
    for path in listing.files:
        rel = path.relative_to(seeds_path)
        if path.suffix.lower() not in SEED_SUFFIXES:
            continue
        why = refusal(path, seeds_path, SEED_SUFFIXES, resolved)
        if why is not None:
            diags.append(Diagnostic(files.shown(path), 0, f"seed {why}; it is refused", "error"))
            continue
        found[rel.as_posix()] = path
    return found


def _resolved(folder: Path) -> Path | None:
    """The folder with its links resolved, once for all its files (None: each file resolves it and fails)."""
    try:
        return folder.resolve()
    except (OSError, RuntimeError):
        return None


def _overlay_seed(ref: str, seeds_path: Path, known: dict[str, Path], files: Files) -> str:
    """An overlay's `seed:` value -> the seed's relative path; ValueError (the message) for anything else.

    Only a file the seeds scan accepted can be named: nothing outside
    seeds/, no hidden files or version-control internals (`seed: .git/config`
    would publish a CI token), no files without a seed suffix, FIFOs, devices
    or links leading outside.
    """
    candidate = seeds_path / ref
    if Path(ref).is_absolute() or not within(candidate, seeds_path):
        raise ValueError(f"seed '{ref}' is outside the seeds directory: name a file inside {files.shown(seeds_path)}/")
    try:
        rel: str | None = candidate.resolve().relative_to(seeds_path.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        rel = None
    if rel is not None and is_hidden(rel):
        raise ValueError(f"seed '{ref}' is a hidden file or inside a hidden folder (such as .git/): those are never seeds")
    if rel is not None and Path(rel).suffix.lower() not in SEED_SUFFIXES:
        raise ValueError(f"seed '{ref}' is not a seed file: seeds end in {' or '.join(SEED_SUFFIXES)}")
    if rel is None or rel not in known:
        # A file that exists but was refused by the scan has its own error already.
        raise ValueError(f"seed '{ref}' does not exist in {files.shown(seeds_path)}/{did_you_mean(ref, known)}")
    return rel


def _overlay_files(briefings_path: Path, files: Files, diags: list[Diagnostic]) -> list[Path]:
    """The overlay files directly in briefings/; those that may not be read are refused by name."""
    if not briefings_path.is_dir():
        return []
    listing = list_files(briefings_path, recursive=False)
    _unreadable(listing, files, diags)
    found: list[Path] = []
    resolved = _resolved(briefings_path)
    for path in listing.files:
        if path.suffix != ".md":
            continue
        why = refusal(path, briefings_path, (".md",), resolved)
        if why is not None:
            diags.append(Diagnostic(files.shown(path), 0, f"overlay {why}; it is refused", "error"))
            continue
        found.append(path)
    return found


def register_file(register_path: Path, briefings_path: Path, files: Files, diags: list[Diagnostic]) -> Path | None:
    """The register file when there is one that may be read; a refused one is an error naming it."""
    try:
        os.lstat(register_path)
    except FileNotFoundError:
        return None  # no register is fine
    except OSError as exc:
        message = f"cannot read register: {exc.strerror or exc}"
        diags.append(Diagnostic(files.shown(register_path), 0, message, "error"))
        return None
    why = refusal(register_path, briefings_path, (".yml",))
    if why is not None:
        diags.append(Diagnostic(files.shown(register_path), 0, f"register {why}; it is refused", "error"))
        return None
    return register_path


def plan_briefings(
    seeds_path: Path, briefings_path: Path, files: Files, diags: list[Diagnostic],
    on_plan: Callable[[Plan], None] | None = None,
) -> list[Plan]:
    """Read seeds and overlays and decide which seeds make which briefing.

    `on_plan` sees each plan as soon as it is made, while later seeds are
    still being read (the annotation workers start on them meanwhile); a
    plan it sees may still be dropped (a slug given twice is an error).
    """
    seed_files = _scan_seeds(seeds_path, files, diags)
    overlays: list[Overlay] = []
    for path in _overlay_files(briefings_path, files, diags):
        overlay, found = read_overlay(path, files.shown(path))
        diags.extend(found)
        if overlay is not None:
            overlays.append(overlay)

    cache: dict[str, Seed | None] = {}

    def seed(rel: str, path: Path) -> Seed | None:
        if rel not in cache:
            got, found = read_seed(path, rel, files.shown(path))
            diags.extend(found)
            cache[rel] = got
        return cache[rel]

    claimed: dict[str, tuple[str, int]] = {}
    plans: list[Plan] = []
    for overlay in overlays:
        refs = list(overlay.seeds)
        if not refs:
            default = next((f"{overlay.slug}{s}" for s in SEED_SUFFIXES if f"{overlay.slug}{s}" in seed_files), None)
            if default is None:
                diags.append(
                    Diagnostic(overlay.path, 1, "overlay names no seed: add 'seed: <file in seeds/>' to its front matter", "error")
                )
                continue
            refs = [(default, 1)]
        chosen: list[Seed] = []
        usable = True
        for ref, line in refs:
            try:
                rel = _overlay_seed(ref, seeds_path, seed_files, files)
            except ValueError as refused:
                diags.append(Diagnostic(overlay.path, line, str(refused), "error"))
                usable = False
                continue
            if rel in claimed:
                other, other_line = claimed[rel]
                diags.append(
                    Diagnostic(
                        overlay.path,
                        line,
                        f"seed '{rel}' is already used by {other} (line {other_line}): a seed belongs to one briefing",
                        "error",
                    )
                )
                usable = False
                continue
            claimed[rel] = (overlay.path, line)
            got = seed(rel, seeds_path / rel)
            if got is None:
                usable = False
            else:
                chosen.append(got)
        if usable and chosen:
            plans.append(Plan(overlay.slug, tuple(chosen), overlay, overlay.path))
            if on_plan is not None:
                on_plan(plans[-1])

    for rel, path in seed_files.items():
        if rel in claimed:
            continue
        got = seed(rel, path)
        if got is not None:
            plans.append(Plan(slugify(Path(rel).stem), (got,), None, files.shown(path)))
            if on_plan is not None:
                on_plan(plans[-1])

    by_slug: dict[str, Plan] = {}
    unique: list[Plan] = []
    for plan in sorted(plans, key=lambda p: (p.slug, p.overlay is not None, p.seeds[0].path)):
        if plan.slug in by_slug:
            first = by_slug[plan.slug]
            diags.append(
                Diagnostic(plan.where, 0, f"gives the same briefing slug '{plan.slug}' as {first.where}: rename one of them", "error")
            )
            continue
        by_slug[plan.slug] = plan
        unique.append(plan)
    return unique
