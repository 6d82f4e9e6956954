"""Names in lines written in capitals, kept only where the body or the lexicon confirms them (see `resolve.py`)."""

from __future__ import annotations

from .candidate import ORG, PERSON, PLACE
from .chunks import Word
from .lexicon import Lexicon
from .recognise import followed_by_score
from .resolved import HEADLINE_CONF, Resolved


def headline_mentions(text: str, shouted: list[list[Word]], found: list[Resolved], lex: Lexicon) -> list[Resolved]:
    """Names in lines written in capitals: only those the body or the lexicon confirms.

    Every word of a headline is capitalised, so capitals prove nothing there;
    a word is a name only if the same name (any case) is known from the body,
    is a well-known name, or is a place that is not also an ordinary word.
    """
    if not shouted:
        return []
    forms: dict[str, tuple[str, str]] = {}
    for r in found:
        if r.sense:
            continue  # a town's team in the body: the town in a headline is still the town (a score makes it a team below)
        forms.setdefault(r.name.casefold(), (r.kind, r.key))
        if r.kind == PERSON:
            last = r.key.rsplit(" ", 1)[-1]
            forms.setdefault(last.casefold(), (r.kind, r.key))
    out: list[Resolved] = []
    for ws in shouted:
        i = 0
        while i < len(ws):
            matched = 0
            for n in range(min(4, len(ws) - i), 0, -1):
                form = text[ws[i].start:ws[i + n - 1].end]
                folded = form.casefold()
                hit: tuple[str, str] | None = forms.get(folded)
                if hit is None:
                    known = lex.known_folded.get(folded)
                    if known is not None:
                        hit = (known.kind, known.name)
                if hit is None:
                    title = form.title()
                    typ = lex.places.get(title)
                    if typ is not None and (typ != "city" or title.lower() not in lex.common_words) and title not in lex.groups:
                        hit = (PLACE, title)
                if (hit is not None and hit[0] == PLACE and lex.places.get(hit[1]) in ("city", "region")
                        and followed_by_score(text, ws[i + n - 1].end)):
                    hit = (ORG, hit[1])
                if hit is not None:
                    out.append(Resolved(ws[i].start, ws[i + n - 1].end, hit[0], hit[1], "", form, True, conf=HEADLINE_CONF))
                    matched = n
                    break
            i += matched or 1
    return out
