"""Same inputs, same site, byte for byte.

Readers diff sites, CI caches them and reviewers read the changes of a
rebuild: any byte that moves without its input moving is noise that hides
real changes. The project has more than 32 seeds so that annotation takes
the parallel (process pool) path, and the two builds run under different
`PYTHONHASHSEED`s so that any output depending on set or hash order shows.
Only `sitemap.xml.gz` is exempt (gzip stores a modification time).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_briefings.core.annotating import PARALLEL_THRESHOLD

REPO = Path(__file__).resolve().parents[2]
SEEDS = PARALLEL_THRESHOLD + 4  # enough uncached seeds for the process pool to annotate them
SPEC_SEED = "2022-03-04-zelenskyy-challenges-putin-to-talks.txt"
EXEMPT = {"sitemap.xml.gz"}

OVERLAY = """\
---
seed: {seed}
title: Zelenskyy dares Putin to talk
date: 2022-03-04
tags: [ukraine, diplomacy]
---
An editor's summary with *markdown*.
"""

REGISTER = """\
- name: Volodymyr Zelenskyy
  kind: person
  aliases: [Zelensky, Volodymyr Zelensky, Zelenskyy]
  description: President of Ukraine.
  links: [https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy]
- name: Vladimir Putin
  kind: person
  aliases: [Putin]
- name: United States
  kind: place
  aliases: [U.S., US, USA]
"""


def write_project(root: Path) -> None:
    """A project of real seeds from the repository (Wikinews, CC BY 2.5) plus the spec article."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nDeterminism project.\n", encoding="utf-8")
    (root / "seeds").mkdir()
    names = sorted(p.name for p in (REPO / "seeds").glob("*.txt") if p.name != SPEC_SEED)[:SEEDS]
    for name in [*names, SPEC_SEED]:
        shutil.copyfile(REPO / "seeds" / name, root / "seeds" / name)
    (root / "briefings").mkdir()
    (root / "briefings" / "zelenskyy-challenges-putin-to-talks.md").write_text(
        OVERLAY.format(seed=SPEC_SEED), encoding="utf-8"
    )
    (root / "briefings" / "entities.yml").write_text(REGISTER, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Determinism\ntheme:\n  name: material\nplugins:\n  - search\n  - briefings\n", encoding="utf-8"
    )


def build(root: Path, site: str, hash_seed: str, keep_cache: bool = False) -> Path:
    """`mkdocs build --strict` into `site`, with an empty annotation cache unless asked to keep it."""
    if not keep_cache:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", site],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stdout + proc.stderr[-4000:]
    return root / site


def files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name not in EXEMPT
    }


def assert_identical(a: Path, b: Path) -> None:
    """Every file byte for byte, with the first difference of each file that differs."""
    fa, fb = files(a), files(b)
    assert sorted(fa) == sorted(fb), f"only in {a.name}: {sorted(set(fa) - set(fb))[:10]}; only in {b.name}: {sorted(set(fb) - set(fa))[:10]}"
    diffs = []
    for name in sorted(fa):
        if fa[name] != fb[name]:
            x, y = fa[name], fb[name]
            i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
            diffs.append(f"{name} @ byte {i}: {x[max(0, i - 60):i + 60]!r}\n   vs {y[max(0, i - 60):i + 60]!r}")
    assert not diffs, f"{len(diffs)} files differ:\n" + "\n".join(diffs[:8])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism") / "project"
    write_project(root)
    return root


@pytest.fixture(scope="module")
def first_site(project: Path) -> Path:
    return build(project, "site-a", hash_seed="1")


def test_two_cold_builds_are_byte_identical(project: Path, first_site: Path) -> None:
    second = build(project, "site-b", hash_seed="2")
    assert len(files(first_site)) > SEEDS, "the build made fewer files than there are seeds"
    assert_identical(first_site, second)


def test_warm_rebuild_equals_cold_build(project: Path) -> None:
    """A cached annotation must render exactly as a fresh one."""
    cold = build(project, "site-cold", hash_seed="3")
    warm = build(project, "site-warm", hash_seed="4", keep_cache=True)
    assert_identical(cold, warm)


def test_project_location_does_not_leak_into_the_site(project: Path, first_site: Path, tmp_path: Path) -> None:
    """A checkout at another path (another CI runner) builds the same site."""
    moved = tmp_path / "elsewhere" / "checkout"
    write_project(moved)
    assert_identical(first_site, build(moved, "site", hash_seed="5"))
