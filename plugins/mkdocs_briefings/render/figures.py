"""Figures on the page: each briefing's "Figures" table, and the site's figures ledger (`core/figures*.py`).

A briefing's table lists each figure as written (its value for machines in
a `<data>` element), its qualifier, what it counts, the place or
organisation it is about, and its source: the claim's speaker, linked to
the claim, or the article itself. The figures ledger pages, paginated like
the claims ledger, give each series (one thing counted about one place)
oldest first, with the dates on which sources disagree flagged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..core.corpus import Corpus
from ..core.figures import Figure
from ..core.figures_ledger import Reading, Series
from ..core.model import LINK_CONFIDENCE, Briefing, Claim
from .contexts import Context
from .jinja import Templates
from .pages import Outline, PageSpec, Parts, Section
from .paths import entity_link, figures_page, series_anchor
from .safety import html_text
from .views import FigureView, date_label

#: Series on one figures ledger page.
FIGURES_PER_PAGE = 50

#: Units as a heading names them.
UNIT_WORDS: Mapping[str, str] = {"": "", "%": "percentage", "$": "US dollars", "£": "pounds", "€": "euros",
                                 "¥": "yen", "₹": "rupees"}


def number(value: float) -> str:
    """A figure's value as digits a machine reads (no thousands separators, no exponent)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class FiguresContext(Context):
    """`figures_index.html`: one page of the figures ledger."""

    here: str
    title: str
    series: Sequence[Series]
    rows: Mapping[str, Sequence[tuple[Briefing, FigureView]]]  # series id -> its readings, oldest first
    headings: Mapping[str, Section]  # series id -> its heading
    disputed: Mapping[str, Sequence[str]]  # series id -> the dates sources disagree on, as words
    moves: Mapping[str, str]  # series id -> how its figure moved ("" when it did not)
    page: int
    pages: Sequence[tuple[int, str]]
    first: int
    total: int
    flagged: int


def series_title(s: Series, corpus: Corpus) -> str:
    """A series' heading: what it counts, about where (and its unit when not a count)."""
    rec = corpus.record(s.about)
    where = rec.name if rec else s.about
    unit = UNIT_WORDS.get(s.unit, s.unit)
    return f"{s.counts[:1].upper()}{s.counts[1:]}: {where}" + (f" ({unit})" if unit else "")


class FiguresPages:
    """Each briefing's figure views (for its table) and the figures ledger pages."""

    corpus: Corpus
    templates: Templates
    rel: Callable[..., str]

    def figures_chunks(self) -> list[tuple[Series, ...]]:
        series = self.corpus.figures_ledger.series
        return [series[i : i + FIGURES_PER_PAGE] for i in range(0, len(series), FIGURES_PER_PAGE)] or [()]

    def init_figures(self) -> None:
        """The series id -> "page#anchor" lookup (once per renderer)."""
        self._series_targets = {s.id: f"{figures_page(n)}#{series_anchor(s.id)}"
                                for n, chunk in enumerate(self.figures_chunks(), 1) for s in chunk}

    def figure_view(self, b: Briefing, f: Figure) -> FigureView:
        """A figure of a briefing as its table row (and a figures ledger row) shows it."""
        rec = self.corpus.record(f.about)
        about = rec.name if rec else ""
        about_page = entity_link(rec) if rec else None
        if not about and f.about:
            ent = b.annotation.entity(f.about)
            about = ent.name if ent else ""
        claim = self._figure_claims(b).get(f.claim) if f.claim else None
        if claim is None:
            source, source_page, kind = "The article", None, "article"
        else:
            sp = claim.speaker
            speaker = self.corpus.record(sp.entity) if sp and sp.entity and sp.confidence >= LINK_CONFIDENCE else None
            if speaker is not None:
                source, source_page, kind = speaker.name, entity_link(speaker), "named"
            elif sp is not None and sp.entity is None:
                source, source_page, kind = f"Unnamed source: “{sp.span.text}”", None, "unnamed"
            elif sp is not None:
                source, source_page, kind = f"“{sp.span.text}”, not identified", None, "guessed"
            else:
                source, source_page, kind = "No source given", None, "guessed"
        sid = self.corpus.figures_ledger.series_of(b.slug, f)
        return FigureView(f.text, number(f.value), f.qualifier, f.counts, about, about_page, source, source_page, kind,
                          f.claim, self._series_targets.get(sid) if sid else None)

    def _figure_claims(self, b: Briefing) -> dict[str, Claim]:
        """A briefing's claims by id (the last briefing's kept: a page's figures look up its claims in turn)."""
        cached = getattr(self, "_figure_claims_cache", None)
        if cached is None or cached[0] is not b:
            cached = (b, {c.id: c for c in b.annotation.claims})
            self._figure_claims_cache = cached
        return cached[1]

    def figure_views(self, b: Briefing) -> tuple[FigureView, ...]:
        return tuple(self.figure_view(b, f) for f in self.corpus.figures.get(b.slug, ()))

    def figures_pages(self) -> Iterator[PageSpec]:
        """figures/index.md, figures/page/2.md, ...: every series oldest first, disputed series first."""
        chunks = self.figures_chunks()
        page_list = [(n, figures_page(n)) for n in range(1, len(chunks) + 1)]
        every = self.corpus.figures_ledger.series
        total, flagged = len(every), sum(1 for s in every if s.disputed)
        for n, chunk in enumerate(chunks, 1):
            here = figures_page(n)
            title = "Figures ledger" if n == 1 else f"Figures ledger, page {n}"
            outline = Outline(body=tuple(Section(2, series_anchor(s.id), series_title(s, self.corpus), indexed=True)
                                         for s in chunk))

            def make(n: int = n, here: str = here, title: str = title, chunk: tuple[Series, ...] = chunk,
                     outline: Outline = outline) -> Parts:
                c = self.corpus
                rows = {s.id: [(c.by_slug[r.slug], self.figure_view(c.by_slug[r.slug], r.figure)) for r in s.readings]
                        for s in chunk}
                search = {sec.id: "<p>" + html_text("; ".join(
                              f"{v.qualifier + ' ' if v.qualifier else ''}{v.text} {v.counts}, {date_label(b.date)}, {v.source}"
                              for b, v in rows[s.id])) + "</p>"
                          for s, sec in zip(chunk, outline.body, strict=True)}
                return Parts(self.templates.page("figures_index.html", FiguresContext(
                    here=here, title=title, series=chunk, rows=rows,
                    headings={s.id: sec for s, sec in zip(chunk, outline.body, strict=True)},
                    disputed={s.id: [date_label(d) for d in s.disputed] for s in chunk},
                    moves={s.id: _moves(s) for s in chunk}, page=n, pages=page_list,
                    first=(n - 1) * FIGURES_PER_PAGE + 1, total=total, flagged=flagged,
                )), "", self.templates.search_head(title) + self.templates.search_sections(outline.body, search))

            yield PageSpec(here, title, {"title": title, "hide": ["toc"]}, make, outline.ids(), index=n == 1,
                           outline=outline)


def _moves(s: Series) -> str:
    """How a series' figure moved, in words: its first and last dated figures, when they differ."""
    dated = [r for r in s.readings if r.date is not None]
    if len(dated) < 2 or dated[0].figure.value == dated[-1].figure.value:
        return ""
    first, last = dated[0], dated[-1]

    def said(r: Reading) -> str:
        f = r.figure
        return f"{f.qualifier + ' ' if f.qualifier else ''}{f.text} ({date_label(r.date)})"

    direction = "rose" if last.figure.value > first.figure.value else "fell"
    return f"It {direction} from {said(first)} to {said(last)}."
