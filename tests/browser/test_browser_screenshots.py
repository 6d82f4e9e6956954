"""Full-page screenshots of the specification briefing, for a person to look at.

They land in tests/artifacts/ (gitignored; CI keeps them as artefacts). The
test checks they are real pictures of a loaded page; judging them is a human's
job.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import SpecBriefing, Visit

pytestmark = pytest.mark.browser

SHOTS = {
    "desktop": {"width": 1280, "height": 900, "color_scheme": "light"},
    "phone": {"width": 390, "height": 844, "color_scheme": "light"},
}


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot_of_the_specification_briefing(
    open_page: Callable[..., Visit], spec: SpecBriefing, artifacts_dir: Path, name: str
) -> None:
    size = SHOTS[name]
    visit = open_page(spec.path, wait_until="networkidle", **size)
    assert visit.status == 200, f"{spec.path} answered HTTP {visit.status}"
    page = visit.page
    page.locator(".bf-note").first.wait_for(state="visible")
    out = artifacts_dir / f"briefing-{name}.png"
    page.screenshot(path=str(out), full_page=True)
    width, height = png_size(out)
    assert width == size["width"], f"{out} is {width}px wide, the viewport {size['width']}px (sideways overflow)"
    assert height > size["height"], f"{out} is only {height}px tall: the article did not render"
