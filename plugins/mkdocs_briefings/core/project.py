"""Files on disk -> briefings: the loading layer every build and `briefings check` runs.

Order matters: read and validate everything first (seeds, register,
overlays), then annotate (from the cache where possible, in parallel when
there is much to do), then apply editorial corrections on top. Problems are
collected rather than raised one at a time, so an editor sees every mistake
in one run; only errors (input the build cannot go on with) stop the build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .annotating import Annotator, Progress
from .controls import check_controls
from .diagnostics import BriefingsError, Diagnostic, sort_diagnostics
from .entities.corpus_names import resolve_corpus_names
from .limits import cap_annotation, cap_notes
from .model import NO_CONTROLS, Annotation, Briefing, RegisterEntry
from .overlays import apply_corrections
from .plans import Files, Plan, plan_briefings, register_file
from .register import load_register

#: File name of the entity register inside the briefings directory.
REGISTER_FILE = "entities.yml"


@dataclass(frozen=True)
class Project:
    """Everything the site is built from."""

    briefings: tuple[Briefing, ...]
    register: tuple[RegisterEntry, ...]
    diagnostics: tuple[Diagnostic, ...]


def _briefing(plan: Plan, annotation: Annotation, register: tuple[RegisterEntry, ...], diags: list[Diagnostic]) -> Briefing:
    """Assemble one briefing, corrections applied on top of the (possibly cached) annotation."""
    overlay = plan.overlay
    first = plan.seeds[0]
    annotation = cap_annotation(annotation)  # a cache file is input too: it gets the same caps
    for note in cap_notes(annotation):
        diags.append(Diagnostic(plan.where, 0, note))
    if overlay and overlay.corrections:
        annotation, found = apply_corrections(annotation, overlay.corrections, register, overlay.path)
        diags.extend(found)
    tags: list[str] = []
    for tag in (overlay.tags if overlay and overlay.tags is not None else [t for s in plan.seeds for t in s.tags]):
        if tag not in tags:
            tags.append(tag)
    return Briefing(
        slug=plan.slug,
        title=(overlay.title if overlay and overlay.title else None) or first.info.title or first.fallback_title,
        text=plan.text,
        annotation=annotation,
        date=(overlay.date if overlay and overlay.date else None) or first.info.date,
        sources=tuple(s.info for s in plan.seeds),
        tags=tuple(tags),
        summary=overlay.summary if overlay else "",
        caption=first.caption,
        overlay=overlay.path if overlay else None,
        ignore=plan.ignore,
        controls=overlay.controls if overlay else NO_CONTROLS,
    )


def _load(
    root: Path,
    seeds_dir: str | Path,
    briefings_dir: str | Path,
    cache_dir: Path | None,
    progress: Progress | None,
    stop_on_error: bool,
) -> tuple[tuple[Briefing, ...], tuple[RegisterEntry, ...], list[Diagnostic]]:
    root = Path(root)
    files = Files(root)
    seeds_path = root / seeds_dir
    briefings_path = root / briefings_dir
    diags: list[Diagnostic] = []
    register_path = register_file(briefings_path / REGISTER_FILE, briefings_path, files, diags)
    register: tuple[RegisterEntry, ...] = ()
    if register_path is not None:
        register, found = load_register(register_path, files.shown(register_path))
        diags.extend(found)
    # Annotation starts while the seeds are read (`annotating.py`), not once all of them are.
    with Annotator(register, cache_dir, files, diags, progress) as annotator:
        plans = plan_briefings(seeds_path, briefings_path, files, diags, on_plan=annotator.offer)
        if stop_on_error:
            _raise_errors(diags)
        annotations = annotator.finish(plans)
    # A surname alone in one briefing is the corpus's only full name ending in it ("Blair": "Tony Blair").
    annotations = resolve_corpus_names(annotations, frozenset(r.name for r in register))
    briefings = tuple(
        _briefing(plan, annotations[plan.slug], register, diags) for plan in plans if plan.slug in annotations
    )
    diags.extend(check_controls(briefings))  # figures dropped, not-duplicates, ledger split / merge that match nothing
    return tuple(sorted(briefings, key=lambda b: b.slug)), register, diags


def _raise_errors(diags: Sequence[Diagnostic]) -> None:
    errors = [d for d in sort_diagnostics(diags) if d.is_error]
    if errors:
        raise BriefingsError(errors[0], errors)


def load_project(
    root: str | Path,
    seeds_dir: str | Path = "seeds",
    briefings_dir: str | Path = "briefings",
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> Project:
    """Read, validate, annotate and correct every briefing of a project.

    Raises BriefingsError (naming file and line) for input the build cannot
    go on with; returns warnings in `Project.diagnostics`. `cache_dir=None`
    disables the annotation cache.
    """
    briefings, register, diags = _load(
        Path(root), seeds_dir, briefings_dir, None if cache_dir is None else Path(cache_dir), progress, True
    )
    _raise_errors(diags)
    return Project(briefings, register, sort_diagnostics(diags))


def check_project(
    root: str | Path,
    seeds_dir: str | Path = "seeds",
    briefings_dir: str | Path = "briefings",
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> tuple[Project, tuple[Diagnostic, ...]]:
    """Like load_project but never raises: every problem, errors included, for `briefings check`."""
    briefings, register, diags = _load(
        Path(root), seeds_dir, briefings_dir, None if cache_dir is None else Path(cache_dir), progress, False
    )
    everything = sort_diagnostics(diags)
    return Project(briefings, register, tuple(d for d in everything if not d.is_error)), everything
