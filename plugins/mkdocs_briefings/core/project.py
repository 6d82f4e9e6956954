"""Files on disk -> briefings: the loading layer every build and `briefings check` runs.

Order matters: read and validate everything first (seeds, register,
overlays), then annotate (from the cache where possible, in parallel when
there is much to do), then apply editorial corrections on top. Problems are
collected rather than raised one at a time, so an editor sees every mistake
in one run; only errors (input the build cannot go on with) stop the build.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .annotate import annotate, engine_version
from .cache import AnnotationCache, CacheUnreadable, cache_key, engine_register
from .contract import CorruptEntry
from .controls import check_controls
from .diagnostics import BriefingsError, Diagnostic, did_you_mean, sort_diagnostics
from .entities.corpus_names import resolve_corpus_names
from .files import remove_stale_temps
from .inputs import SEED_SUFFIXES, Listing, is_hidden, list_files, refusal, within
from .limits import cap_annotation, cap_notes
from .model import NO_CONTROLS, Annotation, Briefing, RegisterEntry
from .overlays import Overlay, apply_corrections, read_overlay
from .processes import die_with_parent
from .register import load_register
from .seeds import Seed, read_seed
from .text import slugify

#: File name of the entity register inside the briefings directory.
REGISTER_FILE = "entities.yml"
#: Slugs taken by generated pages (`briefings/index.md` is the briefings index).
RESERVED_SLUGS: frozenset[str] = frozenset({"index"})
#: Above this many uncached texts, annotation is spread over processes.
PARALLEL_THRESHOLD = 32

#: A long annotation run reports progress every this many seeds.
PROGRESS_EVERY = 1000

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Project:
    """Everything the site is built from."""

    briefings: tuple[Briefing, ...]
    register: tuple[RegisterEntry, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class _Plan:
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


class _Files:
    """Paths relative to the project root, as editors see them in messages."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _unreadable(listing: Listing, files: _Files, diags: list[Diagnostic]) -> None:
    """A folder that cannot be listed fails the build: silently building without it would deploy a site short of it."""
    for folder, reason in listing.unreadable:
        message = f"cannot read this folder ({reason}): give the build permission to list it"
        diags.append(Diagnostic(files.shown(folder), 0, message, "error"))


def _scan_seeds(seeds_path: Path, files: _Files, diags: list[Diagnostic]) -> dict[str, Path]:
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
    for path in listing.files:
        rel = path.relative_to(seeds_path)
        if path.suffix.lower() not in SEED_SUFFIXES:
            continue
        why = refusal(path, seeds_path, SEED_SUFFIXES)
        if why is not None:
            diags.append(Diagnostic(files.shown(path), 0, f"seed {why}; it is refused", "error"))
            continue
        found[rel.as_posix()] = path
    return found


