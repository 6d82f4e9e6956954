"""Surnames resolved across briefings (`core.entities.corpus_names`), table-driven, with negatives."""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.entities.corpus_names import resolve_corpus_names
from mkdocs_briefings.core.model import Annotation, Claim, Entity, Span, Speaker


def _person(name: str, *forms: str, ident: str | None = None, confidence: float = 0.9, roles: tuple[str, ...] = ()) -> Entity:
    mentions = tuple(Span(i * 10, i * 10 + len(f), f) for i, f in enumerate(forms or (name,)))
    return Entity(ident or name.lower().replace(" ", "-"), name, "person", roles, mentions, confidence)


def _ann(*entities: Entity) -> Annotation:
    return Annotation(entities=tuple(entities))


def _names(ann: Annotation) -> list[tuple[str, str]]:
    return [(e.id, e.name) for e in ann.entities]


@pytest.mark.parametrize(
    ("corpus", "slug", "expected"),
    [
        # one full name ends in the surname: the surname-only person becomes that person
        ({"a": _ann(_person("Tony Blair")), "b": _ann(_person("Blair", "Mr Blair"))}, "b", [("tony-blair", "Tony Blair")]),
        ({"a": _ann(_person("Vladimir Putin")), "b": _ann(_person("Putin", "President Putin", roles=("President",)))},
         "b", [("vladimir-putin", "Vladimir Putin")]),
        # transliterations of the Arabic article are one surname
        ({"a": _ann(_person("Abdel Fattah al-Sisi")), "b": _ann(_person("el-Sisi"))}, "b",
         [("abdel-fattah-al-sisi", "Abdel Fattah al-Sisi")]),
        # negatives: two candidates, a weak full name, a given name alone, a full name kept as is
        ({"a": _ann(_person("Gordon Brown"), _person("Craig Brown")), "b": _ann(_person("Brown", "Mr Brown"))}, "b",
         [("brown", "Brown")]),
        ({"a": _ann(_person("Nicholas Nickleby", confidence=0.3)), "b": _ann(_person("Nickleby", "Mr Nickleby"))}, "b",
         [("nickleby", "Nickleby")]),
        ({"a": _ann(_person("Ray Charles")), "b": _ann(_person("Charles"))}, "b", [("charles", "Charles")]),
        ({"a": _ann(_person("Tony Blair")), "b": _ann(_person("Cherie Blair"))}, "b", [("cherie-blair", "Cherie Blair")]),
    ],
)
def test_surnames_resolve_to_the_only_full_name(corpus: dict[str, Annotation], slug: str, expected: list[tuple[str, str]]) -> None:
    assert _names(resolve_corpus_names(corpus)[slug]) == expected


def test_renamed_onto_an_existing_entity_merges_and_claims_follow() -> None:
    full = _person("Tony Blair")
    short = _person("Blair", "Mr Blair", ident="blair")
    claim = Claim("claim-1", "direct", Span(100, 110, "x" * 10), None, Speaker(Span(0, 8, "Mr Blair"), "blair"))
    corpus = {"a": _ann(_person("Tony Blair")), "b": Annotation(entities=(full, short), claims=(claim,))}
    out = resolve_corpus_names(corpus)["b"]
    assert _names(out) == [("tony-blair", "Tony Blair")]
    assert {m.text for m in out.entities[0].mentions} == {"Tony Blair", "Mr Blair"}
    assert out.claims[0].speaker is not None and out.claims[0].speaker.entity == "tony-blair"


def test_protected_register_names_never_change() -> None:
    corpus = {"a": _ann(_person("Tony Blair")), "b": _ann(_person("Blair", "Mr Blair"))}
    assert _names(resolve_corpus_names(corpus, frozenset({"Blair"}))["b"]) == [("blair", "Blair")]


def test_order_independent_and_real_annotations() -> None:
    a = annotate("Prime Minister Tony Blair visited Leeds on Monday.")
    b = annotate("Mr Blair said the plan would work, a spokesman added.")
    one = resolve_corpus_names({"x": a, "y": b})
    two = resolve_corpus_names({"y": b, "x": a})
    assert one == two
    assert "tony-blair" in {e.id for e in one["y"].entities}
