"""Shared test helpers: hand-built briefings and real builds of small projects.

`briefing(...)` builds a `Briefing` from a text and the surface forms of its
entities and claims, finding the offsets itself, so tables of cases stay
readable and spans can never disagree with the text. `build_site(...)` runs a
real `mkdocs build` (no mocks) of a temporary project and returns its site dir.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, SourceInfo, Span, Speaker

REPO = Path(__file__).resolve().parent.parent
SPEC_SEED = "2022-03-04-zelenskyy-challenges-putin-to-talks.txt"
SPEC_SLUG = "zelenskyy-challenges-putin-to-talks"


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    """The `nth` occurrence of `needle` in `text` as a Span (fails loudly if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def briefing(
    slug: str,
    text: str,
    entities: Iterable[tuple[str, str, str, Sequence[str], Sequence[str]]] = (),
    claims: Iterable[Mapping[str, Any]] = (),
    **fields: Any,
) -> Briefing:
    """A briefing from (id, name, kind, roles, surface forms) entities and claim dicts.

    Every occurrence of each surface form becomes a mention. A claim dict has
    `content` (text), and optionally `kind`, `cue`, `speaker` (surface text),
    `entity` (speaker's entity id), `hedges`, `status`, `note`, `status_source`.
    """
    ents = []
    for ent_id, name, kind, roles, forms in entities:
        spans: list[Span] = []
        taken: set[int] = set()  # characters already inside a (longer) mention
        for form in sorted(forms, key=len, reverse=True):  # longest first; shorter forms inside are not mentions
            i = text.find(form)
            while i >= 0:
                if not taken.intersection(range(i, i + len(form))):
                    spans.append(Span.of(text, i, i + len(form)))
                    taken.update(range(i, i + len(form)))
                i = text.find(form, i + 1)
        ents.append(Entity(ent_id, name, kind, tuple(roles), tuple(sorted(spans, key=lambda s: s.start))))
    cls = []
    for n, spec in enumerate(claims, 1):
        speaker = None
        if "speaker" in spec:
            speaker = Speaker(span_of(text, spec["speaker"]), spec.get("entity"))
        cls.append(
            Claim(
                id=f"claim-{n}",
                kind=spec.get("kind", "direct"),
                content=span_of(text, spec["content"]),
                cue=span_of(text, spec["cue"]) if spec.get("cue") else None,
                speaker=speaker,
                hedges=tuple(spec.get("hedges", ())),
                status=spec.get("status"),
                note=spec.get("note"),
                status_source=spec.get("status_source"),
            )
        )
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("sources", (SourceInfo(seed=f"{slug}.txt", source="Wikinews",
                                             url=f"https://en.wikinews.org/wiki/{slug}", license="CC BY 2.5"),))
    return Briefing(slug=slug, text=text, annotation=Annotation(tuple(ents), tuple(cls)), **fields)


def write_project(
    root: Path,
    seeds: Mapping[str, str],
    overlays: Mapping[str, str] | None = None,
    register: str | None = None,
    plugin: Mapping[str, Any] | None = None,
    docs: Mapping[str, str] | None = None,
    config: Mapping[str, Any] | None = None,
) -> Path:
    """A minimal mkdocs project on disk, configured like the demo site (plus `config`); returns mkdocs.yml."""
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    for name, content in seeds.items():
        (root / "seeds" / name).write_text(content, encoding="utf-8")
    for name, content in (overlays or {}).items():
        (root / "briefings" / name).write_text(content, encoding="utf-8")
    if register is not None:
        (root / "briefings" / "entities.yml").write_text(register, encoding="utf-8")
    for name, content in (docs or {"index.md": "# Home\n\nA test site.\n"}).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(content, encoding="utf-8")
    from mkdocs.utils.yaml import yaml_load  # mkdocs' loader understands the demo's `!ENV` tag

    demo = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings = {
        "site_name": "Test briefings",
        "site_url": "https://example.org/",
        "theme": {"name": "material"},
        "plugins": ["search", {"briefings": dict(plugin or {})}],
        "markdown_extensions": demo["markdown_extensions"],
        "nav": [{"Home": "index.md"}] + [e for e in demo["nav"] if "index.md" in str(e) and "Home" not in e],
        "validation": demo["validation"],
        **(config or {}),
    }
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def build(config_file: Path, strict: bool = True) -> Path:
    """A real `mkdocs build`; returns the site dir. Strict mode fails on any warning."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), strict=strict)
    mkdocs_build(config)
    return Path(config.site_dir)


def repo_seed(name: str) -> str:
    return (REPO / "seeds" / name).read_text(encoding="utf-8")


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., Path]:
    """Write a project under tmp_path and build it: `site_builder(seeds={...}, ...)`."""

    def run(strict: bool = True, **kwargs: Any) -> Path:
        return build(write_project(tmp_path, **kwargs), strict=strict)

    return run


def write_spec_project(root: Path, per_page: int = 2) -> Path:
    """The specification article (with its overlay and the demo register) plus two seeds sharing people."""
    seeds = {name: repo_seed(name) for name in (
        SPEC_SEED,
        "2020-01-18-ukrainian-president-rejects-prime-minister-s-resignation.txt",
        "2020-01-13-iran-admits-downing-ukrainian-jet-cites-human-error.txt",
    )}
    overlay = REPO / "briefings" / f"{SPEC_SLUG}.md"
    return write_project(
        root,
        seeds=seeds,
        overlays={overlay.name: overlay.read_text(encoding="utf-8")} if overlay.exists() else {},
        register=(REPO / "briefings" / "entities.yml").read_text(encoding="utf-8"),
        # Pinned, not the default: names in two briefings (Ukraine) get a page, names in one
        # (Kherson, Michelle Bachelet) an entry on their A-Z listing, whatever the default becomes.
        plugin={"per_page": per_page, "min_briefings": 2},
    )


@pytest.fixture(scope="session")
def spec_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site of the specification project (built once per test session)."""
    return build(write_spec_project(tmp_path_factory.mktemp("spec")))


@pytest.fixture(scope="session")
def session_builder(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`session_builder(name, seeds={...}, ...)`: write a project and build it, for module- or session-scoped fixtures."""

    def run(name: str, strict: bool = True, **kwargs: Any) -> Path:
        return build(write_project(tmp_path_factory.mktemp(name), **kwargs), strict=strict)

    return run


@pytest.fixture
def project_writer(tmp_path: Path) -> Callable[..., Path]:
    """`write_project(tmp_path, ...)` as a fixture: returns the mkdocs.yml path."""

    def run(**kwargs: Any) -> Path:
        return write_project(tmp_path, **kwargs)

    return run


@pytest.fixture
def make_briefing() -> Callable[..., Briefing]:
    """`briefing(...)` as a fixture, so test modules need not import conftest."""
    return briefing


@pytest.fixture
def mkdocs_build() -> Callable[..., Path]:
    """`build(config_file, strict=True)` as a fixture."""
    return build


#: A project for the entity page policy (built with `min_briefings: 2`): Christopher Wray,
#: the FBI and Paris are named in one briefing each, Jane Doe in both.
LISTING_SEEDS = {
    "2020-01-01-wray-warns.txt": "---\ntitle: Wray warns of threats\n---\n"
    "FBI Director Christopher Wray said on Monday that the agency was \"ready for anything\". "
    "Jane Doe, a senator, agreed with him.\n",
    "2020-01-02-doe-in-paris.txt": "---\ntitle: Doe visits Paris\n---\n"
    "Senator Jane Doe met reporters in Paris on Tuesday. \"We are ready,\" Doe said.\n",
}


@pytest.fixture(scope="session")
def listing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site of `LISTING_SEEDS` with `min_briefings: 2` (built once per test session)."""
    return build(write_project(tmp_path_factory.mktemp("listing"), seeds=LISTING_SEEDS, plugin={"min_briefings": 2}))


@pytest.fixture
def listing_seeds() -> dict[str, str]:
    """`LISTING_SEEDS` as a fixture, so test modules need not import conftest."""
    return dict(LISTING_SEEDS)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 64 KB tmpfs, filled up: every write there fails with ENOSPC, as on a full
    cache disk. Mounting needs root (the suite's CI runs as root); elsewhere the test is skipped."""
    mount = tmp_path / "full"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        (mount / "cache").mkdir()
        with open(mount / "filler", "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        yield mount / "cache"
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