def _resolve_overlay_seed(
    ref: str, line: int, overlay: Overlay, seeds_path: Path, known: dict[str, Path], files: _Files
) -> tuple[str | None, Diagnostic | None]:
    """An overlay's `seed:` value -> the seed's relative path, refusing anything outside seeds/.

    Only a file the seeds scan accepted can be named: hidden files and
    version-control internals (`seed: .git/config` would publish a CI token),
    files without a seed suffix, FIFOs, devices and links leading outside.
    """
    candidate = seeds_path / ref
    if Path(ref).is_absolute() or not within(candidate, seeds_path):
        return None, Diagnostic(
            overlay.path, line, f"seed '{ref}' is outside the seeds directory: name a file inside {files.shown(seeds_path)}/", "error"
        )
    try:
        rel = candidate.resolve().relative_to(seeds_path.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        rel = None
    if rel is not None and is_hidden(rel):
        message = f"seed '{ref}' is a hidden file or inside a hidden folder (such as .git/): those are never seeds"
        return None, Diagnostic(overlay.path, line, message, "error")
    if rel is not None and Path(rel).suffix.lower() not in SEED_SUFFIXES:
        message = f"seed '{ref}' is not a seed file: seeds end in {' or '.join(SEED_SUFFIXES)}"
        return None, Diagnostic(overlay.path, line, message, "error")
    if rel is None or rel not in known:
        hint = did_you_mean(ref, known)
        # A file that exists but was refused by the scan has its own error already.
        return None, Diagnostic(overlay.path, line, f"seed '{ref}' does not exist in {files.shown(seeds_path)}/{hint}", "error")
    return rel, None


def _overlay_files(briefings_path: Path, files: _Files, diags: list[Diagnostic]) -> list[Path]:
    """The overlay files directly in briefings/; those that may not be read are refused by name."""
    if not briefings_path.is_dir():
        return []
    listing = list_files(briefings_path, recursive=False)
    _unreadable(listing, files, diags)
    found: list[Path] = []
    for path in listing.files:
        if path.suffix != ".md":
            continue
        why = refusal(path, briefings_path, (".md",))
        if why is not None:
            diags.append(Diagnostic(files.shown(path), 0, f"overlay {why}; it is refused", "error"))
            continue
        found.append(path)
    return found


def _register_file(register_path: Path, briefings_path: Path, files: _Files, diags: list[Diagnostic]) -> Path | None:
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


def _annotate_job(job: tuple[str, tuple[RegisterEntry, ...], tuple[str, ...]]) -> tuple[Annotation | None, str | None]:
    """Worker entry point: an engine failure is returned, not raised, so one text cannot sink the pool."""
    text, register, ignore = job
    try:
        return annotate(text, register, ignore), None
    except Exception as exc:  # any failure is reported as a diagnostic naming the seed
        return None, f"{exc.__class__.__name__}: {exc}"


def _run_jobs(
    jobs: list[tuple[str, tuple[RegisterEntry, ...], tuple[str, ...]]],
    progress: Progress | None = None,
) -> Iterator[tuple[Annotation | None, str | None]]:
    """Annotate texts, in worker processes when there are many and the platform allows.

    Results come one by one, in job order, as they are made, so the caller
    can keep each at once: a build killed near the end keeps nearly all of
    its work. Workers end with this process, even when it is killed. A long
    run reports how far it is every PROGRESS_EVERY texts.
    """
    def reported(results: Iterable[tuple[Annotation | None, str | None]]) -> Iterator[tuple[Annotation | None, str | None]]:
        for done, result in enumerate(results, 1):
            yield result
            if progress and done % PROGRESS_EVERY == 0 and done < len(jobs):
                progress(f"annotated {done} of {len(jobs)} seeds")

    return reported(_results(jobs))


def _results(
    jobs: list[tuple[str, tuple[RegisterEntry, ...], tuple[str, ...]]],
) -> Iterator[tuple[Annotation | None, str | None]]:
    done = 0
    if len(jobs) > PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
        methods = multiprocessing.get_all_start_methods()
        # fork is fastest (workers inherit the loaded engine) but is only safe from a
        # single-threaded process; `mkdocs serve` runs builds next to its server
        # threads, so there children come from a clean forkserver instead.
        if "fork" in methods and threading.active_count() == 1:
            context: multiprocessing.context.BaseContext = multiprocessing.get_context("fork")
            parent: int | None = os.getpid()
        else:
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            parent = None  # the workers' parent is the fork server, which ends with this process
        try:
            with ProcessPoolExecutor(
                max_workers=os.cpu_count(), mp_context=context, initializer=die_with_parent, initargs=(parent,)
            ) as pool:
                # Chunks small enough for progress reports, large enough to keep overhead low.
                chunk = max(1, min(PROGRESS_EVERY // 4, len(jobs) // ((os.cpu_count() or 1) * 4)))
                for result in pool.map(_annotate_job, jobs, chunksize=chunk):
                    done += 1
                    yield result
        except (OSError, RuntimeError, ImportError):
            pass  # no process support here (sandbox, frozen app), or a lost worker: go on in this process
    yield from (_annotate_job(job) for job in jobs[done:])


def _plan(seeds_path: Path, briefings_path: Path, files: _Files, diags: list[Diagnostic]) -> list[_Plan]:
    """Read seeds and overlays and decide which seeds make which briefing."""
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
    plans: list[_Plan] = []
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
            rel, err = _resolve_overlay_seed(ref, line, overlay, seeds_path, seed_files, files)
            if err is not None or rel is None:
                if err is not None:
                    diags.append(err)
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
            plans.append(_Plan(overlay.slug, tuple(chosen), overlay, overlay.path))

    for rel, path in seed_files.items():
        if rel in claimed:
            continue
        got = seed(rel, path)
        if got is not None:
            plans.append(_Plan(slugify(Path(rel).stem), (got,), None, files.shown(path)))

    by_slug: dict[str, _Plan] = {}
    unique: list[_Plan] = []
    for plan in sorted(plans, key=lambda p: (p.slug, p.overlay is not None, p.seeds[0].path)):
        if plan.slug in RESERVED_SLUGS:
            message = f"the briefing address '{plan.slug}' is taken by the site's own index page: rename the file"
            diags.append(Diagnostic(plan.where, 0, message, "error"))
            continue
        if plan.slug in by_slug:
            first = by_slug[plan.slug]
            diags.append(
                Diagnostic(plan.where, 0, f"gives the same briefing slug '{plan.slug}' as {first.where}: rename one of them", "error")
            )
            continue
        by_slug[plan.slug] = plan
        unique.append(plan)
    return unique


def _annotate_all(
    plans: list[_Plan],
    register: tuple[RegisterEntry, ...],
    cache_dir: Path | None,
    files: _Files,
    diags: list[Diagnostic],
    progress: Progress | None,
) -> dict[str, Annotation]:
    """Annotation of every plan by slug: cached ones read, the rest computed and stored."""
    engine = engine_version()
    reg = engine_register(register)
    store = AnnotationCache(cache_dir) if cache_dir is not None else None
    if store is not None:
        remove_stale_temps(store.directory)  # of builds killed mid-write
    results: dict[str, Annotation] = {}
    todo: list[tuple[_Plan, str]] = []
    for plan in plans:
        key = cache_key(plan.text, reg, plan.ignore, engine)
        hit = None
        if store is not None:
            try:
                hit = store.get(key, plan.text)
            except CacheUnreadable as exc:  # once, not once a seed
                diags.append(_cache_unusable(store, files, str(exc)))
                store = None
            except CorruptEntry as exc:
                diags.append(
                    Diagnostic(files.shown(store.path(key)), 0, f"corrupt cache entry ignored and recomputed: {exc}", transient=True)
                )
        if hit is not None:
            results[plan.slug] = hit
        else:
            todo.append((plan, key))
    if progress and todo:
        progress(f"annotating {len(todo)} seeds ({len(plans) - len(todo)} from cache)")
    outputs = _run_jobs([(plan.text, reg, plan.ignore) for plan, _ in todo], progress)
    for (plan, key), (annotation, failure) in zip(todo, outputs, strict=True):
        if annotation is None:  # an engine bug, not the editor's: skip this briefing, keep the site
            message = f"the annotation engine failed on this briefing ({failure}); it is skipped — please report it"
            diags.append(Diagnostic(plan.where, 0, message))
            continue
        results[plan.slug] = annotation
        if store is not None:  # at once: a killed build keeps what it finished
            problem = store.put(key, annotation)
            if problem is not None:  # a full disk, say: the cache is optional, say so once
                diags.append(_cache_unusable(store, files, problem))
                store = None
    if progress:
        progress(f"annotated {len(todo)} seeds, {len(plans) - len(todo)} from cache")
    return results


def _cache_unusable(store: AnnotationCache, files: _Files, problem: str) -> Diagnostic:
    message = f"the annotation cache cannot be used ({problem}); this build goes on without it"
    return Diagnostic(files.shown(store.directory), 0, message, transient=True)


def _briefing(plan: _Plan, annotation: Annotation, register: tuple[RegisterEntry, ...], diags: list[Diagnostic]) -> Briefing:
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
    files = _Files(root)
    seeds_path = root / seeds_dir
    briefings_path = root / briefings_dir
    diags: list[Diagnostic] = []
    register_path = _register_file(briefings_path / REGISTER_FILE, briefings_path, files, diags)
    register: tuple[RegisterEntry, ...] = ()
    if register_path is not None:
        register, found = load_register(register_path, files.shown(register_path))
        diags.extend(found)
    plans = _plan(seeds_path, briefings_path, files, diags)
    if stop_on_error:
        _raise_errors(diags)
    annotations = _annotate_all(plans, register, None if cache_dir is None else Path(cache_dir), files, diags, progress)
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
