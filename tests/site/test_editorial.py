"""Editorial control through real `mkdocs build --strict` runs on temporary projects.

What an editor writes in overlays and the register must reach the page and
`briefings.json`, survive changes to the seed, stay inert when it contains
markup, and a mistake must fail the strict build with `file:line` and no
traceback. Each case is a subprocess build, because the command's output
is what an editor sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

MKDOCS_YML = "site_name: Editorial\ntheme:\n  name: material\nplugins:\n  - search\n  - briefings\n"

SEED = """---
title: Seed title
date: 2022-03-04
source: Example News
---
Zelensky met reporters in Kyiv on Friday.
"I don't bite. What are you afraid of?" Zelensky said.
Officials said more than 2000 civilians have died, a claim that could not be independently verified.
The council called an "urgent debate" on the war, the minister said.
"""

OVERLAY = """---
seed: talks.txt
title: Editor <b>title</b> <script>alert('t')</script>
date: 2022-03-05
tags: [ukraine, "<img src=x onerror=alert(1)>"]
claims:
  - quote: "more than 2000 civilians have died"
    speaker: Volodymyr Zelenskyy
    status: unverified
    note: No independent count <script>alert('n')</script> yet.
    source: https://example.org/fact-check
  - quote: urgent debate
    drop: true
---
The editor's **summary**.
"""

REGISTER = """- name: Volodymyr Zelenskyy
  kind: person
  aliases: [Zelensky]
  description: President of *Ukraine*.
  links: [https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy]
