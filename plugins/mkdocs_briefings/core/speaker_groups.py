"""Claims by speaker: each named speaker's claims, then unnamed sources, then claims with no source.

A claim is credited to an entity only when its speaker was linked to one
with confidence (`build_corpus` decides); everything is ordered newest
briefing first, then by claim number, so the site is the same byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Claim

if TYPE_CHECKING:
    from .entity_records import EntityRecord


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim together with the briefing it belongs to."""

    slug: str
    claim: Claim


@dataclass(frozen=True, slots=True)
class SpeakerGroup:
    """The claims of one speaker (or of unnamed / unattributed sources)."""

    key: str  # the entity id, or "~unnamed" / "~unattributed"
    label: str
    entity: str | None
    claims: tuple[ClaimRef, ...]


def claim_number(claim: Claim) -> tuple[int, str]:
    """'claim-12' sorts after 'claim-2'."""
    tail = claim.id.rsplit("-", 1)[-1]
    return (int(tail), claim.id) if tail.isdigit() else (1 << 30, claim.id)


def group_by_speaker(
    groups: dict[str, list[ClaimRef]], records: dict[str, EntityRecord], date_rank: dict[str, int]
) -> tuple[SpeakerGroup, ...]:
    """Named speakers A-Z, then unnamed sources, then claims with no source found."""

    def order(refs: list[ClaimRef]) -> tuple[ClaimRef, ...]:
        return tuple(sorted(refs, key=lambda r: (date_rank.get(r.slug, 0), claim_number(r.claim))))

    named = sorted(
        (k for k in groups if not k.startswith("~") and k in records),
        key=lambda k: (records[k].name.casefold(), k),
    )
    out = [SpeakerGroup(k, records[k].name, k, order(groups[k])) for k in named]
    if groups.get("~unnamed"):
        out.append(SpeakerGroup("~unnamed", "Unnamed sources", None, order(groups["~unnamed"])))
    if groups.get("~unattributed"):
        out.append(SpeakerGroup("~unattributed", "No source given", None, order(groups["~unattributed"])))
    return tuple(out)
