"""How stories are sourced: named people, named organisations, or unnamed sources.

A sourcing profile counts a set of claims (one briefing's, or an outlet's,
a tag's, a month's): who they come from, how many are hedged, direct
quotes against reported speech, and how many distinct voices speak.

Who a claim comes from is read off the text, not off what the site links:
a speaker the text names counts as named (a person, or an organisation
for any other kind: a ministry, a party, "Moscow" standing for its
government) even when the engine was not sure enough to link the name.
"Unnamed" is a source the text describes without naming ("a senior
official"); a claim with no source found at all is counted apart.

Profiles add up: a group's profile is the sum of its briefings', except for
distinct voices, which are counted over the group's own claims (a person
quoted in ten briefings is one voice of the outlet). Every figure is a
count; shares are computed when shown, so nothing is rounded twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .model import Briefing, Claim

#: Where a claim's source falls, in the order the bar shows them.
BUCKETS: tuple[str, ...] = ("people", "organisations", "unnamed", "none")
LABELS: Mapping[str, str] = {
    "people": "named people",
    "organisations": "named organisations",
    "unnamed": "unnamed sources",
    "none": "no source given",
}


@dataclass(frozen=True, slots=True)
class Profile:
    """The counts of one set of claims."""

    claims: int = 0
    people: int = 0
    organisations: int = 0
    unnamed: int = 0
    none: int = 0
    hedged: int = 0
    direct: int = 0
    reported: int = 0  # indirect speech
    mixed: int = 0  # a quote inside reported speech
    voices: int = 0  # distinct speakers: named ones by entity, unnamed ones by description
    briefings: int = 0

    def count(self, bucket: str) -> int:
        """The claims of one of BUCKETS."""
        return int(getattr(self, bucket))

    def percent(self, n: int) -> int:
        """n as a whole percentage of the claims (0 without claims)."""
        return round(100 * n / self.claims) if self.claims else 0


def source_of(claim: Claim, b: Briefing) -> tuple[str, str | None]:
    """(bucket, voice): where a claim's source falls, and a key naming its speaker (None without a source)."""
    sp = claim.speaker
    if sp is None:
        return "none", None
    if sp.entity is not None:
        ent = b.annotation.entity(sp.entity)
        kind = ent.kind if ent else "person"
        return ("people" if kind == "person" else "organisations"), sp.entity
    return "unnamed", "~" + " ".join(sp.span.text.lower().split())


def profile(claims: Iterable[tuple[Briefing, Claim]]) -> Profile:
    """The profile of (briefing, claim) pairs."""
    buckets: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    hedged = 0
    voices: set[str] = set()
    slugs: set[str] = set()
    for b, claim in claims:
        slugs.add(b.slug)
        bucket, voice = source_of(claim, b)
        buckets[bucket] += 1
        if voice:
            voices.add(voice)
        kinds[claim.kind] += 1
        hedged += bool(claim.hedges)
    return Profile(
        claims=sum(buckets.values()), people=buckets["people"], organisations=buckets["organisations"],
        unnamed=buckets["unnamed"], none=buckets["none"], hedged=hedged, direct=kinds["direct"],
        reported=kinds["indirect"], mixed=kinds["mixed"], voices=len(voices), briefings=len(slugs),
    )


def briefing_profile(b: Briefing) -> Profile:
    """One briefing's profile."""
    return profile((b, c) for c in b.annotation.claims)


def grouped(briefings: Iterable[Briefing], keys: Callable[[Briefing], Iterable[str]]) -> dict[str, Profile]:
    """A profile per group, a briefing counting in every group `keys` names for it; sorted by key."""
    members: dict[str, list[Briefing]] = defaultdict(list)
    for b in briefings:
        for key in dict.fromkeys(keys(b)):
            members[key].append(b)
    return {k: profile((b, c) for b in members[k] for c in b.annotation.claims) for k in sorted(members)}


def outlets(b: Briefing) -> list[str]:
    """The outlets a briefing's seeds name in front matter (`source`), or "" when none does."""
    return [s.source for s in b.sources if s.source] or [""]


def tags(b: Briefing) -> list[str]:
    return list(b.tags)


def month(b: Briefing) -> list[str]:
    """'2020-03', or "" for an undated briefing."""
    return [b.date.strftime("%Y-%m") if b.date else ""]
