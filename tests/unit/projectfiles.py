"""Write small real projects (seeds/, briefings/) into a temporary directory for tests."""

from __future__ import annotations

from pathlib import Path


def write_project(
    root: Path,
    seeds: dict[str, str | bytes],
    overlays: dict[str, str] | None = None,
    register: str | None = None,
) -> Path:
    """Create seeds/<name> and briefings/<name> files; returns `root`."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "briefings").mkdir(parents=True, exist_ok=True)
    for name, content in seeds.items():
        path = root / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, content in (overlays or {}).items():
        (root / "briefings" / name).write_text(content, encoding="utf-8")
    if register is not None:
        (root / "briefings" / "entities.yml").write_text(register, encoding="utf-8")
    return root
