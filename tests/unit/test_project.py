"""load_project: which seeds make which briefing, validation across files, determinism."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from projectfiles import write_project

from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.diagnostics import BriefingsError
from mkdocs_briefings.core.project import check_project, load_project

ALPHA = "---\ntitle: Alpha news\ndate: 2020-01-02\ntags: [x]\n---\nAlpha happened in Paris.\nMore alpha.\n"
BETA = "---\ntitle: Beta news\nsource: Wikinews\n---\nBeta happened.\n"


def test_seeds_without_overlays(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"Alpha Story.txt": ALPHA, "beta.md": BETA, "notes.rst": "ignored", ".hidden.txt": "x"})
    project = load_project(root)
    assert [b.slug for b in project.briefings] == ["alpha-story", "beta"]
    alpha = project.briefings[0]
    assert (alpha.title, alpha.date, alpha.tags, alpha.text) == ("Alpha news", date(2020, 1, 2), ("x",), "Alpha happened in Paris.\nMore alpha.")
    assert alpha.sources[0].seed == "Alpha Story.txt" and alpha.overlay is None
    assert alpha.annotation == annotate(alpha.text)
    assert project.diagnostics == ()


def test_overlay_with_two_seeds(tmp_path: Path) -> None:
    overlay = "---\nseeds: [alpha.txt, sub/beta.txt]\ntitle: Both\ntags: [t1]\nentities:\n  ignore: [Paris]\n---\nSummary **here**.\n"
    root = write_project(tmp_path, {"alpha.txt": ALPHA, "sub/beta.txt": BETA, "gamma.txt": "Gamma."}, {"both.md": overlay})
    project = load_project(root)
    assert [b.slug for b in project.briefings] == ["both", "gamma"]
    both = project.briefings[0]
    assert both.text == "Alpha happened in Paris.\nMore alpha.\nBeta happened."
    assert [s.seed for s in both.sources] == ["alpha.txt", "sub/beta.txt"]
    assert (both.title, both.tags, both.date, both.summary) == ("Both", ("t1",), date(2020, 1, 2), "Summary **here**.")
    assert both.overlay == "briefings/both.md" and both.ignore == ("Paris",)
    assert both.annotation == annotate(both.text, (), ("Paris",))


def test_overlay_default_seed_and_caption(tmp_path: Path) -> None:
    seed = "Smoke rises over the port. Photo / AP\nThe fire started at night."
    root = write_project(tmp_path, {"fire.txt": seed}, {"fire.md": "---\ntitle: Fire\n---\n"})
    (briefing,) = load_project(root).briefings
    assert briefing.overlay == "briefings/fire.md" and briefing.caption.text == "Smoke rises over the port. Photo / AP"


@pytest.mark.parametrize(
    ("overlays", "path", "line", "words"),
    [
        ({"a.md": "---\nseed: ../../etc/passwd\n---\n"}, "briefings/a.md", 2, "outside the seeds directory"),
        ({"a.md": "---\nseed: /etc/passwd\n---\n"}, "briefings/a.md", 2, "outside the seeds directory"),
        ({"a.md": "---\nseed: alpa.txt\n---\n"}, "briefings/a.md", 2, "seed 'alpa.txt' does not exist in seeds/"),
        ({"a.md": "---\ntitle: x\n---\n"}, "briefings/a.md", 1, "overlay names no seed"),
        (
            {"a.md": "---\nseed: alpha.txt\n---\n", "b.md": "---\ntitle: B\nseed: alpha.txt\n---\n"},
            "briefings/b.md",
            3,
            "seed 'alpha.txt' is already used by briefings/a.md (line 2)",
        ),
        ({"a.md": "---\nseed: alpha.txt\ntitle: [x\n---\n"}, "briefings/a.md", 3, "invalid YAML"),
        ({"alpha.md": "---\nseed: gamma.txt\n---\n"}, "briefings/alpha.md", 0, "same briefing slug 'alpha'"),
    ],
)
def test_fatal_overlay_errors(tmp_path: Path, overlays: dict[str, str], path: str, line: int, words: str) -> None:
    root = write_project(tmp_path, {"alpha.txt": ALPHA, "gamma.txt": "Gamma."}, overlays)
    with pytest.raises(BriefingsError) as info:
        load_project(root)
    diag = info.value.diagnostic
    assert (diag.path, diag.line) == (path, line), str(info.value)
    assert words in diag.message
    assert str(info.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


@pytest.mark.parametrize(
    ("seeds", "overlays", "slugs"),
    [
        ({"index.txt": "Index.", "page.txt": "Page."}, {}, ["index", "page"]),
        ({"gamma.txt": "Gamma."}, {"Index.md": "---\nseed: gamma.txt\n---\n"}, ["index"]),
    ],
)
def test_folder_page_names_are_ordinary_slugs(tmp_path: Path, seeds: dict[str, str], overlays: dict[str, str],
                                              slugs: list[str]) -> None:
    """One slug rule (render/paths.page_stem renames them on the way to a page path): nothing refuses them here."""
    project = load_project(write_project(tmp_path, seeds, overlays))
    assert [b.slug for b in project.briefings] == slugs and project.diagnostics == ()


def test_symlinked_seed_outside_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret.", encoding="utf-8")
    root = write_project(tmp_path / "p", {"alpha.txt": ALPHA})
    os.symlink(secret, root / "seeds" / "leak.txt")
    with pytest.raises(BriefingsError, match=r"seeds/leak.txt: seed is a link to a file outside"):
        load_project(root)
    os.symlink(secret.parent, root / "seeds" / "dir")
    (root / "seeds" / "leak.txt").unlink()
    (root / "briefings" / "a.md").write_text("---\nseed: dir/secret.txt\n---\n", encoding="utf-8")
    with pytest.raises(BriefingsError) as info:
        load_project(root)
    assert any("outside the seeds directory" in d.message or "link to a file outside" in d.message for d in info.value.diagnostics)


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    root = write_project(
        tmp_path,
        {"alpha.txt": ALPHA, "bad.txt": b"caf\xe9\n", "open.txt": "---\ntitle: x\n"},
        {"a.md": "---\nseed: nope.txt\n---\n"},
        "- name: X\n  kind: thing\n",
    )
    with pytest.raises(BriefingsError) as info:
        load_project(root)
    assert [str(d) for d in info.value.diagnostics] == [
        "briefings/a.md:2: seed 'nope.txt' does not exist in seeds/ — did you mean 'open.txt'?",
        "seeds/bad.txt:1: not UTF-8: invalid byte 0xe9 at byte offset 3; re-save the file as UTF-8",
        "seeds/open.txt:1: front matter opened with '---' on line 1 is never closed: add a line '---' after it",
    ]
    _, everything = check_project(root)
    assert [d.path for d in everything] == [
        "briefings/a.md", "briefings/entities.yml", "seeds/bad.txt", "seeds/open.txt",
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n\t\n",
        b'"""\n"\n\xe2\x80\x9c\n',
        b'He said "this never ends.\nAnd \xe2\x80\x9cthis neither.\n',
        b"\xef\xbb\xbfCRLF line.\r\nCR line.\rEnd.\r\n",
        b"Tabs\tand\ttabs.\n",
        b"Hidden\xe2\x80\x8b zero\xe2\x80\xae width \xe2\x81\xa6marks.\n",
        "\n".join(f"Paragraph {i}: Mr. Smith said \"fine\"." for i in range(10_000)).encode(),
    ],
    ids=["empty", "whitespace", "only-quotes", "unbalanced-quotes", "bom-crlf-cr", "tabs", "invisible", "10000-paragraphs"],
)
def test_robust_inputs_build(tmp_path: Path, content: bytes) -> None:
    root = write_project(tmp_path, {"odd.txt": content})
    project = load_project(root)
    if not content.strip():
        assert project.briefings == () and "no article text" in project.diagnostics[0].message
        return
    (briefing,) = project.briefings
    for ch in "\r\ufeff\u200b\u202e\u2066":
        assert ch not in briefing.text
    for entity in briefing.annotation.entities:
        for m in entity.mentions:
            assert briefing.text[m.start:m.end] == m.text
    for claim in briefing.annotation.claims:
        assert briefing.text[claim.content.start:claim.content.end] == claim.content.text


