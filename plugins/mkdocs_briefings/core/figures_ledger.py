"""The figures ledger: figures that count the same thing for the same place, across briefings.

A series is every figure, in any briefing, that counts the same thing
(`Figure.key`: what it counts, each word made singular: "civilians killed"
and "civilian killed" are one) about the same place or organisation
(`Figure.about`), in the same unit (a count, a percentage, or one
currency; "US$" and "$" are one). A figure with nothing counted, or
about nowhere the annotation names, joins no series: there is nothing
to compare it with. A series needs figures from two different stories
(the copies of one story, `duplicates.py`, count once).

A series lists its figures oldest first, so it shows how a figure moves
over time, and is flagged on every date on which different sources give
figures that cannot both be true. Each figure stands for the interval of
values it allows:

- an exact figure allows what rounds to it: "2.5 million" is 2.45 to 2.55
  million, "300,000" is 250,000 to 350,000 (half a unit of its last
  significant digit either side);
- "about" widens that by a tenth either side; "nearly" is up to a tenth
  below; "more than" / "at least" is anything above, "up to" / "fewer
  than" anything below.

Two figures disagree when their intervals do not meet. Sources are the
claim's speaker (a named entity, the same in every story; an unnamed one
is that story's own), or the article itself (each story its own source).

Cost: one pass over the figures, and per series and date a constant
number of passes over its figures (the extreme bounds, see `_disagree`):
linear, whatever the size of a series.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date

from .duplicates import Duplicates
from .figures import Figure
from .model import Briefing

#: How "about" widens a figure, and how far below it "nearly" reaches (a share of its value).
ABOUT = 0.1

#: What a series may not count: words too general to be "the same thing" across stories ("46 people" in
#: Russia one day and "half a million people" another are different people), and distances and sizes,
#: which say how far from a place, not how many of something there are.
GENERIC: frozenset[str] = frozenset("""people person other one member thing way system time place age state
    country mile kilometer kilometre km metre meter foot feet ft inch centimetre centimeter cm mm kg
    kilogram pound ton tonne acre hectare mph kph degree""".split())


@dataclass(frozen=True, slots=True)
class Reading:
    """One figure of a series, as one briefing prints it."""

    slug: str
    date: Date | None
    figure: Figure
    source: str  # who gives it, for comparing: an entity id, "~<story>:<words>" (unnamed), "article:<story>"


@dataclass(frozen=True, slots=True)
class Series:
    """Every figure counting one thing about one place, oldest first."""

    id: str  # stable: "f-" + 10 hex digits of (what is counted, about, unit)
    key: str  # what it counts, normalised
    counts: str  # what it counts, as most figures of it word it
    about: str  # entity id
    unit: str  # "", "%" or a currency
    readings: tuple[Reading, ...]  # oldest first, undated last; then by slug and position
    stories: int
    disputed: tuple[Date, ...]  # dates on which different sources give figures that cannot both be true

    @property
    def briefings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.slug for r in self.readings))


@dataclass(frozen=True, slots=True)
class FiguresLedger:
    """Every series (disputed ones first, then the most widely reported), and each figure's series."""

    series: tuple[Series, ...] = ()
    of: Mapping[tuple[str, int], str] = field(default_factory=dict)  # (slug, figure start) -> series id

    def series_of(self, slug: str, figure: Figure) -> str | None:
        return self.of.get((slug, figure.start))


def unit_class(unit: str) -> str:
    """The unit figures are compared in: "US$" and "$" are one."""
    return "$" if unit in ("$", "US$") else unit


def interval(f: Figure) -> tuple[float, float]:
    """The values a figure allows, given its rounding and its qualifier (see the module's docstring)."""
    v = f.value
    step = _rounding(f.text, v)
    lo, hi = v - step / 2, v + step / 2
    q = f.qualifier
    if q == "about":
        lo, hi = lo - ABOUT * v, hi + ABOUT * v
    elif q == "nearly":
        lo, hi = lo - ABOUT * v, hi
    elif q in ("more than", "at least"):
        hi = math.inf
    elif q in ("up to", "fewer than"):
        lo = -math.inf
    return lo, hi


