"""Annotating every briefing of a build: cached annotations read, the rest made in worker processes.

The engine is the slow part of a build, so each annotation is kept in the
cache (`cache.py`) the moment it is made: a build killed near the end keeps
nearly all of its work. A site build (`later`) writes them instead from a
forked child at the lowest priority once annotation is over (`CacheWrites`):
a core's worth of writing 2,000 entries no longer slows the workers, and
runs while a core is free (Pagefind writing its index, at the end). A build
killed before then annotates those texts again next time. Many uncached texts are spread over worker processes
(`processes.worker_context`); an engine failure on one text is reported on
its briefing and never sinks the others.

The workers start while the seeds are still being read: `Annotator.offer`
takes each briefing as it is planned (`plans.plan_briefings`), looks it up
in the cache and, once there are enough uncached texts for processes to
pay, sends them to the workers a few at a time, so that reading the seeds
on one core and annotating on the others overlap (on the BBC corpus the
workers started 0.4 s earlier). Small tasks also keep the workers equally
busy to the end, where the last of a few large ones left a core idle.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path

from . import processes
from .annotate import annotate, engine_version
from .cache import AnnotationCache, CacheUnreadable, cache_key, engine_register
from .contract import CorruptEntry
from .diagnostics import Diagnostic
from .files import remove_stale_temps
from .forked import Forked
from .model import Annotation, RegisterEntry
from .plans import Files, Plan

#: Above this many uncached texts, annotation is spread over processes.
PARALLEL_THRESHOLD = 32

#: A long annotation run reports progress every this many seeds.
PROGRESS_EVERY = 1000

#: Texts sent to a worker at a time: enough to make the cost of sending negligible
#: (a text takes ~2 ms to annotate), few enough that all workers finish together.
CHUNK = 8

Progress = Callable[[str], None]
Job = tuple[str, tuple[RegisterEntry, ...], tuple[str, ...]]
Result = tuple[Annotation | None, str | None]

#: What a pool that cannot be used raises: no process support here (sandbox, frozen app), or a lost worker.
_NO_POOL = (OSError, RuntimeError, ImportError)


def _annotate_job(job: Job) -> Result:
    """Worker entry point: an engine failure is returned, not raised, so one text cannot sink the pool."""
    text, register, ignore = job
    try:
        return annotate(text, register, ignore), None
    except Exception as exc:  # any failure is reported as a diagnostic naming the seed
        return None, f"{exc.__class__.__name__}: {exc}"


def _annotate_chunk(register: tuple[RegisterEntry, ...], texts: list[tuple[str, tuple[str, ...]]]) -> list[Result]:
    """A worker's task: several texts, each failing on its own (the register is sent once for all)."""
    return [_annotate_job((text, register, ignore)) for text, ignore in texts]


