"""Cost of hostile input shapes (issue 13): time and peak memory of a real build, at two sizes.

Usage (from the repository root; needs no corpus):

    python tests/bench/bench_hostile.py                       # 100 kB and 400 kB of each shape
    python tests/bench/bench_hostile.py --sizes 1000000 3900000   # the issue's 4 MB target
    python tests/bench/bench_hostile.py --shapes claim-dense names

Each shape is written as a one-project site (`min_briefings: 1`, the demo's
setting, so every name may earn a page) in a temporary directory, and built
with `mkdocs build` (not --strict: a capped briefing warns, and what is
measured is the whole build) in a fresh process tree; wall and CPU time and
the peak RSS of the largest process come from `bbc_projects.build`. The
second size is four times the first, so linear cost shows as about 4x the
time; quadratic as 16x. Issue 13's target: any single seed up to 4 MB builds
in <= 60 s and <= 2 GB, or is refused by name.

Shapes:

- caption-spaces: a first line `Photo: ` + a run of spaces + `x` + spaces + `y` (the caption regex);
- alias-seed / alias-register: a YAML alias bomb in seed front matter (`date`) or the
  register (`kind`), as many levels as the size allows (refused: the size is the text's);
- names: `Mayor AnnaN BergN met Minister OlafN DahlN in Oslo.` lines, every name new;
- capitalised: random capitalised words, one paragraph;
- claim-dense: `he said "she said 'it said "` repeated, one paragraph;
- shared-names: 10 seeds of the size / 10 each, the same names in every seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import bbc_projects as bp

MKDOCS_YML = """\
site_name: Hostile input
theme:
  name: material
plugins:
  - search
  - briefings:
      min_briefings: 1
"""

Files = dict[str, str]  # path under the project -> text


def caption_spaces(n: int) -> Files:
    run = " " * max(1, (n - 20) // 2)
    return {"seeds/caption.txt": f"Photo: {run}x{run}y\nThe article starts here.\n"}


def _bomb(n: int, key: str, indent: str = "") -> str:
    levels = max(2, min(40, n // 10_000))  # 10 levels (9**10 items) at 100 kB, 40 from 400 kB
    lines = [f'{indent}a0: &a0 ["lol"]']
    lines += [f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    lines.append(f"{indent}{key}: [{', '.join([f'*a{levels - 1}'] * 9)}]")
    return "\n".join(lines)


def alias_seed(n: int) -> Files:
    return {"seeds/bomb.txt": f"---\ntitle: Bomb\n{_bomb(n, 'date')}\n---\nAnna Berg said the plan works.\n"}


def alias_register(n: int) -> Files:
    return {
        "seeds/a.txt": "Anna Berg said the plan works.\n",
        "briefings/entities.yml": f"- name: Anna Berg\n{_bomb(n, 'kind', '  ')}\n",
    }


def _numbered(line: Callable[[int], str], n: int) -> str:
    """line(0) + line(1) + ... until the text holds at least n characters."""
    parts, size = [], 0
    while size < n:
        parts.append(line(len(parts)))
        size += len(parts[-1])
    return "".join(parts)


def names(n: int) -> Files:
    return {"seeds/names.txt": _numbered(lambda i: f"Mayor Anna{i} Berg{i} met Minister Olaf{i} Dahl{i} in Oslo.\n", n)}


def capitalised(n: int) -> Files:
    rnd, words, size = random.Random(1), [], 0
    while size < n:
        word = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 8))).capitalize()
        words.append(word)
        size += len(word) + 1
    return {"seeds/capitalised.txt": " ".join(words) + "\n"}


def claim_dense(n: int) -> Files:
    unit = "he said \"she said 'it said \""
    return {"seeds/dense.txt": (unit * (n // len(unit) + 1))[:n] + "\n"}


def shared_names(n: int) -> Files:
    text = _numbered(lambda i: f"Anna{i} Berg{i} met Olaf{i} Dahl{i}. ", n // 10) + "\n"
    return {f"seeds/shared-{k}.txt": text for k in range(10)}


SHAPES: dict[str, Callable[[int], Files]] = {
    "caption-spaces": caption_spaces,
    "alias-seed": alias_seed,
    "alias-register": alias_register,
    "names": names,
    "capitalised": capitalised,
    "claim-dense": claim_dense,
    "shared-names": shared_names,
}


def write(root: Path, files: Files) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    for folder in ("docs", "seeds", "briefings"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "docs/index.md").write_text("# Hostile input\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _first_problem(result: bp.BuildResult) -> str:
    for line in (result.stderr + result.stdout).splitlines():
        if line.startswith(("WARNING", "ERROR")) or "Error" in line:
            return line.split("mkdocs_briefings: ", 1)[-1][:110]
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[100_000, 400_000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--shapes", nargs="*", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--workdir", type=Path, help="keep the projects here instead of a temporary directory")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    print(f"{'shape':<16}{'bytes':>10}{'input':>10}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'exit':>6}  first warning or error")
    try:
        for shape in args.shapes:
            walls: list[float] = []
            for size in args.sizes:
                files = SHAPES[shape](size)
                root = write(work / f"{shape}-{size}", files)
                result = bp.build(root, quiet=False)
                walls.append(result.wall)
                total = sum(len(t.encode("utf-8")) for t in files.values())
                print(
                    f"{shape:<16}{size:>10}{total:>10}{result.wall:>9.1f}{result.cpu:>9.1f}"
                    f"{result.maxrss_kb / 1024:>9.0f}{result.returncode:>6}  {_first_problem(result)}",
                    flush=True,
                )
                if args.workdir is None:
                    shutil.rmtree(root, ignore_errors=True)
            if len(walls) == 2 and walls[0] > 0:
                ratio = args.sizes[1] / args.sizes[0]
                print(f"{'':<16}{'':>10}{'':>10}  time x{walls[1] / walls[0]:.1f} for input x{ratio:.1f}", flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
