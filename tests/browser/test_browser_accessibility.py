"""Accessibility measured by axe-core, in the light and the dark scheme.

axe-core is vendored (tests/browser/vendor/axe.min.js, MPL-2.0) so the check
needs no network and always runs the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from browser_support import INDEX_PATHS, SpecBriefing, Visit, describe_violations, page_id, run_axe, trim_repeats

pytestmark = pytest.mark.browser

AXE_PAGES = ["", "__spec__", "people/volodymyr-zelenskyy/", *INDEX_PATHS]
BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("path", AXE_PAGES, ids=page_id)
def test_axe_finds_no_serious_violations(open_page: Callable[..., Visit], spec: SpecBriefing, path: str) -> None:
    visit = open_page(spec.path if path == "__spec__" else path)
    trim_repeats(visit.page)
    violations = [v for v in run_axe(visit.page) if v["impact"] in BLOCKING]
    assert not violations, f"axe on {page_id(path)}:\n" + describe_violations(violations)


def switch_to_dark(page: Any) -> None:
    """Flip material's palette toggle until the slate (dark) scheme is on, as a reader would."""
    body = page.locator("body")
    for _ in range(3):
        if body.get_attribute("data-md-color-scheme") == "slate":
            return
        toggle = page.locator("form[data-md-component='palette'] label.md-header__button").filter(visible=True)
        if toggle.count() == 0:
            pytest.fail("no light/dark palette toggle in the header (mkdocs.yml theme.palette needs two toggles)")
        toggle.first.click()
        page.wait_for_timeout(200)
    scheme = body.get_attribute("data-md-color-scheme")
    pytest.fail(f"the palette toggle never reached the slate scheme (now {scheme!r})")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["__spec__", "claims/"], ids=["briefing", "claims"])
def test_callouts_and_badges_legible_in_both_schemes(
    open_page: Callable[..., Visit], spec: SpecBriefing, path: str, scheme: str
) -> None:
    visit = open_page(spec.path if path == "__spec__" else path)
    page = visit.page
    if scheme == "dark":
        switch_to_dark(page)
    assert page.locator("[data-badge]").count() > 0, f"{page_id(path)}: no badge ([data-badge]) to check"
    if path == "__spec__":
        # Every claim's note opened, so the details in it are checked too.
        opened = page.evaluate("() => { const n = document.querySelectorAll('details.bf-note');"
                               " n.forEach(d => { d.open = true; }); return n.length; }")
        assert opened > 0, "the briefing shows no claim notes (details.bf-note)"
    trim_repeats(page)
    contrast = run_axe(page, rules=["color-contrast"])
    assert not contrast, f"colour contrast on {page_id(path)} ({scheme}):\n" + describe_violations(contrast)
