"""The annotation pipeline: text in, entities and claims out.

Components run in a fixed order (entities first, because claims resolve
their speakers against entity mentions) and each one is a pure function of
its inputs, so a cached result is as good as a fresh one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path

from .claims import find_claims
from .entities import find_entities
from .files import tree_digest
from .limits import cap_annotation
from .model import Annotation, RegisterEntry

_ENGINE_DIR = Path(__file__).parent


def annotate(text: str, register: Sequence[RegisterEntry] = (), ignore: Collection[str] = ()) -> Annotation:
    """Annotate one article.

    `register` entries take precedence over detection; surface forms in
    `ignore` are never annotated. Never raises on any string. At most
    `limits.MAX_CLAIMS` claims and `limits.MAX_NAMES` names (and their
    speakers) are returned, so that text made to be dense cannot make the
    site that shows it grow without bound.
    """
    entities = find_entities(text, register, ignore)
    claims = find_claims(text, entities)
    return cap_annotation(Annotation(entities=tuple(entities), claims=tuple(claims)))


@lru_cache(maxsize=1)
def engine_version() -> str:
    """A digest of the engine's code and data, so caches expire when either changes.

    Hashing the files themselves (rather than a hand-bumped number) means a
    developer can never forget to invalidate cached annotations.
    """
    return tree_digest(_ENGINE_DIR, {".py", ".txt", ".json", ".yml", ".tsv", ".gz"})[:16]
