"""Names the demo linked that are no person, organisation or place (issue 12, junk among linked names).

Table-driven, each rule with negatives; every sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.entities import find_entities

SHOWN = ("person", "organisation", "place")


def _linked(text: str) -> dict[str, str]:
    """Names the site would give a page (person, organisation, place at confidence >= 0.5) -> kind."""
    return {e.name: e.kind for e in find_entities(text) if e.kind in SHOWN and e.confidence >= 0.5}


# A thing's last word that is nobody's surname ends a thing after a given name too; after "the",
# a given name and any thing's word do ("the Wyatt Family"; "the Jerry Springer Show" is left whole).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("With NASA's James Webb Telescope due next year, the paper was out.", "James Webb Telescope"),
        ("Boseman rose to fame in the Marvel Universe films.", "Marvel Universe"),
        ("He wrestled as part of The Wyatt Family faction.", "Wyatt Family"),
    ],
)
def test_things_after_a_given_name(text: str, name: str) -> None:
    assert _linked(text).get(name) != "person"


@pytest.mark.parametrize(
    ("text", "person"),
    [  # negatives: a surname that is a thing's word, with no "the" before it
        ("Radio host Jane Peel Show said she was leaving.", "Jane Peel Show"),
        ("Tom Hall said the plan would work.", "Tom Hall"),
    ],
)
def test_things_after_a_given_name_negatives(text: str, person: str) -> None:
    assert _linked(text).get(person) == "person"


# A job that people hold too, or a verb people do too, before or after a name shaped like a
# person's is no sign of an organisation.
@pytest.mark.parametrize(
    "text, name",
    [
        ("Co-developer Jing Wang recounted the story.", "Jing Wang"),
        ("It began when Matty Roberts posted an invitation online.", "Matty Roberts"),
        ("Finnish video game developer Perttu Ahola discussed the project.", "Perttu Ahola"),
    ],
)
def test_people_after_a_job_are_no_bodies(text: str, name: str) -> None:
    assert {e.name: e.kind for e in find_entities(text)}.get(name) == "person"


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: sure signs of a body stay
        ("Shares in Hutchison Whampoa rose on Monday.", "Hutchison Whampoa"),
        ("The retailer Marks Spencer posted a loss.", "Marks Spencer"),
        ("Hutchison Whampoa's chief executive resigned.", "Hutchison Whampoa"),
    ],
)
def test_people_after_a_job_are_no_bodies_negatives(text: str, name: str) -> None:
    assert {e.name: e.kind for e in find_entities(text)}.get(name) == "organisation"


# Two bodies joined by "and": a complete body's name, then one led by an acronym or of three
# capitalised words or more that start with no country or region.
@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Researchers at the University of Bristol and UC Davis found it.", "University of Bristol", "UC Davis"),
        ("A team from the University of Miami and Apex Shark Expeditions tagged sharks.", "University of Miami",
         "Apex Shark Expeditions"),
    ],
)
def test_two_bodies_joined(text: str, first: str, second: str) -> None:
    linked = _linked(text)
    assert linked.get(first) == "organisation"
    assert linked.get(second) == "organisation"


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: one body whose name holds "and"
        ("The Port Authority of New York and New Jersey said so.", "Port Authority of New York and New Jersey"),
        ("The Department of Health and Human Services said so.", "Department of Health and Human Services"),
        ("The Officials Committee for Domestic and External Security Coordination met.",
         "Officials Committee for Domestic and External Security Coordination"),
    ],
)
def test_two_bodies_joined_negatives(text: str, name: str) -> None:
    assert _linked(text).get(name) == "organisation"


# Ideas, policies and products named like bodies are shown, not linked.
@pytest.mark.parametrize(
    "text, name",
    [
        ("Candidates argued over Universal Basic Income (UBI) and wages.", "Universal Basic Income"),
        ("Patients were offered Transcranial Magnetic Stimulation (TMS) twice.", "Transcranial Magnetic Stimulation"),
        ("Claims to the Canada Emergency Response Benefit (CERB) rose.", "Canada Emergency Response Benefit"),
        ("Users moved to Red Hat Enterprise Linux (RHEL) last year.", "Red Hat Enterprise Linux"),
    ],
)
def test_ideas_are_not_linked(text: str, name: str) -> None:
    assert name not in _linked(text)


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: bodies whose last word is a body's word, or a name the lexicon knows
        ("Officials at the Federal Emergency Management Agency said so.", "Federal Emergency Management Agency"),
        ("The World Health Organization said so.", "World Health Organization"),
        ("The National Unity Party won the vote.", "National Unity Party"),
        ("The Internal Revenue Service said so.", "Internal Revenue Service"),
    ],
)
def test_ideas_are_not_linked_negatives(text: str, name: str) -> None:
    assert _linked(text).get(name) == "organisation"


# Kinds of sites named with ordinary words, and pieces of a longer name cut before "of", are shown,
# not linked; a given name and a place word is a person when the words after it say so.
@pytest.mark.parametrize(
    "text, name",
    [
        ("Some Air Force Base civilian personnel live there.", "Air Force Base"),
        ("They want the map displayed in Town Hall.", "Town Hall"),
        ("The volcanic process produced the Hawaiian Island chain.", "Hawaiian Island"),
        ("Those who blame the Islamic Republic of Iran are lying.", "Islamic Republic"),
    ],
)
def test_generic_places_are_not_linked(text: str, name: str) -> None:
    assert name not in _linked(text)


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: names the gazetteer knows, an island named with a noun, a hall after "the"
        ("Tankers crossed the Red Sea on Monday.", "Red Sea"),
        ("Sharks hunt seals around Seal Island in False Bay.", "Seal Island"),
        ("The concert at the Albert Hall was sold out.", "Albert Hall"),
    ],
)
def test_generic_places_are_not_linked_negatives(text: str, name: str) -> None:
    assert _linked(text).get(name) == "place"


@pytest.mark.parametrize(
    "text, name",
    [
        ("In 2016, the party ticket of Darrell Castle for president received votes.", "Darrell Castle"),
        ("Nichole Hall was convicted of drug violations.", "Nichole Hall"),
    ],
)
def test_given_name_and_place_word_is_a_person(text: str, name: str) -> None:
    assert _linked(text).get(name) == "person"


# A verb of saying that opens the sentence is no part of the name after it.
@pytest.mark.parametrize(
    "text, name, junk",
    [
        ('Remarked Center for Biological Diversity scientist Tierra Curry, "This is welcome."',
         "Center for Biological Diversity", "Remarked Center for Biological Diversity"),
        ('Added Greenpeace spokesman John Smith, "We will appeal."', "Greenpeace", "Added Greenpeace"),
    ],
)
def test_verb_of_saying_is_no_part_of_a_name(text: str, name: str, junk: str) -> None:
    linked = _linked(text)
    assert junk not in linked
    assert linked.get(name) == "organisation"


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: a given name that is also a verb's form, names that start with a past participle
        ("Sultan Said bin Taimur ruled Oman until 1970.", "Said bin Taimur"),
        ("The Associated Press reported it first.", "Associated Press"),
    ],
)
def test_verb_of_saying_is_no_part_of_a_name_negatives(text: str, name: str) -> None:
    assert name in _linked(text)


# Titles before a name are its role, not part of it: "First Lady", "Emeritus", "Cde" (comrade).
@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Former First Lady Michelle Obama gave the keynote address.", "Michelle Obama", "Former First Lady"),
        ("Bishop Emeritus Dinualdo Gutierrez said so.", "Dinualdo Gutierrez", "Bishop Emeritus"),
        ("Cde Mugabe addressed the rally.", "Mugabe", "Cde"),
    ],
)
def test_titles_are_roles(text: str, name: str, role: str) -> None:
    people = {e.name: e.roles for e in find_entities(text) if e.kind == "person"}
    assert role in people.get(name, ())


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: "Lady" alone stays an honorific in the mention; "First" before a body's word is its name
        ("Lady Gaga sang at the inauguration.", "Gaga"),
        ("Shares in First Solar rose on Monday.", "First Solar"),
    ],
)
def test_titles_are_roles_negatives(text: str, name: str) -> None:
    assert name in _linked(text)


# One ordinary word between a title and an office's word is part of the role, nobody's name.
@pytest.mark.parametrize(
    "text, junk",
    [
        ("Red Hat's Chief Technical Officer Chris Wright wrote the announcement.", "Technical"),
        ("She was never pressured by any Executive Branch official.", "Branch"),
    ],
)
def test_word_inside_a_role_is_nobody(text: str, junk: str) -> None:
    assert junk not in {e.name for e in find_entities(text)}


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: a surname that is also a word, after a title
        ("President Bush said so on Monday.", "Bush"),
        ("Chancellor Brown spoke to President Bush officials.", "Brown"),
        ("President Bush officials met on Monday.", "Bush"),
    ],
)
def test_word_inside_a_role_is_nobody_negatives(text: str, name: str) -> None:
    assert _linked(text).get(name) == "person"


# A title or a middle given name before a surname that is a place word makes a person; "Market"
# ends no one's name.
@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Judge Durham Hall QC said they showed no respect.", "Durham Hall", "person"),
        ("Tynice Nichole Hall was convicted of drug violations.", "Tynice Nichole Hall", "person"),
        ("Stalls near QVM [Queen Victoria Market] stayed open.", "Queen Victoria Market", "place"),
    ],
)
def test_person_or_place_by_surname_word(text: str, name: str, kind: str) -> None:
    assert _linked(text).get(name) == kind


@pytest.mark.parametrize(
    "text, name",
    [  # negatives: places whose second word is a given name, a title that is a place's word
        ("Fires spread across San Diego County on Monday.", "San Diego County"),
        ("Trains left Grand Central Terminal late.", "Grand Central Terminal"),
        ("The concert at the Royal Albert Hall was sold out.", "Royal Albert Hall"),
    ],
)
def test_person_or_place_by_surname_word_negatives(text: str, name: str) -> None:
    assert _linked(text).get(name) == "place"


@pytest.mark.parametrize(
    "text, name, linked",
    [
        # A town's name before "administration" is a president's surname, not the town: not linked.
        ("Trump pointed out the Obama administration built the cages.", "Obama", False),
        # negative: a capital's administration, placed elsewhere in the text
        ("The Kiev administration said so. In Kiev, people marched.", "Kyiv", True),
    ],
)
def test_administration_of_a_surname(text: str, name: str, linked: bool) -> None:
    assert (name in _linked(text)) == linked


@pytest.mark.parametrize(
    "text, junk, kept",
    [
        # A count written as a word before a body's word is no part of its name.
        ("Four Navy ships assisted by aircraft are searching.", "Four Navy", None),
        # negative: a body named with a number
        ("Five Star Movement won the vote.", None, "Five Star Movement"),
    ],
)
def test_count_before_a_body(text: str, junk: str | None, kept: str | None) -> None:
    names = {e.name for e in find_entities(text)}
    if junk:
        assert junk not in names
    if kept:
        assert kept in names


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # A country after a person's title is a character; a country and an ordinary word a slogan.
        ("The first was Captain America: Civil War, then Black Panther.", "America", None),
        ("Pompeo defended Trump's America First foreign policy.", "America First", None),
        # "Master" is a title (chess), not part of the name.
        ("Iranian chess Master Ehasn Ghaem-Maghami won the round.", "Ehasn Ghaem-Maghami", "person"),
        # negatives: a country after a qualifier stays the place; a given name spelt like a country
        ("Former U.S. president Ronald Reagan's wife spoke.", "U.S.", "place"),
        ("Actress America Ferrera spoke at the rally.", "America Ferrera", "person"),
    ],
)
def test_country_named_like_a_person(text: str, name: str, kind: str | None) -> None:
    assert _linked(text).get(name) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        # A town's name before "poll" or "survey" is the pollster.
        ("He cited respondents to a Gallup poll last year.", "organisation"),
        # negative: the town, placed by the text
        ("The fair was held in Gallup, New Mexico.", "place"),
    ],
)
def test_pollster_named_like_a_town(text: str, kind: str) -> None:
    assert _linked(text).get("Gallup") == kind


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("The network's news channel, ABS-CBN News Channel, is still on air.", "ABS-CBN News Channel", "organisation"),
        ("Migrants crossed the English Channel on Monday.", "English Channel", "place"),  # negative: a strait
    ],
)
def test_broadcaster_channel(text: str, name: str, kind: str) -> None:
    assert _linked(text).get(name) == kind
