"""Said about (core/said_about.py): the claims whose content names an entity, made by someone else."""

from __future__ import annotations

import pytest
from growth import assert_linear

from mkdocs_briefings.core.said_about import said_about

PUTIN = ("vladimir-putin", "Vladimir Putin", "person", (), ("Putin",))
DOE = ("jane-doe", "Jane Doe", "person", (), ("Jane Doe",))


@pytest.mark.parametrize(
    ("text", "claim", "about"),
    [
        ('Jane Doe said "Putin is afraid of talks".', {"content": "Putin is afraid of talks", "speaker": "Jane Doe",
                                                      "entity": "jane-doe"}, ["vladimir-putin"]),
        ('Putin said "talks are pointless".', {"content": "talks are pointless", "speaker": "Putin",
                                               "entity": "vladimir-putin"}, []),  # outside the content
        ('Putin said "Putin never loses".', {"content": "Putin never loses", "speaker": "Putin",
                                            "entity": "vladimir-putin"}, []),  # his own claim: "Said", not "Said about"
        ('Aides said "Putin and Jane Doe met, and Putin left".', {"content": "Putin and Jane Doe met, and Putin left",
                                                                  "speaker": "Aides"}, ["jane-doe", "vladimir-putin"]),
        ('Aides said "Jane Doe met him".', {"content": "Jane Doe met", "speaker": "Aides"}, ["jane-doe"]),
        ('Aides said "they met Jane Doe".', {"content": "they met Jane", "speaker": "Aides"}, []),  # mention cut: no
    ],
)
def test_said_about(make_briefing, text: str, claim: dict[str, str], about: list[str]) -> None:
    b = make_briefing("b", text, [PUTIN, DOE], [claim])
    found = said_about([b], {"vladimir-putin", "jane-doe"}, {"b": 0})
    assert sorted(found) == about
    assert all(len(refs) == 1 and refs[0].slug == "b" for refs in found.values())  # a claim counts once per entity


def test_only_wanted_entities_and_newest_first(make_briefing) -> None:
    claim = {"content": "Putin is afraid of talks", "speaker": "Jane Doe", "entity": "jane-doe"}
    text = 'Jane Doe said "Putin is afraid of talks".'
    old, new = make_briefing("old", text, [PUTIN, DOE], [claim]), make_briefing("new", text, [PUTIN, DOE], [claim])
    assert said_about([old, new], set(), {}) == {}
    found = said_about([old, new], {"vladimir-putin"}, {"new": 0, "old": 1})
    assert [r.slug for r in found["vladimir-putin"]] == ["new", "old"]


def test_grows_linearly(make_briefing) -> None:
    text = " ".join(f'Jane Doe said "Putin is afraid number {i}".' for i in range(20))

    def make(n: int):
        claims = [{"content": f"Putin is afraid number {i}", "speaker": "Jane Doe", "entity": "jane-doe"} for i in range(20)]
        b = make_briefing("b", text, [PUTIN, DOE], claims)
        return [b] * n

    assert_linear(lambda bs: said_about(bs, {"vladimir-putin"}, {}), make, 50)
