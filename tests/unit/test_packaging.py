"""pyproject.toml's package data names real files, and every file the package reads at run time."""

from __future__ import annotations

from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "plugins" / "mkdocs_briefings"
CODE = {".py", ".pyc"}


def globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["package-data"]["mkdocs_briefings"])


def test_every_package_data_glob_matches_files() -> None:
    for pattern in globs():
        assert any(p.is_file() for p in PACKAGE.glob(pattern)), pattern  # no glob for a folder that is gone


def test_every_data_file_is_packaged() -> None:
    packaged = {p for pattern in globs() for p in PACKAGE.glob(pattern) if p.is_file()}
    data = {p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix not in CODE and "__pycache__" not in p.parts
            and not any(part.startswith(".") for part in p.relative_to(PACKAGE).parts)}
    assert sorted(str(p.relative_to(PACKAGE)) for p in data - packaged) == []