def test_deterministic(tmp_path: Path) -> None:
    seeds = {f"s{i:02}.txt": f"---\ntitle: T{i}\n---\nPerson {i} said \"hello\" in Rome." for i in range(40)}
    root = write_project(tmp_path, seeds, {"z.md": "---\nseed: s07.txt\n---\n"})
    first = load_project(root, cache_dir=root / ".c")
    assert load_project(root, cache_dir=root / ".c") == first  # from cache
    assert load_project(root) == first  # no cache, 40 texts: the parallel path
    assert [b.slug for b in first.briefings] == sorted(b.slug for b in first.briefings)


def test_correction_survives_a_changed_seed(tmp_path: Path) -> None:
    seed = 'The mayor said: "The bridge will reopen in May." Engineers disagreed.\n'
    overlay = "---\nseed: bridge.txt\nclaims:\n  - quote: bridge will reopen\n    status: disputed\n    note: Engineers say June.\n---\n"
    root = write_project(tmp_path, {"bridge.txt": seed}, {"bridge.md": overlay})
    cache_dir = root / ".cache" / "briefings"

    def corrected() -> tuple[int, str | None, str | None]:
        project = load_project(root, cache_dir=cache_dir)
        assert project.diagnostics == ()
        (hit,) = [c for c in project.briefings[0].annotation.claims if "bridge will reopen" in c.content.text]
        return hit.content.start, hit.status, hit.note

    start, status, note = corrected()
    assert (status, note) == ("disputed", "Engineers say June.")
    assert corrected() == (start, status, note)  # from the cache: corrections are applied on top, not cached
    (root / "seeds" / "bridge.txt").write_text("Traffic was diverted on Monday.\n" + seed, encoding="utf-8")
    moved, status, note = corrected()
    assert moved > start and (status, note) == ("disputed", "Engineers say June.")
    cached = [p.read_text(encoding="utf-8") for p in cache_dir.iterdir()]
    assert cached and not any("disputed" in text for text in cached)
