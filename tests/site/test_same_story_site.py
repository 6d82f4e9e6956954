"""Copies and versions of one story in a real build: "Same story as" and "Other versions of this story".

The project (texts written for this test) holds one story five times: the
first report, a copy of it re-filed a day later (the same headline and words,
only the case and punctuation differ), the same text under a new headline
(one with markup in it, which must come out escaped), the text edited (a
sentence changed) under the first headline, and a report that repeats
only its first half. A different story is there too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_links import broken_links

from mkdocs_briefings.core.duplicates import percent_same, shingles, words

BODY = (
    "Engineers inspecting the Northgate dam found three new cracks in its eastern wall on Tuesday, the regional water "
    "board said. \"We are watching it day and night,\" said Mary Ellison, the board's chief engineer.\n"
    "The board said the cracks were not yet a danger to the valley below, but it lowered the reservoir by two metres "
    "as a precaution and closed the road across the dam to heavy lorries.\n"
    "Residents of the four villages downstream were told at a meeting in the evening that a full survey would take "
    "a month, and that the board would publish its findings before the spring rains.\n"
    "The dam was built in 1961 and was last repaired eight years ago, when a smaller crack was sealed with concrete.\n"
)
EDITED = BODY.replace("at a meeting in the evening", "at a crowded meeting in the village hall on Tuesday evening")
HALF = BODY.split("\n")[0] + "\nA second team will arrive on Friday with divers to examine the base of the wall.\n" \
    "Anglers were asked to keep away from the water until further notice, and the sailing club cancelled its races.\n"


def seed(title: str, day: int, body: str) -> str:
    return f"---\ntitle: {json.dumps(title)}\ndate: 2024-02-{day:02d}\nsource: Test Wire\n---\n{body}"


FIRST = "2024-02-01-dam-cracks"
COPY = "2024-02-02-dam-cracks-wire"
HEADLINE = "2024-02-03-engineers-warn"
EDIT = "2024-02-04-dam-cracks-update"
FOLLOW = "2024-02-05-divers-to-inspect-dam"
OTHER = "2024-02-06-harbour-reopens"
NEW_TITLE = 'Engineers warn: <b>"cracks"</b> & more'
SEEDS = {
    f"{FIRST}.txt": seed("Dam inspection finds cracks", 1, BODY),
    f"{COPY}.txt": seed("DAM INSPECTION FINDS CRACKS!", 2, BODY.replace(", the regional", " - the regional")),
    f"{HEADLINE}.txt": seed(NEW_TITLE, 3, BODY),
    f"{EDIT}.txt": seed("Dam inspection finds cracks", 4, EDITED),
    f"{FOLLOW}.txt": seed("Divers to inspect dam", 5, HALF),
    f"{OTHER}.txt": seed("Harbour reopens after storm", 6,
                         "The harbour reopened to fishing boats on Monday after a week of storms kept the fleet ashore.\n"),
}
SAME = percent_same(shingles(words(BODY)), shingles(words(EDITED)))


@pytest.fixture(scope="module")
def site(session_builder) -> Path:
    return session_builder("same-story", seeds=SEEDS)


def _page(site: Path, slug: str) -> str:
    return (site / "briefings" / slug / "index.html").read_text(encoding="utf-8")


def _lines(page: str) -> list[str]:
    """The text of each same-story note on a page, as HTML."""
    return re.findall(r'<p class="bf-same-story[^"]*" role="note">(.*?)</p>', page, flags=re.S)


def test_the_edit_is_measured_and_in_range() -> None:
    assert 80 <= SAME <= 99  # the same story (above the threshold), but not the same words


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        (FIRST, ['Same story as <a href="../2024-02-02-dam-cracks-wire/">DAM INSPECTION FINDS CRACKS!</a> (2 February 2024).',
                 'Other versions of this story: <a href="../2024-02-03-engineers-warn/">'
                 "Engineers warn: &lt;b&gt;&#34;cracks&#34;&lt;/b&gt; &amp; more</a> (3 February 2024; new headline), "
                 f'<a href="../2024-02-04-dam-cracks-update/">Dam inspection finds cracks</a> (4 February 2024; '
                 f"edited text, {SAME}% the same)."]),
        (HEADLINE, ['Other versions of this story: <a href="../2024-02-01-dam-cracks/">Dam inspection finds cracks</a> '
                    '(1 February 2024; new headline), <a href="../2024-02-02-dam-cracks-wire/">DAM INSPECTION FINDS CRACKS!</a> '
                    '(2 February 2024; new headline), <a href="../2024-02-04-dam-cracks-update/">Dam inspection finds cracks</a> '
                    f"(4 February 2024; new headline, edited text, {SAME}% the same)."]),
        (EDIT, ['Other versions of this story: <a href="../2024-02-01-dam-cracks/">Dam inspection finds cracks</a> '
                f'(1 February 2024; edited text, {SAME}% the same), <a href="../2024-02-02-dam-cracks-wire/">'
                f"DAM INSPECTION FINDS CRACKS!</a> (2 February 2024; edited text, {SAME}% the same), "
                '<a href="../2024-02-03-engineers-warn/">Engineers warn: &lt;b&gt;&#34;cracks&#34;&lt;/b&gt; &amp; more</a> '
                f"(3 February 2024; new headline, edited text, {SAME}% the same)."]),
        (FOLLOW, []),  # half of it repeated: related, not the same story
        (OTHER, []),
    ],
)
def test_copies_and_versions_are_told_apart(site: Path, slug: str, expected: list[str]) -> None:
    assert [" ".join(line.split()) for line in _lines(_page(site, slug))] == expected


def test_copies_and_versions_are_not_related_briefings(site: Path) -> None:
    page = _page(site, FIRST)
    related = page.split('id="related-briefings"', 1)[1].split("</ul>", 1)[0]
    assert f'href="../{FOLLOW}/"' in related  # it shares a name with the story; the story's other briefings do too
    for slug in (COPY, HEADLINE, EDIT):
        assert slug not in related
    assert "<b>&quot;cracks" not in page and '<b>"cracks"' not in page  # the headline's markup is text


def test_export_gives_each_member_its_kind(site: Path) -> None:
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert data["duplicates"] == [[FIRST, COPY, HEADLINE, EDIT]]
    assert data["duplicate_kinds"] == [{
        "copies": [[FIRST, COPY], [HEADLINE], [EDIT]],
        "headlines": [[FIRST, COPY, EDIT], [HEADLINE]],
        "bodies": [[FIRST, COPY, HEADLINE], [EDIT]],
        "same": [[FIRST, EDIT, SAME]],
    }]


def test_every_link_resolves(site: Path) -> None:
    assert broken_links(site) == []


@pytest.fixture(scope="module")
def many(session_builder) -> Path:
    """The story filed eight times under eight headlines, and twice more word for word."""
    seeds = {f"2024-03-{d:02d}-filed-{d}.txt": seed(f"Dam story, take {d}", d, BODY).replace("2024-02-", "2024-03-")
             for d in range(1, 9)}
    seeds |= {f"2024-03-{d:02d}-wire-{d}.txt": seed("Dam story, take 1", d, BODY).replace("2024-02-", "2024-03-")
              for d in (20, 21)}
    return session_builder("same-story-many", seeds=seeds)


def test_five_of_each_kind_are_linked_and_the_rest_counted(many: Path) -> None:
    lines = [" ".join(line.split()) for line in _lines(_page(many, "2024-03-01-filed-1"))]
    assert len(lines) == 2
    assert lines[0] == ('Same story as <a href="../2024-03-20-wire-20/">Dam story, take 1</a> (20 March 2024), '
                        '<a href="../2024-03-21-wire-21/">Dam story, take 1</a> (21 March 2024).')
    versions = lines[1]
    assert versions.startswith('Other versions of this story: <a href="../2024-03-02-filed-2/">Dam story, take 2</a> '
                               "(2 March 2024; new headline), ")
    assert re.findall(r'href="\.\./([^/"]+)/"', versions) == [f"2024-03-{d:02d}-filed-{d}" for d in range(2, 7)]
    assert versions.endswith("(6 March 2024; new headline) and 2 more.")
    assert broken_links(many) == []
