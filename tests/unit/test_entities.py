"""The entity engine: kinds, merging, roles, register and ignore list (table-driven)."""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.entities import find_entities
from mkdocs_briefings.core.model import Entity, RegisterEntry
from mkdocs_briefings.core.text import slugify


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def _mentions(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Ukrainian President Volodymyr Zelenskyy has challenged Putin.", "Volodymyr Zelenskyy", "person"),
        ("The city of Kherson has been captured.", "Kherson", "place"),
        ("Russian troops advanced on Kyiv on Friday.", "Kyiv", "place"),
        ("Dmytro Orlov, the mayor of Enerhodar, said Thursday that a convoy was near.", "Dmytro Orlov", "person"),
        ("He spoke at the Human Rights Council in Geneva.", "Human Rights Council", "organisation"),
        ("She spoke at the Human Rights Council in Geneva.", "Geneva", "place"),
        ("The convoy reached the Dnieper River at dawn.", "Dnieper River", "place"),
        ("The claim was reported by the New York Times.", "New York Times", "organisation"),
        ("Defence Ministry spokesman Igor Konashenkov said so.", "Defence Ministry", "organisation"),
        ("Defence Ministry spokesman Igor Konashenkov said so.", "Igor Konashenkov", "person"),
        ("The plan was backed by Nato allies.", "NATO", "organisation"),
        ("Rebels were positioned in Crimea last year.", "Crimea", "place"),
        ("Officials met in Zarnovica to discuss it.", "Zarnovica", "place"),
        ("Mr Smith said he would stay.", "Smith", "person"),
        ("Fans watched the World Cup final in Paris.", "World Cup", "other"),
    ],
)
def test_kinds(text: str, name: str, kind: str) -> None:
    ents = _by_name(find_entities(text))
    assert name in ents, sorted(ents)
    assert ents[name].kind == kind


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("During Thursday's news conference, he spoke.", {"During", "Thursday"}),
        ("Rescuers are continuing to look through debris.", {"Rescuers"}),
        ("Many Western envoys sported blue ties.", {"Many", "Western"}),
        ("A Ukrainian official who attended said so.", {"Ukrainian", "A Ukrainian"}),
        ("He urged the West to act, on Friday (NZT).", {"West", "NZT", "Friday"}),
        ("Police said the seven men had been freed.", {"Police"}),
        ("Ukrainian President said nothing.", {"Ukrainian President", "President"}),
    ],
)
def test_not_entities(text: str, absent: set[str]) -> None:
    names = {e.name for e in find_entities(text)} | {m.text for e in find_entities(text) for m in e.mentions}
    assert not names & absent, names & absent


def test_surname_and_possessive_merge() -> None:
    text = "Volodymyr Zelenskyy spoke in Ukraine. Zelenskyy said Ukraine's army held. Mr Zelenskyy left."
    ents = _by_name(find_entities(text))
    assert _mentions(ents["Volodymyr Zelenskyy"]) == ["Volodymyr Zelenskyy", "Zelenskyy", "Mr Zelenskyy"]
    assert _mentions(ents["Ukraine"]) == ["Ukraine", "Ukraine"]
    assert ents["Volodymyr Zelenskyy"].id == "volodymyr-zelenskyy"


def test_acronym_and_spelled_out_name_merge() -> None:
    text = "The UN said the United Nations would vote. NATO and Nato allies agreed. The US and the United States."
    ents = _by_name(find_entities(text))
    assert _mentions(ents["United Nations"]) == ["UN", "United Nations"]
    assert _mentions(ents["NATO"]) == ["NATO", "Nato"]
    assert ents["United States"].kind == "place"
    assert _mentions(ents["United States"]) == ["US", "United States"]


def test_acronym_of_an_organisation_named_in_the_text() -> None:
    text = "The Dhaka Stock Exchange opened. Shares on the DSE rose."
    ents = _by_name(find_entities(text))
    assert _mentions(ents["Dhaka Stock Exchange"]) == ["Dhaka Stock Exchange", "DSE"]


