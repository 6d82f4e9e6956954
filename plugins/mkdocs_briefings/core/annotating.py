"""Annotating every briefing of a build: cached annotations read, the rest made in worker processes.

The engine is the slow part of a build, so each annotation is kept in the
cache (`cache.py`) the moment it is made: a build killed near the end keeps
nearly all of its work. Many uncached texts are spread over worker processes
(`processes.worker_context`); an engine failure on one text is reported on
its briefing and never sinks the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import processes
from .annotate import annotate, engine_version
from .cache import AnnotationCache, CacheUnreadable, cache_key, engine_register
from .contract import CorruptEntry
from .diagnostics import Diagnostic
from .files import remove_stale_temps
from .model import Annotation, RegisterEntry
from .plans import Files, Plan

#: Above this many uncached texts, annotation is spread over processes.
PARALLEL_THRESHOLD = 32

#: A long annotation run reports progress every this many seeds.
PROGRESS_EVERY = 1000

Progress = Callable[[str], None]


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
    workers = processes.worker_context() if len(jobs) > PARALLEL_THRESHOLD else None
    if workers is not None:
        context, parent = workers
        try:
            with ProcessPoolExecutor(
                max_workers=os.cpu_count(), mp_context=context, initializer=processes.die_with_parent, initargs=(parent,)
            ) as pool:
                # Chunks small enough for progress reports, large enough to keep overhead low.
                chunk = max(1, min(PROGRESS_EVERY // 4, len(jobs) // ((os.cpu_count() or 1) * 4)))
                for result in pool.map(_annotate_job, jobs, chunksize=chunk):
                    done += 1
                    yield result
        except (OSError, RuntimeError, ImportError):
            pass  # no process support here (sandbox, frozen app), or a lost worker: go on in this process
    yield from (_annotate_job(job) for job in jobs[done:])


def annotate_all(
    plans: list[Plan],
    register: tuple[RegisterEntry, ...],
    cache_dir: Path | None,
    files: Files,
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
    todo: list[tuple[Plan, str]] = []
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


def _cache_unusable(store: AnnotationCache, files: Files, problem: str) -> Diagnostic:
    message = f"the annotation cache cannot be used ({problem}); this build goes on without it"
    return Diagnostic(files.shown(store.directory), 0, message, transient=True)
