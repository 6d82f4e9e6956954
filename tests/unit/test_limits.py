"""What one briefing can cost: caps on claims and names, and companions counted on a bounded sample.

Text made to be dense (a seed of 20,000 names, or 3.9 MB of nested quotes
giving 415,000 claims) made the index and the site grow without bound: four
minutes and 8 GB for companions alone, a 2.7 GB site for the claims. The
tests build annotations of n and 4n names or claims directly (no engine), so
each measures the layers after the engine, and assert that the time grew
linearly (growth.py), that the caps hold, and that the reader is told.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import assert_linear
from projectfiles import write_project

from mkdocs_briefings.core import limits
from mkdocs_briefings.core.corpus import build_corpus
from mkdocs_briefings.core.limits import MAX_CLAIMS, MAX_NAMES, cap_annotation, cap_notes
from mkdocs_briefings.core.model import Annotation, Briefing, Claim, Entity, SourceInfo, Span, Speaker
from mkdocs_briefings.core.project import check_project
from mkdocs_briefings.core.related import COMPANION_SAMPLE
from mkdocs_briefings.render.renderer import Renderer


def crowded(slug: str, names: int, claims: int = 0, repeats: int = 1) -> Briefing:
    """A briefing naming `names` people (`repeats` mentions each) with `claims` claims, every one by the first name."""
    words = [f"Name{i:06d}" for i in range(names)]
    text = " ".join(words * repeats) + "."
    starts: dict[str, list[int]] = {}
    pos = 0
    for word in words * repeats:
        starts.setdefault(word, []).append(pos)
        pos += len(word) + 1
    entities = tuple(
        Entity(f"name{i:06d}", w, "person", (), tuple(Span.of(text, s, s + len(w)) for s in starts[w]))
        for i, w in enumerate(words)
    )
    first = entities[0].mentions[0] if entities else Span(0, 0, "")
    cl = tuple(
        Claim(f"claim-{k + 1}", "direct", Span.of(text, 0, min(len(text), 20)), None, Speaker(first, "name000000"))
        for k in range(claims)
    )
    return Briefing(slug=slug, title=slug, text=text, annotation=Annotation(entities, cl),
                    sources=(SourceInfo(seed=f"{slug}.txt"),))


# -- companions ------------------------------------------------------------------------------


def test_companions_are_linear_in_names_per_briefing() -> None:
    """Two briefings sharing n names, every name with a page: was quadratic (n x n pairs per briefing)."""
    def make(n: int) -> list[Briefing]:
        return [crowded("a", n), crowded("b", n)]

    assert_linear(lambda bs: build_corpus(bs, min_briefings=1), make, 1000, repeats=1)


def test_companions_sample_is_told_on_the_page() -> None:
    big, small = crowded("a", COMPANION_SAMPLE + 50), crowded("b", 3)
    corpus = build_corpus([big, small], min_briefings=1)
    assert corpus.entities["name000000"].companions_sampled  # in a crowded briefing
    assert len(corpus.entities["name000000"].companions) == 10
    renderer = Renderer(corpus)
    page = next(s for s in renderer.pages() if s.src_uri == "people/name000000.md")
    assert f"only the {COMPANION_SAMPLE} named most often are counted" in page.make().after
    ordinary = build_corpus([crowded("c", 20), crowded("d", 20)], min_briefings=1)
    assert not any(r.companions_sampled for r in ordinary.entities.values())
    page = next(s for s in Renderer(ordinary).pages() if s.src_uri == "people/name000000.md")
    assert "named most often" not in page.make().after


# -- claims and names per briefing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "claims", "kept_names", "kept_claims", "notes"),
    [
        (10, 5, 10, 5, 0),  # an ordinary article is untouched
        (MAX_NAMES - 1, MAX_CLAIMS - 1, MAX_NAMES - 1, MAX_CLAIMS - 1, 0),
        (MAX_NAMES + 100, 3, MAX_NAMES + 1, 3, 1),  # the speaker is kept besides the MAX_NAMES others
        (20, MAX_CLAIMS + 100, 20, MAX_CLAIMS, 1),
        (MAX_NAMES * 3, MAX_CLAIMS * 3, MAX_NAMES + 1, MAX_CLAIMS, 2),
    ],
)
def test_caps(names: int, claims: int, kept_names: int, kept_claims: int, notes: int) -> None:
    b = crowded("a", names, claims)
    capped = cap_annotation(b.annotation)
    assert (len(capped.entities), len(capped.claims)) == (kept_names, kept_claims)
    assert [c.id for c in capped.claims] == [f"claim-{k + 1}" for k in range(kept_claims)]  # the first, in order
    ids = {e.id for e in capped.entities}
    assert all(c.speaker is None or c.speaker.entity in ids for c in capped.claims)
    assert len(cap_notes(capped)) == notes
    assert cap_annotation(capped) == capped


def test_most_mentioned_names_are_kept() -> None:
    b = crowded("a", MAX_NAMES + 10)
    entities = list(b.annotation.entities)
    entities[-1] = Entity(entities[-1].id, entities[-1].name, "person", (), entities[-1].mentions * 3)
    capped = cap_annotation(Annotation(tuple(entities), ()))
    ids = [e.id for e in capped.entities]
    # the boosted last name, then the first MAX_NAMES - 1 by first mention
    assert entities[-1].id in ids and entities[MAX_NAMES - 2].id in ids and entities[MAX_NAMES - 1].id not in ids


def test_pages_cost_linear_in_claims() -> None:
    """The corpus and every page of one briefing with n and 4n claims: the caps keep both bounded."""
    def work(b: Briefing) -> None:
        corpus = build_corpus([b], min_briefings=1)
        for spec in Renderer(corpus).pages():
            spec.make()

    assert_linear(work, lambda n: crowded("a", 50, n), MAX_CLAIMS, repeats=1)


def test_capped_briefing_warns_naming_the_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Claim-dense text through the real engine: the warning names the seed, the page says what is left out."""
    monkeypatch.setattr(limits, "MAX_CLAIMS", 20)
    text = 'He said "she said \'it said "no" today\' again" loudly. ' * 40
    root = write_project(tmp_path, {"dense.txt": text + "\n", "ok.txt": "Anna Berg said \"fine\".\n"})
    project, problems = check_project(root)
    dense = next(b for b in project.briefings if b.slug == "dense")
    assert len(dense.annotation.claims) <= 20
    assert [str(p) for p in problems] == ["seeds/dense.txt: this briefing has 20 claims or more: only the first 20 are shown"]
    page = next(s for s in Renderer(build_corpus(project.briefings)).pages() if s.src_uri == "briefings/dense.md")
    assert "This briefing has 20 claims or more: only the first 20 are shown." in page.make().before
