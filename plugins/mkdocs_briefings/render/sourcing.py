"""Sourcing profiles on the page: each briefing's bar, and the site's Sources page (`core/sourcing.py`).

The bar is a static SVG made here at build time: four stacked rectangles
(named people, named organisations, unnamed sources, no source given),
no script, a `<title>` as its text alternative, and the same figures
printed as text beside it, so nothing depends on seeing colours.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..core.corpus import Corpus
from ..core.entity_records import EntityRecord
from ..core.model import Briefing
from ..core.sourcing import BUCKETS, LABELS, Profile, briefing_profile, grouped, month, outlets, profile, tags
from .contexts import Context
from .jinja import Templates
from .pages import Outline, PageSpec, Parts, Section
from .paths import sources_page

#: Each bucket's colour (the stylesheet may change them; these hold where it is absent): distinct in
#: lightness as well as hue, and the figures are always printed beside the bar.
COLOURS: Mapping[str, str] = {"people": "#3949ab", "organisations": "#26a69a", "unnamed": "#ff7043", "none": "#bdbdbd"}

#: Rows a table of the Sources page shows at most (the groups with the most claims).
TABLE_ROWS = 100
#: People and organisations in the "most quoted" lists.
MOST_QUOTED = 20


def summary(p: Profile) -> str:
    """The profile in words: the bar's text alternative and the figures beside it."""
    if not p.claims:
        return "No sourced claims found."
    shares = ", ".join(f"{p.percent(p.count(k))}% {LABELS[k]}" for k in BUCKETS)
    return (f"{p.claims} claim{'s' if p.claims != 1 else ''}: {shares}; {p.percent(p.hedged)}% hedged; "
            f"{p.direct} direct, {p.reported} reported, {p.mixed} mixed; "
            f"{p.voices} distinct voice{'s' if p.voices != 1 else ''}.")


def bar(p: Profile, decorative: bool = False) -> Markup:
    """The stacked bar of a profile's sources, as inline SVG (empty without claims).

    `decorative`: the same figures are printed next to it (a figure's
    caption, a table row's cells), so assistive technology skips the bar
    rather than read them twice, and the page does not carry them twice.
    """
    if not p.claims:
        return Markup("")
    x, rects = 0.0, []
    for k in BUCKETS:
        w = 100 * p.count(k) / p.claims
        if w:
            rects.append(f'<rect x="{x:.2f}" width="{w:.2f}" height="10" fill="{COLOURS[k]}"/>')
        x += w
    if decorative:
        return Markup(f'<svg class="bf-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
                      f'focusable="false">{"".join(rects)}</svg>')
    alt = html.escape(summary(p))
    return Markup(f'<svg class="bf-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
                  f'aria-label="{alt}"><title>{alt}</title>{"".join(rects)}</svg>')


@dataclass(frozen=True)
class SourcesContext(Context):
    """`sources_index.html`: the site's Sources page."""

    here: str
    title: str
    overall: Profile
    tables: Sequence[tuple[Section, str, Sequence[tuple[str, Profile]], int]]  # (heading, first column, rows, of)
    quoted: Sequence[tuple[Section, Sequence[tuple[EntityRecord, int]]]]  # most quoted, per kind
    sections: Mapping[str, Section]
    labels: Mapping[str, str]
    buckets: Sequence[str]


class SourcingPages:
    """Each briefing's sourcing bar (a template global) and the Sources page."""

    corpus: Corpus
    templates: Templates

    def sourcing(self, b: Briefing) -> tuple[Profile, Markup, str]:
        """A briefing's profile, its bar and its summary."""
        p = briefing_profile(b)
        return p, bar(p), summary(p)

    def sources_pages(self) -> Iterator[PageSpec]:
        here = sources_page()
        title = "Sources"
        outline = Outline(body=(
            Section(2, "by-outlet", "By outlet"), Section(2, "by-tag", "By tag"), Section(2, "by-month", "By month"),
            Section(2, "most-quoted-people", "Most quoted people"),
            Section(2, "most-quoted-organisations", "Most quoted organisations"),
        ))

        def make() -> Parts:
            c = self.corpus
            sec = {s.id: s for s in outline.body}

            def rows(profiles: dict[str, Profile], blank: str, chronological: bool = False
                     ) -> tuple[list[tuple[str, Profile]], int]:
                items = [(k or blank, p) for k, p in profiles.items()]
                if not chronological:
                    items.sort(key=lambda kv: (-kv[1].claims, kv[0]))
                else:  # months in order, undated last
                    items.sort(key=lambda kv: (kv[0] == blank, kv[0]))
                return items[:TABLE_ROWS], len(items)

            tables = []
            for key, first, profiles, blank, chrono in (
                ("by-outlet", "Outlet", grouped(c.briefings, outlets), "Outlet not given", False),
                ("by-tag", "Tag", grouped(c.briefings, tags), "", False),
                ("by-month", "Month", grouped(c.briefings, month), "Undated", True),
            ):
                items, total = rows(profiles, blank, chrono)
                tables.append((sec[key], first, items, total))
            quoted = []
            for key, kinds in (("most-quoted-people", ("person",)),
                               ("most-quoted-organisations", ("organisation", "place", "group", "other"))):
                found = [(c.entities[g.entity], len(g.claims)) for g in c.speakers
                         if g.entity in c.entities and c.entities[g.entity].kind in kinds]
                found.sort(key=lambda rn: (-rn[1], rn[0].name.casefold(), rn[0].id))
                quoted.append((sec[key], found[:MOST_QUOTED]))
            overall = profile((b, cl) for b in c.briefings for cl in b.annotation.claims)
            return Parts(self.templates.page("sources_index.html", SourcesContext(
                here=here, title=title, overall=overall, tables=tables, quoted=quoted, sections=sec,
                labels=LABELS, buckets=BUCKETS,
            )), "", "")

        yield PageSpec(here, title, {"title": title, "search": {"exclude": True}, "hide": ["toc"]}, make,
                       outline.ids(), index=True, outline=outline)
