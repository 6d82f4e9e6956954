"""A site's custom_dir overrides the plugin's templates (fragments/briefings/<name>.html), in a real build."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = {
    "2020-01-01-doe.txt": "---\ntitle: Doe speaks\n---\n"
    "Jane Doe met reporters. \"We are <script>alert(1)</script> ready,\" Doe said.\n",
}
CLAIM = (
    '<aside class="my-claim" data-full="{{ full }}">{{ claim.content.text }}'
    ' | {{ speaker.name or "unnamed" }}{% for b in badges(claim) %} {{ badge(b) }}{% endfor %}</aside>'
)
THEME = {"theme": {"name": "material", "custom_dir": "overrides"}}


def write_override(config: Path, name: str, text: str) -> None:
    path = config.parent / "overrides" / "fragments" / "briefings" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page(site: Path) -> str:
    return (site / "briefings" / "2020-01-01-doe" / "index.html").read_text(encoding="utf-8")


def test_an_override_replaces_the_claim_callout(project_writer: Callable[..., Path],
                                                 mkdocs_build: Callable[..., Path]) -> None:
    config = project_writer(seeds=SEEDS, plugin={"min_briefings": 1}, config=THEME)
    write_override(config, "claim.html", CLAIM)
    html = page(mkdocs_build(config))
    # Both places the details show: the note beside the text, and the list at the end (with the words).
    assert '<aside class="my-claim" data-full="False">We are &lt;script&gt;alert(1)&lt;/script&gt; ready | Jane Doe</aside>' in html
    assert '<aside class="my-claim" data-full="True">We are &lt;script&gt;alert(1)&lt;/script&gt; ready | Jane Doe</aside>' in html
    assert 'class="bf-claim"' not in html  # the plugin's own callout is gone
    assert "<script>alert" not in html  # an override prints seed text escaped, as ours do

    # The page store never serves pages made with an older override.
    write_override(config, "claim.html", CLAIM.replace("my-claim", "my-claim-2"))
    assert 'class="my-claim-2"' in page(mkdocs_build(config))


def test_an_override_of_the_shared_macros_reaches_every_page(project_writer: Callable[..., Path],
                                                              mkdocs_build: Callable[..., Path]) -> None:
    config = project_writer(seeds=SEEDS, plugin={"min_briefings": 1}, config=THEME)
    write_override(config, "macros.html", (
        '{% macro badge(b) %}<em class="b-{{ b.key }}">{{ b.label }}</em>{% endmacro %}'
        '{% macro heading(s) %}<h{{ s.level }} id="{{ s.id }}" class="mine">'
        '{% if caller is defined %}{{ caller() }}{% else %}{{ s.title }}{% endif %}</h{{ s.level }}>{% endmacro %}'
    ))
    site = mkdocs_build(config)
    assert '<h2 id="article" class="mine">Article</h2>' in page(site)
    assert '<h2 id="said" class="mine">Said</h2>' in (site / "people" / "jane-doe" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("custom_dir", [None, "overrides"])
def test_without_an_override_the_plugin_templates_serve(project_writer: Callable[..., Path],
                                                         mkdocs_build: Callable[..., Path], custom_dir: str | None) -> None:
    theme = {"theme": {"name": "material", **({"custom_dir": custom_dir} if custom_dir else {})}}
    config = project_writer(seeds=SEEDS, plugin={"min_briefings": 1}, config=theme)
    if custom_dir:
        (config.parent / custom_dir).mkdir()  # a custom_dir with nothing of ours in it
    html = page(mkdocs_build(config))
    assert '<details class="bf-note" id="claim-1" data-kind="direct">' in html
    assert '<aside class="bf-claim" data-kind="direct" data-claim="claim-1">' in html


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("claim.html", "<aside>\n{% if claim.hedges %}\n</aside>\n", "claim.html:3: this template cannot be used"),
        ("macros.html", "{% macro heading(s) %}{{ s.title }}{% endmacro %}\n", "macros.html: this template cannot be used: it must define the macro badge"),
        # It compiles, but fails on the page (a name the context does not have).
        ("claim.html", "<aside>\n{{ claim.id }} {{ no_such_name }}\n</aside>\n", "claim.html:2: this template failed: 'no_such_name' is undefined"),
    ],
)
def test_a_broken_override_fails_the_build_naming_it(project_writer: Callable[..., Path], name: str, text: str,
                                                     says: str) -> None:
    """What the site's author sees is the command's output: the file and line, never a traceback."""
    config = project_writer(seeds=SEEDS, config=THEME)
    write_override(config, name, text)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=config.parent, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert says in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
