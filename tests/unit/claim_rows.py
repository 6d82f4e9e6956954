"""One check of a table row of claims tests: the text makes exactly one claim, with this kind,
content, cue and speaker (shared by the claims test tables, so each table holds only its rows)."""

from __future__ import annotations

from mkdocs_briefings.core.claims import find_claims

#: (kind, content, cue, speaker as written)
Row = tuple[str, str, str | None, str | None]


def check_one_claim(text: str, row: Row) -> None:
    """`text` makes one claim, and it is `row`."""
    claims = find_claims(text, [])
    assert len(claims) == 1, [(c.content.text, c.cue and c.cue.text) for c in claims]
    claim = claims[0]
    kind, content, cue, speaker = row
    assert (claim.kind, claim.content.text) == (kind, content)
    assert (claim.cue.text if claim.cue else None) == cue
    assert (claim.speaker.span.text if claim.speaker else None) == speaker
