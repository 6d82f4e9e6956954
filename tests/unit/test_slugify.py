"""Slugs: ids and URLs of every entity and briefing. Transliterated, and never shared by accident.

A slug is an entity's id in every briefing, so two different names that
share one merge two people: one's quotes are credited to the other. Names
outside Latin script are transliterated (a table generated from anyascii);
a letter that cannot be spelt, or a cut to SLUG_MAX, adds a short hash of
the whole name.
"""

from __future__ import annotations

import pytest

from mkdocs_briefings.core.text import HASH_CHARS, SLUG_MAX, is_slug, name_hash, slugify, transliterate


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Volodymyr Zelenskyy", "volodymyr-zelenskyy"),
        ("O'Brien", "obrien"),
        ("O\u2019Brien", "obrien"),
        ("O\u2018Brien", "obrien"),
        ("O\u00b4Brien", "obrien"),
        ("Nuku\u02bbalofa", "nukualofa"),  # the okina
        ("Nuku'alofa", "nukualofa"),
        ("Ka\u02bfba", "kaba"),  # the ayn
        ("Jean\u2013Paul", "jean-paul"),  # a dash separates
        ("AT&T", "at-t"),
        ("  Ada   Lovelace ", "ada-lovelace"),
        # Latin letters NFKD does not fold.
        ("Paweł Adamowicz", "pawel-adamowicz"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("Øresund", "oresund"),
        ("Đorđe Balašević", "dorde-balasevic"),
        ("Þór Æsir", "thor-aesir"),
        ("İstanbul", "istanbul"),
        ("Nguyễn Mạnh Dũng", "nguyen-manh-dung"),
        ("José Martí", "jose-marti"),
        # Other scripts.
        ("Владимир Путин", "vladimir-putin"),
        ("Владимир Зеленский", "vladimir-zelenskiy"),
        ("Новак Ђоковић", "novak-djokovic"),
        ("Αλέξης Τσίπρας", "alexis-tsipras"),
        ("习近平", "xijinping"),
        ("김정은", "gimjeongeun"),
        ("नरेन्द्र मोदी", "nrendr-modi"),
        # Compatibility forms.
        ("ﬁnance", "finance"),
        ("Ⅻ Corps", "xii-corps"),
        ("ＡＢＣ", "abc"),
        # Nothing to spell at all.
        ("", "x"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
    assert is_slug(slug)


def test_same_name_same_slug_in_any_spelling() -> None:
    assert slugify("Lodz") == slugify("Łódź") == slugify("ŁÓDŹ")
    assert slugify("Vladimir Putin") == slugify("Владимир Путин")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Владимир Путин", "Владимир Зеленский"),  # shared their first 12 UTF-8 bytes
        ("☃", "☂"),  # no letters at all
        ("𐌰𐌱 one", "𐌰𐌲 one"),  # Gothic letters: not in the table, so hashed
        ("a" * 100 + "x", "a" * 100 + "y"),  # cut to SLUG_MAX
    ],
)
def test_different_names_never_share_a_slug(a: str, b: str) -> None:
    assert slugify(a) != slugify(b)
    assert is_slug(slugify(a)) and is_slug(slugify(b))


@pytest.mark.parametrize("name", ["☃", "𐌰𐌱 one", "a" * 100, "\u0300"])
def test_unspellable_or_long_names_carry_a_hash(name: str) -> None:
    slug = slugify(name)
    assert slug.endswith("-" + name_hash(name)) and len(slug) <= SLUG_MAX
    assert len(name_hash(name)) == HASH_CHARS


def test_hash_ignores_case_and_spacing() -> None:
    assert slugify("𐌰𐌱  One") == slugify("𐌰𐌱 one")


@pytest.mark.parametrize(
    ("name", "spelt", "complete"),
    [("abc", "abc", True), ("Łódź", "Lodz", True), ("𐌰", " ", False), ("a☃b", "a b", True)],
)
def test_transliterate(name: str, spelt: str, complete: bool) -> None:
    assert transliterate(name) == (spelt, complete)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("a", True), ("ada-lovelace", True), ("a1-2b", True), ("x" * 128, True),
     ("", False), ("-a", False), ("a-", False), ("a--b", False), ("A", False), ("../x", False), ("a/b", False),
     ("a.b", False), ("a b", False), ("x" * 129, False), (5, False), (None, False), ("é", False)],
)
def test_is_slug(value: object, ok: bool) -> None:
    assert is_slug(value) is ok
