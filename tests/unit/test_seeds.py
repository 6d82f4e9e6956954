"""Reading seeds: normalisation, front matter, captions, and every malformed input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from growth import assert_linear
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_briefings.core.inputs import clean_text
from mkdocs_briefings.core.seeds import MAX_SEED_BYTES, find_caption, read_seed, shorten


def _read(tmp_path: Path, content: bytes | str):
    path = tmp_path / "a.txt"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_seed(path, "a.txt", "seeds/a.txt")


def test_front_matter_and_body(tmp_path: Path) -> None:
    seed, diags = _read(
        tmp_path,
        "---\ntitle: Hello\ndate: 2020-02-03\nsource: Wikinews\nurl: https://example.org/x\n"
        "license: CC BY 2.5\ntags: [a, b, a]\n---\nFirst line.\nSecond line.\n\n",
    )
    assert diags == []
    assert seed.text == "First line.\nSecond line."
    assert seed.info.title == "Hello" and seed.info.date == date(2020, 2, 3)
    assert seed.info.source == "Wikinews" and seed.info.url == "https://example.org/x"
    assert seed.tags == ("a", "b")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("One.\r\nTwo.\r\n", "One.\nTwo."),  # CRLF
        ("One.\rTwo.\r", "One.\nTwo."),  # old Mac CR
        ("\ufeffOne.\nTwo.", "One.\nTwo."),  # BOM
        ("A\u200bB\u202eC\u2066D\u200fE\ufeffF.", "ABCDEF."),  # zero-width and bidi controls
        ("Tab\tseparated\tcolumns.", "Tab\tseparated\tcolumns."),
        ('"""', '"""'),  # only quotation marks
        ('He said "never. And then left.', 'He said "never. And then left.'),  # unbalanced quote
        ("Bell\x07 and escape\x1b.", "Bell and escape."),
    ],
)
def test_text_normalisation(tmp_path: Path, content: str, text: str) -> None:
    seed, diags = _read(tmp_path, content)
    assert diags == []
    assert seed.text == text


def test_bom_before_front_matter(tmp_path: Path) -> None:
    seed, diags = _read(tmp_path, "\ufeff---\r\ntitle: T\r\n---\r\nBody.\r\n")
    assert diags == [] and seed.info.title == "T" and seed.text == "Body."


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"", 0, "no article text"),
        (b"  \n\t\n   \n", 0, "no article text"),
        (b"---\ntitle: x\n---\n\n", 0, "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", 3, "binary file (NUL byte at byte offset 8)"),
        (b"ok line\nbad \xff byte\n", 2, "not UTF-8: invalid byte 0xff at byte offset 12"),
        (b"---\ntitle: x\nbody without closing\n", 1, "never closed"),
        (b"---\n- a\n- b\n---\nBody.\n", 2, "must be a mapping"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", 2, "invalid YAML"),
    ],
)
def test_unusable_seeds_name_file_and_line(tmp_path: Path, content: bytes, line: int, words: str) -> None:
    seed, diags = _read(tmp_path, content)
    assert seed is None
    assert len(diags) == 1
    assert diags[0].path == "seeds/a.txt" and diags[0].line == line
    assert words in diags[0].message


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("titel: x", 2, "unknown key 'titel' in seed front matter — did you mean 'title'?"),
        ("date: 2020-13-45", 2, "bad date '2020-13-45'"),
        ("date: yesterday", 2, "bad date"),
        ("url: javascript:alert(1)", 2, "only http:// and https://"),
        ("tags: {a: 1}", 2, "'tags' must be a list"),
        ("title: x\ntitle2: y", 3, "unknown key 'title2'"),
    ],
)
def test_front_matter_warnings(tmp_path: Path, front: str, line: int, words: str) -> None:
    seed, diags = _read(tmp_path, f"---\n{front}\n---\nBody.\n")
    assert seed is not None and seed.text == "Body."
    assert [(d.line, d.severity) for d in diags] == [(line, "warning")]
    assert words in diags[0].message
    assert str(diags[0]).startswith(f"seeds/a.txt:{line}: ")


@pytest.mark.parametrize(
    "first",
    [
        "Ukrainian President Volodymyr Zelenskyy in Kherson. Photo / AP",
        "Rescuers at the scene. Photo: Reuters",
        "Protesters gather on Monday. (AP Photo/Evan Vucci)",
        "The damaged building. Image: Getty Images",
        "The minister arrives. Picture: Supplied",
    ],
)
def test_photo_caption(first: str) -> None:
    text = f"{first}\nThe article starts here."
    span = find_caption(text)
    assert span is not None and span.start == 0 and span.text == first


@pytest.mark.parametrize(
    "text",
    [
        "A photo of the scene was shared widely.\nMore text.",
        "Only one line. Photo / AP",  # nothing follows: it is the article
        "He said the image was fake.\nMore.",
    ],
)
def test_not_a_caption(text: str) -> None:
    assert find_caption(text) is None


def test_title_fallback_skips_caption(tmp_path: Path) -> None:
    seed, _ = _read(tmp_path, "Smoke over the city. Photo / AP\nA very long first sentence " + "word " * 40 + "ends. Next.")
    assert seed.caption is not None
    title = seed.fallback_title
    assert title.startswith("A very long first sentence") and title.endswith("\u2026") and len(title) <= 91


def test_shorten_keeps_short_titles() -> None:
    assert shorten("  Short   title ") == "Short title"


def test_clean_text_keeps_offsets_consistent() -> None:
    assert clean_text("a\u200b\r\nb") == "a\nb"


def test_many_paragraphs(tmp_path: Path) -> None:
    body = "\n".join(f"Paragraph {i} says something." for i in range(10_000))
    seed, diags = _read(tmp_path, body)
    assert diags == [] and seed.text.count("\n") == 9_999


def test_seed_just_under_the_limit_is_read(tmp_path: Path) -> None:
    line = "Lorem ipsum dolor sit amet. " * 40 + "\n"
    seed, diags = _read(tmp_path, line * (MAX_SEED_BYTES // len(line)))
    assert diags == [] and len(seed.text) > MAX_SEED_BYTES * 0.99


def test_oversized_seed_is_refused_by_name_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as f:
        f.truncate(MAX_SEED_BYTES + 1)  # sparse: costs no disk, and must not be read
    seed, diags = read_seed(path, "dump.txt", "seeds/dump.txt")
    assert seed is None
    assert str(diags[0]).startswith("seeds/dump.txt: seed is 4.0 MB, more than the 4 MB an article can be: split it")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))))
def test_any_bytes_give_a_seed_or_a_message_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(b"---\n" + data if data[:1] == b"t" else data)
    seed, diags = read_seed(path, "fuzz.txt", "seeds/fuzz.txt")
    assert all(d.path == "seeds/fuzz.txt" for d in diags)
    if seed is None:
        assert diags
    else:
        assert "\r" not in seed.text and "\ufeff" not in seed.text and "\u202e" not in seed.text
        if seed.caption:
            assert seed.text[seed.caption.start:seed.caption.end] == seed.caption.text


@pytest.mark.parametrize(
    "shape",
    [
        "Photo: {s}x{s}y",  # the shape that took 90 s at 20,000 spaces
        "Image /{s}x{s}",
        "Picture:{s}a{s}b{s}c",
        "(AP Photo /{s}x{s}",
        "A line with spaces{s}and no credit{s}at all",
    ],
)
def test_caption_check_is_linear_in_runs_of_spaces(shape: str) -> None:
    """A first line of long space runs: checking it for a credit must not be quadratic in the run."""
    def make(n: int) -> str:
        return shape.format(s=" " * n) + "\nThe article starts here."

    assert_linear(find_caption, make, 1000, repeats=1)
