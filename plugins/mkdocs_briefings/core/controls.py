"""An editor's control over what is found across briefings: overlay keys, read and checked.

The machine finds figures, duplicate stories and repeated statements; an
editor overrules it in the briefing's overlay (`briefings/<slug>.md`):

```yaml
drop_figures: ["$17.5bn", "nearly 500 civilians"]   # figures of this briefing that are wrong
not_duplicates: [other-briefing-slug]                # not the same story, whatever the texts share
ledger_split: ["we will not give up"]                # claims of this briefing kept out of the ledger
ledger_merge:                                        # one statement, worded differently
  - quote: "words of a claim of this briefing"
    with: "words of a claim of another briefing"
```

Everything is matched by words (case, spacing and curly or straight quotes
do not matter), never by a position or a generated id, so controls survive
re-annotation and engine upgrades. A control that matches nothing is a
warning on its line (`check_controls`), so it cannot silently rot, and fails
`mkdocs build --strict` like every other overlay problem.

Kept apart from `overlays.py` so the overlay schema gains four keys and one
call, and these rules live in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .diagnostics import Diagnostic, quoted, unknown_key
from .figures import Figure, figures
from .inputs import clean_text
from .model import Briefing, Controls
from .text import is_slug
from .yamldoc import YamlDoc

#: The overlay keys this module reads.
CONTROL_KEYS: tuple[str, ...] = ("drop_figures", "not_duplicates", "ledger_split", "ledger_merge")
#: Keys of one `ledger_merge` item.
MERGE_KEYS: tuple[str, ...] = ("quote", "with")
#: A `ledger_merge` item's `with` matching more claims than this is a stock phrase, not a statement.
MAX_MERGED = 50

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": "-"})


def norm(text: str) -> str:
    """Words as an editor's snippet is compared: case, spacing, curly quotes and outer punctuation ignored."""
    return " ".join(text.translate(_QUOTES).casefold().split()).strip(" \"'.,;:!?")


