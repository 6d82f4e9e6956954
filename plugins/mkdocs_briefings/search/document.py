"""The document Pagefind indexes for one page: what a reader searches, and what a result says.

Pure functions (no mkdocs): the adapter hands in the page's search text
(the lean HTML the renderer made for search: headings and plain text) and
its full HTML, and gets back one small HTML document with Pagefind's
attributes:

- `kind` (person, organisation, place, briefing, claim, page) as metadata
  and as a filter, so every result says what it is;
- `keys`: every filter value as a word of its own (`key_word`), so that a
  query of filters alone costs one index chunk, not all of them;
- for a briefing, its date (metadata, sort key, and `year`/`month`
  filters) and its tags (filter `tag`);
- for an A-Z listing, `listing`: each name on it (a section of its own)
  is shown as a result of its own;
- for an entity, how many briefings name it (`mentions`), which the
  search script uses to put the best-known of several namesakes first;
- each claim of a briefing as a section of its own (`#claim-N`), titled
  with its kind and speaker and holding its words (cut from the article's
  paragraph, so they are indexed once), so a quotation is found as a claim
  and opens at its callout.

Indexing this document rather than the page itself keeps the theme's
navigation, the entity sidebar and the related-briefings list out of the
index (they would make every briefing match every name in the nav), and
keeps the text Pagefind parses to a few kilobytes a page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Kinds of result a reader can be shown, with the label the result list prints.
KIND_LABELS: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "briefing": "Briefing",
    "claim": "Claim",
    "page": "Page",
}

#: Site folder of a generated page -> its kind (entity folders as `core.kinds.PAGE_DIRS` lays them out).
FOLDER_KINDS: dict[str, str] = {"people": "person", "organisations": "organisation", "places": "place", "briefings": "briefing"}

#: Pagefind weight (0-10; a heading's default is 7 for h1 down to 2 for h6).
#: An entity's name is what a reader types to find the entity: it outweighs a
#: headline that mentions the name. A claim's heading (kind and speaker) weighs
#: as much as body text: it says who spoke, it is not the page's subject.
ENTITY_TITLE_WEIGHT = 10.0

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?])")
_META = re.compile(r'<p class="bf-meta">(.*?)</p>', re.S)
_DATE = re.compile(r'<time datetime="(\d{4})-(\d{2})-(\d{2})"')
_TAGS = re.compile(r'<span class="bf-tag">([^<]*)</span>')
_MENTIONS = re.compile(r"\bin ([\d,]+) briefings?\b")
#: A claim's full callout: the "Claims in this briefing" list names it by `data-claim` (the id
#: `claim-N` is its note's, beside the paragraph); a site's own claim.html may still carry the id.
_CLAIM = re.compile(r'<aside class="bf-claim"[^>]*?\b(?:id|data-claim)="(claim-\d+)"[^>]*>(.*?)</aside>', re.S)
_CLAIM_LABEL = re.compile(r"<header>\s*<b>(.*?)</b>", re.S)
_CLAIM_QUOTE = re.compile(r"<blockquote>(.*?)</blockquote>", re.S)
_CLAIM_SPEAKER = re.compile(r"<footer>(.*?)(?:<i>|</footer>)", re.S)
_FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


@dataclass(frozen=True)
class Claim:
    """One claim callout of a briefing: its anchor, kind label, speaker line and quotation (plain text)."""

    anchor: str
    label: str
    speaker: str
    quote: str


@dataclass(frozen=True)
class Facts:
    """What the full page says that its search text does not (every field plain text)."""

    date: str = ""  # YYYY-MM-DD
    tags: tuple[str, ...] = ()
    mentions: int = 0
    claims: tuple[Claim, ...] = ()


def plain(fragment: str) -> str:
    """HTML to one line of plain text (tags dropped, entities decoded, white space collapsed).

    Called for every paragraph and claim of every briefing, so the common
    cases skip work: text without tags skips the tag pattern, and `split()`
    collapses white space (the same characters as the pattern `\\s`).
    """
    if "<" in fragment:
        fragment = _TAG.sub(" ", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    text = " ".join(fragment.split())
    # "<a>Name</a>, role": no space before the comma (searched first: a replacement costs more than a search)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text) if _SPACE_BEFORE_PUNCT.search(text) else text


def kind_of(src_uri: str, generated: bool) -> str:
    """The kind of result a page is, from where the renderer put it (hand-written pages are `page`)."""
    if not generated:
        return "page"
    folder = src_uri.split("/", 1)[0]
    return FOLDER_KINDS.get(folder, "page")


def is_listing(src_uri: str) -> bool:
    """An A-Z listing page: each name on it without a page of its own is a result of its own."""
    return "/a-z/" in src_uri


def facts(full_html: str, kind: str) -> Facts:
    """Date, tags, mention count and claims, read from the page's own HTML.

    Only the first `bf-meta` line is read for date and tags (the page head);
    claims are the `bf-claim` callouts, in page order. Read from the HTML,
    not from the renderer's data, so that a site's own `claim.html` (or
    briefing head) is indexed as it shows the claim. For a generated page
    the page-making process reads them (`render/pagemaker.made`), from the
    page's own parts: the editor's markdown between them (sanitised, no raw
    HTML) can hold no callout.
    """
    if kind not in _FACT_KINDS:
        return Facts()
    meta = _META.search(full_html)
    head = meta.group(1) if meta else ""
    if kind == "briefing":
        date = _DATE.search(head)
        claims = []
        for anchor, inner in _CLAIM.findall(full_html):
            label = _CLAIM_LABEL.search(inner)
            quote = _CLAIM_QUOTE.search(inner)
            speaker = _CLAIM_SPEAKER.search(inner)
            claims.append(Claim(
                anchor,
                plain(label.group(1)) if label else "Claim",
                plain(speaker.group(1)).rstrip(",") if speaker else "",
                plain(quote.group(1)) if quote else "",
            ))
        return Facts(
            date="-".join(date.groups()) if date else "",
            tags=tuple(dict.fromkeys(t for t in (plain(x) for x in _TAGS.findall(head)) if t)),
            claims=tuple(claims),
        )
    if kind in ("person", "organisation", "place"):
        count = _MENTIONS.search(head)
        return Facts(mentions=int(count.group(1).replace(",", "")) if count else 0)
    return Facts()


#: The kinds of page `facts` reads anything of.
_FACT_KINDS = frozenset({"briefing", "person", "organisation", "place"})
#: What stored facts may hold (`facts_from_json`): what `facts` itself can find.
_STORED_DATE = re.compile(r"(?:\d{4}-\d{2}-\d{2})?")
_STORED_ANCHOR = re.compile(r"claim-\d+")


def facts_to_json(found: Facts) -> str:
    """Facts as the page store keeps them next to the page (read back by `facts_from_json`)."""
    claims = [[c.anchor, c.label, c.speaker, c.quote] for c in found.claims]
    return json.dumps([found.date, list(found.tags), found.mentions, claims], ensure_ascii=False, separators=(",", ":"))


def facts_from_json(text: str) -> Facts | None:
    """Facts `facts_to_json` wrote, or None when they are not such (then search reads the page's HTML again).

    The page store is outside input (CI restores caches); every value here is
    plain text that `document` escapes, and only what `facts` can find passes.
    """
    try:
        date, tags, mentions, claims = json.loads(text)
        if not (isinstance(date, str) and _STORED_DATE.fullmatch(date) and isinstance(tags, list)
                and all(isinstance(t, str) and t for t in tags) and type(mentions) is int and mentions >= 0
                and isinstance(claims, list)):
            return None
        found = []
        for anchor, label, speaker, quote in claims:
            if not (isinstance(anchor, str) and _STORED_ANCHOR.fullmatch(anchor)
                    and isinstance(label, str) and isinstance(speaker, str) and isinstance(quote, str)):
                return None
            found.append(Claim(anchor, label, speaker, quote))
    except (ValueError, TypeError, RecursionError):  # not JSON, or not lists of the right lengths
        return None
    return Facts(date, tuple(tags), mentions, tuple(found))


_NOT_WORD = re.compile(r"[^\w]+|_+")


def key_word(key: str, value: str) -> str:
    """The word a filter value is also findable by (`tag`, `human rights` -> `bftag_human_rights`).

    Pagefind answers a query of filters alone by reading every index chunk
    (megabytes on a large site); a query for this word reads one. The search
    script makes the same word from `tag:...`, `date:...` and `kind:...`.
    """
    return "bf" + key + "_" + _NOT_WORD.sub("_", value.lower()).strip("_")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _hidden(pairs: Iterable[tuple[str, str, str]]) -> str:
    """Metadata and filter values as elements Pagefind reads but does not index as words."""
    spans = "".join(f'<span data-pagefind-{what}="{_attr(key)}">{html.escape(value)}</span>' for what, key, value in pairs)
    return f"<div data-pagefind-ignore>{spans}</div>" if spans else ""


_ARTICLE = '<h2 id="article">'
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def without_quotes(search_html: str, claims: tuple[Claim, ...]) -> str:
    """The article's paragraphs with each claim's words cut out (they go under the claim's heading).

    Indexed twice, a quotation would cost Pagefind a quarter more text on a
    news site and find the article section where the claim is the answer.
    A quotation that is not found whole in one paragraph is left there.
    The page-making process cuts a briefing's search text ahead
    (`render/pagemaker.made`), so that the main process only joins it
    (`join_quoteless`).
    """
    start = search_html.find(_ARTICLE)
    if start < 0:
        return search_html
    left = [c.quote for c in claims if c.quote]

    def cut(match: re.Match[str]) -> str:
        text = plain(match.group(1))
        cuts = 0
        for quote in list(left):
            if quote in text:
                text = text.replace(quote, " … ", 1)
                left.remove(quote)
                cuts += 1
        if cuts:  # plain() text has single spaces; a cut may leave two, or one at an end
            text = " ".join(text.split())
        return f"<p>{html.escape(text, quote=False)}</p>"

    return search_html[:start] + _PARAGRAPH.sub(cut, search_html[start:])


def join_quoteless(search_before: str, editor_html: str, quoteless_after: str | None) -> str | None:
    """The page's search text with the claims' words cut, from its last part cut ahead, or None (cut it whole).

    `quoteless_after` is `without_quotes` of the renderer's last search part
    (`Parts.quoteless`); joined after the first part and the editor's HTML
    as the search text is joined, it is the whole text cut, provided the
    cutting starts in that last part: no article heading comes before it.
    """
    if not quoteless_after or _ARTICLE in search_before or _ARTICLE in editor_html:
        return None
    return joined(search_before, editor_html, quoteless_after)


def joined(*parts: str) -> str:
    """A generated page's HTML or search text: the renderer's parts around the editor's HTML (`GeneratedPage`),
    the empty ones left out."""
    return "\n".join(part for part in parts if part)


def generated_document(
    *, src_uri: str, search_before: str, search_after: str, found: Facts, quoteless_after: str | None, language: str,
) -> str | None:
    """The search document of a generated page without editor markdown, made where the page is made.

    The same document `SearchIntegration.index` makes from the mkdocs page
    (`joined` with no editor HTML, the title from the text's first h1);
    None for a page whose document needs what only mkdocs knows: one with no
    h1 takes the title mkdocs gives it. `found`: the facts read from the
    page's whole HTML (`Parts.facts`).
    """
    search_html = joined(search_before, search_after)
    title = first_heading(search_html)
    if title is None:
        return None
    kind = kind_of(src_uri, True)
    return document(
        title=title, search_html=search_html, kind=kind, found=found, listing=is_listing(src_uri),
        language=language, quoteless=join_quoteless(search_before, "", quoteless_after),
    )


def first_heading(search_html: str) -> str | None:
    """The plain text of the search text's first h1, if it has one."""
    h1 = _FIRST_H1.search(search_html)
    return plain(h1.group(1)) if h1 else None


def title_of(search_html: str, fallback: str) -> str:
    """The page's title: its search text's first h1, else the page title mkdocs knows."""
    heading = first_heading(search_html)
    return heading if heading is not None else plain(fallback)


def document(
    *, title: str, search_html: str, kind: str, found: Facts, listing: bool = False, language: str = "en",
    quoteless: str | None = None,
) -> str:
    """The HTML document Pagefind indexes for one page.

    `search_html` is trusted HTML (made by the renderer or by mkdocs from
    sanitised markdown); every other value is plain text and is escaped here.
    `quoteless`: `search_html` with the claims' words already cut out
    (`join_quoteless`), when they were cut ahead.
    """
    pairs: list[tuple[str, str, str]] = [("meta", "title", title), ("meta", "kind", kind), ("filter", "kind", kind)]
    if found.date:
        pairs += [("meta", "date", found.date), ("sort", "date", found.date),
                  ("filter", "year", found.date[:4]), ("filter", "month", found.date[:7])]
    pairs += [("filter", "tag", tag) for tag in found.tags]
    keys = [key_word("kind", kind)] + [key_word("tag", tag) for tag in found.tags]
    if found.date:
        keys += [key_word("year", found.date[:4]), key_word("month", found.date[:7])]
    pairs.append(("meta", "keys", " ".join(keys)))
    if found.mentions and not listing:
        pairs.append(("meta", "mentions", str(found.mentions)))
    if listing:
        pairs.append(("meta", "listing", "1"))
    body = search_html
    if found.claims:  # (only briefings have claims; only the entity kinds below reweigh their title)
        body = quoteless if quoteless is not None else without_quotes(body, found.claims)
    if kind in ("person", "organisation", "place"):
        # A listing's own heading ("People: B") is no answer to any query; an entity's name is the best one.
        weight = 0 if listing else ENTITY_TITLE_WEIGHT
        body = _FIRST_H1.sub(lambda m: f'<h1 data-pagefind-weight="{weight:g}">{m.group(1)}</h1>', body, count=1)
    claims = "".join(
        f'<h3 id="{_attr(c.anchor)}" data-pagefind-weight="1">{html.escape(c.label)}'
        f'{" · " + html.escape(c.speaker) if c.speaker else ""}</h3>'
        f"<p>{html.escape(c.quote)}</p>"
        for c in found.claims
    )
    return (
        f'<!DOCTYPE html><html lang="{_attr(language)}"><head><title>{html.escape(title)}</title></head>'
        f"<body><main data-pagefind-body>{_hidden(pairs)}{body}{claims}</main></body></html>"
    )
