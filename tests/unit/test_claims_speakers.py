"""Speaker resolution (`core.claims`): spans to entities, pronouns to their antecedents.

The entity engine is stood in for by hand-built entities, each mention
placed at the first (or n-th) occurrence of its text, so these tests fix
what the claims engine does with whatever entities it is given.
"""

from __future__ import annotations

from mentions import mentions_of

from mkdocs_briefings.core.claims import find_claims
from mkdocs_briefings.core.model import Entity, Span


def entity(text: str, eid: str, kind: str, *surfaces: str) -> Entity:
    """An entity with a mention at every occurrence of each surface form."""
    return Entity(eid, eid.replace("-", " ").title(), kind, mentions=mentions_of(text, surfaces))


def speakers(text: str, entities: list[Entity]) -> list[tuple[str, str | None]]:
    return [(c.speaker.span.text, c.speaker.entity) for c in find_claims(text, entities) if c.speaker]


def test_named_speaker_resolves_to_the_mention_it_overlaps() -> None:
    text = "Ukraine's presidential adviser Anton Vale said the talks would resume."
    ents = [entity(text, "ukraine", "place", "Ukraine"), entity(text, "anton-vale", "person", "Anton Vale")]
    assert speakers(text, ents) == [("Ukraine's presidential adviser Anton Vale", "anton-vale")]


def test_a_possessive_modifier_is_not_the_speaker() -> None:
    text = "Ukraine's state emergencies agency says at least 22 civilians have been killed."
    ents = [entity(text, "ukraine", "place", "Ukraine")]
    assert speakers(text, ents) == [("Ukraine's state emergencies agency", None)]


def test_role_reference_resolves_when_the_entity_has_it_as_a_mention() -> None:
    text = "The mayor of Dunmore says the shelling has stopped."
    ents = [
        entity(text, "dunmore", "place", "Dunmore"),
        entity(text, "lena-ortiz", "person", "mayor of Dunmore"),
    ]
    assert speakers(text, ents) == [("The mayor of Dunmore", "lena-ortiz")]


def test_place_inside_a_role_does_not_become_the_speaker() -> None:
    text = "The mayor of Dunmore says the shelling has stopped."
    assert speakers(text, [entity(text, "dunmore", "place", "Dunmore")]) == [("The mayor of Dunmore", None)]


def test_pronoun_goes_to_the_subject_of_the_previous_sentence() -> None:
    text = (
        "President Ana Vidal has challenged Marek Holm to meet her.\n"
        '"Sit down with me," she said.'
    )
    ents = [entity(text, "ana-vidal", "person", "Ana Vidal"), entity(text, "marek-holm", "person", "Marek Holm")]
    assert speakers(text, ents) == [("she", "ana-vidal")]


def test_pronoun_prefers_the_previous_claims_speaker() -> None:
    text = (
        "Mayor Ivo Brandt said Russian troops had blocked the road.\n"
        "Aid workers met Petra Lind at the border.\n"
        '"There is no water left," he said.'
    )
    ents = [entity(text, "ivo-brandt", "person", "Ivo Brandt"), entity(text, "petra-lind", "person", "Petra Lind")]
    assert speakers(text, ents)[-1] == ("he", "ivo-brandt")


def test_organisation_pronoun_resolves_to_an_organisation() -> None:
    text = "The Red Cross visited the camp on Monday. It said conditions had worsened."
    ents = [entity(text, "red-cross", "organisation", "Red Cross")]
    assert speakers(text, ents) == [("It", "red-cross")]


def test_country_as_speaker() -> None:
    text = "Russia reported its casualties for the first time, saying 500 of its troops had been killed."
    ents = [entity(text, "russia", "place", "Russia")]
    assert speakers(text, ents) == [("Russia", "russia")]


def test_unnamed_sources_stay_unresolved() -> None:
    text = "Officials said the dam had held. A senior Pentagon official said the convoy had stalled."
    ents = [entity(text, "pentagon", "organisation", "Pentagon")]
    assert speakers(text, ents) == [("Officials", None), ("A senior Pentagon official", None)]


def test_relative_pronoun_speaker_is_its_antecedent() -> None:
    # issue 12: the speaker is the whole description, without the relative pronoun ("a senior official, who")
    text = "That is according to a senior official, who claimed the troops were short of fuel."
    found = speakers(text, [])
    assert ("a senior official", None) in found


def test_entities_with_bad_offsets_are_ignored() -> None:
    text = "Kim said the roads were open."
    bogus = Entity("lee", "Lee", "person", mentions=(Span(500, 503, "Kim"), Span(-3, 0, "Kim")))
    assert speakers(text, [bogus]) == [("Kim", None)]


def test_speaker_the_entity_engine_missed_resolves_by_name() -> None:
    text = "President Emmanuel Macron spoke first. Macron said the talks would go on."
    macron = Entity("emmanuel-macron", "Emmanuel Macron", "person", mentions=(Span.of(text, 10, 25),))
    assert speakers(text, [macron]) == [("Macron", "emmanuel-macron")]


def test_organisation_after_for_the_does_not_become_the_speaker() -> None:
    text = "A spokeswoman for the Disaster Emergency Committee said the site was fake."
    dec = Entity("disaster-emergency-committee", "Disaster Emergency Committee", "organisation")
    assert speakers(text, [dec]) == [("A spokeswoman for the Disaster Emergency Committee", None)]