def test_roles_from_titles_and_appositions() -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskyy spoke. Mayor Vadym Boychenkos said so. "
        "The mayor of Enerhodar says troops are near. Dmytro Orlov, the mayor of Enerhodar, said Thursday it was calm."
    )
    ents = _by_name(find_entities(text))
    assert "Ukrainian President" in ents["Volodymyr Zelenskyy"].roles
    assert "Mayor" in ents["Vadym Boychenkos"].roles
    orlov = ents["Dmytro Orlov"]
    assert "mayor of Enerhodar" in orlov.roles
    assert "The mayor of Enerhodar" in _mentions(orlov)


def test_role_only_subject_resolved_to_the_person_introduced_next() -> None:
    text = "The UN human rights chief says operations are escalating. Michelle Bachelet said a town was destroyed."
    ents = _by_name(find_entities(text))
    assert "The UN human rights chief" in _mentions(ents["Michelle Bachelet"])
    assert "UN" in _mentions(ents["United Nations"])


def test_photo_credit_is_the_associated_press() -> None:
    ents = _by_name(find_entities("Zelenskyy on a trip to Kherson. Photo / AP\nHe spoke."))
    assert ents["Associated Press"].kind == "organisation"
    assert _mentions(ents["Associated Press"]) == ["AP"]


def test_headline_in_capitals_uses_names_from_the_body() -> None:
    text = "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP .\nLONDON 1996-08-30\nIn Leicestershire , Phil Simmons took four ."
    spans = {(m.text, e.kind) for e in find_entities(text) for m in e.mentions}
    assert ("LONDON", "place") in spans
    assert ("Phil Simmons", "person") in spans
    assert not any(t in {"CRICKET", "TAKE", "TOP"} for t, _ in spans)
    assert {k for t, k in spans if t.casefold() == "leicestershire"} == {"place"}


def test_team_in_a_results_table_is_an_organisation() -> None:
    text = "Results on Thursday :\nChicago 4 Houston 1\nBoston 6 Texas 2\n"
    kinds = {e.name: e.kind for e in find_entities(text)}
    assert kinds["Chicago"] == kinds["Houston"] == "organisation"


def test_register_wins_and_ignore_drops() -> None:
    register = [RegisterEntry(name="Volodymyr Zelenskyy", kind="person", aliases=("Zelensky", "Mr Z"))]
    text = "Zelensky met Mr Z in Kyiv. Kyiv was calm. The Pentagon said so."
    ents = _by_name(find_entities(text, register, ignore={"Pentagon"}))
    assert _mentions(ents["Volodymyr Zelenskyy"]) == ["Zelensky", "Mr Z"]
    assert ents["Volodymyr Zelenskyy"].id == slugify("Volodymyr Zelenskyy")
    assert "Pentagon" not in ents
    assert _mentions(ents["Kyiv"]) == ["Kyiv", "Kyiv"]


def test_register_kind_overrides_detection() -> None:
    register = [RegisterEntry(name="Kherson", kind="organisation")]
    ents = _by_name(find_entities("Kherson said it would stay.", register))
    assert ents["Kherson"].kind == "organisation"


def test_output_is_sorted_and_spans_exact() -> None:
    text = open_seed_like_text()
    ents = find_entities(text)
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)
    assert len({e.id for e in ents}) == len(ents)
    for e in ents:
        starts = [m.start for m in e.mentions]
        assert starts == sorted(starts)
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    assert find_entities(text) == ents


def open_seed_like_text() -> str:
    return (
        "Ukrainian President Volodymyr Zelenskyy on a working trip to Kherson. Photo / AP\n"
        'French President Emmanuel Macron said Friday (NZT) that he asked Putin to halt. "At this point, he refuses," '
        "Macron wrote in a Twitter post.\nThe Russian Federation and the International Criminal Court. Moscow's isolation."
    )