class Annotator:
    """The annotation of every plan, offered one by one while the seeds are read, collected by `finish`.

    Use it as a context manager: leaving it stops the workers, also when
    the build fails before `finish` (an error found among the seeds).
    """

    def __init__(
        self, register: tuple[RegisterEntry, ...], cache_dir: Path | None, files: Files, diags: list[Diagnostic],
        progress: Progress | None, later: bool = False,
    ) -> None:
        self._engine = engine_version()
        self._register = engine_register(register)
        self._store = AnnotationCache(cache_dir) if cache_dir is not None else None
        if self._store is not None:
            remove_stale_temps(self._store.directory)  # of builds killed mid-write
        self._files, self._diags, self._progress = files, diags, progress
        self._keys: dict[int, str] = {}  # id(plan) -> its cache key
        self._cached: dict[str, Annotation] = {}  # key -> annotation read from the cache
        self._uncached: dict[str, tuple[str, tuple[str, ...]]] = {}  # key -> (text, ignore), in the order offered
        self._unsent: deque[str] = deque()  # uncached keys no worker has yet
        self._made: dict[str, Result] = {}  # key -> what the engine made of it
        self._tasks: deque[tuple[list[str], Future[list[Result]]]] = deque()  # sent to the workers, in order
        self._pool: ProcessPoolExecutor | None = None
        self._pool_tried = False
        self._later = later
        self._unkept: list[tuple[str, Annotation]] = []  # made, for the cache once annotation is over (`later`)
        #: The cache entries being written once annotation is over (`later`), if any.
        self.writes: CacheWrites | None = None

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_pool()

    def offer(self, plan: Plan) -> None:
        """Look this plan up in the cache; an uncached one goes to a worker as soon as that pays."""
        text, ignore = plan.text, plan.ignore
        key = cache_key(text, self._register, ignore, self._engine)
        self._keys[id(plan)] = key
        if key in self._cached or key in self._uncached:  # the same text twice: annotated once
            return
        hit = self._lookup(key, text)
        if hit is not None:
            self._cached[key] = hit
            return
        self._uncached[key] = (text, ignore)
        self._unsent.append(key)
        if not self._pool_tried and len(self._uncached) > PARALLEL_THRESHOLD:
            self._start_pool()
        self._send(everything=False)
        self._collect(wait=False)  # kept in the cache as soon as they are made

    def finish(self, plans: list[Plan]) -> dict[str, Annotation]:
        """Annotation of every plan by slug (each offered before, or now): cached ones read, the rest made and stored."""
        for plan in plans:
            if id(plan) not in self._keys:
                self.offer(plan)
        todo = [plan for plan in plans if self._keys[id(plan)] not in self._cached]
        progress = self._progress
        if progress and todo:
            progress(f"annotating {len(todo)} seeds ({len(plans) - len(todo)} from cache)")
        self._send(everything=True)
        results: dict[str, Annotation] = {}
        done = 0
        for plan in plans:
            key = self._keys[id(plan)]
            if key in self._cached:
                results[plan.slug] = self._cached[key]
                continue
            annotation, failure = self._result(key)
            done += 1
            if progress and done % PROGRESS_EVERY == 0 and done < len(todo):
                progress(f"annotated {done} of {len(todo)} seeds")
            if annotation is None:  # an engine bug, not the editor's: skip this briefing, keep the site
                message = f"the annotation engine failed on this briefing ({failure}); it is skipped — please report it"
                self._diags.append(Diagnostic(plan.where, 0, message))
                continue
            results[plan.slug] = annotation
        self._stop_pool()
        if self._unkept and self._store is not None:
            self.writes = CacheWrites(self._store, self._unkept, self._files)
        self._unkept = []
        if progress:
            progress(f"annotated {len(todo)} seeds, {len(plans) - len(todo)} from cache")
        return results

    def _lookup(self, key: str, text: str) -> Annotation | None:
        store = self._store
        if store is None:
            return None
        try:
            return store.get(key, text)
        except CacheUnreadable as exc:  # once, not once a seed
            self._cache_unusable(str(exc))
        except CorruptEntry as exc:
            where = self._files.shown(store.path(key))
            self._diags.append(Diagnostic(where, 0, f"corrupt cache entry ignored and recomputed: {exc}", transient=True))
        return None

    def _result(self, key: str) -> Result:
        """What the engine made of this text: from the workers (waiting for them), else made here now."""
        while key not in self._made and self._tasks:
            self._collect(wait=True, one=True)
        if key not in self._made:  # never sent: no pool, or it broke
            text, ignore = self._uncached[key]
            self._keep(key, _annotate_job((text, self._register, ignore)))
        return self._made[key]

    def _start_pool(self) -> None:
        self._pool_tried = True
        workers = processes.worker_context()
        if workers is None:
            return
        context, parent = workers
        if parent is not None and self._unsent:
            # Forked workers inherit what this process has loaded: the engine's data is loaded once,
            # here, by annotating the first text (its result is kept), not once in every worker.
            key = self._unsent.popleft()
            text, ignore = self._uncached[key]
            self._keep(key, _annotate_job((text, self._register, ignore)))
        try:
            self._pool = ProcessPoolExecutor(
                max_workers=os.cpu_count(), mp_context=context, initializer=processes.die_with_parent, initargs=(parent,)
            )
        except _NO_POOL:
            self._pool = None

    def _send(self, everything: bool) -> None:
        """Hand the unsent texts to the workers, CHUNK at a time (`everything`: the last, smaller chunk too)."""
        while self._pool is not None and self._unsent and (everything or len(self._unsent) >= CHUNK):
            keys = [self._unsent.popleft() for _ in range(min(CHUNK, len(self._unsent)))]
            try:
                future = self._pool.submit(_annotate_chunk, self._register, [self._uncached[k] for k in keys])
            except _NO_POOL:  # the workers could not start: annotate here
                self._unsent.extendleft(reversed(keys))
                self._stop_pool()
                return
            self._tasks.append((keys, future))

    def _collect(self, wait: bool, one: bool = False) -> None:
        """Keep the results of finished tasks, oldest first (`wait`: for the oldest to finish)."""
        while self._tasks and (wait or self._tasks[0][1].done()):
            keys, future = self._tasks[0]
            try:
                made = future.result()
            except _NO_POOL:  # a lost worker: this task and every later one are annotated here
                self._stop_pool()
                return
            self._tasks.popleft()
            for key, result in zip(keys, made, strict=True):
                self._keep(key, result)
            if one:
                return

    def _keep(self, key: str, result: Result) -> None:
        self._made[key] = result
        annotation = result[0]
        if annotation is not None and self._store is not None and self._later:
            self._unkept.append((key, annotation))
        elif annotation is not None and self._store is not None:  # at once: a killed build keeps what it finished
            problem = self._store.put(key, annotation)
            if problem is not None:  # a full disk, say: the cache is optional, say so once
                self._cache_unusable(problem)

    def _stop_pool(self) -> None:
        """No more workers; the texts they had not returned go back to be annotated here."""
        pool, self._pool = self._pool, None
        self._pool_tried = True
        for keys, _ in reversed(self._tasks):
            self._unsent.extendleft(reversed(keys))
        self._tasks.clear()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _cache_unusable(self, problem: str) -> None:
        store, self._store = self._store, None
        if store is not None:
            self._diags.append(_unusable(store, self._files, problem))


