"""`briefings check` and `briefings annotate --register`, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.cli import main

SEED = "---\ntitle: Alpha\n---\nAlpha happened in Paris.\n"


def test_check_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, {"alpha.txt": SEED}, {"a.md": "---\nseed: alpha.txt\n---\nSummary.\n"},
                         "- name: Paris\n  kind: place\n")
    assert main(["check", "--root", str(root)]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[1:] == ["briefings check: ok — 1 briefings (1 with overlays), 1 register entries, no problems"]
    entry = next((root / ".cache" / "briefings").glob("*.json")).stat().st_size
    assert lines[0] == f"annotation cache .cache/briefings: 1 entry, {entry} bytes ({entry} bytes in all, with the stored pages and search index)"
    assert (root / ".cache" / "briefings").is_dir()  # annotation went through the cache


def test_check_reports_file_line_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(
        tmp_path,
        {"alpha.txt": SEED, "bad.txt": b"\xc3\x28"},
        {"a.md": "---\nseed: alpha.txt\ntitel: X\nclaims:\n  - quote: nothing like this\n    status: maybe\n---\n"},
        "- name: Paris\n  kind: city\n",
    )
    assert main(["check", "--root", str(root), "--no-cache"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "briefings/a.md:3: unknown key 'titel' in overlay front matter — did you mean 'title'? "
        "(valid keys: seed, seeds, title, date, tags, entities, claims, drop_figures, not_duplicates, ledger_split, ledger_merge)",
        "briefings/a.md:5: correction quote 'nothing like this' matches no claim in this briefing: "
        "copy a few words exactly from the claim, or remove the correction",
        "briefings/a.md:6: bad status 'maybe': use one of verified, disputed, unverified, false",
        "briefings/entities.yml:2: unknown kind 'city' for 'Paris' (use one of person, organisation, place, group, other)",
        "seeds/bad.txt:1: not UTF-8: invalid byte 0xc3 at byte offset 0; re-save the file as UTF-8",
    ]
    assert out.err == "briefings check: 5 problems (1 error, 4 warnings)\n"
    assert not (root / ".cache").exists()


def test_check_as_a_command_has_no_traceback(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"a.txt": "---\n: : :\n---\nBody.\n"}, {"x.md": "---\nseed: ../../etc/passwd\n---\n"})
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_briefings.cli", "check", "--root", str(root)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "briefings/x.md:2: seed '../../etc/passwd' is outside the seeds directory" in done.stdout
    assert "seeds/a.txt:2: invalid YAML" in done.stdout


def test_annotate_with_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Zelensky met Volodymyr Zelenskyy's aides in Kyiv.\n", encoding="utf-8")
    (tmp_path / "entities.yml").write_text(
        "- name: Volodymyr Zelenskyy\n  kind: person\n  aliases: [Zelensky]\n", encoding="utf-8"
    )
    assert main(["annotate", "--register", str(tmp_path / "entities.yml"), str(tmp_path / "a.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    from mkdocs_briefings.core.annotate import annotate
    from mkdocs_briefings.core.contract import annotation_to_json
    from mkdocs_briefings.core.model import RegisterEntry

    expected = annotation_to_json(annotate(
        (tmp_path / "a.txt").read_text(encoding="utf-8"),
        (RegisterEntry("Volodymyr Zelenskyy", "person", ("Zelensky",)),),
    ), str(tmp_path / "a.txt"))
    assert record == expected


def test_annotate_with_bad_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "entities.yml").write_text("- name: [x\n", encoding="utf-8")
    assert main(["annotate", "--register", str(tmp_path / "entities.yml"), str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'entities.yml'}:2: invalid YAML")


def test_check_reads_directories_from_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()  # mkdocs stops without it (test_check_names_a_missing_docs_dir)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "alpha.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "editorial").mkdir()
    (tmp_path / "editorial" / "a.md").write_text("---\nseed: alpha.txt\ntitel: x\n---\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: !ENV [SITE, x]\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - briefings:\n      seeds_dir: articles\n      briefings_dir: editorial\n"
        "      cache_dir: .c\n",
        encoding="utf-8",
    )
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith("editorial/a.md:3: unknown key 'titel'")
    assert (tmp_path / ".c").is_dir()
