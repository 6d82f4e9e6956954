"""Temporary projects built from the BBC corpus, and a timed subprocess build.

Shared by the `bench_*.py` scripts. The BBC corpus is research data that must
never enter the repository, so every project is written under a temporary
directory (outside the checkout) and rebuilt from the corpus on each run.

Two projects are made from the same articles so that their figures can be
compared as ratios measured on the same machine in the same run:

- the *baseline*: a plain mkdocs-material site, one markdown page per article,
  a one-entry nav and the search plugin — what a team would get without us;
- *ours*: the same articles as seeds (title in front matter, one paragraph a
  line) with `plugins: [search, briefings]`.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Where the corpus lives on the team's machines (not in the repository).
BBC_DIR = Path(os.environ.get("BRIEFINGS_BBC_DIR", "/work/shared/corpus/bbc"))

#: mkdocs-material prints an end-of-life banner on every build unless told not to.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

#: Runs a build as *its* child so that RUSAGE_CHILDREN measures that build alone
#: (ru_maxrss of the children is a running maximum, so reading it in the bench
#: process itself would carry the largest build over to every later one).
_WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss, "rc": r.returncode,
                  "out": r.stdout[-4000:], "err": r.stderr[-4000:]}))
"""


#: The briefings project's config: the demo site's, minus its hand-written pages.
OURS_YML = """\
site_name: BBC briefings
theme:
  name: material
plugins:
  - search
  - briefings
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: false
nav:
  - Home: index.md
  - Briefings: briefings/index.md
  - People: people/index.md
  - Organisations: organisations/index.md
  - Places: places/index.md
  - Claims: claims/index.md
validation:
  nav:
    omitted_files: info
"""


@dataclass(frozen=True)
class Article:
    """One BBC article: where it came from, its title and its paragraphs."""

    category: str
    number: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def words(self) -> int:
        return len(self.title.split()) + sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class BuildResult:
    """One timed `mkdocs build` in a subprocess."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the whole process tree: less distorted by a busy machine
    maxrss_kb: int  # peak resident set size of the largest process of the build
    returncode: int
    stdout: str
    stderr: str


def read_corpus(root: Path = BBC_DIR) -> list[Article]:
    """Every article, sorted by path, so all runs see the same order."""
    if not root.is_dir():
        sys.exit(f"BBC corpus not found at {root} (set BRIEFINGS_BBC_DIR)")
    articles = []
    for path in sorted(root.glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        title = lines[0].strip() if lines else path.stem
        paragraphs = tuple(line.strip() for line in lines[1:] if line.strip())
        articles.append(Article(path.parent.name, path.stem, title, paragraphs))
    return articles


def copies(articles: Sequence[Article], scale: int) -> Iterator[tuple[str, Article]]:
    """(slug, article) for `scale` copies of the corpus, each copy under new slugs."""
    for k in range(scale):
        suffix = "" if k == 0 else f"-copy{k}"
        for art in articles:
            yield f"{art.category}-{art.number}{suffix}", art


def seed_text(article: Article) -> str:
    """The article in seed format: front-matter title, one paragraph a line.

    The title is written as a JSON string, which is also a valid YAML
    double-quoted scalar, so quotes and colons in titles cannot break the
    front matter.
    """
    body = "\n".join(article.paragraphs)
    return f"---\ntitle: {json.dumps(article.title)}\n---\n{body}\n"


def page_text(article: Article) -> str:
    """The article as a plain markdown page for the baseline site."""
    return f"# {article.title}\n\n" + "\n\n".join(article.paragraphs) + "\n"


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def write_baseline(root: Path, articles: Sequence[Article], scale: int = 1) -> Path:
    """A plain mkdocs-material project of the articles: one page each, small nav."""
    _fresh(root)
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# BBC baseline\n\nPlain pages of the corpus.\n", encoding="utf-8")
    for slug, art in copies(articles, scale):
        (docs / f"{slug}.md").write_text(page_text(art), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: BBC baseline\n"
        "theme:\n  name: material\n"
        "plugins:\n  - search\n"
        "nav:\n  - Home: index.md\n",
        encoding="utf-8",
    )
    return root


def write_ours(root: Path, articles: Sequence[Article], scale: int = 1) -> Path:
    """A briefings project of the articles: seeds/ plus a one-page docs/."""
    _fresh(root)
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# BBC briefings\n\nThe corpus as briefings.\n", encoding="utf-8")
    seeds = root / "seeds"
    seeds.mkdir()
    for slug, art in copies(articles, scale):
        (seeds / f"{slug}.txt").write_text(seed_text(art), encoding="utf-8")
    (root / "briefings").mkdir()
    (root / "mkdocs.yml").write_text(OURS_YML, encoding="utf-8")
    return root


@contextmanager
def edited_seed(root: Path) -> Iterator[None]:
    """One seed with a sentence added, for the length of the block (then restored byte for byte)."""
    seed = sorted((root / "seeds").glob("*.txt"))[0]
    original = seed.read_bytes()
    seed.write_bytes(original + b"The editors added this sentence.\n")
    try:
        yield
    finally:
        seed.write_bytes(original)


def clear_cache(root: Path) -> None:
    """Forget every cached annotation, for a cold build."""
    shutil.rmtree(root / ".cache", ignore_errors=True)


def build(root: Path, *extra: str, quiet: bool = True) -> BuildResult:
    """Run `mkdocs build` in `root` in a fresh process tree and time it."""
    shutil.rmtree(root / "site", ignore_errors=True)
    # Let the file system finish deleting the last build's output (on a disk
    # mounted with `discard` that work goes on after rmtree returns, and would
    # be charged to this build).
    os.sync()
    cmd = [sys.executable, "-m", "mkdocs", "build", *(["-q"] if quiet else []), *extra]
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *cmd], cwd=root, env=BUILD_ENV, capture_output=True, text=True, check=True
    )
    data = json.loads(proc.stdout)
    return BuildResult(data["wall"], data["cpu"], data["maxrss_kb"], data["rc"], data["out"], data["err"])


def check(result: BuildResult, what: str) -> BuildResult:
    """Stop the benchmark when a build failed: its figures would mean nothing."""
    if result.returncode != 0:
        sys.exit(f"{what}: mkdocs build failed (exit {result.returncode}):\n{result.stderr}")
    return result


def tree_bytes(path: Path) -> int:
    """Total size of every file under `path`."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def disk_usage(path: Path) -> int:
    """What `path` takes on disk, as `du -s --block-size=1` counts it: the blocks of every
    file and folder under it, the folder itself included.

    Issue 5 quotes the baseline's size this way: its "46 MB site" is what
    `du -sh` prints for it (47.5 MB, 45.3 MiB, rounded up), while its files
    hold 34.6 MB. A page costs its folder and whole blocks, not only its bytes.
    """
    return sum(p.lstat().st_blocks * 512 for p in (path, *path.rglob("*")))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
