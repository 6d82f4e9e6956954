"""Claim extraction (placeholder until the claims module lands)."""
from __future__ import annotations
from collections.abc import Sequence
from ..model import Claim, Entity


def find_claims(text: str, entities: Sequence[Entity]) -> list[Claim]:
    return []
