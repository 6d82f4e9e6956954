"""`briefings new`: the skeleton's files, its placeholders, and the folders it refuses."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from mkdocs_briefings import __version__
from mkdocs_briefings.cli import main
from mkdocs_briefings.newsite import (
    DEFAULT_REQUIREMENT,
    PINNED,
    NewSiteError,
    check_name,
    make_site,
    requirement_from,
    skeleton_files,
)

SKELETON = [
    ".github/workflows/site.yml",
    ".gitignore",
    "README.md",
    "briefings/entities.yml",
    "docs/index.md",
    "mkdocs.yml",
    "requirements.txt",
    "seeds/2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.txt",
]


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml's `!ENV` read as its list."""


_Lenient.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node))


def test_skeleton_files() -> None:
    assert sorted(rel for rel, _ in skeleton_files()) == sorted(SKELETON)


def test_new_site_writes_every_file(tmp_path: Path) -> None:
    made = make_site(tmp_path / "site", "Our <b>briefings</b> #1")
    assert sorted(made.written) == sorted(SKELETON) and made.kept == ()
    site = tmp_path / "site"
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)  # a SafeLoader subclass
    assert config["site_name"] == "Our <b>briefings</b> #1"
    assert config["site_url"] == ["SITE_URL", "http://127.0.0.1:8000/"]
    assert config["theme"]["name"] == "material"
    assert config["plugins"][0] == "search" and list(config["plugins"][1]) == ["briefings"]
    assert "min_briefings" not in config["plugins"][1]["briefings"]  # fitted to the site's size
    home = (site / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<!-- briefings: home -->" in home
    assert home.startswith("# Our &lt;b&gt;briefings&lt;/b&gt; \\#1\n")  # the name is text, not markup
    assert (site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == DEFAULT_REQUIREMENT
    assert DEFAULT_REQUIREMENT.startswith(("mkdocs-briefings==", "mkdocs-briefings @ git+https://"))  # requirement_from
    written = "".join((site / rel).read_text(encoding="utf-8") for rel in SKELETON)
    assert not re.search(r"@[A-Z_]+@", written)  # every placeholder filled
    assert __version__ in (site / "mkdocs.yml").read_text(encoding="utf-8")


def test_workflow_builds_strict_without_quiet_and_deploys(tmp_path: Path) -> None:
    make_site(tmp_path)
    workflow = yaml.safe_load((tmp_path / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "mkdocs build --strict" in runs
    assert " -q" not in runs and "--quiet" not in runs  # mkdocs 1.6 drops warnings before counting them with -q
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages", "actions/cache"} <= set(uses)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_seed_names_its_source_and_licence(tmp_path: Path) -> None:
    make_site(tmp_path)
    (seed,) = (tmp_path / "seeds").iterdir()
    front = yaml.safe_load(seed.read_text(encoding="utf-8").split("---")[1])
    assert front["license"] == "CC BY 2.5" and front["source"] == "Wikinews" and front["url"].startswith("https://en.wikinews.org/")
    assert "CC BY 2.5" in (tmp_path / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["", "   ", "two\nlines", "tab\there", "esc\x1b[2J", "line\u2028sep"])
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(NewSiteError, match="one line of text"):
        check_name(name)


@pytest.mark.parametrize(("name", "expected"), [("Briefings", "Briefings"), ("  Padded  ", "Padded"), ("Ünïcode — ok", "Ünïcode — ok")])
def test_good_names(name: str, expected: str) -> None:
    assert check_name(name) == expected


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NewSiteError, match="not empty"):
        make_site(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_force_adds_missing_files_and_keeps_existing_ones(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    made = make_site(tmp_path, force=True)
    assert made.kept == ("mkdocs.yml",)
    assert sorted(made.written) == sorted(set(SKELETON) - {"mkdocs.yml"})
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: mine\n"


def test_a_link_at_a_skeleton_path_is_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    os.symlink(outside, site / "mkdocs.yml")
    os.symlink(tmp_path / "missing.txt", site / "README.md")  # a dangling link is not written through either
    made = make_site(site, force=True)
    assert {"mkdocs.yml", "README.md"} <= set(made.kept)
    assert outside.read_text(encoding="utf-8") == "keep me" and not (tmp_path / "missing.txt").exists()


def test_a_file_in_place_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("x", encoding="utf-8")
    with pytest.raises(NewSiteError, match="not a folder"):
        make_site(tmp_path / "site")


@pytest.mark.parametrize(
    ("setup", "argv", "status", "stream", "expected"),
    [
        (None, ["new", "{d}"], 0, "out", "mkdocs serve"),
        ("file", ["new", "{d}"], 2, "err", "is not empty"),
        ("file", ["new", "{d}", "--force"], 0, "out", "wrote "),
        (None, ["new", "{d}", "--name", "a\nb"], 2, "err", "one line of text"),
    ],
)
def test_new_command(tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str | None, argv: list[str],
                     status: int, stream: str, expected: str) -> None:
    target = tmp_path / "site"
    if setup == "file":
        target.mkdir()
        (target / "x.txt").write_text("x", encoding="utf-8")
    assert main([a.replace("{d}", str(target)) for a in argv]) == status
    out = capsys.readouterr()
    assert expected in (out.out if stream == "out" else out.err)
    assert "Traceback" not in out.out + out.err


def test_requirement_option(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "s"), "--requirement", "mkdocs-briefings @ git+https://example.org/b.git"]) == 0
    lines = (tmp_path / "s" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "mkdocs-briefings @ git+https://example.org/b.git"


def test_a_requirement_on_two_lines_is_refused(tmp_path: Path) -> None:
    """requirements.txt gets one line: a second one would install something else."""
    with pytest.raises(NewSiteError, match="the requirement must be one line"):
        make_site(tmp_path / "s", requirement="mkdocs-briefings\nevil-package")
    assert not (tmp_path / "s").exists()


def test_readme_starts_a_site_in_at_most_five_commands() -> None:
    """The README's "Start your own briefing site": at most five commands, the ones test_new_site runs."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own briefing site", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert 1 <= len(commands) <= 5
    assert any(c.startswith("briefings new ") for c in commands) and "mkdocs serve" in commands


COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # Installed from a public git URL: the new site installs that very commit.
        ({"url": "https://github.com/newsroom/mkdocs-briefings", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
         f"mkdocs-briefings @ git+https://github.com/newsroom/mkdocs-briefings@{COMMIT}"),
        # Anything else pins the version.
        (None, PINNED),
        ({"url": "file:///work/main", "dir_info": {"editable": True}}, PINNED),  # a folder a runner cannot see
        ({"url": "https://files.example.org/mkdocs_briefings-0.1.0.whl", "archive_info": {}}, PINNED),
        ({"url": "https://user:token@github.com/n/m", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}, PINNED),  # credentials
        ({"url": "ssh://git@github.com/n/m", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}, PINNED),
        ({"url": "https://github.com/n/m", "vcs_info": {"vcs": "hg", "commit_id": COMMIT}}, PINNED),
        ({"url": "https://github.com/n/m", "vcs_info": {"vcs": "git", "commit_id": "main"}}, PINNED),
        ({"url": "https://github.com/n/m\nevil", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}, PINNED),
        ({"url": 5, "vcs_info": {"vcs": "git"}}, PINNED),
        ([], PINNED),
    ],
)
def test_requirement_from_how_the_plugin_was_installed(record: object, expected: str) -> None:
    assert requirement_from(record) == expected
    assert f"mkdocs-briefings=={__version__}" == PINNED