@pytest.mark.parametrize("text", ["", " ", "\n\n", "'", '"', "A", "I", "Mr", "Mr.", "U.S.", "the", "X Y", "É", "\u0130"])
def test_degenerate_inputs(text: str) -> None:
    for e in find_entities(text):
        for m in e.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. President Bill Clinton spoke.", {("U.S.", "place"), ("Bill Clinton", "person")}),
        ("Chicago Cardinal Joseph Bernardin is ill.", {("Chicago", "place"), ("Joseph Bernardin", "person")}),
        ("U.S. Agriculture Department officials met.", {("U.S.", "place"), ("Agriculture Department", "organisation")}),
        ("Texas Health Resources hired staff.", {("Texas Health Resources", "organisation")}),
        ("Bowled by M. Butcher yesterday.", {("M. Butcher", "person")}),
        ("The final was played at Chester-le-Street on Monday.", {("Chester-le-Street", "place")}),
        ("Jansher Khan ( Pakistan ) beat Mark Cairns .", {("Jansher Khan", "person"), ("Pakistan", "place")}),
        ("Later Surrey captain Chris Lewis declared.", {("Surrey", "organisation"), ("Chris Lewis", "person")}),
    ],
)
def test_runs_cut_into_names(text: str, expected: set[tuple[str, str]]) -> None:
    got = {(m.text, e.kind) for e in find_entities(text) for m in e.mentions}
    assert expected <= got, got


def test_lone_unknown_names_take_clues_from_all_their_mentions() -> None:
    text = "Fighting spread to Tavildara on Monday . Rebels held Tavildara , officials said ."
    kinds = {e.name: e.kind for e in find_entities(text)}
    assert kinds["Tavildara"] == "place"


def test_organisation_named_by_description() -> None:
    text = "Ukraine's state emergencies agency also says that 22 civilians were killed."
    ents = _by_name(find_entities(text))
    agency = ents["Ukraine's state emergencies agency"]
    assert agency.kind == "organisation"
    assert _mentions(agency) == ["state emergencies agency"]
    assert _mentions(ents["Ukraine"]) == ["Ukraine"]


def test_ignored_role_reference_is_not_annotated() -> None:
    text = "Dmytro Orlov, the mayor of Enerhodar, said so. The mayor of Enerhodar says troops are near."
    ents = _by_name(find_entities(text, ignore={"The mayor of Enerhodar"}))
    assert "The mayor of Enerhodar" not in _mentions(ents["Dmytro Orlov"])


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Trains in Karnataka ran late.", {("Karnataka", "place")}, set()),
        ("Many Tongans mourned him.", set(), {"Tongans"}),
        ("Cases of COVID-19 rose.", {("COVID-19", "other")}, set()),
        ("Officials said former United States Vice President Joe Biden won.", {("United States", "place"), ("Joe Biden", "person")}, set()),
        ("The Queen. He said nothing.", set(), {"He"}),
        ("The motion passed in State Legislatures across the country.", set(), {"Legislatures"}),
        ("Loco pilot B Shiva Parvathi steered it.", {("B Shiva Parvathi", "person")}, set()),
        ("Some Egyptologists disagree.", set(), {"Egyptologists"}),
        ("Shares in CITIC Pacific rose.", {("CITIC Pacific", "organisation")}, set()),
        ("The war against Baghdad went on.", {("Baghdad", "place")}, set()),
    ],
)
def test_generalisation_cases(text: str, expected: set[tuple[str, str]], absent: set[str]) -> None:
    ents = find_entities(text)
    got = {(m.text, e.kind) for e in ents for m in e.mentions}
    assert expected <= got, got
    assert not absent & ({t for t, _ in got} | {e.name for e in ents})


def test_shorter_form_of_a_full_name_joins_the_longest() -> None:
    text = "Advisor John R. Bolton resigned. Trump said John Bolton was wrong. Bolton left."
    ents = _by_name(find_entities(text))
    assert _mentions(ents["John R. Bolton"]) == ["John R. Bolton", "John Bolton", "Bolton"]


def test_register_mention_keeps_the_title_before_it_as_role() -> None:
    register = [RegisterEntry(name="Volodymyr Zelenskyy", kind="person")]
    ents = _by_name(find_entities("Ukrainian President Volodymyr Zelenskyy spoke.", register))
    assert ents["Volodymyr Zelenskyy"].roles == ("Ukrainian President",)


def test_ordinary_word_capitalised_throughout_is_a_name() -> None:
    text = "Voters backed Dole in Iowa . Aides said Dole would win . The committee met , and the Committee agreed ."
    names = {e.name for e in find_entities(text)}
    assert "Dole" in names
    assert "Committee" not in names
