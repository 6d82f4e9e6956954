"""Across briefings: a surname alone resolves to the one full name the corpus knows.

A briefing that only ever writes "Blair" or "Mr Blair" gives the engine no
full name, so its person would get a page of its own apart from "Tony
Blair". Once every briefing is annotated, the whole corpus is known: a
person named by one word (after an honorific or title, if any) is the
person of the corpus whose full name ends with that word, when there is
exactly one such person. Two candidates ("Gordon Brown", "Craig Brown")
leave the surname alone: guessing would merge two people.

A pure function over the annotations (no I/O, sorted iteration), run after
the annotation cache, so cached annotations stay valid and the result is the
same whatever order briefings were annotated in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from ..model import LINK_CONFIDENCE, Annotation, Claim, Entity, Speaker
from .lexicon import lexicon
from .names import fold_key

_PERSON = "person"
#: Mentions starting with these name the person by surname ("Mr Blair", "President Bush").
_SURNAME_PREFIXES = ("Mr ", "Mrs ", "Ms ", "Miss ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. ")


def resolve_corpus_names(annotations: Mapping[str, Annotation], protected: frozenset[str] = frozenset()) -> dict[str, Annotation]:
    """Every annotation with one-word people renamed to the corpus's only full name ending in that word.

    `protected` holds entity names that must never change (the editor's
    register entries). A renamed entity takes the full name's id and name;
    if the briefing already has that person, the two are merged (mentions
    and roles joined) and claims follow.
    """
    full_names: dict[str, dict[str, str]] = defaultdict(dict)  # folded surname -> {id: name}
    for slug in sorted(annotations):
        for e in annotations[slug].entities:
            words = e.name.split(" ")
            if e.kind == _PERSON and len(words) > 1 and e.confidence >= LINK_CONFIDENCE and any(ch.isupper() for ch in words[-1]):
                full_names[fold_key(words[-1])].setdefault(e.id, e.name)
    given = lexicon().first_names
    out: dict[str, Annotation] = {}
    for slug in sorted(annotations):
        ann = annotations[slug]
        renames: dict[str, tuple[str, str]] = {}
        for e in ann.entities:
            if e.kind != _PERSON or " " in e.name or e.name in protected:
                continue
            if e.name in given and not any(m.text.startswith(_SURNAME_PREFIXES) for m in e.mentions):
                continue  # "Charles" alone may be a given name: only "Mr Charles" is surely a surname
            options = full_names.get(fold_key(e.name), {})
            if len(options) == 1:
                (new_id, new_name), = options.items()
                if new_id != e.id:
                    renames[e.id] = (new_id, new_name)
        out[slug] = _renamed(ann, renames) if renames else ann
    return out


def _renamed(ann: Annotation, renames: dict[str, tuple[str, str]]) -> Annotation:
    """The annotation with entities renamed; an entity renamed onto an existing one is merged into it."""
    by_id: dict[str, Entity] = {}
    order: list[str] = []
    for e in ann.entities:
        new_id, new_name = renames.get(e.id, (e.id, e.name))
        if new_id in by_id:
            by_id[new_id] = _merged(by_id[new_id], e)
            continue
        by_id[new_id] = replace(e, id=new_id, name=new_name) if e.id in renames else e
        order.append(new_id)
    entities = tuple(by_id[i] for i in order)
    claims = tuple(_claim(c, renames) for c in ann.claims)
    return replace(ann, entities=entities, claims=claims)


def _merged(keep: Entity, other: Entity) -> Entity:
    """Two entities of one person: mentions in text order, roles without repeats, the higher confidence."""
    mentions = tuple(sorted({(m.start, m.end): m for m in (*keep.mentions, *other.mentions)}.values(), key=lambda m: (m.start, m.end)))
    roles = tuple(dict.fromkeys((*keep.roles, *other.roles)))
    return replace(keep, mentions=mentions, roles=roles, confidence=max(keep.confidence, other.confidence))


def _claim(claim: Claim, renames: dict[str, tuple[str, str]]) -> Claim:
    """A claim whose speaker follows its entity's new id."""
    sp = claim.speaker
    if sp is None or sp.entity not in renames:
        return claim
    return replace(claim, speaker=Speaker(sp.span, renames[sp.entity][0], sp.confidence))
