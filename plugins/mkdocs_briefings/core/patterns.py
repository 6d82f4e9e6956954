"""Regular-expression building blocks shared by the engine's recognisers.

Python's regex engine tries the alternatives of `a|b|c` one by one at every
position it tries, so a pattern listing a hundred words costs a hundred
comparisons wherever it looks. Written as a prefix tree, the same set of
words is rejected after a character or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of `words` factored by common prefixes.

    It matches exactly the strings that `"|".join(map(re.escape, words))`
    matches, preferring the longer of two words that share a prefix; a
    scan of a whole article for a few hundred cue forms is several times
    faster than with the plain alternation.
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict[str, Any]]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