def _unusable(store: AnnotationCache, files: Files, problem: str) -> Diagnostic:
    """The one warning for a cache that cannot be used (unreadable, a full disk): the build goes on without it."""
    message = f"the annotation cache cannot be used ({problem}); this build goes on without it"
    return Diagnostic(files.shown(store.directory), 0, message, transient=True)


#: The niceness of the process that writes a build's cache entries (`CacheWrites`): the lowest priority.
WRITER_NICE = 19


def _put_all(store: AnnotationCache, entries: list[tuple[str, Annotation]]) -> str | None:
    """Write every entry; the first problem stops the writing (a full disk), and is returned."""
    for key, annotation in entries:
        problem = store.put(key, annotation)
        if problem is not None:
            return problem
    return None


class CacheWrites:
    """A build's new cache entries, being written by a forked child at the lowest priority (`WRITER_NICE`),
    or here when `wait` is called (a few entries, or no fork: `mkdocs serve`)."""

    def __init__(self, store: AnnotationCache, entries: list[tuple[str, Annotation]], files: Files) -> None:
        self._store, self._files = store, files
        self._job = Forked(partial(_put_all, store, entries), fork=len(entries) > PARALLEL_THRESHOLD, nice=WRITER_NICE)

    def wait(self) -> Diagnostic | None:
        """Once every entry is written: what kept the cache from being written, if anything (a transient warning)."""
        problem = self._job.result()
        return None if problem is None else _unusable(self._store, self._files, problem)
