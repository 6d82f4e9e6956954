"""A Python-Markdown extension that turns generated HTML into real tree elements.

Why not plain raw HTML blocks: Python-Markdown stashes raw HTML away, so
mkdocs never sees the links inside it (no `.md` -> URL rewriting, no link
validation) and inline markdown can still fire inside some HTML. Here the
renderer's HTML (already escaped by Jinja) is parsed into elements whose
text is `AtomicString`, so:

- mkdocs rewrites and validates every `<a href="x.md#anchor">` and collects
  every `id` for anchor validation, exactly as for hand-written markdown;
- no markdown pattern ever runs on seed text (`*x*`, `[x](y)`, `# h` stay
  literal), because atomic text is skipped by the inline processor.

Generated HTML is fenced in the page source by two comment lines, which
seed text can never produce (it is escaped: `<` is `&lt;`). A small tree
processor also drops `javascript:`-style URLs and event-handler attributes
anywhere on a page, so editor-written markdown (summaries, register
descriptions) cannot script the site either.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX, AtomicString

BEGIN = "<!--bf:html-->"
END = "<!--/bf:html-->"
_PLACEHOLDER = re.compile(f"^{STX}bf-html:(\\d+){ETX}$")
_UNSAFE_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def fence(html_text: str) -> str:
    """Wrap generated HTML so the extension picks it up as one block."""
    return f"{BEGIN}\n{html_text.strip()}\n{END}"


class _Collect(Preprocessor):
    """Swap each fenced HTML section for a placeholder paragraph, keeping the HTML aside."""

    def __init__(self, md: Markdown, store: list[str]) -> None:
        super().__init__(md)
        self.store = store

    def run(self, lines: list[str]) -> list[str]:
        self.store.clear()
        out: list[str] = []
        buf: list[str] | None = None
        for line in lines:
            if buf is None and line.strip() == BEGIN:
                buf = []
            elif buf is not None and line.strip() == END:
                out.extend(["", f"{STX}bf-html:{len(self.store)}{ETX}", ""])
                self.store.append("\n".join(buf))
                buf = None
            elif buf is not None:
                buf.append(line)
            else:
                out.append(line)
        if buf is not None:  # an unclosed fence: keep the lines as they were
            out.extend([BEGIN, *buf])
        return out


#: A literal "&" that survives Python-Markdown's serializer, which leaves
#: anything that looks like an entity alone ("&amp;" in a seed would
#: otherwise show as "&"): its AndSubstitute postprocessor writes the "&".
_AMP = AMP_SUBSTITUTE + "amp;"


#: Elements whose trailing white space is insignificant.
_BLOCKS: frozenset[str] = frozenset(
    "p div aside section nav ul ol li h1 h2 h3 h4 h5 h6 blockquote form fieldset script figure table".split()
)


def _literal(text: str) -> str:
    return text.replace("&", _AMP)


def _atomic(el: etree.Element) -> None:
    """Mark every text of a subtree atomic (no markdown pattern touches it) and keep every "&" literal."""
    for node in el.iter():
        if node.text:
            node.text = AtomicString(node.text if node.tag == "script" else _literal(node.text))
        if node.tail and node.tag in _BLOCKS and not node.tail.strip():
            # Python-Markdown looks up the position of every element with a tail
            # (a list scan each time): thousands of callouts made that quadratic.
            # White space after a block element means nothing; prettify re-adds it.
            node.tail = None
        elif node.tail:
            node.tail = AtomicString(_literal(node.tail))
        for key, value in node.attrib.items():
            if "&" in value:
                node.set(key, _literal(value))


def parse_fragment(fragment: str) -> list[etree.Element]:
    """Parse well-formed generated HTML into elements (raises ParseError if it is not)."""
    wrapper = etree.fromstring(f"<div>{fragment}</div>")
    children = list(wrapper)
    for child in children:
        _atomic(child)
    return children


class _Insert(BlockProcessor):
    """Leave an empty marker element where a placeholder paragraph stood.

    The fragment itself is put in later by `_Expand`, after Python-Markdown's
    inline processor: that processor walks every element with a list it pops
    from the front, which is quadratic on a page of hundreds of thousands of
    elements (a 20 MB seed), and it has nothing to do on atomic text anyway.
    """

    def __init__(self, parser, store: list[str]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parser)
        self.store = store

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_PLACEHOLDER.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = _PLACEHOLDER.match(blocks[0].strip())
        if match is None or int(match.group(1)) >= len(self.store):
            return False  # not ours after all: leave the block to the other processors
        blocks.pop(0)
        etree.SubElement(parent, _MARKER, {"n": match.group(1)})
        return True


class _Expand(Treeprocessor):
    """Replace each marker element with the parsed elements of its fragment."""

    def __init__(self, md: Markdown, store: list[str]) -> None:
        super().__init__(md)
        self.store = store

    def run(self, root: etree.Element) -> None:
        found = [(parent, i, child) for parent in root.iter() for i, child in enumerate(parent) if child.tag == _MARKER]
        for parent, i, marker in reversed(found):
            parent.remove(marker)
            for offset, el in enumerate(parse_fragment(self.store[int(marker.get("n", "0"))])):
                parent.insert(i + offset, el)


#: Tag of the marker elements; not a valid HTML name, so no input can produce one.
_MARKER = "bf:fragment"


def unsafe_url(value: str) -> bool:
    """Whether a URL would run script when followed (entities and controls decoded first)."""
    return bool(_UNSAFE_SCHEME.match(_CONTROL.sub("", html.unescape(value))))


class _Defuse(Treeprocessor):
    """Drop script URLs and event-handler attributes from every element."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for name in list(el.attrib):
                low = name.lower()
                if low.startswith("on") or (low in _URL_ATTRS and unsafe_url(el.attrib[name])):
                    del el.attrib[name]
                    if el.tag in ("a", "img"):  # mkdocs expects every <a>/<img> to keep its URL
                        el.tag = "span"


_URL_ATTRS: frozenset[str] = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster"})


class BriefingsHtmlExtension(Extension):
    """Register the fenced-HTML preprocessor, block processor and the URL defuser."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        store: list[str] = []
        # After whitespace normalisation (30, which strips STX/ETX from the source), before html_block (20).
        md.preprocessors.register(_Collect(md, store), "briefings_html", 25)
        # Before every other block processor, so the placeholder is never read as a paragraph.
        md.parser.blockprocessors.register(_Insert(md.parser, store), "briefings_html", 200)
        # Right after inline patterns (20); before the defuser, toc (5) and mkdocs' anchors (5) and links (0).
        md.treeprocessors.register(_Expand(md, store), "briefings_expand", 19)
        # After inline patterns (20) created the links, before mkdocs rewrites them.
        md.treeprocessors.register(_Defuse(md), "briefings_defuse", 18)


def registered(extensions: Iterable[object]) -> bool:
    """Whether a markdown_extensions list already holds this extension."""
    return any(isinstance(e, BriefingsHtmlExtension) for e in extensions)
