"""The command line as a new user meets it (issue 18): examples in help, `--pretty`, file:line errors,
mkdocs.yml read as mkdocs reads it, and `briefings cache prune`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.cli import build_parser, main

ARTICLE = ("---\ntitle: Talks\nsource: Wire\n---\n"
           "Senator Jane Doe met reporters in Paris on Tuesday.\n"
           "\"We are ready,\" Doe said, reportedly.\n")


@pytest.mark.parametrize("verb", [[], ["new"], ["annotate"], ["check"], ["review"], ["cache"], ["cache", "prune"]])
def test_every_help_has_examples(verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*verb, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "examples:\n  briefings " in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"caf\xe9 au lait\n", "{f}:1: not UTF-8: invalid byte 0xe9 at byte offset 3; re-save the file as UTF-8"),
        (b"line one\nline two \xff\n", "{f}:2: not UTF-8: invalid byte 0xff at byte offset 18; re-save the file as UTF-8"),
        (b"bin\x00ary", "{f}:1: this looks like a binary file (NUL byte at byte offset 3)"),
        (b"---\ntitle: [unclosed\n---\nText.\n", "{f}:2: invalid YAML"),
        (b"---\ntitle: x\nBody without a closing line.\n", "{f}:1: front matter opened with '---' on line 1 is never closed"),
        (None, "{f}: cannot read file: No such file or directory"),
    ],
)
def test_annotate_reports_bad_files_as_check_does(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  content: bytes | None, expected: str) -> None:
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["annotate", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith(expected.format(f=path))


def test_annotate_goes_on_after_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "good.txt").write_text("Jane Doe spoke in Paris.\n", encoding="utf-8")
    assert main(["annotate", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [str(tmp_path / "good.txt")]


def test_annotate_as_a_command_has_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Café crème à Paris.\n".encode("latin-1"))
    done = subprocess.run([sys.executable, "-m", "mkdocs_briefings.cli", "annotate", str(tmp_path / "latin1.txt")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"{tmp_path / 'latin1.txt'}:1: not UTF-8: invalid byte 0xe9 at byte offset 3; re-save the file as UTF-8\n"


def test_a_seed_is_annotated_as_the_site_reads_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Front matter is not article text: the body is annotated, as the site does."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", str(tmp_path / "a.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    names = {e["name"] for e in record["entities"]}
    assert "Jane Doe" in names and "Wire" not in names and "Talks" not in names
    body = ARTICLE.split("---\n", 2)[2].rstrip("\n")
    for ent in record["entities"]:
        for m in ent["mentions"]:
            assert body[m["start"]:m["end"]] == m["text"]


def test_pretty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["annotate", "--pretty", str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'a.txt'}: ") and lines[0].endswith("1 claim")
    assert lines.index("  People") < lines.index("  Places") < lines.index("  Claims")
    assert "    Jane Doe — Senator · 2 mentions" in lines and "    Paris · 1 mention" in lines
    # The claim: the file line it is on (front matter counted), its kind, speaker, cue, content and hedges.
    (head,) = [line for line in lines if line.startswith(f"    {tmp_path / 'a.txt'}:")]
    assert head.startswith(f"    {tmp_path / 'a.txt'}:6 direct · Jane Doe (as “Doe”) · cue “said”")
    assert lines[lines.index(head) + 1:] == ["      “We are ready”", "      hedges: reportedly"]


def test_pretty_escapes_what_would_drive_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Jane\x1b[2J Doe said: \"Hello \x1b]0;owned\x07 there.\"\n", encoding="utf-8")
    assert main(["annotate", "--pretty", str(tmp_path / "a.txt")]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_pretty_jsonl(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "doc-1", "text": "Jane Doe said: \"Yes.\"\n"}) + "\n"))
    assert main(["annotate", "--jsonl", "--pretty"]) == 0
    assert capsys.readouterr().out.startswith("doc-1: ")


def test_jsonl_error_is_file_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('{"id": "a", "text": "x"}\n\n[1, 2]\n'))
    assert main(["annotate", "--jsonl"]) == 2
    assert capsys.readouterr().err.startswith("<stdin>:3: not a JSON object with 'id' and 'text'")


def test_missing_register_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["annotate", "--register", str(tmp_path / "none.yml"), str(tmp_path / "a.txt")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'none.yml'}: register file not found\n"


# --- check reads mkdocs.yml as mkdocs does ------------------------------------------------------

SEED = "---\ntitle: Alpha\n---\nAlpha happened in Paris.\n"


def _site(tmp_path: Path, config: str, docs: bool = True) -> Path:
    write_project(tmp_path, {"alpha.txt": SEED})
    (tmp_path / "articles").mkdir()
    for name in ("beta", "gamma"):
        (tmp_path / "articles" / f"{name}.txt").write_text(f"---\ntitle: {name}\n---\nIt happened in Rome.\n", encoding="utf-8")
    if docs:
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path


ENV_CONFIG = "site_name: x\nplugins:\n  - briefings:\n      seeds_dir: !ENV [BRIEFINGS_TEST_SEEDS, seeds]\n"


@pytest.mark.parametrize(("env", "count"), [(None, 1), ("articles", 2), ("seeds", 1)])
def test_check_honours_env(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                           env: str | None, count: int) -> None:
    """seeds/ holds one seed, articles/ two: the count says which folder `check` read."""
    root = _site(tmp_path, ENV_CONFIG)
    monkeypatch.delenv("BRIEFINGS_TEST_SEEDS", raising=False)
    if env is not None:
        monkeypatch.setenv("BRIEFINGS_TEST_SEEDS", env)
    assert main(["check", "--root", str(root), "--no-cache"]) == 0
    assert capsys.readouterr().out.endswith(f"ok — {count} briefings (0 with overlays), 0 register entries, no problems\n")


def test_check_follows_inherit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path, "INHERIT: base.yml\nsite_name: x\n")
    (root / "base.yml").write_text("plugins:\n  - briefings:\n      seeds_dir: articles\n", encoding="utf-8")
    (root / "articles" / "bad.txt").write_bytes(b"\xff")
    assert main(["check", "--root", str(root), "--no-cache"]) == 1
    assert "articles/bad.txt:1: not UTF-8" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("site_name: x\nplugins:\n  - briefings:\n    seeds_dir: [\n", "mkdocs.yml:5: invalid YAML"),
        ("site_name: x\n\tbad: tab\n", "mkdocs.yml:2: invalid YAML"),
        ("- a list\n- not settings\n", "mkdocs.yml:1: the site's config is not a mapping of settings"),
        ("INHERIT: missing.yml\n", "mkdocs.yml: invalid YAML"),
    ],
)
def test_check_reports_a_bad_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, expected: str) -> None:
    root = _site(tmp_path, config)
    assert main(["check", "--root", str(root), "--no-cache"]) == 1
    assert capsys.readouterr().out.startswith(expected)


def test_check_names_a_missing_docs_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path, "site_name: x\nplugins:\n  - briefings\n", docs=False)
    assert main(["check", "--root", str(root), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("mkdocs.yml: docs_dir 'docs' is not a folder, and mkdocs stops before any plugin runs: "
                          "create it (mkdir docs)")


# --- briefings cache prune ----------------------------------------------------------------------

def _aged(cache: Path) -> None:
    for p in cache.glob("*.json"):
        os.utime(p, (1_000_000, 1_000_000))


def test_cache_prune(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path, "site_name: x\n")
    assert main(["check", "--root", str(root)]) == 0
    cache = root / ".cache" / "briefings"
    (root / "seeds" / "alpha.txt").write_text(SEED + "More.\n", encoding="utf-8")
    _aged(cache)
    capsys.readouterr()
    assert main(["cache", "prune", "--root", str(root)]) == 0
    assert capsys.readouterr().out.startswith("briefings cache prune: removed 1 entry (")
    assert len(list(cache.glob("*.json"))) == 1
    assert main(["cache", "prune", "--root", str(root), "--all"]) == 0
    assert "removed 1 entry" in capsys.readouterr().out
    assert list(cache.glob("*.json")) == []


def test_cache_prune_refuses_when_inputs_have_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _site(tmp_path, "site_name: x\n")
    assert main(["check", "--root", str(root)]) == 0
    (root / "seeds" / "bad.txt").write_bytes(b"\xff")
    _aged(root / ".cache" / "briefings")
    assert main(["cache", "prune", "--root", str(root)]) == 2
    err = capsys.readouterr().err
    assert "seeds/bad.txt:1: not UTF-8" in err and "--all" in err
    assert len(list((root / ".cache" / "briefings").glob("*.json"))) == 1


@pytest.mark.parametrize(("verb", "status"), [(["check"], 1), (["review"], 2), (["cache", "prune"], 2)])
def test_a_missing_project_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: list[str], status: int) -> None:
    assert main([*verb, "--root", str(tmp_path / "none")]) == status
    out = capsys.readouterr()
    assert f"{tmp_path / 'none'}: project folder not found (--root)" in out.out + out.err
    assert not (tmp_path / "none").exists()
