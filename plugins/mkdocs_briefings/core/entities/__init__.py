"""Entity recognition (placeholder until the entities module lands)."""
from __future__ import annotations
from collections.abc import Collection, Sequence
from ..model import Entity, RegisterEntry


def find_entities(text: str, register: Sequence[RegisterEntry] = (), ignore: Collection[str] = ()) -> list[Entity]:
    return []