def _rounding(text: str, value: float) -> float:
    """The unit of a figure's last significant digit: "2.5 million" -> 100,000; "300,000" -> 100,000; "17" -> 1."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if value <= 0:
        return 0.0
    if not m:  # spelt out: "two million" is rounded to the million, "twelve" is exact
        return 10.0 ** math.floor(math.log10(value)) if value >= 100 else 1.0
    written = m.group().replace(",", "")
    number = float(written)
    scale = value / number if number else 1.0  # what a multiplier ("bn", "million") made of it
    if m.group(1):
        return scale * 10.0 ** -len(m.group(1))
    whole = written.split(".")[0]
    zeros = len(whole) - len(whole.rstrip("0")) if whole.strip("0") else 0
    return scale * 10.0 ** zeros


def _disagree(readings: Sequence[Reading]) -> bool:
    """Whether two readings of different sources allow no common value (linear: the extreme bounds only).

    Such a pair exists exactly when the reading with the highest lower bound
    and the lowest upper bound among the other sources do not meet, or the
    reading with the lowest upper bound and the highest lower bound among the
    other sources do not.
    """
    bounds = [(interval(r.figure), r.source) for r in readings]
    top = max(bounds, key=lambda b: b[0][0])
    bottom = min(bounds, key=lambda b: b[0][1])
    low_other = min((b[0][1] for b in bounds if b[1] != top[1]), default=math.inf)
    high_other = max((b[0][0] for b in bounds if b[1] != bottom[1]), default=-math.inf)
    return top[0][0] > low_other or high_other > bottom[0][1]


def _source(slug: str, f: Figure, story: str) -> str:
    if f.speaker:
        return f.speaker
    if f.claim and f.speaker_text:
        return f"~{story}:{' '.join(f.speaker_text.lower().split())}"
    return f"article:{story}"


def build_figures_ledger(figures: Mapping[str, Sequence[Figure]], briefings: Iterable[Briefing],
                         duplicates: Duplicates) -> FiguresLedger:
    """The figures ledger of `figures` (slug -> the briefing's figures, as shown)."""
    by_slug = {b.slug: b for b in briefings}
    story_of = {s: g[0] for g in duplicates.groups for s in g}
    groups: dict[tuple[str, str, str], list[Reading]] = defaultdict(list)
    for slug in sorted(figures):
        b = by_slug.get(slug)
        if b is None:
            continue
        story = story_of.get(slug, slug)
        for f in figures[slug]:
            if f.key and f.about and f.key not in GENERIC:
                groups[(f.key, f.about, unit_class(f.unit))].append(Reading(slug, b.date, f, _source(slug, f, story)))
    out: list[Series] = []
    taken: set[str] = set()
    for (key, about, unit), readings in sorted(groups.items()):
        stories = {story_of.get(r.slug, r.slug) for r in readings}
        if len(stories) < 2:
            continue
        readings.sort(key=lambda r: (r.date is None, r.date or Date.min, r.slug, r.figure.start))
        by_date: dict[Date, list[Reading]] = defaultdict(list)
        for r in readings:
            if r.date is not None:
                by_date[r.date].append(r)
        disputed = tuple(d for d in sorted(by_date) if len({r.source for r in by_date[d]}) > 1 and _disagree(by_date[d]))
        wordings: dict[str, int] = defaultdict(int)
        for r in readings:
            wordings[r.figure.counts.lower()] += 1
        counts = min(wordings, key=lambda w: (-wordings[w], w))
        sid = "f-" + hashlib.blake2b(f"{key}\0{about}\0{unit}".encode(), digest_size=5).hexdigest()
        n = 2
        while sid in taken:  # two series whose hashes collide: told apart in their (sorted) order
            sid = f"{sid.split('-', 2)[0]}-{sid.split('-', 2)[1]}-{n}"
            n += 1
        taken.add(sid)
        out.append(Series(sid, key, counts, about, unit, tuple(readings), len(stories), disputed))
    out.sort(key=lambda s: (not s.disputed, -s.stories, -len(s.readings), s.id))
    of = {(r.slug, r.figure.start): s.id for s in out for r in s.readings}
    return FiguresLedger(tuple(out), dict(sorted(of.items())))
