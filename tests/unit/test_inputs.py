"""Only seeds are published: what the loader reads, and what it refuses by name without opening.

Seeds may be a nested checkout (`seeds/.git/config` can hold a CI token),
overlays arrive in pull requests, and any of these may be a link, a FIFO or
a device. Each case is a real project on disk; each must end in an error
naming the file (and, for an overlay's `seed:`, its line), with the secret
on no briefing. A SIGALRM and a memory limit bound every case, so that a FIFO
or /dev/zero the old code opened fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import resource
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.core.inputs import is_hidden, list_files, read_regular, refusal
from mkdocs_briefings.core.project import check_project

TOKEN = "extraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu"
ALPHA = "Alpha Bravo said the plan works.\n"


class Blocked(Exception):
    """Not an OSError, so that no `except OSError` in the code under test can swallow it."""


@pytest.fixture(autouse=True)
def deadline() -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise Blocked("blocked for 20 s: the loader opened a pipe or device")

    old = signal.signal(signal.SIGALRM, expired)
    memory = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, memory[1]))  # reading /dev/zero ends in MemoryError, not the OOM killer
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        resource.setrlimit(resource.RLIMIT_AS, memory)


def _secret(root: Path) -> Path:
    outside = root.parent / f"{root.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(TOKEN + "\n", encoding="utf-8")
    (outside / "secret.yml").write_text(f"- name: {TOKEN}\n", encoding="utf-8")
    (outside / "secret.md").write_text(f"---\nseed: alpha.txt\n---\n{TOKEN}\n", encoding="utf-8")
    return outside


def _git(root: Path) -> None:
    (root / "seeds/.git").mkdir()
    (root / "seeds/.git/config").write_text(f"[http]\n\t{TOKEN}\n", encoding="utf-8")


def overlay(seed: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        _git(root)
        (root / "seeds/.draft.txt").write_text(TOKEN, encoding="utf-8")
        (root / "seeds/notes.yml").write_text(TOKEN, encoding="utf-8")
        (root / "briefings/a.md").write_text(f"---\ntitle: A\nseed: {seed}\n---\n", encoding="utf-8")
    return run


def link(name: str, target: Callable[[Path], str]) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        _git(root)
        path = root / name
        if path.exists():
            path.unlink()
        os.symlink(target(root), path)
    return run


def fifo(name: str) -> Callable[[Path], None]:
    return lambda root: os.mkfifo(root / name)


CASES: list[tuple[str, Callable[[Path], None], str, int, str]] = [
    ("overlay-names-git-config", overlay(".git/config"), "briefings/a.md", 3, "hidden"),
    ("overlay-names-hidden-seed", overlay(".draft.txt"), "briefings/a.md", 3, "hidden"),
    ("overlay-names-non-seed", overlay("notes.yml"), "briefings/a.md", 3, "not a seed file"),
    ("seed-links-to-git-config", link("seeds/leak.txt", lambda r: str(r / "seeds/.git/config")), "seeds/leak.txt", 0, "hidden"),
    ("seed-links-outside", link("seeds/leak.txt", lambda r: str(_secret(r) / "secret.txt")), "seeds/leak.txt", 0, "outside"),
    ("seed-links-to-dev-zero", link("seeds/zero.txt", lambda r: "/dev/zero"), "seeds/zero.txt", 0, "outside"),
    ("seed-is-fifo", fifo("seeds/pipe.txt"), "seeds/pipe.txt", 0, "FIFO"),
    ("overlay-links-outside", link("briefings/a.md", lambda r: str(_secret(r) / "secret.md")), "briefings/a.md", 0, "outside"),
    ("overlay-is-fifo", fifo("briefings/pipe.md"), "briefings/pipe.md", 0, "FIFO"),
    ("register-links-outside", link("briefings/entities.yml", lambda r: str(_secret(r) / "secret.yml")),
     "briefings/entities.yml", 0, "outside"),
    ("register-links-to-dev-zero", link("briefings/entities.yml", lambda r: "/dev/zero"), "briefings/entities.yml", 0, "outside"),
    ("register-is-fifo", fifo("briefings/entities.yml"), "briefings/entities.yml", 0, "FIFO"),
]


@pytest.mark.parametrize(("make", "path", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_non_seed_files_are_refused_by_name(tmp_path: Path, make: Callable[[Path], None], path: str, line: int, words: str) -> None:
    root = write_project(tmp_path / "p", {"alpha.txt": ALPHA})
    make(root)
    project, problems = check_project(root)
    errors = [d for d in problems if d.is_error]
    assert any(d.path == path and d.line == line and words in d.message for d in errors), problems
    for b in project.briefings:
        assert TOKEN not in b.text and all(TOKEN not in e.name for e in b.annotation.entities)
    assert all(TOKEN not in e.name for e in project.register)


def test_hidden_files_and_folders_are_not_seeds(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"alpha.txt": ALPHA, ".draft.txt": TOKEN, ".notes/b.txt": TOKEN, "sub/c.txt": "Gamma."})
    _git(root)
    project, problems = check_project(root)
    assert not problems
    assert sorted(b.sources[0].seed for b in project.briefings) == ["alpha.txt", "sub/c.txt"]


@pytest.mark.parametrize(
    ("rel", "hidden"),
    [(".git/config", True), ("a/.b/c.txt", True), (".draft.txt", True), ("a.txt", False), ("a/b.c.txt", False), ("./a.txt", False)],
)
def test_is_hidden(rel: str, hidden: bool) -> None:
    assert is_hidden(rel) is hidden


def test_refusal_and_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    os.mkfifo(tmp_path / "p.txt")
    os.symlink("a.txt", tmp_path / "in.txt")
    os.symlink("/dev/null", tmp_path / "null.txt")
    assert refusal(tmp_path / "a.txt", tmp_path, (".txt",)) is None
    assert refusal(tmp_path / "in.txt", tmp_path, (".txt",)) is None  # a link inside its folder is fine
    assert refusal(tmp_path / "in.txt", tmp_path, (".md",)) is not None  # ...unless it leads to a non-input
    assert "FIFO" in (refusal(tmp_path / "p.txt", tmp_path, (".txt",)) or "")
    assert "outside" in (refusal(tmp_path / "null.txt", tmp_path, (".txt",)) or "")
    assert read_regular(tmp_path / "a.txt", 10) == b"x" * 11  # at most limit + 1 bytes: enough to see it is too long
    with pytest.raises(OSError, match="FIFO"):
        read_regular(tmp_path / "p.txt")
    with pytest.raises(OSError, match="device"):
        read_regular(Path("/dev/zero"))
    assert [p.name for p in list_files(tmp_path).files] == ["a.txt", "in.txt", "null.txt", "p.txt"]