"""


def build(root: Path, overlay: str | None = OVERLAY, register: str | None = REGISTER, seed: str = SEED,
          strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Write (or rewrite) the project and build it; the cache in root/.cache persists between calls."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "seeds" / "talks.txt").write_text(seed, encoding="utf-8")
    for name, content in (("talks.md", overlay), ("entities.yml", register)):
        path = root / "briefings" / name
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(content, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
        cwd=root, env=ENV, capture_output=True, text=True, timeout=300, check=False,
    )


def exported(root: Path) -> dict[str, Any]:
    (briefing,) = json.loads((root / "site" / "briefings.json").read_text(encoding="utf-8"))["briefings"]
    return briefing


def claim(briefing: dict[str, Any], words: str) -> dict[str, Any]:
    (found,) = [c for c in briefing["annotation"]["claims"] if words in c["content"]["text"]]
    return found


def test_overlay_and_corrections_reach_page_and_export(tmp_path: Path) -> None:
    done = build(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    briefing = exported(tmp_path)
    assert briefing["slug"] == "talks" and briefing["date"] == "2022-03-05"
    assert briefing["summary"] == "The editor's **summary**."
    civilians = claim(briefing, "more than 2000 civilians")
    assert civilians["status"] == "unverified"
    assert civilians["note"] == "No independent count <script>alert('n')</script> yet."
    assert civilians["status_source"] == "https://example.org/fact-check"
    assert civilians["speaker"]["entity"] == "volodymyr-zelenskyy"
    assert civilians["speaker"]["text"] == "Officials"  # the words in the text stay what they were
    assert not [c for c in briefing["annotation"]["claims"] if "urgent debate" in c["content"]["text"]]
    ids = [c["id"] for c in briefing["annotation"]["claims"]]
    assert ids == sorted(ids, key=lambda i: int(i.split("-")[1])) and "claim-1" in ids

    html = (tmp_path / "site" / "briefings" / "talks" / "index.html").read_text(encoding="utf-8")
    assert "Editor &lt;b&gt;title&lt;/b&gt;" in html
    assert "<script>alert(" not in html and "<img src=x" not in html and "<b>title</b>" not in html
    assert "<strong>summary</strong>" in html  # the summary is markdown
    assert 'data-status="unverified"' in html
    assert "No independent count &lt;script&gt;" in html
    assert 'href="https://example.org/fact-check"' in html
    assert "urgent debate" in html  # the text stays; only the claim callout goes
    # The register's alias links "Zelensky" to the canonical person's page, with its description.
    assert "people/volodymyr-zelenskyy/" in html
    person = (tmp_path / "site" / "people" / "volodymyr-zelenskyy" / "index.html").read_text(encoding="utf-8")
    assert "President of <em>Ukraine</em>." in person
    assert 'href="https://en.wikipedia.org/wiki/Volodymyr_Zelenskyy"' in person


def test_correction_survives_a_changed_seed(tmp_path: Path) -> None:
    assert build(tmp_path).returncode == 0
    before = claim(exported(tmp_path), "more than 2000 civilians")
    changed = SEED.replace("Zelensky met reporters", "Air raid sirens sounded overnight.\nZelensky met reporters")
    done = build(tmp_path, seed=changed)
    assert done.returncode == 0, done.stdout + done.stderr
    after = claim(exported(tmp_path), "more than 2000 civilians")
    assert after["content"]["start"] > before["content"]["start"]  # re-annotated: offsets moved
    assert (after["status"], after["note"], after["speaker"]["entity"]) == (
        before["status"], before["note"], before["speaker"]["entity"],
    )


@pytest.mark.parametrize(
    ("overlay", "register", "expected"),
    [
        (OVERLAY.replace("title:", "titel:"), REGISTER,
         "briefings/talks.md:3: unknown key 'titel' in overlay front matter — did you mean 'title'?"),
        (OVERLAY.replace("urgent debate", "nothing like this"), REGISTER,
         "briefings/talks.md:12: correction quote 'nothing like this' matches no claim"),
        (OVERLAY.replace("status: unverified", "status: unverifed"), REGISTER,
         "briefings/talks.md:9: bad status 'unverifed': use one of verified"),
        (OVERLAY, REGISTER.replace("kind: person", "kind: persn"),
         "briefings/entities.yml:2: unknown kind 'persn' for 'Volodymyr Zelenskyy' — did you mean 'person'?"),
        (OVERLAY, REGISTER + "- name: Zelensky\n  kind: person\n",
         "briefings/entities.yml:6: 'Zelensky' is already registered on line 1"),
        (OVERLAY.replace("seed: talks.txt", "seed: ../../../etc/passwd"), REGISTER,
         "briefings/talks.md:2: seed '../../../etc/passwd' is outside the seeds directory"),
        (OVERLAY.replace("seed: talks.txt", "seed: talk.txt"), REGISTER,
         "briefings/talks.md:2: seed 'talk.txt' does not exist in seeds/ — did you mean 'talks.txt'?"),
        (OVERLAY, REGISTER.replace("aliases: [Zelensky]", "aliases: [Zelensky"),
         "briefings/entities.yml:4: invalid YAML"),
    ],
    ids=["unknown-key", "unmatched-correction", "bad-status", "bad-kind", "duplicate-name", "seed-outside",
         "missing-seed", "register-yaml"],
)
def test_mistakes_fail_the_strict_build_with_file_and_line(
    tmp_path: Path, overlay: str, register: str, expected: str
) -> None:
    done = build(tmp_path, overlay, register)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert expected in output, output
    assert "Traceback" not in output


def test_warnings_do_not_stop_a_normal_build(tmp_path: Path) -> None:
    done = build(tmp_path, OVERLAY.replace("title:", "titel:"), strict=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "WARNING" in output and "briefings/talks.md:3: unknown key 'titel'" in output
    briefing = exported(tmp_path)
    assert briefing["title"] == "Seed title"  # the misspelt key is ignored, the rest still applies
    assert claim(briefing, "more than 2000 civilians")["status"] == "unverified"


def test_status_false_unquoted_as_the_docs_show_it(tmp_path: Path) -> None:
    """Issue 18: YAML reads `false` as a boolean; the strict build takes it as the status the editor wrote."""
    done = build(tmp_path, OVERLAY.replace("status: unverified", "status: false"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert claim(exported(tmp_path), "more than 2000 civilians")["status"] == "false"


@pytest.mark.parametrize("name", ["index", "page"])
def test_a_briefing_named_like_a_folder_page_gets_its_own_page(tmp_path: Path, name: str) -> None:
    """The one slug rule: `index` and `page` get a trailing '-', and the briefings index stays the index."""
    (tmp_path / "seeds").mkdir(parents=True)
    (tmp_path / "seeds" / f"{name}.txt").write_text("The council met on Friday in Kyiv.\n", encoding="utf-8")
    done = build(tmp_path, None, None)
    assert done.returncode == 0, done.stdout + done.stderr
    page = (tmp_path / "site" / "briefings" / f"{name}-" / "index.html").read_text(encoding="utf-8")
    assert "The council met on Friday" in page
    listing = (tmp_path / "site" / "briefings" / "index.html").read_text(encoding="utf-8")
    assert f'href="{name}-/"' in listing
