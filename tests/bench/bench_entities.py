"""Quality of the entities the engine finds over the whole BBC corpus (issue 12's corpus report).

Usage (from the repository root; needs the BBC corpus, see README.md):

    python tests/bench/bench_entities.py              # the report, with up to 15 examples a line
    python tests/bench/bench_entities.py --examples 40

Annotates every article as the site does (`core.annotate.annotate`, then the
corpus-wide surname resolution of `core.entities.corpus_names`) and prints:

- entities per kind: distinct entity ids (the site's pages) and mentions, with
  how many of the ids are linked (confidence at or above LINK_CONFIDENCE);
- person, organisation and place names that start with a lower-case word;
- one-word names that are ordinary English words ("Need", "Through");
- people named by a surname only that one full name of the corpus would absorb
  (before the corpus pass, and what is left after it);
- roles per person: the distribution, and the people with the most roles.

Issue 12 sets the target: organisations <= 3,500 distinct ids. No figure here is
judged against gold: a reader checks the examples.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import bbc_projects as bp

from mkdocs_briefings.core.annotate import annotate
from mkdocs_briefings.core.entities.corpus_names import resolve_corpus_names
from mkdocs_briefings.core.entities.lexicon import lexicon
from mkdocs_briefings.core.entities.names import fold_key
from mkdocs_briefings.core.model import LINK_CONFIDENCE, Annotation

SHOWN = ("person", "organisation", "place")
ORG_TARGET = 3500


def _examples(names: Counter[str], n: int) -> str:
    return ", ".join(f"{name} ({count})" for name, count in names.most_common(n))


def _surname_only(annotations: dict[str, Annotation]) -> Counter[str]:
    """One-word people whose surname ends exactly one full name of the corpus."""
    full: dict[str, set[str]] = defaultdict(set)
    for ann in annotations.values():
        for e in ann.entities:
            if e.kind == "person" and " " in e.name and e.confidence >= LINK_CONFIDENCE:
                full[fold_key(e.name.rsplit(" ", 1)[1])].add(e.id)
    out: Counter[str] = Counter()
    for ann in annotations.values():
        for e in ann.entities:
            if e.kind == "person" and " " not in e.name and len(full.get(fold_key(e.name), ())) == 1:
                out[e.name] += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=15, help="examples printed per line")
    args = parser.parse_args()
    k = args.examples

    articles = bp.read_corpus()
    raw = {f"{a.category}/{a.number}": annotate("\n".join(a.paragraphs)) for a in articles}
    resolved = resolve_corpus_names(raw)
    lex = lexicon()

    ids: dict[str, set[str]] = defaultdict(set)
    linked: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    lower_start: Counter[str] = Counter()
    common_word: Counter[str] = Counter()
    roles_of: dict[str, set[str]] = defaultdict(set)
    for ann in resolved.values():
        for e in ann.entities:
            ids[e.kind].add(e.id)
            mentions[e.kind] += len(e.mentions)
            if e.confidence >= LINK_CONFIDENCE:
                linked[e.kind].add(e.id)
            if e.kind not in SHOWN:
                continue
            if e.name[:1].islower():
                lower_start[f"{e.name} [{e.kind}]"] += 1
            if " " not in e.name and e.name.lower() in lex.common_words:
                common_word[f"{e.name} [{e.kind}]"] += 1
            if e.kind == "person":
                roles_of[e.id].update(e.roles)

    print(f"{len(resolved)} articles")
    print(f"\nentities per kind (distinct ids = pages; linked = confidence >= {LINK_CONFIDENCE:.1f}; mentions)")
    for kind in ("person", "organisation", "place", "group", "other"):
        print(f"  {kind:13} {len(ids[kind]):6} ids  {len(linked[kind]):6} linked  {mentions[kind]:7} mentions")
    orgs = len(ids["organisation"])
    print(f"  organisations: {orgs} ids, target <= {ORG_TARGET}: {'ok' if orgs <= ORG_TARGET else 'OVER'}")

    print(f"\nnames starting with a lower-case word: {sum(lower_start.values())} entities, {len(lower_start)} names")
    print(f"  {_examples(lower_start, k)}")
    print(f"\none-word names that are ordinary words: {sum(common_word.values())} entities, {len(common_word)} names")
    print(f"  {_examples(common_word, k)}")

    before, after = _surname_only(raw), _surname_only(resolved)
    print(f"\nsurname-only people one full name of the corpus would absorb: {sum(before.values())} before the corpus pass, "
          f"{sum(after.values())} after")
    print(f"  before: {_examples(before, k)}")
    if after:
        print(f"  after:  {_examples(after, k)}")

    dist = Counter(len(r) for r in roles_of.values())
    print("\nroles per person (distinct people by id, roles over all their briefings)")
    print("  " + ", ".join(f"{n} roles: {dist[n]}" for n in sorted(dist)))
    most = sorted(roles_of.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:min(k, 10)]
    for pid, roles in most:
        print(f"  {pid}: {len(roles)}: " + "; ".join(sorted(roles))[:200])


if __name__ == "__main__":
    main()
