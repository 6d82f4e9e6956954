"""Hostile files in the project folders: real `mkdocs build --strict` runs, judged on their output.

* Folders the build cannot read (seeds/ or a sub-folder at mode 000,
  briefings/ at mode 000, an overlay at mode 000) fail the build with a
  message naming them, never a traceback and never a site short of them.
  Root ignores file modes (CAP_DAC_OVERRIDE), so when the tests run as root
  the build runs under `setpriv` without that capability and
  CAP_DAC_READ_SEARCH: the kernel then checks the modes as for any user, and
  the test exercises the real permission errors rather than a simulation.
* A seed named `.git/config` by an overlay, the checkout's token inside,
  fails the build and appears nowhere in the site.
* A seed file name with terminal escape codes reaches the log escaped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MKDOCS_YML = """\
site_name: Hostile files
theme:
  name: material
plugins:
  - search
  - briefings
"""
TOKEN = "extraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu"


def _without_root_privilege() -> list[str] | None:
    """The command prefix under which file modes apply to this process, or None if there is none."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


def project(root: Path, seeds: dict[str, str], overlays: dict[str, str] | None = None) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    for name, text in seeds.items():
        (root / "seeds" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "briefings").mkdir(exist_ok=True)
    for name, text in (overlays or {}).items():
        (root / "briefings" / name).write_text(text, encoding="utf-8")
    (root / "briefings/entities.yml").write_text("- name: Alpha Bravo\n  kind: person\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


def build(root: Path, prefix: list[str] | None = None) -> tuple[int, str]:
    proc = subprocess.run(
        [*(prefix or []), sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root, env=ENV, capture_output=True, text=True, timeout=300,
    )
    return proc.returncode, proc.stdout + proc.stderr


SEEDS = {"alpha.txt": "Alpha Bravo said the plan works.\n", "sub/beta.txt": "Beta Gamma met in Oslo.\n"}
OVERLAY = {"alpha.md": "---\nseed: alpha.txt\ntitle: Alpha\n---\n"}

UNREADABLE: list[tuple[str, str, str]] = [
    ("seeds-folder", "seeds", "seeds"),
    ("seed-sub-folder", "seeds/sub", "seeds/sub"),
    ("briefings-folder", "briefings", "briefings"),
    ("overlay", "briefings/alpha.md", "briefings/alpha.md"),
    ("seed", "seeds/sub/beta.txt", "seeds/sub/beta.txt"),
    ("register", "briefings/entities.yml", "briefings/entities.yml"),
]


@pytest.mark.parametrize(("locked", "named"), [c[1:] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE])
def test_unreadable_input_fails_the_build_naming_it(tmp_path: Path, locked: str, named: str) -> None:
    prefix = _without_root_privilege()
    if prefix is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to apply")
    root = project(tmp_path / "p", SEEDS, OVERLAY)
    os.chmod(root / locked, 0)
    try:
        code, output = build(root, prefix)
    finally:
        os.chmod(root / locked, 0o755)
    assert "Traceback" not in output, output[-3000:]
    assert code != 0, f"the build passed with {locked} unreadable:\n{output[-3000:]}"
    assert f"{named}: cannot read" in output, output[-3000:]


def test_overlay_cannot_publish_git_config(tmp_path: Path) -> None:
    root = project(tmp_path / "p", SEEDS, {"leak.md": "---\nseed: .git/config\n---\n"})
    (root / "seeds/.git").mkdir()
    (root / "seeds/.git/config").write_text(f"[http]\n\t{TOKEN}\n", encoding="utf-8")
    code, output = build(root)
    assert code != 0 and "briefings/leak.md:2" in output and "hidden" in output, output[-3000:]
    site = root / "site"
    if site.exists():
        for path in site.rglob("*"):
            if path.is_file():
                assert b"c2VjcmV0LXRva2Vu" not in path.read_bytes(), path


def test_escape_codes_in_file_names_reach_the_log_escaped(tmp_path: Path) -> None:
    """A seed named with ANSI codes (clear screen, a fake green 'ok') gets them printed as text, not obeyed."""
    name = "\x1b[2J\x1b[32mok\x1b[0m\x07.txt"
    root = project(tmp_path / "p", {name: "---\ndate: someday\n---\nAlpha Bravo said the plan works.\n"})
    code, output = build(root)
    assert code != 0  # the bad date is a warning, which --strict fails on
    assert "\x1b" not in output and "\x07" not in output, repr(output[-2000:])
    assert "\\x1b[2J\\x1b[32mok\\x1b[0m\\x07.txt" in output, output[-2000:]