def _text(value: Any) -> str | None:
    """A YAML scalar an editor may mean as words ("500" is read as a number): its text, or None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(clean_text(str(value)).split())  # invisible characters go, as in every editor's value
    return text if norm(text) else None


def parse_controls(doc: YamlDoc, meta: Mapping[str, Any], shown: str, diags: list[Diagnostic]) -> Controls:
    """The controls of an overlay's front matter; a bad value is a warning on its line (and is left out), as
    the overlay's other values are: the build goes on, and `--strict` fails on it."""
    lists: dict[str, list[tuple[str, int]]] = {}
    examples = {
        "drop_figures": "a list of figures as the Figures table shows them, e.g. ['$17.5bn', 'nearly 500']",
        "not_duplicates": "a list of briefing slugs, e.g. [other-briefing]",
        "ledger_split": "a list of words of claims, e.g. ['we will not give up']",
    }
    for key, example in examples.items():
        lists[key] = []
        if key not in meta or meta[key] is None:
            continue
        value = meta[key]
        items = [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value
        if not isinstance(items, list):
            diags.append(Diagnostic(shown, doc.line(key), f"'{key}' must be {example}"))
            continue
        for i, item in enumerate(items):
            line = doc.line(key, i) if items is value else doc.line(key)
            text = _text(item)
            if text is None or (key == "not_duplicates" and not is_slug(text)):
                diags.append(Diagnostic(shown, line, f"bad item {quoted(item)} in '{key}': it must be {example}"))
                continue
            lists[key].append((text, line))
    merges: list[tuple[str, str, int]] = []
    value = meta.get("ledger_merge")
    if value is not None:
        if not isinstance(value, list):
            diags.append(Diagnostic(shown, doc.line("ledger_merge"),
                                    "'ledger_merge' must be a list of '- quote: <words here>' / 'with: <words elsewhere>' items"))
        else:
            for i, item in enumerate(value):
                line = doc.line("ledger_merge", i)
                if not isinstance(item, dict):
                    diags.append(Diagnostic(shown, line, "each 'ledger_merge' item is a mapping: '- quote: ...' and 'with: ...'"))
                    continue
                for k in item:
                    if k not in MERGE_KEYS:
                        diags.append(unknown_key(shown, doc.line("ledger_merge", i, k), k, MERGE_KEYS, "a 'ledger_merge' item"))
                quote, other = _text(item.get("quote")), _text(item.get("with"))
                if quote is None or other is None:
                    diags.append(Diagnostic(shown, line, "a 'ledger_merge' item needs 'quote:' (words of a claim of this "
                                            "briefing) and 'with:' (words of a claim of another briefing)"))
                    continue
                merges.append((quote, other, line))
    return Controls(tuple(lists["drop_figures"]), tuple(lists["not_duplicates"]), tuple(lists["ledger_split"]),
                    tuple(merges))


def figure_words(f: Figure) -> frozenset[str]:
    """What an editor may write to name a figure: as written, with its qualifier, and with what it counts."""
    forms = {f.text, f.phrase}
    if f.counts:
        forms |= {f"{f.text} {f.counts}", f"{f.phrase} {f.counts}"}
    return frozenset(norm(x) for x in forms)


def kept_figures(b: Briefing, found: Sequence[Figure] | None = None) -> tuple[Figure, ...]:
    """A briefing's figures without those its overlay drops."""
    found = figures(b) if found is None else found
    if not b.controls.drop_figures:
        return tuple(found)
    drops = {norm(t) for t, _ in b.controls.drop_figures}
    return tuple(f for f in found if not (figure_words(f) & drops))


def not_duplicate_pairs(briefings: Iterable[Briefing]) -> frozenset[tuple[str, str]]:
    """Every pair (a < b) an overlay says is not one story (either briefing's overlay may say it)."""
    return frozenset(tuple(sorted((b.slug, other))) for b in briefings  # type: ignore[misc]  # a pair of two slugs
                     for other, _ in b.controls.not_duplicates if other != b.slug)


def check_controls(briefings: Sequence[Briefing]) -> list[Diagnostic]:
    """A warning on the line of every control that matches nothing (or names an unknown briefing)."""
    diags: list[Diagnostic] = []
    slugs = {b.slug for b in briefings}
    merged = [(b, q, w, line) for b in briefings for q, w, line in b.controls.ledger_merge]
    wanted = {norm(w) for _, _, w, _ in merged}
    found_with: dict[str, int] = dict.fromkeys(wanted, 0)
    if wanted:  # one pass over every claim, for every merge's "with"
        for b in briefings:
            for c in b.annotation.claims:
                content = norm(c.content.text)
                for w in wanted:
                    if w in content:
                        found_with[w] += 1
    for b in briefings:
        ctl = b.controls
        where = b.overlay or b.slug
        if ctl.drop_figures:
            words = set().union(*(figure_words(f) for f in figures(b)))
            for text, line in ctl.drop_figures:
                if norm(text) not in words:
                    diags.append(Diagnostic(where, line, f"drop_figures: {quoted(text)} matches no figure of this briefing: "
                                            "copy it from the Figures table, or remove it"))
        for slug, line in ctl.not_duplicates:
            if slug == b.slug or slug not in slugs:
                diags.append(Diagnostic(where, line, f"not_duplicates: {quoted(slug)} is not another briefing of this site"))
        contents = [norm(c.content.text) for c in b.annotation.claims]
        for quote, line in ctl.ledger_split:
            if not any(norm(quote) in c for c in contents):
                diags.append(Diagnostic(where, line, f"ledger_split: {quoted(quote)} matches no claim of this briefing"))
        for quote, other, line in ctl.ledger_merge:
            if not any(norm(quote) in c for c in contents):
                diags.append(Diagnostic(where, line, f"ledger_merge: {quoted(quote)} matches no claim of this briefing"))
            n = found_with.get(norm(other), 0)
            if n == 0:
                diags.append(Diagnostic(where, line, f"ledger_merge: 'with' {quoted(other)} matches no claim of any briefing"))
            elif n > MAX_MERGED:
                diags.append(Diagnostic(where, line, f"ledger_merge: 'with' {quoted(other)} matches {n} claims: "
                                        "quote more words of the one statement meant"))
    return diags
