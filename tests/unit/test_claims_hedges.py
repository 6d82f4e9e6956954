"""Hedges (`core.claims.hedges`): found, normalised, and only where their context says so."""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.claims.hedges import find_hedges


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a claim that could not be independently verified", ("could not be independently verified",)),
        ("which has not been independently confirmed", ("could not be independently verified",)),
        ("The figures could not be verified.", ("could not be verified",)),
        ("He claimed it; she claims it.", ("claimed",)),
        ("the alleged plot, allegedly planned", ("alleged",)),
        ("Reportedly, troops left.", ("reportedly",)),
        ("unconfirmed reports", ("unconfirmed",)),
        ("apparently referring to photos", ("apparently",)),
        ("he said, without providing any evidence", ("without evidence",)),
        ("It is not clear who fired.", ("unclear",)),
        ("The report was confirmed by officials.", ()),  # "confirmed" alone is no hedge
        ("They cleared the area; evidence was found.", ()),
        ("reclaimed land", ()),  # whole words only
        ("", ()),
    ],
)
def test_hedges(text: str, expected: tuple[str, ...]) -> None:
    assert find_hedges(text) == expected
