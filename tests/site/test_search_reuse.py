"""A rebuild whose search documents are the last build's reuses its Pagefind index (real builds)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

SEEDS = {
    "2022-03-04-talks.txt": "---\ntitle: Zelenskyy dares Putin to talk\ndate: 2022-03-04\n---\n"
    "Ukrainian President Volodymyr Zelenskyy said on Thursday: \"I don't bite. What are you afraid of?\"\n",
    "2022-03-05-aid.txt": "---\ntitle: Aid reaches Kyiv\ndate: 2022-03-05\n---\n"
    "The United Nations said aid had reached Kyiv. Zelenskyy thanked the agency.\n",
}
REUSED = "its Pagefind index is reused"


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _messages(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records)


@pytest.fixture
def project(project_writer: Callable[..., Path]) -> Path:
    return project_writer(seeds=SEEDS, plugin={"search_backend": "pagefind", "min_briefings": 1})


def test_unchanged_rebuild_reuses_the_index(project: Path, mkdocs_build: Callable[..., Path],
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    site = mkdocs_build(project)
    first = _tree(site / "pagefind")
    assert REUSED not in _messages(caplog)
    caplog.clear()
    mkdocs_build(project)
    assert REUSED in _messages(caplog)
    assert _tree(site / "pagefind") == first


def test_a_docs_page_edit_makes_a_new_index(project: Path, mkdocs_build: Callable[..., Path],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    site = mkdocs_build(project)
    first = _tree(site / "pagefind")
    (project.parent / "docs" / "index.md").write_text("# Home\n\nQuetzalcoatlus overview.\n", encoding="utf-8")
    caplog.clear()
    mkdocs_build(project)
    assert REUSED not in _messages(caplog)
    assert _tree(site / "pagefind") != first
    caplog.clear()
    kept = _tree(mkdocs_build(project) / "pagefind")  # the new index is the one kept
    assert REUSED in _messages(caplog)
    for path in (project.parent / ".cache" / "briefings" / "search").glob("*"):
        path.unlink()
    assert _tree(mkdocs_build(project) / "pagefind") == kept  # and it is what Pagefind makes


def test_a_damaged_kept_index_is_reported_and_made_again(project: Path, mkdocs_build: Callable[..., Path],
                                                         caplog: pytest.LogCaptureFixture) -> None:
    site = mkdocs_build(project)
    first = _tree(site / "pagefind")
    [body] = (project.parent / ".cache" / "briefings" / "search").glob("body-*.bin")
    data = body.read_bytes()
    body.write_bytes(data[:100] + b"<script>alert(1)</script>" + data[125:])
    with pytest.raises(Abort):  # a warning: --strict fails, as for the page store
        mkdocs_build(project)
    assert "does not match its checksum" in _messages(caplog)
    caplog.clear()
    site = mkdocs_build(project, strict=False)
    assert _tree(site / "pagefind") == first
