"""Named entities of an article: people, organisations, places, with mentions and roles.

`find_entities` is the engine's only entry point. It is pure Python over
compiled regular expressions and word lists (no model, no network), so it
is deterministic and fast; the stages live in small modules:

- `chunks`: runs of capitalised words, sentence starts, headline lines;
- `recognise`: names in each run, their titles, a first guess at their kind
  (`candidate`, `recognise_cuts`, `recognise_titles`, `recognise_kinds`);
- `resolve`: document-level kinds, surnames and acronyms linked to full names
  (`resolved`, `resolve_guesses`, `resolve_lists`, `resolve_forms`, `resolve_headlines`);
- `roles`: appositions and role-only references ("the mayor of Enerhodar");
- `agencies`: organisations named by description ("Ukraine's state emergencies agency");
- `tidy`: shapes no name has (an office before "of", two names joined by "and")
  (`tidy_words`, `tidy_things`, `tidy_joined`, `tidy_prefixes`, `tidy_lone_words`, `tidy_pieces`);
- `registry`: the editor's register and ignore list, which win over detection;
- `merge`: mentions grouped into entities with stable ids.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..model import Entity, RegisterEntry
from .agencies import described_organisations
from .chunks import Lines
from .lexicon import lexicon
from .merge import group
from .recognise import find_candidates
from .registry import register_mentions, without_reserved
from .resolve import resolve
from .roles import role_mentions
from .tidy import tidy_mentions

__all__ = ["find_entities"]


def find_entities(text: str, register: Sequence[RegisterEntry] = (), ignore: Collection[str] = ()) -> list[Entity]:
    """All entities named in `text`, ordered by first mention. Never raises on a string."""
    if not text:
        return []
    lex = lexicon()
    ignored = frozenset(ignore)
    reserved, fixed = register_mentions(text, register, ignored)
    cands, shouted = find_candidates(text, lex, Lines(text))
    cands = without_reserved(cands, reserved)
    if ignored:
        cands = [c for c in cands if text[c.start:c.end] not in ignored and c.name not in ignored]
    mentions = resolve(text, cands, shouted, lex, reserved)
    if ignored:
        mentions = [m for m in mentions if text[m.start:m.end] not in ignored]
    mentions.extend(role_mentions(text, mentions, lex, ignored))
    mentions.extend(described_organisations(text, lex, ignored))
    mentions = tidy_mentions(text, mentions, lex)
    if ignored:
        mentions = [m for m in mentions if text[m.start:m.end] not in ignored and m.name not in ignored]
    return group(text, mentions, fixed)
